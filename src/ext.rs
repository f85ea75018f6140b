//! Typed access to a certificate's extensions.
//!
//! An extension that is absent, present, malformed or duplicated is a value ([`Lookup`]), never
//! a failed certificate: a broken extension must still be shown and judged.
//!
//! ```text
//! Extension  ::=  SEQUENCE  {
//!      extnID      OBJECT IDENTIFIER,
//!      critical    BOOLEAN DEFAULT FALSE,
//!      extnValue   OCTET STRING }
//! ```
//! ([RFC 5280 4.1](https://www.rfc-editor.org/rfc/rfc5280#section-4.1))

use const_oid::AssociatedOid;
use der::asn1::ObjectIdentifier;
use der::DecodeOwned;
use x509_cert::ext::Extension;

use crate::cert::Cert;
use crate::decode::DecodeError;
use crate::name::GeneralName;
use crate::oid::Named;

mod access;
mod constraints;
mod ct;
mod identifiers;
mod lenient;
mod names;
mod policies;
mod usage;
mod vendor;

pub use access::{AccessDescription, DistributionPoint};
pub use constraints::GeneralSubtree;
pub use ct::SignedCertificateTimestamp;
pub use names::DirectoryAttribute;
pub use policies::{PolicyInformation, PolicyMapping, PolicyQualifier};
pub use vendor::TlsFeature;

pub use x509_cert::ext::pkix::{
    AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies,
    CrlDistributionPoints, ExtendedKeyUsage, InhibitAnyPolicy, KeyUsage, KeyUsages,
    NameConstraints, PolicyConstraints, PolicyMappings, SubjectAltName, SubjectInfoAccessSyntax,
    SubjectKeyIdentifier,
};

/// The outcome of looking for one extension.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "type"))]
pub enum Lookup<T> {
    /// The certificate does not carry it.
    Absent,
    /// Present and decoded.
    Present {
        /// The critical flag.
        critical: bool,
        /// The decoded value.
        value: T,
    },
    /// Present but its value does not decode.
    Malformed {
        /// The critical flag.
        critical: bool,
        /// Why it does not decode.
        error: DecodeError,
    },
    /// Present more than once, which RFC 5280 4.2 forbids; the first occurrence is decoded.
    Duplicate {
        /// The critical flag of the first occurrence.
        critical: bool,
        /// The first occurrence, decoded, or why it does not decode.
        first: Result<T, DecodeError>,
    },
}

impl<T> Lookup<T> {
    /// The decoded value, when there is exactly one occurrence and it decodes.
    pub fn value(&self) -> Option<&T> {
        match self {
            Lookup::Present { value, .. } => Some(value),
            _ => None,
        }
    }

    /// Whether the extension occurs at all.
    pub fn is_present(&self) -> bool {
        !matches!(self, Lookup::Absent)
    }

    /// The critical flag (of the first occurrence), when present.
    pub fn critical(&self) -> Option<bool> {
        match self {
            Lookup::Absent => None,
            Lookup::Present { critical, .. }
            | Lookup::Malformed { critical, .. }
            | Lookup::Duplicate { critical, .. } => Some(*critical),
        }
    }
}

