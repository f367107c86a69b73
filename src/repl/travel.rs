//! Time travel: the world is a value, so going back is restoring an
//! earlier snapshot. `:back` and `:forward` move along the current line;
//! stepping differently after going back starts a new branch, and the old
//! future is kept so `:branches` and `:goto` can return to it.
//!
//! A snapshot is taken before each input or command (`:back N` counts
//! those) and, silently, right after a change that is not a choice (an
//! input starting, a fault injected by hand). Between two snapshots the
//! world moves by choices only, and each snapshot keeps the choices made
//! after it, so `:back e27` restores the snapshot before event e27 and
//! replays choices up to just before it.

use super::Session;
use crate::term::Term;
use crate::world::{Choice, World};

/// Everything a step can change.
#[derive(Clone)]
pub struct Snapshot {
    pub world: World,
    pub bindings: Vec<(String, Term)>,
    pub pending_names: Option<Vec<String>>,
    /// Taken inside a command: `:back N` and `:forward N` pass over it.
    pub silent: bool,
    /// The choices applied after this snapshot, up to the next one.
    pub next: Choices,
}

/// The snapshots around the present.
#[derive(Clone, Default)]
pub struct Timeline {
    pub past: Vec<Snapshot>,
    pub future: Vec<Snapshot>,
    /// Abandoned futures: each is the line that `:goto` restores.
    pub branches: Vec<(Vec<Snapshot>, Vec<Snapshot>)>,
    /// The present's own `silent` and `next`, when it was restored.
    here_silent: bool,
    here_next: Choices,
}

impl Timeline {
    /// Lets go of the room the latest list of choices grew into: an input
    /// that steps a long way leaves the list of its choices up to twice as
    /// long as it needs, and it will not grow again until the next input.
    pub fn settle(&mut self) {
        if let Some(last) = self.past.last_mut() {
            last.next.bytes.shrink_to_fit();
        }
    }
}

/// A list of choices kept for time travel, encoded (postcard: a tag byte
/// and variable-length integers, about three bytes for the usual `run`
/// or `deliver`): the shell keeps every choice it applied, about one per
/// event, and a `Choice` takes 16 bytes.
#[derive(Clone, Default)]
pub struct Choices {
    bytes: Vec<u8>,
}

impl Choices {
    pub fn push(&mut self, c: &Choice) {
        // The longest choice is a tag and two 10-byte integers.
        let mut room = [0u8; 32];
        if let Ok(bytes) = postcard::to_slice(c, &mut room) {
            self.bytes.extend_from_slice(bytes);
        }
    }

    pub fn clear(&mut self) {
        self.bytes.clear();
    }

    /// The choices, in the order they were applied.
    pub fn to_vec(&self) -> Vec<Choice> {
        let mut out = vec![];
        let mut rest = self.bytes.as_slice();
        while !rest.is_empty() {
            match postcard::take_from_bytes::<Choice>(rest) {
                Ok((c, more)) => {
                    out.push(c);
                    rest = more;
                }
                Err(_) => break,
            }
        }
        out
    }

    pub fn of(choices: &[Choice]) -> Choices {
        let mut out = Choices::default();
        for c in choices {
            out.push(c);
        }
        out
    }
}

/// How many snapshots the past keeps.
const KEEP: usize = 10_000;

impl Session {
    fn now(&self) -> Snapshot {
        Snapshot {
            world: self.world.clone(),
            bindings: self.bindings.clone(),
            pending_names: self.pending_names.clone(),
            silent: self.timeline.here_silent,
            next: self.timeline.here_next.clone(),
        }
    }

    fn restore(&mut self, s: Snapshot) {
        self.world = s.world;
        self.bindings = s.bindings;
        self.pending_names = s.pending_names;
        self.timeline.here_silent = s.silent;
        self.timeline.here_next = s.next;
    }

    /// Notes a choice applied to the present, for `:back eN`.
    pub(super) fn record(&mut self, c: &Choice) {
        if let Some(last) = self.timeline.past.last_mut() {
            last.next.push(c);
        }
    }

