//! The generational cycle collector (memory-model §2, GC-1 … GC-14).
//!
//! Reference counting frees every object whose count reaches zero; what it
//! cannot free are reference cycles. Every *tracked* container is linked,
//! through the two words of its GC header, into one of three generation
//! lists or the permanent generation of `gc.freeze()`. A collection of
//! generation `g` merges the younger lists into `g` and then, exactly in
//! CPython 3.11's order: computes which objects are referenced only from
//! inside the set (`update_refs`, `subtract_refs`, `move_unreachable`),
//! untracks atomic tuples, moves the survivors to the next generation,
//! clears weak references to the garbage (running the callbacks of reachable
//! weakrefs), calls each garbage object's finalizer once (PEP 442), rescues
//! whatever a finalizer resurrected, and finally breaks the remaining cycles
//! with each object's `clear` slot.
//!
//! Header words. `next` is the list link (0 = untracked; bit 0 marks an
//! object tentatively moved to the unreachable list during a collection).
//! `prev` is the list link with three flag bits: [`FINALIZED`] (persists,
//! `gc.is_finalized`), [`COLLECTING`] (transient: the object is in the set
//! being collected) and [`TEARDOWN`] (the exit teardown owns the memory).
//! While an object is being collected, `prev` holds its `gc_refs` shifted
//! past the flags instead of a pointer.
//!
//! When collections run. An allocation that pushes the generation-0 count
//! over its threshold only *requests* a collection ([`collection_pending`]);
//! the eval loop runs it at its next safe point (function entry, a loop's
//! back edge; the `gc` functions that report the collector's state run it
//! first too). 3.11 collects inside the allocation itself;
//! pyrite does not, because a collection runs `__del__` methods and weakref
//! callbacks that may mutate any container, and Rust code legitimately holds
//! borrows of container storage across allocations. The observable numbers
//! (counts, thresholds, which generation is chosen, what is collected) are
//! 3.11's; only the instant moves to the next instruction boundary, as in
//! CPython 3.12. The rule this leaves for Rust code: no borrow of a
//! container's storage may be held across a call into Python code.
//!
//! State. The generations live in per-thread state beside the object heap
//! (`alloc.rs`): objects are created and freed only by the thread that runs
//! their interpreter. The GIL issue moves both to the interpreter.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::{Duration, Instant};

use super::alloc::{GcHead, GC_HEAD_SIZE};
use super::header::PyObject;
use super::pyref::PyRef;
use crate::types::typeobj::{Layout, TypeFlags};
use crate::vm::Vm;

/// `prev` flag: `__del__` (or another finalizer) already ran (PEP 442).
pub(crate) const FINALIZED: usize = 0b001;
/// `prev` flag: the object is in the set a running collection examines.
pub(crate) const COLLECTING: usize = 0b010;
/// `prev` flag: the exit teardown frees this object's memory.
pub(crate) const TEARDOWN: usize = 0b100;
/// All flag bits of `prev`.
pub(crate) const FLAGS: usize = 0b111;
/// `gc_refs` is stored in `prev` above the flags during a collection.
const REFS_SHIFT: u32 = 3;
/// `next` bit: tentatively unreachable (only during `move_unreachable`).
const NEXT_UNREACHABLE: usize = 0b1;

/// Number of generations (`gc.get_count()` has this many entries).
pub const NUM_GENERATIONS: usize = 3;

/// `gc.DEBUG_STATS`.
pub const DEBUG_STATS: i64 = 1;
/// `gc.DEBUG_COLLECTABLE`.
pub const DEBUG_COLLECTABLE: i64 = 2;
/// `gc.DEBUG_UNCOLLECTABLE`.
pub const DEBUG_UNCOLLECTABLE: i64 = 4;
/// `gc.DEBUG_SAVEALL`.
pub const DEBUG_SAVEALL: i64 = 32;

/// Per-generation totals (`gc.get_stats()`).
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct GenStats {
    /// Collections of this generation.
    pub collections: usize,
    /// Objects collected (cleared garbage plus freed weakrefs, GC-10).
    pub collected: usize,
    /// Uncollectable objects found.
    pub uncollectable: usize,
}

/// One entry of the collection log (`_pyrite.gc_log()`).
#[derive(Clone, Copy, Debug)]
pub struct CollectionRecord {
    /// The generation collected.
    pub generation: usize,
    /// Start, as time since the collector's first use in this thread.
    pub start: Duration,
    /// How long the collection took (callbacks excluded).
    pub duration: Duration,
    /// Tracked objects examined (the collected generations' sizes).
    pub examined: usize,
    /// Objects collected (the number `gc.collect()` returns).
    pub collected: usize,
    /// Uncollectable objects.
    pub uncollectable: usize,
    /// Survivors moved to the next generation (or kept in the oldest).
    pub survivors: usize,
}

/// How many records the collection log keeps (the oldest are dropped).
pub const LOG_CAPACITY: usize = 4096;

const NO_STATS: GenStats = GenStats { collections: 0, collected: 0, uncollectable: 0 };

const fn sentinel() -> GcHead {
    GcHead { next: Cell::new(0), prev: Cell::new(0) }
}

