//! Golden `dis` snapshots of small programs (checked against CPython 3.11's `dis`, modulo the
//! documented differences: no CACHE/PRECALL/RETURN_GENERATOR, offsets without caches).

use pyrite_compiler::{compile_str, dis::disassemble, Mode};

fn dis(src: &str) -> String {
    let code = compile_str(src, "x.py", Mode::Exec).expect("compiles");
    disassemble(&code)
}

macro_rules! golden {
    ($($name:ident => $src:expr;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(stringify!($name), dis($src));
            }
        )*
    };
}

golden! {
    module_assignments => "x = 1\ny = x + 2 * 3\na, *b = c = [1, 2, 3]\ndel y\n";
    conditional => "def f(a, b):\n    if a is None:\n        return 1\n    elif a < b < 3:\n        return 2\n    return a if b else -a\n";
    while_loop => "def f(x):\n    while x:\n        x -= 1\n        if x == 3:\n            break\n    else:\n        x = 0\n    return x\n";
    for_loop => "def f(xs):\n    total = 0\n    for i, x in enumerate(xs):\n        if not x:\n            continue\n        total += i * x\n    return total\n";
    boolean_ops => "def f(a, b, c):\n    x = a and b or c\n    if a and (b or not c):\n        return x\n";
    calls => "def f(o, a, k):\n    o.m(1, 2)\n    g(a, key=k)\n    g(*a, **k)\n    return len(a)\n";
    closures => "def outer():\n    x = 1\n    def inner(y):\n        nonlocal x\n        x += y\n        return x\n    return inner\n";
    class_with_super => "class A(B, metaclass=M):\n    '''doc'''\n    x: int = 1\n    def m(self):\n        return super().m() + __class__.x\n";
    decorators_defaults => "@d1\n@d2(3)\ndef f(a, b=1, *args, c, d=2, **kw) -> int:\n    return a\n";
    lambda_and_comprehensions => "f = lambda x, y=2: x + y\nl = [i * i for i in range(10) if i % 2]\ns = {c for c in 'abc'}\nd = {k: v for k, v in items}\ng = (x for x in y)\n";
    try_except_finally => "def f():\n    try:\n        a()\n    except ValueError as e:\n        b(e)\n    except:\n        raise\n    else:\n        c()\n    finally:\n        d()\n";
    with_statement => "def f(p):\n    with open(p) as fh, lock:\n        return fh.read()\n";
    return_in_finally_loop => "def f(xs):\n    for x in xs:\n        try:\n            if x:\n                return x\n        finally:\n            cleanup()\n";
    generators => "def g(n):\n    yield n\n    x = yield\n    y = yield from range(n)\n    return x, y\n";
    fstrings => "def f(a, b, w):\n    return f'{a!r:>{w}} and {b=} {a + 1:.2f}' + 'x %s %r' % (a, b)\n";
    imports => "import os.path\nimport a.b.c as d\nfrom . import x\nfrom ..m import (y as z, w)\nfrom q import *\n";
    globals_and_annotations => "g: int\ndef f():\n    global g\n    g = 2\n    del g\nh: str = 'x'\n";
    constant_folding => "x = -1\ny = 2 ** 10\nz = (1, 2, ('a', None))\nw = 'ab' * 3\nv = x in [1, 2, 3]\nu = b'!'[0]\n";
    subscripts_and_aug => "def f(a, i):\n    a[i] += 1\n    a.b.c -= 2\n    a[1:2] = a[::2]\n    a, i = i, a\n    return a[i, 1:]\n";
    assert_and_raise => "def f(x):\n    assert x, 'msg'\n    if x > 1:\n        raise ValueError(x) from None\n    raise\n";
    walrus_and_chains => "def f(xs):\n    if (n := len(xs)) > 10:\n        return [y for x in xs if (y := x * 2)]\n    return n\n";
    dict_and_star_displays => "def f(a, b):\n    return {'x': 1, 'y': 2}, {**a, 'k': b}, [*a, *b, 1], (*a, 1), {*a}\n";
}

#[test]
fn interactive_mode_prints_expressions() {
    let code = compile_str("for i in x: i\n", "<stdin>", Mode::Single).unwrap();
    insta::assert_snapshot!("interactive_for", disassemble(&code));
}

#[test]
fn eval_mode() {
    let code = compile_str("a + b * 2", "<string>", Mode::Eval).unwrap();
    insta::assert_snapshot!("eval_expression", disassemble(&code));
}
