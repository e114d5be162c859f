//! Python functions (`def`/`lambda`) and bound methods.

use std::cell::UnsafeCell;

use crate::object::{ObjHeader, PyObject, PyRef};
use crate::types::typeobj::Layout;

/// A Python function.
#[repr(C)]
pub struct FunctionObj {
    /// Header.
    pub ob: ObjHeader,
    /// `__code__` (a code object).
    pub code: PyRef,
    /// `__globals__` (a dict).
    pub globals: PyRef,
    /// The builtins dict used by the code.
    pub builtins: PyRef,
    /// `__name__`.
    pub name: UnsafeCell<PyRef>,
    /// `__qualname__`.
    pub qualname: UnsafeCell<PyRef>,
    /// `__defaults__` (tuple) or none.
    pub defaults: UnsafeCell<Option<PyRef>>,
    /// `__kwdefaults__` (dict) or none.
    pub kwdefaults: UnsafeCell<Option<PyRef>>,
    /// `__closure__` (tuple of cells) or none.
    pub closure: Option<PyRef>,
    /// `__doc__`.
    pub doc: UnsafeCell<Option<PyRef>>,
    /// `__module__`.
    pub module: UnsafeCell<Option<PyRef>>,
    /// `__dict__` (function attributes), created lazily.
    pub dict: UnsafeCell<Option<PyRef>>,
    /// `__annotations__`, created lazily.
    pub annotations: UnsafeCell<Option<PyRef>>,
    /// Weak references to the function.
    pub weaklist: crate::types::weakref::WeakList,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for FunctionObj {
    const LAYOUT: Layout = Layout::Function;
}

/// Read an `UnsafeCell<Option<PyRef>>` field as a new reference.
#[inline(always)]
pub fn cell_get(c: &UnsafeCell<Option<PyRef>>) -> Option<PyRef> {
    // SAFETY: short borrow, cloning only increments.
    unsafe { (*c.get()).clone() }
}

/// Replace an `UnsafeCell<Option<PyRef>>` field, dropping the old value after the borrow.
#[inline(always)]
pub fn cell_set(c: &UnsafeCell<Option<PyRef>>, v: Option<PyRef>) {
    // SAFETY: short borrow; old value dropped after it.
    let old = unsafe { std::mem::replace(&mut *c.get(), v) };
    drop(old);
}

/// A bound method: a callable plus the instance it was looked up on.
#[repr(C)]
pub struct MethodObj {
    /// Header.
    pub ob: ObjHeader,
    /// `__func__`.
    pub func: PyRef,
    /// `__self__`.
    pub self_: PyRef,
    /// Weak references to the method.
    pub weaklist: crate::types::weakref::WeakList,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for MethodObj {
    const LAYOUT: Layout = Layout::Method;
}

use crate::types::descr::{BuiltinFunctionObj, GetSetObj, MemberObj};
use crate::types::typeobj::{CmpOp, Slots};
use crate::vm::Vm;
use crate::PyResult;

/// A bound method object.
pub fn new_method(vm: &Vm, func: PyRef, self_: PyRef) -> PyRef {
    crate::object::alloc_object(&vm.types.method, |ob| MethodObj { ob, func, self_, weaklist: Default::default() })
}

fn func(o: &PyRef) -> &FunctionObj {
    o.downcast::<FunctionObj>().expect("function slot on a function")
}

pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.function;
    vm.set_type_slots(
        t,
        Slots {
            repr: Some(|vm, o| {
                let q = cell_get_ref(&func(o).qualname);
                Ok(vm.new_string(format!("<function {} at {:#x}>", vm.str_of(&q).unwrap_or("?"), o.as_ptr() as usize)))
            }),
            descr_get: Some(|vm, f, inst, _owner| match inst {
                Some(i) => Ok(new_method(vm, f.clone(), i.clone())),
                _ => Ok(f.clone()),
            }),
            traverse: Some(func_traverse),
            clear: Some(func_clear),
            ..Default::default()
        },
    );
    vm.add_getset(t, "__name__", |_, o| Ok(cell_get_ref(&func(o).name)), Some(|vm, o, v| set_str_field(vm, &func(o).name, v, "__name__")));
    vm.add_getset(t, "__qualname__", |_, o| Ok(cell_get_ref(&func(o).qualname)), Some(|vm, o, v| set_str_field(vm, &func(o).qualname, v, "__qualname__")));
    vm.add_getset(t, "__defaults__", |vm, o| Ok(cell_get(&func(o).defaults).unwrap_or_else(|| vm.none())), Some(|vm, o, v| {
        cell_set(&func(o).defaults, v.filter(|v| !vm.is_none(v)));
        Ok(())
    }));
    vm.add_getset(t, "__kwdefaults__", |vm, o| Ok(cell_get(&func(o).kwdefaults).unwrap_or_else(|| vm.none())), Some(|vm, o, v| {
        cell_set(&func(o).kwdefaults, v.filter(|v| !vm.is_none(v)));
        Ok(())
    }));
    vm.add_getset(t, "__closure__", |vm, o| Ok(func(o).closure.clone().unwrap_or_else(|| vm.none())), None);
    vm.add_getset(t, "__code__", |_, o| Ok(func(o).code.clone()), None);
    vm.add_getset(t, "__globals__", |_, o| Ok(func(o).globals.clone()), None);
    vm.add_getset(t, "__doc__", |vm, o| Ok(cell_get(&func(o).doc).unwrap_or_else(|| vm.none())), Some(|_, o, v| {
        cell_set(&func(o).doc, v);
        Ok(())
    }));
    vm.add_getset(t, "__module__", |vm, o| Ok(cell_get(&func(o).module).unwrap_or_else(|| vm.none())), Some(|_, o, v| {
        cell_set(&func(o).module, v);
        Ok(())
    }));
    vm.add_getset(t, "__dict__", |vm, o| Ok(vm.instance_dict(o).unwrap_or_else(|| vm.none())), None);
    vm.add_getset(t, "__annotations__", |vm, o| {
        let f = func(o);
        if cell_get(&f.annotations).is_none() {
            cell_set(&f.annotations, Some(vm.new_dict()));
        }
        Ok(cell_get(&f.annotations).unwrap_or_else(|| vm.none()))
    }, Some(|_, o, v| {
        cell_set(&func(o).annotations, v);
        Ok(())
    }));

