//! Source decoding (PEP 263), parsing with ruff, and conversion of ruff's errors into
//! CPython-compatible [`CompileError`]s. This is the only module that calls ruff's parser.

use ruff_python_ast::{Expr, Mod, PythonVersion};
use ruff_python_parser::{
    parse, LexicalErrorType, Mode as RuffMode, ParseError, ParseErrorType, ParseOptions,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::bytecode::{CompileError, ErrorKind, Mode};
use crate::prescan;
use crate::source::SourceFile;

/// Decodes source bytes according to a BOM or a PEP 263 coding declaration (UTF-8 default).
pub(crate) fn decode(bytes: &[u8], filename: &str) -> Result<String, CompileError> {
    let syntax_error = |msg: String, lineno: usize| CompileError {
        kind: ErrorKind::SyntaxError,
        msg,
        filename: filename.to_string(),
        lineno,
        offset: 1,
        end_lineno: lineno,
        end_offset: 1,
        text: None,
    };
    let (bytes, had_bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let encoding = coding_declaration(bytes);
    let enc = encoding.as_ref().map(|(e, _)| normalize_encoding(e));
    match enc.as_deref() {
        None | Some("utf-8") => {}
        Some(_) if had_bom => {
            let line = encoding.as_ref().map_or(1, |(_, l)| *l);
            return Err(syntax_error("encoding problem: utf-8".into(), line));
        }
        Some("latin-1") => return Ok(bytes.iter().map(|&b| b as char).collect()),
        Some("cp1252") => return Ok(bytes.iter().map(|&b| cp1252(b)).collect()),
        Some("ascii") => {
            if let Some(pos) = bytes.iter().position(|&b| b >= 0x80) {
                return Err(syntax_error(
                    format!(
                        "(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {pos}: ordinal not in range(128)",
                        bytes[pos]
                    ),
                    1,
                ));
            }
        }
        Some(other) => {
            let line = encoding.as_ref().map_or(1, |(_, l)| *l);
            return Err(syntax_error(format!("unknown encoding: {other}"), line));
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let pos = e.valid_up_to();
            let line = bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(syntax_error(
                format!(
                    "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {pos}: invalid start byte",
                    bytes[pos]
                ),
                line,
            ))
        }
    }
}

/// Decodes one windows-1252 byte (undefined bytes map to the C1 control of the same value,
/// as Python's decoder would reject them; we stay permissive).
fn cp1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9f => char::from_u32(HIGH[(b - 0x80) as usize] as u32).unwrap_or('\u{fffd}'),
        _ => b as char,
    }
}

/// Finds `coding[:=]name` in a comment on line 1 or 2; returns the name and its line.
fn coding_declaration(bytes: &[u8]) -> Option<(String, usize)> {
    let mut lines = bytes.split(|&b| b == b'\n');
    for lineno in 1..=2 {
        let line = lines.next()?;
        let trimmed: &[u8] = {
            let start = line.iter().position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
            &line[start..]
        };
        if !trimmed.starts_with(b"#") {
            // A non-comment first line ends the search (unless blank).
            if trimmed.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return None;
        }
        let text = String::from_utf8_lossy(trimmed);
        if let Some(idx) = text.find("coding") {
            let rest = &text[idx + 6..];
            if let Some(rest) = rest.strip_prefix([':', '=']) {
                let rest = rest.trim_start_matches([' ', '\t']);
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                if !name.is_empty() {
                    return Some((name, lineno));
                }
            }
        }
    }
    None
}

fn normalize_encoding(name: &str) -> String {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    if lower == "utf-8" || lower == "utf8" || lower.starts_with("utf-8-") {
        "utf-8".into()
    } else if matches!(
        lower.as_str(),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "iso-latin-1" | "l1"
    ) || lower.starts_with("latin-1-")
        || lower.starts_with("iso-8859-1-")
    {
        "latin-1".into()
    } else if matches!(lower.as_str(), "cp1252" | "windows-1252") {
        "cp1252".into()
    } else if matches!(lower.as_str(), "ascii" | "us-ascii") {
        "ascii".into()
    } else {
        lower
    }
}

/// The parsed program: statements (exec/single) or one expression (eval).
pub(crate) enum Program {
    Module(ruff_python_ast::ModModule),
    Expression(Box<Expr>),
}

