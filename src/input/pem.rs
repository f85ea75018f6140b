//! Text encodings: PEM blocks inside arbitrary text (RFC 7468, read laxly), bare base64, hex.

use crate::decode::DecodeError;

/// One `-----BEGIN` … `-----END` block found in text.
pub(crate) struct PemBlock {
    /// The label, e.g. `CERTIFICATE`.
    pub label: String,
    /// 1-based line of the `-----BEGIN` line.
    pub line: usize,
    /// Byte offset of the `-----BEGIN` line in the input.
    pub offset: usize,
    /// RFC 1421 headers (`Proc-Type`, `DEK-Info`) as `(name, value)`.
    pub headers: Vec<(String, String)>,
    /// The decoded body, or why it did not decode.
    pub der: Result<Vec<u8>, DecodeError>,
}

/// Whether the input contains a PEM begin line.
pub(crate) fn has_pem(input: &[u8]) -> bool {
    input.windows(11).any(|w| w == b"-----BEGIN ")
}

/// Scans text for RFC 7468 blocks, laxly: anything around the blocks is ignored; CRLF or LF,
/// any line width, trailing spaces, RFC 1421 headers, and no final newline are all accepted.
pub(crate) fn blocks(input: &[u8]) -> Vec<PemBlock> {
    let mut out = Vec::new();
    let mut lines = input.split(|&b| b == b'\n').enumerate().peekable();
    let mut offset = 0usize;
    while let Some((number, raw)) = lines.next() {
        let line_offset = offset;
        offset += raw.len() + 1;
        let text = String::from_utf8_lossy(raw);
        let line = text.trim();
        let Some(start) = line.find("-----BEGIN ") else {
            continue;
        };
        let rest = line.get(start + 11..).unwrap_or_default();
        let Some(end) = rest.find("-----") else {
            continue;
        };
        let label = rest.get(..end).unwrap_or_default().to_owned();
        let end_marker = format!("-----END {label}-----");
        // The body may be a key's base64: wiped when dropped.
        let mut body = zeroize::Zeroizing::new(String::new());
        let mut headers = Vec::new();
        let mut in_headers = true;
        let mut closed = false;
        let mut first_bad: Option<usize> = None;
        while let Some((body_number, raw)) = lines.next_if(|(_, l)| !contains(l, b"-----BEGIN ")) {
            offset += raw.len() + 1;
            let text = String::from_utf8_lossy(raw);
            let l = text.trim();
            if l.contains(&end_marker) {
                closed = true;
                break;
            }
            if in_headers {
                if let Some((name, value)) = l.split_once(':') {
                    headers.push((name.trim().to_owned(), value.trim().to_owned()));
                    continue;
                }
            }
            if l.is_empty() {
                in_headers = false;
                continue;
            }
            in_headers = false;
            if first_bad.is_none() && !l.bytes().all(is_base64_byte) {
                first_bad = Some(body_number + 1);
            }
            body.push_str(l);
        }
        let der = if !closed {
            Err(DecodeError::new(
                "PEM",
                None,
                body.len(),
                format!(
                    "no \"{end_marker}\" line after line {}: the block looks truncated",
                    number + 1
                ),
            ))
        } else if let Some(bad) = first_bad {
            Err(DecodeError::new(
                "PEM",
                None,
                body.len(),
                format!("line {bad} of the {label} block holds characters that are not base64"),
            ))
        } else if body.is_empty() {
            Err(DecodeError::new(
                "PEM",
                None,
                0,
                format!("the {label} block is empty"),
            ))
        } else {
            base64_lax(&body).ok_or_else(|| {
                DecodeError::new(
                    "PEM",
                    None,
                    body.len(),
                    format!("the body of the {label} block is not valid base64 (wrong length or padding)"),
                )
            })
        };
        out.push(PemBlock {
            label,
            line: number + 1,
            offset: line_offset,
            headers,
            der,
        });
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn is_base64_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_')
        || b.is_ascii_whitespace()
}

/// Decodes base64 ignoring whitespace, with or without padding; the URL-safe alphabet is
/// accepted too.
pub(crate) fn base64_lax(text: &str) -> Option<Vec<u8>> {
    use base64ct::{Base64, Base64Unpadded, Base64Url, Base64UrlUnpadded, Encoding};
    let clean: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    if clean.is_empty() {
        return None;
    }
    let unpadded = clean.trim_end_matches('=');
    Base64::decode_vec(&clean)
        .ok()
        .or_else(|| Base64Unpadded::decode_vec(unpadded).ok())
        .or_else(|| Base64Url::decode_vec(&clean).ok())
        .or_else(|| Base64UrlUnpadded::decode_vec(unpadded).ok())
}

/// How armour-less text was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextEncoding {
    /// Hex digits, with or without `:`, space or `-` separators.
    Hex,
    /// Base64.
    Base64,
}

/// Reads armour-less text as hex or base64. Returns the bytes only when they start like DER
/// (a SEQUENCE), so that prose is not mistaken for data.
pub(crate) fn decode_text(text: &str) -> Option<(Vec<u8>, TextEncoding)> {
    let hex: String = text
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && *c != ':' && *c != '-')
        .collect();
    let hex = hex
        .strip_prefix("0x")
        .or_else(|| hex.strip_prefix("0X"))
        .unwrap_or(&hex);
    if !hex.is_empty() && hex.len().is_multiple_of(2) && hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
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
            return Some((bytes, TextEncoding::Hex));
        }
    }
    base64_lax(text)
        .filter(|b| b.first() == Some(&0x30))
        .map(|b| (b, TextEncoding::Base64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_crlf() {
        let text = b"x\r\n-----BEGIN RSA PRIVATE KEY-----\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: AES-128-CBC,00\r\n\r\nMAA=\r\n-----END RSA PRIVATE KEY-----";
        let blocks = blocks(text);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].line, 2);
        assert_eq!(blocks[0].offset, 3);
        assert_eq!(blocks[0].headers[1].0, "DEK-Info");
        assert_eq!(blocks[0].der.as_ref().unwrap(), &[0x30, 0x00]);
    }

    #[test]
    fn a_begin_line_ends_an_unterminated_block() {
        let text = b"-----BEGIN CERTIFICATE-----\nMAA=\n-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n";
        let blocks = blocks(text);
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0]
            .der
            .as_ref()
            .unwrap_err()
            .problem
            .contains("truncated"));
        assert!(blocks[1].der.is_ok());
    }

    #[test]
    fn hex_with_colons() {
        let (bytes, encoding) = decode_text("30:03:02:01:05").unwrap();
        assert_eq!(encoding, TextEncoding::Hex);
        assert_eq!(bytes, vec![0x30, 3, 2, 1, 5]);
    }
}
