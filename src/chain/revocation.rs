//! The revocation status of each certificate of a path from the CRLs the caller supplies
//! (RFC 5280 6.3): which CRL covers which certificate (issuer, distribution point, issuing
//! distribution point, reasons), who may sign it (the certificate's issuer, a delegated CRL
//! signer or a key-rollover certificate with a path of its own to the same trust anchor),
//! delta CRLs with their base, and a status that is good, revoked or undetermined.
//!
//! Fail closed: when CRLs are supplied (or [`super::VerifyOptions::require_revocation`] is
//! set), a certificate whose status no CRL decides fails the path, naming what was missing.
//! Every CRL set aside for a certificate is reported with the reason.
//!
//! A delegated CRL signer's own path is validated with the same CRLs, so its revocation status
//! counts too, to a bounded depth ([`SIGNER_DEPTH`]); every CRL signature verified counts
//! against [`super::Budget::signatures`], with the certificates' signatures of path building.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::catalogue::CheckId;
use der::asn1::ObjectIdentifier;
use der::Decode;
use x509_cert::certificate::Raw;
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::crl::dp::{DistributionPoint, IssuingDistributionPoint, Reasons};
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{CrlDistributionPoints, KeyUsages};
use x509_cert::name::Name;

use super::{crl::Crl, names, ChainError};
use crate::cert::Cert;
use crate::time::UnixTime;

/// The revocation status of one certificate (RFC 5280 6.3.3: `cert_status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Status {
    /// CRLs covering every reason were consulted and none lists the certificate.
    Good,
    /// A CRL in scope lists the certificate.
    Revoked,
    /// No supplied CRL, or not enough of them, decides the status; with CRLs supplied this
    /// fails the path.
    Undetermined,
    /// No CRL was supplied and revocation checking was not asked for.
    NotChecked,
}

/// A CRL set aside while deciding one certificate's status, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DroppedCrl {
    /// Index into the supplied CRLs ([`super::VerifyOptions::crls`]).
    pub crl: usize,
    /// The CRL's issuer, RFC 4514 (empty when it does not decode).
    pub issuer: String,
    /// Why it was not used: bad signature, wrong issuer, out of scope, expired, ...
    pub reason: String,
}

/// The revocation status of one certificate of a path, with the CRLs that decided it and those
/// set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CertificateRevocation {
    /// Index into [`super::ChainReport::certificates`].
    pub certificate: usize,
    /// good, revoked, undetermined or not checked.
    pub status: Status,
    /// For a revoked certificate: the CRLReason name (`unspecified` when the entry has none).
    pub reason: Option<String>,
    /// For a revoked certificate: the entry's revocationDate, RFC 3339.
    pub date: Option<String>,
    /// For an undetermined status: what was missing.
    pub why: Option<String>,
    /// Indices of the supplied CRLs (complete and delta) consulted: for a good or revoked
    /// status those that decided it, for an undetermined one those that covered only some
    /// reasons.
    pub crls: Vec<usize>,
    /// The CRLs considered for this certificate and set aside.
    pub dropped: Vec<DroppedCrl>,
}

/// A CRL decoded once per validation, with what scope matching asks of it.
struct Parsed {
    index: usize,
    crl: Crl,
    issuer: String,
    number: Option<Vec<u8>>,
    /// For a delta CRL: the base CRL number (deltaCRLIndicator, RFC 5280 5.2.4).
    delta_base: Option<Vec<u8>>,
    idp: Option<IssuingDistributionPoint>,
    /// Why the CRL cannot be used at all, whichever certificate it is asked about.
    problem: Option<String>,
}

/// CRL extensions certscope processes (RFC 5280 5.2): authorityKeyIdentifier, issuerAltName,
/// cRLNumber, deltaCRLIndicator, issuingDistributionPoint, freshestCRL, authorityInfoAccess.
const KNOWN_CRL_EXTENSIONS: &[&str] = &[
    "2.5.29.35",
    "2.5.29.18",
    "2.5.29.20",
    "2.5.29.27",
    "2.5.29.28",
    "2.5.29.46",
    "1.3.6.1.5.5.7.1.1",
];
/// CRL entry extensions certscope processes (RFC 5280 5.3): reasonCode, holdInstructionCode,
/// invalidityDate, certificateIssuer.
const KNOWN_ENTRY_EXTENSIONS: &[&str] = &["2.5.29.21", "2.5.29.23", "2.5.29.24", "2.5.29.29"];
const CRL_NUMBER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.20");
const DELTA_CRL_INDICATOR: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.27");
const ISSUING_DISTRIBUTION_POINT: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.28");
const CRL_REASON: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.21");
const CERTIFICATE_ISSUER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.29");
const CRL_DISTRIBUTION_POINTS: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.31");

