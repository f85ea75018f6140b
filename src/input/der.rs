//! A minimal DER element reader with byte offsets, and structural detection of what a DER
//! object is.
//!
//! Detection looks only at the shape of the outer elements (which tags, in which order), never
//! at a file name or label, so a `.crt` that holds a CSR is still read as a CSR.

use crate::decode::DecodeError;

/// Universal tag bytes used by detection.
pub(crate) mod tag {
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OCTET_STRING: u8 = 0x04;
    pub const OID: u8 = 0x06;
    pub const UTC_TIME: u8 = 0x17;
    pub const GENERALIZED_TIME: u8 = 0x18;
    pub const SEQUENCE: u8 = 0x30;
    pub const SET: u8 = 0x31;
    /// `[0]` constructed.
    pub const CONTEXT_0: u8 = 0xa0;
    /// `[1]` constructed.
    pub const CONTEXT_1: u8 = 0xa1;
}

/// One DER element: tag, where it starts, and its contents.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tlv<'a> {
    /// The identifier octet (single-byte tags only).
    pub tag: u8,
    /// Offset of the tag byte, relative to the start of the outermost buffer being read.
    pub offset: usize,
    /// Length of the identifier and length octets.
    pub header_len: usize,
    /// The contents octets (without the end-of-contents octets of a BER indefinite length).
    pub content: &'a [u8],
    /// The whole element, end-of-contents octets included.
    pub whole: &'a [u8],
}

impl<'a> Tlv<'a> {
    /// Offset of the contents, relative to the outermost buffer.
    pub fn content_offset(&self) -> usize {
        self.offset + self.header_len
    }

    /// The elements inside a constructed element.
    pub fn children(&self, structure: &str) -> Result<Vec<Tlv<'a>>, DecodeError> {
        let mut out = Vec::new();
        let mut position = 0usize;
        let base = self.content_offset();
        while position < self.content.len() {
            let rest = self.content.get(position..).unwrap_or_default();
            let child = read(rest, base + position, structure)?;
            position += child.whole.len();
            out.push(child);
        }
        Ok(out)
    }
}

/// How deep BER indefinite-length elements may nest (a PKCS#7 bundle uses 5 levels).
const MAX_INDEFINITE_DEPTH: usize = 32;

/// Reads the element at the start of `bytes`, which sits at `offset` in the outermost buffer.
/// Bytes after the element are left alone.
///
/// A constructed element may have a BER indefinite length (X.690 8.1.3.6), as some tools write
/// PKCS#7 bundles: containers are walked either way, and the objects inside are decoded as DER.
pub(crate) fn read<'a>(
    bytes: &'a [u8],
    offset: usize,
    structure: &str,
) -> Result<Tlv<'a>, DecodeError> {
    read_nested(bytes, offset, structure, 0)
}

fn read_nested<'a>(
    bytes: &'a [u8],
    offset: usize,
    structure: &str,
    depth: usize,
) -> Result<Tlv<'a>, DecodeError> {
    let total = bytes.len();
    let error = |at: usize, problem: String| {
        DecodeError::new(structure, Some(offset + at), offset + total, problem)
    };
    let Some(&tag) = bytes.first() else {
        return Err(error(
            0,
            "expected a DER element but the data is empty".into(),
        ));
    };
    if tag & 0x1f == 0x1f {
        return Err(error(
            0,
            format!(
                "tag byte 0x{tag:02x} starts a multi-byte tag, which no supported structure uses"
            ),
        ));
    }
    let Some(&first) = bytes.get(1) else {
        return Err(error(
            1,
            "the data ends inside an element header: the input looks truncated".into(),
        ));
    };
    let (length, header_len) = match first {
        0x80 => {
            if tag & 0x20 == 0 {
                return Err(error(
                    1,
                    "indefinite length on a primitive element, which even BER forbids".into(),
                ));
            }
            if depth >= MAX_INDEFINITE_DEPTH {
                return Err(error(
                    1,
                    format!(
                        "indefinite-length (BER) elements nested more than \
                         {MAX_INDEFINITE_DEPTH} deep"
                    ),
                ));
            }
            // The contents run to the end-of-contents octets 00 00.
            let mut position = 2usize;
            loop {
                let Some(rest) = bytes.get(position..).filter(|r| !r.is_empty()) else {
                    return Err(error(
                        position,
                        format!(
                            "{} with an indefinite length has no end-of-contents octets: \
                             the input looks truncated",
                            describe_tag(tag)
                        ),
                    ));
                };
                if rest.starts_with(&[0, 0]) {
                    return Ok(Tlv {
                        tag,
                        offset,
                        header_len: 2,
                        content: bytes.get(2..position).unwrap_or_default(),
                        whole: bytes.get(..position + 2).unwrap_or_default(),
                    });
                }
                let child = read_nested(rest, offset + position, structure, depth + 1)?;
                position += child.whole.len();
            }
        }
        short if short < 0x80 => (usize::from(short), 2usize),
        long => {
            let count = usize::from(long & 0x7f);
            if count > 4 {
                return Err(error(
                    1,
                    format!("a length of {count} bytes is larger than any supported input"),
                ));
            }
            let Some(length_bytes) = bytes.get(2..2 + count) else {
                return Err(error(
                    1,
                    "the data ends inside an element header: the input looks truncated".into(),
                ));
            };
            let length = length_bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            (length, 2 + count)
        }
    };
    let end = header_len.saturating_add(length);
    let Some(whole) = bytes.get(..end) else {
        return Err(error(
            header_len,
            format!(
                "{} ends after {} of {} bytes: the input looks truncated",
                describe_tag(tag),
                total.saturating_sub(header_len),
                length
            ),
        ));
    };
    Ok(Tlv {
        tag,
        offset,
        header_len,
        content: whole.get(header_len..).unwrap_or_default(),
        whole,
    })
}

