//! Behaviour of `type` itself: calling a class, `type(name, bases, dict)`,
//! class attributes, C3 MRO, `__slots__`, and the slot wrappers that make a
//! class's dunder methods drive builtin operations.

use std::ptr::NonNull;

use super::descr::MemberObj;
use super::dict::DictObj;
use super::typenew::alloc_heap_type;
use super::typeobj::{CmpOp, FuncArgs, Layout, PyType, Slots, TypeFlags};
use super::TypeRef;
use crate::object::{alloc_object, PyObject, PyRef};
use crate::ops::BinOp;
use crate::vm::Vm;
use crate::{PyErr, PyResult};

pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.type_;
    vm.set_type_slots(
        t,
        Slots {
            call: Some(type_call),
            new: Some(type_new_slot),
            repr: Some(type_repr),
            getattro: Some(crate::ops::type_getattr),
            setattro: Some(type_setattr),
            traverse: Some(type_traverse),
            clear: Some(type_clear),
            ..Default::default()
        },
    );
    vm.add_getset(t, "__name__", type_get_name, Some(type_set_name));
    vm.add_getset(t, "__qualname__", type_get_qualname, Some(type_set_qualname));
    vm.add_getset(t, "__bases__", type_get_bases, None);
    vm.add_getset(t, "__base__", type_get_base, None);
    vm.add_getset(t, "__mro__", type_get_mro, None);
    vm.add_getset(t, "__dict__", type_get_dict, None);
    vm.add_getset(t, "__module__", type_get_module, None);
    vm.add_getset(t, "__doc__", type_get_doc, Some(type_set_doc));
    vm.add_method(t, "mro", type_mro_method);
    vm.add_method(t, "__subclasses__", type_subclasses);
    vm.add_method(t, "__instancecheck__", type_instancecheck);
    vm.add_method(t, "__subclasscheck__", type_subclasscheck);
}

/// `tp_traverse` of type objects: the dict, the MRO, the bases, the base.
/// Builtin types are not collected (and report nothing, as in CPython).
fn type_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    let Some(t) = o.downcast::<PyType>() else { return };
    if !t.is_heap() {
        return;
    }
    // SAFETY: the fields are replaced only during type creation (and by
    // `type_clear`); no code runs while the collector traverses.
    unsafe {
        if let Some(d) = (*t.dict.get()).as_ref() {
            visit.visit(d);
        }
        (*t.mro.get()).iter().for_each(|x| visit.visit(x));
        (*t.bases.get()).iter().for_each(|x| visit.visit(x));
        if let Some(b) = (*t.base.get()).as_ref() {
            visit.visit(b);
        }
    }
}

/// `tp_clear` of type objects: forget cached lookups, empty the dict, drop the MRO.
fn type_clear(o: &PyObject) {
    let Some(t) = o.downcast::<PyType>() else { return };
    if !t.is_heap() {
        return;
    }
    t.version.set(t.version.get().wrapping_add(1));
    Vm::with_current(|vm| vm.type_cache.clear());
    // SAFETY: short borrow to clone the dict reference.
    if let Some(d) = unsafe { (*t.dict.get()).clone() } {
        if let Some(dd) = d.downcast::<DictObj>() {
            dd.clear();
        }
    }
    // SAFETY: short borrow; the old MRO is dropped after it ends.
    let old = unsafe { std::mem::take(&mut *t.mro.get()) };
    drop(old);
}

/// `o` as a type object (the slots and getsets of `type` are only called on
/// type objects: getset descriptors check their instance).
fn as_type(o: &PyRef) -> &PyType {
    o.downcast::<PyType>().expect("a type object")
}

/// `type.__call__`: `cls(*args)` → `__new__` then `__init__`; `type(x)` → its type.
fn type_call(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let t = as_type(cls);
    if std::ptr::eq(t, &*vm.types.type_) && args.args.len() == 1 && args.kwnames.is_empty() {
        return Ok(vm.type_of(&args.args[0]).into_ref());
    }
    let Some(new) = t.slots().new else {
        return Err(vm.type_error(format!("cannot create '{}' instances", t.name())));
    };
    let obj = new(vm, cls, args)?;
    if obj.ty().is_subtype(t) {
        if let Some(init) = obj.ty().slots().init {
            init(vm, &obj, args)?;
        }
    }
    Ok(obj)
}

/// `type(name, bases, dict)` (also `type.__new__(meta, ...)`).
fn type_new_slot(vm: &Vm, meta: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let pos = args.positional();
    if pos.len() != 3 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let name = vm.str_of(&pos[0]).ok_or_else(|| vm.type_error("type.__new__() argument 1 must be str"))?.to_string();
    let bases = vm.collect(&pos[1])?;
    let meta = TypeRef::new(meta.clone()).ok_or_else(|| vm.type_error("bad metatype"))?;
    let kw: Vec<(PyRef, PyRef)> = args.keywords().map(|(k, v)| (k.clone(), v.clone())).collect();
    new_class(vm, &meta, &name, bases, &pos[2], &kw).map(TypeRef::into_ref)
}

