//! Carrying out the shell's meta commands (`:step`, `:deliver`, `:clocks`,
//! ...), parsed once into `command::Command`: each looks at or drives the
//! session's world and answers with text. Bad arguments get a hint and
//! change nothing. Commands that change the world let it go on as the mode
//! says: in auto mode the world runs until nothing can happen, in manual
//! mode only the shell's own input runs.

use super::command::{BackTo, Command, ProcRef, RunUntil, StepWhat};
use super::{Reply, Session, RUN_STEPS};
use crate::term::{Atom, Pid};
use crate::view::event::vc_text;
use crate::world::event::{alias, pid_text};
use crate::world::sched::Sched;
use crate::world::{Choice, Payload, Status};
use std::fmt::Write;

/// A fault model's parse error in one line: its message and hint.
fn flag_error(e: &crate::world::faults::FlagError) -> String {
    let d = &e.0;
    d.message.clone()
        + &d.help
            .as_ref()
            .map(|h| format!("; {h}"))
            .unwrap_or_default()
}

/// When `:run until ...` stops.
type StopWhen = Box<dyn Fn(&crate::world::World) -> bool>;

impl Session {
    /// Runs a `:` line: parses it once, then carries it out.
    pub(super) fn command(&mut self, line: &str, sink: &mut dyn FnMut(&str)) -> Reply {
        if let Some(r) = self.lesson_command(line) {
            return r;
        }
        match super::command::parse(line) {
            Ok(c) => self.execute(c, sink),
            Err(msg) => Reply::Text(format!("error: {msg}\n"), true),
        }
    }

    /// Carries out one command; lessons and graders call this directly.
    pub fn execute(&mut self, cmd: Command, sink: &mut dyn FnMut(&str)) -> Reply {
        if cmd == Command::Quit {
            return Reply::Quit;
        }
        match self.carry_out(cmd, sink) {
            Ok(text) => Reply::Text(text, false),
            Err(msg) => Reply::Text(format!("error: {msg}\n"), true),
        }
    }

