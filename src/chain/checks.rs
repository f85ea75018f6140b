//! The checks made on each path: RFC 5280 section 6 and the Web PKI profile, each a named
//! [`Check`] with the certificate it concerns and where the rule comes from.

use std::cell::{Cell, OnceCell};

use const_oid::db::rfc5280 as pkix;
use const_oid::AssociatedOid;
use der::asn1::ObjectIdentifier;
use der::{DecodeOwned, Encode};
use x509_cert::ext::pkix::KeyUsages;

use super::{
    crl, names, ChainError, Check, EkuPolicy, PathReport, Profile, Purpose, VerifyOptions,
};
use crate::cert::Cert;
use crate::ext::{
    self, AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies,
    ExtendedKeyUsage, InhibitAnyPolicy, KeyUsage, Lookup, NameConstraints, PolicyConstraints,
    PolicyMappings, SubjectAltName, SubjectKeyIdentifier,
};
use crate::signature::{HashAlgorithm, KeyAlgorithm, SignatureError, Verified};
use crate::time::UnixTime;
use std::collections::HashMap;

/// `anyExtendedKeyUsage` (RFC 5280 4.2.1.12).
const ANY_EXTENDED_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37.0");

/// Extensions certscope processes; any other critical one fails the certificate (RFC 5280
/// 4.2, 6.1.4 (o)).
const KNOWN_EXTENSIONS: &[ObjectIdentifier] = &[
    pkix::ID_CE_BASIC_CONSTRAINTS,
    pkix::ID_CE_KEY_USAGE,
    pkix::ID_CE_EXT_KEY_USAGE,
    pkix::ID_CE_SUBJECT_ALT_NAME,
    pkix::ID_CE_NAME_CONSTRAINTS,
    pkix::ID_CE_CERTIFICATE_POLICIES,
    pkix::ID_CE_POLICY_CONSTRAINTS,
    pkix::ID_CE_POLICY_MAPPINGS,
    pkix::ID_CE_INHIBIT_ANY_POLICY,
    pkix::ID_CE_AUTHORITY_KEY_IDENTIFIER,
    pkix::ID_CE_SUBJECT_KEY_IDENTIFIER,
    pkix::ID_PE_AUTHORITY_INFO_ACCESS,
];

struct Recorder {
    checks: Vec<Check>,
}

impl Recorder {
    fn record(
        &mut self,
        name: &str,
        certificate: usize,
        citation: &str,
        result: Result<String, ChainError>,
    ) {
        let (passed, explanation, error) = match result {
            Ok(text) => (true, text, None),
            Err(e) => (false, e.to_string(), Some(e)),
        };
        self.checks.push(Check {
            name: name.to_string(),
            passed,
            certificate,
            explanation,
            citation: citation.to_string(),
            error,
        });
    }
}

fn profile_error(problem: impl Into<String>) -> ChainError {
    ChainError::Profile {
        problem: problem.into(),
    }
}

fn unix(time: &x509_cert::time::Time) -> UnixTime {
    UnixTime(time.to_unix_duration().as_secs())
}

/// Whether subject and issuer names are the same (RFC 5280 6.1: "self-issued").
pub fn self_issued(cert: &Cert) -> bool {
    let tbs = cert.x509().tbs_certificate();
    names::names_match(tbs.subject(), tbs.issuer())
}

/// A certificate of the path being validated, with what the checks ask of it computed at
/// most once per path: each extension decoded once (the checks used to decode the same
/// extension up to four times) and whether it is self-issued (several checks ask).
struct Checked<'a> {
    cert: &'a Cert,
    kept: Kept,
}

/// What [`Checked`] keeps, each computed on first use.
#[derive(Default)]
struct Kept {
    self_issued: OnceCell<bool>,
    basic_constraints: OnceCell<Lookup<BasicConstraints>>,
    key_usage: OnceCell<Lookup<KeyUsage>>,
    extended_key_usage: OnceCell<Lookup<ExtendedKeyUsage>>,
    subject_alt_name: OnceCell<Lookup<SubjectAltName>>,
    name_constraints: OnceCell<Lookup<NameConstraints>>,
    authority_key_identifier: OnceCell<Lookup<AuthorityKeyIdentifier>>,
    subject_key_identifier: OnceCell<Lookup<SubjectKeyIdentifier>>,
    authority_info_access: OnceCell<Lookup<AuthorityInfoAccessSyntax>>,
    certificate_policies: OnceCell<Lookup<CertificatePolicies>>,
    policy_constraints: OnceCell<Lookup<PolicyConstraints>>,
    policy_mappings: OnceCell<Lookup<PolicyMappings>>,
    inhibit_any_policy: OnceCell<Lookup<InhibitAnyPolicy>>,
}

/// An extension [`Checked`] keeps: where its decode is kept.
trait CheckedExtension: AssociatedOid + DecodeOwned<Error = der::Error> + Sized {
    fn cell<'c>(checked: &'c Checked<'_>) -> &'c OnceCell<Lookup<Self>>;
}

macro_rules! checked_extensions {
    ($($type:ty => $field:ident),* $(,)?) => {$(
        impl CheckedExtension for $type {
            fn cell<'c>(checked: &'c Checked<'_>) -> &'c OnceCell<Lookup<Self>> {
                &checked.kept.$field
            }
        }
    )*};
}

checked_extensions!(
    BasicConstraints => basic_constraints,
    KeyUsage => key_usage,
    ExtendedKeyUsage => extended_key_usage,
    SubjectAltName => subject_alt_name,
    NameConstraints => name_constraints,
    AuthorityKeyIdentifier => authority_key_identifier,
    SubjectKeyIdentifier => subject_key_identifier,
    AuthorityInfoAccessSyntax => authority_info_access,
    CertificatePolicies => certificate_policies,
    PolicyConstraints => policy_constraints,
    PolicyMappings => policy_mappings,
    InhibitAnyPolicy => inhibit_any_policy,
);

