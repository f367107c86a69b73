//! Running compiled code: loading a module and calling its entry point in a
//! world until main ends (or, asked to wait, until nothing can happen), and
//! evaluating shell expressions. Output, events and crashes are handed to
//! hooks as they happen; nothing here prints. Also the words of a run's
//! end: crash diagnostics, erl's error reports, the processes a run had.

use crate::diag::Diagnostic;
use crate::diag::Span;
use crate::term::{Atom, Pid, Term};
use crate::vm::exception::{Class, Exception};
use crate::vm::{Code, Module};
use crate::world::event::{alias, Event, Kind};
use crate::world::faults::FaultPlan;
use crate::world::sched::Sched;
use crate::world::{Start, Status, World};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// Bounds and scheduling of one run.
#[derive(Clone, Debug)]
pub struct RunLimits {
    pub max_reductions: u64,
    pub sched: Sched,
}

impl Default for RunLimits {
    fn default() -> RunLimits {
        RunLimits {
            max_reductions: 2_000_000_000,
            sched: Sched::random(crate::world::sched::DEFAULT_SEED),
        }
    }
}

/// How a run ended.
#[derive(Debug)]
pub enum Outcome {
    Returned(Term),
    Crashed(Exception),
    /// Nothing can happen and the main process waits in `receive`.
    Deadlock {
        line: usize,
        span: Span,
        blocked: Vec<String>,
    },
    ReductionLimit(u64),
    /// A bound of the world was reached (processes, mailbox, steps).
    Bound(String),
    /// A process called `erlang:halt` with this status.
    Halted(u8),
    /// A replayed schedule ended after this many choices.
    ScheduleEnd(usize),
}

pub use crate::world::MAIN_PID;

/// A code table with the prelude loaded.
pub fn new_code() -> Code {
    let mut code = Code::new(&crate::bif::BUILTINS);
    crate::prelude::load(&mut code);
    code
}

/// Where a waiting process waits: its line and span.
pub fn waiting_at(p: &crate::vm::Process) -> (usize, Span) {
    p.frames
        .last()
        .and_then(|f| {
            f.module
                .function(f.func)
                .map(|c| (c.span_at(f.pc as usize), f.module.clone()))
        })
        .map(|(s, m)| (m.line_of(s.lo), s))
        .unwrap_or_default()
}

/// Every process waiting in `receive`, with the line it waits at
/// (sleeping processes wait for no message).
pub fn blocked_in_receive(world: &World) -> Vec<(Pid, usize)> {
    world
        .procs
        .iter()
        .filter(|(_, p)| {
            matches!(
                p.status,
                Status::Waiting {
                    sleeping: false,
                    ..
                }
            )
        })
        .map(|(pid, p)| (*pid, waiting_at(&p.process).0))
        .collect()
}

/// The report of a deadlock: `who` waits forever in `receive` at `span`
/// (on `line`), and each process in `blocked` is a note.
pub fn deadlock_diagnostic(who: &str, line: usize, span: Span, blocked: &[String]) -> Diagnostic {
    let mut d = Diagnostic::error(format!(
        "deadlock: {who} waits forever in `receive` (line {line})"
    ))
    .at(span, "waiting here")
    .help("no process can send the message it waits for; add an `after` clause or send the message first");
    for b in blocked {
        d = d.note(b.clone());
    }
    d
}

/// Runs `module:function(args)` as the main process of a fresh world until
/// it ends (other processes stop with it, as under `erl -eval ... halt()`).
pub fn run_call(
    code: &Code,
    module: &Rc<Module>,
    func: u32,
    args: Vec<Term>,
    limits: RunLimits,
    sink: &mut dyn FnMut(&str),
) -> Outcome {
    let mut world = World::new(code.clone());
    // Nobody reads this run's trace: keep neither it nor vector clocks, as
    // `pidlab run` does without `--trace` (a trace grows with every event).
    world.keep_trace = false;
    world.track_vc = false;
    run_world(&mut world, module, func, args, limits, sink, &mut |_| {})
}

/// Like `run_call` on a given world, reporting every event as it happens.
pub fn run_world(
    world: &mut World,
    module: &Rc<Module>,
    func: u32,
    args: Vec<Term>,
    limits: RunLimits,
    sink: &mut dyn FnMut(&str),
    on_event: &mut dyn FnMut(&Event),
) -> Outcome {
    let hooks = Hooks {
        output: sink,
        event: on_event,
        crash: &mut |_, _, _| {},
    };
    run_main(world, module, func, args, limits, false, hooks).outcome
}

