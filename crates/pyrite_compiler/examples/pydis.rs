//! Disassembles a Python file like `python3 -m dis`: `cargo run --example pydis -- file.py`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pydis FILE.py");
        std::process::exit(2);
    };
    let source = match std::fs::read(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    match pyrite_compiler::compile(&source, &path, pyrite_compiler::Mode::Exec) {
        Ok(code) if std::env::args().any(|a| a == "--meta") => print_meta(&code),
        Ok(code) => print!("{}", pyrite_compiler::dis::disassemble(&code)),
        Err(e) => {
            println!(
                "{:?}: {} ({}, line {}, offset {}, end {}:{})",
                e.kind, e.msg, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset
            );
            std::process::exit(1);
        }
    }
}

/// Prints per-code-object metadata (for comparison against CPython in tests/tools).
fn print_meta(code: &pyrite_compiler::CodeObject) {
    println!(
        "{} stack={} flags={:#x} args={}/{}/{} nlocals={} cells={} frees={} names={:?}",
        code.qualname,
        code.stacksize,
        code.flags.bits(),
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.nlocals,
        code.ncellvars,
        code.nfreevars,
        code.localsplusnames
    );
    for e in &code.exception_table {
        println!("  {} {} {} {} {}", e.start, e.end, e.target, e.depth, e.lasti);
    }
    for c in &code.consts {
        if let pyrite_compiler::Constant::Code(inner) = c {
            print_meta(inner);
        }
    }
}
