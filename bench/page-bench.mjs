// The page's time to first report: open www/ in Chromium (Playwright, Debian's /usr/bin/chromium,
// the same launch and static server as the page tests), paste a 3-certificate chain, press
// Analyse, and time until the three certificate cards are drawn. Two moments to paste:
//   - as soon as the page is interactive (DOMContentLoaded): the first report then waits for the
//     worker to start and the module to be compiled, the strictest reading of "after the page is
//     interactive";
//   - once the page has settled (1 s after its load event), as a person pasting would.
//
// Every run opens a fresh tab with the HTTP cache disabled, so the worker and the wasm module
// are fetched and compiled each time (a first visit). Prints best and median of RUNS runs.
// Usage: node page-bench.mjs [--quick] [--root DIR]   (needs www/pkg from scripts/build.sh and
// the corpus; --root serves another copy of the page, to compare two versions of it)
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

// Runs in the page before its scripts: watches for the three certificate cards and records, in
// page time, when they are drawn; when `atInteractive`, pastes the chain and presses Analyse at
// DOMContentLoaded (the page is interactive and app.js has run).
const WATCH = ({ chain, atInteractive }) => {
  const watchForCards = () => {
    new MutationObserver((_, observer) => {
      if (document.querySelectorAll('#results article.certificate').length >= 3) {
        window.__rendered = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  };
  window.__watchForCards = watchForCards;
  // Resolves once the cards are drawn, to the time since `start`.
  window.__drawnSince = async (start) => {
    while (window.__rendered === undefined) await new Promise((r) => setTimeout(r, 1));
    return window.__rendered - start;
  };
  window.__paste = () => {
    document.querySelector('#pem').value = chain;
    window.__clicked = performance.now();
    document.querySelector('#analyze').click();
  };
  if (atInteractive) {
    document.addEventListener('DOMContentLoaded', () => {
      watchForCards();
      window.__paste();
    });
  }
};

/** A fresh tab with the HTTP cache disabled, the watcher installed. */
async function openTab(atInteractive) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript(WATCH, { chain: CHAIN, atInteractive });
  return page;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const rootAt = process.argv.indexOf('--root');
const server = await startServer(rootAt > 0 ? process.argv[rootAt + 1] : undefined);
const browser = await launch();
const results = [];
try {
  for (let run = 0; run < RUNS; run++) {
    let page = await openTab(true);
    await page.goto(`${server.origin}/`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__rendered !== undefined, null, { timeout: 30_000 });
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { interactive: nav.domInteractive, clicked: window.__clicked, rendered: window.__rendered };
    });
    // A second paste in the same tab: the worker and module are ready and have run once.
    const warm = await page.evaluate(async () => {
      window.__rendered = undefined;
      document.querySelector('#results').replaceChildren();
      window.__watchForCards();
      const at = performance.now();
      document.querySelector('#analyze').click();
      return window.__drawnSince(at);
    });
    await page.close();
    // A first paste in a fresh tab once the page has settled.
    page = await openTab(false);
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    const settled = await page.evaluate(async () => {
      window.__watchForCards();
      window.__paste();
      return window.__drawnSince(window.__clicked);
    });
    await page.close();
    results.push({
      interactive: timing.interactive,
      afterInteractive: timing.rendered - timing.interactive,
      afterClick: timing.rendered - timing.clicked,
      fromOpen: timing.rendered,
      settled,
      warm,
    });
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
  ['settled', 'first paste, page settled (load + 1 s) -> rendered'],
  ['warm', 'second paste, module ready -> rendered'],
]) {
  const { best, median } = stat(key);
  console.log(`${label.padEnd(52)} best ${ms(best).padStart(10)}  median ${ms(median).padStart(10)}`);
}
