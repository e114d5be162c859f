//! JSON string literals: the escaping of `encode_basestring_ascii` (every
//! char outside printable ASCII as `\uXXXX`) and `encode_basestring` (only
//! `"`, `\` and control chars escaped).

/// What a byte becomes inside a literal.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Copied as is.
    Plain,
    /// Escaped (an ASCII byte).
    Escape,
    /// The first byte of a non-ASCII char (escaped in ASCII mode only).
    NonAscii,
}

const fn class_table(ascii: bool) -> [Class; 256] {
    let mut t = [Class::Plain; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = if i < 0x20 || i == b'"' as usize || i == b'\\' as usize || (ascii && i == 0x7f) {
            Class::Escape
        } else if ascii && i >= 0x80 {
            Class::NonAscii
        } else {
            Class::Plain
        };
        i += 1;
    }
    t
}

static ASCII_CLASSES: [Class; 256] = class_table(true);
static UNICODE_CLASSES: [Class; 256] = class_table(false);

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Append `\uXXXX` (lowercase hex) for a code unit.
fn push_unit(out: &mut String, u: u32) {
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((u >> shift) & 0xf) as usize] as char);
    }
}

/// Append the escape of an ASCII byte that needs one.
fn push_ascii_escape(out: &mut String, c: u8) {
    match c {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        b'\n' => out.push_str("\\n"),
        b'\r' => out.push_str("\\r"),
        b'\t' => out.push_str("\\t"),
        0x08 => out.push_str("\\b"),
        0x0c => out.push_str("\\f"),
        _ => push_unit(out, u32::from(c)),
    }
}

/// Append `s` as a JSON string literal (with the quotes). `ascii`: escape
/// every non-ASCII char as `\uXXXX`, chars above U+FFFF as a surrogate pair.
pub(super) fn push_quoted(out: &mut String, s: &str, ascii: bool) {
    let classes = if ascii { &ASCII_CLASSES } else { &UNICODE_CLASSES };
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push('"');
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match classes[b[i] as usize] {
            Class::Plain => i += 1,
            Class::Escape => {
                out.push_str(&s[start..i]);
                push_ascii_escape(out, b[i]);
                i += 1;
                start = i;
            }
            Class::NonAscii => {
                out.push_str(&s[start..i]);
                // `i` is a char boundary: only whole chars are stepped over.
                let Some(ch) = s[i..].chars().next() else { break };
                let c = u32::from(ch);
                if c >= 0x10000 {
                    let v = c - 0x10000;
                    push_unit(out, 0xd800 | (v >> 10));
                    push_unit(out, 0xdc00 | (v & 0x3ff));
                } else {
                    push_unit(out, c);
                }
                i += ch.len_utf8();
                start = i;
            }
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::push_quoted;

    fn quoted(s: &str, ascii: bool) -> String {
        let mut out = String::new();
        push_quoted(&mut out, s, ascii);
        out
    }

    #[test]
    fn ascii_mode_escapes_everything_outside_printable_ascii() {
        assert_eq!(quoted("a\"b\\c\n\r\t\x08\x0c\x01\x7f", true), r#""a\"b\\c\n\r\t\b\f\u0001\u007f""#);
        assert_eq!(quoted("é日😀", true), r#""\u00e9\u65e5\ud83d\ude00""#);
    }

    #[test]
    fn unicode_mode_keeps_non_ascii() {
        assert_eq!(quoted("é日😀\x7f\x1f\"", false), "\"é日😀\x7f\\u001f\\\"\"");
        assert_eq!(quoted("", false), "\"\"");
    }
}
