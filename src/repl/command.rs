//! The shell's meta commands as data: one table gives each command's name,
//! argument syntax and summary, and `parse` turns a `:` line into a typed
//! `Command` once. Help, completion and "did you mean" all read the same
//! table; lessons and graders can build `Command`s directly. Parsing never
//! looks at the world: whether `p7` or `m3` exists is checked when the
//! command runs.

use crate::diag::suggest::closest;

/// A process as typed: `p2`, `<0.81.0>` or a registered name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProcRef {
    Alias(u64),
    Pid(u64),
    Name(String),
}

impl std::fmt::Display for ProcRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProcRef::Alias(n) => write!(f, "p{n}"),
            ProcRef::Pid(n) => write!(f, "<0.{n}.0>"),
            ProcRef::Name(s) => f.write_str(s),
        }
    }
}

/// What `:step` steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepWhat {
    /// One choice picked by the scheduler.
    One,
    /// N choices picked by the scheduler.
    Count(u64),
    /// One step of this process.
    Proc(ProcRef),
}

/// Where `:run` stops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunUntil {
    Quiet,
    Event(u64),
    Time(u64),
}

/// How far `:back` goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackTo {
    /// N inputs or commands.
    Count(u64),
    /// Just before this event.
    Event(u64),
}

/// One meta command with its arguments typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// The command list, or one command's line.
    Help(Option<&'static str>),
    Mode {
        manual: bool,
    },
    Sched(String),
    Seed(u64),
    Next,
    Pick(u64),
    Step(StepWhat),
    Run(RunUntil),
    Cancel,
    Back(BackTo),
    Forward(u64),
    Branches,
    Goto(u64),
    Deliver(u64),
    Procs,
    Inbox(ProcRef),
    Flight,
    Clocks,
    Trace(Option<ProcRef>),
    Hb(u64, u64),
    Diagram(Vec<String>),
    Drop(u64),
    Dup(u64),
    Delay(u64, u64),
    Crash(ProcRef),
    Recover(ProcRef),
    Faults(String),
    FailStop(bool),
    Partition(String),
    Heal,
    Net(Option<String>),
    Timing(Option<String>),
    Budget(String),
    Explore(Vec<String>),
    Counterexample,
    LoadSchedule(String),
    LoadTrace(String),
    Save(String),
    /// The availability of a service made of these processes, up while
    /// at least so many are up.
    Availability(String, usize),
    /// Write the trace as FORMAT to PATH.
    Export(String, String),
    Load(String),
    Reset,
    Quit,
}

/// A command's name, its arguments as help writes them, and what it does.
pub struct Spec {
    pub name: &'static str,
    pub args: &'static str,
    pub summary: &'static str,
}

const fn spec(name: &'static str, args: &'static str, summary: &'static str) -> Spec {
    Spec {
        name,
        args,
        summary,
    }
}