/// Where a run's output, events and crashes go, as they happen.
pub struct Hooks<'a> {
    /// Text the processes print.
    pub output: &'a mut dyn FnMut(&str),
    /// Every event, in order.
    pub event: &'a mut dyn FnMut(&Event),
    /// A process other than main died of an uncaught error or throw (not
    /// `exit/1`), at this virtual time: erl logs an error report for it.
    pub crash: &'a mut dyn FnMut(Pid, &Exception, u64),
}

/// How a run of `main` ended, with what the command line tells beside it.
#[derive(Debug)]
pub struct RunReport {
    pub outcome: Outcome,
    /// Every process the run had and the names it was registered under.
    pub roster: Roster,
    /// Processes that could still do something when the run ended: they
    /// can run, wait for a time, or have a message or timer on its way.
    pub still_running: Vec<Pid>,
}

/// Runs `module:function(args)` as the main process of `world`, as
/// `run_world` does. With `wait`, a run whose main returns goes on until
/// nothing can happen (within the same bounds) instead of ending there.
pub fn run_main(
    world: &mut World,
    module: &Rc<Module>,
    func: u32,
    args: Vec<Term>,
    limits: RunLimits,
    wait: bool,
    hooks: Hooks<'_>,
) -> RunReport {
    let mut roster = Roster::default();
    // A plan checked when it was read; a fun that does not compile here
    // leaves messages unchanged.
    let _ = load_adversary(world);
    let outcome = drive(world, module, func, args, &limits, wait, hooks, &mut roster);
    roster.note_procs(world);
    RunReport {
        outcome,
        roster,
        still_running: still_running(world),
    }
}

/// Compiles the adversary's fun into a module `pidlab_adversary` with
/// `rewrite/1`, or says what is wrong with it.
pub fn compile_adversary(fun_src: &str) -> Result<Module, Vec<crate::diag::Diagnostic>> {
    let src = format!(
        "-module(pidlab_adversary).\n-export([rewrite/1]).\nrewrite(Msg) -> F = {fun_src}, F(Msg).\n"
    );
    let (ast, diags) = crate::syntax::parse_module(&src, Some("pidlab_adversary"));
    if diags.iter().any(crate::diag::Diagnostic::is_error) {
        return Err(diags);
    }
    crate::compile::compile_module(&ast, "--byzantine-fun", &src).map(|(m, _)| m)
}

/// Loads the fault plan's Byzantine fun into the world's code, so the
/// world can run it on messages without compiling anything itself.
pub fn load_adversary(world: &mut World) -> Result<(), Vec<crate::diag::Diagnostic>> {
    if let Some(src) = world.faults.byzantine_fun.clone() {
        let m = compile_adversary(&src)?;
        world.code.load(m);
    }
    Ok(())
}

/// Whether the process `main` has ended.
fn has_exited(world: &World, main: Pid) -> bool {
    world.exited.contains_key(&main)
}

/// The loop of `run_main`.
#[allow(clippy::too_many_arguments)] // one private step of `run_main`
fn drive(
    world: &mut World,
    module: &Rc<Module>,
    func: u32,
    args: Vec<Term>,
    limits: &RunLimits,
    wait: bool,
    hooks: Hooks<'_>,
    roster: &mut Roster,
) -> Outcome {
    let Hooks {
        output: sink,
        event: on_event,
        crash: on_crash,
    } = hooks;
    let mut sched = limits.sched.clone();
    // Made before the first step, so no `apply` returns it.
    for e in world.partition() {
        on_event(&e);
    }
    let main = match world.spawn_process(None, Start::Call(module.clone(), func, args)) {
        Ok(p) => p,
        Err(e) => return Outcome::Crashed(e),
    };
    let mut replayed = 0;
    loop {
        if let Some(status) = world.halted {
            return Outcome::Halted(status);
        }
        let after_main = has_exited(world, main);
        let wait = wait || sched.replaying();
        if after_main && !(wait && matches!(world.main_result, Some(Ok(_)))) {
            break;
        }
        if let Some(why) = world.stopped.take() {
            return Outcome::Bound(why);
        }
        if world.reductions >= limits.max_reductions {
            return Outcome::ReductionLimit(world.reductions);
        }
        let Some(choice) = sched.pick(world) else {
            if sched.replaying() {
                return Outcome::ScheduleEnd(replayed);
            }
            if after_main {
                break;
            }
            let (line, span) = world
                .procs
                .get(&main)
                .map(|p| waiting_at(&p.process))
                .unwrap_or_default();
            let blocked = blocked_in_receive(world)
                .into_iter()
                .map(|(pid, at)| {
                    format!(
                        "{} waits in receive at line {at}",
                        crate::world::event::pid_text(pid)
                    )
                })
                .collect();
            return Outcome::Deadlock {
                line,
                span,
                blocked,
            };
        };
        let crashes = world.crashes.len();
        replayed += 1;
        let events = world.apply(&choice);
        for e in &events {
            if let Kind::Output { text } = &e.kind {
                sink(text);
            }
            on_event(e);
        }
        if events
            .iter()
            .any(|e| matches!(e.kind, Kind::Register { .. }))
        {
            roster.note_names(world);
        }
        // (Most steps crash nothing: the check spares walking the list.)
        if world.crashes.len() > crashes {
            for (pid, ex) in world.crashes.iter().skip(crashes) {
                let time = events
                    .iter()
                    .rev()
                    .find(|e| e.proc == *pid && matches!(e.kind, Kind::Exit { .. }))
                    .map_or(world.time, |e| e.time);
                on_crash(*pid, ex, time);
            }
        }
        world.recycle(events);
    }
    match world.main_result.take() {
        Some(Ok(v)) => Outcome::Returned(v),
        Some(Err(e)) => Outcome::Crashed(e),
        None => Outcome::Returned(Term::ok()),
    }
}

