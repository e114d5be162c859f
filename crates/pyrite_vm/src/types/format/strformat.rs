//! `str.format` / `str.format_map`: replacement fields, conversions, nested
//! specs, and `format(obj, spec)`.

use std::cell::Cell;

use crate::object::PyRef;
use crate::types::str::StrObj;
use crate::types::typeobj::FuncArgs;
use crate::vm::Vm;
use crate::PyResult;

/// `format(o, spec)` as text: `type(o).__format__(o, spec)`.
pub fn format_obj(vm: &Vm, o: &PyRef, spec: &str) -> PyResult<String> {
    if std::ptr::eq(o.ty(), &*vm.types.str) {
        return super::format_str(vm, vm.str_of(o).unwrap_or_default(), spec);
    }
    let spec_obj = vm.new_str(spec);
    let Some(r) = vm.call_special(o, "__format__", &[spec_obj])? else {
        return vm.str_string(o);
    };
    match vm.str_of(&r) {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!("__format__ must return a str, not {}", r.ty().name()))),
    }
}

/// Where named fields come from.
enum Named<'a> {
    /// `str.format(**kwargs)`.
    Kwargs(FuncArgs<'a>),
    /// `str.format_map(mapping)`.
    Mapping(&'a PyRef),
}

/// Automatic vs manual field numbering state.
#[derive(Clone, Copy)]
enum Numbering {
    Unknown,
    Auto(usize),
    Manual,
}

struct Ctx<'a> {
    positional: Option<&'a [PyRef]>,
    named: Named<'a>,
    numbering: Cell<Numbering>,
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let pos = args.positional();
    let Some(s) = pos.first().and_then(|o| o.downcast::<StrObj>()) else {
        return Err(vm.type_error("descriptor 'format' of 'str' object needs an argument"));
    };
    let ctx = Ctx { positional: Some(&pos[1..]), named: Named::Kwargs(args), numbering: Cell::new(Numbering::Unknown) };
    let mut out = String::new();
    render(vm, &ctx, s.as_str(), 2, &mut out)?;
    Ok(vm.new_string(out))
}

/// `str.format_map(mapping)`.
pub fn str_format_map(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = crate::types::list::method_self::<StrObj>(vm, &args, "str", "format_map")?;
    let m = crate::types::list::one_arg(vm, rest, "str.format_map")?;
    let ctx = Ctx { positional: None, named: Named::Mapping(m), numbering: Cell::new(Numbering::Unknown) };
    let mut out = String::new();
    render(vm, &ctx, s.as_str(), 2, &mut out)?;
    Ok(vm.new_string(out))
}

/// One parsed replacement field.
struct Field<'s> {
    name: &'s str,
    conversion: Option<char>,
    spec: &'s str,
}

/// Expand `fmt` into `out`.
fn render(vm: &Vm, ctx: &Ctx<'_>, fmt: &str, depth: i32, out: &mut String) -> PyResult<()> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut rest = fmt;
    while !rest.is_empty() {
        let Some(i) = rest.find(['{', '}']) else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..i]);
        let brace = rest.as_bytes()[i];
        let after = &rest[i + 1..];
        if after.as_bytes().first() == Some(&brace) {
            out.push(brace as char);
            rest = &after[1..];
            continue;
        }
        if brace == b'}' {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if after.is_empty() {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        let (field, tail) = parse_field(vm, after)?;
        rest = tail;
        let obj = get_field(vm, ctx, field.name)?;
        let obj = match field.conversion {
            None => obj,
            Some('r') => vm.repr(&obj)?,
            Some('s') => vm.str(&obj)?,
            Some('a') => {
                let r = vm.repr_string(&obj)?;
                vm.new_string(crate::types::str::ascii_escape(&r))
            }
            Some(c) => return Err(vm.value_error(format!("Unknown conversion specifier {c}"))),
        };
        let spec = if field.spec.contains('{') {
            let mut s = String::new();
            render(vm, ctx, field.spec, depth - 1, &mut s)?;
            s
        } else {
            field.spec.to_string()
        };
        out.push_str(&format_obj(vm, &obj, &spec)?);
    }
    Ok(())
}

