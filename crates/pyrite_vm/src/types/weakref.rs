//! Weak references (CPython's `Objects/weakrefobject.c`): the `weakref`
//! type (`weakref.ReferenceType`), the proxy types (in [`proxy`]), the
//! per-referent list of weak references, and clearing that list when the
//! referent dies.
//!
//! # The weak-reference list
//!
//! Every weakrefable object has one pointer-sized [`WeakList`] cell at
//! `ty.weaklistoffset` (0 = not weakrefable): a field of the payload for
//! builtin types (function, type, set, frozenset, method, generator,
//! module), an extra cell after the `__dict__` cell for instances of
//! `class`-statement classes. It holds a *borrowed* pointer to the first
//! weak reference to the object; weak references are doubly linked through
//! their own `prev`/`next` fields, and each holds a borrowed pointer to its
//! referent (null once dead). No strong reference is involved either way:
//! the referent clears the list when it dies, and a weak reference that
//! dies first unlinks itself.
//!
//! List order is CPython's: the shared callback-less `ref` ("basic ref")
//! first, then the shared callback-less proxy ("basic proxy"), then the
//! rest, each new one inserted right after the basic ones, so callbacks run
//! most recent first.
//!
//! # Death of a referent
//!
//! By reference count ([`clear_weakrefs_on_dealloc`]): every weak reference
//! is cleared (dead, unlinked), then the callbacks run with the dead
//! reference as argument. Heap-type instances do this in `subtype_dealloc`
//! after `__del__` and before their slots and dict are released; builtin
//! types at the start of their deallocator. The cycle collector uses
//! [`has_weakrefs`], [`clear_weakrefs_for_gc`] and [`run_weakref_callback`].