    fn carry_out(&mut self, cmd: Command, sink: &mut dyn FnMut(&str)) -> Result<String, String> {
        match cmd {
            Command::Help(only) => Ok(super::command::help_text(only)),
            Command::Mode { manual } => {
                self.manual = manual;
                Ok(if manual {
                    "mode: manual (your inputs run at once; other processes and the network wait for :choices (or :next), :step, :deliver)\n".into()
                } else {
                    "mode: auto\n".into()
                })
            }
            Command::Sched(name) => {
                self.sched = Sched::parse(&name, self.seed).unwrap_or(Sched::random(self.seed));
                Ok(format!("scheduler: {name}\n"))
            }
            Command::Seed(n) => {
                self.seed = n;
                self.sched = Sched::random(n);
                self.world.seed = n;
                Ok(format!(
                    "seed {n}: the random scheduler, losses, delays and random crashes draw from it\n"
                ))
            }
            Command::Next => Ok(self.next_text()),
            Command::Pick(k) => self.pick(k, sink),
            Command::Step(what) => self.step(what, sink),
            Command::Run(until) => Ok(self.run_cmd(until, sink)),
            Command::Cancel => Ok(self.interrupt()),
            Command::Back(BackTo::Count(n)) => self.back(usize::try_from(n).unwrap_or(usize::MAX)),
            Command::Back(BackTo::Event(e)) => self.back_to_event(e),
            Command::Forward(n) => self.forward(usize::try_from(n).unwrap_or(usize::MAX)),
            Command::Branches => Ok(self.branches_text()),
            Command::Goto(k) => self.goto(usize::try_from(k).unwrap_or(usize::MAX)),
            Command::Deliver(id) => self.deliver(id, sink),
            Command::Procs => Ok(self.procs_text()),
            Command::Inbox(p) => self.inbox(&p),
            Command::Flight => Ok(self.flight_text()),
            Command::Clocks => Ok(self.clocks_text()),
            Command::Trace(p) => self.trace_text(p.as_ref()),
            Command::Hb(a, b) => self.hb(a, b),
            Command::Diagram(args) => self.diagram(&args),
            Command::Drop(id) => {
                self.in_flight(id, "drop")?;
                self.change(sink, |w| {
                    w.drop_message(id);
                })
            }
            Command::Dup(id) => {
                self.in_flight(id, "dup")?;
                self.change(sink, |w| {
                    w.duplicate_message(id);
                })
            }
            Command::Delay(id, ms) => {
                self.in_flight(id, "delay")?;
                self.remember();
                self.world.delay_message(id, ms);
                Ok(format!(
                    "m{id} arrives no earlier than t={}\n",
                    self.world.time.saturating_add(ms)
                ))
            }
            Command::Crash(p) => {
                let p = self.process(&p)?;
                if !self.world.is_alive(p) {
                    return Err(format!(
                        "{} ({}) is not alive: {}",
                        pid_text(p),
                        alias(p),
                        self.status_text(p)
                    ));
                }
                self.change(sink, |w| w.crash(p))
            }
            Command::Recover(p) => {
                let p = self.process(&p)?;
                if !matches!(
                    self.world.process(p).map(|x| &x.status),
                    Some(Status::Exited(_))
                ) {
                    return Err(format!(
                        "{} has not crashed: {}",
                        pid_text(p),
                        self.status_text(p)
                    ));
                }
                self.change(sink, |w| {
                    w.recover(p);
                })
            }
            Command::Faults(f) => self.load_faults(&f),
            Command::FailStop(on) => {
                std::rc::Rc::make_mut(&mut self.world.faults).fail_stop = on;
                Ok(if on {
                    "crashes now fire links and monitors (fail-stop)\n".into()
                } else {
                    "crashes tell nobody (crash-stop)\n".into()
                })
            }
            Command::Partition(text) => {
                let p = crate::world::faults::parse_partition(&text).map_err(|e| flag_error(&e))?;
                self.known_names(p.groups.iter().flatten())?;
                self.change(sink, |w| {
                    std::rc::Rc::make_mut(&mut w.faults).partition = Some(p);
                    w.partition();
                })
            }
            Command::Heal => {
                if !self.world.partitioned {
                    return Ok("no partition to heal\n".into());
                }
                self.change(sink, |w| w.heal())
            }
            Command::Net(m) => {
                if let Some(m) = m {
                    std::rc::Rc::make_mut(&mut self.world.faults).net =
                        crate::world::faults::parse_net(&m).map_err(|e| flag_error(&e))?;
                }
                Ok(format!("link model: {}\n", self.world.faults.net))
            }
            Command::Timing(m) => {
                if let Some(m) = m {
                    std::rc::Rc::make_mut(&mut self.world.faults).timing =
                        crate::world::faults::parse_timing(&m).map_err(|e| flag_error(&e))?;
                }
                Ok(format!("timing: {}\n", self.world.faults.timing))
            }
            Command::Budget(b) => {
                let budget = crate::world::faults::parse_budget(&b).map_err(|e| flag_error(&e))?;
                std::rc::Rc::make_mut(&mut self.world.faults).set_budget(budget);
                Ok(format!("budget: {b}\n"))
            }
            Command::Save(f) => self.save(&f),
            Command::Availability(names, k) => {
                use crate::view::availability;
                let t = self.view_trace();
                let procs = availability::procs_named(&t, &names)?;
                Ok(availability::measure(&t, &procs, k, self.world.time).text(&t))
            }
            Command::Export(format, path) => {
                let t = self.view_trace();
                let text = crate::view::export_as(&t, &format)?;
                std::fs::write(&path, text)
                    .map(|_| {
                        format!(
                            "wrote the trace ({} events) as {format} to {path}\n",
                            t.events.len()
                        )
                    })
                    .map_err(|e| format!("cannot write {path}: {e}"))
            }
            Command::Load(f) => self.load(&f),
            Command::Explore(args) => self.explore(&args),
            Command::Counterexample => self.step_counterexample(sink),
            Command::LoadSchedule(f) => self.load_schedule(&f, sink),
            Command::LoadTrace(f) => self.load_trace(&f),
            Command::Reset => {
                self.start_over();
                Ok("a new world: no processes, no bindings\n".into())
            }
            Command::Quit => Ok(String::new()),
        }
    }

    /// A command that changes the world: a snapshot first, then the change,
    /// its events, and whatever follows from it as the mode says (a 'DOWN'
    /// after a crash, messages a heal releases).
    fn change(
        &mut self,
        sink: &mut dyn FnMut(&str),
        f: impl FnOnce(&mut crate::world::World),
    ) -> Result<String, String> {
        self.remember();
        let before = self.world.trace.len();
        f(&mut self.world);
        self.remember_silently();
        let mut out = self.events_since(before);
        out.push_str(&self.go_on(sink));
        Ok(out)
    }

    fn run_cmd(&mut self, until: RunUntil, sink: &mut dyn FnMut(&str)) -> String {
        let stop: Option<StopWhen> = match until.clone() {
            RunUntil::Quiet => None,
            RunUntil::Event(e) => {
                let e = usize::try_from(e).unwrap_or(usize::MAX);
                Some(Box::new(move |w: &crate::world::World| w.trace.len() >= e))
            }
            RunUntil::Time(t) => Some(Box::new(move |w: &crate::world::World| w.time >= t)),
        };
        if stop.as_ref().is_some_and(|f| f(&self.world)) {
            return match until {
                RunUntil::Event(e) => format!("e{e} has already happened\n"),
                _ => format!("it is already t={}\n", self.world.time),
            };
        }
        self.remember();
        let (out, _) = self.run_until(RUN_STEPS, true, stop.as_deref(), sink);
        if out.is_empty() {
            self.nothing_text()
        } else {
            out
        }
    }

