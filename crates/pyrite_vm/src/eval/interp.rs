//! The bytecode eval loop: one `match` on the opcode per instruction, with
//! the exception table consulted only when something raises.

use pyrite_compiler::bytecode::{Opcode, CO_FAST_CELL};

use super::frame::Frame;
use crate::object::{alloc_object, PyRef};
use crate::ops::BinOp;
use crate::types::cell::CellObj;
use crate::types::code::CodeObj;
use crate::types::dict::DictObj;
use crate::types::exceptions::{ExceptionObj, TracebackObj};
use crate::types::function::{cell_get, cell_set, FunctionObj};
use crate::types::list::ListObj;
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{CmpOp, FuncArgs, Layout, TypeFlags};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::{PyErr, PyResult};

/// What running a frame produced.
pub enum Outcome {
    /// `RETURN_VALUE`.
    Return(PyRef),
    /// `YIELD_VALUE` (generators): the frame can be resumed.
    Yield(PyRef),
}

/// Run a (non-generator) frame to completion.
pub fn run_frame(vm: &Vm, frame: &mut Frame) -> PyResult {
    match execute(vm, frame, None)? {
        Outcome::Return(v) | Outcome::Yield(v) => Ok(v),
    }
}

/// The `__traceback__` of an exception.
pub fn exc_traceback(e: &PyRef) -> Option<PyRef> {
    e.downcast::<ExceptionObj>().and_then(|x| cell_get(&x.traceback))
}

/// Set `e.__context__ = ctx`. If `e` is already in `ctx`'s context chain,
/// the chain is cut just before it (no new loop); a loop the chain already
/// has is left alone, found with Floyd's tortoise and hare, as CPython does.
pub fn exc_set_context(vm: &Vm, e: &PyRef, ctx: PyRef) {
    if e.is(&ctx) {
        return;
    }
    let context_of = |x: &PyRef| x.downcast::<ExceptionObj>().and_then(|x| cell_get(&x.context));
    let mut cur = ctx.clone();
    let mut slow = ctx.clone();
    let mut move_slow = false;
    while let Some(next) = context_of(&cur) {
        if next.is(e) {
            if let Some(x) = cur.downcast::<ExceptionObj>() {
                cell_set(&x.context, None);
            }
            break;
        }
        cur = next;
        if cur.is(&slow) {
            break;
        }
        if move_slow {
            slow = context_of(&slow).unwrap_or_else(|| slow.clone());
        }
        move_slow = !move_slow;
    }
    let _ = vm;
    if let Some(x) = e.downcast::<ExceptionObj>() {
        cell_set(&x.context, Some(ctx));
    }
}

fn add_traceback(vm: &Vm, e: &PyRef, frame: &Frame) {
    let Some(x) = e.downcast::<ExceptionObj>() else { return };
    let code = frame_code(&frame.code);
    let lineno = code.code.locations.get(frame.lasti).map_or(0, |l| l.line);
    let next = cell_get(&x.traceback);
    let tb = alloc_object(&vm.types.traceback, |ob| TracebackObj {
        ob,
        next: std::cell::UnsafeCell::new(next),
        code: frame.code.clone(),
        lasti: frame.lasti as u32,
        lineno,
        frame_locals: std::cell::UnsafeCell::new(Vec::new()),
    });
    cell_set(&x.traceback, Some(tb));
}

/// Normalise what `raise X` was given into an exception instance.
pub(crate) fn make_exception(vm: &Vm, v: PyRef) -> PyErr {
    if v.ty().has_flag(TypeFlags::EXC_SUBCLASS) {
        return PyErr(v);
    }
    if let Some(t) = TypeRef::new(v.clone()) {
        if t.has_flag(TypeFlags::EXC_SUBCLASS) {
            return instantiate_exception(vm, &v, &[]);
        }
    }
    vm.type_error("exceptions must derive from BaseException")
}

/// Call the exception class `cls` with `args`: the instance, or the error
/// that calling it raised or that it did not return an exception.
pub(crate) fn instantiate_exception(vm: &Vm, cls: &PyRef, args: &[PyRef]) -> PyErr {
    match vm.call_pos(cls, args) {
        Ok(e) if e.ty().has_flag(TypeFlags::EXC_SUBCLASS) => PyErr(e),
        Ok(e) => vm.type_error(format!(
            "calling {} should have returned an instance of BaseException, not {}",
            vm.repr_string(cls).unwrap_or_default(),
            e.ty().name()
        )),
        Err(e) => e,
    }
}

