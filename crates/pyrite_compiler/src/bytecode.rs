//! The bytecode interface shared between the compiler and the VM.
//!
//! INTERFACE CHANGES (all additive; nothing was renamed):
//!  - `compile(source: &[u8], ..)` decodes per PEP 263; `compile_str(&str, ..)` takes decoded
//!    text (a coding declaration is then ignored, like CPython's `compile()` of a `str`).
//!  - `ErrorKind` has `RecursionError` (too-deep input) and `NotSupported` (async/await, match,
//!    except*) besides SyntaxError/IndentationError/TabError. CPython's `end_offset` of -1
//!    (tokenizer indentation errors, unclosed brackets) is reported as 0.
//!  - `CodeFlags::NOFREE` exists but, as in CPython 3.11, is never set by the compiler; class
//!    bodies never get NESTED (also as 3.11).
//!  - `Location { line: 0, .. }` means "no location"; the module's first RESUME has line 0
//!    exactly like CPython's.
//!  - Helpers: `Opcode::{ALL, name, from_u8}`, `CodeObject::full_arg`, `BinaryOp`,
//!    `binary_op_symbol`, `COMPARE_OPS`, `CO_FAST_*` consts; `ExceptionTableEntry::end` is
//!    exclusive.
//!
//! Instruction set: CPython 3.11's instructions and semantics (stack effects, argument meanings,
//! exception-table model, localsplus model with MAKE_CELL/COPY_FREE_VARS/LOAD_DEREF indexing
//! localsplus, LOAD_METHOD+CALL with the NULL convention, KW_NAMES, BINARY_OP with NB_* args incl.
//! inplace variants, COMPARE_OP arg = cmp index 0..5 (<,<=,==,!=,>,>=), IS_OP, CONTAINS_OP,
//! relative jumps in code units measured from the instruction after the jump, FOR_ITER,
//! SEND/YIELD_VALUE/GET_YIELD_FROM_ITER, PUSH_EXC_INFO/POP_EXCEPT/RERAISE/CHECK_EXC_MATCH,
//! BEFORE_WITH/WITH_EXCEPT_START, LOAD_BUILD_CLASS, MAKE_FUNCTION flags, FORMAT_VALUE/BUILD_STRING,
//! LIST_APPEND/SET_ADD/MAP_ADD, LIST_EXTEND/DICT_UPDATE/DICT_MERGE, CALL_FUNCTION_EX,
//! UNPACK_SEQUENCE/UNPACK_EX, SWAP/COPY, RETURN_VALUE, etc.) with these differences:
//!
//!  - no CACHE entries, no specialized/adaptive opcodes, no PRECALL (CALL does it all), no
//!    RETURN_GENERATOR (the VM creates the generator when a code object with the GENERATOR flag is
//!    called; the code then starts at offset 0 with RESUME, and the first POP_TOP CPython emits
//!    after RETURN_GENERATOR is also omitted), no async opcodes (async/await constructs are a
//!    [`ErrorKind::NotSupported`] compile error for now).
//!  - opcode numbers are our own: a dense `#[repr(u8)] enum Opcode`; every instruction has an arg
//!    byte (0 when unused).
//!  - EXTENDED_ARG prefixes as in CPython for args > 255.
//!
//! Stack effects below are written `before -> after` (top of stack on the right).
//! "Jump" arguments are relative distances in code units (instructions), measured from the
//! instruction after the jump (after any EXTENDED_ARG prefixes belong to the jump itself).

use std::sync::Arc;

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident ),* $(,)?) => {
        /// One opcode. The numbering is dense and our own (not CPython's).
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(non_camel_case_types)]
        pub enum Opcode {
            $( $(#[$doc])* $name, )*
        }

        impl Opcode {
            /// Every opcode, indexed by its numeric value.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            /// The CPython-style name, e.g. `"LOAD_FAST"`.
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$name => stringify!($name),)* }
            }

            /// Decodes a byte into an opcode, `None` if out of range.
            pub fn from_u8(byte: u8) -> Option<Opcode> {
                Self::ALL.get(byte as usize).copied()
            }
        }
    };
}

