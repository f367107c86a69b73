//! Events as people and tools read them: one line of text for the
//! terminal, and the JSON Lines record of TRACE.md. The world records
//! events; how they are written is decided here.

use crate::world::event::{alias, pid_text, Event, Kind, Vc};

/// A vector clock as people read it, by alias: `{p1:2, p2:6}` (the JSON
/// trace keeps pids).
pub fn vc_text(vc: &Vc) -> String {
    let parts: Vec<String> = vc
        .iter()
        .map(|(p, n)| format!("{}:{n}", alias(*p)))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

fn details(e: &Event) -> String {
    let w = crate::term::write::write;
    match &e.kind {
        Kind::Spawn { child } => pid_text(*child),
        Kind::Send { msg, to, term } => format!("m{msg} to {} {}", pid_text(*to), w(term)),
        Kind::Deliver { msg, .. } => format!("m{msg}"),
        Kind::Receive { msg, term } => format!("m{msg} {}", w(term)),
        Kind::Output { text } => format!("{text:?}"),
        Kind::Emit { term } | Kind::Exit { reason: term } => w(term),
        Kind::Timeout => String::new(),
        Kind::Signal { from, reason, .. } => format!("from {} {}", pid_text(*from), w(reason)),
        Kind::Link { other } | Kind::Unlink { other } | Kind::Monitor { other } => pid_text(*other),
        Kind::Register { name, pid } => format!("{name} {}", pid_text(*pid)),
        Kind::Drop { msg } => format!("m{msg}"),
        Kind::Corrupt { msg, before, after } => format!("m{msg} {} -> {}", w(before), w(after)),
        Kind::Forge { msg, claims } => {
            format!("m{msg} claims to be from {}", pid_text(*claims))
        }
        Kind::Duplicate { msg, copy } => format!("m{msg} as m{copy}"),
        Kind::Crash | Kind::Heal | Kind::Recover => String::new(),
        Kind::Partition { groups } => groups.clone(),
        Kind::Round { n } => n.to_string(),
    }
}

/// One line for people: id, time, process, kind, details, clocks.
pub fn line(e: &Event) -> String {
    let clocks = match &e.clock {
        Some((l, vc)) => format!("  L={l} {}", vc_text(vc)),
        None => String::new(),
    };
    format!(
        "e{:<4} t={:<6} {:<10} {:<11} {}{}",
        e.id,
        e.time,
        pid_text(e.proc),
        e.kind.name(),
        details(e),
        clocks
    )
}

/// Writes JSON Lines records of events as text, the same bytes as
/// `json(e).to_string()` but without building the vector clock as a JSON
/// value: a traced run writes one clock per event, and with many processes
/// the clocks are most of the trace.
///
/// The record's keys are sorted as text, so the clock's pids are written in
/// the order of their text, not of their numbers. That order is kept from
/// one record to the next and found again only when the clock's set of
/// processes changes (in a long run it rarely does).
#[derive(Default)]
pub struct JsonWriter {
    /// The pids of the last clock, in pid order.
    pids: Vec<crate::term::Pid>,
    /// Their keys as written (`,"<0.81.0>":`), in the order of their
    /// texts, each with the pid it names (an index into `pids`).
    keys: Vec<(Key, usize)>,
    /// This clock's counts, in pid order.
    counts: Vec<u64>,
    /// The last clock's entries as written (`"<0.80.0>":3,"<0.81.0>":7`).
    /// From one event to the next most counts stay the same, so the text
    /// is mended where counts changed rather than written again.
    text: Vec<u8>,
    /// Where each count's digits sit in `text` and how many there are, in
    /// pid order; empty when `text` must be written anew.
    spots: Vec<(usize, usize)>,
    /// The counts `text` holds, in pid order.
    written: Vec<u64>,
    /// The clock `text` was written from: its chunks still shared with
    /// this clock hold the same counts.
    last: Option<Vc>,
    /// Room to write a term in before it is quoted.
    scratch: String,
}

/// Room for the longest key, `,"<N.N.N>":` with three 10-digit numbers.
const KEY_ROOM: usize = 40;

/// A short text (a clock's key, a pid) built on the stack, its bytes
/// padded to a fixed length, with its own length: a copy of a fixed length
/// compiles to a few moves, where a copy of a slice calls the C library,
/// and a clock is a hundred short copies.
#[derive(Clone, Copy)]
struct Key {
    bytes: [u8; KEY_ROOM],
    len: usize,
}

impl Default for Key {
    fn default() -> Key {
        Key {
            bytes: [0; KEY_ROOM],
            len: 0,
        }
    }
}

impl Key {
    /// Appends `b`, if there is room.
    fn push(&mut self, b: &[u8]) {
        if let Some(to) = self.bytes.get_mut(self.len..self.len + b.len()) {
            to.copy_from_slice(b);
            self.len += b.len();
        }
    }

    fn text(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    /// Appends the key to `out`.
    #[inline]
    fn put(&self, out: &mut Vec<u8>) {
        let end = out.len() + self.len;
        out.extend_from_slice(&self.bytes);
        out.truncate(end);
    }
}

impl JsonWriter {
    /// Appends `e`'s record to `out`: its fields written one by one in
    /// the order of their keys (keys and pids need no escaping), then the
    /// clock, whose key comes last.
    pub fn write(&mut self, e: &Event, out: &mut Vec<u8>) {
        out.push(b'{');
        for (k, (name, v)) in fields(e, false).sorted().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            out.push(b'"');
            out.extend_from_slice(name.text().as_bytes());
            out.extend_from_slice(b"\":");
            v.write(out, &mut self.scratch);
        }
        let Some((_, vc)) = &e.clock else {
            out.push(b'}');
            return;
        };
        out.extend_from_slice(b",\"vc\":{");
        if !self.mend(vc) {
            let same =
                vc.len() == self.pids.len() && vc.iter().zip(&self.pids).all(|((p, _), q)| p == q);
            self.counts.clear();
            if same {
                self.counts.extend(vc.iter().map(|(_, n)| *n));
            } else {
                self.learn(vc);
            }
            self.write_text();
        }
        self.last = Some(vc.clone());
        out.extend_from_slice(&self.text);
        out.extend_from_slice(b"}}");
    }

    /// Puts `vc`'s counts that changed since the last clock into `text` in
    /// place; false when there is no text yet, the clock's processes
    /// changed or a count's number of digits did.
    fn mend(&mut self, vc: &Vc) -> bool {
        if self.spots.len() != self.pids.len() || vc.len() != self.pids.len() {
            return false;
        }
        let mut digits = itoa::Buffer::new();
        let mut i = 0;
        for (run, shared) in vc.runs_against(self.last.as_ref()) {
            let end = i + run.len();
            // The last clock's chunk, where this run starts: all the same.
            if shared && run.first().map(|(p, _)| p) == self.pids.get(i) {
                i = end;
                continue;
            }
            let (Some(pids), Some(written), Some(spots)) = (
                self.pids.get(i..end),
                self.written.get_mut(i..end),
                self.spots.get(i..end),
            ) else {
                return false;
            };
            for (((p, n), q), (was, (at, len))) in
                run.iter().zip(pids).zip(written.iter_mut().zip(spots))
            {
                if p != q {
                    return false;
                }
                if n == was {
                    continue;
                }
                let d = digits.format(*n).as_bytes();
                match self.text.get_mut(*at..*at + *len) {
                    Some(spot) if d.len() == *len => spot.copy_from_slice(d),
                    _ => return false,
                }
                *was = *n;
            }
            i = end;
        }
        true
    }

    /// Writes `text` anew from the keys and counts.
    fn write_text(&mut self) {
        let mut digits = itoa::Buffer::new();
        self.text.clear();
        self.spots.clear();
        self.spots.resize(self.counts.len(), (0, 0));
        for (k, (key, i)) in self.keys.iter().enumerate() {
            // Each key is kept as `,"<pid>":`; the first goes without comma.
            if k == 0 {
                self.text
                    .extend_from_slice(key.text().get(1..).unwrap_or_default());
            } else {
                key.put(&mut self.text);
            }
            let n = self.counts.get(*i).copied().unwrap_or(0);
            let d = digits.format(n).as_bytes();
            if let Some(spot) = self.spots.get_mut(*i) {
                *spot = (self.text.len(), d.len());
            }
            self.text.extend_from_slice(d);
        }
        self.written.clone_from(&self.counts);
    }

    /// Takes `vc`'s pids as the ones to write, with their keys (pids need
    /// no escaping) and their order as text (which the key's punctuation
    /// around the pid does not change).
    fn learn(&mut self, vc: &Vc) {
        self.pids.clear();
        self.keys.clear();
        self.spots.clear();
        self.text.clear();
        for (i, (p, n)) in vc.iter().enumerate() {
            let mut key = Key::default();
            key.push(b",\"");
            key.push(pid_short(*p).text());
            key.push(b"\":");
            self.keys.push((key, i));
            self.pids.push(*p);
            self.counts.push(*n);
        }
        self.keys.sort_by(|(a, _), (b, _)| a.text().cmp(b.text()));
    }
}

/// The JSON Lines record of an event (see TRACE.md).
pub fn json(e: &Event) -> serde_json::Value {
    serde_json::to_value(Record { e }).unwrap_or(serde_json::Value::Null)
}

/// An event's record with its vector clock, serialised through serde:
/// the reference `JsonWriter` is tested against.
struct Record<'a> {
    e: &'a Event,
}

