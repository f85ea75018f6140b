//! The one OID registry of certscope: names, short names and where each is defined.
//!
//! Every layer (report, text output, page) names OIDs through [`lookup`]. The table covers what
//! the report shows; an OID it does not know is shown as its dotted form.

use der::asn1::ObjectIdentifier;

/// What certscope knows about one OID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OidInfo {
    /// Dotted decimal form.
    pub oid: &'static str,
    /// The name used in the standards, e.g. `id-kp-serverAuth`.
    pub name: &'static str,
    /// The short display name, e.g. `serverAuth`, `CN`.
    pub short: &'static str,
    /// Where it is defined.
    pub reference: &'static str,
}

macro_rules! oids {
    ($( $oid:literal, $name:literal, $short:literal, $reference:literal; )*) => {
        /// The registry, sorted by nothing in particular; [`lookup`] searches it.
        pub static REGISTRY: &[OidInfo] = &[
            $( OidInfo { oid: $oid, name: $name, short: $short, reference: $reference }, )*
        ];
        /// The registry's OIDs in the same order, parsed at compile time, so a lookup
        /// compares encoded arcs instead of formatting the OID as text.
        static PARSED: &[ObjectIdentifier] = &[ $( ObjectIdentifier::new_unwrap($oid), )* ];
    };
}

