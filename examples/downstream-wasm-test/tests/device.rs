//! Properties of our device certificate, asserted with certscope. The same tests run natively
//! (`cargo test`) and in wasm under Node (`cargo test --target wasm32-unknown-unknown`).

use certscope::role::RoleKind;
use certscope::AnalyzeOptions;
use downstream_wasm_test::{DEVICE_PEM, ROOT_PEM};
use wasm_bindgen_test::wasm_bindgen_test;

/// 2027-06-01T00:00:00Z: a fixed time inside the certificates' validity.
const AT: u64 = 1_811_808_000;

fn device() -> certscope::report::CertificateReport {
    let report = certscope::analyze(DEVICE_PEM.as_bytes(), &AnalyzeOptions::at_unix_seconds(AT)).unwrap();
    let cert = report.certificates().next().unwrap().clone();
    cert
}

#[wasm_bindgen_test(unsupported = test)]
fn device_certificate_is_a_tls_client_not_a_server() {
    let cert = device();
    let roles: Vec<RoleKind> = cert.roles.iter().filter(|r| r.usable).map(|r| r.role.clone()).collect();
    assert!(roles.contains(&RoleKind::TlsClient), "{roles:?}");
    assert!(!roles.contains(&RoleKind::TlsServer), "{roles:?}");
    let purpose = |id: &str| cert.purposes.iter().find(|p| p.id == id).unwrap().leaf;
    assert!(purpose("sslclient"));
    assert!(!purpose("sslserver"));
}

#[wasm_bindgen_test(unsupported = test)]
fn device_identity_is_stable() {
    let cert = device();
    let ids: Vec<(&str, &str)> =
        cert.identity.client_identifiers.iter().map(|i| (i.kind.as_str(), i.value.as_str())).collect();
    assert!(ids.contains(&("spiffe_id", "spiffe://devices.example/sensor/0042")), "{ids:?}");
    assert!(cert.identity.dns_names.is_empty());
}

#[wasm_bindgen_test(unsupported = test)]
fn root_is_a_root_ca() {
    let report = certscope::analyze(ROOT_PEM.as_bytes(), &AnalyzeOptions::at_unix_seconds(AT)).unwrap();
    let root = report.certificates().next().unwrap();
    assert!(root.roles.iter().any(|r| r.role == RoleKind::RootCa));
}
