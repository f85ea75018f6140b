//! The roles and their evidence.

use x509_cert::ext::pkix::constraints::name::GeneralSubtrees;

use super::{contains, oids, CaDetails, CaState, Confidence, Evidence, Facts, Role, RoleKind};
use crate::cert::Cert;
use crate::ext::{self, NameConstraints};
use crate::oid;
use crate::purpose::key_usage_bits as ku;

const HEURISTIC: &str = "self-signed by heuristic: subject equals issuer and the \
    authorityKeyIdentifier is absent or equals the subjectKeyIdentifier (the signature algorithm \
    is not one certscope verifies)";
const VERIFIED: &str = "self-signed: the signature verifies with the certificate's own key";

/// How the self-signed verdict was reached, for evidence.
fn self_signed_basis(facts: &Facts<'_>) -> &'static str {
    if facts.self_signature_verified {
        VERIFIED
    } else {
        HEURISTIC
    }
}

/// Every role of the certificate, CA roles first; [`RoleKind::Unknown`] when none applies.
pub(super) fn roles(facts: &Facts<'_>, bag: &[(usize, &Cert)]) -> Vec<Role> {
    let mut roles = Vec::new();
    ca_roles(facts, bag, &mut roles);
    if facts.has_extension(oids::CT_POISON) {
        roles.push(role(
            RoleKind::CtPrecertificate,
            true,
            Confidence::Certain,
            vec![Evidence::new(
                "ctPoison",
                "the critical poison extension 1.3.6.1.4.1.11129.2.4.3 is present: this is a \
                 precertificate logged to Certificate Transparency, which no TLS client accepts \
                 (RFC 6962 3.1)",
            )],
            Vec::new(),
        ));
    }
    // With a broken basicConstraints the certificate might be a CA: no end-entity role.
    if matches!(facts.ca_state, CaState::Absent | CaState::NotCa) {
        end_entity_roles(facts, &mut roles);
    }
    if facts.has_extension(oids::CT_POISON) {
        for role in roles
            .iter_mut()
            .filter(|role| role.role != RoleKind::CtPrecertificate)
        {
            role.usable = false;
            role.restricted_by.push(Evidence::new(
                "ctPoison",
                "a precertificate: verifiers refuse the critical poison extension; only the \
                 final certificate is used (RFC 6962 3.1)",
            ));
        }
    }
    if roles.is_empty() {
        let mut granted = Vec::new();
        if let Some(list) = facts.extended_key_usage {
            for id in list {
                granted.push(Evidence::with_oid(
                    "extendedKeyUsage",
                    id,
                    format!(
                        "extendedKeyUsage contains {}, which certscope does not map to a role",
                        oid::describe(id)
                    ),
                ));
            }
        }
        if facts.extended_key_usage_broken {
            granted.push(Evidence::new(
                "extendedKeyUsage",
                "extendedKeyUsage is malformed or duplicated: verifiers reject the certificate",
            ));
        }
        if facts.ca_state == CaState::Broken {
            granted.push(Evidence::new(
                "basicConstraints",
                "basicConstraints is malformed or duplicated: CA status cannot be decided",
            ));
        }
        roles.push(role(
            RoleKind::Unknown,
            false,
            Confidence::Possible,
            granted,
            Vec::new(),
        ));
    }
    roles
}

fn role(
    kind: RoleKind,
    usable: bool,
    confidence: Confidence,
    granted_by: Vec<Evidence>,
    restricted_by: Vec<Evidence>,
) -> Role {
    Role {
        role: kind,
        label: kind.label().to_owned(),
        usable,
        confidence,
        granted_by,
        restricted_by,
        ca: None,
    }
}

/// Root, intermediate, cross-certificate; and the self-signed end entity, which is decided on
/// the same facts. RFC 5280 4.2.1.9: only basicConstraints makes a CA.
fn ca_roles(facts: &Facts<'_>, bag: &[(usize, &Cert)], roles: &mut Vec<Role>) {
    let basic = Evidence::with_oid(
        "basicConstraints",
        &const_oid::db::rfc5280::ID_CE_BASIC_CONSTRAINTS,
        match facts.path_len {
            Some(len) => format!("basicConstraints cA TRUE, pathLenConstraint {len}"),
            None => "basicConstraints cA TRUE, no pathLenConstraint".to_owned(),
        },
    );
    let mut restricted = Vec::new();
    if !facts.key_usage_allows(ku::KEY_CERT_SIGN) {
        restricted.push(Evidence::with_oid(
            "keyUsage",
            &const_oid::db::rfc5280::ID_CE_KEY_USAGE,
            "keyUsage lacks keyCertSign: the key cannot sign certificates (RFC 5280 4.2.1.3)",
        ));
    }
    let can_sign = facts.key_usage_allows(ku::KEY_CERT_SIGN);
    let kind = match (
        facts.ca_state,
        facts.self_issued,
        facts.self_signed_heuristic,
    ) {
        (CaState::Ca, true, true) => Some((
            RoleKind::RootCa,
            vec![
                basic,
                Evidence::new(
                    "issuer",
                    format!("subject equals issuer; {}", self_signed_basis(facts)),
                ),
            ],
        )),
        (CaState::Ca, true, false) => Some((
            RoleKind::IntermediateCa,
            vec![
                basic,
                Evidence::new(
                    "authorityKeyIdentifier",
                    "self-issued (subject equals issuer) but the authorityKeyIdentifier names \
                     another key: a key-rollover or self-issued intermediate, not a root",
                ),
            ],
        )),
        (CaState::Ca, false, _) => Some((
            RoleKind::IntermediateCa,
            vec![
                basic,
                Evidence::new(
                    "issuer",
                    "issued by another CA (issuer differs from subject)",
                ),
            ],
        )),
        (CaState::Absent | CaState::NotCa, true, true) => {
            let why = match facts.ca_state {
                CaState::Absent if facts.version_one => {
                    "version 1 certificate without basicConstraints: not a CA by RFC 5280 \
                     4.2.1.9 (OpenSSL still accepts a version 1 self-signed certificate as a \
                     root)"
                }
                CaState::Absent => "no basicConstraints: not a CA (RFC 5280 4.2.1.9)",
                _ => "basicConstraints cA FALSE: not a CA",
            };
            roles.push(role(
                RoleKind::SelfSignedEndEntity,
                true,
                if facts.self_signature_verified {
                    Confidence::Certain
                } else {
                    Confidence::Likely
                },
                vec![
                    Evidence::new(
                        "issuer",
                        format!("subject equals issuer; {}", self_signed_basis(facts)),
                    ),
                    Evidence::new("basicConstraints", why),
                ],
                vec![Evidence::new(
                    "issuer",
                    "no CA vouches for it: a relying party must pin or explicitly trust this \
                     exact certificate or key",
                )],
            ));
            None
        }
        _ => None,
    };
    let Some((kind, granted)) = kind else {
        return;
    };
    let details = ca_details(facts);
    if !details.extended_key_usage.is_empty() {
        restricted.push(Evidence::with_oid(
            "extendedKeyUsage",
            &const_oid::db::rfc5280::ID_CE_EXT_KEY_USAGE,
            format!(
                "extendedKeyUsage on a CA ({}): OpenSSL-style verifiers restrict every \
                 certificate below it to these purposes",
                details.extended_key_usage.join(", ")
            ),
        ));
    }
    if details.name_constrained {
        restricted.push(Evidence::with_oid(
            "nameConstraints",
            &const_oid::db::rfc5280::ID_CE_NAME_CONSTRAINTS,
            format!(
                "nameConstraints: permitted [{}], excluded [{}] (RFC 5280 4.2.1.10)",
                details.permitted.join(", "),
                details.excluded.join(", ")
            ),
        ));
    }
    if let Some(len) = facts.path_len {
        restricted.push(Evidence::new(
            "basicConstraints",
            match len {
                0 => "pathLenConstraint 0: it may issue end-entity certificates only".to_owned(),
                n => format!("pathLenConstraint {n}: at most {n} intermediate CA(s) below it"),
            },
        ));
    }
    if facts.eku_has(oids::CT_PRECERT_SIGNING) {
        restricted.push(contains("extendedKeyUsage", oids::CT_PRECERT_SIGNING));
        restricted.push(Evidence::new(
            "extendedKeyUsage",
            "a precertificate signing certificate: it signs precertificates for CT logs on \
             behalf of its issuer (RFC 6962 3.1)",
        ));
    }
    let confidence = match kind {
        RoleKind::RootCa if !facts.self_signature_verified => Confidence::Likely,
        _ => Confidence::Certain,
    };
    let mut main = role(kind, can_sign, confidence, granted, restricted);
    main.ca = Some(details.clone());
    roles.push(main);
    if let Some(cross) = cross_certificate(facts, bag) {
        let mut cross_role = role(
            RoleKind::CrossCertificate,
            can_sign,
            Confidence::Likely,
            vec![cross],
            Vec::new(),
        );
        cross_role.ca = Some(details);
        roles.push(cross_role);
    }
}

/// A CA certificate that is not self-issued is a cross-certificate when another certificate of
/// the same input has the same subject and key but a different issuer.
fn cross_certificate(facts: &Facts<'_>, bag: &[(usize, &Cert)]) -> Option<Evidence> {
    if facts.self_issued {
        // The self-signed original is the root; the certificate from the other issuer is the
        // cross-certificate.
        return None;
    }
    let tbs = facts.cert.x509().tbs_certificate();
    bag.iter()
        .filter(|(_, other)| other.der() != facts.cert.der())
        .find(|(_, other)| {
            let theirs = other.x509().tbs_certificate();
            crate::purpose::names_equal(theirs.subject(), tbs.subject())
                && other.spki_der() == facts.cert.spki_der()
                && !crate::purpose::names_equal(theirs.issuer(), tbs.issuer())
        })
        .map(|(index, other)| {
            Evidence::new(
                "issuer",
                format!(
                    "certificate {index} of this input has the same subject and key but is \
                     issued by {}, while this one is issued by {}: the same CA is certified by \
                     two issuers",
                    crate::name::rfc4514(other.x509().tbs_certificate().issuer()),
                    crate::name::rfc4514(tbs.issuer())
                ),
            )
        })
}

fn ca_details(facts: &Facts<'_>) -> CaDetails {
    let mut details = CaDetails {
        path_len: facts.path_len,
        extended_key_usage: facts
            .extended_key_usage
            .into_iter()
            .flatten()
            .map(oid::short_name)
            .collect(),
        ..CaDetails::default()
    };
    let constraints = facts.cert.facts().find::<NameConstraints>();
    details.name_constrained = constraints.is_present();
    if let Some(value) = constraints.value() {
        details.permitted = subtrees(value.permitted_subtrees.as_ref());
        details.excluded = subtrees(value.excluded_subtrees.as_ref());
    }
    details
}

fn subtrees(trees: Option<&GeneralSubtrees>) -> Vec<String> {
    trees
        .into_iter()
        .flatten()
        .map(|tree| super::identity::general_name_text(&tree.base))
        .collect()
}

/// The end-entity roles granted by extendedKeyUsage (or its absence).
fn end_entity_roles(facts: &Facts<'_>, roles: &mut Vec<Role>) {
    let Some(list) = &facts.extended_key_usage else {
        if !facts.extended_key_usage_broken && facts.ca_state != CaState::Broken {
            roles.push(role(
                RoleKind::Unrestricted,
                true,
                Confidence::Certain,
                vec![Evidence::with_oid(
                    "extendedKeyUsage",
                    &const_oid::db::rfc5280::ID_CE_EXT_KEY_USAGE,
                    "no extendedKeyUsage: any purpose, TLS client and server included \
                     (RFC 5280 4.2.1.12), limited only by keyUsage",
                )],
                key_usage_restrictions(facts),
            ));
        }
        return;
    };
    let has = |dotted: &str| list.iter().any(|id| crate::oid::is(id, dotted));
    if has(oids::SERVER_AUTH) {
        roles.push(tls_server(facts));
    }
    if has(oids::CLIENT_AUTH) {
        roles.push(tls_client(facts));
    }
    if has(oids::CODE_SIGNING) {
        roles.push(signing_role(
            facts,
            RoleKind::CodeSigning,
            oids::CODE_SIGNING,
        ));
    }
    if has(oids::EMAIL_PROTECTION) {
        roles.push(signing_role(
            facts,
            RoleKind::SmimeSigning,
            oids::EMAIL_PROTECTION,
        ));
        roles.push(smime_encryption(facts));
    }
    for dotted in [oids::DOCUMENT_SIGNING, oids::MS_DOCUMENT_SIGNING] {
        if has(dotted) {
            roles.push(signing_role(facts, RoleKind::DocumentSigning, dotted));
        }
    }
    if has(oids::OCSP_SIGNING) {
        roles.push(ocsp_responder(facts));
    }
    if has(oids::TIME_STAMPING) {
        roles.push(time_stamping(facts, list.len()));
    }
    if has(oids::ANY_EKU) {
        roles.push(role(
            RoleKind::Unrestricted,
            true,
            Confidence::Possible,
            vec![contains("extendedKeyUsage", oids::ANY_EKU)],
            vec![Evidence::new(
                "extendedKeyUsage",
                "anyExtendedKeyUsage is honoured by Go, Java and Windows, but not by OpenSSL's \
                 purpose checks nor by rustls/webpki, which want the specific purpose",
            )],
        ));
    }
}

fn key_usage_restrictions(facts: &Facts<'_>) -> Vec<Evidence> {
    match facts.key_usage {
        None => Vec::new(),
        Some(_) => vec![Evidence::with_oid(
            "keyUsage",
            &const_oid::db::rfc5280::ID_CE_KEY_USAGE,
            format!(
                "keyUsage limits the key to: {}",
                key_usage_names(facts).join(", ")
            ),
        )],
    }
}

/// The names of the keyUsage bits that are set.
pub(crate) fn key_usage_names(facts: &Facts<'_>) -> Vec<&'static str> {
    let bits = facts.key_usage.unwrap_or(0);
    [
        (ku::DIGITAL_SIGNATURE, "digitalSignature"),
        (ku::NON_REPUDIATION, "nonRepudiation"),
        (ku::KEY_ENCIPHERMENT, "keyEncipherment"),
        (ku::DATA_ENCIPHERMENT, "dataEncipherment"),
        (ku::KEY_AGREEMENT, "keyAgreement"),
        (ku::KEY_CERT_SIGN, "keyCertSign"),
        (ku::CRL_SIGN, "cRLSign"),
        (ku::ENCIPHER_ONLY, "encipherOnly"),
        (ku::DECIPHER_ONLY, "decipherOnly"),
    ]
    .into_iter()
    .filter(|(bit, _)| bits & bit != 0)
    .map(|(_, name)| name)
    .collect()
}

fn key_usage_evidence(text: impl Into<String>) -> Evidence {
    Evidence::with_oid("keyUsage", &const_oid::db::rfc5280::ID_CE_KEY_USAGE, text)
}

/// TLS server: digitalSignature for (EC)DHE and TLS 1.3, keyEncipherment for TLS 1.2 RSA key
/// exchange (RSA keys only), keyAgreement for static (EC)DH. RFC 5246 7.4.2, RFC 8446 4.4.2.
fn tls_server(facts: &Facts<'_>) -> Role {
    let granted = vec![contains("extendedKeyUsage", oids::SERVER_AUTH)];
    let mut restricted = Vec::new();
    let signature = facts.key_usage_allows(ku::DIGITAL_SIGNATURE);
    let encipherment = facts
        .key_usage
        .is_some_and(|bits| bits & ku::KEY_ENCIPHERMENT != 0);
    let agreement = facts
        .key_usage
        .is_some_and(|bits| bits & ku::KEY_AGREEMENT != 0);
    let (usable, confidence) = match (signature, encipherment, facts.key.rsa_or_pss()) {
        (true, _, _) => (true, Confidence::Certain),
        (false, true, true) => {
            restricted.push(key_usage_evidence(
                "keyUsage lacks digitalSignature: TLS 1.3 and ECDHE suites cannot use this key; \
                 only TLS 1.2 RSA key exchange (keyEncipherment) remains",
            ));
            (true, Confidence::Likely)
        }
        (false, _, _) if agreement => {
            restricted.push(key_usage_evidence(
                "keyUsage allows only keyAgreement for TLS: static (EC)DH suites, which no \
                 current client offers",
            ));
            (false, Confidence::Likely)
        }
        (false, true, _) => {
            restricted.push(key_usage_evidence(
                "keyUsage has keyEncipherment but lacks digitalSignature, and keyEncipherment \
                 only matters for RSA key exchange: this key cannot serve TLS",
            ));
            (false, Confidence::Certain)
        }
        (false, false, _) => {
            restricted.push(key_usage_evidence(
                "keyUsage has none of digitalSignature, keyEncipherment, keyAgreement",
            ));
            (false, Confidence::Certain)
        }
    };
    let san = facts.cert.facts().find::<ext::SubjectAltName>();
    let names = san.value().is_some_and(|names| {
        names.0.iter().any(|name| {
            matches!(
                name,
                x509_cert::ext::pkix::name::GeneralName::DnsName(_)
                    | x509_cert::ext::pkix::name::GeneralName::IpAddress(_)
            )
        })
    });
    let confidence = if names {
        confidence
    } else {
        restricted.push(Evidence::with_oid(
            "subjectAltName",
            &const_oid::db::rfc5280::ID_CE_SUBJECT_ALT_NAME,
            "no subjectAltName dNSName or iPAddress: only clients that still fall back to the \
             subject commonName can match a host name (RFC 6125 6.4.4)",
        ));
        Confidence::Likely
    };
    role(RoleKind::TlsServer, usable, confidence, granted, restricted)
}

/// TLS client: digitalSignature to sign CertificateVerify (RFC 8446 4.4.3, RFC 5246 7.4.8);
/// keyAgreement only for the obsolete fixed (EC)DH client authentication.
fn tls_client(facts: &Facts<'_>) -> Role {
    let granted = vec![contains("extendedKeyUsage", oids::CLIENT_AUTH)];
    let mut restricted = Vec::new();
    let signature = facts.key_usage_allows(ku::DIGITAL_SIGNATURE);
    let agreement = facts
        .key_usage
        .is_some_and(|bits| bits & ku::KEY_AGREEMENT != 0);
    let (usable, confidence) = match (signature, agreement) {
        (true, _) => (true, Confidence::Certain),
        (false, true) => {
            restricted.push(key_usage_evidence(
                "keyUsage lacks digitalSignature: a TLS 1.3 client cannot sign CertificateVerify \
                 with this key; only fixed (EC)DH client authentication (TLS 1.2 and older, \
                 rarely supported) remains",
            ));
            (false, Confidence::Likely)
        }
        (false, false) => {
            restricted.push(key_usage_evidence(
                "keyUsage lacks digitalSignature: a TLS 1.3 client cannot sign CertificateVerify \
                 with this key",
            ));
            (false, Confidence::Certain)
        }
    };
    role(RoleKind::TlsClient, usable, confidence, granted, restricted)
}

/// Code, S/MIME and document signing: digitalSignature (nonRepudiation accepted for S/MIME and
/// documents, as OpenSSL does).
fn signing_role(facts: &Facts<'_>, kind: RoleKind, dotted: &str) -> Role {
    let granted = vec![contains("extendedKeyUsage", dotted)];
    let wanted = match kind {
        RoleKind::CodeSigning => ku::DIGITAL_SIGNATURE,
        _ => ku::DIGITAL_SIGNATURE | ku::NON_REPUDIATION,
    };
    if facts.key_usage_allows(wanted) {
        role(kind, true, Confidence::Certain, granted, Vec::new())
    } else {
        let restricted = vec![key_usage_evidence(match kind {
            RoleKind::CodeSigning => "keyUsage lacks digitalSignature: the key cannot sign code",
            _ => "keyUsage has neither digitalSignature nor nonRepudiation: the key cannot sign",
        })];
        role(kind, false, Confidence::Certain, granted, restricted)
    }
}

/// S/MIME encryption: keyEncipherment for RSA, keyAgreement for EC (RFC 8550 4.4.2).
fn smime_encryption(facts: &Facts<'_>) -> Role {
    let granted = vec![contains("extendedKeyUsage", oids::EMAIL_PROTECTION)];
    let wanted = if facts.key.ec() {
        ku::KEY_AGREEMENT
    } else {
        ku::KEY_ENCIPHERMENT
    };
    match (facts.key.eddsa(), facts.key_usage_allows(wanted)) {
        (true, _) => role(
            RoleKind::SmimeEncryption,
            false,
            Confidence::Certain,
            granted,
            vec![Evidence::new(
                "subjectPublicKeyInfo",
                "an EdDSA key can only sign: no S/MIME encryption",
            )],
        ),
        (_, true) => role(
            RoleKind::SmimeEncryption,
            true,
            Confidence::Certain,
            granted,
            Vec::new(),
        ),
        (_, false) => role(
            RoleKind::SmimeEncryption,
            false,
            Confidence::Certain,
            granted,
            vec![key_usage_evidence(if wanted == ku::KEY_AGREEMENT {
                "keyUsage lacks keyAgreement: mail cannot be encrypted to this EC key"
            } else {
                "keyUsage lacks keyEncipherment: mail cannot be encrypted to this key"
            })],
        ),
    }
}

/// OCSP responder (RFC 6960 4.2.2.2), with or without id-pkix-ocsp-nocheck.
fn ocsp_responder(facts: &Facts<'_>) -> Role {
    let mut granted = vec![contains("extendedKeyUsage", oids::OCSP_SIGNING)];
    let mut restricted = Vec::new();
    if facts.has_extension(oids::OCSP_NO_CHECK) {
        granted.push(Evidence::new(
            "ocspNoCheck",
            "id-pkix-ocsp-nocheck (1.3.6.1.5.5.7.48.1.5) present: clients do not check this \
             responder certificate's revocation, so it should be short-lived (RFC 6960 4.2.2.2.1)",
        ));
    } else {
        restricted.push(Evidence::new(
            "ocspNoCheck",
            "no id-pkix-ocsp-nocheck: clients are expected to check the responder \
             certificate's own revocation (RFC 6960 4.2.2.2.1)",
        ));
    }
    let usable = facts.key_usage_allows(ku::DIGITAL_SIGNATURE | ku::NON_REPUDIATION);
    if !usable {
        restricted.push(key_usage_evidence(
            "keyUsage lacks digitalSignature: the key cannot sign OCSP responses",
        ));
    }
    role(
        RoleKind::OcspResponder,
        usable,
        Confidence::Certain,
        granted,
        restricted,
    )
}

/// RFC 3161 2.3: the EKU must be critical and id-kp-timeStamping must be the only purpose.
fn time_stamping(facts: &Facts<'_>, purposes: usize) -> Role {
    let granted = vec![contains("extendedKeyUsage", oids::TIME_STAMPING)];
    let mut restricted = Vec::new();
    let critical = facts.extended_key_usage_critical;
    let sole = purposes == 1;
    let signing = ku::DIGITAL_SIGNATURE | ku::NON_REPUDIATION;
    let key_usage_ok = facts
        .key_usage
        .is_none_or(|bits| bits & signing != 0 && bits & !signing == 0);
    match (critical, sole) {
        (true, true) => {}
        (false, _) => restricted.push(Evidence::new(
            "extendedKeyUsage",
            "extendedKeyUsage is not critical: RFC 3161 2.3 requires it to be, and OpenSSL \
             rejects the time-stamping certificate",
        )),
        (true, false) => restricted.push(Evidence::new(
            "extendedKeyUsage",
            "extendedKeyUsage lists other purposes besides id-kp-timeStamping: RFC 3161 2.3 \
             requires it to be the only one",
        )),
    }
    if !key_usage_ok {
        restricted.push(key_usage_evidence(
            "keyUsage must be digitalSignature and/or nonRepudiation and nothing else",
        ));
    }
    let usable = critical && key_usage_ok && facts.openssl_timestamp_ok();
    let confidence = if usable && sole {
        Confidence::Certain
    } else {
        Confidence::Likely
    };
    role(
        RoleKind::TimeStamping,
        usable,
        confidence,
        granted,
        restricted,
    )
}

impl Facts<'_> {
    /// OpenSSL's end-entity time-stamping check, which ignores EKU OIDs it does not know.
    fn openssl_timestamp_ok(&self) -> bool {
        crate::purpose::check_purpose(
            self.openssl,
            crate::purpose::PurposeId::TimestampSign,
            false,
        )
        .0 > 0
    }
}
