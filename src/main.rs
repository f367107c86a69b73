//! The `pidlab` command line: parses arguments and dispatches. All work
//! happens in the library.

use clap::{Parser, Subcommand};
use pidlab::diag::render::{render_all, render_bare, Style};
use pidlab::diag::Diagnostic;
use pidlab::run::{self, Outcome, RunLimits};
use pidlab::term::pretty;
use pidlab::world::faults::{self, FaultPlan};
use pidlab::world::sched::Sched;
use pidlab::world::WorldLimits;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "pidlab",
    version,
    about = "A laboratory for distributed processes: Erlang on a deterministic virtual scheduler"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A module to load into the shell.
    file: Option<std::path::PathBuf>,
}

/// The fault and timing flags `run` and `explore` share.
#[derive(clap::Args, Clone, Debug, Default)]
struct FaultArgs {
    /// Link model: erlang (default), perfect, or fair-loss:loss=P,dup=Q.
    #[arg(long)]
    net: Option<String>,
    /// Timing: local (default), async, sync[:delta=D] or psync:gst=T,delta=D.
    #[arg(long)]
    timing: Option<String>,
    /// A fault plan in TOML; flags given beside it override its fields.
    #[arg(long, value_name = "FILE")]
    faults: Option<std::path::PathBuf>,
    /// Omission faults: NAME:send=P,receive=Q (repeatable).
    #[arg(long)]
    omit: Vec<String>,
    /// A Byzantine process: NAME:corrupt=P,dup=P,drop=P,forge=P (repeatable).
    #[arg(long)]
    byzantine: Vec<String>,
    /// An Erlang fun that rewrites every message a Byzantine process sends.
    #[arg(long, value_name = "FUN")]
    byzantine_fun: Option<String>,
    /// Heal the partition at this virtual time.
    #[arg(long, value_name = "T", value_parser = clap::value_parser!(u64).range(..=faults::MAX_TIME_MS))]
    heal_at: Option<u64>,
    /// Restart a crashed process: NAME@time=T (repeatable; crash-recovery).
    #[arg(long)]
    recover: Vec<String>,
    /// Fault budget: losses=K,crashes=F,dups=D,delays=T.
    #[arg(long)]
    budget: Option<String>,
    /// Partition the processes, e.g. 'a,b|c' (add :hold to keep, not drop, messages across the cut).
    #[arg(long)]
    partition: Option<String>,
    /// Crash a process: NAME@send=K, NAME@receive=K or NAME@time=T (repeatable).
    #[arg(long)]
    crash: Vec<String>,
    /// Fail-stop: a crash fires links and monitors (crash-stop, the default, tells nobody).
    #[arg(long)]
    fail_stop: bool,
}

impl FaultArgs {
    fn flags(&self) -> PlanFlags<'_> {
        PlanFlags {
            file: self.faults.as_deref(),
            net: self.net.as_deref(),
            timing: self.timing.as_deref(),
            partition: self.partition.as_deref(),
            crashes: &self.crash,
            omit: &self.omit,
            byzantine: &self.byzantine,
            byzantine_fun: self.byzantine_fun.as_deref(),
            heal_at: self.heal_at,
            recover: &self.recover,
            fail_stop: self.fail_stop,
            budget: self.budget.as_deref(),
        }
    }

    /// The flags as they would be written on a command line.
    fn words(&self) -> Vec<String> {
        let mut out = vec![];
        let mut one = |flag: &str, v: &str| {
            out.push(flag.to_string());
            out.push(v.to_string());
        };
        if let Some(f) = &self.faults {
            one("--faults", &f.display().to_string());
        }
        for (flag, v) in [
            ("--net", &self.net),
            ("--timing", &self.timing),
            ("--partition", &self.partition),
            ("--byzantine-fun", &self.byzantine_fun),
            ("--budget", &self.budget),
        ] {
            if let Some(v) = v {
                one(flag, v);
            }
        }
        for (flag, vs) in [
            ("--omit", &self.omit),
            ("--byzantine", &self.byzantine),
            ("--recover", &self.recover),
            ("--crash", &self.crash),
        ] {
            for v in vs {
                one(flag, v);
            }
        }
        if let Some(t) = self.heal_at {
            one("--heal-at", &t.to_string());
        }
        if self.fail_stop {
            out.push("--fail-stop".into());
        }
        out
    }

    fn is_empty(&self) -> bool {
        self.words().is_empty()
    }
}

