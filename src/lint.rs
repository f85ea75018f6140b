//! Role-aware linting: what a strict relying party or an auditor would object to.
//!
//! Lints are data ([`LintInfo`]): a stable id (zlint's where the rule is the same, so findings
//! can be cross-referenced), a severity, the citation, the rule set, the certificate kinds it
//! applies to and, where the rule has one, the date from which it is effective. Each lint is
//! one function in the module of its rule set; [`lint`] picks the rule sets from the kind of
//! certificate (or the one the caller forces) and returns [`Finding`]s that point at a field of
//! the report.
//!
//! Rule sets:
//! - [`RuleSet::Rfc5280`]: structure and profile of RFC 5280 (and RFC 6962 for CT), always;
//! - [`RuleSet::TlsBr`]: CA/Browser Forum TLS Baseline Requirements, for TLS server
//!   certificates and CAs that issue them;
//! - [`RuleSet::SmimeBr`]: CA/Browser Forum S/MIME Baseline Requirements;
//! - [`RuleSet::CodeSigningBr`]: CA/Browser Forum Code Signing Baseline Requirements;
//! - [`RuleSet::Device`]: good practice for private-PKI client and device identities (mTLS).
//!
//! Effective dates are compared with the certificate's issuance date (notBefore), as the
//! requirements themselves do ("certificates issued on or after"); when the caller gives an
//! analysis time, a rule whose date is still ahead of it is not effective yet either. A rule
//! that would fire but is not effective is reported with [`Severity::NotEffective`], so a
//! developer sees what the next reduction will object to.

use der::asn1::ObjectIdentifier;
use x509_cert::time::Time;

use crate::cert::Cert;
use crate::ext::{self, BasicConstraints, Lookup, SubjectAltName};
use crate::facts::{CertFacts, KeyFacts, KeyKind};
use crate::time::UnixTime;

mod code_signing_br;
mod crl;
mod csr;
mod device;
mod encoding;
mod rfc5280;
mod smime_br;
mod syntax;
mod tls_br;

/// How serious a finding is. The first four follow zlint's statuses; the last two say why a
/// rule produced no verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Severity {
    /// Breaks a MUST / SHALL: relying parties may reject it, an auditor will.
    Error,
    /// A Baseline Requirements error or warning on a certificate that is not shown to be under
    /// those requirements (no CA/Browser Forum policy claim, no chain to a public root, no rule
    /// set chosen by the user): a publicly trusted CA could not (error) or should not (warning)
    /// issue it, a private CA may.
    Advice,
    /// Breaks a SHOULD / NOT RECOMMENDED.
    Warning,
    /// Worth knowing; not a breach.
    Notice,
    /// Informational.
    Info,
    /// The rule would fire but is not effective for this certificate (issued before the
    /// rule's effective date, or the date is still ahead of the analysis time).
    NotEffective,
    /// The rule's set was selected but the rule does not apply to this kind of certificate
    /// (reported only when [`LintOptions::include_not_applicable`] asks for it).
    NotApplicable,
}

impl Severity {
    /// The lowercase name used in text output and the catalogue.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Advice => "advice",
            Severity::Warning => "warning",
            Severity::Notice => "notice",
            Severity::Info => "info",
            Severity::NotEffective => "not_effective",
            Severity::NotApplicable => "not_applicable",
        }
    }
}

/// A group of lints taken from one source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum RuleSet {
    /// RFC 5280 structure and profile (plus RFC 6962 for the CT extensions). Always run.
    Rfc5280,
    /// CA/Browser Forum Baseline Requirements for TLS server certificates.
    TlsBr,
    /// CA/Browser Forum Baseline Requirements for S/MIME certificates.
    SmimeBr,
    /// CA/Browser Forum Baseline Requirements for code signing certificates.
    CodeSigningBr,
    /// Good practice for private-PKI client and device identities.
    Device,
}

impl RuleSet {
    /// Every rule set, in catalogue order.
    pub const ALL: [RuleSet; 5] = [
        RuleSet::Rfc5280,
        RuleSet::TlsBr,
        RuleSet::SmimeBr,
        RuleSet::CodeSigningBr,
        RuleSet::Device,
    ];

    /// The name used on the command line and in JSON (`tls-br`...).
    pub fn name(self) -> &'static str {
        match self {
            RuleSet::Rfc5280 => "rfc5280",
            RuleSet::TlsBr => "tls-br",
            RuleSet::SmimeBr => "smime-br",
            RuleSet::CodeSigningBr => "code-signing-br",
            RuleSet::Device => "device",
        }
    }

    /// The rule set with the given [`name`](RuleSet::name).
    pub fn from_name(name: &str) -> Option<RuleSet> {
        RuleSet::ALL.into_iter().find(|set| set.name() == name)
    }

    /// The kind a non-CA certificate is linted as when this set is forced on it.
    fn subscriber_kind(self) -> Option<CertKind> {
        match self {
            RuleSet::Rfc5280 => None,
            RuleSet::TlsBr => Some(CertKind::TlsServer),
            RuleSet::SmimeBr => Some(CertKind::Smime),
            RuleSet::CodeSigningBr => Some(CertKind::CodeSigning),
            RuleSet::Device => Some(CertKind::TlsClient),
        }
    }
}

