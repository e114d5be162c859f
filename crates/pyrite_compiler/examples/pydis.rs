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