pub mod proxy;

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use crate::object::{alloc_object, ObjHeader, PyObject, PyPayload, PyRef};
use crate::types::typeobj::{CmpOp, FuncArgs, Layout, PyType, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

/// The cell a weakrefable object carries at its type's `weaklistoffset`:
/// a borrowed pointer to the first weak reference to the object, null when
/// there is none. Zeroed memory is a valid empty list.
#[repr(transparent)]
pub struct WeakList(Cell<*const WeakrefObj>);

impl WeakList {
    /// An empty list.
    pub const fn new() -> WeakList {
        WeakList(Cell::new(std::ptr::null()))
    }
    fn head(&self) -> *const WeakrefObj {
        self.0.get()
    }
    fn set_head(&self, w: *const WeakrefObj) {
        self.0.set(w)
    }
}

impl Default for WeakList {
    fn default() -> Self {
        WeakList::new()
    }
}

const _: () = assert!(std::mem::size_of::<WeakList>() == 8);

/// A weak reference or weak proxy (the three types share this layout).
#[repr(C)]
pub struct WeakrefObj {
    /// Header.
    pub ob: ObjHeader,
    /// The referent, borrowed; null once it is dead or the reference cleared.
    referent: Cell<*const PyObject>,
    /// `__callback__`, called with this object when the referent dies.
    callback: UnsafeCell<Option<PyRef>>,
    /// Cached hash of the referent, -1 until computed.
    hash: Cell<i64>,
    /// Previous weak reference in the referent's list (null at the head).
    prev: Cell<*const WeakrefObj>,
    /// Next weak reference in the referent's list.
    next: Cell<*const WeakrefObj>,
}
// SAFETY: repr(C), header first, Layout::Weakref unique to WeakrefObj.
unsafe impl PyPayload for WeakrefObj {
    const LAYOUT: Layout = Layout::Weakref;
}

impl WeakrefObj {
    /// The referent as a new reference, `None` when dead. An object whose
    /// count already reached zero (its deallocation deferred by the
    /// trashcan) counts as dead: handing it out would resurrect freed memory.
    pub fn referent(&self) -> Option<PyRef> {
        let p = self.referent.get();
        if p.is_null() {
            return None;
        }
        // SAFETY: a non-null referent pointer names a live (not yet freed)
        // object: the referent clears every weak reference to it before its
        // memory is released.
        let o = unsafe { &*p };
        if o.refcnt() <= 0 {
            return None;
        }
        Some(PyRef::from_obj(o))
    }

    /// Whether the referent is gone.
    pub fn is_dead(&self) -> bool {
        let p = self.referent.get();
        // SAFETY: as in `referent`.
        p.is_null() || unsafe { (*p).refcnt() } <= 0
    }

    /// `__callback__` (a new reference).
    pub fn callback(&self) -> Option<PyRef> {
        // SAFETY: short borrow; cloning only increments.
        unsafe { (*self.callback.get()).clone() }
    }

    fn has_callback(&self) -> bool {
        // SAFETY: short borrow.
        unsafe { (*self.callback.get()).is_some() }
    }

    fn take_callback(&self) -> Option<PyRef> {
        // SAFETY: short borrow; the value is moved out, dropped by the caller.
        unsafe { (*self.callback.get()).take() }
    }

    /// The weak reference as an object (`None` while it is being deallocated).
    fn object(&self) -> Option<&PyObject> {
        self.ob.object()
    }
}

/// The weak-reference list cell of `o`, `None` if its type is not weakrefable.
fn weaklist_of(o: &PyObject) -> Option<&WeakList> {
    let off = o.ty().weaklistoffset;
    if off == 0 {
        return None;
    }
    // SAFETY: a type with a non-zero `weaklistoffset` gives every instance a
    // `WeakList` (a payload field, or a heap-type cell that `alloc_object`
    // zero-initialises) at that offset, inside the object's memory.
    Some(unsafe { &*(o as *const PyObject).cast::<u8>().add(off).cast::<WeakList>() })
}

/// The `weaklistoffset` of a builtin type with layout `layout` (0 if its
/// instances are not weakrefable): WREF-2's function, type, set, frozenset,
/// bound method, generator and module.
pub(crate) fn static_weaklistoffset(layout: Layout) -> usize {
    use std::mem::offset_of;
    match layout {
        Layout::Function => offset_of!(crate::types::function::FunctionObj, weaklist),
        Layout::Method => offset_of!(crate::types::function::MethodObj, weaklist),
        Layout::Type => offset_of!(PyType, weaklist),
        Layout::Set => offset_of!(crate::types::set::SetObj, weaklist),
        Layout::Generator => offset_of!(crate::eval::generator::GeneratorObj, weaklist),
        Layout::Module => offset_of!(crate::types::module::ModuleObj, weaklist),
        Layout::SrePattern => crate::modules::sre::PATTERN_WEAKLIST_OFFSET,
        _ => 0,
    }
}

// ----- list manipulation -----

/// Take `w` out of its referent's list and mark it dead (keeps the callback).
fn unlink(w: &WeakrefObj) {
    let r = w.referent.get();
    if r.is_null() {
        return;
    }
    // SAFETY: non-null referent pointers name objects whose memory is intact
    // (see `WeakrefObj::referent`); only the list cell is touched.
    if let Some(list) = weaklist_of(unsafe { &*r }) {
        if std::ptr::eq(list.head(), w) {
            list.set_head(w.next.get());
        }
    }
    let (prev, next) = (w.prev.get(), w.next.get());
    // SAFETY: list neighbours are live weak references (each unlinks itself
    // before it is freed).
    unsafe {
        if let Some(p) = prev.as_ref() {
            p.next.set(next);
        }
        if let Some(n) = next.as_ref() {
            n.prev.set(prev);
        }
    }
    w.referent.set(std::ptr::null());
    w.prev.set(std::ptr::null());
    w.next.set(std::ptr::null());
}

fn insert_head(list: &WeakList, w: &WeakrefObj) {
    let head = list.head();
    w.prev.set(std::ptr::null());
    w.next.set(head);
    // SAFETY: list members are live weak references.
    if let Some(h) = unsafe { head.as_ref() } {
        h.prev.set(w);
    }
    list.set_head(w);
}

fn insert_after(prev: &WeakrefObj, w: &WeakrefObj) {
    let next = prev.next.get();
    w.prev.set(prev);
    w.next.set(next);
    // SAFETY: list members are live weak references.
    if let Some(n) = unsafe { next.as_ref() } {
        n.prev.set(w);
    }
    prev.next.set(w);
}

/// Iterate over a list (the pointers are read one step ahead, so the
/// callers must not unlink anything but the current element).
fn members(list: &WeakList) -> impl Iterator<Item = &WeakrefObj> {
    // SAFETY: list members are live weak references while linked.
    let head = unsafe { list.head().as_ref() };
    std::iter::successors(head, |w| {
        // SAFETY: as above, for the next member.
        unsafe { w.next.get().as_ref() }
    })
}

/// CPython's `get_basic_refs`: the shared callback-less exact `ref` and
/// proxy at the head of the list, if any.
fn basic_refs<'a>(vm: &Vm, list: &'a WeakList) -> (Option<&'a WeakrefObj>, Option<&'a WeakrefObj>) {
    // SAFETY: list members are live weak references.
    let mut cur = unsafe { list.head().as_ref() };
    let mut r = None;
    let mut p = None;
    if let Some(h) = cur {
        if !h.has_callback() {
            if h.object().is_some_and(|o| std::ptr::eq(o.type_ptr(), &*vm.types.weakref)) {
                r = Some(h);
                // SAFETY: as above.
                cur = unsafe { h.next.get().as_ref() };
            }
            if let Some(h) = cur {
                if !h.has_callback() && h.object().is_some_and(|o| proxy::is_proxy_type(vm, o.ty())) {
                    p = Some(h);
                }
            }
        }
    }
    (r, p)
}

