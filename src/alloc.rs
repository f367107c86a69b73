//! Counting the host memory in use, so hostile student code (a list that
//! doubles forever, a message flood) ends with a clear error instead of
//! exhausting the machine. The binary installs `Counting` as its global
//! allocator; the library only reads the count. Without it the count stays
//! zero and no memory bound applies.

use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

static LIVE: AtomicUsize = AtomicUsize::new(0);
static LIMIT: AtomicUsize = AtomicUsize::new(0);

/// How far a thread's own count may drift before it is added to `LIVE`:
/// threads that allocate at once (the explorer's workers) would otherwise
/// fight over one counter on every allocation.
const BATCH: isize = 64 * 1024;

thread_local! {
    /// Bytes this thread allocated (less those it freed) not yet in `LIVE`.
    static DRIFT: std::cell::Cell<isize> = const { std::cell::Cell::new(0) };
}

/// Counts `delta` bytes more (or fewer) in use.
#[inline]
fn count(delta: isize) {
    let kept = DRIFT.try_with(|d| {
        let now = d.get() + delta;
        if (-BATCH..=BATCH).contains(&now) {
            d.set(now);
            0
        } else {
            d.set(0);
            now
        }
    });
    let flush = kept.unwrap_or(delta);
    if flush > 0 {
        LIVE.fetch_add(flush.unsigned_abs(), Ordering::Relaxed);
    } else if flush < 0 {
        LIVE.fetch_sub(flush.unsigned_abs(), Ordering::Relaxed);
    }
}

/// A size as a signed count (allocations never exceed `isize::MAX`).
#[inline]
fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

/// mimalloc, counting live bytes. mimalloc rather than the system's
/// allocator: the explorer and the VM allocate and free many small blocks
/// (worlds, processes, terms), and with it message rings and spawns run in
/// about half the time and the explorer in 5 to 20% less.
///
/// Blocks whose alignment mimalloc's plain `mi_malloc` already gives (16
/// bytes for blocks of 16 bytes or more, 8 below) are asked of it
/// directly, as the standard library's system allocator asks `malloc`:
/// `mi_malloc_aligned`, which `MiMalloc` calls for every block, takes a
/// slow path whenever its size class has no free block at hand, and then
/// allocates the block one alignment larger (a 48-byte block in the
/// 64-byte class; every block above 1 KiB so).
pub struct Counting;

/// The alignment every block `mi_malloc` returns has, when the block is
/// at least that large (mimalloc's `MI_MAX_ALIGN_SIZE`).
const PLAIN_ALIGN: usize = 16;

/// Whether `mi_malloc(size)` is aligned as `align` asks.
#[inline]
fn plain(align: usize, size: usize) -> bool {
    align <= PLAIN_ALIGN && align <= size
}

// SAFETY: every call is forwarded to mimalloc, with the alignment asked
// either passed on or one `mi_malloc` gives by itself (`plain`); blocks
// from either are freed by `mi_free`. The counters are only statistics
// and never affect what is allocated.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(signed(layout.size()));
        if plain(layout.align(), layout.size()) {
            // SAFETY: `layout.size()` is not zero (`plain` checks that it
            // is at least the alignment, itself at least 1).
            return unsafe { libmimalloc_sys::mi_malloc(layout.size()).cast() };
        }
        // SAFETY: same contract as the caller's.
        unsafe { MiMalloc.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-signed(layout.size()));
        // SAFETY: same contract as the caller's.
        unsafe { MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(signed(layout.size()));
        if plain(layout.align(), layout.size()) {
            // SAFETY: as in `alloc`.
            return unsafe { libmimalloc_sys::mi_zalloc(layout.size()).cast() };
        }
        // SAFETY: same contract as the caller's.
        unsafe { MiMalloc.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(signed(new_size) - signed(layout.size()));
        if plain(layout.align(), new_size) {
            // SAFETY: `ptr` came from mimalloc (either path above) and
            // `new_size` is not zero.
            return unsafe { libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast() };
        }
        // SAFETY: same contract as the caller's.
        unsafe { MiMalloc.realloc(ptr, layout, new_size) }
    }
}

/// Bytes allocated and not yet freed (0 when `Counting` is not installed),
/// to within 64 KiB per thread.
#[inline]
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// Sets the bound on live bytes; 0 means none.
pub fn set_limit(bytes: usize) {
    LIMIT.store(bytes, Ordering::Relaxed);
}

#[inline]
pub fn limit() -> usize {
    LIMIT.load(Ordering::Relaxed)
}

/// Whether the bound is set and exceeded.
#[inline]
pub fn over_limit() -> bool {
    let l = limit();
    l != 0 && live_bytes() > l
}
