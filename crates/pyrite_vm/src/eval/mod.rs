//! Executing code: frames, argument binding, the eval loop, generators,
//! class bodies and running source files.

pub mod cache;
pub mod frame;
pub mod generator;
mod interp;
pub mod run;

use std::cell::UnsafeCell;

use pyrite_compiler::bytecode::CodeFlags;

use crate::object::PyRef;
use crate::types::code::CodeObj;
use crate::types::dict::DictObj;
use crate::types::function::{cell_get, FunctionObj};
use crate::types::typeobj::FuncArgs;
use crate::vm::Vm;
use crate::PyResult;
use frame::Frame;

pub use interp::{exc_set_context, exc_traceback, run_frame};

/// How a program run ended.
pub enum Exit {
    /// Normal completion.
    Ok,
    /// `SystemExit` or an uncaught exception: the process exit code.
    Code(i32),
    /// An uncaught `KeyboardInterrupt`: the process should die by SIGINT,
    /// as CPython does (see [`run::die_by_sigint`]).
    Interrupted,
}

/// Call a Python function object.
pub fn call_function(vm: &Vm, f: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let func = f.downcast::<FunctionObj>().expect("function");
    let code = func.code.downcast::<CodeObj>().expect("function of a code object");
    let c = &code.code;
    let mut frame = new_frame(vm, &func.code, Some(f.clone()), &func.globals, &func.builtins, None);
    if let Err(e) = bind_args(vm, func, code, args, &mut frame.fast) {
        release_frame(vm, frame);
        return Err(e);
    }
    if c.flags.contains(CodeFlags::GENERATOR) {
        return Ok(generator::new_generator(vm, Box::new(frame), func));
    }
    let r = run_frame(vm, &mut frame);
    if let Err(e) = &r {
        interp::stash_locals(e, &frame.code, &mut frame.fast);
    }
    release_frame(vm, frame);
    r
}

/// A frame for `code` at its first instruction, with storage from the
/// per-thread pool (returned by [`release_frame`]).
pub(crate) fn new_frame(
    vm: &Vm,
    code: &PyRef,
    func: Option<PyRef>,
    globals: &PyRef,
    builtins: &PyRef,
    locals: Option<PyRef>,
) -> Frame {
    let c = code.downcast::<CodeObj>().expect("frame of a code object");
    let n = c.code.localsplusnames.len();
    let mut arena = vm.frame_arena.borrow_mut();
    let fast = arena.take(n, n);
    let stack = arena.take(0, c.code.stacksize as usize + 1);
    Frame {
        code: code.clone(),
        func,
        globals: globals.clone(),
        builtins: builtins.clone(),
        locals,
        fast,
        stack,
        ip: 0,
        lasti: 0,
        kwnames: None,
    }
}

/// Return a finished frame's storage to the pool (locals released last-to-first? CPython
/// releases them first-to-last when a frame is cleared).
pub(crate) fn release_frame(vm: &Vm, mut frame: Frame) {
    let mut fast = std::mem::take(&mut frame.fast);
    let mut stack = std::mem::take(&mut frame.stack);
    for v in fast.drain(..) {
        drop(v);
    }
    stack.clear();
    let mut a = vm.frame_arena.borrow_mut();
    a.give(fast);
    a.give(stack);
}

