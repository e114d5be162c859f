//! Frames: the locals, cells and value stack of one executing code object.

use crate::object::PyRef;

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