// ----- the interface of the cycle collector -----

/// Whether `o`'s type supports weak references and some weak reference or
/// proxy to `o` exists (dead-but-deferred ones included).
pub(crate) fn has_weakrefs(o: &PyObject) -> bool {
    weaklist_of(o).is_some_and(|l| !l.head().is_null())
}

/// Clear every weak reference and proxy to `o`: each becomes dead and is
/// unlinked, and the list is left empty. No callback runs. Returns strong
/// references to the cleared weak references that have a callback and are
/// themselves alive (reference count above zero), in the order their
/// callbacks must run; pass each to [`run_weakref_callback`].
///
/// Used by the cycle collector (GC-9 h, before any `__del__` of the
/// garbage) and by [`clear_weakrefs_on_dealloc`].
pub(crate) fn clear_weakrefs_for_gc(o: &PyObject) -> Vec<PyRef> {
    let Some(list) = weaklist_of(o) else { return Vec::new() };
    let mut out = Vec::new();
    loop {
        let head = list.head();
        // SAFETY: list members are live weak references.
        let Some(w) = (unsafe { head.as_ref() }) else { break };
        unlink(w);
        if let Some(o) = w.object().filter(|_| w.has_callback()) {
            out.push(PyRef::from_obj(o));
        }
    }
    out
}

/// If `o` is itself a weak reference or proxy, make it dead without calling
/// its callback: a weak reference that is garbage never calls back (GC-9 h),
/// even if its referent dies while the garbage is cleared.
pub(crate) fn clear_own_referent(o: &PyObject) {
    if let Some(w) = o.downcast::<WeakrefObj>() {
        unlink(w);
    }
}

