//! Slots, methods and attributes of `BaseException` and its builtin
//! subclasses, plus `traceback` objects.

use crate::object::{PyObject, PyRef};
use crate::types::dict::DictObj;
use crate::types::function::{cell_get, cell_set};
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{CallFn, FuncArgs, Slots, UnaryFn};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::{PyErr, PyResult};

use super::{alloc_exception, exc_obj, ExceptionObj, TracebackObj};

/// Turn a slot function `fn(&Vm, &PyRef, FuncArgs) -> PyResult` into a
/// method body taking `self` as the first argument.
macro_rules! method_from_slot {
    ($f:path) => {
        |vm: &Vm, a: FuncArgs<'_>| -> PyResult {
            let s = a.positional().first().ok_or_else(|| vm.type_error("descriptor needs an argument"))?;
            $f(vm, s, FuncArgs { args: &a.args[1..], kwnames: a.kwnames })
        }
    };
}

/// Turn a unary slot into a method body.
macro_rules! unary_method {
    ($f:path) => {
        |vm: &Vm, a: FuncArgs<'_>| -> PyResult {
            let s = a.positional().first().ok_or_else(|| vm.type_error("descriptor needs an argument"))?;
            $f(vm, s)
        }
    };
}

/// Every builtin exception class except `BaseException`, in
/// `ExcTypes::TABLE` order (parents first), with its Python name.
pub(crate) fn exception_types(vm: &Vm) -> Vec<(&'static str, &TypeRef)> {
    let e = &vm.exc;
    let types: [&TypeRef; 64] = [
        &e.system_exit, &e.keyboard_interrupt, &e.generator_exit, &e.exception, &e.stop_iteration,
        &e.stop_async_iteration, &e.arithmetic_error, &e.floating_point_error, &e.overflow_error,
        &e.zero_division_error, &e.assertion_error, &e.attribute_error, &e.buffer_error, &e.eof_error,
        &e.import_error, &e.module_not_found_error, &e.lookup_error, &e.index_error, &e.key_error,
        &e.memory_error, &e.name_error, &e.unbound_local_error, &e.os_error, &e.blocking_io_error,
        &e.child_process_error, &e.connection_error, &e.broken_pipe_error, &e.connection_aborted_error,
        &e.connection_refused_error, &e.connection_reset_error, &e.file_exists_error,
        &e.file_not_found_error, &e.interrupted_error, &e.is_a_directory_error, &e.not_a_directory_error,
        &e.permission_error, &e.process_lookup_error, &e.timeout_error, &e.reference_error,
        &e.runtime_error, &e.not_implemented_error, &e.recursion_error, &e.syntax_error,
        &e.indentation_error, &e.tab_error, &e.system_error, &e.type_error, &e.value_error,
        &e.unicode_error, &e.unicode_decode_error, &e.unicode_encode_error, &e.unicode_translate_error,
        &e.warning, &e.deprecation_warning, &e.pending_deprecation_warning, &e.runtime_warning,
        &e.syntax_warning, &e.user_warning, &e.future_warning, &e.import_warning, &e.unicode_warning,
        &e.bytes_warning, &e.resource_warning, &e.encoding_warning,
    ];
    crate::vm::ExcTypes::TABLE.iter().zip(types).map(|((_, name, _), t)| (*name, t)).collect()
}

pub(super) fn init(vm: &Vm) {
    init_base(vm);
    for (name, t) in exception_types(vm) {
        debug_assert_eq!(t.name(), name);
        vm.set_type_slots(t, specific_slots(name));
    }
    init_specific_attrs(vm);
    init_traceback(vm);
}

// ----- BaseException -----

