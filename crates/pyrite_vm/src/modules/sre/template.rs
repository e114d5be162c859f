//! Replacement templates of `sub()` and `Match.expand()`: `\1`, `\g<name>`,
//! `\g<0>` and escapes, parsed against a pattern's groups.

use crate::object::PyRef;
use crate::types::bytes::{with_bytes, ByteArrayObj, BytesObj};
use crate::types::str::StrObj;
use crate::vm::Vm;
use crate::PyResult;

use super::ast::MAXGROUPS;
use super::matchobj::MatchObj;
use super::parser::{ParseError, Source, Warning};
use super::pattern::PatternObj;
use super::text::{is_decimal, is_identifier, py_int, py_repr};

/// One piece of an expansion.
enum Piece {
    /// Fixed text (of the template's type).
    Literal(PyRef),
    /// A group's text (empty when the group did not take part).
    Group(usize),
}

/// A parsed template.
pub(crate) struct Template {
    pieces: Vec<Piece>,
}

/// Whether a replacement is used as is: a str or bytes-like object
/// without backslashes.
pub(crate) fn is_literal(repl: &PyRef) -> bool {
    if let Some(s) = repl.downcast::<StrObj>() {
        return !s.as_str().contains('\\');
    }
    with_bytes(repl, |b| !b.contains(&b'\\')).unwrap_or(false)
}

fn is_oct(t: Option<super::parser::Tok>) -> bool {
    t.is_some_and(|t| !t.esc && (0x30..=0x37).contains(&t.c))
}

fn is_dec(t: Option<super::parser::Tok>) -> bool {
    t.is_some_and(|t| !t.esc && (0x30..=0x39).contains(&t.c))
}

impl Template {
    /// Parse `repl` for `pat` (`re.error`, or `IndexError` for an unknown
    /// group name, as `re` raises them).
    pub fn parse(vm: &Vm, repl: &PyRef, pat: &PatternObj) -> PyResult<Template> {
        let (chars, istext) = if let Some(s) = repl.downcast::<StrObj>() {
            (s.as_str().chars().map(|c| c as u32).collect::<Vec<_>>(), true)
        } else if let Some(b) = with_bytes(repl, |b| b.iter().map(|&c| u32::from(c)).collect::<Vec<_>>()) {
            (b, false)
        } else {
            return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {} found", repl.ty().name())));
        };
        let mut warnings = Vec::new();
        let parsed = parse_pieces(vm, &chars, istext, pat, &mut warnings);
        super::issue_warnings(vm, &warnings, 2)?;
        let raw = parsed.map_err(|e| super::parse_error(vm, e, repl))?;
        let pieces = raw
            .into_iter()
            .map(|p| match p {
                RawPiece::Literal(cs) => Piece::Literal(if istext {
                    vm.new_string(cs.iter().filter_map(|&c| char::from_u32(c)).collect())
                } else {
                    vm.new_bytes(cs.iter().map(|&c| c as u8).collect())
                }),
                RawPiece::Group(g) => Piece::Group(g),
            })
            .collect();
        Ok(Template { pieces })
    }

    /// The replacement when the template is one fixed text.
    pub fn as_literal(&self) -> Option<PyRef> {
        match self.pieces.as_slice() {
            [Piece::Literal(l)] => Some(l.clone()),
            _ => None,
        }
    }

    /// The template filled in from match `m`.
    pub fn expand(&self, vm: &Vm, m: &PyRef) -> PyResult {
        let Some(mo) = m.downcast::<MatchObj>() else { return Err(vm.type_error("expected a match")) };
        let is_str = mo.subject.is_str;
        let empty = if is_str { vm.empty_str.clone() } else { vm.empty_bytes.clone() };
        let mut items = Vec::with_capacity(self.pieces.len());
        for p in &self.pieces {
            items.push(match p {
                Piece::Literal(l) => l.clone(),
                Piece::Group(g) => match mo.spans.get(*g) {
                    Some(&(s, e)) if s >= 0 && s < e => mo.subject.slice(vm, s as usize, e as usize),
                    Some(_) => empty.clone(),
                    None => return Err(super::re_error(vm, &format!("invalid group reference {g}"), None, None)),
                },
            });
        }
        join(vm, &items, !is_str)
    }
}

/// A template piece before objects are made.
enum RawPiece {
    Literal(Vec<u32>),
    Group(usize),
}

