//! The interactive shell: reads Erlang expressions as erl does (input
//! continues until it ends with `.`), evaluates them with the bindings
//! kept between inputs, and prints values as the Erlang shell prints them.
//! Orchestrates only: parsing, compiling and running live elsewhere.
//! With standard input not a terminal it runs as a script: no prompt, no
//! colour, and an error in one input does not stop the next.

pub mod command;
mod commands;
mod editor;
pub mod lesson;
mod travel;

use crate::diag::render::{render_all, Style};
use crate::run;
use crate::term::{pretty, Atom, Term};
pub use crate::world::event::alias;
use crate::world::event::{Event, Kind};
use crate::world::sched::{Sched, DEFAULT_SEED};
use crate::world::{Status, World};

/// A shell session: a world with a shell process in it, and the variables
/// bound so far.
pub struct Session {
    world: World,
    bindings: Vec<(String, Term)>,
    counter: u32,
    sched: Sched,
    seed: u64,
    /// Manual mode: inputs and steps wait for `:step`, `:pick`, `:run`.
    manual: bool,
    /// Names of the variables the running input will bind.
    pending_names: Option<Vec<String>>,
    timeline: travel::Timeline,
    /// Every input so far: replaying them rebuilds this world exactly.
    log: Vec<String>,
    /// Functions defined at the prompt: name, arity and source text.
    shell_fns: Vec<(Atom, usize, String)>,
    /// Erlang inputs by number, with their values: `h()`, `v(N)`, `e(N)`.
    inputs: Vec<(u32, String, Option<Term>)>,
    /// The last input that ended by itself, with a value or an exception
    /// (not stopped by Ctrl-C or `:cancel`, nor undone by `:back`).
    ended: u32,
    pub style: Style,
    /// Script mode: an input that can never finish is a deadlock report.
    script: bool,
    /// How many crashes of other processes have been reported.
    crashes_seen: usize,
    /// The counterexample `:explore` found, from the world with this
    /// fingerprint.
    counterexample: Option<(u128, Vec<crate::world::Choice>)>,
    /// The lesson this shell is in, if any.
    pub lesson: Option<lesson::Tutor>,
    /// A saved trace (`:load-trace FILE`) the views show instead of this
    /// shell's own, with the file it came from.
    loaded: Option<(String, crate::view::trace::Trace)>,
    /// The session the last `:reset`, `:load` or `:load-schedule`
    /// replaced, for `:back` to return to (one, not a chain).
    replaced: Option<Box<Session>>,
}

/// What one input did.
pub enum Reply {
    /// Text to show (value or diagnostics), and whether it is an error.
    Text(String, bool),
    Quit,
}

/// The module that holds functions defined at the prompt.
const SHELL_FNS: &str = crate::compile::SHELL_DEFAULT;

/// Live processes a shell world holds at most: a spawn bomb stops there
/// with a message instead of slowing the shell to a halt.
const SHELL_MAX_PROCS: usize = 20_000;

/// Error reports of crashed processes shown after one input or command.
const MAX_REPORTS: usize = 5;

/// Steps an input or `:run` takes at most before the prompt comes back
/// (each step runs a process for up to `world::SLICE` reductions); an
/// endless loop returns the prompt in seconds, and `:run` goes on.
const RUN_STEPS: usize = 100_000;

/// Set by Ctrl-C while the world runs; the run loop stops at the next step.
pub static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

impl Session {
    pub fn new(style: Style) -> Session {
        let mut world = World::new(run::new_code());
        world.limits.max_procs = SHELL_MAX_PROCS;
        Session {
            world,
            bindings: vec![],
            counter: 0,
            sched: Sched::random(DEFAULT_SEED),
            seed: DEFAULT_SEED,
            manual: false,
            pending_names: None,
            timeline: travel::Timeline::default(),
            log: vec![],
            inputs: vec![],
            ended: 0,
            shell_fns: vec![],
            style,
            script: false,
            crashes_seen: 0,
            counterexample: None,
            lesson: None,
            loaded: None,
            replaced: None,
        }
    }

    /// Starts a new session in this one's place (`:reset`, `:load`,
    /// `:load-schedule`), in the same lesson and mode of input; the old
    /// one is kept for `:back` (unless it is heavy), so a mistaken
    /// `:reset` loses nothing.
    fn start_over(&mut self) {
        let fresh = Session::new(self.style);
        let mut old = std::mem::replace(self, fresh);
        self.lesson = old.lesson.take();
        self.script = old.script;
        old.replaced = None;
        // A session that holds much of the memory bound is let go:
        // `:reset` is also how one recovers from a heavy world.
        let limit = crate::alloc::limit();
        let heavy = limit != 0 && crate::alloc::live_bytes() > limit / 4;
        self.replaced = (!heavy).then(|| Box::new(old));
    }

