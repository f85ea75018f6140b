// The API shared by the browser and Node entry points. `load` provides the wasm bytes or URL.
import initWasm, * as wasm from './certscope_wasm.js';

export function createApi(load) {
  let ready = null;

  /** Loads the wasm module once; every call returns the same promise. */
  function init(moduleOrPath) {
    ready ??= (async () => {
      await initWasm({ module_or_path: moduleOrPath ?? (await load()) });
    })();
    return ready;
  }

  function bytes(input) {
    if (typeof input === 'string' || input instanceof Uint8Array) return input;
    if (input instanceof ArrayBuffer) return new Uint8Array(input);
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    throw new TypeError('input must be a string, a Uint8Array or an ArrayBuffer');
  }

  /** Finds and analyses every object in the input. */
  async function analyze(input, options = {}) {
    await init();
    return wasm.analyze(bytes(input), options);
  }

  /** The essentials of every certificate in the input, without the full analysis. */
  async function summarize(input) {
    await init();
    return wasm.summarize(bytes(input));
  }

  /** Builds and validates the chain of one certificate among the inputs. */
  async function verify(inputs, options = {}) {
    await init();
    return wasm.verify(Array.isArray(inputs) ? inputs.map(bytes) : bytes(inputs), options);
  }

  /** Lints every certificate in the input. */
  async function lint(input, options = {}) {
    await init();
    return wasm.lint(bytes(input), options);
  }

  return { init, analyze, summarize, verify, lint, version: () => wasm.version(), schemaVersion: () => wasm.schemaVersion() };
}
