//! Assembly: CFG clean-up (as CPython 3.11's optimizer does: jump threading, dead-code
//! removal, small-exit inlining, line-number propagation, redundant-NOP removal), stack depth,
//! exception-table labelling, cold-block placement and final layout with relative jumps and
//! EXTENDED_ARG prefixes.

use super::ir::{BlockId, Cfg, Instr, Op};
use super::stack::max_stack_depth;
use std::collections::HashMap;

use super::const_key;
use crate::bytecode::{Constant, ExceptionTableEntry, Instruction, Location, Opcode};

/// Output of assembly.
pub(crate) struct Assembled {
    pub instructions: Vec<Instruction>,
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionTableEntry>,
    pub stacksize: u32,
}

const MAX_COPY_SIZE: usize = 4;

fn next_map(cfg: &Cfg) -> Vec<Option<BlockId>> {
    let mut next = vec![None; cfg.blocks.len()];
    for w in cfg.order.windows(2) {
        next[w[0]] = Some(w[1]);
    }
    next
}

fn is_exit_block(cfg: &Cfg, b: BlockId) -> bool {
    cfg.blocks[b].last().is_some_and(|i| {
        i.op.is_terminator() && !i.op.is_unconditional_jump()
    })
}

fn is_exit_without_lineno(cfg: &Cfg, b: BlockId) -> bool {
    is_exit_block(cfg, b) && cfg.blocks[b].instrs.iter().all(|i| i.loc.is_none())
}

/// First non-empty block at or after `b` in layout order.
fn skip_empty(cfg: &Cfg, next: &[Option<BlockId>], mut b: BlockId) -> BlockId {
    let mut guard = 0;
    while cfg.blocks[b].instrs.is_empty() {
        match next[b] {
            Some(n) if guard < cfg.blocks.len() => {
                b = n;
                guard += 1;
            }
            _ => break,
        }
    }
    b
}

/// Assembles the CFG of one code unit.
pub(crate) fn assemble(
    mut cfg: Cfg,
    prefix: Vec<Instr>,
    consts: &mut Vec<Constant>,
    const_index: &mut HashMap<String, u32>,
) -> Assembled {
    // Keep only placed blocks, each once.
    let mut seen = vec![false; cfg.blocks.len()];
    cfg.order.retain(|&b| !std::mem::replace(&mut seen[b], true));
    let entry = cfg.order[0];
    // Prefix instructions (MAKE_CELL / COPY_FREE_VARS) go before everything else.
    if !prefix.is_empty() {
        let block = &mut cfg.blocks[entry];
        let rest = std::mem::take(&mut block.instrs);
        block.instrs = prefix;
        block.instrs.extend(rest);
    }
    retarget_empty(&mut cfg);
    for b in cfg.order.clone() {
        fold_const_tuples(&mut cfg.blocks[b].instrs, consts, const_index);
        fold_push_null(&mut cfg.blocks[b].instrs);
    }
    // Like CPython's optimize_cfg: inline small exits, peephole, inline again (so exits that
    // grew by inlining can themselves be inlined).
    inline_small_exits(&mut cfg);
    optimize(&mut cfg);
    for b in cfg.order.clone() {
        apply_static_swaps(&mut cfg.blocks[b].instrs);
    }
    remove_unreachable(&mut cfg, entry);
    inline_small_exits(&mut cfg);
    remove_unreachable(&mut cfg, entry);
    duplicate_exits_without_lineno(&mut cfg);
    propagate_line_numbers(&mut cfg);
    let next = next_map(&cfg);
    let stacksize = max_stack_depth(&mut cfg, entry, &next);
    label_exception_targets(&mut cfg, entry);
    remove_redundant_jumps(&mut cfg);
    remove_redundant_nops(&mut cfg);
    trim_unused_consts(&cfg, consts);
    linearize(&cfg, stacksize)
}

/// Jumps to empty blocks are redirected to the next non-empty block.
fn retarget_empty(cfg: &mut Cfg) {
    let next = next_map(cfg);
    for &b in &cfg.order.clone() {
        for i in 0..cfg.blocks[b].instrs.len() {
            let ins = cfg.blocks[b].instrs[i];
            if ins.op.is_jump() {
                let t = skip_empty(cfg, &next, ins.target);
                cfg.blocks[b].instrs[i].target = t;
            }
        }
    }
}

