//! The world: processes, messages in flight, virtual time, the seeded
//! random source and the trace, as one value.
//!
//! `enabled()` lists what can happen next; `apply(choice)` performs one
//! choice and returns the events it made. Schedulers (`sched`) are ways of
//! picking. The world performs the effects processes return (sends, spawns,
//! links, ...) and keeps Lamport and vector clocks. It never prints: output
//! is an event. Nothing here iterates a hash-ordered map or reads a clock.

pub mod event;
pub mod faults;
mod fingerprint;
mod info;
mod inject;
pub use inject::Odds;
pub mod net;
pub mod sched;
mod signals;
pub mod small;
mod system;

use crate::bif::BifCtx;
use crate::term::{atoms, Atom, Fun, Pid, Ref, Term};
use crate::vm::{Code, Effect, Exception, Process, Stop, Wake};
use event::{Event, Kind, Vc};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::hash::BuildHasherDefault;

/// The pid of the first process, as erl numbers it for `-eval`.
pub const MAIN_PID: Pid = Pid(80);

/// Reductions one `Run` choice may spend before the process is preempted.
pub const SLICE: u64 = 2000;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Runnable,
    /// In `receive` (with an `after` deadline) or `timer:sleep` (sleeping).
    Waiting {
        deadline: Option<u64>,
        sleeping: bool,
    },
    Exited(Term),
    /// The shell process between two inputs: alive, but running nothing.
    Idle,
    /// In `pidlab:choose/1`: waits for a `Choose` choice among its options.
    Choosing,
}

/// What travels between processes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Payload {
    Message(Term),
    /// An exit signal carrying a reason (from a link, or `exit/2`).
    Exit(Term),
    /// `exit(Pid, kill)`: the one exit signal a trapping process cannot
    /// trap (a process that ends with reason `kill` sends `Exit(kill)`).
    Kill,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InFlight {
    pub id: u64,
    pub from: Pid,
    pub to: Pid,
    pub payload: Payload,
    pub clock: (u64, Vc),
}

/// A message in a mailbox, with the clocks of its send.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Meta {
    pub id: u64,
    pub clock: (u64, Vc),
}

/// The live processes. Each is shared between clones of the world until
/// one of them changes it, so a clone (for the explorer or time travel)
/// copies only the table, and a step copies only the processes it touches.
/// While there are few, they are held inline in pid order, so a clone
/// allocates nothing for the table. Once past `FEW` (and from then on,
/// however many end), lookups (several per step)
/// go through a hash table, which in a ring of 1000 processes made message
/// passing about 15% faster than a search tree, and the pids are kept in
/// order beside it, for everything that walks the processes.
#[derive(Clone, Debug)]
// The inline variant is the large one on purpose: it is what saves the
// allocation.
#[allow(clippy::large_enum_variant)]
pub enum Procs {
    Few(small::SmallMap<Pid, std::rc::Rc<Proc>, FEW>),
    Many {
        table: PidMap<std::rc::Rc<Proc>>,
        order: BTreeSet<Pid>,
    },
}

/// How many processes `Procs` holds inline.
const FEW: usize = 16;

impl Default for Procs {
    fn default() -> Procs {
        Procs::Few(small::SmallMap::default())
    }
}

/// A table keyed by pid, for what is only ever looked up by pid.
pub type PidMap<V> = HashMap<Pid, V, BuildHasherDefault<PidHasher>>;

/// Hashes a pid (one `u64`) with one multiplication: pids are distinct
/// numbers, and the table uses the hash's high bits.
#[derive(Default)]
pub struct PidHasher(u64);

impl std::hash::Hasher for PidHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// The processes in pid order.
pub enum ProcIter<'a> {
    Few(small::Iter<'a, Pid, std::rc::Rc<Proc>>),
    Many {
        pids: std::collections::btree_set::Iter<'a, Pid>,
        table: &'a PidMap<std::rc::Rc<Proc>>,
    },
}

impl<'a> Iterator for ProcIter<'a> {
    type Item = (&'a Pid, &'a Proc);

    fn next(&mut self) -> Option<(&'a Pid, &'a Proc)> {
        match self {
            ProcIter::Few(i) => i.next().map(|(p, x)| (p, &**x)),
            ProcIter::Many { pids, table } => {
                let p = pids.next()?;
                table.get(p).map(|x| (p, &**x))
            }
        }
    }
}

impl Procs {
    pub fn get(&self, p: &Pid) -> Option<&Proc> {
        match self {
            Procs::Few(m) => m.get(p),
            Procs::Many { table, .. } => table.get(p),
        }
        .map(|x| &**x)
    }

    /// The process to change (copied first if a clone shares it).
    pub fn get_mut(&mut self, p: &Pid) -> Option<&mut Proc> {
        match self {
            Procs::Few(m) => m.get_mut(p),
            Procs::Many { table, .. } => table.get_mut(p),
        }
        .map(|x| {
            let x = std::rc::Rc::make_mut(x);
            x.fp.set([0; 2]);
            x.known = Known::default();
            x
        })
    }

    pub fn contains_key(&self, p: &Pid) -> bool {
        self.get(p).is_some()
    }

    pub fn insert(&mut self, p: Pid, mut x: Proc) {
        x.fp.set([0; 2]);
        x.known = Known::default();
        let x = std::rc::Rc::new(x);
        if let Procs::Few(m) = self {
            if m.len() >= FEW && !m.contains_key(&p) {
                let few = std::mem::take(m);
                *self = Procs::Many {
                    order: few.keys().copied().collect(),
                    table: few.iter().map(|(k, v)| (*k, v.clone())).collect(),
                };
            }
        }
        match self {
            Procs::Few(m) => {
                m.insert(p, x);
            }
            Procs::Many { table, order } => {
                table.insert(p, x);
                order.insert(p);
            }
        }
    }

