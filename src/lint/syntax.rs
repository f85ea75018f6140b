//! RFC 5280 rules on the syntax of the less common extensions and of name attributes: name
//! and policy constraints, policy mappings, issuerAltName, policy qualifiers and explicitText
//! (RFC 6818), X.520 upper bounds, the keyUsage BIT STRING, CRL distribution points, and the
//! CT SCT list (RFC 6962). Part of the `rfc5280` rule set: run on every certificate.

use der::asn1::ObjectIdentifier;
use der::{Decode, Reader, Tag, Tagged};
use x509_cert::ext::pkix::name::GeneralName;

use super::{
    extension_field, hit, hit_if, lints, oids, Context, Hit, RuleSet, ALL_KINDS, CA_KINDS,
    END_ENTITY_KINDS,
};
use crate::ext;

const RULE_SET: RuleSet = RuleSet::Rfc5280;

lints! {
    distribution_point_incomplete: "e_distribution_point_incomplete", Error, "RFC 5280 4.2.1.13", ALL_KINDS, None,
        "A distribution point must name the CRL (distributionPoint) or its issuer (cRLIssuer), not carry reasons alone.";
    name_constraints_empty: "e_name_constraint_empty", Error, "RFC 5280 4.2.1.10", ALL_KINDS, None,
        "nameConstraints must contain permittedSubtrees or excludedSubtrees.";
    name_constraints_minimum: "e_name_constraint_minimum_non_zero", Error, "RFC 5280 4.2.1.10", ALL_KINDS, None,
        "A subtree's minimum is not used and must be zero (absent).";
    name_constraints_maximum: "e_name_constraint_maximum_not_absent", Error, "RFC 5280 4.2.1.10", ALL_KINDS, None,
        "A subtree's maximum is not used and must be absent.";
    name_constraints_end_entity: "e_ext_name_constraints_not_in_ca", Error, "RFC 5280 4.2.1.10", END_ENTITY_KINDS, None,
        "nameConstraints must be used only in a CA certificate.";
    policy_constraints_empty: "e_ext_policy_constraints_empty", Error, "RFC 5280 4.2.1.11", ALL_KINDS, None,
        "policyConstraints must contain requireExplicitPolicy or inhibitPolicyMapping.";
    policy_mapping_any: "e_ext_policy_map_any_policy", Error, "RFC 5280 4.2.1.5", ALL_KINDS, None,
        "Policies must not be mapped to or from anyPolicy.";
    policy_mapping_critical: "w_ext_policy_map_not_critical", Warning, "RFC 5280 4.2.1.5", ALL_KINDS, None,
        "policyMappings should be critical.";
    ian_no_entries: "e_ext_ian_no_entries", Error, "RFC 5280 4.2.1.7", ALL_KINDS, None,
        "issuerAltName must contain at least one name.";
    ian_empty_name: "e_ext_ian_empty_name", Error, "RFC 5280 4.2.1.7; 4.2.1.6", ALL_KINDS, None,
        "issuerAltName entries must not be empty strings.";
    ian_critical: "w_ext_ian_critical", Warning, "RFC 5280 4.2.1.7", ALL_KINDS, None,
        "issuerAltName should not be critical.";
    any_policy_qualifier: "e_ext_cert_policy_disallowed_any_policy_qualifier", Error, "RFC 5280 4.2.1.4", ALL_KINDS, None,
        "Qualifiers of anyPolicy must be a CPS pointer or a user notice.";
    notice_reference: "w_ext_cert_policy_contains_noticeref", Warning, "RFC 5280 4.2.1.4", ALL_KINDS, None,
        "Conforming CAs should not use the noticeRef option of a user notice.";
    explicit_text_ia5: "e_ext_cert_policy_explicit_text_ia5_string", Error, "RFC 6818 3", ALL_KINDS, Some("2013-01-01"),
        "explicitText must not be encoded as IA5String (certificates issued from RFC 6818, January 2013).";
    explicit_text_utf8: "w_ext_cert_policy_explicit_text_not_utf8", Warning, "RFC 5280 4.2.1.4; RFC 6818 3", ALL_KINDS, None,
        "explicitText should be encoded as UTF8String.";
    explicit_text_length: "e_ext_cert_policy_explicit_text_too_long", Error, "RFC 5280 4.2.1.4 (DisplayText SIZE (1..200))", ALL_KINDS, None,
        "explicitText must be 1 to 200 characters long.";
    explicit_text_control: "w_ext_cert_policy_explicit_text_includes_control", Warning, "RFC 6818 3", ALL_KINDS, None,
        "explicitText should not include control characters (U+0000-U+001F, U+007F-U+009F).";
    locality_length: "e_subject_locality_name_max_length", Error, "RFC 5280 A.1 (ub-locality-name)", ALL_KINDS, None,
        "localityName must be at most 128 characters.";
    state_length: "e_subject_state_name_max_length", Error, "RFC 5280 A.1 (ub-state-name)", ALL_KINDS, None,
        "stateOrProvinceName must be at most 128 characters.";
    organizational_unit_length: "e_subject_organizational_unit_name_max_length", Error, "RFC 5280 A.1 (ub-organizational-unit-name)", ALL_KINDS, None,
        "organizationalUnitName must be at most 64 characters.";
    postal_code_length: "e_subject_postal_code_max_length", Error, "RFC 5280 A.1 (ub-postal-code); X.520 upper bounds", ALL_KINDS, None,
        "postalCode must be at most 40 characters.";
    street_length: "e_subject_street_address_max_length", Error, "X.520 upper bounds (ub-street-address)", ALL_KINDS, None,
        "streetAddress must be at most 128 characters.";
    serial_number_length: "e_subject_dn_serial_number_max_length", Error, "RFC 5280 A.1 (ub-serial-number)", ALL_KINDS, None,
        "The subject's serialNumber attribute must be at most 64 characters.";
    email_length: "e_subject_email_max_length", Error, "RFC 5280 A.1 (ub-emailaddress-length)", ALL_KINDS, None,
        "emailAddress must be at most 255 characters.";
    directory_attributes_critical: "e_ext_subject_directory_attr_critical", Error, "RFC 5280 4.2.1.8", ALL_KINDS, None,
        "subjectDirectoryAttributes must not be critical.";
    key_usage_trailing_octet: "e_superfluous_ku_encoding", Error, "RFC 5280 4.2.1.3; X.690 11.2.2", ALL_KINDS, None,
        "The keyUsage BIT STRING must not end with a zero octet (DER removes trailing zero bits).";
    key_usage_unused_bits: "e_incorrect_ku_encoding", Error, "RFC 5280 4.2.1.3; X.690 11.2.2", ALL_KINDS, None,
        "The keyUsage BIT STRING's unused-bits count must equal the trailing zero bits of its last octet (DER).";
    sct_list_empty: "e_empty_sct_list", Error, "RFC 6962 3.3", ALL_KINDS, None,
        "A SignedCertificateTimestampList must contain at least one SCT.";
    precertificate_sct_list: "e_precert_with_sct_list", Error, "RFC 6962 3.1; 3.3", ALL_KINDS, None,
        "A precertificate (poison extension) must not carry an SCT list: SCTs go into the final certificate.";
    ian_dns_space: "e_ext_ian_space_dns_name", Error, "RFC 5280 4.2.1.7; 4.2.1.6", ALL_KINDS, None,
        "An issuerAltName dNSName must not contain a space (RFC 1034 preferred name syntax).";
    ian_email_syntax: "e_ext_ian_rfc822_format_invalid", Error, "RFC 5280 4.2.1.7; 4.2.1.6", ALL_KINDS, None,
        "An issuerAltName rfc822Name must be a bare local-part@domain address.";
    ian_uri_relative: "e_ext_ian_uri_relative", Error, "RFC 5280 4.2.1.7; 4.2.1.6", ALL_KINDS, None,
        "An issuerAltName uniformResourceIdentifier must be an absolute URI, with a scheme and a scheme-specific part.";
    ian_uri_host: "e_ext_ian_uri_host_not_fqdn_or_ip", Error, "RFC 5280 4.2.1.7; 4.2.1.6", ALL_KINDS, None,
        "An issuerAltName URI that includes an authority must name a fully qualified domain name or an IP address as its host.";
    san_uri_host: "e_ext_san_uri_host_not_fqdn_or_ip", Error, "RFC 5280 4.2.1.6", ALL_KINDS, None,
        "A subjectAltName URI that includes an authority must name a fully qualified domain name or an IP address as its host.";
    san_dns_too_long: "e_ext_san_dns_name_too_long", Error, "RFC 5280 4.2.1.6; RFC 1035 2.3.4", ALL_KINDS, None,
        "A subjectAltName dNSName must be at most 253 octets.";
    dns_hyphen: "e_rfc_dnsname_hyphen_at_label_edge", Error, "RFC 5280 4.2.1.6; RFC 1034 3.5", ALL_KINDS, None,
        "A subjectAltName dNSName label must not start or end with a hyphen (RFC 1034 preferred name syntax).";
    given_name_length: "e_subject_given_name_max_length", Error, "RFC 5280 A.1 (X520name, ub-name)", ALL_KINDS, None,
        "givenName must be at most 32768 characters.";
    surname_length: "e_subject_surname_max_length", Error, "RFC 5280 A.1 (X520name, ub-name)", ALL_KINDS, None,
        "surname must be at most 32768 characters.";
    serial_number_printable: "e_subject_dn_serial_number_not_printable_string", Error, "RFC 5280 A.1 (X520SerialNumber)", ALL_KINDS, None,
        "The subject's serialNumber attribute must be a PrintableString.";
    eku_any_critical: "w_eku_critical_improperly", Warning, "RFC 5280 4.2.1.12", ALL_KINDS, None,
        "An extKeyUsage containing anyExtendedKeyUsage should not be critical.";
    san_critical_with_subject: "w_ext_san_critical_with_subject_dn", Warning, "RFC 5280 4.2.1.6", ALL_KINDS, None,
        "subjectAltName should not be critical when the subject is not empty.";
    san_ip_length: "e_ext_san_ip_address_wrong_length", Error, "RFC 5280 4.2.1.6", ALL_KINDS, None,
        "A subjectAltName iPAddress must be 4 octets (IPv4) or 16 octets (IPv6).";
    aki_issuer_serial: "e_ext_authority_key_identifier_issuer_serial_unpaired", Error, "X.509 9.2.2.1; RFC 5280 4.2.1.1", ALL_KINDS, None,
        "authorityCertIssuer and authorityCertSerialNumber must both be present or both be absent.";
    email_domain_length: "e_rfc822_name_domain_too_long", Error, "RFC 5280 4.2.1.6; RFC 1035 2.3.4", ALL_KINDS, None,
        "The domain of a subjectAltName rfc822Name must be at most 253 octets.";
    rdn_duplicate_type: "e_rdn_duplicate_attribute_type", Error, "X.501 9.3 (RelativeDistinguishedName); RFC 5280 4.1.2.4", ALL_KINDS, None,
        "A multi-valued RDN must not contain the same attribute type twice.";
    distribution_point_uri: "w_distribution_point_missing_ldap_or_uri", Warning, "RFC 5280 4.2.1.13", ALL_KINDS, None,
        "A distribution point's fullName should include an LDAP or HTTP URI.";
    aia_location: "w_ext_aia_access_location_missing", Warning, "RFC 5280 4.2.2.1", ALL_KINDS, None,
        "At least one id-ad-caIssuers location should be an HTTP or LDAP URI.";
    policy_map_asserted: "w_ext_policy_map_not_in_cert_policy", Warning, "RFC 5280 4.2.1.5", ALL_KINDS, None,
        "Each issuerDomainPolicy of policyMappings should also be asserted in certificatePolicies.";
    name_constraint_edi: "w_name_constraint_on_edi_party_name", Warning, "RFC 5280 4.2.1.10", ALL_KINDS, None,
        "CAs should not impose name constraints on the ediPartyName name form.";
    name_constraint_registered_id: "w_name_constraint_on_registered_id", Warning, "RFC 5280 4.2.1.10", ALL_KINDS, None,
        "CAs should not impose name constraints on the registeredID name form.";
    san_uri_host_length: "e_ext_san_uri_host_too_long", Error, "RFC 5280 4.2.1.6; RFC 1035 2.3.4", ALL_KINDS, None,
        "The host of a subjectAltName URI must be at most 253 octets.";
    name_constraint_ip_length: "e_name_constraint_ip_address_wrong_length", Error, "RFC 5280 4.2.1.10", ALL_KINDS, None,
        "An iPAddress name constraint must be 8 octets (IPv4 address and mask) or 32 octets (IPv6).";
    name_constraint_ip_mask: "e_name_constraint_ip_address_mask_not_cidr", Error, "RFC 5280 4.2.1.10; RFC 4632", ALL_KINDS, None,
        "The mask of an iPAddress name constraint must be a CIDR prefix: ones, then zeros.";
    issuer_country_printable: "e_issuer_dn_country_not_printable_string", Error, "RFC 5280 A.1 (X520countryName)", ALL_KINDS, None,
        "The issuer's countryName must be a PrintableString.";
    name_constraint_x400: "w_name_constraint_on_x400", Warning, "RFC 5280 4.2.1.10", ALL_KINDS, None,
        "CAs should not impose name constraints on the x400Address name form.";
    name_constraint_uri_fqdn: "e_name_constraint_not_fqdn", Error, "RFC 5280 4.2.1.10", ALL_KINDS, None,
        "A uniformResourceIdentifier name constraint must be a fully qualified domain name (a host, or a domain after a leading period), not a URI.";
    encipher_and_decipher_only: "w_key_usage_encipher_and_decipher_only", Warning, "RFC 5280 4.2.1.3", ALL_KINDS, None,
        "keyUsage should not assert both encipherOnly and decipherOnly: each restricts keyAgreement to the one direction it names.";
    ca_only_extension: "n_end_entity_ca_only_extension", Notice, "RFC 5280 4.2.1.5, 4.2.1.11, 4.2.1.14", END_ENTITY_KINDS, None,
        "policyMappings, policyConstraints and inhibitAnyPolicy are used in CA certificates; in an end-entity certificate they have no effect.";
    domain_component_label: "w_subject_dc_not_domain_label", Warning, "RFC 4519 2.4; RFC 1035 2.3.1", ALL_KINDS, None,
        "Each subject domainComponent should hold one DNS label: letters, digits and hyphens, 1 to 63 octets.";
    given_name_x411: "w_subject_given_name_recommended_max_length", Warning, "X.411 Annex B (ub-given-name-length)", ALL_KINDS, None,
        "A subject givenName should be at most 16 characters.";
    surname_x411: "w_subject_surname_recommended_max_length", Warning, "X.411 Annex B (ub-surname-length)", ALL_KINDS, None,
        "A subject surname should be at most 40 characters.";
    smime_capabilities_critical: "w_smime_capabilities_critical", Warning, "RFC 4262 2", ALL_KINDS, None,
        "smimeCapabilities is defined as a non-critical extension and should not be marked critical.";
    idna_label: "e_international_dns_name_not_unicode", Error, "RFC 5890 2.3.2.1; RFC 3492 6.2", ALL_KINDS, None,
        "An xn-- label of a subjectAltName dNSName must be an A-label: Punycode that decodes to a non-ASCII Unicode label.";
    smtp_utf8_mailbox: "e_smtp_utf8_mailbox_invalid", Error, "RFC 9598 3", ALL_KINDS, None,
        "An SmtpUTF8Mailbox must be local-part@domain with a non-ASCII local part (an all-ASCII address goes in rfc822Name), no byte order mark and a domain of at most 255 octets.";
    ec_point: "e_ec_public_key_not_on_curve", Error, "RFC 5480 2.2; SEC 1 3.2.2", ALL_KINDS, None,
        "An EC public key on P-256, P-384 or P-521 must be a valid point of the curve.";
    rsa_ca_encipherment: "w_rsa_allowed_ku_no_encipherment_ca", Warning, "RFC 3279 2.3.1", CA_KINDS, None,
        "An RSA CA key with keyCertSign or cRLSign should not also assert keyEncipherment or dataEncipherment.";
}

