//! RFC 5280 structure and profile, plus the RFC 6962 CT extensions: run on every certificate.

use der::asn1::ObjectIdentifier;
use der::{Decode, Tag, Tagged};
use x509_cert::certificate::Version;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::time::Time;

use super::{
    extension_field, hit, hit_if, lints, oids, Context, Hit, KeyKind, RuleSet, ALL_KINDS, CA_KINDS,
    END_ENTITY_KINDS,
};
use crate::ext::{self, AuthorityKeyIdentifier, Lookup, SubjectAltName, SubjectKeyIdentifier};

const RULE_SET: RuleSet = RuleSet::Rfc5280;

lints! {
    extensions_version: "e_cert_extensions_version_not_3", Error, "RFC 5280 4.1.2.1", ALL_KINDS, None,
        "A certificate with extensions must be version 3.";
    unique_identifier: "e_cert_contains_unique_identifier", Error, "RFC 5280 4.1.2.8", ALL_KINDS, None,
        "Conforming CAs must not generate certificates with issuer or subject unique identifiers.";
    serial_positive: "e_serial_number_not_positive", Error, "RFC 5280 4.1.2.2", ALL_KINDS, None,
        "The serial number must be a positive integer (not zero, not negative).";
    serial_length: "e_serial_number_longer_than_20_octets", Error, "RFC 5280 4.1.2.2", ALL_KINDS, None,
        "The serial number must be at most 20 octets long.";
    signature_mismatch: "e_cert_sig_alg_not_match_tbs_sig_alg", Error, "RFC 5280 4.1.1.2", ALL_KINDS, None,
        "signatureAlgorithm must equal the signature field inside tbsCertificate.";
    rsa_signature_params: "e_rsa_signature_parameter_not_null", Error, "RFC 4055 5; RFC 3279 2.2.1", ALL_KINDS, None,
        "PKCS #1 v1.5 signature algorithm identifiers must carry NULL parameters.";
    ecdsa_signature_params: "e_ecdsa_signature_parameters_present", Error, "RFC 5758 3.2", ALL_KINDS, None,
        "ECDSA signature algorithm identifiers must omit the parameters.";
    spki_rsa_params: "e_spki_rsa_encryption_parameter_not_null", Error, "RFC 3279 2.3.1", ALL_KINDS, None,
        "rsaEncryption in subjectPublicKeyInfo must carry NULL parameters.";
    time_format: "e_wrong_time_format_pre2050", Error, "RFC 5280 4.1.2.5", ALL_KINDS, None,
        "Validity dates through 2049 must be UTCTime; from 2050 GeneralizedTime.";
    validity_positive: "e_validity_time_not_positive", Error, "RFC 5280 4.1.2.5", ALL_KINDS, None,
        "notAfter must not be before notBefore.";
    duplicate_extension: "e_ext_duplicate_extension", Error, "RFC 5280 4.2", ALL_KINDS, None,
        "A certificate must not include more than one instance of an extension.";
    malformed_extension: "e_ext_malformed", Error, "RFC 5280 4.2", ALL_KINDS, None,
        "A known extension's value must decode as its ASN.1 type.";
    subject_empty_without_san: "e_subject_empty_without_san", Error, "RFC 5280 4.1.2.6", ALL_KINDS, None,
        "An empty subject requires a subjectAltName extension.";
    san_not_critical: "e_ext_san_not_critical_without_subject", Error, "RFC 5280 4.2.1.6", ALL_KINDS, None,
        "subjectAltName must be critical when the subject is empty.";
    san_no_entries: "e_ext_san_no_entries", Error, "RFC 5280 4.2.1.6", ALL_KINDS, None,
        "subjectAltName must contain at least one name.";
    san_empty_name: "e_ext_san_empty_name", Error, "RFC 5280 4.2.1.6", ALL_KINDS, None,
        "subjectAltName entries must not be empty strings.";
    eku_no_entries: "e_ext_eku_no_entries", Error, "RFC 5280 4.2.1.12", ALL_KINDS, None,
        "extendedKeyUsage must contain at least one purpose (KeyPurposeId SIZE (1..MAX)).";
    ca_subject_empty: "e_ca_subject_field_empty", Error, "RFC 5280 4.1.2.6", CA_KINDS, None,
        "A CA certificate must have a non-empty subject.";
    basic_constraints_critical: "e_basic_constraints_not_critical", Error, "RFC 5280 4.2.1.9", CA_KINDS, None,
        "basicConstraints must be critical in a CA certificate.";
    path_length: "e_path_len_constraint_improperly_included", Error, "RFC 5280 4.2.1.9", ALL_KINDS, None,
        "pathLenConstraint only when cA is TRUE and keyCertSign is asserted.";
    aki_missing: "e_ext_authority_key_identifier_missing", Error, "RFC 5280 4.2.1.1", ALL_KINDS, None,
        "authorityKeyIdentifier must be present except in self-signed certificates.";
    aki_no_key_id: "e_ext_authority_key_identifier_no_key_identifier", Error, "RFC 5280 4.2.1.1", ALL_KINDS, None,
        "authorityKeyIdentifier must contain the keyIdentifier field.";
    aki_critical: "e_ext_authority_key_identifier_critical", Error, "RFC 5280 4.2.1.1", ALL_KINDS, None,
        "authorityKeyIdentifier must not be critical.";
    ski_missing_ca: "e_ext_subject_key_identifier_missing_ca", Error, "RFC 5280 4.2.1.2", CA_KINDS, None,
        "subjectKeyIdentifier must be present in CA certificates.";
    ski_missing_sub: "w_ext_subject_key_identifier_missing_sub_cert", Warning, "RFC 5280 4.2.1.2", END_ENTITY_KINDS, None,
        "subjectKeyIdentifier should be present in end-entity certificates.";
    ski_critical: "e_ext_subject_key_identifier_critical", Error, "RFC 5280 4.2.1.2", ALL_KINDS, None,
        "subjectKeyIdentifier must not be critical.";
    ca_key_usage_missing: "e_ca_key_usage_missing", Error, "RFC 5280 4.2.1.3", CA_KINDS, None,
        "A CA certificate must include keyUsage.";
    ca_cert_sign: "e_ca_key_cert_sign_not_set", Error, "RFC 5280 4.2.1.3", CA_KINDS, None,
        "A CA certificate's keyUsage must assert keyCertSign.";
    key_usage_critical: "w_ext_key_usage_not_critical", Warning, "RFC 5280 4.2.1.3", ALL_KINDS, None,
        "keyUsage should be critical.";
    cert_sign_without_ca: "e_ext_key_usage_cert_sign_without_ca", Error, "RFC 5280 4.2.1.3", ALL_KINDS, None,
        "keyCertSign requires basicConstraints cA TRUE.";
    key_usage_without_bits: "e_ext_key_usage_without_bits", Error, "RFC 5280 4.2.1.3", ALL_KINDS, None,
        "keyUsage must assert at least one bit.";
    key_usage_eku_consistent: "e_key_usage_and_extended_key_usage_inconsistent", Error, "RFC 5280 4.2.1.12", END_ENTITY_KINDS, None,
        "Every asserted keyUsage bit must be consistent with the extended key usage as RFC 5280 4.2.1.12 lists (serverAuth: digitalSignature, keyEncipherment or keyAgreement; clientAuth: digitalSignature and/or keyAgreement; codeSigning: digitalSignature; ...).";
    time_stamping_critical: "e_eku_time_stamping_not_critical", Error, "RFC 3161 2.3", ALL_KINDS, None,
        "A certificate whose extended key usage includes timeStamping must mark the extension critical.";
    ec_key_usage: "e_ec_key_usage_invalid", Error, "RFC 5480 3; RFC 8813 3", ALL_KINDS, None,
        "An EC key must not assert keyEncipherment or dataEncipherment.";
    ed25519_key_usage: "e_ed25519_key_usage_invalid", Error, "RFC 8410 5", ALL_KINDS, None,
        "An Ed25519 key may only assert digitalSignature, nonRepudiation, keyCertSign and cRLSign.";
    rsa_key_usage: "e_rsa_key_usage_invalid", Error, "RFC 3279 2.3.1", ALL_KINDS, None,
        "An RSA key must not assert keyAgreement, encipherOnly or decipherOnly.";
    aia_critical: "e_ext_aia_marked_critical", Error, "RFC 5280 4.2.2.1", ALL_KINDS, None,
        "authorityInfoAccess must not be critical.";
    crl_distribution_critical: "w_ext_crl_distribution_marked_critical", Warning, "RFC 5280 4.2.1.13", ALL_KINDS, None,
        "cRLDistributionPoints should not be critical.";
    name_constraints_critical: "e_ext_name_constraints_not_critical", Error, "RFC 5280 4.2.1.10", ALL_KINDS, None,
        "nameConstraints must be critical.";
    policy_constraints_critical: "e_ext_policy_constraint_not_critical", Error, "RFC 5280 4.2.1.11", ALL_KINDS, None,
        "policyConstraints must be critical (a rule for the issuing CA; RFC 5280 path validation processes the extension either way).";
    policy_duplicate: "e_ext_cert_policy_duplicate", Error, "RFC 5280 4.2.1.4", ALL_KINDS, None,
        "A policy identifier must not appear more than once in certificatePolicies.";
    attribute_empty: "e_subject_attribute_value_empty", Error, "RFC 5280 4.1.2.4; X.520 DirectoryString SIZE (1..MAX)", ALL_KINDS, None,
        "Subject and issuer attribute values must not be empty.";
    directory_string_invalid: "e_subject_directory_string_invalid", Error, "RFC 5280 4.1.2.4; X.680 41", ALL_KINDS, None,
        "A name's string values must be valid for their type (PrintableString alphabet, UTF-8, BMPString length).";
    directory_string_legacy: "w_directory_string_legacy_type", Warning, "RFC 5280 4.1.2.4", ALL_KINDS, None,
        "New certificates should encode DirectoryString as PrintableString or UTF8String.";
    country_size: "e_subject_country_name_invalid", Error, "RFC 5280 A.1 (X520countryName)", ALL_KINDS, None,
        "countryName must be two letters in a PrintableString.";
    common_name_length: "e_subject_common_name_max_length", Error, "RFC 5280 A.1 (ub-common-name)", ALL_KINDS, None,
        "commonName must be at most 64 characters.";
    organization_length: "e_subject_organization_name_max_length", Error, "RFC 5280 A.1 (ub-organization-name)", ALL_KINDS, None,
        "organizationName must be at most 64 characters.";
    email_in_subject: "w_subject_email_address_deprecated", Warning, "RFC 5280 4.1.2.6", ALL_KINDS, None,
        "emailAddress in the subject is deprecated; put the address in subjectAltName as rfc822Name.";
    poison_critical: "e_ct_poison_not_critical", Error, "RFC 6962 3.1", ALL_KINDS, None,
        "The precertificate poison extension must be critical.";
    poison_null: "e_ct_poison_value_not_null", Error, "RFC 6962 3.1", ALL_KINDS, None,
        "The precertificate poison extension's value must be ASN.1 NULL.";
    display_controls: "w_name_display_control_characters", Warning, "Unicode UAX #9 (bidi); Unicode UTS #39 3; RFC 5280 4.1.2.4", ALL_KINDS, None,
        "Names and subjectAltName entries should not contain bidirectional formatting, zero-width or C0/C1 control characters: what a person reads is not what the certificate says.";
    dns_name_character: "e_rfc_dnsname_invalid_character", Error, "RFC 5280 4.2.1.6; RFC 1034 3.5", ALL_KINDS, None,
        "dNSName must use the preferred name syntax: letters, digits, hyphens and dots (no space, NUL, control or non-ASCII character; a leading \"*\" label aside).";
    dns_name_empty_label: "e_dnsname_empty_label", Error, "RFC 5280 4.2.1.6; RFC 1034 3.5", ALL_KINDS, None,
        "dNSName must not contain an empty label (a leading or trailing dot, or two dots in a row).";
    issuer_empty: "e_issuer_field_empty", Error, "RFC 5280 4.1.2.4", ALL_KINDS, None,
        "The issuer field must contain a non-empty distinguished name.";
    sia_critical: "e_ext_subject_information_access_marked_critical", Error, "RFC 5280 4.2.2.2", ALL_KINDS, None,
        "subjectInfoAccess must not be critical.";
    freshest_crl_critical: "e_ext_freshest_crl_marked_critical", Error, "RFC 5280 4.2.1.15", ALL_KINDS, None,
        "freshestCRL must not be critical.";
    inhibit_any_policy_critical: "e_inhibit_any_policy_not_critical", Error, "RFC 5280 4.2.1.14", ALL_KINDS, None,
        "inhibitAnyPolicy must be critical.";
    san_uri_syntax: "e_ext_san_uri_not_absolute", Error, "RFC 5280 4.2.1.6; RFC 3986 4.3", ALL_KINDS, None,
        "A uniformResourceIdentifier entry must be an absolute URI: a scheme followed by \":\" and a scheme-specific part.";
    san_email_syntax: "e_rfc822_name_invalid_syntax", Error, "RFC 5280 4.2.1.6; RFC 5322 3.4.1", ALL_KINDS, None,
        "An rfc822Name entry must be a bare addr-spec (local-part@domain): no display name, angle brackets or spaces.";
}

