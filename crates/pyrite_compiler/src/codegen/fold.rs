//! Compile-time constant folding, like CPython 3.11's AST optimizer (with its size limits).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr, Number, Operator, UnaryOp};

use crate::bytecode::Constant;

const MAX_INT_BITS: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;

/// Parses an integer literal token (`123`, `0x1F`, `0o7`, `0b1`, with underscores).
pub(crate) fn parse_int(token: &str) -> Option<BigInt> {
    let t: String = token.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r, 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r, 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r, 2)
    } else {
        (lower.as_str(), 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// The constant value of a literal expression (no folding of operators).
pub(crate) fn literal(e: &Expr) -> Option<Constant> {
    Some(match e {
        Expr::NoneLiteral(_) => Constant::None,
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        Expr::BooleanLiteral(b) => Constant::Bool(b.value),
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => Constant::Int(parse_int(&i.to_string())?),
            Number::Float(f) => Constant::Float(*f),
            Number::Complex { real, imag } => Constant::Complex { re: *real, im: *imag },
        },
        Expr::StringLiteral(s) => Constant::Str(s.value.to_str().to_string()),
        Expr::BytesLiteral(b) => {
            Constant::Bytes(b.value.iter().flat_map(|p| p.value.iter().copied()).collect())
        }
        Expr::Name(n) if n.id.as_str() == "__debug__" => Constant::Bool(true),
        _ => return None,
    })
}

/// Folds `e` to a constant if CPython's optimizer would.
pub(crate) fn fold(e: &Expr) -> Option<Constant> {
    if let Some(c) = literal(e) {
        return Some(c);
    }
    match e {
        Expr::Tuple(t) => {
            let mut items = Vec::with_capacity(t.elts.len());
            for el in &t.elts {
                items.push(fold(el)?);
            }
            Some(Constant::Tuple(items))
        }
        Expr::UnaryOp(u) => {
            let v = fold(&u.operand)?;
            fold_unary(u.op, v)
        }
        Expr::BinOp(b) => {
            let l = fold(&b.left)?;
            let r = fold(&b.right)?;
            fold_binary(b.op, l, r)
        }
        Expr::Subscript(s) => fold_subscript(fold(&s.value)?, fold(&s.slice)?),
        _ => None,
    }
}

/// Python truthiness of a constant.
pub(crate) fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Ellipsis | Constant::Code(_) => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { re, im } => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    }
}

fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(i.clone()),
        Constant::Bool(b) => Some(BigInt::from(*b as u8)),
        _ => None,
    }
}

fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => as_int(c)?.to_f64(),
    }
}

fn fold_unary(op: UnaryOp, v: Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!truthy(&v))),
        UnaryOp::USub => match v {
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { re, im } => Some(Constant::Complex { re: -re, im: -im }),
            other => Some(Constant::Int(-as_int(&other)?)),
        },
        UnaryOp::UAdd => match v {
            Constant::Float(_) | Constant::Complex { .. } => Some(v),
            other => Some(Constant::Int(as_int(&other)?)),
        },
        UnaryOp::Invert => Some(Constant::Int(!as_int(&v)?)),
    }
}

fn seq_len(c: &Constant) -> Option<usize> {
    match c {
        Constant::Str(s) => Some(s.chars().count()),
        Constant::Bytes(b) => Some(b.len()),
        Constant::Tuple(t) => Some(t.len()),
        _ => None,
    }
}

fn repeat(seq: &Constant, n: &BigInt) -> Option<Constant> {
    let len = seq_len(seq)?;
    let n = if n.is_negative() { 0 } else { n.to_usize()? };
    let limit = if matches!(seq, Constant::Tuple(_)) { MAX_COLLECTION_SIZE } else { MAX_STR_SIZE };
    if len != 0 && n > limit / len {
        return None;
    }
    Some(match seq {
        Constant::Str(s) => Constant::Str(s.repeat(n)),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        Constant::Tuple(t) => {
            let mut out = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                out.extend(t.iter().cloned());
            }
            Constant::Tuple(out)
        }
        _ => return None,
    })
}

fn is_intlike(c: &Constant) -> bool {
    matches!(c, Constant::Int(_) | Constant::Bool(_))
}

