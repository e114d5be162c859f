//! Bytecode generation from the AST, mirroring CPython 3.11's `compile.c`.
//!
//! - [`ir`]: basic blocks and pseudo-instructions; [`assemble`]: CFG clean-up and layout;
//!   [`stack`]: stack effects and depth.
//! - Constructs: [`stmt`] (control flow, imports, ...), [`assign`] (targets, augmented
//!   assignment, del), [`expr`], [`call`], [`function`] (def, lambda, closures), [`class`],
//!   [`comprehension`], [`try_with`] (try/except/finally, with, unwinding), [`fold`]
//!   (constant folding).

mod assemble;
mod assign;
mod call;
mod class;
mod comprehension;
mod expr;
mod fold;
mod function;
mod ir;
mod stack;
mod stmt;
mod try_with;

use std::collections::HashMap;
use std::sync::Arc;

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::TextRange;

use crate::bytecode::{
    CodeFlags, CodeObject, CompileError, Constant, ErrorKind, Location, Mode, Opcode,
    CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL,
};
use crate::source::SourceFile;
use crate::symtable::{mangle, NameScope, ScopeKind, SymbolTable, DEF_FREE_CLASS, MAX_DEPTH};
use ir::{BlockId, Cfg, Instr, Op};

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

/// Kinds of frame blocks tracked for break/continue/return unwinding.
#[derive(Clone, Debug)]
pub(crate) enum FBlock {
    WhileLoop { start: BlockId, exit: BlockId },
    ForLoop { start: BlockId, exit: BlockId },
    TryExcept,
    FinallyTry { body: Vec<Stmt> },
    FinallyEnd,
    With { range: TextRange },
    HandlerCleanup { name: Option<String> },
    ExceptionHandler,
    PopValue,
}

/// One code object under construction.
pub(crate) struct Unit {
    scope: usize,
    kind: ScopeKind,
    cfg: Cfg,
    consts: Vec<Constant>,
    const_index: HashMap<String, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    varname_index: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    name: String,
    qualname: String,
    firstlineno: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: CodeFlags,
    fblocks: Vec<FBlock>,
    private: Option<String>,
    loc: Option<Location>,
}

/// Key for constant de-duplication: distinguishes types, `0.0`/`-0.0`, NaN payloads.
pub(crate) fn const_key(c: &Constant) -> String {
    match c {
        Constant::None => "N".into(),
        Constant::Ellipsis => "E".into(),
        Constant::Bool(b) => format!("b{b}"),
        Constant::Int(i) => format!("i{i}"),
        Constant::Float(f) => format!("f{:x}", f.to_bits()),
        Constant::Complex { re, im } => format!("c{:x},{:x}", re.to_bits(), im.to_bits()),
        Constant::Str(s) => format!("s{s}"),
        Constant::Bytes(b) => format!("y{b:?}"),
        Constant::Tuple(items) => {
            let mut k = String::from("t(");
            for it in items {
                k.push_str(&const_key(it));
                k.push('\u{1}');
            }
            k.push(')');
            k
        }
        Constant::FrozenSet(items) => {
            let mut k = String::from("z(");
            for it in items {
                k.push_str(&const_key(it));
                k.push('\u{1}');
            }
            k.push(')');
            k
        }
        // A cheap summary; `add_const` confirms full equality before merging code objects.
        Constant::Code(code) => format!(
            "c{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}",
            code.qualname,
            code.firstlineno,
            code.instructions.len(),
            code.consts.len(),
            code.locations.first().map_or(0, |l| l.col)
        ),
    }
}

/// The compiler: symbol table, source, and a stack of units.
pub(crate) struct Compiler<'s, 'a> {
    pub src: &'s SourceFile<'a>,
    pub table: SymbolTable,
    units: Vec<Unit>,
    mode: Mode,
    depth: usize,
    /// Set when compiling the body of a module with `from __future__ import annotations`.
    future_annotations: bool,
}

impl<'s, 'a> Compiler<'s, 'a> {
    pub fn new(src: &'s SourceFile<'a>, table: SymbolTable, mode: Mode) -> Self {
        Compiler {
            src,
            table,
            units: Vec::new(),
            mode,
            depth: 0,
            future_annotations: false,
        }
    }

