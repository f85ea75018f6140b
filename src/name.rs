//! Distinguished names: RFC 4514 rendering and ordered attribute lists.
//!
//! ```text
//! Name ::= CHOICE { rdnSequence  RDNSequence }
//! RDNSequence ::= SEQUENCE OF RelativeDistinguishedName
//! RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
//! AttributeTypeAndValue ::= SEQUENCE { type AttributeType, value AttributeValue }
//! ```
//! ([RFC 5280 4.1.2.4](https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.4))

use std::borrow::Cow;

use der::{Tag, Tagged};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::name::Name;

use crate::oid;

/// One attribute of a name, in the order it appears in the DER.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    let (text, encoding) = value_str(value.value(), value.tag());
    (text.map(Cow::into_owned), encoding)
}

/// [`value_text`] on a value's content octets and tag, borrowing the text when the bytes
/// already are it (UTF8String, and the ASCII string types).
fn value_str(bytes: &[u8], tag: Tag) -> (Option<Cow<'_, str>>, &'static str) {
    match tag {
        Tag::Utf8String => (
            std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
            "UTF8String",
        ),
        Tag::PrintableString => (ascii(bytes), "PrintableString"),
        Tag::Ia5String => (ascii(bytes), "IA5String"),
        Tag::VisibleString => (ascii(bytes), "VisibleString"),
        Tag::NumericString => (ascii(bytes), "NumericString"),
        // T.61 is rarely used as such; Latin-1 is what readers in practice assume.
        Tag::TeletexString => (Some(latin1(bytes)), "TeletexString"),
        Tag::BmpString => (utf16be(bytes).map(Cow::Owned), "BMPString"),
        _ => (None, "other"),
    }
}

fn ascii(bytes: &[u8]) -> Option<Cow<'_, str>> {
    if bytes.is_ascii() {
        std::str::from_utf8(bytes).ok().map(Cow::Borrowed)
    } else {
        None
    }
}

fn latin1(bytes: &[u8]) -> Cow<'_, str> {
    match ascii(bytes) {
        Some(text) => text,
        None => Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()),
    }
}

fn utf16be(bytes: &[u8]) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .filter_map(|c| <[u8; 2]>::try_from(c).ok())
        .map(u16::from_be_bytes)
        .collect();
    String::from_utf16(&units).ok()
}

/// The `#` and hex form of a value that is not a string (RFC 4514 2.4): the hex of its DER.
fn hex_form(value: &der::Any) -> String {
    let der = der::Encode::to_der(value).unwrap_or_default();
    format!("#{}", crate::cert::hex(&der))
}

/// The value as text, or its `#` and hex form when it is not a string.
fn value_or_hex(atv: &AttributeTypeAndValue) -> (Cow<'_, str>, &'static str) {
    let (text, encoding) = value_str(atv.value.value(), atv.value.tag());
    (
        text.unwrap_or_else(|| Cow::Owned(hex_form(&atv.value))),
        encoding,
    )
}

fn attribute(atv: &AttributeTypeAndValue, rdn: usize) -> Attribute {
    let (value, encoding) = value_or_hex(atv);
    Attribute {
        name: oid::short_name(&atv.oid),
        oid: crate::oid::dotted(&atv.oid),
        value: value.into_owned(),
        encoding: encoding.to_owned(),
        rdn,
    }
}

/// Appends `type=value` (RFC 4514 2.3, 2.4) for one attribute: a string value escaped, any
/// other value in its `#` and hex form.
fn push_attribute(out: &mut String, atv: &AttributeTypeAndValue) {
    out.push_str(&oid::short(&atv.oid));
    out.push('=');
    match value_str(atv.value.value(), atv.value.tag()).0 {
        Some(text) => push_escaped(out, &text),
        None => out.push_str(&hex_form(&atv.value)),
    }
}

/// Appends one RDN, its attributes joined with `+`.
fn push_rdn(out: &mut String, rdn: &x509_cert::name::RelativeDistinguishedName) {
    for (i, atv) in rdn.iter().enumerate() {
        if i > 0 {
            out.push('+');
        }
        push_attribute(out, atv);
    }
}

