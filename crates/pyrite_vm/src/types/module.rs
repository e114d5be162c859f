//! `module`.

use crate::object::{ObjHeader, PyRef};
use crate::types::typeobj::Layout;

/// A module: its namespace dict.
#[repr(C)]
pub struct ModuleObj {
    /// Header.
    pub ob: ObjHeader,
    /// `__dict__` (globals of the module's code).
    pub dict: PyRef,
    /// Weak references to the module.
    pub weaklist: crate::types::weakref::WeakList,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for ModuleObj {
    const LAYOUT: Layout = Layout::Module;
}

use crate::types::typeobj::Slots;
use crate::vm::Vm;

/// A new module named `name` with `__name__` (and `__doc__`, `__package__`,
/// `__loader__`, `__spec__` set to None) in its dict.
pub fn new_module(vm: &Vm, name: &str) -> PyRef {
    let d = vm.new_dict();
    vm.dict_set_str(&d, "__name__", vm.new_str(name));
    for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
        vm.dict_set_str(&d, k, vm.none());
    }
    crate::object::alloc_object(&vm.types.module, |ob| ModuleObj { ob, dict: d, weaklist: Default::default() })
}

/// The namespace dict of a module object.
pub fn module_dict(m: &PyRef) -> &PyRef {
    &m.downcast::<ModuleObj>().expect("module").dict
}

pub(crate) fn init(vm: &Vm) {
    vm.add_getset(&vm.types.module, "__dict__", |_, o| Ok(module_dict(o).clone()), None);
    vm.set_type_slots(
        &vm.types.module,
        Slots {
            traverse: Some(|o, visit| {
                if let Some(m) = o.downcast::<ModuleObj>() {
                    visit.visit(&m.dict);
                }
            }),
            repr: Some(|vm, o| {
                let d = module_dict(o);
                let name = vm.dict_get_str(d, "__name__").and_then(|n| vm.str_of(&n).map(str::to_string)).unwrap_or_else(|| "?".into());
                Ok(vm.new_string(match vm.dict_get_str(d, "__file__").and_then(|f| vm.str_of(&f).map(str::to_string)) {
                    Some(f) => format!("<module '{}' from '{}'>", name, f),
                    None => format!("<module '{}' (built-in)>", name),
                }))
            }),
            getattro: Some(|vm, o, name| match crate::ops::generic_getattr(vm, o, name) {
                Ok(v) => Ok(v),
                Err(e) if vm.is_instance(&e.0, &vm.exc.attribute_error) => {
                    let d = module_dict(o);
                    let mname = vm.dict_get_str(d, "__name__").and_then(|n| vm.str_of(&n).map(str::to_string));
                    if let Some(ga) = vm.dict_get_str(d, "__getattr__") {
                        return vm.call_pos(&ga, std::slice::from_ref(name));
                    }
                    Err(vm.attribute_error(format!(
                        "module '{}' has no attribute '{}'",
                        mname.unwrap_or_else(|| "?".into()),
                        vm.str_of(name).unwrap_or("?")
                    )))
                }
                Err(e) => Err(e),
            }),
            ..Default::default()
        },
    );
}