/// Every command, in the order `:help` lists them.
pub const SPECS: &[Spec] = &[
    spec("help", "[COMMAND]", "this list (or the line of one command)"),
    spec(
        "mode",
        "auto|manual",
        "auto runs the world after each input; manual runs only your input and waits for you",
    ),
    spec(
        "sched",
        "random|rr|sync",
        "how :step and :run pick among the choices",
    ),
    spec(
        "seed",
        "N",
        "re-seed everything random: the scheduler, losses, delays, crashes",
    ),
    spec(
        "next",
        "",
        "the choices possible now, numbered (also :choices; in a lesson :next moves on)",
    ),
    spec("pick", "K", "apply choice K of :next"),
    spec(
        "step",
        "[N | P]",
        "one step (N steps, or one step of process P)",
    ),
    spec(
        "run",
        "[until E | T]",
        "run until nothing can happen (or event E, e.g. e12, or time t=500)",
    ),
    spec(
        "cancel",
        "",
        "stop the shell's unfinished input (as Ctrl-C does); the world stays",
    ),
    spec(
        "back",
        "[N | eK]",
        "go back N inputs or commands, or to just before event eK (time travel)",
    ),
    spec(
        "forward",
        "[N]",
        "return N inputs or commands towards the present",
    ),
    spec(
        "branches",
        "",
        "futures left behind by stepping differently after :back",
    ),
    spec("goto", "K", "switch to branch K"),
    spec("deliver", "M", "deliver message M (e.g. :deliver m3)"),
    spec("procs", "", "processes, their status and mailbox sizes"),
    spec("inbox", "P", "the mailbox of process P (e.g. :inbox p2)"),
    spec(
        "flight",
        "",
        "messages in the network, and those a partition holds",
    ),
    spec("clocks", "", "every process's Lamport and vector clock"),
    spec("trace", "[P]", "the events so far (of process P)"),
    spec(
        "hb",
        "E1 E2",
        "is E1 -> E2, E2 -> E1, or are they concurrent?",
    ),
    spec(
        "diagram",
        "[all] [OPTS]",
        "the space-time diagram (all: with deliveries); OPTS: --vc, --procs P,.., --range E..E, --past E, --future E, --cut E,.., --concurrent E, --collapse, --ascii",
    ),
    spec("drop", "M", "lose message M"),
    spec("dup", "M", "duplicate message M (the copy gets its own id)"),
    spec(
        "crash",
        "P",
        "crash process P (crash-stop; :failstop on|off)",
    ),
    spec(
        "recover",
        "P",
        "restart crashed process P from its initial function",
    ),
    spec(
        "delay",
        "M [MS]",
        "hold message M back MS virtual milliseconds (default 100)",
    ),
    spec("faults", "FILE", "load a fault plan (TOML) into the world"),
    spec(
        "failstop",
        "on|off",
        "whether crashes fire links and monitors",
    ),
    spec("partition", "A,B | C", "cut the network between the groups"),
    spec("heal", "", "end the partition; held messages travel again"),
    spec(
        "net",
        "[MODEL]",
        "erlang, perfect or fair-loss:loss=P,dup=Q (none: the current one)",
    ),
    spec(
        "timing",
        "[MODEL]",
        "local, async, sync:delta=D or psync:gst=T,delta=D (none: the current one)",
    ),
    spec(
        "explore",
        "[PROPS.erl] [no-crash | no-deadlock | no-leftover]...",
        "explore every execution from here and check properties",
    ),
    spec(
        "counterexample",
        "",
        "step through the counterexample :explore found",
    ),
    spec(
        "load-schedule",
        "FILE",
        "start the program of a schedule (from pidlab explore) and replay it",
    ),
    spec(
        "load-trace",
        "FILE",
        "show a saved trace (run --trace-json, beam) in :diagram, :export, :hb; `off` to stop",
    ),
    spec(
        "budget",
        "K=N,...",
        "at most so many faults: losses, crashes, dups, delays",
    ),
    spec(
        "availability",
        "P,.. [K]",
        "how much of the time the service of P, Q, .. was up (while K of them are; 1 if not given)",
    ),
    spec(
        "export",
        "FORMAT PATH",
        "write the trace as dot, mermaid, shiviz, json, html or svg",
    ),
    spec(
        "save",
        "FILE",
        "write this session's inputs; :load or `pidlab replay` rebuilds it",
    ),
    spec(
        "load",
        "FILE",
        "start over and replay a saved session (a module is compiled, as c/1 does)",
    ),
    spec("reset", "", "start over: new world, no bindings (:back returns)"),
    spec("quit", "", "leave the shell (as q(). does)"),
];

/// The command names, for completion.
pub fn names() -> impl Iterator<Item = &'static str> {
    SPECS.iter().map(|s| s.name)
}

/// `:help`: one line per command.
pub fn help_text(only: Option<&str>) -> String {
    SPECS
        .iter()
        .filter(|s| only.is_none_or(|o| o == s.name))
        .map(|s| {
            let head = if s.args.is_empty() {
                format!(":{}", s.name)
            } else {
                format!(":{} {}", s.name, s.args)
            };
            // At least one space between a long head and its summary.
            format!("{head:<21} {}\n", s.summary)
        })
        .collect()
}

