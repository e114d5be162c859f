//! Frames: the locals, cells and value stack of one executing code object,
//! and the stack of executing frames that `globals()`, `locals()` and
//! `super()` look at.

use std::cell::Cell;
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
struct FrameInfo {
    code: NonNull<PyObject>,
    globals: NonNull<PyObject>,
    locals: Option<NonNull<PyObject>>,
    /// The buffer of `fast` and its length.
    fast: NonNull<Option<PyRef>>,
    nfast: usize,
    /// The entry of the frame this one runs inside.
    outer: Option<NonNull<FrameInfo>>,
}

/// The executing frames of a thread, innermost first: a list threaded
/// through the Rust stack frames of [`FrameStack::run`], which pushes an
/// entry for a frame around the code that executes it (no allocation).
/// Readers get new references, never borrows.
#[derive(Default)]
pub struct FrameStack {
    top: Cell<Option<NonNull<FrameInfo>>>,
}

impl FrameStack {
    /// Run `body` on `frame` with the frame on the stack (the innermost one
    /// until `body` returns or unwinds).
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
            outer: self.top.get(),
        };
        /// Restores the outer entry when `run` ends, also by unwinding: no
        /// entry outlives the `run` whose stack frame holds it.
        struct Pop<'a>(&'a FrameStack, Option<NonNull<FrameInfo>>);
        impl Drop for Pop<'_> {
            #[inline(always)]
            fn drop(&mut self) {
                self.0.top.set(self.1);
            }
        }
        let _pop = Pop(self, info.outer);
        self.top.set(Some(NonNull::from(&info)));
        body(frame)
    }

    /// Run `f` on the innermost frame's entry (the reference cannot escape).
    fn with_top<R>(&self, f: impl FnOnce(&FrameInfo) -> R) -> Option<R> {
        let p = self.top.get()?;
        // SAFETY: `top` is set by `run` to its local `info`, which is neither
        // moved nor mutated, and which stays alive until that `run` restores
        // the previous value (its `Pop` guard is dropped before `info`, also
        // when unwinding). Whoever calls this runs inside that `run`'s body
        // (or one nested in it), so the entry outlives `f`.
        Some(f(unsafe { p.as_ref() }))
    }

    /// The innermost frame's code object.
    pub fn code(&self) -> Option<PyRef> {
        // SAFETY: an entry is on the stack only while `run` executes its
        // frame, which holds a reference to the code object and does not
        // replace it (contract of `run`).
        self.with_top(|f| PyRef::from_obj(unsafe { f.code.as_ref() }))
    }

    /// The innermost frame's globals.
    pub fn globals(&self) -> Option<PyRef> {
        // SAFETY: as in `code`.
        self.with_top(|f| PyRef::from_obj(unsafe { f.globals.as_ref() }))
    }

    /// The innermost frame's locals mapping (module and class bodies), if it has one.
    pub fn locals(&self) -> Option<PyRef> {
        // SAFETY: as in `code`.
        self.with_top(|f| f.locals.map(|l| PyRef::from_obj(unsafe { l.as_ref() }))).flatten()
    }

    /// Fast-local slot `i` of the innermost frame (a new reference): `None`
    /// without a frame or past the end, `Some(None)` for an empty slot.
    pub fn fast(&self, i: usize) -> Option<Option<PyRef>> {
        self.with_top(|f| {
            // SAFETY: as in `code`: the buffer is the frame's `fast`, neither
            // reallocated nor resized while the frame runs, and no `&mut` to
            // its elements is alive while other code runs, such as this
            // (contract of `run`); `i` is in bounds; cloning only increments.
            (i < f.nfast).then(|| unsafe { (*f.fast.as_ptr().add(i)).clone() })
        })
        .flatten()
    }
}