#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once at start-up
enum Command {
    /// Compile FILE.erl and call main/1 (with ARGS as strings) or main/0.
    Run {
        file: std::path::PathBuf,
        args: Vec<String>,
        /// Stop after this many reductions (function calls).
        #[arg(long, default_value_t = RunLimits::default().max_reductions)]
        max_reductions: u64,
        /// Seed of the random scheduler.
        #[arg(long, default_value_t = pidlab::world::sched::DEFAULT_SEED)]
        seed: u64,
        /// Scheduler: random (seeded), rr (round-robin) or sync (lockstep rounds).
        #[arg(long, default_value = "random", value_parser = ["random", "rr", "sync"])]
        sched: String,
        /// Print every event with its clocks on stderr.
        #[arg(long)]
        trace: bool,
        /// Write the events as JSON Lines to FILE (see TRACE.md).
        #[arg(long, value_name = "FILE")]
        trace_json: Option<std::path::PathBuf>,
        /// Most live processes at once.
        #[arg(long, default_value_t = WorldLimits::default().max_procs)]
        max_procs: usize,
        /// Most messages waiting in one mailbox.
        #[arg(long, default_value_t = WorldLimits::default().max_mailbox)]
        max_mailbox: usize,
        #[command(flatten)]
        plan: FaultArgs,
        /// Replay the choices of a schedule file (a counterexample of
        /// `pidlab explore`), under its fault flags unless others are given.
        #[arg(long, value_name = "FILE")]
        schedule: Option<std::path::PathBuf>,
        /// Most memory the run may use, in MiB; a process that goes past it
        /// fails with {system_limit, memory}.
        #[arg(long, default_value_t = 4096)]
        max_heap: usize,
        /// Most scheduling steps in the run.
        #[arg(long, default_value_t = WorldLimits::default().max_steps)]
        max_steps: u64,
        /// After main returns, let the other processes run until nothing can happen.
        #[arg(long)]
        wait: bool,
        /// Draw the run as a space-time diagram on stderr when it ends.
        #[arg(long)]
        diagram: bool,
        /// Report on stderr, when the run ends, how much of the time the
        /// service of these processes (aliases or registered names) was up.
        #[arg(long, value_name = "P,Q,..")]
        availability: Option<String>,
        /// With --availability: the service is up while at least K of its
        /// processes are.
        #[arg(long, value_name = "K", default_value_t = 1, requires = "availability")]
        quorum: usize,
        /// Write the run's trace as FORMAT (dot, mermaid, shiviz, json,
        /// html, svg) to PATH when it ends (repeatable).
        #[arg(long, value_name = "FORMAT=PATH")]
        export: Vec<String>,
    },
    /// Explore every execution of FILE.erl under the fault and timing
    /// flags, checking properties; a violation is saved as a schedule.
    Explore {
        file: std::path::PathBuf,
        args: Vec<String>,
        /// A property module: always_NAME/1, sometimes_NAME/1, eventually_NAME/1.
        #[arg(long, value_name = "PROPS.erl")]
        props: Option<std::path::PathBuf>,
        /// A check that needs no code: no-crash, no-deadlock or no-leftover (repeatable).
        #[arg(long, value_parser = ["no-crash", "no-deadlock", "no-leftover"])]
        check: Vec<String>,
        #[command(flatten)]
        plan: FaultArgs,
        /// Longest execution explored, in steps.
        #[arg(long, default_value_t = 200)]
        max_depth: usize,
        /// Most states explored.
        #[arg(long, default_value_t = 1_000_000)]
        max_states: usize,
        /// Stop after this many seconds (with what was found so far).
        #[arg(long, value_name = "S")]
        time_limit: Option<f64>,
        /// Stop when the search holds this much memory, in MiB (with what
        /// was found so far).
        #[arg(long, default_value_t = 4096)]
        max_memory: usize,
        /// Fewest faults, then fewest steps first (the default): shortest counterexamples.
        #[arg(long, conflicts_with_all = ["dfs", "random"])]
        bfs: bool,
        /// Depth first.
        #[arg(long, conflicts_with = "random")]
        dfs: bool,
        /// N random executions with the plan's odds, for spaces too large to exhaust.
        #[arg(long, value_name = "N")]
        random: Option<u64>,
        /// Seed of the random executions.
        #[arg(long, default_value_t = pidlab::world::sched::DEFAULT_SEED)]
        seed: u64,
        /// Explore every order of independent steps (no partial-order reduction).
        #[arg(long)]
        no_reduction: bool,
        /// Workers for an exhaustive or random search (default: one per core).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=256))]
        threads: Option<u64>,
        /// Write the first counterexample as a schedule file (replay with run --schedule).
        #[arg(long, value_name = "OUT.json")]
        counterexample: Option<std::path::PathBuf>,
        /// text (default) or json.
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
    /// Run FILE.erl on real distributed Erlang nodes (erl on loopback),
    /// recording its trace with Erlang's own tracing.
    Beam(BeamArgs),
    /// Print the pidlab module for real Erlang: `pidlab shim > pidlab.erl`.
    Shim,
    /// Draw a saved trace (`run --trace-json`) as a space-time diagram.
    Diagram {
        /// The trace, JSON Lines as TRACE.md gives.
        trace: std::path::PathBuf,
        /// --vc, --ascii, --unicode, --collapse, --procs p1,p3, --range
        /// e3..e20, --past E, --future E, --cut E1,E2, --concurrent E,
        /// --width N, all (deliveries too).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        options: Vec<String>,
    },
    /// Write a saved trace in another format: dot, mermaid, shiviz, json, html or svg.
    Export {
        trace: std::path::PathBuf,
        #[arg(long, value_parser = pidlab::view::FORMATS)]
        format: String,
        /// Where to write it (`-` for stdout).
        #[arg(short, long, value_name = "PATH")]
        out: std::path::PathBuf,
    },
    /// The lessons: list them with your progress, open one in the shell
    /// (`pidlab lesson 01`), or check them all (`--check`).
    Lesson {
        /// The lesson: its number (`3` or `03`), its file name or slug.
        which: Option<String>,
        /// Run every transcript and task solution of the lessons (or of
        /// WHICH) without a terminal; exit 0 only if all pass.
        #[arg(long)]
        check: bool,
        /// Read lessons from this folder instead of those built in.
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
    /// Grade a solution of an exercise: `pidlab check EXERCISE SOLUTION.erl`.
    Check {
        exercise: Option<String>,
        solution: Option<std::path::PathBuf>,
        /// text (for students), json (Gradescope's results.json) or junit.
        #[arg(long, default_value = "text", value_parser = ["text", "json", "junit"])]
        format: String,
        /// Write the report to FILE instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<std::path::PathBuf>,
        /// List the exercises.
        #[arg(long, conflicts_with_all = ["exercise", "all"])]
        list: bool,
        /// Grade every exercise's reference and wrong solutions (from
        /// tests/exercises/) and show that each gets the points it should.
        #[arg(long, conflicts_with = "exercise")]
        all: bool,
        /// Check again whenever the solution file changes.
        #[arg(long)]
        watch: bool,
    },
    /// Run a file of shell inputs (as `pidlab < FILE` does).
    Script {
        file: std::path::PathBuf,
        /// Print each input before its answer.
        #[arg(long)]
        echo: bool,
    },
    /// Rebuild a session saved with `:save FILE`, printing what it printed.
    Replay { file: std::path::PathBuf },
    /// Evaluate shell expressions ending with `.` and print the value.
    Eval {
        /// May start with `-`, as in `pidlab eval '-7 rem 3.'`.
        #[arg(allow_hyphen_values = true)]
        exprs: String,
    },
}

fn stderr_style() -> Style {
    Style::for_stream(std::io::stderr().is_terminal())
}

fn stdout_style() -> Style {
    Style::for_stream(std::io::stdout().is_terminal())
}

/// How a diagram is drawn for a stream with `style`.
fn diagram_options(style: &Style) -> pidlab::view::diagram::Options {
    pidlab::view::diagram::Options {
        unicode: style.unicode,
        color: style.color,
        ..pidlab::view::diagram::Options::plain(pidlab::view::width())
    }
}

fn report(diags: &[Diagnostic], name: &str, src: &str) {
    eprint!("{}", render_all(diags, name, src, stderr_style()));
}

fn outcome_failure(o: &Outcome, name: &str, src: &str) -> ExitCode {
    match o {
        Outcome::Returned(_) => return ExitCode::SUCCESS,
        Outcome::Halted(status) => return ExitCode::from(*status),
        Outcome::ScheduleEnd(n) => {
            eprintln!(
                "the schedule's {n} {} replayed; the execution ends there",
                if *n == 1 {
                    "choice was"
                } else {
                    "choices were"
                }
            );
            return ExitCode::SUCCESS;
        }
        Outcome::Crashed(e) => {
            let d = run::crash_diagnostic(e, "the main process");
            if e.location
                .as_ref()
                .is_some_and(|l| l.module.name() != "erl_eval" || name == "shell")
            {
                report(&[d], name, src);
            } else {
                eprint!("{}", render_bare(&d, stderr_style()));
            }
        }
        Outcome::Deadlock {
            line,
            span,
            blocked,
        } => {
            let d = run::deadlock_diagnostic("the main process", *line, *span, blocked);
            report(&[d], name, src);
        }
        Outcome::Bound(why) => {
            eprint!(
                "{}",
                render_bare(
                    &Diagnostic::error(format!("stopped: {why}")),
                    stderr_style()
                )
            );
        }
        Outcome::ReductionLimit(n) => {
            eprint!(
                "{}",
                render_bare(
                    &Diagnostic::error(format!("stopped after {n} reductions: the program may loop forever"))
                        .help("raise the bound with --max-reductions N if the program really needs more work"),
                    stderr_style()
                )
            );
        }
    }
    ExitCode::from(1)
}

/// Where the events of a run go.
struct TraceOpts {
    human: bool,
    /// Draw the diagram on stderr at the end.
    diagram: bool,
    /// Formats and paths to export the trace to at the end.
    exports: Vec<(String, std::path::PathBuf)>,
    /// The service's processes and quorum to measure availability of.
    availability: Option<(String, usize)>,
    /// Go on after main returns until nothing can happen.
    wait: bool,
    json: Option<std::path::PathBuf>,
    world: WorldLimits,
    faults: FaultPlan,
    seed: u64,
}

/// The fault plan the flags describe, on top of a plan file's.
struct PlanFlags<'a> {
    file: Option<&'a std::path::Path>,
    net: Option<&'a str>,
    timing: Option<&'a str>,
    partition: Option<&'a str>,
    crashes: &'a [String],
    omit: &'a [String],
    byzantine: &'a [String],
    byzantine_fun: Option<&'a str>,
    heal_at: Option<u64>,
    recover: &'a [String],
    fail_stop: bool,
    budget: Option<&'a str>,
}

/// A plan that could not be read: the diagnostic, and the name and text it points into.
type PlanError = Box<(Diagnostic, String, String)>;

fn fault_plan(f: &PlanFlags<'_>) -> Result<FaultPlan, PlanError> {
    let flag = |e: faults::FlagError| {
        let (d, src) = *e;
        Box::new((d, "flags".to_string(), src))
    };
    let mut plan = match f.file {
        Some(path) => {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| {
                (
                    Diagnostic::error(format!("cannot read {name}: {e}")),
                    name.clone(),
                    String::new(),
                )
            })?;
            faults::load_plan(&text).map_err(|d| Box::new((*d, name, text)))?
        }
        None => FaultPlan::default(),
    };
    if let Some(n) = f.net {
        plan.net = faults::parse_net(n).map_err(flag)?;
    }
    if let Some(t) = f.timing {
        plan.timing = faults::parse_timing(t).map_err(flag)?;
    }
    if let Some(p) = f.partition {
        plan.partition = Some(faults::parse_partition(p).map_err(flag)?);
    }
    for c in f.crashes {
        plan.crashes.push(faults::parse_crash(c).map_err(flag)?);
    }
    for o in f.omit {
        plan.omissions
            .push(faults::parse_omission(o).map_err(flag)?);
    }
    for b in f.byzantine {
        plan.byzantine
            .push(faults::parse_byzantine(b).map_err(flag)?);
    }
    if let Some(src) = f.byzantine_fun {
        if let Err(ds) = pidlab::run::compile_adversary(src) {
            let d = ds
                .into_iter()
                .next()
                .unwrap_or_else(|| Diagnostic::error("the fun does not compile"));
            let text = format!("-module(pidlab_adversary).\n-export([rewrite/1]).\nrewrite(Msg) -> F = {src}, F(Msg).\n");
            return Err(Box::new((d, "--byzantine-fun".into(), text)));
        }
        plan.byzantine_fun = Some(src.to_string());
    }
    plan.heal_at = f.heal_at.or(plan.heal_at);
    for r in f.recover {
        plan.recoveries.push(faults::parse_crash(r).map_err(flag)?);
    }
    plan.fail_stop |= f.fail_stop;
    if let Some(b) = f.budget {
        plan.set_budget(faults::parse_budget(b).map_err(flag)?);
    }
    Ok(plan)
}

