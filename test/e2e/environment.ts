import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startPreview } from './browser';

/**
 * One preview server and one browser for a test file, started before its tests and closed after:
 * `const env = usePageEnvironment();` then `env.browser`, `env.url` inside the tests.
 */
export function usePageEnvironment(): { readonly browser: Browser; readonly url: string } {
  let server: Awaited<ReturnType<typeof startPreview>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startPreview();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    get url() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server.url;
    },
  };
}
