//! How each stack matches the host name a TLS client asks for against the names a server
//! certificate holds: its own wildcard rule, and what it does with a host in IDNA U-labels,
//! with a trailing dot, or that is an IP address. Each rule follows the stack's own code (named
//! on its variant); the host chains of `stacks/` (axis `host`) show each stack answering so.

use std::net::IpAddr;

use crate::chain::ExpectedName;

/// A stack's host name matching.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum HostRule {
    /// OpenSSL's `X509_check_host` / `X509_check_ip` (`crypto/x509/v3_utl.c`, no flags): an
    /// IP address against iPAddress entries only; a DNS name byte for byte, ignoring ASCII
    /// case, or against one `*` in the leftmost label (`valid_star`: at its start or its end,
    /// so `f*` and `*o` but not `f*o`, not in an `xn--` label, two dots after it), matching one
    /// or more letters, digits or hyphens (and an `xn--` host label only when the `*` is the
    /// whole label).
    Openssl,
    /// Go's `Certificate.VerifyHostname`: an IP address against iPAddress entries only; a
    /// valid host name (ASCII letters, digits, `-`, `_`; a trailing dot ignored) against a
    /// valid pattern (`*` only as the whole leftmost label, any number of labels after it,
    /// `*` alone too) label for label; any other host or pattern only byte for byte.
    Go,
    /// rustls-webpki (`ServerName::try_from`, `verify_is_valid_for_subject_name`): the host
    /// must be an IP address or an ASCII DNS name (a trailing dot allowed); an IP address
    /// against iPAddress entries; a DNS name against dNSNames whose `*` is the whole leftmost
    /// label with at least two labels after it.
    Webpki,
    /// Java's `HostnameChecker` with `TYPE_TLS`: an IP address against iPAddress entries; a
    /// DNS name must be a valid `SNIHostName` (no trailing dot), and both it and each pattern
    /// are compared in Unicode (`IDN.toUnicode(IDN.toASCII(...))`, so a U-label host matches an
    /// A-label name); `*` and `*.` are refused, any other `*` matches within one label, in any
    /// label (`matchAllWildcards`), with no public-suffix check for a private root.
    Java,
    /// GnuTLS's `gnutls_x509_crt_check_hostname2`: an IPv4 address, or a host with a `:` that
    /// parses as IPv6, against iPAddress entries; a DNS name mapped to A-labels
    /// (`gnutls_idna_map`) and compared ignoring ASCII case, or against a pattern starting with
    /// `*` and holding two dots, the `*` matching within the first label
    /// (`_gnutls_hostname_compare`).
    Gnutls,
    /// NSS's `CERT_VerifyCertName` (`cert_TestHostName`): an IP address against iPAddress
    /// entries; a DNS name ignoring ASCII case, or against a pattern whose one `*` ends its
    /// first label (`f*.example.com`, `*.example.com`), with at least three labels, the host's
    /// first label starting with what precedes the `*`, and an `xn--` host label only under a
    /// `*` that is the whole label.
    Nss,
    /// wolfSSL's `CheckHostName` (`MatchDomainName`): the host as text against each
    /// subjectAltName entry (dNSName, and an iPAddress in wolfSSL's text form), ignoring
    /// ASCII case, each `*` matching up to the next character of the pattern within a label,
    /// anywhere in the pattern; a trailing dot is not ignored.
    Wolfssl,
    /// mbedTLS 2.28's `x509_crt_verify_name`: the host as text against each subjectAltName
    /// value (so an IP address against a dNSName, never an iPAddress), ignoring ASCII case, or
    /// against a pattern `*.` + the host after its first dot (`x509_check_wildcard`, any
    /// number of labels).
    Mbedtls,
}

/// The names a certificate offers a host check.
pub(super) struct Presented<'a> {
    /// subjectAltName dNSName entries.
    pub dns: &'a [String],
    /// subjectAltName iPAddress entries (4 or 16 bytes; others are left out).
    pub ips: &'a [IpAddr],
    /// The subjectAltName holds a uniformResourceIdentifier.
    pub uri: bool,
    /// There is a subjectAltName extension.
    pub san_present: bool,
    /// The subject's (last) commonName.
    pub common_name: Option<&'a str>,
}

