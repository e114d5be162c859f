//! Argument parsing for the text and bytes methods (CPython's several
//! argument-error styles), and the dunder-method wrappers of their slots.

use crate::object::{PyPayload, PyRef};
use crate::types::typeobj::{CmpOp, FuncArgs, NativeFn};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

use super::StrObj;

/// The `self` of a method of type `tyname` plus the other positional args.
pub(crate) fn self_of<'a, T: PyPayload>(vm: &Vm, args: &FuncArgs<'a>, tyname: &str, name: &str) -> PyResult<(&'a T, &'a [PyRef])> {
    let pos = args.positional();
    let Some(first) = pos.first() else {
        return Err(vm.type_error(format!("unbound method {tyname}.{name}() needs an argument")));
    };
    match first.downcast::<T>() {
        Some(me) => Ok((me, &pos[1..])),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' for '{tyname}' objects doesn't apply to a '{}' object",
            first.ty().name()
        ))),
    }
}

/// `self` of a str method and its other positional arguments.
pub fn str_self<'a>(vm: &Vm, args: &FuncArgs<'a>, name: &str) -> PyResult<(&'a StrObj, &'a [PyRef])> {
    self_of::<StrObj>(vm, args, "str", name)
}

fn no_kwargs(vm: &Vm, args: &FuncArgs<'_>, tyname: &str, name: &str) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{tyname}.{name}() takes no keyword arguments")))
    }
}

/// A method taking no arguments (`str.upper()`).
pub(crate) fn noargs<'a, T: PyPayload>(vm: &Vm, args: &FuncArgs<'a>, tyname: &str, name: &str) -> PyResult<&'a T> {
    let (me, rest) = self_of::<T>(vm, args, tyname, name)?;
    no_kwargs(vm, args, tyname, name)?;
    if !rest.is_empty() {
        return Err(vm.type_error(format!("{tyname}.{name}() takes no arguments ({} given)", rest.len())));
    }
    Ok(me)
}

/// A method taking exactly one positional argument (`str.join(x)`).
pub(crate) fn onearg<'a, T: PyPayload>(vm: &Vm, args: &FuncArgs<'a>, tyname: &str, name: &str) -> PyResult<(&'a T, &'a PyRef)> {
    let (me, rest) = self_of::<T>(vm, args, tyname, name)?;
    no_kwargs(vm, args, tyname, name)?;
    match rest {
        [x] => Ok((me, x)),
        _ => Err(vm.type_error(format!("{tyname}.{name}() takes exactly one argument ({} given)", rest.len()))),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A `PyArg_ParseTuple`-style method (`find() takes at least 1 argument (0 given)`).
pub(crate) fn varargs<'a, T: PyPayload>(
    vm: &Vm,
    args: &FuncArgs<'a>,
    tyname: &str,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a T, &'a [PyRef])> {
    let (me, rest) = self_of::<T>(vm, args, tyname, name)?;
    no_kwargs(vm, args, tyname, name)?;
    let n = rest.len();
    if n < min {
        return Err(vm.type_error(format!("{name}() takes at least {min} argument{} ({n} given)", plural(min))));
    }
    if n > max {
        return Err(vm.type_error(format!("{name}() takes at most {max} argument{} ({n} given)", plural(max))));
    }
    Ok((me, rest))
}

/// An argument-clinic positional-only method (`replace expected at least 2 arguments, got 1`).
pub(crate) fn clinic<'a, T: PyPayload>(
    vm: &Vm,
    args: &FuncArgs<'a>,
    tyname: &str,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a T, &'a [PyRef])> {
    let (me, rest) = self_of::<T>(vm, args, tyname, name)?;
    no_kwargs(vm, args, tyname, name)?;
    crate::types::list::arg_count(vm, rest, name, min, max)?;
    Ok((me, rest))
}

/// Bind positional (after the first `skip`) and keyword arguments to
/// `names`; the first `required` are mandatory.
pub(crate) fn bind<'a, const N: usize>(
    vm: &Vm,
    args: &FuncArgs<'a>,
    fname: &str,
    names: &[&str; N],
    required: usize,
) -> PyResult<[Option<&'a PyRef>; N]> {
    bind_from(vm, args, 0, fname, names, required)
}

