// The report's types, generated from their JSON Schemas (schema/report.schema.json and
// schema/chain.schema.json) by `cargo xtask generate`: do not edit.
// Keys are snake_case; absent values are null.

/** The versioned report certscope produces for one input (CLI --json, wasm API). Field names are snake_case; schema_version changes on any incompatible change. */
export interface Report {
  /** `SCHEMA_VERSION` of this report. */
  schema_version: 1;
  /** The analysis time as RFC 3339, when one was given. */
  analysis_time: string | null;
  /** The objects found, in input order. */
  objects: ObjectReport[];
  /** Parts of the input that did not decode. */
  problems: Problem[];
}
export interface AccessDescription {
  location: GeneralName;
  method: Named;
}
export interface Algorithm {
  /** The hash the algorithm signs with (`SHA-256`...), when it names one; for RSASSA-PSS the hash of its parameters. `null` for Ed25519/Ed448 (which hash internally) and unknown algorithms. */
  hash: string | null;
  /** Name, e.g. `sha256WithRSAEncryption`, or the dotted OID when unknown. */
  name: string;
  /** Dotted OID. */
  oid: string;
  /** RSASSA-PSS parameters, for `id-RSASSA-PSS` only. */
  pss: null | PssParameters;
}
export interface Attribute {
  /** The ASN.1 string type the value is encoded with (`UTF8String`, `PrintableString`...). */
  encoding: string;
  /** Short type name (`CN`, `O`, `serialNumber`), or the dotted OID when unknown. */
  name: string;
  /** Dotted OID of the attribute type. */
  oid: string;
  /** Index of the RelativeDistinguishedName (RDN) holding it; equal for multi-valued RDNs. */
  rdn: number;
  /** The value as text; values that are not strings are shown as `#` and hex (RFC 4514 2.4). */
  value: string;
}
/** What limits a CA: path length, extended key usage, name constraints. */
export interface CaDetails {
  /** Excluded subtrees, as text. */
  excluded: string[];
  /** extendedKeyUsage on the CA, by name: OpenSSL-style verifiers restrict every certificate below it to these purposes. Empty when unconstrained. */
  extended_key_usage: string[];
  /** Whether nameConstraints are present. */
  name_constrained: boolean;
  /** basicConstraints pathLenConstraint: how many intermediate CAs may follow. */
  path_len: number | null;
  /** Permitted subtrees, as text (`dNSName: example.com`). */
  permitted: string[];
}
/** A certificate's entry. */
export interface CertificateReport {
  kind: 'certificate';
  /** Client or server, in plain words. */
  answer: string;
  /** The client-versus-server comparison behind `answer`. */
  client_server: ClientServer;
  /** Every extension, in certificate order. */
  extensions: Extension[];
  /** Digests of the DER. */
  fingerprints: Fingerprints;
  /** What a relying party would see: host names, client and device identifiers. */
  identity: Identity;
  /** Position of the object in the input (0-based). */
  index: number;
  /** basicConstraints is present, decodes, and says cA TRUE (RFC 5280 4.2.1.9); nothing else (self-issuance, keyCertSign) makes a certificate a CA. */
  is_ca: boolean;
  /** The issuer's name. */
  issuer: NameReport;
  /** The rule sets the lints ran, each with the evidence that chose it and whether its findings bind. */
  lint_rule_sets: RuleSetChoice[];
  /** Lint findings, with the rule sets chosen from the certificate's kind and effective dates judged at the analysis time. */
  lints: Finding[];
  /** Where it came from. */
  origin: Origin;
  /** The subject public key. */
  public_key: PublicKey;
  /** OpenSSL-compatible purposes, as `openssl x509 -purpose` answers them. */
  purposes: Purpose[];
  /** What the certificate can be used for, with evidence. */
  roles: Role[];
  /** Issuer and subject names are equal (RFC 5280 3.3: self-issued). */
  self_issued: boolean;
  /** Self-issued and the signature verifies with the certificate's own public key (RFC 5280 6.1). `null` when the signature algorithm is one certscope cannot verify. */
  self_signed: boolean | null;
  /** The serial number. */
  serial: Serial;
  /** The outer signature algorithm. */
  signature_algorithm: Algorithm;
  /** The subject's name. */
  subject: NameReport;
  /** The validity period. */
  validity: Validity;
  /** Version as shown to people: 1, 2 or 3. */
  version: 1 | 2 | 3;
  /** Known traps this certificate falls into. */
  warnings: Warning[];
}
/** Whether the certificate works as a TLS server and as a TLS client, and what common verifiers say. */
export interface ClientServer {
  /** As a TLS client (the server verifies it). */
  tls_client: Side;
  /** As a TLS server (the client verifies it). */
  tls_server: Side;
  /** What OpenSSL, Go, rustls, Java, GnuTLS, NSS, wolfSSL and mbedTLS would decide for this certificate as the end entity (checked against the real stacks, tests/stacks.rs); for a self-signed certificate the answer assumes it is trusted directly (pinned or a trust anchor), which the certificate cannot show. */
  verifiers: VerifierVerdict[];
}
/** The container (PKCS#7 or PKCS#12) an object was found in: its position among the input's containers and its byte offset, when known. */
export interface Container {
  /** The container's format. */
  format: 'pkcs7' | 'pkcs12';
  /** Byte offset of the object inside the container's DER, when it is not encrypted. */
  offset: number | null;
  /** 0-based position of the object among the container's contents. */
  position: number;
}
/** A certificate revocation list's entry. */
export interface CrlReport {
  kind: 'crl';
  /** The CRL extensions. */
  extensions: Extension[];
  /** Digests of the DER. */
  fingerprints: Fingerprints;
  /** Position of the object in the input (0-based). */
  index: number;
  /** The CRL issuer's name. */
  issuer: NameReport;
  /** The signature checked against each certificate in the input whose subject is the CRL issuer. */
  issuer_signatures: IssuerSignature[];
  /** Lint findings: RFC 5280 section 5 rules, and what the lenient decoding path found (field path and byte offset in the message). */
  lints: Finding[];
  /** nextUpdate as RFC 3339 UTC, when present. */
  next_update: string | null;
  /** Where it came from. */
  origin: Origin;
  /** The revoked certificates, in CRL order. */
  revoked: RevokedReport[];
  /** The signature algorithm. */
  signature_algorithm: Algorithm;
  /** thisUpdate as RFC 3339 UTC. */
  this_update: string;
  /** Version as shown to people: 1 or 2 (3 for a list that says v3, which no standard defines; a higher version as written is in lints). */
  version: 1 | 2 | 3;
}
/** A PKCS#10 certification request's entry. */
export interface CsrReport {
  kind: 'csr';
  /** The types of all attributes, extensionRequest included. */
  attributes: Named[];
  /** Digests of the DER. */
  fingerprints: Fingerprints;
  /** Position of the object in the input (0-based). */
  index: number;
  /** Lint findings: RFC 2986 rules, and what the lenient decoding path found (field path and byte offset in the message). */
  lints: Finding[];
  /** Where it came from. */
  origin: Origin;
  /** The public key to be certified. */
  public_key: PublicKey;
  /** The extensions asked for (PKCS#9 extensionRequest). */
  requested_extensions: Extension[];
  /** Why the extensionRequest attribute did not decode, if it did not. */
  requested_extensions_error: null | DecodeError;
  /** Whether the request's signature verifies with its own public key. */
  self_signature: SignatureCheck;
  /** The signature algorithm. */
  signature_algorithm: Algorithm;
  /** The requested subject. */
  subject: NameReport;
}
/** Why some bytes did not decode, and where. */
export interface DecodeError {
  /** Total length of the DER being decoded. */
  length: number;
  /** Byte offset inside the object's DER where decoding failed, when known. */
  offset: number | null;
  /** What went wrong, in words. */
  problem: string;
  /** What was being decoded, e.g. `certificate`, `subjectAltName`. */
  structure: string;
}
export interface DirectoryAttribute {
  attribute: Named;
  values: string[];
}
export interface DistributionPoint {
  crl_issuer: GeneralName[] | null;
  full_name: GeneralName[] | null;
  reasons: string[] | null;
  relative_name: string | null;
}
/** A field of the certificate that grants or restricts a role. */
export interface Evidence {
  /** When the field is an extension present in the certificate: the bytes that decided. */
  extension: null | ExtensionBytes;
  /** The field or extension, e.g. `extendedKeyUsage`, `subject` (extensions by their short name). */
  field: string;
  /** The OID of the value, when the value is an OID (dotted form). */
  oid: string | null;
  /** The sentence, e.g. `extendedKeyUsage contains id-kp-clientAuth (1.3.6.1.5.5.7.3.2)`. */
  text: string;
}
export interface Extension {
  /** The critical flag. */
  critical: boolean;
  /** Name, e.g. `subjectAltName`, or the dotted OID when unknown. */
  name: string;
  /** Dotted OID. */
  oid: string;
  /** The decoded value; `unknown` carries the raw hex of an extension certscope does not decode, `failed` the error of one that does not decode. */
  value: ExtensionValue;
}
/** The extension a piece of evidence comes from: its position and raw value. */
export interface ExtensionBytes {
  /** The critical flag. */
  critical: boolean;
  /** Its position among the certificate's extensions (0-based), as in the report's list. */
  index: number;
  /** The extension's OID (dotted form). */
  oid: string;
  /** The extnValue contents as hex. */
  value_hex: string;
}
/** The decoded value of one extension; `type` says which. */
export type ExtensionValue =
  | { type: 'basic_constraints'; ca: boolean; path_length: number | null }
  | { type: 'key_usage'; usages: string[] }
  | { type: 'extended_key_usage'; purposes: Named[] }
  | { type: 'subject_alt_name'; names: GeneralName[] }
  | { type: 'issuer_alt_name'; names: GeneralName[] }
  | { type: 'authority_key_identifier'; issuer: GeneralName[] | null; key_identifier: string | null; serial_hex: string | null }
  | { type: 'subject_key_identifier'; key_identifier: string }
  | { type: 'authority_info_access'; descriptions: AccessDescription[] }
  | { type: 'subject_info_access'; descriptions: AccessDescription[] }
  | { type: 'crl_distribution_points'; points: DistributionPoint[] }
  | { type: 'freshest_crl'; points: DistributionPoint[] }
  | { type: 'certificate_policies'; policies: PolicyInformation[] }
  | { type: 'policy_mappings'; mappings: PolicyMapping[] }
  | { type: 'policy_constraints'; inhibit_policy_mapping: number | null; require_explicit_policy: number | null }
  | { type: 'inhibit_any_policy'; skip_certs: number }
  | { type: 'name_constraints'; excluded: GeneralSubtree[]; permitted: GeneralSubtree[] }
  | { type: 'ct_precertificate_poison' }
  | { type: 'signed_certificate_timestamps'; timestamps: SignedCertificateTimestamp[] }
  | { type: 'tls_feature'; features: TlsFeature[]; must_staple: boolean }
  | { type: 'ocsp_no_check' }
  | { type: 'netscape_cert_type'; types: string[] }
  | { type: 'netscape_comment'; comment: string }
  | { type: 'microsoft_certificate_template'; major_version: number | null; minor_version: number | null; template: Named }
  | { type: 'microsoft_certificate_template_name'; name: string }
  | { type: 'microsoft_ca_version'; certificate_index: number; key_index: number }
  | { type: 'microsoft_application_policies'; policies: PolicyInformation[] }
  | { type: 'private_key_usage_period'; not_after: string | null; not_before: string | null }
  | { type: 'subject_directory_attributes'; attributes: DirectoryAttribute[] }
  | { type: 'unknown'; der_hex: string }
  | { type: 'failed'; error: DecodeError };