const CRL_DISTRIBUTION_POINTS: &str = "extensions/cRLDistributionPoints";
const NAME_CONSTRAINTS: &str = "extensions/nameConstraints";
const POLICY_MAPPINGS: &str = "extensions/policyMappings";
const CERTIFICATE_POLICIES: &str = "extensions/certificatePolicies";
const ANY_POLICY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.32.0");
const CPS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.2.1");
const USER_NOTICE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.2.2");
const ISSUER_ALT_NAME_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.18");
const DIRECTORY_ATTRIBUTES: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.9");
const KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.15");

fn distribution_point_incomplete(c: &Context<'_>) -> Vec<Hit> {
    let Some(points) = c
        .facts
        .find::<ext::CrlDistributionPoints>()
        .value()
        .cloned()
    else {
        return Vec::new();
    };
    points
        .0
        .iter()
        .enumerate()
        .filter(|(_, p)| p.distribution_point.is_none() && p.crl_issuer.is_none())
        .map(|(index, _)| {
            hit(
                CRL_DISTRIBUTION_POINTS,
                format!(
                    "distribution point {} has neither distributionPoint nor cRLIssuer",
                    index + 1
                ),
            )
        })
        .collect()
}

fn name_constraints(c: &Context<'_>) -> Option<ext::NameConstraints> {
    c.facts.find::<ext::NameConstraints>().value().cloned()
}

