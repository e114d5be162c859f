//! Numeric builtins: `abs`, `sum`, `min`/`max`, `divmod`, `pow`, `round`,
//! `hex`/`oct`/`bin`.

use crate::object::PyRef;
use crate::ops::BinOp;
use crate::types::float::FloatObj;
use crate::types::int::{IntObj, IntValue};
use crate::types::typeobj::{CmpOp, FuncArgs};
use crate::vm::Vm;
use crate::PyResult;

use super::{given, keywords, no_keywords, one, positional};

/// `abs(x)`.
pub(super) fn abs(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    vm.abs(one(vm, &a, "abs")?)
}

/// `sum(iterable, /, start=0)`: exact ints and floats are added natively
/// until another type shows up.
pub(super) fn sum(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = a.positional();
    if p.len() + a.kwnames.len() > 2 {
        return Err(vm.type_error(format!("sum() takes at most 2 arguments ({} given)", p.len() + a.kwnames.len())));
    }
    let kw = keywords(vm, &a, "sum", &["start"])?;
    if p.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if p.len() == 2 && kw[0].is_some() {
        return Err(vm.type_error("argument for sum() given by name ('start') and position (2)"));
    }
    let start = p.get(1).or(kw[0]).cloned().unwrap_or_else(|| vm.new_int(0));
    if vm.str_of(&start).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if start.downcast::<crate::types::bytes::BytesObj>().is_some() {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if start.downcast::<crate::types::bytes::ByteArrayObj>().is_some() {
        return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = vm.iter(&p[0])?;
    let mut acc = start;
    // Fast path: exact ints in an i64, then exact floats.
    let mut int_acc = exact_small_int(vm, &acc);
    let mut float_acc = exact_float(vm, &acc);
    while let Some(x) = vm.next(&it)? {
        if let Some(i) = int_acc {
            if let Some(s) = exact_small_int(vm, &x).and_then(|y| i.checked_add(y)) {
                int_acc = Some(s);
                continue;
            }
            acc = vm.new_int(i);
            int_acc = None;
        }
        if let Some(f) = float_acc {
            if let Some(y) = exact_float(vm, &x).or_else(|| exact_small_int(vm, &x).map(|i| i as f64)) {
                float_acc = Some(f + y);
                continue;
            }
            acc = vm.new_float(f);
        }
        acc = vm.binary_op(&acc, &x, BinOp::Add)?;
        float_acc = exact_float(vm, &acc);
    }
    Ok(match (int_acc, float_acc) {
        (Some(i), _) => vm.new_int(i),
        (None, Some(f)) => vm.new_float(f),
        (None, None) => acc,
    })
}

fn exact_small_int(vm: &Vm, o: &PyRef) -> Option<i64> {
    if std::ptr::eq(o.ty(), &*vm.types.int) {
        vm.small_int_of(o)
    } else {
        None
    }
}

fn exact_float(vm: &Vm, o: &PyRef) -> Option<f64> {
    if std::ptr::eq(o.ty(), &*vm.types.float) {
        o.downcast::<FloatObj>().map(|f| f.value)
    } else {
        None
    }
}

/// `min(...)`.
pub(super) fn min(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    min_max(vm, a, "min", CmpOp::Lt)
}

/// `max(...)`.
pub(super) fn max(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    min_max(vm, a, "max", CmpOp::Gt)
}

fn min_max(vm: &Vm, a: FuncArgs<'_>, name: &str, op: CmpOp) -> PyResult {
    let kw = keywords(vm, &a, name, &["key", "default"])?;
    let p = a.positional();
    if p.is_empty() {
        return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name)));
    }
    if p.len() > 1 && kw[1].is_some() {
        return Err(vm.type_error(format!("Cannot specify a default for {}() with multiple positional arguments", name)));
    }
    let key = given(vm, kw[0]);
    let items: Box<dyn Iterator<Item = PyResult<PyRef>>> = if p.len() == 1 {
        let it = vm.iter(&p[0])?;
        Box::new(std::iter::from_fn(move || vm.next(&it).transpose()))
    } else {
        Box::new(p.iter().cloned().map(Ok))
    };
    let mut best: Option<(PyRef, PyRef)> = None;
    for item in items {
        let item = item?;
        let k = match key {
            Some(f) => vm.call_pos(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => vm.compare_bool(&k, bk, op)?,
        };
        if better {
            best = Some((k, item));
        }
    }
    match (best, kw[1]) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(vm.value_error(format!("{}() arg is an empty sequence", name))),
    }
}

