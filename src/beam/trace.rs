//! What the recorders of real Erlang nodes saw, turned into a pidlab trace
//! (TRACE.md). The nodes write one tab-separated line per trace message
//! (`pidlab_beam.erl`, `line/2`); here those lines become events with
//! Lamport and vector clocks computed from the causality they show:
//!
//! - a process's events are in the order its node recorded them;
//! - a `receive` is matched with the `send` of an equal message to the
//!   same process (the earliest one not yet matched, so each sender's
//!   messages stay in order, as Erlang guarantees);
//! - a new process's first event follows its parent's `spawn`;
//! - an `{'EXIT', ...}` or `{'DOWN', ...}` message follows the `exit` of
//!   the process it tells of.
//!
//! Events are then put in one order that respects all of that, by their
//! timestamps where causality leaves a choice. Erlang's tracing reports a
//! message when it enters the mailbox, so that is where its `receive`
//! stands. A send no receive matches was lost (a partition, a process that
//! had ended): it gets a `drop` just after it; one still on its way when
//! the run stopped gets nothing. Messages to the runtime's
//! own processes (the code server, the I/O server) are not the program's
//! and are left out; an I/O request becomes the `output` it printed.

use crate::term::Pid;
use serde_json::{Map, Value};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet};

/// What the run says about itself besides its events.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    /// The process that ran `main`.
    pub main: Option<Pid>,
    /// How `main` ended (`~w` of the reason), `none` while it still ran.
    pub main_exit: String,
    /// Why the run stopped: `main` (it returned), `quiet`, `time_limit`,
    /// `max_events`, `halted` (the program called halt) or `interrupted`.
    pub stop: String,
    /// Crash rules that named no process.
    pub missing: Vec<String>,
    /// Each node's number in printed pids, and the node it is (1 runs main).
    pub nodes: HashMap<u32, usize>,
    /// Nodes that went away while the program ran (it halted them), with
    /// their recordings.
    pub lost_nodes: Vec<usize>,
}

#[derive(Clone, Debug)]
struct Raw {
    kind: String,
    ts: u64,
    proc: Pid,
    fields: Vec<String>,
}

/// One event being built: its raw line, what it is linked to.
#[derive(Clone, Debug)]
struct Node {
    raw: Raw,
    /// Events that must come before this one besides the process's own
    /// previous event (a send, a spawn, an exit).
    after: Vec<usize>,
    /// For a `send`: the receive that took it, if any.
    received: bool,
    /// For a `send`/`receive`: the receive's send.
    send: Option<usize>,
    /// The destination of a send.
    to: Option<Pid>,
}

/// Reads the lines and builds the trace: one JSON record per event, in
/// the trace's order, and the summary.
pub fn build(text: &str) -> Result<(Vec<Value>, Summary), String> {
    let mut summary = Summary {
        main_exit: "none".into(),
        ..Summary::default()
    };
    let mut start = 0u64;
    let mut raws: Vec<Raw> = vec![];
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let bad = || format!("line {} of the recording does not read: {line}", n + 1);
        let parts: Vec<&str> = line.split('\t').collect();
        match parts.as_slice() {
            ["start", ts] => start = ts.parse().map_err(|_| bad())?,
            ["main", p] => summary.main = Some(Pid::parse(p).ok_or_else(bad)?),
            ["main_exit", r] => summary.main_exit = (*r).to_string(),
            ["stop", r] => summary.stop = (*r).to_string(),
            ["missing", who] => summary.missing.push((*who).to_string()),
            ["lost_node", k] => summary.lost_nodes.push(k.parse().map_err(|_| bad())?),
            ["node", k, p] => {
                let k = k.parse().map_err(|_| bad())?;
                summary
                    .nodes
                    .insert(Pid::parse(p).ok_or_else(bad)?.node(), k);
            }
            ["partition", ts, groups] => raws.push(Raw {
                kind: "partition".into(),
                ts: ts.parse().map_err(|_| bad())?,
                proc: Pid(0),
                fields: vec![(*groups).to_string()],
            }),
            ["heal", ts] => raws.push(Raw {
                kind: "heal".into(),
                ts: ts.parse().map_err(|_| bad())?,
                proc: Pid(0),
                fields: vec![],
            }),
            [kind, ts, p, rest @ ..] => raws.push(Raw {
                kind: (*kind).to_string(),
                ts: ts.parse().map_err(|_| bad())?,
                proc: Pid::parse(p).ok_or_else(bad)?,
                fields: rest.iter().map(|s| (*s).to_string()).collect(),
            }),
            _ => return Err(bad()),
        }
    }
    // A node's timestamps increase strictly, so in timestamp order each
    // process's events keep the order its node recorded them in, and the
    // crashes the first node caused fall in place.
    raws.sort_by_key(|r| r.ts);
    // Partitions and heals are recorded on the first process.
    let first = summary.main.unwrap_or(Pid(0));
    for r in raws.iter_mut().filter(|r| r.proc == Pid(0)) {
        r.proc = first;
    }
    let cuts = Cuts::new(&raws, summary.nodes.clone());
    let nodes = link(raws, &cuts);
    let order = order(&nodes);
    let lost = lost(&nodes, &cuts);
    Ok((records(&nodes, &order, start, &lost), summary))
}

