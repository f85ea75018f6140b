//! CRLs (RFC 5280 section 5): version, signature algorithm, times, issuer encoding, extensions.
//!
//! Fields are named as in the CRL's report entry (`this_update`, `issuer/attributes/O`,
//! `extensions/cRLNumber`, `revoked/0/extensions/reasonCode`).

use der::asn1::ObjectIdentifier;
use der::Tagged;
use x509_cert::ext::Extension;
use x509_cert::time::Time;

use super::{hit, hit_if, object_lints, Hit};
use crate::input::der::{read, tag};
use crate::input::Crl;

object_lints! { Crl;
    version: "e_crl_version_invalid", Error, "RFC 5280 5.1.2.1", Crl,
        "The version, when present, must be v2 (1): v3 and higher do not exist for CRLs; a CRL with extensions must carry v2.";
    signature_algorithm: "e_crl_signature_algorithm_mismatch", Error, "RFC 5280 5.1.1.2", Crl,
        "signatureAlgorithm must be the same algorithm identifier as tbsCertList.signature.";
    next_update_missing: "e_crl_next_update_missing", Error, "RFC 5280 5.1.2.5", Crl,
        "Conforming CRL issuers must include nextUpdate.";
    next_update_order: "e_crl_next_update_before_this_update", Error, "RFC 5280 5.1.2.4, 5.1.2.5", Crl,
        "nextUpdate must not be earlier than thisUpdate: such a list is stale when issued.";
    time_encoding: "e_crl_time_encoding", Error, "RFC 5280 5.1.2.4, 5.1.2.5, 5.1.2.6", Crl,
        "thisUpdate, nextUpdate and revocationDate must be UTCTime through 2049 and GeneralizedTime from 2050.";
    issuer_string: "e_crl_issuer_string_invalid", Error, "RFC 5280 5.1.2.3, 4.1.2.4; X.680 41.4", Crl,
        "The issuer's string values must be valid for their type (PrintableString alphabet, UTF-8, BMPString length).";
    duplicate_extension: "e_crl_duplicate_extension", Error, "RFC 5280 4.2, 5.2, 5.3", Crl,
        "An extension may appear at most once in crlExtensions and in each entry's crlEntryExtensions.";
    revoked_empty: "e_crl_revoked_certificates_empty", Error, "RFC 5280 5.1.2.6", Crl,
        "When no certificate is revoked, revokedCertificates must be absent, not an empty list.";
}

/// The version INTEGER as written in the original bytes, `None` when it is omitted (v1).
fn written_version(crl: &Crl) -> Option<i64> {
    if let Some(version) = crl.version_as_written() {
        return Some(version);
    }
    let tbs = read(crl.tbs_der(), 0, "CRL").ok()?;
    let first = tbs.children("CRL").ok()?.into_iter().next()?;
    if first.tag != tag::INTEGER {
        return None;
    }
    let negative = first.content.first().is_some_and(|b| b & 0x80 != 0);
    let start: i64 = if negative { -1 } else { 0 };
    (first.content.len() <= 8).then(|| {
        first
            .content
            .iter()
            .fold(start, |acc, &b| acc.wrapping_shl(8) | i64::from(b))
    })
}

fn has_extensions(crl: &Crl) -> bool {
    let tbs = &crl.list().tbs_cert_list;
    tbs.crl_extensions.is_some()
        || tbs
            .revoked_certificates
            .iter()
            .flatten()
            .any(|entry| entry.crl_entry_extensions.is_some())
}

fn version(crl: &Crl) -> Vec<Hit> {
    match written_version(crl) {
        Some(1) => Vec::new(),
        Some(value) => vec![hit(
            "version",
            format!(
                "the version is {value} (v{}); a CRL's version, when present, is v2 (1)",
                value.saturating_add(1)
            ),
        )],
        None => hit_if(has_extensions(crl), "version", || {
            "the version is omitted (v1) but the CRL has extensions, which need v2".to_owned()
        }),
    }
}

fn signature_algorithm(crl: &Crl) -> Vec<Hit> {
    let list = crl.list();
    let inner = &list.tbs_cert_list.signature;
    let outer = &list.signature_algorithm;
    hit_if(inner != outer, "signature_algorithm", || {
        let describe = |algorithm: &x509_cert::spki::AlgorithmIdentifierOwned| {
            let parameters = match &algorithm.parameters {
                None => "absent parameters".to_owned(),
                Some(any) if any.tag() == der::Tag::Null => "NULL parameters".to_owned(),
                Some(_) => "parameters".to_owned(),
            };
            format!("{} with {parameters}", crate::oid::describe(&algorithm.oid))
        };
        format!(
            "tbsCertList.signature is {} but signatureAlgorithm is {}",
            describe(inner),
            describe(outer)
        )
    })
}

fn next_update_missing(crl: &Crl) -> Vec<Hit> {
    hit_if(
        crl.list().tbs_cert_list.next_update.is_none(),
        "next_update",
        || "the CRL has no nextUpdate".to_owned(),
    )
}

