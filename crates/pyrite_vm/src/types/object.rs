//! `object`: the root type, and the generic attribute protocol shared by
//! most types (`PyObject_GenericGetAttr`/`SetAttr`).

use crate::object::ObjHeader;
use crate::types::typeobj::Layout;

/// An instance of `object` itself, or of a class whose nearest builtin base is
/// `object` (then followed by the `__dict__` and `__slots__` cells).
#[repr(C)]
pub struct ObjectObj {
    /// Header.
    pub ob: ObjHeader,
}

// SAFETY: repr(C), header first, Layout::Object unique to ObjectObj.
unsafe impl crate::object::PyPayload for ObjectObj {
    const LAYOUT: Layout = Layout::Object;
}

use crate::object::{alloc_object, PyRef};
use crate::types::typeobj::{CmpOp, FuncArgs, Slots, TypeFlags};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.object;
    vm.set_type_slots(
        t,
        Slots {
            new: Some(object_new),
            init: Some(object_init),
            repr: Some(object_repr),
            hash: Some(object_hash),
            richcompare: Some(object_richcompare),
            getattro: Some(crate::ops::generic_getattr),
            setattro: Some(crate::ops::generic_setattr),
            ..Default::default()
        },
    );
    vm.add_getset(t, "__class__", object_get_class, Some(object_set_class));
    vm.dict_set_str(t.dict(), "__doc__", vm.new_str("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"));
    vm.add_method(t, "__init__", object_init_method);
    vm.add_staticmethod(t, "__new__", object_new_method);
    vm.add_method(t, "__repr__", |vm, a| object_repr(vm, &a.args[0]));
    vm.add_method(t, "__str__", |vm, a| vm.str(&a.args[0]));
    vm.add_method(t, "__hash__", |vm, a| Ok(vm.new_int(object_hash(vm, &a.args[0])?)));
    vm.add_method(t, "__eq__", |vm, a| binary_args(vm, a).and_then(|(x, y)| object_richcompare(vm, x, y, CmpOp::Eq)));
    vm.add_method(t, "__ne__", |vm, a| {
        let (x, y) = binary_args(vm, a)?;
        let r = vm.rich_compare(x, y, CmpOp::Eq)?;
        if r.is(&vm.not_implemented) {
            return Ok(r);
        }
        Ok(vm.new_bool(!vm.truthy(&r)?))
    });
    vm.add_method(t, "__getattribute__", |vm, a| {
        let (x, y) = binary_args(vm, a)?;
        crate::ops::generic_getattr(vm, x, y)
    });
    vm.add_method(t, "__setattr__", |vm, a| {
        let [o, n, v] = a.args else { return Err(vm.type_error("expected 2 arguments")) };
        crate::ops::generic_setattr(vm, o, n, Some(v.clone())).map(|_| vm.none())
    });
    vm.add_method(t, "__delattr__", |vm, a| {
        let (o, n) = binary_args(vm, a)?;
        crate::ops::generic_setattr(vm, o, n, None).map(|_| vm.none())
    });
    vm.add_method(t, "__format__", object_format);
    vm.add_method(t, "__dir__", object_dir);
    vm.add_method(t, "__sizeof__", |vm, a| {
        let t = a.args[0].ty();
        // 3.11 keeps the dict and values pointers of plain class instances
        // in a pre-header outside the basic size (sys.getsizeof adds it
        // back); pyrite's two cells are in the basic size.
        let managed_dict = if crate::types::typeslots::has_inline_values(t) { 16 } else { 0 };
        Ok(vm.new_int((t.basicsize - managed_dict) as i64))
    });
    vm.add_classmethod(t, "__init_subclass__", |vm, _a| Ok(vm.none()));
}

fn binary_args<'a>(vm: &Vm, a: FuncArgs<'a>) -> PyResult<(&'a PyRef, &'a PyRef)> {
    match a.args {
        [x, y] => Ok((x, y)),
        _ => Err(vm.type_error(format!("expected 1 argument, got {}", a.args.len().saturating_sub(1)))),
    }
}

fn object_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("object.__new__(X): X is not a type object"))?;
    if !args.args.is_empty() {
        let init_overridden = t.slots().init.is_some_and(|f| !std::ptr::fn_addr_eq(f, object_init as crate::types::typeobj::CallFn));
        let new_overridden = t.slots().new.is_some_and(|f| !std::ptr::fn_addr_eq(f, object_new as crate::types::typeobj::CallFn));
        if new_overridden || !init_overridden {
            return Err(super::typeslots::takes_no_arguments(vm, &t));
        }
    }
    if t.layout != crate::types::typeobj::Layout::Object {
        return Err(vm.type_error(format!("object.__new__({}) is not safe, use {}.__new__()", t.name(), t.name())));
    }
    Ok(alloc_object(&t, |ob| ObjectObj { ob }))
}