/// Peephole optimizations on block ends: jump threading and constant conditions.
fn optimize(cfg: &mut Cfg) {
    let order = cfg.order.clone();
    let next = next_map(cfg);
    for &b in &order {
        let mut i = 0;
        while i < cfg.blocks[b].instrs.len() {
            let ins = cfg.blocks[b].instrs[i];
            if ins.op.is_jump() && !ins.op.is_block_push() {
                let target = skip_empty(cfg, &next, ins.target);
                let Some(&tfirst) = cfg.blocks[target].instrs.first() else {
                    i += 1;
                    continue;
                };
                let mut new = ins;
                new.target = target;
                let thread = |new: &mut Instr, op: Op| {
                    if new.target != tfirst.target && ins.line() == tfirst.line() {
                        new.target = tfirst.target;
                        new.op = op;
                        true
                    } else {
                        false
                    }
                };
                let changed = match (ins.op, tfirst.op) {
                    (Op::Jump, Op::Jump) => thread(&mut new, Op::Jump),
                    (
                        Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone,
                        Op::Jump,
                    ) => thread(&mut new, ins.op),
                    (Op::JumpIfFalseOrPop, Op::Jump | Op::JumpIfFalseOrPop) => {
                        thread(&mut new, Op::JumpIfFalseOrPop)
                    }
                    (Op::JumpIfFalseOrPop, Op::PopJumpIfFalse) => thread(&mut new, Op::PopJumpIfFalse),
                    (Op::JumpIfTrueOrPop, Op::Jump | Op::JumpIfTrueOrPop) => {
                        thread(&mut new, Op::JumpIfTrueOrPop)
                    }
                    (Op::JumpIfTrueOrPop, Op::PopJumpIfTrue) => thread(&mut new, Op::PopJumpIfTrue),
                    (Op::JumpIfFalseOrPop, Op::JumpIfTrueOrPop | Op::PopJumpIfTrue)
                    | (Op::JumpIfTrueOrPop, Op::JumpIfFalseOrPop | Op::PopJumpIfFalse)
                        if ins.line() == tfirst.line() && next[target].is_some() =>
                    {
                        new.op = if ins.op == Op::JumpIfFalseOrPop {
                            Op::PopJumpIfFalse
                        } else {
                            Op::PopJumpIfTrue
                        };
                        new.target = skip_empty(cfg, &next, next[target].unwrap_or(target));
                        true
                    }
                    _ => false,
                };
                cfg.blocks[b].instrs[i] = new;
                if changed {
                    continue;
                }
            }
            i += 1;
        }
    }
}

/// `LOAD_CONST ×n; BUILD_TUPLE n` → one LOAD_CONST of the tuple (fold_tuple_on_constants).
fn fold_const_tuples(
    instrs: &mut [Instr],
    consts: &mut Vec<Constant>,
    const_index: &mut HashMap<String, u32>,
) {
    for i in 0..instrs.len() {
        if !instrs[i].is(Opcode::BUILD_TUPLE) {
            continue;
        }
        let n = instrs[i].arg as usize;
        if n > i || !instrs[i - n..i].iter().all(|x| x.is(Opcode::LOAD_CONST)) {
            continue;
        }
        let items: Vec<Constant> =
            instrs[i - n..i].iter().map(|x| consts[x.arg as usize].clone()).collect();
        let c = Constant::Tuple(items);
        let key = const_key(&c);
        let idx = match const_index.get(&key) {
            Some(&p) => p as usize,
            None => {
                consts.push(c);
                const_index.insert(key, consts.len() as u32 - 1);
                consts.len() - 1
            }
        };
        for x in &mut instrs[i - n..i] {
            x.op = Op::Real(Opcode::NOP);
        }
        instrs[i].op = Op::Real(Opcode::LOAD_CONST);
        instrs[i].arg = idx as u32;
    }
}

/// `PUSH_NULL; LOAD_GLOBAL x` → `NOP; LOAD_GLOBAL (NULL + x)`.
fn fold_push_null(instrs: &mut [Instr]) {
    for i in 1..instrs.len() {
        if instrs[i - 1].is(Opcode::PUSH_NULL)
            && instrs[i].is(Opcode::LOAD_GLOBAL)
            && instrs[i].arg & 1 == 0
        {
            instrs[i - 1].op = Op::Real(Opcode::NOP);
            instrs[i].arg |= 1;
        }
    }
}

