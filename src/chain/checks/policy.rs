//! Certificate policy processing (RFC 5280 6.1.2 to 6.1.5).

use super::*;

/// `anyPolicy` (RFC 5280 4.2.1.4).
pub(super) const ANY_POLICY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.32.0");

/// One node of the deepest level of the valid policy tree (RFC 5280 6.1.2 (a)), with the
/// valid policies of its ancestors.
///
/// Nodes of one level with the same valid policy are merged, keeping the first parent's
/// branch: the outcome depends only on the deepest level, and merging keeps the level's size
/// bounded by the number of distinct policies, where the tree itself can grow exponentially
/// with the path's length (CVE-2023-0464).
struct PolicyNode {
    valid_policy: ObjectIdentifier,
    expected: std::collections::BTreeSet<ObjectIdentifier>,
    /// The valid policies from depth 0 (`anyPolicy`) down to this node's parent.
    ancestors: Vec<ObjectIdentifier>,
}

impl PolicyNode {
    fn child(&self, valid_policy: ObjectIdentifier) -> PolicyNode {
        let mut ancestors = self.ancestors.clone();
        ancestors.push(self.valid_policy);
        PolicyNode {
            valid_policy,
            expected: std::collections::BTreeSet::from([valid_policy]),
            ancestors,
        }
    }
}

/// The outcome of policy processing: the valid policies and, for each, its branch of the
/// valid policy tree.
pub(crate) struct PolicyOutcome {
    pub valid: Option<Vec<String>>,
    pub branches: Option<Vec<Vec<String>>>,
    pub authorities_constrained: Option<Vec<String>>,
}