opcodes! {
    /// `->` Does nothing.
    NOP,
    /// `x ->` Discards the top of stack.
    POP_TOP,
    /// `-> NULL` Pushes a NULL marker (used before a callable for CALL / CALL_FUNCTION_EX).
    PUSH_NULL,
    /// `-> ` Prefix: the next instruction's arg is `(this.arg << 8) | next.arg` (chainable).
    EXTENDED_ARG,
    /// `->` Frame start / resume point. arg: 0 = function start, 1 = after yield, 2 = after yield from.
    RESUME,
    /// `->` Copies the closure tuple's cells into the last `arg` localsplus slots (the free vars).
    COPY_FREE_VARS,
    /// `->` Replaces localsplus[arg] by a new cell containing its current value (or empty).
    MAKE_CELL,

    /// `x -> +x`
    UNARY_POSITIVE,
    /// `x -> -x`
    UNARY_NEGATIVE,
    /// `x -> not x`
    UNARY_NOT,
    /// `x -> ~x`
    UNARY_INVERT,
    /// `a b -> a op b`. arg = NB_* index (see [`BinaryOp`]); inplace variants included.
    BINARY_OP,
    /// `container key -> container[key]`
    BINARY_SUBSCR,
    /// `value container key ->` Performs `container[key] = value`.
    STORE_SUBSCR,
    /// `container key ->` Performs `del container[key]`.
    DELETE_SUBSCR,
    /// `a b -> bool` arg = comparison index 0..5: `<`, `<=`, `==`, `!=`, `>`, `>=`.
    COMPARE_OP,
    /// `a b -> bool` `a is b` (arg 0) or `a is not b` (arg 1).
    IS_OP,
    /// `a b -> bool` `a in b` (arg 0) or `a not in b` (arg 1).
    CONTAINS_OP,

    /// `-> consts[arg]`
    LOAD_CONST,
    /// `-> value` Looks up names[arg] in locals, then globals, then builtins.
    LOAD_NAME,
    /// `value ->` Stores into locals (dict) under names[arg].
    STORE_NAME,
    /// `->` Deletes names[arg] from locals.
    DELETE_NAME,
    /// `-> [NULL] value` Loads global names[arg >> 1]; if `arg & 1`, pushes NULL first.
    LOAD_GLOBAL,
    /// `value ->` Stores global names[arg].
    STORE_GLOBAL,
    /// `->` Deletes global names[arg].
    DELETE_GLOBAL,
    /// `-> value` Pushes localsplus[arg] (UnboundLocalError if unset).
    LOAD_FAST,
    /// `value ->` Stores into localsplus[arg].
    STORE_FAST,
    /// `->` Unbinds localsplus[arg].
    DELETE_FAST,
    /// `-> cell` Pushes the cell in localsplus[arg] itself (for building closures).
    LOAD_CLOSURE,
    /// `-> value` Pushes the contents of the cell in localsplus[arg].
    LOAD_DEREF,
    /// `value ->` Stores into the cell in localsplus[arg].
    STORE_DEREF,
    /// `->` Empties the cell in localsplus[arg].
    DELETE_DEREF,
    /// `-> value` Class bodies: looks up localsplus name[arg] in the locals dict first, then
    /// the cell in localsplus[arg].
    LOAD_CLASSDEREF,
    /// `obj -> obj.names[arg]`
    LOAD_ATTR,
    /// `value obj ->` Performs `obj.names[arg] = value`.
    STORE_ATTR,
    /// `obj ->` Performs `del obj.names[arg]`.
    DELETE_ATTR,
    /// `obj -> meth obj` (unbound method found) or `obj -> NULL attr` (anything else);
    /// followed by CALL.
    LOAD_METHOD,

    /// `->` Stashes consts[arg] (a tuple of str) as the keyword names for the next CALL.
    KW_NAMES,
    /// `NULL callable args... -> result` or `method self args... -> result`. arg = number of
    /// args (excluding self), the last `len(kwnames)` of which are keyword args (see KW_NAMES).
    CALL,
    /// `NULL callable argstuple [kwargsdict] -> result`. kwargs present iff `arg & 1`.
    CALL_FUNCTION_EX,
    /// `[defaults] [kwdefaults] [annotations] [closure] code -> function`.
    /// arg flags: 0x01 defaults tuple, 0x02 kwdefaults dict, 0x04 annotations tuple
    /// (name, value, ...), 0x08 closure tuple of cells.
    MAKE_FUNCTION,
    /// `-> __build_class__`
    LOAD_BUILD_CLASS,

    /// `items[arg] -> tuple`
    BUILD_TUPLE,
    /// `items[arg] -> list`
    BUILD_LIST,
    /// `items[arg] -> set`
    BUILD_SET,
    /// `k1 v1 ... kN vN -> dict` (N = arg)
    BUILD_MAP,
    /// `v1 ... vN keystuple -> dict` (N = arg)
    BUILD_CONST_KEY_MAP,
    /// `start stop [step] -> slice` (arg = 2 or 3)
    BUILD_SLICE,
    /// `s1 ... sN -> str` Concatenates N = arg strings.
    BUILD_STRING,
    /// `list -> tuple`
    LIST_TO_TUPLE,
    /// `list ... value -> list ...` Appends value to the list at stack[-arg] (after popping).
    LIST_APPEND,
    /// `set ... value -> set ...` Adds value to the set at stack[-arg] (after popping).
    SET_ADD,
    /// `dict ... key value -> dict ...` Sets dict[key] = value, dict at stack[-arg] (after popping).
    MAP_ADD,
    /// `list ... iterable -> list ...` list.extend(iterable), list at stack[-arg] (after popping).
    LIST_EXTEND,
    /// `set ... iterable -> set ...` set.update(iterable), set at stack[-arg] (after popping).
    SET_UPDATE,
    /// `dict ... mapping -> dict ...` dict.update(mapping), dict at stack[-arg] (after popping).
    DICT_UPDATE,
    /// `dict ... mapping -> dict ...` Like DICT_UPDATE but raises on duplicate keys (call kwargs);
    /// the callable for the error message is at stack[-(arg + 2)] (after popping).
    DICT_MERGE,
    /// `value -> formatted` (no spec) or `value spec -> formatted` (`arg & 4`).
    /// `arg & 3`: conversion 0 none, 1 `!s`, 2 `!r`, 3 `!a`.
    FORMAT_VALUE,

    /// `seq -> items[arg]` (last item on top... i.e. pushed in reverse so item 0 is on top).
    UNPACK_SEQUENCE,
    /// `seq -> ...` arg = before | (after << 8): pushes `after` items, a list, and `before` items
    /// (item 0 on top).
    UNPACK_EX,
    /// `... a ... b -> ... b ... a` Swaps TOS with stack[-arg] (arg >= 2).
    SWAP,
    /// `... x ... -> ... x ... x` Pushes a copy of stack[-arg] (arg >= 1).
    COPY,

    /// `iterable -> iterator`
    GET_ITER,
    /// `iterator -> iterator next` or, when exhausted, `iterator ->` and jumps forward by arg.
    FOR_ITER,
    /// `->` Jumps forward by arg.
    JUMP_FORWARD,
    /// `->` Jumps backward by arg (checks for interrupts).
    JUMP_BACKWARD,
    /// `->` Jumps backward by arg (no interrupt check; used in yield-from loops).
    JUMP_BACKWARD_NO_INTERRUPT,
    /// `cond ->` Jumps forward by arg if cond is false.
    POP_JUMP_FORWARD_IF_FALSE,
    /// `cond ->` Jumps forward by arg if cond is true.
    POP_JUMP_FORWARD_IF_TRUE,
    /// `x ->` Jumps forward by arg if x is not None.
    POP_JUMP_FORWARD_IF_NOT_NONE,
    /// `x ->` Jumps forward by arg if x is None.
    POP_JUMP_FORWARD_IF_NONE,
    /// `cond ->` Jumps backward by arg if cond is false.
    POP_JUMP_BACKWARD_IF_FALSE,
    /// `cond ->` Jumps backward by arg if cond is true.
    POP_JUMP_BACKWARD_IF_TRUE,
    /// `x ->` Jumps backward by arg if x is not None.
    POP_JUMP_BACKWARD_IF_NOT_NONE,
    /// `x ->` Jumps backward by arg if x is None.
    POP_JUMP_BACKWARD_IF_NONE,
    /// `cond -> cond` (jumps forward by arg if cond is false) or `cond ->` (falls through).
    JUMP_IF_FALSE_OR_POP,
    /// `cond -> cond` (jumps forward by arg if cond is true) or `cond ->` (falls through).
    JUMP_IF_TRUE_OR_POP,

    /// `value ->` Returns value from the frame.
    RETURN_VALUE,
    /// `value -> sent` Yields value; on resumption pushes the sent value.
    YIELD_VALUE,
    /// `iterable -> iterator` iter(x) unless x is a generator (or coroutine), which is kept.
    GET_YIELD_FROM_ITER,
    /// `receiver value -> receiver yielded` (delegate yielded) or, when the delegate returns,
    /// `receiver value -> retval` and jumps forward by arg.
    SEND,

    /// `exc -> prev_exc exc` Saves the current handled exception and makes exc the current one.
    PUSH_EXC_INFO,
    /// `prev_exc ->` Restores prev_exc as the current handled exception.
    POP_EXCEPT,
    /// `[lasti] ... exc ->` Re-raises exc. If arg != 0, frame lasti is first set from the int at
    /// stack[-(arg + 1)].
    RERAISE,
    /// `exc type -> exc bool` Tests `isinstance(exc, type)` (type may be a tuple).
    CHECK_EXC_MATCH,
    /// `[cause] [exc] ->` arg 0: re-raise current; 1: `raise exc`; 2: `raise exc from cause`.
    RAISE_VARARGS,
    /// `-> AssertionError`
    LOAD_ASSERTION_ERROR,
    /// `mgr -> exit enter_result` Looks up `__exit__` (bound) and calls `__enter__`.
    BEFORE_WITH,
    /// `exit lasti prev_exc exc -> exit lasti prev_exc exc result` Calls
    /// `exit(type(exc), exc, exc.__traceback__)`.
    WITH_EXCEPT_START,

    /// `level fromlist -> module` Performs `__import__(names[arg], ..., fromlist, level)`.
    IMPORT_NAME,
    /// `module -> module attr` Loads names[arg] from module (falls back to a submodule import).
    IMPORT_FROM,
    /// `module ->` `from module import *` into locals.
    IMPORT_STAR,
    /// `->` Creates `__annotations__` in locals if missing.
    SETUP_ANNOTATIONS,
    /// `value ->` Interactive mode: prints repr(value) via sys.displayhook.
    PRINT_EXPR,
}

