//! The `_weakref` module: the weak-reference types and functions that
//! `lib/weakref.py` builds on.

use crate::object::PyRef;
use crate::types::dict::DictObj;
use crate::types::module::module_dict;
use crate::types::typeobj::{FuncArgs, Layout, NativeFn};
use crate::types::weakref::{new_proxy, weakref_count, weakrefs_of, WeakrefObj};
use crate::vm::Vm;
use crate::PyResult;

/// Build the module.
pub fn make_module(vm: &Vm) -> PyResult {
    let m = crate::types::module::new_module(vm, "_weakref");
    let d = module_dict(&m).clone();
    vm.dict_set_str(&d, "__doc__", vm.new_str("Weak-reference support module."));
    vm.dict_set_str(&d, "ref", vm.types.weakref.as_ref().clone());
    vm.dict_set_str(&d, "ReferenceType", vm.types.weakref.as_ref().clone());
    vm.dict_set_str(&d, "ProxyType", vm.types.weakproxy.as_ref().clone());
    vm.dict_set_str(&d, "CallableProxyType", vm.types.weakcallableproxy.as_ref().clone());
    let functions: &[(&'static str, NativeFn)] = &[
        ("proxy", proxy),
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
        ("_remove_dead_weakref", remove_dead_weakref),
    ];
    for &(name, f) in functions {
        vm.dict_set_str(&d, name, vm.new_builtin_function(name, f, Some("_weakref")));
    }
    Ok(m)
}

fn no_keywords(vm: &Vm, a: &FuncArgs<'_>, name: &str) -> PyResult<()> {
    if a.kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{}() takes no keyword arguments", name)))
    }
}

fn one_arg<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str) -> PyResult<&'a PyRef> {
    no_keywords(vm, a, name)?;
    match a.positional() {
        [x] => Ok(x),
        p => Err(vm.type_error(format!("{}() takes exactly one argument ({} given)", name, p.len()))),
    }
}

/// `proxy(object, callback=None, /)`.
fn proxy(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "proxy")?;
    match a.positional() {
        [] => Err(vm.type_error("proxy expected at least 1 argument, got 0")),
        [o] => new_proxy(vm, o, None),
        [o, cb] => new_proxy(vm, o, Some(cb.clone())),
        p => Err(vm.type_error(format!("proxy expected at most 2 arguments, got {}", p.len()))),
    }
}

/// `getweakrefcount(object, /)`.
fn getweakrefcount(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let o = one_arg(vm, &a, "getweakrefcount")?;
    Ok(vm.new_int(weakref_count(o) as i64))
}

/// `getweakrefs(object, /)`.
fn getweakrefs(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let o = one_arg(vm, &a, "getweakrefs")?;
    Ok(vm.new_list(weakrefs_of(o)))
}

/// `_remove_dead_weakref(dct, key, /)`: delete `dct[key]` if it is a dead
/// weak reference; a missing key is ignored.
fn remove_dead_weakref(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "_remove_dead_weakref")?;
    let [d, key] = a.positional() else {
        return Err(vm.type_error(format!("_remove_dead_weakref expected 2 arguments, got {}", a.positional().len())));
    };
    let Some(dict) = d.downcast::<DictObj>() else {
        return Err(vm.type_error(format!("_remove_dead_weakref() argument 1 must be dict, not {}", d.ty().name())));
    };
    let Some(v) = dict.get_item(vm, key)? else { return Ok(vm.none()) };
    if v.ty().layout != Layout::Weakref {
        return Err(vm.type_error("not a weakref"));
    }
    if v.downcast::<WeakrefObj>().is_some_and(WeakrefObj::is_dead) {
        // The lookup ran no code that could have replaced the entry, except
        // the key's own `__eq__`; delete only if the entry is still `v`.
        if dict.get_item(vm, key)?.is_some_and(|now| now.is(&v)) {
            dict.pop_item(vm, key)?;
        }
    }
    Ok(vm.none())
}
