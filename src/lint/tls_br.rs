//! CA/Browser Forum Baseline Requirements for TLS server certificates (version 2.x, with the
//! validity reductions of ballot SC-081), plus the browsers' CT policies.

use der::asn1::ObjectIdentifier;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};

use super::{hit, hit_if, lints, oids, CertKind, Context, Hit, KeyKind, RuleSet, CA_KINDS};
use crate::ext::{self, Lookup};

const RULE_SET: RuleSet = RuleSet::TlsBr;
const SERVER: &[CertKind] = &[CertKind::TlsServer];
const SERVER_AND_CA: &[CertKind] = &[
    CertKind::TlsServer,
    CertKind::SubordinateCa,
    CertKind::RootCa,
];
const SERVER_AND_SUBORDINATE: &[CertKind] = &[CertKind::TlsServer, CertKind::SubordinateCa];
const SUBORDINATE: &[CertKind] = &[CertKind::SubordinateCa];
const ROOT: &[CertKind] = &[CertKind::RootCa];
const DAY: u64 = 86_400;

lints! {
    eku_missing: "e_sub_cert_eku_missing", Error, "TLS BR 7.1.2.7.10", SERVER, None,
        "Subscriber certificates must include extKeyUsage.";
    eku_server_auth: "e_sub_cert_eku_server_auth_client_auth_missing", Error, "TLS BR 7.1.2.7.10", SERVER, None,
        "extKeyUsage must include id-kp-serverAuth.";
    eku_any: "e_sub_cert_eku_any_extended_key_usage", Error, "TLS BR 7.1.2.7.10", SERVER, None,
        "anyExtendedKeyUsage must not be present in a subscriber certificate.";
    eku_prohibited: "e_sub_cert_eku_prohibited_values", Error, "TLS BR 7.1.2.7.10", SERVER, None,
        "emailProtection, codeSigning, timeStamping, OCSPSigning and the CT Precertificate Signing Certificate purpose must not be present.";
    eku_critical: "e_sub_cert_eku_critical", Error, "TLS BR 7.1.2.7.6", SERVER, None,
        "extKeyUsage must not be critical in a subscriber certificate.";
    basic_constraints_critical: "e_sub_cert_basic_constraints_not_critical", Error, "TLS BR 7.1.2.7.6; 7.1.2.7.8", SERVER, None,
        "basicConstraints, when present in a subscriber certificate, must be critical.";
    eku_extra: "w_sub_cert_eku_extra_values", Warning, "TLS BR 7.1.2.7.10", SERVER, None,
        "Purposes other than serverAuth and clientAuth are not recommended.";
    cert_sign_bit: "e_sub_cert_key_usage_cert_sign_bit_set", Error, "TLS BR 7.1.2.7.11", SERVER, None,
        "keyCertSign must not be asserted in a subscriber certificate.";
    crl_sign_bit: "e_sub_cert_key_usage_crl_sign_bit_set", Error, "TLS BR 7.1.2.7.11", SERVER, None,
        "cRLSign must not be asserted in a subscriber certificate.";
    digital_signature: "e_sub_cert_key_usage_digital_signature_missing", Error, "TLS BR 7.1.2.7.11", SERVER, None,
        "keyUsage of a subscriber certificate with an EC key must assert digitalSignature.";
    validity_398: "e_sub_cert_valid_time_longer_than_398_days", Error, "TLS BR 6.3.2", SERVER, Some("2020-09-01"),
        "Subscriber certificates issued from 2020-09-01 must be valid for at most 398 days.";
    validity_200: "e_sub_cert_valid_time_longer_than_200_days", Error, "TLS BR 6.3.2 (ballot SC-081)", SERVER, Some("2026-03-15"),
        "Subscriber certificates issued from 2026-03-15 must be valid for at most 200 days.";
    validity_100: "e_sub_cert_valid_time_longer_than_100_days", Error, "TLS BR 6.3.2 (ballot SC-081)", SERVER, Some("2027-03-15"),
        "Subscriber certificates issued from 2027-03-15 must be valid for at most 100 days.";
    validity_47: "e_sub_cert_valid_time_longer_than_47_days", Error, "TLS BR 6.3.2 (ballot SC-081)", SERVER, Some("2029-03-15"),
        "Subscriber certificates issued from 2029-03-15 must be valid for at most 47 days.";
    aia_missing: "e_sub_cert_aia_missing", Error, "TLS BR 7.1.2.7.7", SERVER, None,
        "Subscriber certificates must include authorityInfoAccess.";
    aia_ca_issuers: "w_sub_cert_aia_does_not_contain_issuing_ca_url", Warning, "TLS BR 7.1.2.7.7", SERVER, None,
        "authorityInfoAccess should include an id-ad-caIssuers HTTP URL.";
    aia_http: "e_aia_url_not_http", Error, "TLS BR 7.1.2.7.7; 7.1.2.10.3", SERVER_AND_SUBORDINATE, None,
        "authorityInfoAccess locations must be http:// URIs.";
    crl_http: "e_crl_distribution_point_url_not_http", Error, "TLS BR 7.1.2.11.2", SERVER_AND_SUBORDINATE, None,
        "cRLDistributionPoints must be fullName http:// URIs.";
    crl_critical: "e_sub_cert_crl_distribution_points_marked_critical", Error, "TLS BR 7.1.2.11.2", SERVER, None,
        "cRLDistributionPoints must not be critical.";
    policies_missing: "e_sub_cert_certificate_policies_missing", Error, "TLS BR 7.1.2.7.9", SERVER, None,
        "Subscriber certificates must include certificatePolicies.";
    reserved_policy: "e_sub_cert_cabf_policy_missing", Error, "TLS BR 7.1.2.7.9; 7.1.6.1", SERVER, None,
        "Exactly one CA/Browser Forum reserved policy identifier (DV, OV, IV or EV) must be present.";
    dv_org: "e_cab_dv_conflicts_with_org", Error, "TLS BR 7.1.2.7.2", SERVER, None,
        "A domain-validated certificate must not include organizationName.";
    ov_org: "e_cab_ov_requires_org", Error, "TLS BR 7.1.2.7.4", SERVER, None,
        "An organization-validated certificate must include organizationName.";
    ov_country: "e_cert_policy_ov_requires_country", Error, "TLS BR 7.1.2.7.4", SERVER, None,
        "An organization-validated certificate must include countryName.";
    iv_person: "e_cab_iv_requires_personal_name", Error, "TLS BR 7.1.2.7.3", SERVER, None,
        "An individual-validated certificate must include givenName and surname, or pseudonym.";
    san_missing: "e_ext_san_missing", Error, "TLS BR 7.1.2.7.12", SERVER, None,
        "Subscriber certificates must include subjectAltName.";
    san_types: "e_sub_cert_san_disallowed_type", Error, "TLS BR 7.1.2.7.12", SERVER, None,
        "subjectAltName may contain only dNSName and iPAddress entries.";
    common_name_in_san: "e_subject_common_name_not_exactly_from_san", Error, "TLS BR 7.1.2.7.2", SERVER, None,
        "A commonName, if present, must be a byte-for-byte copy of one of the subjectAltName values.";
    internal_name: "e_san_dns_name_internal", Error, "TLS BR 4.2.2; 7.1.2.7.12", SERVER, None,
        "dNSName must be a public domain name: no single-label or internal-only names (.local, .internal, .corp...).";
    reserved_ip: "e_ext_san_contains_reserved_ip", Error, "TLS BR 7.1.2.7.12", SERVER, None,
        "iPAddress must not be a private, loopback, link-local or other reserved address.";
    wildcard_left: "e_dnsname_wildcard_only_in_left_label", Error, "TLS BR 7.1.2.7.12; RFC 6125 6.4.3", SERVER, None,
        "A wildcard may only appear as the left-most label.";
    wildcard_whole: "e_dnsname_left_label_wildcard_correct", Error, "TLS BR 7.1.2.7.12", SERVER, None,
        "A wildcard label must be exactly \"*\".";
    bad_character: "e_dnsname_bad_character_in_label", Error, "TLS BR 7.1.2.7.12; RFC 5280 4.2.1.6", SERVER, None,
        "dNSName labels must contain only letters, digits and hyphens (no space), not starting or ending with a hyphen; underscores are the next lint's.";
    underscore: "e_dnsname_underscore_in_label", Error, "TLS BR 7.1.2.7.12 (1.x: 7.1.4.2.1; ballot SC12)", SERVER, Some("2019-04-01"),
        "dNSName labels must not contain an underscore (certificates issued from 2019-04-01).";
    reserved_label: "e_dnsname_contains_prohibited_reserved_label", Error, "TLS BR 7.1.2.7.12 (1.x: 7.1.4.2.1); RFC 5890 2.3.1", SERVER, None,
        "A label must not start with two characters and two hyphens (\"ab--\") unless it is an \"xn--\" A-label.";
    common_name_reserved_ip: "e_subject_common_name_reserved_ip", Error, "TLS BR 7.1.2.7.12; 7.1.4.3", SERVER, None,
        "A commonName holding an IP address must not hold a private, loopback, link-local or other reserved one.";
    organizational_unit: "e_sub_cert_organizational_unit_name_present", Error, "TLS BR 7.1.2.7.2-5 (ballot SC47)", SERVER, Some("2022-09-01"),
        "organizationalUnitName must not be present in a subscriber certificate's subject.";
    crl_without_ocsp: "e_sub_cert_crl_distribution_points_missing_without_ocsp", Error, "TLS BR 7.1.2.11.2 (ballot SC-063)", SERVER, Some("2024-03-15"),
        "cRLDistributionPoints must be present when authorityInfoAccess has no OCSP URL.";
    label_length: "e_dnsname_label_too_long", Error, "RFC 1035 2.3.4; TLS BR 7.1.2.7.12", SERVER, None,
        "dNSName labels must be at most 63 octets and the name at most 253.";
    rsa_size: "e_rsa_mod_less_than_2048_bits", Error, "TLS BR 6.1.5", SERVER_AND_CA, None,
        "RSA moduli must be at least 2048 bits.";
    rsa_divisible: "e_rsa_mod_not_divisible_by_8", Error, "TLS BR 6.1.5", SERVER_AND_CA, None,
        "The RSA modulus size in bits must be divisible by 8.";
    rsa_exponent_odd: "e_rsa_public_exponent_not_odd", Error, "TLS BR 6.1.6", SERVER_AND_CA, None,
        "The RSA public exponent must be odd.";
    rsa_exponent_small: "e_rsa_public_exponent_too_small", Error, "TLS BR 6.1.6", SERVER_AND_CA, None,
        "The RSA public exponent must be at least 3.";
    rsa_exponent_range: "w_rsa_public_exponent_not_in_range", Warning, "TLS BR 6.1.6", SERVER_AND_CA, None,
        "The RSA public exponent should be between 2^16+1 and 2^256-1.";
    ec_curve: "e_ec_improper_curves", Error, "TLS BR 6.1.5; 7.1.3.1.2", SERVER_AND_CA, None,
        "EC keys must be on P-256, P-384 or P-521.";
    key_algorithm: "e_spki_algorithm_not_supported", Error, "TLS BR 7.1.3.1", SERVER_AND_CA, None,
        "The subject key must be RSA or EC.";
    signature_algorithm: "e_signature_algorithm_not_supported", Error, "TLS BR 7.1.3.2", SERVER_AND_SUBORDINATE, None,
        "The signature algorithm must be one the BRs allow (RSA PKCS#1 v1.5 or PSS with SHA-256/384/512, ECDSA with SHA-256/384/512).";
    sha1: "e_sub_cert_or_sub_ca_using_sha1", Error, "TLS BR 7.1.3.2", SERVER_AND_SUBORDINATE, None,
        "SHA-1 signatures must not be used.";
    serial_entropy: "w_serial_number_low_entropy", Warning, "TLS BR 7.1", SERVER_AND_CA, None,
        "Serial numbers should carry at least 64 bits from a CSPRNG: fewer than 8 octets cannot.";
    sct_missing: "w_sub_cert_sct_list_missing", Warning, "Chrome CT Policy; Apple CT Policy; RFC 6962 3.3", SERVER, None,
        "Publicly trusted TLS certificates need embedded SCTs (or SCTs delivered by TLS or OCSP).";
    subordinate_aia: "w_sub_ca_aia_missing", Warning, "TLS BR 7.1.2.10.3", SUBORDINATE, None,
        "Subordinate CA certificates should include authorityInfoAccess.";
    subordinate_crl: "e_sub_ca_crl_distribution_points_missing", Error, "TLS BR 7.1.2.6.1; 7.1.2.11.2", SUBORDINATE, None,
        "Subordinate CA certificates must include cRLDistributionPoints.";
    subordinate_policies: "e_sub_ca_certificate_policies_missing", Error, "TLS BR 7.1.2.10.5", SUBORDINATE, None,
        "Subordinate CA certificates must include certificatePolicies.";
    subordinate_eku: "e_sub_ca_eku_missing", Error, "TLS BR 7.1.2.10.6", SUBORDINATE, None,
        "Subordinate CA certificates must include extKeyUsage.";
    ca_key_usage_critical: "e_ca_key_usage_not_critical", Error, "TLS BR 7.1.2.10.7", CA_KINDS, None,
        "keyUsage must be critical in CA certificates.";
    ca_crl_sign: "e_ca_crl_sign_not_set", Error, "TLS BR 7.1.2.10.7", CA_KINDS, None,
        "keyUsage of a CA certificate must assert cRLSign.";
    ca_country: "e_ca_country_name_missing", Error, "TLS BR 7.1.2.10.2", CA_KINDS, None,
        "CA certificates must include countryName in the subject.";
    ca_organization: "e_ca_organization_name_missing", Error, "TLS BR 7.1.2.10.2", CA_KINDS, None,
        "CA certificates must include organizationName in the subject.";
    country_iso: "e_subject_country_not_iso", Error, "TLS BR 7.1.2.7.4; 7.1.2.10.2 (ISO 3166-1)", SERVER_AND_CA, None,
        "countryName must be an ISO 3166-1 alpha-2 code (or \"XX\" where no country applies).";
    aia_unique: "e_aia_unique_access_locations", Error, "TLS BR 7.1.2.7.7 (ballot SC62)", SERVER, Some("2023-09-15"),
        "authorityInfoAccess must not list the same location twice for one access method.";
    policy_qualifiers: "e_sub_cert_policy_qualifier_not_cps_http", Error, "TLS BR 7.1.2.7.9; 7.1.2.10.5 (ballot SC62)", SERVER_AND_SUBORDINATE, Some("2023-09-15"),
        "A policy qualifier, if present, must be id-qt-cps with an http:// or https:// URL (no userNotice, no explicitText).";
    ca_multiple_reserved: "e_ca_multiple_reserved_policy_oids", Error, "TLS BR 7.1.2.10.5 (ballot SC62)", SUBORDINATE, Some("2023-09-15"),
        "A subordinate CA certificate must not contain more than one CA/Browser Forum reserved policy identifier.";
    ca_common_name: "e_ca_common_name_missing", Error, "TLS BR 7.1.2.10.2", CA_KINDS, None,
        "CA certificates must include commonName in the subject.";
    ca_organizational_unit: "e_ca_organizational_unit_name_present", Error, "TLS BR 7.1.2.10.2", CA_KINDS, Some("2023-09-15"),
        "organizationalUnitName must not be present in a CA certificate's subject (certificates issued from 2023-09-15).";
    subordinate_eku_values: "e_sub_ca_eku_prohibited_values", Error, "TLS BR 7.1.2.10.6", SUBORDINATE, None,
        "A TLS subordinate CA's extKeyUsage must not contain anyExtendedKeyUsage, or serverAuth together with emailProtection, codeSigning, timeStamping or OCSPSigning.";
    root_eku: "e_root_ca_extended_key_usage_present", Error, "TLS BR 7.1.2.1.2", ROOT, None,
        "Root CA certificates must not include extKeyUsage.";
    dv_subject: "e_cab_dv_subject_invalid_values", Error, "TLS BR 7.1.2.7.2 (ballot SC62)", SERVER, Some("2023-09-15"),
        "A domain-validated certificate's subject may contain only countryName and commonName.";
    iv_country: "e_cert_policy_iv_requires_country", Error, "TLS BR 7.1.2.7.3", SERVER, None,
        "An individual-validated certificate must include countryName.";
    ov_locality: "e_cert_policy_ov_requires_province_or_locality", Error, "TLS BR 7.1.2.7.4", SERVER, None,
        "An organization-validated certificate must include localityName or stateOrProvinceName.";
    iv_locality: "e_cert_policy_iv_requires_province_or_locality", Error, "TLS BR 7.1.2.7.3", SERVER, None,
        "An individual-validated certificate must include localityName or stateOrProvinceName.";
    reverse_zone: "e_arpa_domain_not_allowed", Error, "TLS BR 4.2.2 (ballot SC-086)", SERVER, Some("2026-03-15"),
        "A domain name must not end in an IP reverse zone suffix (in-addr.arpa, ip6.arpa).";
    duplicate_attributes: "e_duplicate_subject_attribs", Error, "TLS BR 7.1.4.1 (ballot SC62)", SERVER_AND_CA, Some("2023-09-15"),
        "The subject must not contain an attribute type more than once (domainComponent and streetAddress aside).";
    client_auth: "e_client_auth_not_allowed", Error, "Chrome Root Program Policy 1.8, 1.3.2", SERVER, Some("2027-03-15"),
        "A TLS server certificate issued from 2027-03-15 under the Chrome Root Store must not assert clientAuth: the hierarchy serves server authentication only.";
    rdn_order: "e_invalid_subject_rdn_order", Error, "TLS BR 7.1.4.2 (ballot SC62)", SERVER_AND_CA, Some("2023-09-15"),
        "Subject attributes listed in TLS BR 7.1.4.2 must appear in the table's order: domainComponent, countryName, stateOrProvinceName, localityName, postalCode, streetAddress, organizationName, surname, givenName, organizationalUnitName, commonName.";
    country_must_appear: "e_sub_cert_country_name_must_appear", Error, "TLS BR 7.1.2.7.3; 7.1.2.7.4 (1.x: 7.1.4.2.2)", SERVER, None,
        "countryName must be present when organizationName, givenName or surname is.";
    locality_must_appear: "e_sub_cert_locality_name_must_appear", Error, "TLS BR 7.1.2.7.3; 7.1.2.7.4 (1.x: 7.1.4.2.2)", SERVER, None,
        "localityName or stateOrProvinceName must be present when organizationName, givenName or surname is.";
    locality_must_not_appear: "e_sub_cert_locality_name_must_not_appear", Error, "TLS BR 7.1.2.7.2 (1.x: 7.1.4.2.2)", SERVER, None,
        "localityName must not be present without organizationName, givenName or surname.";
    province_must_not_appear: "e_sub_cert_province_must_not_appear", Error, "TLS BR 7.1.2.7.2 (1.x: 7.1.4.2.2)", SERVER, None,
        "stateOrProvinceName must not be present without organizationName, givenName or surname.";
    postal_code_must_not_appear: "e_sub_cert_postal_code_must_not_appear", Error, "TLS BR 7.1.2.7.2 (1.x: 7.1.4.2.2)", SERVER, None,
        "postalCode must not be present without organizationName, givenName or surname.";
    street_must_not_appear: "e_sub_cert_street_address_should_not_exist", Error, "TLS BR 7.1.2.7.2 (1.x: 7.1.4.2.2)", SERVER, None,
        "streetAddress must not be present without organizationName, givenName or surname.";
    noninformational: "e_subject_contains_noninformational_value", Error, "TLS BR 7.1.2.7.3; 7.1.2.7.4 (1.x: 7.1.4.2.2 j)", SERVER_AND_CA, None,
        "A subject attribute must not hold only metadata such as \".\", \"-\" or a space to say that the value is absent or not applicable.";
    crl_issuer_or_reasons: "e_crlissuer_must_not_be_present_in_cdp", Error, "TLS BR 7.1.2.11.2 (ballot SC62)", SERVER_AND_SUBORDINATE, Some("2023-09-15"),
        "A distribution point must not contain cRLIssuer or reasons.";
    aia_methods: "e_aia_must_contain_permitted_access_method", Error, "TLS BR 7.1.2.7.7; 7.1.2.10.3 (ballot SC62)", SERVER_AND_SUBORDINATE, Some("2023-09-15"),
        "authorityInfoAccess must contain only id-ad-ocsp and id-ad-caIssuers access descriptions.";
    root_policies: "w_root_ca_contains_cert_policy", Warning, "TLS BR 7.1.2.1.2", ROOT, None,
        "certificatePolicies is NOT RECOMMENDED in a root CA certificate.";
    root_path_length: "w_root_ca_basic_constraints_path_len_constraint_field_present", Warning, "TLS BR 7.1.2.1.4", ROOT, None,
        "pathLenConstraint is NOT RECOMMENDED in a root CA certificate's basicConstraints.";
    subordinate_eku_critical: "e_sub_ca_eku_critical", Error, "TLS BR 7.1.2.6.1 (extension table; ballot SC62)", SUBORDINATE, Some("2023-09-15"),
        "extKeyUsage must not be critical in a subordinate CA certificate (a SHOULD NOT before version 2.0 of the BRs).";
    subscriber_policies_critical: "e_sub_cert_certificate_policies_critical", Error, "TLS BR 7.1.2.7.6 (extension table; ballot SC62)", SERVER, Some("2023-09-15"),
        "certificatePolicies must not be critical in a subscriber certificate (a SHOULD NOT before version 2.0 of the BRs).";
    subordinate_policies_critical: "e_sub_ca_certificate_policies_critical", Error, "TLS BR 7.1.2.6.1 (extension table; ballot SC62)", SUBORDINATE, Some("2023-09-15"),
        "certificatePolicies must not be critical in a subordinate CA certificate (a SHOULD NOT before version 2.0 of the BRs).";
    rsa_modulus_odd: "w_rsa_mod_not_odd", Warning, "TLS BR 6.1.6", SERVER_AND_CA, None,
        "The RSA modulus should be odd (a multiple of 2 is no product of two large primes).";
    ec_key_agreement: "w_cabf_ecc_ku_keyagreement_present", Warning, "TLS BR 7.1.2.7.11", SERVER, None,
        "keyAgreement is NOT RECOMMENDED in the keyUsage of a subscriber certificate with an EC key.";
    ca_key_usage_bits: "e_ca_key_usage_prohibited_bits", Error, "TLS BR 7.1.2.10.7 (ballot SC62)", CA_KINDS, Some("2023-09-15"),
        "keyUsage of a CA certificate may assert only keyCertSign, cRLSign and digitalSignature.";
    subscriber_any_policy: "e_sub_cert_any_policy_present", Error, "TLS BR 7.1.2.7.9 (ballot SC62)", SERVER, Some("2023-09-15"),
        "anyPolicy must not be present in a subscriber certificate.";
    subordinate_any_policy: "e_sub_ca_any_policy_with_other_policies", Error, "TLS BR 7.1.2.10.5 (ballot SC62)", SUBORDINATE, Some("2023-09-15"),
        "A subordinate CA certificate that asserts anyPolicy must assert no other policy.";
    rdn_single: "e_subject_rdn_multiple_attributes", Error, "TLS BR 7.1.4.1 (ballot SC62)", SERVER_AND_CA, Some("2023-09-15"),
        "Each RDN of the subject must contain exactly one attribute.";
    subscriber_key_usage: "w_sub_cert_key_usage_missing", Warning, "TLS BR 7.1.2.7.11", SERVER, None,
        "keyUsage should be present in a subscriber certificate.";
    root_validity: "e_root_ca_validity_out_of_range", Error, "TLS BR 7.1.2.1.1 (ballot SC62)", ROOT, Some("2023-09-15"),
        "A root CA certificate must be valid for at least 2922 days and at most 9132 days.";
    crl_points_multiple: "w_crl_distribution_points_multiple", Warning, "TLS BR 7.1.2.11.2", SERVER_AND_SUBORDINATE, None,
        "More than one distribution point is NOT RECOMMENDED.";
    sct_critical: "e_sub_cert_sct_list_critical", Error, "TLS BR 7.1.2.7.6 (extension table; ballot SC62); RFC 6962 3.3", SERVER, Some("2023-09-15"),
        "The SignedCertificateTimestampList extension must not be critical.";
    root_key_identifiers: "e_root_ca_aki_not_equal_ski", Error, "TLS BR 7.1.2.1.3 (ballot SC62)", ROOT, Some("2023-09-15"),
        "A root CA certificate's authorityKeyIdentifier, if present, must hold the keyIdentifier of its own subjectKeyIdentifier.";
    common_name_included: "w_subject_common_name_included", Warning, "TLS BR 7.1.2.7.2; 7.1.2.7.3; 7.1.2.7.4 (ballot SC62)", SERVER, Some("2023-09-15"),
        "commonName is NOT RECOMMENDED in a subscriber certificate's subject.";
    not_recommended_attributes: "w_sub_cert_subject_attribute_not_recommended", Warning, "TLS BR 7.1.2.7.3; 7.1.2.7.4 (ballot SC62)", SERVER, Some("2023-09-15"),
        "In an individual- or organization-validated subject, postalCode, streetAddress, attributes outside the profile's table and (individual-validated) organizationName are NOT RECOMMENDED.";
    given_name_policy: "e_sub_cert_given_name_surname_contains_correct_policy", Error, "TLS BR 7.1.2.7.2; 7.1.2.7.4 (1.x: 7.1.4.2.2 c, d)", SERVER, Some("2016-09-07"),
        "givenName and surname may appear in a subscriber certificate only with the individual-validated policy 2.23.140.1.2.3.";
    authority_cert_issuer: "e_authority_key_identifier_has_issuer_cert", Error, "TLS BR 7.1.2.11.1 (ballot SC62)", SERVER_AND_CA, Some("2023-09-15"),
        "authorityKeyIdentifier must hold keyIdentifier only: authorityCertIssuer and authorityCertSerialNumber must not be present.";
    small_factors: "w_rsa_mod_factors_smaller_than_752", Warning, "TLS BR 6.1.6", SERVER_AND_CA, None,
        "The RSA modulus should have no factors smaller than 752.";
    constraint_reserved_ip: "e_ext_nc_intersects_reserved_ip", Error, "TLS BR 7.1.2.10.8 (1.x: 7.1.5)", CA_KINDS, None,
        "A permitted iPAddress name constraint must not include a reserved IP address range.";
    aia_internal: "w_sub_cert_aia_contains_internal_names", Warning, "TLS BR 7.1.2.7.7 (a URL relying parties can reach)", SERVER, None,
        "An authorityInfoAccess URL should not name an internal host: a single label, a reserved suffix (.local, .internal...) or a reserved IP address.";
    subordinate_eku_other: "w_sub_ca_eku_not_recommended", Warning, "TLS BR 7.1.2.10.6 (ballot SC62)", SUBORDINATE, Some("2023-09-15"),
        "A TLS subordinate CA's extKeyUsage should hold only serverAuth and clientAuth: any other purpose is NOT RECOMMENDED.";
    ca_subject_other: "w_ca_subject_attribute_not_recommended", Warning, "TLS BR 7.1.2.10.2 (ballot SC62)", CA_KINDS, Some("2023-09-15"),
        "A CA subject attribute outside the table of 7.1.2.10.2 (countryName, stateOrProvinceName, localityName, postalCode, streetAddress, organizationName, organizationalUnitName, commonName) is NOT RECOMMENDED.";
    directory_name_excluded: "w_name_constraint_dirname_excluded", Warning, "TLS BR 7.1.2.10.8 (ballot SC62)", CA_KINDS, Some("2023-09-15"),
        "directoryName values in excludedSubtrees are NOT RECOMMENDED.";
    root_issuer_encoding: "e_root_ca_issuer_not_byte_identical_to_subject", Error, "TLS BR 7.1.2.1; 7.1.4.1", ROOT, None,
        "A root CA certificate's issuer must be encoded byte for byte as its subject.";
    first_policy_reserved: "w_first_policy_not_reserved", Warning, "TLS BR 7.1.2.7.9; 7.1.2.10.5 (ballot SC62)", SERVER_AND_SUBORDINATE, Some("2023-09-15"),
        "The first PolicyInformation should hold the CA/Browser Forum reserved policy identifier.";
    rsa_digital_signature: "w_sub_cert_rsa_key_usage_digital_signature_missing", Warning, "TLS BR 7.1.2.7.11 (ballot SC62)", SERVER, Some("2023-09-15"),
        "keyUsage of a subscriber certificate with an RSA key should assert digitalSignature.";
    rsa_both_bits: "w_sub_cert_rsa_digital_signature_and_key_encipherment", Warning, "TLS BR 7.1.2.7.11 (ballot SC62)", SERVER, Some("2023-09-15"),
        "digitalSignature together with keyEncipherment on an RSA key is NOT RECOMMENDED (it mixes the TLS 1.3 and RSA key exchange uses of one key).";
    other_extension: "w_extension_not_in_profile", Warning, "TLS BR 7.1.2.1.2; 7.1.2.6.1; 7.1.2.7.6; 7.1.2.11.5 (ballot SC62)", SERVER_AND_CA, Some("2023-09-15"),
        "An extension the profile's table does not list is NOT RECOMMENDED (root: AKI, basicConstraints, keyUsage, SKI, extKeyUsage, certificatePolicies, SCT list; subordinate CA: also cRLDistributionPoints, authorityInfoAccess, nameConstraints; subscriber: authorityInfoAccess, AKI, certificatePolicies, extKeyUsage, subjectAltName, keyUsage, basicConstraints, cRLDistributionPoints, SCT list, SKI and, in a precertificate, the poison).";
    backdated: "e_sub_cert_excessively_backdated", Error, "TLS BR 7.1.2.7 (notBefore; ballot SC62)", SERVER, Some("2023-09-15"),
        "notBefore must be within 48 hours of the signing: an embedded SCT, which the log issued before the certificate was signed, must not be more than 48 hours after notBefore.";
}