/// Every reason of RFC 5280 6.3.3 (the `all-reasons` mask): the ReasonFlags bits 1 to 8.
fn all_reasons() -> u16 {
    [
        Reasons::KeyCompromise,
        Reasons::CaCompromise,
        Reasons::AffiliationChanged,
        Reasons::Superseded,
        Reasons::CessationOfOperation,
        Reasons::CertificateHold,
        Reasons::PrivilegeWithdrawn,
        Reasons::AaCompromise,
    ]
    .iter()
    .fold(0, |mask, r| mask | der::flagset::FlagSet::from(*r).bits())
}

fn reasons_text(mask: u16) -> String {
    let names = [
        (Reasons::KeyCompromise, "keyCompromise"),
        (Reasons::CaCompromise, "cACompromise"),
        (Reasons::AffiliationChanged, "affiliationChanged"),
        (Reasons::Superseded, "superseded"),
        (Reasons::CessationOfOperation, "cessationOfOperation"),
        (Reasons::CertificateHold, "certificateHold"),
        (Reasons::PrivilegeWithdrawn, "privilegeWithdrawn"),
        (Reasons::AaCompromise, "aACompromise"),
    ];
    let list: Vec<&str> = names
        .iter()
        .filter(|(r, _)| mask & der::flagset::FlagSet::from(*r).bits() != 0)
        .map(|(_, n)| *n)
        .collect();
    if list.is_empty() {
        "none".to_string()
    } else {
        list.join(", ")
    }
}

fn unix(time: &x509_cert::time::Time) -> UnixTime {
    UnixTime(time.to_unix_duration().as_secs())
}

/// The unsigned value of an INTEGER's bytes without leading zeros, comparable by (length,
/// bytes).
fn number_key(bytes: &[u8]) -> Vec<u8> {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default().to_vec()
}

fn number_at_least(a: &[u8], b: &[u8]) -> bool {
    (a.len(), a) >= (b.len(), b)
}

impl Parsed {
    fn new(index: usize, der: &[u8]) -> Result<Parsed, String> {
        let crl = Crl::from_der(der).map_err(|e| e.to_string())?;
        let list: &CertificateList<Raw> = crl.list();
        let tbs = &list.tbs_cert_list;
        let issuer = crate::name::rfc4514(&tbs.issuer);
        let extensions = tbs.crl_extensions.as_deref().unwrap_or_default();
        let mut problem = None;
        let mut number = None;
        let mut delta_base = None;
        let mut idp = None;
        for e in extensions {
            if e.extn_id == CRL_NUMBER {
                if e.critical {
                    problem.get_or_insert("its cRLNumber is critical (RFC 5280 5.2.3)".to_string());
                }
                match der::asn1::Uint::from_der(e.extn_value.as_bytes()) {
                    Ok(n) => number = Some(number_key(n.as_bytes())),
                    Err(_) => {
                        problem.get_or_insert("its cRLNumber does not decode".to_string());
                    }
                }
            } else if e.extn_id == DELTA_CRL_INDICATOR {
                match der::asn1::Uint::from_der(e.extn_value.as_bytes()) {
                    Ok(n) => delta_base = Some(number_key(n.as_bytes())),
                    Err(_) => {
                        problem.get_or_insert("its deltaCRLIndicator does not decode".to_string());
                    }
                }
            } else if e.extn_id == ISSUING_DISTRIBUTION_POINT {
                match IssuingDistributionPoint::from_der(e.extn_value.as_bytes()) {
                    Ok(value) => idp = Some(value),
                    Err(_) => {
                        problem.get_or_insert(
                            "its issuingDistributionPoint does not decode (RFC 5280 5.2.5)"
                                .to_string(),
                        );
                    }
                }
            } else if e.critical && !KNOWN_CRL_EXTENSIONS.contains(&e.extn_id.to_string().as_str())
            {
                problem.get_or_insert(format!(
                    "it has the unknown critical CRL extension {} (RFC 5280 5.2)",
                    e.extn_id
                ));
            }
        }
        if number.is_none() {
            problem.get_or_insert("it has no cRLNumber (RFC 5280 5.2.3)".to_string());
        }
        let entries = tbs.revoked_certificates.as_deref().unwrap_or_default();
        let unknown_entry = entries
            .iter()
            .flat_map(|r| r.crl_entry_extensions.as_deref().unwrap_or_default())
            .find(|e| {
                e.critical && !KNOWN_ENTRY_EXTENSIONS.contains(&e.extn_id.to_string().as_str())
            });
        if let Some(e) = unknown_entry {
            problem.get_or_insert(format!(
                "an entry has the unknown critical extension {} (RFC 5280 5.3)",
                e.extn_id
            ));
        }
        Ok(Parsed {
            index,
            crl,
            issuer,
            number,
            delta_base,
            idp,
            problem,
        })
    }

