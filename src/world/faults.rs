//! Fault plans: the link model, partitions and crashes of one run, as one
//! data structure, deterministic under the world's seed.
//!
//! Written as command-line flags (`--net fair-loss:loss=0.3,dup=0.1`,
//! `--partition 'a,b|c'`, `--crash NAME@send=3`); a mistake in one is a
//! diagnostic that points into the flag. Processes are named by registered
//! name or alias (`p2`) and resolved when the rule applies.

use crate::diag::Diagnostic;
use crate::diag::Span;

/// The network's promise.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkModel {
    /// Reliable, FIFO per sender/receiver pair (Erlang's promise).
    Erlang,
    /// Reliable, no duplication, no creation, any order.
    Perfect,
    /// Each message may be lost or duplicated (finitely often); any order.
    FairLoss { loss: f64, dup: f64 },
}

/// Written as `--net` takes it.
impl std::fmt::Display for LinkModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkModel::Erlang => write!(f, "erlang"),
            LinkModel::Perfect => write!(f, "perfect"),
            LinkModel::FairLoss { loss, dup } => write!(f, "fair-loss:loss={loss},dup={dup}"),
        }
    }
}

/// What happens to a message sent across a partition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CutMode {
    Drop,
    Hold,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Partition {
    pub groups: Vec<Vec<String>>,
    pub mode: CutMode,
}

/// When a crash rule fires.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Trigger {
    /// After the process's k-th send.
    Send(u64),
    /// After the process's k-th receive.
    Receive(u64),
    /// When virtual time reaches t.
    Time(u64),
    /// At the world's step s.
    Step(u64),
    /// After each of the process's events, with probability p.
    Prob(f64),
}

/// A process that omits some of its sends and receives.
#[derive(Clone, Debug, PartialEq)]
pub struct Omission {
    pub who: String,
    pub send: f64,
    pub receive: f64,
}

/// What an adversary does to a Byzantine process's outgoing messages, each
/// with a probability: corrupt the contents, duplicate, drop, or forge the
/// sender (its own pid inside the message becomes another process's).
#[derive(Clone, Debug, PartialEq)]
pub struct Byzantine {
    pub who: String,
    pub corrupt: f64,
    pub dup: f64,
    pub drop: f64,
    pub forge: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Crash {
    pub who: String,
    pub when: Trigger,
}

/// How long messages take, in virtual milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    /// Zero delay, as on one Erlang node.
    Local,
    /// Unbounded, heavy-tailed delays: any fixed timeout is exceeded by
    /// some message at some seed.
    Async,
    /// Every message arrives within `delta`.
    Sync { delta: u64 },
    /// Asynchronous until `gst`, then within `delta` (messages sent before
    /// `gst` arrive by `gst + delta`).
    Psync { gst: u64, delta: u64 },
}

/// Written as `--timing` takes it.
impl std::fmt::Display for Timing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Timing::Local => write!(f, "local"),
            Timing::Async => write!(f, "async"),
            Timing::Sync { delta } => write!(f, "sync:delta={delta}"),
            Timing::Psync { gst, delta } => write!(f, "psync:gst={gst},delta={delta}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FaultPlan {
    pub net: LinkModel,
    pub partition: Option<Partition>,
    pub crashes: Vec<Crash>,
    /// Fail-stop: links and monitors are told of a crash. Crash-stop
    /// (the default) tells nobody.
    pub fail_stop: bool,
    pub timing: Timing,
    /// At most this many messages lost by the link model (None: no bound).
    pub max_losses: Option<u64>,
    /// At most this many crashes by rule (None: no bound).
    pub max_crashes: Option<u64>,
    /// At most this many duplicated messages (None: no bound).
    pub max_dups: Option<u64>,
    /// At most this many delayed messages (None: no bound).
    pub max_delays: Option<u64>,
    pub omissions: Vec<Omission>,
    pub byzantine: Vec<Byzantine>,
    /// An Erlang fun (source text) that rewrites every message a Byzantine
    /// process sends: `fun(Msg) -> ... end`.
    pub byzantine_fun: Option<String>,
    /// Virtual time at which the partition heals.
    pub heal_at: Option<u64>,
    /// Crashed processes restart by these rules (`NAME@time=T`).
    pub recoveries: Vec<Crash>,
}

