//! The decoder: `scanstring` and the callable `make_scanner` builds from a
//! `JSONDecoder` (its `scan_once`).
//!
//! The document is scanned as UTF-8 bytes: every byte the grammar looks at
//! (quotes, backslashes, digits, whitespace, punctuation) is ASCII and never
//! part of a multi-byte char. Positions are byte offsets inside; those that
//! reach Python (the end index returned, error positions) are converted to
//! code point indices.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::object::PyRef;
use crate::types::dict::DictObj;
use crate::types::int::{int_max_str_digits, new_int_value, parse_int_text, IntParseError};
use crate::types::list::ListObj;
use crate::types::str::StrObj;
use crate::types::tuple::TupleObj;
use crate::types::typeobj::FuncArgs;
use crate::vm::Vm;
use crate::{PyErr, PyResult};

use super::{bind, Depth};

/// What `make_scanner` takes from the decoder, in the order of the tuple
/// the scanner is bound to.
const CONTEXT_ATTRS: [&str; 6] = ["strict", "object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"];

/// `make_scanner(context)`: `scan_once(string, idx)`, bound to the
/// context's settings (read once, as CPython's `c_make_scanner` does).
pub(super) fn make_scanner(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let [ctx] = bind(vm, "make_scanner", &args, ["context"], 1)?;
    let ctx = ctx.unwrap_or(&vm.none);
    let mut settings = Vec::with_capacity(CONTEXT_ATTRS.len());
    for name in CONTEXT_ATTRS {
        let v = vm.get_attr_str(ctx, name)?;
        settings.push(if name == "strict" { vm.new_bool(vm.truthy(&v)?) } else { v });
    }
    Ok(super::bound_function(vm, "scan_once", scan_once, vm.new_tuple(settings)))
}

/// The body of a scanner: `scan_once(string, idx)` → `(value, end)`;
/// StopIteration(idx) when no value starts at `idx`.
fn scan_once(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (settings, rest) = args.args.split_first().ok_or_else(|| vm.type_error("scan_once() needs its settings"))?;
    let args = FuncArgs { args: rest, kwnames: args.kwnames };
    let [string, idx] = bind(vm, "scan_once", &args, ["string", "idx"], 2)?;
    let (Some(string), Some(idx)) = (string, idx) else { return Err(vm.type_error("scan_once() missing arguments")) };
    let Some(doc) = string.downcast::<StrObj>() else {
        return Err(vm.type_error(format!("first argument must be a string, not {}", string.ty().name())));
    };
    let idx = vm.index_i64(idx)?;
    let settings = settings.downcast::<TupleObj>().map(TupleObj::items).unwrap_or_default();
    let [strict, object_hook, pairs_hook, parse_float, parse_int, parse_constant] = settings else {
        return Err(vm.type_error("scan_once() has no settings"));
    };
    // Calling the scanner object counts one level, as a call through
    // CPython's `tp_call` does.
    let _call = Depth::enter(vm, " while calling a Python object")?;
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    if idx as u64 >= doc.char_len as u64 {
        return Err(vm.stop_iteration(Some(vm.new_int(idx))));
    }
    let mut s = Scanner {
        vm,
        doc: string,
        text: doc.as_str(),
        ascii: doc.is_ascii(),
        strict: strict.is(&vm.true_),
        object_hook: (!vm.is_none(object_hook)).then_some(object_hook),
        pairs_hook: (!vm.is_none(pairs_hook)).then_some(pairs_hook),
        parse_float: (!parse_float.is(vm.types.float.as_ref())).then_some(parse_float),
        parse_int: (!parse_int.is(vm.types.int.as_ref())).then_some(parse_int),
        parse_constant,
        memo: HashMap::new(),
    };
    let start = doc.byte_offset(idx as usize);
    let (value, end) = s.value(start)?;
    Ok(vm.new_tuple(vec![value, vm.new_int(idx + s.chars_between(start, end))]))
}