/// `divmod(a, b)`: the `divmod` slots, reflected operand second (first when
/// it is a subclass of the left operand's type).
pub(super) fn divmod(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "divmod")?;
    let p = positional(vm, &a, "divmod", 2, 2)?;
    let (x, y) = (&p[0], &p[1]);
    let fx = x.ty().slots().divmod;
    let same = std::ptr::eq(x.ty(), y.ty());
    let fy = if same { None } else { y.ty().slots().divmod };
    let mut order = vec![fx, fy];
    if fy.is_some() && y.ty().is_subtype(x.ty()) {
        order.reverse();
    }
    for f in order.into_iter().flatten() {
        let r = f(vm, x, y)?;
        if !r.is(&vm.not_implemented) {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!("unsupported operand type(s) for divmod(): '{}' and '{}'", x.ty().name(), y.ty().name())))
}

/// `pow(base, exp, mod=None)`.
pub(super) fn pow(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let kw = keywords(vm, &a, "pow", &["base", "exp", "mod"])?;
    let p = a.positional();
    if p.len() > 3 {
        return Err(vm.type_error(format!("pow() takes at most 3 arguments ({} given)", p.len())));
    }
    let arg = |i: usize, name: &str| -> PyResult<PyRef> {
        p.get(i).or(kw[i]).cloned().ok_or_else(|| vm.type_error(format!("pow() missing required argument '{}' (pos {})", name, i + 1)))
    };
    let (base, exp) = (arg(0, "base")?, arg(1, "exp")?);
    match given(vm, p.get(2).or(kw[2])) {
        Some(m) => vm.ternary_pow(&base, &exp, m),
        None => vm.binary_op(&base, &exp, BinOp::Pow),
    }
}

/// `round(number, ndigits=None)` via `__round__`.
pub(super) fn round(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let kw = keywords(vm, &a, "round", &["number", "ndigits"])?;
    let p = a.positional();
    if p.len() > 2 {
        return Err(vm.type_error(format!("round() takes at most 2 arguments ({} given)", p.len())));
    }
    let x = p.first().or(kw[0]).ok_or_else(|| vm.type_error("round() missing required argument 'number' (pos 1)"))?;
    let nd = given(vm, p.get(1).or(kw[1]));
    let args: Vec<PyRef> = nd.into_iter().cloned().collect();
    match vm.call_special(x, "__round__", &args)? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("type {} doesn't define __round__ method", x.ty().name()))),
    }
}

/// `hex(i)`.
pub(super) fn hex(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    radix(vm, one(vm, &a, "hex")?, 16, "0x")
}

/// `oct(i)`.
pub(super) fn oct(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    radix(vm, one(vm, &a, "oct")?, 8, "0o")
}

/// `bin(i)`.
pub(super) fn bin(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    radix(vm, one(vm, &a, "bin")?, 2, "0b")
}

fn radix(vm: &Vm, o: &PyRef, base: u32, prefix: &str) -> PyResult {
    let i = vm.index(o)?;
    let (neg, digits) = match i.downcast::<IntObj>().map(|x| &x.value) {
        Some(IntValue::Small(v)) => {
            let m = (*v as i128).unsigned_abs();
            let d = match base {
                16 => format!("{:x}", m),
                8 => format!("{:o}", m),
                _ => format!("{:b}", m),
            };
            (*v < 0, d)
        }
        Some(IntValue::Big(b)) => (b.sign() == num_bigint::Sign::Minus, b.magnitude().to_str_radix(base)),
        None => return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", o.ty().name()))),
    };
    Ok(vm.new_string(format!("{}{}{}", if neg { "-" } else { "" }, prefix, digits)))
}