fn eku_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts.find::<ext::ExtendedKeyUsage>().is_present(),
        "extensions/extendedKeyUsage",
        || "extKeyUsage is absent".to_owned(),
    )
}

fn eku_server_auth(c: &Context<'_>) -> Vec<Hit> {
    let purposes = ext::extended_key_usage(c.cert);
    hit_if(
        purposes
            .as_ref()
            .is_some_and(|p| !p.contains(&oids::SERVER_AUTH)),
        "extensions/extendedKeyUsage",
        || {
            format!(
                "extKeyUsage is {} without serverAuth",
                purpose_names(&purposes.clone().unwrap_or_default())
            )
        },
    )
}

/// Purpose OIDs as short names.
pub(super) fn purpose_names(purposes: &[ObjectIdentifier]) -> String {
    purposes
        .iter()
        .map(crate::oid::short_name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn eku_any(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.purposes().contains(&oids::ANY_EKU),
        "extensions/extendedKeyUsage",
        || "extKeyUsage contains anyExtendedKeyUsage".to_owned(),
    )
}

const PROHIBITED: [ObjectIdentifier; 5] = [
    oids::EMAIL_PROTECTION,
    oids::CODE_SIGNING,
    oids::TIME_STAMPING,
    oids::OCSP_SIGNING,
    oids::PRECERTIFICATE_SIGNING,
];

fn eku_prohibited(c: &Context<'_>) -> Vec<Hit> {
    let found: Vec<ObjectIdentifier> = c
        .purposes()
        .iter()
        .copied()
        .filter(|p| PROHIBITED.contains(p))
        .collect();
    hit_if(!found.is_empty(), "extensions/extendedKeyUsage", || {
        format!("extKeyUsage contains {}", purpose_names(&found))
    })
}

fn eku_extra(c: &Context<'_>) -> Vec<Hit> {
    let found: Vec<ObjectIdentifier> = c
        .purposes()
        .iter()
        .copied()
        .filter(|p| {
            ![oids::SERVER_AUTH, oids::CLIENT_AUTH, oids::ANY_EKU].contains(p)
                && !PROHIBITED.contains(p)
        })
        .collect();
    hit_if(!found.is_empty(), "extensions/extendedKeyUsage", || {
        format!("extKeyUsage also contains {}", purpose_names(&found))
    })
}

fn cert_sign_bit(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::key_usage(c.cert).is_some_and(|k| k.key_cert_sign()),
        "extensions/keyUsage",
        || "keyUsage asserts keyCertSign".to_owned(),
    )
}