/// The collector's state: generation lists, counters, thresholds, flags.
struct GcState {
    gens: [GcHead; NUM_GENERATIONS],
    permanent: GcHead,
    /// Builtin (static) type objects: never collected or shown by `gc`, as
    /// CPython's static types are not GC objects; listed for the teardown.
    statics: GcHead,
    thresholds: [Cell<i64>; NUM_GENERATIONS],
    counts: [Cell<i64>; NUM_GENERATIONS],
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    pending: Cell<bool>,
    debug: Cell<i64>,
    long_lived_total: Cell<usize>,
    long_lived_pending: Cell<usize>,
    stats: [Cell<GenStats>; NUM_GENERATIONS],
}

/// The collection log, apart from [`GcState`] so that the state needs no
/// destructor (its thread-local access on every allocation stays a plain load).
struct GcLog {
    records: RefCell<VecDeque<CollectionRecord>>,
    epoch: Cell<Option<Instant>>,
}

thread_local! {
    static GC: GcState = const {
        GcState {
            gens: [sentinel(), sentinel(), sentinel()],
            permanent: sentinel(),
            statics: sentinel(),
            thresholds: [Cell::new(700), Cell::new(10), Cell::new(10)],
            counts: [Cell::new(0), Cell::new(0), Cell::new(0)],
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            pending: Cell::new(false),
            debug: Cell::new(0),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: [Cell::new(NO_STATS), Cell::new(NO_STATS), Cell::new(NO_STATS)],
        }
    };
    static LOG: GcLog = const { GcLog { records: RefCell::new(VecDeque::new()), epoch: Cell::new(None) } };
}

// ----- raw list primitives -------------------------------------------------
//
// Every pointer stored in a link word is the address of a live `GcHead`: a
// list sentinel of this thread's `GcState` (or of a collection's local list,
// which is emptied before the collection returns) or the header of a live,
// tracked container of this thread. Containers unlink themselves before
// their memory is freed (`free_object_memory`, the trashcan), so following a
// link never reaches freed memory.

#[inline(always)]
fn addr(h: &GcHead) -> usize {
    h as *const GcHead as usize
}

/// The header at a link address.
///
/// # Safety
/// `a` must be a link read from a list (see the module comment), with flag
/// bits removed.
#[inline(always)]
unsafe fn at<'a>(a: usize) -> &'a GcHead {
    // SAFETY: guaranteed by the caller.
    unsafe { &*(a as *const GcHead) }
}

#[inline(always)]
fn prev_addr(h: &GcHead) -> usize {
    h.prev.get() & !FLAGS
}

#[inline(always)]
fn set_prev(h: &GcHead, p: usize) {
    h.prev.set(p | (h.prev.get() & FLAGS));
}

fn list_init(s: &GcHead) {
    s.next.set(addr(s));
    s.prev.set(addr(s));
}

fn list_is_empty(s: &GcHead) -> bool {
    s.next.get() == addr(s)
}

/// Link `node` at the end of `list`.
///
/// # Safety
/// `list` is an initialised sentinel whose `prev` is a valid link; `node` is
/// a live header that is in no list.
unsafe fn list_append(node: &GcHead, list: &GcHead) {
    // SAFETY: the sentinel's prev is the list's last element (or itself).
    let last = unsafe { at(prev_addr(list)) };
    last.next.set(addr(node));
    set_prev(node, addr(last));
    node.next.set(addr(list));
    set_prev(list, addr(node));
}

/// Unlink `node` from its list and mark it untracked.
///
/// # Safety
/// `node` is in a well-formed list (valid `prev` and `next` links).
unsafe fn list_remove(node: &GcHead) {
    // SAFETY: guaranteed by the caller.
    let (prev, next) = unsafe { (at(prev_addr(node)), at(node.next.get())) };
    prev.next.set(node.next.get());
    set_prev(next, addr(prev));
    node.next.set(0);
}

/// Move `node` from its list to the end of `list`.
///
/// # Safety
/// As [`list_remove`] and [`list_append`].
unsafe fn list_move(node: &GcHead, list: &GcHead) {
    // SAFETY: forwarded.
    unsafe {
        list_remove(node);
        list_append(node, list);
    }
}

/// Append every element of `from` to `to`, leaving `from` empty.
///
/// # Safety
/// Both are initialised sentinels of well-formed lists.
unsafe fn list_merge(from: &GcHead, to: &GcHead) {
    if list_is_empty(from) {
        return;
    }
    // SAFETY: links of well-formed lists.
    unsafe {
        let to_tail = at(prev_addr(to));
        let from_head = at(from.next.get());
        let from_tail = at(prev_addr(from));
        to_tail.next.set(addr(from_head));
        set_prev(from_head, addr(to_tail));
        from_tail.next.set(addr(to));
        set_prev(to, addr(from_tail));
    }
    list_init(from);
}

fn list_size(s: &GcHead) -> usize {
    let (mut n, mut p) = (0, s.next.get() & !NEXT_UNREACHABLE);
    while p != addr(s) {
        n += 1;
        // SAFETY: a link of a well-formed list.
        p = unsafe { at(p) }.next.get() & !NEXT_UNREACHABLE;
    }
    n
}

/// The objects of a list, in order (a snapshot: the caller may run code
/// that changes the list while using it only through strong references).
fn list_objects(s: &GcHead) -> Vec<PyRef> {
    let mut out = Vec::new();
    let mut p = s.next.get();
    while p != addr(s) {
        // SAFETY: a link of a well-formed list.
        let h = unsafe { at(p) };
        out.push(PyRef::from_obj(obj_of(h)));
        p = h.next.get();
    }
    out
}