/** One lint finding: a stable lint id, its severity, its source and the field it points at. */
export interface Finding {
  /** The lint's citation. */
  citation: string;
  /** Path of the offending field in the report JSON, e.g. `extensions/subjectAltName`, `validity/not_after`, `subject/attributes/CN`. */
  field: string;
  /** The lint's id. */
  id: string;
  /** What is wrong, naming the field and the value. */
  message: string;
  /** The severity (or `not_effective` / `not_applicable`). */
  severity: Severity;
}
/** Lowercase hex without separators. */
export interface Fingerprints {
  /** SHA-1 of the DER. */
  sha1: string;
  /** SHA-256 of the DER. */
  sha256: string;
}
/** One GeneralName (RFC 5280 4.2.1.6), an arm per CHOICE. */
export type GeneralName =
  | { type: 'other_name'; name: string; oid: string; value: OtherNameValue }
  | { type: 'rfc822_name'; value: string }
  | { type: 'dns_name'; value: string }
  | { type: 'x400_address'; der_hex: string }
  | { type: 'directory_name'; attributes: Attribute[]; rfc4514: string }
  | { type: 'edi_party_name'; der_hex: string }
  | { type: 'uri'; value: string }
  | { type: 'ip_address'; address: string | null; hex: string; netmask: string | null; prefix_length: number | null }
  | { type: 'registered_id'; name: string; oid: string }
  | { type: 'invalid'; der_hex: string; problem: string; tag: string };
