//! The `sys` module.

use std::cell::Cell;

use crate::object::PyRef;
use crate::types::module::module_dict;
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{FuncArgs, NativeFn, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

/// `sys.version_info` values.
const VERSION: (i64, i64, i64) = (3, 11, 7);

thread_local! {
    /// `sys.setswitchinterval` value in microseconds.
    static SWITCH_INTERVAL_US: Cell<u64> = const { Cell::new(5000) };
}

/// Build the `sys` module. `argv[0]` is the script path (its directory
/// becomes `sys.path[0]`).
pub fn make_module(vm: &Vm, argv: Vec<String>) -> PyResult {
    let m = crate::types::module::new_module(vm, "sys");
    let d = module_dict(&m).clone();
    let set = |k: &str, v: PyRef| vm.dict_set_str(&d, k, v);
    let strs = |v: &[String]| vm.new_list(v.iter().map(|s| vm.new_str(s)).collect());
    set("argv", strs(&argv));
    set("orig_argv", strs(&argv));
    set("path", strs(&search_path(argv.first().map(String::as_str))));
    set("modules", vm.modules.clone());
    let [stdin, stdout, stderr] = crate::types::textio::std_streams(vm);
    for (name, s) in [("stdin", stdin), ("stdout", stdout), ("stderr", stderr)] {
        set(name, s.clone());
        set(&format!("__{}__", name), s);
    }
    set_constants(vm, &d)?;
    let functions: &[(&'static str, NativeFn)] = &[
        ("exit", sys_exit),
        ("getrefcount", getrefcount),
        ("getsizeof", getsizeof),
        ("getrecursionlimit", |vm, _| Ok(vm.new_int(vm.recursion_limit.get() as i64))),
        ("setrecursionlimit", setrecursionlimit),
        ("intern", intern),
        ("exc_info", exc_info),
        ("exception", |vm, _| Ok(vm.handled.borrow().clone().unwrap_or_else(|| vm.none()))),
        ("getdefaultencoding", |vm, _| Ok(vm.new_str("utf-8"))),
        ("getfilesystemencoding", |vm, _| Ok(vm.new_str("utf-8"))),
        ("getfilesystemencodeerrors", |vm, _| Ok(vm.new_str("surrogateescape"))),
        ("excepthook", excepthook),
        ("unraisablehook", unraisablehook),
        ("displayhook", displayhook),
        ("getswitchinterval", |vm, _| Ok(vm.new_float(SWITCH_INTERVAL_US.with(Cell::get) as f64 * 1e-6))),
        ("setswitchinterval", setswitchinterval),
        ("get_int_max_str_digits", |vm, _| Ok(vm.new_int(crate::types::int::int_max_str_digits() as i64))),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("_debugmallocstats", debugmallocstats),
    ];
    for &(name, f) in functions {
        let func = vm.new_builtin_function(name, f, Some("sys"));
        if matches!(name, "excepthook" | "unraisablehook" | "displayhook") {
            set(&format!("__{}__", name), func.clone());
        }
        set(name, func);
    }
    Ok(m)
}

/// `sys.path`: the script's directory, then `PYTHONPATH` entries.
fn search_path(script: Option<&str>) -> Vec<String> {
    let first = match script {
        Some(s) if s != "-c" && s != "-" && !s.is_empty() => std::fs::canonicalize(s)
            .ok()
            .and_then(|p| p.parent().map(|d| d.to_string_lossy().into_owned()))
            .unwrap_or_default(),
        _ => String::new(),
    };
    let mut path = vec![first];
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        path.extend(pp.split(':').filter(|p| !p.is_empty()).map(str::to_string));
    }
    path
}

fn set_constants(vm: &Vm, d: &PyRef) -> PyResult<()> {
    let set = |k: &str, v: PyRef| vm.dict_set_str(d, k, v);
    let (major, minor, micro) = VERSION;
    set("version", vm.new_string(format!("{}.{}.{} (main, pyrite) [rustc]", major, minor, micro)));
    let vi_type = new_struct_seq_type(vm, "sys", "version_info", &["major", "minor", "micro", "releaselevel", "serial"])?;
    let version_info = struct_seq(vm, &vi_type, vec![vm.new_int(major), vm.new_int(minor), vm.new_int(micro), vm.new_str("final"), vm.new_int(0)]);
    set("version_info", version_info.clone());
    let hexversion = (major << 24) | (minor << 16) | (micro << 8) | 0xf0;
    set("hexversion", vm.new_int(hexversion));
    set("api_version", vm.new_int(1013));
    set("implementation", new_namespace(vm, "SimpleNamespace", &[
        ("name", vm.new_str("pyrite")),
        ("cache_tag", vm.new_str("pyrite-311")),
        ("version", version_info),
        ("hexversion", vm.new_int(hexversion)),
    ])?);
    set("maxsize", vm.new_int(i64::MAX));
    set("maxunicode", vm.new_int(0x10ffff));
    set("byteorder", vm.new_str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    set("platform", vm.new_str("linux"));
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    set("executable", vm.new_string(exe));
    set("dont_write_bytecode", vm.new_bool(true));
    set("builtin_module_names", vm.new_tuple(["_pyrite", "builtins", "gc", "math", "sys", "time"].iter().map(|s| vm.new_str(s)).collect()));
    set("warnoptions", vm.new_list(Vec::new()));
    set("_xoptions", vm.new_dict());
    let flag_names = [
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
        "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
        "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits",
    ];
    let flags_type = new_struct_seq_type(vm, "sys", "flags", &flag_names)?;
    let flag_values = flag_names
        .iter()
        .map(|n| match *n {
            "dont_write_bytecode" | "hash_randomization" => vm.new_int(1),
            "dev_mode" | "safe_path" => vm.new_bool(false),
            "int_max_str_digits" => vm.new_int(-1),
            _ => vm.new_int(0),
        })
        .collect();
    set("flags", struct_seq(vm, &flags_type, flag_values));
    let fi_names = ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"];
    let fi_type = new_struct_seq_type(vm, "sys", "float_info", &fi_names)?;
    let fi = vec![
        vm.new_float(f64::MAX),
        vm.new_int(f64::MAX_EXP as i64),
        vm.new_int(f64::MAX_10_EXP as i64),
        vm.new_float(f64::MIN_POSITIVE),
        vm.new_int(f64::MIN_EXP as i64),
        vm.new_int(f64::MIN_10_EXP as i64),
        vm.new_int(f64::DIGITS as i64),
        vm.new_int(f64::MANTISSA_DIGITS as i64),
        vm.new_float(f64::EPSILON),
        vm.new_int(2),
        vm.new_int(1),
    ];
    set("float_info", struct_seq(vm, &fi_type, fi));
    let ii_type = new_struct_seq_type(vm, "sys", "int_info", &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"])?;
    set("int_info", struct_seq(vm, &ii_type, vec![
        vm.new_int(30),
        vm.new_int(4),
        vm.new_int(crate::types::int::DEFAULT_MAX_STR_DIGITS as i64),
        vm.new_int(crate::types::int::MAX_STR_DIGITS_THRESHOLD as i64),
    ]));
    Ok(())
}

// ----- struct sequences and namespaces -----

/// Getter of field `I` of a struct sequence (a tuple subclass).
fn field<const I: usize>(vm: &Vm, o: &PyRef) -> PyResult {
    o.downcast::<TupleObj>().and_then(|t| t.items().get(I).cloned()).ok_or_else(|| vm.attribute_error("struct sequence field missing"))
}

const FIELD_GETTERS: [crate::types::descr::Getter; 18] = [
    field::<0>, field::<1>, field::<2>, field::<3>, field::<4>, field::<5>, field::<6>, field::<7>, field::<8>,
    field::<9>, field::<10>, field::<11>, field::<12>, field::<13>, field::<14>, field::<15>, field::<16>,
    field::<17>,
];

/// A struct-sequence type (`sys.version_info`, `time.struct_time` ...): a
/// tuple subclass with named read-only fields and a `module.name(field=value, ...)` repr.
pub fn new_struct_seq_type(vm: &Vm, module: &str, name: &str, fields: &[&'static str]) -> PyResult<TypeRef> {
    let ns = vm.new_dict();
    vm.dict_set_str(&ns, "__module__", vm.new_str(module));
    vm.dict_set_str(&ns, "__match_args__", vm.new_tuple(fields.iter().map(|f| vm.new_str(f)).collect()));
    vm.dict_set_str(&ns, "n_fields", vm.new_int(fields.len() as i64));
    vm.dict_set_str(&ns, "n_sequence_fields", vm.new_int(fields.len() as i64));
    let t = crate::types::typeslots::new_class(vm, &vm.types.type_, name, vec![vm.types.tuple.as_ref().clone()], &ns, &[])?;
    for (f, g) in fields.iter().zip(FIELD_GETTERS) {
        vm.add_getset(&t, f, g, None);
    }
    let slots = Slots { repr: Some(struct_seq_repr), ..*t.slots() };
    t.set_slots(slots);
    Ok(t)
}

/// An instance of a struct-sequence type.
pub fn struct_seq(vm: &Vm, ty: &TypeRef, values: Vec<PyRef>) -> PyRef {
    let _ = vm;
    crate::object::alloc_object(ty, |ob| TupleObj { ob, items: values.into_boxed_slice() })
}

fn struct_seq_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let t = o.ty();
    let module = vm.dict_get_str(t.dict(), "__module__").and_then(|m| vm.str_of(&m).map(str::to_string)).unwrap_or_default();
    let names = vm.dict_get_str(t.dict(), "__match_args__").map(|n| vm.collect(&n)).transpose()?.unwrap_or_default();
    let items = o.downcast::<TupleObj>().map(|x| x.items().to_vec()).unwrap_or_default();
    let mut parts = Vec::with_capacity(items.len());
    for (n, v) in names.iter().zip(&items) {
        parts.push(format!("{}={}", vm.str_of(n).unwrap_or("?"), vm.repr_string(v)?));
    }
    Ok(vm.new_string(format!("{}.{}({})", module, t.name(), parts.join(", "))))
}

/// A `namespace(...)` object (like `types.SimpleNamespace`) of a new class
/// named `class_name`, with the given attributes.
pub fn new_namespace(vm: &Vm, class_name: &str, attrs: &[(&str, PyRef)]) -> PyResult {
    let ns = vm.new_dict();
    vm.dict_set_str(&ns, "__module__", vm.new_str("types"));
    let t = crate::types::typeslots::new_class(vm, &vm.types.type_, class_name, Vec::new(), &ns, &[])?;
    let slots = Slots { repr: Some(namespace_repr), ..*t.slots() };
    t.set_slots(slots);
    let o = crate::object::alloc_object(&t, |ob| crate::types::object::ObjectObj { ob });
    for (k, v) in attrs {
        vm.set_attr_str(&o, k, v.clone())?;
    }
    Ok(o)
}

fn namespace_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let mut parts = Vec::new();
    if let Some(d) = vm.instance_dict(o) {
        if let Some(d) = d.downcast::<crate::types::dict::DictObj>() {
            for (k, v) in d.items() {
                parts.push(format!("{}={}", vm.str_of(&k).unwrap_or("?"), vm.repr_string(&v)?));
            }
        }
    }
    Ok(vm.new_string(format!("namespace({})", parts.join(", "))))
}

// ----- functions -----

fn positional<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str, min: usize, max: usize) -> PyResult<&'a [PyRef]> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    let p = a.positional();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if min == max && p.len() != min {
        return Err(vm.type_error(if min == 1 {
            format!("{}() takes exactly one argument ({} given)", name, p.len())
        } else {
            format!("{}() takes exactly {} arguments ({} given)", name, min, p.len())
        }));
    }
    if p.len() < min {
        return Err(vm.type_error(format!("{} expected at least {} argument{}, got {}", name, min, plural(min), p.len())));
    }
    if p.len() > max {
        return Err(vm.type_error(format!("{} expected at most {} argument{}, got {}", name, max, plural(max), p.len())));
    }
    Ok(p)
}