    fn tbs(&self) -> &x509_cert::crl::TbsCertList<Raw> {
        &self.crl.list().tbs_cert_list
    }

    fn drop(&self, reason: impl Into<String>) -> DroppedCrl {
        DroppedCrl {
            crl: self.index,
            issuer: self.issuer.clone(),
            reason: reason.into(),
        }
    }
}

/// What an entry of a CRL says about a certificate.
enum Entry {
    Revoked {
        reason: String,
        date: String,
    },
    /// removeFromCRL (a delta CRL un-revokes a certificate on hold, RFC 5280 5.3.1).
    Removed,
}

/// The supplied CRLs, decoded once, and what deciding statuses learns (signatures, signer
/// paths) kept for every certificate and path of the validation.
pub(crate) struct Revocation<'a> {
    crls: Vec<Parsed>,
    undecodable: Vec<DroppedCrl>,
    /// Every certificate supplied: target, untrusted, anchors (the pool of path building).
    pool: &'a [&'a Cert],
    is_anchor: &'a [bool],
    options: &'a super::VerifyOptions,
    /// (CRL, pool index of the signer) to whether the signature verifies.
    signatures: RefCell<HashMap<(usize, usize), bool>>,
    /// (signer, anchor) to whether the signer has a valid path to that anchor.
    signer_paths: RefCell<HashMap<(usize, usize), Result<(), String>>>,
    /// How deep this validation is nested: 0 for the caller's, 1 inside the validation of a
    /// delegated CRL signer's path, ...
    depth: usize,
    /// Signatures verified so far against [`super::Budget::signatures`]: path building's, then
    /// CRLs' and delegated signers' paths'.
    spent: Cell<usize>,
    /// Whether a CRL signature was left unchecked because the budget was spent.
    exhausted: Cell<bool>,
}

/// At most this many certificates named as a CRL's issuer are tried as its signer.
const SIGNER_CANDIDATES: usize = 16;

/// How deep delegated CRL signers' paths are validated. A delegated signer's path (RFC 5280
/// 6.3.3 (f)) is validated with the same CRLs, so its own revocation status is decided; inside
/// that validation, a CRL whose signer would need a path of its own again is set aside (so a
/// signer whose status only a CRL it signed itself could decide stays undetermined). One
/// level, as OpenSSL's `check_crl_path` refuses a CRL path inside a CRL path.
pub const SIGNER_DEPTH: usize = 1;