fn crl_sign_bit(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::key_usage(c.cert).is_some_and(|k| k.crl_sign()),
        "extensions/keyUsage",
        || "keyUsage asserts cRLSign".to_owned(),
    )
}

fn digital_signature(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.key.ec() && ext::key_usage(c.cert).is_some_and(|k| !k.digital_signature()),
        "extensions/keyUsage",
        || "keyUsage of an EC subscriber key does not assert digitalSignature".to_owned(),
    )
}

/// A hit when the validity period exceeds `days` days (TLS BR 6.3.2 counts both ends).
pub(super) fn validity_longer_than(c: &Context<'_>, days: u64) -> Vec<Hit> {
    let seconds = c.validity_seconds();
    hit_if(seconds > days * DAY, "validity/not_after", || {
        let whole = seconds / DAY;
        let length = if seconds.is_multiple_of(DAY) {
            format!("{whole} days")
        } else {
            format!("{whole} days and {} seconds", seconds % DAY)
        };
        format!(
            "the validity period is {length} (notBefore to notAfter inclusive), over {days} days"
        )
    })
}

fn validity_398(c: &Context<'_>) -> Vec<Hit> {
    validity_longer_than(c, 398)
}

fn validity_200(c: &Context<'_>) -> Vec<Hit> {
    validity_longer_than(c, 200)
}

