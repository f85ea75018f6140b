//! The text rendering of a report: grouped sections, names instead of OIDs, long hex wrapped.

use std::fmt::Write;

use certscope::ext::{ExtensionValue, PolicyQualifier};
use certscope::input::Encoding;
use certscope::input::SignatureCheck;
use certscope::name::GeneralName;
use certscope::report::{
    CertificateReport, CrlReport, CsrReport, ObjectReport, PrivateKeyReport, PublicKeyReport,
    Report,
};

/// Bytes of hex per wrapped line.
const HEX_BYTES_PER_LINE: usize = 16;
/// Width of the label column.
const LABEL: usize = 18;

/// Renders a whole report; `source` names the input (a file name or `<stdin>`).
pub fn report(report: &Report, source: &str) -> String {
    let mut out = String::new();
    let total = report.objects.len();
    for (position, object) in report.objects.iter().enumerate() {
        if position > 0 {
            out.push('\n');
        }
        match object {
            ObjectReport::Certificate(cert) => {
                certificate(&mut out, cert, source, position + 1, total)
            }
            ObjectReport::Csr(request) => csr(&mut out, request, source, position + 1, total),
            ObjectReport::Crl(list) => crl(&mut out, list, source, position + 1, total),
            ObjectReport::PrivateKey(key) => {
                private_key(&mut out, key, source, position + 1, total)
            }
            ObjectReport::PublicKey(key) => public_key(&mut out, key, source, position + 1, total),
            #[allow(unreachable_patterns)]
            _ => {
                let _ = writeln!(out, "{source}: object {} of {total}", position + 1);
            }
        }
    }
    if !report.problems.is_empty() {
        if total > 0 {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{source}: {} part(s) did not decode",
            report.problems.len()
        );
        for problem in &report.problems {
            let _ = writeln!(
                out,
                "  at byte {}: {}",
                problem.origin.offset, problem.error
            );
        }
    }
    out
}

/// Lowercase hex with colons, wrapped into lines of [`HEX_BYTES_PER_LINE`] bytes.
pub fn wrapped_hex(hex: &str) -> Vec<String> {
    let pairs: Vec<&str> = hex
        .as_bytes()
        .chunks(2)
        .filter_map(|pair| std::str::from_utf8(pair).ok())
        .collect();
    pairs
        .chunks(HEX_BYTES_PER_LINE)
        .map(|line| line.join(":"))
        .collect()
}

fn field(out: &mut String, indent: usize, label: &str, value: &str) {
    let pad = LABEL.saturating_sub(indent);
    let value = certscope::display::escape(value);
    let _ = writeln!(out, "{:indent$}{label:<pad$} {value}", "");
}

fn hex_field(out: &mut String, indent: usize, label: &str, hex: &str) {
    let lines = wrapped_hex(hex);
    let mut iter = lines.iter();
    field(out, indent, label, iter.next().map_or("", String::as_str));
    for line in iter {
        field(out, indent, "", line);
    }
}

fn line(out: &mut String, indent: usize, text: &str) {
    let text = certscope::display::escape(text);
    let _ = writeln!(out, "{:indent$}{text}", "");
}

fn origin(encoding: &Encoding) -> String {
    match encoding {
        Encoding::Pem { label, line } => format!("PEM \"{label}\" at line {line}"),
        Encoding::Der => "DER".into(),
        Encoding::Base64 => "base64".into(),
        Encoding::Hex => "hex".into(),
    }
}