fn parse_pieces(vm: &Vm, chars: &[u32], istext: bool, pat: &PatternObj, warnings: &mut Vec<Warning>) -> Result<Vec<RawPiece>, ParseError> {
    let mut s = Source::new(chars, istext)?;
    let mut pieces = Vec::new();
    let mut literal: Vec<u32> = Vec::new();
    let add_group = |s: &Source<'_>, pieces: &mut Vec<RawPiece>, literal: &mut Vec<u32>, index: usize, pos: usize| {
        if index > pat.groups {
            return Err(s.error(format!("invalid group reference {index}"), pos));
        }
        if !literal.is_empty() {
            pieces.push(RawPiece::Literal(std::mem::take(literal)));
        }
        pieces.push(RawPiece::Group(index));
        Ok(())
    };
    while let Some(this) = s.get()? {
        if !this.esc {
            literal.push(this.c);
            continue;
        }
        let c = this.c;
        if c == u32::from(b'g') {
            if !s.matches('<')? {
                return Err(s.error("missing <".into(), 0));
            }
            let name = s.getuntil('>', "group name")?;
            let len = name.chars().count() + 1;
            let index = if is_identifier(&name) {
                s.checkgroupname(&name, 1, warnings)?;
                let key = vm.new_str(&name);
                let found = pat
                    .groupindex
                    .downcast::<crate::types::dict::DictObj>()
                    .and_then(|d| d.get_item(vm, &key).ok().flatten())
                    .and_then(|v| vm.small_int_of(&v));
                match found {
                    Some(g) => g as usize,
                    None => return Err(ParseError::Index(format!("unknown group name {}", py_repr(&name)))),
                }
            } else {
                let bad = || s.error(format!("bad character in group name {}", py_repr(&name)), len);
                let Some(v) = py_int(&name) else { return Err(bad()) };
                if v.sign() == num_bigint::Sign::Minus {
                    return Err(bad());
                }
                let Some(g) = usize::try_from(&v).ok().filter(|&g| g < MAXGROUPS) else {
                    return Err(s.error(format!("invalid group reference {v}"), len));
                };
                if !(name.is_ascii() && name.chars().all(is_decimal)) {
                    warnings.push(Warning {
                        future: false,
                        msg: format!("bad character in group name {} at position {}", py_repr(&name), s.tell() - len),
                    });
                }
                g
            };
            add_group(&s, &mut pieces, &mut literal, index, len)?;
        } else if c == u32::from(b'0') {
            let mut digits = vec![c];
            if is_oct(s.next) {
                digits.push(s.get()?.map_or(0, |t| t.c));
                if is_oct(s.next) {
                    digits.push(s.get()?.map_or(0, |t| t.c));
                }
            }
            literal.push(digits[1..].iter().fold(0u32, |a, &d| a * 8 + (d - 0x30)) & 0xff);
        } else if (0x31..=0x39).contains(&c) {
            let mut digits = vec![c];
            let mut octal = false;
            if is_dec(s.next) {
                digits.push(s.get()?.map_or(0, |t| t.c));
                if (0x30..=0x37).contains(&c) && (0x30..=0x37).contains(&digits[1]) && is_oct(s.next) {
                    digits.push(s.get()?.map_or(0, |t| t.c));
                    octal = true;
                    let v = digits.iter().fold(0u32, |a, &d| a * 8 + (d - 0x30));
                    if v > 0o377 {
                        let text: String = digits.iter().filter_map(|&d| char::from_u32(d)).collect();
                        return Err(s.error(format!("octal escape value \\{text} outside of range 0-0o377"), 4));
                    }
                    literal.push(v);
                }
            }
            if !octal {
                let g = digits.iter().fold(0usize, |a, &d| a * 10 + (d - 0x30) as usize);
                add_group(&s, &mut pieces, &mut literal, g, digits.len())?;
            }
        } else if let Some(v) = super::parser::simple_escape(c) {
            literal.push(v);
        } else if char::from_u32(c).is_some_and(|ch| ch.is_ascii_alphabetic()) {
            let ch = char::from_u32(c).unwrap_or('?');
            return Err(s.error(format!("bad escape \\{ch}"), 2));
        } else {
            literal.push(u32::from(b'\\'));
            literal.push(c);
        }
    }
    if !literal.is_empty() {
        pieces.push(RawPiece::Literal(literal));
    }
    Ok(pieces)
}

/// `''.join(items)` (or `b''.join`), with its type errors.
pub(crate) fn join(vm: &Vm, items: &[PyRef], bytes: bool) -> PyResult {
    if bytes {
        if let [one] = items {
            if std::ptr::eq(one.ty(), &*vm.types.bytes) {
                return Ok(one.clone());
            }
        }
        let mut out = Vec::new();
        for (i, it) in items.iter().enumerate() {
            if let Some(b) = it.downcast::<BytesObj>() {
                out.extend_from_slice(&b.value);
            } else if let Some(b) = it.downcast::<ByteArrayObj>() {
                out.extend(b.to_vec());
            } else {
                return Err(vm.type_error(format!("sequence item {i}: expected a bytes-like object, {} found", it.ty().name())));
            }
        }
        return Ok(vm.new_bytes(out));
    }
    if let [one] = items {
        if std::ptr::eq(one.ty(), &*vm.types.str) {
            return Ok(one.clone());
        }
    }
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        match it.downcast::<StrObj>() {
            Some(s) => out.push_str(s.as_str()),
            None => return Err(vm.type_error(format!("sequence item {i}: expected str instance, {} found", it.ty().name()))),
        }
    }
    Ok(vm.new_string(out))
}
