//! Invariants of the role classification over the purpose corpus (613 certificates with random
//! and broken extension combinations, `tests/data/purpose/`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use certscope::ext::{self, BasicConstraints, Lookup};
use certscope::role::{classify_all, RoleKind};
use certscope::{parse_input, Cert};

const CORPUS: &str = include_str!("data/purpose/corpus.pem");

#[test]
fn every_certificate_gets_roles_an_answer_and_consistent_ca_status() {
    let parsed = parse_input(CORPUS.as_bytes(), &Default::default()).unwrap();
    let certs: Vec<Cert> = parsed.certificates().cloned().collect();
    assert!(certs.len() > 600);
    let all = classify_all(&certs);
    let mut seen = std::collections::BTreeSet::new();
    for (index, (cert, roles)) in certs.iter().zip(&all).enumerate() {
        assert!(!roles.roles.is_empty(), "certificate {index}");
        assert!(!roles.answer.is_empty(), "certificate {index}");
        assert_eq!(roles.purposes.len(), 9);
        let ca = matches!(ext::find::<BasicConstraints>(cert), Lookup::Present { value, .. } if value.ca);
        for role in &roles.roles {
            seen.insert(role.role);
            match role.role {
                // CA status comes from basicConstraints only.
                RoleKind::RootCa | RoleKind::IntermediateCa | RoleKind::CrossCertificate => {
                    assert!(ca, "certificate {index}: {:?} without cA TRUE", role.role);
                    assert!(role.ca.is_some());
                }
                // A self-signed end entity is never a CA, and a CA never an end-entity role.
                RoleKind::SelfSignedEndEntity
                | RoleKind::TlsServer
                | RoleKind::TlsClient
                | RoleKind::Unrestricted => {
                    assert!(!ca, "certificate {index}: {:?} with cA TRUE", role.role)
                }
                _ => {}
            }
            assert!(
                !role.granted_by.is_empty() || role.role == RoleKind::Unknown,
                "certificate {index}: {:?} without evidence",
                role.role
            );
        }
        // A CA is no end entity, except a self-signed one pinned as its own anchor (what
        // `openssl req -x509` makes), whose answer says both and names the stacks.
        if ca {
            let pinned = roles.answer.starts_with("A root CA certificate")
                && roles.answer.contains("pinned as its own trust anchor")
                && roles.roles.iter().any(|r| r.role == RoleKind::RootCa);
            assert!(
                roles.answer.starts_with("Neither client nor server") || pinned,
                "{index}: {}",
                roles.answer
            );
        }
    }
    for kind in [
        RoleKind::RootCa,
        RoleKind::IntermediateCa,
        RoleKind::TlsServer,
        RoleKind::TlsClient,
        RoleKind::CodeSigning,
        RoleKind::SmimeSigning,
        RoleKind::OcspResponder,
        RoleKind::TimeStamping,
        RoleKind::SelfSignedEndEntity,
        RoleKind::Unrestricted,
        RoleKind::Unknown,
    ] {
        assert!(seen.contains(&kind), "{kind:?} never seen in the corpus");
    }
}
