import { readFileSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

/** The hosts image sets are downloaded from (public/data/image-sets.json): the only ones the page may fetch from. */
const mirrors = [...new Set([...readFileSync('public/data/image-sets.json', 'utf8').matchAll(/"(https:\/\/[^/"]+)/g)].map((m) => m[1]!))].sort();

/**
 * What the page may load, and nothing more: its own scripts and workers (tfjs's WASM threads start
 * from blob: URLs that import blob: scripts, and compile WebAssembly), inline styles (Svelte and d3 set style attributes),
 * images it draws itself, and downloads from its image-set mirrors. No plugins, no frames, no forms.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self' ${mirrors.join(' ')}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Cross-origin isolation lets the WASM backend use threads (SharedArrayBuffer). */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The policy travels in the built page too (static hosts cannot set headers); `frame-ancestors` works only as a header. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

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
  plugins: [svelte(), tfjsWasmThreadsFix(), contentSecurityPolicy()],
  server: { headers: isolation, port: 5173 },
  preview: { headers: { ...isolation, 'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'` }, port: 4173 },
  worker: { format: 'es', plugins: () => [tfjsWasmThreadsFix()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000 },
});
