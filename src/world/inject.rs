//! Carrying out a fault plan: the link model's losses and duplicates,
//! partitions (drop or hold until healed), and crashes (crash-stop tells
//! nobody; fail-stop fires links and monitors). Every fault is an event.

use super::event::Kind;
use super::faults::{CutMode, LinkModel, Timing, Trigger};
use super::{InFlight, Status, World};
use crate::term::{Pid, Term};

impl World {
    /// A uniform draw in [0, 1) from the world's seeded source.
    fn draw(&mut self) -> f64 {
        let mut st = self.rng;
        let r = super::sched::Sched::next_random(&mut st);
        self.rng = st;
        (r >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Whether `pid` is the process a plan names (alias `p2`, pid text or
    /// registered name).
    pub fn names(&self, pid: Pid, name: &str) -> bool {
        name == crate::repl::alias(pid)
            || name == super::event::pid_text(pid)
            || self
                .registry
                .iter()
                .any(|(a, p)| *p == pid && a.name() == name)
    }

    fn group_of(&self, pid: Pid) -> Option<usize> {
        let part = self.faults.partition.as_ref()?;
        part.groups
            .iter()
            .position(|g| g.iter().any(|n| self.names(pid, n)))
    }

    fn crosses_cut(&self, from: Pid, to: Pid) -> bool {
        self.partitioned
            && matches!((self.group_of(from), self.group_of(to)), (Some(a), Some(b)) if a != b)
    }

    /// Puts a sent message into the network as the plan says: lost,
    /// duplicated, held by a partition, or simply in flight.
    pub(super) fn network_send(&mut self, m: InFlight, send_event: u64) {
        let drop_event = |w: &mut World, m: &InFlight| {
            w.push_event(m.from, Kind::Drop { msg: m.id }, None, vec![send_event]);
        };
        if self.crosses_cut(m.from, m.to) {
            let mode = self
                .faults
                .partition
                .as_ref()
                .map(|p| p.mode)
                .unwrap_or(CutMode::Drop);
            match mode {
                CutMode::Drop => drop_event(self, &m),
                CutMode::Hold => self.held.push(m),
            }
            return;
        }
        if let LinkModel::FairLoss { loss, dup } = self.faults.net {
            let within_budget = self.faults.max_losses.is_none_or(|max| self.losses < max);
            if self.draw() < loss && within_budget {
                self.losses += 1;
                drop_event(self, &m);
                return;
            }
            // Finitely often: each copy is duplicated again with the same odds.
            let mut copies = 0;
            while copies < 8 && self.draw() < dup {
                copies += 1;
                self.next_msg += 1;
                let copy = InFlight {
                    id: self.next_msg,
                    ..m.clone()
                };
                self.send_event.insert(copy.id, send_event);
                self.push_event(
                    m.from,
                    Kind::Duplicate {
                        msg: m.id,
                        copy: copy.id,
                    },
                    None,
                    vec![send_event],
                );
                self.push_delayed(copy);
            }
        }
        self.push_delayed(m);
    }

    /// How long the timing model lets a message take, drawn now.
    fn delay(&mut self) -> u64 {
        let heavy = |w: &mut World| {
            // P(delay > T) is about 5 / (T + 5): no bound holds for all messages.
            let u = w.draw().max(1e-9);
            ((5.0 / u) as u64).saturating_sub(5).min(1 << 40)
        };
        match self.faults.timing {
            Timing::Local => 0,
            Timing::Async => heavy(self),
            Timing::Sync { delta } => (self.draw() * (delta + 1) as f64) as u64,
            Timing::Psync { gst, delta } => {
                if self.time >= gst {
                    (self.draw() * (delta + 1) as f64) as u64
                } else {
                    heavy(self).min(gst + delta - self.time)
                }
            }
        }
    }

    /// Puts a message in flight under the timing model; on Erlang links a
    /// later message of a pair never overtakes an earlier one.
    fn push_delayed(&mut self, m: InFlight) {
        let mut at = self.time + self.delay();
        if self.faults.net == LinkModel::Erlang {
            let last = self.last_arrival.entry((m.from, m.to)).or_insert(0);
            at = at.max(*last);
            *last = at;
        }
        self.network.push_at(m, at);
    }

    /// Loses message `id` by hand (`:drop`). False when it is not in flight.
    pub fn drop_message(&mut self, id: u64) -> bool {
        let Some(m) = self.network.take(id) else {
            return false;
        };
        let preds = self.send_event.get(&id).copied().into_iter().collect();
        self.push_event(m.from, Kind::Drop { msg: id }, None, preds);
        true
    }

    /// Duplicates message `id` by hand (`:dup`); returns the copy's id.
    pub fn duplicate_message(&mut self, id: u64) -> Option<u64> {
        let m = self.network.get(id)?.clone();
        let at = self.network.arrival(id);
        self.next_msg += 1;
        let copy = InFlight {
            id: self.next_msg,
            ..m
        };
        let send = self.send_event.get(&id).copied();
        if let Some(e) = send {
            self.send_event.insert(copy.id, e);
        }
        self.push_event(
            copy.from,
            Kind::Duplicate {
                msg: id,
                copy: copy.id,
            },
            None,
            send.into_iter().collect(),
        );
        let cid = copy.id;
        self.network.push_at(copy, at);
        Some(cid)
    }

    /// Crash-recovery: a crashed process starts again from its initial
    /// function with its state (and mailbox) lost; messages still in flight
    /// to it arrive as usual.
    pub fn recover(&mut self, pid: Pid) -> bool {
        let Some(p) = self.procs.get_mut(&pid) else {
            return false;
        };
        let crashed = matches!(&p.status, Status::Exited(r) if r.is_atom("crashed"));
        let Some((m, f, args, env)) = p.init.clone().filter(|_| crashed) else {
            return false;
        };
        p.process = crate::vm::Process::new(pid, m, f, args, &env);
        p.meta.clear();
        self.set_status(pid, Status::Runnable);
        self.process_event(pid, Kind::Recover, None);
        true
    }

    /// Holds message `id` back for `ms` more milliseconds (`:delay`).
    pub fn delay_message(&mut self, id: u64, ms: u64) -> bool {
        let at = self.time + ms;
        self.network.set_arrival(id, at)
    }

    /// Starts the plan's partition.
    pub fn partition(&mut self) {
        let Some(p) = &self.faults.partition else {
            return;
        };
        let groups = p
            .groups
            .iter()
            .map(|g| g.join(","))
            .collect::<Vec<_>>()
            .join("|");
        self.partitioned = true;
        let at = self
            .procs
            .keys()
            .next()
            .copied()
            .unwrap_or(crate::run::MAIN_PID);
        self.push_event(at, Kind::Partition { groups }, None, vec![]);
    }

    /// Ends the partition; held messages go back into flight, in order.
    pub fn heal(&mut self) {
        if !self.partitioned {
            return;
        }
        self.partitioned = false;
        let at = self
            .procs
            .keys()
            .next()
            .copied()
            .unwrap_or(crate::run::MAIN_PID);
        self.push_event(at, Kind::Heal, None, vec![]);
        for m in std::mem::take(&mut self.held) {
            self.network.push(m);
        }
    }

    /// Crashes `pid` if a send- or receive-count rule says so.
    pub(super) fn check_crash(&mut self, pid: Pid) {
        let sends = self.sends.get(&pid).copied().unwrap_or(0);
        let receives = self.receives.get(&pid).copied().unwrap_or(0);
        let due = self.faults.crashes.iter().any(|c| {
            self.names(pid, &c.who)
                && match c.when {
                    Trigger::Send(k) => sends == k,
                    Trigger::Receive(k) => receives == k,
                    Trigger::Time(_) => false,
                }
        });
        if due
            && self
                .faults
                .max_crashes
                .is_none_or(|max| self.rule_crashes < max)
        {
            self.rule_crashes += 1;
            self.crash(pid);
        }
    }

    /// Crashes every process whose time rule has come.
    pub(super) fn check_time_crashes(&mut self) {
        let due: Vec<Pid> = self
            .procs
            .keys()
            .copied()
            .filter(|p| self.is_alive(*p))
            .filter(|p| {
                self.faults.crashes.iter().any(|c| {
                    matches!(c.when, Trigger::Time(t) if self.time >= t) && self.names(*p, &c.who)
                })
            })
            .collect();
        for p in due {
            if self
                .faults
                .max_crashes
                .is_none_or(|max| self.rule_crashes < max)
            {
                self.rule_crashes += 1;
                self.crash(p);
            }
        }
    }

    /// A crash: the process does nothing more. Under fail-stop its links
    /// and monitors are told (reason `crashed`); under crash-stop nobody is.
    pub fn crash(&mut self, pid: Pid) {
        if !self.is_alive(pid) {
            return;
        }
        self.process_event(pid, Kind::Crash, None);
        let reason = Term::atom("crashed");
        if self.faults.fail_stop {
            self.exit_process(pid, reason, None);
            return;
        }
        self.set_status(pid, Status::Exited(reason));
        if let Some(p) = self.procs.get_mut(&pid) {
            p.process.frames.clear();
            p.process.stack.clear();
        }
    }
}