/// Drops trailing constants no instruction uses.
fn trim_unused_consts(cfg: &Cfg, consts: &mut Vec<Constant>) {
    let mut max = 0usize;
    for &b in &cfg.order {
        for i in &cfg.blocks[b].instrs {
            if i.is(Opcode::LOAD_CONST) || i.is(Opcode::KW_NAMES) {
                max = max.max(i.arg as usize + 1);
            }
        }
    }
    // consts[0] may be a function's docstring slot; keep at least it.
    consts.truncate(max.max(1).min(consts.len()));
}

fn swappable(i: &Instr) -> bool {
    i.is(Opcode::STORE_FAST) || i.is(Opcode::POP_TOP)
}

fn stores_to(i: &Instr) -> Option<u32> {
    i.is(Opcode::STORE_FAST).then_some(i.arg)
}

/// Next swappable instruction after `i` (skipping NOPs), optionally required to be on `line`.
fn next_swappable(instrs: &[Instr], mut i: usize, line: Option<i64>) -> Option<usize> {
    loop {
        i += 1;
        let ins = instrs.get(i)?;
        if line.is_some_and(|l| ins.line() != l) {
            return None;
        }
        if ins.is(Opcode::NOP) {
            continue;
        }
        return swappable(ins).then_some(i);
    }
}

/// Replaces `SWAP n` followed by independent stores by reordering the stores (CPython's
/// apply_static_swaps).
fn apply_static_swaps(instrs: &mut [Instr]) {
    let mut i = 0;
    while i < instrs.len() {
        if instrs[i].is(Opcode::SWAP) {
            try_static_swap(instrs, i);
        }
        i += 1;
    }
}

fn try_static_swap(instrs: &mut [Instr], i: usize) -> Option<()> {
    let j = next_swappable(instrs, i, None)?;
    let line = instrs[j].line();
    let mut k = j;
    for _ in 1..instrs[i].arg {
        k = next_swappable(instrs, k, Some(line))?;
    }
    let (sj, sk) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
    if sj.is_some() || sk.is_some() {
        if sj == sk {
            return None;
        }
        for ins in &instrs[j + 1..k] {
            let s = stores_to(ins);
            if s.is_some() && (s == sj || s == sk) {
                return None;
            }
        }
    }
    instrs[i].op = Op::Real(Opcode::NOP);
    instrs.swap(j, k);
    Some(())
}

/// Removes blocks not reachable from the entry and truncates code after terminators.
fn remove_unreachable(cfg: &mut Cfg, entry: BlockId) {
    for b in cfg.order.clone() {
        let block = &mut cfg.blocks[b];
        if let Some(pos) = block.instrs.iter().position(|i| i.op.is_terminator()) {
            block.instrs.truncate(pos + 1);
        }
    }
    let next = next_map(cfg);
    let mut reach = vec![false; cfg.blocks.len()];
    let mut todo = vec![entry];
    reach[entry] = true;
    while let Some(b) = todo.pop() {
        let block = &cfg.blocks[b];
        for ins in &block.instrs {
            if ins.op.is_jump() && !reach[ins.target] {
                reach[ins.target] = true;
                todo.push(ins.target);
            }
        }
        if block.falls_through() {
            if let Some(n) = next[b] {
                if !reach[n] {
                    reach[n] = true;
                    todo.push(n);
                }
            }
        }
    }
    cfg.order.retain(|&b| reach[b]);
}

/// A block ending in an unconditional jump to a small exit block gets a copy of it instead.
fn inline_small_exits(cfg: &mut Cfg) {
    for b in cfg.order.clone() {
        let Some(last) = cfg.blocks[b].last().copied() else { continue };
        if !last.op.is_unconditional_jump() {
            continue;
        }
        let t = last.target;
        let has_line = cfg.blocks[t].instrs.iter().any(|i| i.loc.is_some());
        if t != b
            && is_exit_block(cfg, t)
            && cfg.blocks[t].instrs.len() <= MAX_COPY_SIZE
            && !has_line
        {
            let copy = cfg.blocks[t].instrs.clone();
            let block = &mut cfg.blocks[b];
            let n = block.instrs.len();
            block.instrs[n - 1].op = Op::Real(Opcode::NOP);
            block.instrs.extend(copy);
        }
    }
}