/// One field's value.
#[derive(Clone, Copy)]
enum Field<'a> {
    Text(&'a str),
    Term(&'a crate::term::Term),
    Pid(crate::term::Pid),
    /// An id written with its letter: `e12`, `m3`.
    Id(char, u64),
    Int(u64),
    Preds(&'a [u64]),
    Vc(&'a Vc),
}

impl Field<'_> {
    /// Appends the value as JSON, as `serde_json` writes it (a term is
    /// written in `scratch` first).
    fn write(&self, out: &mut Vec<u8>, scratch: &mut String) {
        let mut digits = itoa::Buffer::new();
        match self {
            Field::Text(t) => {
                let _ = serde_json::to_writer(&mut *out, t);
            }
            Field::Term(t) => {
                scratch.clear();
                crate::term::write::write_flat(scratch, t, false);
                let _ = serde_json::to_writer(&mut *out, scratch.as_str());
            }
            Field::Pid(p) => {
                out.push(b'"');
                out.extend_from_slice(pid_short(*p).text());
                out.push(b'"');
            }
            Field::Id(c, n) => {
                out.push(b'"');
                out.push(*c as u8);
                out.extend_from_slice(digits.format(*n).as_bytes());
                out.push(b'"');
            }
            Field::Int(n) => out.extend_from_slice(digits.format(*n).as_bytes()),
            Field::Preds(ps) => {
                out.push(b'[');
                for (k, n) in ps.iter().enumerate() {
                    if k > 0 {
                        out.push(b',');
                    }
                    Field::Id('e', *n).write(out, scratch);
                }
                out.push(b']');
            }
            Field::Vc(_) => {
                let _ = serde_json::to_writer(&mut *out, self);
            }
        }
    }
}

impl serde::Serialize for Field<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Text(t) => s.serialize_str(t),
            Field::Term(t) => s.serialize_str(&crate::term::write::write(t)),
            Field::Pid(p) => s.collect_str(p),
            Field::Id(c, n) => s.collect_str(&format_args!("{c}{n}")),
            Field::Int(n) => s.serialize_u64(*n),
            Field::Preds(ps) => s.collect_seq(ps.iter().map(|n| Field::Id('e', *n))),
            // Written as a map whose keys are pids; a JSON value sorts
            // them as text (`JsonWriter` does the same by itself).
            Field::Vc(vc) => s.collect_map(vc.iter().map(|(p, n)| (Field::Pid(*p), *n))),
        }
    }
}

