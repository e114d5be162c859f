//! `super()`: attribute lookup that starts after a given class in the MRO of
//! the instance's type.

use super::descr::SuperObj;
use super::typeobj::{FuncArgs, Slots};
use super::TypeRef;
use crate::object::{alloc_object, PyRef};
use crate::vm::Vm;
use crate::PyResult;

fn this(o: &PyRef) -> &SuperObj {
    o.downcast::<SuperObj>().expect("super object")
}

/// `super(type, obj)`, `super(type)` or, in a method, `super()`.
fn super_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let pos = args.positional();
    let (t, obj) = match pos {
        [] => {
            let (t, o) = vm.current_super_args()?;
            (t, Some(o))
        }
        [t] => (t.clone(), None),
        [t, o, ..] => (t.clone(), Some(o.clone())),
    };
    let tt = TypeRef::new(t.clone())
        .ok_or_else(|| vm.type_error(format!("super() argument 1 must be a type, not {}", t.ty().name())))?;
    let obj_type = match &obj {
        None => None,
        Some(o) => {
            if let Some(ot) = TypeRef::new(o.clone()).filter(|ot| ot.is_subtype(&tt)) {
                Some(ot.into_ref())
            } else if o.ty().is_subtype(&tt) {
                Some(vm.type_of(o).into_ref())
            } else {
                return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
            }
        }
    };
    let cls = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("super: bad class"))?;
    Ok(alloc_object(&cls, |ob| SuperObj { ob, type_: t, obj, obj_type }))
}

fn super_getattr(vm: &Vm, o: &PyRef, name: &PyRef) -> PyResult {
    let s = this(o);
    let skip = vm.str_of(name) == Some("__class__");
    if let (Some(obj), Some(ot), false) = (&s.obj, &s.obj_type, skip) {
        let ot = TypeRef::new(ot.clone()).expect("type");
        let mro = ot.mro().to_vec();
        let start = mro.iter().position(|c| c.is(&s.type_)).map_or(mro.len(), |i| i + 1);
        for c in &mro[start..] {
            let ct = TypeRef::new(c.clone()).expect("mro entry");
            if let Some(v) = vm.dict_get_str(ct.dict(), vm.str_of(name).unwrap_or("")) {
                return match v.ty().slots().descr_get {
                    Some(g) => {
                        let inst = if obj.is(ot.as_ref()) { None } else { Some(obj) };
                        g(vm, &v, inst, ot.as_ref())
                    }
                    None => Ok(v),
                };
            }
        }
    }
    crate::ops::generic_getattr(vm, o, name)
}

pub(crate) fn init(vm: &Vm) {
    vm.set_type_slots(
        &vm.types.super_,
        Slots {
            new: Some(super_new),
            init: Some(|vm, _, _| Ok(vm.none())),
            getattro: Some(super_getattr),
            traverse: Some(|o, visit| {
                if let Some(s) = o.downcast::<SuperObj>() {
                    if let Some(x) = &s.obj {
                        visit.visit(x);
                    }
                    visit.visit(&s.type_);
                    if let Some(x) = &s.obj_type {
                        visit.visit(x);
                    }
                }
            }),
            repr: Some(|vm, o| {
                let s = this(o);
                let tn = TypeRef::new(s.type_.clone()).map(|t| t.name().to_string()).unwrap_or_default();
                Ok(vm.new_string(match &s.obj_type {
                    Some(ot) => format!(
                        "<super: <class '{}'>, <{} object>>",
                        tn,
                        TypeRef::new(ot.clone()).map(|t| t.name().to_string()).unwrap_or_default()
                    ),
                    None => format!("<super: <class '{}'>, NULL>", tn),
                }))
            }),
            ..Default::default()
        },
    );
    vm.add_getset(&vm.types.super_, "__thisclass__", |_, o| Ok(this(o).type_.clone()), None);
    vm.add_getset(&vm.types.super_, "__self__", |vm, o| Ok(this(o).obj.clone().unwrap_or_else(|| vm.none())), None);
    vm.add_getset(&vm.types.super_, "__self_class__", |vm, o| Ok(this(o).obj_type.clone().unwrap_or_else(|| vm.none())), None);
}