/// Run the callback of a weak reference cleared by [`clear_weakrefs_for_gc`]:
/// the callback is taken out of `w` (so it runs at most once) and called as
/// `callback(w)`; an exception goes to `sys.unraisablehook` with the
/// callback as the object (OBJ-6). Does nothing if `w` has no callback.
pub(crate) fn run_weakref_callback(vm: &Vm, w: &PyRef) {
    let Some(wr) = w.downcast::<WeakrefObj>() else { return };
    let Some(cb) = wr.take_callback() else { return };
    if let Err(e) = vm.call_pos(&cb, std::slice::from_ref(w)) {
        vm.write_unraisable(&e, Some(&cb));
    }
}

/// The refcount-death path (WREF-3): clear every weak reference to `o`,
/// then run their callbacks, most recent first. Without a current
/// interpreter (final teardown) the references are cleared and no callback
/// runs.
///
/// `o` must be dying (reference count zero): nothing may hand it out again.
pub(crate) fn clear_weakrefs_on_dealloc(o: &PyObject) {
    if !has_weakrefs(o) {
        return;
    }
    let pending = clear_weakrefs_for_gc(o);
    Vm::with_current(|vm| {
        for w in &pending {
            run_weakref_callback(vm, w);
        }
    });
}

/// Deallocator of weak references and proxies: unlink from the referent's
/// list, release the callback, free.
///
/// # Safety
/// `o` must be a dead object allocated as a `WeakrefObj`.
pub(crate) unsafe fn weakref_dealloc(o: NonNull<PyObject>) {
    // SAFETY: the object is alive until freed below.
    let w = unsafe { o.as_ref().downcast_unchecked::<WeakrefObj>() };
    unlink(w);
    drop(w.take_callback());
    // SAFETY: forwarded from the caller.
    unsafe { super::dealloc_payload::<WeakrefObj>(o) }
}

// ----- creation -----

/// `tp_name` of a type as CPython prints it in messages: `weakref.ProxyType`
/// for builtin types defined in a module, the plain name otherwise.
pub(crate) fn tp_name(vm: &Vm, t: &PyType) -> String {
    if !t.is_heap() {
        if let Some(m) = vm.dict_get_str(t.dict(), "__module__").and_then(|m| vm.str_of(&m).map(str::to_string)) {
            if m != "builtins" {
                return format!("{}.{}", m, t.name());
            }
        }
    }
    t.name().to_string()
}

fn not_weakrefable(vm: &Vm, o: &PyRef) -> crate::PyErr {
    vm.type_error(format!("cannot create weak reference to '{}' object", tp_name(vm, o.ty())))
}

fn new_weakref_obj(ty: &PyType, referent: &PyObject, callback: Option<PyRef>) -> PyRef {
    alloc_object(ty, |ob| WeakrefObj {
        ob,
        referent: Cell::new(referent),
        callback: UnsafeCell::new(callback),
        hash: Cell::new(-1),
        prev: Cell::new(std::ptr::null()),
        next: Cell::new(std::ptr::null()),
    })
}

/// `weakref.ref(ob, callback)` for type `cls` (`ref` or a subclass): the
/// shared basic ref when `cls` is `ref` and there is no callback (WREF-1),
/// a new reference otherwise.
pub fn new_ref(vm: &Vm, cls: &PyType, ob: &PyRef, callback: Option<PyRef>) -> PyResult {
    let list = weaklist_of(ob).ok_or_else(|| not_weakrefable(vm, ob))?;
    let callback = callback.filter(|c| !vm.is_none(c));
    let exact = std::ptr::eq(cls, &*vm.types.weakref);
    if callback.is_none() && exact {
        if let Some(r) = basic_refs(vm, list).0.and_then(WeakrefObj::object) {
            return Ok(PyRef::from_obj(r));
        }
    }
    let w = new_weakref_obj(cls, ob, callback.clone());
    // SAFETY: `w` was just allocated with layout Weakref (cls is ref or a subclass).
    let wr = unsafe { w.downcast_unchecked::<WeakrefObj>() };
    if callback.is_none() && exact {
        insert_head(list, wr);
    } else {
        let (r, p) = basic_refs(vm, list);
        match p.or(r) {
            Some(prev) => insert_after(prev, wr),
            None => insert_head(list, wr),
        }
    }
    Ok(w)
}

