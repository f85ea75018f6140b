//! Verification profiles as data: each is a named selection and parameterisation of the chain
//! checks and of path building, and names the implementation and version it reproduces. A
//! profile for another TLS stack is one more entry in [`PROFILES`] (and one more arm of
//! [`Profile`]), not a fork of the checks.

use std::fmt;

/// Which rule set the certificates are held to, besides RFC 5280 section 6. Each is
/// described by its [`ProfileSpec`] ([`Profile::spec`]); every interface (the report, the CLI,
/// wasm) spells it by [`Profile::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Profile {
    /// The default: [`Profile::WebPki`] for a path that ends at a root of the public store
    /// ([`super::VerifyOptions::public_roots`]) or that asserts a CA/Browser Forum policy,
    /// [`Profile::Tls`] otherwise, with the Web PKI's findings reported beside the verdict
    /// ([`super::PathReport::web_pki_findings`]). Chosen per path ([`Profile::choose`]).
    Auto,
    /// RFC 5280 plus the CA/Browser Forum Baseline Requirements as browsers enforce them
    /// (subjectAltName required, key identifiers, key sizes, no SHA-1, ...).
    #[cfg_attr(feature = "serde", serde(alias = "web_pki"))]
    WebPki,
    /// RFC 5280 path validation only.
    Rfc5280,
    /// A private PKI as the common TLS stacks (OpenSSL, Go, rustls, Java) validate it: RFC 5280
    /// path validation without the CA/Browser Forum's rules, nameConstraints processed whether
    /// critical or not.
    Tls,
    /// OpenSSL 3.0's `openssl verify -purpose P`: its purpose rules (`X509_check_purpose`),
    /// its trust rules (a self-signed anchor, `TRUSTED CERTIFICATE` settings, partial chains
    /// only when asked), its authentication level and the extensions it processes.
    Openssl,
}

/// How a profile treats the purpose (extended key usage, key usage) of the certificates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PurposeRules {
    /// RFC 5280 4.2.1.12 with the options' [`super::EkuPolicy`]; the CA/B Forum's subscriber
    /// rules when the profile has [`ProfileSpec::web_pki`].
    Rfc5280,
    /// OpenSSL's `X509_check_purpose` on the target and, as a CA, on every issuer
    /// ([`crate::purpose::check_purpose`]).
    Openssl,
}

/// How a profile decides that the last certificate of a path anchors it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AnchorRules {
    /// Any certificate the caller trusts anchors a path (RFC 5280 6.1.1 (d): an anchor is a
    /// name and a key), unless its own trust settings reject the purpose.
    AnyTrusted,
    /// OpenSSL 3.0's `check_trust()`: a trusted certificate anchors a path when its trust
    /// settings trust the purpose, or it is self-signed and its settings do not reject it, or
    /// partial chains are allowed ([`super::VerifyOptions::partial_chain`]). Otherwise path
    /// building goes on past it, looking for its issuer.
    Openssl,
}

/// A verification profile: what it reproduces and how it parameterises the checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProfileSpec {
    /// The profile.
    pub profile: Profile,
    /// Its name, as the CLI, wasm and the report spell it.
    pub name: &'static str,
    /// The implementation (and version) or standard whose verdicts it reproduces.
    pub reproduces: &'static str,
    /// What it is, in one sentence.
    pub summary: &'static str,
    /// Whether the CA/Browser Forum rules apply (subscriber EKU, key identifiers, serial
    /// numbers, critical flags, SHA-224, RSA-PSS salt, host-name syntax).
    pub web_pki: bool,
    /// How purposes are judged.
    pub purposes: PurposeRules,
    /// How an anchor is accepted.
    pub anchors: AnchorRules,
    /// Whether a non-critical nameConstraints extension is refused (RFC 5280 4.2.1.10 "MUST
    /// be critical"); a profile that processes it anyway, as OpenSSL does, says false.
    pub name_constraints_must_be_critical: bool,
    /// Whether name constraints are applied as OpenSSL does: a dNSName constraint may start
    /// with a dot (subdomains only), and the target's subject CN is checked as a host name
    /// when its subjectAltName has no dNSName.
    pub openssl_name_constraints: bool,
    /// Whether keyCertSign without basicConstraints cA fails the certificate (RFC 5280
    /// 4.2.1.3); OpenSSL accepts it (a self-signed end entity with keyCertSign).
    pub key_cert_sign_requires_ca: bool,
    /// Whether a key certscope cannot verify with fails a certificate that signs nothing in
    /// the path (an X25519 end-entity key).
    pub unusable_leaf_key_fails: bool,
    /// The OpenSSL authentication level used when the options give none; `None` when the
    /// profile judges key sizes and digests by [`super::VerifyOptions::minimum_rsa_bits`] and
    /// [`super::VerifyOptions::allow_sha1`] instead.
    pub default_auth_level: Option<u8>,
}