impl<'a> Revocation<'a> {
    /// `depth`: how deep this validation is nested ([`SIGNER_DEPTH`]); `spent`: signatures
    /// path building already verified.
    pub(crate) fn new(
        pool: &'a [&'a Cert],
        is_anchor: &'a [bool],
        options: &'a super::VerifyOptions,
        depth: usize,
        spent: usize,
    ) -> Revocation<'a> {
        let mut crls = Vec::new();
        let mut undecodable = Vec::new();
        for (index, der) in options.crls.iter().enumerate() {
            match Parsed::new(index, der) {
                Ok(parsed) => crls.push(parsed),
                Err(e) => undecodable.push(DroppedCrl {
                    crl: index,
                    issuer: String::new(),
                    reason: format!("it does not decode: {e}"),
                }),
            }
        }
        Revocation {
            crls,
            undecodable,
            pool,
            is_anchor,
            options,
            signatures: RefCell::new(HashMap::new()),
            signer_paths: RefCell::new(HashMap::new()),
            depth,
            spent: Cell::new(spent),
            exhausted: Cell::new(false),
        }
    }

    /// Signatures verified in all, path building's included.
    pub(crate) fn signatures_checked(&self) -> usize {
        self.spent.get()
    }

    /// Whether a CRL was set aside because the signature budget was spent.
    pub(crate) fn budget_exceeded(&self) -> bool {
        self.exhausted.get()
    }

    fn budget_spent_reason(&self) -> String {
        format!(
            "not checked: the budget of {} signatures per validation is spent (path building, \
             CRLs and CRL signers' paths together)",
            self.options.budget.signatures
        )
    }

    /// Whether statuses are decided at all: CRLs were supplied or checking was asked for.
    pub(crate) fn active(&self) -> bool {
        !self.options.crls.is_empty() || self.options.require_revocation
    }

    /// The statuses of every certificate of `path` below its anchor (pool indices, target
    /// first), the checks to record, and the CRLs no certificate of the path considered.
    pub(crate) fn check_path(
        &self,
        path: &[usize],
    ) -> (
        Vec<CertificateRevocation>,
        Vec<super::Check>,
        Vec<DroppedCrl>,
    ) {
        let mut statuses = Vec::new();
        let mut checks = Vec::new();
        if !self.active() {
            checks.push(super::Check {
                name: CheckId::Revocation.as_str().to_owned(),
                passed: true,
                certificate: path.first().copied().unwrap_or(0),
                explanation: "not checked: no CRL given".to_string(),
                citation: CheckId::Revocation.citation().to_owned(),
                error: None,
            });
            return (statuses, checks, Vec::new());
        }
        let anchor = path.last().copied().unwrap_or(0);
        let mut considered = std::collections::BTreeSet::new();
        for pair in path.windows(2) {
            let (&[index, issuer_index], true) = (pair, true) else {
                continue;
            };
            let (Some(cert), Some(issuer)) = (self.pool.get(index), self.pool.get(issuer_index))
            else {
                continue;
            };
            let status = self.status(index, cert, issuer_index, issuer, anchor);
            considered.extend(status.crls.iter().copied());
            considered.extend(status.dropped.iter().map(|d| d.crl));
            let (passed, explanation, error) = match status.status {
                Status::Good => (
                    true,
                    format!(
                        "good: not on {} CRL(s) covering every reason",
                        status.crls.len()
                    ),
                    None,
                ),
                Status::Revoked => {
                    let text = format!(
                        "serial {} revoked on {} (reason: {})",
                        crate::cert::hex(cert.x509().tbs_certificate().serial_number().as_bytes()),
                        status.date.clone().unwrap_or_default(),
                        status.reason.clone().unwrap_or_default()
                    );
                    let error = ChainError::Revoked { problem: text };
                    (false, error.to_string(), Some(error))
                }
                Status::Undetermined | Status::NotChecked => {
                    let why = status.why.clone().unwrap_or_default();
                    let error = if self.exhausted.get() {
                        ChainError::BudgetExceeded {
                            limit: super::BudgetLimit::Signatures,
                        }
                    } else {
                        ChainError::RevocationUndetermined {
                            problem: why.clone(),
                        }
                    };
                    let explanation = match &error {
                        ChainError::BudgetExceeded { .. } => format!("{error}: {why}"),
                        _ => error.to_string(),
                    };
                    (false, explanation, Some(error))
                }
            };
            checks.push(super::Check {
                name: CheckId::Revocation.as_str().to_owned(),
                passed,
                certificate: index,
                explanation,
                citation: CheckId::Revocation.citation().to_owned(),
                error,
            });
            statuses.push(status);
        }
        let mut unused: Vec<DroppedCrl> = self.undecodable.clone();
        for crl in &self.crls {
            if !considered.contains(&crl.index) {
                unused.push(crl.drop(format!(
                    "no certificate of this path is issued by {} or names it as its CRL issuer",
                    crl.issuer
                )));
            }
        }
        unused.sort_by_key(|d| d.crl);
        if let Some(first) = self.undecodable.first() {
            let error = ChainError::CrlUnusable {
                problem: format!("supplied CRL {}: {}", first.crl, first.reason),
            };
            checks.push(super::Check {
                name: CheckId::CrlDecoding.as_str().to_owned(),
                passed: false,
                certificate: path.first().copied().unwrap_or(0),
                explanation: error.to_string(),
                citation: CheckId::CrlDecoding.citation().to_owned(),
                error: Some(error),
            });
        }
        (statuses, checks, unused)
    }

    /// RFC 5280 6.3.3 for one certificate.
    fn status(
        &self,
        index: usize,
        cert: &Cert,
        issuer_index: usize,
        issuer: &Cert,
        anchor: usize,
    ) -> CertificateRevocation {
        let mut out = CertificateRevocation {
            certificate: index,
            status: Status::Undetermined,
            reason: None,
            date: None,
            why: None,
            crls: Vec::new(),
            dropped: Vec::new(),
        };
        let all = all_reasons();
        let mut reasons_mask: u16 = 0;
        let cert_issuer = cert.x509().tbs_certificate().issuer();
        let is_ca = crate::ext::is_ca(cert);
        let points: Vec<DistributionPoint> = crate::ext::raw(cert, &CRL_DISTRIBUTION_POINTS)
            .next()
            .and_then(|e| CrlDistributionPoints::from_der(e.extn_value.as_bytes()).ok())
            .map(|d| d.0)
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| {
                // No cRLDistributionPoints: the CA's own CRLs, for every reason (6.3.3).
                vec![DistributionPoint {
                    distribution_point: None,
                    reasons: None,
                    crl_issuer: None,
                }]
            });
        for crl in self.crls.iter().filter(|c| c.delta_base.is_none()) {
            if reasons_mask == all {
                break;
            }
            let tbs = crl.tbs();
            // Which distribution points of the certificate this CRL can serve (6.3.3 (b)).
            let mut scope_problem: Option<String> = None;
            let mut interim: u16 = 0;
            let mut direct = false;
            for point in &points {
                match self.in_scope(crl, point, cert_issuer, is_ca) {
                    Ok(is_direct) => {
                        let point_reasons = point.reasons.map_or(all, |r| r.bits() & all);
                        let idp_reasons = crl
                            .idp
                            .as_ref()
                            .and_then(|i| i.only_some_reasons)
                            .map_or(all, |r| r.bits() & all);
                        interim |= point_reasons & idp_reasons;
                        direct |= is_direct;
                    }
                    Err(problem) => {
                        scope_problem.get_or_insert(problem);
                    }
                }
            }
            if interim == 0 {
                // Only CRLs that name this certificate's issuer (or a cRLIssuer) are listed.
                if let Some(problem) = scope_problem.filter(|p| !p.starts_with("issued by")) {
                    out.dropped
                        .push(crl.drop(format!("out of scope: {problem}")));
                }
                continue;
            }
            if let Some(problem) = &crl.problem {
                out.dropped.push(crl.drop(problem.clone()));
                continue;
            }
            if interim & !reasons_mask == 0 {
                out.dropped.push(crl.drop(
                    "covers no reason the CRLs already used do not cover (RFC 5280 6.3.3 (d))",
                ));
                continue;
            }
            // 6.3.3 (a): the CRL must be current.
            if unix(&tbs.this_update) > self.options.time {
                out.dropped
                    .push(crl.drop("not yet valid: its thisUpdate is after the validation time"));
                continue;
            }
            if let Some(next) = tbs.next_update {
                if unix(&next) < self.options.time {
                    out.dropped.push(crl.drop(format!(
                        "expired: its nextUpdate {} is before the validation time",
                        unix(&next).to_rfc3339().unwrap_or_default()
                    )));
                    continue;
                }
            }
            // 6.3.3 (f), (g): who signed it.
            let signer = match self.signer(crl, direct.then_some(issuer_index), anchor) {
                Ok(signer) => signer,
                Err(problem) => {
                    out.dropped.push(crl.drop(problem));
                    continue;
                }
            };
            let _ = issuer;
            // 6.3.3 (c): the newest delta CRL of the same scope, if one was supplied.
            let delta = self.delta_for(crl, signer, &mut out.dropped);
            let serial = cert.x509().tbs_certificate().serial_number().as_bytes();
            out.crls.push(crl.index);
            if let Some(delta) = delta {
                out.crls.push(delta.index);
                match entry(delta, serial, cert_issuer) {
                    Some(Entry::Revoked { reason, date }) => {
                        return revoked(out, reason, date);
                    }
                    Some(Entry::Removed) => {
                        reasons_mask |= interim;
                        continue;
                    }
                    None => {}
                }
            }
            // 6.3.3 (i): a removeFromCRL entry on a complete CRL says nothing.
            if let Some(Entry::Revoked { reason, date }) = entry(crl, serial, cert_issuer) {
                return revoked(out, reason, date);
            }
            reasons_mask |= interim;
        }
        // Delta CRLs no complete CRL of this certificate used are set aside.
        for delta in self.crls.iter().filter(|c| c.delta_base.is_some()) {
            if out.crls.contains(&delta.index) || out.dropped.iter().any(|d| d.crl == delta.index) {
                continue;
            }
            let named = names::names_match(&delta.tbs().issuer, cert_issuer)
                || points.iter().any(|p| {
                    crl_issuer_names(p).any(|n| names::names_match(n, &delta.tbs().issuer))
                });
            if named {
                out.dropped.push(delta.drop(
                    "a delta CRL whose base CRL (same issuer and scope) was not supplied or not \
                     usable: set aside (RFC 5280 5.2.4)",
                ));
            }
        }
        if reasons_mask == all {
            out.status = Status::Good;
            return out;
        }
        let subject = crate::name::rfc4514(cert.x509().tbs_certificate().subject());
        let why = if reasons_mask == 0 {
            let dropped = if out.dropped.is_empty() {
                String::new()
            } else {
                let reasons: Vec<String> = out
                    .dropped
                    .iter()
                    .map(|d| format!("CRL {}: {}", d.crl, d.reason))
                    .collect();
                format!("; set aside: {}", reasons.join("; "))
            };
            format!(
                "no usable CRL covers {subject} (issuer {}){dropped}",
                crate::name::rfc4514(cert_issuer)
            )
        } else {
            format!(
                "the usable CRLs for {subject} cover only the reasons {}; missing: {}",
                reasons_text(reasons_mask),
                reasons_text(all & !reasons_mask)
            )
        };
        out.why = Some(why);
        out
    }

    /// Whether `crl` serves distribution point `point` of a certificate issued by
    /// `cert_issuer` (RFC 5280 6.3.3 (b)): `Ok(true)` for a CRL of the certificate's own issuer,
    /// `Ok(false)` for an indirect CRL of the point's cRLIssuer.
    fn in_scope(
        &self,
        crl: &Parsed,
        point: &DistributionPoint,
        cert_issuer: &Name,
        is_ca: bool,
    ) -> Result<bool, String> {
        let crl_issuer = &crl.tbs().issuer;
        let idp = crl.idp.as_ref();
        let indirect = idp.is_some_and(|i| i.indirect_crl);
        // (b)(1): the issuer.
        let direct = match &point.crl_issuer {
            Some(_) => {
                if !crl_issuer_names(point).any(|n| names::names_match(n, crl_issuer)) {
                    return Err(format!(
                        "issued by {}, not the cRLIssuer of the distribution point",
                        crl.issuer
                    ));
                }
                if !indirect {
                    return Err(
                        "the distribution point names a cRLIssuer but the CRL is not an indirect \
                         CRL (RFC 5280 5.2.5)"
                            .to_string(),
                    );
                }
                names::names_match(crl_issuer, cert_issuer)
            }
            None => {
                if !names::names_match(crl_issuer, cert_issuer) {
                    return Err(format!("issued by {}", crl.issuer));
                }
                true
            }
        };
        let Some(idp) = idp else {
            return Ok(direct);
        };
        // (b)(2)(i): the distribution point names.
        if let Some(idp_name) = &idp.distribution_point {
            let idp_names = full_names(idp_name, crl_issuer);
            let point_names: Vec<GeneralName> = match &point.distribution_point {
                Some(name) => {
                    let base = point
                        .crl_issuer
                        .iter()
                        .flatten()
                        .find_map(|n| match n {
                            GeneralName::DirectoryName(d) => Some(d.clone()),
                            _ => None,
                        })
                        .unwrap_or_else(|| cert_issuer.clone());
                    full_names(name, &base)
                }
                None => point.crl_issuer.clone().unwrap_or_default(),
            };
            if !idp_names
                .iter()
                .any(|a| point_names.iter().any(|b| general_names_match(a, b)))
            {
                return Err(
                    "its issuingDistributionPoint names a distribution point the certificate \
                     does not list (RFC 5280 6.3.3 (b)(2)(i))"
                        .to_string(),
                );
            }
        }
        // (b)(2)(ii)-(iv): the kind of certificate.
        if idp.only_contains_user_certs && is_ca {
            return Err("onlyContainsUserCerts, and the certificate is a CA".to_string());
        }
        if idp.only_contains_ca_certs && !is_ca {
            return Err("onlyContainsCACerts, and the certificate is not a CA".to_string());
        }
        if idp.only_contains_attribute_certs {
            return Err("onlyContainsAttributeCerts".to_string());
        }
        Ok(direct)
    }

    /// The pool index of the certificate whose key signed `crl` (RFC 5280 6.3.3 (f)): the
    /// certificate's issuer when it signed it, else another certificate named as the CRL's
    /// issuer, with cRLSign and a valid path to the same trust anchor.
    fn signer(&self, crl: &Parsed, issuer: Option<usize>, anchor: usize) -> Result<usize, String> {
        let name = &crl.tbs().issuer;
        let mut candidates: Vec<usize> = issuer.into_iter().collect();
        candidates.extend(
            self.pool
                .iter()
                .enumerate()
                .filter(|(i, c)| {
                    Some(*i) != issuer
                        && names::names_match(c.x509().tbs_certificate().subject(), name)
                })
                .map(|(i, _)| i)
                .take(SIGNER_CANDIDATES),
        );
        if candidates.is_empty() {
            return Err(format!(
                "wrong issuer: no supplied certificate is named {}, so its signature cannot be \
                 checked",
                crl.issuer
            ));
        }
        let mut problems = Vec::new();
        for candidate in candidates {
            let Some(cert) = self.pool.get(candidate) else {
                continue;
            };
            match self.verifies(crl, candidate, cert) {
                Some(true) => {}
                Some(false) => continue,
                None => return Err(self.budget_spent_reason()),
            }
            if let Some(usage) = crate::ext::key_usage(cert) {
                if !usage.0.contains(KeyUsages::CRLSign) {
                    problems.push(format!(
                        "its signer (certificate {candidate}) has a keyUsage without cRLSign \
                         (RFC 5280 4.2.1.3, 6.3.3 (f))"
                    ));
                    continue;
                }
            }
            if Some(candidate) == issuer {
                return Ok(candidate);
            }
            match self.signer_path(candidate, anchor) {
                Ok(()) => return Ok(candidate),
                Err(problem) if self.exhausted.get() => return Err(problem),
                Err(problem) => problems.push(format!(
                    "its signer (certificate {candidate}) has no valid path to the trust anchor \
                     of this path: {problem} (RFC 5280 6.3.3 (f))"
                )),
            }
        }
        Err(problems.into_iter().next().unwrap_or_else(|| {
            format!(
                "bad signature or wrong issuer: no supplied certificate named {} has the key \
                 that signed it",
                crl.issuer
            )
        }))
    }

    /// Whether `cert`'s key signed `crl`, verified at most once per validation; `None` when
    /// the signature budget is spent.
    fn verifies(&self, crl: &Parsed, candidate: usize, cert: &Cert) -> Option<bool> {
        let key = (crl.index, candidate);
        if let Some(&known) = self.signatures.borrow().get(&key) {
            return Some(known);
        }
        if self.spent.get() >= self.options.budget.signatures {
            self.exhausted.set(true);
            return None;
        }
        self.spent.set(self.spent.get().saturating_add(1));
        let list = crl.crl.list();
        let ok = crate::signature::verify(
            &list.signature_algorithm,
            crl.crl.tbs_der(),
            &list.signature,
            cert.x509().tbs_certificate().subject_public_key_info(),
        )
        .is_ok();
        self.signatures.borrow_mut().insert(key, ok);
        Some(ok)
    }

    /// Whether `signer` has a valid path to `anchor` (the same trust anchor, RFC 5280 6.3.3
    /// (f)), validated for any purpose with the same CRLs, so that the signer's own revocation
    /// status is decided too; one level deep ([`SIGNER_DEPTH`]), within the signature budget
    /// left.
    fn signer_path(&self, signer: usize, anchor: usize) -> Result<(), String> {
        if let Some(known) = self.signer_paths.borrow().get(&(signer, anchor)) {
            return known.clone();
        }
        let result = if signer == anchor {
            Ok(())
        } else if self.depth >= SIGNER_DEPTH {
            Err(format!(
                "it is a delegated CRL signer met while validating another CRL signer's path, \
                 and such paths are validated {SIGNER_DEPTH} level deep, so its revocation \
                 status cannot be decided"
            ))
        } else {
            let (Some(signer_cert), Some(anchor_cert)) =
                (self.pool.get(signer), self.pool.get(anchor))
            else {
                return Err("no such certificate".to_string());
            };
            let untrusted: Vec<Cert> = self
                .pool
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != signer && !self.is_anchor.get(*i).copied().unwrap_or(false))
                .map(|(_, c)| (*c).clone())
                .collect();
            let mut options = self.options.clone();
            options.purpose = super::Purpose::Any;
            options.host = None;
            options.identities = Vec::new();
            options.required_key_usage = Vec::new();
            options.required_extended_key_usage = Vec::new();
            options.initial_policies = Vec::new();
            options.initial_explicit_policy = false;
            options.budget.signatures = self
                .options
                .budget
                .signatures
                .saturating_sub(self.spent.get());
            let report = super::verify_at_depth(
                signer_cert,
                &untrusted,
                std::slice::from_ref(*anchor_cert),
                &options,
                self.depth.saturating_add(1),
            );
            self.spent
                .set(self.spent.get().saturating_add(report.signatures_checked));
            if report.budget_exceeded == Some(super::BudgetLimit::Signatures) {
                self.exhausted.set(true);
                return Err(self.budget_spent_reason());
            }
            match report.error {
                None if report.valid => Ok(()),
                Some(e) => Err(e.to_string()),
                None => Err("no valid path".to_string()),
            }
        };
        self.signer_paths
            .borrow_mut()
            .insert((signer, anchor), result.clone());
        result
    }

    /// The delta CRL to combine with complete CRL `base` (RFC 5280 5.2.4, 6.3.3 (c)): same
    /// issuer, same scope, signed by the same key, current, with a base CRL number no greater
    /// than `base`'s number and a CRL number greater than it; the one with the highest number.
    fn delta_for<'s>(
        &'s self,
        base: &Parsed,
        signer: usize,
        dropped: &mut Vec<DroppedCrl>,
    ) -> Option<&'s Parsed> {
        let base_number = base.number.as_deref()?;
        let mut best: Option<&Parsed> = None;
        for delta in self.crls.iter() {
            let Some(delta_base) = delta.delta_base.as_deref() else {
                continue;
            };
            if !names::names_match(&delta.tbs().issuer, &base.tbs().issuer) {
                continue;
            }
            if delta.idp != base.idp {
                continue;
            }
            if let Some(problem) = &delta.problem {
                dropped.push(delta.drop(problem.clone()));
                continue;
            }
            if !number_at_least(base_number, delta_base) {
                dropped.push(delta.drop(
                    "a delta CRL whose base CRL number is greater than the complete CRL's \
                     cRLNumber (RFC 5280 5.2.4)",
                ));
                continue;
            }
            if delta
                .number
                .as_deref()
                .is_none_or(|number| number_at_least(base_number, number))
            {
                dropped.push(delta.drop(
                    "a delta CRL whose cRLNumber is not greater than the complete CRL's: it does \
                     not follow it (RFC 5280 5.2.4)",
                ));
                continue;
            }
            let Some(cert) = self.pool.get(signer) else {
                continue;
            };
            let Some(verifies) = self.verifies(delta, signer, cert) else {
                dropped.push(delta.drop(self.budget_spent_reason()));
                continue;
            };
            if !verifies {
                dropped.push(delta.drop(
                    "a delta CRL not signed by the key that signed its base CRL (RFC 5280 6.3.3 \
                     (c))",
                ));
                continue;
            }
            let tbs = delta.tbs();
            if unix(&tbs.this_update) > self.options.time
                || tbs
                    .next_update
                    .is_some_and(|next| unix(&next) < self.options.time)
            {
                dropped
                    .push(delta.drop("a delta CRL that is not current (expired or not yet valid)"));
                continue;
            }
            let newer = match (
                best.and_then(|b| b.number.as_deref()),
                delta.number.as_deref(),
            ) {
                (Some(old), Some(new)) => !number_at_least(old, new),
                _ => best.is_none(),
            };
            if newer {
                best = Some(delta);
            }
        }
        best
    }
}

