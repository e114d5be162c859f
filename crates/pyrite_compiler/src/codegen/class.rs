//! Class definitions: the class body code object, `__module__`/`__qualname__`,
//! `__classcell__`, and the `__build_class__` call.

use ruff_python_ast as ast;

use super::{CResult, Compiler, NameCtx};
use crate::bytecode::{Constant, Location, Opcode};
use crate::symtable::ScopeKind;

impl Compiler<'_, '_> {
    pub(crate) fn class_def(&mut self, c: &ast::StmtClassDef) -> CResult {
        let stmt_range = self.keyword_range(c.range, c.name.range, "class");
        self.decorators(&c.decorator_list)?;
        let firstlineno = match c.decorator_list.first() {
            Some(d) => self.src.location(ruff_text_size::Ranged::range(&d.expression)).line,
            None => self.src.location(stmt_range).line,
        };
        let scope = self
            .table
            .scope_for(c.range)
            .ok_or_else(|| self.error("internal error: missing symbol table entry", c.range))?;
        let qualname = self.qualname(&c.name, ScopeKind::Class);
        self.enter_unit(scope, &c.name, qualname.clone(), firstlineno);
        self.unit().loc =
            Some(Location { line: firstlineno, end_line: firstlineno, col: 0, end_col: 0 });
        self.set_loc(stmt_range);
        self.name_op("__name__", NameCtx::Load)?;
        self.name_op("__module__", NameCtx::Store)?;
        self.load_const(Constant::Str(qualname));
        self.name_op("__qualname__", NameCtx::Store)?;
        self.module_body(&c.body)?;
        self.unset_loc();
        if self.table.scopes[scope].needs_class_closure {
            let idx = self.deref_index("__class__");
            self.emit(Opcode::LOAD_CLOSURE, idx);
            self.emit(Opcode::COPY, 1);
            self.name_op("__classcell__", NameCtx::Store)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_unit();
        self.set_loc(stmt_range);
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.make_closure(code, 0);
        self.load_const(Constant::Str(c.name.to_string()));
        let (args, kws): (&[ast::Expr], &[ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_helper(2, args, kws, stmt_range)?;
        self.apply_decorators(&c.decorator_list);
        self.set_loc(stmt_range);
        self.name_op(&c.name, NameCtx::Store)
    }
}
