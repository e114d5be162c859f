//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654): construction,
//! `str`, `message`/`exceptions`, `split`/`subgroup`/`derive`, and the
//! matching used by `except*`.

use crate::object::PyRef;
use crate::types::function::cell_get;
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{FuncArgs, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

use super::{exc_obj, set_cause, set_context, set_traceback, ExceptionObj};

/// Create the two group classes and add them to the builtins namespace.
pub(crate) fn init(vm: &Vm) -> PyResult<()> {
    let base = make_class(vm, "BaseExceptionGroup", vec![vm.exc.base_exception.as_ref().clone()])?;
    let eg = make_class(vm, "ExceptionGroup", vec![base.as_ref().clone(), vm.exc.exception.as_ref().clone()])?;
    vm.dict_set_str(&vm.builtins, "BaseExceptionGroup", base.into_ref());
    vm.dict_set_str(&vm.builtins, "ExceptionGroup", eg.into_ref());
    Ok(())
}

fn make_class(vm: &Vm, name: &str, bases: Vec<PyRef>) -> PyResult<TypeRef> {
    let ns = vm.new_dict();
    vm.dict_set_str(&ns, "__module__", vm.new_str("builtins"));
    let t = crate::types::typeslots::new_class(vm, &vm.types.type_, name, bases, &ns, &[])?;
    vm.add_staticmethod(&t, "__new__", |vm, a| {
        let cls = a.positional().first().cloned().ok_or_else(|| vm.type_error("__new__(): not enough arguments"))?;
        group_new(vm, &cls, FuncArgs { args: &a.args[1..], kwnames: a.kwnames })
    });
    vm.add_method(&t, "__str__", |vm, a| group_str(vm, &a.args[0]));
    vm.add_method(&t, "split", |vm, a| {
        let (s, cond) = self_and_arg(vm, &a, "split")?;
        let (m, r) = split(vm, s, cond)?;
        Ok(vm.new_tuple(vec![m.unwrap_or_else(|| vm.none()), r.unwrap_or_else(|| vm.none())]))
    });
    vm.add_method(&t, "subgroup", |vm, a| {
        let (s, cond) = self_and_arg(vm, &a, "subgroup")?;
        Ok(split(vm, s, cond)?.0.unwrap_or_else(|| vm.none()))
    });
    vm.add_method(&t, "derive", |vm, a| {
        let (s, excs) = self_and_arg(vm, &a, "derive")?;
        derive(vm, s, excs.clone())
    });
    vm.add_getset(&t, "message", |vm, o| Ok(group_args(vm, o).0), None);
    vm.add_getset(&t, "exceptions", |vm, o| Ok(vm.new_tuple(group_args(vm, o).1)), None);
    let slots = Slots { new: Some(group_new), str: Some(group_str), ..*t.slots() };
    t.set_slots(slots);
    Ok(t)
}

fn self_and_arg<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str) -> PyResult<(&'a PyRef, &'a PyRef)> {
    match a.positional() {
        [s, x] => Ok((s, x)),
        p => Err(vm.type_error(format!("{}() takes exactly one argument ({} given)", name, p.len().saturating_sub(1)))),
    }
}

fn builtin_class(vm: &Vm, name: &str) -> Option<TypeRef> {
    vm.dict_get_str(&vm.builtins, name).and_then(TypeRef::new)
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
fn group_new(vm: &Vm, cls: &PyRef, a: FuncArgs<'_>) -> PyResult {
    let p = a.positional();
    let cls_t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"))?;
    if p.len() != 2 || !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", p.len())));
    }
    let (message, excs) = (&p[0], &p[1]);
    if vm.str_of(message).is_none() {
        return Err(vm.type_error(format!("argument 1 must be str, not {}", message.ty().name())));
    }
    if vm.lookup_special(excs, "__getitem__").is_none() || vm.lookup_special(excs, "__len__").is_none() {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.collect(excs)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, e) in items.iter().enumerate() {
        if exc_obj(e).is_none() {
            return Err(vm.value_error(format!("Item {} of second argument (exceptions) is not an exception", i)));
        }
        all_exceptions &= vm.is_instance(e, &vm.exc.exception);
    }
    let base = builtin_class(vm, "BaseExceptionGroup");
    let eg = builtin_class(vm, "ExceptionGroup");
    let mut t = cls_t;
    if base.as_ref().is_some_and(|b| cls.is(b.as_ref())) {
        if let (true, Some(eg)) = (all_exceptions, eg) {
            t = eg;
        }
    } else if eg.as_ref().is_some_and(|e| t.is_subtype(e)) && !all_exceptions {
        return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    }
    Ok(super::alloc_exception(&t, vm.new_tuple(vec![message.clone(), excs.clone()])))
}

