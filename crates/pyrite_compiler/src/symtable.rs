//! Symbol table: scopes and name resolution (local / global / free / cell), as CPython's
//! `symtable.c` computes them, plus the errors CPython raises at this stage.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{
    self as ast, Expr, ExprContext, InterpolatedStringElement, Parameters, Stmt,
};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::{CompileError, ErrorKind};
use crate::source::SourceFile;

/// Maximum nesting depth of the AST (CPython: recursion limit × 3).
pub(crate) const MAX_DEPTH: usize = 3000;

pub(crate) const DEF_GLOBAL: u32 = 1;
pub(crate) const DEF_LOCAL: u32 = 2;
pub(crate) const DEF_PARAM: u32 = 4;
pub(crate) const DEF_NONLOCAL: u32 = 8;
pub(crate) const USE: u32 = 0x10;
pub(crate) const DEF_FREE_CLASS: u32 = 0x40;
pub(crate) const DEF_IMPORT: u32 = 0x80;
pub(crate) const DEF_ANNOT: u32 = 0x100;
pub(crate) const DEF_COMP_ITER: u32 = 0x200;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// What kind of block a scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Function,
    Class,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Function-like blocks (CPython's FunctionBlock): fast locals, cells.
    pub fn is_function(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

/// Resolved scope of a name within one block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

/// One name in a scope.
#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub flags: u32,
    pub scope: NameScope,
}

/// One block.
#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    /// Symbols in insertion order.
    pub symbols: Vec<(String, Symbol)>,
    index: HashMap<String, usize>,
    /// Parameter names, in order (mangled).
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub is_generator: bool,
    pub needs_class_closure: bool,
    pub nested: bool,
    /// Range of the global/nonlocal statement that declared a name, for errors.
    directives: HashMap<String, TextRange>,
    /// For comprehensions: the iteration variables (for walrus checks).
    comp_iter_target: bool,
    /// Enclosing class name, for private name mangling.
    pub private: Option<String>,
    /// Whether the scope is a generator expression (vs list/set/dict comprehension).
    comp_kind: Option<&'static str>,
}

impl Scope {
    fn new(kind: ScopeKind, nested: bool, private: Option<String>) -> Self {
        Scope {
            kind,
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            needs_class_closure: false,
            nested,
            directives: HashMap::new(),
            comp_iter_target: false,
            private,
            comp_kind: None,
        }
    }

    /// Looks a symbol up by (mangled) name.
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i].1)
    }

    fn flags(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    fn add_flags(&mut self, name: &str, flags: u32) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].1.flags |= flags,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols
                    .push((name.to_string(), Symbol { flags, scope: NameScope::GlobalImplicit }));
            }
        }
    }
}

/// All scopes of a module; scope 0 is the top level.
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// Source range of the defining node → scope index (ranges of scope-creating nodes are
    /// unique, and survive cloning of statements, e.g. of `finally` bodies).
    by_node: HashMap<(u32, u32), usize>,
}

impl SymbolTable {
    /// The scope created for the AST node spanning `range` (def, class, lambda, comprehension).
    pub fn scope_for(&self, range: TextRange) -> Option<usize> {
        self.by_node.get(&(range.start().to_u32(), range.end().to_u32())).copied()
    }
}

/// Private name mangling (`__x` in class `C` → `_C__x`).
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

struct Builder<'s, 'a> {
    src: &'s SourceFile<'a>,
    scopes: Vec<Scope>,
    by_node: HashMap<(u32, u32), usize>,
    stack: Vec<usize>,
    depth: usize,
    /// Set while visiting a comprehension's iterable expression (walrus check).
    in_comp_iter: bool,
}

type Res = Result<(), CompileError>;

