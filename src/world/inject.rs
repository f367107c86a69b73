//! Carrying out a fault plan. The plan says which faults are possible;
//! each one is a choice in `World::enabled()` and happens only when a
//! scheduler (or the student, or the explorer) picks it: a message lost,
//! duplicated, delayed, omitted, corrupted or forged, a process crashed or
//! recovered. Nothing here draws at random. Partitions (drop or hold until
//! healed), crashes by count or time, and the Byzantine rewrite fun are
//! deterministic rules. Every fault is an event, except a delay, which is
//! timing (the message's later delivery shows it).

use super::event::Kind;
use super::faults::{CutMode, LinkModel, Timing, Trigger};
use super::{Choice, InFlight, Payload, Status, World};
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

/// A corrupted copy of `t`, the same every time: a number goes up by
/// one, an atom becomes `corrupted`, a tuple or list has its last element
/// corrupted; anything else is wrapped as `{corrupted, T}`.
fn corrupt(t: &Term) -> Term {
    match t {
        Term::Int(i) => Term::Int(i.wrapping_add(1)),
        Term::Float(f) => Term::Float(f + 1.0),
        Term::Atom(_) => Term::atom("corrupted"),
        Term::Tuple(xs) if !xs.is_empty() => {
            let mut v: Vec<Term> = xs.to_vec();
            if let Some(last) = v.last_mut() {
                *last = corrupt(last);
            }
            Term::tuple(v)
        }
        Term::Cons(_) => match t.list_to_vec() {
            Some(mut v) if !v.is_empty() => {
                if let Some(last) = v.last_mut() {
                    *last = corrupt(last);
                }
                Term::list(v)
            }
            _ => Term::tuple(vec![Term::atom("corrupted"), t.clone()]),
        },
        _ => Term::tuple(vec![Term::atom("corrupted"), t.clone()]),
    }
}

/// How likely each fault is for one message under the plan. A random
/// scheduler draws against these; the explorer only asks which are above 0.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Odds {
    /// Lost by the link (fair-loss) or by a Byzantine sender.
    pub drop: f64,
    /// Omitted by its sender or its receiver.
    pub omit: f64,
    /// Duplicated (each copy again with the same odds, finitely often).
    pub dup: f64,
    pub corrupt: f64,
    pub forge: f64,
}

/// `1 - (1 - a)(1 - b)`: the chance that at least one of two happens.
fn either(a: f64, b: f64) -> f64 {
    1.0 - (1.0 - a) * (1.0 - b)
}

fn within(used: u64, max: Option<u64>) -> bool {
    max.is_none_or(|m| used < m)
}

impl World {
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

    /// Puts a sent message into the network: rewritten by the plan's
    /// Byzantine fun, lost or held by a partition, or in flight, arriving
    /// at once and at the latest when the timing model says.
    pub(super) fn network_send(&mut self, mut m: InFlight, send_event: u64) {
        self.adversary_rewrite(&mut m);
        if self.crosses_cut(m.from, m.to) {
            let mode = self
                .faults
                .partition
                .as_ref()
                .map(|p| p.mode)
                .unwrap_or(CutMode::Drop);
            match mode {
                CutMode::Drop => {
                    self.push_event(m.from, Kind::Drop { msg: m.id }, None, vec![send_event]);
                }
                CutMode::Hold => self.held.push(m),
            }
            return;
        }
        let latest = self.latest_arrival();
        self.network.push_timed(m, self.time, latest);
    }

    /// The latest time a message sent now may arrive under the timing model.
    fn latest_arrival(&self) -> u64 {
        match self.faults.timing {
            Timing::Local | Timing::Sync { .. } => self.time,
            Timing::Async => u64::MAX,
            Timing::Psync { gst, delta } => self.time.max(gst).saturating_add(delta),
        }
    }

