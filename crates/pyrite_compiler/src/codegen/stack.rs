//! Stack effects of instructions and the max-depth computation over the CFG.

use super::ir::{BlockId, Cfg, Op};
use crate::bytecode::Opcode;

/// Net stack effect of `op` with `arg`; `jump` selects the branch-taken effect.
pub(crate) fn stack_effect(op: Op, arg: u32, jump: bool) -> i32 {
    use Opcode::*;
    let a = arg as i32;
    match op {
        Op::Jump | Op::JumpNoInterrupt => 0,
        Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => -1,
        Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
            if jump {
                0
            } else {
                -1
            }
        }
        Op::ForIter => {
            if jump {
                -1
            } else {
                1
            }
        }
        Op::Send => {
            if jump {
                -1
            } else {
                0
            }
        }
        Op::SetupFinally => i32::from(jump),
        Op::SetupCleanup => {
            if jump {
                2
            } else {
                0
            }
        }
        Op::SetupWith => i32::from(jump),
        Op::PopBlock => 0,
        Op::Real(op) => match op {
            NOP | EXTENDED_ARG | RESUME | COPY_FREE_VARS | MAKE_CELL => 0,
            POP_TOP => -1,
            PUSH_NULL => 1,
            UNARY_POSITIVE | UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT => 0,
            BINARY_OP | BINARY_SUBSCR | COMPARE_OP | IS_OP | CONTAINS_OP => -1,
            STORE_SUBSCR => -3,
            DELETE_SUBSCR => -2,
            LOAD_CONST | LOAD_NAME | LOAD_FAST | LOAD_CLOSURE | LOAD_DEREF | LOAD_CLASSDEREF => 1,
            STORE_NAME | STORE_GLOBAL | STORE_FAST | STORE_DEREF => -1,
            DELETE_NAME | DELETE_GLOBAL | DELETE_FAST | DELETE_DEREF => 0,
            LOAD_GLOBAL => 1 + (a & 1),
            LOAD_ATTR => 0,
            STORE_ATTR => -2,
            DELETE_ATTR => -1,
            LOAD_METHOD => 1,
            KW_NAMES => 0,
            CALL => -a - 1,
            CALL_FUNCTION_EX => -2 - (a & 1),
            MAKE_FUNCTION => {
                -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1))
            }
            LOAD_BUILD_CLASS => 1,
            BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => 1 - a,
            BUILD_MAP => 1 - 2 * a,
            BUILD_CONST_KEY_MAP => -a,
            BUILD_SLICE => 1 - a,
            LIST_TO_TUPLE => 0,
            LIST_APPEND | SET_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE => -1,
            MAP_ADD => -2,
            FORMAT_VALUE => {
                if a & 4 != 0 {
                    -1
                } else {
                    0
                }
            }
            UNPACK_SEQUENCE => a - 1,
            UNPACK_EX => (a & 0xff) + (a >> 8),
            SWAP => 0,
            COPY => 1,
            GET_ITER | GET_YIELD_FROM_ITER => 0,
            FOR_ITER => 1,
            JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => 0,
            POP_JUMP_FORWARD_IF_FALSE
            | POP_JUMP_FORWARD_IF_TRUE
            | POP_JUMP_FORWARD_IF_NOT_NONE
            | POP_JUMP_FORWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_TRUE
            | POP_JUMP_BACKWARD_IF_NOT_NONE
            | POP_JUMP_BACKWARD_IF_NONE => -1,
            JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => -1,
            RETURN_VALUE => -1,
            YIELD_VALUE => 0,
            SEND => 0,
            PUSH_EXC_INFO => 1,
            POP_EXCEPT => -1,
            RERAISE => -1,
            CHECK_EXC_MATCH => 0,
            RAISE_VARARGS => -a,
            LOAD_ASSERTION_ERROR => 1,
            BEFORE_WITH => 1,
            WITH_EXCEPT_START => 1,
            IMPORT_NAME => -1,
            IMPORT_FROM => 1,
            IMPORT_STAR => -1,
            SETUP_ANNOTATIONS => 0,
            PRINT_EXPR => -1,
        },
    }
}

/// Computes each reachable block's entry depth and returns the maximum depth.
pub(crate) fn max_stack_depth(cfg: &mut Cfg, entry: BlockId, next: &[Option<BlockId>]) -> u32 {
    for b in cfg.blocks.iter_mut() {
        b.start_depth = None;
    }
    let mut todo: Vec<BlockId> = Vec::new();
    let mut max = 0i32;
    let push = |cfg: &mut Cfg, todo: &mut Vec<BlockId>, b: BlockId, depth: i32| {
        if cfg.blocks[b].start_depth.is_none() {
            cfg.blocks[b].start_depth = Some(depth.max(0) as u32);
            todo.push(b);
        }
    };
    push(cfg, &mut todo, entry, 0);
    while let Some(b) = todo.pop() {
        let mut depth = cfg.blocks[b].start_depth.unwrap_or(0) as i32;
        let mut falls = true;
        let n = cfg.blocks[b].instrs.len();
        for i in 0..n {
            let ins = cfg.blocks[b].instrs[i];
            if ins.op.is_jump() {
                let target_depth = depth + stack_effect(ins.op, ins.arg, true);
                max = max.max(target_depth);
                push(cfg, &mut todo, ins.target, target_depth);
            }
            depth += stack_effect(ins.op, ins.arg, false);
            max = max.max(depth);
            if ins.op.is_terminator() {
                falls = false;
                break;
            }
        }
        if falls {
            if let Some(nb) = next[b] {
                push(cfg, &mut todo, nb, depth);
            }
        }
    }
    max.max(0) as u32
}
