//! A light tokenizer pass run before parsing.
//!
//! It enforces CPython's tokenizer limits that also protect our recursive-descent parser from
//! stack exhaustion (bracket nesting > 200, indentation > 100 levels, very long chains of
//! recursion-prone operators), and it finds the tokenizer-level errors CPython reports with
//! specific messages (unmatched/mismatched/unclosed brackets, unterminated strings, invalid
//! characters); those are used to refine the parser's errors.

use crate::bytecode::ErrorKind;

/// CPython's MAXLEVEL (bracket nesting).
const MAX_PAREN_LEVEL: usize = 200;
/// CPython's MAXINDENT.
const MAX_INDENT: usize = 100;
/// Maximum recursion-prone tokens in one logical line (guards the parser's stack).
const MAX_CHAIN: usize = 10_000;

/// An error found by the pre-scan; positions are 0-based (line, character column).
#[derive(Debug, Clone)]
pub(crate) struct ScanError {
    pub kind: ErrorKind,
    pub msg: String,
    pub start: (usize, usize),
    pub end: (usize, usize),
    /// Fatal errors are reported even when the parser finds nothing (limits).
    pub fatal: bool,
    /// "was never closed": only relevant when the parser fails at end of input.
    pub at_eof: bool,
}

struct Scanner {
    chars: Vec<char>,
    pos: usize,
    line: usize,
    col: usize,
}

impl Scanner {
    fn peek(&self, off: usize) -> Option<char> {
        self.chars.get(self.pos + off).copied()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied()?;
        self.pos += 1;
        if c == '\n' || (c == '\r' && self.peek(0) != Some('\n')) {
            self.line += 1;
            self.col = 0;
        } else {
            self.col += 1;
        }
        Some(c)
    }
}

fn err(msg: impl Into<String>, start: (usize, usize), end: (usize, usize)) -> ScanError {
    ScanError { kind: ErrorKind::SyntaxError, msg: msg.into(), start, end, fatal: false, at_eof: false }
}

fn is_string_prefix(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    matches!(w.as_str(), "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf")
}

