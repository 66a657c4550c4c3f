import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

/** Cross-origin isolation lets the WASM backend use threads (SharedArrayBuffer). */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * tfjs-backend-wasm 4.22.0 starts its pthreads from `factory.toString()`. Its factory reads a
 * `_scriptDir` declared just outside it; once bundled and minified, that guarded read becomes a
 * bare reference to a renamed variable and every pthread dies with "e is not defined". Dropping
 * the outer declaration leaves the factory's own `typeof _scriptDir` guard intact.
 */
function tfjsWasmThreadsFix(): Plugin {
  return {
    name: 'tfjs-wasm-threads-fix',
    transform(code, id) {
      if (!id.includes('tfjs-backend-wasm-threaded-simd.js')) return null;
      const fixed = code.replace(
        /var _scriptDir = typeof document[^\n]*\n\s*if \(typeof __filename !== 'undefined'\) _scriptDir = _scriptDir \|\| __filename;/,
        '',
      );
      if (fixed === code) this.error('tfjs-wasm-threads-fix: the pattern was not found; check the tfjs-backend-wasm version');
      return { code: fixed, map: null };
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [svelte(), tfjsWasmThreadsFix()],
  server: { headers: isolation, port: 5173 },
  preview: { headers: isolation, port: 4173 },
  worker: { format: 'es', plugins: () => [tfjsWasmThreadsFix()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000 },
});
