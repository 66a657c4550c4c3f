import { describe, expect, it } from 'vitest';
import { classFolders, zip } from '../fixtures/images';
import { usePageEnvironment } from './environment';
import { openAdvanced, setNumber, waitForRunEnd } from './page-helpers';
import { watchErrors } from './browser';

const env = usePageEnvironment();

describe('the Content-Security-Policy', () => {
  it('is sent with the page and in it, and nothing the page does violates it (search on WASM threads, WebGL, decoded images, the charts)', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(env.url);
    const header = response!.headers()['content-security-policy'] ?? '';
    expect(header).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(header).toMatch(/object-src 'none'/);
    expect(header).toMatch(/frame-ancestors 'none'/);
    expect(await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content')).toMatch(/default-src 'self'/);

    // An inline script is what an injection would need: it must not run.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    // The refusal above is reported (console messages arrive asynchronously)…
    await expect.poll(() => violations.filter((v) => /inline/.test(v)).length).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    violations.length = 0; // …and nothing else may be.
    errors.length = 0;

    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    await page.setInputFiles('[data-testid=data-file]', { name: 'shapes.zip', mimeType: 'application/zip', buffer: Buffer.from(zip(classFolders(true))) });
    await page.waitForFunction(() => /shapes\.zip \(12 images/.test(document.querySelector('[data-testid=data-panel]')?.textContent ?? ''));
    await openAdvanced(page);
    await page.selectOption('[data-testid=backend-choice]', 'webgl');
    await setNumber(page, 'budget', 1);
    await setNumber(page, 'epochs', 1);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
