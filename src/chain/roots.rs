//! The Mozilla root store bundled through `webpki-root-certs`.

/// The Mozilla root store bundled through `webpki-root-certs`: the roots' DER and the crate
/// version they come from.
pub fn mozilla_roots() -> (Vec<&'static [u8]>, &'static str) {
    (
        webpki_root_certs::TLS_SERVER_ROOT_CERTS
            .iter()
            .map(|c| c.as_ref())
            .collect(),
        MOZILLA_ROOTS_VERSION,
    )
}

/// The SHA-256 fingerprints (hex) of the bundled Mozilla roots, for
/// [`super::VerifyOptions::public_roots`].
pub fn mozilla_root_fingerprints() -> Vec<String> {
    use sha2::Digest;
    webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|c| crate::cert::hex(&sha2::Sha256::digest(c.as_ref())))
        .collect()
}

/// The version of `webpki-root-certs` bundled.
pub const MOZILLA_ROOTS_VERSION: &str = "webpki-root-certs 1.0.11";

#[cfg(test)]
mod tests {
    #[test]
    fn bundled_roots_decode_and_name_their_version() {
        let (roots, version) = super::mozilla_roots();
        assert!(roots.len() > 100);
        for der in roots {
            crate::Cert::from_der(der).unwrap();
        }
        let lock = include_str!("../../Cargo.lock");
        let exact = version.trim_start_matches("webpki-root-certs ");
        assert!(
            lock.contains(&format!(
                "name = \"webpki-root-certs\"\nversion = \"{exact}\""
            )),
            "Cargo.lock does not hold {version}"
        );
    }
}