/// How to write a command, from the table: `write :pick K`.
fn usage(name: &str) -> String {
    match SPECS.iter().find(|s| s.name == name) {
        Some(s) if s.args.is_empty() => format!("write :{} with no arguments", s.name),
        Some(s) => format!("write :{} {}", s.name, s.args),
        None => String::new(),
    }
}

/// A process argument: `p2`, `<0.81.0>` or a name.
pub fn proc_ref(a: &str) -> Result<ProcRef, String> {
    if let Some(n) = a.strip_prefix("<0.").and_then(|r| r.strip_suffix(".0>")) {
        return n
            .parse()
            .map(ProcRef::Pid)
            .map_err(|_| format!("`{a}` is not a pid; pids look like <0.81.0>"));
    }
    if let Some(n) = a
        .strip_prefix('p')
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
    {
        return n
            .parse()
            .map(ProcRef::Alias)
            .map_err(|_| format!("`{a}` is not a process: the number is too large"));
    }
    if a.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && a.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '@')
    {
        return Ok(ProcRef::Name(a.to_string()));
    }
    Err(format!(
        "`{a}` is not a process; write an alias (p2), a pid (<0.81.0>) or a registered name"
    ))
}

/// An id with a letter before it: `m3` for messages, `e7` for events.
fn id(a: &str, letter: char, what: &str) -> Result<u64, String> {
    let digits = a.strip_prefix(letter).unwrap_or(a);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("`{a}` is not {what} id; they look like {letter}3"));
    }
    digits
        .parse()
        .map_err(|_| format!("`{a}` is too large to be {what} id"))
}

fn count(a: &str) -> Result<u64, String> {
    if !a.chars().all(|c| c.is_ascii_digit()) || a.is_empty() {
        return Err(format!("`{a}` is not a number"));
    }
    a.parse()
        .map_err(|_| format!("`{a}` is too large a number"))
}

fn on_off(a: &str) -> Option<bool> {
    match a {
        "on" => Some(true),
        "off" => Some(false),
        _ => None,
    }
}

