//! Client or server: what the certificate can do on each side of a TLS connection, what the
//! usual verifiers require, and the answer in plain words.
//!
//! What each TLS stack decides for the certificate as the end entity comes from the rows of
//! [`super::stacks`], checked against the real stacks (`tests/stacks.rs`).

use super::{oids, CaState, ClientServer, Facts, Identity, Role, RoleKind, Side, VerifierVerdict};
use crate::cert::Cert;
use crate::purpose::key_usage_bits as ku;

/// The comparison of two certificates (e.g. a device's and a server's).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PairComparison {
    /// The first certificate's answer.
    pub first: String,
    /// The second certificate's answer.
    pub second: String,
    /// The first certificate as client and server.
    pub first_client_server: ClientServer,
    /// The second certificate as client and server.
    pub second_client_server: ClientServer,
    /// What differs between them, field by field, in words.
    pub differences: Vec<String>,
}

/// Compares two certificates as TLS client and TLS server.
pub fn compare_pair(first: &Cert, second: &Cert) -> PairComparison {
    let a = super::classify(first);
    let b = super::classify(second);
    let fa = Facts::of(first);
    let fb = Facts::of(second);
    let mut differences = Vec::new();
    let eku = |facts: &Facts<'_>| match &facts.extended_key_usage {
        Some(list) => list
            .iter()
            .map(crate::oid::short_name)
            .collect::<Vec<_>>()
            .join(", "),
        None => "absent (any purpose)".to_owned(),
    };
    if eku(&fa) != eku(&fb) {
        differences.push(format!(
            "extendedKeyUsage: {} versus {}",
            eku(&fa),
            eku(&fb)
        ));
    }
    let key_usage = |facts: &Facts<'_>| match facts.key_usage {
        Some(_) => super::classify::key_usage_names(facts).join(", "),
        None => "absent".to_owned(),
    };
    if key_usage(&fa) != key_usage(&fb) {
        differences.push(format!(
            "keyUsage: {} versus {}",
            key_usage(&fa),
            key_usage(&fb)
        ));
    }
    if fa.ca_state != fb.ca_state {
        differences.push(format!(
            "basicConstraints: {} versus {}",
            ca_state_text(fa.ca_state),
            ca_state_text(fb.ca_state)
        ));
    }
    if a.identity.dns_names != b.identity.dns_names {
        differences.push(format!(
            "SAN dNSName: [{}] versus [{}]",
            a.identity.dns_names.join(", "),
            b.identity.dns_names.join(", ")
        ));
    }
    if a.identity.device_layout != b.identity.device_layout {
        differences.push(format!(
            "identity layout: {} versus {}",
            a.identity
                .device_layout
                .as_deref()
                .unwrap_or("none recognised"),
            b.identity
                .device_layout
                .as_deref()
                .unwrap_or("none recognised")
        ));
    }
    if differences.is_empty() {
        differences.push(
            "no difference in the fields that decide client or server use; structurally the \
             two are the same kind of certificate"
                .to_owned(),
        );
    }
    PairComparison {
        first: a.answer,
        second: b.answer,
        first_client_server: a.client_server,
        second_client_server: b.client_server,
        differences,
    }
}

fn ca_state_text(state: CaState) -> &'static str {
    match state {
        CaState::Absent => "absent",
        CaState::Ca => "cA TRUE",
        CaState::NotCa => "cA FALSE",
        CaState::Broken => "malformed or duplicated",
    }
}

/// The comparison for one certificate.
pub(super) fn client_server(facts: &Facts<'_>, identity: &Identity) -> ClientServer {
    let verifiers = super::stacks::verdicts(facts, identity);
    ClientServer {
        tls_server: side(facts, identity, &verifiers, true),
        tls_client: side(facts, identity, &verifiers, false),
        verifiers,
    }
}

/// A self-signed CA certificate not dedicated to issuing certificates (no keyUsage, as
/// `openssl req -x509` makes it, or digitalSignature without keyCertSign): a root, or the
/// identity of a device or server that its peers pin as its own trust anchor. A root whose
/// keyUsage asserts keyCertSign is taken as a CA only.
fn pinnable(facts: &Facts<'_>) -> bool {
    facts.ca_state == CaState::Ca
        && facts.self_signed_heuristic
        && facts.key_usage.is_none_or(|usage| {
            usage & ku::KEY_CERT_SIGN == 0 && usage & ku::DIGITAL_SIGNATURE != 0
        })
}