fn validity_100(c: &Context<'_>) -> Vec<Hit> {
    validity_longer_than(c, 100)
}

fn validity_47(c: &Context<'_>) -> Vec<Hit> {
    validity_longer_than(c, 47)
}

/// The access descriptions of the authorityInfoAccess extension, when it decodes.
pub(super) fn access_descriptions(
    c: &Context<'_>,
) -> Option<Vec<x509_cert::ext::pkix::AccessDescription>> {
    c.facts
        .find::<ext::AuthorityInfoAccessSyntax>()
        .value()
        .map(|aia| aia.0.clone())
}

fn aia_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts
            .find::<ext::AuthorityInfoAccessSyntax>()
            .is_present(),
        "extensions/authorityInfoAccess",
        || "authorityInfoAccess is absent".to_owned(),
    )
}

fn aia_ca_issuers(c: &Context<'_>) -> Vec<Hit> {
    let Some(descriptions) = access_descriptions(c) else {
        return Vec::new();
    };
    hit_if(
        !descriptions
            .iter()
            .any(|d| d.access_method == oids::AIA_CA_ISSUERS),
        "extensions/authorityInfoAccess",
        || "authorityInfoAccess has no id-ad-caIssuers entry".to_owned(),
    )
}

/// Why a general name is not an http:// URI, if it is not.
pub(super) fn not_http(name: &GeneralName) -> Option<String> {
    match name {
        GeneralName::UniformResourceIdentifier(uri) => {
            (!uri.as_str().to_ascii_lowercase().starts_with("http://"))
                .then(|| format!("{:?} is not an http:// URI", uri.as_str()))
        }
        other => Some(format!("{} is not a URI", general_name_kind(other))),
    }
}

/// The CHOICE arm of a general name.
pub(super) fn general_name_kind(name: &GeneralName) -> &'static str {
    match name {
        GeneralName::OtherName(_) => "otherName",
        GeneralName::Rfc822Name(_) => "rfc822Name",
        GeneralName::DnsName(_) => "dNSName",
        GeneralName::DirectoryName(_) => "directoryName",
        GeneralName::EdiPartyName(_) => "ediPartyName",
        GeneralName::UniformResourceIdentifier(_) => "uniformResourceIdentifier",
        GeneralName::IpAddress(_) => "iPAddress",
        GeneralName::RegisteredId(_) => "registeredID",
    }
}

fn aia_http(c: &Context<'_>) -> Vec<Hit> {
    access_descriptions(c)
        .unwrap_or_default()
        .iter()
        .filter(|d| [oids::AIA_OCSP, oids::AIA_CA_ISSUERS].contains(&d.access_method))
        .filter_map(|d| not_http(&d.access_location))
        .map(|problem| hit("extensions/authorityInfoAccess", problem))
        .collect()
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
    let mut hits = Vec::new();
    for point in &points.0 {
        match &point.distribution_point {
            Some(DistributionPointName::FullName(names)) => {
                for name in names {
                    if let Some(problem) = not_http(name) {
                        hits.push(hit("extensions/cRLDistributionPoints", problem));
                    }
                }
            }
            _ => hits.push(hit(
                "extensions/cRLDistributionPoints",
                "a distribution point has no fullName",
            )),
        }
    }
    hits
}

fn crl_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<ext::CrlDistributionPoints>().critical() == Some(true),
        "extensions/cRLDistributionPoints",
        || "cRLDistributionPoints is critical".to_owned(),
    )
}

fn policies_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts.find::<ext::CertificatePolicies>().is_present(),
        "extensions/certificatePolicies",
        || "certificatePolicies is absent".to_owned(),
    )
}

const RESERVED: [ObjectIdentifier; 4] = [
    oids::POLICY_DV,
    oids::POLICY_OV,
    oids::POLICY_IV,
    oids::POLICY_EV,
];

fn reserved_policy(c: &Context<'_>) -> Vec<Hit> {
    if !c.facts.find::<ext::CertificatePolicies>().is_present() {
        return Vec::new();
    }
    let reserved: Vec<ObjectIdentifier> = c
        .policies()
        .into_iter()
        .filter(|p| RESERVED.contains(p))
        .collect();
    hit_if(
        reserved.len() != 1,
        "extensions/certificatePolicies",
        || {
            format!(
                "certificatePolicies holds {} CA/B Forum reserved identifiers ({})",
                reserved.len(),
                reserved
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        },
    )
}

fn dv_org(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.has_policy(&oids::POLICY_DV) && !c.subject_values(oids::ORGANIZATION).is_empty(),
        "subject/attributes/O",
        || "a domain-validated certificate carries organizationName".to_owned(),
    )
}

fn ov_org(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.has_policy(&oids::POLICY_OV) && c.subject_values(oids::ORGANIZATION).is_empty(),
        "subject",
        || "an organization-validated certificate has no organizationName".to_owned(),
    )
}

fn ov_country(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.has_policy(&oids::POLICY_OV) && c.subject_values(oids::COUNTRY).is_empty(),
        "subject",
        || "an organization-validated certificate has no countryName".to_owned(),
    )
}

fn iv_person(c: &Context<'_>) -> Vec<Hit> {
    let named = !c.subject_values(oids::GIVEN_NAME).is_empty()
        && !c.subject_values(oids::SURNAME).is_empty();
    let pseudonym = !c.subject_values(oids::PSEUDONYM).is_empty();
    hit_if(
        c.has_policy(&oids::POLICY_IV) && !named && !pseudonym,
        "subject",
        || {
            "an individual-validated certificate has neither givenName and surname nor pseudonym"
                .to_owned()
        },
    )
}

fn san_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts.find::<ext::SubjectAltName>().is_present(),
        "extensions/subjectAltName",
        || "subjectAltName is absent".to_owned(),
    )
}

fn san_types(c: &Context<'_>) -> Vec<Hit> {
    c.san()
        .iter()
        .filter(|n| !matches!(n, GeneralName::DnsName(_) | GeneralName::IpAddress(_)))
        .map(|n| {
            hit(
                "extensions/subjectAltName",
                format!("subjectAltName contains a {}", general_name_kind(n)),
            )
        })
        .collect()
}

/// An iPAddress entry as text.
pub(super) fn ip_text(bytes: &[u8]) -> String {
    match bytes.len() {
        4 | 16 => {
            if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
                std::net::Ipv4Addr::from(v4).to_string()
            } else if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
                std::net::Ipv6Addr::from(v6).to_string()
            } else {
                crate::cert::hex(bytes)
            }
        }
        _ => crate::cert::hex(bytes),
    }
}

fn common_name_in_san(c: &Context<'_>) -> Vec<Hit> {
    let san = c.san();
    let dns = c.dns_names();
    let ips: Vec<String> = san
        .iter()
        .filter_map(|n| match n {
            GeneralName::IpAddress(ip) => Some(ip_text(ip.as_bytes())),
            _ => None,
        })
        .collect();
    c.subject_values(oids::COMMON_NAME)
        .into_iter()
        .filter(|cn| !dns.contains(cn) && !ips.contains(cn))
        .map(|cn| {
            hit(
                "subject/attributes/CN",
                format!("commonName {cn:?} is not among the subjectAltName entries"),
            )
        })
        .collect()
}

/// Suffixes that never resolve in the public DNS (RFC 2606, RFC 6762, RFC 8375, RFC 9476,
/// ICANN's name collision list and `.internal`, reserved by ICANN in 2024).
const INTERNAL_SUFFIXES: [&str; 14] = [
    "example",
    "alt",
    "local",
    "localhost",
    "localdomain",
    "internal",
    "intranet",
    "lan",
    "home",
    "home.arpa",
    "corp",
    "private",
    "test",
    "invalid",
];

fn internal_name(c: &Context<'_>) -> Vec<Hit> {
    c.dns_names()
        .into_iter()
        .filter(|name| {
            let lower = name.trim_end_matches('.').to_ascii_lowercase();
            let single_label = !lower.contains('.');
            single_label
                || INTERNAL_SUFFIXES
                    .iter()
                    .any(|suffix| lower.ends_with(&format!(".{suffix}")))
        })
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!("dNSName {name:?} is an internal name"),
            )
        })
        .collect()
}

/// Whether an IP address is private, loopback, link-local or otherwise reserved (IANA special
/// purpose registries).
fn reserved_address(bytes: &[u8]) -> bool {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        let ip = std::net::Ipv4Addr::from(v4);
        let [a, b, _, _] = v4;
        return ip.is_private()
            || ip.is_loopback()
            || ip.is_link_local()
            || ip.is_unspecified()
            || ip.is_broadcast()
            || ip.is_documentation()
            || ip.is_multicast()
            || (a == 100 && (64..128).contains(&b))
            || a >= 240
            || a == 0;
    }
    if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
        let ip = std::net::Ipv6Addr::from(v6);
        let first = ip.segments().first().copied().unwrap_or_default();
        return ip.is_loopback()
            || ip.is_unspecified()
            || ip.is_multicast()
            || (first & 0xfe00) == 0xfc00
            || (first & 0xffc0) == 0xfe80
            || first == 0x2001 && ip.segments().get(1) == Some(&0x0db8);
    }
    true
}

fn reserved_ip(c: &Context<'_>) -> Vec<Hit> {
    c.san()
        .iter()
        .filter_map(|n| match n {
            GeneralName::IpAddress(ip) if reserved_address(ip.as_bytes()) => Some(hit(
                "extensions/subjectAltName",
                format!("iPAddress {} is reserved", ip_text(ip.as_bytes())),
            )),
            _ => None,
        })
        .collect()
}

fn wildcard_left(c: &Context<'_>) -> Vec<Hit> {
    c.dns_names()
        .into_iter()
        .filter(|name| name.split('.').skip(1).any(|label| label.contains('*')))
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!("dNSName {name:?} has a wildcard beyond the left-most label"),
            )
        })
        .collect()
}

fn wildcard_whole(c: &Context<'_>) -> Vec<Hit> {
    c.dns_names()
        .into_iter()
        .filter(|name| {
            name.split('.')
                .next()
                .is_some_and(|label| label.contains('*') && label != "*")
        })
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!("dNSName {name:?} has a partial wildcard label"),
            )
        })
        .collect()
}

fn bad_character(c: &Context<'_>) -> Vec<Hit> {
    c.dns_names()
        .into_iter()
        .filter(|name| {
            name.trim_end_matches('.')
                .split('.')
                .enumerate()
                .any(|(index, label)| {
                    if index == 0 && label == "*" {
                        return false;
                    }
                    label.starts_with('-')
                        || label.ends_with('-')
                        || !label.bytes().all(|b| {
                            b.is_ascii_alphanumeric() || b == b'-' || b == b'*' || b == b'_'
                        })
                })
        })
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!("dNSName {name:?} has a label with a character not allowed in host names"),
            )
        })
        .collect()
}