/// The raw extensions of a certificate, in order (empty for v1/v2 certificates).
pub fn all(cert: &Cert) -> &[Extension] {
    cert.x509()
        .tbs_certificate()
        .extensions()
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// The raw extensions with the given OID.
pub fn raw<'a>(cert: &'a Cert, oid: &'a ObjectIdentifier) -> impl Iterator<Item = &'a Extension> {
    all(cert).iter().filter(move |e| &e.extn_id == oid)
}

/// Decodes an extension value as `T`, naming the extension in the error.
pub fn decode_value<T: DecodeOwned<Error = der::Error>>(
    extension: &Extension,
) -> Result<T, DecodeError> {
    let bytes = extension.extn_value.as_bytes();
    T::from_der(bytes).map_err(|e| {
        DecodeError::from_der(&crate::oid::short_name(&extension.extn_id), bytes.len(), e)
    })
}

/// Finds and decodes the extension of type `T` (by its OID), every time it is called: the
/// crate itself reads the decode kept with the certificate (its facts, `src/facts.rs`).
pub fn find<T: AssociatedOid + DecodeOwned<Error = der::Error>>(cert: &Cert) -> Lookup<T> {
    let mut matches = raw(cert, &T::OID);
    let Some(first) = matches.next() else {
        return Lookup::Absent;
    };
    let decoded = decode_value::<T>(first);
    if matches.next().is_some() {
        return Lookup::Duplicate {
            critical: first.critical,
            first: decoded,
        };
    }
    match decoded {
        Ok(value) => Lookup::Present {
            critical: first.critical,
            value,
        },
        Err(error) => Lookup::Malformed {
            critical: first.critical,
            error,
        },
    }
}

/// Whether the certificate says it is a CA: basicConstraints present, decodable and cA TRUE.
/// RFC 5280 4.2.1.9; self-issuance alone never makes a CA.
pub fn is_ca(cert: &Cert) -> bool {
    cert.facts().is_ca()
}

/// The extended key usage OIDs, when the extension is present and decodes.
pub fn extended_key_usage(cert: &Cert) -> Option<Vec<ObjectIdentifier>> {
    cert.facts().extended_key_usage().map(<[_]>::to_vec)
}

/// The key usage bits, when the extension is present and decodes.
pub fn key_usage(cert: &Cert) -> Option<KeyUsage> {
    cert.facts().key_usage()
}

/// The decoded value of one extension, as the report shows it: one arm per extension
/// certscope knows, [`ExtensionValue::Unknown`] for the others and [`ExtensionValue::Failed`]
/// for a known extension whose value does not decode (the certificate is still shown).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ExtensionValue {
    /// basicConstraints ([RFC 5280 4.2.1.9](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.9)).
    ///
    /// ```text
    /// BasicConstraints ::= SEQUENCE {
    ///      cA                      BOOLEAN DEFAULT FALSE,
    ///      pathLenConstraint       INTEGER (0..MAX) OPTIONAL }
    /// ```
    BasicConstraints {
        /// The cA flag.
        ca: bool,
        /// pathLenConstraint, when present.
        path_length: Option<u32>,
    },
    /// keyUsage ([RFC 5280 4.2.1.3](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.3)):
    /// the names of the bits set, in bit order (`digitalSignature`, `keyCertSign`...; a bit
    /// beyond `decipherOnly` is named `bit9`...).
    KeyUsage {
        /// Names of the bits set.
        usages: Vec<String>,
    },
    /// extendedKeyUsage ([RFC 5280 4.2.1.12](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.12)).
    ///
    /// ```text
    /// ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId
    /// ```
    ExtendedKeyUsage {
        /// The purposes in order; a private OID keeps its dotted form as name.
        purposes: Vec<Named>,
    },
    /// subjectAltName ([RFC 5280 4.2.1.6](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.6)).
    SubjectAltName {
        /// The names in order.
        names: Vec<GeneralName>,
    },
    /// issuerAltName ([RFC 5280 4.2.1.7](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.7)).
    IssuerAltName {
        /// The names in order.
        names: Vec<GeneralName>,
    },
    /// authorityKeyIdentifier ([RFC 5280 4.2.1.1](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.1)).
    ///
    /// ```text
    /// AuthorityKeyIdentifier ::= SEQUENCE {
    ///     keyIdentifier             [0] KeyIdentifier           OPTIONAL,
    ///     authorityCertIssuer       [1] GeneralNames            OPTIONAL,
    ///     authorityCertSerialNumber [2] CertificateSerialNumber OPTIONAL  }
    /// ```
    AuthorityKeyIdentifier {
        /// keyIdentifier as lowercase hex.
        key_identifier: Option<String>,
        /// authorityCertIssuer.
        issuer: Option<Vec<GeneralName>>,
        /// authorityCertSerialNumber as lowercase hex.
        serial_hex: Option<String>,
    },
    /// subjectKeyIdentifier ([RFC 5280 4.2.1.2](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.2)).
    SubjectKeyIdentifier {
        /// The identifier as lowercase hex.
        key_identifier: String,
    },
    /// authorityInfoAccess ([RFC 5280 4.2.2.1](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.2.1)).
    AuthorityInfoAccess {
        /// The access descriptions in order.
        descriptions: Vec<AccessDescription>,
    },
    /// subjectInfoAccess ([RFC 5280 4.2.2.2](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.2.2)).
    SubjectInfoAccess {
        /// The access descriptions in order.
        descriptions: Vec<AccessDescription>,
    },
    /// cRLDistributionPoints ([RFC 5280 4.2.1.13](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.13)).
    CrlDistributionPoints {
        /// The distribution points in order.
        points: Vec<DistributionPoint>,
    },
    /// freshestCRL ([RFC 5280 4.2.1.15](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.15)),
    /// the same syntax as cRLDistributionPoints.
    FreshestCrl {
        /// The distribution points in order.
        points: Vec<DistributionPoint>,
    },
    /// certificatePolicies ([RFC 5280 4.2.1.4](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.4)).
    CertificatePolicies {
        /// The policies in order.
        policies: Vec<PolicyInformation>,
    },
    /// policyMappings ([RFC 5280 4.2.1.5](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.5)).
    PolicyMappings {
        /// The mappings in order.
        mappings: Vec<PolicyMapping>,
    },
    /// policyConstraints ([RFC 5280 4.2.1.11](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.11)).
    ///
    /// ```text
    /// PolicyConstraints ::= SEQUENCE {
    ///      requireExplicitPolicy           [0] SkipCerts OPTIONAL,
    ///      inhibitPolicyMapping            [1] SkipCerts OPTIONAL }
    /// ```
    PolicyConstraints {
        /// requireExplicitPolicy.
        require_explicit_policy: Option<u32>,
        /// inhibitPolicyMapping.
        inhibit_policy_mapping: Option<u32>,
    },
    /// inhibitAnyPolicy ([RFC 5280 4.2.1.14](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.14)).
    InhibitAnyPolicy {
        /// SkipCerts.
        skip_certs: u32,
    },
    /// nameConstraints ([RFC 5280 4.2.1.10](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.10)).
    ///
    /// ```text
    /// NameConstraints ::= SEQUENCE {
    ///      permittedSubtrees       [0]     GeneralSubtrees OPTIONAL,
    ///      excludedSubtrees        [1]     GeneralSubtrees OPTIONAL }
    /// ```
    NameConstraints {
        /// permittedSubtrees (empty when absent).
        permitted: Vec<GeneralSubtree>,
        /// excludedSubtrees (empty when absent).
        excluded: Vec<GeneralSubtree>,
    },
    /// The CT precertificate poison ([RFC 6962 3.1](https://www.rfc-editor.org/rfc/rfc6962#section-3.1)):
    /// this is a precertificate, not a certificate a server can use.
    CtPrecertificatePoison,
    /// The embedded SCT list ([RFC 6962 3.3](https://www.rfc-editor.org/rfc/rfc6962#section-3.3)).
    SignedCertificateTimestamps {
        /// The timestamps in order.
        timestamps: Vec<SignedCertificateTimestamp>,
    },
    /// TLS Feature ([RFC 7633 6](https://www.rfc-editor.org/rfc/rfc7633#section-6)).
    ///
    /// ```text
    /// Features ::= SEQUENCE OF INTEGER
    /// ```
    TlsFeature {
        /// The features in order.
        features: Vec<TlsFeature>,
        /// status_request (5) is present: OCSP must-staple.
        must_staple: bool,
    },
    /// id-pkix-ocsp-nocheck ([RFC 6960 4.2.2.2.1](https://www.rfc-editor.org/rfc/rfc6960#section-4.2.2.2.1)):
    /// clients need not check this OCSP responder's revocation status.
    OcspNoCheck,
    /// Netscape certificate type (a BIT STRING from the Netscape extensions): the names of the
    /// bits set, as `openssl x509 -text` names them.
    NetscapeCertType {
        /// Names of the bits set (`SSL Client`, `SSL Server`, `S/MIME`...).
        types: Vec<String>,
    },
    /// Netscape comment (an IA5String).
    NetscapeComment {
        /// The comment.
        comment: String,
    },
    /// Microsoft certificate template (szOID_CERTIFICATE_TEMPLATE, MS-WCCE 2.2.2.7.7.2).
    ///
    /// ```text
    /// CertificateTemplate ::= SEQUENCE {
    ///     templateID              EncodedObjectID,
    ///     templateMajorVersion    TemplateVersion OPTIONAL,
    ///     templateMinorVersion    TemplateVersion OPTIONAL }
    /// ```
    MicrosoftCertificateTemplate {
        /// The template's OID.
        template: Named,
        /// templateMajorVersion.
        major_version: Option<u32>,
        /// templateMinorVersion.
        minor_version: Option<u32>,
    },
    /// Microsoft certificate template name (szOID_ENROLL_CERTTYPE_EXTENSION, a BMPString).
    MicrosoftCertificateTemplateName {
        /// The template name.
        name: String,
    },
    /// Microsoft CA version (szOID_CERTSRV_CA_VERSION, MS-WCCE 2.2.2.7.7.1): an INTEGER
    /// whose low 16 bits are the certificate index and high 16 bits the key index.
    MicrosoftCaVersion {
        /// Index of the CA certificate (renewals).
        certificate_index: u32,
        /// Index of the CA key (re-keys).
        key_index: u32,
    },
    /// Microsoft application policies (szOID_APPLICATION_CERT_POLICIES): the syntax of
    /// certificatePolicies, holding extended key usage OIDs (MS-WCCE 2.2.2.7.7.3).
    MicrosoftApplicationPolicies {
        /// The policies in order.
        policies: Vec<PolicyInformation>,
    },
    /// privateKeyUsagePeriod (RFC 3280 4.2.1.4; removed from RFC 5280 but found in old roots).
    ///
    /// ```text
    /// PrivateKeyUsagePeriod ::= SEQUENCE {
    ///      notBefore       [0]     GeneralizedTime OPTIONAL,
    ///      notAfter        [1]     GeneralizedTime OPTIONAL }
    /// ```
    PrivateKeyUsagePeriod {
        /// notBefore as RFC 3339 UTC.
        not_before: Option<String>,
        /// notAfter as RFC 3339 UTC.
        not_after: Option<String>,
    },
    /// subjectDirectoryAttributes ([RFC 5280 4.2.1.8](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.8)).
    ///
    /// ```text
    /// SubjectDirectoryAttributes ::= SEQUENCE SIZE (1..MAX) OF Attribute
    /// ```
    SubjectDirectoryAttributes {
        /// The attributes in order.
        attributes: Vec<DirectoryAttribute>,
    },
    /// An extension certscope does not decode: its value as hex.
    Unknown {
        /// The extnValue contents as lowercase hex.
        der_hex: String,
    },
    /// A known extension whose value does not decode.
    Failed {
        /// Why it does not decode.
        error: DecodeError,
    },
}

