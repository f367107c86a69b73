//! The space-time diagram in the terminal.
//!
//! One lane per process, time running down, one row per event. Left of
//! the lanes: the event's id and Lamport time. Right of them: what
//! happened. Every message is a line from its send's row in the sender's
//! lane to its receive's row in the receiver's lane: it leaves the sender
//! sideways, runs down a track in the gap beside the receiver, and enters
//! the receiver with an arrowhead. A lost message ends in a cross at the
//! row of its drop; one still on its way runs off the bottom.
//!
//! The drawing is a grid of cells, each knowing which of its four sides a
//! line leaves by; box-drawing characters (or `|`, `-`, `+` in ASCII) are
//! chosen from those sides, so crossings and corners come out right
//! whatever order the lines are laid down in.

use super::trace::{Ev, Trace};
use crate::term::Pid;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

/// What to draw and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Columns available; lanes that do not fit are hidden (and named).
    pub width: usize,
    pub unicode: bool,
    pub color: bool,
    /// Vector clocks beside each event.
    pub vc: bool,
    /// Show deliveries into mailboxes as events of their own.
    pub network: bool,
    /// Only these processes (None: all).
    pub procs: Option<Vec<Pid>>,
    /// Runs of local events of one process as one row.
    pub collapse: bool,
    /// Only events with ids in this range (inclusive).
    pub range: Option<(u64, u64)>,
    pub past: Option<u64>,
    pub future: Option<u64>,
    pub cut: Option<Vec<u64>>,
    pub concurrent: Option<u64>,
}

impl Options {
    /// Plain ASCII without colour, `width` columns wide.
    pub fn plain(width: usize) -> Options {
        Options {
            width,
            unicode: false,
            color: false,
            vc: false,
            network: false,
            procs: None,
            collapse: false,
            range: None,
            past: None,
            future: None,
            cut: None,
            concurrent: None,
        }
    }

    /// Reads the options people type after `:diagram` or `pidlab
    /// diagram`: `all`, `--vc`, `--ascii`, `--unicode`, `--collapse`,
    /// `--procs p1,p3`, `--range e3..e20`, `--past e12`, `--future e12`,
    /// `--cut e3,e9,e14`, `--concurrent e12`, `--width N`. Processes are
    /// named by alias (`p2`), pid (`<0.81.0>`) or registered name.
    pub fn parse(mut self, words: &[String], trace: &Trace) -> Result<Options, String> {
        let mut it = words.iter();
        while let Some(w) = it.next() {
            let flag = w.trim_start_matches('-');
            let (flag, inline) = match flag.split_once('=') {
                Some((f, v)) => (f, Some(v.to_string())),
                None => (flag, None),
            };
            let mut value = |what: &str| -> Result<String, String> {
                match inline.clone().or_else(|| it.next().cloned()) {
                    Some(v) => Ok(v),
                    None => Err(format!("--{flag} needs {what}")),
                }
            };
            match flag {
                "all" | "network" => self.network = true,
                "vc" => self.vc = true,
                "ascii" => self.unicode = false,
                "unicode" => self.unicode = true,
                "collapse" => self.collapse = true,
                "procs" => {
                    let v = value("processes, e.g. p1,p3")?;
                    let ps = v
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(|s| trace.find_proc(s.trim()))
                        .collect::<Result<Vec<_>, _>>()?;
                    self.procs = Some(ps);
                }
                "range" => {
                    let v = value("a range of events, e.g. e3..e20")?;
                    let (a, b) = v
                        .split_once("..")
                        .ok_or_else(|| format!("`{v}` is not a range: write e3..e20"))?;
                    let lo = if a.is_empty() { 1 } else { event_ref(a)? };
                    let hi = if b.is_empty() {
                        u64::MAX
                    } else {
                        event_ref(b)?
                    };
                    self.range = Some((lo, hi));
                }
                "past" => self.past = Some(known(trace, &value("an event, e.g. e12")?)?),
                "future" => self.future = Some(known(trace, &value("an event, e.g. e12")?)?),
                "concurrent" => {
                    self.concurrent = Some(known(trace, &value("an event, e.g. e12")?)?)
                }
                "cut" => {
                    let v = value("events, one per process, e.g. e3,e9,e14")?;
                    let ids = v
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(|s| known(trace, s.trim()))
                        .collect::<Result<Vec<_>, _>>()?;
                    self.cut = Some(ids);
                }
                "width" => {
                    let v = value("a number of columns")?;
                    self.width = v
                        .parse()
                        .map_err(|_| format!("--width needs a number of columns, not `{v}`"))?;
                }
                _ => {
                    return Err(format!(
                        "unknown diagram option `{w}`; options: all, --vc, --ascii, --unicode, --collapse, --procs p1,p3, --range e3..e20, --past E, --future E, --cut E1,E2,.., --concurrent E, --width N"
                    ))
                }
            }
        }
        Ok(self)
    }
}

