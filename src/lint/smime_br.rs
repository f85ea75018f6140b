//! CA/Browser Forum Baseline Requirements for S/MIME certificates (version 1.0.x).

use der::asn1::ObjectIdentifier;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};

use super::tls_br::{access_descriptions, purpose_names, rsa_at_least, validity_longer_than};
use super::{hit, hit_if, lints, oids, CertKind, Context, Hit, RuleSet};
use crate::ext;

const RULE_SET: RuleSet = RuleSet::SmimeBr;
const SMIME: &[CertKind] = &[CertKind::Smime];

lints! {
    eku_email: "e_smime_eku_email_protection_missing", Error, "S/MIME BR 7.1.2.3(f)", SMIME, None,
        "extKeyUsage must be present and include id-kp-emailProtection.";
    eku_prohibited: "e_smime_eku_prohibited_values", Error, "S/MIME BR 7.1.2.3(f)", SMIME, None,
        "serverAuth, codeSigning, timeStamping and anyExtendedKeyUsage must not be present.";
    strict_eku: "e_smime_strict_eku_extra_values", Error, "S/MIME BR 7.1.2.3(f)", SMIME, Some("2023-09-01"),
        "A strict-generation certificate (policy 2.23.140.1.5.x.3) must have emailProtection as its only extended key usage.";
    mailbox_missing: "e_smime_san_mailbox_missing", Error, "S/MIME BR 7.1.2.3(h)", SMIME, None,
        "subjectAltName must contain at least one rfc822Name or SmtpUTF8Mailbox.";
    email_not_in_san: "e_smime_subject_email_not_in_san", Error, "S/MIME BR 7.1.4.2.2(h)", SMIME, None,
        "An emailAddress in the subject must also appear in subjectAltName.";
    policy_missing: "e_smime_policy_missing", Error, "S/MIME BR 7.1.6.1", SMIME, Some("2023-09-01"),
        "certificatePolicies must contain a CA/B Forum S/MIME policy identifier (2.23.140.1.5.x.y).";
    key_usage_missing: "e_smime_key_usage_missing", Error, "S/MIME BR 7.1.2.3(e)", SMIME, None,
        "keyUsage must be present.";
    key_usage_critical: "w_smime_key_usage_not_critical", Warning, "S/MIME BR 7.1.2.3(e)", SMIME, None,
        "keyUsage should be critical.";
    crl_missing: "e_smime_crl_distribution_points_missing", Error, "S/MIME BR 7.1.2.3(b)", SMIME, Some("2023-09-01"),
        "cRLDistributionPoints shall be present, with at least one http:// URL.";
    validity: "e_smime_validity_longer_than_825_days", Error, "S/MIME BR 6.3.2", SMIME, Some("2023-09-01"),
        "S/MIME subscriber certificates must be valid for at most 825 days.";
    rsa_size: "e_smime_rsa_mod_less_than_2048_bits", Error, "S/MIME BR 6.1.5", SMIME, None,
        "RSA moduli must be at least 2048 bits.";
    mailbox_subject: "e_mailbox_validated_enforce_subject_field_restrictions", Error, "S/MIME BR 7.1.4.2.3", SMIME, Some("2023-09-01"),
        "A mailbox-validated certificate's subject may hold only commonName, emailAddress and serialNumber.";
    mailbox_common_name: "e_commonname_mailbox_validated", Error, "S/MIME BR 7.1.4.2.2(a)", SMIME, Some("2023-09-01"),
        "In a mailbox-validated certificate, a commonName must be a mailbox address.";
    organization_common_name: "e_org_validated_invalid_cn", Error, "S/MIME BR 7.1.4.2.2(a)", SMIME, Some("2023-09-01"),
        "In an organization-validated certificate, a commonName must be the organizationName or a mailbox address.";
    personal_identity: "e_invalid_individual_identity", Error, "S/MIME BR 7.1.4.2.5, 7.1.4.2.6", SMIME, Some("2023-09-01"),
        "A sponsor- or individual-validated certificate of the multipurpose or strict generation must name the person: givenName, surname or pseudonym.";
    pseudonym_with_name: "e_smime_pseudonym_with_personal_name", Error, "S/MIME BR 7.1.4.2.2(c)", SMIME, Some("2023-09-01"),
        "A subject with a pseudonym must not also hold givenName or surname.";
    email_single_mailbox: "e_single_email_subject_if_present", Error, "S/MIME BR 7.1.4.2.2(h)", SMIME, Some("2023-09-01"),
        "A subject emailAddress must hold a single mailbox address.";
    strict_aia_http: "e_smime_strict_aia_shall_have_http_only", Error, "S/MIME BR 7.1.2.3(c)", SMIME, Some("2023-09-01"),
        "In a strict-generation certificate, every authorityInfoAccess location must be an http:// URI.";
    legacy_aia_http: "e_smime_legacy_aia_shall_have_one_http", Error, "S/MIME BR 7.1.2.3(c)", SMIME, Some("2023-09-01"),
        "In a legacy or multipurpose certificate, authorityInfoAccess, if present, must have at least one http:// caIssuers or OCSP location.";
    crl_http: "e_subscribers_crl_distribution_points_are_http", Error, "S/MIME BR 7.1.2.3(b)", SMIME, Some("2023-09-01"),
        "cRLDistributionPoints must name an http:// URI; in a strict-generation certificate every fullName must be one.";
    qc_statements_critical: "e_smime_qc_statements_must_not_be_critical", Error, "S/MIME BR 7.1.2.3(k)", SMIME, Some("2023-09-01"),
        "qcStatements, if present, must not be critical.";
    directory_attributes: "e_strict_multipurpose_smime_ext_subject_directory_attr", Error, "S/MIME BR 7.1.2.3(j)", SMIME, Some("2023-09-01"),
        "subjectDirectoryAttributes may be present only in legacy-generation certificates that are not mailbox-validated.";
    adobe_strict: "e_adobe_extensions_strict_presence", Error, "S/MIME BR 7.1.2.3(m)", SMIME, Some("2023-09-01"),
        "The Adobe time-stamp and archiveRevInfo extensions must not be present in a strict-generation certificate.";
    adobe_critical: "e_adobe_extensions_legacy_multipurpose_criticality", Error, "S/MIME BR 7.1.2.3(m)", SMIME, Some("2023-09-01"),
        "The Adobe time-stamp and archiveRevInfo extensions, where allowed, must not be critical.";
    legal_entity: "e_legal_entity_identifier", Error, "S/MIME BR 7.1.2.3(l)", SMIME, Some("2023-09-01"),
        "The LEI extension is prohibited in mailbox- and individual-validated certificates and must not be critical elsewhere; the LEI role extension is allowed, not critical, in sponsor-validated certificates only.";
    san_critical: "w_san_should_not_be_critical", Warning, "S/MIME BR 7.1.2.3(h)", SMIME, Some("2023-09-01"),
        "subjectAltName should not be critical.";
    any_policy: "e_smime_any_policy_present", Error, "S/MIME BR 7.1.2.3(a)", SMIME, Some("2023-09-01"),
        "anyPolicy must not be asserted in a subscriber certificate.";
    notice_reference: "e_smime_user_notice_has_notice_ref", Error, "S/MIME BR 7.1.2.3(a)", SMIME, Some("2023-09-01"),
        "A user notice must not carry noticeRef.";
    legacy_generation: "e_legacy_generation_deprecated", Error, "S/MIME BR 7.1.6.1 (1.0.6, ballot SMC08)", SMIME, Some("2025-07-15"),
        "Subscriber certificates must not be issued under the legacy generation policies (2.23.140.1.5.x.1).";
    spki_encoding: "e_invalid_spki_algoid", Error, "S/MIME BR 7.1.3.1", SMIME, Some("2023-09-01"),
        "The subject public key's AlgorithmIdentifier must be one of the encodings S/MIME BR 7.1.3.1 lists (RSA, P-256, P-384, P-521, Ed25519, Ed448, ML-DSA, ML-KEM).";
    signature_encoding: "e_smime_signature_algorithm_encoding", Error, "S/MIME BR 7.1.3.2", SMIME, Some("2023-09-01"),
        "The signature AlgorithmIdentifier must be one of the encodings S/MIME BR 7.1.3.2 lists.";
    aia_internal: "w_smime_aia_contains_internal_names", Warning, "S/MIME BR 7.1.2.3(c)", SMIME, Some("2023-09-01"),
        "An authorityInfoAccess URL should not name an internal host: a single label, a reserved suffix or a reserved IP address.";
    organization_identifier: "e_subject_organization_identifier_invalid", Error, "S/MIME BR 7.1.4.2.2(d); Appendix A.1", SMIME, Some("2023-09-01"),
        "organizationIdentifier must be a Registration Scheme (NTR, VAT, PSD, LEI, GOV or INT), a two-letter country (XG for LEI and INT), an optional +subdivision for NTR, a hyphen and the reference; an LEI reference must pass the ISO 17442 check digits.";
    organization_identifier_country: "e_registration_scheme_id_matches_subject_country", Error, "S/MIME BR Appendix A.1", SMIME, Some("2023-09-01"),
        "The country of an organizationIdentifier's Registration Scheme (other than XG) must be the subject's countryName.";
    san_types: "e_smime_san_prohibited_type", Error, "S/MIME BR 7.1.2.3(h)", SMIME, Some("2023-09-01"),
        "subjectAltName may hold only rfc822Name, otherName and directoryName entries.";
    authority_cert_issuer: "e_smime_authority_key_identifier_has_issuer", Error, "S/MIME BR 7.1.2.3(g)", SMIME, Some("2023-09-01"),
        "authorityKeyIdentifier must hold keyIdentifier only: authorityCertIssuer and authorityCertSerialNumber must not be present.";
}

