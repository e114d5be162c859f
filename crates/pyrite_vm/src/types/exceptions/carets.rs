//! The caret line under a traceback entry's source line (CPython 3.11):
//! `^^^^` under the failing expression, or `~~~^~~~` for a binary operation
//! (operator `^`, operands `~`) and `~~~^^^^` for a subscript.
//!
//! CPython finds the operator by parsing the expression's source text; this
//! module does the same with a small tokenizer that recognises the two
//! shapes that get anchors (a top-level binary operation or subscript).

use pyrite_compiler::bytecode::Location;

/// The caret line (with its 4-space indent) for the instruction at `loc` on
/// source line `line`, or `None` when the markers would span the whole line.
pub(super) fn caret_line(line: &str, loc: &Location) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let trunc = chars.iter().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count();
    let stripped_len = line.trim_start_matches([' ', '\t', '\x0c']).trim_end().chars().count();
    let start = byte_to_char(line, loc.col as usize)?;
    let (end, anchors) = if loc.end_line == loc.line {
        let end = byte_to_char(line, loc.end_col as usize)?;
        if end <= start {
            return None;
        }
        let anchors = anchors(&chars[start..end]).map(|(l, r)| (l + start, r + start));
        (end, anchors)
    } else {
        (chars.iter().rposition(|c| !c.is_whitespace()).map_or(0, |i| i + 1), None)
    };
    if start < trunc || end <= start || (end - start == stripped_len && anchors.is_none()) {
        return None;
    }
    let mut out = String::from("    ");
    for i in trunc..end {
        out.push(match anchors {
            _ if i < start => ' ',
            Some((l, r)) if (l..r).contains(&i) => '^',
            Some(_) => '~',
            None => '^',
        });
    }
    Some(out)
}

fn byte_to_char(line: &str, byte: usize) -> Option<usize> {
    line.get(..byte).map(|s| s.chars().count())
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Tok {
    /// Identifier, number or string: ends an operand.
    Atom,
    /// A keyword that can't appear inside a plain binary expression at top level.
    Keyword,
    Op(&'static str),
    Open(char),
    Close(char),
}

/// A token and its char span in the segment.
#[derive(Clone, Copy, Debug)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=",
    "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "=",
    ".", ",", ":", ";",
];

const KEYWORDS: &[&str] = &[
    "if", "else", "lambda", "and", "or", "not", "in", "is", "for", "async", "await", "yield", "return", "del",
    "raise", "assert", "import", "from", "global", "nonlocal", "pass", "break", "continue", "while", "with",
    "def", "class", "try", "except", "finally", "elif", "as",
];

fn tokenize(s: &[char]) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c.is_whitespace() || c == '\\' {
            i += 1;
            continue;
        }
        let start = i;
        let tok = if c.is_alphanumeric() || c == '_' || (c == '.' && s.get(i + 1).is_some_and(char::is_ascii_digit)) {
            let number = s[start].is_ascii_digit() || s[start] == '.';
            while i < s.len() && (s[i].is_alphanumeric() || s[i] == '_' || (s[i] == '.' && number)) {
                // The sign of an exponent belongs to the number (`1e-5`).
                let exponent_sign = number
                    && matches!(s[i], 'e' | 'E')
                    && !s[start..i].iter().any(|c| matches!(c, 'x' | 'X'))
                    && matches!(s.get(i + 1), Some('+' | '-'))
                    && s.get(i + 2).is_some_and(char::is_ascii_digit);
                i += if exponent_sign { 2 } else { 1 };
            }
            if i < s.len() && (s[i] == '\'' || s[i] == '"') && i - start <= 3 {
                i = skip_string(s, i)?;
                Tok::Atom
            } else {
                let word: String = s[start..i].iter().collect();
                if KEYWORDS.contains(&word.as_str()) {
                    Tok::Keyword
                } else {
                    Tok::Atom
                }
            }
        } else if c == '\'' || c == '"' {
            i = skip_string(s, i)?;
            Tok::Atom
        } else if "([{".contains(c) {
            i += 1;
            Tok::Open(c)
        } else if ")]}".contains(c) {
            i += 1;
            Tok::Close(c)
        } else {
            let op = OPERATORS.iter().find(|op| op.chars().enumerate().all(|(k, oc)| s.get(i + k) == Some(&oc)))?;
            i += op.chars().count();
            Tok::Op(op)
        };
        out.push(Token { tok, start, end: i });
    }
    Some(out)
}

/// Index after the string literal starting with the quote at `i`.
fn skip_string(s: &[char], i: usize) -> Option<usize> {
    let q = s[i];
    let triple = s.get(i + 1) == Some(&q) && s.get(i + 2) == Some(&q);
    let (mut j, qlen) = if triple { (i + 3, 3) } else { (i + 1, 1) };
    while j < s.len() {
        if s[j] == '\\' {
            j += 2;
            continue;
        }
        if s[j] == q && (qlen == 1 || (s.get(j + 1) == Some(&q) && s.get(j + 2) == Some(&q))) {
            return Some(j + qlen);
        }
        j += 1;
    }
    None
}

/// Binding power of a binary operator (higher binds tighter).
fn precedence(op: &str) -> Option<u8> {
    Some(match op {
        "|" => 1,
        "^" => 2,
        "&" => 3,
        "<<" | ">>" => 4,
        "+" | "-" => 5,
        "*" | "/" | "//" | "%" | "@" => 6,
        "**" => 8,
        _ => return None,
    })
}

fn ends_operand(t: &Token) -> bool {
    matches!(t.tok, Tok::Atom | Tok::Close(_))
}

