//! Generators: a suspended [`Frame`] owned by a generator object, resumed by
//! `next()`, `send()`, `throw()` and `close()`.

use std::cell::{Cell, UnsafeCell};

use super::frame::Frame;
use super::interp::{execute, Outcome};
use pyrite_compiler::bytecode::Opcode;

use crate::object::is_finalized;
use crate::object::{alloc_object, ObjHeader, PyObject, PyRef};
use crate::types::function::FunctionObj;
use crate::types::typeobj::{FuncArgs, Layout, Slots};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

/// A generator object.
#[repr(C)]
pub struct GeneratorObj {
    /// Header.
    pub ob: ObjHeader,
    /// The suspended frame; `None` once finished.
    pub frame: UnsafeCell<Option<Box<Frame>>>,
    /// True while the frame is executing.
    pub running: Cell<bool>,
    /// True once started (the first `send` must be None).
    pub started: Cell<bool>,
    /// `__name__`.
    pub name: PyRef,
    /// `__qualname__`.
    pub qualname: PyRef,
    /// Weak references to the generator.
    pub weaklist: crate::types::weakref::WeakList,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for GeneratorObj {
    const LAYOUT: Layout = Layout::Generator;
}

impl Drop for GeneratorObj {
    fn drop(&mut self) {
        if let Some(frame) = self.frame.get_mut().take() {
            Vm::with_current(|vm| super::release_frame(vm, *frame));
        }
    }
}

/// Wrap a frame of a generator function.
pub fn new_generator(vm: &Vm, frame: Box<Frame>, func: &FunctionObj) -> PyRef {
    // SAFETY: short borrows of the name fields.
    let (name, qualname) = unsafe { ((*func.name.get()).clone(), (*func.qualname.get()).clone()) };
    alloc_object(&vm.types.generator, |ob| GeneratorObj {
        ob,
        frame: UnsafeCell::new(Some(frame)),
        running: Cell::new(false),
        started: Cell::new(false),
        name,
        qualname,
        weaklist: Default::default(),
    })
}

/// Result of sending into a generator or delegate iterator.
pub enum SendResult {
    /// It yielded a value.
    Yielded(PyRef),
    /// It finished with this return value.
    Returned(PyRef),
}

fn gen(o: &PyRef) -> &GeneratorObj {
    o.downcast::<GeneratorObj>().expect("generator")
}

/// Resume a generator with `value` (or throw `exc` into it).
fn resume(vm: &Vm, g: &PyRef, value: Option<PyRef>, exc: Option<PyErr>) -> PyResult<SendResult> {
    let gen = gen(g);
    if gen.running.get() {
        return Err(vm.new_exception_msg(&vm.exc.value_error, "generator already executing"));
    }
    // SAFETY: the frame is taken out while it runs (re-entrant calls see None
    // and `running`), and put back only when it yields.
    let frame = unsafe { (*gen.frame.get()).take() };
    let Some(mut frame) = frame else {
        return match exc {
            Some(e) => Err(e),
            None => Err(vm.stop_iteration(None)),
        };
    };
    let first = !gen.started.get();
    gen.started.set(true);
    if first && exc.is_none() && value.as_ref().is_some_and(|v| !vm.is_none(v)) {
        // SAFETY: as above.
        unsafe { *gen.frame.get() = Some(frame) };
        gen.started.set(false);
        return Err(vm.type_error("can't send non-None value to a just-started generator"));
    }
    gen.running.set(true);
    let r = match exc {
        Some(e) => throw_into(vm, &mut frame, e),
        None => execute(vm, &mut frame, if first { None } else { value }),
    };
    gen.running.set(false);
    match r {
        Ok(Outcome::Yield(v)) => {
            // SAFETY: as above.
            unsafe { *gen.frame.get() = Some(frame) };
            Ok(SendResult::Yielded(v))
        }
        Ok(Outcome::Return(v)) => {
            super::release_frame(vm, *frame);
            Ok(SendResult::Returned(v))
        }
        Err(e) => {
            super::release_frame(vm, *frame);
            if vm.is_instance(&e.0, &vm.exc.stop_iteration) {
                let r = vm.new_exception_msg(&vm.exc.runtime_error, "generator raised StopIteration");
                super::interp::exc_set_context(vm, &r.0, e.0.clone());
                if let Some(x) = r.0.downcast::<crate::types::exceptions::ExceptionObj>() {
                    crate::types::function::cell_set(&x.cause, Some(e.0));
                    x.suppress_context.set(true);
                }
                return Err(r);
            }
            Err(e)
        }
    }
}

/// The iterator a suspended frame is delegating to with `yield from`, if
/// any: the frame stopped at the `RESUME 2` that follows a yield-from's
/// `YIELD_VALUE`, with the delegate on top of its stack.
fn delegate(frame: &Frame) -> Option<PyRef> {
    let code = frame.code.downcast::<crate::types::code::CodeObj>()?;
    let ins = code.code.instructions.get(frame.ip)?;
    if ins.op == Opcode::RESUME && ins.arg >= 2 {
        frame.stack.last().cloned().flatten()
    } else {
        None
    }
}

/// `throw()` into a suspended frame: to its `yield from` delegate first (as
/// CPython's `gen_throw`), else at the suspension point.
fn throw_into(vm: &Vm, frame: &mut Frame, e: PyErr) -> PyResult<Outcome> {
    let Some(d) = delegate(frame) else {
        return super::interp::execute_throw(vm, frame, e);
    };
    if vm.is_instance(&e.0, &vm.exc.generator_exit) {
        let closed = if d.ty().layout == Layout::Generator {
            close(vm, &d).map(drop)
        } else {
            match vm.lookup_attr_str(&d, "close") {
                Ok(Some(c)) => vm.call0(&c).map(drop),
                Ok(None) => Ok(()),
                Err(err) => Err(err),
            }
        };
        return match closed {
            Ok(()) => super::interp::execute_throw(vm, frame, e),
            Err(err) => super::interp::execute_throw(vm, frame, err),
        };
    }
    let r = if d.ty().layout == Layout::Generator {
        resume(vm, &d, None, Some(e))
    } else {
        match vm.lookup_attr_str(&d, "throw") {
            Ok(Some(t)) => vm.call_pos(&t, std::slice::from_ref(&e.0)).map(SendResult::Yielded),
            Ok(None) => return super::interp::execute_throw(vm, frame, e),
            Err(err) => Err(err),
        }
    };
    match r {
        Ok(SendResult::Yielded(v)) => Ok(Outcome::Yield(v)),
        Ok(SendResult::Returned(v)) => finish_yield_from(vm, frame, v),
        Err(err) if vm.is_instance(&err.0, &vm.exc.stop_iteration) => {
            let v = vm.lookup_attr_str(&err.0, "value").ok().flatten().unwrap_or_else(|| vm.none());
            finish_yield_from(vm, frame, v)
        }
        Err(err) => super::interp::execute_throw(vm, frame, err),
    }
}

/// The delegate of a `yield from` finished with `v`: leave the SEND loop as
/// SEND itself does (replace the delegate by `v`, jump past the loop).
fn finish_yield_from(vm: &Vm, frame: &mut Frame, v: PyRef) -> PyResult<Outcome> {
    let code = frame.code.downcast::<crate::types::code::CodeObj>().expect("frame of a code object");
    // Layout: SEND target; YIELD_VALUE; RESUME 2 (ip); JUMP_BACKWARD_NO_INTERRUPT.
    let send_at = frame.ip.saturating_sub(2);
    let jump = code.code.full_arg(send_at) as usize;
    frame.stack.pop();
    frame.stack.push(Some(v));
    frame.ip = send_at + 1 + jump;
    execute(vm, frame, None)
}

/// The exception `gen.throw(typ, val)` raises in the generator, by
/// CPython's rules: a class is instantiated (from `val`: an instance of it
/// as is, a tuple as the arguments, anything else as the one argument), an
/// instance is taken as is and may not come with a value.
fn throw_argument(vm: &Vm, typ: &PyRef, val: Option<&PyRef>) -> PyResult<PyErr> {
    use crate::types::typeobj::TypeFlags;
    if typ.ty().has_flag(TypeFlags::EXC_SUBCLASS) {
        return match val {
            Some(_) => Err(vm.type_error("instance exception may not have a separate value")),
            None => Ok(PyErr(typ.clone())),
        };
    }
    let Some(t) = crate::types::TypeRef::new(typ.clone()).filter(|t| t.has_flag(TypeFlags::EXC_SUBCLASS)) else {
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            typ.ty().name()
        )));
    };
    Ok(match val {
        Some(v) if v.ty().is_subtype(&t) => PyErr(v.clone()),
        Some(v) => match v.downcast::<crate::types::tuple::TupleObj>() {
            Some(args) => super::interp::instantiate_exception(vm, typ, args.items()),
            None => super::interp::instantiate_exception(vm, typ, std::slice::from_ref(v)),
        },
        None => super::interp::instantiate_exception(vm, typ, &[]),
    })
}

