//! basicConstraints, nameConstraints, policyConstraints and inhibitAnyPolicy.

use der::Decode;

use super::ExtensionValue;
use crate::name::GeneralName;

/// One subtree of a nameConstraints extension.
///
/// ```text
/// GeneralSubtree ::= SEQUENCE {
///      base                    GeneralName,
///      minimum         [0]     BaseDistance DEFAULT 0,
///      maximum         [1]     BaseDistance OPTIONAL }
/// ```
/// ([RFC 5280 4.2.1.10](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.10))
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GeneralSubtree {
    /// The base name; an iPAddress base carries its netmask.
    pub base: GeneralName,
    /// minimum (RFC 5280 requires 0).
    pub minimum: u32,
    /// maximum (RFC 5280 requires it absent).
    pub maximum: Option<u32>,
}

pub(super) fn basic(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = super::BasicConstraints::from_der(bytes)?;
    Ok(ExtensionValue::BasicConstraints {
        ca: value.ca,
        path_length: value.path_len_constraint.map(u32::from),
    })
}

pub(super) fn policy(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = super::PolicyConstraints::from_der(bytes)?;
    Ok(ExtensionValue::PolicyConstraints {
        require_explicit_policy: value.require_explicit_policy,
        inhibit_policy_mapping: value.inhibit_policy_mapping,
    })
}

pub(super) fn inhibit_any_policy(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = super::InhibitAnyPolicy::from_der(bytes)?;
    Ok(ExtensionValue::InhibitAnyPolicy {
        skip_certs: value.0,
    })
}

fn subtrees(trees: Option<&Vec<super::lenient::GeneralSubtree>>) -> Vec<GeneralSubtree> {
    trees
        .map(|trees| {
            trees
                .iter()
                .map(|tree| GeneralSubtree {
                    base: GeneralName::from_any(&tree.base),
                    minimum: tree.minimum,
                    maximum: tree.maximum,
                })
                .collect()
        })
        .unwrap_or_default()
}

pub(super) fn name(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = super::lenient::NameConstraints::from_der(bytes)?;
    Ok(ExtensionValue::NameConstraints {
        permitted: subtrees(value.permitted.as_ref()),
        excluded: subtrees(value.excluded.as_ref()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_constraints_forms() {
        assert_eq!(
            basic(&[0x30, 0x06, 0x01, 0x01, 0xff, 0x02, 0x01, 0x03]).unwrap(),
            ExtensionValue::BasicConstraints {
                ca: true,
                path_length: Some(3)
            }
        );
        assert_eq!(
            basic(&[0x30, 0x00]).unwrap(),
            ExtensionValue::BasicConstraints {
                ca: false,
                path_length: None
            }
        );
        // cA FALSE encoded explicitly breaks DER (X.690 11.5) but is common in old certificates.
        // It is shown as what it says; judging the encoding is the linter's job.
        assert_eq!(
            basic(&[0x30, 0x03, 0x01, 0x01, 0x00]).unwrap(),
            ExtensionValue::BasicConstraints {
                ca: false,
                path_length: None
            }
        );
        assert!(basic(&[0x30, 0x03, 0x02, 0x01]).is_err());
    }
}
