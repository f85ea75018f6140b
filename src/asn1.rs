//! A generic DER walker: the tree of tag-length-value elements of any object, with offsets, for
//! the page's ASN.1 view and hex view.
//!
//! Certificates get field labels on the elements X.509 names (`tbsCertificate`,
//! `serialNumber`, `extensions/subjectAltName`...), so a decoded field and its bytes can be
//! linked both ways. OCTET STRING and BIT STRING contents that are themselves DER (extension
//! values, public keys) are shown as encapsulated children.

use crate::decode::DecodeError;

/// Deepest nesting the walker follows. DER in certificates rarely exceeds 12 levels.
pub const MAX_DEPTH: usize = 48;
/// Most elements one tree holds, so a hostile input cannot build a huge tree.
pub const MAX_NODES: usize = 50_000;

/// One DER element.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Asn1Node"))]
pub struct Node {
    /// Offset of the element's first byte (its tag) in the object's DER.
    pub offset: usize,
    /// Length of the tag and length octets.
    pub header_length: usize,
    /// Length of the contents.
    pub length: usize,
    /// `universal`, `application`, `context` or `private`.
    #[cfg_attr(
        feature = "schema",
        schemars(extend("enum" = ["universal", "application", "context", "private"]))
    )]
    pub class: String,
    /// The tag number.
    pub tag_number: u32,
    /// Whether the encoding is constructed.
    pub constructed: bool,
    /// A name for the tag: `SEQUENCE`, `INTEGER`, `[3]`...
    pub tag_name: String,
    /// The X.509 field this element encodes, when known (`tbsCertificate/serialNumber`).
    pub field: Option<String>,
    /// A short rendering of a primitive value (OID in dotted form with its name, string,
    /// integer in hex, time).
    pub value: Option<String>,
    /// Whether the children were decoded from the contents of an OCTET STRING or BIT STRING.
    pub encapsulates: bool,
    /// The elements inside.
    pub children: Vec<Node>,
}

struct Walker {
    nodes: usize,
}

/// Walks `der` into its element tree. `structure` names what it is for error messages.
pub fn tree(der: &[u8], structure: &str) -> Result<Node, DecodeError> {
    let mut walker = Walker { nodes: 0 };
    let (node, end) = walker.element(der, 0, 0).map_err(|(offset, problem)| {
        DecodeError::new(structure, Some(offset), der.len(), problem)
    })?;
    if end != der.len() {
        return Err(DecodeError::new(
            structure,
            Some(end),
            der.len(),
            format!(
                "{} bytes of trailing data after the structure",
                der.len() - end
            ),
        ));
    }
    Ok(node)
}

/// Walks a certificate and labels its fields.
pub fn certificate_tree(der: &[u8]) -> Result<Node, DecodeError> {
    let mut node = tree(der, "certificate")?;
    node.field = Some("certificate".into());
    label_certificate(&mut node);
    Ok(node)
}

type Failure = (usize, String);

fn read_header(bytes: &[u8], offset: usize) -> Result<(u8, u32, usize, usize), Failure> {
    let at = |i: usize| bytes.get(offset + i).copied();
    let first = at(0).ok_or((offset, "expected a tag but the data ends".to_owned()))?;
    let mut position = 1usize;
    let mut number = u32::from(first & 0x1f);
    if number == 0x1f {
        number = 0;
        loop {
            let byte = at(position).ok_or((offset, "the tag number is truncated".to_owned()))?;
            position += 1;
            if number > (u32::MAX >> 7) {
                return Err((offset, "the tag number is too large".into()));
            }
            number = (number << 7) | u32::from(byte & 0x7f);
            if byte & 0x80 == 0 {
                break;
            }
        }
    }
    let length_byte = at(position).ok_or((
        offset + position,
        "expected a length but the data ends".to_owned(),
    ))?;
    position += 1;
    let length = if length_byte < 0x80 {
        usize::from(length_byte)
    } else if length_byte == 0x80 {
        return Err((
            offset,
            "indefinite length (BER) where DER requires a definite one".into(),
        ));
    } else {
        let count = usize::from(length_byte & 0x7f);
        if count > 4 {
            return Err((
                offset,
                format!("a {count}-byte length is larger than any input"),
            ));
        }
        let mut length = 0usize;
        for _ in 0..count {
            let byte = at(position).ok_or((offset, "the length is truncated".to_owned()))?;
            position += 1;
            length = (length << 8) | usize::from(byte);
        }
        length
    };
    Ok((first, number, position, length))
}