fn eku_email(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.purposes().contains(&oids::EMAIL_PROTECTION),
        "extensions/extendedKeyUsage",
        || "extKeyUsage is absent or lacks emailProtection".to_owned(),
    )
}

fn eku_prohibited(c: &Context<'_>) -> Vec<Hit> {
    let found: Vec<ObjectIdentifier> = c
        .purposes()
        .iter()
        .copied()
        .filter(|p| {
            [
                oids::SERVER_AUTH,
                oids::CODE_SIGNING,
                oids::TIME_STAMPING,
                oids::ANY_EKU,
            ]
            .contains(p)
        })
        .collect();
    hit_if(!found.is_empty(), "extensions/extendedKeyUsage", || {
        format!("extKeyUsage contains {}", purpose_names(&found))
    })
}

fn strict_eku(c: &Context<'_>) -> Vec<Hit> {
    let strict = c.policies().iter().any(|p| {
        let dotted = p.to_string();
        dotted.starts_with(oids::SMIME_POLICY_ARC) && dotted.ends_with(".3")
    });
    let extra: Vec<ObjectIdentifier> = c
        .purposes()
        .iter()
        .copied()
        .filter(|p| *p != oids::EMAIL_PROTECTION)
        .collect();
    hit_if(
        strict && !extra.is_empty(),
        "extensions/extendedKeyUsage",
        || {
            format!(
                "strict S/MIME certificate also has {}",
                purpose_names(&extra)
            )
        },
    )
}

