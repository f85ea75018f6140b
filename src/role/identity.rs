//! What a relying party would see: host names for a server, mapped identifiers for a client.

use der::asn1::{OctetString, Utf8StringRef};
use der::{Decode, Encode};
use x509_cert::ext::pkix::name::{GeneralName, HardwareModuleName};

use super::{Identity, IdentityItem};
use crate::cert::{hex, Cert};
use crate::ext::SubjectAltName;
use crate::name;
use crate::oid;

const COMMON_NAME: &str = "2.5.4.3";
const SERIAL_NUMBER: &str = "2.5.4.5";
const UPN: &str = "1.3.6.1.4.1.311.20.2.3";
const HARDWARE_MODULE_NAME: &str = "1.3.6.1.5.5.7.8.4";

/// The identity of the certificate's subject.
pub(super) fn identity(cert: &Cert) -> Identity {
    let subject = cert.x509().tbs_certificate().subject();
    let attributes = name::attributes(subject);
    let mut identity = Identity {
        common_name: attributes
            .iter()
            .rev()
            .find(|attribute| attribute.oid == COMMON_NAME)
            .map(|attribute| attribute.value.clone()),
        ..Identity::default()
    };
    let mut uris = Vec::new();
    let mut emails = Vec::new();
    let mut others = Vec::new();
    let san = cert.facts().find::<SubjectAltName>();
    if let Some(san) = san.value() {
        for general in &san.0 {
            match general {
                GeneralName::DnsName(dns) => identity.dns_names.push(dns.to_string()),
                GeneralName::IpAddress(ip) => identity.ip_addresses.push(ip_text(ip)),
                GeneralName::UniformResourceIdentifier(uri) => uris.push(uri.to_string()),
                GeneralName::Rfc822Name(email) => emails.push(email.to_string()),
                GeneralName::OtherName(other) => others.push(other),
                _ => {}
            }
        }
    }
    identity.common_name_is_legacy_host_name = identity.dns_names.is_empty()
        && identity.ip_addresses.is_empty()
        && identity
            .common_name
            .as_deref()
            .is_some_and(looks_like_host_name);

    let items = &mut identity.client_identifiers;
    for attribute in attributes.iter().filter(|a| a.oid == SERIAL_NUMBER) {
        items.push(IdentityItem {
            kind: "subject_serial_number".to_owned(),
            value: attribute.value.clone(),
            source: "subject serialNumber (2.5.4.5)".to_owned(),
            stable: true,
            note: "a device serial number: stable across re-issuance, the usual key for device \
                   records (distinct from the certificate's own serial number)"
                .to_owned(),
        });
    }
    for uri in &uris {
        match uri.strip_prefix("spiffe://") {
            Some(rest) => {
                let (domain, path) = rest.split_once('/').unwrap_or((rest, ""));
                items.push(IdentityItem {
                    kind: "spiffe_id".to_owned(),
                    value: uri.clone(),
                    source: "subjectAltName uniformResourceIdentifier".to_owned(),
                    stable: true,
                    note: format!(
                        "SPIFFE ID: trust domain `{domain}`, workload path `/{path}`; SPIFFE \
                         verifiers map exactly this URI and ignore the subject"
                    ),
                });
            }
            None => items.push(IdentityItem {
                kind: "uri".to_owned(),
                value: uri.clone(),
                source: "subjectAltName uniformResourceIdentifier".to_owned(),
                stable: true,
                note: "a URI identity, stable if the issuer keeps it per device or workload"
                    .to_owned(),
            }),
        }
    }
    for email in &emails {
        items.push(IdentityItem {
            kind: "email".to_owned(),
            value: email.clone(),
            source: "subjectAltName rfc822Name".to_owned(),
            stable: false,
            note: "a mailbox: what S/MIME and some client-auth mappings use; people change \
                   addresses"
                .to_owned(),
        });
    }
    for other in others {
        let type_id = other.type_id.to_string();
        if type_id == UPN {
            let value = Utf8StringRef::try_from(&other.value)
                .map(|s| s.as_str().to_owned())
                .unwrap_or_else(|_| format!("#{}", hex(other.value.value())));
            items.push(IdentityItem {
                kind: "upn".to_owned(),
                value,
                source: format!("subjectAltName otherName {}", oid::describe(&other.type_id)),
                stable: false,
                note: "a Microsoft user principal name, mapped to an Active Directory account \
                       (smart-card logon, Windows client authentication)"
                    .to_owned(),
            });
        } else if type_id == HARDWARE_MODULE_NAME {
            let value = other
                .value
                .to_der()
                .ok()
                .and_then(|der| HardwareModuleName::from_der(&der).ok())
                .map(|hw| {
                    format!(
                        "{} / {}",
                        oid::describe(&hw.hw_type),
                        printable_or_hex(hw.hw_serial_num.as_bytes())
                    )
                })
                .unwrap_or_else(|| format!("#{}", hex(other.value.value())));
            items.push(IdentityItem {
                kind: "hardware_module_name".to_owned(),
                value,
                source: format!("subjectAltName otherName {}", oid::describe(&other.type_id)),
                stable: true,
                note: "IEEE 802.1AR / RFC 4108 hardware module name: hardware type and serial, \
                       the most stable device identifier"
                    .to_owned(),
            });
        }
    }
    if let Some(cn) = &identity.common_name {
        identity.client_identifiers.push(IdentityItem {
            kind: "subject_common_name".to_owned(),
            value: cn.clone(),
            source: "subject CN (2.5.4.3)".to_owned(),
            stable: false,
            note: "a display name: servers often map it (nginx $ssl_client_s_dn, Kubernetes \
                   user name), but nothing keeps it unique unless the issuer does"
                .to_owned(),
        });
    }
    identity.device_layout = device_layout(&identity);
    identity
}