fn event_ref(s: &str) -> Result<u64, String> {
    s.trim()
        .strip_prefix('e')
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("`{s}` is not an event id: write e12"))
}

fn known(t: &Trace, s: &str) -> Result<u64, String> {
    let id = event_ref(s)?;
    match t.get(id) {
        Some(_) => Ok(id),
        None => Err(match t.events.last() {
            Some(l) => format!("there is no event e{id}; events run from e1 to e{}", l.id),
            None => format!("there is no event e{id}: nothing has happened yet"),
        }),
    }
}

// Sides of a cell a line leaves by.
const N: u8 = 1;
const E: u8 = 2;
const S: u8 = 4;
const W: u8 = 8;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Paint {
    Plain,
    Lane,
    Msg,
    Lost,
    Fault,
    Selected,
    Past,
    Future,
    Concurrent,
    Dim,
}

#[derive(Clone, Copy)]
struct Cell {
    sides: u8,
    ch: Option<char>,
    paint: Paint,
}

const EMPTY: Cell = Cell {
    sides: 0,
    ch: None,
    paint: Paint::Plain,
};

struct Grid {
    cols: usize,
    cells: Vec<Cell>,
}

impl Grid {
    fn new(rows: usize, cols: usize) -> Grid {
        Grid {
            cols,
            cells: vec![EMPTY; rows * cols],
        }
    }
    fn at(&mut self, r: usize, c: usize) -> Option<&mut Cell> {
        if c >= self.cols {
            return None;
        }
        self.cells.get_mut(r * self.cols + c)
    }
    fn join(&mut self, r: usize, c: usize, sides: u8, paint: Paint) {
        if let Some(cell) = self.at(r, c) {
            cell.sides |= sides;
            if paint != Paint::Lane || cell.paint == Paint::Plain {
                cell.paint = paint;
            }
        }
    }
    fn put(&mut self, r: usize, c: usize, ch: char, paint: Paint) {
        if let Some(cell) = self.at(r, c) {
            cell.ch = Some(ch);
            cell.paint = paint;
        }
    }
    /// A horizontal line on row `r` strictly between columns `a` and `b`.
    fn hline(&mut self, r: usize, a: usize, b: usize, paint: Paint) {
        for c in a.min(b) + 1..a.max(b) {
            self.join(r, c, E | W, paint);
        }
    }
}

fn box_char(sides: u8, unicode: bool) -> char {
    if !unicode {
        return match sides {
            0 => ' ',
            s if s & (E | W) == 0 => '|',
            s if s & (N | S) == 0 => '-',
            _ => '+',
        };
    }
    match sides {
        0 => ' ',
        1 | 4 | 5 => '│',
        2 | 8 | 10 => '─',
        3 => '└',
        6 => '┌',
        9 => '┘',
        12 => '┐',
        7 => '├',
        13 => '┤',
        14 => '┬',
        11 => '┴',
        _ => '┼',
    }
}

/// A row of the diagram: one event, a run of collapsed local events, or
/// an event of the whole system (partition, heal, round).
struct Row {
    first: u64,
    last: u64,
    lane: Option<usize>,
    count: usize,
}

/// Kinds that draw no message line: candidates for collapsing.
fn is_local(e: &Ev) -> bool {
    matches!(
        e.kind.as_str(),
        "output" | "emit" | "timeout" | "link" | "unlink" | "monitor" | "register"
    )
}

fn is_global(e: &Ev) -> bool {
    matches!(e.kind.as_str(), "partition" | "heal" | "round")
}

