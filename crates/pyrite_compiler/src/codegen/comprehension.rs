//! List/set/dict comprehensions and generator expressions (separate code objects in 3.11).

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::ir::Op;
use super::{CResult, Compiler};
use crate::bytecode::Opcode;
use crate::symtable::ScopeKind;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    Gen,
    List,
    Set,
    Dict,
}

impl Compiler<'_, '_> {
    pub(crate) fn comprehension(&mut self, e: &Expr) -> CResult {
        let (kind, name, generators, elt, val): (CompKind, &str, &[ast::Comprehension], &Expr, Option<&Expr>) =
            match e {
                Expr::ListComp(c) => (CompKind::List, "<listcomp>", &c.generators, &c.elt, None),
                Expr::SetComp(c) => (CompKind::Set, "<setcomp>", &c.generators, &c.elt, None),
                Expr::Generator(c) => (CompKind::Gen, "<genexpr>", &c.generators, &c.elt, None),
                Expr::DictComp(c) => match &c.key {
                    Some(k) => (CompKind::Dict, "<dictcomp>", &c.generators, &**k, Some(&*c.value)),
                    None => return Err(self.error("dict unpacking cannot be used in dict comprehension", c.range)),
                },
                _ => return Err(self.error("invalid syntax", e.range())),
            };
        let Some(outermost) = generators.first() else {
            return Err(self.error("invalid syntax", e.range()));
        };
        let scope = self
            .table
            .scope_for(e.range())
            .ok_or_else(|| self.error("internal error: missing symbol table entry", e.range()))?;
        let range = self.genexp_range(e);
        let qualname = self.qualname(name, ScopeKind::Comprehension);
        let line = self.src.location(range).line;
        self.enter_unit(scope, name, qualname, line);
        self.set_loc(range);
        match kind {
            CompKind::List => self.emit(Opcode::BUILD_LIST, 0),
            CompKind::Set => self.emit(Opcode::BUILD_SET, 0),
            CompKind::Dict => self.emit(Opcode::BUILD_MAP, 0),
            CompKind::Gen => {}
        }
        self.comp_generator(generators, 0, 0, elt, val, kind)?;
        if kind == CompKind::Gen {
            self.finish_function_body();
        } else {
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let code = self.exit_unit();
        self.set_loc(range);
        self.make_closure(code, 0);
        self.iter_expr(&outermost.iter)?;
        self.set_loc(range);
        self.emit(Opcode::GET_ITER, 0);
        self.emit(Opcode::CALL, 0);
        Ok(())
    }

    /// CPython's position of a comprehension: a generator expression that is the sole call
    /// argument includes the call's parentheses.
    fn genexp_range(&self, e: &Expr) -> TextRange {
        let r = e.range();
        let Expr::Generator(g) = e else { return r };
        if g.parenthesized {
            return r;
        }
        let text = self.src.text;
        let before = text[..r.start().to_usize()].trim_end();
        let after = text[r.end().to_usize()..].trim_start();
        if before.ends_with('(') && after.starts_with(')') {
            let start = before.len() - 1;
            let end = text.len() - after.len() + 1;
            return TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32));
        }
        r
    }

    fn comp_generator(
        &mut self,
        generators: &[ast::Comprehension],
        index: usize,
        mut depth: u32,
        elt: &Expr,
        val: Option<&Expr>,
        kind: CompKind,
    ) -> CResult {
        let gen = &generators[index];
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        if index == 0 {
            self.unit().argcount = 1;
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            let single = match &gen.iter {
                Expr::List(l) if l.elts.len() == 1 => Some(&l.elts[0]),
                Expr::Tuple(t) if t.elts.len() == 1 => Some(&t.elts[0]),
                _ => None,
            };
            match single {
                Some(el) if !matches!(el, Expr::Starred(_)) => {
                    self.expr(el)?;
                    start = None;
                }
                _ => {
                    self.iter_expr(&gen.iter)?;
                    self.emit(Opcode::GET_ITER, 0);
                }
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_block(s);
            self.emit_jump(Op::ForIter, anchor);
        }
        self.store_target(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.comp_generator(generators, index + 1, depth, elt, val, kind)?;
        } else {
            match kind {
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.emit(Opcode::YIELD_VALUE, 0);
                    self.emit(Opcode::RESUME, 1);
                    self.emit(Opcode::POP_TOP, 0);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Opcode::LIST_APPEND, depth + 1);
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Opcode::SET_ADD, depth + 1);
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = val {
                        self.expr(v)?;
                    }
                    self.emit(Opcode::MAP_ADD, depth + 1);
                }
            }
        }
        self.use_block(if_cleanup);
        if let Some(s) = start {
            self.emit_jump(Op::Jump, s);
            self.use_block(anchor);
        }
        Ok(())
    }
}