fn revoked(mut out: CertificateRevocation, reason: String, date: String) -> CertificateRevocation {
    out.status = Status::Revoked;
    out.reason = Some(reason);
    out.date = Some(date);
    out
}

/// The directory names of a distribution point's cRLIssuer.
fn crl_issuer_names(point: &DistributionPoint) -> impl Iterator<Item = &Name> {
    point.crl_issuer.iter().flatten().filter_map(|n| match n {
        GeneralName::DirectoryName(d) => Some(d),
        _ => None,
    })
}

/// A DistributionPointName as general names: a nameRelativeToCRLIssuer is appended to `base`
/// (RFC 5280 4.2.1.13).
fn full_names(name: &DistributionPointName, base: &Name) -> Vec<GeneralName> {
    match name {
        DistributionPointName::FullName(names) => names.clone(),
        DistributionPointName::NameRelativeToCRLIssuer(rdn) => {
            let mut rdns: x509_cert::name::RdnSequence = base.as_ref().clone();
            rdns.push(rdn.clone());
            vec![GeneralName::DirectoryName(Name::hazmat_from_rdn_sequence(
                rdns,
            ))]
        }
    }
}

fn general_names_match(a: &GeneralName, b: &GeneralName) -> bool {
    match (a, b) {
        (GeneralName::DirectoryName(x), GeneralName::DirectoryName(y)) => names::names_match(x, y),
        _ => a == b,
    }
}