/// BINARY_OP arguments (CPython's NB_* values).
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLshift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRshift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

/// The operator symbol for a BINARY_OP arg (`"+"`, `"+="`, ...), as `dis` shows it.
pub fn binary_op_symbol(arg: u32) -> Option<&'static str> {
    const SYMS: [&str; 13] = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
    const ISYMS: [&str; 13] = [
        "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
    ];
    let i = arg as usize;
    SYMS.get(i).or_else(|| ISYMS.get(i.wrapping_sub(13))).copied()
}

/// COMPARE_OP argument symbols, indexed by arg.
pub const COMPARE_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// One 16-bit code unit: opcode and one argument byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct Instruction {
    /// The operation.
    pub op: Opcode,
    /// The low 8 bits of the argument (higher bits come from EXTENDED_ARG prefixes).
    pub arg: u8,
}

/// `co_flags` of a code object (CPython's values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    /// Locals are fast locals (function-like scope).
    pub const OPTIMIZED: CodeFlags = CodeFlags(0x0001);
    /// A new locals namespace is created for each call.
    pub const NEWLOCALS: CodeFlags = CodeFlags(0x0002);
    /// Has `*args`.
    pub const VARARGS: CodeFlags = CodeFlags(0x0004);
    /// Has `**kwargs`.
    pub const VARKEYWORDS: CodeFlags = CodeFlags(0x0008);
    /// Nested function.
    pub const NESTED: CodeFlags = CodeFlags(0x0010);
    /// Generator function: calling it creates a generator.
    pub const GENERATOR: CodeFlags = CodeFlags(0x0020);
    /// No free or cell variables.
    pub const NOFREE: CodeFlags = CodeFlags(0x0040);

    /// The empty set.
    pub const fn empty() -> CodeFlags {
        CodeFlags(0)
    }
    /// Whether all bits of `other` are set.
    pub const fn contains(self, other: CodeFlags) -> bool {
        self.0 & other.0 == other.0
    }
    /// Sets the bits of `other`.
    pub fn insert(&mut self, other: CodeFlags) {
        self.0 |= other.0;
    }
    /// The raw bits.
    pub const fn bits(self) -> u32 {
        self.0
    }
}