/// Whether an event gets a row of its own.
fn shown(e: &Ev, o: &Options) -> bool {
    // An event the options name is shown, even a delivery.
    let named = [o.past, o.future, o.concurrent].contains(&Some(e.id))
        || o.cut.as_ref().is_some_and(|c| c.contains(&e.id));
    if named {
        return true;
    }
    if let Some((lo, hi)) = o.range {
        if e.id < lo || e.id > hi {
            return false;
        }
    }
    e.is_process_event()
        || is_global(e)
        || matches!(e.kind.as_str(), "drop" | "duplicate" | "crash" | "recover")
        || (o.network && e.kind == "deliver")
}

/// A message line: rows it spans and the lanes it joins.
struct Line {
    id: u64,
    from: usize,
    to: usize,
    /// The send's row; None when the send is above the rows shown.
    start: Option<usize>,
    /// The receive's or drop's row; None when it runs off the bottom.
    end: Option<usize>,
    lost: bool,
    track: usize,
}

impl Line {
    /// The gap whose tracks it runs down: the one beside the receiver, on
    /// the sender's side (a process's message to itself: on its right).
    fn gap(&self) -> usize {
        if self.from < self.to {
            self.to - 1
        } else {
            self.to
        }
    }
    fn enters_from_left(&self) -> bool {
        self.from < self.to
    }
    fn span(&self, rows: usize) -> (usize, usize) {
        (self.start.unwrap_or(0), self.end.unwrap_or(rows))
    }
}

/// Gives each line a track in its gap, so that lines sharing a track
/// never share a row. Lines into the right-hand lane and lines into the
/// left-hand lane have separate tracks. Returns the tracks used on each
/// side of each gap.
fn assign_tracks(lines: &mut [Line], gaps: usize, rows: usize) -> Vec<(usize, usize)> {
    let mut used = vec![(0, 0); gaps];
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by_key(|&i| lines.get(i).map(|l| l.span(rows)));
    // Per gap and side: the last row each track is busy until.
    let mut busy: HashMap<(usize, bool), Vec<usize>> = HashMap::new();
    for i in order {
        let Some(l) = lines.get_mut(i) else { continue };
        let (start, end) = l.span(rows);
        let tracks = busy.entry((l.gap(), l.enters_from_left())).or_default();
        let free = tracks.iter().position(|&until| until < start);
        l.track = match free {
            Some(t) => t,
            None => {
                tracks.push(0);
                tracks.len() - 1
            }
        };
        if let Some(slot) = tracks.get_mut(l.track) {
            *slot = end;
        }
        if let Some(u) = used.get_mut(l.gap()) {
            if l.enters_from_left() {
                u.1 = u.1.max(l.track + 1);
            } else {
                u.0 = u.0.max(l.track + 1);
            }
        }
    }
    used
}

struct Layout {
    lanes: Vec<Pid>,
    lane_col: Vec<usize>,
    width: usize,
}

impl Layout {
    fn track_col(&self, l: &Line) -> usize {
        let g = l.gap();
        if l.enters_from_left() {
            // Counted leftwards from the receiver.
            self.lane_col.get(l.to).copied().unwrap_or(0) - 2 - l.track
        } else {
            self.lane_col.get(g).copied().unwrap_or(0) + 2 + l.track
        }
    }
}

fn headers(t: &Trace, p: Pid) -> (String, String) {
    (t.proc_name(p), crate::world::event::pid_text(p))
}

fn layout(t: &Trace, lanes: Vec<Pid>, lines: &mut [Line], rows: usize, left: usize) -> Layout {
    let used = assign_tracks(lines, lanes.len(), rows);
    let mut lane_col = Vec::with_capacity(lanes.len());
    let mut x = left;
    for (k, p) in lanes.iter().enumerate() {
        let (name, pid) = headers(t, *p);
        let half = name.len().max(pid.len()).div_ceil(2);
        if k == 0 {
            x += half;
        }
        lane_col.push(x);
        let (right, left_of_next) = used.get(k).copied().unwrap_or((0, 0));
        let next_half = lanes
            .get(k + 1)
            .map(|q| {
                let (n, p) = headers(t, *q);
                n.len().max(p.len()).div_ceil(2)
            })
            .unwrap_or(0);
        let tracks = right + left_of_next + 3;
        x += tracks.max(half + next_half + 2);
    }
    let last_right = used.last().map_or(0, |u| u.0);
    let width = lane_col.last().map_or(left, |c| c + 2 + last_right);
    Layout {
        lanes,
        lane_col,
        width,
    }
}