/// [`bind`] skipping `skip` leading positional arguments (a method's self).
pub(crate) fn bind_from<'a, const N: usize>(
    vm: &Vm,
    args: &FuncArgs<'a>,
    skip: usize,
    fname: &str,
    names: &[&str; N],
    required: usize,
) -> PyResult<[Option<&'a PyRef>; N]> {
    let pos = &args.positional()[skip.min(args.positional().len())..];
    let mut out: [Option<&'a PyRef>; N] = [None; N];
    if pos.len() > N {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {N} argument{} ({} given)",
            plural(N),
            pos.len() + args.kwnames.len()
        )));
    }
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in args.keywords() {
        let key = vm.str_of(k).unwrap_or_default();
        let Some(i) = names.iter().position(|n| *n == key) else {
            return Err(vm.type_error(format!("'{key}' is an invalid keyword argument for {fname}()")));
        };
        if out[i].is_some() {
            return Err(vm.type_error(format!("argument for {fname}() given by name ('{key}') and position ({})", i + 1)));
        }
        out[i] = Some(v);
    }
    if let Some(i) = (0..required).find(|&i| out[i].is_none()) {
        return Err(vm.type_error(format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
    }
    Ok(out)
}

/// An optional str argument (`str() argument 'encoding' must be str, not int`).
pub(crate) fn opt_str<'a>(vm: &Vm, o: Option<&'a PyRef>, fname: &str, argname: &str, pos: usize) -> PyResult<Option<&'a str>> {
    let Some(o) = o else { return Ok(None) };
    match vm.str_of(o) {
        Some(s) => Ok(Some(s)),
        None => {
            let which = if argname.is_empty() { format!("{pos}") } else { format!("'{argname}'") };
            Err(vm.type_error(format!("{fname}() argument {which} must be str, not {}", o.ty().name())))
        }
    }
}

/// A `Py_ssize_t` argument (`'str' object cannot be interpreted as an integer`, OverflowError when huge).
pub(crate) fn ssize(vm: &Vm, o: &PyRef) -> PyResult<isize> {
    crate::types::list::ssize_arg(vm, o)
}

// ----- dunder wrappers over the slots of str / bytes / bytearray / str iterator -----

fn wrapped_type(vm: &Vm, k: u8) -> &TypeRef {
    match k {
        0 => &vm.types.str,
        1 => &vm.types.bytes,
        2 => &vm.types.bytearray,
        _ => &vm.types.str_iter,
    }
}

fn check<'a, const K: u8>(vm: &Vm, a: &FuncArgs<'a>, name: &str, n: usize) -> PyResult<&'a [PyRef]> {
    let ty = wrapped_type(vm, K);
    let pos = a.positional();
    let Some(first) = pos.first() else {
        return Err(vm.type_error(format!("descriptor '{name}' of '{}' object needs an argument", ty.name())));
    };
    if !first.ty().is_subtype(ty) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            ty.name(),
            first.ty().name()
        )));
    }
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("{}.{name}() takes no keyword arguments", ty.name())));
    }
    if pos.len() != n + 1 {
        return Err(vm.type_error(format!("expected {n} argument{}, got {}", plural(n), pos.len() - 1)));
    }
    Ok(pos)
}

macro_rules! unary_wrapper {
    ($($f:ident, $name:literal, $slot:ident, $conv:expr;)*) => {$(
        fn $f<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
            let p = check::<K>(vm, &a, $name, 0)?;
            let f = wrapped_type(vm, K).slots().$slot.ok_or_else(|| vm.type_error("slot missing"))?;
            let conv: fn(&Vm, _) -> PyRef = $conv;
            Ok(conv(vm, f(vm, &p[0])?))
        }
    )*};
}

unary_wrapper! {
    w_repr, "__repr__", repr, |_, r| r;
    w_str, "__str__", str, |_, r| r;
    w_hash, "__hash__", hash, |vm, h| vm.new_int(h);
    w_len, "__len__", len, |vm, n| vm.new_int(n as i64);
    w_iter, "__iter__", iter, |_, r| r;
}

fn w_next<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check::<K>(vm, &a, "__next__", 0)?;
    let f = wrapped_type(vm, K).slots().iternext.ok_or_else(|| vm.type_error("slot missing"))?;
    f(vm, &p[0])?.ok_or_else(|| vm.stop_iteration(None))
}

fn w_getitem<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check::<K>(vm, &a, "__getitem__", 1)?;
    let f = wrapped_type(vm, K).slots().getitem.ok_or_else(|| vm.type_error("slot missing"))?;
    f(vm, &p[0], &p[1])
}

