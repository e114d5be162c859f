//! `cell`: a closure variable.

use std::cell::UnsafeCell;

use crate::object::{ObjHeader, PyRef};
use crate::types::typeobj::Layout;

/// A closure cell.
#[repr(C)]
pub struct CellObj {
    /// Header.
    pub ob: ObjHeader,
    /// The contents (`None` when empty).
    pub value: UnsafeCell<Option<PyRef>>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for CellObj {
    const LAYOUT: Layout = Layout::Cell;
}

impl CellObj {
    /// A new reference to the contents.
    #[inline(always)]
    pub fn get(&self) -> Option<PyRef> {
        // SAFETY: short borrow, cloning only increments.
        unsafe { (*self.value.get()).clone() }
    }
    /// Replace the contents; the old value is dropped after the borrow ends.
    #[inline(always)]
    pub fn set(&self, v: Option<PyRef>) {
        // SAFETY: short borrow.
        let old = unsafe { std::mem::replace(&mut *self.value.get(), v) };
        drop(old);
    }
}

use crate::types::typeobj::Slots;
use crate::vm::Vm;

pub(crate) fn init(vm: &Vm) {
    vm.set_type_slots(
        &vm.types.cell,
        Slots {
            repr: Some(|vm, o| {
                let c = o.downcast::<CellObj>().expect("cell");
                Ok(vm.new_string(match c.get() {
                    Some(v) => format!("<cell at {:#x}: {} object at {:#x}>", o.as_ptr() as usize, v.ty().name(), v.as_ptr() as usize),
                    None => format!("<cell at {:#x}: empty>", o.as_ptr() as usize),
                }))
            }),
            traverse: Some(|o, visit| {
                if let Some(c) = o.downcast::<CellObj>() {
                    crate::types::iter::cell_visit(&c.value, visit);
                }
            }),
            clear: Some(|o| {
                if let Some(c) = o.downcast::<CellObj>() {
                    c.set(None);
                }
            }),
            ..Default::default()
        },
    );
    vm.add_getset(&vm.types.cell, "cell_contents", |vm, o| {
        o.downcast::<CellObj>().and_then(CellObj::get).ok_or_else(|| vm.value_error("Cell is empty"))
    }, Some(|_, o, v| {
        if let Some(c) = o.downcast::<CellObj>() {
            c.set(v);
        }
        Ok(())
    }));
}
