//! The REPL's meta commands (`:step`, `:deliver`, `:clocks`, ...): each
//! looks at or drives the session's world and answers with text. Bad
//! arguments get a hint and change nothing.

use super::{Reply, Session, RUN_STEPS};
use crate::compile::suggest::closest;
use crate::term::{Atom, Pid};
use crate::world::event::pid_text;
use crate::world::{Choice, Payload, Status};
use std::fmt::Write;

const COMMANDS: &[(&str, &str)] = &[
    ("help", ":help                 this list"),
    (
        "mode",
        ":mode auto|manual     auto runs each input to quiescence; manual waits for you",
    ),
    (
        "sched",
        ":sched random|rr|sync  how :step and :run pick among the choices",
    ),
    (
        "seed",
        ":seed N               restart the random scheduler from seed N",
    ),
    (
        "next",
        ":next                 the choices possible now, numbered",
    ),
    ("pick", ":pick K               apply choice K of :next"),
    (
        "step",
        ":step [N | P]         one step (N steps, or one step of process P)",
    ),
    (
        "run",
        ":run [until E | T]    run until nothing can happen (or event E, e.g. e12, or time t=500)",
    ),
    (
        "back",
        ":back [N]              go back N steps (time travel; exact)",
    ),
    (
        "forward",
        ":forward [N]           return N steps towards the present",
    ),
    (
        "branches",
        ":branches             futures left behind by stepping differently after :back",
    ),
    ("goto", ":goto K               switch to branch K"),
    (
        "deliver",
        ":deliver M            deliver message M (e.g. :deliver m3)",
    ),
    (
        "procs",
        ":procs                processes, their status and mailbox sizes",
    ),
    (
        "inbox",
        ":inbox P              the mailbox of process P (e.g. :inbox p2)",
    ),
    ("flight", ":flight               messages in the network"),
    (
        "clocks",
        ":clocks               every process's Lamport and vector clock",
    ),
    (
        "trace",
        ":trace [P]            the events so far (of process P)",
    ),
    (
        "hb",
        ":hb E1 E2             is E1 -> E2, E2 -> E1, or are they concurrent?",
    ),
    (
        "diagram",
        ":diagram [all]        the space-time diagram (all: with deliveries)",
    ),
    ("drop", ":drop M               lose message M"),
    (
        "dup",
        ":dup M                duplicate message M (the copy gets its own id)",
    ),
    (
        "crash",
        ":crash P              crash process P (crash-stop; :failstop on|off)",
    ),
    (
        "recover",
        ":recover P            restart crashed process P from its initial function",
    ),
    (
        "delay",
        ":delay M [MS]         hold message M back MS virtual milliseconds (default 100)",
    ),
    (
        "faults",
        ":faults FILE          load a fault plan (TOML) into the world",
    ),
    (
        "failstop",
        ":failstop on|off      whether crashes fire links and monitors",
    ),
    (
        "partition",
        ":partition A,B | C    cut the network between the groups",
    ),
    (
        "heal",
        ":heal                 end the partition; held messages travel again",
    ),
    (
        "net",
        ":net MODEL            erlang, perfect or fair-loss:loss=P,dup=Q",
    ),
    (
        "timing",
        ":timing MODEL         local, async, sync:delta=D or psync:gst=T,delta=D",
    ),
    (
        "save",
        ":save FILE            write this session's inputs; :load or `pidlab replay` rebuilds it",
    ),
    (
        "load",
        ":load FILE            start over and replay a saved session",
    ),
    (
        "reset",
        ":reset                start over: new world, no bindings",
    ),
];

/// When `:run until ...` stops.
type StopWhen = Box<dyn Fn(&crate::world::World) -> bool>;

/// The command names, for completion.
pub fn names() -> Vec<&'static str> {
    COMMANDS.iter().map(|(n, _)| *n).collect()
}

/// `p3` for the third process: the short alias people type.
pub fn alias(p: Pid) -> String {
    format!("p{}", p.0.saturating_sub(crate::run::MAIN_PID.0) + 1)
}