    /// "nothing can happen", with what a waiting shell or a partition holds.
    fn nothing_text(&self) -> String {
        let mut out = String::from("nothing can happen\n");
        for m in &self.world.held {
            let _ = writeln!(out, "  m{} is held by the partition until :heal", m.id);
        }
        out
    }

    pub(super) fn describe(&self, c: &Choice) -> String {
        match c {
            Choice::Run(p) => format!("run {} ({})", pid_text(*p), alias(*p)),
            Choice::Deliver(id) => match self.world.network.get(*id) {
                Some(m) => format!("deliver {}", self.message_text(m)),
                None => format!("deliver m{id}"),
            },
            Choice::Timeout(p) => format!("timeout of {} ({})", pid_text(*p), alias(*p)),
            Choice::Timer(id) => format!("fire timer {id}"),
            Choice::Tick(t) if self.world.round_len().is_some() => {
                format!("let time pass to the round that starts at t={t}")
            }
            Choice::Tick(t) => format!("let time pass to t={t} (the fault plan acts then)"),
            Choice::Choose(p, i) => {
                let option = self
                    .world
                    .procs
                    .get(p)
                    .and_then(|x| x.options.get(*i as usize))
                    .map(crate::term::write::write)
                    .unwrap_or_default();
                format!("{} ({}) chooses {option}", pid_text(*p), alias(*p))
            }
            Choice::Drop(id) => format!("lose m{id} (fault)"),
            Choice::Omit(id) => format!("omit m{id} (fault)"),
            Choice::Duplicate(id) => format!("duplicate m{id} (fault)"),
            Choice::Delay(d) => format!("delay m{} until t={} (fault)", d.0, d.1),
            Choice::Corrupt(id) => format!("corrupt m{id} (fault)"),
            Choice::Forge(f) => {
                format!("make m{} claim to come from {} (fault)", f.0, alias(f.1))
            }
            Choice::Crash(p) => format!("crash {} ({}) (fault)", pid_text(*p), alias(*p)),
            Choice::Recover(p) => format!("recover {} ({}) (fault)", pid_text(*p), alias(*p)),
        }
    }

    fn message_text(&self, m: &crate::world::InFlight) -> String {
        let what = match &m.payload {
            Payload::Message(t) => crate::term::write::write(t),
            Payload::Exit(r) => format!("exit signal {}", crate::term::write::write(r)),
            Payload::Kill => "exit signal kill (untrappable)".into(),
        };
        format!(
            "m{} {} ({}) -> {} ({}): {what}",
            m.id,
            pid_text(m.from),
            alias(m.from),
            pid_text(m.to),
            alias(m.to)
        )
    }

    fn next_text(&self) -> String {
        let cs = self.world.enabled();
        if cs.is_empty() {
            return self.nothing_text();
        }
        let mut out: String = cs
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{:>3}. {}\n", i + 1, self.describe(c)))
            .collect();
        for m in &self.world.held {
            let _ = writeln!(out, "     m{} is held by the partition until :heal", m.id);
        }
        out
    }

    /// Applies one choice the student made, then lets the shell's own
    /// input run on (it never waits for a step).
    fn apply_shown(&mut self, c: &Choice, sink: &mut dyn FnMut(&str)) -> String {
        self.remember();
        self.step_shown(c, sink)
    }

    /// `apply_shown` without a snapshot: `:step N` takes one for all N
    /// steps (they are one command; `:back e27` replays into them).
    fn step_shown(&mut self, c: &Choice, sink: &mut dyn FnMut(&str)) -> String {
        let mut out = self.apply(c, true, sink);
        if out.is_empty() {
            if let Choice::Run(p) | Choice::Timeout(p) = c {
                // A step with no event still changed something: say what.
                let _ = writeln!(
                    out,
                    "{} ({}) ran; now {}",
                    pid_text(*p),
                    alias(*p),
                    self.status_text(*p)
                );
            }
        }
        out.push_str(&self.go_on(sink));
        out
    }

    fn pick(&mut self, k: u64, sink: &mut dyn FnMut(&str)) -> Result<String, String> {
        let cs = self.world.enabled();
        let c = usize::try_from(k)
            .ok()
            .and_then(|k| k.checked_sub(1))
            .and_then(|i| cs.get(i))
            .cloned()
            .ok_or_else(|| match cs.len() {
                0 => format!("there is no choice {k}: nothing can happen"),
                n => format!("there is no choice {k}; :choices lists {n} choices"),
            })?;
        Ok(self.apply_shown(&c, sink))
    }

