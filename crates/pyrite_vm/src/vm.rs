//! Interpreter state: the registry of builtin types, the singletons, the
//! module table, and per-thread execution state.
//!
//! A [`Vm`] is one interpreter thread's view: everything is reachable from it
//! (no `static mut` object state). Deallocators that must run Python code
//! (`__del__`) find the current `Vm` through a thread-local pointer set by
//! [`VmBox::enter`] and cleared when that `VmBox` is dropped
//! ([`Vm::with_current`]).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use num_bigint::BigInt;

use crate::object::{alloc_object, PyRef};
use crate::types::bytes::BytesObj;
use crate::types::int::{IntObj, IntValue};
use crate::types::str::StrObj;
use crate::types::tuple::TupleObj;
use crate::types::TypeRef;
use crate::PyErr;

macro_rules! registry {
    ($(#[$m:meta])* $name:ident { $($field:ident),* $(,)? }) => {
        $(#[$m])*
        #[allow(missing_docs)]
        pub struct $name { $(pub $field: TypeRef,)* }
    };
}

registry!(
    /// The builtin type objects.
    Types {
        type_, object, int, bool, float, complex, str, bytes, bytearray, tuple, list, dict, set,
        frozenset, range, slice, function, builtin_function, method_descriptor, classmethod_descriptor,
        method, getset_descriptor, member_descriptor, property, staticmethod, classmethod, super_, cell,
        code, generator, module, none_type, not_implemented_type, ellipsis_type, seq_iter, list_iter,
        list_reverseiter, tuple_iter, range_iter, str_iter, dict_keyiter, dict_valueiter, dict_itemiter,
        set_iter, enumerate, zip, map, filter, reversed, callable_iter, mappingproxy, dict_keys,
        dict_values, dict_items, traceback, textio, weakref, weakproxy, weakcallableproxy,
    }
);

macro_rules! exceptions {
    ($($field:ident = $pyname:literal : $base:ident),* $(,)?) => {
        /// The builtin exception classes.
        #[allow(missing_docs)]
        pub struct ExcTypes { pub base_exception: TypeRef, $(pub $field: TypeRef,)* }

        impl ExcTypes {
            /// (field name, Python name, base field) for each builtin exception, parents first.
            pub const TABLE: &'static [(&'static str, &'static str, &'static str)] =
                &[$((stringify!($field), $pyname, stringify!($base)),)*];

            /// Build from a map of created types.
            pub(crate) fn from_map(base_exception: TypeRef, m: &mut HashMap<&'static str, TypeRef>) -> ExcTypes {
                ExcTypes { base_exception, $($field: m.remove(stringify!($field)).expect("exception type created"),)* }
            }
        }
    };
}

