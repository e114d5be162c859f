//! The type object: name, layout, flags, MRO, dict, and the slot table that
//! makes builtin operations fast (CPython's `PyTypeObject`).

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use crate::object::{InlineValues, ObjHeader, PyObject, PyPayload, PyRef};
use crate::vm::Vm;
use crate::PyResult;

/// Which Rust struct the instances of a type are. Subclasses inherit their
/// base's layout (a `class L(list)` instance is a `ListObj` plus a dict slot).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[allow(missing_docs)]
pub enum Layout {
    Object,
    Type,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    GetSet,
    Member,
    Property,
    StaticMethod,
    ClassMethod,
    Cell,
    Code,
    Frame,
    Generator,
    Module,
    BaseException,
    Super,
    NoneType,
    NotImplemented,
    Ellipsis,
    SeqIter,
    ListIter,
    TupleIter,
    RangeIter,
    StrIter,
    DictIter,
    SetIter,
    Enumerate,
    Zip,
    Map,
    Filter,
    Reversed,
    CallIter,
    MappingProxy,
    DictView,
    TextIO,
    Traceback,
    Weakref,
    SrePattern,
    SreMatch,
    SreScanner,
    Other,
}

/// Comparison operators, numbered as CPython's `Py_LT`..`Py_GE` and the
/// `COMPARE_OP` argument.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[allow(missing_docs)]
pub enum CmpOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CmpOp {
    /// From the `COMPARE_OP` argument.
    pub fn from_arg(a: u32) -> CmpOp {
        match a {
            0 => CmpOp::Lt,
            1 => CmpOp::Le,
            2 => CmpOp::Eq,
            3 => CmpOp::Ne,
            4 => CmpOp::Gt,
            _ => CmpOp::Ge,
        }
    }
    /// The operator with operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
    /// The source symbol (`<`, `==` …) used in error messages.
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    /// Dunder name (`__lt__` …).
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
}

/// Arguments of a call in vectorcall form: positional values, then the values
/// of keyword arguments whose names are `kwnames` (same order).
#[derive(Clone, Copy)]
pub struct FuncArgs<'a> {
    /// Positional values followed by keyword values.
    pub args: &'a [PyRef],
    /// Names (str objects) of the trailing keyword values.
    pub kwnames: &'a [PyRef],
}

impl<'a> FuncArgs<'a> {
    /// Only positional arguments.
    pub fn pos(args: &'a [PyRef]) -> Self {
        FuncArgs { args, kwnames: &[] }
    }
    /// The positional part.
    pub fn positional(&self) -> &'a [PyRef] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }
    /// The keyword values, paired with their names.
    pub fn keywords(&self) -> impl Iterator<Item = (&'a PyRef, &'a PyRef)> {
        let n = self.args.len() - self.kwnames.len();
        self.kwnames.iter().zip(&self.args[n..])
    }
}

