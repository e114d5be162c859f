//! Inline values: the attribute storage of an instance of a plain class
//! (CPython 3.11's `PyDictValues`), one small block from the object heap.
//!
//! The attribute *names* live once per class, in its shared keys (see
//! [`crate::types::instance::SharedKeys`]); an instance keeps only the values,
//! indexed by the position of their name in the shared keys, plus the order
//! in which this instance added them (what `__dict__` shows once it is
//! asked for). Block layout:
//!
//! ```text
//!   +--------+--------+----------------------+---------+-------------------------+
//!   | cap u8 | len u8 | order: cap key bytes | padding | values: cap Option<PyRef> |
//!   +--------+--------+----------------------+---------+-------------------------+
//! ```
//!
//! `order[..len]` holds the key indices of the present values, oldest first.
//! An instance with three attributes needs a 32-byte block (CPython 3.11: a
//! values array of the same order of size), where a dict object costs ~250.

use std::ptr::NonNull;

use super::alloc::{raw_alloc, raw_free};
use super::pyref::PyRef;

/// Most values a block can hold (key indices are one byte).
pub const MAX_CAPACITY: usize = u8::MAX as usize;

/// The owning handle of one values block. Not `Send`: the block comes from
/// this thread's object heap.
pub struct InlineValues {
    block: NonNull<u8>,
}

/// Bytes before the values: `cap`, `len` and the order bytes, rounded up to
/// the alignment of a reference.
fn head_size(cap: usize) -> usize {
    (2 + cap).next_multiple_of(8)
}

fn block_size(cap: usize) -> usize {
    head_size(cap) + 8 * cap
}

impl InlineValues {
    /// An empty block with room for `cap` values (`1..=MAX_CAPACITY`).
    pub fn with_capacity(cap: usize) -> InlineValues {
        assert!((1..=MAX_CAPACITY).contains(&cap), "inline values capacity out of range");
        let block = raw_alloc(block_size(cap));
        // SAFETY: the block is `block_size(cap)` bytes, 8-aligned (object
        // heap blocks are): the head bytes and `cap` value cells are in it.
        // An all-zero `Option<PyRef>` is `None`.
        unsafe {
            block.as_ptr().write(cap as u8);
            block.as_ptr().add(1).write(0);
            std::ptr::write_bytes(block.as_ptr().add(head_size(cap)), 0, 8 * cap);
        }
        InlineValues { block }
    }

    /// How many values the block has room for.
    #[inline(always)]
    pub fn capacity(&self) -> usize {
        // SAFETY: byte 0 of a live block is its capacity.
        unsafe { *self.block.as_ptr() as usize }
    }

    /// How many values are present.
    #[inline(always)]
    pub fn len(&self) -> usize {
        // SAFETY: byte 1 of a live block is its length.
        unsafe { *self.block.as_ptr().add(1) as usize }
    }

    /// Whether no value is present.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn set_len(&self, len: usize) {
        // SAFETY: byte 1 of a live block; `len <= cap <= 255`.
        unsafe { self.block.as_ptr().add(1).write(len as u8) }
    }

    /// The cell of value `ix` (`ix < capacity`).
    #[inline(always)]
    fn cell(&self, ix: usize) -> *mut Option<PyRef> {
        debug_assert!(ix < self.capacity());
        // SAFETY: `ix < cap`, so the cell lies in the block's value area.
        unsafe { self.block.as_ptr().add(head_size(self.capacity()) + 8 * ix).cast() }
    }

    /// The order byte at position `i` (`i < capacity`).
    fn order_byte(&self, i: usize) -> *mut u8 {
        debug_assert!(i < self.capacity());
        // SAFETY: order bytes follow the two count bytes, `cap` of them.
        unsafe { self.block.as_ptr().add(2 + i) }
    }

    /// The value at key index `ix` (a new reference), if present.
    #[inline]
    pub fn get(&self, ix: usize) -> Option<PyRef> {
        if ix >= self.capacity() {
            return None;
        }
        // SAFETY: a short read and a clone; no reference into the block
        // outlives this call.
        unsafe { (*self.cell(ix)).clone() }
    }

    /// Store `v` at key index `ix` (`ix < capacity`), returning the value it
    /// replaces for the caller to drop (after it no longer uses the block).
    pub fn set(&self, ix: usize, v: PyRef) -> Option<PyRef> {
        assert!(ix < self.capacity(), "inline values index out of range");
        // SAFETY: `ix < cap`; nothing borrows the cell (see `get`).
        let old = unsafe { (*self.cell(ix)).replace(v) };
        if old.is_none() {
            let len = self.len();
            // SAFETY: fewer than `cap` values were present, so position
            // `len` is an order byte.
            unsafe { self.order_byte(len).write(ix as u8) };
            self.set_len(len + 1);
        }
        old
    }

    /// Remove the value at key index `ix`, returning it for the caller to drop.
    pub fn remove(&self, ix: usize) -> Option<PyRef> {
        if ix >= self.capacity() {
            return None;
        }
        // SAFETY: `ix < cap`; nothing borrows the cell.
        let old = unsafe { (*self.cell(ix)).take() }?;
        let len = self.len();
        let order = self.order();
        if let Some(pos) = order.iter().position(|&k| k as usize == ix) {
            for (i, &k) in order[pos + 1..].iter().enumerate() {
                // SAFETY: positions below `len <= cap`.
                unsafe { self.order_byte(pos + i).write(k) };
            }
            self.set_len(len - 1);
        }
        Some(old)
    }

    /// The key indices of the present values, oldest first.
    pub fn order(&self) -> Vec<u8> {
        (0..self.len())
            // SAFETY: positions below `len <= cap`.
            .map(|i| unsafe { *self.order_byte(i) })
            .collect()
    }

    /// This block's contents moved into a new one with room for `cap`
    /// values (at least the current capacity).
    pub fn grown(self, cap: usize) -> InlineValues {
        let new = InlineValues::with_capacity(cap.max(self.capacity()));
        for ix in self.order() {
            let ix = ix as usize;
            // SAFETY: `ix < old cap`; the value moves without a count change.
            if let Some(v) = unsafe { (*self.cell(ix)).take() } {
                new.set(ix, v);
            }
        }
        self.set_len(0);
        new
    }

    /// Remove every value: `(key index, value)` pairs, oldest first.
    pub fn drain_ordered(&self) -> Vec<(usize, PyRef)> {
        let out = self
            .order()
            .into_iter()
            // SAFETY: `ix < cap`; the value moves out of its cell.
            .filter_map(|ix| unsafe { (*self.cell(ix as usize)).take() }.map(|v| (ix as usize, v)))
            .collect();
        self.set_len(0);
        out
    }

    /// Remove every value, in key-index order (the order CPython's
    /// deallocator and clear release them in).
    pub fn drain_indexed(&self) -> Vec<PyRef> {
        let out = (0..self.capacity())
            // SAFETY: `ix < cap`; the value moves out of its cell.
            .filter_map(|ix| unsafe { (*self.cell(ix)).take() })
            .collect();
        self.set_len(0);
        out
    }
}

impl Drop for InlineValues {
    fn drop(&mut self) {
        // The handle is no longer reachable from its instance, so the
        // finalizers these drops may run cannot reach the block.
        drop(self.drain_indexed());
        let size = block_size(self.capacity());
        // SAFETY: the block came from `raw_alloc(block_size(cap))` in
        // `with_capacity`, is empty now and is not used after this.
        unsafe { raw_free(self.block, size) }
    }
}
