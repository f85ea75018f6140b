// The page end to end in Debian's Chromium: paste, see, survive garbage, send nothing anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, assertClean, assertCoreOffMainThread, audit, countMainThreadInstances, openPage, screenshot, session } from './harness.mjs';

const LEAF = await readFile(join(ROOT, 'tests/data/doc/leaf.pem'), 'utf8');
const state = session();

test('a pasted PEM certificate shows its subject, issuer, validity and SHA-256 fingerprint', async () => {
  const { page, watch } = await openPage(state, { before: countMainThreadInstances });
  await page.fill('#pem', `some text from a terminal\n${LEAF}\nmore text`);
  await page.click('#analyze');
  const card = page.locator('article.certificate');
  await card.waitFor();
  const expected = new X509Certificate(LEAF);
  assert.equal(await card.locator('.subject-dn').textContent(), 'CN=leaf.example.com');
  assert.equal(await card.locator('.issuer-dn').textContent(), 'CN=leaf.example.com');
  assert.equal(await card.locator('.fingerprint.sha256').textContent(), expected.fingerprint256);
  const validity = await card.locator('dd').nth(2).textContent();
  assert.match(validity, new RegExp(new Date(expected.validTo).toISOString().slice(0, 10)));
  await screenshot(page, 'pasted-certificate');
  assertClean(watch);
  // The analysis ran in the worker, through the client: not on the page's main thread.
  await assertCoreOffMainThread(page);
  // Only the page's own files were fetched.
  const paths = watch.requests.map((url) => new URL(url).pathname).sort();
  for (const path of paths) {
    assert.ok(['/', '/app.js', '/client.js', '/render.js', '/asn1view.js', '/style.css', '/report.css', '/worker.js', '/pkg/certscope_wasm.js', '/pkg/certscope_wasm_bg.wasm', '/pkg/roots/index.json'].includes(path), path);
  }
  // The root store itself is fetched only when asked for (chain.test.mjs).
  assert.ok(!paths.includes('/pkg/roots/mozilla.pem'));
  await page.close();
});

test("the worker's built-in warm-up chain analyses without a problem and verifies", async () => {
  // The worker runs these two calls on the page's own module before the first input; a chain
  // that failed to decode or verify would warm up less than it should.
  const source = await readFile(join(ROOT, 'www/worker.js'), 'utf8');
  const pem = source.match(/const WARM_UP = `([^`]+)`/)?.[1];
  const options = source.match(/const WARM_UP_VERIFY = (\{[^}]+\});/)?.[1];
  assert.ok(pem && options, 'worker.js names WARM_UP and WARM_UP_VERIFY');
  const glue = await import(pathToFileURL(join(ROOT, 'www/pkg/certscope_wasm.js')).href);
  glue.initSync({ module: await readFile(join(ROOT, 'www/pkg/certscope_wasm_bg.wasm')) });
  const input = new TextEncoder().encode(pem);
  const report = glue.analyze(input, {});
  assert.deepEqual(report.problems, []);
  assert.deepEqual(report.objects.map((o) => [o.kind, o.roles.map((r) => r.role)]),
    [['certificate', ['tls_server']], ['certificate', ['root_ca']]]);
  assert.equal(report.objects[1].self_signed, true);
  const result = glue.verify([input], Function(`return ${options}`)());
  assert.equal(result.valid, true, JSON.stringify(result.error));
  assert.equal(result.certificates.length, 2);
});

test('garbage gives a clear error and the page keeps working', async () => {
  const { page, watch } = await openPage(state);
  await page.fill('#pem', '-----BEGIN CERTIFICATE-----\nMIIBxTCCAWugAwIBAgIU\n-----END CERTIFICATE-----\n');
  await page.click('#analyze');
  const problem = page.locator('article.problem .error-message');
  await problem.waitFor();
  assert.match(await problem.textContent(), /truncated/);
  await page.fill('#pem', '\u0000\u0001 binary noise \u00ff');
  await page.click('#analyze');
  await page.waitForFunction(() => document.querySelector('article.problem .error-message')?.textContent.includes('found no PEM block'));
  // The wasm instance survived: a valid certificate still decodes.
  await page.fill('#pem', LEAF);
  await page.click('#analyze');
  await page.locator('article.certificate').waitFor();
  assertClean(watch);
  await page.close();
});

test('a right-to-left override in a name is shown escaped, never raw, and draws a finding', async () => {
  const spoof = await readFile(join(ROOT, 'tests/data/lints/certs/w_name_display_control_characters.pem'), 'utf8');
  const { page, watch } = await openPage(state);
  await page.fill('#pem', spoof);
  await page.click('#analyze');
  const card = page.locator('article.certificate');
  await card.waitFor();
  const subject = await card.locator('.subject-dn').textContent();
  assert.ok(subject.includes('\\u{202E}'), subject);
  const all = await card.evaluate((node) => node.textContent);
  assert.ok(!all.includes('\u202e'), 'U+202E appears raw in the card');
  const lints = await card.locator('.lints li').allTextContents();
  assert.ok(lints.some((l) => l.includes('w_name_display_control_characters') && l.includes('U+202E')), lints.join('\n'));
  assertClean(watch);
  await page.close();
});

test('an algorithm certscope does not know is shown by its OID and called unknown', async () => {
  // Signature and key algorithms are UUID OIDs (2.25.<128-bit integer>): the report names them
  // by their dotted OID alone, and the card says so rather than printing "OID (OID)".
  const der = await readFile(join(ROOT, 'tests/data/lenient/uuid-algorithms.der'));
  const { page, watch } = await openPage(state);
  await page.fill('#pem', der.toString('base64'));
  await page.click('#analyze');
  const card = page.locator('article.certificate');
  await card.waitFor();
  const rows = await card.locator('dl.fields dd').allTextContents();
  const signature = rows.find((text) => text.startsWith('2.25.'));
  assert.ok(signature, rows.join('\n'));
  assert.match(signature, /^2\.25\.\d+ \(unknown algorithm\)$/);
  assert.ok(rows.filter((text) => text.includes('(unknown algorithm)')).length >= 2, rows.join('\n'));
  assertClean(watch);
  await page.close();
});

test('negative control: the audit catches a request that leaves the origin', async () => {
  // A page without the CSP, on another origin than the server: its image request must be flagged.
  const page = await state.browser.context.newPage();
  const watch = audit(page, state.server.origin);
  await page.setContent('<img src="http://127.0.0.2:9/tracker.png" alt="">');
  await page.waitForTimeout(300);
  assert.ok(watch.violations().some((url) => url.includes('127.0.0.2')), JSON.stringify(watch.requests));
  await page.close();
});

test('the page sends its Content-Security-Policy with connect-src limited to itself', async () => {
  const response = await fetch(`${state.server.origin}/`);
  const csp = response.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'(;|$)/);
  const html = await response.text();
  assert.match(html, /connect-src 'self';/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline scripts');
});
