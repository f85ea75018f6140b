//! keyUsage, extendedKeyUsage and the Netscape certificate type.

use der::asn1::BitString;
use der::Decode;

use super::ExtensionValue;
use crate::oid::Named;

/// keyUsage bit names in bit order.
///
/// ```text
/// KeyUsage ::= BIT STRING {
///      digitalSignature        (0),
///      nonRepudiation          (1), -- recent editions of X.509 have
///                                   -- renamed this bit to contentCommitment
///      keyEncipherment         (2),
///      dataEncipherment        (3),
///      keyAgreement            (4),
///      keyCertSign             (5),
///      cRLSign                 (6),
///      encipherOnly            (7),
///      decipherOnly            (8) }
/// ```
/// ([RFC 5280 4.2.1.3](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.3))
const KEY_USAGE_BITS: [&str; 9] = [
    "digitalSignature",
    "nonRepudiation",
    "keyEncipherment",
    "dataEncipherment",
    "keyAgreement",
    "keyCertSign",
    "cRLSign",
    "encipherOnly",
    "decipherOnly",
];

/// Netscape certificate type bit names, as `openssl x509 -text` prints them.
const NETSCAPE_CERT_TYPE_BITS: [&str; 8] = [
    "SSL Client",
    "SSL Server",
    "S/MIME",
    "Object Signing",
    "Unused",
    "SSL CA",
    "S/MIME CA",
    "Object Signing CA",
];

/// Names of the bits set in `bits`, a bit beyond the table being named `bitN`.
pub(crate) fn bit_names(bits: &BitString, table: &[&str]) -> Vec<String> {
    bits.bits()
        .enumerate()
        .filter(|(_, set)| *set)
        .map(|(index, _)| {
            table
                .get(index)
                .map_or_else(|| format!("bit{index}"), |name| (*name).to_owned())
        })
        .collect()
}

pub(super) fn key_usage(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let bits = BitString::from_der(bytes)?;
    Ok(ExtensionValue::KeyUsage {
        usages: bit_names(&bits, &KEY_USAGE_BITS),
    })
}

pub(super) fn netscape_cert_type(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let bits = BitString::from_der(bytes)?;
    Ok(ExtensionValue::NetscapeCertType {
        types: bit_names(&bits, &NETSCAPE_CERT_TYPE_BITS),
    })
}

pub(super) fn extended_key_usage(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = super::ExtendedKeyUsage::from_der(bytes)?;
    Ok(ExtensionValue::ExtendedKeyUsage {
        purposes: value.0.iter().map(Named::short).collect(),
    })
}

pub(super) fn private_key_usage_period(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = x509_cert::ext::pkix::PrivateKeyUsagePeriod::from_der(bytes)?;
    Ok(ExtensionValue::PrivateKeyUsagePeriod {
        not_before: value.not_before.map(|t| t.to_date_time().to_string()),
        not_after: value.not_after.map(|t| t.to_date_time().to_string()),
    })
}
