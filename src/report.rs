//! The versioned report: the public contract every layer (CLI `--json`, wasm API, page) reads.
//!
//! Field names are `snake_case` in every serialisation. Adding a field is a minor change;
//! renaming or removing one bumps [`SCHEMA_VERSION`].
//!
//! The JSON shape is described by `schema/report.schema.json` (JSON Schema 2020-12), which
//! `tests/report_schema.rs` checks against the report of every fixture; every object in it
//! forbids unknown properties, so the schema and these types cannot drift apart. Enums are
//! tagged inline: an object's `kind` (`certificate`), an extension value's, a general name's
//! and a policy qualifier's `type` (`subject_alt_name`, `dns_name`, `cps`) say which arm it is.
//!
//! A certificate entry holds, besides the fields below, every extension with its OID, name,
//! criticality and decoded [`ExtensionValue`]: an extension certscope does not know is
//! `unknown` with its raw hex, one that does not decode is `failed` with the
//! [`crate::decode::DecodeError`], and neither ever fails the certificate.

use std::cell::Cell;

use der::{Tag, Tagged};
use x509_cert::time::Time;

use crate::cert::{hex, Cert};
use crate::decode::DecodeError;
use crate::ext::ExtensionValue;
use crate::input::key::{identity_of_spki, KeyIdentity};
use crate::input::{
    self, Crl, Csr, InputError, InputOptions, Object, Origin, PrivateKey, Problem, SignatureCheck,
};
use crate::name::{self, Attribute};
use crate::oid;
use crate::purpose;
use crate::role::{self, CertificateRoles};
use crate::time::UnixTime;

/// Version of the report's shape. Bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// What the caller decides for one analysis.
#[derive(Clone, Debug, Default)]
pub struct AnalyzeOptions {
    /// The time verdicts are computed at (expiry, days left). `None` leaves time-dependent
    /// fields out. The core never reads a clock.
    pub time: Option<UnixTime>,
    /// Limits on the input.
    pub input: InputOptions,
}

impl AnalyzeOptions {
    /// Options with the analysis time set, in seconds since the Unix epoch.
    pub fn at_unix_seconds(seconds: u64) -> Self {
        AnalyzeOptions {
            time: Some(UnixTime(seconds)),
            ..AnalyzeOptions::default()
        }
    }
}

/// Everything certscope found in one input.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// [`SCHEMA_VERSION`] of this report.
    pub schema_version: u32,
    /// The analysis time as RFC 3339, when one was given.
    pub analysis_time: Option<String>,
    /// The objects found, in input order.
    pub objects: Vec<ObjectReport>,
    /// Parts of the input that did not decode.
    pub problems: Vec<Problem>,
}

impl Report {
    /// The certificate entries, in input order.
    pub fn certificates(&self) -> impl Iterator<Item = &CertificateReport> {
        self.objects.iter().filter_map(|o| match o {
            ObjectReport::Certificate(c) => Some(c.as_ref()),
            _ => None,
        })
    }
}

/// One object's entry.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ObjectReport {
    /// A certificate.
    Certificate(Box<CertificateReport>),
    /// A PKCS#10 certification request.
    Csr(Box<CsrReport>),
    /// A certificate revocation list.
    Crl(Box<CrlReport>),
    /// A private key: what it is and what it belongs to, nothing of the secret.
    PrivateKey(Box<PrivateKeyReport>),
    /// A public key on its own.
    PublicKey(Box<PublicKeyReport>),
}

/// A certification request's entry.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CsrReport {
    /// Position of the object in the input (0-based).
    pub index: usize,
    /// Where it came from.
    pub origin: Origin,
    /// The requested subject.
    pub subject: NameReport,
    /// The public key to be certified.
    pub public_key: PublicKey,
    /// The signature algorithm.
    pub signature_algorithm: Algorithm,
    /// The extensions asked for (PKCS#9 extensionRequest).
    pub requested_extensions: Vec<Extension>,
    /// Why the extensionRequest attribute did not decode, if it did not.
    pub requested_extensions_error: Option<DecodeError>,
    /// The types of all attributes, extensionRequest included.
    pub attributes: Vec<oid::Named>,
    /// Whether the request's signature verifies with its own public key.
    pub self_signature: SignatureCheck,
    /// Digests of the DER.
    pub fingerprints: Fingerprints,
    /// Lint findings (RFC 2986, and what the lenient decoding path found):
    /// [`crate::lint::lint_csr`].
    pub lints: Vec<crate::lint::Finding>,
}

/// A CRL's entry.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CrlReport {
    /// Position of the object in the input (0-based).
    pub index: usize,
    /// Where it came from.
    pub origin: Origin,
    /// Version as shown to people: 1 or 2 (3 for a list that says v3, which no standard
    /// defines; a higher version as written is in [`CrlReport::lints`]).
    #[cfg_attr(feature = "schema", schemars(extend("enum" = [1, 2, 3])))]
    pub version: u8,
    /// The CRL issuer's name.
    pub issuer: NameReport,
    /// The signature algorithm.
    pub signature_algorithm: Algorithm,
    /// thisUpdate as RFC 3339 UTC.
    pub this_update: String,
    /// nextUpdate as RFC 3339 UTC, when present.
    pub next_update: Option<String>,
    /// The revoked certificates, in CRL order.
    pub revoked: Vec<RevokedReport>,
    /// The CRL extensions.
    pub extensions: Vec<Extension>,
    /// The signature checked against each certificate in the input whose subject is the CRL
    /// issuer.
    pub issuer_signatures: Vec<IssuerSignature>,
    /// Digests of the DER.
    pub fingerprints: Fingerprints,
    /// Lint findings (RFC 5280 section 5, and what the lenient decoding path found):
    /// [`crate::lint::lint_crl`].
    pub lints: Vec<crate::lint::Finding>,
}

