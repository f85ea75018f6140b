//! Every subcommand reads its files the same way: `-` is standard input, a file that holds no
//! certificate is an error naming the file and the problem the input parser found, and an
//! unknown option is a usage error.

mod common;

use common::{certscope, certscope_with_stdin, data};

const SUBCOMMANDS: [&str; 3] = ["summary", "roles", "lint"];

#[test]
fn standard_input_reads_like_a_file() {
    let leaf = data("doc/leaf.pem");
    let path = leaf.to_str().expect("UTF-8 path");
    let pem = std::fs::read(&leaf).expect("fixture");
    for subcommand in SUBCOMMANDS {
        let from_file = certscope(&[subcommand, "--json", path]);
        let from_stdin = certscope_with_stdin(&[subcommand, "--json", "-"], &pem);
        assert_eq!(
            from_file.status.code(),
            from_stdin.status.code(),
            "{subcommand}"
        );
        let as_json = |out: &[u8]| -> serde_json::Value {
            let text = String::from_utf8_lossy(out).replace(path, "<stdin>");
            serde_json::from_str(&text).expect("JSON output")
        };
        assert_eq!(
            as_json(&from_file.stdout),
            as_json(&from_stdin.stdout),
            "{subcommand}"
        );
    }
}

#[test]
fn a_file_without_a_certificate_names_the_file_and_the_problem() {
    let dir = std::env::temp_dir().join(format!("certscope-cli-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let broken = dir.join("broken.pem");
    std::fs::write(
        &broken,
        "-----BEGIN CERTIFICATE-----\nMIIBxTCCAWugAwIBAgIU\n-----END CERTIFICATE-----\n",
    )
    .expect("write");
    let path = broken.to_str().expect("UTF-8 path");
    for subcommand in ["summary", "roles"] {
        let output = certscope(&[subcommand, path]);
        assert_eq!(output.status.code(), Some(2), "{subcommand}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("{path}: no certificate found: ")),
            "{subcommand}: {stderr}"
        );
        let missing = certscope(&[subcommand, "no-such-file.pem"]);
        assert_eq!(missing.status.code(), Some(2), "{subcommand}");
        assert!(
            String::from_utf8_lossy(&missing.stderr).contains("no-such-file.pem: "),
            "{subcommand}"
        );
    }
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    let leaf = data("doc/leaf.pem");
    for subcommand in SUBCOMMANDS {
        let output = certscope(&[
            subcommand,
            "--frobnicate",
            leaf.to_str().expect("UTF-8 path"),
        ]);
        assert_eq!(output.status.code(), Some(2), "{subcommand}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("Usage: certscope"),
            "{subcommand}"
        );
    }
}