    // ----- units -----

    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit is always active during codegen")
    }

    fn unit_ref(&self) -> &Unit {
        self.units.last().expect("a unit is always active during codegen")
    }

    pub(crate) fn enter_unit(&mut self, scope: usize, name: &str, qualname: String, firstlineno: u32) {
        let st = &self.table.scopes[scope];
        let kind = st.kind;
        let mut cellvars: Vec<String> = st
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == NameScope::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        if st.needs_class_closure {
            cellvars.push("__class__".into());
        }
        cellvars.sort();
        let mut freevars: Vec<String> = st
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == NameScope::Free || s.flags & DEF_FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        freevars.sort();
        let mut flags = CodeFlags::empty();
        if kind.is_function() {
            flags.insert(CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS);
            if st.nested {
                flags.insert(CodeFlags::NESTED);
            }
            if st.is_generator {
                flags.insert(CodeFlags::GENERATOR);
            }
        }
        let private = st.private.clone();
        let varnames = st.params.clone();
        let varname_index =
            varnames.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
        self.units.push(Unit {
            scope,
            kind,
            cfg: Cfg::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames,
            varname_index,
            cellvars,
            freevars,
            name: name.to_string(),
            qualname,
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags,
            fblocks: Vec::new(),
            private,
            loc: None,
        });
        // RESUME at the first line (module: line 0).
        let loc = if kind == ScopeKind::Module {
            None
        } else {
            Some(Location { line: firstlineno, end_line: firstlineno, col: 0, end_col: 0 })
        };
        self.unit().loc = loc;
        self.emit(Opcode::RESUME, 0);
        if kind == ScopeKind::Module {
            // Module RESUME reports line 0 like CPython; keep it as an explicit location.
            let u = self.unit();
            let b = u.cfg.cur;
            if let Some(i) = u.cfg.blocks[b].instrs.last_mut() {
                i.loc = Some(Location::default());
            }
        }
    }

    /// Finishes the current unit into a code object.
    pub(crate) fn exit_unit(&mut self) -> CodeObject {
        let mut u = self.units.pop().expect("a unit is always active during codegen");
        // Localsplus layout: varnames, then cells not already args, then frees.
        let nlocals = u.varnames.len();
        let mut names = u.varnames.clone();
        let mut kinds = vec![CO_FAST_LOCAL; nlocals];
        let mut cell_offsets = Vec::with_capacity(u.cellvars.len() + u.freevars.len());
        for c in &u.cellvars {
            if let Some(i) = u.varnames.iter().position(|v| v == c) {
                kinds[i] |= CO_FAST_CELL;
                cell_offsets.push(i as u32);
            } else {
                cell_offsets.push(names.len() as u32);
                names.push(c.clone());
                kinds.push(CO_FAST_CELL);
            }
        }
        for f in &u.freevars {
            cell_offsets.push(names.len() as u32);
            names.push(f.clone());
            kinds.push(CO_FAST_FREE);
        }
        // Fix up deref args (emitted as cell indices) to localsplus offsets.
        for b in u.cfg.blocks.iter_mut() {
            for ins in b.instrs.iter_mut() {
                if let Op::Real(
                    Opcode::LOAD_DEREF
                    | Opcode::STORE_DEREF
                    | Opcode::DELETE_DEREF
                    | Opcode::LOAD_CLOSURE
                    | Opcode::LOAD_CLASSDEREF,
                ) = ins.op
                {
                    ins.arg = cell_offsets[ins.arg as usize];
                }
            }
        }
        let mut prefix = Vec::new();
        if !u.freevars.is_empty() {
            prefix.push(Instr {
                op: Op::Real(Opcode::COPY_FREE_VARS),
                arg: u.freevars.len() as u32,
                target: 0,
                loc: None,
                handler: None,
            });
        }
        let mut cell_slots: Vec<u32> = cell_offsets[..u.cellvars.len()].to_vec();
        cell_slots.sort_unstable();
        for slot in cell_slots {
            prefix.push(Instr {
                op: Op::Real(Opcode::MAKE_CELL),
                arg: slot,
                target: 0,
                loc: None,
                handler: None,
            });
        }
        let cfg = std::mem::take(&mut u.cfg);
        let asm = assemble::assemble(cfg, prefix, &mut u.consts, &mut u.const_index);
        CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.src.filename.to_string(),
            flags: u.flags,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            instructions: asm.instructions,
            consts: u.consts,
            names: u.names,
            localsplusnames: names,
            localspluskinds: kinds,
            nlocals: nlocals as u32,
            ncellvars: u.cellvars.len() as u32,
            nfreevars: u.freevars.len() as u32,
            stacksize: asm.stacksize,
            firstlineno: u.firstlineno,
            locations: asm.locations,
            exception_table: asm.exception_table,
        }
    }

    // ----- emission -----

    pub(crate) fn set_loc(&mut self, range: TextRange) {
        let loc = self.src.location(range);
        self.unit().loc = Some(loc);
    }

    /// CPython's update_start_location_to_match_attr: a multi-line attribute access is located
    /// at its last line, starting at the attribute name.
    pub(crate) fn set_attr_loc(&mut self, attr: &ruff_python_ast::ExprAttribute) {
        let mut loc = self.src.location(attr.range);
        if loc.line != loc.end_line {
            loc.line = loc.end_line;
            loc.col = loc.end_col.saturating_sub(attr.attr.id.len() as u32);
        }
        self.unit().loc = Some(loc);
    }

    pub(crate) fn unset_loc(&mut self) {
        self.unit().loc = None;
    }

    pub(crate) fn emit(&mut self, op: Opcode, arg: u32) {
        let u = self.unit();
        let loc = u.loc;
        u.cfg.emit(Op::Real(op), arg, 0, loc);
    }

    pub(crate) fn emit_jump(&mut self, op: Op, target: BlockId) {
        let u = self.unit();
        let loc = u.loc;
        u.cfg.emit(op, 0, target, loc);
    }

    pub(crate) fn new_block(&mut self) -> BlockId {
        self.unit().cfg.new_block()
    }

    pub(crate) fn use_block(&mut self, b: BlockId) {
        self.unit().cfg.use_block(b);
    }

    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.unit();
        let key = const_key(&c);
        if let Some(&i) = u.const_index.get(&key) {
            // Equal code objects are merged, as CPython's const cache does (code objects
            // compare by value), e.g. a genexp in a `while` test that is compiled twice.
            let same = match (&c, &u.consts[i as usize]) {
                (Constant::Code(a), Constant::Code(b)) => format!("{a:?}") == format!("{b:?}"),
                _ => true,
            };
            if same {
                return i;
            }
            u.consts.push(c);
            return u.consts.len() as u32 - 1;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_index.insert(key, i);
        i
    }

    pub(crate) fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    pub(crate) fn add_name(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.to_string());
        u.name_index.insert(name.to_string(), i);
        i
    }

    /// Adds a mangled name to co_names (attributes, imports).
    pub(crate) fn add_mangled_name(&mut self, name: &str) -> u32 {
        let m = mangle(self.unit_ref().private.as_deref(), name);
        self.add_name(&m)
    }

    pub(crate) fn mangle(&self, name: &str) -> String {
        mangle(self.unit_ref().private.as_deref(), name)
    }

    fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.varname_index.get(name) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(name.to_string());
        u.varname_index.insert(name.to_string(), i);
        i
    }

    /// Index of a cell/free variable in (cellvars ++ freevars); fixed up at exit_unit.
    fn deref_index(&self, name: &str) -> u32 {
        let u = self.unit_ref();
        if let Some(i) = u.cellvars.iter().position(|v| v == name) {
            return i as u32;
        }
        let j = u.freevars.iter().position(|v| v == name).unwrap_or(0);
        (u.cellvars.len() + j) as u32
    }

    /// Emits a load/store/delete of a variable, choosing the op from its scope.
    pub(crate) fn name_op(&mut self, name: &str, ctx: NameCtx) -> CResult {
        let mangled = self.mangle(name);
        let scope = self.table.scopes[self.unit_ref().scope]
            .lookup(&mangled)
            .map_or(NameScope::GlobalImplicit, |s| s.scope);
        let kind = self.unit_ref().kind;
        let is_func = kind.is_function();
        // Names stored implicitly in class bodies (__module__, ...) behave like locals.
        let in_cells = self.unit_ref().cellvars.contains(&mangled)
            || self.unit_ref().freevars.contains(&mangled);
        match scope {
            NameScope::Free | NameScope::Cell if in_cells => {
                let idx = self.deref_index(&mangled);
                let op = match ctx {
                    NameCtx::Load if kind == ScopeKind::Class => Opcode::LOAD_CLASSDEREF,
                    NameCtx::Load => Opcode::LOAD_DEREF,
                    NameCtx::Store => Opcode::STORE_DEREF,
                    NameCtx::Del => Opcode::DELETE_DEREF,
                };
                self.emit(op, idx);
            }
            NameScope::Local if is_func => {
                let idx = self.varname_index(&mangled);
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_FAST,
                    NameCtx::Store => Opcode::STORE_FAST,
                    NameCtx::Del => Opcode::DELETE_FAST,
                };
                self.emit(op, idx);
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit
                if is_func || scope == NameScope::GlobalExplicit =>
            {
                let idx = self.add_name(&mangled);
                match ctx {
                    NameCtx::Load => self.emit(Opcode::LOAD_GLOBAL, idx << 1),
                    NameCtx::Store => self.emit(Opcode::STORE_GLOBAL, idx),
                    NameCtx::Del => self.emit(Opcode::DELETE_GLOBAL, idx),
                }
            }
            _ => {
                let idx = self.add_name(&mangled);
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_NAME,
                    NameCtx::Store => Opcode::STORE_NAME,
                    NameCtx::Del => Opcode::DELETE_NAME,
                };
                self.emit(op, idx);
            }
        }
        Ok(())
    }

    // ----- errors & depth -----

    pub(crate) fn error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.src.error(ErrorKind::SyntaxError, msg, range)
    }

    pub(crate) fn enter_depth(&mut self, range: TextRange) -> CResult {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.src.recursion_error(range));
        }
        Ok(())
    }

    pub(crate) fn leave_depth(&mut self) {
        self.depth -= 1;
    }

    pub(crate) fn is_function_unit(&self) -> bool {
        self.unit_ref().kind.is_function()
    }

    pub(crate) fn push_fblock(&mut self, f: FBlock) {
        self.unit().fblocks.push(f);
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    /// Whether code is unreachable after the last emitted instruction.
    pub(crate) fn current_block_is_dead(&self) -> bool {
        self.unit_ref().cfg.current_is_dead_end()
    }

    // ----- top level -----

    /// Compiles a module / expression into the top-level code object.
    pub(crate) fn compile_top(
        &mut self,
        body: Option<&[Stmt]>,
        expr: Option<&Expr>,
    ) -> CResult<CodeObject> {
        self.enter_unit(0, "<module>", "<module>".into(), 1);
        match (body, expr) {
            (Some(body), _) => {
                self.future_annotations = stmt::has_future_annotations(body);
                if self.mode == Mode::Single {
                    self.interactive_body(body)?;
                } else {
                    self.module_body(body)?;
                }
                if !self.current_block_is_dead() {
                    self.unset_loc();
                    self.load_const(Constant::None);
                    self.emit(Opcode::RETURN_VALUE, 0);
                }
            }
            (None, Some(e)) => {
                self.expr(e)?;
                self.emit(Opcode::RETURN_VALUE, 0);
            }
            (None, None) => {
                self.load_const(Constant::None);
                self.emit(Opcode::RETURN_VALUE, 0);
            }
        }
        Ok(self.exit_unit())
    }

    fn interactive_body(&mut self, body: &[Stmt]) -> CResult {
        if stmt::find_ann(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        self.stmts(body)
    }

    /// Interactive mode at top level: expression statements print their value.
    pub(crate) fn prints_expressions(&self) -> bool {
        self.mode == Mode::Single && self.units.len() == 1
    }

    pub(crate) fn code_const(&mut self, code: CodeObject) -> u32 {
        self.add_const(Constant::Code(Arc::new(code)))
    }

}

/// Load, store or delete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameCtx {
    Load,
    Store,
    Del,
}

/// Compiles parsed source into a code object.
pub(crate) fn generate(
    src: &SourceFile<'_>,
    table: SymbolTable,
    mode: Mode,
    body: Option<&[Stmt]>,
    expr: Option<&Expr>,
) -> CResult<CodeObject> {
    let mut c = Compiler::new(src, table, mode);
    c.compile_top(body, expr)
}