/// The object behind a GC header.
#[inline(always)]
fn obj_of(h: &GcHead) -> &PyObject {
    // SAFETY: every header linked into a list (or passed here) sits in front
    // of a live container object.
    unsafe { &*(h as *const GcHead as *const u8).add(GC_HEAD_SIZE).cast::<PyObject>() }
}

/// The GC header of an object whose type is a GC type.
#[inline(always)]
fn head_of(o: &PyObject) -> Option<&GcHead> {
    if o.ty().is_gc() {
        // SAFETY: objects of GC types are allocated with a header in front
        // (`alloc_object`, `alloc_type_object`, the freelists).
        Some(unsafe { &*(o as *const PyObject as *const u8).sub(GC_HEAD_SIZE).cast::<GcHead>() })
    } else {
        None
    }
}

// ----- tracking and counting -----------------------------------------------

impl GcState {
    /// Make sure the sentinels are circular (first use on this thread).
    #[inline(always)]
    fn ready(&self) -> &Self {
        if self.gens[0].next.get() == 0 {
            self.init();
        }
        self
    }

    #[cold]
    fn init(&self) {
        for g in &self.gens {
            list_init(g);
        }
        if std::env::var("PYRITE_GC_STRESS").is_ok_and(|v| !v.is_empty() && v != "0") {
            // Stress mode: every threshold 1, so collections run all the time.
            for t in &self.thresholds {
                t.set(1);
            }
        }
        list_init(&self.permanent);
        list_init(&self.statics);
        LOG.with(|l| l.epoch.set(Some(Instant::now())));
    }
}

/// Whether `o` is a builtin type object (not a GC object for `gc`'s eyes).
fn is_static_type(o: &PyObject) -> bool {
    o.downcast::<crate::types::typeobj::PyType>().is_some_and(|t| !t.is_heap())
}

/// Whether `o` is tracked by the collector (`gc.is_tracked`).
pub fn is_tracked(o: &PyObject) -> bool {
    head_of(o).is_some_and(|h| h.next.get() != 0) && !is_static_type(o)
}

/// Start tracking a container (appended to generation 0). No-op for
/// non-GC objects and objects already tracked.
pub fn track(o: &PyObject) {
    let Some(h) = head_of(o) else { return };
    if h.next.get() != 0 {
        return;
    }
    // SAFETY: the sentinel is initialised by `ready`; `h` is in no list.
    GC.with(|g| unsafe { list_append(h, &g.ready().gens[0]) });
}

/// Link a builtin type object into the list the exit teardown frees (it is
/// not tracked by the collector: `gc.is_tracked(int)` is False).
pub(crate) fn register_static_type(o: &PyObject) {
    let Some(h) = head_of(o) else { return };
    debug_assert_eq!(h.next.get(), 0);
    // SAFETY: the sentinel is initialised by `ready`; `h` is in no list.
    GC.with(|g| unsafe { list_append(h, &g.ready().statics) });
}

/// Stop tracking a container. No-op for non-GC or untracked objects.
pub fn untrack(o: &PyObject) {
    if let Some(h) = head_of(o) {
        untrack_head(h);
    }
}

/// Unlink a header if it is linked.
pub(super) fn untrack_head(h: &GcHead) {
    if h.next.get() != 0 {
        // SAFETY: a tracked header is in a well-formed list.
        unsafe { list_remove(h) };
    }
}

/// Whether `o` may be part of a cycle: CPython's `_PyObject_GC_MAY_BE_TRACKED`
/// (a GC object, except an exact tuple that is currently untracked).
pub fn may_be_tracked(o: &PyObject) -> bool {
    let ty = o.ty();
    if !ty.is_gc() || is_static_type(o) {
        return false;
    }
    if ty.layout == Layout::Tuple && !ty.is_heap() {
        return is_tracked(o);
    }
    true
}

/// Count the allocation of a container from the allocator (GC-5), request
/// an automatic collection when the generation-0 count passes its
/// threshold, and, if `track`, start tracking it: one access to the
/// collector's state.
#[inline(always)]
pub(super) fn note_alloc_and_track(o: &PyObject, track: bool) {
    GC.with(|g| {
        g.note_alloc();
        if track {
            if let Some(h) = head_of(o) {
                // SAFETY: the sentinel is initialised by `ready`; a fresh
                // header is in no list.
                unsafe { list_append(h, &g.ready().gens[0]) };
            }
        }
    });
}

impl GcState {
    /// GC-5: count one allocation; past the threshold, request a collection.
    #[inline(always)]
    fn note_alloc(&self) {
        let c = self.counts[0].get() + 1;
        self.counts[0].set(c);
        let t = self.thresholds[0].get();
        if c > t && t != 0 && self.enabled.get() && !self.collecting.get() {
            self.pending.set(true);
        }
    }
}

/// Count the return of a container's memory to the allocator (GC-5).
#[inline(always)]
pub(super) fn note_free() {
    GC.with(|g| {
        let c = g.counts[0].get();
        if c > 0 {
            g.counts[0].set(c - 1);
        }
    });
}

/// Whether an automatic collection has been requested (polled by the eval loop).
#[inline(always)]
pub fn collection_pending() -> bool {
    GC.with(|g| g.pending.get())
}

/// Whether `__del__` (or another finalizer) already ran for `o`.
pub fn is_finalized(o: &PyObject) -> bool {
    head_of(o).is_some_and(|h| h.prev.get() & FINALIZED != 0)
}