    /// Returns to the session `start_over` replaced; false if there is none.
    fn undo_start_over(&mut self) -> bool {
        let Some(mut old) = self.replaced.take() else {
            return false;
        };
        old.lesson = self.lesson.take();
        *self = *old;
        true
    }

    /// How many events the session's world has recorded.
    pub fn events(&self) -> usize {
        self.world.trace.len()
    }

    /// A session for scripts: inputs that can never finish are reported.
    pub fn for_script(style: Style) -> Session {
        let mut s = Session::new(style);
        s.script = true;
        s
    }

    /// Evaluates one complete input; printed output goes to `sink` as it is made.
    pub fn eval(&mut self, input: &str, sink: &mut dyn FnMut(&str)) -> Reply {
        let reply = self.eval_input(input, sink);
        self.timeline.settle();
        reply
    }

    fn eval_input(&mut self, input: &str, sink: &mut dyn FnMut(&str)) -> Reply {
        let trimmed = input.trim();
        let is_file_cmd = ["save", "load", "export"].iter().any(|c| {
            trimmed
                .strip_prefix(':')
                .is_some_and(|r| r.split_whitespace().next() == Some(c))
        });
        if !is_file_cmd {
            self.log.push(trimmed.to_string());
        }
        if let Some(cmd) = trimmed.strip_prefix(':') {
            return self.command(cmd, sink);
        }
        match trimmed {
            "q()." | "halt()." | "init:stop()." => return Reply::Quit,
            "f()." => {
                self.bindings.clear();
                self.numbered(trimmed, Term::atom("ok"));
                return Reply::Text("ok\n".into(), false);
            }
            "b()." => {
                let text: String = self
                    .bindings
                    .iter()
                    .map(|(n, v)| format!("{n} = {}\n", pretty::print(v, 1, 80)))
                    .collect();
                self.numbered(trimmed, Term::atom("ok"));
                return Reply::Text(text, false);
            }
            "h()." => {
                let text: String = self
                    .inputs
                    .iter()
                    .map(|(n, t, _)| format!("{n}: {}\n", t.trim()))
                    .collect();
                self.numbered(trimmed, Term::atom("ok"));
                return Reply::Text(text, false);
            }
            "i()." => return self.command("procs", sink),
            t if t.starts_with("f(") && t.ends_with(").") && t.len() > 4 => {
                let name = t.get(2..t.len() - 2).unwrap_or("").trim();
                if name
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_uppercase() || c == '_')
                {
                    // `ok` whether or not it was bound, as in erl: a
                    // script may forget a name before it binds it.
                    self.bindings.retain(|(n, _)| n != name);
                    self.numbered(trimmed, Term::atom("ok"));
                    return Reply::Text("ok\n".into(), false);
                }
            }
            t if t.starts_with("v(") || t.starts_with("e(") => {
                if let Some(n) = t
                    .get(2..t.len().saturating_sub(2))
                    .and_then(|n| n.trim().parse::<u32>().ok())
                    .filter(|_| t.ends_with(")."))
                {
                    let Some((_, text, value)) =
                        self.inputs.iter().find(|(k, _, _)| *k == n).cloned()
                    else {
                        return Reply::Text(
                            format!("error: there is no input {n}; h() lists them\n"),
                            true,
                        );
                    };
                    if t.starts_with('v') {
                        return match value {
                            Some(v) => {
                                let text = format!("{}\n", pretty::print(&v, 1, 80));
                                self.numbered(trimmed, v);
                                Reply::Text(text, false)
                            }
                            None => Reply::Text(format!("error: input {n} has no value (it failed or is still running)\n"), true),
                        };
                    }
                    return self.eval(&text, sink);
                }
            }
            t if t.starts_with("c(") && t.ends_with(").") => {
                let arg = t
                    .trim_start_matches("c(")
                    .trim_end_matches(").")
                    .trim()
                    .trim_matches(|c| c == '"' || c == '\'');
                let path = if arg.ends_with(".erl") {
                    arg.to_string()
                } else {
                    format!("{arg}.erl")
                };
                let (text, module) = self.load_module(std::path::Path::new(&path));
                let value = match module {
                    Some(m) => Term::tuple(vec![Term::atom("ok"), Term::Atom(m)]),
                    None => Term::atom("error"),
                };
                self.numbered(trimmed, value);
                return Reply::Text(text, module.is_none());
            }
            _ => {}
        }
        let mut before = String::new();
        if self.pending_names.is_some() {
            if self.script && self.world.enabled().is_empty() {
                // A script cannot press Ctrl-C: report the stuck input and go on.
                before = self.deadlock_report();
                self.interrupt();
            } else {
                return Reply::Text(self.busy_text(), true);
            }
        }
        let Reply::Text(text, err) = self.eval_erlang(input, sink) else {
            return Reply::Quit;
        };
        if self.world.halted.is_some() {
            // erlang:halt called from the input's code ends the shell, as in
            // erl; what the program printed has gone to `sink` already.
            sink(&before);
            return Reply::Quit;
        }
        let failed = err || !before.is_empty();
        Reply::Text(before + &text, failed)
    }

    /// Numbers `input`, one the shell answered itself (`c/1`, `f/1`,
    /// `b()`, `h()`), as erl does every input it evaluates: the next prompt
    /// counts on, and `v/1` and `h()` know it.
    fn numbered(&mut self, input: &str, value: Term) {
        self.counter += 1;
        self.inputs
            .push((self.counter, input.to_string(), Some(value)));
    }

    /// An Erlang input (or a function definition) at a free shell.
    fn eval_erlang(&mut self, input: &str, sink: &mut dyn FnMut(&str)) -> Reply {
        match crate::syntax::shell_function(input) {
            Some(Ok((name, arity))) => return self.define(name, arity, input),
            Some(Err(d)) => return Reply::Text(render_all(&d, "shell", input, self.style), true),
            None => {}
        }
        let exprs = match crate::syntax::parse_exprs(input) {
            Ok(e) => e,
            Err(d) => return Reply::Text(render_all(&d, "shell", input, self.style), true),
        };
        self.counter += 1;
        let names: Vec<String> = self.bindings.iter().map(|(n, _)| n.clone()).collect();
        let module = Atom::new(&format!("erl_eval_{}", self.counter));
        let imports: Vec<(Atom, Atom, u32)> = self
            .shell_fns
            .iter()
            .map(|(n, a, _)| (Atom::new(SHELL_FNS), *n, *a as u32))
            .collect();
        let (m, new_names, warnings) =
            match crate::compile::compile_shell_as(module, &exprs, &names, input, &imports) {
                Ok(r) => r,
                Err(d) => return Reply::Text(render_all(&d, "shell", input, self.style), true),
            };
        let text = render_all(&warnings, "shell", input, self.style);
        let m = self.world.code.load(m);
        let args: Vec<Term> = self.bindings.iter().map(|(_, v)| v.clone()).collect();
        self.inputs.push((self.counter, input.to_string(), None));
        self.remember();
        if let Err(e) = self.world.shell_eval(m, 0, args) {
            let why = self
                .world
                .stopped
                .take()
                .unwrap_or_else(|| run::describe(&e));
            return Reply::Text(
                format!("error: the shell cannot start the input: {why}\n"),
                true,
            );
        }
        self.remember_silently();
        self.pending_names = Some(new_names);
        let (rest, err) = if self.manual {
            self.run_shell(false, sink)
        } else {
            self.run_until_quiet(RUN_STEPS, false, sink)
        };
        let still_running = self.pending_names.is_some()
            && self
                .world
                .shell
                .is_some_and(|p| self.world.enabled().contains(&crate::world::Choice::Run(p)));
        if self.script && still_running && !self.manual {
            // No Ctrl-C in a script: an input that never ends is stopped.
            self.interrupt();
            let msg = format!(
                "error: input {} ran for {RUN_STEPS} steps without finishing (an endless loop?); it was stopped\n",
                self.counter
            );
            return Reply::Text(text + &rest + &msg, true);
        }
        Reply::Text(text + &rest + &self.waiting_note(), err)
    }

    /// Lets the world go on after a change, as the mode says: in auto mode
    /// until nothing can happen, in manual mode only the shell's input.
    pub(super) fn go_on(&mut self, sink: &mut dyn FnMut(&str)) -> String {
        let (out, _) = if self.manual {
            self.run_shell(true, sink)
        } else {
            self.run_until(RUN_STEPS, true, None, sink)
        };
        out + &self.waiting_note()
    }

    /// Runs the shell process while it can run: the student's own input
    /// never waits for a step. Other processes and the network stay put.
    fn run_shell(&mut self, show: bool, sink: &mut dyn FnMut(&str)) -> (String, bool) {
        self.run_loop(true, RUN_STEPS, show, None, sink)
    }

    /// The shell's next move, if it can make one: run, or fire an `after 0`
    /// (a timeout already due does not wait either).
    fn shell_choice(&self) -> Option<crate::world::Choice> {
        let pid = self.world.shell?;
        let due = matches!(
            self.world.procs.get(&pid).map(|p| &p.status),
            Some(Status::Waiting { deadline: Some(d), .. }) if *d <= self.world.time
        );
        let c = if due {
            crate::world::Choice::Timeout(pid)
        } else {
            crate::world::Choice::Run(pid)
        };
        self.world.enabled().contains(&c).then_some(c)
    }

    /// Where the shell's unfinished input stands, when it has one.
    fn waiting_note(&self) -> String {
        if self.pending_names.is_none() {
            return String::new();
        }
        let Some(p) = self.world.shell.and_then(|p| self.world.procs.get(&p)) else {
            return String::new();
        };
        match p.status {
            Status::Waiting { sleeping, .. } => {
                let line = run::waiting_at(&p.process).0;
                let what = if sleeping {
                    format!("the shell sleeps (line {line})")
                } else {
                    format!("the shell waits in receive (line {line})")
                };
                if self.world.enabled().is_empty() {
                    format!("{what}; nothing else can happen: Ctrl-C or :cancel stops the input\n")
                } else {
                    format!("{what}; :choices lists what can happen, :cancel stops the input\n")
                }
            }
            Status::Runnable => {
                "the input is still running: :run goes on, Ctrl-C or :cancel stops it\n".into()
            }
            Status::Choosing => format!(
                "the shell waits in pidlab:choose with {} options: :choices lists them, :pick N chooses one\n",
                p.options.len()
            ),
            _ => String::new(),
        }
    }

    /// The answer to an Erlang input while the previous one is unfinished.
    fn busy_text(&self) -> String {
        let note = self.waiting_note();
        let note = note.trim_end();
        let n = self.inputs.last().map(|(n, _, _)| *n).unwrap_or(0);
        if note.is_empty() {
            format!("error: input {n} is unfinished; :cancel or Ctrl-C stops it\n")
        } else {
            format!("error: input {n} is unfinished: {note}\n")
        }
    }

    /// The deadlock report of a shell input that can never finish, as
    /// `pidlab run` reports a main process that waits forever.
    fn deadlock_report(&self) -> String {
        let Some(p) = self.world.shell.and_then(|p| self.world.procs.get(&p)) else {
            return String::new();
        };
        let (line, span) = run::waiting_at(&p.process);
        let text = self
            .inputs
            .last()
            .map(|(_, t, _)| t.clone())
            .unwrap_or_default();
        let blocked: Vec<String> = run::blocked_in_receive(&self.world)
            .into_iter()
            .map(|(pid, at)| {
                format!(
                    "{} ({}) waits in receive at line {at}",
                    crate::world::event::pid_text(pid),
                    alias(pid)
                )
            })
            .collect();
        let d = if matches!(p.status, Status::Waiting { sleeping: true, .. }) {
            blocked.iter().fold(
                crate::diag::Diagnostic::error(format!(
                    "the shell sleeps forever (line {line}): nothing can wake `timer:sleep(infinity)`"
                ))
                .at(span, "sleeping here"),
                |d, b| d.note(b.clone()),
            )
        } else {
            run::deadlock_diagnostic("the shell", line, span, &blocked)
        };
        render_all(&[d], "shell", &text, self.style)
    }

    /// At the end of a script: the report of an input that can never finish.
    pub fn unfinished(&self) -> Option<String> {
        (self.pending_names.is_some() && self.world.enabled().is_empty())
            .then(|| self.deadlock_report())
            .filter(|r| !r.is_empty())
    }

    /// Whether the shell has an input that has not finished.
    pub fn busy(&self) -> bool {
        self.pending_names.is_some()
    }

    /// Applies choices until nothing can happen (or `max` steps), printing
    /// events when `show` and the shell's answer when it comes.
    fn run_until_quiet(
        &mut self,
        max: usize,
        show: bool,
        sink: &mut dyn FnMut(&str),
    ) -> (String, bool) {
        self.run_until(max, show, None, sink)
    }

    /// Like `run_until_quiet`, stopping early once `stop` holds.
    pub(super) fn run_until(
        &mut self,
        max: usize,
        show: bool,
        stop: Option<&dyn Fn(&World) -> bool>,
        sink: &mut dyn FnMut(&str),
    ) -> (String, bool) {
        self.run_loop(false, max, show, stop, sink)
    }

    /// Applies at most `max` choices, the scheduler's or with `shell_only`
    /// only the shell's, until none is left, `stop` holds, a bound of the
    /// world is reached or Ctrl-C; then settles.
    fn run_loop(
        &mut self,
        shell_only: bool,
        max: usize,
        show: bool,
        stop: Option<&dyn Fn(&World) -> bool>,
        sink: &mut dyn FnMut(&str),
    ) -> (String, bool) {
        let mut out = String::new();
        INTERRUPTED.store(false, std::sync::atomic::Ordering::SeqCst);
        for _ in 0..max {
            if INTERRUPTED.swap(false, std::sync::atomic::Ordering::SeqCst) {
                out.push_str(&self.interrupt());
                return (out, true);
            }
            if stop.is_some_and(|f| f(&self.world)) {
                break;
            }
            let next = if shell_only {
                self.shell_choice()
            } else {
                self.sched.pick(&self.world)
            };
            let Some(c) = next else {
                break;
            };
            out.push_str(&self.apply(&c, show, sink));
            if self.world.stopped.is_some() {
                break;
            }
        }
        let (answer, err) = self.settle();
        out.push_str(&answer);
        (out, err)
    }

    /// After the world moved: the shell's answer if its input ended, the
    /// error reports of processes that crashed, and word of the shell's
    /// death. A dead shell is replaced by a fresh one at the next input,
    /// with the bindings kept, as erl does.
    pub(super) fn settle(&mut self) -> (String, bool) {
        let (mut out, mut err) = self.answer();
        if let Some(why) = self.world.stopped.take() {
            out.push_str(&format!(
                "stopped: {why}\n   :back 1 returns to before this input; :reset starts a new world\n"
            ));
            err = true;
        }
        self.crashes_seen = self.crashes_seen.min(self.world.crashes.len());
        let fresh: Vec<&(crate::term::Pid, crate::vm::Exception)> =
            self.world.crashes.iter().skip(self.crashes_seen).collect();
        for (pid, e) in fresh.iter().take(MAX_REPORTS) {
            out.push_str(&run::error_report(*pid, e, self.world.time));
        }
        if fresh.len() > MAX_REPORTS {
            out.push_str(&format!(
                "... and {} more processes crashed (:procs lists them)\n",
                fresh.len() - MAX_REPORTS
            ));
        }
        self.crashes_seen = self.world.crashes.len();
        if let Some(pid) = self.world.shell {
            if let Some(Status::Exited(reason)) = self.world.process(pid).map(|p| &p.status) {
                if !err {
                    out.push_str(&self.colour_error(&format!(
                        "** exception exit: {}",
                        pretty::print(reason, 21, 80)
                    )));
                    out.push_str(&format!(
                        "   (the shell process {} ({}) ended; the next input runs in a new one, with your bindings)\n",
                        crate::world::event::pid_text(pid),
                        alias(pid)
                    ));
                    err = true;
                }
                if self.pending_names.take().is_some() {
                    self.ended = self.counter;
                }
                self.world.shell = None;
            }
        }
        (out, err)
    }

    fn colour_error(&self, line: &str) -> String {
        if self.style.color {
            use colored::Colorize;
            format!("{}\n", line.red())
        } else {
            format!("{line}\n")
        }
    }

    /// erl's words for an exception that ended a shell input, with a hint.
    fn exception_text(&self, e: &crate::vm::Exception) -> String {
        let undef_call = run::undef_call(e).filter(|_| e.reason.is_atom("undef"));
        let head = run::describe(e);
        let mut out = self.colour_error(&format!("** {head}"));
        if let Some(l) = e
            .location
            .as_ref()
            .filter(|l| !l.module.name().starts_with("erl_eval"))
        {
            out.push_str(&format!(
                "     in function  {}:{}/{} (line {})\n",
                l.module.name(),
                l.function.name(),
                l.arity,
                l.line
            ));
        }
        if undef_call.is_none() {
            if let Some(h) = run::crash_diagnostic(e, "the shell").help {
                out.push_str(&format!("   hint: {h}\n"));
            }
        }
        out
    }

    /// Applies one choice; returns the event lines to show.
    fn apply(
        &mut self,
        c: &crate::world::Choice,
        show: bool,
        sink: &mut dyn FnMut(&str),
    ) -> String {
        let mut out = String::new();
        self.record(c);
        let events = self.world.apply(c);
        if show && events.is_empty() {
            if let crate::world::Choice::Delay(d) = c {
                // A delay is timing, not an event: say what happened.
                let (id, at) = **d;
                out.push_str(&format!("m{id} arrives no earlier than t={at}\n"));
            }
        }
        for e in events {
            if let Kind::Output { text } = &e.kind {
                if !show {
                    sink(text);
                }
            }
            if show {
                out.push_str(&self.event_line(&e));
            }
        }
        out
    }

    fn event_line(&self, e: &Event) -> String {
        let line = crate::view::event::line(e);
        if self.style.color {
            use colored::Colorize;
            let colors = [
                colored::Color::Cyan,
                colored::Color::Green,
                colored::Color::Yellow,
                colored::Color::Magenta,
                colored::Color::Blue,
            ];
            let c = colors
                .get(e.proc.0 as usize % colors.len())
                .copied()
                .unwrap_or(colored::Color::White);
            format!("{}\n", line.color(c))
        } else {
            format!("{line}\n")
        }
    }

    /// The value or error of the input the shell just finished, if it did.
    fn answer(&mut self) -> (String, bool) {
        let Some(result) = self.world.shell_result.take() else {
            return (String::new(), false);
        };
        self.ended = self.counter;
        let names = self.pending_names.take().unwrap_or_default();
        match result {
            Ok(Term::Tuple(t)) => {
                if let (Some(v), Some(Term::Tuple(vals))) = (t.first(), t.get(1)) {
                    self.bindings = names.into_iter().zip(vals.iter().cloned()).collect();
                    if let Some(last) = self.inputs.last_mut() {
                        last.2 = Some(v.clone());
                    }
                    return (format!("{}\n", pretty::print(v, 1, 80)), false);
                }
                (String::new(), false)
            }
            Ok(v) => (format!("{v}\n"), false),
            Err(e) => (self.exception_text(&e), true),
        }
    }

    /// `name(Args) -> Body.` at the prompt: (re)defines a function that
    /// later inputs call by name. All such functions live in one module.
    fn define(&mut self, name: Atom, arity: usize, input: &str) -> Reply {
        let mut fns = self.shell_fns.clone();
        fns.retain(|(n, a, _)| !(*n == name && *a == arity));
        fns.push((name, arity, input.trim().to_string()));
        let exports: Vec<String> = fns
            .iter()
            .map(|(n, a, _)| format!("{}/{a}", crate::term::write::atom_text(n.name())))
            .collect();
        let mut src = format!(
            "-module({SHELL_FNS}).\n-export([{}]).\n",
            exports.join(", ")
        );
        for (_, _, text) in &fns {
            src.push_str(text);
            src.push('\n');
        }
        let (ast, diags) = crate::syntax::parse_module(&src, Some(SHELL_FNS));
        if diags.iter().any(crate::diag::Diagnostic::is_error) {
            return Reply::Text(render_all(&diags, "shell", &src, self.style), true);
        }
        match crate::compile::compile_module(&ast, "shell", &src) {
            Ok((m, _)) => {
                self.world.code.load(m);
                self.shell_fns = fns;
                Reply::Text(format!("ok ({}/{arity} defined)\n", name.name()), false)
            }
            Err(d) => Reply::Text(render_all(&d, "shell", &src, self.style), true),
        }
    }

    /// Bound variables, process aliases, message ids in flight and loaded
    /// modules: what completion offers besides fixed names.
    pub fn completion_words(&self) -> Vec<String> {
        let mut v: Vec<String> = self.bindings.iter().map(|(n, _)| n.clone()).collect();
        v.extend(self.world.processes().iter().map(|(p, _)| alias(*p)));
        v.extend(self.world.network.iter().map(|m| format!("m{}", m.id)));
        v.extend(
            self.world
                .code
                .names()
                .map(|m| format!("{}:", m.name()))
                .filter(|m| !m.starts_with("erl_eval")),
        );
        v
    }

    /// A module named on the command line: loaded as `c("FILE").` would,
    /// and logged as that input so `:save` and `pidlab replay` rebuild it.
    pub fn load_from_command_line(&mut self, path: &std::path::Path) -> (String, bool) {
        let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let text = format!("{:?}", full.display().to_string());
        self.log.push(format!("c({text})."));
        self.load_file(path)
    }

    /// `c("file.erl")`: compiles a module and loads it into the world.
    pub fn load_file(&mut self, path: &std::path::Path) -> (String, bool) {
        let (text, module) = self.load_module(path);
        (text, module.is_none())
    }

    /// `load_file`, with the module's name when it loaded.
    fn load_module(&mut self, path: &std::path::Path) -> (String, Option<Atom>) {
        let name = path.display().to_string();
        let src = match std::fs::read(path) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => return (format!("error: cannot read {name}: {e}\n"), None),
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("main");
        let read = crate::syntax::include::beside(path);
        let origin = crate::syntax::include::Origin {
            file: &name,
            read: &read,
        };
        let (ast, diags) = crate::syntax::parse_module_from(&src, Some(stem), Some(&origin));
        if diags.iter().any(crate::diag::Diagnostic::is_error) {
            return (render_all(&diags, &name, &src, self.style), None);
        }
        match crate::compile::compile_module(&ast, &name, &src) {
            Ok((m, warnings)) => {
                let all: Vec<_> = diags.into_iter().chain(warnings).collect();
                let text = render_all(&all, &name, &src, self.style);
                let m = self.world.code.load(m);
                (
                    format!(
                        "{text}{{ok,{}}}\n",
                        crate::term::write::atom_text(m.name.name())
                    ),
                    Some(m.name),
                )
            }
            Err(errors) => (
                render_all(&errors, &name, &src, self.style) + "error\n",
                None,
            ),
        }
    }

    /// Ctrl-C: the shell stops evaluating its input; every other process,
    /// message and binding stays as it was.
    pub fn interrupt(&mut self) -> String {
        if let Some(pid) = self.world.shell.filter(|p| self.world.is_alive(*p)) {
            if self.pending_names.take().is_some() {
                self.world.set_status(pid, crate::world::Status::Idle);
                self.world.shell_result = None;
                return "interrupted: the shell stopped its input; the world and your bindings are intact\n".into();
            }
        }
        "interrupted: the world is intact\n".into()
    }
}

