//! Bytes in, found objects out: PEM (any number of blocks inside arbitrary text), DER, bare
//! base64 and hex, each object with where it came from.
//!
//! One bad object never fails the input: it becomes a [`Problem`] next to the objects that did
//! decode. Only the limits on the whole input ([`InputError`]) stop parsing.

use std::fmt;

use crate::cert::Cert;
use crate::decode::DecodeError;

/// Limits and secrets for parsing one input.
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// Largest input accepted, in bytes. Default 16 MiB: far above any real bundle, small
    /// enough that a browser tab stays responsive.
    pub max_input_bytes: usize,
    /// Most objects reported from one input. Default 10,000.
    pub max_objects: usize,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            max_input_bytes: 16 * 1024 * 1024,
            max_objects: 10_000,
        }
    }
}

/// Why a whole input was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputError {
    /// The input is larger than [`InputOptions::max_input_bytes`].
    TooLarge {
        /// The input's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The input holds more objects than [`InputOptions::max_objects`].
    TooManyObjects {
        /// The limit.
        limit: usize,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::TooLarge { size, limit } => {
                write!(f, "the input is {size} bytes; the limit is {limit} bytes")
            }
            InputError::TooManyObjects { limit } => {
                write!(f, "the input holds more than {limit} objects, the limit")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// How an object was encoded in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "encoding", rename_all = "snake_case"))]
pub enum Encoding {
    /// A PEM block (RFC 7468).
    Pem {
        /// The block's label, e.g. `CERTIFICATE`.
        label: String,
        /// 1-based line of the `-----BEGIN` line.
        line: usize,
    },
    /// Binary DER.
    Der,
    /// Base64 text without PEM armour.
    Base64,
    /// Hex text, with or without separators.
    Hex,
}

/// Where an object came from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Origin {
    /// How it was encoded.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub encoding: Encoding,
    /// Byte offset in the input where it starts (the `-----BEGIN` line for PEM).
    pub offset: usize,
}

/// An object found in the input.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Object {
    /// An X.509 certificate.
    Certificate(Box<Cert>),
}

/// An object with its position in the input.
#[derive(Clone, Debug)]
pub struct Found {
    /// Where it came from.
    pub origin: Origin,
    /// What it is.
    pub object: Object,
}

/// Something in the input that looked like an object but did not decode.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Problem {
    /// Where it came from.
    pub origin: Origin,
    /// What went wrong.
    pub error: DecodeError,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.origin.encoding {
            Encoding::Pem { label, line } => write!(f, "PEM block {label} at line {line}: ")?,
            Encoding::Der => write!(f, "DER at byte {}: ", self.origin.offset)?,
            Encoding::Base64 => write!(f, "base64 text: ")?,
            Encoding::Hex => write!(f, "hex text: ")?,
        }
        write!(f, "{}", self.error)
    }
}

/// Everything found in one input.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// The objects that decoded, in input order.
    pub objects: Vec<Found>,
    /// The parts that did not.
    pub problems: Vec<Problem>,
}

impl Parsed {
    /// The certificates found, in input order.
    pub fn certificates(&self) -> impl Iterator<Item = &Cert> {
        self.objects.iter().map(|found| match &found.object {
            Object::Certificate(cert) => cert.as_ref(),
        })
    }
}

