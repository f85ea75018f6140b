//! The lenient decoding path under the strict one.
//!
//! x509-cert and der decode DER strictly, and their types cannot hold some values that are
//! legal (an OID arc above 2^32, as in the UUID arc `2.25`; a UTCTime in 1950–1969). When the
//! strict decoder refuses a certificate, CRL or CSR, [`repair`] walks the element tree (BER
//! lengths included), brings each element to the form the strict decoder reads, records every
//! deviation from DER or RFC 5280 as a [`Deviation`] with its field path and byte offset, and
//! re-encodes the object; the strict decoder then reads the result into the usual types. What
//! the types cannot hold is kept beside them: an OID too large for 32-bit arcs becomes a
//! stand-in that carries its exact encoding ([`crate::oid::stand_in`]), a time before 1970 is
//! decoded as 1970-01-01 with its exact value in [`ExactTime`].
//!
//! The original bytes are kept by the caller: fingerprints and signatures cover what was
//! found, never the repaired form.
//!
//! Choice of approach (docs/decoding.md has the figures): a second parser such as x509-parser
//! would bring nom and its own types, which every layer of certscope would have to learn; the
//! repair walker reuses the DER reader of `input` and the x509-cert types, so roles, purposes,
//! chains and lints run unchanged on a repaired object.

use crate::input::der::{read, Tlv};

/// Deepest nesting followed; certificates nest about 10 levels.
const MAX_DEPTH: usize = 40;

/// One departure from DER or from the profile found while decoding leniently.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deviation {
    /// The lint id it is reported under (`e_der_length_not_minimal`...).
    pub id: String,
    /// The field, as a path in the ASN.1 structure (`tbsCertificate.validity.notBefore`).
    pub field: String,
    /// Byte offset of the element in the object's DER.
    pub offset: usize,
    /// What is wrong, in words.
    pub message: String,
}

/// A time the decoder's types cannot hold (before 1970), with its exact value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExactTime {
    /// The field path (`tbsCertificate.validity.notBefore`).
    pub field: String,
    /// RFC 3339 UTC text.
    pub text: String,
    /// Seconds since the Unix epoch (negative before 1970).
    pub unix: i64,
}

/// What decoding an object the strict decoder refused left beside the decoded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Lenient {
    /// The strict decoder's words.
    pub strict_error: crate::decode::DecodeError,
    /// Every deviation found, in the order of the bytes.
    pub deviations: Vec<Deviation>,
    /// Times before 1970, with their exact values.
    pub times: Vec<ExactTime>,
    /// The version number as written, when the decoded form cannot hold it.
    pub version: Option<i64>,
}

impl Lenient {
    /// What `repaired` found, with the strict decoder's error.
    pub(crate) fn new(strict_error: crate::decode::DecodeError, repaired: Repaired) -> Lenient {
        Lenient {
            strict_error,
            deviations: repaired.deviations,
            times: repaired.times,
            version: repaired.version,
        }
    }

    /// The exact time of `field`, when the decoded form cannot hold it.
    pub(crate) fn exact_time(&self, field: &str) -> Option<&ExactTime> {
        self.times.iter().find(|time| time.field == field)
    }
}

/// The shape of the object being repaired: it names the fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// An X.509 certificate (RFC 5280 4.1).
    Certificate,
    /// A CRL (RFC 5280 5.1).
    Crl,
    /// A PKCS#10 request (RFC 2986 4).
    Csr,
    /// A private or public key: PKCS#8, PKCS#1, SEC1, OpenSSL's DSA key, SubjectPublicKeyInfo.
    Key,
    /// A PKCS#12 PFX (RFC 7292 4): its outer elements.
    Pkcs12,
}

/// An object brought to the form the strict decoder reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repaired {
    /// The re-encoded object.
    pub der: Vec<u8>,
    /// Every deviation found, in the order of the bytes.
    pub deviations: Vec<Deviation>,
    /// Times before 1970, with their exact values.
    pub times: Vec<ExactTime>,
    /// The version number as written, when it is one the type cannot hold (a certificate of
    /// version 7: `Some(7)` with `der` saying v3).
    pub version: Option<i64>,
    /// Offset and length of the first element inside the outer SEQUENCE (the signed part) in
    /// the original bytes.
    pub signed_range: (usize, usize),
}

