//! `str`: immutable Unicode text, stored as UTF-8 with its length in code
//! points; indexing is O(1) for ASCII text.

use std::cell::Cell;

use crate::object::ObjHeader;
use crate::types::typeobj::Layout;

/// A `str`.
#[repr(C)]
pub struct StrObj {
    /// Header.
    pub ob: ObjHeader,
    /// Cached hash, -1 until computed.
    pub hash: Cell<i64>,
    /// Length in code points.
    pub char_len: usize,
    /// Whether this object is the canonical interned copy.
    pub interned: Cell<bool>,
    /// The text.
    pub value: Box<str>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for StrObj {
    const LAYOUT: Layout = Layout::Str;
}

impl StrObj {
    /// The text.
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        &self.value
    }
    /// Every code point is ASCII (byte index == char index).
    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.value.len()
    }
    /// Byte offset of code point `i` (`i <= char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i.min(self.value.len());
        }
        if i >= self.char_len {
            return self.value.len();
        }
        if i > self.char_len / 2 {
            // Nearer the end: walk backwards.
            return self.value.char_indices().rev().nth(self.char_len - 1 - i).map_or(0, |(b, _)| b);
        }
        self.value.char_indices().nth(i).map_or(self.value.len(), |(b, _)| b)
    }
    /// Code point index of byte offset `b` (a char boundary).
    pub fn char_index(&self, b: usize) -> usize {
        if self.is_ascii() {
            return b;
        }
        self.value[..b].chars().count()
    }
}

// ---------------------------------------------------------------------------
// Python-facing behaviour of `str`.

pub(crate) mod args;
pub mod hash;
pub(crate) mod methods;
mod percent;
mod unicode;
mod unicode_tables;

use crate::object::{alloc_object, PyRef};
use crate::types::iter::StrIterObj;
use crate::types::list::{norm_index, repeat_operands, seq_index};
use crate::types::slice::{slice_indices, SliceObj};
use crate::types::typeobj::{CmpOp, FuncArgs, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

pub use args::str_self;
pub use percent::{percent_format, percent_format_bytes};
pub use unicode::{is_printable, py_isspace};
pub(crate) use unicode::{decimal_value, is_alpha, is_id_continue, is_id_start};

/// `repr(s)` with CPython's quoting and escaping rules.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (' '..'\x7f').contains(&c) => out.push(c),
            c if !c.is_ascii() && is_printable(c) => out.push(c),
            c => push_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// Append `\xNN`, `\uNNNN` or `\UNNNNNNNN` for `c`.
fn push_escape(out: &mut String, c: char) {
    let v = c as u32;
    let e = if v < 0x100 {
        format!("\\x{v:02x}")
    } else if v < 0x10000 {
        format!("\\u{v:04x}")
    } else {
        format!("\\U{v:08x}")
    };
    out.push_str(&e);
}

/// `ascii()`'s post-processing of a repr: escape every non-ASCII char.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

/// A str object for `s`, of class `cls` (a str subclass) or plain str.
pub fn new_str_of_type(vm: &Vm, cls: &TypeRef, s: String) -> PyRef {
    if std::ptr::eq(&**cls, &*vm.types.str) {
        return vm.new_string(s);
    }
    let char_len = s.chars().count();
    alloc_object(cls, |ob| StrObj { ob, hash: Cell::new(-1), char_len, interned: Cell::new(false), value: s.into() })
}

fn this<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a StrObj> {
    o.downcast::<StrObj>()
        .ok_or_else(|| vm.type_error(format!("descriptor requires a 'str' object but received a '{}'", o.ty().name())))
}

fn str_repr(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_string(repr_str(this(vm, o)?.as_str())))
}

fn str_str(vm: &Vm, o: &PyRef) -> PyResult {
    let s = this(vm, o)?;
    if std::ptr::eq(o.ty(), &*vm.types.str) {
        return Ok(o.clone());
    }
    Ok(vm.new_str(s.as_str()))
}

fn str_hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    Ok(crate::ops::str_hash(this(vm, o)?))
}

