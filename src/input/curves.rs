//! Elliptic curves given by explicit parameters (`SpecifiedECDomain`, SEC 1 C.2) instead of a
//! name: recognised as the named curve whose domain parameters they are.
//!
//! ```text
//! SpecifiedECDomain ::= SEQUENCE {
//!     version   SpecifiedECDomainVersion ( ecdpVer1 | ecdpVer2 | ecdpVer3, ... ),
//!     fieldID   FieldID {{FieldTypes}},
//!     curve     Curve,
//!     base      ECPoint,
//!     order     INTEGER,
//!     cofactor  INTEGER OPTIONAL, ... }
//! FieldID ::= SEQUENCE { fieldType OBJECT IDENTIFIER, parameters ANY }  -- prime-field: p
//! Curve ::= SEQUENCE { a FieldElement, b FieldElement, seed BIT STRING OPTIONAL }
//! ```
//! ([SEC 1 v2 C.2](https://www.secg.org/sec1-v2.pdf), RFC 3279 2.3.5)

use der::asn1::ObjectIdentifier;

use super::der::{read, tag};
use crate::cert::bit_length;

/// `prime-field` (X9.62).
const PRIME_FIELD: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x01, 0x01];

/// The domain parameters of one named curve (SEC 2, FIPS 186-4 D.1.2), big-endian hex.
struct Known {
    oid: &'static str,
    p: &'static str,
    a: &'static str,
    b: &'static str,
    gx: &'static str,
    n: &'static str,
}

const KNOWN: &[Known] = &[
    // P-256 (secp256r1, prime256v1)
    Known {
        oid: "1.2.840.10045.3.1.7",
        p: "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
        a: "ffffffff00000001000000000000000000000000fffffffffffffffffffffffc",
        b: "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
        gx: "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
        n: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
    },
    // P-384 (secp384r1)
    Known {
        oid: "1.3.132.0.34",
        p: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe\
            ffffffff0000000000000000ffffffff",
        a: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe\
            ffffffff0000000000000000fffffffc",
        b: "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875a\
            c656398d8a2ed19d2a85c8edd3ec2aef",
        gx: "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a38\
             5502f25dbf55296c3a545e3872760ab7",
        n: "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf\
            581a0db248b0a77aecec196accc52973",
    },
    // P-521 (secp521r1)
    Known {
        oid: "1.3.132.0.35",
        p: "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
            ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        a: "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
            fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc",
        b: "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef1\
            09e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00",
        gx: "00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d\
             3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66",
        n: "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
            fa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
    },
    // secp256k1
    Known {
        oid: "1.3.132.0.10",
        p: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f",
        a: "00",
        b: "07",
        gx: "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
        n: "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
    },
];

/// What explicit parameters say about a curve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Explicit {
    /// The named curve with these domain parameters, if it is one certscope knows.
    pub named: Option<ObjectIdentifier>,
    /// The size of the group's order in bits (the curve's size).
    pub bits: u32,
}

/// Reads `SpecifiedECDomain` DER. `None` when it is not one over a prime field.
pub(crate) fn explicit(der: &[u8]) -> Option<Explicit> {
    let domain = read(der, 0, "EC parameters").ok()?;
    if domain.tag != tag::SEQUENCE {
        return None;
    }
    let fields = domain.children("EC parameters").ok()?;
    let field_id = fields.get(1)?.children("EC parameters").ok()?;
    if field_id.first()?.content != PRIME_FIELD {
        return None;
    }
    let p = strip(field_id.get(1)?.content);
    let curve = fields.get(2)?.children("EC parameters").ok()?;
    let a = strip(curve.first()?.content);
    let b = strip(curve.get(1)?.content);
    let base = fields.get(3)?.content;
    let n = strip(fields.get(4)?.content);
    // The base point's x coordinate: after the 02/03/04 octet, as wide as p.
    let width = usize::try_from(bit_length(p).div_ceil(8)).ok()?;
    let gx = strip(base.get(1..1 + width)?);
    let named = KNOWN
        .iter()
        .find(|known| {
            let same = |hex: &str, value: &[u8]| {
                let expected = decode_hex(hex);
                strip(&expected) == value
            };
            same(known.p, p)
                && same(known.a, a)
                && same(known.b, b)
                && same(known.gx, gx)
                && same(known.n, n)
        })
        .and_then(|known| ObjectIdentifier::new(known.oid).ok());
    Some(Explicit {
        named,
        bits: bit_length(n),
    })
}

fn strip(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|&&b| b == 0).count();
    bytes.get(skip..).unwrap_or_default()
}

fn decode_hex(hex: &str) -> Vec<u8> {
    base16ct::mixed::decode_vec(hex.as_bytes()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_hex_of_the_curve_size() {
        for known in KNOWN {
            let bits = bit_length(&decode_hex(known.n));
            assert!([256, 384, 521].contains(&bits), "{}: {bits}", known.oid);
            assert_eq!(bit_length(&decode_hex(known.p)), bits, "{}", known.oid);
            assert!(!decode_hex(known.gx).is_empty(), "{}", known.oid);
        }
    }
}