fn label_length(c: &Context<'_>) -> Vec<Hit> {
    c.dns_names()
        .into_iter()
        .filter(|name| name.len() > 253 || name.split('.').any(|label| label.len() > 63))
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!(
                    "dNSName of {} octets has a label over 63 octets or exceeds 253",
                    name.len()
                ),
            )
        })
        .collect()
}

/// A hit when the RSA modulus is shorter than `minimum` bits.
pub(super) fn rsa_at_least(c: &Context<'_>, minimum: u32) -> Vec<Hit> {
    let bits = c.rsa_bits();
    hit_if(bits.is_some_and(|b| b < minimum), "public_key", || {
        format!(
            "RSA modulus is {} bits, below {minimum}",
            bits.unwrap_or_default()
        )
    })
}

fn rsa_size(c: &Context<'_>) -> Vec<Hit> {
    rsa_at_least(c, 2048)
}

fn rsa_divisible(c: &Context<'_>) -> Vec<Hit> {
    let bits = c.rsa_bits();
    hit_if(bits.is_some_and(|b| b % 8 != 0), "public_key", || {
        format!(
            "RSA modulus is {} bits, not a multiple of 8",
            bits.unwrap_or_default()
        )
    })
}

fn exponent<'c>(c: &'c Context<'_>) -> Option<&'c [u8]> {
    let exponent = &c.key.rsa_encryption()?.exponent;
    let skip = exponent.iter().take_while(|&&b| b == 0).count();
    exponent.get(skip..)
}

fn exponent_text(bytes: &[u8]) -> String {
    if bytes.len() <= 8 {
        bytes
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
            .to_string()
    } else {
        format!("0x{}", crate::cert::hex(bytes))
    }
}

fn rsa_exponent_odd(c: &Context<'_>) -> Vec<Hit> {
    let Some(e) = exponent(c) else {
        return Vec::new();
    };
    hit_if(e.last().is_none_or(|b| b % 2 == 0), "public_key", || {
        format!("RSA public exponent {} is even", exponent_text(e))
    })
}

fn rsa_exponent_small(c: &Context<'_>) -> Vec<Hit> {
    let Some(e) = exponent(c) else {
        return Vec::new();
    };
    hit_if(
        e.len() <= 1 && e.first().is_none_or(|&b| b < 3),
        "public_key",
        || format!("RSA public exponent {} is below 3", exponent_text(e)),
    )
}

fn rsa_exponent_range(c: &Context<'_>) -> Vec<Hit> {
    let Some(e) = exponent(c) else {
        return Vec::new();
    };
    // 2^16+1 is 0x010001 (three octets); 2^256-1 is 32 octets.
    let below = e.len() < 3 || (e.len() == 3 && e == [0x01, 0x00, 0x00]);
    hit_if(below || e.len() > 32, "public_key", || {
        format!(
            "RSA public exponent {} is outside 2^16+1 .. 2^256-1",
            exponent_text(e)
        )
    })
}

pub(super) fn ec_curve(c: &Context<'_>) -> Vec<Hit> {
    match &c.key.kind {
        KeyKind::Ec { curve }
            if !curve.is_some_and(|o| [oids::P256, oids::P384, oids::P521].contains(&o)) =>
        {
            vec![hit(
                "public_key",
                format!(
                    "EC key on {}",
                    curve.map_or_else(
                        || "an unnamed curve".to_owned(),
                        |o| crate::oid::short_name(&o)
                    )
                ),
            )]
        }
        _ => Vec::new(),
    }
}

fn key_algorithm(c: &Context<'_>) -> Vec<Hit> {
    match &c.key.kind {
        KeyKind::Rsa(Some(_)) | KeyKind::Ec { .. } => Vec::new(),
        KeyKind::Ed25519 => vec![hit("public_key", "the subject key is Ed25519")],
        // An `id-RSASSA-PSS` key and an `rsaEncryption` key whose RSAPublicKey does not decode
        // are other algorithms here ([`crate::facts::KeyFacts::rsa_encryption`]).
        _ => vec![hit(
            "public_key",
            format!(
                "the subject key algorithm is {}",
                crate::oid::name(&c.key.algorithm)
            ),
        )],
    }
}

pub(super) fn signature_algorithm(c: &Context<'_>) -> Vec<Hit> {
    let oid = c.cert.x509().signature_algorithm().oid;
    let allowed = [
        oids::SHA256_RSA,
        oids::SHA384_RSA,
        oids::SHA512_RSA,
        oids::RSA_PSS,
        oids::ECDSA_SHA256,
        oids::ECDSA_SHA384,
        oids::ECDSA_SHA512,
    ];
    hit_if(!allowed.contains(&oid), "signature_algorithm", || {
        format!(
            "signature algorithm {} is not allowed",
            crate::oid::name(&oid)
        )
    })
}

fn sha1(c: &Context<'_>) -> Vec<Hit> {
    let oid = c.cert.x509().signature_algorithm().oid;
    hit_if(
        oid == oids::SHA1_RSA || oid == oids::ECDSA_SHA1,
        "signature_algorithm",
        || format!("signed with {}", crate::oid::name(&oid)),
    )
}

fn serial_entropy(c: &Context<'_>) -> Vec<Hit> {
    let bytes = c.tbs().serial_number().as_bytes();
    let significant = bytes.iter().skip_while(|&&b| b == 0).count();
    hit_if(significant < 8, "serial", || {
        format!(
            "serial number 0x{} has {significant} significant octets",
            crate::cert::hex(bytes)
        )
    })
}

fn sct_missing(c: &Context<'_>) -> Vec<Hit> {
    let precertificate = ext::raw(c.cert, &oids::CT_POISON).next().is_some();
    let scts = ext::raw(c.cert, &oids::SCT_LIST).next().is_some();
    hit_if(!precertificate && !scts, "extensions", || {
        "no embedded SCT list: browsers require SCTs from this certificate, its OCSP response or the TLS handshake".to_owned()
    })
}

fn subordinate_aia(c: &Context<'_>) -> Vec<Hit> {
    aia_missing(c)
}

fn subordinate_crl(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts.find::<ext::CrlDistributionPoints>().is_present(),
        "extensions/cRLDistributionPoints",
        || "cRLDistributionPoints is absent".to_owned(),
    )
}

fn subordinate_policies(c: &Context<'_>) -> Vec<Hit> {
    policies_missing(c)
}

fn subordinate_eku(c: &Context<'_>) -> Vec<Hit> {
    eku_missing(c)
}

fn ca_key_usage_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<ext::KeyUsage>().critical() == Some(false),
        "extensions/keyUsage",
        || "keyUsage of a CA certificate is not critical".to_owned(),
    )
}

fn ca_crl_sign(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::key_usage(c.cert).is_some_and(|k| !k.crl_sign()),
        "extensions/keyUsage",
        || "keyUsage of a CA certificate does not assert cRLSign".to_owned(),
    )
}

fn ca_country(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.subject_values(oids::COUNTRY).is_empty(),
        "subject",
        || "the CA's subject has no countryName".to_owned(),
    )
}

fn ca_organization(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.subject_values(oids::ORGANIZATION).is_empty(),
        "subject",
        || "the CA's subject has no organizationName".to_owned(),
    )
}

fn root_eku(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !matches!(c.facts.find::<ext::ExtendedKeyUsage>(), Lookup::Absent),
        "extensions/extendedKeyUsage",
        || "a root CA certificate carries extKeyUsage".to_owned(),
    )
}

fn eku_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.facts.find::<ext::ExtendedKeyUsage>().critical() == Some(true),
        "extensions/extendedKeyUsage",
        || "extKeyUsage is critical".to_owned(),
    )
}

fn basic_constraints_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.basic_constraints().critical() == Some(false),
        "extensions/basicConstraints",
        || "basicConstraints is present and not critical".to_owned(),
    )
}

fn underscore(c: &Context<'_>) -> Vec<Hit> {
    c.dns_names()
        .into_iter()
        .filter(|name| name.contains('_'))
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!("dNSName {name:?} has an underscore"),
            )
        })
        .collect()
}

/// Whether a label is reserved by RFC 5890 2.3.1: two characters, then "--", and not an
/// A-label ("xn--").
fn reserved_label_name(label: &str) -> bool {
    let bytes = label.as_bytes();
    bytes.get(2..4) == Some(b"--".as_slice())
        && !bytes
            .get(..2)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case(b"xn"))
}

fn reserved_label(c: &Context<'_>) -> Vec<Hit> {
    c.dns_names()
        .into_iter()
        .filter(|name| name.split('.').any(reserved_label_name))
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!("dNSName {name:?} has a reserved \"??--\" label"),
            )
        })
        .collect()
}

fn common_name_reserved_ip(c: &Context<'_>) -> Vec<Hit> {
    c.subject_values(oids::COMMON_NAME)
        .into_iter()
        .filter_map(|cn| {
            let ip: std::net::IpAddr = cn.parse().ok()?;
            let bytes = match ip {
                std::net::IpAddr::V4(v4) => v4.octets().to_vec(),
                std::net::IpAddr::V6(v6) => v6.octets().to_vec(),
            };
            reserved_address(&bytes).then(|| {
                hit(
                    "subject/attributes/CN",
                    format!("commonName {cn:?} is a reserved IP address"),
                )
            })
        })
        .collect()
}

fn organizational_unit(c: &Context<'_>) -> Vec<Hit> {
    c.subject_values(oids::ORGANIZATIONAL_UNIT)
        .into_iter()
        .map(|ou| {
            hit(
                "subject/attributes/OU",
                format!("the subject has organizationalUnitName {ou:?}"),
            )
        })
        .collect()
}

fn crl_without_ocsp(c: &Context<'_>) -> Vec<Hit> {
    let ocsp = access_descriptions(c)
        .unwrap_or_default()
        .iter()
        .any(|d| d.access_method == oids::AIA_OCSP);
    hit_if(
        !ocsp && !c.facts.find::<ext::CrlDistributionPoints>().is_present(),
        "extensions/cRLDistributionPoints",
        || "cRLDistributionPoints is absent and authorityInfoAccess has no OCSP URL".to_owned(),
    )
}

fn ca_common_name(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.subject_values(oids::COMMON_NAME).is_empty(),
        "subject",
        || "the CA's subject has no commonName".to_owned(),
    )
}

fn ca_organizational_unit(c: &Context<'_>) -> Vec<Hit> {
    organizational_unit(c)
}

fn subordinate_eku_values(c: &Context<'_>) -> Vec<Hit> {
    let purposes = c.purposes();
    if purposes.contains(&oids::ANY_EKU) {
        return vec![hit(
            "extensions/extendedKeyUsage",
            "extKeyUsage contains anyExtendedKeyUsage",
        )];
    }
    let mixed: Vec<ObjectIdentifier> = purposes
        .iter()
        .copied()
        .filter(|p| PROHIBITED.contains(p) && *p != oids::PRECERTIFICATE_SIGNING)
        .collect();
    hit_if(
        purposes.contains(&oids::SERVER_AUTH) && !mixed.is_empty(),
        "extensions/extendedKeyUsage",
        || format!("extKeyUsage has serverAuth with {}", purpose_names(&mixed)),
    )
}

