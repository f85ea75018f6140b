// Runs the wasm core off the main thread: the module is loaded once, then each message is one
// analysis. Messages: { id, input: string | ArrayBuffer, options } -> { id, report } | { id, error }.
import init, { analyze } from './pkg/certscope_wasm.js';

const ready = init({ module_or_path: new URL('./pkg/certscope_wasm_bg.wasm', import.meta.url) });

self.onmessage = async (event) => {
  const { id, input, options } = event.data;
  try {
    await ready;
    const report = analyze(input, options ?? {});
    self.postMessage({ id, report });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
