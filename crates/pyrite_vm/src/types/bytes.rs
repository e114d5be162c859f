//! `bytes` and `bytearray`.

use std::cell::{Cell, UnsafeCell};

use crate::object::ObjHeader;
use crate::types::typeobj::Layout;

/// A `bytes`.
#[repr(C)]
pub struct BytesObj {
    /// Header.
    pub ob: ObjHeader,
    /// Cached hash, -1 until computed.
    pub hash: Cell<i64>,
    /// The bytes.
    pub value: Box<[u8]>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for BytesObj {
    const LAYOUT: Layout = Layout::Bytes;
}

/// A `bytearray`.
#[repr(C)]
pub struct ByteArrayObj {
    /// Header.
    pub ob: ObjHeader,
    /// The bytes. Borrowed directly only for short reads or writes during
    /// which no Python code runs and this bytearray is not reached another
    /// way; otherwise through [`ByteArrayObj::with`]/[`ByteArrayObj::with_mut`].
    pub value: UnsafeCell<Vec<u8>>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for ByteArrayObj {
    const LAYOUT: Layout = Layout::ByteArray;
}

impl ByteArrayObj {
    /// A copy of the contents.
    pub fn to_vec(&self) -> Vec<u8> {
        // SAFETY: short borrow to copy the bytes; nothing else runs.
        unsafe { (*self.value.get()).clone() }
    }
    /// Run `f` on the contents, detached from the object while `f` runs (it
    /// looks empty meanwhile), so `f` may run any code; whatever is put in
    /// the bytearray meanwhile is discarded when the contents are put back.
    pub fn with<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        self.with_mut(|v| f(v))
    }
    /// Run `f` on the contents mutably, detached as in [`ByteArrayObj::with`].
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        struct Reattach<'a> {
            obj: &'a ByteArrayObj,
            value: Vec<u8>,
        }
        impl Drop for Reattach<'_> {
            fn drop(&mut self) {
                // SAFETY: short borrow to put the contents back.
                unsafe { *self.obj.value.get() = std::mem::take(&mut self.value) };
            }
        }
        // SAFETY: short borrow to take the contents out.
        let value = unsafe { std::mem::take(&mut *self.value.get()) };
        let mut r = Reattach { obj: self, value };
        f(&mut r.value)
    }
}

// ---------------------------------------------------------------------------
// Python-facing behaviour of `bytes` and `bytearray`.

mod codecs;
mod methods;