    fn step(&mut self, what: StepWhat, sink: &mut dyn FnMut(&str)) -> Result<String, String> {
        match what {
            StepWhat::Count(n) => {
                let mut out = String::new();
                super::INTERRUPTED.store(false, std::sync::atomic::Ordering::SeqCst);
                self.remember();
                for _ in 0..n.min(RUN_STEPS as u64) {
                    if super::INTERRUPTED.swap(false, std::sync::atomic::Ordering::SeqCst) {
                        out.push_str("interrupted\n");
                        break;
                    }
                    let Some(c) = self.sched.pick(&self.world) else {
                        out.push_str(&self.nothing_text());
                        break;
                    };
                    out.push_str(&self.step_shown(&c, sink));
                }
                Ok(out)
            }
            StepWhat::Proc(p) => {
                let pid = self.process(&p)?;
                let c = Choice::Run(pid);
                if !self.world.enabled().contains(&c) {
                    return Err(format!(
                        "{} ({}) cannot run now: {}",
                        pid_text(pid),
                        alias(pid),
                        self.status_text(pid)
                    ));
                }
                Ok(self.apply_shown(&c, sink))
            }
            StepWhat::One => match self.sched.pick(&self.world) {
                Some(c) => Ok(self.apply_shown(&c, sink)),
                None => Ok(self.nothing_text()),
            },
        }
    }

    /// Checks that message `id` is in flight (for :drop, :dup, :delay).
    fn in_flight(&self, id: u64, cmd: &str) -> Result<(), String> {
        if self.world.network.get(id).is_some() {
            return Ok(());
        }
        if self.world.held.iter().any(|m| m.id == id) {
            return Err(format!("m{id} is held by the partition until :heal"));
        }
        let ids: Vec<String> = self
            .world
            .network
            .iter()
            .map(|m| format!("m{}", m.id))
            .collect();
        let hint = match ids.first() {
            Some(r) => format!("in flight: {}; did you mean :{cmd} {r}?", ids.join(" ")),
            None => "no message is in flight".into(),
        };
        Err(format!("m{id} is not in flight; {hint}"))
    }

    /// The events made since the trace had `before` of them, one line each.
    pub(super) fn events_since(&self, before: usize) -> String {
        self.world
            .trace
            .iter()
            .skip(before)
            .map(|e| self.event_line(e))
            .collect()
    }

    fn load_faults(&mut self, f: &str) -> Result<String, String> {
        let text = std::fs::read_to_string(f).map_err(|e| format!("cannot read {f}: {e}"))?;
        match crate::world::faults::load_plan(&text) {
            Ok(plan) => {
                // The plan's Byzantine fun, compiled before anything changes.
                let adversary = match plan.byzantine_fun.as_deref() {
                    Some(src) => Some(crate::run::compile_adversary(src).map_err(|d| {
                        let why = d.first().map(|d| d.message.clone()).unwrap_or_default();
                        format!("the byzantine_fun in {f} does not compile: {why}; the plan was not loaded")
                    })?),
                    None => None,
                };
                let part = plan.partition.is_some();
                self.remember();
                self.world.faults = plan.into();
                if let Some(m) = adversary {
                    self.world.code.load(m);
                }
                let before = self.world.trace.len();
                if part {
                    self.world.partition();
                }
                Ok(format!(
                    "fault plan {f} loaded\n{}",
                    self.events_since(before)
                ))
            }
            Err(d) => Err(crate::diag::render::render(&d, f, &text, self.style)),
        }
    }

