// <cert-scope>: a certificate checker a documentation page embeds with one module import.
//
//   <script type="module" src="/certscope/cert-scope.js"></script>
//   <cert-scope>-----BEGIN CERTIFICATE-----…</cert-scope>
//   <cert-scope src="/certs/device.pem"></cert-scope>
//   <cert-scope src="/certs/device-chain.pem" mode="verify" purpose="client" trust="last"
//               at="2026-06-01T00:00:00Z"></cert-scope>
//   <cert-scope src="/certs/server.pem" mode="lint"></cert-scope>
//
// Input: the file named by `src` (same origin only), otherwise the element's own text (PEM,
// base64 or hex). Certificates are numbered from 1 in input order, as the cards show them.
//
// Attributes (every change renders again, as does a change of the element's text):
//   mode      inspect (default): one card per object, with roles, purposes and lint findings.
//             verify: builds and validates the chain of one certificate and shows the verdict,
//             its explanation, every path tried and the checks on each link.
//             lint: the lint findings of every certificate.
//   at        the time to judge validity at, RFC 3339 UTC (2026-06-01T00:00:00Z); default now.
//   purpose   verify: server (default), client, codesign, email, timestamp, ocsp, any, or an
//             extended key usage OID.
//   host      verify: the host name or IP address a server certificate must be valid for.
//   profile   verify: the rule set: auto (default: the Web PKI's rules for a path asserting a
//             CA/Browser Forum policy, the common TLS stacks' verdict otherwise, with the Web
//             PKI's findings beside it), webpki, tls, rfc5280 or openssl. The verdict names the
//             profile that judged it and why.
//   trust     verify: which certificates of the input are trust anchors, as a list separated by
//             spaces or commas of: `last` (the last certificate), `self-signed` (every
//             certificate whose signature verifies with its own key), a number (the certificate
//             at that position, from 1), or a SHA-256 fingerprint (hex, colons allowed). Without
//             it nothing is trusted and no chain can be valid.
//   target    verify: the position (from 1) of the certificate to validate; default the first.
//   policies  verify: the initial policy set, OIDs separated by spaces or commas; default
//             anyPolicy (RFC 5280 6.1.1 (c)).
//   explicit-policy, inhibit-policy-mapping, inhibit-any-policy
//             verify: present (boolean attributes) to set initial-explicit-policy,
//             initial-policy-mapping-inhibit, initial-any-policy-inhibit (RFC 5280 6.1.1).
//   require-revocation
//             verify: present to fail a certificate whose revocation status no CRL of the input
//             decides, even when the input holds no CRL (with CRLs this is always so).
//   rule-set  lint: force one rule set (rfc5280, tls-br, smime-br, code-signing-br, device);
//             default: chosen from each certificate's role.
//
// Events (bubbling, composed):
//   certscope-result  detail: { mode, report, chain, lints }: `report` is the analysis of the
//                     input (every mode), `chain` the verification result (verify mode, else
//                     null), `lints` one entry per certificate (lint mode, else null).
//   certscope-error   detail: { message }: unreadable input, an unknown attribute value, a src
//                     that cannot be loaded. The element shows the message.
// Properties: `report`, `chain`, `lints` (as the last event carried them) and `state`
// ('loading', 'done' or 'error', also exposed as the custom states :state(loading|done|error)).
//
// Styling: CSS custom properties --certscope-bg, --certscope-fg, --certscope-muted,
// --certscope-border, --certscope-accent, --certscope-ok, --certscope-warn, --certscope-bad,
// --certscope-font, set on the element or an ancestor; the results container is
// ::part(results).
//
// It adds no request beyond its own files (this module, client.js, render.js, report.css,
// worker.js) and the wasm module's (and `src`). The analysis runs in a Web Worker, through the
// one client (client.js), shared by every element of the page: the main thread only reads the
// input and renders. The module it loads first leaves out PKCS#12, encrypted keys and DSA
// signatures, and pkg/full/ (the module with them) is loaded only when an input needs it. It works under a
// host-page CSP of `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'`
// (workers fall under script-src unless the page sets worker-src).
import { connect } from './client.js';
import { renderReport, chainView, lintView, el } from './render.js';

