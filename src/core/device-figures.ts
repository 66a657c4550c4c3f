import * as v from 'valibot';
import { fromBase64Url, toBase64Url } from './link';

/**
 * "Measure this device": ms per training step of the benchmark network (two 3×3 conv-BN-ReLU
 * layers, 16×16×1 input, batch 32 — `src/nn/step-bench.ts`) on every backend a browser offers,
 * beside the reference machine's figures, and a link that carries them to someone else.
 */
export const DEVICE_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

const Row = v.object({
  backend: v.picklist(DEVICE_BACKENDS),
  detail: v.pipe(v.string(), v.maxLength(120)),
  software: v.boolean(),
  ms: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1e6))),
});
export type DeviceRow = v.InferOutput<typeof Row>;

const Figures = v.object({
  v: v.literal(1),
  /** When they were measured (ISO date), as the measuring browser said. */
  at: v.pipe(v.string(), v.maxLength(40)),
  rows: v.pipe(v.array(Row), v.maxLength(DEVICE_BACKENDS.length)),
});
export type DeviceFigures = v.InferOutput<typeof Figures>;

/**
 * The reference: `npm run bench:train-step` on the 2-core CI machine (the README's table), in
 * Chromium, and PyTorch on the same CPU. A visitor's figure divided by these says how their device
 * compares; the GPU rows here are SwiftShader (software), so a real GPU beats them by far.
 */
export const REFERENCE = {
  where: 'the 2-core CI machine (Chromium; WebGPU and WebGL there are SwiftShader, in software)',
  ms: { wasm: 28.0, cpu: 472, webgl: 418, webgpu: 1968 } as Record<DeviceRow['backend'], number>,
  pytorchMs: 6.5,
};

/** The query parameter of a link that carries measured figures (beside the experiment's `#…`). */
export const DEVICE_PARAM = 'device';
/** A shared figures parameter longer than this is not read. */
const MAX_PARAM = 2048;

export function encodeDeviceFigures(f: DeviceFigures): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(v.parse(Figures, f))));
}

/** The figures a link carries, or a message saying why they cannot be shown. */
export function decodeDeviceFigures(param: string): { figures: DeviceFigures } | { problem: string } {
  if (param.length > MAX_PARAM) return { problem: `The shared device figures are too long (${param.length} characters; at most ${MAX_PARAM}).` };
  try {
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(param)));
    const parsed = v.safeParse(Figures, json);
    if (!parsed.success) return { problem: 'The shared device figures are not in the form this page writes; ask for the link again.' };
    return { figures: parsed.output };
  } catch {
    return { problem: 'The shared device figures could not be read (the link was cut or changed); ask for the link again.' };
  }
}

/** How a figure compares with the reference for its backend: "3.2× faster" or "1.5× slower". */
export function versusReference(row: DeviceRow): string | null {
  if (row.ms === null || row.ms <= 0) return null;
  const ratio = REFERENCE.ms[row.backend] / row.ms;
  return ratio >= 1 ? `${ratio < 10 ? ratio.toFixed(1) : Math.round(ratio)}× faster` : `${(1 / ratio).toFixed(1)}× slower`;
}

/** The figures parameter of an address, or null. */
export function deviceParamOf(href: string): string | null {
  return new URL(href).searchParams.get(DEVICE_PARAM);
}

/** `href` carrying `figures` in its query; the experiment's `#…` is left as it is. */
export function withDeviceFigures(href: string, figures: DeviceFigures): string {
  const url = new URL(href);
  url.searchParams.set(DEVICE_PARAM, encodeDeviceFigures(figures));
  return url.href;
}

/** "2026-12-03 16:00" (UTC) for a time in milliseconds. */
export function measuredAt(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
