//! Length, subscription and membership.

use crate::object::PyRef;
use crate::types::typeobj::Layout;
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// `len(o)`.
    pub fn len(&self, o: &PyRef) -> PyResult<usize> {
        match o.ty().slots().len {
            Some(f) => f(self, o),
            None => Err(self.type_error(format!("object of type '{}' has no len()", o.ty().name()))),
        }
    }

    /// `o[k]`.
    pub fn get_item(&self, o: &PyRef, k: &PyRef) -> PyResult {
        if let Some(f) = o.ty().slots().getitem {
            return f(self, o, k);
        }
        if o.ty().layout == Layout::Type {
            if let Some(m) = self.lookup_attr_str(o, "__class_getitem__")? {
                return self.call_pos(&m, std::slice::from_ref(k));
            }
            let t = crate::types::TypeRef::new(o.clone()).expect("type");
            return Err(self.type_error(format!("type '{}' is not subscriptable", t.name())));
        }
        Err(self.type_error(format!("'{}' object is not subscriptable", o.ty().name())))
    }

    /// `o[k] = v`.
    pub fn set_item(&self, o: &PyRef, k: &PyRef, v: PyRef) -> PyResult<()> {
        match o.ty().slots().setitem {
            Some(f) => f(self, o, k, Some(v)),
            None => Err(self.type_error(format!("'{}' object does not support item assignment", o.ty().name()))),
        }
    }

    /// `del o[k]`.
    pub fn del_item(&self, o: &PyRef, k: &PyRef) -> PyResult<()> {
        match o.ty().slots().setitem {
            Some(f) => f(self, o, k, None),
            None => Err(self.type_error(format!("'{}' object doesn't support item deletion", o.ty().name()))),
        }
    }

    /// `item in container`.
    pub fn contains(&self, container: &PyRef, item: &PyRef) -> PyResult<bool> {
        if let Some(f) = container.ty().slots().contains {
            return f(self, container, item);
        }
        let s = container.ty().slots();
        if s.iter.is_none() && s.getitem.is_none() {
            return Err(self.type_error(format!("argument of type '{}' is not iterable", container.ty().name())));
        }
        let it = self.iter(container)?;
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `operator.index(o)` as an i64 (OverflowError if too big).
    pub fn index_i64(&self, o: &PyRef) -> PyResult<i64> {
        if let Some(v) = self.small_int_of(o) {
            return Ok(v);
        }
        let i = self.index(o)?;
        match self.small_int_of(&i) {
            Some(v) => Ok(v),
            None => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
        }
    }

    /// `operator.index(o)`: an int object.
    pub fn index(&self, o: &PyRef) -> PyResult {
        if o.ty().layout == Layout::Int {
            return Ok(o.clone());
        }
        match o.ty().slots().index {
            Some(f) => f(self, o),
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                o.ty().name()
            ))),
        }
    }
}