impl Session {
    pub(super) fn command(&mut self, line: &str, sink: &mut dyn FnMut(&str)) -> Reply {
        let mut words = line.split_whitespace();
        let name = words.next().unwrap_or("");
        let args: Vec<&str> = words.collect();
        let r = match name {
            "help" => Ok(COMMANDS.iter().map(|(_, h)| format!("{h}\n")).collect()),
            "mode" => self.mode(&args),
            "sched" => self.set_sched(&args),
            "seed" => self.set_seed(&args),
            "next" => Ok(self.next_text()),
            "pick" => self.pick(&args, sink),
            "step" => self.step(&args, sink),
            "back" => self.back(args.first().and_then(|a| a.parse().ok()).unwrap_or(1)),
            "forward" => self.forward(args.first().and_then(|a| a.parse().ok()).unwrap_or(1)),
            "branches" => Ok(self.branches_text()),
            "goto" => match args.first().and_then(|a| a.parse().ok()) {
                Some(k) => self.goto(k),
                None => Err("write :goto K, with K from :branches".into()),
            },
            "run" => {
                let stop: Option<StopWhen> = match args.as_slice() {
                    [] => None,
                    ["until", target] => {
                        if let Some(e) = target
                            .strip_prefix('e')
                            .and_then(|n| n.parse::<usize>().ok())
                        {
                            Some(Box::new(move |w: &crate::world::World| w.trace.len() >= e))
                        } else if let Ok(t) =
                            target.strip_prefix("t=").unwrap_or(target).parse::<u64>()
                        {
                            Some(Box::new(move |w: &crate::world::World| w.time >= t))
                        } else {
                            return Reply::Text(format!("error: `{target}` is neither an event (e12) nor a time (t=500)\n"), true);
                        }
                    }
                    _ => {
                        return Reply::Text(
                            "error: write :run, :run until e12 or :run until t=500\n".into(),
                            true,
                        )
                    }
                };
                self.remember();
                let (out, _) = self.run_until(RUN_STEPS, true, stop.as_deref(), sink);
                Ok(if out.is_empty() {
                    "nothing can happen\n".into()
                } else {
                    out
                })
            }
            "deliver" => self.deliver(&args, sink),
            "procs" => Ok(self.procs_text()),
            "inbox" => self.inbox(&args),
            "flight" => Ok(self.flight_text()),
            "clocks" => Ok(self.clocks_text()),
            "trace" => self.trace_text(&args),
            "hb" => self.hb(&args),
            "diagram" => Ok(crate::view::diagram::render(
                &self.world.trace,
                args.first() == Some(&"all"),
            )),
            "drop" => self.drop_msg(&args),
            "delay" => self.delay_msg(&args),
            "recover" => self.recover(&args),
            "faults" => self.load_faults(&args),
            "dup" => self.dup_msg(&args),
            "crash" => self.crash(&args),
            "failstop" => match args.first().copied() {
                Some("on") => {
                    self.world.faults.fail_stop = true;
                    Ok("crashes now fire links and monitors (fail-stop)\n".into())
                }
                Some("off") => {
                    self.world.faults.fail_stop = false;
                    Ok("crashes tell nobody (crash-stop)\n".into())
                }
                _ => Err("write :failstop on or :failstop off".into()),
            },
            "partition" => {
                let text = args.join("").replace(' ', "");
                match crate::world::faults::parse_partition(&text) {
                    Ok(p) => {
                        self.world.faults.partition = Some(p);
                        let before = self.world.trace.len();
                        self.world.partition();
                        Ok(self.events_since(before))
                    }
                    Err(e) => Err(e.0.message.clone()
                        + &e.0.help.map(|h| format!("; {h}")).unwrap_or_default()),
                }
            }
            "heal" => {
                let before = self.world.trace.len();
                self.world.heal();
                let out: String = self.events_since(before);
                Ok(if out.is_empty() {
                    "no partition to heal\n".into()
                } else {
                    out
                })
            }
            "net" => {
                match crate::world::faults::parse_net(args.first().copied().unwrap_or("")) {
                    Ok(m) => {
                        self.world.faults.net = m;
                        Ok(format!(
                            "link model: {}\n",
                            args.first().copied().unwrap_or("")
                        ))
                    }
                    Err(e) => Err(e.0.message.clone()
                        + &e.0.help.map(|h| format!("; {h}")).unwrap_or_default()),
                }
            }
            "timing" => {
                match crate::world::faults::parse_timing(args.first().copied().unwrap_or("")) {
                    Ok(t) => {
                        self.world.faults.timing = t;
                        Ok(format!("timing: {}\n", args.first().copied().unwrap_or("")))
                    }
                    Err(e) => Err(e.0.message.clone()
                        + &e.0.help.map(|h| format!("; {h}")).unwrap_or_default()),
                }
            }
            "save" => match args.first() {
                Some(f) => {
                    let mut text = String::from(
                        "% pidlab session: replay with `pidlab replay FILE` or :load FILE\n",
                    );
                    for l in &self.log {
                        text.push_str(l);
                        text.push('\n');
                    }
                    std::fs::write(f, text)
                        .map(|_| format!("saved {} inputs to {f}\n", self.log.len()))
                        .map_err(|e| format!("cannot write {f}: {e}"))
                }
                None => Err("write :save FILE".into()),
            },
            "load" => match args.first() {
                Some(f) => match std::fs::read_to_string(f) {
                    Ok(text) => {
                        let style = self.style;
                        *self = Session::new(style);
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
                    Err(e) => Err(format!("cannot read {f}: {e}")),
                },
                None => Err("write :load FILE".into()),
            },
            "reset" => {
                let style = self.style;
                *self = Session::new(style);
                Ok("a new world: no processes, no bindings\n".into())
            }
            "q" | "quit" => return Reply::Quit,
            _ => {
                let hint = match closest(name, COMMANDS.iter().map(|(n, _)| *n)) {
                    Some(s) => format!("did you mean :{s}?"),
                    None => ":help lists the commands".into(),
                };
                Err(format!("unknown command :{name}; {hint}"))
            }
        };
        match r {
            Ok(text) => Reply::Text(text, false),
            Err(msg) => Reply::Text(format!("error: {msg}\n"), true),
        }
    }

    fn mode(&mut self, args: &[&str]) -> Result<String, String> {
        match args {
            ["auto"] => {
                self.manual = false;
                Ok("mode: auto\n".into())
            }
            ["manual"] => {
                self.manual = true;
                Ok("mode: manual\n".into())
            }
            _ => Err("write :mode auto or :mode manual".into()),
        }
    }

    fn set_sched(&mut self, args: &[&str]) -> Result<String, String> {
        let name = args.first().copied().unwrap_or("");
        let s =
            Sched::parse(name, self.seed).ok_or("write :sched random, :sched rr or :sched sync")?;
        self.sched = s;
        Ok(format!("scheduler: {name}\n"))
    }

    fn set_seed(&mut self, args: &[&str]) -> Result<String, String> {
        let n: u64 = args
            .first()
            .and_then(|a| a.parse().ok())
            .ok_or("write :seed N with a number N")?;
        self.seed = n;
        self.sched = Sched::Random { state: n };
        Ok(format!("random scheduler, seed {n}\n"))
    }

    fn describe(&self, c: &Choice) -> String {
        match c {
            Choice::Run(p) => format!("run {} ({})", pid_text(*p), alias(*p)),
            Choice::Deliver(id) => match self.world.network.get(*id) {
                Some(m) => {
                    let what = match &m.payload {
                        Payload::Message(t) => crate::term::write::write(t),
                        Payload::Exit(r) => format!("exit signal {}", crate::term::write::write(r)),
                    };
                    format!(
                        "deliver m{id} {} -> {}: {what}",
                        pid_text(m.from),
                        pid_text(m.to)
                    )
                }
                None => format!("deliver m{id}"),
            },
            Choice::Timeout(p) => format!("timeout of {} ({})", pid_text(*p), alias(*p)),
            Choice::Timer(id) => format!("fire timer {id}"),
            Choice::Tick(t) => format!("let time pass to t={t} (the fault plan acts then)"),
        }
    }

    fn next_text(&self) -> String {
        let cs = self.world.enabled();
        if cs.is_empty() {
            return "nothing can happen\n".into();
        }
        cs.iter()
            .enumerate()
            .map(|(i, c)| format!("{:>3}. {}\n", i + 1, self.describe(c)))
            .collect()
    }

    fn apply_shown(&mut self, c: &Choice, sink: &mut dyn FnMut(&str)) -> String {
        self.remember();
        let mut out = self.apply(c, true, sink);
        let (answer, _) = self.answer();
        out.push_str(&answer);
        out
    }

    fn pick(&mut self, args: &[&str], sink: &mut dyn FnMut(&str)) -> Result<String, String> {
        let cs = self.world.enabled();
        let k: usize = args
            .first()
            .and_then(|a| a.parse().ok())
            .ok_or("write :pick K, with K from :next")?;
        let c = k
            .checked_sub(1)
            .and_then(|i| cs.get(i))
            .cloned()
            .ok_or_else(|| format!("there is no choice {k}; :next lists {} choices", cs.len()))?;
        Ok(self.apply_shown(&c, sink))
    }

    fn step(&mut self, args: &[&str], sink: &mut dyn FnMut(&str)) -> Result<String, String> {
        if let Some(a) = args.first() {
            if let Ok(n) = a.parse::<usize>() {
                let mut out = String::new();
                super::INTERRUPTED.store(false, std::sync::atomic::Ordering::SeqCst);
                for _ in 0..n.min(RUN_STEPS) {
                    if super::INTERRUPTED.swap(false, std::sync::atomic::Ordering::SeqCst) {
                        out.push_str("interrupted\n");
                        break;
                    }
                    let Some(c) = self.sched.pick(&self.world.enabled()) else {
                        break;
                    };
                    out.push_str(&self.apply_shown(&c, sink));
                }
                return Ok(out);
            }
            let p = self.process(a)?;
            let c = Choice::Run(p);
            if !self.world.enabled().contains(&c) {
                return Err(format!(
                    "{} ({a}) cannot run now: {}",
                    pid_text(p),
                    self.status_text(p)
                ));
            }
            return Ok(self.apply_shown(&c, sink));
        }
        match self.sched.pick(&self.world.enabled()) {
            Some(c) => Ok(self.apply_shown(&c, sink)),
            None => Ok("nothing can happen\n".into()),
        }
    }

    fn message_arg(&self, args: &[&str], cmd: &str) -> Result<u64, String> {
        let a = args
            .first()
            .ok_or_else(|| format!("write :{cmd} M, e.g. :{cmd} m3"))?;
        let id: u64 = a
            .trim_start_matches('m')
            .parse()
            .map_err(|_| format!("`{a}` is not a message id; they look like m3"))?;
        if self.world.network.get(id).is_none() {
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
            return Err(format!("m{id} is not in flight; {hint}"));
        }
        Ok(id)
    }

    /// The events made since the trace had `before` of them, one line each.
    fn events_since(&self, before: usize) -> String {
        self.world
            .trace
            .get(before..)
            .unwrap_or_default()
            .iter()
            .map(|e| self.event_line(e))
            .collect()
    }

    fn crash(&mut self, args: &[&str]) -> Result<String, String> {
        let a = args.first().ok_or("write :crash P, e.g. :crash p2")?;
        let p = self.process(a)?;
        if !self.world.is_alive(p) {
            return Err(format!("{} is not alive", pid_text(p)));
        }
        self.remember();
        let before = self.world.trace.len();
        self.world.crash(p);
        Ok(self.events_since(before))
    }

    fn delay_msg(&mut self, args: &[&str]) -> Result<String, String> {
        let id = self.message_arg(args, "delay")?;
        let ms: u64 = match args.get(1) {
            Some(a) => a
                .parse()
                .map_err(|_| format!("`{a}` is not a number of milliseconds"))?,
            None => 100,
        };
        self.remember();
        self.world.delay_message(id, ms);
        Ok(format!(
            "m{id} arrives no earlier than t={}\n",
            self.world.time + ms
        ))
    }

    fn recover(&mut self, args: &[&str]) -> Result<String, String> {
        let a = args.first().ok_or("write :recover P, e.g. :recover p2")?;
        let p = self.process(a)?;
        self.remember();
        let before = self.world.trace.len();
        if !self.world.recover(p) {
            return Err(format!(
                "{} has not crashed: {}",
                pid_text(p),
                self.status_text(p)
            ));
        }
        Ok(self.events_since(before))
    }

    fn load_faults(&mut self, args: &[&str]) -> Result<String, String> {
        let f = args.first().ok_or("write :faults FILE")?;
        let text = std::fs::read_to_string(f).map_err(|e| format!("cannot read {f}: {e}"))?;
        match crate::world::faults::load_plan(&text) {
            Ok(plan) => {
                let part = plan.partition.is_some();
                self.world.faults = plan;
                if part {
                    self.world.partition();
                }
                Ok(format!("fault plan {f} loaded\n"))
            }
            Err(d) => Err(crate::diag::render::render(&d, f, &text, self.style)),
        }
    }

    fn drop_msg(&mut self, args: &[&str]) -> Result<String, String> {
        let id = self.message_arg(args, "drop")?;
        self.remember();
        let before = self.world.trace.len();
        self.world.drop_message(id);
        Ok(self.events_since(before))
    }

    fn dup_msg(&mut self, args: &[&str]) -> Result<String, String> {
        let id = self.message_arg(args, "dup")?;
        self.remember();
        let before = self.world.trace.len();
        self.world.duplicate_message(id);
        Ok(self.events_since(before))
    }

    fn deliver(&mut self, args: &[&str], sink: &mut dyn FnMut(&str)) -> Result<String, String> {
        let a = args.first().ok_or("write :deliver M, e.g. :deliver m3")?;
        let id: u64 = a
            .trim_start_matches('m')
            .parse()
            .map_err(|_| format!("`{a}` is not a message id; they look like m3"))?;
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
        if self.world.network.get(id).is_some() && at > self.world.time {
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

    /// A process from `<0.81.0>`, `p2` or a registered name.
    fn process(&self, a: &str) -> Result<Pid, String> {
        let p = if let Some(n) = a.strip_prefix("<0.").and_then(|r| r.strip_suffix(".0>")) {
            n.parse().ok().map(Pid)
        } else if let Some(n) = a.strip_prefix('p').and_then(|n| n.parse::<u32>().ok()) {
            n.checked_sub(1).map(|k| Pid(crate::run::MAIN_PID.0 + k))
        } else {
            Atom::existing(a).and_then(|at| self.world.registry.get(&at).copied())
        };
        match p.filter(|p| self.world.procs.contains_key(p)) {
            Some(p) => Ok(p),
            None => {
                let alive: Vec<String> = self
                    .world
                    .procs
                    .keys()
                    .filter(|p| self.world.is_alive(**p))
                    .map(|p| alias(*p))
                    .collect();
                Err(format!(
                    "{a} is not a process here; alive: {}",
                    if alive.is_empty() {
                        "none".to_string()
                    } else {
                        alive.join(" ")
                    }
                ))
            }
        }
    }

    fn status_text(&self, p: Pid) -> String {
        match self.world.procs.get(&p).map(|x| &x.status) {
            Some(Status::Runnable) => "runnable".into(),
            Some(Status::Waiting {
                deadline: Some(d),
                sleeping: true,
            }) => format!("sleeping until t={d}"),
            Some(Status::Waiting {
                deadline: Some(d), ..
            }) => format!("in receive, timeout at t={d}"),
            Some(Status::Waiting { .. }) => "in receive".into(),
            Some(Status::Exited(r)) => format!("exited: {}", crate::term::write::write(r)),
            Some(Status::Idle) => "idle (the shell)".into(),
            None => "unknown".into(),
        }
    }

    fn procs_text(&self) -> String {
        let mut out = String::new();
        for (pid, p) in &self.world.procs {
            let name = self
                .world
                .registry
                .iter()
                .find(|(_, v)| *v == pid)
                .map(|(k, _)| format!(" [{}]", k.name()))
                .unwrap_or_default();
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

    fn inbox(&self, args: &[&str]) -> Result<String, String> {
        let a = args.first().ok_or("write :inbox P, e.g. :inbox p2")?;
        let p = self.process(a)?;
        let Some(x) = self.world.procs.get(&p) else {
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
        if self.world.network.is_empty() {
            return "no messages in flight\n".into();
        }
        let cs = self
            .world
            .network
            .iter()
            .map(|m| self.describe(&Choice::Deliver(m.id)))
            .collect::<Vec<_>>();
        cs.iter()
            .map(|c| format!("{}\n", c.trim_start_matches("deliver ")))
            .collect()
    }

    fn clocks_text(&self) -> String {
        let mut out = String::from("process    alias  lamport  vector clock\n");
        for (pid, p) in &self.world.procs {
            let vc: Vec<String> =
                p.vc.iter()
                    .map(|(q, n)| format!("{}:{n}", alias(*q)))
                    .collect();
            let _ = writeln!(
                out,
                "{:<10} {:<6} {:<8} {{{}}}",
                pid_text(*pid),
                alias(*pid),
                p.lamport,
                vc.join(", ")
            );
        }
        out
    }

    fn trace_text(&self, args: &[&str]) -> Result<String, String> {
        let only = match args.first() {
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

    fn hb(&self, args: &[&str]) -> Result<String, String> {
        let parse = |a: &str| -> Result<u64, String> {
            let id: u64 = a
                .trim_start_matches('e')
                .parse()
                .map_err(|_| format!("`{a}` is not an event id; they look like e7"))?;
            if id == 0 || id as usize > self.world.trace.len() {
                return Err(format!(
                    "there is no event {a}; events run from e1 to e{}",
                    self.world.trace.len()
                ));
            }
            Ok(id)
        };
        let (Some(a), Some(b)) = (args.first(), args.get(1)) else {
            return Err("write :hb E1 E2, e.g. :hb e2 e7".into());
        };
        let (a, b) = (parse(a)?, parse(b)?);
        let t = &self.world.trace;
        let path = |x: u64, y: u64| {
            crate::trace::causal_path(t, x, y).map(|p| {
                p.iter()
                    .map(|e| format!("e{e}"))
                    .collect::<Vec<_>>()
                    .join(" -> ")
            })
        };
        Ok(if let Some(p) = path(a, b) {
            format!("e{a} happens before e{b}: {p}\n")
        } else if let Some(p) = path(b, a) {
            format!("e{b} happens before e{a}: {p}\n")
        } else if a == b {
            "the same event\n".into()
        } else {
            format!("e{a} and e{b} are concurrent: no causal path joins them\n")
        })
    }
}

use crate::world::sched::Sched;
