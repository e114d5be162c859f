//! The `atexit` module: functions registered to run when the interpreter
//! exits, last registered first ([`run_exitfuncs`] is called by
//! `eval::run::shutdown` before module namespaces are cleared).
//!
//! The registered calls are kept in the module's dict under the private key
//! `_exithandlers` (a list of `(func, args, kwargs)` tuples), so the module
//! needs no interpreter field; a program that removes `atexit` from
//! `sys.modules` loses them.

use crate::object::PyRef;
use crate::types::list::ListObj;
use crate::types::module::module_dict;
use crate::types::typeobj::{FuncArgs, Layout, NativeFn};
use crate::vm::Vm;
use crate::PyResult;

const HANDLERS: &str = "_exithandlers";

/// Build the module.
pub fn make_module(vm: &Vm) -> PyResult {
    let m = crate::types::module::new_module(vm, "atexit");
    let d = module_dict(&m).clone();
    vm.dict_set_str(&d, "__doc__", vm.new_str("allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n"));
    vm.dict_set_str(&d, HANDLERS, vm.new_list(Vec::new()));
    let functions: &[(&'static str, NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("_run_exitfuncs", |vm, _| {
            run_exitfuncs(vm);
            Ok(vm.none())
        }),
        ("_clear", |vm, _| {
            if let Some(l) = handlers(vm) {
                take_all(&l);
            }
            Ok(vm.none())
        }),
        ("_ncallbacks", |vm, _| Ok(vm.new_int(handlers(vm).map_or(0, |l| list_items(&l).len()) as i64))),
    ];
    for &(name, f) in functions {
        vm.dict_set_str(&d, name, vm.new_builtin_function(name, f, Some("atexit")));
    }
    Ok(m)
}

/// The handler list of the imported `atexit` module, if any.
fn handlers(vm: &Vm) -> Option<PyRef> {
    let m = vm.dict_get_str(&vm.modules, "atexit")?;
    if m.ty().layout != Layout::Module {
        return None;
    }
    vm.dict_get_str(module_dict(&m), HANDLERS).filter(|l| l.downcast::<ListObj>().is_some())
}

fn list_items(l: &PyRef) -> Vec<PyRef> {
    l.downcast::<ListObj>().map(ListObj::to_vec).unwrap_or_default()
}

/// Empty the list, returning what it held.
fn take_all(l: &PyRef) -> Vec<PyRef> {
    let items = list_items(l);
    if let Some(lo) = l.downcast::<ListObj>() {
        // The old references are returned, so replacing drops nothing that dies.
        lo.replace_all(Vec::new());
    }
    items
}

/// `register(func, /, *args, **kwargs)`: returns `func`.
fn register(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let pos = a.positional();
    let Some(func) = pos.first() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !vm.is_callable(func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let kwargs = vm.new_dict();
    for (k, v) in a.keywords() {
        vm.set_item(&kwargs, k, v.clone())?;
    }
    let entry = vm.new_tuple(vec![func.clone(), vm.new_tuple(pos[1..].to_vec()), kwargs]);
    if let Some(l) = handlers(vm) {
        if let Some(lo) = l.downcast::<ListObj>() {
            lo.append(entry);
        }
    }
    Ok(func.clone())
}

/// `unregister(func, /)`: forget every registration of `func` (compared with `==`).
fn unregister(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let [func] = a.positional() else {
        return Err(vm.type_error(format!("unregister() takes exactly one argument ({} given)", a.positional().len())));
    };
    let Some(l) = handlers(vm) else { return Ok(vm.none()) };
    let mut keep = Vec::new();
    for e in take_all(&l) {
        let f = vm.get_item(&e, &vm.new_int(0))?;
        if !vm.eq(&f, func)? {
            keep.push(e);
        }
    }
    if let Some(lo) = l.downcast::<ListObj>() {
        for e in keep {
            lo.append(e);
        }
    }
    Ok(vm.none())
}

/// Call every registered function, last registered first, and forget them.
/// An exception is reported as CPython does ("Exception ignored in atexit
/// callback") and the remaining functions still run.
pub fn run_exitfuncs(vm: &Vm) {
    let Some(l) = handlers(vm) else { return };
    let entries = take_all(&l);
    for e in entries.iter().rev() {
        let Some(t) = e.downcast::<crate::types::tuple::TupleObj>() else { continue };
        let [func, args, kwargs] = t.items() else { continue };
        let mut all = list_items_of_tuple(args);
        let mut names = Vec::new();
        if let Some(d) = kwargs.downcast::<crate::types::dict::DictObj>() {
            for (k, v) in d.items() {
                names.push(k);
                all.push(v);
            }
        }
        if let Err(err) = vm.call(func, FuncArgs { args: &all, kwnames: &names }) {
            if vm.is_instance(&err.0, &vm.exc.system_exit) {
                continue;
            }
            report(vm, &err, func);
        }
    }
}

fn list_items_of_tuple(t: &PyRef) -> Vec<PyRef> {
    t.downcast::<crate::types::tuple::TupleObj>().map(|t| t.items().to_vec()).unwrap_or_default()
}

/// Report an exception of an exit function: the default hook's text with
/// CPython's "in atexit callback" wording, or a user's `sys.unraisablehook`.
fn report(vm: &Vm, err: &crate::PyErr, func: &PyRef) {
    let sys = vm.sys.borrow().clone();
    let hook = sys.and_then(|s| vm.dict_get_str(module_dict(&s), "unraisablehook"));
    if hook.is_some_and(|h| h.ty().layout != Layout::BuiltinFunction) {
        vm.write_unraisable(err, Some(func));
        return;
    }
    vm.flush_stdout();
    let what = vm.repr_string(func).unwrap_or_else(|_| "<object repr() failed>".into());
    crate::vm::write_process_stderr(&format!("Exception ignored in atexit callback: {}\n{}", what, crate::types::exceptions::format_exception(vm, &err.0)));
}