export interface GeneralSubtree {
  base: GeneralName;
  maximum: number | null;
  minimum: number;
}
/** What a relying party would see: host names, client and device identifiers. */
export interface Identity {
  /** The identifiers a server would typically map a client or device to. */
  client_identifiers: IdentityItem[];
  /** The subject commonName (the last one, as legacy host name matching did). */
  common_name: string | null;
  /** Whether the commonName would be the host name: no dNSName or iPAddress in the SAN, so only legacy verifiers that still fall back to the CN would accept it (RFC 6125 6.4.4; Go, rustls and browsers do not). */
  common_name_is_legacy_host_name: boolean;
  /** A recognised device-identity layout, described in words. */
  device_layout: string | null;
  /** subjectAltName dNSName entries: the host names a TLS server certificate is valid for. */
  dns_names: string[];
  /** subjectAltName iPAddress entries. */
  ip_addresses: string[];
}
/** One client or device identifier and where it comes from. */
export interface IdentityItem {
  /** `subject_common_name`, `subject_serial_number`, `uri`, `spiffe_id`, `email`, `upn` or `hardware_module_name`. */
  kind: string;
  /** A note for whoever maps it. */
  note: string;
  /** Where it is, e.g. `subject serialNumber (2.5.4.5)`. */
  source: string;
  /** Whether it is a stable identifier (survives re-issuance: serial numbers, SPIFFE IDs, hardware module names), as opposed to a display name. */
  stable: boolean;
  /** The value. */
  value: string;
}
/** A CRL's signature checked against one certificate of the input (its index in `objects`) whose subject is the CRL issuer. */
export interface IssuerSignature {
  /** Index of the certificate in `objects`. */
  certificate: number;
  /** The outcome. */
  signature: SignatureCheck;
}
export type LintEvidence = 'always' | 'user_choice' | 'policy_claim' | 'public_root' | 'private_root' | 'purpose';
export interface NameReport {
  /** The attributes in DER order. */
  attributes: Attribute[];
  /** RFC 4514 form. */
  rfc4514: string;
}
/** An OID with its name (the dotted OID when unknown). */
export interface Named {
  /** Its name from the registry, or the dotted OID when the registry does not know it. */
  name: string;
  /** Dotted OID. */
  oid: string;
}
/** One object found in the input; `kind` says which. */
export type ObjectReport =
  | CertificateReport
  | CsrReport
  | CrlReport
  | PrivateKeyReport
  | PublicKeyReport;