/// Reads, parses and compiles one module file, reporting its warnings;
/// on an error it reports it and gives None. Gives the module, the span of
/// its name, the file's name and its text.
fn compile_file(
    file: &std::path::Path,
    loud: bool,
) -> Option<(
    pidlab::vm::Module,
    Option<pidlab::syntax::ast::Span>,
    String,
    String,
)> {
    let name = file.display().to_string();
    let src = read_text(file)?;
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("main");
    let read = pidlab::syntax::include::beside(file);
    let origin = pidlab::syntax::include::Origin {
        file: &name,
        read: &read,
    };
    let (ast, diags) = pidlab::syntax::parse_module_from(&src, Some(stem), Some(&origin));
    if diags.iter().any(Diagnostic::is_error) {
        if loud {
            report(&diags, &name, &src);
        }
        return None;
    }
    match pidlab::compile::compile_module(&ast, &name, &src) {
        Ok((m, warnings)) => {
            let all: Vec<Diagnostic> = diags.into_iter().chain(warnings).collect();
            if loud {
                report(&all, &name, &src);
            }
            Some((m, ast.name.map(|(_, s)| s), name, src))
        }
        Err(errors) => {
            if loud {
                report(&errors, &name, &src);
            }
            None
        }
    }
}

/// A program ready to run: its code (prelude, the module, and the other
/// modules named before the arguments), its entry and arguments.
struct Program {
    code: pidlab::vm::Code,
    main: std::rc::Rc<pidlab::vm::Module>,
    func: u32,
    args: Vec<pidlab::term::Term>,
    name: String,
    src: String,
}

/// Compiles a program for `run` and `explore`, reporting any error.
fn load_program(file: &std::path::Path, args: &[String], loud: bool) -> Option<Program> {
    let (module, ast_name, name, src) = compile_file(file, loud)?;
    // Arguments that name .erl files are more modules of the program
    // (`pidlab run client.erl server.erl`); the rest go to main/1.
    let extra = args
        .iter()
        .take_while(|a| a.ends_with(".erl") && std::path::Path::new(a).is_file())
        .count();
    let (more, args) = args.split_at(extra);
    let mut others = vec![];
    for f in more {
        others.push(compile_file(std::path::Path::new(f), loud)?.0);
    }
    let Some((func, takes_args)) = run::entry(&module) else {
        if !loud {
            return None;
        }
        report(
            &[
                Diagnostic::error("this module exports no `main/0` or `main/1`")
                    .at(ast_name.unwrap_or_default(), "in this module")
                    .help("add `-export([main/0]).` and a function `main() -> ...`"),
            ],
            &name,
            &src,
        );
        return None;
    };
    let mut code = run::new_code();
    for o in others {
        code.load(o);
    }
    let main = code.load(module);
    let args = if takes_args {
        vec![run::main_args(args)]
    } else {
        vec![]
    };
    Some(Program {
        code,
        main,
        func,
        args,
        name,
        src,
    })
}

fn cmd_run(
    file: &std::path::Path,
    args: &[String],
    limits: RunLimits,
    trace: &TraceOpts,
) -> ExitCode {
    let Some(program) = load_program(file, args, true) else {
        return ExitCode::from(1);
    };
    let Program {
        code,
        main: m,
        func,
        args: call_args,
        name,
        src,
    } = program;
    let json = match &trace.json {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Some(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("pidlab: cannot write {}: {e}", path.display());
                return ExitCode::from(1);
            }
        },
        None => None,
    };
    let mut world = pidlab::world::World::new(code.clone());
    world.limits = trace.world;
    world.faults = trace.faults.clone().into();
    world.seed = trace.seed;
    // Events stream to the trace outputs; the run itself keeps none.
    world.keep_trace = false;
    let keep = trace.diagram || !trace.exports.is_empty() || trace.availability.is_some();
    world.track_vc = trace.human || trace.json.is_some() || keep || reads_vc(&src);
    let kept = std::cell::RefCell::new(vec![]);
    // Output, trace lines and error reports are written as they happen,
    // each by one of the hooks below.
    let sinks = std::cell::RefCell::new(Sinks {
        out: std::io::BufWriter::new(std::io::stdout().lock()),
        err: std::io::stderr().lock(),
        json,
    });
    let mut line = Vec::new();
    let mut writer = pidlab::view::event::JsonWriter::default();
    let hooks = run::Hooks {
        output: &mut |s| {
            let _ = sinks.borrow_mut().out.write_all(&run::latin1_bytes(s));
        },
        event: &mut |e| {
            let mut sinks = sinks.borrow_mut();
            if trace.human {
                let _ = writeln!(sinks.err, "{}", pidlab::view::event::line(e));
            }
            if let Some(j) = sinks.json.as_mut() {
                // Records gather in `line` and go out in large writes.
                writer.write(e, &mut line);
                line.push(b'\n');
                if line.len() >= 1 << 16 {
                    let _ = j.write_all(&line);
                    line.clear();
                }
            }
            if keep {
                kept.borrow_mut().push(e.clone());
            }
        },
        crash: &mut |pid, e, time| {
            let mut sinks = sinks.borrow_mut();
            // What the program printed before the crash comes first.
            let _ = sinks.out.flush();
            let _ = sinks
                .err
                .write_all(run::error_report(pid, e, time).as_bytes());
        },
    };
    let done = run::run_main(&mut world, &m, func, call_args, limits, trace.wait, hooks);
    let mut sinks = sinks.into_inner();
    if let Some(j) = sinks.json.as_mut() {
        let _ = j.write_all(&line);
        let _ = j.flush();
    }
    let _ = sinks.out.flush();
    drop(sinks);
    if !trace.wait && matches!(done.outcome, Outcome::Returned(_)) {
        if let Some(line) = still_running_line(&done.still_running) {
            eprintln!("{line}");
        }
    }
    let mut status = outcome_failure(&done.outcome, &name, &src);
    if keep {
        let t = pidlab::view::trace::Trace::from_events(&kept.into_inner());
        if trace.diagram {
            eprint!(
                "{}",
                pidlab::view::diagram::render(&t, &diagram_options(&stderr_style()))
            );
        }
        if let Some((names, k)) = &trace.availability {
            use pidlab::view::availability;
            match availability::procs_named(&t, names) {
                Ok(ps) => eprint!(
                    "{}",
                    availability::measure(&t, &ps, *k, world.time).text(&t)
                ),
                Err(msg) => {
                    eprint!(
                        "{}",
                        render_bare(
                            &Diagnostic::error(format!("--availability: {msg}")),
                            stderr_style()
                        )
                    );
                    status = ExitCode::from(2);
                }
            }
        }
        for (format, path) in &trace.exports {
            if let Err(msg) = write_export(&t, format, path) {
                eprintln!("pidlab: {msg}");
                status = ExitCode::from(1);
            }
        }
    }
    let unknown = done.roster.unknown(&trace.faults);
    if unknown.is_empty() {
        return status;
    }
    let processes = done.roster.describe();
    let last = unknown.len().saturating_sub(1);
    for (i, (flag, who)) in unknown.into_iter().enumerate() {
        let mut d = Diagnostic::error(format!(
            "{flag} names {who}, but no process of this run had that name; processes: {processes}"
        ));
        if i == last {
            d = d.help("name a process by its alias (p1 is main, p2 the next process spawned, ...), its registered name or its pid");
        }
        eprint!("{}", render_bare(&d, stderr_style()));
    }
    ExitCode::from(2)
}

