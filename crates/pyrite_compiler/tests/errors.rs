//! Compile errors: kind, message and position must match CPython 3.11's `compile()`.
//! (CPython's `end_offset` of -1/None is reported as 0 / the start offset.)

use pyrite_compiler::{compile_str, ErrorKind, Mode};

/// (source, kind, message, lineno, offset, end_lineno, end_offset) — expected values taken
/// from `python3 -c 'compile(src, "x.py", "exec")'`.
const CASES: &[(&str, ErrorKind, &str, usize, usize, usize, usize)] = &[
    ("__debug__ = 1\n", ErrorKind::SyntaxError, "cannot assign to __debug__", 1, 1, 1, 10),
    ("del __debug__\n", ErrorKind::SyntaxError, "cannot delete __debug__", 1, 5, 1, 14),
    ("if x\n  pass\n", ErrorKind::SyntaxError, "expected ':'", 1, 5, 1, 5),
    ("f(1, 2\n", ErrorKind::SyntaxError, "'(' was never closed", 1, 2, 1, 0),
    ("x = (1,\ny = 2\n", ErrorKind::SyntaxError, "'(' was never closed", 1, 5, 1, 0),
    ("x = = 1\n", ErrorKind::SyntaxError, "invalid syntax", 1, 5, 1, 6),
    ("if x:\n    a\n  b\n", ErrorKind::IndentationError, "unindent does not match any outer indentation level", 3, 4, 3, 0),
    ("if x:\npass\n", ErrorKind::IndentationError, "expected an indented block after 'if' statement on line 1", 2, 1, 2, 5),
    ("  x = 1\n", ErrorKind::IndentationError, "unexpected indent", 1, 2, 1, 0),
    ("x = 1 € 2\n", ErrorKind::SyntaxError, "invalid character '€' (U+20AC)", 1, 7, 1, 7),
    ("x = 'abc\n", ErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5),
    ("x = \"\"\"abc\n", ErrorKind::SyntaxError, "unterminated triple-quoted string literal (detected at line 1)", 1, 5, 1, 5),
    ("1 = x\n", ErrorKind::SyntaxError, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 2),
    ("f() = 1\n", ErrorKind::SyntaxError, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4),
    ("for 1 in x: pass\n", ErrorKind::SyntaxError, "cannot assign to literal", 1, 5, 1, 6),
    ("a + 1 = 2\n", ErrorKind::SyntaxError, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 1, 6),
    ("x = )\n", ErrorKind::SyntaxError, "unmatched ')'", 1, 5, 1, 5),
    ("x = (]\n", ErrorKind::SyntaxError, "closing parenthesis ']' does not match opening parenthesis '('", 1, 6, 1, 6),
    ("del 1\n", ErrorKind::SyntaxError, "cannot delete literal", 1, 5, 1, 6),
    ("def f(:\n", ErrorKind::SyntaxError, "invalid syntax", 1, 7, 1, 8),
    ("x = 1 +\n", ErrorKind::SyntaxError, "invalid syntax", 1, 8, 1, 8),
    ("class C\n  pass\n", ErrorKind::SyntaxError, "expected ':'", 1, 8, 1, 8),
    ("while x\n  pass\n", ErrorKind::SyntaxError, "expected ':'", 1, 8, 1, 8),
    ("def f()\n  pass\n", ErrorKind::SyntaxError, "expected ':'", 1, 8, 1, 8),
    ("(a, 1) = x\n", ErrorKind::SyntaxError, "cannot assign to literal", 1, 5, 1, 6),
    ("f(a for a in b, c)\n", ErrorKind::SyntaxError, "Generator expression must be parenthesized", 1, 3, 1, 15),
    ("x = 0777\n", ErrorKind::SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 6),
    ("a b\n", ErrorKind::SyntaxError, "invalid syntax", 1, 3, 1, 4),
    ("import\n", ErrorKind::SyntaxError, "invalid syntax", 1, 7, 1, 7),
    ("else: pass\n", ErrorKind::SyntaxError, "invalid syntax", 1, 1, 1, 5),
    ("x = [1, 2\n", ErrorKind::SyntaxError, "'[' was never closed", 1, 5, 1, 0),
    ("return 1\n", ErrorKind::SyntaxError, "'return' outside function", 1, 1, 1, 9),
    ("def f():\n  nonlocal x\n", ErrorKind::SyntaxError, "no binding for nonlocal 'x' found", 2, 3, 2, 13),
    ("nonlocal x\n", ErrorKind::SyntaxError, "nonlocal declaration not allowed at module level", 1, 1, 1, 11),
    ("def f(a, a): pass\n", ErrorKind::SyntaxError, "duplicate argument 'a' in function definition", 1, 10, 1, 11),
    ("x = 1\nglobal x\n", ErrorKind::SyntaxError, "name 'x' is assigned to before global declaration", 2, 1, 2, 9),
    ("break\n", ErrorKind::SyntaxError, "'break' outside loop", 1, 1, 1, 6),
    ("continue\n", ErrorKind::SyntaxError, "'continue' not properly in loop", 1, 1, 1, 9),
    ("yield 1\n", ErrorKind::SyntaxError, "'yield' outside function", 1, 1, 1, 8),
    ("def f():\n  print(x)\n  global x\n", ErrorKind::SyntaxError, "name 'x' is used prior to global declaration", 3, 3, 3, 11),
    ("def f(x):\n  global x\n", ErrorKind::SyntaxError, "name 'x' is parameter and global", 2, 3, 2, 11),
    ("[(y:=1) for y in z]\n", ErrorKind::SyntaxError, "assignment expression cannot rebind comprehension iteration variable 'y'", 1, 3, 1, 4),
    ("class C:\n  [(y:=1) for x in z]\n", ErrorKind::SyntaxError, "assignment expression within a comprehension cannot be used in a class body", 2, 5, 2, 6),
    ("f(x=1, x=2)\n", ErrorKind::SyntaxError, "keyword argument repeated: x", 1, 8, 1, 11),
    ("def f(a=1, b): pass\n", ErrorKind::SyntaxError, "non-default argument follows default argument", 1, 12, 1, 13),
    ("x += 1 = 2\n", ErrorKind::SyntaxError, "invalid syntax", 1, 8, 1, 9),
    ("(a, b) += 1\n", ErrorKind::SyntaxError, "'tuple' is an illegal expression for augmented assignment", 1, 1, 1, 7),
    ("del f()\n", ErrorKind::SyntaxError, "cannot delete function call", 1, 5, 1, 8),
    ("x: int += 1\n", ErrorKind::SyntaxError, "invalid syntax", 1, 8, 1, 10),
    ("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n", ErrorKind::SyntaxError, "default 'except:' must be last", 3, 1, 4, 7),
    ("from __future__ import braces\n", ErrorKind::SyntaxError, "not a chance", 1, 1, 1, 1),
    ("class C:\n  yield\n", ErrorKind::SyntaxError, "'yield' outside function", 2, 3, 2, 8),
    ("def f():\n  [(yield) for x in y]\n", ErrorKind::SyntaxError, "'yield' inside list comprehension", 2, 5, 2, 10),
    ("import *\n", ErrorKind::SyntaxError, "invalid syntax", 1, 8, 1, 9),
    ("x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))\n", ErrorKind::SyntaxError, "too many nested parentheses", 1, 205, 1, 205),
    ("def f(*, a): pass\ndef g(*): pass\n", ErrorKind::SyntaxError, "named arguments must follow bare *", 2, 7, 2, 8),
    ("f(x for x in y)(1)\nf(x for x in y, 1)\n", ErrorKind::SyntaxError, "Generator expression must be parenthesized", 2, 3, 2, 15),
];

