//! Behaviour of `property`, `staticmethod` and `classmethod`.

use std::cell::UnsafeCell;

use crate::object::{alloc_object, PyRef};
use crate::types::function::{cell_get, cell_set};
use crate::types::typeobj::{FuncArgs, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

use super::{ClassMethodObj, PropertyObj, StaticMethodObj};

/// Install the slots, methods and attributes of the three descriptor types.
pub(crate) fn init(vm: &Vm) {
    init_property(vm);
    init_staticmethod(vm);
    init_classmethod(vm);
}

fn visit_cells(cells: &[&UnsafeCell<Option<PyRef>>], visit: &mut crate::object::gc::Visitor<'_>) {
    for c in cells {
        crate::types::iter::cell_visit(c, visit);
    }
}

// ----- property -----

fn prop<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a PropertyObj> {
    o.downcast::<PropertyObj>().ok_or_else(|| vm.type_error(format!("descriptor requires a 'property' object but received a '{}'", o.ty().name())))
}

fn init_property(vm: &Vm) {
    let t = &vm.types.property;
    vm.set_type_slots(
        t,
        Slots {
            new: Some(property_new),
            init: Some(property_init),
            descr_get: Some(property_get),
            descr_set: Some(property_set),
            traverse: Some(|o, visit| {
                let Some(p) = o.downcast::<PropertyObj>() else { return };
                visit_cells(&[&p.fget, &p.fset, &p.fdel, &p.doc, &p.name], visit);
            }),
            clear: Some(|o| {
                let Some(p) = o.downcast::<PropertyObj>() else { return };
                for c in [&p.fget, &p.fset, &p.fdel, &p.doc, &p.name] {
                    cell_set(c, None);
                }
            }),
            ..Default::default()
        },
    );
    vm.add_method(t, "__init__", |vm, a| {
        let s = a.positional().first().ok_or_else(|| vm.type_error("descriptor '__init__' of 'property' object needs an argument"))?;
        property_init(vm, s, FuncArgs { args: &a.args[1..], kwnames: a.kwnames })
    });
    vm.add_method(t, "__get__", |vm, a| {
        let p = a.positional();
        let (s, inst) = match p {
            [s, i] | [s, i, _] => (s, i),
            _ => return Err(vm.type_error("__get__(None, None) is invalid")),
        };
        let owner = p.get(2).cloned().unwrap_or_else(|| vm.type_of(inst).into_ref());
        property_get(vm, s, Some(inst).filter(|i| !vm.is_none(i)), &owner)
    });
    vm.add_method(t, "__set__", |vm, a| match a.positional() {
        [s, i, v] => property_set(vm, s, i, Some(v.clone())).map(|_| vm.none()),
        _ => Err(vm.type_error("expected 2 arguments")),
    });
    vm.add_method(t, "__delete__", |vm, a| match a.positional() {
        [s, i] => property_set(vm, s, i, None).map(|_| vm.none()),
        _ => Err(vm.type_error("expected 1 argument")),
    });
    vm.add_method(t, "__set_name__", |vm, a| match a.positional() {
        [s, _owner, name] => {
            cell_set(&prop(vm, s)?.name, Some(name.clone()));
            Ok(vm.none())
        }
        p => Err(vm.type_error(format!("__set_name__() takes 2 positional arguments but {} were given", p.len().saturating_sub(1)))),
    });
    vm.add_method(t, "getter", |vm, a| property_copy(vm, a, 0));
    vm.add_method(t, "setter", |vm, a| property_copy(vm, a, 1));
    vm.add_method(t, "deleter", |vm, a| property_copy(vm, a, 2));
    vm.add_getset(t, "fget", |vm, o| Ok(cell_get(&prop(vm, o)?.fget).unwrap_or_else(|| vm.none())), None);
    vm.add_getset(t, "fset", |vm, o| Ok(cell_get(&prop(vm, o)?.fset).unwrap_or_else(|| vm.none())), None);
    vm.add_getset(t, "fdel", |vm, o| Ok(cell_get(&prop(vm, o)?.fdel).unwrap_or_else(|| vm.none())), None);
    vm.add_getset(
        t,
        "__doc__",
        |vm, o| Ok(cell_get(&prop(vm, o)?.doc).unwrap_or_else(|| vm.none())),
        Some(|vm, o, v| {
            cell_set(&prop(vm, o)?.doc, v.filter(|v| !vm.is_none(v)));
            Ok(())
        }),
    );
}

fn property_new(vm: &Vm, cls: &PyRef, _a: FuncArgs<'_>) -> PyResult {
    let t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("property.__new__(X): X is not a type object"))?;
    Ok(alloc_object(&t, |ob| PropertyObj {
        ob,
        fget: UnsafeCell::new(None),
        fset: UnsafeCell::new(None),
        fdel: UnsafeCell::new(None),
        doc: UnsafeCell::new(None),
        name: UnsafeCell::new(None),
    }))
}

