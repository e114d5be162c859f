//! Creating type objects: the start-up bootstrap of every builtin type, and
//! `class` statements (heap types) with C3 MRO, `__slots__`, and slot
//! wrappers that route builtin operations to user-defined dunder methods.

use std::cell::{Cell, RefCell, UnsafeCell};
use std::collections::HashMap;
use std::mem::{offset_of, size_of};

use super::bytes::{ByteArrayObj, BytesObj};
use super::cell::CellObj;
use super::code::CodeObj;
use super::descr::{
    BuiltinFunctionObj, ClassMethodObj, GetSetObj, MemberObj, PropertyObj, StaticMethodObj, SuperObj,
};
use super::dict::DictObj;
use super::exceptions::{ExceptionObj, TracebackObj};
use super::float::{ComplexObj, FloatObj};
use super::function::{FunctionObj, MethodObj};
use super::int::{IntObj, IntValue};
use super::iter::*;
use super::list::ListObj;
use super::module::ModuleObj;
use super::object::ObjectObj;
use super::range::RangeObj;
use super::set::SetObj;
use super::singletons::{EllipsisObj, NoneObj, NotImplementedObj};
use super::slice::SliceObj;
use super::str::StrObj;
use super::textio::TextIOObj;
use super::tuple::TupleObj;
use super::typeobj::{Layout, PyType, TypeFlags};
use super::weakref::WeakrefObj;
use super::{dealloc_payload, new_static_type, set_type_dict, TypeRef};
use crate::eval::generator::GeneratorObj;
use crate::object::{alloc_object, PyPayload, PyRef};
use crate::vm::{ExcTypes, Types, Vm, VmBox, NSMALL_NEG, NSMALL_POS};

const GC: u32 = TypeFlags::HAVE_GC;
const BASE: u32 = TypeFlags::BASETYPE;

