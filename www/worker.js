// Runs the wasm core off the main thread: the module is loaded once, then each message is one
// call. Messages: { id, op: 'analyze' | 'verify' | 'asn1', args } -> { id, result } | { id, error }.
import init, * as core from './pkg/certscope_wasm.js';

const ready = init({ module_or_path: new URL('./pkg/certscope_wasm_bg.wasm', import.meta.url) });
const OPS = new Set(['analyze', 'verify', 'asn1']);

self.onmessage = async (event) => {
  const { id, op, args } = event.data;
  try {
    await ready;
    if (!OPS.has(op) || typeof core[op] !== 'function') throw new Error(`unknown operation ${op}`);
    self.postMessage({ id, result: core[op](...args) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