/// The flags of `pidlab beam`.
#[derive(clap::Args)]
struct BeamArgs {
    file: std::path::PathBuf,
    /// More modules of the program (FILE.erl), then main's arguments.
    args: Vec<String>,
    /// How many nodes: main runs on n1, spawns go round-robin.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=16))]
    nodes: u64,
    /// Write the trace as JSON Lines to FILE (see TRACE.md).
    #[arg(long, value_name = "FILE")]
    trace_json: Option<std::path::PathBuf>,
    /// Draw the run as a space-time diagram on stderr when it ends.
    #[arg(long)]
    diagram: bool,
    /// Write the trace as FORMAT to PATH when the run ends (repeatable).
    #[arg(long, value_name = "FORMAT=PATH")]
    export: Vec<String>,
    /// Cut the nodes apart, e.g. 'n1|n2,n3'; '@T' cuts T milliseconds
    /// after the start.
    #[arg(long)]
    partition: Option<String>,
    /// Reconnect the nodes this many milliseconds after the start.
    #[arg(long, value_name = "T")]
    heal_at: Option<u64>,
    /// Crash at a time: n3@time=T halts node n3, p2@time=T or
    /// NAME@time=T kills a process (repeatable).
    #[arg(long)]
    crash: Vec<String>,
    /// Stop once nothing has happened for this many milliseconds and
    /// every process waits in a receive.
    #[arg(long, value_name = "MS", default_value_t = 1000)]
    quiet: u64,
    /// Stop after this many seconds in any case.
    #[arg(long, value_name = "S", default_value_t = 30)]
    time_limit: u64,
    /// Stop once a node has recorded this many events.
    #[arg(long, value_name = "N", default_value_t = 200_000)]
    max_events: u64,
}

fn cmd_beam(a: &BeamArgs) -> ExitCode {
    use pidlab::beam::{self, Failure};
    let fail = |msg: String, help: Option<&str>, code: u8| {
        let mut d = Diagnostic::error(msg);
        if let Some(h) = help {
            d = d.help(h);
        }
        eprint!("{}", render_bare(&d, stderr_style()));
        ExitCode::from(code)
    };
    let mut opts = beam::Options {
        nodes: a.nodes as usize,
        quiet_ms: a.quiet,
        time_limit_ms: a.time_limit.saturating_mul(1000),
        max_events: a.max_events,
        heal_at: a.heal_at,
        ..beam::Options::default()
    };
    if let Some(p) = &a.partition {
        match beam::parse_partition(p, a.nodes as usize) {
            Ok(p) => opts.partition = Some(p),
            Err(msg) => return fail(format!("--partition {p}: {msg}"), None, 2),
        }
    }
    for c in &a.crash {
        match beam::parse_crash(c, a.nodes as usize) {
            Ok(c) => opts.crashes.push(c),
            Err(msg) => return fail(msg, None, 2),
        }
    }
    let exports = match parse_exports(&a.export) {
        Ok(e) => e,
        Err(msg) => return fail(msg, None, 2),
    };
    if let Some(d) = unreadable_module(&a.file) {
        eprint!("{}", render_bare(&d, stderr_style()));
        return ExitCode::from(1);
    }
    // More modules of the program come first among the arguments.
    let mut files = vec![a.file.clone()];
    let more = a
        .args
        .iter()
        .take_while(|x| beam::is_module_file(std::path::Path::new(x)))
        .count();
    files.extend(a.args.iter().take(more).map(std::path::PathBuf::from));
    let args = a.args.get(more..).unwrap_or_default();
    let run = match beam::run(&files, args, &opts) {
        Ok(r) => r,
        Err(Failure::NoErlang(msg)) => {
            return fail(
                msg,
                Some("install Erlang/OTP: `sudo apt-get install erlang-nox` on Debian or Ubuntu, `brew install erlang` on macOS"),
                3,
            )
        }
        Err(Failure::Compile(text)) => {
            eprint!("{text}");
            return fail(
                format!("erlc does not compile {} (its messages are above)", a.file.display()),
                None,
                1,
            );
        }
        Err(Failure::Nodes(msg)) => return fail(msg, None, 3),
    };
    let s = &run.summary;
    let mut status = match s.main_exit.as_str() {
        _ if s.stop == "interrupted" => ExitCode::from(130),
        "normal" | "none" => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    };
    match s.stop.as_str() {
        "time_limit" => eprintln!(
            "pidlab beam: stopped at the time limit ({} s) with processes still running",
            a.time_limit
        ),
        "interrupted" => eprintln!("pidlab beam: stopped by Ctrl-C; the trace so far is kept"),
        "max_events" => eprintln!(
            "pidlab beam: stopped after {} events on a node (--max-events)",
            a.max_events
        ),
        "quiet" if s.main_exit == "none" => eprintln!(
            "pidlab beam: main was still waiting after {} ms in which nothing happened; the nodes were stopped",
            a.quiet
        ),
        _ => {}
    }
    for k in &s.lost_nodes {
        eprintln!(
            "pidlab beam: node n{k} went away while the program ran; what it recorded is lost"
        );
    }
    if let Some(path) = &a.trace_json {
        if let Err(e) = std::fs::write(path, &run.jsonl) {
            eprintln!("pidlab: cannot write {}: {e}", path.display());
            status = ExitCode::from(1);
        }
    }
    if a.diagram || !exports.is_empty() {
        let t = match pidlab::view::trace::Trace::parse(&run.jsonl) {
            Ok(t) => t,
            Err(d) => {
                report(&[*d], "the recorded trace", &run.jsonl);
                return ExitCode::from(3);
            }
        };
        if a.diagram {
            eprint!(
                "{}",
                pidlab::view::diagram::render(&t, &diagram_options(&stderr_style()))
            );
        }
        for (format, path) in &exports {
            if let Err(msg) = write_export(&t, format, path) {
                eprintln!("pidlab: {msg}");
                status = ExitCode::from(1);
            }
        }
    }
    if !s.missing.is_empty() {
        return fail(
            format!(
                "--crash names {}, but no process of this run had that name",
                s.missing.join(", ")
            ),
            Some("name a process by its alias (p1 is main, then the order they first ran), its registered name, or a node (n2)"),
            2,
        );
    }
    status
}