/// What a certificate is for, as far as rule-set selection is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CertKind {
    /// A TLS server (subscriber) certificate.
    TlsServer,
    /// A TLS client or device identity certificate (mTLS), not a server.
    TlsClient,
    /// A code signing subscriber certificate.
    CodeSigning,
    /// An S/MIME subscriber certificate.
    Smime,
    /// An OCSP responder certificate.
    OcspSigning,
    /// A time-stamping authority certificate.
    TimeStamping,
    /// A CA certificate issued by another CA.
    SubordinateCa,
    /// A self-issued CA certificate.
    RootCa,
    /// Anything else, including an end-entity certificate without an extended key usage.
    Other,
    /// A certificate revocation list (its lints run on CRLs, never on certificates).
    Crl,
    /// A PKCS#10 certification request (its lints run on requests, never on certificates).
    Csr,
    /// A private or public key on its own (only the encoding lints apply).
    Key,
}

impl CertKind {
    /// Every kind: the certificate kinds, then CRLs and requests.
    pub const ALL: [CertKind; 12] = [
        CertKind::TlsServer,
        CertKind::TlsClient,
        CertKind::CodeSigning,
        CertKind::Smime,
        CertKind::OcspSigning,
        CertKind::TimeStamping,
        CertKind::SubordinateCa,
        CertKind::RootCa,
        CertKind::Other,
        CertKind::Crl,
        CertKind::Csr,
        CertKind::Key,
    ];

    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            CertKind::TlsServer => "tls_server",
            CertKind::TlsClient => "tls_client",
            CertKind::CodeSigning => "code_signing",
            CertKind::Smime => "smime",
            CertKind::OcspSigning => "ocsp_signing",
            CertKind::TimeStamping => "time_stamping",
            CertKind::SubordinateCa => "subordinate_ca",
            CertKind::RootCa => "root_ca",
            CertKind::Other => "other",
            CertKind::Crl => "crl",
            CertKind::Csr => "csr",
            CertKind::Key => "key",
        }
    }

    /// Whether this is a CA kind.
    pub fn is_ca(self) -> bool {
        matches!(self, CertKind::SubordinateCa | CertKind::RootCa)
    }
}

/// Every certificate kind: for lints that apply to all certificates.
pub const ALL_KINDS: &[CertKind] = &[
    CertKind::TlsServer,
    CertKind::TlsClient,
    CertKind::CodeSigning,
    CertKind::Smime,
    CertKind::OcspSigning,
    CertKind::TimeStamping,
    CertKind::SubordinateCa,
    CertKind::RootCa,
    CertKind::Other,
];
/// Both CA kinds.
pub const CA_KINDS: &[CertKind] = &[CertKind::SubordinateCa, CertKind::RootCa];
/// Every kind that is not a CA.
pub const END_ENTITY_KINDS: &[CertKind] = &[
    CertKind::TlsServer,
    CertKind::TlsClient,
    CertKind::CodeSigning,
    CertKind::Smime,
    CertKind::OcspSigning,
    CertKind::TimeStamping,
    CertKind::Other,
];

/// What the caller tells the linter about the certificate: its kind, the rule sets that
/// follow from it, and why each was chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LintTarget {
    /// The kind of certificate.
    pub kind: CertKind,
    /// The rule sets to run. [`RuleSet::Rfc5280`] is always run, listed or not.
    pub rule_sets: Vec<RuleSet>,
    /// Why each rule set of [`LintTarget::rule_sets`] was chosen, in the same order; a set
    /// without an entry is binding (its findings keep their severity).
    #[cfg_attr(feature = "serde", serde(default))]
    pub reasons: Vec<RuleSetChoice>,
}

/// Why a rule set was chosen, and whether its findings bind the certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleSetChoice {
    /// The rule set.
    pub rule_set: RuleSet,
    /// The evidence that selected it.
    pub evidence: Evidence,
    /// The evidence in words, naming the OID, purpose or anchor.
    pub reason: String,
    /// Whether the certificate is shown to be under these rules. When it is not (a CA/Browser
    /// Forum set chosen from the purpose alone), its errors and warnings are reported as
    /// [`Severity::Advice`].
    pub binding: bool,
}

/// The kind of evidence behind a rule set's selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "LintEvidence"))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Evidence {
    /// RFC 5280 applies to every certificate.
    Always,
    /// The user chose the rule set.
    UserChoice,
    /// The certificate asserts a CA/Browser Forum reserved policy identifier (or an EV policy
    /// of the Mozilla store): an explicit claim to be under those requirements.
    PolicyClaim,
    /// The chain was built to a publicly trusted root.
    PublicRoot,
    /// The chain was built to a root that is not publicly trusted.
    PrivateRoot,
    /// Only the certificate's purpose (its extended key usage or kind) points at the set.
    Purpose,
}

/// What is known about the hierarchy the certificate belongs to, from a chain that was built.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Hierarchy {
    /// The chain ends at a root of a public store (the name of the store, e.g. `mozilla`).
    Public(String),
    /// The chain ends at a root the caller supplied that no public store holds.
    Private,
}

impl LintTarget {
    /// The target derived from the certificate itself: [`auto_kind`] and the rule sets that
    /// kind calls for.
    pub fn auto(cert: &Cert) -> LintTarget {
        LintTarget::for_roles(cert, &crate::role::classify(cert).roles)
    }

    /// [`LintTarget::auto`] from roles already found by [`crate::role::classify`].
    pub fn for_roles(cert: &Cert, roles: &[crate::role::Role]) -> LintTarget {
        LintTarget::with_evidence(cert, roles, None)
    }