use crate::object::{alloc_object, PyRef};
use crate::types::list::{norm_index, repeat_operands, seq_index};
use crate::types::slice::{slice_indices, SliceObj};
use crate::types::str::args as sargs;
use crate::types::typeobj::{CmpOp, FuncArgs, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

pub use codecs::{decode, encode};

/// The contents of a bytes-like object (bytes or bytearray), copied.
pub fn bytes_like(o: &PyRef) -> Option<Vec<u8>> {
    if let Some(b) = o.downcast::<BytesObj>() {
        return Some(b.value.to_vec());
    }
    o.downcast::<ByteArrayObj>().map(ByteArrayObj::to_vec)
}

/// Run `f` on the contents of a bytes-like object without copying (`None`
/// if `o` is not bytes-like). `f` must not run Python code.
pub fn with_bytes<R>(o: &PyRef, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    if let Some(b) = o.downcast::<BytesObj>() {
        return Some(f(&b.value));
    }
    o.downcast::<ByteArrayObj>().map(|b| b.with(f))
}

/// A bytes-like argument or `TypeError: a bytes-like object is required, not 'str'`.
pub(crate) fn need_bytes(vm: &Vm, o: &PyRef) -> PyResult<Vec<u8>> {
    bytes_like(o).ok_or_else(|| vm.type_error(format!("a bytes-like object is required, not '{}'", o.ty().name())))
}

/// `b'...'` text for `data` with CPython's quoting and escapes.
pub fn bytes_repr(data: &[u8]) -> String {
    quoted_bytes(data, false)
}

/// The `b'...'` part of `bytearray(b'...')`: CPython escapes a single
/// quote there even inside double quotes.
fn bytearray_body(data: &[u8]) -> String {
    quoted_bytes(data, true)
}

fn quoted_bytes(data: &[u8], always_escape_squote: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote || (always_escape_squote && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// A bytearray object of class `cls` (or plain bytearray).
pub fn new_bytearray(vm: &Vm, cls: Option<&TypeRef>, data: Vec<u8>) -> PyRef {
    let ty = cls.unwrap_or(&vm.types.bytearray);
    alloc_object(ty, |ob| ByteArrayObj { ob, value: UnsafeCell::new(data) })
}

/// A bytes object of class `cls`.
fn new_bytes_of_type(vm: &Vm, cls: &TypeRef, data: Vec<u8>) -> PyRef {
    if std::ptr::eq(&**cls, &*vm.types.bytes) {
        return vm.new_bytes(data);
    }
    alloc_object(cls, |ob| BytesObj { ob, hash: Cell::new(-1), value: data.into_boxed_slice() })
}

/// A result of the same kind (bytes or bytearray) as `like`.
pub(crate) fn make_like(vm: &Vm, like: &PyRef, data: Vec<u8>) -> PyRef {
    if like.downcast::<ByteArrayObj>().is_some() {
        new_bytearray(vm, None, data)
    } else {
        vm.new_bytes(data)
    }
}

fn bytes_hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    let Some(b) = o.downcast::<BytesObj>() else { return Err(vm.type_error("unhashable type")) };
    if b.hash.get() == -1 {
        b.hash.set(crate::types::str::hash::hash_bytes(&b.value));
    }
    Ok(b.hash.get())
}

fn bytes_repr_slot(vm: &Vm, o: &PyRef) -> PyResult {
    let data = need_bytes(vm, o)?;
    if o.downcast::<ByteArrayObj>().is_some() {
        return Ok(vm.new_string(format!("{}({})", o.ty().name(), bytearray_body(&data))));
    }
    Ok(vm.new_string(bytes_repr(&data)))
}

fn bytes_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (bytes_like(a), bytes_like(b)) else { return Ok(vm.not_implemented.clone()) };
    let c = x.cmp(&y);
    Ok(vm.new_bool(match op {
        CmpOp::Lt => c.is_lt(),
        CmpOp::Le => c.is_le(),
        CmpOp::Eq => c.is_eq(),
        CmpOp::Ne => c.is_ne(),
        CmpOp::Gt => c.is_gt(),
        CmpOp::Ge => c.is_ge(),
    }))
}

fn bytes_len(vm: &Vm, o: &PyRef) -> PyResult<usize> {
    if let Some(b) = o.downcast::<BytesObj>() {
        return Ok(b.value.len());
    }
    with_bytes(o, <[u8]>::len).ok_or_else(|| vm.type_error("a bytes-like object is required"))
}

fn bytes_getitem(vm: &Vm, o: &PyRef, key: &PyRef) -> PyResult {
    if let Some(sl) = key.downcast::<SliceObj>() {
        let data = need_bytes(vm, o)?;
        let (start, _, step, n) = slice_indices(vm, sl, data.len())?;
        let out: Vec<u8> = (0..n).map(|k| data[(start + k as isize * step) as usize]).collect();
        return Ok(make_like(vm, o, out));
    }
    let is_array = o.downcast::<ByteArrayObj>().is_some();
    match seq_index(vm, key)? {
        Some(i) => with_bytes(o, |d| norm_index(i, d.len()).map(|i| d[i])).flatten().map(|b| vm.new_int(i64::from(b))).ok_or_else(|| {
            vm.index_error(if is_array { "bytearray index out of range" } else { "index out of range" })
        }),
        None => Err(vm.type_error(format!(
            "{} indices must be integers or slices, not {}",
            if is_array { "bytearray" } else { "byte" },
            key.ty().name()
        ))),
    }
}

/// A byte value argument (`byte must be in range(0, 256)`).
pub(crate) fn byte_value(vm: &Vm, o: &PyRef) -> PyResult<u8> {
    let v = vm.index_i64(o)?;
    u8::try_from(v).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

fn bytes_contains(vm: &Vm, o: &PyRef, x: &PyRef) -> PyResult<bool> {
    if let Some(sub) = bytes_like(x) {
        return Ok(with_bytes(o, |d| methods::find_sub(d, &sub).is_some()).unwrap_or(false));
    }
    if x.ty().slots().index.is_some() || x.ty().layout == Layout::Int {
        let b = byte_value(vm, x)?;
        return Ok(with_bytes(o, |d| d.contains(&b)).unwrap_or(false));
    }
    Err(vm.type_error(format!("a bytes-like object is required, not '{}'", x.ty().name())))
}

fn bytes_iter(vm: &Vm, o: &PyRef) -> PyResult {
    with_bytes(o, |_| ()).ok_or_else(|| vm.type_error("a bytes-like object is required"))?;
    Ok(crate::types::iter::seq_iter_new(vm, o.clone()))
}

fn bytes_add(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some(mut x) = bytes_like(a) else { return Ok(vm.not_implemented.clone()) };
    let Some(y) = bytes_like(b) else {
        if let Some(f) = b.ty().slots().add.filter(|f| !std::ptr::fn_addr_eq(*f, bytes_add as crate::types::typeobj::BinaryFn)) {
            let r = f(vm, a, b)?;
            if !r.is(&vm.not_implemented) {
                return Ok(r);
            }
        }
        return Err(vm.type_error(format!("can't concat {} to {}", b.ty().name(), a.ty().name())));
    };
    x.extend_from_slice(&y);
    Ok(make_like(vm, a, x))
}

fn bytes_mul(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (me, n) = if let Some((_, n)) = repeat_operands::<BytesObj>(vm, a, b)? {
        (if a.downcast::<BytesObj>().is_some() { a } else { b }, n)
    } else if let Some((_, n)) = repeat_operands::<ByteArrayObj>(vm, a, b)? {
        (if a.downcast::<ByteArrayObj>().is_some() { a } else { b }, n)
    } else {
        return Ok(vm.not_implemented.clone());
    };
    let data = need_bytes(vm, me)?;
    if n <= 0 || data.is_empty() {
        return Ok(make_like(vm, me, Vec::new()));
    }
    let Some(total) = data.len().checked_mul(n as usize).filter(|t| *t <= isize::MAX as usize) else {
        return Err(crate::types::list::memory_error(vm));
    };
    let mut out = Vec::new();
    out.try_reserve_exact(total).map_err(|_| crate::types::list::memory_error(vm))?;
    for _ in 0..n {
        out.extend_from_slice(&data);
    }
    Ok(make_like(vm, me, out))
}

fn bytes_rem(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some(fmt) = bytes_like(a) else { return Ok(vm.not_implemented.clone()) };
    let out = crate::types::str::percent_format_bytes(vm, &fmt, b)?;
    Ok(make_like(vm, a, out))
}

/// The bytes made from `bytes(source[, encoding[, errors]])`'s arguments.
fn bytes_from_args(vm: &Vm, fname: &str, args: &FuncArgs<'_>, skip: usize) -> PyResult<Vec<u8>> {
    let [src, enc, err] = sargs::bind_from(vm, args, skip, fname, &["source", "encoding", "errors"], 0)?;
    let Some(src) = src else {
        if enc.is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if err.is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(text) = vm.str_of(src) {
        let Some(enc) = sargs::opt_str(vm, enc, fname, "encoding", 2)? else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let err = sargs::opt_str(vm, err, fname, "errors", 3)?.unwrap_or("strict");
        return encode(vm, src, text, enc, err);
    }
    if enc.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if err.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    bytes_from_object(vm, src, fname == "bytes")
}

/// `bytes(x)` for a non-str `x`: bytes-like copy, `__bytes__`, count, or iterable of ints.
fn bytes_from_object(vm: &Vm, src: &PyRef, plural: bool) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(src) {
        return Ok(b);
    }
    if let Some(r) = vm.call_special(src, "__bytes__", &[])? {
        return bytes_like(&r).ok_or_else(|| {
            vm.type_error(format!("__bytes__ returned non-bytes (type {})", r.ty().name()))
        });
    }
    if src.ty().layout == Layout::Int || src.ty().slots().index.is_some() {
        let n = vm.index_i64(src)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let mut v = Vec::new();
        v.try_reserve_exact(n as usize).map_err(|_| crate::types::list::memory_error(vm))?;
        v.resize(n as usize, 0);
        return Ok(v);
    }
    let s = src.ty().slots();
    if s.iter.is_none() && s.getitem.is_none() {
        return Err(vm.type_error(format!("cannot convert '{}' object to bytes", src.ty().name())));
    }
    let it = vm.iter(src)?;
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        let v = vm.index_i64(&x)?;
        let msg = if plural { "bytes must be in range(0, 256)" } else { "byte must be in range(0, 256)" };
        out.push(u8::try_from(v).map_err(|_| vm.value_error(msg))?);
    }
    Ok(out)
}

fn bytes_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let cls = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("bytes.__new__(X): X is not a type object"))?;
    let data = bytes_from_args(vm, "bytes", &args, 0)?;
    Ok(new_bytes_of_type(vm, &cls, data))
}

