//! The world's fingerprint: a 128-bit hash of everything that decides its
//! future and nothing else, so two worlds with equal fingerprints have the
//! same futures (up to a hash collision) and an explorer may treat them as
//! one state.
//!
//! In: loaded code (module name and content hash), each live process's
//! live slots, frames, handlers, mailbox, dictionary, random state, status,
//! links, monitors and pending options; messages in flight per
//! sender/receiver pair, in order, with what they carry; held messages;
//! timers; registered names (and those a recovered process may take
//! back); the partition; the faults spent against each
//! budget the plan sets; the send and receive counts that crash rules
//! read, up to the largest count a rule names; and the pid and reference
//! counters (programs see pids and references).
//!
//! Out: the trace, clocks, event and message ids, stale slots, and ended
//! processes (except crashed ones a recovery rule may restart: what a
//! restart keeps of them counts). Time
//! counts relative to now (a deadline as the time left, a message as the
//! time until it may and must arrive), so a retransmission loop comes back
//! to the same state. Absolute time counts only while the plan still has
//! something to do at a given time, or once a program has read the clock.
//!
//! The state is fed through `std::hash::Hash` into a buffer of bytes
//! (integers in little-endian order on the hosts pidlab runs on), and the
//! buffer is hashed once with XXH3 to 128 bits: the same world gives the
//! same fingerprint in every host process and version of pidlab with the
//! same world layout. The explorer takes a fingerprint at every state, and
//! one pass over a buffer is several times faster than a keyed hash that
//! mixes at every small write (the state is hundreds of small writes).

use super::faults::{Timing, Trigger};
use super::{Status, World};
use std::hash::{Hash, Hasher};

/// Collects what `Hash` writes, to be hashed in one pass.
pub(super) struct Bytes<'a>(&'a mut Vec<u8>);

impl Hasher for Bytes<'_> {
    fn finish(&self) -> u64 {
        xxhash_rust::xxh3::xxh3_64(self.0)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    // Integers of a known width are copied as such, not through `write`'s
    // slice of any length (most of what a state writes is integers).
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.0.push(n);
    }

    #[inline]
    fn write_u16(&mut self, n: u16) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    #[inline]
    fn write_u128(&mut self, n: u128) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    #[inline]
    fn write_i64(&mut self, n: i64) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }
}

type Buffer = std::cell::RefCell<Vec<u8>>;

thread_local! {
    /// The buffer fingerprints are written into, kept between calls.
    static BUFFER: Buffer = const { std::cell::RefCell::new(Vec::new()) };
    /// The buffer one process's part of a fingerprint is written into
    /// (while the world's is in use).
    static PROC_BUFFER: Buffer = const { std::cell::RefCell::new(Vec::new()) };
    /// The buffer a message's part is written into.
    static PART_BUFFER: Buffer = const { std::cell::RefCell::new(Vec::new()) };
}