fn type_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let t = as_type(o);
    let module = vm.dict_get_str(t.dict(), "__module__").and_then(|m| vm.str_of(&m).map(str::to_string));
    Ok(vm.new_string(match module {
        Some(m) if m != "builtins" => format!("<class '{}.{}'>", m, t.qualname()),
        _ => format!("<class '{}'>", t.qualname()),
    }))
}

fn type_setattr(vm: &Vm, o: &PyRef, name: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let t = as_type(o);
    if let Some(a) = vm.lookup_type(o.ty(), name) {
        if let Some(set) = a.ty().slots().descr_set {
            return set(vm, &a, o, v);
        }
    }
    if !t.is_heap() {
        let n = vm.str_of(name).unwrap_or("?");
        return Err(vm.type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            n,
            t.name()
        )));
    }
    let d = t.dict().downcast::<DictObj>().expect("type dict");
    match v {
        Some(v) => d.set_item(vm, name.clone(), v)?,
        None => {
            if d.pop_item(vm, name)?.is_none() {
                let n = vm.str_of(name).unwrap_or("?");
                return Err(vm.attribute_error(format!("type object '{}' has no attribute '{}'", t.name(), n)));
            }
        }
    }
    t.version.set(t.version.get().wrapping_add(1));
    vm.type_cache.clear();
    if vm.str_of(name).is_some_and(|n| n.starts_with("__") && n.ends_with("__")) {
        let tr = TypeRef::new(o.clone()).expect("type");
        update_slots(vm, &tr);
    }
    Ok(())
}

fn type_get_name(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_str(as_type(o).name()))
}
fn type_set_name(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let s = v.as_ref().and_then(|v| vm.str_of(v)).ok_or_else(|| vm.type_error("can only assign string to __name__"))?;
    as_type(o).set_name(s.to_string());
    Ok(())
}
fn type_get_qualname(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_str(as_type(o).qualname()))
}
fn type_set_qualname(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let s = v.as_ref().and_then(|v| vm.str_of(v)).ok_or_else(|| vm.type_error("can only assign string to __qualname__"))?;
    as_type(o).set_qualname(s.to_string());
    Ok(())
}
fn type_get_bases(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_tuple(as_type(o).bases()))
}
fn type_get_base(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(as_type(o).base().unwrap_or_else(|| vm.none()))
}
fn type_get_mro(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_tuple(as_type(o).mro().to_vec()))
}
fn type_get_dict(vm: &Vm, o: &PyRef) -> PyResult {
    let d = as_type(o).dict().clone();
    Ok(alloc_object(&vm.types.mappingproxy, |ob| super::iter::MappingProxyObj { ob, mapping: d }))
}
fn type_get_module(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.dict_get_str(as_type(o).dict(), "__module__").unwrap_or_else(|| vm.intern("builtins")))
}
fn type_get_doc(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.dict_get_str(as_type(o).dict(), "__doc__").unwrap_or_else(|| vm.none()))
}
fn type_set_doc(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let t = as_type(o);
    if !t.is_heap() {
        return Err(vm.type_error(format!("cannot set '__doc__' attribute of immutable type '{}'", t.name())));
    }
    vm.dict_set_str(t.dict(), "__doc__", v.unwrap_or_else(|| vm.none()));
    vm.type_cache.clear();
    Ok(())
}
fn type_mro_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    Ok(vm.new_list(as_type(&args.args[0]).mro().to_vec()))
}
fn type_subclasses(vm: &Vm, _args: FuncArgs<'_>) -> PyResult {
    Ok(vm.new_list(Vec::new()))
}
fn type_instancecheck(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let [t, o] = args.args else { return Err(vm.type_error("__instancecheck__ expects 1 argument")) };
    Ok(vm.new_bool(o.ty().is_subtype(as_type(t))))
}
fn type_subclasscheck(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let [t, o] = args.args else { return Err(vm.type_error("__subclasscheck__ expects 1 argument")) };
    let o = TypeRef::new(o.clone()).ok_or_else(|| vm.type_error("issubclass() arg 1 must be a class"))?;
    Ok(vm.new_bool(o.is_subtype(as_type(t))))
}

/// C3 linearisation of `bases` for a new class (without the class itself).
fn c3_mro(vm: &Vm, bases: &[PyRef]) -> PyResult<Vec<PyRef>> {
    let mut seqs: Vec<Vec<PyRef>> = bases.iter().map(|b| as_type(b).mro().to_vec()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<PyRef> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let cand = seqs.iter().map(|s| &s[0]).find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| x.is(c))));
        let Some(c) = cand.cloned() else {
            // CPython names the heads of the lists that could not be merged.
            let mut heads: Vec<&PyRef> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| h.is(&s[0])) {
                    heads.push(&s[0]);
                }
            }
            let names: Vec<&str> = heads.iter().map(|b| as_type(b).name()).collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// The nearest builtin (non-heap) type in `t`'s base chain: it decides the layout.
