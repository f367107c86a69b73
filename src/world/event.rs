//! Events and clocks: what the trace records.
//!
//! Each process event carries its Lamport timestamp and a sparse vector
//! clock; network events (a delivery into a mailbox) carry none. Ids are
//! `e1, e2, ...` for events and `m1, m2, ...` for messages, from 1 per world.

use crate::term::{Pid, Term};
use std::rc::Rc;

/// A sparse vector clock: process -> count, zero entries left out. Every
/// event keeps a copy of its process's clock, so how a copy is made decides
/// the trace's memory. A small clock (the usual case: a process hears from
/// a few others) is a sorted slice of its own, one small allocation per
/// event.
/// A clock of many processes is a shared list of shared chunks of at most
/// `CHUNK` entries: raising one count copies the list of chunks and one
/// chunk, not the whole clock, so a trace of dense clocks does not grow with
/// the square of the number of processes, and reading one stays a walk
/// over slices.
#[derive(Clone, Debug, Default)]
pub struct Vc(Repr);

type Entries = Rc<[(Pid, u64)]>;

#[derive(Clone, Debug)]
enum Repr {
    /// Owned, not shared: a copy costs one allocation either way (an
    /// event's copy, or the process's own when it next ticks), and an
    /// owned slice has no reference counts to keep beside each event.
    Small(Box<[(Pid, u64)]>),
    /// Chunks in pid order, each non-empty and sorted.
    Big(Rc<[Entries]>),
}

impl Default for Repr {
    fn default() -> Repr {
        Repr::Small(Box::default())
    }
}

/// Entries a clock keeps as one slice before it is cut into chunks.
const SMALL: usize = 24;
/// Entries per chunk of a big clock.
const CHUNK: usize = 32;

impl Repr {
    /// The clock of `entries`, which are in pid order.
    fn of(entries: Vec<(Pid, u64)>) -> Repr {
        if entries.len() <= SMALL {
            return Repr::Small(entries.into());
        }
        Repr::Big(entries.chunks(CHUNK).map(Rc::from).collect())
    }
}

impl Vc {
    pub fn new() -> Vc {
        Vc::default()
    }

