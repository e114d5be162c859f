//! Function definitions and lambdas: defaults, kw-defaults, annotations, closures, decorators.

use ruff_python_ast::{self as ast, Decorator, Expr, Parameters};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::{stmt, CResult, Compiler, NameCtx};
use crate::bytecode::{CodeFlags, CodeObject, Constant, Opcode};
use crate::symtable::{NameScope, ScopeKind};

impl Compiler<'_, '_> {
    /// The range of a def/class statement starting at its keyword (ruff's starts at the first
    /// decorator; CPython's line is the keyword's).
    pub(crate) fn keyword_range(&self, full: TextRange, name: TextRange, kw: &str) -> TextRange {
        let before = &self.src.text[full.start().to_usize()..name.start().to_usize()];
        match before.rfind(kw) {
            Some(p) => TextRange::new(full.start() + TextSize::new(p as u32), full.end()),
            None => full,
        }
    }

    pub(crate) fn decorators(&mut self, decos: &[Decorator]) -> CResult {
        for d in decos {
            self.expr(&d.expression)?;
        }
        Ok(())
    }

    pub(crate) fn apply_decorators(&mut self, decos: &[Decorator]) {
        for d in decos.iter().rev() {
            self.set_loc(d.expression.range());
            self.emit(Opcode::CALL, 0);
        }
    }

    /// Qualified name of a new unit named `name` for a scope of `kind`.
    pub(crate) fn qualname(&self, name: &str, kind: ScopeKind) -> String {
        let Some(parent) = self.units.last() else { return name.to_string() };
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let mangled = crate::symtable::mangle(parent.private.as_deref(), name);
            let scope = self.table.scopes[parent.scope].lookup(&mangled).map(|s| s.scope);
            if scope == Some(NameScope::GlobalExplicit) {
                return name.to_string();
            }
        }
        if matches!(parent.kind, ScopeKind::Function | ScopeKind::Lambda) {
            format!("{}.<locals>.{name}", parent.qualname)
        } else {
            format!("{}.{name}", parent.qualname)
        }
    }

    /// Pushes defaults / kw-defaults; returns MAKE_FUNCTION flags.
    fn default_arguments(&mut self, p: &Parameters) -> CResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&Expr> =
            p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Opcode::BUILD_TUPLE, defaults.len() as u32);
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                keys.push(Constant::Str(self.mangle(&a.parameter.name)));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    fn arg_annotation(&mut self, name: &str, ann: Option<&Expr>, count: &mut u32) -> CResult {
        let Some(ann) = ann else { return Ok(()) };
        let m = self.mangle(name);
        self.load_const(Constant::Str(m));
        if let (Expr::Starred(s), false) = (ann, self.future_annotations) {
            self.expr(&s.value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1);
        } else {
            self.annotation_value(ann)?;
        }
        *count += 2;
        Ok(())
    }

    /// Pushes the annotations tuple if any; returns whether one was pushed.
    fn annotations(&mut self, p: &Parameters, returns: Option<&Expr>) -> CResult<bool> {
        let mut n = 0;
        for a in p.args.iter().chain(p.posonlyargs.iter()) {
            self.arg_annotation(&a.parameter.name, a.parameter.annotation.as_deref(), &mut n)?;
        }
        if let Some(v) = &p.vararg {
            self.arg_annotation(&v.name, v.annotation.as_deref(), &mut n)?;
        }
        for a in p.kwonlyargs.iter() {
            self.arg_annotation(&a.parameter.name, a.parameter.annotation.as_deref(), &mut n)?;
        }
        if let Some(k) = &p.kwarg {
            self.arg_annotation(&k.name, k.annotation.as_deref(), &mut n)?;
        }
        self.arg_annotation("return", returns, &mut n)?;
        if n > 0 {
            self.emit(Opcode::BUILD_TUPLE, n);
        }
        Ok(n > 0)
    }

    fn set_arg_counts(&mut self, p: &Parameters) {
        let u = self.unit();
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.flags.insert(CodeFlags::VARARGS);
        }
        if p.kwarg.is_some() {
            u.flags.insert(CodeFlags::VARKEYWORDS);
        }
    }

    /// Emits LOAD_CLOSUREs + BUILD_TUPLE (if the code has free vars), the code constant, and
    /// MAKE_FUNCTION.
    pub(crate) fn make_closure(&mut self, code: CodeObject, mut flags: u32) {
        let nfree = code.nfreevars as usize;
        if nfree > 0 {
            let start = code.localsplusnames.len() - nfree;
            for name in &code.localsplusnames[start..] {
                let idx = self.deref_index(name);
                self.emit(Opcode::LOAD_CLOSURE, idx);
            }
            flags |= 0x08;
            self.emit(Opcode::BUILD_TUPLE, nfree as u32);
        }
        let idx = self.code_const(code);
        self.emit(Opcode::LOAD_CONST, idx);
        self.emit(Opcode::MAKE_FUNCTION, flags);
    }

    fn scope_of(&self, range: TextRange) -> CResult<usize> {
        self.table
            .scope_for(range)
            .ok_or_else(|| self.error("internal error: missing symbol table entry", range))
    }

    pub(crate) fn function_def(&mut self, f: &ast::StmtFunctionDef) -> CResult {
        if f.is_async {
            return Err(self.src.error(
                crate::bytecode::ErrorKind::NotSupported,
                "async def is not supported yet",
                f.range,
            ));
        }
        let stmt_range = self.keyword_range(f.range, f.name.range, "def");
        self.decorators(&f.decorator_list)?;
        let firstlineno = match f.decorator_list.first() {
            Some(d) => self.src.location(d.expression.range()).line,
            None => self.src.location(stmt_range).line,
        };
        self.set_loc(stmt_range);
        let mut flags = self.default_arguments(&f.parameters)?;
        if self.annotations(&f.parameters, f.returns.as_deref())? {
            flags |= 0x04;
        }
        let scope = self.scope_of(f.range)?;
        let qualname = self.qualname(&f.name, ScopeKind::Function);
        self.enter_unit(scope, &f.name, qualname, firstlineno);
        let doc = stmt::docstring(&f.body);
        let body = if doc.is_some() { &f.body[1..] } else { &f.body[..] };
        self.add_const(doc.map_or(Constant::None, Constant::Str));
        self.set_arg_counts(&f.parameters);
        self.stmts(body)?;
        self.finish_function_body();
        let code = self.exit_unit();
        self.set_loc(stmt_range);
        self.make_closure(code, flags);
        self.apply_decorators(&f.decorator_list);
        self.set_loc(stmt_range);
        self.name_op(&f.name, NameCtx::Store)
    }

    /// Implicit `return None` at the end of a body.
    pub(crate) fn finish_function_body(&mut self) {
        if !self.current_block_is_dead() {
            self.unset_loc();
            self.load_const(Constant::None);
            self.emit(Opcode::RETURN_VALUE, 0);
        }
    }

    pub(crate) fn lambda(&mut self, l: &ast::ExprLambda) -> CResult {
        let mut flags = 0;
        if let Some(p) = &l.parameters {
            flags = self.default_arguments(p)?;
        }
        let scope = self.scope_of(l.range)?;
        let qualname = self.qualname("<lambda>", ScopeKind::Lambda);
        let line = self.src.location(l.range).line;
        self.enter_unit(scope, "<lambda>", qualname, line);
        self.add_const(Constant::None);
        if let Some(p) = &l.parameters {
            self.set_arg_counts(p);
        }
        self.expr(&l.body)?;
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_unit();
        self.set_loc(l.range);
        self.make_closure(code, flags);
        Ok(())
    }
}
