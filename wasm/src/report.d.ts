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
/** One access description.  ```text AccessDescription  ::=  SEQUENCE {         accessMethod          OBJECT IDENTIFIER,         accessLocation        GeneralName  } ``` ([RFC 5280 4.2.2.1](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.2.1)) */
export interface AccessDescription {
  /** Where to find it. */
  location: GeneralName;
  /** The access method (`OCSP`, `caIssuers`, `caRepository`, `timeStamping`). */
  method: Named;
}
/** A signature algorithm identifier.  ```text AlgorithmIdentifier  ::=  SEQUENCE  {      algorithm               OBJECT IDENTIFIER,      parameters              ANY DEFINED BY algorithm OPTIONAL  } ``` ([RFC 5280 4.1.1.2](https://www.rfc-editor.org/rfc/rfc5280#section-4.1.1.2)) */
export interface Algorithm {
  /** The hash the algorithm signs with (`SHA-256`...), when it names one; for RSASSA-PSS the hash of its parameters. `null` for Ed25519/Ed448 (which hash internally) and unknown algorithms. */
  hash: string | null;
  /** Name, e.g. `sha256WithRSAEncryption`, or the dotted OID when unknown. */
  name: string;
  /** Dotted OID. */
  oid: string;
  /** RSASSA-PSS parameters, for `id-RSASSA-PSS` only. */
  pss: PssParameters | null;
}
/** One attribute of a name, in the order it appears in the DER. */
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
/** Details of a CA role. */
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
  /** The client-versus-server comparison behind `CertificateReport::answer`. */
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
  /** The rule sets the lints ran, each with the evidence that chose it and whether its findings bind (`LintTarget::with_evidence`). */
  lint_rule_sets: RuleSetChoice[];
  /** Lint findings, with the rule sets chosen from the certificate's kind (`LintTarget::auto`) and effective dates judged at the analysis time. */
  lints: Finding[];
  /** Where it came from. */
  origin: Origin;
  /** The subject public key. */
  public_key: PublicKey;
  /** OpenSSL-compatible purposes, as `openssl x509 -purpose` answers them. */
  purposes: Purpose[];
  /** What the certificate can be used for, with evidence (see `role`). */
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
/** Can the certificate act as a TLS client, as a TLS server, and what typical verifiers say. */
export interface ClientServer {
  /** As a TLS client (the server verifies it). */
  tls_client: Side;
  /** As a TLS server (the client verifies it). */
  tls_server: Side;
  /** What OpenSSL, Go, rustls, Java, GnuTLS, NSS, wolfSSL and mbedTLS would decide for this certificate as the end entity (checked against the real stacks, `tests/stacks.rs`); the answer for a self-signed certificate assumes it is trusted directly (pinned or a trust anchor), which the certificate cannot show: such answers, and those resting on the application's host check or the server's own authorisation of a client, list what they depend on (`server_depends_on`, `client_depends_on`). */
  verifiers: VerifierVerdict[];
}
/** What a stack's answer rests on that neither the certificate nor the chain shows: with one, the answer is neither "accepts" nor "refuses" but depends on how the application is set up. The verdict's accepted-or-not is the answer in the set-up `stacks/run.sh` runs (the certificate trusted as given, the host checked when one is given, the server authorising whoever the stack's checks accept); each condition says what changes it. */
export type Condition =
  | 'pinned'
  | 'host_check'
  | 'server_authorisation';
/** How sure a verdict is. */
export type Confidence =
  | 'certain'
  | 'likely'
  | 'possible';
/** Where inside a container an object sat. */
export interface Container {
  /** The container's format. */
  format: ContainerFormat;
  /** Byte offset of the object inside the container's DER, when it is not encrypted. */
  offset: number | null;
  /** 0-based position of the object among the container's contents. */
  position: number;
}
/** A container format whose contents are listed one by one. */
export type ContainerFormat =
  | 'pkcs7'
  | 'pkcs12';
