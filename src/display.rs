//! Characters that make text read differently from what it says.
//!
//! A certificate's names are attacker-chosen text. A right-to-left override (U+202E) in an
//! organization name reorders what follows it on screen; a zero-width space splits a name
//! that looks whole; a C0 or C1 control moves the cursor, ends a line or is simply invisible.
//! [`is_display_control`] names them once; the lint `w_name_display_control_characters`
//! reports them and every text output (the CLI's text mode, the page, the web component)
//! shows them escaped as `\u{202E}` with [`escape`], never raw.

use std::borrow::Cow;

/// Whether `c` changes how the surrounding text is displayed without being visible itself:
/// C0 controls (U+0000..U+001F) and DEL, C1 controls (U+0080..U+009F), the bidirectional
/// formatting characters of Unicode UAX #9 (U+061C ALM, U+200E LRM, U+200F RLM,
/// U+202A..U+202E embeddings and overrides, U+2066..U+2069 isolates) and the zero-width
/// and invisible characters of Unicode UTS #39's default-ignorable set that spoofing uses
/// (U+00AD soft hyphen, U+180E, U+200B..U+200D, U+2060..U+2064, U+FEFF).
pub fn is_display_control(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// `text` with every [display control](is_display_control) written as `\u{XXXX}`
/// (uppercase hex, at least four digits). Borrowed when there is none.
///
/// ```
/// use certscope::display::escape;
/// assert_eq!(escape("Example\u{202E}gnp.exe"), "Example\\u{202E}gnp.exe");
/// assert_eq!(escape("line\nbreak"), "line\\u{000A}break");
/// assert_eq!(escape("plain é"), "plain é");
/// ```
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_where(text, is_display_control)
}

/// [`escape`] for text made of lines: line feeds are kept, everything else is escaped.
pub fn escape_lines(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| c != '\n' && is_display_control(c))
}

/// The display controls in `text`, in order (for messages).
pub fn controls_in(text: &str) -> Vec<char> {
    text.chars().filter(|&c| is_display_control(c)).collect()
}

fn escape_where(text: &str, escaped: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_is_escaped() {
        for (raw, shown) in [
            ("a\u{0}b", "a\\u{0000}b"),
            ("a\u{1b}[31mb", "a\\u{001B}[31mb"),
            ("a\u{7f}", "a\\u{007F}"),
            ("a\u{85}", "a\\u{0085}"),
            ("\u{202e}fdp.exe", "\\u{202E}fdp.exe"),
            ("a\u{2066}b\u{2069}", "a\\u{2066}b\\u{2069}"),
            ("pay\u{200b}pal", "pay\\u{200B}pal"),
            ("\u{feff}x", "\\u{FEFF}x"),
            ("tab\there", "tab\\u{0009}here"),
        ] {
            assert_eq!(escape(raw), shown);
        }
        assert!(matches!(escape("Ünïcödé 日本"), Cow::Borrowed(_)));
        assert_eq!(escape_lines("a\nb\u{202e}"), "a\nb\\u{202E}");
        assert_eq!(
            controls_in("a\u{202e}b\u{200b}"),
            vec!['\u{202e}', '\u{200b}']
        );
    }
}