/// The mailbox addresses of the subjectAltName (rfc822Name and SmtpUTF8Mailbox).
fn mailboxes(c: &Context<'_>) -> Vec<String> {
    c.san()
        .iter()
        .filter_map(|name| match name {
            GeneralName::Rfc822Name(address) => Some(address.as_str().to_owned()),
            GeneralName::OtherName(other) if other.type_id == oids::SMTP_UTF8_MAILBOX => {
                Some(String::from_utf8_lossy(other.value.value()).into_owned())
            }
            _ => None,
        })
        .collect()
}

fn mailbox_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(mailboxes(c).is_empty(), "extensions/subjectAltName", || {
        "subjectAltName has no rfc822Name or SmtpUTF8Mailbox".to_owned()
    })
}

fn email_not_in_san(c: &Context<'_>) -> Vec<Hit> {
    let boxes = mailboxes(c);
    c.subject_values(oids::EMAIL_ADDRESS)
        .into_iter()
        .filter(|email| !boxes.iter().any(|b| b.eq_ignore_ascii_case(email)))
        .map(|email| {
            super::hit(
                "subject/attributes/emailAddress",
                format!("subject emailAddress {email:?} is not in subjectAltName"),
            )
        })
        .collect()
}

fn policy_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.policies()
            .iter()
            .any(|p| p.to_string().starts_with(oids::SMIME_POLICY_ARC)),
        "extensions/certificatePolicies",
        || "no S/MIME BR policy identifier (2.23.140.1.5.x.y)".to_owned(),
    )
}

