//! Messages in flight, indexed so that each step costs little however many
//! messages wait: by id, by sender/receiver pair (Erlang's FIFO promise:
//! only the oldest message of a pair can be delivered), and by receiver.

use super::small::SmallMap;
use super::InFlight;
use super::Payload;
use crate::term::Pid;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// One sender/receiver pair's messages, oldest first. Most pairs have one
/// message in flight at a time: it is held without an allocation, so a
/// step and a copy of the world (the explorer makes one per step) cost
/// less.
#[derive(Clone, Debug)]
enum Queue {
    One(u64),
    Many(VecDeque<u64>),
}

impl Queue {
    fn front(&self) -> Option<u64> {
        match self {
            Queue::One(id) => Some(*id),
            Queue::Many(q) => q.front().copied(),
        }
    }

    fn push(&mut self, id: u64) {
        match self {
            Queue::One(first) => *self = Queue::Many(VecDeque::from([*first, id])),
            Queue::Many(q) => q.push_back(id),
        }
    }

    /// Removes `id`; true when the pair has nothing left in flight.
    fn remove(&mut self, id: u64) -> bool {
        match self {
            Queue::One(only) => *only == id,
            Queue::Many(q) => {
                if q.front() == Some(&id) {
                    q.pop_front();
                } else {
                    q.retain(|x| *x != id);
                }
                match q.len() {
                    0 => true,
                    1 => {
                        if let Some(last) = q.front() {
                            *self = Queue::One(*last);
                        }
                        false
                    }
                    _ => false,
                }
            }
        }
    }

    fn len(&self) -> usize {
        match self {
            Queue::One(_) => 1,
            Queue::Many(q) => q.len(),
        }
    }

    fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        let (one, many) = match self {
            Queue::One(id) => (Some(*id), None),
            Queue::Many(q) => (None, Some(q.iter().copied())),
        };
        one.into_iter().chain(many.into_iter().flatten())
    }
}

/// A message in flight, shared by every copy of the network it is in
/// (a copy of the world costs a count per message), with the hash of what
/// it carries once a fingerprint has asked for it: the explorer reaches
/// many worlds while a message is on its way, and it is hashed once.
#[derive(Debug)]
struct Held {
    m: InFlight,
    /// All zeros: not taken yet.
    hash: std::cell::Cell<u128>,
}

impl Held {
    fn new(m: InFlight) -> Held {
        Held {
            m,
            hash: std::cell::Cell::new(0),
        }
    }

    fn payload_hash(&self) -> u128 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = super::fingerprint::hash128(|h| std::hash::Hash::hash(&self.m.payload, h));
        self.hash.set(h);
        h
    }
}

#[derive(Clone, Debug, Default)]
pub struct Network {
    items: SmallMap<u64, std::rc::Rc<Held>, 8>,
    pairs: SmallMap<(Pid, Pid), Queue, 8>,
    inbound: SmallMap<Pid, usize, 8>,
    /// Virtual time at which a delayed message may arrive (absent: now).
    arrival: BTreeMap<u64, u64>,
    /// The latest time the timing model lets a message arrive (absent: it
    /// cannot be delayed).
    latest: BTreeMap<u64, u64>,
    /// Messages a Byzantine fault has already corrupted or forged.
    tampered: BTreeSet<u64>,
}

impl Network {
    pub fn push(&mut self, m: InFlight) {
        match self.pairs.get_mut(&(m.from, m.to)) {
            Some(q) => q.push(m.id),
            None => {
                self.pairs.insert((m.from, m.to), Queue::One(m.id));
            }
        }
        *self.inbound.get_or_insert_with(m.to, || 0) += 1;
        self.items.insert(m.id, std::rc::Rc::new(Held::new(m)));
    }

    /// Puts a message in flight that may arrive only from time `at` on.
    pub fn push_at(&mut self, m: InFlight, at: u64) {
        self.arrival.insert(m.id, at);
        self.push(m);
    }

    /// Puts a message in flight that arrives from `now` on and at the
    /// latest at `latest`. Times not ahead of `now` are not kept: an
    /// absent arrival reads as 0 and an absent latest as "cannot be
    /// delayed", which is what those say once now has come (time only
    /// moves on). Most messages carry neither, so copies of the network
    /// copy two tables fewer.
    pub fn push_timed(&mut self, m: InFlight, now: u64, latest: u64) {
        if latest > now {
            self.latest.insert(m.id, latest);
        }
        self.push(m);
    }

    /// Puts a copy of message `of` in flight, with the same arrival times.
    pub fn push_copy(&mut self, copy: InFlight, of: u64) {
        if let Some(l) = self.latest.get(&of).copied() {
            self.latest.insert(copy.id, l);
        }
        if self.tampered.contains(&of) {
            self.tampered.insert(copy.id);
        }
        let at = self.arrival(of);
        self.push_at(copy, at);
    }

