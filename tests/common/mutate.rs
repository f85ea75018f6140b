//! Deterministic, structure-aware mutation of DER: the input is read as a tree of
//! tag-length-value elements (looking inside OCTET STRINGs and BIT STRINGs that hold DER, as
//! extension values and public keys do), one element is changed, and the tree is encoded again
//! with consistent lengths, so the change lands deep inside a certificate instead of breaking
//! its outer SEQUENCE.
//!
//! Shared, dependency-free, by the native mutation test (`tests/mutations.rs`), the wasm
//! survival test (`wasm/tests/survive.rs`) and the fuzz mutator (`fuzz/`), each of which
//! includes this file with `#[path]`.

#![allow(dead_code)]

/// Deepest nesting the tree reader follows; deeper content is kept as opaque bytes.
pub const MAX_TREE_DEPTH: usize = 40;

/// Largest output a mutation may produce, in bytes.
pub const MAX_OUTPUT: usize = 64 * 1024;

/// A small deterministic generator (SplitMix64): the same seed gives the same mutations on
/// every platform, native and wasm.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            return 0;
        }
        let bound = u64::try_from(bound).unwrap_or(u64::MAX);
        usize::try_from(self.next_u64() % bound).unwrap_or(0)
    }

    /// True with probability 1/`n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// One element of `items` (which must not be empty).
    pub fn pick<T: Copy>(&mut self, items: &[T], fallback: T) -> T {
        items
            .get(self.below(items.len()))
            .copied()
            .unwrap_or(fallback)
    }
}

/// The contents of one element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// Primitive contents, or contents that did not parse as DER.
    Bytes(Vec<u8>),
    /// Constructed: the child elements.
    Children(Vec<Element>),
    /// An OCTET STRING or BIT STRING whose contents are DER: `prefix` is the unused-bits octet
    /// of a BIT STRING (empty for an OCTET STRING).
    Encapsulated {
        /// Octets before the encapsulated elements.
        prefix: Vec<u8>,
        /// The encapsulated elements.
        children: Vec<Element>,
    },
}

/// One tag-length-value element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// The identifier octets (one, or several for high tag numbers).
    pub tag: Vec<u8>,
    /// Length octets to write instead of the correct ones (a deliberately wrong length).
    pub length_override: Option<Vec<u8>>,
    /// The contents.
    pub body: Body,
}

/// Reads `bytes` as a sequence of elements. `None` when they do not parse completely.
pub fn parse(bytes: &[u8]) -> Option<Vec<Element>> {
    parse_level(bytes, 0)
}

fn parse_level(mut bytes: &[u8], depth: usize) -> Option<Vec<Element>> {
    let mut elements = Vec::new();
    while !bytes.is_empty() {
        let (element, rest) = parse_one(bytes, depth)?;
        elements.push(element);
        bytes = rest;
    }
    Some(elements)
}

fn parse_one(bytes: &[u8], depth: usize) -> Option<(Element, &[u8])> {
    let first = *bytes.first()?;
    let mut position = 1usize;
    if first & 0x1f == 0x1f {
        // High tag number: base-128 octets, the last without the top bit.
        loop {
            let b = *bytes.get(position)?;
            position += 1;
            if b & 0x80 == 0 {
                break;
            }
            if position > 6 {
                return None;
            }
        }
    }
    let tag = bytes.get(..position)?.to_vec();
    let length_first = *bytes.get(position)?;
    position += 1;
    let length = if length_first < 0x80 {
        usize::from(length_first)
    } else {
        let count = usize::from(length_first & 0x7f);
        if count == 0 || count > 4 {
            return None;
        }
        let mut length = 0usize;
        for _ in 0..count {
            length = (length << 8) | usize::from(*bytes.get(position)?);
            position += 1;
        }
        length
    };
    let end = position.checked_add(length)?;
    let contents = bytes.get(position..end)?;
    let rest = bytes.get(end..)?;
    let constructed = first & 0x20 != 0;
    let body = if depth >= MAX_TREE_DEPTH {
        Body::Bytes(contents.to_vec())
    } else if constructed {
        match parse_level(contents, depth + 1) {
            Some(children) => Body::Children(children),
            None => Body::Bytes(contents.to_vec()),
        }
    } else {
        encapsulated(first, contents, depth)
    };
    Some((
        Element {
            tag,
            length_override: None,
            body,
        },
        rest,
    ))
}