/// Every profile, the default ([`Profile::Auto`]) first.
pub const PROFILES: &[ProfileSpec] = &[AUTO, WEBPKI, RFC5280, TLS, OPENSSL];

/// Chooses a profile per path; until it has, the strictest (Web PKI) parameters stand.
const AUTO: ProfileSpec = ProfileSpec {
    profile: Profile::Auto,
    name: "auto",
    reproduces: "`webpki` for a path to a public root or asserting a CA/Browser Forum \
                     policy, `tls` otherwise",
    summary: "the default: the Web PKI's rules where they bind, the common TLS stacks' verdict \
                  for a private PKI, with the Web PKI's findings beside it",
    ..WEBPKI
};

const TLS: ProfileSpec = ProfileSpec {
    profile: Profile::Tls,
    name: "tls",
    reproduces: "RFC 5280 path validation as OpenSSL, Go, rustls and Java apply it",
    summary: "a private PKI: what the common TLS stacks accept, without the CA/Browser Forum's \
                  rules",
    name_constraints_must_be_critical: false,
    ..RFC5280
};

const WEBPKI: ProfileSpec = ProfileSpec {
    profile: Profile::WebPki,
    name: "webpki",
    reproduces: "RFC 5280 and the CA/Browser Forum Baseline Requirements as browsers and \
                     rustls-webpki enforce them",
    summary: "the public Web PKI: what a browser accepts from a publicly trusted CA",
    web_pki: true,
    purposes: PurposeRules::Rfc5280,
    anchors: AnchorRules::AnyTrusted,
    name_constraints_must_be_critical: false,
    openssl_name_constraints: false,
    key_cert_sign_requires_ca: true,
    unusable_leaf_key_fails: true,
    default_auth_level: None,
};

const RFC5280: ProfileSpec = ProfileSpec {
    profile: Profile::Rfc5280,
    name: "rfc5280",
    reproduces: "RFC 5280 section 6 path validation",
    summary: "the standard alone, without Web PKI policy",
    web_pki: false,
    purposes: PurposeRules::Rfc5280,
    anchors: AnchorRules::AnyTrusted,
    name_constraints_must_be_critical: true,
    openssl_name_constraints: false,
    key_cert_sign_requires_ca: true,
    unusable_leaf_key_fails: true,
    default_auth_level: None,
};

const OPENSSL: ProfileSpec = ProfileSpec {
    profile: Profile::Openssl,
    name: "openssl",
    reproduces: "OpenSSL 3.0 `openssl verify` (X509_verify_cert)",
    summary: "what `openssl verify -purpose P` answers, with its trust settings, \
                  partial-chain and authentication-level options",
    web_pki: false,
    purposes: PurposeRules::Openssl,
    anchors: AnchorRules::Openssl,
    name_constraints_must_be_critical: false,
    openssl_name_constraints: true,
    key_cert_sign_requires_ca: false,
    unusable_leaf_key_fails: false,
    default_auth_level: Some(1),
};