const MODES = ['inspect', 'verify', 'lint'];

/** The certificates of a report. */
const certificatesOf = (report) => report.objects.filter((object) => object.kind === 'certificate');

/**
 * The object indexes (0-based, as the core numbers them) of the certificates a `trust`
 * attribute names. Throws on a token that names nothing in the input.
 */
export function trustedIndexes(trust, report) {
  const certificates = certificatesOf(report);
  const indexes = new Set();
  for (const token of (trust ?? '').split(/[\s,]+/).filter(Boolean)) {
    const lower = token.toLowerCase();
    const hex = lower.replaceAll(':', '');
    if (lower === 'last') {
      const last = certificates.at(-1);
      if (last) indexes.add(last.index);
    } else if (lower === 'self-signed') {
      for (const cert of certificates) if (cert.self_signed === true) indexes.add(cert.index);
    } else if (/^\d+$/.test(token)) {
      const cert = certificates.find((c) => c.index === Number(token) - 1);
      if (!cert) throw new Error(`trust: there is no certificate #${token} in the input`);
      indexes.add(cert.index);
    } else if (/^[0-9a-f]{64}$/.test(hex)) {
      const cert = certificates.find((c) => c.fingerprints.sha256 === hex);
      if (!cert) throw new Error(`trust: no certificate in the input has the SHA-256 fingerprint ${token}`);
      indexes.add(cert.index);
    } else {
      throw new Error(`trust: "${token}" is not last, self-signed, a position or a SHA-256 fingerprint`);
    }
  }
  return [...indexes];
}

export class CertScopeElement extends HTMLElement {
  static observedAttributes = ['src', 'mode', 'at', 'purpose', 'host', 'profile', 'trust', 'target', 'rule-set',
    'policies', 'explicit-policy', 'inhibit-policy-mapping', 'inhibit-any-policy', 'require-revocation'];