/// Whether the stack reads the commonName for this host: OpenSSL and Java for a DNS name when
/// there is no dNSName; GnuTLS for a DNS name when there is no dNSName, iPAddress or URI;
/// NSS when there is no entry of the host's kind (`SEC_ERROR_EXTENSION_NOT_FOUND`); wolfSSL
/// when its alt names (dNSName, iPAddress, URI) are empty; mbedTLS when there is no
/// subjectAltName; Go and rustls-webpki never.
fn reads_common_name(rule: HostRule, names: &Presented<'_>, ip_host: bool) -> bool {
    match rule {
        HostRule::Openssl | HostRule::Java => !ip_host && names.dns.is_empty(),
        HostRule::Go | HostRule::Webpki => false,
        HostRule::Gnutls => !ip_host && names.dns.is_empty() && names.ips.is_empty() && !names.uri,
        HostRule::Nss if ip_host => names.ips.is_empty(),
        HostRule::Nss => names.dns.is_empty(),
        HostRule::Wolfssl => names.dns.is_empty() && names.ips.is_empty() && !names.uri,
        HostRule::Mbedtls => !names.san_present,
    }
}

/// Whether the stack matches `expected` against the names presented.
pub(super) fn matches(rule: HostRule, names: &Presented<'_>, expected: &ExpectedName) -> bool {
    let ip_host = matches!(expected, ExpectedName::Ip(_));
    let common_name = names
        .common_name
        .filter(|_| reads_common_name(rule, names, ip_host));
    let names = &Presented {
        common_name,
        ..*names
    };
    match expected {
        ExpectedName::Ip(ip) => match rule {
            HostRule::Wolfssl => {
                let host = ip.to_string();
                names
                    .dns
                    .iter()
                    .cloned()
                    .chain(names.ips.iter().map(|a| wolfssl_ip_text(*a)))
                    .chain(names.common_name.map(str::to_owned))
                    .any(|name| wolfssl_match(&name, &host))
            }
            HostRule::Mbedtls => {
                let host = ip.to_string();
                names
                    .dns
                    .iter()
                    .map(String::as_str)
                    .chain(names.common_name)
                    .any(|name| mbedtls_match(name, &host))
            }
            HostRule::Nss => {
                names.ips.contains(ip)
                    || names
                        .common_name
                        .is_some_and(|cn| cn.eq_ignore_ascii_case(&ip.to_string()))
            }
            _ => names.ips.contains(ip),
        },
        ExpectedName::Dns(host) => {
            let Some(host) = prepare(rule, host) else {
                return false;
            };
            let candidates = names
                .dns
                .iter()
                .map(String::as_str)
                .chain(names.common_name);
            match rule {
                HostRule::Wolfssl => {
                    // wolfSSL's alt names hold the iPAddress entries too, as text.
                    let ips: Vec<String> = names.ips.iter().map(|a| wolfssl_ip_text(*a)).collect();
                    candidates
                        .chain(ips.iter().map(String::as_str))
                        .any(|pattern| wolfssl_match(pattern, &host))
                }
                _ => candidates
                    .into_iter()
                    .any(|pattern| pattern_matches(rule, pattern, &host)),
            }
        }
        _ => false,
    }
}

/// The host as the stack compares it, or `None` when the stack refuses the host itself.
fn prepare(rule: HostRule, host: &str) -> Option<String> {
    match rule {
        HostRule::Webpki => {
            // rustls-pki-types' DnsName: ASCII letters, digits, `-` and `_`, a trailing dot.
            let name = host.strip_suffix('.').unwrap_or(host);
            let valid = !name.is_empty()
                && name.split('.').all(|label| {
                    !label.is_empty()
                        && label.len() <= 63
                        && !label.starts_with('-')
                        && !label.ends_with('-')
                        && label
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                });
            valid.then(|| name.to_ascii_lowercase())
        }
        HostRule::Java => {
            // SNIHostName: no trailing dot; IDN.toASCII with the STD3 rules.
            if host.ends_with('.') {
                return None;
            }
            crate::chain::names::to_ascii_host(host).ok()
        }
        HostRule::Gnutls => crate::chain::names::to_ascii_host(host).ok(),
        HostRule::Go => Some(host.to_ascii_lowercase()),
        _ => Some(host.to_owned()),
    }
}