pub(crate) fn solid_base(t: &PyType) -> TypeRef {
    let mut cur = TypeRef::new(PyRef::from_obj(t.as_object())).expect("type");
    while cur.is_heap() {
        match cur.base().and_then(TypeRef::new) {
            Some(b) => cur = b,
            None => break,
        }
    }
    cur
}

/// Create a class: `meta(name, bases, ns)` after the class body ran.
pub fn new_class(
    vm: &Vm,
    meta: &TypeRef,
    name: &str,
    mut bases: Vec<PyRef>,
    ns: &PyRef,
    kwargs: &[(PyRef, PyRef)],
) -> PyResult<TypeRef> {
    if bases.is_empty() {
        bases.push(vm.types.object.as_ref().clone());
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| x.is(b)) {
            let n = TypeRef::new(b.clone()).map(|t| t.name().to_string()).unwrap_or_default();
            return Err(vm.type_error(format!("duplicate base class {}", n)));
        }
    }
    for b in &bases {
        let Some(bt) = TypeRef::new(b.clone()) else {
            return Err(vm.type_error("bases must be types"));
        };
        if !bt.has_flag(TypeFlags::BASETYPE) {
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", bt.name())));
        }
    }
    // The best base: the one with the most derived solid layout.
    let mut best = bases[0].clone();
    let mut best_solid = solid_base(as_type(&best));
    for b in &bases[1..] {
        let s = solid_base(as_type(b));
        if s.layout == best_solid.layout || s.layout == Layout::Object {
            continue;
        }
        if best_solid.layout == Layout::Object || s.is_subtype(&best_solid) {
            best = b.clone();
            best_solid = s;
        } else if !best_solid.is_subtype(&s) {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
    }
    let mro_tail = c3_mro(vm, &bases)?;
    let base_t = as_type(&best);
    let nsd = ns.downcast::<DictObj>().ok_or_else(|| vm.type_error("type() argument 3 must be dict"))?;
    let dict = vm.new_dict();
    let d = dict.downcast::<DictObj>().expect("dict");
    for (k, v) in nsd.items() {
        d.set_item(vm, k, v)?;
    }
    // __slots__
    let slot_names: Option<Vec<PyRef>> = match d.get_str(vm, "__slots__") {
        Some(s) if vm.str_of(&s).is_some() => Some(vec![s]),
        Some(s) => Some(vm.collect(&s)?),
        None => None,
    };
    let mut basicsize = base_t.basicsize;
    let mut dictoffset = base_t.dictoffset;
    let mut nslots = 0;
    let mut slotsoffset = basicsize;
    let mut add_dict = slot_names.is_none();
    // A weak-reference list cell unless a base has one, the base is
    // variable-size in CPython (int, tuple, bytes), or `__slots__` omits `__weakref__`.
    let may_add_weak = base_t.weaklistoffset == 0 && !matches!(best_solid.layout, Layout::Int | Layout::Tuple | Layout::Bytes);
    let mut add_weak = may_add_weak && slot_names.is_none();
    let mut weaklistoffset = base_t.weaklistoffset;
    let mut members = Vec::new();
    if let Some(names) = &slot_names {
        for n in names {
            let s = vm.str_of(n).ok_or_else(|| vm.type_error("__slots__ items must be strings"))?;
            if s == "__dict__" {
                add_dict = true;
            } else if s == "__weakref__" {
                if !may_add_weak || add_weak {
                    return Err(vm.type_error("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"));
                }
                add_weak = true;
            } else {
                members.push(vm.intern(s));
            }
        }
    }
    // Plain classes keep attributes as inline values: their dict cell is
    // followed by a values cell (inherited with the dict cell).
    let mut inline_values = base_t.has_flag(TypeFlags::INLINE_VALUES);
    if add_dict && dictoffset == 0 {
        dictoffset = basicsize;
        basicsize += 8;
        if best_solid.layout == Layout::Object {
            inline_values = true;
            basicsize += 8;
        }
    }
    // The weak-reference list cell follows the dict cell; when inherited
    // `__slots__` cells end the base's layout and more are added here, it
    // goes after them instead (slot cells must stay contiguous).
    let weak_after_slots = base_t.nslots > 0 && !members.is_empty();
    if add_weak && !weak_after_slots {
        weaklistoffset = basicsize;
        basicsize += 8;
    }
    if !members.is_empty() {
        // Slots of heap bases come first; ours follow.
        let inherited = base_t.nslots;
        slotsoffset = if inherited > 0 { base_t.slotsoffset } else { basicsize };
        if inherited > 0 && base_t.slotsoffset + 8 * inherited != basicsize {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
        nslots = inherited + members.len();
        basicsize += 8 * members.len();
    } else {
        nslots = base_t.nslots.max(nslots);
        if nslots > 0 {
            slotsoffset = base_t.slotsoffset;
        }
    }
    if add_weak && weak_after_slots {
        weaklistoffset = basicsize;
        basicsize += 8;
    }
    let mut flags = TypeFlags::HEAPTYPE | TypeFlags::BASETYPE | TypeFlags::HAVE_GC;
    if inline_values {
        flags |= TypeFlags::INLINE_VALUES;
    }
    if base_t.has_flag(TypeFlags::EXC_SUBCLASS) {
        flags |= TypeFlags::EXC_SUBCLASS;
    }
    let qualname = d.pop_item(vm, &vm.intern("__qualname__"))?;
    if d.get_str(vm, "__doc__").is_none() {
        d.set_str(vm, "__doc__", vm.none());
    }
    // Defining __eq__ without __hash__ makes instances unhashable.
    if d.get_str(vm, "__eq__").is_some() && d.get_str(vm, "__hash__").is_none() {
        d.set_str(vm, "__hash__", vm.none());
    }
    // `__new__`, `__init_subclass__` and `__class_getitem__` are implicitly static/class methods.
    if let Some(f) = d.get_str(vm, "__new__") {
        if f.ty().layout == Layout::Function {
            let sm = alloc_object(&vm.types.staticmethod, |ob| super::descr::StaticMethodObj {
                ob,
                func: std::cell::UnsafeCell::new(Some(f)),
            });
            d.set_str(vm, "__new__", sm);
        }
    }
    for cm_name in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = d.get_str(vm, cm_name) {
            if f.ty().layout == Layout::Function {
                let cm = alloc_object(&vm.types.classmethod, |ob| super::descr::ClassMethodObj {
                    ob,
                    func: std::cell::UnsafeCell::new(Some(f)),
                });
                d.set_str(vm, cm_name, cm);
            }
        }
    }
    let classcell = d.pop_item(vm, &vm.intern("__classcell__"))?;
    // SAFETY: instances are the solid base's payload (`base_t.layout`, at
    // least its basicsize) followed by what this class adds: a dict cell at
    // `dictoffset` (inherited, or the first 8 bytes past the base; with
    // `INLINE_VALUES`, the values cell right after it, added or inherited
    // together with it) and the
    // `nslots` cells from `slotsoffset` (the base's, then ours appended at
    // its end, checked contiguous), all below `basicsize` and zeroed by
    // `alloc_object`; `subtype_dealloc` releases those cells and hands the
    // payload to the solid base's deallocator.
    let t = unsafe {
        alloc_heap_type(
            meta,
            name,
            base_t.layout,
            basicsize,
            dictoffset,
            weaklistoffset,
            nslots,
            slotsoffset,
            flags,
            subtype_dealloc,
            best.clone(),
            bases.clone(),
            dict.clone(),
        )
    };
    // The new type may reuse the address of a dead one: forget cached lookups.
    vm.type_cache.clear();
    if let Some(q) = qualname.as_ref().and_then(|q| vm.str_of(q).map(str::to_string)) {
        t.set_qualname(q);
    }
    let mut mro = vec![t.as_ref().clone()];
    mro.extend(mro_tail);
    // SAFETY: the class was just created and has escaped nowhere yet: nothing
    // borrows its MRO.
    unsafe { t.set_mro(mro) };
    for (i, m) in members.iter().enumerate() {
        let index = base_t.nslots + i;
        let md = alloc_object(&vm.types.member_descriptor, |ob| MemberObj {
            ob,
            name: m.clone(),
            index,
            objclass: t.as_ref().clone(),
        });
        d.set_item(vm, m.clone(), md)?;
    }
    if add_dict && base_t.dictoffset == 0 && vm.lookup_type_str(base_t, "__dict__").is_none() {
        vm.add_getset(&t, "__dict__", instance_get_dict, Some(instance_set_dict));
    }
    if add_weak {
        vm.add_getset(&t, "__weakref__", super::weakref::instance_get_weakref, None);
    }
    if vm.lookup_type_str(&t, "__del__").is_some() {
        t.add_flag(TypeFlags::HAS_FINALIZER);
    }
    update_slots(vm, &t);
    if let Some(cell) = classcell {
        if let Some(c) = cell.downcast::<super::cell::CellObj>() {
            c.set(Some(t.as_ref().clone()));
        }
    }
    // __set_name__ on attributes, then the parent's __init_subclass__.
    for (k, v) in d.items() {
        if let Some(f) = vm.lookup_type_str(v.ty(), "__set_name__") {
            vm.call_unbound(&f, &v, &[v.clone(), t.as_ref().clone(), k])?;
        }
    }
    let sup = alloc_object(&vm.types.super_, |ob| super::descr::SuperObj {
        ob,
        type_: t.as_ref().clone(),
        obj: Some(t.as_ref().clone()),
        obj_type: Some(t.as_ref().clone()),
    });
    vm.type_cache.clear();
    let init_sub = vm.get_attr_str(&sup, "__init_subclass__")?;
    let kwnames: Vec<PyRef> = kwargs.iter().map(|(k, _)| k.clone()).collect();
    let kwvals: Vec<PyRef> = kwargs.iter().map(|(_, v)| v.clone()).collect();
    vm.call(&init_sub, FuncArgs { args: &kwvals, kwnames: &kwnames })?;
    Ok(t)
}