    pub fn remove(&mut self, p: &Pid) -> Option<Proc> {
        match self {
            Procs::Few(m) => m.remove(p),
            Procs::Many { table, order } => {
                order.remove(p);
                table.remove(p)
            }
        }
        .map(std::rc::Rc::unwrap_or_clone)
    }

    pub fn len(&self) -> usize {
        match self {
            Procs::Few(m) => m.len(),
            Procs::Many { table, .. } => table.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn keys(&self) -> impl Iterator<Item = &Pid> {
        self.iter().map(|(p, _)| p)
    }

    pub fn iter(&self) -> ProcIter<'_> {
        match self {
            Procs::Few(m) => ProcIter::Few(m.iter()),
            Procs::Many { table, order } => ProcIter::Many {
                pids: order.iter(),
                table,
            },
        }
    }
}

impl<'a> IntoIterator for &'a Procs {
    type Item = (&'a Pid, &'a Proc);
    type IntoIter = ProcIter<'a>;
    fn into_iter(self) -> ProcIter<'a> {
        self.iter()
    }
}

/// A process's start: module, function, arguments, captured variables.
pub type Init = (std::rc::Rc<crate::vm::Module>, u32, Vec<Term>, Vec<Term>);

#[derive(Debug)]
pub struct Proc {
    pub process: Process,
    /// How the process started: module, function, arguments, captured
    /// variables. Crash-recovery restarts it from here.
    pub init: Option<std::rc::Rc<Init>>,
    pub status: Status,
    pub links: BTreeSet<Pid>,
    /// Monitors others hold on this process: ref -> watcher.
    pub watchers: BTreeMap<u64, Pid>,
    /// Monitors this process holds: ref -> watched.
    pub watching: BTreeMap<u64, Pid>,
    pub trap_exit: bool,
    pub lamport: u64,
    pub vc: Vc,
    pub meta: VecDeque<Meta>,
    /// The options of a pending `pidlab:choose/1`.
    pub options: Vec<Term>,
    /// Marked by `pidlab:idle()`: a server that may wait forever.
    pub idle: bool,
    /// Messages sent and received so far, which crash rules count: kept
    /// through a crash, so a recovered process counts on.
    pub sends: u64,
    pub receives: u64,
    /// The hash of what of this process goes into the world's
    /// fingerprint, once taken; forgotten whenever the process may change
    /// (`Procs::get_mut`, `Procs::insert`).
    pub(crate) fp: std::cell::Cell<[u64; 2]>,
    /// The pids the process holds, once found; forgotten with `fp`.
    pub(crate) known: Known,
}

/// The pids a process holds in its live slots, mailbox and dictionary,
/// sorted: found the first time the explorer asks who can name a process,
/// and kept (shared by every world that shares the process) until the
/// process changes. A copy starts without them: it is about to change.
#[derive(Debug, Default)]
pub(crate) struct Known(std::cell::OnceCell<Box<[Pid]>>);

impl Clone for Known {
    fn clone(&self) -> Known {
        Known::default()
    }
}

impl Clone for Proc {
    /// A copy whose message queues have room to grow: a process is copied
    /// when it is about to change, often by taking a message.
    fn clone(&self) -> Proc {
        Proc {
            process: self.process.clone(),
            init: self.init.clone(),
            status: self.status.clone(),
            links: self.links.clone(),
            watchers: self.watchers.clone(),
            watching: self.watching.clone(),
            trap_exit: self.trap_exit,
            lamport: self.lamport,
            vc: self.vc.clone(),
            meta: crate::vm::process::roomy_queue(&self.meta),
            options: self.options.clone(),
            idle: self.idle,
            sends: self.sends,
            receives: self.receives,
            fp: self.fp.clone(),
            known: Known::default(),
        }
    }
}

impl Proc {
    /// `Known`'s pids, found now if not yet.
    fn known_pids(&self) -> &[Pid] {
        self.known.0.get_or_init(|| {
            let mut out = vec![];
            let x = &self.process;
            x.live_slots(|i| {
                if let Some(t) = x.stack.get(i) {
                    pids_in(t, &mut out);
                }
            });
            for t in &x.mailbox {
                pids_in(t, &mut out);
            }
            for (k, v) in x.dict.iter() {
                pids_in(k, &mut out);
                pids_in(v, &mut out);
            }
            out.sort_unstable();
            out.dedup();
            out.into_boxed_slice()
        })
    }
}

/// Adds the pids in `t` to `out`.
fn pids_in(t: &Term, out: &mut Vec<Pid>) {
    any_pid(t, |p| {
        out.push(p);
        false
    });
}

/// Whether `found` says yes to a pid in `t` (stops at the first yes).
fn any_pid(t: &Term, mut found: impl FnMut(Pid) -> bool) -> bool {
    let mut stack = match t {
        Term::Pid(p) => return found(*p),
        Term::Tuple(_) | Term::Cons(_) | Term::Map(_) | Term::Fun(_) => vec![t],
        _ => return false,
    };
    while let Some(t) = stack.pop() {
        match t {
            Term::Pid(p) if found(*p) => return true,
            Term::Tuple(xs) => stack.extend(xs.iter()),
            Term::Cons(c) => {
                stack.push(&c.head);
                stack.push(&c.tail);
            }
            Term::Map(m) => {
                for (k, v) in m.iter() {
                    stack.push(k);
                    stack.push(v);
                }
            }
            Term::Fun(f) => stack.extend(f.env()),
            _ => {}
        }
    }
    false
}