/// `isinstance(exc, t)` for `except t:` (t a class or tuple of classes).
fn exception_matches(vm: &Vm, exc: &PyRef, t: &PyRef) -> PyResult<bool> {
    if let Some(tup) = t.downcast::<TupleObj>() {
        for x in tup.items() {
            if exception_matches(vm, exc, x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    match TypeRef::new(t.clone()) {
        Some(tt) if tt.has_flag(TypeFlags::EXC_SUBCLASS) => Ok(exc.ty().is_subtype(&tt)),
        _ => Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed")),
    }
}

struct RecursionGuard<'a>(&'a Vm);
impl Drop for RecursionGuard<'_> {
    fn drop(&mut self) {
        self.0.leave_recursion();
    }
}

/// The code object a frame runs.
fn frame_code(code: &PyRef) -> &CodeObj {
    code.downcast::<CodeObj>().expect("frame of a code object")
}

/// Execute `frame` from its current instruction. `send` is the value sent
/// into a resumed generator (pushed as the result of its `YIELD_VALUE`).
pub fn execute(vm: &Vm, frame: &mut Frame, send: Option<PyRef>) -> PyResult<Outcome> {
    vm.check_recursion()?;
    let _depth = RecursionGuard(vm);
    let code_ref = frame.code.clone();
    let code = frame_code(&code_ref);
    // SAFETY: the body is the eval loop (`step`, `unwind` and their
    // helpers), which changes a frame only through its value stack,
    // instruction pointers, `kwnames` and the elements of `fast`, and writes
    // a `fast` slot by moving the old value out (`replace`/`take`, or a slot
    // known empty) and dropping it afterwards: see `FrameStack::run`.
    unsafe {
        vm.frames.run(frame, |frame| {
            if let Some(v) = send {
                frame.stack.push(Some(v));
            }
            let mut pending: Option<(PyErr, bool)> = None;
            loop {
                if let Some((err, add_tb)) = pending.take() {
                    match unwind(vm, frame, code, err, add_tb) {
                        Ok(()) => {}
                        Err(e) => return Err(e),
                    }
                }
                match step(vm, frame, code) {
                    Ok(Some(out)) => return Ok(out),
                    Ok(None) => {}
                    Err((e, add_tb)) => pending = Some((e, add_tb)),
                }
            }
        })
    }
}

/// Route a raised exception to the innermost handler of this frame, or
/// return it to the caller.
fn unwind(vm: &Vm, frame: &mut Frame, code: &CodeObj, err: PyErr, add_tb: bool) -> Result<(), PyErr> {
    if add_tb {
        if let Some(h) = vm.handled.borrow().clone() {
            if let Some(x) = err.0.downcast::<ExceptionObj>() {
                if cell_get(&x.context).is_none() {
                    exc_set_context(vm, &err.0, h);
                }
            }
        }
        add_traceback(vm, &err.0, frame);
    }
    // The handler is found from the instruction being executed, not from
    // `lasti`, which RERAISE may have restored to the original raise site
    // (that one only matters for tracebacks and the pushed lasti).
    let at = frame.ip.saturating_sub(1) as u32;
    let entry = code.code.exception_table.iter().find(|e| e.start <= at && at < e.end);
    let Some(e) = entry else { return Err(err) };
    frame.stack.truncate(e.depth as usize);
    if e.lasti {
        frame.stack.push(Some(vm.new_int(frame.lasti as i64)));
    }
    frame.stack.push(Some(err.0));
    frame.ip = e.target as usize;
    Ok(())
}

type StepResult = Result<Option<Outcome>, (PyErr, bool)>;

macro_rules! pop {
    ($f:expr) => {
        match $f.stack.pop() {
            Some(Some(v)) => v,
            _ => unreachable!("stack underflow or NULL where a value was expected"),
        }
    };
}
macro_rules! top {
    ($f:expr) => {
        match $f.stack.last() {
            Some(Some(v)) => v,
            _ => unreachable!("empty stack"),
        }
    };
}

/// Run instructions until one returns, yields or raises.
#[inline(never)]
fn step(vm: &Vm, f: &mut Frame, code: &CodeObj) -> StepResult {
    let instrs = &code.code.instructions;
    let mut ext: u32 = 0;
    macro_rules! tri {
        ($e:expr) => {
            match $e {
                Ok(v) => v,
                Err(e) => return Err((e, true)),
            }
        };
    }
    loop {
        let ins = instrs[f.ip];
        f.lasti = f.ip;
        f.ip += 1;
        let arg = ext | ins.arg as u32;
        ext = 0;
        match ins.op {
            Opcode::NOP | Opcode::RESUME => {
                vm.run_pending_gc();
                if vm.interrupted() {
                    return Err((vm.new_exception(&vm.exc.keyboard_interrupt, vec![]), true));
                }
            }
            Opcode::EXTENDED_ARG => {
                ext = arg << 8;
            }
            Opcode::POP_TOP => {
                f.stack.pop();
            }
            Opcode::PUSH_NULL => f.stack.push(None),
            Opcode::COPY_FREE_VARS => {
                let func = f.func.as_ref().and_then(|x| x.downcast::<FunctionObj>());
                if let Some(cl) = func.and_then(|x| x.closure.as_ref()).and_then(|c| c.downcast::<TupleObj>()) {
                    let n = arg as usize;
                    let start = f.fast.len() - n;
                    for (i, c) in cl.items().iter().enumerate().take(n) {
                        let old = f.fast[start + i].replace(c.clone());
                        drop(old);
                    }
                }
            }
            Opcode::MAKE_CELL => {
                let i = arg as usize;
                let v = f.fast[i].take();
                f.fast[i] = Some(alloc_object(&vm.types.cell, |ob| CellObj { ob, value: std::cell::UnsafeCell::new(v) }));
            }
            Opcode::UNARY_POSITIVE => {
                let v = pop!(f);
                f.stack.push(Some(tri!(vm.pos(&v))));
            }
            Opcode::UNARY_NEGATIVE => {
                let v = pop!(f);
                f.stack.push(Some(tri!(vm.neg(&v))));
            }
            Opcode::UNARY_NOT => {
                let v = pop!(f);
                let b = tri!(vm.truthy(&v));
                f.stack.push(Some(vm.new_bool(!b)));
            }
            Opcode::UNARY_INVERT => {
                let v = pop!(f);
                f.stack.push(Some(tri!(vm.invert(&v))));
            }
            Opcode::BINARY_OP => {
                let b = pop!(f);
                let a = pop!(f);
                if let Some(r) = small_int_binop(vm, &a, &b, arg).or_else(|| float_binop(vm, &a, &b, arg)) {
                    f.stack.push(Some(r));
                    continue;
                }
                let (op, inplace) = BinOp::from_arg(arg);
                let r = if inplace { vm.inplace_op(&a, &b, op) } else { vm.binary_op(&a, &b, op) };
                f.stack.push(Some(tri!(r)));
            }
            Opcode::BINARY_SUBSCR => {
                let k = pop!(f);
                let c = pop!(f);
                f.stack.push(Some(tri!(vm.get_item(&c, &k))));
            }
            Opcode::STORE_SUBSCR => {
                let k = pop!(f);
                let c = pop!(f);
                let v = pop!(f);
                tri!(vm.set_item(&c, &k, v));
            }
            Opcode::DELETE_SUBSCR => {
                let k = pop!(f);
                let c = pop!(f);
                tri!(vm.del_item(&c, &k));
            }
            Opcode::COMPARE_OP => {
                let b = pop!(f);
                let a = pop!(f);
                if let (Some(x), Some(y)) = (exact_small_int(vm, &a), exact_small_int(vm, &b)) {
                    let r = match CmpOp::from_arg(arg) {
                        CmpOp::Lt => x < y,
                        CmpOp::Le => x <= y,
                        CmpOp::Eq => x == y,
                        CmpOp::Ne => x != y,
                        CmpOp::Gt => x > y,
                        CmpOp::Ge => x >= y,
                    };
                    f.stack.push(Some(vm.new_bool(r)));
                    continue;
                }
                let r = tri!(vm.rich_compare(&a, &b, CmpOp::from_arg(arg)));
                f.stack.push(Some(r));
            }
            Opcode::IS_OP => {
                let b = pop!(f);
                let a = pop!(f);
                f.stack.push(Some(vm.new_bool(a.is(&b) != (arg == 1))));
            }
            Opcode::CONTAINS_OP => {
                let b = pop!(f);
                let a = pop!(f);
                let r = tri!(vm.contains(&b, &a));
                f.stack.push(Some(vm.new_bool(r != (arg == 1))));
            }
            Opcode::LOAD_CONST => f.stack.push(Some(code.consts[arg as usize].clone())),
            Opcode::LOAD_NAME => {
                let name = &code.names[arg as usize];
                let v = tri!(load_name(vm, f, name));
                f.stack.push(Some(v));
            }
            Opcode::STORE_NAME => {
                let v = pop!(f);
                let name = code.names[arg as usize].clone();
                let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                tri!(store_mapping(vm, &locals, name, v));
            }
            Opcode::DELETE_NAME => {
                let name = &code.names[arg as usize];
                let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                let r = tri!(delete_mapping(vm, &locals, name));
                if !r {
                    return Err((crate::types::exceptions::name_error_for(vm, name), true));
                }
            }
            Opcode::LOAD_GLOBAL => {
                let name = &code.names[(arg >> 1) as usize];
                let v = match code.caches.load_global(f.lasti, &f.globals, &f.builtins, name) {
                    Some(v) => v,
                    None => {
                        let v = tri!(load_global(vm, f, name));
                        code.caches.learn_global(vm, f.lasti, &f.globals, &f.builtins, name);
                        v
                    }
                };
                if arg & 1 != 0 {
                    f.stack.push(None);
                }
                f.stack.push(Some(v));
            }
            Opcode::STORE_GLOBAL => {
                let v = pop!(f);
                let name = code.names[arg as usize].clone();
                tri!(store_mapping(vm, &f.globals.clone(), name, v));
            }
            Opcode::DELETE_GLOBAL => {
                let name = &code.names[arg as usize];
                if !tri!(delete_mapping(vm, &f.globals.clone(), name)) {
                    return Err((crate::types::exceptions::name_error_for(vm, name), true));
                }
            }
            Opcode::LOAD_FAST => match &f.fast[arg as usize] {
                Some(v) => {
                    let v = v.clone();
                    f.stack.push(Some(v));
                }
                None => return Err((unbound_local(vm, code, arg), true)),
            },
            Opcode::STORE_FAST => {
                let v = pop!(f);
                let old = f.fast[arg as usize].replace(v);
                drop(old);
            }
            Opcode::DELETE_FAST => {
                let old = f.fast[arg as usize].take();
                if old.is_none() {
                    return Err((unbound_local(vm, code, arg), true));
                }
                drop(old);
            }
            Opcode::LOAD_CLOSURE => {
                let c = f.fast[arg as usize].clone();
                f.stack.push(c);
            }
            Opcode::LOAD_DEREF => {
                let v = f.fast[arg as usize].as_ref().and_then(|c| c.downcast::<CellObj>()).and_then(CellObj::get);
                match v {
                    Some(v) => f.stack.push(Some(v)),
                    None => return Err((unbound_deref(vm, code, arg), true)),
                }
            }
            Opcode::LOAD_CLASSDEREF => {
                let name = &code.localsplusnames[arg as usize];
                let from_locals = match &f.locals {
                    Some(l) => tri!(mapping_get(vm, l, name)),
                    None => None,
                };
                let v = from_locals.or_else(|| f.fast[arg as usize].as_ref().and_then(|c| c.downcast::<CellObj>()).and_then(CellObj::get));
                match v {
                    Some(v) => f.stack.push(Some(v)),
                    None => return Err((unbound_deref(vm, code, arg), true)),
                }
            }
            Opcode::STORE_DEREF => {
                let v = pop!(f);
                if let Some(c) = f.fast[arg as usize].as_ref().and_then(|c| c.downcast::<CellObj>()) {
                    c.set(Some(v));
                }
            }
            Opcode::DELETE_DEREF => {
                if let Some(c) = f.fast[arg as usize].as_ref().and_then(|c| c.downcast::<CellObj>()) {
                    if c.get().is_none() {
                        return Err((unbound_deref(vm, code, arg), true));
                    }
                    c.set(None);
                }
            }
            Opcode::LOAD_ATTR => {
                let o = pop!(f);
                if let Some(v) = code.caches.load_attr(vm, f.lasti, &o) {
                    f.stack.push(Some(v));
                    continue;
                }
                let name = &code.names[arg as usize];
                let v = tri!(vm.get_attr(&o, name));
                code.caches.learn_load_attr(vm, f.lasti, &o, name);
                f.stack.push(Some(v));
            }
            Opcode::STORE_ATTR => {
                let o = pop!(f);
                let v = pop!(f);
                if let Err(v) = code.caches.store_attr(vm, f.lasti, &o, v) {
                    let name = &code.names[arg as usize];
                    tri!(vm.set_attr(&o, name, Some(v)));
                    code.caches.learn_store_attr(vm, f.lasti, &o, name);
                }
            }
            Opcode::DELETE_ATTR => {
                let o = pop!(f);
                tri!(vm.set_attr(&o, &code.names[arg as usize], None));
            }
            Opcode::LOAD_METHOD => {
                let o = pop!(f);
                if let Some(m) = code.caches.load_method(vm, f.lasti, &o) {
                    f.stack.push(Some(m));
                    f.stack.push(Some(o));
                    continue;
                }
                let name = &code.names[arg as usize];
                let found = load_method(vm, &o, name);
                if let Ok(m) = &found {
                    code.caches.learn_load_method(vm, f.lasti, &o, name, m.as_ref());
                }
                match found {
                    Ok(Some(m)) => {
                        f.stack.push(Some(m));
                        f.stack.push(Some(o));
                    }
                    Ok(None) => {
                        let v = tri!(vm.get_attr(&o, name));
                        f.stack.push(None);
                        f.stack.push(Some(v));
                    }
                    Err(e) => return Err((e, true)),
                }
            }
            Opcode::KW_NAMES => {
                f.kwnames = Some(code.consts[arg as usize].clone());
            }
            Opcode::CALL => {
                let n = arg as usize;
                let kwnames = f.kwnames.take();
                let base = f.stack.len() - n - 2;
                // The arguments stay on this frame's stack during the call
                // (as in CPython): no copies, no reference-count traffic.
                let r = {
                    let kw: &[PyRef] = match &kwnames {
                        Some(k) => k.downcast::<TupleObj>().map(|t| t.items()).unwrap_or(&[]),
                        None => &[],
                    };
                    let slots = &f.stack[base..];
                    match &slots[0] {
                        None => {
                            let callable = slots[1].as_ref().expect("callable");
                            vm.call(callable, FuncArgs { args: values(&slots[2..]), kwnames: kw })
                        }
                        Some(m) => vm.call(m, FuncArgs { args: values(&slots[1..]), kwnames: kw }),
                    }
                };
                let r = tri!(r);
                f.stack.truncate(base);
                f.stack.push(Some(r));
            }
            Opcode::CALL_FUNCTION_EX => {
                let kwargs = if arg & 1 != 0 { Some(pop!(f)) } else { None };
                let args = pop!(f);
                let callable = pop!(f);
                f.stack.pop();
                let r = call_ex(vm, &callable, &args, kwargs.as_ref());
                f.stack.push(Some(tri!(r)));
            }
            Opcode::MAKE_FUNCTION => {
                let codeobj = pop!(f);
                let closure = if arg & 8 != 0 { Some(pop!(f)) } else { None };
                let annotations = if arg & 4 != 0 { Some(pop!(f)) } else { None };
                let kwdefaults = if arg & 2 != 0 { Some(pop!(f)) } else { None };
                let defaults = if arg & 1 != 0 { Some(pop!(f)) } else { None };
                let func = make_function(vm, f, codeobj, defaults, kwdefaults, annotations, closure);
                f.stack.push(Some(func));
            }
            Opcode::LOAD_BUILD_CLASS => {
                let bc = tri!(mapping_get(vm, &f.builtins, &vm.intern("__build_class__")));
                match bc {
                    Some(v) => f.stack.push(Some(v)),
                    None => return Err((vm.name_error("__build_class__ not found"), true)),
                }
            }
            Opcode::BUILD_TUPLE => {
                let items = pop_n(f, arg as usize);
                f.stack.push(Some(vm.new_tuple(items)));
            }
            Opcode::BUILD_LIST => {
                let items = pop_n(f, arg as usize);
                f.stack.push(Some(vm.new_list(items)));
            }
            Opcode::BUILD_SET => {
                let items = pop_n(f, arg as usize);
                let s = tri!(vm.call_pos(vm.types.set.as_ref(), &[]));
                for x in items {
                    tri!(vm.call_method(&s, "add", &[x]));
                }
                f.stack.push(Some(s));
            }
            Opcode::BUILD_MAP => {
                let items = pop_n(f, 2 * arg as usize);
                let d = vm.new_dict();
                let dd = d.downcast::<DictObj>().expect("dict");
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    tri!(dd.set_item(vm, k, v));
                }
                f.stack.push(Some(d));
            }
            Opcode::BUILD_CONST_KEY_MAP => {
                let keys = pop!(f);
                let vals = pop_n(f, arg as usize);
                let d = vm.new_dict();
                let dd = d.downcast::<DictObj>().expect("dict");
                if let Some(k) = keys.downcast::<TupleObj>() {
                    for (k, v) in k.items().iter().zip(vals) {
                        tri!(dd.set_item(vm, k.clone(), v));
                    }
                }
                f.stack.push(Some(d));
            }
            Opcode::BUILD_SLICE => {
                let step = if arg == 3 { pop!(f) } else { vm.none() };
                let stop = pop!(f);
                let start = pop!(f);
                let s = alloc_object(&vm.types.slice, |ob| crate::types::slice::SliceObj { ob, start, stop, step });
                f.stack.push(Some(s));
            }
            Opcode::BUILD_STRING => {
                let items = pop_n(f, arg as usize);
                let mut s = String::new();
                for x in &items {
                    s.push_str(vm.str_of(x).unwrap_or(""));
                }
                f.stack.push(Some(vm.new_string(s)));
            }
            Opcode::LIST_TO_TUPLE => {
                let l = pop!(f);
                let items = l.downcast::<ListObj>().map(ListObj::to_vec).unwrap_or_default();
                f.stack.push(Some(vm.new_tuple(items)));
            }
            Opcode::LIST_APPEND => {
                let v = pop!(f);
                let l = peek(f, arg);
                if let Some(l) = l.downcast::<ListObj>() {
                    l.push(v);
                }
            }
            Opcode::SET_ADD => {
                let v = pop!(f);
                let s = peek(f, arg);
                tri!(vm.call_method(&s, "add", &[v]));
            }
            Opcode::MAP_ADD => {
                let v = pop!(f);
                let k = pop!(f);
                let d = peek(f, arg);
                tri!(vm.set_item(&d, &k, v));
            }
            Opcode::LIST_EXTEND => {
                let it = pop!(f);
                let l = peek(f, arg);
                let items = match vm.collect(&it) {
                    Ok(v) => v,
                    Err(e) => {
                        if vm.is_instance(&e.0, &vm.exc.type_error) && it.ty().slots().iter.is_none() && it.ty().slots().getitem.is_none() {
                            return Err((vm.type_error(format!("Value after * must be an iterable, not {}", it.ty().name())), true));
                        }
                        return Err((e, true));
                    }
                };
                if let Some(l) = l.downcast::<ListObj>() {
                    for x in items {
                        l.push(x);
                    }
                }
            }
            Opcode::SET_UPDATE => {
                let it = pop!(f);
                let s = peek(f, arg);
                tri!(vm.call_method(&s, "update", &[it]));
            }
            Opcode::DICT_UPDATE => {
                let m = pop!(f);
                let d = peek(f, arg);
                tri!(dict_merge(vm, &d, &m, None));
            }
            Opcode::DICT_MERGE => {
                let m = pop!(f);
                let d = peek(f, arg);
                let func = peek(f, arg + 2);
                tri!(dict_merge(vm, &d, &m, Some(&func)));
            }
            Opcode::FORMAT_VALUE => {
                let spec = if arg & 4 != 0 { Some(pop!(f)) } else { None };
                let v = pop!(f);
                let v = match arg & 3 {
                    1 => tri!(vm.str(&v)),
                    2 => tri!(vm.repr(&v)),
                    3 => tri!(vm.call_pos(&tri!(load_global(vm, f, &vm.intern("ascii"))), &[v])),
                    _ => v,
                };
                let r = if spec.is_none() && std::ptr::eq(v.ty(), &*vm.types.str) {
                    v
                } else {
                    let spec = spec.unwrap_or_else(|| vm.empty_str.clone());
                    tri!(vm.format(&v, &spec))
                };
                f.stack.push(Some(r));
            }
            Opcode::UNPACK_SEQUENCE => {
                let seq = pop!(f);
                let items = tri!(unpack(vm, &seq, arg as usize));
                for x in items.into_iter().rev() {
                    f.stack.push(Some(x));
                }
            }
            Opcode::UNPACK_EX => {
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                let seq = pop!(f);
                let items = tri!(vm.collect(&seq).map_err(|e| if vm.is_instance(&e.0, &vm.exc.type_error) {
                    vm.type_error(format!("cannot unpack non-iterable {} object", seq.ty().name()))
                } else {
                    e
                }));
                if items.len() < before + after {
                    return Err((vm.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )), true));
                }
                let n = items.len();
                let mut it = items.into_iter();
                let head: Vec<PyRef> = it.by_ref().take(before).collect();
                let mid: Vec<PyRef> = it.by_ref().take(n - before - after).collect();
                let tail: Vec<PyRef> = it.collect();
                for x in tail.into_iter().rev() {
                    f.stack.push(Some(x));
                }
                f.stack.push(Some(vm.new_list(mid)));
                for x in head.into_iter().rev() {
                    f.stack.push(Some(x));
                }
            }
            Opcode::SWAP => {
                let n = f.stack.len();
                f.stack.swap(n - 1, n - arg as usize);
            }
            Opcode::COPY => {
                let v = f.stack[f.stack.len() - arg as usize].clone();
                f.stack.push(v);
            }
            Opcode::GET_ITER => {
                let v = pop!(f);
                f.stack.push(Some(tri!(vm.iter(&v))));
            }
            Opcode::FOR_ITER => {
                let next = match top!(f).downcast::<crate::types::iter::RangeIterObj>() {
                    Some(r) => r.next_value().map(|v| vm.new_int(v)),
                    None => {
                        let it = top!(f).clone();
                        tri!(vm.next(&it))
                    }
                };
                match next {
                    Some(v) => f.stack.push(Some(v)),
                    None => {
                        f.stack.pop();
                        f.ip += arg as usize;
                    }
                }
            }
            Opcode::JUMP_FORWARD => f.ip += arg as usize,
            Opcode::JUMP_BACKWARD => {
                f.ip -= arg as usize;
                vm.run_pending_gc();
                if vm.interrupted() {
                    return Err((vm.new_exception(&vm.exc.keyboard_interrupt, vec![]), true));
                }
            }
            Opcode::JUMP_BACKWARD_NO_INTERRUPT => f.ip -= arg as usize,
            Opcode::POP_JUMP_FORWARD_IF_FALSE | Opcode::POP_JUMP_BACKWARD_IF_FALSE | Opcode::POP_JUMP_FORWARD_IF_TRUE | Opcode::POP_JUMP_BACKWARD_IF_TRUE => {
                let v = pop!(f);
                let t = tri!(vm.truthy(&v));
                let want = matches!(ins.op, Opcode::POP_JUMP_FORWARD_IF_TRUE | Opcode::POP_JUMP_BACKWARD_IF_TRUE);
                if t == want {
                    jump(f, ins.op, arg);
                }
            }
            Opcode::POP_JUMP_FORWARD_IF_NONE | Opcode::POP_JUMP_BACKWARD_IF_NONE | Opcode::POP_JUMP_FORWARD_IF_NOT_NONE | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                let v = pop!(f);
                let want_none = matches!(ins.op, Opcode::POP_JUMP_FORWARD_IF_NONE | Opcode::POP_JUMP_BACKWARD_IF_NONE);
                if vm.is_none(&v) == want_none {
                    jump(f, ins.op, arg);
                }
            }
            Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                let t = tri!(vm.truthy(top!(f)));
                if t == (ins.op == Opcode::JUMP_IF_TRUE_OR_POP) {
                    f.ip += arg as usize;
                } else {
                    f.stack.pop();
                }
            }
            Opcode::RETURN_VALUE => {
                let v = pop!(f);
                return Ok(Some(Outcome::Return(v)));
            }
            Opcode::YIELD_VALUE => {
                let v = pop!(f);
                return Ok(Some(Outcome::Yield(v)));
            }
            Opcode::GET_YIELD_FROM_ITER => {
                let v = pop!(f);
                if v.ty().layout == Layout::Generator {
                    f.stack.push(Some(v));
                } else {
                    f.stack.push(Some(tri!(vm.iter(&v))));
                }
            }
            Opcode::SEND => {
                let v = pop!(f);
                let recv = top!(f).clone();
                match super::generator::send_to(vm, &recv, v) {
                    Ok(super::generator::SendResult::Yielded(y)) => f.stack.push(Some(y)),
                    Ok(super::generator::SendResult::Returned(r)) => {
                        f.stack.pop();
                        f.stack.push(Some(r));
                        f.ip += arg as usize;
                    }
                    Err(e) => return Err((e, true)),
                }
            }
            Opcode::PUSH_EXC_INFO => {
                let exc = pop!(f);
                let prev = vm.handled.replace(Some(exc.clone()));
                f.stack.push(Some(prev.unwrap_or_else(|| vm.none())));
                f.stack.push(Some(exc));
            }
            Opcode::POP_EXCEPT => {
                let prev = pop!(f);
                let prev = if vm.is_none(&prev) { None } else { Some(prev) };
                let old = vm.handled.replace(prev);
                drop(old);
            }
            Opcode::RERAISE => {
                let exc = pop!(f);
                if arg != 0 {
                    let idx = f.stack.len() - arg as usize;
                    if let Some(Some(l)) = f.stack.get(idx) {
                        if let Some(l) = vm.small_int_of(l) {
                            f.lasti = l as usize;
                        }
                    }
                }
                return Err((PyErr(exc), false));
            }
            Opcode::CHECK_EXC_MATCH => {
                let t = pop!(f);
                let exc = top!(f).clone();
                let m = tri!(exception_matches(vm, &exc, &t));
                f.stack.push(Some(vm.new_bool(m)));
            }
            Opcode::RAISE_VARARGS => {
                let e = match arg {
                    0 => match vm.handled.borrow().clone() {
                        Some(h) => return Err((PyErr(h), true)),
                        None => vm.runtime_error("No active exception to reraise"),
                    },
                    1 => {
                        let v = pop!(f);
                        make_exception(vm, v)
                    }
                    _ => {
                        let cause = pop!(f);
                        let v = pop!(f);
                        let e = make_exception(vm, v);
                        match exception_cause(vm, cause) {
                            Ok(c) => {
                                if let Some(x) = e.0.downcast::<ExceptionObj>() {
                                    cell_set(&x.cause, c);
                                    x.suppress_context.set(true);
                                }
                                e
                            }
                            Err(err) => err,
                        }
                    }
                };
                return Err((e, true));
            }
            Opcode::LOAD_ASSERTION_ERROR => f.stack.push(Some(vm.exc.assertion_error.as_ref().clone())),
            Opcode::BEFORE_WITH => {
                let mgr = pop!(f);
                let enter = vm.lookup_special(&mgr, "__enter__");
                let exit = vm.lookup_special(&mgr, "__exit__");
                let (Some(enter), Some(exit)) = (enter, exit) else {
                    let missing = if vm.lookup_special(&mgr, "__enter__").is_none() { "" } else { " (missed __exit__ method)" };
                    return Err((vm.type_error(format!(
                        "'{}' object does not support the context manager protocol{}",
                        mgr.ty().name(),
                        missing
                    )), true));
                };
                let bound_exit = match exit.ty().slots().descr_get {
                    Some(g) => tri!(g(vm, &exit, Some(&mgr), &vm.type_of(&mgr).into_ref())),
                    None => exit,
                };
                let r = tri!(vm.call_unbound(&enter, &mgr, std::slice::from_ref(&mgr)));
                f.stack.push(Some(bound_exit));
                f.stack.push(Some(r));
            }
            Opcode::WITH_EXCEPT_START => {
                let n = f.stack.len();
                let exc = f.stack[n - 1].clone().expect("exc");
                let exit = f.stack[n - 4].clone().expect("exit");
                let tb = exc_traceback(&exc).unwrap_or_else(|| vm.none());
                let r = tri!(vm.call_pos(&exit, &[vm.type_of(&exc).into_ref(), exc, tb]));
                f.stack.push(Some(r));
            }
            Opcode::IMPORT_NAME => {
                let fromlist = pop!(f);
                let level = pop!(f);
                let name = code.names[arg as usize].clone();
                let m = tri!(crate::import::import_name(vm, &name, &f.globals.clone(), &fromlist, &level));
                f.stack.push(Some(m));
            }
            Opcode::IMPORT_FROM => {
                let m = top!(f).clone();
                let name = &code.names[arg as usize];
                let v = tri!(crate::import::import_from(vm, &m, name));
                f.stack.push(Some(v));
            }
            Opcode::IMPORT_STAR => {
                let m = pop!(f);
                let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                tri!(crate::import::import_star(vm, &m, &locals));
            }
            Opcode::SETUP_ANNOTATIONS => {
                let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                let key = vm.intern("__annotations__");
                if tri!(mapping_get(vm, &locals, &key)).is_none() {
                    tri!(store_mapping(vm, &locals, key, vm.new_dict()));
                }
            }
            Opcode::PRINT_EXPR => {
                let v = pop!(f);
                if !vm.is_none(&v) {
                    let s = tri!(vm.repr_string(&v));
                    println!("{}", s);
                }
            }
        }
    }
}