/// Every subtree of the name constraints, permitted first.
fn subtrees(
    constraints: &ext::NameConstraints,
) -> Vec<&x509_cert::ext::pkix::constraints::name::GeneralSubtree> {
    constraints
        .permitted_subtrees
        .iter()
        .chain(constraints.excluded_subtrees.iter())
        .flatten()
        .collect()
}

fn name_constraints_empty(c: &Context<'_>) -> Vec<Hit> {
    let Some(constraints) = name_constraints(c) else {
        return Vec::new();
    };
    hit_if(
        constraints.permitted_subtrees.is_none() && constraints.excluded_subtrees.is_none(),
        NAME_CONSTRAINTS,
        || "nameConstraints has neither permittedSubtrees nor excludedSubtrees".to_owned(),
    )
}

fn name_constraints_minimum(c: &Context<'_>) -> Vec<Hit> {
    let Some(constraints) = name_constraints(c) else {
        return Vec::new();
    };
    subtrees(&constraints)
        .into_iter()
        .filter(|s| s.minimum != 0)
        .map(|s| {
            hit(
                NAME_CONSTRAINTS,
                format!("a subtree has minimum {}", s.minimum),
            )
        })
        .collect()
}

fn name_constraints_maximum(c: &Context<'_>) -> Vec<Hit> {
    let Some(constraints) = name_constraints(c) else {
        return Vec::new();
    };
    subtrees(&constraints)
        .into_iter()
        .filter_map(|s| s.maximum)
        .map(|maximum| hit(NAME_CONSTRAINTS, format!("a subtree has maximum {maximum}")))
        .collect()
}

fn name_constraints_end_entity(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<ext::NameConstraints>().is_present(),
        NAME_CONSTRAINTS,
        || "nameConstraints appears in an end-entity certificate".to_owned(),
    )
}

fn policy_constraints_empty(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts
            .find::<ext::PolicyConstraints>()
            .value()
            .is_some_and(|p| {
                p.require_explicit_policy.is_none() && p.inhibit_policy_mapping.is_none()
            }),
        "extensions/policyConstraints",
        || {
            "policyConstraints has neither requireExplicitPolicy nor inhibitPolicyMapping"
                .to_owned()
        },
    )
}

fn policy_mapping_any(c: &Context<'_>) -> Vec<Hit> {
    let Some(mappings) = c.facts.find::<ext::PolicyMappings>().value().cloned() else {
        return Vec::new();
    };
    mappings
        .0
        .iter()
        .filter(|m| m.issuer_domain_policy == ANY_POLICY || m.subject_domain_policy == ANY_POLICY)
        .map(|m| {
            hit(
                POLICY_MAPPINGS,
                format!(
                    "policy {} is mapped to {}",
                    m.issuer_domain_policy, m.subject_domain_policy
                ),
            )
        })
        .collect()
}

fn policy_mapping_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<ext::PolicyMappings>().critical() == Some(false),
        POLICY_MAPPINGS,
        || "policyMappings is not critical".to_owned(),
    )
}

/// The issuerAltName entries, when the extension decodes.
fn issuer_alt_names(c: &Context<'_>) -> Option<Vec<GeneralName>> {
    let extension = ext::raw(c.cert, &ISSUER_ALT_NAME_OID).next()?;
    ext::decode_value::<x509_cert::ext::pkix::IssuerAltName>(extension)
        .ok()
        .map(|names| names.0)
}

fn ian_no_entries(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        issuer_alt_names(c).is_some_and(|names| names.is_empty()),
        &extension_field(&ISSUER_ALT_NAME_OID),
        || "issuerAltName contains no name".to_owned(),
    )
}

