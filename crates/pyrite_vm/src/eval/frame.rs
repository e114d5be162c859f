//! Frames: the locals, cells and value stack of one executing code object,
//! and the stack of executing frames that `globals()`, `locals()` and
//! `super()` look at.

use std::cell::RefCell;
use std::ptr::NonNull;

use crate::object::{PyObject, PyRef};

/// One activation of a code object.
pub struct Frame {
    /// The code object (a `CodeObj`).
    pub code: PyRef,
    /// The function being run, if any.
    pub func: Option<PyRef>,
    /// Module globals (a dict).
    pub globals: PyRef,
    /// Builtins (a dict).
    pub builtins: PyRef,
    /// Locals mapping for module and class bodies (`LOAD_NAME`).
    pub locals: Option<PyRef>,
    /// Fast locals, cells and free variables (`localsplus`).
    pub fast: Vec<Option<PyRef>>,
    /// The value stack (`None` entries are NULL markers).
    pub stack: Vec<Option<PyRef>>,
    /// Index of the next instruction.
    pub ip: usize,
    /// Index of the instruction being executed (for tracebacks).
    pub lasti: usize,
    /// Keyword names stashed by `KW_NAMES` for the next `CALL`.
    pub kwnames: Option<PyRef>,
}

/// A pool of recycled vectors so that calls rarely reach the system allocator.
#[derive(Default)]
pub struct FrameArena {
    free: Vec<Vec<Option<PyRef>>>,
}

impl FrameArena {
    /// An empty pool.
    pub fn new() -> Self {
        FrameArena { free: Vec::new() }
    }
    /// A vector of `n` empty slots with room for `cap`.
    pub fn take(&mut self, n: usize, cap: usize) -> Vec<Option<PyRef>> {
        let mut v = self.free.pop().unwrap_or_default();
        v.reserve(cap.max(n));
        v.resize_with(n, || None);
        v
    }
    /// Return an emptied vector to the pool.
    pub fn give(&mut self, v: Vec<Option<PyRef>>) {
        debug_assert!(v.is_empty());
        if self.free.len() < 256 {
            self.free.push(v);
        }
    }
}

/// What introspection sees of an executing frame: pointers, taken when it
/// started running, to objects and storage the frame owns (never to the
/// `Frame` struct itself, which the eval loop holds mutably).
#[derive(Clone, Copy)]
struct FrameInfo {
    code: NonNull<PyObject>,
    globals: NonNull<PyObject>,
    locals: Option<NonNull<PyObject>>,
    /// The buffer of `fast` and its length.
    fast: NonNull<Option<PyRef>>,
    nfast: usize,
}

/// The executing frames of a thread, innermost last. Frames are pushed and
/// popped only by [`FrameStack::run`], around the code that executes them;
/// readers get new references, never borrows.
#[derive(Default)]
pub struct FrameStack {
    entries: RefCell<Vec<FrameInfo>>,
}

impl FrameStack {
    /// Run `body` on `frame` with the frame on the stack (the innermost one
    /// until `body` returns or unwinds). The stack's storage is reused, so
    /// this allocates only when the stack grows deeper than ever before.
    ///
    /// # Safety
    /// While `body` runs, it must not replace `frame.code`, `frame.globals`,
    /// `frame.locals` or `frame.fast` (nor `*frame` as a whole), nor change
    /// the length of `frame.fast`; and it must hold no `&mut` to an element
    /// of `frame.fast` while anything runs that could run Python code, drop
    /// a reference or call into this stack (so a slot is written by moving
    /// the old value out, and dropping it after the write).
    #[inline(always)]
    pub(crate) unsafe fn run<R>(&self, frame: &mut Frame, body: impl FnOnce(&mut Frame) -> R) -> R {
        let info = FrameInfo {
            code: NonNull::from(&*frame.code),
            globals: NonNull::from(&*frame.globals),
            locals: frame.locals.as_deref().map(NonNull::from),
            // SAFETY: a Vec's buffer pointer is never null.
            fast: unsafe { NonNull::new_unchecked(frame.fast.as_mut_ptr()) },
            nfast: frame.fast.len(),
        };
        self.entries.borrow_mut().push(info);
        struct Pop<'a>(&'a FrameStack);
        impl Drop for Pop<'_> {
            #[inline(always)]
            fn drop(&mut self) {
                self.0.entries.borrow_mut().pop();
            }
        }
        let _pop = Pop(self);
        body(frame)
    }

    /// The innermost frame's entry.
    fn top(&self) -> Option<FrameInfo> {
        self.entries.borrow().last().copied()
    }

    /// The innermost frame's code object.
    pub fn code(&self) -> Option<PyRef> {
        let f = self.top()?;
        // SAFETY: an entry is on the stack only while `run` executes its
        // frame, which holds a reference to the code object and does not
        // replace it (contract of `run`).
        Some(PyRef::from_obj(unsafe { f.code.as_ref() }))
    }

    /// The innermost frame's globals.
    pub fn globals(&self) -> Option<PyRef> {
        let f = self.top()?;
        // SAFETY: as in `code`.
        Some(PyRef::from_obj(unsafe { f.globals.as_ref() }))
    }

    /// The innermost frame's locals mapping (module and class bodies), if it has one.
    pub fn locals(&self) -> Option<PyRef> {
        let f = self.top()?;
        // SAFETY: as in `code`.
        f.locals.map(|l| PyRef::from_obj(unsafe { l.as_ref() }))
    }

    /// Fast-local slot `i` of the innermost frame (a new reference): `None`
    /// without a frame or past the end, `Some(None)` for an empty slot.
    pub fn fast(&self, i: usize) -> Option<Option<PyRef>> {
        let f = self.top()?;
        if i >= f.nfast {
            return None;
        }
        // SAFETY: as in `code`: the buffer is the frame's `fast`, neither
        // reallocated nor resized while the frame runs, and no `&mut` to its
        // elements is alive while other code runs, such as this (contract
        // of `run`); `i` is in bounds; cloning only increments a count.
        Some(unsafe { (*f.fast.as_ptr().add(i)).clone() })
    }
}
