//! The files named on the command line, read the same way by every subcommand: `-` is standard
//! input, and an error names the file it is about.

use std::io::Read;

use certscope::{parse_input, Cert, InputOptions};

/// How a file argument is named in messages: `<stdin>` for `-`.
pub fn label(file: &str) -> &str {
    if file == "-" {
        "<stdin>"
    } else {
        file
    }
}

/// Reads a file argument (`-`: standard input); the error is `FILE: reason`.
pub fn read(file: &str) -> Result<Vec<u8>, String> {
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
    } else {
        std::fs::read(file)
    };
    bytes.map_err(|e| format!("{}: {e}", label(file)))
}

/// The certificates in a file argument, in any input format the core reads. A file with none
/// is an error that names the file and, when the input parser found a problem, the first one.
pub fn certificates(file: &str) -> Result<Vec<Cert>, String> {
    let bytes = read(file)?;
    let label = label(file);
    let parsed =
        parse_input(&bytes, &InputOptions::default()).map_err(|e| format!("{label}: {e}"))?;
    let certs: Vec<Cert> = parsed.certificates().cloned().collect();
    if certs.is_empty() {
        return Err(match parsed.problems.first() {
            Some(problem) => format!("{label}: no certificate found: {problem}"),
            None => format!("{label}: no certificate found"),
        });
    }
    Ok(certs)
}
