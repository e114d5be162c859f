//! Introspection builtins: `isinstance`/`issubclass`, `getattr` and
//! friends, `vars`, `dir`, `globals`, `locals`.

use crate::object::PyRef;
use crate::types::dict::DictObj;
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{FuncArgs, Layout};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

use super::{no_keywords, positional};

/// `isinstance(obj, class_or_tuple)`.
pub(super) fn isinstance(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "isinstance")?;
    let p = positional(vm, &a, "isinstance", 2, 2)?;
    Ok(vm.new_bool(object_isinstance(vm, &p[0], &p[1])?))
}

/// `isinstance(o, cls)` with tuples and `__instancecheck__`.
pub fn object_isinstance(vm: &Vm, o: &PyRef, cls: &PyRef) -> PyResult<bool> {
    if std::ptr::eq(o.type_ptr(), cls.as_ptr().cast()) {
        return Ok(true);
    }
    if let Some(t) = cls.downcast::<TupleObj>() {
        for c in t.items() {
            if object_isinstance(vm, o, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(t) = TypeRef::new(cls.clone()) {
        if std::ptr::eq(cls.ty(), &*vm.types.type_) {
            return Ok(o.ty().is_subtype(&t) || class_attr_is_subtype(vm, o, &t)?);
        }
    }
    match vm.call_special(cls, "__instancecheck__", std::slice::from_ref(o))? {
        Some(r) => vm.truthy(&r),
        None => Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

/// `o.__class__` differing from `type(o)` (proxies) is also checked.
fn class_attr_is_subtype(vm: &Vm, o: &PyRef, t: &TypeRef) -> PyResult<bool> {
    let Some(c) = vm.lookup_attr_str(o, "__class__")? else { return Ok(false) };
    if std::ptr::eq(c.as_ptr().cast_const(), o.type_ptr().cast()) {
        return Ok(false);
    }
    Ok(TypeRef::new(c).is_some_and(|c| c.is_subtype(t)))
}

/// `issubclass(cls, class_or_tuple)`.
pub(super) fn issubclass(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "issubclass")?;
    let p = positional(vm, &a, "issubclass", 2, 2)?;
    Ok(vm.new_bool(object_issubclass(vm, &p[0], &p[1])?))
}

/// `issubclass(c, cls)` with tuples and `__subclasscheck__`.
pub fn object_issubclass(vm: &Vm, c: &PyRef, cls: &PyRef) -> PyResult<bool> {
    if let Some(t) = cls.downcast::<TupleObj>() {
        for x in t.items() {
            if object_issubclass(vm, c, x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(t) = TypeRef::new(cls.clone()) {
        if std::ptr::eq(cls.ty(), &*vm.types.type_) {
            let c = TypeRef::new(c.clone()).ok_or_else(|| vm.type_error("issubclass() arg 1 must be a class"))?;
            return Ok(c.is_subtype(&t));
        }
    }
    match vm.call_special(cls, "__subclasscheck__", std::slice::from_ref(c))? {
        Some(r) => vm.truthy(&r),
        None => Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
    }
}

fn attr_name<'a>(vm: &Vm, n: &'a PyRef) -> PyResult<&'a PyRef> {
    if vm.str_of(n).is_some() {
        Ok(n)
    } else {
        Err(vm.type_error(format!("attribute name must be string, not '{}'", n.ty().name())))
    }
}

/// `getattr(object, name[, default])`.
pub(super) fn getattr(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "getattr")?;
    let p = positional(vm, &a, "getattr", 2, 3)?;
    let name = attr_name(vm, &p[1])?;
    match (vm.get_attr(&p[0], name), p.get(2)) {
        (Err(e), Some(d)) if vm.is_instance(&e.0, &vm.exc.attribute_error) => Ok(d.clone()),
        (r, _) => r,
    }
}

/// `setattr(object, name, value)`.
pub(super) fn setattr(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "setattr")?;
    let p = positional(vm, &a, "setattr", 3, 3)?;
    vm.set_attr(&p[0], attr_name(vm, &p[1])?, Some(p[2].clone()))?;
    Ok(vm.none())
}

/// `hasattr(object, name)`.
pub(super) fn hasattr(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "hasattr")?;
    let p = positional(vm, &a, "hasattr", 2, 2)?;
    match vm.get_attr(&p[0], attr_name(vm, &p[1])?) {
        Ok(_) => Ok(vm.new_bool(true)),
        Err(e) if vm.is_instance(&e.0, &vm.exc.attribute_error) => Ok(vm.new_bool(false)),
        Err(e) => Err(e),
    }
}

/// `delattr(object, name)`.
pub(super) fn delattr(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "delattr")?;
    let p = positional(vm, &a, "delattr", 2, 2)?;
    vm.set_attr(&p[0], attr_name(vm, &p[1])?, None)?;
    Ok(vm.none())
}

/// `vars([object])`.
pub(super) fn vars(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "vars")?;
    match positional(vm, &a, "vars", 0, 1)? {
        [o] => match vm.lookup_attr_str(o, "__dict__")? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
        _ => locals(vm, a),
    }
}

