//! Names: issuer/subject matching, name constraints (RFC 5280 4.2.1.10, 6.1.4 (g)) and host
//! name and IP matching for servers (RFC 6125 6.4).

use std::cell::Cell;
use std::net::IpAddr;

use der::asn1::ObjectIdentifier;
use der::Encode;
use x509_cert::ext::pkix::constraints::name::GeneralSubtree;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{NameConstraints, SubjectAltName};
use x509_cert::name::Name;

use super::{BudgetLimit, ChainError};
use crate::cert::Cert;
use crate::ext::Lookup;

/// Whether two names are the same for chaining: identical DER, or equal after the
/// case-insensitive, space-folding comparison of RFC 5280 7.1 (a practical subset of RFC
/// 4518 string preparation).
pub fn names_match(a: &Name, b: &Name) -> bool {
    // Equal decodes have equal keys: a self-issued certificate is answered without preparing
    // its names.
    a == b || name_key(a) == name_key(b)
}

/// A key equal for exactly the names [`names_match`] considers the same: the prepared RDNs
/// when every value is a string, the DER otherwise. Lets callers index names once.
pub fn name_key(name: &Name) -> NameKey {
    match normalized_rdns(name) {
        Some(rdns) => NameKey::Prepared(rdns),
        None => NameKey::Der(name.to_der().unwrap_or_default()),
    }
}

/// See [`name_key`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NameKey {
    /// Every attribute value is a string: (type, prepared value) per RDN, sorted.
    Prepared(Vec<Vec<(ObjectIdentifier, String)>>),
    /// Some value is not a string: the DER.
    Der(Vec<u8>),
}

/// Each RDN as a sorted list of (type, prepared value); `None` if a value is not a string.
fn normalized_rdns(name: &Name) -> Option<Vec<Vec<(ObjectIdentifier, String)>>> {
    name.iter_rdn()
        .map(|rdn| {
            let mut attributes = rdn
                .iter()
                .map(|atv| {
                    let (text, _) = crate::name::value_text(&atv.value);
                    text.map(|t| (atv.oid, prepare(&t)))
                })
                .collect::<Option<Vec<_>>>()?;
            attributes.sort();
            Some(attributes)
        })
        .collect()
}

/// Case folding and insignificant-space handling (RFC 4518 2.4, 2.6.1, simplified).
fn prepare(text: &str) -> String {
    // The words joined by one space, then lower-cased; ASCII (nearly every name) in place.
    let mut prepared = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !prepared.is_empty() {
            prepared.push(' ');
        }
        prepared.push_str(word);
    }
    if prepared.is_ascii() {
        prepared.make_ascii_lowercase();
        prepared
    } else {
        prepared.to_lowercase()
    }
}

/// A name of a certificate that name constraints apply to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubjectName {
    /// dNSName (from the SAN, or a host-name-like subject CN when there is no SAN).
    Dns(String),
    /// iPAddress bytes (4 or 16).
    Ip(Vec<u8>),
    /// rfc822Name, or an emailAddress attribute of the subject.
    Email(String),
    /// The subject or a directoryName of the SAN.
    Directory(Name),
    /// uniformResourceIdentifier.
    Uri(String),
    /// A SAN form certscope does not constrain (otherName, x400Address, ediPartyName,
    /// registeredID): (form name, GeneralName tag number).
    Other(&'static str, u8),
}

