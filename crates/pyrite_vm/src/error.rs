//! Exceptions as Rust values: [`PyErr`] carries a raised exception instance.

use crate::object::PyRef;

/// A raised Python exception: the exception instance (a `BaseException`
/// subclass). Tracebacks accumulate in the instance as frames unwind.
#[derive(Clone)]
pub struct PyErr(pub PyRef);

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({:?})", self.0)
    }
}

/// The result of every fallible runtime operation.
pub type PyResult<T = PyRef> = Result<T, PyErr>;
