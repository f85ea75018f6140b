//! `certscope summary [--json] FILE...`: the quick look, one block per certificate (subject,
//! issuer, validity, key, names, extended key usage) without the full analysis.

use std::fmt::Write;

use certscope::Summary;

/// `certscope summary`'s options.
#[derive(clap::Args)]
pub struct Args {
    /// Print the summaries as a JSON list
    #[arg(long)]
    json: bool,
    /// The files to read: PEM, DER, base64 or hex (- reads standard input)
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
}

/// Runs the subcommand on its arguments; returns what to print or why it failed.
pub fn run(args: &Args) -> Result<String, String> {
    let json = args.json;
    let mut summaries = Vec::new();
    for file in &args.files {
        let certs = crate::files::certificates(file)?;
        let label = crate::files::label(file);
        summaries.extend(certs.iter().map(|cert| (label, Summary::of(cert))));
    }
    if json {
        let list: Vec<&Summary> = summaries.iter().map(|(_, summary)| summary).collect();
        return serde_json::to_string_pretty(&list).map_err(|e| e.to_string());
    }
    let mut out = String::new();
    for (index, (file, s)) in summaries.iter().enumerate() {
        let _ = writeln!(out, "{file} #{index}: {}", s.subject);
        let _ = writeln!(out, "  issuer     {}", s.issuer);
        let _ = writeln!(out, "  serial     {}", s.serial_hex);
        let _ = writeln!(out, "  valid      {} to {}", s.not_before, s.not_after);
        let key = match (&s.curve, s.key_bits) {
            (Some(curve), _) => format!("{} {curve}", s.key_algorithm),
            (None, Some(bits)) => format!("{} {bits} bits", s.key_algorithm),
            (None, None) => s.key_algorithm.clone(),
        };
        let _ = writeln!(
            out,
            "  key        {key}, signed with {}",
            s.signature_algorithm
        );
        if !s.subject_alt_names.is_empty() {
            let _ = writeln!(out, "  names      {}", s.subject_alt_names.join(", "));
        }
        let eku = match &s.extended_key_usage {
            Some(purposes) => purposes.join(", "),
            None => "(no extension: any purpose)".to_owned(),
        };
        let _ = writeln!(out, "  usage      {eku}");
        let _ = writeln!(out, "  CA         {}", if s.is_ca { "yes" } else { "no" });
        if !s.unreadable_extensions.is_empty() {
            let _ = writeln!(
                out,
                "  unreadable {} (see `certscope inspect`)",
                s.unreadable_extensions.join(", ")
            );
        }
    }
    // Names are attacker-chosen text: display controls are shown escaped, never raw.
    Ok(certscope::display::escape_lines(&out).into_owned())
}