/// (message, exceptions) from the group's args.
fn group_args(vm: &Vm, o: &PyRef) -> (PyRef, Vec<PyRef>) {
    let items = exc_obj(o).map(ExceptionObj::arg_items).unwrap_or_default();
    let message = items.first().cloned().unwrap_or_else(|| vm.empty_str.clone());
    let excs = items.get(1).and_then(|e| vm.collect(e).ok()).unwrap_or_default();
    (message, excs)
}

fn group_str(vm: &Vm, o: &PyRef) -> PyResult {
    let (message, excs) = group_args(vm, o);
    let n = excs.len();
    Ok(vm.new_string(format!("{} ({} sub-exception{})", vm.str_string(&message)?, n, if n == 1 { "" } else { "s" })))
}

/// `eg.derive(excs)`: a group of the same message (via `BaseExceptionGroup(...)`).
fn derive(vm: &Vm, eg: &PyRef, excs: PyRef) -> PyResult {
    let (message, _) = group_args(vm, eg);
    let base = builtin_class(vm, "BaseExceptionGroup").ok_or_else(|| vm.runtime_error("BaseExceptionGroup is missing"))?;
    vm.call_pos(base.as_ref(), &[message, excs])
}

fn is_group(vm: &Vm, e: &PyRef) -> bool {
    builtin_class(vm, "BaseExceptionGroup").is_some_and(|b| vm.is_instance(e, &b))
}

/// Whether `e` matches a `split` condition: an exception type, a tuple of
/// types, or a predicate.
fn matches(vm: &Vm, cond: &PyRef, e: &PyRef) -> PyResult<bool> {
    if TypeRef::new(cond.clone()).is_some() || cond.downcast::<TupleObj>().is_some() {
        return crate::builtins::object_isinstance(vm, e, cond);
    }
    if vm.is_callable(cond) {
        let r = vm.call_pos(cond, std::slice::from_ref(e))?;
        return vm.truthy(&r);
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

/// Copy `__traceback__`, `__cause__`, `__context__` and `__notes__` from `from` to `to`.
fn copy_metadata(vm: &Vm, from: &PyRef, to: &PyRef) -> PyResult<()> {
    let Some(x) = exc_obj(from) else { return Ok(()) };
    set_traceback(to, cell_get(&x.traceback));
    let suppress = x.suppress_context.get();
    set_cause(to, cell_get(&x.cause));
    if let Some(t) = exc_obj(to) {
        t.suppress_context.set(suppress);
    }
    set_context(to, cell_get(&x.context));
    if let Some(notes) = vm.lookup_attr_str(from, "__notes__")? {
        vm.set_attr_str(to, "__notes__", notes)?;
    }
    Ok(())
}

/// `eg.split(condition)` → (matching group or None, rest or None).
pub fn split(vm: &Vm, eg: &PyRef, cond: &PyRef) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    if matches(vm, cond, eg)? {
        return Ok((Some(eg.clone()), None));
    }
    let (_, excs) = group_args(vm, eg);
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for e in excs {
        if is_group(vm, &e) {
            let (m, r) = split(vm, &e, cond)?;
            matched.extend(m);
            rest.extend(r);
        } else if matches(vm, cond, &e)? {
            matched.push(e);
        } else {
            rest.push(e);
        }
    }
    let build = |items: Vec<PyRef>| -> PyResult<Option<PyRef>> {
        if items.is_empty() {
            return Ok(None);
        }
        let g = derive(vm, eg, vm.new_list(items))?;
        copy_metadata(vm, eg, &g)?;
        Ok(Some(g))
    };
    Ok((build(matched)?, build(rest)?))
}

/// The matching step of `except* T`: (the part of `exc` that matches `T`,
/// the rest). A bare exception that matches is wrapped in
/// `ExceptionGroup('', (exc,))`, as in CPython.
pub fn exception_group_match(vm: &Vm, exc: &PyRef, match_type: &PyRef) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    if vm.is_none(exc) {
        return Ok((None, None));
    }
    if is_group(vm, exc) {
        return split(vm, exc, match_type);
    }
    if crate::builtins::object_isinstance(vm, exc, match_type)? {
        let eg = builtin_class(vm, "ExceptionGroup").ok_or_else(|| vm.runtime_error("ExceptionGroup is missing"))?;
        let wrapped = vm.call_pos(eg.as_ref(), &[vm.empty_str.clone(), vm.new_tuple(vec![exc.clone()])])?;
        set_traceback(&wrapped, super::exc_traceback(exc));
        return Ok((Some(wrapped), None));
    }
    Ok((None, Some(exc.clone())))
}
