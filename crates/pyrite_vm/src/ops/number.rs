//! Binary and unary operators with CPython's dispatch rules (left operand's
//! slot, then the right's, the right first when its type is a subclass).

use super::BinOp;
use crate::object::PyRef;
use crate::types::typeobj::Layout;
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// `a op b`.
    pub fn binary_op(&self, a: &PyRef, b: &PyRef, op: BinOp) -> PyResult {
        let r = self.binary_op1(a, b, op)?;
        if !r.is(&self.not_implemented) {
            return Ok(r);
        }
        // Sequence repetition/concatenation fall-backs are inside the types'
        // own slots; here only the error remains.
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol(),
            a.ty().name(),
            b.ty().name()
        )))
    }

    /// Try the operands' slots; `NotImplemented` if neither handles it.
    fn binary_op1(&self, a: &PyRef, b: &PyRef, op: BinOp) -> PyResult {
        let (ta, tb) = (a.ty(), b.ty());
        let none = self.none();
        let call = |f: Slot, x: &PyRef, y: &PyRef| -> PyResult {
            match f {
                Slot::Bin(f) => f(self, x, y),
                Slot::Pow(f) => f(self, x, y, &none),
            }
        };
        let sa = slot_of(ta.slots(), op);
        let sb = if std::ptr::eq(ta, tb) { None } else { slot_of(tb.slots(), op) };
        let sb = match (sa, sb) {
            (Some(x), Some(y)) if x == y => None,
            (_, s) => s,
        };
        if let Some(fa) = sa {
            if let Some(fb) = sb {
                if tb.is_subtype(ta) {
                    let r = call(fb, a, b)?;
                    if !r.is(&self.not_implemented) {
                        return Ok(r);
                    }
                    let r = call(fa, a, b)?;
                    return Ok(r);
                }
            }
            let r = call(fa, a, b)?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if let Some(fb) = sb {
            return call(fb, a, b);
        }
        Ok(self.not_implemented.clone())
    }

    /// `a op= b`: `__iop__` if the left operand's type has one, else `a op b`.
    pub fn inplace_op(&self, a: &PyRef, b: &PyRef, op: BinOp) -> PyResult {
        if !matches!(a.ty().layout, Layout::Int | Layout::Float | Layout::Str | Layout::Tuple | Layout::Bytes) {
            let (_, _, iname) = op.dunders();
            if let Some(f) = self.lookup_type_str(a.ty(), iname) {
                let r = self.call_unbound(&f, a, &[a.clone(), b.clone()])?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        let r = self.binary_op1(a, b, op)?;
        if !r.is(&self.not_implemented) {
            return Ok(r);
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}=: '{}' and '{}'",
            op.symbol().trim_end_matches(" or pow()"),
            a.ty().name(),
            b.ty().name()
        )))
    }

    /// `pow(a, b, m)`.
    pub fn ternary_pow(&self, a: &PyRef, b: &PyRef, m: &PyRef) -> PyResult {
        if let Some(f) = a.ty().slots().pow {
            let r = f(self, a, b, m)?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if !std::ptr::eq(a.ty(), b.ty()) {
            if let Some(f) = b.ty().slots().pow {
                let r = f(self, a, b, m)?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        // Finally the modulus's type, as CPython's ternary_op does.
        if !std::ptr::eq(m.ty(), a.ty()) && !std::ptr::eq(m.ty(), b.ty()) {
            if let Some(f) = m.ty().slots().pow {
                let r = f(self, a, b, m)?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for pow(): '{}', '{}', '{}'",
            a.ty().name(),
            b.ty().name(),
            m.ty().name()
        )))
    }

    /// `-o`.
    pub fn neg(&self, o: &PyRef) -> PyResult {
        self.unary(o, o.ty().slots().neg, "unary -")
    }
    /// `+o`.
    pub fn pos(&self, o: &PyRef) -> PyResult {
        self.unary(o, o.ty().slots().pos, "unary +")
    }
    /// `~o`.
    pub fn invert(&self, o: &PyRef) -> PyResult {
        self.unary(o, o.ty().slots().invert, "unary ~")
    }
    /// `abs(o)`.
    pub fn abs(&self, o: &PyRef) -> PyResult {
        self.unary(o, o.ty().slots().abs, "abs()")
    }

    fn unary(&self, o: &PyRef, f: Option<crate::types::typeobj::UnaryFn>, what: &str) -> PyResult {
        match f {
            Some(f) => f(self, o),
            None => Err(self.type_error(format!("bad operand type for {}: '{}'", what, o.ty().name()))),
        }
    }
}

#[derive(Clone, Copy)]
enum Slot {
    Bin(crate::types::typeobj::BinaryFn),
    Pow(crate::types::typeobj::TernaryFn),
}

impl PartialEq for Slot {
    fn eq(&self, other: &Slot) -> bool {
        match (self, other) {
            (Slot::Bin(a), Slot::Bin(b)) => std::ptr::fn_addr_eq(*a, *b),
            (Slot::Pow(a), Slot::Pow(b)) => std::ptr::fn_addr_eq(*a, *b),
            _ => false,
        }
    }
}

fn slot_of(s: &crate::types::typeobj::Slots, op: BinOp) -> Option<Slot> {
    if op == BinOp::Pow {
        s.pow.map(Slot::Pow)
    } else {
        op.slot(s).map(Slot::Bin)
    }
}