/// `property.__init__(fget=None, fset=None, fdel=None, doc=None)`.
fn property_init(vm: &Vm, o: &PyRef, a: FuncArgs<'_>) -> PyResult {
    const NAMES: [&str; 4] = ["fget", "fset", "fdel", "doc"];
    let p = a.positional();
    if p.len() > 4 {
        return Err(vm.type_error(format!("property() takes at most 4 arguments ({} given)", p.len())));
    }
    let mut vals: Vec<Option<PyRef>> = (0..4).map(|i| p.get(i).cloned()).collect();
    for (k, v) in a.keywords() {
        let k = vm.str_of(k).unwrap_or("?");
        match NAMES.iter().position(|n| *n == k) {
            Some(i) if vals[i].is_none() => vals[i] = Some(v.clone()),
            Some(_) => return Err(vm.type_error(format!("argument for property() given by name ('{}') and position ({})", k, NAMES.iter().position(|n| *n == k).unwrap_or(0) + 1))),
            None => return Err(vm.type_error(format!("'{}' is an invalid keyword argument for property()", k))),
        }
    }
    let vals: Vec<Option<PyRef>> = vals.into_iter().map(|v| v.filter(|v| !vm.is_none(v))).collect();
    let mut doc = vals[3].clone();
    if doc.is_none() {
        if let Some(g) = &vals[0] {
            doc = vm.lookup_attr_str(g, "__doc__")?.filter(|d| !vm.is_none(d));
        }
    }
    let p = prop(vm, o)?;
    cell_set(&p.fget, vals[0].clone());
    cell_set(&p.fset, vals[1].clone());
    cell_set(&p.fdel, vals[2].clone());
    cell_set(&p.doc, doc);
    Ok(vm.none())
}

fn property_error(vm: &Vm, p: &PyRef, inst: &PyRef, what: &str) -> crate::PyErr {
    let name = match prop(vm, p).ok().and_then(|p| cell_get(&p.name)) {
        Some(n) => format!("property {}", vm.repr_string(&n).unwrap_or_default()),
        None => "property".to_string(),
    };
    vm.attribute_error(format!("{} of '{}' object has no {}", name, inst.ty().name(), what))
}

fn property_get(vm: &Vm, p: &PyRef, inst: Option<&PyRef>, _owner: &PyRef) -> PyResult {
    let Some(inst) = inst else { return Ok(p.clone()) };
    match cell_get(&prop(vm, p)?.fget) {
        Some(f) => vm.call_pos(&f, std::slice::from_ref(inst)),
        None => Err(property_error(vm, p, inst, "getter")),
    }
}

fn property_set(vm: &Vm, p: &PyRef, inst: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    match v {
        Some(v) => match cell_get(&prop(vm, p)?.fset) {
            Some(f) => vm.call_pos(&f, &[inst.clone(), v]).map(drop),
            None => Err(property_error(vm, p, inst, "setter")),
        },
        None => match cell_get(&prop(vm, p)?.fdel) {
            Some(f) => vm.call_pos(&f, std::slice::from_ref(inst)).map(drop),
            None => Err(property_error(vm, p, inst, "deleter")),
        },
    }
}

/// `prop.getter(f)` / `setter(f)` / `deleter(f)`: a copy of the property
/// (made by calling its type) with one function replaced.
fn property_copy(vm: &Vm, a: FuncArgs<'_>, which: usize) -> PyResult {
    let (s, f) = match a.positional() {
        [s, f] => (s, f),
        p => return Err(vm.type_error(format!("expected 1 argument, got {}", p.len().saturating_sub(1)))),
    };
    let p = prop(vm, s)?;
    let mut fns: Vec<PyRef> = [&p.fget, &p.fset, &p.fdel].iter().map(|c| cell_get(c).unwrap_or_else(|| vm.none())).collect();
    fns[which] = f.clone();
    // A docstring taken from the old getter is refreshed from the new one.
    let doc = match cell_get(&p.doc) {
        Some(d) if which != 0 => d,
        Some(d) if cell_get(&p.fget).is_none() => d,
        _ => vm.none(),
    };
    fns.push(doc);
    let copy = vm.call_pos(&vm.type_of(s).into_ref(), &fns)?;
    if let Some(c) = copy.downcast::<PropertyObj>() {
        cell_set(&c.name, cell_get(&p.name));
    }
    Ok(copy)
}

// ----- staticmethod / classmethod -----

fn wrapped_new(vm: &Vm, cls: &PyRef, a: FuncArgs<'_>, name: &str) -> PyResult<(TypeRef, PyRef)> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    let t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error(format!("{}.__new__(X): X is not a type object", name)))?;
    match a.positional() {
        [f] => Ok((t, f.clone())),
        p => Err(vm.type_error(format!("{} expected 1 argument, got {}", name, p.len()))),
    }
}

fn sm<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a StaticMethodObj> {
    o.downcast::<StaticMethodObj>().ok_or_else(|| vm.type_error(format!("descriptor requires a 'staticmethod' object but received a '{}'", o.ty().name())))
}

fn cm<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a ClassMethodObj> {
    o.downcast::<ClassMethodObj>().ok_or_else(|| vm.type_error(format!("descriptor requires a 'classmethod' object but received a '{}'", o.ty().name())))
}

