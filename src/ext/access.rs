//! authorityInfoAccess, subjectInfoAccess, cRLDistributionPoints and freshestCRL.

use der::Decode;
use x509_cert::ext::pkix::crl::dp::Reasons;
use x509_cert::ext::pkix::name::DistributionPointName;

use super::ExtensionValue;
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

fn descriptions(list: &[x509_cert::ext::pkix::AccessDescription]) -> Vec<AccessDescription> {
    list.iter()
        .map(|d| AccessDescription {
            method: Named::short(&d.access_method),
            location: GeneralName::from_x509(&d.access_location),
        })
        .collect()
}

pub(super) fn authority_info_access(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = super::AuthorityInfoAccessSyntax::from_der(bytes)?;
    Ok(ExtensionValue::AuthorityInfoAccess {
        descriptions: descriptions(&value.0),
    })
}

pub(super) fn subject_info_access(bytes: &[u8]) -> der::Result<ExtensionValue> {
    let value = super::SubjectInfoAccessSyntax::from_der(bytes)?;
    Ok(ExtensionValue::SubjectInfoAccess {
        descriptions: descriptions(&value.0),
    })
}

/// The name of a ReasonFlags bit (RFC 5280 4.2.1.13).
pub(crate) fn reason_name(reason: Reasons) -> &'static str {
    match reason {
        Reasons::Unused => "unused",
        Reasons::KeyCompromise => "keyCompromise",
        Reasons::CaCompromise => "cACompromise",
        Reasons::AffiliationChanged => "affiliationChanged",
        Reasons::Superseded => "superseded",
        Reasons::CessationOfOperation => "cessationOfOperation",
        Reasons::CertificateHold => "certificateHold",
        Reasons::PrivilegeWithdrawn => "privilegeWithdrawn",
        Reasons::AaCompromise => "aACompromise",
    }
}

fn names(list: &[x509_cert::ext::pkix::name::GeneralName]) -> Vec<GeneralName> {
    list.iter().map(GeneralName::from_x509).collect()
}

pub(super) fn distribution_points(bytes: &[u8]) -> der::Result<Vec<DistributionPoint>> {
    let value = super::CrlDistributionPoints::from_der(bytes)?;
    Ok(value
        .0
        .iter()
        .map(|point| {
            let (full_name, relative_name) = match &point.distribution_point {
                Some(DistributionPointName::FullName(list)) => (Some(names(list)), None),
                Some(DistributionPointName::NameRelativeToCRLIssuer(rdn)) => {
                    (None, Some(crate::name::rdn_string(rdn)))
                }
                None => (None, None),
            };
            DistributionPoint {
                full_name,
                relative_name,
                reasons: point.reasons.map(|flags| {
                    flags
                        .into_iter()
                        .map(|r| reason_name(r).to_owned())
                        .collect()
                }),
                crl_issuer: point.crl_issuer.as_deref().map(names),
            }
        })
        .collect())
}
