//! Bytes in, found objects out.
//!
//! One entry point, [`parse_input`], reads whatever a user pasted or dropped: PEM blocks inside
//! arbitrary text (the output of `openssl s_client -showcerts`, a log line, an email), DER,
//! bare base64 or hex, PKCS#7/CMS certs-only bundles, PKCS#12 files, CSRs, CRLs, private keys
//! (plain or encrypted) and public keys. What a DER object is, is told by its structure, never
//! by a file name.
//!
//! One bad object never fails the input: it becomes a [`Problem`] next to the objects that did
//! decode. Only the limits on the whole input ([`InputError`]) stop parsing.
//!
//! Limits (see [`InputOptions`]): input size (16 MiB), objects and problems together (10,000),
//! and key-derivation work for passwords (2,000,000 iterations per input). They keep a hostile
//! input from exhausting the memory or the time of a browser tab.

use std::fmt;

use zeroize::Zeroizing;

use crate::cert::Cert;
use crate::decode::DecodeError;

pub mod crl;
pub mod csr;
pub(crate) mod curves;
pub(crate) mod der;
pub mod key;
#[cfg(feature = "encrypted")]
mod legacy_pem;
#[cfg(feature = "encrypted")]
mod pbe;
mod pem;
#[cfg(feature = "encrypted")]
mod pkcs12;
mod pkcs7;
mod verify;

pub use crl::Crl;
pub use csr::Csr;
pub use key::{KeyFormat, PrivateKey, PublicKey};
pub use verify::SignatureCheck;

/// A password for PKCS#12 files and encrypted private keys. Never printed: its `Debug` shows
/// nothing of it, and its memory is wiped on drop.
#[derive(Clone, Default)]
pub struct Password(Zeroizing<String>);