oids! {
    // Attribute types (RFC 4519, RFC 5280 appendix A, X.520)
    "2.5.4.3", "id-at-commonName", "CN", "RFC 4519";
    "2.5.4.4", "id-at-surname", "SN", "RFC 4519";
    "2.5.4.5", "id-at-serialNumber", "serialNumber", "RFC 4519";
    "2.5.4.6", "id-at-countryName", "C", "RFC 4519";
    "2.5.4.7", "id-at-localityName", "L", "RFC 4519";
    "2.5.4.8", "id-at-stateOrProvinceName", "ST", "RFC 4519";
    "2.5.4.9", "id-at-streetAddress", "street", "RFC 4519";
    "2.5.4.10", "id-at-organizationName", "O", "RFC 4519";
    "2.5.4.11", "id-at-organizationalUnitName", "OU", "RFC 4519";
    "2.5.4.12", "id-at-title", "title", "RFC 4519";
    "2.5.4.15", "id-at-businessCategory", "businessCategory", "X.520";
    "2.5.4.17", "id-at-postalCode", "postalCode", "RFC 4519";
    "2.5.4.42", "id-at-givenName", "GN", "RFC 4519";
    "2.5.4.43", "id-at-initials", "initials", "RFC 4519";
    "2.5.4.44", "id-at-generationQualifier", "generationQualifier", "RFC 4519";
    "2.5.4.46", "id-at-dnQualifier", "dnQualifier", "RFC 4519";
    "2.5.4.65", "id-at-pseudonym", "pseudonym", "RFC 5280";
    "2.5.4.97", "id-at-organizationIdentifier", "organizationIdentifier", "X.520";
    "0.9.2342.19200300.100.1.25", "domainComponent", "DC", "RFC 4519";
    "0.9.2342.19200300.100.1.1", "userId", "UID", "RFC 4519";
    "1.2.840.113549.1.9.1", "emailAddress", "emailAddress", "RFC 2985";
    "1.3.6.1.4.1.311.60.2.1.1", "jurisdictionOfIncorporationLocalityName", "jurisdictionL", "CA/B EV Guidelines";
    "1.3.6.1.4.1.311.60.2.1.2", "jurisdictionOfIncorporationStateOrProvinceName", "jurisdictionST", "CA/B EV Guidelines";
    "1.3.6.1.4.1.311.60.2.1.3", "jurisdictionOfIncorporationCountryName", "jurisdictionC", "CA/B EV Guidelines";
    // Subject directory attributes (RFC 3739 3.2.2)
    "1.3.6.1.5.5.7.9.1", "id-pda-dateOfBirth", "dateOfBirth", "RFC 3739 3.2.2";
    "1.3.6.1.5.5.7.9.2", "id-pda-placeOfBirth", "placeOfBirth", "RFC 3739 3.2.2";
    "1.3.6.1.5.5.7.9.3", "id-pda-gender", "gender", "RFC 3739 3.2.2";
    "1.3.6.1.5.5.7.9.4", "id-pda-countryOfCitizenship", "countryOfCitizenship", "RFC 3739 3.2.2";
    "1.3.6.1.5.5.7.9.5", "id-pda-countryOfResidence", "countryOfResidence", "RFC 3739 3.2.2";
    // Public key algorithms
    "1.2.840.113549.1.1.1", "rsaEncryption", "RSA", "RFC 8017";
    "1.2.840.113549.1.1.10", "id-RSASSA-PSS", "RSASSA-PSS", "RFC 8017";
    "1.2.840.10045.2.1", "id-ecPublicKey", "EC", "RFC 5480";
    "1.3.101.112", "id-Ed25519", "Ed25519", "RFC 8410";
    "1.3.101.113", "id-Ed448", "Ed448", "RFC 8410";
    "1.3.101.110", "id-X25519", "X25519", "RFC 8410";
    "1.2.840.10040.4.1", "id-dsa", "DSA", "RFC 3279";
    // Curves
    "1.2.840.10045.3.1.7", "prime256v1", "P-256", "RFC 5480";
    "1.3.132.0.34", "secp384r1", "P-384", "RFC 5480";
    "1.3.132.0.35", "secp521r1", "P-521", "RFC 5480";
    "1.3.132.0.10", "secp256k1", "secp256k1", "SEC 2";
    // Signature algorithms
    "1.2.840.113549.1.1.4", "md5WithRSAEncryption", "RSA-MD5", "RFC 3279";
    "1.2.840.113549.1.1.5", "sha1WithRSAEncryption", "RSA-SHA1", "RFC 3279";
    "1.2.840.113549.1.1.14", "sha224WithRSAEncryption", "RSA-SHA224", "RFC 4055";
    "1.2.840.113549.1.1.11", "sha256WithRSAEncryption", "RSA-SHA256", "RFC 4055";
    "1.2.840.113549.1.1.12", "sha384WithRSAEncryption", "RSA-SHA384", "RFC 4055";
    "1.2.840.113549.1.1.13", "sha512WithRSAEncryption", "RSA-SHA512", "RFC 4055";
    "1.2.840.10045.4.1", "ecdsa-with-SHA1", "ECDSA-SHA1", "RFC 3279";
    "1.2.840.10045.4.3.1", "ecdsa-with-SHA224", "ECDSA-SHA224", "RFC 5758";
    "1.2.840.10045.4.3.2", "ecdsa-with-SHA256", "ECDSA-SHA256", "RFC 5758";
    "1.2.840.10045.4.3.3", "ecdsa-with-SHA384", "ECDSA-SHA384", "RFC 5758";
    "1.2.840.10045.4.3.4", "ecdsa-with-SHA512", "ECDSA-SHA512", "RFC 5758";
    "1.2.840.113549.1.1.8", "id-mgf1", "MGF1", "RFC 8017";
    "1.2.840.10040.4.3", "id-dsa-with-sha1", "DSA-SHA1", "RFC 3279";
    "2.16.840.1.101.3.4.3.2", "id-dsa-with-sha256", "DSA-SHA256", "RFC 5758";
    "1.2.840.113549.1.1.2", "md2WithRSAEncryption", "RSA-MD2", "RFC 3279";
    // Hashes
    "1.3.14.3.2.26", "id-sha1", "SHA-1", "RFC 3279";
    "2.16.840.1.101.3.4.2.4", "id-sha224", "SHA-224", "RFC 4055";
    "2.16.840.1.101.3.4.2.1", "id-sha256", "SHA-256", "RFC 4055";
    "2.16.840.1.101.3.4.2.2", "id-sha384", "SHA-384", "RFC 4055";
    "2.16.840.1.101.3.4.2.3", "id-sha512", "SHA-512", "RFC 4055";
    // Extensions
    "2.5.29.9", "id-ce-subjectDirectoryAttributes", "subjectDirectoryAttributes", "RFC 5280 4.2.1.8";
    "2.5.29.14", "id-ce-subjectKeyIdentifier", "subjectKeyIdentifier", "RFC 5280 4.2.1.2";
    "2.5.29.15", "id-ce-keyUsage", "keyUsage", "RFC 5280 4.2.1.3";
    "2.5.29.17", "id-ce-subjectAltName", "subjectAltName", "RFC 5280 4.2.1.6";
    "2.5.29.18", "id-ce-issuerAltName", "issuerAltName", "RFC 5280 4.2.1.7";
    "2.5.29.19", "id-ce-basicConstraints", "basicConstraints", "RFC 5280 4.2.1.9";
    "2.5.29.16", "id-ce-privateKeyUsagePeriod", "privateKeyUsagePeriod", "RFC 3280 4.2.1.4";
    "2.5.29.20", "id-ce-cRLNumber", "cRLNumber", "RFC 5280 5.2.3";
    "2.5.29.21", "id-ce-cRLReasons", "reasonCode", "RFC 5280 5.3.1";
    "2.5.29.24", "id-ce-invalidityDate", "invalidityDate", "RFC 5280 5.3.2";
    "2.5.29.27", "id-ce-deltaCRLIndicator", "deltaCRLIndicator", "RFC 5280 5.2.4";
    "2.5.29.28", "id-ce-issuingDistributionPoint", "issuingDistributionPoint", "RFC 5280 5.2.5";
    "2.5.29.29", "id-ce-certificateIssuer", "certificateIssuer", "RFC 5280 5.3.3";
    "2.5.29.30", "id-ce-nameConstraints", "nameConstraints", "RFC 5280 4.2.1.10";
    "2.5.29.31", "id-ce-cRLDistributionPoints", "cRLDistributionPoints", "RFC 5280 4.2.1.13";
    "2.5.29.32", "id-ce-certificatePolicies", "certificatePolicies", "RFC 5280 4.2.1.4";
    "2.5.29.33", "id-ce-policyMappings", "policyMappings", "RFC 5280 4.2.1.5";
    "2.5.29.35", "id-ce-authorityKeyIdentifier", "authorityKeyIdentifier", "RFC 5280 4.2.1.1";
    "2.5.29.36", "id-ce-policyConstraints", "policyConstraints", "RFC 5280 4.2.1.11";
    "2.5.29.37", "id-ce-extKeyUsage", "extendedKeyUsage", "RFC 5280 4.2.1.12";
    "2.5.29.46", "id-ce-freshestCRL", "freshestCRL", "RFC 5280 4.2.1.15";
    "2.5.29.54", "id-ce-inhibitAnyPolicy", "inhibitAnyPolicy", "RFC 5280 4.2.1.14";
    "1.3.6.1.5.5.7.1.1", "id-pe-authorityInfoAccess", "authorityInfoAccess", "RFC 5280 4.2.2.1";
    "1.3.6.1.5.5.7.1.11", "id-pe-subjectInfoAccess", "subjectInfoAccess", "RFC 5280 4.2.2.2";
    "1.3.6.1.5.5.7.1.3", "id-pe-qcStatements", "qcStatements", "RFC 3739 3.2.6";
    "1.2.840.113533.7.65.0", "entrustVersInfo", "entrustVersionInfo", "Entrust";
    "1.3.6.1.5.5.7.1.24", "id-pe-tlsfeature", "tlsFeature", "RFC 7633";
    "1.3.6.1.5.5.7.48.1.5", "id-pkix-ocsp-nocheck", "ocspNoCheck", "RFC 6960 4.2.2.2.1";
    "1.3.6.1.4.1.11129.2.4.2", "embeddedSCTList", "ctSCTList", "RFC 6962 3.3";
    "1.3.6.1.4.1.11129.2.4.3", "ctPrecertificatePoison", "ctPoison", "RFC 6962 3.1";
    "2.16.840.1.113730.1.1", "netscape-cert-type", "nsCertType", "Netscape";
    "2.16.840.1.113730.1.13", "netscape-comment", "nsComment", "Netscape";
    "1.3.6.1.4.1.311.21.7", "szOID_CERTIFICATE_TEMPLATE", "msCertificateTemplate", "Microsoft";
    "1.3.6.1.4.1.311.20.2", "szOID_ENROLL_CERTTYPE_EXTENSION", "msCertificateTemplateName", "Microsoft";
    "1.3.6.1.4.1.311.21.1", "szOID_CERTSRV_CA_VERSION", "msCAVersion", "Microsoft";
    "1.3.6.1.4.1.311.21.2", "szOID_CERTSRV_PREVIOUS_CERT_HASH", "msPreviousCACertHash", "Microsoft";
    "1.3.6.1.4.1.311.21.10", "szOID_APPLICATION_CERT_POLICIES", "msApplicationPolicies", "Microsoft";
    // Extended key usages
    "2.5.29.37.0", "anyExtendedKeyUsage", "anyExtendedKeyUsage", "RFC 5280 4.2.1.12";
    "1.3.6.1.5.5.7.3.1", "id-kp-serverAuth", "serverAuth", "RFC 5280 4.2.1.12";
    "1.3.6.1.5.5.7.3.2", "id-kp-clientAuth", "clientAuth", "RFC 5280 4.2.1.12";
    "1.3.6.1.5.5.7.3.3", "id-kp-codeSigning", "codeSigning", "RFC 5280 4.2.1.12";
    "1.3.6.1.5.5.7.3.4", "id-kp-emailProtection", "emailProtection", "RFC 5280 4.2.1.12";
    "1.3.6.1.5.5.7.3.5", "id-kp-ipsecEndSystem", "ipsecEndSystem", "RFC 2459";
    "1.3.6.1.5.5.7.3.6", "id-kp-ipsecTunnel", "ipsecTunnel", "RFC 2459";
    "1.3.6.1.5.5.7.3.7", "id-kp-ipsecUser", "ipsecUser", "RFC 2459";
    "1.3.6.1.5.5.7.3.8", "id-kp-timeStamping", "timeStamping", "RFC 5280 4.2.1.12";
    "1.3.6.1.5.5.7.3.9", "id-kp-OCSPSigning", "OCSPSigning", "RFC 5280 4.2.1.12";
    "1.3.6.1.5.5.7.3.10", "id-kp-dvcs", "dvcs", "RFC 3029";
    "1.3.6.1.5.5.7.3.17", "id-kp-ipsecIKE", "ipsecIKE", "RFC 4945";
    "1.3.6.1.5.5.7.3.36", "id-kp-documentSigning", "documentSigning", "RFC 9336";
    "1.3.6.1.5.5.7.3.30", "id-kp-cmcRA", "cmcRA", "RFC 6402";
    "1.3.6.1.5.5.7.3.21", "id-kp-secureShellClient", "secureShellClient", "RFC 6187";
    "1.3.6.1.5.5.7.3.22", "id-kp-secureShellServer", "secureShellServer", "RFC 6187";
    "1.3.6.1.5.5.7.3.27", "id-kp-cmcCA", "cmcCA", "RFC 6402";
    "1.3.6.1.5.5.7.3.28", "id-kp-cmcArchive", "cmcArchive", "RFC 6402";
    "1.3.6.1.5.5.7.3.31", "id-kp-bgpsec-router", "bgpsecRouter", "RFC 8209";
    "1.3.6.1.5.2.3.4", "id-pkinit-KPClientAuth", "pkinitClientAuth", "RFC 4556";
    "1.3.6.1.5.2.3.5", "id-pkinit-KPKdc", "pkinitKDC", "RFC 4556";
    "1.3.6.1.4.1.311.20.2.2", "szOID_KP_SMARTCARD_LOGON", "msSmartcardLogin", "Microsoft";
    "1.3.6.1.4.1.311.10.3.1", "szOID_KP_CTL_USAGE_SIGNING", "msCTLSign", "Microsoft";
    "1.3.6.1.4.1.311.10.3.2", "szOID_KP_TIME_STAMP_SIGNING", "msTimeStampSigning", "Microsoft";
    "1.3.6.1.4.1.311.10.3.4.1", "szOID_EFS_RECOVERY", "msEFSRecovery", "Microsoft";
    "1.3.6.1.4.1.311.10.3.11", "szOID_KP_KEY_RECOVERY", "msKeyRecovery", "Microsoft";
    "1.3.6.1.4.1.311.20.2.1", "szOID_ENROLLMENT_AGENT", "msEnrollmentAgent", "Microsoft";
    "1.3.6.1.4.1.311.21.5", "szOID_KP_CA_EXCHANGE", "msCAExchange", "Microsoft";
    "1.3.6.1.4.1.311.21.6", "szOID_KP_KEY_RECOVERY_AGENT", "msKeyRecoveryAgent", "Microsoft";
    "1.3.6.1.4.1.311.10.3.3", "szOID_SERVER_GATED_CRYPTO", "msSGC", "Microsoft";
    "1.3.6.1.4.1.311.10.3.4", "szOID_EFS_CRYPTO", "msEFS", "Microsoft";
    "1.3.6.1.4.1.311.10.3.12", "szOID_KP_DOCUMENT_SIGNING", "msDocumentSigning", "Microsoft";
    "1.3.6.1.4.1.311.10.3.13", "szOID_KP_LIFETIME_SIGNING", "msLifetimeSigning", "Microsoft";
    "1.3.6.1.4.1.311.2.1.21", "SPC_INDIVIDUAL_SP_KEY_PURPOSE", "msCodeInd", "Microsoft";
    "1.3.6.1.4.1.311.2.1.22", "SPC_COMMERCIAL_SP_KEY_PURPOSE", "msCodeCom", "Microsoft";
    "1.3.6.1.4.1.311.61.1.1", "szOID_KP_KERNEL_MODE_CODE_SIGNING", "msKernelCodeSigning", "Microsoft";
    "2.16.840.1.113730.4.1", "netscape-server-gated-crypto", "nsSGC", "Netscape";
    "1.2.840.113635.100.4.1", "appleCodeSigning", "appleCodeSigning", "Apple";
    "1.2.840.113635.100.4.8", "appleIChatSigning", "appleIChatSigning", "Apple";
    "1.2.840.113635.100.4.9", "appleIChatEncryption", "appleIChatEncryption", "Apple";
    "1.2.840.113635.100.4.13", "appleCodeSigningDevelopment", "appleCodeSigningDevelopment", "Apple";
    "1.3.6.1.4.1.11129.2.4.4", "ctPrecertificateSigning", "ctPrecertSigning", "RFC 6962 3.1";
    // Certificate policies
    "2.5.29.32.0", "anyPolicy", "anyPolicy", "RFC 5280 4.2.1.4";
    "2.23.140.1.1", "CA/B Forum EV", "ev", "CA/B EV Guidelines";
    "2.23.140.1.2.1", "CA/B Forum Domain Validated", "dv", "CA/B BR 7.1.6.1";
    "2.23.140.1.2.2", "CA/B Forum Organization Validated", "ov", "CA/B BR 7.1.6.1";
    "2.23.140.1.2.3", "CA/B Forum Individual Validated", "iv", "CA/B BR 7.1.6.1";
    "2.23.140.1.3", "CA/B Forum EV Code Signing", "evCodeSigning", "CA/B CS BR";
    "2.23.140.1.4.1", "CA/B Forum Code Signing", "codeSigning", "CA/B CS BR";
    "2.23.140.1.5.1.1", "CA/B Forum S/MIME mailbox-validated legacy", "smimeMailboxLegacy", "CA/B S/MIME BR";
    "2.23.140.1.5.1.2", "CA/B Forum S/MIME mailbox-validated multipurpose", "smimeMailboxMultipurpose", "CA/B S/MIME BR";
    "2.23.140.1.5.1.3", "CA/B Forum S/MIME mailbox-validated strict", "smimeMailboxStrict", "CA/B S/MIME BR";
    "2.23.140.1.31", "CA/B Forum Onion EV", "onionEV", "CA/B EV Guidelines Appendix F";
    "1.3.6.1.4.1.44947.1.1.1", "ISRG Domain Validated", "isrgDV", "Let's Encrypt CP";
    "2.16.840.1.114412.2.1", "DigiCert EV", "digicertEV", "DigiCert CP";
    "1.3.6.1.5.5.7.2.1", "id-qt-cps", "cps", "RFC 5280 4.2.1.4";
    "1.3.6.1.5.5.7.2.2", "id-qt-unotice", "userNotice", "RFC 5280 4.2.1.4";
    // Access methods
    "1.3.6.1.5.5.7.48.1", "id-ad-ocsp", "OCSP", "RFC 5280 4.2.2.1";
    "1.3.6.1.5.5.7.48.2", "id-ad-caIssuers", "caIssuers", "RFC 5280 4.2.2.1";
    "1.3.6.1.5.5.7.48.3", "id-ad-timeStamping", "timeStamping", "RFC 5280 4.2.2.2";
    "1.3.6.1.5.5.7.48.5", "id-ad-caRepository", "caRepository", "RFC 5280 4.2.2.2";
    // otherName types
    "1.3.6.1.4.1.311.20.2.3", "szOID_NT_PRINCIPAL_NAME", "UPN", "Microsoft";
    "1.3.6.1.5.5.7.8.4", "id-on-hardwareModuleName", "hardwareModuleName", "RFC 4108";
    "1.3.6.1.5.5.7.8.9", "id-on-SmtpUTF8Mailbox", "SmtpUTF8Mailbox", "RFC 9598";
    "1.3.6.1.5.5.7.8.7", "id-on-dnsSRV", "SRVName", "RFC 4985";
    // Content types
    "1.2.840.113549.1.7.1", "id-data", "data", "RFC 5652";
    "1.2.840.113549.1.7.2", "id-signedData", "signedData", "RFC 5652";
    "1.2.840.113549.1.9.14", "extensionRequest", "extensionRequest", "RFC 2985";
    "1.2.840.113549.1.9.7", "challengePassword", "challengePassword", "RFC 2985";
}