/// `weakref.proxy(ob, callback)`: the shared basic proxy when there is no
/// callback, a new `ProxyType` or `CallableProxyType` object otherwise.
pub fn new_proxy(vm: &Vm, ob: &PyRef, callback: Option<PyRef>) -> PyResult {
    let list = weaklist_of(ob).ok_or_else(|| not_weakrefable(vm, ob))?;
    let callback = callback.filter(|c| !vm.is_none(c));
    let (r, p) = basic_refs(vm, list);
    if callback.is_none() {
        if let Some(p) = p.and_then(WeakrefObj::object) {
            return Ok(PyRef::from_obj(p));
        }
    }
    let ty = if vm.is_callable(ob) { &vm.types.weakcallableproxy } else { &vm.types.weakproxy };
    let w = new_weakref_obj(ty, ob, callback.clone());
    // SAFETY: proxy types have layout Weakref.
    let wr = unsafe { w.downcast_unchecked::<WeakrefObj>() };
    let prev = if callback.is_none() { r } else { p.or(r) };
    match prev {
        Some(prev) => insert_after(prev, wr),
        None => insert_head(list, wr),
    }
    Ok(w)
}

/// `weakref.getweakrefcount(ob)`.
pub fn weakref_count(ob: &PyObject) -> usize {
    weaklist_of(ob).map_or(0, |l| members(l).count())
}

/// `weakref.getweakrefs(ob)`: the live weak references and proxies, list order.
pub fn weakrefs_of(ob: &PyObject) -> Vec<PyRef> {
    match weaklist_of(ob) {
        Some(l) => members(l).filter_map(|w| w.object().map(PyRef::from_obj)).collect(),
        None => Vec::new(),
    }
}

/// The first weak reference to `o` (`o.__weakref__`), if any.
pub(crate) fn first_weakref(o: &PyObject) -> Option<PyRef> {
    let l = weaklist_of(o)?;
    members(l).find_map(|w| w.object().map(PyRef::from_obj))
}

// ----- the `weakref` type -----

/// The payload of a weak reference, or a `TypeError` for other objects
/// (slots only see weak references; descriptors called by hand may not).
fn wr<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a WeakrefObj> {
    o.downcast::<WeakrefObj>()
        .ok_or_else(|| vm.type_error(format!("descriptor requires a 'weakref.ReferenceType' object but received '{}'", o.ty().name())))
}

/// `(ob, callback=None)` of `ref.__new__`/`__init__`; keywords are ignored
/// (subclasses may take more).
fn parse_ref_args<'a>(vm: &Vm, name: &str, args: &FuncArgs<'a>) -> PyResult<(&'a PyRef, Option<PyRef>)> {
    match args.positional() {
        [] => Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name))),
        [ob] => Ok((ob, None)),
        [ob, cb] => Ok((ob, Some(cb.clone()))),
        p => Err(vm.type_error(format!("{} expected at most 2 arguments, got {}", name, p.len()))),
    }
}

fn ref_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("weakref.__new__(X): X is not a type object"))?;
    if !t.is_subtype(&vm.types.weakref) {
        return Err(vm.type_error(format!("weakref.__new__({}): {} is not a subtype of weakref", t.name(), t.name())));
    }
    let (ob, cb) = parse_ref_args(vm, "__new__", &args)?;
    new_ref(vm, &t, ob, cb)
}

fn ref_init(vm: &Vm, _o: &PyRef, args: FuncArgs<'_>) -> PyResult {
    parse_ref_args(vm, "__init__", &args)?;
    Ok(vm.none())
}

fn ref_call(vm: &Vm, o: &PyRef, args: FuncArgs<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("weakref() takes no keyword arguments"));
    }
    if !args.args.is_empty() {
        return Err(vm.type_error(format!("weakref expected 0 arguments, got {}", args.args.len())));
    }
    Ok(wr(vm, o)?.referent().unwrap_or_else(|| vm.none()))
}