/// One revoked certificate in a CRL.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RevokedReport {
    /// The revoked serial number.
    pub serial: Serial,
    /// revocationDate as RFC 3339 UTC.
    pub revocation_date: String,
    /// The reasonCode (RFC 5280 5.3.1) name, when present and readable.
    pub reason: Option<String>,
    /// The entry's extensions.
    pub extensions: Vec<Extension>,
}

/// A CRL signature checked against one candidate issuer certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IssuerSignature {
    /// Index of the certificate in [`Report::objects`].
    pub certificate: usize,
    /// The outcome.
    pub signature: SignatureCheck,
}

/// A private key's entry: algorithm, size, and which objects hold its public key. Nothing of
/// the secret is ever in a report.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PrivateKeyReport {
    /// Position of the object in the input (0-based).
    pub index: usize,
    /// Where it came from.
    pub origin: Origin,
    /// Algorithm: `RSA`, `EC`, `Ed25519`...
    pub algorithm: String,
    /// Key size in bits, when known.
    pub bits: Option<u32>,
    /// Curve name for EC keys.
    pub curve: Option<String>,
    /// Indices in [`Report::objects`] of the certificates and CSRs with this key's public key.
    pub matches: Vec<usize>,
    /// What the lenient decoding path found (BER lengths, a version no format defines), as
    /// findings: [`crate::lint::lint_key`].
    pub lints: Vec<crate::lint::Finding>,
}

/// A public key's entry.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicKeyReport {
    /// Position of the object in the input (0-based).
    pub index: usize,
    /// Where it came from.
    pub origin: Origin,
    /// The key.
    pub public_key: PublicKey,
    /// Indices in [`Report::objects`] of the certificates and CSRs with this public key.
    pub matches: Vec<usize>,
    /// What the lenient decoding path found (BER lengths, unused bits), as findings:
    /// [`crate::lint::lint_key`].
    pub lints: Vec<crate::lint::Finding>,
}

/// A certificate's entry.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CertificateReport {
    /// Position of the object in the input (0-based).
    pub index: usize,
    /// Where it came from.
    pub origin: Origin,
    /// Version as shown to people: 1, 2 or 3.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = [1, 2, 3])))]
    pub version: u8,
    /// The serial number.
    pub serial: Serial,
    /// The outer signature algorithm.
    pub signature_algorithm: Algorithm,
    /// The issuer's name.
    pub issuer: NameReport,
    /// The subject's name.
    pub subject: NameReport,
    /// The validity period.
    pub validity: Validity,
    /// The subject public key.
    pub public_key: PublicKey,
    /// Digests of the DER.
    pub fingerprints: Fingerprints,
    /// Every extension, in certificate order.
    pub extensions: Vec<Extension>,
    /// Issuer and subject names are equal (RFC 5280 3.3: self-issued).
    pub self_issued: bool,
    /// What the certificate can be used for, with evidence (see [`crate::role`]).
    pub roles: Vec<role::Role>,
    /// What a relying party would see: host names, client and device identifiers.
    pub identity: role::Identity,
    /// OpenSSL-compatible purposes, as `openssl x509 -purpose` answers them.
    pub purposes: Vec<purpose::Purpose>,
    /// Client or server, in plain words.
    pub answer: String,
    /// The client-versus-server comparison behind [`CertificateReport::answer`].
    pub client_server: role::ClientServer,
    /// Known traps this certificate falls into.
    pub warnings: Vec<role::Warning>,
    /// Lint findings, with the rule sets chosen from the certificate's kind
    /// ([`crate::lint::LintTarget::auto`]) and effective dates judged at the analysis time.
    pub lints: Vec<crate::lint::Finding>,
    /// The rule sets the lints ran, each with the evidence that chose it and whether its
    /// findings bind ([`crate::lint::LintTarget::with_evidence`]).
    pub lint_rule_sets: Vec<crate::lint::RuleSetChoice>,
    /// Self-issued and the signature verifies with the certificate's own public key (RFC 5280
    /// 6.1). `None` when the signature algorithm is one certscope cannot verify.
    pub self_signed: Option<bool>,
    /// basicConstraints is present, decodes, and says cA TRUE (RFC 5280 4.2.1.9); nothing
    /// else (self-issuance, keyCertSign) makes a certificate a CA.
    pub is_ca: bool,
}

/// A serial number.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Serial {
    /// The INTEGER's content octets as lowercase hex (two's complement, as encoded).
    pub hex: String,
    /// Decimal, when the value fits in 64 bits and is not negative.
    pub decimal: Option<String>,
}

