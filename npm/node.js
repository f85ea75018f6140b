// Entry point for Node: the wasm files are read from disk, nothing is fetched.
import { readFile } from 'node:fs/promises';
import { createLocal } from './client.js';

export const { init, ready, analyze, summarize, verify, lint, version, schemaVersion } = createLocal({
  source: (url) => readFile(url),
});