fn ref_hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    let w = wr(vm, o)?;
    if w.hash.get() != -1 {
        return Ok(w.hash.get());
    }
    let Some(r) = w.referent() else { return Err(vm.type_error("weak object has gone away")) };
    let h = vm.hash(&r)?;
    w.hash.set(h);
    Ok(h)
}

fn ref_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || a.ty().layout != Layout::Weakref || b.ty().layout != Layout::Weakref {
        return Ok(vm.not_implemented.clone());
    }
    match (wr(vm, a)?.referent(), wr(vm, b)?.referent()) {
        (Some(x), Some(y)) => vm.rich_compare(&x, &y, op),
        _ => Ok(vm.new_bool(a.is(b) == (op == CmpOp::Eq))),
    }
}

fn ref_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let me = o.as_ptr() as usize;
    let Some(r) = wr(vm, o)?.referent() else {
        return Ok(vm.new_string(format!("<weakref at {:#x}; dead>", me)));
    };
    let name = vm.lookup_attr_str(&r, "__name__")?;
    let tn = tp_name(vm, r.ty());
    let at = r.as_ptr() as usize;
    Ok(vm.new_string(match name.as_ref().and_then(|n| vm.str_of(n)) {
        Some(n) => format!("<weakref at {:#x}; to '{}' at {:#x} ({})>", me, tn, at, n),
        None => format!("<weakref at {:#x}; to '{}' at {:#x}>", me, tn, at),
    }))
}

fn weakref_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(w) = o.downcast::<WeakrefObj>() {
        // SAFETY: short borrow; the visitor does not touch the callback cell.
        if let Some(cb) = unsafe { &*w.callback.get() } {
            visit.visit(cb);
        }
    }
}

fn weakref_clear(o: &PyObject) {
    if let Some(w) = o.downcast::<WeakrefObj>() {
        unlink(w);
        drop(w.take_callback());
    }
}

/// Slots and attributes of `weakref.ReferenceType` (the proxies are set up
/// by [`proxy::init`]).
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.weakref;
    vm.set_type_slots(
        t,
        Slots {
            new: Some(ref_new),
            init: Some(ref_init),
            call: Some(ref_call),
            hash: Some(ref_hash),
            richcompare: Some(ref_richcompare),
            repr: Some(ref_repr),
            traverse: Some(weakref_traverse),
            clear: Some(weakref_clear),
            ..Default::default()
        },
    );
    vm.dict_set_str(t.dict(), "__module__", vm.new_str("weakref"));
    vm.add_staticmethod(t, "__new__", |vm, a| {
        let cls = a.positional().first().cloned().ok_or_else(|| vm.type_error("weakref.__new__(): not enough arguments"))?;
        ref_new(vm, &cls, FuncArgs { args: &a.args[1..], kwnames: a.kwnames })
    });
    vm.add_method(t, "__init__", |vm, a| {
        let o = a.args.first().cloned().ok_or_else(|| vm.type_error("weakref.__init__(): not enough arguments"))?;
        ref_init(vm, &o, FuncArgs { args: &a.args[1..], kwnames: a.kwnames })
    });
    vm.add_method(t, "__call__", |vm, a| {
        let o = a.args.first().cloned().ok_or_else(|| vm.type_error("weakref.__call__(): not enough arguments"))?;
        ref_call(vm, &o, FuncArgs { args: &a.args[1..], kwnames: a.kwnames })
    });
    vm.add_method(t, "__repr__", |vm, a| match a.args {
        [o] => ref_repr(vm, o),
        _ => Err(vm.type_error("expected 0 arguments")),
    });
    vm.add_method(t, "__hash__", |vm, a| match a.args {
        [o] => Ok(vm.new_int(ref_hash(vm, o)?)),
        _ => Err(vm.type_error("expected 0 arguments")),
    });
    vm.add_method(t, "__eq__", |vm, a| match a.args {
        [x, y] => ref_richcompare(vm, x, y, CmpOp::Eq),
        _ => Err(vm.type_error(format!("expected 1 argument, got {}", a.args.len().saturating_sub(1)))),
    });
    vm.add_method(t, "__ne__", |vm, a| match a.args {
        [x, y] => ref_richcompare(vm, x, y, CmpOp::Ne),
        _ => Err(vm.type_error(format!("expected 1 argument, got {}", a.args.len().saturating_sub(1)))),
    });
    vm.add_getset(t, "__callback__", |vm, o| Ok(wr(vm, o)?.callback().unwrap_or_else(|| vm.none())), None);
    proxy::init(vm);
}