fn field(r: &Raw, i: usize) -> &str {
    r.fields.get(i).map_or("", String::as_str)
}

/// Keeps the program's events and links each to what it follows.
fn link(raws: Vec<Raw>, cuts: &Cuts) -> Vec<Node> {
    // The program's processes: those the recorders traced (a new one
    // says `started` first). Spawns of others (the runtime's helpers for a
    // remote call) are not the program's.
    let program: HashSet<Pid> = raws
        .iter()
        .filter(|r| !matches!(r.kind.as_str(), "partition" | "heal"))
        .map(|r| r.proc)
        .collect();
    let crashed: HashSet<Pid> = raws
        .iter()
        .filter(|r| r.kind == "crash")
        .map(|r| r.proc)
        .collect();
    // Registered names over time, for sends to a name.
    let mut names: Vec<(u64, String, Pid)> = raws
        .iter()
        .filter(|r| r.kind == "register")
        .map(|r| (r.ts, field(r, 0).to_string(), r.proc))
        .collect();
    names.sort();
    let resolve = |dest: &str, ts: u64| -> Option<Pid> {
        if let Some(name) = dest.strip_prefix("name:") {
            let mut found = None;
            for (t, n, p) in &names {
                if n == name && (found.is_none() || *t <= ts) {
                    found = Some(*p);
                }
            }
            found
        } else {
            Pid::parse(dest)
        }
    };
    let mut nodes: Vec<Node> = vec![];
    let mut spawned: HashSet<Pid> = HashSet::new();
    for mut r in raws {
        let mut to = None;
        match r.kind.as_str() {
            "send" | "send_lost" => match resolve(field(&r, 0), r.ts) {
                Some(p) if program.contains(&p) => to = Some(p),
                _ => continue,
            },
            "spawn" => {
                let Some(c) = Pid::parse(field(&r, 0)) else {
                    continue;
                };
                if !program.contains(&c) || !spawned.insert(c) {
                    continue;
                }
            }
            "started" => continue,
            "link" | "unlink"
                if !Pid::parse(field(&r, 0)).is_some_and(|p| program.contains(&p)) =>
            {
                continue
            }
            "exit" if crashed.contains(&r.proc) && field(&r, 0) == "killed" => continue,
            "register" => {
                let name = field(&r, 0);
                let name = name
                    .strip_prefix('\'')
                    .and_then(|n| n.strip_suffix('\''))
                    .unwrap_or(name)
                    .to_string();
                r.fields = vec![name];
            }
            _ => {}
        }
        nodes.push(Node {
            raw: r,
            after: vec![],
            received: false,
            send: None,
            to,
        });
    }
    // Sends by (destination, message), in the order they were sent.
    let mut by_ts: Vec<usize> = (0..nodes.len()).collect();
    by_ts.sort_by_key(|&i| nodes.get(i).map_or(0, |n| n.raw.ts));
    let mut sends: HashMap<(Pid, String), Vec<usize>> = HashMap::new();
    for &i in &by_ts {
        if let Some(n) = nodes.get(i).filter(|n| n.raw.kind == "send") {
            if let Some(to) = n.to {
                sends
                    .entry((to, field(&n.raw, 1).to_string()))
                    .or_default()
                    .push(i);
            }
        }
    }
    // How each process ended: its event, reason and time.
    let ends: HashMap<Pid, (usize, String, u64)> = nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| matches!(n.raw.kind.as_str(), "exit" | "crash"))
        .map(|(i, n)| (n.raw.proc, (i, field(&n.raw, 0).to_string(), n.raw.ts)))
        .collect();
    let mut keep = vec![true; nodes.len()];
    for &i in &by_ts {
        let Some(n) = nodes.get(i).filter(|n| n.raw.kind == "receive") else {
            continue;
        };
        let (proc, ts) = (n.raw.proc, n.raw.ts);
        let msg = field(&n.raw, 0).to_string();
        // The earliest send of an equal message to this process that was
        // sent before it arrived and not across a partition. (Equal
        // messages of two senders cannot be told apart; each sender's own
        // stay in order.)
        let send = sends.get_mut(&(proc, msg.clone())).and_then(|list| {
            let k = list.iter().position(|&s| {
                nodes.get(s).is_some_and(|sn| {
                    sn.raw.ts <= ts.saturating_add(SKEW_US)
                        && !cuts.apart(sn.raw.ts, sn.raw.proc, proc)
                })
            })?;
            Some(list.remove(k))
        });
        if let Some(s) = send {
            if let Some(sn) = nodes.get_mut(s) {
                sn.received = true;
            }
            if let Some(n) = nodes.get_mut(i) {
                n.send = Some(s);
                n.after.push(s);
            }
        } else if msg == "timeout" {
            if let Some(n) = nodes.get_mut(i) {
                n.raw.kind = "timeout".into();
                n.raw.fields.clear();
            }
        } else if let Some((from, reason)) = signal_from(&msg) {
            // An exit signal as a message follows the end it tells of,
            // when that end came first and matches.
            if let Some((e, why, at)) = ends.get(&from) {
                let crashed = nodes.get(*e).is_some_and(|x| x.raw.kind == "crash");
                if *at <= ts.saturating_add(SKEW_US) && (crashed || *why == reason) {
                    if let Some(n) = nodes.get_mut(i) {
                        n.after.push(*e);
                    }
                }
            }
        } else if RUNTIME_REPLIES.iter().any(|r| msg.starts_with(r)) {
            // A reply of the runtime to the program (code loading, I/O).
            if let Some(slot) = keep.get_mut(i) {
                *slot = false;
            }
        }
        // Anything else (a timer's message, a node's `nodedown`) stays a
        // receive with no send.
    }
    // A new process's first event (of those kept) follows its spawn.
    let first_of: HashMap<Pid, usize> = nodes
        .iter()
        .enumerate()
        .rev()
        .filter(|(i, _)| keep.get(*i).copied().unwrap_or(false))
        .map(|(i, n)| (n.raw.proc, i))
        .collect();
    for i in 0..nodes.len() {
        let Some(n) = nodes.get(i).filter(|n| n.raw.kind == "spawn") else {
            continue;
        };
        if let Some(&f) = Pid::parse(field(&n.raw, 0)).and_then(|c| first_of.get(&c)) {
            if let Some(child) = nodes.get_mut(f) {
                child.after.push(i);
            }
        }
    }
    // Drop what was left out and renumber the links.
    let mut new_index = vec![None; nodes.len()];
    let mut kept = vec![];
    for (i, n) in nodes.into_iter().enumerate() {
        if keep.get(i).copied().unwrap_or(false) {
            if let Some(slot) = new_index.get_mut(i) {
                *slot = Some(kept.len());
            }
            kept.push(n);
        }
    }
    let map = |i: usize| new_index.get(i).copied().flatten();
    for n in &mut kept {
        n.after = n.after.iter().filter_map(|&i| map(i)).collect();
        n.send = n.send.and_then(map);
    }
    kept
}