    /// A snapshot right after a change that is not a choice (an input
    /// starting, a fault injected by hand), so choices replay from it.
    pub(super) fn remember_silently(&mut self) {
        let mut now = self.now();
        now.silent = true;
        now.next.clear();
        self.timeline.past.push(now);
        self.trim_past();
        self.timeline.here_silent = false;
        self.timeline.here_next.clear();
    }

    fn trim_past(&mut self) {
        if self.timeline.past.len() > KEEP {
            self.timeline.past.remove(0);
        }
    }

    /// Called before a step changes the world. A step after `:back` keeps
    /// the old future as a branch.
    pub(super) fn remember(&mut self) {
        if !self.timeline.future.is_empty() {
            let mut line = self.timeline.past.clone();
            line.push(self.now());
            let future = std::mem::take(&mut self.timeline.future);
            self.timeline.branches.push((line, future));
        }
        let mut now = self.now();
        now.silent = false;
        now.next.clear();
        self.timeline.past.push(now);
        self.trim_past();
        self.timeline.here_silent = false;
        self.timeline.here_next.clear();
    }

    /// One snapshot back, or `forward` one towards the present (silent
    /// ones included); false when there is none that way.
    fn step_through(&mut self, forward: bool) -> bool {
        let there = if forward {
            self.timeline.future.pop()
        } else {
            self.timeline.past.pop()
        };
        let Some(there) = there else {
            return false;
        };
        let now = self.now();
        if forward {
            self.timeline.past.push(now);
        } else {
            self.timeline.future.push(now);
        }
        self.restore(there);
        true
    }

    /// Moves one snapshot at a time until `n` inputs or commands are
    /// passed (silent snapshots do not count); returns how many were.
    fn travel(&mut self, n: usize, forward: bool) -> usize {
        let mut done = 0;
        while done < n && self.step_through(forward) {
            if !self.timeline.here_silent {
                done += 1;
            }
        }
        done
    }

    /// `:back N`: N inputs or commands back.
    pub(super) fn back(&mut self, n: usize) -> Result<String, String> {
        if self.timeline.past.is_empty() {
            if self.undo_start_over() {
                return Ok(
                    "back to the session before :reset or :load: its world, bindings and inputs as they were\n"
                        .into(),
                );
            }
            return Err("there is no earlier input or command to go back to".into());
        }
        let done = self.travel(n, false);
        Ok(format!(
            "back {}: {}; :forward returns, :back eN goes to just before event N\n",
            inputs_text(done),
            self.latest_text()
        ))
    }

    /// `:back eN`: to just before event N (before the step that made it).
    pub(super) fn back_to_event(&mut self, n: u64) -> Result<String, String> {
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        let len = self.world.trace.len();
        if n == 0 || n > len {
            return Err(match len {
                0 => format!("there is no event e{n}: nothing has happened yet"),
                _ => format!("there is no event e{n}; events run from e1 to e{len}"),
            });
        }
        while self.world.trace.len() >= n {
            if !self.step_through(false) {
                return Err(format!(
                    "e{n} is older than the oldest snapshot kept; :back 1 goes as far as it can"
                ));
            }
        }
        // Replay this snapshot's choices up to the one that makes event n.
        let start = self.now();
        let kept = std::mem::take(&mut self.timeline.here_next);
        let choices = kept.to_vec();
        // First find how many choices stay short of event n, on a scratch
        // copy; then replay exactly those on the snapshot (two linear passes,
        // no copy per choice).
        let mut scratch = self.world.clone();
        let mut made = 0;
        for c in &choices {
            scratch.apply(c);
            if scratch.trace.len() >= n {
                break;
            }
            made += 1;
        }
        drop(scratch);
        for c in choices.get(..made).unwrap_or_default() {
            self.world.apply(c);
        }
        let next = choices.get(made).cloned();
        if made > 0 {
            let mut start = start;
            start.next = Choices::of(choices.get(..made).unwrap_or_default());
            self.timeline.past.push(start);
            self.timeline.here_silent = true;
            self.timeline.here_next = Choices::of(choices.get(made..).unwrap_or_default());
        } else {
            self.timeline.here_next = kept;
        }
        let then = match next {
            Some(c) => format!(
                "; the next step, which makes e{n}, is: {}",
                self.describe(&c)
            ),
            None => String::new(),
        };
        Ok(format!(
            "back to just before e{n}: {}{then}\n",
            self.latest_text()
        ))
    }

