//! Running source code: compiling, executing module bodies, `exec`/`eval`,
//! class bodies (`__build_class__`), and interpreter start-up.

use std::sync::atomic::{AtomicBool, Ordering};

use pyrite_compiler::bytecode::Mode;
use pyrite_compiler::CompileError;

use crate::object::PyRef;
use crate::types::code::{new_code, CodeObj};
use crate::types::dict::DictObj;
use crate::types::function::FunctionObj;
use crate::types::typeobj::FuncArgs;
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::{PyErr, PyResult};

/// Set by the SIGINT handler; polled at function entry and loop back-edges.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_sig: libc::c_int) {
    INTERRUPTED.store(true, Ordering::Relaxed);
}

/// Install the SIGINT handler that turns Ctrl-C into `KeyboardInterrupt`.
pub fn install_signal_handlers() {
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t);
    }
}

impl Vm {
    /// Whether Ctrl-C was pressed since the last check (clears the flag).
    #[inline(always)]
    pub fn interrupted(&self) -> bool {
        INTERRUPTED.load(Ordering::Relaxed) && INTERRUPTED.swap(false, Ordering::Relaxed)
    }

    /// `format(v, spec)`.
    pub fn format(&self, v: &PyRef, spec: &PyRef) -> PyResult {
        let r = match self.call_special(v, "__format__", std::slice::from_ref(spec))? {
            Some(r) => r,
            None => return Err(self.type_error(format!("Type {} doesn't define __format__", v.ty().name()))),
        };
        if self.str_of(&r).is_none() {
            return Err(self.type_error(format!("__format__ must return a str, not {}", r.ty().name())));
        }
        Ok(r)
    }

    /// Turn a compile error into a raised SyntaxError (or RecursionError).
    pub fn compile_error(&self, e: &CompileError) -> PyErr {
        use pyrite_compiler::bytecode::ErrorKind;
        let ty = match e.kind {
            ErrorKind::IndentationError => &self.exc.indentation_error,
            ErrorKind::TabError => &self.exc.tab_error,
            ErrorKind::RecursionError => {
                return self.new_exception_msg(&self.exc.recursion_error, &e.msg);
            }
            _ => &self.exc.syntax_error,
        };
        let details = self.new_tuple(vec![
            self.new_str(&e.filename),
            self.new_int(e.lineno as i64),
            self.new_int(e.offset as i64),
            e.text.as_ref().map(|t| self.new_str(t)).unwrap_or_else(|| self.none()),
            self.new_int(e.end_lineno as i64),
            self.new_int(e.end_offset as i64),
        ]);
        self.new_exception(ty, vec![self.new_str(&e.msg), details])
    }

    /// Compile source text into a code object.
    pub fn compile(&self, source: &str, filename: &str, mode: Mode) -> PyResult {
        match pyrite_compiler::compile_str(source, filename, mode) {
            Ok(code) => Ok(new_code(self, std::sync::Arc::new(code))),
            Err(e) => Err(self.compile_error(&e)),
        }
    }

    /// Run a code object with the given globals and locals.
    pub fn run_code(&self, code: &PyRef, globals: &PyRef, locals: Option<PyRef>) -> PyResult {
        if code.downcast::<CodeObj>().is_none() {
            return Err(self.type_error("expected a code object"));
        }
        // The builtins are the globals' `__builtins__` (a dict, or a module's
        // dict), set to the builtins module when missing.
        let mut builtins = self.builtins.clone();
        if let Some(g) = globals.downcast::<DictObj>() {
            match g.get_str(self, "__builtins__") {
                None => g.set_str(self, "__builtins__", self.builtins_module()),
                Some(b) if b.downcast::<DictObj>().is_some() => builtins = b,
                Some(b) if b.ty().layout == crate::types::typeobj::Layout::Module => {
                    builtins = crate::types::module::module_dict(&b).clone();
                }
                Some(_) => {}
            }
        }
        let locals = Some(locals.unwrap_or_else(|| globals.clone()));
        let mut frame = super::new_frame(self, code, None, globals, &builtins, locals);
        let r = super::run_frame(self, &mut frame);
        super::release_frame(self, frame);
        r
    }

    /// The `builtins` module object.
    pub fn builtins_module(&self) -> PyRef {
        self.dict_get_str(&self.modules, "builtins").unwrap_or_else(|| self.builtins.clone())
    }
}

