//! Schedulers: ways of picking one of `World::enabled()`.
//!
//! `random` draws from a seeded generator (SplitMix64, written out so the
//! sequence never changes with a dependency's version: traces must stay
//! byte-identical); `rr` delivers messages first and runs processes in
//! turn; `sync` runs every process to its next stop before delivering what
//! they sent, in lockstep rounds.

use super::Choice;
use crate::term::Pid;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Sched {
    Random { state: u64 },
    RoundRobin { last: Option<Pid> },
    Sync,
}

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 1;

impl Sched {
    pub fn parse(name: &str, seed: u64) -> Option<Sched> {
        match name {
            "random" => Some(Sched::Random { state: seed }),
            "rr" => Some(Sched::RoundRobin { last: None }),
            "sync" => Some(Sched::Sync),
            _ => None,
        }
    }

    pub fn next_random(state: &mut u64) -> u64 {
        crate::rng::next(state)
    }

    pub fn pick(&mut self, choices: &[Choice]) -> Option<Choice> {
        if choices.is_empty() {
            return None;
        }
        match self {
            Sched::Random { state } => {
                let i = (Sched::next_random(state) % choices.len() as u64) as usize;
                choices.get(i).cloned()
            }
            Sched::RoundRobin { last } => {
                if let Some(d) = choices.iter().find(|c| matches!(c, Choice::Deliver(_))) {
                    return Some(d.clone());
                }
                let runs: Vec<Pid> = choices
                    .iter()
                    .filter_map(|c| {
                        if let Choice::Run(p) = c {
                            Some(*p)
                        } else {
                            None
                        }
                    })
                    .collect();
                let next = runs
                    .iter()
                    .find(|p| Some(**p) > *last)
                    .or(runs.first())
                    .copied();
                match next {
                    Some(p) => {
                        *last = Some(p);
                        Some(Choice::Run(p))
                    }
                    None => choices.first().cloned(),
                }
            }
            Sched::Sync => choices
                .iter()
                .find(|c| matches!(c, Choice::Run(_)))
                .or_else(|| choices.iter().find(|c| matches!(c, Choice::Deliver(_))))
                .or(choices.first())
                .cloned(),
        }
    }
}
