// The packed npm package, installed into a temporary project and used as a user would: from
// Node (the wasm read from disk), from TypeScript (tsc --strict), and its declarations checked
// against real reports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, writeFile, rm, readdir, cp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
let project;
let certscope;

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(async () => {
  project = await mkdtemp(join(tmpdir(), 'certscope-npm-'));
  const packed = run('npm', ['pack', '--silent', '--pack-destination', project], join(ROOT, 'pkg-npm')).trim().split('\n').pop();
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--offline', join(project, packed)], project);
  certscope = await import(pathToFileURL(join(project, 'node_modules/certscope/node.js')).href);
});
after(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

test('the package installs from its tarball with the page\'s client, worker and component unchanged', async () => {
  const files = (await readdir(join(project, 'node_modules/certscope'), { recursive: true })).sort();
  // The page's layout: the client, its worker and both modules, copied as they are.
  for (const file of ['client.js', 'worker.js', 'cert-scope.js', 'render.js', 'report.css', 'index.d.ts',
    'pkg/certscope_wasm.js', 'pkg/certscope_wasm_bg.wasm', 'pkg/full/certscope_wasm.js', 'pkg/full/certscope_wasm_bg.wasm']) {
    assert.ok(files.includes(file), file);
  }
  assert.ok(!files.some((f) => f.endsWith('.rs')));
  for (const file of ['client.js', 'worker.js', 'cert-scope.js', 'render.js', 'report.css']) {
    assert.equal(await readFile(join(project, 'node_modules/certscope', file), 'utf8'), await readFile(join(ROOT, 'www', file), 'utf8'), file);
  }
});

test('Node resolves the package name to the Node entry and analyses a PEM', async () => {
  const script = `import { analyze } from 'certscope';
    import { readFileSync } from 'node:fs';
    const r = await analyze(readFileSync(process.argv[2]), { at: '2030-01-01T00:00:00Z' });
    console.log(JSON.stringify(r.objects.map((o) => [o.subject.rfc4514, o.fingerprints.sha256])));`;
  await writeFile(join(project, 'use.mjs'), script);
  const pem = join(ROOT, 'tests/data/doc/leaf.pem');
  const out = JSON.parse(run(process.execPath, ['use.mjs', pem], project));
  const expected = new X509Certificate(await readFile(pem)).fingerprint256.replaceAll(':', '').toLowerCase();
  assert.deepEqual(out, [['CN=leaf.example.com', expected]]);
});

test('Node reads the first module, and the one with PKCS#12 support only once an input needs it', async () => {
  // Every file the package reads is recorded (node.js reads the wasm with fs/promises).
  const script = `import fs from 'node:fs/promises';
    import { syncBuiltinESMExports } from 'node:module';
    const { readFile } = fs;
    const read = [];
    fs.readFile = (path, ...rest) => { read.push(String(path)); return readFile(path, ...rest); };
    syncBuiltinESMExports();
    const certscope = await import('certscope');
    const modules = () => read.filter((p) => p.endsWith('.wasm')).map((p) => p.slice(p.lastIndexOf('/certscope/') + 11));
    const [pem, p12] = await Promise.all(process.argv.slice(2).map((file) => readFile(file)));
    const steps = [];
    const first = await certscope.analyze(pem);
    steps.push(modules());
    const locked = await certscope.analyze(p12);
    steps.push(modules());
    const opened = await certscope.analyze(p12, { password: 'fixture' });
    const again = await certscope.analyze(pem);
    steps.push(modules());
    console.log(JSON.stringify({
      steps,
      kinds: [first, locked, opened, again].map((r) => [r.objects.map((o) => o.kind), r.problems.map((p) => p.kind)]),
    }));`;
  await writeFile(join(project, 'modules.mjs'), script);
  const out = JSON.parse(run(process.execPath, ['modules.mjs', join(ROOT, 'tests/data/doc/leaf.pem'), join(ROOT, 'tests/data/input/modern.p12')], project));
  const lean = 'pkg/certscope_wasm_bg.wasm';
  const full = 'pkg/full/certscope_wasm_bg.wasm';
  assert.deepEqual(out.steps, [[lean], [lean, full], [lean, full]]);
  // The PKCS#12 file, retried on the full module, asks for its password (the first module
  // alone would say it cannot open PKCS#12), then opens with it.
  assert.deepEqual(out.kinds, [
    [['certificate'], []],
    [[], ['password_required']],
    [['certificate', 'certificate', 'private_key'], []],
    [['certificate'], []],
  ]);
});

test('a DSA-signed chain is verified by the module with DSA support, loaded only for it', async () => {
  // The first module leaves DSA out: it reports each DSA-signed input as `unavailable`, and the
  // client runs the call again on the full module, which verifies the chain OpenSSL verifies
  // (tests/data/dsa/openssl.json).
  const script = `import fs from 'node:fs/promises';
    import { syncBuiltinESMExports } from 'node:module';
    const { readFile } = fs;
    const read = [];
    fs.readFile = (path, ...rest) => { read.push(String(path)); return readFile(path, ...rest); };
    syncBuiltinESMExports();
    const certscope = await import('certscope');
    const modules = () => read.filter((p) => p.endsWith('.wasm')).map((p) => p.slice(p.lastIndexOf('/certscope/') + 11));
    const [leaf, intermediate, root, tampered] = await Promise.all(process.argv.slice(2).map((file) => readFile(file, 'utf8')));
    const options = { at: '2027-01-04T05:26:42Z', purpose: 'any', profile: 'rfc5280', target: 0, trusted: [2] };
    const steps = [];
    const analysed = await certscope.analyze(root);
    steps.push(modules());
    const chain = await certscope.verify([leaf, intermediate, root], options);
    const broken = await certscope.verify([tampered, intermediate, root], options);
    console.log(JSON.stringify({
      steps,
      problems: analysed.problems.map((p) => p.kind),
      valid: [chain.valid, broken.valid],
      chainProblems: chain.problems.length,
      explanation: broken.explanation,
    }));`;
  await writeFile(join(project, 'dsa.mjs'), script);
  const dsa = (name) => join(ROOT, 'tests/data/dsa', name);
  const out = JSON.parse(run(process.execPath, ['dsa.mjs', dsa('leaf.pem'), dsa('intermediate.pem'), dsa('root.pem'), dsa('leaf-tampered.pem')], project));
  assert.deepEqual(out.steps, [['pkg/certscope_wasm_bg.wasm', 'pkg/full/certscope_wasm_bg.wasm']]);
  assert.deepEqual(out.problems, []);
  assert.deepEqual(out.valid, [true, false]);
  assert.equal(out.chainProblems, 0);
  assert.match(out.explanation, /DSA with SHA-224 signature does not match/);
});

test('inputs: string, Uint8Array, ArrayBuffer and typed arrays give the same report', async () => {
  const pem = await readFile(join(ROOT, 'tests/data/doc/leaf.pem'));
  const at = { at: '2030-01-01T00:00:00Z' };
  const fromString = await certscope.analyze(pem.toString('utf8'), at);
  const fromBytes = await certscope.analyze(new Uint8Array(pem), at);
  const fromBuffer = await certscope.analyze(new Uint8Array(pem).buffer, at);
  const fromView = await certscope.analyze(new DataView(new Uint8Array(pem).buffer), at);
  assert.deepEqual(fromBytes, fromString);
  assert.deepEqual(fromBuffer, fromString);
  assert.deepEqual(fromView, fromString);
  await assert.rejects(certscope.analyze(42), /must be a string/);
  assert.equal(certscope.schemaVersion(), fromString.schema_version);
});

test('verify: a device certificate chains to its root for clientAuth, not for serverAuth', async () => {
  const dir = join(ROOT, 'examples/downstream-wasm-test/certs');
  const device = await readFile(join(dir, 'device.pem'), 'utf8');
  const root = await readFile(join(dir, 'root.pem'), 'utf8');
  const at = new Date(Date.parse(new X509Certificate(device).validFrom) + 86400000).toISOString().replace(/\.\d+Z$/, 'Z');
  const client = await certscope.verify([device, root], { trusted: [1], purpose: 'client', at });
  assert.equal(client.valid, true, client.explanation);
  assert.equal(client.paths[client.chosen].certificates.length, 2);
  const server = await certscope.verify([device, root], { trusted: [1], purpose: 'server', host: 'sensor-0042', at });
  assert.equal(server.valid, false);
  assert.ok(server.explanation.length > 0);
  const untrusted = await certscope.verify([device, root], { purpose: 'client', at });
  assert.equal(untrusted.valid, false);
  const lints = await certscope.lint(device, { at });
  assert.equal(lints.length, 1);
  assert.ok(Array.isArray(lints[0].findings));
});

test('a TypeScript consumer type-checks against the declarations, and real reports of every kind match them', async () => {
  await cp(join(HERE, 'consumer.ts'), join(project, 'consumer.ts'));
  await cp(join(HERE, 'loose.ts'), join(project, 'loose.ts'));
  const at = { at: '2030-01-01T00:00:00Z' };
  const input = (name) => readFile(join(ROOT, 'tests/data/input', name));
  const inputs = [
    // Certificates: one, a page of them, a chain, a PKCS#7 bundle (origins with a container).
    await readFile(join(ROOT, 'tests/data/doc/leaf.pem')),
    await readFile(join(ROOT, 'www/examples/docs.html')),
    await input('chain.pem'),
    await input('bundle.p7b'),
    // CSRs, a CRL beside its issuer, private and public keys.
    await input('csr-rsa.pem'),
    await input('csr-ed25519.pem'),
    Buffer.concat([await input('ca.pem'), await input('crl.pem')]),
    await input('ec.pkcs8.pem'),
    await input('rsa.pkcs1.pem'),
    await input('ec.pub.pem'),
    // Problems: no password, then the PKCS#12 opened; and text that is nothing.
    await input('modern.p12'),
    'not a certificate',
  ];
  const reports = [];
  for (const bytes of inputs) reports.push(await certscope.analyze(bytes, at));
  reports.push(await certscope.analyze(await input('modern.p12'), { ...at, password: 'fixture' }));
  const kinds = new Set(reports.flatMap((r) => r.objects.map((o) => o.kind)));
  assert.deepEqual([...kinds].sort(), ['certificate', 'crl', 'csr', 'private_key', 'public_key']);
  assert.ok(reports.some((r) => r.problems.some((p) => p.kind === 'password_required')));

  const dir = join(ROOT, 'examples/downstream-wasm-test/certs');
  const device = await readFile(join(dir, 'device.pem'), 'utf8');
  const root = await readFile(join(dir, 'root.pem'), 'utf8');
  const when = { at: new Date(Date.parse(new X509Certificate(device).validFrom) + 86400000).toISOString().replace(/\.\d+Z$/, 'Z') };
  const chains = [
    await certscope.verify([device, root], { ...when, trusted: [1], purpose: 'client' }),
    await certscope.verify([device, root], { ...when, trusted: [1], purpose: 'server', host: 'sensor-0042' }),
    await certscope.verify([device, root], { ...when, purpose: 'client', extra_anchors: root, extra_anchors_label: 'the root' }),
    await certscope.verify(device, { at: '2090-01-01T00:00:00Z', trusted: [0] }),
  ];
  const lints = [
    await certscope.lint(device, when),
    await certscope.lint(await readFile(join(ROOT, 'www/examples/docs.html')), { ...at, include_not_applicable: true }),
  ];

  // Object literals get excess-property checks: a field the types omit fails, as does a wrong type.
  const literal = (value) => JSON.stringify(value, null, 1);
  const body = [
    ...reports.map((r, i) => `export const report${i}: Report = ${literal(r)};`),
    ...chains.map((c, i) => `export const chain${i}: ChainResult = ${literal(c)};`),
    ...lints.map((l, i) => `export const lint${i}: LintResult[] = ${literal(l)};`),
  ].join('\n');
  await writeFile(join(project, 'reports.ts'), `import type { Report, ChainResult, LintResult } from 'certscope';\n${body}\n`);
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: false, lib: ['es2022', 'dom'] },
    files: ['consumer.ts', 'reports.ts', 'loose.ts'],
  }));
  const tsc = join(HERE, 'node_modules/typescript/bin/tsc');
  try {
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  }
});

