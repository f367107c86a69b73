//! Shortening a counterexample: leave out one step at a time, from the
//! end, while the execution that is left still shows the finding, until
//! no single step can be left out.
//!
//! The reduction explores commuting steps in one order, so the first
//! violation it meets may carry steps of processes the violation does not
//! need; leaving them out finds the violation's own steps. Leaving out a
//! step never adds a fault, and a candidate is kept only when its replay
//! takes each choice from `enabled()` and shows the finding again.

use crate::world::{Choice, World};

/// Replays a candidate: after how many steps it shows the finding, and why.
pub(super) type Shows<'a> = dyn FnMut(&[Choice]) -> Option<(usize, String)> + 'a;

/// At most this many replays per counterexample.
const ATTEMPTS: usize = 4000;

/// The message ids each step made: from the first to the last, or `None`.
fn made_ids(start: &World, choices: &[Choice]) -> Vec<Option<(u64, u64)>> {
    let mut w = start.clone();
    choices
        .iter()
        .map(|c| {
            let before = w.messages_made();
            w.apply(c);
            let after = w.messages_made();
            (after > before).then_some((before + 1, after))
        })
        .collect()
}

/// `c` with its message id changed by `f`; `None` when `f` drops it.
fn with_id(c: &Choice, f: impl Fn(u64) -> Option<u64>) -> Option<Choice> {
    Some(match c {
        Choice::Deliver(m) => Choice::Deliver(f(*m)?),
        Choice::Drop(m) => Choice::Drop(f(*m)?),
        Choice::Omit(m) => Choice::Omit(f(*m)?),
        Choice::Duplicate(m) => Choice::Duplicate(f(*m)?),
        Choice::Delay(m, t) => Choice::Delay(f(*m)?, *t),
        Choice::Corrupt(m) => Choice::Corrupt(f(*m)?),
        Choice::Forge(m, p) => Choice::Forge(f(*m)?, *p),
        other => other.clone(),
    })
}

/// `choices` without step `k`. The messages step `k` made are not made,
/// so later ids move down; a later choice about one of them cannot stay.
fn without(choices: &[Choice], k: usize, made: Option<(u64, u64)>) -> Option<Vec<Choice>> {
    let mut out = Vec::with_capacity(choices.len());
    for (i, c) in choices.iter().enumerate() {
        if i == k {
            continue;
        }
        let c = match (i > k, made) {
            (true, Some((lo, hi))) => with_id(c, |m| {
                if m < lo {
                    Some(m)
                } else if m > hi {
                    Some(m - (hi - lo + 1))
                } else {
                    None
                }
            })?,
            _ => c.clone(),
        };
        out.push(c);
    }
    Some(out)
}

fn faults(choices: &[Choice]) -> usize {
    choices.iter().filter(|c| c.is_fault()).count()
}

/// The shortest execution found by leaving steps out of `choices`, with
/// the finding's words. `shows` replays a candidate and answers the
/// number of steps after which it shows the finding, and why.
pub(super) fn shrink(
    start: &World,
    choices: Vec<Choice>,
    shows: &mut Shows,
) -> Option<(Vec<Choice>, String)> {
    let (n, mut why) = shows(&choices)?;
    let mut cur: Vec<Choice> = choices.into_iter().take(n).collect();
    let mut attempts = 0;
    loop {
        let mut shorter = false;
        let mut made = made_ids(start, &cur);
        let mut k = cur.len();
        while k > 0 && attempts < ATTEMPTS {
            k -= 1;
            let Some(cand) = without(&cur, k, made.get(k).copied().flatten()) else {
                continue;
            };
            attempts += 1;
            if let Some((n, w)) = shows(&cand) {
                if n < cur.len() && faults(cand.get(..n).unwrap_or(&cand)) <= faults(&cur) {
                    cur = cand.into_iter().take(n).collect();
                    why = w;
                    made = made_ids(start, &cur);
                    k = k.min(cur.len());
                    shorter = true;
                }
            }
        }
        if !shorter || attempts >= ATTEMPTS {
            return Some((cur, why));
        }
    }
}
