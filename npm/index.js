// Entry point for browsers and bundlers: the wasm file is resolved next to this module.
import { createApi } from './api.js';

const api = createApi(async () => new URL('./certscope_wasm_bg.wasm', import.meta.url));
export const { init, analyze, summarize, verify, lint, version, schemaVersion } = api;
/** Resolves once the wasm module is loaded. */
export const ready = () => init();