impl std::ops::BitOr for CodeFlags {
    type Output = CodeFlags;
    fn bitor(self, rhs: CodeFlags) -> CodeFlags {
        CodeFlags(self.0 | rhs.0)
    }
}

/// localspluskinds bit: a plain local (or argument).
pub const CO_FAST_LOCAL: u8 = 0x20;
/// localspluskinds bit: a cell variable.
pub const CO_FAST_CELL: u8 = 0x40;
/// localspluskinds bit: a free variable.
pub const CO_FAST_FREE: u8 = 0x80;

/// Source position of one instruction, like an entry of 3.11's `co_positions()`.
/// Lines are 1-based, columns 0-based UTF-8 byte offsets. `line == 0` means "no location"
/// (artificial instruction); then all fields are 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Location {
    /// Start line (1-based), 0 if none.
    pub line: u32,
    /// End line.
    pub end_line: u32,
    /// Start column (0-based, UTF-8 bytes).
    pub col: u32,
    /// End column (0-based, UTF-8 bytes, exclusive).
    pub end_col: u32,
}

/// One exception-table entry: instructions in `start..end` (instruction indices, end
/// exclusive) are covered by the handler at `target`. On an exception the VM pops the value
/// stack down to `depth`, pushes the instruction index of the raising instruction as an int if
/// `lasti`, pushes the exception, and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First covered instruction index.
    pub start: u32,
    /// One past the last covered instruction index.
    pub end: u32,
    /// Handler instruction index.
    pub target: u32,
    /// Stack depth to unwind to.
    pub depth: u32,
    /// Whether to push the raising instruction's index before the exception.
    pub lasti: bool,
}