fn init_base(vm: &Vm) {
    let t = &vm.exc.base_exception;
    vm.set_type_slots(
        t,
        Slots {
            new: Some(base_new),
            init: Some(base_init),
            repr: Some(base_repr),
            str: Some(base_str),
            traverse: Some(exc_traverse),
            clear: Some(exc_clear),
            ..Default::default()
        },
    );
    vm.add_staticmethod(t, "__new__", |vm, a| {
        let cls = a.positional().first().cloned().ok_or_else(|| vm.type_error("BaseException.__new__(): not enough arguments"))?;
        base_new(vm, &cls, FuncArgs { args: &a.args[1..], kwnames: a.kwnames })
    });
    vm.add_method(t, "__init__", method_from_slot!(base_init));
    vm.add_method(t, "__repr__", unary_method!(base_repr));
    vm.add_method(t, "__str__", unary_method!(base_str));
    vm.add_method(t, "with_traceback", |vm, a| {
        let (s, tb) = two_args(vm, a, "with_traceback")?;
        set_traceback_checked(vm, s, Some(tb.clone()))?;
        Ok(s.clone())
    });
    vm.add_method(t, "add_note", exc_add_note);
    vm.add_getset(t, "args", |vm, o| Ok(payload(vm, o)?.args()), Some(set_args));
    vm.add_getset(
        t,
        "__traceback__",
        |vm, o| Ok(cell_get(&payload(vm, o)?.traceback).unwrap_or_else(|| vm.none())),
        Some(set_traceback_checked),
    );
    vm.add_getset(t, "__context__", |vm, o| Ok(cell_get(&payload(vm, o)?.context).unwrap_or_else(|| vm.none())), Some(set_context_checked));
    vm.add_getset(t, "__cause__", |vm, o| Ok(cell_get(&payload(vm, o)?.cause).unwrap_or_else(|| vm.none())), Some(set_cause_checked));
    vm.add_getset(
        t,
        "__suppress_context__",
        |vm, o| Ok(vm.new_bool(payload(vm, o)?.suppress_context.get())),
        Some(|vm, o, v| {
            let v = v.ok_or_else(|| vm.type_error("can't delete __suppress_context__ attribute"))?;
            payload(vm, o)?.suppress_context.set(vm.truthy(&v)?);
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__dict__",
        |vm, o| Ok(vm.instance_dict(o).unwrap_or_else(|| vm.none())),
        Some(|vm, o, v| {
            let v = v.filter(|v| v.downcast::<DictObj>().is_some()).ok_or_else(|| vm.type_error("__dict__ must be set to a dictionary"))?;
            cell_set(&payload(vm, o)?.dict, Some(v));
            Ok(())
        }),
    );
}


fn two_args<'a>(vm: &Vm, a: FuncArgs<'a>, name: &str) -> PyResult<(&'a PyRef, &'a PyRef)> {
    match a.positional() {
        [s, x] => Ok((s, x)),
        p => Err(vm.type_error(format!("{}() takes exactly one argument ({} given)", name, p.len().saturating_sub(1)))),
    }
}

/// The payload of an exception (TypeError for other objects, which can
/// reach here through `BaseException.__str__(1)` and the like).
fn payload<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a ExceptionObj> {
    o.downcast::<ExceptionObj>().ok_or_else(|| {
        vm.type_error(format!("descriptor requires a 'BaseException' object but received a '{}'", o.ty().name()))
    })
}

fn base_new(vm: &Vm, cls: &PyRef, a: FuncArgs<'_>) -> PyResult {
    let t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("BaseException.__new__(X): X is not a type object"))?;
    if !t.has_flag(crate::types::typeobj::TypeFlags::EXC_SUBCLASS) {
        return Err(vm.type_error(format!("BaseException.__new__({}): {} is not a subtype of BaseException", t.name(), t.name())));
    }
    Ok(alloc_exception(&t, vm.new_tuple(a.positional().to_vec())))
}

fn no_keywords(vm: &Vm, o: &PyRef, a: &FuncArgs<'_>) -> PyResult<()> {
    if a.kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{}() takes no keyword arguments", o.ty().name())))
    }
}

fn base_init(vm: &Vm, o: &PyRef, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, o, &a)?;
    payload(vm, o)?.set_args(vm.new_tuple(a.positional().to_vec()));
    Ok(vm.none())
}

fn base_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let name = o.ty().name().to_string();
    let items = payload(vm, o)?.arg_items();
    let inner = if items.len() == 1 { vm.repr_string(&items[0])? } else { vm.repr_string(&payload(vm, o)?.args())? };
    Ok(vm.new_string(if items.len() == 1 { format!("{}({})", name, inner) } else { format!("{}{}", name, inner) }))
}