/// Reads exactly one element spanning all of `bytes`.
pub(crate) fn read_exact<'a>(
    bytes: &'a [u8],
    offset: usize,
    structure: &str,
) -> Result<Tlv<'a>, DecodeError> {
    let tlv = read(bytes, offset, structure)?;
    if tlv.whole.len() < bytes.len() {
        return Err(DecodeError::new(
            structure,
            Some(offset + tlv.whole.len()),
            offset + bytes.len(),
            format!(
                "{} bytes of unexpected data follow the {} bytes of the structure",
                bytes.len() - tlv.whole.len(),
                tlv.whole.len()
            ),
        ));
    }
    Ok(tlv)
}

/// A tag byte in words.
pub(crate) fn describe_tag(tag: u8) -> String {
    match tag {
        0x01 => "a BOOLEAN".into(),
        tag::INTEGER => "an INTEGER".into(),
        tag::BIT_STRING => "a BIT STRING".into(),
        tag::OCTET_STRING => "an OCTET STRING".into(),
        0x05 => "a NULL".into(),
        tag::OID => "an OBJECT IDENTIFIER".into(),
        tag::SEQUENCE => "a SEQUENCE".into(),
        tag::SET => "a SET".into(),
        tag::UTC_TIME => "a UTCTime".into(),
        tag::GENERALIZED_TIME => "a GeneralizedTime".into(),
        t if t & 0xc0 == 0x80 => format!("a [{}] element", t & 0x1f),
        t => format!("an element with tag 0x{t:02x}"),
    }
}

/// What a DER object is, as told by its structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// X.509 certificate (RFC 5280 4.1).
    Certificate,
    /// PKCS#10 certification request (RFC 2986 4).
    Csr,
    /// X.509 CRL (RFC 5280 5.1).
    Crl,
    /// CMS / PKCS#7 ContentInfo (RFC 5652 3).
    Pkcs7,
    /// PKCS#12 PFX (RFC 7292 4).
    Pkcs12,
    /// PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RFC 5958 2).
    PrivateKeyInfo,
    /// PKCS#8 EncryptedPrivateKeyInfo (RFC 5958 3).
    EncryptedPrivateKeyInfo,
    /// PKCS#1 RSAPrivateKey (RFC 8017 A.1.2).
    RsaPrivateKey,
    /// SEC1 ECPrivateKey (RFC 5915 3).
    EcPrivateKey,
    /// OpenSSL's DSAPrivateKey: SEQUENCE { 0, p, q, g, y, x }.
    DsaPrivateKey,
    /// SubjectPublicKeyInfo (RFC 5280 4.1).
    PublicKey,
    /// PKCS#1 RSAPublicKey (RFC 8017 A.1.1).
    RsaPublicKey,
}

impl Kind {
    /// The kind a PEM label announces (RFC 7468 and OpenSSL's labels).
    pub fn from_label(label: &str) -> Option<Kind> {
        Some(match label {
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => Kind::Certificate,
            "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => Kind::Csr,
            "X509 CRL" => Kind::Crl,
            "PKCS7" | "CMS" | "PKCS #7 SIGNED DATA" => Kind::Pkcs7,
            "PKCS12" => Kind::Pkcs12,
            "PRIVATE KEY" => Kind::PrivateKeyInfo,
            "ENCRYPTED PRIVATE KEY" => Kind::EncryptedPrivateKeyInfo,
            "RSA PRIVATE KEY" => Kind::RsaPrivateKey,
            "EC PRIVATE KEY" => Kind::EcPrivateKey,
            "DSA PRIVATE KEY" => Kind::DsaPrivateKey,
            "PUBLIC KEY" => Kind::PublicKey,
            "RSA PUBLIC KEY" => Kind::RsaPublicKey,
            _ => return None,
        })
    }

