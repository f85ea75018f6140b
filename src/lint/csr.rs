//! Certification requests (RFC 2986): attributes and requested extensions.
//!
//! Fields are named as in the request's report entry (`attributes/extensionRequest`,
//! `requested_extensions/subjectAltName`). A version other than v1 is `e_version_unknown`, from
//! the lenient decoding path.

use super::{hit, object_lints, Hit};
use crate::input::Csr;

object_lints! { Csr;
    attribute_empty: "e_csr_attribute_values_empty", Error, "RFC 2986 4.1", Csr,
        "Each attribute must have at least one value (values SET SIZE(1..MAX)).";
    duplicate_extension: "e_csr_duplicate_extension", Error, "RFC 2986 4.1; RFC 2985 5.4.2; RFC 5280 4.2", Csr,
        "An extension may appear at most once in the extensionRequest.";
}

fn attribute_empty(csr: &Csr) -> Vec<Hit> {
    csr.request()
        .info
        .attributes
        .iter()
        .filter(|attribute| attribute.values.is_empty())
        .map(|attribute| {
            let short = crate::oid::short_name(&attribute.oid);
            hit(
                format!("attributes/{short}"),
                format!("the attribute {short} has no values"),
            )
        })
        .collect()
}

fn duplicate_extension(csr: &Csr) -> Vec<Hit> {
    let Ok(extensions) = csr.requested_extensions() else {
        return Vec::new();
    };
    super::crl::duplicate_hits("requested_", "the extensionRequest", extensions)
}