/// XXH3-128 of what `write` feeds through `Hash`, as the fingerprint
/// writes it (for a part of the state hashed once and kept, such as what
/// a message in flight carries).
pub(super) fn hash128(write: impl FnOnce(&mut Bytes<'_>)) -> u128 {
    hashed(&PART_BUFFER, write)
}

/// XXH3-128 of what `write` feeds through `Hash`, written into `buffer`
/// (or into a buffer of its own if that one is in use).
fn hashed(
    buffer: &'static std::thread::LocalKey<Buffer>,
    write: impl FnOnce(&mut Bytes<'_>),
) -> u128 {
    buffer.with(|b| {
        let mut own = Vec::new();
        let mut guard = b.try_borrow_mut().ok();
        let buf = guard.as_deref_mut().unwrap_or(&mut own);
        buf.clear();
        write(&mut Bytes(buf));
        xxhash_rust::xxh3::xxh3_128(buf)
    })
}

impl super::Proc {
    /// The hash of the process's own part of the world's fingerprint (what
    /// does not depend on the world's time or counts), taken once and kept
    /// until the process changes: a step changes one or two processes, so
    /// a fingerprint rehashes those and reuses the others'.
    fn fingerprint(&self) -> u128 {
        // Kept as two words (a `u128` would align the process to 16
        // bytes); all zeros means not taken yet.
        let [lo, hi] = self.fp.get();
        if lo != 0 || hi != 0 {
            return u128::from(lo) | (u128::from(hi) << 64);
        }
        let fp = hashed(&PROC_BUFFER, |h| {
            self.process.hash(h);
            self.links.hash(h);
            self.watchers.hash(h);
            self.watching.hash(h);
            self.trap_exit.hash(h);
            self.options.hash(h);
            self.idle.hash(h);
        });
        self.fp.set([fp as u64, (fp >> 64) as u64]);
        fp
    }
}

/// A process's send and receive counts, when a crash rule reads them
/// (`horizon`, the largest count a rule names): clipped one past it, since
/// larger counts decide nothing more.
fn hash_counts<H: Hasher>(p: &super::Proc, horizon: Option<u64>, h: &mut H) {
    if let Some(k) = horizon {
        let clip = |n: u64| n.min(k.saturating_add(1));
        (clip(p.sends), clip(p.receives)).hash(h);
    }
}

/// A persistent set (usually empty) as its length and then its members,
/// without starting a walk of an empty tree.
fn hash_set<T: Hash + Ord + Clone, H: Hasher>(s: &imbl::OrdSet<T>, h: &mut H) {
    s.len().hash(h);
    if !s.is_empty() {
        s.iter().for_each(|x| x.hash(h));
    }
}

impl World {
    /// A hash equal for two worlds exactly when their futures are equal.
    pub fn fingerprint(&self) -> u128 {
        hashed(&BUFFER, |h| self.hash_state(h))
    }

    /// The latest absolute time at which the plan does something (a
    /// crash, a recovery, the heal, stabilisation under partial synchrony).
    fn plan_horizon(&self) -> Option<u64> {
        let rules = self
            .faults
            .crashes
            .iter()
            .chain(self.faults.recoveries.iter())
            .filter_map(|c| match c.when {
                Trigger::Time(t) => Some(t),
                _ => None,
            });
        let gst = match self.faults.timing {
            Timing::Psync { gst, .. } => Some(gst),
            _ => None,
        };
        rules.chain(self.faults.heal_at).chain(gst).max()
    }

    /// The largest send or receive count a crash rule names.
    fn count_horizon(&self) -> Option<u64> {
        self.faults
            .crashes
            .iter()
            .filter_map(|c| match c.when {
                Trigger::Send(k) | Trigger::Receive(k) => Some(k),
                _ => None,
            })
            .max()
    }

    fn hash_state<H: Hasher>(&self, h: &mut H) {
        let now = self.time;
        self.code.digest().hash(h);
        if self.clock_read {
            (now, self.stats_since, self.reductions).hash(h);
        } else if let Some(horizon) = self.plan_horizon() {
            now.min(horizon.saturating_add(1)).hash(h);
        }
        if self
            .faults
            .crashes
            .iter()
            .any(|c| matches!(c.when, Trigger::Step(_)))
            || self
                .faults
                .recoveries
                .iter()
                .any(|c| matches!(c.when, Trigger::Step(_)))
        {
            self.steps.hash(h);
        }
        if matches!(self.faults.timing, Timing::Sync { .. }) {
            self.delivering.hash(h);
        }
        let counts = self.count_horizon();
        // An ended process matters only when it may recover: no program
        // can tell an ended pid from another (all are dead to it). A
        // recovery restarts its code but keeps the rest: its random state,
        // links, monitors and flags, and the counts crash rules read.
        if !self.faults.recoveries.is_empty() {
            for (pid, p) in self.exited.iter().filter(|(p, _)| self.recoverable(**p)) {
                pid.hash(h);
                p.process.rand.hash(h);
                p.links.hash(h);
                p.watchers.hash(h);
                p.watching.hash(h);
                (p.trap_exit, p.idle).hash(h);
                hash_counts(p, counts, h);
            }
        }
        self.procs.len().hash(h);
        for (pid, p) in &self.procs {
            pid.hash(h);
            match &p.status {
                Status::Exited(_) => 0u8.hash(h),
                Status::Runnable => 1u8.hash(h),
                Status::Waiting { deadline, sleeping } => {
                    (2u8, deadline.map(|d| d.saturating_sub(now)), sleeping).hash(h)
                }
                Status::Idle => 3u8.hash(h),
                Status::Choosing => 4u8.hash(h),
            }
            p.fingerprint().hash(h);
            hash_counts(p, counts, h);
        }
        self.network.hash_relative(now, h);
        self.held.len().hash(h);
        for m in &self.held {
            (m.from, m.to, &m.payload).hash(h);
        }
        self.timers.len().hash(h);
        for t in &self.timers {
            (t.id, t.at.saturating_sub(now), t.from, &t.to, &t.msg).hash(h);
        }
        self.registry.hash(h);
        hash_set(&self.fired, h);
        hash_set(&self.kept_names, h);
        (self.partitioned, self.halted, self.stopped.is_some()).hash(h);
        let spent = |used: u64, max: Option<u64>| max.map(|_| used);
        (
            spent(self.losses, self.faults.max_losses),
            spent(self.rule_crashes, self.faults.max_crashes),
            spent(self.dups, self.faults.max_dups),
            spent(self.delays, self.faults.max_delays),
        )
            .hash(h);
        (self.next_pid, self.next_ref).hash(h);
        self.shell.hash(h);
    }
}