/// Repairs `der` as a `shape`. `None` when the element structure itself is unreadable (a
/// truncated element, a multi-byte tag) or when nothing needed repair, so the strict
/// decoder's error stands.
pub fn repair(der: &[u8], shape: Shape) -> Option<Repaired> {
    let mut walker = Walker {
        shape,
        out: Repaired::default(),
    };
    let top = read(der, 0, "object").ok()?;
    if top.whole.len() != der.len() {
        return None;
    }
    let signed = top.children("object").ok()?.first().copied()?;
    walker.out.signed_range = (signed.offset, signed.whole.len());
    let encoded = walker.element(&top, "", 0)?;
    if encoded == der {
        return None;
    }
    walker.out.der = encoded;
    Some(walker.out)
}

struct Walker {
    shape: Shape,
    out: Repaired,
}

/// Universal tags by number.
mod tag {
    pub const BOOLEAN: u8 = 0x01;
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OCTET_STRING: u8 = 0x04;
    pub const OID: u8 = 0x06;
    pub const ENUMERATED: u8 = 0x0a;
    pub const UTC_TIME: u8 = 0x17;
    pub const GENERALIZED_TIME: u8 = 0x18;
    pub const SEQUENCE: u8 = 0x30;
}

fn is_time(tag: u8) -> bool {
    tag == tag::UTC_TIME || tag == tag::GENERALIZED_TIME
}

impl Walker {
    fn deviation(&mut self, id: &str, field: &str, offset: usize, message: String) {
        self.out.deviations.push(Deviation {
            id: id.to_owned(),
            field: if field.is_empty() {
                self.root_name().to_owned()
            } else {
                field.to_owned()
            },
            offset,
            message,
        });
    }

