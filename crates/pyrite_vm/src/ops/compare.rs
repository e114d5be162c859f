//! Rich comparison, hashing and truth value.

use crate::object::PyRef;
use crate::types::typeobj::CmpOp;
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// `a op b` with CPython's reflected-operand rules.
    pub fn rich_compare(&self, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
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
        if let Some(s) = o.downcast::<crate::types::str::StrObj>() {
            let h = s.hash.get();
            if h != -1 {
                return Ok(h);
            }
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
