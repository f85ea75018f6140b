// The page's time to first report: open www/ in Chromium (Playwright, Debian's /usr/bin/chromium,
// the same launch and static server as the page tests), paste a 3-certificate chain as soon as
// the page is interactive (DOMContentLoaded), press Analyse, and time until the three certificate
// cards are drawn.
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

// Runs in the page before its scripts: at DOMContentLoaded (the page is interactive and app.js
// has run) pastes the chain and presses Analyse, then records, in page time, when the results
// hold three certificate cards.
const PASTE_WHEN_INTERACTIVE = (chain) => {
  const watchForCards = () => {
    new MutationObserver((_, observer) => {
      if (document.querySelectorAll('#results article.certificate').length >= 3) {
        window.__rendered = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  };
  window.__watchForCards = watchForCards;
  document.addEventListener('DOMContentLoaded', () => {
    watchForCards();
    document.querySelector('#pem').value = chain;
    window.__clicked = performance.now();
    document.querySelector('#analyze').click();
  });
};

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
// --root DIR serves another copy of the page (to compare two versions of it).
const rootAt = process.argv.indexOf('--root');
const server = await startServer(rootAt > 0 ? process.argv[rootAt + 1] : undefined);
const browser = await launch();
const results = [];
try {
  await browser.context.addInitScript(PASTE_WHEN_INTERACTIVE, CHAIN);
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${server.origin}/`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__rendered !== undefined, null, { timeout: 30_000 });
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { interactive: nav.domInteractive, clicked: window.__clicked, rendered: window.__rendered };
    });
    // A second paste in the same tab: the worker and module are ready.
    const warm = await page.evaluate(async () => {
      window.__rendered = undefined;
      document.querySelector('#results').replaceChildren();
      window.__watchForCards();
      const at = performance.now();
      document.querySelector('#analyze').click();
      while (window.__rendered === undefined) await new Promise((r) => setTimeout(r, 1));
      return window.__rendered - at;
    });
    results.push({
      interactive: timing.interactive,
      afterInteractive: timing.rendered - timing.interactive,
      afterClick: timing.rendered - timing.clicked,
      fromOpen: timing.rendered,
      warm,
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
  ['afterClick', 'pasted at DOMContentLoaded -> rendered'],
  ['fromOpen', 'open -> first report rendered'],
  ['warm', 'second paste, module ready -> rendered'],
]) {
  const { best, median } = stat(key);
  console.log(`${label.padEnd(44)} best ${ms(best).padStart(10)}  median ${ms(median).padStart(10)}`);
}