/// Recognised device-identity layouts.
fn device_layout(identity: &Identity) -> Option<String> {
    let has = |kind: &str| {
        identity
            .client_identifiers
            .iter()
            .any(|item| item.kind == kind)
    };
    let no_dns = identity.dns_names.is_empty();
    match (
        has("hardware_module_name"),
        has("subject_serial_number"),
        has("spiffe_id"),
        no_dns,
    ) {
        (true, ..) => Some(
            "IEEE 802.1AR device identifier (DevID): hardwareModuleName in the \
             subjectAltName"
                .to_owned(),
        ),
        (false, true, true, true) => Some(
            "device identity: subject serialNumber plus a SPIFFE ID, no dNSName (a device or \
             workload client certificate, not a server)"
                .to_owned(),
        ),
        (false, true, false, true) => Some(
            "device identity: subject serialNumber DN component and no dNSName (a typical \
             IoT device certificate, mapped by serial number)"
                .to_owned(),
        ),
        (false, false, true, true) => {
            Some("SPIFFE workload identity: a spiffe:// URI and no dNSName".to_owned())
        }
        _ => None,
    }
}

/// Whether a commonName looks like a DNS name or an IP address (a legacy host name).
fn looks_like_host_name(cn: &str) -> bool {
    cn.parse::<std::net::IpAddr>().is_ok()
        || (cn.contains('.')
            && !cn.contains(' ')
            && cn
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '*' | '_')))
}

fn ip_text(ip: &OctetString) -> String {
    let bytes = ip.as_bytes();
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        return std::net::Ipv4Addr::from(v4).to_string();
    }
    if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
        return std::net::Ipv6Addr::from(v6).to_string();
    }
    format!("#{}", hex(bytes))
}

fn printable_or_hex(bytes: &[u8]) -> String {
    if !bytes.is_empty() && bytes.iter().all(|b| b.is_ascii_graphic() || *b == b' ') {
        bytes.iter().map(|&b| char::from(b)).collect()
    } else {
        hex(bytes)
    }
}

/// A general name as text, e.g. `dNSName: example.com`.
pub(crate) fn general_name_text(general: &GeneralName) -> String {
    match general {
        GeneralName::DnsName(dns) => format!("dNSName: {dns}"),
        GeneralName::Rfc822Name(email) => format!("rfc822Name: {email}"),
        GeneralName::UniformResourceIdentifier(uri) => format!("URI: {uri}"),
        GeneralName::DirectoryName(dn) => format!("directoryName: {}", name::rfc4514(dn)),
        GeneralName::IpAddress(ip) => {
            let bytes = ip.as_bytes();
            // In name constraints an address is followed by its mask (RFC 5280 4.2.1.10).
            match bytes.len() {
                8 | 32 => {
                    let (address, mask) = bytes.split_at(bytes.len() / 2);
                    format!(
                        "iPAddress: {}/{}",
                        ip_text_bytes(address),
                        mask.iter().map(|b| b.count_ones()).sum::<u32>()
                    )
                }
                _ => format!("iPAddress: {}", ip_text(ip)),
            }
        }
        GeneralName::RegisteredId(id) => format!("registeredID: {}", oid::describe(id)),
        GeneralName::OtherName(other) => format!("otherName: {}", oid::describe(&other.type_id)),
        GeneralName::EdiPartyName(_) => "ediPartyName".to_owned(),
    }
}

fn ip_text_bytes(bytes: &[u8]) -> String {
    OctetString::new(bytes)
        .map(|ip| ip_text(&ip))
        .unwrap_or_else(|_| hex(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_name_shapes() {
        assert!(looks_like_host_name("www.example.com"));
        assert!(looks_like_host_name("10.0.0.1"));
        assert!(!looks_like_host_name("Device 42"));
        assert!(!looks_like_host_name("sensor-0042"));
    }
}
