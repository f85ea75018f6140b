// Entry point for Node: the wasm file is read from disk, nothing is fetched.
import { readFile } from 'node:fs/promises';
import { createApi } from './api.js';

const api = createApi(() => readFile(new URL('./certscope_wasm_bg.wasm', import.meta.url)));
export const { init, analyze, summarize, verify, lint, version, schemaVersion } = api;
/** Resolves once the wasm module is loaded. */
export const ready = () => init();
