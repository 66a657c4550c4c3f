import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { PlaygroundError } from './errors';
import { minimalExperiment, parseExperiment, type Experiment } from './experiment';
import type { ResultDigest } from './digest';

/**
 * Share links: `#v=1&x=<base64url(deflate(JSON config))>[&d=<base64url(JSON digest)>]`.
 * The version says how to read the rest; a link from a newer version is refused with a clear
 * message instead of being half understood. Link content is data, never markup.
 */
export const LINK_VERSION = 1;

export interface SharedExperiment {
  experiment: Experiment;
  digest: ResultDigest | null;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function encodeLink(experiment: Experiment, digest: ResultDigest | null = null): string {
  const x = toBase64Url(deflateSync(strToU8(JSON.stringify(minimalExperiment(experiment))), { level: 9 }));
  const d = digest ? `&d=${toBase64Url(strToU8(JSON.stringify(digest)))}` : '';
  return `#v=${LINK_VERSION}&x=${x}${d}`;
}

function badLink(why: string): PlaygroundError {
  return new PlaygroundError('invalid-link', `This share link cannot be read: ${why}.`, 'Ask for the link again (it may have been cut when copied), or start from the defaults.');
}

/** Accepts a whole URL, a `#…` hash or the bare `v=…&x=…` part. */
export function decodeLink(link: string): SharedExperiment {
  const hashAt = link.indexOf('#');
  const fragment = hashAt >= 0 ? link.slice(hashAt + 1) : link.includes('://') ? '' : link;
  const params = new URLSearchParams(fragment);
  const version = params.get('v');
  if (version === null) throw badLink('it has no version (v=…)');
  if (!/^\d+$/.test(version)) throw badLink(`its version "${version}" is not a number`);
  if (Number(version) > LINK_VERSION) {
    throw new PlaygroundError('unsupported-link-version', `This link was made by a newer NAS Playground (link version ${version}; this page reads up to ${LINK_VERSION}).`, 'Reload the page to get the newest version.');
  }
  const x = params.get('x');
  if (x === null) throw badLink('it carries no experiment (x=…)');
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(inflateSync(fromBase64Url(x))));
  } catch {
    throw badLink('its experiment data is damaged');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badLink('its experiment is not a settings object');
  let experiment: Experiment;
  try {
    experiment = parseExperiment(raw);
  } catch (e) {
    throw badLink(e instanceof PlaygroundError ? e.message.replace(/\.$/, '') : 'its settings are not valid');
  }
  return { experiment, digest: parseDigest(params.get('d')) };
}

function parseDigest(d: string | null): ResultDigest | null {
  if (d === null) return null;
  try {
    const raw = JSON.parse(strFromU8(fromBase64Url(d))) as Partial<ResultDigest>;
    const ok =
      typeof raw.best === 'string' &&
      typeof raw.accuracy === 'number' &&
      typeof raw.hash === 'string' &&
      typeof raw.trials === 'number' &&
      typeof raw.backend === 'string';
    // A broken digest is dropped, not fatal: the experiment itself is still reproducible.
    return ok ? (raw as ResultDigest) : null;
  } catch {
    return null;
  }
}