fn certificate(out: &mut String, cert: &CertificateReport, source: &str, n: usize, total: usize) {
    let _ = writeln!(
        out,
        "{source}: certificate {n} of {total} ({})",
        origin(&cert.origin.encoding)
    );
    line(out, 2, "Names");
    field(out, 4, "Subject", &cert.subject.rfc4514);
    field(out, 4, "Issuer", &cert.issuer.rfc4514);

    line(out, 2, "Identity");
    field(out, 4, "Version", &format!("v{}", cert.version));
    let serial = match &cert.serial.decimal {
        Some(decimal) => format!("{} ({decimal})", cert.serial.hex),
        None => cert.serial.hex.clone(),
    };
    field(out, 4, "Serial", &serial);
    let mut flags = Vec::new();
    flags.push(if cert.is_ca { "CA" } else { "not a CA" });
    if cert.self_issued {
        flags.push("self-issued");
    }
    match (cert.self_signed, cert.self_issued) {
        (Some(true), _) => flags.push("self-signed"),
        (Some(false), _) => flags.push("not self-signed"),
        (None, true) => flags.push("self-signature not checked"),
        (None, false) => {}
    }
    field(out, 4, "Flags", &flags.join(", "));

    line(out, 2, "Validity");
    let v = &cert.validity;
    field(
        out,
        4,
        "Not before",
        &format!("{} ({})", v.not_before, v.not_before_encoding),
    );
    field(
        out,
        4,
        "Not after",
        &format!("{} ({})", v.not_after, v.not_after_encoding),
    );
    field(out, 4, "Period", &format!("{} days", v.period_days));
    if let Some(days) = v.days_until_expiry {
        let status = match v.valid_at_analysis_time {
            Some(true) => format!("valid, expires in {days} days"),
            Some(false) if days < 0 => format!("expired {} days ago", days.unsigned_abs()),
            _ => "not yet valid".to_owned(),
        };
        field(out, 4, "Status", &status);
    }

    line(out, 2, "Public key");
    let key = &cert.public_key;
    field(out, 4, "Algorithm", &key_description(key));
    field(out, 4, "SPKI SHA-256", &key.spki_sha256_base64);

    line(out, 2, "Signature");
    let algorithm = &cert.signature_algorithm;
    field(out, 4, "Algorithm", &algorithm_text(algorithm));
    if let Some(hash) = &algorithm.hash {
        field(out, 4, "Hash", hash);
    }
    if let Some(pss) = &algorithm.pss {
        let mgf = match &pss.mask_generation_hash {
            Some(hash) => format!("{} with {hash}", pss.mask_generation),
            None => pss.mask_generation.clone(),
        };
        field(
            out,
            4,
            "PSS",
            &format!(
                "mask {mgf}, salt {} bytes, trailer {}",
                pss.salt_length, pss.trailer_field
            ),
        );
        if let Some(error) = &pss.error {
            field(out, 4, "PSS error", error);
        }
    }

    stack_matrix(out, cert);

    line(out, 2, "Fingerprints");
    hex_field(out, 4, "SHA-256", &cert.fingerprints.sha256);
    hex_field(out, 4, "SHA-1", &cert.fingerprints.sha1);

    if cert.extensions.is_empty() {
        line(out, 2, "Extensions: none");
        return;
    }
    line(out, 2, &format!("Extensions ({})", cert.extensions.len()));
    for extension in &cert.extensions {
        let critical = if extension.critical {
            " [critical]"
        } else {
            ""
        };
        let heading = if extension.name == extension.oid {
            format!("{}{critical}", extension.oid)
        } else {
            format!("{} ({}){critical}", extension.name, extension.oid)
        };
        line(out, 4, &heading);
        extension_value(out, &extension.value);
    }
}

