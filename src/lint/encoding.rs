//! Encoding: what the lenient decoding path ([`crate::lenient`]) found when the strict decoder
//! refused the certificate. Each lint reports the deviations of its kind with the field path
//! in the ASN.1 structure (`tbsCertificate.validity.notBefore`), the byte offset and the strict
//! decoder's words.

use super::{lints, CertKind, Context, Hit, RuleSet, ALL_KINDS};

const RULE_SET: RuleSet = RuleSet::Rfc5280;
const ALL: &[CertKind] = ALL_KINDS;

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
    version: "e_version_unknown", Error, "RFC 5280 4.1.2.1", ALL, None,
        "The version must be v1, v2 or v3; an unknown version is read as v3 and shown as written.";
}

/// The deviations with `id`, as hits naming the field, the offset and the strict decoder.
///
/// A certificate the strict decoder read can still deviate where x509-cert is lenient itself
/// (an explicit `critical FALSE`): the same walk finds those.
fn deviations(c: &Context<'_>, id: &str) -> Vec<Hit> {
    let strict = c
        .cert
        .strict_error()
        .map(|error| format!("; the strict decoder said: {error}"))
        .unwrap_or_default();
    let found;
    let list = if c.cert.strict_error().is_some() {
        c.cert.deviations()
    } else {
        found = crate::lenient::repair(c.cert.der(), crate::lenient::Shape::Certificate)
            .map(|repaired| repaired.deviations)
            .unwrap_or_default();
        found.as_slice()
    };
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

fn version(c: &Context<'_>) -> Vec<Hit> {
    deviations(c, "e_version_unknown")
}