    /// The structure's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Certificate => "certificate",
            Kind::Csr => "certificate request",
            Kind::Crl => "CRL",
            Kind::Pkcs7 => "PKCS#7 message",
            Kind::Pkcs12 => "PKCS#12 file",
            Kind::PrivateKeyInfo => "private key (PKCS#8)",
            Kind::EncryptedPrivateKeyInfo => "encrypted private key",
            Kind::RsaPrivateKey => "RSA private key (PKCS#1)",
            Kind::EcPrivateKey => "EC private key (SEC1)",
            Kind::DsaPrivateKey => "DSA private key",
            Kind::PublicKey => "public key",
            Kind::RsaPublicKey => "RSA public key (PKCS#1)",
        }
    }

    /// The indefinite article [`Kind::name`] takes ("an RSA public key", "a CRL").
    pub fn article(self) -> &'static str {
        match self {
            Kind::EncryptedPrivateKeyInfo
            | Kind::RsaPrivateKey
            | Kind::EcPrivateKey
            | Kind::RsaPublicKey => "an",
            _ => "a",
        }
    }
}

/// Tells what `tlv` is from the tags of its elements, or `None` when it matches nothing known.
pub(crate) fn detect(tlv: &Tlv<'_>) -> Option<Kind> {
    use tag::*;
    if tlv.tag != SEQUENCE {
        return None;
    }
    let children = tlv.children("DER").ok()?;
    let tags: Vec<u8> = children.iter().map(|c| c.tag).collect();
    let first_int = children
        .first()
        .filter(|c| c.tag == INTEGER)
        .map(|c| c.content);
    match tags.as_slice() {
        // Certificate, CSR, CRL: SEQUENCE { SEQUENCE tbs, SEQUENCE algorithm, BIT STRING }.
        [SEQUENCE, SEQUENCE, BIT_STRING] => {
            let tbs = children.first()?.children("DER").ok()?;
            let inner: Vec<u8> = tbs.iter().map(|c| c.tag).collect();
            let is_time = |t: Option<&u8>| matches!(t, Some(&UTC_TIME) | Some(&GENERALIZED_TIME));
            match inner.as_slice() {
                [CONTEXT_0, ..] => Some(Kind::Certificate),
                [INTEGER, SEQUENCE, SEQUENCE, CONTEXT_0] => Some(Kind::Csr),
                [INTEGER, SEQUENCE, SEQUENCE, t, ..] if is_time(Some(t)) => Some(Kind::Crl),
                [SEQUENCE, SEQUENCE, t, ..] if is_time(Some(t)) => Some(Kind::Crl),
                [INTEGER, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE, ..] => Some(Kind::Certificate),
                _ => None,
            }
        }
        // SubjectPublicKeyInfo: SEQUENCE { AlgorithmIdentifier, BIT STRING }.
        [SEQUENCE, BIT_STRING] => Some(Kind::PublicKey),
        // EncryptedPrivateKeyInfo: SEQUENCE { AlgorithmIdentifier, OCTET STRING }.
        [SEQUENCE, OCTET_STRING] => Some(Kind::EncryptedPrivateKeyInfo),
        // ContentInfo: SEQUENCE { OBJECT IDENTIFIER, [0] EXPLICIT ANY }.
        [OID, CONTEXT_0] => Some(Kind::Pkcs7),
        // PFX: SEQUENCE { INTEGER 3, ContentInfo, MacData OPTIONAL }.
        [INTEGER, SEQUENCE] | [INTEGER, SEQUENCE, SEQUENCE] if first_int == Some(&[3]) => {
            Some(Kind::Pkcs12)
        }
        // PrivateKeyInfo: SEQUENCE { INTEGER 0|1, AlgorithmIdentifier, OCTET STRING, ... }.
        [INTEGER, SEQUENCE, OCTET_STRING, ..] => Some(Kind::PrivateKeyInfo),
        // ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING, [0] parameters, [1] publicKey }
        // (a version other than 1 is read by the lenient path and reported).
        [INTEGER, OCTET_STRING, ..] => Some(Kind::EcPrivateKey),
        // RSAPrivateKey: nine INTEGERs (or more, multi-prime).
        ints if ints.len() >= 9 && ints.iter().take(9).all(|&t| t == INTEGER) => {
            Some(Kind::RsaPrivateKey)
        }
        // DSAPrivateKey: SEQUENCE { INTEGER 0, p, q, g, y, x }.
        [INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, INTEGER] => Some(Kind::DsaPrivateKey),
        // RSAPublicKey: SEQUENCE { INTEGER modulus, INTEGER publicExponent }.
        [INTEGER, INTEGER] => Some(Kind::RsaPublicKey),
        _ => None,
    }
}

