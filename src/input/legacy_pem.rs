//! OpenSSL's legacy PEM encryption of private keys (RFC 1421 headers as OpenSSL writes them):
//!
//! ```text
//! -----BEGIN RSA PRIVATE KEY-----
//! Proc-Type: 4,ENCRYPTED
//! DEK-Info: AES-256-CBC,<IV in hex>
//!
//! <base64 of the CBC-encrypted DER, PKCS#7 padding>
//! -----END RSA PRIVATE KEY-----
//! ```
//!
//! The key is OpenSSL's `EVP_BytesToKey` with MD5, one iteration, and the first 8 bytes of the
//! IV as salt: `D1 = MD5(password || salt)`, `Di = MD5(Di-1 || password || salt)`, the key being
//! the first bytes of `D1 || D2 || ...`. Ciphers: DES-CBC, DES-EDE3-CBC, AES-128-CBC,
//! AES-192-CBC, AES-256-CBC (what `openssl rsa|ec|dsa -des|-des3|-aes128|-aes192|-aes256`
//! write).

use md5::{Digest, Md5};
use zeroize::Zeroizing;

use super::Failure;

/// A cipher of `DEK-Info`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cipher {
    Des,
    TripleDes,
    Aes128,
    Aes192,
    Aes256,
}

impl Cipher {
    fn from_name(name: &str) -> Option<Cipher> {
        Some(match name.to_ascii_uppercase().as_str() {
            "DES-CBC" => Cipher::Des,
            "DES-EDE3-CBC" => Cipher::TripleDes,
            "AES-128-CBC" => Cipher::Aes128,
            "AES-192-CBC" => Cipher::Aes192,
            "AES-256-CBC" => Cipher::Aes256,
            _ => return None,
        })
    }

    fn key_len(self) -> usize {
        match self {
            Cipher::Des => 8,
            Cipher::TripleDes | Cipher::Aes192 => 24,
            Cipher::Aes128 => 16,
            Cipher::Aes256 => 32,
        }
    }

    fn iv_len(self) -> usize {
        match self {
            Cipher::Des | Cipher::TripleDes => 8,
            _ => 16,
        }
    }
}

/// `EVP_BytesToKey(cipher, MD5, salt, password, 1)`'s key.
fn bytes_to_key(password: &[u8], salt: &[u8], len: usize) -> Zeroizing<Vec<u8>> {
    let mut key = Zeroizing::new(Vec::with_capacity(len + 16));
    let mut previous: Option<Zeroizing<[u8; 16]>> = None;
    while key.len() < len {
        let mut md5 = Md5::new();
        if let Some(previous) = &previous {
            md5.update(previous.as_slice());
        }
        md5.update(password);
        md5.update(salt);
        let block = Zeroizing::new(<[u8; 16]>::from(md5.finalize()));
        key.extend_from_slice(block.as_slice());
        previous = Some(block);
    }
    key.truncate(len);
    key
}

/// Decrypts the body of a block with `DEK-Info: <dek_info>`.
pub(crate) fn decrypt(
    dek_info: &str,
    ciphertext: &[u8],
    password: &str,
    what: &str,
) -> Result<Zeroizing<Vec<u8>>, Failure> {
    use cbc::cipher::block_padding::Pkcs7;
    use cbc::cipher::{BlockModeDecrypt, KeyIvInit};

    let (name, iv_hex) = dek_info.split_once(',').unwrap_or((dek_info, ""));
    let cipher = Cipher::from_name(name.trim()).ok_or_else(|| {
        Failure::Unsupported(format!(
            "{what} is encrypted with {}, a legacy PEM cipher certscope does not decrypt \
             (DES-CBC, DES-EDE3-CBC and AES-128/192/256-CBC are read)",
            name.trim()
        ))
    })?;
    let iv = base16ct::mixed::decode_vec(iv_hex.trim().as_bytes())
        .ok()
        .filter(|iv| iv.len() == cipher.iv_len())
        .ok_or_else(|| {
            Failure::Malformed(crate::decode::DecodeError::new(
                "DEK-Info",
                None,
                dek_info.len(),
                format!(
                    "the IV \"{}\" is not {} bytes of hex",
                    iv_hex.trim(),
                    cipher.iv_len()
                ),
            ))
        })?;
    let salt = iv.get(..8).unwrap_or_default();
    let key = bytes_to_key(password.as_bytes(), salt, cipher.key_len());
    let bad_key = || Failure::Unsupported(format!("{what}: derived key of unexpected length"));
    let plain = match cipher {
        Cipher::Des => cbc::Decryptor::<des::Des>::new_from_slices(&key, &iv)
            .map_err(|_| bad_key())?
            .decrypt_padded_vec::<Pkcs7>(ciphertext),
        Cipher::TripleDes => cbc::Decryptor::<des::TdesEde3>::new_from_slices(&key, &iv)
            .map_err(|_| bad_key())?
            .decrypt_padded_vec::<Pkcs7>(ciphertext),
        Cipher::Aes128 => cbc::Decryptor::<aes::Aes128>::new_from_slices(&key, &iv)
            .map_err(|_| bad_key())?
            .decrypt_padded_vec::<Pkcs7>(ciphertext),
        Cipher::Aes192 => cbc::Decryptor::<aes::Aes192>::new_from_slices(&key, &iv)
            .map_err(|_| bad_key())?
            .decrypt_padded_vec::<Pkcs7>(ciphertext),
        Cipher::Aes256 => cbc::Decryptor::<aes::Aes256>::new_from_slices(&key, &iv)
            .map_err(|_| bad_key())?
            .decrypt_padded_vec::<Pkcs7>(ciphertext),
    };
    plain.map(Zeroizing::new).map_err(|_| {
        Failure::WrongPassword(format!(
            "{what} did not decrypt (bad padding): the password is wrong"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_to_key_is_openssls() {
        // `openssl enc -aes-256-cbc -P -md md5 -pass pass:secret -S 0001020304050607` prints
        // key=035FB8145B73CF111570DC936112BE9C375A5D3D8B915BC213BDBEF9DBFB7851.
        let key = bytes_to_key(b"secret", &[0, 1, 2, 3, 4, 5, 6, 7], 32);
        assert_eq!(
            crate::cert::hex(&key),
            "035fb8145b73cf111570dc936112be9c375a5d3d8b915bc213bdbef9dbfb7851"
        );
        let short = bytes_to_key(b"secret", &[0, 1, 2, 3, 4, 5, 6, 7], 16);
        assert_eq!(short.as_slice(), key.get(..16).unwrap_or_default());
    }
}