    /// [`LintTarget::for_roles`] with what a built chain says about the hierarchy.
    ///
    /// The evidence, strongest first: a CA/Browser Forum reserved policy identifier the
    /// certificate asserts (TLS 2.23.140.1.1 and 2.23.140.1.2.x, code signing 2.23.140.1.3
    /// and 2.23.140.1.4.x, S/MIME 2.23.140.1.5.x, and [`EV_POLICIES`]) selects that set and
    /// makes it binding, and makes an end entity without a more specific purpose that set's
    /// subscriber; a chain to a public root makes every selected set binding; otherwise a set
    /// chosen from the purpose alone is advice ([`Severity::Advice`]).
    pub fn with_evidence(
        cert: &Cert,
        roles: &[crate::role::Role],
        hierarchy: Option<&Hierarchy>,
    ) -> LintTarget {
        let detected = kind_of_roles(roles);
        let claims = policy_claims(cert);
        let claimed = |set: RuleSet| claims.iter().find(|(s, _)| *s == set).map(|(_, o)| o);
        let kind = match detected {
            CertKind::Other | CertKind::TlsClient if claimed(RuleSet::TlsBr).is_some() => {
                CertKind::TlsServer
            }
            CertKind::Other if claimed(RuleSet::CodeSigningBr).is_some() => CertKind::CodeSigning,
            CertKind::Other | CertKind::TlsClient if claimed(RuleSet::SmimeBr).is_some() => {
                CertKind::Smime
            }
            other => other,
        };
        let mut reasons = vec![RuleSetChoice {
            rule_set: RuleSet::Rfc5280,
            evidence: Evidence::Always,
            reason: "RFC 5280 applies to every certificate".to_owned(),
            binding: true,
        }];
        let mut sets = rule_sets_for(kind, cert);
        for (set, _) in &claims {
            if !sets.contains(set) {
                sets.push(*set);
            }
        }
        for set in sets.into_iter().filter(|s| *s != RuleSet::Rfc5280) {
            let choice = if let Some(oid) = claimed(set) {
                RuleSetChoice {
                    rule_set: set,
                    evidence: Evidence::PolicyClaim,
                    reason: format!(
                        "the certificate asserts policy {oid}, a claim to be under the {}",
                        set_title(set)
                    ),
                    binding: true,
                }
            } else if set == RuleSet::Device {
                RuleSetChoice {
                    rule_set: set,
                    evidence: Evidence::Purpose,
                    reason: format!("a {} certificate", kind.name()),
                    binding: true,
                }
            } else {
                match hierarchy {
                    Some(Hierarchy::Public(store)) => RuleSetChoice {
                        rule_set: set,
                        evidence: Evidence::PublicRoot,
                        reason: format!(
                            "a {} certificate whose chain ends at a root of the {store} store",
                            kind.name()
                        ),
                        binding: true,
                    },
                    Some(Hierarchy::Private) => RuleSetChoice {
                        rule_set: set,
                        evidence: Evidence::PrivateRoot,
                        reason: format!(
                            "a {} certificate whose chain ends at a root no public store holds, \
                             with no CA/Browser Forum policy: findings are advice",
                            kind.name()
                        ),
                        binding: false,
                    },
                    None => RuleSetChoice {
                        rule_set: set,
                        evidence: Evidence::Purpose,
                        reason: format!(
                            "a {} certificate with no CA/Browser Forum policy and no chain to \
                             a public root: findings are advice",
                            kind.name()
                        ),
                        binding: false,
                    },
                }
            };
            reasons.push(choice);
        }
        LintTarget {
            kind,
            rule_sets: reasons.iter().map(|r| r.rule_set).collect(),
            reasons,
        }
    }

    /// The target when the caller forces one rule set: a CA stays a CA, any other
    /// certificate is linted as that set's subscriber certificate.
    pub fn forced(cert: &Cert, rule_set: RuleSet) -> LintTarget {
        let detected = auto_kind(cert);
        let kind = if detected.is_ca() {
            detected
        } else {
            rule_set.subscriber_kind().unwrap_or(detected)
        };
        let mut reasons = vec![RuleSetChoice {
            rule_set: RuleSet::Rfc5280,
            evidence: if rule_set == RuleSet::Rfc5280 {
                Evidence::UserChoice
            } else {
                Evidence::Always
            },
            reason: "RFC 5280 applies to every certificate".to_owned(),
            binding: true,
        }];
        if rule_set != RuleSet::Rfc5280 {
            reasons.push(RuleSetChoice {
                rule_set,
                evidence: Evidence::UserChoice,
                reason: format!("the {} were chosen by the user", set_title(rule_set)),
                binding: true,
            });
        }
        LintTarget {
            kind,
            rule_sets: reasons.iter().map(|r| r.rule_set).collect(),
            reasons,
        }
    }

    /// Whether findings of this set keep their severity (see [`RuleSetChoice::binding`]).
    pub fn binding(&self, set: RuleSet) -> bool {
        self.reasons
            .iter()
            .find(|r| r.rule_set == set)
            .is_none_or(|r| r.binding)
    }
}

/// The rule set's name in words.
fn set_title(set: RuleSet) -> &'static str {
    match set {
        RuleSet::Rfc5280 => "RFC 5280 profile",
        RuleSet::TlsBr => "CA/Browser Forum TLS Baseline Requirements",
        RuleSet::SmimeBr => "CA/Browser Forum S/MIME Baseline Requirements",
        RuleSet::CodeSigningBr => "CA/Browser Forum Code Signing Baseline Requirements",
        RuleSet::Device => "private PKI device identity practice",
    }
}