/// The processes a run had: each one's pid and the names it was
/// registered under, in the order it got them.
#[derive(Clone, Debug, Default)]
pub struct Roster {
    procs: BTreeMap<Pid, Vec<String>>,
}

impl Roster {
    fn note_procs(&mut self, world: &World) {
        for (pid, _) in world.processes() {
            self.procs.entry(pid).or_default();
        }
    }

    /// Notes the registered names now in force (a name is lost from the
    /// registry when its process ends, so this runs after each `register`).
    fn note_names(&mut self, world: &World) {
        for (name, pid) in &world.registry {
            let names = self.procs.entry(*pid).or_default();
            if !names.iter().any(|n| n == name.name()) {
                names.push(name.name().to_string());
            }
        }
    }

    /// Whether some process of the run had this name, as a fault plan
    /// names processes: alias, pid text or registered name.
    pub fn has(&self, name: &str) -> bool {
        self.procs.iter().any(|(pid, names)| {
            alias(*pid) == name
                || crate::world::event::pid_text(*pid) == name
                || names.iter().any(|n| n == name)
        })
    }

    /// The plan's rules that name a process this run never had: each
    /// flag with the name, in flag order.
    pub fn unknown<'a>(&self, plan: &'a FaultPlan) -> Vec<(&'static str, &'a str)> {
        plan.process_names()
            .into_iter()
            .filter(|(_, name)| !self.has(name))
            .collect()
    }

    /// The processes as a list for people, e.g. `p1 (main), p2 to p9, p10
    /// [server]`: main and every registered process by itself, runs of
    /// three or more others as a range.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = vec![];
        let mut plain: Vec<Pid> = vec![];
        let flush = |plain: &mut Vec<Pid>, parts: &mut Vec<String>| {
            match (plain.first(), plain.last()) {
                (Some(a), Some(b)) if plain.len() >= 3 => {
                    parts.push(format!("{} to {}", alias(*a), alias(*b)));
                }
                _ => parts.extend(plain.iter().map(|p| alias(*p))),
            }
            plain.clear();
        };
        for (pid, names) in &self.procs {
            let follows = plain.last().is_none_or(|l| l.0 + 1 == pid.0);
            if *pid != MAIN_PID && names.is_empty() && follows {
                plain.push(*pid);
                continue;
            }
            flush(&mut plain, &mut parts);
            if *pid != MAIN_PID && names.is_empty() {
                plain.push(*pid);
                continue;
            }
            let mut text = alias(*pid);
            if *pid == MAIN_PID {
                text.push_str(" (main)");
            }
            if !names.is_empty() {
                text.push_str(&format!(" [{}]", names.join(", ")));
            }
            parts.push(text);
        }
        flush(&mut plain, &mut parts);
        parts.join(", ")
    }
}