/// Decodes one extension's value for the report. Never fails: an unknown extension is
/// [`ExtensionValue::Unknown`], a broken one [`ExtensionValue::Failed`].
pub fn decode_extension(extension: &Extension) -> ExtensionValue {
    let bytes = extension.extn_value.as_bytes();
    let structure = crate::oid::short_name(&extension.extn_id);
    let der_error = |e: der::Error| DecodeError::from_der(&structure, bytes.len(), e);
    let decoded = match extension.extn_id.to_string().as_str() {
        "2.5.29.19" => constraints::basic(bytes).map_err(der_error),
        "2.5.29.15" => usage::key_usage(bytes).map_err(der_error),
        "2.5.29.37" => usage::extended_key_usage(bytes).map_err(der_error),
        "2.16.840.1.113730.1.1" => usage::netscape_cert_type(bytes).map_err(der_error),
        "2.5.29.17" => crate::name::general_names(bytes)
            .map(|names| ExtensionValue::SubjectAltName { names })
            .map_err(der_error),
        "2.5.29.18" => crate::name::general_names(bytes)
            .map(|names| ExtensionValue::IssuerAltName { names })
            .map_err(der_error),
        "2.5.29.9" => names::subject_directory_attributes(bytes).map_err(der_error),
        "2.5.29.35" => identifiers::authority_key_identifier(bytes).map_err(der_error),
        "2.5.29.14" => identifiers::subject_key_identifier(bytes).map_err(der_error),
        "1.3.6.1.5.5.7.1.1" => access::authority_info_access(bytes).map_err(der_error),
        "1.3.6.1.5.5.7.1.11" => access::subject_info_access(bytes).map_err(der_error),
        "2.5.29.31" => access::distribution_points(bytes)
            .map(|points| ExtensionValue::CrlDistributionPoints { points })
            .map_err(der_error),
        "2.5.29.46" => access::distribution_points(bytes)
            .map(|points| ExtensionValue::FreshestCrl { points })
            .map_err(der_error),
        "2.5.29.32" => policies::certificate_policies(bytes)
            .map(|policies| ExtensionValue::CertificatePolicies { policies })
            .map_err(der_error),
        "1.3.6.1.4.1.311.21.10" => policies::certificate_policies(bytes)
            .map(|policies| ExtensionValue::MicrosoftApplicationPolicies { policies })
            .map_err(der_error),
        "2.5.29.16" => usage::private_key_usage_period(bytes).map_err(der_error),
        "2.5.29.33" => policies::policy_mappings(bytes).map_err(der_error),
        "2.5.29.36" => constraints::policy(bytes).map_err(der_error),
        "2.5.29.54" => constraints::inhibit_any_policy(bytes).map_err(der_error),
        "2.5.29.30" => constraints::name(bytes).map_err(der_error),
        "1.3.6.1.4.1.11129.2.4.3" => vendor::null(bytes)
            .map(|()| ExtensionValue::CtPrecertificatePoison)
            .map_err(der_error),
        "1.3.6.1.5.5.7.48.1.5" => vendor::null(bytes)
            .map(|()| ExtensionValue::OcspNoCheck)
            .map_err(der_error),
        "1.3.6.1.4.1.11129.2.4.2" => ct::sct_list(bytes, &structure),
        "1.3.6.1.5.5.7.1.24" => vendor::tls_feature(bytes).map_err(der_error),
        "2.16.840.1.113730.1.13" => vendor::text(bytes, &structure)
            .map(|comment| ExtensionValue::NetscapeComment { comment }),
        "1.3.6.1.4.1.311.21.7" => vendor::certificate_template(bytes).map_err(der_error),
        "1.3.6.1.4.1.311.20.2" => vendor::text(bytes, &structure)
            .map(|name| ExtensionValue::MicrosoftCertificateTemplateName { name }),
        "1.3.6.1.4.1.311.21.1" => vendor::ca_version(bytes).map_err(der_error),
        _ => Ok(ExtensionValue::Unknown {
            der_hex: crate::cert::hex(bytes),
        }),
    };
    decoded.unwrap_or_else(|error| ExtensionValue::Failed { error })
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
    fn every_decoded_extension_is_named_by_the_registry() {
        let source = include_str!("ext.rs");
        let start = source.find("pub fn decode_extension").unwrap();
        let end = start + source[start..].find("decoded.unwrap_or_else").unwrap();
        let arms: Vec<&str> = source[start..end]
            .lines()
            .filter_map(|line| line.trim().strip_prefix('"'))
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(arms.len(), 28);
        for dotted in arms {
            let oid = ObjectIdentifier::new(dotted).unwrap();
            assert!(
                crate::oid::lookup(&oid).is_some(),
                "{dotted} has no registry entry"
            );
        }
    }

    #[test]
    fn unknown_and_failed_are_values() {
        let unknown = Extension {
            extn_id: ObjectIdentifier::new_unwrap("1.3.6.1.4.1.55555.1"),
            critical: true,
            extn_value: der::asn1::OctetString::new(vec![0x05, 0x00]).unwrap(),
        };
        assert_eq!(
            decode_extension(&unknown),
            ExtensionValue::Unknown {
                der_hex: "0500".into()
            }
        );
        let broken = Extension {
            extn_id: ObjectIdentifier::new_unwrap("2.5.29.19"),
            critical: true,
            extn_value: der::asn1::OctetString::new(vec![0x30, 0x03, 0x01, 0x01]).unwrap(),
        };
        let ExtensionValue::Failed { error } = decode_extension(&broken) else {
            panic!("a truncated basicConstraints must fail");
        };
        assert_eq!(error.structure, "basicConstraints");
    }

    fn decode(oid: &str, der: &[u8]) -> ExtensionValue {
        decode_extension(&Extension {
            extn_id: ObjectIdentifier::new_unwrap(oid),
            critical: false,
            extn_value: der::asn1::OctetString::new(der.to_vec()).unwrap(),
        })
    }

    #[test]
    fn odd_names_do_not_fail_their_extension() {
        // nameConstraints permitting one base with the tag [9], outside the CHOICE.
        let ExtensionValue::NameConstraints { permitted, .. } = decode(
            "2.5.29.30",
            &[0x30, 0x07, 0xa0, 0x05, 0x30, 0x03, 0x89, 0x01, 0x00],
        ) else {
            panic!("nameConstraints must decode");
        };
        assert!(matches!(permitted[0].base, GeneralName::Invalid { .. }));
        // authorityInfoAccess with an x400Address location.
        let ExtensionValue::AuthorityInfoAccess { descriptions } = decode(
            "1.3.6.1.5.5.7.1.1",
            &[
                0x30, 0x10, 0x30, 0x0e, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02,
                0xa3, 0x02, 0x30, 0x00,
            ],
        ) else {
            panic!("authorityInfoAccess must decode");
        };
        assert_eq!(descriptions[0].method.name, "caIssuers");
        assert_eq!(
            descriptions[0].location,
            GeneralName::X400Address {
                der_hex: "3000".into()
            }
        );
    }

    #[test]
    fn distribution_point_relative_name_and_long_key_serial() {
        let ExtensionValue::CrlDistributionPoints { points } = decode(
            "2.5.29.31",
            &[
                0x30, 0x10, 0x30, 0x0e, 0xa0, 0x0c, 0xa1, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04,
                0x03, 0x0c, 0x01, 0x61,
            ],
        ) else {
            panic!("cRLDistributionPoints must decode");
        };
        assert_eq!(points[0].relative_name.as_deref(), Some("CN=a"));
        assert_eq!(points[0].full_name, None);
        // A 25-byte authorityCertSerialNumber is shown, not refused (RFC 5280 allows 20).
        let mut akid = vec![0x30, 0x1b, 0x82, 0x19];
        akid.extend([0x01; 25]);
        let ExtensionValue::AuthorityKeyIdentifier { serial_hex, .. } = decode("2.5.29.35", &akid)
        else {
            panic!("authorityKeyIdentifier must decode");
        };
        assert_eq!(serial_hex, Some("01".repeat(25)));
    }

    #[test]
    fn self_signed_leaf_is_not_a_ca() {
        let leaf = cert(include_str!("../tests/data/doc/leaf.pem"));
        // openssl req -x509 adds basicConstraints cA:TRUE by default; the doc fixture keeps it.
        assert!(find::<BasicConstraints>(&leaf).is_present());
        assert!(matches!(find::<ExtendedKeyUsage>(&leaf), Lookup::Absent));
        assert_eq!(extended_key_usage(&leaf), None);
    }
}