    /// `:explore [PROPS.erl] [checks]`: every execution from the world as
    /// it is now, with its fault plan; a violation can be stepped through
    /// with `:counterexample`.
    fn explore(&mut self, args: &[String]) -> Result<String, String> {
        use crate::explore::{self, props::Check};
        // Properties see what was emitted before, too.
        let emitted: Vec<crate::term::Term> = self
            .world
            .trace
            .iter()
            .filter_map(|e| match &e.kind {
                crate::world::event::Kind::Emit { term } => Some(term.clone()),
                _ => None,
            })
            .collect();
        let mut opts = explore::Options {
            max_states: 200_000,
            ..explore::Options::default()
        };
        let mut prop_code = crate::run::new_code();
        let mut props = vec![];
        const USAGE: &str =
            ":explore takes a property module and checks: [PROPS.erl] [no-crash | no-deadlock | no-leftover]...";
        // `--check` and `--props` as `pidlab explore` spells them, too.
        for a in args
            .iter()
            .filter(|a| !matches!(a.as_str(), "--check" | "--props"))
        {
            if let Some(c) = Check::parse(a) {
                opts.checks.push(c);
                continue;
            }
            if a.starts_with('-') {
                return Err(format!("unknown option {a}\n{USAGE}"));
            }
            let path = std::path::Path::new(a);
            let name = path.display().to_string();
            let src = std::fs::read_to_string(path).map_err(|e| {
                if path.extension().is_some_and(|x| x == "erl") {
                    format!("cannot read {name}: {e}")
                } else {
                    format!("{name} is neither a check nor a property module (.erl)\n{USAGE}")
                }
            })?;
            let (ast, diags) = crate::syntax::parse_module(&src, None);
            if diags.iter().any(crate::diag::Diagnostic::is_error) {
                return Err(super::render_all(&diags, &name, &src, self.style));
            }
            let (m, _) = crate::compile::compile_module(&ast, &name, &src)
                .map_err(|ds| super::render_all(&ds, &name, &src, self.style))?;
            let m = prop_code.load(m);
            props = explore::props::properties(&m)
                .map_err(|d| super::render_all(&[*d], &name, &src, self.style))?;
        }
        let start = self.world.clone();
        super::INTERRUPTED.store(false, std::sync::atomic::Ordering::SeqCst);
        let report =
            explore::explore_after(&start, &emitted, &props, &prop_code, &opts, &mut |_| {
                !super::INTERRUPTED.swap(false, std::sync::atomic::Ordering::SeqCst)
            })
            .map_err(|d| crate::diag::render::render_bare(&d, self.style))?;
        let bounds = explore::report::bounds_text(&self.world.faults, opts.max_depth, None);
        let found = report
            .findings
            .iter()
            .find(|f| f.status == explore::Status::Violated)
            .and_then(|f| f.execution.clone());
        let diagram = found.as_ref().map(|ex| {
            crate::view::diagram::of_events(
                &explore::replay(&start, &ex.choices),
                &crate::view::diagram::Options::plain(100),
            )
        });
        let mut out = explore::report::text(&report, &bounds, 0.0, None, diagram.as_deref());
        // The time a search takes is not part of a transcript.
        if let Some(i) = out.find(" steps deep, in ") {
            if let Some(j) = out.get(i..).and_then(|r| r.find('\n')) {
                out.replace_range(i + " steps deep".len()..i + j, "");
            }
        }
        if let Some(ex) = found {
            out.push_str(":counterexample steps through it; :back returns here\n");
            self.counterexample = Some((start.fingerprint(), ex.choices));
        } else {
            self.counterexample = None;
        }
        Ok(out)
    }

    /// `:counterexample`: applies the choices `:explore` found, showing
    /// each step's events.
    fn step_counterexample(&mut self, sink: &mut dyn FnMut(&str)) -> Result<String, String> {
        let Some((fp, choices)) = self.counterexample.clone() else {
            return Err("no counterexample yet: :explore finds one".into());
        };
        if fp != self.world.fingerprint() {
            return Err("the world has changed since :explore; run :explore again".into());
        }
        self.remember();
        let mut out = String::new();
        for c in &choices {
            out.push_str(&self.step_shown(c, sink));
        }
        out.push_str(&format!(
            "the counterexample's {} steps are done; :back returns to before them\n",
            choices.len()
        ));
        Ok(out)
    }

    /// `:load-schedule FILE`: a new world with the schedule's program
    /// started as p1 under its fault flags, and its choices replayed, each
    /// a step that `:back` can undo.
    fn load_schedule(&mut self, f: &str, sink: &mut dyn FnMut(&str)) -> Result<String, String> {
        let text = std::fs::read_to_string(f).map_err(|e| format!("cannot read {f}: {e}"))?;
        let s: crate::explore::schedule::Schedule =
            serde_json::from_str(&text).map_err(|e| format!("{f} is not a schedule: {e}"))?;
        let choices = s.parsed()?;
        let plan = crate::world::faults::plan_from_words(&s.flags)
            .map_err(|e| format!("the flags in {f}: {e}"))?;
        self.start_over();
        let played = self.play_schedule(&s, &choices, plan, sink);
        if played.is_err() {
            self.undo_start_over();
        }
        played.map_err(|e| format!("{}\n(the session is as it was)", e.trim_end()))
    }

    /// `load_schedule` in the new session: the program started and the
    /// choices replayed.
    fn play_schedule(
        &mut self,
        s: &crate::explore::schedule::Schedule,
        choices: &[Choice],
        plan: crate::world::faults::FaultPlan,
        sink: &mut dyn FnMut(&str),
    ) -> Result<String, String> {
        let (loaded, err) = self.load_file(std::path::Path::new(&s.program));
        if err {
            return Err(loaded);
        }
        let module = self
            .world
            .code
            .made()
            .find(|m| m.file.as_ref() == s.program)
            .cloned()
            .ok_or_else(|| format!("{} did not load", s.program))?;
        let (func, takes_args) = crate::run::entry(&module)
            .ok_or_else(|| format!("{} exports no main/0 or main/1", s.program))?;
        let args = if takes_args {
            vec![crate::run::main_args(&s.args)]
        } else {
            vec![]
        };
        self.world.faults = plan.into();
        crate::run::load_adversary(&mut self.world)
            .map_err(|_| "the Byzantine fun does not compile".to_string())?;
        let mut out = String::new();
        for e in self.world.partition() {
            out.push_str(&crate::view::event::line(&e));
            out.push('\n');
        }
        self.world
            .spawn_process(None, crate::world::Start::Call(module, func, args))
            .map_err(|e| {
                format!(
                    "main does not start: {}",
                    crate::term::pretty::print(&e.reason, 1, 80)
                )
            })?;
        self.manual = true;
        out.push_str(&format!(
            "{} started as p1 under {}; replaying {} choices (manual mode)\n",
            s.program,
            if s.flags.is_empty() {
                "no faults".to_string()
            } else {
                s.flags.join(" ")
            },
            choices.len()
        ));
        for c in choices {
            self.remember();
            out.push_str(&self.step_shown(c, sink));
        }
        if let Some(at) = s.cycle_from {
            out.push_str(&format!(
                "from choice {} on, the execution repeats forever\n",
                at + 1
            ));
        }
        Ok(out)
    }

