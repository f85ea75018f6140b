//! The known traps, as warnings with stable ids and citations.

use super::{oids, CaState, Facts, Identity, Role, RoleKind, Warning};
use crate::purpose::{key_usage_bits as ku, Purpose};

fn warning(id: &str, severity: &str, message: impl Into<String>, citation: &str) -> Warning {
    Warning {
        id: id.to_owned(),
        severity: severity.to_owned(),
        message: message.into(),
        citation: citation.to_owned(),
    }
}

/// The warnings for one certificate.
pub(super) fn warnings(
    facts: &Facts<'_>,
    identity: &Identity,
    purposes: &[Purpose],
    roles: &[Role],
) -> Vec<Warning> {
    let mut out = Vec::new();
    let is_ca = facts.ca_state == CaState::Ca;
    let has_role = |kind: RoleKind| roles.iter().any(|role| role.role == kind);
    let leaf = |id: &str| purposes.iter().find(|p| p.id == id).is_some_and(|p| p.leaf);

    let dedicated = [
        RoleKind::TimeStamping,
        RoleKind::CodeSigning,
        RoleKind::SmimeSigning,
        RoleKind::DocumentSigning,
        RoleKind::OcspResponder,
        RoleKind::CtPrecertificate,
    ]
    .into_iter()
    .any(has_role);
    if !is_ca && !dedicated && leaf("any") && !leaf("sslserver") {
        out.push(warning(
            "any_purpose_is_not_tls_server",
            "info",
            "`openssl x509 -purpose` says \"Any Purpose: Yes\", but that purpose accepts every \
             certificate; this one is not usable as a TLS server (\"SSL server: No\")",
            "OpenSSL crypto/x509/v3_purp.c no_check_purpose",
        ));
    }
    if !is_ca && facts.extended_key_usage.is_none() && !facts.extended_key_usage_broken {
        out.push(warning(
            "no_extended_key_usage",
            "warning",
            "no extendedKeyUsage: the certificate may be used for any purpose (TLS server and \
             client, code signing, e-mail...). Issue end-entity certificates with the purposes \
             they need",
            "RFC 5280 4.2.1.12",
        ));
    }
    if facts.eku_has(oids::ANY_EKU) {
        out.push(warning(
            "any_extended_key_usage",
            "warning",
            "anyExtendedKeyUsage: Go, Java and Windows accept the certificate for any purpose; \
             OpenSSL's purpose checks and rustls/webpki do not",
            "RFC 5280 4.2.1.12",
        ));
    }
    if is_ca && facts.extended_key_usage.is_some() {
        out.push(warning(
            "extended_key_usage_on_ca",
            "info",
            "extendedKeyUsage on a CA certificate: OpenSSL-style verifiers (and Go, and the \
             browsers' root programs) restrict every certificate below it to these purposes; \
             RFC 5280 itself gives EKU no meaning on a CA",
            "RFC 5280 4.2.1.12; OpenSSL check_purpose over the chain; CA/B BR 7.1.2.2",
        ));
    }
    if !is_ca && facts.eku_has(oids::SERVER_AUTH) && facts.eku_has(oids::CLIENT_AUTH) {
        let public = publicly_trusted_tls(facts);
        out.push(warning(
            "server_certificate_with_client_auth",
            if public { "warning" } else { "info" },
            if public {
                "a publicly trusted TLS certificate (CA/Browser Forum policy) that also carries \
                 clientAuth: root programs are phasing clientAuth out of public TLS hierarchies \
                 and it will not be reissued with it; use a private CA for client and device \
                 identity"
            } else {
                "serverAuth and clientAuth together: fine for a private CA; public TLS \
                 certificates are losing clientAuth, so do not rely on one for client or \
                 device identity"
            },
            "CA/B Forum BR 7.1.2.7.10; Chrome Root Program Policy (dedicated TLS server hierarchies)",
        ));
    }
    for role in roles
        .iter()
        .filter(|role| !role.usable && role.ca.is_none())
    {
        let granted = role
            .granted_by
            .iter()
            .any(|evidence| evidence.field == "extendedKeyUsage");
        let blocked = role
            .restricted_by
            .iter()
            .any(|evidence| evidence.field == "keyUsage");
        if granted && blocked {
            out.push(warning(
                "key_usage_blocks_extended_key_usage",
                "error",
                format!(
                    "{}: extendedKeyUsage grants it but keyUsage forbids it; keyUsage and \
                     extendedKeyUsage must both allow a use",
                    role.label
                ),
                "RFC 5280 4.2.1.12",
            ));
        }
    }
    let encipherment = facts
        .key_usage
        .is_some_and(|bits| bits & ku::KEY_ENCIPHERMENT != 0);
    if encipherment && (facts.key.ec() || facts.key.eddsa()) {
        out.push(warning(
            "key_encipherment_without_rsa",
            "info",
            "keyEncipherment on a non-RSA key: it only matters for RSA key exchange (TLS 1.2 and \
             older), so it has no effect here",
            "RFC 5480 3; RFC 8446 4.4.2",
        ));
    }
    if encipherment
        && facts.key.rsa_or_pss()
        && !facts.key_usage_allows(ku::DIGITAL_SIGNATURE)
        && (has_role(RoleKind::TlsServer) || has_role(RoleKind::Unrestricted))
    {
        out.push(warning(
            "key_encipherment_only",
            "warning",
            "keyEncipherment without digitalSignature: only TLS 1.2 RSA key exchange can use \
             this key; TLS 1.3 and ECDHE suites need digitalSignature",
            "RFC 8446 4.4.2; RFC 5246 7.4.2",
        ));
    }
    let serves = has_role(RoleKind::TlsServer) || has_role(RoleKind::Unrestricted);
    if serves && identity.common_name_is_legacy_host_name {
        out.push(warning(
            "common_name_as_host_name",
            "warning",
            format!(
                "the host name is only in the subject commonName ({}): modern clients (Go, \
                 rustls, browsers) match subjectAltName only",
                identity.common_name.as_deref().unwrap_or_default()
            ),
            "RFC 6125 6.4.4; CA/B BR 7.1.4.3",
        ));
    }
    if has_role(RoleKind::SelfSignedEndEntity) {
        out.push(warning(
            "self_signed_end_entity",
            "info",
            "self-signed end entity: no CA vouches for it; peers must pin it or trust it \
             explicitly. It is not a root CA (no basicConstraints cA TRUE)",
            "RFC 5280 4.2.1.9",
        ));
    }
    if facts.version_one && facts.ca_state == CaState::Absent && facts.openssl.self_signed {
        out.push(warning(
            "version_one_root",
            "warning",
            "version 1 self-signed certificate: OpenSSL accepts it as a CA (check_ca code 3) \
             though it has no basicConstraints; other verifiers do not",
            "OpenSSL crypto/x509/v3_purp.c check_ca; RFC 5280 6.1.4 (k)",
        ));
    }
    if !is_ca
        && facts
            .key_usage
            .is_some_and(|bits| bits & ku::KEY_CERT_SIGN != 0)
    {
        out.push(warning(
            "key_cert_sign_without_ca",
            "warning",
            "keyUsage keyCertSign without basicConstraints cA TRUE: not a CA by RFC 5280, and \
             certificates it signs do not validate; OpenSSL alone tolerates it as a CA when \
             basicConstraints is absent (check_ca code 4)",
            "RFC 5280 4.2.1.3, 4.2.1.9",
        ));
    }
    if facts.ca_state == CaState::Broken || facts.extended_key_usage_broken {
        out.push(warning(
            "undecidable_extension",
            "error",
            "basicConstraints or extendedKeyUsage is malformed or duplicated: verifiers reject \
             the certificate and its role cannot be decided",
            "RFC 5280 4.2",
        ));
    }
    out
}

/// Whether the certificate asserts a CA/Browser Forum TLS policy (2.23.140.1.1 EV,
/// 2.23.140.1.2.x DV/OV/IV): the mark of a publicly trusted TLS certificate.
fn publicly_trusted_tls(facts: &Facts<'_>) -> bool {
    facts
        .cert
        .facts()
        .find::<crate::ext::CertificatePolicies>()
        .value()
        .is_some_and(|policies| {
            policies.0.iter().any(|policy| {
                let id = policy.policy_identifier.to_string();
                id == "2.23.140.1.1" || id.starts_with("2.23.140.1.2.")
            })
        })
}
