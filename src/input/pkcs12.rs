//! PKCS#12 (`.p12`, `.pfx`): the certificates, CRLs and keys inside, in both the modern
//! encoding (PBES2/PBKDF2/AES-CBC, HMAC-SHA-256 MAC) and the legacy one (PKCS#12 PBE with 3DES
//! or RC2, HMAC-SHA-1 MAC). The MAC is checked first, so a wrong password is reported as such
//! rather than as garbage.

use der::asn1::OctetString;
use der::{Decode, Encode};
use hmac::{Hmac, KeyInit, Mac};
use zeroize::Zeroizing;

use super::der::{decode_located, read_exact};
use super::key::{self, KeyFormat};
use super::{pbe, ContainerFormat, Context, Failure, Object, Origin};
use crate::decode::DecodeError;
use crate::input::Crl;

const ID_DATA: &str = "1.2.840.113549.1.7.1";
const ID_ENCRYPTED_DATA: &str = "1.2.840.113549.1.7.6";
const KEY_BAG: &str = "1.2.840.113549.1.12.10.1.1";
const SHROUDED_KEY_BAG: &str = "1.2.840.113549.1.12.10.1.2";
const CERT_BAG: &str = "1.2.840.113549.1.12.10.1.3";
const CRL_BAG: &str = "1.2.840.113549.1.12.10.1.4";
const X509_CERTIFICATE: &str = "1.2.840.113549.1.9.22.1";
const X509_CRL: &str = "1.2.840.113549.1.9.23.1";

fn malformed(structure: &str, length: usize) -> impl Fn(der::Error) -> Failure + '_ {
    move |e| Failure::Malformed(DecodeError::from_der(structure, length, e))
}

/// Reads a PFX.
///
/// ```text
/// PFX ::= SEQUENCE {
///     version     INTEGER {v3(3)}(v3,...),
///     authSafe    ContentInfo,
///     macData     MacData OPTIONAL }
///
/// AuthenticatedSafe ::= SEQUENCE OF ContentInfo
///     -- Data if unencrypted
///     -- EncryptedData if password-encrypted
///     -- EnvelopedData if public key-encrypted
/// ```
/// ([RFC 7292 4, 4.1](https://www.rfc-editor.org/rfc/rfc7292#section-4))
pub(crate) fn read(context: &mut Context<'_>, der: &[u8], origin: &Origin) -> Result<(), Failure> {
    let pfx: pkcs12::Pfx = decode_located(der, "PKCS#12 PFX")?;
    if pfx.auth_safe.content_type.to_string() != ID_DATA {
        return Err(Failure::Unsupported(
            "a PKCS#12 file in public-key integrity mode (SignedData), which certscope does not read".into(),
        ));
    }
    let auth_safe = pfx
        .auth_safe
        .content
        .decode_as::<OctetString>()
        .map_err(malformed("PKCS#12 authSafe", der.len()))?;
    let given = context.password().map(|p| Zeroizing::new(p.to_owned()));
    let password: Zeroizing<String> = given.clone().unwrap_or_default();
    let password_given = given.is_some();
    if let Some(mac) = &pfx.mac_data {
        verify_mac(
            context,
            mac,
            auth_safe.as_bytes(),
            &password,
            password_given,
        )?;
    }
    let safes = pkcs12::AuthenticatedSafe::from_der(auth_safe.as_bytes()).map_err(malformed(
        "PKCS#12 AuthenticatedSafe",
        auth_safe.as_bytes().len(),
    ))?;
    let mut position = 0usize;
    for safe in safes {
        let content_type = safe.content_type.to_string();
        let contents: Result<Zeroizing<Vec<u8>>, Failure> = match content_type.as_str() {
            ID_DATA => safe
                .content
                .decode_as::<OctetString>()
                .map(|os| Zeroizing::new(os.as_bytes().to_vec()))
                .map_err(malformed("PKCS#12 SafeContents", 0)),
            ID_ENCRYPTED_DATA => decrypt_safe(context, &safe.content, &password, password_given),
            _ => Err(Failure::Unsupported(format!(
                "a PKCS#12 safe of type {}, which certscope does not open",
                crate::oid::name(&safe.content_type)
            ))),
        };
        match contents {
            Ok(contents) => read_bags(
                context,
                &contents,
                origin,
                &mut position,
                &password,
                password_given,
            ),
            Err(failure) => {
                context.problem(
                    origin.inside(ContainerFormat::Pkcs12, position, None),
                    failure,
                );
                position += 1;
            }
        }
    }
    Ok(())
}