/// How far apart two nodes' timestamps can be and still be read as one
/// clock (the nodes share the machine's).
const SKEW_US: u64 = 2000;

/// Messages the runtime sends the program's processes for pidlab or the
/// library: not the program's.
const RUNTIME_REPLIES: [&str; 4] = [
    "{io_reply,",
    "{code_server,",
    "{spawn_reply,",
    "{'$pidlab',",
];

/// The partitions in force over time, and which node each pid is on.
struct Cuts {
    node_of: HashMap<u32, usize>,
    /// From when, which groups (`None`: healed).
    changes: Vec<(u64, Option<Vec<Vec<usize>>>)>,
}

impl Cuts {
    fn new(raws: &[Raw], node_of: HashMap<u32, usize>) -> Cuts {
        let mut changes = vec![];
        for r in raws {
            match r.kind.as_str() {
                "partition" => {
                    let groups = field(r, 0)
                        .split('|')
                        .map(|g| {
                            g.split(',')
                                .filter_map(|x| x.trim_start_matches('n').parse().ok())
                                .collect()
                        })
                        .collect();
                    changes.push((r.ts, Some(groups)));
                }
                "heal" => changes.push((r.ts, None)),
                _ => {}
            }
        }
        Cuts { node_of, changes }
    }

    /// Whether a partition separated the nodes of `a` and `b` at `ts`. A
    /// node no group names is a side of its own, as on the nodes.
    fn apart(&self, ts: u64, a: Pid, b: Pid) -> bool {
        let Some((_, Some(groups))) = self.changes.iter().rev().find(|(t, _)| *t <= ts) else {
            return false;
        };
        let side = |p: Pid| {
            let k = self.node_of.get(&p.node()).copied().unwrap_or(0);
            groups
                .iter()
                .position(|g| g.contains(&k))
                .unwrap_or(groups.len() + k)
        };
        side(a) != side(b)
    }
}

