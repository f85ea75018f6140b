// The workbench: multi-file drop, ASN.1 view, exports read back, themes and phone width,
// keyboard-only use, and an automated accessibility check. Every test also fails on a request
// off the page's origin and on any console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, assertClean, audit, openPage, screenshot, session } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const LEAF = await readFile(join(ROOT, 'tests/data/doc/leaf.pem'), 'utf8');
const DEVICE = await readFile(join(ROOT, 'www/examples/docs.html'), 'utf8')
  .then((html) => html.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)[0] + '\n');

const state = session();

const derOf = (pem) => new X509Certificate(pem).raw;

async function paste(page, text) {
  await page.fill('#pem', text);
  await page.click('#analyze');
  await page.locator('#results article').first().waitFor();
}

test('several files dropped at once are all analysed, DER and PEM alike', async () => {
  const { page, watch } = await openPage(state);
  const files = [
    { name: 'leaf.pem', b64: Buffer.from(LEAF).toString('base64') },
    { name: 'device.der', b64: derOf(DEVICE).toString('base64') },
  ];
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    return transfer;
  }, files);
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await page.locator('article.certificate').nth(1).waitFor();
  const subjects = await page.locator('article.certificate .subject-dn').allTextContents();
  assert.deepEqual(subjects, ['CN=leaf.example.com', new X509Certificate(DEVICE).subject.split('\n').reverse().join(',')]);
  assert.match(await page.locator('.sources').textContent(), /leaf\.pem, device\.der/);
  assert.equal(await page.locator('#drop-overlay').isHidden(), true);
  assertClean(watch);
  await page.close();
});

test('ASN.1 view: selecting an element selects its bytes and its decoded field, and back', async () => {
  const { page, watch } = await openPage(state);
  await paste(page, LEAF);
  const card = page.locator('article.certificate').first();
  await card.locator('button.show-asn1').click();
  const panel = card.locator('.asn1-panel');
  await panel.waitFor();
  // Select the serial number element: its bytes are highlighted and the Serial field too.
  await panel.locator('button.node', { hasText: 'serialNumber' }).click();
  const serialHex = new X509Certificate(LEAF).serialNumber.toLowerCase();
  const selectedBytes = (await panel.locator('.hex .byte.selected').allTextContents()).join('');
  assert.ok(selectedBytes.endsWith(serialHex), `${selectedBytes} should end with ${serialHex}`);
  assert.equal(await card.locator('dd[data-field="serial"]').getAttribute('class'), 'highlight');
  // Back: clicking the decoded Subject field selects the subject element in the tree.
  await card.locator('dd[data-field="subject"]').click();
  assert.match(await panel.locator('button.node.selected').textContent(), /subject$/);
  // Hex to tree: clicking the first byte selects the outer SEQUENCE.
  await panel.locator('.hex .byte').first().click();
  assert.match(await panel.locator('button.node.selected').textContent(), /^0 SEQUENCE/);
  await screenshot(page, 'asn1-view');
  assertClean(watch);
  await page.close();
});

test('exports: report JSON, certificate PEM and DER, read back and parsed', async () => {
  const { page, watch } = await openPage(state);
  await paste(page, LEAF);
  const expected = new X509Certificate(LEAF);
  const grab = async (selector) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  };
  const json = await grab('#export-json');
  const exported = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(exported.report.objects[0].fingerprints.sha256, expected.fingerprint256.replaceAll(':', '').toLowerCase());
  const pem = await grab('article.certificate button.export-pem');
  assert.equal(pem.name, 'certscope-1.pem');
  assert.equal(new X509Certificate(pem.bytes).fingerprint256, expected.fingerprint256);
  const der = await grab('article.certificate button.export-der');
  assert.deepEqual(der.bytes, expected.raw);
  assertClean(watch);
  await page.close();
});

test('sharing puts the input in the URL fragment only when asked, and restores it', async () => {
  const { page, watch } = await openPage(state);
  await paste(page, LEAF);
  assert.equal(new URL(page.url()).hash, '');
  await page.click('#share');
  // Compressing the input is asynchronous: wait for the fragment rather than race it.
  await page.waitForFunction(() => location.hash !== '');
  const url = page.url();
  assert.match(new URL(url).hash, /^#input=/);
  const again = await state.browser.context.newPage();
  const watch2 = audit(again, state.server.origin);
  await again.goto(url);
  await again.locator('article.certificate').waitFor();
  assert.equal(await again.locator('.subject-dn').textContent(), 'CN=leaf.example.com');
  // The fragment never reached the server.
  assert.ok(watch2.requests.every((r) => !r.includes('#') && !r.includes('input=')));
  assertClean(watch);
  assertClean(watch2);
  await again.close();
  await page.close();
});

test('light and dark themes, desktop and phone widths', async () => {
  const backgrounds = {};
  for (const colorScheme of ['light', 'dark']) {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const { page, watch } = await openPage(state, { colorScheme, viewport });
      await paste(page, LEAF);
      backgrounds[colorScheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${colorScheme} ${name}: page scrolls sideways by ${overflow}px`);
      await screenshot(page, `page-${colorScheme}-${name}`);
      assertClean(watch);
      await page.close();
    }
  }
  assert.notEqual(backgrounds.light, backgrounds.dark);
});

test('keyboard only: paste, analyse and open the ASN.1 view without a mouse, with visible focus', async () => {
  const { page, watch } = await openPage(state);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pem');
  await page.keyboard.insertText(LEAF);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'analyze');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.locator('article.certificate').waitFor();
  await page.focus('article.certificate button.show-asn1');
  await page.keyboard.press('Enter');
  await page.locator('.asn1-panel').waitFor();
  assertClean(watch);
  await page.close();
});

test('accessibility: axe-core finds no serious or critical violation', async () => {
  const { page, watch } = await openPage(state);
  await paste(page, `${LEAF}\n${DEVICE}\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n`);
  await page.locator('article.certificate button.show-asn1').first().click();
  await page.locator('.asn1-panel').waitFor();
  // Evaluated through the debugging protocol, not injected as a script: the page's CSP stays on.
  await page.evaluate(AXE);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), []);
  assertClean(watch);
  await page.close();
});
