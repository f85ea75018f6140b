//! authorityKeyIdentifier and subjectKeyIdentifier.

use der::Decode;

use super::ExtensionValue;
use crate::cert::hex;

pub(super) fn authority_key_identifier(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = super::lenient::AuthorityKeyIdentifier::from_der(bytes)?;
    Ok(ExtensionValue::AuthorityKeyIdentifier {
        key_identifier: value.key_identifier.map(|id| hex(id.as_bytes())),
        issuer: value.issuer.as_deref().map(super::lenient::names),
        serial_hex: value.serial.map(|serial| hex(serial.as_bytes())),
    })
}

pub(super) fn subject_key_identifier(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = super::SubjectKeyIdentifier::from_der(bytes)?;
    Ok(ExtensionValue::SubjectKeyIdentifier {
        key_identifier: hex(value.0.as_bytes()),
    })
}