/// An OID with the name the report shows for it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Named {
    /// Dotted OID.
    pub oid: String,
    /// Its name from the registry, or the dotted OID when the registry does not know it.
    pub name: String,
}

impl Named {
    /// The OID with its short display name (`serverAuth`, `OCSP`).
    pub fn short(oid: &ObjectIdentifier) -> Named {
        Named {
            oid: dotted(oid),
            name: short_name(oid),
        }
    }

    /// The OID with its standard name (`CA/B Forum Domain Validated`, `sha256WithRSAEncryption`).
    pub fn long(oid: &ObjectIdentifier) -> Named {
        Named {
            oid: dotted(oid),
            name: name(oid),
        }
    }
}

/// Looks an OID up in the registry.
pub fn lookup(oid: &ObjectIdentifier) -> Option<&'static OidInfo> {
    let index = PARSED.iter().position(|known| known == oid)?;
    REGISTRY.get(index)
}

/// Whether `id` is the OID written `dotted`, compared arc by arc without formatting `id`.
pub fn is(id: &ObjectIdentifier, dotted: &str) -> bool {
    let mut parts = dotted.split('.');
    for arc in id.arcs() {
        match parts.next().map(str::parse::<u32>) {
            Some(Ok(n)) if n == arc => {}
            _ => return false,
        }
    }
    parts.next().is_none()
}