/** Where an object came from in the input. */
export type Origin =
  | { encoding: 'pem'; container: null | Container; label: string; line: number; offset: number; position: number }
  | { encoding: 'der'; container: null | Container; offset: number; position: number }
  | { encoding: 'base64'; container: null | Container; offset: number; position: number }
  | { encoding: 'hex'; container: null | Container; offset: number; position: number };
export type OtherNameValue =
  | { type: 'text'; encoding: string; text: string }
  | { type: 'hardware_module_name'; hardware_type: string; serial_hex: string }
  | { type: 'raw'; der_hex: string };
export interface PolicyInformation {
  policy: Named;
  qualifiers: PolicyQualifier[];
}
export interface PolicyMapping {
  issuer_domain_policy: Named;
  subject_domain_policy: Named;
}
export type PolicyQualifier =
  | { type: 'cps'; uri: string }
  | { type: 'user_notice'; explicit_text: string | null; notice_numbers: string[]; organization: string | null }
  | { type: 'other'; der_hex: string; qualifier: Named };
/** A private key's entry: what it is and which objects (indices in `objects`) hold its public key; nothing of the secret. */
export interface PrivateKeyReport {
  kind: 'private_key';
  /** Algorithm: `RSA`, `EC`, `Ed25519`... */
  algorithm: string;
  /** Key size in bits, when known. */
  bits: number | null;
  /** Curve name for EC keys. */
  curve: string | null;
  /** Position of the object in the input (0-based). */
  index: number;
  /** Indices in `objects` of the certificates and CSRs with this key's public key. */
  matches: number[];
  /** Where it came from. */
  origin: Origin;
}
/** Something in the input that looked like an object but did not decode. */
export interface Problem {
  /** What went wrong, and where inside the object's DER. */
  error: DecodeError;
  /** What kind of trouble it is. */
  kind: 'malformed' | 'unsupported' | 'unavailable' | 'password_required' | 'wrong_password' | 'limit_exceeded';
  /** Where it came from. */
  origin: Origin;
}
export interface PssParameters {
  /** Why the parameters do not decode, when they do not (the fields then hold the defaults). */
  error: string | null;
  /** hashAlgorithm (`SHA-256`...), or its dotted OID when unknown. */
  hash: string;
  /** maskGenAlgorithm (`MGF1`). */
  mask_generation: string;
  /** The hash of MGF1 (`SHA-256`...), when the mask generation is MGF1. */
  mask_generation_hash: string | null;
  /** saltLength in bytes. */
  salt_length: number;
  /** trailerField. */
  trailer_field: number;
}
export interface PublicKey {
  /** Algorithm: `RSA`, `EC`, `Ed25519`... */
  algorithm: string;
  /** Key size in bits, when known. */
  bits: number | null;
  /** Curve name for EC keys. */
  curve: string | null;
  /** Dotted OID of the algorithm. */
  oid: string;
  /** RSA public exponent, when it fits in 64 bits. */
  rsa_exponent: number | null;
  /** base64 of SHA-256 over the subjectPublicKeyInfo DER (the form pinning configs use). */
  spki_sha256_base64: string;
}
/** A public key's entry, and which objects (indices in `objects`) hold the same key. */
export interface PublicKeyReport {
  kind: 'public_key';
  /** Position of the object in the input (0-based). */
  index: number;
  /** Indices in `objects` of the certificates and CSRs with this public key. */
  matches: number[];
  /** Where it came from. */
  origin: Origin;
  /** The key. */
  public_key: PublicKey;
}
/** One OpenSSL purpose, as `openssl x509 -purpose` answers it (codes as X509_check_purpose returns them). */
export interface Purpose {
  /** Whether the certificate passes as a CA for this purpose (same rule as `leaf`). */
  ca: boolean;
  /** OpenSSL's return code as a CA (same meaning). */
  ca_code: number;
  /** OpenSSL's short name: `sslclient`, `sslserver`, `nssslserver`, `smimesign`, `smimeencrypt`, `crlsign`, `any`, `ocsphelper`, `timestampsign`. */
  id: string;
  /** Whether the certificate passes as an end entity: OpenSSL answers 1 or a warning code (2 to 5) and prints "Yes". `false` for code -1 (invalid extensions), which `openssl x509 -purpose` prints as "Yes (WARNING code=-1)" although nothing passes. */
  leaf: boolean;
  /** OpenSSL's return code as an end entity: 1 yes, 0 no, 2 to 5 yes with a warning code, -1 the certificate's extensions are invalid. */
  leaf_code: number;
  /** OpenSSL's display name, e.g. `SSL client`. */
  name: string;
  /** Why, in words. */
  why: PurposeWhy;
}
/** Why the purpose is or is not allowed, as a leaf and as a CA. */
export interface PurposeWhy {
  /** Why the CA answer is what it is. */
  ca: string;
  /** Why the end-entity answer is what it is. */
  leaf: string;
}
/** One revoked certificate in a CRL. */
export interface RevokedReport {
  /** The entry's extensions. */
  extensions: Extension[];
  /** The reasonCode (RFC 5280 5.3.1) name, when present and readable. */
  reason: string | null;
  /** revocationDate as RFC 3339 UTC. */
  revocation_date: string;
  /** The revoked serial number. */
  serial: Serial;
}
/** One role a certificate can play, with the evidence for and against it. */
export interface Role {
  /** For CA roles: path length and constraints. */
  ca: null | CaDetails;
  /** How sure the verdict is. */
  confidence: 'certain' | 'likely' | 'possible';
  /** The extensions and values that grant the role. */
  granted_by: Evidence[];
  /** The role's name for people, e.g. `TLS client / device identity`. */
  label: string;
  /** The extensions and values that restrict it. */
  restricted_by: Evidence[];
  /** Which role. */
  role: RoleKind;
  /** Whether the certificate can actually be used in this role: `false` when the metadata names the role but another field forbids it (e.g. extendedKeyUsage grants serverAuth but keyUsage allows no TLS key use). */
  usable: boolean;
}
export type RoleKind = 'root_ca' | 'intermediate_ca' | 'cross_certificate' | 'tls_server' | 'tls_client' | 'code_signing' | 'smime_signing' | 'smime_encryption' | 'document_signing' | 'ocsp_responder' | 'time_stamping' | 'ct_precertificate' | 'self_signed_end_entity' | 'unrestricted' | 'unknown';
export type RuleSet = 'rfc5280' | 'tls-br' | 'smime-br' | 'code-signing-br' | 'device';
/** Why a rule set was chosen, and whether its findings bind the certificate. */
export interface RuleSetChoice {
  /** Whether the certificate is shown to be under these rules. When it is not (a CA/Browser Forum set chosen from the purpose alone), its errors and warnings are reported as `advice`. */
  binding: boolean;
  /** The evidence that selected it. */
  evidence: LintEvidence;
  /** The evidence in words, naming the OID, purpose or anchor. */
  reason: string;
  /** The rule set. */
  rule_set: RuleSet;
}
export interface Serial {
  /** Decimal, when the value fits in 64 bits and is not negative. */
  decimal: string | null;
  /** The INTEGER's content octets as lowercase hex (two's complement, as encoded). */
  hex: string;
}
export type Severity = 'error' | 'advice' | 'warning' | 'notice' | 'info' | 'not_effective' | 'not_applicable';
/** One side (server or client): usable or not, and why. */
export interface Side {
  /** What allows it. */
  allowed_by: string[];
  /** What is missing or forbids it. */
  missing: string[];
  /** Whether the usual verifiers accept it in this role. */
  usable: boolean;
}
/** The outcome of checking one signature; `result` says which. */
export type SignatureCheck =
  | { result: 'valid' }
  | { result: 'invalid' }
  | { result: 'unsupported'; reason: string };