/// A signature algorithm identifier.
///
/// ```text
/// AlgorithmIdentifier  ::=  SEQUENCE  {
///      algorithm               OBJECT IDENTIFIER,
///      parameters              ANY DEFINED BY algorithm OPTIONAL  }
/// ```
/// ([RFC 5280 4.1.1.2](https://www.rfc-editor.org/rfc/rfc5280#section-4.1.1.2))
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Algorithm {
    /// Name, e.g. `sha256WithRSAEncryption`, or the dotted OID when unknown.
    pub name: String,
    /// Dotted OID.
    pub oid: String,
    /// The hash the algorithm signs with (`SHA-256`...), when it names one; for RSASSA-PSS the
    /// hash of its parameters. `None` for Ed25519/Ed448 (which hash internally) and unknown
    /// algorithms.
    pub hash: Option<String>,
    /// RSASSA-PSS parameters, for `id-RSASSA-PSS` only.
    pub pss: Option<PssParameters>,
}

/// The parameters of RSASSA-PSS, with the defaults filled in.
///
/// ```text
/// RSASSA-PSS-params  ::=  SEQUENCE  {
///     hashAlgorithm      [0] HashAlgorithm DEFAULT sha1Identifier,
///     maskGenAlgorithm   [1] MaskGenAlgorithm DEFAULT mgf1SHA1Identifier,
///     saltLength         [2] INTEGER DEFAULT 20,
///     trailerField       [3] INTEGER DEFAULT 1  }
/// ```
/// ([RFC 4055 3.1](https://www.rfc-editor.org/rfc/rfc4055#section-3.1))
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PssParameters {
    /// hashAlgorithm (`SHA-256`...), or its dotted OID when unknown.
    pub hash: String,
    /// maskGenAlgorithm (`MGF1`).
    pub mask_generation: String,
    /// The hash of MGF1 (`SHA-256`...), when the mask generation is MGF1.
    pub mask_generation_hash: Option<String>,
    /// saltLength in bytes.
    pub salt_length: u32,
    /// trailerField.
    pub trailer_field: u32,
    /// Why the parameters do not decode, when they do not (the fields then hold the defaults).
    pub error: Option<String>,
}

/// A name, both as a string and as its attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NameReport {
    /// RFC 4514 form.
    pub rfc4514: String,
    /// The attributes in DER order.
    pub attributes: Vec<Attribute>,
}

/// The validity period.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Validity {
    /// notBefore as RFC 3339 UTC.
    pub not_before: String,
    /// notAfter as RFC 3339 UTC.
    pub not_after: String,
    /// `UTCTime` or `GeneralizedTime`.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["UTCTime", "GeneralizedTime"])))]
    pub not_before_encoding: String,
    /// `UTCTime` or `GeneralizedTime`.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["UTCTime", "GeneralizedTime"])))]
    pub not_after_encoding: String,
    /// Length of the period in days (fractions rounded down; RFC 5280 counts both ends).
    pub period_days: i64,
    /// Days from the analysis time to notAfter; negative once expired. `None` without a time.
    pub days_until_expiry: Option<i64>,
    /// Whether the certificate is valid at the analysis time. `None` without a time.
    pub valid_at_analysis_time: Option<bool>,
}

/// The subject public key.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicKey {
    /// Algorithm: `RSA`, `EC`, `Ed25519`...
    pub algorithm: String,
    /// Dotted OID of the algorithm.
    pub oid: String,
    /// Key size in bits, when known.
    pub bits: Option<u32>,
    /// Curve name for EC keys.
    pub curve: Option<String>,
    /// RSA public exponent, when it fits in 64 bits.
    pub rsa_exponent: Option<u64>,
    /// base64 of SHA-256 over the subjectPublicKeyInfo DER (the form pinning configs use).
    pub spki_sha256_base64: String,
}

/// Fingerprints: lowercase hex, no separators.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Fingerprints {
    /// SHA-256 of the DER.
    pub sha256: String,
    /// SHA-1 of the DER.
    pub sha1: String,
}

/// One extension.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Extension {
    /// Dotted OID.
    pub oid: String,
    /// Name, e.g. `subjectAltName`, or the dotted OID when unknown.
    pub name: String,
    /// The critical flag.
    pub critical: bool,
    /// The decoded value; [`ExtensionValue::Unknown`] carries the raw hex of an extension
    /// certscope does not decode, [`ExtensionValue::Failed`] the error of one that does not
    /// decode.
    pub value: ExtensionValue,
}