/// The attributes of a name in DER order (most significant RDN first).
pub fn attributes(name: &Name) -> Vec<Attribute> {
    name.iter_rdn()
        .enumerate()
        .flat_map(|(index, rdn)| rdn.iter().map(move |atv| attribute(atv, index)))
        .collect()
}

/// Appends a string attribute value escaped as RFC 4514 2.4 requires: a leading `#` or space,
/// a trailing space, the special characters and NUL.
fn push_escaped(out: &mut String, value: &str) {
    // Every character escaped is ASCII, so byte positions are character boundaries; the runs
    // between escapes are copied whole.
    let last = value.len().saturating_sub(1);
    let mut run = 0;
    for (i, byte) in value.bytes().enumerate() {
        let escaped = match byte {
            b'"' => "\\\"",
            b'+' => "\\+",
            b',' => "\\,",
            b';' => "\\;",
            b'<' => "\\<",
            b'>' => "\\>",
            b'\\' => "\\\\",
            b'#' if i == 0 => "\\#",
            b' ' if i == 0 || i == last => "\\ ",
            0 => "\\00",
            _ => continue,
        };
        out.push_str(value.get(run..i).unwrap_or_default());
        out.push_str(escaped);
        run = i + 1;
    }
    out.push_str(value.get(run..).unwrap_or_default());
}

/// The RFC 4514 form of one RelativeDistinguishedName (`CN=a+OU=b`), as used for
/// nameRelativeToCRLIssuer.
pub fn rdn_string(rdn: &x509_cert::name::RelativeDistinguishedName) -> String {
    let mut out = String::new();
    push_rdn(&mut out, rdn);
    out
}

/// The RFC 4514 string form of a name: least significant RDN first (`CN=leaf,O=Example,C=US`),
/// multi-valued RDNs joined with `+`.
pub fn rfc4514(name: &Name) -> String {
    let mut out = String::with_capacity(64);
    let rdns: Vec<_> = name.iter_rdn().collect();
    for (i, rdn) in rdns.iter().rev().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_rdn(&mut out, rdn);
    }
    out
}

/// One name of a `GeneralNames` list (subjectAltName, issuerAltName, name constraints,
/// distribution points, access locations), with an arm for every CHOICE.
///
/// ```text
/// GeneralName ::= CHOICE {
///      otherName                       [0]     OtherName,
///      rfc822Name                      [1]     IA5String,
///      dNSName                         [2]     IA5String,
///      x400Address                     [3]     ORAddress,
///      directoryName                   [4]     Name,
///      ediPartyName                    [5]     EDIPartyName,
///      uniformResourceIdentifier       [6]     IA5String,
///      iPAddress                       [7]     OCTET STRING,
///      registeredID                    [8]     OBJECT IDENTIFIER }
///
/// OtherName ::= SEQUENCE {
///      type-id    OBJECT IDENTIFIER,
///      value      [0] EXPLICIT ANY DEFINED BY type-id }
/// ```
/// ([RFC 5280 4.2.1.6](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.6))
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum GeneralName {
    /// `otherName`: a name form identified by an OID.
    OtherName {
        /// Dotted OID of the name form.
        oid: String,
        /// Name of the form (`UPN`, `hardwareModuleName`), or the dotted OID when unknown.
        name: String,
        /// The decoded value.
        value: OtherNameValue,
    },
    /// `rfc822Name`: an email address (or a mailbox, host or domain in name constraints).
    Rfc822Name {
        /// The text; bytes that are not ASCII are shown as `\xNN`.
        value: String,
    },
    /// `dNSName`.
    DnsName {
        /// The text; bytes that are not ASCII are shown as `\xNN`.
        value: String,
    },
    /// `x400Address`, kept raw.
    X400Address {
        /// The content octets as hex.
        der_hex: String,
    },
    /// `directoryName`.
    DirectoryName {
        /// RFC 4514 form.
        rfc4514: String,
        /// The attributes in DER order.
        attributes: Vec<Attribute>,
    },
    /// `ediPartyName`, kept raw.
    EdiPartyName {
        /// The content octets as hex.
        der_hex: String,
    },
    /// `uniformResourceIdentifier`.
    Uri {
        /// The text; bytes that are not ASCII are shown as `\xNN`.
        value: String,
    },
    /// `iPAddress`: 4 or 16 octets for an address; 8 or 32 (address and mask) in name
    /// constraints (RFC 5280 4.2.1.10).
    IpAddress {
        /// The address (`192.0.2.1`, `2001:db8::1`), or `None` for a length that is neither.
        address: Option<String>,
        /// The netmask in name constraints, in the same notation as the address.
        netmask: Option<String>,
        /// The prefix length when the netmask is contiguous (`/24`).
        prefix_length: Option<u32>,
        /// The octets as hex.
        hex: String,
    },
    /// `registeredID`.
    RegisteredId {
        /// Dotted OID.
        oid: String,
        /// Its name, or the dotted OID when unknown.
        name: String,
    },
    /// A tag that is not a GeneralName CHOICE, or an arm whose contents do not decode.
    Invalid {
        /// The tag as found, e.g. `CONTEXT-SPECIFIC [9] (primitive)`.
        tag: String,
        /// The content octets as hex.
        der_hex: String,
        /// Why it does not decode.
        problem: String,
    },
}