/// Looks inside an OCTET STRING or BIT STRING for DER (extension values, public keys).
fn encapsulated(tag: u8, contents: &[u8], depth: usize) -> Body {
    let split = match tag {
        0x04 => Some(0),
        0x03 if contents.first() == Some(&0) => Some(1),
        _ => None,
    };
    if let Some(split) = split {
        if let (Some(prefix), Some(inner)) = (contents.get(..split), contents.get(split..)) {
            // Only SEQUENCE, SET or a primitive string-like head counts as DER inside.
            if matches!(inner.first(), Some(0x30 | 0x31 | 0x02 | 0x03 | 0x04 | 0x06)) {
                if let Some(children) = parse_level(inner, depth + 1) {
                    return Body::Encapsulated {
                        prefix: prefix.to_vec(),
                        children,
                    };
                }
            }
        }
    }
    Body::Bytes(contents.to_vec())
}

/// Encodes elements, writing correct lengths except where a length is overridden.
pub fn encode(elements: &[Element]) -> Vec<u8> {
    let mut out = Vec::new();
    for element in elements {
        encode_one(element, &mut out);
    }
    out
}

fn encode_one(element: &Element, out: &mut Vec<u8>) {
    let contents = match &element.body {
        Body::Bytes(bytes) => bytes.clone(),
        Body::Children(children) => encode(children),
        Body::Encapsulated { prefix, children } => {
            let mut contents = prefix.clone();
            contents.extend(encode(children));
            contents
        }
    };
    out.extend_from_slice(&element.tag);
    match &element.length_override {
        Some(length) => out.extend_from_slice(length),
        None => out.extend(length_octets(contents.len())),
    }
    out.extend(contents);
}

/// DER length octets for `length`.
pub fn length_octets(length: usize) -> Vec<u8> {
    if length < 0x80 {
        return vec![u8::try_from(length).unwrap_or(0)];
    }
    let bytes = length.to_be_bytes();
    let skip = bytes.iter().take_while(|&&b| b == 0).count();
    let significant = bytes.get(skip..).unwrap_or_default();
    let mut out = vec![0x80 | u8::try_from(significant.len()).unwrap_or(0)];
    out.extend_from_slice(significant);
    out
}

/// Number of elements in the tree (pre-order).
fn count(elements: &[Element]) -> usize {
    elements.iter().map(subtree_size).sum()
}

/// The element itself plus everything below it.
fn subtree_size(element: &Element) -> usize {
    1 + match &element.body {
        Body::Bytes(_) => 0,
        Body::Children(c) | Body::Encapsulated { children: c, .. } => count(c),
    }
}

/// The `index`-th element (pre-order).
fn element_at(elements: &[Element], mut index: usize) -> Option<&Element> {
    for element in elements {
        if index == 0 {
            return Some(element);
        }
        index -= 1;
        let size = subtree_size(element);
        if index < size {
            return match &element.body {
                Body::Children(c) | Body::Encapsulated { children: c, .. } => element_at(c, index),
                Body::Bytes(_) => None,
            };
        }
        index -= size;
    }
    None
}

/// The list holding the `index`-th element (pre-order) and its position in that list.
fn locate(elements: &mut Vec<Element>, mut index: usize) -> Option<(&mut Vec<Element>, usize)> {
    let mut position = 0usize;
    loop {
        if position >= elements.len() {
            return None;
        }
        if index == 0 {
            return Some((elements, position));
        }
        index -= 1;
        let size = subtree_size(elements.get(position)?);
        if index < size {
            break;
        }
        index -= size;
        position += 1;
    }
    match &mut elements.get_mut(position)?.body {
        Body::Children(children) | Body::Encapsulated { children, .. } => locate(children, index),
        Body::Bytes(_) => None,
    }
}