fn bytearray_new(vm: &Vm, cls: &PyRef, _args: FuncArgs<'_>) -> PyResult {
    let cls = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("bytearray.__new__(X): X is not a type object"))?;
    Ok(new_bytearray(vm, Some(&cls), Vec::new()))
}

fn bytearray_init(vm: &Vm, o: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let Some(ba) = o.downcast::<ByteArrayObj>() else { return Err(vm.type_error("bytearray expected")) };
    let data = bytes_from_args(vm, "bytearray", &args, 0)?;
    ba.with_mut(|v| *v = data);
    Ok(vm.none())
}

fn bytearray_setitem(vm: &Vm, o: &PyRef, key: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let Some(ba) = o.downcast::<ByteArrayObj>() else { return Err(vm.type_error("bytearray expected")) };
    let len = ba.with(<[u8]>::len);
    if let Some(sl) = key.downcast::<SliceObj>() {
        let new = match &v {
            Some(v) => bytes_from_object(vm, v, false)?,
            None => Vec::new(),
        };
        let (start, stop, step, n) = slice_indices(vm, sl, len)?;
        if step == 1 {
            let stop = stop.max(start) as usize;
            ba.with_mut(|d| {
                d.splice(start as usize..stop, new);
            });
            return Ok(());
        }
        let idx: Vec<usize> = (0..n).map(|k| (start + k as isize * step) as usize).collect();
        if v.is_none() {
            ba.with_mut(|d| {
                let mut k = 0;
                d.retain(|_| {
                    let keep = !idx.contains(&k);
                    k += 1;
                    keep
                })
            });
            return Ok(());
        }
        if new.len() != n {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {n}",
                new.len()
            )));
        }
        // (Python code ran since `len` was read: skip what is gone.)
        ba.with_mut(|d| {
            for (&i, b) in idx.iter().zip(new) {
                if let Some(x) = d.get_mut(i) {
                    *x = b;
                }
            }
        });
        return Ok(());
    }
    let Some(i) = seq_index(vm, key)? else {
        return Err(vm.type_error(format!("bytearray indices must be integers or slices, not {}", key.ty().name())));
    };
    let Some(i) = norm_index(i, len) else { return Err(vm.index_error("bytearray index out of range")) };
    match v {
        Some(v) => {
            let b = byte_value(vm, &v)?;
            // (`__index__` may have shrunk it: then there is nothing to set.)
            ba.with_mut(|d| d.get_mut(i).map(|x| *x = b));
        }
        None => {
            ba.with_mut(|d| (i < d.len()).then(|| d.remove(i)));
        }
    }
    Ok(())
}

