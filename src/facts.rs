//! Facts about one certificate that the chain checks, the lints, the roles, the purposes and
//! the report all ask, computed once per certificate and kept with it (`CertFacts`). Where
//! they ask different questions under the same word, each question has its own name here, and
//! nothing else in the crate answers it again.
//!
//! "Self-issued" is the case in point: RFC 5280 path validation, OpenSSL and the report's
//! field each mean something else by it, and a certificate whose subject and issuer differ
//! only in case or string type is self-issued for the first two and not for the third. The
//! key kind is another: an `id-RSASSA-PSS` key is RSA for key usage and not for the BR's key
//! table ([`KeyFacts`]).

use std::sync::OnceLock;

use const_oid::AssociatedOid;
use der::asn1::ObjectIdentifier;
use der::DecodeOwned;
use x509_cert::ext::pkix::IssuerAltName;

use crate::cert::Cert;
use crate::ext::{
    self, AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies,
    CrlDistributionPoints, ExtendedKeyUsage, InhibitAnyPolicy, KeyUsage, Lookup, NameConstraints,
    PolicyConstraints, PolicyMappings, SubjectAltName, SubjectKeyIdentifier,
};
use crate::purpose::OpensslView;

/// What is known about one certificate, each fact computed on first use and kept with the
/// certificate ([`Cert::facts`]): however many paths, lints, roles and purposes ask, every
/// extension below is decoded once, the names are compared once per meaning of self-issued,
/// the key is read once and OpenSSL's view is built once.
///
/// Reading it is free after the first time; a certificate that is only listed or matched by
/// name never pays for it.
///
/// Not kept here: the verifier's reading of the key
/// ([`crate::signature::certificate_key_algorithm`]), whose decoded key the certificate keeps
/// already; keeping the result as well measured 261 bytes gzipped more wasm.
#[derive(Clone, Copy)]
pub(crate) struct CertFacts<'a> {
    cert: &'a Cert,
    kept: &'a Kept,
}

/// Where [`CertFacts`] keeps what it computed, inside the [`Cert`].
///
/// A clone starts empty and computes again on first use, and `Debug` shows no facts: deriving
/// both would compile every kept type's `Clone` and `Debug` into the wasm module, for the
/// certificate's own `Clone` and `Debug` (2,784 bytes gzipped, measured).
#[derive(Default)]
pub(crate) struct Kept {
    basic_constraints: OnceLock<Lookup<BasicConstraints>>,
    key_usage: OnceLock<Lookup<KeyUsage>>,
    extended_key_usage: OnceLock<Lookup<ExtendedKeyUsage>>,
    subject_alt_name: OnceLock<Lookup<SubjectAltName>>,
    name_constraints: OnceLock<Lookup<NameConstraints>>,
    authority_key_identifier: OnceLock<Lookup<AuthorityKeyIdentifier>>,
    subject_key_identifier: OnceLock<Lookup<SubjectKeyIdentifier>>,
    authority_info_access: OnceLock<Lookup<AuthorityInfoAccessSyntax>>,
    crl_distribution_points: OnceLock<Lookup<CrlDistributionPoints>>,
    certificate_policies: OnceLock<Lookup<CertificatePolicies>>,
    policy_constraints: OnceLock<Lookup<PolicyConstraints>>,
    policy_mappings: OnceLock<Lookup<PolicyMappings>>,
    inhibit_any_policy: OnceLock<Lookup<InhibitAnyPolicy>>,
    issuer_alt_name: OnceLock<Lookup<IssuerAltName>>,
    self_issued: OnceLock<bool>,
    key: OnceLock<KeyFacts>,
    openssl: OnceLock<OpensslView>,
}

impl Clone for Kept {
    fn clone(&self) -> Kept {
        Kept::default()
    }
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept").finish_non_exhaustive()
    }
}

/// An extension the facts layer decodes, and where its decode is kept.
pub(crate) trait FactExtension:
    AssociatedOid + DecodeOwned<Error = der::Error> + Sized
{
    /// The cell that keeps this extension's [`ext::find`].
    fn cell(kept: &Kept) -> &OnceLock<Lookup<Self>>;
}

macro_rules! fact_extensions {
    ($($type:ty => $field:ident),* $(,)?) => {$(
        impl FactExtension for $type {
            fn cell(kept: &Kept) -> &OnceLock<Lookup<Self>> {
                &kept.$field
            }
        }
    )*};
}

fact_extensions!(
    BasicConstraints => basic_constraints,
    KeyUsage => key_usage,
    ExtendedKeyUsage => extended_key_usage,
    SubjectAltName => subject_alt_name,
    NameConstraints => name_constraints,
    AuthorityKeyIdentifier => authority_key_identifier,
    SubjectKeyIdentifier => subject_key_identifier,
    AuthorityInfoAccessSyntax => authority_info_access,
    CrlDistributionPoints => crl_distribution_points,
    CertificatePolicies => certificate_policies,
    PolicyConstraints => policy_constraints,
    PolicyMappings => policy_mappings,
    InhibitAnyPolicy => inhibit_any_policy,
    IssuerAltName => issuer_alt_name,
);