/// Tags a swapped element may get: universal types certificates use, context-specific tags of
/// both forms, and a high tag number.
const TAGS: &[&[u8]] = &[
    &[0x01],
    &[0x02],
    &[0x03],
    &[0x04],
    &[0x05],
    &[0x06],
    &[0x0c],
    &[0x13],
    &[0x16],
    &[0x17],
    &[0x18],
    &[0x1e],
    &[0x30],
    &[0x31],
    &[0x80],
    &[0x81],
    &[0x82],
    &[0x86],
    &[0x87],
    &[0xa0],
    &[0xa1],
    &[0xa3],
    &[0xa4],
    &[0x1f, 0x81, 0x00],
];

/// Wrong length octets: off by one, zero, indefinite, huge, non-minimal, truncated.
fn wrong_length(rng: &mut Rng, correct: usize) -> Vec<u8> {
    match rng.below(8) {
        0 => length_octets(correct.saturating_add(1)),
        1 => length_octets(correct.saturating_sub(1)),
        2 => vec![0x00],
        3 => vec![0x80],
        4 => vec![0x84, 0xff, 0xff, 0xff, 0xff],
        5 => {
            // Non-minimal long form (valid BER, invalid DER).
            let mut octets = vec![0x82];
            octets.extend_from_slice(&u16::try_from(correct).unwrap_or(u16::MAX).to_be_bytes());
            octets
        }
        6 => vec![0x88, 0, 0, 0, 0, 0, 0, 0, 1],
        _ => vec![0x81],
    }
}

/// Interesting contents for a primitive element.
fn interesting_bytes(rng: &mut Rng, old: &[u8]) -> Vec<u8> {
    let mut bytes = old.to_vec();
    match rng.below(9) {
        0 => bytes.clear(),
        1 => bytes = vec![0x00],
        2 => bytes = vec![0xff; 1 + rng.below(40)],
        3 => bytes = vec![0x80],
        4 => {
            if let Some(b) = bytes.get_mut(rng.below(old.len())) {
                *b ^= 1 << rng.below(8);
            }
        }
        5 => {
            if let Some(b) = bytes.get_mut(rng.below(old.len())) {
                *b = rng.pick(&[0x00, 0x7f, 0x80, 0xff, b'*', b'.', b'@', b'\\', b','], 0);
            }
        }
        6 => bytes.insert(
            rng.below(old.len() + 1),
            rng.pick(&[0x00, 0xff, b'.', 0x80], 0),
        ),
        7 => bytes.extend_from_within(..),
        _ => {
            let keep = rng.below(old.len() + 1);
            bytes.truncate(keep);
        }
    }
    bytes
}

