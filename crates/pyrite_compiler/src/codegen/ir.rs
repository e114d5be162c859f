//! The intermediate form: basic blocks of instructions with symbolic jump targets and
//! pseudo-instructions (generic jumps, exception-block setup), before assembly.

use crate::bytecode::{Location, Opcode};

/// Index of a basic block in [`Cfg::blocks`].
pub(crate) type BlockId = usize;

/// An operation in the CFG: a real opcode or a pseudo-op resolved during assembly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Real(Opcode),
    /// Unconditional jump (forward or backward decided at assembly).
    Jump,
    /// Unconditional jump without interrupt check (yield-from loops).
    JumpNoInterrupt,
    PopJumpIfFalse,
    PopJumpIfTrue,
    PopJumpIfNone,
    PopJumpIfNotNone,
    JumpIfFalseOrPop,
    JumpIfTrueOrPop,
    ForIter,
    Send,
    /// Push an exception handler (target) at the current depth.
    SetupFinally,
    /// Push a handler that also preserves lasti.
    SetupCleanup,
    /// Push a `with` handler (the `__enter__` result is popped on exception).
    SetupWith,
    /// Pop the innermost handler.
    PopBlock,
}

impl Op {
    pub fn is_jump(self) -> bool {
        !matches!(self, Op::Real(_) | Op::PopBlock)
    }
    pub fn is_block_push(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }
    pub fn is_unconditional_jump(self) -> bool {
        matches!(self, Op::Jump | Op::JumpNoInterrupt)
    }
    /// Instructions after which control never falls through.
    pub fn is_terminator(self) -> bool {
        self.is_unconditional_jump()
            || matches!(
                self,
                Op::Real(Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE)
            )
    }
}

/// One instruction in the CFG.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: BlockId,
    /// Source location; `None` for artificial instructions (filled in by propagation).
    pub loc: Option<Location>,
    /// Handler block for exceptions raised here (computed during assembly).
    pub handler: Option<BlockId>,
}

impl Instr {
    pub fn is(&self, op: Opcode) -> bool {
        self.op == Op::Real(op)
    }
    pub fn line(&self) -> i64 {
        self.loc.map_or(-1, |l| l.line as i64)
    }
}

/// A basic block.
#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub instrs: Vec<Instr>,
    /// Is this an exception handler target?
    pub is_handler: bool,
    /// Handler pushes lasti before the exception.
    pub preserve_lasti: bool,
    /// Stack depth on entry (computed).
    pub start_depth: Option<u32>,
}

impl Block {
    pub fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }
    pub fn falls_through(&self) -> bool {
        self.last().is_none_or(|i| !i.op.is_terminator())
    }
}

/// A control-flow graph under construction: blocks plus their layout order.
#[derive(Default)]
pub(crate) struct Cfg {
    pub blocks: Vec<Block>,
    /// Layout order of placed blocks.
    pub order: Vec<BlockId>,
    pub cur: BlockId,
}

impl Cfg {
    pub fn new() -> Self {
        let mut cfg = Cfg::default();
        let b = cfg.new_block();
        cfg.use_block(b);
        cfg
    }

    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    /// Places `b` next in layout order and makes it current.
    pub fn use_block(&mut self, b: BlockId) {
        self.order.push(b);
        self.cur = b;
    }

    pub fn emit(&mut self, op: Op, arg: u32, target: BlockId, loc: Option<Location>) {
        let cur = self.cur;
        self.blocks[cur].instrs.push(Instr { op, arg, target, loc, handler: None });
        // A jump or terminator ends the block: continue in a fresh one.
        if op.is_jump() && !op.is_block_push() || op.is_terminator() {
            let nb = self.new_block();
            self.use_block(nb);
        }
    }

    /// Whether the current block ends with a return (to skip the implicit `return None`).
    pub fn current_is_dead_end(&self) -> bool {
        // The current block is empty and the previous placed block ends with a terminator.
        if !self.blocks[self.cur].instrs.is_empty() {
            return false;
        }
        let n = self.order.len();
        n >= 2 && self.blocks[self.order[n - 2]].last().is_some_and(|i| i.is(Opcode::RETURN_VALUE))
    }
}