fn marker(e: &Ev, unicode: bool) -> char {
    let (u, a) = match e.kind.as_str() {
        "send" => ('●', 'o'),
        "receive" => ('●', 'o'),
        "exit_signal" => ('■', '#'),
        "spawn" => ('◇', '+'),
        "exit" => ('■', '#'),
        "crash" => ('✕', 'X'),
        "recover" => ('↺', 'R'),
        "emit" => ('★', '*'),
        "deliver" => ('·', '.'),
        "drop" | "duplicate" => ('·', '.'),
        _ => ('○', 'o'),
    };
    if unicode {
        u
    } else {
        a
    }
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// What happened, in words, for the text beside the row.
fn describe(t: &Trace, e: &Ev, arrow: (&str, &str)) -> String {
    let name = |p: Option<Pid>| p.map_or("?".to_string(), |p| t.proc_name(p));
    let m = |id: Option<u64>| id.map_or(String::new(), |m| format!("m{m}"));
    let copy_of = |id: Option<u64>| {
        id.and_then(|m| t.msgs.get(&m))
            .and_then(|m| m.copy_of)
            .map_or(String::new(), |o| format!(" (copy of m{o})"))
    };
    let what = match e.kind.as_str() {
        "send" => format!("send {} {} {} {}", m(e.msg), arrow.0, name(e.to), e.detail),
        "receive" => match e.msg.and_then(|id| t.msgs.get(&id)) {
            Some(msg) => format!(
                "receive {}{} {} {} {}",
                m(e.msg),
                copy_of(e.msg),
                arrow.1,
                t.proc_name(msg.from),
                e.detail
            ),
            // Sent before the trace begins.
            None => format!("receive {} {}", m(e.msg), e.detail),
        },
        "exit_signal" => format!("killed by {}: {}", m(e.msg), e.detail),
        "deliver" => format!("{}{} into the mailbox", m(e.msg), copy_of(e.msg)),
        "drop" => format!("{} lost", m(e.msg)),
        "duplicate" => format!("{} copied as {}", m(e.msg), m(e.copy)),
        "spawn" => format!("spawn {}", name(e.child)),
        "link" | "unlink" | "monitor" => {
            let other = e.raw.get("other").and_then(|o| o.as_str()).and_then(|o| {
                t.procs
                    .iter()
                    .find(|p| crate::world::event::pid_text(**p) == o)
            });
            format!("{} {}", e.kind, name(other.copied()))
        }
        "exit" => format!("exit {}", e.detail),
        "crash" => "CRASH".to_string(),
        "recover" => "RECOVER (state lost)".to_string(),
        "partition" => format!("partition {}", e.detail),
        "heal" => "the partition heals".to_string(),
        "round" => format!(
            "round {} starts",
            e.raw.get("round").map_or(String::new(), |r| r.to_string())
        ),
        "output" => format!("output {}", e.detail.escape_debug()),
        k if e.detail.is_empty() => k.to_string(),
        k => format!("{k} {}", e.detail),
    };
    if is_global(e) {
        what
    } else {
        format!("{}: {what}", t.proc_name(e.proc))
    }
}

fn paint_text(s: &str, p: Paint, color: bool) -> String {
    if !color {
        return s.to_string();
    }
    use colored::Colorize;
    match p {
        Paint::Plain => s.to_string(),
        Paint::Lane => s.dimmed().to_string(),
        Paint::Msg => s.cyan().to_string(),
        Paint::Lost | Paint::Fault => s.red().bold().to_string(),
        Paint::Selected => s.green().bold().reversed().to_string(),
        Paint::Past => s.blue().bold().to_string(),
        Paint::Future => s.magenta().bold().to_string(),
        Paint::Concurrent => s.yellow().bold().to_string(),
        Paint::Dim => s.dimmed().to_string(),
    }
}

/// Highlights asked for: the event each one is about, and what it marks.
struct Marks {
    selected: BTreeSet<u64>,
    past: BTreeSet<u64>,
    future: BTreeSet<u64>,
    concurrent: BTreeSet<u64>,
}

fn marks(t: &Trace, o: &Options) -> Marks {
    let mut m = Marks {
        selected: BTreeSet::new(),
        past: BTreeSet::new(),
        future: BTreeSet::new(),
        concurrent: BTreeSet::new(),
    };
    if let Some(id) = o.past {
        m.selected.insert(id);
        m.past = t.past(id);
    }
    if let Some(id) = o.future {
        m.selected.insert(id);
        m.future = t.future(id);
    }
    if let Some(id) = o.concurrent {
        m.selected.insert(id);
        m.concurrent = t.concurrent(id).into_iter().collect();
    }
    m
}

/// The diagram of `t`, with `o`'s options.
pub fn render(t: &Trace, o: &Options) -> String {
    if t.events.is_empty() {
        return "no events yet\n".into();
    }
    let wanted: Vec<Pid> = match &o.procs {
        Some(ps) => t.procs.iter().copied().filter(|p| ps.contains(p)).collect(),
        None => t.procs.clone(),
    };
    let color = o.color;
    let gutter = gutter_width(t);
    // Fit: drop lanes from the right until the lanes leave room for text.
    let room = o.width.saturating_sub(24).max(gutter + 12);
    let mut lanes = wanted.clone();
    loop {
        let (rows, mut lines) = rows_and_lines(t, o, &lanes);
        let lay = layout(t, lanes.clone(), &mut lines, rows.len(), gutter + 1);
        if lay.width <= room || lanes.len() <= 1 {
            let hidden: Vec<Pid> = wanted
                .iter()
                .copied()
                .filter(|p| !lanes.contains(p))
                .collect();
            return draw(t, o, &rows, &mut lines, &lay, gutter, &hidden, color);
        }
        lanes.pop();
    }
}

fn gutter_width(t: &Trace) -> usize {
    let last = t.events.last().map_or(1, |e| e.id);
    let lam = t.events.iter().filter_map(|e| e.lamport).max().unwrap_or(0);
    format!("e{last}").len() + 1 + lam.to_string().len().max(1)
}

fn rows_and_lines(t: &Trace, o: &Options, lanes: &[Pid]) -> (Vec<Row>, Vec<Line>) {
    let lane_of: HashMap<Pid, usize> = lanes.iter().enumerate().map(|(i, p)| (*p, i)).collect();
    let mut rows: Vec<Row> = vec![];
    for e in t.events.iter().filter(|e| shown(e, o)) {
        let lane = if is_global(e) {
            None
        } else {
            match lane_of.get(&e.proc) {
                Some(l) => Some(*l),
                None => continue,
            }
        };
        if o.collapse && is_local(e) {
            if let Some(prev) = rows.last_mut() {
                let prev_local = t.get(prev.last).is_some_and(is_local);
                if prev.lane == lane && prev_local {
                    prev.last = e.id;
                    prev.count += 1;
                    continue;
                }
            }
        }
        rows.push(Row {
            first: e.id,
            last: e.id,
            lane,
            count: 1,
        });
    }
    let row_of: HashMap<u64, usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.count == 1)
        .map(|(i, r)| (r.first, i))
        .collect();
    let first_row = rows.first().map_or(0, |r| r.first);
    let mut lines = vec![];
    for m in t.msgs.values() {
        let (Some(&from), Some(&to)) = (lane_of.get(&m.from), m.to.and_then(|p| lane_of.get(&p)))
        else {
            continue;
        };
        let start = row_of.get(&m.send).copied();
        // A send outside the rows: above them (or below, when the range
        // ends before it, in which case there is nothing to draw).
        if start.is_none() && m.send >= first_row {
            continue;
        }
        let (end, lost) = match (m.receive, m.drop) {
            (Some(r), _) => (row_of.get(&r).copied(), false),
            (None, Some(d)) => (row_of.get(&d).copied(), true),
            _ => (None, false),
        };
        let ended_above = [m.receive, m.drop]
            .iter()
            .flatten()
            .any(|id| *id < first_row);
        if ended_above {
            continue;
        }
        lines.push(Line {
            id: m.id,
            from,
            to,
            start,
            end,
            lost: lost && end.is_some(),
            track: 0,
        });
    }
    (rows, lines)
}