fn key_usage_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts.find::<ext::KeyUsage>().is_present(),
        "extensions/keyUsage",
        || "keyUsage is absent".to_owned(),
    )
}

fn key_usage_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<ext::KeyUsage>().critical() == Some(false),
        "extensions/keyUsage",
        || "keyUsage is not critical".to_owned(),
    )
}

fn crl_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts.find::<ext::CrlDistributionPoints>().is_present(),
        "extensions/cRLDistributionPoints",
        || "cRLDistributionPoints is absent".to_owned(),
    )
}

fn validity(c: &Context<'_>) -> Vec<Hit> {
    validity_longer_than(c, 825)
}

fn rsa_size(c: &Context<'_>) -> Vec<Hit> {
    rsa_at_least(c, 2048)
}

/// The validation level a CA/Browser Forum S/MIME policy (2.23.140.1.5.L.G) asserts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Mailbox,
    Organization,
    Sponsored,
    Individual,
}

/// The profile generation a CA/Browser Forum S/MIME policy asserts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Generation {
    Legacy,
    Multipurpose,
    Strict,
}

/// The validation level and generation of the first S/MIME BR policy the certificate asserts
/// (S/MIME BR 7.1.6.1).
fn profile(c: &Context<'_>) -> Option<(Level, Generation)> {
    c.policies().iter().find_map(|policy| {
        let dotted = policy.to_string();
        let rest = dotted.strip_prefix(oids::SMIME_POLICY_ARC)?;
        let (level, generation) = rest.split_once('.')?;
        let level = match level {
            "1" => Level::Mailbox,
            "2" => Level::Organization,
            "3" => Level::Sponsored,
            "4" => Level::Individual,
            _ => return None,
        };
        let generation = match generation {
            "1" => Generation::Legacy,
            "2" => Generation::Multipurpose,
            "3" => Generation::Strict,
            _ => return None,
        };
        Some((level, generation))
    })
}

fn level(c: &Context<'_>) -> Option<Level> {
    profile(c).map(|(level, _)| level)
}

fn generation(c: &Context<'_>) -> Option<Generation> {
    profile(c).map(|(_, generation)| generation)
}

/// The subject attributes: dotted OID, short name and text.
fn subject_attributes(c: &Context<'_>) -> Vec<crate::name::Attribute> {
    crate::name::attributes(c.tbs().subject())
}

/// Whether `text` is a bare mailbox address (local-part@domain).
fn is_mailbox(text: &str) -> bool {
    super::rfc5280::addr_spec(text) && !text.contains(',')
}

const COMMON_NAME: &str = "2.5.4.3";
const SERIAL_NUMBER: &str = "2.5.4.5";
const EMAIL_ADDRESS: &str = "1.2.840.113549.1.9.1";

fn mailbox_subject(c: &Context<'_>) -> Vec<Hit> {
    if level(c) != Some(Level::Mailbox) {
        return Vec::new();
    }
    subject_attributes(c)
        .into_iter()
        .filter(|a| ![COMMON_NAME, SERIAL_NUMBER, EMAIL_ADDRESS].contains(&a.oid.as_str()))
        .map(|a| {
            hit(
                format!("subject/attributes/{}", a.name),
                format!("a mailbox-validated subject holds {}", a.name),
            )
        })
        .collect()
}

