//! `print`, `len`, `repr`, `iter`/`next`, `sorted`, `chr`/`ord` and the
//! other general-purpose builtins.

use crate::object::PyRef;
use crate::types::list::ListObj;
use crate::types::textio::TextIOObj;
use crate::types::typeobj::FuncArgs;
use crate::vm::Vm;
use crate::PyResult;

use super::{given, keywords, no_keywords, one, positional, sys_attr};

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub(super) fn print(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let kw = keywords(vm, &a, "print", &["sep", "end", "file", "flush"])?;
    let text_arg = |v: Option<&PyRef>, what: &str, default: &str| -> PyResult<String> {
        match given(vm, v) {
            None => Ok(default.to_string()),
            Some(s) => match vm.str_of(s) {
                Some(s) => Ok(s.to_string()),
                None => Err(vm.type_error(format!("{} must be None or a string, not {}", what, s.ty().name()))),
            },
        }
    };
    let sep = text_arg(kw[0], "sep", " ")?;
    let end = text_arg(kw[1], "end", "\n")?;
    let file = match given(vm, kw[2]) {
        Some(f) => f.clone(),
        None => match sys_attr(vm, "stdout") {
            Some(f) if vm.is_none(&f) => return Ok(vm.none()),
            Some(f) => f,
            None => return Err(vm.runtime_error("lost sys.stdout")),
        },
    };
    for (i, o) in a.positional().iter().enumerate() {
        if i > 0 {
            write_text(vm, &file, &sep)?;
        }
        if std::ptr::eq(o.ty(), &*vm.types.str) {
            write_text(vm, &file, vm.str_of(o).unwrap_or_default())?;
        } else {
            let s = vm.str(o)?;
            write_text(vm, &file, vm.str_of(&s).unwrap_or_default())?;
        }
    }
    write_text(vm, &file, &end)?;
    if let Some(f) = kw[3] {
        if vm.truthy(f)? {
            vm.call_method(&file, "flush", &[])?;
        }
    }
    Ok(vm.none())
}

/// `file.write(text)`, with a fast path for builtin text files.
fn write_text(vm: &Vm, file: &PyRef, text: &str) -> PyResult<()> {
    if let Some(f) = file.downcast::<TextIOObj>() {
        if !f.binary && std::ptr::eq(file.ty(), &*vm.types.textio) {
            return crate::types::textio::write_str(vm, f, text);
        }
    }
    vm.call_method(file, "write", &[vm.new_str(text)])?;
    Ok(())
}

/// `len(o)`.
pub(super) fn len(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let o = one(vm, &a, "len")?;
    Ok(vm.new_int(vm.len(o)? as i64))
}

/// `repr(o)`.
pub(super) fn repr(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    vm.repr(one(vm, &a, "repr")?)
}

/// `ascii(o)`: `repr` with non-ASCII characters escaped.
pub(super) fn ascii(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let r = vm.repr(one(vm, &a, "ascii")?)?;
    let s = vm.str_of(&r).unwrap_or_default();
    if s.is_ascii() {
        return Ok(r);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        let n = c as u32;
        match n {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{:02x}", n)),
            0x100..=0xffff => out.push_str(&format!("\\u{:04x}", n)),
            _ => out.push_str(&format!("\\U{:08x}", n)),
        }
    }
    Ok(vm.new_string(out))
}

/// `hash(o)`.
pub(super) fn hash(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    Ok(vm.new_int(vm.hash(one(vm, &a, "hash")?)?))
}

/// `id(o)`: the object's address.
pub(super) fn id(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    Ok(vm.new_int(one(vm, &a, "id")?.as_ptr() as usize as i64))
}

/// `iter(o)` / `iter(callable, sentinel)`.
pub(super) fn iter(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "iter")?;
    match positional(vm, &a, "iter", 1, 2)? {
        [o] => vm.iter(o),
        [f, sentinel] => {
            if !vm.is_callable(f) {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            Ok(crate::types::iter::callable_iter_new(vm, f.clone(), sentinel.clone()))
        }
        _ => unreachable!("arity checked"),
    }
}