/// Create every builtin type, the singletons and the core modules.
pub(crate) fn bootstrap() -> VmBox {
    crate::object::configure_allocator();
    // SAFETY (every `new_static_type` below): the layout is the payload
    // struct's own tag, the size its size, the deallocator drops that payload
    // (`dealloc_payload::<T>` or the payload's own freelist or finalizing
    // deallocator), and a non-zero dict offset is that of the payload's
    // `dict` field: an `UnsafeCell<Option<PyRef>>` (function, exceptions) or,
    // for `module`, a `PyRef`, only ever read through the cell (`dict_slot`,
    // the writable cell, is `None` for modules).
    let type_ = unsafe {
        new_static_type(None, "type", Layout::Type, size_of::<PyType>(), None, GC | BASE, dealloc_payload::<PyType>, 0)
    };
    // SAFETY: see above.
    let object = unsafe {
        new_static_type(Some(&type_), "object", Layout::Object, size_of::<ObjectObj>(), None, BASE, dealloc_payload::<ObjectObj>, 0)
    };
    type_.set_bases(Some(object.as_ref().clone()), vec![object.as_ref().clone()]);
    // SAFETY: bootstrap: nothing borrows the MRO of `type` yet.
    unsafe { type_.set_mro(vec![type_.as_ref().clone(), object.as_ref().clone()]) };
    let mut all: Vec<TypeRef> = vec![type_.clone(), object.clone()];

    macro_rules! ty {
        ($name:literal, $payload:ty, $base:expr, $flags:expr) => {
            ty!($name, $payload, $base, $flags, 0)
        };
        ($name:literal, $payload:ty, $base:expr, $flags:expr, $dictoff:expr) => {
            ty!($name, $payload, $base, $flags, $dictoff, dealloc_payload::<$payload>)
        };
        ($name:literal, $payload:ty, $base:expr, $flags:expr, $dictoff:expr, $dealloc:expr) => {{
            // SAFETY: see above.
            let t = unsafe {
                new_static_type(
                    Some(&type_),
                    $name,
                    <$payload as PyPayload>::LAYOUT,
                    size_of::<$payload>(),
                    Some($base),
                    $flags,
                    $dealloc,
                    $dictoff,
                )
            };
            all.push(t.clone());
            t
        }};
    }

    let int = ty!("int", IntObj, &object, BASE);
    let bool_ = ty!("bool", IntObj, &int, 0);
    let float = ty!("float", FloatObj, &object, BASE, 0, crate::object::float_dealloc);
    let complex = ty!("complex", ComplexObj, &object, BASE);
    let str_ = ty!("str", StrObj, &object, BASE);
    let bytes = ty!("bytes", BytesObj, &object, BASE);
    let bytearray = ty!("bytearray", ByteArrayObj, &object, BASE);
    let tuple = ty!("tuple", TupleObj, &object, GC | BASE);
    let list = ty!("list", ListObj, &object, GC | BASE, 0, crate::object::list_dealloc);
    let dict = ty!("dict", DictObj, &object, GC | BASE, 0, crate::object::dict_dealloc);
    let set = ty!("set", SetObj, &object, GC | BASE);
    let frozenset = ty!("frozenset", SetObj, &object, GC | BASE);
    let range = ty!("range", RangeObj, &object, 0);
    let slice = ty!("slice", SliceObj, &object, GC);
    let function = ty!("function", FunctionObj, &object, GC, offset_of!(FunctionObj, dict));
    let builtin_function = ty!("builtin_function_or_method", BuiltinFunctionObj, &object, GC);
    let method_descriptor = ty!("method_descriptor", BuiltinFunctionObj, &object, GC);
    let classmethod_descriptor = ty!("classmethod_descriptor", BuiltinFunctionObj, &object, GC);
    let method = ty!("method", MethodObj, &object, GC);
    let getset_descriptor = ty!("getset_descriptor", GetSetObj, &object, GC);
    let member_descriptor = ty!("member_descriptor", MemberObj, &object, GC);
    let property = ty!("property", PropertyObj, &object, GC | BASE);
    let staticmethod = ty!("staticmethod", StaticMethodObj, &object, GC | BASE);
    let classmethod = ty!("classmethod", ClassMethodObj, &object, GC | BASE);
    let super_ = ty!("super", SuperObj, &object, GC | BASE);
    let cell = ty!("cell", CellObj, &object, GC);
    let code = ty!("code", CodeObj, &object, 0);
    // SAFETY: see above (`gen_dealloc` closes, then drops a `GeneratorObj`).
    let generator = unsafe {
        new_static_type(
            Some(&type_),
            "generator",
            Layout::Generator,
            size_of::<GeneratorObj>(),
            Some(&object),
            GC,
            crate::eval::generator::gen_dealloc,
            0,
        )
    };
    all.push(generator.clone());
    let module = ty!("module", ModuleObj, &object, GC | BASE, offset_of!(ModuleObj, dict));
    let none_type = ty!("NoneType", NoneObj, &object, 0);
    let not_implemented_type = ty!("NotImplementedType", NotImplementedObj, &object, 0);
    let ellipsis_type = ty!("ellipsis", EllipsisObj, &object, 0);
    let seq_iter = ty!("iterator", SeqIterObj, &object, GC);
    let list_iter = ty!("list_iterator", ListIterObj, &object, GC);
    let list_reverseiter = ty!("list_reverseiterator", ListIterObj, &object, GC);
    let tuple_iter = ty!("tuple_iterator", TupleIterObj, &object, GC);
    let range_iter = ty!("range_iterator", RangeIterObj, &object, 0);
    let str_iter = ty!("str_ascii_iterator", StrIterObj, &object, 0);
    let dict_keyiter = ty!("dict_keyiterator", DictIterObj, &object, GC);
    let dict_valueiter = ty!("dict_valueiterator", DictIterObj, &object, GC);
    let dict_itemiter = ty!("dict_itemiterator", DictIterObj, &object, GC);
    let set_iter = ty!("set_iterator", SetIterObj, &object, GC);
    let enumerate = ty!("enumerate", EnumerateObj, &object, GC | BASE);
    let zip = ty!("zip", ZipObj, &object, GC | BASE);
    let map = ty!("map", MapObj, &object, GC | BASE);
    let filter = ty!("filter", FilterObj, &object, GC | BASE);
    let reversed = ty!("reversed", ReversedObj, &object, GC | BASE);
    let callable_iter = ty!("callable_iterator", CallIterObj, &object, GC);
    let mappingproxy = ty!("mappingproxy", MappingProxyObj, &object, GC);
    let dict_keys = ty!("dict_keys", DictViewObj, &object, GC);
    let dict_values = ty!("dict_values", DictViewObj, &object, GC);
    let dict_items = ty!("dict_items", DictViewObj, &object, GC);
    let traceback = ty!("traceback", TracebackObj, &object, GC);
    let textio = ty!("TextIOWrapper", TextIOObj, &object, BASE);
    let weakref = ty!("ReferenceType", WeakrefObj, &object, GC | BASE, 0, super::weakref::weakref_dealloc);
    let weakproxy = ty!("ProxyType", WeakrefObj, &object, GC, 0, super::weakref::weakref_dealloc);
    let weakcallableproxy = ty!("CallableProxyType", WeakrefObj, &object, GC, 0, super::weakref::weakref_dealloc);

    let base_exception = ty!("BaseException", ExceptionObj, &object, GC | BASE, offset_of!(ExceptionObj, dict));
    base_exception.add_flag(TypeFlags::EXC_SUBCLASS);
    let mut exc_map: HashMap<&'static str, TypeRef> = HashMap::new();
    for (field, pyname, base) in ExcTypes::TABLE {
        let b = if *base == "base_exception" { base_exception.clone() } else { exc_map[base].clone() };
        // SAFETY: see above.
        let t = unsafe {
            new_static_type(
                Some(&type_),
                pyname,
                Layout::BaseException,
                size_of::<ExceptionObj>(),
                Some(&b),
                GC | BASE | TypeFlags::EXC_SUBCLASS,
                dealloc_payload::<ExceptionObj>,
                offset_of!(ExceptionObj, dict),
            )
        };
        all.push(t.clone());
        exc_map.insert(field, t);
    }
    let exc = ExcTypes::from_map(base_exception, &mut exc_map);

    // Every type gets its dict now that `dict` exists.
    for t in &all {
        let d = alloc_object(&dict, |ob| DictObj { ob, table: Default::default() });
        set_type_dict(t, d);
    }

    let types = Types {
        type_,
        object,
        int,
        bool: bool_,
        float,
        complex,
        str: str_,
        bytes,
        bytearray,
        tuple,
        list,
        dict,
        set,
        frozenset,
        range,
        slice,
        function,
        builtin_function,
        method_descriptor,
        classmethod_descriptor,
        method,
        getset_descriptor,
        member_descriptor,
        property,
        staticmethod,
        classmethod,
        super_,
        cell,
        code,
        generator,
        module,
        none_type,
        not_implemented_type,
        ellipsis_type,
        seq_iter,
        list_iter,
        list_reverseiter,
        tuple_iter,
        range_iter,
        str_iter,
        dict_keyiter,
        dict_valueiter,
        dict_itemiter,
        set_iter,
        enumerate,
        zip,
        map,
        filter,
        reversed,
        callable_iter,
        mappingproxy,
        dict_keys,
        dict_values,
        dict_items,
        traceback,
        textio,
        weakref,
        weakproxy,
        weakcallableproxy,
    };

    let none = alloc_object(&types.none_type, |ob| NoneObj { ob });
    let not_implemented = alloc_object(&types.not_implemented_type, |ob| NotImplementedObj { ob });
    let ellipsis = alloc_object(&types.ellipsis_type, |ob| EllipsisObj { ob });
    let true_ = alloc_object(&types.bool, |ob| IntObj { ob, value: IntValue::Small(1) });
    let false_ = alloc_object(&types.bool, |ob| IntObj { ob, value: IntValue::Small(0) });
    let small_ints: Box<[PyRef]> = (-NSMALL_NEG..NSMALL_POS)
        .map(|v| alloc_object(&types.int, |ob| IntObj { ob, value: IntValue::Small(v) }))
        .collect();
    let mk_str = |s: String| {
        let n = s.chars().count();
        alloc_object(&types.str, |ob| StrObj {
            ob,
            hash: Cell::new(-1),
            char_len: n,
            interned: Cell::new(false),
            value: s.into_boxed_str(),
        })
    };
    let empty_str = mk_str(String::new());
    let latin1: Box<[PyRef]> = (0u32..256).map(|c| mk_str(char::from_u32(c).unwrap_or('?').to_string())).collect();
    let empty_tuple = alloc_object(&types.tuple, |ob| TupleObj { ob, items: Box::new([]) });
    let empty_bytes = alloc_object(&types.bytes, |ob| BytesObj { ob, hash: Cell::new(-1), value: Box::new([]) });
    let modules = alloc_object(&types.dict, |ob| DictObj { ob, table: Default::default() });
    let builtins = alloc_object(&types.dict, |ob| DictObj { ob, table: Default::default() });

    let vm = VmBox::new(Vm {
        types,
        exc,
        none,
        true_,
        false_,
        not_implemented,
        ellipsis,
        empty_tuple,
        empty_str,
        empty_bytes,
        small_ints,
        latin1,
        interned: RefCell::new(HashMap::new()),
        modules,
        builtins,
        sys: RefCell::new(None),
        recursion_depth: Cell::new(0),
        recursion_limit: Cell::new(1000),
        stack_floor: crate::ops::stack::stack_floor(),
        repr_stack: RefCell::new(Vec::new()),
        frames: Default::default(),
        frame_arena: RefCell::new(crate::eval::frame::FrameArena::new()),
        handled: RefCell::new(None),
        type_cache: Default::default(),
        gc_lists: RefCell::new(None),
        current_users: Cell::new(0),
    });
    vm.enter();
    init_types(&vm, &all);
    vm
}