/** A CRL's entry. */
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
  /** Lint findings (RFC 5280 section 5, and what the lenient decoding path found): `lint_crl`. */
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
  /** Version as shown to people: 1 or 2 (3 for a list that says v3, which no standard defines; a higher version as written is in `CrlReport::lints`). */
  version: 1 | 2 | 3;
}
/** A certification request's entry. */
export interface CsrReport {
  kind: 'csr';
  /** The types of all attributes, extensionRequest included. */
  attributes: Named[];
  /** Digests of the DER. */
  fingerprints: Fingerprints;
  /** Position of the object in the input (0-based). */
  index: number;
  /** Lint findings (RFC 2986, and what the lenient decoding path found): `lint_csr`. */
  lints: Finding[];
  /** Where it came from. */
  origin: Origin;
  /** The public key to be certified. */
  public_key: PublicKey;
  /** The extensions asked for (PKCS#9 extensionRequest). */
  requested_extensions: Extension[];
  /** Why the extensionRequest attribute did not decode, if it did not. */
  requested_extensions_error: DecodeError | null;
  /** Whether the request's signature verifies with its own public key. */
  self_signature: SignatureCheck;
  /** The signature algorithm. */
  signature_algorithm: Algorithm;
  /** The requested subject. */
  subject: NameReport;
}
/** Why some bytes could not be decoded as the structure they were expected to be. */
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
/** One attribute of subjectDirectoryAttributes.  ```text Attribute ::= SEQUENCE {      type   AttributeType,      values SET OF AttributeValue } ``` ([RFC 5280 4.2.1.8](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.8), [RFC 3739 3.2.2](https://www.rfc-editor.org/rfc/rfc3739#section-3.2.2) for the usual types) */
export interface DirectoryAttribute {
  /** The attribute type (`dateOfBirth`, `countryOfCitizenship`...). */
  attribute: Named;
  /** The values as text: strings as such, times as RFC 3339, anything else `#` and DER hex. */
  values: string[];
}
/** One distribution point.  ```text DistributionPoint ::= SEQUENCE {      distributionPoint       [0]     DistributionPointName OPTIONAL,      reasons                 [1]     ReasonFlags OPTIONAL,      cRLIssuer               [2]     GeneralNames OPTIONAL }  DistributionPointName ::= CHOICE {      fullName                [0]     GeneralNames,      nameRelativeToCRLIssuer [1]     RelativeDistinguishedName } ``` ([RFC 5280 4.2.1.13](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.13)) */
export interface DistributionPoint {
  /** cRLIssuer, when the CRL is issued by another entity. */
  crl_issuer: GeneralName[] | null;
  /** fullName, when the distribution point name is given that way. */
  full_name: GeneralName[] | null;
  /** The reasons covered (`keyCompromise`...), when limited. */
  reasons: string[] | null;
  /** nameRelativeToCRLIssuer in RFC 4514 form, when given that way. */
  relative_name: string | null;
}
/** One piece of evidence: which extension, which value, and what it means. */
export interface Evidence {
  /** When the field is an extension present in the certificate: the bytes that decided. */
  extension: ExtensionBytes | null;
  /** The field or extension, e.g. `extendedKeyUsage`, `subject` (extensions by their short name in `oid`). */
  field: string;
  /** The OID of the value, when the value is an OID (dotted form). */
  oid: string | null;
  /** The sentence, e.g. `extendedKeyUsage contains id-kp-clientAuth (1.3.6.1.5.5.7.3.2)`. */
  text: string;
}
/** One extension. */
export interface Extension {
  /** The critical flag. */
  critical: boolean;
  /** Name, e.g. `subjectAltName`, or the dotted OID when unknown. */
  name: string;
  /** Dotted OID. */
  oid: string;
  /** The decoded value; `ExtensionValue::Unknown` carries the raw hex of an extension certscope does not decode, `ExtensionValue::Failed` the error of one that does not decode. */
  value: ExtensionValue;
}
/** The extension behind a piece of evidence, as it is in the certificate. */
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
/** The decoded value of one extension, as the report shows it: one arm per extension certscope knows, `ExtensionValue::Unknown` for the others and `ExtensionValue::Failed` for a known extension whose value does not decode (the certificate is still shown). */
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
/** One finding on one certificate. */
export interface Finding {
  /** The lint's citation. */
  citation: string;
  /** Path of the offending field in the report JSON, e.g. `extensions/subjectAltName`, `validity/not_after`, `subject/attributes/CN`. */
  field: string;
  /** The lint's id. */
  id: string;
  /** What is wrong, naming the field and the value. */
  message: string;
  /** The severity (or `Severity::NotEffective` / `Severity::NotApplicable`). */
  severity: Severity;
}
/** Fingerprints: lowercase hex, no separators. */
export interface Fingerprints {
  /** SHA-1 of the DER. */
  sha1: string;
  /** SHA-256 of the DER. */
  sha256: string;
}
/** One name of a `GeneralNames` list (subjectAltName, issuerAltName, name constraints, distribution points, access locations), with an arm for every CHOICE.  ```text GeneralName ::= CHOICE {      otherName                       [0]     OtherName,      rfc822Name                      [1]     IA5String,      dNSName                         [2]     IA5String,      x400Address                     [3]     ORAddress,      directoryName                   [4]     Name,      ediPartyName                    [5]     EDIPartyName,      uniformResourceIdentifier       [6]     IA5String,      iPAddress                       [7]     OCTET STRING,      registeredID                    [8]     OBJECT IDENTIFIER }  OtherName ::= SEQUENCE {      type-id    OBJECT IDENTIFIER,      value      [0] EXPLICIT ANY DEFINED BY type-id } ``` ([RFC 5280 4.2.1.6](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.6)) */
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
/** One subtree of a nameConstraints extension.  ```text GeneralSubtree ::= SEQUENCE {      base                    GeneralName,      minimum         [0]     BaseDistance DEFAULT 0,      maximum         [1]     BaseDistance OPTIONAL } ``` ([RFC 5280 4.2.1.10](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.10)) */
export interface GeneralSubtree {
  /** The base name; an iPAddress base carries its netmask. */
  base: GeneralName;
  /** maximum (RFC 5280 requires it absent). */
  maximum: number | null;
  /** minimum (RFC 5280 requires 0). */
  minimum: number;
}
/** What a relying party would see. */
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
/** One identifier of a client or device. */
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
/** A CRL signature checked against one candidate issuer certificate. */
export interface IssuerSignature {
  /** Index of the certificate in `Report::objects`. */
  certificate: number;
  /** The outcome. */
  signature: SignatureCheck;
}
/** The kind of evidence behind a rule set's selection. */
export type LintEvidence =
  | 'always'
  | 'user_choice'
  | 'policy_claim'
  | 'public_root'
  | 'private_root'
  | 'purpose';