    fn latest_text(&self) -> String {
        match self.world.trace.len() {
            0 => "no events yet".into(),
            n => format!("e{n} is the latest event"),
        }
    }

    /// `:forward N`: N inputs or commands towards the present.
    pub(super) fn forward(&mut self, n: usize) -> Result<String, String> {
        if self.timeline.future.is_empty() {
            return Err("this is the present; nothing to go forward to".into());
        }
        let done = self.travel(n, true);
        Ok(format!(
            "forward {}: {}\n",
            inputs_text(done),
            self.latest_text()
        ))
    }

    pub(super) fn branches_text(&self) -> String {
        if self.timeline.branches.is_empty() {
            return "no other branches: go :back and step differently to make one\n".into();
        }
        let mut out = String::new();
        for (i, (past, future)) in self.timeline.branches.iter().enumerate() {
            let events = past.last().map(|s| s.world.trace.len()).unwrap_or(0);
            let ahead = future
                .first()
                .map(|s| s.world.trace.len())
                .unwrap_or(events);
            out.push_str(&format!(
                "{:>3}. left at e{events}, with {} step(s) ahead (up to e{ahead})\n",
                i + 1,
                future.len()
            ));
        }
        out
    }

    /// Switches to branch `k`; the current line becomes a branch in its place.
    pub(super) fn goto(&mut self, k: usize) -> Result<String, String> {
        let i = k
            .checked_sub(1)
            .filter(|i| *i < self.timeline.branches.len())
            .ok_or_else(|| format!("there is no branch {k}; :branches lists them"))?;
        let (mut past, future) = self.timeline.branches.remove(i);
        let here = (
            {
                let mut l = std::mem::take(&mut self.timeline.past);
                l.push(self.now());
                l
            },
            std::mem::take(&mut self.timeline.future),
        );
        self.timeline.branches.push(here);
        let Some(at) = past.pop() else {
            return Err("that branch is empty".into());
        };
        self.restore(at);
        self.timeline.past = past;
        self.timeline.future = future;
        Ok(format!(
            "on branch {k}: {} events\n",
            self.world.trace.len()
        ))
    }
}

/// `2 inputs or commands`.
fn inputs_text(n: usize) -> String {
    if n == 1 {
        "1 input or command".into()
    } else {
        format!("{n} inputs or commands")
    }
}

#[cfg(test)]
mod tests {
    use super::Choices;
    use crate::term::Pid;
    use crate::world::Choice;

    #[test]
    fn every_kind_of_choice_comes_back_as_it_was_kept() {
        let far = Pid::full(u32::MAX >> 12, u32::MAX, u32::MAX >> 20);
        let all = vec![
            Choice::Run(Pid(80)),
            Choice::Deliver(u64::MAX),
            Choice::Timeout(far),
            Choice::Timer(7),
            Choice::Tick(1 << 40),
            Choice::Choose(Pid(81), u32::MAX),
            Choice::Drop(3),
            Choice::Omit(4),
            Choice::Duplicate(5),
            Choice::Delay(Box::new((6, u64::MAX))),
            Choice::Corrupt(8),
            Choice::Forge(Box::new((9, far))),
            Choice::Crash(Pid(82)),
            Choice::Recover(Pid(83)),
        ];
        let mut kept = Choices::default();
        for c in &all {
            kept.push(c);
        }
        assert_eq!(kept.to_vec(), all);
        assert_eq!(Choices::of(&all).to_vec(), all);
        // The usual steps take a few bytes each, not a `Choice`'s 16.
        let runs = Choices::of(&[Choice::Run(Pid(80)), Choice::Deliver(1000)]);
        assert!(runs.bytes.len() <= 6, "{} bytes", runs.bytes.len());
    }
}