exceptions!(
    system_exit = "SystemExit": base_exception,
    keyboard_interrupt = "KeyboardInterrupt": base_exception,
    generator_exit = "GeneratorExit": base_exception,
    exception = "Exception": base_exception,
    stop_iteration = "StopIteration": exception,
    stop_async_iteration = "StopAsyncIteration": exception,
    arithmetic_error = "ArithmeticError": exception,
    floating_point_error = "FloatingPointError": arithmetic_error,
    overflow_error = "OverflowError": arithmetic_error,
    zero_division_error = "ZeroDivisionError": arithmetic_error,
    assertion_error = "AssertionError": exception,
    attribute_error = "AttributeError": exception,
    buffer_error = "BufferError": exception,
    eof_error = "EOFError": exception,
    import_error = "ImportError": exception,
    module_not_found_error = "ModuleNotFoundError": import_error,
    lookup_error = "LookupError": exception,
    index_error = "IndexError": lookup_error,
    key_error = "KeyError": lookup_error,
    memory_error = "MemoryError": exception,
    name_error = "NameError": exception,
    unbound_local_error = "UnboundLocalError": name_error,
    os_error = "OSError": exception,
    blocking_io_error = "BlockingIOError": os_error,
    child_process_error = "ChildProcessError": os_error,
    connection_error = "ConnectionError": os_error,
    broken_pipe_error = "BrokenPipeError": connection_error,
    connection_aborted_error = "ConnectionAbortedError": connection_error,
    connection_refused_error = "ConnectionRefusedError": connection_error,
    connection_reset_error = "ConnectionResetError": connection_error,
    file_exists_error = "FileExistsError": os_error,
    file_not_found_error = "FileNotFoundError": os_error,
    interrupted_error = "InterruptedError": os_error,
    is_a_directory_error = "IsADirectoryError": os_error,
    not_a_directory_error = "NotADirectoryError": os_error,
    permission_error = "PermissionError": os_error,
    process_lookup_error = "ProcessLookupError": os_error,
    timeout_error = "TimeoutError": os_error,
    reference_error = "ReferenceError": exception,
    runtime_error = "RuntimeError": exception,
    not_implemented_error = "NotImplementedError": runtime_error,
    recursion_error = "RecursionError": runtime_error,
    syntax_error = "SyntaxError": exception,
    indentation_error = "IndentationError": syntax_error,
    tab_error = "TabError": indentation_error,
    system_error = "SystemError": exception,
    type_error = "TypeError": exception,
    value_error = "ValueError": exception,
    unicode_error = "UnicodeError": value_error,
    unicode_decode_error = "UnicodeDecodeError": unicode_error,
    unicode_encode_error = "UnicodeEncodeError": unicode_error,
    unicode_translate_error = "UnicodeTranslateError": unicode_error,
    warning = "Warning": exception,
    deprecation_warning = "DeprecationWarning": warning,
    pending_deprecation_warning = "PendingDeprecationWarning": warning,
    runtime_warning = "RuntimeWarning": warning,
    syntax_warning = "SyntaxWarning": warning,
    user_warning = "UserWarning": warning,
    future_warning = "FutureWarning": warning,
    import_warning = "ImportWarning": warning,
    unicode_warning = "UnicodeWarning": warning,
    bytes_warning = "BytesWarning": warning,
    resource_warning = "ResourceWarning": warning,
    encoding_warning = "EncodingWarning": warning,
);

/// Number of preallocated small ints (-5..=256).
pub const NSMALL_NEG: i64 = 5;
/// One past the largest preallocated small int.
pub const NSMALL_POS: i64 = 257;

/// The interpreter (one per thread for now; the GIL issue splits shared and
/// per-thread parts).
pub struct Vm {
    /// Builtin types.
    pub types: Types,
    /// Builtin exception types.
    pub exc: ExcTypes,
    /// `None`.
    pub none: PyRef,
    /// `True`.
    pub true_: PyRef,
    /// `False`.
    pub false_: PyRef,
    /// `NotImplemented`.
    pub not_implemented: PyRef,
    /// `Ellipsis`.
    pub ellipsis: PyRef,
    /// `()`.
    pub empty_tuple: PyRef,
    /// `''`.
    pub empty_str: PyRef,
    /// `b''`.
    pub empty_bytes: PyRef,
    pub(crate) small_ints: Box<[PyRef]>,
    pub(crate) latin1: Box<[PyRef]>,
    pub(crate) interned: RefCell<HashMap<Box<str>, PyRef>>,
    /// `sys.modules`.
    pub modules: PyRef,
    /// The `builtins` module's dict.
    pub builtins: PyRef,
    /// The `sys` module (set once initialised).
    pub sys: RefCell<Option<PyRef>>,
    /// Current Python call depth.
    pub recursion_depth: Cell<u32>,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: Cell<u32>,
    /// The native stack depth past which recursion raises `RecursionError`
    /// (see `ops::stack`; 0: unknown, unchecked).
    pub(crate) stack_floor: usize,
    /// Containers whose repr is in progress (addresses).
    pub repr_stack: RefCell<Vec<usize>>,
    /// The executing frames, innermost last (for `globals()`, `locals()`, `super()`).
    pub(crate) frames: crate::eval::frame::FrameStack,
    /// Recycled frame storage.
    pub frame_arena: RefCell<crate::eval::frame::FrameArena>,
    /// The exception currently being handled (`sys.exc_info()`).
    pub handled: RefCell<Option<PyRef>>,
    /// Cache of attribute lookups on types.
    pub type_cache: crate::ops::TypeCache,
    /// `gc.garbage` and `gc.callbacks`, created on first use.
    pub(crate) gc_lists: RefCell<Option<(PyRef, PyRef)>>,
    /// Number of [`Vm::with_current`] calls using this Vm right now.
    pub(crate) current_users: Cell<usize>,
}

