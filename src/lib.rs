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
//!
//! # Quick start
//!
//! The entry points, in the order a caller usually needs them:
//!
//! - [`parse_input`]: find and decode every object in some bytes (PEM, DER, base64, hex,
//!   PKCS#7, PKCS#12) into [`Parsed`]: [`Cert`]s, CSRs, CRLs, keys, and the parts that did not
//!   decode.
//! - [`analyze`]: the whole analysis as one serialisable [`Report`] (schema
//!   [`report::SCHEMA_VERSION`]), the value the CLI's `--json` and the wasm module return.
//! - [`classify`], [`classify_all`], [`purpose::purposes`]: what a certificate is for, with the
//!   evidence ([`CertificateRoles`]), and OpenSSL's purpose answers ([`purpose::Purpose`]).
//! - [`chain::verify`]: build and validate the chains of a certificate for a purpose, a host
//!   and a time ([`chain::ChainReport`]).
//! - [`lint()`]: check a certificate against the rule sets of its kind ([`Finding`]s).
//!
//! A device certificate, its issuing CA and a root, validated for TLS client authentication,
//! classified and linted:
//!
//! ```
//! use certscope::chain::{self, Purpose, VerifyOptions};
//! use certscope::role::RoleKind;
//! use certscope::time::UnixTime;
//! use certscope::{InputOptions, LintOptions, Severity};
//!
//! let leaf = include_str!("../tests/data/roles/device-client.pem");
//! let intermediate = include_str!("../tests/data/roles/intermediate-nc.pem");
//! let root = include_str!("../tests/data/roles/root.pem");
//! let read = |pem: &str| {
//!     let parsed = certscope::parse_input(pem.as_bytes(), &InputOptions::default()).unwrap();
//!     let cert = parsed.certificates().next().unwrap().clone();
//!     cert
//! };
//! let (leaf, intermediate, root) = (read(leaf), read(intermediate), read(root));
//! let june_2026 = UnixTime::parse_rfc3339("2026-06-01T00:00:00Z").unwrap();
//!
//! // Chain: valid for TLS client authentication, not for a TLS server.
//! let mut options = VerifyOptions::at(june_2026);
//! options.purpose = Purpose::ClientAuth;
//! let report = chain::verify(&leaf, &[intermediate.clone()], &[root.clone()], &options);
//! assert!(report.valid);
//! assert_eq!(report.paths[0].certificates.len(), 3);
//!
//! options.purpose = Purpose::ServerAuth;
//! let report = chain::verify(&leaf, &[intermediate], &[root], &options);
//! assert!(!report.valid);
//! assert_eq!(
//!     report.error.unwrap().to_string(),
//!     "extended key usage: does not allow serverAuth (clientAuth)"
//! );
//!
//! // Role, with the evidence behind it.
//! let roles = certscope::classify(&leaf);
//! assert_eq!(roles.roles[0].role, RoleKind::TlsClient);
//! assert!(!roles.roles[0].granted_by.is_empty());
//!
//! // Lints: the rule sets follow from the role.
//! let options = LintOptions { time: Some(june_2026), ..LintOptions::default() };
//! let findings = certscope::lint(&leaf, &options);
//! assert!(findings.iter().all(|finding| finding.severity != Severity::Error));
//! ```
//!
//! # Features
//!
//! - `serde` (default): `Serialize` and `Deserialize` on the report, chain, role, purpose and
//!   lint types and on [`chain::VerifyOptions`] and [`LintOptions`], with `snake_case` field
//!   names (the JSON contract the CLI and the wasm module share). The parsed input ([`Cert`],
//!   [`Parsed`]) is not serialisable: the [`Report`] is its serialisable form.
//! - `mozilla-roots`: the Mozilla root store (`chain::mozilla_roots`), for validating Web PKI
//!   chains without bringing a root file.

#![warn(missing_docs)]

pub mod asn1;
pub mod cert;
pub mod chain;
pub mod decode;
pub mod display;
pub mod ext;
pub mod facts;
pub mod input;
pub mod lenient;
pub mod lint;
pub mod name;
pub mod oid;
pub mod purpose;
pub mod report;
pub mod role;
pub mod signature;
pub mod summary;
pub mod time;
pub mod trust;

pub use cert::Cert;
pub use input::{parse_input, InputOptions, Parsed, Password};
pub use lint::{lint, Finding, Hierarchy, LintOptions, RuleSet, RuleSetChoice, Severity};
pub use report::{analyze, AnalyzeOptions, Report};
pub use role::{classify, classify_all, CertificateRoles};
pub use summary::{summarize, Summary};
