//! Checks on the form of every certificate of the path: version, issuer name, extensions
//! (duplicates, unknown critical ones, decoding), the public key and the serial number.

use super::*;

/// Checks that apply to every certificate in the path, anchor included.
pub(super) fn every_certificate(
    recorder: &mut Recorder,
    index: usize,
    cert: &CertFacts<'_>,
    is_anchor: bool,
    is_leaf: bool,
    options: &VerifyOptions,
    web: bool,
) {
    validity::validity(recorder, index, cert, options);

    let tbs = cert.x509().tbs_certificate();
    let version = tbs.version();
    let result =
        if version != x509_cert::certificate::Version::V3 && (web || tbs.extensions().is_some()) {
            Err(ChainError::NotVersion3 {
                version: match version {
                    x509_cert::certificate::Version::V1 => 1,
                    x509_cert::certificate::Version::V2 => 2,
                    x509_cert::certificate::Version::V3 => 3,
                },
            })
        } else {
            Ok(format!("version {version:?}"))
        };
    recorder.record(CheckId::Version, index, result);

    if tbs.issuer().is_empty() {
        recorder.record(CheckId::IssuerName, index, Err(ChainError::EmptyIssuerName));
    }

    // Duplicate and unknown critical extensions.
    let all = ext::all(cert);
    let duplicate = all
        .iter()
        .enumerate()
        .find(|(i, e)| all.iter().skip(i + 1).any(|o| o.extn_id == e.extn_id));
    if let Some((_, e)) = duplicate {
        recorder.record(
            CheckId::DuplicateExtensions,
            index,
            Err(ChainError::DuplicateExtension {
                extension: crate::oid::name(&e.extn_id),
            }),
        );
    }
    let known = if options.profile.spec().purposes == PurposeRules::Openssl {
        OPENSSL_EXTENSIONS
    } else {
        KNOWN_EXTENSIONS
    };
    let unknown: Vec<&x509_cert::ext::Extension> = all
        .iter()
        .filter(|e| e.critical && !known.contains(&e.extn_id))
        .collect();
    let result = match unknown.first() {
        Some(e) => Err(ChainError::UnknownCriticalExtension {
            oid: crate::oid::dotted(&e.extn_id),
        }),
        None => Ok("no critical extension certscope does not process".to_string()),
    };
    recorder.record(CheckId::CriticalExtensions, index, result);

    // Known extensions must decode.
    let mut malformed = Vec::new();
    macro_rules! decodes {
        ($($t:ty),*) => {$(
            if let Lookup::Malformed { error, .. } = cert.find::<$t>() {
                malformed.push(error.to_string());
            }
        )*};
    }
    decodes!(
        BasicConstraints,
        KeyUsage,
        ExtendedKeyUsage,
        SubjectAltName,
        NameConstraints,
        AuthorityKeyIdentifier,
        SubjectKeyIdentifier,
        AuthorityInfoAccessSyntax,
        CertificatePolicies,
        PolicyConstraints,
        PolicyMappings,
        InhibitAnyPolicy
    );
    if let Some(problem) = malformed.first() {
        recorder.record(
            CheckId::ExtensionsDecode,
            index,
            Err(ChainError::MalformedExtension {
                problem: problem.clone(),
            }),
        );
    }
    if web {
        if let Some(true) = cert.find::<AuthorityInfoAccessSyntax>().critical() {
            recorder.record(
                CheckId::AuthorityInfoAccess,
                index,
                Err(ChainError::MustNotBeCritical {
                    extension: "authorityInfoAccess".to_owned(),
                }),
            );
        }
    }

    // keyCertSign without cA (RFC 5280 4.2.1.3, 4.2.1.9).
    if let Some(usage) = cert.key_usage() {
        if usage.0.contains(KeyUsages::KeyCertSign)
            && !cert.is_ca()
            && options.profile.spec().key_cert_sign_requires_ca
        {
            recorder.record(
                CheckId::KeyUsageConsistency,
                index,
                Err(ChainError::KeyUsage {
                    problem: "keyCertSign is asserted but basicConstraints cA is not".to_string(),
                }),
            );
        }
    }

    // The public key.
    let auth_level = options.auth_level();
    // An algorithm known only by its OID: OpenSSL does not load the key, and a key that does
    // not load has no security bits (check_key_level: X509_V_ERR_EE_KEY_TOO_SMALL).
    let unknown_algorithm = crate::oid::lookup(&cert.key().algorithm).is_none();
    let result = match crate::signature::certificate_key_algorithm(cert) {
        Err(SignatureError::UnsupportedKey { name, .. })
            if unknown_algorithm && auth_level.is_some_and(|level| level > 0) =>
        {
            Err(ChainError::KeyBelowAuthLevel {
                key: format!("{name} (an unknown algorithm: the key does not load)"),
                bits: 0,
                required: auth_level_bits(auth_level.unwrap_or_default()),
                level: auth_level.unwrap_or_default(),
            })
        }
        // A key that verifies nothing in the path (the target's) need not be one certscope
        // verifies with, in a profile that says so: an X25519 key-agreement leaf.
        Err(
            SignatureError::UnsupportedKey { name, .. }
            | SignatureError::LeftOut {
                algorithm: name, ..
            },
        ) if is_leaf && !options.profile.spec().unusable_leaf_key_fails => Ok(format!(
            "{name} key (not used to verify a signature in this path)"
        )),
        Err(e) => Err(ChainError::UnusableKey {
            problem: e.to_string(),
        }),
        Ok(key)
            if auth_level.is_some_and(|level| key_security_bits(key) < auth_level_bits(level)) =>
        {
            Err(ChainError::KeyBelowAuthLevel {
                key: key.to_string(),
                bits: key_security_bits(key),
                required: auth_level_bits(auth_level.unwrap_or_default()),
                level: auth_level.unwrap_or_default(),
            })
        }
        Ok(key @ KeyAlgorithm::Rsa { .. }) if auth_level.is_some() => Ok(key.to_string()),
        Ok(KeyAlgorithm::Rsa { bits }) if bits < options.minimum_rsa_bits => {
            Err(ChainError::RsaKeyTooSmall {
                bits,
                minimum: options.minimum_rsa_bits,
            })
        }
        Ok(KeyAlgorithm::Rsa { bits }) if web && bits % 8 != 0 => {
            Err(ChainError::RsaModulusNotBytes { bits })
        }
        Ok(KeyAlgorithm::Dsa { .. }) if web => Err(ChainError::DsaKeyInWebPki),
        Ok(KeyAlgorithm::Dsa { .. }) if options.profile.spec().dsa_refused => {
            Err(ChainError::DsaKeyRefused)
        }
        Ok(key @ KeyAlgorithm::Ec { .. }) => {
            if web && cert.key().kind == (crate::facts::KeyKind::Ec { curve: None }) {
                Err(ChainError::EcKeyWithoutNamedCurve)
            } else {
                Ok(key.to_string())
            }
        }
        Ok(key) => Ok(key.to_string()),
    };
    recorder.record(CheckId::PublicKey, index, result);

    if web && !is_anchor {
        let serial = tbs.serial_number().as_bytes();
        let result = if serial.len() > 20 {
            Err(ChainError::SerialNumberTooLong {
                bytes: serial.len(),
            })
        } else if serial.first().is_some_and(|b| b & 0x80 != 0) {
            Err(ChainError::NegativeSerialNumber)
        } else if serial.iter().all(|&b| b == 0) {
            Err(ChainError::ZeroSerialNumber)
        } else {
            Ok("positive, at most 20 bytes".to_string())
        };
        recorder.record(CheckId::SerialNumber, index, result);
    }
}

/// The security bits OpenSSL 3.0 assigns to a key (`EVP_PKEY_get_security_bits`): RSA by
/// `BN_security_bits`, EC half the order's size, Ed25519 128, DSA by `BN_security_bits(L, N)`:
/// the modulus's figure, capped at half of q's size, and 0 below 80.
pub(super) fn key_security_bits(key: KeyAlgorithm) -> u32 {
    use crate::signature::Curve;
    match key {
        KeyAlgorithm::Rsa { bits } => rsa_security_bits(bits),
        KeyAlgorithm::Ec { curve: Curve::P256 } => 128,
        KeyAlgorithm::Ec { curve: Curve::P384 } => 192,
        KeyAlgorithm::Ec { curve: Curve::P521 } => 260,
        KeyAlgorithm::Ed25519 => 128,
        KeyAlgorithm::Dsa {
            bits,
            subgroup_bits,
        } => {
            let half = u32::try_from(subgroup_bits / 2).unwrap_or(u32::MAX);
            match rsa_security_bits(bits) {
                0 => 0,
                _ if half < 80 => 0,
                modulus => modulus.min(half),
            }
        }
    }
}