export interface SignedCertificateTimestamp {
  extensions_hex: string;
  hash_algorithm: string;
  log_id_base64: string;
  log_id_hex: string;
  signature_algorithm: string;
  signature_hex: string;
  timestamp: string | null;
  version: number;
}
export interface TlsFeature {
  name: string | null;
  value: number;
}
export interface Validity {
  /** Days from the analysis time to notAfter; negative once expired. `null` without a time. */
  days_until_expiry: number | null;
  /** notAfter as RFC 3339 UTC. */
  not_after: string;
  /** `UTCTime` or `GeneralizedTime`. */
  not_after_encoding: 'UTCTime' | 'GeneralizedTime';
  /** notBefore as RFC 3339 UTC. */
  not_before: string;
  /** `UTCTime` or `GeneralizedTime`. */
  not_before_encoding: 'UTCTime' | 'GeneralizedTime';
  /** Length of the period in days (fractions rounded down; RFC 5280 counts both ends). */
  period_days: number;
  /** Whether the certificate is valid at the analysis time. `null` without a time. */
  valid_at_analysis_time: boolean | null;
}
/** One TLS stack's verdict on the certificate as the end entity. */
export interface VerifierVerdict {
  /** Whether it accepts the certificate as a TLS client's end entity. */
  as_client: boolean;
  /** Whether it accepts the certificate as a TLS server's end entity. */
  as_server: boolean;
  /** Why. */
  client_reason: string;
  /** Why. */
  server_reason: string;
  /** `OpenSSL 3`, `Go crypto/x509`, `rustls (webpki)`, `Java (JSSE)`, `GnuTLS`, `NSS`, `wolfSSL`, `mbedTLS`. */
  verifier: string;
}
/** A known trap the certificate falls into. */
export interface Warning {
  /** Where the rule comes from. */
  citation: string;
  /** Stable identifier, e.g. `no_extended_key_usage`. */
  id: string;
  /** What is wrong and what it means. */
  message: string;
  /** `info`, `warning` or `error`. */
  severity: string;
}

