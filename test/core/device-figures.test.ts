import { describe, expect, it } from 'vitest';
import { decodeDeviceFigures, encodeDeviceFigures, REFERENCE, versusReference, type DeviceFigures } from '../../src/core/device-figures';
import { toBase64Url } from '../../src/core/link';

const figures: DeviceFigures = {
  v: 1,
  at: '2026-12-03 16:00',
  rows: [
    { backend: 'webgpu', detail: 'nvidia hopper', software: false, ms: 1.9 },
    { backend: 'wasm', detail: '4 threads', software: false, ms: 14 },
    { backend: 'cpu', detail: 'plain JavaScript', software: false, ms: null },
  ],
};

describe('device figures in a link', () => {
  it('round-trips what this page measured', () => {
    const read = decodeDeviceFigures(encodeDeviceFigures(figures));
    expect(read).toEqual({ figures });
  });

  it('refuses hostile or cut parameters with a message, never a throw', () => {
    const bad = [
      'x'.repeat(5000),
      '!!!',
      encodeDeviceFigures(figures).slice(0, 20),
      toBase64Url(new TextEncoder().encode(JSON.stringify({ ...figures, rows: [{ ...figures.rows[0], backend: 'tpu' }] }))),
      toBase64Url(new TextEncoder().encode(JSON.stringify({ ...figures, rows: Array(9).fill(figures.rows[0]) }))),
      toBase64Url(new TextEncoder().encode(JSON.stringify({ ...figures, rows: [{ ...figures.rows[0], detail: 'd'.repeat(500) }] }))),
      toBase64Url(new Uint8Array([0xff, 0xfe, 0x00])),
    ];
    for (const p of bad) {
      const read = decodeDeviceFigures(p);
      expect('problem' in read, p.slice(0, 40)).toBe(true);
      if ('problem' in read) expect(read.problem.length).toBeLessThan(200);
    }
  });

  it('compares each figure with the reference machine on the same backend', () => {
    const wasm = { backend: 'wasm' as const, detail: '', software: false, ms: REFERENCE.ms.wasm / 2 };
    expect(versusReference(wasm)).toBe('2.0× faster');
    expect(versusReference({ ...wasm, ms: REFERENCE.ms.wasm * 3 })).toBe('3.0× slower');
    expect(versusReference({ ...wasm, ms: null })).toBeNull();
  });
});
