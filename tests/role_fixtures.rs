//! Roles, identity, the client/server answer and the warnings on one fixture per role
//! (`tests/data/roles/`, made by `generate.py` there).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::bool_assert_comparison
)]

use certscope::report::CertificateReport;
use certscope::role::{self, Confidence, RoleKind};
use certscope::{analyze, parse_input, AnalyzeOptions, Cert};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("data/roles/", $name, ".pem"))
    };
}

fn report(pem: &str) -> Vec<CertificateReport> {
    let report = analyze(pem.as_bytes(), &AnalyzeOptions::default()).unwrap();
    report.certificates().cloned().collect()
}

fn one(pem: &str) -> CertificateReport {
    let mut all = report(pem);
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn kinds(cert: &CertificateReport) -> Vec<RoleKind> {
    cert.roles.iter().map(|role| role.role).collect()
}

fn role(cert: &CertificateReport, kind: RoleKind) -> &role::Role {
    cert.roles
        .iter()
        .find(|role| role.role == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {:?}", kinds(cert)))
}

fn warning_ids(cert: &CertificateReport) -> Vec<&str> {
    cert.warnings.iter().map(|w| w.id.as_str()).collect()
}

fn purpose(cert: &CertificateReport, id: &str) -> (bool, bool) {
    let p = cert.purposes.iter().find(|p| p.id == id).unwrap();
    (p.leaf, p.ca)
}

fn verifier(cert: &CertificateReport, name: &str) -> (bool, bool) {
    let v = cert
        .client_server
        .verifiers
        .iter()
        .find(|v| v.verifier.starts_with(name))
        .unwrap();
    (v.as_server, v.as_client)
}

#[test]
fn tls_server() {
    let cert = one(fixture!("tls-server"));
    assert_eq!(kinds(&cert), [RoleKind::TlsServer]);
    let server = role(&cert, RoleKind::TlsServer);
    assert!(server.usable);
    assert_eq!(server.confidence, Confidence::Certain);
    assert_eq!(
        server.granted_by[0].text,
        "extendedKeyUsage contains id-kp-serverAuth (1.3.6.1.5.5.7.3.1)"
    );
    assert_eq!(cert.identity.dns_names, ["www.example.com", "example.com"]);
    assert_eq!(cert.identity.ip_addresses, ["192.0.2.10"]);
    assert!(
        cert.answer.starts_with("Server, not client."),
        "{}",
        cert.answer
    );
    assert!(cert.client_server.tls_server.usable);
    assert!(!cert.client_server.tls_client.usable);
    assert!(cert.client_server.tls_client.missing[0].contains("id-kp-clientAuth"));
    assert_eq!(purpose(&cert, "sslserver"), (true, false));
    assert_eq!(purpose(&cert, "sslclient"), (false, false));
    assert!(cert.warnings.is_empty(), "{:?}", warning_ids(&cert));
}

#[test]
fn device_client_with_serial_number_and_spiffe_id() {
    let cert = one(fixture!("device-client"));
    assert_eq!(kinds(&cert), [RoleKind::TlsClient]);
    let client = role(&cert, RoleKind::TlsClient);
    assert_eq!(
        client.granted_by[0].oid.as_deref(),
        Some("1.3.6.1.5.5.7.3.2")
    );
    assert_eq!(
        client.granted_by[0].text,
        "extendedKeyUsage contains id-kp-clientAuth (1.3.6.1.5.5.7.3.2)"
    );
    // The evidence points at the extension's bytes: SEQUENCE { id-kp-clientAuth }.
    let bytes = client.granted_by[0].extension.as_ref().unwrap();
    assert_eq!(bytes.oid, "2.5.29.37");
    assert_eq!(bytes.value_hex, "300a06082b06010505070302");
    assert_eq!(cert.extensions[bytes.index].oid, "2.5.29.37");
    let ids = &cert.identity.client_identifiers;
    let serial = ids
        .iter()
        .find(|i| i.kind == "subject_serial_number")
        .unwrap();
    assert_eq!(serial.value, "SN-0042-AB");
    assert!(serial.stable);
    let spiffe = ids.iter().find(|i| i.kind == "spiffe_id").unwrap();
    assert_eq!(spiffe.value, "spiffe://devices.example.com/sensor/0042");
    assert!(spiffe.note.contains("devices.example.com"));
    let cn = ids
        .iter()
        .find(|i| i.kind == "subject_common_name")
        .unwrap();
    assert!(!cn.stable);
    assert!(cert.identity.dns_names.is_empty());
    assert!(cert
        .identity
        .device_layout
        .as_deref()
        .unwrap()
        .contains("serialNumber"));
    assert!(
        cert.answer.starts_with("Client, not server."),
        "{}",
        cert.answer
    );
    assert!(cert.answer.contains("SN-0042-AB"));
    for name in ["OpenSSL", "Go", "rustls", "Java"] {
        assert_eq!(verifier(&cert, name), (false, true), "{name}");
    }
}

#[test]
fn device_with_hardware_module_name_and_upn() {
    let cert = one(fixture!("device-devid"));
    assert_eq!(kinds(&cert), [RoleKind::TlsClient]);
    let ids = &cert.identity.client_identifiers;
    let hardware = ids
        .iter()
        .find(|i| i.kind == "hardware_module_name")
        .unwrap();
    assert!(hardware.value.ends_with("/ HW42"), "{}", hardware.value);
    assert!(hardware.stable);
    let upn = ids.iter().find(|i| i.kind == "upn").unwrap();
    assert_eq!(upn.value, "sensor@example.com");
    assert!(cert
        .identity
        .device_layout
        .as_deref()
        .unwrap()
        .contains("802.1AR"));
}

#[test]
fn code_signing() {
    let cert = one(fixture!("code-signing"));
    assert_eq!(kinds(&cert), [RoleKind::CodeSigning]);
    assert!(
        cert.answer.starts_with("Neither client nor server."),
        "{}",
        cert.answer
    );
    assert!(cert.answer.contains("Code signing"));
    assert!(!warning_ids(&cert).contains(&"any_purpose_is_not_tls_server"));
}

#[test]
fn document_signing() {
    let cert = one(fixture!("document-signing"));
    assert_eq!(kinds(&cert), [RoleKind::DocumentSigning]);
    let document = role(&cert, RoleKind::DocumentSigning);
    assert!(document.usable);
    assert_eq!(
        document.granted_by[0].text,
        "extendedKeyUsage contains id-kp-documentSigning (1.3.6.1.5.5.7.3.36)"
    );
    assert!(cert.answer.contains("Document signing"), "{}", cert.answer);
}

#[test]
fn smime_signing_and_encryption() {
    let cert = one(fixture!("smime"));
    assert_eq!(
        kinds(&cert),
        [RoleKind::SmimeSigning, RoleKind::SmimeEncryption]
    );
    assert!(cert.roles.iter().all(|r| r.usable));
    let email = &cert.identity.client_identifiers[0];
    assert_eq!(
        (email.kind.as_str(), email.value.as_str()),
        ("email", "alice@example.com")
    );
    assert_eq!(purpose(&cert, "smimesign"), (true, false));
    assert_eq!(purpose(&cert, "smimeencrypt"), (true, false));
}

#[test]
fn ocsp_responder_with_nocheck() {
    let cert = one(fixture!("ocsp"));
    assert_eq!(kinds(&cert), [RoleKind::OcspResponder]);
    let ocsp = role(&cert, RoleKind::OcspResponder);
    assert!(ocsp
        .granted_by
        .iter()
        .any(|e| e.text.contains("id-pkix-ocsp-nocheck")));
    assert!(ocsp.restricted_by.is_empty());
}

#[test]
fn time_stamping_authority() {
    let cert = one(fixture!("tsa"));
    assert_eq!(kinds(&cert), [RoleKind::TimeStamping]);
    let tsa = role(&cert, RoleKind::TimeStamping);
    assert!(tsa.usable);
    assert_eq!(tsa.confidence, Confidence::Certain);
    assert_eq!(purpose(&cert, "timestampsign"), (true, false));
}

#[test]
fn ct_precertificate_is_never_a_server() {
    let cert = one(fixture!("precert"));
    assert_eq!(
        kinds(&cert),
        [RoleKind::CtPrecertificate, RoleKind::TlsServer]
    );
    assert!(!role(&cert, RoleKind::TlsServer).usable);
    assert!(!cert.client_server.tls_server.usable);
    assert_eq!(verifier(&cert, "Go").0, false);
    assert_eq!(verifier(&cert, "rustls").0, false);
    assert!(cert.answer.contains("precertificate"));
}

#[test]
fn self_signed_leaf_is_not_a_root() {
    let cert = one(fixture!("self-signed-leaf"));
    let kinds = kinds(&cert);
    assert!(kinds.contains(&RoleKind::SelfSignedEndEntity));
    assert!(!kinds.contains(&RoleKind::RootCa));
    let self_signed = role(&cert, RoleKind::SelfSignedEndEntity);
    assert!(self_signed.granted_by.iter().any(|e| e
        .text
        .contains("the signature verifies with the certificate's own key")));
    assert_eq!(self_signed.confidence, Confidence::Certain);
    assert!(warning_ids(&cert).contains(&"self_signed_end_entity"));
    assert!(
        cert.answer.starts_with("Client and server."),
        "{}",
        cert.answer
    );
}

#[test]
fn root_ca() {
    let cert = one(fixture!("root"));
    assert_eq!(kinds(&cert), [RoleKind::RootCa]);
    let root = role(&cert, RoleKind::RootCa);
    assert_eq!(root.ca.as_ref().unwrap().path_len, None);
    assert!(cert.answer.contains("root CA"));
    assert!(!cert.client_server.tls_server.usable);
    assert_eq!(purpose(&cert, "sslserver").1, true);
}

#[test]
fn intermediate_constrained_by_extended_key_usage() {
    let cert = one(fixture!("intermediate-eku"));
    assert_eq!(kinds(&cert), [RoleKind::IntermediateCa]);
    let ca = role(&cert, RoleKind::IntermediateCa).ca.clone().unwrap();
    assert_eq!(ca.path_len, Some(0));
    assert_eq!(ca.extended_key_usage, ["serverAuth"]);
    assert!(warning_ids(&cert).contains(&"extended_key_usage_on_ca"));
    assert_eq!(purpose(&cert, "sslserver").1, true);
    assert_eq!(purpose(&cert, "sslclient").1, false);
}

#[test]
fn intermediate_constrained_by_name_constraints() {
    let cert = one(fixture!("intermediate-nc"));
    let ca = role(&cert, RoleKind::IntermediateCa).ca.clone().unwrap();
    assert!(ca.name_constrained);
    assert!(ca
        .permitted
        .contains(&"dNSName: devices.example.com".to_owned()));
    assert_eq!(ca.excluded, ["iPAddress: 10.0.0.0/8"]);
}

#[test]
fn cross_certificate_needs_the_bag() {
    let certs = report(fixture!("cross-bundle"));
    assert_eq!(kinds(&certs[0]), [RoleKind::RootCa]);
    assert_eq!(
        kinds(&certs[1]),
        [RoleKind::IntermediateCa, RoleKind::CrossCertificate]
    );
    let cross = role(&certs[1], RoleKind::CrossCertificate);
    assert!(cross.granted_by[0].text.contains("Old Example Root"));
    // Alone, the same certificate is only an intermediate.
    let parsed = parse_input(fixture!("cross-bundle").as_bytes(), &Default::default()).unwrap();
    let bag: Vec<Cert> = parsed.certificates().cloned().collect();
    let alone = role::classify(&bag[1]);
    assert_eq!(alone.roles.len(), 1);
    assert_eq!(alone.roles[0].role, RoleKind::IntermediateCa);
    assert_eq!(role::classify_all(&bag)[1].roles.len(), 2);
}

#[test]
fn no_extended_key_usage_is_unrestricted_with_a_warning() {
    let cert = one(fixture!("no-eku"));
    assert_eq!(kinds(&cert), [RoleKind::Unrestricted]);
    assert!(warning_ids(&cert).contains(&"no_extended_key_usage"));
    assert!(warning_ids(&cert).contains(&"key_encipherment_without_rsa"));
    assert!(
        cert.answer.contains("no extendedKeyUsage"),
        "{}",
        cert.answer
    );
    assert!(cert.client_server.tls_server.usable && cert.client_server.tls_client.usable);
}

#[test]
fn public_tls_certificate_with_client_auth() {
    let cert = one(fixture!("public-tls-client-auth"));
    let warning = cert
        .warnings
        .iter()
        .find(|w| w.id == "server_certificate_with_client_auth")
        .unwrap();
    assert_eq!(warning.severity, "warning");
    assert!(warning.message.contains("private CA"));
    // The self-signed test certificate has both too, but no CA/B Forum policy: info only.
    let private = one(fixture!("self-signed-leaf"));
    let info = private
        .warnings
        .iter()
        .find(|w| w.id == "server_certificate_with_client_auth")
        .unwrap();
    assert_eq!(info.severity, "info");
}

#[test]
fn rsa_key_encipherment_only_server() {
    let cert = one(fixture!("rsa-key-encipherment-only"));
    let server = role(&cert, RoleKind::TlsServer);
    assert!(server.usable);
    assert_eq!(server.confidence, Confidence::Likely);
    assert!(server.restricted_by[0].text.contains("TLS 1.3"));
    assert!(warning_ids(&cert).contains(&"key_encipherment_only"));
}

#[test]
fn client_without_digital_signature_cannot_sign_certificate_verify() {
    let cert = one(fixture!("client-without-digital-signature"));
    let client = role(&cert, RoleKind::TlsClient);
    assert!(!client.usable);
    assert_eq!(
        client.restricted_by[0].text,
        "keyUsage lacks digitalSignature: a TLS 1.3 client cannot sign CertificateVerify with \
         this key"
    );
    assert!(warning_ids(&cert).contains(&"key_usage_blocks_extended_key_usage"));
    // Go and rustls do not look at keyUsage; OpenSSL and Java do.
    assert_eq!(verifier(&cert, "Go").1, true);
    assert_eq!(verifier(&cert, "rustls").1, true);
    assert_eq!(verifier(&cert, "OpenSSL").1, false);
    assert_eq!(verifier(&cert, "Java").1, false);
    assert!(!cert.client_server.tls_client.usable);
}

#[test]
fn common_name_only_server_is_legacy() {
    let cert = one(fixture!("cn-only-server"));
    assert!(cert.identity.common_name_is_legacy_host_name);
    let server = role(&cert, RoleKind::TlsServer);
    assert_eq!(server.confidence, Confidence::Likely);
    assert_eq!(server.restricted_by[0].field, "subjectAltName");
    assert!(warning_ids(&cert).contains(&"common_name_as_host_name"));
    assert!(!cert.client_server.tls_server.usable);
    assert_eq!(verifier(&cert, "OpenSSL").0, true);
    assert_eq!(verifier(&cert, "Go").0, false);
}

#[test]
fn any_extended_key_usage_is_not_enough_for_openssl() {
    let cert = one(fixture!("any-eku"));
    let any = role(&cert, RoleKind::Unrestricted);
    assert_eq!(any.confidence, Confidence::Possible);
    assert_eq!(purpose(&cert, "sslserver").0, false);
    assert_eq!(purpose(&cert, "any").0, true);
    assert_eq!(verifier(&cert, "Go").0, true);
    assert_eq!(verifier(&cert, "rustls").0, false);
    let ids = warning_ids(&cert);
    assert!(ids.contains(&"any_extended_key_usage"));
    assert!(ids.contains(&"any_purpose_is_not_tls_server"));
}

#[test]
fn pair_comparison_names_the_differences() {
    let device = parse_input(fixture!("device-client").as_bytes(), &Default::default()).unwrap();
    let server = parse_input(fixture!("tls-server").as_bytes(), &Default::default()).unwrap();
    let pair = role::compare_pair(
        device.certificates().next().unwrap(),
        server.certificates().next().unwrap(),
    );
    assert!(pair.first.starts_with("Client, not server."));
    assert!(pair.second.starts_with("Server, not client."));
    assert!(pair
        .differences
        .iter()
        .any(|d| d == "extendedKeyUsage: clientAuth versus serverAuth"));
    assert!(pair
        .differences
        .iter()
        .any(|d| d.starts_with("SAN dNSName")));
}

#[test]
fn json_carries_roles_identity_purposes_answer_warnings() {
    let all = [
        fixture!("tls-server"),
        fixture!("device-client"),
        fixture!("root"),
        fixture!("cross-bundle"),
    ]
    .concat();
    let report = analyze(all.as_bytes(), &AnalyzeOptions::default()).unwrap();
    let json = serde_json::to_value(&report).unwrap();
    let objects = json["objects"].as_array().unwrap();
    assert_eq!(objects.len(), 5);
    for object in objects {
        assert!(!object["roles"].as_array().unwrap().is_empty());
        assert!(object["identity"].is_object());
        assert_eq!(object["purposes"].as_array().unwrap().len(), 9);
        for purpose in object["purposes"].as_array().unwrap() {
            for key in ["id", "name", "leaf", "ca", "why"] {
                assert!(!purpose[key].is_null(), "{key}");
            }
        }
        assert!(!object["answer"].as_str().unwrap().is_empty());
        assert!(object["warnings"].is_array());
    }
    assert_eq!(objects[4]["roles"][1]["role"], "cross_certificate");
    assert_eq!(objects[1]["purposes"][0]["id"], "sslclient");
}
