// Shared set-up for the page tests: the static server, Debian's Chromium, and the audit that
// fails a test on any request leaving the page's origin and on any console error.
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUTPUT = join(ROOT, 'test-output');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--no-first-run',
];

/** Starts scripts/serve.mjs on a free port; resolves to { origin, stop }. */
export async function startServer(root = join(ROOT, 'www')) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), '--port', '0', '--root', root], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { origin, stop: () => child.kill() };
}

/** Launches Chromium with a fresh profile; resolves to { context, close }. */
export async function launch(options = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'certscope-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Watches a page: every request URL, every console error and uncaught exception.
 * `violations()` lists requests that left `origin` (data: and blob: URLs stay in the page).
 */
export function audit(page, origin) {
  const requests = [];
  const errors = [];
  const watch = (target) => target.on('request', (request) => requests.push(request.url()));
  watch(page.context());
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('crash', () => errors.push('page crashed'));
  return {
    requests,
    errors,
    violations: () => requests.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false;
      try {
        return new URL(url).origin !== origin;
      } catch {
        return true;
      }
    }),
  };
}

export async function screenshot(page, name) {
  await mkdir(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
}

/**
 * One static server and one browser for the calling test file, started before its first test
 * and stopped after its last. `server` and `browser` are set once `before` has run.
 */
export function session() {
  const state = { server: null, browser: null };
  before(async () => {
    state.server = await startServer();
    state.browser = await launch();
  });
  after(async () => {
    await state.browser?.close();
    state.server?.stop();
  });
  return state;
}

/**
 * A new page of the session's browser, audited, at the page (`/` unless told), optionally at a
 * viewport size and colour scheme, and after `before(page)` (e.g. an init script).
 */
export async function openPage(state, { path = '/', viewport, colorScheme, before } = {}) {
  const page = await state.browser.context.newPage();
  if (before) await before(page);
  if (viewport) await page.setViewportSize(viewport);
  if (colorScheme) await page.emulateMedia({ colorScheme });
  const watch = audit(page, state.server.origin);
  await page.goto(`${state.server.origin}${path}`);
  return { page, watch };
}

/**
 * Before the page's own scripts run, counts every WebAssembly instantiation on the page's main
 * thread in `window.wasmInstancesOnMainThread` (compiling is not counted: the main thread may
 * compile the module to hand it to a worker).
 */
export async function countMainThreadInstances(page) {
  await page.addInitScript(() => {
    window.wasmInstancesOnMainThread = 0;
    const count = () => { window.wasmInstancesOnMainThread += 1; };
    const { instantiate, instantiateStreaming, Instance } = WebAssembly;
    WebAssembly.instantiate = function (...args) {
      count();
      return instantiate.apply(this, args);
    };
    WebAssembly.instantiateStreaming = function (...args) {
      count();
      return instantiateStreaming.apply(this, args);
    };
    WebAssembly.Instance = new Proxy(Instance, {
      construct(target, args, newTarget) {
        count();
        return Reflect.construct(target, args, newTarget);
      },
    });
  });
}

/**
 * Asserts that the core ran in the page's worker and not on its main thread: the main thread
 * instantiated no wasm module (the core exists only as a wasm instance, so a report drawn
 * without one was computed elsewhere), and one certscope worker (worker.js) runs. Needs
 * countMainThreadInstances first. (Resource timing cannot tell the two apart: a dedicated
 * worker's static imports are fetched, and listed, by the document.)
 */
export async function assertCoreOffMainThread(page) {
  const instances = await page.evaluate(() => window.wasmInstancesOnMainThread);
  assert.equal(instances, 0, 'wasm instantiated on the main thread');
  const workers = page.workers().filter((worker) => new URL(worker.url()).pathname.endsWith('/worker.js'));
  assert.equal(workers.length, 1, `one certscope worker: ${page.workers().map((w) => w.url()).join(', ')}`);
}

/** No request left the page's origin and nothing went to the console as an error. */
export function assertClean(watch) {
  assert.deepEqual(watch.violations(), [], 'requests left the page origin');
  assert.deepEqual(watch.errors, [], 'console errors');
}
