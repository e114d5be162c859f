//! The Python-facing behaviour of `dict`, its views and its iterators
//! (slots, methods, `dict(...)` construction and `update` semantics).

use std::cell::{Cell, UnsafeCell};

use super::{DictObj, DictTable};
use crate::object::{alloc_object, PyObject, PyRef};
use crate::types::iter::{cell_get, cell_set, cell_visit, list_iter_new, DictIterObj, DictViewObj};
use crate::types::list::{arg_count, method_self, no_args, one_arg};
use crate::types::set::{set_add, set_difference_update, set_from_iterable, set_symmetric_difference_update, set_update, SetObj};
use crate::types::typeobj::{CmpOp, FuncArgs, Layout, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

fn dct<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a DictObj> {
    o.downcast::<DictObj>()
        .ok_or_else(|| vm.type_error(format!("descriptor requires a 'dict' object but received a '{}'", o.ty().name())))
}

/// A new empty dict of type `ty` (dict or a subclass).
pub fn new_dict_of_type(ty: &TypeRef) -> PyRef {
    alloc_object(ty, |ob| DictObj { ob, table: Default::default() })
}

/// The table of `d`, borrowed for reading.
///
/// # Safety
/// As [`DictObj::t`]: nothing may change or drop the table, run Python code
/// or allocate an object while the result is used.
unsafe fn table(d: &DictObj) -> &DictTable {
    // SAFETY: by the caller's contract.
    unsafe { &*d.table.get() }
}

fn is_exact_dict(vm: &Vm, o: &PyRef) -> bool {
    std::ptr::eq(o.ty(), &*vm.types.dict)
}

// ----- update / merge -----

/// `PyDict_Merge(a, b, override=true)`: `b` is a mapping (a dict, or has
/// `keys()` and `__getitem__`).
pub fn dict_merge(vm: &Vm, a: &DictObj, b: &PyRef) -> PyResult<()> {
    if let Some(bd) = b.downcast::<DictObj>() {
        if b.ty().slots().iter.is_some_and(|f| std::ptr::fn_addr_eq(f, dict_iter as crate::types::typeobj::UnaryFn)) {
            let mut pos = 0;
            while let Some((np, k, v)) = bd.next_entry(pos) {
                pos = np;
                a.set_item(vm, k, v)?;
            }
            return Ok(());
        }
    }
    let keys = vm.call_method(b, "keys", &[])?;
    let it = vm.iter(&keys)?;
    while let Some(k) = vm.next(&it)? {
        let v = vm.get_item(b, &k)?;
        a.set_item(vm, k, v)?;
    }
    Ok(())
}

/// Update from a sequence of pairs (`dict([(k, v), ...])`).
fn merge_from_seq2(vm: &Vm, a: &DictObj, seq: &PyRef) -> PyResult<()> {
    let it = vm.iter(seq)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let s = item.ty().slots();
        if s.iter.is_none() && s.getitem.is_none() {
            return Err(vm.type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence")));
        }
        let pair = vm.collect(&item).map_err(|e| {
            if vm.is_instance(&e.0, &vm.exc.type_error) {
                vm.type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
            } else {
                e
            }
        })?;
        let [k, v]: [PyRef; 2] = pair.try_into().map_err(|p: Vec<PyRef>| {
            vm.value_error(format!("dictionary update sequence element #{i} has length {}; 2 is required", p.len()))
        })?;
        a.set_item(vm, k, v)?;
        i += 1;
    }
    Ok(())
}

/// `dict.update(arg)` for one positional argument: a dict, a mapping with
/// `keys()`, or an iterable of pairs.
pub fn dict_update_arg(vm: &Vm, a: &DictObj, arg: &PyRef) -> PyResult<()> {
    if is_exact_dict(vm, arg) {
        return dict_merge(vm, a, arg);
    }
    if vm.lookup_attr_str(arg, "keys")?.is_some() {
        return dict_merge(vm, a, arg);
    }
    merge_from_seq2(vm, a, arg)
}

/// `dict(*args, **kwargs)` / `d.update(...)` body.
fn update_common(vm: &Vm, d: &DictObj, args: FuncArgs<'_>, rest: &[PyRef], name: &str) -> PyResult<()> {
    arg_count(vm, rest, name, 0, 1)?;
    if let Some(arg) = rest.first() {
        dict_update_arg(vm, d, arg)?;
    }
    for (k, v) in args.keywords() {
        d.set_item(vm, k.clone(), v.clone())?;
    }
    Ok(())
}

// ----- slots -----

fn dict_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let d = dct(vm, o)?;
    if d.is_empty() {
        return Ok(vm.new_str("{}"));
    }
    if !vm.repr_enter(o) {
        return Ok(vm.new_str("{...}"));
    }
    let r = (|| {
        let mut s = String::from("{");
        let mut pos = 0;
        let mut first = true;
        while let Some((np, k, v)) = d.next_entry(pos) {
            pos = np;
            if !first {
                s.push_str(", ");
            }
            first = false;
            s.push_str(&vm.repr_string(&k)?);
            s.push_str(": ");
            s.push_str(&vm.repr_string(&v)?);
        }
        s.push('}');
        Ok(vm.new_string(s))
    })();
    vm.repr_leave(o);
    r
}