impl Password {
    /// Wraps a password.
    pub fn new(password: impl Into<String>) -> Self {
        Password(Zeroizing::new(password.into()))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Password {
    fn from(password: &str) -> Self {
        Password::new(password)
    }
}

impl From<String> for Password {
    fn from(password: String) -> Self {
        Password::new(password)
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// Limits and secrets for parsing one input.
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// Largest input accepted, in bytes. Default 16 MiB: far above any real bundle, small
    /// enough that a browser tab stays responsive.
    pub max_input_bytes: usize,
    /// Most objects and problems reported from one input, together. Default 10,000.
    pub max_objects: usize,
    /// Most key-derivation iterations spent on one input, all passwords together (PBKDF2
    /// iterations, PKCS#12 KDF rounds, scrypt N·r·p). Default 2,000,000: a few seconds of
    /// SHA-256 in a browser, twenty times what OpenSSL 3 writes by default (2,048 per
    /// derivation) and enough for files made with the OWASP recommendation of 600,000.
    pub max_kdf_iterations: u64,
    /// The password for PKCS#12 files and encrypted keys. Without one, PKCS#12 files are tried
    /// with the empty password.
    pub password: Option<Password>,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            max_input_bytes: 16 * 1024 * 1024,
            max_objects: 10_000,
            max_kdf_iterations: 2_000_000,
            password: None,
        }
    }
}

/// Why a whole input was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputError {
    /// The input is larger than [`InputOptions::max_input_bytes`].
    TooLarge {
        /// The input's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The input holds more objects than [`InputOptions::max_objects`].
    TooManyObjects {
        /// The limit.
        limit: usize,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::TooLarge { size, limit } => {
                write!(f, "the input is {size} bytes; the limit is {limit} bytes")
            }
            InputError::TooManyObjects { limit } => {
                write!(f, "the input holds more than {limit} objects, the limit")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// How an object was encoded in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(tag = "encoding", rename_all = "snake_case"))]
pub enum Encoding {
    /// A PEM block (RFC 7468).
    Pem {
        /// The block's label, e.g. `CERTIFICATE`.
        label: String,
        /// 1-based line of the `-----BEGIN` line.
        line: usize,
    },
    /// Binary DER.
    Der,
    /// Base64 text without PEM armour.
    Base64,
    /// Hex text, with or without separators.
    Hex,
}

/// A container format whose contents are listed one by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ContainerFormat {
    /// PKCS#7 / CMS SignedData (RFC 5652 5).
    Pkcs7,
    /// PKCS#12 PFX (RFC 7292).
    Pkcs12,
}

/// Where inside a container an object sat.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Container {
    /// The container's format.
    pub format: ContainerFormat,
    /// 0-based position of the object among the container's contents.
    pub position: usize,
    /// Byte offset of the object inside the container's DER, when it is not encrypted.
    pub offset: Option<usize>,
}

/// Where an object came from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Origin {
    /// How it was encoded.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub encoding: Encoding,
    /// Byte offset in the input where it starts (the `-----BEGIN` line for PEM).
    pub offset: usize,
    /// 0-based position in the input of the PEM block or DER element it came from.
    pub position: usize,
    /// The container it was inside, if any.
    pub container: Option<Container>,
}

impl Origin {
    fn inside(&self, format: ContainerFormat, position: usize, offset: Option<usize>) -> Origin {
        Origin {
            container: Some(Container {
                format,
                position,
                offset,
            }),
            ..self.clone()
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.encoding {
            Encoding::Pem { label, line } => write!(
                f,
                "PEM block #{} ({label}) at line {line}",
                self.position + 1
            )?,
            Encoding::Der => write!(
                f,
                "DER object #{} at byte {}",
                self.position + 1,
                self.offset
            )?,
            Encoding::Base64 => write!(f, "base64 object #{}", self.position + 1)?,
            Encoding::Hex => write!(f, "hex object #{}", self.position + 1)?,
        }
        if let Some(container) = &self.container {
            let format = match container.format {
                ContainerFormat::Pkcs7 => "PKCS#7",
                ContainerFormat::Pkcs12 => "PKCS#12",
            };
            write!(
                f,
                ", item #{} of the {format} container",
                container.position + 1
            )?;
            if let Some(offset) = container.offset {
                write!(f, " (at byte {offset})")?;
            }
        }
        Ok(())
    }
}

/// An object found in the input.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Object {
    /// An X.509 certificate.
    Certificate(Box<Cert>),
    /// A PKCS#10 certification request.
    Csr(Box<Csr>),
    /// A certificate revocation list.
    Crl(Box<Crl>),
    /// A private key, reduced to its algorithm, size and public half.
    PrivateKey(Box<PrivateKey>),
    /// A public key on its own.
    PublicKey(Box<PublicKey>),
}

/// An object with its position in the input.
#[derive(Clone, Debug)]
pub struct Found {
    /// Where it came from.
    pub origin: Origin,
    /// What it is.
    pub object: Object,
}

/// What kind of trouble a [`Problem`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ProblemKind {
    /// The bytes do not decode as what they claim or appear to be.
    Malformed,
    /// Well-formed, but a format or algorithm certscope does not read.
    Unsupported,
    /// Needs a part this build of certscope leaves out: PKCS#12 files and encrypted private
    /// keys without the `encrypted` feature (a build with it reads the object), or a DSA
    /// signature without the `dsa` feature (the object is read, its signature not verified).
    Unavailable,
    /// Encrypted, and no password was given.
    PasswordRequired,
    /// Encrypted, and the password given does not open it.
    WrongPassword,
    /// Opening it would cost more than [`InputOptions::max_kdf_iterations`] allows.
    LimitExceeded,
}

/// Something in the input that looked like an object but did not decode.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Problem {
    /// Where it came from.
    pub origin: Origin,
    /// What kind of trouble it is.
    pub kind: ProblemKind,
    /// What went wrong, and where inside the object's DER.
    pub error: DecodeError,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.error)
    }
}

/// Everything found in one input.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// The objects that decoded, in input order.
    pub objects: Vec<Found>,
    /// The parts that did not.
    pub problems: Vec<Problem>,
}

impl Parsed {
    /// The certificates found, in input order.
    pub fn certificates(&self) -> impl Iterator<Item = &Cert> {
        self.objects.iter().filter_map(|found| match &found.object {
            Object::Certificate(cert) => Some(cert.as_ref()),
            _ => None,
        })
    }
}

