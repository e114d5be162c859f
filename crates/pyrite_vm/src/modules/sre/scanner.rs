//! `_sre.SRE_Scanner`: successive matches over one string (what
//! `finditer()` iterates and `re.Scanner` drives).

use std::cell::RefCell;
use std::ptr::NonNull;

use crate::object::{alloc_object, ObjHeader, PyObject, PyPayload, PyRef};
use crate::types::str::args;
use crate::types::typeobj::{FuncArgs, Layout, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

use super::matchobj::new_match;
use super::pattern::PatternObj;
use super::search::{Mode, Searcher};
use super::text::Subject;

/// A scanner.
#[repr(C)]
pub(crate) struct ScannerObj {
    /// Header.
    pub ob: ObjHeader,
    /// The pattern.
    pub pattern: PyRef,
    /// The string scanned.
    pub subject: Subject,
    /// The search state; `None` once a search or match failed.
    searcher: RefCell<Option<Searcher>>,
    /// The `pos` given.
    pos: usize,
    /// The `endpos` given.
    endpos: usize,
}
// SAFETY: repr(C), header first, Layout::SreScanner is only ScannerObj's.
unsafe impl PyPayload for ScannerObj {
    const LAYOUT: Layout = Layout::SreScanner;
}

/// Deallocator of scanners.
///
/// # Safety
/// `o` is a dead `ScannerObj`.
pub(crate) unsafe fn dealloc(o: NonNull<PyObject>) {
    // SAFETY: the caller's contract.
    unsafe { crate::types::dealloc_payload::<ScannerObj>(o) }
}

/// A scanner of `subject` between `pos` and `endpos`.
pub(crate) fn new_scanner(pref: &PyRef, pat: &PatternObj, subject: Subject, pos: usize, endpos: usize) -> PyRef {
    let searcher = Searcher::new(subject.len, pos, endpos);
    alloc_object(&pat.types.scanner, |ob| ScannerObj {
        ob,
        pattern: pref.clone(),
        subject,
        searcher: RefCell::new(Some(searcher)),
        pos,
        endpos,
    })
}

/// The next match or search of the scanner (`None` from then on once one fails).
fn step(vm: &Vm, a: FuncArgs<'_>, name: &str, mode: Mode) -> PyResult {
    let (sc, rest) = args::self_of::<ScannerObj>(vm, &a, "_sre.SRE_Scanner", name)?;
    if !rest.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no arguments")));
    }
    let Some(pat) = sc.pattern.downcast::<PatternObj>() else { return Ok(vm.none()) };
    let found = {
        let mut slot = sc.searcher.borrow_mut();
        let Some(searcher) = slot.as_mut() else { return Ok(vm.none()) };
        match searcher.run(sc.subject.view(), &pat.code, mode, pat.groups) {
            Some(found) => {
                let (s, e) = found.spans[0];
                searcher.advance_past(s as usize, e as usize);
                found
            }
            None => {
                *slot = None;
                return Ok(vm.none());
            }
        }
    };
    Ok(new_match(&sc.pattern, pat, sc.subject.clone(), found, sc.pos, sc.endpos))
}

/// Register the methods and attributes of `SRE_Scanner`.
pub(crate) fn init(vm: &Vm, t: &TypeRef) {
    vm.set_type_slots(
        t,
        Slots {
            new: Some(|vm, _, _| Err(vm.type_error("cannot create '_sre.SRE_Scanner' instances"))),
            traverse: Some(|o, visit| {
                if let Some(s) = o.downcast::<ScannerObj>() {
                    visit.visit(&s.pattern);
                    visit.visit(&s.subject.obj);
                }
            }),
            ..Default::default()
        },
    );
    vm.add_method(t, "match", |vm, a| step(vm, a, "match", Mode::Match));
    vm.add_method(t, "search", |vm, a| step(vm, a, "search", Mode::Search));
    vm.add_getset(
        t,
        "pattern",
        |vm, o| match o.downcast::<ScannerObj>() {
            Some(s) => Ok(s.pattern.clone()),
            None => Err(vm.type_error("descriptor requires a '_sre.SRE_Scanner' object")),
        },
        None,
    );
}
