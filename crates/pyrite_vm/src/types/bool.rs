//! `bool`: a subclass of `int` with two instances.

use crate::object::PyRef;
use crate::types::int::{bind_args, int_of, int_slots_for_bool, IntValue};
use crate::types::typeobj::{FuncArgs, Slots};
use crate::vm::Vm;
use crate::PyResult;

/// The truth value of a bool (or int) object.
fn bool_value(o: &PyRef) -> Option<bool> {
    match int_of(o)?.value {
        IntValue::Small(v) => Some(v != 0),
        IntValue::Big(_) => Some(true),
    }
}

fn bool_repr(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_str(if bool_value(o) == Some(true) { "True" } else { "False" }))
}

/// `bool(x)`: the truth value of `x`.
fn bool_new(vm: &Vm, _cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    let [x] = bind_args(vm, "bool", args.positional(), &args, ["x"], 1, 0)?;
    Ok(vm.new_bool(match x {
        Some(x) => vm.truthy(x)?,
        None => false,
    }))
}

/// Both operands as bools when both are bools; otherwise defer to int.
fn bool_operands(vm: &Vm, a: &PyRef, b: &PyRef) -> Option<(bool, bool)> {
    let is_bool = |o: &PyRef| std::ptr::eq(o.ty(), &*vm.types.bool);
    if is_bool(a) && is_bool(b) {
        Some((bool_value(a)?, bool_value(b)?))
    } else {
        None
    }
}

macro_rules! bool_bitop {
    ($name:ident, $int_slot:ident, $op:tt) => {
        fn $name(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
            match bool_operands(vm, a, b) {
                Some((x, y)) => Ok(vm.new_bool(x $op y)),
                None => match vm.types.int.slots().$int_slot {
                    Some(f) => f(vm, a, b),
                    None => Ok(vm.not_implemented.clone()),
                },
            }
        }
    };
}
bool_bitop!(bool_and, and, &);
bool_bitop!(bool_or, or, |);
bool_bitop!(bool_xor, xor, ^);

/// Install `bool`'s slots and methods.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.bool;
    vm.set_type_slots(
        t,
        Slots {
            repr: Some(bool_repr),
            new: Some(bool_new),
            and: Some(bool_and),
            or: Some(bool_or),
            xor: Some(bool_xor),
            ..int_slots_for_bool()
        },
    );
    crate::types::int::binary_dunders!(vm, t,
        bool_and => "__and__", "__rand__";
        bool_or => "__or__", "__ror__";
        bool_xor => "__xor__", "__rxor__";
    );
    crate::types::int::unary_dunders!(vm, t, bool_repr => "__repr__";);
}

#[cfg(test)]
mod tests {

    #[test]
    fn bool_ops() {
        let vm = crate::types::int::test_vm();
        let t = vm.true_.clone();
        let f = vm.false_.clone();
        assert_eq!(vm.repr_string(&t).unwrap(), "True");
        let r = vm.binary_op(&t, &f, crate::ops::BinOp::Or).unwrap();
        assert!(r.is(&vm.true_));
        let r = vm.binary_op(&t, &t, crate::ops::BinOp::Xor).unwrap();
        assert!(r.is(&vm.false_));
        let r = vm.binary_op(&t, &vm.new_int(2), crate::ops::BinOp::Or).unwrap();
        assert_eq!(vm.small_int_of(&r), Some(3));
        let r = vm.binary_op(&t, &t, crate::ops::BinOp::Add).unwrap();
        assert_eq!(vm.repr_string(&r).unwrap(), "2");
    }
}