/// For an end entity: what each TLS stack decides for it as a TLS server's and as a TLS
/// client's certificate (`client_server.verifiers`), with why a stack refuses it.
fn stack_matrix(out: &mut String, cert: &CertificateReport) {
    use certscope::role::Condition;
    let verifiers = &cert.client_server.verifiers;
    let self_signed = cert.self_signed.unwrap_or(false);
    if cert.is_ca && !self_signed || verifiers.is_empty() {
        return;
    }
    // A self-signed certificate is an end entity only when pinned as its own trust anchor.
    let heading = if self_signed {
        "TLS stacks (the certificate as the end entity, pinned as its own trust anchor; server \
         for the host it names)"
    } else {
        "TLS stacks (the certificate as the end entity; server for the host it names)"
    };
    line(out, 2, heading);
    let width = verifiers
        .iter()
        .map(|v| v.verifier.len())
        .max()
        .unwrap_or(0);
    // An answer that rests on what the certificate cannot show is neither: "depends".
    let word = |accepts: bool, depends_on: &[Condition]| match (depends_on.is_empty(), accepts) {
        (true, true) => "accepts",
        (true, false) => "refuses",
        (false, _) => "depends",
    };
    for verdict in verifiers {
        line(
            out,
            4,
            &format!(
                "{:<width$}  server: {}  client: {}",
                verdict.verifier,
                word(verdict.as_server, &verdict.server_depends_on),
                word(verdict.as_client, &verdict.client_depends_on)
            ),
        );
        for (side, accepts, depends_on, reason) in [
            (
                "server",
                verdict.as_server,
                &verdict.server_depends_on,
                &verdict.server_reason,
            ),
            (
                "client",
                verdict.as_client,
                &verdict.client_depends_on,
                &verdict.client_reason,
            ),
        ] {
            let authorisation_only = depends_on == &[Condition::ServerAuthorisation];
            if !depends_on.is_empty() && !authorisation_only {
                line(out, 6, &format!("{side} depends: {reason}"));
            } else if !accepts {
                line(out, 6, &format!("{side} refused: {reason}"));
            }
        }
    }
    let authorised = verifiers.iter().any(|v| {
        v.client_depends_on
            .contains(&Condition::ServerAuthorisation)
    });
    if authorised {
        line(
            out,
            4,
            "client depends: the stack's checks accept it; then the server's own authorisation \
             decides (e.g. Go's VerifyPeerCertificate, nginx's rules on $ssl_client_s_dn)",
        );
    }
}

/// A signature algorithm's name and dotted OID; one the report names by its OID alone is
/// unknown to certscope, and says so.
fn algorithm_text(algorithm: &certscope::report::Algorithm) -> String {
    if algorithm.name == algorithm.oid {
        format!("{} (unknown algorithm)", algorithm.oid)
    } else {
        format!("{} ({})", algorithm.name, algorithm.oid)
    }
}

/// The key's algorithm with curve, size and exponent: `EC P-256, 256 bits`.
fn key_description(key: &certscope::report::PublicKey) -> String {
    let mut description = key.algorithm.clone();
    if key.algorithm == key.oid {
        description.push_str(" (unknown algorithm)");
    }
    if let Some(curve) = &key.curve {
        let _ = write!(description, " {curve}");
    }
    if let Some(bits) = key.bits {
        let _ = write!(description, ", {bits} bits");
    }
    if let Some(exponent) = key.rsa_exponent {
        let _ = write!(description, ", exponent {exponent}");
    }
    description
}

fn signature_check(check: &SignatureCheck) -> String {
    match check {
        SignatureCheck::Valid => "valid".to_owned(),
        SignatureCheck::Invalid => "INVALID".to_owned(),
        SignatureCheck::Unsupported { reason } => format!("not checked: {reason}"),
    }
}

fn extension_list(out: &mut String, indent: usize, extensions: &[certscope::report::Extension]) {
    for extension in extensions {
        let critical = if extension.critical {
            " [critical]"
        } else {
            ""
        };
        let heading = if extension.name == extension.oid {
            format!("{}{critical}", extension.oid)
        } else {
            format!("{} ({}){critical}", extension.name, extension.oid)
        };
        line(out, indent, &heading);
        extension_value(out, &extension.value);
    }
}

fn matches(list: &[usize]) -> String {
    if list.is_empty() {
        return "no certificate or request in this input".to_owned();
    }
    let objects: Vec<String> = list.iter().map(|i| format!("object {}", i + 1)).collect();
    objects.join(", ")
}