/// Analyses every object in `input`.
///
/// Fails only when the input as a whole breaks a limit; undecodable parts are listed in
/// [`Report::problems`].
///
/// ```
/// use certscope::role::RoleKind;
/// use certscope::{analyze, AnalyzeOptions};
///
/// let pem = include_str!("../tests/data/roles/device-client.pem");
/// let options = AnalyzeOptions::at_unix_seconds(1_780_000_000); // 2026-05-28
/// let report = analyze(pem.as_bytes(), &options).unwrap();
/// let cert = report.certificates().next().unwrap();
/// assert_eq!(cert.subject.rfc4514, "CN=sensor-0042,serialNumber=SN-0042-AB,O=Example Devices");
/// assert_eq!(cert.roles[0].role, RoleKind::TlsClient);
/// assert_eq!(cert.validity.valid_at_analysis_time, Some(true));
///
/// // The report is the JSON contract the CLI and the wasm module share.
/// let json = serde_json::to_value(&report).unwrap();
/// assert_eq!(json["schema_version"], certscope::report::SCHEMA_VERSION);
/// assert_eq!(json["objects"][0]["kind"], "certificate");
/// ```
pub fn analyze(input: &[u8], options: &AnalyzeOptions) -> Result<Report, InputError> {
    let parsed = input::parse_input(input, &options.input)?;
    // Roles look at the whole input (cross-certificates), so they are computed once for all.
    let certs: Vec<Cert> = parsed.certificates().cloned().collect();
    let mut roles = role::classify_all(&certs).into_iter();
    // The public key of every certificate and CSR, normalised once, for matching keys.
    let identities: Vec<Option<KeyIdentity>> = parsed
        .objects
        .iter()
        .map(|found| match &found.object {
            Object::Certificate(cert) => identity_of_spki(cert.spki_der()),
            Object::Csr(csr) => identity_of_spki(csr.spki_der()),
            _ => None,
        })
        .collect();
    let matching = |identity: Option<&KeyIdentity>| -> Vec<usize> {
        identities
            .iter()
            .enumerate()
            .filter_map(|(i, other)| {
                (identity.is_some() && other.as_ref() == identity).then_some(i)
            })
            .collect()
    };
    let signature_checks = Cell::new(MAX_CRL_SIGNATURE_CHECKS);
    let objects =
        parsed
            .objects
            .iter()
            .enumerate()
            .map(|(index, found)| {
                let origin = found.origin.clone();
                match &found.object {
                    Object::Certificate(cert) => {
                        // classify_all yields one entry per certificate, in order.
                        let roles = roles.next().unwrap_or_else(|| role::classify(cert));
                        ObjectReport::Certificate(Box::new(certificate_report_with(
                            cert,
                            index,
                            origin,
                            options.time,
                            roles,
                        )))
                    }
                    Object::Csr(csr) => ObjectReport::Csr(Box::new(csr_report(csr, index, origin))),
                    Object::Crl(crl) => ObjectReport::Crl(Box::new(crl_report_within(
                        crl,
                        index,
                        origin,
                        &parsed.objects,
                        &signature_checks,
                    ))),
                    Object::PrivateKey(key) => ObjectReport::PrivateKey(Box::new(
                        private_key_report(key, index, origin, matching(key.identity())),
                    )),
                    Object::PublicKey(key) => ObjectReport::PublicKey(Box::new(PublicKeyReport {
                        index,
                        origin,
                        public_key: spki_report(key.spki_der()),
                        matches: matching(identity_of_spki(key.spki_der()).as_ref()),
                        lints: crate::lint::lint_key(key.deviations()),
                    })),
                }
            })
            .collect();
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        analysis_time: options.time.and_then(UnixTime::to_rfc3339),
        objects,
        problems: parsed.problems,
    })
}

fn set_roles(report: &mut CertificateReport, roles: CertificateRoles) {
    report.roles = roles.roles;
    report.identity = roles.identity;
    report.purposes = roles.purposes;
    report.answer = roles.answer;
    report.client_server = roles.client_server;
    report.warnings = roles.warnings;
}

/// Builds the entry for one certificate (its roles judged on its own; [`analyze`] also uses
/// the other certificates of the input).
pub fn certificate_report(
    cert: &Cert,
    index: usize,
    origin: Origin,
    time: Option<UnixTime>,
) -> CertificateReport {
    certificate_report_with(cert, index, origin, time, role::classify(cert))
}