fn ian_empty_name(c: &Context<'_>) -> Vec<Hit> {
    issuer_alt_names(c)
        .unwrap_or_default()
        .iter()
        .filter_map(|name| match name {
            GeneralName::DnsName(s) if s.as_str().is_empty() => Some("dNSName"),
            GeneralName::Rfc822Name(s) if s.as_str().is_empty() => Some("rfc822Name"),
            GeneralName::UniformResourceIdentifier(s) if s.as_str().is_empty() => {
                Some("uniformResourceIdentifier")
            }
            _ => None,
        })
        .map(|kind| {
            hit(
                extension_field(&ISSUER_ALT_NAME_OID),
                format!("issuerAltName has an empty {kind}"),
            )
        })
        .collect()
}

fn ian_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::raw(c.cert, &ISSUER_ALT_NAME_OID).any(|e| e.critical),
        &extension_field(&ISSUER_ALT_NAME_OID),
        || "issuerAltName is critical".to_owned(),
    )
}

/// Every policy qualifier: the policy it qualifies, its id and its value.
fn qualifiers(c: &Context<'_>) -> Vec<(ObjectIdentifier, ObjectIdentifier, Option<der::Any>)> {
    let Some(policies) = c.facts.find::<ext::CertificatePolicies>().value().cloned() else {
        return Vec::new();
    };
    policies
        .0
        .into_iter()
        .flat_map(|p| {
            let policy = p.policy_identifier;
            p.policy_qualifiers
                .unwrap_or_default()
                .into_iter()
                .map(move |q| (policy, q.policy_qualifier_id, q.qualifier))
        })
        .collect()
}

fn any_policy_qualifier(c: &Context<'_>) -> Vec<Hit> {
    qualifiers(c)
        .into_iter()
        .filter(|(policy, id, _)| *policy == ANY_POLICY && *id != CPS && *id != USER_NOTICE)
        .map(|(_, id, _)| {
            hit(
                CERTIFICATE_POLICIES,
                format!(
                    "anyPolicy carries the qualifier {id}, neither CPS pointer nor user notice"
                ),
            )
        })
        .collect()
}

/// What a user notice holds, as far as the lints need it.
pub(super) struct Notice {
    pub(super) notice_ref: bool,
    /// The explicitText's string tag and its characters.
    explicit_text: Option<(Tag, String)>,
}

/// The user notices of the certificate's policies that decode.
pub(super) fn notices(c: &Context<'_>) -> Vec<Notice> {
    qualifiers(c)
        .into_iter()
        .filter(|(_, id, _)| *id == USER_NOTICE)
        .filter_map(|(_, _, value)| notice(&value?).ok())
        .collect()
}

fn notice(any: &der::Any) -> der::Result<Notice> {
    let mut out = Notice {
        notice_ref: false,
        explicit_text: None,
    };
    if any.tag() != Tag::Sequence {
        return Err(Tag::Sequence.unexpected_error(Some(any.tag())).into());
    }
    let mut reader = der::SliceReader::new(any.value())?;
    while !reader.is_finished() {
        let item = der::Any::decode(&mut reader)?;
        if item.tag() == Tag::Sequence {
            out.notice_ref = true;
        } else {
            let text = match item.tag() {
                Tag::BmpString => {
                    der::asn1::BmpString::from_der(&der::Encode::to_der(&item)?)?.to_string()
                }
                _ => String::from_utf8_lossy(item.value()).into_owned(),
            };
            out.explicit_text = Some((item.tag(), text));
        }
    }
    Ok(out)
}

fn notice_reference(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        notices(c).iter().any(|n| n.notice_ref),
        CERTIFICATE_POLICIES,
        || "a user notice carries noticeRef".to_owned(),
    )
}

/// The explicit texts of the certificate's user notices, with their string tags.
fn explicit_texts(c: &Context<'_>) -> Vec<(Tag, String)> {
    notices(c)
        .into_iter()
        .filter_map(|n| n.explicit_text)
        .collect()
}

fn explicit_text_ia5(c: &Context<'_>) -> Vec<Hit> {
    explicit_texts(c)
        .into_iter()
        .filter(|(tag, _)| *tag == Tag::Ia5String)
        .map(|_| hit(CERTIFICATE_POLICIES, "explicitText is an IA5String"))
        .collect()
}

fn explicit_text_utf8(c: &Context<'_>) -> Vec<Hit> {
    explicit_texts(c)
        .into_iter()
        .filter(|(tag, _)| *tag != Tag::Utf8String && *tag != Tag::Ia5String)
        .map(|(tag, _)| {
            hit(
                CERTIFICATE_POLICIES,
                format!("explicitText is a {tag}, not a UTF8String"),
            )
        })
        .collect()
}

fn explicit_text_length(c: &Context<'_>) -> Vec<Hit> {
    explicit_texts(c)
        .into_iter()
        .map(|(_, text)| text.chars().count())
        .filter(|&length| length == 0 || length > 200)
        .map(|length| {
            hit(
                CERTIFICATE_POLICIES,
                format!("explicitText is {length} characters long (1 to 200)"),
            )
        })
        .collect()
}

fn explicit_text_control(c: &Context<'_>) -> Vec<Hit> {
    explicit_texts(c)
        .into_iter()
        .filter(|(_, text)| text.chars().any(char::is_control))
        .map(|(_, text)| {
            hit(
                CERTIFICATE_POLICIES,
                format!(
                    "explicitText \"{}\" includes a control character",
                    crate::display::escape(&text)
                ),
            )
        })
        .collect()
}

/// A hit for each subject attribute of type `oid` longer than `limit` characters.
fn too_long(c: &Context<'_>, oid: ObjectIdentifier, limit: usize) -> Vec<Hit> {
    c.subject_values(oid)
        .into_iter()
        .filter(|value| value.chars().count() > limit)
        .map(|value| {
            let name = crate::oid::short_name(&oid);
            hit(
                format!("subject/attributes/{name}"),
                format!(
                    "{name} is {} characters long (at most {limit})",
                    value.chars().count()
                ),
            )
        })
        .collect()
}

const LOCALITY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.7");
const STATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.8");
const STREET: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.9");
const POSTAL_CODE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.17");

fn locality_length(c: &Context<'_>) -> Vec<Hit> {
    too_long(c, LOCALITY, 128)
}

fn state_length(c: &Context<'_>) -> Vec<Hit> {
    too_long(c, STATE, 128)
}

fn organizational_unit_length(c: &Context<'_>) -> Vec<Hit> {
    too_long(c, oids::ORGANIZATIONAL_UNIT, 64)
}

fn postal_code_length(c: &Context<'_>) -> Vec<Hit> {
    too_long(c, POSTAL_CODE, 40)
}

fn street_length(c: &Context<'_>) -> Vec<Hit> {
    too_long(c, STREET, 128)
}

fn serial_number_length(c: &Context<'_>) -> Vec<Hit> {
    too_long(c, oids::SERIAL_NUMBER, 64)
}

fn email_length(c: &Context<'_>) -> Vec<Hit> {
    too_long(c, oids::EMAIL_ADDRESS, 255)
}

fn directory_attributes_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::raw(c.cert, &DIRECTORY_ATTRIBUTES).any(|e| e.critical),
        &extension_field(&DIRECTORY_ATTRIBUTES),
        || "subjectDirectoryAttributes is critical".to_owned(),
    )
}