    /// The count of `p` (0 if it has none).
    pub fn get(&self, p: Pid) -> u64 {
        let find = |xs: &[(Pid, u64)]| {
            xs.binary_search_by_key(&p, |(q, _)| *q)
                .ok()
                .and_then(|i| xs.get(i))
                .map_or(0, |(_, n)| *n)
        };
        match &self.0 {
            Repr::Small(xs) => find(xs),
            Repr::Big(cs) => cs.get(chunk_of(cs, p)).map_or(0, |c| find(c)),
        }
    }

    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Small(xs) => xs.len(),
            Repr::Big(cs) => cs.iter().map(|c| c.len()).sum(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entries in pid order, in runs (a big clock's chunks), each
    /// with whether `was` holds the very same run (not a copy: the same
    /// shared chunk) in the same place, so its counts are the same.
    pub fn runs_against<'a>(
        &'a self,
        was: Option<&'a Vc>,
    ) -> impl Iterator<Item = (&'a [(Pid, u64)], bool)> + 'a {
        let (small, big): (&[(Pid, u64)], &[Entries]) = match &self.0 {
            Repr::Small(xs) => (xs, &[]),
            Repr::Big(cs) => (&[], cs),
        };
        let old: &[Entries] = match was.map(|w| &w.0) {
            Some(Repr::Big(ws)) => ws,
            _ => &[],
        };
        std::iter::once((small, false))
            .filter(|(xs, _)| !xs.is_empty())
            .chain(
                big.iter()
                    .enumerate()
                    .map(move |(k, c)| (&c[..], old.get(k).is_some_and(|w| Rc::ptr_eq(w, c)))),
            )
    }

    /// The entries in pid order.
    pub fn iter(&self) -> VcIter<'_> {
        match &self.0 {
            Repr::Small(xs) => VcIter {
                chunks: [].iter(),
                entries: xs.iter(),
            },
            Repr::Big(cs) => VcIter {
                chunks: cs.iter(),
                entries: [].iter(),
            },
        }
    }

    /// Sets `p`'s count to at least `n`. Only the slice or chunk that
    /// changes is copied (when a trace shares it), and nothing when the
    /// count is already as high.
    pub fn raise(&mut self, p: Pid, n: u64) {
        let find = |xs: &[(Pid, u64)]| {
            let i = xs.binary_search_by_key(&p, |(q, _)| *q).ok()?;
            xs.get(i).map(|(_, m)| (i, *m))
        };
        let found = match &self.0 {
            Repr::Small(xs) => find(xs).map(|(i, m)| (0, i, m)),
            Repr::Big(cs) => {
                let c = chunk_of(cs, p);
                cs.get(c).and_then(|xs| find(xs)).map(|(i, m)| (c, i, m))
            }
        };
        let Some((c, i, m)) = found else {
            return self.insert(p, n);
        };
        if m >= n {
            return;
        }
        let slot = match &mut self.0 {
            Repr::Small(xs) => xs.get_mut(i),
            Repr::Big(cs) => Rc::make_mut(cs)
                .get_mut(c)
                .and_then(|xs| Rc::make_mut(xs).get_mut(i)),
        };
        if let Some(slot) = slot {
            slot.1 = n;
        }
    }

    /// Adds `p`, which the clock does not have. A big clock takes it into
    /// the chunk it belongs to, which is cut in two once it holds twice
    /// `CHUNK` entries; the other chunks are shared, not copied.
    fn insert(&mut self, p: Pid, n: u64) {
        let with = |xs: &[(Pid, u64)]| {
            let mut v = xs.to_vec();
            v.insert(v.partition_point(|(q, _)| *q < p), (p, n));
            v
        };
        self.0 = match &self.0 {
            Repr::Small(xs) => Repr::of(with(xs)),
            Repr::Big(cs) => {
                let c = chunk_of(cs, p).min(cs.len().saturating_sub(1));
                let v = with(cs.get(c).map_or(&[], |x| &x[..]));
                let mut out: Vec<Entries> = Vec::with_capacity(cs.len() + 1);
                out.extend(cs.iter().take(c).cloned());
                if v.len() >= 2 * CHUNK {
                    let (a, b) = v.split_at(CHUNK);
                    out.push(Rc::from(a));
                    out.push(Rc::from(b));
                } else {
                    out.push(Rc::from(v));
                }
                out.extend(cs.iter().skip(c + 1).cloned());
                Repr::Big(out.into())
            }
        };
    }

    /// Counts one more event of `p`.
    pub fn tick(&mut self, p: Pid) {
        let n = self.get(p) + 1;
        self.raise(p, n);
    }

    /// Every entry the larger of the two clocks'.
    pub fn merge(&mut self, other: &Vc) {
        if self.merge_chunks(other) {
            return;
        }
        // Both are in pid order: one pass finds what to raise and which
        // processes `other` has that this clock lacks.
        let mut raises = vec![];
        let mut new = 0;
        let mut mine = self.iter().peekable();
        for (p, n) in other.iter() {
            while mine.next_if(|(q, _)| *q < p).is_some() {}
            match mine.peek() {
                Some((q, m)) if *q == p => {
                    if *m < n {
                        raises.push((*p, *n));
                    }
                }
                _ => {
                    new += 1;
                    raises.push((*p, *n));
                }
            }
        }
        let big = matches!(self.0, Repr::Big(_));
        if new > 0 && big && new * CHUNK < self.len() {
            // A few processes join a big clock: each goes into its chunk.
            for (p, n) in raises {
                self.raise(p, n);
            }
            return;
        }
        if new > 0 {
            // The clock changes shape: merged in one pass and cut anew.
            let mut v: Vec<(Pid, u64)> = Vec::with_capacity(self.len() + new);
            let mut mine = self.iter().peekable();
            for (p, n) in other.iter() {
                while let Some((q, m)) = mine.next_if(|(q, _)| *q < p) {
                    v.push((*q, *m));
                }
                let m = mine.next_if(|(q, _)| *q == p).map_or(0, |(_, m)| *m);
                v.push((*p, m.max(*n)));
            }
            v.extend(mine.map(|(q, m)| (*q, *m)));
            self.0 = Repr::of(v);
            return;
        }
        match &mut self.0 {
            Repr::Small(_) => {
                for (p, n) in raises {
                    self.raise(p, n);
                }
            }
            // Each chunk with something to raise is copied once.
            Repr::Big(cs) => {
                let mut raises = raises.into_iter().peekable();
                for c in Rc::make_mut(cs).iter_mut() {
                    let Some(last) = c.last().map(|(q, _)| *q) else {
                        continue;
                    };
                    if raises.peek().is_none_or(|(p, _)| *p > last) {
                        continue;
                    }
                    let xs = Rc::make_mut(c);
                    for slot in xs.iter_mut() {
                        if let Some((_, n)) = raises.next_if(|(p, _)| *p == slot.0) {
                            slot.1 = n;
                        }
                    }
                }
            }
        }
    }
}

impl Vc {
    /// Merges two big clocks cut into chunks of the same processes, chunk
    /// by chunk, and says whether it could. A chunk of `other` at least as
    /// high in every entry is taken whole (shared, not copied), and a
    /// chunk already shared is skipped unread: when every process hears
    /// from every other, most of a clock is the chunks it took from the
    /// last message, and the next merge passes over them at once.
    fn merge_chunks(&mut self, other: &Vc) -> bool {
        let (Repr::Big(mine), Repr::Big(theirs)) = (&self.0, &other.0) else {
            return false;
        };
        let same_cut = mine.len() == theirs.len()
            && mine.iter().zip(theirs.iter()).all(|(a, b)| {
                Rc::ptr_eq(a, b)
                    || (a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.0 == y.0))
            });
        if !same_cut {
            return false;
        }
        let theirs = Rc::clone(theirs);
        let Repr::Big(mine) = &mut self.0 else {
            return false;
        };
        for (k, b) in theirs.iter().enumerate() {
            let Some(a) = mine.get(k) else {
                break;
            };
            if Rc::ptr_eq(a, b) {
                continue;
            }
            let (mut lower, mut higher) = (false, false);
            for (x, y) in a.iter().zip(b.iter()) {
                lower |= y.1 < x.1;
                higher |= y.1 > x.1;
            }
            if !higher {
                continue;
            }
            // The list of chunks is copied (if shared) at the first chunk
            // that changes, and not at all when none does.
            let Some(a) = Rc::make_mut(mine).get_mut(k) else {
                break;
            };
            if !lower {
                *a = Rc::clone(b);
                continue;
            }
            for (x, y) in Rc::make_mut(a).iter_mut().zip(b.iter()) {
                x.1 = x.1.max(y.1);
            }
        }
        true
    }
}