#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Choice {
    /// Run a process to its next visible action.
    Run(Pid),
    /// Deliver a message (or exit signal) in flight.
    Deliver(u64),
    /// Advance virtual time to fire the earliest timeout.
    Timeout(Pid),
    /// Fire the `send_after` timer with this id.
    Timer(u64),
    /// Let virtual time pass to `t`, where the fault plan has something to
    /// do (under synchronous timing: to the start of a later round).
    Tick(u64),
    /// Give the process waiting in `pidlab:choose/1` (or `rand:uniform/1`)
    /// the option with this index.
    Choose(Pid, u32),
    /// Faults, each within the plan's odds and budgets: the link loses a
    /// message; its sender or receiver omits it; the link duplicates it;
    /// it arrives no earlier than the given time; a Byzantine sender's
    /// message is corrupted or claims another sender. The two faults with
    /// two numbers (message and time, message and claimed sender) are
    /// boxed: they are rare, and would make every choice the scheduler,
    /// the explorer's edges and schedules hold half as large again.
    Drop(u64),
    Omit(u64),
    Duplicate(u64),
    Delay(Box<(u64, u64)>),
    Corrupt(u64),
    Forge(Box<(u64, Pid)>),
    /// A process crashes, or a crashed one recovers, by a rule with odds.
    Crash(Pid),
    Recover(Pid),
}