/// Why one object could not be read, before it is placed.
#[derive(Debug)]
pub(crate) enum Failure {
    Malformed(DecodeError),
    Unsupported(String),
    #[cfg_attr(feature = "encrypted", allow(dead_code))]
    Unavailable(String),
    PasswordRequired(String),
    #[cfg_attr(not(feature = "encrypted"), allow(dead_code))]
    WrongPassword(String),
    #[cfg_attr(not(feature = "encrypted"), allow(dead_code))]
    Limit(String),
}

impl From<DecodeError> for Failure {
    fn from(error: DecodeError) -> Self {
        Failure::Malformed(error)
    }
}

/// The state of one parse: the options, the key-derivation budget, and what was found.
pub(crate) struct Context<'o> {
    options: &'o InputOptions,
    #[cfg(feature = "encrypted")]
    budget: pbe::KdfBudget,
    parsed: Parsed,
    overflow: bool,
    /// The structure being decoded at the top level, named in problems that are not decoding
    /// errors (those name their own structure).
    current: &'static str,
}

impl<'o> Context<'o> {
    fn new(options: &'o InputOptions) -> Self {
        Context {
            options,
            #[cfg(feature = "encrypted")]
            budget: pbe::KdfBudget::new(options.max_kdf_iterations),
            parsed: Parsed::default(),
            overflow: false,
            current: "input",
        }
    }

    fn full(&mut self) -> bool {
        if self.parsed.objects.len() + self.parsed.problems.len() >= self.options.max_objects {
            self.overflow = true;
        }
        self.overflow
    }

    pub(crate) fn found(&mut self, origin: Origin, object: Object) {
        #[cfg(not(feature = "dsa"))]
        if let Some(what) = dsa_signed(&object) {
            self.problem(
                origin.clone(),
                Failure::Unavailable(format!(
                    "the {what}'s DSA signature is verified by a build of certscope with the \
                     `dsa` feature; this build leaves it out (the {what} is read, its signature \
                     is not verified)"
                )),
            );
        }
        if !self.full() {
            self.parsed.objects.push(Found { origin, object });
        }
    }

    pub(crate) fn problem(&mut self, origin: Origin, failure: Failure) {
        if self.full() {
            return;
        }
        let structure = match origin.container.as_ref().map(|c| c.format) {
            Some(ContainerFormat::Pkcs7) => "PKCS#7 message",
            Some(ContainerFormat::Pkcs12) => "PKCS#12 file",
            None => self.current,
        };
        let error = |text| DecodeError::new(structure, None, 0, text);
        let (kind, error) = match failure {
            Failure::Malformed(error) => (ProblemKind::Malformed, error),
            Failure::Unsupported(text) => (ProblemKind::Unsupported, error(text)),
            Failure::Unavailable(text) => (ProblemKind::Unavailable, error(text)),
            Failure::PasswordRequired(text) => (ProblemKind::PasswordRequired, error(text)),
            Failure::WrongPassword(text) => (ProblemKind::WrongPassword, error(text)),
            Failure::Limit(text) => (ProblemKind::LimitExceeded, error(text)),
        };
        self.parsed.problems.push(Problem {
            origin,
            kind,
            error,
        });
    }

    pub(crate) fn password(&self) -> Option<&str> {
        self.options.password.as_ref().map(Password::expose)
    }

    #[cfg(feature = "encrypted")]
    pub(crate) fn budget(&mut self) -> &mut pbe::KdfBudget {
        &mut self.budget
    }

    /// Decodes one DER object of kind `kind` (or of the kind its structure shows) and records
    /// it, or its problem.
    pub(crate) fn decode_object(&mut self, der: &[u8], kind: Option<der::Kind>, origin: Origin) {
        // The element is read and its structure recognised once, for the label of problems
        // and for the decode.
        let tlv = der::read_exact(der, 0, kind.map_or("DER object", der::Kind::name));
        let structural = tlv.as_ref().ok().and_then(der::detect);
        self.current = kind.or(structural).map_or("input", der::Kind::name);
        if let Err(failure) = self.try_decode_object(der, kind, tlv, structural, &origin) {
            self.problem(origin, failure);
        }
        self.current = "input";
    }

