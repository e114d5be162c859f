//! The abstract object protocol (CPython's `Objects/abstract.c` and
//! `object.c`): attribute access, calls, operators, comparison, hashing,
//! truth, iteration, `repr`/`str`. Everything the eval loop and builtins do
//! to an object of unknown type goes through here and dispatches on the
//! type's slot table.

use crate::object::PyRef;
use crate::types::descr::BuiltinFunctionObj;
use crate::types::int::{IntObj, IntValue};
use crate::types::str::StrObj;
use crate::types::typeobj::{CmpOp, FuncArgs, Layout, NativeFn, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

/// The binary operators, in `BINARY_OP` argument order (non-inplace part).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[allow(missing_docs)]
pub enum BinOp {
    Add,
    And,
    FloorDiv,
    Lshift,
    MatMul,
    Mul,
    Mod,
    Or,
    Pow,
    Rshift,
    Sub,
    TrueDiv,
    Xor,
}

impl BinOp {
    /// From a `BINARY_OP` argument: the operator and whether it is in-place.
    pub fn from_arg(arg: u32) -> (BinOp, bool) {
        const OPS: [BinOp; 13] = [
            BinOp::Add,
            BinOp::And,
            BinOp::FloorDiv,
            BinOp::Lshift,
            BinOp::MatMul,
            BinOp::Mul,
            BinOp::Mod,
            BinOp::Or,
            BinOp::Pow,
            BinOp::Rshift,
            BinOp::Sub,
            BinOp::TrueDiv,
            BinOp::Xor,
        ];
        let a = arg as usize;
        if a >= 13 {
            (OPS[(a - 13) % 13], true)
        } else {
            (OPS[a], false)
        }
    }
    /// Operator symbol for error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::And => "&",
            BinOp::FloorDiv => "//",
            BinOp::Lshift => "<<",
            BinOp::MatMul => "@",
            BinOp::Mul => "*",
            BinOp::Mod => "%",
            BinOp::Or => "|",
            BinOp::Pow => "** or pow()",
            BinOp::Rshift => ">>",
            BinOp::Sub => "-",
            BinOp::TrueDiv => "/",
            BinOp::Xor => "^",
        }
    }
    /// Dunder names: (`__add__`, `__radd__`, `__iadd__`).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Lshift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::Rshift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
    /// The slot of this operator in a slot table.
    pub fn slot(self, s: &Slots) -> Option<crate::types::typeobj::BinaryFn> {
        match self {
            BinOp::Add => s.add,
            BinOp::And => s.and,
            BinOp::FloorDiv => s.floordiv,
            BinOp::Lshift => s.lshift,
            BinOp::MatMul => s.matmul,
            BinOp::Mul => s.mul,
            BinOp::Mod => s.rem,
            BinOp::Or => s.or,
            BinOp::Pow => None,
            BinOp::Rshift => s.rshift,
            BinOp::Sub => s.sub,
            BinOp::TrueDiv => s.truediv,
            BinOp::Xor => s.xor,
        }
    }
}

