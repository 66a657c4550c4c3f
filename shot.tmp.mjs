import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1400, height: 1000 } });
await p.goto('file:///work/main/test-results/one-shot.png');
await p.screenshot({ path: '/tmp/crop.png', clip: { x: 390, y: 1360, width: 1000, height: 900 } });
await b.close();
