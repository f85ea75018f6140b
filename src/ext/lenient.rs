//! The structures that hold GeneralNames, decoded with each name kept as raw DER so that one
//! name outside the CHOICE (or one x509-cert's stricter types refuse) is shown as
//! [`GeneralName::Invalid`] next to the others instead of failing the whole extension.
//!
//! The productions are those of RFC 5280 4.2.1.1, 4.2.1.10, 4.2.1.13 and 4.2.2.1, quoted on
//! the decoded views in the parent module.

use der::asn1::{BitString, Int, ObjectIdentifier, OctetString};
use der::{Any, Decode, Reader, Sequence, Tag, Tagged};

use crate::name::GeneralName;

/// `AccessDescription` with the location kept raw.
#[derive(Sequence)]
pub(super) struct AccessDescription {
    pub(super) method: ObjectIdentifier,
    pub(super) location: Any,
}

/// `AuthorityKeyIdentifier` with the issuer names kept raw and the serial of any length.
#[derive(Sequence)]
pub(super) struct AuthorityKeyIdentifier {
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT", optional = "true")]
    pub(super) key_identifier: Option<OctetString>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    pub(super) issuer: Option<Vec<Any>>,
    #[asn1(context_specific = "2", tag_mode = "IMPLICIT", optional = "true")]
    pub(super) serial: Option<Int>,
}

/// `GeneralSubtree` with the base kept raw.
#[derive(Sequence)]
pub(super) struct GeneralSubtree {
    pub(super) base: Any,
    #[asn1(
        context_specific = "0",
        tag_mode = "IMPLICIT",
        default = "Default::default"
    )]
    pub(super) minimum: u32,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    pub(super) maximum: Option<u32>,
}

/// `NameConstraints` with the subtrees' bases kept raw.
#[derive(Sequence)]
pub(super) struct NameConstraints {
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT", optional = "true")]
    pub(super) permitted: Option<Vec<GeneralSubtree>>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    pub(super) excluded: Option<Vec<GeneralSubtree>>,
}

/// `DistributionPoint` with the DistributionPointName CHOICE and the names kept raw.
#[derive(Sequence)]
pub(super) struct DistributionPoint {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    pub(super) name: Option<Any>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    pub(super) reasons: Option<BitString>,
    #[asn1(context_specific = "2", tag_mode = "IMPLICIT", optional = "true")]
    pub(super) crl_issuer: Option<Vec<Any>>,
}

/// Converts raw names.
pub(super) fn names(raw: &[Any]) -> Vec<GeneralName> {
    raw.iter().map(GeneralName::from_any).collect()
}

/// The TLVs inside the contents of an IMPLICIT-tagged `SEQUENCE OF`.
pub(super) fn elements(contents: &[u8]) -> der::Result<Vec<Any>> {
    let mut reader = der::SliceReader::new(contents)?;
    let mut items = Vec::new();
    while !reader.is_finished() {
        items.push(Any::decode(&mut reader)?);
    }
    Ok(items)
}

/// `DistributionPointName`: `fullName [0] GeneralNames` or `nameRelativeToCRLIssuer [1]
/// RelativeDistinguishedName`, both IMPLICIT; returns (full name, relative name).
pub(super) fn distribution_point_name(
    name: &Any,
) -> der::Result<(Option<Vec<GeneralName>>, Option<String>)> {
    let full = Tag::ContextSpecific {
        constructed: true,
        number: der::TagNumber(0),
    };
    let relative = Tag::ContextSpecific {
        constructed: true,
        number: der::TagNumber(1),
    };
    if name.tag() == full {
        Ok((Some(names(&elements(name.value())?)), None))
    } else if name.tag() == relative {
        // Re-tag the contents as the SET they are to decode the RDN.
        let set = Any::new(Tag::Set, name.value())?;
        let rdn: x509_cert::name::RelativeDistinguishedName = set.decode_as()?;
        Ok((None, Some(crate::name::rdn_string(&rdn))))
    } else {
        Err(full.unexpected_error(Some(name.tag())).into())
    }
}
