//! The size floor (see Cargo.toml): x509-cert decoding and every signature algorithm certscope
//! verifies, and nothing else.

use der::{Decode, Encode};
use signature::Verifier;
use wasm_bindgen::prelude::*;
use x509_cert::Certificate;

#[derive(serde::Serialize)]
struct Decoded {
    subject: String,
    issuer: String,
    not_before: String,
    not_after: String,
    serial: String,
    extensions: Vec<(String, bool, usize)>,
    signature_valid: bool,
}

/// The signature algorithms, in the order `algorithm` numbers them.
fn verify(signed: &[u8], signature: &[u8], key: &[u8], algorithm: u8) -> Option<bool> {
    use rsa::{pkcs1v15, pss};
    use sha1::Sha1;
    use sha2::{Sha224, Sha256, Sha384, Sha512};
    let rsa_key = || <rsa::PublicKey as rsa::pkcs1::DecodeRsaPublicKey>::from_pkcs1_der(key).ok();
    let v15 = || pkcs1v15::Signature::try_from(signature).ok();
    let pss = || pss::Signature::try_from(signature).ok();
    Some(match algorithm {
        0 => pkcs1v15::VerifyingKey::<Sha1>::new(rsa_key()?)
            .verify(signed, &v15()?)
            .is_ok(),
        1 => pkcs1v15::VerifyingKey::<Sha224>::new(rsa_key()?)
            .verify(signed, &v15()?)
            .is_ok(),
        2 => pkcs1v15::VerifyingKey::<Sha256>::new(rsa_key()?)
            .verify(signed, &v15()?)
            .is_ok(),
        3 => pkcs1v15::VerifyingKey::<Sha384>::new(rsa_key()?)
            .verify(signed, &v15()?)
            .is_ok(),
        4 => pkcs1v15::VerifyingKey::<Sha512>::new(rsa_key()?)
            .verify(signed, &v15()?)
            .is_ok(),
        5 => pss::VerifyingKey::<Sha1>::new(rsa_key()?)
            .verify(signed, &pss()?)
            .is_ok(),
        6 => pss::VerifyingKey::<Sha224>::new(rsa_key()?)
            .verify(signed, &pss()?)
            .is_ok(),
        7 => pss::VerifyingKey::<Sha256>::new(rsa_key()?)
            .verify(signed, &pss()?)
            .is_ok(),
        8 => pss::VerifyingKey::<Sha384>::new(rsa_key()?)
            .verify(signed, &pss()?)
            .is_ok(),
        9 => pss::VerifyingKey::<Sha512>::new(rsa_key()?)
            .verify(signed, &pss()?)
            .is_ok(),
        10 => p256::ecdsa::VerifyingKey::from_sec1_bytes(key)
            .ok()?
            .verify(
                signed,
                &p256::ecdsa::DerSignature::try_from(signature).ok()?,
            )
            .is_ok(),
        11 => p384::ecdsa::VerifyingKey::from_sec1_bytes(key)
            .ok()?
            .verify(
                signed,
                &p384::ecdsa::DerSignature::try_from(signature).ok()?,
            )
            .is_ok(),
        12 => p521::ecdsa::VerifyingKey::from_sec1_bytes(key)
            .ok()?
            .verify(
                signed,
                &p521::ecdsa::DerSignature::try_from(signature).ok()?,
            )
            .is_ok(),
        13 => ed25519_dalek::VerifyingKey::from_bytes(&<[u8; 32]>::try_from(key).ok()?)
            .ok()?
            .verify(
                signed,
                &ed25519_dalek::Signature::from_slice(signature).ok()?,
            )
            .is_ok(),
        _ => return None,
    })
}

/// Decodes `certificate` and checks its signature with `issuer`'s key by `algorithm`.
#[wasm_bindgen]
pub fn check(certificate: &[u8], issuer: &[u8], algorithm: u8) -> Result<String, JsError> {
    let cert = Certificate::from_der(certificate).map_err(|e| JsError::new(&e.to_string()))?;
    let issuer = Certificate::from_der(issuer).map_err(|e| JsError::new(&e.to_string()))?;
    let tbs = cert.tbs_certificate();
    let signed = tbs.to_der().map_err(|e| JsError::new(&e.to_string()))?;
    let key = issuer
        .tbs_certificate()
        .subject_public_key_info()
        .subject_public_key
        .raw_bytes();
    let decoded = Decoded {
        subject: tbs.subject().to_string(),
        issuer: tbs.issuer().to_string(),
        not_before: tbs.validity().not_before.to_string(),
        not_after: tbs.validity().not_after.to_string(),
        serial: tbs.serial_number().to_string(),
        extensions: tbs
            .extensions()
            .into_iter()
            .flatten()
            .map(|e| {
                (
                    e.extn_id.to_string(),
                    e.critical,
                    e.extn_value.as_bytes().len(),
                )
            })
            .collect(),
        signature_valid: verify(&signed, cert.signature().raw_bytes(), key, algorithm)
            .ok_or_else(|| JsError::new("unknown algorithm"))?,
    };
    serde_json::to_string(&decoded).map_err(|e| JsError::new(&e.to_string()))
}