fn fold_binary(op: Operator, l: Constant, r: Constant) -> Option<Constant> {
    use Operator::*;
    // `&`, `|` and `^` of two bools give a bool, not an int.
    if let (Constant::Bool(a), Constant::Bool(b)) = (&l, &r) {
        match op {
            BitAnd => return Some(Constant::Bool(*a & *b)),
            BitOr => return Some(Constant::Bool(*a | *b)),
            BitXor => return Some(Constant::Bool(*a ^ *b)),
            _ => {}
        }
    }
    if is_intlike(&l) && is_intlike(&r) {
        let (a, b) = (as_int(&l)?, as_int(&r)?);
        let v = match op {
            Add => a + b,
            Sub => a - b,
            Mult => {
                if a.bits() + b.bits() > MAX_INT_BITS {
                    return None;
                }
                a * b
            }
            FloorDiv | Mod => {
                if b.is_zero() {
                    return None;
                }
                let (q, m) = floor_divmod(&a, &b);
                if op == FloorDiv {
                    q
                } else {
                    m
                }
            }
            Pow => {
                if b.is_negative() {
                    let (fa, fb) = (a.to_f64()?, b.to_f64()?);
                    if fa == 0.0 {
                        return None;
                    }
                    return Some(Constant::Float(fa.powf(fb)));
                }
                if a.is_zero() {
                    return Some(Constant::Int(BigInt::from(u8::from(b.is_zero()))));
                }
                let e = b.to_u64()?;
                if a.bits().saturating_mul(e) > MAX_INT_BITS {
                    return None;
                }
                a.pow(u32::try_from(e).ok()?)
            }
            LShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64()?;
                if a.bits() + s > MAX_INT_BITS {
                    return None;
                }
                a << s as usize
            }
            RShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_usize().unwrap_or(usize::MAX).min(1 << 20);
                a >> s
            }
            BitAnd => a & b,
            BitOr => a | b,
            BitXor => a ^ b,
            Div => {
                if b.is_zero() {
                    return None;
                }
                let (fa, fb) = (a.to_f64()?, b.to_f64()?);
                if fa.abs() > 9.0e15 || fb.abs() > 9.0e15 {
                    return None;
                }
                return Some(Constant::Float(fa / fb));
            }
            MatMult => return None,
        };
        return Some(Constant::Int(v));
    }
    let numeric = |c: &Constant| matches!(c, Constant::Float(_)) || is_intlike(c);
    if numeric(&l) && numeric(&r) {
        let (a, b) = (as_float(&l)?, as_float(&r)?);
        let v = match op {
            Add => a + b,
            Sub => a - b,
            Mult => a * b,
            Div if b != 0.0 => a / b,
            // Negative bases with fractional exponents give complex results; 0 ** -x raises.
            Pow if (a >= 0.0 || b.fract() == 0.0) && !(a == 0.0 && b < 0.0) => a.powf(b),
            _ => return None,
        };
        // Overflow raises at run time in CPython; leave it to the VM.
        if !v.is_finite() && a.is_finite() && b.is_finite() {
            return None;
        }
        return Some(Constant::Float(v));
    }
    match (op, &l, &r) {
        (Add, Constant::Str(a), Constant::Str(b)) => {
            if a.len() + b.len() > MAX_STR_SIZE {
                return None;
            }
            Some(Constant::Str(format!("{a}{b}")))
        }
        (Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            if a.len() + b.len() > MAX_STR_SIZE {
                return None;
            }
            Some(Constant::Bytes([a.as_slice(), b.as_slice()].concat()))
        }
        (Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            let mut v = a.clone();
            v.extend(b.iter().cloned());
            Some(Constant::Tuple(v))
        }
        (Mult, s, n) if seq_len(s).is_some() && is_intlike(n) => repeat(s, &as_int(n)?),
        (Mult, n, s) if seq_len(s).is_some() && is_intlike(n) => repeat(s, &as_int(n)?),
        _ => None,
    }
}