/// `--export FORMAT=PATH` flags, read.
fn parse_exports(flags: &[String]) -> Result<Vec<(String, std::path::PathBuf)>, String> {
    flags
        .iter()
        .map(|f| {
            let (format, path) = f
                .split_once('=')
                .filter(|(_, p)| !p.is_empty())
                .ok_or_else(|| {
                    format!("--export {f}: write FORMAT=PATH, e.g. --export dot=run.dot")
                })?;
            if !pidlab::view::FORMATS.contains(&format) {
                return Err(format!(
                    "--export {f}: `{format}` is not a format; formats: {}",
                    pidlab::view::FORMATS.join(", ")
                ));
            }
            Ok((format.to_string(), std::path::PathBuf::from(path)))
        })
        .collect()
}

/// Writes `t` as `format` to `path` (`-`: stdout).
fn write_export(
    t: &pidlab::view::trace::Trace,
    format: &str,
    path: &std::path::Path,
) -> Result<(), String> {
    let text = pidlab::view::export_as(t, format)?;
    if path == std::path::Path::new("-") {
        print!("{text}");
        return Ok(());
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Whether a program reads its vector clock (`pidlab:vc/0`), so the world
/// must keep vector clocks even when nothing else shows them.
fn reads_vc(src: &str) -> bool {
    src.contains("pidlab:vc(")
}

/// A file's text (bytes that are not UTF-8 read as Latin-1 would); when
/// it cannot be read, says so on stderr.
fn read_text(path: &std::path::Path) -> Option<String> {
    match std::fs::read(path) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(e) => {
            eprint!(
                "{}",
                render_bare(
                    &Diagnostic::error(format!("cannot read {}: {e}", path.display())),
                    stderr_style()
                )
            );
            None
        }
    }
}

/// Reads a saved trace; on a mistake, says what is wrong.
fn read_trace(path: &std::path::Path) -> Option<pidlab::view::trace::Trace> {
    let name = path.display().to_string();
    let text = read_text(path)?;
    match pidlab::view::trace::Trace::parse(&text) {
        Ok(t) => Some(t),
        Err(d) => {
            report(&[*d], &name, &text);
            None
        }
    }
}

/// Where `pidlab run` writes as the run goes.
struct Sinks<'a> {
    out: std::io::BufWriter<std::io::StdoutLock<'a>>,
    err: std::io::StderrLock<'a>,
    json: Option<std::io::BufWriter<std::fs::File>>,
}

/// The line that says a run ended with work left, if it did.
fn still_running_line(pids: &[pidlab::term::Pid]) -> Option<String> {
    const SHOWN: usize = 10;
    let mut names: Vec<String> = pids
        .iter()
        .take(SHOWN)
        .map(|p| pidlab::world::event::alias(*p))
        .collect();
    if pids.len() > SHOWN {
        names.push(format!("and {} more", pids.len() - SHOWN));
    }
    let (n, what) = match pids.len() {
        0 => return None,
        1 => (1, "process"),
        n => (n, "processes"),
    };
    Some(format!(
        "main returned; {n} {what} still running: {}; use --wait to let them finish",
        names.join(", ")
    ))
}

/// Only the fault flags, to read those a schedule file carries.
#[derive(Parser)]
struct PlanOnly {
    #[command(flatten)]
    plan: FaultArgs,
}

fn read_schedule(path: &std::path::Path) -> Result<pidlab::explore::schedule::Schedule, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not a schedule: {e}", path.display()))
}

/// What `pidlab explore` was asked.
struct ExploreArgs<'a> {
    /// Workers; None for one per core.
    threads: Option<usize>,
    max_memory: usize,
    file: &'a std::path::Path,
    args: &'a [String],
    props: Option<&'a std::path::Path>,
    plan: &'a FaultArgs,
    opts: pidlab::explore::Options,
    time_limit: Option<f64>,
    counterexample: Option<&'a std::path::Path>,
    json: bool,
}

/// The world `explore` starts from (main spawned, the partition in
/// force), the properties and the code they run in. On a mistake, says
/// what is wrong when `loud`, and gives None.
fn explore_setup(
    a: &ExploreArgs<'_>,
    plan: &FaultPlan,
    loud: bool,
) -> Option<(
    pidlab::world::World,
    Vec<pidlab::explore::props::Property>,
    pidlab::vm::Code,
)> {
    let program = load_program(a.file, a.args, loud)?;
    // Properties run in code of their own, so the program's fingerprint
    // does not change with them.
    let mut prop_code = run::new_code();
    let props = match a.props {
        None => vec![],
        Some(path) => {
            let (m, _, name, src) = compile_file(path, loud)?;
            let m = prop_code.load(m);
            match pidlab::explore::props::properties(&m) {
                Ok(p) => p,
                Err(d) => {
                    if loud {
                        report(&[*d], &name, &src);
                    }
                    return None;
                }
            }
        }
    };
    // The library modules the program and the properties call are made
    // before the search starts, not on its first steps.
    pidlab::prelude::warm(&program.code);
    pidlab::prelude::warm(&prop_code);
    let mut world = pidlab::world::World::new(program.code.clone());
    world.faults = plan.clone().into();
    world.keep_trace = false;
    // Vector clocks are history, not state (the fingerprint leaves them
    // out); they are kept only for a program that reads them.
    world.track_vc = reads_vc(&program.src);
    if let Err(ds) = run::load_adversary(&mut world) {
        if loud {
            report(&ds, "--byzantine-fun", "");
        }
        return None;
    }
    world.partition();
    if let Err(e) = world.spawn_process(
        None,
        pidlab::world::Start::Call(program.main.clone(), program.func, program.args.clone()),
    ) {
        if loud {
            eprint!(
                "{}",
                render_bare(
                    &run::crash_diagnostic(&e, "the main process"),
                    stderr_style()
                )
            );
        }
        return None;
    }
    Some((world, props, prop_code))
}

