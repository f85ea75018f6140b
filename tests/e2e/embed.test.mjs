// The <cert-scope> element on an example documentation page with a strict CSP: checkers in
// inspect, verify and lint mode render, emit their results, follow attribute changes, and
// nothing is requested beyond the element's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, assertCoreOffMainThread, audit, countMainThreadInstances, screenshot, session, startServer } from './harness.mjs';

const state = session();

test('the checkers on a docs page render their certificates and emit reports', async () => {
  const page = await openDocs();
  const watch = page.watch;
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
  const events = await recordedEvents(page, 5);
  assert.deepEqual(Object.keys(events).sort(), ['from-file', 'inline', 'lint-server', 'verify-client', 'verify-server']);
  assert.equal(events.inline.type, 'certscope-result');
  assert.equal(events.inline.detail.mode, 'inspect');
  assert.equal(events.inline.detail.report.schema_version, schema);
  assert.equal(events.inline.detail.chain, null);
  assert.equal(events.inline.detail.lints, null);
  await screenshot(page, 'embedded-checkers');
  assert.deepEqual(watch.violations(), []);
  assert.deepEqual(watch.errors, []);
  const paths = new Set(watch.requests.map((url) => new URL(url).pathname));
  assert.deepEqual([...paths].sort(), [
    '/cert-scope.js', '/client.js', '/examples/device-chain.pem', '/examples/device.pem',
    '/examples/docs.css', '/examples/docs.html', '/examples/server.pem', '/pkg/certscope_wasm.js',
    '/pkg/certscope_wasm_bg.wasm', '/render.js', '/report.css', '/worker.js',
  ]);
  // Five checkers, one worker: every analysis, verification and lint ran there, through the
  // client, and none on the page's main thread.
  await assertCoreOffMainThread(page);
  await page.close();
});