/// Certificate policy processing (RFC 5280 6.1.2 to 6.1.5) with user-initial-policy-set
/// `anyPolicy` and no initial explicit-policy, mapping or any-policy inhibition. Only the
/// deepest level of the valid policy tree is kept, which is all the outcome depends on.
/// Returns the valid policies of the path and their branches (`None` when the tree is NULL).
pub(super) fn policies(
    recorder: &mut Recorder,
    certs: &[(usize, &CertFacts<'_>)],
    options: &VerifyOptions,
) -> PolicyOutcome {
    use std::collections::BTreeSet;
    let target = certs.first().map_or(0, |c| c.0);
    // The certificates below the anchor, from the anchor's child down to the target.
    let path: Vec<(usize, &CertFacts<'_>)> = certs
        .iter()
        .take(certs.len().saturating_sub(1).max(1))
        .rev()
        .copied()
        .collect();
    let n = path.len();
    let null = PolicyOutcome {
        valid: None,
        branches: None,
        authorities_constrained: None,
    };
    let mut tree = Some(vec![PolicyNode {
        valid_policy: ANY_POLICY,
        expected: BTreeSet::from([ANY_POLICY]),
        ancestors: Vec::new(),
    }]);
    // 6.1.2 (d)-(f): the caller's initial-explicit-policy, initial-any-policy-inhibit and
    // initial-policy-mapping-inhibit set the counters to 0.
    let initial = |inhibited: bool| if inhibited { 0 } else { n + 1 };
    let (mut explicit_policy, mut inhibit_any, mut policy_mapping) = (
        initial(options.initial_explicit_policy),
        initial(options.initial_any_policy_inhibit),
        initial(options.initial_policy_mapping_inhibit),
    );
    let fail = |recorder: &mut Recorder, index: usize, problem: String| {
        recorder.record(
            CheckId::CertificatePolicies,
            index,
            Err(ChainError::Policy { problem }),
        );
    };
    for (i, &(index, cert)) in path.iter().enumerate() {
        let is_last = i + 1 == n;
        let self_issued = cert.self_issued();
        // 6.1.3 (d), (e): extend the tree with the certificate's policies.
        let certificate_policies = cert.find::<CertificatePolicies>();
        // 4.2.1.4: a policy OID appears at most once (OpenSSL's policy check refuses it too,
        // "invalid or inconsistent certificate policy extension").
        if let Some(cp) = certificate_policies.value() {
            let mut seen = BTreeSet::new();
            if let Some(twice) =
                cp.0.iter()
                    .map(|p| p.policy_identifier)
                    .find(|oid| !seen.insert(*oid))
            {
                fail(
                    recorder,
                    index,
                    format!("certificatePolicies lists {twice} more than once (RFC 5280 4.2.1.4)"),
                );
                return null;
            }
        }
        match (certificate_policies.value(), tree.take()) {
            (Some(cp), Some(nodes)) => {
                let mut next: Vec<PolicyNode> = Vec::new();
                for info in cp.0.iter().filter(|p| p.policy_identifier != ANY_POLICY) {
                    let policy = info.policy_identifier;
                    // 6.1.3 (d) (1): under a node expecting it; (2): else under anyPolicy.
                    let parent = nodes
                        .iter()
                        .find(|node| node.expected.contains(&policy))
                        .or_else(|| nodes.iter().find(|node| node.valid_policy == ANY_POLICY));
                    if let Some(parent) = parent {
                        if !next.iter().any(|x| x.valid_policy == policy) {
                            next.push(parent.child(policy));
                        }
                    }
                }
                let has_any = cp.0.iter().any(|p| p.policy_identifier == ANY_POLICY);
                if has_any && (inhibit_any > 0 || (!is_last && self_issued)) {
                    for node in &nodes {
                        for expected in &node.expected {
                            if !next.iter().any(|x| x.valid_policy == *expected) {
                                next.push(node.child(*expected));
                            }
                        }
                    }
                }
                tree = (!next.is_empty()).then_some(next);
            }
            _ => tree = None,
        }
        if is_last {
            // 6.1.5 (a), (b).
            if !self_issued {
                explicit_policy = explicit_policy.saturating_sub(1);
            }
            if let Some(pc) = cert.find::<PolicyConstraints>().value() {
                if pc.require_explicit_policy == Some(0) {
                    explicit_policy = 0;
                }
            }
        } else {
            // 6.1.4 (a), (b): policy mappings.
            if let Some(mappings) = cert.find::<PolicyMappings>().value() {
                if mappings.0.iter().any(|m| {
                    m.issuer_domain_policy == ANY_POLICY || m.subject_domain_policy == ANY_POLICY
                }) {
                    fail(recorder, index, "anyPolicy may not be mapped".to_string());
                    return null;
                }
                if let Some(nodes) = tree.as_mut() {
                    let issuer_policies: BTreeSet<ObjectIdentifier> =
                        mappings.0.iter().map(|m| m.issuer_domain_policy).collect();
                    for issuer_policy in issuer_policies {
                        let mapped: BTreeSet<ObjectIdentifier> = mappings
                            .0
                            .iter()
                            .filter(|m| m.issuer_domain_policy == issuer_policy)
                            .map(|m| m.subject_domain_policy)
                            .collect();
                        if policy_mapping > 0 {
                            let mut found = false;
                            for node in nodes.iter_mut() {
                                if node.valid_policy == issuer_policy {
                                    node.expected = mapped.clone();
                                    found = true;
                                }
                            }
                            let any = nodes.iter().find(|x| x.valid_policy == ANY_POLICY);
                            if let (false, Some(any)) = (found, any) {
                                // 6.1.4 (b) (1): a sibling of the anyPolicy node.
                                nodes.push(PolicyNode {
                                    valid_policy: issuer_policy,
                                    expected: mapped,
                                    ancestors: any.ancestors.clone(),
                                });
                            }
                        } else {
                            nodes.retain(|x| x.valid_policy != issuer_policy);
                        }
                    }
                    if nodes.is_empty() {
                        tree = None;
                    }
                }
            }
            // 6.1.4 (h), (i), (j).
            if !self_issued {
                explicit_policy = explicit_policy.saturating_sub(1);
                policy_mapping = policy_mapping.saturating_sub(1);
                inhibit_any = inhibit_any.saturating_sub(1);
            }
            if let Some(pc) = cert.find::<PolicyConstraints>().value() {
                if let Some(r) = pc.require_explicit_policy {
                    explicit_policy = explicit_policy.min(usize::try_from(r).unwrap_or(usize::MAX));
                }
                if let Some(m) = pc.inhibit_policy_mapping {
                    policy_mapping = policy_mapping.min(usize::try_from(m).unwrap_or(usize::MAX));
                }
            }
            if let Some(skip) = cert.find::<InhibitAnyPolicy>().value() {
                inhibit_any = inhibit_any.min(usize::try_from(skip.0).unwrap_or(usize::MAX));
            }
        }
        // 6.1.3 (f).
        if explicit_policy == 0 && tree.is_none() {
            fail(
                recorder,
                index,
                "an explicit policy is required but no valid policy remains".to_string(),
            );
            return null;
        }
    }
    let names = |nodes: &[PolicyNode]| -> Vec<String> {
        nodes
            .iter()
            .map(|node| crate::oid::short_name(&node.valid_policy))
            .collect()
    };
    // 6.1.6: the authorities-constrained-policy-set, before the user's set is applied.
    let authorities_constrained = tree.as_deref().map(names);
    // 6.1.5 (g): the intersection with the user-initial-policy-set.
    let user_set: Option<BTreeSet<ObjectIdentifier>> = if options.initial_policies.is_empty() {
        None
    } else {
        let mut set = BTreeSet::new();
        for text in &options.initial_policies {
            match ObjectIdentifier::new(text) {
                Ok(oid) => {
                    set.insert(oid);
                }
                Err(_) => {
                    fail(
                        recorder,
                        target,
                        format!("the initial policy {text:?} is not a dotted OID"),
                    );
                    return null;
                }
            }
        }
        (!set.contains(&ANY_POLICY)).then_some(set)
    };
    let intersected = match &user_set {
        Some(_) => tree.take(),
        None => None,
    };
    if let (Some(user_set), Some(nodes)) = (&user_set, intersected) {
        let mut next: Vec<PolicyNode> = Vec::new();
        for node in nodes {
            // The node of the valid_policy_node_set on this branch: the first whose valid
            // policy is not anyPolicy (its parent is anyPolicy), (g)(iii)(1)-(3).
            let first = node
                .ancestors
                .iter()
                .chain(std::iter::once(&node.valid_policy))
                .find(|p| **p != ANY_POLICY)
                .copied();
            match first {
                Some(policy) if user_set.contains(&policy) => next.push(node),
                Some(_) => {}
                // (g)(iii)(4): anyPolicy at depth n stands for every policy of the user's set.
                None => {
                    for policy in user_set {
                        if !next.iter().any(|x| x.valid_policy == *policy) {
                            next.push(PolicyNode {
                                valid_policy: *policy,
                                expected: BTreeSet::from([*policy]),
                                ancestors: node.ancestors.clone(),
                            });
                        }
                    }
                }
            }
        }
        tree = (!next.is_empty()).then_some(next);
    }
    // 6.1.5 (g): success needs explicit_policy > 0 or a non-NULL tree.
    if explicit_policy == 0 && tree.is_none() {
        fail(
            recorder,
            target,
            match &authorities_constrained {
                Some(list) => format!(
                    "an explicit policy is required and none of the valid policies ({}) is in \
                     the initial policy set",
                    list.join(", ")
                ),
                None => "an explicit policy is required but no valid policy remains".to_string(),
            },
        );
        return PolicyOutcome {
            authorities_constrained,
            ..null
        };
    }
    let valid: Option<Vec<String>> = tree.as_deref().map(names);
    let branches: Option<Vec<Vec<String>>> = tree.map(|nodes| {
        nodes
            .iter()
            .map(|node| {
                node.ancestors
                    .iter()
                    .chain(std::iter::once(&node.valid_policy))
                    .map(crate::oid::short_name)
                    .collect()
            })
            .collect()
    });
    let explanation = match &valid {
        Some(list) => format!("valid policies: {}", list.join(", ")),
        None if user_set.is_some() && authorities_constrained.is_some() => {
            "none of the valid policies is in the initial policy set (no explicit policy is \
             required)"
                .to_string()
        }
        None => "no valid policy tree (no explicit policy is required)".to_string(),
    };
    recorder.record(CheckId::CertificatePolicies, target, Ok(explanation));
    PolicyOutcome {
        valid,
        branches,
        authorities_constrained,
    }
}