fn extensions_version(c: &Context<'_>) -> Vec<Hit> {
    let version = c.tbs().version();
    hit_if(
        !ext::all(c.cert).is_empty() && version != Version::V3,
        "version",
        || format!("version is {version:?} but the certificate has extensions"),
    )
}

fn unique_identifier(c: &Context<'_>) -> Vec<Hit> {
    let tbs = c.tbs();
    hit_if(
        tbs.issuer_unique_id().is_some() || tbs.subject_unique_id().is_some(),
        "version",
        || "issuerUniqueID or subjectUniqueID is present".to_owned(),
    )
}

fn serial_positive(c: &Context<'_>) -> Vec<Hit> {
    let bytes = c.tbs().serial_number().as_bytes();
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    let zero = bytes.iter().all(|&b| b == 0);
    hit_if(negative || zero, "serial", || {
        format!(
            "serial number 0x{} is {}",
            crate::cert::hex(bytes),
            if zero { "zero" } else { "negative" }
        )
    })
}

fn serial_length(c: &Context<'_>) -> Vec<Hit> {
    let bytes = c.tbs().serial_number().as_bytes();
    hit_if(bytes.len() > 20, "serial", || {
        format!("serial number is {} octets long", bytes.len())
    })
}

fn signature_mismatch(c: &Context<'_>) -> Vec<Hit> {
    let outer = c.cert.x509().signature_algorithm();
    let inner = c.tbs().signature();
    hit_if(outer != inner, "signature_algorithm", || {
        format!(
            "signatureAlgorithm is {} but tbsCertificate.signature is {} (or their parameters differ)",
            crate::oid::name(&outer.oid),
            crate::oid::name(&inner.oid)
        )
    })
}