#[allow(clippy::too_many_arguments)]
fn draw(
    t: &Trace,
    o: &Options,
    rows: &[Row],
    lines: &mut [Line],
    lay: &Layout,
    gutter: usize,
    hidden: &[Pid],
    color: bool,
) -> String {
    let u = o.unicode;
    let n = rows.len();
    let cols = lay.width + 1;
    let mut g = Grid::new(n, cols);
    let marks = marks(t, o);
    let cut: HashMap<usize, u64> = o
        .cut
        .iter()
        .flatten()
        .filter_map(|id| {
            let e = t.get(*id)?;
            Some((lay.lanes.iter().position(|p| *p == e.proc)?, *id))
        })
        .collect();
    // Lanes: from the spawn to the exit, or the bottom.
    let first_row = rows.first().map_or(0, |r| r.first);
    for (k, p) in lay.lanes.iter().enumerate() {
        let Some(&col) = lay.lane_col.get(k) else {
            continue;
        };
        // A lane starts at its parent's spawn; a process the trace does
        // not see spawned (main, or one spawned before the trace) was
        // there from the top.
        let spawn = t
            .events
            .iter()
            .find(|e| e.kind == "spawn" && e.child == Some(*p));
        let begin = match spawn {
            None => Some(0),
            Some(e) if e.id < first_row => Some(0),
            Some(e) => rows
                .iter()
                .position(|r| r.first == e.id)
                .or_else(|| rows.iter().position(|r| r.lane == Some(k))),
        };
        let Some(begin) = begin else { continue };
        // A process that ended (in the rows shown) has no lane below its
        // last event.
        let last_row = rows.last().map_or(0, |r| r.last);
        let ended = t.events.iter().any(|e| {
            e.proc == *p && e.id <= last_row && matches!(e.kind.as_str(), "exit" | "exit_signal")
        });
        let end = if ended {
            rows.iter()
                .rposition(|r| r.lane == Some(k))
                .unwrap_or(begin)
        } else {
            n.saturating_sub(1)
        };
        let cut_row = cut
            .get(&k)
            .and_then(|id| rows.iter().position(|r| r.first <= *id && *id <= r.last));
        for r in begin..=end {
            let after_cut = cut_row.is_some_and(|c| r > c);
            if after_cut {
                g.join(r, col, N | S, Paint::Dim);
            } else {
                g.join(r, col, N | S, Paint::Lane);
            }
        }
    }
    // Messages.
    for l in lines.iter() {
        let tc = lay.track_col(l);
        let (Some(&from_col), Some(&to_col)) = (lay.lane_col.get(l.from), lay.lane_col.get(l.to))
        else {
            continue;
        };
        let paint = if l.lost { Paint::Lost } else { Paint::Msg };
        let toward = |from: usize, to: usize| if to > from { E } else { W };
        let first = match l.start {
            Some(s) => {
                g.hline(s, from_col, tc, paint);
                g.join(s, tc, toward(tc, from_col) | S, paint);
                s + 1
            }
            None => 0,
        };
        let last = l.end.unwrap_or(n);
        for r in first..last {
            g.join(r, tc, N | S, paint);
        }
        match l.end {
            Some(e) if l.lost => {
                g.put(e, tc, if u { '✕' } else { 'x' }, Paint::Lost);
            }
            Some(e) => {
                g.join(e, tc, N | toward(tc, to_col), paint);
                g.hline(e, tc, to_col, paint);
                let (head_col, head) = if to_col > tc {
                    (to_col - 1, if u { '▶' } else { '>' })
                } else {
                    (to_col + 1, if u { '◀' } else { '<' })
                };
                if head_col != tc {
                    g.put(e, head_col, head, paint);
                }
            }
            None => {
                if n > 0 {
                    g.put(n - 1, tc, if u { '↓' } else { 'v' }, paint);
                }
            }
        }
    }
    // Each message's id on its way out, where its line runs clear of
    // every other (so after all lines are down).
    for l in lines.iter() {
        let tc = lay.track_col(l);
        let Some(&from_col) = lay.lane_col.get(l.from) else {
            continue;
        };
        let paint = if l.lost { Paint::Lost } else { Paint::Msg };
        if let Some(s) = l.start {
            let label = format!("m{}", l.id);
            let (lo, hi) = (from_col.min(tc), from_col.max(tc));
            let clear = |c: usize| {
                g.cells
                    .get(s * cols + c)
                    .is_some_and(|x| x.sides == E | W && x.ch.is_none())
            };
            if hi - lo > label.len() + 2 {
                // Near the sender; where the line crosses another lane
                // there, further along with line on both sides, unless
                // other messages leave the sender on the same row (the
                // line is theirs too there, and a label further along
                // would name the wrong one).
                let mut order: Vec<usize> = (lo + 2..=hi - 1 - label.len()).collect();
                if tc < from_col {
                    order.reverse();
                }
                let fits = |at: &usize| (*at..*at + label.len()).all(clear);
                let spaced = |at: &&usize| (**at - 1..**at + label.len() + 1).all(clear);
                let shared = || {
                    lines
                        .iter()
                        .filter(|o| o.start == Some(s) && o.from == l.from)
                        .count()
                        > 1
                };
                let at = match order.split_first() {
                    Some((first, _)) if fits(first) => Some(*first),
                    Some((_, rest)) if !shared() => rest.iter().find(spaced).copied(),
                    _ => None,
                };
                if let Some(at) = at {
                    for (i, ch) in label.chars().enumerate() {
                        g.put(s, at + i, ch, paint);
                    }
                }
            }
        }
    }
    // Global rows and event markers.
    for (r, row) in rows.iter().enumerate() {
        let Some(e) = t.get(row.first) else { continue };
        match row.lane {
            None => {
                for c in gutter + 1..lay.width {
                    if g.cells
                        .get(r * cols + c)
                        .is_some_and(|x| x.sides == 0 && x.ch.is_none())
                    {
                        g.put(r, c, if u { '╌' } else { '-' }, Paint::Fault);
                    }
                }
            }
            Some(k) => {
                let Some(&col) = lay.lane_col.get(k) else {
                    continue;
                };
                let ch = if row.count > 1 {
                    if u {
                        '┇'
                    } else {
                        ':'
                    }
                } else if cut.get(&k) == Some(&e.id) {
                    if u {
                        '◆'
                    } else {
                        '@'
                    }
                } else {
                    marker(e, u)
                };
                let paint = if marks.selected.contains(&e.id) {
                    Paint::Selected
                } else if marks.past.contains(&e.id) {
                    Paint::Past
                } else if marks.future.contains(&e.id) {
                    Paint::Future
                } else if marks.concurrent.contains(&e.id) {
                    Paint::Concurrent
                } else if matches!(e.kind.as_str(), "crash" | "exit_signal") {
                    Paint::Fault
                } else {
                    Paint::Plain
                };
                g.put(r, col, ch, paint);
            }
        }
    }
    // Text.
    let arrow = if u { ("→", "←") } else { ("->", "<-") };
    let mut out = String::new();
    let pad = " ".repeat(gutter + 1);
    let mut head1 = pad.clone();
    let mut head2 = pad.clone();
    for (k, p) in lay.lanes.iter().enumerate() {
        let (name, pid) = headers(t, *p);
        let col = lay.lane_col.get(k).copied().unwrap_or(0);
        for (h, text) in [(&mut head1, &name), (&mut head2, &pid)] {
            let start = col.saturating_sub(text.len() / 2).max(h.chars().count());
            while h.chars().count() < start {
                h.push(' ');
            }
            h.push_str(text);
        }
    }
    let _ = writeln!(out, "{}", paint_text(head1.trim_end(), Paint::Plain, false));
    let _ = writeln!(out, "{}", head2.trim_end());
    let text_room = o.width.saturating_sub(lay.width + 2).max(20);
    for (r, row) in rows.iter().enumerate() {
        let Some(e) = t.get(row.first) else { continue };
        let id = if row.count > 1 {
            format!("e{}-", row.first)
        } else {
            format!("e{}", row.first)
        };
        let lam = e.lamport.map_or(String::new(), |l| l.to_string());
        let lw = gutter - id.len().min(gutter);
        let mut line = format!("{id}{lam:>lw$} ");
        if id.len() >= gutter {
            line = format!("{id} ");
        }
        // The cells, in runs of one paint.
        let mut run = String::new();
        let mut run_paint = Paint::Plain;
        let mut cells_text = String::new();
        for c in gutter + 1..lay.width + 1 {
            let cell = g.cells.get(r * cols + c).copied().unwrap_or(EMPTY);
            let ch = match cell.ch {
                Some(ch) => ch,
                // A lane after a cut is dotted where nothing crosses it.
                None if cell.paint == Paint::Dim && cell.sides == N | S => {
                    if u {
                        '┆'
                    } else {
                        ':'
                    }
                }
                None => box_char(cell.sides, u),
            };
            let p = if ch == ' ' { Paint::Plain } else { cell.paint };
            if p != run_paint {
                cells_text.push_str(&paint_text(&run, run_paint, color));
                run.clear();
                run_paint = p;
            }
            run.push(ch);
        }
        cells_text.push_str(&paint_text(&run, run_paint, color));
        line.push_str(&cells_text);
        let mut what = if row.count > 1 {
            let kinds: BTreeSet<&str> = (row.first..=row.last)
                .filter_map(|id| t.get(id))
                .filter(|x| x.proc == e.proc && is_local(x))
                .map(|x| x.kind.as_str())
                .collect();
            format!(
                "{}: {} local events to e{} ({})",
                t.proc_name(e.proc),
                row.count,
                row.last,
                kinds.into_iter().collect::<Vec<_>>().join(", ")
            )
        } else {
            describe(t, e, arrow)
        };
        if o.vc && !e.vc.is_empty() {
            let vc: Vec<String> =
                e.vc.iter()
                    .map(|(p, n)| format!("{}:{n}", t.proc_name(*p)))
                    .collect();
            what = format!("{{{}}} {what}", vc.join(", "));
        }
        let tag = if marks.selected.contains(&e.id) {
            " [selected]"
        } else if marks.past.contains(&e.id) {
            " [past]"
        } else if marks.future.contains(&e.id) {
            " [future]"
        } else if marks.concurrent.contains(&e.id) {
            " [concurrent]"
        } else if o.cut.as_ref().is_some_and(|c| c.contains(&e.id)) {
            " [cut]"
        } else {
            ""
        };
        let what = short(&what, text_room.saturating_sub(tag.len()));
        let _ = writeln!(out, "{line}  {what}{tag}");
    }
    out.push_str(&footer(t, o, hidden, rows.is_empty()));
    out
}

