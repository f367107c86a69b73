//! The space-time diagram as a standalone SVG image, for slides and for
//! the web page (`super::html`).
//!
//! One lane per process (name and pid on top), time running down, one row
//! per event (network events in a thinner row, a partition or round as a
//! line across), the Lamport time inside each process event, messages as
//! arrows from their send to their receive. It uses presentation
//! attributes only, so any SVG viewer shows it as a browser does; the page
//! restyles it by class.
//!
//! Invariants: the output depends on the trace alone (same trace, same
//! bytes: coordinates go through `num`, hash maps are only looked up,
//! never iterated). Every event is a `<g id="eN" class="ev KIND LOOK">` (LOOK is
//! `proc`, `net` or `global`) with `data-step` (its position in the trace,
//! from 1) and `data-proc` (the pid number); every message is a
//! `<g id="mN" class="msg FATE">` (FATE is `received`, `dropped`,
//! `delivered` or `inflight`, and `copy` is added for a network copy) whose
//! `data-step` is the position of the event that ends it. Events are drawn
//! after messages, so they are on top and take the clicks. All text goes
//! through `esc`. Reads the trace only; no IO.

use crate::term::Pid;
use crate::view::trace::{Ev, Msg, Trace};
use crate::world::event::pid_text;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Write as _;

use super::shape::{arrowhead, colour, cross, diamond, esc, num, text_attrs, Place, HALO_TEXT};

/// The column left of the lanes, with virtual times.
const GUTTER: f64 = 64.0;
const LANE_W: f64 = 200.0;
const RIGHT: f64 = 24.0;
/// Where the lanes start, below their headers.
const HEAD: f64 = 60.0;
const ROW_PROC: f64 = 36.0;
const ROW_NET: f64 = 20.0;
const ROW_GLOBAL: f64 = 26.0;
/// Radius of a process event, and of its clickable halo.
const R: f64 = 11.0;
const HALO: f64 = 16.0;
const HALO_NET: f64 = 8.0;
/// Longest event label, in characters, so it stays inside its lane.
const LABEL_MAX: usize = 24;

const SANS: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";
const MONO: &str = "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace";

/// `s` cut to `max` characters, with an ellipsis when cut.
fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn pid_of(s: &str) -> Option<Pid> {
    Pid::parse(s)
}

/// A string field of the event's record.
fn field<'a>(e: &'a Ev, k: &str) -> Option<&'a str> {
    e.raw.get(k).and_then(Value::as_str)
}

/// How an event is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Look {
    /// It has clocks: a dot in its lane, in a full row.
    Process,
    /// The network's doing (delivery, drop, copy...): small, thin row.
    Network,
    /// About the whole system (partition, heal, round): a line across.
    Global,
}

fn look(e: &Ev) -> Look {
    if e.is_process_event() {
        Look::Process
    } else if matches!(e.kind.as_str(), "partition" | "heal" | "round") {
        Look::Global
    } else {
        Look::Network
    }
}

impl Look {
    fn class(self) -> &'static str {
        match self {
            Look::Process => "proc",
            Look::Network => "net",
            Look::Global => "global",
        }
    }

    fn height(self) -> f64 {
        match self {
            Look::Process => ROW_PROC,
            Look::Network => ROW_NET,
            Look::Global => ROW_GLOBAL,
        }
    }
}

/// The kind as a CSS class: letters and underscores only.
fn kind_class(kind: &str) -> String {
    let k: String = kind
        .chars()
        .filter(|c| c.is_ascii_lowercase() || *c == '_')
        .collect();
    if k.is_empty() {
        "other".into()
    } else {
        k
    }
}

/// Where everything goes.
pub(super) struct Layout<'a> {
    t: &'a Trace,
    lanes: HashMap<Pid, f64>,
    /// Event id -> the y of its row's middle.
    ys: HashMap<u64, f64>,
    /// Event id -> its position in the trace, from 1.
    steps: HashMap<u64, usize>,
    /// Where the lanes end.
    bottom: f64,
    width: f64,
}