/// `"abc"[1]`, `b"x"[0]`, `(1, 2)[0]` with constant integer indices.
fn fold_subscript(v: Constant, idx: Constant) -> Option<Constant> {
    if !is_intlike(&idx) {
        return None;
    }
    let i = as_int(&idx)?.to_i64()?;
    let norm = |len: usize| -> Option<usize> {
        let j = if i < 0 { i + len as i64 } else { i };
        (0..len as i64).contains(&j).then_some(j as usize)
    };
    match v {
        Constant::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            Some(Constant::Str(chars[norm(chars.len())?].to_string()))
        }
        Constant::Bytes(b) => Some(Constant::Int(BigInt::from(b[norm(b.len())?]))),
        Constant::Tuple(t) => Some(t[norm(t.len())?].clone()),
        _ => None,
    }
}

fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let q = a / b;
    let m = a - &q * b;
    if !m.is_zero() && (m.is_negative() != b.is_negative()) {
        (q - 1, m + b)
    } else {
        (q, m)
    }
}

/// `x in [a, b]` / `x in {a, b}`: the constant tuple / frozenset CPython substitutes.
pub(crate) fn fold_in_container(e: &Expr) -> Option<Constant> {
    match e {
        Expr::List(l) => {
            let items: Option<Vec<_>> = l.elts.iter().map(fold).collect();
            Some(Constant::Tuple(items?))
        }
        Expr::Set(s) => {
            let mut items: Vec<Constant> = Vec::new();
            for e in &s.elts {
                let c = fold(e)?;
                let key = super::const_key(&c);
                if !items.iter().any(|x| super::const_key(x) == key) {
                    items.push(c);
                }
            }
            Some(Constant::FrozenSet(items))
        }
        _ => None,
    }
}

/// Whether an expression is a (non-starred) constant for display folding.
pub(crate) fn all_const(elts: &[Expr]) -> Option<Vec<Constant>> {
    elts.iter().map(fold).collect()
}

/// Joins the literal parts of an implicitly concatenated string.
pub(crate) fn string_value(s: &ast::ExprStringLiteral) -> String {
    s.value.to_str().to_string()
}

/// One piece of a `'...' % (args)` format converted to f-string form.
pub(crate) enum PercentPart {
    Lit(String),
    /// Argument index, conversion (1 = `!s`, 2 = `!r`, 3 = `!a`), format spec.
    Arg(usize, u32, Option<String>),
}

/// CPython 3.11's `optimize_format`: `'%s %r' % (a, b)` compiles like `f'{a!s} {b!r}'`.
/// Only `%s`/`%r`/`%a` with an optional `-` flag, width and precision are supported.
pub(crate) fn percent_format(fmt: &str, nargs: usize) -> Option<Vec<PercentPart>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    let mut arg = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            lit.push(chars[i]);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'%') {
            lit.push('%');
            i += 2;
            continue;
        }
        if !lit.is_empty() {
            parts.push(PercentPart::Lit(std::mem::take(&mut lit)));
        }
        i += 1;
        let mut ljust = false;
        while chars.get(i) == Some(&'-') {
            ljust = true;
            i += 1;
        }
        // CPython accepts at most two digits for width and precision.
        let mut width = String::new();
        while let Some(d) = chars.get(i).filter(|c| c.is_ascii_digit()) {
            width.push(*d);
            i += 1;
            if width.len() >= 3 {
                return None;
            }
        }
        let mut prec = String::new();
        if chars.get(i) == Some(&'.') {
            i += 1;
            while let Some(d) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                prec.push(*d);
                i += 1;
                if prec.len() >= 3 {
                    return None;
                }
            }
            if prec.is_empty() {
                return None;
            }
        }
        let conv = match chars.get(i)? {
            's' => 1,
            'r' => 2,
            'a' => 3,
            _ => return None,
        };
        i += 1;
        if arg >= nargs {
            return None;
        }
        let spec = if width.is_empty() && prec.is_empty() {
            None
        } else {
            let align = if width.is_empty() || ljust { "" } else { ">" };
            let prec = if prec.is_empty() { String::new() } else { format!(".{prec}") };
            Some(format!("{align}{width}{prec}"))
        };
        parts.push(PercentPart::Arg(arg, conv, spec));
        arg += 1;
    }
    if !lit.is_empty() {
        parts.push(PercentPart::Lit(lit));
    }
    (arg == nargs).then_some(parts)
}
