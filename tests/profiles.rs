//! The default profile on a private PKI: the verdict is what the common TLS stacks decide, the
//! Web PKI's rules are findings beside it, and the stacks that refuse are named. The
//! certificates come from the real `openssl` (`tests/data/profiles/generate.py`); what
//! `openssl verify` and the eight stacks of `stacks/` answered for them is recorded in
//! `tests/data/profiles/openssl-verify.json` and `stacks.json.gz`, with their versions.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::Read;

use certscope::chain::{verify, ChainReport, Profile, Purpose, VerifyOptions};
use certscope::time::UnixTime;
use certscope::Cert;
use serde_json::Value;

fn data(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/profiles")
        .join(name)
}

fn cert(name: &str) -> Cert {
    let bytes = std::fs::read(data(name)).unwrap();
    let parsed = certscope::parse_input(&bytes, &Default::default()).unwrap();
    let cert = parsed.certificates().next().unwrap().clone();
    cert
}

/// A day after the target's notBefore: inside every certificate's validity.
fn options(target: &Cert, purpose: Purpose) -> VerifyOptions {
    let not_before = target
        .x509()
        .tbs_certificate()
        .validity()
        .not_before
        .to_unix_duration()
        .as_secs();
    let mut options = VerifyOptions::at(UnixTime(not_before + 86_400));
    options.purpose = purpose;
    options
}

fn stacks() -> Value {
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(data("stacks.json.gz")).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn openssl_verify() -> Value {
    serde_json::from_str(&std::fs::read_to_string(data("openssl-verify.json")).unwrap()).unwrap()
}

/// The fixture's key of a stack row of the report.
fn fixture_key(stack: &str) -> &'static str {
    match stack {
        "OpenSSL 3" => "openssl",
        "Go crypto/x509" => "go",
        "rustls (webpki)" => "rustls",
        "Java (JSSE)" => "java",
        "GnuTLS" => "gnutls",
        "NSS" => "nss",
        "wolfSSL" => "wolfssl",
        "mbedTLS" => "mbedtls",
        other => panic!("a stack the fixture does not record: {other}"),
    }
}

/// The recorded answers of the common TLS stacks (OpenSSL, Go, rustls, Java) as a client.
fn common_stacks_accept(case: &str) -> (usize, usize) {
    let stacks = stacks();
    let answers: Vec<bool> = ["openssl", "go", "rustls", "java"]
        .iter()
        .map(|s| {
            stacks["stacks"][s]["answers"][case]["client"][0]
                .as_bool()
                .unwrap()
        })
        .collect();
    (answers.iter().filter(|a| **a).count(), answers.len())
}

/// Every stack row of the report agrees with the recorded answer of its stack, as a client.
fn stacks_agree(report: &ChainReport, case: &str) {
    let stacks = stacks();
    assert_eq!(report.stacks.len(), 8, "{:?}", report.stacks);
    for answer in &report.stacks {
        let recorded = &stacks["stacks"][fixture_key(&answer.stack)];
        let (accepted, detail) = (
            recorded["answers"][case]["client"][0].as_bool().unwrap(),
            recorded["answers"][case]["client"][1].as_str().unwrap(),
        );
        assert_eq!(
            answer.accepts, accepted,
            "{case}: {} ({}) answered {detail:?}; the report says {answer:?}",
            answer.stack, recorded["version"]
        );
    }
}

fn finding<'a>(report: &'a ChainReport, name: &str) -> &'a certscope::chain::Check {
    let path = &report.paths[report.chosen.unwrap()];
    path.web_pki_findings
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no {name} finding: {:?}", path.web_pki_findings))
}

