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
    /// Virtual time at which a delayed message may arrive (absent: now).
    arrival: BTreeMap<u64, u64>,
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

    /// Puts a message in flight that may arrive only from time `at` on.
    pub fn push_at(&mut self, m: InFlight, at: u64) {
        self.arrival.insert(m.id, at);
        self.push(m);
    }

    /// Makes message `id` arrive no earlier than `at`; it keeps its place,
    /// so on FIFO links the messages behind it wait too.
    pub fn set_arrival(&mut self, id: u64, at: u64) -> bool {
        if !self.items.contains_key(&id) {
            return false;
        }
        self.arrival.insert(id, at);
        true
    }

    /// When message `id` may arrive.
    pub fn arrival(&self, id: u64) -> u64 {
        self.arrival.get(&id).copied().unwrap_or(0)
    }

    /// The earliest arrival time still ahead of `now`.
    pub fn next_arrival(&self, now: u64) -> Option<(u64, u64)> {
        self.arrival
            .iter()
            .filter(|(_, t)| **t > now)
            .map(|(id, t)| (*t, *id))
            .min()
    }

    /// Whether a message for `to` can arrive by time `now`.
    pub fn has_arrived_for(&self, to: Pid, now: u64) -> bool {
        self.has_inbound(to)
            && self
                .items
                .values()
                .any(|m| m.to == to && self.arrival(m.id) <= now)
    }

    /// Removes message `id`, wherever it stands in its pair's queue.
    pub fn take(&mut self, id: u64) -> Option<InFlight> {
        let m = self.items.remove(&id)?;
        self.arrival.remove(&id);
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
