//! The object model: the `#[repr(C)]` header every object starts with, the owning
//! reference [`PyRef`], allocation of objects (with a GC header in front of containers),
//! iterative deallocation of deep structures (the "trashcan"), the generational cycle
//! collector ([`gc`]) and the exit teardown.
//!
//! Borrow rule the collector adds: a collection runs `__del__` methods and weakref
//! callbacks, so it runs only where no Rust code holds a borrow of container storage —
//! at the eval loop's safe points and in `gc.collect()`, never inside an allocation.
//!
//! Memory layout of a container object (a type with [`TypeFlags::HAVE_GC`]):
//!
//! ```text
//!   +-------------------+  <- allocation start
//!   | GcHead.next       |  8 bytes: generation list link (0: untracked)
//!   | GcHead.prev       |  8 bytes: link + flags (finalized, collecting, teardown)
//!   +-------------------+  <- *mut PyObject points here
//!   | ob_refcnt         |  8 bytes
//!   | ob_type           |  8 bytes
//!   | payload ...       |  the type's struct fields
//!   | [__dict__ slot]   |  heap subtypes: one Option<PyRef> at `dictoffset`
//!   | [values slot]     |  plain classes: an Option<InlineValues> after it
//!   | [__slots__ ...]   |  heap subtypes: one Option<PyRef> per slot name
//!   +-------------------+
//! ```
//!
//! Everything that touches raw object memory lives in this module and its
//! children; the rest of the VM uses the safe API of [`PyRef`] and the typed
//! payload structs.

mod alloc;
mod freelist;
pub mod gc;
mod teardown;
mod header;
mod pyref;
mod trashcan;
mod values;

pub use alloc::{alloc_object, alloc_type_object, configure_allocator, free_object_memory, write_malloc_stats, GcHead};
pub use freelist::{dict_dealloc, float_dealloc, list_dealloc, new_dict, new_float, new_list, write_freelist_stats};
pub use gc::{is_finalized, set_finalized};
pub use header::{ObjHeader, PyObject};
pub use teardown::release_all_objects;
pub use pyref::{PyPayload, PyRef};
pub(crate) use trashcan::dealloc;
pub use values::{InlineValues, MAX_CAPACITY as MAX_INLINE_VALUES};