/// EV policy identifiers of CAs in the Mozilla root store's EV list (a selection of the
/// widely used ones; the CA/Browser Forum's 2.23.140.1.1 is recognised on its own). A
/// certificate asserting one claims to be an EV TLS certificate.
pub const EV_POLICIES: &[&str] = &[
    "1.3.6.1.4.1.4146.1.1",         // GlobalSign
    "1.3.6.1.4.1.6449.1.2.1.5.1",   // Sectigo (Comodo)
    "1.3.6.1.4.1.782.1.2.1.8.1",    // Network Solutions
    "1.3.6.1.4.1.8024.0.2.100.1.2", // QuoVadis
    "1.3.6.1.4.1.6334.1.100.1",     // Cybertrust
    "1.3.6.1.4.1.7879.13.24.1",     // T-Systems
    "1.3.159.1.17.1",               // Actalis
    "2.16.578.1.26.1.3.3",          // Buypass
    "2.16.756.1.89.1.2.1.1",        // SwissSign
    "2.16.840.1.113733.1.7.23.6",   // VeriSign
    "2.16.840.1.113733.1.7.48.1",   // thawte
    "2.16.840.1.114028.10.1.2",     // Entrust
    "2.16.840.1.114404.1.1.2.4.1",  // SecureTrust
    "2.16.840.1.114412.2.1",        // DigiCert
    "2.16.840.1.114413.1.7.23.3",   // GoDaddy
    "2.16.840.1.114414.1.7.23.3",   // Starfield
];

/// The CA/Browser Forum rule sets the certificate's policies claim, with the first policy
/// that claims each.
fn policy_claims(cert: &Cert) -> Vec<(RuleSet, String)> {
    let policies: Vec<String> = cert
        .facts()
        .find::<ext::CertificatePolicies>()
        .value()
        .map(|p| {
            p.0.iter()
                .map(|i| i.policy_identifier.to_string())
                .collect()
        })
        .unwrap_or_default();
    let mut claims: Vec<(RuleSet, String)> = Vec::new();
    for policy in policies {
        let set = if policy == "2.23.140.1.1"
            || policy.starts_with("2.23.140.1.2.")
            || EV_POLICIES.contains(&policy.as_str())
        {
            RuleSet::TlsBr
        } else if policy == "2.23.140.1.3" || policy.starts_with("2.23.140.1.4.") {
            RuleSet::CodeSigningBr
        } else if policy.starts_with(oids::SMIME_POLICY_ARC) {
            RuleSet::SmimeBr
        } else {
            continue;
        };
        if !claims.iter().any(|(s, _)| *s == set) {
            claims.push((set, policy));
        }
    }
    claims
}

/// The kind of certificate, from the roles [`crate::role::classify`] finds.
///
/// CA-ness comes from basicConstraints only (RFC 5280 4.2.1.9). For an end entity the first
/// role wins in this order: TLS server, code signing, S/MIME (S/MIME certificates often add
/// clientAuth), TLS client, OCSP responder, time stamping; a certificate without an extended
/// key usage is [`CertKind::Other`], never "server".
pub fn auto_kind(cert: &Cert) -> CertKind {
    kind_of_roles(&crate::role::classify(cert).roles)
}

/// [`auto_kind`] from roles already found.
fn kind_of_roles(roles: &[crate::role::Role]) -> CertKind {
    use crate::role::RoleKind;
    let has = |kind: RoleKind| roles.iter().any(|role| role.role == kind);
    if has(RoleKind::RootCa) {
        CertKind::RootCa
    } else if has(RoleKind::IntermediateCa) || has(RoleKind::CrossCertificate) {
        CertKind::SubordinateCa
    } else if has(RoleKind::TlsServer) {
        CertKind::TlsServer
    } else if has(RoleKind::CodeSigning) {
        CertKind::CodeSigning
    } else if has(RoleKind::SmimeSigning) || has(RoleKind::SmimeEncryption) {
        CertKind::Smime
    } else if has(RoleKind::TlsClient) {
        CertKind::TlsClient
    } else if has(RoleKind::OcspResponder) {
        CertKind::OcspSigning
    } else if has(RoleKind::TimeStamping) {
        CertKind::TimeStamping
    } else {
        CertKind::Other
    }
}

/// The rule sets a kind calls for. A CA gets the sets of the purposes its extended key usage
/// names (a CA without one is linted against RFC 5280 only unless a set is forced).
pub fn rule_sets_for(kind: CertKind, cert: &Cert) -> Vec<RuleSet> {
    let mut sets = vec![RuleSet::Rfc5280];
    match kind {
        CertKind::TlsServer => sets.push(RuleSet::TlsBr),
        CertKind::TlsClient => sets.push(RuleSet::Device),
        CertKind::CodeSigning => sets.push(RuleSet::CodeSigningBr),
        CertKind::Smime => sets.push(RuleSet::SmimeBr),
        CertKind::SubordinateCa | CertKind::RootCa => {
            let purposes = cert.facts().extended_key_usage().unwrap_or_default();
            for (purpose, set) in [
                (oids::SERVER_AUTH, RuleSet::TlsBr),
                (oids::EMAIL_PROTECTION, RuleSet::SmimeBr),
                (oids::CODE_SIGNING, RuleSet::CodeSigningBr),
            ] {
                if purposes.contains(&purpose) {
                    sets.push(set);
                }
            }
        }
        CertKind::OcspSigning
        | CertKind::TimeStamping
        | CertKind::Other
        | CertKind::Crl
        | CertKind::Csr
        | CertKind::Key => {}
    }
    sets
}