fn mailbox_common_name(c: &Context<'_>) -> Vec<Hit> {
    if level(c) != Some(Level::Mailbox) {
        return Vec::new();
    }
    c.subject_values(oids::COMMON_NAME)
        .into_iter()
        .filter(|cn| !is_mailbox(cn))
        .map(|cn| {
            hit(
                "subject/attributes/CN",
                format!(
                    "commonName \"{}\" is not a mailbox address",
                    crate::display::escape(&cn)
                ),
            )
        })
        .collect()
}

fn organization_common_name(c: &Context<'_>) -> Vec<Hit> {
    if level(c) != Some(Level::Organization) {
        return Vec::new();
    }
    let organizations = c.subject_values(oids::ORGANIZATION);
    c.subject_values(oids::COMMON_NAME)
        .into_iter()
        .filter(|cn| !is_mailbox(cn) && !organizations.contains(cn))
        .map(|cn| {
            hit(
                "subject/attributes/CN",
                format!(
                    "commonName \"{}\" is neither the organizationName nor a mailbox address",
                    crate::display::escape(&cn)
                ),
            )
        })
        .collect()
}

fn personal_identity(c: &Context<'_>) -> Vec<Hit> {
    let applies = matches!(
        profile(c),
        Some((
            Level::Sponsored | Level::Individual,
            Generation::Multipurpose | Generation::Strict
        ))
    );
    let named = [oids::GIVEN_NAME, oids::SURNAME, oids::PSEUDONYM]
        .into_iter()
        .any(|oid| !c.subject_values(oid).is_empty());
    hit_if(applies && !named, "subject", || {
        "the subject has no givenName, surname or pseudonym".to_owned()
    })
}

fn pseudonym_with_name(c: &Context<'_>) -> Vec<Hit> {
    let pseudonym = !c.subject_values(oids::PSEUDONYM).is_empty();
    let name = [oids::GIVEN_NAME, oids::SURNAME]
        .into_iter()
        .any(|oid| !c.subject_values(oid).is_empty());
    hit_if(pseudonym && name, "subject/attributes/pseudonym", || {
        "the subject holds a pseudonym and givenName or surname".to_owned()
    })
}

fn email_single_mailbox(c: &Context<'_>) -> Vec<Hit> {
    c.subject_values(oids::EMAIL_ADDRESS)
        .into_iter()
        .filter(|email| !is_mailbox(email))
        .map(|email| {
            hit(
                "subject/attributes/emailAddress",
                format!(
                    "emailAddress \"{}\" is not a single mailbox address",
                    crate::display::escape(&email)
                ),
            )
        })
        .collect()
}

fn is_http(name: &GeneralName) -> bool {
    super::tls_br::not_http(name).is_none()
}

fn strict_aia_http(c: &Context<'_>) -> Vec<Hit> {
    if generation(c) != Some(Generation::Strict) {
        return Vec::new();
    }
    access_descriptions(c)
        .unwrap_or_default()
        .iter()
        .filter(|d| [oids::AIA_OCSP, oids::AIA_CA_ISSUERS].contains(&d.access_method))
        .filter_map(|d| super::tls_br::not_http(&d.access_location))
        .map(|problem| hit("extensions/authorityInfoAccess", problem))
        .collect()
}

fn legacy_aia_http(c: &Context<'_>) -> Vec<Hit> {
    if !matches!(
        generation(c),
        Some(Generation::Legacy | Generation::Multipurpose)
    ) {
        return Vec::new();
    }
    let Some(descriptions) = access_descriptions(c) else {
        return Vec::new();
    };
    let locations: Vec<&GeneralName> = descriptions
        .iter()
        .filter(|d| [oids::AIA_OCSP, oids::AIA_CA_ISSUERS].contains(&d.access_method))
        .map(|d| &d.access_location)
        .collect();
    hit_if(
        !locations.is_empty() && !locations.iter().any(|l| is_http(l)),
        "extensions/authorityInfoAccess",
        || "no caIssuers or OCSP location is an http:// URI".to_owned(),
    )
}

