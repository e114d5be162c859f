# Machine instructions per loop iteration, pyrite against CPython, counted
# with callgrind (issue #10's table): for each loop body, a function runs it
# N times and 0 times; (instructions(N) - instructions(0)) / N is the cost
# of one iteration, start-up and compilation cancelling out.
#
#   python3 benches/callgrind_table.py target/release/pyrite python3 [N]
#
# Needs valgrind. Prints one row per loop body: both counts and their ratio.
import os
import re
import subprocess
import sys
import tempfile

BODIES = [
    ("for i in range(n): pass", "pass", ""),
    ("g(i) (a Python function call)", "g(i)", "def g(x):\n    return x\n"),
    ("t = t + i; x = x * 1.000001", "t = t + i; x = x * 1.000001", ""),
    ("c.a; c.m() (attribute, method call)", "c.a; c.m()",
     "class C:\n    def __init__(self):\n        self.a = 1\n    def m(self):\n        return 1\n"),
    ("K; len (a global, a builtin)", "K; len", "K = 1\n"),
]

PROGRAM = """{prelude}
def run(n):
    t = 0
    x = 1.0
    c = C() if 'C' in globals() else None
    for i in range(n):
        {body}

run({n})
"""


def instructions(interp, source):
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "loop.py")
        with open(script, "w") as f:
            f.write(source)
        out = os.path.join(d, "callgrind.out")
        cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + interp.split() + [script]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit("%s failed:\n%s" % (interp, r.stderr[-2000:]))
        m = re.search(r"Collected : (\d+)", r.stderr)
        if not m:
            raise SystemExit("no instruction count from callgrind for " + interp)
        return int(m.group(1))


def per_iteration(interp, prelude, body, n):
    full = instructions(interp, PROGRAM.format(prelude=prelude, body=body, n=n))
    empty = instructions(interp, PROGRAM.format(prelude=prelude, body=body, n=0))
    return (full - empty) / n


def main():
    if len(sys.argv) < 3:
        raise SystemExit("usage: callgrind_table.py INTERP_A INTERP_B [N]")
    a, b = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
    print("%-40s %10s %10s %7s" % ("loop body", "A", "B", "A/B"))
    for label, body, prelude in BODIES:
        ca = per_iteration(a, prelude, body, n)
        cb = per_iteration(b, prelude, body, n)
        print("%-40s %10.0f %10.0f %7.2f" % (label, ca, cb, ca / cb))


main()
