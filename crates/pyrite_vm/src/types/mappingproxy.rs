//! `mappingproxy`: the read-only view of a class's `__dict__`.

use super::iter::MappingProxyObj;
use super::typeobj::{CmpOp, FuncArgs, Slots};
use crate::object::PyRef;
use crate::vm::Vm;
use crate::PyResult;

fn mapping(o: &PyRef) -> &PyRef {
    &o.downcast::<MappingProxyObj>().expect("mappingproxy").mapping
}

fn forward(vm: &Vm, a: FuncArgs<'_>, name: &str) -> PyResult {
    let Some(me) = a.args.first() else { return Err(vm.type_error("mappingproxy method needs an argument")) };
    vm.call_method(mapping(me), name, &a.args[1..])
}

pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.mappingproxy;
    vm.set_type_slots(
        t,
        Slots {
            repr: Some(|vm, o| Ok(vm.new_string(format!("mappingproxy({})", vm.repr_string(mapping(o))?)))),
            str: Some(|vm, o| vm.str(mapping(o))),
            getitem: Some(|vm, o, k| vm.get_item(mapping(o), k)),
            len: Some(|vm, o| vm.len(mapping(o))),
            contains: Some(|vm, o, k| vm.contains(mapping(o), k)),
            iter: Some(|vm, o| vm.iter(mapping(o))),
            richcompare: Some(|vm, a, b, op| match op {
                CmpOp::Eq | CmpOp::Ne => vm.rich_compare(mapping(a), b, op),
                _ => Ok(vm.not_implemented.clone()),
            }),
            traverse: Some(|o, visit| {
                if let Some(m) = o.downcast::<MappingProxyObj>() {
                    visit.visit(&m.mapping);
                }
            }),
            ..Default::default()
        },
    );
    vm.add_method(t, "keys", |vm, a| forward(vm, a, "keys"));
    vm.add_method(t, "values", |vm, a| forward(vm, a, "values"));
    vm.add_method(t, "items", |vm, a| forward(vm, a, "items"));
    vm.add_method(t, "get", |vm, a| forward(vm, a, "get"));
    vm.add_method(t, "copy", |vm, a| forward(vm, a, "copy"));
    vm.dict_set_str(t.dict(), "__hash__", vm.none());
}