fn base_str(vm: &Vm, o: &PyRef) -> PyResult {
    let items = payload(vm, o)?.arg_items();
    match items.len() {
        0 => Ok(vm.empty_str.clone()),
        1 => vm.str(&items[0]),
        _ => vm.str(&payload(vm, o)?.args()),
    }
}

fn set_args(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.type_error("args may not be deleted"))?;
    let t = if v.downcast::<TupleObj>().is_some() && std::ptr::eq(v.ty(), &*vm.types.tuple) { v } else { vm.new_tuple(vm.collect(&v)?) };
    payload(vm, o)?.set_args(t);
    Ok(())
}

fn set_traceback_checked(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.type_error("__traceback__ may not be deleted"))?;
    let tb = if vm.is_none(&v) {
        None
    } else if v.downcast::<TracebackObj>().is_some() {
        Some(v)
    } else {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    };
    cell_set(&payload(vm, o)?.traceback, tb);
    Ok(())
}

fn exception_or_none(vm: &Vm, v: Option<PyRef>, what: &str) -> PyResult<Option<PyRef>> {
    let v = v.ok_or_else(|| vm.type_error(format!("{} may not be deleted", what)))?;
    if vm.is_none(&v) {
        Ok(None)
    } else if exc_obj(&v).is_some() {
        Ok(Some(v))
    } else {
        Err(vm.type_error(format!("exception {} must be None or derive from BaseException", &what[2..what.len() - 2])))
    }
}

fn set_context_checked(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let v = exception_or_none(vm, v, "__context__")?;
    cell_set(&payload(vm, o)?.context, v);
    Ok(())
}

fn set_cause_checked(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let v = exception_or_none(vm, v, "__cause__")?;
    cell_set(&payload(vm, o)?.cause, v);
    payload(vm, o)?.suppress_context.set(true);
    Ok(())
}

fn exc_add_note(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, note) = two_args(vm, a, "add_note")?;
    if vm.str_of(note).is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", note.ty().name())));
    }
    let notes = match vm.lookup_attr_str(s, "__notes__")? {
        Some(n) => n,
        None => {
            let l = vm.new_list(Vec::new());
            vm.set_attr_str(s, "__notes__", l.clone())?;
            l
        }
    };
    match notes.downcast::<crate::types::list::ListObj>() {
        Some(l) => l.push(note.clone()),
        None => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(vm.none())
}

fn exc_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    let Some(x) = o.downcast::<ExceptionObj>() else { return };
    visit.visit(&x.args());
    for c in [&x.traceback, &x.context, &x.cause, &x.dict] {
        crate::types::iter::cell_visit(c, visit);
    }
}

fn exc_clear(o: &PyObject) {
    let Some(x) = o.downcast::<ExceptionObj>() else { return };
    for c in [&x.traceback, &x.context, &x.cause, &x.dict] {
        cell_set(c, None);
    }
}

// ----- attributes stored in the instance dict -----

/// `o.__dict__[name]` if set.
fn dict_attr(vm: &Vm, o: &PyRef, name: &str) -> Option<PyRef> {
    let d = cell_get(&exc_obj(o)?.dict)?;
    vm.dict_get_str(&d, name)
}

/// Store `o.__dict__[name] = v` (`None` when deleting).
pub(super) fn set_dict_attr(vm: &Vm, o: &PyRef, name: &str, v: Option<PyRef>) -> PyResult<()> {
    let d = vm.instance_dict(o).ok_or_else(|| vm.attribute_error("exception has no __dict__"))?;
    vm.dict_set_str(&d, name, v.unwrap_or_else(|| vm.none()));
    Ok(())
}

/// An attribute read from the instance dict, else computed from `args`.
pub(super) fn exc_attr(vm: &Vm, o: &PyRef, name: &str, default: fn(&Vm, &[PyRef]) -> PyRef) -> PyRef {
    if let Some(v) = dict_attr(vm, o, name) {
        return v;
    }
    let items = exc_obj(o).map(ExceptionObj::arg_items).unwrap_or_default();
    default(vm, &items)
}

