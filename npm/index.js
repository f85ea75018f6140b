// Entry point for browsers and bundlers: the wasm files are fetched next to the client
// (pkg/, and pkg/full/ only when an input needs PKCS#12, encrypted-key or DSA support).
import { createLocal } from './client.js';

export const { init, ready, analyze, summarize, verify, lint, version, schemaVersion } = createLocal();
