//! Unit tests of the object model through the runtime's Rust API:
//! reference counts after common operations, deterministic deallocation,
//! and iterative freeing of deep structures.

use pyrite_vm::types::list::ListObj;
use pyrite_vm::types::tuple::TupleObj;
use pyrite_vm::Vm;

#[test]
fn fresh_objects_have_one_reference() {
    let vm = Vm::new();
    let l = vm.new_list(vec![]);
    assert_eq!(l.refcnt(), 1);
    let f = vm.new_float(1.5);
    assert_eq!(f.refcnt(), 1);
}

#[test]
fn clone_and_drop_adjust_the_count() {
    let vm = Vm::new();
    let o = vm.new_list(vec![]);
    let o2 = o.clone();
    assert_eq!(o.refcnt(), 2);
    drop(o2);
    assert_eq!(o.refcnt(), 1);
}

#[test]
fn containers_hold_one_reference_per_slot() {
    let vm = Vm::new();
    let x = vm.new_float(2.0);
    let l = vm.new_list(vec![x.clone(), x.clone()]);
    assert_eq!(x.refcnt(), 3);
    let t = vm.new_tuple(vec![x.clone()]);
    assert_eq!(x.refcnt(), 4);
    drop(l);
    assert_eq!(x.refcnt(), 2);
    drop(t);
    assert_eq!(x.refcnt(), 1);
}

#[test]
fn small_ints_and_singletons_are_shared() {
    let vm = Vm::new();
    assert!(vm.new_int(256).is(&vm.new_int(256)));
    assert!(vm.new_int(-5).is(&vm.new_int(-5)));
    assert!(!vm.new_int(257).is(&vm.new_int(257)));
    assert!(vm.new_str("").is(&vm.empty_str));
    assert!(vm.new_str("a").is(&vm.new_str("a")));
    assert!(vm.new_tuple(vec![]).is(&vm.empty_tuple));
}

#[test]
fn list_append_and_set_release_old_items() {
    let vm = Vm::new();
    let a = vm.new_float(1.0);
    let b = vm.new_float(2.0);
    let l = vm.new_list(vec![]);
    let lo = l.downcast::<ListObj>().expect("list");
    lo.push(a.clone());
    assert_eq!(a.refcnt(), 2);
    lo.set(0, b.clone());
    assert_eq!(a.refcnt(), 1);
    assert_eq!(b.refcnt(), 2);
}

#[test]
fn deep_nested_lists_free_without_stack_overflow() {
    let vm = Vm::new();
    let mut x = vm.none();
    for _ in 0..1_000_000 {
        x = vm.new_list(vec![x]);
    }
    drop(x);
    let mut t = vm.none();
    for _ in 0..1_000_000 {
        t = vm.new_tuple(vec![t]);
    }
    assert_eq!(t.downcast::<TupleObj>().map(|t| t.items().len()), Some(1));
    drop(t);
}

#[test]
fn interned_strings_are_canonical() {
    let vm = Vm::new();
    let a = vm.intern("hello world!");
    let b = vm.intern("hello world!");
    assert!(a.is(&b));
    let c = vm.new_str("hello world!");
    assert!(!a.is(&c));
}