fn sys_exit(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = positional(vm, &a, "exit", 0, 1)?;
    Err(vm.new_exception(&vm.exc.system_exit, p.to_vec()))
}

/// Added to the counts of the shared singletons (None, booleans, Ellipsis,
/// NotImplemented, small ints): in CPython every module and code object
/// references them, so their counts are in the thousands (memory-model OBJ-7).
const SINGLETON_REFCOUNT_BIAS: i64 = 4096;

/// `sys.getrefcount(o)`: the argument slot of the call holds one of the references, as in CPython.
fn getrefcount(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = positional(vm, &a, "getrefcount", 1, 1)?;
    let o = &p[0];
    let shared = [&vm.none, &vm.true_, &vm.false_, &vm.ellipsis, &vm.not_implemented].iter().any(|s| o.is(s))
        || (std::ptr::eq(o.ty(), &*vm.types.int)
            && vm.small_int_of(o).is_some_and(|v| (-crate::vm::NSMALL_NEG..crate::vm::NSMALL_POS).contains(&v) && o.is(&vm.new_int(v))));
    let bias = if shared { SINGLETON_REFCOUNT_BIAS } else { 0 };
    Ok(vm.new_int(o.refcnt() as i64 + bias))
}

fn getsizeof(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = a.positional();
    if p.len() > 2 {
        return Err(vm.type_error(format!("getsizeof() takes at most 2 arguments ({} given)", p.len())));
    }
    let o = p.first().ok_or_else(|| vm.type_error("getsizeof() missing required argument 'object' (pos 1)"))?;
    let size = match vm.call_special(o, "__sizeof__", &[]) {
        Ok(Some(r)) => vm.index_i64(&r)?,
        Ok(None) => o.ty().basicsize as i64,
        Err(e) => {
            return match p.get(1) {
                Some(d) if vm.is_instance(&e.0, &vm.exc.type_error) => Ok(d.clone()),
                _ => Err(e),
            }
        }
    };
    if size < 0 {
        return Err(vm.value_error("__sizeof__() should return >= 0"));
    }
    let t = o.ty();
    let gc = if t.is_gc() { 16 } else { 0 };
    // 3.11 keeps the instance dict of plain classes in a 16-byte pre-header.
    let managed_dict = if crate::types::typeslots::has_inline_values(t) { 16 } else { 0 };
    Ok(vm.new_int(size + gc + managed_dict))
}