    // Bound methods.
    let m = &vm.types.method;
    vm.set_type_slots(
        m,
        Slots {
            repr: Some(|vm, o| {
                let m = o.downcast::<MethodObj>().expect("method");
                let name = vm
                    .lookup_attr_str(&m.func, "__qualname__")?
                    .or(vm.lookup_attr_str(&m.func, "__name__")?)
                    .and_then(|n| vm.str_of(&n).map(str::to_string))
                    .unwrap_or_else(|| "?".into());
                let r = vm.repr_string(&m.self_)?;
                Ok(vm.new_string(format!("<bound method {} of {}>", name, r)))
            }),
            getattro: Some(|vm, o, name| match crate::ops::generic_getattr(vm, o, name) {
                Ok(v) => Ok(v),
                Err(e) if vm.is_instance(&e.0, &vm.exc.attribute_error) => {
                    let m = o.downcast::<MethodObj>().expect("method");
                    vm.get_attr(&m.func, name)
                }
                Err(e) => Err(e),
            }),
            richcompare: Some(|vm, a, b, op| {
                let (Some(x), Some(y)) = (a.downcast::<MethodObj>(), b.downcast::<MethodObj>()) else {
                    return Ok(vm.not_implemented.clone());
                };
                let eq = x.func.is(&y.func) && x.self_.is(&y.self_);
                match op {
                    CmpOp::Eq => Ok(vm.new_bool(eq)),
                    CmpOp::Ne => Ok(vm.new_bool(!eq)),
                    _ => Ok(vm.not_implemented.clone()),
                }
            }),
            hash: Some(|vm, o| {
                let m = o.downcast::<MethodObj>().expect("method");
                Ok(vm.hash(&m.func)? ^ (m.self_.as_ptr() as i64))
            }),
            traverse: Some(|o, visit| {
                if let Some(m) = o.downcast::<MethodObj>() {
                    visit.visit(&m.func);
                    visit.visit(&m.self_);
                }
            }),
            new: Some(method_new),
            ..Default::default()
        },
    );
    vm.add_getset(m, "__func__", |_, o| Ok(o.downcast::<MethodObj>().expect("method").func.clone()), None);
    vm.add_getset(m, "__self__", |_, o| Ok(o.downcast::<MethodObj>().expect("method").self_.clone()), None);

