//! CA/Browser Forum Baseline Requirements for the Issuance and Management of Publicly-Trusted
//! Code Signing Certificates (version 3.x).

use der::asn1::ObjectIdentifier;

use super::tls_br::{
    access_descriptions, ec_curve, not_http, purpose_names, rsa_at_least, signature_algorithm,
    validity_longer_than,
};
use super::{hit_if, lints, oids, CertKind, Context, Hit, RuleSet};
use crate::ext;

const RULE_SET: RuleSet = RuleSet::CodeSigningBr;
const CODE: &[CertKind] = &[CertKind::CodeSigning];

lints! {
    eku_code: "e_code_signing_eku_code_signing_missing", Error, "CS BR 7.1.2.3(f)", CODE, None,
        "extKeyUsage must be present and include id-kp-codeSigning.";
    eku_any: "e_code_signing_eku_any_extended_key_usage", Error, "CS BR 7.1.2.3(f)", CODE, None,
        "anyExtendedKeyUsage must not be present.";
    eku_extra: "w_code_signing_eku_extra_values", Warning, "CS BR 7.1.2.3(f)", CODE, None,
        "Purposes other than codeSigning and lifetimeSigning should not be present (serverAuth, emailProtection...).";
    key_usage_signature: "e_code_signing_key_usage_digital_signature_missing", Error, "CS BR 7.1.2.3(e)", CODE, None,
        "keyUsage must be present and assert digitalSignature.";
    key_usage_critical: "e_code_signing_key_usage_not_critical", Error, "CS BR 7.1.2.3(e)", CODE, None,
        "keyUsage must be critical.";
    rsa_size: "e_code_signing_rsa_mod_less_than_3072_bits", Error, "CS BR 6.1.5", CODE, Some("2021-06-01"),
        "RSA moduli must be at least 3072 bits for certificates issued from 2021-06-01.";
    validity: "e_code_signing_validity_longer_than_39_months", Error, "CS BR 6.3.2", CODE, None,
        "Code signing subscriber certificates must be valid for at most 39 months (1188 days).";
    validity_460: "e_code_signing_validity_longer_than_460_days", Error, "CS BR 6.3.2 (ballot CSC-31)", CODE, Some("2026-03-01"),
        "Code signing subscriber certificates issued from 2026-03-01 must be valid for at most 460 days.";
    policy: "e_code_signing_policy_missing", Error, "CS BR 7.1.2.3(c); 7.1.6.1", CODE, None,
        "certificatePolicies must contain 2.23.140.1.4.1 or 2.23.140.1.3.";
    crl: "e_code_signing_crl_distribution_points_missing", Error, "CS BR 7.1.2.3(b)", CODE, None,
        "cRLDistributionPoints must be present.";
    organization: "e_cs_requires_org", Error, "CS BR 7.1.4.2.3; 7.1.4.2.4", CODE, None,
        "The subject must contain organizationName, or givenName and surname for an individual.";
    country: "e_cs_subject_country_name", Error, "CS BR 7.1.4.2.3(f)", CODE, None,
        "The subject must contain countryName.";
    locality: "e_cs_subject_locality_or_province_required", Error, "CS BR 7.1.4.2.3(c, d)", CODE, None,
        "The subject must contain localityName or stateOrProvinceName.";
    ocsp_http: "e_cs_aia_ocsp_not_http", Error, "CS BR 7.1.2.3(d)", CODE, None,
        "An OCSP location in authorityInfoAccess must be an http:// URI.";
    curve: "e_cs_ecdsa_prohibited_curve", Error, "CS BR 6.1.5", CODE, None,
        "EC keys must be on P-256, P-384 or P-521.";
    signature: "e_cs_signature_algorithm_not_supported", Error, "CS BR 7.1.3.2", CODE, None,
        "The signature algorithm must be RSA PKCS#1 v1.5 or PSS with SHA-256/384/512, or ECDSA with SHA-256/384/512.";
    aia: "e_code_signing_aia_ca_issuers_missing", Error, "CS BR 7.1.2.3(d)", CODE, None,
        "authorityInfoAccess must contain an id-ad-caIssuers URL.";
    domain_component: "e_cs_subject_prohibited", Error, "CS BR 7.1.4.2.2(c)", CODE, None,
        "domainComponent must not be present in a code signing certificate's subject.";
}