/// Parses decoded source; all syntax errors come back as CPython-style [`CompileError`]s.
pub(crate) fn parse_source(src: &SourceFile<'_>, mode: Mode) -> Result<Program, CompileError> {
    let scan = prescan::scan(src.text);
    if let Some(e) = scan.as_ref().filter(|e| e.fatal) {
        let mut err = src.error_at(e.kind, e.msg.clone(), e.start, e.end);
        if e.kind == ErrorKind::IndentationError {
            err.end_offset = 0;
        }
        return Err(err);
    }
    let ruff_mode = match mode {
        Mode::Eval => RuffMode::Expression,
        Mode::Exec | Mode::Single => RuffMode::Module,
    };
    let options = ParseOptions::from(ruff_mode).with_target_version(PythonVersion::PY311);
    let parsed = match parse(src.text, options) {
        Ok(p) => p,
        Err(e) => return Err(convert_error(src, &e, scan.as_ref())),
    };
    if let Some(e) = parsed.errors().first() {
        return Err(convert_error(src, e, scan.as_ref()));
    }
    if let Some(u) = parsed.unsupported_syntax_errors().first() {
        return Err(src.error(ErrorKind::SyntaxError, "invalid syntax", u.range()));
    }
    match parsed.into_syntax() {
        Mod::Module(m) => {
            if mode == Mode::Single && m.body.len() > 1 {
                return Err(src.error(
                    ErrorKind::SyntaxError,
                    "multiple statements found while compiling a single statement",
                    m.body[0].range(),
                ));
            }
            Ok(Program::Module(m))
        }
        Mod::Expression(e) => Ok(Program::Expression(e.body)),
    }
}

/// Whether a ruff error is a generic one that CPython would report as "invalid syntax" (which
/// CPython replaces by any tokenizer error found later in the file).
fn is_generic(e: &ParseErrorType) -> bool {
    matches!(
        e,
        ParseErrorType::ExpectedToken { .. }
            | ParseErrorType::ExpectedExpression
            | ParseErrorType::OtherError(_)
            | ParseErrorType::SimpleStatementsOnSameLine
            | ParseErrorType::SimpleAndCompoundStatementOnSameLine
            | ParseErrorType::UnexpectedExpressionToken
            | ParseErrorType::Lexical(_)
    )
}

fn convert_error(
    src: &SourceFile<'_>,
    e: &ParseError,
    scan: Option<&prescan::ScanError>,
) -> CompileError {
    let r_start = src.line_col(e.location.start().to_u32());
    let at_eof = e.location.start().to_usize() >= src.text.trim_end().len();
    if let Some(s) = scan {
        let ruff_pos = (r_start.0, src.char_col(r_start.0, r_start.1));
        let use_scan = if s.at_eof {
            at_eof || is_generic(&e.error) && ruff_pos.0 > s.start.0
        } else {
            s.start <= ruff_pos || is_generic(&e.error)
        };
        if use_scan {
            let mut err = src.error_at(s.kind, s.msg.clone(), s.start, s.end);
            if s.at_eof {
                // CPython reports end_offset 0 for unclosed brackets.
                err.end_offset = 0;
            }
            return err;
        }
    }
    let (kind, msg, range) = map_error(src, e);
    let mut err = src.error(kind, msg, range);
    if kind == ErrorKind::IndentationError && err.msg != "unexpected indent"
        && !err.msg.starts_with("expected an indented block")
    {
        // Tokenizer indentation errors: CPython points at the end of the line (end -1 → 0).
        let line = src.line_text(err.lineno - 1).trim_end_matches(['\n', '\r']);
        err.offset = line.chars().count() + 1;
        err.end_lineno = err.lineno;
        err.end_offset = 0;
    } else if err.msg == "unexpected indent" {
        let line = src.line_text(err.lineno - 1);
        let indent = line.chars().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count();
        err.offset = indent.max(1);
        err.end_lineno = err.lineno;
        err.end_offset = 0;
    } else if err.end_lineno != err.lineno && err.msg == "invalid syntax" {
        err.end_lineno = err.lineno;
        err.end_offset = err.offset;
    }
    err
}

