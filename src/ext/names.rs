//! subjectDirectoryAttributes (subjectAltName and issuerAltName are plain
//! [`crate::name::general_names`]).

use der::{Decode, Tag, Tagged};

use super::ExtensionValue;
use crate::oid::Named;

/// One attribute of subjectDirectoryAttributes.
///
/// ```text
/// Attribute ::= SEQUENCE {
///      type   AttributeType,
///      values SET OF AttributeValue }
/// ```
/// ([RFC 5280 4.2.1.8](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.8),
/// [RFC 3739 3.2.2](https://www.rfc-editor.org/rfc/rfc3739#section-3.2.2) for the usual types)
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DirectoryAttribute {
    /// The attribute type (`dateOfBirth`, `countryOfCitizenship`...).
    pub attribute: Named,
    /// The values as text: strings as such, times as RFC 3339, anything else `#` and DER hex.
    pub values: Vec<String>,
}

fn value_text(value: &der::Any) -> String {
    if let (Some(text), _) = crate::name::value_text(value) {
        return text;
    }
    if value.tag() == Tag::GeneralizedTime {
        if let Ok(time) = value.decode_as::<der::asn1::GeneralizedTime>() {
            return time.to_date_time().to_string();
        }
    }
    let der = der::Encode::to_der(value).unwrap_or_default();
    format!("#{}", crate::cert::hex(&der))
}

pub(super) fn subject_directory_attributes(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let attributes: Vec<x509_cert::attr::Attribute> = Vec::from_der(bytes)?;
    Ok(ExtensionValue::SubjectDirectoryAttributes {
        attributes: attributes
            .iter()
            .map(|a| DirectoryAttribute {
                attribute: Named::short(&a.oid),
                values: a.values.iter().map(value_text).collect(),
            })
            .collect(),
    })
}