/// The entry of `crl` for the certificate with `serial` issued by `cert_issuer`, following
/// certificateIssuer entry extensions in an indirect CRL (RFC 5280 5.3.3).
fn entry(crl: &Parsed, serial: &[u8], cert_issuer: &Name) -> Option<Entry> {
    let tbs = crl.tbs();
    let indirect = crl.idp.as_ref().is_some_and(|i| i.indirect_crl);
    let mut entry_issuer_matches = names::names_match(&tbs.issuer, cert_issuer);
    for revoked in tbs.revoked_certificates.as_deref().unwrap_or_default() {
        let extensions = revoked.crl_entry_extensions.as_deref().unwrap_or_default();
        if indirect {
            if let Some(e) = extensions.iter().find(|e| e.extn_id == CERTIFICATE_ISSUER) {
                entry_issuer_matches =
                    x509_cert::ext::pkix::name::GeneralNames::from_der(e.extn_value.as_bytes())
                        .map(|names| {
                            names.iter().any(|n| match n {
                                GeneralName::DirectoryName(d) => names::names_match(d, cert_issuer),
                                _ => false,
                            })
                        })
                        .unwrap_or(false);
            }
        }
        if !entry_issuer_matches || revoked.serial_number.as_bytes() != serial {
            continue;
        }
        let code = extensions
            .iter()
            .find(|e| e.extn_id == CRL_REASON)
            .and_then(|e| e.extn_value.as_bytes().last().copied());
        if code == Some(8) {
            return Some(Entry::Removed);
        }
        let reason = code
            .map(|c| super::crl::reason_name(c).unwrap_or("unknown reason code"))
            .unwrap_or("unspecified")
            .to_string();
        let date = unix(&revoked.revocation_date)
            .to_rfc3339()
            .unwrap_or_default();
        return Some(Entry::Revoked { reason, date });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_masks() {
        assert_eq!(all_reasons(), 0b1_1111_1110);
        assert_eq!(reasons_text(0), "none");
        assert_eq!(
            reasons_text(der::flagset::FlagSet::from(Reasons::KeyCompromise).bits()),
            "keyCompromise"
        );
    }

    #[test]
    fn crl_numbers_compare_as_unsigned_integers() {
        assert_eq!(number_key(&[0, 0, 5]), vec![5]);
        assert!(number_at_least(&[1, 0], &[255]));
        assert!(!number_at_least(&[3], &[4]));
        assert!(number_at_least(&[4], &[4]));
    }
}
