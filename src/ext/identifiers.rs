//! authorityKeyIdentifier and subjectKeyIdentifier.

use der::Decode;

use super::ExtensionValue;
use crate::cert::hex;
use crate::name::GeneralName;

pub(super) fn authority_key_identifier(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = super::AuthorityKeyIdentifier::from_der(bytes)?;
    Ok(ExtensionValue::AuthorityKeyIdentifier {
        key_identifier: value.key_identifier.map(|id| hex(id.as_bytes())),
        issuer: value
            .authority_cert_issuer
            .map(|names| names.iter().map(GeneralName::from_x509).collect()),
        serial_hex: value
            .authority_cert_serial_number
            .map(|serial| hex(serial.as_bytes())),
    })
}

pub(super) fn subject_key_identifier(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = super::SubjectKeyIdentifier::from_der(bytes)?;
    Ok(ExtensionValue::SubjectKeyIdentifier {
        key_identifier: hex(value.0.as_bytes()),
    })
}