/// Mark `o` finalized (its finalizer will not run again).
pub fn set_finalized(o: &PyObject) {
    if let Some(h) = head_of(o) {
        h.prev.set(h.prev.get() | FINALIZED);
    }
}

/// Whether the exit teardown owns `o`'s memory.
pub(super) fn in_teardown(o: &PyObject) -> bool {
    head_of(o).is_some_and(|h| h.prev.get() & TEARDOWN != 0)
}

/// Whether `o` is in the set of a running collection (used by the weakref
/// pass: callbacks of weakrefs that are themselves garbage never run).
pub fn is_collecting(o: &PyObject) -> bool {
    head_of(o).is_some_and(|h| h.prev.get() & COLLECTING != 0)
}

// ----- settings and introspection (the `gc` module) ------------------------

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(on: bool) {
    GC.with(|g| g.enabled.set(on));
}

/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    GC.with(|g| g.enabled.get())
}

/// `gc.get_threshold()`.
pub fn thresholds() -> [i64; NUM_GENERATIONS] {
    GC.with(|g| [g.thresholds[0].get(), g.thresholds[1].get(), g.thresholds[2].get()])
}

/// `gc.set_threshold(...)`: the given leading thresholds are replaced.
pub fn set_thresholds(t: &[i64]) {
    GC.with(|g| {
        for (cell, v) in g.thresholds.iter().zip(t) {
            cell.set(*v);
        }
    });
}

/// `gc.get_count()`.
pub fn counts() -> [i64; NUM_GENERATIONS] {
    GC.with(|g| [g.counts[0].get(), g.counts[1].get(), g.counts[2].get()])
}

/// `gc.get_stats()`.
pub fn stats() -> [GenStats; NUM_GENERATIONS] {
    GC.with(|g| [g.stats[0].get(), g.stats[1].get(), g.stats[2].get()])
}

/// `gc.get_debug()`.
pub fn debug_flags() -> i64 {
    GC.with(|g| g.debug.get())
}

/// `gc.set_debug(flags)`.
pub fn set_debug_flags(f: i64) {
    GC.with(|g| g.debug.set(f));
}

/// The tracked objects of one generation, or of all three (`gc.get_objects`).
pub fn objects(generation: Option<usize>) -> Vec<PyRef> {
    GC.with(|g| {
        let g = g.ready();
        match generation {
            Some(i) => list_objects(&g.gens[i]),
            None => g.gens.iter().flat_map(list_objects).collect(),
        }
    })
}

/// `gc.freeze()`: move everything tracked into the permanent generation.
pub fn freeze() {
    GC.with(|g| {
        let g = g.ready();
        for gen in &g.gens {
            // SAFETY: initialised sentinels of well-formed lists.
            unsafe { list_merge(gen, &g.permanent) };
        }
        g.counts[0].set(0);
    });
}

/// `gc.unfreeze()`: the permanent generation goes back into the oldest.
pub fn unfreeze() {
    GC.with(|g| {
        let g = g.ready();
        // SAFETY: initialised sentinels of well-formed lists.
        unsafe { list_merge(&g.permanent, &g.gens[NUM_GENERATIONS - 1]) };
    });
}

/// `gc.get_freeze_count()`.
pub fn freeze_count() -> usize {
    GC.with(|g| list_size(&g.ready().permanent))
}

/// The collection log, oldest first.
pub fn log() -> Vec<CollectionRecord> {
    LOG.with(|l| l.records.borrow().iter().copied().collect())
}

/// What a traverse slot reports each reference to (see
/// [`TraverseFn`](crate::types::typeobj::TraverseFn)). Only this module
/// makes one, around a function it knows to leave every object as it is.
pub struct Visitor<'a>(&'a mut dyn FnMut(&PyObject));

impl<'a> Visitor<'a> {
    /// # Safety
    /// `f` runs no Python code, drops or replaces no reference and frees or
    /// changes no object (it may take new references and record what it
    /// sees, and the collector's own header words): traverse slots borrow
    /// their object's storage while they call it.
    unsafe fn new(f: &'a mut dyn FnMut(&PyObject)) -> Self {
        Visitor(f)
    }

    /// Report one reference.
    #[inline(always)]
    pub fn visit(&mut self, o: &PyObject) {
        (self.0)(o)
    }
}

/// Visit what `o` references, as its type's traverse slot reports it.
///
/// # Safety
/// As [`Visitor::new`] for `f`; `o` stays alive throughout.
unsafe fn traverse(o: &PyObject, f: &mut dyn FnMut(&PyObject)) {
    if let Some(t) = o.ty().slots().traverse {
        // SAFETY: forwarded from the caller.
        t(o, &mut unsafe { Visitor::new(f) });
    }
}

/// New references to what `o`'s traverse reports, in its order
/// (`gc.get_referents`).
pub fn referents(o: &PyObject) -> Vec<PyRef> {
    let mut out = Vec::new();
    // SAFETY: the visitor only takes new references into a Rust vector; the
    // caller's borrow keeps `o` alive.
    unsafe { traverse(o, &mut |r| out.push(PyRef::from_obj(r))) };
    out
}

/// Every tracked object in generations 0–2 that references one of `targets`
/// (`gc.get_referrers`; the permanent generation is not searched).
pub fn referrers(targets: &[PyRef]) -> Vec<PyRef> {
    let mut out = Vec::new();
    for o in objects(None) {
        let mut hit = false;
        // SAFETY: the visitor only compares addresses; `o` is held.
        unsafe { traverse(&o, &mut |r| hit |= targets.iter().any(|t| t.is(r))) };
        if hit {
            out.push(o);
        }
    }
    out
}

