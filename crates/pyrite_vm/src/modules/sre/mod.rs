//! The `_sre` module: regular expressions for `lib/re.py`.
//!
//! Patterns are parsed ([`parser`]) and compiled ([`compiler`]) here into
//! the code words of CPython 3.11's `_sre` engine, and run by the
//! `rustpython-sre_engine` crate, which implements that engine ([`search`]).
//! [`pattern`], [`matchobj`] and [`scanner`] are the `re.Pattern`,
//! `re.Match` and `_sre.SRE_Scanner` types; [`template`] handles `sub()`
//! replacement templates. `lib/re.py` adds the module-level functions, the
//! flags, `re.error` and the pattern cache.

mod ast;
mod compiler;
mod matchobj;
mod parser;
mod pattern;
mod scanner;
mod search;
mod template;
mod text;

use std::mem::size_of;

use crate::object::PyRef;
use crate::types::module::module_dict;
use crate::types::str::args;
use crate::types::typeobj::{DeallocFn, FuncArgs, Layout, NativeFn, TypeFlags};
use crate::types::{new_static_type, set_type_dict, TypeRef};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

use parser::ParseError;

/// Where a pattern keeps its weak references (patterns are weakrefable,
/// matches and scanners are not, as in CPython).
pub(crate) const PATTERN_WEAKLIST_OFFSET: usize = std::mem::offset_of!(pattern::PatternObj, weaklist);

/// `_sre.MAGIC`: the code layout version (CPython 3.11's).
const MAGIC: i64 = 20_220_615;

/// The types this module defines, kept by every pattern (which makes the
/// matches and scanners).
#[derive(Clone)]
pub(crate) struct SreTypes {
    /// `re.Pattern`.
    pub pattern: TypeRef,
    /// `re.Match`.
    pub match_: TypeRef,
    /// `_sre.SRE_Scanner`.
    pub scanner: TypeRef,
}

/// A builtin type of this module (instances are GC-tracked containers).
fn new_type(vm: &Vm, name: &str, module: &str, layout: Layout, size: usize, dealloc: DeallocFn) -> TypeRef {
    // SAFETY: each call passes a payload's own layout tag, its size and a
    // deallocator that drops that payload; there is no instance dict.
    let t = unsafe {
        new_static_type(Some(&vm.types.type_), name, layout, size, Some(&vm.types.object), TypeFlags::HAVE_GC, dealloc, 0)
    };
    set_type_dict(&t, vm.new_dict());
    vm.dict_set_str(t.dict(), "__module__", vm.new_str(module));
    t
}