fn crl_http(c: &Context<'_>) -> Vec<Hit> {
    let Some(points) = c
        .facts
        .find::<ext::CrlDistributionPoints>()
        .value()
        .cloned()
    else {
        return Vec::new();
    };
    let names: Vec<GeneralName> = points
        .0
        .into_iter()
        .filter_map(|point| match point.distribution_point {
            Some(DistributionPointName::FullName(names)) => Some(names),
            _ => None,
        })
        .flatten()
        .collect();
    if generation(c) == Some(Generation::Strict) {
        return names
            .iter()
            .filter_map(super::tls_br::not_http)
            .map(|problem| hit("extensions/cRLDistributionPoints", problem))
            .collect();
    }
    hit_if(
        !names.iter().any(is_http),
        "extensions/cRLDistributionPoints",
        || "no distribution point names an http:// URI".to_owned(),
    )
}

const QC_STATEMENTS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.3");
const DIRECTORY_ATTRIBUTES: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.9");
const ADOBE_TIME_STAMP: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113583.1.1.9.1");
const ADOBE_ARCHIVE_REV_INFO: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113583.1.1.9.2");
const LEI: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.52266.1");
const LEI_ROLE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.52266.2");
const ANY_POLICY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.32.0");

/// The critical flag of the extension, when present.
fn critical(c: &Context<'_>, oid: &ObjectIdentifier) -> Option<bool> {
    ext::raw(c.cert, oid).next().map(|e| e.critical)
}

/// A hit when the extension is present and critical.
fn critical_hit(c: &Context<'_>, oid: ObjectIdentifier) -> Vec<Hit> {
    hit_if(
        critical(c, &oid) == Some(true),
        &super::extension_field(&oid),
        || format!("{} is critical", crate::oid::short_name(&oid)),
    )
}

fn qc_statements_critical(c: &Context<'_>) -> Vec<Hit> {
    critical_hit(c, QC_STATEMENTS)
}

fn directory_attributes(c: &Context<'_>) -> Vec<Hit> {
    let prohibited = match profile(c) {
        Some((Level::Mailbox, _)) => true,
        Some((_, generation)) => generation != Generation::Legacy,
        None => false,
    };
    hit_if(
        prohibited && critical(c, &DIRECTORY_ATTRIBUTES).is_some(),
        &super::extension_field(&DIRECTORY_ATTRIBUTES),
        || "subjectDirectoryAttributes is present".to_owned(),
    )
}

fn adobe_strict(c: &Context<'_>) -> Vec<Hit> {
    if generation(c) != Some(Generation::Strict) {
        return Vec::new();
    }
    [ADOBE_TIME_STAMP, ADOBE_ARCHIVE_REV_INFO]
        .into_iter()
        .filter(|oid| critical(c, oid).is_some())
        .map(|oid| {
            hit(
                super::extension_field(&oid),
                format!("{} is present", crate::oid::short_name(&oid)),
            )
        })
        .collect()
}

fn adobe_critical(c: &Context<'_>) -> Vec<Hit> {
    if generation(c) == Some(Generation::Strict) {
        return Vec::new();
    }
    [ADOBE_TIME_STAMP, ADOBE_ARCHIVE_REV_INFO]
        .into_iter()
        .flat_map(|oid| critical_hit(c, oid))
        .collect()
}

fn legal_entity(c: &Context<'_>) -> Vec<Hit> {
    let Some(level) = level(c) else {
        return Vec::new();
    };
    let lei = critical(c, &LEI);
    let role = critical(c, &LEI_ROLE);
    let mut hits = Vec::new();
    let mut push = |oid: &ObjectIdentifier, problem: &str| {
        hits.push(hit(
            super::extension_field(oid),
            format!("{} {problem}", crate::oid::short_name(oid)),
        ));
    };
    match level {
        Level::Mailbox | Level::Individual if lei.is_some() => {
            push(
                &LEI,
                "is present in a mailbox- or individual-validated certificate",
            );
        }
        Level::Organization | Level::Sponsored if lei == Some(true) => {
            push(&LEI, "is critical");
        }
        _ => {}
    }
    match level {
        Level::Sponsored if role == Some(true) => push(&LEI_ROLE, "is critical"),
        Level::Sponsored => {}
        _ if role.is_some() => push(
            &LEI_ROLE,
            "is present outside a sponsor-validated certificate",
        ),
        _ => {}
    }
    hits
}