thread_local! {
    /// The Vm deallocators use (set by `VmBox::enter`, cleared when that
    /// `VmBox` is dropped or by `Vm::leave`).
    static CURRENT: Cell<*const Vm> = const { Cell::new(std::ptr::null()) };
}

/// The owner of an interpreter: a `Vm` on the heap that stays there, at one
/// address, until this is dropped. Only a `VmBox` can become the current
/// interpreter of its thread, and dropping it clears that.
pub struct VmBox(Box<Vm>);

impl VmBox {
    /// Box an interpreter.
    pub(crate) fn new(vm: Vm) -> VmBox {
        VmBox(Box::new(vm))
    }

    /// Make this the current interpreter of the calling thread (for
    /// deallocators that must run Python code, see [`Vm::with_current`]).
    pub fn enter(&self) {
        let vm: &Vm = &self.0;
        CURRENT.with(|c| c.set(vm));
    }
}

impl std::ops::Deref for VmBox {
    type Target = Vm;
    #[inline(always)]
    fn deref(&self) -> &Vm {
        &self.0
    }
}

impl Drop for VmBox {
    fn drop(&mut self) {
        let vm: &Vm = &self.0;
        if vm.current_users.get() != 0 {
            // Code running inside `Vm::with_current` still uses this Vm (it
            // dropped the owner it somehow got hold of): freeing the Vm now
            // would leave that code with a dangling reference.
            write_process_stderr("fatal: interpreter dropped while in use by a deallocator\n");
            std::process::abort();
        }
        CURRENT.with(|c| {
            if std::ptr::eq(c.get(), vm) {
                c.set(std::ptr::null());
            }
        });
    }
}

impl Vm {
    /// Create and initialise an interpreter (it becomes the calling
    /// thread's current one).
    #[allow(clippy::new_ret_no_self)]
    pub fn new() -> VmBox {
        crate::types::typenew::bootstrap()
    }