    fn root_name(&self) -> &'static str {
        match self.shape {
            Shape::Certificate => "certificate",
            Shape::Crl => "certificateList",
            Shape::Csr => "certificationRequest",
            Shape::Key => "key",
            Shape::Pkcs12 => "pfx",
        }
    }

    /// The element re-encoded in the form the strict decoder reads.
    fn element(&mut self, tlv: &Tlv<'_>, path: &str, depth: usize) -> Option<Vec<u8>> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.header(tlv, path);
        let content = if tlv.tag & 0x20 != 0 {
            self.constructed(tlv, path, depth)?
        } else {
            self.primitive(tlv, path, depth)
        };
        Some(crate::input::der::encode(tlv.tag, &content))
    }

    /// Length octets: definite and minimal in DER (X.690 10.1).
    fn header(&mut self, tlv: &Tlv<'_>, path: &str) {
        let field = self.field_name(path);
        if tlv.whole.get(1) == Some(&0x80) {
            self.deviation(
                "e_der_length_not_minimal",
                &field,
                tlv.offset,
                format!(
                    "{field} has an indefinite length (BER); DER requires a definite one \
                     (X.690 10.1)"
                ),
            );
            return;
        }
        let minimal = crate::input::der::encode(tlv.tag, &[]).len()
            + match tlv.content.len() {
                0..=0x7f => 0,
                0x80..=0xff => 1,
                0x100..=0xffff => 2,
                0x1_0000..=0xff_ffff => 3,
                _ => 4,
            };
        if tlv.header_len != minimal {
            self.deviation(
                "e_der_length_not_minimal",
                &field,
                tlv.offset,
                format!(
                    "the length of {field} ({} bytes) is encoded in {} octets where DER uses \
                     the fewest (X.690 10.1)",
                    tlv.content.len(),
                    tlv.header_len.saturating_sub(1)
                ),
            );
        }
    }

    fn field_name(&self, path: &str) -> String {
        if path.is_empty() {
            self.root_name().to_owned()
        } else {
            path.to_owned()
        }
    }

    fn constructed(&mut self, tlv: &Tlv<'_>, path: &str, depth: usize) -> Option<Vec<u8>> {
        let children = tlv.children("object").ok()?;
        let mut names = Namer::default();
        let mut content = Vec::with_capacity(tlv.content.len());
        for (index, child) in children.iter().enumerate() {
            let name = names.name(self.shape, path, tlv.tag, index, child.tag);
            if self.drop_default(path, &name, child) {
                continue;
            }
            let encoded = if name.ends_with(".version") && child.tag == tag::INTEGER {
                self.version(child, &name)
            } else if let Some(version) =
                (self.shape == Shape::Key && path.is_empty() && index == 0)
                    .then(|| self.key_version(child, &children))
                    .flatten()
            {
                version
            } else {
                self.element(child, &name, depth + 1)?
            };
            content.extend_from_slice(&encoded);
        }
        Some(content)
    }

    /// An element whose value is the DEFAULT is left out in DER (X.690 11.5): `critical FALSE`
    /// in an extension, `version v1` in a certificate.
    fn drop_default(&mut self, _parent: &str, name: &str, child: &Tlv<'_>) -> bool {
        let what =
            if name.ends_with(".critical") && child.tag == tag::BOOLEAN && child.content == [0] {
                "critical FALSE"
            } else if self.shape == Shape::Certificate
                && name == "tbsCertificate.version"
                && child.content == [tag::INTEGER, 1, 0]
            {
                "version v1"
            } else {
                return false;
            };
        self.deviation(
            "e_der_default_value_encoded",
            name,
            child.offset,
            format!(
                "{name} is encoded as {what}, its DEFAULT value, which DER leaves out \
                 (X.690 11.5)"
            ),
        );
        true
    }

    /// A version the type cannot hold (a certificate of version 7) is read as the highest
    /// the type knows, and kept as written.
    fn version(&mut self, tlv: &Tlv<'_>, path: &str) -> Vec<u8> {
        let value = integer_value(tlv.content);
        let highest: i64 = match self.shape {
            Shape::Certificate | Shape::Crl => 2,
            Shape::Csr | Shape::Key | Shape::Pkcs12 => 0,
        };
        match value {
            Some(value) if (0..=highest).contains(&value) => self
                .element(tlv, path, 0)
                .unwrap_or_else(|| tlv.whole.to_vec()),
            _ => {
                let shown = value.map_or_else(
                    || format!("0x{}", crate::cert::hex(tlv.content)),
                    |v| v.to_string(),
                );
                let message = match self.shape {
                    Shape::Csr => {
                        format!("{path} is {shown}; RFC 2986 4.1 defines only v1 (0), read as v1")
                    }
                    _ => format!(
                        "{path} is {shown} (version {}), which no standard defines; read as \
                         the highest known version",
                        value.map_or(shown.clone(), |v| v.saturating_add(1).to_string())
                    ),
                };
                self.deviation("e_version_unknown", path, tlv.offset, message);
                self.out.version = value.or(Some(i64::MAX));
                crate::input::der::encode(tag::INTEGER, &[u8::try_from(highest).unwrap_or(0)])
            }
        }
    }

    /// The version of a key, by the format its elements show: PKCS#8 v1 (0) or v2 (1, with
    /// a public key), PKCS#1 two-prime (0) or multi-prime (1), SEC1 1, OpenSSL's DSA key 0.
    /// `None` when the first element is no version or a known one.
    fn key_version(&mut self, tlv: &Tlv<'_>, elements: &[Tlv<'_>]) -> Option<Vec<u8>> {
        if tlv.tag != tag::INTEGER {
            return None;
        }
        let tags: Vec<u8> = elements.iter().map(|e| e.tag).collect();
        let (format, allowed, written): (&str, &[i64], i64) = match tags.as_slice() {
            [tag::INTEGER, tag::SEQUENCE, tag::OCTET_STRING, rest @ ..] => (
                "PKCS#8 (RFC 5958 2)",
                &[0, 1],
                i64::from(rest.contains(&0x81) || rest.contains(&0xa1)),
            ),
            [tag::INTEGER, tag::OCTET_STRING, ..] => ("SEC1 (RFC 5915 3)", &[1], 1),
            ints if ints.len() == 6 && ints.iter().all(|&t| t == tag::INTEGER) => {
                ("OpenSSL's DSA key", &[0], 0)
            }
            ints if ints.len() >= 9 && ints.iter().all(|&t| t == tag::INTEGER) => (
                "PKCS#1 (RFC 8017 A.1.2)",
                &[0, 1],
                i64::from(ints.len() > 9),
            ),
            _ => return None,
        };
        let value = integer_value(tlv.content);
        if value.is_some_and(|v| allowed.contains(&v)) {
            return None;
        }
        let shown = value.map_or_else(
            || format!("0x{}", crate::cert::hex(tlv.content)),
            |v| v.to_string(),
        );
        self.deviation(
            "e_version_unknown",
            "key.version",
            tlv.offset,
            format!("key.version is {shown}, which {format} does not define; read as {written}"),
        );
        self.out.version = value.or(Some(i64::MAX));
        Some(crate::input::der::encode(
            tag::INTEGER,
            &[u8::try_from(written).unwrap_or(0)],
        ))
    }

    fn primitive(&mut self, tlv: &Tlv<'_>, path: &str, depth: usize) -> Vec<u8> {
        let content = tlv.content;
        match tlv.tag {
            tag::BIT_STRING
                if is_public_key(self.shape, path) && content.first().is_some_and(|&u| u != 0) =>
            {
                self.deviation(
                    "e_spki_bit_string_unused_bits",
                    path,
                    tlv.offset,
                    format!(
                        "{path} says {} unused bits; a public key is whole octets (the DER of \
                         the key or its point): read with none",
                        content.first().copied().unwrap_or_default()
                    ),
                );
                let mut whole = content.to_vec();
                if let Some(first) = whole.first_mut() {
                    *first = 0;
                }
                whole
            }
            tag::BOOLEAN if content.len() == 1 && content != [0] && content != [0xff] => {
                self.deviation(
                    "e_der_boolean_not_canonical",
                    path,
                    tlv.offset,
                    format!(
                        "{path} is TRUE encoded as 0x{:02x}; DER encodes TRUE as 0xff \
                         (X.690 11.1)",
                        content.first().copied().unwrap_or_default()
                    ),
                );
                vec![0xff]
            }
            tag::INTEGER | tag::ENUMERATED if !minimal_integer(content) => {
                let trimmed = trim_integer(content);
                self.deviation(
                    "e_der_integer_not_minimal",
                    path,
                    tlv.offset,
                    format!(
                        "{path} is encoded in {} octets where {} suffice; DER uses the fewest \
                         (X.690 8.3.2)",
                        content.len(),
                        trimmed.len()
                    ),
                );
                trimmed.to_vec()
            }
            tag::OID => {
                if der::asn1::ObjectIdentifier::from_bytes(content).is_ok() {
                    content.to_vec()
                } else {
                    // Legal (X.660 sets no bound on arcs), only beyond the decoder's type: no
                    // deviation, the exact form travels in the stand-in.
                    crate::oid::stand_in(content)
                        .map_or_else(|| content.to_vec(), |oid| oid.as_bytes().to_vec())
                }
            }
            tag::UTC_TIME | tag::GENERALIZED_TIME => self.time(tlv, path),
            tag::OCTET_STRING if path.ends_with(".extnValue") => {
                // The extension's value is DER of its own: repaired the same way.
                let inner = read(content, tlv.content_offset(), "extension")
                    .ok()
                    .filter(|inner| inner.whole.len() == content.len());
                inner
                    .and_then(|inner| {
                        let at = self.out.deviations.len();
                        let times = self.out.times.len();
                        let repaired = self.element(&inner, &format!("{path}.value"), depth + 1);
                        if repaired.is_none() {
                            self.out.deviations.truncate(at);
                            self.out.times.truncate(times);
                        }
                        repaired
                    })
                    .unwrap_or_else(|| content.to_vec())
            }
            _ => content.to_vec(),
        }
    }

    /// UTCTime `YYMMDDHHMMSSZ` and GeneralizedTime `YYYYMMDDHHMMSSZ` (RFC 5280 4.1.2.5);
    /// other forms X.680 allows (no seconds, an offset, fractions) are read and reported.
    fn time(&mut self, tlv: &Tlv<'_>, path: &str) -> Vec<u8> {
        let content = tlv.content;
        let utc = tlv.tag == tag::UTC_TIME;
        let Some(parsed) = parse_time(content, utc) else {
            let written = String::from_utf8_lossy(content).into_owned();
            self.deviation(
                "e_time_invalid",
                path,
                tlv.offset,
                format!(
                    "{path} is \"{written}\", which is no date and time: unreadable, shown as \
                     1970-01-01T00:00:00Z"
                ),
            );
            return if utc {
                b"700101000000Z".to_vec()
            } else {
                b"19700101000000Z".to_vec()
            };
        };
        let written = String::from_utf8_lossy(content).into_owned();
        if !parsed.canonical {
            let (id, form) = if utc {
                ("e_utc_time_not_canonical", "YYMMDDHHMMSSZ")
            } else {
                ("e_generalized_time_not_canonical", "YYYYMMDDHHMMSSZ")
            };
            self.deviation(
                id,
                path,
                tlv.offset,
                format!(
                    "{path} is \"{written}\"; DER and RFC 5280 4.1.2.5 require {form} (seconds \
                     present, no fraction, Z): read as {}",
                    parsed.rfc3339()
                ),
            );
        }
        let (year, month, day, hour, minute, second) = if parsed.year < 1970 {
            self.out.times.push(ExactTime {
                field: path.to_owned(),
                text: parsed.rfc3339(),
                unix: parsed.unix(),
            });
            (1970, 1, 1, 0, 0, 0)
        } else {
            (
                parsed.year,
                parsed.month,
                parsed.day,
                parsed.hour,
                parsed.minute,
                parsed.second,
            )
        };
        let text = if utc {
            format!(
                "{:02}{month:02}{day:02}{hour:02}{minute:02}{second:02}Z",
                year % 100
            )
        } else {
            format!("{year:04}{month:02}{day:02}{hour:02}{minute:02}{second:02}Z")
        };
        text.into_bytes()
    }
}