/// Both signature algorithm identifiers of the certificate.
fn signature_algorithms<'a>(c: &Context<'a>) -> [&'a spki::AlgorithmIdentifierOwned; 2] {
    [c.cert.x509().signature_algorithm(), c.tbs().signature()]
}

fn rsa_signature_params(c: &Context<'_>) -> Vec<Hit> {
    let rsa = [
        oids::SHA1_RSA,
        oids::SHA256_RSA,
        oids::SHA384_RSA,
        oids::SHA512_RSA,
        oids::MD5_RSA,
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.14"),
    ];
    signature_algorithms(c)
        .into_iter()
        .filter(|alg| rsa.contains(&alg.oid))
        .filter(|alg| alg.parameters.as_ref().is_none_or(|p| p.tag() != Tag::Null))
        .take(1)
        .map(|alg| {
            hit(
                "signature_algorithm",
                format!(
                    "{} has {} instead of NULL parameters",
                    crate::oid::name(&alg.oid),
                    parameters_text(alg.parameters.as_ref())
                ),
            )
        })
        .collect()
}

fn parameters_text(parameters: Option<&der::Any>) -> String {
    match parameters {
        None => "absent parameters".to_owned(),
        Some(p) => format!("{:?} parameters", p.tag()),
    }
}

fn ecdsa_signature_params(c: &Context<'_>) -> Vec<Hit> {
    signature_algorithms(c)
        .into_iter()
        .filter(|alg| alg.oid.to_string().starts_with("1.2.840.10045.4."))
        .filter(|alg| alg.parameters.is_some())
        .take(1)
        .map(|alg| {
            hit(
                "signature_algorithm",
                format!(
                    "{} has {}; they must be absent",
                    crate::oid::name(&alg.oid),
                    parameters_text(alg.parameters.as_ref())
                ),
            )
        })
        .collect()
}

fn spki_rsa_params(c: &Context<'_>) -> Vec<Hit> {
    let algorithm = &c.tbs().subject_public_key_info().algorithm;
    hit_if(
        algorithm.oid == oids::RSA_ENCRYPTION
            && algorithm
                .parameters
                .as_ref()
                .is_none_or(|p| p.tag() != Tag::Null),
        "public_key",
        || {
            format!(
                "rsaEncryption has {}",
                parameters_text(algorithm.parameters.as_ref())
            )
        },
    )
}

fn time_format(c: &Context<'_>) -> Vec<Hit> {
    let validity = c.tbs().validity();
    let mut hits = Vec::new();
    for (field, time) in [
        ("validity/not_before", &validity.not_before),
        ("validity/not_after", &validity.not_after),
    ] {
        let year = time.to_date_time().year();
        let wrong = match time {
            Time::UtcTime(_) => year >= 2050,
            Time::GeneralTime(_) => year < 2050,
        };
        if wrong {
            let encoding = match time {
                Time::UtcTime(_) => "UTCTime",
                Time::GeneralTime(_) => "GeneralizedTime",
            };
            hits.push(hit(
                field,
                format!("{} ({year}) is encoded as {encoding}", time.to_date_time()),
            ));
        }
    }
    hits
}