/// Splits script text into inputs: `:command` lines and Erlang
/// expressions up to their `.` (two on one line are two inputs, as in
/// erl); blank lines and `%` comment lines between inputs are skipped. A
/// last, unfinished input is returned as it is.
pub fn inputs(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut buf = String::new();
    for line in text.lines() {
        if buf.is_empty() && (line.trim().is_empty() || line.trim_start().starts_with('%')) {
            continue;
        }
        buf.push_str(line);
        buf.push('\n');
        if ready(&buf) {
            out.extend(parts(&std::mem::take(&mut buf)));
        }
    }
    if !buf.trim().is_empty() {
        out.push(buf);
    }
    out
}

/// One whole input (as `ready` says) split into the inputs erl would
/// read from it: `A = 3. A + 1.` is two. A `:command` line is one.
fn parts(input: &str) -> Vec<String> {
    if input.trim_start().starts_with(':') {
        return vec![input.to_string()];
    }
    crate::syntax::split_inputs(input)
        .into_iter()
        .map(|p| format!("{p}\n"))
        .collect()
}

/// Whether the text read so far is one whole input: a `:command` line, a
/// blank line, or Erlang expressions ending with `.`.
fn ready(buf: &str) -> bool {
    let t = buf.trim_start();
    t.starts_with(':') || t.is_empty() || crate::syntax::input_complete(buf)
}