// ----- the collection ------------------------------------------------------

/// The `gc_refs` of a header in the collected set.
#[inline(always)]
fn refs(h: &GcHead) -> usize {
    h.prev.get() >> REFS_SHIFT
}

#[inline(always)]
fn set_refs(h: &GcHead, n: usize) {
    h.prev.set((h.prev.get() & FLAGS) | (n << REFS_SHIFT));
}

/// (a) `gc_refs = ob_refcnt` and the COLLECTING mark for every object of
/// `list`. Afterwards the `prev` links of `list`'s members are not pointers.
/// Returns the number of objects.
fn update_refs(list: &GcHead) -> usize {
    let mut p = list.next.get();
    let mut count = 0;
    while p != addr(list) {
        // SAFETY: a link of a well-formed list.
        let h = unsafe { at(p) };
        let n = obj_of(h).refcnt().max(0) as usize;
        h.prev.set((h.prev.get() & (FINALIZED | TEARDOWN)) | COLLECTING | (n << REFS_SHIFT));
        p = h.next.get();
        count += 1;
    }
    count
}

/// (b) Subtract the references that members of `list` hold to each other.
fn subtract_refs(list: &GcHead) {
    let mut p = list.next.get();
    while p != addr(list) {
        // SAFETY: a link of a well-formed list (only `next` is used here).
        let h = unsafe { at(p) };
        // SAFETY: the visitor only changes `gc_refs` in header words; list
        // members are alive and no code runs during the collection's marking.
        unsafe {
            traverse(obj_of(h), &mut |r| {
                if let Some(rh) = head_of(r) {
                    if rh.prev.get() & COLLECTING != 0 && refs(rh) > 0 {
                        rh.prev.set(rh.prev.get() - (1 << REFS_SHIFT));
                    }
                }
            })
        };
        p = h.next.get();
    }
}

/// A member of `young` found referenced by a reachable object: mark it
/// reachable, and bring it back if it was moved to the unreachable list.
fn visit_reachable(r: &PyObject, young: &GcHead) {
    let Some(h) = head_of(r) else { return };
    let prev = h.prev.get();
    if prev & COLLECTING == 0 {
        return;
    }
    let next = h.next.get();
    if next & NEXT_UNREACHABLE != 0 {
        // SAFETY: in the unreachable list `prev` is a valid link and `next`
        // one once its mark bit is removed.
        unsafe {
            let p = at(prev & !FLAGS);
            let n = at(next & !NEXT_UNREACHABLE);
            p.next.set(next);
            set_prev(n, addr(p));
            list_append(h, young);
        }
        set_refs(h, 1);
    } else if refs(h) == 0 {
        set_refs(h, 1);
    }
}

/// (c) Split `young` (after (a) and (b)) into reachable objects, which stay
/// in `young` with valid links and the COLLECTING mark cleared, and
/// tentatively unreachable ones, appended to `unreachable` (still marked
/// COLLECTING; their `next` words carry NEXT_UNREACHABLE until
/// [`clear_unreachable_mask`]). Returns the number of reachable objects.
fn move_unreachable(young: &GcHead, unreachable: &GcHead) -> usize {
    let mut kept = 0;
    let mut prev = addr(young);
    let mut p = young.next.get();
    while p != addr(young) {
        // SAFETY: a link of `young` (only `next` links are valid here).
        let h = unsafe { at(p) };
        if refs(h) > 0 {
            // SAFETY: the visitor only relinks headers and sets `gc_refs`;
            // list members are alive and no code runs here.
            unsafe { traverse(obj_of(h), &mut |r| visit_reachable(r, young)) };
            h.prev.set(prev | (h.prev.get() & (FINALIZED | TEARDOWN)));
            prev = p;
            kept += 1;
        } else {
            // SAFETY: `prev` is young's sentinel or an already-kept member;
            // the unreachable list's sentinel prev is its last element.
            unsafe {
                at(prev).next.set(h.next.get());
                let last = prev_addr(unreachable);
                at(last).next.set(NEXT_UNREACHABLE | p);
                h.prev.set(last | (h.prev.get() & FLAGS));
                h.next.set(NEXT_UNREACHABLE | addr(unreachable));
                unreachable.prev.set(p);
            }
        }
        // SAFETY: `prev` is a kept member or the sentinel; its next link may
        // have been extended by `visit_reachable`.
        p = unsafe { at(prev) }.next.get();
    }
    young.prev.set(prev);
    unreachable.next.set(unreachable.next.get() & !NEXT_UNREACHABLE);
    kept
}

/// Remove the NEXT_UNREACHABLE bits: `unreachable` becomes a normal list.
fn clear_unreachable_mask(unreachable: &GcHead) {
    let mut p = unreachable.next.get() & !NEXT_UNREACHABLE;
    unreachable.next.set(p);
    while p != addr(unreachable) {
        // SAFETY: a link of the unreachable list.
        let h = unsafe { at(p) };
        let n = h.next.get() & !NEXT_UNREACHABLE;
        h.next.set(n);
        p = n;
    }
}