/// Names the children of one constructed element as they are visited.
#[derive(Default)]
struct Namer {
    sequences: usize,
    times: usize,
    universals: usize,
}

impl Namer {
    fn name(
        &mut self,
        shape: Shape,
        parent: &str,
        parent_tag: u8,
        index: usize,
        child: u8,
    ) -> String {
        let join = |name: &str| {
            if parent.is_empty() {
                name.to_owned()
            } else {
                format!("{parent}.{name}")
            }
        };
        let indexed = || format!("{parent}[{index}]");
        let universal = child & 0xc0 == 0;
        let position = if universal {
            self.universals += 1;
            self.universals - 1
        } else {
            usize::MAX
        };
        let kind_count = if child == tag::SEQUENCE {
            self.sequences += 1;
            self.sequences - 1
        } else if is_time(child) {
            self.times += 1;
            self.times - 1
        } else {
            0
        };
        let last = parent.rsplit('.').next().unwrap_or(parent);
        match (shape, last) {
            (Shape::Key, "") => format!("key[{index}]"),
            (Shape::Pkcs12, "") => format!("pfx[{index}]"),
            (Shape::Certificate, "") => pick(
                &["tbsCertificate", "signatureAlgorithm", "signatureValue"],
                index,
            )
            .map_or_else(indexed, join),
            (Shape::Crl, "") => pick(
                &["tbsCertList", "signatureAlgorithm", "signatureValue"],
                index,
            )
            .map_or_else(indexed, join),
            (Shape::Csr, "") => pick(
                &[
                    "certificationRequestInfo",
                    "signatureAlgorithm",
                    "signature",
                ],
                index,
            )
            .map_or_else(indexed, join),
            (_, "tbsCertificate") => match child {
                0xa0 => join("version"),
                0xa1 => join("issuerUniqueID"),
                0xa2 => join("subjectUniqueID"),
                0xa3 => join("extensions"),
                _ => pick(
                    &[
                        "serialNumber",
                        "signature",
                        "issuer",
                        "validity",
                        "subject",
                        "subjectPublicKeyInfo",
                    ],
                    position,
                )
                .map_or_else(indexed, join),
            },
            (_, "validity") => pick(&["notBefore", "notAfter"], index).map_or_else(indexed, join),
            // An explicit tag's only element is named as the field itself.
            (_, "extensions" | "crlExtensions" | "version") if parent_tag & 0xe0 == 0xa0 => {
                parent.to_owned()
            }
            (
                _,
                "attributes" | "values" | "extensions" | "crlExtensions" | "crlEntryExtensions",
            ) => indexed(),
            (_, "revokedCertificates") => indexed(),
            (_, "tbsCertList") => match child {
                tag::INTEGER => join("version"),
                0xa0 => join("crlExtensions"),
                _ if is_time(child) => {
                    pick(&["thisUpdate", "nextUpdate"], kind_count).map_or_else(indexed, join)
                }
                tag::SEQUENCE => pick(&["signature", "issuer", "revokedCertificates"], kind_count)
                    .map_or_else(indexed, join),
                _ => indexed(),
            },
            (_, "certificationRequestInfo") => match child {
                tag::INTEGER => join("version"),
                0xa0 => join("attributes"),
                tag::SEQUENCE => {
                    pick(&["subject", "subjectPKInfo"], kind_count).map_or_else(indexed, join)
                }
                _ => indexed(),
            },
            _ if parent.ends_with(']') && is_extension(parent) => match child {
                tag::OID => join("extnID"),
                tag::BOOLEAN => join("critical"),
                tag::OCTET_STRING => join("extnValue"),
                _ => indexed(),
            },
            _ if last.starts_with("revokedCertificates[") => match child {
                tag::INTEGER => join("userCertificate"),
                _ if is_time(child) => join("revocationDate"),
                tag::SEQUENCE => join("crlEntryExtensions"),
                _ => indexed(),
            },
            _ if parent.contains("attributes[") && last.starts_with("attributes[") => match child {
                tag::OID => join("type"),
                0x31 => join("values"),
                _ => indexed(),
            },
            _ => indexed(),
        }
    }
}