    fn deliver(&mut self, id: u64, sink: &mut dyn FnMut(&str)) -> Result<String, String> {
        let c = Choice::Deliver(id);
        if self.world.enabled().contains(&c) {
            return Ok(self.apply_shown(&c, sink));
        }
        let now = self.world.time;
        let ready: Vec<String> = self
            .world
            .network
            .heads()
            .filter(|m| self.world.network.arrival(*m) <= now)
            .map(|m| format!("m{m}"))
            .collect();
        let at = self.world.network.arrival(id);
        if self.world.held.iter().any(|m| m.id == id) {
            Err(format!(
                "m{id} is held by the partition until :heal; :heal lets it travel again"
            ))
        } else if self.world.network.get(id).is_some() && at > self.world.time {
            Err(format!(
                "m{id} is delayed until t={at}; :run until t={at} lets time pass"
            ))
        } else if self.world.network.get(id).is_some() {
            let now_text = if ready.is_empty() {
                "none".to_string()
            } else {
                ready.join(" ")
            };
            Err(format!("m{id} must wait for older messages on the same link (messages arrive in order); deliverable now: {now_text}"))
        } else {
            let hint = match ready.first() {
                Some(r) => format!("did you mean :deliver {r}?"),
                None => "no message is in flight".into(),
            };
            Err(format!("m{id} is not in flight; {hint}"))
        }
    }

    /// ` [server]` for a registered process, else nothing.
    fn name_tag(&self, p: Pid) -> String {
        self.world
            .registered_name(p)
            .map(|n| format!(" [{}]", n.name()))
            .unwrap_or_default()
    }

    /// Every process, as `p2 <0.81.0>` with its state, for error messages.
    fn known_procs(&self) -> String {
        let v: Vec<String> = self
            .world
            .processes()
            .into_iter()
            .map(|(p, x)| {
                let p = &p;
                let name = self.name_tag(*p);
                let state = match &x.status {
                    Status::Exited(_) => " (exited)",
                    _ if Some(*p) == self.world.shell => " (shell)",
                    _ => "",
                };
                format!("{}{name}{state}", alias(*p))
            })
            .collect();
        if v.is_empty() {
            "there are no processes yet".into()
        } else {
            format!("processes: {}", v.join(", "))
        }
    }

    /// A process from `<0.81.0>`, `p2` or a registered name.
    fn process(&self, a: &ProcRef) -> Result<Pid, String> {
        let base = crate::run::MAIN_PID.0;
        let p = match a {
            ProcRef::Pid(n) => u32::try_from(*n).ok().map(|n| Pid(u64::from(n))),
            ProcRef::Alias(n) => n
                .checked_sub(1)
                .and_then(|k| k.checked_add(base))
                .and_then(|n| u32::try_from(n).ok())
                .map(|n| Pid(u64::from(n))),
            ProcRef::Name(s) => {
                Atom::existing(s).and_then(|at| self.world.registry.get(&at).copied())
            }
        };
        match p.filter(|p| self.world.process(*p).is_some()) {
            Some(p) => Ok(p),
            None => Err(format!("{a} is not a process here; {}", self.known_procs())),
        }
    }

