//! Time travel: the world is a value, so going back is restoring an
//! earlier snapshot. `:back` and `:forward` move along the current line;
//! stepping differently after going back starts a new branch, and the old
//! future is kept so `:branches` and `:goto` can return to it.

use super::Session;
use crate::term::Term;
use crate::world::World;

/// Everything a step can change.
#[derive(Clone)]
pub struct Snapshot {
    pub world: World,
    pub bindings: Vec<(String, Term)>,
    pub pending_names: Option<Vec<String>>,
}

/// The snapshots around the present.
#[derive(Clone, Default)]
pub struct Timeline {
    pub past: Vec<Snapshot>,
    pub future: Vec<Snapshot>,
    /// Abandoned futures: each is the line that `:goto` restores.
    pub branches: Vec<(Vec<Snapshot>, Vec<Snapshot>)>,
}

/// How many snapshots the past keeps.
const KEEP: usize = 10_000;

impl Session {
    fn now(&self) -> Snapshot {
        Snapshot {
            world: self.world.clone(),
            bindings: self.bindings.clone(),
            pending_names: self.pending_names.clone(),
        }
    }

    fn restore(&mut self, s: Snapshot) {
        self.world = s.world;
        self.bindings = s.bindings;
        self.pending_names = s.pending_names;
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
        let now = self.now();
        self.timeline.past.push(now);
        if self.timeline.past.len() > KEEP {
            self.timeline.past.remove(0);
        }
    }

    pub(super) fn back(&mut self, n: usize) -> Result<String, String> {
        if self.timeline.past.is_empty() {
            return Err("there is no earlier step to go back to".into());
        }
        let n = n.min(self.timeline.past.len());
        for _ in 0..n {
            if let Some(prev) = self.timeline.past.pop() {
                let now = self.now();
                self.timeline.future.push(now);
                self.restore(prev);
            }
        }
        Ok(format!(
            "back {n} step{}: {} events; :forward returns\n",
            if n == 1 { "" } else { "s" },
            self.world.trace.len()
        ))
    }

    pub(super) fn forward(&mut self, n: usize) -> Result<String, String> {
        if self.timeline.future.is_empty() {
            return Err("this is the latest step; nothing to go forward to".into());
        }
        let n = n.min(self.timeline.future.len());
        for _ in 0..n {
            if let Some(next) = self.timeline.future.pop() {
                let now = self.now();
                self.timeline.past.push(now);
                self.restore(next);
            }
        }
        Ok(format!(
            "forward {n} step{}: {} events\n",
            if n == 1 { "" } else { "s" },
            self.world.trace.len()
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