/// What the caller decides for one linting run.
#[derive(Clone, Debug, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LintOptions {
    /// The analysis time: rules whose effective date is after it are not effective yet.
    /// `None` judges by the issuance date only.
    pub time: Option<UnixTime>,
    /// The kind and rule sets; `None` derives them with [`LintTarget::auto`].
    pub target: Option<LintTarget>,
    /// Force one rule set (overrides `target`); see [`LintTarget::forced`].
    pub rule_set: Option<RuleSet>,
    /// Also report, as [`Severity::NotApplicable`], the lints of the selected rule sets that
    /// do not apply to this kind of certificate.
    pub include_not_applicable: bool,
    /// What a built chain says about the hierarchy (see [`LintTarget::with_evidence`]);
    /// used when neither `target` nor `rule_set` is given.
    pub hierarchy: Option<Hierarchy>,
}

/// One lint, as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LintInfo {
    /// Stable identifier; zlint's where the rule is the same. The prefix gives the default
    /// severity (`e_`, `w_`, `n_`).
    pub id: &'static str,
    /// Severity when it fires.
    pub severity: Severity,
    /// Where the rule comes from, e.g. `RFC 5280 4.2.1.9` or `TLS BR 7.1.2.7.10`.
    pub citation: &'static str,
    /// The rule set it belongs to.
    pub rule_set: RuleSet,
    /// The kinds of certificate it applies to.
    pub applies_to: &'static [CertKind],
    /// The issuance date (`YYYY-MM-DD`, UTC) from which the rule is effective, if it has one.
    pub effective_date: Option<&'static str>,
    /// What the rule requires.
    pub description: &'static str,
}

impl LintInfo {
    /// The effective date as a time, when there is one and it is well formed.
    pub fn effective_time(&self) -> Option<UnixTime> {
        self.effective_date
            .and_then(|date| UnixTime::parse_rfc3339(&format!("{date}T00:00:00Z")))
    }
}

/// One finding on one certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// The lint's id.
    pub id: String,
    /// The severity (or [`Severity::NotEffective`] / [`Severity::NotApplicable`]).
    pub severity: Severity,
    /// The lint's citation.
    pub citation: String,
    /// Path of the offending field in the report JSON, e.g. `extensions/subjectAltName`,
    /// `validity/not_after`, `subject/attributes/CN`.
    pub field: String,
    /// What is wrong, naming the field and the value.
    pub message: String,
}

/// A check's verdict before the registry adds id and severity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    field: String,
    message: String,
}

/// A lint: its data and the function that checks it.
pub(crate) struct Lint {
    info: LintInfo,
    check: fn(&Context<'_>) -> Vec<Hit>,
}

/// Every lint, grouped by rule set in catalogue order: the certificate lints, then those of
/// CRLs and requests.
pub fn registry() -> impl Iterator<Item = &'static LintInfo> {
    all_lints()
        .map(|lint| &lint.info)
        .chain(crl::LINTS.iter().map(|lint| &lint.info))
        .chain(csr::LINTS.iter().map(|lint| &lint.info))
}

/// A lint of a CRL or a request: its data and the function that checks it.
pub(crate) struct ObjectLint<T: 'static> {
    info: LintInfo,
    check: fn(&T) -> Vec<Hit>,
}

/// Lints one CRL against RFC 5280 section 5: what the lenient decoding path found
/// (`e_der_*`, `e_version_unknown`...), then the CRL rules. Findings come in registry order.
///
/// ```
/// let pem = include_bytes!("../tests/data/lenient/crl-v3.crl");
/// let parsed = certscope::parse_input(pem, &Default::default()).unwrap();
/// let crl = parsed.objects.iter().find_map(|found| match &found.object {
///     certscope::input::Object::Crl(crl) => Some(crl),
///     _ => None,
/// }).unwrap();
/// let findings = certscope::lint::lint_crl(crl);
/// assert!(findings.iter().any(|f| f.id == "e_crl_version_invalid"));
/// ```
pub fn lint_crl(crl: &crate::input::Crl) -> Vec<Finding> {
    let found;
    let deviations = if crl.strict_error().is_some() {
        crl.deviations()
    } else {
        found = crate::lenient::repair(crl.der(), crate::lenient::Shape::Crl)
            .map(|repaired| repaired.deviations)
            .unwrap_or_default();
        found.as_slice()
    };
    let mut findings = encoding::findings(deviations, crl.strict_error(), CertKind::Crl);
    findings.extend(object_findings(crl::LINTS, crl));
    findings
}

/// Lints one certification request against RFC 2986: what the lenient decoding path found,
/// then the request rules. Findings come in registry order.
pub fn lint_csr(csr: &crate::input::Csr) -> Vec<Finding> {
    let found;
    let deviations = if csr.strict_error().is_some() {
        csr.deviations()
    } else {
        found = crate::lenient::repair(csr.der(), crate::lenient::Shape::Csr)
            .map(|repaired| repaired.deviations)
            .unwrap_or_default();
        found.as_slice()
    };
    let mut findings = encoding::findings(deviations, csr.strict_error(), CertKind::Csr);
    findings.extend(object_findings(csr::LINTS, csr));
    findings
}

/// What the lenient decoding path found in a key (BER lengths, a version no format defines,
/// unused bits in the public key), as findings.
pub fn lint_key(deviations: &[crate::lenient::Deviation]) -> Vec<Finding> {
    encoding::findings(deviations, None, CertKind::Key)
}

fn object_findings<T>(lints: &[ObjectLint<T>], object: &T) -> Vec<Finding> {
    lints
        .iter()
        .flat_map(|lint| {
            (lint.check)(object).into_iter().map(|hit| Finding {
                id: lint.info.id.to_owned(),
                severity: lint.info.severity,
                citation: lint.info.citation.to_owned(),
                field: hit.field,
                message: hit.message,
            })
        })
        .collect()
}

/// The lint with the given id.
pub fn lookup(id: &str) -> Option<&'static LintInfo> {
    registry().find(|info| info.id == id)
}

