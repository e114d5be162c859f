//! The `builtins` module: builtin functions, the builtin types and
//! exception classes, and the constants (`None`, `True`, `Ellipsis` ...).

use crate::object::PyRef;
use crate::types::typeobj::{FuncArgs, NativeFn};
use crate::vm::Vm;
use crate::PyResult;

mod core;
mod introspect;
mod numeric;
mod program;

pub use introspect::{default_dir, object_dir, object_isinstance, object_issubclass};

/// Fill `vm.builtins` (the builtins module's dict). `__build_class__` is
/// added by the interpreter start-up.
pub(crate) fn init(vm: &Vm) {
    let set = |name: &str, v: PyRef| vm.dict_set_str(&vm.builtins, name, v);
    let t = &vm.types;
    for ty in [
        &t.int, &t.float, &t.complex, &t.bool, &t.str, &t.bytes, &t.bytearray, &t.list, &t.tuple, &t.dict, &t.set,
        &t.frozenset, &t.range, &t.slice, &t.object, &t.type_, &t.property, &t.staticmethod, &t.classmethod,
        &t.super_, &t.enumerate, &t.zip, &t.map, &t.filter, &t.reversed,
    ] {
        set(ty.name(), ty.as_ref().clone());
    }
    set("BaseException", vm.exc.base_exception.as_ref().clone());
    for (name, ty) in crate::types::exceptions::exception_types(vm) {
        set(name, ty.as_ref().clone());
    }
    if crate::types::exceptions::init_groups(vm).is_err() {
        debug_assert!(false, "creating the exception group classes failed");
    }
    set("EnvironmentError", vm.exc.os_error.as_ref().clone());
    set("IOError", vm.exc.os_error.as_ref().clone());
    set("None", vm.none());
    set("True", vm.new_bool(true));
    set("False", vm.new_bool(false));
    set("Ellipsis", vm.ellipsis.clone());
    set("NotImplemented", vm.not_implemented.clone());
    set("__debug__", vm.new_bool(true));
    let functions: &[(&'static str, NativeFn)] = &[
        ("print", core::print),
        ("len", core::len),
        ("repr", core::repr),
        ("ascii", core::ascii),
        ("hash", core::hash),
        ("id", core::id),
        ("iter", core::iter),
        ("next", core::next),
        ("callable", core::callable),
        ("sorted", core::sorted),
        ("all", core::all),
        ("any", core::any),
        ("chr", core::chr),
        ("ord", core::ord),
        ("format", core::format),
        ("abs", numeric::abs),
        ("sum", numeric::sum),
        ("min", numeric::min),
        ("max", numeric::max),
        ("divmod", numeric::divmod),
        ("pow", numeric::pow),
        ("round", numeric::round),
        ("hex", numeric::hex),
        ("oct", numeric::oct),
        ("bin", numeric::bin),
        ("isinstance", introspect::isinstance),
        ("issubclass", introspect::issubclass),
        ("getattr", introspect::getattr),
        ("setattr", introspect::setattr),
        ("hasattr", introspect::hasattr),
        ("delattr", introspect::delattr),
        ("vars", introspect::vars),
        ("dir", introspect::dir),
        ("globals", introspect::globals),
        ("locals", introspect::locals),
        ("input", program::input),
        ("open", program::open),
        ("__import__", program::import),
        ("exec", program::exec),
        ("eval", program::eval),
        ("compile", program::compile),
    ];
    for &(name, f) in functions {
        set(name, vm.new_builtin_function(name, f, Some("builtins")));
    }
    if let Ok([exit, quit]) = program::quitters(vm) {
        set("exit", exit);
        set("quit", quit);
    }
}

/// The single argument of `name(x)`: no keywords, exactly one positional
/// ("len() takes exactly one argument (2 given)").
fn one<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str) -> PyResult<&'a PyRef> {
    no_keywords(vm, a, name)?;
    match a.positional() {
        [x] => Ok(x),
        p => Err(vm.type_error(format!("{}() takes exactly one argument ({} given)", name, p.len()))),
    }
}

/// "X() takes no keyword arguments".
fn no_keywords(vm: &Vm, a: &FuncArgs<'_>, name: &str) -> PyResult<()> {
    if a.kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{}() takes no keyword arguments", name)))
    }
}

