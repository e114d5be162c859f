//! `re.Match`: the result of a successful match.

use std::ptr::NonNull;

use crate::object::{alloc_object, ObjHeader, PyObject, PyPayload, PyRef};
use crate::types::dict::DictObj;
use crate::types::int::IntObj;
use crate::types::str::args;
use crate::types::typeobj::{FuncArgs, Layout, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

use super::pattern::{truncate, PatternObj};
use super::search::Found;
use super::text::Subject;

/// A match.
#[repr(C)]
pub(crate) struct MatchObj {
    /// Header.
    pub ob: ObjHeader,
    /// The pattern (`re`).
    pub pattern: PyRef,
    /// The string searched.
    pub subject: Subject,
    /// (start, end) of each group, group 0 first; (-1, -1) when unset.
    pub spans: Box<[(isize, isize)]>,
    /// The `pos` of the search.
    pub pos: usize,
    /// The `endpos` of the search.
    pub endpos: usize,
    /// The last group closed, or -1.
    pub lastindex: isize,
}
// SAFETY: repr(C), header first, Layout::SreMatch is only MatchObj's.
unsafe impl PyPayload for MatchObj {
    const LAYOUT: Layout = Layout::SreMatch;
}

/// Deallocator of matches.
///
/// # Safety
/// `o` is a dead `MatchObj`.
pub(crate) unsafe fn dealloc(o: NonNull<PyObject>) {
    // SAFETY: the caller's contract.
    unsafe { crate::types::dealloc_payload::<MatchObj>(o) }
}

/// A match object for `found` in `subject`.
pub(crate) fn new_match(pref: &PyRef, pat: &PatternObj, subject: Subject, found: Found, pos: usize, endpos: usize) -> PyRef {
    alloc_object(&pat.types.match_, |ob| MatchObj {
        ob,
        pattern: pref.clone(),
        subject,
        spans: found.spans.into_boxed_slice(),
        pos,
        endpos,
        lastindex: found.lastindex,
    })
}

fn this<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a MatchObj> {
    o.downcast::<MatchObj>().ok_or_else(|| vm.type_error("descriptor requires a 're.Match' object"))
}

fn me<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str) -> PyResult<&'a MatchObj> {
    Ok(args::self_of::<MatchObj>(vm, a, "re.Match", name)?.0)
}

fn pattern_of(m: &MatchObj) -> &PatternObj {
    m.pattern.downcast::<PatternObj>().expect("a match's pattern")
}

impl MatchObj {
    /// The group number `index` names (an int, or a group name).
    fn index(&self, vm: &Vm, index: &PyRef) -> PyResult<usize> {
        let no_such = || vm.index_error("no such group");
        let i = if index.downcast::<IntObj>().is_some() || index.ty().slots().index.is_some() {
            let v = vm.index(index)?;
            vm.small_int_of(&v).unwrap_or(-1)
        } else {
            let gi = &pattern_of(self).groupindex;
            match gi.downcast::<DictObj>().map(|d| d.get_item(vm, index)).transpose()?.flatten() {
                Some(v) => vm.small_int_of(&v).unwrap_or(-1),
                None => -1,
            }
        };
        if i < 0 || i as usize >= self.spans.len() {
            return Err(no_such());
        }
        Ok(i as usize)
    }

    /// Group `g`'s text, or `default` when it did not take part.
    fn group(&self, vm: &Vm, g: usize, default: &PyRef) -> PyRef {
        let (s, e) = self.spans[g];
        if s < 0 {
            return default.clone();
        }
        self.subject.slice(vm, s as usize, e as usize)
    }

    fn group_by(&self, vm: &Vm, index: &PyRef) -> PyResult {
        Ok(self.group(vm, self.index(vm, index)?, &vm.none))
    }
}

fn group(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let m = me(vm, &a, "group")?;
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("Match.group() takes no keyword arguments"));
    }
    match &a.args[1..] {
        [] => Ok(m.group(vm, 0, &vm.none)),
        [g] => m.group_by(vm, g),
        gs => {
            let items = gs.iter().map(|g| m.group_by(vm, g)).collect::<PyResult<Vec<_>>>()?;
            Ok(vm.new_tuple(items))
        }
    }
}

fn groups(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let m = me(vm, &a, "groups")?;
    let [default] = args::bind_from(vm, &a, 1, "groups", &["default"], 0)?;
    let default = default.unwrap_or(&vm.none);
    Ok(vm.new_tuple((1..m.spans.len()).map(|g| m.group(vm, g, default)).collect()))
}

fn groupdict(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let m = me(vm, &a, "groupdict")?;
    let [default] = args::bind_from(vm, &a, 1, "groupdict", &["default"], 0)?;
    let default = default.unwrap_or(&vm.none);
    let out = vm.new_dict();
    let gi = pattern_of(m).groupindex.clone();
    for key in vm.collect(&gi)? {
        let g = m.index(vm, &key)?;
        vm.set_item(&out, &key, m.group(vm, g, default))?;
    }
    Ok(out)
}