#[test]
fn a_pinned_openssl_req_x509_certificate_is_a_usable_tls_client() {
    let device = cert("self-signed-device.pem");
    let report = verify(
        &device,
        &[],
        std::slice::from_ref(&device),
        &options(&device, Purpose::ClientAuth),
    );
    // What `openssl verify -purpose sslclient -CAfile c.pem c.pem` answered, and most of the
    // common stacks.
    let recorded = &openssl_verify()["answers"]["self-signed-device"]["sslclient"];
    assert!(recorded["ok"].as_bool().unwrap(), "{recorded}");
    let (accepting, of) = common_stacks_accept("self-signed-device");
    assert!(accepting * 2 > of, "{accepting} of {of}");
    assert!(report.valid, "{:?}", report.error);
    assert_eq!(report.profile, Profile::Tls);
    assert!(
        report.profile_because.contains("no public store"),
        "{}",
        report.profile_because
    );
    // The CA/B Forum's rule is a finding, not the verdict.
    let check = finding(&report, "leaf_basic_constraints");
    assert!(check.citation.contains("CA/B BR 7.1.2.7.8"), "{check:?}");
    // rustls refuses a CA certificate as an end entity, and is named.
    stacks_agree(&report, "self-signed-device");
    let rustls = report
        .stacks
        .iter()
        .find(|s| s.stack == "rustls (webpki)")
        .unwrap();
    assert!(!rustls.accepts);
    assert!(rustls.reason.contains("CaUsedAsEndEntity"), "{rustls:?}");
}

#[test]
fn a_device_certificate_with_any_extended_key_usage_under_a_private_root_is_a_usable_tls_client() {
    let device = cert("device-any-eku.pem");
    let root = cert("fleet-root.pem");
    let report = verify(
        &device,
        &[],
        std::slice::from_ref(&root),
        &options(&device, Purpose::ClientAuth),
    );
    let recorded = &openssl_verify()["answers"]["device-any-eku"]["sslclient"];
    assert!(recorded["ok"].as_bool().unwrap(), "{recorded}");
    assert_eq!(common_stacks_accept("device-any-eku"), (4, 4));
    assert!(report.valid, "{:?}", report.error);
    assert_eq!(report.profile, Profile::Tls);
    let check = finding(&report, "extended_key_usage");
    assert!(
        check.explanation.contains("anyExtendedKeyUsage"),
        "{check:?}"
    );
    stacks_agree(&report, "device-any-eku");
    assert!(
        report.stacks.iter().all(|s| s.accepts),
        "{:?}",
        report.stacks
    );
}

#[test]
fn the_web_pki_binds_a_public_root_a_policy_claim_and_whoever_asks_for_it() {
    let device = cert("device-any-eku.pem");
    let root = cert("fleet-root.pem");
    let anchors = std::slice::from_ref(&root);
    // Asked for: the Web PKI's rules are the verdict.
    let mut strict = options(&device, Purpose::ClientAuth);
    strict.profile = Profile::WebPki;
    let report = verify(&device, &[], anchors, &strict);
    assert!(!report.valid);
    assert_eq!(report.profile, Profile::WebPki);
    assert!(report.paths[0].web_pki_findings.is_empty());
    // The same root, as a root of the public store.
    let mut public = options(&device, Purpose::ClientAuth);
    public.public_roots = vec![certscope::cert::hex(root.sha256()).to_uppercase()];
    let report = verify(&device, &[], anchors, &public);
    assert!(!report.valid);
    assert_eq!(report.profile, Profile::WebPki);
    assert!(
        report.profile_because.contains("public store"),
        "{}",
        report.profile_because
    );
    // A certificate asserting the DV policy claims to be under the Baseline Requirements,
    // though every stack accepts it as a client.
    let claiming = cert("device-dv-policy.pem");
    let report = verify(
        &claiming,
        &[],
        anchors,
        &options(&claiming, Purpose::ClientAuth),
    );
    assert!(!report.valid);
    assert_eq!(report.profile, Profile::WebPki);
    assert!(
        report.profile_because.contains("2.23.140.1.2.1"),
        "{}",
        report.profile_because
    );
    stacks_agree(&report, "device-dv-policy");
}

#[test]
fn the_roles_of_a_pinned_self_signed_certificate_name_the_stacks() {
    let roles = certscope::classify(&cert("self-signed-device.pem"));
    assert!(
        !roles.answer.starts_with("Neither client nor server"),
        "{}",
        roles.answer
    );
    assert!(roles.answer.contains("pinned"), "{}", roles.answer);
    assert!(roles.client_server.tls_client.usable);
    assert!(
        roles.answer.contains("rustls (webpki) (CaUsedAsEndEntity)"),
        "{}",
        roles.answer
    );
    // The same shape is also what a private root looks like: the answer says both.
    let root = certscope::classify(&cert("fleet-root.pem"));
    assert!(
        root.answer.starts_with("A root CA certificate"),
        "{}",
        root.answer
    );
}
