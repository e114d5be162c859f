//! Attribute access: the descriptor protocol, instance dicts, and the MRO
//! lookup of types.

use crate::object::PyRef;
use crate::types::dict::DictObj;
use crate::types::typeobj::PyType;
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::{PyErr, PyResult};

impl Vm {
    /// Find `name` (a str object) in the dicts of `ty`'s MRO, without
    /// descriptors. Results are cached (see [`TypeCache`]).
    #[inline]
    pub fn lookup_type(&self, ty: &PyType, name: &PyRef) -> Option<PyRef> {
        if !self.type_cache.enabled.get() {
            return self.lookup_type_uncached(ty, name);
        }
        let key = ty as *const PyType as usize;
        let h = ((key >> 4) ^ (name.as_ptr() as usize >> 3)) & (TYPE_CACHE_SIZE - 1);
        if let Some(v) = self.type_cache.get(h, key, name) {
            return v;
        }
        let v = self.lookup_type_uncached(ty, name);
        self.type_cache.put(h, key, name, v.clone());
        v
    }

    fn lookup_type_uncached(&self, ty: &PyType, name: &PyRef) -> Option<PyRef> {
        for t in ty.mro() {
            let Some(t) = t.downcast::<PyType>() else { continue };
            if let Some(d) = t.dict().downcast::<DictObj>() {
                if let Ok(Some(v)) = d.get_item(self, name) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// [`Vm::lookup_type`] with a Rust name.
    pub fn lookup_type_str(&self, ty: &PyType, name: &str) -> Option<PyRef> {
        let n = self.intern(name);
        self.lookup_type(ty, &n)
    }

    /// `getattr(o, name)`.
    #[inline]
    pub fn get_attr(&self, o: &PyRef, name: &PyRef) -> PyResult {
        match o.ty().slots().getattro {
            Some(f) => f(self, o, name),
            None => generic_getattr(self, o, name),
        }
    }

    /// `getattr(o, "name")`.
    pub fn get_attr_str(&self, o: &PyRef, name: &str) -> PyResult {
        let n = self.intern(name);
        self.get_attr(o, &n)
    }

    /// `getattr(o, "name", None)` distinguishing "missing" (AttributeError) from other errors.
    pub fn lookup_attr_str(&self, o: &PyRef, name: &str) -> PyResult<Option<PyRef>> {
        match self.get_attr_str(o, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.is_instance(&e.0, &self.exc.attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `setattr(o, name, v)`; `None` deletes.
    pub fn set_attr(&self, o: &PyRef, name: &PyRef, v: Option<PyRef>) -> PyResult<()> {
        match o.ty().slots().setattro {
            Some(f) => f(self, o, name, v),
            None => generic_setattr(self, o, name, v),
        }
    }

    /// `setattr(o, "name", v)`.
    pub fn set_attr_str(&self, o: &PyRef, name: &str, v: PyRef) -> PyResult<()> {
        let n = self.intern(name);
        self.set_attr(o, &n, Some(v))
    }

    /// `o.name(*args)`.
    pub fn call_method(&self, o: &PyRef, name: &str, args: &[PyRef]) -> PyResult {
        let f = self.get_attr_str(o, name)?;
        self.call_pos(&f, args)
    }

    /// Look up a special method on the type (not the instance) and bind it:
    /// returns the callable and whether `o` must be passed as first argument.
    pub fn lookup_special(&self, o: &PyRef, name: &str) -> Option<PyRef> {
        self.lookup_type_str(o.ty(), name)
    }

    /// Call a special method found on the type: `type(o).name(o, *args)`.
    pub fn call_special(&self, o: &PyRef, name: &str, args: &[PyRef]) -> PyResult<Option<PyRef>> {
        let Some(f) = self.lookup_special(o, name) else { return Ok(None) };
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(o.clone());
        all.extend(args.iter().cloned());
        self.call_unbound(&f, o, &all).map(Some)
    }

    /// Call an attribute found on a type with `args` (which start with the
    /// instance), binding through the descriptor protocol when it is not a
    /// plain function.
    pub fn call_unbound(&self, f: &PyRef, inst: &PyRef, args: &[PyRef]) -> PyResult {
        use crate::types::typeobj::Layout;
        match f.ty().layout {
            Layout::Function | Layout::BuiltinFunction => self.call_pos(f, args),
            _ => {
                let bound = match f.ty().slots().descr_get {
                    Some(g) => g(self, f, Some(inst), &self.type_of(inst).into_ref())?,
                    None => f.clone(),
                };
                self.call_pos(&bound, &args[1..])
            }
        }
    }

    /// The `AttributeError` for a missing attribute.
    #[cold]
    pub fn no_attribute(&self, o: &PyRef, name: &PyRef) -> PyErr {
        crate::types::exceptions::attribute_error_for(self, o, name)
    }

    /// The instance dict of `o` as Python code sees it (`__dict__`,
    /// `vars()`), created on demand; `None` if the type has no dict slot.
    /// Attributes kept as inline values move into it (see
    /// [`crate::types::instance`]).
    pub fn instance_dict(&self, o: &PyRef) -> Option<PyRef> {
        crate::types::instance::materialize(self, o)
    }
}

/// `object.__getattribute__`: data descriptors on the type, then the instance
/// dict, then other class attributes (binding non-data descriptors).
pub fn generic_getattr(vm: &Vm, o: &PyRef, name: &PyRef) -> PyResult {
    let ty = o.ty();
    let attr = vm.lookup_type(ty, name);
    let mut getter = None;
    if let Some(a) = &attr {
        let s = a.ty().slots();
        getter = s.descr_get;
        if let (Some(g), Some(_)) = (s.descr_get, s.descr_set) {
            return g(vm, a, Some(o), &vm.type_of(o).into_ref());
        }
    }
    if let Some(v) = crate::types::instance::get_attr_value(vm, o, name)? {
        return Ok(v);
    }
    if let Some(a) = attr {
        return match getter {
            Some(g) => g(vm, &a, Some(o), &vm.type_of(o).into_ref()),
            None => Ok(a),
        };
    }
    Err(vm.no_attribute(o, name))
}

/// `object.__setattr__` / `__delattr__`.
pub fn generic_setattr(vm: &Vm, o: &PyRef, name: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let ty = o.ty();
    if let Some(a) = vm.lookup_type(ty, name) {
        if let Some(set) = a.ty().slots().descr_set {
            return set(vm, &a, o, v);
        }
    }
    match crate::types::instance::set_attr_value(vm, o, name, v) {
        Some(Ok(true)) => Ok(()),
        Some(Ok(false)) => Err(vm.no_attribute(o, name)),
        Some(Err(e)) => Err(e),
        None => {
            let n = vm.str_of(name).unwrap_or("?");
            Err(if vm.lookup_type(ty, name).is_some() {
                vm.attribute_error(format!("'{}' object attribute '{}' is read-only", ty.name(), n))
            } else {
                vm.attribute_error(format!("'{}' object has no attribute '{}'", ty.name(), n))
            })
        }
    }
}

/// Attribute lookup on a type object (`type.__getattribute__`): the
/// metatype's data descriptors, then the type's own MRO (descriptors bound
/// with no instance), then the metatype's other attributes.
pub fn type_getattr(vm: &Vm, o: &PyRef, name: &PyRef) -> PyResult {
    let Some(t) = TypeRef::new(o.clone()) else { return generic_getattr(vm, o, name) };
    let meta = o.ty();
    let meta_attr = vm.lookup_type(meta, name);
    if let Some(a) = &meta_attr {
        let s = a.ty().slots();
        if let (Some(g), Some(_)) = (s.descr_get, s.descr_set) {
            return g(vm, a, Some(o), &vm.type_of(o).into_ref());
        }
    }
    if let Some(a) = vm.lookup_type(&t, name) {
        return match a.ty().slots().descr_get {
            Some(g) => g(vm, &a, None, o),
            None => Ok(a),
        };
    }
    if let Some(a) = meta_attr {
        return match a.ty().slots().descr_get {
            Some(g) => g(vm, &a, Some(o), &vm.type_of(o).into_ref()),
            None => Ok(a),
        };
    }
    let n = vm.str_of(name).unwrap_or("?");
    Err(vm.attribute_error(format!("type object '{}' has no attribute '{}'", t.name(), n)))
}

/// Number of entries of the attribute cache (a power of two).
const TYPE_CACHE_SIZE: usize = 4096;

/// Most objects inline caches may pin in one epoch.
const MAX_PINS: usize = 4096;

/// One cached MRO lookup: the type (by address), the name (held so its
/// address cannot be reused while cached) and the result.
#[derive(Default)]
struct CacheEntry {
    ty: usize,
    name: Option<PyRef>,
    value: Option<PyRef>,
}

/// A direct-mapped cache of `lookup_type` results, like CPython's type
/// attribute cache. Any change to any type's dict (or a new class) clears it
/// whole; it is enabled once the builtin types are fully set up.
pub struct TypeCache {
    entries: std::cell::RefCell<Vec<CacheEntry>>,
    /// Whether lookups use the cache.
    pub enabled: std::cell::Cell<bool>,
    /// Bumped by every [`TypeCache::clear`]: what an instruction's inline
    /// cache learnt about a type holds while the epoch it was learnt in lasts.
    epoch: std::cell::Cell<u64>,
    /// Objects inline caches point at without owning them, kept alive
    /// until the epoch ends.
    pins: std::cell::RefCell<Vec<PyRef>>,
}

impl Default for TypeCache {
    fn default() -> Self {
        TypeCache {
            entries: std::cell::RefCell::new((0..TYPE_CACHE_SIZE).map(|_| CacheEntry::default()).collect()),
            enabled: std::cell::Cell::new(false),
            epoch: std::cell::Cell::new(1),
            pins: std::cell::RefCell::new(Vec::new()),
        }
    }
}

impl TypeCache {
    /// `Some(result)` on a hit.
    #[inline(always)]
    fn get(&self, h: usize, ty: usize, name: &PyRef) -> Option<Option<PyRef>> {
        let e = self.entries.borrow();
        let e = &e[h];
        match &e.name {
            Some(n) if e.ty == ty && n.is(name) => Some(e.value.clone()),
            _ => None,
        }
    }

    fn put(&self, h: usize, ty: usize, name: &PyRef, value: Option<PyRef>) {
        let old = std::mem::replace(
            &mut self.entries.borrow_mut()[h],
            CacheEntry { ty, name: Some(name.clone()), value },
        );
        drop(old);
    }

    /// Forget everything (a type changed), and end the epoch of inline
    /// caches. Entries are dropped after the borrow ends.
    pub fn clear(&self) {
        self.epoch.set(self.epoch.get() + 1);
        let fresh: Vec<CacheEntry> = (0..TYPE_CACHE_SIZE).map(|_| CacheEntry::default()).collect();
        let old = std::mem::replace(&mut *self.entries.borrow_mut(), fresh);
        let old_pins = std::mem::take(&mut *self.pins.borrow_mut());
        drop(old);
        drop(old_pins);
    }

    /// The current epoch (0 while the cache is disabled: nothing is learnt).
    #[inline(always)]
    pub fn epoch(&self) -> u64 {
        if self.enabled.get() {
            self.epoch.get()
        } else {
            0
        }
    }

    /// Keep `o` alive until the current epoch ends; `false` (and nothing
    /// kept) when too many objects are pinned already.
    pub fn pin(&self, o: &PyRef) -> bool {
        let mut pins = self.pins.borrow_mut();
        if pins.len() >= MAX_PINS {
            return false;
        }
        pins.push(o.clone());
        true
    }
}