    /// Every name in `names` belongs to some process now, or an error
    /// lists the processes.
    fn known_names<'a>(&self, names: impl Iterator<Item = &'a String>) -> Result<(), String> {
        for n in names {
            if !self
                .world
                .processes()
                .iter()
                .any(|(p, _)| self.world.names(*p, n))
            {
                return Err(format!("{n} is not a process here; {}", self.known_procs()));
            }
        }
        Ok(())
    }

    fn status_text(&self, p: Pid) -> String {
        match self.world.process(p).map(|x| &x.status) {
            Some(Status::Runnable) => "runnable".into(),
            Some(Status::Waiting {
                deadline: Some(d),
                sleeping: true,
            }) => format!("sleeping until t={d}"),
            Some(Status::Waiting {
                deadline: Some(d), ..
            }) => format!("in receive, timeout at t={d}"),
            Some(Status::Waiting {
                deadline: None,
                sleeping: true,
            }) => "sleeping forever".into(),
            Some(Status::Waiting { .. }) => "in receive".into(),
            Some(Status::Exited(r)) => {
                let text = crate::term::pretty::print(r, 1, usize::MAX);
                match text.char_indices().nth(60) {
                    Some((i, _)) => format!("exited: {}...", text.get(..i).unwrap_or("")),
                    None => format!("exited: {text}"),
                }
            }
            Some(Status::Idle) => "idle (the shell)".into(),
            Some(Status::Choosing) => "in pidlab:choose, waiting for a choice".into(),
            None => "unknown".into(),
        }
    }

    fn procs_text(&self) -> String {
        let mut out = String::new();
        for (pid, p) in self.world.processes() {
            let pid = &pid;
            let name = self.name_tag(*pid);
            let shell = if Some(*pid) == self.world.shell {
                " (shell)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "{:<10} {:<4} {:<34} mailbox {}{name}{shell}",
                pid_text(*pid),
                alias(*pid),
                self.status_text(*pid),
                p.process.mailbox.len()
            );
        }
        if out.is_empty() {
            out.push_str("no processes yet\n");
        }
        out
    }

    fn inbox(&self, a: &ProcRef) -> Result<String, String> {
        let p = self.process(a)?;
        let Some(x) = self.world.process(p) else {
            return Err("no such process".into());
        };
        if x.process.mailbox.is_empty() {
            return Ok(format!("the mailbox of {} is empty\n", pid_text(p)));
        }
        let mut out = String::new();
        for (m, meta) in x.process.mailbox.iter().zip(x.meta.iter()) {
            let _ = writeln!(out, "m{:<4} {}", meta.id, crate::term::write::write(m));
        }
        Ok(out)
    }

    fn flight_text(&self) -> String {
        if self.world.network.is_empty() && self.world.held.is_empty() {
            return "no messages in flight\n".into();
        }
        let mut out: String = self
            .world
            .network
            .iter()
            .map(|m| format!("{}\n", self.message_text(m)))
            .collect();
        for m in &self.world.held {
            let _ = writeln!(
                out,
                "{}  (held by the partition until :heal)",
                self.message_text(m)
            );
        }
        out
    }

    fn clocks_text(&self) -> String {
        let mut out = String::from("process    alias  lamport  vector clock\n");
        for (pid, p) in self.world.processes() {
            let pid = &pid;
            let _ = writeln!(
                out,
                "{:<10} {:<6} {:<8} {}",
                pid_text(*pid),
                alias(*pid),
                p.lamport,
                vc_text(&p.vc)
            );
        }
        out
    }

    fn trace_text(&self, only: Option<&ProcRef>) -> Result<String, String> {
        let only = match only {
            Some(a) => Some(self.process(a)?),
            None => None,
        };
        let lines: String = self
            .world
            .trace
            .iter()
            .filter(|e| only.is_none_or(|p| e.proc == p))
            .map(|e| self.event_line(e))
            .collect();
        Ok(if lines.is_empty() {
            "no events yet\n".into()
        } else {
            lines
        })
    }

    fn diagram(&self, args: &[String]) -> Result<String, String> {
        use crate::view::diagram;
        let t = self.view_trace();
        let width = if self.style.unicode {
            crate::view::width()
        } else {
            100
        };
        let base = diagram::Options {
            unicode: self.style.unicode,
            color: self.style.color,
            ..diagram::Options::plain(width)
        };
        Ok(diagram::render(&t, &base.parse(args, &t)?))
    }

    /// The trace as one slice, for the queries that read it whole.
    /// The trace the views show: a loaded one, or this shell's.
    fn view_trace(&self) -> crate::view::trace::Trace {
        match &self.loaded {
            Some((_, t)) => t.clone(),
            None => crate::view::trace::Trace::from_events(&self.trace_vec()),
        }
    }

    /// `:load-trace FILE`: a saved trace for the views; `off` goes back.
    fn load_trace(&mut self, file: &str) -> Result<String, String> {
        if file == "off" {
            return Ok(match self.loaded.take() {
                Some((f, _)) => format!("the views show this shell's trace again (not {f})\n"),
                None => "no trace was loaded\n".into(),
            });
        }
        let text = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        let text = String::from_utf8_lossy(&text);
        let t = crate::view::trace::Trace::parse(&text)
            .map_err(|d| crate::diag::render::render_all(&[*d], file, &text, self.style))?;
        let out = format!(
            "loaded {file}: {} events of {} processes; :diagram, :export, :hb and :availability show it (:load-trace off to go back)\n",
            t.events.len(),
            t.procs.len()
        );
        self.loaded = Some((file.to_string(), t));
        Ok(out)
    }

    fn trace_vec(&self) -> Vec<crate::world::event::Event> {
        self.world.trace.iter().cloned().collect()
    }

    fn hb(&self, a: u64, b: u64) -> Result<String, String> {
        if let Some((_, t)) = &self.loaded {
            return hb_in(t, a, b);
        }
        let t = &self.trace_vec();
        for x in [a, b] {
            if x == 0 || usize::try_from(x).map_or(true, |x| x > t.len()) {
                return Err(match t.len() {
                    0 => format!("there is no event e{x}: nothing has happened yet"),
                    n => format!("there is no event e{x}; events run from e1 to e{n}"),
                });
            }
        }
        let path = |x: u64, y: u64| {
            crate::trace::causal_path(t, x, y).map(|p| {
                p.iter()
                    .map(|e| format!("e{e}"))
                    .collect::<Vec<_>>()
                    .join(" -> ")
            })
        };
        let mut out = if let Some(p) = path(a, b) {
            format!("e{a} happens before e{b}: {p}\n")
        } else if let Some(p) = path(b, a) {
            format!("e{b} happens before e{a}: {p}\n")
        } else if a == b {
            "the same event\n".into()
        } else {
            format!("e{a} and e{b} are concurrent: no causal path joins them\n")
        };
        for x in [a, b] {
            let Some(e) = usize::try_from(x)
                .ok()
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| t.get(i))
            else {
                continue;
            };
            let clock = match &e.clock {
                Some((l, vc)) => format!("L={l} {}", vc_text(vc)),
                None => "a network event: no clock".into(),
            };
            let _ = writeln!(
                out,
                "  e{x:<4} {} {:<8} {clock}",
                alias(e.proc),
                e.kind.name()
            );
        }
        Ok(out)
    }

    fn save(&self, f: &str) -> Result<String, String> {
        let mut text =
            String::from("% pidlab session: replay with `pidlab replay FILE` or :load FILE\n");
        for l in &self.log {
            text.push_str(l);
            text.push('\n');
        }
        std::fs::write(f, text)
            .map(|_| format!("saved {} inputs to {f}\n", self.log.len()))
            .map_err(|e| format!("cannot write {f}: {e}"))
    }

    fn load(&mut self, f: &str) -> Result<String, String> {
        let text = std::fs::read_to_string(f).map_err(|e| format!("cannot read {f}: {e}"))?;
        if is_module_source(&text) {
            // A module, not a saved session: compiled as `c/1` would, and
            // the session (its processes and bindings) is kept.
            let (out, failed) = self.load_file(std::path::Path::new(f));
            return if failed {
                Err(format!(
                    "{f} is a module and does not compile, so nothing was loaded; this session is kept\n{}",
                    out.trim_end()
                ))
            } else {
                Ok(format!(
                    "{out}{f} is a module: compiled and loaded as c(\"{f}\") does; this session is kept\n(:load replays the inputs of a file written by :save)\n"
                ))
            };
        }
        self.start_over();
        let mut out = String::new();
        for input in super::inputs(&text) {
            match self.eval(&input, &mut |s| out.push_str(s)) {
                Reply::Text(t, _) => out.push_str(&t),
                Reply::Quit => break,
            }
        }
        Ok(format!(
            "{out}loaded {f}: {} inputs replayed\n",
            self.log.len()
        ))
    }
}

