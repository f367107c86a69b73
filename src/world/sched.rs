//! Schedulers: policies that pick one of `World::enabled()`.
//!
//! Every policy owns a seeded generator (SplitMix64, written out in
//! `rng` so the sequence never changes with a dependency's version: traces
//! must stay byte-identical) and uses it for the faults the plan makes
//! possible: when a message appears in flight, the policy decides its fate
//! with the plan's odds (omitted, lost, duplicated, corrupted, forged,
//! delayed by the timing model's distribution) and applies those choices
//! first; after a process's step it may crash the process with its crash
//! rule's odds. Then the order picks the next step of the program:
//! `random` uniformly (all options of one `pidlab:choose/1` count as one),
//! `rr` delivering messages first and running processes in turn, `sync`
//! running processes before delivering.

use super::faults::Timing;
use super::{Choice, World};
use crate::term::Pid;
use std::collections::VecDeque;

/// How a policy orders the program's own steps.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Order {
    Random,
    RoundRobin {
        last: Option<Pid>,
    },
    Sync,
    /// The choices of a schedule, in order, and nothing after them.
    Replay(VecDeque<Choice>),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sched {
    pub order: Order,
    /// The generator's state.
    state: u64,
    /// Messages up to this id have had their fate decided.
    seen: u64,
    /// Faults decided and not yet applied.
    queue: VecDeque<Choice>,
    /// The enabled choices, reused from one pick to the next (empty
    /// between picks).
    enabled: Vec<Choice>,
}

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 1;

impl Sched {
    fn with(order: Order, seed: u64) -> Sched {
        Sched {
            order,
            state: seed,
            seen: 0,
            queue: VecDeque::new(),
            enabled: vec![],
        }
    }

    /// The random policy with this seed.
    pub fn random(seed: u64) -> Sched {
        Sched::with(Order::Random, seed)
    }

    /// A policy that replays these choices exactly, then stops.
    pub fn replay(choices: Vec<Choice>) -> Sched {
        Sched::with(Order::Replay(choices.into()), 0)
    }

    /// Whether this policy replays a schedule.
    pub fn replaying(&self) -> bool {
        matches!(self.order, Order::Replay(_))
    }

    pub fn parse(name: &str, seed: u64) -> Option<Sched> {
        let order = match name {
            "random" => Order::Random,
            "rr" => Order::RoundRobin { last: None },
            "sync" => Order::Sync,
            _ => return None,
        };
        Some(Sched::with(order, seed))
    }

    pub fn next_random(state: &mut u64) -> u64 {
        crate::rng::next(state)
    }

