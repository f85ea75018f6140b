//! The public types' contract, checked at compile time: every type is owned (`'static`),
//! `Clone`, `Debug`, `Send` and `Sync`; the data types (reports, findings, options, errors
//! that appear in reports) serialise and deserialise with the `serde` feature; the error types
//! implement `std::error::Error`.
//!
//! Left without serde on purpose: the parsed input (`Cert`, `Parsed`, `Found`, `Object`, `Csr`,
//! the CRL and key types), whose serialisable form is the report; `Password` and the options
//! that carry it; `InputError` and `Asn1ViewError`, whose text is their serialisable form; and
//! the comparison keys of name constraints. `LintInfo` and `OidInfo` are static catalogue data:
//! they serialise but do not deserialise.

use certscope::*;

fn owned<T: Clone + std::fmt::Debug + Send + Sync + 'static>() {}
fn error<T: std::error::Error + Send + Sync + 'static>() {}
#[cfg(feature = "serde")]
fn data<T: serde::Serialize + serde::de::DeserializeOwned>() {}
#[cfg(feature = "serde")]
fn serialisable<T: serde::Serialize>() {}

#[test]
fn public_types_are_owned_clone_debug_send_and_sync() {
    owned::<asn1::Node>();
    owned::<chain::Purpose>();
    owned::<chain::EkuPolicy>();
    owned::<chain::Profile>();
    owned::<chain::ExpectedName>();
    owned::<chain::VerifyOptions>();
    owned::<chain::ChainError>();
    owned::<chain::Check>();
    owned::<chain::Source>();
    owned::<chain::CertificateEntry>();
    owned::<chain::PathReport>();
    owned::<chain::MissingIssuer>();
    owned::<chain::Revocation>();
    owned::<chain::ChainReport>();
    owned::<chain::build::Budget>();
    owned::<chain::build::BudgetLimit>();
    owned::<decode::DecodeError>();
    owned::<ext::ExtensionValue>();
    owned::<ext::AccessDescription>();
    owned::<ext::DistributionPoint>();
    owned::<ext::GeneralSubtree>();
    owned::<ext::SignedCertificateTimestamp>();
    owned::<ext::DirectoryAttribute>();
    owned::<ext::PolicyInformation>();
    owned::<ext::PolicyQualifier>();
    owned::<ext::PolicyMapping>();
    owned::<ext::TlsFeature>();
    owned::<input::Encoding>();
    owned::<input::ContainerFormat>();
    owned::<input::Container>();
    owned::<input::Origin>();
    owned::<input::ProblemKind>();
    owned::<input::Problem>();
    owned::<input::key::KeyFormat>();
    owned::<lint::Severity>();
    owned::<lint::RuleSet>();
    owned::<lint::CertKind>();
    owned::<lint::LintTarget>();
    owned::<lint::LintOptions>();
    owned::<lint::Finding>();
    owned::<name::Attribute>();
    owned::<name::GeneralName>();
    owned::<name::OtherNameValue>();
    owned::<oid::Named>();
    owned::<purpose::Purpose>();
    owned::<purpose::PurposeWhy>();
    owned::<purpose::PurposeId>();
    owned::<purpose::OpensslView>();
    owned::<report::Report>();
    owned::<report::ObjectReport>();
    owned::<report::CsrReport>();
    owned::<report::CrlReport>();
    owned::<report::RevokedReport>();
    owned::<report::IssuerSignature>();
    owned::<report::PrivateKeyReport>();
    owned::<report::PublicKeyReport>();
    owned::<report::CertificateReport>();
    owned::<report::Serial>();
    owned::<report::Algorithm>();
    owned::<report::PssParameters>();
    owned::<report::NameReport>();
    owned::<report::Validity>();
    owned::<report::PublicKey>();
    owned::<report::Fingerprints>();
    owned::<report::Extension>();
    owned::<report::Asn1View>();
    owned::<role::CertificateRoles>();
    owned::<role::Role>();
    owned::<role::RoleKind>();
    owned::<role::Confidence>();
    owned::<role::Evidence>();
    owned::<role::ExtensionBytes>();
    owned::<role::CaDetails>();
    owned::<role::Identity>();
    owned::<role::IdentityItem>();
    owned::<role::ClientServer>();
    owned::<role::Side>();
    owned::<role::VerifierVerdict>();
    owned::<role::Warning>();
    owned::<role::PairComparison>();
    owned::<signature::HashAlgorithm>();
    owned::<signature::SignatureAlgorithm>();
    owned::<signature::Curve>();
    owned::<signature::KeyAlgorithm>();
    owned::<signature::SignatureError>();
    owned::<signature::Verified>();
    owned::<time::UnixTime>();
    owned::<cert::Cert>();
    owned::<chain::build::Built>();
    owned::<chain::crl::Crl>();
    owned::<chain::names::NameKey>();
    owned::<chain::names::SubjectName>();
    owned::<input::Password>();
    owned::<input::InputOptions>();
    owned::<input::InputError>();
    owned::<input::Object>();
    owned::<input::Found>();
    owned::<input::Parsed>();
    owned::<input::crl::Crl>();
    owned::<input::csr::Csr>();
    owned::<input::key::PrivateKey>();
    owned::<input::key::PublicKey>();
    owned::<lint::LintInfo>();
    owned::<oid::OidInfo>();
    owned::<report::AnalyzeOptions>();
    owned::<report::Asn1ViewError>();
}