/// Whether `path` names one extension: a member of a list of extensions
/// (`tbsCertificate.extensions[3]`) or of an extensionRequest's value
/// (`certificationRequestInfo.attributes[0].values[0][1]`).
fn is_extension(path: &str) -> bool {
    path.rsplit_once('[').is_some_and(|(list, _)| {
        list.ends_with("xtensions") || (list.ends_with(']') && list.contains(".values["))
    })
}

/// Whether the BIT STRING at `path` holds a public key: a certificate's or request's
/// subjectPublicKey, a SubjectPublicKeyInfo's, or a SEC1 key's `[1] publicKey`.
fn is_public_key(shape: Shape, path: &str) -> bool {
    match shape {
        Shape::Certificate => path == "tbsCertificate.subjectPublicKeyInfo[1]",
        Shape::Csr => path == "certificationRequestInfo.subjectPKInfo[1]",
        Shape::Key => path == "key[1]" || path == "key[3][0]" || path == "key[2][0]",
        Shape::Crl | Shape::Pkcs12 => false,
    }
}

fn pick<'a>(names: &[&'a str], index: usize) -> Option<&'a str> {
    names.get(index).copied()
}

/// Whether an INTEGER's contents are minimal (X.690 8.3.2): not empty, and the first nine
/// bits not all equal.
fn minimal_integer(content: &[u8]) -> bool {
    match content {
        [] => true, // Empty is not repairable: left for the strict decoder to refuse.
        [0x00, next, ..] => next & 0x80 != 0,
        [0xff, next, ..] => next & 0x80 == 0,
        _ => true,
    }
}

