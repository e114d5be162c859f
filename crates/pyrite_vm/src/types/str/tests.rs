//! Unit tests of `str`, %-formatting and `str.format`.

use crate::types::typeobj::FuncArgs;
use crate::vm::Vm;

use super::repr_str;

/// A fresh interpreter with the text types initialised (in case the
/// bootstrap does not call these modules' `init` yet).
pub(crate) fn vm() -> crate::vm::VmBox {
    let vm = crate::types::iter::testutil::vm();
    if vm.dict_get_str(vm.types.str.dict(), "join").is_none() {
        super::init(&vm);
        crate::types::bytes::init(&vm);
    }
    vm
}

#[test]
fn repr_quotes_and_escapes() {
    assert_eq!(repr_str("abc"), "'abc'");
    assert_eq!(repr_str("a'b"), "\"a'b\"");
    assert_eq!(repr_str("a'b\""), "'a\\'b\"'");
    assert_eq!(repr_str("\n\t\\\x00\x7f"), "'\\n\\t\\\\\\x00\\x7f'");
    assert_eq!(repr_str("é\u{a0}\u{200b}😀\u{e000}"), "'é\\xa0\\u200b😀\\ue000'");
}

fn eval_method(vm: &Vm, recv: &str, name: &str, args: &[crate::object::PyRef]) -> String {
    let s = vm.new_str(recv);
    let mut all = vec![s.clone()];
    all.extend(args.iter().cloned());
    let f = vm.get_attr_str(&s, name).and_then(|m| vm.call(&m, FuncArgs::pos(args)));
    match f {
        Ok(r) => vm.repr_string(&r).unwrap_or_default(),
        Err(e) => format!("{}: {}", e.0.ty().name(), vm.str_string(&e.0).unwrap_or_default()),
    }
}

#[test]
fn percent_and_format() {
    let vm = vm();
    let pct = |fmt: &str, args: crate::object::PyRef| match super::percent_format(&vm, fmt, &args) {
        Ok(s) => s,
        Err(e) => format!("{}: {}", e.0.ty().name(), vm.str_string(&e.0).unwrap_or_default()),
    };
    let t = |v: Vec<crate::object::PyRef>| vm.new_tuple(v);
    assert_eq!(pct("%5.2f|%-6d|%06.1f|%+d|% d", t(vec![vm.new_float(1.23456), vm.new_int(42), vm.new_float(2.5), vm.new_int(5), vm.new_int(5)])), " 1.23|42    |0002.5|+5| 5");
    assert_eq!(pct("%x %o %X", t(vec![vm.new_int(255), vm.new_int(8), vm.new_int(255)])), "ff 10 FF");
    assert_eq!(pct("%#x %#o", t(vec![vm.new_int(255), vm.new_int(8)])), "0xff 0o10");
    assert_eq!(pct("%.3d|%08.3d", t(vec![vm.new_int(5), vm.new_int(-5)])), "005|-0000005");
    assert_eq!(pct("%s %s", vm.new_int(1)), "TypeError: not enough arguments for format string");
    assert_eq!(pct("%s", t(vec![vm.new_int(1), vm.new_int(2)])), "TypeError: not all arguments converted during string formatting");
    assert_eq!(pct("%z", vm.new_int(1)), "ValueError: unsupported format character 'z' (0x7a) at index 1");
    assert_eq!(pct("%", t(vec![])), "ValueError: incomplete format");
    assert_eq!(pct("%e %g %G %E", t(vec![vm.new_float(12345.678), vm.new_float(1e-5), vm.new_float(1e20), vm.new_float(0.5)])), "1.234568e+04 1e-05 1E+20 5.000000E-01");
    assert_eq!(pct("%.3s|%5s|%-5s|", t(vec![vm.new_str("abcdef"), vm.new_str("ab"), vm.new_str("ab")])), "abc|   ab|ab   |");
}

#[test]
fn methods_against_cpython() {
    let vm = vm();
    let st = |s: &str| vm.new_str(s);
    assert_eq!(eval_method(&vm, "a,b,,c", "split", &[st(",")]), "['a', 'b', '', 'c']");
    assert_eq!(eval_method(&vm, "  a b  c ", "split", &[]), "['a', 'b', 'c']");
    assert_eq!(eval_method(&vm, "a b c", "rsplit", &[vm.none(), vm.new_int(1)]), "['a b', 'c']");
    assert_eq!(eval_method(&vm, "héllo", "find", &[st("l")]), "2");
    assert_eq!(eval_method(&vm, "abc", "find", &[st(""), vm.new_int(4)]), "-1");
    assert_eq!(eval_method(&vm, "a", "index", &[st("b")]), "ValueError: substring not found");
    assert_eq!(eval_method(&vm, "a", "split", &[st("")]), "ValueError: empty separator");
    assert_eq!(eval_method(&vm, "ab", "center", &[vm.new_int(5)]), "'  ab '");
    assert_eq!(eval_method(&vm, "abc", "center", &[vm.new_int(6), st("xy")]), "TypeError: The fill character must be exactly one character long");
    assert_eq!(eval_method(&vm, "-42", "zfill", &[vm.new_int(5)]), "'-0042'");
    assert_eq!(eval_method(&vm, "hello world", "title", &[]), "'Hello World'");
    assert_eq!(eval_method(&vm, "ß", "casefold", &[]), "'ss'");
    assert_eq!(eval_method(&vm, "a\r\nb\rc", "splitlines", &[]), "['a', 'b', 'c']");
    assert_eq!(eval_method(&vm, "abcabc", "replace", &[st(""), st("-")]), "'-a-b-c-a-b-c-'");
    assert_eq!(eval_method(&vm, "{0[1]}{x}", "format", &[vm.new_list(vec![st("p"), st("q")])]), "KeyError: 'x'");
}
