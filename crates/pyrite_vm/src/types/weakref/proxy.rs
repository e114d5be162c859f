//! `weakref.ProxyType` and `weakref.CallableProxyType`: weak references that
//! forward every operation to their referent, and raise
//! `ReferenceError: weakly-referenced object no longer exists` once it is
//! gone. Proxies are unhashable; a proxy to a callable is a
//! `CallableProxyType` (which adds `__call__`).

use super::WeakrefObj;
use crate::object::PyRef;
use crate::ops::BinOp;
use crate::types::typeobj::{CmpOp, FuncArgs, NativeFn, PyType, Slots};
use crate::vm::Vm;
use crate::PyResult;

/// Whether `t` is one of the two proxy types.
pub(crate) fn is_proxy_type(vm: &Vm, t: &PyType) -> bool {
    std::ptr::eq(t, &*vm.types.weakproxy) || std::ptr::eq(t, &*vm.types.weakcallableproxy)
}

/// The referent of proxy `o`, or `ReferenceError` if it is dead.
fn referent(vm: &Vm, o: &PyRef) -> PyResult {
    o.downcast::<WeakrefObj>()
        .and_then(WeakrefObj::referent)
        .ok_or_else(|| vm.new_exception_msg(&vm.exc.reference_error, "weakly-referenced object no longer exists"))
}

/// `o` itself, or its referent when `o` is a proxy (CPython's `UNWRAP`).
fn unwrap(vm: &Vm, o: &PyRef) -> PyResult {
    if is_proxy_type(vm, o.ty()) {
        referent(vm, o)
    } else {
        Ok(o.clone())
    }
}

fn proxy_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let r = o.downcast::<WeakrefObj>().and_then(WeakrefObj::referent).unwrap_or_else(|| vm.none());
    Ok(vm.new_string(format!(
        "<weakproxy at {:#x} to {} at {:#x}>",
        o.as_ptr() as usize,
        super::tp_name(vm, r.ty()),
        r.as_ptr() as usize
    )))
}

fn proxy_hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    Err(vm.type_error(format!("unhashable type: '{}'", super::tp_name(vm, o.ty()))))
}

fn binop(vm: &Vm, a: &PyRef, b: &PyRef, op: BinOp) -> PyResult {
    let (a, b) = (unwrap(vm, a)?, unwrap(vm, b)?);
    vm.binary_op(&a, &b, op)
}

macro_rules! binary_slots {
    ($($f:ident $op:expr),* $(,)?) => {
        $(fn $f(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult { binop(vm, a, b, $op) })*
    };
}
binary_slots!(
    proxy_add BinOp::Add, proxy_sub BinOp::Sub, proxy_mul BinOp::Mul, proxy_truediv BinOp::TrueDiv,
    proxy_floordiv BinOp::FloorDiv, proxy_rem BinOp::Mod, proxy_lshift BinOp::Lshift,
    proxy_rshift BinOp::Rshift, proxy_and BinOp::And, proxy_or BinOp::Or, proxy_xor BinOp::Xor,
    proxy_matmul BinOp::MatMul,
);

fn proxy_pow(vm: &Vm, a: &PyRef, b: &PyRef, m: &PyRef) -> PyResult {
    let (a, b, m) = (unwrap(vm, a)?, unwrap(vm, b)?, unwrap(vm, m)?);
    if vm.is_none(&m) {
        vm.binary_op(&a, &b, BinOp::Pow)
    } else {
        vm.ternary_pow(&a, &b, &m)
    }
}

fn proxy_divmod(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (a, b) = (unwrap(vm, a)?, unwrap(vm, b)?);
    let f = vm.builtins_module();
    let divmod = vm.get_attr_str(&f, "divmod")?;
    vm.call_pos(&divmod, &[a, b])
}

fn proxy_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let (a, b) = (unwrap(vm, a)?, unwrap(vm, b)?);
    vm.rich_compare(&a, &b, op)
}

fn proxy_getattr(vm: &Vm, o: &PyRef, name: &PyRef) -> PyResult {
    let r = referent(vm, o)?;
    vm.get_attr(&r, name)
}

fn proxy_setattr(vm: &Vm, o: &PyRef, name: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let r = referent(vm, o)?;
    vm.set_attr(&r, name, v)
}

fn proxy_call(vm: &Vm, o: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let r = referent(vm, o)?;
    vm.call(&r, args)
}

fn proxy_len(vm: &Vm, o: &PyRef) -> PyResult<usize> {
    vm.len(&referent(vm, o)?)
}

fn proxy_bool(vm: &Vm, o: &PyRef) -> PyResult<bool> {
    vm.truthy(&referent(vm, o)?)
}