impl Profile {
    /// The profile's description in [`PROFILES`].
    pub fn spec(self) -> &'static ProfileSpec {
        match self {
            Profile::Auto => &AUTO,
            Profile::WebPki => &WEBPKI,
            Profile::Rfc5280 => &RFC5280,
            Profile::Tls => &TLS,
            Profile::Openssl => &OPENSSL,
        }
    }

    /// The profile that judges a path: this one, except that [`Profile::Auto`] chooses
    /// [`Profile::WebPki`] when the path ends at a public root or asserts a CA/Browser Forum
    /// policy, and [`Profile::Tls`] otherwise. Gives the profile and why it applies.
    ///
    /// ```
    /// use certscope::chain::Profile;
    /// let (profile, _) = Profile::Auto.choose(false, None);
    /// assert_eq!(profile, Profile::Tls);
    /// let (profile, why) = Profile::Auto.choose(false, Some("2.23.140.1.2.1"));
    /// assert_eq!(profile, Profile::WebPki);
    /// assert!(why.contains("2.23.140.1.2.1"));
    /// assert_eq!(Profile::Rfc5280.choose(true, None).0, Profile::Rfc5280);
    /// ```
    pub fn choose(self, public_root: bool, policy_claim: Option<&str>) -> (Profile, String) {
        if self != Profile::Auto {
            return (self, "asked for".to_owned());
        }
        match (public_root, policy_claim) {
            (true, _) => (
                Profile::WebPki,
                "chosen: the path ends at a root of the public store".to_owned(),
            ),
            (false, Some(policy)) => (
                Profile::WebPki,
                format!("chosen: the path asserts the CA/Browser Forum policy {policy}"),
            ),
            (false, None) => (
                Profile::Tls,
                "chosen: the path ends at a root of no public store and asserts no CA/Browser \
                 Forum policy, so the common TLS stacks' verdict stands and the Web PKI's rules \
                 are findings beside it"
                    .to_owned(),
            ),
        }
    }

    /// The profile's name (`auto`, `webpki`, `rfc5280`, `tls`, `openssl`).
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The profile of that name.
    ///
    /// ```
    /// use certscope::chain::Profile;
    /// assert_eq!(Profile::parse("openssl"), Some(Profile::Openssl));
    /// assert_eq!(Profile::parse("openssl").unwrap().name(), "openssl");
    /// assert_eq!(Profile::parse("browser"), None);
    /// // The spelling of earlier reports is still read.
    /// assert_eq!(Profile::parse("web_pki"), Some(Profile::WebPki));
    /// ```
    pub fn parse(name: &str) -> Option<Profile> {
        if name == "web_pki" {
            return Some(Profile::WebPki);
        }
        PROFILES
            .iter()
            .find(|spec| spec.name == name)
            .map(|spec| spec.profile)
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The first CA/Browser Forum policy the certificate asserts: a reserved identifier
/// (2.23.140.1.x: TLS, code signing, S/MIME) or the EV policy of a CA of the Mozilla store
/// ([`crate::lint::EV_POLICIES`]). A certificate asserting one claims to be under the Baseline
/// Requirements, whatever root it chains to.
pub fn ca_browser_forum_policy(cert: &crate::Cert) -> Option<String> {
    let policies = crate::ext::find::<crate::ext::CertificatePolicies>(cert);
    policies.value()?.0.iter().find_map(|info| {
        let policy = info.policy_identifier.to_string();
        (policy.starts_with("2.23.140.1.") || crate::lint::EV_POLICIES.contains(&policy.as_str()))
            .then_some(policy)
    })
}

/// The minimum security bits of OpenSSL's authentication levels 1 to 5 (`minbits_table` in
/// `crypto/x509/x509_vfy.c`); level 0 asks nothing.
pub fn auth_level_bits(level: u8) -> u32 {
    match level {
        0 => 0,
        1 => 80,
        2 => 112,
        3 => 128,
        4 => 192,
        _ => 256,
    }
}

/// The security bits OpenSSL 3.0 assigns to an RSA modulus (`BN_security_bits`).
pub fn rsa_security_bits(bits: usize) -> u32 {
    match bits {
        15360.. => 256,
        7680.. => 192,
        3072.. => 128,
        2048.. => 112,
        1024.. => 80,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_has_one_entry_with_its_own_name() {
        for profile in [
            Profile::Auto,
            Profile::WebPki,
            Profile::Rfc5280,
            Profile::Tls,
            Profile::Openssl,
        ] {
            let matching: Vec<_> = PROFILES.iter().filter(|s| s.profile == profile).collect();
            assert_eq!(matching.len(), 1, "{profile:?}");
            assert_eq!(Profile::parse(profile.name()), Some(profile));
        }
    }
}
