import * as tf from '@tensorflow/tfjs';
import './wasm-no-copy';
import { PlaygroundError } from '../core/errors';

export const NODE_BACKENDS = ['cpu', 'wasm', 'webgpu'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

/**
 * Sets the tfjs backend in Node. WebGPU needs the `webgpu` package (Dawn) and a Vulkan driver;
 * on a machine without a GPU, VK_ICD_FILENAMES can point at SwiftShader.
 */
export async function useNodeBackend(name: NodeBackend): Promise<string> {
  if (name === 'webgpu') {
    try {
      const dawn = (await import('webgpu')) as unknown as { create(flags: string[]): GPU; globals: object };
      Object.assign(globalThis, dawn.globals);
      const gpu = dawn.create([]);
      // Node 20 has no global navigator; later versions have one without gpu.
      if (typeof globalThis.navigator === 'undefined') Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
      else Object.defineProperty(globalThis.navigator, 'gpu', { value: gpu, configurable: true });
      if (!(await gpu.requestAdapter()))
        throw new Error('no WebGPU adapter (set VK_ICD_FILENAMES to a Vulkan driver, e.g. /usr/lib/chromium/vk_swiftshader_icd.json)');
      await import('@tensorflow/tfjs-backend-webgpu');
    } catch (e) {
      throw new PlaygroundError(
        'backend',
        `WebGPU is not available in Node here (${e instanceof Error ? e.message : String(e)}).`,
        'Install the "webgpu" package, or use --backend wasm.',
      );
    }
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new PlaygroundError('backend', `The ${name} backend failed to start.`, 'Try --backend wasm or --backend cpu.');
  await tf.ready();
  return tf.getBackend();
}