    init_builtin_functions(vm);
    init_descriptors(vm);
}

/// `types.MethodType(function, instance)`.
fn method_new(vm: &Vm, _cls: &PyRef, args: crate::types::typeobj::FuncArgs<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    let [f, inst] = args.args else {
        return Err(vm.type_error(format!("method expected 2 arguments, got {}", args.args.len())));
    };
    if !vm.is_callable(f) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if vm.is_none(inst) {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(new_method(vm, f.clone(), inst.clone()))
}

fn cell_get_ref(c: &UnsafeCell<PyRef>) -> PyRef {
    // SAFETY: short borrow, cloning only increments.
    unsafe { (*c.get()).clone() }
}

fn set_str_field(vm: &Vm, c: &UnsafeCell<PyRef>, v: Option<PyRef>, what: &str) -> PyResult<()> {
    let v = v.filter(|v| vm.str_of(v).is_some()).ok_or_else(|| vm.type_error(format!("{} must be set to a string object", what)))?;
    // SAFETY: short borrow; old value dropped after it ends.
    let old = unsafe { std::mem::replace(&mut *c.get(), v) };
    drop(old);
    Ok(())
}

fn bf(o: &PyRef) -> &BuiltinFunctionObj {
    o.downcast::<BuiltinFunctionObj>().expect("builtin function")
}

fn init_builtin_functions(vm: &Vm) {
    vm.set_type_slots(
        &vm.types.builtin_function,
        Slots {
            repr: Some(|vm, o| {
                let b = bf(o);
                Ok(vm.new_string(match &b.self_ {
                    Some(s) if s.ty().layout != crate::types::typeobj::Layout::Module => {
                        format!("<built-in method {} of {} object at {:#x}>", b.name, s.ty().name(), s.as_ptr() as usize)
                    }
                    _ => format!("<built-in function {}>", b.name),
                }))
            }),
            traverse: Some(builtin_traverse),
            ..Default::default()
        },
    );
    vm.add_getset(&vm.types.builtin_function, "__name__", |vm, o| Ok(vm.new_str(bf(o).name)), None);
    vm.add_getset(&vm.types.builtin_function, "__qualname__", |vm, o| Ok(vm.new_str(bf(o).name)), None);
    vm.add_getset(&vm.types.builtin_function, "__self__", |vm, o| Ok(bf(o).self_.clone().unwrap_or_else(|| vm.none())), None);
    vm.add_getset(&vm.types.builtin_function, "__module__", |vm, o| Ok(bf(o).module.map(|m| vm.new_str(m)).unwrap_or_else(|| vm.none())), None);
    vm.add_getset(&vm.types.builtin_function, "__doc__", |vm, _| Ok(vm.none()), None);
    for t in [&vm.types.method_descriptor, &vm.types.classmethod_descriptor] {
        vm.add_getset(t, "__name__", |vm, o| Ok(vm.new_str(bf(o).name)), None);
        vm.add_getset(t, "__qualname__", |vm, o| {
            let b = bf(o);
            let owner = b.objclass.as_ref().and_then(|c| crate::types::TypeRef::new(c.clone()));
            Ok(vm.new_string(format!("{}.{}", owner.map(|t| t.name().to_string()).unwrap_or_default(), b.name)))
        }, None);
        vm.add_getset(t, "__objclass__", |vm, o| Ok(bf(o).objclass.clone().unwrap_or_else(|| vm.none())), None);
    }
    vm.set_type_slots(
        &vm.types.method_descriptor,
        Slots {
            repr: Some(|vm, o| {
                let b = bf(o);
                let owner = b.objclass.as_ref().and_then(|c| crate::types::TypeRef::new(c.clone()));
                Ok(vm.new_string(format!("<method '{}' of '{}' objects>", b.name, owner.map(|t| t.name().to_string()).unwrap_or_default())))
            }),
            descr_get: Some(|vm, d, inst, _owner| match inst {
                Some(i) => Ok(bind_builtin(vm, d, i.clone())),
                _ => Ok(d.clone()),
            }),
            traverse: Some(builtin_traverse),
            ..Default::default()
        },
    );
    vm.set_type_slots(
        &vm.types.classmethod_descriptor,
        Slots {
            descr_get: Some(|vm, d, inst, owner| {
                let cls = if vm.is_none(owner) { vm.type_of(inst.expect("instance")).into_ref() } else { owner.clone() };
                Ok(bind_builtin(vm, d, cls))
            }),
            traverse: Some(builtin_traverse),
            ..Default::default()
        },
    );
}

/// Traverse of builtin functions, methods and method descriptors: the bound
/// `__self__`, then the owning class.
fn builtin_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(b) = o.downcast::<BuiltinFunctionObj>() {
        if let Some(s) = &b.self_ {
            visit.visit(s);
        }
        if let Some(c) = &b.objclass {
            visit.visit(c);
        }
    }
}

/// Traverse of functions, in CPython's order.
fn func_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    use crate::types::iter::cell_visit;
    let Some(f) = o.downcast::<FunctionObj>() else { return };
    visit.visit(&f.code);
    visit.visit(&f.globals);
    visit.visit(&f.builtins);
    cell_visit(&f.module, visit);
    cell_visit(&f.defaults, visit);
    cell_visit(&f.kwdefaults, visit);
    cell_visit(&f.doc, visit);
    // SAFETY: the visitor runs no Python code and does not touch the field.
    visit.visit(unsafe { &*f.name.get() });
    cell_visit(&f.dict, visit);
    if let Some(c) = &f.closure {
        visit.visit(c);
    }
    cell_visit(&f.annotations, visit);
    // SAFETY: as above.
    visit.visit(unsafe { &*f.qualname.get() });
}

