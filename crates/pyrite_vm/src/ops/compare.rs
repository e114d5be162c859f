//! Rich comparison, hashing and truth value.

use crate::object::PyRef;
use crate::types::typeobj::CmpOp;
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// `a op b` with CPython's reflected-operand rules; comparing nested
    /// containers counts towards the recursion limit, as in CPython.
    pub fn rich_compare(&self, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
        self.check_recursion_in(" in comparison")?;
        let r = self.rich_compare_unguarded(a, b, op);
        self.leave_recursion();
        r
    }

    fn rich_compare_unguarded(&self, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
        let (ta, tb) = (a.ty(), b.ty());
        let fa = ta.slots().richcompare;
        let fb = tb.slots().richcompare;
        let mut checked_reverse = false;
        if !std::ptr::eq(ta, tb) && tb.is_subtype(ta) {
            if let Some(f) = fb {
                checked_reverse = true;
                let r = f(self, b, a, op.swapped())?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = fa {
            let r = f(self, a, b, op)?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if !checked_reverse {
            if let Some(f) = fb {
                let r = f(self, b, a, op.swapped())?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(self.new_bool(a.is(b))),
            CmpOp::Ne => Ok(self.new_bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                ta.name(),
                tb.name()
            ))),
        }
    }

    /// `hash(o)`.
    pub fn hash(&self, o: &PyRef) -> PyResult<i64> {
        if std::ptr::eq(o.ty(), &*self.types.str) {
            // SAFETY: exact str checked.
            return Ok(str_hash(unsafe { o.downcast_unchecked::<crate::types::str::StrObj>() }));
        }
        match o.ty().slots().hash {
            Some(f) => f(self, o),
            None => Err(self.type_error(format!("unhashable type: '{}'", o.ty().name()))),
        }
    }

    /// `bool(o)`.
    #[inline]
    pub fn truthy(&self, o: &PyRef) -> PyResult<bool> {
        if o.is(&self.true_) {
            return Ok(true);
        }
        if o.is(&self.false_) || o.is(&self.none) {
            return Ok(false);
        }
        let s = o.ty().slots();
        if let Some(f) = s.bool {
            return f(self, o);
        }
        if let Some(f) = s.len {
            return Ok(f(self, o)? != 0);
        }
        Ok(true)
    }
}

/// The hash of a str: CPython's SipHash-1-3 of the text with the
/// `PYTHONHASHSEED=0` key (so set and dict orders match CPython's), cached in
/// the object; never -1.
pub fn str_hash(s: &crate::types::str::StrObj) -> i64 {
    let h = s.hash.get();
    if h != -1 {
        return h;
    }
    let h = crate::types::str::hash::hash_text(s.as_str());
    s.hash.set(h);
    h
}