/// (a)–(c): move the unreachable members of `young` to `unreachable`.
/// Returns (objects examined, objects reachable).
fn deduce_unreachable(young: &GcHead, unreachable: &GcHead) -> (usize, usize) {
    let examined = update_refs(young);
    subtract_refs(young);
    (examined, move_unreachable(young, unreachable))
}

/// (d) GC-2: untrack surviving exact tuples whose items are all atomic;
/// with `dicts` (full collections, GC-3) also exact dicts whose keys and
/// values are all atomic. Returns how many objects were untracked.
fn untrack_atomic(list: &GcHead, dicts: bool) -> usize {
    let mut untracked = 0;
    let mut p = list.next.get();
    while p != addr(list) {
        // SAFETY: a link of a well-formed list.
        let h = unsafe { at(p) };
        p = h.next.get();
        let o = obj_of(h);
        let ty = o.ty();
        let candidate = !ty.is_heap() && (ty.layout == Layout::Tuple || dicts && ty.layout == Layout::Dict);
        if candidate {
            let mut atomic = true;
            // SAFETY: the visitor only reads types and header words.
            unsafe { traverse(o, &mut |r| atomic &= !may_be_tracked(r)) };
            if atomic {
                // SAFETY: a member of a well-formed list.
                unsafe { list_remove(h) };
                untracked += 1;
            }
        }
    }
    untracked
}

/// Whether the object has a finalizer the collector must call (PEP 442):
/// a class with `__del__`, or a suspended generator.
fn has_finalizer(o: &PyObject) -> bool {
    let ty = o.ty();
    ty.has_flag(TypeFlags::HAS_FINALIZER) || (ty.layout == Layout::Generator && crate::eval::generator::is_suspended(o))
}

/// (i) Call each garbage object's finalizer once, all cycle members intact.
fn finalize_garbage(vm: &Vm, collectable: &GcHead) {
    let seen = sentinel();
    list_init(&seen);
    while !list_is_empty(collectable) {
        // SAFETY: a member of a well-formed list.
        let h = unsafe { at(collectable.next.get()) };
        // SAFETY: both lists are well formed.
        unsafe { list_move(h, &seen) };
        let o = obj_of(h);
        if h.prev.get() & FINALIZED == 0 && has_finalizer(o) {
            h.prev.set(h.prev.get() | FINALIZED);
            let me = PyRef::from_obj(o);
            run_finalizer(vm, &me);
        }
    }
    // SAFETY: both lists are well formed; `seen` is emptied before it goes.
    unsafe { list_merge(&seen, collectable) };
}

/// PEP 442 from a deallocator: lend the dying object (count 0) to its
/// finalizer through one temporary reference, marked finalized and tracked
/// again while it runs. Returns true when the finalizer resurrected it (the
/// deallocator must stop); otherwise the object is untracked again and dies.
/// Without a current interpreter nothing runs.
///
/// # Safety
/// `o` is the object being deallocated: count 0, payload intact, owned by
/// nobody.
pub(crate) unsafe fn finalize_from_dealloc(o: std::ptr::NonNull<PyObject>) -> bool {
    // SAFETY: the object is intact until its deallocator frees it.
    let obj = unsafe { o.as_ref() };
    let resurrected = Vm::with_current(|vm| {
        set_finalized(obj);
        track(obj);
        // SAFETY: the dying object is lent through one temporary reference
        // (count 1), owned by `me`.
        let me = unsafe {
            obj.set_refcnt(1);
            PyRef::from_raw(o)
        };
        run_finalizer(vm, &me);
        let rc = obj.refcnt();
        std::mem::forget(me);
        // SAFETY: `me` was forgotten, so its count is given back: what is
        // left belongs to whoever resurrected the object (0: nobody).
        unsafe { obj.set_refcnt(rc - 1) };
        rc > 1
    });
    if resurrected == Some(true) {
        return true;
    }
    untrack(obj);
    false
}

/// Call the finalizer of a live object: `__del__`, or closing a generator.
/// Exceptions go to `sys.unraisablehook`.
pub(crate) fn run_finalizer(vm: &Vm, me: &PyRef) {
    if me.ty().layout == Layout::Generator {
        crate::eval::generator::finalize(vm, me);
    } else if let Err(e) = vm.call_special(me, "__del__", &[]) {
        let f = vm.lookup_type_str(me.ty(), "__del__");
        vm.write_unraisable(&e, f.as_ref());
    }
}

/// (j) After finalizers: objects of `unreachable` now referenced from
/// outside (resurrected) go to `old` with everything they reach; the rest
/// move to `still`.
fn handle_resurrected(unreachable: &GcHead, still: &GcHead, old: &GcHead) {
    deduce_unreachable(unreachable, still);
    clear_unreachable_mask(still);
    // SAFETY: both lists are well formed after move_unreachable.
    unsafe { list_merge(unreachable, old) };
}

/// (h) Clear weakrefs to garbage; call the callbacks of reachable weakrefs.
/// Returns how many of those weakrefs died right after their callback.
fn handle_weakrefs(vm: &Vm, unreachable: &GcHead) -> usize {
    use crate::types::weakref;
    let mut to_call: Vec<PyRef> = Vec::new();
    let mut p = unreachable.next.get();
    while p != addr(unreachable) {
        // SAFETY: a link of a well-formed list; clearing weakrefs frees nothing.
        let h = unsafe { at(p) };
        p = h.next.get();
        let o = obj_of(h);
        weakref::clear_own_referent(o);
        if weakref::has_weakrefs(o) {
            for w in weakref::clear_weakrefs_for_gc(o) {
                if !is_collecting(&w) {
                    to_call.push(w);
                }
            }
        }
    }
    let mut freed = 0;
    for w in to_call {
        weakref::run_weakref_callback(vm, &w);
        if w.refcnt() == 1 {
            freed += 1;
        }
    }
    freed
}