fn san_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.subject_is_empty() && c.facts.find::<ext::SubjectAltName>().critical() == Some(true),
        "extensions/subjectAltName",
        || "subjectAltName is critical while the subject is not empty".to_owned(),
    )
}

fn any_policy(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.has_policy(&ANY_POLICY),
        "extensions/certificatePolicies",
        || "certificatePolicies asserts anyPolicy".to_owned(),
    )
}

fn notice_reference(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        super::syntax::notices(c).iter().any(|n| n.notice_ref),
        "extensions/certificatePolicies",
        || "a user notice carries noticeRef".to_owned(),
    )
}

fn legacy_generation(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        generation(c) == Some(Generation::Legacy),
        "extensions/certificatePolicies",
        || "the certificate asserts a legacy generation S/MIME policy".to_owned(),
    )
}

/// The DER encodings of S/MIME BR 7.1.3.1 (subject public key algorithms).
const SPKI_ALGORITHMS: [&str; 12] = [
    "300d06092a864886f70d0101010500",
    "301306072a8648ce3d020106082a8648ce3d030107",
    "301006072a8648ce3d020106052b81040022",
    "301006072a8648ce3d020106052b81040023",
    "300506032b6570",
    "300506032b6571",
    "300b0609608648016503040311",
    "300b0609608648016503040312",
    "300b0609608648016503040313",
    "300b0609608648016503040401",
    "300b0609608648016503040402",
    "300b0609608648016503040403",
];

/// The DER encodings of S/MIME BR 7.1.3.2 (signature algorithms).
const SIGNATURE_ALGORITHMS: [&str; 14] = [
    "300d06092a864886f70d01010b0500",
    "300d06092a864886f70d01010c0500",
    "300d06092a864886f70d01010d0500",
    "304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120",
    "304106092a864886f70d01010a3034a00f300d06096086480165030402020500a11c301a06092a864886f70d010108300d06096086480165030402020500a203020130",
    "304106092a864886f70d01010a3034a00f300d06096086480165030402030500a11c301a06092a864886f70d010108300d06096086480165030402030500a203020140",
    "300a06082a8648ce3d040302",
    "300a06082a8648ce3d040303",
    "300a06082a8648ce3d040304",
    "300506032b6570",
    "300506032b6571",
    "300b0609608648016503040311",
    "300b0609608648016503040312",
    "300b0609608648016503040313",
];

fn encoding_hex(algorithm: &spki::AlgorithmIdentifierOwned) -> String {
    der::Encode::to_der(algorithm)
        .map(|bytes| bytes.iter().map(|b| format!("{b:02x}")).collect())
        .unwrap_or_default()
}

fn spki_encoding(c: &Context<'_>) -> Vec<Hit> {
    let encoding = encoding_hex(&c.tbs().subject_public_key_info().algorithm);
    hit_if(
        !SPKI_ALGORITHMS.contains(&encoding.as_str()),
        "public_key",
        || {
            format!(
                "the public key AlgorithmIdentifier {encoding} is not one S/MIME BR 7.1.3.1 lists"
            )
        },
    )
}

fn signature_encoding(c: &Context<'_>) -> Vec<Hit> {
    let encoding = encoding_hex(c.cert.x509().signature_algorithm());
    hit_if(
        !SIGNATURE_ALGORITHMS.contains(&encoding.as_str()),
        "signature_algorithm",
        || {
            format!(
                "the signature AlgorithmIdentifier {encoding} is not one S/MIME BR 7.1.3.2 lists"
            )
        },
    )
}

fn authority_cert_issuer(c: &Context<'_>) -> Vec<Hit> {
    super::tls_br::aki_issuer_present(c)
}

fn aia_internal(c: &Context<'_>) -> Vec<Hit> {
    super::tls_br::aia_internal_hosts(c)
}

