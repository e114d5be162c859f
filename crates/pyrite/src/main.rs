//! The `pyrite` command: run a script, `-c` code, or show bytecode with `--dis`.

use std::process::ExitCode;

use pyrite::{Exit, Interpreter};

/// `eprintln!` that ignores a failed write (a full or closed stderr must
/// not turn into a panic).
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}

const USAGE: &str = "usage: pyrite [--dis] [-c cmd | file] [arg] ...";

/// Stack size of the interpreter thread (address space; pages are used
/// only as deep as recursion goes): room for CPython's depths under
/// `sys.setrecursionlimit(10**6)` (about 1.2 million Python calls); past
/// it, the VM's stack guard raises RecursionError.
const STACK_SIZE: usize = 2 << 30;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let child = std::thread::Builder::new().stack_size(STACK_SIZE).spawn(move || run(args));
    match child.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            say!("pyrite: internal error (a Rust panic); this is a bug");
            ExitCode::from(70)
        }
    }
}

fn run(args: Vec<String>) -> u8 {
    let mut dis = false;
    let mut i = 0;
    while i < args.len() && args[i].starts_with('-') && args[i] != "-" {
        match args[i].as_str() {
            "--dis" => dis = true,
            "-c" => {
                let Some(code) = args.get(i + 1) else {
                    say!("Argument expected for the -c option\n{USAGE}");
                    return 2;
                };
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[i + 2..].iter().cloned());
                return run_source(code, "<string>", argv, dis);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return 0;
            }
            "-u" | "-B" | "-E" | "-s" | "-S" | "-I" => {}
            "-X" | "-W" => i += 1,
            other => {
                say!("Unknown option: {other}\n{USAGE}");
                return 2;
            }
        }
        i += 1;
    }
    let Some(path) = args.get(i) else {
        say!("{USAGE}");
        return 2;
    };
    let source = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            let abs = std::path::absolute(path).unwrap_or_else(|_| path.into());
            let errno = e.raw_os_error().unwrap_or(2);
            let msg = std::io::Error::from_raw_os_error(errno).to_string();
            let msg = msg.split(" (os error").next().unwrap_or("");
            say!("pyrite: can't open file '{}': [Errno {}] {}", abs.display(), errno, msg);
            return 2;
        }
    };
    let source = String::from_utf8_lossy(&source).into_owned();
    run_source(&source, path, args[i..].to_vec(), dis)
}

fn run_source(source: &str, filename: &str, argv: Vec<String>, dis: bool) -> u8 {
    if dis {
        return match pyrite_compiler::compile(source.as_bytes(), filename, pyrite_compiler::bytecode::Mode::Exec) {
            Ok(code) => {
                print!("{}", pyrite_compiler::dis::disassemble(&code));
                0
            }
            Err(e) => {
                say!("{e}");
                1
            }
        };
    }
    let interp = Interpreter::new(argv);
    let r = interp.run_source(source, filename);
    let code = match interp.finish(r) {
        Exit::Ok => 0,
        Exit::Code(c) => c,
        Exit::Interrupted => {
            drop(interp);
            pyrite_vm::eval::run::die_by_sigint();
        }
    };
    drop(interp);
    // SAFETY: the interpreter is gone and this thread returns right after:
    // no object of it is used again, and no Python code can run.
    unsafe { pyrite_vm::object::release_all_objects() };
    code as u8
}