fn csr(out: &mut String, csr: &CsrReport, source: &str, n: usize, total: usize) {
    let _ = writeln!(
        out,
        "{source}: certificate request {n} of {total} ({})",
        origin(&csr.origin.encoding)
    );
    field(out, 2, "Subject", &csr.subject.rfc4514);
    field(out, 2, "Public key", &key_description(&csr.public_key));
    field(out, 2, "SPKI SHA-256", &csr.public_key.spki_sha256_base64);
    let algorithm = &csr.signature_algorithm;
    field(out, 2, "Signature", &algorithm_text(algorithm));
    field(
        out,
        2,
        "Self-signature",
        &signature_check(&csr.self_signature),
    );
    let attributes: Vec<&str> = csr.attributes.iter().map(|a| a.name.as_str()).collect();
    if !attributes.is_empty() {
        field(out, 2, "Attributes", &attributes.join(", "));
    }
    hex_field(out, 2, "SHA-256", &csr.fingerprints.sha256);
    if let Some(error) = &csr.requested_extensions_error {
        field(out, 2, "Extensions", &format!("do not decode: {error}"));
    } else if csr.requested_extensions.is_empty() {
        line(out, 2, "Requested extensions: none");
    } else {
        line(
            out,
            2,
            &format!("Requested extensions ({})", csr.requested_extensions.len()),
        );
        extension_list(out, 4, &csr.requested_extensions);
    }
    findings(out, &csr.lints);
}

/// The lint findings of a CRL or a request, one line each.
fn findings(out: &mut String, findings: &[certscope::Finding]) {
    if findings.is_empty() {
        return;
    }
    line(out, 2, &format!("Findings ({})", findings.len()));
    for finding in findings {
        line(
            out,
            4,
            &format!(
                "{} {} ({}): {}",
                finding.severity.name(),
                finding.id,
                finding.field,
                finding.message
            ),
        );
    }
}

fn crl(out: &mut String, crl: &CrlReport, source: &str, n: usize, total: usize) {
    let _ = writeln!(
        out,
        "{source}: CRL {n} of {total} ({})",
        origin(&crl.origin.encoding)
    );
    field(out, 2, "Issuer", &crl.issuer.rfc4514);
    field(out, 2, "Version", &format!("v{}", crl.version));
    field(out, 2, "This update", &crl.this_update);
    field(
        out,
        2,
        "Next update",
        crl.next_update.as_deref().unwrap_or("none"),
    );
    let algorithm = &crl.signature_algorithm;
    field(out, 2, "Signature", &algorithm_text(algorithm));
    for check in &crl.issuer_signatures {
        field(
            out,
            2,
            "Signed by",
            &format!(
                "object {}: {}",
                check.certificate + 1,
                signature_check(&check.signature)
            ),
        );
    }
    hex_field(out, 2, "SHA-256", &crl.fingerprints.sha256);
    line(out, 2, &format!("Revoked ({})", crl.revoked.len()));
    for entry in &crl.revoked {
        let reason = entry
            .reason
            .as_deref()
            .map(|reason| format!(", {reason}"))
            .unwrap_or_default();
        line(
            out,
            4,
            &format!("{} at {}{reason}", entry.serial.hex, entry.revocation_date),
        );
    }
    if crl.extensions.is_empty() {
        line(out, 2, "Extensions: none");
    } else {
        line(out, 2, &format!("Extensions ({})", crl.extensions.len()));
        extension_list(out, 4, &crl.extensions);
    }
    findings(out, &crl.lints);
}

fn private_key(out: &mut String, key: &PrivateKeyReport, source: &str, n: usize, total: usize) {
    let _ = writeln!(
        out,
        "{source}: private key {n} of {total} ({})",
        origin(&key.origin.encoding)
    );
    let mut description = key.algorithm.clone();
    if let Some(curve) = &key.curve {
        let _ = write!(description, " {curve}");
    }
    if let Some(bits) = key.bits {
        let _ = write!(description, ", {bits} bits");
    }
    field(out, 2, "Algorithm", &description);
    field(out, 2, "Public half of", &matches(&key.matches));
    findings(out, &key.lints);
}

fn public_key(out: &mut String, key: &PublicKeyReport, source: &str, n: usize, total: usize) {
    let _ = writeln!(
        out,
        "{source}: public key {n} of {total} ({})",
        origin(&key.origin.encoding)
    );
    field(out, 2, "Algorithm", &key_description(&key.public_key));
    field(out, 2, "SPKI SHA-256", &key.public_key.spki_sha256_base64);
    field(out, 2, "Key of", &matches(&key.matches));
    findings(out, &key.lints);
}