/// ISO 3166-1 alpha-2 codes (Debian iso-codes 4.15.0), sorted.
const ISO_3166: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

fn country_iso(c: &Context<'_>) -> Vec<Hit> {
    c.subject_values(oids::COUNTRY)
        .into_iter()
        .filter(|country| {
            country != "XX"
                && !(country.len() == 2 && ISO_3166.split(' ').any(|code| code == country.as_str()))
        })
        .map(|country| {
            hit(
                "subject/attributes/C",
                format!("countryName {country:?} is not an ISO 3166-1 alpha-2 code"),
            )
        })
        .collect()
}

fn aia_unique(c: &Context<'_>) -> Vec<Hit> {
    let descriptions = access_descriptions(c).unwrap_or_default();
    let mut hits = Vec::new();
    for (index, description) in descriptions.iter().enumerate() {
        let GeneralName::UniformResourceIdentifier(uri) = &description.access_location else {
            continue;
        };
        let repeated = descriptions
            .get(..index)
            .unwrap_or_default()
            .iter()
            .any(|earlier| {
                earlier.access_method == description.access_method
                    && matches!(&earlier.access_location,
                        GeneralName::UniformResourceIdentifier(other)
                            if other.as_str().eq_ignore_ascii_case(uri.as_str()))
            });
        if repeated {
            hits.push(hit(
                "extensions/authorityInfoAccess",
                format!(
                    "{} location {:?} appears more than once",
                    crate::oid::short_name(&description.access_method),
                    uri.as_str()
                ),
            ));
        }
    }
    hits
}

fn policy_qualifiers(c: &Context<'_>) -> Vec<Hit> {
    const CPS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.2.1");
    let Some(policies) = c.facts.find::<ext::CertificatePolicies>().value().cloned() else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for information in &policies.0 {
        for qualifier in information.policy_qualifiers.iter().flatten() {
            let problem = if qualifier.policy_qualifier_id != CPS {
                Some(format!(
                    "policy {} has a {} qualifier",
                    information.policy_identifier,
                    crate::oid::short_name(&qualifier.policy_qualifier_id)
                ))
            } else {
                let url = qualifier
                    .qualifier
                    .as_ref()
                    .and_then(|any| any.decode_as::<der::asn1::Ia5String>().ok());
                match url {
                    Some(url)
                        if url.as_str().to_ascii_lowercase().starts_with("http://")
                            || url.as_str().to_ascii_lowercase().starts_with("https://") =>
                    {
                        None
                    }
                    Some(url) => Some(format!(
                        "policy {} has a CPS URI {:?} that is not http:// or https://",
                        information.policy_identifier,
                        url.as_str()
                    )),
                    None => Some(format!(
                        "policy {} has a CPS qualifier that is not an IA5String URI",
                        information.policy_identifier
                    )),
                }
            };
            if let Some(problem) = problem {
                hits.push(hit("extensions/certificatePolicies", problem));
            }
        }
    }
    hits
}

fn ca_multiple_reserved(c: &Context<'_>) -> Vec<Hit> {
    let reserved: Vec<ObjectIdentifier> = c
        .policies()
        .into_iter()
        .filter(|p| RESERVED.contains(p))
        .collect();
    hit_if(reserved.len() > 1, "extensions/certificatePolicies", || {
        format!(
            "certificatePolicies holds {} CA/B Forum reserved identifiers ({})",
            reserved.len(),
            reserved
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

fn dv_subject(c: &Context<'_>) -> Vec<Hit> {
    if !c.has_policy(&oids::POLICY_DV) {
        return Vec::new();
    }
    let allowed = [oids::COUNTRY.to_string(), oids::COMMON_NAME.to_string()];
    crate::name::attributes(c.tbs().subject())
        .into_iter()
        .filter(|a| !allowed.contains(&a.oid))
        .map(|a| {
            hit(
                "subject",
                format!(
                    "a domain-validated certificate's subject carries {}",
                    attribute_name(&a.oid)
                ),
            )
        })
        .collect()
}

fn iv_country(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.has_policy(&oids::POLICY_IV) && c.subject_values(oids::COUNTRY).is_empty(),
        "subject",
        || "an individual-validated certificate has no countryName".to_owned(),
    )
}

const LOCALITY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.7");
const STATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.8");

/// A hit when a certificate asserting `policy` has neither localityName nor stateOrProvinceName.
fn locality_or_state(c: &Context<'_>, policy: &ObjectIdentifier, validated: &str) -> Vec<Hit> {
    hit_if(
        c.has_policy(policy)
            && c.subject_values(LOCALITY).is_empty()
            && c.subject_values(STATE).is_empty(),
        "subject",
        || format!("an {validated} certificate has neither localityName nor stateOrProvinceName"),
    )
}

fn ov_locality(c: &Context<'_>) -> Vec<Hit> {
    locality_or_state(c, &oids::POLICY_OV, "organization-validated")
}

fn iv_locality(c: &Context<'_>) -> Vec<Hit> {
    locality_or_state(c, &oids::POLICY_IV, "individual-validated")
}

/// Whether a domain name ends in an IP reverse zone suffix (TLS BR 1.6.1 "IP Reverse Zone
/// Suffix"): in-addr.arpa or ip6.arpa, in any case, with or without a final dot.
fn in_reverse_zone(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    ["in-addr.arpa", "ip6.arpa"]
        .iter()
        .any(|zone| name == *zone || name.ends_with(&format!(".{zone}")))
}

fn reverse_zone(c: &Context<'_>) -> Vec<Hit> {
    let san = c
        .dns_names()
        .into_iter()
        .filter(|n| in_reverse_zone(n))
        .map(|n| {
            hit(
                "extensions/subjectAltName",
                format!("dNSName {n:?} is in an IP reverse zone"),
            )
        });
    let common_name = c
        .subject_values(oids::COMMON_NAME)
        .into_iter()
        .filter(|n| in_reverse_zone(n))
        .map(|n| {
            hit(
                "subject/attributes/CN",
                format!("commonName {n:?} is in an IP reverse zone"),
            )
        });
    san.chain(common_name).collect()
}

fn duplicate_attributes(c: &Context<'_>) -> Vec<Hit> {
    const DOMAIN_COMPONENT: &str = "0.9.2342.19200300.100.1.25";
    const STREET_ADDRESS: &str = "2.5.4.9";
    let mut seen: Vec<String> = Vec::new();
    let mut hits = Vec::new();
    for attribute in crate::name::attributes(c.tbs().subject()) {
        if attribute.oid == DOMAIN_COMPONENT || attribute.oid == STREET_ADDRESS {
            continue;
        }
        if seen.contains(&attribute.oid) {
            if !hits.iter().any(|h: &(String, Hit)| h.0 == attribute.oid) {
                let name = attribute_name(&attribute.oid);
                hits.push((
                    attribute.oid.clone(),
                    hit(
                        "subject",
                        format!("the subject carries {name} more than once"),
                    ),
                ));
            }
        } else {
            seen.push(attribute.oid);
        }
    }
    hits.into_iter().map(|(_, h)| h).collect()
}

fn client_auth(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.purposes().contains(&oids::CLIENT_AUTH),
        "extensions/extendedKeyUsage",
        || "extKeyUsage of a TLS server certificate contains clientAuth".to_owned(),
    )
}

/// The short name of an attribute type given in dotted form.
fn attribute_name(dotted: &str) -> String {
    ObjectIdentifier::new(dotted)
        .map_or_else(|_| dotted.to_owned(), |oid| crate::oid::short_name(&oid))
}

/// The position of each attribute type in the table of TLS BR 7.1.4.2.
const SUBJECT_ORDER: [(ObjectIdentifier, &str); 11] = [
    (oids::DOMAIN_COMPONENT, "domainComponent"),
    (oids::COUNTRY, "countryName"),
    (oids::STATE, "stateOrProvinceName"),
    (oids::LOCALITY, "localityName"),
    (oids::POSTAL_CODE, "postalCode"),
    (oids::STREET, "streetAddress"),
    (oids::ORGANIZATION, "organizationName"),
    (oids::SURNAME, "surname"),
    (oids::GIVEN_NAME, "givenName"),
    (oids::ORGANIZATIONAL_UNIT, "organizationalUnitName"),
    (oids::COMMON_NAME, "commonName"),
];

fn rdn_order(c: &Context<'_>) -> Vec<Hit> {
    let position = |oid: &str| SUBJECT_ORDER.iter().position(|(o, _)| o.to_string() == oid);
    // The highest table position among earlier RDNs; attributes of one multi-valued RDN are a
    // SET, whose order DER fixes, so they are compared with earlier RDNs only.
    let mut earlier: Option<usize> = None;
    let mut current: Option<usize> = None;
    let mut current_rdn = usize::MAX;
    for attribute in crate::name::attributes(c.tbs().subject()) {
        if attribute.rdn != current_rdn {
            earlier = earlier.max(current);
            current = None;
            current_rdn = attribute.rdn;
        }
        let Some(here) = position(&attribute.oid) else {
            continue;
        };
        if let Some(before) = earlier.filter(|before| *before > here) {
            let name = |index: usize| SUBJECT_ORDER.get(index).map_or("?", |(_, n)| n);
            return vec![hit(
                "subject",
                format!("{} comes after {}", name(here), name(before)),
            )];
        }
        current = current.max(Some(here));
    }
    Vec::new()
}

/// Whether the subject names an organization or a person (TLS BR 1.x 7.1.4.2.2 d-g).
fn names_identity(c: &Context<'_>) -> bool {
    [oids::ORGANIZATION, oids::GIVEN_NAME, oids::SURNAME]
        .into_iter()
        .any(|oid| !c.subject_values(oid).is_empty())
}

fn subject_has(c: &Context<'_>, oid: ObjectIdentifier) -> bool {
    !c.subject_values(oid).is_empty()
}

fn country_must_appear(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        names_identity(c) && !subject_has(c, oids::COUNTRY),
        "subject/attributes/C",
        || "the subject names an organization or a person without countryName".to_owned(),
    )
}

fn locality_must_appear(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        names_identity(c) && !subject_has(c, oids::LOCALITY) && !subject_has(c, oids::STATE),
        "subject/attributes/L",
        || {
            "the subject names an organization or a person without localityName or \
             stateOrProvinceName"
                .to_owned()
        },
    )
}

/// A hit when the subject has `oid` but names no organization or person.
fn without_identity(c: &Context<'_>, oid: ObjectIdentifier) -> Vec<Hit> {
    let name = crate::oid::short_name(&oid);
    hit_if(
        !names_identity(c) && subject_has(c, oid),
        &format!("subject/attributes/{name}"),
        || format!("{name} is present without organizationName, givenName or surname"),
    )
}

fn locality_must_not_appear(c: &Context<'_>) -> Vec<Hit> {
    without_identity(c, oids::LOCALITY)
}

fn province_must_not_appear(c: &Context<'_>) -> Vec<Hit> {
    without_identity(c, oids::STATE)
}

fn postal_code_must_not_appear(c: &Context<'_>) -> Vec<Hit> {
    without_identity(c, oids::POSTAL_CODE)
}

fn street_must_not_appear(c: &Context<'_>) -> Vec<Hit> {
    without_identity(c, oids::STREET)
}