fn instance_get_dict(vm: &Vm, o: &PyRef) -> PyResult {
    vm.instance_dict(o).ok_or_else(|| vm.attribute_error("object has no __dict__"))
}
fn instance_set_dict(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    // Deleting `__dict__` empties the instance (a new dict on next use).
    if let Some(v) = v.as_ref().filter(|v| v.ty().layout != Layout::Dict) {
        return Err(vm.type_error(format!("__dict__ must be set to a dictionary, not a '{}'", v.ty().name())));
    }
    let slot = o.ty().dict_slot(o).ok_or_else(|| vm.attribute_error("object has no __dict__"))?;
    // SAFETY: short borrow; the old dict is dropped after it ends.
    let old = unsafe { std::mem::replace(&mut *slot.get(), v) };
    let old_values = super::instance::take_values(o);
    drop(old);
    drop(old_values);
    Ok(())
}

/// Release what the cells a heap type adds to its instances hold (`__slots__`
/// values, the `__dict__`), leaving the builtin payload alone; returns the
/// solid base, whose deallocator handles that payload.
///
/// # Safety
/// `o` is dead (or being torn down) and its type, with its bases, is intact.
pub(crate) unsafe fn clear_instance_cells(o: NonNull<PyObject>) -> TypeRef {
    // SAFETY: the header and type are intact (contract).
    let obj = unsafe { o.as_ref() };
    let ty = obj.ty();
    let base = solid_base(ty);
    for i in 0..ty.nslots {
        if let Some(c) = ty.slot_cell(obj, i) {
            // SAFETY: dead object; each cell is taken once, nothing borrows it.
            let v = unsafe { (*c.get()).take() };
            drop(v);
        }
    }
    if ty.dictoffset != 0 && ty.dictoffset >= base.basicsize {
        drop(super::instance::take_values(obj));
        if let Some(slot) = ty.dict_slot(obj) {
            // SAFETY: as above.
            let d = unsafe { (*slot.get()).take() };
            drop(d);
        }
    }
    base
}