fn history_path() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".local/share"))
        })?;
    let dir = base.join("pidlab");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

/// Runs the shell on a terminal with line editing and history.
/// How the shell starts.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// A module to compile and load first.
    pub load: Option<std::path::PathBuf>,
    /// Script mode: print each input before its answer.
    pub echo: bool,
    /// A lesson to open in the shell.
    pub lesson: Option<crate::lesson::Lesson>,
}

pub fn interactive(style: Style, opts: &Options) -> std::io::Result<()> {
    use rustyline::error::ReadlineError;
    let words = std::rc::Rc::new(std::cell::RefCell::new(editor::Words::default()));
    let config = rustyline::Config::builder()
        .completion_type(rustyline::CompletionType::List)
        .build();
    let mut ed: rustyline::Editor<editor::ShellHelper, rustyline::history::DefaultHistory> =
        rustyline::Editor::with_config(config).map_err(std::io::Error::other)?;
    ed.set_helper(Some(editor::ShellHelper {
        words: words.clone(),
        color: style.color,
    }));
    let hist = history_path();
    if let Some(h) = &hist {
        let _ = ed.load_history(h);
    }
    println!("pidlab shell (Erlang expressions end with `.`; :help lists commands; q(). quits)");
    // Ctrl-C at the prompt is a key rustyline reads; while the world runs
    // it is a signal, which stops the run at its next step.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst));
    let mut session = Session::new(style);
    if let Some(f) = &opts.load {
        print!("{}", session.load_from_command_line(f).0);
    }
    if let Some(l) = &opts.lesson {
        match session.start_lesson(l.clone()) {
            Ok(t) => print!("{t}"),
            Err(e) => {
                eprintln!("pidlab: {e}");
                return Ok(());
            }
        }
    }
    let mut buf = String::new();
    let mut held: Option<Held> = None;
    loop {
        if let Some(h) = held.take() {
            if session.busy() {
                held = Some(h);
            } else if session.ended == h.after {
                if run_parts(&mut session, h.parts, true, &mut held) {
                    break;
                }
                continue;
            } else {
                let rest: Vec<&str> = h.parts.iter().map(|p| p.trim_end()).collect();
                println!(
                    "(not run, since input {} did not finish: {}; Up brings the line back)",
                    h.after,
                    rest.join(" ")
                );
            }
        }
        let prompt = if buf.is_empty() {
            format!("{}> ", session.counter + 1)
        } else {
            ".. ".to_string()
        };
        // A Ctrl-C pressed after the run's last check and before the
        // editor took the terminal arrived as a signal: it is the key.
        if INTERRUPTED.swap(false, std::sync::atomic::Ordering::SeqCst) {
            ctrl_c(&mut session, &mut buf);
            continue;
        }
        match ed.readline(&prompt) {
            Ok(line) => {
                buf.push_str(&line);
                buf.push('\n');
                if !ready(&buf) {
                    continue;
                }
                let input = std::mem::take(&mut buf);
                if input.trim().is_empty() {
                    continue;
                }
                let _ = ed.add_history_entry(input.trim_end());
                if run_parts(&mut session, parts(&input).into(), false, &mut held) {
                    break;
                }
                words.borrow_mut().dynamic = session.completion_words();
            }
            Err(ReadlineError::Interrupted) => ctrl_c(&mut session, &mut buf),
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(std::io::Error::other(e)),
        }
    }
    if let Some(h) = &hist {
        let _ = ed.save_history(h);
    }
    Ok(())
}