impl<'a> CertFacts<'a> {
    /// The facts of `cert`, kept in `kept` (which [`Cert::facts`] owns).
    pub(crate) fn new(cert: &'a Cert, kept: &'a Kept) -> CertFacts<'a> {
        CertFacts { cert, kept }
    }

    /// The extension of type `T` ([`ext::find`]), decoded on first use.
    pub(crate) fn find<T: FactExtension>(&self) -> &'a Lookup<T> {
        T::cell(self.kept).get_or_init(|| ext::find::<T>(self.cert))
    }

    /// Whether basicConstraints is present, decodes and says cA TRUE (RFC 5280 4.2.1.9).
    pub(crate) fn is_ca(&self) -> bool {
        matches!(self.find::<BasicConstraints>(), Lookup::Present { value, .. } if value.ca)
    }

    /// The keyUsage bits, when the extension is present and decodes.
    pub(crate) fn key_usage(&self) -> Option<KeyUsage> {
        self.find::<KeyUsage>().value().copied()
    }

    /// The extendedKeyUsage OIDs, when the extension is present and decodes.
    pub(crate) fn extended_key_usage(&self) -> Option<&'a [ObjectIdentifier]> {
        self.find::<ExtendedKeyUsage>()
            .value()
            .map(|usage| usage.0.as_slice())
    }

    /// The subject public key as read leniently ([`KeyFacts::of`]).
    pub(crate) fn key(&self) -> &'a KeyFacts {
        self.kept.key.get_or_init(|| KeyFacts::of(self.cert))
    }

    /// [`self_issued`]: RFC 5280's meaning, path validation's.
    pub(crate) fn self_issued(&self) -> bool {
        *self.kept.self_issued.get_or_init(|| self_issued(self.cert))
    }

    /// Records [`CertFacts::self_issued`] when path building already knows it from its name
    /// keys ([`crate::chain::names::names_match`] is the equality of those keys).
    pub(crate) fn know_self_issued(&self, self_issued: bool) {
        let _ = self.kept.self_issued.set(self_issued);
    }

    /// What OpenSSL caches about the certificate ([`OpensslView::of`]), whose
    /// `self_issued` is [`self_issued_openssl`].
    pub(crate) fn openssl(&self) -> &'a OpensslView {
        self.kept.openssl.get_or_init(|| OpensslView::of(self.cert))
    }

    /// [`self_issued_exact`]: the report's field and the lints' meaning (an equality of the
    /// decoded names, not worth keeping).
    pub(crate) fn self_issued_exact(&self) -> bool {
        self_issued_exact(self.cert)
    }
}

impl std::ops::Deref for CertFacts<'_> {
    type Target = Cert;

    fn deref(&self) -> &Cert {
        self.cert
    }
}

/// Self-issued in RFC 5280's sense (section 6.1: subject and issuer are the same name,
/// compared as section 7.1 asks, [`crate::chain::names::names_match`]): what path validation
/// reads (intermediates that do not count, policy processing, name constraints). Path building
/// computes the same from its name keys.
pub fn self_issued(cert: &Cert) -> bool {
    let tbs = cert.x509().tbs_certificate();
    crate::chain::names::names_match(tbs.subject(), tbs.issuer())
}

/// Self-issued as OpenSSL 3.0 decides it (`EXFLAG_SI`: `X509_NAME_cmp` on canonical names,
/// [`crate::purpose::names_equal`]): what the OpenSSL view, and through it the roles, read.
pub fn self_issued_openssl(cert: &Cert) -> bool {
    let tbs = cert.x509().tbs_certificate();
    crate::purpose::names_equal(tbs.subject(), tbs.issuer())
}

/// Subject and issuer encoded identically, byte for byte: what the report's `self_issued`
/// field states and what the lints read (a linter reports the encoding it sees).
pub fn self_issued_exact(cert: &Cert) -> bool {
    let tbs = cert.x509().tbs_certificate();
    tbs.issuer() == tbs.subject()
}