impl Default for FaultPlan {
    fn default() -> FaultPlan {
        FaultPlan {
            net: LinkModel::Erlang,
            partition: None,
            crashes: vec![],
            fail_stop: false,
            timing: Timing::Local,
            max_losses: None,
            max_crashes: None,
            max_dups: None,
            max_delays: None,
            omissions: vec![],
            byzantine: vec![],
            byzantine_fun: None,
            heal_at: None,
            recoveries: vec![],
        }
    }
}

impl FaultPlan {
    /// Whether anything in the plan can happen to a message in flight:
    /// loss, duplication, omission, a Byzantine sender, or a delay.
    pub fn affects_messages(&self) -> bool {
        !matches!(self.net, LinkModel::Erlang | LinkModel::Perfect)
            || !self.omissions.is_empty()
            || !self.byzantine.is_empty()
            || matches!(self.timing, Timing::Async | Timing::Psync { .. })
    }

    /// The process names the plan's rules use, each with the flag that
    /// writes that kind of rule, in flag order and without repeats.
    pub fn process_names<'a>(&'a self) -> Vec<(&'static str, &'a str)> {
        let mut out: Vec<(&'static str, &str)> = vec![];
        let mut add = |flag: &'static str, name: &'a str| {
            if !out.contains(&(flag, name)) {
                out.push((flag, name));
            }
        };
        for c in &self.crashes {
            add("--crash", &c.who);
        }
        for n in self
            .partition
            .iter()
            .flat_map(|p| p.groups.iter().flatten())
        {
            add("--partition", n);
        }
        for o in &self.omissions {
            add("--omit", &o.who);
        }
        for b in &self.byzantine {
            add("--byzantine", &b.who);
        }
        for r in &self.recoveries {
            add("--recover", &r.who);
        }
        out
    }
}

/// A diagnostic about a flag's text, pointing at `lo..hi` in it.
fn bad(flag: &str, text: &str, lo: usize, hi: usize, msg: &str, help: &str) -> FlagError {
    let src = format!("{flag} {text}");
    let off = flag.len() + 1;
    let d = Diagnostic::error(msg)
        .at(Span::new(off + lo, off + hi.max(lo + 1)), "here")
        .help(help);
    Box::new((d, src))
}

/// A flag that could not be read: the diagnostic and the text it points into.
pub type FlagError = Box<(Diagnostic, String)>;

fn probability(flag: &str, text: &str, at: usize, v: &str) -> Result<f64, FlagError> {
    match v.parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        Ok(p) => Err(bad(
            flag,
            text,
            at,
            at + v.len(),
            &format!("{p} is not a probability"),
            "a probability lies between 0 and 1, e.g. 0.3",
        )),
        Err(_) => Err(bad(
            flag,
            text,
            at,
            at + v.len(),
            &format!("`{v}` is not a number"),
            "write a probability such as 0.3",
        )),
    }
}

/// `--net erlang | perfect | fair-loss:loss=P,dup=Q`.
pub fn parse_net(text: &str) -> Result<LinkModel, FlagError> {
    let flag = "--net";
    let (name, rest) = text.split_once(':').unwrap_or((text, ""));
    match name {
        "erlang" if rest.is_empty() => Ok(LinkModel::Erlang),
        "perfect" if rest.is_empty() => Ok(LinkModel::Perfect),
        "fair-loss" => {
            let (mut loss, mut dup) = (0.0, 0.0);
            for p in params(
                flag,
                text,
                rest,
                name.len() + 1,
                "write fair-loss:loss=0.3,dup=0.1",
            )? {
                match p.key {
                    "loss" => loss = probability(flag, text, p.value_at, p.value)?,
                    "dup" => dup = probability(flag, text, p.value_at, p.value)?,
                    k => {
                        let msg = format!("fair-loss has no parameter `{k}`");
                        return Err(bad(
                            flag,
                            text,
                            p.key_at,
                            p.key_at + k.len(),
                            &msg,
                            "its parameters are loss and dup",
                        ));
                    }
                }
            }
            if loss >= 1.0 {
                return Err(bad(
                    flag,
                    text,
                    0,
                    text.len(),
                    "loss=1 would lose every message",
                    "fair-loss promises that a message sent infinitely often is delivered infinitely often: use loss below 1",
                ));
            }
            if dup >= 1.0 {
                return Err(bad(
                    flag,
                    text,
                    0,
                    text.len(),
                    "dup=1 would duplicate forever",
                    "fair-loss duplicates finitely often: use dup below 1",
                ));
            }
            Ok(LinkModel::FairLoss { loss, dup })
        }
        _ => Err(bad(
            flag,
            text,
            0,
            name.len(),
            &format!("unknown link model `{name}`"),
            "choose erlang, perfect or fair-loss:loss=P,dup=Q",
        )),
    }
}