fn noninformational(c: &Context<'_>) -> Vec<Hit> {
    crate::name::attributes(c.tbs().subject())
        .into_iter()
        .filter(|a| !a.value.is_empty() && a.value.chars().all(|ch| matches!(ch, '.' | '-' | ' ')))
        .map(|a| {
            hit(
                format!("subject/attributes/{}", a.name),
                format!(
                    "{} is {:?}, a placeholder rather than information",
                    a.name, a.value
                ),
            )
        })
        .collect()
}

fn crl_issuer_or_reasons(c: &Context<'_>) -> Vec<Hit> {
    let Some(points) = c
        .facts
        .find::<ext::CrlDistributionPoints>()
        .value()
        .cloned()
    else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for point in &points.0 {
        if point.crl_issuer.is_some() {
            hits.push(hit(
                "extensions/cRLDistributionPoints",
                "a distribution point contains cRLIssuer",
            ));
        }
        if point.reasons.is_some() {
            hits.push(hit(
                "extensions/cRLDistributionPoints",
                "a distribution point contains reasons",
            ));
        }
    }
    hits
}

fn aia_methods(c: &Context<'_>) -> Vec<Hit> {
    access_descriptions(c)
        .unwrap_or_default()
        .iter()
        .filter(|d| ![oids::AIA_OCSP, oids::AIA_CA_ISSUERS].contains(&d.access_method))
        .map(|d| {
            hit(
                "extensions/authorityInfoAccess",
                format!(
                    "access method {} is neither id-ad-ocsp nor id-ad-caIssuers",
                    crate::oid::short_name(&d.access_method)
                ),
            )
        })
        .collect()
}

/// The timestamps (milliseconds since the epoch) of the SCTs embedded in the certificate
/// (RFC 6962 3.2, 3.3); empty when there is no list or it does not parse.
fn sct_timestamps(c: &Context<'_>) -> Vec<u64> {
    use der::Decode;
    let Some(extension) = ext::raw(c.cert, &oids::SCT_LIST).next() else {
        return Vec::new();
    };
    let Ok(list) = der::asn1::OctetString::from_der(extension.extn_value.as_bytes()) else {
        return Vec::new();
    };
    let bytes = list.as_bytes();
    let length = |at: usize| -> Option<usize> {
        let pair = bytes.get(at..at.checked_add(2)?)?;
        Some(usize::from(u16::from_be_bytes([
            *pair.first()?,
            *pair.get(1)?,
        ])))
    };
    let mut timestamps = Vec::new();
    let Some(total) = length(0) else {
        return timestamps;
    };
    let end = total.saturating_add(2).min(bytes.len());
    let mut at = 2;
    while at < end {
        let Some(size) = length(at) else {
            break;
        };
        let body = at.saturating_add(2);
        // version (1 octet, v1 = 0), log id (32), timestamp (8).
        if let Some(stamp) = bytes.get(body.saturating_add(33)..body.saturating_add(41)) {
            if bytes.get(body) == Some(&0) {
                let mut octets = [0u8; 8];
                octets.copy_from_slice(stamp);
                timestamps.push(u64::from_be_bytes(octets));
            }
        }
        at = body.saturating_add(size);
    }
    timestamps
}

fn backdated(c: &Context<'_>) -> Vec<Hit> {
    let Some(earliest) = sct_timestamps(c).into_iter().min() else {
        return Vec::new();
    };
    let signed_no_earlier = earliest / 1000;
    let late = signed_no_earlier.saturating_sub(c.not_before.0);
    hit_if(late > 2 * DAY, "validity/notBefore", || {
        format!(
            "an embedded SCT is from {} hours after notBefore: the certificate was signed at \
             least that long after it, more than the 48 hours allowed",
            late / 3600
        )
    })
}

/// A hit when the extension is present and critical.
fn critical_extension(c: &Context<'_>, oid: ObjectIdentifier) -> Vec<Hit> {
    hit_if(
        ext::raw(c.cert, &oid).any(|e| e.critical),
        &super::extension_field(&oid),
        || format!("{} is critical", crate::oid::short_name(&oid)),
    )
}

const CERTIFICATE_POLICIES: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.32");
const EXTENDED_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37");

fn root_policies(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::raw(c.cert, &CERTIFICATE_POLICIES).next().is_some(),
        "extensions/certificatePolicies",
        || "a root CA certificate contains certificatePolicies".to_owned(),
    )
}

fn root_path_length(c: &Context<'_>) -> Vec<Hit> {
    let length = c
        .basic_constraints()
        .value()
        .and_then(|b| b.path_len_constraint);
    hit_if(length.is_some(), "extensions/basicConstraints", || {
        format!(
            "a root CA certificate sets pathLenConstraint {}",
            length.unwrap_or_default()
        )
    })
}

fn subordinate_eku_critical(c: &Context<'_>) -> Vec<Hit> {
    critical_extension(c, EXTENDED_KEY_USAGE)
}

fn subscriber_policies_critical(c: &Context<'_>) -> Vec<Hit> {
    critical_extension(c, CERTIFICATE_POLICIES)
}

fn subordinate_policies_critical(c: &Context<'_>) -> Vec<Hit> {
    critical_extension(c, CERTIFICATE_POLICIES)
}

fn rsa_modulus_odd(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.key.rsa_encryption().is_some_and(|key| !key.odd),
        "public_key",
        || "the RSA modulus is even".to_owned(),
    )
}

fn ec_key_agreement(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.key.ec() && ext::key_usage(c.cert).is_some_and(|k| k.key_agreement()),
        "extensions/keyUsage",
        || "keyUsage of an EC subscriber key asserts keyAgreement".to_owned(),
    )
}

const ANY_POLICY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.32.0");

fn ca_key_usage_bits(c: &Context<'_>) -> Vec<Hit> {
    let Some(usage) = ext::key_usage(c.cert) else {
        return Vec::new();
    };
    let mut prohibited = Vec::new();
    for (set, name) in [
        (usage.non_repudiation(), "contentCommitment"),
        (usage.key_encipherment(), "keyEncipherment"),
        (usage.data_encipherment(), "dataEncipherment"),
        (usage.key_agreement(), "keyAgreement"),
        (usage.encipher_only(), "encipherOnly"),
        (usage.decipher_only(), "decipherOnly"),
    ] {
        if set {
            prohibited.push(name);
        }
    }
    hit_if(!prohibited.is_empty(), "extensions/keyUsage", || {
        format!("keyUsage of a CA asserts {}", prohibited.join(", "))
    })
}

fn subscriber_any_policy(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.has_policy(&ANY_POLICY),
        "extensions/certificatePolicies",
        || "certificatePolicies contains anyPolicy".to_owned(),
    )
}

fn subordinate_any_policy(c: &Context<'_>) -> Vec<Hit> {
    let policies = c.policies();
    hit_if(
        policies.contains(&ANY_POLICY) && policies.len() > 1,
        "extensions/certificatePolicies",
        || {
            format!(
                "certificatePolicies contains anyPolicy beside {} other policies",
                policies.len().saturating_sub(1)
            )
        },
    )
}

fn rdn_single(c: &Context<'_>) -> Vec<Hit> {
    let multi = c
        .tbs()
        .subject()
        .iter_rdn()
        .filter(|rdn| rdn.len() > 1)
        .count();
    hit_if(multi > 0, "subject", || {
        format!("{multi} RDN(s) of the subject contain more than one attribute")
    })
}

fn subscriber_key_usage(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts.find::<ext::KeyUsage>().is_present(),
        "extensions/keyUsage",
        || "keyUsage is absent".to_owned(),
    )
}

fn root_validity(c: &Context<'_>) -> Vec<Hit> {
    let seconds = c.validity_seconds();
    hit_if(
        !(2922 * DAY..=9132 * DAY).contains(&seconds),
        "validity/not_after",
        || {
            format!(
                "the validity period is {} days, outside 2922 to 9132 days",
                seconds / DAY
            )
        },
    )
}

fn crl_points_multiple(c: &Context<'_>) -> Vec<Hit> {
    let count = c
        .facts
        .find::<ext::CrlDistributionPoints>()
        .value()
        .map_or(0, |points| points.0.len());
    hit_if(count > 1, "extensions/cRLDistributionPoints", || {
        format!("cRLDistributionPoints lists {count} distribution points")
    })
}

fn sct_critical(c: &Context<'_>) -> Vec<Hit> {
    critical_extension(c, oids::SCT_LIST)
}

fn root_key_identifiers(c: &Context<'_>) -> Vec<Hit> {
    let authority = c
        .facts
        .find::<ext::AuthorityKeyIdentifier>()
        .value()
        .and_then(|aki| aki.key_identifier.clone());
    let subject = c
        .facts
        .find::<ext::SubjectKeyIdentifier>()
        .value()
        .map(|ski| ski.0.clone());
    hit_if(
        authority.is_some() && authority != subject,
        "extensions/authorityKeyIdentifier",
        || "authorityKeyIdentifier's keyIdentifier differs from subjectKeyIdentifier".to_owned(),
    )
}

fn common_name_included(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.subject_values(oids::COMMON_NAME).is_empty(),
        "subject/attributes/CN",
        || "the subject holds a commonName".to_owned(),
    )
}

fn not_recommended_attributes(c: &Context<'_>) -> Vec<Hit> {
    let individual = c.has_policy(&oids::POLICY_IV);
    if !individual && !c.has_policy(&oids::POLICY_OV) {
        return Vec::new();
    }
    // The attributes each table lists (TLS BR 7.1.2.7.3 and 7.1.2.7.4); other attributes are
    // NOT RECOMMENDED, and of the listed ones postalCode, streetAddress and, for individuals,
    // organizationName.
    let mut listed = vec![
        oids::COUNTRY,
        oids::STATE,
        oids::LOCALITY,
        oids::ORGANIZATION,
        oids::SURNAME,
        oids::GIVEN_NAME,
        oids::ORGANIZATIONAL_UNIT,
        oids::COMMON_NAME,
    ];
    if !individual {
        listed.push(oids::DOMAIN_COMPONENT);
    }
    let mut discouraged = vec![oids::POSTAL_CODE, oids::STREET];
    if individual {
        discouraged.push(oids::ORGANIZATION);
    }
    crate::name::attributes(c.tbs().subject())
        .into_iter()
        .filter_map(|a| {
            let oid = ObjectIdentifier::new(&a.oid).ok()?;
            let problem = if discouraged.contains(&oid) {
                "is NOT RECOMMENDED"
            } else if listed.contains(&oid) || oid == oids::POSTAL_CODE || oid == oids::STREET {
                return None;
            } else {
                "is not in the profile's table (NOT RECOMMENDED)"
            };
            Some(hit(
                format!("subject/attributes/{}", a.name),
                format!(
                    "{} {problem} in an {}-validated subject",
                    a.name,
                    if individual {
                        "individual"
                    } else {
                        "organization"
                    }
                ),
            ))
        })
        .collect()
}

fn given_name_policy(c: &Context<'_>) -> Vec<Hit> {
    let named = [oids::GIVEN_NAME, oids::SURNAME]
        .into_iter()
        .any(|oid| !c.subject_values(oid).is_empty());
    hit_if(
        named && !c.has_policy(&oids::POLICY_IV),
        "subject/attributes/givenName",
        || "givenName or surname is present without the individual-validated policy".to_owned(),
    )
}

