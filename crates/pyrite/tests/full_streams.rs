//! Output streams that cannot be written (`/dev/full`): pyrite neither
//! panics nor hides the failure, and exits as CPython 3.11 does — buffered
//! output that cannot be flushed at exit gives status 120; unbuffered
//! (`PYTHONUNBUFFERED`) output fails at the write, an uncaught `OSError`.

use std::fs::OpenOptions;
use std::process::{Command, Output, Stdio};

fn dev_full() -> Stdio {
    Stdio::from(OpenOptions::new().write(true).open("/dev/full").expect("/dev/full"))
}

/// Run `pyrite -c code`, buffered or not, with stdout or stderr on `/dev/full`.
fn run(code: &str, unbuffered: bool, full_stdout: bool) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pyrite"));
    c.args(["-c", code]);
    if unbuffered {
        c.env("PYTHONUNBUFFERED", "1");
    } else {
        c.env_remove("PYTHONUNBUFFERED");
    }
    if full_stdout {
        c.stdout(dev_full());
    } else {
        c.stderr(dev_full());
    }
    c.output().expect("run pyrite")
}

#[test]
fn buffered_stdout_failing_at_exit_is_reported_and_exits_120() {
    for code in ["print(1)", "import sys; print(1); sys.exit(3)"] {
        let out = run(code, false, true);
        assert_eq!(out.status.code(), Some(120), "{code}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n"), "{err}");
        assert!(err.ends_with("OSError: [Errno 28] No space left on device\n"), "{err}");
    }
}

#[test]
fn unbuffered_stdout_fails_at_the_write() {
    let out = run("print(1)", true, true);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 1, in <module>\nOSError: [Errno 28] No space left on device\n"), "{err}");
}

#[test]
fn uncaught_exception_with_a_full_stderr() {
    assert_eq!(run("1/0", false, false).status.code(), Some(120));
    assert_eq!(run("1/0", true, false).status.code(), Some(1));
}
