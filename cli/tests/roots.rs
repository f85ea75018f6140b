//! `certscope roots` run as a process: the bundle and its manifest, as the page's build uses
//! them.

use std::process::Command;

#[test]
fn writes_the_mozilla_bundle_and_a_manifest_naming_it() {
    let dir = std::env::temp_dir().join(format!("certscope-roots-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("mozilla.pem");
    let manifest = dir.join("index.json");
    let status = Command::new(env!("CARGO_BIN_EXE_certscope"))
        .args(["roots", "--mozilla", "--out"])
        .arg(&out)
        .arg("--manifest")
        .arg(&manifest)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let bundle = std::fs::read_to_string(&out).unwrap();
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
    let entry = &value["mozilla"];
    assert_eq!(entry["file"], "mozilla.pem");
    assert_eq!(entry["bytes"].as_u64(), u64::try_from(bundle.len()).ok());
    assert_eq!(
        entry["roots"].as_u64(),
        u64::try_from(bundle.matches("-----BEGIN CERTIFICATE-----").count()).ok()
    );
    let label = entry["label"].as_str().unwrap();
    assert!(label.starts_with("webpki-root-certs "), "{label}");
    assert!(bundle.starts_with(&format!("# The Mozilla root store as bundled by {label}")));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn asks_which_store_and_refuses_a_manifest_without_a_file() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_certscope"))
            .args(args)
            .output()
            .unwrap()
    };
    assert_eq!(run(&["roots"]).status.code(), Some(2));
    let dir = std::env::temp_dir().join(format!("certscope-roots-m-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let manifest = dir.join("index.json");
    let output = run(&[
        "roots",
        "--mozilla",
        "--manifest",
        manifest.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!manifest.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
