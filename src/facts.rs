//! Facts about one certificate that the chain checks, the lints, the roles and the report
//! all ask. Where they ask different questions under the same word, each question has its own
//! name here, and nothing else in the crate answers it again.
//!
//! "Self-issued" is the case in point: RFC 5280 path validation, OpenSSL and the report's
//! field each mean something else by it, and a certificate whose subject and issuer differ
//! only in case or string type is self-issued for the first two and not for the third.

use crate::cert::Cert;

/// Self-issued in RFC 5280's sense (section 6.1: subject and issuer are the same name,
/// compared as section 7.1 asks, [`crate::chain::names::names_match`]): what path validation
/// reads (intermediates that do not count, policy processing, name constraints). Path building
/// computes the same from its name keys.
pub fn self_issued(cert: &Cert) -> bool {
    let tbs = cert.x509().tbs_certificate();
    crate::chain::names::names_match(tbs.subject(), tbs.issuer())
}

/// Self-issued as OpenSSL 3.0 decides it (`EXFLAG_SI`: `X509_NAME_cmp` on canonical names,
/// [`crate::purpose::names_equal`]): what the OpenSSL view, and through it the roles, read.
pub fn self_issued_openssl(cert: &Cert) -> bool {
    let tbs = cert.x509().tbs_certificate();
    crate::purpose::names_equal(tbs.subject(), tbs.issuer())
}

/// Subject and issuer encoded identically, byte for byte: what the report's `self_issued`
/// field states and what the lints read (a linter reports the encoding it sees).
pub fn self_issued_exact(cert: &Cert) -> bool {
    let tbs = cert.x509().tbs_certificate();
    tbs.issuer() == tbs.subject()
}
