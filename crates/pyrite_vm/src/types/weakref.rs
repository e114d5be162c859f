//! Weak references (placeholder until the `_weakref` types land): no object
//! has weak references yet, so the collector's weakref pass finds nothing.

use crate::object::{PyObject, PyRef};
use crate::vm::Vm;

/// Whether `o` has weak references.
pub(crate) fn has_weakrefs(_o: &PyObject) -> bool {
    false
}

/// Clear every weak reference to `o`, returning those with a callback.
pub(crate) fn clear_weakrefs_for_gc(_o: &PyObject) -> Vec<PyRef> {
    Vec::new()
}

/// Call the callback of a cleared weakref.
pub(crate) fn run_weakref_callback(_vm: &Vm, _w: &PyRef) {}

/// If `o` is itself a weak reference, make it dead without calling its callback.
pub(crate) fn clear_own_referent(_o: &PyObject) {}
