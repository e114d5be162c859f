#!/usr/bin/env python3
"""Regenerate the expected outputs of the differential test cases.

Usage: python3 tests/regen.py [paths...]

With no arguments every case under tests/cases/ is regenerated.  A path may be
a case file (tests/cases/basics/ints.py), an area folder (tests/cases/basics)
or a substring of a case's relative path (e.g. "strings/fstr").

For each case <area>/<name>.py this runs

    python3 -X utf8=0 <name>.py

with the case's folder as the working directory, a cleaned environment
(every PYTHON* variable removed, then PYTHONHASHSEED=0,
PYTHONDONTWRITEBYTECODE=1, LC_ALL=C.UTF-8) and stdin connected to /dev/null,
and writes <name>.stdout, <name>.stderr and <name>.exitcode next to it.
The outputs are written raw, with one exception: CPython prints the absolute
path of the script in tracebacks, so the absolute path of the case folder
followed by "/" is removed from stderr (the Rust harness does the same to
pyrite's stderr).  See tests/README.md.
"""
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
SLOW = 0.5      # a case should run faster than this on CPython
TIMEOUT = 20.0


def is_case(path):
    """Cases are *.py files directly inside tests/cases/<area>/ whose name
    does not start with '_'.  Everything else (files in subfolders, files
    starting with '_') is support material for the cases."""
    rel = os.path.relpath(path, CASES)
    parts = rel.split(os.sep)
    return (len(parts) == 2 and parts[1].endswith(".py")
            and not parts[1].startswith("_"))


def all_cases():
    out = []
    for area in sorted(os.listdir(CASES)):
        d = os.path.join(CASES, area)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            p = os.path.join(d, name)
            if os.path.isfile(p) and is_case(p):
                out.append(p)
    return out


def case_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["LC_ALL"] = "C.UTF-8"
    return env


def strip_dir(data, folder):
    for prefix in {folder, os.path.realpath(folder)}:
        data = data.replace((prefix + os.sep).encode(), b"")
    return data


def regen(path):
    folder, name = os.path.split(path)
    stem = name[:-3]
    t0 = time.monotonic()
    try:
        proc = subprocess.run(
            [sys.executable if sys.executable else "python3", "-X", "utf8=0", name],
            cwd=folder, env=case_env(), stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        print("TIMEOUT (not written):", os.path.relpath(path, CASES))
        return False
    dt = time.monotonic() - t0
    with open(os.path.join(folder, stem + ".stdout"), "wb") as f:
        f.write(proc.stdout)
    with open(os.path.join(folder, stem + ".stderr"), "wb") as f:
        f.write(strip_dir(proc.stderr, folder))
    with open(os.path.join(folder, stem + ".exitcode"), "w") as f:
        f.write("%d\n" % proc.returncode)
    note = ""
    if dt > SLOW:
        note = "  SLOW: %.2fs" % dt
    if re.search(rb"0x[0-9a-f]{8,}", proc.stdout + proc.stderr):
        note += "  WARNING: output looks like it contains an address"
    if proc.stderr and proc.returncode == 0:
        note += "  NOTE: stderr is not empty"
    print("%-48s exit %d%s" % (os.path.relpath(path, CASES), proc.returncode, note))
    return True


def main(argv):
    if sys.version_info[:2] != (3, 11):
        print("regen.py must run on CPython 3.11, this is", sys.version.split()[0])
        return 2
    cases = all_cases()
    if argv:
        chosen = []
        for arg in argv:
            a = os.path.abspath(arg)
            if os.path.isfile(a):
                if not is_case(a):
                    print("not a case:", arg)
                    return 2
                chosen.append(a)
            elif os.path.isdir(a):
                chosen += [c for c in cases if c.startswith(a + os.sep)]
            else:
                chosen += [c for c in cases if arg in os.path.relpath(c, CASES)]
        cases = sorted(set(chosen))
    ok = all([regen(c) for c in cases])
    print("regenerated %d case(s)" % len(cases))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
