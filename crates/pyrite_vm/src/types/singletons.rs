//! `None`, `NotImplemented` and `Ellipsis`.

use crate::object::ObjHeader;
use crate::types::typeobj::Layout;

/// The payload of `None`.
#[repr(C)]
pub struct NoneObj {
    /// Header.
    pub ob: ObjHeader,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for NoneObj {
    const LAYOUT: Layout = Layout::NoneType;
}

/// The payload of `NotImplemented`.
#[repr(C)]
pub struct NotImplementedObj {
    /// Header.
    pub ob: ObjHeader,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for NotImplementedObj {
    const LAYOUT: Layout = Layout::NotImplemented;
}

/// The payload of `Ellipsis`.
#[repr(C)]
pub struct EllipsisObj {
    /// Header.
    pub ob: ObjHeader,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for EllipsisObj {
    const LAYOUT: Layout = Layout::Ellipsis;
}

use crate::types::typeobj::Slots;
use crate::vm::Vm;

pub(crate) fn init(vm: &Vm) {
    vm.set_type_slots(
        &vm.types.none_type,
        Slots {
            repr: Some(|vm, _| Ok(vm.intern("None"))),
            bool: Some(|_, _| Ok(false)),
            new: Some(|vm, _, a| {
                if a.args.is_empty() {
                    Ok(vm.none())
                } else {
                    Err(vm.type_error("NoneType takes no arguments"))
                }
            }),
            ..Default::default()
        },
    );
    vm.set_type_slots(&vm.types.not_implemented_type, Slots { repr: Some(|vm, _| Ok(vm.intern("NotImplemented"))), ..Default::default() });
    vm.set_type_slots(&vm.types.ellipsis_type, Slots { repr: Some(|vm, _| Ok(vm.intern("Ellipsis"))), ..Default::default() });
}