fn predecessors(cfg: &Cfg) -> Vec<usize> {
    let next = next_map(cfg);
    let mut preds = vec![0usize; cfg.blocks.len()];
    preds[cfg.order[0]] += 1;
    for &b in &cfg.order {
        for ins in &cfg.blocks[b].instrs {
            if ins.op.is_jump() {
                preds[ins.target] += 1;
            }
        }
        if cfg.blocks[b].falls_through() {
            if let Some(n) = next[b] {
                preds[n] += 1;
            }
        }
    }
    preds
}

/// Exit blocks without a line number that are jumped to from several places are copied, so
/// each copy can take the line of its jump.
/// (CPython walks blocks in reverse creation order here, which decides which jump keeps the
/// original block.)
fn duplicate_exits_without_lineno(cfg: &mut Cfg) {
    let mut preds = predecessors(cfg);
    let mut order = cfg.order.clone();
    order.sort_unstable_by(|a, b| b.cmp(a));
    for &b in &order {
        let Some(last) = cfg.blocks[b].last().copied() else { continue };
        if !last.op.is_jump() || last.op.is_block_push() {
            continue;
        }
        let t = last.target;
        if is_exit_without_lineno(cfg, t) && preds[t] > 1 {
            let mut copy = cfg.blocks[t].clone();
            if let Some(first) = copy.instrs.first_mut() {
                first.loc = last.loc;
            }
            let nb = cfg.blocks.len();
            cfg.blocks.push(copy);
            preds[t] -= 1;
            preds.push(1);
            // Place the copy right after the original target.
            let pos = cfg.order.iter().position(|&x| x == t).map_or(cfg.order.len(), |p| p + 1);
            cfg.order.insert(pos, nb);
            let n = cfg.blocks[b].instrs.len();
            cfg.blocks[b].instrs[n - 1].target = nb;
        }
    }
    // Exit blocks reached only by fall-through take the line of their predecessor.
    let next = next_map(cfg);
    for &b in &cfg.order.clone() {
        if !cfg.blocks[b].falls_through() {
            continue;
        }
        let (Some(n), Some(last)) = (next[b], cfg.blocks[b].last().copied()) else { continue };
        if is_exit_without_lineno(cfg, n) {
            if let Some(first) = cfg.blocks[n].instrs.first_mut() {
                first.loc = last.loc;
            }
        }
    }
}

fn propagate_line_numbers(cfg: &mut Cfg) {
    let preds = predecessors(cfg);
    let next = next_map(cfg);
    for &b in &cfg.order.clone() {
        let mut prev: Option<Location> = None;
        for ins in cfg.blocks[b].instrs.iter_mut() {
            if ins.loc.is_none() {
                ins.loc = prev;
            } else {
                prev = ins.loc;
            }
        }
        if cfg.blocks[b].falls_through() {
            if let Some(n) = next[b] {
                if preds[n] == 1 {
                    if let Some(first) = cfg.blocks[n].instrs.first_mut() {
                        if first.loc.is_none() {
                            first.loc = prev;
                        }
                    }
                }
            }
        }
        if let Some(last) = cfg.blocks[b].last().copied() {
            if last.op.is_jump() && !last.op.is_block_push() && preds[last.target] == 1 {
                if let Some(first) = cfg.blocks[last.target].instrs.first_mut() {
                    if first.loc.is_none() {
                        first.loc = prev;
                    }
                }
            }
        }
    }
}