/// `scanstring(string, end, strict=True)`: the str literal whose opening
/// quote is just before index `end`, and the index after its closing quote.
pub(super) fn scanstring(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("scanstring() takes no keyword arguments"));
    }
    let (string, end, strict) = match args.args {
        [s, e] => (s, e, true),
        [s, e, strict] => (s, e, vm.truthy(strict)?),
        a if a.len() < 2 => {
            return Err(vm.type_error(format!("scanstring expected at least 2 arguments, got {}", a.len())));
        }
        a => return Err(vm.type_error(format!("scanstring expected at most 3 arguments, got {}", a.len()))),
    };
    let end = vm.index_i64(end)?;
    let Some(doc) = string.downcast::<StrObj>() else {
        return Err(vm.type_error(format!("first argument must be a string, not {}", string.ty().name())));
    };
    if end < 0 || end as u64 > doc.char_len as u64 {
        return Err(vm.value_error("end is out of bounds"));
    }
    let s = Scanner {
        vm,
        doc: string,
        text: doc.as_str(),
        ascii: doc.is_ascii(),
        strict,
        object_hook: None,
        pairs_hook: None,
        parse_float: None,
        parse_int: None,
        parse_constant: &vm.none,
        memo: HashMap::new(),
    };
    let start = doc.byte_offset(end as usize);
    let (text, after) = s.string_text(start, Some(end - 1))?;
    let value = match text {
        Cow::Borrowed(t) => vm.new_str(t),
        Cow::Owned(t) => vm.new_string(t),
    };
    Ok(vm.new_tuple(vec![value, vm.new_int(end + s.chars_between(start, after))]))
}

/// Whether `c` is JSON whitespace.
#[inline(always)]
fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

/// The value of an ASCII hex digit.
fn hex_value(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// One scan of a document.
struct Scanner<'a> {
    vm: &'a Vm,
    /// The document (a str object, for error messages and hooks).
    doc: &'a PyRef,
    /// Its text.
    text: &'a str,
    /// Byte offsets are code point indices.
    ascii: bool,
    /// Control characters inside strings are errors.
    strict: bool,
    object_hook: Option<&'a PyRef>,
    pairs_hook: Option<&'a PyRef>,
    /// `None` when it is `float` (parsed here).
    parse_float: Option<&'a PyRef>,
    /// `None` when it is `int` (parsed here).
    parse_int: Option<&'a PyRef>,
    parse_constant: &'a PyRef,
    /// Object keys seen in this scan: equal keys share one str object.
    memo: HashMap<Box<str>, PyRef>,
}

impl<'a> Scanner<'a> {
    /// Code points in the text between byte offsets `a <= b`.
    fn chars_between(&self, a: usize, b: usize) -> i64 {
        if self.ascii {
            (b - a) as i64
        } else {
            self.text[a..b].chars().count() as i64
        }
    }

    /// `json.decoder.JSONDecodeError(msg, doc, pos)` at code point `pos`.
    #[cold]
    fn error_at_char(&self, msg: &str, pos: i64) -> PyErr {
        let vm = self.vm;
        let cls = match vm.import_module("json.decoder").and_then(|m| vm.get_attr_str(&m, "JSONDecodeError")) {
            Ok(c) => c,
            Err(e) => return e,
        };
        match vm.call_pos(&cls, &[vm.new_str(msg), self.doc.clone(), vm.new_int(pos)]) {
            Ok(exc) if vm.is_instance(&exc, &vm.exc.base_exception) => PyErr(exc),
            Ok(_) => vm.type_error("exceptions must derive from BaseException"),
            Err(e) => e,
        }
    }

    /// `JSONDecodeError` at byte offset `pos`.
    #[cold]
    fn error(&self, msg: &str, pos: usize) -> PyErr {
        self.error_at_char(msg, self.chars_between(0, pos))
    }

    /// `StopIteration(pos)`: no value starts at byte offset `pos`.
    #[cold]
    fn stop(&self, pos: usize) -> PyErr {
        self.vm.stop_iteration(Some(self.vm.new_int(self.chars_between(0, pos))))
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        let b = self.text.as_bytes();
        while i < b.len() && is_ws(b[i]) {
            i += 1;
        }
        i
    }