#[inline(always)]
fn jump(f: &mut Frame, op: Opcode, arg: u32) {
    match op {
        Opcode::POP_JUMP_BACKWARD_IF_FALSE | Opcode::POP_JUMP_BACKWARD_IF_TRUE | Opcode::POP_JUMP_BACKWARD_IF_NONE | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => {
            f.ip -= arg as usize
        }
        _ => f.ip += arg as usize,
    }
}

fn peek(f: &Frame, depth: u32) -> PyRef {
    f.stack[f.stack.len() - depth as usize].clone().expect("value")
}

fn pop_n(f: &mut Frame, n: usize) -> Vec<PyRef> {
    let at = f.stack.len() - n;
    f.stack.drain(at..).map(|x| x.expect("value")).collect()
}

fn unbound_local(vm: &Vm, code: &CodeObj, i: u32) -> PyErr {
    let name = vm.str_of(&code.localsplusnames[i as usize]).unwrap_or("?");
    vm.new_exception_msg(
        &vm.exc.unbound_local_error,
        &format!("cannot access local variable '{}' where it is not associated with a value", name),
    )
}

fn unbound_deref(vm: &Vm, code: &CodeObj, i: u32) -> PyErr {
    let name = vm.str_of(&code.localsplusnames[i as usize]).unwrap_or("?");
    if code.code.localspluskinds[i as usize] & CO_FAST_CELL != 0 && (i as usize) < code.code.nlocals as usize + code.code.ncellvars as usize {
        vm.new_exception_msg(
            &vm.exc.unbound_local_error,
            &format!("cannot access local variable '{}' where it is not associated with a value", name),
        )
    } else {
        vm.name_error(format!(
            "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
            name
        ))
    }
}

