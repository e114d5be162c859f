//! `BaseException` and the builtin exception hierarchy: construction,
//! `str`/`repr`, the per-type attributes (`StopIteration.value`,
//! `OSError.errno`, `SyntaxError.lineno` ...), traceback objects, and the
//! CPython-style traceback printer ([`format_exception`]).

use std::cell::{Cell, UnsafeCell};

use crate::object::{alloc_object, ObjHeader, PyRef};
use crate::types::typeobj::Layout;

mod attrs;
mod carets;
mod format;
mod group;
mod suggest;

pub use attrs::os_error_from_io;
pub(crate) use attrs::exception_types;
pub use format::{format_exception, print_exception};
pub(crate) use group::init as init_groups;
pub use group::{exception_group_match, split as exception_group_split};

/// Every exception instance (all builtin exception types share this layout;
/// the `__dict__` slot follows at the type's `dictoffset`).
#[repr(C)]
pub struct ExceptionObj {
    /// Header.
    pub ob: ObjHeader,
    /// `args` (a tuple).
    pub args: UnsafeCell<PyRef>,
    /// `__traceback__` (a traceback object) or none.
    pub traceback: UnsafeCell<Option<PyRef>>,
    /// `__context__`.
    pub context: UnsafeCell<Option<PyRef>>,
    /// `__cause__`.
    pub cause: UnsafeCell<Option<PyRef>>,
    /// `__suppress_context__`.
    pub suppress_context: Cell<bool>,
    /// `__dict__` of the instance (attributes such as `value`, `code`, `filename`).
    pub dict: UnsafeCell<Option<PyRef>>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for ExceptionObj {
    const LAYOUT: Layout = Layout::BaseException;
}

/// A traceback entry (`types.TracebackType`): a linked list from the
/// outermost frame to where the exception was raised.
#[repr(C)]
pub struct TracebackObj {
    /// Header.
    pub ob: ObjHeader,
    /// `tb_next`.
    pub next: UnsafeCell<Option<PyRef>>,
    /// The code object of the frame.
    pub code: PyRef,
    /// `tb_lasti` (instruction index).
    pub lasti: u32,
    /// `tb_lineno`.
    pub lineno: u32,
    /// The local variables of the frame the exception left, kept alive by
    /// the traceback as CPython's frame object keeps them.
    pub frame_locals: UnsafeCell<Vec<Option<PyRef>>>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for TracebackObj {
    const LAYOUT: Layout = Layout::Traceback;
}

use crate::types::function::{cell_get, cell_set};
use crate::types::TypeRef;
use crate::vm::Vm;

impl ExceptionObj {
    /// `self.args` as a new reference (always a tuple).
    pub fn args(&self) -> PyRef {
        // SAFETY: short borrow, cloning only increments.
        unsafe { (*self.args.get()).clone() }
    }
    /// Replace `self.args` (the old tuple is dropped after the borrow).
    pub fn set_args(&self, t: PyRef) {
        // SAFETY: short borrow; old value dropped after it.
        let old = unsafe { std::mem::replace(&mut *self.args.get(), t) };
        drop(old);
    }
    /// The items of `args` as new references.
    pub fn arg_items(&self) -> Vec<PyRef> {
        let a = self.args();
        a.downcast::<crate::types::tuple::TupleObj>().map(|t| t.items().to_vec()).unwrap_or_default()
    }
}

/// A new exception instance of class `ty` (a builtin exception class or a
/// subclass) with `args`; traceback, context and cause empty.
pub fn new_exception(vm: &Vm, ty: &TypeRef, args: Vec<PyRef>) -> PyRef {
    let args = vm.new_tuple(args);
    alloc_exception(ty, args)
}

fn alloc_exception(ty: &crate::types::typeobj::PyType, args: PyRef) -> PyRef {
    alloc_object(ty, |ob| ExceptionObj {
        ob,
        args: UnsafeCell::new(args),
        traceback: UnsafeCell::new(None),
        context: UnsafeCell::new(None),
        cause: UnsafeCell::new(None),
        suppress_context: Cell::new(false),
        dict: UnsafeCell::new(None),
    })
}

/// The payload of an exception instance.
pub fn exc_obj(e: &PyRef) -> Option<&ExceptionObj> {
    e.downcast::<ExceptionObj>()
}

/// `e.__traceback__`.
pub fn exc_traceback(e: &PyRef) -> Option<PyRef> {
    exc_obj(e).and_then(|x| cell_get(&x.traceback))
}

/// Set `e.__traceback__`.
pub fn set_traceback(e: &PyRef, tb: Option<PyRef>) {
    if let Some(x) = exc_obj(e) {
        cell_set(&x.traceback, tb);
    }
}

/// `e.__context__`.
pub fn exc_context(e: &PyRef) -> Option<PyRef> {
    exc_obj(e).and_then(|x| cell_get(&x.context))
}

/// Set `e.__context__` (no cycle check; see the eval loop's `exc_set_context`).
pub fn set_context(e: &PyRef, ctx: Option<PyRef>) {
    if let Some(x) = exc_obj(e) {
        cell_set(&x.context, ctx);
    }
}

/// `e.__cause__`.
pub fn exc_cause(e: &PyRef) -> Option<PyRef> {
    exc_obj(e).and_then(|x| cell_get(&x.cause))
}

/// `e.__cause__ = cause` (also sets `__suppress_context__`, as `raise ... from` does).
pub fn set_cause(e: &PyRef, cause: Option<PyRef>) {
    if let Some(x) = exc_obj(e) {
        cell_set(&x.cause, cause);
        x.suppress_context.set(true);
    }
}

/// Set an attribute kept in the exception's instance dict (`name` and `obj`
/// of `AttributeError`/`NameError`, used for "Did you mean" suggestions).
pub fn set_exc_attr(vm: &Vm, e: &PyRef, name: &str, v: PyRef) {
    let _ = attrs::set_dict_attr(vm, e, name, Some(v));
}

/// `AttributeError("'T' object has no attribute 'name'")` with `name` and
/// `obj` set (the traceback printer uses them for "Did you mean" hints).
pub fn attribute_error_for(vm: &Vm, obj: &PyRef, name: &PyRef) -> crate::PyErr {
    let msg = format!("'{}' object has no attribute '{}'", obj.ty().name(), vm.str_of(name).unwrap_or("?"));
    let e = new_exception(vm, &vm.exc.attribute_error, vec![vm.new_string(msg)]);
    set_exc_attr(vm, &e, "name", name.clone());
    set_exc_attr(vm, &e, "obj", obj.clone());
    crate::PyErr(e)
}

/// `NameError("name 'x' is not defined")` with `name` set.
pub fn name_error_for(vm: &Vm, name: &PyRef) -> crate::PyErr {
    let msg = format!("name '{}' is not defined", vm.str_of(name).unwrap_or("?"));
    let e = new_exception(vm, &vm.exc.name_error, vec![vm.new_string(msg)]);
    set_exc_attr(vm, &e, "name", name.clone());
    crate::PyErr(e)
}

/// Install the behaviour of `BaseException`, every builtin subclass, and
/// `traceback` objects. Called by the bootstrap after all types exist.
pub(crate) fn init(vm: &Vm) {
    attrs::init(vm);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(vm: &Vm, o: &PyRef) -> String {
        vm.str_string(o).unwrap()
    }
    fn r(vm: &Vm, o: &PyRef) -> String {
        vm.repr_string(o).unwrap()
    }

    #[test]
    fn str_and_repr() {
        let vm = Vm::new();
        let e = new_exception(&vm, &vm.exc.zero_division_error, vec![vm.new_str("division by zero")]);
        assert_eq!(r(&vm, &e), "ZeroDivisionError('division by zero')");
        assert_eq!(s(&vm, &e), "division by zero");
        let e = new_exception(&vm, &vm.exc.value_error, vec![]);
        assert_eq!(r(&vm, &e), "ValueError()");
        assert_eq!(s(&vm, &e), "");
        let e = new_exception(&vm, &vm.exc.key_error, vec![vm.new_str("a")]);
        assert_eq!(r(&vm, &e), "KeyError('a')");
        assert_eq!(s(&vm, &e), "'a'");
        let e = new_exception(&vm, &vm.exc.exception, vec![vm.new_str("a"), vm.new_int(2)]);
        assert_eq!(r(&vm, &e), "Exception('a', 2)");
        assert_eq!(s(&vm, &e), "('a', 2)");
    }

    #[test]
    fn oserror_maps_errno() {
        let vm = Vm::new();
        let t = vm.exc.os_error.as_ref().clone();
        let e = vm.call_pos(&t, &[vm.new_int(2), vm.new_str("No such file or directory"), vm.new_str("x")]).unwrap();
        assert_eq!(e.ty().name(), "FileNotFoundError");
        assert_eq!(s(&vm, &e), "[Errno 2] No such file or directory: 'x'");
    }

    #[test]
    fn format_without_traceback() {
        let vm = Vm::new();
        let e = new_exception(&vm, &vm.exc.value_error, vec![vm.new_str("bad")]);
        let c = new_exception(&vm, &vm.exc.key_error, vec![vm.new_str("k")]);
        set_context(&e, Some(c));
        assert_eq!(
            format_exception(&vm, &e),
            "KeyError: 'k'\n\nDuring handling of the above exception, another exception occurred:\n\nValueError: bad\n"
        );
    }
}
