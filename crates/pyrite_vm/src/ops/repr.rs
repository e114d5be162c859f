//! `repr()`, `str()`, and recursion guards for container reprs.

use crate::object::PyRef;
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// `repr(o)` as a str object.
    pub fn repr(&self, o: &PyRef) -> PyResult<PyRef> {
        let f = o.ty().slots().repr;
        let r = match f {
            Some(f) => {
                self.check_recursion()?;
                let r = f(self, o);
                self.leave_recursion();
                r?
            }
            None => return Ok(self.new_string(self.default_repr(o))),
        };
        if self.str_of(&r).is_none() {
            return Err(self.type_error(format!("__repr__ returned non-string (type {})", r.ty().name())));
        }
        Ok(r)
    }

    /// `repr(o)` as Rust text.
    pub fn repr_string(&self, o: &PyRef) -> PyResult<String> {
        let r = self.repr(o)?;
        Ok(self.str_of(&r).unwrap_or_default().to_string())
    }

    /// `<module.Type object at 0x...>`.
    pub fn default_repr(&self, o: &PyRef) -> String {
        let t = o.ty();
        let module = self
            .dict_get_str(t.dict(), "__module__")
            .and_then(|m| self.str_of(&m).map(str::to_string))
            .filter(|m| m != "builtins");
        match module {
            Some(m) => format!("<{}.{} object at {:#x}>", m, t.qualname(), o.as_ptr() as usize),
            None => format!("<{} object at {:#x}>", t.qualname(), o.as_ptr() as usize),
        }
    }

    /// `str(o)` as a str object.
    pub fn str(&self, o: &PyRef) -> PyResult<PyRef> {
        if std::ptr::eq(o.ty(), &*self.types.str) {
            return Ok(o.clone());
        }
        let r = match o.ty().slots().str {
            Some(f) => f(self, o)?,
            None => return self.repr(o),
        };
        if self.str_of(&r).is_none() {
            return Err(self.type_error(format!("__str__ returned non-string (type {})", r.ty().name())));
        }
        Ok(r)
    }

    /// `str(o)` as Rust text.
    pub fn str_string(&self, o: &PyRef) -> PyResult<String> {
        let r = self.str(o)?;
        Ok(self.str_of(&r).unwrap_or_default().to_string())
    }

    /// Enter the repr of a container: false if `o` is already being
    /// represented further up (then print `[...]`).
    pub fn repr_enter(&self, o: &PyRef) -> bool {
        let mut s = self.repr_stack.borrow_mut();
        if s.iter().any(|p| *p == o.as_ptr() as usize) {
            return false;
        }
        s.push(o.as_ptr() as usize);
        true
    }

    /// Leave the repr of a container entered with [`Vm::repr_enter`].
    pub fn repr_leave(&self, o: &PyRef) {
        let mut s = self.repr_stack.borrow_mut();
        if let Some(i) = s.iter().rposition(|p| *p == o.as_ptr() as usize) {
            s.remove(i);
        }
    }

    /// Count one level of Rust-level recursion into Python-visible
    /// operations (repr, calls from Rust); RecursionError past the limit,
    /// or when the native stack is nearly used up.
    #[inline]
    pub fn check_recursion(&self) -> PyResult<()> {
        self.check_recursion_in("")
    }

    /// [`Vm::check_recursion`] with CPython's context for the message
    /// (`" in comparison"`, …).
    pub fn check_recursion_in(&self, context: &str) -> PyResult<()> {
        let d = self.recursion_depth.get() + 1;
        if d > self.recursion_limit.get() || super::stack::below(self.stack_floor) {
            return Err(self.new_exception_msg(&self.exc.recursion_error, &format!("maximum recursion depth exceeded{context}")));
        }
        self.recursion_depth.set(d);
        Ok(())
    }

    /// Undo [`Vm::check_recursion`].
    pub fn leave_recursion(&self) {
        self.recursion_depth.set(self.recursion_depth.get() - 1);
    }
}