/// Finds every object in `input`.
///
/// Text with `-----BEGIN` lines is read as PEM, ignoring whatever surrounds the blocks; binary
/// starting with a SEQUENCE tag as one or more concatenated DER objects; other text as bare
/// base64 or hex.
pub fn parse_input(input: &[u8], options: &InputOptions) -> Result<Parsed, InputError> {
    if input.len() > options.max_input_bytes {
        return Err(InputError::TooLarge {
            size: input.len(),
            limit: options.max_input_bytes,
        });
    }
    let mut parsed = Parsed::default();
    if contains(input, b"-----BEGIN ") {
        for block in pem_blocks(input) {
            let origin = Origin {
                encoding: Encoding::Pem {
                    label: block.label.clone(),
                    line: block.line,
                },
                offset: block.offset,
            };
            match block.der {
                Ok(der) => decode_der_objects(&der, &origin, &block.label, &mut parsed),
                Err(error) => parsed.problems.push(Problem { origin, error }),
            }
        }
    } else if input.first() == Some(&0x30) {
        let origin = Origin {
            encoding: Encoding::Der,
            offset: 0,
        };
        decode_der_objects(input, &origin, "", &mut parsed);
    } else {
        let text = String::from_utf8_lossy(input);
        match decode_text(&text) {
            Some((der, encoding)) => {
                let origin = Origin {
                    encoding,
                    offset: 0,
                };
                decode_der_objects(&der, &origin, "", &mut parsed);
            }
            None => parsed.problems.push(Problem {
                origin: Origin {
                    encoding: Encoding::Der,
                    offset: 0,
                },
                error: DecodeError::new(
                    "input",
                    None,
                    input.len(),
                    if input.iter().all(|b| b.is_ascii_whitespace()) {
                        "the input is empty".to_owned()
                    } else {
                        "found no PEM block, DER structure, base64 or hex text".to_owned()
                    },
                ),
            }),
        }
    }
    if parsed.objects.len() > options.max_objects {
        return Err(InputError::TooManyObjects {
            limit: options.max_objects,
        });
    }
    Ok(parsed)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

struct PemBlock {
    label: String,
    line: usize,
    offset: usize,
    der: Result<Vec<u8>, DecodeError>,
}

/// Scans text for RFC 7468 blocks, laxly: CRLF or LF, any line width, trailing spaces,
/// RFC 1421 headers (`Proc-Type: ...`) skipped, no final newline needed.
fn pem_blocks(input: &[u8]) -> Vec<PemBlock> {
    let mut blocks = Vec::new();
    // Lines are split as bytes and decoded one by one, so that offsets count input bytes
    // even where invalid UTF-8 becomes a (longer) replacement character.
    let mut lines = input
        .split(|&b| b == b'\n')
        .map(|raw| (raw.len(), String::from_utf8_lossy(raw)))
        .enumerate()
        .peekable();
    let mut offset = 0usize;
    while let Some((number, (raw_len, raw))) = lines.next() {
        let line_offset = offset;
        offset += raw_len + 1;
        let line = raw.trim();
        let Some(start) = line.find("-----BEGIN ") else {
            continue;
        };
        let rest = line.get(start + 11..).unwrap_or_default();
        let Some(label) = rest.strip_suffix("-----") else {
            continue;
        };
        let label = label.to_owned();
        let end_marker = format!("-----END {label}-----");
        let mut body = String::new();
        let mut in_headers = true;
        let mut closed = false;
        for (_, (raw_len, raw)) in lines.by_ref() {
            offset += raw_len + 1;
            let l = raw.trim();
            if l.contains(&end_marker) {
                closed = true;
                break;
            }
            if in_headers && l.contains(':') {
                continue;
            }
            if l.is_empty() {
                in_headers = false;
                continue;
            }
            in_headers = false;
            body.push_str(l);
        }
        let der = if closed {
            base64_lax(&body).ok_or_else(|| {
                DecodeError::new(
                    "PEM",
                    None,
                    body.len(),
                    format!("the body of the {label} block is not valid base64"),
                )
            })
        } else {
            Err(DecodeError::new(
                "PEM",
                None,
                body.len(),
                format!("no \"{end_marker}\" line: the block looks truncated"),
            ))
        };
        blocks.push(PemBlock {
            label,
            line: number + 1,
            offset: line_offset,
            der,
        });
    }
    blocks
}

/// Decodes base64 ignoring whitespace, with or without padding.
fn base64_lax(text: &str) -> Option<Vec<u8>> {
    use base64ct::{Base64, Base64Unpadded, Encoding};
    let clean: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    if clean.is_empty() {
        return None;
    }
    Base64::decode_vec(&clean)
        .ok()
        .or_else(|| Base64Unpadded::decode_vec(clean.trim_end_matches('=')).ok())
}

/// Reads armour-less text as hex (with or without `:`/space separators) or base64.
fn decode_text(text: &str) -> Option<(Vec<u8>, Encoding)> {
    let hex: String = text
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && *c != ':' && *c != '-')
        .collect();
    let hex = hex.strip_prefix("0x").unwrap_or(&hex);
    if !hex.is_empty() && hex.len() % 2 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        let bytes: Option<Vec<u8>> = hex
            .as_bytes()
            .chunks_exact(2)
            .map(|pair| {
                std::str::from_utf8(pair)
                    .ok()
                    .and_then(|s| u8::from_str_radix(s, 16).ok())
            })
            .collect();
        if let Some(bytes) = bytes.filter(|b| b.first() == Some(&0x30)) {
            return Some((bytes, Encoding::Hex));
        }
    }
    base64_lax(text)
        .filter(|b| b.first() == Some(&0x30))
        .map(|b| (b, Encoding::Base64))
}

