//! The `gc` module (memory-model §2.1): the Python face of the cycle
//! collector in `object::gc`, with CPython 3.11's functions, constants and
//! argument errors. Functions that report the collector's state first run
//! an automatic collection an allocation has requested, so what they report
//! is what 3.11 (which collects inside the allocation) would report.

use crate::object::gc::{self, DEBUG_COLLECTABLE, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE, NUM_GENERATIONS};
use crate::object::PyRef;
use crate::types::module::module_dict;
use crate::types::typeobj::{FuncArgs, Layout, NativeFn};
use crate::vm::Vm;
use crate::PyResult;

/// Build the module.
pub fn make_module(vm: &Vm) -> PyResult {
    let m = crate::types::module::new_module(vm, "gc");
    let d = module_dict(&m).clone();
    vm.dict_set_str(
        &d,
        "__doc__",
        vm.new_str("This module provides access to the garbage collector for reference cycles."),
    );
    let functions: &[(&'static str, NativeFn)] = &[
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("collect", collect),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("get_stats", get_stats),
        ("get_objects", get_objects),
        ("get_referrers", get_referrers),
        ("get_referents", get_referents),
        ("is_tracked", is_tracked),
        ("is_finalized", is_finalized),
        ("freeze", freeze),
        ("unfreeze", unfreeze),
        ("get_freeze_count", get_freeze_count),
        ("set_debug", set_debug),
        ("get_debug", get_debug),
    ];
    for &(name, f) in functions {
        vm.dict_set_str(&d, name, vm.new_builtin_function(name, f, Some("gc")));
    }
    let (garbage, callbacks) = vm.gc_lists();
    vm.dict_set_str(&d, "garbage", garbage);
    vm.dict_set_str(&d, "callbacks", callbacks);
    for (name, v) in [
        ("DEBUG_STATS", DEBUG_STATS),
        ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        ("DEBUG_LEAK", DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL),
    ] {
        vm.dict_set_str(&d, name, vm.new_int(v));
    }
    Ok(m)
}

/// `gc.NAME()` with no arguments.
fn no_args(vm: &Vm, a: &FuncArgs<'_>, name: &str) -> PyResult<()> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("gc.{name}() takes no keyword arguments")));
    }
    if !a.args.is_empty() {
        return Err(vm.type_error(format!("gc.{name}() takes no arguments ({} given)", a.args.len())));
    }
    Ok(())
}

/// `gc.NAME(obj)`: exactly one positional argument.
fn one_arg<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str) -> PyResult<&'a PyRef> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("gc.{name}() takes no keyword arguments")));
    }
    match a.args {
        [o] => Ok(o),
        _ => Err(vm.type_error(format!("gc.{name}() takes exactly one argument ({} given)", a.args.len()))),
    }
}

/// At most one argument, positional or as keyword `kw` (Argument Clinic style).
fn optional_arg<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str, kw: &str) -> PyResult<Option<&'a PyRef>> {
    if a.args.len() > 1 {
        return Err(vm.type_error(format!("{name}() takes at most 1 argument ({} given)", a.args.len())));
    }
    if let Some((k, v)) = a.keywords().next() {
        let k = vm.str_of(k).unwrap_or("?");
        if k != kw {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
        }
        return Ok(Some(v));
    }
    Ok(a.positional().first())
}

/// A C `int` argument: CPython's overflow messages differ by converter.
fn c_int(vm: &Vm, o: &PyRef, too_big: &str, too_small: &str) -> PyResult<i64> {
    use crate::types::int::{IntObj, IntValue};
    let v = vm.index(o)?;
    let n = match v.downcast::<IntObj>().map(|i| &i.value) {
        Some(IntValue::Small(n)) => *n,
        Some(IntValue::Big(b)) if b.sign() == num_bigint::Sign::Minus => return Err(vm.overflow_error(too_small)),
        _ => return Err(vm.overflow_error(too_big)),
    };
    if n > i64::from(i32::MAX) {
        return Err(vm.overflow_error(too_big));
    }
    if n < i64::from(i32::MIN) {
        return Err(vm.overflow_error(too_small));
    }
    Ok(n)
}

fn enable(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_args(vm, &a, "enable")?;
    gc::set_enabled(true);
    Ok(vm.none())
}

fn disable(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_args(vm, &a, "disable")?;
    gc::set_enabled(false);
    Ok(vm.none())
}

fn isenabled(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_args(vm, &a, "isenabled")?;
    Ok(vm.new_bool(gc::is_enabled()))
}