fn dict_equal(vm: &Vm, a: &DictObj, b: &DictObj) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((np, k, v)) = a.next_entry(pos) {
        pos = np;
        let Some(bv) = b.get_item(vm, &k)? else { return Ok(false) };
        if !vm.eq(&v, &bv)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<DictObj>(), b.downcast::<DictObj>()) else {
        return Ok(vm.not_implemented.clone());
    };
    match op {
        CmpOp::Eq => Ok(vm.new_bool(dict_equal(vm, x, y)?)),
        CmpOp::Ne => Ok(vm.new_bool(!dict_equal(vm, x, y)?)),
        _ => Ok(vm.not_implemented.clone()),
    }
}

fn dict_len(vm: &Vm, o: &PyRef) -> PyResult<usize> {
    Ok(dct(vm, o)?.len())
}

fn dict_getitem(vm: &Vm, o: &PyRef, key: &PyRef) -> PyResult {
    let d = dct(vm, o)?;
    if let Some(v) = d.get_item(vm, key)? {
        return Ok(v);
    }
    if !is_exact_dict(vm, o) {
        if let Some(m) = vm.lookup_special(o, "__missing__") {
            return vm.call_unbound(&m, o, &[o.clone(), key.clone()]);
        }
    }
    Err(vm.key_error(key.clone()))
}

fn dict_setitem(vm: &Vm, o: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let d = dct(vm, o)?;
    match value {
        Some(v) => d.set_item(vm, key.clone(), v),
        None => match d.pop_item(vm, key)? {
            Some(_) => Ok(()),
            None => Err(vm.key_error(key.clone())),
        },
    }
}

fn dict_contains(vm: &Vm, o: &PyRef, key: &PyRef) -> PyResult<bool> {
    Ok(dct(vm, o)?.get_item(vm, key)?.is_some())
}

fn dict_iter_of(vm: &Vm, d: &PyRef, kind: u8) -> PyResult {
    let len = dct(vm, d)?.len();
    let ty = match kind {
        0 => &vm.types.dict_keyiter,
        1 => &vm.types.dict_valueiter,
        _ => &vm.types.dict_itemiter,
    };
    Ok(alloc_object(ty, |ob| DictIterObj {
        ob,
        dict: UnsafeCell::new(Some(d.clone())),
        pos: Cell::new(0),
        kind,
        len: Cell::new(len),
        remaining: Cell::new(len),
    }))
}

fn dict_iter(vm: &Vm, o: &PyRef) -> PyResult {
    dict_iter_of(vm, o, 0)
}

fn dict_new(vm: &Vm, cls: &PyRef, _args: FuncArgs<'_>) -> PyResult {
    let t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("dict.__new__(X): X is not a type object"))?;
    Ok(new_dict_of_type(&t))
}

fn dict_init(vm: &Vm, o: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let d = dct(vm, o)?;
    update_common(vm, d, args, args.positional(), "dict")?;
    Ok(vm.none())
}