/// The nearest builtin base of a type, borrowed (no reference counting:
/// used while the collector traverses).
fn solid_base_ref(t: &PyType) -> &PyType {
    let mut cur = t;
    while cur.is_heap() {
        // SAFETY: bases are replaced only during type creation; a type holds
        // its base alive.
        match unsafe { (*cur.base.get()).as_ref() } {
            // SAFETY: a type's base is a type object.
            Some(b) => cur = unsafe { b.downcast_unchecked::<PyType>() },
            None => break,
        }
    }
    cur
}

/// Whether instances of `ty` keep their attributes as inline values: plain
/// classes (no builtin base other than `object`) whose dict cell a class
/// statement added.
pub(crate) fn has_inline_values(ty: &PyType) -> bool {
    ty.has_flag(TypeFlags::INLINE_VALUES)
}

/// `tp_traverse` of heap-type instances, in CPython's order: `__slots__`
/// values, the attributes (inline values, or the dict object once Python
/// code has seen it), the type (when the builtin base has no traverse of its
/// own), then the builtin base's traverse.
fn subtype_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    let ty = o.ty();
    let base = solid_base_ref(ty);
    for i in 0..ty.nslots {
        // SAFETY: a short read and a clone; the visitor gets its own reference.
        let v = ty.slot_cell(o, i).and_then(|c| unsafe { (*c.get()).clone() });
        if let Some(v) = v {
            visit.visit(&v);
        }
    }
    if ty.dictoffset != 0 && ty.dictoffset >= base.basicsize {
        super::instance::visit_values(o, visit);
        if let Some(d) = ty.dict_of(o) {
            visit.visit(&d);
        }
    }
    match base.slots().traverse {
        Some(bt) => bt(o, visit),
        None => visit.visit(ty.as_object()),
    }
}

/// `tp_clear` of heap-type instances: release the `__slots__` values and
/// the attributes (breaking cycles through them), then the builtin base's clear.
fn subtype_clear(o: &PyObject) {
    let ty = o.ty();
    let base = solid_base_ref(ty);
    for i in 0..ty.nslots {
        // SAFETY: short borrow; the value is dropped after it ends.
        let v = ty.slot_cell(o, i).and_then(|c| unsafe { (*c.get()).take() });
        drop(v);
    }
    if ty.dictoffset != 0 && ty.dictoffset >= base.basicsize {
        drop(super::instance::take_values(o));
        if let Some(slot) = ty.dict_slot(o) {
            // SAFETY: as above.
            let d = unsafe { (*slot.get()).take() };
            drop(d);
        }
    }
    if let Some(bc) = base.slots().clear {
        bc(o);
    }
}

