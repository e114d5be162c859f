//! The native stack guard: Rust code that recurses through Python objects
//! (calls, comparisons, repr …) raises `RecursionError` before the thread's
//! stack runs out, whatever the recursion limit is set to.

/// Room kept free below the deepest point a guarded operation may start
/// from: enough for the unguarded Rust code between two checks.
const MARGIN: usize = 512 * 1024;

/// The lowest stack address at which a guarded operation may still start
/// on the calling thread (stacks grow down), or 0 if it cannot be found.
pub(crate) fn stack_floor() -> usize {
    // SAFETY: `attr` is initialised by `pthread_getattr_np` before it is
    // read, and destroyed once; the out-pointers are valid locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return 0;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        if !ok || size <= 2 * MARGIN {
            return 0;
        }
        addr as usize + MARGIN
    }
}

/// Whether the calling thread's stack pointer is below `floor`.
#[inline(always)]
pub(crate) fn below(floor: usize) -> bool {
    let here = 0u8;
    (std::ptr::addr_of!(here) as usize) < floor
}