/// Bracket structure: for each token, the index of its matching bracket.
fn match_brackets(toks: &[Token]) -> Option<Vec<Option<usize>>> {
    let mut m = vec![None; toks.len()];
    let mut stack = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t.tok {
            Tok::Open(_) => stack.push(i),
            Tok::Close(c) => {
                let o = stack.pop()?;
                let expected = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                if toks[o].tok != Tok::Open(expected) {
                    return None;
                }
                m[o] = Some(i);
                m[i] = Some(o);
            }
            _ => {}
        }
    }
    stack.is_empty().then_some(m)
}

/// Whether the parenthesised group opening at `open` only groups an
/// expression (its AST node's position excludes the parentheses).
fn is_grouping(toks: &[Token], m: &[Option<usize>], open: usize) -> bool {
    let Some(close) = m[open] else { return false };
    if toks[open].tok != Tok::Open('(') || close == open + 1 || (open > 0 && ends_operand(&toks[open - 1])) {
        return false;
    }
    let mut depth = 0;
    for t in &toks[open + 1..close] {
        match t.tok {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => depth -= 1,
            Tok::Op(",") | Tok::Keyword if depth == 0 => return false,
            _ => {}
        }
    }
    true
}

/// (left_end, right_start) char offsets in `seg` of the operator (binary
/// operation) or the `[...]` (subscript) when `seg` is such an expression.
fn anchors(seg: &[char]) -> Option<(usize, usize)> {
    let toks = tokenize(seg)?;
    let m = match_brackets(&toks)?;
    let mut top = Vec::new();
    let mut depth = 0;
    for (i, t) in toks.iter().enumerate() {
        match t.tok {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => depth -= 1,
            _ if depth == 0 => top.push(i),
            _ => {}
        }
    }
    let mut binary: Vec<(usize, u8)> = Vec::new();
    for &i in &top {
        match toks[i].tok {
            Tok::Keyword => return None,
            Tok::Op(op) => match precedence(op) {
                Some(p) if i > 0 && ends_operand(&toks[i - 1]) => binary.push((i, p)),
                Some(_) if matches!(op, "+" | "-") => {}
                _ if matches!(op, "~" | ".") => {}
                _ => return None,
            },
            _ => {}
        }
    }
    let leading_unary = matches!(toks.first()?.tok, Tok::Op("+" | "-" | "~"));
    let Some(lowest) = binary.iter().map(|&(_, p)| p).min() else {
        return if leading_unary { None } else { subscript_anchors(&toks, &m) };
    };
    if lowest == 8 && leading_unary {
        return None;
    }
    let mut at_level = binary.iter().filter(|&&(_, p)| p == lowest).map(|&(i, _)| i);
    let op = if lowest == 8 { at_level.next()? } else { at_level.next_back()? };
    binop_anchors(seg, &toks, &m, op)
}

fn binop_anchors(seg: &[char], toks: &[Token], m: &[Option<usize>], op: usize) -> Option<(usize, usize)> {
    // The left operand's end and the right operand's start exclude grouping parentheses.
    let mut l = op - 1;
    while matches!(toks[l].tok, Tok::Close(')')) && is_grouping(toks, m, m[l]?) {
        l -= 1;
    }
    let mut r = op + 1;
    while r < toks.len() && toks[r].tok == Tok::Open('(') && is_grouping(toks, m, r) {
        r += 1;
    }
    let (left_end, right_start) = (toks[l].end, toks.get(r)?.start);
    let mut found = None;
    let mut i = left_end;
    while i < right_start {
        if seg[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut right = i + 1;
        if i + 1 < right_start && !seg[i + 1].is_whitespace() {
            right += 1;
        }
        found = Some((i, right));
        if i + 1 < right_start && seg[i] == ')' {
            i += 1;
            continue;
        }
        break;
    }
    found
}

fn subscript_anchors(toks: &[Token], m: &[Option<usize>]) -> Option<(usize, usize)> {
    let last = toks.len() - 1;
    if toks[last].tok != Tok::Close(']') {
        return None;
    }
    let open = m[last]?;
    if open == 0 || !ends_operand(&toks[open - 1]) {
        return None;
    }
    Some((toks[open].start, toks[last].end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn carets(line: &str, seg: &str) -> Option<String> {
        let col = line.find(seg).unwrap() as u32;
        let loc = Location { line: 1, end_line: 1, col, end_col: col + seg.len() as u32 };
        caret_line(line, &loc)
    }

    #[test]
    fn binary_and_subscript_markers() {
        assert_eq!(carets("    return a  //  0", "a  //  0").as_deref(), Some("           ~~~^^~~~"));
        assert_eq!(carets("    return (a) * b", "(a) * b").as_deref(), Some("           ~~~~^~~"));
        assert_eq!(carets("    return d['x']", "d['x']").as_deref(), Some("           ~^^^^^"));
        assert_eq!(carets("    1/0", "1/0").as_deref(), Some("    ~^~"));
        assert_eq!(carets("x = 1 + (None)", "1 + (None)").as_deref(), Some("        ~~^~~~~~~~"));
        assert_eq!(carets("print(x['k'][0] + x['k'][1] * (1/0))", "1/0").as_deref(), Some("                                   ~^~"));
        assert_eq!(carets("y = 1e-5 * x", "1e-5 * x").as_deref(), Some("        ~~~~~^~~"));
    }

    #[test]
    fn plain_markers_and_elision() {
        assert_eq!(carets("    fn()", "fn()"), None);
        assert_eq!(carets("    return f(x)", "f(x)").as_deref(), Some("           ^^^^"));
        assert_eq!(carets("    x = -a", "-a").as_deref(), Some("        ^^"));
        assert_eq!(carets("    y = not a + b", "not a + b").as_deref(), Some("        ^^^^^^^^^"));
    }
}
