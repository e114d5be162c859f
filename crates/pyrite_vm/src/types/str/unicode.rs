//! Character classes used by `str` methods and repr: CPython 3.11's Unicode
//! database (tables in `unicode_tables.rs`) plus Rust's case properties.

use super::unicode_tables as tables;

/// Whether `c` lies in one of the sorted inclusive ranges of `table`.
fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let v = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < v {
                std::cmp::Ordering::Less
            } else if lo > v {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `str.isspace()` for one char (bidi class WS/B/S or category Zs).
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Line boundaries recognised by `str.splitlines()`.
pub(crate) fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// CPython's `str.isprintable()` for one char: not a control, format,
/// surrogate, private-use or unassigned char, nor a separator other than space.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_table(tables::PRINTABLE, c)
}

/// First code points of runs of ten decimal digits (category Nd).
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
    0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
    0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0,
    0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The decimal value of `c` if it is a decimal digit (category Nd).
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    let v = c as u32;
    DECIMAL_ZEROS.iter().find(|&&z| (z..z + 10).contains(&v)).map(|z| v - z)
}

/// `str.isdecimal()` for one char.
pub(crate) fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `str.isdigit()` for one char (decimals plus superscripts, circled digits ...).
pub(crate) fn is_digit(c: char) -> bool {
    in_table(tables::DIGIT, c)
}

/// `str.isnumeric()` for one char.
pub(crate) fn is_numeric(c: char) -> bool {
    in_table(tables::NUMERIC, c)
}

/// `str.isalpha()` for one char (categories Lu, Ll, Lt, Lm, Lo).
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(tables::ALPHA, c)
}

/// `str.isalnum()` for one char.
pub(crate) fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// Titlecase letters (category Lt).
pub(crate) fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && in_table(tables::TITLE, c)
}

/// Uppercase characters (Rust's property, limited to chars assigned in
/// CPython's Unicode version).
pub(crate) fn is_upper(c: char) -> bool {
    c.is_uppercase() && (c.is_ascii() || in_table(tables::PRINTABLE, c))
}

/// Lowercase characters (see [`is_upper`]).
pub(crate) fn is_lower(c: char) -> bool {
    c.is_lowercase() && (c.is_ascii() || in_table(tables::PRINTABLE, c))
}

/// Cased characters (upper, lower or title case).
pub(crate) fn is_cased(c: char) -> bool {
    is_lower(c) || is_upper(c) || is_titlecase(c)
}

/// Chars whose case mappings were added after Unicode 14 (Rust's tables
/// are newer); CPython 3.11 maps them to themselves.
const CASE_LOCKED: &[(u32, u32)] = &[
    (0x19B, 0x19B), (0x264, 0x264), (0x1C89, 0x1C8A), (0xA7CB, 0xA7CF), (0xA7D2, 0xA7D5), (0xA7DA, 0xA7DC),
    (0x10D50, 0x10D65), (0x10D70, 0x10D85), (0x16EA0, 0x16EB8), (0x16EBB, 0x16ED3),
];

/// Append the uppercase mapping of `c`.
pub(crate) fn push_upper(c: char, out: &mut String) {
    if in_table(CASE_LOCKED, c) {
        out.push(c);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// Append the lowercase mapping of `c` (no final-sigma context; see [`lower_at`]).
fn push_lower(c: char, out: &mut String) {
    if in_table(CASE_LOCKED, c) {
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// The entry of a mapping table for `c`, if any.
fn mapped(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let v = c as u32;
    table.binary_search_by_key(&v, |&(k, _)| k).ok().map(|i| table[i].1)
}

/// Title-case mapping of one char (the uppercase mapping unless CPython's
/// database has a distinct title case).
pub(crate) fn to_title(c: char, out: &mut String) {
    match mapped(tables::TITLE_CASE, c) {
        Some(t) => out.push_str(t),
        None => push_upper(c, out),
    }
}

/// Full case folding of one char (the lowercase mapping unless CPython's
/// database folds differently).
pub(crate) fn casefold(c: char, out: &mut String) {
    match mapped(tables::CASEFOLD, c) {
        Some(t) => out.push_str(t),
        None => push_lower(c, out),
    }
}

/// Characters that may start an identifier (XID_Start and `_`).
pub(crate) fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        return c == '_' || c.is_ascii_alphabetic();
    }
    in_table(tables::ID_START, c)
}

/// Characters that may continue an identifier (XID_Continue).
pub(crate) fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c == '_' || c.is_ascii_alphanumeric();
    }
    in_table(tables::ID_CONTINUE, c)
}

/// Common combining marks (categories Mn/Mc), for the final-sigma context.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x483..=0x487 | 0x591..=0x5BD | 0x610..=0x61A | 0x64B..=0x65F | 0x900..=0x903 | 0x93A..=0x94F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200C | 0x200D | 0xB7)
}

/// Characters skipped when looking for the context of a capital sigma
/// (Case_Ignorable, approximated).
fn is_case_ignorable(c: char) -> bool {
    matches!(c, '\'' | '.' | ':' | '^' | '`' | '\u{b7}' | '\u{2019}' | '\u{ad}') || is_combining(c)
}

/// Lowercase `chars[i]` into `out`, with the final-sigma rule: a capital
/// sigma preceded by a cased letter and not followed by one becomes `ς`.
pub(crate) fn lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c != 'Σ' {
        push_lower(c, out);
        return;
    }
    let before = chars[..i].iter().rev().find(|c| !is_case_ignorable(**c)).is_some_and(|c| is_cased(*c));
    let after = chars[i + 1..].iter().find(|c| !is_case_ignorable(**c)).is_some_and(|c| is_cased(*c));
    out.push(if before && !after { 'ς' } else { 'σ' });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_match_cpython() {
        assert!(is_printable('é') && !is_printable('\u{a0}') && !is_printable('\u{378}') && !is_printable('\u{e000}'));
        assert!(is_alpha('é') && !is_alpha('\u{345}') && !is_alpha('1'));
        assert!(is_digit('²') && !is_decimal('²') && is_decimal('٣') && is_numeric('½') && is_numeric('一'));
        assert!(is_titlecase('ǅ') && !is_titlecase('A'));
        assert!(is_id_start('é') && !is_id_start('1') && is_id_continue('1') && is_id_continue('\u{301}'));
        assert!(py_isspace('\x1c') && py_isspace('\u{3000}') && !py_isspace('\u{200b}'));
    }

    #[test]
    fn final_sigma() {
        let chars: Vec<char> = "AΣ ΣA Σ".chars().collect();
        let mut out = String::new();
        for i in 0..chars.len() {
            lower_at(&chars, i, &mut out);
        }
        assert_eq!(out, "aς σa σ");
    }
}
