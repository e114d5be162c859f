//! `re.Pattern`: a compiled pattern and its matching methods.

use std::ptr::NonNull;

use crate::object::{alloc_object, ObjHeader, PyObject, PyPayload, PyRef};
use crate::types::iter::MappingProxyObj;
use crate::types::str::args;
use crate::types::typeobj::{CmpOp, FuncArgs, Layout, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

use super::ast::flag;
use super::matchobj::new_match;
use super::parser::Parsed;
use super::search::{Mode, Searcher};
use super::template::{join, Template};
use super::text::Subject;
use super::SreTypes;

/// A compiled pattern.
#[repr(C)]
pub(crate) struct PatternObj {
    /// Header.
    pub ob: ObjHeader,
    /// The engine's code.
    pub code: Box<[u32]>,
    /// The pattern source (str or bytes).
    pub pattern: PyRef,
    /// The flags (with `UNICODE` for str patterns unless `ASCII`).
    pub flags: u32,
    /// Number of capturing groups.
    pub groups: usize,
    /// Group name → number (a dict).
    pub groupindex: PyRef,
    /// Group number → name (index 0 unused).
    pub indexgroup: Box<[Option<PyRef>]>,
    /// A bytes pattern.
    pub is_bytes: bool,
    /// The module's types.
    pub types: SreTypes,
    /// Weak references to this pattern.
    pub weaklist: crate::types::weakref::WeakList,
}
// SAFETY: repr(C), header first, Layout::SrePattern is only PatternObj's.
unsafe impl PyPayload for PatternObj {
    const LAYOUT: Layout = Layout::SrePattern;
}

/// Deallocator of patterns.
///
/// # Safety
/// `o` is a dead `PatternObj`.
pub(crate) unsafe fn dealloc(o: NonNull<PyObject>) {
    // SAFETY: the caller's contract.
    unsafe { crate::types::dealloc_payload::<PatternObj>(o) }
}

/// Make the pattern object for a parse and its code.
pub(crate) fn new_pattern(vm: &Vm, types: SreTypes, pattern: PyRef, parsed: Parsed, code: Vec<u32>) -> PyResult {
    let groupindex = vm.new_dict();
    let mut indexgroup = vec![None; parsed.groups + 1];
    for (name, g) in &parsed.groupindex {
        let key = vm.new_str(name);
        vm.set_item(&groupindex, &key, vm.new_int(*g as i64))?;
        if let Some(slot) = indexgroup.get_mut(*g) {
            *slot = Some(key);
        }
    }
    let is_bytes = vm.str_of(&pattern).is_none();
    let pattern = if is_bytes { crate::types::bytes::bytes_like(&pattern).map_or(pattern, |b| vm.new_bytes(b)) } else { pattern };
    let ty = types.pattern.clone();
    Ok(alloc_object(&ty, |ob| PatternObj {
        ob,
        code: code.into_boxed_slice(),
        pattern,
        flags: parsed.flags,
        groups: parsed.groups,
        groupindex,
        indexgroup: indexgroup.into_boxed_slice(),
        is_bytes,
        types,
        weaklist: crate::types::weakref::WeakList::new(),
    }))
}

fn this<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a PatternObj> {
    o.downcast::<PatternObj>().ok_or_else(|| vm.type_error("descriptor requires a 're.Pattern' object"))
}

/// `self` of a method, as object and payload.
fn me<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str) -> PyResult<(&'a PyRef, &'a PatternObj)> {
    let (p, _) = args::self_of::<PatternObj>(vm, a, "re.Pattern", name)?;
    Ok((&a.args[0], p))
}

/// The subject for `string`, checked against the pattern's kind.
pub(crate) fn subject_for(vm: &Vm, pat: &PatternObj, string: &PyRef) -> PyResult<Subject> {
    let Some(s) = Subject::new(string) else {
        return Err(vm.type_error(format!("expected string or bytes-like object, got '{}'", string.ty().name())));
    };
    if pat.is_bytes && s.is_str {
        return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
    }
    if !pat.is_bytes && !s.is_str {
        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
    }
    Ok(s)
}