/// Build the module.
pub fn make_module(vm: &Vm) -> PyResult {
    let m = crate::types::module::new_module(vm, "_sre");
    let d = module_dict(&m).clone();
    let types = SreTypes {
        pattern: new_type(vm, "Pattern", "re", Layout::SrePattern, size_of::<pattern::PatternObj>(), pattern::dealloc),
        match_: new_type(vm, "Match", "re", Layout::SreMatch, size_of::<matchobj::MatchObj>(), matchobj::dealloc),
        scanner: new_type(vm, "SRE_Scanner", "_sre", Layout::SreScanner, size_of::<scanner::ScannerObj>(), scanner::dealloc),
    };
    pattern::init(vm, &types.pattern);
    matchobj::init(vm, &types.match_);
    scanner::init(vm, &types.scanner);
    vm.dict_set_str(&d, "Pattern", types.pattern.as_ref().clone());
    vm.dict_set_str(&d, "Match", types.match_.as_ref().clone());
    vm.dict_set_str(&d, "SRE_Scanner", types.scanner.as_ref().clone());
    vm.dict_set_str(&d, "MAGIC", vm.new_int(MAGIC));
    vm.dict_set_str(&d, "CODESIZE", vm.new_int(4));
    vm.dict_set_str(&d, "MAXREPEAT", vm.new_int(i64::from(ast::MAXREPEAT)));
    vm.dict_set_str(&d, "MAXGROUPS", vm.new_int(ast::MAXGROUPS as i64));
    vm.dict_set_str(&d, "copyright", vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
    let functions: &[(&'static str, NativeFn)] = &[
        ("compile", compile),
        ("getcodesize", |vm, _| Ok(vm.new_int(4))),
        ("ascii_iscased", |vm, a| char_fn(vm, a, "ascii_iscased", |c| i64::from(compiler::ascii_iscased(c)))),
        ("unicode_iscased", |vm, a| char_fn(vm, a, "unicode_iscased", |c| i64::from(compiler::unicode_iscased(c)))),
        ("ascii_tolower", |vm, a| {
            char_fn(vm, a, "ascii_tolower", |c| i64::from(rustpython_sre_engine::string::lower_ascii(c)))
        }),
        ("unicode_tolower", |vm, a| {
            char_fn(vm, a, "unicode_tolower", |c| i64::from(rustpython_sre_engine::string::lower_unicode(c)))
        }),
    ];
    for &(name, f) in functions {
        vm.dict_set_str(&d, name, vm.new_builtin_function(name, f, Some("_sre")));
    }
    Ok(m)
}

/// `f(character)` for the `_sre` case helpers (bools for `*_iscased`).
fn char_fn(vm: &Vm, a: FuncArgs<'_>, name: &str, f: fn(u32) -> i64) -> PyResult {
    let [c] = args::bind(vm, &a, name, &["character"], 1)?;
    let c = c.map(|c| crate::types::list::ssize_arg(vm, c)).transpose()?.unwrap_or(0);
    let v = f(u32::try_from(c).unwrap_or(u32::MAX));
    Ok(if name.ends_with("iscased") { vm.new_bool(v != 0) } else { vm.new_int(v) })
}

/// The types, as stored in the `_sre` module.
fn sre_types(vm: &Vm) -> PyResult<SreTypes> {
    let m = vm.import_module("_sre")?;
    let d = module_dict(&m);
    let get = |name: &str| {
        vm.dict_get_str(d, name)
            .and_then(TypeRef::new)
            .ok_or_else(|| vm.new_exception_msg(&vm.exc.system_error, &format!("_sre.{name} is missing")))
    };
    Ok(SreTypes { pattern: get("Pattern")?, match_: get("Match")?, scanner: get("SRE_Scanner")? })
}

/// `re.error(msg, pattern, pos)` (pattern and pos may be absent).
pub(crate) fn re_error(vm: &Vm, msg: &str, pattern: Option<&PyRef>, pos: Option<usize>) -> PyErr {
    let cls = vm.import_module("re").and_then(|m| vm.get_attr_str(&m, "error"));
    let cls = match cls {
        Ok(c) => c,
        Err(e) => return e,
    };
    let mut argv = vec![vm.new_str(msg)];
    if let (Some(p), Some(pos)) = (pattern, pos) {
        argv.push(p.clone());
        argv.push(vm.new_int(pos as i64));
    }
    match vm.call_pos(&cls, &argv) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

fn recursion_error(vm: &Vm) -> PyErr {
    vm.new_exception_msg(&vm.exc.recursion_error, "maximum recursion depth exceeded")
}

/// The Python exception for a parse failure of `pattern`.
pub(crate) fn parse_error(vm: &Vm, e: ParseError, pattern: &PyRef) -> PyErr {
    match e {
        ParseError::Re { msg, pos } => re_error(vm, &msg, Some(pattern), pos),
        ParseError::Overflow(msg) => vm.overflow_error(msg),
        ParseError::Value(msg) => vm.value_error(msg),
        ParseError::Index(msg) => vm.index_error(msg),
        ParseError::Recursion => recursion_error(vm),
    }
}

/// Issue the parse's warnings, attributed to the code that called the
/// `re` function (two Python frames up: the function and `re._compile`).
pub(crate) fn issue_warnings(vm: &Vm, warnings: &[parser::Warning], stacklevel: i64) -> PyResult<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    let warn = vm.import_module("warnings").and_then(|m| vm.get_attr_str(&m, "warn"))?;
    for w in warnings {
        let cat = if w.future { &vm.exc.future_warning } else { &vm.exc.deprecation_warning };
        vm.call_pos(&warn, &[vm.new_str(&w.msg), cat.as_ref().clone(), vm.new_int(stacklevel)])?;
    }
    Ok(())
}

/// The code points of a str pattern, or the bytes of a bytes-like one
/// (`None` for anything else).
fn pattern_chars(o: &PyRef) -> Option<(Vec<u32>, bool)> {
    if let Some(s) = o.downcast::<crate::types::str::StrObj>() {
        return Some((s.as_str().chars().map(|c| c as u32).collect(), true));
    }
    crate::types::bytes::with_bytes(o, |b| (b.iter().map(|&c| u32::from(c)).collect(), false))
}

/// `_sre.compile(pattern, flags)`: parse and compile a str or bytes
/// pattern into a `re.Pattern` (`re.error` when it is invalid).
fn compile(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let [pattern, flags] = args::bind(vm, &a, "compile", &["pattern", "flags"], 2)?;
    let (pattern, flags) = (pattern.unwrap_or(&vm.none), flags.unwrap_or(&vm.none));
    // Flags are the bits of a C int (a negative one has every high bit
    // set); one too large for that is refused once the pattern has parsed.
    let raw_flags = crate::types::list::ssize_arg(vm, flags)?;
    let flags = raw_flags as u32;
    let Some((chars, istext)) = pattern_chars(pattern) else {
        return Err(vm.type_error("first argument must be string or compiled pattern"));
    };
    // The reference parser uses two Python frames per nesting level.
    let frames_left = vm.recursion_limit.get().saturating_sub(vm.recursion_depth.get()) as usize;
    let max_nested = frames_left.saturating_sub(6);
    let parsed = parser::parse(&chars, istext, flags, max_nested, vm.stack_floor).map_err(|e| parse_error(vm, e, pattern))?;
    issue_warnings(vm, &parsed.warnings, 3)?;
    if i32::try_from(raw_flags).is_err() {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    let code = compiler::compile(&parsed.seq, parsed.flags, &parsed.groupwidths, vm.stack_floor).map_err(|e| match e {
        compiler::CompileError::Re(msg) => re_error(vm, &msg, None, None),
        compiler::CompileError::Recursion => recursion_error(vm),
    })?;
    let types = sre_types(vm)?;
    pattern::new_pattern(vm, types, pattern.clone(), parsed, code)
}