impl<'a> Layout<'a> {
    pub(super) fn new(t: &'a Trace) -> Layout<'a> {
        let lanes = t
            .procs
            .iter()
            .enumerate()
            .map(|(i, p)| (*p, GUTTER + LANE_W * (i as f64 + 0.5)))
            .collect();
        let mut ys = HashMap::new();
        let mut steps = HashMap::new();
        let mut y = HEAD + 8.0;
        for (i, e) in t.events.iter().enumerate() {
            let h = look(e).height();
            ys.insert(e.id, y + h / 2.0);
            steps.insert(e.id, i + 1);
            y += h;
        }
        let width = (GUTTER + LANE_W * t.procs.len() as f64 + RIGHT).max(400.0);
        Layout {
            t,
            lanes,
            ys,
            steps,
            bottom: y + 12.0,
            width,
        }
    }

    fn lane(&self, p: Pid) -> Option<f64> {
        self.lanes.get(&p).copied()
    }

    fn y(&self, id: u64) -> f64 {
        self.ys.get(&id).copied().unwrap_or(HEAD)
    }

    pub(super) fn step(&self, id: u64) -> usize {
        self.steps.get(&id).copied().unwrap_or(0)
    }

    /// The centre of an event. A drop sits halfway to where its message
    /// was going, so the message's line ends in the cross.
    fn at(&self, e: &Ev) -> (f64, f64) {
        let x = self.lane(e.proc).unwrap_or(GUTTER);
        let y = self.y(e.id);
        if e.kind != "drop" {
            return (x, y);
        }
        let target = e
            .msg
            .and_then(|m| self.t.msgs.get(&m))
            .and_then(|m| m.to)
            .and_then(|p| self.lane(p));
        match target {
            Some(tx) if (tx - x).abs() > 1.0 => ((x + tx) / 2.0, y),
            _ => (x + 48.0, y),
        }
    }

    /// The step at which a message's arrow appears: the event that ends it.
    pub(super) fn msg_end(&self, m: &Msg) -> u64 {
        m.receive.or(m.drop).or(m.deliver).unwrap_or(m.send)
    }

    fn height(&self) -> f64 {
        self.bottom + 12.0 + 22.0 * legend_rows(self.width) as f64
    }
}

/// How a message ended, as a class and in words.
pub(super) fn fate(m: &Msg) -> (&'static str, &'static str) {
    if m.receive.is_some() {
        ("received", "received")
    } else if m.drop.is_some() {
        ("dropped", "dropped by the network")
    } else if m.deliver.is_some() {
        ("delivered", "delivered, never received")
    } else {
        ("inflight", "still in flight at the end")
    }
}

fn write_lanes(out: &mut String, l: &Layout) {
    let t = l.t;
    for p in &t.procs {
        let Some(x) = l.lane(*p) else { continue };
        let start = t
            .events
            .iter()
            .find(|e| e.child == Some(*p))
            .map(|e| l.y(e.id))
            .unwrap_or(HEAD);
        let last = t.events.iter().rev().find(|e| e.proc == *p);
        let end = match last {
            Some(e) if matches!(e.kind.as_str(), "exit" | "exit_signal" | "crash") => l.y(e.id),
            _ => l.bottom,
        };
        let _ = write!(
            out,
            r#"<g class="lane" id="lane-{n}" data-proc="{n}"><text class="lane-name" x="{x}" y="24" text-anchor="middle" font-weight="600" {a}>{name}</text><text class="lane-pid muted" x="{x}" y="42" text-anchor="middle" font-family="{MONO}" {b}>{pid}</text>"#,
            n = p.0,
            x = num(x),
            a = text_attrs(14.0, colour::FG),
            b = text_attrs(11.0, colour::MUTED),
            name = esc(&t.proc_name(*p)),
            pid = esc(&pid_text(*p)),
        );
        if start > HEAD {
            let _ = write!(
                out,
                r#"<line class="lane-line pre" x1="{x}" y1="{HEAD}" x2="{x}" y2="{s}" stroke="{c}" stroke-width="1.5" stroke-dasharray="2 5"/>"#,
                x = num(x),
                s = num(start),
                c = colour::LANE
            );
        }
        let _ = write!(
            out,
            r#"<line class="lane-line" x1="{x}" y1="{s}" x2="{x}" y2="{e}" stroke="{c}" stroke-width="2.5"/></g>"#,
            x = num(x),
            s = num(start),
            e = num(end),
            c = colour::LANE
        );
    }
}

fn write_times(out: &mut String, l: &Layout) {
    let _ = write!(
        out,
        r#"<g class="times"><text class="muted" x="{x}" y="42" text-anchor="end" {a}>time</text>"#,
        x = num(GUTTER - 10.0),
        a = text_attrs(11.0, colour::MUTED)
    );
    let mut last = None;
    for e in &l.t.events {
        if last != Some(e.time) {
            let _ = write!(
                out,
                r#"<text class="muted" x="{x}" y="{y}" text-anchor="end" {a}>{t} ms</text>"#,
                x = num(GUTTER - 10.0),
                y = num(l.y(e.id) + 4.0),
                a = text_attrs(10.0, colour::MUTED),
                t = e.time
            );
            last = Some(e.time);
        }
    }
    out.push_str("</g>");
}

/// The words on a message's arrow: its id and term, or what it copies.
pub(super) fn msg_label(t: &Trace, m: &Msg) -> String {
    match m.copy_of {
        Some(_) => format!("m{} copy", m.id),
        None => {
            let term = t.get(m.send).and_then(|e| field(e, "term")).unwrap_or("");
            format!("m{} {}", m.id, short(term, 16))
                .trim_end()
                .to_string()
        }
    }
}

fn write_message(out: &mut String, l: &Layout, m: &Msg) {
    let t = l.t;
    let Some(send) = t.get(m.send) else { return };
    let (x1, y1) = l.at(send);
    let (class, words) = fate(m);
    let stroke = if m.copy_of.is_some() {
        colour::COPY
    } else {
        colour::MSG
    };
    let end_id = l.msg_end(m);
    let to = m.to.map(|p| p.0.to_string()).unwrap_or_default();
    let _ = write!(
        out,
        r#"<g class="msg {class}{copy}" id="m{id}" data-step="{step}" data-from="{from}" data-to="{to}"><title>{title}</title>"#,
        copy = if m.copy_of.is_some() { " copy" } else { "" },
        id = m.id,
        step = l.step(end_id),
        from = m.from.0,
        title = esc(&format!(
            "{}: from {} to {}, {words}",
            msg_label(t, m),
            t.proc_name(m.from),
            m.to.map(|p| t.proc_name(p)).unwrap_or_else(|| "?".into())
        )),
    );
    let end = if end_id == m.send {
        None
    } else {
        t.get(end_id).map(|e| l.at(e))
    };
    let dash = match (m.copy_of.is_some(), class) {
        (_, "inflight") => r#" stroke-dasharray="2 4""#,
        (true, _) => r#" stroke-dasharray="7 4""#,
        _ => "",
    };
    let (d, head, label_at) = match end {
        // A message to itself: a loop out to the right of its lane.
        Some((x2, y2)) if (x2 - x1).abs() < 1.0 => {
            let cx = x1 + 64.0;
            let d = format!(
                "M{} {} C{} {} {} {} {} {}",
                num(x1 + R),
                num(y1),
                num(cx),
                num(y1),
                num(cx),
                num(y2),
                num(x2 + R + 1.0),
                num(y2)
            );
            let head = arrowhead(x2 + R + 1.0, y2, -1.0, 0.0, stroke);
            let at = Place::flat(cx - 8.0, (y1 + y2) / 2.0 + 4.0, "start");
            (d, Some(head), at)
        }
        Some((x2, y2)) => {
            let (dx, dy) = (x2 - x1, y2 - y1);
            let len = (dx * dx + dy * dy).sqrt().max(1e-9);
            let (ux, uy) = (dx / len, dy / len);
            let r_end = if class == "dropped" {
                0.0
            } else {
                end_r(t, end_id)
            };
            let (sx, sy) = (x1 + ux * R, y1 + uy * R);
            let (ex, ey) = (x2 - ux * r_end, y2 - uy * r_end);
            let d = format!("M{} {} L{} {}", num(sx), num(sy), num(ex), num(ey));
            let head = (class != "dropped").then(|| arrowhead(ex, ey, dx, dy, stroke));
            (
                d,
                head,
                Place::along((sx + ex) / 2.0, (sy + ey) / 2.0, dx, dy),
            )
        }
        // Never delivered: a short stub toward its receiver.
        None => {
            let dir = match m.to.and_then(|p| l.lane(p)) {
                Some(x2) if x2 < x1 => -1.0,
                _ => 1.0,
            };
            let (ex, ey) = (x1 + dir * 60.0, y1 + 22.0);
            let d = format!(
                "M{} {} L{} {}",
                num(x1 + dir * R),
                num(y1 + 4.0),
                num(ex),
                num(ey)
            );
            let head = arrowhead(ex, ey, dir * 60.0, 18.0, stroke);
            let anchor = if dir > 0.0 { "start" } else { "end" };
            (d, Some(head), Place::flat(ex + dir * 4.0, ey + 4.0, anchor))
        }
    };
    let _ = write!(
        out,
        r#"<path class="line" d="{d}" fill="none" stroke="{stroke}" stroke-width="1.6"{dash}/>"#
    );
    if let Some(h) = head {
        out.push_str(&h);
    }
    let _ = write!(
        out,
        r#"<text class="msg-label halo-text" x="{}" y="{}" text-anchor="{}"{} font-family="{MONO}" {} {HALO_TEXT}>{}</text></g>"#,
        num(label_at.x),
        num(label_at.y),
        label_at.anchor,
        label_at.rotate,
        text_attrs(10.0, colour::MSG),
        esc(&msg_label(t, m)),
    );
}

/// How far from an event's centre an arrow into it stops.
fn end_r(t: &Trace, id: u64) -> f64 {
    match t.get(id).map(look) {
        Some(Look::Process) => R + 1.0,
        _ => 5.0,
    }
}

/// The short words beside an event.
fn event_label(t: &Trace, e: &Ev) -> String {
    let other = |k: &str| field(e, k).and_then(pid_of).map(|p| t.proc_name(p));
    let m = |id: Option<u64>| id.map(|m| format!(" m{m}")).unwrap_or_default();
    let rest = match e.kind.as_str() {
        "spawn" => format!(
            "spawn {}",
            e.child.map(|p| t.proc_name(p)).unwrap_or_default()
        ),
        "link" | "unlink" | "monitor" => {
            format!("{} {}", e.kind, other("other").unwrap_or_default())
        }
        "emit" | "exit" | "exit_signal" | "register" | "output" => {
            let word = match e.kind.as_str() {
                "exit_signal" => "killed:",
                k => k,
            };
            format!("{word} {}", e.detail)
        }
        "crash" => "CRASH".into(),
        "deliver" => format!("deliver{}", m(e.msg)),
        "drop" => format!("drop{}", m(e.msg)),
        "duplicate" => format!("copy{} as{}", m(e.msg), m(e.copy)),
        "corrupt" | "forge" => format!("{}{}", e.kind, m(e.msg)),
        "partition" | "round" => format!("{} {}", e.kind, e.detail),
        "send" | "receive" => format!("{}{}", e.kind, m(e.msg)),
        k => k.to_string(),
    };
    // A line across the diagram has room for more.
    let max = if look(e) == Look::Global {
        4 * LABEL_MAX
    } else {
        LABEL_MAX
    };
    short(&format!("e{} {}", e.id, rest.trim_end()), max)
}

/// The tooltip of the standalone SVG (the page shows its own).
fn event_title(t: &Trace, e: &Ev) -> String {
    let mut s = format!(
        "e{} {} on {} {}",
        e.id,
        e.kind,
        t.proc_name(e.proc),
        pid_text(e.proc)
    );
    match e.lamport {
        Some(l) => {
            let _ = write!(s, "\nLamport {l}, vector clock {}", vc_text(t, e));
        }
        None => s.push_str("\nno clocks (a network event)"),
    }
    if !e.detail.is_empty() {
        let _ = write!(s, "\n{}", e.detail);
    }
    s
}

/// A vector clock by process names: `{p1:3, p2:1}`.
pub(super) fn vc_text(t: &Trace, e: &Ev) -> String {
    let parts: Vec<String> =
        e.vc.iter()
            .map(|(p, n)| format!("{}:{n}", t.proc_name(*p)))
            .collect();
    format!("{{{}}}", parts.join(", "))
}

/// The shape of a process event: a circle, a diamond for emits, a square
/// for the end of a process.
fn process_shape(e: &Ev, x: f64, y: f64) -> String {
    let (fill, plain) = match e.kind.as_str() {
        "spawn" => (colour::SPAWN, false),
        "emit" => (colour::EMIT, false),
        "exit" => (colour::EXIT, false),
        "exit_signal" => (colour::SIGNAL, false),
        "crash" => (colour::CRASH, false),
        "recover" => (colour::RECOVER, false),
        _ => (colour::DOT, true),
    };
    let class = if plain { "dot plain" } else { "dot" };
    let stroke = format!(
        r#"fill="{fill}" stroke="{}" stroke-width="1.5""#,
        colour::BG
    );
    match e.kind.as_str() {
        "emit" => diamond(class, x, y, R + 3.0, &stroke),
        "exit" | "exit_signal" | "crash" => format!(
            r#"<rect class="{class}" x="{}" y="{}" width="{w}" height="{w}" rx="3" {stroke}/><line class="end-bar" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{fill}" stroke-width="3"/>"#,
            num(x - R),
            num(y - R),
            num(x - 14.0),
            num(y + 15.0),
            num(x + 14.0),
            num(y + 15.0),
            w = num(2.0 * R),
        ),
        _ => format!(
            r#"<circle class="{class}" cx="{}" cy="{}" r="{}" {stroke}/>"#,
            num(x),
            num(y),
            num(R)
        ),
    }
}

fn network_shape(e: &Ev, x: f64, y: f64) -> String {
    let small = |x: f64, fill: &str| diamond("dot net", x, y, 4.5, &format!(r#"fill="{fill}""#));
    match e.kind.as_str() {
        "drop" => cross(x, y, 6.0),
        "duplicate" => small(x - 2.5, colour::COPY) + &small(x + 2.5, colour::COPY),
        "corrupt" | "forge" => small(x, colour::FAULT),
        _ => small(x, colour::NET),
    }
}

fn write_event(out: &mut String, l: &Layout, e: &Ev) {
    let t = l.t;
    let lk = look(e);
    let (x, y) = l.at(e);
    let _ = write!(
        out,
        r#"<g id="e{id}" class="ev {kind} {lk}" data-step="{step}" data-proc="{p}"><title>{title}</title>"#,
        id = e.id,
        kind = kind_class(&e.kind),
        lk = lk.class(),
        step = l.step(e.id),
        p = e.proc.0,
        title = esc(&event_title(t, e)),
    );
    let label = esc(&event_label(t, e));
    match lk {
        Look::Process => {
            // A spawn's dashed line runs right to its child's lane; its
            // label then sits just above that line.
            let mut label_y = y + 4.0;
            if let Some(cx) = e.child.and_then(|c| l.lane(c)).filter(|cx| *cx != x) {
                if cx > x {
                    label_y = y - 5.0;
                }
                let dir = if cx > x { 1.0 } else { -1.0 };
                let _ = write!(
                    out,
                    r#"<line class="spawn-link" x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{c}" stroke-width="1.5" stroke-dasharray="4 3"/>"#,
                    num(x + dir * R),
                    num(cx),
                    y = num(y),
                    c = colour::SPAWN
                );
            }
            let _ = write!(
                out,
                r#"<circle class="halo" cx="{}" cy="{}" r="{HALO}" fill="transparent"/>"#,
                num(x),
                num(y)
            );
            out.push_str(&process_shape(e, x, y));
            let lamport = e.lamport.unwrap_or(0).to_string();
            let size = match lamport.len() {
                0..=2 => 10.0,
                3 => 8.5,
                _ => 7.0,
            };
            let _ = write!(
                out,
                r#"<text class="lamport" x="{}" y="{}" text-anchor="middle" font-weight="700" {}>{lamport}</text>"#,
                num(x),
                num(y + size * 0.36),
                text_attrs(size, colour::BG),
            );
            let _ = write!(
                out,
                r#"<text class="ev-label halo-text" x="{}" y="{}" {} {HALO_TEXT}>{label}</text>"#,
                num(x + HALO + 2.0),
                num(label_y),
                text_attrs(11.0, colour::FG),
            );
        }
        Look::Network => {
            let _ = write!(
                out,
                r#"<circle class="halo" cx="{}" cy="{}" r="{HALO_NET}" fill="transparent"/>"#,
                num(x),
                num(y)
            );
            out.push_str(&network_shape(e, x, y));
            // A delivery's label goes on the side its message does not come from.
            let from_right = e.kind == "deliver"
                && e.msg
                    .and_then(|m| t.msgs.get(&m))
                    .and_then(|m| l.lane(m.from))
                    .is_some_and(|sx| sx > x);
            let (lx, anchor) = if from_right {
                (x - HALO_NET - 3.0, "end")
            } else {
                (x + HALO_NET + 3.0, "start")
            };
            let _ = write!(
                out,
                r#"<text class="ev-label net-label halo-text muted" x="{}" y="{}" text-anchor="{anchor}" {} {HALO_TEXT}>{label}</text>"#,
                num(lx),
                num(y + 3.5),
                text_attrs(9.5, colour::MUTED),
            );
        }
        Look::Global => {
            let right = l.width - RIGHT;
            let _ = write!(
                out,
                r#"<rect class="halo" x="{g}" y="{}" width="{}" height="{}" fill="transparent"/><line class="dot global-line" x1="{g}" y1="{y}" x2="{}" y2="{y}" stroke="{c}" stroke-width="1.5" stroke-dasharray="6 4"/><text class="ev-label halo-text" x="{}" y="{}" {} {HALO_TEXT}>{label}</text>"#,
                num(y - ROW_GLOBAL / 2.0),
                num(right - GUTTER),
                num(ROW_GLOBAL),
                num(right),
                num(GUTTER + 6.0),
                num(y - 4.0),
                text_attrs(10.0, colour::FAULT),
                g = num(GUTTER),
                y = num(y),
                c = colour::FAULT,
            );
        }
    }
    out.push_str("</g>");
}

/// What the legend shows: a sample drawing and its words.
const LEGEND: [(&str, &str); 9] = [
    ("dot", "event (Lamport time)"),
    ("spawn", "spawn"),
    ("emit", "emit"),
    ("exit", "exit"),
    ("crash", "crash"),
    ("net", "network event"),
    ("arrow", "message"),
    ("copy", "network copy"),
    ("drop", "dropped"),
];
const LEGEND_W: f64 = 150.0;

fn legend_per_row(width: f64) -> usize {
    (((width - 2.0 * RIGHT) / LEGEND_W).floor() as usize).max(1)
}

fn legend_rows(width: f64) -> usize {
    LEGEND.len().div_ceil(legend_per_row(width))
}

fn write_legend(out: &mut String, l: &Layout) {
    out.push_str(r#"<g class="legend">"#);
    let per_row = legend_per_row(l.width);
    for (i, (what, words)) in LEGEND.iter().enumerate() {
        let x = RIGHT + LEGEND_W * (i % per_row) as f64 + 8.0;
        let y = l.bottom + 22.0 * (i / per_row) as f64 + 16.0;
        let fill = match *what {
            "spawn" => colour::SPAWN,
            "emit" => colour::EMIT,
            "exit" => colour::EXIT,
            "crash" => colour::CRASH,
            "net" => colour::NET,
            _ => colour::DOT,
        };
        let c = format!(r#"fill="{fill}" data-sample="{what}""#);
        let sample = match *what {
            "dot" | "spawn" => format!(
                r#"<circle class="dot{}" cx="{}" cy="{}" r="7" {c}/>"#,
                if *what == "dot" { " plain" } else { "" },
                num(x),
                num(y)
            ),
            "emit" => diamond("dot", x, y, 8.0, &c),
            "exit" | "crash" => format!(
                r#"<rect class="dot" x="{}" y="{}" width="13" height="13" rx="2" {c}/>"#,
                num(x - 6.5),
                num(y - 6.5)
            ),
            "net" => diamond("dot net", x, y, 4.5, &c),
            "arrow" | "copy" => {
                let (s, dash) = if *what == "copy" {
                    (colour::COPY, r#" stroke-dasharray="5 3""#)
                } else {
                    (colour::MSG, "")
                };
                format!(
                    r#"<g class="msg{}"><path class="line" d="M{} {y} L{} {y}" stroke="{s}" stroke-width="1.6"{dash}/>{}</g>"#,
                    if *what == "copy" { " copy" } else { "" },
                    num(x - 8.0),
                    num(x + 10.0),
                    arrowhead(x + 12.0, y, 1.0, 0.0, s),
                    y = num(y),
                )
            }
            _ => cross(x, y, 5.0),
        };
        out.push_str(&sample);
        let _ = write!(
            out,
            r#"<text class="muted" x="{}" y="{}" {}>{}</text>"#,
            num(x + 18.0),
            num(y + 4.0),
            text_attrs(11.0, colour::MUTED),
            esc(words)
        );
    }
    out.push_str("</g>");
}

/// The space-time diagram of `t` as a standalone SVG document: lanes,
/// messages, events (drawn last, so they are on top) and a legend.
pub fn svg(t: &Trace) -> String {
    let l = Layout::new(t);
    let (w, h) = (num(l.width), num(l.height()));
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" id="diagram" class="pidlab-diagram" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{SANS}" role="img" aria-label="space-time diagram"><title>pidlab space-time diagram: {n} events, {m} messages, {p} processes</title><rect class="bg" width="{w}" height="{h}" fill="{bg}"/>"#,
        n = t.events.len(),
        m = t.msgs.len(),
        p = t.procs.len(),
        bg = colour::BG,
    );
    if t.events.is_empty() {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" {}>no events</text>"#,
            num(GUTTER),
            num(HEAD),
            text_attrs(14.0, colour::MUTED)
        );
    }
    write_times(&mut out, &l);
    out.push_str(r#"<g class="lanes">"#);
    write_lanes(&mut out, &l);
    out.push_str(r#"</g><g class="msgs">"#);
    for m in t.msgs.values() {
        write_message(&mut out, &l, m);
    }
    out.push_str(r#"</g><g class="events">"#);
    for e in &t.events {
        write_event(&mut out, &l, e);
    }
    out.push_str("</g>");
    write_legend(&mut out, &l);
    out.push_str("</svg>\n");
    out
}