/** The result of building and validating the chain of one certificate (`certscope::chain::ChainReport`): CLI `verify --json`, wasm `verify`. Field names are snake_case; the report's schema_version covers this shape too. The outer layers add fields, listed here as optional: the wasm API `explanation`, `extra_anchors`, `anchor_stores` and `anchored_by`, the CLI `mozilla_roots`. */
export interface ChainReport {
  /** wasm `verify` only: for each entry of `certificates`: the trust store an anchor belongs to (`trusted inputs`, or the `extra_anchors` label); `null` for the target and untrusted certificates. */
  anchor_stores?: Array<string | null>;
  /** wasm `verify` only: the trust store of the chosen path's anchor, when a path was chosen. */
  anchored_by?: string | null;
  /** The budget exhausted, if any: while building, or (signatures) while checking CRLs. */
  budget_exceeded: BudgetLimit | null;
  /** Every certificate the report refers to: target, untrusted, anchors. */
  certificates: ChainCertificate[];
  /** Index into `paths` of the chosen path. */
  chosen: number | null;
  /** Why that path was chosen. */
  chosen_because: string;
  /** The most specific error when invalid. */
  error: ChainError | null;
  /** wasm `verify` only: the verdict's explanation in words, when the chain is not valid. */
  explanation?: string | null;
  /** wasm `verify` only: the label of `extra_anchors`, when given. */
  extra_anchors?: string | null;
  /** Issuers no path could find. */
  missing_issuers: MissingIssuer[];
  /** CLI only, with --mozilla-roots: the root store version. */
  mozilla_roots?: string;
  /** Every path found. */
  paths: PathReport[];
  /** The profile the verdict was reached under: the chosen path's (`PathReport::profile`); the one asked for when no path was found. */
  profile: Profile;
  /** Why that profile (`PathReport::profile_because`). */
  profile_because: string;
  /** Whether revocation was checked. */
  revocation: Revocation;
  /** Signatures verified against `Budget::signatures`: certificates' while building, CRLs' while deciding revocation, and those of delegated CRL signers' own paths. */
  signatures_checked: number;
  /** For a TLS server or client purpose: what each TLS stack decides for the target as the end entity of a connection (the rows of `ClientServer::verifiers`, checked against the real stacks); empty for other purposes. The chain above the target is not part of these answers. */
  stacks: StackAnswer[];
  /** Untrusted certificates that no path uses. */
  unused_certificates: number[];
  /** Whether a relying party with these options accepts the target. */
  valid: boolean;
  /** Whether the untrusted certificates were given out of order (each should be followed by its issuer, RFC 8446 4.4.2 / RFC 5246 7.4.2). */
  wrong_order: boolean;
}
/** Which limit of the `Budget` was exhausted. */
export type BudgetLimit =
  | 'signatures'
  | 'candidates'
  | 'name_constraint_comparisons'
  | 'paths';
