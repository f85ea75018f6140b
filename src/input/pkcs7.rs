//! PKCS#7 / CMS SignedData "certs-only" bundles (`.p7b`, `.p7c`): every certificate and CRL
//! inside, each its own object whose origin names the container.
//!
//! The structure is walked element by element rather than decoded in one go, so that one
//! certificate that breaks a rule (or does not decode at all) does not hide the others.

use super::der::{read_exact, tag, Tlv};
use super::{ContainerFormat, Context, Failure, Object, Origin};
use crate::decode::DecodeError;
use crate::input::Crl;

/// `id-signedData` (RFC 5652 5.1).
const SIGNED_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

/// Reads a ContentInfo holding SignedData.
///
/// ```text
/// ContentInfo ::= SEQUENCE {
///   contentType ContentType,
///   content [0] EXPLICIT ANY DEFINED BY contentType }
///
/// SignedData ::= SEQUENCE {
///   version CMSVersion,
///   digestAlgorithms DigestAlgorithmIdentifiers,
///   encapContentInfo EncapsulatedContentInfo,
///   certificates [0] IMPLICIT CertificateSet OPTIONAL,
///   crls [1] IMPLICIT RevocationInfoChoices OPTIONAL,
///   signerInfos SignerInfos }
/// ```
/// ([RFC 5652 3, 5.1](https://www.rfc-editor.org/rfc/rfc5652#section-5.1))
pub(crate) fn read(context: &mut Context<'_>, der: &[u8], origin: &Origin) -> Result<(), Failure> {
    let structure = "PKCS#7 ContentInfo";
    let content_info = read_exact(der, 0, structure)?;
    let fields = content_info.children(structure)?;
    let (Some(content_type), Some(explicit)) = (fields.first(), fields.get(1)) else {
        return Err(malformed(
            structure,
            &content_info,
            "expected a content type and a [0] content",
        ));
    };
    if content_type.content != SIGNED_DATA {
        let name = der::asn1::ObjectIdentifier::from_bytes(content_type.content)
            .map(|oid| crate::oid::name(&oid))
            .unwrap_or_else(|_| "an unreadable content type".into());
        return Err(Failure::Unsupported(format!(
            "a PKCS#7/CMS message of type {name}: only SignedData (certificate bundles) is read"
        )));
    }
    let structure = "PKCS#7 SignedData";
    let inner = explicit.children(structure)?;
    let Some(signed_data) = inner.first().filter(|t| t.tag == tag::SEQUENCE) else {
        return Err(malformed(
            structure,
            explicit,
            "expected a SignedData SEQUENCE inside [0]",
        ));
    };
    let mut position = 0usize;
    for field in signed_data.children(structure)? {
        let is_certificates = field.tag == tag::CONTEXT_0;
        let is_crls = field.tag == tag::CONTEXT_1;
        if !is_certificates && !is_crls {
            continue;
        }
        for item in field.children(structure)? {
            let here = origin.inside(ContainerFormat::Pkcs7, position, Some(item.offset));
            position += 1;
            let result = match (is_certificates, item.tag) {
                (true, tag::SEQUENCE) => {
                    super::decode_certificate(item.whole).map(|c| Object::Certificate(Box::new(c)))
                }
                (false, tag::SEQUENCE) => {
                    Crl::from_der(item.whole).map(|c| Object::Crl(Box::new(c)))
                }
                (true, other) => {
                    context.problem(
                        here,
                        Failure::Unsupported(format!(
                            "a CertificateChoices [{}] entry (attribute or other certificate), which certscope does not read",
                            other & 0x1f
                        )),
                    );
                    continue;
                }
                (false, _) => {
                    context.problem(
                        here,
                        Failure::Unsupported(
                            "an OtherRevocationInfoFormat entry, which certscope does not read"
                                .into(),
                        ),
                    );
                    continue;
                }
            };
            match result {
                Ok(object) => context.found(here, object),
                Err(error) => context.problem(here, Failure::Malformed(error)),
            }
        }
    }
    Ok(())
}

fn malformed(structure: &str, at: &Tlv<'_>, problem: &str) -> Failure {
    Failure::Malformed(DecodeError::new(
        structure,
        Some(at.offset),
        at.whole.len(),
        problem.to_owned(),
    ))
}
