#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#[test]
#[ignore]
fn dump() {
    let path = std::env::var("ROLE_FIXTURE").unwrap();
    let bytes = std::fs::read(path).unwrap();
    let report = certscope::analyze(&bytes, &Default::default()).unwrap();
    for c in report.certificates() {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
            "subject": c.subject.rfc4514, "roles": c.roles, "identity": c.identity,
            "answer": c.answer, "client_server": c.client_server, "warnings": c.warnings}))
            .unwrap()
        );
    }
}