    /// The value starting at byte `i`, and the offset after it.
    fn value(&mut self, i: usize) -> PyResult<(PyRef, usize)> {
        let vm = self.vm;
        let b = self.text.as_bytes();
        let Some(&c) = b.get(i) else { return Err(self.stop(i)) };
        let rest = &b[i..];
        match c {
            b'"' => {
                let (text, end) = self.string_text(i + 1, None)?;
                let s = match text {
                    Cow::Borrowed(t) => vm.new_str(t),
                    Cow::Owned(t) => vm.new_string(t),
                };
                return Ok((s, end));
            }
            b'{' => {
                let _depth = Depth::enter(vm, " while decoding a JSON object from a unicode string")?;
                return self.object(i + 1);
            }
            b'[' => {
                let _depth = Depth::enter(vm, " while decoding a JSON array from a unicode string")?;
                return self.array(i + 1);
            }
            b'n' if rest.starts_with(b"null") => return Ok((vm.none(), i + 4)),
            b't' if rest.starts_with(b"true") => return Ok((vm.new_bool(true), i + 4)),
            b'f' if rest.starts_with(b"false") => return Ok((vm.new_bool(false), i + 5)),
            b'N' if rest.starts_with(b"NaN") => return self.constant("NaN", i),
            b'I' if rest.starts_with(b"Infinity") => return self.constant("Infinity", i),
            b'-' if rest.starts_with(b"-Infinity") => return self.constant("-Infinity", i),
            _ => {}
        }
        self.number(i)
    }

    /// `parse_constant(name)` for NaN, Infinity and -Infinity at byte `i`.
    fn constant(&self, name: &str, i: usize) -> PyResult<(PyRef, usize)> {
        let v = self.vm.call_pos(self.parse_constant, &[self.vm.new_str(name)])?;
        Ok((v, i + name.len()))
    }

