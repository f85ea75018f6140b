//! OpenSSL's auxiliary trust settings: the trailer of a `-----BEGIN TRUSTED CERTIFICATE-----`
//! block, which says for which purposes the certificate is trusted or rejected as an anchor.
//!
//! ```text
//! X509_CERT_AUX ::= SEQUENCE {
//!     trust   SEQUENCE OF OBJECT OPTIONAL,          -- trusted uses
//!     reject  [0] IMPLICIT SEQUENCE OF OBJECT OPTIONAL, -- rejected uses
//!     alias   UTF8String OPTIONAL,                   -- "friendly name"
//!     keyid   OCTET STRING OPTIONAL,                 -- key identifier
//!     other   [1] EXPLICIT SEQUENCE OF AlgorithmIdentifier OPTIONAL }
//! ```
//! (OpenSSL `crypto/x509/x_x509a.c`)
//!
//! How the settings decide is OpenSSL 3.0's `obj_trust()` (`crypto/x509/x509_trust.c`): a
//! rejected use (or a rejected `anyExtendedKeyUsage`) rejects; a trusted use (or a trusted
//! `anyExtendedKeyUsage`) trusts; a trust list that names neither rejects ("explicit trust EKUs
//! are set and none match"); without a list the certificate is neither trusted nor rejected by
//! its settings. certscope honours this in every profile: explicit distrust is never ignored.

use der::asn1::{ObjectIdentifier, OctetString};
use der::{Decode, Sequence};

use crate::decode::DecodeError;

/// `anyExtendedKeyUsage` (RFC 5280 4.2.1.12).
const ANY_EXTENDED_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37.0");

/// The trust and reject settings of a `TRUSTED CERTIFICATE`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AuxTrust {
    /// Uses the certificate is trusted for, as dotted OIDs; `None` when there is no list.
    pub trust: Option<Vec<String>>,
    /// Uses the certificate is rejected for, as dotted OIDs; `None` when there is no list.
    pub reject: Option<Vec<String>>,
    /// The alias (friendly name), when set.
    pub alias: Option<String>,
}

/// What the settings say about one use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TrustDecision {
    /// The use (or `anyExtendedKeyUsage`) is in the trust list.
    Trusted,
    /// The use (or `anyExtendedKeyUsage`) is in the reject list, or the trust list names
    /// neither.
    Rejected,
    /// The settings say nothing about the use.
    Neutral,
}

/// The DER of [`AuxTrust`] as OpenSSL writes it.
#[derive(Sequence)]
struct CertAux {
    trust: Option<Vec<ObjectIdentifier>>,
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT", optional = "true")]
    reject: Option<Vec<ObjectIdentifier>>,
    alias: Option<String>,
    keyid: Option<OctetString>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    other: Option<der::Any>,
}

impl AuxTrust {
    /// Decodes the trailer that follows the certificate in a `TRUSTED CERTIFICATE` block.
    ///
    /// ```
    /// // trust: serverAuth; reject: clientAuth
    /// let der = [0x30, 0x18, 0x30, 0x0a, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03,
    ///     0x01, 0xa0, 0x0a, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02];
    /// let aux = certscope::trust::AuxTrust::from_der(&der).unwrap();
    /// assert_eq!(aux.trust, Some(vec!["1.3.6.1.5.5.7.3.1".to_string()]));
    /// assert_eq!(aux.reject, Some(vec!["1.3.6.1.5.5.7.3.2".to_string()]));
    /// ```
    pub fn from_der(der: &[u8]) -> Result<AuxTrust, DecodeError> {
        let aux = CertAux::from_der(der)
            .map_err(|e| DecodeError::from_der("trust settings (X509_CERT_AUX)", der.len(), e))?;
        let _ = (aux.keyid, aux.other);
        let text = |list: Option<Vec<ObjectIdentifier>>| {
            list.map(|oids| oids.iter().map(ToString::to_string).collect())
        };
        Ok(AuxTrust {
            trust: text(aux.trust),
            reject: text(aux.reject),
            alias: aux.alias,
        })
    }

    /// What the settings say about the use `purpose` (an extended key usage OID; `None` asks
    /// about any use, OpenSSL's default trust), following OpenSSL 3.0's `obj_trust()`.
    /// `any_counts` is whether a listed `anyExtendedKeyUsage` stands for every use (OpenSSL's
    /// `X509_TRUST_OK_ANY_EKU`: true for TLS, S/MIME, code signing and time stamping, false for
    /// OCSP).
    pub fn decide(&self, purpose: Option<&ObjectIdentifier>, any_counts: bool) -> TrustDecision {
        let any = ANY_EXTENDED_KEY_USAGE.to_string();
        let wanted = purpose.map_or_else(|| any.clone(), ToString::to_string);
        let matches = |oid: &String| *oid == wanted || (any_counts && *oid == any);
        if self.reject.iter().flatten().any(matches) {
            return TrustDecision::Rejected;
        }
        match &self.trust {
            Some(list) if list.iter().any(matches) => TrustDecision::Trusted,
            Some(_) => TrustDecision::Rejected,
            None => TrustDecision::Neutral,
        }
    }

    /// The settings in words, e.g. `trusted for serverAuth; rejected for clientAuth`.
    pub fn describe(&self) -> String {
        let names = |list: &[String]| {
            list.iter()
                .map(|text| {
                    ObjectIdentifier::new(text)
                        .map_or_else(|_| text.clone(), |oid| crate::oid::short_name(&oid))
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut parts = Vec::new();
        if let Some(list) = &self.trust {
            parts.push(format!("trusted for {}", names(list)));
        }
        if let Some(list) = &self.reject {
            parts.push(format!("rejected for {}", names(list)));
        }
        if parts.is_empty() {
            "no trust or reject settings".to_string()
        } else {
            parts.join("; ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aux(trust: Option<&[&str]>, reject: Option<&[&str]>) -> AuxTrust {
        let list = |l: Option<&[&str]>| l.map(|l| l.iter().map(|s| s.to_string()).collect());
        AuxTrust {
            trust: list(trust),
            reject: list(reject),
            alias: None,
        }
    }

    const SERVER: &str = "1.3.6.1.5.5.7.3.1";
    const CLIENT: &str = "1.3.6.1.5.5.7.3.2";
    const ANY: &str = "2.5.29.37.0";

    #[test]
    fn reject_wins_and_a_trust_list_without_the_use_rejects() {
        let server = ObjectIdentifier::new_unwrap(SERVER);
        let client = ObjectIdentifier::new_unwrap(CLIENT);
        let both = aux(Some(&[SERVER]), Some(&[SERVER]));
        assert_eq!(both.decide(Some(&server), true), TrustDecision::Rejected);
        let client_only = aux(Some(&[CLIENT]), None);
        assert_eq!(
            client_only.decide(Some(&server), true),
            TrustDecision::Rejected
        );
        assert_eq!(
            client_only.decide(Some(&client), true),
            TrustDecision::Trusted
        );
        let any = aux(Some(&[ANY]), None);
        assert_eq!(any.decide(Some(&server), true), TrustDecision::Trusted);
        assert_eq!(any.decide(Some(&server), false), TrustDecision::Rejected);
        let reject_any = aux(None, Some(&[ANY]));
        assert_eq!(
            reject_any.decide(Some(&server), true),
            TrustDecision::Rejected
        );
        assert_eq!(
            aux(None, Some(&[CLIENT])).decide(Some(&server), true),
            TrustDecision::Neutral
        );
    }
}