/// `MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }`
/// (RFC 7292 4), the key derived as in RFC 7292 appendix B with ID 3.
fn verify_mac(
    context: &mut Context<'_>,
    mac: &pkcs12::MacData,
    data: &[u8],
    password: &str,
    password_given: bool,
) -> Result<(), Failure> {
    let iterations = u64::try_from(mac.iterations).map_err(|_| {
        Failure::Malformed(DecodeError::new(
            "PKCS#12 MacData",
            None,
            0,
            format!("the MAC iteration count {} is negative", mac.iterations),
        ))
    })?;
    context.budget().spend(iterations, "the PKCS#12 MAC")?;
    let salt = mac.mac_salt.as_bytes();
    let expected = mac.mac.digest.as_bytes();
    let rounds = mac.iterations;
    let check: MacCheck = match mac.mac.algorithm.oid.to_string().as_str() {
        "1.3.14.3.2.26" => hmac_matches::<sha1::Sha1>,
        "2.16.840.1.101.3.4.2.1" => hmac_matches::<sha2::Sha256>,
        "2.16.840.1.101.3.4.2.2" => hmac_matches::<sha2::Sha384>,
        "2.16.840.1.101.3.4.2.3" => hmac_matches::<sha2::Sha512>,
        _ => {
            return Err(Failure::Unsupported(format!(
                "the PKCS#12 MAC uses {}, which certscope does not check",
                crate::oid::name(&mac.mac.algorithm.oid)
            )))
        }
    };
    let verified = password_encodings(password)
        .ok_or_else(outside_bmp)?
        .iter()
        .any(|encoded| check(encoded, salt, rounds, data, expected));
    match (verified, password_given) {
        (true, _) => Ok(()),
        (false, true) => Err(Failure::WrongPassword(
            "the PKCS#12 integrity check (MAC) fails with this password: the password is wrong"
                .into(),
        )),
        (false, false) => Err(Failure::PasswordRequired(
            "the PKCS#12 file is protected by a password, and the empty password does not open it"
                .into(),
        )),
    }
}

/// The password as the PKCS#12 key derivation takes it (RFC 7292 B.1): a BMPString with its
/// two-byte terminator. The empty password is also tried as zero bytes, the way several tools
/// and older library versions derived it; OpenSSL tries both too. `None` when the password has
/// characters outside the BMP.
pub(crate) fn password_encodings(password: &str) -> Option<Vec<Zeroizing<Vec<u8>>>> {
    let bmp = der::asn1::BmpString::from_utf8(password).ok()?;
    let mut terminated = Zeroizing::new(bmp.into_bytes().to_vec());
    terminated.extend([0u8; 2]);
    let mut encodings = vec![terminated];
    if password.is_empty() {
        encodings.push(Zeroizing::new(Vec::new()));
    }
    Some(encodings)
}

fn outside_bmp() -> Failure {
    Failure::Unsupported(
        "the password has characters outside the Basic Multilingual Plane, which PKCS#12 \
         cannot encode"
            .into(),
    )
}

/// HMAC check of `data` against `expected`: (encoded password, salt, rounds, data, expected).
type MacCheck = fn(&[u8], &[u8], i32, &[u8], &[u8]) -> bool;

fn hmac_matches<D>(password: &[u8], salt: &[u8], rounds: i32, data: &[u8], expected: &[u8]) -> bool
where
    D: hmac::digest::Digest
        + hmac::digest::FixedOutputReset
        + hmac::digest::block_api::BlockSizeUser
        + hmac::EagerHash,
{
    let size = <D as hmac::digest::Digest>::output_size();
    let key = Zeroizing::new(pkcs12::kdf::derive_key::<D>(
        password,
        salt,
        pkcs12::kdf::Pkcs12KeyType::Mac,
        rounds,
        size,
    ));
    let Ok(mut mac) = <Hmac<D> as KeyInit>::new_from_slice(&key) else {
        return false;
    };
    mac.update(data);
    mac.verify_slice(expected).is_ok()
}

