//! Encoding: what the lenient decoding path ([`crate::lenient`]) found when the strict decoder
//! refused the certificate, CRL or request. Each lint reports the deviations of its kind with
//! the field path in the ASN.1 structure (`tbsCertificate.validity.notBefore`), the byte offset
//! and the strict decoder's words.

use super::{lints, CertKind, Context, Finding, Hit, RuleSet};
use crate::decode::DecodeError;
use crate::lenient::Deviation;

const RULE_SET: RuleSet = RuleSet::Rfc5280;
/// Certificates of every kind, CRLs, requests and keys.
const ALL: &[CertKind] = &CertKind::ALL;
/// Keys on their own.
const KEYS: &[CertKind] = &[CertKind::Key];

lints! {
    length: "e_der_length_not_minimal", Error, "X.690 10.1; RFC 5280 4.1", ALL, None,
        "Lengths must be definite and in the fewest octets (DER); BER lengths change the bytes a signature covers.";
    integer: "e_der_integer_not_minimal", Error, "X.690 8.3.2; RFC 5280 4.1", ALL, None,
        "An INTEGER must be encoded in the fewest octets (no leading 0x00 or 0xff octet that only repeats the sign).";
    boolean: "e_der_boolean_not_canonical", Error, "X.690 11.1; RFC 5280 4.1", ALL, None,
        "TRUE must be encoded as 0xff.";
    default: "e_der_default_value_encoded", Error, "X.690 11.5; RFC 5280 4.1, 4.2", ALL, None,
        "A field equal to its DEFAULT (critical FALSE, version v1) must be left out.";
    utc_time: "e_utc_time_not_canonical", Error, "RFC 5280 4.1.2.5.1; X.690 11.8", ALL, None,
        "UTCTime must be YYMMDDHHMMSSZ: seconds present, in UTC with Z, no fraction.";
    generalized_time: "e_generalized_time_not_canonical", Error, "RFC 5280 4.1.2.5.2; X.690 11.7", ALL, None,
        "GeneralizedTime must be YYYYMMDDHHMMSSZ: seconds present, in UTC with Z, no fraction.";
    time_invalid: "e_time_invalid", Error, "RFC 5280 4.1.2.5, 5.1.2.4; X.680 46, 47", ALL, None,
        "A time must be a date and time that exist (month 1-12, a day of that month, hour below 24); one that does not is unreadable and shown as 1970-01-01T00:00:00Z.";
    unused_bits: "e_spki_bit_string_unused_bits", Error, "RFC 3279 2.3; RFC 5480 2.2; RFC 8410 4", ALL, None,
        "A public key's BIT STRING holds whole octets (the DER of the key, or the point): no unused bits.";
    label: "e_pem_label_mismatch", Error, "RFC 7468 2; RFC 8017 A.1.1", KEYS, None,
        "A PEM block's label names what it holds: an RSA PUBLIC KEY block holds a PKCS#1 RSAPublicKey, a PUBLIC KEY block a SubjectPublicKeyInfo, and so on; a block read as something else is reported.";
    version: "e_version_unknown", Error, "RFC 5280 4.1.2.1, 5.1.2.1; RFC 2986 4.1", ALL, None,
        "A version no standard defines (a certificate's beyond v3, a CRL's beyond v2, a request's other than v1) is read as the highest known and shown as written.";
}

/// The deviations with `id`, as hits naming the field, the offset and the strict decoder.
///
/// A certificate the strict decoder read can still deviate where x509-cert is lenient itself
/// (an explicit `critical FALSE`): the same walk finds those.
fn deviations(c: &Context<'_>, id: &str) -> Vec<Hit> {
    let found;
    let list = if c.cert.strict_error().is_some() {
        c.cert.deviations()
    } else {
        found = crate::lenient::repair(c.cert.der(), crate::lenient::Shape::Certificate)
            .map(|repaired| repaired.deviations)
            .unwrap_or_default();
        found.as_slice()
    };
    hits(list, c.cert.strict_error(), id)
}

fn hits(list: &[Deviation], strict_error: Option<&DecodeError>, id: &str) -> Vec<Hit> {
    let strict = strict_error
        .map(|error| format!("; the strict decoder said: {error}"))
        .unwrap_or_default();
    list.iter()
        .filter(|deviation| deviation.id == id)
        .map(|deviation| {
            super::hit(
                deviation.field.clone(),
                format!(
                    "{} (at byte {}){strict}",
                    deviation.message, deviation.offset
                ),
            )
        })
        .collect()
}

/// The deviations of a CRL or a request as findings, in the order of this module's lints.
pub(super) fn findings(
    list: &[Deviation],
    strict_error: Option<&DecodeError>,
    kind: CertKind,
) -> Vec<Finding> {
    LINTS
        .iter()
        .filter(|lint| lint.info.applies_to.contains(&kind))
        .flat_map(|lint| {
            hits(list, strict_error, lint.info.id)
                .into_iter()
                .map(|hit| Finding {
                    id: lint.info.id.to_owned(),
                    severity: lint.info.severity,
                    citation: lint.info.citation.to_owned(),
                    field: hit.field,
                    message: hit.message,
                })
        })
        .collect()
}

fn length(c: &Context<'_>) -> Vec<Hit> {
    deviations(c, "e_der_length_not_minimal")
}

fn integer(c: &Context<'_>) -> Vec<Hit> {
    deviations(c, "e_der_integer_not_minimal")
}

fn boolean(c: &Context<'_>) -> Vec<Hit> {
    deviations(c, "e_der_boolean_not_canonical")
}

fn default(c: &Context<'_>) -> Vec<Hit> {
    deviations(c, "e_der_default_value_encoded")
}

fn utc_time(c: &Context<'_>) -> Vec<Hit> {
    deviations(c, "e_utc_time_not_canonical")
}

fn generalized_time(c: &Context<'_>) -> Vec<Hit> {
    deviations(c, "e_generalized_time_not_canonical")
}

fn time_invalid(c: &Context<'_>) -> Vec<Hit> {
    deviations(c, "e_time_invalid")
}

fn unused_bits(c: &Context<'_>) -> Vec<Hit> {
    deviations(c, "e_spki_bit_string_unused_bits")
}

fn label(c: &Context<'_>) -> Vec<Hit> {
    deviations(c, "e_pem_label_mismatch")
}

fn version(c: &Context<'_>) -> Vec<Hit> {
    deviations(c, "e_version_unknown")
}