/// The stacks that accept the certificate on a side, and those that refuse it with why.
fn stacks_on_side(verifiers: &[VerifierVerdict], server: bool) -> (String, String) {
    let mut accept = Vec::new();
    let mut refuse = Vec::new();
    for verdict in verifiers {
        let (accepts, reason) = if server {
            (verdict.as_server, &verdict.server_reason)
        } else {
            (verdict.as_client, &verdict.client_reason)
        };
        if accepts {
            accept.push(verdict.verifier.clone());
        } else {
            let reason = reason
                .strip_prefix(super::stacks::TRUSTED_DIRECTLY)
                .unwrap_or(reason);
            refuse.push(format!("{} ({reason})", verdict.verifier));
        }
    }
    (accept.join(", "), refuse.join(", "))
}

fn side(
    facts: &Facts<'_>,
    identity: &Identity,
    verifiers: &[VerifierVerdict],
    server: bool,
) -> Side {
    let (wanted, name) = if server {
        (oids::SERVER_AUTH, "id-kp-serverAuth (1.3.6.1.5.5.7.3.1)")
    } else {
        (oids::CLIENT_AUTH, "id-kp-clientAuth (1.3.6.1.5.5.7.3.2)")
    };
    let mut allowed_by = Vec::new();
    let mut missing = Vec::new();
    match &facts.extended_key_usage {
        None if facts.extended_key_usage_broken => {
            missing.push("extendedKeyUsage is malformed or duplicated".to_owned());
        }
        None => allowed_by.push(
            "no extendedKeyUsage: any purpose (RFC 5280 4.2.1.12), but an implicit grant"
                .to_owned(),
        ),
        Some(_) if facts.eku_has(wanted) => {
            allowed_by.push(format!("extendedKeyUsage contains {name}"));
        }
        Some(_) if facts.eku_has(oids::ANY_EKU) => {
            allowed_by.push(
                "anyExtendedKeyUsage (Go and Java only; OpenSSL and rustls refuse)".to_owned(),
            );
            missing.push(format!("extendedKeyUsage lacks {name}"));
        }
        Some(_) => missing.push(format!("extendedKeyUsage lacks {name}")),
    }
    let key_ok = if server {
        facts.key_usage_allows(ku::DIGITAL_SIGNATURE)
            || (facts.key.rsa_or_pss() && facts.key_usage_allows(ku::KEY_ENCIPHERMENT))
    } else {
        facts.key_usage_allows(ku::DIGITAL_SIGNATURE)
    };
    match (facts.key_usage.is_some(), key_ok) {
        (false, _) => {}
        (true, true) => allowed_by.push("keyUsage allows the TLS key use".to_owned()),
        (true, false) if server => missing.push(
            "keyUsage lacks digitalSignature (and keyEncipherment for an RSA key)".to_owned(),
        ),
        (true, false) => missing.push(
            "keyUsage lacks digitalSignature: the client cannot sign CertificateVerify".to_owned(),
        ),
    }
    if pinnable(facts) {
        let (accept, refuse) = stacks_on_side(verifiers, server);
        let refused = if refuse.is_empty() {
            String::new()
        } else {
            format!("; refused by {refuse}")
        };
        allowed_by.push(format!(
            "basicConstraints cA TRUE on a self-signed certificate: pinned as its own trust \
             anchor, accepted as the end entity by {accept}{refused}"
        ));
    } else if facts.ca_state == CaState::Ca {
        missing.push(
            "basicConstraints cA TRUE: a CA certificate; rustls and most servers refuse it as \
             an end entity"
                .to_owned(),
        );
    }
    if facts.has_extension(oids::CT_POISON) {
        missing.push("CT poison extension: a precertificate is never used in TLS".to_owned());
    }
    if server && identity.dns_names.is_empty() && identity.ip_addresses.is_empty() {
        missing.push(if identity.common_name_is_legacy_host_name {
            "no subjectAltName dNSName or iPAddress: only the commonName names a host, which \
             Go, rustls and browsers ignore"
                .to_owned()
        } else {
            "no subjectAltName dNSName or iPAddress: no host name would match".to_owned()
        });
    }
    Side {
        usable: missing.is_empty(),
        allowed_by,
        missing,
    }
}