/// `bytearray.__hash__`: unhashable (a slot, so base-slot inheritance cannot
/// make it hashable).
fn unhashable(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    Err(vm.type_error(format!("unhashable type: '{}'", o.ty().name())))
}

/// Install the slots and methods of `bytes` and `bytearray`.
pub(crate) fn init(vm: &Vm) {
    let common = Slots {
        repr: Some(bytes_repr_slot),
        richcompare: Some(bytes_richcompare),
        len: Some(bytes_len),
        getitem: Some(bytes_getitem),
        contains: Some(bytes_contains),
        iter: Some(bytes_iter),
        add: Some(bytes_add),
        mul: Some(bytes_mul),
        rem: Some(bytes_rem),
        ..Default::default()
    };
    vm.set_type_slots(&vm.types.bytes, Slots { hash: Some(bytes_hash), new: Some(bytes_new), ..common });
    vm.set_type_slots(
        &vm.types.bytearray,
        Slots { new: Some(bytearray_new), init: Some(bytearray_init), setitem: Some(bytearray_setitem), ..common },
    );
    let mut s = *vm.types.bytearray.slots();
    s.hash = Some(unhashable);
    vm.types.bytearray.set_slots(s);
    vm.dict_set_str(vm.types.bytearray.dict(), "__hash__", vm.none());
    methods::init(vm);
    sargs::add_dunders(vm, &vm.types.bytes);
    sargs::add_dunders(vm, &vm.types.bytearray);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_escapes() {
        assert_eq!(bytes_repr(b"ab"), "b'ab'");
        assert_eq!(bytes_repr(b"'"), "b\"'\"");
        assert_eq!(bytes_repr(b"'\""), "b'\\'\"'");
        assert_eq!(bytearray_body(b"''"), "b\"\\'\\'\"");
        assert_eq!(bytes_repr(&[0, 0x11, b'"', 0x7f, 0xff, b'\t', b'\\']), "b'\\x00\\x11\"\\x7f\\xff\\t\\\\'");
    }

    #[test]
    fn hash_matches_str() {
        use crate::types::str::hash::{hash_bytes, hash_text};
        assert_eq!(hash_text("abc"), hash_bytes(b"abc"));
    }
}