/// Builds and analyzes the symbol table of a module (or of an `eval` expression).
pub(crate) fn build(
    src: &SourceFile<'_>,
    body: &[Stmt],
    expr: Option<&Expr>,
) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        src,
        scopes: vec![Scope::new(ScopeKind::Module, false, None)],
        by_node: HashMap::new(),
        stack: vec![0],
        depth: 0,
        in_comp_iter: false,
    };
    for s in body {
        b.stmt(s)?;
    }
    if let Some(e) = expr {
        b.expr(e)?;
    }
    let mut table = SymbolTable { scopes: b.scopes, by_node: b.by_node };
    analyze(&mut table.scopes, src, 0, None, &HashSet::new())?;
    Ok(table)
}

impl Builder<'_, '_> {
    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().expect("scope stack is never empty");
        &mut self.scopes[i]
    }

    fn err(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.src.error(ErrorKind::SyntaxError, msg, range)
    }

    fn mangled(&mut self, name: &str) -> String {
        let private = self.cur().private.clone();
        mangle(private.as_deref(), name)
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> Res {
        let name = self.mangled(name);
        if flag & DEF_PARAM != 0 {
            if self.cur().flags(&name) & DEF_PARAM != 0 {
                return Err(
                    self.err(format!("duplicate argument '{name}' in function definition"), range)
                );
            }
            self.cur().params.push(name.clone());
        }
        self.cur().add_flags(&name, flag);
        Ok(())
    }

    fn enter(&mut self, range: TextRange, kind: ScopeKind, name: &str) {
        let parent = *self.stack.last().expect("scope stack is never empty");
        let nested = self.scopes[parent].nested || self.scopes[parent].kind.is_function();
        let private = if kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            self.scopes[parent].private.clone()
        };
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, nested, private));
        self.scopes[parent].children.push(id);
        self.by_node.insert((range.start().to_u32(), range.end().to_u32()), id);
        self.stack.push(id);
    }

    fn leave(&mut self) {
        self.stack.pop();
    }

    fn stmts(&mut self, body: &[Stmt]) -> Res {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn deeper(&mut self, range: TextRange) -> Res {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.src.recursion_error(range));
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Res {
        self.deeper(s.range())?;
        self.stmt_inner(s)?;
        self.depth -= 1;
        Ok(())
    }

    fn stmt_inner(&mut self, s: &Stmt) -> Res {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, f.name.range)?;
                self.param_defaults(&f.parameters)?;
                self.annotations(&f.parameters, f.returns.as_deref())?;
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(f.range, ScopeKind::Function, &f.name);
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.leave();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, c.name.range)?;
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(c.range, ScopeKind::Class, &c.name);
                self.stmts(&c.body)?;
                self.leave();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.expr(t))?,
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.expr(t)?;
                }
                self.expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let name = self.mangled(&n.id);
                    let cur = self.cur().flags(&name);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple {
                        let kind = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(self.err(
                            format!("annotated name '{name}' can't be {kind}"),
                            s.range(),
                        ));
                    }
                    let flag = if a.simple { DEF_ANNOT | DEF_LOCAL } else { DEF_LOCAL };
                    if a.value.is_some() || a.simple {
                        self.add_def(&n.id, flag, n.range)?;
                    }
                } else {
                    self.expr(&a.target)?;
                }
                self.expr(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::For(f) => {
                if f.is_async {
                    return Err(not_supported(self.src, "async for", s.range()));
                }
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    return Err(not_supported(self.src, "async with", s.range()));
                }
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Match(_) => return Err(not_supported(self.src, "match statement", s.range())),
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {
                return Err(self.err("invalid syntax", s.range()))
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return Err(not_supported(self.src, "except*", s.range()));
                }
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, n.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let stored = match &a.asname {
                        Some(n) => n.id.as_str(),
                        None => a.name.id.split('.').next().unwrap_or(""),
                    };
                    self.add_def(stored, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.id.as_str() == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(self.err("import * only allowed at module level", s.range()));
                        }
                        continue;
                    }
                    let stored = a.asname.as_ref().unwrap_or(&a.name);
                    self.add_def(stored, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::Global(g) => self.directive(&g.names, DEF_GLOBAL, "global", s.range())?,
            Stmt::Nonlocal(n) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(
                        self.err("nonlocal declaration not allowed at module level", s.range())
                    );
                }
                self.directive(&n.names, DEF_NONLOCAL, "nonlocal", s.range())?
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
        }
        Ok(())
    }

    fn directive(&mut self, names: &[ast::Identifier], flag: u32, kind: &str, range: TextRange) -> Res {
        for n in names {
            let name = self.mangled(n);
            let cur = self.cur().flags(&name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {kind}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {kind} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {kind}")
                } else {
                    format!("name '{name}' is assigned to before {kind} declaration")
                };
                return Err(self.err(msg, range));
            }
            self.cur().add_flags(&name, flag);
            if flag == DEF_GLOBAL {
                // Like CPython, the module's own symbol becomes an explicit global too.
                self.scopes[0].add_flags(&name, DEF_GLOBAL);
            }
            self.cur().directives.entry(name).or_insert(range);
        }
        Ok(())
    }

    fn param_defaults(&mut self, p: &Parameters) -> Res {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn annotations(&mut self, p: &Parameters, returns: Option<&Expr>) -> Res {
        for a in p.iter() {
            if let Some(ann) = a.annotation() {
                self.expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        Ok(())
    }

    fn params(&mut self, p: &Parameters) -> Res {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            self.add_def(&a.parameter.name, DEF_PARAM, a.parameter.name.range)?;
        }
        for a in p.kwonlyargs.iter() {
            self.add_def(&a.parameter.name, DEF_PARAM, a.parameter.name.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name, DEF_PARAM, v.name.range)?;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(&k.name, DEF_PARAM, k.name.range)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Res {
        self.deeper(e.range())?;
        self.expr_inner(e)?;
        self.depth -= 1;
        Ok(())
    }

    fn expr_inner(&mut self, e: &Expr) -> Res {
        match e {
            Expr::BoolOp(b) => b.values.iter().try_for_each(|v| self.expr(v))?,
            Expr::Named(n) => {
                if self.in_comp_iter {
                    return Err(self.err(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        n.range,
                    ));
                }
                self.expr(&n.value)?;
                self.named_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults(p)?;
                }
                self.enter(l.range, ScopeKind::Lambda, "<lambda>");
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.leave();
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k)?;
                    }
                    self.expr(&item.value)?;
                }
            }
            Expr::Set(s) => s.elts.iter().try_for_each(|v| self.expr(v))?,
            Expr::ListComp(c) => {
                self.comprehension(e, "<listcomp>", "list comprehension", &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                self.comprehension(e, "<setcomp>", "set comprehension", &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.err("dict unpacking cannot be used in dict comprehension", c.range));
                };
                self.comprehension(
                    e,
                    "<dictcomp>",
                    "dict comprehension",
                    &c.generators,
                    key,
                    Some(&c.value),
                )?
            }
            Expr::Generator(c) => {
                self.comprehension(e, "<genexpr>", "generator expression", &c.generators, &c.elt, None)?
            }
            Expr::Await(_) => return Err(not_supported(self.src, "await", e.range())),
            Expr::Yield(y) => {
                self.yield_check(e.range())?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.yield_check(e.range())?;
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                c.comparators.iter().try_for_each(|v| self.expr(v))?;
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                c.arguments.args.iter().try_for_each(|v| self.expr(v))?;
                c.arguments.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => {
                return Err(self.err("invalid syntax", e.range()))
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => {
                let flag = match n.ctx {
                    ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                if flag == DEF_LOCAL {
                    self.check_comp_rebind(n)?;
                }
                self.add_def(&n.id, flag, n.range)?;
                // A method that mentions `super` gets an implicit `__class__` cell reference.
                if n.ctx == ExprContext::Load
                    && n.id.as_str() == "super"
                    && self.cur().kind.is_function()
                {
                    self.cur().add_flags("__class__", USE);
                }
            }
            Expr::List(l) => l.elts.iter().try_for_each(|v| self.expr(v))?,
            Expr::Tuple(t) => t.elts.iter().try_for_each(|v| self.expr(v))?,
            Expr::Slice(s) => {
                for v in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(v)?;
                }
            }
        }
        Ok(())
    }

    fn check_comp_rebind(&mut self, n: &ast::ExprName) -> Res {
        // Assignment to an iteration variable of a comprehension from a walrus is reported in
        // named_target; plain targets in a comprehension are the iteration variables.
        if self.cur().comp_iter_target {
            let name = self.mangled(&n.id);
            self.cur().add_flags(&name, DEF_COMP_ITER);
        }
        Ok(())
    }

    fn yield_check(&mut self, range: TextRange) -> Res {
        let scope = self.cur();
        match scope.kind {
            ScopeKind::Module | ScopeKind::Class => {
                Err(self.err("'yield' outside function", range))
            }
            ScopeKind::Comprehension => {
                let what = scope.comp_kind.unwrap_or("comprehension");
                Err(self.err(format!("'yield' inside {what}"), range))
            }
            _ => {
                scope.is_generator = true;
                Ok(())
            }
        }
    }

    fn fstring_elements(&mut self, elements: &[InterpolatedStringElement]) -> Res {
        for el in elements {
            if let InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn named_target(&mut self, target: &Expr) -> Res {
        let Expr::Name(n) = target else {
            return self.expr(target);
        };
        let name = self.mangled(&n.id);
        // Walrus inside comprehensions binds in the nearest enclosing non-comprehension scope.
        if self.cur().kind == ScopeKind::Comprehension {
            for pos in (0..self.stack.len()).rev() {
                let sid = self.stack[pos];
                let scope = &mut self.scopes[sid];
                if scope.kind == ScopeKind::Comprehension {
                    if scope.flags(&name) & DEF_COMP_ITER != 0 {
                        return Err(self.err(
                            format!(
                                "assignment expression cannot rebind comprehension iteration variable '{name}'"
                            ),
                            n.range,
                        ));
                    }
                    continue;
                }
                match scope.kind {
                    ScopeKind::Class => {
                        return Err(self.err(
                            "assignment expression within a comprehension cannot be used in a class body",
                            n.range,
                        ))
                    }
                    ScopeKind::Module => {
                        scope.add_flags(&name, DEF_LOCAL);
                        self.cur().add_flags(&name, DEF_GLOBAL);
                    }
                    _ => {
                        let is_global = scope.flags(&name) & DEF_GLOBAL != 0;
                        scope.add_flags(&name, DEF_LOCAL);
                        let flag = if is_global { DEF_GLOBAL } else { DEF_NONLOCAL };
                        self.cur().add_flags(&name, flag);
                    }
                }
                return Ok(());
            }
        }
        self.add_def(&n.id, DEF_LOCAL, n.range)
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        name: &str,
        kind: &'static str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Res {
        let Some(first) = generators.first() else { return Ok(()) };
        if first.is_async || generators.iter().any(|g| g.is_async) {
            return Err(not_supported(self.src, "asynchronous comprehension", node.range()));
        }
        let saved = self.in_comp_iter;
        self.in_comp_iter = true;
        self.expr(&first.iter)?;
        self.in_comp_iter = saved;
        self.enter(node.range(), ScopeKind::Comprehension, name);
        self.cur().comp_kind = Some(kind);
        if matches!(node, Expr::Generator(_)) {
            self.cur().is_generator = true;
        }
        self.cur().add_flags(".0", DEF_PARAM);
        self.cur().params.push(".0".to_string());
        self.comp_target(&first.target)?;
        first.ifs.iter().try_for_each(|v| self.expr(v))?;
        for g in &generators[1..] {
            self.comp_target(&g.target)?;
            let saved = self.in_comp_iter;
            self.in_comp_iter = true;
            self.expr(&g.iter)?;
            self.in_comp_iter = saved;
            g.ifs.iter().try_for_each(|v| self.expr(v))?;
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        self.leave();
        Ok(())
    }

    fn comp_target(&mut self, target: &Expr) -> Res {
        self.cur().comp_iter_target = true;
        let r = self.expr(target);
        self.cur().comp_iter_target = false;
        r
    }
}

fn not_supported(src: &SourceFile<'_>, what: &str, range: TextRange) -> CompileError {
    src.error(ErrorKind::NotSupported, format!("{what} is not supported yet"), range)
}

/// CPython's `analyze_block`: resolves every symbol of `scopes[id]` and its children; returns
/// the names free in this block (to be resolved by the enclosing one).
fn analyze(
    scopes: &mut Vec<Scope>,
    src: &SourceFile<'_>,
    id: usize,
    bound: Option<&HashSet<String>>,
    global: &HashSet<String>,
) -> Result<HashSet<String>, CompileError> {
    let mut local = HashSet::new();
    let mut resolved: HashMap<String, NameScope> = HashMap::new();
    let mut bound_copy = bound.cloned();
    let mut global_copy = global.clone();
    let mut free = HashSet::new();
    let kind = scopes[id].kind;

    for (name, sym) in &scopes[id].symbols {
        let flags = sym.flags;
        let sc = if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                let range = scopes[id].directives.get(name).copied().unwrap_or_default();
                return Err(src.error(
                    ErrorKind::SyntaxError,
                    format!("name '{name}' is nonlocal and global"),
                    range,
                ));
            }
            global_copy.insert(name.clone());
            if let Some(b) = bound_copy.as_mut() {
                b.remove(name);
            }
            NameScope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            let range = scopes[id].directives.get(name).copied().unwrap_or_default();
            let Some(b) = bound_copy.as_ref() else {
                return Err(src.error(
                    ErrorKind::SyntaxError,
                    "nonlocal declaration not allowed at module level",
                    range,
                ));
            };
            if !b.contains(name) {
                return Err(src.error(
                    ErrorKind::SyntaxError,
                    format!("no binding for nonlocal '{name}' found"),
                    range,
                ));
            }
            free.insert(name.clone());
            NameScope::Free
        } else if flags & DEF_BOUND != 0 {
            local.insert(name.clone());
            global_copy.remove(name);
            NameScope::Local
        } else if bound_copy.as_ref().is_some_and(|b| b.contains(name)) {
            free.insert(name.clone());
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        resolved.insert(name.clone(), sc);
    }

    let mut newbound: HashSet<String> = HashSet::new();
    let mut newglobal: HashSet<String> = HashSet::new();
    if kind != ScopeKind::Class {
        if kind.is_function() {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = &bound_copy {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global_copy.iter().cloned());
    } else {
        // The class namespace does not affect nested functions: pass down what we received.
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
        newbound.insert("__class__".to_string());
    }

    let mut newfree = HashSet::new();
    let children = scopes[id].children.clone();
    for child in children {
        let child_free = analyze(scopes, src, child, Some(&newbound), &newglobal)?;
        newfree.extend(child_free);
    }

    if kind.is_function() {
        for (name, sc) in resolved.iter_mut() {
            if *sc == NameScope::Local && newfree.remove(name) {
                *sc = NameScope::Cell;
            }
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        scopes[id].needs_class_closure = true;
    }

    // update_symbols
    let scope = &mut scopes[id];
    for (name, sym) in scope.symbols.iter_mut() {
        if let Some(sc) = resolved.get(name) {
            sym.scope = *sc;
        }
    }
    let mut names: Vec<&String> = newfree.iter().collect();
    names.sort();
    for name in names {
        if let Some(&i) = scope.index.get(name.as_str()) {
            let sym = &mut scope.symbols[i].1;
            if kind == ScopeKind::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound_copy.as_ref().is_some_and(|b| !b.contains(name.as_str())) {
            continue;
        }
        scope.add_flags(name, 0);
        let i = scope.index[name.as_str()];
        scope.symbols[i].1.scope = NameScope::Free;
    }
    free.extend(newfree);
    Ok(free)
}
