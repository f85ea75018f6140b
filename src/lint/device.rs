//! Private PKI and device identity: good practice for mTLS client certificates that no public
//! requirement covers (IEEE 802.1AR device identities, SPIFFE, enterprise client certificates).
//! Citations name the practice's source.

use x509_cert::ext::pkix::name::GeneralName;

use super::{hit, hit_if, lints, oids, CertKind, Context, Hit, KeyKind, RuleSet};
use crate::ext;
use crate::facts::RsaKey;

const RULE_SET: RuleSet = RuleSet::Device;
const CLIENT: &[CertKind] = &[CertKind::TlsClient];
const DAY: u64 = 86_400;

lints! {
    client_auth: "e_device_eku_client_auth_missing", Error, "RFC 5280 4.2.1.12; RFC 8446 4.4.2.2", CLIENT, None,
        "A client certificate needs extKeyUsage with id-kp-clientAuth: TLS servers that check the purpose reject it otherwise.";
    digital_signature: "e_device_key_usage_digital_signature_missing", Error, "RFC 8446 4.4.3; RFC 5280 4.2.1.3", CLIENT, None,
        "A TLS client proves possession with a signature: keyUsage, when present, must assert digitalSignature.";
    key_usage_missing: "n_device_key_usage_missing", Notice, "RFC 5280 4.2.1.3", CLIENT, None,
        "keyUsage should be present to restrict the key to signing.";
    dns_name: "w_device_san_dns_name_without_server_auth", Warning, "RFC 6125 6; NIST SP 800-52r2 3.5.3", CLIENT, None,
        "A client-only certificate should not carry dNSName entries that let it pass as a server identity.";
    identifier: "w_device_identifier_missing", Warning, "IEEE 802.1AR 8.6; RFC 4108 5; SPIFFE X509-SVID 2", CLIENT, None,
        "A device certificate should carry a stable identifier: a URI (SPIFFE ID, urn:uuid, urn:dev), hardwareModuleName, or subject serialNumber/UID.";
    validity: "w_device_validity_longer_than_825_days", Warning, "NIST SP 800-57 Part 1 5.3.6", CLIENT, None,
        "An operational client certificate should be valid for at most 825 days (IEEE 802.1AR IDevIDs with notAfter 99991231235959Z are exempt).";
    key_size: "e_device_key_too_small", Error, "NIST SP 800-131A r2 3; NIST SP 800-57 Part 1 5.6.1", CLIENT, None,
        "RSA keys must be at least 2048 bits and EC keys at least 256 bits.";
    any_eku: "w_device_eku_any_extended_key_usage", Warning, "RFC 5280 4.2.1.12", CLIENT, None,
        "anyExtendedKeyUsage makes a device key usable for every purpose; name the purposes.";
    weak_signature: "e_device_weak_signature_algorithm", Error, "NIST SP 800-131A r2 5; RFC 6151", CLIENT, None,
        "The certificate must not be signed with MD5 or SHA-1.";
}

fn client_auth(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.purposes().contains(&oids::CLIENT_AUTH),
        "extensions/extendedKeyUsage",
        || "extKeyUsage is absent or lacks clientAuth".to_owned(),
    )
}

fn digital_signature(c: &Context<'_>) -> Vec<Hit> {
    let usage = ext::key_usage(c.cert);
    hit_if(
        usage.is_some_and(|k| !k.digital_signature()),
        "extensions/keyUsage",
        || {
            format!(
                "keyUsage is {} without digitalSignature",
                usage
                    .map(|k| super::rfc5280::key_usage_names(&k))
                    .unwrap_or_default()
            )
        },
    )
}

fn key_usage_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.facts.find::<ext::KeyUsage>().is_present(),
        "extensions/keyUsage",
        || "keyUsage is absent".to_owned(),
    )
}

fn dns_name(c: &Context<'_>) -> Vec<Hit> {
    if c.purposes().contains(&oids::SERVER_AUTH) {
        return Vec::new();
    }
    c.dns_names()
        .into_iter()
        .map(|name| {
            hit(
                "extensions/subjectAltName",
                format!("client-only certificate carries dNSName {name:?}"),
            )
        })
        .collect()
}

fn identifier(c: &Context<'_>) -> Vec<Hit> {
    let in_san = c.san().iter().any(|name| match name {
        GeneralName::UniformResourceIdentifier(_) => true,
        GeneralName::OtherName(other) => other.type_id == oids::HARDWARE_MODULE_NAME,
        _ => false,
    });
    let in_subject = !c.subject_values(oids::SERIAL_NUMBER).is_empty()
        || !c.subject_values(oids::USER_ID).is_empty();
    hit_if(!in_san && !in_subject, "extensions/subjectAltName", || {
        "no URI, hardwareModuleName, subject serialNumber or UID identifies the device".to_owned()
    })
}

/// 9999-12-31T23:59:59Z, IEEE 802.1AR's "no well-defined expiration".
const NO_EXPIRY: u64 = 253_402_300_799;

fn validity(c: &Context<'_>) -> Vec<Hit> {
    let seconds = c.validity_seconds();
    hit_if(
        c.not_after.0 != NO_EXPIRY && seconds > 825 * DAY,
        "validity/not_after",
        || format!("the validity period is {} days", seconds / DAY),
    )
}

fn key_size(c: &Context<'_>) -> Vec<Hit> {
    let small = match &c.key.kind {
        KeyKind::Rsa(Some(RsaKey { bits, .. })) => {
            (*bits < 2048).then(|| format!("RSA key of {bits} bits"))
        }
        KeyKind::Ec { curve } => {
            let bits = match curve.map(|o| o.to_string()) {
                Some(ref o) if o == "1.2.840.10045.3.1.7" || o == "1.3.132.0.10" => 256,
                Some(ref o) if o == "1.3.132.0.34" => 384,
                Some(ref o) if o == "1.3.132.0.35" => 521,
                _ => 0,
            };
            (bits < 256).then(|| {
                format!(
                    "EC key on {}",
                    curve.map_or_else(
                        || "an unnamed curve".to_owned(),
                        |o| crate::oid::short_name(&o)
                    )
                )
            })
        }
        _ => None,
    };
    small
        .map(|text| vec![hit("public_key", format!("{text} is too small"))])
        .unwrap_or_default()
}

fn any_eku(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        c.purposes().contains(&oids::ANY_EKU),
        "extensions/extendedKeyUsage",
        || "extKeyUsage contains anyExtendedKeyUsage".to_owned(),
    )
}

fn weak_signature(c: &Context<'_>) -> Vec<Hit> {
    let oid = c.cert.x509().signature_algorithm().oid;
    hit_if(
        [oids::SHA1_RSA, oids::MD5_RSA, oids::ECDSA_SHA1].contains(&oid),
        "signature_algorithm",
        || format!("signed with {}", crate::oid::name(&oid)),
    )
}