/// The keyUsage BIT STRING's unused-bits octet and its bits, when the value is a BIT STRING.
fn key_usage_bits(c: &Context<'_>) -> Option<(u8, Vec<u8>)> {
    let extension = ext::raw(c.cert, &KEY_USAGE).next()?;
    let any = der::AnyRef::from_der(extension.extn_value.as_bytes()).ok()?;
    if any.tag() != Tag::BitString {
        return None;
    }
    let (&unused, bits) = any.value().split_first()?;
    Some((unused, bits.to_vec()))
}

fn key_usage_trailing_octet(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        key_usage_bits(c).is_some_and(|(_, bits)| bits.len() > 1 && bits.last() == Some(&0)),
        "extensions/keyUsage",
        || "the keyUsage BIT STRING ends with a zero octet".to_owned(),
    )
}

fn key_usage_unused_bits(c: &Context<'_>) -> Vec<Hit> {
    let Some((unused, bits)) = key_usage_bits(c) else {
        return Vec::new();
    };
    // A trailing zero octet is the other lint's; a lone zero octet means no bit is set.
    let expected = match bits.last() {
        Some(&last) if last != 0 => last.trailing_zeros(),
        _ => return Vec::new(),
    };
    hit_if(u32::from(unused) != expected, "extensions/keyUsage", || {
        format!(
            "the keyUsage BIT STRING declares {unused} unused bits where DER requires {expected}"
        )
    })
}

/// The SCT list's TLS-encoded content (inside the OCTET STRING), when present.
fn sct_list(c: &Context<'_>) -> Option<Vec<u8>> {
    let extension = ext::raw(c.cert, &oids::SCT_LIST).next()?;
    der::asn1::OctetString::from_der(extension.extn_value.as_bytes())
        .ok()
        .map(|o| o.as_bytes().to_vec())
}

fn sct_list_empty(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        sct_list(c).is_some_and(|list| list.len() <= 2),
        &extension_field(&oids::SCT_LIST),
        || "the SignedCertificateTimestampList contains no SCT".to_owned(),
    )
}

fn precertificate_sct_list(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::raw(c.cert, &oids::CT_POISON).next().is_some()
            && ext::raw(c.cert, &oids::SCT_LIST).next().is_some(),
        &extension_field(&oids::SCT_LIST),
        || "a precertificate carries a SignedCertificateTimestampList".to_owned(),
    )
}

const UB_NAME: usize = 32_768;

fn given_name_length(c: &Context<'_>) -> Vec<Hit> {
    too_long(c, oids::GIVEN_NAME, UB_NAME)
}

fn surname_length(c: &Context<'_>) -> Vec<Hit> {
    too_long(c, oids::SURNAME, UB_NAME)
}

/// A hit for each attribute of type `oid` in `field` not encoded as a PrintableString.
fn not_printable(c: &Context<'_>, field: &str, oid: ObjectIdentifier) -> Vec<Hit> {
    let name = if field == "issuer" {
        c.tbs().issuer()
    } else {
        c.tbs().subject()
    };
    name.iter_rdn()
        .flat_map(|rdn| rdn.iter())
        .filter(|atv| atv.oid == oid && atv.value.tag() != Tag::PrintableString)
        .map(|atv| {
            let short = crate::oid::short_name(&oid);
            hit(
                format!("{field}/attributes/{short}"),
                format!(
                    "{short} in the {field} is a {:?}, not a PrintableString",
                    atv.value.tag()
                ),
            )
        })
        .collect()
}

fn serial_number_printable(c: &Context<'_>) -> Vec<Hit> {
    not_printable(c, "subject", oids::SERIAL_NUMBER)
}

fn issuer_country_printable(c: &Context<'_>) -> Vec<Hit> {
    not_printable(c, "issuer", oids::COUNTRY)
}

/// The issuerAltName entries of one kind, as text.
fn ian_texts(c: &Context<'_>, kind: &str) -> Vec<String> {
    issuer_alt_names(c)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|name| match (name, kind) {
            (GeneralName::DnsName(s), "dNSName") => Some(s.as_str().to_owned()),
            (GeneralName::Rfc822Name(s), "rfc822Name") => Some(s.as_str().to_owned()),
            (GeneralName::UniformResourceIdentifier(s), "uniformResourceIdentifier") => {
                Some(s.as_str().to_owned())
            }
            _ => None,
        })
        .collect()
}

/// The subjectAltName URIs.
fn san_uris(c: &Context<'_>) -> Vec<String> {
    c.san()
        .iter()
        .filter_map(|name| match name {
            GeneralName::UniformResourceIdentifier(s) => Some(s.as_str().to_owned()),
            _ => None,
        })
        .collect()
}

fn ian_dns_space(c: &Context<'_>) -> Vec<Hit> {
    ian_texts(c, "dNSName")
        .into_iter()
        .filter(|name| name.contains(' '))
        .map(|name| {
            hit(
                extension_field(&ISSUER_ALT_NAME_OID),
                format!(
                    "dNSName \"{}\" contains a space",
                    crate::display::escape(&name)
                ),
            )
        })
        .collect()
}

fn ian_email_syntax(c: &Context<'_>) -> Vec<Hit> {
    ian_texts(c, "rfc822Name")
        .into_iter()
        .filter(|text| !text.is_empty() && !super::rfc5280::addr_spec(text))
        .map(|text| {
            hit(
                extension_field(&ISSUER_ALT_NAME_OID),
                format!(
                    "rfc822Name \"{}\" is not a bare local-part@domain address",
                    crate::display::escape(&text)
                ),
            )
        })
        .collect()
}

fn ian_uri_relative(c: &Context<'_>) -> Vec<Hit> {
    ian_texts(c, "uniformResourceIdentifier")
        .into_iter()
        .filter(|text| !text.is_empty() && !super::rfc5280::absolute_uri(text))
        .map(|text| {
            hit(
                extension_field(&ISSUER_ALT_NAME_OID),
                format!(
                    "uniformResourceIdentifier \"{}\" is not an absolute URI",
                    crate::display::escape(&text)
                ),
            )
        })
        .collect()
}

/// The host of a URI that includes an authority (`scheme://authority...`, RFC 3986 3.2), or
/// `None` when it has none.
fn uri_host(uri: &str) -> Option<&str> {
    let (_, rest) = uri.split_once(':')?;
    let rest = rest.strip_prefix("//")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    if host_port.starts_with('[') {
        return Some(
            host_port
                .split_once(']')
                .map_or(host_port, |(host, _)| host),
        );
    }
    Some(
        host_port
            .split_once(':')
            .map_or(host_port, |(host, _)| host),
    )
}

