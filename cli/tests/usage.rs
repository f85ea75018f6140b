//! The command line as users of other tools expect it: every subcommand's `--help` lists all
//! its options, a second target file or a second password source is a usage error, problems are
//! printed in words, and the exit status is the same with and without `--json`.

mod common;

use std::process::Output;

use common::{certscope, data};

const AT: &str = "2027-06-01T00:00:00Z";
const SUBCOMMANDS: [&str; 7] = [
    "inspect", "verify", "lint", "summary", "roles", "limbo", "roots",
];

fn path(name: &str) -> String {
    data(name).to_string_lossy().into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn verify_help_lists_every_option_with_a_line() {
    let output = certscope(&["verify", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    let help = stdout(&output);
    for option in [
        "--roots",
        "--mozilla-roots",
        "--untrusted",
        "--purpose",
        "--host",
        "--ip",
        "--email",
        "--uri",
        "--crl",
        "--require-revocation",
        "--policy",
        "--explicit-policy",
        "--inhibit-policy-mapping",
        "--inhibit-any-policy",
        "--at",
        "--max-intermediates",
        "--profile",
        "--partial-chain",
        "--auth-level",
        "--eku-policy",
        "--allow-sha1",
        "--json",
    ] {
        let line = help
            .lines()
            .find(|line| line.trim_start().starts_with(&format!("{option} ")))
            .unwrap_or_else(|| panic!("{option} has no line of its own:\n{help}"));
        assert!(line.trim().len() > option.len(), "{line}");
    }
    assert!(help.contains("Exit status"), "{help}");
}

#[test]
fn every_subcommand_has_help_that_exits_0() {
    let top = certscope(&["--help"]);
    assert_eq!(top.status.code(), Some(0));
    for subcommand in SUBCOMMANDS {
        assert!(stdout(&top).contains(subcommand), "{subcommand}");
        for flag in ["--help", "-h"] {
            let output = certscope(&[subcommand, flag]);
            assert_eq!(output.status.code(), Some(0), "{subcommand} {flag}");
            assert!(
                stdout(&output).contains(&format!("Usage: certscope {subcommand}")),
                "{subcommand} {flag}: {}",
                stdout(&output)
            );
        }
    }
    let version = certscope(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert!(stdout(&version).starts_with("certscope "));
}

/// `certscope lint`'s FILE is described as what it reads: certificates, CRLs, requests and
/// keys (each linted; see `the_exit_status_is_the_same_with_and_without_json`).
#[test]
fn lint_help_says_what_file_may_hold() {
    let output = certscope(&["lint", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    let help = stdout(&output);
    let file: String = help
        .split("<FILE>")
        .nth(2)
        .unwrap_or_else(|| panic!("no FILE argument:\n{help}"))
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    for what in [
        "certificates",
        "CRLs",
        "certification requests",
        "keys",
        "PKCS#12",
    ] {
        assert!(file.contains(what), "FILE's help lacks {what}: {file}");
    }
    let summary = certscope(&["--help"]);
    let line = stdout(&summary)
        .lines()
        .find(|line| line.trim_start().starts_with("lint "))
        .map(str::to_owned)
        .unwrap_or_default();
    assert!(line.contains("keys"), "{line}");
}

#[test]
fn no_arguments_or_an_unknown_command_is_a_usage_error() {
    for args in [&[][..], &["frobnicate"][..], &["verify"][..]] {
        let output = certscope(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains("Usage: certscope"), "{args:?}");
    }
}

#[test]
fn a_second_target_is_a_usage_error_not_the_last_one_wins() {
    let root = path("../../examples/downstream-wasm-test/certs/root.pem");
    let device = path("../../examples/downstream-wasm-test/certs/device.pem");
    let leaf = path("doc/leaf.pem");
    let cases: [&[&str]; 4] = [
        &[
            "verify",
            "--roots",
            &root,
            "--purpose",
            "client",
            "--at",
            AT,
            &device,
            &leaf,
        ],
        &["lint", "--at", AT, &device, &leaf],
        &["limbo", "a.json", "b.json"],
        &["inspect", "--password", "a", "--password-env", "B", &leaf],
    ];
    for args in cases {
        let output = certscope(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert!(message.starts_with("error: "), "{args:?}: {message}");
        assert!(message.contains("Usage: certscope"), "{args:?}: {message}");
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
    // --host and --ip both name the expected peer: one of them.
    let output = certscope(&[
        "verify",
        "--roots",
        &root,
        "--host",
        "a.example",
        "--ip",
        "192.0.2.1",
        &device,
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot be used with"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_bad_value_names_the_option_and_what_it_expects() {
    let leaf = path("doc/leaf.pem");
    let cases: [(&[&str], &str); 5] = [
        (&["inspect", "--at", "soon", &leaf], "RFC 3339"),
        (
            &["verify", "--roots", &leaf, "--purpose", "flying", &leaf],
            "server, client",
        ),
        (
            &["verify", "--roots", &leaf, "--profile", "lax", &leaf],
            "webpki",
        ),
        (
            &[
                "verify",
                "--roots",
                &leaf,
                "--max-intermediates",
                "x",
                &leaf,
            ],
            "--max-intermediates",
        ),
        (&["lint", "--profile", "strict", &leaf], "tls-br"),
    ];
    for (args, expected) in cases {
        let output = certscope(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(expected),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn problems_are_printed_in_words() {
    let dir = std::env::temp_dir().join(format!("certscope-cli-usage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let mixed = dir.join("mixed.pem");
    let mut text = std::fs::read_to_string(data("doc/leaf.pem")).expect("fixture");
    text.push_str("-----BEGIN CERTIFICATE-----\nMIIBxTCCAWugAwIBAgIU\n-----END CERTIFICATE-----\n");
    std::fs::write(&mixed, text).expect("write");
    let mixed = mixed.to_str().expect("UTF-8 path");
    for args in [
        &["lint", "--at", AT, mixed][..],
        &["lint", "--json", "--at", AT, mixed][..],
    ] {
        let output = certscope(args);
        let message = stderr(&output);
        assert!(message.contains("certscope lint: "), "{args:?}: {message}");
        for dump in ["Problem {", "origin:", "kind:", "DecodeError", "Some("] {
            assert!(!message.contains(dump), "{args:?}: {message}");
        }
    }
    let roles = certscope(&["roles", &path("doc/leaf.pem")]);
    assert_eq!(roles.status.code(), Some(0));
    for dump in ["Certain", "Likely", "Possible"] {
        assert!(!stdout(&roles).contains(dump), "{}", stdout(&roles));
    }
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn the_exit_status_is_the_same_with_and_without_json() {
    let certs = "../../examples/downstream-wasm-test/certs";
    let root = path(&format!("{certs}/root.pem"));
    let device = path(&format!("{certs}/device.pem"));
    let long_serial = path("lints/certs/e_serial_number_longer_than_20_octets.pem");
    let csr = path("input/csr-rsa.pem");
    let crl_v3 = path("lenient/crl-v3.crl");
    let mislabelled = path("lenient/keys/ec-rsa-label.pub.pem");
    let rsa_public = path("lenient/keys/rsa-pkcs1.pub.pem");
    let cases: [(&[&str], i32); 14] = [
        (
            &[
                "verify",
                "--roots",
                &root,
                "--purpose",
                "client",
                "--at",
                AT,
                &device,
            ],
            0,
        ),
        (
            &[
                "verify",
                "--roots",
                &root,
                "--purpose",
                "server",
                "--host",
                "x.example",
                "--at",
                AT,
                &device,
            ],
            1,
        ),
        (&["verify", "--roots", &csr, "--at", AT, &device], 2),
        (&["lint", "--at", AT, &device], 0),
        (&["lint", "--at", AT, &long_serial], 1),
        // A request and a CRL are linted too (RFC 2986, RFC 5280 section 5).
        (&["lint", "--at", AT, &csr], 0),
        (&["lint", "--at", AT, &crl_v3], 1),
        // So is a key: an EC key under RSA PUBLIC KEY is an error (e_pem_label_mismatch).
        (&["lint", "--at", AT, &mislabelled], 1),
        (&["lint", "--at", AT, &rsa_public], 0),
        (&["inspect", "--at", AT, &device], 0),
        (&["inspect", "--at", AT, &csr], 0),
        (&["inspect", "--at", AT, "no-such-file.pem"], 2),
        (&["summary", &csr], 2),
        (&["roles", &device], 0),
    ];
    for (args, expected) in cases {
        let text = certscope(args);
        let mut with_json = args.to_vec();
        with_json.insert(1, "--json");
        let json = certscope(&with_json);
        assert_eq!(
            text.status.code(),
            Some(expected),
            "{args:?}: {}",
            stderr(&text)
        );
        assert_eq!(
            json.status.code(),
            Some(expected),
            "{with_json:?}: {}",
            stderr(&json)
        );
    }
}

/// `certscope lint` lists keys with what the lenient path found, in text and in JSON.
#[test]
fn lint_reports_a_key_under_the_wrong_pem_label() {
    let mislabelled = path("lenient/keys/ec-rsa-label.pub.pem");
    let text = stdout(&certscope(&["lint", "--at", AT, &mislabelled]));
    assert!(
        text.contains("key 0: public key") && text.contains("e_pem_label_mismatch  label:"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&certscope(&["lint", "--json", "--at", AT, &mislabelled]).stdout)
            .expect("JSON");
    assert_eq!(json["keys"][0]["findings"][0]["id"], "e_pem_label_mismatch");
    assert_eq!(json["keys"][0]["findings"][0]["field"], "label");
}
