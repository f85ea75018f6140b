//! rustls-webpki: what rustls's WebPkiServerVerifier / WebPkiClientVerifier do with a peer's
//! chain: `EndEntityCert::verify_for_usage` with the anchor from `anchor_from_trusted_cert`,
//! the rest as intermediates, `KeyUsage::server_auth()` or `client_auth()`, every algorithm
//! webpki supports with ring, then for a server with a host name
//! `verify_is_valid_for_subject_name`. The manifest protocol is described in stacks/run.py.
use std::io::{BufRead, Write};

use rustls_pki_types::{CertificateDer, ServerName, UnixTime};
use webpki::{EndEntityCert, KeyUsage};

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--version") {
        println!("rustls-webpki {}", env!("WEBPKI_VERSION"));
        return;
    }
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = line.expect("manifest line");
        let f: Vec<&str> = line.split('\t').collect();
        let (id, side, host, dir) = (f[0], f[1], f[2], f[4]);
        let count: usize = f[5].parse().expect("count");
        let ders: Vec<Vec<u8>> = (0..count)
            .map(|i| std::fs::read(format!("{dir}/{i}.der")).expect("certificate file"))
            .collect();
        let (verdict, detail) = match verify(&ders, side, host) {
            Ok(()) => ("OK", String::new()),
            Err(e) => ("FAIL", e),
        };
        writeln!(out, "{id}\t{side}\t{verdict}\t{detail}").expect("write");
    }
}

fn verify(ders: &[Vec<u8>], side: &str, host: &str) -> Result<(), String> {
    let anchor_der = CertificateDer::from(ders[ders.len() - 1].as_slice());
    let anchor = webpki::anchor_from_trusted_cert(&anchor_der)
        .map_err(|e| format!("anchor_from_trusted_cert: {e:?}"))?;
    let leaf_der = CertificateDer::from(ders[0].as_slice());
    let leaf = EndEntityCert::try_from(&leaf_der).map_err(|e| format!("EndEntityCert: {e:?}"))?;
    let intermediates: Vec<CertificateDer<'_>> = ders[1..ders.len().saturating_sub(1).max(1)]
        .iter()
        .map(|d| CertificateDer::from(d.as_slice()))
        .collect();
    let usage = if side == "client" {
        KeyUsage::client_auth()
    } else {
        KeyUsage::server_auth()
    };
    leaf.verify_for_usage(
        webpki::ALL_VERIFICATION_ALGS,
        &[anchor],
        &intermediates,
        UnixTime::now(),
        usage,
        None,
        None,
    )
    .map_err(|e| format!("{e:?}"))?;
    if side == "server" && host != "-" {
        let name = ServerName::try_from(host).map_err(|e| format!("ServerName: {e:?}"))?;
        leaf.verify_is_valid_for_subject_name(&name)
            .map_err(|e| format!("{e:?}"))?;
    }
    Ok(())
}