/// (k) Break the cycles: `clear` each garbage object (or save it in
/// `gc.garbage` under DEBUG_SAVEALL); what survives moves to `old`.
fn delete_garbage(vm: &Vm, collectable: &GcHead, old: &GcHead, saveall: bool) {
    while !list_is_empty(collectable) {
        let first = collectable.next.get();
        // SAFETY: a member of a well-formed list.
        let h = unsafe { at(first) };
        let o = PyRef::from_obj(obj_of(h));
        if saveall {
            if let Some(l) = vm.gc_garbage().downcast::<crate::types::list::ListObj>() {
                l.append(o.clone());
            }
        } else if let Some(clear) = o.ty().slots().clear {
            clear(&o);
        }
        drop(o);
        if collectable.next.get() == first {
            h.prev.set(h.prev.get() & !COLLECTING);
            // SAFETY: both lists are well formed.
            unsafe { list_move(h, old) };
        }
    }
}

fn write_debug(vm: &Vm, text: &str) {
    vm.write_sys_stderr(text);
}

/// One collection of generation `gen` (GC-7 … GC-10). Returns
/// (collected, uncollectable).
fn collect_main(vm: &Vm, g: &GcState, gen: usize) -> (usize, usize) {
    let debug = g.debug.get();
    let t0 = Instant::now();
    if debug & DEBUG_STATS != 0 {
        let sizes: Vec<String> = g.gens.iter().map(|l| list_size(l).to_string()).collect();
        write_debug(
            vm,
            &format!(
                "gc: collecting generation {gen}...\ngc: objects in each generation: {}\ngc: objects in permanent generation: {}\n",
                sizes.join(" "),
                list_size(&g.permanent)
            ),
        );
    }
    if gen + 1 < NUM_GENERATIONS {
        g.counts[gen + 1].set(g.counts[gen + 1].get() + 1);
    }
    for c in &g.counts[..=gen] {
        c.set(0);
    }
    for i in 0..gen {
        // SAFETY: initialised sentinels of well-formed lists.
        unsafe { list_merge(&g.gens[i], &g.gens[gen]) };
    }
    if gen > 0 {
        // Cached type lookups hold strong references that would pin dead classes.
        vm.type_cache.clear();
    }
    let young = &g.gens[gen];
    let old = if gen + 1 < NUM_GENERATIONS { &g.gens[gen + 1] } else { young };
    let full = gen == NUM_GENERATIONS - 1;

    let unreachable = sentinel();
    list_init(&unreachable);
    let (examined, reachable) = deduce_unreachable(young, &unreachable);
    // GC-2 untracks tuples in every collection, GC-3 dicts in full ones;
    // the survivor counts (GC-6's long-lived numbers) come after both.
    let tuples_and_dicts = untrack_atomic(young, full);
    let survivors = reachable - tuples_and_dicts;
    if !full {
        if gen == NUM_GENERATIONS - 2 {
            g.long_lived_pending.set(g.long_lived_pending.get() + survivors);
        }
        // SAFETY: well-formed lists.
        unsafe { list_merge(young, old) };
    } else {
        g.long_lived_pending.set(0);
        g.long_lived_total.set(survivors);
    }
    clear_unreachable_mask(&unreachable);

    if debug & DEBUG_COLLECTABLE != 0 {
        for o in list_objects(&unreachable) {
            write_debug(vm, &format!("gc: collectable <{} {:p}>\n", o.ty().name(), o.as_ptr()));
        }
    }
    let mut m = handle_weakrefs(vm, &unreachable);
    finalize_garbage(vm, &unreachable);
    let still = sentinel();
    list_init(&still);
    handle_resurrected(&unreachable, &still, old);
    m += list_size(&still);
    delete_garbage(vm, &still, old, debug & DEBUG_SAVEALL != 0);
    let n = 0; // Python code cannot create legacy (tp_del) finalizers (GC-11).

    let elapsed = t0.elapsed();
    if debug & DEBUG_STATS != 0 {
        write_debug(vm, &format!("gc: done, {} unreachable, {} uncollectable, {:.4}s elapsed\n", n + m, n, elapsed.as_secs_f64()));
    }
    if gen == NUM_GENERATIONS - 1 {
        super::freelist::clear_freelists();
    }
    let mut s = g.stats[gen].get();
    s.collections += 1;
    s.collected += m;
    s.uncollectable += n;
    g.stats[gen].set(s);
    LOG.with(|l| {
        let mut log = l.records.borrow_mut();
        if log.len() == LOG_CAPACITY {
            log.pop_front();
        }
        log.push_back(CollectionRecord {
            generation: gen,
            start: l.epoch.get().map(|e| t0.saturating_duration_since(e)).unwrap_or_default(),
            duration: elapsed,
            examined,
            collected: m,
            uncollectable: n,
            survivors,
        });
    });
    (m, n)
}