test('a src on another origin is refused with an event, without a request', async () => {
  const page = await state.browser.context.newPage();
  const watch = audit(page, state.server.origin);
  await page.goto(`${state.server.origin}/examples/docs.html`);
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

test('a PKCS#12 src loads the module with PKCS#12 support once, and only then', async () => {
  const page = await state.browser.context.newPage();
  const watch = audit(page, state.server.origin);
  const p12 = await readFile(join(ROOT, 'tests/data/input/empty-password.p12'));
  await page.route('**/bundle.p12', (route) => route.fulfill({ body: p12, contentType: 'application/x-pkcs12' }));
  await page.goto(`${state.server.origin}/examples/docs.html`);
  await page.locator('#inline >> css=.fingerprint.sha256').waitFor();
  const full = () => watch.requests.map((url) => new URL(url).pathname).filter((path) => path.startsWith('/pkg/full/'));
  assert.deepEqual(full(), []);
  const detail = await page.evaluate(() => new Promise((resolve, reject) => {
    const element = document.createElement('cert-scope');
    element.addEventListener('certscope-result', (event) => resolve(JSON.parse(JSON.stringify(event.detail))));
    element.addEventListener('certscope-error', (event) => reject(new Error(event.detail.message)));
    element.setAttribute('src', '/bundle.p12');
    document.body.append(element);
  }));
  const kinds = detail.report.objects.map((object) => object.kind).sort();
  assert.deepEqual(kinds, ['certificate', 'private_key']);
  assert.deepEqual(detail.report.problems, []);
  assert.deepEqual(full().sort(), ['/pkg/full/certscope_wasm.js', '/pkg/full/certscope_wasm_bg.wasm']);
  assert.deepEqual(watch.violations(), []);
  await page.close();
});

/** Opens the docs page, recording every event the checkers emit from the start. */
async function openDocs() {
  const page = await state.browser.context.newPage();
  page.watch = audit(page, state.server.origin);
  await countMainThreadInstances(page);
  await page.addInitScript(() => {
    window.certscopeEvents = [];
    for (const type of ['certscope-result', 'certscope-error']) {
      document.addEventListener(type, (event) => {
        window.certscopeEvents.push({ id: event.target.id, type, detail: JSON.parse(JSON.stringify(event.detail)) });
      });
    }
  });
  await page.goto(`${state.server.origin}/examples/docs.html`);
  return page;
}

/** The last event each checker emitted, by element id, once `count` checkers have emitted. */
async function recordedEvents(page, count) {
  await page.waitForFunction((n) => new Set(window.certscopeEvents.map((e) => e.id)).size >= n, count);
  const events = await page.evaluate(() => window.certscopeEvents);
  return Object.fromEntries(events.map((event) => [event.id, event]));
}

/**
 * Changes attributes of the element matching `selector` in one task and resolves to the next
 * event it emits: { type, detail, state, count } (count: events seen within 300 ms).
 */
function change(page, selector, attributes) {
  return page.evaluate(([selector, attributes]) => new Promise((resolve) => {
    const element = document.querySelector(selector);
    let first = null;
    let count = 0;
    const seen = (event) => {
      count += 1;
      if (first) return;
      first = { type: event.type, detail: JSON.parse(JSON.stringify(event.detail)), state: element.state };
      setTimeout(() => {
        element.removeEventListener('certscope-result', seen);
        element.removeEventListener('certscope-error', seen);
        resolve({ ...first, count });
      }, 300);
    };
    element.addEventListener('certscope-result', seen);
    element.addEventListener('certscope-error', seen);
    for (const [name, value] of attributes) {
      if (value === null) element.removeAttribute(name);
      else element.setAttribute(name, value);
    }
  }), [selector, attributes]);
}

const text = async (page, selector) => (await page.locator(selector).textContent()).trim();

test('the example files are copies of the test fixtures they name', async () => {
  const roles = (name) => readFile(join(ROOT, 'tests/data/roles', name), 'utf8');
  const chain = (await Promise.all(['device-client.pem', 'intermediate-nc.pem', 'root.pem'].map(roles))).join('');
  assert.equal(await readFile(join(ROOT, 'www/examples/device-chain.pem'), 'utf8'), chain);
  assert.equal(await readFile(join(ROOT, 'www/examples/server.pem'), 'utf8'), await roles('tls-server.pem'));
});

test('verify mode: the device chain is valid for a TLS client and not for a TLS server', async () => {
  const page = await openDocs();
  await page.locator('#verify-client >> css=.verdict').waitFor();
  await page.locator('#verify-server >> css=.verdict').waitFor();

  // On screen: the question, the verdict, the explanation and the failed check.
  assert.match(await text(page, '#verify-client >> css=.question'),
    /^Verifying #1 .*CN=sensor-0042.* for purpose client at 2026-06-01T00:00:00Z, trusting .*CN=Example Root CA/);
  assert.match(await text(page, '#verify-client >> css=.verdict'), /^✔ Valid: /);
  assert.equal(await page.locator('#verify-client >> css=.verdict.ok').count(), 1);
  assert.equal(await page.locator('#verify-client >> css=.chain-diagram .link.passed').count(), 3);
  assert.equal(await page.locator('#verify-client >> css=.failed-check').count(), 0);
  assert.equal(await text(page, '#verify-server >> css=.verdict'),
    '✖ Not valid: extended key usage: does not allow serverAuth (clientAuth)');
  assert.equal(await page.locator('#verify-server >> css=.verdict.bad').count(), 1);
  const failed = await page.locator('#verify-server >> css=.failed-check').allTextContents();
  assert.equal(failed.length, 1);
  assert.match(failed[0], /extended_key_usage: extended key usage: does not allow serverAuth \(clientAuth\) \(RFC 5280 4\.2\.1\.12, CA\/B BR 7\.1\.2\.1\.2, 7\.1\.2\.2\.5\)/);
  const anchors = await page.locator('#verify-server >> css=.link[data-source="anchor"] .link-head strong').allTextContents();
  assert.deepEqual(anchors, ['O=Example,CN=Example Root CA']);

  // The events carry the analysis and the core's chain result.
  const events = await recordedEvents(page, 5);
  for (const [id, valid] of [['verify-client', true], ['verify-server', false]]) {
    const { type, detail } = events[id];
    assert.equal(type, 'certscope-result', id);
    assert.equal(detail.mode, 'verify', id);
    assert.equal(detail.lints, null, id);
    assert.equal(detail.report.objects.length, 3, id);
    assert.equal(detail.chain.valid, valid, id);
    assert.equal(detail.chain.paths.length, 1, id);
    assert.equal(detail.chain.paths[detail.chain.chosen].certificates.length, 3, id);
    assert.deepEqual(detail.chain, await page.evaluate((i) => JSON.parse(JSON.stringify(document.getElementById(i).chain)), id));
  }
  assert.equal(events['verify-client'].detail.chain.explanation, null);
  assert.equal(events['verify-server'].detail.chain.explanation, 'extended key usage: does not allow serverAuth (clientAuth)');
  const check = events['verify-server'].detail.chain.paths[0].checks.find((c) => !c.passed);
  assert.equal(check.name, 'extended_key_usage');
  assert.equal(check.citation, 'RFC 5280 4.2.1.12, CA/B BR 7.1.2.1.2, 7.1.2.2.5');
  await screenshot(page, 'embedded-verify');
  assert.deepEqual(page.watch.violations(), []);
  assert.deepEqual(page.watch.errors, []);
  await page.close();
});

test('lint mode: a known finding appears on screen and in the event', async () => {
  const page = await openDocs();
  const panel = page.locator('#lint-server >> css=.lints');
  await panel.waitFor();
  assert.match(await text(page, '#lint-server >> css=.lint-result .subject'), /CN=www\.example\.com/);
  // The server certificate asserts no CA/Browser Forum policy and no chain says its root is
  // public: its Baseline Requirements findings are advice, shown in a group of their own.
  const findings = await page.locator('#lint-server >> css=.lint-group.sev-advice li').allTextContents();
  assert.ok(findings.some((f) => f.includes('e_sub_cert_aia_missing') && f.includes('TLS BR 7.1.2.7.7')), findings.join('\n'));
  assert.equal(await page.locator('#lint-server >> css=.lint-group.sev-error li >> text=e_sub_cert_aia_missing').count(), 0);
  const { detail } = (await recordedEvents(page, 5))['lint-server'];
  assert.equal(detail.mode, 'lint');
  assert.equal(detail.chain, null);
  assert.equal(detail.lints.length, 1);
  const finding = detail.lints[0].findings.find((f) => f.id === 'e_sub_cert_aia_missing');
  assert.equal(finding.severity, 'advice');
  assert.equal(finding.field, 'extensions/authorityInfoAccess');
  // Chosen by the user, the TLS Baseline Requirements make it an error.
  const chosen = await change(page, '#lint-server', [['rule-set', 'tls-br']]);
  assert.equal(chosen.detail.lints[0].findings.find((f) => f.id === 'e_sub_cert_aia_missing').severity, 'error');
  const errors = await page.locator('#lint-server >> css=.lint-group.sev-error li').allTextContents();
  assert.ok(errors.some((f) => f.includes('e_sub_cert_aia_missing')), errors.join('\n'));
  // A forced rule set applies only its lints.
  const forced = await change(page, '#lint-server', [['rule-set', 'rfc5280']]);
  assert.equal(forced.type, 'certscope-result');
  assert.ok(!forced.detail.lints[0].findings.some((f) => f.id === 'e_sub_cert_aia_missing'));
  assert.equal(await page.locator('#lint-server >> text=e_sub_cert_aia_missing').count(), 0);
  assert.deepEqual(page.watch.violations(), []);
  assert.deepEqual(page.watch.errors, []);
  await page.close();
});

test('attribute changes render again: purpose, trust, target, mode', async () => {
  const page = await openDocs();
  const selector = '#verify-client';
  await page.locator(`${selector} >> css=.verdict.ok`).waitFor();
  const verdict = () => text(page, `${selector} >> css=.verdict`);

  // Two attributes changed in one task render once.
  let event = await change(page, selector, [['purpose', 'server'], ['host', 'sensor-0042.example.com']]);
  assert.equal(event.count, 1);
  assert.equal(event.detail.chain.valid, false);
  // The host is checked too, and a name mismatch is the more specific error.
  assert.equal(await verdict(), '✖ Not valid: name mismatch: no subjectAltName dNSName matches "sensor-0042.example.com"');
  assert.match(await text(page, `${selector} >> css=.question`), /for purpose server and host sensor-0042\.example\.com/);
  event = await change(page, selector, [['host', null]]);
  assert.match(await verdict(), /^✖ Not valid: extended key usage: does not allow serverAuth/);

  // Trust by fingerprint, then by position (the issuing CA as the anchor).
  const root = new X509Certificate(await readFile(join(ROOT, 'tests/data/roles/root.pem')));
  event = await change(page, selector, [['purpose', 'client'], ['host', null], ['trust', root.fingerprint256]]);
  assert.equal(event.detail.chain.valid, true);
  assert.match(await verdict(), /^✔ Valid/);
  event = await change(page, selector, [['trust', '2']]);
  assert.equal(event.detail.chain.valid, true);
  assert.equal(event.detail.chain.paths[event.detail.chain.chosen].certificates.length, 2);

  // Nothing trusted: not valid, and the core says why.
  event = await change(page, selector, [['trust', null]]);
  assert.equal(event.detail.chain.valid, false);
  assert.match(await verdict(), /^✖ Not valid: \S/);
  assert.match(await text(page, `${selector} >> css=.question`), /trusting no certificate/);

  // The issuing CA as the target.
  event = await change(page, selector, [['trust', 'last'], ['target', '2']]);
  assert.match(await text(page, `${selector} >> css=.question`), /^Verifying #2 .*CN=Example Devices CA/);

  // Another mode.
  event = await change(page, selector, [['mode', 'lint'], ['target', null]]);
  assert.equal(event.detail.mode, 'lint');
  assert.equal(await page.locator(`${selector} >> css=.lint-result`).count(), 3);
  event = await change(page, selector, [['mode', 'inspect']]);
  assert.equal(event.detail.mode, 'inspect');
  assert.equal(await page.locator(`${selector} >> css=.fingerprint.sha256`).count(), 3);
  assert.equal(await page.locator(`${selector} >> css=.verdict`).count(), 0);
  assert.deepEqual(page.watch.violations(), []);
  assert.deepEqual(page.watch.errors, []);
  await page.close();
});

test('verify mode takes the policy inputs and the CRLs of its input, and shows the policy sets', async () => {
  const page = await openDocs();
  await page.locator('#inline >> css=.fingerprint.sha256').waitFor();
  const corpus = (name) => readFile(join(ROOT, 'tests/data/revocation', name), 'utf8');
  const chain = (await corpus('policy-leaf.pem')) + (await corpus('policy-intermediate.pem')) + (await corpus('root.pem'));
  // A checker for the policy chain (RFC 5280 6.1): the intermediate maps 1.2.3.4 to the
  // leaf's 1.2.3.5. The user's set 1.2.3.9 with explicit policy: no valid policy.
  const first = await page.evaluate((text) => new Promise((resolve) => {
    const element = document.createElement('cert-scope');
    element.id = 'policy';
    for (const [name, value] of [['mode', 'verify'], ['purpose', 'any'], ['trust', 'last'],
      ['at', '2026-06-01T00:00:00Z'], ['policies', '1.2.3.9'], ['explicit-policy', '']]) {
      element.setAttribute(name, value);
    }
    element.addEventListener('certscope-result', (e) => resolve(JSON.parse(JSON.stringify(e.detail))), { once: true });
    element.textContent = text;
    document.body.append(element);
  }), chain);
  assert.equal(first.chain.valid, false);
  assert.equal(first.chain.error.kind, 'policy');
  assert.match(await text(page, '#policy >> css=.verdict'), /^✖ Not valid: certificate policies: /);
  // The mapped policy is in the user's set: valid, and both sets of RFC 5280 6.1.6 shown.
  let event = await change(page, '#policy', [['policies', '1.2.3.4']]);
  assert.equal(event.detail.chain.valid, true);
  const path = event.detail.chain.paths[event.detail.chain.chosen];
  assert.deepEqual(path.authorities_constrained_policies, ['1.2.3.5']);
  assert.deepEqual(path.valid_policies, ['1.2.3.5']);
  assert.equal(await text(page, '#policy >> css=.path.chosen .policy-sets'),
    'Policies: authorities-constrained 1.2.3.5; user-constrained 1.2.3.5');
  assert.deepEqual(path.valid_policy_tree, [['anyPolicy', '1.2.3.4', '1.2.3.5']]);
  assert.deepEqual(await page.locator('#policy >> css=.path.chosen .policy-tree li').allTextContents(),
    ['anyPolicy → 1.2.3.4 → 1.2.3.5']);
  // initial-any-policy-inhibit on a path that asserts only anyPolicy: no valid policy is left
  // (RFC 5280 6.1.1 (g)); without it the path is valid.
  const anyChain = (await corpus('any-leaf.pem')) + (await corpus('any-intermediate.pem')) + (await corpus('root.pem'));
  const inhibited = await page.evaluate((text) => new Promise((resolve) => {
    const element = document.createElement('cert-scope');
    element.id = 'any-policy';
    for (const [name, value] of [['mode', 'verify'], ['purpose', 'any'], ['trust', 'last'],
      ['at', '2026-06-01T00:00:00Z'], ['explicit-policy', ''], ['inhibit-any-policy', '']]) {
      element.setAttribute(name, value);
    }
    element.addEventListener('certscope-result', (e) => resolve(JSON.parse(JSON.stringify(e.detail))), { once: true });
    element.textContent = text;
    document.body.append(element);
  }), anyChain);
  assert.equal(inhibited.chain.valid, false);
  assert.equal(inhibited.chain.error.kind, 'policy');
  event = await change(page, '#any-policy', [['inhibit-any-policy', null]]);
  assert.equal(event.detail.chain.valid, true);
  assert.deepEqual(event.detail.chain.paths[event.detail.chain.chosen].valid_policies, ['anyPolicy']);
  // Policy mapping inhibited: 1.2.3.4 is deleted and nothing is valid.
  event = await change(page, '#policy', [['inhibit-policy-mapping', '']]);
  assert.equal(event.detail.chain.valid, false);
  assert.equal(event.detail.chain.error.kind, 'policy');
  // Revocation asked for, with no CRL in the input: undetermined, and the chain fails closed.
  event = await change(page, '#policy', [['inhibit-policy-mapping', null], ['require-revocation', '']]);
  assert.equal(event.detail.chain.valid, false);
  assert.equal(event.detail.chain.error.kind, 'revocation_undetermined');
  assert.match(await text(page, '#policy >> css=.verdict'), /^✖ Not valid: revocation status undetermined: /);
  // CRLs in the input: the root's decides the Policy CA (good); the only other one is another
  // CA's, so the leaf's status stays undetermined and the chain fails closed.
  const crls = (await corpus('root.crl.pem')) + (await corpus('empty.crl.pem'));
  event = await page.evaluate((text) => new Promise((resolve) => {
    const element = document.getElementById('policy');
    element.addEventListener('certscope-result', (e) => resolve(JSON.parse(JSON.stringify(e.detail))), { once: true });
    element.textContent = text;
  }), chain + crls).then((detail) => ({ detail }));
  assert.equal(event.detail.chain.valid, false);
  const statuses = event.detail.chain.paths[event.detail.chain.chosen].revocation.map((r) => r.status);
  assert.deepEqual(statuses, ['undetermined', 'good']);
  assert.deepEqual(page.watch.violations(), []);
  assert.deepEqual(page.watch.errors, []);
  await page.close();
});

test('verify mode takes the profile: a device under a private root with anyExtendedKeyUsage', async () => {
  const page = await openDocs();
  await page.locator('#inline >> css=.fingerprint.sha256').waitFor();
  const fixture = (name) => readFile(join(ROOT, 'tests/data/profiles', name), 'utf8');
  const chain = (await fixture('device-any-eku.pem')) + (await fixture('fleet-root.pem'));
  const first = await page.evaluate((text) => new Promise((resolve) => {
    const element = document.createElement('cert-scope');
    element.id = 'profiled';
    for (const [name, value] of [['mode', 'verify'], ['purpose', 'client'], ['trust', 'last'],
      ['at', '2027-01-01T00:00:00Z']]) {
      element.setAttribute(name, value);
    }
    element.addEventListener('certscope-result', (e) => resolve(JSON.parse(JSON.stringify(e.detail))), { once: true });
    element.textContent = text;
    document.body.append(element);
  }), chain);
  // The default: the common TLS stacks' verdict, every stack accepting, and the Web PKI's
  // objection to anyExtendedKeyUsage beside it.
  assert.equal(first.chain.valid, true);
  assert.equal(first.chain.profile, 'tls');
  assert.ok(first.chain.stacks.length > 0 && first.chain.stacks.every((s) => s.accepts), JSON.stringify(first.chain.stacks));
  const findings = first.chain.paths[first.chain.chosen].web_pki_findings;
  assert.ok(findings.some((c) => c.name === 'extended_key_usage' && /anyExtendedKeyUsage/.test(c.explanation)), JSON.stringify(findings));
  assert.match(await text(page, '#profiled >> css=.profile'), /^Profile: tls — chosen: /);
  assert.match(await text(page, '#profiled >> css=.web-pki-findings'), /extended_key_usage on .*anyExtendedKeyUsage/);
  // profile="webpki": the Baseline Requirements decide.
  let event = await change(page, '#profiled', [['profile', 'webpki']]);
  assert.equal(event.detail.chain.valid, false);
  assert.equal(event.detail.chain.profile, 'webpki');
  assert.equal(await text(page, '#profiled >> css=.profile'), 'Profile: webpki — asked for');
  assert.match(await text(page, '#profiled >> css=.question'), /under profile webpki/);
  // An unknown name is an error the element shows.
  event = await change(page, '#profiled', [['profile', 'browser']]);
  assert.equal(event.type, 'certscope-error');
  assert.match(event.detail.message, /unknown profile browser/);
  assert.deepEqual(page.watch.violations(), []);
  await page.close();
});

test('bad input and bad attributes give an error event and an error state', async () => {
  const page = await openDocs();
  await page.locator('#verify-client >> css=.verdict').waitFor();
  const cases = [
    [[['trust', 'bogus']], /trust: "bogus" is not last, self-signed, a position or a SHA-256 fingerprint/],
    [[['trust', '7']], /trust: there is no certificate #7/],
    [[['trust', 'last'], ['target', '9']], /target: there is no certificate #9/],
    [[['target', null], ['purpose', 'teleport']], /unknown purpose teleport/],
    [[['purpose', 'client'], ['mode', 'judge']], /mode must be inspect, verify, lint; got "judge"/],
    [[['mode', 'verify'], ['at', 'yesterday']], /not an RFC 3339 UTC time/],
  ];
  for (const [attributes, message] of cases) {
    const event = await change(page, '#verify-client', attributes);
    assert.equal(event.type, 'certscope-error', JSON.stringify(attributes));
    assert.match(event.detail.message, message);
    assert.equal(event.state, 'error');
    assert.match(await text(page, '#verify-client >> css=[role=alert]'), message);
  }
  // Back to a good state.
  const event = await change(page, '#verify-client', [['at', '2026-06-01T00:00:00Z']]);
  assert.equal(event.type, 'certscope-result');
  assert.equal(event.state, 'done');
  assert.equal(await page.locator('#verify-client >> css=[role=alert]').count(), 0);

  // Text that holds nothing certscope can read.
  const message = await page.evaluate(() => new Promise((resolve) => {
    const element = document.createElement('cert-scope');
    element.id = 'added';
    element.setAttribute('mode', 'verify');
    element.setAttribute('trust', 'self-signed');
    element.addEventListener('certscope-error', (e) => resolve({ message: e.detail.message, state: element.state }));
    element.textContent = 'this is not a certificate';
    document.body.append(element);
  }));
  assert.equal(message.state, 'error');
  assert.match(message.message, /\S/);
  assert.equal(await page.locator('#added >> css=.verdict').count(), 0);

  // New text renders again: a self-signed certificate, trusted as itself.
  const pem = await readFile(join(ROOT, 'www/examples/device.pem'), 'utf8');
  const fixed = await page.evaluate((text) => new Promise((resolve) => {
    const element = document.getElementById('added');
    element.addEventListener('certscope-result', (e) => resolve({ detail: e.detail, state: element.state }), { once: true });
    element.textContent = text;
  }), pem);
  assert.equal(fixed.state, 'done');
  assert.equal(fixed.detail.mode, 'verify');
  assert.equal(fixed.detail.report.objects[0].self_signed, true);
  assert.match(await text(page, '#added >> css=.question'), /trusting CN=leaf\.example\.com/);
  await page.locator('#added >> css=.verdict').waitFor();
  assert.deepEqual(page.watch.violations(), []);
  assert.deepEqual(page.watch.errors, []);
  await page.close();
});

test('the npm package\'s element works as packed, under a strict CSP, with its analysis in its worker', async () => {
  // A page that embeds the package (pkg-npm/, as scripts/build.sh writes it) from /certscope/.
  const site = await mkdtemp(join(tmpdir(), 'certscope-site-'));
  const server = { stop: () => {} };
  try {
    await cp(join(ROOT, 'pkg-npm'), join(site, 'certscope'), { recursive: true });
    const pem = await readFile(join(ROOT, 'www/examples/device.pem'), 'utf8');
    await writeFile(join(site, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src data:">
      <title>certscope from the npm package</title><link rel="icon" href="data:,">
      <script type="module" src="certscope/cert-scope.js"></script></head>
      <body><cert-scope id="device" at="2027-01-01T00:00:00Z">${pem}</cert-scope></body></html>`);
    Object.assign(server, await startServer(site));
    const page = await state.browser.context.newPage();
    const watch = audit(page, server.origin);
    await countMainThreadInstances(page);
    await page.goto(`${server.origin}/`);
    const fingerprint = page.locator('#device >> css=.fingerprint.sha256');
    await fingerprint.waitFor();
    assert.equal(await fingerprint.textContent(), new X509Certificate(pem).fingerprint256);
    // Styled by the one report stylesheet: a card has its border.
    assert.notEqual(await page.locator('#device >> css=article.card').evaluate((card) => getComputedStyle(card).borderTopStyle), 'none');
    await assertCoreOffMainThread(page);
    assert.deepEqual(watch.violations(), []);
    assert.deepEqual(watch.errors, []);
    const paths = [...new Set(watch.requests.map((url) => new URL(url).pathname))].sort();
    assert.deepEqual(paths, ['/', '/certscope/cert-scope.js', '/certscope/client.js', '/certscope/pkg/certscope_wasm.js',
      '/certscope/pkg/certscope_wasm_bg.wasm', '/certscope/render.js', '/certscope/report.css', '/certscope/worker.js']);
    await page.close();
  } finally {
    server.stop();
    await rm(site, { recursive: true, force: true });
  }
});

test('the component shows each TLS stack: a matrix on an end entity, a row per stack for the chain, as its events report', async () => {
  const page = await openDocs();
  await page.locator('#verify-client >> css=.verdict').waitFor();
  await page.locator('#inline >> css=article.certificate').first().waitFor();
  const events = await recordedEvents(page, 5);

  // Verify mode: one row per stack, the verdict and reason of the chain result it emitted.
  const expected = events['verify-client'].detail.chain.stack_verdicts;
  assert.equal(expected.length, 8);
  const rows = page.locator('#verify-client >> css=table.stack-verdicts tbody tr');
  assert.equal(await rows.count(), 8);
  assert.ok(await rows.first().isVisible());
  for (const [i, v] of expected.entries()) {
    const row = rows.nth(i);
    assert.equal(await row.locator('th').textContent(), v.stack);
    const cell = row.locator('td.stack-verdict');
    // A client the stack accepts depends on the server's own authorisation: ◐, not ✔.
    assert.deepEqual(v.depends_on, v.valid ? ['server_authorisation'] : []);
    assert.equal(await cell.textContent(), v.depends_on.length ? '◐' : v.valid ? '✔' : '✖');
    assert.equal(await cell.getAttribute('data-depends-on'), v.depends_on.join(' '));
    assert.equal(await cell.getAttribute('title'), v.reason);
    assert.equal(await cell.getAttribute('tabindex'), '0');
  }
  // The device certificate is a TLS client, not a server: its chain as a server is refused by every stack.
  assert.ok(expected.some((v) => v.valid));
  const asServer = events['verify-server'].detail.chain.stack_verdicts;
  assert.ok(asServer.every((v) => !v.valid));
  assert.equal(await page.locator('#verify-server >> css=table.stack-verdicts td.stack-verdict.no').count(), 8);

  // Inspect mode: the end entity's matrix, from its report's client_server.verifiers.
  const report = events.inline.detail.report;
  const index = report.objects.findIndex((o) => o.kind === 'certificate' && !o.is_ca);
  assert.ok(index >= 0);
  const verifiers = report.objects[index].client_server.verifiers;
  const card = page.locator(`#inline >> css=article.certificate[data-index="${report.objects[index].index}"]`);
  const cells = card.locator('table.stack-matrix td.stack-verdict');
  assert.equal(await cells.count(), 16);
  for (const [i, v] of verifiers.entries()) {
    assert.equal(await cells.nth(2 * i).getAttribute('data-accepts'), String(v.as_server));
    assert.equal(await cells.nth(2 * i + 1).getAttribute('data-accepts'), String(v.as_client));
    assert.equal(await cells.nth(2 * i + 1).getAttribute('data-depends-on'), v.client_depends_on.join(' '));
    assert.equal(await cells.nth(2 * i + 1).textContent(), v.client_depends_on.length ? '◐' : v.as_client ? '✔' : '✖');
    assert.equal(await cells.nth(2 * i + 1).getAttribute('title'), v.client_reason);
  }
  // Keyboard-reachable inside the component's shadow root.
  await cells.first().focus();
  await page.keyboard.press('Tab');
  assert.equal(await cells.nth(1).evaluate((cell) => cell.getRootNode().activeElement === cell), true);
  assert.deepEqual(page.watch.violations(), []);
  assert.deepEqual(page.watch.errors, []);
  await page.close();
});