fn validity_positive(c: &Context<'_>) -> Vec<Hit> {
    hit_if(c.not_after < c.not_before, "validity/not_after", || {
        "notAfter is before notBefore".to_owned()
    })
}

fn duplicate_extension(c: &Context<'_>) -> Vec<Hit> {
    let all = ext::all(c.cert);
    let mut hits = Vec::new();
    for (index, extension) in all.iter().enumerate() {
        let earlier = all
            .get(..index)
            .unwrap_or_default()
            .iter()
            .filter(|e| e.extn_id == extension.extn_id)
            .count();
        if earlier == 1 {
            hits.push(hit(
                extension_field(&extension.extn_id),
                format!(
                    "{} appears more than once",
                    crate::oid::short_name(&extension.extn_id)
                ),
            ));
        }
    }
    hits
}

fn malformed_extension(c: &Context<'_>) -> Vec<Hit> {
    use crate::ext::*;
    fn check<T: crate::facts::FactExtension>(c: &Context<'_>, hits: &mut Vec<Hit>) {
        let error = match c.facts.find::<T>() {
            Lookup::Malformed { error, .. }
            | Lookup::Duplicate {
                first: Err(error), ..
            } => error,
            _ => return,
        };
        hits.push(hit(
            extension_field(&T::OID),
            format!(
                "{} does not decode: {error}",
                crate::oid::short_name(&T::OID)
            ),
        ));
    }
    let mut hits = Vec::new();
    check::<AuthorityInfoAccessSyntax>(c, &mut hits);
    check::<AuthorityKeyIdentifier>(c, &mut hits);
    check::<BasicConstraints>(c, &mut hits);
    check::<CertificatePolicies>(c, &mut hits);
    check::<CrlDistributionPoints>(c, &mut hits);
    check::<ExtendedKeyUsage>(c, &mut hits);
    check::<KeyUsage>(c, &mut hits);
    // The SCT list (RFC 6962 3.3) has no x509-cert type: the report's decoder judges it.
    let sct_list = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11129.2.4.2");
    if let Some(extension) = ext::raw(c.cert, &sct_list).next() {
        if let ext::ExtensionValue::Failed { error } = ext::decode_extension(extension) {
            hits.push(hit(
                extension_field(&sct_list),
                format!("the SCT list does not decode: {error}"),
            ));
        }
    }
    // nameConstraints is judged by the report's own decoder, which keeps every GeneralName
    // arm: x509-cert has no x400Address arm and would call a legal constraint malformed.
    if let Some(extension) =
        ext::raw(c.cert, &<NameConstraints as const_oid::AssociatedOid>::OID).next()
    {
        if let ext::ExtensionValue::Failed { error } = ext::decode_extension(extension) {
            hits.push(hit(
                "extensions/nameConstraints",
                format!("nameConstraints does not decode: {error}"),
            ));
        }
    }
    check::<SubjectAltName>(c, &mut hits);
    check::<x509_cert::ext::pkix::IssuerAltName>(c, &mut hits);
    check::<SubjectKeyIdentifier>(c, &mut hits);
    hits
}

fn subject_empty_without_san(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.subject_is_empty() && !c.facts.find::<SubjectAltName>().is_present(),
        "subject",
        || "the subject is empty and there is no subjectAltName".to_owned(),
    )
}

fn san_not_critical(c: &Context<'_>) -> Vec<Hit> {
    let san = c.facts.find::<SubjectAltName>();
    hit_if(
        c.subject_is_empty() && san.critical() == Some(false),
        "extensions/subjectAltName",
        || "the subject is empty and subjectAltName is not critical".to_owned(),
    )
}

fn san_no_entries(c: &Context<'_>) -> Vec<Hit> {
    let empty = match c.facts.find::<SubjectAltName>() {
        Lookup::Present { value, .. } => value.0.is_empty(),
        _ => false,
    };
    hit_if(empty, "extensions/subjectAltName", || {
        "subjectAltName is an empty sequence".to_owned()
    })
}

fn eku_no_entries(c: &Context<'_>) -> Vec<Hit> {
    let empty = match c.facts.find::<ext::ExtendedKeyUsage>() {
        Lookup::Present { value, .. } => value.0.is_empty(),
        _ => false,
    };
    hit_if(empty, "extensions/extendedKeyUsage", || {
        "extendedKeyUsage is an empty sequence: it names no purpose".to_owned()
    })
}

fn san_empty_name(c: &Context<'_>) -> Vec<Hit> {
    c.san()
        .iter()
        .filter_map(|name| {
            let (kind, empty) = match name {
                GeneralName::DnsName(s) => ("dNSName", s.as_str().is_empty()),
                GeneralName::Rfc822Name(s) => ("rfc822Name", s.as_str().is_empty()),
                GeneralName::UniformResourceIdentifier(s) => {
                    ("uniformResourceIdentifier", s.as_str().is_empty())
                }
                GeneralName::IpAddress(ip) => ("iPAddress", ip.as_bytes().is_empty()),
                _ => return None,
            };
            empty.then(|| {
                hit(
                    "extensions/subjectAltName",
                    format!("subjectAltName has an empty {kind}"),
                )
            })
        })
        .collect()
}

fn ca_subject_empty(c: &Context<'_>) -> Vec<Hit> {
    hit_if(c.subject_is_empty(), "subject", || {
        "the CA certificate's subject is empty".to_owned()
    })
}

fn basic_constraints_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.basic_constraints().critical() == Some(false),
        "extensions/basicConstraints",
        || "basicConstraints is not critical in a CA certificate".to_owned(),
    )
}