/// The short display name of an OID, or its dotted form when the registry does not know it.
pub fn short_name(oid: &ObjectIdentifier) -> String {
    short(oid).into_owned()
}

/// [`short_name`] without copying a name the registry knows.
pub fn short(oid: &ObjectIdentifier) -> std::borrow::Cow<'static, str> {
    lookup(oid).map_or_else(|| dotted(oid).into(), |info| info.short.into())
}

/// The standard name followed by the dotted form, e.g. `id-kp-clientAuth (1.3.6.1.5.5.7.3.2)`,
/// the way evidence names an OID; the dotted form alone when the registry does not know it.
pub fn describe(oid: &ObjectIdentifier) -> String {
    match lookup(oid) {
        Some(info) => format!("{} ({})", info.name, info.oid),
        None => dotted(oid),
    }
}

/// The standard name of an OID, or its dotted form when the registry does not know it.
pub fn name(oid: &ObjectIdentifier) -> String {
    lookup(oid).map_or_else(|| dotted(oid), |info| info.name.to_owned())
}

/// The first arcs of every stand-in OID: `2.25.0`, the arc of the nil UUID (X.667), which no
/// issued object uses. (The decoder's OIDs hold only first arcs up to `2.39`, so the example
/// arc `2.999` cannot serve.)
const STAND_IN_PREFIX: [u32; 3] = [2, 25, 0];
/// Bits of the original encoding each arc of a stand-in carries.
const STAND_IN_BITS: u32 = 28;
/// The longest encoding a stand-in can carry: 36 of const-oid's 39 bytes hold 9 arcs of 28
/// bits after the prefix (2 bytes) and the length arc (1 byte).
pub const STAND_IN_MAX_BYTES: usize = 31;