/// `gen.close()`.
fn close(vm: &Vm, g: &PyRef) -> PyResult {
    if gen(g).running.get() {
        return Err(vm.new_exception_msg(&vm.exc.value_error, "generator already executing"));
    }
    // SAFETY: short borrow to test for a live frame.
    let live = unsafe { (*gen(g).frame.get()).is_some() };
    if !live || !gen(g).started.get() {
        // SAFETY: dropping an unstarted frame runs no code of the generator.
        let f = unsafe { (*gen(g).frame.get()).take() };
        if let Some(f) = f {
            super::release_frame(vm, *f);
        }
        return Ok(vm.none());
    }
    let e = vm.new_exception(&vm.exc.generator_exit, vec![]);
    match resume(vm, g, None, Some(e)) {
        Ok(SendResult::Yielded(_)) => Err(vm.runtime_error("generator ignored GeneratorExit")),
        Ok(SendResult::Returned(_)) => Ok(vm.none()),
        Err(e) if vm.is_instance(&e.0, &vm.exc.generator_exit) || vm.is_instance(&e.0, &vm.exc.stop_iteration) => Ok(vm.none()),
        Err(e) => Err(e),
    }
}

fn suspended(g: &GeneratorObj) -> bool {
    // SAFETY: short borrow to test for a suspended frame (a running
    // generator's frame is taken out of the cell while it runs).
    g.started.get() && unsafe { (*g.frame.get()).is_some() }
}