fn cmd_explore(a: &ExploreArgs<'_>) -> ExitCode {
    use pidlab::explore;
    let plan = match fault_plan(&a.plan.flags()) {
        Ok(p) => p,
        Err(e) => {
            let (d, name, src) = *e;
            eprint!("{}", render_all(&[d], &name, &src, stderr_style()));
            return ExitCode::from(2);
        }
    };
    let Some((world, props, prop_code)) = explore_setup(a, &plan, true) else {
        return ExitCode::from(2);
    };
    let start = std::time::Instant::now();
    let bar = if std::io::stderr().is_terminal() && !a.json {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        Some(b)
    } else {
        None
    };
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || stop.store(true, std::sync::atomic::Ordering::SeqCst));
    }
    let limit = a.time_limit;
    // The search's own memory is not the program's: no process fails for
    // it. The search stops instead when it holds too much.
    pidlab::alloc::set_limit(0);
    let max_bytes = a.max_memory.saturating_mul(1 << 20);
    let out_of_memory = std::sync::atomic::AtomicBool::new(false);
    let threads = a
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let progress = |p: &explore::Progress| {
        if pidlab::alloc::live_bytes() > max_bytes {
            out_of_memory.store(true, std::sync::atomic::Ordering::SeqCst);
            return false;
        }
        let secs = start.elapsed().as_secs_f64();
        if let Some(b) = &bar {
            b.set_message(format!(
                "{} states, {} executions, depth {}, {:.0} states/s",
                p.states,
                p.executions,
                p.depth,
                p.states as f64 / secs.max(1e-3)
            ));
            b.tick();
        }
        !stop.load(std::sync::atomic::Ordering::SeqCst) && limit.is_none_or(|l| secs < l)
    };
    let result = if let explore::Strategy::Random { walks, seed } = a.opts.strategy {
        if threads > 1 && walks > 1 {
            Ok(parallel_walks(a, &plan, walks, seed, threads, &stop))
        } else {
            explore::explore(&world, &props, &prop_code, &a.opts, &mut |_| {
                !stop.load(std::sync::atomic::Ordering::SeqCst)
            })
        }
    } else if threads > 1 {
        explore::explore_parallel(
            &world,
            &props,
            &prop_code,
            threads,
            &|| explore_setup(a, &plan, false),
            &a.opts,
            &progress,
        )
    } else {
        explore::explore(&world, &props, &prop_code, &a.opts, &mut |p| progress(p))
    };
    let out_of_memory = out_of_memory.load(std::sync::atomic::Ordering::SeqCst);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let seconds = start.elapsed().as_secs_f64();
    let mut r = match result {
        Ok(r) => r,
        Err(d) => {
            let (name, src) = match a.props {
                Some(p) => (
                    p.display().to_string(),
                    std::fs::read_to_string(p).unwrap_or_default(),
                ),
                None => (String::new(), String::new()),
            };
            report(&[*d], &name, &src);
            return ExitCode::from(2);
        }
    };
    if out_of_memory {
        r.incomplete = Some(format!(
            "stopped when the search held {} MiB (raise --max-memory, or bound the search with --max-depth or --budget)",
            a.max_memory
        ));
    } else if r.incomplete.as_deref() == Some("stopped by the user")
        && limit.is_some_and(|l| seconds >= l)
    {
        r.incomplete = Some(format!(
            "stopped by the time limit of {} s",
            limit.unwrap_or(0.0)
        ));
    }
    let random = match a.opts.strategy {
        explore::Strategy::Random { walks, .. } => Some(walks),
        _ => None,
    };
    let bounds = explore::report::bounds_text(&plan, a.opts.max_depth, random);
    // The first violation becomes the counterexample file.
    let mut saved = None;
    if let Some(path) = a.counterexample {
        if let Some(f) = r
            .findings
            .iter()
            .find(|f| f.status == explore::Status::Violated && f.execution.is_some())
        {
            if let Some(ex) = &f.execution {
                let s = explore::schedule::Schedule {
                    program: a.file.display().to_string(),
                    args: a.args.to_vec(),
                    flags: a.plan.words(),
                    property: f.name.clone(),
                    faults: ex.faults,
                    cycle_from: ex.cycle_from,
                    choices: ex
                        .choices
                        .iter()
                        .map(explore::schedule::choice_text)
                        .collect(),
                };
                let text = serde_json::to_string_pretty(&s).unwrap_or_default();
                match std::fs::write(path, text + "\n") {
                    Ok(()) => saved = Some(path.display().to_string()),
                    Err(e) => {
                        eprintln!("pidlab: cannot write {}: {e}", path.display());
                        return ExitCode::from(2);
                    }
                }
            }
        }
    }
    if a.json {
        println!(
            "{}",
            explore::report::json(&r, &bounds, seconds, saved.as_deref())
        );
    } else {
        let diagram = r
            .findings
            .iter()
            .find(|f| f.status == explore::Status::Violated)
            .and_then(|f| f.execution.as_ref())
            .map(|ex| {
                pidlab::view::diagram::of_events(
                    &explore::replay(&world, &ex.choices),
                    &diagram_options(&stdout_style()),
                )
            });
        print!(
            "{}",
            explore::report::text(&r, &bounds, seconds, saved.as_deref(), diagram.as_deref())
        );
        if let Some(p) = &saved {
            println!(
                "replay it: pidlab run {} {}--schedule {p}",
                a.file.display(),
                a.args.iter().map(|x| format!("{x} ")).collect::<String>()
            );
        }
    }
    if r.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `walks` random executions split between `threads` workers, each with
/// its own compiled program (worlds are not shared between threads), in
/// order: worker k takes walks `first_k..` with seeds `seed + first_k..`,
/// so the merged report is the one a single worker would give.
fn parallel_walks(
    a: &ExploreArgs<'_>,
    plan: &FaultPlan,
    walks: u64,
    seed: u64,
    threads: usize,
    stop: &std::sync::atomic::AtomicBool,
) -> pidlab::explore::Report {
    let threads = (threads as u64).min(walks).max(1);
    let reports: Vec<pidlab::explore::Report> = std::thread::scope(|sc| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let share = walks / threads + u64::from(t < walks % threads);
                let first = t * (walks / threads) + t.min(walks % threads);
                std::thread::Builder::new()
                    .stack_size(1 << 30)
                    .spawn_scoped(sc, move || {
                        let (world, props, code) = explore_setup(a, plan, false)?;
                        let mut opts = a.opts.clone();
                        opts.strategy = pidlab::explore::Strategy::Random {
                            walks: share,
                            seed: seed.wrapping_add(first),
                        };
                        pidlab::explore::explore(&world, &props, &code, &opts, &mut |_| {
                            !stop.load(std::sync::atomic::Ordering::SeqCst)
                        })
                        .ok()
                    })
            })
            .collect();
        handles
            .into_iter()
            .filter_map(|h| h.ok().and_then(|h| h.join().ok().flatten()))
            .collect()
    });
    let mut r = pidlab::explore::merge(reports);
    if r.incomplete
        .as_deref()
        .is_some_and(|s| s.ends_with("not every one"))
    {
        r.incomplete = Some(format!("{walks} random executions, not every one"));
    }
    r
}