/// `exec`/`eval` of source text (used by the builtins).
pub fn exec_source(vm: &Vm, source: &str, filename: &str, mode: Mode, globals: Option<PyRef>, locals: Option<PyRef>) -> PyResult {
    let code = vm.compile(source, filename, mode)?;
    let globals = match globals {
        Some(g) => g,
        None => vm.current_globals().unwrap_or_else(|| vm.new_dict()),
    };
    let locals = locals.or_else(|| vm.current_locals());
    vm.run_code(&code, &globals, locals)
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let pos = args.positional();
    if pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = &pos[0];
    let name = pos[1].clone();
    let bases: Vec<PyRef> = pos[2..].to_vec();
    let mut meta: Option<PyRef> = None;
    let mut kw: Vec<(PyRef, PyRef)> = Vec::new();
    for (k, v) in args.keywords() {
        if vm.str_of(k) == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kw.push((k.clone(), v.clone()));
        }
    }
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => vm.type_of(b).into_ref(),
            None => vm.types.type_.as_ref().clone(),
        },
    };
    // The most derived metaclass among the bases' types.
    let mut meta = meta;
    if let Some(mt) = TypeRef::new(meta.clone()) {
        let mut winner = mt;
        for b in &bases {
            let bt = vm.type_of(b);
            if bt.is_subtype(&winner) {
                winner = bt;
            } else if !winner.is_subtype(&bt) {
                return Err(vm.type_error(
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                ));
            }
        }
        meta = winner.into_ref();
    }
    let ns = match vm.lookup_attr_str(&meta, "__prepare__")? {
        Some(p) if TypeRef::new(meta.clone()).is_none() || vm.lookup_type_str(&TypeRef::new(meta.clone()).expect("type"), "__prepare__").is_some() => {
            let mut a = vec![name.clone(), vm.new_tuple(bases.clone())];
            let names: Vec<PyRef> = kw.iter().map(|(k, _)| k.clone()).collect();
            a.extend(kw.iter().map(|(_, v)| v.clone()));
            vm.call(&p, FuncArgs { args: &a, kwnames: &names })?
        }
        _ => vm.new_dict(),
    };
    let f = func.downcast::<FunctionObj>().ok_or_else(|| vm.type_error("__build_class__: func must be a function"))?;
    // Run the body with `ns` as its locals.
    let mut frame = super::new_frame(vm, &f.code, Some(func.clone()), &f.globals, &f.builtins, Some(ns.clone()));
    let cell = super::run_frame(vm, &mut frame);
    super::release_frame(vm, frame);
    let cell = cell?;
    let mut a = vec![name, vm.new_tuple(bases), ns];
    let names: Vec<PyRef> = kw.iter().map(|(k, _)| k.clone()).collect();
    a.extend(kw.iter().map(|(_, v)| v.clone()));
    let cls = vm.call(&meta, FuncArgs { args: &a, kwnames: &names })?;
    if let Some(c) = cell.downcast::<crate::types::cell::CellObj>() {
        if c.get().is_none() {
            c.set(Some(cls.clone()));
        }
    }
    Ok(cls)
}

impl Vm {
    /// Report an exception that cannot propagate (raised in `__del__` or a
    /// callback): calls `sys.unraisablehook` when set, else prints
    /// `Exception ignored in: <obj>` and the traceback to stderr.
    pub fn write_unraisable(&self, e: &PyErr, obj: Option<&PyRef>) {
        let sys = self.sys.borrow().clone();
        let hook = sys.and_then(|s| self.dict_get_str(crate::types::module::module_dict(&s), "unraisablehook"));
        if let Some(hook) = hook {
            let args = unraisable_hook_args(self, e, obj);
            if self.call_pos(&hook, &[args]).is_ok() {
                return;
            }
        }
        let what = obj.map(|o| self.repr_string(o).unwrap_or_else(|_| "<object repr() failed>".into()));
        self.flush_stdout();
        let mut out = String::new();
        if let Some(w) = what {
            out.push_str(&format!("Exception ignored in: {}\n", w));
        }
        out.push_str(&crate::types::exceptions::format_exception(self, &e.0));
        crate::vm::write_process_stderr(&out);
    }
}

