//! Names are attacker-chosen text: every text output of the CLI shows bidirectional
//! formatting, zero-width and control characters escaped (`\u{202E}`), never raw, while the
//! JSON keeps the value as the certificate says it.

mod common;

use common::{certscope, data};

const RAW: char = '\u{202E}';
const SHOWN: &str = "\\u{202E}";

#[test]
fn text_modes_escape_a_right_to_left_override_json_keeps_it() {
    let spoof = data("lints/certs/w_name_display_control_characters.pem");
    let file = spoof.to_str().expect("UTF-8 path");
    // `roles` does not print the subject; the others do.
    for (args, names_the_subject) in [
        (vec!["inspect", file], true),
        (vec!["summary", file], true),
        (vec!["roles", file], false),
        (vec!["lint", "--at", "2026-11-01T00:00:00Z", file], true),
    ] {
        let output = certscope(&args);
        let text = String::from_utf8(output.stdout).expect("UTF-8 output");
        assert!(!text.contains(RAW), "{args:?} printed U+202E raw:\n{text}");
        assert_eq!(text.contains(SHOWN), names_the_subject, "{args:?}:\n{text}");
    }
    // The lint names it.
    let output = certscope(&["lint", "--at", "2026-11-01T00:00:00Z", file]);
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(
        text.contains("w_name_display_control_characters") && text.contains("U+202E"),
        "{text}"
    );
    // JSON is data, not display: the value is what the certificate says.
    let output = certscope(&["inspect", "--json", file]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let subject = json["objects"][0]["subject"]["rfc4514"]
        .as_str()
        .expect("a subject");
    assert!(subject.contains(RAW), "{subject}");
}

#[test]
fn a_private_ca_draws_advice_and_exit_0_a_forced_rule_set_errors() {
    let fleet = data("lints/certs/scenario-private-fleet-ca.pem");
    let file = fleet.to_str().expect("UTF-8 path");
    let at = ["--at", "2026-11-01T00:00:00Z"];
    let output = certscope(&["lint", at[0], at[1], file]);
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("advice         e_sub_ca_certificate_policies_missing"),
        "{text}"
    );
    assert!(
        text.contains("rule set tls-br:") && text.contains("(advice)"),
        "{text}"
    );
    for forced in [
        vec!["lint", "--profile", "tls-br", at[0], at[1], file],
        vec!["lint", "--hierarchy", "public", at[0], at[1], file],
    ] {
        let output = certscope(&forced);
        let text = String::from_utf8(output.stdout).expect("UTF-8 output");
        assert_eq!(output.status.code(), Some(1), "{forced:?}: {text}");
        assert!(
            text.contains("error          e_sub_ca_certificate_policies_missing"),
            "{text}"
        );
    }
}