/// Register `name` on `ty` as an attribute kept in the instance dict whose
/// value defaults to `$default(vm, args)`.
macro_rules! lazy_attr {
    ($vm:expr, $ty:expr, $name:literal, $default:expr) => {
        $vm.add_getset(
            $ty,
            $name,
            |vm, o| {
                let f: fn(&Vm, &[PyRef]) -> PyRef = $default;
                Ok(exc_attr(vm, o, $name, f))
            },
            Some(|vm, o, v| set_dict_attr(vm, o, $name, v)),
        )
    };
}

fn nth(vm: &Vm, items: &[PyRef], i: usize) -> PyRef {
    items.get(i).cloned().unwrap_or_else(|| vm.none())
}

/// Item `i` of the details tuple of a `SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
fn syntax_detail(vm: &Vm, items: &[PyRef], i: usize) -> PyRef {
    if items.len() == 2 {
        if let Some(t) = items[1].downcast::<TupleObj>() {
            return nth(vm, t.items(), i);
        }
    }
    vm.none()
}

/// The `OSError(errno, strerror[, filename[, winerror[, filename2]]])` form.
fn os_arg(vm: &Vm, items: &[PyRef], i: usize) -> PyRef {
    if (2..=5).contains(&items.len()) {
        nth(vm, items, i)
    } else {
        vm.none()
    }
}

fn init_specific_attrs(vm: &Vm) {
    let e = &vm.exc;
    lazy_attr!(vm, &e.stop_iteration, "value", |vm, a| nth(vm, a, 0));
    lazy_attr!(vm, &e.system_exit, "code", |vm, a| match a.len() {
        0 => vm.none(),
        1 => a[0].clone(),
        _ => vm.new_tuple(a.to_vec()),
    });
    lazy_attr!(vm, &e.import_error, "msg", |vm, a| if a.len() == 1 { a[0].clone() } else { vm.none() });
    lazy_attr!(vm, &e.import_error, "name", |vm, _| vm.none());
    lazy_attr!(vm, &e.import_error, "path", |vm, _| vm.none());
    for t in [&e.attribute_error, &e.name_error] {
        lazy_attr!(vm, t, "name", |vm, _| vm.none());
    }
    lazy_attr!(vm, &e.attribute_error, "obj", |vm, _| vm.none());
    lazy_attr!(vm, &e.os_error, "errno", |vm, a| os_arg(vm, a, 0));
    lazy_attr!(vm, &e.os_error, "strerror", |vm, a| os_arg(vm, a, 1));
    lazy_attr!(vm, &e.os_error, "filename", |vm, a| if a.len() >= 3 { os_arg(vm, a, 2) } else { vm.none() });
    lazy_attr!(vm, &e.os_error, "filename2", |vm, a| if a.len() == 5 { os_arg(vm, a, 4) } else { vm.none() });
    let s = &e.syntax_error;
    lazy_attr!(vm, s, "msg", |vm, a| nth(vm, a, 0));
    lazy_attr!(vm, s, "filename", |vm, a| syntax_detail(vm, a, 0));
    lazy_attr!(vm, s, "lineno", |vm, a| syntax_detail(vm, a, 1));
    lazy_attr!(vm, s, "offset", |vm, a| syntax_detail(vm, a, 2));
    lazy_attr!(vm, s, "text", |vm, a| syntax_detail(vm, a, 3));
    lazy_attr!(vm, s, "end_lineno", |vm, a| syntax_detail(vm, a, 4));
    lazy_attr!(vm, s, "end_offset", |vm, a| syntax_detail(vm, a, 5));
    lazy_attr!(vm, s, "print_file_and_line", |vm, _| vm.none());
    let u = &e.unicode_error;
    lazy_attr!(vm, u, "encoding", |vm, a| nth(vm, a, 0));
    lazy_attr!(vm, u, "object", |vm, a| nth(vm, a, 1));
    lazy_attr!(vm, u, "start", |vm, a| nth(vm, a, 2));
    lazy_attr!(vm, u, "end", |vm, a| nth(vm, a, 3));
    lazy_attr!(vm, u, "reason", |vm, a| nth(vm, a, 4));
    for (t, f) in [
        (&e.key_error, unary_method!(key_error_str) as crate::types::typeobj::NativeFn),
        (&e.os_error, unary_method!(os_error_str)),
        (&e.syntax_error, unary_method!(syntax_error_str)),
        (&e.import_error, unary_method!(import_error_str)),
        (&e.unicode_decode_error, unary_method!(unicode_decode_str)),
        (&e.unicode_encode_error, unary_method!(unicode_encode_str)),
    ] {
        vm.add_method(t, "__str__", f);
    }
    for (t, f) in [
        (&e.import_error, method_from_slot!(import_error_init) as crate::types::typeobj::NativeFn),
        (&e.attribute_error, method_from_slot!(name_error_init)),
        (&e.name_error, method_from_slot!(name_error_init)),
        (&e.os_error, method_from_slot!(os_error_init)),
    ] {
        vm.add_method(t, "__init__", f);
    }
}