/// `o.__weakref__` on instances of classes that added a weak-reference list.
pub(crate) fn instance_get_weakref(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(first_weakref(o).unwrap_or_else(|| vm.none()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    thread_local! {
        static CALLS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    }

    /// A callback that records the address of the weak reference it gets.
    fn record(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
        CALLS.with(|c| c.borrow_mut().push(a.args[0].as_ptr() as usize));
        Ok(vm.none())
    }

    #[test]
    fn gc_interface_clears_and_orders_callbacks() {
        let vm = crate::types::iter::testutil::vm();
        let s = crate::types::set::new_set_of_type(&vm.types.set);
        assert!(!has_weakrefs(&s));
        let basic = new_ref(&vm, &vm.types.weakref, &s, None).unwrap();
        assert!(new_ref(&vm, &vm.types.weakref, &s, None).unwrap().is(&basic));
        let cb = vm.new_builtin_function("record", record, None);
        let a = new_ref(&vm, &vm.types.weakref, &s, Some(cb.clone())).unwrap();
        let b = new_ref(&vm, &vm.types.weakref, &s, Some(cb.clone())).unwrap();
        let dying = new_ref(&vm, &vm.types.weakref, &s, Some(cb)).unwrap();
        let p = new_proxy(&vm, &s, None).unwrap();
        assert!(has_weakrefs(&s));
        assert_eq!(weakref_count(&s), 5);
        let order: Vec<usize> = weakrefs_of(&s).iter().map(|w| w.as_ptr() as usize).collect();
        let addr = |w: &PyRef| w.as_ptr() as usize;
        assert_eq!(order, vec![addr(&basic), addr(&p), addr(&dying), addr(&b), addr(&a)]);

        // A weak reference whose count already reached zero (deallocation
        // deferred) is cleared but not returned.
        // SAFETY: the count goes back to 1 right after, and nothing drops or
        // clones `dying` meanwhile.
        unsafe { dying.set_refcnt(0) };
        let pending = clear_weakrefs_for_gc(&s);
        // SAFETY: restores the one reference `dying` owns.
        unsafe { dying.set_refcnt(1) };
        assert!(!has_weakrefs(&s));
        assert_eq!(weakref_count(&s), 0);
        assert_eq!(pending.iter().map(addr).collect::<Vec<_>>(), vec![addr(&b), addr(&a)]);
        for w in [&basic, &a, &b, &dying, &p] {
            assert!(wr(&vm, w).unwrap().is_dead());
        }
        for w in &pending {
            run_weakref_callback(&vm, w);
            run_weakref_callback(&vm, w);
        }
        assert_eq!(CALLS.with(|c| c.borrow().clone()), vec![addr(&b), addr(&a)]);
        assert!(wr(&vm, &a).unwrap().callback().is_none());
        // A new reference after clearing starts a fresh list.
        let again = new_ref(&vm, &vm.types.weakref, &s, None).unwrap();
        assert!(!again.is(&basic) && has_weakrefs(&s));
        drop((again, pending, basic, a, b, dying, p));
        assert!(!has_weakrefs(&s));
    }
}