/// The value of an `otherName`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum OtherNameValue {
    /// A string value: Microsoft's User Principal Name (`UTF8String`), `SmtpUTF8Mailbox`
    /// (RFC 9598), or any other form whose value is a plain string.
    Text {
        /// The text.
        text: String,
        /// Its ASN.1 string type.
        encoding: String,
    },
    /// `hardwareModuleName` (RFC 4108 5).
    ///
    /// ```text
    /// HardwareModuleName ::= SEQUENCE {
    ///     hwType OBJECT IDENTIFIER,
    ///     hwSerialNum OCTET STRING }
    /// ```
    HardwareModuleName {
        /// Dotted OID of the hardware type.
        hardware_type: String,
        /// The serial number octets as hex.
        serial_hex: String,
    },
    /// Any other value: its DER as hex.
    Raw {
        /// The DER of the value (inside the `[0]` tag) as hex.
        der_hex: String,
    },
}

/// OID of Microsoft's User Principal Name `otherName`.
const UPN: &str = "1.3.6.1.4.1.311.20.2.3";
/// OID of `id-on-hardwareModuleName` (RFC 4108 5).
const HARDWARE_MODULE_NAME: &str = "1.3.6.1.5.5.7.8.4";

/// Text of an IA5String-like value; bytes outside ASCII are shown as `\xNN` so nothing is
/// hidden or lost.
pub fn ascii_lossless(bytes: &[u8]) -> String {
    if let Some(text) = std::str::from_utf8(bytes)
        .ok()
        .filter(|text| text.bytes().all(|b| b.is_ascii() && !b.is_ascii_control()))
    {
        return text.to_owned();
    }
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        if b.is_ascii() && !b.is_ascii_control() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

fn ip_text(bytes: &[u8]) -> Option<String> {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        return Some(std::net::Ipv4Addr::from(v4).to_string());
    }
    <[u8; 16]>::try_from(bytes)
        .ok()
        .map(|v6| std::net::Ipv6Addr::from(v6).to_string())
}

/// Prefix length of a netmask, when its one bits are contiguous from the top.
fn prefix_length(mask: &[u8]) -> Option<u32> {
    let width = u32::try_from(mask.len()).ok()?.checked_mul(8)?;
    let value = mask
        .iter()
        .fold(0u128, |acc, &b| (acc << 8) | u128::from(b))
        .checked_shl(128u32.checked_sub(width)?)?;
    let ones = value.leading_ones();
    (value.checked_shl(ones).unwrap_or(0) == 0).then_some(ones)
}

fn ip_address(bytes: &[u8]) -> GeneralName {
    let hex = crate::cert::hex(bytes);
    match bytes.len() {
        4 | 16 => GeneralName::IpAddress {
            address: ip_text(bytes),
            netmask: None,
            prefix_length: None,
            hex,
        },
        8 | 32 => {
            let (address, mask) = bytes.split_at(bytes.len() / 2);
            GeneralName::IpAddress {
                address: ip_text(address),
                netmask: ip_text(mask),
                prefix_length: prefix_length(mask),
                hex,
            }
        }
        _ => GeneralName::IpAddress {
            address: None,
            netmask: None,
            prefix_length: None,
            hex,
        },
    }
}

