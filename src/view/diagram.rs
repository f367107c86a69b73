//! A space-time diagram in text: one column per process, time running
//! down, one row per event. Sends and receives carry their message ids, so
//! each message can be followed from its `!` to its `?`.

use crate::term::Pid;
use crate::world::event::{pid_text, Event, Kind};
use std::collections::BTreeSet;

const WIDTH: usize = 14;

fn mark(e: &Event) -> String {
    let text = match &e.kind {
        Kind::Spawn { child } => format!("spawn {}", crate::world::event::alias(*child)),
        Kind::Send { msg, .. } => format!("!m{msg}"),
        Kind::Deliver { msg, .. } => format!("~m{msg}"),
        Kind::Receive { msg, .. } => format!("?m{msg}"),
        Kind::Output { .. } => "output".into(),
        Kind::Emit { .. } => "emit".into(),
        Kind::Timeout => "timeout".into(),
        Kind::Exit { .. } => "exit".into(),
        Kind::Signal { .. } => "signal".into(),
        Kind::Link { .. } => "link".into(),
        Kind::Unlink { .. } => "unlink".into(),
        Kind::Monitor { .. } => "monitor".into(),
        Kind::Register { name } => format!("reg {name}"),
        Kind::Drop { msg } => format!("x m{msg}"),
        Kind::Duplicate { msg, copy } => format!("m{msg}=>m{copy}"),
        Kind::Crash => "CRASH".into(),
        Kind::Corrupt { msg, .. } => format!("corrupt m{msg}"),
        Kind::Forge { msg, .. } => format!("forge m{msg}"),
        Kind::Recover => "RECOVER".into(),
        Kind::Partition { .. } => "partition".into(),
        Kind::Heal => "heal".into(),
        Kind::Round { n } => format!("round {n}"),
    };
    let mut t: String = text.chars().take(WIDTH - 2).collect();
    if let Some((l, _)) = &e.clock {
        let with_clock = format!("{t} {l}");
        if with_clock.chars().count() < WIDTH {
            t = with_clock;
        }
    }
    t
}

/// The diagram of `trace`: network events (deliveries) are shown only
/// when `network` is true.
pub fn render(trace: &[Event], network: bool) -> String {
    let procs: Vec<Pid> = trace
        .iter()
        .map(|e| e.proc)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if procs.is_empty() {
        return "no events yet\n".into();
    }
    let mut out = String::from("      ");
    for p in &procs {
        out.push_str(&format!(
            "{:<WIDTH$}",
            format!("{} {}", crate::world::event::alias(*p), pid_text(*p))
        ));
    }
    out.push('\n');
    for e in trace {
        if e.clock.is_none()
            && !network
            && !matches!(e.kind, Kind::Drop { .. } | Kind::Duplicate { .. })
        {
            continue;
        }
        let mut row = format!("e{:<5}", e.id);
        for p in &procs {
            let cell = if *p == e.proc {
                mark(e)
            } else {
                "|".to_string()
            };
            row.push_str(&format!("{cell:<WIDTH$}"));
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out.push_str("(!m send, ?m receive, ~m delivery into the mailbox, x dropped; numbers are Lamport times)\n");
    out
}