/// One pattern (a dNSName or the commonName) against the prepared host.
fn pattern_matches(rule: HostRule, pattern: &str, host: &str) -> bool {
    match rule {
        HostRule::Openssl => openssl_match(pattern, host),
        HostRule::Go => go_match(pattern, host),
        HostRule::Webpki => webpki_match(pattern, host),
        HostRule::Java => java_match(pattern, host),
        HostRule::Gnutls => gnutls_match(pattern, host),
        HostRule::Nss => nss_match(pattern, host),
        HostRule::Wolfssl => wolfssl_match(pattern, host),
        HostRule::Mbedtls => mbedtls_match(pattern, host),
    }
}

fn is_ldh(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

/// `equal_wildcard` of OpenSSL's `v3_utl.c`.
fn openssl_match(pattern: &str, host: &str) -> bool {
    let Some(star) = openssl_valid_star(pattern.as_bytes()) else {
        return pattern.eq_ignore_ascii_case(host);
    };
    let (prefix, suffix) = (&pattern[..star], &pattern[star + 1..]);
    if host.len() < prefix.len() + suffix.len() {
        return false;
    }
    let (Some(head), Some(tail)) = (
        host.get(..prefix.len()),
        host.get(host.len() - suffix.len()..),
    ) else {
        return false;
    };
    if !head.eq_ignore_ascii_case(prefix) || !tail.eq_ignore_ascii_case(suffix) {
        return false;
    }
    let middle = &host[prefix.len()..host.len() - suffix.len()];
    let whole_label = prefix.is_empty() && suffix.starts_with('.');
    if whole_label && middle.is_empty() {
        return false;
    }
    // IDNA labels cannot match partial wildcards.
    if !whole_label && host.len() >= 4 && host[..4].eq_ignore_ascii_case("xn--") {
        return false;
    }
    if middle == "*" {
        return true;
    }
    middle.bytes().all(is_ldh)
}

/// OpenSSL's `valid_star`: the position of the pattern's one usable `*`.
fn openssl_valid_star(p: &[u8]) -> Option<usize> {
    let mut star = None;
    let mut label_start = true;
    let mut hyphen = false;
    let mut idna = false;
    let mut dots = 0;
    for (i, &c) in p.iter().enumerate() {
        if c == b'*' {
            let at_start = label_start;
            let at_end = i == p.len() - 1 || p.get(i + 1) == Some(&b'.');
            if star.is_some() || idna || dots > 0 || (!at_start && !at_end) {
                return None;
            }
            star = Some(i);
            label_start = false;
        } else if c.is_ascii_alphanumeric() {
            if label_start
                && p.len() - i >= 4
                && p.get(i..i + 4)
                    .is_some_and(|s| s.eq_ignore_ascii_case(b"xn--"))
            {
                idna = true;
            }
            label_start = false;
            hyphen = false;
        } else if c == b'.' {
            if label_start || hyphen {
                return None;
            }
            label_start = true;
            idna = false;
            dots += 1;
        } else if c == b'-' {
            if label_start {
                return None;
            }
            hyphen = true;
        } else {
            return None;
        }
    }
    if label_start || hyphen || dots < 2 {
        return None;
    }
    star
}

/// Go's `validHostname`.
fn go_valid(host: &str, pattern: bool) -> bool {
    let host = if pattern {
        host
    } else {
        host.strip_suffix('.').unwrap_or(host)
    };
    !host.is_empty()
        && host.split('.').enumerate().all(|(i, part)| {
            !part.is_empty()
                && ((pattern && i == 0 && part == "*")
                    || part.bytes().enumerate().all(|(j, c)| {
                        c.is_ascii_alphanumeric() || (c == b'-' && j != 0) || c == b'_'
                    }))
        })
}

/// Go's `matchHostnames` (what `HostnameError` tells a legacy commonName by): label for
/// label, the pattern's first label `*` matching any, ignoring ASCII case and the host's
/// trailing dot.
pub(super) fn go_match_hostnames(pattern: &str, host: &str) -> bool {
    let pattern = pattern.to_ascii_lowercase();
    let host = host.strip_suffix('.').unwrap_or(host).to_ascii_lowercase();
    if pattern.is_empty() || host.is_empty() {
        return false;
    }
    let (p, h): (Vec<&str>, Vec<&str>) = (pattern.split('.').collect(), host.split('.').collect());
    p.len() == h.len()
        && p.iter()
            .zip(&h)
            .enumerate()
            .all(|(i, (p, h))| (i == 0 && *p == "*") || p == h)
}

/// Go's `VerifyHostname` for one dNSName.
fn go_match(pattern: &str, host: &str) -> bool {
    if go_valid(host, false) && go_valid(pattern, true) {
        go_match_hostnames(pattern, host)
    } else {
        !matches!(host, "" | ".")
            && !matches!(pattern, "" | ".")
            && pattern.eq_ignore_ascii_case(host)
    }
}

/// rustls-webpki's `presented_id_matches_reference_id` with a valid presented ID.
fn webpki_match(pattern: &str, host: &str) -> bool {
    let pattern = pattern.to_ascii_lowercase();
    if pattern.ends_with('.') {
        return false;
    }
    let labels: Vec<&str> = pattern.split('.').collect();
    let valid = labels.iter().enumerate().all(|(i, label)| {
        (i == 0 && *label == "*")
            || (!label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| is_ldh(b) || b == b'_'))
    });
    if !valid {
        return false;
    }
    match pattern.strip_prefix("*.") {
        Some(rest) => {
            labels.len() >= 3
                && host
                    .split_once('.')
                    .is_some_and(|(first, after)| !first.is_empty() && after == rest)
        }
        None => pattern == host,
    }
}