/// Inputs of one line that wait for an earlier input of the same line,
/// which left the shell waiting (a `receive` in manual mode): erl runs
/// them in turn once it finishes.
struct Held {
    /// The input they wait for.
    after: u32,
    parts: std::collections::VecDeque<String>,
}

/// Runs `parts`, the inputs of one line, in turn; each but the first
/// (unless `show_first`) is shown at its own prompt before its answer,
/// as erl shows them. When one leaves the shell waiting, the rest wait
/// for it in `held`. True when an input quits the shell.
fn run_parts(
    session: &mut Session,
    mut parts: std::collections::VecDeque<String>,
    show_first: bool,
    held: &mut Option<Held>,
) -> bool {
    let mut show = show_first;
    while let Some(part) = parts.pop_front() {
        if show {
            println!("{}> {}", session.counter + 1, part.trim_end());
        }
        show = true;
        let refused = session.busy();
        match session.eval(&part, &mut |s| print!("{s}")) {
            Reply::Quit => return true,
            Reply::Text(t, _) => print!("{t}"),
        }
        if parts.is_empty() || !session.busy() {
            continue;
        }
        if refused {
            // Typed while an earlier input waits: none of the line runs.
            println!("(the rest of the line was not run either; Up brings it back)");
        } else {
            let n = parts.len();
            println!(
                "({n} more input{} of this line wait{} for input {} to finish; :cancel or Ctrl-C drops {})",
                if n == 1 { "" } else { "s" },
                if n == 1 { "s" } else { "" },
                session.counter,
                if n == 1 { "it" } else { "them" },
            );
            *held = Some(Held {
                after: session.counter,
                parts,
            });
        }
        return false;
    }
    false
}