impl<'a> Checked<'a> {
    fn new(cert: &'a Cert) -> Checked<'a> {
        Checked {
            cert,
            kept: Kept::default(),
        }
    }

    /// [`ext::find`], decoded on first use.
    fn find<T: CheckedExtension>(&self) -> &Lookup<T> {
        T::cell(self).get_or_init(|| ext::find::<T>(self.cert))
    }

    /// [`ext::is_ca`].
    fn is_ca(&self) -> bool {
        matches!(self.find::<BasicConstraints>(), Lookup::Present { value, .. } if value.ca)
    }

    /// [`ext::key_usage`].
    fn key_usage(&self) -> Option<KeyUsage> {
        self.find::<KeyUsage>().value().copied()
    }

    /// [`ext::extended_key_usage`].
    fn extended_key_usage(&self) -> Option<Vec<ObjectIdentifier>> {
        self.find::<ExtendedKeyUsage>()
            .value()
            .map(|eku| eku.0.clone())
    }

    /// [`self_issued`].
    fn self_issued(&self) -> bool {
        *self.kept.self_issued.get_or_init(|| self_issued(self.cert))
    }
}

impl std::ops::Deref for Checked<'_> {
    type Target = Cert;

    fn deref(&self) -> &Cert {
        self.cert
    }
}

/// Validates one built path (`path[0]` the target, the last element trusted).
pub fn validate_path(
    pool: &[&Cert],
    path: &[usize],
    options: &VerifyOptions,
    signatures: &HashMap<(usize, usize), Result<Verified, SignatureError>>,
    comparisons: &Cell<usize>,
) -> PathReport {
    validate_path_with_names(pool, path, options, signatures, comparisons, None)
}