/// The group of a `start`/`end`/`span` call (`group=0`, positional only).
fn span_of(vm: &Vm, a: &FuncArgs<'_>, name: &str) -> PyResult<(isize, isize)> {
    let m = me(vm, a, name)?;
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("Match.{name}() takes no keyword arguments")));
    }
    let g = match &a.args[1..] {
        [] => 0,
        [g] => m.index(vm, g)?,
        more => return Err(vm.type_error(format!("{name} expected at most 1 argument, got {}", more.len()))),
    };
    Ok(m.spans[g])
}

/// `__copy__()` and `__deepcopy__(memo)` of an immutable object: itself.
pub(crate) fn copy_self(vm: &Vm, a: &FuncArgs<'_>, tyname: &str, deep: bool) -> PyResult {
    let n = a.args.len().saturating_sub(1);
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("{tyname}.__{}copy__() takes no keyword arguments", if deep { "deep" } else { "" })));
    }
    if deep && n != 1 {
        return Err(vm.type_error(format!("{tyname}.__deepcopy__() takes exactly one argument ({n} given)")));
    }
    if !deep && n != 0 {
        return Err(vm.type_error(format!("{tyname}.__copy__() takes no arguments ({n} given)")));
    }
    Ok(a.args[0].clone())
}

fn expand(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let m = me(vm, &a, "expand")?;
    let [template] = args::bind_from(vm, &a, 1, "expand", &["template"], 1)?;
    let t = super::template::Template::parse(vm, template.unwrap_or(&vm.none), pattern_of(m))?;
    t.expand(vm, &a.args[0])
}

fn repr(vm: &Vm, o: &PyRef) -> PyResult {
    let m = this(vm, o)?;
    let (s, e) = m.spans[0];
    let text = truncate(vm.repr_string(&m.group(vm, 0, &vm.none))?, 50);
    Ok(vm.new_string(format!("<re.Match object; span=({s}, {e}), match={text}>")))
}

/// A `(start, end)` tuple.
fn span_tuple(vm: &Vm, (s, e): (isize, isize)) -> PyRef {
    vm.new_tuple(vec![vm.new_int(s as i64), vm.new_int(e as i64)])
}

/// Register the slots, methods and attributes of `re.Match`.
pub(crate) fn init(vm: &Vm, t: &TypeRef) {
    vm.set_type_slots(
        t,
        Slots {
            repr: Some(repr),
            new: Some(|vm, _, _| Err(vm.type_error("cannot create 're.Match' instances"))),
            getitem: Some(|vm, o, k| this(vm, o)?.group_by(vm, k)),
            traverse: Some(|o, visit| {
                if let Some(m) = o.downcast::<MatchObj>() {
                    visit.visit(&m.subject.obj);
                    visit.visit(&m.pattern);
                }
            }),
            ..Default::default()
        },
    );
    let methods: &[(&'static str, crate::types::typeobj::NativeFn)] = &[
        ("group", group),
        ("groups", groups),
        ("groupdict", groupdict),
        ("start", |vm, a| Ok(vm.new_int(span_of(vm, &a, "start")?.0 as i64))),
        ("end", |vm, a| Ok(vm.new_int(span_of(vm, &a, "end")?.1 as i64))),
        ("span", |vm, a| Ok(span_tuple(vm, span_of(vm, &a, "span")?))),
        ("expand", expand),
        ("__copy__", |vm, a| {
            me(vm, &a, "__copy__")?;
            copy_self(vm, &a, "Match", false)
        }),
        ("__deepcopy__", |vm, a| {
            me(vm, &a, "__deepcopy__")?;
            copy_self(vm, &a, "Match", true)
        }),
    ];
    for &(name, f) in methods {
        vm.add_method(t, name, f);
    }
    vm.add_classmethod(t, "__class_getitem__", crate::types::list::class_getitem);
    vm.add_getset(t, "string", |vm, o| Ok(this(vm, o)?.subject.obj.clone()), None);
    vm.add_getset(t, "re", |vm, o| Ok(this(vm, o)?.pattern.clone()), None);
    vm.add_getset(t, "pos", |vm, o| Ok(vm.new_int(this(vm, o)?.pos as i64)), None);
    vm.add_getset(t, "endpos", |vm, o| Ok(vm.new_int(this(vm, o)?.endpos as i64)), None);
    vm.add_getset(
        t,
        "lastindex",
        |vm, o| {
            let m = this(vm, o)?;
            Ok(if m.lastindex < 0 { vm.none() } else { vm.new_int(m.lastindex as i64) })
        },
        None,
    );
    vm.add_getset(
        t,
        "lastgroup",
        |vm, o| {
            let m = this(vm, o)?;
            let name = usize::try_from(m.lastindex).ok().and_then(|i| pattern_of(m).indexgroup.get(i).cloned().flatten());
            Ok(name.unwrap_or_else(|| vm.none()))
        },
        None,
    );
    vm.add_getset(
        t,
        "regs",
        |vm, o| {
            let m = this(vm, o)?;
            Ok(vm.new_tuple(m.spans.iter().map(|&sp| span_tuple(vm, sp)).collect()))
        },
        None,
    );
}