/// The dotted form of an OID. For a stand-in made by [`stand_in`] (an OID whose arcs do not
/// fit the decoder's 32 bits), the exact dotted form of the OID the object holds.
pub fn dotted(oid: &ObjectIdentifier) -> String {
    original_bytes(oid)
        .and_then(|bytes| dotted_from_bytes(&bytes))
        .unwrap_or_else(|| oid.to_string())
}

/// The dotted form of the contents of an OBJECT IDENTIFIER, whatever the size of its arcs
/// (X.690 8.19): `2.25.<128-bit UUID>` included. `None` when the contents are not a valid
/// encoding (empty, a truncated last arc, or an arc starting with the padding byte 0x80).
pub fn dotted_from_bytes(contents: &[u8]) -> Option<String> {
    if contents.is_empty() || contents.last().is_some_and(|last| last & 0x80 != 0) {
        return None;
    }
    let mut arcs: Vec<Vec<u8>> = Vec::new();
    let mut start = true;
    for &byte in contents {
        if start && byte == 0x80 {
            return None;
        }
        if start {
            arcs.push(Vec::new());
        }
        arcs.last_mut()?.push(byte & 0x7f);
        start = byte & 0x80 == 0;
    }
    let mut text = String::new();
    for (index, groups) in arcs.iter().enumerate() {
        let mut digits = decimal(groups);
        if index == 0 {
            // The first subidentifier is 40·X + Y, with X at most 2 (X.690 8.19.4).
            if digits.len() <= 38 {
                let value = digits
                    .iter()
                    .rev()
                    .fold(0u128, |acc, &d| acc * 10 + u128::from(d));
                let (first, second) = match value {
                    0..=39 => (0, value),
                    40..=79 => (1, value - 40),
                    _ => (2, value - 80),
                };
                text.push_str(&format!("{first}.{second}"));
            } else {
                // 2.<an arc above 10^37>: 80 is subtracted digit by digit.
                subtract_80(&mut digits);
                text.push_str("2.");
                text.extend(digits.iter().rev().map(|&d| char::from(b'0' + d)));
            }
            continue;
        }
        text.push('.');
        text.extend(digits.iter().rev().map(|&d| char::from(b'0' + d)));
    }
    Some(text)
}