    /// The plan's odds of each fault for message `id` in flight.
    pub fn odds(&self, id: u64) -> Odds {
        let Some(m) = self.network.get(id) else {
            return Odds::default();
        };
        if !matches!(m.payload, Payload::Message(_)) {
            return Odds::default();
        }
        let mut o = Odds::default();
        if let LinkModel::FairLoss { loss, dup } = self.faults.net {
            o.drop = loss;
            o.dup = dup;
        }
        for b in self
            .faults
            .byzantine
            .iter()
            .filter(|b| self.names(m.from, &b.who))
        {
            o.drop = either(o.drop, b.drop);
            o.dup = either(o.dup, b.dup);
            o.corrupt = either(o.corrupt, b.corrupt);
            o.forge = either(o.forge, b.forge);
        }
        for om in &self.faults.omissions {
            if self.names(m.from, &om.who) {
                o.omit = either(o.omit, om.send);
            }
            if self.names(m.to, &om.who) {
                o.omit = either(o.omit, om.receive);
            }
        }
        o
    }

    /// The time a delay moves a message to: just past the next moment
    /// something else is due (a timeout, a timer, the plan), so that thing
    /// happens first.
    pub fn delay_target(&self) -> u64 {
        let now = self.time;
        let deadlines = self.deadlines.iter().map(|(d, _)| *d);
        let timers = self.timers.iter().map(|t| t.at);
        let plan = self.plan_times();
        deadlines
            .chain(timers)
            .chain(plan)
            .filter(|t| *t >= now)
            .min()
            .unwrap_or(now)
            .saturating_add(1)
    }

    /// Processes a forged message from `from` could claim to come from.
    pub fn forge_victims(&self, id: u64) -> Vec<Pid> {
        let Some(m) = self.network.get(id) else {
            return vec![];
        };
        let Payload::Message(term) = &m.payload else {
            return vec![];
        };
        self.procs
            .keys()
            .copied()
            .filter(|p| *p != m.from && self.is_alive(*p))
            .filter(|p| replace_pid(term, m.from, *p) != *term)
            .collect()
    }

    /// The faults the plan allows now, within its budgets.
    pub(super) fn fault_choices(&self, out: &mut Vec<Choice>) {
        if self.faults.affects_messages() {
            self.message_faults(out);
        }
        if !self.faults.crashes.is_empty() && within(self.rule_crashes, self.faults.max_crashes) {
            for pid in self.procs.keys() {
                if self.crash_odds(*pid) > 0.0 {
                    out.push(Choice::Crash(*pid));
                }
            }
        }
        if !self.faults.recoveries.is_empty() {
            for pid in self.exited.keys() {
                if self.recover_odds(*pid) > 0.0 && self.recoverable(*pid) {
                    out.push(Choice::Recover(*pid));
                }
            }
        }
    }

    /// The faults the plan allows on messages in flight.
    fn message_faults(&self, out: &mut Vec<Choice>) {
        let now = self.time;
        let target = self.delay_target();
        let can_delay = !matches!(self.faults.timing, Timing::Local | Timing::Sync { .. })
            && within(self.delays, self.faults.max_delays);
        for m in self.network.iter() {
            let id = m.id;
            let o = self.odds(id);
            if o.omit > 0.0 {
                out.push(Choice::Omit(id));
            }
            if o.drop > 0.0 && within(self.losses, self.faults.max_losses) {
                out.push(Choice::Drop(id));
            }
            if o.dup > 0.0 && within(self.dups, self.faults.max_dups) {
                out.push(Choice::Duplicate(id));
            }
            if !self.network.tampered(id) {
                if o.corrupt > 0.0 {
                    out.push(Choice::Corrupt(id));
                }
                if o.forge > 0.0 {
                    out.extend(
                        self.forge_victims(id)
                            .into_iter()
                            .map(|v| Choice::Forge(Box::new((id, v)))),
                    );
                }
            }
            let latest = self.network.latest(id);
            if can_delay
                && matches!(m.payload, Payload::Message(_))
                && self.network.arrival(id) <= now
                && latest > now
            {
                out.push(Choice::Delay(Box::new((id, target.min(latest)))));
            }
        }
    }

    /// The chance, after each of its steps, that `pid` crashes by a rule.
    pub fn crash_odds(&self, pid: Pid) -> f64 {
        self.faults
            .crashes
            .iter()
            .filter_map(|c| match c.when {
                Trigger::Prob(p) if self.names(pid, &c.who) => Some(p),
                _ => None,
            })
            .fold(0.0, either)
    }

    /// The chance, at each step, that crashed `pid` recovers by a rule.
    pub fn recover_odds(&self, pid: Pid) -> f64 {
        self.faults
            .recoveries
            .iter()
            .filter_map(|c| match c.when {
                Trigger::Prob(p) if self.names(pid, &c.who) => Some(p),
                _ => None,
            })
            .fold(0.0, either)
    }

