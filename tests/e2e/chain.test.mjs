// Chains, passwords and trust stores on the page, each checked by what is on screen: the
// Mozilla root store fetched only when asked for, a PKCS#12 password prompt, a missing
// intermediate, a client certificate checked for the wrong purpose, an expired certificate,
// and the busy indicator. Every test also fails on a request off the page's origin and on any
// console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, assertClean, audit, openPage, screenshot, session } from './harness.mjs';

const data = (path) => join(ROOT, 'tests/data', path);
const pemBlocks = (text) => text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g);

// A real chain: *.google.com <- WR2 <- GTS Root R1 (see tests/data/report/real/PROVENANCE.md).
const GOOGLE = pemBlocks(await readFile(data('report/real/google.com.pem'), 'utf8'));
const BASE_ROOT = await readFile(data('chain/base-root.pem'), 'utf8');
const [BASE_LEAF, BASE_INTERMEDIATE] = pemBlocks(await readFile(data('chain/base-chain.pem'), 'utf8'));
const WRONG_EKU = await readFile(data('chain/wrong-eku-chain.pem'), 'utf8');
// `openssl req -x509` with OpenSSL's defaults (cA TRUE), a device identity pinned as its own
// anchor (tests/data/profiles/README.md).
const DEVICE = await readFile(data('profiles/self-signed-device.pem'), 'utf8');
const EXPIRED = await readFile(data('chain/expired-chain.pem'), 'utf8');
const WEBPKI_ROOTS_VERSION = (await readFile(join(ROOT, 'Cargo.lock'), 'utf8'))
  .match(/name = "webpki-root-certs"\nversion = "([^"]+)"/)[1];
const MOZILLA_FILE = '/pkg/roots/mozilla.pem';

const state = session();

const requested = (watch, path) => watch.requests.filter((url) => new URL(url).pathname === path).length;

async function paste(page, text, at) {
  if (at !== undefined) await page.fill('#at', at);
  await page.fill('#pem', text);
  await page.click('#analyze');
  await page.locator('#results article').first().waitFor();
  await page.locator('#busy').waitFor({ state: 'hidden' });
}

/** Sets the chain options and verifies; resolves to the verdict's text. */
async function verify(page, { purpose = 'server', host = '', trust = [], profile = 'auto' } = {}) {
  for (const index of trust) await page.check(`#trust-${index}`);
  await page.selectOption('#purpose', purpose);
  await page.selectOption('#profile', profile);
  await page.fill('#host', host);
  await page.click('#verify');
  await page.locator('#chain-result .verdict').waitFor();
  await page.locator('#busy').waitFor({ state: 'hidden' });
  return page.locator('#chain-result .verdict').textContent();
}

test('the Mozilla root store is fetched only once asked for, and anchors a real chain', async () => {
  const { page, watch } = await openPage(state);
  // The real leaf and its intermediate, without the root, at a time inside the leaf's validity.
  await paste(page, GOOGLE[0] + GOOGLE[1], '2026-03-01T00:00:00');
  const box = page.locator('#mozilla-row');
  await box.waitFor();
  assert.equal((await box.textContent()).trim(),
    `Also trust the Mozilla root store (webpki-root-certs ${WEBPKI_ROOTS_VERSION})`);
  assert.equal(await page.isChecked('#mozilla'), false);
  assert.equal(requested(watch, MOZILLA_FILE), 0, 'fetched on page load');
  const without = await verify(page, { host: 'www.google.com' });
  assert.match(without, /^✖ Not valid: no path to a trust anchor: issuer CN=GTS Root R1/);
  assert.match(await page.locator('#chain-result .missing').textContent(), /Missing issuer of CN=WR2.*CN=GTS Root R1,O=Google Trust Services LLC,C=US/);
  assert.equal(requested(watch, MOZILLA_FILE), 0, 'fetched without the box ticked');

  await page.check('#mozilla');
  const ticked = await verify(page, { host: 'www.google.com' });
  assert.match(ticked, /^✔ Valid/);
  assert.equal(requested(watch, MOZILLA_FILE), 1);
  assert.equal(await page.locator('#chain-result .anchored-by').textContent(),
    `Trust anchor from: webpki-root-certs ${WEBPKI_ROOTS_VERSION}`);
  // A root of the Mozilla store: the default profile holds the path to the Web PKI's rules.
  assert.equal(await page.locator('#chain-result .profile').textContent(),
    'Profile: webpki — chosen: the path ends at a root of the public store');
  const anchor = page.locator('#chain-result .path.chosen li.link').last();
  assert.match(await anchor.locator('.link-head').textContent(), /anchor.*webpki-root-certs.*CN=GTS Root R1/);
  await screenshot(page, 'chain-mozilla-roots');
  // A section the leaf lacks (it has no warnings) leaves nothing behind, not the text "null".
  const strayNull = await page.locator('article.certificate').first()
    .evaluate((card) => [...card.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent === 'null'));
  assert.equal(strayNull, false);

  // Fetched once: a second verification reuses it; unticking goes back to no anchor.
  assert.match(await verify(page, { host: 'www.google.com' }), /^✔ Valid/);
  assert.equal(requested(watch, MOZILLA_FILE), 1);
  await page.uncheck('#mozilla');
  assert.match(await verify(page, { host: 'www.google.com' }), /^✖ Not valid/);
  assertClean(watch);
  await page.close();
});

