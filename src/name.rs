//! Distinguished names: RFC 4514 rendering and ordered attribute lists.
//!
//! ```text
//! Name ::= CHOICE { rdnSequence  RDNSequence }
//! RDNSequence ::= SEQUENCE OF RelativeDistinguishedName
//! RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
//! AttributeTypeAndValue ::= SEQUENCE { type AttributeType, value AttributeValue }
//! ```
//! ([RFC 5280 4.1.2.4](https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.4))

use der::{Tag, Tagged};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::name::Name;

use crate::oid;

/// One attribute of a name, in the order it appears in the DER.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Attribute {
    /// Short type name (`CN`, `O`, `serialNumber`), or the dotted OID when unknown.
    pub name: String,
    /// Dotted OID of the attribute type.
    pub oid: String,
    /// The value as text; values that are not strings are shown as `#` and hex (RFC 4514 2.4).
    pub value: String,
    /// The ASN.1 string type the value is encoded with (`UTF8String`, `PrintableString`...).
    pub encoding: String,
    /// Index of the RelativeDistinguishedName (RDN) holding it; equal for multi-valued RDNs.
    pub rdn: usize,
}

/// Decodes an attribute value to text, with the name of its string type. Returns `None` for
/// the text when the value is not a string type or its bytes are not valid for that type.
pub fn value_text(value: &der::Any) -> (Option<String>, &'static str) {
    let bytes = value.value();
    match value.tag() {
        Tag::Utf8String => (
            std::str::from_utf8(bytes).ok().map(str::to_owned),
            "UTF8String",
        ),
        Tag::PrintableString => (ascii(bytes), "PrintableString"),
        Tag::Ia5String => (ascii(bytes), "IA5String"),
        Tag::VisibleString => (ascii(bytes), "VisibleString"),
        Tag::NumericString => (ascii(bytes), "NumericString"),
        // T.61 is rarely used as such; Latin-1 is what readers in practice assume.
        Tag::TeletexString => (
            Some(bytes.iter().map(|&b| char::from(b)).collect()),
            "TeletexString",
        ),
        Tag::BmpString => (utf16be(bytes), "BMPString"),
        _ => (None, "other"),
    }
}

fn ascii(bytes: &[u8]) -> Option<String> {
    bytes
        .is_ascii()
        .then(|| bytes.iter().map(|&b| char::from(b)).collect())
}

fn utf16be(bytes: &[u8]) -> Option<String> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .filter_map(|c| <[u8; 2]>::try_from(c).ok())
        .map(u16::from_be_bytes)
        .collect();
    String::from_utf16(&units).ok()
}

fn attribute(atv: &AttributeTypeAndValue, rdn: usize) -> Attribute {
    let (text, encoding) = value_text(&atv.value);
    let value = text.unwrap_or_else(|| {
        let der = der::Encode::to_der(&atv.value).unwrap_or_default();
        format!("#{}", crate::cert::hex(&der))
    });
    Attribute {
        name: oid::short_name(&atv.oid),
        oid: atv.oid.to_string(),
        value,
        encoding: encoding.to_owned(),
        rdn,
    }
}

/// The attributes of a name in DER order (most significant RDN first).
pub fn attributes(name: &Name) -> Vec<Attribute> {
    name.iter_rdn()
        .enumerate()
        .flat_map(|(index, rdn)| rdn.iter().map(move |atv| attribute(atv, index)))
        .collect()
}

/// Escapes an attribute value as RFC 4514 2.4 requires.
fn escape(value: &str) -> String {
    let hex_form = value
        .strip_prefix('#')
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_hexdigit()));
    if hex_form {
        // Already the hex form of a non-string value.
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        match c {
            '"' | '+' | ',' | ';' | '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || i == last => out.push_str("\\ "),
            '\0' => out.push_str("\\00"),
            _ => out.push(c),
        }
    }
    out
}

/// The RFC 4514 string form of a name: least significant RDN first (`CN=leaf,O=Example,C=US`),
/// multi-valued RDNs joined with `+`.
pub fn rfc4514(name: &Name) -> String {
    let rdns: Vec<String> = name
        .iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(|atv| {
                    let a = attribute(atv, 0);
                    format!("{}={}", a.name, escape(&a.value))
                })
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect();
    rdns.into_iter().rev().collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn renders_and_escapes() {
        let name = Name::from_str("CN=a\\,b,O=Example,C=US").unwrap();
        assert_eq!(rfc4514(&name), "CN=a\\,b,O=Example,C=US");
        let attrs = attributes(&name);
        assert_eq!(attrs[0].name, "C");
        assert_eq!(attrs[2].value, "a,b");
        assert_eq!(attrs[2].oid, "2.5.4.3");
    }

    #[test]
    fn escape_rules() {
        assert_eq!(escape(" lead"), "\\ lead");
        assert_eq!(escape("trail "), "trail\\ ");
        assert_eq!(escape("#x"), "\\#x");
        assert_eq!(escape("a+b"), "a\\+b");
    }
}