/// The plain-words answer shown at the top of a certificate.
pub(super) fn answer(
    facts: &Facts<'_>,
    identity: &Identity,
    roles: &[Role],
    client_server: &ClientServer,
) -> String {
    let has = |kind: RoleKind| roles.iter().any(|role| role.role == kind);
    if pinnable(facts) && (client_server.tls_client.usable || client_server.tls_server.usable) {
        let on = |server: bool| {
            let side = if server {
                &client_server.tls_server
            } else {
                &client_server.tls_client
            };
            let name = if server { "server" } else { "client" };
            if !side.usable {
                return format!("TLS {name}: no ({})", side.missing.join("; "));
            }
            let (accept, refuse) = stacks_on_side(&client_server.verifiers, server);
            let refused = if refuse.is_empty() {
                String::new()
            } else {
                format!("; refused by {refuse}")
            };
            format!("TLS {name}: yes, accepted by {accept}{refused}")
        };
        return format!(
            "A root CA certificate (basicConstraints cA TRUE), or, pinned as its own trust \
             anchor, a self-signed end entity, as `openssl req -x509` makes them for devices and \
             servers. Pinned: {}. {}.",
            on(true),
            on(false)
        );
    }
    if facts.ca_state == CaState::Ca {
        let kind = if has(RoleKind::RootCa) {
            "a root CA"
        } else {
            "an intermediate CA"
        };
        let limit = match &facts.extended_key_usage {
            Some(list) => format!(
                ", limited (for OpenSSL-style verifiers) to {}",
                list.iter()
                    .map(crate::oid::short_name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => String::new(),
        };
        return format!(
            "Neither client nor server: this is {kind} certificate (basicConstraints cA TRUE). \
             It issues the client and server certificates{limit}."
        );
    }
    if has(RoleKind::CtPrecertificate) {
        return "Neither: a CT precertificate, logged for transparency; the real certificate \
                with the same content is the one used in TLS."
            .to_owned();
    }
    let server = &client_server.tls_server;
    let client = &client_server.tls_client;
    let server_text = if server.usable {
        let names: Vec<&str> = identity
            .dns_names
            .iter()
            .chain(identity.ip_addresses.iter())
            .map(String::as_str)
            .take(4)
            .collect();
        format!("TLS server: yes, for {}", names.join(", "))
    } else {
        format!("TLS server: no ({})", server.missing.join("; "))
    };
    let client_text = if client.usable {
        let who = identity
            .client_identifiers
            .iter()
            .find(|item| item.stable)
            .or_else(|| identity.client_identifiers.first())
            .map(|item| format!(", identified by {} {}", item.source, item.value))
            .unwrap_or_default();
        format!("TLS client: yes{who}")
    } else {
        format!("TLS client: no ({})", client.missing.join("; "))
    };
    let implicit = if facts.extended_key_usage.is_none() && !facts.extended_key_usage_broken {
        " Both only because there is no extendedKeyUsage, which means any purpose."
    } else {
        ""
    };
    let lead = match (server.usable, client.usable) {
        (true, true) => "Client and server.",
        (true, false) => "Server, not client.",
        (false, true) => "Client, not server.",
        (false, false) => "Neither client nor server.",
    };
    let implicit = if server.usable && client.usable {
        implicit
    } else {
        ""
    };
    let others: Vec<&str> = roles
        .iter()
        .filter(|role| {
            !matches!(
                role.role,
                RoleKind::TlsServer | RoleKind::TlsClient | RoleKind::Unrestricted
            )
        })
        .map(|role| role.label.as_str())
        .collect();
    let others = if others.is_empty() {
        String::new()
    } else {
        format!(" Role: {}.", others.join(", "))
    };
    let stacks = stacks_disagree(client_server);
    format!("{lead} {server_text}. {client_text}.{implicit}{others}{stacks}")
}

/// When the TLS stacks disagree on a side: which accept the certificate on it and which do not.
fn stacks_disagree(client_server: &ClientServer) -> String {
    let mut out = String::new();
    for server in [true, false] {
        let side = if server { "server" } else { "client" };
        let accepts = |v: &VerifierVerdict| if server { v.as_server } else { v.as_client };
        let (yes, no): (Vec<&VerifierVerdict>, Vec<&VerifierVerdict>) =
            client_server.verifiers.iter().partition(|v| accepts(v));
        if yes.is_empty() || no.is_empty() {
            continue;
        }
        let names = |list: &[&VerifierVerdict]| {
            list.iter()
                .map(|v| v.verifier.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&format!(
            " The stacks disagree on it as a TLS {side}: {} accept; {} refuse.",
            names(&yes),
            names(&no)
        ));
    }
    out
}