/// Whether a URI host is an IP address (IPv4, or an IP literal in brackets) or a domain name
/// of letter-digit-hyphen labels.
fn host_is_fqdn_or_ip(host: &str) -> bool {
    if let Some(literal) = host.strip_prefix('[') {
        return literal.parse::<std::net::Ipv6Addr>().is_ok() || literal.starts_with('v');
    }
    if host.parse::<std::net::Ipv4Addr>().is_ok() {
        return true;
    }
    let name = host.strip_suffix('.').unwrap_or(host);
    !name.is_empty()
        && name.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Hits for the URIs with an authority whose host is neither a domain name nor an address.
fn uri_hosts(uris: Vec<String>, field: &str) -> Vec<Hit> {
    uris.into_iter()
        .filter(|uri| uri_host(uri).is_some_and(|host| !host_is_fqdn_or_ip(host)))
        .map(|uri| {
            hit(
                field,
                format!(
                    "the host of \"{}\" is neither a fully qualified domain name nor an IP address",
                    crate::display::escape(&uri)
                ),
            )
        })
        .collect()
}

fn ian_uri_host(c: &Context<'_>) -> Vec<Hit> {
    uri_hosts(
        ian_texts(c, "uniformResourceIdentifier"),
        &extension_field(&ISSUER_ALT_NAME_OID),
    )
}

fn san_uri_host(c: &Context<'_>) -> Vec<Hit> {
    uri_hosts(san_uris(c), "extensions/subjectAltName")
}

fn san_dns_too_long(c: &Context<'_>) -> Vec<Hit> {
    c.dns_names()
        .into_iter()
        .filter(|name| name.strip_suffix('.').unwrap_or(name).len() > 253)
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!("a dNSName is {} octets long (at most 253)", name.len()),
            )
        })
        .collect()
}

fn dns_hyphen(c: &Context<'_>) -> Vec<Hit> {
    c.dns_names()
        .into_iter()
        .filter(|name| {
            name.split('.')
                .any(|label| label.starts_with('-') || label.ends_with('-'))
        })
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!(
                    "dNSName \"{}\" has a label that starts or ends with a hyphen",
                    crate::display::escape(&name)
                ),
            )
        })
        .collect()
}

const EXTENDED_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37");
const SUBJECT_ALT_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.17");

fn eku_any_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::raw(c.cert, &EXTENDED_KEY_USAGE).any(|e| e.critical)
            && c.purposes().contains(&oids::ANY_EKU),
        "extensions/extendedKeyUsage",
        || "extKeyUsage is critical and contains anyExtendedKeyUsage".to_owned(),
    )
}

fn san_critical_with_subject(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.subject_is_empty() && ext::raw(c.cert, &SUBJECT_ALT_NAME).any(|e| e.critical),
        "extensions/subjectAltName",
        || "subjectAltName is critical although the subject is not empty".to_owned(),
    )
}

fn san_ip_length(c: &Context<'_>) -> Vec<Hit> {
    c.san()
        .iter()
        .filter_map(|name| match name {
            GeneralName::IpAddress(octets) => Some(octets.as_bytes().len()),
            _ => None,
        })
        .filter(|length| *length != 4 && *length != 16)
        .map(|length| {
            hit(
                "extensions/subjectAltName",
                format!("an iPAddress is {length} octets long (4 or 16)"),
            )
        })
        .collect()
}

fn aki_issuer_serial(c: &Context<'_>) -> Vec<Hit> {
    let Some(aki) = c
        .facts
        .find::<ext::AuthorityKeyIdentifier>()
        .value()
        .cloned()
    else {
        return Vec::new();
    };
    let issuer = aki.authority_cert_issuer.is_some();
    let serial = aki.authority_cert_serial_number.is_some();
    hit_if(
        issuer != serial,
        "extensions/authorityKeyIdentifier",
        || {
            if issuer {
                "authorityCertIssuer is present without authorityCertSerialNumber".to_owned()
            } else {
                "authorityCertSerialNumber is present without authorityCertIssuer".to_owned()
            }
        },
    )
}

fn email_domain_length(c: &Context<'_>) -> Vec<Hit> {
    c.san()
        .iter()
        .filter_map(|name| match name {
            GeneralName::Rfc822Name(s) => {
                s.as_str().rsplit_once('@').map(|(_, domain)| domain.len())
            }
            _ => None,
        })
        .filter(|length| *length > 253)
        .map(|length| {
            hit(
                "extensions/subjectAltName",
                format!("an rfc822Name's domain is {length} octets long (at most 253)"),
            )
        })
        .collect()
}

fn rdn_duplicate_type(c: &Context<'_>) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (field, name) in [("subject", c.tbs().subject()), ("issuer", c.tbs().issuer())] {
        for rdn in name.iter_rdn() {
            let types: Vec<ObjectIdentifier> = rdn.iter().map(|atv| atv.oid).collect();
            let repeated = types
                .iter()
                .enumerate()
                .find(|(index, oid)| types.get(..*index).unwrap_or_default().contains(oid));
            if let Some((_, oid)) = repeated {
                hits.push(hit(
                    field,
                    format!(
                        "an RDN of the {field} contains {} twice",
                        crate::oid::short_name(oid)
                    ),
                ));
            }
        }
    }
    hits
}

/// Whether a general name is a URI with the http or ldap scheme.
fn http_or_ldap(name: &GeneralName) -> bool {
    match name {
        GeneralName::UniformResourceIdentifier(uri) => {
            let lower = uri.as_str().to_ascii_lowercase();
            ["http://", "https://", "ldap://"]
                .iter()
                .any(|scheme| lower.starts_with(scheme))
        }
        _ => false,
    }
}

fn distribution_point_uri(c: &Context<'_>) -> Vec<Hit> {
    use x509_cert::ext::pkix::name::DistributionPointName;
    let Some(points) = c
        .facts
        .find::<ext::CrlDistributionPoints>()
        .value()
        .cloned()
    else {
        return Vec::new();
    };
    points
        .0
        .iter()
        .enumerate()
        .filter_map(|(index, point)| match &point.distribution_point {
            Some(DistributionPointName::FullName(names)) if !names.iter().any(http_or_ldap) => {
                Some(index)
            }
            _ => None,
        })
        .map(|index| {
            hit(
                CRL_DISTRIBUTION_POINTS,
                format!("distribution point {} names no HTTP or LDAP URI", index + 1),
            )
        })
        .collect()
}

fn aia_location(c: &Context<'_>) -> Vec<Hit> {
    let descriptions = c
        .facts
        .find::<ext::AuthorityInfoAccessSyntax>()
        .value()
        .map(|aia| aia.0.clone())
        .unwrap_or_default();
    let ca_issuers: Vec<_> = descriptions
        .iter()
        .filter(|d| d.access_method == oids::AIA_CA_ISSUERS)
        .collect();
    hit_if(
        !ca_issuers.is_empty() && !ca_issuers.iter().any(|d| http_or_ldap(&d.access_location)),
        "extensions/authorityInfoAccess",
        || "no id-ad-caIssuers location is an HTTP or LDAP URI".to_owned(),
    )
}

fn policy_map_asserted(c: &Context<'_>) -> Vec<Hit> {
    let Some(mappings) = c.facts.find::<ext::PolicyMappings>().value().cloned() else {
        return Vec::new();
    };
    let asserted = c.policies();
    mappings
        .0
        .iter()
        .filter(|m| m.issuer_domain_policy != ANY_POLICY)
        .filter(|m| !asserted.contains(&m.issuer_domain_policy))
        .map(|m| {
            hit(
                POLICY_MAPPINGS,
                format!(
                    "issuerDomainPolicy {} is not asserted in certificatePolicies",
                    m.issuer_domain_policy
                ),
            )
        })
        .collect()
}