const LIFETIME_SIGNING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.311.10.3.13");

fn eku_code(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.purposes().contains(&oids::CODE_SIGNING),
        "extensions/extendedKeyUsage",
        || "extKeyUsage is absent or lacks codeSigning".to_owned(),
    )
}

fn eku_any(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.purposes().contains(&oids::ANY_EKU),
        "extensions/extendedKeyUsage",
        || "extKeyUsage contains anyExtendedKeyUsage".to_owned(),
    )
}

fn eku_extra(c: &Context<'_>) -> Vec<Hit> {
    let extra: Vec<ObjectIdentifier> = c
        .purposes()
        .iter()
        .copied()
        .filter(|p| ![oids::CODE_SIGNING, LIFETIME_SIGNING, oids::ANY_EKU].contains(p))
        .collect();
    hit_if(!extra.is_empty(), "extensions/extendedKeyUsage", || {
        format!("extKeyUsage also contains {}", purpose_names(&extra))
    })
}

fn key_usage_signature(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !ext::key_usage(c.cert).is_some_and(|k| k.digital_signature()),
        "extensions/keyUsage",
        || "keyUsage is absent or does not assert digitalSignature".to_owned(),
    )
}

fn key_usage_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<ext::KeyUsage>().critical() == Some(false),
        "extensions/keyUsage",
        || "keyUsage is not critical".to_owned(),
    )
}

fn rsa_size(c: &Context<'_>) -> Vec<Hit> {
    rsa_at_least(c, 3072)
}

fn validity(c: &Context<'_>) -> Vec<Hit> {
    validity_longer_than(c, 1188)
}

fn validity_460(c: &Context<'_>) -> Vec<Hit> {
    validity_longer_than(c, 460)
}

fn policy(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.has_policy(&oids::POLICY_CODE_SIGNING) && !c.has_policy(&oids::POLICY_EV_CODE_SIGNING),
        "extensions/certificatePolicies",
        || "no CA/B Forum code signing policy identifier".to_owned(),
    )
}

fn crl(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts.find::<ext::CrlDistributionPoints>().is_present(),
        "extensions/cRLDistributionPoints",
        || "cRLDistributionPoints is absent".to_owned(),
    )
}

fn aia(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !access_descriptions(c)
            .unwrap_or_default()
            .iter()
            .any(|d| d.access_method == oids::AIA_CA_ISSUERS),
        "extensions/authorityInfoAccess",
        || "authorityInfoAccess is absent or has no id-ad-caIssuers entry".to_owned(),
    )
}

fn subject_has(c: &Context<'_>, oid: ObjectIdentifier) -> bool {
    !c.subject_values(oid).is_empty()
}

fn organization(c: &Context<'_>) -> Vec<Hit> {
    let person = subject_has(c, oids::GIVEN_NAME) && subject_has(c, oids::SURNAME);
    hit_if(
        !subject_has(c, oids::ORGANIZATION) && !person,
        "subject/attributes/O",
        || "the subject has no organizationName (nor givenName and surname)".to_owned(),
    )
}

fn country(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !subject_has(c, oids::COUNTRY),
        "subject/attributes/C",
        || "the subject has no countryName".to_owned(),
    )
}

fn locality(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !subject_has(c, oids::LOCALITY) && !subject_has(c, oids::STATE),
        "subject/attributes/L",
        || "the subject has neither localityName nor stateOrProvinceName".to_owned(),
    )
}

fn ocsp_http(c: &Context<'_>) -> Vec<Hit> {
    access_descriptions(c)
        .unwrap_or_default()
        .iter()
        .filter(|d| d.access_method == oids::AIA_OCSP)
        .filter_map(|d| not_http(&d.access_location))
        .map(|problem| super::hit("extensions/authorityInfoAccess", problem))
        .collect()
}

fn curve(c: &Context<'_>) -> Vec<Hit> {
    ec_curve(c)
}

fn signature(c: &Context<'_>) -> Vec<Hit> {
    signature_algorithm(c)
}

fn domain_component(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.subject_values(oids::DOMAIN_COMPONENT).is_empty(),
        "subject/attributes/DC",
        || "the subject holds a domainComponent".to_owned(),
    )
}
