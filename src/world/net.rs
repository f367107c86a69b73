//! Messages in flight, indexed so that each step costs little however many
//! messages wait: by id, by sender/receiver pair (Erlang's FIFO promise:
//! only the oldest message of a pair can be delivered), and by receiver.

use super::InFlight;
use crate::term::Pid;
use std::collections::{BTreeMap, VecDeque};

#[derive(Clone, Debug, Default)]
pub struct Network {
    items: BTreeMap<u64, InFlight>,
    pairs: BTreeMap<(Pid, Pid), VecDeque<u64>>,
    inbound: BTreeMap<Pid, usize>,
}

impl Network {
    pub fn push(&mut self, m: InFlight) {
        self.pairs
            .entry((m.from, m.to))
            .or_default()
            .push_back(m.id);
        *self.inbound.entry(m.to).or_insert(0) += 1;
        self.items.insert(m.id, m);
    }

    /// Removes message `id`, wherever it stands in its pair's queue.
    pub fn take(&mut self, id: u64) -> Option<InFlight> {
        let m = self.items.remove(&id)?;
        let key = (m.from, m.to);
        if let Some(q) = self.pairs.get_mut(&key) {
            q.retain(|x| *x != id);
            if q.is_empty() {
                self.pairs.remove(&key);
            }
        }
        if let Some(n) = self.inbound.get_mut(&m.to) {
            *n -= 1;
            if *n == 0 {
                self.inbound.remove(&m.to);
            }
        }
        Some(m)
    }

    /// The oldest message of each sender/receiver pair.
    pub fn heads(&self) -> impl Iterator<Item = u64> + '_ {
        self.pairs.values().filter_map(|q| q.front().copied())
    }

    pub fn has_inbound(&self, to: Pid) -> bool {
        self.inbound.contains_key(&to)
    }

    pub fn get(&self, id: u64) -> Option<&InFlight> {
        self.items.get(&id)
    }

    /// All messages in flight, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &InFlight> {
        self.items.values()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Drops every message for which `keep` is false.
    pub fn retain(&mut self, keep: impl Fn(&InFlight) -> bool) {
        let gone: Vec<u64> = self
            .items
            .values()
            .filter(|m| !keep(m))
            .map(|m| m.id)
            .collect();
        for id in gone {
            self.take(id);
        }
    }
}
