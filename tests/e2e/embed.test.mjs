// The <cert-scope> element on an example documentation page with a strict CSP: two checkers
// render, emit their reports, and nothing is requested beyond the element's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, startServer, launch, audit, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test('two checkers on a docs page render their certificates and emit reports', async () => {
  const page = await browser.context.newPage();
  const watch = audit(page, server.origin);
  await page.goto(`${server.origin}/examples/docs.html`);
  const html = await readFile(join(ROOT, 'www/examples/docs.html'), 'utf8');
  const inlinePem = html.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)[0];
  const filePem = await readFile(join(ROOT, 'www/examples/device.pem'), 'utf8');
  for (const [id, pem] of [['from-file', filePem], ['inline', inlinePem]]) {
    const fingerprint = page.locator(`#${id} >> css=.fingerprint.sha256`);
    await fingerprint.waitFor();
    assert.equal(await fingerprint.textContent(), new X509Certificate(pem).fingerprint256, id);
  }
  const subject = await page.locator('#inline >> css=.subject-dn').textContent();
  assert.match(subject, /CN=sensor-0042/);
  // The element exposes its report, as the event carried it.
  const schema = await page.evaluate(() => document.querySelector('#inline').report.schema_version);
  assert.equal(typeof schema, 'number');
  await screenshot(page, 'embedded-checkers');
  assert.deepEqual(watch.violations(), []);
  assert.deepEqual(watch.errors, []);
  const paths = new Set(watch.requests.map((url) => new URL(url).pathname));
  assert.deepEqual([...paths].sort(), [
    '/cert-scope.css', '/cert-scope.js', '/examples/device.pem', '/examples/docs.css',
    '/examples/docs.html', '/pkg/certscope_wasm.js', '/pkg/certscope_wasm_bg.wasm', '/render.js',
  ]);
  await page.close();
});

test('a src on another origin is refused with an event, without a request', async () => {
  const page = await browser.context.newPage();
  const watch = audit(page, server.origin);
  await page.goto(`${server.origin}/examples/docs.html`);
  await page.locator('#inline >> css=.fingerprint.sha256').waitFor();
  const message = await page.evaluate(() => new Promise((resolve) => {
    const element = document.createElement('cert-scope');
    element.addEventListener('certscope-error', (event) => resolve(event.detail.message));
    element.setAttribute('src', 'http://127.0.0.2:9/cert.pem');
    document.body.append(element);
  }));
  assert.match(message, /origin/);
  assert.deepEqual(watch.violations(), []);
  await page.close();
});
