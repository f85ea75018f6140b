//! The checks made on each path: RFC 5280 section 6 and the Web PKI profile, each a named
//! [`Check`] with the certificate it concerns and where the rule comes from.

use std::cell::Cell;

use const_oid::db::rfc5280 as pkix;
use der::asn1::ObjectIdentifier;
use der::Encode;
use x509_cert::ext::pkix::KeyUsages;

use super::catalogue::CheckId;
use super::{names, ChainError, Check, EkuPolicy, PathReport, Purpose, VerifyOptions};
use crate::cert::Cert;
use crate::ext::{
    self, AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies,
    ExtendedKeyUsage, InhibitAnyPolicy, KeyUsage, Lookup, NameConstraints, PolicyConstraints,
    PolicyMappings, SubjectAltName, SubjectKeyIdentifier,
};
use crate::facts::CertFacts;
use crate::signature::{HashAlgorithm, KeyAlgorithm, SignatureError, Verified};
use crate::time::UnixTime;
use std::collections::HashMap;

use super::profile::{auth_level_bits, rsa_security_bits, AnchorRules, PurposeRules};
use crate::role::stacks::Stack;

mod ca;
mod certificate;
mod key_ids;
mod leaf;
mod policy;
mod purpose;
mod signature;
mod stack;
mod subject_names;
pub(crate) mod trust;
mod validity;

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
    // OCSP No Check (RFC 6960 4.2.2.2.1): it tells OCSP clients not to check the responder's
    // status, which changes nothing in path validation.
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.5"),
];

/// The extensions OpenSSL 3.0 processes when critical (`X509_supported_extension` in
/// `crypto/x509/v3_purp.c`): not the key identifiers nor authorityInfoAccess (checked against
/// the stacks' answers, `tests/stacks.rs`), but the Netscape cert type.
const OPENSSL_EXTENSIONS: &[ObjectIdentifier] = &[
    ObjectIdentifier::new_unwrap("2.16.840.1.113730.1.1"),
    pkix::ID_CE_KEY_USAGE,
    pkix::ID_CE_SUBJECT_ALT_NAME,
    pkix::ID_CE_BASIC_CONSTRAINTS,
    pkix::ID_CE_CERTIFICATE_POLICIES,
    // cRLDistributionPoints.
    ObjectIdentifier::new_unwrap("2.5.29.31"),
    pkix::ID_CE_EXT_KEY_USAGE,
    pkix::ID_CE_POLICY_CONSTRAINTS,
    pkix::ID_CE_NAME_CONSTRAINTS,
    pkix::ID_CE_POLICY_MAPPINGS,
    pkix::ID_CE_INHIBIT_ANY_POLICY,
    // OCSP No Check (RFC 6960 4.2.2.2.1).
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.5"),
    // proxyCertInfo (RFC 3820), sbgp-ipAddrBlock and sbgp-autonomousSysNum (RFC 3779).
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.14"),
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.7"),
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.8"),
];

struct Recorder {
    checks: Vec<Check>,
}

impl Recorder {
    /// Records a check, cited as the catalogue cites it ([`CheckId::citation`]).
    fn record(&mut self, name: CheckId, certificate: usize, result: Result<String, ChainError>) {
        self.checks
            .push(Check::new(name, certificate, name.citation(), result));
    }

    /// Records a check a TLS stack's profile makes as that stack does, cited by the stack's
    /// version (the behaviour the profile reproduces, checked on the corpus of `stacks/`).
    fn record_as(
        &mut self,
        stack: Stack,
        name: CheckId,
        certificate: usize,
        result: Result<String, ChainError>,
    ) {
        self.checks
            .push(Check::new(name, certificate, stack.version(), result));
    }
}

fn unix(time: &x509_cert::time::Time) -> UnixTime {
    UnixTime(time.to_unix_duration().as_secs())
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
    let checked: Vec<(usize, CertFacts<'_>)> = path
        .iter()
        .filter_map(|&i| pool.get(i).map(|c| (i, c.facts())))
        .collect();
    if let Some((subjects, issuers)) = names {
        for (i, cert) in &checked {
            if let (Some(subject), Some(issuer)) = (subjects.get(*i), issuers.get(*i)) {
                // `names_match` is equality of these keys.
                cert.know_self_issued(subject == issuer);
            }
        }
    }
    let certs: Vec<(usize, &CertFacts<'_>)> = checked.iter().map(|(i, c)| (*i, c)).collect();
    let last = certs.len().saturating_sub(1);
    let web = options.profile.spec().web_pki;
    for (position, &(index, cert)) in certs.iter().enumerate() {
        let is_leaf = position == 0;
        let is_anchor = position == last;
        certificate::every_certificate(
            &mut recorder,
            index,
            cert,
            is_anchor && !is_leaf,
            is_leaf,
            options,
            web,
        );
        if let Some(&(issuer_index, issuer)) = certs.get(position + 1) {
            let outcome = signatures
                .get(&(index, issuer_index))
                .cloned()
                .unwrap_or_else(|| crate::signature::verify_certificate_by(cert, issuer));
            signature::signature(&mut recorder, index, cert, outcome, options, web);
        }
        if !is_leaf {
            ca::ca_checks(
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
            leaf::leaf_checks(&mut recorder, index, cert, options, web);
        }
        if !is_anchor || certs.len() == 1 {
            key_ids::key_identifiers(&mut recorder, index, cert, is_leaf, is_anchor, web);
        }
        purpose::openssl_purpose(&mut recorder, index, cert, is_leaf, is_anchor, options);
        if is_anchor {
            trust::anchor_trust(&mut recorder, index, cert, options);
            trust::openssl_anchor(&mut recorder, index, cert, options);
        }
        if is_anchor && !is_leaf {
            key_ids::anchor_key_identifiers(&mut recorder, index, cert, web);
        }
    }
    subject_names::name_constraints(&mut recorder, &certs, options, web, comparisons);
    ca::intermediates_limit(&mut recorder, &certs, options);
    let policies = policy::policies(&mut recorder, &certs, options);
    // OpenSSL evaluates policies only when asked (X509_V_FLAG_POLICY_CHECK, which -policy,
    // -explicit_policy, -inhibit_any and -inhibit_map set): a requireExplicitPolicy in the
    // path does not fail it otherwise.
    let policy_asked = !options.initial_policies.is_empty()
        || options.initial_explicit_policy
        || options.initial_policy_mapping_inhibit
        || options.initial_any_policy_inhibit;
    if options.profile.spec().purposes == PurposeRules::Openssl && !policy_asked {
        recorder
            .checks
            .retain(|check| check.name != "certificate_policies");
    }
    if let Some(chain) = &options.profile.spec().stack {
        stack::stack_checks(&mut recorder, &certs, options, chain, comparisons);
    }

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
        profile: options.profile,
        profile_because: "asked for".to_owned(),
        valid: error.is_none(),
        checks: recorder.checks,
        error,
        newest_not_before,
        valid_policies: policies.valid,
        valid_policy_tree: policies.branches,
        authorities_constrained_policies: policies.authorities_constrained,
        revocation: Vec::new(),
        unused_crls: Vec::new(),
        web_pki_findings: Vec::new(),
    }
}