/// `gc.collect(generation=2)`.
fn collect(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let gen = match optional_arg(vm, &a, "collect", "generation")? {
        Some(g) => vm.index_i64(g)?,
        None => NUM_GENERATIONS as i64 - 1,
    };
    if !(0..NUM_GENERATIONS as i64).contains(&gen) {
        return Err(vm.value_error("invalid generation"));
    }
    Ok(vm.new_int(gc::collect(vm, gen as usize) as i64))
}

fn int_tuple(vm: &Vm, v: [i64; NUM_GENERATIONS]) -> PyRef {
    vm.new_tuple(v.iter().map(|&x| vm.new_int(x)).collect())
}

fn get_count(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_args(vm, &a, "get_count")?;
    vm.run_pending_gc();
    Ok(int_tuple(vm, gc::counts()))
}

fn get_threshold(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_args(vm, &a, "get_threshold")?;
    Ok(int_tuple(vm, gc::thresholds()))
}

/// `gc.set_threshold(threshold0[, threshold1[, threshold2]])`.
fn set_threshold(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("set_threshold() takes no keyword arguments"));
    }
    let n = a.args.len();
    if n == 0 {
        return Err(vm.type_error("set_threshold() takes at least 1 argument (0 given)"));
    }
    if n > NUM_GENERATIONS {
        return Err(vm.type_error(format!("set_threshold() takes at most 3 arguments ({n} given)")));
    }
    let mut t = Vec::with_capacity(n);
    for o in a.args {
        t.push(c_int(vm, o, "signed integer is greater than maximum", "signed integer is less than minimum")?);
    }
    gc::set_thresholds(&t);
    Ok(vm.none())
}

/// `gc.get_stats()`: a dict per generation.
fn get_stats(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_args(vm, &a, "get_stats")?;
    vm.run_pending_gc();
    let mut out = Vec::new();
    for s in gc::stats() {
        let d = vm.new_dict();
        vm.dict_set_str(&d, "collections", vm.new_int(s.collections as i64));
        vm.dict_set_str(&d, "collected", vm.new_int(s.collected as i64));
        vm.dict_set_str(&d, "uncollectable", vm.new_int(s.uncollectable as i64));
        out.push(d);
    }
    Ok(vm.new_list(out))
}

/// `gc.get_objects(generation=None)`.
fn get_objects(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let gen = match optional_arg(vm, &a, "get_objects", "generation")? {
        Some(g) if !vm.is_none(g) => {
            if g.ty().layout != Layout::Int {
                return Err(vm.type_error(format!("argument should be integer or None, not '{}'", g.ty().name())));
            }
            let n = vm.index_i64(g)?;
            if n >= NUM_GENERATIONS as i64 {
                return Err(vm.value_error(format!(
                    "generation parameter must be less than the number of available generations ({NUM_GENERATIONS})"
                )));
            }
            if n < -1 {
                return Err(vm.value_error("generation parameter cannot be negative"));
            }
            (n >= 0).then_some(n as usize)
        }
        _ => None,
    };
    vm.run_pending_gc();
    Ok(vm.new_list(gc::objects(gen)))
}

/// `gc.get_referrers(*objs)`.
fn get_referrers(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("get_referrers() takes no keyword arguments"));
    }
    vm.run_pending_gc();
    Ok(vm.new_list(gc::referrers(a.args)))
}

/// `gc.get_referents(*objs)`: what each argument's traverse visits.
fn get_referents(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("get_referents() takes no keyword arguments"));
    }
    let mut out = Vec::new();
    for o in a.args {
        if o.ty().is_gc() {
            out.extend(gc::referents(o));
        }
    }
    Ok(vm.new_list(out))
}

fn is_tracked(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let o = one_arg(vm, &a, "is_tracked")?;
    vm.run_pending_gc();
    Ok(vm.new_bool(gc::is_tracked(o)))
}

fn is_finalized(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let o = one_arg(vm, &a, "is_finalized")?;
    Ok(vm.new_bool(gc::is_finalized(o)))
}

fn freeze(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_args(vm, &a, "freeze")?;
    vm.run_pending_gc();
    gc::freeze();
    Ok(vm.none())
}

fn unfreeze(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_args(vm, &a, "unfreeze")?;
    gc::unfreeze();
    Ok(vm.none())
}

fn get_freeze_count(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_args(vm, &a, "get_freeze_count")?;
    vm.run_pending_gc();
    Ok(vm.new_int(gc::freeze_count() as i64))
}

fn set_debug(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let o = one_arg(vm, &a, "set_debug")?;
    let f = c_int(vm, o, "Python int too large to convert to C int", "Python int too large to convert to C int")?;
    gc::set_debug_flags(f);
    Ok(vm.none())
}

fn get_debug(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    no_args(vm, &a, "get_debug")?;
    Ok(vm.new_int(gc::debug_flags()))
}
