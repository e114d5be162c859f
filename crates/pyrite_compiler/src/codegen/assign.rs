//! Assignment targets, assignment statements, augmented and annotated assignment, `del`.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::expr::binop_arg;
use super::{CResult, Compiler, NameCtx};
use crate::bytecode::{Constant, Location, Opcode};
use crate::symtable::ScopeKind;

impl Compiler<'_, '_> {
    /// Stores TOS into a target expression.
    pub(crate) fn store_target(&mut self, t: &Expr) -> CResult {
        self.enter_depth(t.range())?;
        let saved = self.unit_ref().loc;
        self.set_loc(t.range());
        match t {
            Expr::Name(n) if n.id.as_str() == "__debug__" => {
                return Err(self.error("cannot assign to __debug__", n.range))
            }
            Expr::Name(n) => self.name_op(&n.id, NameCtx::Store)?,
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_attr_loc(a);
                let idx = self.add_mangled_name(&a.attr);
                self.emit(Opcode::STORE_ATTR, idx);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(t.range());
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_into(elts)?;
            }
            Expr::Starred(s) => {
                return Err(
                    self.error("starred assignment target must be in a list or tuple", s.range)
                )
            }
            _ => return Err(self.error("cannot assign to expression", t.range())),
        }
        self.unit().loc = saved;
        self.leave_depth();
        Ok(())
    }

    fn unpack_into(&mut self, elts: &[Expr]) -> CResult {
        let n = elts.len();
        let mut star: Option<usize> = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Expr::Starred(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred expressions in assignment", e.range()));
                }
                if i >= 256 || n - i > (i32::MAX as usize >> 8) {
                    return Err(self.error(
                        "too many expressions in star-unpacking assignment",
                        e.range(),
                    ));
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32),
            None => self.emit(Opcode::UNPACK_SEQUENCE, n as u32),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                _ => self.store_target(e)?,
            }
        }
        Ok(())
    }

    pub(crate) fn assign(&mut self, a: &ast::StmtAssign) -> CResult {
        // `a, b = x, y`: no tuple is built (CPython's BUILD_TUPLE/UNPACK_SEQUENCE peephole).
        if let ([Expr::Tuple(ast::ExprTuple { elts: targets, .. }) | Expr::List(ast::ExprList { elts: targets, .. })], Expr::Tuple(v)) =
            (a.targets.as_slice(), &*a.value)
        {
            let n = v.elts.len();
            let no_star = |es: &[Expr]| es.iter().all(|e| !matches!(e, Expr::Starred(_)));
            if n == targets.len() && (1..=3).contains(&n) && no_star(targets) && no_star(&v.elts)
                && super::fold::fold(&a.value).is_none()
            {
                for e in &v.elts {
                    self.expr(e)?;
                }
                self.set_loc(a.range);
                if n > 1 {
                    self.emit(Opcode::SWAP, n as u32);
                }
                for t in targets {
                    self.store_target(t)?;
                }
                return Ok(());
            }
        }
        self.expr(&a.value)?;
        let n = a.targets.len();
        for (i, t) in a.targets.iter().enumerate() {
            if i + 1 < n {
                self.set_loc(a.range);
                self.emit(Opcode::COPY, 1);
            }
            self.store_target(t)?;
        }
        Ok(())
    }

    pub(crate) fn aug_assign(&mut self, a: &ast::StmtAugAssign) -> CResult {
        let t = &*a.target;
        let tloc = self.src.location(t.range());
        let end_line_loc = Location { line: tloc.end_line, ..tloc };
        match t {
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.set_loc(t.range());
                self.emit(Opcode::COPY, 1);
                self.unit().loc = Some(end_line_loc);
                let idx = self.add_mangled_name(&at.attr);
                self.emit(Opcode::LOAD_ATTR, idx);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(t.range());
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR, 0);
            }
            Expr::Name(n) => {
                self.set_loc(t.range());
                self.name_op(&n.id, NameCtx::Load)?;
            }
            _ => {
                return Err(self.error(
                    "'expression' is an illegal expression for augmented assignment",
                    t.range(),
                ))
            }
        }
        self.expr(&a.value)?;
        self.set_loc(a.range);
        self.emit(Opcode::BINARY_OP, binop_arg(a.op, true));
        self.set_loc(t.range());
        match t {
            Expr::Attribute(at) => {
                self.unit().loc = Some(end_line_loc);
                self.emit(Opcode::SWAP, 2);
                let idx = self.add_mangled_name(&at.attr);
                self.emit(Opcode::STORE_ATTR, idx);
            }
            Expr::Subscript(_) => {
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            Expr::Name(n) => self.name_op(&n.id, NameCtx::Store)?,
            _ => {}
        }
        Ok(())
    }

    pub(crate) fn delete(&mut self, t: &Expr) -> CResult {
        self.enter_depth(t.range())?;
        self.set_loc(t.range());
        match t {
            Expr::Name(n) if n.id.as_str() == "__debug__" => {
                return Err(self.error("cannot delete __debug__", n.range))
            }
            Expr::Name(n) => self.name_op(&n.id, NameCtx::Del)?,
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_attr_loc(a);
                let idx = self.add_mangled_name(&a.attr);
                self.emit(Opcode::DELETE_ATTR, idx);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(t.range());
                self.emit(Opcode::DELETE_SUBSCR, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            _ => return Err(self.error("cannot delete expression", t.range())),
        }
        self.leave_depth();
        Ok(())
    }

    pub(crate) fn ann_assign(&mut self, a: &ast::StmtAnnAssign) -> CResult {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let kind = self.unit_ref().kind;
        let module_or_class = matches!(kind, ScopeKind::Module | ScopeKind::Class);
        match &*a.target {
            Expr::Name(n) if a.simple && module_or_class => {
                self.set_loc(a.range);
                self.annotation_value(&a.annotation)?;
                self.set_loc(a.range);
                let idx = self.add_name("__annotations__");
                self.emit(Opcode::LOAD_NAME, idx);
                let m = self.mangle(&n.id);
                self.load_const(Constant::Str(m));
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            Expr::Attribute(at) if a.value.is_none() => {
                self.expr(&at.value)?;
                self.emit(Opcode::POP_TOP, 0);
            }
            Expr::Subscript(s) if a.value.is_none() => {
                self.expr(&s.value)?;
                self.emit(Opcode::POP_TOP, 0);
                self.expr(&s.slice)?;
                self.emit(Opcode::POP_TOP, 0);
            }
            _ => {}
        }
        if !a.simple && !self.future_annotations && module_or_class {
            self.expr(&a.annotation)?;
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    /// An annotation value: evaluated, or its source text under `from __future__ import
    /// annotations`.
    pub(crate) fn annotation_value(&mut self, ann: &Expr) -> CResult {
        if self.future_annotations {
            let r = ann.range();
            let text = self.src.text[r.start().to_usize()..r.end().to_usize()].to_string();
            self.load_const(Constant::Str(text));
            Ok(())
        } else {
            self.expr(ann)
        }
    }
}