#[test]
fn errors_match_cpython() {
    let mut failures = Vec::new();
    for &(src, kind, msg, lineno, offset, end_lineno, end_offset) in CASES {
        match compile_str(src, "x.py", Mode::Exec) {
            Ok(_) => failures.push(format!("{src:?}: compiled without error")),
            Err(e) => {
                let got = (e.kind, e.msg.as_str(), e.lineno, e.offset, e.end_lineno, e.end_offset);
                let want = (kind, msg, lineno, offset, end_lineno, end_offset);
                if got != want {
                    failures.push(format!("{src:?}:\n  got  {got:?}\n  want {want:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn error_carries_source_line_and_filename() {
    let e = compile_str("x = 1\ny = = 2\n", "m.py", Mode::Exec).unwrap_err();
    assert_eq!(e.filename, "m.py");
    assert_eq!(e.text.as_deref(), Some("y = = 2\n"));
}

#[test]
fn async_and_match_are_not_supported_yet() {
    for src in ["async def f(): pass\n", "match x:\n    case 1: pass\n", "def f():\n    await x\n"] {
        let e = compile_str(src, "x.py", Mode::Exec).unwrap_err();
        assert_eq!(e.kind, ErrorKind::NotSupported, "{src:?}: {e:?}");
    }
}

#[test]
fn eval_and_single_modes() {
    assert!(compile_str("1 + 2", "<s>", Mode::Eval).is_ok());
    assert!(compile_str("x = 1", "<s>", Mode::Eval).is_err());
    assert!(compile_str("x = 1\n", "<s>", Mode::Single).is_ok());
    let e = compile_str("x = 1\ny = 2\n", "<s>", Mode::Single).unwrap_err();
    assert_eq!(e.msg, "multiple statements found while compiling a single statement");
}

#[test]
fn source_encoding_declarations() {
    // latin-1 source: 'é' is byte 0xE9.
    let src = b"# -*- coding: latin-1 -*-\ns = '\xe9'\n";
    let code = pyrite_compiler::compile(src, "x.py", Mode::Exec).unwrap();
    let has_e = code.consts.iter().any(|c| matches!(c, pyrite_compiler::Constant::Str(s) if s == "\u{e9}"));
    assert!(has_e);
    let e = pyrite_compiler::compile(b"s = '\xe9'\n", "x.py", Mode::Exec).unwrap_err();
    assert_eq!(e.kind, ErrorKind::SyntaxError);
    let e = pyrite_compiler::compile(b"# coding: klingon\n", "x.py", Mode::Exec).unwrap_err();
    assert_eq!(e.msg, "unknown encoding: klingon");
    // A UTF-8 BOM is skipped.
    assert!(pyrite_compiler::compile(b"\xef\xbb\xbfx = 1\n", "x.py", Mode::Exec).is_ok());
}