/// A hit when a subtree of the name constraints uses the name form `form`.
fn constrains(c: &Context<'_>, form: &str, matches: fn(&GeneralName) -> bool) -> Vec<Hit> {
    let Some(constraints) = name_constraints(c) else {
        return Vec::new();
    };
    hit_if(
        subtrees(&constraints).iter().any(|s| matches(&s.base)),
        NAME_CONSTRAINTS,
        || format!("nameConstraints constrains the {form} name form"),
    )
}

fn name_constraint_edi(c: &Context<'_>) -> Vec<Hit> {
    constrains(c, "ediPartyName", |n| {
        matches!(n, GeneralName::EdiPartyName(_))
    })
}

fn name_constraint_registered_id(c: &Context<'_>) -> Vec<Hit> {
    constrains(c, "registeredID", |n| {
        matches!(n, GeneralName::RegisteredId(_))
    })
}

fn san_uri_host_length(c: &Context<'_>) -> Vec<Hit> {
    san_uris(c)
        .into_iter()
        .filter_map(|uri| uri_host(&uri).map(str::len))
        .filter(|length| *length > 253)
        .map(|length| {
            hit(
                "extensions/subjectAltName",
                format!("a URI's host is {length} octets long (at most 253)"),
            )
        })
        .collect()
}

/// The iPAddress subtrees of the name constraints: address and mask octets.
fn constraint_addresses(c: &Context<'_>) -> Vec<Vec<u8>> {
    let Some(constraints) = name_constraints(c) else {
        return Vec::new();
    };
    subtrees(&constraints)
        .into_iter()
        .filter_map(|s| match &s.base {
            GeneralName::IpAddress(octets) => Some(octets.as_bytes().to_vec()),
            _ => None,
        })
        .collect()
}

fn name_constraint_ip_length(c: &Context<'_>) -> Vec<Hit> {
    constraint_addresses(c)
        .into_iter()
        .filter(|octets| octets.len() != 8 && octets.len() != 32)
        .map(|octets| {
            hit(
                NAME_CONSTRAINTS,
                format!(
                    "an iPAddress constraint is {} octets long (8 or 32)",
                    octets.len()
                ),
            )
        })
        .collect()
}

fn name_constraint_ip_mask(c: &Context<'_>) -> Vec<Hit> {
    constraint_addresses(c)
        .into_iter()
        .filter(|octets| octets.len() == 8 || octets.len() == 32)
        .filter(|octets| {
            let mask = octets.get(octets.len() / 2..).unwrap_or_default();
            // A CIDR mask: once a zero bit is seen, no one bit may follow.
            let mut zero_seen = false;
            mask.iter().any(|byte| {
                (0..8).rev().any(|bit| {
                    let one = byte & (1 << bit) != 0;
                    let broken = one && zero_seen;
                    zero_seen |= !one;
                    broken
                })
            })
        })
        .map(|_| {
            hit(
                NAME_CONSTRAINTS,
                "an iPAddress constraint's mask is not a prefix of ones",
            )
        })
        .collect()
}

/// The subtrees of the nameConstraints extension as the report decodes them (every name kept,
/// including the x400Address arm x509-cert does not model), when present and decodable.
fn lenient_subtrees(c: &Context<'_>) -> Vec<crate::name::GeneralName> {
    let Some(extension) = ext::raw(c.cert, &NAME_CONSTRAINTS_OID).next() else {
        return Vec::new();
    };
    match ext::decode_extension(extension) {
        ext::ExtensionValue::NameConstraints {
            permitted,
            excluded,
        } => permitted
            .into_iter()
            .chain(excluded)
            .map(|subtree| subtree.base)
            .collect(),
        _ => Vec::new(),
    }
}

const SMIME_CAPABILITIES: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.15");
const NAME_CONSTRAINTS_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.30");

fn name_constraint_x400(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        lenient_subtrees(c)
            .iter()
            .any(|name| matches!(name, crate::name::GeneralName::X400Address { .. })),
        NAME_CONSTRAINTS,
        || "nameConstraints constrains the x400Address name form".to_owned(),
    )
}

/// Whether `host` is a fully qualified domain name: LDH labels of 1 to 63 octets, not all
/// digits in the last label.
fn is_fqdn(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    let labels: Vec<&str> = host.split('.').collect();
    let ldh = labels.iter().all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    });
    let numeric_top = labels
        .last()
        .is_some_and(|label| label.bytes().all(|b| b.is_ascii_digit()));
    !host.is_empty() && ldh && !numeric_top
}

fn name_constraint_uri_fqdn(c: &Context<'_>) -> Vec<Hit> {
    lenient_subtrees(c)
        .into_iter()
        .filter_map(|name| match name {
            crate::name::GeneralName::Uri { value } => Some(value),
            _ => None,
        })
        .filter(|value| !is_fqdn(value.strip_prefix('.').unwrap_or(value)))
        .map(|value| {
            hit(
                NAME_CONSTRAINTS,
                format!(
                    "the URI constraint \"{}\" is not a fully qualified domain name",
                    crate::display::escape(&value)
                ),
            )
        })
        .collect()
}

fn encipher_and_decipher_only(c: &Context<'_>) -> Vec<Hit> {
    let Some(usage) = ext::key_usage(c.cert) else {
        return Vec::new();
    };
    hit_if(
        usage.encipher_only() && usage.decipher_only(),
        "extensions/keyUsage",
        || "keyUsage asserts both encipherOnly and decipherOnly".to_owned(),
    )
}

fn ca_only_extension(c: &Context<'_>) -> Vec<Hit> {
    ["2.5.29.33", "2.5.29.36", "2.5.29.54"]
        .into_iter()
        .map(ObjectIdentifier::new_unwrap)
        .filter(|oid| ext::raw(c.cert, oid).next().is_some())
        .map(|oid| {
            hit(
                extension_field(&oid),
                format!(
                    "{} is present in an end-entity certificate",
                    crate::oid::short_name(&oid)
                ),
            )
        })
        .collect()
}

fn domain_component_label(c: &Context<'_>) -> Vec<Hit> {
    c.subject_values(oids::DOMAIN_COMPONENT)
        .into_iter()
        .filter(|value| {
            value.is_empty()
                || value.len() > 63
                || !value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                || value.starts_with('-')
                || value.ends_with('-')
        })
        .map(|value| {
            hit(
                "subject/attributes/DC",
                format!(
                    "domainComponent \"{}\" is not a DNS label",
                    crate::display::escape(&value)
                ),
            )
        })
        .collect()
}

fn given_name_x411(c: &Context<'_>) -> Vec<Hit> {
    recommended_length(c, oids::GIVEN_NAME, 16)
}

fn surname_x411(c: &Context<'_>) -> Vec<Hit> {
    recommended_length(c, oids::SURNAME, 40)
}

/// A hit for each value of `oid` longer than `limit` characters.
fn recommended_length(c: &Context<'_>, oid: ObjectIdentifier, limit: usize) -> Vec<Hit> {
    let name = crate::oid::short_name(&oid);
    c.subject_values(oid)
        .into_iter()
        .map(|value| value.chars().count())
        .filter(|length| *length > limit)
        .map(|length| {
            hit(
                format!("subject/attributes/{name}"),
                format!("{name} is {length} characters long (recommended at most {limit})"),
            )
        })
        .collect()
}