/// The processes, other than main and the shell, that could still do
/// something: runnable, waiting for a time (`after`, `timer:sleep`), or
/// with a message, exit signal or timer on its way to them. A process
/// waiting in `receive` with nothing coming is not among them.
fn still_running(world: &World) -> Vec<Pid> {
    let timers: BTreeSet<Pid> = world
        .timers
        .iter()
        .filter_map(|t| match &t.to {
            Term::Pid(p) => Some(*p),
            Term::Atom(a) => world.registry.get(a).copied(),
            _ => None,
        })
        .collect();
    world
        .procs
        .iter()
        .filter(|(pid, _)| **pid != MAIN_PID && Some(**pid) != world.shell)
        .filter(|(pid, p)| match p.status {
            Status::Runnable
            | Status::Choosing
            | Status::Waiting {
                deadline: Some(_), ..
            } => true,
            Status::Waiting {
                deadline: None,
                sleeping: false,
            } => world.network.has_inbound(**pid) || timers.contains(pid),
            // `timer:sleep(infinity)`: nothing can wake it.
            Status::Waiting {
                deadline: None,
                sleeping: true,
            }
            | Status::Exited(_)
            | Status::Idle => false,
        })
        .map(|(pid, _)| *pid)
        .collect()
}

/// The error report erl's logger prints when a process dies of an
/// uncaught error or throw, with the date of virtual time `time_ms`
/// (milliseconds since 1970-01-01 00:00:00, where a world starts), e.g.
///
/// ```text
/// =ERROR REPORT==== 1-Jan-1970::00:00:00.000000 ===
/// Error in process <0.81.0> with exit value:
/// {badarith,[{t1,'-main/0-fun-0-',0,[{file,"t1.erl"},{line,3}]}]}
///
/// ```
pub fn error_report(pid: Pid, e: &Exception, time_ms: u64) -> String {
    format!(
        "=ERROR REPORT==== {} ===\nError in process {} with exit value:\n{}\n\n",
        report_date(time_ms),
        crate::world::event::pid_text(pid),
        crate::term::pretty::print(&e.exit_reason(), 1, 80)
    )
}

/// A date as erl's logger writes it in a report header:
/// `D-Mon-YYYY::HH:MM:SS.UUUUUU`, the year as `~4w` (stars past 9999).
fn report_date(ms: u64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let day_ms = 86_400_000;
    let (days, in_day) = (ms / day_ms, ms % day_ms);
    let (year, month, day) = civil_date(days);
    let month = month
        .checked_sub(1)
        .and_then(|m| MONTHS.get(m as usize))
        .copied()
        .unwrap_or("Jan");
    let year = if year > 9999 {
        "****".to_string()
    } else {
        format!("{year:>4}")
    };
    let (h, m, s, micro) = (
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000 * 1000,
    );
    format!("{day}-{month}-{year}::{h:02}:{m:02}:{s:02}.{micro:06}")
}

/// The proleptic Gregorian date (year, month 1-12, day 1-31) that is
/// `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let (era, doe) = (z / 146_097, z % 146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// The call an `undef` was raised for: its stack starts with `{M, F, Args, _}`.
pub fn undef_call(e: &Exception) -> Option<(Atom, Atom, usize)> {
    let Term::Cons(c) = e.stack_term() else {
        return None;
    };
    let Term::Tuple(t) = &c.head else {
        return None;
    };
    match (t.first(), t.get(1), t.get(2)) {
        (Some(Term::Atom(m)), Some(Term::Atom(f)), Some(args)) => {
            Some((*m, *f, args.list_len().unwrap_or(0)))
        }
        _ => None,
    }
}

/// Erlang's words for an error reason, as the shell prints them.
pub fn describe(e: &Exception) -> String {
    let r = &e.reason;
    let p = |t: &Term| crate::term::pretty::print(t, 1, 80);
    match e.class {
        Class::Throw => format!("exception throw: {}", p(r)),
        Class::Exit => format!("exception exit: {}", p(r)),
        Class::Error => {
            let text = match r {
                Term::Atom(a) => match a.name() {
                    "badarith" => {
                        "an error occurred when evaluating an arithmetic expression".to_string()
                    }
                    "badarg" => "bad argument".to_string(),
                    "if_clause" => {
                        "no true branch found when evaluating an if expression".to_string()
                    }
                    "function_clause" => "no function clause matching".to_string(),
                    "undef" => match undef_call(e) {
                        Some((m, f, n)) if m.name() == crate::compile::SHELL_DEFAULT => {
                            format!("undefined shell command {}/{n}", f.name())
                        }
                        Some((m, f, n)) => format!(
                            "undefined function {}:{}/{n}",
                            crate::term::write::atom_text(m.name()),
                            crate::term::write::atom_text(f.name())
                        ),
                        None => "undefined function".to_string(),
                    },
                    "noproc" => "no such process or port".to_string(),
                    "system_limit" => "a system limit has been reached".to_string(),
                    _ => p(r),
                },
                Term::Tuple(t) => {
                    match (t.first().and_then(Term::as_atom).map(Atom::name), t.get(1)) {
                        (Some("badmatch"), Some(v)) => {
                            format!("no match of right hand side value {}", p(v))
                        }
                        (Some("case_clause"), Some(v)) => {
                            format!("no case clause matching {}", p(v))
                        }
                        (Some("try_clause"), Some(v)) => format!("no try clause matching {}", p(v)),
                        (Some("badkey"), Some(v)) => format!("bad key: {}", p(v)),
                        (Some("badmap"), Some(v)) => format!("bad map: {}", p(v)),
                        (Some("badfun"), Some(v)) => format!("bad function {}", p(v)),
                        (Some("badarity"), Some(_)) => {
                            "a fun was called with the wrong number of arguments".to_string()
                        }
                        _ => p(r),
                    }
                }
                _ => p(r),
            };
            format!("exception error: {text}")
        }
    }
}