/** A name, both as a string and as its attributes. */
export interface NameReport {
  /** The attributes in DER order. */
  attributes: Attribute[];
  /** RFC 4514 form. */
  rfc4514: string;
}
/** An OID with the name the report shows for it. */
export interface Named {
  /** Its name from the registry, or the dotted OID when the registry does not know it. */
  name: string;
  /** Dotted OID. */
  oid: string;
}
/** One object's entry. */
export type ObjectReport =
  | CertificateReport
  | CsrReport
  | CrlReport
  | PrivateKeyReport
  | PublicKeyReport;
/** Where an object came from. */
export type Origin =
  | { encoding: 'pem'; container: Container | null; label: string; line: number; offset: number; position: number }
  | { encoding: 'der'; container: Container | null; offset: number; position: number }
  | { encoding: 'base64'; container: Container | null; offset: number; position: number }
  | { encoding: 'hex'; container: Container | null; offset: number; position: number };
/** The value of an `otherName`. */
export type OtherNameValue =
  | { type: 'text'; encoding: string; text: string }
  | { type: 'hardware_module_name'; hardware_type: string; serial_hex: string }
  | { type: 'raw'; der_hex: string };
/** One policy.  ```text PolicyInformation ::= SEQUENCE {      policyIdentifier   CertPolicyId,      policyQualifiers   SEQUENCE SIZE (1..MAX) OF                              PolicyQualifierInfo OPTIONAL } ``` ([RFC 5280 4.2.1.4](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.4)) */
export interface PolicyInformation {
  /** The policy, named when well known (`CA/B Forum Domain Validated`, `anyPolicy`). */
  policy: Named;
  /** Its qualifiers in order (empty when absent). */
  qualifiers: PolicyQualifier[];
}
/** One policy mapping.  ```text PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF SEQUENCE {      issuerDomainPolicy      CertPolicyId,      subjectDomainPolicy     CertPolicyId } ``` ([RFC 5280 4.2.1.5](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.5)) */
export interface PolicyMapping {
  /** issuerDomainPolicy. */
  issuer_domain_policy: Named;
  /** subjectDomainPolicy. */
  subject_domain_policy: Named;
}
/** One policy qualifier.  ```text PolicyQualifierInfo ::= SEQUENCE {      policyQualifierId  PolicyQualifierId,      qualifier          ANY DEFINED BY policyQualifierId }  UserNotice ::= SEQUENCE {      noticeRef        NoticeReference OPTIONAL,      explicitText     DisplayText OPTIONAL }  NoticeReference ::= SEQUENCE {      organization     DisplayText,      noticeNumbers    SEQUENCE OF INTEGER } ``` ([RFC 5280 4.2.1.4](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.4)) */
export type PolicyQualifier =
  | { type: 'cps'; uri: string }
  | { type: 'user_notice'; explicit_text: string | null; notice_numbers: string[]; organization: string | null }
  | { type: 'other'; der_hex: string; qualifier: Named };