fn cmd_eval(src: &str) -> ExitCode {
    let mut text = src.trim_end().to_string();
    if !text.ends_with('.') {
        text.push('.');
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let r = run::eval(&text, RunLimits::default(), &mut |s| {
        let _ = out.write_all(s.as_bytes());
    });
    match r {
        Ok(Ok(v)) => {
            let _ = writeln!(out, "{}", pretty::print(&v, 1, 80));
            ExitCode::SUCCESS
        }
        Ok(Err(o)) => {
            let _ = out.flush();
            drop(out);
            outcome_failure(&o, "shell", &text)
        }
        Err(diags) => {
            let _ = out.flush();
            drop(out);
            report(&diags, "shell", &text);
            ExitCode::from(1)
        }
    }
}

/// Largest solution file graded, in bytes.
const MAX_SOLUTION: u64 = 1 << 20;

#[allow(clippy::too_many_arguments)]
fn cmd_check(
    exercise: Option<&str>,
    solution: Option<&std::path::Path>,
    format: &str,
    out: Option<&std::path::Path>,
    list: bool,
    all: bool,
    watch: bool,
) -> ExitCode {
    use pidlab::grade;
    let bad = |msg: String| {
        eprint!("{}", render_bare(&Diagnostic::error(msg), stderr_style()));
        ExitCode::from(2)
    };
    let Ok(exe) = std::env::current_exe() else {
        return bad("cannot find pidlab itself to run the checks".into());
    };
    if list {
        // A broken exercise is named; the others are still listed.
        let mut broken = false;
        for e in grade::exercises() {
            match e {
                Ok(e) => println!(
                    "{:<24} lesson {}  {:>3} points  {}",
                    e.name,
                    e.spec.lesson,
                    e.max_score(),
                    e.spec.title
                ),
                Err(msg) => {
                    eprint!("{}", render_bare(&Diagnostic::error(msg), stderr_style()));
                    broken = true;
                }
            }
        }
        return if broken {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    if all {
        return check_all(&exe);
    }
    let Some(name) = exercise else {
        return bad(
            "name an exercise: pidlab check EXERCISE SOLUTION.erl (pidlab check --list lists them)"
                .into(),
        );
    };
    let ex = match grade::find(name) {
        Ok(e) => e,
        Err(msg) => return bad(msg),
    };
    let Some(path) = solution else {
        return bad(format!(
            "name the solution file: pidlab check {name} {}.erl",
            ex.spec.module
        ));
    };
    let once = || -> Result<bool, ExitCode> {
        let meta = std::fs::metadata(path)
            .map_err(|e| bad(format!("cannot read {}: {e}", path.display())))?;
        let text = if meta.len() > MAX_SOLUTION {
            String::new()
        } else {
            let bytes = std::fs::read(path)
                .map_err(|e| bad(format!("cannot read {}: {e}", path.display())))?;
            String::from_utf8_lossy(&bytes).into_owned()
        };
        let shown = path.display().to_string();
        let mut g = grade::grade(
            &ex,
            &text,
            &shown,
            &exe,
            (format == "text").then_some(std::path::Path::new("pidlab-check")),
        );
        if meta.len() > MAX_SOLUTION {
            for c in &mut g.checks {
                c.output = format!("{shown} is larger than {MAX_SOLUTION} bytes: not graded\n");
            }
        }
        let report = match format {
            "json" => grade::json(&g),
            "junit" => grade::junit(&g),
            _ => grade::text(&g),
        };
        match out {
            Some(o) => std::fs::write(o, report)
                .map_err(|e| bad(format!("cannot write {}: {e}", o.display())))?,
            None => print!("{report}"),
        }
        Ok(g.passed())
    };
    let mut result = once();
    if !watch {
        return match result {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(code) => code,
        };
    }
    let stamp = || std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let mut seen = stamp();
    eprintln!(
        "watching {}: saving it checks again (Ctrl-C stops)",
        path.display()
    );
    loop {
        std::thread::sleep(std::time::Duration::from_millis(300));
        let now = stamp();
        if now != seen {
            seen = now;
            eprintln!("\n{} changed:", path.display());
            result = once();
        }
        let _ = &result;
    }
}

/// `pidlab check --all`: every exercise's reference solution gets full
/// points, and each wrong one fails exactly the checks it names.
fn check_all(exe: &std::path::Path) -> ExitCode {
    use pidlab::grade;
    let root = std::path::Path::new("tests/exercises");
    let mut ok = true;
    for e in grade::exercises() {
        let ex = match e {
            Ok(e) => e,
            Err(msg) => {
                println!("{msg}");
                ok = false;
                continue;
            }
        };
        let samples = grade::samples(root, &ex.name);
        if !samples
            .iter()
            .any(|s| s.path.file_name().is_some_and(|n| n == "reference.erl"))
        {
            println!(
                "{}: no reference solution in {}",
                ex.name,
                root.join(&ex.name).display()
            );
            ok = false;
        }
        for s in samples {
            let text =
                String::from_utf8_lossy(&std::fs::read(&s.path).unwrap_or_default()).into_owned();
            let g = grade::grade(&ex, &text, &s.path.display().to_string(), exe, None);
            let failed: Vec<String> = g
                .checks
                .iter()
                .filter(|c| !c.passed)
                .map(|c| c.name.clone())
                .collect();
            let mut want = s.must_fail.clone();
            want.sort();
            let mut got = failed.clone();
            got.sort();
            let file = s
                .path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            if got == want {
                println!(
                    "{}  {file}: {}/{} as it should",
                    ex.name,
                    g.score(),
                    g.max()
                );
            } else {
                ok = false;
                println!(
                    "{}  {file}: {}/{}; fails [{}] but should fail [{}]",
                    ex.name,
                    g.score(),
                    g.max(),
                    got.join("; "),
                    want.join("; ")
                );
                for c in g.checks.iter().filter(|c| !c.passed) {
                    println!(
                        "    {}: {}",
                        c.name,
                        c.output
                            .lines()
                            .take(6)
                            .collect::<Vec<_>>()
                            .join("\n      ")
                    );
                }
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn cmd_lesson(which: Option<&str>, check: bool, dir: Option<std::path::PathBuf>) -> ExitCode {
    use pidlab::lesson::Source;
    let source = match dir {
        Some(d) => Source::Dir(d),
        None => Source::Shipped,
    };
    let all = source.lessons();
    let mut bad = false;
    let mut lessons = vec![];
    for l in all {
        match l {
            Ok(l) => lessons.push(l),
            Err((d, name, src)) => {
                if which.is_none() || check {
                    report(&[*d], &name, &src);
                    bad = true;
                }
            }
        }
    }
    if check {
        let chosen: Vec<pidlab::lesson::Lesson> = match which {
            None => lessons,
            Some(w) => match source.find(w) {
                Ok(l) => vec![l],
                Err(e) => {
                    eprintln!("pidlab: {e}");
                    return ExitCode::from(2);
                }
            },
        };
        // PIDLAB_UPDATE=1 with --dir writes each transcript's output as
        // the shell prints it now into the lesson (review the diff).
        let record = match (&source, std::env::var_os("PIDLAB_UPDATE")) {
            (Source::Dir(d), Some(_)) => Some(d.clone()),
            _ => None,
        };
        for l in &chosen {
            let r = pidlab::repl::lesson::check(l);
            if let Some(d) = &record {
                if r.recorded != l.source {
                    let path = d.join(format!("{}.md", l.slug));
                    if let Err(e) = std::fs::write(&path, &r.recorded) {
                        eprintln!("pidlab: cannot write {}: {e}", path.display());
                    } else {
                        println!("recorded the transcripts of {}", path.display());
                    }
                }
            }
            if r.failures.is_empty() {
                println!(
                    "{}  {}: {} inputs, {} tasks: ok",
                    l.number, l.title, r.inputs, r.tasks
                );
            } else {
                bad = true;
                println!(
                    "{}  {}: {} of {} inputs and tasks failed",
                    l.number,
                    l.title,
                    r.failures.len(),
                    r.inputs + r.tasks
                );
                for f in &r.failures {
                    println!("  {}", f.replace('\n', "\n  "));
                }
            }
        }
        return if bad {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }
    let Some(w) = which else {
        print!("{}", pidlab::repl::lesson::list(&lessons));
        return if bad {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    };
    let lesson = match source.find(w) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("pidlab: {e}");
            return ExitCode::from(2);
        }
    };
    if !std::io::stdin().is_terminal() {
        eprintln!("pidlab: a lesson runs in the shell, on a terminal; `pidlab lesson --check {w}` checks it without one");
        return ExitCode::from(2);
    }
    shell(&pidlab::repl::Options {
        lesson: Some(lesson),
        ..pidlab::repl::Options::default()
    })
}

fn shell(opts: &pidlab::repl::Options) -> ExitCode {
    use std::io::Read;
    if std::io::stdin().is_terminal() {
        let style = Style::for_stream(std::io::stdout().is_terminal());
        return match pidlab::repl::interactive(style, opts) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("pidlab: {e}");
                ExitCode::from(1)
            }
        };
    }
    let mut input = String::new();
    if std::io::stdin().read_to_string(&mut input).is_err() {
        eprintln!("pidlab: standard input is not text");
        return ExitCode::from(1);
    }
    run_script(&input, opts)
}

fn run_script(input: &str, opts: &pidlab::repl::Options) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match pidlab::repl::script(input, &mut out, opts) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(_) => ExitCode::from(1),
    }
}

#[global_allocator]
static ALLOC: pidlab::alloc::Counting = pidlab::alloc::Counting;

/// The subcommands, as `pidlab WORD` spells them.
const COMMANDS: [&str; 11] = [
    "run", "explore", "diagram", "export", "lesson", "check", "eval", "script", "replay", "beam",
    "shim",
];

/// `pidlab WORD ...` where WORD is neither a command nor a file, and does
/// not end in `.erl` (a module for the shell): a diagnostic that lists the
/// commands and suggests the closest, before clap reads the line.
fn unknown_command(args: &[std::ffi::OsString]) -> Option<Diagnostic> {
    let word = args.get(1)?.to_str()?;
    let path = std::path::Path::new(word);
    if word.starts_with('-')
        || COMMANDS.contains(&word)
        || word == "help"
        || word.ends_with(".erl")
        || path.exists()
    {
        return None;
    }
    let d = Diagnostic::error(format!("`{word}` is not a command or a file"))
        .note("the commands are run, explore, diagram, export, lesson, check, eval, script, replay, beam and shim; `pidlab` alone starts the shell, and `pidlab FILE.erl` starts it with a module loaded");
    let module = format!("{word}.erl");
    if std::path::Path::new(&module).is_file() {
        return Some(d.help(format!(
            "to run {module}, write `pidlab run {module}`; to load it into the shell, `pidlab {module}`"
        )));
    }
    // Near enough to be a typo: similar letters, or at most two edits.
    let lower = word.to_lowercase();
    let score = |c: &str| strsim::jaro_winkler(&lower, c);
    let closest = COMMANDS
        .iter()
        .copied()
        .filter(|c| score(c) >= 0.6 || strsim::levenshtein(&lower, c) <= 2)
        .max_by(|a, b| score(a).total_cmp(&score(b)).then_with(|| b.cmp(a)));
    Some(match closest {
        Some(c) => d.help(format!("did you mean `pidlab {c}`?")),
        None => d,
    })
}

/// The module file the shell is to load, if it cannot be read: a diagnostic.
fn unreadable_module(file: &std::path::Path) -> Option<Diagnostic> {
    let name = file.display();
    match std::fs::metadata(file) {
        Ok(m) if m.is_file() => None,
        Ok(_) => Some(Diagnostic::error(format!(
            "cannot read {name}: it is not a file"
        ))),
        Err(e) => Some(Diagnostic::error(format!("cannot read {name}: {e}"))),
    }
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(d) = unknown_command(&args) {
        eprint!("{}", render_bare(&d, stderr_style()));
        return ExitCode::from(1);
    }
    let cli = Cli::parse_from(args);
    // The shell and eval get the same memory bound as `run`'s default.
    pidlab::alloc::set_limit(4096 << 20);
    // Deep terms recurse when printed or compared: give the work a big stack.
    let child = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || match cli.command {
            Some(Command::Run {
                file,
                args,
                max_reductions,
                seed,
                sched,
                trace,
                trace_json,
                max_procs,
                max_mailbox,
                max_steps,
                max_heap,
                plan,
                schedule,
                wait,
                diagram,
                export,
                availability,
                quorum,
            }) => {
                let exports = match parse_exports(&export) {
                    Ok(e) => e,
                    Err(msg) => {
                        eprint!("{}", render_bare(&Diagnostic::error(msg), stderr_style()));
                        return ExitCode::from(2);
                    }
                };
                pidlab::alloc::set_limit(max_heap.saturating_mul(1 << 20));
                let mut plan = plan;
                let mut replay = None;
                if let Some(path) = &schedule {
                    let s = match read_schedule(path) {
                        Ok(s) => s,
                        Err(msg) => {
                            eprint!("{}", render_bare(&Diagnostic::error(msg), stderr_style()));
                            return ExitCode::from(2);
                        }
                    };
                    if plan.is_empty() {
                        // The flags the schedule was explored under.
                        let words = std::iter::once("flags".to_string()).chain(s.flags.clone());
                        match PlanOnly::try_parse_from(words) {
                            Ok(p) => plan = p.plan,
                            Err(e) => {
                                eprintln!(
                                    "pidlab: the flags in {} do not read: {e}",
                                    path.display()
                                );
                                return ExitCode::from(2);
                            }
                        }
                    }
                    replay = Some(s);
                }
                let plan = match fault_plan(&plan.flags()) {
                    Ok(p) => p,
                    Err(e) => {
                        let (d, name, src) = *e;
                        eprint!("{}", render_all(&[d], &name, &src, stderr_style()));
                        return ExitCode::from(2);
                    }
                };
                let sched = match &replay {
                    Some(s) => match s.parsed() {
                        Ok(choices) => Sched::replay(choices),
                        Err(msg) => {
                            eprintln!("pidlab: {msg} (in the schedule)");
                            return ExitCode::from(2);
                        }
                    },
                    None => Sched::parse(&sched, seed).unwrap_or(Sched::random(seed)),
                };
                let opts = TraceOpts {
                    human: trace,
                    diagram,
                    exports,
                    availability: availability.map(|a| (a, quorum)),
                    wait,
                    json: trace_json,
                    world: WorldLimits {
                        max_procs,
                        max_mailbox,
                        max_steps,
                    },
                    faults: plan,
                    seed,
                };
                cmd_run(
                    &file,
                    &args,
                    RunLimits {
                        max_reductions,
                        sched,
                    },
                    &opts,
                )
            }
            Some(Command::Explore {
                file,
                args,
                props,
                check,
                plan,
                max_depth,
                max_states,
                time_limit,
                max_memory,
                bfs: _,
                dfs,
                random,
                seed,
                no_reduction,
                threads,
                counterexample,
                format,
            }) => {
                let strategy = match (dfs, random) {
                    (_, Some(walks)) => pidlab::explore::Strategy::Random { walks, seed },
                    (true, None) => pidlab::explore::Strategy::Dfs,
                    (false, None) => pidlab::explore::Strategy::Bfs,
                };
                let opts = pidlab::explore::Options {
                    strategy,
                    max_depth,
                    max_states,
                    checks: check
                        .iter()
                        .filter_map(|c| pidlab::explore::props::Check::parse(c))
                        .collect(),
                    reduce: !no_reduction,
                };
                cmd_explore(&ExploreArgs {
                    threads: threads.map(|n| n as usize),
                    max_memory,
                    file: &file,
                    args: &args,
                    props: props.as_deref(),
                    plan: &plan,
                    opts,
                    time_limit,
                    counterexample: counterexample.as_deref(),
                    json: format == "json",
                })
            }
            Some(Command::Eval { exprs }) => cmd_eval(&exprs),
            Some(Command::Shim) => {
                print!("{}", pidlab::beam::SHIM);
                ExitCode::SUCCESS
            }
            Some(Command::Beam(a)) => cmd_beam(&a),
            Some(Command::Check {
                exercise,
                solution,
                format,
                out,
                list,
                all,
                watch,
            }) => cmd_check(
                exercise.as_deref(),
                solution.as_deref(),
                &format,
                out.as_deref(),
                list,
                all,
                watch,
            ),
            Some(Command::Lesson { which, check, dir }) => cmd_lesson(which.as_deref(), check, dir),
            Some(Command::Diagram { trace, options }) => {
                let Some(t) = read_trace(&trace) else {
                    return ExitCode::from(2);
                };
                match diagram_options(&stdout_style()).parse(&options, &t) {
                    Ok(o) => {
                        print!("{}", pidlab::view::diagram::render(&t, &o));
                        ExitCode::SUCCESS
                    }
                    Err(msg) => {
                        eprint!("{}", render_bare(&Diagnostic::error(msg), stderr_style()));
                        ExitCode::from(2)
                    }
                }
            }
            Some(Command::Export { trace, format, out }) => {
                let Some(t) = read_trace(&trace) else {
                    return ExitCode::from(2);
                };
                match write_export(&t, &format, &out) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(msg) => {
                        eprintln!("pidlab: {msg}");
                        ExitCode::from(1)
                    }
                }
            }
            Some(Command::Replay { file }) => match std::fs::read(&file) {
                Ok(bytes) => run_script(
                    &String::from_utf8_lossy(&bytes),
                    &pidlab::repl::Options::default(),
                ),
                Err(e) => {
                    eprintln!("pidlab: cannot read {}: {e}", file.display());
                    ExitCode::from(1)
                }
            },
            Some(Command::Script { file, echo }) => match std::fs::read(&file) {
                Ok(bytes) => run_script(
                    &String::from_utf8_lossy(&bytes),
                    &pidlab::repl::Options {
                        load: None,
                        echo,
                        lesson: None,
                    },
                ),
                Err(e) => {
                    eprintln!("pidlab: cannot read {}: {e}", file.display());
                    ExitCode::from(1)
                }
            },
            None => match cli.file.as_deref().and_then(unreadable_module) {
                Some(d) => {
                    eprint!("{}", render_bare(&d, stderr_style()));
                    ExitCode::from(1)
                }
                None => shell(&pidlab::repl::Options {
                    lesson: None,
                    load: cli.file,
                    echo: false,
                }),
            },
        });
    match child.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("pidlab: internal error");
            ExitCode::from(70)
        }
    }
}