/// Java's `HostnameChecker.isMatched` (`TYPE_TLS`) with the host already in A-labels.
fn java_match(pattern: &str, host: &str) -> bool {
    let Ok(template) = crate::chain::names::to_ascii_host(pattern) else {
        return false;
    };
    if template == "*" || template == "*." {
        return false;
    }
    if let Some(last) = template.rfind('*') {
        if !template[last..].contains('.') {
            return false;
        }
    }
    // SNIHostName(template with `*` as `z`): a valid host name.
    let probe = template.replace('*', "z");
    if probe.ends_with('.') || !crate::chain::names::valid_dns_name(&probe, false) {
        return false;
    }
    // Java compares the Unicode forms: an A-label stands for its Unicode form, which comparing
    // the A-labels reproduces, except under a wildcard: a template label with a `*` does not
    // decode and stays as written, while the host's A-label becomes Unicode (so `xn--*` never
    // matches it; only a whole-label `*` is taken to here).
    let name: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let template: Vec<&str> = template.split('.').filter(|l| !l.is_empty()).collect();
    name.len() == template.len()
        && name.iter().zip(&template).all(|(n, t)| {
            if t.contains('*') && n.starts_with("xn--") {
                *t == "*"
            } else {
                java_match_wildcards(n, t)
            }
        })
}

/// Java's `matchWildCards` within one label.
fn java_match_wildcards(name: &str, template: &str) -> bool {
    if !template.contains('*') {
        return name == template;
    }
    let mut parts = template.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return true;
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

/// GnuTLS's `_gnutls_hostname_compare`.
fn gnutls_match(pattern: &str, host: &str) -> bool {
    if !pattern.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
        return pattern == host;
    }
    match pattern.strip_prefix('*') {
        Some(rest) => {
            let (first, last) = (pattern.find('.'), pattern.rfind('.'));
            if first.is_none() || first == last || pattern.ends_with('.') {
                return false;
            }
            let mut host = host;
            loop {
                if rest.eq_ignore_ascii_case(host) {
                    return true;
                }
                if host.is_empty() || host.starts_with('.') {
                    return false;
                }
                host = &host[host.chars().next().map_or(1, char::len_utf8)..];
            }
        }
        None => pattern.eq_ignore_ascii_case(host),
    }
}

/// NSS's `cert_TestHostName` (without shell expressions).
fn nss_match(pattern: &str, host: &str) -> bool {
    if let Some(star) = pattern.find('*') {
        let first_dot = pattern.find('.');
        let second_dot = first_dot.and_then(|d| pattern[d + 1..].find('.').map(|e| d + 1 + e));
        let host_dot = host.find('.');
        if let (Some(first_dot), Some(second_dot), Some(host_dot)) =
            (first_dot, second_dot, host_dot)
        {
            let valid = second_dot + 1 < pattern.len()
                && first_dot == star + 1
                && second_dot > first_dot + 1
                && pattern.rfind('*') == Some(star)
                && host.len() >= star
                && host[..star].eq_ignore_ascii_case(&pattern[..star])
                && pattern[first_dot..].eq_ignore_ascii_case(&host[host_dot..])
                && (star == 0 || !(host.len() >= 4 && host[..4].eq_ignore_ascii_case("xn--")));
            if valid {
                return true;
            }
        }
    }
    pattern.eq_ignore_ascii_case(host)
}

