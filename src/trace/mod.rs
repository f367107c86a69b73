//! Queries on a trace: happens-before, concurrency, causal past and
//! future, and vector-clock order. Reads events only; never changes them.
//!
//! Happens-before is the transitive closure of each event's `preds`
//! (process order, spawn, send -> receive), which the world records
//! independently of the clocks, so the clocks can be checked against it.

use crate::world::event::{Event, Vc};
use std::cmp::Ordering;
use std::collections::BTreeSet;

fn index(trace: &[Event], id: u64) -> Option<usize> {
    // Ids are 1-based positions.
    let i = usize::try_from(id).ok()?.checked_sub(1)?;
    (trace.get(i)?.id == id).then_some(i)
}

/// Every event that happens before `id` (not including it).
pub fn causal_past(trace: &[Event], id: u64) -> BTreeSet<u64> {
    let preds = |x: u64| {
        index(trace, x)
            .and_then(|i| trace.get(i))
            .map(|e| &*e.preds)
    };
    past_through(preds(id).unwrap_or_default(), preds)
}

/// Every event that `id` happens before.
pub fn causal_future(trace: &[Event], id: u64) -> BTreeSet<u64> {
    future_through(id, trace.iter().map(|e| (e.id, &*e.preds)))
}

/// The events reached backwards through `preds` from `first`: the causal
/// past of an event whose immediate predecessors are `first`. Any trace
/// representation can use it, given how to look up an event's preds.
pub fn past_through<'a>(first: &[u64], preds: impl Fn(u64) -> Option<&'a [u64]>) -> BTreeSet<u64> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<u64> = first.to_vec();
    while let Some(p) = stack.pop() {
        if seen.insert(p) {
            stack.extend(preds(p).unwrap_or_default().iter().copied());
        }
    }
    seen
}

/// The events, of `events` given in trace order with their preds, that
/// `id` happens before.
pub fn future_through<'a>(
    id: u64,
    events: impl Iterator<Item = (u64, &'a [u64])>,
) -> BTreeSet<u64> {
    let mut future = BTreeSet::from([id]);
    for (e, preds) in events.filter(|(e, _)| *e > id) {
        if preds.iter().any(|p| future.contains(p)) {
            future.insert(e);
        }
    }
    future.remove(&id);
    future
}

/// `a -> b`.
pub fn happens_before(trace: &[Event], a: u64, b: u64) -> bool {
    a < b && causal_past(trace, b).contains(&a)
}

/// Neither happens before the other.
pub fn concurrent(trace: &[Event], a: u64, b: u64) -> bool {
    a != b && !happens_before(trace, a, b) && !happens_before(trace, b, a)
}

/// A causal path from `a` to `b` (both included), if `a -> b`.
pub fn causal_path(trace: &[Event], a: u64, b: u64) -> Option<Vec<u64>> {
    let past = causal_past(trace, b);
    if !past.contains(&a) {
        return None;
    }
    let mut path = vec![b];
    let mut cur = b;
    while cur != a {
        let e = index(trace, cur).and_then(|i| trace.get(i))?;
        cur = *e
            .preds
            .iter()
            .filter(|p| **p == a || causal_past(trace, **p).contains(&a))
            .max()?;
        path.push(cur);
    }
    path.reverse();
    Some(path)
}

/// Vector-clock order: `Some(Less)` when `a < b`, `None` when concurrent.
pub fn vc_cmp(a: &Vc, b: &Vc) -> Option<Ordering> {
    let keys: BTreeSet<crate::term::Pid> = a.iter().chain(b.iter()).map(|(p, _)| *p).collect();
    let (mut le, mut ge) = (true, true);
    for k in keys {
        let (x, y) = (a.get(k), b.get(k));
        le &= x <= y;
        ge &= x >= y;
    }
    match (le, ge) {
        (true, true) => Some(Ordering::Equal),
        (true, false) => Some(Ordering::Less),
        (false, true) => Some(Ordering::Greater),
        (false, false) => None,
    }
}