/// A `pos`/`endpos` argument: an index, negative meaning 0.
fn position(vm: &Vm, o: Option<&PyRef>, default: usize) -> PyResult<usize> {
    match o {
        None => Ok(default),
        Some(o) => Ok(crate::types::list::ssize_arg(vm, o)?.max(0) as usize),
    }
}

/// `(string, pos=0, endpos=sys.maxsize)` of a method.
pub(crate) fn string_range<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str, pat: &PatternObj) -> PyResult<(Subject, usize, usize)> {
    let [string, pos, endpos] = args::bind_from(vm, a, 1, name, &["string", "pos", "endpos"], 1)?;
    let subject = subject_for(vm, pat, string.unwrap_or(&vm.none))?;
    let pos = position(vm, pos, 0)?.min(subject.len);
    let endpos = position(vm, endpos, usize::MAX)?.min(subject.len);
    Ok((subject, pos, endpos))
}

fn run_once(vm: &Vm, a: FuncArgs<'_>, name: &str, mode: Mode) -> PyResult {
    let (pref, pat) = me(vm, &a, name)?;
    let (subject, pos, endpos) = string_range(vm, &a, name, pat)?;
    let mut searcher = Searcher::new(subject.len, pos, endpos);
    if pos > endpos && mode != Mode::Search {
        // An empty range past its end: only empty matches at `pos`.
        searcher.end = pos;
    }
    match searcher.run(subject.view(), &pat.code, mode, pat.groups) {
        Some(found) => Ok(new_match(pref, pat, subject, found, pos, endpos)),
        None => Ok(vm.none()),
    }
}

/// Every match of `pat` in `subject` (at most `limit`, 0: no limit), handed
/// to `each`; returns how many.
fn for_each_match(
    pat: &PatternObj,
    subject: &Subject,
    pos: usize,
    endpos: usize,
    limit: usize,
    mut each: impl FnMut(&super::search::Found) -> PyResult<()>,
) -> PyResult<usize> {
    let mut searcher = Searcher::new(subject.len, pos, endpos);
    let view = subject.view();
    let mut n = 0;
    while limit == 0 || n < limit {
        let Some(found) = searcher.run(view, &pat.code, Mode::Search, pat.groups) else { break };
        each(&found)?;
        n += 1;
        let (s, e) = found.spans[0];
        searcher.advance_past(s as usize, e as usize);
    }
    Ok(n)
}

/// A group's text, or `default` when it did not take part.
fn group_or(vm: &Vm, subject: &Subject, span: (isize, isize), default: &PyRef) -> PyRef {
    if span.0 < 0 {
        return default.clone();
    }
    subject.slice(vm, span.0 as usize, span.1 as usize)
}

fn findall(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (_, pat) = me(vm, &a, "findall")?;
    let (subject, pos, endpos) = string_range(vm, &a, "findall", pat)?;
    let empty = if pat.is_bytes { vm.empty_bytes.clone() } else { vm.empty_str.clone() };
    let mut out = Vec::new();
    for_each_match(pat, &subject, pos, endpos, 0, |found| {
        let item = match pat.groups {
            0 => group_or(vm, &subject, found.spans[0], &empty),
            1 => group_or(vm, &subject, found.spans[1], &empty),
            _ => vm.new_tuple(found.spans[1..].iter().map(|&sp| group_or(vm, &subject, sp, &empty)).collect()),
        };
        out.push(item);
        Ok(())
    })?;
    Ok(vm.new_list(out))
}

fn split(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (_, pat) = me(vm, &a, "split")?;
    let [string, maxsplit] = args::bind_from(vm, &a, 1, "split", &["string", "maxsplit"], 1)?;
    let subject = subject_for(vm, pat, string.unwrap_or(&vm.none))?;
    let maxsplit = maxsplit.map(|m| crate::types::list::ssize_arg(vm, m)).transpose()?.unwrap_or(0);
    let mut out = Vec::new();
    let mut last = 0;
    if maxsplit >= 0 {
        for_each_match(pat, &subject, 0, usize::MAX, maxsplit as usize, |found| {
            let (s, e) = found.spans[0];
            out.push(subject.slice(vm, last, s as usize));
            for &sp in &found.spans[1..] {
                out.push(group_or(vm, &subject, sp, &vm.none));
            }
            last = e as usize;
            Ok(())
        })?;
    }
    out.push(subject.slice(vm, last, subject.len));
    Ok(vm.new_list(out))
}

