// Compares builds of certscope's npm package on the same workloads, interleaved in one process
// so that load on the machine hits every build alike: analyze and summarize (certs/s) over the
// corpus, and verify (chains/s) per key type when the build exports it.
// Usage: node compare-builds.mjs NAME=DIR [NAME=DIR ...]   (DIR: a pkg-npm folder)
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CORPUS = join(HERE, 'corpus');
const AT = '2027-01-01T00:00:00Z';
const ROUNDS = 5;
const SECONDS = 0.5;
const builds = [];
for (const arg of process.argv.slice(2)) {
  const [name, dir] = arg.split('=');
  const node = await import(join(dir, 'node.js'));
  await node.init();
  builds.push({ name, wasm: await import(join(dir, 'certscope_wasm.js')), best: {} });
}
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8'));
const read = (...p) => new Uint8Array(readFileSync(join(CORPUS, ...p)));
const workloads = [];
const leaves = manifest.types.flatMap((t) => readdirSync(join(CORPUS, t)).filter((f) => f.startsWith('leaf-')).slice(0, 40).map((f) => read(t, f)));
workloads.push({ name: 'analyze certs/s', items: leaves, run: (w, der) => w.analyze(der, { at: AT }) });
const roots = readdirSync(join(CORPUS, 'system')).slice(0, 100).map((f) => read('system', f));
workloads.push({ name: 'summarize certs/s', items: [...leaves, ...roots], run: (w, der) => w.summarize(der) });
for (const type of manifest.types) {
  const [intermediate, root] = [read(type, 'intermediate.der'), read(type, 'root.der')];
  const chains = readdirSync(join(CORPUS, type)).filter((f) => f.startsWith('leaf-')).slice(0, 100).map((f) => read(type, f));
  workloads.push({
    name: `${type} chains/s`,
    items: chains,
    run: (w, leaf) => {
      if (!w.verify([leaf, intermediate, root], { at: AT, target: 0, trusted: [2], purpose: 'any' }).valid) throw new Error(`${type}: invalid`);
    },
  });
}
console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (let round = 0; round <= ROUNDS; round++) {
  for (const workload of workloads) {
    for (const build of builds) {
      if (workload.name.includes('chains') && typeof build.wasm.verify !== 'function') continue;
      if (workload.name.includes('summarize') && typeof build.wasm.summarize !== 'function') continue;
      const start = process.hrtime.bigint();
      let done = 0;
      let seconds = 0;
      for (const item of workload.items) {
        workload.run(build.wasm, item);
        done++;
        seconds = Number(process.hrtime.bigint() - start) / 1e9;
        if (seconds > SECONDS) break;
      }
      if (round > 0) build.best[workload.name] = Math.max(build.best[workload.name] ?? 0, done / seconds);
    }
  }
}
console.log(['workload', ...builds.map((b) => b.name)].join('\t'));
for (const workload of workloads) {
  console.log([workload.name, ...builds.map((b) => (b.best[workload.name] ?? 0).toFixed(1))].join('\t'));
}
console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
