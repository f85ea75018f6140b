// The one JavaScript client of the certscope wasm core, used by the page (app.js and
// worker.js), the <cert-scope> element (cert-scope.js) and the npm package (index.js, node.js).
//
// Two modules are built from the same core: pkg/ without PKCS#12, encrypted private keys and
// DSA signatures (what every first use loads) and pkg/full/ with them (the `encrypted` and
// `dsa` features). `createCore` loads the first once, and loads the second once, only when an
// input needs it: a call that carries a password, or a result that reports an `unavailable`
// problem (an object the first module cannot open, or one signed with DSA), which is then run
// again on the full module; from then on the full module answers every call.
//
// Where the core runs:
//   - in a Web Worker, for the page and the element: `connect()` (main thread) starts
//     worker.js, which calls `serve()`; each call is one message, answered with zero or more
//     progress messages and then a result or an error. The main thread never instantiates the
//     module: it only compiles the first one while the worker starts, and hands it over.
//   - in the calling thread, for the npm package's functions (`createLocal`), in Node (the
//     wasm read from disk) or in a browser.
//
// Messages to the worker: { module } once (a compiled WebAssembly.Module, or null when the
// main thread could not compile it, in which case the worker fetches it), then
// { id, op, args, store? }. Messages back: { id, progress } (zero or more), then
// { id, result } or { id, error }.
//
// The paths below are relative to this file, in the same layout in www/ and in the npm package,
// so the files are copied as they are.

const MODULES = {
  lean: {
    glue: () => import('./pkg/certscope_wasm.js'),
    wasm: new URL('./pkg/certscope_wasm_bg.wasm', import.meta.url),
  },
  full: {
    glue: () => import('./pkg/full/certscope_wasm.js'),
    wasm: new URL('./pkg/full/certscope_wasm_bg.wasm', import.meta.url),
  },
};

/** The core's operations, by name, with what each says while it works. */
const WORK = {
  analyze: 'Analysing…',
  summarize: 'Reading…',
  verify: 'Verifying…',
  lint: 'Linting…',
  asn1: 'Decoding…',
};

/** A result that reports an input only the full module can open. */
const needsFull = (result) => Array.isArray(result?.problems) && result.problems.some((p) => p.kind === 'unavailable');
/** Arguments that carry a password: only the full module can use it. */
const hasPassword = (args) => args.some((a) => a && typeof a === 'object' && typeof a.password === 'string' && a.password !== '');

/**
 * The core in this thread. `source(url)` gives what the glue's initialiser takes for the wasm
 * file at `url` (default: the URL itself, fetched and compiled as it streams; Node passes the
 * file's bytes). `lean`, when given, is (a promise of) the first module's wasm to use instead:
 * a compiled WebAssembly.Module, bytes, a URL or a Response; a promise that resolves to null
 * falls back to `source`.
 */
export function createCore({ source = (url) => url, lean: leanGiven } = {}) {
  let lean;
  let full;
  let current = null;

  /** Imports a module's glue while its wasm (a promise) arrives, then instantiates it. */
  const load = async (module, wasm) => {
    const [glue, module_or_path] = await Promise.all([module.glue(), wasm]);
    await glue.default({ module_or_path });
    return glue;
  };

  /** Loads the first module once (from `given` when it is the first call); resolves to its glue. */
  function init(given) {
    lean ??= (async () => {
      const wasm = Promise.resolve(given ?? leanGiven).then((value) => value ?? source(MODULES.lean.wasm));
      const glue = await load(MODULES.lean, wasm);
      current ??= glue;
      return glue;
    })().catch((error) => {
      lean = undefined;
      throw error;
    });
    return lean;
  }

  /** Loads the full module once and answers every call with it from then on. */
  async function upgrade(progress) {
    if (!full) {
      progress('Loading the PKCS#12, encrypted-key and DSA support…');
      full = load(MODULES.full, Promise.resolve(source(MODULES.full.wasm)));
    }
    try {
      current = await full;
    } catch (error) {
      full = undefined;
      throw error;
    }
  }

  /** Runs one operation of the core; `progress(text)` hears what it is doing. */
  async function run(op, args, progress = () => {}) {
    if (!Object.hasOwn(WORK, op)) throw new Error(`unknown operation ${op}`);
    if (!current) progress('Loading the certscope module…');
    const first = await init();
    if (current === first && hasPassword(args)) await upgrade(progress);
    progress(WORK[op]);
    let result = current[op](...args);
    if (current === first && needsFull(result)) {
      await upgrade(progress);
      progress(WORK[op]);
      result = current[op](...args);
    }
    return result;
  }

  return {
    init,
    run,
    /** The glue of the module in use, once one is loaded, else null. */
    get module() {
      return current;
    },
  };
}

/**
 * The npm package's functions, run in the calling thread. Every input may be a string, a
 * Uint8Array, an ArrayBuffer or any ArrayBufferView.
 */
export function createLocal(options) {
  const core = createCore(options);

  function bytes(input) {
    if (typeof input === 'string' || input instanceof Uint8Array) return input;
    if (input instanceof ArrayBuffer) return new Uint8Array(input);
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    throw new TypeError('input must be a string, a Uint8Array or an ArrayBuffer');
  }
  const loaded = () => {
    if (!core.module) throw new Error('the certscope module is not loaded yet: await init() first');
    return core.module;
  };
  const init = async (moduleOrPath) => {
    await core.init(moduleOrPath);
  };

  return {
    /** Loads the first wasm module once; every call returns after the same load. */
    init,
    /** Resolves once the first wasm module is loaded. */
    ready: () => init(),
    /** Finds and analyses every object in the input. */
    analyze: async (input, options = {}) => core.run('analyze', [bytes(input), options]),
    /** The essentials of every certificate in the input, without the full analysis. */
    summarize: async (input) => core.run('summarize', [bytes(input)]),
    /** Builds and validates the chain of one certificate among the inputs. */
    verify: async (inputs, options = {}) => core.run('verify', [Array.isArray(inputs) ? inputs.map(bytes) : bytes(inputs), options]),
    /** Lints every certificate in the input. */
    lint: async (input, options = {}) => core.run('lint', [bytes(input), options]),
    /** The certscope version. */
    version: () => loaded().version(),
    /** The report schema version this build produces. */
    schemaVersion: () => loaded().schemaVersion(),
  };
}