fn mapping_get(vm: &Vm, m: &PyRef, key: &PyRef) -> PyResult<Option<PyRef>> {
    if let Some(d) = m.downcast::<DictObj>() {
        if std::ptr::eq(m.ty(), &*vm.types.dict) {
            return d.get_item(vm, key);
        }
    }
    match vm.get_item(m, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.is_instance(&e.0, &vm.exc.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn store_mapping(vm: &Vm, m: &PyRef, key: PyRef, v: PyRef) -> PyResult<()> {
    if std::ptr::eq(m.ty(), &*vm.types.dict) {
        return m.downcast::<DictObj>().expect("dict").set_item(vm, key, v);
    }
    vm.set_item(m, &key, v)
}

fn delete_mapping(vm: &Vm, m: &PyRef, key: &PyRef) -> PyResult<bool> {
    if std::ptr::eq(m.ty(), &*vm.types.dict) {
        return Ok(m.downcast::<DictObj>().expect("dict").pop_item(vm, key)?.is_some());
    }
    match vm.del_item(m, key) {
        Ok(()) => Ok(true),
        Err(e) if vm.is_instance(&e.0, &vm.exc.key_error) => Ok(false),
        Err(e) => Err(e),
    }
}

fn load_name(vm: &Vm, f: &Frame, name: &PyRef) -> PyResult {
    if let Some(l) = &f.locals {
        if let Some(v) = mapping_get(vm, l, name)? {
            return Ok(v);
        }
    }
    load_global(vm, f, name)
}

fn load_global(vm: &Vm, f: &Frame, name: &PyRef) -> PyResult {
    let g = f.globals.downcast::<DictObj>().expect("globals dict");
    if let Some(v) = g.get_item(vm, name)? {
        return Ok(v);
    }
    if let Some(v) = mapping_get(vm, &f.builtins, name)? {
        return Ok(v);
    }
    Err(crate::types::exceptions::name_error_for(vm, name))
}

/// `LOAD_METHOD`: a plain function or method descriptor found on the type
/// (and not shadowed by the instance dict) is returned unbound.
fn load_method(vm: &Vm, o: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    let ty = o.ty();
    let s = ty.slots();
    let generic = s.getattro.is_none_or(|g| std::ptr::fn_addr_eq(g, crate::ops::generic_getattr as crate::types::typeobj::GetAttrFn));
    if !generic {
        return Ok(None);
    }
    let Some(attr) = vm.lookup_type(ty, name) else { return Ok(None) };
    let is_method = std::ptr::eq(attr.ty(), &*vm.types.function) || std::ptr::eq(attr.ty(), &*vm.types.method_descriptor);
    if !is_method {
        return Ok(None);
    }
    if crate::types::instance::get_attr_value(vm, o, name)?.is_some() {
        return Ok(None);
    }
    Ok(Some(attr))
}

fn call_ex(vm: &Vm, callable: &PyRef, args: &PyRef, kwargs: Option<&PyRef>) -> PyResult {
    let mut all = match args.downcast::<TupleObj>() {
        Some(t) => t.items().to_vec(),
        None => vm.collect(args)?,
    };
    let mut names = Vec::new();
    if let Some(kw) = kwargs {
        if let Some(d) = kw.downcast::<DictObj>() {
            for (k, v) in d.items() {
                names.push(k);
                all.push(v);
            }
        }
    }
    vm.call(callable, FuncArgs { args: &all, kwnames: &names })
}

/// `{**m}` (DICT_UPDATE, `func` None) or `f(**m)` (DICT_MERGE: duplicate
/// keys are an error naming the callable `func`).
fn dict_merge(vm: &Vm, d: &PyRef, m: &PyRef, func: Option<&PyRef>) -> PyResult<()> {
    let dd = d.downcast::<DictObj>().expect("dict");
    let not_mapping = || match func {
        Some(f) => vm.type_error(format!("{} argument after ** must be a mapping, not {}", function_str(vm, f), m.ty().name())),
        None => vm.type_error(format!("'{}' object is not a mapping", m.ty().name())),
    };
    let pairs: Vec<(PyRef, PyRef)> = match m.downcast::<DictObj>() {
        Some(md) => md.items(),
        None => {
            let keys = match vm.lookup_attr_str(m, "keys")? {
                Some(k) => vm.call0(&k)?,
                None => return Err(not_mapping()),
            };
            let mut v = Vec::new();
            for k in vm.collect(&keys)? {
                let val = vm.get_item(m, &k)?;
                v.push((k, val));
            }
            v
        }
    };
    for (k, v) in pairs {
        if let Some(f) = func {
            if vm.str_of(&k).is_none() {
                return Err(vm.type_error(format!("{} keywords must be strings", function_str(vm, f))));
            }
            if dd.get_item(vm, &k)?.is_some() {
                return Err(vm.type_error(format!(
                    "{} got multiple values for keyword argument '{}'",
                    function_str(vm, f),
                    vm.str_of(&k).unwrap_or("?")
                )));
            }
        }
        dd.set_item(vm, k, v)?;
    }
    Ok(())
}

/// How CPython names a callable in call errors: `module.qualname()`
/// (no module prefix for builtins), else `repr()` plus `()`-less fallbacks.
fn function_str(vm: &Vm, f: &PyRef) -> String {
    let qual = vm.lookup_attr_str(f, "__qualname__").ok().flatten().and_then(|q| vm.str_of(&q).map(str::to_string));
    let Some(qual) = qual else {
        return format!("{} object", vm.type_name(f));
    };
    let module = vm.lookup_attr_str(f, "__module__").ok().flatten().and_then(|m| vm.str_of(&m).map(str::to_string));
    match module {
        Some(m) if m != "builtins" => format!("{}.{}()", m, qual),
        _ => format!("{}()", qual),
    }
}

fn unpack(vm: &Vm, seq: &PyRef, n: usize) -> PyResult<Vec<PyRef>> {
    if let Some(t) = seq.downcast::<TupleObj>() {
        if t.items().len() == n {
            return Ok(t.items().to_vec());
        }
    }
    if seq.ty().slots().iter.is_none() && seq.ty().slots().getitem.is_none() {
        return Err(vm.type_error(format!("cannot unpack non-iterable {} object", seq.ty().name())));
    }
    let it = vm.iter(seq)?;
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        match vm.next(&it)? {
            Some(v) => out.push(v),
            None => {
                return Err(vm.value_error(format!(
                    "not enough values to unpack (expected {}, got {})",
                    n,
                    out.len()
                )))
            }
        }
    }
    if vm.next(&it)?.is_some() {
        return Err(vm.value_error(format!("too many values to unpack (expected {})", n)));
    }
    Ok(out)
}

fn make_function(
    vm: &Vm,
    f: &Frame,
    codeobj: PyRef,
    defaults: Option<PyRef>,
    kwdefaults: Option<PyRef>,
    annotations: Option<PyRef>,
    closure: Option<PyRef>,
) -> PyRef {
    let (name, qualname, doc) = match codeobj.downcast::<CodeObj>() {
        Some(c) => {
            // 3.11 puts the docstring (or None) first in a function's constants.
            let doc = c.consts.first().filter(|d| vm.str_of(d).is_some()).cloned();
            (c.name.clone(), c.qualname.clone(), doc)
        }
        None => (vm.intern("?"), vm.intern("?"), None),
    };
    let module = f.globals.downcast::<DictObj>().and_then(|g| g.get_str(vm, "__name__"));
    let ann = annotations.map(|a| {
        let d = vm.new_dict();
        if let Some(t) = a.downcast::<TupleObj>() {
            for pair in t.items().chunks(2) {
                if let [k, v] = pair {
                    let _ = d.downcast::<DictObj>().expect("dict").set_item(vm, k.clone(), v.clone());
                }
            }
        }
        d
    });
    alloc_object(&vm.types.function, |ob| FunctionObj {
        ob,
        code: codeobj,
        globals: f.globals.clone(),
        builtins: f.builtins.clone(),
        name: std::cell::UnsafeCell::new(name),
        qualname: std::cell::UnsafeCell::new(qualname),
        defaults: std::cell::UnsafeCell::new(defaults),
        kwdefaults: std::cell::UnsafeCell::new(kwdefaults),
        closure,
        doc: std::cell::UnsafeCell::new(doc),
        module: std::cell::UnsafeCell::new(module),
        dict: std::cell::UnsafeCell::new(None),
        annotations: std::cell::UnsafeCell::new(ann),
        weaklist: Default::default(),
    })
}

/// Resume a suspended frame by raising `e` at its current instruction.
pub fn execute_throw(vm: &Vm, frame: &mut Frame, e: PyErr) -> PyResult<Outcome> {
    vm.check_recursion()?;
    let depth = RecursionGuard(vm);
    let code_ref = frame.code.clone();
    let code = frame_code(&code_ref);
    // SAFETY: as in `execute`: `unwind` only changes the value stack and
    // instruction pointers.
    let r = unsafe {
        vm.frames.run(frame, |frame| {
            // The yield instruction is where the exception appears to come from.
            frame.lasti = frame.ip.saturating_sub(1);
            unwind(vm, frame, code, e, true)
        })
    };
    drop(depth);
    r?;
    execute(vm, frame, None)
}

/// The `__cause__` for `raise ... from cause`: None, an exception instance,
/// or an exception class (instantiated).
fn exception_cause(vm: &Vm, cause: PyRef) -> Result<Option<PyRef>, PyErr> {
    if vm.is_none(&cause) {
        return Ok(None);
    }
    if cause.ty().has_flag(TypeFlags::EXC_SUBCLASS) {
        return Ok(Some(cause));
    }
    if TypeRef::new(cause.clone()).is_some_and(|t| t.has_flag(TypeFlags::EXC_SUBCLASS)) {
        let c = vm.call0(&cause)?;
        if c.ty().has_flag(TypeFlags::EXC_SUBCLASS) {
            return Ok(Some(c));
        }
    }
    Err(vm.type_error("exception causes must derive from BaseException"))
}

/// Keep a failed frame's locals alive in its traceback entry (the newest
/// entry is this frame's), as CPython's frame objects do.
pub(crate) fn stash_locals(e: &PyErr, code: &PyRef, fast: &mut Vec<Option<PyRef>>) {
    let Some(tb) = exc_traceback(&e.0) else { return };
    let Some(t) = tb.downcast::<TracebackObj>() else { return };
    // The head of the chain is the outermost frame seen so far: this one.
    if !t.code.is(code) {
        return;
    }
    // SAFETY: short borrow; the previous contents (none) are dropped after.
    let old = unsafe { std::mem::replace(&mut *t.frame_locals.get(), std::mem::take(fast)) };
    drop(old);
}

/// View stack slots that hold values (no NULL markers: the compiler never
/// leaves one among call arguments; checked) as references.
#[inline(always)]
fn values(s: &[Option<PyRef>]) -> &[PyRef] {
    assert!(s.iter().all(Option::is_some), "NULL among call arguments");
    // SAFETY: `PyRef` is a `#[repr(transparent)]` `NonNull`, so `Option<PyRef>`
    // has the same size and layout with `None` as null (asserted in pyref.rs);
    // every slot is `Some` (checked above).
    unsafe { std::slice::from_raw_parts(s.as_ptr().cast::<PyRef>(), s.len()) }
}

/// The value of an exact `int` that fits in a machine word.
#[inline(always)]
fn exact_small_int(vm: &Vm, o: &PyRef) -> Option<i64> {
    if std::ptr::eq(o.ty(), &*vm.types.int) {
        vm.small_int_of(o)
    } else {
        None
    }
}

/// `+`, `-`, `*` (and their in-place forms) on two machine-word ints,
/// without dispatch; `None` when the slow path is needed (other types,
/// other operators, overflow).
#[inline(always)]
fn small_int_binop(vm: &Vm, a: &PyRef, b: &PyRef, arg: u32) -> Option<PyRef> {
    let (x, y) = (exact_small_int(vm, a)?, exact_small_int(vm, b)?);
    let r = match arg {
        0 | 13 => x.checked_add(y)?,
        10 | 23 => x.checked_sub(y)?,
        5 | 18 => x.checked_mul(y)?,
        _ => return None,
    };
    Some(vm.new_int(r))
}

/// `+`, `-`, `*`, `/` when both operands are exact floats, or one is an
/// exact float and the other a machine-word int; `None` otherwise (and for
/// division by zero, which the slow path reports).
#[inline(always)]
fn float_binop(vm: &Vm, a: &PyRef, b: &PyRef, arg: u32) -> Option<PyRef> {
    let as_f = |o: &PyRef| -> Option<f64> {
        if std::ptr::eq(o.ty(), &*vm.types.float) {
            o.downcast::<crate::types::float::FloatObj>().map(|f| f.value)
        } else {
            exact_small_int(vm, o).filter(|v| v.unsigned_abs() < (1 << 53)).map(|v| v as f64)
        }
    };
    let is_float = |o: &PyRef| std::ptr::eq(o.ty(), &*vm.types.float);
    if !is_float(a) && !is_float(b) {
        return None;
    }
    let (x, y) = (as_f(a)?, as_f(b)?);
    let r = match arg {
        0 | 13 => x + y,
        10 | 23 => x - y,
        5 | 18 => x * y,
        11 | 24 if y != 0.0 => x / y,
        _ => return None,
    };
    Some(vm.new_float(r))
}
