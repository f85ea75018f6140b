//! `certscope roots --mozilla [--out FILE] [--manifest FILE]`: writes the bundled Mozilla root
//! store (webpki-root-certs) as a PEM bundle, and optionally a JSON manifest describing it.
//!
//! The page ships the bundle as a static file that it fetches only when the user asks to trust
//! the Mozilla roots, so the roots never weigh on the wasm module. The manifest names the
//! store's source and version for the page's label:
//!
//! ```text
//! {"mozilla": {"label": "webpki-root-certs 1.0.11", "file": "mozilla.pem", "roots": 146, "bytes": 210000}}
//! ```

use std::path::Path;

use certscope::chain;
use certscope::Cert;

use crate::{EXIT_OK, EXIT_USAGE};

/// `certscope roots`'s options.
#[derive(clap::Args)]
pub struct Args {
    /// Write the Mozilla root store bundled with certscope (webpki-root-certs)
    #[arg(long)]
    mozilla: bool,
    /// Write the PEM bundle to FILE instead of standard output
    #[arg(long, value_name = "FILE")]
    out: Option<String>,
    /// Also write a JSON manifest naming the store, the bundle's file and its size
    #[arg(long, value_name = "FILE", requires = "out")]
    manifest: Option<String>,
}

/// Runs the subcommand; returns the process exit code.
pub fn run(args: &Args) -> i32 {
    match roots(args) {
        Ok(()) => EXIT_OK,
        Err(message) => {
            eprintln!("certscope roots: {message}");
            EXIT_USAGE
        }
    }
}

fn roots(args: &Args) -> Result<(), String> {
    if !args.mozilla {
        return Err("name the root store to write: --mozilla".to_owned());
    }
    let (ders, label) = chain::mozilla_roots();
    let bundle = pem_bundle(&ders, label)?;
    match &args.out {
        Some(path) => std::fs::write(path, &bundle).map_err(|e| format!("{path}: {e}"))?,
        None => print!("{bundle}"),
    }
    if let Some(path) = &args.manifest {
        let file = args
            .out
            .as_deref()
            .and_then(|o| Path::new(o).file_name())
            .and_then(|name| name.to_str())
            .ok_or("--manifest needs --out: the manifest names the bundle's file")?;
        let value = serde_json::json!({
            "mozilla": {
                "label": label,
                "file": file,
                "roots": ders.len(),
                "bytes": bundle.len(),
            }
        });
        std::fs::write(path, format!("{value}\n")).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(())
}

/// The roots as one PEM bundle: a header naming the source, then each root preceded by a
/// comment line with its subject.
fn pem_bundle(ders: &[&[u8]], label: &str) -> Result<String, String> {
    let mut bundle = format!(
        "# The Mozilla root store as bundled by {label}: {} roots.\n\
         # Written by `certscope roots --mozilla`.\n",
        ders.len()
    );
    for der in ders {
        let cert = Cert::from_der(der).map_err(|e| format!("bundled root: {e}"))?;
        let subject = certscope::name::rfc4514(cert.x509().tbs_certificate().subject());
        bundle.push_str(&format!("\n# {subject}\n"));
        bundle.push_str(&pem("CERTIFICATE", cert.der()));
    }
    Ok(bundle)
}

/// PEM (RFC 7468): base64 of `der` in 64-column lines between the labelled boundaries.
fn pem(label: &str, der: &[u8]) -> String {
    use base64ct::Encoding;
    let body = base64ct::Base64::encode_string(der);
    let mut text = format!("-----BEGIN {label}-----\n");
    for line in body.as_bytes().chunks(64) {
        // Base64 output is ASCII, so every chunk is valid UTF-8.
        text.push_str(std::str::from_utf8(line).unwrap_or_default());
        text.push('\n');
    }
    text.push_str(&format!("-----END {label}-----\n"));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_reads_back_as_every_root() {
        let (ders, label) = chain::mozilla_roots();
        let bundle = pem_bundle(&ders, label).unwrap();
        assert!(bundle.starts_with(&format!("# The Mozilla root store as bundled by {label}")));
        let parsed =
            certscope::parse_input(bundle.as_bytes(), &certscope::InputOptions::default()).unwrap();
        let read: Vec<Vec<u8>> = parsed.certificates().map(|c| c.der().to_vec()).collect();
        let expected: Vec<Vec<u8>> = ders.iter().map(|d| d.to_vec()).collect();
        assert_eq!(read, expected);
    }

    #[test]
    fn pem_lines_are_64_columns() {
        let text = pem("CERTIFICATE", &[0u8; 100]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.first(), Some(&"-----BEGIN CERTIFICATE-----"));
        assert_eq!(lines.get(1).map(|l| l.len()), Some(64));
        assert_eq!(lines.last(), Some(&"-----END CERTIFICATE-----"));
    }
}