/// `next(iterator[, default])`.
pub(super) fn next(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "next")?;
    let p = positional(vm, &a, "next", 1, 2)?;
    match (vm.next_raw(&p[0]), p.get(1)) {
        (Ok(Some(v)), _) => Ok(v),
        (Ok(None), None) => Err(vm.stop_iteration(None)),
        (Ok(None), Some(d)) => Ok(d.clone()),
        // A StopIteration raised by the iterator also means "exhausted".
        (Err(e), Some(d)) if vm.is_instance(&e.0, &vm.exc.stop_iteration) => Ok(d.clone()),
        (Err(e), _) => Err(e),
    }
}

/// `callable(o)`.
pub(super) fn callable(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    Ok(vm.new_bool(vm.is_callable(one(vm, &a, "callable")?)))
}

/// `sorted(iterable, /, *, key=None, reverse=False)`.
pub(super) fn sorted(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = a.positional();
    if p.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", p.len())));
    }
    let kw = keywords(vm, &a, "sort", &["key", "reverse"])?;
    let list = vm.new_list(vm.collect(&p[0])?);
    let reverse = match kw[1] {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let l = list.downcast::<ListObj>().expect("new list");
    crate::types::list::sort_list(vm, l, given(vm, kw[0]), reverse)?;
    Ok(list)
}

/// `all(iterable)`.
pub(super) fn all(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let it = vm.iter(one(vm, &a, "all")?)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(vm.new_bool(false));
        }
    }
    Ok(vm.new_bool(true))
}

/// `any(iterable)`.
pub(super) fn any(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let it = vm.iter(one(vm, &a, "any")?)?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(vm.new_bool(true));
        }
    }
    Ok(vm.new_bool(false))
}

/// `chr(i)`.
pub(super) fn chr(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let i = vm.index(one(vm, &a, "chr")?)?;
    let n = vm.small_int_of(&i).ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))?;
    if !(0..0x110000).contains(&n) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(n as u32) {
        Some(c) => Ok(vm.new_string(c.to_string())),
        None => Err(vm.value_error("chr() of a surrogate code point is not supported")),
    }
}

/// `ord(c)`.
pub(super) fn ord(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let o = one(vm, &a, "ord")?;
    if let Some(s) = vm.str_of(o) {
        let mut cs = s.chars();
        return match (cs.next(), cs.next()) {
            (Some(c), None) => Ok(vm.new_int(c as i64)),
            _ => Err(vm.type_error(format!("ord() expected a character, but string of length {} found", s.chars().count()))),
        };
    }
    let bytes = match o.downcast::<crate::types::bytes::BytesObj>() {
        Some(b) => b.value.to_vec(),
        None => match o.downcast::<crate::types::bytes::ByteArrayObj>() {
            // SAFETY: short borrow to copy the bytes; no Python code runs.
            Some(b) => unsafe { (*b.value.get()).clone() },
            None => return Err(vm.type_error(format!("ord() expected string of length 1, but {} found", o.ty().name()))),
        },
    };
    match bytes[..] {
        [b] => Ok(vm.new_int(b as i64)),
        _ => Err(vm.type_error(format!("ord() expected a character, but string of length {} found", bytes.len()))),
    }
}

/// `format(value, format_spec='')`.
pub(super) fn format(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, &a, "format")?;
    let p = positional(vm, &a, "format", 1, 2)?;
    let spec = match p.get(1) {
        Some(s) if vm.str_of(s).is_some() => s.clone(),
        Some(s) => return Err(vm.type_error(format!("format() argument 2 must be str, not {}", s.ty().name()))),
        None => vm.empty_str.clone(),
    };
    vm.format(&p[0], &spec)
}
