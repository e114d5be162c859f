//! The encoder: `make_encoder(markers, default, encoder, indent,
//! key_separator, item_separator, sort_keys, skipkeys, allow_nan)` returns
//! `_iterencode(obj, _current_indent_level)`, which gives a list holding
//! the whole JSON text as its one chunk.
//!
//! CPython runs two encoders with slightly different semantics, and this one
//! has both:
//!
//! - with `indent=None`, its C encoder (`c_make_encoder`), which reads list
//!   and tuple storage directly (other sequences through `list(seq)`), takes
//!   a snapshot of a dict's items (`dict.items()` as a list for subclasses,
//!   each item must be a 2-tuple) and raises `Out of range float values are
//!   not JSON compliant` without the value;
//! - with an indent (a str here; `lib/json/encoder.py` converts an int),
//!   `json.encoder._make_iterencode`, the Python generators: subclasses of
//!   list, tuple and dict are tested with truth value and iterated with the
//!   iterator protocol (`dct.items()`, unpacked into key and value), a dict
//!   iterated live raises `dictionary changed size during iteration`, the
//!   float error names the value, and each generator is one recursion level.

use crate::object::PyRef;
use crate::types::dict::DictObj;
use crate::types::float::float_of;
use crate::types::format::float_repr;
use crate::types::int::{int_of, int_to_decimal, IntValue};
use crate::types::list::{sort_list, ListObj};
use crate::types::str::StrObj;
use crate::types::tuple::TupleObj;
use crate::types::typeobj::FuncArgs;
use crate::vm::Vm;
use crate::PyResult;

use super::escape::push_quoted;
use super::{bind, builtin_escaper, Depth};

/// The parameters of `make_encoder`, in the order of the settings tuple.
const PARAMS: [&str; 9] =
    ["markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan"];

/// `make_encoder(...)`: the encoding function, bound to its settings.
pub(super) fn make_encoder(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let given = bind(vm, "make_encoder", &args, PARAMS, PARAMS.len())?;
    let mut settings = Vec::with_capacity(PARAMS.len());
    for (i, a) in given.iter().enumerate() {
        let a = (*a).unwrap_or(&vm.none);
        let value = match i {
            0 if !vm.is_none(a) && a.downcast::<DictObj>().is_none() => {
                return Err(vm.type_error(format!("make_encoder() argument 1 must be dict or None, not {}", a.ty().name())));
            }
            4 | 5 if a.downcast::<StrObj>().is_none() => {
                return Err(vm.type_error(format!("make_encoder() argument {} must be str, not {}", i + 1, a.ty().name())));
            }
            6..=8 => vm.new_bool(vm.truthy(a)?),
            _ => a.clone(),
        };
        settings.push(value);
    }
    Ok(super::bound_function(vm, "_iterencode", iterencode, vm.new_tuple(settings)))
}

/// The body of an encoder: `(obj, _current_indent_level)` → `[text]`.
fn iterencode(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (settings, rest) = args.args.split_first().ok_or_else(|| vm.type_error("_iterencode() needs its settings"))?;
    let args = FuncArgs { args: rest, kwnames: args.kwnames };
    let [obj, level] = bind(vm, "_iterencode", &args, ["obj", "_current_indent_level"], 2)?;
    let (Some(obj), Some(level)) = (obj, level) else { return Err(vm.type_error("_iterencode() missing arguments")) };
    let level = vm.index_i64(level)?;
    let settings = settings.downcast::<TupleObj>().map(TupleObj::items).unwrap_or_default();
    let [markers, default, encoder, indent, key_sep, item_sep, sort_keys, skipkeys, allow_nan] = settings else {
        return Err(vm.type_error("_iterencode() has no settings"));
    };
    let escaper = match builtin_escaper(encoder) {
        Some(ascii) => Escaper::Builtin { ascii },
        None => Escaper::Call(encoder),
    };
    let mut e = Encoder {
        vm,
        check_circular: !vm.is_none(markers),
        markers: Vec::new(),
        default,
        escaper,
        indent: indent.downcast::<StrObj>().map(StrObj::as_str),
        key_sep: str_text(key_sep),
        item_sep: str_text(item_sep),
        sort_keys: sort_keys.is(&vm.true_),
        skipkeys: skipkeys.is(&vm.true_),
        allow_nan: allow_nan.is(&vm.true_),
        out: String::new(),
    };
    // Calling the C encoder object counts one level, as a call through
    // CPython's `tp_call` does. (The outermost generator runs where
    // `JSONEncoder.iterencode` runs now, so it counts none.)
    let _call = if e.generator_semantics() { None } else { Some(Depth::enter(vm, " while calling a Python object")?) };
    e.value(obj, level)?;
    Ok(vm.new_list(vec![vm.new_string(e.out)]))
}

