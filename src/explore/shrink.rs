//! Shortening a counterexample: leave out one step at a time, from the
//! end, while the execution that is left still shows the finding, until
//! no single step can be left out.
//!
//! The reduction explores commuting steps in one order, so the first
//! violation it meets may carry steps of processes the violation does not
//! need; leaving them out finds the violation's own steps. Leaving out a
//! step never adds a fault, and a candidate is kept only when its replay
//! takes each choice from `enabled()` and shows the finding again.

use super::search::faults_in;
use crate::world::{Choice, World};

/// Replays executions for the shrinker, one step at a time, from states
/// it may keep and go back to.
pub(super) trait Replay {
    type State: Clone;
    fn start(&mut self) -> Self::State;
    fn world<'s>(&self, s: &'s Self::State) -> &'s World;
    /// Takes `c` in `s`: `None` when `c` is not enabled there; otherwise
    /// why the finding shows after it, if it does (`Err` when the
    /// execution can no longer show it).
    fn step(&mut self, s: &mut Self::State, c: &Choice) -> Option<Result<Option<String>, ()>>;
    /// Why the finding shows when the execution ends in `s`, if it does.
    fn end(&mut self, s: &Self::State) -> Option<String>;
}

/// At most this many replays per counterexample.
const ATTEMPTS: usize = 600;

/// Replays `choices[from..]` from `at` (the state after `from` steps),
/// keeping the states after each step in `states` when given. Answers
/// how many steps show the finding, and why.
fn replay<R: Replay>(
    r: &mut R,
    at: R::State,
    choices: &[Choice],
    from: usize,
    mut states: Option<&mut Vec<R::State>>,
) -> Option<(usize, String)> {
    let mut s = at;
    for (i, c) in choices.iter().enumerate().skip(from) {
        let shown = r.step(&mut s, c)?.ok()?;
        if let Some(v) = states.as_deref_mut() {
            v.push(s.clone());
        }
        if let Some(why) = shown {
            return Some((i + 1, why));
        }
    }
    r.end(&s).map(|why| (choices.len(), why))
}

/// `c` with its message id changed by `f`; `None` when `f` drops it.
pub(super) fn with_id(c: &Choice, f: impl Fn(u64) -> Option<u64>) -> Option<Choice> {
    Some(match c {
        Choice::Deliver(m) => Choice::Deliver(f(*m)?),
        Choice::Drop(m) => Choice::Drop(f(*m)?),
        Choice::Omit(m) => Choice::Omit(f(*m)?),
        Choice::Duplicate(m) => Choice::Duplicate(f(*m)?),
        Choice::Delay(d) => Choice::Delay(Box::new((f(d.0)?, d.1))),
        Choice::Corrupt(m) => Choice::Corrupt(f(*m)?),
        Choice::Forge(x) => Choice::Forge(Box::new((f(x.0)?, x.1))),
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

/// The shortest execution found by leaving steps out of `choices`, with
/// the finding's words; `None` when `choices` does not show it.
pub(super) fn shrink<R: Replay>(r: &mut R, choices: Vec<Choice>) -> Option<(Vec<Choice>, String)> {
    // states[i]: the state after i steps of `cur`.
    let mut states = vec![r.start()];
    let first = states.first()?.clone();
    let (n, mut why) = replay(r, first, &choices, 0, Some(&mut states))?;
    let mut cur: Vec<Choice> = choices.into_iter().take(n).collect();
    states.truncate(n + 1);
    let mut attempts = 0;
    loop {
        let mut shorter = false;
        let mut k = cur.len();
        while k > 0 && attempts < ATTEMPTS {
            k -= 1;
            let (Some(before), Some(after)) = (states.get(k), states.get(k + 1)) else {
                break;
            };
            let (lo, hi) = (
                r.world(before).messages_made(),
                r.world(after).messages_made(),
            );
            let made = (hi > lo).then_some((lo + 1, hi));
            let Some(cand) = without(&cur, k, made) else {
                continue;
            };
            attempts += 1;
            let at = before.clone();
            let mut tail = vec![];
            if let Some((n, w)) = replay(r, at, &cand, k, Some(&mut tail)) {
                if n < cur.len() && faults_in(cand.get(..n).unwrap_or(&cand)) <= faults_in(&cur) {
                    cur = cand.into_iter().take(n).collect();
                    why = w;
                    states.truncate(k + 1);
                    states.extend(tail.into_iter().take(n - k));
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