fn path_length(c: &Context<'_>) -> Vec<Hit> {
    let Some(constraints) = c.basic_constraints().value().cloned() else {
        return Vec::new();
    };
    let Some(length) = constraints.path_len_constraint else {
        return Vec::new();
    };
    let cert_sign = ext::key_usage(c.cert).is_some_and(|k| k.key_cert_sign());
    hit_if(
        !constraints.ca || !cert_sign,
        "extensions/basicConstraints",
        || {
            format!(
                "pathLenConstraint {length} with cA {} and keyCertSign {}",
                constraints.ca,
                if cert_sign {
                    "asserted"
                } else {
                    "not asserted"
                }
            )
        },
    )
}

fn aki_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.self_issued() && !c.facts.find::<AuthorityKeyIdentifier>().is_present(),
        "extensions/authorityKeyIdentifier",
        || "authorityKeyIdentifier is absent from a certificate that is not self-issued".to_owned(),
    )
}

fn aki_no_key_id(c: &Context<'_>) -> Vec<Hit> {
    let missing = c
        .facts
        .find::<AuthorityKeyIdentifier>()
        .value()
        .is_some_and(|aki| aki.key_identifier.is_none());
    hit_if(missing, "extensions/authorityKeyIdentifier", || {
        "authorityKeyIdentifier has no keyIdentifier (only issuer and serial, or nothing)"
            .to_owned()
    })
}

fn aki_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<AuthorityKeyIdentifier>().critical() == Some(true),
        "extensions/authorityKeyIdentifier",
        || "authorityKeyIdentifier is critical".to_owned(),
    )
}

fn ski_missing_ca(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts.find::<SubjectKeyIdentifier>().is_present(),
        "extensions/subjectKeyIdentifier",
        || "subjectKeyIdentifier is absent from a CA certificate".to_owned(),
    )
}

fn ski_missing_sub(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts.find::<SubjectKeyIdentifier>().is_present(),
        "extensions/subjectKeyIdentifier",
        || "subjectKeyIdentifier is absent".to_owned(),
    )
}

fn ski_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<SubjectKeyIdentifier>().critical() == Some(true),
        "extensions/subjectKeyIdentifier",
        || "subjectKeyIdentifier is critical".to_owned(),
    )
}

fn ca_key_usage_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts.find::<ext::KeyUsage>().is_present(),
        "extensions/keyUsage",
        || "keyUsage is absent from a CA certificate".to_owned(),
    )
}

fn ca_cert_sign(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::key_usage(c.cert).is_some_and(|k| !k.key_cert_sign()),
        "extensions/keyUsage",
        || "keyUsage of a CA certificate does not assert keyCertSign".to_owned(),
    )
}

fn key_usage_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<ext::KeyUsage>().critical() == Some(false),
        "extensions/keyUsage",
        || "keyUsage is not critical".to_owned(),
    )
}

fn cert_sign_without_ca(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::key_usage(c.cert).is_some_and(|k| k.key_cert_sign()) && !ext::is_ca(c.cert),
        "extensions/keyUsage",
        || "keyCertSign is asserted but basicConstraints does not say cA TRUE".to_owned(),
    )
}

fn key_usage_without_bits(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::key_usage(c.cert).is_some_and(|k| k.0.is_empty()),
        "extensions/keyUsage",
        || "keyUsage asserts no bit".to_owned(),
    )
}

/// Key usage bits as a mask, in the order of the `KeyUsage` BIT STRING (RFC 5280 4.2.1.3).
const DIGITAL_SIGNATURE: u16 = 1;
const NON_REPUDIATION: u16 = 1 << 1;
const KEY_ENCIPHERMENT: u16 = 1 << 2;
const KEY_AGREEMENT: u16 = 1 << 4;

fn key_usage_mask(usage: &ext::KeyUsage) -> u16 {
    [
        (usage.digital_signature(), DIGITAL_SIGNATURE),
        (usage.non_repudiation(), NON_REPUDIATION),
        (usage.key_encipherment(), KEY_ENCIPHERMENT),
        (usage.data_encipherment(), 1 << 3),
        (usage.key_agreement(), KEY_AGREEMENT),
        (usage.key_cert_sign(), 1 << 5),
        (usage.crl_sign(), 1 << 6),
        (usage.encipher_only(), 1 << 7),
        (usage.decipher_only(), 1 << 8),
    ]
    .into_iter()
    .filter(|(set, _)| *set)
    .fold(0, |mask, (_, bit)| mask | bit)
}

/// The key usage bits RFC 5280 4.2.1.12 calls consistent with a purpose, and whether
/// keyEncipherment and keyAgreement exclude each other ("keyEncipherment or keyAgreement").
/// `None` for purposes RFC 5280 says nothing about.
fn consistent_bits(purpose: &ObjectIdentifier) -> Option<(u16, bool)> {
    let signing = DIGITAL_SIGNATURE | NON_REPUDIATION;
    match *purpose {
        p if p == oids::SERVER_AUTH => {
            Some((DIGITAL_SIGNATURE | KEY_ENCIPHERMENT | KEY_AGREEMENT, true))
        }
        p if p == oids::CLIENT_AUTH => Some((DIGITAL_SIGNATURE | KEY_AGREEMENT, false)),
        p if p == oids::CODE_SIGNING => Some((DIGITAL_SIGNATURE, false)),
        p if p == oids::EMAIL_PROTECTION => {
            Some((signing | KEY_ENCIPHERMENT | KEY_AGREEMENT, true))
        }
        p if p == oids::TIME_STAMPING || p == oids::OCSP_SIGNING => Some((signing, false)),
        _ => None,
    }
}