fn other_name(content: &[u8]) -> Result<GeneralName, der::Error> {
    use der::{Decode, Reader};
    // The [0] IMPLICIT tag replaced the SEQUENCE tag: decode the fields from the contents.
    let mut reader = der::SliceReader::new(content)?;
    let type_id: der::asn1::ObjectIdentifier = Decode::decode(&mut reader)?;
    let wrapper = der::Any::decode(&mut reader)?;
    reader.finish()?;
    if wrapper.tag()
        != (der::Tag::ContextSpecific {
            constructed: true,
            number: der::TagNumber(0),
        })
    {
        return Err(der::Tag::ContextSpecific {
            constructed: true,
            number: der::TagNumber(0),
        }
        .unexpected_error(Some(wrapper.tag()))
        .into());
    }
    let value = der::Any::from_der(wrapper.value())?;
    let dotted = type_id.to_string();
    let (text, encoding) = value_text(&value);
    let decoded = match (dotted.as_str(), text) {
        (HARDWARE_MODULE_NAME, _) => {
            let mut inner = der::SliceReader::new(value.value())?;
            let hardware_type: der::asn1::ObjectIdentifier = Decode::decode(&mut inner)?;
            let serial = der::asn1::OctetString::decode(&mut inner)?;
            inner.finish()?;
            OtherNameValue::HardwareModuleName {
                hardware_type: hardware_type.to_string(),
                serial_hex: crate::cert::hex(serial.as_bytes()),
            }
        }
        (_, Some(text)) => OtherNameValue::Text {
            text,
            encoding: encoding.to_owned(),
        },
        (UPN, None) | (_, None) => OtherNameValue::Raw {
            der_hex: crate::cert::hex(wrapper.value()),
        },
    };
    Ok(GeneralName::OtherName {
        oid: dotted,
        name: oid::short_name(&type_id),
        value: decoded,
    })
}

impl GeneralName {
    /// Decodes one GeneralName from its DER (any tag: a tag that is not one of the CHOICE's
    /// becomes [`GeneralName::Invalid`], so one odd name never hides the others).
    pub fn from_any(any: &der::Any) -> GeneralName {
        GeneralName::from_any_ref(any.into())
    }

    /// [`GeneralName::from_any`] on a borrowed element.
    pub fn from_any_ref(any: der::AnyRef<'_>) -> GeneralName {
        let content = any.value();
        let tag = any.tag();
        let invalid = |problem: String| GeneralName::Invalid {
            tag: tag.to_string(),
            der_hex: crate::cert::hex(content),
            problem,
        };
        let in_words = |error: der::Error| {
            crate::decode::DecodeError::from_der("GeneralName", content.len(), error).problem
        };
        let (number, constructed) = match tag {
            der::Tag::ContextSpecific {
                constructed,
                number,
            } => (number.value(), constructed),
            _ => return invalid("a GeneralName has a context-specific tag".to_owned()),
        };
        match (number, constructed) {
            (0, true) => other_name(content).unwrap_or_else(|e| invalid(in_words(e))),
            (1, false) => GeneralName::Rfc822Name {
                value: ascii_lossless(content),
            },
            (2, false) => GeneralName::DnsName {
                value: ascii_lossless(content),
            },
            (3, true) => GeneralName::X400Address {
                der_hex: crate::cert::hex(content),
            },
            (4, true) => {
                use der::Decode;
                match Name::from_der(content) {
                    Ok(name) => GeneralName::DirectoryName {
                        rfc4514: rfc4514(&name),
                        attributes: attributes(&name),
                    },
                    Err(e) => invalid(in_words(e)),
                }
            }
            (5, true) => GeneralName::EdiPartyName {
                der_hex: crate::cert::hex(content),
            },
            (6, false) => GeneralName::Uri {
                value: ascii_lossless(content),
            },
            (7, false) => ip_address(content),
            (8, false) => match der::asn1::ObjectIdentifier::from_bytes(content) {
                Ok(id) => GeneralName::RegisteredId {
                    oid: crate::oid::dotted(&id),
                    name: oid::name(&id),
                },
                Err(_) => invalid("the registeredID is not a valid OBJECT IDENTIFIER".to_owned()),
            },
            _ => invalid("not one of the GeneralName forms of RFC 5280 4.2.1.6".to_owned()),
        }
    }