/// Deallocator of instances of heap types: `__del__` (PEP 442: at most
/// once; resurrection stops teardown), then the weak references are cleared
/// and their callbacks run (OBJ-5), then the `__slots__` and `__dict__`
/// cells, then the builtin base's payload.
///
/// # Safety
/// `o` must be a dead instance of a heap type.
pub(crate) unsafe fn subtype_dealloc(o: NonNull<PyObject>) {
    // SAFETY: `o` is alive until freed below.
    let obj = unsafe { o.as_ref() };
    let ty = obj.ty();
    // SAFETY: `o` is the dying object, intact, owned by nobody.
    if ty.has_flag(TypeFlags::HAS_FINALIZER) && !is_finalized(obj) && unsafe { crate::object::gc::finalize_from_dealloc(o) } {
        return;
    }
    if ty.weaklistoffset != 0 {
        super::weakref::clear_weakrefs_on_dealloc(obj);
    }
    // SAFETY: `o` is dead; its cells are released once, here.
    let base = unsafe { clear_instance_cells(o) };
    // SAFETY: the base deallocator drops the builtin payload and frees the
    // memory using the header's (heap) type for the size.
    unsafe { (base.dealloc)(o) }
}

use crate::object::is_finalized;

// ----- slot wrappers -----

/// Recompute the slot table of a heap type from the dunders found in its MRO.
pub(crate) fn update_slots(vm: &Vm, t: &TypeRef) {
    let base = t.base().and_then(TypeRef::new).map(|b| *b.slots()).unwrap_or_default();
    let mut s = base;
    let defined = |name: &str| -> Option<bool> {
        // Some(true): defined by a heap class; Some(false): by a builtin type.
        for c in t.mro() {
            let ct = as_type(c);
            if vm.dict_get_str(ct.dict(), name).is_some() {
                return Some(ct.is_heap());
            }
        }
        None
    };
    let heap = |name: &str| defined(name) == Some(true);
    macro_rules! wrap {
        ($field:ident, $f:expr, $($name:literal),+) => {
            if $(heap($name))||+ { s.$field = Some($f); }
        };
    }
    wrap!(repr, slot_repr, "__repr__");
    wrap!(str, slot_str, "__str__");
    wrap!(call, slot_call, "__call__");
    wrap!(init, slot_init, "__init__");
    wrap!(new, slot_new, "__new__");
    wrap!(iter, slot_iter, "__iter__");
    wrap!(iternext, slot_iternext, "__next__");
    wrap!(len, slot_len, "__len__");
    wrap!(getitem, slot_getitem, "__getitem__");
    wrap!(setitem, slot_setitem, "__setitem__", "__delitem__");
    wrap!(contains, slot_contains, "__contains__");
    wrap!(bool, slot_bool, "__bool__");
    wrap!(descr_get, slot_descr_get, "__get__");
    wrap!(descr_set, slot_descr_set, "__set__", "__delete__");
    wrap!(getattro, slot_getattro, "__getattribute__", "__getattr__");
    wrap!(setattro, slot_setattro, "__setattr__", "__delattr__");
    wrap!(richcompare, slot_richcompare, "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__");
    wrap!(neg, slot_neg, "__neg__");
    wrap!(pos, slot_pos, "__pos__");
    wrap!(invert, slot_invert, "__invert__");
    wrap!(abs, slot_abs, "__abs__");
    wrap!(int, slot_int, "__int__");
    wrap!(float, slot_float, "__float__");
    wrap!(index, slot_index, "__index__");
    wrap!(pow, slot_pow, "__pow__", "__rpow__");
    macro_rules! binops {
        ($($field:ident $f:ident $op:expr, $l:literal $r:literal);* $(;)?) => {
            $( if heap($l) || heap($r) { s.$field = Some($f); } )*
        };
    }
    binops!(
        add slot_add BinOp::Add, "__add__" "__radd__";
        sub slot_sub BinOp::Sub, "__sub__" "__rsub__";
        mul slot_mul BinOp::Mul, "__mul__" "__rmul__";
        truediv slot_truediv BinOp::TrueDiv, "__truediv__" "__rtruediv__";
        floordiv slot_floordiv BinOp::FloorDiv, "__floordiv__" "__rfloordiv__";
        rem slot_rem BinOp::Mod, "__mod__" "__rmod__";
        lshift slot_lshift BinOp::Lshift, "__lshift__" "__rlshift__";
        rshift slot_rshift BinOp::Rshift, "__rshift__" "__rrshift__";
        and slot_and BinOp::And, "__and__" "__rand__";
        or slot_or BinOp::Or, "__or__" "__ror__";
        xor slot_xor BinOp::Xor, "__xor__" "__rxor__";
        matmul slot_matmul BinOp::MatMul, "__matmul__" "__rmatmul__";
    );
    match vm.lookup_type_str(t, "__hash__") {
        Some(h) if vm.is_none(&h) => s.hash = None,
        _ if heap("__hash__") => s.hash = Some(slot_hash),
        _ if heap("__eq__") => s.hash = None,
        _ => {}
    }
    s.traverse = Some(subtype_traverse);
    s.clear = Some(subtype_clear);
    t.set_slots(s);
}

fn call_dunder(vm: &Vm, o: &PyRef, name: &str, args: &[PyRef]) -> PyResult {
    match vm.call_special(o, name, args)? {
        Some(r) => Ok(r),
        None => Err(vm.no_attribute(o, &vm.intern(name))),
    }
}

