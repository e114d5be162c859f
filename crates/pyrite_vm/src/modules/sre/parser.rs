//! Pattern text → [`Node`] tree, with Python 3.11's syntax, error messages
//! and error positions (positions count code points of a str pattern, bytes
//! of a bytes pattern).

use super::ast::{flag, width, At, Category, Node, RepeatKind, Seq, SetItem, MAXGROUPS, MAXREPEAT};
use super::text::{is_alpha, is_decimal, is_identifier, py_int, py_repr};

/// Why a pattern (or a replacement template) was rejected.
#[derive(Debug, PartialEq)]
pub(crate) enum ParseError {
    /// `re.error(msg, pattern, pos)`.
    Re { msg: String, pos: Option<usize> },
    /// `OverflowError(msg)`.
    Overflow(String),
    /// `ValueError(msg)`.
    Value(String),
    /// `IndexError(msg)` (an unknown group name in a template).
    Index(String),
    /// `RecursionError`: groups nested deeper than the interpreter's
    /// recursion limit allows (the reference parser recurses per level),
    /// or than the native stack has room for.
    Recursion,
}

/// A warning the parse produced, for the caller to issue.
#[derive(Debug, PartialEq)]
pub(crate) struct Warning {
    /// `FutureWarning` when true, `DeprecationWarning` otherwise.
    pub future: bool,
    /// The message.
    pub msg: String,
}

/// The outcome of parsing a whole pattern.
pub(crate) struct Parsed {
    /// The tree.
    pub seq: Seq,
    /// The pattern's flags after inline global flags and the type default.
    pub flags: u32,
    /// Number of capturing groups.
    pub groups: usize,
    /// Group names and numbers, in definition order.
    pub groupindex: Vec<(String, usize)>,
    /// Widths of the groups (index = group number; 0 unused).
    pub groupwidths: Vec<Option<(u64, u64)>>,
    /// Warnings to issue.
    pub warnings: Vec<Warning>,
}

type PResult<T> = Result<T, ParseError>;

/// One token: a character, or a backslash and the character after it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Tok {
    /// The character (after the backslash when `esc`).
    pub c: u32,
    /// Whether this is an escape (`\` + `c`).
    pub esc: bool,
}

impl Tok {
    fn len(self) -> usize {
        if self.esc {
            2
        } else {
            1
        }
    }
    /// A plain (unescaped) `ch`.
    fn is(self, ch: char) -> bool {
        !self.esc && self.c == ch as u32
    }
    /// A plain character among `set`.
    fn among(self, set: &str) -> bool {
        !self.esc && set.chars().any(|ch| ch as u32 == self.c)
    }
    /// The token's text.
    fn text(self) -> String {
        let c = char::from_u32(self.c).unwrap_or('\u{fffd}');
        if self.esc {
            format!("\\{c}")
        } else {
            c.to_string()
        }
    }
}

fn is_digit(t: Option<Tok>) -> bool {
    t.is_some_and(|t| !t.esc && (0x30..=0x39).contains(&t.c))
}

fn is_octdigit(t: Option<Tok>) -> bool {
    t.is_some_and(|t| !t.esc && (0x30..=0x37).contains(&t.c))
}

fn is_hexdigit(t: Tok) -> bool {
    !t.esc && char::from_u32(t.c).is_some_and(|c| c.is_ascii_hexdigit())
}

fn is_ascii_letter(c: u32) -> bool {
    char::from_u32(c).is_some_and(|c| c.is_ascii_alphabetic())
}

/// The tokenizer over a pattern's code points.
pub(crate) struct Source<'p> {
    chars: &'p [u32],
    /// A str pattern (false: bytes, chars are byte values).
    pub istext: bool,
    index: usize,
    /// The token after the cursor.
    pub next: Option<Tok>,
}

impl<'p> Source<'p> {
    /// A tokenizer positioned on the first token.
    pub fn new(chars: &'p [u32], istext: bool) -> PResult<Self> {
        let mut s = Source { chars, istext, index: 0, next: None };
        s.advance()?;
        Ok(s)
    }

    fn advance(&mut self) -> PResult<()> {
        let i = self.index;
        let Some(&c) = self.chars.get(i) else {
            self.next = None;
            return Ok(());
        };
        if c == u32::from(b'\\') {
            let Some(&d) = self.chars.get(i + 1) else {
                return Err(ParseError::Re {
                    msg: "bad escape (end of pattern)".into(),
                    pos: Some(self.chars.len() - 1),
                });
            };
            self.next = Some(Tok { c: d, esc: true });
            self.index = i + 2;
        } else {
            self.next = Some(Tok { c, esc: false });
            self.index = i + 1;
        }
        Ok(())
    }