/// `--timing local | async | sync[:delta=D] | psync:gst=T,delta=D`.
pub fn parse_timing(text: &str) -> Result<Timing, FlagError> {
    let flag = "--timing";
    let (name, rest) = text.split_once(':').unwrap_or((text, ""));
    let mut delta = 10;
    let mut gst = None;
    for p in params(
        flag,
        text,
        rest,
        name.len() + 1,
        "e.g. sync:delta=10 or psync:gst=500,delta=10",
    )? {
        let n = count(
            flag,
            text,
            &p,
            Range::Time,
            "whole number of milliseconds",
            "e.g. delta=10",
        )?;
        match (name, p.key) {
            ("sync" | "psync", "delta") => delta = n,
            ("psync", "gst") => gst = Some(n),
            (_, k) => {
                let msg = format!("{name} timing has no parameter `{k}`");
                return Err(bad(
                    flag,
                    text,
                    p.key_at,
                    p.key_at + k.len(),
                    &msg,
                    "sync takes delta; psync takes gst and delta",
                ));
            }
        }
    }
    match name {
        "local" if rest.is_empty() => Ok(Timing::Local),
        "async" if rest.is_empty() => Ok(Timing::Async),
        "sync" => Ok(Timing::Sync { delta }),
        "psync" => match gst {
            Some(gst) => Ok(Timing::Psync { gst, delta }),
            None => Err(bad(
                flag,
                text,
                0,
                text.len(),
                "psync needs a stabilisation time",
                "write psync:gst=500,delta=10",
            )),
        },
        _ => Err(bad(
            flag,
            text,
            0,
            name.len(),
            &format!("unknown timing model `{name}`"),
            "choose local, async, sync:delta=D or psync:gst=T,delta=D",
        )),
    }
}

/// One `key=value` of a flag, with where its key and value start in the flag's text.
struct Param<'a> {
    key: &'a str,
    value: &'a str,
    key_at: usize,
    value_at: usize,
}

/// Splits `list` (which starts at `at` in `text`) into `key=value` pairs.
fn params<'a>(
    flag: &str,
    text: &str,
    list: &'a str,
    at: usize,
    example: &str,
) -> Result<Vec<Param<'a>>, FlagError> {
    let mut out = vec![];
    let mut at = at;
    for kv in list.split(',') {
        if !kv.is_empty() {
            let (key, value) = kv.split_once('=').ok_or_else(|| {
                bad(
                    flag,
                    text,
                    at,
                    at + kv.len(),
                    "expected `key=value`",
                    example,
                )
            })?;
            out.push(Param {
                key,
                value,
                key_at: at,
                value_at: at + key.len() + 1,
            });
        }
        at += kv.len() + 1;
    }
    Ok(out)
}

/// The latest virtual time a flag may name, in milliseconds: Erlang's
/// largest `after` timeout, about 49 days. Keeping times this small keeps
/// every sum of times far from overflowing.
pub const MAX_TIME_MS: u64 = 4_294_967_295;

/// The range of whole numbers a flag accepts.
#[derive(Clone, Copy)]
enum Range {
    /// A count of events or faults: any `u64`.
    Count,
    /// Milliseconds of virtual time, up to `MAX_TIME_MS`.
    Time,
}

impl Range {
    fn max(self) -> u64 {
        match self {
            Range::Count => u64::MAX,
            Range::Time => MAX_TIME_MS,
        }
    }

    fn words(self) -> String {
        match self {
            Range::Count => format!("a count lies between 0 and {}", u64::MAX),
            Range::Time => format!(
                "a time lies between 0 and {MAX_TIME_MS} milliseconds (about 49 days, Erlang's largest timeout)"
            ),
        }
    }
}