test('after a chain to the Mozilla store, the path is linted as a public hierarchy; a private chain is not', async () => {
  const { page, watch } = await openPage(state);
  await paste(page, GOOGLE[0] + GOOGLE[1], '2026-03-01T00:00:00');
  const cards = page.locator('#results article.certificate');
  // The analysis knows no chain: each card says which rule sets ran and why, and no note.
  assert.match(await cards.nth(0).locator('.rule-sets').textContent(),
    /^Rule sets: rfc5280 \(RFC 5280 applies to every certificate\); tls-br \(the certificate asserts policy 2\.23\.140\.1\.2\.1/);
  assert.equal(await page.locator('#results .lint-note').count(), 0);

  await page.check('#mozilla');
  assert.match(await verify(page, { host: 'www.google.com' }), /^✔ Valid/);
  await page.locator('#results .lint-note').nth(1).waitFor();
  const label = `webpki-root-certs ${WEBPKI_ROOTS_VERSION}`;
  for (const n of [0, 1]) {
    assert.equal(await cards.nth(n).locator('.lint-note').textContent(),
      `Linted as part of a public hierarchy: the chain ends at a root of ${label}, so Baseline Requirements findings are errors, not advice.`);
    assert.equal(await cards.nth(n).locator('.lint-note').count(), 1);
  }
  await screenshot(page, 'chain-mozilla-public-lints');
  // Verified again without the store: the analysis's findings come back.
  await page.uncheck('#mozilla');
  assert.match(await verify(page, { host: 'www.google.com' }), /^✖ Not valid/);
  assert.equal(await page.locator('#results .lint-note').count(), 0);

  // A chain to a root the user trusts is private: the leaf's Baseline Requirements findings
  // stay advice, and the rule sets say why.
  await paste(page, BASE_LEAF + BASE_INTERMEDIATE + BASE_ROOT, '2026-06-01T00:00:00');
  assert.match(await verify(page, { host: 'leaf.example.com', trust: [2] }), /^✔ Valid/);
  const leaf = page.locator('#results article.certificate').first();
  assert.equal(await page.locator('#results .lint-note').count(), 0);
  const advice = await leaf.locator('.lint-group.sev-advice li code').allTextContents();
  assert.ok(advice.includes('e_sub_cert_valid_time_longer_than_398_days'), advice.join(' '));
  assert.equal(await leaf.locator('.lint-group.sev-error').count(), 0);
  assert.match(await leaf.locator('.rule-set[data-rule-set="tls-br"]').textContent(), /findings are advice/);
  assert.equal(await leaf.locator('.rule-set[data-rule-set="tls-br"]').getAttribute('class'), 'rule-set advice-only');

  // The same findings under a public hierarchy, from the core the page runs, in this browser:
  // every advice the analysis gave is an error or a warning, and none is advice.
  const publicFindings = await page.evaluate(async ({ pem, at }) => {
    const { connect } = await import('/client.js');
    const [entry] = await connect().lint(pem, { at, hierarchy: 'public', public_store: 'mozilla' });
    return { findings: entry.findings.map((f) => [f.id, f.severity]), rule_sets: entry.rule_sets };
  }, { pem: BASE_LEAF, at: '2026-06-01T00:00:00Z' });
  const severity = new Map(publicFindings.findings);
  for (const id of advice) assert.ok(['error', 'warning'].includes(severity.get(id)), `${id}: ${severity.get(id)}`);
  assert.equal(severity.get('e_sub_cert_valid_time_longer_than_398_days'), 'error');
  assert.ok(![...severity.values()].includes('advice'));
  const tls = publicFindings.rule_sets.find((r) => r.rule_set === 'tls-br');
  assert.deepEqual([tls.evidence, tls.binding], ['public_root', true]);
  assert.match(tls.reason, /chain ends at a root of the mozilla store/);
  assertClean(watch);
  await page.close();
});

test('the wasm module does not carry the Mozilla roots; the static file does', async () => {
  const wasm = await readFile(join(ROOT, 'www/pkg/certscope_wasm_bg.wasm'));
  const bundle = await readFile(join(ROOT, 'www/pkg/roots/mozilla.pem'), 'utf8');
  for (const name of ['GTS Root R1', 'ISRG Root X1', 'DigiCert Global Root G2']) {
    assert.ok(bundle.includes(`CN=${name},`), `${name} in the bundle`);
    assert.equal(wasm.includes(Buffer.from(name)), false, `${name} in the wasm module`);
  }
  const manifest = JSON.parse(await readFile(join(ROOT, 'www/pkg/roots/index.json'), 'utf8'));
  assert.equal(manifest.mozilla.label, `webpki-root-certs ${WEBPKI_ROOTS_VERSION}`);
  assert.equal(manifest.mozilla.roots, pemBlocks(bundle).length);
});

test('a PKCS#12 file asks for its password, says when it is wrong, and opens with the right one', async () => {
  const { page, watch } = await openPage(state);
  const full = () => watch.requests.filter((url) => new URL(url).pathname.startsWith('/pkg/full/'));
  // The first module leaves PKCS#12 out: its support loads once, only when such a file comes.
  await page.locator('#analyze').waitFor();
  assert.deepEqual(full(), []);
  await page.setInputFiles('#files', data('input/modern.p12'));
  await page.locator('#results article.problem').waitFor();
  assert.equal(await page.locator('#password-row').isVisible(), true);
  assert.match(await page.locator('#password-message').textContent(), /protected by a password/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'password');
  assert.equal(await page.locator('article.certificate').count(), 0);

  await page.fill('#password', 'not the password');
  await page.click('#unlock');
  await page.waitForFunction(() => document.querySelector('#password-message').textContent.startsWith('Wrong password'));
  assert.match(await page.locator('#password-message').textContent(), /Wrong password: .*the password is wrong/);
  assert.equal(await page.locator('#password-message').getAttribute('class'), 'error-message');
  assert.equal(await page.locator('article.certificate').count(), 0);

  // The password is `fixture` (tests/data/input/README.md); Enter opens like the button.
  await page.fill('#password', 'fixture');
  await page.press('#password', 'Enter');
  await page.locator('article.certificate').first().waitFor();
  assert.equal(await page.locator('#password-message').textContent(), '');
  const subjects = await page.locator('article.certificate .subject-dn').allTextContents();
  assert.ok(subjects.includes('CN=ec.example.com,O=certscope fixtures'), subjects.join(' | '));
  assert.equal(await page.locator('article.kind-private_key').count(), 1);
  assert.equal(await page.locator('article.certificate .origin').first().textContent(),
    '#1 · DER at byte 0, item 1 of the PKCS#12 container');
  assert.equal(await page.locator('article.problem').count(), 0);
  assert.deepEqual(full().map((url) => new URL(url).pathname).sort(),
    ['/pkg/full/certscope_wasm.js', '/pkg/full/certscope_wasm_bg.wasm']);
  await screenshot(page, 'pkcs12-opened');
  assertClean(watch);
  await page.close();
});

test('a missing intermediate is named with its key id, and its caIssuers URL is text, not a link', async () => {
  const { page, watch } = await openPage(state);
  await paste(page, BASE_LEAF + BASE_ROOT, '2026-06-01T00:00:00');
  const verdict = await verify(page, { host: 'leaf.example.com', trust: [1] });
  assert.match(verdict, /^✖ Not valid: no path to a trust anchor: issuer CN=base intermediate/);
  // The intermediate's key identifier (RFC 5280 4.2.1.2 method 1: SHA-1 of the public key bits).
  const spki = new X509Certificate(BASE_INTERMEDIATE).publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha1').update(spki.subarray(-65)).digest('hex').match(/../g).join(':').toUpperCase();
  const missing = page.locator('#chain-result .missing li');
  assert.equal(await missing.count(), 1);
  const text = await missing.textContent();
  assert.match(text, /^Missing issuer of CN=leaf\.example\.com: CN=base intermediate/);
  assert.ok(text.includes(`key id ${keyId}`), `${text} should name key id ${keyId}`);
  assert.equal(await missing.locator('code').textContent(), 'http://ca.example.com/base-intermediate.der');
  assert.equal(await page.locator('#chain-result a').count(), 0, 'no link anywhere in the chain report');
  await screenshot(page, 'chain-missing-intermediate');
  assertClean(watch);
  await page.close();
});

test('a clientAuth-only certificate fails as a server with the EKU explanation and passes as a client', async () => {
  const { page, watch } = await openPage(state);
  await paste(page, WRONG_EKU + BASE_ROOT, '2026-06-01T00:00:00');
  const asServer = await verify(page, { purpose: 'server', host: 'leaf.example.com', trust: [2] });
  assert.match(asServer, /^✖ Not valid: extended key usage: /);
  const failed = await page.locator('#chain-result .path.chosen .failed-check').allTextContents();
  assert.ok(failed.some((t) => /extended_key_usage|EKU|extended key usage/i.test(t)), failed.join(' | '));
  const asClient = await verify(page, { purpose: 'client' });
  assert.match(asClient, /^✔ Valid/);
  assert.equal(await page.locator('#chain-result .failed-check').count(), 0);
  assertClean(watch);
  await page.close();
});

test('a pinned openssl req -x509 device certificate is a usable TLS client by default, not under the Web PKI', async () => {
  const { page, watch } = await openPage(state);
  await paste(page, DEVICE, '2027-01-01T00:00:00');
  const verdict = await verify(page, { purpose: 'client', trust: [0] });
  assert.match(verdict, /^✔ Valid/);
  assert.match(await page.locator('#chain-result .profile').textContent(),
    /^Profile: tls — chosen: the path ends at a root of no public store and asserts no CA\/Browser Forum policy/);
  // The stacks that refuse it are named: rustls refuses a CA certificate as an end entity.
  assert.match(await page.locator('#chain-result .stacks > p').textContent(),
    /^TLS stacks, the target as the end entity: accepted by .*OpenSSL 3/);
  assert.match(await page.locator('#chain-result .stack-refuses[data-stack="rustls (webpki)"]').textContent(),
    /^refused by rustls \(webpki\): .*CaUsedAsEndEntity/);
  // The CA/B Forum's rule is a finding of its own, not the verdict.
  const findings = page.locator('#chain-result .path.chosen .web-pki-findings');
  assert.equal(await findings.locator('h5').textContent(), 'Web PKI: a publicly trusted CA could not issue this, because:');
  assert.match(await findings.locator('li').allTextContents().then((t) => t.join(' | ')), /leaf_basic_constraints on CN=device-0001\.fleet\.example: .*CA\/B BR 7\.1\.2\.7\.8/);
  await screenshot(page, 'chain-profile-tls');
  // Asked for, the Web PKI's rules decide.
  assert.match(await verify(page, { purpose: 'client', profile: 'webpki' }), /^✖ Not valid/);
  assert.equal(await page.locator('#chain-result .profile').textContent(), 'Profile: webpki — asked for');
  assert.equal(await page.locator('#chain-result .web-pki-findings').count(), 0);
  assertClean(watch);
  await page.close();
});

test('an expired certificate shows red and fails on validity, and passes inside its validity', async () => {
  const { page, watch } = await openPage(state);
  await paste(page, EXPIRED + BASE_ROOT, '2026-06-01T00:00:00');
  const leaf = page.locator('article.certificate').first();
  const pill = leaf.locator('.days-left');
  assert.match(await pill.textContent(), /^expired \d+ days ago$/);
  assert.equal(await pill.getAttribute('class'), 'pill bad days-left');
  const [color, bad] = await pill.evaluate((node) => [getComputedStyle(node).color,
    getComputedStyle(document.documentElement).getPropertyValue('--bad').trim()]);
  const red = await page.evaluate((value) => {
    const probe = document.createElement('span');
    probe.style.color = value;
    document.body.append(probe);
    const rgb = getComputedStyle(probe).color;
    probe.remove();
    return rgb;
  }, bad);
  assert.equal(color, red);
  const verdict = await verify(page, { host: 'leaf.example.com', trust: [2] });
  assert.match(verdict, /^✖ Not valid: expired: notAfter 2026-01-01T00:00:00Z is before 2026-06-01T00:00:00Z/);
  assert.match((await page.locator('#chain-result .path.chosen .failed-check').allTextContents()).join('\n'), /validity/);

  // Inside the validity window: no longer expired, and the chain holds.
  await paste(page, EXPIRED + BASE_ROOT, '2025-06-01T00:00:00');
  assert.match(await page.locator('article.certificate').first().locator('.days-left').textContent(), /days left$/);
  assert.match(await verify(page, { host: 'leaf.example.com', trust: [2] }), /^✔ Valid/);
  assertClean(watch);
  await page.close();
});

test('a busy indicator shows while the core works and clears when it is done', async () => {
  // Hold back the wasm module so the first analysis has to wait for it.
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  const pattern = '**/pkg/certscope_wasm_bg.wasm';
  await state.browser.context.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  try {
    const { page, watch } = await openPage(state);
    assert.equal(await page.locator('#busy').isHidden(), true);
    await page.fill('#pem', BASE_LEAF);
    await page.click('#analyze');
    await page.locator('#busy').waitFor({ state: 'visible' });
    assert.equal(await page.getAttribute('#results', 'aria-busy'), 'true');
    assert.equal(await page.getAttribute('#busy', 'role'), 'progressbar');
    await page.waitForFunction(() => document.querySelector('#status').textContent === 'Loading the certscope module…');
    release();
    await page.locator('article.certificate').waitFor();
    await page.locator('#busy').waitFor({ state: 'hidden' });
    assert.equal(await page.getAttribute('#results', 'aria-busy'), 'false');
    assert.match(await page.locator('#status').textContent(), /^1 object found in \d+ ms$/);

    // Verification marks the chain result busy too, and clears it: every value aria-busy took.
    await page.evaluate(() => {
      window.busyValues = [];
      new MutationObserver((records) => {
        for (const r of records) window.busyValues.push(r.oldValue);
      }).observe(document.querySelector('#chain-result'), { attributeFilter: ['aria-busy'], attributeOldValue: true });
    });
    await verify(page, {});
    await page.waitForFunction(() => window.busyValues.length >= 2);
    const values = [...await page.evaluate(() => window.busyValues), await page.getAttribute('#chain-result', 'aria-busy')];
    assert.deepEqual(values, [null, 'true', 'false']);
    assertClean(watch);
    await page.close();
  } finally {
    release();
    await state.browser.context.unroute(pattern);
  }
});

const corpus = (name) => readFile(data(`revocation/${name}`), 'utf8');

test('the policy inputs reach the core and the path shows its policy sets', async () => {
  const { page, watch } = await openPage(state);
  const input = (await corpus('policy-leaf.pem')) + (await corpus('policy-intermediate.pem')) + (await corpus('root.pem'));
  await paste(page, input, '2026-06-01T00:00:00');
  await page.fill('#policies', '1.2.3.9');
  await page.check('#explicit-policy');
  const refused = await verify(page, { host: 'policy-leaf.example.com', trust: [2] });
  assert.match(refused, /^✖ Not valid: certificate policies: /);
  await page.fill('#policies', '1.2.3.4');
  const accepted = await verify(page, { host: 'policy-leaf.example.com' });
  assert.match(accepted, /^✔ Valid/);
  const sets = await page.locator('#chain-result .path.chosen .policy-sets').textContent();
  assert.equal(sets, 'Policies: authorities-constrained 1.2.3.5; user-constrained 1.2.3.5');
  // The valid policy tree (RFC 5280 6.1.6): 1.2.3.4 asserted by the intermediate, mapped to
  // the leaf's 1.2.3.5.
  assert.equal(await page.locator('#chain-result .path.chosen .policy-tree summary').textContent(), 'Valid policy tree (1 branch)');
  assert.deepEqual(await page.locator('#chain-result .path.chosen .policy-tree li').allTextContents(), ['anyPolicy → 1.2.3.4 → 1.2.3.5']);
  await page.check('#inhibit-policy-mapping');
  assert.match(await verify(page, { host: 'policy-leaf.example.com' }), /^✖ Not valid: certificate policies: /);
  assertClean(watch);
  await page.close();
});

test('inhibit anyPolicy: a path that asserts only anyPolicy has no valid policy left', async () => {
  const { page, watch } = await openPage(state);
  const input = (await corpus('any-leaf.pem')) + (await corpus('any-intermediate.pem')) + (await corpus('root.pem'));
  await paste(page, input, '2026-06-01T00:00:00');
  await page.check('#explicit-policy');
  assert.match(await verify(page, { host: 'any-leaf.example.com', trust: [2] }), /^✔ Valid/);
  assert.equal(await page.locator('#chain-result .path.chosen .policy-sets').textContent(),
    'Policies: authorities-constrained anyPolicy; user-constrained anyPolicy');
  // initial-any-policy-inhibit (RFC 5280 6.1.1 (g)): anyPolicy is not processed, the tree
  // empties, and explicit policy fails the path.
  await page.check('#inhibit-any-policy');
  assert.match(await verify(page, { host: 'any-leaf.example.com' }), /^✖ Not valid: certificate policies: /);
  assert.equal(await page.locator('#chain-result .path.chosen .policy-sets').textContent(),
    'Policies: authorities-constrained none; user-constrained none');
  assertClean(watch);
  await page.close();
});

test('revocation from pasted CRLs: a revoked leaf names its reason, a missing CRL fails closed', async () => {
  const { page, watch } = await openPage(state);
  const chain = (await corpus('leaf.pem')) + (await corpus('intermediate.pem')) + (await corpus('root.pem'));
  await paste(page, chain + (await corpus('root.crl.pem')) + (await corpus('revokes-leaf.crl.pem')), '2026-06-01T00:00:00');
  const revoked = await verify(page, { host: 'leaf.example.com', trust: [2] });
  assert.match(revoked, /^✖ Not valid: revoked: /);
  const statuses = await page.locator('#chain-result .path.chosen .revocation li').allTextContents();
  assert.ok(statuses.some((t) => t.includes('revoked (keyCompromise, 2025-06-01T00:00:00Z)')), statuses.join(' | '));
  assert.ok(statuses.some((t) => t.endsWith(': good')), statuses.join(' | '));
  // Only the root's CRL: the leaf's status is undetermined and the chain fails.
  await paste(page, chain + (await corpus('root.crl.pem')), '2026-06-01T00:00:00');
  const undetermined = await verify(page, { host: 'leaf.example.com', trust: [2] });
  assert.match(undetermined, /^✖ Not valid: revocation status undetermined: no usable CRL covers CN=leaf/);
  assertClean(watch);
  await page.close();
});

test('each end entity shows what the eight TLS stacks decide, keyboard-reachable, and Verify a row per stack', async () => {
  const { page, watch } = await openPage(state);
  const pem = WRONG_EKU + BASE_ROOT;
  const at = '2026-06-01T00:00:00Z';
  await paste(page, pem, at.slice(0, -1));
  // What the same module reports, computed here.
  const glue = await import(pathToFileURL(join(ROOT, 'www/pkg/certscope_wasm.js')).href);
  glue.initSync({ module: await readFile(join(ROOT, 'www/pkg/certscope_wasm_bg.wasm')) });
  const input = new TextEncoder().encode(pem);
  const report = glue.analyze(input, { at });
  const cards = page.locator('article.certificate');
  assert.equal(await cards.count(), 3);

  // The end entity: a row per stack, a focusable cell per side, the reason on hover and in the
  // accessible name.
  const matrix = cards.nth(0).locator('table.stack-matrix');
  assert.ok(await matrix.isVisible());
  const verifiers = report.objects[0].client_server.verifiers;
  assert.equal(verifiers.length, 8);
  assert.equal(await matrix.locator('tbody tr').count(), 8);
  for (const [i, v] of verifiers.entries()) {
    const row = matrix.locator('tbody tr').nth(i);
    assert.equal(await row.getAttribute('data-stack'), v.verifier);
    for (const [n, accepts, reason, dependsOn] of [[0, v.as_server, v.server_reason, v.server_depends_on],
      [1, v.as_client, v.client_reason, v.client_depends_on]]) {
      const cell = row.locator('td.stack-verdict').nth(n);
      // ◐ where the answer depends on what the certificate cannot show, with the word "depends".
      assert.equal(await cell.textContent(), dependsOn.length ? '◐' : accepts ? '✔' : '✖', `${v.verifier} ${n}`);
      assert.equal(await cell.getAttribute('title'), reason);
      const word = dependsOn.length ? 'depends \\(' : accepts ? 'accepts\\. ' : 'refuses\\. ';
      assert.match(await cell.getAttribute('aria-label'), new RegExp(word));
      assert.equal(await cell.getAttribute('tabindex'), '0');
    }
  }
  // A client the stacks accept: each answer depends on the server's own authorisation.
  assert.ok(verifiers.filter((v) => v.as_client).every((v) => v.client_depends_on.includes('server_authorisation')));
  assert.ok(await matrix.locator('td.stack-verdict.depends').count() > 0);
  // A clientAuth-only certificate: refused as a server by every stack, accepted as a client by
  // some.
  assert.ok(verifiers.every((v) => !v.as_server));
  assert.ok(verifiers.some((v) => v.as_client));
  // Keyboard: Tab moves from one verdict to the next, and the focused cell is visible.
  const first = matrix.locator('td.stack-verdict').first();
  await first.focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => [document.activeElement.closest('tr')?.dataset.stack, document.activeElement.dataset.side]);
  assert.deepEqual(focused, [verifiers[0].verifier, 'TLS client']);
  // The intermediate is no end entity; the self-signed root is one only when pinned, and says so.
  assert.equal(await cards.nth(1).locator('table.stack-matrix').count(), 0);
  assert.match(await cards.nth(2).locator('table.stack-matrix caption').textContent(), /pinned as its own trust anchor/);
  // The self-signed root as an end entity: accepted only where it is pinned, shown as ◐.
  const rootVerifiers = report.objects[2].client_server.verifiers;
  assert.ok(rootVerifiers.some((v) => v.server_depends_on.includes('pinned')));
  const rootCells = cards.nth(2).locator('table.stack-matrix td.stack-verdict');
  for (const [i, v] of rootVerifiers.entries()) {
    assert.equal(await rootCells.nth(2 * i).textContent(), v.server_depends_on.length ? '◐' : v.as_server ? '✔' : '✖');
    assert.equal(await rootCells.nth(2 * i).getAttribute('data-depends-on'), v.server_depends_on.join(' '));
  }

  // Verify: a row per stack for the chain, with the purpose and host asked, as the core says.
  await verify(page, { purpose: 'client', trust: [2] });
  const expected = glue.verify([input], { at, trusted: [2], purpose: 'client' }).stack_verdicts;
  assert.equal(expected.length, 8);
  const table = page.locator('#chain-result table.stack-verdicts');
  assert.ok(await table.isVisible());
  const depending = expected.filter((v) => v.depends_on.length).length;
  assert.equal(await table.locator('caption').textContent(),
    `TLS stacks on this chain: ${expected.filter((v) => v.valid).length} of 8 accept it`
    + (depending ? `; ${depending} depend on the application's set-up (◐)` : ''));
  for (const [i, v] of expected.entries()) {
    const row = table.locator('tbody tr').nth(i);
    assert.equal(await row.getAttribute('data-profile'), v.profile);
    assert.equal(await row.locator('th').textContent(), v.stack);
    assert.equal(await row.locator('td.stack-verdict').textContent(), v.depends_on.length ? '◐' : v.valid ? '✔' : '✖');
    assert.equal(await row.locator('td.stack-verdict').getAttribute('title'), v.reason);
    assert.equal(await row.locator('td.stack-reason').textContent(), v.reason);
  }
  await verify(page, { purpose: 'server', host: 'leaf.example.com' });
  const asServer = glue.verify([input], { at, trusted: [2], purpose: 'server', host: 'leaf.example.com' }).stack_verdicts;
  assert.ok(asServer.every((v) => !v.valid));
  assert.equal(await table.locator('td.stack-verdict.no').count(), 8);
  await screenshot(page, 'chain-stack-verdicts');
  assertClean(watch);
  await page.close();
});