fn wrapped_repr(vm: &Vm, kind: &str, f: Option<PyRef>) -> PyResult {
    let inner = match f {
        Some(f) => vm.repr_string(&f)?,
        None => "NULL".to_string(),
    };
    Ok(vm.new_string(format!("<{}({})>", kind, inner)))
}

fn init_staticmethod(vm: &Vm) {
    let t = &vm.types.staticmethod;
    vm.set_type_slots(
        t,
        Slots {
            new: Some(|vm, cls, a| {
                let (t, f) = wrapped_new(vm, cls, a, "staticmethod")?;
                Ok(alloc_object(&t, |ob| StaticMethodObj { ob, func: UnsafeCell::new(Some(f)) }))
            }),
            init: Some(|vm, _, _| Ok(vm.none())),
            descr_get: Some(|vm, o, _, _| cell_get(&sm(vm, o)?.func).ok_or_else(|| vm.runtime_error("uninitialized staticmethod object"))),
            call: Some(|vm, o, a| {
                let f = cell_get(&sm(vm, o)?.func).ok_or_else(|| vm.runtime_error("uninitialized staticmethod object"))?;
                vm.call(&f, a)
            }),
            repr: Some(|vm, o| wrapped_repr(vm, "staticmethod", cell_get(&sm(vm, o)?.func))),
            traverse: Some(|o, visit| {
                if let Some(s) = o.downcast::<StaticMethodObj>() {
                    visit_cells(&[&s.func], visit);
                }
            }),
            clear: Some(|o| {
                if let Some(s) = o.downcast::<StaticMethodObj>() {
                    cell_set(&s.func, None);
                }
            }),
            ..Default::default()
        },
    );
    vm.add_getset(t, "__func__", |vm, o| Ok(cell_get(&sm(vm, o)?.func).unwrap_or_else(|| vm.none())), None);
    vm.add_getset(t, "__wrapped__", |vm, o| Ok(cell_get(&sm(vm, o)?.func).unwrap_or_else(|| vm.none())), None);
    vm.add_method(t, "__get__", |vm, a| {
        let s = a.positional().first().ok_or_else(|| vm.type_error("descriptor '__get__' needs an argument"))?;
        cell_get(&sm(vm, s)?.func).ok_or_else(|| vm.runtime_error("uninitialized staticmethod object"))
    });
}

fn init_classmethod(vm: &Vm) {
    let t = &vm.types.classmethod;
    vm.set_type_slots(
        t,
        Slots {
            new: Some(|vm, cls, a| {
                let (t, f) = wrapped_new(vm, cls, a, "classmethod")?;
                Ok(alloc_object(&t, |ob| ClassMethodObj { ob, func: UnsafeCell::new(Some(f)) }))
            }),
            init: Some(|vm, _, _| Ok(vm.none())),
            descr_get: Some(classmethod_get),
            repr: Some(|vm, o| wrapped_repr(vm, "classmethod", cell_get(&cm(vm, o)?.func))),
            traverse: Some(|o, visit| {
                if let Some(c) = o.downcast::<ClassMethodObj>() {
                    visit_cells(&[&c.func], visit);
                }
            }),
            clear: Some(|o| {
                if let Some(c) = o.downcast::<ClassMethodObj>() {
                    cell_set(&c.func, None);
                }
            }),
            ..Default::default()
        },
    );
    vm.add_getset(t, "__func__", |vm, o| Ok(cell_get(&cm(vm, o)?.func).unwrap_or_else(|| vm.none())), None);
    vm.add_getset(t, "__wrapped__", |vm, o| Ok(cell_get(&cm(vm, o)?.func).unwrap_or_else(|| vm.none())), None);
    vm.add_method(t, "__get__", |vm, a| {
        let p = a.positional();
        let s = p.first().ok_or_else(|| vm.type_error("descriptor '__get__' needs an argument"))?;
        let inst = p.get(1).filter(|i| !vm.is_none(i));
        let owner = match (p.get(2), inst) {
            (Some(o), _) if !vm.is_none(o) => o.clone(),
            (_, Some(i)) => vm.type_of(i).into_ref(),
            _ => return Err(vm.type_error("__get__(None, None) is invalid")),
        };
        classmethod_get(vm, s, inst, &owner)
    });
}

/// `classmethod.__get__`: bind the function to the owner class (chaining
/// through the wrapped object's own `__get__` when it is not a plain function).
fn classmethod_get(vm: &Vm, o: &PyRef, _inst: Option<&PyRef>, owner: &PyRef) -> PyResult {
    let f = cell_get(&cm(vm, o)?.func).ok_or_else(|| vm.runtime_error("uninitialized classmethod object"))?;
    if f.ty().layout != crate::types::typeobj::Layout::Function {
        if let Some(g) = f.ty().slots().descr_get {
            return g(vm, &f, Some(owner), &vm.type_of(owner).into_ref());
        }
    }
    Ok(crate::types::function::new_method(vm, f, owner.clone()))
}