/// Computes each instruction's handler from the SETUP_*/POP_BLOCK pseudo-ops, marks handler
/// blocks, then turns the pseudo-ops into NOPs.
fn label_exception_targets(cfg: &mut Cfg, entry: BlockId) {
    let next = next_map(cfg);
    let mut visited = vec![false; cfg.blocks.len()];
    let mut stacks: Vec<Option<Vec<BlockId>>> = vec![None; cfg.blocks.len()];
    stacks[entry] = Some(Vec::new());
    visited[entry] = true;
    let mut todo = vec![entry];
    while let Some(b) = todo.pop() {
        let mut stack = stacks[b].take().unwrap_or_default();
        let n = cfg.blocks[b].instrs.len();
        let mut falls = true;
        for i in 0..n {
            let ins = cfg.blocks[b].instrs[i];
            if ins.op.is_block_push() {
                let t = ins.target;
                if !visited[t] {
                    visited[t] = true;
                    stacks[t] = Some(stack.clone());
                    todo.push(t);
                }
                cfg.blocks[t].is_handler = true;
                if matches!(ins.op, Op::SetupCleanup | Op::SetupWith) {
                    cfg.blocks[t].preserve_lasti = true;
                }
                // The pseudo-instructions themselves (NOPs later) are not covered.
                stack.push(t);
            } else if ins.op == Op::PopBlock {
                stack.pop();
            } else {
                cfg.blocks[b].instrs[i].handler = stack.last().copied();
                if ins.op.is_jump() && !visited[ins.target] {
                    visited[ins.target] = true;
                    stacks[ins.target] = Some(stack.clone());
                    todo.push(ins.target);
                }
            }
            if ins.op.is_terminator() {
                falls = false;
                break;
            }
        }
        if falls {
            if let Some(nb) = next[b] {
                if !visited[nb] {
                    visited[nb] = true;
                    stacks[nb] = Some(stack.clone());
                    todo.push(nb);
                }
            }
        }
    }
    for &b in &cfg.order.clone() {
        for ins in cfg.blocks[b].instrs.iter_mut() {
            if ins.op.is_block_push() || ins.op == Op::PopBlock {
                ins.op = Op::Real(Opcode::NOP);
            }
        }
    }
}

/// Jumps to the immediately following block become NOPs.
fn remove_redundant_jumps(cfg: &mut Cfg) {
    let next = next_map(cfg);
    for &b in &cfg.order.clone() {
        let Some(last) = cfg.blocks[b].last().copied() else { continue };
        if last.op.is_unconditional_jump() {
            if let Some(n) = next[b] {
                if skip_empty(cfg, &next, n) == skip_empty(cfg, &next, last.target) {
                    let len = cfg.blocks[b].instrs.len();
                    cfg.blocks[b].instrs[len - 1].op = Op::Real(Opcode::NOP);
                }
            }
        }
    }
}

/// Removes NOPs that carry no needed line number.
fn remove_redundant_nops(cfg: &mut Cfg) {
    let order = cfg.order.clone();
    let mut prev_line: i64 = -1;
    for (idx, &b) in order.iter().enumerate() {
        let instrs = std::mem::take(&mut cfg.blocks[b].instrs);
        let mut out: Vec<Instr> = Vec::with_capacity(instrs.len());
        for (i, ins) in instrs.iter().enumerate() {
            if ins.is(Opcode::NOP) {
                let line = ins.line();
                let keep = if line < 0 || line == prev_line && !out.is_empty() {
                    false
                } else if let Some(nx) = instrs.get(i + 1) {
                    nx.line() != line
                } else {
                    // Last in block: compare with the next block's first instruction.
                    let nb = order[idx + 1..].iter().find_map(|&n| cfg.blocks[n].instrs.first());
                    nb.is_none_or(|first| first.line() != line)
                };
                if !keep {
                    continue;
                }
            }
            prev_line = ins.line();
            out.push(*ins);
        }
        cfg.blocks[b].instrs = out;
    }
}

fn real_jump(op: Op, backward: bool) -> Opcode {
    use Opcode::*;
    match (op, backward) {
        (Op::Jump, false) => JUMP_FORWARD,
        (Op::Jump, true) => JUMP_BACKWARD,
        (Op::JumpNoInterrupt, false) => JUMP_FORWARD,
        (Op::JumpNoInterrupt, true) => JUMP_BACKWARD_NO_INTERRUPT,
        (Op::PopJumpIfFalse, false) => POP_JUMP_FORWARD_IF_FALSE,
        (Op::PopJumpIfFalse, true) => POP_JUMP_BACKWARD_IF_FALSE,
        (Op::PopJumpIfTrue, false) => POP_JUMP_FORWARD_IF_TRUE,
        (Op::PopJumpIfTrue, true) => POP_JUMP_BACKWARD_IF_TRUE,
        (Op::PopJumpIfNone, false) => POP_JUMP_FORWARD_IF_NONE,
        (Op::PopJumpIfNone, true) => POP_JUMP_BACKWARD_IF_NONE,
        (Op::PopJumpIfNotNone, false) => POP_JUMP_FORWARD_IF_NOT_NONE,
        (Op::PopJumpIfNotNone, true) => POP_JUMP_BACKWARD_IF_NOT_NONE,
        (Op::JumpIfFalseOrPop, _) => JUMP_IF_FALSE_OR_POP,
        (Op::JumpIfTrueOrPop, _) => JUMP_IF_TRUE_OR_POP,
        (Op::ForIter, _) => FOR_ITER,
        (Op::Send, _) => SEND,
        (Op::Real(op), _) => op,
        // Pseudo-ops were turned into NOPs before layout.
        (Op::SetupFinally | Op::SetupCleanup | Op::SetupWith | Op::PopBlock, _) => NOP,
    }
}