/// The slots a builtin exception class overrides (the rest is inherited).
fn specific_slots(name: &str) -> Slots {
    let (new, init, str): (Option<CallFn>, Option<CallFn>, Option<UnaryFn>) = match name {
        "KeyError" => (None, None, Some(key_error_str)),
        "OSError" => (Some(os_error_new), Some(os_error_init), Some(os_error_str)),
        "SyntaxError" => (None, None, Some(syntax_error_str)),
        "ImportError" => (None, Some(import_error_init), Some(import_error_str)),
        "AttributeError" | "NameError" => (None, Some(name_error_init), None),
        "UnicodeDecodeError" => (None, None, Some(unicode_decode_str)),
        "UnicodeEncodeError" => (None, None, Some(unicode_encode_str)),
        _ => (None, None, None),
    };
    Slots { new, init, str, ..Default::default() }
}

fn key_error_str(vm: &Vm, o: &PyRef) -> PyResult {
    let items = payload(vm, o)?.arg_items();
    if items.len() == 1 {
        vm.repr(&items[0])
    } else {
        base_str(vm, o)
    }
}

/// Keyword arguments accepted by an `__init__` (`name=`, `path=` ...):
/// stored in the instance dict; others raise TypeError.
fn init_keywords(vm: &Vm, o: &PyRef, a: &FuncArgs<'_>, allowed: &[&str]) -> PyResult<()> {
    for (k, v) in a.keywords() {
        let k = vm.str_of(k).unwrap_or("?");
        if !allowed.contains(&k) {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", k, o.ty().name())));
        }
        set_dict_attr(vm, o, k, Some(v.clone()))?;
    }
    Ok(())
}

fn import_error_init(vm: &Vm, o: &PyRef, a: FuncArgs<'_>) -> PyResult {
    init_keywords(vm, o, &a, &["name", "path"])?;
    payload(vm, o)?.set_args(vm.new_tuple(a.positional().to_vec()));
    Ok(vm.none())
}

fn import_error_str(vm: &Vm, o: &PyRef) -> PyResult {
    let msg = exc_attr(vm, o, "msg", |vm, a| if a.len() == 1 { a[0].clone() } else { vm.none() });
    if vm.is_none(&msg) {
        base_str(vm, o)
    } else {
        vm.str(&msg)
    }
}

fn name_error_init(vm: &Vm, o: &PyRef, a: FuncArgs<'_>) -> PyResult {
    let allowed: &[&str] = if vm.is_instance(o, &vm.exc.attribute_error) { &["name", "obj"] } else { &["name"] };
    init_keywords(vm, o, &a, allowed)?;
    payload(vm, o)?.set_args(vm.new_tuple(a.positional().to_vec()));
    Ok(vm.none())
}

/// The `OSError` subclass CPython picks for an errno (Linux values).
fn errno_subclass(vm: &Vm, errno: i64) -> Option<&TypeRef> {
    let e = &vm.exc;
    Some(match errno {
        11 | 114 | 115 => &e.blocking_io_error,
        10 => &e.child_process_error,
        32 | 108 => &e.broken_pipe_error,
        103 => &e.connection_aborted_error,
        111 => &e.connection_refused_error,
        104 => &e.connection_reset_error,
        17 => &e.file_exists_error,
        2 => &e.file_not_found_error,
        21 => &e.is_a_directory_error,
        20 => &e.not_a_directory_error,
        4 => &e.interrupted_error,
        1 | 13 => &e.permission_error,
        3 => &e.process_lookup_error,
        110 => &e.timeout_error,
        _ => return None,
    })
}