/// The sends nobody received that were lost rather than still on their
/// way when the run stopped: to a process that ended (or never was), or
/// across a partition.
fn lost(nodes: &[Node], cuts: &Cuts) -> HashSet<usize> {
    let ended: HashSet<Pid> = nodes
        .iter()
        .filter(|n| matches!(n.raw.kind.as_str(), "exit" | "crash"))
        .map(|n| n.raw.proc)
        .collect();
    nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| matches!(n.raw.kind.as_str(), "send" | "send_lost") && !n.received)
        .filter(|(_, n)| {
            n.raw.kind == "send_lost"
                || n.to
                    .is_some_and(|to| ended.contains(&to) || cuts.apart(n.raw.ts, n.raw.proc, to))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The process an `{'EXIT', Pid, Reason}` or `{'DOWN', Ref, process, Pid,
/// Reason}` message tells of, and the reason.
fn signal_from(msg: &str) -> Option<(Pid, String)> {
    let rest = if let Some(r) = msg.strip_prefix("{'EXIT',") {
        r
    } else {
        let r = msg.strip_prefix("{'DOWN',")?;
        r.get(r.find(",process,")? + ",process,".len()..)?
    };
    let end = rest.find('>')?;
    let pid = Pid::parse(rest.get(..=end)?)?;
    let reason = rest.get(end + 1..)?.strip_prefix(',')?.strip_suffix('}')?;
    Some((pid, reason.to_string()))
}

/// One order of the events that keeps every process's order and puts
/// each event after what it follows, earliest timestamp first where
/// there is a choice.
fn order(nodes: &[Node]) -> Vec<usize> {
    let mut prev: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut last: HashMap<Pid, usize> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if !matches!(n.raw.kind.as_str(), "partition" | "heal") {
            if let (Some(slot), Some(&p)) = (prev.get_mut(i), last.get(&n.raw.proc)) {
                *slot = Some(p);
            }
            last.insert(n.raw.proc, i);
        }
    }
    let mut waiting: Vec<usize> = vec![0; nodes.len()];
    let mut next: Vec<Vec<usize>> = vec![vec![]; nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        for &a in n.after.iter().chain(prev.get(i).copied().flatten().iter()) {
            if let (Some(w), Some(nx)) = (waiting.get_mut(i), next.get_mut(a)) {
                *w += 1;
                nx.push(i);
            }
        }
    }
    let key = |i: usize| Reverse((nodes.get(i).map_or(0, |n| n.raw.ts), i));
    let mut ready: BinaryHeap<Reverse<(u64, usize)>> = waiting
        .iter()
        .enumerate()
        .filter(|(_, &w)| w == 0)
        .map(|(i, _)| key(i))
        .collect();
    let mut done = vec![false; nodes.len()];
    let mut out = Vec::with_capacity(nodes.len());
    while out.len() < nodes.len() {
        let i = match ready.pop() {
            Some(Reverse((_, i))) => i,
            // The timestamps and the links disagree (a cycle): go on with
            // the earliest event whose process is ready.
            None => match (0..nodes.len())
                .filter(|&i| !done.get(i).copied().unwrap_or(true))
                .filter(|&i| {
                    prev.get(i)
                        .copied()
                        .flatten()
                        .is_none_or(|p| done.get(p).copied().unwrap_or(false))
                })
                .min_by_key(|&i| (nodes.get(i).map_or(0, |n| n.raw.ts), i))
            {
                Some(i) => i,
                None => break,
            },
        };
        if done.get(i).copied().unwrap_or(true) {
            continue;
        }
        if let Some(d) = done.get_mut(i) {
            *d = true;
        }
        out.push(i);
        for &j in next.get(i).map_or(&[][..], Vec::as_slice) {
            if let Some(w) = waiting.get_mut(j) {
                *w = w.saturating_sub(1);
                if *w == 0 && !done.get(j).copied().unwrap_or(true) {
                    ready.push(key(j));
                }
            }
        }
    }
    out
}

/// The JSON records, with ids, message ids and clocks.
fn records(nodes: &[Node], order: &[usize], start: u64, lost: &HashSet<usize>) -> Vec<Value> {
    let mut ids: HashMap<usize, u64> = HashMap::new();
    let mut msgs: HashMap<usize, u64> = HashMap::new();
    let mut clocks: HashMap<usize, (u64, BTreeMap<Pid, u64>)> = HashMap::new();
    let mut own: HashMap<Pid, (u64, BTreeMap<Pid, u64>, u64)> = HashMap::new();
    let mut out = vec![];
    let mut next_id = 0u64;
    let mut next_msg = 0u64;
    for &i in order {
        let Some(n) = nodes.get(i) else { continue };
        let r = &n.raw;
        next_id += 1;
        ids.insert(i, next_id);
        let mut m = Map::new();
        m.insert("id".into(), format!("e{next_id}").into());
        m.insert("kind".into(), r.kind.clone().into());
        m.insert("proc".into(), r.proc.to_string().into());
        m.insert("time".into(), (r.ts.saturating_sub(start) / 1000).into());
        let network = matches!(r.kind.as_str(), "partition" | "heal");
        let mut preds: Vec<u64> = vec![];
        if !network {
            let (mut lamport, mut vc, last) = own.remove(&r.proc).unwrap_or_default();
            if last > 0 {
                preds.push(last);
            }
            for a in &n.after {
                if let Some(&id) = ids.get(a) {
                    preds.push(id);
                }
                if let Some((l, v)) = clocks.get(a) {
                    lamport = lamport.max(*l);
                    for (p, c) in v {
                        let e = vc.entry(*p).or_insert(0);
                        *e = (*e).max(*c);
                    }
                }
            }
            lamport += 1;
            *vc.entry(r.proc).or_insert(0) += 1;
            m.insert("lamport".into(), lamport.into());
            let v: Map<String, Value> = vc
                .iter()
                .map(|(p, c)| (p.to_string(), (*c).into()))
                .collect();
            m.insert("vc".into(), v.into());
            clocks.insert(i, (lamport, vc.clone()));
            own.insert(r.proc, (lamport, vc, next_id));
        }
        preds.sort_unstable();
        preds.dedup();
        if !preds.is_empty() {
            let p: Vec<Value> = preds.iter().map(|e| format!("e{e}").into()).collect();
            m.insert("preds".into(), p.into());
        }
        let f0 = field(r, 0).to_string();
        match r.kind.as_str() {
            "send" | "send_lost" => {
                m.insert("kind".into(), "send".into());
                next_msg += 1;
                msgs.insert(i, next_msg);
                m.insert("msg".into(), format!("m{next_msg}").into());
                if let Some(to) = n.to {
                    m.insert("to".into(), to.to_string().into());
                }
                m.insert("term".into(), field(r, 1).into());
            }
            "receive" => {
                if let Some(id) = n.send.and_then(|s| msgs.get(&s)) {
                    m.insert("msg".into(), format!("m{id}").into());
                }
                m.insert("term".into(), f0.into());
            }
            "spawn" => {
                m.insert("child".into(), f0.into());
            }
            "emit" => {
                m.insert("term".into(), f0.into());
            }
            "output" => {
                m.insert("text".into(), unhex(&f0).into());
            }
            "exit" => {
                m.insert("reason".into(), f0.into());
            }
            "link" | "unlink" => {
                m.insert("other".into(), f0.into());
            }
            "register" => {
                m.insert("name".into(), f0.into());
                m.insert("other".into(), r.proc.to_string().into());
            }
            "partition" => {
                m.insert("groups".into(), f0.into());
            }
            _ => {}
        }
        out.push(Value::Object(m));
        // A message nobody received was lost.
        if lost.contains(&i) {
            next_id += 1;
            let mut d = Map::new();
            d.insert("id".into(), format!("e{next_id}").into());
            d.insert("kind".into(), "drop".into());
            d.insert("proc".into(), r.proc.to_string().into());
            d.insert("time".into(), (r.ts.saturating_sub(start) / 1000).into());
            d.insert(
                "preds".into(),
                vec![Value::from(format!("e{}", next_id - 1))].into(),
            );
            d.insert("msg".into(), format!("m{next_msg}").into());
            out.push(Value::Object(d));
        }
    }
    out
}

/// Text the I/O server saw, written as hex digits of its UTF-8 bytes.
fn unhex(s: &str) -> String {
    let bytes: Vec<u8> = s
        .as_bytes()
        .chunks(2)
        .filter_map(|c| u8::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}