/// The offset of the element whose header ends at `position`, searching the tree of elements
/// in `bytes` down to 64 levels (X.509 structures nest about 10 deep).
fn header_ending_at(bytes: &[u8], position: usize, base: usize, depth: usize) -> Option<usize> {
    if depth > 64 {
        return None;
    }
    let mut offset = 0usize;
    while offset < bytes.len() {
        let element = read(bytes.get(offset..)?, base + offset, "").ok()?;
        let end = element.offset + element.whole.len();
        if element.content_offset() == position {
            return Some(element.offset);
        }
        if position > element.offset && position < end && element.tag & 0x20 != 0 {
            return header_ending_at(
                element.content,
                position,
                element.content_offset(),
                depth + 1,
            );
        }
        offset += element.whole.len();
    }
    None
}

/// Decodes `T` from all of `bytes`, naming `structure` in errors. Where the DER parser's error
/// carries no position, the reader's position when decoding stopped is given instead.
pub(crate) fn decode_located<'a, T>(bytes: &'a [u8], structure: &str) -> Result<T, DecodeError>
where
    T: ::der::Decode<'a, Error = ::der::Error>,
{
    use ::der::Reader;
    let located = |error: ::der::Error, position: ::der::Length| {
        let mut decoded = DecodeError::from_der(structure, bytes.len(), error);
        if decoded.offset.is_none() {
            // The reader stops after the header of an element it rejects: point at its tag.
            decoded.offset = usize::try_from(u32::from(position))
                .ok()
                .map(|p| header_ending_at(bytes, p, 0, 0).unwrap_or(p));
        }
        decoded
    };
    let mut reader = ::der::SliceReader::new(bytes).map_err(|e| located(e, ::der::Length::ZERO))?;
    match T::decode(&mut reader) {
        Ok(value) => {
            let position = reader.position();
            reader.finish().map_err(|e| located(e, position))?;
            Ok(value)
        }
        Err(error) => Err(located(error, reader.position())),
    }
}

/// Encodes one DER element.
pub(crate) fn encode(tag: u8, content: &[u8]) -> Vec<u8> {
    let length = content.len();
    let mut out = vec![tag];
    if length < 0x80 {
        out.extend(u8::try_from(length));
    } else {
        let bytes = length.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        let significant = bytes.get(skip..).unwrap_or_default();
        out.extend(u8::try_from(significant.len()).map(|n| 0x80 | n));
        out.extend_from_slice(significant);
    }
    out.extend_from_slice(content);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_is_reported_with_sizes() {
        let err = read(&[0x30, 0x10, 0x02, 0x00], 0, "certificate").unwrap_err();
        assert_eq!(err.offset, Some(2));
        assert_eq!(
            err.problem,
            "a SEQUENCE ends after 2 of 16 bytes: the input looks truncated"
        );
    }

    #[test]
    fn indefinite_lengths() {
        let ber = [
            0x30, 0x80, 0xa0, 0x80, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff,
        ];
        let outer = read(&ber, 0, "PKCS#7").unwrap();
        assert_eq!(outer.whole.len(), 10);
        let inner = outer.children("PKCS#7").unwrap();
        assert_eq!(inner[0].content, [0x05, 0x00]);
        assert_eq!(inner[0].content_offset(), 4);
        let err = read(&[0x04, 0x80, 0x00, 0x00], 0, "x").unwrap_err();
        assert!(err.problem.contains("primitive"));
        let err = read(&[0x30, 0x80, 0x05, 0x00], 0, "x").unwrap_err();
        assert!(err.problem.contains("no end-of-contents"));
        let deep: Vec<u8> = [0x30, 0x80].repeat(100);
        assert!(read(&deep, 0, "x").unwrap_err().problem.contains("nested"));
    }

    #[test]
    fn trailing_data_is_counted() {
        let err = read_exact(&[0x05, 0x00, 0xff], 10, "x").unwrap_err();
        assert_eq!(err.offset, Some(12));
    }
}