fn smime_capabilities_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::raw(c.cert, &SMIME_CAPABILITIES).any(|e| e.critical),
        &extension_field(&SMIME_CAPABILITIES),
        || "smimeCapabilities is critical".to_owned(),
    )
}

fn rsa_ca_encipherment(c: &Context<'_>) -> Vec<Hit> {
    let Some(usage) = ext::key_usage(c.cert) else {
        return Vec::new();
    };
    let signs = usage.key_cert_sign() || usage.crl_sign();
    let enciphers = usage.key_encipherment() || usage.data_encipherment();
    hit_if(
        c.rsa_bits().is_some() && signs && enciphers,
        "extensions/keyUsage",
        || {
            "an RSA CA key asserts keyCertSign or cRLSign with keyEncipherment or \
             dataEncipherment"
                .to_owned()
        },
    )
}

/// Decodes a Punycode string (RFC 3492 6.2), the part of an A-label after `xn--`; `None` when
/// it is not valid Punycode.
fn punycode_decode(input: &str) -> Option<Vec<char>> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    let (basic, encoded) = match input.rfind('-') {
        Some(at) => (input.get(..at)?, input.get(at + 1..)?),
        None => ("", input),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut output: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (128u32, 0u32, 72u32);
    let mut digits = encoded.bytes().peekable();
    while digits.peek().is_some() {
        let old_i = i;
        let mut weight = 1u32;
        let mut k = BASE;
        loop {
            let digit = match digits.next()? {
                byte @ b'a'..=b'z' => u32::from(byte - b'a'),
                byte @ b'A'..=b'Z' => u32::from(byte - b'A'),
                byte @ b'0'..=b'9' => u32::from(byte - b'0') + 26,
                _ => return None,
            };
            i = i.checked_add(digit.checked_mul(weight)?)?;
            let threshold = if k <= bias {
                T_MIN
            } else if k >= bias + T_MAX {
                T_MAX
            } else {
                k - bias
            };
            if digit < threshold {
                break;
            }
            weight = weight.checked_mul(BASE - threshold)?;
            k = k.checked_add(BASE)?;
        }
        let length = u32::try_from(output.len()).ok()?.checked_add(1)?;
        bias = punycode_adapt(i - old_i, length, old_i == 0);
        n = n.checked_add(i / length)?;
        i %= length;
        output.insert(usize::try_from(i).ok()?, char::from_u32(n)?);
        i += 1;
    }
    Some(output)
}

/// The bias adaptation of RFC 3492 6.1.
fn punycode_adapt(delta: u32, points: u32, first: bool) -> u32 {
    let mut delta = if first { delta / 700 } else { delta / 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((36 - 1) * 26) / 2 {
        delta /= 36 - 1;
        k += 36;
    }
    k + (36 * delta) / (delta + 38)
}

fn idna_label(c: &Context<'_>) -> Vec<Hit> {
    c.dns_names()
        .into_iter()
        .flat_map(|name| {
            name.split('.')
                .filter(|label| {
                    label.len() > 4
                        && label
                            .get(..4)
                            .is_some_and(|p| p.eq_ignore_ascii_case("xn--"))
                })
                .filter(|label| {
                    label
                        .get(4..)
                        .and_then(punycode_decode)
                        .is_none_or(|decoded| decoded.iter().all(char::is_ascii))
                })
                .map(|label| {
                    hit(
                        "extensions/subjectAltName",
                        format!(
                            "dNSName label \"{}\" is not a valid A-label",
                            crate::display::escape(label)
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn smtp_utf8_mailbox(c: &Context<'_>) -> Vec<Hit> {
    c.san()
        .iter()
        .filter_map(|name| match name {
            GeneralName::OtherName(other) if other.type_id == oids::SMTP_UTF8_MAILBOX => {
                Some(String::from_utf8_lossy(other.value.value()).into_owned())
            }
            _ => None,
        })
        .filter_map(|mailbox| {
            let problem = match mailbox.rsplit_once('@') {
                _ if mailbox.contains('\u{feff}') => "holds a byte order mark",
                None => "is not local-part@domain",
                Some((local, domain)) if local.is_empty() || domain.is_empty() => {
                    "is not local-part@domain"
                }
                Some((_, domain)) if domain.len() > 255 => "has a domain over 255 octets",
                Some((local, _)) if local.is_ascii() => {
                    "has an all-ASCII local part, which belongs in rfc822Name"
                }
                _ => return None,
            };
            Some(hit(
                "extensions/subjectAltName",
                format!(
                    "SmtpUTF8Mailbox \"{}\" {problem}",
                    crate::display::escape(&mailbox)
                ),
            ))
        })
        .collect()
}

fn ec_point(c: &Context<'_>) -> Vec<Hit> {
    let spki = c.tbs().subject_public_key_info();
    if spki.algorithm.oid != oids::EC_PUBLIC_KEY {
        return Vec::new();
    }
    let point = spki.subject_public_key.raw_bytes();
    let curve = spki
        .algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
    let valid = match curve {
        Some(curve) if curve == oids::P256 => p256::PublicKey::from_sec1_bytes(point).is_ok(),
        Some(curve) if curve == oids::P384 => p384::PublicKey::from_sec1_bytes(point).is_ok(),
        Some(curve) if curve == oids::P521 => p521::PublicKey::from_sec1_bytes(point).is_ok(),
        _ => true,
    };
    hit_if(!valid, "public_key", || {
        "the EC public key is not a point of its curve".to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_hosts_are_read_from_the_authority() {
        assert_eq!(
            uri_host("http://user@example.com:80/x"),
            Some("example.com")
        );
        assert_eq!(uri_host("ldap:///cn=CA"), Some(""));
        assert_eq!(uri_host("urn:uuid:1234"), None);
        assert_eq!(uri_host("http://[2001:db8::1]:8080/"), Some("[2001:db8::1"));
        assert!(host_is_fqdn_or_ip("[2001:db8::1"));
        assert!(host_is_fqdn_or_ip("192.0.2.1"));
        assert!(host_is_fqdn_or_ip("crl.example.com."));
        assert!(!host_is_fqdn_or_ip(""));
        assert!(!host_is_fqdn_or_ip("bad_host.example"));
        assert!(!host_is_fqdn_or_ip("-a.example"));
    }

    #[test]
    fn punycode_decodes_rfc_3492_samples() {
        let text = |s: &str| punycode_decode(s).map(|chars| chars.into_iter().collect::<String>());
        assert_eq!(text("bcher-kva").as_deref(), Some("bücher"));
        assert_eq!(text("mnchen-3ya").as_deref(), Some("münchen"));
        // RFC 3492 7.1 (A), Arabic (Egyptian).
        assert_eq!(
            text("egbpdaj6bu4bxfgehfvwxn").as_deref(),
            Some("\u{644}\u{64a}\u{647}\u{645}\u{627}\u{628}\u{62a}\u{643}\u{644}\u{645}\u{648}\u{634}\u{639}\u{631}\u{628}\u{64a}\u{61f}")
        );
        assert_eq!(text("bcher-kv!"), None);
        assert_eq!(text("99999999999999"), None);
    }
}