/// The whole number `v` (at `at` in `text`) within `range`; otherwise a
/// diagnostic that says it is too large or not a `what`, with `help`.
fn whole(
    flag: &str,
    text: &str,
    at: usize,
    v: &str,
    range: Range,
    what: &str,
    help: &str,
) -> Result<u64, FlagError> {
    let too_large = || {
        bad(
            flag,
            text,
            at,
            at + v.len(),
            &format!("{v} is too large"),
            &range.words(),
        )
    };
    match v.parse::<u64>() {
        Ok(n) if n <= range.max() => Ok(n),
        Ok(_) => Err(too_large()),
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => Err(too_large()),
        Err(_) => Err(bad(
            flag,
            text,
            at,
            at + v.len(),
            &format!("`{v}` is not a {what}"),
            help,
        )),
    }
}

/// A parameter's value as a whole number within `range`.
fn count(
    flag: &str,
    text: &str,
    p: &Param<'_>,
    range: Range,
    what: &str,
    help: &str,
) -> Result<u64, FlagError> {
    whole(flag, text, p.value_at, p.value, range, what, help)
}

/// Splits `NAME<sep>rest`; a missing separator or an empty name is an
/// error with the given words.
fn split_named<'a>(
    flag: &str,
    text: &'a str,
    sep: char,
    expected: &str,
    example: &str,
    name_help: &str,
) -> Result<(&'a str, &'a str), FlagError> {
    let (who, rest) = text
        .split_once(sep)
        .ok_or_else(|| bad(flag, text, 0, text.len(), expected, example))?;
    if who.is_empty() {
        return Err(bad(flag, text, 0, 1, "which process?", name_help));
    }
    Ok((who, rest))
}

/// `NAME:key=P,key=P` with probabilities for the named keys.
fn named_probs<'a>(
    flag: &str,
    text: &'a str,
    keys: &[&str],
) -> Result<(&'a str, Vec<f64>), FlagError> {
    let example = format!(
        "e.g. {flag} p2:{}=0.2",
        keys.first().copied().unwrap_or("p")
    );
    let (who, rest) = split_named(
        flag,
        text,
        ':',
        "expected NAME:key=P,...",
        &example,
        "name it by registered name or alias, e.g. p2",
    )?;
    let known = format!("the keys are {}", keys.join(", "));
    let mut vals = vec![0.0; keys.len()];
    for p in params(flag, text, rest, who.len() + 1, &known)? {
        let i = keys.iter().position(|x| *x == p.key).ok_or_else(|| {
            bad(
                flag,
                text,
                p.key_at,
                p.key_at + p.key.len(),
                &format!("unknown key `{}`", p.key),
                &known,
            )
        })?;
        if let Some(slot) = vals.get_mut(i) {
            *slot = probability(flag, text, p.value_at, p.value)?;
        }
    }
    Ok((who, vals))
}

/// `--omit NAME:send=P,receive=Q`.
pub fn parse_omission(text: &str) -> Result<Omission, FlagError> {
    let (who, v) = named_probs("--omit", text, &["send", "receive"])?;
    Ok(Omission {
        who: who.into(),
        send: v.first().copied().unwrap_or(0.0),
        receive: v.get(1).copied().unwrap_or(0.0),
    })
}

/// `--byzantine NAME:corrupt=P,dup=P,drop=P,forge=P`.
pub fn parse_byzantine(text: &str) -> Result<Byzantine, FlagError> {
    let (who, v) = named_probs("--byzantine", text, &["corrupt", "dup", "drop", "forge"])?;
    let g = |i: usize| v.get(i).copied().unwrap_or(0.0);
    Ok(Byzantine {
        who: who.into(),
        corrupt: g(0),
        dup: g(1),
        drop: g(2),
        forge: g(3),
    })
}

/// The bounds `--budget` sets: at most so many faults of each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Budget {
    pub losses: Option<u64>,
    pub crashes: Option<u64>,
    pub dups: Option<u64>,
    pub delays: Option<u64>,
}