    /// A number at byte `start`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
    fn number(&self, start: usize) -> PyResult<(PyRef, usize)> {
        let vm = self.vm;
        let b = self.text.as_bytes();
        let n = b.len();
        let digit_at = |i: usize| i < n && b[i].is_ascii_digit();
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
        }
        match b.get(i) {
            Some(b'1'..=b'9') => {
                i += 1;
                while digit_at(i) {
                    i += 1;
                }
            }
            Some(b'0') => i += 1,
            _ => return Err(self.stop(start)),
        }
        let mut is_float = false;
        if i < n && b[i] == b'.' && digit_at(i + 1) {
            is_float = true;
            i += 2;
            while digit_at(i) {
                i += 1;
            }
        }
        if i < n && (b[i] == b'e' || b[i] == b'E') {
            let mut j = i + 1;
            if j < n && (b[j] == b'-' || b[j] == b'+') {
                j += 1;
            }
            if digit_at(j) {
                while digit_at(j) {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        let text = &self.text[start..i];
        let value = if is_float {
            match self.parse_float {
                Some(f) => vm.call_pos(f, &[vm.new_str(text)])?,
                None => vm.new_float(text.parse::<f64>().map_err(|_| vm.value_error("invalid JSON number"))?),
            }
        } else {
            match self.parse_int {
                Some(f) => vm.call_pos(f, &[vm.new_str(text)])?,
                None => parse_int(vm, text)?,
            }
        };
        Ok((value, i))
    }

    /// The text of the string literal whose content starts at byte `start`
    /// (after the opening quote), and the offset after its closing quote.
    /// `begin`: the code point index of the opening quote when known.
    fn string_text(&self, start: usize, begin: Option<i64>) -> PyResult<(Cow<'a, str>, usize)> {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        let unterminated = || match begin {
            Some(p) => self.error_at_char("Unterminated string starting at", p),
            None => self.error("Unterminated string starting at", start - 1),
        };
        let mut out: Option<String> = None;
        let mut i = start;
        loop {
            // The run up to the next quote or backslash.
            let run = i;
            while i < n && b[i] != b'"' && b[i] != b'\\' {
                if b[i] < 0x20 && self.strict {
                    return Err(self.error("Invalid control character at", i));
                }
                i += 1;
            }
            if i >= n {
                return Err(unterminated());
            }
            if b[i] == b'"' {
                return Ok(match out {
                    None => (Cow::Borrowed(&text[run..i]), i + 1),
                    Some(mut o) => {
                        o.push_str(&text[run..i]);
                        (Cow::Owned(o), i + 1)
                    }
                });
            }
            let o = out.get_or_insert_with(String::new);
            o.push_str(&text[run..i]);
            // A backslash at `i`.
            let Some(&esc) = b.get(i + 1) else { return Err(unterminated()) };
            if esc != b'u' {
                o.push(match esc {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\x08',
                    b'f' => '\x0c',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => return Err(self.error("Invalid \\escape", i)),
                });
                i += 2;
                continue;
            }
            // `\uXXXX` at `i`: four hex digits, and text after them.
            let u = i + 1;
            let mut end = u + 5;
            if end >= n {
                return Err(self.error("Invalid \\uXXXX escape", u));
            }
            let mut c = self.hex4(u + 1).ok_or_else(|| self.error("Invalid \\uXXXX escape", u))?;
            if (0xd800..0xdc00).contains(&c) && end + 6 < n && b[end] == b'\\' && b[end + 1] == b'u' {
                let c2 = self.hex4(end + 2).ok_or_else(|| self.error("Invalid \\uXXXX escape", end + 1))?;
                if (0xdc00..0xe000).contains(&c2) {
                    c = 0x10000 + (((c - 0xd800) << 10) | (c2 - 0xdc00));
                    end += 6;
                }
            }
            match char::from_u32(c) {
                Some(ch) => o.push(ch),
                None => o.push_str(&crate::types::format::lone_surrogate_stand_in(c)),
            }
            i = end;
        }
    }

    /// The four hex digits at byte `i` (the caller checked they exist).
    fn hex4(&self, i: usize) -> Option<u32> {
        self.text.as_bytes()[i..i + 4].iter().try_fold(0, |acc, &d| Some((acc << 4) | hex_value(d)?))
    }

    /// An object key at byte `start` (after its quote): equal keys of one
    /// scan share one str object.
    fn key(&mut self, start: usize) -> PyResult<(PyRef, usize)> {
        let (text, end) = self.string_text(start, None)?;
        if let Some(k) = self.memo.get(&*text) {
            return Ok((k.clone(), end));
        }
        let k = self.vm.new_str(&text);
        self.memo.insert(text.into_owned().into_boxed_str(), k.clone());
        Ok((k, end))
    }

    /// An object whose `{` is just before byte `i`: a dict, or with
    /// `object_pairs_hook` a list of (key, value) tuples; then the hook.
    fn object(&mut self, i: usize) -> PyResult<(PyRef, usize)> {
        let vm = self.vm;
        let b = self.text.as_bytes();
        let n = b.len();
        let container = if self.pairs_hook.is_some() { vm.new_list(Vec::new()) } else { vm.new_dict() };
        let mut i = self.skip_ws(i);
        if i >= n || b[i] != b'}' {
            loop {
                if i >= n || b[i] != b'"' {
                    return Err(self.error("Expecting property name enclosed in double quotes", i));
                }
                let (key, next) = self.key(i + 1)?;
                i = self.skip_ws(next);
                if i >= n || b[i] != b':' {
                    return Err(self.error("Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (value, next) = self.value(i)?;
                if let Some(l) = container.downcast::<ListObj>() {
                    l.append(vm.new_tuple(vec![key, value]));
                } else if let Some(d) = container.downcast::<DictObj>() {
                    d.set_item(vm, key, value)?;
                }
                i = self.skip_ws(next);
                if i < n && b[i] == b'}' {
                    break;
                }
                if i >= n || b[i] != b',' {
                    return Err(self.error("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        let value = match self.pairs_hook.or(self.object_hook) {
            Some(hook) => vm.call_pos(hook, &[container])?,
            None => container,
        };
        Ok((value, i + 1))
    }

    /// An array whose `[` is just before byte `i`.
    fn array(&mut self, i: usize) -> PyResult<(PyRef, usize)> {
        let vm = self.vm;
        let b = self.text.as_bytes();
        let n = b.len();
        let list = vm.new_list(Vec::new());
        let mut i = self.skip_ws(i);
        if i >= n || b[i] != b']' {
            loop {
                let (value, next) = self.value(i)?;
                if let Some(l) = list.downcast::<ListObj>() {
                    l.append(value);
                }
                i = self.skip_ws(next);
                if i < n && b[i] == b']' {
                    break;
                }
                if i >= n || b[i] != b',' {
                    return Err(self.error("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((list, i + 1))
    }
}

/// `int(text)` for the text of a JSON integer (with the int/str digit limit).
fn parse_int(vm: &Vm, text: &str) -> PyResult {
    if text.len() <= 18 {
        if let Ok(v) = text.parse::<i64>() {
            return Ok(vm.new_int(v));
        }
    }
    match parse_int_text(text, 10) {
        Ok(v) => Ok(new_int_value(vm, v)),
        Err(IntParseError::TooManyDigits(n)) => Err(vm.value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            int_max_str_digits(),
            n
        ))),
        Err(IntParseError::Invalid) => Err(vm.value_error(format!("invalid literal for int() with base 10: '{text}'"))),
    }
}