/// The positional arguments, checked against `min..=max` with CPython's
/// "getattr expected at least 2 arguments, got 1" messages.
fn positional<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str, min: usize, max: usize) -> PyResult<&'a [PyRef]> {
    let p = a.positional();
    let n = p.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if min == max && n != min {
        return Err(vm.type_error(format!("{} expected {} argument{}, got {}", name, min, plural(min), n)));
    }
    if n < min {
        return Err(vm.type_error(format!("{} expected at least {} argument{}, got {}", name, min, plural(min), n)));
    }
    if n > max {
        return Err(vm.type_error(format!("{} expected at most {} argument{}, got {}", name, max, plural(max), n)));
    }
    Ok(p)
}

/// The values of the keyword arguments named in `allowed` (in that order);
/// any other keyword is a TypeError ("'x' is an invalid keyword argument for print()").
fn keywords<'a>(vm: &Vm, a: &FuncArgs<'a>, fname: &str, allowed: &[&str]) -> PyResult<Vec<Option<&'a PyRef>>> {
    let mut out = vec![None; allowed.len()];
    for (k, v) in a.keywords() {
        let k = vm.str_of(k).unwrap_or("?");
        match allowed.iter().position(|n| *n == k) {
            Some(i) => out[i] = Some(v),
            None => return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", k, fname))),
        }
    }
    Ok(out)
}

/// A keyword value that is not `None`.
fn given<'a>(vm: &Vm, v: Option<&'a PyRef>) -> Option<&'a PyRef> {
    v.filter(|v| !vm.is_none(v))
}

/// An attribute of the `sys` module (`None` if missing).
fn sys_attr(vm: &Vm, name: &str) -> Option<PyRef> {
    let sys = vm.sys.borrow().clone()?;
    vm.dict_get_str(crate::types::module::module_dict(&sys), name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_are_registered() {
        let vm = Vm::new();
        init(&vm);
        for name in ["print", "len", "ValueError", "int", "None", "KeyboardInterrupt", "__import__"] {
            assert!(vm.dict_get_str(&vm.builtins, name).is_some(), "{}", name);
        }
    }

    #[test]
    fn print_to_a_file() {
        let vm = Vm::new();
        init(&vm);
        let path = std::env::temp_dir().join(format!("pyrite_print_{}.txt", std::process::id()));
        let f = crate::types::textio::open(&vm, &vm.new_str(path.to_str().unwrap()), "w").unwrap();
        let print = vm.dict_get_str(&vm.builtins, "print").unwrap();
        let args = [vm.new_str("a"), vm.new_int(1), vm.new_str("-"), vm.new_str("!\n"), f.clone()];
        let names = [vm.new_str("sep"), vm.new_str("end"), vm.new_str("file")];
        vm.call(&print, FuncArgs { args: &args, kwnames: &names }).unwrap();
        vm.call_method(&f, "close", &[]).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a-1!\n");
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn simple_functions() {
        let vm = Vm::new();
        init(&vm);
        let call = |name: &str, args: &[PyRef]| vm.call_pos(&vm.dict_get_str(&vm.builtins, name).unwrap(), args);
        let r = call("hex", &[vm.new_int(-255)]).unwrap();
        assert_eq!(vm.str_of(&r), Some("-0xff"));
        let r = call("bin", &[vm.new_int(5)]).unwrap();
        assert_eq!(vm.str_of(&r), Some("0b101"));
        let r = call("chr", &[vm.new_int(233)]).unwrap();
        assert_eq!(vm.str_of(&r), Some("é"));
        let e = call("ord", &[vm.new_str("ab")]).unwrap_err();
        assert_eq!(vm.str_string(&e.0).unwrap(), "ord() expected a character, but string of length 2 found");
        let l = vm.new_list(vec![vm.new_int(3), vm.new_int(1), vm.new_int(2)]);
        let r = call("max", std::slice::from_ref(&l)).unwrap();
        assert_eq!(vm.small_int_of(&r), Some(3));
        let r = call("sum", &[l]).unwrap();
        assert_eq!(vm.small_int_of(&r), Some(6));
        let e = call("max", &[vm.new_list(vec![])]).unwrap_err();
        assert_eq!(vm.str_string(&e.0).unwrap(), "max() arg is an empty sequence");
        let r = call("ascii", &[vm.new_str("é")]).unwrap();
        assert_eq!(vm.str_of(&r), Some("'\\xe9'"));
    }
}