    /// Decodes `der` (read as `tlv`, of the kind `structural` by its structure) as `kind`, or
    /// as what its structure shows.
    fn try_decode_object(
        &mut self,
        der: &[u8],
        kind: Option<der::Kind>,
        tlv: Result<der::Tlv<'_>, DecodeError>,
        structural: Option<der::Kind>,
        origin: &Origin,
    ) -> Result<(), Failure> {
        let tlv = tlv?;
        let Some(kind) = kind.or(structural) else {
            return Err(Failure::Malformed(DecodeError::new(
                "DER object",
                Some(0),
                der.len(),
                format!(
                    "expected a certificate, CSR, CRL, PKCS#7, PKCS#12 or key, but found {} of \
                     {} bytes whose structure matches none of them",
                    der::describe_tag(tlv.tag),
                    der.len()
                ),
            )));
        };
        // A mislabelled PEM block (a CSR under CERTIFICATE) is read as what its structure
        // shows when the label's kind does not decode.
        let detected = structural.filter(|detected| *detected != kind);
        let object = match (self.decode_as(der, kind, origin), detected) {
            (Ok(Some(Object::PrivateKey(mut key))), _) => {
                // What the strict decoder let through (a long-form length, a non-minimal
                // INTEGER) is still reported.
                if let Some(repaired) = crate::lenient::repair(der, crate::lenient::Shape::Key) {
                    key.set_deviations(repaired.deviations);
                }
                Some(Object::PrivateKey(key))
            }
            (Ok(Some(Object::PublicKey(mut key))), _) => {
                if let Some(repaired) = crate::lenient::repair(der, crate::lenient::Shape::Key) {
                    key.set_deviations(repaired.deviations);
                }
                Some(Object::PublicKey(key))
            }
            (Ok(object), _) => object,
            (Err(Failure::Malformed(error)), Some(detected)) => {
                match self.decode_as(der, detected, origin) {
                    Ok(object) => mislabelled(object, der, kind, detected, origin),
                    Err(_) => self.decode_leniently(der, kind, origin, error)?,
                }
            }
            (Err(Failure::Malformed(error)), None) => {
                self.decode_leniently(der, kind, origin, error)?
            }
            (Err(failure), _) => return Err(failure),
        };
        if let Some(object) = object {
            self.found(origin.clone(), object);
        }
        Ok(())
    }

    /// A key or PKCS#12 file the strict decoder refused, read through the lenient path
    /// ([`crate::lenient`]: BER lengths, non-minimal INTEGERs, a version no format defines);
    /// a key keeps what was found as its deviations. Certificates, CRLs and requests take the
    /// lenient path in their own decoders. The strict decoder's `error` stands when the
    /// repair does not help.
    fn decode_leniently(
        &mut self,
        der: &[u8],
        kind: der::Kind,
        origin: &Origin,
        error: DecodeError,
    ) -> Result<Option<Object>, Failure> {
        use crate::lenient::Shape;
        use der::Kind;
        let shape = match kind {
            Kind::Pkcs12 => Shape::Pkcs12,
            Kind::PrivateKeyInfo
            | Kind::RsaPrivateKey
            | Kind::EcPrivateKey
            | Kind::DsaPrivateKey
            | Kind::PublicKey
            | Kind::RsaPublicKey => Shape::Key,
            _ => return Err(Failure::Malformed(error)),
        };
        let Some(repaired) = crate::lenient::repair(der, shape) else {
            return Err(Failure::Malformed(error));
        };
        let mut object = match self.decode_as(&repaired.der, kind, origin) {
            Ok(object) => object,
            Err(Failure::Malformed(_)) => return Err(Failure::Malformed(error)),
            Err(failure) => return Err(failure),
        };
        match &mut object {
            Some(Object::PrivateKey(key)) => key.set_deviations(repaired.deviations),
            Some(Object::PublicKey(key)) => key.set_deviations(repaired.deviations),
            _ => {}
        }
        Ok(object)
    }