/// Base-128 groups to decimal digits, least significant first.
fn decimal(groups: &[u8]) -> Vec<u8> {
    let mut digits: Vec<u8> = vec![0];
    for &group in groups {
        let mut carry = u32::from(group);
        for digit in digits.iter_mut() {
            let value = u32::from(*digit) * 128 + carry;
            *digit = u8::try_from(value % 10).unwrap_or(0);
            carry = value / 10;
        }
        while carry > 0 {
            digits.push(u8::try_from(carry % 10).unwrap_or(0));
            carry /= 10;
        }
    }
    while digits.len() > 1 && digits.last() == Some(&0) {
        digits.pop();
    }
    digits
}

/// Subtracts 80 from a decimal number (least significant digit first) known to exceed it.
fn subtract_80(digits: &mut Vec<u8>) {
    let mut borrow = 80u32;
    for digit in digits.iter_mut() {
        if borrow == 0 {
            break;
        }
        let take = borrow % 10;
        borrow /= 10;
        if u32::from(*digit) >= take {
            *digit -= u8::try_from(take).unwrap_or(0);
        } else {
            *digit = u8::try_from(u32::from(*digit) + 10 - take).unwrap_or(0);
            borrow += 1;
        }
    }
    while digits.len() > 1 && digits.last() == Some(&0) {
        digits.pop();
    }
}

