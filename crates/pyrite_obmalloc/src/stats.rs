//! Statistics and the `sys._debugmallocstats()` text (ALLOC-9).
//!
//! [`Heap::stats`] walks every carved pool; [`Stats::write_to`] prints the
//! report in CPython's line formats with this build's parameters. The arena
//! radix-tree block of CPython is replaced by an "arena table" block that
//! reports the descriptor table. Freelist lines are the VM's: it appends them
//! with [`format_freelist_line`] (or any label with [`format_printone`]).

use std::io::{self, Write};

use crate::heap::{AllocatorMode, Heap};
use crate::size_class::{
    blocks_per_pool, class_block_size, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD, POOL_SIZE, POOL_SIZE_MASK,
    SMALL_REQUEST_THRESHOLD,
};
use crate::ARENA_SIZE;

/// Per-size-class numbers: one row of the class table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassStats {
    /// Block size of the class in bytes.
    pub block_size: usize,
    /// Non-empty pools (used or full) of the class.
    pub num_pools: usize,
    /// Blocks handed out.
    pub blocks_in_use: usize,
    /// Blocks not handed out in those pools, free-listed or untouched.
    pub avail_blocks: usize,
}

/// A snapshot of a heap's allocator numbers. Fixed-size (no allocation), so
/// it can be taken even from inside a global allocator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stats {
    /// One entry per size class, index = class.
    pub classes: [ClassStats; NB_SMALL_SIZE_CLASSES],
    /// Arenas mapped since the heap was created.
    pub arenas_allocated_total: usize,
    /// Arenas returned to the OS.
    pub arenas_reclaimed: usize,
    /// Most arenas mapped at once.
    pub arenas_highwater: usize,
    /// Arenas mapped now.
    pub arenas_current: usize,
    /// Bytes in handed-out blocks (block sizes, not request sizes).
    pub allocated_bytes: usize,
    /// Bytes in blocks of non-empty pools not handed out.
    pub available_bytes: usize,
    /// Empty or never-carved pools in mapped arenas.
    pub unused_pools: usize,
    /// Header bytes of non-empty pools (`POOL_OVERHEAD` each).
    pub pool_header_bytes: usize,
    /// Tail bytes of non-empty pools too small for a block.
    pub quantization_bytes: usize,
    /// Bytes lost because an arena base was not pool-aligned.
    pub arena_alignment_bytes: usize,
    /// Sum of all the byte counts above; equals
    /// `arenas_current * ARENA_SIZE`.
    pub total_bytes: usize,
    /// Arena descriptors in the table (live plus unused).
    pub arena_descriptors: usize,
    /// Bytes taken by the arena descriptor table.
    pub arena_table_bytes: usize,
}

impl Default for Stats {
    fn default() -> Self {
        Self {
            classes: [ClassStats::default(); NB_SMALL_SIZE_CLASSES],
            arenas_allocated_total: 0,
            arenas_reclaimed: 0,
            arenas_highwater: 0,
            arenas_current: 0,
            allocated_bytes: 0,
            available_bytes: 0,
            unused_pools: 0,
            pool_header_bytes: 0,
            quantization_bytes: 0,
            arena_alignment_bytes: 0,
            total_bytes: 0,
            arena_descriptors: 0,
            arena_table_bytes: 0,
        }
    }
}

impl Heap {
    /// Walks the arenas and pools and returns the current numbers. A heap in
    /// [`AllocatorMode::System`] returns all zeros.
    #[must_use]
    pub fn stats(&self) -> Stats {
        let mut s = Stats::default();
        if self.mode() == AllocatorMode::System {
            return s;
        }
        for (idx, c) in s.classes.iter_mut().enumerate() {
            c.block_size = class_block_size(idx);
        }
        let arenas = &self.arenas;
        for d in arenas.table.as_slice() {
            if d.address.is_null() {
                continue;
            }
            s.unused_pools += d.nfreepools as usize;
            if d.address.addr() & POOL_SIZE_MASK != 0 {
                s.arena_alignment_bytes += POOL_SIZE;
            }
            let first = d.first_pool();
            let carved = (d.pool_address.addr() - first.addr()) / POOL_SIZE;
            for k in 0..carved {
                let pool = first.wrapping_add(k * POOL_SIZE).cast::<crate::pool::PoolHeader>();
                // SAFETY: pools below `pool_address` of a live arena are
                // carved, so their headers are initialised memory of this
                // heap; `&self` means nobody mutates them meanwhile.
                let h = unsafe { &*pool };
                if h.count == 0 {
                    continue;
                }
                let idx = h.szidx as usize;
                let c = &mut s.classes[idx];
                c.num_pools += 1;
                c.blocks_in_use += h.count as usize;
                c.avail_blocks += blocks_per_pool(idx) - h.count as usize;
            }
        }
        for c in &s.classes {
            s.allocated_bytes += c.blocks_in_use * c.block_size;
            s.available_bytes += c.avail_blocks * c.block_size;
            s.pool_header_bytes += c.num_pools * POOL_OVERHEAD;
            s.quantization_bytes += c.num_pools * ((POOL_SIZE - POOL_OVERHEAD) % c.block_size);
        }
        s.arenas_allocated_total = arenas.ntimes_allocated;
        s.arenas_current = arenas.ncurrently;
        s.arenas_reclaimed = arenas.ntimes_allocated - arenas.ncurrently;
        s.arenas_highwater = arenas.highwater;
        s.total_bytes = s.allocated_bytes
            + s.available_bytes
            + s.unused_pools * POOL_SIZE
            + s.pool_header_bytes
            + s.quantization_bytes
            + s.arena_alignment_bytes;
        s.arena_descriptors = arenas.table.len();
        s.arena_table_bytes = arenas.table.len() * core::mem::size_of::<crate::arena::ArenaObject>();
        s
    }