fn w_contains<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check::<K>(vm, &a, "__contains__", 1)?;
    let f = wrapped_type(vm, K).slots().contains.ok_or_else(|| vm.type_error("slot missing"))?;
    Ok(vm.new_bool(f(vm, &p[0], &p[1])?))
}

fn w_setitem<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check::<K>(vm, &a, "__setitem__", 2)?;
    let f = wrapped_type(vm, K).slots().setitem.ok_or_else(|| vm.type_error("slot missing"))?;
    f(vm, &p[0], &p[1], Some(p[2].clone()))?;
    Ok(vm.none())
}

fn w_delitem<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check::<K>(vm, &a, "__delitem__", 1)?;
    let f = wrapped_type(vm, K).slots().setitem.ok_or_else(|| vm.type_error("slot missing"))?;
    f(vm, &p[0], &p[1], None)?;
    Ok(vm.none())
}

fn w_cmp<const K: u8, const OP: u32>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let op = CmpOp::from_arg(OP);
    let p = check::<K>(vm, &a, op.dunder(), 1)?;
    let f = wrapped_type(vm, K).slots().richcompare.ok_or_else(|| vm.type_error("slot missing"))?;
    f(vm, &p[0], &p[1], op)
}

/// Binary slot wrappers: 0 add, 1 mul, 2 mod; `REV` swaps the operands.
fn w_bin<const K: u8, const OP: u8, const REV: bool>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let names = [["__add__", "__mul__", "__mod__"], ["__radd__", "__rmul__", "__rmod__"]];
    let p = check::<K>(vm, &a, names[usize::from(REV)][OP as usize], 1)?;
    let s = wrapped_type(vm, K).slots();
    let f = [s.add, s.mul, s.rem][OP as usize].ok_or_else(|| vm.type_error("slot missing"))?;
    if REV {
        f(vm, &p[1], &p[0])
    } else {
        f(vm, &p[0], &p[1])
    }
}

/// Expose the installed slots of str/bytes/bytearray/str iterator as dunder methods.
pub(crate) fn add_dunders(vm: &Vm, ty: &TypeRef) {
    match (0..4u8).find(|k| std::ptr::eq(&**wrapped_type(vm, *k), &**ty)) {
        Some(0) => add::<0>(vm, ty),
        Some(1) => add::<1>(vm, ty),
        Some(2) => add::<2>(vm, ty),
        Some(3) => add::<3>(vm, ty),
        _ => {}
    }
}

fn add<const K: u8>(vm: &Vm, ty: &TypeRef) {
    let s = *ty.slots();
    let put = |name: &'static str, f: NativeFn| {
        if vm.dict_get_str(ty.dict(), name).is_none() {
            vm.add_method(ty, name, f);
        }
    };
    let table: [(bool, &'static str, NativeFn); 11] = [
        (s.repr.is_some(), "__repr__", w_repr::<K>),
        (s.str.is_some() && K == 0, "__str__", w_str::<K>),
        (s.hash.is_some() && K < 2, "__hash__", w_hash::<K>),
        (s.len.is_some(), "__len__", w_len::<K>),
        (s.iter.is_some(), "__iter__", w_iter::<K>),
        (s.iternext.is_some(), "__next__", w_next::<K>),
        (s.getitem.is_some(), "__getitem__", w_getitem::<K>),
        (s.contains.is_some(), "__contains__", w_contains::<K>),
        (s.setitem.is_some(), "__setitem__", w_setitem::<K>),
        (s.setitem.is_some(), "__delitem__", w_delitem::<K>),
        (s.add.is_some(), "__add__", w_bin::<K, 0, false>),
    ];
    for (present, name, f) in table {
        if present {
            put(name, f);
        }
    }
    if s.mul.is_some() {
        put("__mul__", w_bin::<K, 1, false>);
        put("__rmul__", w_bin::<K, 1, true>);
    }
    if s.rem.is_some() {
        put("__mod__", w_bin::<K, 2, false>);
        put("__rmod__", w_bin::<K, 2, true>);
    }
    if s.richcompare.is_some() && K < 3 {
        put("__lt__", w_cmp::<K, 0>);
        put("__le__", w_cmp::<K, 1>);
        put("__eq__", w_cmp::<K, 2>);
        put("__ne__", w_cmp::<K, 3>);
        put("__gt__", w_cmp::<K, 4>);
        put("__ge__", w_cmp::<K, 5>);
    }
}