/// The minimal contents of the same INTEGER value.
fn trim_integer(mut content: &[u8]) -> &[u8] {
    while let [first, next, ..] = content {
        let redundant =
            (*first == 0x00 && next & 0x80 == 0) || (*first == 0xff && next & 0x80 != 0);
        if !redundant {
            break;
        }
        content = content.get(1..).unwrap_or_default();
    }
    content
}

/// A small INTEGER's value (versions), `None` when it does not fit.
fn integer_value(content: &[u8]) -> Option<i64> {
    if content.is_empty() || content.len() > 8 {
        return None;
    }
    let negative = content.first().is_some_and(|b| b & 0x80 != 0);
    let start: i64 = if negative { -1 } else { 0 };
    Some(
        content
            .iter()
            .fold(start, |acc, &b| acc.wrapping_shl(8) | i64::from(b)),
    )
}

/// A time read from UTCTime or GeneralizedTime text, in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ParsedTime {
    year: i64,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    /// Written in the one form DER and RFC 5280 allow.
    canonical: bool,
}

impl ParsedTime {
    fn rfc3339(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }

    fn unix(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour) * 3_600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year,
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

/// Reads `YYMMDDHHMM[SS][.fff](Z|±HHMM)` (UTCTime, `utc`) or the same with a four-digit year
/// (GeneralizedTime). `None` when it is not a time at all.
fn parse_time(content: &[u8], utc: bool) -> Option<ParsedTime> {
    let text = std::str::from_utf8(content).ok()?;
    let digits = |s: &str| -> Option<i64> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let year_len = if utc { 2 } else { 4 };
    let year_text = text.get(..year_len)?;
    let year = digits(year_text)?;
    let year = if utc {
        // RFC 5280 4.1.2.5.1: YY >= 50 is 19YY, YY < 50 is 20YY.
        if year >= 50 {
            1900 + year
        } else {
            2000 + year
        }
    } else {
        year
    };
    let rest = text.get(year_len..)?;
    let month = digits(rest.get(0..2)?)?;
    let day = digits(rest.get(2..4)?)?;
    let hour = digits(rest.get(4..6)?)?;
    let minute = digits(rest.get(6..8)?)?;
    let mut rest = rest.get(8..)?;
    let mut canonical = true;
    let second = match rest.get(0..2).and_then(digits) {
        Some(second) => {
            rest = rest.get(2..)?;
            second
        }
        None => {
            canonical = false;
            0
        }
    };
    if let Some(fraction) = rest.strip_prefix('.').or_else(|| rest.strip_prefix(',')) {
        let length = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if length == 0 {
            return None;
        }
        canonical = false;
        rest = fraction.get(length..)?;
    }
    let offset_minutes = match rest {
        "Z" => 0,
        // No zone designator (local time, which X.680 allows in GeneralizedTime only): read
        // as UTC, as OpenSSL reads it.
        "" => {
            canonical = false;
            0
        }
        _ => {
            canonical = false;
            let sign = match rest.get(0..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let hours = digits(rest.get(1..3)?)?;
            let minutes = digits(rest.get(3..5)?)?;
            if rest.len() != 5 || hours > 23 || minutes > 59 {
                return None;
            }
            sign * (hours * 60 + minutes)
        }
    };
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    let local = days_from_civil(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?) * 86_400
        + hour * 3_600
        + minute * 60
        + second;
    let utc_seconds = local - offset_minutes * 60;
    let days = utc_seconds.div_euclid(86_400);
    let in_day = utc_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    Some(ParsedTime {
        year,
        month,
        day,
        hour: u8::try_from(in_day / 3_600).ok()?,
        minute: u8::try_from(in_day % 3_600 / 60).ok()?,
        second: u8::try_from(in_day % 60).ok()?,
        canonical,
    })
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_every_form_are_read_in_utc() {
        let t = parse_time(b"690722201800Z", true).unwrap();
        assert_eq!(t.rfc3339(), "1969-07-22T20:18:00Z");
        assert!(t.canonical);
        assert_eq!(t.unix(), -14_010_120);
        let t = parse_time(b"6907222018Z", true).unwrap();
        assert_eq!(t.rfc3339(), "1969-07-22T20:18:00Z");
        assert!(!t.canonical);
        let t = parse_time(b"491231233000-0100", true).unwrap();
        assert_eq!(t.rfc3339(), "2050-01-01T00:30:00Z");
        assert!(!t.canonical);
        let t = parse_time(b"20240229120000.5Z", false).unwrap();
        assert_eq!(t.rfc3339(), "2024-02-29T12:00:00Z");
        assert!(!t.canonical);
        assert!(parse_time(b"20230229120000Z", false).is_none());
        assert!(parse_time(b"691301000000Z", true).is_none());
        assert!(parse_time(b"69010100000Z", true).is_none());
        assert_eq!(civil_from_days(days_from_civil(1950, 1, 1)), (1950, 1, 1));
    }

    #[test]
    fn integers_are_trimmed_to_their_minimal_form() {
        assert!(minimal_integer(&[0x00, 0x80]));
        assert!(!minimal_integer(&[0x00, 0x01]));
        assert!(!minimal_integer(&[0xff, 0xff]));
        assert_eq!(trim_integer(&[0x00, 0x00, 0x01]), &[0x01]);
        assert_eq!(trim_integer(&[0xff, 0xff, 0x80]), &[0x80]);
        assert_eq!(integer_value(&[0x07]), Some(7));
        assert_eq!(integer_value(&[0xff]), Some(-1));
    }
}
