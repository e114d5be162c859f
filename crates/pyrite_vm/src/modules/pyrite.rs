//! `_pyrite`: what pyrite shows beyond CPython. For now the collection log:
//! `_pyrite.gc_log()` returns one dict per recent collection (oldest first,
//! at most `object::gc::LOG_CAPACITY`), with the generation, the start
//! (seconds since the collector's first use), the duration in seconds, and
//! the objects examined, collected, uncollectable and surviving.

use crate::object::gc;
use crate::types::module::module_dict;
use crate::types::typeobj::FuncArgs;
use crate::vm::Vm;
use crate::PyResult;

/// Build the module.
pub fn make_module(vm: &Vm) -> PyResult {
    let m = crate::types::module::new_module(vm, "_pyrite");
    let d = module_dict(&m).clone();
    vm.dict_set_str(&d, "gc_log", vm.new_builtin_function("gc_log", gc_log, Some("_pyrite")));
    vm.dict_set_str(&d, "GC_LOG_CAPACITY", vm.new_int(gc::LOG_CAPACITY as i64));
    Ok(m)
}

/// `_pyrite.gc_log()`.
fn gc_log(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    if !a.args.is_empty() {
        return Err(vm.type_error(format!("_pyrite.gc_log() takes no arguments ({} given)", a.args.len())));
    }
    let mut out = Vec::new();
    for r in gc::log() {
        let d = vm.new_dict();
        vm.dict_set_str(&d, "generation", vm.new_int(r.generation as i64));
        vm.dict_set_str(&d, "start", vm.new_float(r.start.as_secs_f64()));
        vm.dict_set_str(&d, "duration", vm.new_float(r.duration.as_secs_f64()));
        vm.dict_set_str(&d, "examined", vm.new_int(r.examined as i64));
        vm.dict_set_str(&d, "collected", vm.new_int(r.collected as i64));
        vm.dict_set_str(&d, "uncollectable", vm.new_int(r.uncollectable as i64));
        vm.dict_set_str(&d, "survivors", vm.new_int(r.survivors as i64));
        out.push(d);
    }
    Ok(vm.new_list(out))
}