fn os_error_new(vm: &Vm, cls: &PyRef, a: FuncArgs<'_>) -> PyResult {
    let pos = a.positional();
    let mut t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("OSError.__new__(X): X is not a type object"))?;
    let std_form = (2..=5).contains(&pos.len());
    if std_form && cls.is(vm.exc.os_error.as_ref()) {
        if let Some(sub) = vm.small_int_of(&pos[0]).and_then(|n| errno_subclass(vm, n)) {
            t = sub.clone();
        }
    }
    let args = if std_form && pos.len() >= 3 { vec![pos[0].clone(), pos[1].clone()] } else { pos.to_vec() };
    let e = alloc_exception(&t, vm.new_tuple(args));
    if std_form {
        set_dict_attr(vm, &e, "errno", Some(pos[0].clone()))?;
        set_dict_attr(vm, &e, "strerror", Some(pos[1].clone()))?;
        set_dict_attr(vm, &e, "filename", pos.get(2).cloned())?;
        set_dict_attr(vm, &e, "filename2", pos.get(4).cloned())?;
    }
    Ok(e)
}

/// `OSError.__init__`: the arguments were consumed by `__new__`.
fn os_error_init(vm: &Vm, o: &PyRef, a: FuncArgs<'_>) -> PyResult {
    no_keywords(vm, o, &a)?;
    Ok(vm.none())
}

fn os_error_str(vm: &Vm, o: &PyRef) -> PyResult {
    let get = |n: &str| dict_attr(vm, o, n).filter(|v| !vm.is_none(v));
    let items = payload(vm, o)?.arg_items();
    let errno = get("errno").or_else(|| Some(os_arg(vm, &items, 0)).filter(|v| !vm.is_none(v)));
    let strerror = get("strerror").or_else(|| Some(os_arg(vm, &items, 1)).filter(|v| !vm.is_none(v)));
    let (Some(errno), Some(strerror)) = (errno, strerror) else { return base_str(vm, o) };
    let head = format!("[Errno {}] {}", vm.str_string(&errno)?, vm.str_string(&strerror)?);
    Ok(vm.new_string(match (get("filename"), get("filename2")) {
        (Some(f), Some(f2)) => format!("{}: {} -> {}", head, vm.repr_string(&f)?, vm.repr_string(&f2)?),
        (Some(f), None) => format!("{}: {}", head, vm.repr_string(&f)?),
        _ => head,
    }))
}

fn syntax_error_str(vm: &Vm, o: &PyRef) -> PyResult {
    let msg = exc_attr(vm, o, "msg", |vm, a| nth(vm, a, 0));
    let msg = vm.str_string(&msg)?;
    let filename = exc_attr(vm, o, "filename", |vm, a| syntax_detail(vm, a, 0));
    let lineno = vm.small_int_of(&exc_attr(vm, o, "lineno", |vm, a| syntax_detail(vm, a, 1)));
    let file = vm.str_of(&filename).map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
    Ok(vm.new_string(match (file, lineno) {
        (Some(f), Some(l)) => format!("{} ({}, line {})", msg, f, l),
        (Some(f), None) => format!("{} ({})", msg, f),
        (None, Some(l)) => format!("{} (line {})", msg, l),
        (None, None) => msg,
    }))
}

/// The five `UnicodeError` arguments when well-formed: (encoding, object, start, end, reason).
fn unicode_parts(vm: &Vm, o: &PyRef) -> Option<(String, PyRef, i64, i64, String)> {
    let a = payload(vm, o).ok()?.arg_items();
    if a.len() != 5 {
        return None;
    }
    Some((
        vm.str_of(&a[0])?.to_string(),
        a[1].clone(),
        vm.small_int_of(&a[2])?,
        vm.small_int_of(&a[3])?,
        vm.str_of(&a[4])?.to_string(),
    ))
}