fn str_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<StrObj>(), b.downcast::<StrObj>()) else {
        return Ok(vm.not_implemented.clone());
    };
    let c = x.as_str().cmp(y.as_str());
    Ok(vm.new_bool(match op {
        CmpOp::Lt => c.is_lt(),
        CmpOp::Le => c.is_le(),
        CmpOp::Eq => c.is_eq(),
        CmpOp::Ne => c.is_ne(),
        CmpOp::Gt => c.is_gt(),
        CmpOp::Ge => c.is_ge(),
    }))
}

fn str_len(vm: &Vm, o: &PyRef) -> PyResult<usize> {
    Ok(this(vm, o)?.char_len)
}

/// The one-char str at code point `i` of `s`.
fn char_str(vm: &Vm, s: &StrObj, i: usize) -> PyRef {
    let b = s.byte_offset(i);
    let c = s.as_str()[b..].chars().next().unwrap_or_default();
    vm.new_str(c.encode_utf8(&mut [0; 4]))
}

/// `s[start:stop:step]` for resolved slice indices.
pub(crate) fn slice_text(s: &StrObj, start: isize, step: isize, n: usize) -> String {
    if n == 0 {
        return String::new();
    }
    if step == 1 {
        let a = s.byte_offset(start as usize);
        let b = s.byte_offset(start as usize + n);
        return s.as_str()[a..b].to_string();
    }
    if s.is_ascii() {
        let bytes = s.as_str().as_bytes();
        return (0..n).map(|k| bytes[(start + k as isize * step) as usize] as char).collect();
    }
    let chars: Vec<char> = s.as_str().chars().collect();
    (0..n).map(|k| chars[(start + k as isize * step) as usize]).collect()
}

fn str_getitem(vm: &Vm, o: &PyRef, key: &PyRef) -> PyResult {
    let s = this(vm, o)?;
    if let Some(sl) = key.downcast::<SliceObj>() {
        let (start, _, step, n) = slice_indices(vm, sl, s.char_len)?;
        if n == s.char_len && step == 1 && std::ptr::eq(o.ty(), &*vm.types.str) {
            return Ok(o.clone());
        }
        return Ok(vm.new_string(slice_text(s, start, step, n)));
    }
    match seq_index(vm, key)? {
        Some(i) => norm_index(i, s.char_len)
            .map(|i| char_str(vm, s, i))
            .ok_or_else(|| vm.index_error("string index out of range")),
        None => Err(vm.type_error(format!("string indices must be integers, not '{}'", key.ty().name()))),
    }
}

fn str_contains(vm: &Vm, o: &PyRef, x: &PyRef) -> PyResult<bool> {
    let s = this(vm, o)?;
    match x.downcast::<StrObj>() {
        Some(sub) => Ok(s.as_str().contains(sub.as_str())),
        None => Err(vm.type_error(format!("'in <string>' requires string as left operand, not {}", x.ty().name()))),
    }
}

fn str_iter(vm: &Vm, o: &PyRef) -> PyResult {
    this(vm, o)?;
    Ok(alloc_object(&vm.types.str_iter, |ob| StrIterObj { ob, s: o.clone(), pos: Cell::new(0) }))
}

fn str_iter_next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let Some(it) = it.downcast::<StrIterObj>() else {
        return Err(vm.type_error("descriptor '__next__' requires a 'str_ascii_iterator' object"));
    };
    let Some(s) = vm.str_of(&it.s) else { return Ok(None) };
    let pos = it.pos.get();
    let Some(c) = s.get(pos..).and_then(|t| t.chars().next()) else { return Ok(None) };
    it.pos.set(pos + c.len_utf8());
    Ok(Some(vm.new_str(c.encode_utf8(&mut [0; 4]))))
}

fn str_iter_length_hint(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let Some(it) = args.args.first().and_then(|o| o.downcast::<StrIterObj>()) else {
        return Err(vm.type_error("descriptor '__length_hint__' requires a 'str_ascii_iterator' object"));
    };
    let rest = vm.str_of(&it.s).and_then(|s| s.get(it.pos.get()..)).map_or(0, |t| t.chars().count());
    Ok(vm.new_int(rest as i64))
}

