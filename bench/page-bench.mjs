// The page's time to first report: open www/ in Chromium (Playwright, Debian's /usr/bin/chromium,
// the same launch and static server as the page tests), paste a 3-certificate chain as soon as
// the page is interactive, press Analyse, and time until the three certificate cards are drawn.
//
// Every run opens a fresh tab with the HTTP cache disabled, so the worker and the wasm module
// are fetched and compiled each time (a first visit). Prints best and median of RUNS runs.
// Usage: node page-bench.mjs [--quick]   (needs www/pkg from scripts/build.sh and the corpus)
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, startServer } from '../tests/e2e/harness.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RUNS = process.argv.includes('--quick') ? 3 : 9;
const pem = (file) => {
  const body = readFileSync(join(HERE, 'corpus', file)).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
};
const CHAIN = ['p256/leaf-0001.der', 'p256/intermediate.der', 'p256/root.der'].map(pem).join('');

// Records, in page time, when the results hold three certificate cards.
const OBSERVER = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelectorAll('#results article.certificate').length >= 3) {
      window.__rendered = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const server = await startServer();
const browser = await launch();
const results = [];
try {
  await browser.context.addInitScript(OBSERVER);
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let transferred = 0;
    cdp.on('Network.loadingFinished', (event) => { transferred += event.encodedDataLength; });
    await page.goto(`${server.origin}/`, { waitUntil: 'domcontentloaded' });
    await page.fill('#pem', CHAIN);
    const clicked = await page.evaluate(() => {
      const at = performance.now();
      document.querySelector('#analyze').click();
      return at;
    });
    await page.waitForFunction(() => window.__rendered !== undefined, null, { timeout: 30_000 });
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { interactive: nav.domInteractive, rendered: window.__rendered };
    });
    // A second paste in the same tab: the worker and module are ready.
    await page.evaluate(() => {
      window.__rendered = undefined;
      document.querySelector('#results').replaceChildren();
    });
    await page.evaluate(OBSERVER);
    const again = await page.evaluate(() => {
      const at = performance.now();
      document.querySelector('#analyze').click();
      return at;
    });
    await page.waitForFunction(() => window.__rendered !== undefined);
    const warm = (await page.evaluate(() => window.__rendered)) - again;
    results.push({
      interactive: timing.interactive,
      afterInteractive: timing.rendered - timing.interactive,
      afterClick: timing.rendered - clicked,
      fromOpen: timing.rendered,
      warm,
      transferred,
    });
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}

const stat = (key) => {
  const values = results.map((r) => r[key]).sort((a, b) => a - b);
  return { best: values[0], median: values[Math.floor(values.length / 2)] };
};
const ms = (v) => `${v.toFixed(1)} ms`;
console.log(`page: first report for a pasted 3-certificate chain (P-256), Chromium ${browser.context.browser()?.version() ?? ''}, ${RUNS} runs, cache disabled`);
console.log(`load average: ${load()}`);
for (const [key, label] of [
  ['interactive', 'open -> interactive (domInteractive)'],
  ['afterInteractive', 'interactive -> first report rendered'],
  ['afterClick', 'Analyse pressed -> first report rendered'],
  ['fromOpen', 'open -> first report rendered'],
  ['warm', 'second paste, module ready -> rendered'],
]) {
  const { best, median } = stat(key);
  console.log(`${label.padEnd(44)} best ${ms(best).padStart(10)}  median ${ms(median).padStart(10)}`);
}
console.log(`page transfer (every response, uncompressed server): ${stat('transferred').median.toLocaleString('en-US')} bytes`);
