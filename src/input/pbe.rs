//! Password-based decryption for encrypted keys and PKCS#12 safes, with a budget on the
//! key-derivation work so that a hostile file cannot freeze the caller.
//!
//! Schemes: PBES2 with PBKDF2 or scrypt and AES-CBC or 3DES-CBC (RFC 8018 6.2, through the
//! `pkcs5` crate), and the PKCS#12 PBE schemes `pbeWithSHAAnd3-KeyTripleDES-CBC`,
//! `pbeWithSHAAnd2-KeyTripleDES-CBC`, `pbeWithSHAAnd128BitRC2-CBC` and
//! `pbeWithSHAAnd40BitRC2-CBC` (RFC 7292 appendix C, key derivation of appendix B through the
//! `pkcs12` crate, ciphers from `des`, `rc2` and `cbc`).

use der::asn1::AnyRef;
use der::Decode;
use zeroize::Zeroizing;

use super::Failure;
use crate::oid;

const PBES2: &str = "1.2.840.113549.1.5.13";
const PBE_SHA1_3DES: &str = "1.2.840.113549.1.12.1.3";
const PBE_SHA1_2DES: &str = "1.2.840.113549.1.12.1.4";
const PBE_SHA1_RC2_128: &str = "1.2.840.113549.1.12.1.5";
const PBE_SHA1_RC2_40: &str = "1.2.840.113549.1.12.1.6";

/// Most memory scrypt may use for one derivation: 32 MiB, twice what OpenSSL's default
/// parameters (N = 16384, r = 8) need.
const MAX_SCRYPT_MEMORY: u64 = 32 * 1024 * 1024;

/// Key-derivation work allowed for one input, counted in iterations (PBKDF2 iterations,
/// PKCS#12 KDF rounds, or scrypt's N·r·p).
#[derive(Debug)]
pub(crate) struct KdfBudget {
    limit: u64,
    spent: u64,
}

impl KdfBudget {
    /// A budget of `limit` iterations.
    pub fn new(limit: u64) -> Self {
        KdfBudget { limit, spent: 0 }
    }

    /// Takes `iterations` from the budget for `what`, or says why not.
    pub fn spend(&mut self, iterations: u64, what: &str) -> Result<(), Failure> {
        let total = self.spent.saturating_add(iterations);
        if total > self.limit {
            return Err(Failure::Limit(format!(
                "{what} asks for {iterations} key-derivation iterations; with the {} already spent \
                 on this input that exceeds the limit of {} (InputOptions::max_kdf_iterations)",
                self.spent, self.limit
            )));
        }
        self.spent = total;
        Ok(())
    }
}

/// Decrypts `ciphertext` with the scheme in the DER `AlgorithmIdentifier` `algorithm`.
pub(crate) fn decrypt(
    algorithm: &spki::AlgorithmIdentifierRef<'_>,
    ciphertext: &[u8],
    password: &str,
    budget: &mut KdfBudget,
    what: &str,
) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let params = algorithm.parameters;
    match algorithm.oid.to_string().as_str() {
        PBES2 => pbes2(params, ciphertext, password, budget, what),
        PBE_SHA1_3DES => legacy(
            Legacy::TripleDes3,
            params,
            ciphertext,
            password,
            budget,
            what,
        ),
        PBE_SHA1_2DES => legacy(
            Legacy::TripleDes2,
            params,
            ciphertext,
            password,
            budget,
            what,
        ),
        PBE_SHA1_RC2_128 => legacy(Legacy::Rc2(128), params, ciphertext, password, budget, what),
        PBE_SHA1_RC2_40 => legacy(Legacy::Rc2(40), params, ciphertext, password, budget, what),
        _ => Err(Failure::Unsupported(format!(
            "{what} is encrypted with {}, which certscope does not decrypt",
            oid::name(&algorithm.oid)
        ))),
    }
}

fn malformed(what: &str, error: der::Error) -> Failure {
    Failure::Malformed(crate::decode::DecodeError::from_der(what, 0, error))
}

fn pbes2(
    params: Option<AnyRef<'_>>,
    ciphertext: &[u8],
    password: &str,
    budget: &mut KdfBudget,
    what: &str,
) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let Some(params) = params else {
        return Err(Failure::Unsupported(format!(
            "{what}: PBES2 without parameters"
        )));
    };
    let params = pkcs5::pbes2::Parameters::try_from(params).map_err(|e| {
        Failure::Unsupported(format!(
            "{what}: the PBES2 parameters name a key derivation or cipher certscope does not \
             support ({e})"
        ))
    })?;
    let cost = match &params.kdf {
        pkcs5::pbes2::Kdf::Pbkdf2(p) => u64::from(p.iteration_count),
        pkcs5::pbes2::Kdf::Scrypt(s) => {
            // scrypt holds 128·N·r bytes at once (RFC 7914 2).
            let memory = s
                .cost_parameter
                .saturating_mul(u64::from(s.block_size))
                .saturating_mul(128);
            if memory > MAX_SCRYPT_MEMORY {
                return Err(Failure::Limit(format!(
                    "{what} uses scrypt with N={} and r={}, which needs {} MiB of memory; the \
                     limit is {} MiB",
                    s.cost_parameter,
                    s.block_size,
                    memory / (1024 * 1024),
                    MAX_SCRYPT_MEMORY / (1024 * 1024)
                )));
            }
            s.cost_parameter
                .saturating_mul(u64::from(s.block_size))
                .saturating_mul(u64::from(s.parallelization))
        }
        _ => {
            return Err(Failure::Unsupported(format!(
                "{what}: unknown PBES2 key derivation"
            )))
        }
    };
    budget.spend(cost, what)?;
    let mut buffer = Zeroizing::new(ciphertext.to_vec());
    match params.decrypt_in_place(password.as_bytes(), &mut buffer) {
        Ok(plain) => Ok(Zeroizing::new(plain.to_vec())),
        Err(pkcs5::Error::DecryptFailed) => Err(Failure::WrongPassword(format!(
            "{what} did not decrypt (bad padding): the password is wrong"
        ))),
        Err(e) => Err(Failure::Unsupported(format!("{what}: {e}"))),
    }
}