  #root;
  #results;
  #internals;
  #connected = false;
  #scheduled = false;
  #run = 0;
  #loaded = null;
  #observer = new MutationObserver(() => {
    if (!this.hasAttribute('src')) this.#schedule();
  });

  /** The analysis of the input, or null. */
  report = null;
  /** The chain verification result (verify mode), or null. */
  chain = null;
  /** The lint results (lint mode), or null. */
  lints = null;
  /** 'loading', 'done' or 'error'. */
  state = 'loading';

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#internals = this.attachInternals?.();
    const style = el('link', { rel: 'stylesheet', href: new URL('./report.css', import.meta.url).href });
    this.#results = el('div', { class: 'results', part: 'results', 'aria-live': 'polite' });
    this.#root.append(style, this.#results);
  }

  connectedCallback() {
    this.#connected = true;
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#observer.disconnect();
  }

  attributeChangedCallback() {
    if (this.#connected) this.#schedule();
  }

  /** Several attribute changes in one task render once. */
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.refresh();
    });
  }

  #setState(state) {
    this.state = state;
    const states = this.#internals?.states;
    if (!states) return;
    try {
      for (const name of ['loading', 'done', 'error']) states.delete(name);
      states.add(state);
    } catch {
      // A browser without custom states still has the `state` property.
    }
  }

  async #input() {
    const src = this.getAttribute('src');
    if (!src) return this.textContent ?? '';
    const url = new URL(src, document.baseURI);
    if (url.origin !== location.origin) {
      throw new Error(`src must be on this page's origin (${location.origin}); got ${url.origin}`);
    }
    if (this.#loaded?.href === url.href) return this.#loaded.bytes;
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`could not load ${url.pathname}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    this.#loaded = { href: url.href, bytes };
    return bytes;
  }

  /** Options from an attribute that is set and not blank. */
  #attribute(name) {
    const value = this.getAttribute(name)?.trim();
    return value ? value : undefined;
  }

  /** Reads the input, runs the core for the mode, renders and emits the result. */
  async refresh() {
    const run = ++this.#run;
    this.#setState('loading');
    try {
      const mode = this.#attribute('mode') ?? 'inspect';
      if (!MODES.includes(mode)) throw new Error(`mode must be ${MODES.join(', ')}; got "${mode}"`);
      const input = await this.#input();
      if (run !== this.#run) return;
      const client = connect();
      const at = this.#attribute('at');
      const report = await client.analyze(input, at ? { at } : {});
      if (run !== this.#run) return;
      if (report.objects.length === 0) {
        const problem = report.problems[0]?.error;
        throw new Error(problem ? `${problem.structure}: ${problem.problem}` : 'nothing certscope can read was found in the input');
      }
      let chain = null;
      let lints = null;
      let asked = null;
      if (mode === 'verify') {
        asked = this.#verifyOptions(report, at);
        chain = await client.verify(input, asked);
      }
      if (mode === 'lint') {
        const ruleSet = this.#attribute('rule-set');
        lints = await client.lint(input, { ...(at ? { at } : {}), ...(ruleSet ? { rule_set: ruleSet } : {}) });
      }
      if (run !== this.#run) return;
      Object.assign(this, { report, chain, lints });
      if (mode === 'inspect') renderReport(this.#results, report);
      else if (mode === 'verify') this.#results.replaceChildren(this.#chainCard(report, chain, asked));
      else this.#results.replaceChildren(...lintView(lints));
      this.#setState('done');
      this.dispatchEvent(new CustomEvent('certscope-result', {
        detail: { mode, report, chain, lints }, bubbles: true, composed: true,
      }));
    } catch (error) {
      if (run !== this.#run) return;
      const message = String(error?.message ?? error);
      Object.assign(this, { report: null, chain: null, lints: null });
      this.#results.replaceChildren(el('div', { class: 'card problem', role: 'alert' },
        el('p', { class: 'error-message', text: message })));
      this.#setState('error');
      this.dispatchEvent(new CustomEvent('certscope-error', { detail: { message }, bubbles: true, composed: true }));
    }
  }

  /** The verify options the attributes ask for, checked against the report. */
  #verifyOptions(report, at) {
    const options = { trusted: trustedIndexes(this.getAttribute('trust'), report) };
    if (at) options.at = at;
    const purpose = this.#attribute('purpose');
    if (purpose) options.purpose = purpose;
    const host = this.#attribute('host');
    if (host) options.host = host;
    const profile = this.#attribute('profile');
    if (profile) options.profile = profile;
    const policies = (this.#attribute('policies') ?? '').split(/[\s,]+/).filter(Boolean);
    if (policies.length) options.policies = policies;
    if (this.hasAttribute('explicit-policy')) options.explicit_policy = true;
    if (this.hasAttribute('inhibit-policy-mapping')) options.inhibit_policy_mapping = true;
    if (this.hasAttribute('inhibit-any-policy')) options.inhibit_any_policy = true;
    if (this.hasAttribute('require-revocation')) options.require_revocation = true;
    const target = this.#attribute('target');
    if (target !== undefined) {
      const position = /^\d+$/.test(target) ? Number(target) : NaN;
      const cert = certificatesOf(report).find((c) => c.index === position - 1);
      if (!cert) throw new Error(`target: there is no certificate #${target} in the input`);
      options.target = cert.index;
    }
    return options;
  }

  /** The verdict card: what was asked, then the core's answer. */
  #chainCard(report, chain, asked) {
    const certificates = certificatesOf(report);
    const target = certificates.find((c) => c.index === asked.target) ?? certificates[0];
    const anchors = asked.trusted.map((index) => report.objects[index]?.subject?.rfc4514 || `#${index + 1}`);
    const question = [
      `#${target.index + 1} ${target.subject.rfc4514 || '(empty subject)'} for purpose ${asked.purpose ?? 'server'}`,
      asked.host ? ` and host ${asked.host}` : '',
      asked.profile ? ` under profile ${asked.profile}` : '',
      ` at ${report.analysis_time}`,
      anchors.length ? `, trusting ${anchors.join('; ')}` : ', trusting no certificate',
    ].join('');
    return el('article', { class: 'card chain-result' },
      el('p', { class: 'question muted', text: `Verifying ${question}` }),
      chainView(chain));
  }
}

if (!customElements.get('cert-scope')) customElements.define('cert-scope', CertScopeElement);
