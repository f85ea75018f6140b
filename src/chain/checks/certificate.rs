//! Checks on the form of every certificate of the path: version, issuer name, extensions
//! (duplicates, unknown critical ones, decoding), the public key and the serial number.

use super::*;

/// Checks that apply to every certificate in the path, anchor included.
pub(super) fn every_certificate(
    recorder: &mut Recorder,
    index: usize,
    cert: &Checked<'_>,
    is_anchor: bool,
    options: &VerifyOptions,
    web: bool,
) {
    validity::validity(recorder, index, cert, options);

    let tbs = cert.x509().tbs_certificate();
    let version = tbs.version();
    let result =
        if version != x509_cert::certificate::Version::V3 && (web || tbs.extensions().is_some()) {
            Err(profile_error(format!(
                "version {version:?}: certificates must be v3"
            )))
        } else {
            Ok(format!("version {version:?}"))
        };
    recorder.record("version", index, "RFC 5280 4.1.2.1, CA/B BR 7.1.1", result);

    if tbs.issuer().is_empty() {
        recorder.record(
            "issuer_name",
            index,
            "RFC 5280 4.1.2.4",
            Err(profile_error("the issuer name is empty")),
        );
    }

    // Duplicate and unknown critical extensions.
    let all = ext::all(cert);
    let duplicate = all
        .iter()
        .enumerate()
        .find(|(i, e)| all.iter().skip(i + 1).any(|o| o.extn_id == e.extn_id));
    if let Some((_, e)) = duplicate {
        recorder.record(
            "duplicate_extensions",
            index,
            "RFC 5280 4.2",
            Err(profile_error(format!(
                "extension {} appears twice",
                crate::oid::name(&e.extn_id)
            ))),
        );
    }
    let unknown: Vec<&x509_cert::ext::Extension> = all
        .iter()
        .filter(|e| e.critical && !KNOWN_EXTENSIONS.contains(&e.extn_id))
        .collect();
    let result = match unknown.first() {
        Some(e) => Err(ChainError::UnknownCriticalExtension {
            oid: e.extn_id.to_string(),
        }),
        None => Ok("no critical extension certscope does not process".to_string()),
    };
    recorder.record(
        "critical_extensions",
        index,
        "RFC 5280 4.2, 6.1.4 (o)",
        result,
    );

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
            "extensions_decode",
            index,
            "RFC 5280 4.2",
            Err(profile_error(problem.clone())),
        );
    }
    if web {
        if let Some(true) = cert.find::<AuthorityInfoAccessSyntax>().critical() {
            recorder.record(
                "authority_info_access",
                index,
                "RFC 5280 4.2.2.1",
                Err(profile_error("authorityInfoAccess must not be critical")),
            );
        }
    }

    // keyCertSign without cA (RFC 5280 4.2.1.3, 4.2.1.9).
    if let Some(usage) = cert.key_usage() {
        if usage.0.contains(KeyUsages::KeyCertSign) && !cert.is_ca() {
            recorder.record(
                "key_usage_consistency",
                index,
                "RFC 5280 4.2.1.3",
                Err(ChainError::KeyUsage {
                    problem: "keyCertSign is asserted but basicConstraints cA is not".to_string(),
                }),
            );
        }
    }

    // The public key.
    let spki = tbs.subject_public_key_info();
    let result = match crate::signature::certificate_key_algorithm(cert) {
        Err(e) => Err(profile_error(format!("public key: {e}"))),
        Ok(KeyAlgorithm::Rsa { bits }) if bits < options.minimum_rsa_bits => {
            Err(profile_error(format!(
                "RSA key of {bits} bits, fewer than {}",
                options.minimum_rsa_bits
            )))
        }
        Ok(KeyAlgorithm::Rsa { bits }) if web && bits % 8 != 0 => Err(profile_error(format!(
            "RSA modulus of {bits} bits is not a multiple of 8"
        ))),
        Ok(key @ KeyAlgorithm::Ec { .. }) => {
            if web
                && spki
                    .algorithm
                    .parameters
                    .as_ref()
                    .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
                    .is_none()
            {
                Err(profile_error("EC key without a named curve"))
            } else {
                Ok(key.to_string())
            }
        }
        Ok(key) => Ok(key.to_string()),
    };
    recorder.record("public_key", index, "CA/B BR 6.1.5, 7.1.3.1", result);

    if web && !is_anchor {
        let serial = tbs.serial_number().as_bytes();
        let result = if serial.len() > 20 {
            Err(profile_error(format!(
                "serial number of {} bytes, more than 20",
                serial.len()
            )))
        } else if serial.first().is_some_and(|b| b & 0x80 != 0) {
            Err(profile_error("negative serial number"))
        } else if serial.iter().all(|&b| b == 0) {
            Err(profile_error("serial number is zero"))
        } else {
            Ok("positive, at most 20 bytes".to_string())
        };
        recorder.record("serial_number", index, "RFC 5280 4.1.2.2", result);
    }
}