/// Traverse: a dict whose keys are all exact strs visits its values only
/// (CPython's unicode-keys table); any other dict visits key then value.
fn dict_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(d) = o.downcast::<DictObj>() {
        if d.keys_are_exact_str() {
            d.traverse_values(&mut |x| visit.visit(x));
        } else {
            d.traverse(&mut |x| visit.visit(x));
        }
    }
}

fn dict_clear_slot(o: &PyObject) {
    if let Some(d) = o.downcast::<DictObj>() {
        d.clear();
    }
}

fn dict_or(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (Some(x), Some(_)) = (a.downcast::<DictObj>(), b.downcast::<DictObj>()) else {
        return Ok(vm.not_implemented.clone());
    };
    let new = vm.new_dict();
    let nd = dct(vm, &new)?;
    for (k, v) in x.items() {
        nd.set_item(vm, k, v)?;
    }
    dict_update_arg(vm, nd, b)?;
    Ok(new)
}

// ----- methods -----

fn m_keys(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    view_method(vm, args, 0, "keys")
}
fn m_values(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    view_method(vm, args, 1, "values")
}
fn m_items(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    view_method(vm, args, 2, "items")
}

fn view_method(vm: &Vm, args: FuncArgs<'_>, kind: u8, name: &str) -> PyResult {
    let (_, rest) = method_self::<DictObj>(vm, &args, "dict", name)?;
    no_args(vm, rest, &format!("dict.{name}"))?;
    let ty = match kind {
        0 => &vm.types.dict_keys,
        1 => &vm.types.dict_values,
        _ => &vm.types.dict_items,
    };
    let dict = args.args[0].clone();
    Ok(alloc_object(ty, |ob| DictViewObj { ob, dict, kind }))
}

fn m_get(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (d, rest) = method_self::<DictObj>(vm, &args, "dict", "get")?;
    arg_count(vm, rest, "get", 1, 2)?;
    Ok(d.get_item(vm, &rest[0])?.unwrap_or_else(|| rest.get(1).cloned().unwrap_or_else(|| vm.none())))
}

fn m_setdefault(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (d, rest) = method_self::<DictObj>(vm, &args, "dict", "setdefault")?;
    arg_count(vm, rest, "setdefault", 1, 2)?;
    if let Some(v) = d.get_item(vm, &rest[0])? {
        return Ok(v);
    }
    let v = rest.get(1).cloned().unwrap_or_else(|| vm.none());
    d.set_item(vm, rest[0].clone(), v.clone())?;
    Ok(v)
}

fn m_pop(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (d, rest) = method_self::<DictObj>(vm, &args, "dict", "pop")?;
    arg_count(vm, rest, "pop", 1, 2)?;
    match (d.pop_item(vm, &rest[0])?, rest.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(vm.key_error(rest[0].clone())),
    }
}

fn m_popitem(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (d, rest) = method_self::<DictObj>(vm, &args, "dict", "popitem")?;
    no_args(vm, rest, "dict.popitem")?;
    match pop_last(d) {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.key_error(vm.new_str("popitem(): dictionary is empty"))),
    }
}

/// Remove the last entry without hashing or comparing (CPython's popitem):
/// its index slot becomes a dummy and trailing deleted entries are dropped.
fn pop_last(d: &DictObj) -> Option<super::DictEntry> {
    // SAFETY: the entry is moved out (the caller drops it); nothing runs.
    let t = unsafe { d.t() };
    let ix = t.entries.iter().rposition(Option::is_some)?;
    let hash = t.entries[ix].as_ref()?.hash;
    let slot = t.slot_of_entry(hash, ix);
    t.indices[slot] = super::DUMMY;
    let e = t.entries[ix].take();
    t.entries.truncate(ix);
    t.used -= 1;
    t.version = super::next_version();
    e
}

fn m_update(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let pos = args.positional();
    let Some(d) = pos.first().and_then(|o| o.downcast::<DictObj>()) else {
        return Err(vm.type_error("descriptor 'update' for 'dict' objects doesn't apply to this object"));
    };
    update_common(vm, d, args, &pos[1..], "update")?;
    Ok(vm.none())
}

fn m_ior(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (d, rest) = method_self::<DictObj>(vm, &args, "dict", "__ior__")?;
    dict_update_arg(vm, d, one_arg(vm, rest, "dict.__ior__")?)?;
    Ok(args.args[0].clone())
}

