// <cert-scope>: a certificate checker a documentation page embeds with one module import.
//
//   <script type="module" src="/certscope/cert-scope.js"></script>
//   <cert-scope mode="inspect">-----BEGIN CERTIFICATE-----…</cert-scope>
//   <cert-scope src="/certs/device.pem"></cert-scope>
//
// Attributes: `src` (a same-origin file; otherwise the element's own text is the input),
// `mode` (inspect), `at` (analysis time, RFC 3339; default now).
// Events: `certscope-result` (detail: the report), `certscope-error` (detail: { message }).
// Styling: CSS custom properties --certscope-bg, --certscope-fg, --certscope-muted,
// --certscope-border, --certscope-accent, --certscope-font, set on the element or an ancestor.
// It adds no request beyond its own module, stylesheet and wasm files, and works under a
// host-page CSP of `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'`.
import init, { analyze } from './pkg/certscope_wasm.js';
import { renderReport, el } from './render.js';

let ready;
function wasm() {
  ready ??= init({ module_or_path: new URL('./pkg/certscope_wasm_bg.wasm', import.meta.url) });
  return ready;
}

export class CertScopeElement extends HTMLElement {
  static observedAttributes = ['src', 'mode', 'at'];

  #root;
  #results;
  #connected = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const style = el('link', { rel: 'stylesheet', href: new URL('./cert-scope.css', import.meta.url).href });
    this.#results = el('div', { class: 'results', part: 'results', 'aria-live': 'polite' });
    this.#root.append(style, this.#results);
  }

  connectedCallback() {
    this.#connected = true;
    this.refresh();
  }

  attributeChangedCallback() {
    if (this.#connected) this.refresh();
  }

  /** The last report, or null. */
  report = null;

  async #input() {
    const src = this.getAttribute('src');
    if (!src) return this.textContent ?? '';
    const url = new URL(src, document.baseURI);
    if (url.origin !== location.origin) {
      throw new Error(`src must be on this page's origin (${location.origin}); got ${url.origin}`);
    }
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`could not load ${url.pathname}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  async refresh() {
    try {
      const [input] = await Promise.all([this.#input(), wasm()]);
      const at = this.getAttribute('at');
      const report = analyze(input, at ? { at } : {});
      this.report = report;
      renderReport(this.#results, report);
      this.dispatchEvent(new CustomEvent('certscope-result', { detail: report, bubbles: true, composed: true }));
    } catch (error) {
      const message = String(error?.message ?? error);
      this.#results.replaceChildren(el('div', { class: 'card problem', role: 'alert' },
        el('p', { class: 'error-message', text: message })));
      this.dispatchEvent(new CustomEvent('certscope-error', { detail: { message }, bubbles: true, composed: true }));
    }
  }
}

if (!customElements.get('cert-scope')) customElements.define('cert-scope', CertScopeElement);