    /// Decodes `der` as `kind`. Containers record their contents themselves and give `None`.
    fn decode_as(
        &mut self,
        der: &[u8],
        kind: der::Kind,
        origin: &Origin,
    ) -> Result<Option<Object>, Failure> {
        use der::Kind;
        Ok(Some(match kind {
            Kind::Certificate => Object::Certificate(Box::new(decode_certificate(der)?)),
            Kind::Csr => Object::Csr(Box::new(Csr::from_der(der)?)),
            Kind::Crl => Object::Crl(Box::new(Crl::from_der(der)?)),
            Kind::Pkcs7 => return pkcs7::read(self, der, origin).map(|()| None),
            #[cfg(feature = "encrypted")]
            Kind::Pkcs12 => return pkcs12::read(self, der, origin).map(|()| None),
            #[cfg(not(feature = "encrypted"))]
            Kind::Pkcs12 => {
                let _ = origin;
                return Err(unavailable("a PKCS#12 file"));
            }
            Kind::PrivateKeyInfo => {
                Object::PrivateKey(Box::new(key::from_pkcs8(der, KeyFormat::Pkcs8)?))
            }
            Kind::EncryptedPrivateKeyInfo => Object::PrivateKey(Box::new(self.encrypted_key(der)?)),
            Kind::RsaPrivateKey => Object::PrivateKey(Box::new(key::from_pkcs1(der)?)),
            Kind::EcPrivateKey => Object::PrivateKey(Box::new(key::from_sec1(der, None)?)),
            Kind::DsaPrivateKey => Object::PrivateKey(Box::new(key::from_dsa(der)?)),
            Kind::PublicKey => Object::PublicKey(Box::new(key::public_from_spki(der)?)),
            Kind::RsaPublicKey => Object::PublicKey(Box::new(key::public_from_pkcs1(der)?)),
        }))
    }

    /// Decrypts and decodes an `EncryptedPrivateKeyInfo` (RFC 5958 3).
    ///
    /// ```text
    /// EncryptedPrivateKeyInfo ::= SEQUENCE {
    ///     encryptionAlgorithm  EncryptionAlgorithmIdentifier,
    ///     encryptedData        EncryptedData }
    /// ```
    pub(crate) fn encrypted_key(&mut self, der: &[u8]) -> Result<PrivateKey, Failure> {
        let password = self.password().map(|p| Zeroizing::new(p.to_owned()));
        self.encrypted_key_with(der, password.as_deref().map(String::as_str))
    }

    /// [`Context::encrypted_key`] with an explicit password (`None`: none was given).
    pub(crate) fn encrypted_key_with(
        &mut self,
        der: &[u8],
        password: Option<&str>,
    ) -> Result<PrivateKey, Failure> {
        use ::der::Decode;
        let what = "the encrypted private key";
        // pkcs8's own type accepts PBES2 schemes only; the two fields are read directly so
        // that the PKCS#12 schemes (`openssl pkcs8 -v1 PBE-SHA1-3DES`) work too.
        let outer = der::read_exact(der, 0, "encrypted private key")?;
        let fields = outer.children("encrypted private key")?;
        let (Some(algorithm), Some(data)) = (fields.first(), fields.get(1)) else {
            return Err(Failure::Malformed(DecodeError::new(
                "encrypted private key",
                Some(0),
                der.len(),
                "expected an algorithm and encrypted data".into(),
            )));
        };
        let algorithm = spki::AlgorithmIdentifierRef::from_der(algorithm.whole)
            .map_err(|e| DecodeError::from_der("encrypted private key", der.len(), e))?;
        let Some(password) = password else {
            return Err(Failure::PasswordRequired(format!(
                "{what} needs a password (encrypted with {})",
                crate::oid::name(&algorithm.oid)
            )));
        };
        #[cfg(feature = "encrypted")]
        {
            let plain = pbe::decrypt(&algorithm, data.content, password, self.budget(), what)?;
            key::from_pkcs8(&plain, KeyFormat::EncryptedPkcs8).map_err(|_| {
                Failure::WrongPassword(format!(
                    "{what} decrypted to data that is not a private key: the password is wrong"
                ))
            })
        }
        #[cfg(not(feature = "encrypted"))]
        {
            let _ = (password, data.content);
            Err(unavailable(what))
        }
    }
}