test('the declarations of reports and results contain no any or unknown', async () => {
  // loose.ts is type-checked above; here its premise: the declared texts avoid the escapes.
  const declarations = await readFile(join(project, 'node_modules/certscope/pkg/certscope_wasm.d.ts'), 'utf8');
  const ours = declarations.slice(0, declarations.indexOf('export type InitInput'));
  for (const word of ['any', 'unknown', 'Record<']) {
    const uses = ours.split('\n').filter((line) => !/^\s*(\/\/|\/\*\*|\*)/.test(line) && line.replace(/'[^']*'/g, '').includes(word === 'Record<' ? word : ` ${word}`));
    assert.deepEqual(uses, [], `declarations use ${word}`);
  }
});

test('summarize: DER and PEM give the fields node:crypto reads, for every certificate of a chain', async () => {
  const pem = await readFile(join(ROOT, 'tests/data/report/real/google.com.pem'), 'utf8');
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g);
  const fromPem = await certscope.summarize(pem);
  assert.equal(fromPem.length, blocks.length);
  for (const [i, block] of blocks.entries()) {
    const node = new X509Certificate(block);
    const [fromDer] = await certscope.summarize(new Uint8Array(node.raw));
    assert.deepEqual(fromDer, fromPem[i]);
    assert.equal(fromDer.serial_hex.replace(/^00/, ''), node.serialNumber.toLowerCase());
    assert.equal(Date.parse(fromDer.not_after), Date.parse(node.validTo));
    assert.equal(fromDer.is_ca, node.ca);
    // node:crypto: "DNS:a, DNS:b"; certscope: ["DNS:a", "DNS:b"].
    assert.equal(fromDer.subject_alt_names.join(', '), node.subjectAltName ?? '');
    assert.equal(fromDer.key_algorithm === 'EC' ? 'ec' : 'rsa', node.publicKey.asymmetricKeyType);
  }
  assert.deepEqual(fromPem[0].extended_key_usage, ['serverAuth']);
  await assert.rejects(certscope.summarize(new Uint8Array([0x30, 0x03, 0x02])), /certificate/);
  await assert.rejects(certscope.summarize('no PEM here'), /no certificate in the input/);
});

