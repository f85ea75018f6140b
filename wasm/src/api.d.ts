// The wasm API's options and results, generated from the Rust types (their JSON Schema:
// schema/api.schema.json) by `cargo xtask generate`: do not edit.

/** Options for `analyze`. Every field is optional. */
export interface AnalyzeOptions {
  /** Analysis time as RFC 3339 UTC (`2026-01-31T12:00:00Z`); default: the current time. */
  at?: string | null;
  /** Password for PKCS#12 files and encrypted private keys (used for this call only). */
  password?: string | null;
}

/** One DER element. */
export interface Asn1Node {
  /** The elements inside. */
  children: Asn1Node[];
  /** `universal`, `application`, `context` or `private`. */
  class: 'universal' | 'application' | 'context' | 'private';
  /** Whether the encoding is constructed. */
  constructed: boolean;
  /** Whether the children were decoded from the contents of an OCTET STRING or BIT STRING. */
  encapsulates: boolean;
  /** The X.509 field this element encodes, when known (`tbsCertificate/serialNumber`). */
  field: string | null;
  /** Length of the tag and length octets. */
  header_length: number;
  /** Length of the contents. */
  length: number;
  /** Offset of the element's first byte (its tag) in the object's DER. */
  offset: number;
  /** A name for the tag: `SEQUENCE`, `INTEGER`, `[3]`... */
  tag_name: string;
  /** The tag number. */
  tag_number: number;
  /** A short rendering of a primitive value (OID in dotted form with its name, string, integer in hex, time). */
  value: string | null;
}

/** The DER and ASN.1 element tree of one object, for viewers and exports. */
export interface Asn1View {
  /** The object's DER as lowercase hex. */
  der_hex: string;
  /** Position of the object in the input. */
  index: number;
  /** The object's kind, as in `ObjectReport` (private keys are never viewed). */
  kind: 'certificate' | 'csr' | 'crl' | 'public_key';
  /** Its element tree. */
  tree: Asn1Node;
}

/** What `verify` returns beside the chain report (`ChainResult` is both). */
export interface BesideChainReport {
  /** For each entry of `certificates`: the trust store an anchor belongs to (`trusted inputs`, or the `extra_anchors` label); `null` for the target and untrusted certificates. */
  anchor_stores: Array<string | null>;
  /** The trust store of the chosen path's anchor, when a path was chosen. */
  anchored_by: string | null;
  /** The verdict's explanation in words, when the chain is not valid. */
  explanation: string | null;
  /** The label of `extra_anchors`, when given. */
  extra_anchors: string | null;
  /** The inputs' problems of kind `unavailable`: objects this module cannot open, or whose DSA signatures it does not verify (the page's first module); the client then runs the call again on the module that has them. */
  problems: Problem[];
  /** For a TLS server or client purpose: each TLS stack's verdict on the chain under its own profile, with the same purpose and host (`certscope verify --profile all`); empty for other purposes. */
  stack_verdicts: StackVerdict[];
}

/** Options for `lint`. */
export interface LintOptions {
  /** Lint time as RFC 3339 UTC; default: the current time. */
  at?: string | null;
  /** What the certificate's chain is known to end at: `public` (a publicly trusted root, so Baseline Requirements findings are errors) or `private`; default: unknown, and Baseline Requirements chosen from the role alone report `advice`. */
  hierarchy?: 'public' | 'private' | null;
  /** Also list the lints that do not apply, as not_applicable. */
  include_not_applicable?: boolean;
  /** Password for PKCS#12 inputs. */
  password?: string | null;
  /** With `hierarchy: "public"`, the name of the root store the chain ends at, as the reasons of the rule sets give it; default: `user`. */
  public_store?: string | null;
  /** Force one rule set; default (or `auto`): chosen from each certificate's role. */
  rule_set?: 'auto' | 'rfc5280' | 'tls-br' | 'smime-br' | 'code-signing-br' | 'device' | null;
}

/** The lint findings of one certificate of the input (`index` counts all its objects). */
export interface LintResult {
  /** The findings, as in the report's `lints` (`Finding` in `schema/report.schema.json`). */
  findings: Finding[];
  index: number;
  /** The rule sets that were run and why each was chosen, as in the report's `lint_rule_sets` (`RuleSetChoice` in `schema/report.schema.json`). */
  rule_sets: RuleSetChoice[];
  /** The certificate's subject, RFC 4514. */
  subject: string;
}