/// RFC 5280 4.2.1.12 as the PKI Consortium's reading adopted by zlint (zlint #553, #708): with
/// one purpose every asserted bit must be consistent with it (and keyEncipherment and
/// keyAgreement not both where the RFC says "or"); with several purposes every bit must be
/// consistent with at least one of them. Purposes RFC 5280 does not describe are not judged.
fn key_usage_eku_consistent(c: &Context<'_>) -> Vec<Hit> {
    let Some(usage) = ext::key_usage(c.cert) else {
        return Vec::new();
    };
    let purposes = c.purposes();
    let inconsistent = usage_inconsistent(key_usage_mask(&usage), purposes);
    hit_if(inconsistent, "extensions/keyUsage", || {
        format!(
            "keyUsage {} is not consistent with extendedKeyUsage {}",
            key_usage_names(&usage),
            purposes
                .iter()
                .map(crate::oid::short_name)
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

fn time_stamping_critical(c: &Context<'_>) -> Vec<Hit> {
    let lookup = c.facts.find::<ext::ExtendedKeyUsage>();
    let time_stamping = lookup
        .value()
        .is_some_and(|eku| eku.0.contains(&oids::TIME_STAMPING));
    hit_if(
        time_stamping && lookup.critical() == Some(false),
        "extensions/extendedKeyUsage",
        || "extKeyUsage includes timeStamping but is not critical".to_owned(),
    )
}

/// Whether the key usage mask is inconsistent with the purposes (see
/// [`key_usage_eku_consistent`]).
fn usage_inconsistent(mask: u16, purposes: &[ObjectIdentifier]) -> bool {
    let known: Vec<(u16, bool)> = purposes.iter().filter_map(consistent_bits).collect();
    if known.is_empty() || purposes.contains(&oids::ANY_EKU) {
        return false;
    }
    match known.as_slice() {
        [(allowed, exclusive)] if purposes.len() == 1 => {
            let both = KEY_ENCIPHERMENT | KEY_AGREEMENT;
            mask & !allowed != 0 || (*exclusive && mask & both == both)
        }
        _ => {
            let union = known.iter().fold(0, |all, (allowed, _)| all | allowed);
            mask & !union != 0
        }
    }
}

/// The asserted key usage bits as text.
pub(super) fn key_usage_names(usage: &ext::KeyUsage) -> String {
    let names: Vec<String> = usage.0.into_iter().map(|bit| format!("{bit:?}")).collect();
    if names.is_empty() {
        "(none)".to_owned()
    } else {
        names.join(", ")
    }
}

fn ec_key_usage(c: &Context<'_>) -> Vec<Hit> {
    let Some(usage) = ext::key_usage(c.cert) else {
        return Vec::new();
    };
    hit_if(
        c.key.ec() && (usage.key_encipherment() || usage.data_encipherment()),
        "extensions/keyUsage",
        || {
            format!(
                "EC key with keyUsage {}: keyEncipherment and dataEncipherment are not possible with EC",
                key_usage_names(&usage)
            )
        },
    )
}

fn ed25519_key_usage(c: &Context<'_>) -> Vec<Hit> {
    let Some(usage) = ext::key_usage(c.cert) else {
        return Vec::new();
    };
    hit_if(
        c.key.kind == KeyKind::Ed25519
            && (usage.key_encipherment()
                || usage.data_encipherment()
                || usage.key_agreement()
                || usage.encipher_only()
                || usage.decipher_only()),
        "extensions/keyUsage",
        || format!("Ed25519 key with keyUsage {}", key_usage_names(&usage)),
    )
}

fn rsa_key_usage(c: &Context<'_>) -> Vec<Hit> {
    let Some(usage) = ext::key_usage(c.cert) else {
        return Vec::new();
    };
    hit_if(
        c.key.rsa_encryption().is_some()
            && (usage.key_agreement() || usage.encipher_only() || usage.decipher_only()),
        "extensions/keyUsage",
        || format!("RSA key with keyUsage {}", key_usage_names(&usage)),
    )
}

fn aia_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<ext::AuthorityInfoAccessSyntax>().critical() == Some(true),
        "extensions/authorityInfoAccess",
        || "authorityInfoAccess is critical".to_owned(),
    )
}

fn crl_distribution_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<ext::CrlDistributionPoints>().critical() == Some(true),
        "extensions/cRLDistributionPoints",
        || "cRLDistributionPoints is critical".to_owned(),
    )
}

fn name_constraints_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<ext::NameConstraints>().critical() == Some(false),
        "extensions/nameConstraints",
        || "nameConstraints is not critical".to_owned(),
    )
}

fn policy_constraints_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<ext::PolicyConstraints>().critical() == Some(false),
        "extensions/policyConstraints",
        || "policyConstraints is not critical".to_owned(),
    )
}

fn policy_duplicate(c: &Context<'_>) -> Vec<Hit> {
    let policies = c.policies();
    let mut seen = Vec::new();
    let mut hits = Vec::new();
    for policy in policies {
        if seen.contains(&policy) {
            hits.push(hit(
                "extensions/certificatePolicies",
                format!("policy {policy} is listed more than once"),
            ));
        } else {
            seen.push(policy);
        }
    }
    hits
}

/// Every attribute value of the subject and issuer, with the field path of its name.
fn name_values<'a>(
    c: &Context<'a>,
) -> Vec<(&'static str, &'a x509_cert::attr::AttributeTypeAndValue)> {
    let tbs = c.tbs();
    let mut values = Vec::new();
    for (field, name) in [("subject", tbs.subject()), ("issuer", tbs.issuer())] {
        for rdn in name.iter_rdn() {
            for atv in rdn.iter() {
                values.push((field, atv));
            }
        }
    }
    values
}

fn attribute_field(field: &str, oid: &ObjectIdentifier) -> String {
    format!("{field}/attributes/{}", crate::oid::short_name(oid))
}

const STRING_TAGS: [Tag; 6] = [
    Tag::Utf8String,
    Tag::PrintableString,
    Tag::Ia5String,
    Tag::TeletexString,
    Tag::BmpString,
    Tag::VisibleString,
];

fn attribute_empty(c: &Context<'_>) -> Vec<Hit> {
    name_values(c)
        .into_iter()
        .filter(|(_, atv)| STRING_TAGS.contains(&atv.value.tag()) && atv.value.value().is_empty())
        .map(|(field, atv)| {
            hit(
                attribute_field(field, &atv.oid),
                format!(
                    "{} in the {field} is an empty string",
                    crate::oid::short_name(&atv.oid)
                ),
            )
        })
        .collect()
}

/// Whether a byte is in the PrintableString alphabet (X.680 41.4).
fn printable(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b" '()+,-./:=?".contains(&byte)
}

