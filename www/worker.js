// Runs the wasm core off the main thread: the module is loaded once, then each message is one
// call. Messages in: { id, op: 'analyze' | 'verify' | 'asn1' | 'stores', args, store? }.
// Messages out: { id, progress } while working (zero or more), then { id, result } | { id, error }.
//
// The page compiles the wasm module itself and sends it first as { module } (a
// WebAssembly.Module, or null when it could not, in which case the worker fetches the module).
//
// Root stores (pkg/roots/index.json and the files it names) are static files of the page,
// fetched from its own origin only when asked for: `stores` reads the small manifest, and a
// `verify` with `store: 'mozilla'` fetches that bundle once and passes it to the core as extra
// trust anchors with the manifest's label.
import init, * as core from './pkg/certscope_wasm.js';

let loaded = false;
let received;
const compiled = new Promise((resolve) => { received = resolve; });
const ready = init({
  module_or_path: compiled.then((module) => module ?? fetch(new URL('./pkg/certscope_wasm_bg.wasm', import.meta.url))),
}).then(() => { loaded = true; });
const OPS = new Set(['analyze', 'verify', 'asn1']);
const ROOTS = new URL('./pkg/roots/', import.meta.url);

let manifest;
/** The root stores this build ships, by name: { label, file, roots, bytes }; {} when none. */
function stores() {
  manifest ??= fetch(new URL('index.json', ROOTS))
    .then((response) => (response.ok ? response.json() : {}))
    .catch(() => ({}));
  return manifest;
}

const bundles = new Map();
/** The PEM text and label of one root store, fetched once. */
async function store(name) {
  const entry = (await stores())[name];
  if (!entry || !/^[\w.-]+$/.test(entry.file)) throw new Error(`this build has no root store named ${name}`);
  if (!bundles.has(name)) {
    bundles.set(name, fetch(new URL(entry.file, ROOTS)).then((response) => {
      if (!response.ok) throw new Error(`could not load the ${entry.label} root store: HTTP ${response.status}`);
      return response.text();
    }));
  }
  try {
    return { pem: await bundles.get(name), label: entry.label };
  } catch (error) {
    bundles.delete(name);
    throw error;
  }
}

const WORK = { analyze: 'Analysing…', verify: 'Verifying…', asn1: 'Decoding…' };

self.onmessage = async (event) => {
  if ('module' in event.data) {
    received(event.data.module);
    return;
  }
  const { id, op, args, store: storeName } = event.data;
  const progress = (text) => self.postMessage({ id, progress: text });
  try {
    if (op === 'stores') {
      self.postMessage({ id, result: await stores() });
      return;
    }
    if (!OPS.has(op) || typeof core[op] !== 'function') throw new Error(`unknown operation ${op}`);
    if (!loaded) progress('Loading the certscope module…');
    await ready;
    let callArgs = args;
    if (op === 'verify' && storeName) {
      progress(`Loading the root store ${(await stores())[storeName]?.label ?? storeName}…`);
      const { pem, label } = await store(storeName);
      const [inputs, options = {}] = args;
      callArgs = [inputs, { ...options, extra_anchors: pem, extra_anchors_label: label }];
    }
    progress(WORK[op]);
    self.postMessage({ id, result: core[op](...callArgs) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