fn bind_args(vm: &Vm, func: &FunctionObj, code: &CodeObj, args: FuncArgs<'_>, fast: &mut [Option<PyRef>]) -> PyResult<()> {
    let c = &code.code;
    let argcount = c.argcount as usize;
    let kwonly = c.kwonlyargcount as usize;
    let posonly = c.posonlyargcount as usize;
    let varargs = c.flags.contains(CodeFlags::VARARGS);
    let varkw = c.flags.contains(CodeFlags::VARKEYWORDS);
    let pos = args.positional();
    // The common case: exactly the positional parameters, nothing else.
    if args.kwnames.is_empty() && pos.len() == argcount && kwonly == 0 && !varargs && !varkw {
        for (slot, v) in fast.iter_mut().zip(pos) {
            *slot = Some(v.clone());
        }
        return Ok(());
    }
    let name = || cell_get_str(vm, &func.qualname);
    // Positional arguments.
    let n = pos.len().min(argcount);
    for (slot, v) in fast.iter_mut().zip(&pos[..n]) {
        *slot = Some(v.clone());
    }
    let mut idx = argcount + kwonly;
    if varargs {
        let extra = if pos.len() > argcount { pos[argcount..].to_vec() } else { Vec::new() };
        fast[idx] = Some(vm.new_tuple(extra));
        idx += 1;
    } else if pos.len() > argcount {
        let ndefaults = cell_get(&func.defaults).map_or(0, |d| vm.len(&d).unwrap_or(0));
        let given = pos.len();
        let nkw = args.kwnames.len();
        let takes = if ndefaults > 0 {
            format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let kwpart = if nkw > 0 {
            format!(" positional argument{} (and {} keyword-only argument{})", if given == 1 { "" } else { "s" }, nkw, if nkw == 1 { "" } else { "s" })
        } else {
            String::new()
        };
        let was = if kwpart.is_empty() { if given == 1 { "was" } else { "were" } } else { "were" };
        return Err(vm.type_error(format!("{}() takes {} but {}{} {} given", name(), takes, given, kwpart, was)));
    }
    let kwdict = if varkw {
        let d = vm.new_dict();
        fast[idx] = Some(d.clone());
        Some(d)
    } else {
        None
    };
    // Keyword arguments.
    let mut posonly_as_kw = Vec::new();
    for (k, v) in args.keywords() {
        let mut found = None;
        for (i, pname) in code.localsplusnames[..argcount + kwonly].iter().enumerate() {
            if pname.is(k) || vm.fast_eq(pname, k) == Some(true) {
                found = Some(i);
                break;
            }
        }
        match found {
            Some(i) if i >= posonly => {
                if fast[i].is_some() {
                    return Err(vm.type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        name(),
                        vm.str_of(k).unwrap_or("?")
                    )));
                }
                fast[i] = Some(v.clone());
            }
            other => match &kwdict {
                Some(d) => {
                    d.downcast::<DictObj>().expect("dict").set_item(vm, k.clone(), v.clone())?;
                }
                None => {
                    if other.is_some() {
                        posonly_as_kw.push(vm.str_of(k).unwrap_or("?").to_string());
                        continue;
                    }
                    return Err(vm.type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        name(),
                        vm.str_of(k).unwrap_or("?")
                    )));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(vm.type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            name(),
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults for missing positional arguments.
    if pos.len() < argcount {
        let defaults = cell_get(&func.defaults).map(|d| vm.collect(&d)).transpose()?.unwrap_or_default();
        let first_default = argcount - defaults.len();
        let mut missing = Vec::new();
        for i in pos.len()..argcount {
            if fast[i].is_none() {
                if i >= first_default {
                    fast[i] = Some(defaults[i - first_default].clone());
                } else {
                    missing.push(format!("'{}'", vm.str_of(&code.localsplusnames[i]).unwrap_or("?")));
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                name(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
    }
    if kwonly > 0 {
        let kwdefaults = cell_get(&func.kwdefaults);
        let mut missing = Vec::new();
        for (slot, pname) in fast[argcount..argcount + kwonly].iter_mut().zip(&code.localsplusnames[argcount..]) {
            if slot.is_none() {
                let d = kwdefaults.as_ref().and_then(|d| d.downcast::<DictObj>()).and_then(|d| d.get_item(vm, pname).ok().flatten());
                match d {
                    Some(v) => *slot = Some(v),
                    None => missing.push(format!("'{}'", vm.str_of(pname).unwrap_or("?"))),
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                name(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
    }
    Ok(())
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

fn cell_get_str(vm: &Vm, c: &UnsafeCell<PyRef>) -> String {
    // SAFETY: short borrow, cloning only increments.
    let s = unsafe { (*c.get()).clone() };
    vm.str_of(&s).unwrap_or("?").to_string()
}

impl Vm {
    /// The globals of the innermost executing frame.
    pub fn current_globals(&self) -> Option<PyRef> {
        self.frames.globals()
    }

    /// The locals of the innermost executing frame (a dict snapshot for functions).
    pub fn current_locals(&self) -> Option<PyRef> {
        let code_ref = self.frames.code()?;
        if let Some(l) = self.frames.locals() {
            return Some(l);
        }
        let d = self.new_dict();
        let code = code_ref.downcast::<CodeObj>()?;
        for (i, name) in code.localsplusnames.iter().enumerate() {
            let Some(v) = self.frames.fast(i) else { break };
            let v = match v {
                Some(v) => match v.downcast::<crate::types::cell::CellObj>() {
                    Some(c) => c.get(),
                    None => Some(v),
                },
                None => None,
            };
            if let Some(v) = v {
                let _ = d.downcast::<DictObj>().expect("dict").set_item(self, name.clone(), v);
            }
        }
        Some(d)
    }

    /// The first argument and `__class__` cell of the innermost frame (zero-argument `super()`).
    pub fn current_super_args(&self) -> PyResult<(PyRef, PyRef)> {
        let err = || self.runtime_error("super(): no arguments");
        let code_ref = self.frames.code().ok_or_else(err)?;
        let code = code_ref.downcast::<CodeObj>().ok_or_else(err)?;
        if code.code.argcount == 0 {
            return Err(err());
        }
        let first = self.frames.fast(0).flatten().ok_or_else(err)?;
        let first = match first.downcast::<crate::types::cell::CellObj>() {
            Some(c) => c.get().ok_or_else(err)?,
            None => first,
        };
        for (i, n) in code.localsplusnames.iter().enumerate() {
            if self.str_of(n) == Some("__class__") {
                let cell = self.frames.fast(i).flatten().ok_or_else(|| self.runtime_error("super(): empty __class__ cell"))?;
                let cls = cell
                    .downcast::<crate::types::cell::CellObj>()
                    .and_then(|c| c.get())
                    .ok_or_else(|| self.runtime_error("super(): empty __class__ cell"))?;
                return Ok((cls, first));
            }
        }
        Err(self.runtime_error("super(): __class__ cell not found"))
    }
}