/// The chunk that holds `p` if any does: the first whose last pid is not
/// below `p` (past the end when every chunk's is).
fn chunk_of(cs: &[Entries], p: Pid) -> usize {
    cs.partition_point(|c| c.last().is_some_and(|(q, _)| *q < p))
}

impl PartialEq for Vc {
    fn eq(&self, other: &Vc) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Vc {}

impl std::hash::Hash for Vc {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.len().hash(h);
        for (p, n) in self.iter() {
            p.hash(h);
            n.hash(h);
        }
    }
}

impl FromIterator<(Pid, u64)> for Vc {
    fn from_iter<I: IntoIterator<Item = (Pid, u64)>>(it: I) -> Vc {
        let mut vc = Vc::new();
        for (p, n) in it {
            vc.raise(p, n);
        }
        vc
    }
}

/// The entries of a [`Vc`], in pid order.
pub struct VcIter<'a> {
    chunks: std::slice::Iter<'a, Entries>,
    entries: std::slice::Iter<'a, (Pid, u64)>,
}

impl<'a> Iterator for VcIter<'a> {
    type Item = (&'a Pid, &'a u64);

    #[inline]
    fn next(&mut self) -> Option<(&'a Pid, &'a u64)> {
        loop {
            if let Some((p, n)) = self.entries.next() {
                return Some((p, n));
            }
            self.entries = self.chunks.next()?.iter();
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Spawn {
        child: Pid,
    },
    Send {
        msg: u64,
        to: Pid,
        term: Term,
    },
    Deliver {
        msg: u64,
        to: Pid,
    },
    Receive {
        msg: u64,
        term: Term,
    },
    Output {
        text: String,
    },
    Emit {
        term: Term,
    },
    Timeout,
    Exit {
        reason: Term,
    },
    /// An exit signal (message id `msg`) that kills the process.
    Signal {
        from: Pid,
        reason: Term,
        msg: u64,
    },
    Link {
        other: Pid,
    },
    Unlink {
        other: Pid,
    },
    Monitor {
        other: Pid,
    },
    /// `name` now names `pid`.
    Register {
        name: String,
        pid: Pid,
    },
    /// The network lost message `msg`.
    Drop {
        msg: u64,
    },
    /// The network duplicated `msg`; the copy travels as `copy`.
    Duplicate {
        msg: u64,
        copy: u64,
    },
    /// A Byzantine sender's message was corrupted.
    Corrupt {
        msg: u64,
        before: Term,
        after: Term,
    },
    /// A Byzantine sender's message claims to come from `claims`.
    Forge {
        msg: u64,
        claims: Pid,
    },
    /// The process crashed (a fault, not an Erlang exit).
    Crash,
    /// The process restarted from its initial function, its state lost.
    Recover,
    Partition {
        groups: String,
    },
    Heal,
    /// Under synchronous timing: round `n` starts.
    Round {
        n: u64,
    },
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Spawn { .. } => "spawn",
            Kind::Send { .. } => "send",
            Kind::Deliver { .. } => "deliver",
            Kind::Receive { .. } => "receive",
            Kind::Output { .. } => "output",
            Kind::Emit { .. } => "emit",
            Kind::Timeout => "timeout",
            Kind::Exit { .. } => "exit",
            Kind::Signal { .. } => "exit_signal",
            Kind::Link { .. } => "link",
            Kind::Unlink { .. } => "unlink",
            Kind::Monitor { .. } => "monitor",
            Kind::Register { .. } => "register",
            Kind::Drop { .. } => "drop",
            Kind::Duplicate { .. } => "duplicate",
            Kind::Crash => "crash",
            Kind::Corrupt { .. } => "corrupt",
            Kind::Forge { .. } => "forge",
            Kind::Recover => "recover",
            Kind::Partition { .. } => "partition",
            Kind::Heal => "heal",
            Kind::Round { .. } => "round",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Event {
    pub id: u64,
    /// The process the event happened at (for a delivery: the receiver).
    pub proc: Pid,
    pub kind: Kind,
    pub time: u64,
    /// `None` for network events.
    pub clock: Option<(u64, Vc)>,
    /// Ids of the events that immediately precede this one causally.
    pub preds: Box<[u64]>,
}

pub fn pid_text(p: Pid) -> String {
    p.to_string()
}

/// `p3` for the third process: the short alias people type.
pub fn alias(p: Pid) -> String {
    format!("p{}", p.0.saturating_sub(super::MAIN_PID.0) + 1)
}

impl Event {
    pub fn msg(&self) -> Option<u64> {
        match &self.kind {
            Kind::Send { msg, .. }
            | Kind::Deliver { msg, .. }
            | Kind::Receive { msg, .. }
            | Kind::Signal { msg, .. }
            | Kind::Drop { msg }
            | Kind::Corrupt { msg, .. }
            | Kind::Forge { msg, .. }
            | Kind::Duplicate { msg, .. } => Some(*msg),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Repr, Vc};
    use crate::term::Pid;
    use std::rc::Rc;

    fn pid(n: u32) -> Pid {
        Pid::full(0, n, 0)
    }

    /// The chunks of a big clock.
    fn chunks(vc: &Vc) -> Vec<super::Entries> {
        match &vc.0 {
            Repr::Big(cs) => cs.to_vec(),
            Repr::Small(_) => vec![],
        }
    }

    #[test]
    #[allow(clippy::indexing_slicing)] // tests may index: a panic is a failed test
    fn a_merge_of_clocks_cut_alike_shares_the_chunks_it_takes_whole() {
        // Two clocks of the same 100 processes (so cut alike), then each
        // moves on: `a` in the first chunk, `b` in the first and the last.
        let base: Vc = (0..100).map(|p| (pid(p), 1)).collect();
        let (mut a, mut b) = (base.clone(), base.clone());
        a.raise(pid(1), 5);
        b.raise(pid(2), 7);
        b.raise(pid(99), 3);
        let mut merged = a.clone();
        merged.merge(&b);
        let want: Vec<(Pid, u64)> = (0..100)
            .map(|p| {
                (
                    pid(p),
                    [(1, 5), (2, 7), (99, 3)]
                        .iter()
                        .find(|(q, _)| *q == p)
                        .map_or(1, |(_, n)| *n),
                )
            })
            .collect();
        let got: Vec<(Pid, u64)> = merged.iter().map(|(p, n)| (*p, *n)).collect();
        assert_eq!(got, want);
        let (m, bc, ac) = (chunks(&merged), chunks(&b), chunks(&a));
        assert!(m.len() > 2, "the clock is cut into chunks: {}", m.len());
        // The last chunk is b's, shared; the middle ones were never copied;
        // the first mixes both and is a copy of neither.
        assert!(Rc::ptr_eq(
            m.last().expect("chunks"),
            bc.last().expect("chunks")
        ));
        assert!(Rc::ptr_eq(&m[1], &ac[1]) && Rc::ptr_eq(&m[1], &bc[1]));
        assert!(!Rc::ptr_eq(&m[0], &ac[0]) && !Rc::ptr_eq(&m[0], &bc[0]));
        // The clocks merged from are as they were.
        assert_eq!(a.get(pid(2)), 1);
        assert_eq!(b.get(pid(1)), 1);
    }
}