/// Clear of functions: every field that may close a cycle and can be
/// emptied (code, globals, builtins and closure are fixed at creation).
fn func_clear(o: &PyObject) {
    let Some(f) = o.downcast::<FunctionObj>() else { return };
    for c in [&f.module, &f.defaults, &f.kwdefaults, &f.doc, &f.dict, &f.annotations] {
        cell_set(c, None);
    }
}

/// Bind a method descriptor to `self_`, making a `builtin_function_or_method`.
pub fn bind_builtin(vm: &Vm, d: &PyRef, self_: PyRef) -> PyRef {
    let b = bf(d);
    crate::object::alloc_object(&vm.types.builtin_function, |ob| BuiltinFunctionObj {
        ob,
        name: b.name,
        func: b.func,
        self_: Some(self_),
        objclass: b.objclass.clone(),
        module: None,
    })
}

/// The `__slots__` cell that member descriptor `m` names in `inst`, which
/// must be an instance of the declaring class (CPython's `descr_check`).
fn member_cell<'a>(vm: &Vm, m: &MemberObj, inst: &'a PyRef) -> PyResult<&'a UnsafeCell<Option<PyRef>>> {
    let owner = m.objclass.downcast::<crate::types::typeobj::PyType>();
    if let Some(c) = owner.and_then(|t| t.slot_cell(inst, m.index)) {
        return Ok(c);
    }
    Err(vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        vm.str_of(&m.name).unwrap_or("?"),
        owner.map(|t| t.name()).unwrap_or("?"),
        inst.ty().name()
    )))
}

/// A getset descriptor only applies to instances of the class that defines
/// it (CPython's `descr_check`): its getter and setter may rely on the layout.
#[inline]
fn getset_check(vm: &Vm, g: &GetSetObj, inst: &PyRef) -> PyResult<()> {
    let owner = g.objclass.downcast::<crate::types::typeobj::PyType>();
    match owner {
        Some(t) if std::ptr::eq(inst.type_ptr(), t) || inst.ty().is_subtype(t) => Ok(()),
        _ => Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            g.name,
            owner.map(|t| t.name()).unwrap_or("?"),
            inst.ty().name()
        ))),
    }
}

fn init_descriptors(vm: &Vm) {
    vm.set_type_slots(
        &vm.types.getset_descriptor,
        Slots {
            descr_get: Some(|vm, d, inst, _| {
                let g = d.downcast::<GetSetObj>().expect("getset");
                match inst {
                    Some(i) => {
                        getset_check(vm, g, i)?;
                        (g.get)(vm, i)
                    }
                    _ => Ok(d.clone()),
                }
            }),
            descr_set: Some(|vm, d, inst, v| {
                let g = d.downcast::<GetSetObj>().expect("getset");
                getset_check(vm, g, inst)?;
                match g.set {
                    Some(s) => s(vm, inst, v),
                    None => Err(vm.attribute_error(format!(
                        "attribute '{}' of '{}' objects is not writable",
                        g.name,
                        crate::types::TypeRef::new(g.objclass.clone()).map(|t| t.name().to_string()).unwrap_or_default()
                    ))),
                }
            }),
            traverse: Some(|o, visit| {
                if let Some(g) = o.downcast::<GetSetObj>() {
                    visit.visit(&g.objclass);
                }
            }),
            ..Default::default()
        },
    );
    vm.set_type_slots(
        &vm.types.member_descriptor,
        Slots {
            descr_get: Some(|vm, d, inst, _| {
                let m = d.downcast::<MemberObj>().expect("member");
                let Some(i) = inst else { return Ok(d.clone()) };
                let cell = member_cell(vm, m, i)?;
                // SAFETY: short borrow, clone only increments.
                match unsafe { (*cell.get()).clone() } {
                    Some(v) => Ok(v),
                    None => Err(vm.attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        i.ty().name(),
                        vm.str_of(&m.name).unwrap_or("?")
                    ))),
                }
            }),
            descr_set: Some(|vm, d, inst, v| {
                let m = d.downcast::<MemberObj>().expect("member");
                let cell = member_cell(vm, m, inst)?;
                let deleting = v.is_none();
                // SAFETY: short borrow; old value dropped after it ends.
                let old = unsafe { std::mem::replace(&mut *cell.get(), v) };
                if deleting && old.is_none() {
                    return Err(vm.attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        inst.ty().name(),
                        vm.str_of(&m.name).unwrap_or("?")
                    )));
                }
                drop(old);
                Ok(())
            }),
            traverse: Some(|o, visit| {
                if let Some(m) = o.downcast::<MemberObj>() {
                    visit.visit(&m.objclass);
                }
            }),
            ..Default::default()
        },
    );
}
