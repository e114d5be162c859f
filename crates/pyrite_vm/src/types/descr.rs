//! Descriptors and Rust-implemented callables: builtin functions and method
//! descriptors, getset descriptors, `__slots__` members, `property`,
//! `staticmethod`, `classmethod`, and `super`.

use std::cell::UnsafeCell;

use crate::object::{ObjHeader, PyRef};
use crate::types::typeobj::{Layout, NativeFn};
use crate::vm::Vm;
use crate::PyResult;

/// A Rust function exposed to Python: a module-level builtin
/// (`builtin_function_or_method`, possibly bound to `self_`) or a method
/// descriptor in a type's dict (`method_descriptor`, `objclass` set).
#[repr(C)]
pub struct BuiltinFunctionObj {
    /// Header.
    pub ob: ObjHeader,
    /// `__name__`.
    pub name: &'static str,
    /// The body.
    pub func: NativeFn,
    /// Bound `self` (for bound builtin methods); passed as the first argument.
    pub self_: Option<PyRef>,
    /// For method descriptors: the type that defines it.
    pub objclass: Option<PyRef>,
    /// `__module__` name for module functions.
    pub module: Option<&'static str>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for BuiltinFunctionObj {
    const LAYOUT: Layout = Layout::BuiltinFunction;
}

/// Getter of a getset descriptor.
pub type Getter = fn(&Vm, &PyRef) -> PyResult;
/// Setter of a getset descriptor (`None` value: delete).
pub type Setter = fn(&Vm, &PyRef, Option<PyRef>) -> PyResult<()>;

/// A computed attribute implemented in Rust (`getset_descriptor`).
#[repr(C)]
pub struct GetSetObj {
    /// Header.
    pub ob: ObjHeader,
    /// `__name__`.
    pub name: &'static str,
    /// Getter.
    pub get: Getter,
    /// Setter, if assignable.
    pub set: Option<Setter>,
    /// The type that defines it.
    pub objclass: PyRef,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for GetSetObj {
    const LAYOUT: Layout = Layout::GetSet;
}

/// A `__slots__` entry (`member_descriptor`): the value cell at `index`.
#[repr(C)]
pub struct MemberObj {
    /// Header.
    pub ob: ObjHeader,
    /// Attribute name (str).
    pub name: PyRef,
    /// Index of the slot cell in the instance.
    pub index: usize,
    /// The class that declared the slot.
    pub objclass: PyRef,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for MemberObj {
    const LAYOUT: Layout = Layout::Member;
}

/// `property(fget, fset, fdel, doc)`.
#[repr(C)]
pub struct PropertyObj {
    /// Header.
    pub ob: ObjHeader,
    /// Getter.
    pub fget: UnsafeCell<Option<PyRef>>,
    /// Setter.
    pub fset: UnsafeCell<Option<PyRef>>,
    /// Deleter.
    pub fdel: UnsafeCell<Option<PyRef>>,
    /// `__doc__`.
    pub doc: UnsafeCell<Option<PyRef>>,
    /// The attribute name given by `__set_name__` (for error messages).
    pub name: UnsafeCell<Option<PyRef>>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for PropertyObj {
    const LAYOUT: Layout = Layout::Property;
}

/// `staticmethod(f)` and `classmethod(f)` (same layout, different layout tags
/// via two structs sharing this shape).
#[repr(C)]
pub struct StaticMethodObj {
    /// Header.
    pub ob: ObjHeader,
    /// The wrapped callable.
    pub func: UnsafeCell<Option<PyRef>>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for StaticMethodObj {
    const LAYOUT: Layout = Layout::StaticMethod;
}

/// `classmethod(f)`.
#[repr(C)]
pub struct ClassMethodObj {
    /// Header.
    pub ob: ObjHeader,
    /// The wrapped callable.
    pub func: UnsafeCell<Option<PyRef>>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for ClassMethodObj {
    const LAYOUT: Layout = Layout::ClassMethod;
}

/// `super(type, obj)`.
#[repr(C)]
pub struct SuperObj {
    /// Header.
    pub ob: ObjHeader,
    /// The class after which the MRO search starts.
    pub type_: PyRef,
    /// The instance (or class) bound, if any.
    pub obj: Option<PyRef>,
    /// `type(obj)` or `obj` itself when obj is a class.
    pub obj_type: Option<PyRef>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for SuperObj {
    const LAYOUT: Layout = Layout::Super;
}

mod property;
pub(crate) use property::init as init_property_types;