/// [`certificate_report`] with the roles already found: they are shown, and they choose the
/// rule sets the lints run.
fn certificate_report_with(
    cert: &Cert,
    index: usize,
    origin: Origin,
    time: Option<UnixTime>,
    roles: CertificateRoles,
) -> CertificateReport {
    let x509 = cert.x509();
    let tbs = x509.tbs_certificate();
    // A version no standard defines (version 7) is read as v3; the e_version_unknown finding
    // gives the value as written.
    let version = match tbs.version() {
        x509_cert::certificate::Version::V1 => 1,
        x509_cert::certificate::Version::V2 => 2,
        x509_cert::certificate::Version::V3 => 3,
    };
    let mut report = CertificateReport {
        index,
        origin,
        version,
        serial: serial(tbs.serial_number().as_bytes()),
        signature_algorithm: signature_algorithm(x509.signature_algorithm()),
        issuer: name_report(tbs.issuer()),
        subject: name_report(tbs.subject()),
        validity: exact_validity(cert, time),
        public_key: public_key(cert),
        fingerprints: Fingerprints {
            sha256: hex(cert.sha256()),
            sha1: hex(cert.sha1()),
        },
        extensions: tbs
            .extensions()
            .map(|exts| {
                exts.iter()
                    .map(|e| Extension {
                        oid: crate::oid::dotted(&e.extn_id),
                        name: oid::short_name(&e.extn_id),
                        critical: e.critical,
                        value: crate::ext::decode_extension(e),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        self_issued: crate::facts::self_issued_exact(cert),
        roles: Vec::new(),
        identity: role::Identity::default(),
        purposes: Vec::new(),
        answer: String::new(),
        client_server: role::ClientServer::default(),
        warnings: Vec::new(),
        self_signed: self_signed(cert),
        is_ca: crate::ext::is_ca(cert),
        lints: Vec::new(),
        lint_rule_sets: Vec::new(),
    };
    let target = crate::lint::LintTarget::for_roles(cert, &roles.roles);
    report.lints = crate::lint::lint_target(
        cert,
        &crate::lint::LintOptions {
            time,
            ..crate::lint::LintOptions::default()
        },
        &target,
    );
    report.lint_rule_sets = target.reasons;
    set_roles(&mut report, roles);
    report
}

fn fingerprints(der: &[u8]) -> Fingerprints {
    use sha2::Digest;
    Fingerprints {
        sha256: hex(&sha2::Sha256::digest(der)),
        sha1: hex(&sha1::Sha1::digest(der)),
    }
}

fn extension_reports(extensions: Option<&Vec<x509_cert::ext::Extension>>) -> Vec<Extension> {
    extensions
        .map(|exts| {
            exts.iter()
                .map(|e| Extension {
                    oid: crate::oid::dotted(&e.extn_id),
                    name: oid::short_name(&e.extn_id),
                    critical: e.critical,
                    value: crate::ext::decode_extension(e),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Builds the entry for one certification request.
pub fn csr_report(csr: &Csr, index: usize, origin: Origin) -> CsrReport {
    let request = csr.request();
    let (requested_extensions, requested_extensions_error) = match csr.requested_extensions() {
        Ok(extensions) => (extension_reports(Some(&extensions.to_vec())), None),
        Err(error) => (Vec::new(), Some(error.clone())),
    };
    CsrReport {
        index,
        origin,
        subject: name_report(&request.info.subject),
        public_key: spki_report(csr.spki_der()),
        signature_algorithm: signature_algorithm(&request.algorithm),
        requested_extensions,
        requested_extensions_error,
        attributes: request
            .info
            .attributes
            .iter()
            .map(|a| oid::Named::short(&a.oid))
            .collect(),
        self_signature: csr.self_signature().clone(),
        fingerprints: fingerprints(csr.der()),
        lints: crate::lint::lint_csr(csr),
    }
}

/// Most CRL signatures checked in one analysis: a hostile input of thousands of CRLs and
/// same-named certificates must not cost millions of RSA verifications. Checks past the limit
/// are reported as not made.
pub const MAX_CRL_SIGNATURE_CHECKS: usize = 256;

/// Builds the entry for one CRL; `objects` are the input's objects, searched for its issuer.
pub fn crl_report(crl: &Crl, index: usize, origin: Origin, objects: &[input::Found]) -> CrlReport {
    crl_report_within(
        crl,
        index,
        origin,
        objects,
        &Cell::new(MAX_CRL_SIGNATURE_CHECKS),
    )
}

fn crl_report_within(
    crl: &Crl,
    index: usize,
    origin: Origin,
    objects: &[input::Found],
    checks_left: &Cell<usize>,
) -> CrlReport {
    let list = crl.list();
    let tbs = &list.tbs_cert_list;
    let issuer_signatures = objects
        .iter()
        .enumerate()
        .filter_map(|(i, found)| match &found.object {
            Object::Certificate(cert) if cert.x509().tbs_certificate().subject() == &tbs.issuer => {
                let signature = match checks_left.get().checked_sub(1) {
                    Some(left) => {
                        checks_left.set(left);
                        crl.signed_by(cert)
                    }
                    None => SignatureCheck::Unsupported {
                        reason: format!(
                            "not checked: the input needs more than {MAX_CRL_SIGNATURE_CHECKS} \
                             CRL signature checks"
                        ),
                    },
                };
                Some(IssuerSignature {
                    certificate: i,
                    signature,
                })
            }
            _ => None,
        })
        .collect();
    let revoked = tbs
        .revoked_certificates
        .iter()
        .flatten()
        .enumerate()
        .map(|(position, entry)| {
            let reason = entry.crl_entry_extensions.as_ref().and_then(|exts| {
                exts.iter()
                    .find(|e| e.extn_id.to_string() == "2.5.29.21")
                    .and_then(|e| match e.extn_value.as_bytes() {
                        [0x0a, 0x01, code] => {
                            crate::chain::crl::reason_name(*code).map(str::to_owned)
                        }
                        _ => None,
                    })
            });
            RevokedReport {
                serial: serial(entry.serial_number.as_bytes()),
                revocation_date: crl_time(
                    crl,
                    &format!("tbsCertList.revokedCertificates[{position}].revocationDate"),
                    &entry.revocation_date,
                ),
                reason,
                extensions: extension_reports(entry.crl_entry_extensions.as_ref()),
            }
        })
        .collect();
    CrlReport {
        index,
        origin,
        version: match tbs.version {
            x509_cert::certificate::Version::V1 => 1,
            x509_cert::certificate::Version::V2 => 2,
            x509_cert::certificate::Version::V3 => 3,
        },
        issuer: name_report(&tbs.issuer),
        signature_algorithm: signature_algorithm(&list.signature_algorithm),
        this_update: crl_time(crl, "tbsCertList.thisUpdate", &tbs.this_update),
        next_update: tbs
            .next_update
            .as_ref()
            .map(|t| crl_time(crl, "tbsCertList.nextUpdate", t)),
        revoked,
        extensions: extension_reports(tbs.crl_extensions.as_ref()),
        issuer_signatures,
        fingerprints: fingerprints(crl.der()),
        lints: crate::lint::lint_crl(crl),
    }
}

/// A CRL's time as RFC 3339, exact before 1970 ([`Crl::exact_time`]).
fn crl_time(crl: &Crl, field: &str, time: &Time) -> String {
    crl.exact_time(field)
        .map_or_else(|| time_parts(time).1, |exact| exact.text.clone())
}

/// Builds the entry for one private key.
pub fn private_key_report(
    key: &PrivateKey,
    index: usize,
    origin: Origin,
    matches: Vec<usize>,
) -> PrivateKeyReport {
    PrivateKeyReport {
        index,
        origin,
        algorithm: oid::short_name(key.algorithm()),
        bits: key.bits(),
        curve: key.curve().map(oid::short_name),
        matches,
        lints: crate::lint::lint_key(key.deviations()),
    }
}

/// Self-signed: self-issued and the signature verifies with the certificate's own key (RFC 5280
/// 6.1). `None` when the signature cannot be checked (an algorithm certscope does not verify).
fn self_signed(cert: &Cert) -> Option<bool> {
    use crate::signature::SignatureError as E;
    let tbs = cert.x509().tbs_certificate();
    if tbs.issuer() != tbs.subject() {
        return Some(false);
    }
    match crate::signature::verify_self_signed(cert) {
        Ok(_) => Some(true),
        Err(E::Invalid { .. } | E::MalformedSignature { .. } | E::AlgorithmKeyMismatch { .. }) => {
            Some(false)
        }
        Err(_) => None,
    }
}

fn serial(bytes: &[u8]) -> Serial {
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    let significant: &[u8] = {
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        bytes.get(skip..).unwrap_or_default()
    };
    let decimal = (!negative && significant.len() <= 8).then(|| {
        significant
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
            .to_string()
    });
    Serial {
        hex: hex(bytes),
        decimal,
    }
}

/// The hash a signature algorithm OID names (RFC 3279, RFC 4055, RFC 5758).
fn signature_hash(dotted: &str) -> Option<&'static str> {
    Some(match dotted {
        "1.2.840.113549.1.1.4" => "MD5",
        "1.2.840.113549.1.1.5" | "1.2.840.10045.4.1" | "1.2.840.10040.4.3" => "SHA-1",
        "1.2.840.113549.1.1.14" | "1.2.840.10045.4.3.1" => "SHA-224",
        "1.2.840.113549.1.1.11" | "1.2.840.10045.4.3.2" | "2.16.840.1.101.3.4.3.2" => "SHA-256",
        "1.2.840.113549.1.1.12" | "1.2.840.10045.4.3.3" => "SHA-384",
        "1.2.840.113549.1.1.13" | "1.2.840.10045.4.3.4" => "SHA-512",
        _ => return None,
    })
}

/// RSASSA-PSS-params as DER sees them (RFC 4055 3.1); defaults are applied afterwards.
#[derive(der::Sequence)]
struct RawPssParameters {
    #[asn1(context_specific = "0", optional = "true")]
    hash: Option<spki::AlgorithmIdentifierOwned>,
    #[asn1(context_specific = "1", optional = "true")]
    mask_generation: Option<spki::AlgorithmIdentifierOwned>,
    #[asn1(context_specific = "2", optional = "true")]
    salt_length: Option<u32>,
    #[asn1(context_specific = "3", optional = "true")]
    trailer_field: Option<u32>,
}

fn pss_parameters(parameters: Option<&der::Any>) -> PssParameters {
    let hash_name = oid::short_name;
    let mut result = PssParameters {
        hash: "SHA-1".into(),
        mask_generation: "MGF1".into(),
        mask_generation_hash: Some("SHA-1".into()),
        salt_length: 20,
        trailer_field: 1,
        error: None,
    };
    let decoded = match parameters {
        None => return result,
        Some(any) => any.decode_as::<RawPssParameters>(),
    };
    match decoded {
        Ok(raw) => {
            if let Some(hash) = raw.hash {
                result.hash = hash_name(&hash.oid);
            }
            if let Some(mgf) = raw.mask_generation {
                result.mask_generation = oid::short_name(&mgf.oid);
                result.mask_generation_hash = mgf
                    .parameters
                    .and_then(|p| p.decode_as::<spki::AlgorithmIdentifierOwned>().ok())
                    .map(|h| hash_name(&h.oid));
                if mgf.oid.to_string() != "1.2.840.113549.1.1.8" {
                    result.mask_generation_hash = None;
                }
            }
            result.salt_length = raw.salt_length.unwrap_or(20);
            result.trailer_field = raw.trailer_field.unwrap_or(1);
        }
        Err(e) => result.error = Some(e.to_string()),
    }
    result
}

fn signature_algorithm(id: &spki::AlgorithmIdentifierOwned) -> Algorithm {
    let dotted = crate::oid::dotted(&id.oid);
    let pss = (dotted == "1.2.840.113549.1.1.10").then(|| pss_parameters(id.parameters.as_ref()));
    Algorithm {
        name: oid::name(&id.oid),
        oid: dotted.clone(),
        hash: match &pss {
            Some(pss) => Some(pss.hash.clone()),
            None => signature_hash(&dotted).map(str::to_owned),
        },
        pss,
    }
}

fn name_report(name: &x509_cert::name::Name) -> NameReport {
    NameReport {
        rfc4514: name::rfc4514(name),
        attributes: name::attributes(name),
    }
}

fn time_parts(time: &Time) -> (UnixTime, String, &'static str) {
    let dt = time.to_date_time();
    let encoding = match time {
        Time::UtcTime(_) => "UTCTime",
        Time::GeneralTime(_) => "GeneralizedTime",
    };
    (UnixTime::from(dt), dt.to_string(), encoding)
}

/// The certificate's validity, with the exact values of times before 1970 that the decoded
/// form holds as 1970-01-01 ([`Cert::exact_time`]).
fn exact_validity(cert: &Cert, now: Option<UnixTime>) -> Validity {
    let times = cert.x509().tbs_certificate().validity();
    let mut report = validity(&times.not_before, &times.not_after, now);
    let exact = |field: &str| cert.exact_time(&format!("tbsCertificate.validity.{field}"));
    let (before, after) = (exact("notBefore"), exact("notAfter"));
    if before.is_none() && after.is_none() {
        return report;
    }
    let seconds = |time: &Time| i64::try_from(UnixTime::from(time.to_date_time()).0).unwrap_or(0);
    let start = before.map_or_else(|| seconds(&times.not_before), |t| t.unix);
    let end = after.map_or_else(|| seconds(&times.not_after), |t| t.unix);
    if let Some(time) = before {
        report.not_before.clone_from(&time.text);
    }
    if let Some(time) = after {
        report.not_after.clone_from(&time.text);
    }
    report.period_days = end.saturating_sub(start).div_euclid(86_400);
    if let Some(now) = now {
        let now = i64::try_from(now.0).unwrap_or(i64::MAX);
        report.days_until_expiry = Some(end.saturating_sub(now).div_euclid(86_400));
        report.valid_at_analysis_time = Some(start <= now && now <= end);
    }
    report
}

fn validity(not_before: &Time, not_after: &Time, now: Option<UnixTime>) -> Validity {
    let (start, not_before, not_before_encoding) = time_parts(not_before);
    let (end, not_after, not_after_encoding) = time_parts(not_after);
    let days = |from: u64, to: u64| -> i64 {
        let diff = i128::from(to) - i128::from(from);
        i64::try_from(diff.div_euclid(86_400)).unwrap_or(i64::MAX)
    };
    Validity {
        not_before,
        not_after,
        not_before_encoding: not_before_encoding.to_owned(),
        not_after_encoding: not_after_encoding.to_owned(),
        period_days: days(start.0, end.0),
        days_until_expiry: now.map(|now| days(now.0, end.0)),
        valid_at_analysis_time: now.map(|now| start <= now && now <= end),
    }
}

fn public_key(cert: &Cert) -> PublicKey {
    // The certificate's own decode and its cached pin: neither re-decoded nor re-hashed.
    let spki = cert.x509().tbs_certificate().subject_public_key_info();
    key_report(spki, cert.spki_pin_base64())
}

/// The entry for a `SubjectPublicKeyInfo` given as DER.
fn spki_report(spki_der: &[u8]) -> PublicKey {
    use base64ct::Encoding;
    use der::Decode;
    use sha2::Digest;
    let pin = base64ct::Base64::encode_string(&sha2::Sha256::digest(spki_der));
    let Ok(spki) = spki::SubjectPublicKeyInfoOwned::from_der(spki_der) else {
        return PublicKey {
            algorithm: "unknown".into(),
            oid: String::new(),
            bits: None,
            curve: None,
            rsa_exponent: None,
            spki_sha256_base64: pin,
        };
    };
    key_report(&spki, pin)
}

/// The entry for a decoded `SubjectPublicKeyInfo` whose pin is `pin`.
fn key_report(spki: &spki::SubjectPublicKeyInfoOwned, pin: String) -> PublicKey {
    let described = key_description(spki);
    PublicKey {
        algorithm: described.algorithm,
        oid: crate::oid::dotted(&spki.algorithm.oid),
        bits: described.bits,
        curve: described.curve,
        rsa_exponent: described.rsa_exponent,
        spki_sha256_base64: pin,
    }
}

/// What the report and [`crate::summary`] say about a `SubjectPublicKeyInfo`: the key as
/// [`crate::facts::KeyFacts`] reads it, in words and sizes, with the size of EC explicit
/// parameters and DSA domain parameters, which only the report shows.
pub(crate) struct KeyDescription {
    /// The algorithm's short registry name.
    pub algorithm: String,
    /// Modulus length, field size, or 256/456 for Ed25519/Ed448.
    pub bits: Option<u32>,
    /// The named curve of an EC key.
    pub curve: Option<String>,
    /// The RSA public exponent, when it fits 64 bits.
    pub rsa_exponent: Option<u64>,
}

pub(crate) fn key_description(spki: &spki::SubjectPublicKeyInfoOwned) -> KeyDescription {
    use crate::facts::{KeyFacts, KeyKind};
    use const_oid::db::rfc5912;
    /// secp256k1 (SEC 2), absent from const-oid's registry.
    const SECP_256_K_1: der::asn1::ObjectIdentifier =
        der::asn1::ObjectIdentifier::new_unwrap("1.3.132.0.10");
    let mut key = KeyDescription {
        algorithm: oid::short_name(&spki.algorithm.oid),
        bits: None,
        curve: None,
        rsa_exponent: None,
    };
    match KeyFacts::of_spki(spki).kind {
        KeyKind::Rsa(rsa) | KeyKind::RsaPss(rsa) => {
            if let Some(rsa) = rsa {
                key.bits = Some(rsa.bits);
                let e = rsa.exponent.as_slice();
                if e.len() <= 8 {
                    key.rsa_exponent =
                        Some(e.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)));
                }
            }
        }
        KeyKind::Ec { curve } => {
            // Explicit parameters (SEC 1 C.2): named when they are a known curve's.
            let explicit = spki
                .algorithm
                .parameters
                .as_ref()
                .filter(|p| p.tag() == Tag::Sequence)
                .and_then(|p| der::Encode::to_der(p).ok())
                .and_then(|p| crate::input::curves::explicit(&p));
            let curve = curve.or_else(|| explicit.as_ref().and_then(|e| e.named));
            if let Some(curve) = curve {
                key.bits = match curve {
                    rfc5912::SECP_256_R_1 | SECP_256_K_1 => Some(256),
                    rfc5912::SECP_384_R_1 => Some(384),
                    rfc5912::SECP_521_R_1 => Some(521),
                    _ => None,
                };
                key.curve = Some(oid::short_name(&curve));
            }
            key.bits = key.bits.or(explicit.map(|e| e.bits));
        }
        KeyKind::Dsa => {
            key.bits = crate::input::key::dsa_bits(spki.algorithm.parameters.as_ref());
        }
        KeyKind::Ed25519 => key.bits = Some(256),
        KeyKind::Ed448 => key.bits = Some(456),
        _ => {}
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cert::bit_length;

    #[test]
    fn serial_forms() {
        assert_eq!(serial(&[0x01, 0x00]).decimal.as_deref(), Some("256"));
        assert_eq!(serial(&[0x00, 0x80]).hex, "0080");
        assert_eq!(serial(&[0x80]).decimal, None);
        assert_eq!(serial(&[0x7f; 9]).decimal, None);
    }

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_length(&[0x00, 0x80, 0x00]), 16);
        assert_eq!(bit_length(&[0x01]), 1);
        assert_eq!(bit_length(&[]), 0);
    }
}

/// The DER and ASN.1 element tree of one object, for viewers and exports.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Asn1View {
    /// Position of the object in the input.
    pub index: usize,
    /// The object's kind, as in [`ObjectReport`] (private keys are never viewed).
    #[cfg_attr(
        feature = "schema",
        schemars(extend("enum" = ["certificate", "csr", "crl", "public_key"]))
    )]
    pub kind: String,
    /// The object's DER as lowercase hex.
    pub der_hex: String,
    /// Its element tree.
    pub tree: crate::asn1::Node,
}

/// Why an [`Asn1View`] could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Asn1ViewError {
    /// The input as a whole was refused.
    Input(InputError),
    /// No object has that index.
    NoSuchObject {
        /// The index asked for.
        index: usize,
        /// How many objects the input holds.
        count: usize,
    },
    /// The object's DER did not walk.
    Decode(crate::decode::DecodeError),
    /// The object is a private key, whose bytes certscope never returns.
    PrivateKey {
        /// The index asked for.
        index: usize,
    },
}

impl std::fmt::Display for Asn1ViewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Asn1ViewError::Input(e) => e.fmt(f),
            Asn1ViewError::NoSuchObject { index, count } => {
                write!(f, "no object #{index}: the input holds {count}")
            }
            Asn1ViewError::Decode(e) => e.fmt(f),
            Asn1ViewError::PrivateKey { index } => write!(
                f,
                "object #{index} is a private key: certscope never shows or exports its bytes"
            ),
        }
    }
}

