//! Decoding errors in words a developer can act on, with the byte offset where they occurred.
//!
//! The DER parser's own error kinds never leave this module: every failure becomes a
//! [`DecodeError`] that says what was expected, what was found, and where.

use std::fmt;

/// Why some bytes could not be decoded as the structure they were expected to be.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DecodeError {
    /// What was being decoded, e.g. `certificate`, `subjectAltName`.
    pub structure: String,
    /// Byte offset inside the object's DER where decoding failed, when known.
    pub offset: Option<usize>,
    /// Total length of the DER being decoded.
    pub length: usize,
    /// What went wrong, in words.
    pub problem: String,
}

impl DecodeError {
    /// Builds an error for `structure` from the DER parser's error over `length` bytes.
    pub fn from_der(structure: &str, length: usize, error: der::Error) -> Self {
        let offset = error
            .position()
            .map(|p| usize::try_from(u32::from(p)).unwrap_or(usize::MAX));
        DecodeError {
            structure: structure.to_owned(),
            offset,
            length,
            problem: describe(error.kind(), length),
        }
    }

    /// Builds an error with a free-form problem description.
    pub fn new(structure: &str, offset: Option<usize>, length: usize, problem: String) -> Self {
        DecodeError {
            structure: structure.to_owned(),
            offset,
            length,
            problem,
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(offset) => write!(
                f,
                "{}: {} (at byte {} of {})",
                self.structure, self.problem, offset, self.length
            ),
            None => write!(f, "{}: {}", self.structure, self.problem),
        }
    }
}

impl std::error::Error for DecodeError {}

fn tag_name(tag: der::Tag) -> String {
    use der::Tag;
    match tag {
        Tag::Boolean => "BOOLEAN".into(),
        Tag::Integer => "INTEGER".into(),
        Tag::BitString => "BIT STRING".into(),
        Tag::OctetString => "OCTET STRING".into(),
        Tag::Null => "NULL".into(),
        Tag::ObjectIdentifier => "OBJECT IDENTIFIER".into(),
        Tag::Enumerated => "ENUMERATED".into(),
        Tag::Utf8String => "UTF8String".into(),
        Tag::Sequence => "SEQUENCE".into(),
        Tag::Set => "SET".into(),
        Tag::PrintableString => "PrintableString".into(),
        Tag::TeletexString => "TeletexString".into(),
        Tag::Ia5String => "IA5String".into(),
        Tag::UtcTime => "UTCTime".into(),
        Tag::GeneralizedTime => "GeneralizedTime".into(),
        Tag::BmpString => "BMPString".into(),
        Tag::ContextSpecific {
            number,
            constructed,
        } => {
            format!(
                "[{}]{}",
                number.value(),
                if constructed { " (constructed)" } else { "" }
            )
        }
        other => format!("{other}"),
    }
}

/// The tag's name with its indefinite article: "an INTEGER", "a UTCTime".
fn article(tag: der::Tag) -> String {
    let name = tag_name(tag);
    let vowel = name.starts_with(['A', 'E', 'I', 'O', 'U']);
    format!("{} {name}", if vowel { "an" } else { "a" })
}

fn describe(kind: der::ErrorKind, length: usize) -> String {
    use der::ErrorKind as K;
    match kind {
        K::Incomplete {
            expected_len,
            actual_len,
        } => format!(
            "the data ends after {} bytes but at least {} are needed: the input looks truncated",
            u32::from(actual_len),
            u32::from(expected_len)
        ),
        K::TrailingData { decoded, remaining } => format!(
            "{} bytes of unexpected data follow the {} bytes of the structure",
            u32::from(remaining),
            u32::from(decoded)
        ),
        K::TagUnexpected {
            expected: Some(expected),
            actual,
        } => {
            format!(
                "expected {} but found {}",
                tag_name(expected),
                tag_name(actual)
            )
        }
        K::TagUnexpected {
            expected: None,
            actual,
        } => {
            format!("found {} where it is not allowed", tag_name(actual))
        }
        K::TagUnknown { byte } => format!("unknown tag byte 0x{byte:02x}"),
        K::TagNumberInvalid => "multi-byte tag numbers are not supported here".into(),
        K::Length { tag } => format!("{} has a length that is not valid for it", article(tag)),
        K::IndefiniteLength => {
            "indefinite length (BER) where DER requires a definite length".into()
        }
        K::Noncanonical { tag } => {
            format!("{} is not in canonical DER form", article(tag))
        }
        K::OidMalformed => "an OBJECT IDENTIFIER is malformed".into(),
        K::SetOrdering => "the elements of a SET OF are not in DER order".into(),
        K::NestingDepth => "structures are nested too deeply".into(),
        K::Overlength => format!("a length exceeds what a {length}-byte input can hold"),
        K::Overflow => "a length or number overflows".into(),
        K::DateTime => "a date or time is not valid".into(),
        K::EncodingRules => "the encoding is not valid DER".into(),
        K::Value { tag } => format!("{} holds a value that is not valid", article(tag)),
        other => format!("malformed DER ({other:?})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::Decode;

    #[test]
    fn truncation_is_described_with_offset() {
        // A SEQUENCE announcing 16 bytes that holds only 2.
        let err = der::Any::from_der(&[0x30, 0x10, 0x02, 0x00]).unwrap_err();
        let err = DecodeError::from_der("certificate", 4, err);
        assert!(err.problem.contains("truncated"), "{err}");
        assert!(err.to_string().starts_with("certificate: "));
    }

    #[test]
    fn unexpected_tag_is_named() {
        let err = der::asn1::Null::from_der(&[0x02, 0x01, 0x00]).unwrap_err();
        let err = DecodeError::from_der("parameters", 3, err);
        assert_eq!(err.problem, "expected NULL but found INTEGER");
    }
}