/// The kind of object, when it is signed with DSA: a build without the `dsa` feature reads it
/// but cannot verify its signature, which an `unavailable` problem says beside the object (the
/// page then runs the input again on its second module, which verifies DSA).
#[cfg(not(feature = "dsa"))]
fn dsa_signed(object: &Object) -> Option<&'static str> {
    use const_oid::db::rfc5912;
    let (what, oid) = match object {
        Object::Certificate(cert) => ("certificate", cert.x509().signature_algorithm().oid),
        Object::Crl(crl) => ("CRL", crl.list().signature_algorithm.oid),
        Object::Csr(csr) => ("request", csr.request().algorithm.oid),
        Object::PrivateKey(_) | Object::PublicKey(_) => return None,
    };
    [
        rfc5912::DSA_WITH_SHA_1,
        rfc5912::DSA_WITH_SHA_224,
        rfc5912::DSA_WITH_SHA_256,
    ]
    .contains(&oid)
    .then_some(what)
}

/// The failure for an object that needs the `encrypted` feature this build leaves out.
#[cfg(not(feature = "encrypted"))]
fn unavailable(what: &str) -> Failure {
    Failure::Unavailable(format!(
        "{what} is opened by a build of certscope with the `encrypted` feature (PKCS#12 and \
         encrypted private keys); this build leaves it out"
    ))
}

/// A key read as what its structure shows because its PEM label's kind did not decode (an EC
/// `SubjectPublicKeyInfo` under `RSA PUBLIC KEY`): the label becomes a finding on the key,
/// beside what the lenient walk finds in its encoding. Other objects are returned as they are.
fn mislabelled(
    object: Option<Object>,
    der: &[u8],
    labelled: der::Kind,
    detected: der::Kind,
    origin: &Origin,
) -> Option<Object> {
    let (Encoding::Pem { label, .. }, None) = (&origin.encoding, &origin.container) else {
        return object;
    };
    let mut deviations = crate::lenient::repair(der, crate::lenient::Shape::Key)
        .map(|repaired| repaired.deviations)
        .unwrap_or_default();
    deviations.insert(
        0,
        crate::lenient::Deviation {
            id: "e_pem_label_mismatch".into(),
            field: "label".into(),
            offset: 0,
            message: format!(
                "the PEM label is {label}, which stands for {} {}, but the block holds {} {}: \
                 read as what it holds",
                labelled.article(),
                labelled.name(),
                detected.article(),
                detected.name()
            ),
        },
    );
    match object {
        Some(Object::PrivateKey(mut key)) => {
            key.set_deviations(deviations);
            Some(Object::PrivateKey(key))
        }
        Some(Object::PublicKey(mut key)) => {
            key.set_deviations(deviations);
            Some(Object::PublicKey(key))
        }
        other => other,
    }
}

/// Decodes a certificate; an error without a position points at where the decoder stopped.
pub(crate) fn decode_certificate(der: &[u8]) -> Result<Cert, DecodeError> {
    Cert::from_der(der).map_err(|error| match error.offset {
        Some(_) => error,
        None => der::decode_located::<crate::cert::X509>(der, "certificate")
            .err()
            .unwrap_or(error),
    })
}