/// Every name of `cert` that name constraints apply to (RFC 5280 4.2.1.10).
pub fn subject_names(cert: &Cert) -> Result<Vec<SubjectName>, ChainError> {
    let mut out = Vec::new();
    let subject = cert.x509().tbs_certificate().subject();
    if !subject.is_empty() {
        out.push(SubjectName::Directory(subject.clone()));
    }
    for atv in subject.iter() {
        if atv.oid == const_oid::db::rfc3280::EMAIL_ADDRESS {
            if let (Some(text), _) = crate::name::value_text(&atv.value) {
                out.push(SubjectName::Email(text));
            }
        }
    }
    let san = cert.facts().find::<SubjectAltName>();
    match &san {
        Lookup::Present { value, .. } => {
            for name in &value.0 {
                out.push(match name {
                    GeneralName::DnsName(n) => SubjectName::Dns(n.to_string()),
                    GeneralName::IpAddress(ip) => SubjectName::Ip(ip.as_bytes().to_vec()),
                    GeneralName::Rfc822Name(n) => SubjectName::Email(n.to_string()),
                    GeneralName::DirectoryName(n) => SubjectName::Directory(n.clone()),
                    GeneralName::UniformResourceIdentifier(u) => SubjectName::Uri(u.to_string()),
                    GeneralName::OtherName(_) => SubjectName::Other("otherName", 0),
                    GeneralName::EdiPartyName(_) => SubjectName::Other("ediPartyName", 5),
                    GeneralName::RegisteredId(_) => SubjectName::Other("registeredID", 8),
                });
            }
        }
        Lookup::Absent => {
            // Legacy: a subject CN that looks like a host name is a DNS name for constraints.
            for atv in subject.iter() {
                if atv.oid == const_oid::db::rfc4519::CN {
                    if let (Some(text), _) = crate::name::value_text(&atv.value) {
                        if looks_like_host(&text) {
                            out.push(SubjectName::Dns(text));
                        }
                    }
                }
            }
        }
        Lookup::Malformed { error, .. } => {
            return Err(ChainError::MalformedExtension {
                problem: format!("subjectAltName is malformed: {error}"),
            })
        }
        Lookup::Duplicate { .. } => {
            return Err(ChainError::DuplicateExtension {
                extension: "subjectAltName".to_owned(),
            })
        }
    }
    Ok(out)
}

fn looks_like_host(text: &str) -> bool {
    text.contains('.') && valid_dns_name(text, true) || text.parse::<IpAddr>().is_ok()
}

