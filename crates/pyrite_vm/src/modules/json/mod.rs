//! `_json`: the native half of `lib/json` (CPython's `_json` accelerator).
//!
//! - `scanstring(string, end, strict=True)` and `make_scanner(decoder)`
//!   (the decoder's `scan_once`): [`scanner`];
//! - `make_encoder(markers, default, encoder, indent, key_separator,
//!   item_separator, sort_keys, skipkeys, allow_nan)`: [`encoder`];
//! - `encode_basestring_ascii(s)` and `encode_basestring(s)`: [`escape`].
//!
//! The callables `make_scanner` and `make_encoder` return are builtin
//! functions bound to a tuple of their settings.

mod encoder;
mod escape;
mod scanner;

use crate::object::PyRef;
use crate::types::descr::BuiltinFunctionObj;
use crate::types::int::bind_args;
use crate::types::module::{module_dict, new_module};
use crate::types::str::StrObj;
use crate::types::typeobj::{FuncArgs, NativeFn};
use crate::vm::Vm;
use crate::PyResult;

/// Build the module.
pub fn make_module(vm: &Vm) -> PyResult {
    let m = new_module(vm, "_json");
    let d = module_dict(&m).clone();
    let functions: &[(&'static str, NativeFn)] = &[
        ("scanstring", scanner::scanstring),
        ("make_scanner", scanner::make_scanner),
        ("make_encoder", encoder::make_encoder),
        ("encode_basestring_ascii", encode_basestring_ascii),
        ("encode_basestring", encode_basestring),
    ];
    for &(name, f) in functions {
        vm.dict_set_str(&d, name, vm.new_builtin_function(name, f, Some("_json")));
    }
    Ok(m)
}

/// A builtin function named `name` whose body receives `settings` as its
/// first argument.
fn bound_function(vm: &Vm, name: &'static str, func: NativeFn, settings: PyRef) -> PyRef {
    crate::object::alloc_object(&vm.types.builtin_function, |ob| BuiltinFunctionObj {
        ob,
        name,
        func,
        self_: Some(settings),
        objclass: None,
        module: Some("_json"),
    })
}

/// Whether `f` is this module's `encode_basestring_ascii` (`Some(true)`) or
/// `encode_basestring` (`Some(false)`).
fn builtin_escaper(f: &PyRef) -> Option<bool> {
    let b = f.downcast::<BuiltinFunctionObj>()?;
    if b.module != Some("_json") || b.self_.is_some() {
        return None;
    }
    match b.name {
        "encode_basestring_ascii" => Some(true),
        "encode_basestring" => Some(false),
        _ => None,
    }
}

/// Bind the arguments of `fname` to `names` (all may be given by keyword);
/// the first `required` must be present.
fn bind<'a, const N: usize>(
    vm: &Vm,
    fname: &str,
    args: &FuncArgs<'a>,
    names: [&str; N],
    required: usize,
) -> PyResult<[Option<&'a PyRef>; N]> {
    bind_args(vm, fname, args.positional(), args, names, 0, required)
}

/// The single argument of a function that takes one string.
fn string_arg<'a>(vm: &Vm, args: &FuncArgs<'a>, fname: &str) -> PyResult<&'a str> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    let [s] = args.args else {
        return Err(vm.type_error(format!("{fname}() takes exactly one argument ({} given)", args.args.len())));
    };
    s.downcast::<StrObj>()
        .map(StrObj::as_str)
        .ok_or_else(|| vm.type_error(format!("first argument must be a string, not {}", s.ty().name())))
}

/// `encode_basestring_ascii(s)`: `s` as a JSON string literal, ASCII only.
fn encode_basestring_ascii(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let s = string_arg(vm, &args, "encode_basestring_ascii")?;
    let mut out = String::new();
    escape::push_quoted(&mut out, s, true);
    Ok(vm.new_string(out))
}

/// `encode_basestring(s)`: `s` as a JSON string literal.
fn encode_basestring(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let s = string_arg(vm, &args, "encode_basestring")?;
    let mut out = String::new();
    escape::push_quoted(&mut out, s, false);
    Ok(vm.new_string(out))
}

/// One level of recursion (a nested array or object, a `default` result),
/// counted against the recursion limit like a Python call; released when
/// dropped.
struct Depth<'a>(&'a Vm);

impl<'a> Depth<'a> {
    /// Enter a level; RecursionError "maximum recursion depth exceeded"
    /// followed by `what` past the limit.
    fn enter(vm: &'a Vm, what: &str) -> PyResult<Depth<'a>> {
        let d = vm.recursion_depth.get() + 1;
        if d > vm.recursion_limit.get() {
            let msg = format!("maximum recursion depth exceeded{what}");
            return Err(vm.new_exception_msg(&vm.exc.recursion_error, &msg));
        }
        vm.recursion_depth.set(d);
        Ok(Depth(vm))
    }
}

impl Drop for Depth<'_> {
    fn drop(&mut self) {
        self.0.recursion_depth.set(self.0.recursion_depth.get() - 1);
    }
}