/// Whether `o` is a generator suspended at a `yield` (its finalizer, closing
/// it, has work to do).
pub(crate) fn is_suspended(o: &PyObject) -> bool {
    o.downcast::<GeneratorObj>().is_some_and(suspended)
}

/// The generator's finalizer (CPython's `_PyGen_Finalize`): close a
/// suspended generator so its `finally` blocks run; errors are unraisable.
pub(crate) fn finalize(vm: &Vm, me: &PyRef) {
    if !is_suspended(me) {
        return;
    }
    if let Err(e) = close(vm, me) {
        vm.write_unraisable(&e, Some(me));
    }
}

/// Traverse: the suspended frame's code, the names, then the frame's
/// function, namespaces, locals and value stack. A running generator's frame
/// is out of the object (on the Rust stack), so it reports nothing then.
fn gen_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    let Some(g) = o.downcast::<GeneratorObj>() else { return };
    // SAFETY: the visitor runs no Python code and does not touch the frame.
    let frame = unsafe { &*g.frame.get() };
    let Some(f) = frame else {
        visit.visit(&g.name);
        visit.visit(&g.qualname);
        return;
    };
    visit.visit(&f.code);
    visit.visit(&g.name);
    visit.visit(&g.qualname);
    if let Some(func) = &f.func {
        visit.visit(func);
    }
    visit.visit(&f.globals);
    visit.visit(&f.builtins);
    if let Some(l) = &f.locals {
        visit.visit(l);
    }
    f.fast.iter().chain(&f.stack).flatten().for_each(|v| visit.visit(v));
    if let Some(k) = &f.kwnames {
        visit.visit(k);
    }
}

