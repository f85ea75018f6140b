//! The embedded Signed Certificate Timestamp list of Certificate Transparency.
//!
//! The extension's value is an OCTET STRING holding a TLS-encoded list:
//!
//! ```text
//! opaque SerializedSCT<1..2^16-1>;
//! struct { SerializedSCT sct_list <1..2^16-1>; } SignedCertificateTimestampList;
//!
//! struct {
//!     Version sct_version;            -- 1 byte, v1(0)
//!     LogID id;                       -- 32 bytes, SHA-256 of the log's key
//!     uint64 timestamp;               -- milliseconds since the epoch
//!     CtExtensions extensions;        -- opaque <0..2^16-1>
//!     digitally-signed struct { ... } -- hash (1), signature (1), opaque <0..2^16-1>
//! } SignedCertificateTimestamp;
//! ```
//! ([RFC 6962 3.2, 3.3](https://www.rfc-editor.org/rfc/rfc6962#section-3.3);
//! [RFC 5246 4.7](https://www.rfc-editor.org/rfc/rfc5246#section-4.7) for digitally-signed)

use der::Decode;

use super::ExtensionValue;
use crate::decode::DecodeError;

/// One Signed Certificate Timestamp.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignedCertificateTimestamp {
    /// sct_version (0 is v1).
    pub version: u8,
    /// The log's id (SHA-256 of its public key) as lowercase hex.
    pub log_id_hex: String,
    /// The log's id as base64, the form log lists use.
    pub log_id_base64: String,
    /// The timestamp as RFC 3339 UTC with milliseconds, or `None` when out of range.
    pub timestamp: Option<String>,
    /// The hash algorithm (`sha256`...), from the TLS HashAlgorithm registry.
    pub hash_algorithm: String,
    /// The signature algorithm (`ecdsa`, `rsa`...), from the TLS SignatureAlgorithm registry.
    pub signature_algorithm: String,
    /// The signature as lowercase hex.
    pub signature_hex: String,
    /// The CT extensions as lowercase hex (usually empty).
    pub extensions_hex: String,
}

/// A cursor over TLS-encoded bytes that reports where it ran out.
struct Cursor<'a> {
    bytes: &'a [u8],
    position: usize,
    structure: &'a str,
    length: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, count: usize, what: &str) -> Result<&'a [u8], DecodeError> {
        let end = self.position.checked_add(count);
        match end.and_then(|end| self.bytes.get(self.position..end)) {
            Some(slice) => {
                self.position = self.position.saturating_add(count);
                Ok(slice)
            }
            None => Err(DecodeError::new(
                self.structure,
                Some(self.position),
                self.length,
                format!(
                    "{what} needs {count} bytes but only {} remain",
                    self.bytes.len().saturating_sub(self.position)
                ),
            )),
        }
    }

    fn byte(&mut self, what: &str) -> Result<u8, DecodeError> {
        Ok(self.take(1, what)?.first().copied().unwrap_or_default())
    }

    fn u16(&mut self, what: &str) -> Result<usize, DecodeError> {
        let bytes = self.take(2, what)?;
        Ok(bytes
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b)))
    }

    fn vector(&mut self, what: &str) -> Result<&'a [u8], DecodeError> {
        let length = self.u16(what)?;
        self.take(length, what)
    }
}

fn hash_name(value: u8) -> String {
    match value {
        0 => "none".into(),
        1 => "md5".into(),
        2 => "sha1".into(),
        3 => "sha224".into(),
        4 => "sha256".into(),
        5 => "sha384".into(),
        6 => "sha512".into(),
        other => format!("unknown({other})"),
    }
}

fn signature_name(value: u8) -> String {
    match value {
        0 => "anonymous".into(),
        1 => "rsa".into(),
        2 => "dsa".into(),
        3 => "ecdsa".into(),
        other => format!("unknown({other})"),
    }
}

fn timestamp_text(milliseconds: u64) -> Option<String> {
    let seconds = crate::time::UnixTime(milliseconds / 1000).to_rfc3339()?;
    let stem = seconds.strip_suffix('Z')?;
    Some(format!("{stem}.{:03}Z", milliseconds % 1000))
}

pub(super) fn sct_list(bytes: &[u8], structure: &str) -> Result<ExtensionValue, DecodeError> {
    use base64ct::Encoding;
    let octets = der::asn1::OctetString::from_der(bytes)
        .map_err(|e| DecodeError::from_der(structure, bytes.len(), e))?;
    // Offsets below count from the start of the TLS bytes, after the OCTET STRING header.
    let list = octets.as_bytes();
    let mut outer = Cursor {
        bytes: list,
        position: 0,
        structure,
        length: list.len(),
    };
    let body = outer.vector("the SCT list")?;
    if outer.position != list.len() {
        return Err(DecodeError::new(
            structure,
            Some(outer.position),
            list.len(),
            "bytes after the SCT list".into(),
        ));
    }
    let mut items = Cursor {
        bytes: body,
        position: 0,
        structure,
        length: body.len(),
    };
    let mut timestamps = Vec::new();
    while items.position < body.len() {
        let sct = items.vector("a serialized SCT")?;
        let mut cursor = Cursor {
            bytes: sct,
            position: 0,
            structure,
            length: sct.len(),
        };
        let version = cursor.byte("sct_version")?;
        let log_id = cursor.take(32, "the log id")?;
        let time = cursor
            .take(8, "the timestamp")?
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        let extensions = cursor.vector("the CT extensions")?;
        let hash = cursor.byte("the hash algorithm")?;
        let signature_algorithm = cursor.byte("the signature algorithm")?;
        let signature = cursor.vector("the signature")?;
        timestamps.push(SignedCertificateTimestamp {
            version,
            log_id_hex: crate::cert::hex(log_id),
            log_id_base64: base64ct::Base64::encode_string(log_id),
            timestamp: timestamp_text(time),
            hash_algorithm: hash_name(hash),
            signature_algorithm: signature_name(signature_algorithm),
            signature_hex: crate::cert::hex(signature),
            extensions_hex: crate::cert::hex(extensions),
        });
    }
    Ok(ExtensionValue::SignedCertificateTimestamps { timestamps })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncated_list_says_where() {
        // OCTET STRING { list length 10, one SCT of length 8, then nothing }.
        let der = [0x04, 0x04, 0x00, 0x0a, 0x00, 0x08];
        let error = sct_list(&der, "ctSCTList").unwrap_err();
        assert_eq!(error.offset, Some(2));
        assert!(
            error.problem.contains("needs 10 bytes"),
            "{}",
            error.problem
        );
    }

    #[test]
    fn milliseconds_are_kept() {
        assert_eq!(
            timestamp_text(1_700_000_000_123).as_deref(),
            Some("2023-11-14T22:13:20.123Z")
        );
    }
}