/// `<0.81.0>`, as `Display` writes it, without the formatting machinery.
fn pid_short(p: crate::term::Pid) -> Key {
    let mut digits = itoa::Buffer::new();
    let mut t = Key::default();
    t.push(b"<");
    t.push(digits.format(p.node()).as_bytes());
    t.push(b".");
    t.push(digits.format(p.number()).as_bytes());
    t.push(b".");
    t.push(digits.format(p.serial()).as_bytes());
    t.push(b">");
    t
}

impl serde::Serialize for Record<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let fields = fields(self.e, true);
        let mut m = s.serialize_map(Some(fields.len))?;
        for (k, v) in fields.sorted() {
            m.serialize_entry(k.text(), v)?;
        }
        m.end()
    }
}

/// A record's keys, declared in the order of their texts (a test checks),
/// so fields sorted by key are in the order a JSON object's keys are.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Label {
    After,
    Before,
    Child,
    Claims,
    Copy,
    From,
    Groups,
    Id,
    Kind,
    Lamport,
    Msg,
    Name,
    Other,
    Preds,
    Proc,
    Reason,
    Round,
    Term,
    Text,
    Time,
    To,
    Vc,
}

impl Label {
    #[cfg(test)]
    const ALL: [Label; 22] = [
        Label::After,
        Label::Before,
        Label::Child,
        Label::Claims,
        Label::Copy,
        Label::From,
        Label::Groups,
        Label::Id,
        Label::Kind,
        Label::Lamport,
        Label::Msg,
        Label::Name,
        Label::Other,
        Label::Preds,
        Label::Proc,
        Label::Reason,
        Label::Round,
        Label::Term,
        Label::Text,
        Label::Time,
        Label::To,
        Label::Vc,
    ];

