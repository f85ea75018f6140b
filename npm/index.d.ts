// Types of the certscope JavaScript API and of the report it returns (schema_version 1).
// Keys are snake_case, absent values are null. Kept honest by a test that type-checks real
// reports against these declarations.

/** Input accepted by every function: text (PEM, base64, hex) or bytes (DER, PKCS#7, ...). */
export type Input = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/** Options for `analyze`. */
export interface AnalyzeOptions {
  /** Analysis time as RFC 3339 UTC (`2026-01-31T12:00:00Z`); default: the current time. */
  at?: string | null;
  /** Password for PKCS#12 files and encrypted private keys (used for this call only). */
  password?: string | null;
}

/** Loads the wasm module (optionally from a given URL, Response or bytes); idempotent. */
export function init(moduleOrPath?: URL | string | Response | BufferSource | WebAssembly.Module): Promise<void>;
/** Resolves once the wasm module is loaded. */
export function ready(): Promise<void>;
/** Finds and analyses every object in the input. */
export function analyze(input: Input, options?: AnalyzeOptions): Promise<Report>;
/** Options for `verify`. Indices count the objects of all inputs together, in order. */
export interface VerifyOptions {
  at?: string | null;
  /** Index of the certificate to validate; default: the first certificate. */
  target?: number | null;
  /** Indices of the certificates to use as trust anchors. */
  trusted?: number[];
  /** More anchors as PEM or DER text, and a label for them. */
  extra_anchors?: string | null;
  extra_anchors_label?: string | null;
  /** server (default), client, codesign, email, timestamp, ocsp, any, or an EKU OID. */
  purpose?: string | null;
  /** Host name or IP address a server certificate must be valid for. */
  host?: string | null;
  /** Email addresses or URIs a client certificate must carry. */
  identities?: string[];
  eku_policy?: 'chain' | 'leaf' | null;
  profile?: 'webpki' | 'rfc5280' | null;
  max_intermediates?: number | null;
  allow_sha1?: boolean;
  password?: string | null;
}
/** One validation check on a path. */
export interface Check {
  name: string;
  passed: boolean;
  certificate: number;
  explanation: string;
  citation: string;
  error: unknown;
}
/** The result of `verify`. */
export interface ChainResult {
  valid: boolean;
  /** The verdict in words when not valid. */
  explanation: string | null;
  error: unknown;
  certificates: Array<{ source: 'target' | 'untrusted' | 'anchor'; position: number; subject: string; issuer: string; sha256: string }>;
  paths: Array<{ certificates: number[]; valid: boolean; checks: Check[] } & Record<string, unknown>>;
  chosen: number | null;
  chosen_because: string;
  missing_issuers: Array<{ certificate: number; issuer: string; key_identifier: string | null; ca_issuers: string[] }>;
  unused_certificates: number[];
  wrong_order: boolean;
  /** The `extra_anchors_label` given, if any. */
  extra_anchors: string | null;
  /** For each entry of `certificates`: the trust store of an anchor ('trusted inputs' or the
   * `extra_anchors_label`); null for the target and untrusted certificates. */
  anchor_stores: Array<string | null>;
  /** The trust store of the chosen path's anchor. */
  anchored_by: string | null;
  [key: string]: unknown;
}
/** Options for `lint`. */
export interface LintOptions {
  at?: string | null;
  /** Force one rule set: rfc5280, tls-br, smime-br, code-signing-br or device. */
  rule_set?: string | null;
  include_not_applicable?: boolean;
  password?: string | null;
}
/** Builds and validates the chain of one certificate among the inputs. */
export function verify(inputs: Input | Input[], options?: VerifyOptions): Promise<ChainResult>;
/** Lints every certificate in the input. */
export function lint(input: Input, options?: LintOptions): Promise<Array<{ index: number; subject: string; findings: Finding[] }>>;
/** The certscope version. */
export function version(): string;
/** The report schema version this build produces. */
export function schemaVersion(): number;

/** Everything certscope found in one input. */
export interface Report {
  schema_version: number;
  /** The analysis time as RFC 3339, when one was given. */
  analysis_time: string | null;
  objects: ObjectReport[];
  /** Parts of the input that did not decode. */
  problems: Problem[];
}