fn m_clear(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (d, rest) = method_self::<DictObj>(vm, &args, "dict", "clear")?;
    no_args(vm, rest, "dict.clear")?;
    d.clear();
    Ok(vm.none())
}

fn m_copy(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (d, rest) = method_self::<DictObj>(vm, &args, "dict", "copy")?;
    no_args(vm, rest, "dict.copy")?;
    let new = vm.new_dict();
    let nd = dct(vm, &new)?;
    for (k, v) in d.items() {
        nd.set_item(vm, k, v)?;
    }
    Ok(new)
}

fn m_fromkeys(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let pos = args.positional();
    let Some(cls) = pos.first() else { return Err(vm.type_error("fromkeys expected at least 1 argument, got 0")) };
    arg_count(vm, &pos[1..], "fromkeys", 1, 2)?;
    let value = pos.get(2).cloned().unwrap_or_else(|| vm.none());
    let d = vm.call0(cls)?;
    let it = vm.iter(&pos[1])?;
    let fast = is_exact_dict(vm, &d);
    while let Some(k) = vm.next(&it)? {
        match d.downcast::<DictObj>() {
            Some(dd) if fast => dd.set_item(vm, k, value.clone())?,
            _ => vm.set_item(&d, &k, value.clone())?,
        }
    }
    Ok(d)
}

fn m_reversed(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (d, rest) = method_self::<DictObj>(vm, &args, "dict", "__reversed__")?;
    no_args(vm, rest, "dict.__reversed__")?;
    Ok(list_iter_new(vm, vm.new_list(d.keys()), true))
}

fn m_sizeof(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (d, rest) = method_self::<DictObj>(vm, &args, "dict", "__sizeof__")?;
    no_args(vm, rest, "dict.__sizeof__")?;
    // SAFETY: reads only (type checks of the keys), nothing runs.
    let t = unsafe { table(d) };
    let size = t.indices.len();
    if size == 0 {
        return Ok(vm.new_int(48));
    }
    let index_bytes = match size {
        0..=128 => 1,
        129..=65536 => 2,
        65537..=4294967296 => 4,
        _ => 8,
    };
    let all_str = t.entries.iter().flatten().all(|e| std::ptr::eq(e.key.ty(), &*vm.types.str));
    let entry = if all_str { 16 } else { 24 };
    let usable = size * 2 / 3;
    Ok(vm.new_int((48 + 32 + size * index_bytes + usable * entry) as i64))
}

// ----- iterators -----

fn dictiter_next(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some(it) = o.downcast::<DictIterObj>() else { return Err(vm.type_error("expected a dict iterator")) };
    let Some(d) = cell_get(&it.dict) else { return Ok(None) };
    let dd = dct(vm, &d)?;
    if dd.len() != it.len.get() {
        it.len.set(usize::MAX);
        return Err(vm.runtime_error("dictionary changed size during iteration"));
    }
    match dd.next_entry(it.pos.get()) {
        Some(_) if it.remaining.get() == 0 => {
            cell_set(&it.dict, None);
            Err(vm.runtime_error("dictionary keys changed during iteration"))
        }
        Some((np, k, v)) => {
            it.pos.set(np);
            it.remaining.set(it.remaining.get() - 1);
            Ok(Some(match it.kind {
                0 => k,
                1 => v,
                _ => vm.new_tuple(vec![k, v]),
            }))
        }
        None => {
            cell_set(&it.dict, None);
            Ok(None)
        }
    }
}

fn dictiter_length_hint(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (it, _) = method_self::<DictIterObj>(vm, &args, "dict_keyiterator", "__length_hint__")?;
    let valid = cell_get(&it.dict).and_then(|d| d.downcast::<DictObj>().map(|d| d.len() == it.len.get()));
    let n = if valid == Some(true) { it.remaining.get() } else { 0 };
    Ok(vm.new_int(n as i64))
}

fn dictiter_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(it) = o.downcast::<DictIterObj>() {
        cell_visit(&it.dict, visit);
    }
}

// ----- views -----