fn object_new_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let Some(cls) = args.args.first() else { return Err(vm.type_error("object.__new__(): not enough arguments")) };
    let t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("object.__new__(X): X is not a type object"))?;
    // Delegate to the nearest builtin base's constructor (int.__new__(cls, ...) etc.).
    let base = super::typeslots::solid_base(&t);
    match base.slots().new {
        Some(f) if base.layout != crate::types::typeobj::Layout::Object => {
            f(vm, cls, FuncArgs { args: &args.args[1..], kwnames: args.kwnames })
        }
        _ => Ok(alloc_object(&t, |ob| ObjectObj { ob })),
    }
}

fn object_init(vm: &Vm, o: &PyRef, args: FuncArgs<'_>) -> PyResult {
    if !args.args.is_empty() {
        let t = o.ty();
        let init_overridden = t.slots().init.is_some_and(|f| !std::ptr::fn_addr_eq(f, object_init as crate::types::typeobj::CallFn));
        let new_overridden = t.slots().new.is_some_and(|f| !std::ptr::fn_addr_eq(f, object_new as crate::types::typeobj::CallFn));
        if init_overridden || !new_overridden {
            return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
    }
    Ok(vm.none())
}

fn object_init_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    if args.args.len() > 1 {
        let t = args.args[0].ty();
        let init_overridden = t.slots().init.is_some_and(|f| !std::ptr::fn_addr_eq(f, object_init as crate::types::typeobj::CallFn));
        if init_overridden {
            return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
    }
    Ok(vm.none())
}

fn object_repr(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_string(vm.default_repr(o)))
}

fn object_hash(_vm: &Vm, o: &PyRef) -> PyResult<i64> {
    // CPython: the address rotated right by 4 bits.
    let p = o.as_ptr() as usize;
    Ok((p.rotate_right(4)) as i64 & i64::MAX)
}

fn object_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    match op {
        CmpOp::Eq => Ok(if a.is(b) { vm.true_.clone() } else { vm.not_implemented.clone() }),
        CmpOp::Ne => {
            let r = vm.rich_compare(a, b, CmpOp::Eq)?;
            if r.is(&vm.not_implemented) {
                return Ok(r);
            }
            Ok(vm.new_bool(!vm.truthy(&r)?))
        }
        _ => Ok(vm.not_implemented.clone()),
    }
}

fn object_get_class(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.type_of(o).into_ref())
}

fn object_set_class(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let Some(t) = v.and_then(TypeRef::new) else {
        return Err(vm.type_error("__class__ must be set to a class"));
    };
    let cur = o.ty();
    let same_layout = t.basicsize == cur.basicsize
        && t.layout == cur.layout
        && t.dictoffset == cur.dictoffset
        && t.nslots == cur.nslots
        && (t.nslots == 0 || t.slotsoffset == cur.slotsoffset)
        && t.weaklistoffset == cur.weaklistoffset
        && t.is_gc() == cur.is_gc()
        && t.has_flag(TypeFlags::INLINE_VALUES) == cur.has_flag(TypeFlags::INLINE_VALUES);
    if !t.is_heap() || !cur.is_heap() || !same_layout {
        return Err(vm.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            t.name(),
            cur.name()
        )));
    }
    // Inline values are indexed by the old type's shared keys: the instance
    // keeps its attributes in a dict from now on.
    if !std::ptr::eq(&*t, cur) && crate::types::instance::has_values(o) {
        crate::types::instance::materialize(vm, o);
    }
    // The instance owns a reference to its heap type: it now owns one to
    // the new type. The reference to the old type is kept (leaked): code up
    // the stack may still borrow it through `ty()`.
    let new = t.as_ref().clone().into_raw();
    // SAFETY: same instance layout (checked above); the new type is kept
    // alive by the reference just taken, the old one by the one never released.
    unsafe { o.set_type_ptr(new.cast()) };
    Ok(())
}

fn object_format(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (o, spec) = binary_args(vm, args)?;
    if vm.str_of(spec).is_some_and(|s| !s.is_empty()) {
        return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", o.ty().name())));
    }
    vm.str(o)
}

fn object_dir(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let Some(o) = args.args.first() else {
        return Err(vm.type_error("descriptor '__dir__' of 'object' object needs an argument"));
    };
    let mut names: Vec<PyRef> = Vec::new();
    let mut push = |k: PyRef| {
        if !names.iter().any(|n| vm.fast_eq(n, &k) == Some(true)) {
            names.push(k);
        }
    };
    if let Some(d) = vm.instance_dict(o) {
        if let Some(d) = d.downcast::<crate::types::dict::DictObj>() {
            d.keys().into_iter().for_each(&mut push);
        }
    }
    let mro: Vec<PyRef> = match TypeRef::new(o.clone()) {
        Some(t) => t.mro().to_vec(),
        None => o.ty().mro().to_vec(),
    };
    for c in mro {
        let t = TypeRef::new(c).expect("mro entry");
        if let Some(d) = t.dict().downcast::<crate::types::dict::DictObj>() {
            d.keys().into_iter().for_each(&mut push);
        }
    }
    Ok(vm.new_list(names))
}
