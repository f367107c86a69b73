//! Carrying out a fault plan: the link model's losses and duplicates,
//! partitions (drop or hold until healed), and crashes (crash-stop tells
//! nobody; fail-stop fires links and monitors). Every fault is an event.

use super::event::Kind;
use super::faults::{CutMode, LinkModel, Timing, Trigger};
use super::{InFlight, Status, World};
use crate::term::{Pid, Term};

/// `t` with every occurrence of pid `from` replaced by `to`.
fn replace_pid(t: &Term, from: Pid, to: Pid) -> Term {
    match t {
        Term::Pid(p) if *p == from => Term::Pid(to),
        Term::Tuple(xs) => Term::tuple(xs.iter().map(|x| replace_pid(x, from, to)).collect()),
        Term::Cons(_) => match t.list_to_vec() {
            Some(items) => Term::list(
                items
                    .iter()
                    .map(|x| replace_pid(x, from, to))
                    .collect::<Vec<_>>(),
            ),
            None => t.clone(),
        },
        _ => t.clone(),
    }
}

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
        name == super::event::alias(pid)
            || name == super::event::pid_text(pid)
            || self.registered_name(pid).is_some_and(|a| a.name() == name)
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
        let mut m = m;
        if self.omits(m.from, true) || self.byzantine_drop(m.from) {
            drop_event(self, &m);
            return;
        }
        if self.byzantine_dup(&m, send_event) {
            // The adversary sent an extra copy; the original goes on below.
        }
        self.byzantine_rewrite(&mut m);
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
                self.send_copy(&m, send_event);
            }
        }
        self.push_delayed(m);
    }

    /// Puts a copy of `m` in flight under its own id, with a `duplicate` event.
    fn send_copy(&mut self, m: &InFlight, send_event: u64) {
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
        // The random numbers go on where they were, not from the start.
        let rand = p.process.rand;
        p.process = crate::vm::Process::new(pid, m, f, args, &env);
        p.process.rand = rand;
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

    /// Whether `pid` omits this send (`send`) or receive, by its omission rule.
    pub(super) fn omits(&mut self, pid: Pid, send: bool) -> bool {
        let rules: Vec<f64> = self
            .faults
            .omissions
            .iter()
            .filter(|o| self.names(pid, &o.who))
            .map(|o| if send { o.send } else { o.receive })
            .collect();
        rules.into_iter().any(|p| p > 0.0 && self.draw() < p)
    }

    fn byzantine_rule(&self, pid: Pid) -> Option<super::faults::Byzantine> {
        self.faults
            .byzantine
            .iter()
            .find(|b| self.names(pid, &b.who))
            .cloned()
    }

    fn byzantine_drop(&mut self, pid: Pid) -> bool {
        match self.byzantine_rule(pid) {
            Some(b) if b.drop > 0.0 => self.draw() < b.drop,
            _ => false,
        }
    }

    /// A Byzantine sender may send an extra copy.
    fn byzantine_dup(&mut self, m: &InFlight, send_event: u64) -> bool {
        let Some(b) = self.byzantine_rule(m.from) else {
            return false;
        };
        if !(b.dup > 0.0 && self.draw() < b.dup) {
            return false;
        }
        self.send_copy(m, send_event);
        true
    }

    /// A Byzantine sender's message may be corrupted or claim another sender.
    fn byzantine_rewrite(&mut self, m: &mut InFlight) {
        let Some(b) = self.byzantine_rule(m.from) else {
            return;
        };
        let super::Payload::Message(term) = &m.payload else {
            return;
        };
        let mut term = term.clone();
        if b.corrupt > 0.0 && self.draw() < b.corrupt {
            let after = self.corrupt(&term);
            self.push_event(
                m.from,
                Kind::Corrupt {
                    msg: m.id,
                    before: term.clone(),
                    after: after.clone(),
                },
                None,
                vec![],
            );
            term = after;
        }
        if b.forge > 0.0 && self.draw() < b.forge {
            let others: Vec<Pid> = self
                .procs
                .keys()
                .copied()
                .filter(|p| *p != m.from && self.is_alive(*p))
                .collect();
            if !others.is_empty() {
                let i = (self.draw() * others.len() as f64) as usize;
                if let Some(victim) = others.get(i.min(others.len() - 1)).copied() {
                    let forged = replace_pid(&term, m.from, victim);
                    if forged != term {
                        self.push_event(
                            m.from,
                            Kind::Forge {
                                msg: m.id,
                                claims: victim,
                            },
                            None,
                            vec![],
                        );
                        term = forged;
                    }
                }
            }
        }
        if let Some(rewritten) = self.adversary_rewrite(&term) {
            if rewritten != term {
                self.push_event(
                    m.from,
                    Kind::Corrupt {
                        msg: m.id,
                        before: term.clone(),
                        after: rewritten.clone(),
                    },
                    None,
                    vec![],
                );
                term = rewritten;
            }
        }
        m.payload = super::Payload::Message(term);
    }

    /// Runs the plan's `byzantine_fun` on a message, in a scratch process
    /// with a small budget and no effects. None when there is no fun or it
    /// fails (the message then goes out unchanged).
    fn adversary_rewrite(&mut self, msg: &Term) -> Option<Term> {
        self.faults.byzantine_fun.as_ref()?;
        let module = match self.code.get(crate::term::Atom::new("pidlab_adversary")) {
            Some(m) => m.clone(),
            None => {
                let m =
                    super::faults::compile_adversary(self.faults.byzantine_fun.as_deref()?).ok()?;
                self.code.load(m)
            }
        };
        let func = *module
            .exports
            .get(&(crate::term::Atom::new("rewrite"), 1))?;
        let mut p = crate::vm::Process::new(Pid(0), module, func, vec![msg.clone()], &[]);
        let mut ctx = crate::bif::BifCtx::default();
        match p.run(&self.code, &mut ctx, 100_000) {
            crate::vm::Stop::Exit(Ok(v)) => Some(v),
            _ => None,
        }
    }

    /// A corrupted copy of `t`: numbers shift, atoms become `corrupted`,
    /// one element of a tuple or list is corrupted.
    fn corrupt(&mut self, t: &Term) -> Term {
        match t {
            Term::Int(i) => Term::Int(i.wrapping_add(1 + (self.draw() * 1000.0) as i64)),
            Term::Float(f) => Term::Float(f + 1.0),
            Term::Atom(_) => Term::atom("corrupted"),
            Term::Tuple(xs) if !xs.is_empty() => {
                let i = ((self.draw() * xs.len() as f64) as usize).min(xs.len() - 1);
                let mut v: Vec<Term> = xs.to_vec();
                if let Some(x) = v.get(i).cloned() {
                    let c = self.corrupt(&x);
                    if let Some(slot) = v.get_mut(i) {
                        *slot = c;
                    }
                }
                Term::tuple(v)
            }
            _ => Term::tuple(vec![Term::atom("corrupted"), t.clone()]),
        }
    }

    /// Starts the plan's partition and returns the event it records (none
    /// without a partition in the plan). Called outside `apply`, as before
    /// a run's first step, this is the only way a caller sees that event.
    pub fn partition(&mut self) -> Vec<super::event::Event> {
        let Some(p) = &self.faults.partition else {
            return vec![];
        };
        let groups = p
            .groups
            .iter()
            .map(|g| g.join(","))
            .collect::<Vec<_>>()
            .join("|");
        self.partitioned = true;
        let at = self.network_event_owner();
        vec![self.push_event(at, Kind::Partition { groups }, None, vec![])]
    }

    /// The process a partition or heal event is recorded on: the oldest.
    fn network_event_owner(&self) -> Pid {
        self.procs.keys().next().copied().unwrap_or(super::MAIN_PID)
    }

    /// Ends the partition; held messages go back into flight, in order.
    pub fn heal(&mut self) {
        if !self.partitioned {
            return;
        }
        self.partitioned = false;
        let at = self.network_event_owner();
        self.push_event(at, Kind::Heal, None, vec![]);
        for m in std::mem::take(&mut self.held) {
            self.network.push(m);
        }
    }

    /// Crashes `pid` if a send- or receive-count rule says so.
    pub(super) fn check_crash(&mut self, pid: Pid) {
        if self.faults.crashes.is_empty() {
            return;
        }
        let sends = self.sends.get(&pid).copied().unwrap_or(0);
        let receives = self.receives.get(&pid).copied().unwrap_or(0);
        let mut due = false;
        for c in self.faults.crashes.clone() {
            if !self.names(pid, &c.who) {
                continue;
            }
            due |= match c.when {
                Trigger::Send(k) => sends == k,
                Trigger::Receive(k) => receives == k,
                Trigger::Prob(p) => self.draw() < p,
                Trigger::Time(_) | Trigger::Step(_) => false,
            };
        }
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

    /// The plan's next time-driven fault after now: a crash, a recovery or
    /// the heal.
    pub(super) fn plan_times(&self) -> Option<u64> {
        let now = self.time;
        let mut ts: Vec<u64> = vec![];
        if self.partitioned {
            ts.extend(self.faults.heal_at);
        }
        for c in self
            .faults
            .crashes
            .iter()
            .chain(self.faults.recoveries.iter())
        {
            if let Trigger::Time(t) = c.when {
                ts.push(t);
            }
        }
        ts.into_iter().filter(|t| *t > now).min()
    }

    /// Crashes every process whose time rule has come; heals and recovers
    /// by the plan's times.
    pub(super) fn check_time_crashes(&mut self) {
        if self.faults.crashes.is_empty()
            && self.faults.recoveries.is_empty()
            && self.faults.heal_at.is_none()
        {
            return;
        }
        if self
            .faults
            .heal_at
            .is_some_and(|t| self.partitioned && self.time >= t)
        {
            self.heal();
        }
        for r in self.faults.recoveries.clone() {
            let due = match r.when {
                Trigger::Time(t) => self.time >= t,
                Trigger::Step(s) => self.steps >= s,
                _ => false,
            };
            if due {
                let crashed: Vec<Pid> = self
                    .procs
                    .keys()
                    .copied()
                    .filter(|p| self.names(*p, &r.who))
                    .collect();
                for p in crashed {
                    self.recover(p);
                }
            }
        }
        let due: Vec<Pid> = self
            .procs
            .keys()
            .copied()
            .filter(|p| self.is_alive(*p))
            .filter(|p| {
                self.faults.crashes.iter().any(|c| {
                    let now = match c.when {
                        Trigger::Time(t) => self.time >= t,
                        Trigger::Step(s) => self.steps >= s,
                        _ => false,
                    };
                    now && self.names(*p, &c.who)
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