fn slot_repr(vm: &Vm, o: &PyRef) -> PyResult {
    call_dunder(vm, o, "__repr__", &[])
}
fn slot_str(vm: &Vm, o: &PyRef) -> PyResult {
    call_dunder(vm, o, "__str__", &[])
}
fn slot_call(vm: &Vm, o: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let f = vm.lookup_special(o, "__call__").ok_or_else(|| vm.type_error("not callable"))?;
    let all = crate::ops::prepend(o, args.args);
    call_unbound_kw(vm, &f, o, &all, args.kwnames)
}
fn call_unbound_kw(vm: &Vm, f: &PyRef, inst: &PyRef, all: &[PyRef], kwnames: &[PyRef]) -> PyResult {
    if kwnames.is_empty() {
        return vm.call_unbound(f, inst, all);
    }
    match f.ty().layout {
        Layout::Function | Layout::BuiltinFunction => vm.call(f, FuncArgs { args: all, kwnames }),
        _ => {
            let bound = match f.ty().slots().descr_get {
                Some(g) => g(vm, f, Some(inst), &vm.type_of(inst).into_ref())?,
                None => f.clone(),
            };
            vm.call(&bound, FuncArgs { args: &all[1..], kwnames })
        }
    }
}
fn slot_init(vm: &Vm, o: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let f = vm.lookup_special(o, "__init__").ok_or_else(|| vm.type_error("no __init__"))?;
    let all = crate::ops::prepend(o, args.args);
    let r = call_unbound_kw(vm, &f, o, &all, args.kwnames)?;
    if !vm.is_none(&r) {
        return Err(vm.type_error(format!("__init__() should return None, not '{}'", r.ty().name())));
    }
    Ok(r)
}
fn slot_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let f = vm.get_attr_str(cls, "__new__")?;
    let all = crate::ops::prepend(cls, args.args);
    vm.call(&f, FuncArgs { args: &all, kwnames: args.kwnames })
}
fn slot_iter(vm: &Vm, o: &PyRef) -> PyResult {
    call_dunder(vm, o, "__iter__", &[])
}
fn slot_iternext(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    match call_dunder(vm, o, "__next__", &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.is_instance(&e.0, &vm.exc.stop_iteration) => Ok(None),
        Err(e) => Err(e),
    }
}
fn slot_len(vm: &Vm, o: &PyRef) -> PyResult<usize> {
    let r = call_dunder(vm, o, "__len__", &[])?;
    let n = vm.index_i64(&r).map_err(|_| {
        vm.type_error(format!("'{}' object cannot be interpreted as an integer", r.ty().name()))
    })?;
    usize::try_from(n).map_err(|_| vm.value_error("__len__() should return >= 0"))
}
fn slot_getitem(vm: &Vm, o: &PyRef, k: &PyRef) -> PyResult {
    call_dunder(vm, o, "__getitem__", std::slice::from_ref(k))
}
fn slot_setitem(vm: &Vm, o: &PyRef, k: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    match v {
        Some(v) => call_dunder(vm, o, "__setitem__", &[k.clone(), v]).map(drop),
        None => call_dunder(vm, o, "__delitem__", std::slice::from_ref(k)).map(drop),
    }
}
fn slot_contains(vm: &Vm, o: &PyRef, k: &PyRef) -> PyResult<bool> {
    let r = call_dunder(vm, o, "__contains__", std::slice::from_ref(k))?;
    vm.truthy(&r)
}
fn slot_bool(vm: &Vm, o: &PyRef) -> PyResult<bool> {
    let r = call_dunder(vm, o, "__bool__", &[])?;
    if r.ty().layout != Layout::Int || !std::ptr::eq(r.ty(), &*vm.types.bool) {
        return Err(vm.type_error(format!("__bool__ should return bool, returned {}", r.ty().name())));
    }
    Ok(r.is(&vm.true_))
}
fn slot_descr_get(vm: &Vm, d: &PyRef, inst: Option<&PyRef>, owner: &PyRef) -> PyResult {
    let i = inst.cloned().unwrap_or_else(|| vm.none());
    call_dunder(vm, d, "__get__", &[i, owner.clone()])
}
fn slot_descr_set(vm: &Vm, d: &PyRef, inst: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    match v {
        Some(v) => call_dunder(vm, d, "__set__", &[inst.clone(), v]).map(drop),
        None => call_dunder(vm, d, "__delete__", std::slice::from_ref(inst)).map(drop),
    }
}
fn slot_getattro(vm: &Vm, o: &PyRef, name: &PyRef) -> PyResult {
    let ga = vm.lookup_special(o, "__getattribute__").filter(|f| f.ty().layout == Layout::Function);
    let r = match ga {
        Some(f) => vm.call_unbound(&f, o, &[o.clone(), name.clone()]),
        None => crate::ops::generic_getattr(vm, o, name),
    };
    match r {
        Err(e) if vm.is_instance(&e.0, &vm.exc.attribute_error) => match vm.lookup_special(o, "__getattr__") {
            Some(f) => vm.call_unbound(&f, o, &[o.clone(), name.clone()]),
            None => Err(e),
        },
        r => r,
    }
}
fn slot_setattro(vm: &Vm, o: &PyRef, name: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    match v {
        Some(v) => call_dunder(vm, o, "__setattr__", &[name.clone(), v]).map(drop),
        None => call_dunder(vm, o, "__delattr__", std::slice::from_ref(name)).map(drop),
    }
}
fn slot_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    if let Some(f) = vm.lookup_special(a, op.dunder()) {
        return vm.call_unbound(&f, a, &[a.clone(), b.clone()]);
    }
    if op == CmpOp::Ne {
        if let Some(f) = vm.lookup_special(a, "__eq__") {
            let r = vm.call_unbound(&f, a, &[a.clone(), b.clone()])?;
            if r.is(&vm.not_implemented) {
                return Ok(r);
            }
            return Ok(vm.new_bool(!vm.truthy(&r)?));
        }
    }
    Ok(vm.not_implemented.clone())
}
fn slot_hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    let r = call_dunder(vm, o, "__hash__", &[])?;
    if r.ty().layout != Layout::Int {
        return Err(vm.type_error("__hash__ method should return an integer"));
    }
    let h = match vm.small_int_of(&r) {
        Some(v) => v,
        None => vm.hash(&r)?,
    };
    Ok(if h == -1 { -2 } else { h })
}
macro_rules! unary_wrappers {
    ($($f:ident $name:literal),*) => {
        $(fn $f(vm: &Vm, o: &PyRef) -> PyResult { call_dunder(vm, o, $name, &[]) })*
    };
}
unary_wrappers!(slot_neg "__neg__", slot_pos "__pos__", slot_invert "__invert__", slot_abs "__abs__",
    slot_int "__int__", slot_float "__float__", slot_index "__index__");