    fn text(self) -> &'static str {
        match self {
            Label::After => "after",
            Label::Before => "before",
            Label::Child => "child",
            Label::Claims => "claims",
            Label::Copy => "copy",
            Label::From => "from",
            Label::Groups => "groups",
            Label::Id => "id",
            Label::Kind => "kind",
            Label::Lamport => "lamport",
            Label::Msg => "msg",
            Label::Name => "name",
            Label::Other => "other",
            Label::Preds => "preds",
            Label::Proc => "proc",
            Label::Reason => "reason",
            Label::Round => "round",
            Label::Term => "term",
            Label::Text => "text",
            Label::Time => "time",
            Label::To => "to",
            Label::Vc => "vc",
        }
    }
}

/// At most as many fields as a record has, gathered without allocating.
struct Fields<'a> {
    items: [(Label, Field<'a>); 12],
    len: usize,
}

impl Default for Fields<'_> {
    fn default() -> Self {
        Fields {
            items: [(Label::Id, Field::Int(0)); 12],
            len: 0,
        }
    }
}

impl<'a> Fields<'a> {
    fn push(&mut self, f: (Label, Field<'a>)) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = f;
            self.len += 1;
        }
    }

    /// The fields, in the order of their keys (the keys are sorted with
    /// the fields' places, which are smaller to move than the fields).
    fn sorted(&self) -> impl Iterator<Item = &(Label, Field<'a>)> {
        let mut order = [(Label::Id, 0u8); 12];
        for (k, (slot, (name, _))) in order.iter_mut().zip(&self.items).enumerate() {
            *slot = (*name, k as u8);
        }
        if let Some(used) = order.get_mut(..self.len) {
            used.sort_unstable();
        }
        order
            .into_iter()
            .take(self.len)
            .filter_map(|(_, k)| self.items.get(usize::from(k)))
    }
}