    pub(super) fn recoverable(&self, pid: Pid) -> bool {
        self.exited.get(&pid).is_some_and(|p| {
            p.init.is_some() && matches!(&p.status, Status::Exited(r) if r.is_atom("crashed"))
        })
    }

    /// Applies a fault choice; false when it does not apply now.
    pub(super) fn apply_fault(&mut self, choice: &Choice) -> bool {
        match choice {
            Choice::Drop(id) => {
                let done = self.drop_message(*id);
                if done {
                    self.losses += 1;
                }
                done
            }
            Choice::Omit(id) => self.drop_message(*id),
            Choice::Duplicate(id) => {
                let done = self.duplicate_message(*id).is_some();
                if done {
                    self.dups += 1;
                }
                done
            }
            Choice::Delay(d) => {
                let (id, at) = **d;
                let latest = self.network.latest(id);
                let done = at <= latest && self.network.delay_to(id, at);
                if done {
                    self.delays += 1;
                }
                done
            }
            Choice::Corrupt(id) => self.corrupt_message(*id),
            Choice::Forge(f) => self.forge_message(f.0, f.1),
            Choice::Crash(pid) => {
                if !self.is_alive(*pid) {
                    return false;
                }
                self.rule_crashes += 1;
                self.crash(*pid);
                true
            }
            Choice::Recover(pid) => self.recover(*pid),
            _ => false,
        }
    }

    /// Whether links keep each sender/receiver pair's order (Erlang's promise).
    pub(super) fn fifo(&self) -> bool {
        self.faults.net == LinkModel::Erlang
    }

    /// Loses message `id` (a fault, or `:drop`). False when it is not in flight.
    pub fn drop_message(&mut self, id: u64) -> bool {
        let Some(m) = self.network.take(id) else {
            return false;
        };
        let preds = self.send_event.get(&id).copied().into_iter().collect();
        self.push_event(m.from, Kind::Drop { msg: id }, None, preds);
        true
    }

    /// Duplicates message `id` (a fault, or `:dup`); returns the copy's id.
    pub fn duplicate_message(&mut self, id: u64) -> Option<u64> {
        let m = self.network.get(id)?.clone();
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
        self.network.push_copy(copy, id);
        Some(cid)
    }

    /// Replaces the contents of message `id` in flight, with an event.
    fn tamper(&mut self, id: u64, kind: impl FnOnce(&Term) -> Option<(Term, Kind)>) -> bool {
        let Some(m) = self.network.get(id) else {
            return false;
        };
        let Payload::Message(term) = &m.payload else {
            return false;
        };
        let from = m.from;
        let Some((after, event)) = kind(term) else {
            return false;
        };
        self.network.set_payload(id, Payload::Message(after));
        self.push_event(from, event, None, vec![]);
        true
    }

    /// Corrupts message `id` in flight (a Byzantine sender's fault).
    pub fn corrupt_message(&mut self, id: u64) -> bool {
        self.tamper(id, |t| {
            let after = corrupt(t);
            Some((
                after.clone(),
                Kind::Corrupt {
                    msg: id,
                    before: t.clone(),
                    after,
                },
            ))
        })
    }

    /// Makes message `id` claim to come from `victim`: the sender's pid
    /// inside it becomes the victim's.
    pub fn forge_message(&mut self, id: u64, victim: Pid) -> bool {
        let Some(from) = self.network.get(id).map(|m| m.from) else {
            return false;
        };
        self.tamper(id, |t| {
            let forged = replace_pid(t, from, victim);
            (forged != *t).then(|| {
                (
                    forged,
                    Kind::Forge {
                        msg: id,
                        claims: victim,
                    },
                )
            })
        })
    }