impl Choice {
    /// Whether the choice is a fault: something the plan allows to go
    /// wrong rather than the program's own progress. A run ends when
    /// nothing but faults is enabled.
    pub fn is_fault(&self) -> bool {
        matches!(
            self,
            Choice::Drop(_)
                | Choice::Omit(_)
                | Choice::Duplicate(_)
                | Choice::Delay(..)
                | Choice::Corrupt(_)
                | Choice::Forge(..)
                | Choice::Crash(_)
                | Choice::Recover(_)
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Timer {
    pub id: u64,
    pub at: u64,
    pub from: Pid,
    pub to: Term,
    pub msg: Term,
}

/// Bounds of a world; reaching one stops the run with a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WorldLimits {
    pub max_procs: usize,
    pub max_mailbox: usize,
    pub max_steps: u64,
}

impl Default for WorldLimits {
    fn default() -> WorldLimits {
        WorldLimits {
            max_procs: 200_000,
            max_mailbox: 1_000_000,
            max_steps: 50_000_000,
        }
    }
}

#[derive(Clone, Debug)]
pub struct World {
    pub limits: WorldLimits,
    /// Why the world stopped early, when a bound was reached.
    pub stopped: Option<String>,
    /// Choices applied so far.
    pub steps: u64,
    pub code: Code,
    pub procs: Procs,
    pub network: net::Network,
    pub faults: std::rc::Rc<faults::FaultPlan>,
    /// Whether the plan's partition is in force, and the messages it holds.
    pub partitioned: bool,
    pub held: Vec<InFlight>,
    /// The seed each process's random numbers (`rand`) start from.
    pub seed: u64,
    /// Faults spent so far, against the plan's budget.
    pub losses: u64,
    pub rule_crashes: u64,
    /// Time and step rules that have fired, each once per process:
    /// (a recovery rule?, the rule's index, the process).
    pub fired: imbl::OrdSet<(bool, usize, Pid)>,
    /// Names a recovered process still holds from before its crash: its
    /// restarted code may register them again (`register/2` of a name
    /// held by the caller itself succeeds once).
    pub kept_names: imbl::OrdSet<(Pid, Atom)>,
    pub dups: u64,
    pub delays: u64,
    /// Under synchronous timing: the round, and whether its messages are
    /// being delivered (every process has taken its step).
    pub round: u64,
    pub delivering: bool,
    /// Processes that can run, and waiting processes by deadline.
    runnable: small::SmallSet<Pid, 16>,
    deadlines: BTreeSet<(u64, Pid)>,
    /// Processes waiting in `pidlab:choose/1`.
    choosing: small::SmallSet<Pid, 16>,
    /// Processes that ended (or crashed), kept for people and for
    /// recovery: shared between clones, so a long history of short-lived
    /// processes costs a clone nothing. `procs` holds the live ones.
    pub exited: imbl::OrdMap<Pid, std::rc::Rc<Proc>>,
    pub timers: Vec<Timer>,
    pub registry: BTreeMap<Atom, Pid>,
    pub time: u64,
    /// Every event so far, shared between clones (time travel keeps
    /// many worlds whose traces differ only at the end).
    pub trace: imbl::Vector<Event>,
    /// Whether `trace` keeps every event (off for long runs; `apply` still returns them).
    pub keep_trace: bool,
    /// Whether vector clocks and causal predecessors are kept: a vector
    /// clock costs time in the number of processes that causally reach it,
    /// so runs nobody traces skip both.
    pub track_vc: bool,
    fresh: Vec<Event>,
    next_event: u64,
    pub reductions: u64,
    /// The virtual time and reductions at the last `statistics/1` call.
    stats_since: (u64, u64),
    /// How the first process ended: its value or its exception.
    pub main_result: Option<Result<Term, Exception>>,
    /// Other processes that died of an exception (erl logs these).
    pub crashes: imbl::Vector<(Pid, Exception)>,
    /// The REPL's shell process, and how its last input ended.
    pub shell: Option<Pid>,
    pub shell_result: Option<Result<Term, Exception>>,
    /// The status `erlang:halt` ended the run with; nothing happens after.
    pub halted: Option<u8>,
    /// Each process's latest event, and the send event of each message.
    pub(crate) last_event: imbl::OrdMap<Pid, u64>,
    pub(crate) send_event: imbl::OrdMap<u64, u64>,
    /// The deliver event of each message delivered but not yet received.
    deliver_event: BTreeMap<u64, u64>,
    next_pid: u32,
    next_msg: u64,
    next_ref: u64,
    /// Whether a process has read the clock (then absolute time counts
    /// in the fingerprint).
    clock_read: bool,
    /// Empty every dead slot after each step (a check of the compiler's
    /// liveness pass; it changes nothing a program does).
    pub scrub_dead_slots: bool,
    /// Whether the last `apply` read or changed state other processes
    /// share: the registry, the pid and reference counters, the clock,
    /// links and monitors, other processes' information (the explorer's
    /// reduction treats such a step as dependent on every other).
    pub shared: bool,
}

fn tagged(tag: &str, items: Vec<Term>) -> Term {
    let mut v = vec![Term::atom(tag)];
    v.extend(items);
    Term::tuple(v)
}

impl World {
    pub fn new(code: Code) -> World {
        World {
            limits: WorldLimits::default(),
            stopped: None,
            steps: 0,
            code,
            procs: Procs::default(),
            network: net::Network::default(),
            faults: std::rc::Rc::default(),
            partitioned: false,
            held: vec![],
            seed: sched::DEFAULT_SEED,
            losses: 0,
            rule_crashes: 0,
            fired: imbl::OrdSet::new(),
            kept_names: imbl::OrdSet::new(),
            dups: 0,
            delays: 0,
            round: 0,
            delivering: false,
            runnable: small::SmallSet::default(),
            deadlines: BTreeSet::new(),
            exited: imbl::OrdMap::new(),
            choosing: small::SmallSet::default(),
            timers: vec![],
            registry: BTreeMap::new(),
            time: 0,
            trace: imbl::Vector::new(),
            keep_trace: true,
            track_vc: true,
            fresh: vec![],
            next_event: 0,
            reductions: 0,
            stats_since: (0, 0),
            main_result: None,
            crashes: imbl::Vector::new(),
            shell: None,
            shell_result: None,
            halted: None,
            last_event: imbl::OrdMap::new(),
            send_event: imbl::OrdMap::new(),
            deliver_event: BTreeMap::new(),
            next_pid: MAIN_PID.number(),
            next_msg: 0,
            next_ref: 0,
            clock_read: false,
            scrub_dead_slots: false,
            shared: false,
        }
    }

    fn fresh_pid(&mut self) -> Pid {
        let p = Pid(u64::from(self.next_pid));
        self.next_pid += 1;
        p
    }

    /// Starts a process running `fun` (a fun of arity 0) or `m:f(args)`.
    pub fn spawn_process(&mut self, parent: Option<Pid>, start: Start) -> Result<Pid, Exception> {
        if self.procs.len() >= self.limits.max_procs {
            self.stopped = Some(format!(
                "the world reached its bound of {} live processes (raise it with --max-procs)",
                self.limits.max_procs
            ));
            return Err(Exception::system_limit());
        }
        let pid = self.fresh_pid();
        let (module, func, args, env) = match start {
            Start::Call(module, func, args) => (module, func, args, vec![]),
            Start::Fun(f) => match &f {
                Term::Fun(fun) => match &**fun {
                    Fun::Closure {
                        module,
                        index,
                        uniq,
                        env,
                        arity,
                        ..
                    } if *arity == 0 => {
                        let m = self
                            .code
                            .get(*module)
                            .filter(|m| m.uniq == *uniq)
                            .cloned()
                            .ok_or_else(|| Exception::tagged("badfun", f.clone()))?;
                        (m, *index, vec![], env.clone())
                    }
                    Fun::Export {
                        module,
                        function,
                        arity: 0,
                    } => {
                        let (m, i) = self
                            .code
                            .export(*module, *function, 0)
                            .ok_or_else(|| Exception::error(Term::Atom(atoms::undef())))?;
                        (m, i, vec![], vec![])
                    }
                    _ => return Err(Exception::badarg()),
                },
                _ => return Err(Exception::badarg()),
            },
        };
        let mut process = Process::new(pid, module.clone(), func, args.clone(), &env);
        process.rand = crate::bif::rand::initial_state(self.seed, pid.number());
        let init = Some(std::rc::Rc::new((module, func, args, env)));
        let (lamport, vc) = match parent.and_then(|p| self.procs.get(&p)) {
            Some(pp) => (pp.lamport, pp.vc.clone()),
            None => (0, Vc::new()),
        };
        self.procs.insert(
            pid,
            Proc {
                process,
                init,
                status: Status::Runnable,
                links: BTreeSet::new(),
                watchers: BTreeMap::new(),
                watching: BTreeMap::new(),
                trap_exit: false,
                lamport,
                vc,
                meta: VecDeque::new(),
                options: vec![],
                idle: false,
                sends: 0,
                receives: 0,
                fp: std::cell::Cell::new([0; 2]),
                known: Known::default(),
            },
        );
        self.runnable.insert(pid);
        Ok(pid)
    }

    /// Starts the next shell input: `module:func(args)` in the shell process
    /// (made on first use), which keeps its pid, mailbox and links.
    pub fn shell_eval(
        &mut self,
        module: std::rc::Rc<crate::vm::Module>,
        func: u32,
        args: Vec<Term>,
    ) -> Result<Pid, Exception> {
        self.shell_result = None;
        let pid = match self.shell.filter(|p| self.is_alive(*p)) {
            Some(pid) => {
                if let Some(p) = self.procs.get_mut(&pid) {
                    let mut fresh = Process::new(pid, module, func, args, &[]);
                    fresh.mailbox = std::mem::take(&mut p.process.mailbox);
                    fresh.rand = p.process.rand;
                    fresh.dict = std::mem::take(&mut p.process.dict);
                    p.process = fresh;
                }
                self.set_status(pid, Status::Runnable);
                pid
            }
            None => {
                let pid = self.spawn_process(None, Start::Call(module, func, args))?;
                self.shell = Some(pid);
                pid
            }
        };
        Ok(pid)
    }

    /// Changes a live process's status, keeping the scheduling indexes
    /// true. A process that exits moves to `exited`.
    pub fn set_status(&mut self, pid: Pid, new: Status) {
        self.unschedule(pid, new.clone());
        match new {
            Status::Runnable => {
                self.runnable.insert(pid);
            }
            Status::Waiting {
                deadline: Some(d), ..
            } => {
                self.deadlines.insert((d, pid));
            }
            Status::Choosing => {
                self.choosing.insert(pid);
            }
            Status::Waiting { deadline: None, .. } | Status::Idle => {}
            Status::Exited(reason) => self.retire(pid, &reason),
        }
    }

    /// Sets a live process's status to `new`, taking it out of the
    /// scheduling indexes its old status put it in.
    pub(super) fn unschedule(&mut self, pid: Pid, new: Status) {
        let Some(p) = self.procs.get_mut(&pid) else {
            return;
        };
        match std::mem::replace(&mut p.status, new) {
            Status::Runnable => {
                self.runnable.remove(&pid);
            }
            Status::Waiting {
                deadline: Some(d), ..
            } => {
                self.deadlines.remove(&(d, pid));
            }
            Status::Choosing => {
                self.choosing.remove(&pid);
            }
            Status::Waiting { deadline: None, .. } | Status::Idle | Status::Exited(_) => {}
        }
    }

    /// Moves an ended process to `exited`, keeping what people and
    /// recovery need: its clocks, links and monitors (a crash-stop crash
    /// tells nobody, so they stand until it recovers) and, for a crash,
    /// how it started.
    pub(super) fn retire(&mut self, pid: Pid, reason: &Term) {
        let Some(mut p) = self.procs.remove(&pid) else {
            return;
        };
        let crashed = reason.is_atom("crashed");
        p.process.end();
        p.meta.clear();
        p.options.clear();
        if !crashed {
            p.init = None;
        }
        self.exited.insert(pid, std::rc::Rc::new(p));
    }

    /// Whether some other live process could name `p`: it is registered,
    /// or its pid is in another process's live slots, mailbox or
    /// dictionary, in a message in flight or held, or in a timer.
    /// How many message ids the world has handed out: a step that sends
    /// (or fires a timer, or duplicates) makes the next ones.
    pub fn messages_made(&self) -> u64 {
        self.next_msg
    }

    pub fn pid_known(&self, p: Pid) -> bool {
        self.pid_known_except(p, &[])
    }

    /// `pid_known`, not counting what the processes in `except` hold.
    pub fn pid_known_except(&self, p: Pid, except: &[Pid]) -> bool {
        if self.registered_name(p).is_some() {
            return true;
        }
        let has = |t: &Term| any_pid(t, |q| q == p);
        // A message on its way to p tells nobody p's pid but its sender.
        let payload = |m: &InFlight| match &m.payload {
            Payload::Message(t) | Payload::Exit(t) => has(t),
            Payload::Kill => false,
        };
        self.procs.iter().any(|(q, x)| {
            *q != p && !except.contains(q) && x.known_pids().binary_search(&p).is_ok()
        }) || self.network.iter().any(payload)
            || self.held.iter().any(payload)
            || self.timers.iter().any(|t| has(&t.to) || has(&t.msg))
    }

    /// A process, live or ended.
    pub fn process(&self, pid: Pid) -> Option<&Proc> {
        self.procs
            .get(&pid)
            .or_else(|| self.exited.get(&pid).map(|p| &**p))
    }

    /// Every process there has been, live or ended, in pid order.
    pub fn processes(&self) -> Vec<(Pid, &Proc)> {
        let mut all: Vec<(Pid, &Proc)> = self.procs.iter().map(|(p, x)| (*p, x)).collect();
        all.extend(self.exited.iter().map(|(p, x)| (*p, &**x)));
        all.sort_by_key(|(p, _)| *p);
        all
    }

    /// Records a process event, ticking its clocks by the lecture's rules.
    /// `received` merges the clocks of a received message first.
    fn process_event(&mut self, pid: Pid, kind: Kind, received: Option<&(u64, Vc)>) -> u64 {
        let (lamport, vc) = match self.procs.get_mut(&pid) {
            Some(p) => {
                if let Some((l, v)) = received {
                    p.lamport = p.lamport.max(*l);
                    if self.track_vc {
                        p.vc.merge(v);
                    }
                }
                p.lamport += 1;
                if self.track_vc {
                    p.vc.tick(pid);
                    (p.lamport, p.vc.clone())
                } else {
                    (p.lamport, Vc::new())
                }
            }
            None => (0, Vc::new()),
        };
        let id = self.next_event + 1;
        // Causal predecessors: the process's previous event (for a new
        // process, its parent's spawn) and, for a receive, the send.
        // Untraced runs (no vector clocks) keep no causal bookkeeping either.
        let mut preds = vec![];
        if self.track_vc {
            preds.extend(self.last_event.insert(pid, id));
            if let Kind::Receive { msg, .. } | Kind::Signal { msg, .. } = &kind {
                // A message is received once: its send is needed no more.
                preds.extend(self.send_event.remove(msg));
                // A delivery comes between its send and its receive.
                preds.extend(self.deliver_event.remove(msg));
            }
            if let Kind::Send { msg, .. } = &kind {
                self.send_event.insert(*msg, id);
            }
            if let Kind::Spawn { child } = &kind {
                self.last_event.insert(*child, id);
            }
        }
        self.push_event(pid, kind, Some((lamport, vc)), preds)
    }

    fn push_event(
        &mut self,
        pid: Pid,
        kind: Kind,
        clock: Option<(u64, Vc)>,
        preds: Vec<u64>,
    ) -> u64 {
        self.next_event += 1;
        let e = Event {
            id: self.next_event,
            proc: pid,
            kind,
            time: self.time,
            clock,
            preds: preds.into(),
        };
        let id = e.id;
        if self.keep_trace {
            self.trace.push_back(e.clone());
        }
        self.fresh.push(e);
        id
    }

    /// The name `p` is registered under, if any.
    pub fn registered_name(&self, p: Pid) -> Option<Atom> {
        self.registry
            .iter()
            .find(|(_, q)| **q == p)
            .map(|(name, _)| *name)
    }

    pub fn is_alive(&self, p: Pid) -> bool {
        self.procs
            .get(&p)
            .is_some_and(|x| !matches!(x.status, Status::Exited(_)))
    }

    /// Every choice possible now, in a fixed order: the program's own
    /// progress (run, deliver, timeouts, timers, options of
    /// `pidlab:choose/1`) and then the faults the plan allows. Time
    /// passes (a timeout, timer or plan time that is not due yet) only
    /// when no progress is possible.
    pub fn enabled(&self) -> Vec<Choice> {
        // Room for every process's step and every message: one allocation.
        let mut out = Vec::with_capacity(self.procs.len() + self.network.len() + 2);
        self.enabled_into(&mut out);
        out
    }

    /// `enabled()` written into `out` (cleared first), so that a caller
    /// that asks at every step can reuse one vector.
    pub fn enabled_into(&self, out: &mut Vec<Choice>) {
        out.clear();
        if self.halted.is_some() || self.stopped.is_some() {
            return;
        }
        if matches!(self.faults.timing, faults::Timing::Sync { .. }) {
            self.progress_in_rounds(out);
        } else {
            self.progress(out);
        }
        if out.is_empty() {
            out.extend(self.next_timeout().map(|c| match (self.round_len(), c) {
                // Under synchronous timing time passes a round at a time.
                (Some(_), Choice::Timeout(p)) => Choice::Tick(self.deadline_of(p)),
                (Some(_), Choice::Timer(id)) => Choice::Tick(self.timer_at(id)),
                (Some(_), Choice::Deliver(id)) => Choice::Tick(self.network.arrival(id)),
                (_, c) => c,
            }));
        }
        self.fault_choices(out);
    }

    /// Processes that can run and options waiting to be chosen.
    fn steps(&self, out: &mut Vec<Choice>) {
        out.extend(self.runnable.iter().map(|p| Choice::Run(*p)));
        for pid in &self.choosing {
            if let Some(p) = self.procs.get(pid) {
                let n = u32::try_from(p.options.len()).unwrap_or(u32::MAX);
                out.extend((0..n).map(|i| Choice::Choose(*pid, i)));
            }
        }
    }

    /// Messages that can be delivered now: on Erlang links only the oldest
    /// of each sender/receiver pair; the other link models promise no order.
    fn deliveries(&self, out: &mut Vec<Choice>) {
        let now = self.time;
        if self.fifo() {
            out.extend(
                self.network
                    .heads()
                    .filter(|id| self.network.arrival(*id) <= now)
                    .map(Choice::Deliver),
            );
        } else {
            out.extend(
                self.network
                    .iter()
                    .filter(|m| self.network.arrival(m.id) <= now)
                    .map(|m| Choice::Deliver(m.id)),
            );
        }
    }

    /// Progress under asynchronous (and local) timing: anything, in any order.
    fn progress(&self, out: &mut Vec<Choice>) {
        self.steps(out);
        self.deliveries(out);
        // A timeout already due fires once nothing is on its way to the process.
        let now = self.time;
        for (_, pid) in self.deadlines.range(..=(now, Pid(u64::MAX))) {
            if !self.network.has_arrived_for(*pid, now, self.fifo()) {
                out.push(Choice::Timeout(*pid));
            }
        }
    }

    /// Progress under synchronous timing, in lockstep rounds: first every
    /// process takes its step of the round (runs until it waits), then the
    /// round's messages are delivered, then the next round starts.
    fn progress_in_rounds(&self, out: &mut Vec<Choice>) {
        if !self.delivering {
            self.steps(out);
            let now = self.time;
            out.extend(
                self.deadlines
                    .range(..=(now, Pid(u64::MAX)))
                    .map(|(_, p)| Choice::Timeout(*p)),
            );
            out.extend(
                self.timers
                    .iter()
                    .filter(|t| t.at <= now)
                    .map(|t| Choice::Timer(t.id)),
            );
            if !out.is_empty() {
                return;
            }
        }
        self.deliveries(out);
    }

    fn deadline_of(&self, pid: Pid) -> u64 {
        match self.procs.get(&pid).map(|p| &p.status) {
            Some(Status::Waiting {
                deadline: Some(d), ..
            }) => *d,
            _ => self.time,
        }
    }

    fn timer_at(&self, id: u64) -> u64 {
        self.timers
            .iter()
            .find(|t| t.id == id)
            .map_or(self.time, |t| t.at)
    }

    /// The length of a round under synchronous timing.
    pub fn round_len(&self) -> Option<u64> {
        match self.faults.timing {
            faults::Timing::Sync { delta } => Some(delta.max(1)),
            _ => None,
        }
    }

    /// Under synchronous timing, moves the round on once its processes
    /// have all taken their step (its messages are then delivered) and
    /// once its messages have all arrived (the next round starts).
    fn next_phase(&mut self) {
        let Some(len) = self.round_len() else {
            return;
        };
        if !self.delivering {
            let mut steps = vec![];
            self.steps(&mut steps);
            let now = self.time;
            let due = self.deadlines.first().is_some_and(|(d, _)| *d <= now)
                || self.timers.iter().any(|t| t.at <= now);
            if steps.is_empty() && !due && !self.network.is_empty() {
                self.delivering = true;
            }
        } else if self.network.is_empty() {
            self.delivering = false;
            self.start_round(self.round + 1, len);
        }
    }

    /// Starts round `n`, at virtual time `n * len`.
    fn start_round(&mut self, n: u64, len: u64) {
        self.round = n;
        self.time = self.time.max(n.saturating_mul(len));
        let at = self.network_event_owner();
        self.push_event(at, Kind::Round { n }, None, vec![]);
    }

    /// The earliest pending timeout: time advances only when nothing else can happen.
    fn next_timeout(&self) -> Option<Choice> {
        let procs = self
            .deadlines
            .first()
            .map(|(d, pid)| (*d, 0, pid.0, Choice::Timeout(*pid)));
        let timers = self
            .timers
            .iter()
            .map(|t| (t.at, 1, t.id, Choice::Timer(t.id)));
        // A delayed message is a time-driven choice too; on Erlang links only a pair's oldest.
        let arrival = self
            .network
            .next_arrival(self.time)
            .map(|(at, id)| (at, 2, id, Choice::Deliver(id)));
        let timers = timers.chain(arrival);
        let plan = self.plan_times().map(|t| (t, 3, t, Choice::Tick(t)));
        let timers = timers.chain(plan);
        procs
            .into_iter()
            .chain(timers)
            .min_by_key(|(at, kind, id, _)| (*at, *kind, *id))
            .map(|(_, _, _, c)| c)
    }

    /// Hands back the vector `apply` returned, once its events are read,
    /// so that the next step reuses its memory instead of allocating.
    pub fn recycle(&mut self, mut events: Vec<Event>) {
        if self.fresh.capacity() == 0 {
            events.clear();
            self.fresh = events;
        }
    }

    /// Performs one choice and returns the events it made.
    pub fn apply(&mut self, choice: &Choice) -> Vec<Event> {
        self.fresh.clear();
        self.shared = false;
        self.steps += 1;
        if self.steps > self.limits.max_steps {
            self.stopped = Some(format!(
                "the run reached its bound of {} steps (raise it with --max-steps)",
                self.limits.max_steps
            ));
        }
        self.check_time_crashes();
        match choice {
            Choice::Run(pid) => self.run(*pid),
            Choice::Deliver(id) => self.deliver(*id),
            Choice::Timeout(pid) => self.timeout(*pid),
            Choice::Timer(id) => self.fire_timer(*id),
            Choice::Tick(t) => {
                match self.round_len() {
                    // The first round that starts at or after `t`.
                    Some(len) => self.start_round(t.div_ceil(len), len),
                    None => self.time = self.time.max(*t),
                }
                self.check_time_crashes();
            }
            Choice::Choose(pid, i) => self.choose(*pid, *i),
            fault => {
                self.apply_fault(fault);
            }
        }
        self.next_phase();
        std::mem::take(&mut self.fresh)
    }

    /// Answers a pending `pidlab:choose/1` with option `i`.
    fn choose(&mut self, pid: Pid, i: u32) {
        let Some(p) = self.procs.get_mut(&pid) else {
            return;
        };
        if p.status != Status::Choosing {
            return;
        }
        let Some(v) = p.options.get(i as usize).cloned() else {
            return;
        };
        p.options.clear();
        p.process.resume_with(v);
        self.set_status(pid, Status::Runnable);
    }

    fn timeout(&mut self, pid: Pid) {
        let Some(p) = self.procs.get_mut(&pid) else {
            return;
        };
        if let Status::Waiting {
            deadline: Some(d),
            sleeping,
        } = p.status
        {
            self.time = self.time.max(d);
            if sleeping {
                p.process.resume_with(Term::ok());
            } else {
                p.process.wake = Some(Wake::Timeout);
            }
            self.set_status(pid, Status::Runnable);
            if !sleeping {
                self.process_event(pid, Kind::Timeout, None);
            }
        }
    }

    fn fire_timer(&mut self, id: u64) {
        let Some(i) = self.timers.iter().position(|t| t.id == id) else {
            return;
        };
        let t = self.timers.remove(i);
        self.time = self.time.max(t.at);
        if let Some(to) = self.resolve(&t.to) {
            let clock = self
                .procs
                .get(&t.from)
                .map(|p| (p.lamport, p.vc.clone()))
                .unwrap_or_default();
            self.next_msg += 1;
            let m = InFlight {
                id: self.next_msg,
                from: t.from,
                to,
                payload: Payload::Message(t.msg),
                clock,
            };
            self.network.push(m);
        }
    }

    fn resolve(&self, to: &Term) -> Option<Pid> {
        match to {
            Term::Pid(p) => Some(*p),
            Term::Atom(a) => self.registry.get(a).copied(),
            _ => None,
        }
    }

    pub(super) fn deliver(&mut self, id: u64) {
        let at = self.network.arrival(id);
        let Some(m) = self.network.take(id) else {
            return;
        };
        self.time = self.time.max(at);
        if !self.is_alive(m.to) {
            // Erlang discards it; the trace shows where it went.
            let preds: Vec<u64> = self.send_event.get(&m.id).copied().into_iter().collect();
            self.push_event(m.from, Kind::Drop { msg: m.id }, None, preds);
            return;
        }
        match m.payload {
            Payload::Message(term) => {
                let preds: Vec<u64> = self.send_event.get(&m.id).copied().into_iter().collect();
                let e = self.push_event(
                    m.to,
                    Kind::Deliver {
                        msg: m.id,
                        to: m.to,
                    },
                    None,
                    preds,
                );
                if self.track_vc {
                    self.deliver_event.insert(m.id, e);
                }
                self.enqueue(
                    m.to,
                    term,
                    Meta {
                        id: m.id,
                        clock: m.clock,
                    },
                );
            }
            Payload::Exit(reason) => self.exit_signal(m.from, m.to, reason, false, m.id, m.clock),
            Payload::Kill => {
                self.exit_signal(m.from, m.to, Term::Atom(atoms::kill()), true, m.id, m.clock)
            }
        }
    }

    /// Puts a message in a mailbox and wakes a receiver waiting for one.
    fn enqueue(&mut self, to: Pid, term: Term, meta: Meta) {
        let max = self.limits.max_mailbox;
        if let Some(p) = self.procs.get_mut(&to) {
            if p.process.mailbox.len() >= max {
                self.stopped = Some(format!(
                    "the mailbox of {} reached its bound of {max} messages (raise it with --max-mailbox)",
                    event::pid_text(to)
                ));
                return;
            }
            p.process.mailbox.push_back(term);
            p.meta.push_back(meta);
            if let Status::Waiting {
                sleeping: false, ..
            } = p.status
            {
                p.process.wake = Some(Wake::Message);
                self.set_status(to, Status::Runnable);
            }
        }
    }

    /// Sends `payload` from `from` to `to`: a send event and a message in flight.
    fn send(&mut self, from: Pid, to: Pid, payload: Payload) {
        self.next_msg += 1;
        let id = self.next_msg;
        let term = match &payload {
            Payload::Message(t) => t.clone(),
            Payload::Exit(r) => tagged("EXIT", vec![Term::Pid(from), r.clone()]),
            Payload::Kill => tagged("EXIT", vec![Term::Pid(from), Term::Atom(atoms::kill())]),
        };
        let is_message = matches!(payload, Payload::Message(_));
        let e = self.process_event(from, Kind::Send { msg: id, to, term }, None);
        // The send's clock, which the message carries.
        let clock = self
            .fresh
            .last()
            .and_then(|e| e.clock.clone())
            .unwrap_or_default();
        let m = InFlight {
            id,
            from,
            to,
            payload,
            clock,
        };
        if is_message {
            self.network_send(m, e);
            if let Some(p) = self.procs.get_mut(&from) {
                p.sends += 1;
            }
            self.check_crash(from);
        } else {
            self.network.push(m);
        }
    }

    fn run(&mut self, pid: Pid) {
        let Some(p) = self.procs.get_mut(&pid) else {
            return;
        };
        if p.status != Status::Runnable {
            return;
        }
        let mut ctx = BifCtx {
            pid: Some(pid),
            output: String::new(),
            next_ref: self.next_ref,
            rand: p.process.rand,
            now_ms: self.time,
            read_clock: false,
            dict: std::mem::take(&mut p.process.dict),
        };
        let before = p.process.reductions;
        let stop = p.process.run(&self.code, &mut ctx, SLICE);
        p.process.rand = ctx.rand;
        p.process.dict = std::mem::take(&mut ctx.dict);
        self.reductions += p.process.reductions.saturating_sub(before);
        self.shared |= ctx.read_clock || self.next_ref != ctx.next_ref;
        self.next_ref = ctx.next_ref;
        self.clock_read |= ctx.read_clock;
        if !ctx.output.is_empty() {
            self.process_event(pid, Kind::Output { text: ctx.output }, None);
        }
        match stop {
            Stop::Yield => {}
            Stop::Exit(Ok(v)) if Some(pid) == self.shell => {
                // The shell survives its inputs: it goes idle with its mailbox.
                self.shell_result = Some(Ok(v));
                self.set_status(pid, Status::Idle);
            }
            Stop::Exit(Err(e)) if Some(pid) == self.shell => {
                // As in erl, an exception ends the shell process (its links
                // hear of it); the session starts a fresh one.
                let reason = e.exit_reason();
                self.shell_result = Some(Err(e.clone()));
                self.exit_process(pid, reason, Some(e));
            }
            Stop::Exit(Ok(v)) => {
                if pid == MAIN_PID {
                    self.main_result = Some(Ok(v));
                }
                self.exit_process(pid, Term::Atom(atoms::normal()), None);
            }
            Stop::Exit(Err(e)) => {
                let reason = e.exit_reason();
                if pid == MAIN_PID {
                    self.main_result = Some(Err(e.clone()));
                } else if e.class != crate::vm::Class::Exit {
                    self.crashes.push_back((pid, e.clone()));
                }
                self.exit_process(pid, reason, Some(e));
            }
            Stop::Wait(t) => {
                let deadline = t.map(|ms| self.time + ms);
                self.set_status(
                    pid,
                    Status::Waiting {
                        deadline,
                        sleeping: false,
                    },
                );
            }
            Stop::Effect(Effect::Output(text)) => {
                self.process_event(pid, Kind::Output { text }, None);
            }
            Stop::Effect(Effect::Send { to, msg }) => {
                // A send by name reads the registry.
                self.shared |= !matches!(to, Term::Pid(_));
                self.send_to(pid, &to, msg);
            }
            Stop::Effect(Effect::Received { index, msg }) => {
                let meta = self.procs.get_mut(&pid).and_then(|p| {
                    let meta = p.meta.remove(index)?;
                    p.receives += 1;
                    Some(meta)
                });
                if let Some(meta) = meta {
                    self.process_event(
                        pid,
                        Kind::Receive {
                            msg: meta.id,
                            term: msg,
                        },
                        Some(&meta.clock),
                    );
                    self.check_crash(pid);
                }
            }
            Stop::Effect(Effect::Bif {
                module,
                function,
                args,
            }) => {
                // Every world built-in but `pidlab:choose/1` and `emit/1`
                // (an event of its own) reads or changes what other
                // processes can see.
                self.shared |=
                    !(module.name() == "pidlab" && matches!(function.name(), "choose" | "emit"));
                let r = self.world_bif(pid, module, function, &args);
                if let Some(p) = self.procs.get_mut(&pid) {
                    match r {
                        Ok(Some(v)) => p.process.resume_with(v),
                        Ok(None) => {}
                        Err(e) => p.process.resume_error(e),
                    }
                }
            }
        }
        if self.scrub_dead_slots {
            if let Some(p) = self.procs.get_mut(&pid) {
                p.process.scrub_dead_slots();
            }
        }
    }

    /// `to ! msg` from `pid`: a send, or `badarg` in the sender when the
    /// name is not registered.
    fn send_to(&mut self, pid: Pid, to: &Term, msg: Term) {
        match self.resolve(to) {
            Some(dest) => self.send(pid, dest, Payload::Message(msg)),
            None => {
                if let Some(p) = self.procs.get_mut(&pid) {
                    p.process.kill(Exception::badarg());
                }
            }
        }
    }

    pub fn make_ref(&mut self) -> Term {
        self.next_ref += 1;
        Term::Ref(Ref(self.next_ref))
    }
}

/// How a new process starts.
pub enum Start {
    Call(std::rc::Rc<crate::vm::Module>, u32, Vec<Term>),
    Fun(Term),
}