fn proxy_getitem(vm: &Vm, o: &PyRef, k: &PyRef) -> PyResult {
    vm.get_item(&referent(vm, o)?, k)
}

fn proxy_setitem(vm: &Vm, o: &PyRef, k: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let r = referent(vm, o)?;
    match v {
        Some(v) => vm.set_item(&r, k, v),
        None => vm.del_item(&r, k),
    }
}

fn proxy_contains(vm: &Vm, o: &PyRef, k: &PyRef) -> PyResult<bool> {
    vm.contains(&referent(vm, o)?, k)
}

fn proxy_iter(vm: &Vm, o: &PyRef) -> PyResult {
    vm.iter(&referent(vm, o)?)
}

fn proxy_iternext(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let r = referent(vm, o)?;
    if r.ty().slots().iternext.is_none() {
        return Err(vm.type_error(format!("Weakref proxy referenced a non-iterator '{}' object", r.ty().name())));
    }
    vm.next_raw(&r)
}

fn proxy_str(vm: &Vm, o: &PyRef) -> PyResult {
    vm.str(&referent(vm, o)?)
}

macro_rules! unary_slots {
    ($($f:ident $m:ident),* $(,)?) => {
        $(fn $f(vm: &Vm, o: &PyRef) -> PyResult { vm.$m(&referent(vm, o)?) })*
    };
}
unary_slots!(proxy_neg neg, proxy_pos pos, proxy_invert invert, proxy_abs abs, proxy_index index);

fn proxy_int(vm: &Vm, o: &PyRef) -> PyResult {
    let r = referent(vm, o)?;
    vm.call_pos(vm.types.int.as_ref(), &[r])
}

fn proxy_float(vm: &Vm, o: &PyRef) -> PyResult {
    let r = referent(vm, o)?;
    vm.call_pos(vm.types.float.as_ref(), &[r])
}

/// `self` of a method call on a proxy, unwrapped.
fn self_referent(vm: &Vm, a: &FuncArgs<'_>) -> PyResult {
    match a.args.first() {
        Some(o) => referent(vm, o),
        None => Err(vm.type_error("descriptor needs an argument")),
    }
}

/// Slots of the two proxy types, and the few methods that have no slot.
pub(crate) fn init(vm: &Vm) {
    let slots = Slots {
        repr: Some(proxy_repr),
        str: Some(proxy_str),
        hash: Some(proxy_hash),
        richcompare: Some(proxy_richcompare),
        getattro: Some(proxy_getattr),
        setattro: Some(proxy_setattr),
        iter: Some(proxy_iter),
        iternext: Some(proxy_iternext),
        len: Some(proxy_len),
        getitem: Some(proxy_getitem),
        setitem: Some(proxy_setitem),
        contains: Some(proxy_contains),
        bool: Some(proxy_bool),
        add: Some(proxy_add),
        sub: Some(proxy_sub),
        mul: Some(proxy_mul),
        truediv: Some(proxy_truediv),
        floordiv: Some(proxy_floordiv),
        rem: Some(proxy_rem),
        divmod: Some(proxy_divmod),
        pow: Some(proxy_pow),
        lshift: Some(proxy_lshift),
        rshift: Some(proxy_rshift),
        and: Some(proxy_and),
        or: Some(proxy_or),
        xor: Some(proxy_xor),
        matmul: Some(proxy_matmul),
        neg: Some(proxy_neg),
        pos: Some(proxy_pos),
        invert: Some(proxy_invert),
        abs: Some(proxy_abs),
        int: Some(proxy_int),
        float: Some(proxy_float),
        index: Some(proxy_index),
        traverse: Some(super::weakref_traverse),
        clear: Some(super::weakref_clear),
        ..Default::default()
    };
    let methods: &[(&'static str, NativeFn)] = &[
        ("__bytes__", |vm, a| {
            let r = self_referent(vm, &a)?;
            vm.call_pos(vm.types.bytes.as_ref(), &[r])
        }),
        ("__reversed__", |vm, a| {
            let r = self_referent(vm, &a)?;
            let b = vm.builtins_module();
            let rev = vm.get_attr_str(&b, "reversed")?;
            vm.call_pos(&rev, &[r])
        }),
    ];
    for (t, callable) in [(&vm.types.weakproxy, false), (&vm.types.weakcallableproxy, true)] {
        let mut s = slots;
        if callable {
            s.call = Some(proxy_call);
        }
        vm.set_type_slots(t, s);
        vm.dict_set_str(t.dict(), "__module__", vm.new_str("weakref"));
        for &(name, f) in methods {
            vm.add_method(t, name, f);
        }
    }
}