/**
 * The root stores a build ships, as static files under `base` (pkg/roots/): `list()` reads the
 * small manifest ({ name: { label, file, roots, bytes } }, {} when there is none), `anchor`
 * adds one store to a verify call's options as extra trust anchors, fetching it once.
 */
function rootStores(base) {
  let manifest;
  const bundles = new Map();
  const list = () => {
    manifest ??= fetch(new URL('index.json', base))
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({}));
    return manifest;
  };
  async function pem(name) {
    const entry = (await list())[name];
    if (!entry || !/^[\w.-]+$/.test(entry.file)) throw new Error(`this build has no root store named ${name}`);
    if (!bundles.has(name)) {
      bundles.set(name, fetch(new URL(entry.file, base)).then((response) => {
        if (!response.ok) throw new Error(`could not load the ${entry.label} root store: HTTP ${response.status}`);
        return response.text();
      }));
    }
    try {
      return { text: await bundles.get(name), label: entry.label };
    } catch (error) {
      bundles.delete(name);
      throw error;
    }
  }
  async function anchor([inputs, options = {}], name, progress) {
    progress(`Loading the root store ${(await list())[name]?.label ?? name}…`);
    const { text, label } = await pem(name);
    // The stores a build ships are public Web PKI stores (Mozilla's): under the default profile
    // a path to one of their roots is held to the Web PKI's rules.
    return [inputs, { ...options, extra_anchors: text, extra_anchors_label: label, extra_anchors_public: true }];
  }
  return { list, anchor };
}

/**
 * The worker's side: answers the messages of `connect()` on `scope` (the worker's global).
 * Besides the core's operations, `stores` lists the root stores this build ships, and a verify
 * call with `store` adds that store's roots to its trust anchors. Returns `ready` (resolves to
 * the first module's glue once it is loaded) and `asked` (whether a call has come yet).
 */
export function serve(scope) {
  let received;
  const compiled = new Promise((resolve) => {
    received = resolve;
  });
  const core = createCore({ lean: compiled });
  const ready = core.init();
  const stores = rootStores(new URL('./pkg/roots/', import.meta.url));
  let asked = false;
  scope.onmessage = async ({ data }) => {
    if ('module' in data) {
      received(data.module);
      return;
    }
    const { id, op, args = [], store } = data;
    asked = true;
    const progress = (text) => scope.postMessage({ id, progress: text });
    try {
      let result;
      if (op === 'stores') result = await stores.list();
      else result = await core.run(op, op === 'verify' && store ? await stores.anchor(args, store, progress) : args, progress);
      scope.postMessage({ id, result });
    } catch (error) {
      scope.postMessage({ id, error: String(error?.message ?? error) });
    }
  };
  return {
    ready,
    get asked() {
      return asked;
    },
  };
}

/** How many arguments each operation takes before its hooks ({ onProgress, store }). */
const ARITY = { analyze: 2, summarize: 1, verify: 2, lint: 2, asn1: 2, stores: 0 };

/**
 * The main thread's side: one worker running the core. Each operation is a method returning a
 * promise: analyze(input, options, hooks), summarize(input, hooks), verify(inputs, options,
 * hooks), lint(input, options, hooks), asn1(input, index, hooks), stores(hooks). `hooks`:
 * { onProgress(text), store (verify: a root store's name) }.
 */
export class WorkerClient {
  #worker;
  #pending = new Map();
  #next = 1;

  constructor() {
    // Written as bundlers recognise a module worker.
    this.#worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.#worker.onmessage = ({ data }) => {
      const entry = this.#pending.get(data.id);
      if (!entry) return;
      if (data.progress !== undefined) {
        entry.onProgress?.(data.progress);
        return;
      }
      this.#pending.delete(data.id);
      if (data.error !== undefined) entry.reject(new Error(data.error));
      else entry.resolve(data.result);
    };
    this.#worker.onerror = (event) => {
      const error = new Error(`the certscope worker failed: ${event.message ?? 'it could not start'}`);
      for (const entry of this.#pending.values()) entry.reject(error);
      this.#pending.clear();
    };
    // The first module is fetched and compiled here while the worker loads its scripts, then
    // handed over (V8 shares the compiled code, so nothing is fetched or compiled twice).
    const post = (module) => this.#worker.postMessage({ module });
    WebAssembly.compileStreaming(fetch(MODULES.lean.wasm)).then(post, () => post(null));
  }

  /** Runs `op` with `args` in the worker. */
  call(op, args = [], { onProgress, store } = {}) {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#worker.postMessage({ id, op, args, store });
    });
  }
}
for (const [op, arity] of Object.entries(ARITY)) {
  WorkerClient.prototype[op] = function call(...values) {
    return this.call(op, values.slice(0, arity), values[arity]);
  };
}

let shared;
/** The worker client of this page, started on first use and shared by every caller. */
export function connect() {
  shared ??= new WorkerClient();
  return shared;
}