/// Clear: drop a frame that is not running (its locals may close a cycle).
fn gen_clear(o: &PyObject) {
    let Some(g) = o.downcast::<GeneratorObj>() else { return };
    if g.running.get() {
        return;
    }
    // SAFETY: a generator that is not running has its frame in the cell and
    // nobody borrows it; the frame is dropped after the borrow ends.
    let frame = unsafe { (*g.frame.get()).take() };
    drop(frame);
}

/// Deallocator: a suspended generator is closed first (its `finally`
/// blocks run), as CPython's generator finalizer does.
///
/// # Safety
/// `o` must be a dead generator object.
pub(crate) unsafe fn gen_dealloc(o: std::ptr::NonNull<PyObject>) {
    // SAFETY: the object is alive until freed below.
    let obj = unsafe { o.as_ref() };
    // Weak references die before `close()` runs, as in CPython.
    crate::types::weakref::clear_weakrefs_on_dealloc(obj);
    // SAFETY: layout is Generator for this deallocator's type.
    let g = unsafe { obj.downcast_unchecked::<GeneratorObj>() };
    // SAFETY: `o` is the dying object, intact, owned by nobody.
    if suspended(g) && !is_finalized(obj) && unsafe { crate::object::gc::finalize_from_dealloc(o) } {
        return;
    }
    // SAFETY: dead generator allocated as a GeneratorObj.
    unsafe { crate::types::dealloc_payload::<GeneratorObj>(o) }
}

/// `SEND`: forward a value to a generator or iterator.
pub fn send_to(vm: &Vm, recv: &PyRef, v: PyRef) -> PyResult<SendResult> {
    if recv.ty().layout == Layout::Generator {
        return resume(vm, recv, Some(v), None);
    }
    let r = if vm.is_none(&v) { vm.next(recv)? } else { Some(vm.call_method(recv, "send", &[v])?) };
    Ok(match r {
        Some(y) => SendResult::Yielded(y),
        None => SendResult::Returned(vm.none()),
    })
}

fn stop_value(vm: &Vm, r: SendResult) -> PyResult<PyRef> {
    match r {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(vm.stop_iteration(if vm.is_none(&v) { None } else { Some(v) })),
    }
}

pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.generator;
    vm.set_type_slots(
        t,
        Slots {
            iter: Some(|_, o| Ok(o.clone())),
            iternext: Some(|vm, o| match resume(vm, o, Some(vm.none()), None)? {
                SendResult::Yielded(v) => Ok(Some(v)),
                SendResult::Returned(v) if vm.is_none(&v) => Ok(None),
                SendResult::Returned(v) => Err(vm.stop_iteration(Some(v))),
            }),
            repr: Some(|vm, o| {
                let q = vm.str_of(&gen(o).qualname).unwrap_or("?").to_string();
                Ok(vm.new_string(format!("<generator object {} at {:#x}>", q, o.as_ptr() as usize)))
            }),
            traverse: Some(gen_traverse),
            clear: Some(gen_clear),
            ..Default::default()
        },
    );
    vm.add_method(t, "send", |vm, a: FuncArgs<'_>| {
        let [g, v] = a.args else { return Err(vm.type_error("send() takes exactly one argument")) };
        let r = resume(vm, g, Some(v.clone()), None)?;
        stop_value(vm, r)
    });
    vm.add_method(t, "throw", |vm, a: FuncArgs<'_>| {
        let g = &a.args[0];
        let Some(typ) = a.args.get(1) else { return Err(vm.type_error("throw expected at least 1 argument, got 0")) };
        let e = throw_argument(vm, typ, a.args.get(2).filter(|v| !vm.is_none(v)))?;
        let r = resume(vm, g, None, Some(e))?;
        stop_value(vm, r)
    });
    vm.add_method(t, "close", |vm, a: FuncArgs<'_>| close(vm, &a.args[0]));
    vm.add_getset(t, "__name__", |_, o| Ok(gen(o).name.clone()), None);
    vm.add_getset(t, "__qualname__", |_, o| Ok(gen(o).qualname.clone()), None);
    vm.add_getset(t, "gi_running", |vm, o| Ok(vm.new_bool(gen(o).running.get())), None);
}