/** The revocation status of one certificate of a path, with the CRLs that decided it and those set aside. */
export interface CertificateRevocation {
  /** Index into `ChainReport::certificates`. */
  certificate: number;
  /** Indices of the supplied CRLs (complete and delta) consulted: for a good or revoked status those that decided it, for an undetermined one those that covered only some reasons. */
  crls: number[];
  /** For a revoked certificate: the entry's revocationDate, RFC 3339. */
  date: string | null;
  /** The CRLs considered for this certificate and set aside. */
  dropped: DroppedCrl[];
  /** For a revoked certificate: the CRLReason name (`unspecified` when the entry has none). */
  reason: string | null;
  /** good, revoked, undetermined or not checked. */
  status: Status;
  /** For an undetermined status: what was missing. */
  why: string | null;
}
/** A certificate as the chain report refers to it. */
export interface ChainCertificate {
  /** Issuer, RFC 4514. */
  issuer: string;
  /** Position within its source list (0 for the target). */
  position: number;
  /** SHA-256 of the DER, hex. */
  sha256: string;
  /** Where it came from. */
  source: Source;
  /** Subject, RFC 4514. */
  subject: string;
}
/** Why a path (or the whole validation) failed. Ranked: `ChainError::rank` orders errors by how specific they are, and the most specific one is reported. */
export type ChainError =
  | { kind: 'unknown_issuer'; missing: string }
  | { kind: 'budget_exceeded'; limit: BudgetLimit }
  | { kind: 'too_many_intermediates'; count: number; limit: number }
  | { kind: 'signature'; problem: string }
  | { kind: 'expired'; not_after: number; time: number }
  | { kind: 'not_yet_valid'; not_before: number; time: number }
  | { kind: 'not_ca'; problem: string }
  | { kind: 'path_length_exceeded'; below: number; path_length: number }
  | { kind: 'name_constraint'; problem: string }
  | { kind: 'extended_key_usage'; problem: string }
  | { kind: 'key_usage'; problem: string }
  | { kind: 'name_mismatch'; problem: string }
  | { kind: 'unknown_critical_extension'; oid: string }
  | { kind: 'revoked'; problem: string }
  | { kind: 'crl_unusable'; problem: string }
  | { kind: 'revocation_undetermined'; problem: string }
  | { kind: 'profile'; problem: string }
  | { kind: 'policy'; problem: string }
  | { kind: 'distrusted'; problem: string };