impl Walker {
    fn element(
        &mut self,
        bytes: &[u8],
        offset: usize,
        depth: usize,
    ) -> Result<(Node, usize), Failure> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err((offset, format!("more than {MAX_NODES} elements")));
        }
        if depth > MAX_DEPTH {
            return Err((offset, format!("nested more than {MAX_DEPTH} levels deep")));
        }
        let (first, tag_number, header_length, length) = read_header(bytes, offset)?;
        let start = offset + header_length;
        let end = start
            .checked_add(length)
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| {
                (
                    offset,
                    format!(
                        "the element announces {length} bytes but only {} remain: the input looks truncated",
                        bytes.len().saturating_sub(start)
                    ),
                )
            })?;
        let class = match first >> 6 {
            0 => "universal",
            1 => "application",
            2 => "context",
            _ => "private",
        };
        let constructed = first & 0x20 != 0;
        let contents = bytes.get(start..end).unwrap_or_default();
        let mut node = Node {
            offset,
            header_length,
            length,
            class: class.into(),
            tag_number,
            constructed,
            tag_name: tag_name(class, tag_number),
            field: None,
            value: None,
            encapsulates: false,
            children: Vec::new(),
        };
        if constructed {
            let mut position = start;
            while position < end {
                let (child, next) =
                    self.element(bytes.get(..end).unwrap_or_default(), position, depth + 1)?;
                node.children.push(child);
                position = next;
            }
        } else {
            node.value = primitive_value(class, tag_number, contents);
            // OCTET STRING / BIT STRING (with 0 unused bits) holding a whole DER element.
            let inner_start = match (class, tag_number) {
                ("universal", 4) => Some(start),
                ("universal", 3) if contents.first() == Some(&0) => Some(start + 1),
                _ => None,
            };
            if let Some(inner_start) = inner_start.filter(|&s| s < end) {
                let mut probe = Walker { nodes: self.nodes };
                let scope = bytes.get(..end).unwrap_or_default();
                if let Ok((child, next)) = probe.element(scope, inner_start, depth + 1) {
                    if next == end && child.constructed {
                        self.nodes = probe.nodes;
                        node.encapsulates = true;
                        node.value = None;
                        node.children.push(child);
                    }
                }
            }
        }
        Ok((node, end))
    }
}

fn tag_name(class: &str, number: u32) -> String {
    if class != "universal" {
        return match class {
            "context" => format!("[{number}]"),
            "application" => format!("[APPLICATION {number}]"),
            _ => format!("[PRIVATE {number}]"),
        };
    }
    match number {
        1 => "BOOLEAN",
        2 => "INTEGER",
        3 => "BIT STRING",
        4 => "OCTET STRING",
        5 => "NULL",
        6 => "OBJECT IDENTIFIER",
        10 => "ENUMERATED",
        12 => "UTF8String",
        16 => "SEQUENCE",
        17 => "SET",
        18 => "NumericString",
        19 => "PrintableString",
        20 => "TeletexString",
        22 => "IA5String",
        23 => "UTCTime",
        24 => "GeneralizedTime",
        26 => "VisibleString",
        28 => "UniversalString",
        30 => "BMPString",
        other => return format!("UNIVERSAL {other}"),
    }
    .to_owned()
}

fn primitive_value(class: &str, number: u32, contents: &[u8]) -> Option<String> {
    if class != "universal" {
        return None;
    }
    const PREVIEW: usize = 64;
    match number {
        1 => Some(
            if contents.first().is_some_and(|&b| b != 0) {
                "TRUE"
            } else {
                "FALSE"
            }
            .into(),
        ),
        2 | 3 | 4 | 10 => {
            let shown = contents.get(..PREVIEW).unwrap_or(contents);
            let more = if contents.len() > PREVIEW { "…" } else { "" };
            Some(format!("{}{more}", crate::cert::hex(shown)))
        }
        5 => Some(String::new()),
        6 => match der::asn1::ObjectIdentifier::from_bytes(contents) {
            Ok(oid) => Some(match crate::oid::lookup(&oid) {
                Some(info) => format!("{oid} ({})", info.short),
                None => oid.to_string(),
            }),
            // Arcs above 2^32 (UUID OIDs): the exact dotted form all the same.
            Err(_) => crate::oid::dotted_from_bytes(contents),
        },
        12 | 18 | 19 | 20 | 22 | 23 | 24 | 26 => Some(
            String::from_utf8_lossy(contents)
                .chars()
                .take(PREVIEW)
                .collect(),
        ),
        _ => None,
    }
}

fn set_field(node: &mut Node, field: &str) {
    node.field = Some(field.to_owned());
}