/// How str values and keys are turned into literals.
enum Escaper<'a> {
    /// `encode_basestring_ascii` or `encode_basestring`, done here.
    Builtin { ascii: bool },
    /// Another callable, which must return a str.
    Call(&'a PyRef),
}

/// A dict key converted to text, or to be skipped.
enum Key {
    /// A str key (encoded as is).
    Str(PyRef),
    /// The text of a float, int, bool or None key.
    Text(String),
    /// Not a valid key, and `skipkeys` is set.
    Skip,
}

/// One encoding.
struct Encoder<'a> {
    vm: &'a Vm,
    check_circular: bool,
    /// Addresses of the containers (and `default` arguments) being encoded.
    markers: Vec<usize>,
    default: &'a PyRef,
    escaper: Escaper<'a>,
    /// Python-generator semantics, with this indent (see the module doc).
    indent: Option<&'a str>,
    key_sep: &'a str,
    item_sep: &'a str,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    out: String,
}

impl<'a> Encoder<'a> {
    /// Whether this runs `_make_iterencode`'s semantics.
    fn generator_semantics(&self) -> bool {
        self.indent.is_some()
    }

    /// The message suffix of a RecursionError at one nesting level.
    fn depth_context(&self) -> &'static str {
        if self.generator_semantics() {
            " while calling a Python object"
        } else {
            " while encoding a JSON object"
        }
    }

    fn enter(&mut self, o: &PyRef) -> PyResult<()> {
        if self.check_circular {
            let id = o.as_ptr() as usize;
            if self.markers.contains(&id) {
                return Err(self.vm.value_error("Circular reference detected"));
            }
            self.markers.push(id);
        }
        Ok(())
    }

    fn leave(&mut self, o: &PyRef) {
        if self.check_circular {
            let id = o.as_ptr() as usize;
            if let Some(i) = self.markers.iter().rposition(|m| *m == id) {
                self.markers.remove(i);
            }
        }
    }

    /// Write a newline and `level` indents (generator semantics only).
    fn newline(&mut self, level: i64) {
        if let Some(indent) = self.indent {
            self.out.push('\n');
            for _ in 0..level.max(0) {
                self.out.push_str(indent);
            }
        }
    }

    /// Write the literal for the str object `s`.
    fn string(&mut self, s: &PyRef) -> PyResult<()> {
        match self.escaper {
            Escaper::Builtin { ascii } => {
                let text = s.downcast::<StrObj>().map_or("", StrObj::as_str);
                push_quoted(&mut self.out, text, ascii);
            }
            Escaper::Call(f) => {
                let r = self.vm.call_pos(f, std::slice::from_ref(s))?;
                match r.downcast::<StrObj>() {
                    Some(t) => self.out.push_str(t.as_str()),
                    None => {
                        return Err(self.vm.type_error(format!("encoder() must return a string, not {}", r.ty().name())));
                    }
                }
            }
        }
        Ok(())
    }

    /// The text of a float (`o` is the float object, for the error message).
    fn float_text(&self, o: &PyRef, v: f64) -> PyResult<String> {
        if v.is_finite() {
            return Ok(float_repr(v));
        }
        if !self.allow_nan {
            let mut msg = String::from("Out of range float values are not JSON compliant");
            if self.generator_semantics() {
                msg.push_str(": ");
                msg.push_str(&self.vm.repr_string(o)?);
            }
            return Err(self.vm.value_error(msg));
        }
        Ok(if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    /// Write the text of an int.
    fn int(&mut self, v: &IntValue) -> PyResult<()> {
        match v {
            IntValue::Small(x) => push_i64(&mut self.out, *x),
            IntValue::Big(_) => self.out.push_str(&int_to_decimal(self.vm, v)?),
        }
        Ok(())
    }

    /// Write a str, None, bool, int or float; false for anything else.
    fn scalar(&mut self, o: &PyRef) -> PyResult<bool> {
        let vm = self.vm;
        if o.is(&vm.none) {
            self.out.push_str("null");
        } else if o.is(&vm.true_) {
            self.out.push_str("true");
        } else if o.is(&vm.false_) {
            self.out.push_str("false");
        } else if o.downcast::<StrObj>().is_some() {
            self.string(o)?;
        } else if let Some(i) = int_of(o) {
            self.int(&i.value)?;
        } else if let Some(v) = float_of(o) {
            let t = self.float_text(o, v)?;
            self.out.push_str(&t);
        } else {
            return Ok(false);
        }
        Ok(true)
    }

    /// Write any value at indent level `level`.
    fn value(&mut self, o: &PyRef, level: i64) -> PyResult<()> {
        if self.scalar(o)? {
            return Ok(());
        }
        let vm = self.vm;
        if o.downcast::<ListObj>().is_some() || o.downcast::<TupleObj>().is_some() {
            let _depth = Depth::enter(vm, self.depth_context())?;
            return self.sequence(o, level);
        }
        if o.downcast::<DictObj>().is_some() {
            let _depth = Depth::enter(vm, self.depth_context())?;
            return self.dict(o, level);
        }
        self.enter(o)?;
        let replacement = vm.call_pos(self.default, std::slice::from_ref(o))?;
        {
            let _depth = Depth::enter(vm, self.depth_context())?;
            self.value(&replacement, level)?;
        }
        self.leave(o);
        Ok(())
    }

    /// Write an item of a list or a value of a dict: with generator
    /// semantics, anything but a scalar, list, tuple or dict goes through
    /// one more generator (`_iterencode`).
    fn item(&mut self, o: &PyRef, level: i64) -> PyResult<()> {
        if self.generator_semantics()
            && !(o.is(&self.vm.none)
                || o.downcast::<StrObj>().is_some()
                || int_of(o).is_some()
                || float_of(o).is_some()
                || o.downcast::<ListObj>().is_some()
                || o.downcast::<TupleObj>().is_some()
                || o.downcast::<DictObj>().is_some())
        {
            let _depth = Depth::enter(self.vm, self.depth_context())?;
            return self.value(o, level);
        }
        self.value(o, level)
    }

    /// Enter container `o`: the circular check, its opening bracket and,
    /// with an indent, the newline before its first item.
    fn open(&mut self, o: &PyRef, bracket: char, inner: i64) -> PyResult<()> {
        self.enter(o)?;
        self.out.push(bracket);
        self.newline(inner);
        Ok(())
    }

    /// Leave container `o` (the counterpart of [`Encoder::open`]).
    fn close(&mut self, o: &PyRef, bracket: char, level: i64) {
        self.newline(level);
        self.out.push(bracket);
        self.leave(o);
    }

    /// Write the item separator (and, with an indent, a newline).
    fn separator(&mut self, inner: i64) {
        self.out.push_str(self.item_sep);
        self.newline(inner);
    }

    /// Write a list or tuple (or subclass).
    fn sequence(&mut self, o: &PyRef, level: i64) -> PyResult<()> {
        let vm = self.vm;
        let exact = std::ptr::eq(o.ty(), &*vm.types.list) || std::ptr::eq(o.ty(), &*vm.types.tuple);
        if !exact && self.generator_semantics() {
            return self.sequence_protocol(o, level);
        }
        // The storage of an exact list or tuple; for a subclass, the C
        // encoder's `list(o)`.
        let seq = if exact { o.clone() } else { vm.new_list(vm.collect(o)?) };
        let item_at = |i: usize| match (seq.downcast::<ListObj>(), seq.downcast::<TupleObj>()) {
            (Some(l), _) => l.get(i),
            (None, Some(t)) => t.items().get(i).cloned(),
            (None, None) => None,
        };
        let Some(first) = item_at(0) else {
            self.out.push_str("[]");
            return Ok(());
        };
        let inner = level.saturating_add(1);
        self.open(o, '[', inner)?;
        self.item(&first, inner)?;
        let mut i = 1;
        while let Some(item) = item_at(i) {
            self.separator(inner);
            self.item(&item, inner)?;
            i += 1;
        }
        self.close(o, ']', level);
        Ok(())
    }

    /// A subclass of list or tuple with generator semantics: `not o`, then
    /// `for value in o`.
    fn sequence_protocol(&mut self, o: &PyRef, level: i64) -> PyResult<()> {
        let vm = self.vm;
        if !vm.truthy(o)? {
            self.out.push_str("[]");
            return Ok(());
        }
        let inner = level.saturating_add(1);
        self.open(o, '[', inner)?;
        let it = vm.iter(o)?;
        let mut first = true;
        while let Some(item) = vm.next(&it)? {
            if !first {
                self.separator(inner);
            }
            first = false;
            self.item(&item, inner)?;
        }
        self.close(o, ']', level);
        Ok(())
    }

    /// Convert a dict key (the messages are the encoder's in use).
    fn key(&self, k: &PyRef) -> PyResult<Key> {
        let vm = self.vm;
        Ok(if k.downcast::<StrObj>().is_some() {
            Key::Str(k.clone())
        } else if let Some(v) = float_of(k) {
            Key::Text(self.float_text(k, v)?)
        } else if k.is(&vm.true_) {
            Key::Text("true".into())
        } else if k.is(&vm.false_) {
            Key::Text("false".into())
        } else if k.is(&vm.none) {
            Key::Text("null".into())
        } else if let Some(i) = int_of(k) {
            Key::Text(int_to_decimal(vm, &i.value)?)
        } else if self.skipkeys {
            Key::Skip
        } else {
            return Err(vm.type_error(format!("keys must be str, int, float, bool or None, not {}", k.ty().name())));
        })
    }

    /// Write one `key: value` item unless the key is skipped; `first` tells
    /// whether no separator is due, and becomes false once an item is written.
    fn dict_item(&mut self, k: &PyRef, v: &PyRef, inner: i64, first: &mut bool) -> PyResult<()> {
        let key = self.key(k)?;
        if let Key::Skip = key {
            return Ok(());
        }
        if !*first {
            self.separator(inner);
        }
        *first = false;
        match (key, &self.escaper) {
            (Key::Text(t), Escaper::Builtin { ascii }) => push_quoted(&mut self.out, &t, *ascii),
            (Key::Text(t), Escaper::Call(_)) => {
                let s = self.vm.new_string(t);
                self.string(&s)?;
            }
            (Key::Str(s), _) => self.string(&s)?,
            (Key::Skip, _) => {}
        }
        self.out.push_str(self.key_sep);
        self.item(v, inner)
    }

    /// Write a dict (or subclass).
    fn dict(&mut self, o: &PyRef, level: i64) -> PyResult<()> {
        let vm = self.vm;
        let Some(d) = o.downcast::<DictObj>() else { return Ok(()) };
        let exact = std::ptr::eq(o.ty(), &*vm.types.dict);
        let empty = if exact || !self.generator_semantics() { d.is_empty() } else { !vm.truthy(o)? };
        if empty {
            self.out.push_str("{}");
            return Ok(());
        }
        let inner = level.saturating_add(1);
        self.open(o, '{', inner)?;
        let mut first = true;
        if !exact {
            self.dict_items_method(o, inner, &mut first)?;
        } else if self.generator_semantics() && !self.sort_keys {
            self.dict_live(d, inner, &mut first)?;
        } else if !self.sort_keys || d.keys_are_exact_str() {
            // A snapshot; distinct str keys sort as their items would.
            let mut items = d.items();
            if self.sort_keys {
                items.sort_by(|a, b| str_text(&a.0).cmp(str_text(&b.0)));
            }
            for (k, v) in &items {
                self.dict_item(k, v, inner, &mut first)?;
            }
        } else {
            let items = vm.new_list(d.items().into_iter().map(|(k, v)| vm.new_tuple(vec![k, v])).collect());
            self.sorted_items(&items, inner, &mut first)?;
        }
        self.close(o, '}', level);
        Ok(())
    }

    /// The items of an exact dict iterated live, as a dict iterator does.
    fn dict_live(&mut self, d: &DictObj, inner: i64, first: &mut bool) -> PyResult<()> {
        let vm = self.vm;
        let size = d.len();
        let mut remaining = size;
        let mut pos = 0;
        loop {
            if d.len() != size {
                return Err(vm.runtime_error("dictionary changed size during iteration"));
            }
            let Some((next, k, v)) = d.next_entry(pos) else { return Ok(()) };
            if remaining == 0 {
                return Err(vm.runtime_error("dictionary keys changed during iteration"));
            }
            remaining -= 1;
            pos = next;
            self.dict_item(&k, &v, inner, first)?;
        }
    }

    /// The items of a dict subclass, from its `items()`: the C encoder
    /// makes a list of them (the result itself if it is a list); the
    /// generators iterate it (or `sorted()` of it) and unpack each item.
    fn dict_items_method(&mut self, o: &PyRef, inner: i64, first: &mut bool) -> PyResult<()> {
        let vm = self.vm;
        let r = vm.call_method(o, "items", &[])?;
        let items = if self.generator_semantics() {
            if !self.sort_keys {
                let it = vm.iter(&r)?;
                while let Some(item) = vm.next(&it)? {
                    let (k, v) = unpack_pair(vm, &item)?;
                    self.dict_item(&k, &v, inner, first)?;
                }
                return Ok(());
            }
            vm.new_list(vm.collect(&r)?)
        } else if std::ptr::eq(r.ty(), &*vm.types.list) {
            r
        } else {
            let it = match vm.iter(&r) {
                Ok(it) => it,
                Err(e) if vm.is_instance(&e.0, &vm.exc.type_error) => {
                    let (dict_type, result_type) = (o.ty().name(), r.ty().name());
                    return Err(vm.type_error(format!("{dict_type}.items() returned a non-iterable (type {result_type})")));
                }
                Err(e) => return Err(e),
            };
            vm.new_list(vm.collect(&it)?)
        };
        self.sorted_items(&items, inner, first)
    }

    /// Write the items in the list `items`, sorted first if `sort_keys`:
    /// the C encoder requires 2-tuples, the generators unpack.
    fn sorted_items(&mut self, items: &PyRef, inner: i64, first: &mut bool) -> PyResult<()> {
        let vm = self.vm;
        let Some(list) = items.downcast::<ListObj>() else { return Ok(()) };
        if self.sort_keys {
            sort_list(vm, list, None, false)?;
        }
        let mut i = 0;
        while let Some(item) = list.get(i) {
            i += 1;
            let (k, v) = if self.generator_semantics() {
                unpack_pair(vm, &item)?
            } else {
                match item.downcast::<TupleObj>().map(TupleObj::items) {
                    Some([k, v]) => (k.clone(), v.clone()),
                    _ => return Err(vm.value_error("items must return 2-tuples")),
                }
            };
            self.dict_item(&k, &v, inner, first)?;
        }
        Ok(())
    }
}

/// The text of a str object (empty for anything else).
fn str_text(o: &PyRef) -> &str {
    o.downcast::<StrObj>().map_or("", StrObj::as_str)
}

/// `key, value = item`, with the messages of Python's unpacking.
fn unpack_pair(vm: &Vm, item: &PyRef) -> PyResult<(PyRef, PyRef)> {
    if let Some([k, v]) = item.downcast::<TupleObj>().map(TupleObj::items) {
        return Ok((k.clone(), v.clone()));
    }
    let slots = item.ty().slots();
    if slots.iter.is_none() && slots.getitem.is_none() {
        return Err(vm.type_error(format!("cannot unpack non-iterable {} object", item.ty().name())));
    }
    let it = vm.iter(item)?;
    let mut got = Vec::with_capacity(2);
    while got.len() < 2 {
        match vm.next(&it)? {
            Some(x) => got.push(x),
            None => {
                return Err(vm.value_error(format!("not enough values to unpack (expected 2, got {})", got.len())));
            }
        }
    }
    if vm.next(&it)?.is_some() {
        return Err(vm.value_error("too many values to unpack (expected 2)"));
    }
    let v = got.pop().unwrap_or_else(|| vm.none());
    let k = got.pop().unwrap_or_else(|| vm.none());
    Ok((k, v))
}

/// Append the decimal text of `v`.
fn push_i64(out: &mut String, v: i64) {
    let mut buf = [0u8; 20];
    let mut n = v.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        out.push('-');
    }
    for &c in &buf[i..] {
        out.push(c as char);
    }
}

#[cfg(test)]
mod tests {
    use super::push_i64;

    #[test]
    fn decimal_text() {
        for v in [0, 7, -7, 10, 1234567890, i64::MAX, i64::MIN] {
            let mut s = String::new();
            push_i64(&mut s, v);
            assert_eq!(s, v.to_string());
        }
    }
}