/// wolfSSL's `MatchDomainName`.
fn wolfssl_match(pattern: &str, host: &str) -> bool {
    let p = pattern.as_bytes();
    let s = host.as_bytes();
    let (mut pi, mut si) = (0usize, 0usize);
    let mut len = p.len();
    if len == 0 {
        return false;
    }
    let lower = |b: u8| b.to_ascii_lowercase();
    while len > 0 {
        let Some(&c) = p.get(pi) else { break };
        let mut c = lower(c);
        pi += 1;
        if c == 0 {
            break;
        }
        if c == b'*' {
            loop {
                len -= 1;
                if len == 0 {
                    break;
                }
                c = lower(p.get(pi).copied().unwrap_or(0));
                pi += 1;
                if c != b'*' {
                    break;
                }
            }
            if len == 0 {
                c = 0;
            }
            while let Some(&h) = s.get(si) {
                let h = lower(h);
                if h == c {
                    break;
                }
                if h == b'.' {
                    return false;
                }
                si += 1;
            }
        } else if s.get(si).map(|&h| lower(h)) != Some(c) {
            return false;
        }
        if len > 0 {
            si += 1;
            len -= 1;
        }
    }
    si >= s.len() && len == 0
}

/// An iPAddress entry as wolfSSL writes it for the host check (`GenerateDNSEntryIPString`):
/// dotted decimal, or eight groups of four upper-case hexadecimal digits.
fn wolfssl_ip_text(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => v6
            .segments()
            .iter()
            .map(|s| format!("{s:04X}"))
            .collect::<Vec<_>>()
            .join(":"),
    }
}

/// mbedTLS 2.28's `x509_crt_check_cn`.
fn mbedtls_match(pattern: &str, host: &str) -> bool {
    if pattern.eq_ignore_ascii_case(host) {
        return true;
    }
    let Some(rest) = pattern.strip_prefix("*.") else {
        return false;
    };
    match host.find('.') {
        Some(dot) if dot > 0 => host[dot + 1..].eq_ignore_ascii_case(rest),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_stack_reads_a_wildcard_its_own_way() {
        let all = [
            HostRule::Openssl,
            HostRule::Go,
            HostRule::Webpki,
            HostRule::Java,
            HostRule::Gnutls,
            HostRule::Nss,
            HostRule::Wolfssl,
            HostRule::Mbedtls,
        ];
        let accepting = |pattern: &str, host: &str| -> Vec<HostRule> {
            all.into_iter()
                .filter(|rule| {
                    let host = prepare(*rule, host).unwrap_or_default();
                    pattern_matches(*rule, pattern, &host)
                })
                .collect()
        };
        assert_eq!(accepting("*.example.test", "www.example.test").len(), 8);
        assert!(accepting("*.example.test", "a.b.example.test").is_empty());
        assert_eq!(
            accepting("f*.example.test", "foo.example.test"),
            [
                HostRule::Openssl,
                HostRule::Java,
                HostRule::Nss,
                HostRule::Wolfssl
            ]
        );
        assert_eq!(
            accepting("*o.example.test", "foo.example.test"),
            [HostRule::Openssl, HostRule::Java, HostRule::Gnutls]
        );
        assert_eq!(
            accepting("*.test", "example.test"),
            [
                HostRule::Go,
                HostRule::Java,
                HostRule::Wolfssl,
                HostRule::Mbedtls
            ]
        );
        assert_eq!(accepting("*", "example"), [HostRule::Go, HostRule::Wolfssl]);
        assert_eq!(
            accepting("xn--bcher-kva.example.test", "b\u{fc}cher.example.test"),
            [HostRule::Java, HostRule::Gnutls]
        );
        assert_eq!(
            accepting("leaf.example.test", "leaf.example.test."),
            [HostRule::Go, HostRule::Webpki]
        );
    }
}
