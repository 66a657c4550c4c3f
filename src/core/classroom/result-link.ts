import { deflateSync } from 'fflate';
import { fnv1a, hashTrials, type ResultDigest, type TrialFingerprint } from '../digest';
import { PlaygroundError } from '../errors';
import { experimentSpace, type Experiment } from '../experiment';
import { clip } from '../format';
import { decodeLink, encodeLink, fromBase64Url, inflateCapped, toBase64Url } from '../link';
import { decodeTrials, encodeTrials, TrialCodecError } from './trial-codec';

/**
 * Result links: what a student hands the teacher after a run. A result link is the run's share
 * link (experiment and digest, version and check as share links have them, so it opens and
 * re-runs like one) followed by `&t=<base64url(deflate(trials))>[&n=<name>]&k=<check>`: the trials
 * (trial-codec.ts), the name the student typed, and a check over all of it, so a link damaged in
 * copying is refused rather than merged as another result. Read under limits: a result link is at
 * most MAX_RESULT_LINK_CHARS long and its trials inflate to at most MAX_TRIAL_BYTES.
 */
export const MAX_RESULT_LINK_CHARS = 65_536;
export const MAX_TRIAL_BYTES = 512 * 1024;
export const MAX_NAME_CHARS = 40;

export interface ResultLink {
  experiment: Experiment;
  digest: ResultDigest | null;
  trials: TrialFingerprint[];
  /** What the student typed, cleaned; '' when nothing. */
  name: string;
  /** The share link inside (`#v=…`): opening it re-runs the experiment and compares digests. */
  share: string;
  /** The trials hash to the digest the link carries (or it carries none). */
  matchesDigest: boolean;
}

/** A name as text only: no control characters, no angle brackets, one space between words, clipped. */
export function cleanName(raw: string): string {
  const kept = raw
    .replace(/[\p{Cc}\p{Cf}\p{Cs}<>]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  // Clipped by code point: a cut through a surrogate pair would leave one that no URL can carry.
  return Array.from(kept).slice(0, MAX_NAME_CHARS).join('');
}

const checkOf = (parts: readonly string[]) => fnv1a(parts.join('&'));

/** A result link without its name: the share link and the deflated trials, the costly part (tens of milliseconds for a thousand trials). */
export interface ResultLinkBody {
  share: string;
  x: string;
  d: string;
  t: string;
}

export function resultLinkBody(experiment: Experiment, digest: ResultDigest | null, trials: readonly TrialFingerprint[]): ResultLinkBody {
  const share = encodeLink(experiment, digest);
  const params = new URLSearchParams(share.slice(1));
  const t = toBase64Url(deflateSync(encodeTrials(trials, experimentSpace(experiment)), { level: 9 }));
  return { share, x: params.get('x')!, d: params.get('d') ?? '', t };
}

/** The result link of `body` under `name`: cheap, so the page redoes only this as a name is typed. */
export function namedResultLink({ share, x, d, t }: ResultLinkBody, name = ''): string {
  const n = cleanName(name);
  const k = checkOf([x, d, t, n]);
  return `${share}&t=${t}${n ? `&n=${encodeURIComponent(n)}` : ''}&k=${k}`;
}

export function encodeResultLink(experiment: Experiment, digest: ResultDigest | null, trials: readonly TrialFingerprint[], name = ''): string {
  return namedResultLink(resultLinkBody(experiment, digest, trials), name);
}

function badResult(why: string): PlaygroundError {
  return new PlaygroundError(
    'invalid-link',
    `This result link cannot be read: ${why}.`,
    'Ask the student to copy the result link again (it may have been cut), or to send the text file of links.',
  );
}

/** Accepts a whole URL, a `#…` hash or the bare `v=…` part, as share links are. */
export function decodeResultLink(link: string): ResultLink {
  const text = link.trim();
  if (text.length > MAX_RESULT_LINK_CHARS) throw badResult(`it is ${text.length} characters long, and result links are at most ${MAX_RESULT_LINK_CHARS}`);
  const hashAt = text.indexOf('#');
  const params = new URLSearchParams(hashAt >= 0 ? text.slice(hashAt + 1) : text.includes('://') ? '' : text);
  const t = params.get('t');
  if (t === null) {
    throw badResult(
      params.get('x') === null ? 'it is not a playground link' : 'it is a share link without trials (t=…); copy the result link shown after the run',
    );
  }
  const x = params.get('x') ?? '';
  const d = params.get('d');
  const rawName = params.get('n') ?? '';
  const k = params.get('k');
  if (k === null) throw badResult('its check value (k=…) is missing, so it may have been cut');
  if (k !== checkOf([x, d ?? '', t, rawName])) throw badResult('its check value does not match, so some characters were changed or lost when it was copied');

  const share = `#${['v', 'x', 'd', 'c']
    .filter((key) => params.get(key) !== null)
    .map((key) => `${key}=${params.get(key)}`)
    .join('&')}`;
  let opened;
  try {
    opened = decodeLink(share);
  } catch (e) {
    if (e instanceof PlaygroundError && e.code === 'invalid-link')
      throw badResult(e.message.replace(/^This share link cannot be read: /, '').replace(/\.$/, ''));
    throw e;
  }
  let trials: TrialFingerprint[];
  try {
    trials = decodeTrials(inflateCapped(fromBase64Url(t), MAX_TRIAL_BYTES, 'its trial data'), experimentSpace(opened.experiment));
  } catch (e) {
    if (e instanceof TrialCodecError) throw badResult(e.message);
    if (e instanceof PlaygroundError && e.code === 'invalid-link')
      throw badResult(e.message.replace(/^This share link cannot be read: /, '').replace(/\.$/, ''));
    throw badResult(e instanceof PlaygroundError ? `a trial's genotype is not one of its space (${clip(e.message, 80)})` : 'its trials are damaged');
  }
  const { digest } = opened;
  const matchesDigest = digest === null || (digest.trials === trials.length && digest.hash === hashTrials(trials));
  return { experiment: opened.experiment, digest, trials, name: cleanName(rawName), share, matchesDigest };
}