/// The `sys.UnraisableHookArgs`-like object passed to `sys.unraisablehook`.
fn unraisable_hook_args(vm: &Vm, e: &PyErr, obj: Option<&PyRef>) -> PyRef {
    let ns = vm.new_dict();
    let set = |k: &str, v: PyRef| vm.dict_set_str(&ns, k, v);
    set("exc_type", vm.type_of(&e.0).into_ref());
    set("exc_value", e.0.clone());
    set("exc_traceback", super::exc_traceback(&e.0).unwrap_or_else(|| vm.none()));
    set("err_msg", vm.none());
    set("object", obj.cloned().unwrap_or_else(|| vm.none()));
    // One class per interpreter, kept as `sys.UnraisableHookArgs` (a class
    // per call would leave a reference cycle behind each time).
    let sys = vm.sys.borrow().clone();
    let cached = sys.as_ref().and_then(|s| vm.dict_get_str(crate::types::module::module_dict(s), "UnraisableHookArgs"));
    let cls = match cached.and_then(crate::types::TypeRef::new) {
        Some(c) => Ok(c),
        None => crate::types::typeslots::new_class(vm, &vm.types.type_, "UnraisableHookArgs", Vec::new(), &vm.new_dict(), &[]).inspect(|c| {
            if let Some(s) = &sys {
                vm.dict_set_str(crate::types::module::module_dict(s), "UnraisableHookArgs", c.as_ref().clone());
            }
        }),
    };
    match cls {
        Ok(cls) => {
            let inst = crate::object::alloc_object(&cls, |ob| crate::types::object::ObjectObj { ob });
            if let Some(slot) = cls.dict_slot(&inst) {
                // SAFETY: fresh object, nothing else borrows its dict slot.
                unsafe { *slot.get() = Some(ns) };
            }
            inst
        }
        Err(_) => vm.none(),
    }
}

/// Create an interpreter: builtins, `sys` (with `argv`), signal handlers.
pub fn new_interpreter(argv: Vec<String>) -> crate::vm::VmBox {
    let vm = Vm::new();
    install_signal_handlers();
    // The builtins module's dict is the shared builtins namespace.
    vm.dict_set_str(&vm.builtins, "__name__", vm.new_str("builtins"));
    let b = crate::object::alloc_object(&vm.types.module, |ob| crate::types::module::ModuleObj {
        ob,
        dict: vm.builtins.clone(),
        weaklist: Default::default(),
    });
    vm.dict_set_str(&vm.modules, "builtins", b);
    crate::builtins::init(&vm);
    let bc = vm.new_builtin_function("__build_class__", build_class, Some("builtins"));
    vm.dict_set_str(&vm.builtins, "__build_class__", bc);
    match crate::modules::sys::make_module(&vm, argv) {
        Ok(sys) => {
            vm.dict_set_str(&vm.modules, "sys", sys.clone());
            *vm.sys.borrow_mut() = Some(sys);
        }
        Err(e) => crate::vm::write_process_stderr(&crate::types::exceptions::format_exception(&vm, &e.0)),
    }
    // Builtin types are complete: attribute lookups may be cached from now on.
    vm.type_cache.clear();
    vm.type_cache.enabled.set(true);
    vm
}

/// Finish a program run: print an uncaught exception (CPython's format) and
/// compute the exit code; `SystemExit` gives its code.
pub fn finish(vm: &Vm, r: PyResult) -> crate::eval::Exit {
    let exit = finish_run(vm, r);
    if std::env::var("PYTHONMALLOCSTATS").is_ok_and(|v| !v.is_empty()) {
        let _ = crate::object::write_malloc_stats(&mut std::io::stderr());
    }
    exit
}

fn finish_run(vm: &Vm, r: PyResult) -> crate::eval::Exit {
    let exit = finish_exception(vm, r);
    // A failed final flush of stdout or stderr is CPython's exit status 120,
    // whatever the program's own status.
    if !vm.flush_std_streams_at_exit() && !matches!(exit, crate::eval::Exit::Interrupted) {
        return crate::eval::Exit::Code(120);
    }
    exit
}