/// Fill the slots, methods and attributes of every builtin type, then let
/// each type inherit the slots it does not define from its base (`all` is in
/// creation order, so bases come before their subclasses).
fn init_types(vm: &Vm, all: &[TypeRef]) {
    super::object::init(vm);
    super::typeslots::init(vm);
    crate::types::init_all(vm);
    for t in all {
        if let Some(b) = t.base().and_then(TypeRef::new) {
            let mut s = *t.slots();
            super::inherit_slots(&mut s, b.slots());
            // `__hash__ = None` in the type's dict means unhashable, not "inherit".
            if vm.dict_get_str(t.dict(), "__hash__").is_some_and(|h| vm.is_none(&h)) {
                s.hash = None;
            }
            t.set_slots(s);
        }
    }
    #[cfg(debug_assertions)]
    check_gc_slots(all);
}

/// Start-up check of the traverse/clear contract (see [`super::typeobj::TraverseFn`]):
/// every builtin GC type reports its references, and every one whose
/// instances can be changed to close a cycle can also be cleared.
#[cfg(debug_assertions)]
fn check_gc_slots(all: &[TypeRef]) {
    const MUTABLE: &[Layout] = &[
        Layout::Type,
        Layout::List,
        Layout::Dict,
        Layout::Set,
        Layout::Function,
        Layout::Property,
        Layout::StaticMethod,
        Layout::ClassMethod,
        Layout::Cell,
        Layout::Generator,
        Layout::BaseException,
        Layout::Traceback,
    ];
    for t in all {
        if t.is_gc() {
            assert!(t.slots().traverse.is_some(), "GC type {} has no traverse", t.name());
            if MUTABLE.contains(&t.layout) {
                assert!(t.slots().clear.is_some(), "mutable GC type {} has no clear", t.name());
            }
        }
    }
}