impl FaultPlan {
    /// Sets the bounds a budget names, leaving the others as they were.
    pub fn set_budget(&mut self, b: Budget) {
        self.max_losses = b.losses.or(self.max_losses);
        self.max_crashes = b.crashes.or(self.max_crashes);
        self.max_dups = b.dups.or(self.max_dups);
        self.max_delays = b.delays.or(self.max_delays);
    }
}

/// `--budget losses=K,crashes=F,dups=D,delays=T`: bounds on the faults of a run.
pub fn parse_budget(text: &str) -> Result<Budget, FlagError> {
    let flag = "--budget";
    let mut b = Budget::default();
    for p in params(flag, text, text, 0, "e.g. losses=10,crashes=1")? {
        let n = count(
            flag,
            text,
            &p,
            Range::Count,
            "count",
            "write a whole number",
        )?;
        match p.key {
            "losses" => b.losses = Some(n),
            "crashes" => b.crashes = Some(n),
            "dups" => b.dups = Some(n),
            "delays" => b.delays = Some(n),
            k => {
                return Err(bad(
                    flag,
                    text,
                    p.key_at,
                    p.key_at + k.len(),
                    &format!("unknown budget `{k}`"),
                    "budgets are losses, crashes, dups and delays",
                ))
            }
        }
    }
    Ok(b)
}

/// A plan from flags as a command line writes them (`--net`,
/// `fair-loss:loss=0.3`, `--crash`, `p2@send=3`, `--fail-stop`, ...), as
/// a schedule file keeps them. A plan file (`--faults`) is read from disk.
pub fn plan_from_words(words: &[String]) -> Result<FaultPlan, String> {
    let mut plan = FaultPlan::default();
    let mut it = words.iter();
    let msg = |e: FlagError| e.0.message.clone();
    while let Some(flag) = it.next() {
        if flag == "--fail-stop" {
            plan.fail_stop = true;
            continue;
        }
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--faults" => {
                let text = std::fs::read_to_string(value)
                    .map_err(|e| format!("cannot read {value}: {e}"))?;
                let file = load_plan(&text).map_err(|d| d.message.clone())?;
                plan = file;
            }
            "--net" => plan.net = parse_net(value).map_err(msg)?,
            "--timing" => plan.timing = parse_timing(value).map_err(msg)?,
            "--partition" => plan.partition = Some(parse_partition(value).map_err(msg)?),
            "--crash" => plan.crashes.push(parse_crash(value).map_err(msg)?),
            "--recover" => plan.recoveries.push(parse_crash(value).map_err(msg)?),
            "--omit" => plan.omissions.push(parse_omission(value).map_err(msg)?),
            "--byzantine" => plan.byzantine.push(parse_byzantine(value).map_err(msg)?),
            "--byzantine-fun" => plan.byzantine_fun = Some(value.clone()),
            "--budget" => plan.set_budget(parse_budget(value).map_err(msg)?),
            "--heal-at" => {
                plan.heal_at = Some(
                    value
                        .parse()
                        .map_err(|_| format!("--heal-at {value} is not a time"))?,
                )
            }
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok(plan)
}

/// The TOML form of a plan: each field is written as its flag would be.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    net: Option<toml::Spanned<String>>,
    timing: Option<toml::Spanned<String>>,
    partition: Option<toml::Spanned<String>>,
    #[serde(default)]
    crash: Vec<toml::Spanned<String>>,
    #[serde(default)]
    fail_stop: bool,
    budget: Option<toml::Spanned<String>>,
    #[serde(default)]
    omit: Vec<toml::Spanned<String>>,
    #[serde(default)]
    byzantine: Vec<toml::Spanned<String>>,
    byzantine_fun: Option<String>,
    heal_at: Option<toml::Spanned<u64>>,
    #[serde(default)]
    recover: Vec<toml::Spanned<String>>,
}

/// Moves a flag's diagnostic onto the string value at `span` of a file.
fn into_file(e: (Diagnostic, String), span: std::ops::Range<usize>) -> Diagnostic {
    let (mut d, src) = e;
    let flag_len = src.find(' ').map(|i| i + 1).unwrap_or(0);
    if let Some(s) = d.span {
        let base = span.start + 1; // past the opening quote
        d.span = Some(Span::new(
            base + s.lo.saturating_sub(flag_len),
            base + s.hi.saturating_sub(flag_len),
        ));
    }
    d
}