/// Parse the field after a `{`; returns it and the text after its `}`.
fn parse_field<'s>(vm: &Vm, s: &'s str) -> PyResult<(Field<'s>, &'s str)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'[' => {
                while i < b.len() && b[i] != b']' {
                    i += 1;
                }
                continue;
            }
            b'{' => return Err(vm.value_error("unexpected '{' in field name")),
            b'}' | b':' | b'!' => break,
            _ => i += 1,
        }
    }
    if i >= b.len() {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    let name = &s[..i];
    let mut conversion = None;
    if b[i] == b'!' {
        let Some(c) = s[i + 1..].chars().next() else {
            return Err(vm.value_error("end of string while looking for conversion specifier"));
        };
        conversion = Some(c);
        i += 1 + c.len_utf8();
        match b.get(i) {
            None => return Err(vm.value_error("unmatched '{' in format spec")),
            Some(b':' | b'}') => {}
            Some(_) => return Err(vm.value_error("expected ':' after conversion specifier")),
        }
    }
    if b[i] == b'}' {
        return Ok((Field { name, conversion, spec: "" }, &s[i + 1..]));
    }
    // b[i] == ':': the spec runs to the matching '}'.
    let start = i + 1;
    let mut depth = 1;
    let mut j = start;
    while j < b.len() {
        match b[j] {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Ok((Field { name, conversion, spec: &s[start..j] }, &s[j + 1..]));
                }
            }
            _ => {}
        }
        j += 1;
    }
    Err(vm.value_error("unmatched '{' in format spec"))
}

/// Parse a decimal field index (`None` if `s` is not all digits).
fn parse_index(vm: &Vm, s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    s.parse::<usize>()
        .ok()
        .filter(|v| *v <= isize::MAX as usize)
        .map(Some)
        .ok_or_else(|| vm.value_error("Too many decimal digits in format string"))
}

/// Resolve the first part of a field name to an argument.
fn get_arg(vm: &Vm, ctx: &Ctx<'_>, first: &str) -> PyResult<PyRef> {
    let index = if first.is_empty() {
        match ctx.numbering.get() {
            Numbering::Manual => {
                return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"))
            }
            Numbering::Unknown => {
                ctx.numbering.set(Numbering::Auto(1));
                Some(0)
            }
            Numbering::Auto(n) => {
                ctx.numbering.set(Numbering::Auto(n + 1));
                Some(n)
            }
        }
    } else {
        let idx = parse_index(vm, first)?;
        if idx.is_some() {
            if let Numbering::Auto(_) = ctx.numbering.get() {
                return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
            }
            ctx.numbering.set(Numbering::Manual);
        }
        idx
    };
    if let Some(i) = index {
        let Some(pos) = ctx.positional else {
            return Err(vm.value_error("Format string contains positional fields"));
        };
        return pos.get(i).cloned().ok_or_else(|| {
            vm.index_error(format!("Replacement index {i} out of range for positional args tuple"))
        });
    }
    match &ctx.named {
        Named::Kwargs(a) => a
            .keywords()
            .find(|(k, _)| vm.str_of(k) == Some(first))
            .map(|(_, v)| v.clone())
            .ok_or_else(|| vm.key_error(vm.new_str(first))),
        Named::Mapping(m) => vm.get_item(m, &vm.new_str(first)),
    }
}

/// Resolve a whole field name (`0.attr[key]...`).
fn get_field(vm: &Vm, ctx: &Ctx<'_>, name: &str) -> PyResult<PyRef> {
    let split = name.find(['.', '[']).unwrap_or(name.len());
    let mut obj = get_arg(vm, ctx, &name[..split])?;
    let mut rest = &name[split..];
    while let Some(c) = rest.chars().next() {
        if c == '.' {
            let end = rest[1..].find(['.', '[']).map_or(rest.len(), |k| k + 1);
            let attr = &rest[1..end];
            if attr.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            obj = vm.get_attr(&obj, &vm.new_str(attr))?;
            rest = &rest[end..];
        } else if c == '[' {
            let Some(close) = rest.find(']') else {
                return Err(vm.value_error("Missing ']' in format string"));
            };
            let key = &rest[1..close];
            if key.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let k = match parse_index(vm, key)? {
                Some(i) => vm.new_int(i as i64),
                None => vm.new_str(key),
            };
            obj = vm.get_item(&obj, &k)?;
            rest = &rest[close + 1..];
            if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
        } else {
            break;
        }
    }
    Ok(obj)
}