/// Whether `name` is a syntactically valid DNS name: LDH labels of 1 to 63 characters, no
/// leading or trailing hyphen, at most 253 characters; a leftmost `*` label when
/// `allow_wildcard` (RFC 1034 3.5, RFC 5280 4.2.1.6, CA/B BR 7.1.2.7.12).
pub fn valid_dns_name(name: &str, allow_wildcard: bool) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    if name.is_empty() || name.len() > 253 {
        return false;
    }
    name.split('.').enumerate().all(|(i, label)| {
        if i == 0 && allow_wildcard && label == "*" {
            return true;
        }
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// Checks one certificate's names against one CA's name constraints.
///
/// `comparisons` counts name-against-subtree comparisons against the budget.
pub fn check_constraints(
    constraints: &NameConstraints,
    names: &[SubjectName],
    comparisons: &Cell<usize>,
    limit: usize,
) -> Result<(), ChainError> {
    check_constraints_with(
        constraints,
        names,
        comparisons,
        limit,
        ConstraintReading::default(),
    )
}

/// How dNSName constraints are read where implementations part ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConstraintReading {
    /// A dNSName constraint written with a leading dot (`.example.com`) is taken as its
    /// subdomains only, as the TLS stacks do (OpenSSL's `nc_dns`, Go's
    /// `matchDomainConstraint`: "RFC 5280 says that a leading period in a domain name means
    /// that at least one label must be prepended, but only for URI and email constraints, not
    /// DNS constraints. The code also supports that behaviour for DNS constraints"). Without
    /// it, such a constraint is malformed (RFC 5280 4.2.1.10: a DNS name constraint is a DNS
    /// name).
    pub leading_dot: bool,
    /// A wildcard dNSName (`*.example.com`) hits an excluded subtree when any name it covers
    /// would (`foo.example.com`), as rustls-webpki matches it; otherwise it is compared as
    /// written, as OpenSSL, Go, Java, GnuTLS, NSS and wolfSSL compare it.
    pub wildcard_covers_excluded: bool,
}

impl Default for ConstraintReading {
    /// RFC 5280's reading, with a wildcard covering what it stands for.
    fn default() -> Self {
        ConstraintReading {
            leading_dot: false,
            wildcard_covers_excluded: true,
        }
    }
}

/// [`check_constraints`], reading dNSName constraints as `reading` says.
pub fn check_constraints_with(
    constraints: &NameConstraints,
    names: &[SubjectName],
    comparisons: &Cell<usize>,
    limit: usize,
    reading: ConstraintReading,
) -> Result<(), ChainError> {
    let leading_dot = reading.leading_dot;
    let permitted: &[GeneralSubtree] = constraints
        .permitted_subtrees
        .as_deref()
        .unwrap_or_default();
    let excluded: &[GeneralSubtree] = constraints.excluded_subtrees.as_deref().unwrap_or_default();
    for subtree in permitted.iter().chain(excluded) {
        validate_subtree(&subtree.base, leading_dot)?;
        if subtree.minimum != 0 || subtree.maximum.is_some() {
            return Err(ChainError::NameConstraint {
                problem: "minimum and maximum must be absent (RFC 5280 4.2.1.10)".to_string(),
            });
        }
    }
    for name in names {
        // Permitted: when any subtree of the name's form exists, one must match.
        let mut same_form = false;
        let mut matched = false;
        for subtree in permitted {
            spend(comparisons, limit)?;
            match matches(&subtree.base, name, false) {
                Match::DifferentForm => {}
                Match::Unsupported => {
                    return Err(ChainError::NameConstraint {
                        problem: format!("cannot check a {} against a constraint", describe(name)),
                    })
                }
                Match::Yes => {
                    same_form = true;
                    matched = true;
                }
                Match::No => same_form = true,
            }
        }
        if same_form && !matched {
            return Err(ChainError::NameConstraint {
                problem: format!("{} is not within the permitted subtrees", describe(name)),
            });
        }
        for subtree in excluded {
            spend(comparisons, limit)?;
            match matches(&subtree.base, name, reading.wildcard_covers_excluded) {
                Match::Yes => {
                    return Err(ChainError::NameConstraint {
                        problem: format!("{} is within an excluded subtree", describe(name)),
                    })
                }
                Match::Unsupported => {
                    return Err(ChainError::NameConstraint {
                        problem: format!("cannot check a {} against a constraint", describe(name)),
                    })
                }
                Match::No | Match::DifferentForm => {}
            }
        }
    }
    Ok(())
}

fn spend(comparisons: &Cell<usize>, limit: usize) -> Result<(), ChainError> {
    let spent = comparisons.get().saturating_add(1);
    comparisons.set(spent);
    if spent > limit {
        return Err(ChainError::BudgetExceeded {
            limit: BudgetLimit::NameConstraintComparisons,
        });
    }
    Ok(())
}

fn describe(name: &SubjectName) -> String {
    match name {
        SubjectName::Dns(n) => format!("DNS name {n:?}"),
        SubjectName::Ip(ip) => format!("IP address {}", ip_text(ip)),
        SubjectName::Email(e) => format!("email {e:?}"),
        SubjectName::Directory(n) => format!("directory name \"{}\"", crate::name::rfc4514(n)),
        SubjectName::Uri(u) => format!("URI {u:?}"),
        SubjectName::Other(form, _) => format!("SAN {form}"),
    }
}

fn ip_text(bytes: &[u8]) -> String {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        return IpAddr::from(v4).to_string();
    }
    if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
        return IpAddr::from(v6).to_string();
    }
    crate::cert::hex(bytes)
}