impl Vm {
    /// `type(o).__name__`.
    pub fn type_name<'a>(&self, o: &'a PyRef) -> &'a str {
        o.ty().name()
    }

    /// The type of `o` as a new reference.
    pub fn type_of(&self, o: &PyRef) -> TypeRef {
        let t = PyRef::from_obj(o.ty().as_object());
        TypeRef::new(t).expect("ob_type is a type")
    }

    /// `isinstance(o, t)` for a type (no `__instancecheck__`).
    #[inline(always)]
    pub fn is_instance(&self, o: &PyRef, t: &TypeRef) -> bool {
        o.ty().is_subtype(t)
    }

    /// `o is None`.
    #[inline(always)]
    pub fn is_none(&self, o: &PyRef) -> bool {
        o.is(&self.none)
    }

    /// The text of a str object (`None` if `o` is not a str).
    #[inline(always)]
    pub fn str_of<'a>(&self, o: &'a PyRef) -> Option<&'a str> {
        o.downcast::<StrObj>().map(|s| s.as_str())
    }

    /// The value of an int that fits in i64 (`None` for non-ints and big ints).
    #[inline(always)]
    pub fn small_int_of(&self, o: &PyRef) -> Option<i64> {
        match o.downcast::<IntObj>() {
            Some(IntObj { value: IntValue::Small(v), .. }) => Some(*v),
            _ => None,
        }
    }

    /// Create a builtin function object (not bound).
    pub fn new_builtin_function(&self, name: &'static str, func: NativeFn, module: Option<&'static str>) -> PyRef {
        crate::object::alloc_object(&self.types.builtin_function, |ob| BuiltinFunctionObj {
            ob,
            name,
            func,
            self_: None,
            objclass: None,
            module,
        })
    }

    /// Add a method (a `method_descriptor`) named `name` to type `ty`.
    pub fn add_method(&self, ty: &TypeRef, name: &'static str, func: NativeFn) {
        let m = crate::object::alloc_object(&self.types.method_descriptor, |ob| BuiltinFunctionObj {
            ob,
            name,
            func,
            self_: None,
            objclass: Some(ty.as_ref().clone()),
            module: None,
        });
        self.dict_set_str(ty.dict(), name, m);
    }

    /// Add a class method implemented in Rust (receives the class as `args[0]`).
    pub fn add_classmethod(&self, ty: &TypeRef, name: &'static str, func: NativeFn) {
        let m = crate::object::alloc_object(&self.types.classmethod_descriptor, |ob| BuiltinFunctionObj {
            ob,
            name,
            func,
            self_: None,
            objclass: Some(ty.as_ref().clone()),
            module: None,
        });
        self.dict_set_str(ty.dict(), name, m);
    }

    /// Add a static method implemented in Rust.
    pub fn add_staticmethod(&self, ty: &TypeRef, name: &'static str, func: NativeFn) {
        let f = self.new_builtin_function(name, func, None);
        let sm = crate::object::alloc_object(&self.types.staticmethod, |ob| crate::types::descr::StaticMethodObj {
            ob,
            func: std::cell::UnsafeCell::new(Some(f)),
        });
        self.dict_set_str(ty.dict(), name, sm);
    }

    /// Add a computed attribute implemented in Rust.
    pub fn add_getset(
        &self,
        ty: &TypeRef,
        name: &'static str,
        get: crate::types::descr::Getter,
        set: Option<crate::types::descr::Setter>,
    ) {
        let d = crate::object::alloc_object(&self.types.getset_descriptor, |ob| crate::types::descr::GetSetObj {
            ob,
            name,
            get,
            set,
            objclass: ty.as_ref().clone(),
        });
        self.dict_set_str(ty.dict(), name, d);
    }

    /// Store `value` under the str key `key` in dict `d` (which must be a dict).
    pub fn dict_set_str(&self, d: &PyRef, key: &str, value: PyRef) {
        if let Some(d) = d.downcast::<crate::types::dict::DictObj>() {
            d.set_str(self, key, value);
        }
    }

    /// Look up the str key `key` in dict `d`.
    pub fn dict_get_str(&self, d: &PyRef, key: &str) -> Option<PyRef> {
        d.downcast::<crate::types::dict::DictObj>().and_then(|d| d.get_str(self, key))
    }

    /// Install a slot table on a builtin type, inheriting unset slots from its base.
    pub fn set_type_slots(&self, ty: &TypeRef, mut slots: Slots) {
        if let Some(b) = ty.base() {
            if let Some(b) = TypeRef::new(b) {
                crate::types::inherit_slots(&mut slots, b.slots());
            }
        }
        if self.dict_get_str(ty.dict(), "__hash__").is_some_and(|h| self.is_none(&h)) {
            slots.hash = None;
        }
        ty.set_slots(slots);
    }

    /// Equality fast path that never runs Python code: `Some(result)` for
    /// identical objects, exact strs and small ints, `None` when a real
    /// comparison is needed.
    #[inline(always)]
    pub fn fast_eq(&self, a: &PyRef, b: &PyRef) -> Option<bool> {
        if a.is(b) {
            return Some(true);
        }
        let (ta, tb) = (a.ty(), b.ty());
        if std::ptr::eq(ta, tb) {
            if std::ptr::eq(ta, &*self.types.str) {
                return Some(self.str_of(a) == self.str_of(b));
            }
            if std::ptr::eq(ta, &*self.types.int) {
                if let (Some(x), Some(y)) = (self.small_int_of(a), self.small_int_of(b)) {
                    return Some(x == y);
                }
            }
        }
        None
    }

    /// Whether `layout` is the layout of `o`'s type.
    #[inline(always)]
    pub fn has_layout(&self, o: &PyRef, layout: Layout) -> bool {
        o.ty().layout == layout
    }

    /// Call `f` with positional arguments only.
    pub fn call0(&self, f: &PyRef) -> PyResult {
        self.call(f, FuncArgs::pos(&[]))
    }

    /// Call `f(*args)`.
    pub fn call_pos(&self, f: &PyRef, args: &[PyRef]) -> PyResult {
        self.call(f, FuncArgs::pos(args))
    }

    /// Comparison returning a bool (`a op b` then truthiness).
    pub fn compare_bool(&self, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult<bool> {
        if op == CmpOp::Eq {
            if let Some(r) = self.fast_eq(a, b) {
                return Ok(r);
            }
        }
        let r = self.rich_compare(a, b, op)?;
        self.truthy(&r)
    }

    /// `a == b` as a bool (identity implies equality, as in containers).
    #[inline(always)]
    pub fn eq(&self, a: &PyRef, b: &PyRef) -> PyResult<bool> {
        if let Some(r) = self.fast_eq(a, b) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }
}

mod attr;
mod call;
mod compare;
mod iter;
mod number;
mod repr;
mod seq;
pub(crate) mod stack;

pub use attr::{generic_getattr, generic_setattr, type_getattr, TypeCache};
pub use call::prepend;
pub use compare::str_hash;