fn expr_kind_name(src: &SourceFile<'_>, range: TextRange) -> &'static str {
    let text = &src.text[range.start().to_usize()..range.end().to_usize().min(src.text.len())];
    let Ok(parsed) = ruff_python_parser::parse_expression(text) else { return "expression" };
    match parsed.expr() {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "literal",
    }
}

/// The statement keyword starting at `offset` (for "expected an indented block after ...").
fn block_statement_before(src: &SourceFile<'_>, line: usize) -> Option<(String, usize)> {
    // Walk back to the previous non-blank line that ends with ':'.
    let mut l = line;
    while l > 0 {
        l -= 1;
        let text = src.line_text(l).trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let first = text.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or("");
        let what = match first {
            "if" => "'if' statement".to_string(),
            "elif" => "'elif' statement".to_string(),
            "else" => "'else' statement".to_string(),
            "while" => "'while' statement".to_string(),
            "for" => "'for' statement".to_string(),
            "try" => "'try' statement".to_string(),
            "finally" => "'finally' statement".to_string(),
            "except" => "'except' statement".to_string(),
            "with" => "'with' statement".to_string(),
            "def" => "function definition".to_string(),
            "class" => "class definition".to_string(),
            _ => return None,
        };
        return Some((what, l));
    }
    None
}

fn map_error(src: &SourceFile<'_>, e: &ParseError) -> (ErrorKind, String, TextRange) {
    use ParseErrorType as P;
    let range = e.location;
    let generic = |r: TextRange| (ErrorKind::SyntaxError, "invalid syntax".to_string(), r);
    let text = &src.text[range.start().to_usize().min(src.text.len())..];
    let b = text.as_bytes();
    if b.len() > 1 && b[0] == b'0' && b[1].is_ascii_digit() && b[1..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').any(|c| *c != b'0' && *c != b'_') {
        let start = range.start();
        return (
            ErrorKind::SyntaxError,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
            TextRange::new(start, start + TextSize::new(1)),
        );
    }
    match &e.error {
        P::Lexical(lex) => match lex {
            LexicalErrorType::IndentationError => (
                ErrorKind::IndentationError,
                "unindent does not match any outer indentation level".into(),
                range,
            ),
            LexicalErrorType::UnclosedStringError => (
                ErrorKind::SyntaxError,
                format!("unterminated string literal (detected at line {})", src.line_col(range.end().to_u32()).0 + 1),
                TextRange::empty(range.start()),
            ),
            LexicalErrorType::Eof => (ErrorKind::SyntaxError, "unexpected EOF while parsing".into(), range),
            LexicalErrorType::OtherError(msg) if msg.contains("leading zeros") => (
                ErrorKind::SyntaxError,
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                range,
            ),
            LexicalErrorType::OtherError(msg) if msg.contains("tab") || msg.contains("Tab") => {
                (ErrorKind::TabError, "inconsistent use of tabs and spaces in indentation".into(), range)
            }
            _ => generic(range),
        },
        P::UnexpectedIndentation => (ErrorKind::IndentationError, "unexpected indent".into(), range),
        P::OtherError(msg) if msg.starts_with("Expected an indented block") => {
            let (line, _) = src.line_col(range.start().to_u32());
            let msg = match block_statement_before(src, line) {
                Some((what, l)) => format!("expected an indented block after {what} on line {}", l + 1),
                None => "expected an indented block".into(),
            };
            (ErrorKind::IndentationError, msg, range)
        }
        P::ExpectedToken { expected, .. } => {
            let exp = format!("{expected}");
            if exp.contains(':') && !exp.contains(":=") {
                // CPython points just past the previous token.
                let before = src.text[..range.start().to_usize()].trim_end();
                let p = TextSize::new(before.len() as u32);
                (ErrorKind::SyntaxError, "expected ':'".into(), TextRange::empty(p))
            } else {
                generic(range)
            }
        }
        P::InvalidAssignmentTarget => {
            let kind = expr_kind_name(src, range);
            let after = src.text[range.end().to_usize().min(src.text.len())..].trim_start_matches([' ', '\t']);
            let msg = if after.starts_with('=') && !after.starts_with("==") {
                format!("cannot assign to {kind} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot assign to {kind}")
            };
            (ErrorKind::SyntaxError, msg, range)
        }
        P::InvalidNamedAssignmentTarget => {
            let kind = expr_kind_name(src, range);
            (ErrorKind::SyntaxError, format!("cannot use assignment expressions with {kind}"), range)
        }
        P::InvalidAnnotatedAssignmentTarget => {
            let kind = expr_kind_name(src, range);
            (ErrorKind::SyntaxError, format!("illegal target for annotation: {kind}"), range)
        }
        P::InvalidAugmentedAssignmentTarget => {
            let kind = expr_kind_name(src, range);
            (
                ErrorKind::SyntaxError,
                format!("'{kind}' is an illegal expression for augmented assignment"),
                range,
            )
        }
        P::InvalidDeleteTarget => {
            let kind = expr_kind_name(src, range);
            (ErrorKind::SyntaxError, format!("cannot delete {kind}"), range)
        }
        P::UnparenthesizedGeneratorExpression => {
            (ErrorKind::SyntaxError, "Generator expression must be parenthesized".into(), range)
        }
        P::PositionalAfterKeywordArgument => (
            ErrorKind::SyntaxError,
            "positional argument follows keyword argument".into(),
            range,
        ),
        P::PositionalAfterKeywordUnpacking => (
            ErrorKind::SyntaxError,
            "positional argument follows keyword argument unpacking".into(),
            range,
        ),
        P::InvalidArgumentUnpackingOrder => (
            ErrorKind::SyntaxError,
            "iterable argument unpacking follows keyword argument unpacking".into(),
            range,
        ),
        P::NonDefaultParamAfterDefaultParam => (
            ErrorKind::SyntaxError,
            "non-default argument follows default argument".into(),
            range,
        ),
        P::IterableUnpackingInComprehension => {
            (ErrorKind::SyntaxError, "iterable unpacking cannot be used in comprehension".into(), range)
        }
        P::InvalidStarredExpressionUsage => {
            (ErrorKind::SyntaxError, "can't use starred expression here".into(), range)
        }
        P::ExpectedKeywordParam => {
            (ErrorKind::SyntaxError, "named arguments must follow bare *".into(), range)
        }
        _ => {
            generic(range)
        }
    }
}