/// Shared body of the binary-operator wrappers (CPython's SLOT1BINFULL).
fn slot_binary(vm: &Vm, a: &PyRef, b: &PyRef, op: BinOp, me: crate::types::typeobj::BinaryFn) -> PyResult {
    let (l, r, _) = op.dunders();
    let a_has = op.slot(a.ty().slots()).is_some_and(|f| std::ptr::fn_addr_eq(f, me));
    let b_has = !std::ptr::eq(a.ty(), b.ty()) && op.slot(b.ty().slots()).is_some_and(|f| std::ptr::fn_addr_eq(f, me));
    if a_has {
        if let Some(f) = vm.lookup_special(a, l) {
            let res = vm.call_unbound(&f, a, &[a.clone(), b.clone()])?;
            if !res.is(&vm.not_implemented) || !b_has {
                return Ok(res);
            }
        }
    }
    if b_has || (!a_has && op.slot(b.ty().slots()).is_some_and(|f| std::ptr::fn_addr_eq(f, me))) {
        if let Some(f) = vm.lookup_special(b, r) {
            return vm.call_unbound(&f, b, &[b.clone(), a.clone()]);
        }
    }
    Ok(vm.not_implemented.clone())
}
macro_rules! binary_wrappers {
    ($($f:ident $op:expr),*) => {
        $(fn $f(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult { slot_binary(vm, a, b, $op, $f) })*
    };
}
binary_wrappers!(slot_add BinOp::Add, slot_sub BinOp::Sub, slot_mul BinOp::Mul, slot_truediv BinOp::TrueDiv,
    slot_floordiv BinOp::FloorDiv, slot_rem BinOp::Mod, slot_lshift BinOp::Lshift, slot_rshift BinOp::Rshift,
    slot_and BinOp::And, slot_or BinOp::Or, slot_xor BinOp::Xor, slot_matmul BinOp::MatMul);
fn slot_pow(vm: &Vm, a: &PyRef, b: &PyRef, m: &PyRef) -> PyResult {
    let a_has = a.ty().slots().pow.is_some_and(|f| std::ptr::fn_addr_eq(f, slot_pow as crate::types::typeobj::TernaryFn));
    let args: Vec<PyRef> = if vm.is_none(m) { vec![a.clone(), b.clone()] } else { vec![a.clone(), b.clone(), m.clone()] };
    if a_has {
        if let Some(f) = vm.lookup_special(a, "__pow__") {
            let res = vm.call_unbound(&f, a, &args)?;
            if !res.is(&vm.not_implemented) {
                return Ok(res);
            }
        }
    }
    if !std::ptr::eq(a.ty(), b.ty()) && vm.is_none(m) {
        if let Some(f) = vm.lookup_special(b, "__rpow__") {
            return vm.call_unbound(&f, b, &[b.clone(), a.clone()]);
        }
    }
    Ok(vm.not_implemented.clone())
}

/// A `PyErr` for a missing `__init__` argument count (used by object_init).
pub(crate) fn takes_no_arguments(vm: &Vm, t: &PyType) -> PyErr {
    vm.type_error(format!("{}() takes no arguments", t.name()))
}