fn label_certificate(cert: &mut Node) {
    let names = ["tbsCertificate", "signatureAlgorithm", "signatureValue"];
    for (child, name) in cert.children.iter_mut().zip(names) {
        set_field(child, name);
    }
    let Some(tbs) = cert.children.first_mut() else {
        return;
    };
    let mut fields = vec![];
    for child in &tbs.children {
        let field = match (child.class.as_str(), child.tag_number) {
            ("context", 0) => "version",
            ("context", 1) => "issuerUniqueID",
            ("context", 2) => "subjectUniqueID",
            ("context", 3) => "extensions",
            _ => "",
        };
        fields.push(field);
    }
    let universal = [
        "serialNumber",
        "signature",
        "issuer",
        "validity",
        "subject",
        "subjectPublicKeyInfo",
    ];
    let mut next_universal = universal.iter();
    for (child, field) in tbs.children.iter_mut().zip(fields) {
        let name = if field.is_empty() {
            next_universal.next().copied().unwrap_or("")
        } else {
            field
        };
        if !name.is_empty() {
            set_field(child, name);
        }
        match name {
            "validity" => {
                for (time, label) in child
                    .children
                    .iter_mut()
                    .zip(["validity/notBefore", "validity/notAfter"])
                {
                    set_field(time, label);
                }
            }
            "extensions" => label_extensions(child),
            _ => {}
        }
    }
}

fn label_extensions(explicit: &mut Node) {
    let Some(sequence) = explicit.children.first_mut() else {
        return;
    };
    for extension in &mut sequence.children {
        let name = extension
            .children
            .first()
            .and_then(|oid| oid.value.as_deref())
            .map(|value| match value.split_once(" (") {
                Some((_, short)) => short.trim_end_matches(')').to_owned(),
                None => value.to_owned(),
            });
        if let Some(name) = name {
            set_field(extension, &format!("extensions/{name}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf_der() -> Vec<u8> {
        let parsed = crate::parse_input(
            include_bytes!("../tests/data/doc/leaf.pem"),
            &Default::default(),
        )
        .unwrap();
        let der = parsed.certificates().next().unwrap().der().to_vec();
        der
    }

    #[test]
    fn certificate_fields_are_labelled_with_offsets() {
        let der = leaf_der();
        let root = certificate_tree(&der).unwrap();
        assert_eq!(root.offset, 0);
        assert_eq!(root.header_length + root.length, der.len());
        let tbs = &root.children[0];
        assert_eq!(tbs.field.as_deref(), Some("tbsCertificate"));
        let serial = tbs
            .children
            .iter()
            .find(|n| n.field.as_deref() == Some("serialNumber"))
            .unwrap();
        assert_eq!(serial.tag_name, "INTEGER");
        // The serial's bytes in the DER are what the node says they are.
        let start = serial.offset + serial.header_length;
        let expected = crate::cert::hex(&der[start..start + serial.length]);
        assert_eq!(serial.value.as_deref(), Some(expected.as_str()));
        let fields: Vec<_> = tbs
            .children
            .iter()
            .filter_map(|n| n.field.clone())
            .collect();
        assert!(fields.contains(&"extensions".to_owned()), "{fields:?}");
        let extensions = &tbs
            .children
            .iter()
            .find(|n| n.field.as_deref() == Some("extensions"))
            .unwrap()
            .children[0];
        let names: Vec<_> = extensions
            .children
            .iter()
            .filter_map(|n| n.field.clone())
            .collect();
        assert!(
            names.contains(&"extensions/basicConstraints".to_owned()),
            "{names:?}"
        );
        // The extension value OCTET STRING encapsulates the BasicConstraints SEQUENCE.
        let bc = extensions
            .children
            .iter()
            .find(|n| n.field.as_deref() == Some("extensions/basicConstraints"))
            .unwrap();
        assert!(bc.children.last().unwrap().encapsulates);
    }

    #[test]
    fn truncation_and_depth_are_errors_with_offsets() {
        let der = leaf_der();
        let err = tree(&der[..der.len() - 10], "certificate").unwrap_err();
        assert_eq!(err.offset, Some(0));
        assert!(err.problem.contains("truncated"), "{err}");
        let mut nested = Vec::new();
        for _ in 0..100 {
            nested.insert(0, 0x30);
        }
        // 100 nested SEQUENCEs of growing length, built inside out.
        let mut element: Vec<u8> = vec![0x05, 0x00];
        for _ in 0..100 {
            let mut outer = vec![0x30, 0x82];
            outer.extend_from_slice(&u16::try_from(element.len()).unwrap().to_be_bytes());
            outer.extend_from_slice(&element);
            element = outer;
        }
        let err = tree(&element, "input").unwrap_err();
        assert!(err.problem.contains("nested"), "{err}");
    }
}