    /// Crash-recovery: a crashed process starts again from its initial
    /// function with its state (and mailbox) lost; messages still in flight
    /// to it arrive as usual.
    pub fn recover(&mut self, pid: Pid) -> bool {
        if !self.recoverable(pid) {
            return false;
        }
        let Some(p) = self.exited.remove(&pid) else {
            return false;
        };
        let mut p = std::rc::Rc::unwrap_or_clone(p);
        let Some((m, f, args, env)) = p.init.as_deref().cloned() else {
            return false;
        };
        // The random numbers go on where they were, not from the start.
        let rand = p.process.rand;
        p.process = crate::vm::Process::new(pid, m, f, args, &env);
        p.process.rand = rand;
        p.status = Status::Runnable;
        self.procs.insert(pid, p);
        self.runnable.insert(pid);
        for (name, _) in self.registry.iter().filter(|(_, v)| **v == pid) {
            self.kept_names.insert((pid, *name));
        }
        self.process_event(pid, Kind::Recover, None);
        true
    }

    /// Holds message `id` back for `ms` more milliseconds (`:delay`).
    pub fn delay_message(&mut self, id: u64, ms: u64) -> bool {
        let at = self.time.saturating_add(ms);
        self.network.delay_to(id, at)
    }

    /// Rewrites a Byzantine sender's message with the plan's fun (loaded
    /// as module `pidlab_adversary` before the run), in a scratch process
    /// with a small budget and no effects. A fun that fails leaves the
    /// message unchanged.
    fn adversary_rewrite(&mut self, m: &mut InFlight) {
        if self.faults.byzantine_fun.is_none()
            || !self
                .faults
                .byzantine
                .iter()
                .any(|b| self.names(m.from, &b.who))
        {
            return;
        }
        let Payload::Message(term) = &m.payload else {
            return;
        };
        let Some(module) = self
            .code
            .get(crate::term::Atom::new("pidlab_adversary"))
            .cloned()
        else {
            return;
        };
        let Some(func) = module
            .exports
            .get(&(crate::term::Atom::new("rewrite"), 1))
            .copied()
        else {
            return;
        };
        let mut p = crate::vm::Process::new(Pid(0), module, func, vec![term.clone()], &[]);
        let mut ctx = crate::bif::BifCtx::default();
        let crate::vm::Stop::Exit(Ok(rewritten)) = p.run(&self.code, &mut ctx, 100_000) else {
            return;
        };
        if rewritten != *term {
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
            m.payload = Payload::Message(rewritten);
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
        self.push_event(at, Kind::Partition { groups }, None, vec![]);
        self.fresh.last().cloned().into_iter().collect()
    }

    /// The process a partition or heal event is recorded on: the oldest.
    pub(super) fn network_event_owner(&self) -> Pid {
        let live = self.procs.keys().next().copied();
        let ended = self.exited.keys().next().copied();
        live.into_iter()
            .chain(ended)
            .min()
            .unwrap_or(super::MAIN_PID)
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
        let (sends, receives) = self
            .procs
            .get(&pid)
            .map_or((0, 0), |p| (p.sends, p.receives));
        let mut due = false;
        for c in self.faults.crashes.clone() {
            if !self.names(pid, &c.who) {
                continue;
            }
            due |= match c.when {
                Trigger::Send(k) => sends == k,
                Trigger::Receive(k) => receives == k,
                Trigger::Prob(_) | Trigger::Time(_) | Trigger::Step(_) => false,
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
        // Each time or step rule fires once for each process it names, at
        // the first moment its time has come and it applies (a recovery:
        // the process is down; a crash: it is up). A recovered process is
        // not crashed again by the rule that crashed it.
        let come = |w: &World, t: Trigger| match t {
            Trigger::Time(t) => w.time >= t,
            Trigger::Step(s) => w.steps >= s,
            _ => false,
        };
        for (i, r) in self.faults.recoveries.clone().into_iter().enumerate() {
            if come(self, r.when) {
                let crashed: Vec<Pid> = self
                    .exited
                    .keys()
                    .copied()
                    .filter(|p| self.names(*p, &r.who) && !self.fired.contains(&(true, i, *p)))
                    .collect();
                for p in crashed {
                    self.fired.insert((true, i, p));
                    self.recover(p);
                }
            }
        }
        let mut due: Vec<(usize, Pid)> = vec![];
        for (i, c) in self.faults.crashes.iter().enumerate() {
            if !come(self, c.when) {
                continue;
            }
            for p in self.procs.keys().copied() {
                if self.names(p, &c.who) && !self.fired.contains(&(false, i, p)) {
                    due.push((i, p));
                }
            }
        }
        for (i, p) in due {
            self.fired.insert((false, i, p));
            if self.is_alive(p)
                && self
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
    }
}