/// Scans `src`; returns the first error found (fatal limit errors stop the scan).
pub(crate) fn scan(src: &str) -> Option<ScanError> {
    let mut s = Scanner { chars: src.chars().collect(), pos: 0, line: 0, col: 0 };
    let mut brackets: Vec<(char, usize, usize)> = Vec::new();
    let mut first: Option<ScanError> = None;
    let mut at_line_start = true;
    let mut indents: Vec<usize> = vec![0];
    let mut chain = 0usize;
    // Whether the previous significant token ends an operand (for unary detection).
    let mut prev_operand = false;
    let record = |first: &mut Option<ScanError>, e: ScanError| {
        if first.is_none() {
            *first = Some(e);
        }
    };
    while let Some(c) = s.peek(0) {
        if at_line_start && brackets.is_empty() {
            at_line_start = false;
            let mut width = 0usize;
            while let Some(w) = s.peek(0) {
                match w {
                    ' ' => width += 1,
                    '\t' => width = (width / 8 + 1) * 8,
                    '\x0c' => width = 0,
                    _ => break,
                }
                s.bump();
            }
            match s.peek(0) {
                Some('#' | '\n' | '\r') | None => {}
                Some('\\') if matches!(s.peek(1), Some('\n' | '\r')) => {}
                _ => {
                    let top = *indents.last().unwrap_or(&0);
                    if width > top {
                        indents.push(width);
                        if indents.len() > MAX_INDENT {
                            return Some(ScanError {
                                kind: ErrorKind::IndentationError,
                                msg: "too many levels of indentation".into(),
                                start: (s.line, 0),
                                end: (s.line, 0),
                                fatal: true,
                                at_eof: false,
                            });
                        }
                    } else {
                        while indents.len() > 1 && *indents.last().unwrap_or(&0) > width {
                            indents.pop();
                        }
                    }
                }
            }
            continue;
        }
        let start = (s.line, s.col);
        match c {
            '\n' | '\r' => {
                s.bump();
                if brackets.is_empty() {
                    at_line_start = true;
                    chain = 0;
                }
                prev_operand = false;
            }
            '#' => {
                while !matches!(s.peek(0), Some('\n' | '\r') | None) {
                    s.bump();
                }
            }
            '\\' => {
                s.bump();
                if matches!(s.peek(0), Some('\n' | '\r')) {
                    s.bump();
                    if s.chars.get(s.pos - 1) == Some(&'\r') && s.peek(0) == Some('\n') {
                        s.bump();
                    }
                }
            }
            '\'' | '"' => {
                if let Some(e) = scan_string(&mut s, start) {
                    record(&mut first, e);
                    // Unterminated string: the rest of the line (or file) is consumed.
                }
                prev_operand = true;
            }
            '(' | '[' | '{' => {
                s.bump();
                brackets.push((c, start.0, start.1));
                if brackets.len() > MAX_PAREN_LEVEL {
                    let mut e = err("too many nested parentheses", start, start);
                    e.fatal = true;
                    return Some(e);
                }
                prev_operand = false;
            }
            ')' | ']' | '}' => {
                s.bump();
                match brackets.pop() {
                    None => record(&mut first, err(format!("unmatched '{c}'"), start, start)),
                    Some((open, line, _)) => {
                        let expected = match open {
                            '(' => ')',
                            '[' => ']',
                            _ => '}',
                        };
                        if expected != c {
                            let msg = if line != start.0 {
                                format!(
                                    "closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {}",
                                    line + 1
                                )
                            } else {
                                format!(
                                    "closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                                )
                            };
                            record(&mut first, err(msg, start, start));
                        }
                    }
                }
                prev_operand = true;
            }
            c if c.is_alphabetic() || c == '_' || (c as u32) >= 0x80 && is_ident_char(c) => {
                let mut word = String::new();
                while let Some(w) = s.peek(0) {
                    if w.is_alphanumeric() || w == '_' || (w as u32 >= 0x80 && is_ident_char(w)) {
                        word.push(w);
                        s.bump();
                    } else {
                        break;
                    }
                }
                if matches!(s.peek(0), Some('\'' | '"')) && is_string_prefix(&word) {
                    if let Some(e) = scan_string(&mut s, start) {
                        record(&mut first, e);
                    }
                    prev_operand = true;
                    continue;
                }
                if matches!(word.as_str(), "not" | "lambda" | "await" | "yield" | "if") {
                    chain += 1;
                }
                prev_operand = !matches!(
                    word.as_str(),
                    "not" | "lambda" | "await" | "yield" | "if" | "else" | "and" | "or" | "in"
                        | "is" | "return" | "for" | "while" | "assert" | "del" | "from"
                );
            }
            c if c.is_ascii_digit() || (c == '.' && s.peek(1).is_some_and(|d| d.is_ascii_digit())) => {
                while let Some(d) = s.peek(0) {
                    let exp_sign = matches!(d, '+' | '-')
                        && s.chars.get(s.pos - 1).is_some_and(|p| matches!(p, 'e' | 'E'))
                        && !s.chars[..s.pos].iter().rev().take_while(|p| p.is_alphanumeric() || **p == '_' || **p == '.').any(|p| matches!(p, 'x' | 'X'));
                    if d.is_alphanumeric() || d == '_' || d == '.' || exp_sign {
                        s.bump();
                    } else {
                        break;
                    }
                }
                prev_operand = true;
            }
            ' ' | '\t' | '\x0c' => {
                s.bump();
            }
            '-' | '+' | '~' => {
                s.bump();
                if !prev_operand {
                    chain += 1;
                }
                if s.peek(0) == Some('=') {
                    s.bump();
                }
                prev_operand = false;
            }
            '*' if s.peek(1) == Some('*') => {
                s.bump();
                s.bump();
                chain += 1;
                prev_operand = false;
            }
            c if c.is_ascii() => {
                s.bump();
                if !c.is_ascii_graphic() && c != '\0' {
                    // control characters are reported by the parser
                } else if matches!(c, '$' | '?' | '`') {
                    record(&mut first, err("invalid syntax", start, (start.0, start.1 + 1)));
                }
                prev_operand = false;
            }
            c => {
                s.bump();
                let msg = if c.is_whitespace() || c.is_control() || (c as u32) == 0xa0 {
                    format!("invalid non-printable character U+{:04X}", c as u32)
                } else {
                    format!("invalid character '{c}' (U+{:04X})", c as u32)
                };
                record(&mut first, err(msg, start, start));
                prev_operand = false;
            }
        }
        if chain > MAX_CHAIN {
            return Some(ScanError {
                kind: ErrorKind::RecursionError,
                msg: "maximum recursion depth exceeded during compilation".into(),
                start,
                end: start,
                fatal: true,
                at_eof: false,
            });
        }
    }
    if first.is_none() {
        if let Some(&(open, line, col)) = brackets.last() {
            let mut e = err(format!("'{open}' was never closed"), (line, col), (line, col));
            e.at_eof = true;
            return Some(e);
        }
    }
    first
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c as u32, 0x300..=0x36f | 0xb7 | 0x387 | 0x1369..=0x1371 | 0x2118 | 0x212e | 0x309b | 0x309c)
}

/// Scans a string literal starting at the quote; returns an error if unterminated.
fn scan_string(s: &mut Scanner, start: (usize, usize)) -> Option<ScanError> {
    let q = s.bump()?;
    let triple = s.peek(0) == Some(q) && s.peek(1) == Some(q);
    if triple {
        s.bump();
        s.bump();
    }
    loop {
        match s.peek(0) {
            None => {
                // The last line with content (a trailing newline does not count).
                let ends_nl = matches!(s.chars.last(), Some('\n' | '\r'));
                let line = if ends_nl && s.line > 0 { s.line } else { s.line + 1 };
                let msg = if triple {
                    format!("unterminated triple-quoted string literal (detected at line {line})")
                } else {
                    format!("unterminated string literal (detected at line {line})")
                };
                return Some(err(msg, start, start));
            }
            Some('\\') => {
                s.bump();
                if s.peek(0) == Some('\r') && s.peek(1) == Some('\n') {
                    s.bump();
                }
                s.bump();
            }
            Some('\n' | '\r') if !triple => {
                return Some(err(
                    format!("unterminated string literal (detected at line {})", s.line + 1),
                    start,
                    start,
                ));
            }
            Some(c) if c == q => {
                if !triple {
                    s.bump();
                    return None;
                }
                if s.peek(1) == Some(q) && s.peek(2) == Some(q) {
                    s.bump();
                    s.bump();
                    s.bump();
                    return None;
                }
                s.bump();
            }
            Some(_) => {
                s.bump();
            }
        }
    }
}
