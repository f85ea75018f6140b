//! Extensions outside RFC 5280: TLS Feature, OCSP no-check, the CT poison, Netscape's and
//! Microsoft's.

use der::asn1::ObjectIdentifier;
use der::{Decode, Sequence};

use super::ExtensionValue;
use crate::decode::DecodeError;
use crate::oid::Named;

/// One TLS feature (RFC 7633), a TLS extension number.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TlsFeature {
    /// The TLS extension number.
    pub value: u32,
    /// Its name in the IANA TLS ExtensionType registry, when certscope knows it
    /// (`status_request`, `status_request_v2`).
    pub name: Option<String>,
}

/// Microsoft's certificate template extension.
///
/// ```text
/// CertificateTemplate ::= SEQUENCE {
///     templateID              EncodedObjectID,
///     templateMajorVersion    TemplateVersion OPTIONAL,
///     templateMinorVersion    TemplateVersion OPTIONAL }
/// TemplateVersion ::= INTEGER (0..4294967295)
/// ```
/// (MS-WCCE 2.2.2.7.7.2)
#[derive(Sequence)]
struct CertificateTemplate {
    template_id: ObjectIdentifier,
    major_version: Option<u32>,
    minor_version: Option<u32>,
}

/// An extension whose value is NULL (the CT poison, OCSP no-check).
pub(super) fn null(bytes: &[u8]) -> der::Result<()> {
    der::asn1::Null::from_der(bytes).map(|_| ())
}

/// An extension whose value is one string (Netscape comment, Microsoft template name).
pub(super) fn text(bytes: &[u8], structure: &str) -> Result<String, DecodeError> {
    let any =
        der::Any::from_der(bytes).map_err(|e| DecodeError::from_der(structure, bytes.len(), e))?;
    crate::name::value_text(&any).0.ok_or_else(|| {
        DecodeError::new(
            structure,
            Some(0),
            bytes.len(),
            format!("expected a string, found {}", der::Tagged::tag(&any)),
        )
    })
}

pub(super) fn tls_feature(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let values: Vec<u32> = Vec::from_der(bytes)?;
    let features: Vec<TlsFeature> = values
        .iter()
        .map(|&value| TlsFeature {
            value,
            name: match value {
                5 => Some("status_request".to_owned()),
                17 => Some("status_request_v2".to_owned()),
                _ => None,
            },
        })
        .collect();
    Ok(ExtensionValue::TlsFeature {
        must_staple: values.contains(&5),
        features,
    })
}

pub(super) fn certificate_template(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = CertificateTemplate::from_der(bytes)?;
    Ok(ExtensionValue::MicrosoftCertificateTemplate {
        template: Named::short(&value.template_id),
        major_version: value.major_version,
        minor_version: value.minor_version,
    })
}

pub(super) fn ca_version(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = u32::from_der(bytes)?;
    Ok(ExtensionValue::MicrosoftCaVersion {
        certificate_index: value & 0xffff,
        key_index: value >> 16,
    })
}