/// What replaces each match in `sub()`.
enum Filter {
    /// A fixed string.
    Literal(PyRef),
    /// A function of the match.
    Callable(PyRef),
    /// A template with group references.
    Template(Template),
}

fn subx(vm: &Vm, a: FuncArgs<'_>, name: &str) -> PyResult<(PyRef, usize)> {
    let (pref, pat) = me(vm, &a, name)?;
    let [repl, string, count] = args::bind_from(vm, &a, 1, name, &["repl", "string", "count"], 2)?;
    let (repl, string) = (repl.unwrap_or(&vm.none), string.unwrap_or(&vm.none));
    let subject = subject_for(vm, pat, string)?;
    let count = count.map(|c| crate::types::list::ssize_arg(vm, c)).transpose()?.unwrap_or(0);
    let filter = if vm.is_callable(repl) {
        Filter::Callable(repl.clone())
    } else if super::template::is_literal(repl) {
        Filter::Literal(repl.clone())
    } else {
        let t = Template::parse(vm, repl, pat)?;
        match t.as_literal() {
            Some(lit) => Filter::Literal(lit),
            None => Filter::Template(t),
        }
    };
    let mut items: Vec<PyRef> = Vec::new();
    let mut last = 0;
    let n = if count < 0 {
        0
    } else {
        let mut searcher = Searcher::new(subject.len, 0, usize::MAX);
        let view = subject.view();
        let mut n = 0;
        while count == 0 || n < count as usize {
            let Some(found) = searcher.run(view, &pat.code, Mode::Search, pat.groups) else { break };
            let (s, e) = (found.spans[0].0 as usize, found.spans[0].1 as usize);
            if last < s {
                items.push(subject.slice(vm, last, s));
            }
            match &filter {
                Filter::Literal(l) => items.push(l.clone()),
                Filter::Callable(f) => {
                    let m = new_match(pref, pat, subject.clone(), found, 0, subject.len);
                    let r = vm.call_pos(f, &[m])?;
                    if !vm.is_none(&r) {
                        items.push(r);
                    }
                }
                Filter::Template(t) => {
                    let m = new_match(pref, pat, subject.clone(), found, 0, subject.len);
                    items.push(t.expand(vm, &m)?);
                }
            }
            last = e;
            n += 1;
            searcher.advance_past(s, e);
        }
        n
    };
    if n == 0 && (std::ptr::eq(string.ty(), &*vm.types.str) || std::ptr::eq(string.ty(), &*vm.types.bytes)) {
        return Ok((string.clone(), 0));
    }
    if last < subject.len {
        items.push(subject.slice(vm, last, subject.len));
    }
    Ok((join(vm, &items, !subject.is_str)?, n))
}

fn sub(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    Ok(subx(vm, a, "sub")?.0)
}

fn subn(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, n) = subx(vm, a, "subn")?;
    Ok(vm.new_tuple(vec![s, vm.new_int(n as i64)]))
}

fn scanner(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (pref, pat) = me(vm, &a, "scanner")?;
    let (subject, pos, endpos) = string_range(vm, &a, "scanner", pat)?;
    Ok(super::scanner::new_scanner(pref, pat, subject, pos, endpos))
}

fn finditer(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (pref, pat) = me(vm, &a, "finditer")?;
    let (subject, pos, endpos) = string_range(vm, &a, "finditer", pat)?;
    let sc = super::scanner::new_scanner(pref, pat, subject, pos, endpos);
    let search = vm.get_attr_str(&sc, "search")?;
    let iter = vm.dict_get_str(&vm.builtins, "iter").ok_or_else(|| vm.type_error("iter is missing"))?;
    vm.call_pos(&iter, &[search, vm.none()])
}

/// The name of each flag bit, in the order `repr()` lists them.
const FLAG_NAMES: &[(u32, &str)] = &[
    (flag::TEMPLATE, "re.TEMPLATE"),
    (flag::IGNORECASE, "re.IGNORECASE"),
    (flag::LOCALE, "re.LOCALE"),
    (flag::MULTILINE, "re.MULTILINE"),
    (flag::DOTALL, "re.DOTALL"),
    (flag::UNICODE, "re.UNICODE"),
    (flag::VERBOSE, "re.VERBOSE"),
    (flag::DEBUG, "re.DEBUG"),
    (flag::ASCII, "re.ASCII"),
];