/// The record's fields, keys not yet in order.
fn fields(e: &Event, with_vc: bool) -> Fields<'_> {
    use Field::{Id, Int, Pid, Term, Text};
    use Label as N;
    let mut m = Fields::default();
    m.push((N::Id, Id('e', e.id)));
    m.push((N::Kind, Text(e.kind.name())));
    m.push((N::Proc, Pid(e.proc)));
    m.push((N::Time, Int(e.time)));
    if !e.preds.is_empty() {
        m.push((N::Preds, Field::Preds(&e.preds)));
    }
    if let Some(id) = e.msg() {
        m.push((N::Msg, Id('m', id)));
    }
    if let Some((l, vc)) = &e.clock {
        m.push((N::Lamport, Int(*l)));
        if with_vc {
            m.push((N::Vc, Field::Vc(vc)));
        }
    }
    match &e.kind {
        Kind::Spawn { child } => m.push((N::Child, Pid(*child))),
        Kind::Send { to, term, .. } => {
            m.push((N::To, Pid(*to)));
            m.push((N::Term, Term(term)));
        }
        Kind::Deliver { to, .. } => m.push((N::To, Pid(*to))),
        Kind::Receive { term, .. } | Kind::Emit { term } => m.push((N::Term, Term(term))),
        Kind::Output { text } => m.push((N::Text, Text(text))),
        Kind::Exit { reason } => m.push((N::Reason, Term(reason))),
        Kind::Signal { from, reason, .. } => {
            m.push((N::From, Pid(*from)));
            m.push((N::Reason, Term(reason)));
        }
        Kind::Link { other } | Kind::Unlink { other } | Kind::Monitor { other } => {
            m.push((N::Other, Pid(*other)));
        }
        Kind::Register { name, pid } => {
            m.push((N::Other, Pid(*pid)));
            m.push((N::Name, Text(name)));
        }
        Kind::Duplicate { copy, .. } => m.push((N::Copy, Id('m', *copy))),
        Kind::Corrupt { before, after, .. } => {
            m.push((N::Before, Term(before)));
            m.push((N::After, Term(after)));
        }
        Kind::Forge { claims, .. } => m.push((N::Claims, Pid(*claims))),
        Kind::Partition { groups } => m.push((N::Groups, Text(groups))),
        Kind::Round { n } => m.push((N::Round, Int(*n))),
        Kind::Drop { .. } | Kind::Crash | Kind::Heal | Kind::Recover | Kind::Timeout => {}
    }
    m
}

#[cfg(test)]
mod tests {
    use super::{json, Event, JsonWriter, Kind, Vc};
    use crate::term::Pid;

    #[test]
    fn keys_are_declared_in_the_order_of_their_texts() {
        let texts: Vec<&str> = super::Label::ALL.iter().map(|n| n.text()).collect();
        let mut sorted = texts.clone();
        sorted.sort_unstable();
        assert_eq!(texts, sorted);
        assert!(super::Label::ALL.windows(2).all(|w| w.first() < w.get(1)));
    }

    #[test]
    fn every_kind_of_event_is_written_as_its_json_record() {
        use crate::term::Term;
        let p = Pid::full(0, 83, 0);
        let t = || Term::atom("it's \"quoted\"\n");
        let kinds = [
            Kind::Spawn { child: p },
            Kind::Send {
                msg: 3,
                to: p,
                term: t(),
            },
            Kind::Deliver { msg: 3, to: p },
            Kind::Receive { msg: 3, term: t() },
            Kind::Output {
                text: "a\tb\u{7}é\n".into(),
            },
            Kind::Emit { term: t() },
            Kind::Timeout,
            Kind::Exit { reason: t() },
            Kind::Signal {
                from: p,
                reason: t(),
                msg: 9,
            },
            Kind::Link { other: p },
            Kind::Unlink { other: p },
            Kind::Monitor { other: p },
            Kind::Register {
                name: "srv".into(),
                pid: p,
            },
            Kind::Drop { msg: 4 },
            Kind::Duplicate { msg: 4, copy: 5 },
            Kind::Corrupt {
                msg: 4,
                before: t(),
                after: Term::atom("x"),
            },
            Kind::Forge { msg: 4, claims: p },
            Kind::Crash,
            Kind::Recover,
            Kind::Partition {
                groups: "{p1} | {p2,p3}".into(),
            },
            Kind::Heal,
            Kind::Round { n: 12 },
        ];
        let mut w = JsonWriter::default();
        for (k, kind) in kinds.into_iter().enumerate() {
            for (clock, preds) in [(None, vec![]), (Some((4, Vc::new())), vec![1, 22])] {
                let e = Event {
                    id: k as u64 + 1,
                    proc: Pid::full(0, 80, 0),
                    kind: kind.clone(),
                    time: 17,
                    clock,
                    preds: preds.into(),
                };
                let (fast, reference) = both_ways(&mut w, &e);
                assert_eq!(fast, reference);
            }
        }
    }

