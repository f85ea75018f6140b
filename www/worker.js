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
//
// The module loaded first leaves out PKCS#12 and encrypted private keys (the core's `encrypted`
// feature). When an input needs them (an analysis reports an `unavailable` problem, or a call
// carries a password) the worker loads pkg/full/, the same core with that feature, once, and
// uses it from then on.
import init, * as lean from './pkg/certscope_wasm.js';

let loaded = false;
let received;
const compiled = new Promise((resolve) => { received = resolve; });
const ready = init({
  module_or_path: compiled.then((module) => module ?? fetch(new URL('./pkg/certscope_wasm_bg.wasm', import.meta.url))),
}).then(() => { loaded = true; });
const OPS = new Set(['analyze', 'verify', 'asn1']);

// Once the module is ready, if nothing has been asked yet, the worker analyses a small built-in
// chain (an Ed25519 server certificate for warm-up.example under a self-signed root, both
// expiring in 2126) and drops the report: the module's functions are compiled on their first
// call, and this compiles those an analysis and a verification reach (PEM, decoding, roles,
// lints, the report, path building and validation) before the user's first input, which then
// comes back sooner (bench/RESULTS.md, "Page").
const WARM_UP = `-----BEGIN CERTIFICATE-----
MIIBejCCASygAwIBAgIBAjAFBgMrZXAwHDEaMBgGA1UEAwwRY2VydHNjb3BlIHdh
cm0tdXAwIBcNMjYxMTI3MTIxMzU0WhgPMjEyNjExMDMxMjEzNTRaMBoxGDAWBgNV
BAMMD3dhcm0tdXAuZXhhbXBsZTAqMAUGAytlcAMhANpYr74BmfDaUR3H3Gokid96
PGmfpbpn8PkB5QcL1JDVo4GSMIGPMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQD
AgeAMBMGA1UdJQQMMAoGCCsGAQUFBwMBMBoGA1UdEQQTMBGCD3dhcm0tdXAuZXhh
bXBsZTAdBgNVHQ4EFgQU8Er0JX0OBr+7KmeTJ9LSML7FClEwHwYDVR0jBBgwFoAU
HaJZvwxTZwE0dU3i89HdYbGrJaQwBQYDK2VwA0EAPJlPyJ8UY/cSjZYR2g8lwR+m
XpCPTftzA1C27EWClyR4yj37rw3uiT89R67eylCLYXwJG9cV35bfLzm51cs1DA==
-----END CERTIFICATE-----
-----BEGIN CERTIFICATE-----
MIIBXzCCARGgAwIBAgIUTI4h0XRhNGfUfKTIKDGOps2I4P8wBQYDK2VwMBwxGjAY
BgNVBAMMEWNlcnRzY29wZSB3YXJtLXVwMCAXDTI2MTEyNzEyMTAwMVoYDzIxMjYx
MTAzMTIxMDAxWjAcMRowGAYDVQQDDBFjZXJ0c2NvcGUgd2FybS11cDAqMAUGAytl
cAMhALgVPt4/P92YEW6yABfBwFSZnVNfPnJk81gy1hgQ8UTNo2MwYTAdBgNVHQ4E
FgQUHaJZvwxTZwE0dU3i89HdYbGrJaQwHwYDVR0jBBgwFoAUHaJZvwxTZwE0dU3i
89HdYbGrJaQwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYwBQYDK2Vw
A0EAC1Gu0dyDWwqVJ+8oZ8I0vPOjIHtanBsHVICZdmAdQONudXYxWNZ3m+dir7RX
CiZ95jDPpWrCya2Mk9VDubamAg==
-----END CERTIFICATE-----`;
const WARM_UP_VERIFY = { target: 0, trusted: [1], purpose: 'server', host: 'warm-up.example' };
let asked = false;
ready.then(() => {
  if (asked) return;
  try {
    const input = new TextEncoder().encode(WARM_UP);
    lean.analyze(input, {});
    lean.verify([input], WARM_UP_VERIFY);
  } catch {
    // Only a warm-up: the user's own calls report their errors.
  }
}, () => {});

let core = lean;
let full;
/** The module with the `encrypted` feature, loaded on first need; becomes the one used. */
async function loadFull(progress) {
  if (!full) {
    progress('Loading the PKCS#12 and encrypted-key support…');
    full = import('./pkg/full/certscope_wasm.js').then(async (module) => {
      await module.default({ module_or_path: new URL('./pkg/full/certscope_wasm_bg.wasm', import.meta.url) });
      return module;
    });
  }
  try {
    core = await full;
  } catch (error) {
    full = undefined;
    throw error;
  }
}
const needsFull = (result) => Array.isArray(result?.problems) && result.problems.some((p) => p.kind === 'unavailable');
const hasPassword = (args) => args.some((a) => a && typeof a === 'object' && typeof a.password === 'string' && a.password !== '');
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
  asked = true;
  const progress = (text) => self.postMessage({ id, progress: text });
  try {
    if (op === 'stores') {
      self.postMessage({ id, result: await stores() });
      return;
    }
    if (!OPS.has(op) || typeof lean[op] !== 'function') throw new Error(`unknown operation ${op}`);
    if (!loaded) progress('Loading the certscope module…');
    await ready;
    let callArgs = args;
    if (op === 'verify' && storeName) {
      progress(`Loading the root store ${(await stores())[storeName]?.label ?? storeName}…`);
      const { pem, label } = await store(storeName);
      const [inputs, options = {}] = args;
      callArgs = [inputs, { ...options, extra_anchors: pem, extra_anchors_label: label }];
    }
    if (core === lean && hasPassword(callArgs)) await loadFull(progress);
    progress(WORK[op]);
    let result = core[op](...callArgs);
    if (core === lean && needsFull(result)) {
      await loadFull(progress);
      progress(WORK[op]);
      result = core[op](...callArgs);
    }
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