/// A builtin function or method body. For methods `args.args[0]` is `self`.
pub type NativeFn = fn(&Vm, FuncArgs<'_>) -> PyResult;
/// `tp_repr`, `tp_str`, unary number slots.
pub type UnaryFn = fn(&Vm, &PyRef) -> PyResult;
/// Binary number slots: return `NotImplemented` when the operands don't fit.
pub type BinaryFn = fn(&Vm, &PyRef, &PyRef) -> PyResult;
/// `tp_richcompare`: returns `NotImplemented` when not comparable.
pub type RichCmpFn = fn(&Vm, &PyRef, &PyRef, CmpOp) -> PyResult;
/// `tp_hash`.
pub type HashFn = fn(&Vm, &PyRef) -> PyResult<i64>;
/// `sq_length`/`mp_length`.
pub type LenFn = fn(&Vm, &PyRef) -> PyResult<usize>;
/// `nb_bool`.
pub type BoolFn = fn(&Vm, &PyRef) -> PyResult<bool>;
/// `tp_getattro`: the name is a str object.
pub type GetAttrFn = fn(&Vm, &PyRef, &PyRef) -> PyResult;
/// `tp_setattro`: `None` value means delete.
pub type SetAttrFn = fn(&Vm, &PyRef, &PyRef, Option<PyRef>) -> PyResult<()>;
/// `tp_call`, `tp_new` (receives the class first), `tp_init`.
pub type CallFn = fn(&Vm, &PyRef, FuncArgs<'_>) -> PyResult;
/// `tp_iternext`: `Ok(None)` when exhausted (no StopIteration object is made).
pub type IterNextFn = fn(&Vm, &PyRef) -> PyResult<Option<PyRef>>;
/// `tp_descr_get(descr, instance or None, owner type)`.
pub type DescrGetFn = fn(&Vm, &PyRef, Option<&PyRef>, &PyRef) -> PyResult;
/// `tp_descr_set(descr, instance, value or None for delete)`.
pub type DescrSetFn = fn(&Vm, &PyRef, &PyRef, Option<PyRef>) -> PyResult<()>;
/// `mp_ass_subscript`: `None` value means delete.
pub type SetItemFn = fn(&Vm, &PyRef, &PyRef, Option<PyRef>) -> PyResult<()>;
/// `sq_contains`.
pub type ContainsFn = fn(&Vm, &PyRef, &PyRef) -> PyResult<bool>;
/// `nb_power` (third argument `None` when absent).
pub type TernaryFn = fn(&Vm, &PyRef, &PyRef, &PyRef) -> PyResult;
/// `tp_traverse`: calls the visitor on each directly referenced object.
///
/// The contract the cycle collector (`object::gc`) relies on:
/// 1. Every strong reference the object owns is visited, exactly once per
///    reference held (an object stored twice is visited twice). A missed
///    reference only makes the collector keep garbage; a reference visited
///    that is not owned can make it clear a live object.
/// 2. Only owned strong references are visited: never a borrowed pointer
///    (a weakref's referent), never the object itself unless it holds itself.
/// 3. The visitor ([`Visitor`](crate::object::gc::Visitor), which only the
///    collector makes) runs no Python code, drops no reference and changes
///    no object, so traverse may borrow the object's storage while calling
///    it; traverse itself must do none of these either, and must not report
///    state that Rust code holds outside the object while Python code runs
///    (a running generator's frame is out of the object and not reported).
/// 4. The order is CPython's where `gc.get_referents` shows it (list and
///    tuple items last to first; str-keyed dicts values only; an instance's
///    `__slots__`, attribute values, then its type).
/// 5. Every GC type has one (checked at start-up in debug builds).
pub type TraverseFn = fn(&PyObject, &mut crate::object::gc::Visitor<'_>);
/// `tp_clear`: drops references that may form cycles.
///
/// The contract:
/// 1. It breaks every cycle the object can close by mutation: a type whose
///    instances can be changed to reference themselves (list, dict, set,
///    cell, function, type, instances, exceptions, generators …) has one
///    (checked at start-up in debug builds); immutable containers may rely
///    on their mutable cycle partners.
/// 2. It leaves the object valid: every method still works on the cleared
///    object (a cleared list is empty, a cleared function has no defaults).
/// 3. It drops the references after its borrows of the payload end (a drop
///    can run `__del__`, which may touch this object again).
/// 4. The collector holds a reference to the object while calling it.
pub type ClearFn = fn(&PyObject);
/// `tp_dealloc`.
pub type DeallocFn = unsafe fn(NonNull<PyObject>);

/// The slot table. `None` means "not supported" (a `TypeError` at the call site).
#[derive(Clone, Copy, Default)]
#[allow(missing_docs)]
pub struct Slots {
    pub repr: Option<UnaryFn>,
    pub str: Option<UnaryFn>,
    pub hash: Option<HashFn>,
    pub richcompare: Option<RichCmpFn>,
    pub getattro: Option<GetAttrFn>,
    pub setattro: Option<SetAttrFn>,
    pub call: Option<CallFn>,
    pub new: Option<CallFn>,
    pub init: Option<CallFn>,
    pub iter: Option<UnaryFn>,
    pub iternext: Option<IterNextFn>,
    pub descr_get: Option<DescrGetFn>,
    pub descr_set: Option<DescrSetFn>,
    pub len: Option<LenFn>,
    pub getitem: Option<BinaryFn>,
    pub setitem: Option<SetItemFn>,
    pub contains: Option<ContainsFn>,
    pub bool: Option<BoolFn>,
    pub add: Option<BinaryFn>,
    pub sub: Option<BinaryFn>,
    pub mul: Option<BinaryFn>,
    pub truediv: Option<BinaryFn>,
    pub floordiv: Option<BinaryFn>,
    pub rem: Option<BinaryFn>,
    pub divmod: Option<BinaryFn>,
    pub pow: Option<TernaryFn>,
    pub lshift: Option<BinaryFn>,
    pub rshift: Option<BinaryFn>,
    pub and: Option<BinaryFn>,
    pub or: Option<BinaryFn>,
    pub xor: Option<BinaryFn>,
    pub matmul: Option<BinaryFn>,
    pub neg: Option<UnaryFn>,
    pub pos: Option<UnaryFn>,
    pub invert: Option<UnaryFn>,
    pub abs: Option<UnaryFn>,
    pub int: Option<UnaryFn>,
    pub float: Option<UnaryFn>,
    pub index: Option<UnaryFn>,
    pub traverse: Option<TraverseFn>,
    pub clear: Option<ClearFn>,
}

/// Type flags.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct TypeFlags(pub u32);

impl TypeFlags {
    /// Instances carry a GC header.
    pub const HAVE_GC: u32 = 1 << 0;
    /// Created by a `class` statement (or `type(...)`): instances own a reference to it.
    pub const HEAPTYPE: u32 = 1 << 1;
    /// May be used as a base class.
    pub const BASETYPE: u32 = 1 << 2;
    /// Some class in the MRO defines `__del__`.
    pub const HAS_FINALIZER: u32 = 1 << 3;
    /// Attributes can be set on the type (false for builtin types).
    pub const IMMUTABLE: u32 = 1 << 4;
    /// Subclass of BaseException (fast check).
    pub const EXC_SUBCLASS: u32 = 1 << 5;
    /// Instances support weak references.
    pub const WEAKREFABLE: u32 = 1 << 6;
    /// Instances keep their attributes as inline values (CPython 3.11's
    /// managed dict): an `Option<InlineValues>` cell follows the dict cell.
    pub const INLINE_VALUES: u32 = 1 << 7;
}

/// A Python type object.
#[repr(C)]
pub struct PyType {
    /// Object header (`type(t) is type` or a metaclass).
    pub ob: ObjHeader,
    /// Which Rust struct the instances are.
    pub layout: Layout,
    /// Instance size in bytes, excluding the GC header.
    pub basicsize: usize,
    /// Byte offset of the `Option<PyRef>` `__dict__` slot, 0 if none.
    pub dictoffset: usize,
    /// Byte offset of the instances' weak-reference list cell
    /// ([`WeakList`](super::weakref::WeakList)), 0 if not weakrefable.
    pub weaklistoffset: usize,
    /// Number of `__slots__` value cells after the dict slot.
    pub nslots: usize,
    /// Byte offset of the first `__slots__` value cell.
    pub slotsoffset: usize,
    /// Deallocator.
    pub dealloc: unsafe fn(NonNull<PyObject>),
    pub(crate) flags: Cell<u32>,
    pub(crate) name: UnsafeCell<String>,
    pub(crate) qualname: UnsafeCell<String>,
    pub(crate) base: UnsafeCell<Option<PyRef>>,
    pub(crate) bases: UnsafeCell<Vec<PyRef>>,
    pub(crate) mro: UnsafeCell<Vec<PyRef>>,
    pub(crate) dict: UnsafeCell<Option<PyRef>>,
    pub(crate) slots: UnsafeCell<Slots>,
    /// Bumped whenever the type or a base changes (attribute caches check it).
    pub(crate) version: Cell<u32>,
    /// Weak references to this type object.
    pub(crate) weaklist: super::weakref::WeakList,
    /// Former names and qualnames, kept until the type is freed because
    /// `name()` borrows may outlive a rename.
    pub(crate) retired_names: UnsafeCell<Vec<String>>,
    /// The attribute names its instances keep as inline values.
    pub(crate) shared_keys: super::instance::SharedKeys,
    /// Building a `PyType` is `unsafe`: see [`TypeLayoutToken::new`].
    pub(crate) token: TypeLayoutToken,
}

/// The proof, needed to build a [`PyType`], that its layout fields can be
/// trusted. Safe code relies on them to reach into instances (`downcast`,
/// `__dict__` and `__slots__` cells, deallocation, the type's own header).
pub struct TypeLayoutToken(());

impl TypeLayoutToken {
    /// # Safety
    /// The `PyType` built with this token must be handed straight to the
    /// allocator (`alloc_object`'s or `alloc_type_object`'s closure returns
    /// it), never used as a value before, and its fields must agree:
    /// - instances are allocated by `alloc_object::<T>` for the payload `T`
    ///   with `T::LAYOUT == layout`, and `basicsize >= size_of::<T>()`;
    /// - `dealloc` frees exactly such instances;
    /// - a non-zero `dictoffset` is the offset of an `UnsafeCell<Option<PyRef>>`
    ///   that every instance has below `basicsize`: a field of `T`, or a cell
    ///   of the zero-initialised area past `size_of::<T>()` (for the layout
    ///   `Module` only, the module's `dict` field, a `PyRef`, which is only
    ///   read through it: see `PyType::dict_slot`);
    /// - likewise the `nslots` cells at `slotsoffset` (8 bytes apart), which
    ///   lie in that zero-initialised area;
    /// - with the flag `INLINE_VALUES`, `dictoffset` is non-zero and an
    ///   `UnsafeCell<Option<InlineValues>>` cell at `dictoffset + 8` lies in
    ///   that zero-initialised area too.
    pub unsafe fn new() -> Self {
        TypeLayoutToken(())
    }
}

// SAFETY: PyType is repr(C) with the header first; Layout::Type is only used by PyType.
unsafe impl PyPayload for PyType {
    const LAYOUT: Layout = Layout::Type;
}

impl PyType {
    /// The type as a plain object.
    pub fn as_object(&self) -> &PyObject {
        // SAFETY: every `PyType` lives in object memory (building one takes a
        // `TypeLayoutToken`, whose contract says so), where its header is the
        // object's; `ObjHeader` is a transparent `PyObject`.
        unsafe { &*(self as *const PyType).cast::<PyObject>() }
    }
    /// `__name__`. The text stays valid as long as the type, even if the
    /// class is renamed meanwhile (Python code may run while it is borrowed).
    pub fn name(&self) -> &str {
        // SAFETY: a short borrow of the field to reach the text, which lives
        // in its own heap buffer: `set_name` moves the old `String` (not its
        // buffer) into `retired_names`, freed only with the type.
        unsafe { (*self.name.get()).as_str() }
    }
    /// Set `__name__`.
    pub(crate) fn set_name(&self, n: String) {
        // SAFETY: short borrows; no `&String` is handed out (see `name`).
        unsafe {
            let old = std::mem::replace(&mut *self.name.get(), n);
            (*self.retired_names.get()).push(old);
        }
    }
    /// `__qualname__` (valid as long as the type, as [`PyType::name`]).
    pub fn qualname(&self) -> &str {
        // SAFETY: see `name`.
        unsafe { (*self.qualname.get()).as_str() }
    }
    /// Set `__qualname__`.
    pub(crate) fn set_qualname(&self, n: String) {
        // SAFETY: see `set_name`.
        unsafe {
            let old = std::mem::replace(&mut *self.qualname.get(), n);
            (*self.retired_names.get()).push(old);
        }
    }
    /// Flag test.
    #[inline(always)]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
    /// Set a flag.
    pub(crate) fn add_flag(&self, f: u32) {
        self.flags.set(self.flags.get() | f);
    }
    /// Instances have a GC header.
    #[inline(always)]
    pub fn is_gc(&self) -> bool {
        self.has_flag(TypeFlags::HAVE_GC)
    }
    /// Created by a class statement.
    #[inline(always)]
    pub fn is_heap(&self) -> bool {
        self.has_flag(TypeFlags::HEAPTYPE)
    }
    /// The slot table.
    #[inline(always)]
    pub fn slots(&self) -> &Slots {
        // SAFETY: slots are rewritten only by `set_slots` during class set-up
        // and `__setattr__` on the class, never while a slot call is running
        // on a borrowed table (callers copy the fn pointer out first).
        unsafe { &*self.slots.get() }
    }
    /// Replace the slot table.
    pub(crate) fn set_slots(&self, s: Slots) {
        // SAFETY: see `slots`.
        unsafe { *self.slots.get() = s }
    }
    /// The type's own `__dict__` (a dict object).
    pub fn dict(&self) -> &PyRef {
        // SAFETY: the dict is installed once while the type is built, before
        // any Python code can see the type.
        match unsafe { &*self.dict.get() } {
            Some(d) => d,
            None => unreachable!("type dict used before bootstrap finished"),
        }
    }
    /// `__base__`.
    pub fn base(&self) -> Option<PyRef> {
        // SAFETY: bases are set during type creation or `__bases__` assignment only.
        unsafe { (*self.base.get()).clone() }
    }
    /// `__bases__` (a copy of the list of references).
    pub fn bases(&self) -> Vec<PyRef> {
        // SAFETY: see `base`.
        unsafe { (*self.bases.get()).clone() }
    }
    /// `__mro__`, borrowed.
    pub fn mro(&self) -> &[PyRef] {
        // SAFETY: the MRO is only replaced by `set_mro`, whose contract is
        // that no borrow handed out here is alive.
        unsafe { &*self.mro.get() }
    }
    /// Set the MRO.
    ///
    /// # Safety
    /// No borrow of the old MRO ([`PyType::mro`]) may be alive: call it while
    /// creating the type, before anything else can see it.
    pub(crate) unsafe fn set_mro(&self, mro: Vec<PyRef>) {
        // SAFETY: by the caller's contract.
        unsafe { *self.mro.get() = mro }
    }
    /// Set base and bases.
    pub(crate) fn set_bases(&self, base: Option<PyRef>, bases: Vec<PyRef>) {
        // SAFETY: see `base`.
        unsafe {
            *self.base.get() = base;
            *self.bases.get() = bases;
        }
    }
    /// `issubclass(self, other)` by MRO.
    pub fn is_subtype(&self, other: &PyType) -> bool {
        std::ptr::eq(self, other) || self.mro().iter().any(|t| std::ptr::eq(t.as_ptr().cast::<PyType>(), other))
    }
    /// Whether `obj` is an instance of this type or of a subtype.
    #[inline(always)]
    fn has_instance(&self, obj: &PyObject) -> bool {
        std::ptr::eq(obj.type_ptr(), self) || obj.ty().is_subtype(self)
    }
    /// Where `obj`'s `__dict__` reference is, if `obj` is an instance of this
    /// type (or a subtype) and its type has one: found through `obj`'s own
    /// type, which describes `obj`'s memory; valid while `obj` is alive.
    #[inline]
    fn dict_cell<'a>(&self, obj: &'a PyObject) -> Option<&'a UnsafeCell<Option<PyRef>>> {
        let t = obj.ty();
        if t.dictoffset == 0 || !self.has_instance(obj) {
            return None;
        }
        // SAFETY: `obj` is in object memory (see `PyObject`), allocated for its
        // type, whose non-zero `dictoffset` is that of an `Option<PyRef>` cell
        // every instance has (`TypeLayoutToken`; `__class__` assignment keeps it).
        Some(unsafe { &*(obj as *const PyObject).cast::<u8>().add(t.dictoffset).cast::<UnsafeCell<Option<PyRef>>>() })
    }
    /// The inline-values cell of `obj`, if its type keeps inline values (see
    /// [`super::instance`]). Found through `obj`'s own type; valid while
    /// `obj` is alive. Replace its content only with no borrow of it alive.
    #[inline]
    pub fn values_slot<'a>(&self, obj: &'a PyObject) -> Option<&'a UnsafeCell<Option<InlineValues>>> {
        let t = obj.ty();
        if !t.has_flag(TypeFlags::INLINE_VALUES) || !self.has_instance(obj) {
            return None;
        }
        // SAFETY: `obj` is in object memory allocated for its type, whose
        // `INLINE_VALUES` flag promises this cell (`TypeLayoutToken`;
        // `__class__` assignment keeps the flag).
        Some(unsafe { &*(obj as *const PyObject).cast::<u8>().add(t.dictoffset + 8).cast::<UnsafeCell<Option<InlineValues>>>() })
    }
    /// The `__dict__` of `obj` (a new reference), if it is an instance of
    /// this type (or a subtype) and has one.
    #[inline]
    pub fn dict_of(&self, obj: &PyObject) -> Option<PyRef> {
        let c = self.dict_cell(obj)?;
        // SAFETY: a short read and a clone; the cell is only written through
        // `dict_slot`, never while borrowed.
        unsafe { (*c.get()).clone() }
    }
    /// The writable `__dict__` cell of `obj`: `None` unless `obj` is an
    /// instance of this type (or a subtype) whose type has one, and for a
    /// module, whose dict is fixed (its cell is the module's `dict` field, a
    /// plain `PyRef` that `module_dict` lends out). Write through it only
    /// with no borrow of its contents alive, and drop the old value after.
    #[inline]
    pub fn dict_slot<'a>(&self, obj: &'a PyObject) -> Option<&'a UnsafeCell<Option<PyRef>>> {
        if obj.ty().layout == Layout::Module {
            return None;
        }
        self.dict_cell(obj)
    }
    /// The `i`-th `__slots__` value cell of `obj`: `None` unless `obj` is an
    /// instance of this type (or a subtype) whose type has that many cells.
    /// Found through `obj`'s own type; valid while `obj` is alive.
    pub fn slot_cell<'a>(&self, obj: &'a PyObject, i: usize) -> Option<&'a UnsafeCell<Option<PyRef>>> {
        let t = obj.ty();
        if i >= t.nslots || !self.has_instance(obj) {
            return None;
        }
        // SAFETY: as in `dict_slot`: instances of `t` have `nslots`
        // zero-initialised cells, 8 bytes apart, from `slotsoffset`.
        Some(unsafe { &*(obj as *const PyObject).cast::<u8>().add(t.slotsoffset + 8 * i).cast::<UnsafeCell<Option<PyRef>>>() })
    }
}