fn view<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a DictViewObj> {
    o.downcast::<DictViewObj>().ok_or_else(|| vm.type_error("expected a dict view"))
}

fn view_dict<'a>(vm: &Vm, v: &'a DictViewObj) -> PyResult<&'a DictObj> {
    dct(vm, &v.dict)
}

fn view_len(vm: &Vm, o: &PyRef) -> PyResult<usize> {
    Ok(view_dict(vm, view(vm, o)?)?.len())
}

fn view_iter(vm: &Vm, o: &PyRef) -> PyResult {
    let v = view(vm, o)?;
    dict_iter_of(vm, &v.dict, v.kind)
}

fn view_contains(vm: &Vm, o: &PyRef, x: &PyRef) -> PyResult<bool> {
    let v = view(vm, o)?;
    let d = view_dict(vm, v)?;
    match v.kind {
        0 => Ok(d.get_item(vm, x)?.is_some()),
        2 => {
            let Some(t) = x.downcast::<crate::types::tuple::TupleObj>() else { return Ok(false) };
            let [k, val] = t.items() else { return Ok(false) };
            match d.get_item(vm, k)? {
                Some(found) => vm.eq(&found, val),
                None => Ok(false),
            }
        }
        _ => {
            for y in d.values() {
                if vm.eq(&y, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_repr(vm: &Vm, o: &PyRef) -> PyResult {
    if !vm.repr_enter(o) {
        return Ok(vm.new_str("..."));
    }
    let r = (|| {
        let items = vm.collect(o)?;
        let list = vm.new_list(items);
        Ok(vm.new_string(format!("{}({})", o.ty().name(), vm.repr_string(&list)?)))
    })();
    vm.repr_leave(o);
    r
}

fn is_setlike_view(o: &PyRef) -> bool {
    o.downcast::<DictViewObj>().is_some_and(|v| v.kind != 1)
}

/// Is every element of `a` in `b`?
fn all_contained_in(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn is_set_or_view(o: &PyRef) -> bool {
    o.ty().layout == Layout::Set || is_setlike_view(o)
}

fn view_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    if !is_setlike_view(a) || !is_set_or_view(b) {
        return Ok(vm.not_implemented.clone());
    }
    let (la, lb) = (vm.len(a)?, vm.len(b)?);
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => (la == lb && all_contained_in(vm, a, b)?) == (op == CmpOp::Eq),
        CmpOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CmpOp::Le => la <= lb && all_contained_in(vm, a, b)?,
        CmpOp::Gt => la > lb && all_contained_in(vm, b, a)?,
        CmpOp::Ge => la >= lb && all_contained_in(vm, b, a)?,
    };
    Ok(vm.new_bool(r))
}

fn view_sub(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !is_setlike_view(a) && !is_setlike_view(b) {
        return Ok(vm.not_implemented.clone());
    }
    let r = set_from_iterable(vm, a)?;
    set_difference_update(vm, setobj(&r), b)?;
    Ok(r)
}

fn view_or(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !is_setlike_view(a) && !is_setlike_view(b) {
        return Ok(vm.not_implemented.clone());
    }
    let r = set_from_iterable(vm, a)?;
    set_update(vm, setobj(&r), b)?;
    Ok(r)
}

fn view_xor(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !is_setlike_view(a) && !is_setlike_view(b) {
        return Ok(vm.not_implemented.clone());
    }
    let r = set_from_iterable(vm, a)?;
    set_symmetric_difference_update(vm, setobj(&r), b)?;
    Ok(r)
}

fn view_and(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (v, other) = if is_setlike_view(a) {
        (a, b)
    } else if is_setlike_view(b) {
        (b, a)
    } else {
        return Ok(vm.not_implemented.clone());
    };
    let r = set_from_iterable(vm, &vm.empty_tuple)?;
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        if view_contains(vm, v, &x)? {
            set_add(vm, setobj(&r), x)?;
        }
    }
    Ok(r)
}

fn setobj(r: &PyRef) -> &SetObj {
    // SAFETY-free: `set_from_iterable` always returns a set.
    r.downcast::<SetObj>().unwrap_or_else(|| unreachable!("set_from_iterable returns a set"))
}

fn view_isdisjoint(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (_, rest) = method_self::<DictViewObj>(vm, &args, "dict_keys", "isdisjoint")?;
    let other = one_arg(vm, rest, "dict_keys.isdisjoint")?;
    let me = &args.args[0];
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        if view_contains(vm, me, &x)? {
            return Ok(vm.false_.clone());
        }
    }
    Ok(vm.true_.clone())
}

fn view_reversed(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    method_self::<DictViewObj>(vm, &args, "dict_keys", "__reversed__")?;
    let items = vm.collect(&args.args[0])?;
    Ok(list_iter_new(vm, vm.new_list(items), true))
}

fn view_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(v) = o.downcast::<DictViewObj>() {
        visit.visit(&v.dict);
    }
}

fn view_mapping(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(view(vm, o)?.dict.clone())
}

/// Install the slots and methods of `dict`, its views and its iterators.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.dict;
    vm.set_type_slots(
        t,
        Slots {
            repr: Some(dict_repr),
            richcompare: Some(dict_richcompare),
            len: Some(dict_len),
            getitem: Some(dict_getitem),
            setitem: Some(dict_setitem),
            contains: Some(dict_contains),
            iter: Some(dict_iter),
            or: Some(dict_or),
            new: Some(dict_new),
            init: Some(dict_init),
            traverse: Some(dict_traverse),
            clear: Some(dict_clear_slot),
            ..Default::default()
        },
    );
    let mut s = *t.slots();
    s.hash = None;
    t.set_slots(s);
    vm.dict_set_str(t.dict(), "__hash__", vm.none());
    vm.add_method(t, "keys", m_keys);
    vm.add_method(t, "values", m_values);
    vm.add_method(t, "items", m_items);
    vm.add_method(t, "get", m_get);
    vm.add_method(t, "setdefault", m_setdefault);
    vm.add_method(t, "pop", m_pop);
    vm.add_method(t, "popitem", m_popitem);
    vm.add_method(t, "update", m_update);
    vm.add_method(t, "clear", m_clear);
    vm.add_method(t, "copy", m_copy);
    vm.add_classmethod(t, "fromkeys", m_fromkeys);
    vm.add_method(t, "__reversed__", m_reversed);
    vm.add_method(t, "__sizeof__", m_sizeof);
    vm.add_method(t, "__ior__", m_ior);
    vm.add_classmethod(t, "__class_getitem__", crate::types::list::class_getitem);
    crate::types::iter::add_sequence_dunders(vm, t);

    for ty in [&vm.types.dict_keyiter, &vm.types.dict_valueiter, &vm.types.dict_itemiter] {
        vm.set_type_slots(
            ty,
            Slots {
                iter: Some(|_, o| Ok(o.clone())),
                iternext: Some(dictiter_next),
                traverse: Some(dictiter_traverse),
                ..Default::default()
            },
        );
        vm.add_method(ty, "__length_hint__", dictiter_length_hint);
        crate::types::iter::add_sequence_dunders(vm, ty);
    }
    for (ty, setlike) in [(&vm.types.dict_keys, true), (&vm.types.dict_values, false), (&vm.types.dict_items, true)] {
        let mut slots = Slots {
            len: Some(view_len),
            iter: Some(view_iter),
            contains: Some(view_contains),
            repr: Some(view_repr),
            traverse: Some(view_traverse),
            ..Default::default()
        };
        if setlike {
            slots.richcompare = Some(view_richcompare);
            slots.sub = Some(view_sub);
            slots.or = Some(view_or);
            slots.xor = Some(view_xor);
            slots.and = Some(view_and);
        }
        vm.set_type_slots(ty, slots);
        if setlike {
            let mut s = *ty.slots();
            s.hash = None;
            ty.set_slots(s);
            vm.dict_set_str(ty.dict(), "__hash__", vm.none());
            vm.add_method(ty, "isdisjoint", view_isdisjoint);
        }
        vm.add_method(ty, "__reversed__", view_reversed);
        vm.add_getset(ty, "mapping", view_mapping, None);
        crate::types::iter::add_sequence_dunders(vm, ty);
    }
}