fn footer(t: &Trace, o: &Options, hidden: &[Pid], empty: bool) -> String {
    let mut out = String::new();
    if empty {
        out.push_str("(no events in the range)\n");
    }
    if !hidden.is_empty() {
        let names: Vec<String> = hidden.iter().map(|p| t.proc_name(*p)).collect();
        let _ = writeln!(
            out,
            "hidden to fit {} columns: {} (choose with --procs, e.g. --procs p1,p2)",
            o.width,
            names.join(", ")
        );
    }
    if let Some(id) = o.concurrent {
        let c = t.concurrent(id);
        let list: Vec<String> = c.iter().map(|e| format!("e{e}")).collect();
        let _ = writeln!(
            out,
            "concurrent with e{id}: {}",
            if list.is_empty() {
                "none".to_string()
            } else {
                list.join(", ")
            }
        );
    }
    if let Some(cut) = &o.cut {
        let names: Vec<String> = cut.iter().map(|e| format!("e{e}")).collect();
        let _ = match t.cut_violation(cut) {
            Ok(None) => writeln!(out, "cut {{{}}}: consistent", names.join(", ")),
            Ok(Some((inside, outside))) => writeln!(
                out,
                "cut {{{}}}: not consistent: e{outside} happens before e{inside}, but e{inside} is inside the cut and e{outside} is not",
                names.join(", ")
            ),
            Err(e) => writeln!(out, "cut: {e}"),
        };
    }
    out
}

/// The diagram of a live world's events.
pub fn of_events(events: &[crate::world::event::Event], o: &Options) -> String {
    render(&Trace::from_events(events), o)
}
