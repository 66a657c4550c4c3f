import { concatBytes } from './bytes';
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { fnv1a, parseDigest, type ResultDigest } from './digest';
import { PlaygroundError } from './errors';
import { minimalExperiment, parseExperiment, type Experiment } from './experiment';
import { clip } from './format';
import { readAsVersion } from './link-upgrade';

/**
 * Share links: `#v=3&x=<base64url(deflate(JSON config))>[&d=<base64url(JSON digest)>]&c=<check>`.
 * The version says how to read the rest; a link from a newer version is refused with a clear
 * message instead of being half understood. The check (FNV-1a of x and d) makes a link damaged in
 * copying fail loudly instead of opening as another valid experiment; version 1 links, made
 * before the check existed, still open. The config holds only what differs from the defaults;
 * version 3 changed defaults, so links of versions 1 and 2 are read against theirs, frozen
 * (link-defaults.ts), and a setting added in a later version takes, in an older link, the value
 * it had in effect before it existed (link-upgrade.ts): old links open as they always did and
 * keep their results. Link content is data, never markup, and is read under limits: a link is at
 * most MAX_LINK_CHARS long and inflates to at most MAX_INFLATED_BYTES.
 */
export const LINK_VERSION = 6;
/** Links of this version and later carry a check value. */
const CHECKED_FROM = 2;
/** The longest link read: real ones are a few hundred characters. */
export const MAX_LINK_CHARS = 8192;
/** The most a link's experiment may inflate to: real ones are under 2 KB. */
export const MAX_INFLATED_BYTES = 64 * 1024;

export interface SharedExperiment {
  experiment: Experiment;
  digest: ResultDigest | null;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Inflates, stopping as soon as the output passes `limit` bytes: a link can be a decompression bomb. `what` names it in the refusal. */
export function inflateCapped(bytes: Uint8Array, limit: number, what = 'its experiment'): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw badLink(`${what} inflates to more than ${limit / 1024} KB`);
    chunks.push(chunk);
  });
  inflate.push(bytes, true);
  return concatBytes(chunks);
}

const checkOf = (x: string, d: string) => fnv1a(`${x}&${d}`);

export function encodeLink(experiment: Experiment, digest: ResultDigest | null = null): string {
  const x = toBase64Url(deflateSync(strToU8(JSON.stringify(minimalExperiment(experiment))), { level: 9 }));
  const d = digest ? toBase64Url(strToU8(JSON.stringify(digest))) : '';
  return `#v=${LINK_VERSION}&x=${x}${d ? `&d=${d}` : ''}&c=${checkOf(x, d)}`;
}

function badLink(why: string): PlaygroundError {
  return new PlaygroundError(
    'invalid-link',
    `This share link cannot be read: ${why}.`,
    'Ask for the link again (it may have been cut when copied), or start from the defaults.',
  );
}

/** Accepts a whole URL, a `#…` hash or the bare `v=…&x=…` part. */
export function decodeLink(link: string): SharedExperiment {
  if (link.length > MAX_LINK_CHARS) throw badLink(`it is ${link.length} characters long, and share links are at most ${MAX_LINK_CHARS}`);
  const hashAt = link.indexOf('#');
  const fragment = hashAt >= 0 ? link.slice(hashAt + 1) : link.includes('://') ? '' : link;
  const params = new URLSearchParams(fragment);
  const version = params.get('v');
  if (version === null) throw badLink('it has no version (v=…)');
  if (!/^[1-9]\d{0,5}$/.test(version)) throw badLink(`its version "${clip(version, 12)}" is not a version number`);
  if (Number(version) > LINK_VERSION) {
    throw new PlaygroundError(
      'unsupported-link-version',
      `This link was made by a newer NAS Playground (link version ${version}; this one reads up to ${LINK_VERSION}).`,
      'Use the newest NAS Playground: reload the page, or update the command-line tool.',
    );
  }
  const x = params.get('x');
  if (x === null) throw badLink('it carries no experiment (x=…)');
  const d = params.get('d');
  if (Number(version) >= CHECKED_FROM) {
    const check = params.get('c');
    if (check === null) throw badLink('its check value (c=…) is missing, so it may have been cut');
    if (check !== checkOf(x, d ?? '')) throw badLink('its check value does not match, so some characters were changed or lost when it was copied');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(inflateCapped(fromBase64Url(x), MAX_INFLATED_BYTES)));
  } catch (e) {
    if (e instanceof PlaygroundError) throw e;
    throw badLink('its experiment data is damaged');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badLink('its experiment is not a settings object');
  let experiment: Experiment;
  try {
    experiment = parseExperiment(readAsVersion(raw as Record<string, unknown>, Number(version)));
  } catch (e) {
    throw badLink(e instanceof PlaygroundError ? e.message.replace(/\.$/, '') : 'its settings are not valid');
  }
  return { experiment, digest: d === null ? null : parseDigest(() => strFromU8(fromBase64Url(d))) };
}
