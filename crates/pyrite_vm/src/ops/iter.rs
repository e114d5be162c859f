//! The iterator protocol.

use crate::object::PyRef;
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// `iter(o)`.
    pub fn iter(&self, o: &PyRef) -> PyResult {
        let s = o.ty().slots();
        if let Some(f) = s.iter {
            let it = f(self, o)?;
            if it.ty().slots().iternext.is_none() {
                return Err(self.type_error(format!("iter() returned non-iterator of type '{}'", it.ty().name())));
            }
            return Ok(it);
        }
        if s.getitem.is_some() {
            return Ok(crate::types::iter::seq_iter_new(self, o.clone()));
        }
        Err(self.type_error(format!("'{}' object is not iterable", o.ty().name())))
    }

    /// `next(it)`: `Ok(None)` when exhausted (a `StopIteration` raised by
    /// the iterator also means exhausted, as in `FOR_ITER`).
    #[inline]
    pub fn next(&self, it: &PyRef) -> PyResult<Option<PyRef>> {
        match self.next_raw(it) {
            Err(e) if self.is_instance(&e.0, &self.exc.stop_iteration) => Ok(None),
            r => r,
        }
    }

    /// The iterator's `__next__` as is: a `StopIteration` carrying a value
    /// (a generator's return value) is passed through as an error.
    #[inline]
    pub fn next_raw(&self, it: &PyRef) -> PyResult<Option<PyRef>> {
        match it.ty().slots().iternext {
            Some(f) => f(self, it),
            None => Err(self.type_error(format!("'{}' object is not an iterator", it.ty().name()))),
        }
    }

    /// `list(iterable)` as a Rust vector.
    pub fn collect(&self, o: &PyRef) -> PyResult<Vec<PyRef>> {
        // Shortcuts for exact lists and tuples only: subclasses may override `__iter__`.
        if std::ptr::eq(o.ty(), &*self.types.tuple) {
            if let Some(t) = o.downcast::<crate::types::tuple::TupleObj>() {
                return Ok(t.items().to_vec());
            }
        }
        if std::ptr::eq(o.ty(), &*self.types.list) {
            if let Some(l) = o.downcast::<crate::types::list::ListObj>() {
                return Ok(l.to_vec());
            }
        }
        // As CPython's PySequence_Tuple: size the vector from the length
        // hint, and report running out of memory as MemoryError.
        let it = self.iter(o)?;
        let hint = crate::types::iter::length_hint(self, o, 0)?;
        let mut v = Vec::new();
        let oom = |_| crate::types::list::memory_error(self);
        v.try_reserve_exact(hint).map_err(oom)?;
        while let Some(x) = self.next(&it)? {
            if v.len() == v.capacity() {
                v.try_reserve(1).map_err(oom)?;
            }
            v.push(x);
        }
        Ok(v)
    }
}