/// Applies one element-level change to the tree. Returns false when the tree is empty.
pub fn mutate_tree(tree: &mut Vec<Element>, rng: &mut Rng) -> bool {
    let total = count(tree);
    if total == 0 {
        return false;
    }
    let donor = element_at(tree, rng.below(total)).cloned();
    let index = rng.below(total);
    let Some((list, position)) = locate(tree, index) else {
        return false;
    };
    let Some(element) = list.get(position).cloned() else {
        return false;
    };
    match rng.below(10) {
        0 => {
            let correct = encode(std::slice::from_ref(&element))
                .len()
                .saturating_sub(element.tag.len() + 1);
            if let Some(e) = list.get_mut(position) {
                e.length_override = Some(wrong_length(rng, correct));
            }
        }
        1 => {
            let tag = rng.pick(TAGS, &[0x04]).to_vec();
            if let Some(e) = list.get_mut(position) {
                e.tag = tag;
            }
        }
        2 => {
            if let Some(e) = list.get_mut(position) {
                if let Some(first) = e.tag.first_mut() {
                    *first ^= 0x20;
                }
            }
        }
        3 => list.insert(position, element),
        4 => {
            list.remove(position);
        }
        5 => {
            // Truncate: fewer children, or shorter contents.
            if let Some(e) = list.get_mut(position) {
                match &mut e.body {
                    Body::Bytes(bytes) => {
                        let keep = rng.below(bytes.len() + 1);
                        bytes.truncate(keep);
                    }
                    Body::Children(children) | Body::Encapsulated { children, .. } => {
                        let keep = rng.below(children.len() + 1);
                        children.truncate(keep);
                    }
                }
            }
        }
        6 => {
            // Nest deeper: wrap in one or more SEQUENCE / SET / [0] / OCTET STRING layers.
            let layers = if rng.one_in(8) { 1 + rng.below(80) } else { 1 };
            let mut wrapped = element;
            for _ in 0..layers {
                let tag = rng.pick(&[0x30u8, 0x31, 0xa0, 0x04], 0x30);
                let body = if tag == 0x04 {
                    Body::Encapsulated {
                        prefix: Vec::new(),
                        children: vec![wrapped],
                    }
                } else {
                    Body::Children(vec![wrapped])
                };
                wrapped = Element {
                    tag: vec![tag],
                    length_override: None,
                    body,
                };
            }
            if let Some(e) = list.get_mut(position) {
                *e = wrapped;
            }
        }
        7 => {
            if let Some(donor) = donor {
                if let Some(e) = list.get_mut(position) {
                    *e = donor;
                }
            }
        }
        8 => {
            // Repeat the element: a few times, now and then many (a large SEQUENCE OF).
            let copies = if rng.one_in(8) {
                1 + rng.below(200)
            } else {
                1 + rng.below(4)
            };
            for _ in 0..copies {
                list.insert(position, element.clone());
            }
        }
        _ => {
            if let Some(e) = list.get_mut(position) {
                let new = match &e.body {
                    Body::Bytes(bytes) => interesting_bytes(rng, bytes),
                    other => interesting_bytes(rng, &encode_body(other)),
                };
                e.body = Body::Bytes(new);
            }
        }
    }
    true
}

fn encode_body(body: &Body) -> Vec<u8> {
    match body {
        Body::Bytes(bytes) => bytes.clone(),
        Body::Children(children) => encode(children),
        Body::Encapsulated { prefix, children } => {
            let mut out = prefix.clone();
            out.extend(encode(children));
            out
        }
    }
}

/// One mutant of `der`: one to three element-level changes, re-encoded, sometimes cut short.
/// Input that is not DER gets byte-level changes instead.
pub fn mutate(der: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = match parse(der) {
        Some(mut tree) if !tree.is_empty() => {
            let rounds = 1 + rng.below(3);
            for _ in 0..rounds {
                mutate_tree(&mut tree, rng);
            }
            encode(&tree)
        }
        _ => interesting_bytes(rng, der),
    };
    if rng.one_in(16) {
        let keep = rng.below(out.len() + 1);
        out.truncate(keep);
    }
    out.truncate(MAX_OUTPUT);
    out
}

/// The DER of every PEM block in `text` (any label), decoded without dependencies.
pub fn pem_blocks(text: &str) -> Vec<Vec<u8>> {
    let mut blocks = Vec::new();
    let mut body: Option<String> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("-----BEGIN ") {
            body = Some(String::new());
        } else if line.starts_with("-----END ") {
            if let Some(b) = body.take().and_then(|b| base64(&b)) {
                blocks.push(b);
            }
        } else if let Some(b) = body.as_mut() {
            if !line.contains(':') {
                b.push_str(line);
            }
        }
    }
    blocks
}

fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((buffer >> bits) & 0xff).unwrap_or(0));
        }
    }
    Some(out)
}

/// The DER seeds in a fixture file: the file itself when it is DER, else its PEM blocks.
pub fn seeds(file: &[u8]) -> Vec<Vec<u8>> {
    if file.first() == Some(&0x30) {
        return vec![file.to_vec()];
    }
    match std::str::from_utf8(file) {
        Ok(text) if text.contains("-----BEGIN ") => pem_blocks(text),
        _ => Vec::new(),
    }
}