/// A hint for a student who met this error.
fn hint(e: &Exception) -> Option<&'static str> {
    let tag = match &e.reason {
        Term::Atom(a) => a.name(),
        Term::Tuple(t) => t.first().and_then(Term::as_atom).map(Atom::name)?,
        _ => return None,
    };
    Some(match tag {
        "badarith" => "arithmetic needs numbers on both sides; `/` by zero and `div` by zero also fail",
        "badarg" => "a built-in function got an argument of the wrong type or out of range",
        "badmatch" => "the value on the right does not fit the pattern on the left; a bound variable only matches its own value",
        "case_clause" => "add a clause for this value, or a catch-all clause `_ -> ...`",
        "if_clause" => "no guard was true; end an `if` with `true -> ...` to cover the rest",
        "function_clause" => "no clause of the function accepts these arguments",
        "undef" => "the module or function does not exist, or is not exported; a module in another file is loaded with `pidlab run main.erl other.erl`, or `c(\"other.erl\")` in the shell",
        "system_limit" => "the computation grew beyond pidlab's bounds (stack depth, list length, integer or binary size)",
        "unsupported" => "pidlab's binaries hold whole bytes: a bitstring whose size in bits is not a multiple of 8 cannot be made; check the sizes of the segments",
        _ => return None,
    })
}

/// The diagnostic for an uncaught exception.
pub fn crash_diagnostic(e: &Exception, who: &str) -> Diagnostic {
    let mut d = Diagnostic::error(format!("{who} crashed: {}", describe(e)));
    if let Some(l) = &e.location {
        d = d.at(
            l.span,
            format!("in {}:{}/{}", l.module.name(), l.function.name(), l.arity),
        );
    }
    d = d.note(format!("exit reason: {}", e.exit_reason()));
    if let Some(h) = hint(e) {
        d = d.help(h);
    }
    d
}

/// Evaluates shell expressions (with `.`) and returns the value.
pub fn eval(
    src: &str,
    limits: RunLimits,
    sink: &mut dyn FnMut(&str),
) -> Result<Result<Term, Outcome>, Vec<Diagnostic>> {
    let exprs = crate::syntax::parse_exprs(src)?;
    let (m, _names, _warnings) = crate::compile::compile_shell(&exprs, &[], src)?;
    let mut code = new_code();
    let m = code.load(m);
    let out = run_call(&code, &m, 0, vec![], limits, sink);
    Ok(match out {
        Outcome::Returned(Term::Tuple(t)) => match t.first() {
            Some(v) => Ok(v.clone()),
            None => Ok(Term::Nil),
        },
        other => Err(other),
    })
}

/// The arguments `main/1` receives: the strings after the file name.
pub fn main_args(args: &[String]) -> Term {
    Term::list(args.iter().map(|a| Term::string(a)).collect::<Vec<_>>())
}

/// Finds the entry point: `main/1` if exported, else `main/0`.
pub fn entry(m: &Module) -> Option<(u32, bool)> {
    let main = Atom::new("main");
    if let Some(i) = m.exports.get(&(main, 1)) {
        return Some((*i, true));
    }
    m.exports.get(&(main, 0)).map(|i| (*i, false))
}

/// Text as `erl -noshell` writes it to a Latin-1 standard output: code
/// points below 256 as single bytes, others as `\x{HEX}`.
pub fn latin1_bytes(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 256 {
            out.push(n as u8);
        } else {
            // What erl's latin1 standard output writes for a character
            // it cannot encode.
            out.extend_from_slice(format!("\\x{{{n:X}}}").as_bytes());
        }
    }
    out
}