fn all_lints() -> impl Iterator<Item = &'static Lint> {
    encoding::LINTS
        .iter()
        .chain(rfc5280::LINTS)
        .chain(syntax::LINTS)
        .chain(tls_br::LINTS)
        .chain(smime_br::LINTS)
        .chain(code_signing_br::LINTS)
        .chain(device::LINTS)
}

/// Lints one certificate. Findings come in registry order; lints that pass produce nothing.
///
/// ```
/// use certscope::{lint, LintOptions, RuleSet, Severity};
/// use certscope::time::UnixTime;
///
/// let pem = include_str!("../tests/data/roles/tls-server.pem");
/// let parsed = certscope::parse_input(pem.as_bytes(), &Default::default()).unwrap();
/// let cert = parsed.certificates().next().unwrap();
///
/// // A TLS server certificate is linted against RFC 5280 and the TLS Baseline Requirements.
/// // This one asserts no CA/Browser Forum policy and no chain says its root is public, so a
/// // Baseline Requirements breach is advice: a publicly trusted CA could not issue it.
/// let options = LintOptions {
///     time: UnixTime::parse_rfc3339("2026-06-01T00:00:00Z"),
///     ..LintOptions::default()
/// };
/// let findings = lint(cert, &options);
/// let missing_aia = findings.iter().find(|f| f.id == "e_sub_cert_aia_missing").unwrap();
/// assert_eq!(missing_aia.severity, Severity::Advice);
/// assert_eq!(missing_aia.citation, "TLS BR 7.1.2.7.7");
/// assert_eq!(missing_aia.field, "extensions/authorityInfoAccess");
/// assert!(!certscope::lint::has_errors(&findings));
///
/// // Chosen by the user (or with a chain to a public root), the same breach is an error.
/// let forced = LintOptions { rule_set: Some(RuleSet::TlsBr), ..options.clone() };
/// let findings = lint(cert, &forced);
/// let missing_aia = findings.iter().find(|f| f.id == "e_sub_cert_aia_missing").unwrap();
/// assert_eq!(missing_aia.severity, Severity::Error);
/// assert!(certscope::lint::has_errors(&findings));
///
/// // Forcing RFC 5280 alone leaves the Baseline Requirements out.
/// let options = LintOptions { rule_set: Some(RuleSet::Rfc5280), ..options };
/// assert!(lint(cert, &options).iter().all(|f| f.id != "e_sub_cert_aia_missing"));
///
/// // Every finding's id is in the registry, with its metadata.
/// assert_eq!(certscope::lint::lookup("e_sub_cert_aia_missing").unwrap().rule_set, RuleSet::TlsBr);
/// ```
pub fn lint(cert: &Cert, options: &LintOptions) -> Vec<Finding> {
    lint_target(cert, options, &target(cert, options))
}

/// The target [`lint`] uses for these options: the forced rule set, the given target, or
/// the one [`LintTarget::with_evidence`] derives.
pub fn target(cert: &Cert, options: &LintOptions) -> LintTarget {
    match (options.rule_set, &options.target) {
        (Some(set), _) => LintTarget::forced(cert, set),
        (None, Some(target)) => target.clone(),
        (None, None) => LintTarget::with_evidence(
            cert,
            &crate::role::classify(cert).roles,
            options.hierarchy.as_ref(),
        ),
    }
}

/// [`lint`] with the target already chosen.
pub fn lint_target(cert: &Cert, options: &LintOptions, target: &LintTarget) -> Vec<Finding> {
    let context = Context::new(cert);
    let mut findings = Vec::new();
    for lint in all_lints() {
        let info = &lint.info;
        let selected =
            info.rule_set == RuleSet::Rfc5280 || target.rule_sets.contains(&info.rule_set);
        if !selected {
            continue;
        }
        if !info.applies_to.contains(&target.kind) {
            if options.include_not_applicable {
                findings.push(Finding {
                    id: info.id.to_owned(),
                    severity: Severity::NotApplicable,
                    citation: info.citation.to_owned(),
                    field: String::new(),
                    message: format!("does not apply to a {} certificate", target.kind.name()),
                });
            }
            continue;
        }
        let effective = info.effective_time().is_none_or(|date| {
            context.not_before >= date && options.time.is_none_or(|now| now >= date)
        });
        let binding = target.binding(info.rule_set);
        for hit in (lint.check)(&context) {
            let (severity, message) = if effective && !binding && info.severity <= Severity::Warning
            {
                // A MUST bars a publicly trusted CA from issuing it; a SHOULD NOT or NOT
                // RECOMMENDED only advises against it.
                let verb = if info.severity == Severity::Error {
                    "could"
                } else {
                    "should"
                };
                (
                    Severity::Advice,
                    format!(
                        "{} (a publicly trusted CA {verb} not issue this; {} {})",
                        hit.message,
                        info.severity.name(),
                        "under the Baseline Requirements"
                    ),
                )
            } else if effective {
                (info.severity, hit.message)
            } else {
                (
                    Severity::NotEffective,
                    format!(
                        "{} (effective for certificates issued from {})",
                        hit.message,
                        info.effective_date.unwrap_or_default()
                    ),
                )
            };
            findings.push(Finding {
                id: info.id.to_owned(),
                severity,
                citation: info.citation.to_owned(),
                field: hit.field,
                message,
            });
        }
    }
    findings
}

/// Whether any finding has error severity (the CLI's exit status).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Builds a hit.
fn hit(field: impl Into<String>, message: impl Into<String>) -> Hit {
    Hit {
        field: field.into(),
        message: message.into(),
    }
}