/// Call every `gc.callbacks` entry with `(phase, info)` (GC-13).
fn invoke_callbacks(vm: &Vm, phase: &str, gen: usize, collected: usize, uncollectable: usize) {
    let Some(cbs) = vm.gc_callbacks_if_any() else { return };
    let list: Vec<PyRef> = vm.collect(&cbs).unwrap_or_default();
    if list.is_empty() {
        return;
    }
    let info = vm.new_dict();
    vm.dict_set_str(&info, "generation", vm.new_int(gen as i64));
    vm.dict_set_str(&info, "collected", vm.new_int(collected as i64));
    vm.dict_set_str(&info, "uncollectable", vm.new_int(uncollectable as i64));
    let phase = vm.new_str(phase);
    for cb in list {
        if let Err(e) = vm.call_pos(&cb, &[phase.clone(), info.clone()]) {
            vm.write_unraisable(&e, Some(&cb));
        }
    }
}

/// Collect generation `gen` with callbacks around it; the caller has set
/// the `collecting` flag.
fn collect_with_callback(vm: &Vm, g: &GcState, gen: usize) -> usize {
    invoke_callbacks(vm, "start", gen, 0, 0);
    let (m, n) = collect_main(vm, g, gen);
    invoke_callbacks(vm, "stop", gen, m, n);
    m + n
}

/// Run `f` as the one running collection: 0 without running it while a
/// collection is already running (GC-11).
fn exclusive(f: impl FnOnce(&GcState) -> usize) -> usize {
    GC.with(|g| {
        let g = g.ready();
        if g.collecting.get() {
            return 0;
        }
        g.collecting.set(true);
        let n = f(g);
        g.collecting.set(false);
        n
    })
}

/// `gc.collect(generation)`: 0 without collecting while a collection is
/// already running (GC-11).
pub fn collect(vm: &Vm, gen: usize) -> usize {
    exclusive(|g| collect_with_callback(vm, g, gen))
}

/// A collection without `gc.callbacks` (CPython's `_PyGC_CollectNoFail`,
/// used at shutdown); nothing if one is running.
pub fn collect_quietly(vm: &Vm, gen: usize) -> usize {
    exclusive(|g| {
        let (m, n) = collect_main(vm, g, gen);
        m + n
    })
}

/// GC-12, at shutdown: objects left in `gc.garbage` (unless DEBUG_SAVEALL
/// put them there) give a `ResourceWarning` from location `gc:0` (shown
/// only if the program set a warnings filter that shows it), and under
/// DEBUG_UNCOLLECTABLE the list's repr is written to stderr.
pub fn shutdown_report(vm: &Vm) {
    let debug = debug_flags();
    if debug & DEBUG_SAVEALL != 0 {
        return;
    }
    let Some((garbage, _)) = vm.gc_lists.borrow().clone() else { return };
    let n = vm.len(&garbage).unwrap_or(0);
    if n == 0 {
        return;
    }
    let message = if debug & DEBUG_UNCOLLECTABLE != 0 {
        format!("gc: {n} uncollectable objects at shutdown")
    } else {
        format!("gc: {n} uncollectable objects at shutdown; use gc.set_debug(gc.DEBUG_UNCOLLECTABLE) to list them")
    };
    if let Some(warnings) = vm.dict_get_str(&vm.modules, "warnings") {
        let category = vm.exc.resource_warning.as_ref().clone();
        let args = [vm.new_string(message), category, vm.new_str("gc"), vm.new_int(0)];
        if let Err(e) = vm.call_method(&warnings, "warn_explicit", &args) {
            vm.write_unraisable(&e, None);
        }
    }
    if debug & DEBUG_UNCOLLECTABLE != 0 {
        match vm.repr_string(&garbage) {
            Ok(r) => write_debug(vm, &format!("      {r}\n")),
            Err(e) => vm.write_unraisable(&e, Some(&garbage)),
        }
    }
}

/// Run the automatic collection an allocation requested (GC-6 chooses the
/// generation). Called by the eval loop at a safe point.
pub fn collect_pending(vm: &Vm) {
    GC.with(|g| {
        let g = g.ready();
        g.pending.set(false);
        if g.collecting.get() || !g.enabled.get() {
            return;
        }
        for i in (0..NUM_GENERATIONS).rev() {
            if g.counts[i].get() > g.thresholds[i].get() {
                if i == NUM_GENERATIONS - 1 && g.long_lived_pending.get() < g.long_lived_total.get() / 4 {
                    continue;
                }
                g.collecting.set(true);
                collect_with_callback(vm, g, i);
                g.collecting.set(false);
                break;
            }
        }
    });
}

/// Visit every tracked container of this thread, in every generation and
/// the permanent one (the exit teardown).
pub(super) fn for_each_tracked(mut f: impl FnMut(&GcHead)) {
    GC.with(|g| {
        let g = g.ready();
        for list in g.gens.iter().chain([&g.permanent, &g.statics]) {
            let mut p = list.next.get();
            while p != addr(list) {
                // SAFETY: a link of a well-formed list.
                let h = unsafe { at(p) };
                p = h.next.get();
                f(h);
            }
        }
    });
}

/// Forget every list (the teardown has detached all members).
pub(super) fn reset_lists() {
    GC.with(|g| {
        for l in g.gens.iter().chain([&g.permanent, &g.statics]) {
            list_init(l);
        }
    });
}

/// Number of tracked containers in all generations (tests).
#[cfg(test)]
pub(super) fn tracked_count() -> usize {
    GC.with(|g| g.ready().gens.iter().chain([&g.permanent, &g.statics]).map(list_size).sum())
}