/** A private key's entry: algorithm, size, and which objects hold its public key. Nothing of the secret is ever in a report. */
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
  /** What the lenient decoding path found (BER lengths, a version no format defines), as findings: `lint_key`. */
  lints: Finding[];
  /** Indices in `Report::objects` of the certificates and CSRs with this key's public key. */
  matches: number[];
  /** Where it came from. */
  origin: Origin;
}
/** Something in the input that looked like an object but did not decode. */
export interface Problem {
  /** What went wrong, and where inside the object's DER. */
  error: DecodeError;
  /** What kind of trouble it is. */
  kind: ProblemKind;
  /** Where it came from. */
  origin: Origin;
}
/** What kind of trouble a `Problem` is. */
export type ProblemKind =
  | 'malformed'
  | 'unsupported'
  | 'unavailable'
  | 'password_required'
  | 'wrong_password'
  | 'limit_exceeded';
/** The parameters of RSASSA-PSS, with the defaults filled in.  ```text RSASSA-PSS-params  ::=  SEQUENCE  {     hashAlgorithm      [0] HashAlgorithm DEFAULT sha1Identifier,     maskGenAlgorithm   [1] MaskGenAlgorithm DEFAULT mgf1SHA1Identifier,     saltLength         [2] INTEGER DEFAULT 20,     trailerField       [3] INTEGER DEFAULT 1  } ``` ([RFC 4055 3.1](https://www.rfc-editor.org/rfc/rfc4055#section-3.1)) */
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
/** The subject public key. */
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
/** A public key's entry. */
export interface PublicKeyReport {
  kind: 'public_key';
  /** Position of the object in the input (0-based). */
  index: number;
  /** What the lenient decoding path found (BER lengths, unused bits), as findings: `lint_key`. */
  lints: Finding[];
  /** Indices in `Report::objects` of the certificates and CSRs with this public key. */
  matches: number[];
  /** Where it came from. */
  origin: Origin;
  /** The key. */
  public_key: PublicKey;
}
/** One OpenSSL purpose and the answers for this certificate. */
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
/** The reasons behind one purpose's two answers. */
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
/** One role a certificate holds. */
export interface Role {
  /** For CA roles: path length and constraints. */
  ca: CaDetails | null;
  /** How sure the verdict is. */
  confidence: Confidence;
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
/** The roles certscope recognises. */
export type RoleKind =
  | 'root_ca'
  | 'intermediate_ca'
  | 'cross_certificate'
  | 'tls_server'
  | 'tls_client'
  | 'code_signing'
  | 'smime_signing'
  | 'smime_encryption'
  | 'document_signing'
  | 'ocsp_responder'
  | 'time_stamping'
  | 'ct_precertificate'
  | 'self_signed_end_entity'
  | 'unrestricted'
  | 'unknown';
/** A group of lints taken from one source. */
export type RuleSet =
  | 'rfc5280'
  | 'tls-br'
  | 'smime-br'
  | 'code-signing-br'
  | 'device';
/** Why a rule set was chosen, and whether its findings bind the certificate. */
export interface RuleSetChoice {
  /** Whether the certificate is shown to be under these rules. When it is not (a CA/Browser Forum set chosen from the purpose alone), its errors and warnings are reported as `Severity::Advice`. */
  binding: boolean;
  /** The evidence that selected it. */
  evidence: LintEvidence;
  /** The evidence in words, naming the OID, purpose or anchor. */
  reason: string;
  /** The rule set. */
  rule_set: RuleSet;
}
/** A serial number. */
export interface Serial {
  /** Decimal, when the value fits in 64 bits and is not negative. */
  decimal: string | null;
  /** The INTEGER's content octets as lowercase hex (two's complement, as encoded). */
  hex: string;
}
/** How serious a finding is. The first four follow zlint's statuses; the last two say why a rule produced no verdict. */
export type Severity =
  | 'error'
  | 'advice'
  | 'warning'
  | 'notice'
  | 'info'
  | 'not_effective'
  | 'not_applicable';
/** One side of the comparison. */
export interface Side {
  /** What allows it. */
  allowed_by: string[];
  /** What is missing or forbids it. */
  missing: string[];
  /** Whether the usual verifiers accept it in this role. */
  usable: boolean;
}
/** The outcome of checking one signature. */
export type SignatureCheck =
  | { result: 'valid' }
  | { result: 'invalid' }
  | { result: 'unsupported'; reason: string };
/** One Signed Certificate Timestamp. */
export interface SignedCertificateTimestamp {
  /** The CT extensions as lowercase hex (usually empty). */
  extensions_hex: string;
  /** The hash algorithm (`sha256`...), from the TLS HashAlgorithm registry. */
  hash_algorithm: string;
  /** The log's id as base64, the form log lists use. */
  log_id_base64: string;
  /** The log's id (SHA-256 of its public key) as lowercase hex. */
  log_id_hex: string;
  /** The signature algorithm (`ecdsa`, `rsa`...), from the TLS SignatureAlgorithm registry. */
  signature_algorithm: string;
  /** The signature as lowercase hex. */
  signature_hex: string;
  /** The timestamp as RFC 3339 UTC with milliseconds, or `null` when out of range. */
  timestamp: string | null;
  /** sct_version (0 is v1). */
  version: number;
}
/** One TLS feature (RFC 7633), a TLS extension number. */
export interface TlsFeature {
  /** Its name in the IANA TLS ExtensionType registry, when certscope knows it (`status_request`, `status_request_v2`). */
  name: string | null;
  /** The TLS extension number. */
  value: number;
}
/** The validity period. */
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
  /** Whether it accepts the certificate as a TLS client's end entity, in the set-up the harness runs. */
  as_client: boolean;
  /** Whether it accepts the certificate as a TLS server's end entity, in the set-up the harness runs (see `Condition`). */
  as_server: boolean;
  /** What the client answer rests on that the certificate cannot show (a client the stack's checks accept always depends on the server's own authorisation). */
  client_depends_on: Condition[];
  /** Why. */
  client_reason: string;
  /** What the server answer rests on that the certificate cannot show; when not empty, the answer is neither "accepts" nor "refuses" but depends on it. */
  server_depends_on: Condition[];
  /** Why. */
  server_reason: string;
  /** `OpenSSL 3`, `Go crypto/x509`, `rustls (webpki)`, `Java (JSSE)`, `GnuTLS`, `NSS`, `wolfSSL`, `mbedTLS`. */
  verifier: string;
}
/** A known trap. */
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
  /** wasm `verify` only: the inputs' problems of kind `unavailable`: objects this module cannot open, or whose DSA signatures it does not verify (the page's first module); the client then runs the call again on the module that has them. */
  problems?: Problem[];
  /** The profile the verdict was reached under: the chosen path's (`PathReport::profile`); the one asked for when no path was found. */
  profile: Profile;
  /** Why that profile (`PathReport::profile_because`). */
  profile_because: string;
  /** Whether revocation was checked. */
  revocation: Revocation;
  /** Signatures verified against `Budget::signatures`: certificates' while building, CRLs' while deciding revocation, and those of delegated CRL signers' own paths. */
  signatures_checked: number;
  /** wasm `verify` only: for a TLS server or client purpose: each TLS stack's verdict on the chain under its own profile, with the same purpose and host (`certscope verify --profile all`); empty for other purposes. */
  stack_verdicts?: StackVerdict[];
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
  | { kind: 'not_version3'; version: number }
  | { kind: 'empty_issuer_name' }
  | { kind: 'empty_ca_subject' }
  | { kind: 'duplicate_extension'; extension: string }
  | { kind: 'malformed_extension'; problem: string }
  | { kind: 'must_not_be_critical'; extension: string }
  | { kind: 'must_be_critical'; extension: string }
  | { kind: 'unusable_key'; problem: string }
  | { kind: 'key_below_auth_level'; bits: number; key: string; level: number; required: number }
  | { kind: 'rsa_key_too_small'; bits: number; minimum: number }
  | { kind: 'rsa_modulus_not_bytes'; bits: number }
  | { kind: 'dsa_key_in_web_pki' }
  | { kind: 'dsa_key_refused' }
  | { kind: 'ec_key_without_named_curve' }
  | { kind: 'serial_number_too_long'; bytes: number }
  | { kind: 'negative_serial_number' }
  | { kind: 'zero_serial_number' }
  | { kind: 'subscriber_is_ca' }
  | { kind: 'name_constraints_on_end_entity' }
  | { kind: 'subject_alt_name_not_critical' }
  | { kind: 'subject_alt_name_critical' }
  | { kind: 'no_subject_alt_name' }
  | { kind: 'server_without_subject_alt_name' }
  | { kind: 'invalid_dns_name'; name: string }
  | { kind: 'common_name_misstates_subject_alt_name'; common_name: string }
  | { kind: 'no_authority_key_identifier' }
  | { kind: 'no_subject_key_identifier' }
  | { kind: 'root_authority_key_identifier_not_key_id_only' }
  | { kind: 'root_authority_key_identifier_without_key_id' }
  | { kind: 'root_authority_key_identifier_mismatch' }
  | { kind: 'stack_refuses'; reason: string; stack: string }
  | { kind: 'stack_purpose'; profile: string }
  | { kind: 'stack_refuses_old_anchor'; stack: string }
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
  | 'openssl'
  | 'go'
  | 'rustls'
  | 'java'
  | 'gnutls'
  | 'nss'
  | 'wolfssl'
  | 'mbedtls';
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
/** One TLS stack's verdict on the chain (`chain::StackVerdict`). */
export interface StackVerdict {
  /** What the verdict rests on that the chain cannot show: `host_check` (refused only when the application asks the stack to check the host), `server_authorisation` (a client the stack accepts, then the server's own rules); when not empty, the verdict depends on the application. */
  depends_on: Condition[];
  /** The stack's profile: openssl, go, rustls, java, gnutls, nss, wolfssl or mbedtls. */
  profile: string;
  /** Why, in the stack's own terms where it has them. */
  reason: string;
  /** The stack, e.g. `Go crypto/x509`. */
  stack: string;
  /** Whether the stack accepts the chain, in the set-up the stacks were run in (see `depends_on`). */
  valid: boolean;
  /** The stack version the profile reproduces. */
  version: string;
}
/** The revocation status of one certificate (RFC 5280 6.3.3: `cert_status`). */
export type Status =
  | 'good'
  | 'revoked'
  | 'undetermined'
  | 'not_checked';
