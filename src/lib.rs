//! # certscope
//!
//! X.509 certificate analysis in pure Rust: find every object in whatever bytes a user has
//! (PEM, DER, base64, hex, bundles), decode certificates into a versioned [`report::Report`],
//! classify them by role, build and validate chains, and lint them.
//!
//! The crate does no I/O and never reads a clock: the caller passes the bytes and, where a
//! verdict depends on it, the time.
//!
//! ```
//! let pem = include_str!("../tests/data/doc/leaf.pem");
//! let options = certscope::AnalyzeOptions::at_unix_seconds(1_800_000_000);
//! let report = certscope::analyze(pem.as_bytes(), &options).unwrap();
//! let cert = report.certificates().next().unwrap();
//! assert_eq!(cert.subject.rfc4514, "CN=leaf.example.com");
//! ```

pub mod asn1;
pub mod cert;
pub mod chain;
pub mod decode;
pub mod ext;
pub mod input;
pub mod lint;
pub mod name;
pub mod oid;
pub mod purpose;
pub mod report;
pub mod role;
pub mod signature;
pub mod time;

pub use cert::Cert;
pub use input::{parse_input, InputOptions, Parsed, Password};
pub use lint::{lint, Finding, LintOptions, RuleSet, Severity};
pub use report::{analyze, AnalyzeOptions, Report};
pub use role::{classify, classify_all, CertificateRoles};
