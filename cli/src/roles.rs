//! `certscope roles [--json] FILE [FILE]`: what each certificate can be used for, client or
//! server, with the evidence; with two files holding one certificate each, the two are also
//! compared.

use std::fmt::Write;

use certscope::role::{self, CertificateRoles, Confidence};

/// `certscope roles`'s options.
#[derive(clap::Args)]
pub struct Args {
    /// Print the roles, and the comparison, as JSON
    #[arg(long)]
    json: bool,
    /// The files to read (- reads standard input); two single certificates are compared
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
}

/// Runs the subcommand on its arguments; returns what to print or why it failed.
pub fn run(args: &Args) -> Result<String, String> {
    let (json, files) = (args.json, &args.files);
    let per_file = files
        .iter()
        .map(|file| crate::files::certificates(file))
        .collect::<Result<Vec<_>, _>>()?;
    let pair = match per_file.as_slice() {
        [first, second] => match (first.as_slice(), second.as_slice()) {
            ([a], [b]) => Some(role::compare_pair(a, b)),
            _ => None,
        },
        _ => None,
    };
    let classified: Vec<(&str, Vec<CertificateRoles>)> = files
        .iter()
        .zip(&per_file)
        .map(|(file, certs)| (crate::files::label(file), role::classify_all(certs)))
        .collect();
    if json {
        let value = serde_json::json!({
            "files": classified
                .iter()
                .map(|(file, roles)| serde_json::json!({ "file": file, "certificates": roles }))
                .collect::<Vec<_>>(),
            "comparison": pair,
        });
        return serde_json::to_string_pretty(&value).map_err(|e| e.to_string());
    }
    let mut out = String::new();
    for (file, roles) in &classified {
        for (index, entry) in roles.iter().enumerate() {
            let _ = writeln!(out, "{file} #{index}: {}", entry.answer);
            for role in &entry.roles {
                let usable = if role.usable { "" } else { " (blocked)" };
                let _ = writeln!(
                    out,
                    "  [{}]{usable} {}",
                    role.label,
                    confidence(role.confidence)
                );
                for evidence in &role.granted_by {
                    let _ = writeln!(out, "    + {}", evidence.text);
                }
                for evidence in &role.restricted_by {
                    let _ = writeln!(out, "    - {}", evidence.text);
                }
            }
            for warning in &entry.warnings {
                let _ = writeln!(
                    out,
                    "  ! {} ({}): {}",
                    warning.id, warning.severity, warning.message
                );
            }
        }
    }
    if let Some(pair) = pair {
        let _ = writeln!(out, "differences:");
        for difference in &pair.differences {
            let _ = writeln!(out, "  {difference}");
        }
    }
    // Names are attacker-chosen text: display controls are shown escaped, never raw.
    Ok(certscope::display::escape_lines(&out).into_owned())
}

/// How sure a role is, in words.
fn confidence(confidence: Confidence) -> &'static str {
    match confidence {
        Confidence::Certain => "certain",
        Confidence::Likely => "likely",
        Confidence::Possible => "possible",
    }
}