/// Reads a fault plan from TOML (`--faults plan.toml`, `:faults FILE`).
/// A mistake is a diagnostic pointing into `text`.
pub fn load_plan(text: &str) -> Result<FaultPlan, Box<Diagnostic>> {
    let file: PlanFile = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        Diagnostic::error(format!("this fault plan is not valid: {}", e.message()))
            .at(Span::new(span.start, span.end), "here")
            .help("a plan has the keys net, timing, partition, crash, omit and byzantine (lists), fail_stop and budget, each written as its flag, e.g. net = \"fair-loss:loss=0.3\"")
    })?;
    let mut plan = FaultPlan {
        fail_stop: file.fail_stop,
        ..FaultPlan::default()
    };
    if let Some(v) = file.net {
        plan.net = parse_net(v.get_ref()).map_err(|e| into_file(*e, v.span()))?;
    }
    if let Some(v) = file.timing {
        plan.timing = parse_timing(v.get_ref()).map_err(|e| into_file(*e, v.span()))?;
    }
    if let Some(v) = file.partition {
        plan.partition = Some(parse_partition(v.get_ref()).map_err(|e| into_file(*e, v.span()))?);
    }
    for c in file.crash {
        plan.crashes
            .push(parse_crash(c.get_ref()).map_err(|e| into_file(*e, c.span()))?);
    }
    for o in file.omit {
        plan.omissions
            .push(parse_omission(o.get_ref()).map_err(|e| into_file(*e, o.span()))?);
    }
    for b in file.byzantine {
        plan.byzantine
            .push(parse_byzantine(b.get_ref()).map_err(|e| into_file(*e, b.span()))?);
    }
    plan.byzantine_fun = file.byzantine_fun;
    if let Some(t) = file.heal_at {
        let span = t.span();
        let t = *t.get_ref();
        if t > MAX_TIME_MS {
            return Err(Box::new(
                Diagnostic::error(format!("{t} is too large"))
                    .at(Span::new(span.start, span.end), "here")
                    .help(Range::Time.words()),
            ));
        }
        plan.heal_at = Some(t);
    }
    for r in file.recover {
        plan.recoveries
            .push(parse_crash(r.get_ref()).map_err(|e| into_file(*e, r.span()))?);
    }
    if let Some(v) = file.budget {
        plan.set_budget(parse_budget(v.get_ref()).map_err(|e| into_file(*e, v.span()))?);
    }
    Ok(plan)
}

/// `--partition 'a,b|c'`, optionally ending in `:hold` (messages wait
/// until healed) or `:drop` (the default: they are lost).
pub fn parse_partition(text: &str) -> Result<Partition, FlagError> {
    let flag = "--partition";
    let (groups_text, mode) = match text.rsplit_once(':') {
        Some((g, "hold")) => (g, CutMode::Hold),
        Some((g, "drop")) => (g, CutMode::Drop),
        Some((_, m)) => {
            let at = text.len() - m.len();
            return Err(bad(
                flag,
                text,
                at,
                text.len(),
                &format!("unknown partition mode `{m}`"),
                "end with :drop (lost) or :hold (kept until healed)",
            ));
        }
        None => (text, CutMode::Drop),
    };
    let mut groups = vec![];
    let mut seen: Vec<String> = vec![];
    let mut at = 0;
    for g in groups_text.split('|') {
        let mut members = vec![];
        for name in g.split(',') {
            let n = name.trim();
            if n.is_empty() {
                return Err(bad(
                    flag,
                    text,
                    at,
                    at + 1,
                    "an empty process name",
                    "name processes by registered name or alias, e.g. 'a,b|c'",
                ));
            }
            if seen.iter().any(|s| s == n) {
                return Err(bad(
                    flag,
                    text,
                    at,
                    at + name.len(),
                    &format!("`{n}` is in two groups"),
                    "each process belongs to one side of a partition",
                ));
            }
            seen.push(n.to_string());
            members.push(n.to_string());
            at += name.len() + 1;
        }
        groups.push(members);
    }
    if groups.len() < 2 {
        return Err(bad(
            flag,
            text,
            0,
            text.len(),
            "a partition needs at least two groups",
            "separate the groups with `|`, e.g. 'a,b|c'",
        ));
    }
    Ok(Partition { groups, mode })
}