    /// Converts a name decoded by x509-cert, through its DER, so every layer shows names the
    /// same way.
    pub fn from_x509(name: &x509_cert::ext::pkix::name::GeneralName) -> GeneralName {
        use der::{Decode, Encode};
        let decoded = name
            .to_der()
            .and_then(|der| der::AnyRef::from_der(&der).map(GeneralName::from_any_ref));
        match decoded {
            Ok(general_name) => general_name,
            Err(e) => GeneralName::Invalid {
                tag: String::new(),
                der_hex: String::new(),
                problem: crate::decode::DecodeError::from_der("GeneralName", 0, e).problem,
            },
        }
    }

    /// A one-line rendering in the style of `openssl x509 -text` (`DNS:example.com`,
    /// `IP Address:192.0.2.1`), for text output.
    pub fn display(&self) -> String {
        match self {
            GeneralName::OtherName { name, value, .. } => match value {
                OtherNameValue::Text { text, .. } => format!("othername:{name}:{text}"),
                OtherNameValue::HardwareModuleName {
                    hardware_type,
                    serial_hex,
                } => format!("othername:{name}:{hardware_type}:{serial_hex}"),
                OtherNameValue::Raw { der_hex } => format!("othername:{name}:#{der_hex}"),
            },
            GeneralName::Rfc822Name { value } => format!("email:{value}"),
            GeneralName::DnsName { value } => format!("DNS:{value}"),
            GeneralName::X400Address { der_hex } => format!("X400Name:#{der_hex}"),
            GeneralName::DirectoryName { rfc4514, .. } => format!("DirName:{rfc4514}"),
            GeneralName::EdiPartyName { der_hex } => format!("EdiPartyName:#{der_hex}"),
            GeneralName::Uri { value } => format!("URI:{value}"),
            GeneralName::IpAddress {
                address,
                netmask,
                hex,
                ..
            } => match (address, netmask) {
                (Some(address), Some(mask)) => format!("IP Address:{address}/{mask}"),
                (Some(address), None) => format!("IP Address:{address}"),
                _ => format!("IP Address:<invalid #{hex}>"),
            },
            GeneralName::RegisteredId { name, .. } => format!("Registered ID:{name}"),
            GeneralName::Invalid { tag, problem, .. } => format!("<invalid {tag}: {problem}>"),
        }
    }
}