/// Splits DER into its top-level TLVs and decodes each one.
fn decode_der_objects(der: &[u8], origin: &Origin, label: &str, parsed: &mut Parsed) {
    let mut position = 0usize;
    while position < der.len() {
        let rest = der.get(position..).unwrap_or_default();
        let element_origin = match origin.encoding {
            Encoding::Der => Origin {
                encoding: Encoding::Der,
                offset: origin.offset + position,
            },
            _ => origin.clone(),
        };
        let Some(length) = tlv_length(rest) else {
            let problem = if position == 0 {
                "does not start with a complete DER element".to_owned()
            } else {
                format!("{} bytes of trailing data after the object", rest.len())
            };
            // OpenSSL's TRUSTED CERTIFICATE carries an auxiliary trailer after the
            // certificate: it is not an error.
            if !(label == "TRUSTED CERTIFICATE" && position > 0) {
                let error = match Cert::from_der(rest) {
                    Err(e) if position == 0 => e,
                    _ => DecodeError::new("DER", Some(position), der.len(), problem),
                };
                parsed.problems.push(Problem {
                    origin: element_origin,
                    error,
                });
            }
            return;
        };
        let element = der.get(position..position + length).unwrap_or_default();
        match Cert::from_der(element) {
            Ok(cert) => parsed.objects.push(Found {
                origin: element_origin,
                object: Object::Certificate(Box::new(cert)),
            }),
            Err(error) => {
                if !(label == "TRUSTED CERTIFICATE" && position > 0) {
                    parsed.problems.push(Problem {
                        origin: element_origin,
                        error,
                    });
                }
            }
        }
        if parsed.objects.len() > 100_000 {
            return;
        }
        position += length;
        if label == "TRUSTED CERTIFICATE" {
            return;
        }
    }
}

/// Length of the complete TLV at the start of `bytes` (header included), when it fits.
fn tlv_length(bytes: &[u8]) -> Option<usize> {
    use der::{Decode, Encode};
    let mut reader = der::SliceReader::new(bytes).ok()?;
    let header = der::Header::decode(&mut reader).ok()?;
    let header_len = usize::try_from(u32::from(header.encoded_len().ok()?)).ok()?;
    let body_len = usize::try_from(u32::from(header.length())).ok()?;
    let total = header_len.checked_add(body_len)?;
    (total <= bytes.len()).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_is_a_problem_not_an_error() {
        let parsed = parse_input(b"  \n", &InputOptions::default()).unwrap();
        assert!(parsed.objects.is_empty());
        assert_eq!(parsed.problems[0].error.problem, "the input is empty");
    }

    #[test]
    fn size_limit() {
        let options = InputOptions {
            max_input_bytes: 4,
            ..InputOptions::default()
        };
        assert_eq!(
            parse_input(b"12345", &options).unwrap_err(),
            InputError::TooLarge { size: 5, limit: 4 }
        );
    }

    #[test]
    fn unterminated_pem_block() {
        let parsed = parse_input(
            b"-----BEGIN CERTIFICATE-----\nMIIB\n",
            &InputOptions::default(),
        )
        .unwrap();
        assert!(parsed.problems[0].error.problem.contains("truncated"));
    }
}