#[cfg(test)]
mod tests {
    use crate::types::iter::testutil::{call, err_text, ints, repr, vm};
    use crate::types::typeobj::FuncArgs;

    fn pairs(vm: &crate::vm::Vm, v: &[(i64, i64)]) -> crate::PyRef {
        vm.new_list(v.iter().map(|&(a, b)| vm.new_tuple(vec![vm.new_int(a), vm.new_int(b)])).collect())
    }

    #[test]
    fn construction_and_repr() {
        let vm = vm();
        let d = vm.call(vm.types.dict.as_ref(), FuncArgs::pos(&[pairs(&vm, &[(1, 2), (3, 4)])])).unwrap();
        assert_eq!(repr(&vm, &d), "{1: 2, 3: 4}");
        vm.set_item(&d, &vm.new_int(5), d.clone()).unwrap();
        assert_eq!(repr(&vm, &d), "{1: 2, 3: 4, 5: {...}}");
        vm.del_item(&d, &vm.new_int(5)).unwrap();
        let e = vm.call(vm.types.dict.as_ref(), FuncArgs::pos(&[ints(&vm, &[1])])).unwrap_err();
        assert_eq!(err_text(&vm, e), "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
        let bad = vm.new_list(vec![vm.new_tuple(vec![vm.new_int(1)])]);
        let e = vm.call(vm.types.dict.as_ref(), FuncArgs::pos(&[bad])).unwrap_err();
        assert_eq!(err_text(&vm, e), "ValueError: dictionary update sequence element #0 has length 1; 2 is required");
        let e = vm.get_item(&d, &vm.new_int(9)).unwrap_err();
        assert_eq!(e.0.ty().name(), "KeyError");
    }

    #[test]
    fn methods_and_views() {
        let vm = vm();
        let d = vm.new_dict();
        call(&vm, &d, "update", &[pairs(&vm, &[(1, 10), (2, 20), (3, 30)])]).unwrap();
        let keys = call(&vm, &d, "keys", &[]).unwrap();
        assert_eq!(repr(&vm, &keys), "dict_keys([1, 2, 3])");
        assert_eq!(repr(&vm, &call(&vm, &d, "items", &[]).unwrap()), "dict_items([(1, 10), (2, 20), (3, 30)])");
        assert_eq!(repr(&vm, &call(&vm, &d, "values", &[]).unwrap()), "dict_values([10, 20, 30])");
        let s = crate::types::set::set_from_iterable(&vm, &ints(&vm, &[2, 3, 4])).unwrap();
        let and = vm.binary_op(&keys, &s, crate::ops::BinOp::And).unwrap();
        assert_eq!(repr(&vm, &and), "{2, 3}");
        let sub = vm.binary_op(&keys, &s, crate::ops::BinOp::Sub).unwrap();
        assert_eq!(repr(&vm, &sub), "{1}");
        let it = call(&vm, &d, "popitem", &[]).unwrap();
        assert_eq!(repr(&vm, &it), "(3, 30)");
        assert_eq!(repr(&vm, &call(&vm, &d, "pop", &[vm.new_int(1)]).unwrap()), "10");
        assert_eq!(repr(&vm, &call(&vm, &d, "get", &[vm.new_int(1), vm.new_int(7)]).unwrap()), "7");
        assert_eq!(repr(&vm, &call(&vm, &d, "setdefault", &[vm.new_int(4), vm.new_int(40)]).unwrap()), "40");
        assert_eq!(repr(&vm, &d), "{2: 20, 4: 40}");
        let iter = vm.iter(&d).unwrap();
        vm.next(&iter).unwrap();
        vm.set_item(&d, &vm.new_int(8), vm.new_int(0)).unwrap();
        let e = vm.next(&iter).unwrap_err();
        assert_eq!(err_text(&vm, e), "RuntimeError: dictionary changed size during iteration");
        call(&vm, &d, "clear", &[]).unwrap();
        let e = call(&vm, &d, "popitem", &[]).unwrap_err();
        assert_eq!(err_text(&vm, e), "KeyError: popitem(): dictionary is empty");
        assert_eq!(vm.small_int_of(&call(&vm, &d, "__sizeof__", &[]).unwrap()).map(|n| n > 0), Some(true));
    }
}