    /// Consume the next token if it is the plain character `ch`.
    pub fn matches(&mut self, ch: char) -> PResult<bool> {
        if self.next.is_some_and(|t| t.is(ch)) {
            self.advance()?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Consume and return the next token.
    pub fn get(&mut self) -> PResult<Option<Tok>> {
        let t = self.next;
        self.advance()?;
        Ok(t)
    }

    /// Up to `n` plain characters satisfying `ok`.
    fn getwhile(&mut self, n: usize, ok: fn(Tok) -> bool) -> PResult<Vec<u32>> {
        let mut out = Vec::new();
        for _ in 0..n {
            match self.next {
                Some(t) if ok(t) => {
                    out.push(t.c);
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(out)
    }

    /// The text up to `terminator` (consumed), for names.
    pub fn getuntil(&mut self, terminator: char, name: &str) -> PResult<String> {
        let mut result = String::new();
        let mut n = 0;
        loop {
            let c = self.next;
            self.advance()?;
            let Some(c) = c else {
                if n == 0 {
                    return Err(self.error(format!("missing {name}"), 0));
                }
                return Err(self.error(format!("missing {terminator}, unterminated name"), n));
            };
            if c.is(terminator) {
                if n == 0 {
                    return Err(self.error(format!("missing {name}"), 1));
                }
                return Ok(result);
            }
            result.push_str(&c.text());
            n += c.len();
        }
    }

    /// The position of the next token.
    pub fn tell(&self) -> usize {
        self.index - self.next.map_or(0, Tok::len)
    }

    fn seek(&mut self, index: usize) -> PResult<()> {
        self.index = index;
        self.advance()
    }

    /// A `re.error` at `tell() - offset`.
    pub fn error(&self, msg: String, offset: usize) -> ParseError {
        ParseError::Re { msg: self.fix_msg(msg), pos: Some(self.tell() - offset) }
    }

    /// Messages about bytes patterns are ASCII with backslash escapes.
    fn fix_msg(&self, msg: String) -> String {
        if self.istext {
            msg
        } else {
            crate::types::str::ascii_escape(&msg)
        }
    }

    /// Check a group name: an identifier (and ASCII in a bytes pattern,
    /// which only warns).
    pub fn checkgroupname(&self, name: &str, offset: usize, warnings: &mut Vec<Warning>) -> PResult<()> {
        let n = name.chars().count();
        if !is_identifier(name) {
            return Err(self.error(format!("bad character in group name {}", py_repr(name)), n + offset));
        }
        if !self.istext && !name.is_ascii() {
            warnings.push(Warning {
                future: false,
                msg: format!("bad character in group name {} at position {}", ascii_repr(name), self.tell() - n - offset),
            });
        }
        Ok(())
    }
}

/// `ascii(s)` for a str.
fn ascii_repr(s: &str) -> String {
    crate::types::str::ascii_escape(&py_repr(s))
}

fn hex_value(digits: &[u32]) -> u32 {
    digits.iter().fold(0u32, |acc, &d| acc.wrapping_mul(16).wrapping_add(char::from_u32(d).and_then(|c| c.to_digit(16)).unwrap_or(0)))
}

fn oct_value(digits: &[u32]) -> u32 {
    digits.iter().fold(0u32, |acc, &d| acc * 8 + (d - 0x30))
}

fn chars_text(digits: &[u32]) -> String {
    digits.iter().filter_map(|&d| char::from_u32(d)).collect()
}

/// What an escape stands for.
enum Escape {
    Literal(u32),
    Category(Category),
    At(At),
    GroupRef(usize),
}

/// The parser's bookkeeping.
struct State {
    flags: u32,
    groupindex: Vec<(String, usize)>,
    groupwidths: Vec<Option<(u64, u64)>>,
    lookbehindgroups: Option<usize>,
    grouprefpos: Vec<(usize, usize)>,
    warnings: Vec<Warning>,
    max_nested: usize,
    stack_floor: usize,
}

impl State {
    fn groups(&self) -> usize {
        self.groupwidths.len()
    }

    fn group_named(&self, name: &str) -> Option<usize> {
        self.groupindex.iter().find(|(n, _)| n == name).map(|&(_, g)| g)
    }

    fn opengroup(&mut self, name: Option<&str>) -> Result<usize, String> {
        let gid = self.groups();
        self.groupwidths.push(None);
        if let Some(name) = name {
            if let Some(ogid) = self.group_named(name) {
                return Err(format!("redefinition of group name {} as group {gid}; was group {ogid}", py_repr(name)));
            }
            self.groupindex.push((name.to_string(), gid));
        }
        Ok(gid)
    }

    fn checkgroup(&self, gid: usize) -> bool {
        gid < self.groups() && self.groupwidths[gid].is_some()
    }

    fn checklookbehindgroup(&self, gid: usize, source: &Source<'_>) -> PResult<()> {
        if let Some(lb) = self.lookbehindgroups {
            if !self.checkgroup(gid) {
                return Err(source.error("cannot refer to an open group".into(), 0));
            }
            if gid >= lb {
                return Err(source.error("cannot refer to group defined in the same lookbehind subpattern".into(), 0));
            }
        }
        Ok(())
    }
}

/// `\N{name}`: the code point named `name`.
fn named_char(source: &mut Source<'_>) -> PResult<u32> {
    if !source.matches('{')? {
        return Err(source.error("missing {".into(), 0));
    }
    let name = source.getuntil('}', "character name")?;
    match rustpython_unicode::lookup_character(&name) {
        Some(c) => Ok(c as u32),
        None => Err(source.error(format!("undefined character name {}", py_repr(&name)), name.chars().count() + 4)),
    }
}

/// `\x`, `\u`, `\U` and `\N`, shared by both escape contexts; `None` when
/// `c` is not one of them (for this kind of pattern).
fn code_escape(source: &mut Source<'_>, c: u32) -> PResult<Option<u32>> {
    let n = match char::from_u32(c) {
        Some('x') => 2,
        Some('u') if source.istext => 4,
        Some('U') if source.istext => 8,
        Some('N') if source.istext => return named_char(source).map(Some),
        _ => return Ok(None),
    };
    let digits = source.getwhile(n, is_hexdigit)?;
    let escape = format!("\\{}{}", char::from_u32(c).unwrap_or('x'), chars_text(&digits));
    if digits.len() != n {
        return Err(source.error(format!("incomplete escape {escape}"), digits.len() + 2));
    }
    let v = hex_value(&digits);
    if v > 0x10ffff {
        return Err(source.error(format!("bad escape {escape}"), n + 2));
    }
    Ok(Some(v))
}

/// An escape inside a character set.
fn class_escape(source: &mut Source<'_>, t: Tok) -> PResult<SetItem> {
    let c = t.c;
    if let Some(v) = simple_escape(c) {
        return Ok(SetItem::Literal(v));
    }
    if let Some(cat) = category_escape(c) {
        return Ok(SetItem::Category(cat));
    }
    if let Some(v) = code_escape(source, c)? {
        return Ok(SetItem::Literal(v));
    }
    if (0x30..=0x37).contains(&c) {
        let mut digits = vec![c];
        digits.extend(source.getwhile(2, |t| is_octdigit(Some(t)))?);
        let v = oct_value(&digits);
        if v > 0o377 {
            let escape = format!("\\{}", chars_text(&digits));
            return Err(source.error(format!("octal escape value {escape} outside of range 0-0o377"), digits.len() + 1));
        }
        return Ok(SetItem::Literal(v));
    }
    if (0x30..=0x39).contains(&c) || is_ascii_letter(c) {
        return Err(source.error(format!("bad escape {}", t.text()), 2));
    }
    Ok(SetItem::Literal(c))
}

/// `\a \b \f \n \r \t \v \\` inside a set and in `sub` templates (and all but `\b` outside a set).
pub(crate) fn simple_escape(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

fn category_escape(c: u32) -> Option<Category> {
    Some(match char::from_u32(c)? {
        'd' => Category::Digit,
        'D' => Category::NotDigit,
        's' => Category::Space,
        'S' => Category::NotSpace,
        'w' => Category::Word,
        'W' => Category::NotWord,
        _ => return None,
    })
}

/// An escape outside a character set.
fn escape(source: &mut Source<'_>, t: Tok, state: &State) -> PResult<Escape> {
    let c = t.c;
    match char::from_u32(c) {
        Some('A') => return Ok(Escape::At(At::BeginningString)),
        Some('Z') => return Ok(Escape::At(At::EndString)),
        Some('b') => return Ok(Escape::At(At::Boundary)),
        Some('B') => return Ok(Escape::At(At::NonBoundary)),
        _ => {}
    }
    if let Some(cat) = category_escape(c) {
        return Ok(Escape::Category(cat));
    }
    if let Some(v) = simple_escape(c) {
        return Ok(Escape::Literal(v));
    }
    if let Some(v) = code_escape(source, c)? {
        return Ok(Escape::Literal(v));
    }
    if c == 0x30 {
        let digits = source.getwhile(2, |t| is_octdigit(Some(t)))?;
        return Ok(Escape::Literal(oct_value(&digits)));
    }
    if (0x31..=0x39).contains(&c) {
        let mut digits = vec![c];
        if is_digit(source.next) {
            let d = source.get()?.map_or(0, |t| t.c);
            digits.push(d);
            if (0x30..=0x37).contains(&c) && (0x30..=0x37).contains(&d) && is_octdigit(source.next) {
                digits.push(source.get()?.map_or(0, |t| t.c));
                let v = oct_value(&digits);
                if v > 0o377 {
                    let escape = format!("\\{}", chars_text(&digits));
                    return Err(source.error(format!("octal escape value {escape} outside of range 0-0o377"), 4));
                }
                return Ok(Escape::Literal(v));
            }
        }
        let group = digits.iter().fold(0usize, |acc, &d| acc * 10 + (d - 0x30) as usize);
        let len = digits.len() + 1;
        if group < state.groups() {
            if !state.checkgroup(group) {
                return Err(source.error("cannot refer to an open group".into(), len));
            }
            state.checklookbehindgroup(group, source)?;
            return Ok(Escape::GroupRef(group));
        }
        return Err(source.error(format!("invalid group reference {group}"), len - 1));
    }
    if is_ascii_letter(c) {
        return Err(source.error(format!("bad escape {}", t.text()), 2));
    }
    Ok(Escape::Literal(c))
}

/// Parse a whole pattern given as code points; `max_nested` bounds the
/// nesting (two levels per group), and so does the native stack: the
/// parse stops when the stack pointer goes below `stack_floor`.
pub(crate) fn parse(chars: &[u32], istext: bool, flags: u32, max_nested: usize, stack_floor: usize) -> PResult<Parsed> {
    let mut source = Source::new(chars, istext)?;
    let mut state = State {
        flags,
        groupindex: Vec::new(),
        groupwidths: vec![None],
        lookbehindgroups: None,
        grouprefpos: Vec::new(),
        warnings: Vec::new(),
        max_nested,
        stack_floor,
    };
    let seq = parse_sub(&mut source, &mut state, flags & flag::VERBOSE != 0, 0)?;
    state.flags = fix_flags(istext, state.flags).map_err(ParseError::Value)?;
    if source.next.is_some() {
        return Err(source.error("unbalanced parenthesis".into(), 0));
    }
    for &(g, pos) in &state.grouprefpos {
        if g >= state.groups() {
            return Err(ParseError::Re { msg: format!("invalid group reference {g}"), pos: Some(pos) });
        }
    }
    Ok(Parsed {
        seq,
        flags: state.flags,
        groups: state.groups() - 1,
        groupindex: state.groupindex,
        groupwidths: state.groupwidths,
        warnings: state.warnings,
    })
}

/// Check the flags against the kind of pattern; a str pattern gets
/// `UNICODE` unless it is `ASCII`.
pub(crate) fn fix_flags(istext: bool, mut flags: u32) -> Result<u32, String> {
    if istext {
        if flags & flag::LOCALE != 0 {
            return Err("cannot use LOCALE flag with a str pattern".into());
        }
        if flags & flag::ASCII == 0 {
            flags |= flag::UNICODE;
        } else if flags & flag::UNICODE != 0 {
            return Err("ASCII and UNICODE flags are incompatible".into());
        }
    } else {
        if flags & flag::UNICODE != 0 {
            return Err("cannot use UNICODE flag with a bytes pattern".into());
        }
        if flags & flag::LOCALE != 0 && flags & flag::ASCII != 0 {
            return Err("ASCII and LOCALE flags are incompatible".into());
        }
    }
    Ok(flags)
}

/// Alternatives: `a|b|c`.
fn parse_sub(source: &mut Source<'_>, state: &mut State, mut verbose: bool, nested: usize) -> PResult<Seq> {
    if nested > state.max_nested || crate::ops::stack::below(state.stack_floor) {
        return Err(ParseError::Recursion);
    }
    let mut items: Vec<Seq> = Vec::new();
    loop {
        let first = nested == 0 && items.is_empty();
        items.push(parse_seq(source, state, verbose, nested + 1, first)?);
        if !source.matches('|')? {
            break;
        }
        if nested == 0 {
            verbose = state.flags & flag::VERBOSE != 0;
        }
    }
    if items.len() == 1 {
        return Ok(items.pop().unwrap_or_default());
    }
    let mut out = Seq::new();
    // Move a first element common to every alternative out of the branch.
    while let Some(first) = items[0].first() {
        if !items.iter().all(|it| it.first().is_some_and(|n| n.same_leaf(first))) {
            break;
        }
        let mut taken = None;
        for it in &mut items {
            taken = Some(it.remove(0));
        }
        out.extend(taken);
    }
    // Alternatives of single characters or sets become one set.
    let mut set: Vec<SetItem> = Vec::new();
    let mut all_chars = true;
    for it in &items {
        match it.as_slice() {
            [Node::Literal(c)] => set.push(SetItem::Literal(*c)),
            [Node::In(items)] if items.first() != Some(&SetItem::Negate) => set.extend(items.iter().copied()),
            _ => {
                all_chars = false;
                break;
            }
        }
    }
    if all_chars {
        out.push(Node::In(uniq(set)));
    } else {
        out.push(Node::Branch(items));
    }
    Ok(out)
}

fn uniq(items: Vec<SetItem>) -> Vec<SetItem> {
    let mut out: Vec<SetItem> = Vec::with_capacity(items.len());
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

const WHITESPACE: &str = " \t\n\r\x0b\x0c";
const SPECIAL_CHARS: &str = ".\\[{()*+?^$|";

/// A sequence: everything up to `|`, `)` or the end.
fn parse_seq(source: &mut Source<'_>, state: &mut State, mut verbose: bool, nested: usize, first: bool) -> PResult<Seq> {
    let mut seq = Seq::new();
    while let Some(this) = source.next {
        if this.among("|)") {
            break;
        }
        source.get()?;
        if verbose {
            if this.among(WHITESPACE) {
                continue;
            }
            if this.is('#') {
                loop {
                    match source.get()? {
                        None => break,
                        Some(t) if t.is('\n') => break,
                        _ => {}
                    }
                }
                continue;
            }
        }
        if this.esc {
            seq.push(match escape(source, this, state)? {
                Escape::Literal(c) => Node::Literal(c),
                Escape::Category(c) => Node::In(vec![SetItem::Category(c)]),
                Escape::At(a) => Node::At(a),
                Escape::GroupRef(g) => Node::GroupRef(g),
            });
        } else if !this.among(SPECIAL_CHARS) {
            seq.push(Node::Literal(this.c));
        } else if this.is('[') {
            seq.push(parse_set(source, state)?);
        } else if this.among("*+?{") {
            parse_repeat(source, &mut seq, this)?;
        } else if this.is('.') {
            seq.push(Node::Any);
        } else if this.is('(') {
            let start = source.tell() - 1;
            match parse_group(source, state, verbose, nested, start)? {
                GroupOutcome::Node(n) => seq.push(n),
                GroupOutcome::Nothing => {}
                GroupOutcome::GlobalFlags => {
                    if !first || !seq.is_empty() {
                        return Err(source.error(
                            "global flags not at the start of the expression".into(),
                            source.tell() - start,
                        ));
                    }
                    verbose = state.flags & flag::VERBOSE != 0;
                }
            }
        } else if this.is('^') {
            seq.push(Node::At(At::Beginning));
        } else if this.is('$') {
            seq.push(Node::At(At::End));
        }
    }
    // Splice in the contents of plain non-capturing groups.
    if seq.iter().any(|n| matches!(n, Node::Group { group: None, add: 0, del: 0, .. })) {
        let mut out = Seq::with_capacity(seq.len());
        for n in seq {
            match n {
                Node::Group { group: None, add: 0, del: 0, body } => out.extend(body),
                n => out.push(n),
            }
        }
        seq = out;
    }
    Ok(seq)
}

/// `[...]` (the `[` is consumed).
fn parse_set(source: &mut Source<'_>, state: &mut State) -> PResult<Node> {
    let here = source.tell() - 1;
    let mut set: Vec<SetItem> = Vec::new();
    if source.next.is_some_and(|t| t.is('[')) {
        state.warnings.push(Warning { future: true, msg: format!("Possible nested set at position {}", source.tell()) });
    }
    let negate = source.matches('^')?;
    loop {
        let Some(this) = source.get()? else {
            return Err(source.error("unterminated character set".into(), source.tell() - here));
        };
        if this.is(']') && !set.is_empty() {
            break;
        }
        let code1 = if this.esc {
            class_escape(source, this)?
        } else {
            if !set.is_empty() && this.among("-&~|") && source.next == Some(this) {
                let kind = match char::from_u32(this.c) {
                    Some('-') => "difference",
                    Some('&') => "intersection",
                    Some('~') => "symmetric difference",
                    _ => "union",
                };
                state.warnings.push(Warning {
                    future: true,
                    msg: format!("Possible set {kind} at position {}", source.tell() - 1),
                });
            }
            SetItem::Literal(this.c)
        };
        if source.matches('-')? {
            let Some(that) = source.get()? else {
                return Err(source.error("unterminated character set".into(), source.tell() - here));
            };
            if that.is(']') {
                set.push(code1);
                set.push(SetItem::Literal(u32::from(b'-')));
                break;
            }
            let code2 = if that.esc {
                class_escape(source, that)?
            } else {
                if that.is('-') {
                    state.warnings.push(Warning {
                        future: true,
                        msg: format!("Possible set difference at position {}", source.tell() - 2),
                    });
                }
                SetItem::Literal(that.c)
            };
            let bad = || {
                source.error(format!("bad character range {}-{}", this.text(), that.text()), this.len() + 1 + that.len())
            };
            let (SetItem::Literal(lo), SetItem::Literal(hi)) = (code1, code2) else {
                return Err(bad());
            };
            if hi < lo {
                return Err(bad());
            }
            set.push(SetItem::Range(lo, hi));
        } else {
            set.push(code1);
        }
    }
    let mut set = uniq(set);
    if let [SetItem::Literal(c)] = set.as_slice() {
        return Ok(if negate { Node::NotLiteral(*c) } else { Node::Literal(*c) });
    }
    if negate {
        set.insert(0, SetItem::Negate);
    }
    Ok(Node::In(set))
}

/// Parse a decimal repeat bound; `None` for an empty one.
fn repeat_bound(digits: &[u32]) -> PResult<Option<u32>> {
    if digits.is_empty() {
        return Ok(None);
    }
    let mut v: u64 = 0;
    for &d in digits {
        v = v.saturating_mul(10).saturating_add(u64::from(d - 0x30));
    }
    if v >= u64::from(MAXREPEAT) {
        return Err(ParseError::Overflow("the repetition number is too large".into()));
    }
    Ok(Some(v as u32))
}

/// A repeat operator `this` applied to the last node of `seq`.
fn parse_repeat(source: &mut Source<'_>, seq: &mut Seq, this: Tok) -> PResult<()> {
    let here = source.tell();
    let (min, max) = match char::from_u32(this.c) {
        Some('?') => (0, 1),
        Some('*') => (0, MAXREPEAT),
        Some('+') => (1, MAXREPEAT),
        _ => {
            if source.next.is_some_and(|t| t.is('}')) {
                seq.push(Node::Literal(this.c));
                return Ok(());
            }
            let mut lo = Vec::new();
            while is_digit(source.next) {
                lo.push(source.get()?.map_or(0, |t| t.c));
            }
            let mut hi = Vec::new();
            if source.matches(',')? {
                while is_digit(source.next) {
                    hi.push(source.get()?.map_or(0, |t| t.c));
                }
            } else {
                hi.clone_from(&lo);
            }
            if !source.matches('}')? {
                seq.push(Node::Literal(this.c));
                source.seek(here)?;
                return Ok(());
            }
            let min = repeat_bound(&lo)?.unwrap_or(0);
            let max = match repeat_bound(&hi)? {
                Some(max) => {
                    if max < min {
                        return Err(source.error("min repeat greater than max repeat".into(), source.tell() - here));
                    }
                    max
                }
                None => MAXREPEAT,
            };
            (min, max)
        }
    };
    let offset = source.tell() - here + this.len();
    let item = match seq.last() {
        None | Some(Node::At(_)) => return Err(source.error("nothing to repeat".into(), offset)),
        Some(Node::Repeat { .. }) => return Err(source.error("multiple repeat".into(), offset)),
        Some(_) => seq.pop().unwrap_or(Node::Any),
    };
    let body = match item {
        Node::Group { group: None, add: 0, del: 0, body } => body,
        n => vec![n],
    };
    let kind = if source.matches('?')? {
        RepeatKind::Lazy
    } else if source.matches('+')? {
        RepeatKind::Possessive
    } else {
        RepeatKind::Greedy
    };
    seq.push(Node::Repeat { kind, min, max, body });
    Ok(())
}

enum GroupOutcome {
    Node(Node),
    Nothing,
    GlobalFlags,
}

const FLAG_CHARS: &str = "iLmsxatu";

fn flag_of(t: Tok) -> Option<u32> {
    if t.esc {
        return None;
    }
    Some(match char::from_u32(t.c)? {
        'i' => flag::IGNORECASE,
        'L' => flag::LOCALE,
        'm' => flag::MULTILINE,
        's' => flag::DOTALL,
        'x' => flag::VERBOSE,
        'a' => flag::ASCII,
        't' => flag::TEMPLATE,
        'u' => flag::UNICODE,
        _ => return None,
    })
}

fn tok_is_alpha(t: Tok) -> bool {
    !t.esc && char::from_u32(t.c).is_some_and(is_alpha)
}

/// `(...)` in all its forms (the `(` is consumed; it was at `start`).
fn parse_group(source: &mut Source<'_>, state: &mut State, verbose: bool, nested: usize, start: usize) -> PResult<GroupOutcome> {
    let mut capture = true;
    let mut atomic = false;
    let mut name: Option<String> = None;
    let mut add_flags = 0;
    let mut del_flags = 0;
    if source.matches('?')? {
        let Some(ch) = source.get()? else {
            return Err(source.error("unexpected end of pattern".into(), 0));
        };
        if ch.is('P') {
            if source.matches('<')? {
                let n = source.getuntil('>', "group name")?;
                source.checkgroupname(&n, 1, &mut state.warnings)?;
                name = Some(n);
            } else if source.matches('=')? {
                let n = source.getuntil(')', "group name")?;
                source.checkgroupname(&n, 1, &mut state.warnings)?;
                let len = n.chars().count() + 1;
                let Some(gid) = state.group_named(&n) else {
                    return Err(source.error(format!("unknown group name {}", py_repr(&n)), len));
                };
                if !state.checkgroup(gid) {
                    return Err(source.error("cannot refer to an open group".into(), len));
                }
                state.checklookbehindgroup(gid, source)?;
                return Ok(GroupOutcome::Node(Node::GroupRef(gid)));
            } else {
                let Some(ch) = source.get()? else {
                    return Err(source.error("unexpected end of pattern".into(), 0));
                };
                return Err(source.error(format!("unknown extension ?P{}", ch.text()), ch.len() + 2));
            }
        } else if ch.is(':') {
            capture = false;
        } else if ch.is('#') {
            loop {
                if source.next.is_none() {
                    return Err(source.error("missing ), unterminated comment".into(), source.tell() - start));
                }
                if source.get()?.is_some_and(|t| t.is(')')) {
                    break;
                }
            }
            return Ok(GroupOutcome::Nothing);
        } else if ch.among("=!<") {
            let mut ch = ch;
            let mut behind = false;
            let mut outer_lookbehind = None;
            if ch.is('<') {
                let Some(c2) = source.get()? else {
                    return Err(source.error("unexpected end of pattern".into(), 0));
                };
                if !c2.among("=!") {
                    return Err(source.error(format!("unknown extension ?<{}", c2.text()), c2.len() + 2));
                }
                ch = c2;
                behind = true;
                outer_lookbehind = Some(state.lookbehindgroups);
                if state.lookbehindgroups.is_none() {
                    state.lookbehindgroups = Some(state.groups());
                }
            }
            let body = parse_sub(source, state, verbose, nested + 1)?;
            if outer_lookbehind == Some(None) {
                state.lookbehindgroups = None;
            }
            if !source.matches(')')? {
                return Err(source.error("missing ), unterminated subpattern".into(), source.tell() - start));
            }
            return Ok(GroupOutcome::Node(Node::Assert { behind, negate: ch.is('!'), body }));
        } else if ch.is('(') {
            return parse_conditional(source, state, verbose, nested, start).map(GroupOutcome::Node);
        } else if ch.is('>') {
            capture = false;
            atomic = true;
        } else if ch.among(FLAG_CHARS) || ch.is('-') {
            match parse_flags(source, state, ch)? {
                None => return Ok(GroupOutcome::GlobalFlags),
                Some((a, d)) => {
                    add_flags = a;
                    del_flags = d;
                    capture = false;
                }
            }
        } else {
            return Err(source.error(format!("unknown extension ?{}", ch.text()), ch.len() + 1));
        }
    }
    let group = if capture {
        match state.opengroup(name.as_deref()) {
            Ok(g) => Some(g),
            Err(msg) => {
                let len = name.as_deref().map_or(0, |n| n.chars().count());
                return Err(source.error(msg, len + 1));
            }
        }
    } else {
        None
    };
    let sub_verbose = (verbose || add_flags & flag::VERBOSE != 0) && del_flags & flag::VERBOSE == 0;
    let body = parse_sub(source, state, sub_verbose, nested + 1)?;
    if !source.matches(')')? {
        return Err(source.error("missing ), unterminated subpattern".into(), source.tell() - start));
    }
    if let Some(g) = group {
        state.groupwidths[g] = Some(width(&body, &state.groupwidths));
    }
    Ok(GroupOutcome::Node(if atomic {
        Node::Atomic(body)
    } else {
        Node::Group { group, add: add_flags, del: del_flags, body }
    }))
}

/// `(?(group)yes|no)` after the `(?(`.
fn parse_conditional(source: &mut Source<'_>, state: &mut State, verbose: bool, nested: usize, start: usize) -> PResult<Node> {
    let condname = source.getuntil(')', "group name")?;
    let len = condname.chars().count() + 1;
    let condgroup = if is_identifier(&condname) {
        source.checkgroupname(&condname, 1, &mut state.warnings)?;
        match state.group_named(&condname) {
            Some(g) => g,
            None => return Err(source.error(format!("unknown group name {}", py_repr(&condname)), len)),
        }
    } else {
        let bad = || source.error(format!("bad character in group name {}", py_repr(&condname)), len);
        let Some(value) = py_int(&condname) else { return Err(bad()) };
        if value.sign() == num_bigint::Sign::Minus {
            return Err(bad());
        }
        if value.sign() == num_bigint::Sign::NoSign {
            return Err(source.error("bad group number".into(), len));
        }
        let g = usize::try_from(&value).ok().filter(|&g| g < MAXGROUPS);
        let Some(g) = g else {
            return Err(source.error(format!("invalid group reference {value}"), len));
        };
        if !state.grouprefpos.iter().any(|&(x, _)| x == g) {
            state.grouprefpos.push((g, source.tell() - len));
        }
        if !(condname.is_ascii() && condname.chars().all(is_decimal)) {
            let shown = if source.istext { py_repr(&condname) } else { ascii_repr(&condname) };
            state.warnings.push(Warning {
                future: false,
                msg: format!("bad character in group name {shown} at position {}", source.tell() - len),
            });
        }
        g
    };
    state.checklookbehindgroup(condgroup, source)?;
    let yes = parse_seq(source, state, verbose, nested + 1, false)?;
    let no = if source.matches('|')? {
        let no = parse_seq(source, state, verbose, nested + 1, false)?;
        if source.next.is_some_and(|t| t.is('|')) {
            return Err(source.error("conditional backref with more than two branches".into(), 0));
        }
        Some(no)
    } else {
        None
    };
    if !source.matches(')')? {
        return Err(source.error("missing ), unterminated subpattern".into(), source.tell() - start));
    }
    Ok(Node::GroupRefExists { group: condgroup, yes, no })
}

/// Inline flags after `(?`, starting with `ch`: `None` for global flags
/// (`(?i)`), else the flags turned on and off for a scoped group.
fn parse_flags(source: &mut Source<'_>, state: &mut State, mut ch: Tok) -> PResult<Option<(u32, u32)>> {
    let mut add_flags = 0;
    let mut del_flags = 0;
    if !ch.is('-') {
        loop {
            let f = flag_of(ch).unwrap_or(0);
            if source.istext {
                if ch.is('L') {
                    return Err(source.error("bad inline flags: cannot use 'L' flag with a str pattern".into(), 0));
                }
            } else if ch.is('u') {
                return Err(source.error("bad inline flags: cannot use 'u' flag with a bytes pattern".into(), 0));
            }
            add_flags |= f;
            if f & flag::TYPE_FLAGS != 0 && add_flags & flag::TYPE_FLAGS != f {
                return Err(source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible".into(), 0));
            }
            let Some(next) = source.get()? else {
                return Err(source.error("missing -, : or )".into(), 0));
            };
            ch = next;
            if ch.among(")-:") {
                break;
            }
            if flag_of(ch).is_none() {
                let msg = if tok_is_alpha(ch) { "unknown flag" } else { "missing -, : or )" };
                return Err(source.error(msg.into(), ch.len()));
            }
        }
    }
    if ch.is(')') {
        state.flags |= add_flags;
        return Ok(None);
    }
    if add_flags & flag::GLOBAL_FLAGS != 0 {
        return Err(source.error("bad inline flags: cannot turn on global flag".into(), 1));
    }
    if ch.is('-') {
        let Some(next) = source.get()? else {
            return Err(source.error("missing flag".into(), 0));
        };
        ch = next;
        if flag_of(ch).is_none() {
            let msg = if tok_is_alpha(ch) { "unknown flag" } else { "missing flag" };
            return Err(source.error(msg.into(), ch.len()));
        }
        loop {
            let f = flag_of(ch).unwrap_or(0);
            if f & flag::TYPE_FLAGS != 0 {
                return Err(source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'".into(), 0));
            }
            del_flags |= f;
            let Some(next) = source.get()? else {
                return Err(source.error("missing :".into(), 0));
            };
            ch = next;
            if ch.is(':') {
                break;
            }
            if flag_of(ch).is_none() {
                let msg = if tok_is_alpha(ch) { "unknown flag" } else { "missing :" };
                return Err(source.error(msg.into(), ch.len()));
            }
        }
    }
    if del_flags & flag::GLOBAL_FLAGS != 0 {
        return Err(source.error("bad inline flags: cannot turn off global flag".into(), 1));
    }
    if add_flags & del_flags != 0 {
        return Err(source.error("bad inline flags: flag turned on and off".into(), 1));
    }
    Ok(Some((add_flags, del_flags)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn err(p: &str) -> (String, Option<usize>) {
        match parse(&chars(p), true, 0, 1000, 0) {
            Err(ParseError::Re { msg, pos }) => (msg, pos),
            Err(e) => panic!("unexpected {e:?}"),
            Ok(_) => panic!("parsed {p}"),
        }
    }

    #[test]
    fn error_messages_and_positions() {
        assert_eq!(err("("), ("missing ), unterminated subpattern".into(), Some(0)));
        assert_eq!(err("a**"), ("multiple repeat".into(), Some(2)));
        assert_eq!(err("*"), ("nothing to repeat".into(), Some(0)));
        assert_eq!(err("a)"), ("unbalanced parenthesis".into(), Some(1)));
        assert_eq!(err("[a"), ("unterminated character set".into(), Some(0)));
        assert_eq!(err("\\"), ("bad escape (end of pattern)".into(), Some(0)));
        assert_eq!(err("\\q"), ("bad escape \\q".into(), Some(0)));
        assert_eq!(err("(?P<1>a)"), ("bad character in group name '1'".into(), Some(4)));
        assert_eq!(err("a{3,2}"), ("min repeat greater than max repeat".into(), Some(2)));
        assert_eq!(err("x(?i)"), ("global flags not at the start of the expression".into(), Some(1)));
        assert_eq!(err("(?z)"), ("unknown extension ?z".into(), Some(1)));
        assert_eq!(err("\\2(a)"), ("invalid group reference 2".into(), Some(1)));
        assert_eq!(err("[z-a]"), ("bad character range z-a".into(), Some(1)));
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!("{}{}", "(".repeat(600), ")".repeat(600));
        assert!(matches!(parse(&chars(&deep), true, 0, 1000, 0), Err(ParseError::Recursion)));
        assert!(parse(&chars(&deep), true, 0, 1300, 0).is_ok());
    }

    #[test]
    fn structure() {
        let p = parse(&chars("(?P<y>\\d{4})-(a|b)"), true, 0, 1000, 0).unwrap_or_else(|_| panic!());
        assert_eq!(p.groups, 2);
        assert_eq!(p.groupindex, vec![("y".to_string(), 1)]);
        assert_eq!(p.flags, flag::UNICODE);
        assert_eq!(p.seq.len(), 3);
        assert!(matches!(&p.seq[2], Node::Group { group: Some(2), body, .. } if matches!(body.as_slice(), [Node::In(_)])));
    }
}