fn unicode_decode_str(vm: &Vm, o: &PyRef) -> PyResult {
    let Some((enc, obj, start, end, reason)) = unicode_parts(vm, o) else { return base_str(vm, o) };
    let bytes = obj.downcast::<crate::types::bytes::BytesObj>().map(|b| b.value.to_vec()).unwrap_or_default();
    Ok(vm.new_string(match usize::try_from(start).ok().and_then(|s| bytes.get(s)) {
        Some(b) if end == start + 1 => {
            format!("'{}' codec can't decode byte 0x{:02x} in position {}: {}", enc, b, start, reason)
        }
        _ => format!("'{}' codec can't decode bytes in position {}-{}: {}", enc, start, end - 1, reason),
    }))
}

fn unicode_encode_str(vm: &Vm, o: &PyRef) -> PyResult {
    let Some((enc, obj, start, end, reason)) = unicode_parts(vm, o) else { return base_str(vm, o) };
    let ch = vm.str_of(&obj).and_then(|s| usize::try_from(start).ok().and_then(|i| s.chars().nth(i)));
    Ok(vm.new_string(match ch {
        Some(c) if end == start + 1 => {
            let code = c as u32;
            let esc = if code <= 0xff {
                format!("\\x{:02x}", code)
            } else if code <= 0xffff {
                format!("\\u{:04x}", code)
            } else {
                format!("\\U{:08x}", code)
            };
            format!("'{}' codec can't encode character '{}' in position {}: {}", enc, esc, start, reason)
        }
        _ => format!("'{}' codec can't encode characters in position {}-{}: {}", enc, start, end - 1, reason),
    }))
}

/// An `OSError` (or the errno's subclass) for a failed system call, with
/// CPython's `strerror` text: `[Errno 2] No such file or directory: 'x'`.
pub fn os_error_from_io(vm: &Vm, err: &std::io::Error, filename: Option<&PyRef>) -> PyErr {
    let Some(code) = err.raw_os_error() else {
        return vm.new_exception_msg(&vm.exc.os_error, &err.to_string());
    };
    let text = std::io::Error::from_raw_os_error(code).to_string();
    let strerror = match text.rfind(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let mut args = vec![vm.new_int(code as i64), vm.new_string(strerror)];
    args.extend(filename.cloned());
    match os_error_new(vm, vm.exc.os_error.as_ref(), FuncArgs::pos(&args)) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

// ----- traceback objects -----

fn tb<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a TracebackObj> {
    o.downcast::<TracebackObj>().ok_or_else(|| vm.type_error(format!("descriptor requires a 'traceback' object but received a '{}'", o.ty().name())))
}

fn init_traceback(vm: &Vm) {
    let t = &vm.types.traceback;
    vm.set_type_slots(
        t,
        Slots {
            traverse: Some(|o, visit| {
                let Some(x) = o.downcast::<TracebackObj>() else { return };
                visit.visit(&x.code);
                crate::types::iter::cell_visit(&x.next, visit);
                // SAFETY: the visitor runs no Python code and does not touch the locals.
                unsafe { &*x.frame_locals.get() }.iter().flatten().for_each(|v| visit.visit(v));
            }),
            clear: Some(|o| {
                let Some(x) = o.downcast::<TracebackObj>() else { return };
                cell_set(&x.next, None);
                // SAFETY: short borrow; the locals are dropped after it ends.
                let locals = unsafe { std::mem::take(&mut *x.frame_locals.get()) };
                drop(locals);
            }),
            ..Default::default()
        },
    );
    vm.add_getset(t, "tb_next", |vm, o| Ok(cell_get(&tb(vm, o)?.next).unwrap_or_else(|| vm.none())), None);
    vm.add_getset(t, "tb_lineno", |vm, o| Ok(vm.new_int(tb(vm, o)?.lineno as i64)), None);
    vm.add_getset(t, "tb_lasti", |vm, o| Ok(vm.new_int(tb(vm, o)?.lasti as i64 * 2)), None);
    vm.add_getset(t, "tb_frame", |vm, o| {
        // A stand-in for the frame (frames are not objects yet): its code and line.
        let x = tb(vm, o)?;
        crate::modules::sys::new_namespace(vm, "frame", &[
            ("f_code", x.code.clone()),
            ("f_lineno", vm.new_int(x.lineno as i64)),
            ("f_lasti", vm.new_int(x.lasti as i64 * 2)),
        ])
    }, None);
}