/// At most `n` characters of `s`.
pub(crate) fn truncate(s: String, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => s[..i].to_string(),
        None => s,
    }
}

fn repr(vm: &Vm, o: &PyRef) -> PyResult {
    let p = this(vm, o)?;
    let source = truncate(vm.repr_string(&p.pattern)?, 200);
    let mut flags = p.flags;
    if !p.is_bytes && flags & flag::TYPE_FLAGS == flag::UNICODE {
        flags &= !flag::UNICODE;
    }
    if flags == 0 {
        return Ok(vm.new_string(format!("re.compile({source})")));
    }
    let mut names: Vec<String> = Vec::new();
    for &(bit, name) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("{flags:#x}"));
    }
    Ok(vm.new_string(format!("re.compile({source}, {})", names.join("|"))))
}

fn richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<PatternObj>(), b.downcast::<PatternObj>()) else {
        return Ok(vm.not_implemented.clone());
    };
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.not_implemented.clone());
    }
    let eq = a.is(b)
        || (x.flags == y.flags && x.is_bytes == y.is_bytes && x.code == y.code && vm.eq(&x.pattern, &y.pattern)?);
    Ok(vm.new_bool(eq == (op == CmpOp::Eq)))
}

fn hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    let p = this(vm, o)?;
    let mut h = vm.hash(&p.pattern)?;
    for &w in p.code.iter() {
        h = h.wrapping_mul(1_000_003) ^ i64::from(w);
    }
    h ^= i64::from(p.flags);
    Ok(if h == -1 { -2 } else { h })
}

/// Register the slots, methods and attributes of `re.Pattern`.
pub(crate) fn init(vm: &Vm, t: &TypeRef) {
    vm.set_type_slots(
        t,
        Slots {
            repr: Some(repr),
            new: Some(|vm, _, _| Err(vm.type_error("cannot create 're.Pattern' instances"))),
            richcompare: Some(richcompare),
            hash: Some(hash),
            traverse: Some(|o, visit| {
                if let Some(p) = o.downcast::<PatternObj>() {
                    visit.visit(&p.pattern);
                    visit.visit(&p.groupindex);
                    for name in p.indexgroup.iter().flatten() {
                        visit.visit(name);
                    }
                }
            }),
            ..Default::default()
        },
    );
    let methods: &[(&'static str, crate::types::typeobj::NativeFn)] = &[
        ("match", |vm, a| run_once(vm, a, "match", Mode::Match)),
        ("fullmatch", |vm, a| run_once(vm, a, "fullmatch", Mode::FullMatch)),
        ("search", |vm, a| run_once(vm, a, "search", Mode::Search)),
        ("findall", findall),
        ("finditer", finditer),
        ("scanner", scanner),
        ("split", split),
        ("sub", sub),
        ("subn", subn),
        ("__copy__", |vm, a| {
            me(vm, &a, "__copy__")?;
            super::matchobj::copy_self(vm, &a, "Pattern", false)
        }),
        ("__deepcopy__", |vm, a| {
            me(vm, &a, "__deepcopy__")?;
            super::matchobj::copy_self(vm, &a, "Pattern", true)
        }),
    ];
    for &(name, f) in methods {
        vm.add_method(t, name, f);
    }
    vm.add_classmethod(t, "__class_getitem__", crate::types::list::class_getitem);
    vm.add_getset(t, "pattern", |vm, o| Ok(this(vm, o)?.pattern.clone()), None);
    vm.add_getset(t, "flags", |vm, o| Ok(vm.new_int(i64::from(this(vm, o)?.flags))), None);
    vm.add_getset(t, "groups", |vm, o| Ok(vm.new_int(this(vm, o)?.groups as i64)), None);
    vm.add_getset(
        t,
        "groupindex",
        |vm, o| {
            let p = this(vm, o)?;
            if vm.len(&p.groupindex)? == 0 {
                return Ok(vm.new_dict());
            }
            Ok(alloc_object(&vm.types.mappingproxy, |ob| MappingProxyObj { ob, mapping: p.groupindex.clone() }))
        },
        None,
    );
}
