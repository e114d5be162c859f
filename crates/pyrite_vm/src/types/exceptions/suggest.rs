//! "Did you mean: 'x'?" suggestions for `NameError` and `AttributeError`
//! (CPython 3.11 adds them when printing the traceback): the closest
//! candidate name by a case-aware Levenshtein distance.

use crate::object::PyRef;
use crate::types::code::CodeObj;
use crate::types::function::cell_get;
use crate::vm::Vm;

use super::{exc_obj, exc_traceback, TracebackObj};

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// The suffix `. Did you mean: 'x'?` for the final traceback line, if any.
pub(super) fn suggestion(vm: &Vm, exc: &PyRef) -> Option<String> {
    let best = if vm.is_instance(exc, &vm.exc.name_error) {
        name_error_suggestion(vm, exc)
    } else if vm.is_instance(exc, &vm.exc.attribute_error) {
        attribute_error_suggestion(vm, exc)
    } else {
        None
    }?;
    Some(format!(". Did you mean: '{}'?", best))
}

fn dict_attr(vm: &Vm, exc: &PyRef, name: &str) -> Option<PyRef> {
    let d = cell_get(&exc_obj(exc)?.dict)?;
    vm.dict_get_str(&d, name).filter(|v| !vm.is_none(v))
}

fn attribute_error_suggestion(vm: &Vm, exc: &PyRef) -> Option<String> {
    let name = dict_attr(vm, exc, "name")?;
    let obj = dict_attr(vm, exc, "obj")?;
    let names = crate::builtins::object_dir(vm, &obj).ok()?;
    best_match(vm, vm.str_of(&name)?, &names)
}

fn name_error_suggestion(vm: &Vm, exc: &PyRef) -> Option<String> {
    let name = match dict_attr(vm, exc, "name") {
        Some(n) => vm.str_of(&n)?.to_string(),
        None => {
            let msg = vm.str_string(exc).ok()?;
            let rest = msg.strip_prefix("name '")?;
            rest[..rest.find('\'')?].to_string()
        }
    };
    let code = innermost_code(exc)?;
    let c = code.downcast::<CodeObj>()?;
    if let Some(s) = best_match(vm, &name, &c.localsplusnames) {
        return Some(s);
    }
    let filename = vm.str_of(&c.filename)?.to_string();
    if let Some(g) = module_globals(vm, &filename) {
        if let Some(s) = best_match(vm, &name, &vm.collect(&g).ok()?) {
            return Some(s);
        }
    }
    best_match(vm, &name, &vm.collect(&vm.builtins).ok()?)
}

/// The code object of the frame the exception was raised in.
fn innermost_code(exc: &PyRef) -> Option<PyRef> {
    let mut tb = exc_traceback(exc)?;
    loop {
        let t = tb.downcast::<TracebackObj>()?;
        match cell_get(&t.next) {
            Some(n) => tb = n,
            None => return Some(t.code.clone()),
        }
    }
}

/// The globals of the module whose `__file__` is `filename` (else `__main__`'s).
fn module_globals(vm: &Vm, filename: &str) -> Option<PyRef> {
    let mods = vm.modules.downcast::<crate::types::dict::DictObj>()?;
    let mut main = None;
    for (k, m) in mods.items() {
        let Some(mo) = m.downcast::<crate::types::module::ModuleObj>() else { continue };
        if vm.dict_get_str(&mo.dict, "__file__").is_some_and(|f| vm.str_of(&f) == Some(filename)) {
            return Some(mo.dict.clone());
        }
        if vm.str_of(&k) == Some("__main__") {
            main = Some(mo.dict.clone());
        }
    }
    main
}

/// The candidate closest to `name`, if close enough.
fn best_match(vm: &Vm, name: &str, candidates: &[PyRef]) -> Option<String> {
    if candidates.len() > MAX_CANDIDATE_ITEMS || name.len() > MAX_STRING_SIZE {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for c in candidates {
        let Some(item) = vm.str_of(c) else { continue };
        if item == name {
            continue;
        }
        let mut max = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), item.as_bytes(), max);
        if d <= max && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.to_string())
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Levenshtein distance with insertions/deletions costing `MOVE_COST` and
/// case-only substitutions `CASE_COST`; anything above `max` returns `max + 1`.
fn distance(a: &[u8], b: &[u8], max: usize) -> usize {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len().abs_diff(b.len()) * MOVE_COST > max {
        return max + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    for (bi, &bc) in b.iter().enumerate() {
        let mut diag = bi * MOVE_COST;
        let mut left = (bi + 1) * MOVE_COST;
        let mut min_in_row = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let up = row[ai];
            let v = (diag + substitution_cost(ac, bc)).min(up.min(left) + MOVE_COST);
            diag = up;
            row[ai] = v;
            left = v;
            min_in_row = min_in_row.min(v);
        }
        if min_in_row > max {
            return max + 1;
        }
    }
    row[a.len() - 1]
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn distances() {
        assert_eq!(distance(b"verbos", b"verbose", 100), 2);
        assert_eq!(distance(b"countr", b"counter", 100), 2);
        assert_eq!(distance(b"abc", b"ABC", 100), 3);
        assert_eq!(distance(b"abc", b"xyz", 100), 6);
    }
}