fn names(out: &mut String, indent: usize, list: &[GeneralName]) {
    for name in list {
        line(out, indent, &name.display());
    }
}

fn optional_number(value: Option<u32>) -> String {
    value.map_or_else(|| "none".to_owned(), |n| n.to_string())
}

fn extension_value(out: &mut String, value: &ExtensionValue) {
    const I: usize = 6;
    match value {
        ExtensionValue::BasicConstraints { ca, path_length } => {
            let mut text = format!("CA: {ca}");
            if let Some(length) = path_length {
                let _ = write!(text, ", path length: {length}");
            }
            line(out, I, &text);
        }
        ExtensionValue::KeyUsage { usages } => line(out, I, &usages.join(", ")),
        ExtensionValue::ExtendedKeyUsage { purposes } => {
            for purpose in purposes {
                if purpose.name == purpose.oid {
                    line(out, I, &purpose.oid);
                } else {
                    line(out, I, &format!("{} ({})", purpose.name, purpose.oid));
                }
            }
        }
        ExtensionValue::SubjectAltName { names: list }
        | ExtensionValue::IssuerAltName { names: list } => names(out, I, list),
        ExtensionValue::AuthorityKeyIdentifier {
            key_identifier,
            issuer,
            serial_hex,
        } => {
            if let Some(id) = key_identifier {
                hex_field(out, I, "Key id", id);
            }
            if let Some(issuer) = issuer {
                line(out, I, "Issuer:");
                names(out, I + 2, issuer);
            }
            if let Some(serial) = serial_hex {
                hex_field(out, I, "Serial", serial);
            }
        }
        ExtensionValue::SubjectKeyIdentifier { key_identifier } => {
            hex_field(out, I, "Key id", key_identifier)
        }
        ExtensionValue::AuthorityInfoAccess { descriptions }
        | ExtensionValue::SubjectInfoAccess { descriptions } => {
            for d in descriptions {
                line(out, I, &format!("{} - {}", d.method.name, d.location.display()));
            }
        }
        ExtensionValue::CrlDistributionPoints { points }
        | ExtensionValue::FreshestCrl { points } => {
            for point in points {
                if let Some(full) = &point.full_name {
                    names(out, I, full);
                }
                if let Some(relative) = &point.relative_name {
                    line(out, I, &format!("relative to the CRL issuer: {relative}"));
                }
                if let Some(reasons) = &point.reasons {
                    line(out, I + 2, &format!("reasons: {}", reasons.join(", ")));
                }
                if let Some(issuer) = &point.crl_issuer {
                    line(out, I + 2, "CRL issuer:");
                    names(out, I + 4, issuer);
                }
            }
        }
        ExtensionValue::CertificatePolicies { policies }
        | ExtensionValue::MicrosoftApplicationPolicies { policies } => {
            for policy in policies {
                if policy.policy.name == policy.policy.oid {
                    line(out, I, &policy.policy.oid);
                } else {
                    line(out, I, &format!("{} ({})", policy.policy.name, policy.policy.oid));
                }
                for qualifier in &policy.qualifiers {
                    let text = match qualifier {
                        PolicyQualifier::Cps { uri } => format!("CPS: {uri}"),
                        PolicyQualifier::UserNotice {
                            organization,
                            notice_numbers,
                            explicit_text,
                        } => {
                            let mut parts = Vec::new();
                            if let Some(org) = organization {
                                parts.push(format!(
                                    "organization \"{org}\" notice {}",
                                    notice_numbers.join(", ")
                                ));
                            }
                            if let Some(text) = explicit_text {
                                parts.push(format!("\"{text}\""));
                            }
                            format!("User notice: {}", parts.join("; "))
                        }
                        PolicyQualifier::Other { qualifier, der_hex } => {
                            format!("{}: #{der_hex}", qualifier.name)
                        }
                        #[allow(unreachable_patterns)]
                        _ => "qualifier".to_owned(),
                    };
                    line(out, I + 2, &text);
                }
            }
        }
        ExtensionValue::PolicyMappings { mappings } => {
            for m in mappings {
                line(
                    out,
                    I,
                    &format!(
                        "{} -> {}",
                        m.issuer_domain_policy.name, m.subject_domain_policy.name
                    ),
                );
            }
        }
        ExtensionValue::PolicyConstraints {
            require_explicit_policy,
            inhibit_policy_mapping,
        } => {
            field(out, I, "Require explicit", &optional_number(*require_explicit_policy));
            field(out, I, "Inhibit mapping", &optional_number(*inhibit_policy_mapping));
        }
        ExtensionValue::InhibitAnyPolicy { skip_certs } => {
            line(out, I, &format!("skip certificates: {skip_certs}"))
        }
        ExtensionValue::NameConstraints {
            permitted,
            excluded,
        } => {
            for (label, trees) in [("Permitted:", permitted), ("Excluded:", excluded)] {
                if trees.is_empty() {
                    continue;
                }
                line(out, I, label);
                for tree in trees {
                    line(out, I + 2, &tree.base.display());
                }
            }
        }
        ExtensionValue::CtPrecertificatePoison => {
            line(out, I, "precertificate: not for use by servers")
        }
        ExtensionValue::SignedCertificateTimestamps { timestamps } => {
            for sct in timestamps {
                line(
                    out,
                    I,
                    &format!(
                        "v{} at {} by log {}",
                        u16::from(sct.version) + 1,
                        sct.timestamp.as_deref().unwrap_or("<out of range>"),
                        sct.log_id_base64
                    ),
                );
                line(
                    out,
                    I + 2,
                    &format!("{} with {}", sct.signature_algorithm, sct.hash_algorithm),
                );
            }
        }
        ExtensionValue::TlsFeature {
            features,
            must_staple,
        } => {
            let list: Vec<String> = features
                .iter()
                .map(|f| f.name.clone().unwrap_or_else(|| f.value.to_string()))
                .collect();
            let suffix = if *must_staple { " (OCSP must-staple)" } else { "" };
            line(out, I, &format!("{}{suffix}", list.join(", ")));
        }
        ExtensionValue::OcspNoCheck => line(out, I, "no revocation check of this responder"),
        ExtensionValue::NetscapeCertType { types } => line(out, I, &types.join(", ")),
        ExtensionValue::NetscapeComment { comment } => line(out, I, comment),
        ExtensionValue::MicrosoftCertificateTemplate {
            template,
            major_version,
            minor_version,
        } => line(
            out,
            I,
            &format!(
                "{} version {}.{}",
                template.name,
                optional_number(*major_version),
                optional_number(*minor_version)
            ),
        ),
        ExtensionValue::MicrosoftCertificateTemplateName { name } => line(out, I, name),
        ExtensionValue::MicrosoftCaVersion {
            certificate_index,
            key_index,
        } => line(
            out,
            I,
            &format!("V{certificate_index}.{key_index} (certificate {certificate_index}, key {key_index})"),
        ),
        ExtensionValue::PrivateKeyUsagePeriod {
            not_before,
            not_after,
        } => {
            field(out, I, "Not before", not_before.as_deref().unwrap_or("not limited"));
            field(out, I, "Not after", not_after.as_deref().unwrap_or("not limited"));
        }
        ExtensionValue::SubjectDirectoryAttributes { attributes } => {
            for attribute in attributes {
                line(
                    out,
                    I,
                    &format!("{}: {}", attribute.attribute.name, attribute.values.join(", ")),
                );
            }
        }
        ExtensionValue::Unknown { der_hex } => hex_field(out, I, "Raw", der_hex),
        ExtensionValue::Failed { error } => line(out, I, &format!("does not decode: {error}")),
        #[allow(unreachable_patterns)]
        _ => line(out, I, "(not rendered)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_wrapped_with_colons() {
        let hex = "00".repeat(20);
        let lines = wrapped_hex(&hex);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].split(':').count(), 16);
        assert_eq!(lines[1], "00:00:00:00");
    }
}