/// Finds every object in `input`.
///
/// Text with `-----BEGIN` lines is read as PEM, ignoring whatever surrounds the blocks; binary
/// starting with a SEQUENCE tag as one or more concatenated DER objects; other text as bare
/// base64 or hex.
///
/// ```
/// use certscope::{parse_input, InputOptions};
///
/// // A PEM bundle: a leaf and its root, with text around the blocks.
/// let bundle = include_str!("../tests/data/input/chain.pem");
/// let parsed = parse_input(bundle.as_bytes(), &InputOptions::default()).unwrap();
/// let subjects: Vec<String> = parsed
///     .certificates()
///     .map(|cert| certscope::name::rfc4514(cert.x509().tbs_certificate().subject()))
///     .collect();
/// assert_eq!(
///     subjects,
///     ["CN=ec.example.com,O=certscope fixtures", "CN=Fixture Root CA,O=certscope fixtures"]
/// );
///
/// // DER is detected by its structure, not by a name.
/// let der = parsed.certificates().next().unwrap().der().to_vec();
/// let again = parse_input(&der, &InputOptions::default()).unwrap();
/// assert_eq!(again.certificates().count(), 1);
///
/// // A part that does not decode is a problem, not a failure of the whole input.
/// let broken = "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n";
/// let parsed = parse_input(broken.as_bytes(), &InputOptions::default()).unwrap();
/// assert_eq!((parsed.objects.len(), parsed.problems.len()), (0, 1));
/// ```
pub fn parse_input(input: &[u8], options: &InputOptions) -> Result<Parsed, InputError> {
    if input.len() > options.max_input_bytes {
        return Err(InputError::TooLarge {
            size: input.len(),
            limit: options.max_input_bytes,
        });
    }
    let mut context = Context::new(options);
    if pem::has_pem(input) {
        for (position, block) in pem::blocks(input).into_iter().enumerate() {
            if context.full() {
                break;
            }
            read_pem_block(&mut context, block, position);
        }
    } else if input.first() == Some(&0x30) {
        read_der_sequence(&mut context, input, Encoding::Der);
    } else {
        let text = String::from_utf8_lossy(input);
        // The decoded bytes may hold a key: wiped when dropped.
        match pem::decode_text(&text).map(|(der, encoding)| (Zeroizing::new(der), encoding)) {
            Some((der, pem::TextEncoding::Hex)) => {
                read_der_sequence(&mut context, &der, Encoding::Hex)
            }
            Some((der, pem::TextEncoding::Base64)) => {
                read_der_sequence(&mut context, &der, Encoding::Base64)
            }
            None => {
                let problem = if input.iter().all(|b| b.is_ascii_whitespace()) {
                    "the input is empty"
                } else {
                    "found no PEM block, DER structure, base64 or hex text"
                };
                context.problem(
                    Origin {
                        encoding: Encoding::Der,
                        offset: 0,
                        position: 0,
                        container: None,
                    },
                    Failure::Malformed(DecodeError::new(
                        "input",
                        None,
                        input.len(),
                        problem.to_owned(),
                    )),
                );
            }
        }
    }
    if context.overflow {
        return Err(InputError::TooManyObjects {
            limit: options.max_objects,
        });
    }
    Ok(context.parsed)
}

fn read_pem_block(context: &mut Context<'_>, block: pem::PemBlock, position: usize) {
    let origin = Origin {
        encoding: Encoding::Pem {
            label: block.label.clone(),
            line: block.line,
        },
        offset: block.offset,
        position,
        container: None,
    };
    let der = match block.der {
        Ok(der) => Zeroizing::new(der),
        Err(error) => return context.problem(origin, Failure::Malformed(error)),
    };
    let encrypted = block.headers.iter().any(|(name, value)| {
        name == "DEK-Info" || (name == "Proc-Type" && value.contains("ENCRYPTED"))
    });
    let der = if encrypted {
        match legacy_decrypt(context, &block.label, &block.headers, &der) {
            Ok(plain) => plain,
            Err(failure) => return context.problem(origin, failure),
        }
    } else {
        der
    };
    let kind = der::Kind::from_label(&block.label);
    let structure = kind.map_or("DER object", der::Kind::name);
    let element = match der::read(&der, 0, structure) {
        Ok(element) => element,
        Err(error) => return context.problem(origin, Failure::Malformed(error)),
    };
    let trailing = der.len() - element.whole.len();
    if kind.is_none() && der::detect(&element).is_none() {
        return context.problem(
            origin,
            Failure::Unsupported(format!(
                "PEM label \"{}\" is not an object certscope reads",
                block.label
            )),
        );
    }
    let found_before = context.parsed.objects.len();
    context.decode_object(element.whole, kind, origin.clone());
    // OpenSSL's TRUSTED CERTIFICATE carries its trust settings after the certificate. They
    // are kept with the certificate; settings that do not decode reject every use, since a
    // distrust certscope cannot read must not be ignored.
    if block.label == "TRUSTED CERTIFICATE" && trailing > 0 {
        let trailer = der.get(element.whole.len()..).unwrap_or_default();
        let aux = crate::trust::AuxTrust::from_der(trailer).unwrap_or_else(|error| {
            context.problem(origin.clone(), Failure::Malformed(error));
            crate::trust::AuxTrust {
                trust: Some(Vec::new()),
                ..Default::default()
            }
        });
        if let Some(Found {
            object: Object::Certificate(cert),
            ..
        }) = context.parsed.objects.get_mut(found_before)
        {
            cert.set_aux_trust(Some(aux));
        }
    }
    if trailing > 0 && block.label != "TRUSTED CERTIFICATE" {
        context.problem(
            origin,
            Failure::Malformed(DecodeError::new(
                structure,
                Some(element.whole.len()),
                der.len(),
                format!("{trailing} bytes of unexpected data follow the object"),
            )),
        );
    }
}