test('verify takes the policy inputs and the CRLs among its inputs, and returns the policy sets of RFC 5280 6.1.6', async () => {
  const corpus = (name) => readFile(join(ROOT, 'tests/data/revocation', name), 'utf8');
  const [leaf, ca, root, anyLeaf, anyCa, plainLeaf, inter, rootCrl, revokes] = await Promise.all([
    'policy-leaf.pem', 'policy-intermediate.pem', 'root.pem', 'any-leaf.pem', 'any-intermediate.pem',
    'leaf.pem', 'intermediate.pem', 'root.crl.pem', 'revokes-leaf.crl.pem'].map(corpus));
  const options = { at: '2026-06-01T00:00:00Z', purpose: 'any', profile: 'rfc5280', trusted: [2] };
  // The intermediate asserts 1.2.3.4 and maps it to the leaf's 1.2.3.5 (tests/revocation.rs).
  const mapped = await certscope.verify([leaf, ca, root], { ...options, policies: ['1.2.3.4'], explicit_policy: true });
  assert.equal(mapped.valid, true, mapped.explanation);
  const path = mapped.paths[mapped.chosen];
  assert.deepEqual(path.authorities_constrained_policies, ['1.2.3.5']);
  assert.deepEqual(path.valid_policies, ['1.2.3.5']);
  assert.deepEqual(path.valid_policy_tree, [['anyPolicy', '1.2.3.4', '1.2.3.5']]);
  const refused = async (inputs, more) => (await certscope.verify(inputs, { ...options, explicit_policy: true, ...more })).error?.kind;
  assert.equal(await refused([leaf, ca, root], { policies: ['1.2.3.9'] }), 'policy');
  assert.equal(await refused([leaf, ca, root], { inhibit_policy_mapping: true }), 'policy');
  assert.equal(await refused([anyLeaf, anyCa, root], {}), undefined);
  assert.equal(await refused([anyLeaf, anyCa, root], { inhibit_any_policy: true }), 'policy');
  // CRLs among the inputs: the intermediate's revokes the leaf (keyCompromise).
  const revoked = await certscope.verify([plainLeaf, inter, root, rootCrl, revokes], options);
  assert.equal(revoked.error.kind, 'revoked');
  assert.deepEqual(revoked.paths[revoked.chosen].revocation.map((r) => [r.status, r.reason]), [['revoked', 'keyCompromise'], ['good', null]]);
});
