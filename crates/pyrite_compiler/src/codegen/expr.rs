//! Expressions: operators, comparisons, boolean logic and conditional jumps, displays,
//! f-strings, subscripts, yield.

use ruff_python_ast::{
    self as ast, BoolOp, CmpOp, ConversionFlag, Expr, InterpolatedStringElement, Operator, UnaryOp,
};
use ruff_text_size::Ranged;

use super::fold;
use super::ir::{BlockId, Op};
use super::{CResult, Compiler, NameCtx};
use crate::bytecode::{BinaryOp, Constant, Opcode};

/// CPython's STACK_USE_GUARDRAIL.
pub(crate) const STACK_USE_GUARDRAIL: usize = 30;

pub(crate) fn binop_arg(op: Operator, inplace: bool) -> u32 {
    let b = match op {
        Operator::Add => BinaryOp::Add,
        Operator::Sub => BinaryOp::Subtract,
        Operator::Mult => BinaryOp::Multiply,
        Operator::MatMult => BinaryOp::MatrixMultiply,
        Operator::Div => BinaryOp::TrueDivide,
        Operator::Mod => BinaryOp::Remainder,
        Operator::Pow => BinaryOp::Power,
        Operator::LShift => BinaryOp::Lshift,
        Operator::RShift => BinaryOp::Rshift,
        Operator::BitOr => BinaryOp::Or,
        Operator::BitXor => BinaryOp::Xor,
        Operator::BitAnd => BinaryOp::And,
        Operator::FloorDiv => BinaryOp::FloorDivide,
    } as u32;
    if inplace {
        b + 13
    } else {
        b
    }
}