fn finish_exception(vm: &Vm, r: PyResult) -> crate::eval::Exit {
    let e = match r {
        Ok(_) => return crate::eval::Exit::Ok,
        Err(e) => e,
    };
    vm.flush_stdout();
    if vm.is_instance(&e.0, &vm.exc.system_exit) {
        let code = vm.lookup_attr_str(&e.0, "code").ok().flatten().unwrap_or_else(|| vm.none());
        if vm.is_none(&code) {
            return crate::eval::Exit::Code(0);
        }
        if let Some(n) = vm.small_int_of(&code) {
            return crate::eval::Exit::Code(n as i32);
        }
        let s = vm.str_string(&code).unwrap_or_default();
        crate::vm::write_process_stderr(&format!("{s}\n"));
        return crate::eval::Exit::Code(1);
    }
    print_uncaught(vm, &e);
    if vm.is_instance(&e.0, &vm.exc.keyboard_interrupt) {
        return crate::eval::Exit::Interrupted;
    }
    crate::eval::Exit::Code(1)
}

/// Interpreter teardown, as CPython's `Py_FinalizeEx` does it: first the
/// `atexit` functions run, then for module namespaces: in `__main__` and then every other module, first the names
/// starting with one underscore, then all others (except `__builtins__`),
/// are set to None in insertion order, so objects that die then get their
/// `__del__` called while the interpreter still works. Then stdout is flushed.
pub fn shutdown(vm: &Vm) {
    crate::modules::atexit::run_exitfuncs(vm);
    // As CPython: one full collection (with callbacks) while every module is
    // intact, if automatic collection is enabled ...
    if crate::object::gc::is_enabled() {
        crate::object::gc::collect(vm, crate::object::gc::NUM_GENERATIONS - 1);
    }
    // GC-12 (CPython reports after the modules are gone, with its C warnings
    // machinery; pyrite's `warnings` is Python, so it reports while it works).
    crate::object::gc::shutdown_report(vm);
    let mut modules: Vec<PyRef> = Vec::new();
    if let Some(m) = vm.dict_get_str(&vm.modules, "__main__") {
        modules.push(m);
    }
    if let Some(d) = vm.modules.downcast::<DictObj>() {
        for (k, m) in d.items() {
            let name = vm.str_of(&k).unwrap_or("");
            if name != "__main__" && name != "builtins" && name != "sys" && m.ty().layout == crate::types::typeobj::Layout::Module {
                modules.push(m);
            }
        }
    }
    for m in modules {
        let d = crate::types::module::module_dict(&m).clone();
        let Some(dd) = d.downcast::<DictObj>() else { continue };
        for pass in 0..2 {
            for k in dd.keys() {
                let Some(name) = vm.str_of(&k) else { continue };
                let clear = if pass == 0 {
                    name.starts_with('_') && !name.starts_with("__")
                } else {
                    name != "__builtins__"
                };
                if clear {
                    let _ = dd.set_item(vm, k, vm.none());
                }
            }
        }
    }
    // ... and, once the modules are emptied, one that finalizes whatever
    // cycles remain, enabled or not.
    crate::object::gc::collect_quietly(vm, crate::object::gc::NUM_GENERATIONS - 1);
    vm.flush_stdout();
}

/// Report an uncaught exception through `sys.excepthook` (falling back to
/// printing the traceback directly if the hook is missing or fails).
fn print_uncaught(vm: &Vm, e: &PyErr) {
    let sys = vm.sys.borrow().clone();
    let hook = sys.and_then(|s| vm.dict_get_str(crate::types::module::module_dict(&s), "excepthook"));
    if let Some(hook) = hook {
        let tb = super::exc_traceback(&e.0).unwrap_or_else(|| vm.none());
        if vm.call_pos(&hook, &[vm.type_of(&e.0).into_ref(), e.0.clone(), tb]).is_ok() {
            vm.flush_stdout();
            return;
        }
    }
    crate::vm::write_process_stderr(&crate::types::exceptions::format_exception(vm, &e.0));
}

/// End the process by SIGINT with the default disposition, so the parent
/// sees "killed by SIGINT" after an uncaught `KeyboardInterrupt`, as with CPython.
pub fn die_by_sigint() -> ! {
    // SAFETY: restoring the default handler and signalling ourselves are
    // plain system calls with no memory-safety preconditions.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::kill(libc::getpid(), libc::SIGINT);
    }
    std::process::exit(130)
}