/// Parses the text after `:` into a command, or says what is wrong and
/// how to write it.
pub fn parse(line: &str) -> Result<Command, String> {
    let mut words = line.split_whitespace();
    let name = words.next().unwrap_or("");
    let args: Vec<&str> = words.collect();
    let bad = |why: String| format!("{why}; {}", usage(canonical(name)));
    let none = |c: Command| {
        if args.is_empty() {
            Ok(c)
        } else {
            Err(usage(canonical(name)))
        }
    };
    let msg = |a: &[&str]| match a {
        [m] => id(m, 'm', "a message").map_err(bad),
        _ => Err(usage(canonical(name))),
    };
    let process = |a: &[&str]| match a {
        [p] => proc_ref(p).map_err(bad),
        _ => Err(usage(canonical(name))),
    };
    let text = |a: &[&str]| {
        if a.is_empty() {
            Err(usage(canonical(name)))
        } else {
            Ok(a.join(" "))
        }
    };
    match canonical(name) {
        "help" => match args.as_slice() {
            [] => Ok(Command::Help(None)),
            [c] => {
                let want = canonical(c.trim_start_matches(':'));
                match SPECS.iter().find(|s| s.name == want) {
                    Some(s) => Ok(Command::Help(Some(s.name))),
                    None => Err(match closest(want, names()) {
                        Some(s) => format!("no command :{want}; did you mean :{s}? (:help lists them)"),
                        None => format!("no command :{want}; :help lists the commands"),
                    }),
                }
            }
            _ => Err(usage("help")),
        },
        "mode" => match args.as_slice() {
            ["auto"] => Ok(Command::Mode { manual: false }),
            ["manual"] => Ok(Command::Mode { manual: true }),
            _ => Err(usage("mode")),
        },
        "sched" => match args.as_slice() {
            [s @ ("random" | "rr" | "sync")] => Ok(Command::Sched(s.to_string())),
            _ => Err(usage("sched")),
        },
        "seed" => match args.as_slice() {
            [n] => count(n).map(Command::Seed).map_err(bad),
            _ => Err(usage("seed")),
        },
        "next" => none(Command::Next),
        "pick" => match args.as_slice() {
            [k] => count(k).map(Command::Pick).map_err(bad),
            _ => Err(usage("pick")),
        },
        "step" => match args.as_slice() {
            [] => Ok(Command::Step(StepWhat::One)),
            [a] if a.chars().all(|c| c.is_ascii_digit()) => {
                count(a).map(|n| Command::Step(StepWhat::Count(n))).map_err(bad)
            }
            [a] => proc_ref(a)
                .map(|p| Command::Step(StepWhat::Proc(p)))
                .map_err(bad),
            _ => Err(usage("step")),
        },
        "run" => match args.as_slice() {
            [] => Ok(Command::Run(RunUntil::Quiet)),
            ["until", t] if t.starts_with('e') => id(t, 'e', "an event")
                .map(|e| Command::Run(RunUntil::Event(e)))
                .map_err(bad),
            ["until", t] => count(t.strip_prefix("t=").unwrap_or(t))
                .map(|t| Command::Run(RunUntil::Time(t)))
                .map_err(|_| {
                    format!("`{t}` is neither an event (e12) nor a time (t=500); write :run, :run until e12 or :run until t=500")
                }),
            _ => Err("write :run, :run until e12 or :run until t=500".into()),
        },
        "cancel" => none(Command::Cancel),
        "back" => match args.as_slice() {
            [] => Ok(Command::Back(BackTo::Count(1))),
            [e] if e.starts_with('e') => id(e, 'e', "an event")
                .map(|e| Command::Back(BackTo::Event(e)))
                .map_err(bad),
            [n] => count(n).map(|n| Command::Back(BackTo::Count(n))).map_err(bad),
            _ => Err(usage("back")),
        },
        "forward" => match args.as_slice() {
            [] => Ok(Command::Forward(1)),
            [n] => count(n).map(Command::Forward).map_err(bad),
            _ => Err(usage("forward")),
        },
        "branches" => none(Command::Branches),
        "goto" => match args.as_slice() {
            [k] => count(k).map(Command::Goto).map_err(bad),
            _ => Err("write :goto K, with K from :branches".into()),
        },
        "deliver" => msg(&args).map(Command::Deliver),
        "procs" => none(Command::Procs),
        "inbox" => process(&args).map(Command::Inbox),
        "flight" => none(Command::Flight),
        "clocks" => none(Command::Clocks),
        "trace" => match args.as_slice() {
            [] => Ok(Command::Trace(None)),
            _ => process(&args).map(|p| Command::Trace(Some(p))),
        },
        "hb" => match args.as_slice() {
            [a, b] => Ok(Command::Hb(
                id(a, 'e', "an event").map_err(bad)?,
                id(b, 'e', "an event").map_err(bad)?,
            )),
            _ => Err("write :hb E1 E2, e.g. :hb e2 e7".into()),
        },
        "diagram" => Ok(Command::Diagram(
            args.iter().map(|s| s.to_string()).collect(),
        )),
        "drop" => msg(&args).map(Command::Drop),
        "dup" => msg(&args).map(Command::Dup),
        "delay" => match args.as_slice() {
            [m] => Ok(Command::Delay(id(m, 'm', "a message").map_err(bad)?, 100)),
            [m, ms] => Ok(Command::Delay(
                id(m, 'm', "a message").map_err(bad)?,
                count(ms).map_err(|_| bad(format!("`{ms}` is not a number of milliseconds")))?,
            )),
            _ => Err(usage("delay")),
        },
        "crash" => process(&args).map(Command::Crash),
        "recover" => process(&args).map(Command::Recover),
        "faults" => text(&args).map(Command::Faults),
        "failstop" => match args.as_slice() {
            [a] => on_off(a).map(Command::FailStop).ok_or_else(|| usage("failstop")),
            _ => Err(usage("failstop")),
        },
        "partition" => text(&args).map(|t| Command::Partition(t.replace(' ', ""))),
        "heal" => none(Command::Heal),
        "net" => match args.as_slice() {
            [] => Ok(Command::Net(None)),
            [m] => Ok(Command::Net(Some(m.to_string()))),
            _ => Err(usage("net")),
        },
        "timing" => match args.as_slice() {
            [] => Ok(Command::Timing(None)),
            [m] => Ok(Command::Timing(Some(m.to_string()))),
            _ => Err(usage("timing")),
        },
        "explore" => Ok(Command::Explore(args.iter().map(|a| a.to_string()).collect())),
        "counterexample" => none(Command::Counterexample),
        "load-schedule" => text(&args).map(Command::LoadSchedule),
        "load-trace" => text(&args).map(Command::LoadTrace),
        "budget" => match args.as_slice() {
            [m] => Ok(Command::Budget(m.to_string())),
            _ => Err(usage("budget")),
        },
        "availability" => match args.as_slice() {
            [ps] => Ok(Command::Availability(ps.to_string(), 1)),
            [ps, k] => count(k)
                .map(|k| Command::Availability(ps.to_string(), k as usize))
                .map_err(bad),
            _ => Err(usage("availability")),
        },
        "export" => match args.as_slice() {
            [f, p] => Ok(Command::Export(f.to_string(), p.to_string())),
            _ => Err(usage("export")),
        },
        "save" => match args.as_slice() {
            [f] => Ok(Command::Save(f.to_string())),
            _ => Err(usage("save")),
        },
        "load" => match args.as_slice() {
            [f] => Ok(Command::Load(f.to_string())),
            _ => Err(usage("load")),
        },
        "reset" => none(Command::Reset),
        "quit" => Ok(Command::Quit),
        "" => Err("write a command after `:`; :help lists them".into()),
        _ => Err(match closest(name, names()) {
            Some(s) => format!("unknown command :{name}; did you mean :{s}?"),
            None => format!("unknown command :{name}; :help lists the commands"),
        }),
    }
}