impl std::error::Error for Asn1ViewError {}

/// The DER and element tree of the object at `index` (as numbered in [`Report::objects`]).
pub fn asn1_view(
    input: &[u8],
    options: &InputOptions,
    index: usize,
) -> Result<Asn1View, Asn1ViewError> {
    let parsed = input::parse_input(input, options).map_err(Asn1ViewError::Input)?;
    let count = parsed.objects.len();
    let found = parsed
        .objects
        .get(index)
        .ok_or(Asn1ViewError::NoSuchObject { index, count })?;
    let (kind, der, tree) = match &found.object {
        Object::Certificate(cert) => (
            "certificate",
            cert.der(),
            crate::asn1::certificate_tree(cert.der()).map_err(Asn1ViewError::Decode)?,
        ),
        Object::Csr(csr) => (
            "csr",
            csr.der(),
            crate::asn1::tree(csr.der(), "certification request").map_err(Asn1ViewError::Decode)?,
        ),
        Object::Crl(crl) => (
            "crl",
            crl.der(),
            crate::asn1::tree(crl.der(), "CRL").map_err(Asn1ViewError::Decode)?,
        ),
        Object::PublicKey(key) => (
            "public_key",
            key.spki_der(),
            crate::asn1::tree(key.spki_der(), "public key").map_err(Asn1ViewError::Decode)?,
        ),
        Object::PrivateKey(_) => return Err(Asn1ViewError::PrivateKey { index }),
    };
    Ok(Asn1View {
        index,
        kind: kind.into(),
        der_hex: hex(der),
        tree,
    })
}
