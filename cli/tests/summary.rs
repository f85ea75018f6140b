//! `certscope summary` run as a process: the JSON is the core's `Summary` of every
//! certificate of every file, the text names each field, and bad input exits with 2.

mod common;

use common::{certscope, data};

#[test]
fn json_is_the_core_summary_of_every_certificate() {
    let chain = data("report/real/google.com.pem");
    let leaf = data("doc/leaf.pem");
    let output = certscope(&[
        "summary",
        "--json",
        chain.to_str().expect("UTF-8 path"),
        leaf.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let printed: Vec<certscope::Summary> =
        serde_json::from_slice(&output.stdout).expect("a JSON list of summaries");
    let mut expected = Vec::new();
    for file in [&chain, &leaf] {
        let bytes = std::fs::read(file).expect("fixture");
        let parsed = certscope::parse_input(&bytes, &certscope::InputOptions::default())
            .expect("fixture parses");
        expected.extend(parsed.certificates().map(certscope::Summary::of));
    }
    assert!(expected.len() >= 3);
    assert_eq!(printed, expected);
}

#[test]
fn text_names_each_field_and_bad_input_exits_2() {
    let leaf = data("doc/leaf.pem");
    let output = certscope(&["summary", leaf.to_str().expect("UTF-8 path")]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("#0: CN=leaf.example.com"), "{text}");
    for label in ["issuer", "serial", "valid", "key", "usage", "CA"] {
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(label)),
            "{label}: {text}"
        );
    }
    let not_a_cert = data("input/csr-rsa.pem");
    let output = certscope(&["summary", not_a_cert.to_str().expect("UTF-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no certificate found"));
    assert_eq!(certscope(&["summary"]).status.code(), Some(2));
}
