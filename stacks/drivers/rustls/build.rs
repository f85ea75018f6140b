//! Records the resolved rustls-webpki version for `--version`.
fn main() {
    let lock = std::fs::read_to_string("Cargo.lock").unwrap_or_default();
    let mut version = "unknown".to_owned();
    let mut in_webpki = false;
    for line in lock.lines() {
        if line.starts_with("name = ") {
            in_webpki = line == "name = \"rustls-webpki\"";
        } else if in_webpki && line.starts_with("version = ") {
            version = line.trim_start_matches("version = ").trim_matches('"').to_owned();
        }
    }
    println!("cargo:rustc-env=WEBPKI_VERSION={version}");
    println!("cargo:rerun-if-changed=Cargo.lock");
}