/// `--crash NAME@send=K | NAME@receive=K | NAME@time=T`.
pub fn parse_crash(text: &str) -> Result<Crash, FlagError> {
    let flag = "--crash";
    let (who, rule) = split_named(
        flag,
        text,
        '@',
        "expected NAME@event=N",
        "e.g. --crash p2@send=3 or --crash server@time=500",
        "name it by registered name or alias, e.g. p2@send=3",
    )?;
    let at = who.len() + 1;
    let (k, v) = rule.split_once('=').ok_or_else(|| {
        bad(
            flag,
            text,
            at,
            text.len(),
            "expected event=N",
            "the events are send, receive, time, step and prob",
        )
    })?;
    let vat = at + k.len() + 1;
    if k == "prob" {
        let p = probability(flag, text, vat, v)?;
        return Ok(Crash {
            who: who.to_string(),
            when: Trigger::Prob(p),
        });
    }
    let range = if k == "time" {
        Range::Time
    } else {
        Range::Count
    };
    let n = whole(
        flag,
        text,
        vat,
        v,
        range,
        "count",
        "write a whole number, e.g. send=3",
    )?;
    let when = match k {
        "send" => Trigger::Send(n),
        "receive" => Trigger::Receive(n),
        "time" => Trigger::Time(n),
        "step" => Trigger::Step(n),
        _ => return Err(bad(
            flag,
            text,
            at,
            at + k.len(),
            &format!("unknown crash event `{k}`"),
            "crash after the k-th send or receive, or at a virtual time: send=K, receive=K, time=T",
        )),
    };
    Ok(Crash {
        who: who.to_string(),
        when,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_flag_forms_of_the_issue() {
        assert_eq!(
            parse_net("fair-loss:loss=0.3,dup=0.1").ok(),
            Some(LinkModel::FairLoss {
                loss: 0.3,
                dup: 0.1
            })
        );
        assert_eq!(
            parse_crash("server@send=3").ok(),
            Some(Crash {
                who: "server".into(),
                when: Trigger::Send(3)
            })
        );
        let p = parse_partition("a,b|c").ok();
        assert_eq!(
            p.map(|p| p.groups),
            Some(vec![
                vec!["a".to_string(), "b".to_string()],
                vec!["c".to_string()]
            ])
        );
    }

    #[test]
    fn a_plan_file_reads_like_the_flags_and_points_into_the_file() {
        let plan = load_plan("net = \"fair-loss:loss=0.3,dup=0.1\"\ncrash = [\"p2@send=3\"]\nbudget = \"losses=5\"\n");
        let plan = plan.map_err(|d| d.message).expect("a valid plan");
        assert_eq!(
            plan.net,
            LinkModel::FairLoss {
                loss: 0.3,
                dup: 0.1
            }
        );
        assert_eq!(plan.crashes.len(), 1);
        assert_eq!(plan.max_losses, Some(5));
        let text = "timing = \"sync\"\npartition = \"a,b|b\"\n";
        let d = load_plan(text)
            .err()
            .map(|b| *b)
            .unwrap_or_else(|| Diagnostic::error(""));
        assert!(d.message.contains("`b` is in two groups"), "{}", d.message);
        let span = d.span.unwrap_or_default();
        assert_eq!(
            text.get(span.lo..span.hi),
            Some("b"),
            "the span points at the second b in the file"
        );
        assert!(load_plan("nett = 1").is_err());
    }

    #[test]
    fn rejects_bad_plans_with_a_pointer() {
        let (d, src) = parse_net("fair-loss:loss=1.7")
            .err()
            .map(|e| *e)
            .unwrap_or_else(|| (Diagnostic::error(""), String::new()));
        assert!(
            d.message.contains("1.7 is not a probability"),
            "{}",
            d.message
        );
        let span = d.span.unwrap_or_default();
        assert_eq!(src.get(span.lo..span.hi), Some("1.7"));
        let (d, _) = parse_partition("a,b|a")
            .err()
            .map(|e| *e)
            .unwrap_or_else(|| (Diagnostic::error(""), String::new()));
        assert!(d.message.contains("`a` is in two groups"), "{}", d.message);
        assert!(parse_crash("p2@jump=1").is_err());
    }
}
