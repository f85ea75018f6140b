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

test('the package installs from its tarball with only the files it declares', async () => {
  const files = (await readdir(join(project, 'node_modules/certscope'))).sort();
  assert.ok(files.includes('certscope_wasm_bg.wasm'));
  assert.ok(files.includes('index.d.ts'));
  assert.ok(!files.some((f) => f.endsWith('.rs')));
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

test('a TypeScript consumer type-checks against the declarations, and real reports match them', async () => {
  await cp(join(HERE, 'consumer.ts'), join(project, 'consumer.ts'));
  const fixtures = [join(ROOT, 'tests/data/doc/leaf.pem'), join(ROOT, 'www/examples/docs.html')];
  const reports = [];
  for (const file of fixtures) reports.push(await certscope.analyze(await readFile(file), { at: '2030-01-01T00:00:00Z' }));
  reports.push(await certscope.analyze('not a certificate'));
  // Object literals get excess-property checks: a field the types omit fails, as does a wrong type.
  const body = reports.map((r, i) => `export const report${i}: Report = ${JSON.stringify(r, null, 1)};`).join('\n');
  await writeFile(join(project, 'reports.ts'), `import type { Report } from 'certscope';\n${body}\n`);
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: false, lib: ['es2022', 'dom'] },
    files: ['consumer.ts', 'reports.ts'],
  }));
  const tsc = join(HERE, 'node_modules/typescript/bin/tsc');
  try {
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  }
});