const ORGANIZATION_IDENTIFIER: &str = "2.5.4.97";

/// The parts of an organizationIdentifier: scheme, country, subdivision and reference.
fn organization_identifier_parts(value: &str) -> Option<(&str, &str, Option<&str>, &str)> {
    let scheme = value.get(..3)?;
    let country = value.get(3..5)?;
    let rest = value.get(5..)?;
    let (subdivision, reference) = match rest.strip_prefix('+') {
        Some(after) => {
            let (subdivision, reference) = after.split_once('-')?;
            (Some(subdivision), reference)
        }
        None => (None, rest.strip_prefix('-')?),
    };
    Some((scheme, country, subdivision, reference))
}

/// ISO 17442: 20 characters, letters and digits, check digits 18-19 (ISO 7064 MOD 97-10).
fn lei_valid(lei: &str) -> bool {
    if lei.len() != 20
        || !lei
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    {
        return false;
    }
    let remainder = lei.bytes().fold(0u32, |acc, b| {
        let value = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        if value >= 10 {
            (acc * 100 + value) % 97
        } else {
            (acc * 10 + value) % 97
        }
    });
    remainder == 1
}

fn organization_identifier(c: &Context<'_>) -> Vec<Hit> {
    subject_attributes(c)
        .into_iter()
        .filter(|a| a.oid == ORGANIZATION_IDENTIFIER)
        .filter_map(|a| {
            let problem = match organization_identifier_parts(&a.value) {
                _ if a.encoding != "PrintableString" && a.encoding != "UTF8String" => {
                    format!("is a {}, not a PrintableString or UTF8String", a.encoding)
                }
                None => "is not SCHEMEcc-reference".to_owned(),
                Some((scheme, _, _, _))
                    if !["NTR", "VAT", "PSD", "LEI", "GOV", "INT"].contains(&scheme) =>
                {
                    format!("names the Registration Scheme {scheme:?}, not one S/MIME BR 7.1.4.2.2(d) lists")
                }
                Some((_, country, _, _))
                    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) =>
                {
                    format!("has the country {country:?}, not two capital letters")
                }
                Some((scheme, country, _, _))
                    if ["LEI", "INT"].contains(&scheme) && country != "XG" =>
                {
                    format!("uses {scheme} with the country {country}, not XG")
                }
                Some((scheme, _, Some(_), _)) if scheme != "NTR" => {
                    format!("has a subdivision, which only NTR may carry ({scheme})")
                }
                Some((_, _, _, "")) => "has no reference".to_owned(),
                Some(("LEI", _, _, reference)) if !lei_valid(reference) => {
                    format!("holds {reference:?}, not a valid ISO 17442 LEI")
                }
                _ => return None,
            };
            Some(hit(
                "subject/attributes/organizationIdentifier",
                format!(
                    "organizationIdentifier \"{}\" {problem}",
                    crate::display::escape(&a.value)
                ),
            ))
        })
        .collect()
}

fn organization_identifier_country(c: &Context<'_>) -> Vec<Hit> {
    let countries = c.subject_values(oids::COUNTRY);
    subject_attributes(c)
        .into_iter()
        .filter(|a| a.oid == ORGANIZATION_IDENTIFIER)
        .filter_map(|a| {
            let (_, country, _, _) = organization_identifier_parts(&a.value)?;
            (country != "XG" && !countries.iter().any(|c| c == country)).then(|| {
                hit(
                    "subject/attributes/organizationIdentifier",
                    format!(
                        "organizationIdentifier names the country {country}, the subject's countryName is {}",
                        countries.first().map_or("absent", String::as_str)
                    ),
                )
            })
        })
        .collect()
}

fn san_types(c: &Context<'_>) -> Vec<Hit> {
    c.san()
        .iter()
        .filter(|name| {
            !matches!(
                name,
                GeneralName::Rfc822Name(_)
                    | GeneralName::OtherName(_)
                    | GeneralName::DirectoryName(_)
            )
        })
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!(
                    "subjectAltName holds a {}",
                    super::tls_br::general_name_kind(name)
                ),
            )
        })
        .collect()
}
