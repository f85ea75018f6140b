//! PKCS#10 certification requests: subject, public key, requested extensions, and whether the
//! request's self-signature verifies.

use der::{Decode, Encode};

use x509_cert::ext::Extension;
use x509_cert::request::{CertReq, ExtensionReq};

use super::der::{decode_located, read_exact};
use super::verify::{verify, SignatureCheck};
use crate::decode::DecodeError;
use crate::lenient::{Deviation, Lenient, Shape};

/// `extensionRequest` (PKCS#9, RFC 2985 5.4.2).
const EXTENSION_REQUEST: &str = "1.2.840.113549.1.9.14";

/// A certification request as found in the input.
///
/// ```text
/// CertificationRequest ::= SEQUENCE {
///      certificationRequestInfo CertificationRequestInfo,
///      signatureAlgorithm AlgorithmIdentifier{{ SignatureAlgorithms }},
///      signature          BIT STRING }
///
/// CertificationRequestInfo ::= SEQUENCE {
///      version       INTEGER { v1(0) } (v1,...),
///      subject       Name,
///      subjectPKInfo SubjectPublicKeyInfo{{ PKInfoAlgorithms }},
///      attributes    [0] Attributes{{ CRIAttributes }} }
/// ```
/// ([RFC 2986 4](https://www.rfc-editor.org/rfc/rfc2986#section-4))
#[derive(Clone, Debug)]
pub struct Csr {
    der: Vec<u8>,
    request: CertReq,
    spki_der: Vec<u8>,
    requested_extensions: Result<Vec<Extension>, DecodeError>,
    self_signature: SignatureCheck,
    /// What the lenient path found, when the strict decoder refused the request.
    lenient: Option<Box<Lenient>>,
}

impl Csr {
    /// Decodes a DER certification request and checks its self-signature.
    pub fn from_der(der: &[u8]) -> Result<Csr, DecodeError> {
        let structure = "certificate request";
        let (request, lenient): (CertReq, _) = match decode_located(der, structure) {
            Ok(request) => (request, None),
            Err(error) => {
                let Some(repaired) = crate::lenient::repair(der, Shape::Csr) else {
                    return Err(error);
                };
                let Ok(request) = decode_located(&repaired.der, structure) else {
                    return Err(error);
                };
                (request, Some(Box::new(Lenient::new(error, repaired))))
            }
        };
        // The signed bytes exactly as they appear in the input.
        let outer = read_exact(der, 0, structure)?;
        let children = outer.children(structure)?;
        let info_der = children.first().map(|c| c.whole).unwrap_or_default();
        let spki_der = request
            .info
            .public_key
            .to_der()
            .map_err(|e| DecodeError::from_der(structure, der.len(), e))?;
        let requested_extensions = requested_extensions(&request);
        let self_signature = verify(&spki_der, &request.algorithm, info_der, &request.signature);
        Ok(Csr {
            der: der.to_vec(),
            request,
            spki_der,
            requested_extensions,
            self_signature,
            lenient,
        })
    }

    /// Where the request departs from DER or RFC 2986 in ways the strict decoder refused and
    /// the lenient path read (empty for a request the strict decoder reads).
    pub fn deviations(&self) -> &[Deviation] {
        self.lenient
            .as_ref()
            .map_or(&[], |lenient| lenient.deviations.as_slice())
    }

    /// The strict decoder's error, when it refused the request and the lenient path read it.
    pub fn strict_error(&self) -> Option<&DecodeError> {
        self.lenient.as_ref().map(|lenient| &lenient.strict_error)
    }

    /// The version number as written (`0` for v1), when it is one the decoded form cannot
    /// hold.
    pub fn version_as_written(&self) -> Option<i64> {
        self.lenient.as_ref().and_then(|lenient| lenient.version)
    }

    /// The request's DER exactly as found.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The decoded request.
    pub fn request(&self) -> &CertReq {
        &self.request
    }

    /// The `subjectPKInfo` DER.
    pub fn spki_der(&self) -> &[u8] {
        &self.spki_der
    }

    /// The extensions asked for in the `extensionRequest` attribute (empty when there is
    /// none), or why they did not decode. A broken attribute does not fail the request.
    pub fn requested_extensions(&self) -> Result<&[Extension], &DecodeError> {
        self.requested_extensions.as_deref()
    }

    /// Whether the signature verifies with the request's own public key.
    pub fn self_signature(&self) -> &SignatureCheck {
        &self.self_signature
    }
}

fn requested_extensions(request: &CertReq) -> Result<Vec<Extension>, DecodeError> {
    let mut out = Vec::new();
    for attribute in request.info.attributes.iter() {
        if attribute.oid.to_string() != EXTENSION_REQUEST {
            continue;
        }
        for value in attribute.values.iter() {
            let der = value
                .to_der()
                .map_err(|e| DecodeError::from_der("extensionRequest", 0, e))?;
            let extensions = ExtensionReq::from_der(&der)
                .map_err(|e| DecodeError::from_der("extensionRequest", der.len(), e))?;
            out.extend(extensions.0);
        }
    }
    Ok(out)
}
