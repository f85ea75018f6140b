//! certificatePolicies and policyMappings.

use der::{Decode, Reader, Tag, Tagged};

use super::ExtensionValue;
use crate::oid::Named;

/// One policy.
///
/// ```text
/// PolicyInformation ::= SEQUENCE {
///      policyIdentifier   CertPolicyId,
///      policyQualifiers   SEQUENCE SIZE (1..MAX) OF
///                              PolicyQualifierInfo OPTIONAL }
/// ```
/// ([RFC 5280 4.2.1.4](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.4))
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PolicyInformation {
    /// The policy, named when well known (`CA/B Forum Domain Validated`, `anyPolicy`).
    pub policy: Named,
    /// Its qualifiers in order (empty when absent).
    pub qualifiers: Vec<PolicyQualifier>,
}

/// One policy qualifier.
///
/// ```text
/// PolicyQualifierInfo ::= SEQUENCE {
///      policyQualifierId  PolicyQualifierId,
///      qualifier          ANY DEFINED BY policyQualifierId }
///
/// UserNotice ::= SEQUENCE {
///      noticeRef        NoticeReference OPTIONAL,
///      explicitText     DisplayText OPTIONAL }
///
/// NoticeReference ::= SEQUENCE {
///      organization     DisplayText,
///      noticeNumbers    SEQUENCE OF INTEGER }
/// ```
/// ([RFC 5280 4.2.1.4](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.4))
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PolicyQualifier {
    /// id-qt-cps: where the Certification Practice Statement is published.
    Cps {
        /// The URI.
        uri: String,
    },
    /// id-qt-unotice: text to show to relying parties.
    UserNotice {
        /// noticeRef's organization.
        organization: Option<String>,
        /// noticeRef's notice numbers, in decimal.
        notice_numbers: Vec<String>,
        /// explicitText.
        explicit_text: Option<String>,
    },
    /// Another qualifier, or one whose value does not decode: its DER as hex.
    Other {
        /// The qualifier id.
        qualifier: Named,
        /// The qualifier's DER as hex (empty when absent).
        der_hex: String,
    },
}

/// One policy mapping.
///
/// ```text
/// PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF SEQUENCE {
///      issuerDomainPolicy      CertPolicyId,
///      subjectDomainPolicy     CertPolicyId }
/// ```
/// ([RFC 5280 4.2.1.5](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.5))
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PolicyMapping {
    /// issuerDomainPolicy.
    pub issuer_domain_policy: Named,
    /// subjectDomainPolicy.
    pub subject_domain_policy: Named,
}

/// DisplayText (any of its four string types; readers in practice also meet others) as text.
fn display_text(any: &der::Any) -> Option<String> {
    crate::name::value_text(any).0
}

/// Decimal form of a non-negative INTEGER that fits in 64 bits, else `0x` and hex.
fn integer_text(int: &der::asn1::Int) -> String {
    let bytes = int.as_bytes();
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    let skip = bytes.iter().take_while(|&&b| b == 0).count();
    let significant = bytes.get(skip..).unwrap_or_default();
    if !negative && significant.len() <= 8 {
        significant
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
            .to_string()
    } else {
        format!("0x{}", crate::cert::hex(bytes))
    }
}

fn user_notice(any: &der::Any) -> der::Result<PolicyQualifier> {
    if any.tag() != Tag::Sequence {
        return Err(Tag::Sequence.unexpected_error(Some(any.tag())).into());
    }
    let mut reader = der::SliceReader::new(any.value())?;
    let mut organization = None;
    let mut notice_numbers = Vec::new();
    let mut explicit_text = None;
    while !reader.is_finished() {
        let item = der::Any::decode(&mut reader)?;
        if item.tag() == Tag::Sequence && organization.is_none() && explicit_text.is_none() {
            let mut inner = der::SliceReader::new(item.value())?;
            let org = der::Any::decode(&mut inner)?;
            organization = display_text(&org);
            let numbers: Vec<der::asn1::Int> = Vec::decode(&mut inner)?;
            inner.finish()?;
            notice_numbers = numbers.iter().map(integer_text).collect();
        } else if explicit_text.is_none() {
            explicit_text = Some(display_text(&item).ok_or_else(|| {
                der::Error::from(Tag::Utf8String.unexpected_error(Some(item.tag())))
            })?);
        } else {
            return Err(der::ErrorKind::TrailingData {
                decoded: reader.position(),
                remaining: reader.remaining_len(),
            }
            .into());
        }
    }
    Ok(PolicyQualifier::UserNotice {
        organization,
        notice_numbers,
        explicit_text,
    })
}

fn qualifier(info: &x509_cert::ext::pkix::certpolicy::PolicyQualifierInfo) -> PolicyQualifier {
    let other = || PolicyQualifier::Other {
        qualifier: Named::short(&info.policy_qualifier_id),
        der_hex: info
            .qualifier
            .as_ref()
            .and_then(|q| der::Encode::to_der(q).ok())
            .map(|der| crate::cert::hex(&der))
            .unwrap_or_default(),
    };
    let Some(value) = &info.qualifier else {
        return other();
    };
    match info.policy_qualifier_id.to_string().as_str() {
        "1.3.6.1.5.5.7.2.1" => match display_text(value) {
            Some(uri) => PolicyQualifier::Cps { uri },
            None => other(),
        },
        "1.3.6.1.5.5.7.2.2" => user_notice(value).unwrap_or_else(|_| other()),
        _ => other(),
    }
}

pub(super) fn certificate_policies(bytes: &[u8]) -> der::Result<Vec<PolicyInformation>> {
    let value = super::CertificatePolicies::from_der(bytes)?;
    Ok(value
        .0
        .iter()
        .map(|policy| PolicyInformation {
            policy: Named::long(&policy.policy_identifier),
            qualifiers: policy
                .policy_qualifiers
                .as_deref()
                .unwrap_or_default()
                .iter()
                .map(qualifier)
                .collect(),
        })
        .collect())
}

pub(super) fn policy_mappings(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = super::PolicyMappings::from_der(bytes)?;
    Ok(ExtensionValue::PolicyMappings {
        mappings: value
            .0
            .iter()
            .map(|m| PolicyMapping {
                issuer_domain_policy: Named::long(&m.issuer_domain_policy),
                subject_domain_policy: Named::long(&m.subject_domain_policy),
            })
            .collect(),
    })
}