fn ext_size(arg: u32) -> usize {
    match arg {
        0..=0xff => 1,
        0x100..=0xffff => 2,
        0x1_0000..=0xff_ffff => 3,
        _ => 4,
    }
}

/// Lays out blocks, resolves jumps (iterating until EXTENDED_ARG sizes are stable), and builds
/// the location and exception tables.
fn linearize(cfg: &Cfg, stacksize: u32) -> Assembled {
    let order = &cfg.order;
    let mut sizes: Vec<Vec<usize>> =
        order.iter().map(|&b| vec![1; cfg.blocks[b].instrs.len()]).collect();
    let mut block_start = vec![0usize; cfg.blocks.len()];
    let mut args: Vec<Vec<u32>> = order.iter().map(|&b| vec![0; cfg.blocks[b].instrs.len()]).collect();
    loop {
        let mut pos = 0;
        for (k, &b) in order.iter().enumerate() {
            block_start[b] = pos;
            pos += sizes[k].iter().sum::<usize>();
        }
        let mut changed = false;
        let mut pos = 0;
        for (k, &b) in order.iter().enumerate() {
            for (i, ins) in cfg.blocks[b].instrs.iter().enumerate() {
                let end = pos + sizes[k][i];
                let arg = if ins.op.is_jump() {
                    let t = block_start[ins.target];
                    if t >= end {
                        (t - end) as u32
                    } else {
                        (end - t) as u32
                    }
                } else {
                    ins.arg
                };
                args[k][i] = arg;
                let sz = ext_size(arg);
                if sz != sizes[k][i] {
                    sizes[k][i] = sz;
                    changed = true;
                }
                pos = end;
            }
        }
        if !changed {
            break;
        }
    }
    let mut instructions = Vec::new();
    let mut locations = Vec::new();
    let mut handlers: Vec<Option<BlockId>> = Vec::new();
    let mut pos = 0;
    for (k, &b) in order.iter().enumerate() {
        for (i, ins) in cfg.blocks[b].instrs.iter().enumerate() {
            let end = pos + sizes[k][i];
            let backward = ins.op.is_jump() && block_start[ins.target] < end;
            let op = real_jump(ins.op, backward);
            let arg = args[k][i];
            let loc = ins.loc.unwrap_or_default();
            for s in (1..sizes[k][i]).rev() {
                instructions.push(Instruction { op: Opcode::EXTENDED_ARG, arg: (arg >> (8 * s)) as u8 });
                locations.push(loc);
                handlers.push(ins.handler);
            }
            instructions.push(Instruction { op, arg: arg as u8 });
            locations.push(loc);
            handlers.push(ins.handler);
            pos = end;
        }
    }
    let mut exception_table: Vec<ExceptionTableEntry> = Vec::new();
    let mut i = 0;
    while i < handlers.len() {
        let Some(h) = handlers[i] else {
            i += 1;
            continue;
        };
        let start = i;
        while i < handlers.len() && handlers[i] == Some(h) {
            i += 1;
        }
        let block = &cfg.blocks[h];
        let depth = block.start_depth.unwrap_or(1).saturating_sub(1 + u32::from(block.preserve_lasti));
        exception_table.push(ExceptionTableEntry {
            start: start as u32,
            end: i as u32,
            target: block_start[h] as u32,
            depth,
            lasti: block.preserve_lasti,
        });
    }
    Assembled { instructions, locations, exception_table, stacksize }
}
