//! Typed access to a certificate's extensions.
//!
//! An extension that is absent, present, malformed or duplicated is a value ([`Lookup`]), never
//! a failed certificate: a broken extension must still be shown and judged.
//!
//! ```text
//! Extension  ::=  SEQUENCE  {
//!      extnID      OBJECT IDENTIFIER,
//!      critical    BOOLEAN DEFAULT FALSE,
//!      extnValue   OCTET STRING }
//! ```
//! ([RFC 5280 4.1](https://www.rfc-editor.org/rfc/rfc5280#section-4.1))

use const_oid::AssociatedOid;
use der::asn1::ObjectIdentifier;
use der::DecodeOwned;
use x509_cert::ext::Extension;

use crate::cert::Cert;
use crate::decode::DecodeError;

pub use x509_cert::ext::pkix::{
    AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies,
    CrlDistributionPoints, ExtendedKeyUsage, InhibitAnyPolicy, KeyUsage, KeyUsages,
    NameConstraints, PolicyConstraints, PolicyMappings, SubjectAltName, SubjectKeyIdentifier,
};

/// The outcome of looking for one extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup<T> {
    /// The certificate does not carry it.
    Absent,
    /// Present and decoded.
    Present {
        /// The critical flag.
        critical: bool,
        /// The decoded value.
        value: T,
    },
    /// Present but its value does not decode.
    Malformed {
        /// The critical flag.
        critical: bool,
        /// Why it does not decode.
        error: DecodeError,
    },
    /// Present more than once, which RFC 5280 4.2 forbids; the first occurrence is decoded.
    Duplicate {
        /// The critical flag of the first occurrence.
        critical: bool,
        /// The first occurrence, decoded, or why it does not decode.
        first: Result<T, DecodeError>,
    },
}

impl<T> Lookup<T> {
    /// The decoded value, when there is exactly one occurrence and it decodes.
    pub fn value(&self) -> Option<&T> {
        match self {
            Lookup::Present { value, .. } => Some(value),
            _ => None,
        }
    }

    /// Whether the extension occurs at all.
    pub fn is_present(&self) -> bool {
        !matches!(self, Lookup::Absent)
    }

    /// The critical flag (of the first occurrence), when present.
    pub fn critical(&self) -> Option<bool> {
        match self {
            Lookup::Absent => None,
            Lookup::Present { critical, .. }
            | Lookup::Malformed { critical, .. }
            | Lookup::Duplicate { critical, .. } => Some(*critical),
        }
    }
}

/// The raw extensions of a certificate, in order (empty for v1/v2 certificates).
pub fn all(cert: &Cert) -> &[Extension] {
    cert.x509()
        .tbs_certificate()
        .extensions()
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// The raw extensions with the given OID.
pub fn raw<'a>(cert: &'a Cert, oid: &'a ObjectIdentifier) -> impl Iterator<Item = &'a Extension> {
    all(cert).iter().filter(move |e| &e.extn_id == oid)
}

/// Decodes an extension value as `T`, naming the extension in the error.
pub fn decode_value<T: DecodeOwned<Error = der::Error>>(
    extension: &Extension,
) -> Result<T, DecodeError> {
    let bytes = extension.extn_value.as_bytes();
    T::from_der(bytes).map_err(|e| {
        DecodeError::from_der(&crate::oid::short_name(&extension.extn_id), bytes.len(), e)
    })
}

/// Finds and decodes the extension of type `T` (by its OID).
pub fn find<T: AssociatedOid + DecodeOwned<Error = der::Error>>(cert: &Cert) -> Lookup<T> {
    let mut matches = raw(cert, &T::OID);
    let Some(first) = matches.next() else {
        return Lookup::Absent;
    };
    let decoded = decode_value::<T>(first);
    if matches.next().is_some() {
        return Lookup::Duplicate {
            critical: first.critical,
            first: decoded,
        };
    }
    match decoded {
        Ok(value) => Lookup::Present {
            critical: first.critical,
            value,
        },
        Err(error) => Lookup::Malformed {
            critical: first.critical,
            error,
        },
    }
}

/// Whether the certificate says it is a CA: basicConstraints present, decodable and cA TRUE.
/// RFC 5280 4.2.1.9; self-issuance alone never makes a CA.
pub fn is_ca(cert: &Cert) -> bool {
    matches!(find::<BasicConstraints>(cert), Lookup::Present { value, .. } if value.ca)
}

/// The extended key usage OIDs, when the extension is present and decodes.
pub fn extended_key_usage(cert: &Cert) -> Option<Vec<ObjectIdentifier>> {
    find::<ExtendedKeyUsage>(cert)
        .value()
        .map(|eku| eku.0.clone())
}

/// The key usage bits, when the extension is present and decodes.
pub fn key_usage(cert: &Cert) -> Option<KeyUsage> {
    find::<KeyUsage>(cert).value().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert(pem: &str) -> Cert {
        let parsed = crate::parse_input(pem.as_bytes(), &Default::default()).unwrap();
        let cert = parsed.certificates().next().unwrap().clone();
        cert
    }

    #[test]
    fn self_signed_leaf_is_not_a_ca() {
        let leaf = cert(include_str!("../tests/data/doc/leaf.pem"));
        // openssl req -x509 adds basicConstraints cA:TRUE by default; the doc fixture keeps it.
        assert!(find::<BasicConstraints>(&leaf).is_present());
        assert!(matches!(find::<ExtendedKeyUsage>(&leaf), Lookup::Absent));
        assert_eq!(extended_key_usage(&leaf), None);
    }
}