/// A constant in `co_consts`.
#[derive(Clone, Debug)]
pub enum Constant {
    /// `None`
    None,
    /// `...`
    Ellipsis,
    /// `True` / `False`
    Bool(bool),
    /// An int.
    Int(num_bigint::BigInt),
    /// A float.
    Float(f64),
    /// A complex number.
    Complex {
        /// Real part.
        re: f64,
        /// Imaginary part.
        im: f64,
    },
    /// A str.
    Str(String),
    /// A bytes object.
    Bytes(Vec<u8>),
    /// A tuple of constants.
    Tuple(Vec<Constant>),
    /// A frozenset of constants (from `x in {1, 2}` folding).
    FrozenSet(Vec<Constant>),
    /// A nested code object.
    Code(Arc<CodeObject>),
}

/// A compiled code object (plain data).
#[derive(Clone, Debug)]
pub struct CodeObject {
    /// `co_name`
    pub name: String,
    /// `co_qualname`
    pub qualname: String,
    /// `co_filename`
    pub filename: String,
    /// `co_flags`
    pub flags: CodeFlags,
    /// `co_argcount` (positional args incl. positional-only)
    pub argcount: u32,
    /// `co_posonlyargcount`
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`
    pub kwonlyargcount: u32,
    /// The code units.
    pub instructions: Vec<Instruction>,
    /// `co_consts`
    pub consts: Vec<Constant>,
    /// `co_names`
    pub names: Vec<String>,
    /// 3.11 `co_localsplusnames`: args/locals, then cells that are not args, then frees.
    pub localsplusnames: Vec<String>,
    /// Kinds (CO_FAST_* bits) parallel to `localsplusnames`. An argument that is also a cell
    /// has `CO_FAST_LOCAL | CO_FAST_CELL`.
    pub localspluskinds: Vec<u8>,
    /// `co_nlocals`
    pub nlocals: u32,
    /// `len(co_cellvars)`
    pub ncellvars: u32,
    /// `len(co_freevars)`
    pub nfreevars: u32,
    /// Maximum value-stack depth.
    pub stacksize: u32,
    /// `co_firstlineno`
    pub firstlineno: u32,
    /// One location per instruction (EXTENDED_ARG prefixes share their instruction's).
    pub locations: Vec<Location>,
    /// Sorted, non-overlapping exception table.
    pub exception_table: Vec<ExceptionTableEntry>,
}

impl CodeObject {
    /// The full argument of the instruction at `index`, combining preceding EXTENDED_ARGs.
    pub fn full_arg(&self, index: usize) -> u32 {
        let mut arg = self.instructions[index].arg as u32;
        let mut shift = 8;
        let mut i = index;
        while i > 0 && self.instructions[i - 1].op == Opcode::EXTENDED_ARG && shift < 32 {
            i -= 1;
            arg |= (self.instructions[i].arg as u32) << shift;
            shift += 8;
        }
        arg
    }
}

/// Compilation mode, like the `mode` argument of `compile()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module (`"exec"`).
    Exec,
    /// A single expression (`"eval"`).
    Eval,
    /// An interactive statement (`"single"`): expression statements print their value.
    Single,
}

/// The Python exception class a [`CompileError`] maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `SyntaxError`
    SyntaxError,
    /// `IndentationError`
    IndentationError,
    /// `TabError`
    TabError,
    /// `RecursionError` (AST too deep to compile).
    RecursionError,
    /// A construct pyrite does not support yet (async/await, match); the VM may map it to
    /// `SyntaxError` or `NotImplementedError`.
    NotSupported,
}

/// A compile-time error with CPython-compatible message and position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// Which exception to raise.
    pub kind: ErrorKind,
    /// The message, e.g. `"invalid syntax"`.
    pub msg: String,
    /// The file name passed to `compile`.
    pub filename: String,
    /// 1-based line.
    pub lineno: usize,
    /// 1-based column in characters, as CPython's `SyntaxError.offset`.
    pub offset: usize,
    /// 1-based end line.
    pub end_lineno: usize,
    /// 1-based end column in characters.
    pub end_offset: usize,
    /// The offending source line (with its newline), if any.
    pub text: Option<String>,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {} ({}, line {})", self.kind, self.msg, self.filename, self.lineno)
    }
}

impl std::error::Error for CompileError {}