/// A stand-in for an OID whose encoding is valid but that the decoder's [`ObjectIdentifier`]
/// cannot hold (an arc above 2^32, as in the UUID arc `2.25`): `2.25.0.<length>.<arcs>`, the
/// original contents packed 28 bits per arc. Equal OIDs get equal stand-ins, so comparisons
/// still work; [`dotted`] and every name function give the original's exact dotted form.
/// `None` when the contents are not a valid OID or are longer than [`STAND_IN_MAX_BYTES`].
pub fn stand_in(contents: &[u8]) -> Option<ObjectIdentifier> {
    dotted_from_bytes(contents)?;
    if contents.len() > STAND_IN_MAX_BYTES {
        return None;
    }
    let mut arcs: Vec<u32> = STAND_IN_PREFIX.to_vec();
    arcs.push(u32::try_from(contents.len()).ok()?);
    let (mut accumulator, mut bits) = (0u64, 0u32);
    for &byte in contents {
        accumulator = (accumulator << 8) | u64::from(byte);
        bits += 8;
        if bits >= STAND_IN_BITS {
            bits -= STAND_IN_BITS;
            arcs.push(u32::try_from(accumulator >> bits).ok()?);
            accumulator &= (1u64 << bits) - 1;
        }
    }
    if bits > 0 {
        arcs.push(u32::try_from(accumulator << (STAND_IN_BITS - bits)).ok()?);
    }
    let mut encoded = Vec::new();
    let first = arcs.first()?.checked_mul(40)?.checked_add(*arcs.get(1)?)?;
    for arc in std::iter::once(first).chain(arcs.iter().skip(2).copied()) {
        let mut groups = vec![u8::try_from(arc & 0x7f).ok()?];
        let mut rest = arc >> 7;
        while rest > 0 {
            groups.push(u8::try_from(rest & 0x7f).ok()? | 0x80);
            rest >>= 7;
        }
        encoded.extend(groups.iter().rev());
    }
    ObjectIdentifier::from_bytes(&encoded).ok()
}