/** One named check on one certificate of a path. */
export interface Check {
  /** Index into `ChainReport::certificates` of the certificate it concerns. */
  certificate: number;
  /** Where the rule comes from (`RFC 5280 6.1.3`, `CA/B BR 7.1.2.7`). */
  citation: string;
  /** The error, when it failed. */
  error: ChainError | null;
  /** What was checked and found, in words. */
  explanation: string;
  /** Stable name, e.g. `validity`, `basic_constraints`, `name_constraints`. */
  name: string;
  /** Whether it passed. */
  passed: boolean;
}
/** A CRL set aside while deciding one certificate's status, and why. */
export interface DroppedCrl {
  /** Index into the supplied CRLs (`VerifyOptions::crls`). */
  crl: number;
  /** The CRL's issuer, RFC 4514 (empty when it does not decode). */
  issuer: string;
  /** Why it was not used: bad signature, wrong issuer, out of scope, expired, ... */
  reason: string;
}
/** An issuer no supplied certificate provides: who to look for. */
export interface MissingIssuer {
  /** The AIA caIssuers URLs to fetch it from (certscope never fetches). */
  ca_issuers: string[];
  /** Index of the certificate whose issuer is missing. */
  certificate: number;
  /** The issuer name, RFC 4514. */
  issuer: string;
  /** The authority key identifier, hex, when the certificate has one. */
  key_identifier: string | null;
}
/** One path from the target to an anchor, with every check made on it. */
export interface PathReport {
  /** The authorities-constrained-policy-set (RFC 5280 6.1.6): the valid policies before the caller's initial policy set is applied; `null` when the tree is NULL. `valid_policies` is the user-constrained-policy-set: the same, intersected with `VerifyOptions::initial_policies` (6.1.5 (g)). */
  authorities_constrained_policies: string[] | null;
  /** Indices into `ChainReport::certificates`, target first, anchor last. */
  certificates: number[];
  /** The checks, in the order they were made. */
  checks: Check[];
  /** The most specific failure, when invalid. */
  error: ChainError | null;
  /** The latest notBefore in the path, used to prefer newer paths. */
  newest_not_before: number;
  /** The profile that judged the path (`Profile::choose`). */
  profile: Profile;
  /** Why that profile: asked for, or what `Profile::Auto` saw. */
  profile_because: string;
  /** The revocation status of every certificate below the anchor (RFC 5280 6.3), target first; empty when revocation was not checked. */
  revocation: CertificateRevocation[];
  /** Supplied CRLs no certificate of the path considered (another issuer's, or undecodable), with the reason. */
  unused_crls: DroppedCrl[];
  /** Whether every check passed. */
  valid: boolean;
  /** The valid policies at the end of the path (the deepest level of RFC 5280's valid policy tree), `null` when the tree is NULL. */
  valid_policies: string[] | null;
  /** The valid policy tree (RFC 5280 6.1.2 (a)) as one branch per valid policy: the valid policies from depth 0 (`anyPolicy`) down to it, anchor side first; `null` when the tree is NULL. */
  valid_policy_tree: string[][] | null;
  /** When `Profile::Auto` judged the path by `Profile::Tls`: the checks of the Web PKI profile that fail on it and not in the verdict. Each is a reason a publicly trusted CA could not issue the path, not a reason to refuse it. */
  web_pki_findings: Check[];
}
/** Which rule set the certificates are held to, besides RFC 5280 section 6. Each is described by its `ProfileSpec` (`Profile::spec`); every interface (the report, the CLI, wasm) spells it by `Profile::name`. */
export type Profile =
  | 'auto'
  | 'webpki'
  | 'rfc5280'
  | 'tls'
  | 'openssl';
/** Revocation status as far as the supplied CRLs tell. */
export type Revocation =
  | 'not_checked'
  | 'checked';
/** Where a certificate of the report came from. */
export type Source =
  | 'target'
  | 'untrusted'
  | 'anchor';
/** One TLS stack's answer for the target as the end entity, for the purpose validated. */
export interface StackAnswer {
  /** Whether it accepts the target. */
  accepts: boolean;
  /** Why, in the stack's own terms where it has them. */
  reason: string;
  /** The stack, e.g. `rustls (webpki)`. */
  stack: string;
}
/** The revocation status of one certificate (RFC 5280 6.3.3: `cert_status`). */
export type Status =
  | 'good'
  | 'revoked'
  | 'undetermined'
  | 'not_checked';