#[derive(Clone, Copy)]
enum Legacy {
    TripleDes3,
    TripleDes2,
    /// RC2 with this many effective key bits.
    Rc2(usize),
}

/// `pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }` (RFC 7292 C).
fn legacy(
    scheme: Legacy,
    params: Option<AnyRef<'_>>,
    ciphertext: &[u8],
    password: &str,
    budget: &mut KdfBudget,
    what: &str,
) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let params =
        params.ok_or_else(|| Failure::Unsupported(format!("{what}: PBE without parameters")))?;
    let der = der::Encode::to_der(&params).map_err(|e| malformed(what, e))?;
    let params =
        pkcs12::pbe_params::Pkcs12PbeParams::from_der(&der).map_err(|e| malformed(what, e))?;
    let iterations = u64::try_from(params.iterations).map_err(|_| {
        Failure::Malformed(crate::decode::DecodeError::new(
            what,
            None,
            der.len(),
            format!("the iteration count {} is negative", params.iterations),
        ))
    })?;
    // The KDF runs twice: once for the key, once for the IV.
    budget.spend(iterations.saturating_mul(2), what)?;
    let key_len = match scheme {
        Legacy::TripleDes3 => 24,
        Legacy::TripleDes2 => 16,
        Legacy::Rc2(bits) => bits / 8,
    };
    let salt = params.salt.as_bytes();
    let encodings = super::pkcs12::password_encodings(password).ok_or_else(|| {
        Failure::Unsupported(format!(
            "{what}: the password has characters outside the BMP"
        ))
    })?;
    // The empty password has two encodings (see `password_encodings`): the first whose
    // decryption ends in valid padding wins.
    let mut last = None;
    for encoded in &encodings {
        match legacy_with(
            scheme,
            salt,
            params.iterations,
            key_len,
            encoded,
            ciphertext,
            what,
        ) {
            Ok(plain) => return Ok(plain),
            Err(failure) => last = Some(failure),
        }
    }
    Err(last.unwrap_or_else(|| Failure::WrongPassword(format!("{what}: no password to try"))))
}

/// One decryption of a legacy PBE with the password already encoded for the PKCS#12 KDF.
fn legacy_with(
    scheme: Legacy,
    salt: &[u8],
    iterations: i32,
    key_len: usize,
    password: &[u8],
    ciphertext: &[u8],
    what: &str,
) -> Result<Zeroizing<Vec<u8>>, Failure> {
    use cbc::cipher::block_padding::Pkcs7;
    use cbc::cipher::{BlockModeDecrypt, InnerIvInit, KeyIvInit};
    use pkcs12::kdf::{derive_key, Pkcs12KeyType};

    let derive = |kind, len| {
        Zeroizing::new(derive_key::<sha1::Sha1>(
            password, salt, kind, iterations, len,
        ))
    };
    let key = derive(Pkcs12KeyType::EncryptionKey, key_len);
    let iv = derive(Pkcs12KeyType::Iv, 8);
    let wrong = || {
        Failure::WrongPassword(format!(
            "{what} did not decrypt (bad padding): the password is wrong"
        ))
    };
    let bad_key = || Failure::Unsupported(format!("{what}: derived key of unexpected length"));
    let plain = match scheme {
        Legacy::TripleDes3 => cbc::Decryptor::<des::TdesEde3>::new_from_slices(&key, &iv)
            .map_err(|_| bad_key())?
            .decrypt_padded_vec::<Pkcs7>(ciphertext),
        Legacy::TripleDes2 => cbc::Decryptor::<des::TdesEde2>::new_from_slices(&key, &iv)
            .map_err(|_| bad_key())?
            .decrypt_padded_vec::<Pkcs7>(ciphertext),
        Legacy::Rc2(bits) => {
            let cipher = rc2::Rc2::new_with_eff_key_len(&key, bits);
            cbc::Decryptor::<rc2::Rc2>::inner_iv_slice_init(cipher, &iv)
                .map_err(|_| bad_key())?
                .decrypt_padded_vec::<Pkcs7>(ciphertext)
        }
    };
    plain.map(Zeroizing::new).map_err(|_| wrong())
}