    /// A uniform draw in [0, 1).
    fn draw(&mut self) -> f64 {
        (Sched::next_random(&mut self.state) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A uniform index below `n` (n > 0).
    fn index(&mut self, n: usize) -> usize {
        (Sched::next_random(&mut self.state) % n.max(1) as u64) as usize
    }

    /// The next choice, or None when the program can make no progress
    /// (only faults, or nothing, are enabled).
    pub fn pick(&mut self, world: &World) -> Option<Choice> {
        if let Order::Replay(rest) = &mut self.order {
            return rest.pop_front();
        }
        self.decide_fates(world);
        let mut enabled = std::mem::take(&mut self.enabled);
        world.enabled_into(&mut enabled);
        let picked = self.pick_among(world, &enabled);
        enabled.clear();
        self.enabled = enabled;
        picked
    }

    /// Picks one of the `enabled` choices (or a fault decided before).
    fn pick_among(&mut self, world: &World, enabled: &[Choice]) -> Option<Choice> {
        while let Some(c) = self.queue.pop_front() {
            if allowed(enabled, &c) {
                return Some(c);
            }
        }
        // The order picks among steps of progress; faults were decided above.
        let picked = if enabled.iter().any(Choice::is_fault) {
            let progress: Vec<Choice> = enabled.iter().filter(|c| !c.is_fault()).cloned().collect();
            self.order_pick(&progress)?
        } else {
            self.order_pick(enabled)?
        };
        if let Choice::Run(p) = picked {
            let odds = world.crash_odds(p);
            if odds > 0.0 && self.draw() < odds {
                self.queue.push_back(Choice::Crash(p));
            }
        }
        for c in enabled {
            if let Choice::Recover(p) = c {
                let odds = world.recover_odds(*p);
                if self.draw() < odds {
                    self.queue.push_back(c.clone());
                }
            }
        }
        Some(picked)
    }

    /// Decides, with the plan's odds, what happens to each message put in
    /// flight since the last pick, and queues the faults that follow.
    fn decide_fates(&mut self, world: &World) {
        if !world.faults.affects_messages() {
            return;
        }
        let fresh: Vec<u64> = world.network.ids_after(self.seen).collect();
        for id in fresh {
            self.seen = self.seen.max(id);
            let o = world.odds(id);
            if o.omit > 0.0 && self.draw() < o.omit {
                self.queue.push_back(Choice::Omit(id));
                continue;
            }
            if o.drop > 0.0 && self.draw() < o.drop {
                self.queue.push_back(Choice::Drop(id));
                continue;
            }
            // Finitely often: at most eight copies, each with the same odds.
            let mut copies = 0;
            while o.dup > 0.0 && copies < 8 && self.draw() < o.dup {
                copies += 1;
                self.queue.push_back(Choice::Duplicate(id));
            }
            if o.corrupt > 0.0 && self.draw() < o.corrupt {
                self.queue.push_back(Choice::Corrupt(id));
            }
            if o.forge > 0.0 && self.draw() < o.forge {
                let victims = world.forge_victims(id);
                let i = self.index(victims.len());
                if let Some(v) = victims.get(i) {
                    self.queue.push_back(Choice::Forge(Box::new((id, *v))));
                }
            }
            if let Some(d) = self.delay(world) {
                if d > 0 {
                    self.queue
                        .push_back(Choice::Delay(Box::new((id, world.time.saturating_add(d)))));
                }
            }
        }
        // Copies made by a duplication are decided like any message; their
        // ids are above `seen` once they exist.
    }

    /// How long the timing model lets a message sent now take, drawn.
    fn delay(&mut self, world: &World) -> Option<u64> {
        let heavy = |s: &mut Sched| {
            // P(delay > T) is about 5 / (T + 5): no bound holds for all messages.
            let u = s.draw().max(1e-9);
            ((5.0 / u) as u64).saturating_sub(5).min(1 << 40)
        };
        match world.faults.timing {
            Timing::Local | Timing::Sync { .. } => None,
            Timing::Async => Some(heavy(self)),
            Timing::Psync { gst, delta } => {
                if world.time >= gst {
                    Some((self.draw() * (delta + 1) as f64) as u64)
                } else {
                    Some(heavy(self).min(gst + delta - world.time))
                }
            }
        }
    }

    fn order_pick(&mut self, choices: &[Choice]) -> Option<Choice> {
        if choices.is_empty() {
            return None;
        }
        match &mut self.order {
            Order::Random => {
                // Options of one `pidlab:choose/1` are one step of the
                // program: pick a step uniformly, then an option. A group
                // is a run of options of the same process.
                let joins = |w: &[Choice]| matches!(w, [Choice::Choose(q, _), Choice::Choose(p, _)] if p == q);
                let groups = 1 + choices.windows(2).filter(|w| !joins(w)).count();
                let g = self.index(groups);
                let start = std::iter::once(0)
                    .chain(
                        choices
                            .windows(2)
                            .enumerate()
                            .filter(|(_, w)| !joins(w))
                            .map(|(i, _)| i + 1),
                    )
                    .nth(g)?;
                let group = choices.get(start..)?;
                let len = 1 + group.windows(2).take_while(|w| joins(w)).count();
                let i = if len > 1 { self.index(len) } else { 0 };
                group.get(i).cloned()
            }
            Order::RoundRobin { last } => {
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
            Order::Replay(_) => None,
            Order::Sync => choices
                .iter()
                .find(|c| matches!(c, Choice::Run(_)))
                .or_else(|| choices.iter().find(|c| matches!(c, Choice::Deliver(_))))
                .or(choices.first())
                .cloned(),
        }
    }
}

/// Whether a decided fault can still be applied: it is enabled, or it is a
/// delay to another time than the one `enabled()` lists, within the model.
fn allowed(enabled: &[Choice], c: &Choice) -> bool {
    match c {
        Choice::Delay(d) => enabled
            .iter()
            .any(|e| matches!(e, Choice::Delay(x) if x.0 == d.0)),
        _ => enabled.contains(c),
    }
}
