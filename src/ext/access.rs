//! authorityInfoAccess, subjectInfoAccess, cRLDistributionPoints and freshestCRL.

use der::Decode;

use super::{lenient, ExtensionValue};
use crate::name::GeneralName;
use crate::oid::Named;

/// One access description.
///
/// ```text
/// AccessDescription  ::=  SEQUENCE {
///         accessMethod          OBJECT IDENTIFIER,
///         accessLocation        GeneralName  }
/// ```
/// ([RFC 5280 4.2.2.1](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.2.1))
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccessDescription {
    /// The access method (`OCSP`, `caIssuers`, `caRepository`, `timeStamping`).
    pub method: Named,
    /// Where to find it.
    pub location: GeneralName,
}

/// One distribution point.
///
/// ```text
/// DistributionPoint ::= SEQUENCE {
///      distributionPoint       [0]     DistributionPointName OPTIONAL,
///      reasons                 [1]     ReasonFlags OPTIONAL,
///      cRLIssuer               [2]     GeneralNames OPTIONAL }
///
/// DistributionPointName ::= CHOICE {
///      fullName                [0]     GeneralNames,
///      nameRelativeToCRLIssuer [1]     RelativeDistinguishedName }
/// ```
/// ([RFC 5280 4.2.1.13](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.13))
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DistributionPoint {
    /// fullName, when the distribution point name is given that way.
    pub full_name: Option<Vec<GeneralName>>,
    /// nameRelativeToCRLIssuer in RFC 4514 form, when given that way.
    pub relative_name: Option<String>,
    /// The reasons covered (`keyCompromise`...), when limited.
    pub reasons: Option<Vec<String>>,
    /// cRLIssuer, when the CRL is issued by another entity.
    pub crl_issuer: Option<Vec<GeneralName>>,
}

fn descriptions(bytes: &[u8]) -> der::Result<Vec<AccessDescription>> {
    let list: Vec<lenient::AccessDescription> = Vec::from_der(bytes)?;
    Ok(list
        .iter()
        .map(|d| AccessDescription {
            method: Named::short(&d.method),
            location: GeneralName::from_any(&d.location),
        })
        .collect())
}

pub(super) fn authority_info_access(bytes: &[u8]) -> der::Result<ExtensionValue> {
    Ok(ExtensionValue::AuthorityInfoAccess {
        descriptions: descriptions(bytes)?,
    })
}

pub(super) fn subject_info_access(bytes: &[u8]) -> der::Result<ExtensionValue> {
    Ok(ExtensionValue::SubjectInfoAccess {
        descriptions: descriptions(bytes)?,
    })
}

/// ReasonFlags bit names (RFC 5280 4.2.1.13).
///
/// ```text
/// ReasonFlags ::= BIT STRING {
///      unused                  (0),
///      keyCompromise           (1),
///      cACompromise            (2),
///      affiliationChanged      (3),
///      superseded              (4),
///      cessationOfOperation    (5),
///      certificateHold         (6),
///      privilegeWithdrawn      (7),
///      aACompromise            (8) }
/// ```
const REASON_BITS: [&str; 9] = [
    "unused",
    "keyCompromise",
    "cACompromise",
    "affiliationChanged",
    "superseded",
    "cessationOfOperation",
    "certificateHold",
    "privilegeWithdrawn",
    "aACompromise",
];

pub(super) fn distribution_points(bytes: &[u8]) -> der::Result<Vec<DistributionPoint>> {
    let points: Vec<lenient::DistributionPoint> = Vec::from_der(bytes)?;
    points
        .iter()
        .map(|point| {
            let (full_name, relative_name) = match &point.name {
                Some(name) => lenient::distribution_point_name(name)?,
                None => (None, None),
            };
            Ok(DistributionPoint {
                full_name,
                relative_name,
                reasons: point
                    .reasons
                    .as_ref()
                    .map(|bits| super::usage::bit_names(bits, &REASON_BITS)),
                crl_issuer: point.crl_issuer.as_deref().map(lenient::names),
            })
        })
        .collect()
}