/// A constraint that is itself malformed fails the path (pyca and rustls-webpki agree).
fn validate_subtree(base: &GeneralName, leading_dot: bool) -> Result<(), ChainError> {
    let bad = |problem: String| Err(ChainError::NameConstraint { problem });
    match base {
        GeneralName::DnsName(c) => {
            let c = c.as_str();
            let c = match (leading_dot, c.strip_prefix('.')) {
                (true, Some(rest)) => rest,
                _ => c,
            };
            if !c.is_empty() && !valid_dns_name(c, false) {
                return bad(format!("dNSName constraint {c:?} is not a valid DNS name"));
            }
        }
        GeneralName::IpAddress(c) => {
            let bytes = c.as_bytes();
            if bytes.len() != 8 && bytes.len() != 32 {
                return bad(format!("iPAddress constraint of {} bytes", bytes.len()));
            }
            let mask = bytes.get(bytes.len() / 2..).unwrap_or_default();
            let mut ones = true;
            for byte in mask {
                for bit in (0..8).rev() {
                    let set = byte >> bit & 1 == 1;
                    if set && !ones {
                        return bad("iPAddress constraint mask is not a prefix".to_string());
                    }
                    ones = set;
                }
            }
        }
        GeneralName::Rfc822Name(c) => {
            let c = c.as_str();
            let domain = match c.rsplit_once('@') {
                Some((local, domain)) => {
                    if local.is_empty() {
                        return bad(format!("rfc822Name constraint {c:?} is malformed"));
                    }
                    domain
                }
                None => c.strip_prefix('.').unwrap_or(c),
            };
            if !valid_dns_name(domain, false) {
                return bad(format!("rfc822Name constraint {c:?} is malformed"));
            }
        }
        _ => {}
    }
    Ok(())
}

enum Match {
    Yes,
    No,
    DifferentForm,
    Unsupported,
}

fn matches(base: &GeneralName, name: &SubjectName, excluded: bool) -> Match {
    let yes = |b: bool| if b { Match::Yes } else { Match::No };
    match (base, name) {
        (GeneralName::DnsName(c), SubjectName::Dns(n)) => yes(dns_within(n, c.as_str(), excluded)),
        (GeneralName::IpAddress(c), SubjectName::Ip(ip)) => {
            let c = c.as_bytes();
            if c.len() != ip.len() * 2 {
                return Match::No;
            }
            let (address, mask) = c.split_at(ip.len());
            yes(ip
                .iter()
                .zip(address)
                .zip(mask)
                .all(|((n, a), m)| n & m == a & m))
        }
        (GeneralName::Rfc822Name(c), SubjectName::Email(e)) => yes(email_within(e, c.as_str())),
        (GeneralName::DirectoryName(c), SubjectName::Directory(n)) => yes(directory_within(n, c)),
        (GeneralName::UniformResourceIdentifier(c), SubjectName::Uri(u)) => match uri_host(u) {
            Some(host) => {
                let c = c.as_str();
                yes(match c.strip_prefix('.') {
                    Some(_) => host.to_ascii_lowercase().ends_with(&c.to_ascii_lowercase()),
                    None => host.eq_ignore_ascii_case(c),
                })
            }
            None => Match::Unsupported,
        },
        (GeneralName::OtherName(_), SubjectName::Other(_, 0))
        | (GeneralName::EdiPartyName(_), SubjectName::Other(_, 5))
        | (GeneralName::RegisteredId(_), SubjectName::Other(_, 8)) => Match::Unsupported,
        _ => Match::DifferentForm,
    }
}

/// dNSName within a constraint (RFC 5280 4.2.1.10): equal, or a subdomain. A wildcard name is
/// within a permitted constraint only if all it covers is, and (with `excluded`) hits an
/// excluded one if anything it covers does.
fn dns_within(name: &str, constraint: &str, excluded: bool) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    let constraint = constraint.to_ascii_lowercase();
    if constraint.is_empty() {
        return true;
    }
    // ".example.com" (accepted only where leading dots are): subdomains only.
    if constraint.starts_with('.') {
        return name.ends_with(&constraint);
    }
    let within = |n: &str| n == constraint || n.ends_with(&format!(".{constraint}"));
    if within(&name) {
        return true;
    }
    if excluded {
        if let Some(rest) = name.strip_prefix("*.") {
            // "*.example.com" covers "foo.example.com": one label, then the rest.
            if let Some((_, parent)) = constraint.split_once('.') {
                return parent == rest;
            }
        }
    }
    false
}

fn email_within(email: &str, constraint: &str) -> bool {
    let Some((local, domain)) = valid_email(email) else {
        return false;
    };
    match constraint.rsplit_once('@') {
        Some((c_local, c_domain)) => local == c_local && domain.eq_ignore_ascii_case(c_domain),
        None => match constraint.strip_prefix('.') {
            Some(_) => domain
                .to_ascii_lowercase()
                .ends_with(&constraint.to_ascii_lowercase()),
            None => domain.eq_ignore_ascii_case(constraint),
        },
    }
}