impl Compiler<'_, '_> {
    /// Compiles an expression, leaving its value on the stack.
    pub(crate) fn expr(&mut self, e: &Expr) -> CResult {
        self.enter_depth(e.range())?;
        let saved = self.unit_ref().loc;
        self.set_loc(e.range());
        self.expr_inner(e)?;
        self.unit().loc = saved;
        self.leave_depth();
        Ok(())
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult {
        if matches!(
            e,
            Expr::UnaryOp(_) | Expr::BinOp(_) | Expr::Tuple(_) | Expr::Name(_) | Expr::Subscript(_)
        ) || fold::literal(e).is_some()
        {
            if let Some(c) = fold::fold(e) {
                self.load_const(c);
                return Ok(());
            }
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_block();
                let op = if b.op == BoolOp::And { Op::JumpIfFalseOrPop } else { Op::JumpIfTrueOrPop };
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.expr(v)?;
                    self.emit_jump(op, end);
                }
                self.expr(&b.values[n - 1])?;
                self.use_block(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Opcode::COPY, 1);
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) if self.percent_format(b)? => {}
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Opcode::BINARY_OP, binop_arg(b.op, false));
            }
            Expr::UnaryOp(u) if Self::negated_compare(u).is_some() => {
                if let Some((c, neg)) = Self::negated_compare(u) {
                    self.expr(&c.left)?;
                    self.comparator(neg, &c.comparators[0])?;
                    self.set_loc(e.range());
                    self.compare_op(neg);
                }
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let op = match u.op {
                    UnaryOp::Invert => Opcode::UNARY_INVERT,
                    UnaryOp::Not => Opcode::UNARY_NOT,
                    UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.emit(op, 0);
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&i.test, next, false)?;
                self.expr(&i.body)?;
                let saved = self.unit_ref().loc;
                self.unset_loc();
                self.emit_jump(Op::Jump, end);
                self.unit().loc = saved;
                self.use_block(next);
                self.expr(&i.orelse)?;
                self.use_block(end);
            }
            Expr::Dict(d) => self.dict(d)?,
            Expr::Set(s) => self.starunpack(&s.elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false)?,
            Expr::List(l) => self.starunpack(&l.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false)?,
            Expr::Tuple(t) => self.starunpack(&t.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?,
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.comprehension(e)?
            }
            Expr::Await(_) => {
                return Err(self.src.error(
                    crate::bytecode::ErrorKind::NotSupported,
                    "await is not supported yet",
                    e.range(),
                ))
            }
            Expr::Yield(y) => {
                self.check_in_function(e)?;
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit(Opcode::YIELD_VALUE, 0);
                self.emit(Opcode::RESUME, 1);
            }
            Expr::YieldFrom(y) => {
                self.check_in_function(e)?;
                self.expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_attr_loc(a);
                let idx = self.add_mangled_name(&a.attr);
                self.emit(Opcode::LOAD_ATTR, idx);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(e.range());
                self.emit(Opcode::BINARY_SUBSCR, 0);
            }
            Expr::Slice(s) => {
                let mut n = 2;
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(v) => self.expr(v)?,
                        None => self.load_const(Constant::None),
                    }
                }
                if let Some(step) = &s.step {
                    self.expr(step)?;
                    n = 3;
                }
                self.emit(Opcode::BUILD_SLICE, n);
            }
            Expr::Starred(s) => {
                return Err(self.error("can't use starred expression here", s.range))
            }
            Expr::Name(n) => self.name_op(&n.id, NameCtx::Load)?,
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => {
                return Err(self.error("invalid syntax", e.range()))
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                // Literals always fold; an unparsable int literal is a syntax error.
                return Err(self.error("invalid syntax", e.range()));
            }
        }
        Ok(())
    }

    /// Emits `'fmt' % (args)` as an f-string when CPython's optimizer would; returns whether
    /// it did.
    fn percent_format(&mut self, b: &ast::ExprBinOp) -> CResult<bool> {
        let (Operator::Mod, Some(Constant::Str(fmt)), Expr::Tuple(t)) =
            (b.op, fold::fold(&b.left), &*b.right)
        else {
            return Ok(false);
        };
        // A constant tuple is folded first, and `str % const` is never folded.
        if t.elts.iter().any(|e| matches!(e, Expr::Starred(_))) || fold::fold(&b.right).is_some() {
            return Ok(false);
        }
        let Some(parts) = fold::percent_format(&fmt, t.elts.len()) else { return Ok(false) };
        for p in &parts {
            match p {
                fold::PercentPart::Lit(s) => {
                    // CPython's optimizer creates these constants without a location.
                    self.unset_loc();
                    self.load_const(Constant::Str(s.clone()));
                }
                fold::PercentPart::Arg(i, conv, spec) => {
                    self.expr(&t.elts[*i])?;
                    let mut arg = *conv;
                    if let Some(spec) = spec {
                        self.load_const(Constant::Str(spec.clone()));
                        arg |= 4;
                    }
                    self.set_loc(t.elts[*i].range());
                    self.emit(Opcode::FORMAT_VALUE, arg);
                }
            }
        }
        self.set_loc(b.range);
        match parts.len() {
            0 => self.load_const(Constant::Str(String::new())),
            1 => {}
            n => self.emit(Opcode::BUILD_STRING, n as u32),
        }
        Ok(true)
    }

    fn check_in_function(&self, e: &Expr) -> CResult {
        if !self.is_function_unit() {
            return Err(self.error("'yield' outside function", e.range()));
        }
        Ok(())
    }

    /// The SEND / YIELD_VALUE loop of `yield from` (receiver and value on the stack).
    pub(crate) fn yield_from_loop(&mut self) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_block(start);
        self.emit_jump(Op::Send, exit);
        self.use_block(resume);
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, 2);
        self.emit_jump(Op::JumpNoInterrupt, start);
        self.use_block(exit);
    }

    pub(crate) fn compare_op(&mut self, op: CmpOp) {
        let (opc, arg) = match op {
            CmpOp::Lt => (Opcode::COMPARE_OP, 0),
            CmpOp::LtE => (Opcode::COMPARE_OP, 1),
            CmpOp::Eq => (Opcode::COMPARE_OP, 2),
            CmpOp::NotEq => (Opcode::COMPARE_OP, 3),
            CmpOp::Gt => (Opcode::COMPARE_OP, 4),
            CmpOp::GtE => (Opcode::COMPARE_OP, 5),
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit(opc, arg);
    }

    /// A comparison operand; `in` containers of constants become constant tuples/frozensets.
    fn comparator(&mut self, op: CmpOp, e: &Expr) -> CResult {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            return self.iter_expr(e);
        }
        self.expr(e)
    }

    /// `for`/`in` operands (CPython's fold_iter): constant lists/sets become constant
    /// tuples/frozensets, other lists are built as tuples.
    pub(crate) fn iter_expr(&mut self, e: &Expr) -> CResult {
        if let Some(c) = fold::fold_in_container(e) {
            let saved = self.unit_ref().loc;
            self.set_loc(e.range());
            self.load_const(c);
            self.unit().loc = saved;
            return Ok(());
        }
        if let Expr::List(l) = e {
            self.enter_depth(e.range())?;
            let saved = self.unit_ref().loc;
            self.set_loc(e.range());
            self.starunpack(&l.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?;
            self.unit().loc = saved;
            self.leave_depth();
            return Ok(());
        }
        self.expr(e)
    }

    /// `not (a in b)` and friends: the single negatable comparison CPython rewrites to
    /// `a not in b` (`in`/`not in`/`is`/`is not`).
    fn negated_compare(e: &ast::ExprUnaryOp) -> Option<(&ast::ExprCompare, CmpOp)> {
        if e.op != UnaryOp::Not {
            return None;
        }
        let Expr::Compare(c) = &*e.operand else { return None };
        if c.ops.len() != 1 {
            return None;
        }
        let neg = match c.ops[0] {
            CmpOp::In => CmpOp::NotIn,
            CmpOp::NotIn => CmpOp::In,
            CmpOp::Is => CmpOp::IsNot,
            CmpOp::IsNot => CmpOp::Is,
            _ => return None,
        };
        Some((c, neg))
    }

    fn compare(&mut self, c: &ast::ExprCompare) -> CResult {
        let range = c.range;
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.comparator(c.ops[0], &c.comparators[0])?;
            self.set_loc(range);
            self.compare_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n - 1 {
            self.comparator(c.ops[i], &c.comparators[i])?;
            self.set_loc(range);
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.compare_op(c.ops[i]);
            self.emit_jump(Op::JumpIfFalseOrPop, cleanup);
        }
        self.comparator(c.ops[n - 1], &c.comparators[n - 1])?;
        self.set_loc(range);
        self.compare_op(c.ops[n - 1]);
        let end = self.new_block();
        self.unset_loc();
        self.emit_jump(Op::Jump, end);
        self.set_loc(range);
        self.use_block(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.use_block(end);
        Ok(())
    }

    /// Evaluates `e` as a condition and jumps to `target` if its truth equals `cond`.
    ///
    /// Like CPython 3.11, the jumps carry the enclosing location, except that a comparison
    /// sets the current location to itself (and it stays set for what follows).
    pub(crate) fn jump_if(&mut self, e: &Expr, target: BlockId, cond: bool) -> CResult {
        self.enter_depth(e.range())?;
        self.jump_if_inner(e, target, cond)?;
        self.leave_depth();
        Ok(())
    }

    fn jump_if_inner(&mut self, e: &Expr, target: BlockId, cond: bool) -> CResult {
        if let Some(c) = fold::fold(e) {
            let truth = fold::truthy(&c);
            self.add_const(c);
            let saved = self.unit_ref().loc;
            self.set_loc(e.range());
            self.emit(Opcode::NOP, 0);
            self.unit().loc = saved;
            if truth == cond {
                self.emit_jump(Op::Jump, target);
            }
            return Ok(());
        }
        if matches!(e, Expr::Compare(_)) {
            self.set_loc(e.range());
        }
        match e {
            Expr::UnaryOp(u) if Self::negated_compare(u).is_some() => {
                if let Some((c, neg)) = Self::negated_compare(u) {
                    self.set_loc(e.range());
                    if matches!(neg, CmpOp::Is | CmpOp::IsNot)
                        && matches!(c.comparators[0], Expr::NoneLiteral(_))
                    {
                        self.expr(&c.left)?;
                        self.add_const(Constant::None);
                        let is = (neg == CmpOp::Is) == cond;
                        self.emit_jump(if is { Op::PopJumpIfNone } else { Op::PopJumpIfNotNone }, target);
                    } else {
                        self.expr(&c.left)?;
                        self.comparator(neg, &c.comparators[0])?;
                        self.set_loc(e.range());
                        self.compare_op(neg);
                        self.emit_jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, target);
                    }
                }
                return Ok(());
            }
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => return self.jump_if(&u.operand, target, !cond),
            Expr::BoolOp(b) => {
                let cond2 = b.op == BoolOp::Or;
                let next2 = if cond != cond2 { self.new_block() } else { target };
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&b.values[n - 1], target, cond)?;
                if next2 != target {
                    self.use_block(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, target, cond)?;
                self.emit_jump(Op::Jump, end);
                self.use_block(next2);
                self.jump_if(&i.orelse, target, cond)?;
                self.use_block(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                self.expr(&c.left)?;
                let n = c.ops.len();
                let cleanup = self.new_block();
                for i in 0..n - 1 {
                    self.comparator(c.ops[i], &c.comparators[i])?;
                    self.set_loc(e.range());
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::COPY, 2);
                    self.compare_op(c.ops[i]);
                    self.emit_jump(Op::PopJumpIfFalse, cleanup);
                }
                self.comparator(c.ops[n - 1], &c.comparators[n - 1])?;
                self.set_loc(e.range());
                self.compare_op(c.ops[n - 1]);
                self.emit_jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, target);
                let end = self.new_block();
                let saved = self.unit_ref().loc;
                self.unset_loc();
                self.emit_jump(Op::Jump, end);
                self.unit().loc = saved;
                self.use_block(cleanup);
                self.emit(Opcode::POP_TOP, 0);
                if !cond {
                    self.emit_jump(Op::Jump, target);
                }
                self.use_block(end);
                return Ok(());
            }
            Expr::Compare(c)
                if matches!(c.ops[0], CmpOp::Is | CmpOp::IsNot)
                    && matches!(c.comparators[0], Expr::NoneLiteral(_)) =>
            {
                self.expr(&c.left)?;
                self.set_loc(e.range());
                self.add_const(Constant::None);
                let is = (c.ops[0] == CmpOp::Is) == cond;
                self.emit_jump(if is { Op::PopJumpIfNone } else { Op::PopJumpIfNotNone }, target);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.emit_jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, target);
        Ok(())
    }

    /// Builds a list/set/tuple from `elts` (with starred items), CPython's starunpack_helper.
    pub(crate) fn starunpack(
        &mut self,
        elts: &[Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 {
            if let Some(items) = fold::all_const(elts) {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(items));
                } else {
                    let c = if add == Opcode::SET_ADD {
                        Constant::FrozenSet(items)
                    } else {
                        Constant::Tuple(items)
                    };
                    self.emit(build, pushed);
                    self.load_const(c);
                    self.emit(extend, 1);
                    if tuple {
                        self.emit(Opcode::LIST_TO_TUPLE, 0);
                    }
                }
                return Ok(());
            }
        }
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        let big = n + pushed as usize > STACK_USE_GUARDRAIL;
        if !seen_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            let op = if tuple { Opcode::BUILD_TUPLE } else { build };
            self.emit(op, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, items: &[ast::DictItem]) -> CResult {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUARDRAIL;
        let keys: Option<Vec<Constant>> =
            items.iter().map(|it| it.key.as_ref().and_then(fold::fold)).collect();
        match keys {
            Some(keys) if n > 1 && !big => {
                for it in items {
                    self.expr(&it.value)?;
                }
                self.load_const(Constant::Tuple(keys));
                self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            }
            _ => {
                if big {
                    self.emit(Opcode::BUILD_MAP, 0);
                }
                for it in items {
                    if let Some(k) = &it.key {
                        self.expr(k)?;
                    }
                    self.expr(&it.value)?;
                    if big {
                        self.emit(Opcode::MAP_ADD, 1);
                    }
                }
                if !big {
                    self.emit(Opcode::BUILD_MAP, n as u32);
                }
            }
        }
        Ok(())
    }

    fn dict(&mut self, d: &ast::ExprDict) -> CResult {
        let mut have_dict = false;
        let mut elements = 0usize;
        let n = d.items.len();
        for i in 0..n {
            if d.items[i].key.is_none() {
                if elements > 0 {
                    self.subdict(&d.items[i - elements..i])?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.expr(&d.items[i].value)?;
                self.emit(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUARDRAIL {
                self.subdict(&d.items[i - elements..=i])?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(&d.items[n - elements..])?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    fn fstring(&mut self, f: &ast::ExprFString) -> CResult {
        // Flatten into literal text and interpolations, merging adjacent literals.
        let mut parts: Vec<FPart<'_>> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => push_lit(&mut parts, &l.value),
                ast::FStringPart::FString(fs) => collect_elements(&mut parts, &fs.elements),
            }
        }
        self.fparts(&parts, f.range)
    }

    fn fparts(&mut self, parts: &[FPart<'_>], range: ruff_text_size::TextRange) -> CResult {
        if parts.is_empty() {
            self.load_const(Constant::Str(String::new()));
            return Ok(());
        }
        if let [FPart::Lit(s)] = parts {
            self.load_const(Constant::Str(s.clone()));
            return Ok(());
        }
        for p in parts {
            match p {
                FPart::Lit(s) => self.load_const(Constant::Str(s.clone())),
                FPart::Value(el) => self.formatted_value(el, range)?,
            }
        }
        if parts.len() > 1 {
            self.emit(Opcode::BUILD_STRING, parts.len() as u32);
        }
        Ok(())
    }

    fn formatted_value(
        &mut self,
        el: &ast::InterpolatedElement,
        range: ruff_text_size::TextRange,
    ) -> CResult {
        self.expr(&el.expression)?;
        let mut conv = match el.conversion {
            ConversionFlag::None => 0,
            ConversionFlag::Str => 1,
            ConversionFlag::Repr => 2,
            ConversionFlag::Ascii => 3,
        };
        if el.debug_text.is_some() && conv == 0 && el.format_spec.is_none() {
            conv = 2;
        }
        let mut arg = conv;
        if let Some(spec) = &el.format_spec {
            let mut parts = Vec::new();
            collect_elements(&mut parts, &spec.elements);
            self.fparts(&parts, range)?;
            arg |= 4;
        }
        self.set_loc(range);
        self.emit(Opcode::FORMAT_VALUE, arg);
        Ok(())
    }
}

/// A flattened f-string piece.
enum FPart<'a> {
    Lit(String),
    Value(&'a ast::InterpolatedElement),
}

fn push_lit(parts: &mut Vec<FPart<'_>>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(FPart::Lit(prev)) = parts.last_mut() {
        prev.push_str(s);
    } else {
        parts.push(FPart::Lit(s.to_string()));
    }
}

fn collect_elements<'a>(parts: &mut Vec<FPart<'a>>, elements: &'a [InterpolatedStringElement]) {
    for el in elements {
        match el {
            InterpolatedStringElement::Literal(l) => push_lit(parts, &l.value),
            InterpolatedStringElement::Interpolation(i) => {
                if let Some(d) = &i.debug_text {
                    push_lit(parts, &format!("{}{}{}", d.leading(), d.expression(), d.trailing()));
                }
                parts.push(FPart::Value(i));
            }
        }
    }
}