/** The essentials of one certificate, read straight from the decode (no hashing, signature checks, roles or lints); the same texts as the report's fields of the same names. */
export interface Summary {
  /** The named curve of an EC key (`P-256`). */
  curve: string | null;
  /** The extended key usage purposes by registry name (`serverAuth`), or `null` when the extension is absent (which means any purpose, RFC 5280 4.2.1.12). */
  extended_key_usage: string[] | null;
  /** basicConstraints cA is TRUE. */
  is_ca: boolean;
  /** The issuer as an RFC 4514 string. */
  issuer: string;
  /** The subject key's algorithm by short registry name (`RSA`, `EC`, `Ed25519`), as in the report's `public_key.algorithm`. */
  key_algorithm: string;
  /** The key size in bits: the RSA modulus length, the EC field size, 256 for Ed25519. */
  key_bits: number | null;
  /** End of the validity period, RFC 3339 UTC. */
  not_after: string;
  /** Start of the validity period, RFC 3339 UTC. */
  not_before: string;
  /** The serial number, lowercase hex of its DER content octets. */
  serial_hex: string;
  /** The certificate's signature algorithm by registry name (`sha256WithRSAEncryption`). */
  signature_algorithm: string;
  /** The subject as an RFC 4514 string. */
  subject: string;
  /** The subject alternative names, each as `TYPE:value` (`DNS:example.com`, `IP Address:192.0.2.1`, `email:a@example.com`, `URI:...`), in the certificate's order. Empty when the extension is absent. */
  subject_alt_names: string[];
  /** Extensions present but not readable (their registry names): the summary leaves their value out rather than fail; `analyze` says what is wrong with them. */
  unreadable_extensions: string[];
}

/** Options for `verify`. Indices count the objects of all inputs together, in order. */
export interface VerifyOptions {
  /** Accept SHA-1 signatures (the Web PKI does not). */
  allow_sha1?: boolean;
  /** Validation time as RFC 3339 UTC; default: the current time. */
  at?: string | null;
  /** chain (default: EKU on intermediates constrains the leaf) or leaf. */
  eku_policy?: 'chain' | 'leaf' | null;
  /** initial-explicit-policy: a valid policy of the initial set is required. */
  explicit_policy?: boolean;
  /** More anchors: PEM or DER text, e.g. a root store file. */
  extra_anchors?: string | null;
  /** A label for `extra_anchors`, e.g. "webpki-root-certs 1.0.11"; the result names the store of each anchor with it (`anchor_stores`, `anchored_by`). */
  extra_anchors_label?: string | null;
  /** `extra_anchors` is a public Web PKI root store (the Mozilla store): under the `auto` profile a path that ends at one of its roots is held to the Web PKI's rules. */
  extra_anchors_public?: boolean;
  /** Host name or IP address the server certificate must be valid for. */
  host?: string | null;
  /** Identities a client certificate must carry: email addresses or URIs. */
  identities?: string[];
  /** initial-any-policy-inhibit: anyPolicy in certificates is not processed. */
  inhibit_any_policy?: boolean;
  /** initial-policy-mapping-inhibit: policy mapping is not allowed. */
  inhibit_policy_mapping?: boolean;
  /** Most intermediates in a path. */
  max_intermediates?: number | null;
  /** Password for PKCS#12 inputs. */
  password?: string | null;
  /** The initial policy set (RFC 5280 6.1.1 (c)) as dotted OIDs; empty: anyPolicy. */
  policies?: string[];
  /** The rule set, a name of `certscope::chain::PROFILES`: auto (default: webpki for a path to a root of a public store, see `extra_anchors_public`, or asserting a CA/Browser Forum policy, tls otherwise), webpki, rfc5280, tls (a private PKI as the common TLS stacks validate it), openssl (OpenSSL 3.0 `openssl verify`) or another TLS stack's profile (go, rustls, java, gnutls, nss, wolfssl, mbedtls). The result names the profile that judged each path and why (`profile`, `profile_because`). */
  profile?: 'auto' | 'webpki' | 'rfc5280' | 'tls' | 'openssl' | 'go' | 'rustls' | 'java' | 'gnutls' | 'nss' | 'wolfssl' | 'mbedtls' | null;
  /** server (default), client, codesign, email, timestamp, ocsp, any, or an EKU OID. */
  purpose?: string | null;
  /** Check revocation even without CRLs among the inputs: every status is then undetermined and the chain fails. With CRLs, an undetermined status always fails. */
  require_revocation?: boolean;
  /** Index of the certificate to validate; default: the first certificate. */
  target?: number | null;
  /** Indices of the certificates to use as trust anchors. */
  trusted?: number[];
}

/** The result of `verify`: the chain report, and what the page shows beside it. */
export type ChainResult = ChainReport & BesideChainReport;
