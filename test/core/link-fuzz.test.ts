import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../src/core/errors';
import { parseExperiment } from '../../src/core/experiment';
import { decodeLink, encodeLink, MAX_LINK_CHARS } from '../../src/core/link';
import { makeDigest } from '../../src/core/digest';
import { createRng, type Rng } from '../../src/core/rng';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** A version-1 link (no check value) around any JSON: it reaches the inflater and the schema. */
const v1 = (raw: unknown, d?: unknown) =>
  `#v=1&x=${b64(deflateSync(strToU8(typeof raw === 'string' ? raw : JSON.stringify(raw))))}${d === undefined ? '' : `&d=${b64(strToU8(JSON.stringify(d)))}`}`;

const MARKUP = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '\u0000\u001b[2J\u202e',
  '{{constructor.constructor("x")()}}',
  '${7*7}',
];
const NUMBERS = [1e308, -1e308, 1e-320, -0, 0, -1, 2 ** 31, 2 ** 53 + 1, 0.5, 1e21, 12, 5000, 5001];
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'dataset',
  'space',
  'strategy',
  'budget',
  'seed',
  'data',
  'training',
  'hpo',
  'spaceSettings',
  'strategySettings',
  'objective',
  'backend',
];

function hostileValue(rng: Rng, depth = 0): unknown {
  const kind = rng.int(depth > 3 ? 4 : 7);
  if (kind === 0) return rng.pick(NUMBERS);
  if (kind === 1) return rng.pick(MARKUP) + 'x'.repeat(rng.int(3) === 0 ? 5000 : 0);
  if (kind === 2) return rng.pick([true, false, null]);
  if (kind === 3) return rng.pick(['digits', 'nb201', 'darts', 'own', 'wasm', 'mnas', 'cifar10', 'NaN', 'Infinity']);
  if (kind === 4) return Array.from({ length: rng.int(4) }, () => hostileValue(rng, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = rng.int(5); i > 0; i--) obj[rng.pick(KEYS)] = hostileValue(rng, depth + 1);
  return obj;
}

function hostileLinks(count: number): string[] {
  const rng = createRng('link-fuzz');
  const valid = [
    encodeLink(
      parseExperiment({ dataset: 'shapes', space: 'nb201', strategy: 'random', budget: 7, seed: 99 }),
      makeDigest([{ encoded: 'a', accuracy: 0.5 }], 'wasm'),
    ),
    encodeLink(parseExperiment({ hpo: { enabled: true }, data: { features: { construct: 'polynomial' } }, dataset: 'iris' })),
    encodeLink(parseExperiment({ dataset: 'own', data: { file: { name: MARKUP[1]!, hash: '0123abcd', label: MARKUP[0] } } })),
  ];
  const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bombs = [1e4, 1e5, 1e6, 6e6].map((n) => v1(' '.repeat(n)));
  const pads = [1, 1000, 600_000].map((n) => 'A'.repeat(MAX_LINK_CHARS + n));
  const links: string[] = [];
  for (let i = 0; links.length < count; i++) {
    const link = rng.pick(valid);
    switch (i % 10) {
      case 0: // random characters, any code point
        links.push(Array.from({ length: rng.int(300) }, () => String.fromCharCode(rng.int(0x3000))).join(''));
        break;
      case 1: // cut anywhere
        links.push(link.slice(0, rng.int(link.length)));
        break;
      case 2: {
        // one to three characters of the payload changed
        const chars = [...link];
        for (let k = 1 + rng.int(3); k > 0; k--) chars[7 + rng.int(chars.length - 7)] = base64[rng.int(base64.length)]!;
        links.push(chars.join(''));
        break;
      }
      case 3: // valid deflate of JSON of the wrong types
        links.push(v1(hostileValue(rng)));
        break;
      case 4: // a settings object with hostile values in real fields
        links.push(v1(Object.fromEntries(Array.from({ length: 1 + rng.int(6) }, () => [rng.pick(KEYS), hostileValue(rng, 1)]))));
        break;
      case 5: // decompression bombs of every size up to the length cap, and beyond it
        links.push(rng.pick(bombs));
        break;
      case 6: // not JSON at all, or JSON nested very deep
        links.push(v1(rng.int(2) ? '['.repeat(1 + rng.int(100_000)) : `{"budget": ${'9'.repeat(1 + rng.int(400))}}`));
        break;
      case 7: // hostile digests
        links.push(
          v1(
            {},
            rng.int(2) ? hostileValue(rng) : { best: 'a', accuracy: rng.pick(NUMBERS), hash: '0123abcd', trials: rng.pick(NUMBERS), backend: rng.pick(MARKUP) },
          ),
        );
        break;
      case 8: // hostile versions and parameters
        links.push(
          `#v=${rng.pick(['0', '-1', '1e9', '99999999999', '2', '1.5', ' 1', '', MARKUP[0]])}&x=${rng.pick(['', 'q64FAA', link.split('x=')[1] ?? ''])}&x=dup`,
        );
        break;
      default: // far too long
        links.push(`${link}&pad=${rng.pick(pads)}`);
    }
  }
  return links;
}

describe('share links under a seeded fuzzer', () => {
  it('answers 10 000 hostile links with the project refusal or a valid experiment, each fast, in bounded memory', () => {
    const links = hostileLinks(10_000);
    const counts = { refused: 0, opened: 0 };
    let slowest = 0;
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    for (const link of links) {
      const started = performance.now();
      try {
        const shared = decodeLink(link);
        // Whatever opens is a complete, valid experiment (data, never markup) and a plausible digest.
        expect(parseExperiment(shared.experiment)).toEqual(shared.experiment);
        if (shared.digest) expect(shared.digest.accuracy).toBeLessThanOrEqual(1);
        counts.opened++;
      } catch (e) {
        if (!(e instanceof PlaygroundError)) throw new Error(`link ${JSON.stringify(link.slice(0, 120))} threw ${String(e).slice(0, 200)}`, { cause: e });
        expect(e.message.length).toBeLessThan(700);
        counts.refused++;
      }
      slowest = Math.max(slowest, performance.now() - started);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    console.log(
      `link fuzzer: ${links.length} links, ${counts.refused} refused, ${counts.opened} opened, slowest ${slowest.toFixed(1)} ms, heap +${((heapPeak - heapBefore) / 2 ** 20).toFixed(0)} MB`,
    );
    expect(counts.refused + counts.opened).toBe(10_000);
    expect(counts.refused).toBeGreaterThan(8000);
    expect(slowest).toBeLessThan(1000);
    expect(heapPeak - heapBefore).toBeLessThan(256 * 2 ** 20);
  });

  it('refuses a damaged copy of a link instead of opening another experiment (one changed character, every position)', () => {
    const link = encodeLink(parseExperiment({ budget: 40, seed: 7, strategy: 'tpe' }));
    let opened = 0;
    for (let at = link.indexOf('x=') + 2; at < link.length; at++) {
      for (const c of 'AZaz09-_') {
        if (link[at] === c) continue;
        try {
          const { experiment } = decodeLink(link.slice(0, at) + c + link.slice(at + 1));
          if (experiment.budget !== 40 || experiment.seed !== 7) opened++;
        } catch (e) {
          expect(e).toBeInstanceOf(PlaygroundError);
        }
      }
    }
    expect(opened).toBe(0);
  });
});