/// ```text
/// EncryptedData ::= SEQUENCE {
///   version CMSVersion,
///   encryptedContentInfo EncryptedContentInfo,
///   unprotectedAttrs [1] IMPLICIT UnprotectedAttributes OPTIONAL }
/// ```
/// (RFC 5652 8)
fn decrypt_safe(
    context: &mut Context<'_>,
    content: &der::Any,
    password: &str,
    password_given: bool,
) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let what = "an encrypted PKCS#12 safe";
    let data = content
        .decode_as::<cms::encrypted_data::EncryptedData>()
        .map_err(malformed("PKCS#12 EncryptedData", 0))?;
    let info = data.enc_content_info;
    let ciphertext = info
        .encrypted_content
        .map(|c| c.as_bytes().to_vec())
        .unwrap_or_default();
    let algorithm_der = info
        .content_enc_alg
        .to_der()
        .map_err(malformed("PKCS#12 EncryptedData", 0))?;
    let algorithm = spki::AlgorithmIdentifierRef::from_der(&algorithm_der)
        .map_err(malformed("PKCS#12 EncryptedData", 0))?;
    pbe::decrypt(&algorithm, &ciphertext, password, context.budget(), what)
        .map_err(|f| not_given(f, password_given))
}

/// Without a password, "wrong password" means "a password is needed".
fn not_given(failure: Failure, password_given: bool) -> Failure {
    match failure {
        Failure::WrongPassword(_) if !password_given => Failure::PasswordRequired(
            "the PKCS#12 contents are encrypted with a password, and the empty password does not open them".into(),
        ),
        other => other,
    }
}

/// ```text
/// SafeContents ::= SEQUENCE OF SafeBag
/// SafeBag ::= SEQUENCE {
///     bagId          BAG-TYPE.&id ({PKCS12BagSet}),
///     bagValue       [0] EXPLICIT BAG-TYPE.&Type({PKCS12BagSet}{@bagId}),
///     bagAttributes  SET OF PKCS12Attribute OPTIONAL }
/// ```
/// (RFC 7292 4.2)
fn read_bags(
    context: &mut Context<'_>,
    contents: &[u8],
    origin: &Origin,
    position: &mut usize,
    password: &str,
    password_given: bool,
) {
    let bags = match pkcs12::safe_bag::SafeContents::from_der(contents) {
        Ok(bags) => bags,
        Err(e) => {
            let here = origin.inside(ContainerFormat::Pkcs12, *position, None);
            *position += 1;
            return context.problem(here, malformed("PKCS#12 SafeContents", contents.len())(e));
        }
    };
    for mut bag in bags {
        let here = origin.inside(ContainerFormat::Pkcs12, *position, None);
        *position += 1;
        let result = read_bag(context, &bag, password, password_given);
        // A key bag holds the key in the clear.
        zeroize::Zeroize::zeroize(&mut bag.bag_value);
        match result {
            Ok(object) => context.found(here, object),
            Err(failure) => context.problem(here, failure),
        }
    }
}

fn read_bag(
    context: &mut Context<'_>,
    bag: &pkcs12::SafeBag,
    password: &str,
    password_given: bool,
) -> Result<Object, Failure> {
    let value = read_exact(&bag.bag_value, 0, "PKCS#12 SafeBag")?.content;
    let value = Zeroizing::new(value.to_vec());
    let object = match bag.bag_id.to_string().as_str() {
        CERT_BAG => {
            let cert_bag = pkcs12::CertBag::from_der(&value)
                .map_err(malformed("PKCS#12 CertBag", value.len()))?;
            if cert_bag.cert_id.to_string() != X509_CERTIFICATE {
                return Err(Failure::Unsupported(format!(
                    "a certificate bag of type {}, which certscope does not read",
                    crate::oid::name(&cert_bag.cert_id)
                )));
            }
            Object::Certificate(Box::new(super::decode_certificate(
                cert_bag.cert_value.as_bytes(),
            )?))
        }
        CRL_BAG => {
            let crl_bag = pkcs12::CrlBag::from_der(&value)
                .map_err(malformed("PKCS#12 CRLBag", value.len()))?;
            if crl_bag.crl_id.to_string() != X509_CRL {
                return Err(Failure::Unsupported(
                    "a CRL bag that is not an X.509 CRL".into(),
                ));
            }
            Object::Crl(Box::new(Crl::from_der(crl_bag.crl_value.as_bytes())?))
        }
        KEY_BAG => Object::PrivateKey(Box::new(key::from_pkcs8(&value, KeyFormat::Pkcs8)?)),
        SHROUDED_KEY_BAG => {
            let key = context
                .encrypted_key_with(&value, Some(password))
                .map_err(|f| not_given(f, password_given))?;
            Object::PrivateKey(Box::new(key))
        }
        _ => {
            return Err(Failure::Unsupported(format!(
                "a PKCS#12 bag of type {}, which certscope does not read",
                crate::oid::name(&bag.bag_id)
            )))
        }
    };
    Ok(object)
}