/// `globals()`.
pub(super) fn globals(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    positional(vm, &a, "globals", 0, 0)?;
    Ok(vm.current_globals().unwrap_or_else(|| vm.new_dict()))
}

/// `locals()`.
pub(super) fn locals(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    positional(vm, &a, "locals", 0, 0)?;
    Ok(vm.current_locals().unwrap_or_else(|| vm.new_dict()))
}

/// `dir([object])`: sorted attribute names.
pub(super) fn dir(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "dir")?;
    let names = match positional(vm, &a, "dir", 0, 1)? {
        [o] => return Ok(vm.new_list(object_dir(vm, o)?)),
        _ => match vm.current_locals() {
            Some(l) => vm.collect(&l)?,
            None => Vec::new(),
        },
    };
    sorted_list(vm, names)
}

fn sorted_list(vm: &Vm, names: Vec<PyRef>) -> PyResult {
    let list = vm.new_list(names);
    let l = list.downcast::<crate::types::list::ListObj>().expect("new list");
    crate::types::list::sort_list(vm, l, None, false)?;
    Ok(list)
}

/// `dir(o)` as a sorted vector of names (via `__dir__` when defined).
pub fn object_dir(vm: &Vm, o: &PyRef) -> PyResult<Vec<PyRef>> {
    let names = match vm.call_special(o, "__dir__", &[])? {
        Some(r) => vm.collect(&r)?,
        None => default_dir(vm, o)?,
    };
    vm.collect(&sorted_list(vm, names)?)
}

/// The attribute names `object.__dir__` reports: the instance dict, then
/// the dicts of the class and its bases (modules: their namespace only).
pub fn default_dir(vm: &Vm, o: &PyRef) -> PyResult<Vec<PyRef>> {
    let keys = vm.new_dict();
    let kd = keys.downcast::<DictObj>().expect("new dict");
    let add_dict = |d: &PyRef| -> PyResult<()> {
        if let Some(d) = d.downcast::<DictObj>() {
            for k in d.keys() {
                kd.set_item(vm, k, vm.none())?;
            }
        }
        Ok(())
    };
    if o.ty().layout == Layout::Module {
        add_dict(crate::types::module::module_dict(o))?;
        return Ok(kd.keys());
    }
    let mro: Vec<PyRef> = match TypeRef::new(o.clone()) {
        Some(t) => t.mro().to_vec(),
        None => {
            if let Some(d) = vm.lookup_attr_str(o, "__dict__")? {
                add_dict(&d)?;
            }
            o.ty().mro().to_vec()
        }
    };
    for t in mro {
        if let Some(t) = TypeRef::new(t) {
            add_dict(t.dict())?;
        }
    }
    Ok(kd.keys())
}
