//! Calls: LOAD_METHOD/CALL, PUSH_NULL/CALL with KW_NAMES, and CALL_FUNCTION_EX for `*`/`**`.

use std::collections::HashSet;

use ruff_python_ast::{self as ast, Expr, Keyword};
use ruff_text_size::Ranged;

use super::expr::STACK_USE_GUARDRAIL;
use super::{CResult, Compiler};
use crate::bytecode::{Constant, Opcode};

impl Compiler<'_, '_> {
    pub(crate) fn call(&mut self, c: &ast::ExprCall) -> CResult {
        self.check_keywords(&c.arguments.keywords)?;
        let range = c.range();
        if let Expr::Attribute(attr) = &*c.func {
            let imported = matches!(&*attr.value, Expr::Name(n) if self.is_module_import(&n.id));
            let args = &c.arguments.args;
            let kws = &c.arguments.keywords;
            let simple = args.iter().all(|a| !matches!(a, Expr::Starred(_)))
                && kws.iter().all(|k| k.arg.is_some())
                && args.len() + kws.len() + usize::from(!kws.is_empty()) < STACK_USE_GUARDRAIL;
            if simple && !imported {
                self.expr(&attr.value)?;
                let saved = self.unit_ref().loc;
                self.set_attr_loc(attr);
                let loc = self.unit_ref().loc.unwrap_or_default();
                let idx = self.add_mangled_name(&attr.attr);
                self.emit(Opcode::LOAD_METHOD, idx);
                for a in args.iter() {
                    self.expr(a)?;
                }
                for k in kws.iter() {
                    self.expr(&k.value)?;
                }
                self.unit().loc = Some(loc);
                if !kws.is_empty() {
                    self.kw_names(kws);
                }
                self.emit(Opcode::CALL, (args.len() + kws.len()) as u32);
                self.unit().loc = saved;
                return Ok(());
            }
        }
        self.set_loc(c.func.range());
        self.emit(Opcode::PUSH_NULL, 0);
        self.set_loc(range);
        self.expr(&c.func)?;
        self.call_helper(0, &c.arguments.args, &c.arguments.keywords, range)
    }

    /// Whether `name` is bound by an import at module level (CPython then avoids LOAD_METHOD).
    fn is_module_import(&self, name: &str) -> bool {
        self.table.scopes[0]
            .lookup(name)
            .is_some_and(|s| s.flags & crate::symtable::DEF_IMPORT != 0)
    }

    fn check_keywords(&self, kws: &[Keyword]) -> CResult {
        let mut seen = HashSet::new();
        for k in kws {
            if let Some(name) = &k.arg {
                if !seen.insert(name.id.as_str()) {
                    return Err(
                        self.error(format!("keyword argument repeated: {}", name.id), k.range)
                    );
                }
            }
        }
        Ok(())
    }

    fn kw_names(&mut self, kws: &[Keyword]) {
        let names: Vec<Constant> = kws
            .iter()
            .map(|k| Constant::Str(k.arg.as_ref().map_or(String::new(), |a| a.id.to_string())))
            .collect();
        let idx = self.add_const(Constant::Tuple(names));
        self.emit(Opcode::KW_NAMES, idx);
    }

    /// Arguments and the call itself; `n` values (e.g. class body function and name) are
    /// already pushed as leading positional arguments.
    pub(crate) fn call_helper(
        &mut self,
        n: u32,
        args: &[Expr],
        kws: &[Keyword],
        range: ruff_text_size::TextRange,
    ) -> CResult {
        self.check_keywords(kws)?;
        let nelts = args.len();
        let nkw = kws.len();
        let ex_call = nelts + nkw * 2 > STACK_USE_GUARDRAIL
            || args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.expr(a)?;
            }
            for k in kws {
                self.expr(&k.value)?;
            }
            self.set_loc(range);
            if nkw > 0 {
                self.kw_names(kws);
            }
            self.emit(Opcode::CALL, n + (nelts + nkw) as u32);
            return Ok(());
        }
        if n == 0 && nelts == 1 {
            if let Expr::Starred(s) = &args[0] {
                self.expr(&s.value)?;
            } else {
                self.starunpack(args, n, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?;
            }
        } else {
            self.starunpack(args, n, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?;
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for i in 0..nkw {
                if kws[i].arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&kws[i - nseen..i])?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(&kws[i].value)?;
                    self.emit(Opcode::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&kws[nkw - nseen..])?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.set_loc(range);
        self.emit(Opcode::CALL_FUNCTION_EX, u32::from(nkw > 0));
        Ok(())
    }

    fn subkwargs(&mut self, kws: &[Keyword]) -> CResult {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUARDRAIL;
        let name = |k: &Keyword| k.arg.as_ref().map_or(String::new(), |a| a.id.to_string());
        if n > 1 && !big {
            for k in kws {
                self.expr(&k.value)?;
            }
            let keys = kws.iter().map(|k| Constant::Str(name(k))).collect();
            self.load_const(Constant::Tuple(keys));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        let saved = self.unit_ref().loc;
        if big {
            self.unset_loc();
            self.emit(Opcode::BUILD_MAP, 0);
            self.unit().loc = saved;
        }
        for k in kws {
            self.load_const(Constant::Str(name(k)));
            self.expr(&k.value)?;
            if big {
                self.unset_loc();
                self.emit(Opcode::MAP_ADD, 1);
                self.unit().loc = saved;
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }
}