/// The original contents a stand-in carries, or `None` for any other OID.
pub(crate) fn original_bytes(oid: &ObjectIdentifier) -> Option<Vec<u8>> {
    let mut arcs = oid.arcs();
    for expected in STAND_IN_PREFIX {
        if arcs.next()? != expected {
            return None;
        }
    }
    let length = usize::try_from(arcs.next()?).ok()?;
    let (mut accumulator, mut bits) = (0u64, 0u32);
    let mut out = Vec::with_capacity(length);
    for arc in arcs {
        accumulator = (accumulator << STAND_IN_BITS) | u64::from(arc);
        bits += STAND_IN_BITS;
        while bits >= 8 && out.len() < length {
            bits -= 8;
            out.push(u8::try_from((accumulator >> bits) & 0xff).ok()?);
            accumulator &= (1u64 << bits) - 1;
        }
    }
    // Only a stand-in round-trips: the right length, and an OID the decoder could not hold.
    (out.len() == length
        && ObjectIdentifier::from_bytes(&out).is_err()
        && stand_in(&out).is_some_and(|again| &again == oid))
    .then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_entries_are_valid_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for info in REGISTRY {
            let parsed = ObjectIdentifier::new(info.oid);
            assert!(parsed.is_ok(), "{} does not parse", info.oid);
            assert!(seen.insert(info.oid), "{} is listed twice", info.oid);
            assert!(!info.name.is_empty() && !info.short.is_empty());
        }
    }

    #[test]
    fn parsed_registry_matches_the_text_and_is_compares_arcs() {
        assert_eq!(PARSED.len(), REGISTRY.len());
        for (parsed, info) in PARSED.iter().zip(REGISTRY) {
            assert_eq!(parsed.to_string(), info.oid);
            assert!(is(parsed, info.oid));
            assert_eq!(lookup(parsed), Some(info));
        }
        let eku = ObjectIdentifier::new_unwrap("2.5.29.37");
        assert!(!is(&eku, "2.5.29.3"));
        assert!(!is(&eku, "2.5.29.37.0"));
        assert!(!is(&eku, "2.5.29"));
        assert!(!is(&eku, "2.5.29.x"));
        assert!(!is(&eku, ""));
    }

    #[test]
    fn uuid_arcs_keep_their_exact_dotted_form() {
        // 2.25.329800735698586629295641978511506172918 (X.667's example UUID).
        let dotted_text = "2.25.329800735698586629295641978511506172918";
        let contents = encode_dotted(dotted_text);
        assert!(ObjectIdentifier::from_bytes(&contents).is_err());
        assert_eq!(dotted_from_bytes(&contents).unwrap(), dotted_text);
        let stand_in = stand_in(&contents).unwrap();
        assert_eq!(dotted(&stand_in), dotted_text);
        assert_eq!(short_name(&stand_in), dotted_text);
        assert_eq!(Named::long(&stand_in).oid, dotted_text);
        // Sub-arcs below a UUID, and a different UUID, give different stand-ins.
        let child = encode_dotted("2.25.329800735698586629295641978511506172918.1.7");
        assert_eq!(
            dotted(&super::stand_in(&child).unwrap()),
            "2.25.329800735698586629295641978511506172918.1.7"
        );
        assert_ne!(super::stand_in(&child), Some(stand_in));
        // An ordinary OID is its own dotted form; malformed contents have none.
        assert_eq!(
            dotted(&ObjectIdentifier::new_unwrap("2.25.0.3.1")),
            "2.25.0.3.1"
        );
        assert_eq!(dotted_from_bytes(&[0x2a, 0x80, 0x01]), None);
        assert_eq!(dotted_from_bytes(&[0x2a, 0x86]), None);
        assert_eq!(dotted_from_bytes(&[]), None);
        assert_eq!(dotted_from_bytes(&[0x2a, 0x03]).unwrap(), "1.2.3");
        assert_eq!(dotted_from_bytes(&[0x81, 0x34]).unwrap(), "2.100");
        assert!(super::stand_in(&[0x69; 40]).is_none());
    }

    /// Encodes a dotted OID with arbitrary arcs (test helper; arcs up to 2^128).
    fn encode_dotted(text: &str) -> Vec<u8> {
        let arcs: Vec<u128> = text.split('.').map(|a| a.parse().unwrap()).collect();
        let mut out = Vec::new();
        let first = arcs[0] * 40 + arcs[1];
        for arc in std::iter::once(first).chain(arcs[2..].iter().copied()) {
            let mut groups = vec![u8::try_from(arc & 0x7f).unwrap()];
            let mut rest = arc >> 7;
            while rest > 0 {
                groups.push(u8::try_from(rest & 0x7f).unwrap() | 0x80);
                rest >>= 7;
            }
            out.extend(groups.iter().rev());
        }
        out
    }

    #[test]
    fn names_known_and_unknown() {
        let server = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.2");
        assert_eq!(short_name(&server), "clientAuth");
        assert_eq!(name(&server), "id-kp-clientAuth");
        let private = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.1");
        assert_eq!(short_name(&private), "1.3.6.1.4.1.99999.1");
    }
}