/// One hit when `condition` holds.
fn hit_if(condition: bool, field: &str, message: impl FnOnce() -> String) -> Vec<Hit> {
    if condition {
        vec![hit(field, message())]
    } else {
        Vec::new()
    }
}

/// Field path of an extension in the report.
fn extension_field(oid: &ObjectIdentifier) -> String {
    format!("extensions/{}", crate::oid::short_name(oid))
}

/// What every check reads: the certificate, its facts ([`CertFacts`], shared with the chain
/// checks, the roles and the purposes) and what only the lints ask, derived once: the
/// validity period as times.
pub(crate) struct Context<'a> {
    cert: &'a Cert,
    facts: CertFacts<'a>,
    not_before: UnixTime,
    not_after: UnixTime,
    key: &'a KeyFacts,
}

impl<'a> Context<'a> {
    fn new(cert: &'a Cert) -> Context<'a> {
        let validity = cert.x509().tbs_certificate().validity();
        let facts = cert.facts();
        Context {
            cert,
            facts,
            not_before: time_of(&validity.not_before),
            not_after: time_of(&validity.not_after),
            key: facts.key(),
        }
    }

    fn tbs(&self) -> &'a x509_cert::certificate::TbsCertificateInner<x509_cert::certificate::Raw> {
        self.cert.x509().tbs_certificate()
    }

    /// The validity period in seconds, counting both ends (RFC 5280 4.1.2.5, TLS BR 6.3.2).
    fn validity_seconds(&self) -> u64 {
        self.not_after
            .0
            .saturating_sub(self.not_before.0)
            .saturating_add(1)
    }

    /// The extended key usage OIDs (empty when absent or malformed).
    fn purposes(&self) -> &'a [ObjectIdentifier] {
        self.facts.extended_key_usage().unwrap_or_default()
    }

    /// The subjectAltName entries (empty when absent or malformed).
    fn san(&self) -> &'a [x509_cert::ext::pkix::name::GeneralName] {
        match self.facts.find::<SubjectAltName>() {
            Lookup::Present { value, .. }
            | Lookup::Duplicate {
                first: Ok(value), ..
            } => &value.0,
            _ => &[],
        }
    }

    /// The dNSName entries of the subjectAltName.
    fn dns_names(&self) -> Vec<String> {
        self.san()
            .iter()
            .filter_map(|name| match name {
                x509_cert::ext::pkix::name::GeneralName::DnsName(dns) => {
                    Some(dns.as_str().to_owned())
                }
                _ => None,
            })
            .collect()
    }

    /// The subject attributes with the given type, as text (lossy for non-strings).
    fn subject_values(&self, oid: ObjectIdentifier) -> Vec<String> {
        let dotted = oid.to_string();
        crate::name::attributes(self.tbs().subject())
            .into_iter()
            .filter(|a| a.oid == dotted)
            .map(|a| a.value)
            .collect()
    }

    /// Whether the subject is an empty sequence.
    fn subject_is_empty(&self) -> bool {
        self.tbs().subject().is_empty()
    }

    /// Whether issuer and subject are encoded identically ([`crate::facts::self_issued_exact`]).
    fn self_issued(&self) -> bool {
        self.facts.self_issued_exact()
    }

    /// The basicConstraints lookup.
    fn basic_constraints(&self) -> &'a Lookup<BasicConstraints> {
        self.facts.find::<BasicConstraints>()
    }

    /// Whether the certificate policies list the given policy.
    fn has_policy(&self, oid: &ObjectIdentifier) -> bool {
        self.policies().contains(oid)
    }

    /// The policy identifiers (empty when absent or malformed).
    fn policies(&self) -> Vec<ObjectIdentifier> {
        self.facts
            .find::<ext::CertificatePolicies>()
            .value()
            .map(|p| p.0.iter().map(|i| i.policy_identifier).collect())
            .unwrap_or_default()
    }

    /// The RSA modulus size, for `rsaEncryption` keys ([`KeyFacts::rsa_encryption`]).
    fn rsa_bits(&self) -> Option<u32> {
        self.key.rsa_encryption().map(|key| key.bits)
    }
}

fn time_of(time: &Time) -> UnixTime {
    UnixTime::from(time.to_date_time())
}

/// OIDs the lints compare against. Names and references live in [`crate::oid`].
pub(crate) mod oids {
    use der::asn1::ObjectIdentifier as Oid;