/// Decrypts the body of a block in OpenSSL's legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`,
/// `DEK-Info`) with the caller's password.
fn legacy_decrypt(
    context: &mut Context<'_>,
    label: &str,
    headers: &[(String, String)],
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let what = format!("the {label} block");
    let dek_info = headers
        .iter()
        .find(|(name, _)| name == "DEK-Info")
        .map(|(_, value)| value.as_str())
        .ok_or_else(|| {
            Failure::Malformed(DecodeError::new(
                "PEM",
                None,
                ciphertext.len(),
                format!("{what} says Proc-Type: 4,ENCRYPTED but has no DEK-Info header"),
            ))
        })?;
    let Some(password) = context.password().map(|p| Zeroizing::new(p.to_owned())) else {
        let cipher = dek_info.split(',').next().unwrap_or_default().trim();
        return Err(Failure::PasswordRequired(format!(
            "{what} needs a password (OpenSSL legacy PEM encryption, {cipher})"
        )));
    };
    #[cfg(feature = "encrypted")]
    {
        let plain = legacy_pem::decrypt(dek_info, ciphertext, &password, &what)?;
        // A wrong password passes the padding check about once in 256 tries: what it gives
        // is not DER.
        if der::read_exact(&plain, 0, "private key").is_err() {
            return Err(Failure::WrongPassword(format!(
                "{what} decrypted to data that is not a private key: the password is wrong"
            )));
        }
        Ok(plain)
    }
    #[cfg(not(feature = "encrypted"))]
    {
        let _ = (password, context, ciphertext);
        Err(unavailable(&what))
    }
}

/// Reads one or more concatenated DER objects.
fn read_der_sequence(context: &mut Context<'_>, der: &[u8], encoding: Encoding) {
    let mut position = 0usize;
    let mut index = 0usize;
    while position < der.len() && !context.full() {
        let rest = der.get(position..).unwrap_or_default();
        let origin = Origin {
            encoding: encoding.clone(),
            offset: if encoding == Encoding::Der {
                position
            } else {
                0
            },
            position: index,
            container: None,
        };
        if index > 0 && rest.first() != Some(&0x30) {
            let problem = format!(
                "{} bytes of trailing data after the last object (starting with byte 0x{:02x}, \
                 where another DER object would start with 0x30)",
                rest.len(),
                rest.first().copied().unwrap_or_default()
            );
            let error = DecodeError::new("DER object", Some(position), der.len(), problem);
            context.problem(origin, Failure::Malformed(error));
            return;
        }
        match der::read(rest, position, "DER object") {
            Ok(element) => {
                context.decode_object(element.whole, None, origin);
                position += element.whole.len();
                index += 1;
            }
            Err(mut error) => {
                if index > 0 {
                    error.problem = format!(
                        "{} bytes of data after the last complete object do not form an object: {}",
                        rest.len(),
                        error.problem
                    );
                }
                context.problem(origin, Failure::Malformed(error));
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_is_a_problem_not_an_error() {
        let parsed = parse_input(b"  \n", &InputOptions::default()).unwrap();
        assert!(parsed.objects.is_empty());
        assert_eq!(parsed.problems[0].error.problem, "the input is empty");
    }

    #[test]
    fn size_limit() {
        let options = InputOptions {
            max_input_bytes: 4,
            ..InputOptions::default()
        };
        assert_eq!(
            parse_input(b"12345", &options).unwrap_err(),
            InputError::TooLarge { size: 5, limit: 4 }
        );
    }

    #[test]
    fn unterminated_pem_block() {
        let parsed = parse_input(
            b"-----BEGIN CERTIFICATE-----\nMIIB\n",
            &InputOptions::default(),
        )
        .unwrap();
        assert!(parsed.problems[0].error.problem.contains("truncated"));
    }

    #[test]
    fn password_debug_is_redacted() {
        let options = InputOptions {
            password: Some(Password::new("hunter2")),
            ..InputOptions::default()
        };
        assert!(!format!("{options:?}").contains("hunter2"));
    }
}