    /// Run `f` with the calling thread's current interpreter, if any
    /// (`None` without calling `f` otherwise). The reference cannot escape `f`.
    pub fn with_current<R>(f: impl FnOnce(&Vm) -> R) -> Option<R> {
        let p = CURRENT.with(|c| c.get());
        // SAFETY: a non-null pointer was set by `VmBox::enter` from the boxed
        // Vm of a live `VmBox` (dropping it clears the pointer first, and the
        // box cannot be moved out of it). While `f` runs, `current_users` is
        // non-zero, and dropping the `VmBox` then aborts rather than free it.
        let vm = unsafe { p.as_ref() }?;
        struct InUse<'a>(&'a Vm);
        impl Drop for InUse<'_> {
            fn drop(&mut self) {
                self.0.current_users.set(self.0.current_users.get() - 1);
            }
        }
        vm.current_users.set(vm.current_users.get() + 1);
        let _in_use = InUse(vm);
        Some(f(vm))
    }

    /// Forget the current interpreter (before dropping it).
    pub fn leave() {
        CURRENT.with(|c| c.set(std::ptr::null()));
    }

    /// `gc.garbage` and `gc.callbacks` (two lists, created on first use).
    pub(crate) fn gc_lists(&self) -> (PyRef, PyRef) {
        if let Some(l) = self.gc_lists.borrow().as_ref() {
            return l.clone();
        }
        let l = (self.new_list(Vec::new()), self.new_list(Vec::new()));
        *self.gc_lists.borrow_mut() = Some(l.clone());
        l
    }

    /// `gc.garbage`.
    pub(crate) fn gc_garbage(&self) -> PyRef {
        self.gc_lists().0
    }

    /// `gc.callbacks`, if it was ever created.
    pub(crate) fn gc_callbacks_if_any(&self) -> Option<PyRef> {
        self.gc_lists.borrow().as_ref().map(|l| l.1.clone())
    }

    /// Write text to `sys.stderr` (as CPython's `PySys_WriteStderr`), or to
    /// the process's stderr when `sys.stderr` is missing or fails.
    pub fn write_sys_stderr(&self, text: &str) {
        let sys = self.sys.borrow().clone();
        let err = sys.and_then(|s| self.dict_get_str(crate::types::module::module_dict(&s), "stderr"));
        if let Some(err) = err.filter(|e| !self.is_none(e)) {
            if self.call_method(&err, "write", &[self.new_str(text)]).is_ok() {
                return;
            }
        }
        write_process_stderr(text);
    }

    /// Run the automatic collection an allocation requested, if any (the
    /// eval loop's safe points: function entry and loop back edges, as
    /// 3.11's eval breaker; and the `gc` functions that report its state).
    #[inline(always)]
    pub fn run_pending_gc(&self) {
        if crate::object::gc::collection_pending() {
            crate::object::gc::collect_pending(self);
        }
    }

    // ----- constructors -----

    /// `None` as a new reference.
    #[inline(always)]
    pub fn none(&self) -> PyRef {
        self.none.clone()
    }

    /// A bool object.
    #[inline(always)]
    pub fn new_bool(&self, b: bool) -> PyRef {
        if b {
            self.true_.clone()
        } else {
            self.false_.clone()
        }
    }

    /// An int from an i64 (small ints are shared).
    #[inline(always)]
    pub fn new_int(&self, v: i64) -> PyRef {
        if (-NSMALL_NEG..NSMALL_POS).contains(&v) {
            return self.small_ints[(v + NSMALL_NEG) as usize].clone();
        }
        alloc_object(&self.types.int, |ob| IntObj { ob, value: IntValue::Small(v) })
    }

    /// An int from a big integer (normalised to the small form when it fits).
    pub fn new_bigint(&self, v: BigInt) -> PyRef {
        match i64::try_from(&v) {
            Ok(s) => self.new_int(s),
            Err(_) => alloc_object(&self.types.int, |ob| IntObj { ob, value: IntValue::Big(Box::new(v)) }),
        }
    }

    /// A float.
    #[inline(always)]
    pub fn new_float(&self, v: f64) -> PyRef {
        crate::object::new_float(&self.types.float, v)
    }

    /// A str (empty and 1-char Latin-1 strings are shared).
    pub fn new_str(&self, s: &str) -> PyRef {
        let b = s.as_bytes();
        if b.is_empty() {
            return self.empty_str.clone();
        }
        if b.len() == 1 {
            return self.latin1[b[0] as usize].clone();
        }
        if b.len() == 2 && (b[0] == 0xC2 || b[0] == 0xC3) {
            if let Some(c) = s.chars().next() {
                return self.latin1[c as usize].clone();
            }
        }
        self.new_str_uncached(s.into())
    }

    /// A str from an owned String.
    pub fn new_string(&self, s: String) -> PyRef {
        if s.len() <= 2 {
            return self.new_str(&s);
        }
        self.new_str_uncached(s.into_boxed_str())
    }

    pub(crate) fn new_str_uncached(&self, s: Box<str>) -> PyRef {
        let char_len = if s.is_ascii() { s.len() } else { s.chars().count() };
        alloc_object(&self.types.str, |ob| StrObj {
            ob,
            hash: Cell::new(-1),
            char_len,
            interned: Cell::new(false),
            value: s,
        })
    }

    /// The interned (canonical) str for `s`.
    pub fn intern(&self, s: &str) -> PyRef {
        if let Some(r) = self.interned.borrow().get(s) {
            return r.clone();
        }
        let r = self.new_str(s);
        if let Some(so) = r.downcast::<StrObj>() {
            so.interned.set(true);
        }
        self.interned.borrow_mut().insert(s.into(), r.clone());
        r
    }

    /// A bytes object.
    pub fn new_bytes(&self, b: Vec<u8>) -> PyRef {
        if b.is_empty() {
            return self.empty_bytes.clone();
        }
        alloc_object(&self.types.bytes, |ob| BytesObj { ob, hash: Cell::new(-1), value: b.into_boxed_slice() })
    }

    /// A tuple.
    pub fn new_tuple(&self, items: Vec<PyRef>) -> PyRef {
        if items.is_empty() {
            return self.empty_tuple.clone();
        }
        alloc_object(&self.types.tuple, |ob| TupleObj { ob, items: items.into_boxed_slice() })
    }

    /// A list.
    pub fn new_list(&self, items: Vec<PyRef>) -> PyRef {
        crate::object::new_list(&self.types.list, items)
    }

    /// An empty dict.
    pub fn new_dict(&self) -> PyRef {
        crate::object::new_dict(&self.types.dict)
    }

    // ----- errors -----

    /// Instantiate exception class `ty` with a message argument.
    pub fn new_exception_msg(&self, ty: &TypeRef, msg: &str) -> PyErr {
        let arg = self.new_str(msg);
        PyErr(crate::types::exceptions::new_exception(self, ty, vec![arg]))
    }

    /// Instantiate exception class `ty` with the given args.
    pub fn new_exception(&self, ty: &TypeRef, args: Vec<PyRef>) -> PyErr {
        PyErr(crate::types::exceptions::new_exception(self, ty, args))
    }

    /// `TypeError(msg)`.
    #[cold]
    pub fn type_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.exc.type_error, msg.as_ref())
    }
    /// `ValueError(msg)`.
    #[cold]
    pub fn value_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.exc.value_error, msg.as_ref())
    }
    /// `IndexError(msg)`.
    #[cold]
    pub fn index_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.exc.index_error, msg.as_ref())
    }
    /// `KeyError(key)`.
    #[cold]
    pub fn key_error(&self, key: PyRef) -> PyErr {
        self.new_exception(&self.exc.key_error, vec![key])
    }
    /// `AttributeError(msg)`.
    #[cold]
    pub fn attribute_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.exc.attribute_error, msg.as_ref())
    }
    /// `ZeroDivisionError(msg)`.
    #[cold]
    pub fn zero_division_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.exc.zero_division_error, msg.as_ref())
    }
    /// `OverflowError(msg)`.
    #[cold]
    pub fn overflow_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.exc.overflow_error, msg.as_ref())
    }
    /// `RuntimeError(msg)`.
    #[cold]
    pub fn runtime_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.exc.runtime_error, msg.as_ref())
    }
    /// `NameError(msg)`.
    #[cold]
    pub fn name_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.exc.name_error, msg.as_ref())
    }
    /// `StopIteration()`/`StopIteration(value)`.
    #[cold]
    pub fn stop_iteration(&self, value: Option<PyRef>) -> PyErr {
        self.new_exception(&self.exc.stop_iteration, value.into_iter().collect())
    }
}

/// Write `text` to the process's stderr, ignoring failure (a full or closed
/// stderr must not stop the interpreter: CPython drops such output too).
pub fn write_process_stderr(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().write_all(text.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::Vm;

    #[test]
    fn dropping_the_vm_clears_the_current_pointer() {
        let a = Vm::new();
        assert_eq!(Vm::with_current(|v| std::ptr::eq(v, &*a)), Some(true));
        let b = Vm::new();
        assert_eq!(Vm::with_current(|v| std::ptr::eq(v, &*b)), Some(true));
        // Dropping a Vm that is not current leaves the current one alone.
        a.enter();
        drop(b);
        assert_eq!(Vm::with_current(|v| std::ptr::eq(v, &*a)), Some(true));
        drop(a);
        assert_eq!(Vm::with_current(|_| ()), None);
    }
}