/// The table's name for what was typed (`:q` is `:quit`).
fn canonical(name: &str) -> &str {
    match name {
        "q" | "exit" => "quit",
        // In a lesson `:next` moves on; `:choices` always lists choices.
        "choices" => "next",
        "h" | "?" => "help",
        _ => name,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a wrong parse fails the test
mod tests {
    use super::*;

    #[test]
    fn every_command_in_the_table_parses_or_asks_for_its_arguments() {
        for s in SPECS {
            match parse(s.name) {
                Ok(_) => {}
                Err(e) => assert!(e.contains(&format!(":{}", s.name)), "{}: {e}", s.name),
            }
        }
    }

    #[test]
    fn arguments_are_typed_once() {
        assert_eq!(parse("deliver m3"), Ok(Command::Deliver(3)));
        assert_eq!(
            parse("step p2"),
            Ok(Command::Step(StepWhat::Proc(ProcRef::Alias(2))))
        );
        assert_eq!(parse("step 5"), Ok(Command::Step(StepWhat::Count(5))));
        assert_eq!(parse("back e27"), Ok(Command::Back(BackTo::Event(27))));
        assert_eq!(
            parse("run until t=500"),
            Ok(Command::Run(RunUntil::Time(500)))
        );
        assert_eq!(parse("hb e2 e7"), Ok(Command::Hb(2, 7)));
    }

    #[test]
    fn huge_numbers_are_reported_as_too_large() {
        let e = parse("step 99999999999999999999").unwrap_err();
        assert!(e.contains("too large"), "{e}");
        let e = parse("step p99999999999999999999").unwrap_err();
        assert!(e.contains("too large"), "{e}");
    }

    #[test]
    fn a_typo_gets_the_closest_command() {
        let e = parse("fligth").unwrap_err();
        assert!(e.contains("did you mean :flight?"), "{e}");
    }
}
