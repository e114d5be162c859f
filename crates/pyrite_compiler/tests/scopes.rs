//! Name resolution as seen in the code objects: localsplus layout, cells, frees, flags.

use pyrite_compiler::bytecode::{CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL};
use pyrite_compiler::{compile_str, CodeFlags, CodeObject, Constant, Mode};

fn code(src: &str) -> CodeObject {
    compile_str(src, "x.py", Mode::Exec).expect("compiles")
}

/// The nested code object called `name` (depth-first).
fn find<'a>(c: &'a CodeObject, name: &str) -> Option<&'a CodeObject> {
    if c.name == name {
        return Some(c);
    }
    c.consts.iter().find_map(|k| match k {
        Constant::Code(inner) => find(inner, name),
        _ => None,
    })
}

fn layout(c: &CodeObject) -> Vec<(String, u8)> {
    c.localsplusnames.iter().cloned().zip(c.localspluskinds.iter().copied()).collect()
}

#[test]
fn argument_cell_and_free_layout() {
    let m = code("def f(a, b):\n    c = 1\n    def g():\n        return a + c\n    return g\n");
    let f = find(&m, "f").unwrap();
    assert_eq!(
        layout(f),
        vec![
            ("a".into(), CO_FAST_LOCAL | CO_FAST_CELL),
            ("b".into(), CO_FAST_LOCAL),
            ("g".into(), CO_FAST_LOCAL),
            ("c".into(), CO_FAST_CELL),
        ]
    );
    assert_eq!((f.nlocals, f.ncellvars, f.nfreevars), (3, 2, 0));
    let g = find(&m, "g").unwrap();
    assert_eq!(layout(g), vec![("a".into(), CO_FAST_FREE), ("c".into(), CO_FAST_FREE)]);
    assert!(g.flags.contains(CodeFlags::NESTED | CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS));
    assert_eq!(g.qualname, "f.<locals>.g");
}

#[test]
fn class_cell_for_super() {
    let m = code("class C:\n    def m(self):\n        return super().m()\n");
    let c = find(&m, "C").unwrap();
    assert_eq!(layout(c), vec![("__class__".into(), CO_FAST_CELL)]);
    let meth = find(&m, "m").unwrap();
    assert_eq!(layout(meth), vec![("self".into(), CO_FAST_LOCAL), ("__class__".into(), CO_FAST_FREE)]);
    assert_eq!(meth.qualname, "C.m");
}

#[test]
fn class_body_sees_enclosing_function_variable() {
    let m = code("def f():\n    x = 1\n    class K:\n        y = x\n    return K\n");
    let k = find(&m, "K").unwrap();
    assert_eq!(layout(k), vec![("x".into(), CO_FAST_FREE)]);
    assert!(k.instructions.iter().any(|i| i.op == pyrite_compiler::Opcode::LOAD_CLASSDEREF));
}

#[test]
fn generator_and_comprehension_flags() {
    let m = code("def g():\n    yield 1\nl = [x for x in y]\ne = (x for x in y)\n");
    assert!(find(&m, "g").unwrap().flags.contains(CodeFlags::GENERATOR));
    let lc = find(&m, "<listcomp>").unwrap();
    assert!(!lc.flags.contains(CodeFlags::GENERATOR));
    assert_eq!((lc.argcount, lc.localsplusnames[0].as_str()), (1, ".0"));
    assert!(find(&m, "<genexpr>").unwrap().flags.contains(CodeFlags::GENERATOR));
}

#[test]
fn argument_counts_and_var_flags() {
    let m = code("def f(a, /, b, *args, c, d=1, **kw): pass\n");
    let f = find(&m, "f").unwrap();
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (2, 1, 2));
    assert!(f.flags.contains(CodeFlags::VARARGS | CodeFlags::VARKEYWORDS));
    assert_eq!(&f.localsplusnames[..6], ["a", "b", "c", "d", "args", "kw"]);
}

#[test]
fn private_names_are_mangled() {
    let m = code("class C:\n    __x = 1\n    def f(self):\n        return self.__y\n");
    let c = find(&m, "C").unwrap();
    assert!(c.names.contains(&"_C__x".to_string()));
    let f = find(&m, "f").unwrap();
    assert!(f.names.contains(&"_C__y".to_string()));
}