fn directory_within(name: &Name, constraint: &Name) -> bool {
    let (Some(n), Some(c)) = (normalized_rdns(name), normalized_rdns(constraint)) else {
        let (Ok(n), Ok(c)) = (name.to_der(), constraint.to_der()) else {
            return false;
        };
        return n == c;
    };
    c.len() <= n.len() && n.iter().zip(&c).all(|(a, b)| a == b)
}

pub(crate) fn uri_host(uri: &str) -> Option<&str> {
    let (_, rest) = uri.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// Whether the target carries the expected server name (RFC 6125 6.4): DNS names against SAN
/// dNSNames (wildcard only as the whole leftmost label), IP addresses against SAN iPAddresses
/// only; the subject CN only when `common_name_fallback` and there is no SAN.
pub fn matches_host(
    cert: &Cert,
    expected: &super::ExpectedName,
    common_name_fallback: bool,
) -> Result<(), String> {
    let san = cert.facts().find::<SubjectAltName>();
    let sans: Vec<GeneralName> = san.value().map(|s| s.0.clone()).unwrap_or_default();
    match expected {
        super::ExpectedName::Dns(host) => {
            let host = to_ascii_host(host.strip_suffix('.').unwrap_or(host))?;
            if !valid_dns_name(&host, false) {
                return Err(format!("{host:?} is not a valid host name"));
            }
            for name in &sans {
                if let GeneralName::DnsName(pattern) = name {
                    if dns_pattern_matches(pattern.as_str(), &host) {
                        return Ok(());
                    }
                }
            }
            if common_name_fallback && !san.is_present() {
                let subject = cert.x509().tbs_certificate().subject();
                for atv in subject.iter() {
                    if atv.oid == const_oid::db::rfc4519::CN {
                        if let (Some(cn), _) = crate::name::value_text(&atv.value) {
                            if dns_pattern_matches(&cn, &host) {
                                return Ok(());
                            }
                        }
                    }
                }
            }
            Err(format!("no subjectAltName dNSName matches {host:?}"))
        }
        super::ExpectedName::Ip(ip) => {
            let bytes = match ip {
                IpAddr::V4(v4) => v4.octets().to_vec(),
                IpAddr::V6(v6) => v6.octets().to_vec(),
            };
            let found = sans.iter().any(
                |n| matches!(n, GeneralName::IpAddress(a) if a.as_bytes() == bytes.as_slice()),
            );
            if found {
                Ok(())
            } else {
                Err(format!("no subjectAltName iPAddress is {ip}"))
            }
        }
        super::ExpectedName::Email(email) => {
            let found = sans.iter().any(|n| match n {
                GeneralName::Rfc822Name(e) => email_equal(e.as_str(), email),
                _ => false,
            });
            if found {
                Ok(())
            } else {
                Err(format!("no subjectAltName rfc822Name is {email:?}"))
            }
        }
        super::ExpectedName::Uri(uri) => {
            let found = sans.iter().any(
                |n| matches!(n, GeneralName::UniformResourceIdentifier(u) if u.as_str() == uri),
            );
            if found {
                Ok(())
            } else {
                Err(format!("no subjectAltName URI is {uri:?}"))
            }
        }
    }
}

/// Splits a mailbox into local part and domain when it is well formed: one `@`, a non-empty
/// local part without quoting, a valid domain (RFC 5280 4.2.1.6, RFC 5321 4.1.2).
pub fn valid_email(email: &str) -> Option<(&str, &str)> {
    let (local, domain) = email.split_once('@')?;
    let ok = !local.is_empty()
        && !domain.contains('@')
        && !local.contains(['"', ' ', '\\'])
        && valid_dns_name(domain, false);
    ok.then_some((local, domain))
}

/// A host name in A-labels: each label with non-ASCII characters is lowercased and encoded
/// with Punycode behind `xn--` (RFC 5890 2.3.2.1, RFC 3492). Full UTS #46 mapping is not
/// applied: give names already in their normalised form.
pub fn to_ascii_host(host: &str) -> Result<String, String> {
    host.split('.')
        .map(|label| {
            if label.is_ascii() {
                Ok(label.to_ascii_lowercase())
            } else {
                let lower: String = label.chars().flat_map(char::to_lowercase).collect();
                punycode(&lower)
                    .map(|encoded| format!("xn--{encoded}"))
                    .ok_or_else(|| format!("label {label:?} cannot be encoded as an A-label"))
            }
        })
        .collect::<Result<Vec<_>, _>>()
        .map(|labels| labels.join("."))
}

/// Punycode encoding of one label (RFC 3492 6.3).
fn punycode(input: &str) -> Option<String> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    fn adapt(delta: u32, points: u32, first: bool) -> u32 {
        let mut delta = if first { delta / 700 } else { delta / 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + 38)
    }
    fn digit(d: u32) -> Option<char> {
        match d {
            0..=25 => char::from_u32(u32::from(b'a') + d),
            26..=35 => char::from_u32(u32::from(b'0') + d - 26),
            _ => None,
        }
    }
    let code_points: Vec<u32> = input.chars().map(u32::from).collect();
    let mut output: String = input.chars().filter(char::is_ascii).collect();
    let basic = u32::try_from(output.len()).ok()?;
    if basic > 0 {
        output.push('-');
    }
    let total = u32::try_from(code_points.len()).ok()?;
    let (mut n, mut delta, mut bias, mut handled) = (128u32, 0u32, 72u32, basic);
    while handled < total {
        let m = code_points.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in &code_points {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    output.push(digit(t + (q - t) % (BASE - t))?);
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                output.push(digit(q)?);
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n = n.checked_add(1)?;
    }
    Some(output)
}

fn email_equal(a: &str, b: &str) -> bool {
    match (a.rsplit_once('@'), b.rsplit_once('@')) {
        (Some((la, da)), Some((lb, db))) => la == lb && da.eq_ignore_ascii_case(db),
        _ => false,
    }
}

/// One SAN dNSName pattern against a host (RFC 6125 6.4.3): exact, or `*.` followed by at
/// least two labels matching exactly one non-empty leftmost label of the host.
pub fn dns_pattern_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern
        .strip_suffix('.')
        .unwrap_or(pattern)
        .to_ascii_lowercase();
    if !valid_dns_name(&pattern, true) {
        return false;
    }
    match pattern.strip_prefix("*.") {
        Some(rest) => {
            if !rest.contains('.') {
                // "*.com": a wildcard over a whole top-level domain (CA/B BR 3.2.2.6).
                return false;
            }
            match host.split_once('.') {
                Some((label, host_rest)) => !label.is_empty() && host_rest == rest,
                None => false,
            }
        }
        None => pattern == host,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_only_as_the_whole_leftmost_label() {
        assert!(dns_pattern_matches("*.example.com", "foo.example.com"));
        assert!(dns_pattern_matches("FOO.Example.com.", "foo.example.com"));
        assert!(!dns_pattern_matches("*.example.com", "example.com"));
        assert!(!dns_pattern_matches("*.example.com", "a.b.example.com"));
        assert!(!dns_pattern_matches("f*.example.com", "foo.example.com"));
        assert!(!dns_pattern_matches("foo.*.com", "foo.example.com"));
        assert!(!dns_pattern_matches("*.com", "example.com"));
        assert!(!dns_pattern_matches("*", "example"));
    }

    #[test]
    fn dns_constraints_cover_subdomains_and_wildcards() {
        assert!(dns_within("example.com", "example.com", false));
        assert!(dns_within("a.b.example.com", "Example.COM", false));
        assert!(!dns_within("badexample.com", "example.com", false));
        assert!(dns_within("*.example.com", "example.com", false));
        assert!(!dns_within("*.example.com", "foo.example.com", false));
        // An excluded name hit by anything the wildcard covers.
        assert!(dns_within("*.example.com", "foo.example.com", true));
        assert!(dns_within("anything", "", false));
    }

    #[test]
    fn a_leading_dot_and_a_wildcard_are_read_as_asked() {
        use der::asn1::Ia5String;
        let subtree = |name: &str| GeneralSubtree {
            base: GeneralName::DnsName(Ia5String::new(name).unwrap()),
            minimum: 0,
            maximum: None,
        };
        let dns = |name: &str| [SubjectName::Dns(name.to_owned())];
        let comparisons = Cell::new(0);
        let permitted = NameConstraints {
            permitted_subtrees: Some(vec![subtree(".example.com")]),
            excluded_subtrees: None,
        };
        // RFC 5280: a DNS name constraint is a DNS name.
        assert!(check_constraints(&permitted, &dns("a.example.com"), &comparisons, 99).is_err());
        let stacks = ConstraintReading {
            leading_dot: true,
            wildcard_covers_excluded: false,
        };
        let ok = |c: &NameConstraints, name: &str, reading| {
            check_constraints_with(c, &dns(name), &comparisons, 99, reading).is_ok()
        };
        assert!(ok(&permitted, "a.example.com", stacks));
        assert!(!ok(&permitted, "example.com", stacks));
        let excluded = NameConstraints {
            permitted_subtrees: None,
            excluded_subtrees: Some(vec![subtree("foo.example.com")]),
        };
        assert!(!ok(
            &excluded,
            "*.example.com",
            ConstraintReading::default()
        ));
        assert!(ok(&excluded, "*.example.com", stacks));
    }

    #[test]
    fn mailbox_constraints() {
        assert!(email_within("user@example.com", "example.com"));
        assert!(!email_within("user@sub.example.com", "example.com"));
        assert!(email_within("user@sub.example.com", ".example.com"));
        assert!(email_within("user@example.com", "user@EXAMPLE.com"));
        assert!(!email_within("other@example.com", "user@example.com"));
        assert!(!email_within("bad@address@example.com", "example.com"));
    }

    #[test]
    fn u_labels_become_a_labels() {
        assert_eq!(
            to_ascii_host("bücher.example").unwrap(),
            "xn--bcher-kva.example"
        );
        assert_eq!(
            to_ascii_host("test-測試.com").unwrap(),
            "xn--test--gs1lv54n.com"
        );
        assert_eq!(to_ascii_host("☃.com").unwrap(), "xn--n3h.com");
        assert_eq!(to_ascii_host("Example.COM").unwrap(), "example.com");
    }

    #[test]
    fn dns_name_syntax() {
        assert!(valid_dns_name("example.com", false));
        assert!(valid_dns_name("*.example.com", true));
        assert!(!valid_dns_name("*.example.com", false));
        assert!(!valid_dns_name("under_score.example.com", false));
        assert!(!valid_dns_name("-lead.example.com", false));
        assert!(!valid_dns_name(".example.com", false));
        assert!(!valid_dns_name("", false));
    }

    #[test]
    fn prepare_joins_words_and_lower_cases_as_join_and_to_lowercase_do() {
        let reference = |text: &str| {
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        for text in [
            "",
            "  ",
            "Example  CA",
            " \tLeading and trailing\r\n",
            "A\u{0B}B\u{0C}C",
            "ÉCOLE  Normale",
            "ΟΔΟΣ ΟΔΟΣ",
            "a\u{00A0}b\u{3000}C\u{2028}D",
            "İstanbul",
        ] {
            assert_eq!(prepare(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn names_match_ignores_case_spaces_and_attribute_order() {
        use std::str::FromStr;
        let name = |text: &str| Name::from_str(text).unwrap();
        assert!(names_match(
            &name("CN=Example  CA,O=Example"),
            &name("CN=example ca,O=EXAMPLE")
        ));
        assert!(names_match(&name("CN=A+O=B"), &name("O=B+CN=A")));
        assert!(!names_match(&name("CN=A,O=B"), &name("CN=A")));
        assert!(!names_match(&name("CN=A"), &name("CN=B")));
    }
}
