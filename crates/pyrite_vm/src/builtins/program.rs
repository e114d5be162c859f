//! Builtins that reach outside the running code: `input`, `open`, `exit`,
//! `__import__`, `exec`, `eval`, `compile`.

use pyrite_compiler::bytecode::Mode;

use crate::object::PyRef;
use crate::types::dict::DictObj;
use crate::types::typeobj::{FuncArgs, Layout};
use crate::vm::Vm;
use crate::PyResult;

use super::{given, keywords, no_keywords, positional, sys_attr};

/// `input([prompt])`.
pub(super) fn input(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "input")?;
    let p = positional(vm, &a, "input", 0, 1)?;
    let stdout = sys_attr(vm, "stdout").filter(|s| !vm.is_none(s)).ok_or_else(|| vm.runtime_error("input(): lost sys.stdout"))?;
    let stdin = sys_attr(vm, "stdin").filter(|s| !vm.is_none(s)).ok_or_else(|| vm.runtime_error("input(): lost sys.stdin"))?;
    if let Some(prompt) = p.first() {
        let s = vm.str(prompt)?;
        vm.call_method(&stdout, "write", &[s])?;
    }
    vm.call_method(&stdout, "flush", &[])?;
    let line = vm.call_method(&stdin, "readline", &[])?;
    let s = vm.str_of(&line).ok_or_else(|| vm.type_error("object.readline() returned non-string"))?;
    if s.is_empty() {
        return Err(vm.new_exception_msg(&vm.exc.eof_error, "EOF when reading a line"));
    }
    Ok(vm.new_str(s.strip_suffix('\n').unwrap_or(s)))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)`.
pub(super) fn open(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    const NAMES: [&str; 8] = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];
    let kw = keywords(vm, &a, "open", &NAMES)?;
    let p = a.positional();
    if p.len() > NAMES.len() {
        return Err(vm.type_error(format!("open() takes at most 8 arguments ({} given)", p.len())));
    }
    let arg = |i: usize| p.get(i).or(kw[i]);
    let file = arg(0).ok_or_else(|| vm.type_error("open() missing required argument 'file' (pos 1)"))?;
    let mode = match arg(1) {
        Some(m) => vm.str_of(m).ok_or_else(|| vm.type_error(format!("open() argument 'mode' must be str, not {}", m.ty().name())))?,
        None => "r",
    };
    if let Some(enc) = given(vm, arg(3)) {
        let e = vm.str_of(enc).unwrap_or("").to_ascii_lowercase().replace('_', "-");
        if mode.contains('b') {
            return Err(vm.value_error("binary mode doesn't take an encoding argument"));
        }
        if !matches!(e.as_str(), "utf-8" | "utf8" | "ascii" | "us-ascii" | "latin-1" | "locale") {
            return Err(vm.new_exception_msg(&vm.exc.lookup_error, &format!("unknown encoding: {}", vm.str_of(enc).unwrap_or("?"))));
        }
    }
    crate::types::textio::open(vm, file, mode)
}

/// The `exit` and `quit` objects (`_sitebuiltins.Quitter`): calling one
/// raises `SystemExit(code)`; the repr tells how to leave.
pub(super) fn quitters(vm: &Vm) -> PyResult<[PyRef; 2]> {
    let ns = vm.new_dict();
    vm.dict_set_str(&ns, "__module__", vm.new_str("_sitebuiltins"));
    let t = crate::types::typeslots::new_class(vm, &vm.types.type_, "Quitter", Vec::new(), &ns, &[])?;
    let slots = crate::types::typeobj::Slots { call: Some(quitter_call), repr: Some(quitter_repr), ..*t.slots() };
    t.set_slots(slots);
    let make = |name: &str| -> PyResult {
        let o = crate::object::alloc_object(&t, |ob| crate::types::object::ObjectObj { ob });
        vm.set_attr_str(&o, "name", vm.new_str(name))?;
        vm.set_attr_str(&o, "eof", vm.new_str("Ctrl-D (i.e. EOF)"))?;
        Ok(o)
    };
    Ok([make("exit")?, make("quit")?])
}

fn quitter_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let name = vm.get_attr_str(o, "name")?;
    let eof = vm.get_attr_str(o, "eof")?;
    Ok(vm.new_string(format!("Use {}() or {} to exit", vm.str_string(&name)?, vm.str_string(&eof)?)))
}

fn quitter_call(vm: &Vm, _o: &PyRef, a: FuncArgs<'_>) -> PyResult {
    let kw = keywords(vm, &a, "__call__", &["code"])?;
    let p = positional(vm, &a, "__call__", 0, 1)?;
    let args: Vec<PyRef> = p.first().or(kw[0]).filter(|c| !vm.is_none(c)).cloned().into_iter().collect();
    Err(vm.new_exception(&vm.exc.system_exit, args))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub(super) fn import(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    const NAMES: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    let kw = keywords(vm, &a, "__import__", &NAMES)?;
    let p = a.positional();
    let arg = |i: usize| p.get(i).or(kw[i]).cloned();
    let name = arg(0).ok_or_else(|| vm.type_error("__import__() missing required argument 'name' (pos 1)"))?;
    if vm.str_of(&name).is_none() {
        return Err(vm.type_error(format!("__import__() argument 1 must be str, not {}", name.ty().name())));
    }
    let globals = arg(1).unwrap_or_else(|| vm.none());
    let fromlist = arg(3).unwrap_or_else(|| vm.empty_tuple.clone());
    let level = arg(4).unwrap_or_else(|| vm.new_int(0));
    if vm.small_int_of(&level).is_some_and(|l| l < 0) {
        return Err(vm.value_error("level must be >= 0"));
    }
    crate::import::import_name(vm, &name, &globals, &fromlist, &level)
}

/// The text of a source argument (str, bytes, bytearray).
fn source_text(vm: &Vm, o: &PyRef, fname: &str, what: &str) -> PyResult<String> {
    if let Some(s) = vm.str_of(o) {
        return Ok(s.to_string());
    }
    let bytes = if let Some(b) = o.downcast::<crate::types::bytes::BytesObj>() {
        b.value.to_vec()
    } else if let Some(b) = o.downcast::<crate::types::bytes::ByteArrayObj>() {
        // SAFETY: short borrow to copy the bytes; no Python code runs.
        unsafe { (*b.value.get()).clone() }
    } else {
        return Err(vm.type_error(format!("{}() arg 1 must be {}", fname, what)));
    };
    String::from_utf8(bytes).map_err(|_| vm.new_exception_msg(&vm.exc.syntax_error, "(unicode error) 'utf-8' codec can't decode bytes"))
}

/// Resolve `exec`/`eval`'s globals and locals (defaults: the caller's).
fn namespaces(vm: &Vm, fname: &str, globals: Option<&PyRef>, locals: Option<&PyRef>) -> PyResult<(PyRef, Option<PyRef>)> {
    let globals = given(vm, globals);
    let locals = given(vm, locals).cloned();
    match globals {
        Some(g) => {
            if g.downcast::<DictObj>().is_none() {
                return Err(vm.type_error(if fname == "exec" {
                    format!("exec() globals must be a dict, not {}", g.ty().name())
                } else if vm.lookup_special(g, "__getitem__").is_some() {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                } else {
                    "globals must be a dict".to_string()
                }));
            }
            let locals = locals.unwrap_or_else(|| g.clone());
            Ok((g.clone(), Some(locals)))
        }
        None => {
            let g = vm.current_globals().unwrap_or_else(|| vm.new_dict());
            Ok((g, locals.or_else(|| vm.current_locals())))
        }
    }
}

fn exec_or_eval(vm: &Vm, a: FuncArgs<'_>, fname: &str, mode: Mode) -> PyResult {
    let kw = keywords(vm, &a, fname, &["globals", "locals", "closure"])?;
    let n = a.positional().len();
    if fname == "exec" && n == 0 {
        return Err(vm.type_error("exec() takes at least 1 positional argument (0 given)"));
    }
    if fname == "exec" && n > 3 {
        return Err(vm.type_error(format!("exec() takes at most 3 positional arguments ({} given)", n)));
    }
    let p = positional(vm, &a, fname, 1, 3)?;
    let (globals, locals) = namespaces(vm, fname, p.get(1).or(kw[0]), p.get(2).or(kw[1]))?;
    if let Some(l) = &locals {
        if vm.lookup_special(l, "__getitem__").is_none() {
            return Err(vm.type_error(if fname == "exec" {
                format!("locals must be a mapping or None, not {}", l.ty().name())
            } else {
                "locals must be a mapping".to_string()
            }));
        }
    }
    let code = if p[0].ty().layout == Layout::Code {
        p[0].clone()
    } else {
        let src = source_text(vm, &p[0], fname, "a string, bytes or code object")?;
        let src = if mode == Mode::Eval { src.trim_start_matches([' ', '\t']).to_string() } else { src };
        vm.compile(&src, "<string>", mode)?
    };
    let r = vm.run_code(&code, &globals, locals)?;
    Ok(if mode == Mode::Eval { r } else { vm.none() })
}

/// `exec(source, globals=None, locals=None)`.
pub(super) fn exec(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    exec_or_eval(vm, a, "exec", Mode::Exec)
}

/// `eval(source, globals=None, locals=None)`.
pub(super) fn eval(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    exec_or_eval(vm, a, "eval", Mode::Eval)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub(super) fn compile(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    const NAMES: [&str; 6] = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    let kw = keywords(vm, &a, "compile", &NAMES)?;
    let p = a.positional();
    let arg = |i: usize| {
        p.get(i).or(kw[i]).ok_or_else(|| vm.type_error(format!("compile() missing required argument '{}' (pos {})", NAMES[i], i + 1)))
    };
    let src = source_text(vm, arg(0)?, "compile", "a string, bytes or AST object")?;
    let filename = arg(1)?;
    let filename = vm.str_of(filename).ok_or_else(|| vm.type_error(format!("compile() argument 'filename' must be str, not {}", filename.ty().name())))?;
    let mode = match vm.str_of(arg(2)?) {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    vm.compile(&src, filename, mode)
}