/// The subject public key as read once from the certificate's `SubjectPublicKeyInfo`, leniently
/// (an RSA modulus is measured, not validated: the verifier's own, stricter view of a key it can
/// use is [`crate::signature::certificate_key_algorithm`]).
///
/// ```text
/// SubjectPublicKeyInfo  ::=  SEQUENCE  {
///      algorithm            AlgorithmIdentifier,
///      subjectPublicKey     BIT STRING  }
/// ```
/// ([RFC 5280 4.1.2.7](https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.7))
///
/// Consumers that group key kinds differently ask a named question rather than keep an enum of
/// their own: [`KeyFacts::rsa_encryption`] (RSA as the lints and the BR key table count it),
/// [`KeyFacts::rsa_or_pss`] (RSA as key usage and the TLS stacks count it), [`KeyFacts::eddsa`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyFacts {
    /// The `SubjectPublicKeyInfo` algorithm OID.
    pub algorithm: ObjectIdentifier,
    /// What kind of key that is.
    pub kind: KeyKind,
}

/// The kind of a subject public key, one arm per algorithm OID certscope tells apart.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyKind {
    /// `rsaEncryption` (RFC 8017 A.1, RFC 3279 2.3.1); `None` when the `RSAPublicKey` does not
    /// decode.
    Rsa(Option<RsaKey>),
    /// `id-RSASSA-PSS` (RFC 4055 1.2): an RSA key restricted to RSASSA-PSS signatures; `None`
    /// when the `RSAPublicKey` does not decode.
    RsaPss(Option<RsaKey>),
    /// `id-ecPublicKey` (RFC 5480 2.1.1) with its named curve; `None` when the parameters are
    /// not a named curve.
    Ec {
        /// The `namedCurve` OID.
        curve: Option<ObjectIdentifier>,
    },
    /// `id-Ed25519` (RFC 8410 3).
    Ed25519,
    /// `id-Ed448` (RFC 8410 3).
    Ed448,
    /// `id-dsa` (RFC 3279 2.3.2).
    Dsa,
    /// Any other algorithm ([`KeyFacts::algorithm`] says which).
    Other,
}

/// An `RSAPublicKey` as read, without the checks a verifier makes.
///
/// ```text
/// RSAPublicKey ::= SEQUENCE {
///     modulus           INTEGER,  -- n
///     publicExponent    INTEGER   -- e }
/// ```
/// ([RFC 8017 A.1.1](https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.1))
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RsaKey {
    /// The modulus size in bits (leading zero octets not counted).
    pub bits: u32,
    /// Whether the modulus is odd.
    pub odd: bool,
    /// The public exponent's content octets, as encoded.
    pub exponent: Vec<u8>,
}

/// `rsaEncryption` (RFC 8017 A.1).
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// `id-RSASSA-PSS` (RFC 4055 1.2).
const RSASSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
/// `id-ecPublicKey` (RFC 5480 2.1.1).
const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
/// `id-Ed25519` (RFC 8410 3).
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
/// `id-Ed448` (RFC 8410 3).
const ED448: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.113");
/// `id-dsa` (RFC 3279 2.3.2).
const DSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10040.4.1");

impl KeyFacts {
    /// Reads the certificate's subject public key.
    pub fn of(cert: &Cert) -> KeyFacts {
        KeyFacts::of_spki(cert.x509().tbs_certificate().subject_public_key_info())
    }

    /// Reads a subject public key (a certificate's, a request's or a key file's).
    pub fn of_spki(spki: &spki::SubjectPublicKeyInfoOwned) -> KeyFacts {
        let algorithm = spki.algorithm.oid;
        let rsa = || RsaKey::read(spki.subject_public_key.raw_bytes());
        let kind = match algorithm {
            RSA_ENCRYPTION => KeyKind::Rsa(rsa()),
            RSASSA_PSS => KeyKind::RsaPss(rsa()),
            EC_PUBLIC_KEY => KeyKind::Ec {
                curve: spki
                    .algorithm
                    .parameters
                    .as_ref()
                    .and_then(|p| p.decode_as::<ObjectIdentifier>().ok()),
            },
            ED25519 => KeyKind::Ed25519,
            ED448 => KeyKind::Ed448,
            DSA => KeyKind::Dsa,
            _ => KeyKind::Other,
        };
        KeyFacts { algorithm, kind }
    }

    /// An `rsaEncryption` key whose `RSAPublicKey` decodes: what the lints call an RSA key.
    /// The BR's key table (TLS BR 7.1.3.1.1) lists `rsaEncryption` only, so to them an
    /// `id-RSASSA-PSS` key, like an undecodable one, is another algorithm.
    pub fn rsa_encryption(&self) -> Option<&RsaKey> {
        match &self.kind {
            KeyKind::Rsa(key) => key.as_ref(),
            _ => None,
        }
    }

    /// `rsaEncryption` or `id-RSASSA-PSS`, whatever the modulus: RSA as key usage counts it
    /// (RFC 4055 1.2: a PSS key is an RSA key that only signs), which is what the roles and the
    /// TLS stacks' key usage rules read.
    pub fn rsa_or_pss(&self) -> bool {
        matches!(self.kind, KeyKind::Rsa(_) | KeyKind::RsaPss(_))
    }

