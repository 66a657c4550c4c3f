import type { TrialFingerprint } from '../digest';
import type { SearchSpace } from '../space/types';

/**
 * A search's trials as bytes, compact enough for a link: each trial is its genotype and its
 * accuracy. Where a space's decisions number its genotypes in a 32-bit range and give back the
 * same encoded string (NAS-Bench-201: one index in 0..15 624), a trial's genotype is that index;
 * otherwise the distinct encoded strings are written once and trials point at them. Accuracies
 * are written as float32 when every one is exactly a float32 (table lookups), else as float64,
 * so they come back bit for bit.
 *
 * Layout: format byte, flags byte, varint N, the genotypes (N varint indices, or varint K, K
 * length-prefixed UTF-8 strings and N varint references), then N little-endian accuracies.
 */
const FORMAT = 1;
const BY_INDEX = 1;
const FLOAT32 = 2;
/** The most trials a result link may carry: far beyond any budget the page runs. */
export const MAX_RESULT_TRIALS = 20_000;
/** The longest encoded genotype read back (a digest's `best` has the same cap). */
const MAX_ENCODED_CHARS = 4096;

/** Why a trial payload could not be read, for the link's refusal message. */
export class TrialCodecError extends Error {}

function radices(space: SearchSpace): number[] | null {
  const sizes = space.decisions().map((d) => d.options.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  return total <= 2 ** 32 ? sizes : null;
}

function toIndex(digits: readonly number[], sizes: readonly number[]): number {
  return digits.reduce((acc, d, i) => acc * sizes[i]! + d, 0);
}

function fromIndex(index: number, sizes: readonly number[]): number[] {
  const digits = new Array<number>(sizes.length);
  for (let i = sizes.length - 1; i >= 0; i--) {
    digits[i] = index % sizes[i]!;
    index = Math.floor(index / sizes[i]!);
  }
  if (index !== 0) throw new TrialCodecError('a genotype index is beyond the size of its space');
  return digits;
}

/** The trials' genotypes as indices, where every one round-trips through the space's decisions; else null. */
function indicesOf(trials: readonly TrialFingerprint[], space: SearchSpace, sizes: readonly number[] | null): number[] | null {
  if (!sizes) return null;
  const out: number[] = [];
  for (const t of trials) {
    try {
      const digits = space.toDecisions(space.decode(t.encoded));
      if (space.encode(space.fromDecisions(digits)) !== t.encoded) return null;
      out.push(toIndex(digits, sizes));
    } catch {
      return null;
    }
  }
  return out;
}

class Writer {
  private bytes: number[] = [];
  varint(n: number): void {
    while (n >= 0x80) {
      this.bytes.push((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.bytes.push(n);
  }
  raw(bytes: Uint8Array): void {
    for (const b of bytes) this.bytes.push(b);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

class Reader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  byte(): number {
    if (this.at >= this.bytes.length) throw new TrialCodecError('its trials are cut short');
    return this.bytes[this.at++]!;
  }
  varint(max: number): number {
    let n = 0;
    for (let scale = 1; ; scale *= 0x80) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if (n > max) throw new TrialCodecError('its trials hold a number out of range');
      if (b < 0x80) return n;
    }
  }
  take(length: number): Uint8Array {
    if (this.at + length > this.bytes.length) throw new TrialCodecError('its trials are cut short');
    this.at += length;
    return this.bytes.subarray(this.at - length, this.at);
  }
}

export function encodeTrials(trials: readonly TrialFingerprint[], space: SearchSpace): Uint8Array {
  const w = new Writer();
  const indices = indicesOf(trials, space, radices(space));
  const float32 = trials.every((t) => Math.fround(t.accuracy) === t.accuracy);
  w.raw(Uint8Array.of(FORMAT, (indices ? BY_INDEX : 0) | (float32 ? FLOAT32 : 0)));
  w.varint(trials.length);
  if (indices) {
    for (const i of indices) w.varint(i);
  } else {
    const table = [...new Set(trials.map((t) => t.encoded))];
    const refs = new Map(table.map((s, i) => [s, i]));
    w.varint(table.length);
    for (const s of table) {
      const utf8 = new TextEncoder().encode(s);
      w.varint(utf8.length);
      w.raw(utf8);
    }
    for (const t of trials) w.varint(refs.get(t.encoded)!);
  }
  const width = float32 ? 4 : 8;
  const view = new DataView(new ArrayBuffer(trials.length * width));
  trials.forEach((t, i) => (float32 ? view.setFloat32(i * 4, t.accuracy, true) : view.setFloat64(i * 8, t.accuracy, true)));
  w.raw(new Uint8Array(view.buffer));
  return w.done();
}

/** Reads trials written by encodeTrials; every genotype is checked by the space, every accuracy must lie in 0..1. */
export function decodeTrials(bytes: Uint8Array, space: SearchSpace): TrialFingerprint[] {
  const r = new Reader(bytes);
  if (r.byte() !== FORMAT) throw new TrialCodecError('its trials are in a format this page does not know');
  const flags = r.byte();
  const n = r.varint(MAX_RESULT_TRIALS);
  let encoded: string[];
  if (flags & BY_INDEX) {
    const sizes = radices(space);
    if (!sizes) throw new TrialCodecError('its trials are numbered, and this space cannot number its genotypes');
    const size = sizes.reduce((a, b) => a * b, 1);
    encoded = Array.from({ length: n }, () => space.encode(space.fromDecisions(fromIndex(r.varint(size - 1), sizes))));
  } else {
    const k = r.varint(n);
    if (k === 0 && n > 0) throw new TrialCodecError('its trials name no genotypes');
    const table = Array.from({ length: k }, () =>
      space.encode(space.decode(new TextDecoder('utf-8', { fatal: true }).decode(r.take(r.varint(MAX_ENCODED_CHARS))))),
    );
    encoded = Array.from({ length: n }, () => table[r.varint(Math.max(0, k - 1))]!);
  }
  const width = flags & FLOAT32 ? 4 : 8;
  const view = new DataView(r.take(n * width).slice().buffer);
  const trials = encoded.map((e, i) => ({ encoded: e, accuracy: width === 4 ? view.getFloat32(i * 4, true) : view.getFloat64(i * 8, true) }));
  if (r.at !== bytes.length) throw new TrialCodecError('its trials have bytes left over');
  if (trials.some((t) => !(t.accuracy >= 0 && t.accuracy <= 1))) throw new TrialCodecError('an accuracy is outside 0–100 %');
  return trials;
}
