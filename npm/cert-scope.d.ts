// Types of the <cert-scope> custom element (`import 'certscope/cert-scope'`). Attributes,
// events and styling are described at the top of cert-scope.js and in README.md.

import type { ChainResult, LintResult, Report } from './pkg/certscope_wasm.js';

/** What `certscope-result` carries: the analysis, and the verification or lint result of the mode. */
export interface CertScopeResultDetail {
  mode: 'inspect' | 'verify' | 'lint';
  report: Report;
  /** The chain verification result in verify mode, else null. */
  chain: ChainResult | null;
  /** One entry per certificate in lint mode, else null. */
  lints: LintResult[] | null;
}

/** What `certscope-error` carries. */
export interface CertScopeErrorDetail {
  message: string;
}

/** The `<cert-scope>` element. */
export declare class CertScopeElement extends HTMLElement {
  static observedAttributes: string[];
  /** The analysis of the input, or null. */
  report: Report | null;
  /** The chain verification result (verify mode), or null. */
  chain: ChainResult | null;
  /** The lint results (lint mode), or null. */
  lints: LintResult[] | null;
  state: 'loading' | 'done' | 'error';
  /** Reads the input again and renders. */
  refresh(): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    'cert-scope': CertScopeElement;
  }
  interface HTMLElementEventMap {
    'certscope-result': CustomEvent<CertScopeResultDetail>;
    'certscope-error': CustomEvent<CertScopeErrorDetail>;
  }
}
