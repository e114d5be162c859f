//! Text helpers: Python's predicates on names, `int()` of a name, reprs,
//! and the subject string a match runs over (str or bytes-like), with the
//! conversion from code point positions to byte offsets.

use std::cell::Cell;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::object::PyRef;
use crate::types::bytes::{ByteArrayObj, BytesObj};
use crate::types::str::{decimal_value, is_id_continue, is_id_start, py_isspace, StrObj};
use crate::vm::Vm;

/// `repr()` of a str.
pub(crate) fn py_repr(s: &str) -> String {
    crate::types::str::repr_str(s)
}

/// `str.isidentifier()`.
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(is_id_start) && cs.all(is_id_continue)
}

/// `str.isalpha()` for one char.
pub(crate) fn is_alpha(c: char) -> bool {
    crate::types::str::is_alpha(c)
}

/// `str.isdecimal()` for one char.
pub(crate) fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `int(s)` for a str (decimal digits of any script, underscores between
/// digits, sign, surrounding whitespace); `None` where `int()` raises.
pub(crate) fn py_int(s: &str) -> Option<BigInt> {
    let t = s.trim_matches(py_isspace);
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut out = String::new();
    let mut prev_digit = false;
    for c in digits.chars() {
        if c == '_' {
            if !prev_digit {
                return None;
            }
            prev_digit = false;
            continue;
        }
        let d = decimal_value(c)?;
        out.push(char::from_digit(d, 10)?);
        prev_digit = true;
    }
    if !prev_digit {
        return None;
    }
    let v: BigInt = out.parse().ok()?;
    Some(if neg { -v } else { v })
}

/// The subject of a match, as the engine reads it.
#[derive(Clone, Copy)]
pub(crate) enum View<'a> {
    /// One position per byte: bytes-like objects and ASCII str.
    Bytes(&'a [u8]),
    /// A str with non-ASCII text: positions are code points.
    Str(&'a str),
}

/// A string or bytes-like object being searched, kept alive (bytearray
/// contents are copied, so they cannot change under a running search).
#[derive(Clone)]
pub(crate) struct Subject {
    /// The object the caller passed.
    pub obj: PyRef,
    /// A copy of a bytearray's contents.
    copy: Option<Rc<[u8]>>,
    /// Whether the subject is a str.
    pub is_str: bool,
    /// Length in positions.
    pub len: usize,
    /// A recent (code point, byte offset) pair of a non-ASCII str, shared
    /// by the clones (the matches of one scan), which mostly ask for
    /// increasing positions.
    hint: Rc<Cell<(usize, usize)>>,
}

impl Subject {
    /// The subject for `obj`, or `None` if it is neither str nor bytes-like.
    pub fn new(obj: &PyRef) -> Option<Subject> {
        if let Some(s) = obj.downcast::<StrObj>() {
            return Some(Subject { obj: obj.clone(), copy: None, is_str: true, len: s.char_len, hint: Rc::default() });
        }
        if let Some(b) = obj.downcast::<BytesObj>() {
            return Some(Subject { obj: obj.clone(), copy: None, is_str: false, len: b.value.len(), hint: Rc::default() });
        }
        let b = obj.downcast::<ByteArrayObj>()?;
        let copy: Rc<[u8]> = b.to_vec().into();
        Some(Subject { obj: obj.clone(), len: copy.len(), copy: Some(copy), is_str: false, hint: Rc::default() })
    }

    /// The engine's view of the text.
    pub fn view(&self) -> View<'_> {
        if let Some(c) = &self.copy {
            return View::Bytes(c);
        }
        if let Some(s) = self.obj.downcast::<StrObj>() {
            if s.is_ascii() {
                return View::Bytes(s.as_str().as_bytes());
            }
            return View::Str(s.as_str());
        }
        match self.obj.downcast::<BytesObj>() {
            Some(b) => View::Bytes(&b.value),
            None => View::Bytes(&[]),
        }
    }

    /// The raw bytes (UTF-8 for a str).
    pub fn raw(&self) -> &[u8] {
        if let Some(c) = &self.copy {
            return c;
        }
        if let Some(s) = self.obj.downcast::<StrObj>() {
            return s.as_str().as_bytes();
        }
        match self.obj.downcast::<BytesObj>() {
            Some(b) => &b.value,
            None => &[],
        }
    }

    /// The byte offset of position `pos`.
    pub fn byte(&self, pos: usize) -> usize {
        match self.view() {
            View::Str(s) => byte_offset(s, &self.hint, pos),
            View::Bytes(b) => pos.min(b.len()),
        }
    }

    /// `subject[a:b]` as an exact str or bytes (the subject itself when it
    /// is an exact str or bytes and the slice is all of it).
    pub fn slice(&self, vm: &Vm, a: usize, b: usize) -> PyRef {
        let (ba, bb) = (self.byte(a), self.byte(b));
        self.slice_bytes(vm, a == 0 && b >= self.len, ba, bb)
    }

    /// The slice between byte offsets `ba` and `bb`; `whole` when that is
    /// all of the subject.
    pub fn slice_bytes(&self, vm: &Vm, whole: bool, ba: usize, bb: usize) -> PyRef {
        let obj = &self.obj;
        let raw = self.raw();
        let bb = bb.min(raw.len());
        let ba = ba.min(bb);
        if self.is_str {
            if whole && std::ptr::eq(obj.ty(), &*vm.types.str) {
                return obj.clone();
            }
            let text = obj.downcast::<StrObj>().map_or("", |s| s.as_str());
            return vm.new_str(text.get(ba..bb).unwrap_or(""));
        }
        if whole && std::ptr::eq(obj.ty(), &*vm.types.bytes) {
            return obj.clone();
        }
        vm.new_bytes(raw[ba..bb].to_vec())
    }
}

/// The byte offset of code point `pos` of `text`, walking from `hint` (a
/// known code point/byte offset pair, updated), so the increasing
/// positions of an iteration over matches cost little.
fn byte_offset(text: &str, hint: &Cell<(usize, usize)>, pos: usize) -> usize {
    let b = text.as_bytes();
    let (mut at_char, mut at_byte) = hint.get();
    if pos < at_char && pos * 2 < at_char {
        (at_char, at_byte) = (0, 0);
    }
    while at_char < pos && at_byte < b.len() {
        at_byte += utf8_len(b[at_byte]);
        at_char += 1;
    }
    while at_char > pos {
        at_byte -= 1;
        while at_byte > 0 && (b[at_byte] & 0xC0) == 0x80 {
            at_byte -= 1;
        }
        at_char -= 1;
    }
    hint.set((at_char, at_byte));
    at_byte
}

fn utf8_len(first: u8) -> usize {
    match first {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_like_python() {
        assert_eq!(py_int(" 12 "), Some(BigInt::from(12)));
        assert_eq!(py_int("1_0"), Some(BigInt::from(10)));
        assert_eq!(py_int("-3"), Some(BigInt::from(-3)));
        assert_eq!(py_int("١٢"), Some(BigInt::from(12)));
        assert_eq!(py_int("_1"), None);
        assert_eq!(py_int("1__0"), None);
        assert_eq!(py_int("a"), None);
        assert_eq!(py_int(""), None);
    }

    #[test]
    fn offsets_walk_both_ways() {
        let t = "aé€b";
        let h = Cell::default();
        assert_eq!(byte_offset(t, &h, 3), 6);
        assert_eq!(byte_offset(t, &h, 1), 1);
        assert_eq!(byte_offset(t, &h, 2), 3);
        assert_eq!(byte_offset(t, &h, 4), 7);
        assert_eq!(byte_offset(t, &h, 9), 7);
    }
}