/// Seconds since the epoch of a time field, exact before 1970.
fn seconds(crl: &Crl, field: &str, time: &Time) -> i64 {
    crl.exact_time(field).map_or_else(
        || i64::try_from(time.to_unix_duration().as_secs()).unwrap_or(i64::MAX),
        |exact| exact.unix,
    )
}

fn next_update_order(crl: &Crl) -> Vec<Hit> {
    let tbs = &crl.list().tbs_cert_list;
    let Some(next) = &tbs.next_update else {
        return Vec::new();
    };
    let this = seconds(crl, "tbsCertList.thisUpdate", &tbs.this_update);
    let next_seconds = seconds(crl, "tbsCertList.nextUpdate", next);
    hit_if(next_seconds < this, "next_update", || {
        format!(
            "nextUpdate ({}) is earlier than thisUpdate ({})",
            text(crl, "tbsCertList.nextUpdate", next),
            text(crl, "tbsCertList.thisUpdate", &tbs.this_update)
        )
    })
}

fn text(crl: &Crl, field: &str, time: &Time) -> String {
    crl.exact_time(field).map_or_else(
        || time.to_date_time().to_string(),
        |exact| exact.text.clone(),
    )
}

fn time_encoding(crl: &Crl) -> Vec<Hit> {
    let tbs = &crl.list().tbs_cert_list;
    let mut times: Vec<(String, String, &Time)> = vec![(
        "this_update".to_owned(),
        "tbsCertList.thisUpdate".to_owned(),
        &tbs.this_update,
    )];
    if let Some(next) = &tbs.next_update {
        times.push((
            "next_update".to_owned(),
            "tbsCertList.nextUpdate".to_owned(),
            next,
        ));
    }
    for (index, entry) in tbs.revoked_certificates.iter().flatten().enumerate() {
        times.push((
            format!("revoked/{index}/revocation_date"),
            format!("tbsCertList.revokedCertificates[{index}].revocationDate"),
            &entry.revocation_date,
        ));
    }
    times
        .into_iter()
        .filter_map(|(field, path, time)| {
            let shown = text(crl, &path, time);
            let year: i64 = shown.get(..4)?.parse().ok()?;
            let generalized = matches!(time, Time::GeneralTime(_));
            (generalized && year < 2050).then(|| {
                hit(
                    field,
                    format!("{path} ({shown}) is a GeneralizedTime; before 2050 it is a UTCTime"),
                )
            })
        })
        .collect()
}

fn issuer_string(crl: &Crl) -> Vec<Hit> {
    let issuer = &crl.list().tbs_cert_list.issuer;
    issuer
        .iter()
        .filter_map(|atv| {
            let problem = super::rfc5280::string_problem(&atv.value)?;
            let short = crate::oid::short_name(&atv.oid);
            Some(hit(
                format!("issuer/attributes/{short}"),
                format!("{short} in the issuer: {problem}"),
            ))
        })
        .collect()
}

/// The OIDs that appear more than once in a list of extensions, once each.
fn duplicates(extensions: &[Extension]) -> Vec<ObjectIdentifier> {
    let mut seen = Vec::new();
    let mut twice = Vec::new();
    for extension in extensions {
        if seen.contains(&extension.extn_id) {
            if !twice.contains(&extension.extn_id) {
                twice.push(extension.extn_id);
            }
        } else {
            seen.push(extension.extn_id);
        }
    }
    twice
}

pub(super) fn duplicate_hits(prefix: &str, place: &str, extensions: &[Extension]) -> Vec<Hit> {
    duplicates(extensions)
        .into_iter()
        .map(|oid| {
            let count = extensions.iter().filter(|e| e.extn_id == oid).count();
            hit(
                format!("{prefix}extensions/{}", crate::oid::short_name(&oid)),
                format!(
                    "{} ({}) appears {count} times in {place}",
                    crate::oid::short_name(&oid),
                    crate::oid::dotted(&oid)
                ),
            )
        })
        .collect()
}

fn duplicate_extension(crl: &Crl) -> Vec<Hit> {
    let tbs = &crl.list().tbs_cert_list;
    let mut hits = duplicate_hits(
        "",
        "crlExtensions",
        tbs.crl_extensions.as_deref().unwrap_or_default(),
    );
    for (index, entry) in tbs.revoked_certificates.iter().flatten().enumerate() {
        hits.extend(duplicate_hits(
            &format!("revoked/{index}/"),
            &format!("the crlEntryExtensions of revoked entry {index}"),
            entry.crl_entry_extensions.as_deref().unwrap_or_default(),
        ));
    }
    hits
}

fn revoked_empty(crl: &Crl) -> Vec<Hit> {
    let tbs = &crl.list().tbs_cert_list;
    hit_if(
        tbs.revoked_certificates
            .as_ref()
            .is_some_and(std::vec::Vec::is_empty),
        "revoked",
        || "revokedCertificates is present and empty".to_owned(),
    )
}
