//! No input may panic or overflow the stack: every failure is a CompileError.

use pyrite_compiler::{compile_str, ErrorKind, Mode};

fn kind_of(src: &str) -> Option<ErrorKind> {
    compile_str(src, "x.py", Mode::Exec).err().map(|e| e.kind)
}

/// Compiles and asserts the compiler did not panic (a panic surfaces as "internal compiler
/// error").
fn no_panic(src: &str, mode: Mode) {
    if let Err(e) = compile_str(src, "x.py", mode) {
        assert_ne!(e.msg, "internal compiler error", "{src:?}");
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let n = 100_000;
    let cases = [
        ("(".repeat(n) + &")".repeat(n), ErrorKind::SyntaxError),
        ("[".repeat(n) + &"]".repeat(n), ErrorKind::SyntaxError),
        ("-".repeat(n) + "1", ErrorKind::RecursionError),
        ("not ".repeat(n) + "x", ErrorKind::RecursionError),
        ("x".to_string() + &"**x".repeat(n), ErrorKind::RecursionError),
        ("lambda:".repeat(n) + "1", ErrorKind::RecursionError),
        ("a".to_string() + &".b".repeat(n), ErrorKind::RecursionError),
        ("1".to_string() + &"+1".repeat(n), ErrorKind::RecursionError),
        ("f".to_string() + &"()".repeat(n), ErrorKind::RecursionError),
        ("1 if 1 else ".repeat(n) + "1", ErrorKind::RecursionError),
    ];
    for (src, kind) in cases {
        assert_eq!(kind_of(&src), Some(kind), "{}...", &src[..20]);
    }
}

#[test]
fn deep_blocks() {
    let mut src = String::new();
    for i in 0..120 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(120));
    src.push_str("pass\n");
    let e = compile_str(&src, "x.py", Mode::Exec).unwrap_err();
    assert_eq!((e.kind, e.msg.as_str()), (ErrorKind::IndentationError, "too many levels of indentation"));
}

#[test]
fn moderate_nesting_compiles() {
    assert!(kind_of(&("(".repeat(200) + "1" + &")".repeat(200))).is_none());
    assert!(kind_of(&("-".repeat(1000) + "1")).is_none());
    assert!(kind_of(&("x = 1\n".repeat(20_000))).is_none());
}

#[test]
fn odd_snippets_never_panic() {
    let snippets = [
        "", "\n", "\\", "(", ")", "'''", "f'{", "f'{x!z}'", "f'{x:{y:{z}}}'", "0x", "1e", "1_",
        "@", "@x\n", "def", "class", "lambda", "lambda: (yield)", "[*a, *b] = c", "*a = b",
        "a, *b, *c = d", "del ()", "del (a, [b])", "x: int", "(x): int = 1", "x.y: int",
        "x[0]: int = 1", "for x in y: break\nelse: continue", "while 1: pass\nelse: break",
        "try:\n pass\nfinally:\n return", "def f():\n try:\n  return 1\n finally:\n  return 2",
        "def f():\n for x in y:\n  try:\n   break\n  finally:\n   continue", "global x\nx = 1",
        "class C:\n nonlocal x", "def f():\n class C:\n  def g(): return __class__",
        "def f():\n x = 1\n class C:\n  x = 2\n  def g(): return x", "__debug__ = 1",
        "print(*a, *b, **c, **d, e=1)", "f(**{})", "x = {**a, **b}", "{1: 2, **a, 3: 4}",
        "\u{feff}x = 1", "x = '\\N{BULLET}'", "x = b'\\xff'", "from . import (a,)",
        "import a.b.c", "def f(a, /, b, *, c): pass", "def f(*, a=1, **k): pass",
        "x = [i for i in range(3) for j in range(i) if j]", "y = (yield)", "async def f(): await x",
        "if 0:\n yield 1", "x = 1 if 2 else 3", "a < b < c < d", "not not not x",
        "assert (x, 'msg')", "raise X from Y", "with a as (b, c): pass", "x = 10**100000",
        "x = 'a' * 10**9", "x = (1,) * 10**9", "x = 1 << 100000", "x = 2 ** -1", "x = 0 ** -1",
        "x = 1 // 0", "x = 0 ** (2 ** 32)", "x = 1 ** 10 ** 20", "x = 'abc'[10]", "x = '%s %s' % (1,)", "x = '%d' % (1,)", "x = '%' % ()",
        "def f():\n yield from ()\n return 1", "e = 1\ntry: pass\nexcept E as e: del e",
        "\tif x:\n        pass", "if x:\n\tpass\n        pass", "x = $", "x = ?", "x = `1`",
        "\0", "x = '\0'", "#!/usr/bin/env python\n# coding: utf-8\nx = 1",
    ];
    for s in snippets {
        no_panic(s, Mode::Exec);
        no_panic(s, Mode::Eval);
        no_panic(s, Mode::Single);
    }
}

#[test]
fn byte_soup_never_panics() {
    // A deterministic pseudo-random mix of Python tokens.
    let tokens = [
        "x", "1", "'s'", "(", ")", "[", "]", "{", "}", ":", ",", "=", "+", "-", "*", "**", "/",
        "not", "and", "or", "if", "else", "for", "in", "lambda", "yield", "def", "class",
        "return", "\n", "    ", "try", "except", "finally", "with", "as", "while", "break",
        "continue", "global", "nonlocal", "del", "import", "from", ".", "@", "f'{x}'", ";",
        "pass", "is", "None", "...", ":=", "->", "async", "await", "raise", "assert",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut src = String::new();
        let len = (state % 24) as usize + 1;
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            src.push_str(tokens[(state % tokens.len() as u64) as usize]);
            src.push(' ');
        }
        no_panic(&src, Mode::Exec);
    }
}