fn setrecursionlimit(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = positional(vm, &a, "setrecursionlimit", 1, 1)?;
    if vm.has_layout(&p[0], crate::types::typeobj::Layout::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_i64(&p[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let n = u32::try_from(n).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?;
    let depth = vm.recursion_depth.get();
    if n <= depth {
        return Err(vm.new_exception_msg(
            &vm.exc.recursion_error,
            &format!("cannot set the recursion limit to {} at the recursion depth {}: the limit is too low", n, depth),
        ));
    }
    vm.recursion_limit.set(n);
    Ok(vm.none())
}

/// `sys.intern(s)`: the first string interned becomes the canonical one.
fn intern(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = positional(vm, &a, "intern", 1, 1)?;
    let s = &p[0];
    let Some(text) = vm.str_of(s) else {
        return Err(vm.type_error(format!("intern() argument must be str, not {}", s.ty().name())));
    };
    if !std::ptr::eq(s.ty(), &*vm.types.str) {
        return Err(vm.type_error("can't intern str subclass"));
    }
    if let Some(r) = vm.interned.borrow().get(text) {
        return Ok(r.clone());
    }
    if let Some(so) = s.downcast::<crate::types::str::StrObj>() {
        so.interned.set(true);
    }
    vm.interned.borrow_mut().insert(text.into(), s.clone());
    Ok(s.clone())
}

fn exc_info(vm: &Vm, _a: FuncArgs<'_>) -> PyResult {
    let e = vm.handled.borrow().clone();
    Ok(match e {
        Some(e) => {
            let tb = crate::types::exceptions::exc_traceback(&e).unwrap_or_else(|| vm.none());
            vm.new_tuple(vec![vm.type_of(&e).into_ref(), e, tb])
        }
        None => vm.new_tuple(vec![vm.none(), vm.none(), vm.none()]),
    })
}

/// Write text to `sys.stderr` (falling back to the process's stderr).
fn write_stderr(vm: &Vm, text: &str) -> PyResult<()> {
    let err = vm.sys.borrow().clone().and_then(|s| vm.dict_get_str(module_dict(&s), "stderr"));
    match err {
        Some(f) if !vm.is_none(&f) => {
            vm.call_method(&f, "write", &[vm.new_str(text)])?;
            let _ = vm.call_method(&f, "flush", &[]);
        }
        _ => crate::vm::write_process_stderr(text),
    }
    Ok(())
}

/// `sys.excepthook(type, value, traceback)`: print the traceback to stderr.
fn excepthook(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = positional(vm, &a, "excepthook", 3, 3)?;
    let text = if crate::types::exceptions::exc_obj(&p[1]).is_some() {
        crate::types::exceptions::format_exception(vm, &p[1])
    } else {
        format!("TypeError: print_exception(): Exception expected for value, {} found\n", p[1].ty().name())
    };
    write_stderr(vm, &text)?;
    Ok(vm.none())
}

/// `sys.unraisablehook(unraisable)`: "Exception ignored in: ..." and the traceback.
fn unraisablehook(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = positional(vm, &a, "unraisablehook", 1, 1)?;
    let u = &p[0];
    let get = |n: &str| vm.lookup_attr_str(u, n).ok().flatten().filter(|v| !vm.is_none(v));
    let mut text = String::new();
    let obj = get("object");
    match (get("err_msg"), &obj) {
        (Some(m), Some(o)) => text.push_str(&format!("{}: {}\n", vm.str_string(&m)?, repr_or_placeholder(vm, o))),
        (Some(m), None) => text.push_str(&format!("{}\n", vm.str_string(&m)?)),
        (None, Some(o)) => text.push_str(&format!("Exception ignored in: {}\n", repr_or_placeholder(vm, o))),
        (None, None) => {}
    }
    if let Some(e) = get("exc_value") {
        text.push_str(&crate::types::exceptions::format_exception(vm, &e));
    }
    write_stderr(vm, &text)?;
    Ok(vm.none())
}

fn repr_or_placeholder(vm: &Vm, o: &PyRef) -> String {
    vm.repr_string(o).unwrap_or_else(|_| "<object repr() failed>".into())
}

/// `sys.displayhook(value)`: print `repr(value)` and store it in `builtins._`.
fn displayhook(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = positional(vm, &a, "displayhook", 1, 1)?;
    let v = &p[0];
    if vm.is_none(v) {
        return Ok(vm.none());
    }
    vm.dict_set_str(&vm.builtins, "_", vm.none());
    let text = vm.repr_string(v)?;
    let out = vm.sys.borrow().clone().and_then(|s| vm.dict_get_str(module_dict(&s), "stdout"));
    match out {
        Some(f) if !vm.is_none(&f) => {
            vm.call_method(&f, "write", &[vm.new_string(text + "\n")])?;
        }
        _ => return Err(vm.runtime_error("lost sys.stdout")),
    }
    vm.dict_set_str(&vm.builtins, "_", v.clone());
    Ok(vm.none())
}

fn setswitchinterval(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = positional(vm, &a, "setswitchinterval", 1, 1)?;
    let s = real_number(vm, &p[0])?;
    if s <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    SWITCH_INTERVAL_US.with(|c| c.set((s * 1e6) as u64));
    Ok(vm.none())
}

/// A float or int argument as f64 ("must be real number, not str").
fn real_number(vm: &Vm, o: &PyRef) -> PyResult<f64> {
    if let Some(f) = o.downcast::<crate::types::float::FloatObj>() {
        return Ok(f.value);
    }
    if let Some(i) = vm.small_int_of(o) {
        return Ok(i as f64);
    }
    match vm.lookup_special(o, "__float__") {
        Some(_) => {
            let r = vm.call_special(o, "__float__", &[])?.unwrap_or_else(|| vm.none());
            r.downcast::<crate::types::float::FloatObj>().map(|f| f.value).ok_or_else(|| vm.type_error("__float__ returned non-float"))
        }
        None => Err(vm.type_error(format!("must be real number, not {}", o.ty().name()))),
    }
}

fn set_int_max_str_digits(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let v = match (a.positional(), a.keywords().next()) {
        ([v], None) => v.clone(),
        ([], Some((k, v))) if vm.str_of(k) == Some("maxdigits") => v.clone(),
        _ => return Err(vm.type_error("set_int_max_str_digits() takes exactly one argument (maxdigits)")),
    };
    let n = vm.index_i64(&v)?;
    if n < 0 || (n != 0 && (n as usize) < crate::types::int::MAX_STR_DIGITS_THRESHOLD) {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::types::int::set_int_max_str_digits(n as usize);
    Ok(vm.none())
}

fn debugmallocstats(vm: &Vm, _a: FuncArgs<'_>) -> PyResult {
    let mut err = std::io::stderr();
    let _ = crate::object::write_malloc_stats(&mut err).and_then(|()| crate::object::write_freelist_stats(&mut err));
    Ok(vm.none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switch_interval_rounds_to_microseconds() {
        let vm = Vm::new();
        setswitchinterval(&vm, FuncArgs::pos(&[vm.new_float(0.0123456789)])).unwrap();
        let r = vm.call_pos(&vm.new_builtin_function("g", |vm, _| Ok(vm.new_float(SWITCH_INTERVAL_US.with(Cell::get) as f64 * 1e-6)), None), &[]);
        let v = r.unwrap().downcast::<crate::types::float::FloatObj>().map(|f| f.value);
        assert_eq!(v, Some(0.012345));
    }

    #[test]
    fn module_has_basics() {
        let vm = Vm::new();
        let m = make_module(&vm, vec!["/tmp/x.py".into()]).unwrap();
        let d = module_dict(&m);
        for k in ["argv", "path", "stdout", "version_info", "maxsize", "flags", "implementation"] {
            assert!(vm.dict_get_str(d, k).is_some(), "{}", k);
        }
        assert_eq!(vm.small_int_of(&vm.dict_get_str(d, "maxsize").unwrap()), Some(i64::MAX));
    }
}