/// A hit when the authorityKeyIdentifier names the issuer's issuer and serial number.
pub(super) fn aki_issuer_present(c: &Context<'_>) -> Vec<Hit> {
    let Some(aki) = c
        .facts
        .find::<ext::AuthorityKeyIdentifier>()
        .value()
        .cloned()
    else {
        return Vec::new();
    };
    hit_if(
        aki.authority_cert_issuer.is_some() || aki.authority_cert_serial_number.is_some(),
        "extensions/authorityKeyIdentifier",
        || {
            "authorityKeyIdentifier holds authorityCertIssuer or authorityCertSerialNumber"
                .to_owned()
        },
    )
}

fn authority_cert_issuer(c: &Context<'_>) -> Vec<Hit> {
    aki_issuer_present(c)
}

/// The primes below 752, by a sieve at first use.
fn small_primes() -> Vec<u32> {
    (2u32..752)
        .filter(|n| (2..*n).take_while(|d| d * d <= *n).all(|d| n % d != 0))
        .collect()
}

fn small_factors(c: &Context<'_>) -> Vec<Hit> {
    use der::Decode;
    if c.rsa_bits().is_none() {
        return Vec::new();
    }
    let spki = c.tbs().subject_public_key_info();
    let Ok(key) = rsa::pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::from_der(
        spki.subject_public_key.raw_bytes(),
    ) else {
        return Vec::new();
    };
    let modulus = key.modulus.as_bytes();
    let factor = small_primes().into_iter().find(|p| {
        let remainder = modulus
            .iter()
            .fold(0u32, |acc, byte| (acc * 256 + u32::from(*byte)) % p);
        remainder == 0
    });
    factor
        .map(|p| {
            vec![hit(
                "public_key",
                format!("the RSA modulus is divisible by {p}"),
            )]
        })
        .unwrap_or_default()
}

/// Whether the address block `address`/`mask` (4 or 16 octets each) shares an address with a
/// reserved range: its network address, its last address or a reserved range's first address
/// inside it.
fn block_is_reserved(address: &[u8], mask: &[u8]) -> bool {
    let first: Vec<u8> = address.iter().zip(mask).map(|(a, m)| a & m).collect();
    let last: Vec<u8> = address
        .iter()
        .zip(mask)
        .map(|(a, m)| (a & m) | !m)
        .collect();
    if reserved_address(&first) || reserved_address(&last) {
        return true;
    }
    // A reserved range strictly inside the block: test the starts of the IANA ranges.
    let starts: &[&[u8]] = if first.len() == 4 {
        &[
            &[0, 0, 0, 0],
            &[10, 0, 0, 0],
            &[100, 64, 0, 0],
            &[127, 0, 0, 0],
            &[169, 254, 0, 0],
            &[172, 16, 0, 0],
            &[192, 0, 0, 0],
            &[192, 0, 2, 0],
            &[192, 168, 0, 0],
            &[198, 18, 0, 0],
            &[198, 51, 100, 0],
            &[203, 0, 113, 0],
            &[224, 0, 0, 0],
            &[240, 0, 0, 0],
        ]
    } else {
        &[
            &[0; 16],
            &[0xfc, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            &[0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            &[0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            &[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ]
    };
    starts.iter().any(|start| {
        start
            .iter()
            .zip(mask)
            .map(|(s, m)| s & m)
            .eq(first.iter().copied())
    })
}

fn constraint_reserved_ip(c: &Context<'_>) -> Vec<Hit> {
    let Some(constraints) = c.facts.find::<ext::NameConstraints>().value().cloned() else {
        return Vec::new();
    };
    constraints
        .permitted_subtrees
        .unwrap_or_default()
        .into_iter()
        .filter_map(|subtree| match subtree.base {
            GeneralName::IpAddress(octets) => Some(octets.as_bytes().to_vec()),
            _ => None,
        })
        .filter(|octets| octets.len() == 8 || octets.len() == 32)
        .filter(|octets| {
            let (address, mask) = octets.split_at(octets.len() / 2);
            block_is_reserved(address, mask)
        })
        .map(|octets| {
            let (address, mask) = octets.split_at(octets.len() / 2);
            hit(
                "extensions/nameConstraints",
                format!(
                    "the permitted iPAddress block {}/{} includes reserved addresses",
                    ip_text(address),
                    ip_text(mask)
                ),
            )
        })
        .collect()
}

/// Whether a URI's host is an internal name: one label, a suffix of [`INTERNAL_SUFFIXES`] or a
/// reserved IP address.
pub(super) fn internal_host(uri: &str) -> bool {
    let Some(rest) = uri.split_once("://").map(|(_, rest)| rest) else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        host_port.split(':').next().unwrap_or_default()
    };
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return match ip {
            std::net::IpAddr::V4(v4) => reserved_address(&v4.octets()),
            std::net::IpAddr::V6(v6) => reserved_address(&v6.octets()),
        };
    }
    let lower = host.trim_end_matches('.').to_ascii_lowercase();
    !lower.is_empty()
        && (!lower.contains('.')
            || INTERNAL_SUFFIXES
                .iter()
                .any(|suffix| lower.ends_with(&format!(".{suffix}"))))
}

/// A hit for each authorityInfoAccess URI that names an internal host.
pub(super) fn aia_internal_hosts(c: &Context<'_>) -> Vec<Hit> {
    access_descriptions(c)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|d| match d.access_location {
            GeneralName::UniformResourceIdentifier(uri) => Some(uri.as_str().to_owned()),
            _ => None,
        })
        .filter(|uri| internal_host(uri))
        .map(|uri| {
            hit(
                "extensions/authorityInfoAccess",
                format!("{uri:?} names an internal host"),
            )
        })
        .collect()
}

fn aia_internal(c: &Context<'_>) -> Vec<Hit> {
    aia_internal_hosts(c)
}

fn subordinate_eku_other(c: &Context<'_>) -> Vec<Hit> {
    let other: Vec<ObjectIdentifier> = c
        .purposes()
        .iter()
        .copied()
        .filter(|p| *p != oids::SERVER_AUTH && *p != oids::CLIENT_AUTH)
        .filter(|p| !PROHIBITED.contains(p) && *p != oids::ANY_EKU)
        .collect();
    hit_if(!other.is_empty(), "extensions/extendedKeyUsage", || {
        format!("extKeyUsage also holds {}", purpose_names(&other))
    })
}

fn ca_subject_other(c: &Context<'_>) -> Vec<Hit> {
    let listed = [
        oids::COUNTRY,
        oids::STATE,
        oids::LOCALITY,
        oids::POSTAL_CODE,
        oids::STREET,
        oids::ORGANIZATION,
        oids::ORGANIZATIONAL_UNIT,
        oids::COMMON_NAME,
    ];
    crate::name::attributes(c.tbs().subject())
        .into_iter()
        .filter(|a| ObjectIdentifier::new(&a.oid).map_or(true, |oid| !listed.contains(&oid)))
        .map(|a| {
            hit(
                format!("subject/attributes/{}", a.name),
                format!(
                    "{} is not in the CA subject table (NOT RECOMMENDED)",
                    a.name
                ),
            )
        })
        .collect()
}

fn directory_name_excluded(c: &Context<'_>) -> Vec<Hit> {
    let Some(constraints) = c.facts.find::<ext::NameConstraints>().value().cloned() else {
        return Vec::new();
    };
    hit_if(
        constraints
            .excluded_subtrees
            .unwrap_or_default()
            .iter()
            .any(|s| matches!(s.base, GeneralName::DirectoryName(_))),
        "extensions/nameConstraints",
        || "excludedSubtrees holds a directoryName".to_owned(),
    )
}

fn root_issuer_encoding(c: &Context<'_>) -> Vec<Hit> {
    let encoded = |name: &x509_cert::name::Name| der::Encode::to_der(name).ok();
    hit_if(
        encoded(c.tbs().issuer()) != encoded(c.tbs().subject()),
        "issuer",
        || "the issuer is not encoded byte for byte as the subject".to_owned(),
    )
}

fn first_policy_reserved(c: &Context<'_>) -> Vec<Hit> {
    let reserved = |p: &ObjectIdentifier| {
        let dotted = p.to_string();
        dotted == "2.23.140.1.1" || dotted.starts_with("2.23.140.1.2.")
    };
    let policies = c.policies();
    let has_reserved = policies.iter().any(reserved);
    hit_if(
        has_reserved && !policies.first().is_some_and(reserved),
        "extensions/certificatePolicies",
        || "the reserved policy identifier is not the first policy".to_owned(),
    )
}

fn rsa_digital_signature(c: &Context<'_>) -> Vec<Hit> {
    let Some(usage) = ext::key_usage(c.cert) else {
        return Vec::new();
    };
    hit_if(
        c.rsa_bits().is_some() && !usage.digital_signature(),
        "extensions/keyUsage",
        || "keyUsage of an RSA key lacks digitalSignature".to_owned(),
    )
}

fn rsa_both_bits(c: &Context<'_>) -> Vec<Hit> {
    let Some(usage) = ext::key_usage(c.cert) else {
        return Vec::new();
    };
    hit_if(
        c.rsa_bits().is_some() && usage.digital_signature() && usage.key_encipherment(),
        "extensions/keyUsage",
        || "keyUsage of an RSA key asserts digitalSignature and keyEncipherment".to_owned(),
    )
}

fn other_extension(c: &Context<'_>) -> Vec<Hit> {
    const ROOT_EXTENSIONS: [&str; 7] = [
        "2.5.29.35",
        "2.5.29.19",
        "2.5.29.15",
        "2.5.29.14",
        "2.5.29.37",
        "2.5.29.32",
        "1.3.6.1.4.1.11129.2.4.2",
    ];
    const SUBORDINATE_EXTRA: [&str; 3] = ["2.5.29.31", "1.3.6.1.5.5.7.1.1", "2.5.29.30"];
    const SUBSCRIBER_EXTENSIONS: [&str; 12] = [
        "1.3.6.1.5.5.7.1.1",
        "2.5.29.35",
        "2.5.29.32",
        "2.5.29.37",
        "2.5.29.17",
        "2.5.29.30",
        "2.5.29.15",
        "2.5.29.19",
        "2.5.29.31",
        "1.3.6.1.4.1.11129.2.4.2",
        "2.5.29.14",
        "1.3.6.1.4.1.11129.2.4.3",
    ];
    let ca = ext::is_ca(c.cert);
    let root = ca && c.self_issued();
    let listed = |oid: &str| {
        if root {
            ROOT_EXTENSIONS.contains(&oid)
        } else if ca {
            ROOT_EXTENSIONS.contains(&oid) || SUBORDINATE_EXTRA.contains(&oid)
        } else {
            SUBSCRIBER_EXTENSIONS.contains(&oid)
        }
    };
    ext::all(c.cert)
        .iter()
        .filter(|e| !listed(&e.extn_id.to_string()))
        .map(|e| {
            hit(
                super::extension_field(&e.extn_id),
                format!(
                    "{} is not in the profile's extension table (NOT RECOMMENDED)",
                    crate::oid::short_name(&e.extn_id)
                ),
            )
        })
        .collect()
}