    /// `id-ecPublicKey`, on any curve.
    pub fn ec(&self) -> bool {
        matches!(self.kind, KeyKind::Ec { .. })
    }

    /// Ed25519 or Ed448 (RFC 8410): keys that can only sign.
    pub fn eddsa(&self) -> bool {
        matches!(self.kind, KeyKind::Ed25519 | KeyKind::Ed448)
    }
}

impl RsaKey {
    /// Reads an `RSAPublicKey`; `None` when it does not decode.
    fn read(der: &[u8]) -> Option<RsaKey> {
        use der::Decode;
        let key = rsa::pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::from_der(der).ok()?;
        let modulus = key.modulus.as_bytes();
        Some(RsaKey {
            bits: crate::cert::bit_length(modulus),
            odd: modulus.last().is_some_and(|b| b & 1 == 1),
            exponent: key.public_exponent.as_bytes().to_vec(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert(pem: &str) -> Cert {
        let parsed = crate::parse_input(pem.as_bytes(), &Default::default()).unwrap();
        let cert = parsed.certificates().next().unwrap().clone();
        cert
    }

    #[test]
    fn each_fact_is_computed_once_and_kept_with_the_certificate() {
        let leaf = cert(include_str!("../tests/data/doc/leaf.pem"));
        let (first, second) = (leaf.facts(), leaf.facts());
        // The same decode, not an equal one: a second reader gets what the first one kept.
        assert!(std::ptr::eq(
            first.find::<BasicConstraints>(),
            second.find::<BasicConstraints>()
        ));
        assert!(std::ptr::eq(
            first.find::<SubjectAltName>(),
            second.find::<SubjectAltName>()
        ));
        assert!(std::ptr::eq(first.key(), second.key()));
        assert!(std::ptr::eq(first.openssl(), second.openssl()));
        // What is kept is what a fresh computation gives.
        assert_eq!(first.find::<BasicConstraints>(), &ext::find(&leaf));
        assert_eq!(first.openssl(), &OpensslView::of(&leaf));
        assert_eq!(first.key(), &KeyFacts::of(&leaf));
        assert_eq!(first.is_ca(), ext::is_ca(&leaf));
        assert_eq!(first.self_issued(), self_issued(&leaf));
        assert_eq!(first.openssl().self_issued, self_issued_openssl(&leaf));
        assert_eq!(first.self_issued_exact(), self_issued_exact(&leaf));
    }

    #[test]
    fn path_building_can_tell_the_facts_whether_a_certificate_is_self_issued() {
        let leaf = cert(include_str!("../tests/data/doc/leaf.pem"));
        let known = self_issued(&leaf);
        leaf.facts().know_self_issued(known);
        assert_eq!(leaf.facts().self_issued(), known);
        // Once known, it stays: a later call does not compute it again.
        leaf.facts().know_self_issued(!known);
        assert_eq!(leaf.facts().self_issued(), known);
    }

    #[test]
    fn a_pss_key_is_rsa_for_key_usage_and_another_algorithm_for_the_lints() {
        let ca = cert(include_str!(
            "../tests/data/openssl-verify/certs/ca-pss-cert.pem"
        ));
        let key = KeyFacts::of(&ca);
        assert_eq!(key.algorithm, RSASSA_PSS);
        let KeyKind::RsaPss(Some(rsa)) = &key.kind else {
            panic!("an id-RSASSA-PSS key with a readable modulus: {key:?}");
        };
        assert_eq!((rsa.bits, rsa.odd), (2048, true));
        assert_eq!(rsa.exponent, [0x01, 0x00, 0x01]);
        assert!(key.rsa_or_pss());
        assert_eq!(key.rsa_encryption(), None);
        assert!(!key.ec() && !key.eddsa());
    }

    #[test]
    fn named_views_of_rsa_ec_and_ed25519_keys() {
        let rsa = KeyFacts::of(&cert(include_str!("../tests/data/report/pss-leaf.pem")));
        assert_eq!(rsa.algorithm, RSA_ENCRYPTION);
        assert!(rsa.rsa_or_pss());
        assert_eq!(rsa.rsa_encryption().map(|key| key.bits), Some(2048));

        let ec = KeyFacts::of(&cert(include_str!("../tests/data/doc/leaf.pem")));
        assert_eq!(
            ec.kind,
            KeyKind::Ec {
                curve: Some(ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7"))
            }
        );
        assert!(ec.ec() && !ec.rsa_or_pss() && !ec.eddsa());
        assert_eq!(ec.rsa_encryption(), None);

        let ed25519 = KeyFacts::of(&cert(include_str!("../tests/data/chain/ed25519-root.pem")));
        assert_eq!(ed25519.kind, KeyKind::Ed25519);
        assert!(ed25519.eddsa() && !ed25519.ec() && !ed25519.rsa_or_pss());
    }
}
