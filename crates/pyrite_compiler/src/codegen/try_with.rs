//! try/except/else/finally and `with`, following CPython 3.11's exception-table layout.

use ruff_python_ast as ast;

use super::ir::Op;
use super::{CResult, Compiler, FBlock, NameCtx};
use crate::bytecode::{Constant, Opcode};

impl Compiler<'_, '_> {
    /// `COPY 3; POP_EXCEPT; RERAISE 1`
    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
    }

    /// `LOAD_CONST None` ×3; `CALL 2` (the `__exit__` call of a normal `with` exit).
    pub(crate) fn call_exit_with_nones(&mut self) {
        for _ in 0..3 {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::CALL, 2);
    }

    pub(crate) fn try_stmt(&mut self, t: &ast::StmtTry) -> CResult {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, end);
        self.use_block(body);
        self.push_fblock(FBlock::FinallyTry { body: t.finalbody.to_vec() });
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.unset_loc();
        self.emit_pop_block();
        self.pop_fblock();
        self.stmts(&t.finalbody)?;
        self.unset_loc();
        self.emit_jump(Op::Jump, exit);
        self.use_block(end);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::FinallyEnd);
        self.stmts(&t.finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        Ok(())
    }

    fn try_except(&mut self, t: &ast::StmtTry) -> CResult {
        let body = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, except);
        self.use_block(body);
        self.push_fblock(FBlock::TryExcept);
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.unset_loc();
        self.emit_pop_block();
        self.stmts(&t.orelse)?;
        self.unset_loc();
        self.emit_jump(Op::Jump, end);
        self.use_block(except);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::ExceptionHandler);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let next = self.new_block();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.set_loc(h.range);
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.emit_jump(Op::PopJumpIfFalse, next);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.name_op(name, NameCtx::Store)?;
                self.emit_jump(Op::SetupCleanup, cleanup_end);
                self.use_block(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup { name: Some(name.to_string()) });
                self.stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit_pop_block();
                self.emit_pop_block();
                self.emit(Opcode::POP_EXCEPT, 0);
                self.load_const(Constant::None);
                self.name_op(name, NameCtx::Store)?;
                self.name_op(name, NameCtx::Del)?;
                self.emit_jump(Op::Jump, end);
                self.use_block(cleanup_end);
                self.unset_loc();
                self.load_const(Constant::None);
                self.name_op(name, NameCtx::Store)?;
                self.name_op(name, NameCtx::Del)?;
                self.emit(Opcode::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::POP_TOP, 0);
                self.use_block(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup { name: None });
                self.stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit_pop_block();
                self.emit(Opcode::POP_EXCEPT, 0);
                self.emit_jump(Op::Jump, end);
            }
            self.use_block(next);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(end);
        Ok(())
    }

    pub(crate) fn with_stmt(&mut self, w: &ast::StmtWith, pos: usize) -> CResult {
        let item = &w.items[pos];
        let block = self.new_block();
        let fin = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.set_loc(w.range);
        self.emit(Opcode::BEFORE_WITH, 0);
        self.emit_jump(Op::SetupWith, fin);
        self.use_block(block);
        self.push_fblock(FBlock::With { range: w.range });
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.with_stmt(w, pos + 1)?;
        }
        self.unset_loc();
        self.emit_pop_block();
        self.pop_fblock();
        self.set_loc(w.range);
        self.call_exit_with_nones();
        self.emit(Opcode::POP_TOP, 0);
        self.emit_jump(Op::Jump, exit);
        self.use_block(fin);
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        // with_except_finish
        self.unset_loc();
        let suppress = self.new_block();
        self.emit_jump(Op::PopJumpIfTrue, suppress);
        self.emit(Opcode::RERAISE, 2);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(suppress);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_pop_block();
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.use_block(exit);
        Ok(())
    }
}