/// What is wrong with a string value for its type (PrintableString alphabet, UTF-8, BMPString
/// length, IA5String range), if anything.
pub(super) fn string_problem(value: &der::Any) -> Option<String> {
    let bytes = value.value();
    match value.tag() {
        Tag::PrintableString => bytes
            .iter()
            .find(|&&b| !printable(b))
            .map(|b| format!("PrintableString contains the character 0x{b:02x}")),
        Tag::Utf8String => std::str::from_utf8(bytes)
            .is_err()
            .then(|| "UTF8String is not valid UTF-8".to_owned()),
        Tag::BmpString => (!bytes.len().is_multiple_of(2))
            .then(|| format!("BMPString has an odd length ({})", bytes.len())),
        Tag::Ia5String => {
            (!bytes.is_ascii()).then(|| "IA5String contains a non-ASCII byte".to_owned())
        }
        _ => None,
    }
}

fn directory_string_invalid(c: &Context<'_>) -> Vec<Hit> {
    name_values(c)
        .into_iter()
        .filter_map(|(field, atv)| {
            let problem = string_problem(&atv.value)?;
            Some(hit(
                attribute_field(field, &atv.oid),
                format!(
                    "{} in the {field}: {problem}",
                    crate::oid::short_name(&atv.oid)
                ),
            ))
        })
        .collect()
}

fn directory_string_legacy(c: &Context<'_>) -> Vec<Hit> {
    name_values(c)
        .into_iter()
        .filter(|(field, _)| *field == "subject")
        .filter(|(_, atv)| matches!(atv.value.tag(), Tag::TeletexString | Tag::BmpString))
        .map(|(field, atv)| {
            hit(
                attribute_field(field, &atv.oid),
                format!(
                    "{} is encoded as {:?}",
                    crate::oid::short_name(&atv.oid),
                    atv.value.tag()
                ),
            )
        })
        .collect()
}

fn country_size(c: &Context<'_>) -> Vec<Hit> {
    name_values(c)
        .into_iter()
        .filter(|(field, atv)| *field == "subject" && atv.oid == oids::COUNTRY)
        .filter(|(_, atv)| {
            let bytes = atv.value.value();
            atv.value.tag() != Tag::PrintableString
                || bytes.len() != 2
                || !bytes.iter().all(u8::is_ascii_alphabetic)
        })
        .map(|(field, atv)| {
            hit(
                attribute_field(field, &atv.oid),
                format!(
                    "countryName {:?} ({:?}) is not two letters in a PrintableString",
                    String::from_utf8_lossy(atv.value.value()),
                    atv.value.tag()
                ),
            )
        })
        .collect()
}

fn too_long(c: &Context<'_>, oid: ObjectIdentifier, limit: usize) -> Vec<Hit> {
    c.subject_values(oid)
        .into_iter()
        .filter(|value| value.chars().count() > limit)
        .map(|value| {
            hit(
                attribute_field("subject", &oid),
                format!(
                    "{} is {} characters long (at most {limit})",
                    crate::oid::short_name(&oid),
                    value.chars().count()
                ),
            )
        })
        .collect()
}

fn common_name_length(c: &Context<'_>) -> Vec<Hit> {
    too_long(c, oids::COMMON_NAME, 64)
}

fn organization_length(c: &Context<'_>) -> Vec<Hit> {
    too_long(c, oids::ORGANIZATION, 64)
}

fn email_in_subject(c: &Context<'_>) -> Vec<Hit> {
    c.subject_values(oids::EMAIL_ADDRESS)
        .into_iter()
        .take(1)
        .map(|value| {
            hit(
                "subject/attributes/emailAddress",
                format!("the subject carries emailAddress {value:?}"),
            )
        })
        .collect()
}

fn poison_critical(c: &Context<'_>) -> Vec<Hit> {
    ext::raw(c.cert, &oids::CT_POISON)
        .filter(|e| !e.critical)
        .take(1)
        .map(|_| {
            hit(
                "extensions/ctPoison",
                "the precertificate poison is not critical",
            )
        })
        .collect()
}

fn poison_null(c: &Context<'_>) -> Vec<Hit> {
    ext::raw(c.cert, &oids::CT_POISON)
        .filter(|e| der::asn1::Null::from_der(e.extn_value.as_bytes()).is_err())
        .take(1)
        .map(|e| {
            hit(
                "extensions/ctPoison",
                format!(
                    "the precertificate poison's value is {} instead of 0500",
                    crate::cert::hex(e.extn_value.as_bytes())
                ),
            )
        })
        .collect()
}

/// The text of a name attribute's value, decoded by its string type (lossy).
fn attribute_text(atv: &x509_cert::attr::AttributeTypeAndValue) -> String {
    let bytes = atv.value.value();
    match atv.value.tag() {
        Tag::BmpString => char::decode_utf16(
            bytes
                .chunks(2)
                .map(|pair| pair.iter().fold(0u16, |acc, &b| (acc << 8) | u16::from(b))),
        )
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect(),
        Tag::TeletexString => bytes.iter().map(|&b| char::from(b)).collect(),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The text of the subjectAltName's string entries, with their kind.
fn san_texts(c: &Context<'_>) -> Vec<(&'static str, String)> {
    c.san()
        .iter()
        .filter_map(|name| match name {
            GeneralName::DnsName(s) => Some(("dNSName", s.as_str().to_owned())),
            GeneralName::Rfc822Name(s) => Some(("rfc822Name", s.as_str().to_owned())),
            GeneralName::UniformResourceIdentifier(s) => {
                Some(("uniformResourceIdentifier", s.as_str().to_owned()))
            }
            _ => None,
        })
        .collect()
}

fn display_controls(c: &Context<'_>) -> Vec<Hit> {
    let describe = |text: &str| {
        crate::display::controls_in(text)
            .iter()
            .map(|&ch| format!("U+{:04X}", u32::from(ch)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut hits = Vec::new();
    for (field, atv) in name_values(c) {
        let text = attribute_text(atv);
        if text.chars().any(crate::display::is_display_control) {
            hits.push(hit(
                attribute_field(field, &atv.oid),
                format!(
                    "{} in the {field} is shown as \"{}\" but contains {}",
                    crate::oid::short_name(&atv.oid),
                    crate::display::escape(&text),
                    describe(&text)
                ),
            ));
        }
    }
    for (kind, text) in san_texts(c) {
        if text.chars().any(crate::display::is_display_control) {
            hits.push(hit(
                "extensions/subjectAltName",
                format!(
                    "{kind} \"{}\" contains {}",
                    crate::display::escape(&text),
                    describe(&text)
                ),
            ));
        }
    }
    hits
}

fn dns_name_character(c: &Context<'_>) -> Vec<Hit> {
    c.dns_names()
        .into_iter()
        .filter(|name| {
            name.split('.').enumerate().any(|(index, label)| {
                let wildcard = index == 0 && label == "*";
                let preferred = label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                !wildcard && !preferred
            })
        })
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!(
                    "dNSName \"{}\" has a character outside the preferred name syntax",
                    crate::display::escape(&name)
                ),
            )
        })
        .collect()
}

fn dns_name_empty_label(c: &Context<'_>) -> Vec<Hit> {
    c.dns_names()
        .into_iter()
        .filter(|name| !name.is_empty() && name.split('.').any(str::is_empty))
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!(
                    "dNSName \"{}\" has an empty label",
                    crate::display::escape(&name)
                ),
            )
        })
        .collect()
}

