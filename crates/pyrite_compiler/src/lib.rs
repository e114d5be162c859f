//! pyrite_compiler: Python 3.11 source → bytecode [`CodeObject`]s (plain data).
//!
//! The public interface is in [`bytecode`]; see its module docs for the instruction set.

pub mod bytecode;

pub use bytecode::{
    CodeFlags, CodeObject, CompileError, Constant, ErrorKind, ExceptionTableEntry, Instruction,
    Location, Mode, Opcode,
};

/// Compiles source bytes (decoded per their PEP 263 coding declaration, UTF-8 by default).
pub fn compile(source: &[u8], filename: &str, mode: Mode) -> Result<CodeObject, CompileError> {
    let _ = (source, mode);
    Err(CompileError {
        kind: ErrorKind::NotSupported,
        msg: "compiler not implemented yet".into(),
        filename: filename.into(),
        lineno: 1,
        offset: 1,
        end_lineno: 1,
        end_offset: 1,
        text: None,
    })
}

/// Compiles already-decoded source text (any coding declaration is ignored, as for a `str`
/// passed to CPython's `compile()`).
pub fn compile_str(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, CompileError> {
    compile(source.as_bytes(), filename, mode)
}