/// [`validate_path`], with the subject and issuer name keys of the pool when path building
/// already made them ([`super::build::Built::subjects`], [`super::build::Built::issuers`]):
/// whether a certificate is self-issued is then read from them.
pub(crate) fn validate_path_with_names(
    pool: &[&Cert],
    path: &[usize],
    options: &VerifyOptions,
    signatures: &HashMap<(usize, usize), Result<Verified, SignatureError>>,
    comparisons: &Cell<usize>,
    names: Option<(&[names::NameKey], &[names::NameKey])>,
) -> PathReport {
    let mut recorder = Recorder { checks: Vec::new() };
    let checked: Vec<(usize, Checked<'_>)> = path
        .iter()
        .filter_map(|&i| pool.get(i).map(|c| (i, Checked::new(c))))
        .collect();
    if let Some((subjects, issuers)) = names {
        for (i, cert) in &checked {
            if let (Some(subject), Some(issuer)) = (subjects.get(*i), issuers.get(*i)) {
                // `names_match` is equality of these keys.
                let _ = cert.kept.self_issued.set(subject == issuer);
            }
        }
    }
    let certs: Vec<(usize, &Checked<'_>)> = checked.iter().map(|(i, c)| (*i, c)).collect();
    let last = certs.len().saturating_sub(1);
    let web = options.profile == Profile::WebPki;
    let crls: Vec<crl::Crl> = options
        .crls
        .iter()
        .filter_map(|der| crl::Crl::from_der(der).ok())
        .collect();
    if crls.len() != options.crls.len() {
        recorder.record(
            "crl_decoding",
            0,
            "RFC 5280 5.1",
            Err(ChainError::CrlUnusable {
                problem: "a supplied CRL does not decode".to_string(),
            }),
        );
    }

    for (position, &(index, cert)) in certs.iter().enumerate() {
        let is_leaf = position == 0;
        let is_anchor = position == last;
        let issuer = certs.get(position + 1).map(|&(_, c)| c);
        every_certificate(
            &mut recorder,
            index,
            cert,
            is_anchor && !is_leaf,
            options,
            web,
        );
        if let Some(&(issuer_index, issuer)) = certs.get(position + 1) {
            let outcome = signatures
                .get(&(index, issuer_index))
                .cloned()
                .unwrap_or_else(|| crate::signature::verify_certificate_by(cert, issuer));
            signature(&mut recorder, index, cert, outcome, options, web);
        }
        if !is_leaf {
            ca_checks(
                &mut recorder,
                index,
                cert,
                &certs,
                position,
                is_anchor,
                options,
                web,
            );
        }
        if is_leaf {
            leaf_checks(&mut recorder, index, cert, options, web);
        }
        if !is_anchor || certs.len() == 1 {
            key_identifiers(&mut recorder, index, cert, is_leaf, is_anchor, web);
        }
        if is_anchor && !is_leaf {
            anchor_key_identifiers(&mut recorder, index, cert, web);
        }
        // Revocation: every certificate below the anchor, against its issuer's CRLs.
        if let (Some(issuer), false) = (issuer, options.crls.is_empty()) {
            let result = crl::check(cert, issuer, &crls, options.time).map(|found| {
                found.unwrap_or_else(|| "not checked: no CRL from this issuer given".to_string())
            });
            recorder.record("revocation", index, "RFC 5280 6.3", result);
        }
    }
    if options.crls.is_empty() {
        recorder.record(
            "revocation",
            path.first().copied().unwrap_or(0),
            "RFC 5280 6.3",
            Ok("not checked: no CRL given".to_string()),
        );
    }
    name_constraints(&mut recorder, &certs, options, web, comparisons);
    intermediates_limit(&mut recorder, &certs, options);
    let policies = policies(&mut recorder, &certs);

    let error = recorder
        .checks
        .iter()
        .filter_map(|c| c.error.clone())
        .max_by_key(ChainError::rank);
    let newest_not_before = certs
        .iter()
        .map(|(_, c)| unix(&c.x509().tbs_certificate().validity().not_before))
        .max()
        .unwrap_or(UnixTime(0));
    PathReport {
        certificates: path.to_vec(),
        valid: error.is_none(),
        checks: recorder.checks,
        error,
        newest_not_before,
        valid_policies: policies.valid,
        valid_policy_tree: policies.branches,
    }
}

/// Checks that apply to every certificate in the path, anchor included.
fn every_certificate(
    recorder: &mut Recorder,
    index: usize,
    cert: &Checked<'_>,
    is_anchor: bool,
    options: &VerifyOptions,
    web: bool,
) {
    let tbs = cert.x509().tbs_certificate();
    let validity = tbs.validity();
    let (not_before, not_after) = (unix(&validity.not_before), unix(&validity.not_after));
    let time = options.time;
    let result = if time < not_before {
        Err(ChainError::NotYetValid { time, not_before })
    } else if time > not_after {
        Err(ChainError::Expired { time, not_after })
    } else {
        Ok(format!(
            "valid from {} to {}",
            not_before.to_rfc3339().unwrap_or_default(),
            not_after.to_rfc3339().unwrap_or_default()
        ))
    };
    recorder.record("validity", index, "RFC 5280 6.1.3 (a)(2)", result);

    let version = tbs.version();
    let result =
        if version != x509_cert::certificate::Version::V3 && (web || tbs.extensions().is_some()) {
            Err(profile_error(format!(
                "version {version:?}: certificates must be v3"
            )))
        } else {
            Ok(format!("version {version:?}"))
        };
    recorder.record("version", index, "RFC 5280 4.1.2.1, CA/B BR 7.1.1", result);

    if tbs.issuer().is_empty() {
        recorder.record(
            "issuer_name",
            index,
            "RFC 5280 4.1.2.4",
            Err(profile_error("the issuer name is empty")),
        );
    }

    // Duplicate and unknown critical extensions.
    let all = ext::all(cert);
    let duplicate = all
        .iter()
        .enumerate()
        .find(|(i, e)| all.iter().skip(i + 1).any(|o| o.extn_id == e.extn_id));
    if let Some((_, e)) = duplicate {
        recorder.record(
            "duplicate_extensions",
            index,
            "RFC 5280 4.2",
            Err(profile_error(format!(
                "extension {} appears twice",
                crate::oid::name(&e.extn_id)
            ))),
        );
    }
    let unknown: Vec<&x509_cert::ext::Extension> = all
        .iter()
        .filter(|e| e.critical && !KNOWN_EXTENSIONS.contains(&e.extn_id))
        .collect();
    let result = match unknown.first() {
        Some(e) => Err(ChainError::UnknownCriticalExtension {
            oid: e.extn_id.to_string(),
        }),
        None => Ok("no critical extension certscope does not process".to_string()),
    };
    recorder.record(
        "critical_extensions",
        index,
        "RFC 5280 4.2, 6.1.4 (o)",
        result,
    );

    // Known extensions must decode.
    let mut malformed = Vec::new();
    macro_rules! decodes {
        ($($t:ty),*) => {$(
            if let Lookup::Malformed { error, .. } = cert.find::<$t>() {
                malformed.push(error.to_string());
            }
        )*};
    }
    decodes!(
        BasicConstraints,
        KeyUsage,
        ExtendedKeyUsage,
        SubjectAltName,
        NameConstraints,
        AuthorityKeyIdentifier,
        SubjectKeyIdentifier,
        AuthorityInfoAccessSyntax,
        CertificatePolicies,
        PolicyConstraints,
        PolicyMappings,
        InhibitAnyPolicy
    );
    if let Some(problem) = malformed.first() {
        recorder.record(
            "extensions_decode",
            index,
            "RFC 5280 4.2",
            Err(profile_error(problem.clone())),
        );
    }
    if web {
        if let Some(true) = cert.find::<AuthorityInfoAccessSyntax>().critical() {
            recorder.record(
                "authority_info_access",
                index,
                "RFC 5280 4.2.2.1",
                Err(profile_error("authorityInfoAccess must not be critical")),
            );
        }
    }

    // keyCertSign without cA (RFC 5280 4.2.1.3, 4.2.1.9).
    if let Some(usage) = cert.key_usage() {
        if usage.0.contains(KeyUsages::KeyCertSign) && !cert.is_ca() {
            recorder.record(
                "key_usage_consistency",
                index,
                "RFC 5280 4.2.1.3",
                Err(ChainError::KeyUsage {
                    problem: "keyCertSign is asserted but basicConstraints cA is not".to_string(),
                }),
            );
        }
    }

    // The public key.
    let spki = tbs.subject_public_key_info();
    let result = match crate::signature::certificate_key_algorithm(cert) {
        Err(e) => Err(profile_error(format!("public key: {e}"))),
        Ok(KeyAlgorithm::Rsa { bits }) if bits < options.minimum_rsa_bits => {
            Err(profile_error(format!(
                "RSA key of {bits} bits, fewer than {}",
                options.minimum_rsa_bits
            )))
        }
        Ok(KeyAlgorithm::Rsa { bits }) if web && bits % 8 != 0 => Err(profile_error(format!(
            "RSA modulus of {bits} bits is not a multiple of 8"
        ))),
        Ok(key @ KeyAlgorithm::Ec { .. }) => {
            if web
                && spki
                    .algorithm
                    .parameters
                    .as_ref()
                    .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
                    .is_none()
            {
                Err(profile_error("EC key without a named curve"))
            } else {
                Ok(key.to_string())
            }
        }
        Ok(key) => Ok(key.to_string()),
    };
    recorder.record("public_key", index, "CA/B BR 6.1.5, 7.1.3.1", result);

    if web && !is_anchor {
        let serial = tbs.serial_number().as_bytes();
        let result = if serial.len() > 20 {
            Err(profile_error(format!(
                "serial number of {} bytes, more than 20",
                serial.len()
            )))
        } else if serial.first().is_some_and(|b| b & 0x80 != 0) {
            Err(profile_error("negative serial number"))
        } else if serial.iter().all(|&b| b == 0) {
            Err(profile_error("serial number is zero"))
        } else {
            Ok("positive, at most 20 bytes".to_string())
        };
        recorder.record("serial_number", index, "RFC 5280 4.1.2.2", result);
    }
}

/// The issuer's signature on `cert` (verified while building) and the algorithm policy.
fn signature(
    recorder: &mut Recorder,
    index: usize,
    cert: &Checked<'_>,
    outcome: Result<Verified, SignatureError>,
    options: &VerifyOptions,
    web: bool,
) {
    let x509 = cert.x509();
    let (inner, outer) = (
        x509.tbs_certificate().signature(),
        x509.signature_algorithm(),
    );
    // Equal decodes encode alike: only different ones are re-encoded and compared.
    if inner != outer && inner.to_der().ok() != outer.to_der().ok() {
        recorder.record(
            "signature_algorithm_match",
            index,
            "RFC 5280 4.1.1.2",
            Err(ChainError::Signature {
                problem: "signatureAlgorithm differs from tbsCertificate.signature".to_string(),
            }),
        );
    }
    let result = match outcome {
        Err(e) => Err(ChainError::Signature {
            problem: e.to_string(),
        }),
        Ok(verified) => match verified.algorithm.hash() {
            Some(HashAlgorithm::Sha1) if !options.allow_sha1 => Err(ChainError::Signature {
                problem: format!(
                    "{} is refused: SHA-1 is no longer accepted (CA/B BR 7.1.3.2)",
                    verified.algorithm
                ),
            }),
            Some(HashAlgorithm::Sha224) if web => Err(ChainError::Signature {
                problem: format!("{} is not allowed in the Web PKI", verified.algorithm),
            }),
            _ => match verified.algorithm {
                crate::signature::SignatureAlgorithm::RsaPss { hash, salt_length }
                    if web && usize::from(salt_length) != hash.output_length() =>
                {
                    Err(ChainError::Signature {
                        problem: "RSA-PSS salt length must equal the hash length".to_string(),
                    })
                }
                _ => Ok(format!(
                    "{} with the issuer's {} key",
                    verified.algorithm, verified.key
                )),
            },
        },
    };
    recorder.record("signature", index, "RFC 5280 6.1.3 (a)(1)", result);
}

/// Checks on a certificate used as an issuer (intermediate or anchor).
#[allow(clippy::too_many_arguments)]
fn ca_checks(
    recorder: &mut Recorder,
    index: usize,
    cert: &Checked<'_>,
    certs: &[(usize, &Checked<'_>)],
    position: usize,
    is_anchor: bool,
    options: &VerifyOptions,
    web: bool,
) {
    let basic = cert.find::<BasicConstraints>();
    let result = match &basic {
        Lookup::Present { value, critical } => {
            if !value.ca {
                Err(ChainError::NotCa {
                    problem: "basicConstraints cA is FALSE".to_string(),
                })
            } else if web && !critical {
                Err(profile_error(
                    "basicConstraints of a CA must be critical (CA/B BR 7.1.2.1.4)",
                ))
            } else {
                Ok("cA TRUE".to_string())
            }
        }
        Lookup::Absent => Err(ChainError::NotCa {
            problem: "no basicConstraints extension".to_string(),
        }),
        _ => Err(ChainError::NotCa {
            problem: "basicConstraints is malformed or duplicated".to_string(),
        }),
    };
    recorder.record("basic_constraints", index, "RFC 5280 6.1.4 (k)", result);

    if let Some(path_length) = basic.value().and_then(|b| b.path_len_constraint) {
        // Intermediates between this CA and the leaf, self-issued ones not counted.
        let below = certs
            .iter()
            .take(position)
            .skip(1)
            .filter(|(_, c)| !c.self_issued())
            .count();
        let result = if below > usize::from(path_length) {
            Err(ChainError::PathLengthExceeded { path_length, below })
        } else {
            Ok(format!("pathLenConstraint {path_length}, {below} below"))
        };
        recorder.record("path_length", index, "RFC 5280 6.1.4 (m)", result);
    }

    let result = match cert.find::<KeyUsage>() {
        Lookup::Present { value, .. } if !value.0.contains(KeyUsages::KeyCertSign) => {
            Err(ChainError::KeyUsage {
                problem: "an issuer's keyUsage must assert keyCertSign".to_string(),
            })
        }
        Lookup::Present { .. } => Ok("keyCertSign asserted".to_string()),
        _ => Ok("no keyUsage extension".to_string()),
    };
    recorder.record("issuer_key_usage", index, "RFC 5280 6.1.4 (n)", result);

    if cert.x509().tbs_certificate().subject().is_empty() {
        recorder.record(
            "subject_name",
            index,
            "RFC 5280 4.1.2.6",
            Err(profile_error("a CA's subject name must not be empty")),
        );
    }

    // Extended key usage on CA certificates.
    if let Some(usages) = cert.extended_key_usage() {
        // A root is self-issued; an intermediate the caller pins as an anchor keeps its EKU.
        if web && is_anchor && cert.self_issued() {
            recorder.record(
                "extended_key_usage",
                index,
                "CA/B BR 7.1.2.1.2",
                Err(ChainError::ExtendedKeyUsage {
                    problem: "a root certificate must not carry extendedKeyUsage".to_string(),
                }),
            );
        } else if options.eku_policy == EkuPolicy::Chain {
            if let Some(purpose) = options.purpose.oid() {
                let result =
                    if usages.contains(&purpose) || usages.contains(&ANY_EXTENDED_KEY_USAGE) {
                        Ok(format!("allows {}", crate::oid::short_name(&purpose)))
                    } else {
                        Err(ChainError::ExtendedKeyUsage {
                            problem: format!(
                                "a CA's extendedKeyUsage does not allow {}",
                                crate::oid::short_name(&purpose)
                            ),
                        })
                    };
                recorder.record("extended_key_usage", index, "CA/B BR 7.1.2.2.5", result);
            }
        }
    }

    if let Lookup::Present { value, critical } = cert.find::<NameConstraints>() {
        {
            if !critical && options.profile == Profile::Rfc5280 {
                recorder.record(
                    "name_constraints_critical",
                    index,
                    "RFC 5280 4.2.1.10",
                    Err(profile_error("nameConstraints must be critical")),
                );
            }
            let empty = |s: &Option<Vec<_>>| s.as_ref().is_none_or(Vec::is_empty);
            if empty(&value.permitted_subtrees) && empty(&value.excluded_subtrees) {
                recorder.record(
                    "name_constraints",
                    index,
                    "RFC 5280 4.2.1.10",
                    Err(ChainError::NameConstraint {
                        problem: "nameConstraints with neither permitted nor excluded subtrees"
                            .to_string(),
                    }),
                );
            }
        }
    }

    if let Some(false) = cert.find::<PolicyConstraints>().critical() {
        recorder.record(
            "policy_constraints",
            index,
            "RFC 5280 4.2.1.11",
            Err(profile_error("policyConstraints must be critical")),
        );
    }
}

/// Checks on the target certificate.
fn leaf_checks(
    recorder: &mut Recorder,
    index: usize,
    cert: &Checked<'_>,
    options: &VerifyOptions,
    web: bool,
) {
    let tbs = cert.x509().tbs_certificate();
    if web && cert.is_ca() {
        recorder.record(
            "leaf_basic_constraints",
            index,
            "CA/B BR 7.1.2.7.8",
            Err(profile_error(
                "a subscriber certificate must not be a CA (cA TRUE)",
            )),
        );
    }
    if cert.find::<NameConstraints>().is_present() && !cert.is_ca() {
        recorder.record(
            "leaf_name_constraints",
            index,
            "RFC 5280 4.2.1.10",
            Err(profile_error(
                "nameConstraints is only allowed in CA certificates",
            )),
        );
    }

    // Extended key usage of the leaf.
    let eku = cert.find::<ExtendedKeyUsage>();
    if let Some(purpose) = options.purpose.oid() {
        let result = match &eku {
            Lookup::Present { value, critical } => {
                let usages = &value.0;
                if usages.is_empty() {
                    Err(ChainError::ExtendedKeyUsage {
                        problem: "extendedKeyUsage is empty".to_string(),
                    })
                } else if web && *critical {
                    Err(ChainError::ExtendedKeyUsage {
                        problem: "a subscriber's extendedKeyUsage must not be critical".to_string(),
                    })
                } else if web && usages.contains(&ANY_EXTENDED_KEY_USAGE) {
                    Err(ChainError::ExtendedKeyUsage {
                        problem: "a subscriber's extendedKeyUsage must not contain \
                                  anyExtendedKeyUsage"
                            .to_string(),
                    })
                } else if usages.contains(&purpose) {
                    Ok(format!("allows {}", crate::oid::short_name(&purpose)))
                } else if !web && usages.contains(&ANY_EXTENDED_KEY_USAGE) {
                    Ok("anyExtendedKeyUsage".to_string())
                } else {
                    Err(ChainError::ExtendedKeyUsage {
                        problem: format!(
                            "does not allow {} ({})",
                            crate::oid::short_name(&purpose),
                            usages
                                .iter()
                                .map(crate::oid::short_name)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    })
                }
            }
            Lookup::Absent => {
                Ok("no extendedKeyUsage: any purpose (RFC 5280 4.2.1.12)".to_string())
            }
            _ => Err(ChainError::ExtendedKeyUsage {
                problem: "extendedKeyUsage is malformed or duplicated".to_string(),
            }),
        };
        recorder.record("extended_key_usage", index, "RFC 5280 4.2.1.12", result);
    }
    for required in &options.required_extended_key_usage {
        let Ok(oid) = ObjectIdentifier::new(required) else {
            continue;
        };
        let allowed = match eku.value() {
            Some(v) => v.0.contains(&oid) || v.0.contains(&ANY_EXTENDED_KEY_USAGE),
            None => true,
        };
        recorder.record(
            "required_extended_key_usage",
            index,
            "RFC 5280 4.2.1.12",
            if allowed {
                Ok(format!("allows {}", crate::oid::short_name(&oid)))
            } else {
                Err(ChainError::ExtendedKeyUsage {
                    problem: format!("does not allow {}", crate::oid::short_name(&oid)),
                })
            },
        );
    }
    // The leaf's keyUsage, when present, must allow what the purpose does with the key
    // (RFC 5280 4.2.1.12: "both extensions MUST be consistent"; RFC 5246 7.4.2 / RFC 8446
    // 4.4.2 for TLS).
    if let Some(usage) = cert.key_usage() {
        use KeyUsages::{DigitalSignature, KeyAgreement, KeyEncipherment, NonRepudiation};
        let allowed: &[KeyUsages] = match options.purpose {
            Purpose::ServerAuth => &[DigitalSignature, KeyEncipherment, KeyAgreement],
            Purpose::ClientAuth => &[DigitalSignature, KeyAgreement],
            Purpose::EmailProtection => &[
                DigitalSignature,
                NonRepudiation,
                KeyEncipherment,
                KeyAgreement,
            ],
            Purpose::CodeSigning | Purpose::TimeStamping | Purpose::OcspSigning => {
                &[DigitalSignature, NonRepudiation]
            }
            _ => &[],
        };
        if !allowed.is_empty() {
            let result = if allowed.iter().any(|&u| usage.0.contains(u)) {
                Ok("keyUsage allows the purpose".to_string())
            } else {
                Err(ChainError::KeyUsage {
                    problem: "the leaf's keyUsage allows none of the uses the purpose needs"
                        .to_string(),
                })
            };
            recorder.record(
                "leaf_key_usage",
                index,
                "RFC 5280 4.2.1.3, 4.2.1.12",
                result,
            );
        }
    }
    if !options.required_key_usage.is_empty() {
        if let Some(usage) = cert.key_usage() {
            for name in &options.required_key_usage {
                let flag = key_usage_flag(name);
                let ok = flag.is_some_and(|f| usage.0.contains(f));
                recorder.record(
                    "required_key_usage",
                    index,
                    "RFC 5280 4.2.1.3",
                    if ok {
                        Ok(format!("{name} asserted"))
                    } else {
                        Err(ChainError::KeyUsage {
                            problem: format!("{name} is not asserted"),
                        })
                    },
                );
            }
        }
    }

    // subjectAltName rules.
    let san = cert.find::<SubjectAltName>();
    let subject_empty = tbs.subject().is_empty();
    match &san {
        Lookup::Present { value, critical } => {
            if subject_empty && !critical {
                recorder.record(
                    "subject_alt_name",
                    index,
                    "RFC 5280 4.2.1.6",
                    Err(profile_error(
                        "with an empty subject, subjectAltName must be critical",
                    )),
                );
            }
            if web && !subject_empty && *critical {
                recorder.record(
                    "subject_alt_name",
                    index,
                    "CA/B BR 7.1.2.7.12",
                    Err(profile_error(
                        "subjectAltName must not be critical when the subject is not empty",
                    )),
                );
            }
            if web && options.purpose == Purpose::ServerAuth {
                for name in &value.0 {
                    if let x509_cert::ext::pkix::name::GeneralName::DnsName(dns) = name {
                        let dns = dns.as_str();
                        let ok = names::valid_dns_name(dns, true)
                            && dns.parse::<std::net::Ipv4Addr>().is_err();
                        if !ok {
                            recorder.record(
                                "subject_alt_name",
                                index,
                                "CA/B BR 7.1.2.7.12",
                                Err(profile_error(format!(
                                    "dNSName {dns:?} is not a valid host name"
                                ))),
                            );
                        }
                    }
                }
            }
        }
        Lookup::Absent => {
            if subject_empty {
                recorder.record(
                    "subject_alt_name",
                    index,
                    "RFC 5280 4.1.2.6",
                    Err(profile_error("an empty subject requires a subjectAltName")),
                );
            }
            if web && options.purpose == Purpose::ServerAuth {
                recorder.record(
                    "subject_alt_name",
                    index,
                    "CA/B BR 7.1.2.7.12",
                    Err(profile_error(
                        "a server certificate must have a subjectAltName",
                    )),
                );
            }
        }
        _ => {}
    }

    if web && options.purpose == Purpose::ServerAuth {
        if let Lookup::Present { value, .. } = &san {
            let result = common_names_in_san(cert, &value.0);
            recorder.record("common_name", index, "CA/B BR 7.1.4.3", result);
        }
    }
    if let Some(expected) = &options.host {
        let result = names::matches_host(cert, expected, options.common_name_fallback)
            .map(|()| format!("matches {expected}"))
            .map_err(|problem| ChainError::NameMismatch { problem });
        recorder.record("host_name", index, "RFC 6125 6.4", result);
    }
    for expected in &options.identities {
        let result = names::matches_host(cert, expected, false)
            .map(|()| format!("carries {expected}"))
            .map_err(|problem| ChainError::NameMismatch { problem });
        recorder.record("identity", index, "RFC 5280 4.2.1.6", result);
    }
}

fn key_usage_flag(name: &str) -> Option<KeyUsages> {
    Some(match name {
        "digitalSignature" => KeyUsages::DigitalSignature,
        "nonRepudiation" | "contentCommitment" => KeyUsages::NonRepudiation,
        "keyEncipherment" => KeyUsages::KeyEncipherment,
        "dataEncipherment" => KeyUsages::DataEncipherment,
        "keyAgreement" => KeyUsages::KeyAgreement,
        "keyCertSign" => KeyUsages::KeyCertSign,
        "cRLSign" => KeyUsages::CRLSign,
        "encipherOnly" => KeyUsages::EncipherOnly,
        "decipherOnly" => KeyUsages::DecipherOnly,
        _ => return None,
    })
}

/// Key identifiers of a certificate below the anchor (RFC 5280 4.2.1.1, 4.2.1.2; CA/B BR
/// 7.1.2.7.6, 7.1.2.2).
fn key_identifiers(
    recorder: &mut Recorder,
    index: usize,
    cert: &Checked<'_>,
    is_leaf: bool,
    is_anchor: bool,
    web: bool,
) {
    let aki = cert.find::<AuthorityKeyIdentifier>();
    let ski = cert.find::<SubjectKeyIdentifier>();
    if aki.critical() == Some(true) {
        recorder.record(
            "authority_key_identifier",
            index,
            "RFC 5280 4.2.1.1",
            Err(profile_error("authorityKeyIdentifier must not be critical")),
        );
    }
    if ski.critical() == Some(true) {
        recorder.record(
            "subject_key_identifier",
            index,
            "RFC 5280 4.2.1.2",
            Err(profile_error("subjectKeyIdentifier must not be critical")),
        );
    }
    if !web || is_anchor {
        return;
    }
    let has_key_id = aki.value().is_some_and(|a| a.key_identifier.is_some());
    if !has_key_id {
        recorder.record(
            "authority_key_identifier",
            index,
            "RFC 5280 4.2.1.1, CA/B BR 7.1.2.7.6",
            Err(profile_error(
                "authorityKeyIdentifier with a keyIdentifier is required",
            )),
        );
    }
    if !is_leaf && !ski.is_present() {
        recorder.record(
            "subject_key_identifier",
            index,
            "RFC 5280 4.2.1.2",
            Err(profile_error(
                "a CA certificate must have a subjectKeyIdentifier",
            )),
        );
    }
}

/// Key identifiers of the trust anchor (CA/B BR 7.1.2.1.3).
fn anchor_key_identifiers(recorder: &mut Recorder, index: usize, cert: &Checked<'_>, web: bool) {
    let aki = cert.find::<AuthorityKeyIdentifier>();
    let ski = cert.find::<SubjectKeyIdentifier>();
    for (name, critical) in [
        ("authority_key_identifier", aki.critical()),
        ("subject_key_identifier", ski.critical()),
    ] {
        if critical == Some(true) {
            recorder.record(
                name,
                index,
                "RFC 5280 4.2.1.1, 4.2.1.2",
                Err(profile_error(format!("{name} must not be critical"))),
            );
        }
    }
    if !web {
        return;
    }
    if !ski.is_present() {
        recorder.record(
            "subject_key_identifier",
            index,
            "RFC 5280 4.2.1.2",
            Err(profile_error(
                "a CA certificate must have a subjectKeyIdentifier",
            )),
        );
    }
    // Verified only when it matters: a root with an authorityKeyIdentifier.
    let self_signed = || cert.self_issued() && crate::signature::verify_self_signed(cert).is_ok();
    // A missing authorityKeyIdentifier on an anchor is accepted: the caller trusts it as
    // given (an anchor is a name and a key, RFC 5280 6.1.1 (d)).
    match aki.value() {
        None => {}
        Some(a) => {
            let result = if a.authority_cert_issuer.is_some()
                || a.authority_cert_serial_number.is_some()
            {
                Err(profile_error(
                    "a root's authorityKeyIdentifier must hold only a keyIdentifier",
                ))
            } else if a.key_identifier.is_none() {
                Err(profile_error(
                    "a root's authorityKeyIdentifier lacks a keyIdentifier",
                ))
            } else if ski.value().map(|s| s.0.as_bytes())
                != a.key_identifier.as_ref().map(|k| k.as_bytes())
                && self_signed()
            {
                Err(profile_error("a self-signed root's authorityKeyIdentifier differs from its subjectKeyIdentifier"))
            } else {
                Ok("keyIdentifier only".to_string())
            };
            recorder.record(
                "authority_key_identifier",
                index,
                "CA/B BR 7.1.2.1.3",
                result,
            );
        }
    }
}

/// Name constraints of every CA applied to the certificates below it (RFC 5280 6.1.3 (b),
/// (c)); self-issued intermediates are exempt (6.1.3 (b)).
fn name_constraints(
    recorder: &mut Recorder,
    certs: &[(usize, &Checked<'_>)],
    options: &VerifyOptions,
    _web: bool,
    comparisons: &Cell<usize>,
) {
    for (j, &(ca_index, ca)) in certs.iter().enumerate().skip(1) {
        let Some(constraints) = ca.find::<NameConstraints>().value().cloned() else {
            continue;
        };
        for (i, &(index, cert)) in certs.iter().enumerate().take(j) {
            if i > 0 && cert.self_issued() {
                continue;
            }
            let result = names::subject_names(cert).and_then(|subject_names| {
                names::check_constraints(
                    &constraints,
                    &subject_names,
                    comparisons,
                    options.budget.name_constraint_comparisons,
                )
            });
            let result =
                result.map(|()| format!("names within the constraints of certificate {ca_index}"));
            recorder.record("name_constraints", index, "RFC 5280 6.1.3 (b), (c)", result);
        }
    }
}

/// The caller's maximum number of intermediates; self-issued ones do not count.
fn intermediates_limit(
    recorder: &mut Recorder,
    certs: &[(usize, &Checked<'_>)],
    options: &VerifyOptions,
) {
    let Some(limit) = options.max_intermediates else {
        return;
    };
    let count = certs
        .iter()
        .skip(1)
        .take(certs.len().saturating_sub(2))
        .filter(|(_, c)| !c.self_issued())
        .count();
    let result = if count > limit {
        Err(ChainError::TooManyIntermediates { count, limit })
    } else {
        Ok(format!("{count} intermediates, at most {limit}"))
    };
    recorder.record(
        "max_intermediates",
        certs.first().map_or(0, |c| c.0),
        "caller's limit",
        result,
    );
}

/// `anyPolicy` (RFC 5280 4.2.1.4).
const ANY_POLICY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.32.0");

/// One node of the deepest level of the valid policy tree (RFC 5280 6.1.2 (a)), with the
/// valid policies of its ancestors.
///
/// Nodes of one level with the same valid policy are merged, keeping the first parent's
/// branch: the outcome depends only on the deepest level, and merging keeps the level's size
/// bounded by the number of distinct policies, where the tree itself can grow exponentially
/// with the path's length (CVE-2023-0464).
struct PolicyNode {
    valid_policy: ObjectIdentifier,
    expected: std::collections::BTreeSet<ObjectIdentifier>,
    /// The valid policies from depth 0 (`anyPolicy`) down to this node's parent.
    ancestors: Vec<ObjectIdentifier>,
}

impl PolicyNode {
    fn child(&self, valid_policy: ObjectIdentifier) -> PolicyNode {
        let mut ancestors = self.ancestors.clone();
        ancestors.push(self.valid_policy);
        PolicyNode {
            valid_policy,
            expected: std::collections::BTreeSet::from([valid_policy]),
            ancestors,
        }
    }
}

/// The outcome of policy processing: the valid policies and, for each, its branch of the
/// valid policy tree.
pub(crate) struct PolicyOutcome {
    pub valid: Option<Vec<String>>,
    pub branches: Option<Vec<Vec<String>>>,
}

/// Certificate policy processing (RFC 5280 6.1.2 to 6.1.5) with user-initial-policy-set
/// `anyPolicy` and no initial explicit-policy, mapping or any-policy inhibition. Only the
/// deepest level of the valid policy tree is kept, which is all the outcome depends on.
/// Returns the valid policies of the path and their branches (`None` when the tree is NULL).
fn policies(recorder: &mut Recorder, certs: &[(usize, &Checked<'_>)]) -> PolicyOutcome {
    use std::collections::BTreeSet;
    let target = certs.first().map_or(0, |c| c.0);
    // The certificates below the anchor, from the anchor's child down to the target.
    let path: Vec<(usize, &Checked<'_>)> = certs
        .iter()
        .take(certs.len().saturating_sub(1).max(1))
        .rev()
        .copied()
        .collect();
    let n = path.len();
    let null = PolicyOutcome {
        valid: None,
        branches: None,
    };
    let mut tree = Some(vec![PolicyNode {
        valid_policy: ANY_POLICY,
        expected: BTreeSet::from([ANY_POLICY]),
        ancestors: Vec::new(),
    }]);
    let (mut explicit_policy, mut inhibit_any, mut policy_mapping) = (n + 1, n + 1, n + 1);
    let fail = |recorder: &mut Recorder, index: usize, problem: String| {
        recorder.record(
            "certificate_policies",
            index,
            "RFC 5280 6.1.3 (d)-(f), 6.1.4, 6.1.5",
            Err(ChainError::Policy { problem }),
        );
    };
    for (i, &(index, cert)) in path.iter().enumerate() {
        let is_last = i + 1 == n;
        let self_issued = cert.self_issued();
        // 6.1.3 (d), (e): extend the tree with the certificate's policies.
        let certificate_policies = cert.find::<CertificatePolicies>();
        match (certificate_policies.value(), tree.take()) {
            (Some(cp), Some(nodes)) => {
                let mut next: Vec<PolicyNode> = Vec::new();
                for info in cp.0.iter().filter(|p| p.policy_identifier != ANY_POLICY) {
                    let policy = info.policy_identifier;
                    // 6.1.3 (d) (1): under a node expecting it; (2): else under anyPolicy.
                    let parent = nodes
                        .iter()
                        .find(|node| node.expected.contains(&policy))
                        .or_else(|| nodes.iter().find(|node| node.valid_policy == ANY_POLICY));
                    if let Some(parent) = parent {
                        if !next.iter().any(|x| x.valid_policy == policy) {
                            next.push(parent.child(policy));
                        }
                    }
                }
                let has_any = cp.0.iter().any(|p| p.policy_identifier == ANY_POLICY);
                if has_any && (inhibit_any > 0 || (!is_last && self_issued)) {
                    for node in &nodes {
                        for expected in &node.expected {
                            if !next.iter().any(|x| x.valid_policy == *expected) {
                                next.push(node.child(*expected));
                            }
                        }
                    }
                }
                tree = (!next.is_empty()).then_some(next);
            }
            _ => tree = None,
        }
        if is_last {
            // 6.1.5 (a), (b).
            if !self_issued {
                explicit_policy = explicit_policy.saturating_sub(1);
            }
            if let Some(pc) = cert.find::<PolicyConstraints>().value() {
                if pc.require_explicit_policy == Some(0) {
                    explicit_policy = 0;
                }
            }
        } else {
            // 6.1.4 (a), (b): policy mappings.
            if let Some(mappings) = cert.find::<PolicyMappings>().value() {
                if mappings.0.iter().any(|m| {
                    m.issuer_domain_policy == ANY_POLICY || m.subject_domain_policy == ANY_POLICY
                }) {
                    fail(recorder, index, "anyPolicy may not be mapped".to_string());
                    return null;
                }
                if let Some(nodes) = tree.as_mut() {
                    let issuer_policies: BTreeSet<ObjectIdentifier> =
                        mappings.0.iter().map(|m| m.issuer_domain_policy).collect();
                    for issuer_policy in issuer_policies {
                        let mapped: BTreeSet<ObjectIdentifier> = mappings
                            .0
                            .iter()
                            .filter(|m| m.issuer_domain_policy == issuer_policy)
                            .map(|m| m.subject_domain_policy)
                            .collect();
                        if policy_mapping > 0 {
                            let mut found = false;
                            for node in nodes.iter_mut() {
                                if node.valid_policy == issuer_policy {
                                    node.expected = mapped.clone();
                                    found = true;
                                }
                            }
                            let any = nodes.iter().find(|x| x.valid_policy == ANY_POLICY);
                            if let (false, Some(any)) = (found, any) {
                                // 6.1.4 (b) (1): a sibling of the anyPolicy node.
                                nodes.push(PolicyNode {
                                    valid_policy: issuer_policy,
                                    expected: mapped,
                                    ancestors: any.ancestors.clone(),
                                });
                            }
                        } else {
                            nodes.retain(|x| x.valid_policy != issuer_policy);
                        }
                    }
                    if nodes.is_empty() {
                        tree = None;
                    }
                }
            }
            // 6.1.4 (h), (i), (j).
            if !self_issued {
                explicit_policy = explicit_policy.saturating_sub(1);
                policy_mapping = policy_mapping.saturating_sub(1);
                inhibit_any = inhibit_any.saturating_sub(1);
            }
            if let Some(pc) = cert.find::<PolicyConstraints>().value() {
                if let Some(r) = pc.require_explicit_policy {
                    explicit_policy = explicit_policy.min(usize::try_from(r).unwrap_or(usize::MAX));
                }
                if let Some(m) = pc.inhibit_policy_mapping {
                    policy_mapping = policy_mapping.min(usize::try_from(m).unwrap_or(usize::MAX));
                }
            }
            if let Some(skip) = cert.find::<InhibitAnyPolicy>().value() {
                inhibit_any = inhibit_any.min(usize::try_from(skip.0).unwrap_or(usize::MAX));
            }
        }
        // 6.1.3 (f).
        if explicit_policy == 0 && tree.is_none() {
            fail(
                recorder,
                index,
                "an explicit policy is required but no valid policy remains".to_string(),
            );
            return null;
        }
    }
    let valid: Option<Vec<String>> = tree.as_ref().map(|nodes| {
        nodes
            .iter()
            .map(|node| crate::oid::short_name(&node.valid_policy))
            .collect()
    });
    let branches: Option<Vec<Vec<String>>> = tree.map(|nodes| {
        nodes
            .iter()
            .map(|node| {
                node.ancestors
                    .iter()
                    .chain(std::iter::once(&node.valid_policy))
                    .map(crate::oid::short_name)
                    .collect()
            })
            .collect()
    });
    let explanation = match &valid {
        Some(list) => format!("valid policies: {}", list.join(", ")),
        None => "no valid policy tree (no explicit policy is required)".to_string(),
    };
    recorder.record(
        "certificate_policies",
        target,
        "RFC 5280 6.1.5 (g)",
        Ok(explanation),
    );
    PolicyOutcome { valid, branches }
}

/// A subject CN that stands for a SAN value must be written exactly as that value: a dNSName
/// byte for byte (not in other case, not as a U-label), an iPAddress in its canonical text
/// (dotted decimal; RFC 5952 for IPv6) (CA/B BR 7.1.4.3).
///
/// A CN naming something absent from the SAN is not refused here: certscope never matches the
/// host against the CN, and x509-limbo's own valid cases carry such CNs.
fn common_names_in_san(
    cert: &Cert,
    sans: &[x509_cert::ext::pkix::name::GeneralName],
) -> Result<String, ChainError> {
    use x509_cert::ext::pkix::name::GeneralName;
    let subject = cert.x509().tbs_certificate().subject();
    for atv in subject.iter() {
        if atv.oid != const_oid::db::rfc4519::CN {
            continue;
        }
        let (text, _) = crate::name::value_text(&atv.value);
        let text = text.unwrap_or_default();
        let exact = sans.iter().any(|name| match name {
            GeneralName::DnsName(dns) => dns.as_str() == text,
            GeneralName::IpAddress(ip) => ip_text(ip.as_bytes()).is_some_and(|t| t == text),
            _ => false,
        });
        if exact {
            continue;
        }
        let lenient_ip = lenient_ip(&text);
        let represents = !text.is_ascii()
            || sans.iter().any(|name| match name {
                GeneralName::DnsName(dns) => dns.as_str().eq_ignore_ascii_case(&text),
                GeneralName::IpAddress(ip) => lenient_ip.as_deref() == Some(ip.as_bytes()),
                _ => false,
            });
        if represents {
            return Err(profile_error(format!(
                "subject CN {text:?} is not written exactly as a subjectAltName value"
            )));
        }
    }
    Ok("no subject CN misstates a subjectAltName value".to_string())
}

fn ip_text(bytes: &[u8]) -> Option<String> {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        return Some(std::net::IpAddr::from(v4).to_string());
    }
    <[u8; 16]>::try_from(bytes)
        .ok()
        .map(|v6| std::net::IpAddr::from(v6).to_string())
}

/// Reads an IP address the way lenient parsers do (`inet_aton`: hex, leading zeros; IPv6 in
/// any case or expansion), to recognise a CN that names an address in a non-canonical form.
fn lenient_ip(text: &str) -> Option<Vec<u8>> {
    if let Ok(v6) = text.parse::<std::net::Ipv6Addr>() {
        return Some(v6.octets().to_vec());
    }
    let number = |part: &str| -> Option<u32> {
        match part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => part.parse::<u32>().ok(),
        }
    };
    let parts: Vec<&str> = text.split('.').collect();
    match parts.as_slice() {
        [single] => number(single).map(|n| n.to_be_bytes().to_vec()),
        [a, b, c, d] => {
            let octets = [number(a)?, number(b)?, number(c)?, number(d)?];
            octets
                .iter()
                .map(|&o| u8::try_from(o).ok())
                .collect::<Option<Vec<u8>>>()
        }
        _ => None,
    }
}