fn issuer_empty(c: &Context<'_>) -> Vec<Hit> {
    hit_if(c.tbs().issuer().is_empty(), "issuer", || {
        "the issuer is an empty sequence".to_owned()
    })
}

/// A hit when the extension with `oid` is present with the wrong criticality.
fn criticality(c: &Context<'_>, oid: &str, must_be_critical: bool) -> Vec<Hit> {
    let Ok(oid) = ObjectIdentifier::new(oid) else {
        return Vec::new();
    };
    ext::raw(c.cert, &oid)
        .filter(|e| e.critical != must_be_critical)
        .take(1)
        .map(|e| {
            hit(
                extension_field(&e.extn_id),
                format!(
                    "{} is {}critical",
                    crate::oid::short_name(&e.extn_id),
                    if e.critical { "" } else { "not " }
                ),
            )
        })
        .collect()
}

fn sia_critical(c: &Context<'_>) -> Vec<Hit> {
    criticality(c, "1.3.6.1.5.5.7.1.11", false)
}

fn freshest_crl_critical(c: &Context<'_>) -> Vec<Hit> {
    criticality(c, "2.5.29.46", false)
}

fn inhibit_any_policy_critical(c: &Context<'_>) -> Vec<Hit> {
    criticality(c, "2.5.29.54", true)
}

/// Whether `uri` starts with an RFC 3986 scheme and a colon, with something after it.
pub(super) fn absolute_uri(uri: &str) -> bool {
    let Some((scheme, rest)) = uri.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
}

fn san_uri_syntax(c: &Context<'_>) -> Vec<Hit> {
    san_texts(c)
        .into_iter()
        .filter(|(kind, text)| *kind == "uniformResourceIdentifier" && !text.is_empty())
        .filter(|(_, text)| !absolute_uri(text))
        .map(|(_, text)| {
            hit(
                "extensions/subjectAltName",
                format!(
                    "uniformResourceIdentifier \"{}\" is not an absolute URI",
                    crate::display::escape(&text)
                ),
            )
        })
        .collect()
}

/// Whether `address` is a bare addr-spec: one `@`, non-empty local part and domain, no
/// space, angle bracket or control character.
pub(super) fn addr_spec(address: &str) -> bool {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    let unquoted_at = local.contains('@') && !local.starts_with('"');
    let forbidden = address
        .chars()
        .any(|ch| ch == ' ' || ch == '<' || ch == '>' || ch.is_control());
    !(local.is_empty() || domain.is_empty() || unquoted_at || forbidden)
}

fn san_email_syntax(c: &Context<'_>) -> Vec<Hit> {
    san_texts(c)
        .into_iter()
        .filter(|(kind, text)| *kind == "rfc822Name" && !text.is_empty() && !addr_spec(text))
        .map(|(_, text)| {
            hit(
                "extensions/subjectAltName",
                format!(
                    "rfc822Name \"{}\" is not a bare local-part@domain address",
                    crate::display::escape(&text)
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_usage_and_purpose_consistency_follows_rfc_5280_4_2_1_12() {
        let server = [oids::SERVER_AUTH];
        let client = [oids::CLIENT_AUTH];
        let both = [oids::SERVER_AUTH, oids::CLIENT_AUTH];
        let data_encipherment = 1 << 3;
        assert!(!usage_inconsistent(
            DIGITAL_SIGNATURE | KEY_ENCIPHERMENT,
            &server
        ));
        assert!(!usage_inconsistent(KEY_AGREEMENT, &server));
        assert!(usage_inconsistent(
            KEY_ENCIPHERMENT | KEY_AGREEMENT,
            &server
        ));
        assert!(usage_inconsistent(
            DIGITAL_SIGNATURE | KEY_ENCIPHERMENT,
            &client
        ));
        assert!(!usage_inconsistent(
            DIGITAL_SIGNATURE | KEY_ENCIPHERMENT,
            &both
        ));
        assert!(usage_inconsistent(
            DIGITAL_SIGNATURE | KEY_ENCIPHERMENT | data_encipherment,
            &both
        ));
        assert!(usage_inconsistent(NON_REPUDIATION, &[oids::CODE_SIGNING]));
        assert!(!usage_inconsistent(NON_REPUDIATION, &[oids::TIME_STAMPING]));
        // Purposes RFC 5280 does not describe, and anyExtendedKeyUsage, are not judged.
        let ike = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.17");
        assert!(!usage_inconsistent(data_encipherment, &[ike]));
        assert!(!usage_inconsistent(
            data_encipherment,
            &[oids::SERVER_AUTH, oids::ANY_EKU]
        ));
    }
}