/// Decodes a `GeneralNames` list from its DER: each element on its own, so one bad name is
/// shown as [`GeneralName::Invalid`] next to the others.
///
/// ```text
/// GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName
/// ```
pub fn general_names(der: &[u8]) -> Result<Vec<GeneralName>, der::Error> {
    use der::Decode;
    let items: Vec<der::AnyRef<'_>> = Vec::from_der(der)?;
    Ok(items.into_iter().map(GeneralName::from_any_ref).collect())
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

    fn name(der: &[u8]) -> GeneralName {
        use der::Decode;
        GeneralName::from_any(&der::Any::from_der(der).unwrap())
    }

    #[test]
    fn every_choice_arm() {
        assert_eq!(
            name(b"\x82\x0bexample.com"),
            GeneralName::DnsName {
                value: "example.com".into()
            }
        );
        assert_eq!(
            name(b"\x81\x03a@b"),
            GeneralName::Rfc822Name {
                value: "a@b".into()
            }
        );
        assert_eq!(name(b"\x86\x02/x"), GeneralName::Uri { value: "/x".into() });
        assert_eq!(
            name(&[0xa3, 0x02, 0x30, 0x00]),
            GeneralName::X400Address {
                der_hex: "3000".into()
            }
        );
        assert_eq!(
            name(&[0xa5, 0x02, 0x30, 0x00]),
            GeneralName::EdiPartyName {
                der_hex: "3000".into()
            }
        );
        assert_eq!(
            name(&[0x88, 0x03, 0x2a, 0x03, 0x04]),
            GeneralName::RegisteredId {
                oid: "1.2.3.4".into(),
                name: "1.2.3.4".into()
            }
        );
        // directoryName: [4] EXPLICIT Name, here CN=a.
        let directory = name(&[
            0xa4, 0x0e, 0x30, 0x0c, 0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c,
            0x01, 0x61,
        ]);
        assert_eq!(directory.display(), "DirName:CN=a");
        // otherName with a value that is not a string stays raw.
        let other = name(&[
            0xa0, 0x09, 0x06, 0x03, 0x2a, 0x03, 0x04, 0xa0, 0x02, 0x05, 0x00,
        ]);
        assert_eq!(
            other,
            GeneralName::OtherName {
                oid: "1.2.3.4".into(),
                name: "1.2.3.4".into(),
                value: OtherNameValue::Raw {
                    der_hex: "0500".into()
                }
            }
        );
    }

    #[test]
    fn odd_names_are_values() {
        // Bytes outside ASCII are shown, not hidden.
        assert_eq!(
            name(b"\x82\x02a\xff"),
            GeneralName::DnsName {
                value: "a\\xff".into()
            }
        );
        // A tag outside the CHOICE.
        let GeneralName::Invalid { tag, problem, .. } = name(&[0x89, 0x01, 0x00]) else {
            panic!("[9] is not a GeneralName");
        };
        assert!(tag.contains("[9]"), "{tag}");
        assert!(problem.contains("RFC 5280"), "{problem}");
        // A truncated otherName.
        assert!(matches!(
            name(&[0xa0, 0x03, 0x06, 0x01, 0x2a]),
            GeneralName::Invalid { .. }
        ));
    }

    #[test]
    fn ip_addresses_and_netmasks() {
        assert_eq!(
            name(&[0x87, 0x04, 192, 0, 2, 1]).display(),
            "IP Address:192.0.2.1"
        );
        let constraint = name(&[0x87, 0x08, 10, 0, 0, 0, 255, 255, 0, 0]);
        assert_eq!(
            constraint,
            GeneralName::IpAddress {
                address: Some("10.0.0.0".into()),
                netmask: Some("255.255.0.0".into()),
                prefix_length: Some(16),
                hex: "0a000000ffff0000".into()
            }
        );
        // A mask whose one bits are not contiguous has no prefix length.
        let GeneralName::IpAddress { prefix_length, .. } =
            name(&[0x87, 0x08, 10, 0, 0, 0, 255, 0, 255, 0])
        else {
            panic!("an IP address");
        };
        assert_eq!(prefix_length, None);
        let GeneralName::IpAddress { address, hex, .. } = name(&[0x87, 0x03, 1, 2, 3]) else {
            panic!("an IP address");
        };
        assert_eq!((address, hex.as_str()), (None, "010203"));
        assert_eq!(prefix_length_of(&[0xff; 16]), Some(128));
        assert_eq!(prefix_length_of(&[0; 4]), Some(0));
    }

    fn prefix_length_of(mask: &[u8]) -> Option<u32> {
        prefix_length(mask)
    }

    fn escape(value: &str) -> String {
        let mut out = String::new();
        push_escaped(&mut out, value);
        out
    }

    #[test]
    fn escape_rules() {
        assert_eq!(escape(" lead"), "\\ lead");
        assert_eq!(escape("trail "), "trail\\ ");
        assert_eq!(escape(" "), "\\ ");
        assert_eq!(escape("#x"), "\\#x");
        assert_eq!(escape("a#"), "a#");
        assert_eq!(escape("a+b"), "a\\+b");
        assert_eq!(escape("\"a,b;c<d>e\\"), "\\\"a\\,b\\;c\\<d\\>e\\\\");
        assert_eq!(escape("é "), "é\\ ");
        assert_eq!(escape("a\0b"), "a\\00b");
        // A string that looks like the hex form is still a string: its `#` is escaped.
        assert_eq!(escape("#3031"), "\\#3031");
    }
}