    /// Makes message `id` arrive no earlier than `at`. It keeps its
    /// place: on FIFO links the messages behind it wait for it too.
    pub fn delay_to(&mut self, id: u64, at: u64) -> bool {
        if !self.items.contains_key(&id) {
            return false;
        }
        self.arrival.insert(id, at);
        true
    }

    /// The latest time message `id` may arrive (0: it cannot be delayed).
    pub fn latest(&self, id: u64) -> u64 {
        self.latest.get(&id).copied().unwrap_or(0)
    }

    pub fn tampered(&self, id: u64) -> bool {
        self.tampered.contains(&id)
    }

    /// Replaces what message `id` carries (it can be tampered with once).
    pub fn set_payload(&mut self, id: u64, payload: Payload) {
        if let Some(m) = self.items.get_mut(&id) {
            *m = std::rc::Rc::new(Held::new(InFlight {
                id: m.m.id,
                from: m.m.from,
                to: m.m.to,
                payload,
                clock: m.m.clock.clone(),
            }));
            self.tampered.insert(id);
        }
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

    /// Whether a message for `to` can be delivered at time `now` (on FIFO
    /// links only the oldest of each pair can).
    pub fn has_arrived_for(&self, to: Pid, now: u64, fifo: bool) -> bool {
        if !self.has_inbound(to) {
            return false;
        }
        if fifo {
            self.pairs
                .iter()
                .filter(|((_, t), _)| *t == to)
                .filter_map(|(_, q)| q.front())
                .any(|id| self.arrival(id) <= now)
        } else {
            self.iter().any(|m| m.to == to && self.arrival(m.id) <= now)
        }
    }

    /// Each sender/receiver pair's messages in order, for hashing: what
    /// each carries, and its arrival and latest arrival relative to `now`.
    pub fn hash_relative<H: std::hash::Hasher>(&self, now: u64, state: &mut H) {
        use std::hash::Hash;
        for ((from, to), q) in &self.pairs {
            (from, to, q.len()).hash(state);
            for id in q.iter() {
                if let Some(m) = self.items.get(&id) {
                    m.payload_hash().hash(state);
                    self.arrival(id).saturating_sub(now).hash(state);
                    self.latest
                        .get(&id)
                        .map(|l| l.saturating_sub(now))
                        .hash(state);
                    self.tampered(id).hash(state);
                }
            }
        }
    }

    /// Removes message `id`, wherever it stands in its pair's queue.
    pub fn take(&mut self, id: u64) -> Option<InFlight> {
        // Not `Clone` (a copy would keep a hash its new payload may not
        // have): the message itself is copied when another world shares it.
        let m =
            std::rc::Rc::try_unwrap(self.items.remove(&id)?).map_or_else(|h| h.m.clone(), |h| h.m);
        self.arrival.remove(&id);
        self.latest.remove(&id);
        self.tampered.remove(&id);
        let key = (m.from, m.to);
        if self.pairs.get_mut(&key).is_some_and(|q| q.remove(id)) {
            self.pairs.remove(&key);
        }
        if let Some(n) = self.inbound.get_mut(&m.to) {
            *n -= 1;
            if *n == 0 {
                self.inbound.remove(&m.to);
            }
        }
        Some(m)
    }

    /// Every message in flight, pair by pair, oldest first in each: the
    /// order the fingerprint reads them in, so two worlds with the same
    /// fingerprint list the same messages in the same order (under
    /// different ids, maybe).
    pub fn in_order(&self) -> impl Iterator<Item = u64> + '_ {
        self.pairs.values().flat_map(Queue::iter)
    }

    /// The oldest message of each sender/receiver pair.
    pub fn heads(&self) -> impl Iterator<Item = u64> + '_ {
        self.pairs.values().filter_map(Queue::front)
    }

    pub fn has_inbound(&self, to: Pid) -> bool {
        self.inbound.contains_key(&to)
    }

    pub fn get(&self, id: u64) -> Option<&InFlight> {
        self.items.get(&id).map(|h| &h.m)
    }

    /// The ids of messages in flight above `id`, oldest first.
    pub fn ids_after(&self, id: u64) -> impl Iterator<Item = u64> + '_ {
        // The table is in id order: those above `id` are at its end.
        let mut after: Vec<u64> = self
            .items
            .keys()
            .rev()
            .take_while(|k| **k > id)
            .copied()
            .collect();
        after.reverse();
        after.into_iter()
    }

    /// All messages in flight, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &InFlight> {
        self.items.values().map(|h| &h.m)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Drops every message for which `keep` is false.
    pub fn retain(&mut self, keep: impl Fn(&InFlight) -> bool) {
        let gone: Vec<u64> = self.iter().filter(|m| !keep(m)).map(|m| m.id).collect();
        for id in gone {
            self.take(id);
        }
    }
}