    pub const SERVER_AUTH: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.1");
    pub const CLIENT_AUTH: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.2");
    pub const CODE_SIGNING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.3");
    pub const EMAIL_PROTECTION: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.4");
    pub const TIME_STAMPING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.8");
    pub const OCSP_SIGNING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.9");
    pub const PRECERTIFICATE_SIGNING: Oid = Oid::new_unwrap("1.3.6.1.4.1.11129.2.4.4");
    pub const ORGANIZATIONAL_UNIT: Oid = Oid::new_unwrap("2.5.4.11");
    pub const ANY_EKU: Oid = Oid::new_unwrap("2.5.29.37.0");
    pub const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
    pub const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
    pub const P256: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
    pub const P384: Oid = Oid::new_unwrap("1.3.132.0.34");
    pub const P521: Oid = Oid::new_unwrap("1.3.132.0.35");
    pub const SHA256_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");
    pub const SHA384_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.12");
    pub const SHA512_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.13");
    pub const RSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
    pub const SHA1_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.5");
    pub const MD5_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.4");
    pub const ECDSA_SHA1: Oid = Oid::new_unwrap("1.2.840.10045.4.1");
    pub const ECDSA_SHA256: Oid = Oid::new_unwrap("1.2.840.10045.4.3.2");
    pub const ECDSA_SHA384: Oid = Oid::new_unwrap("1.2.840.10045.4.3.3");
    pub const ECDSA_SHA512: Oid = Oid::new_unwrap("1.2.840.10045.4.3.4");
    pub const COMMON_NAME: Oid = Oid::new_unwrap("2.5.4.3");
    pub const SURNAME: Oid = Oid::new_unwrap("2.5.4.4");
    pub const SERIAL_NUMBER: Oid = Oid::new_unwrap("2.5.4.5");
    pub const COUNTRY: Oid = Oid::new_unwrap("2.5.4.6");
    pub const LOCALITY: Oid = Oid::new_unwrap("2.5.4.7");
    pub const STATE: Oid = Oid::new_unwrap("2.5.4.8");
    pub const STREET: Oid = Oid::new_unwrap("2.5.4.9");
    pub const POSTAL_CODE: Oid = Oid::new_unwrap("2.5.4.17");
    pub const DOMAIN_COMPONENT: Oid = Oid::new_unwrap("0.9.2342.19200300.100.1.25");
    pub const ORGANIZATION: Oid = Oid::new_unwrap("2.5.4.10");
    pub const GIVEN_NAME: Oid = Oid::new_unwrap("2.5.4.42");
    pub const PSEUDONYM: Oid = Oid::new_unwrap("2.5.4.65");
    pub const USER_ID: Oid = Oid::new_unwrap("0.9.2342.19200300.100.1.1");
    pub const EMAIL_ADDRESS: Oid = Oid::new_unwrap("1.2.840.113549.1.9.1");
    pub const POLICY_DV: Oid = Oid::new_unwrap("2.23.140.1.2.1");
    pub const POLICY_OV: Oid = Oid::new_unwrap("2.23.140.1.2.2");
    pub const POLICY_IV: Oid = Oid::new_unwrap("2.23.140.1.2.3");
    pub const POLICY_EV: Oid = Oid::new_unwrap("2.23.140.1.1");
    pub const POLICY_CODE_SIGNING: Oid = Oid::new_unwrap("2.23.140.1.4.1");
    pub const POLICY_EV_CODE_SIGNING: Oid = Oid::new_unwrap("2.23.140.1.3");
    pub const SMIME_POLICY_ARC: &str = "2.23.140.1.5.";
    pub const AIA_OCSP: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.48.1");
    pub const AIA_CA_ISSUERS: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.48.2");
    pub const SCT_LIST: Oid = Oid::new_unwrap("1.3.6.1.4.1.11129.2.4.2");
    pub const CT_POISON: Oid = Oid::new_unwrap("1.3.6.1.4.1.11129.2.4.3");
    pub const HARDWARE_MODULE_NAME: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.8.4");
    pub const SMTP_UTF8_MAILBOX: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.8.9");
}

/// Declares a rule set's lints as a static table.
macro_rules! lints {
    ($(
        $check:ident: $id:literal, $severity:ident, $citation:literal, $applies:expr,
        $effective:expr, $description:literal;
    )*) => {
        /// This rule set's lints, in catalogue order.
        pub(crate) static LINTS: &[crate::lint::Lint] = &[
            $( crate::lint::Lint {
                info: crate::lint::LintInfo {
                    id: $id,
                    severity: crate::lint::Severity::$severity,
                    citation: $citation,
                    rule_set: RULE_SET,
                    applies_to: $applies,
                    effective_date: $effective,
                    description: $description,
                },
                check: $check,
            }, )*
        ];
    };
}
use lints;

/// Declares the lints of a CRL or a request as a static table.
macro_rules! object_lints {
    ($object:ty; $(
        $check:ident: $id:literal, $severity:ident, $citation:literal, $kind:ident,
        $description:literal;
    )*) => {
        /// This module's lints, in catalogue order.
        pub(crate) static LINTS: &[crate::lint::ObjectLint<$object>] = &[
            $( crate::lint::ObjectLint {
                info: crate::lint::LintInfo {
                    id: $id,
                    severity: crate::lint::Severity::$severity,
                    citation: $citation,
                    rule_set: crate::lint::RuleSet::Rfc5280,
                    applies_to: &[crate::lint::CertKind::$kind],
                    effective_date: None,
                    description: $description,
                },
                check: $check,
            }, )*
        ];
    };
}
use object_lints;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cert::bit_length;

    #[test]
    fn registry_ids_are_unique_prefixed_and_dated_well() {
        let mut seen = std::collections::HashSet::new();
        for info in registry() {
            assert!(seen.insert(info.id), "{} is listed twice", info.id);
            let prefix = match info.severity {
                Severity::Error => "e_",
                Severity::Warning => "w_",
                Severity::Notice => "n_",
                Severity::Info => "i_",
                other => panic!("{} has severity {other:?}", info.id),
            };
            assert!(info.id.starts_with(prefix), "{} vs {prefix}", info.id);
            assert!(!info.applies_to.is_empty(), "{}", info.id);
            if info.effective_date.is_some() {
                assert!(info.effective_time().is_some(), "{}", info.id);
            }
        }
        assert!(seen.len() >= 80, "only {} lints", seen.len());
    }

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_length(&[0x00, 0x80, 0x00]), 16);
        assert_eq!(bit_length(&[0x01]), 1);
        assert_eq!(bit_length(&[]), 0);
    }

    #[test]
    fn rule_set_names_round_trip() {
        for set in RuleSet::ALL {
            assert_eq!(RuleSet::from_name(set.name()), Some(set));
        }
        assert_eq!(RuleSet::from_name("nope"), None);
    }
}
