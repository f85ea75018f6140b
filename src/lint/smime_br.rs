//! CA/Browser Forum Baseline Requirements for S/MIME certificates (version 1.0.x).

use der::asn1::ObjectIdentifier;
use x509_cert::ext::pkix::name::GeneralName;

use super::tls_br::{purpose_names, rsa_at_least, validity_longer_than};
use super::{hit_if, lints, oids, CertKind, Context, Hit, RuleSet};
use crate::ext;

const RULE_SET: RuleSet = RuleSet::SmimeBr;
const SMIME: &[CertKind] = &[CertKind::Smime];

lints! {
    eku_email: "e_smime_eku_email_protection_missing", Error, "S/MIME BR 7.1.2.3(f)", SMIME, None,
        "extKeyUsage must be present and include id-kp-emailProtection.";
    eku_prohibited: "e_smime_eku_prohibited_values", Error, "S/MIME BR 7.1.2.3(f)", SMIME, None,
        "serverAuth, codeSigning, timeStamping and anyExtendedKeyUsage must not be present.";
    strict_eku: "e_smime_strict_eku_extra_values", Error, "S/MIME BR 7.1.2.3(f)", SMIME, Some("2023-09-01"),
        "A strict-generation certificate (policy 2.23.140.1.5.x.3) must have emailProtection as its only extended key usage.";
    mailbox_missing: "e_smime_san_mailbox_missing", Error, "S/MIME BR 7.1.2.3(h)", SMIME, None,
        "subjectAltName must contain at least one rfc822Name or SmtpUTF8Mailbox.";
    email_not_in_san: "e_smime_subject_email_not_in_san", Error, "S/MIME BR 7.1.4.2.2(h)", SMIME, None,
        "An emailAddress in the subject must also appear in subjectAltName.";
    policy_missing: "e_smime_policy_missing", Error, "S/MIME BR 7.1.6.1", SMIME, Some("2023-09-01"),
        "certificatePolicies must contain a CA/B Forum S/MIME policy identifier (2.23.140.1.5.x.y).";
    key_usage_missing: "e_smime_key_usage_missing", Error, "S/MIME BR 7.1.2.3(e)", SMIME, None,
        "keyUsage must be present.";
    key_usage_critical: "w_smime_key_usage_not_critical", Warning, "S/MIME BR 7.1.2.3(e)", SMIME, None,
        "keyUsage should be critical.";
    crl_missing: "e_smime_crl_distribution_points_missing", Error, "S/MIME BR 7.1.2.3(b)", SMIME, Some("2023-09-01"),
        "cRLDistributionPoints shall be present, with at least one http:// URL.";
    validity: "e_smime_validity_longer_than_825_days", Error, "S/MIME BR 6.3.2", SMIME, Some("2023-09-01"),
        "S/MIME subscriber certificates must be valid for at most 825 days.";
    rsa_size: "e_smime_rsa_mod_less_than_2048_bits", Error, "S/MIME BR 6.1.5", SMIME, None,
        "RSA moduli must be at least 2048 bits.";
}

fn eku_email(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.purposes().contains(&oids::EMAIL_PROTECTION),
        "extensions/extendedKeyUsage",
        || "extKeyUsage is absent or lacks emailProtection".to_owned(),
    )
}

fn eku_prohibited(c: &Context<'_>) -> Vec<Hit> {
    let found: Vec<ObjectIdentifier> = c
        .purposes()
        .into_iter()
        .filter(|p| {
            [
                oids::SERVER_AUTH,
                oids::CODE_SIGNING,
                oids::TIME_STAMPING,
                oids::ANY_EKU,
            ]
            .contains(p)
        })
        .collect();
    hit_if(!found.is_empty(), "extensions/extendedKeyUsage", || {
        format!("extKeyUsage contains {}", purpose_names(&found))
    })
}

fn strict_eku(c: &Context<'_>) -> Vec<Hit> {
    let strict = c.policies().iter().any(|p| {
        let dotted = p.to_string();
        dotted.starts_with(oids::SMIME_POLICY_ARC) && dotted.ends_with(".3")
    });
    let extra: Vec<ObjectIdentifier> = c
        .purposes()
        .into_iter()
        .filter(|p| *p != oids::EMAIL_PROTECTION)
        .collect();
    hit_if(
        strict && !extra.is_empty(),
        "extensions/extendedKeyUsage",
        || {
            format!(
                "strict S/MIME certificate also has {}",
                purpose_names(&extra)
            )
        },
    )
}

/// The mailbox addresses of the subjectAltName (rfc822Name and SmtpUTF8Mailbox).
fn mailboxes(c: &Context<'_>) -> Vec<String> {
    c.san()
        .into_iter()
        .filter_map(|name| match name {
            GeneralName::Rfc822Name(address) => Some(address.as_str().to_owned()),
            GeneralName::OtherName(other) if other.type_id == oids::SMTP_UTF8_MAILBOX => {
                Some(String::from_utf8_lossy(other.value.value()).into_owned())
            }
            _ => None,
        })
        .collect()
}

fn mailbox_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(mailboxes(c).is_empty(), "extensions/subjectAltName", || {
        "subjectAltName has no rfc822Name or SmtpUTF8Mailbox".to_owned()
    })
}

fn email_not_in_san(c: &Context<'_>) -> Vec<Hit> {
    let boxes = mailboxes(c);
    c.subject_values(oids::EMAIL_ADDRESS)
        .into_iter()
        .filter(|email| !boxes.iter().any(|b| b.eq_ignore_ascii_case(email)))
        .map(|email| {
            super::hit(
                "subject/attributes/emailAddress",
                format!("subject emailAddress {email:?} is not in subjectAltName"),
            )
        })
        .collect()
}

fn policy_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !c.policies()
            .iter()
            .any(|p| p.to_string().starts_with(oids::SMIME_POLICY_ARC)),
        "extensions/certificatePolicies",
        || "no S/MIME BR policy identifier (2.23.140.1.5.x.y)".to_owned(),
    )
}

fn key_usage_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !ext::find::<ext::KeyUsage>(c.cert).is_present(),
        "extensions/keyUsage",
        || "keyUsage is absent".to_owned(),
    )
}

fn key_usage_critical(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        ext::find::<ext::KeyUsage>(c.cert).critical() == Some(false),
        "extensions/keyUsage",
        || "keyUsage is not critical".to_owned(),
    )
}

fn crl_missing(c: &Context<'_>) -> Vec<Hit> {
    hit_if(
        !ext::find::<ext::CrlDistributionPoints>(c.cert).is_present(),
        "extensions/cRLDistributionPoints",
        || "cRLDistributionPoints is absent".to_owned(),
    )
}

fn validity(c: &Context<'_>) -> Vec<Hit> {
    validity_longer_than(c, 825)
}

fn rsa_size(c: &Context<'_>) -> Vec<Hit> {
    rsa_at_least(c, 2048)
}