export type ObjectReport =
  | ({ kind: 'certificate' } & CertificateReport)
  | ({ kind: 'csr' | 'crl' | 'private_key' | 'public_key'; index: number; origin: Origin } & Record<string, unknown>);

/** A container an object was found in (PKCS#7 or PKCS#12). */
export interface Container {
  format: 'pkcs7' | 'pkcs12';
  position: number;
  offset: number | null;
}

/** Where an object came from. */
export type Origin =
  | { encoding: 'pem'; label: string; line: number; offset: number; position: number; container: Container | null }
  | { encoding: 'der' | 'base64' | 'hex'; offset: number; position: number; container: Container | null };

export interface DecodeError {
  /** What was being decoded, e.g. `certificate`. */
  structure: string;
  /** Byte offset inside the object's DER, when known. */
  offset: number | null;
  length: number;
  /** What went wrong, in words. */
  problem: string;
}

export interface Problem {
  /** malformed, unsupported, password_required, wrong_password or limit_exceeded. */
  kind: string;
  origin: Origin;
  error: DecodeError;
}

export interface CertificateReport {
  index: number;
  origin: Origin;
  version: number;
  serial: { hex: string; decimal: string | null };
  signature_algorithm: Algorithm;
  issuer: NameReport;
  subject: NameReport;
  validity: Validity;
  public_key: PublicKey;
  fingerprints: { sha256: string; sha1: string };
  extensions: Extension[];
  self_issued: boolean;
  /** Self-issued and the signature verifies with its own key; null when it cannot be checked. */
  self_signed: boolean | null;
  /** basicConstraints says cA TRUE. */
  is_ca: boolean;
  /** What the certificate can be used for, with evidence. */
  roles: Role[];
  /** What a relying party would see. */
  identity: Record<string, unknown>;
  /** One entry per `openssl x509 -purpose` purpose. */
  purposes: Purpose[];
  /** Client or server, in plain words. */
  answer: string;
  client_server: Record<string, unknown>;
  warnings: Array<Record<string, unknown>>;
  lints: Finding[];
}

export interface Role {
  role: string;
  label: string;
  usable: boolean;
  confidence: string;
  granted_by: Evidence[];
  restricted_by: Evidence[];
  ca: Record<string, unknown> | null;
}

export interface Evidence {
  field: string;
  oid: string | null;
  text: string;
  extension: { oid: string; index: number; critical: boolean; value_hex: string } | null;
}

export interface Purpose {
  id: string;
  name: string;
  leaf: boolean;
  ca: boolean;
  leaf_code: number;
  ca_code: number;
  why: { leaf: string; ca: string };
}

export interface Finding {
  id: string;
  severity: 'error' | 'warning' | 'notice' | 'info' | 'not_effective' | 'not_applicable';
  citation: string;
  /** Path of the field in the report, e.g. `extensions/subjectAltName`. */
  field: string;
  message: string;
}

export interface Algorithm {
  name: string;
  oid: string;
  hash: string | null;
  pss: Record<string, unknown> | null;
}

export interface NameReport {
  rfc4514: string;
  attributes: Attribute[];
}

export interface Attribute {
  name: string;
  oid: string;
  value: string;
  encoding: string;
  rdn: number;
}

export interface Validity {
  not_before: string;
  not_after: string;
  not_before_encoding: 'UTCTime' | 'GeneralizedTime';
  not_after_encoding: 'UTCTime' | 'GeneralizedTime';
  period_days: number;
  days_until_expiry: number | null;
  valid_at_analysis_time: boolean | null;
}

export interface PublicKey {
  algorithm: string;
  oid: string;
  bits: number | null;
  curve: string | null;
  rsa_exponent: number | null;
  spki_sha256_base64: string;
}

export interface Extension {
  oid: string;
  name: string;
  critical: boolean;
  /** The decoded value, tagged by `type` (`basic_constraints`, `unknown`, `failed`...). */
  value: { type: string } & Record<string, unknown>;
}
