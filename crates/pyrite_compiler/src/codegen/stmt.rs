//! Statements: module body, control flow (if/while/for, break/continue/return), raise,
//! assert, imports, expression statements.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::ir::{BlockId, Op};
use super::{fold, CResult, Compiler, FBlock, NameCtx};
use crate::bytecode::{Constant, Opcode};
use crate::symtable::ScopeKind;
use num_bigint::BigInt;

const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Whether the module starts with `from __future__ import annotations` (after the docstring
/// and other future imports).
pub(crate) fn has_future_annotations(body: &[Stmt]) -> bool {
    for (i, s) in body.iter().enumerate() {
        match s {
            Stmt::Expr(e) if i == 0 && matches!(&*e.value, Expr::StringLiteral(_)) => continue,
            Stmt::ImportFrom(f) if f.module.as_deref() == Some("__future__") && f.level == 0 => {
                if f.names.iter().any(|a| a.name.id.as_str() == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// Whether a block contains an annotated assignment (not looking into defs/classes).
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        _ => false,
    })
}

/// The docstring of a body, if its first statement is a plain string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            Expr::StringLiteral(s) => Some(fold::string_value(s)),
            _ => None,
        },
        _ => None,
    }
}

impl Compiler<'_, '_> {
    /// Module (or class) body with docstring and `__annotations__` setup.
    pub(crate) fn module_body(&mut self, body: &[Stmt]) -> CResult {
        if let (Some(first), ScopeKind::Module) = (body.first(), self.unit_ref().kind) {
            self.set_loc(first.range());
        }
        if find_ann(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let mut rest = body;
        if let Some(doc) = docstring(body) {
            self.set_loc(body[0].range());
            self.load_const(Constant::Str(doc));
            self.unset_loc();
            self.name_op("__doc__", NameCtx::Store)?;
            rest = &body[1..];
        }
        self.stmts(rest)
    }

    pub(crate) fn stmts(&mut self, body: &[Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    pub(crate) fn stmt(&mut self, s: &Stmt) -> CResult {
        self.enter_depth(s.range())?;
        self.set_loc(s.range());
        self.stmt_inner(s)?;
        self.leave_depth();
        Ok(())
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CResult {
        match s {
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Return(r) => self.return_stmt(r)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            Stmt::Assign(a) => self.assign(a)?,
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::For(f) => self.for_stmt(f)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::If(i) => self.if_chain(&i.test, &i.body, &i.elif_else_clauses)?,
            Stmt::With(w) => self.with_stmt(w, 0)?,
            Stmt::Try(t) => self.try_stmt(t)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n += 1;
                    }
                }
                self.set_loc(s.range());
                self.emit(Opcode::RAISE_VARARGS, n);
            }
            Stmt::Assert(a) => {
                let end = self.new_block();
                self.jump_if(&a.test, end, true)?;
                self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Opcode::CALL, 0);
                }
                self.emit(Opcode::RAISE_VARARGS, 1);
                self.use_block(end);
            }
            Stmt::Import(i) => self.import(i)?,
            Stmt::ImportFrom(i) => self.import_from(i)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Expr(e) if self.prints_expressions() => {
                self.expr(&e.value)?;
                self.emit(Opcode::PRINT_EXPR, 0);
            }
            Stmt::Expr(e) => {
                if fold::fold(&e.value).is_some() && !matches!(&*e.value, Expr::Name(_)) {
                    self.emit(Opcode::NOP, 0);
                } else {
                    self.expr(&e.value)?;
                    self.unset_loc();
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            Stmt::Pass(_) => self.emit(Opcode::NOP, 0),
            Stmt::Break(_) => {
                self.emit(Opcode::NOP, 0);
                let Some(loop_fb) = self.unwind_fblock_stack(false, true)? else {
                    return Err(self.error("'break' outside loop", s.range()));
                };
                self.unwind_fblock(&loop_fb, false)?;
                let (FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. }) = loop_fb else {
                    return Err(self.error("'break' outside loop", s.range()));
                };
                self.emit_jump(Op::Jump, exit);
            }
            Stmt::Continue(_) => {
                self.emit(Opcode::NOP, 0);
                let Some(loop_fb) = self.unwind_fblock_stack(false, true)? else {
                    return Err(self.error("'continue' not properly in loop", s.range()));
                };
                let (FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. }) = loop_fb else {
                    return Err(self.error("'continue' not properly in loop", s.range()));
                };
                self.emit_jump(Op::Jump, start);
            }
            Stmt::Match(_) => {
                return Err(self.src.error(
                    crate::bytecode::ErrorKind::NotSupported,
                    "match statement is not supported yet",
                    s.range(),
                ))
            }
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {
                return Err(self.error("invalid syntax", s.range()))
            }
        }
        Ok(())
    }

    fn return_stmt(&mut self, r: &ast::StmtReturn) -> CResult {
        if !self.is_function_unit() {
            return Err(self.error("'return' outside function", r.range));
        }
        let folded = r.value.as_deref().and_then(fold::fold);
        let preserve = r.value.is_some() && folded.is_none();
        if preserve {
            if let Some(v) = &r.value {
                self.expr(v)?;
            }
        } else if let Some(v) = &r.value {
            self.set_loc(v.range());
            self.emit(Opcode::NOP, 0);
        }
        let stmt_line = self.src.location(r.range).line;
        let value_line = r.value.as_ref().map(|v| self.src.location(v.range()).line);
        if value_line != Some(stmt_line) {
            self.set_loc(r.range);
            self.emit(Opcode::NOP, 0);
        }
        self.unwind_fblock_stack(preserve, false)?;
        if !preserve {
            self.load_const(folded.unwrap_or(Constant::None));
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    fn if_chain(&mut self, test: &Expr, body: &[Stmt], clauses: &[ast::ElifElseClause]) -> CResult {
        let end = self.new_block();
        let next = if clauses.is_empty() { end } else { self.new_block() };
        self.jump_if(test, next, false)?;
        self.stmts(body)?;
        if let Some((first, rest)) = clauses.split_first() {
            self.unset_loc();
            self.emit_jump(Op::Jump, end);
            self.use_block(next);
            match &first.test {
                Some(t) => {
                    self.set_loc(first.range);
                    self.if_chain(t, &first.body, rest)?
                }
                None => self.stmts(&first.body)?,
            }
        }
        self.use_block(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &ast::StmtWhile) -> CResult {
        let start = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let exit = self.new_block();
        self.use_block(start);
        self.push_fblock(FBlock::WhileLoop { start, exit });
        self.jump_if(&w.test, anchor, false)?;
        self.use_block(body);
        self.stmts(&w.body)?;
        self.set_loc(w.range);
        self.jump_if(&w.test, body, true)?;
        self.pop_fblock();
        self.use_block(anchor);
        self.stmts(&w.orelse)?;
        self.use_block(exit);
        Ok(())
    }

    fn for_stmt(&mut self, f: &ast::StmtFor) -> CResult {
        let start = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlock::ForLoop { start, exit: end });
        self.iter_expr(&f.iter)?;
        self.set_loc(f.range);
        self.emit(Opcode::GET_ITER, 0);
        self.use_block(start);
        self.emit_jump(Op::ForIter, cleanup);
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.unset_loc();
        self.emit_jump(Op::Jump, start);
        self.use_block(cleanup);
        self.pop_fblock();
        self.stmts(&f.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn import(&mut self, i: &ast::StmtImport) -> CResult {
        for a in &i.names {
            self.set_loc(i.range);
            self.load_const(Constant::Int(BigInt::from(0)));
            self.load_const(Constant::None);
            let name = a.name.id.as_str();
            let idx = self.add_mangled_name(name);
            self.emit(Opcode::IMPORT_NAME, idx);
            match &a.asname {
                Some(asname) => {
                    let parts: Vec<&str> = name.split('.').collect();
                    if parts.len() > 1 {
                        for (k, attr) in parts[1..].iter().enumerate() {
                            let idx = self.add_name(attr);
                            self.emit(Opcode::IMPORT_FROM, idx);
                            if k + 2 < parts.len() {
                                self.emit(Opcode::SWAP, 2);
                                self.emit(Opcode::POP_TOP, 0);
                            }
                        }
                        self.name_op(asname, NameCtx::Store)?;
                        self.emit(Opcode::POP_TOP, 0);
                    } else {
                        self.name_op(asname, NameCtx::Store)?;
                    }
                }
                None => {
                    let base = name.split('.').next().unwrap_or(name);
                    self.name_op(base, NameCtx::Store)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &ast::StmtImportFrom) -> CResult {
        if i.module.as_deref() == Some("__future__") && i.level == 0 {
            for a in &i.names {
                let n = a.name.id.as_str();
                if n == "braces" {
                    return Err(self.error("not a chance", TextRange::empty(i.range.start())));
                }
                if !FUTURE_FEATURES.contains(&n) {
                    return Err(self.error(format!("future feature {n} is not defined"), a.range));
                }
            }
        }
        self.load_const(Constant::Int(BigInt::from(i.level)));
        let names: Vec<Constant> =
            i.names.iter().map(|a| Constant::Str(a.name.id.to_string())).collect();
        self.load_const(Constant::Tuple(names));
        let module = i.module.as_ref().map_or("", |m| m.id.as_str());
        let idx = self.add_mangled_name(module);
        self.emit(Opcode::IMPORT_NAME, idx);
        for (k, a) in i.names.iter().enumerate() {
            if k == 0 && a.name.id.as_str() == "*" {
                self.emit(Opcode::IMPORT_STAR, 0);
                return Ok(());
            }
            let idx = self.add_mangled_name(&a.name);
            self.emit(Opcode::IMPORT_FROM, idx);
            let store = a.asname.as_ref().unwrap_or(&a.name);
            self.name_op(store, NameCtx::Store)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// Unwinds frame blocks (innermost first) for return/break/continue. With `stop_at_loop`,
    /// stops at the innermost loop and returns it (without unwinding it).
    pub(crate) fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> CResult<Option<FBlock>> {
        let Some(top) = self.unit_ref().fblocks.last().cloned() else { return Ok(None) };
        if stop_at_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Ok(Some(top));
        }
        self.unit().fblocks.pop();
        let r = self.unwind_fblock(&top, preserve_tos).and_then(|_| {
            self.unwind_fblock_stack(preserve_tos, stop_at_loop)
        });
        self.unit().fblocks.push(top);
        r
    }

    /// Emits the clean-up code for leaving one frame block early.
    pub(crate) fn unwind_fblock(&mut self, fb: &FBlock, preserve_tos: bool) -> CResult {
        match fb {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlock::TryExcept => self.emit_pop_block(),
            FBlock::FinallyTry { body } => {
                self.emit_pop_block();
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue);
                }
                let body = body.clone();
                self.stmts(&body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_pop_block();
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlock::With { range } => {
                self.set_loc(*range);
                self.emit_pop_block();
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                self.emit(Opcode::POP_TOP, 0);
                self.unset_loc();
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit_pop_block();
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_pop_block();
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.name_op(n, NameCtx::Store)?;
                    self.name_op(n, NameCtx::Del)?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    pub(crate) fn emit_pop_block(&mut self) {
        self.emit_jump(Op::PopBlock, 0 as BlockId);
    }
}
