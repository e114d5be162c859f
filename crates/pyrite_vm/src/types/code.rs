//! `code` objects: a compiled [`CodeObject`] plus its constants and names as
//! Python objects, ready for the eval loop.

use std::sync::Arc;

use pyrite_compiler::bytecode::CodeObject;

use crate::object::{ObjHeader, PyRef};
use crate::types::typeobj::Layout;

/// A code object.
#[repr(C)]
pub struct CodeObj {
    /// Header.
    pub ob: ObjHeader,
    /// The compiled code (plain data).
    pub code: Arc<CodeObject>,
    /// `co_consts` as objects.
    pub consts: Box<[PyRef]>,
    /// `co_names` as interned strs.
    pub names: Box<[PyRef]>,
    /// `co_localsplusnames` as interned strs.
    pub localsplusnames: Box<[PyRef]>,
    /// `co_name` (interned str).
    pub name: PyRef,
    /// `co_qualname`.
    pub qualname: PyRef,
    /// `co_filename`.
    pub filename: PyRef,
    /// The inline caches of its attribute instructions.
    pub caches: crate::eval::cache::InlineCaches,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for CodeObj {
    const LAYOUT: Layout = Layout::Code;
}

use pyrite_compiler::bytecode::Constant;

use crate::types::typeobj::Slots;
use crate::vm::Vm;

/// Turn a compiled constant into an object.
pub fn constant_to_object(vm: &Vm, c: &Constant) -> PyRef {
    match c {
        Constant::None => vm.none(),
        Constant::Ellipsis => vm.ellipsis.clone(),
        Constant::Bool(b) => vm.new_bool(*b),
        Constant::Int(i) => vm.new_bigint(i.clone()),
        Constant::Float(f) => vm.new_float(*f),
        Constant::Complex { re, im } => crate::object::alloc_object(&vm.types.complex, |ob| {
            crate::types::float::ComplexObj { ob, re: *re, im: *im }
        }),
        Constant::Str(s) => {
            if s.len() < 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                vm.intern(s)
            } else {
                vm.new_str(s)
            }
        }
        Constant::Bytes(b) => vm.new_bytes(b.clone()),
        Constant::Tuple(items) => vm.new_tuple(items.iter().map(|c| constant_to_object(vm, c)).collect()),
        Constant::FrozenSet(items) => {
            let items: Vec<PyRef> = items.iter().map(|c| constant_to_object(vm, c)).collect();
            let t = vm.new_tuple(items);
            vm.call_pos(&vm.types.frozenset.as_ref().clone(), &[t]).unwrap_or_else(|_| vm.none())
        }
        Constant::Code(code) => new_code(vm, code.clone()),
    }
}

/// Wrap a compiled code object.
pub fn new_code(vm: &Vm, code: Arc<CodeObject>) -> PyRef {
    let consts = code.consts.iter().map(|c| constant_to_object(vm, c)).collect();
    let names = code.names.iter().map(|n| vm.intern(n)).collect();
    let localsplusnames = code.localsplusnames.iter().map(|n| vm.intern(n)).collect();
    let name = vm.intern(&code.name);
    let qualname = vm.new_str(&code.qualname);
    let filename = vm.new_str(&code.filename);
    let caches = crate::eval::cache::InlineCaches::new(&code.instructions);
    crate::object::alloc_object(&vm.types.code, |ob| CodeObj {
        ob,
        code,
        consts,
        names,
        localsplusnames,
        name,
        qualname,
        filename,
        caches,
    })
}

fn co(o: &PyRef) -> &CodeObj {
    o.downcast::<CodeObj>().expect("code object")
}

pub(crate) fn init(vm: &Vm) {
    vm.set_type_slots(
        &vm.types.code,
        Slots {
            repr: Some(|vm, o| {
                let c = co(o);
                Ok(vm.new_string(format!(
                    "<code object {} at {:#x}, file \"{}\", line {}>",
                    c.code.name,
                    o.as_ptr() as usize,
                    c.code.filename,
                    c.code.firstlineno
                )))
            }),
            ..Default::default()
        },
    );
    let t = &vm.types.code;
    vm.add_getset(t, "co_name", |_, o| Ok(co(o).name.clone()), None);
    vm.add_getset(t, "co_qualname", |_, o| Ok(co(o).qualname.clone()), None);
    vm.add_getset(t, "co_filename", |_, o| Ok(co(o).filename.clone()), None);
    vm.add_getset(t, "co_firstlineno", |vm, o| Ok(vm.new_int(co(o).code.firstlineno as i64)), None);
    vm.add_getset(t, "co_argcount", |vm, o| Ok(vm.new_int(co(o).code.argcount as i64)), None);
    vm.add_getset(t, "co_flags", |vm, o| Ok(vm.new_int(co(o).code.flags.bits() as i64)), None);
    vm.add_getset(t, "co_consts", |vm, o| Ok(vm.new_tuple(co(o).consts.to_vec())), None);
    vm.add_getset(t, "co_names", |vm, o| Ok(vm.new_tuple(co(o).names.to_vec())), None);
    vm.add_getset(t, "co_freevars", |vm, o| Ok(vm.new_tuple(localsplus_of_kind(o, pyrite_compiler::bytecode::CO_FAST_FREE))), None);
    vm.add_getset(t, "co_cellvars", |vm, o| Ok(vm.new_tuple(localsplus_of_kind(o, pyrite_compiler::bytecode::CO_FAST_CELL))), None);
    vm.add_getset(t, "co_nlocals", |vm, o| Ok(vm.new_int(co(o).code.nlocals as i64)), None);
    vm.add_getset(t, "co_stacksize", |vm, o| Ok(vm.new_int(co(o).code.stacksize as i64)), None);
    vm.add_getset(t, "co_kwonlyargcount", |vm, o| Ok(vm.new_int(co(o).code.kwonlyargcount as i64)), None);
    vm.add_getset(t, "co_posonlyargcount", |vm, o| Ok(vm.new_int(co(o).code.posonlyargcount as i64)), None);
    vm.add_getset(t, "co_varnames", |vm, o| {
        let c = co(o);
        Ok(vm.new_tuple(c.localsplusnames[..c.code.nlocals as usize].to_vec()))
    }, None);
}

/// The localsplus names whose kind has `kind` set (free or cell variables).
fn localsplus_of_kind(o: &PyRef, kind: u8) -> Vec<PyRef> {
    let c = co(o);
    c.localsplusnames
        .iter()
        .zip(&c.code.localspluskinds)
        .filter(|(_, k)| **k & kind != 0)
        .map(|(n, _)| n.clone())
        .collect()
}