    /// Writes the `sys._debugmallocstats()` allocator report (ALLOC-9) to
    /// `out`; writes nothing for a heap in [`AllocatorMode::System`].
    ///
    /// # Errors
    /// Any error of `out`.
    pub fn write_debug_stats(&self, out: &mut impl Write) -> io::Result<()> {
        if self.mode() == AllocatorMode::System {
            return Ok(());
        }
        self.stats().write_to(out)
    }
}

impl Stats {
    /// Writes the report in CPython 3.11's format: the class table, the
    /// arena counters, the byte breakdown whose `Total` equals
    /// `arenas × ARENA_SIZE`, and the arena-table block.
    ///
    /// # Errors
    /// Any error of `out`.
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(
            out,
            "Small block threshold = {SMALL_REQUEST_THRESHOLD}, in {NB_SMALL_SIZE_CLASSES} size classes.\n"
        )?;
        writeln!(out, "class   size   num pools   blocks in use  avail blocks")?;
        writeln!(out, "-----   ----   ---------   -------------  ------------")?;
        for (idx, c) in self.classes.iter().enumerate() {
            if c.num_pools == 0 {
                continue;
            }
            writeln!(
                out,
                "{idx:5} {:6} {:11} {:15} {:13}",
                c.block_size, c.num_pools, c.blocks_in_use, c.avail_blocks
            )?;
        }
        writeln!(out)?;
        let p = |out: &mut dyn Write, label: &str, v: usize| out.write_all(format_printone(label, v).as_bytes());
        p(out, "# arenas allocated total", self.arenas_allocated_total)?;
        p(out, "# arenas reclaimed", self.arenas_reclaimed)?;
        p(out, "# arenas highwater mark", self.arenas_highwater)?;
        p(out, "# arenas allocated current", self.arenas_current)?;
        let label = format!("{} arenas * {ARENA_SIZE} bytes/arena", self.arenas_current);
        p(out, &label, self.arenas_current * ARENA_SIZE)?;
        writeln!(out)?;
        p(out, "# bytes in allocated blocks", self.allocated_bytes)?;
        p(out, "# bytes in available blocks", self.available_bytes)?;
        let label = format!("{} unused pools * {POOL_SIZE} bytes", self.unused_pools);
        p(out, &label, self.unused_pools * POOL_SIZE)?;
        p(out, "# bytes lost to pool headers", self.pool_header_bytes)?;
        p(out, "# bytes lost to quantization", self.quantization_bytes)?;
        p(out, "# bytes lost to arena alignment", self.arena_alignment_bytes)?;
        p(out, "Total", self.total_bytes)?;
        writeln!(out, "\narena table counts")?;
        p(out, "# arena descriptors", self.arena_descriptors)?;
        p(out, "# arena descriptors in use", self.arenas_current)?;
        writeln!(out)?;
        p(out, "# bytes lost to arena table", self.arena_table_bytes)?;
        p(out, "Total", self.arena_table_bytes)
    }
}

/// One "printone" line of the report, newline included: `label` padded with
/// spaces to column 35, `=`, then `value` right-justified in 21 columns with
/// `,` thousands separators. A label of 35 or more characters is not padded.
///
/// ```
/// assert_eq!(
///     pyrite_obmalloc::format_printone("# arenas reclaimed", 1234),
///     "# arenas reclaimed                 =                1,234\n"
/// );
/// ```
#[must_use]
pub fn format_printone(label: &str, value: usize) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{label:<35}={grouped:>21}\n")
}

/// One freelist line as `sys._debugmallocstats()` prints it after the
/// allocator report: `"%48s " % "<n> free <name>s * <size> bytes each"`,
/// then `=` and `n * size` as in [`format_printone`].
///
/// ```
/// assert_eq!(
///     pyrite_obmalloc::format_freelist_line(8, "PyDictObject", 48),
///     "            8 free PyDictObjects * 48 bytes each =                  384\n"
/// );
/// ```
#[must_use]
pub fn format_freelist_line(count: usize, block_name: &str, block_size: usize) -> String {
    let what = format!("{count} free {block_name}s * {block_size} bytes each");
    format_printone(&format!("{what:>48} "), count * block_size)
}