/// Allocate a type object for a `class` statement.
///
/// # Safety
/// `layout`, `basicsize`, `dictoffset`, `nslots`, `slotsoffset` and
/// `dealloc` must satisfy the contract of
/// [`TypeLayoutToken::new`](super::typeobj::TypeLayoutToken::new).
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn alloc_heap_type(
    meta: &TypeRef,
    name: &str,
    layout: Layout,
    basicsize: usize,
    dictoffset: usize,
    weaklistoffset: usize,
    nslots: usize,
    slotsoffset: usize,
    flags: u32,
    dealloc: super::typeobj::DeallocFn,
    base: PyRef,
    bases: Vec<PyRef>,
    dict: PyRef,
) -> TypeRef {
    let r = alloc_object(meta, |ob| PyType {
        ob,
        layout,
        basicsize,
        dictoffset,
        weaklistoffset,
        nslots,
        slotsoffset,
        dealloc,
        flags: Cell::new(flags),
        name: UnsafeCell::new(name.to_string()),
        qualname: UnsafeCell::new(name.to_string()),
        base: UnsafeCell::new(Some(base)),
        bases: UnsafeCell::new(bases),
        mro: UnsafeCell::new(Vec::new()),
        dict: UnsafeCell::new(Some(dict)),
        slots: UnsafeCell::new(Default::default()),
        version: Cell::new(0),
        weaklist: super::weakref::WeakList::new(),
        retired_names: UnsafeCell::new(Vec::new()),
        shared_keys: Default::default(),
        // SAFETY: the layout fields are the caller's (contract); the value
        // goes straight to `alloc_object`.
        token: unsafe { super::typeobj::TypeLayoutToken::new() },
    });
    TypeRef::new(r).expect("allocated a type")
}