    #[test]
    fn the_fast_writer_fits_the_longest_pids() {
        let far = Pid::full(u32::MAX, u32::MAX, u32::MAX);
        let near = Pid::full(0, 80, 0);
        let vc: Vc = [(near, 3), (far, u64::MAX)].into_iter().collect();
        let e = Event {
            id: 7,
            proc: far,
            kind: Kind::Spawn { child: near },
            time: 2,
            clock: Some((9, vc)),
            preds: vec![5, 6].into(),
        };
        let (fast, reference) = both_ways(&mut JsonWriter::default(), &e);
        assert_eq!(fast, reference);
    }

    /// `e` written by `w` and by `json`.
    fn both_ways(w: &mut JsonWriter, e: &Event) -> (String, String) {
        let mut line = vec![];
        w.write(e, &mut line);
        (
            String::from_utf8(line).unwrap_or_default(),
            json(e).to_string(),
        )
    }

    /// An event of `proc` with `clock`, numbered `k`.
    fn crash(k: usize, proc: Pid, clock: Vc) -> Event {
        Event {
            id: k as u64,
            proc,
            kind: Kind::Crash,
            time: 0,
            clock: Some((k as u64, clock)),
            preds: vec![].into(),
        }
    }

    proptest::proptest! {
        /// One writer, many records: counts that grow (by a digit or
        /// not), stay, fall, and sets of processes that change between
        /// records, each line as `json` writes it alone.
        #[test]
        fn each_record_of_a_run_is_written_as_if_alone(
            clocks in proptest::collection::vec(
                proptest::collection::btree_map(0u32..40, 0u64..2000, 0..12), 1..30),
        ) {
            let mut w = JsonWriter::default();
            for (k, c) in clocks.iter().enumerate() {
                let vc: Vc = c.iter().map(|(p, n)| (Pid::full(0, *p, 0), *n)).collect();
                let (fast, reference) = both_ways(&mut w, &crash(k, Pid::full(0, 1, 0), vc));
                proptest::prop_assert_eq!(fast, reference);
            }
        }

        /// Big clocks that share chunks, as a run makes them: four
        /// processes each with a clock of many entries, which tick and
        /// merge each other's and are written after each step.
        #[test]
        fn records_of_big_clocks_that_share_chunks_are_written_as_if_alone(
            start in proptest::collection::vec(0u64..12, 40..90),
            steps in proptest::collection::vec((0usize..4, 0usize..4, 0u32..90, 0u64..5000), 1..60),
        ) {
            let base: Vc = start.iter().enumerate()
                .map(|(p, n)| (Pid::full(0, p as u32, 0), *n)).collect();
            let mut clocks = [base.clone(), base.clone(), base.clone(), base];
            let mut w = JsonWriter::default();
            for (k, (a, b, p, n)) in steps.iter().enumerate() {
                let other = clocks.get(*b).cloned().unwrap_or_default();
                let Some(c) = clocks.get_mut(*a) else { continue };
                match k % 3 {
                    0 => c.merge(&other),
                    1 => c.tick(Pid::full(0, *p, 0)),
                    _ => c.raise(Pid::full(0, *p, 0), *n),
                }
                let (fast, reference) = both_ways(&mut w, &crash(k, Pid::full(0, *p, 0), c.clone()));
                proptest::prop_assert_eq!(fast, reference);
            }
        }
    }
}