fn str_add(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some(x) = a.downcast::<StrObj>() else { return Ok(vm.not_implemented.clone()) };
    let Some(y) = b.downcast::<StrObj>() else {
        // CPython tries the right operand's `__radd__` before `str`'s
        // sequence concatenation raises.
        if let Some(f) = b.ty().slots().add.filter(|f| !std::ptr::fn_addr_eq(*f, str_add as crate::types::typeobj::BinaryFn)) {
            let r = f(vm, a, b)?;
            if !r.is(&vm.not_implemented) {
                return Ok(r);
            }
        }
        return Err(vm.type_error(format!("can only concatenate str (not \"{}\") to str", b.ty().name())));
    };
    if y.char_len == 0 && std::ptr::eq(a.ty(), &*vm.types.str) {
        return Ok(a.clone());
    }
    if x.char_len == 0 && std::ptr::eq(b.ty(), &*vm.types.str) {
        return Ok(b.clone());
    }
    let mut s = String::with_capacity(x.value.len() + y.value.len());
    s.push_str(x.as_str());
    s.push_str(y.as_str());
    Ok(vm.new_string(s))
}

fn str_mul(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some((s, n)) = repeat_operands::<StrObj>(vm, a, b)? else { return Ok(vm.not_implemented.clone()) };
    let me = if a.downcast::<StrObj>().is_some() { a } else { b };
    if n == 1 && std::ptr::eq(me.ty(), &*vm.types.str) {
        return Ok(me.clone());
    }
    Ok(vm.new_string(repeat_text(vm, s.as_str(), n)?))
}

/// `text * n` with CPython's overflow/memory errors.
pub(crate) fn repeat_text(vm: &Vm, text: &str, n: isize) -> PyResult<String> {
    if n <= 0 || text.is_empty() {
        return Ok(String::new());
    }
    let Some(total) = text.len().checked_mul(n as usize).filter(|t| *t <= isize::MAX as usize) else {
        return Err(vm.overflow_error("repeated string is too long"));
    };
    let mut out = String::new();
    out.try_reserve_exact(total).map_err(|_| crate::types::list::memory_error(vm))?;
    for _ in 0..n {
        out.push_str(text);
    }
    Ok(out)
}

fn str_rem(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some(fmt) = a.downcast::<StrObj>() else { return Ok(vm.not_implemented.clone()) };
    Ok(vm.new_string(percent_format(vm, fmt.as_str(), b)?))
}

/// `str(object='')`, `str(bytes_like, encoding='utf-8', errors='strict')`.
fn str_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let cls = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("str.__new__(X): X is not a type object"))?;
    let [object, encoding, errors] = args::bind(vm, &args, "str", &["object", "encoding", "errors"], 0)?;
    let text = match (object, encoding.is_some() || errors.is_some()) {
        (None, _) => String::new(),
        (Some(o), false) => {
            let r = vm.str(o)?;
            if std::ptr::eq(&*cls, &*vm.types.str) {
                return Ok(r);
            }
            vm.str_of(&r).unwrap_or_default().to_string()
        }
        (Some(o), true) => {
            let enc = args::opt_str(vm, encoding, "str", "encoding", 2)?.unwrap_or("utf-8");
            let err = args::opt_str(vm, errors, "str", "errors", 3)?.unwrap_or("strict");
            let Some(bytes) = crate::types::bytes::bytes_like(o) else {
                return Err(vm.type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    o.ty().name()
                )));
            };
            crate::types::bytes::decode(vm, &bytes, enc, err, o)?
        }
    };
    Ok(new_str_of_type(vm, &cls, text))
}

/// Install the slots and methods of `str` and its iterator.
pub(crate) fn init(vm: &Vm) {
    vm.set_type_slots(
        &vm.types.str,
        Slots {
            repr: Some(str_repr),
            str: Some(str_str),
            hash: Some(str_hash),
            richcompare: Some(str_richcompare),
            len: Some(str_len),
            getitem: Some(str_getitem),
            contains: Some(str_contains),
            iter: Some(str_iter),
            add: Some(str_add),
            mul: Some(str_mul),
            rem: Some(str_rem),
            new: Some(str_new),
            ..Default::default()
        },
    );
    vm.set_type_slots(
        &vm.types.str_iter,
        Slots { iter: Some(|_, o| Ok(o.clone())), iternext: Some(str_iter_next), ..Default::default() },
    );
    vm.add_method(&vm.types.str_iter, "__length_hint__", str_iter_length_hint);
    methods::init(vm);
    args::add_dunders(vm, &vm.types.str);
    args::add_dunders(vm, &vm.types.str_iter);
}

#[cfg(test)]
pub(crate) mod tests;