/// Ctrl-C at the prompt: stops what the shell's process waits for, or
/// drops the input typed so far.
fn ctrl_c(session: &mut Session, buf: &mut String) {
    if buf.trim().is_empty() && session.busy() {
        print!("{}", session.interrupt());
    } else {
        println!("(input discarded; q(). quits)");
    }
    buf.clear();
}

/// Runs inputs read from `input` without prompts: for scripts and pipes.
pub fn script(input: &str, out: &mut dyn std::io::Write, opts: &Options) -> std::io::Result<bool> {
    let mut session = Session::for_script(Style::PLAIN);
    if let Some(f) = &opts.load {
        let (t, _) = session.load_from_command_line(f);
        out.write_all(t.as_bytes())?;
    }
    let mut ok = true;
    let all = inputs(input);
    let complete = all.last().is_none_or(|l| ready(l));
    for text in all {
        if !ready(&text) {
            break;
        }
        if opts.echo {
            for l in text.trim_end().lines() {
                writeln!(out, "> {l}")?;
            }
        }
        let mut printed = String::new();
        let reply = session.eval(&text, &mut |s| printed.push_str(s));
        out.write_all(printed.as_bytes())?;
        match reply {
            Reply::Quit => return Ok(ok),
            Reply::Text(t, err) => {
                ok &= !err;
                out.write_all(t.as_bytes())?;
            }
        }
    }
    if !complete {
        out.write_all(b"the input ends in the middle of an expression (missing `.`?)\n")?;
        ok = false;
    }
    if let Some(report) = session.unfinished() {
        out.write_all(report.as_bytes())?;
        ok = false;
    }
    Ok(ok)
}