#[test]
fn errors_implement_std_error() {
    error::<input::InputError>();
    error::<chain::ChainError>();
    error::<decode::DecodeError>();
    error::<report::Asn1ViewError>();
    error::<signature::SignatureError>();
}

#[cfg(feature = "serde")]
#[test]
fn data_types_serialise_and_deserialise() {
    data::<asn1::Node>();
    data::<chain::Purpose>();
    data::<chain::EkuPolicy>();
    data::<chain::Profile>();
    data::<chain::ExpectedName>();
    data::<chain::VerifyOptions>();
    data::<chain::ChainError>();
    data::<chain::Check>();
    data::<chain::Source>();
    data::<chain::CertificateEntry>();
    data::<chain::PathReport>();
    data::<chain::MissingIssuer>();
    data::<chain::Revocation>();
    data::<chain::ChainReport>();
    data::<chain::build::Budget>();
    data::<chain::build::BudgetLimit>();
    data::<decode::DecodeError>();
    data::<ext::ExtensionValue>();
    data::<ext::AccessDescription>();
    data::<ext::DistributionPoint>();
    data::<ext::GeneralSubtree>();
    data::<ext::SignedCertificateTimestamp>();
    data::<ext::DirectoryAttribute>();
    data::<ext::PolicyInformation>();
    data::<ext::PolicyQualifier>();
    data::<ext::PolicyMapping>();
    data::<ext::TlsFeature>();
    data::<input::Encoding>();
    data::<input::ContainerFormat>();
    data::<input::Container>();
    data::<input::Origin>();
    data::<input::ProblemKind>();
    data::<input::Problem>();
    data::<input::key::KeyFormat>();
    data::<lint::Severity>();
    data::<lint::RuleSet>();
    data::<lint::CertKind>();
    data::<lint::LintTarget>();
    data::<lint::LintOptions>();
    data::<lint::Finding>();
    data::<name::Attribute>();
    data::<name::GeneralName>();
    data::<name::OtherNameValue>();
    data::<oid::Named>();
    data::<purpose::Purpose>();
    data::<purpose::PurposeWhy>();
    data::<purpose::PurposeId>();
    data::<purpose::OpensslView>();
    data::<report::Report>();
    data::<report::ObjectReport>();
    data::<report::CsrReport>();
    data::<report::CrlReport>();
    data::<report::RevokedReport>();
    data::<report::IssuerSignature>();
    data::<report::PrivateKeyReport>();
    data::<report::PublicKeyReport>();
    data::<report::CertificateReport>();
    data::<report::Serial>();
    data::<report::Algorithm>();
    data::<report::PssParameters>();
    data::<report::NameReport>();
    data::<report::Validity>();
    data::<report::PublicKey>();
    data::<report::Fingerprints>();
    data::<report::Extension>();
    data::<report::Asn1View>();
    data::<role::CertificateRoles>();
    data::<role::Role>();
    data::<role::RoleKind>();
    data::<role::Confidence>();
    data::<role::Evidence>();
    data::<role::ExtensionBytes>();
    data::<role::CaDetails>();
    data::<role::Identity>();
    data::<role::IdentityItem>();
    data::<role::ClientServer>();
    data::<role::Side>();
    data::<role::VerifierVerdict>();
    data::<role::Warning>();
    data::<role::PairComparison>();
    data::<signature::HashAlgorithm>();
    data::<signature::SignatureAlgorithm>();
    data::<signature::Curve>();
    data::<signature::KeyAlgorithm>();
    data::<signature::SignatureError>();
    data::<signature::Verified>();
    data::<time::UnixTime>();
    serialisable::<lint::LintInfo>();
    serialisable::<oid::OidInfo>();
}

#[cfg(feature = "serde")]
#[test]
fn options_round_trip_through_json() {
    let mut options = chain::VerifyOptions::at(time::UnixTime(1_780_000_000));
    options.purpose = chain::Purpose::ClientAuth;
    options.host = Some(chain::ExpectedName::Dns("sensor-0042.example.com".into()));
    let json = serde_json::to_value(&options).unwrap();
    assert_eq!(json["time"], 1_780_000_000);
    let back: chain::VerifyOptions = serde_json::from_value(json).unwrap();
    assert_eq!(back.purpose, chain::Purpose::ClientAuth);
    assert_eq!(back.host, options.host);

    let lint_options = LintOptions {
        rule_set: Some(RuleSet::TlsBr),
        ..LintOptions::default()
    };
    let back: LintOptions =
        serde_json::from_str(&serde_json::to_string(&lint_options).unwrap()).unwrap();
    assert_eq!(back.rule_set, Some(RuleSet::TlsBr));
}