/// Whether `text` is an Erlang module (its first line, after comments,
/// starts `-module`) rather than shell inputs.
fn is_module_source(text: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('%'))
        .is_some_and(|l| l.starts_with("-module"))
}

/// `:hb E1 E2` on a loaded trace: by the causal past its records give.
fn hb_in(t: &crate::view::trace::Trace, a: u64, b: u64) -> Result<String, String> {
    let n = t.events.last().map_or(0, |e| e.id);
    for x in [a, b] {
        if t.get(x).is_none() {
            return Err(format!(
                "there is no event e{x} in the loaded trace; events run from e1 to e{n}"
            ));
        }
    }
    let mut out = if a == b {
        "the same event\n".to_string()
    } else if t.past(b).contains(&a) {
        format!("e{a} happens before e{b}\n")
    } else if t.past(a).contains(&b) {
        format!("e{b} happens before e{a}\n")
    } else {
        format!("e{a} and e{b} are concurrent: no causal path joins them\n")
    };
    for e in [a, b].iter().filter_map(|x| t.get(*x)) {
        let clock = match e.lamport {
            Some(l) => {
                let parts: Vec<String> =
                    e.vc.iter()
                        .map(|(p, n)| format!("{}:{n}", t.alias(*p)))
                        .collect();
                format!("L={l} {{{}}}", parts.join(", "))
            }
            None => "a network event: no clock".into(),
        };
        let _ = writeln!(
            out,
            "  e{:<4} {} {:<8} {clock}",
            e.id,
            t.alias(e.proc),
            e.kind
        );
    }
    Ok(out)
}
