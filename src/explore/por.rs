//! The explorer's partial-order reduction: which steps commute, the
//! single step a state may explore alone (a persistent set of one), and
//! sleep sets, which keep the search from taking two commuting steps in
//! both orders. ARCHITECTURE.md, "The explorer's reduction", says why
//! each is sound.

use crate::term::Pid;
use crate::world::event::{Event, Kind};
use crate::world::{Choice, World};

/// Whether the step `c` from `before` (giving `after` and `events`)
/// commutes with every step another process or the network can take
/// before it, and is invisible to properties: a process's own step that
/// reads and changes only its own state and appends messages to the
/// network, without emitting. See ARCHITECTURE.md, "The explorer's
/// reduction", for why this is sound.
pub(super) fn independent(before: &World, after: &World, c: &Choice, events: &[Event]) -> bool {
    let Choice::Run(p) = c else {
        return false;
    };
    let p = *p;
    if after.shared || before.crash_odds(p) > 0.0 {
        return false;
    }
    if !own_events(p, events) {
        return false;
    }
    match after.process(p).map(|x| &x.status) {
        Some(crate::world::Status::Runnable | crate::world::Status::Choosing) => true,
        // A step that only blocks in `receive`: see ARCHITECTURE.md.
        Some(crate::world::Status::Waiting {
            sleeping: false, ..
        }) => events.is_empty(),
        // An end nobody can notice: no links or monitors, and no other
        // process can name it.
        Some(crate::world::Status::Exited(_)) => {
            before.procs.get(&p).is_some_and(|x| {
                x.links.is_empty() && x.watchers.is_empty() && x.watching.is_empty()
            }) && !after.pid_known(p)
        }
        _ => false,
    }
}

/// Whether every one of a step's `events` is process `p`'s own and
/// touches nothing else: a send (it appends to the network), a receive,
/// output, or a normal end.
fn own_events(p: Pid, events: &[Event]) -> bool {
    events.iter().all(|e| {
        e.proc == p
            && match &e.kind {
                Kind::Send { .. } | Kind::Receive { .. } | Kind::Output { .. } => true,
                Kind::Exit { reason } => reason.is_atom("normal"),
                _ => false,
            }
    })
}

/// The process whose `pidlab:choose/1` options the reduction explores
/// first, if one waits in it (and cannot crash).
pub(super) fn chooser(w: &World, enabled: &[Choice]) -> Option<Pid> {
    enabled.iter().find_map(|c| match c {
        Choice::Choose(p, _) if w.crash_odds(*p) == 0.0 => Some(*p),
        _ => None,
    })
}

/// Whether `c` may be a step the reduction takes alone: a process's own
/// step, or a delivery nothing else can race with.
pub(super) fn local_candidate(w: &World, c: &Choice) -> bool {
    matches!(c, Choice::Run(_)) || matches!(c, Choice::Deliver(m) if lone_delivery(w, *m))
}

/// The step the reduction would take alone from `w` if the states after
/// it are unexplored, as `Search::successors` picks it: none where a
/// process chooses or nothing can happen.
pub(super) fn next_alone(w: &World) -> Option<(Choice, Box<World>, Vec<Event>)> {
    let enabled = w.enabled();
    if chooser(w, &enabled).is_some() || !enabled.iter().any(|c| !c.is_fault()) {
        return None;
    }
    enabled
        .iter()
        .filter(|c| local_candidate(w, c))
        .find_map(|c| match try_local(w, c) {
            (next, ev, true) => Some((c.clone(), next, ev)),
            _ => None,
        })
}

/// Takes `c`, a `local_candidate`, from a copy of `w`: the world after it,
/// its events, and whether the reduction may take it alone (a lone
/// delivery always may; a process's step when it is `independent`).
pub(super) fn try_local(w: &World, c: &Choice) -> (Box<World>, Vec<Event>, bool) {
    let mut next = Box::new(w.clone());
    let ev = next.apply(c);
    let alone = matches!(c, Choice::Deliver(_)) || independent(w, &next, c, &ev);
    (next, ev, alone)
}

/// Whether delivering message `id` commutes with everything that can
/// happen before it: on FIFO links, with no fault possible for it, to a
/// receiver that waits in `receive` with no timeout (or has ended), when
/// no other message for the receiver is in flight and no process but the
/// sender (whose later messages queue behind this one) and the receiver
/// can name the receiver.
pub(super) fn lone_delivery(w: &World, id: u64) -> bool {
    let Some(m) = w.network.get(id) else {
        return false;
    };
    if !matches!(m.payload, crate::world::Payload::Message(_))
        || w.faults.net != crate::world::faults::LinkModel::Erlang
        || w.odds(id) != crate::world::Odds::default()
        || w.faults.partition.is_some()
    {
        return false;
    }
    let waiting = match w.procs.get(&m.to).map(|p| &p.status) {
        Some(crate::world::Status::Waiting {
            deadline: None,
            sleeping: false,
        }) => w.crash_odds(m.to) == 0.0,
        Some(_) => false,
        None => true,
    };
    waiting
        && !w.network.iter().any(|o| o.to == m.to && o.from != m.from)
        && !w.pid_known_except(m.to, &[m.from])
}

/// A step asleep at a state: one the search need not take there, because
/// an execution that takes it is the same, up to the order of commuting
/// steps, as one explored elsewhere. Named by what it does rather than by
/// a message id, so that it names the same step in every world with the
/// same fingerprint: a process's step, a process's option, or the oldest
/// message on a sender/receiver pair (only FIFO links name a message so).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Sleeper {
    Run(Pid),
    Choose(Pid, u32),
    Deliver { from: Pid, to: Pid },
}

impl Sleeper {
    /// The one process whose state the step reads and changes.
    pub(super) fn touches(self) -> Pid {
        match self {
            Sleeper::Run(p) | Sleeper::Choose(p, _) | Sleeper::Deliver { to: p, .. } => p,
        }
    }
}

/// A sleep set, sorted, without repeats.
pub(super) type Sleep = Box<[Sleeper]>;

/// The name of choice `c` in world `w` as a sleeper, if it can have one.
pub(super) fn name(w: &World, c: &Choice) -> Option<Sleeper> {
    match c {
        Choice::Run(p) => Some(Sleeper::Run(*p)),
        Choice::Choose(p, i) => Some(Sleeper::Choose(*p, *i)),
        Choice::Deliver(id) => {
            let m = w.network.get(*id)?;
            let fifo = w.faults.net == crate::world::faults::LinkModel::Erlang;
            (fifo && matches!(m.payload, crate::world::Payload::Message(_))).then_some(
                Sleeper::Deliver {
                    from: m.from,
                    to: m.to,
                },
            )
        }
        _ => None,
    }
}

/// The one process the step `c` from a world (giving `after` and
/// `events`) touches, when it commutes with every step of another
/// process, and with every delivery to another process, wherever both
/// are enabled: a process's step that reads and changes only its own
/// state, sends by pid and emits nothing (`independent` without its
/// conditions on what may come later), an option given to a process, or
/// a message delivered on a FIFO link (it moves the message into the
/// receiver's mailbox). `None`: the step may depend on anything (a fault,
/// a timeout, a spawn, a link, an emit...). What it reads of the world
/// before the step is given: the step's `name` there, and whether the
/// plan has a partition (so the step may have been taken in that world).
pub(super) fn footprint(
    name: Option<Sleeper>,
    partitioned: bool,
    after: &World,
    c: &Choice,
    events: &[Event],
) -> Option<Pid> {
    match c {
        Choice::Run(p) | Choice::Choose(p, _) => {
            (!after.shared && own_events(*p, events)).then_some(*p)
        }
        Choice::Deliver(_) if !partitioned => name.map(Sleeper::touches),
        _ => None,
    }
}

/// The sleep set after a step that touches `touched` (`footprint`):
/// the sleepers that commute with it stay asleep.
pub(super) fn after(sleep: &[Sleeper], touched: Option<Pid>) -> Sleep {
    match touched {
        Some(p) => sleep.iter().copied().filter(|s| s.touches() != p).collect(),
        None => Box::default(),
    }
}

/// Whether `s` is asleep in `sleep`.
pub(super) fn asleep(sleep: &[Sleeper], s: Sleeper) -> bool {
    sleep.binary_search(&s).is_ok()
}

/// Whether every sleeper of `a` is in `b`.
pub(super) fn subset(a: &[Sleeper], b: &[Sleeper]) -> bool {
    a.iter().all(|s| asleep(b, *s))
}

/// The sleepers of `a` that are in `b` (`keep`) or not in `b`.
pub(super) fn filter(a: &[Sleeper], b: &[Sleeper], keep: bool) -> Sleep {
    a.iter()
        .copied()
        .filter(|s| asleep(b, *s) == keep)
        .collect()
}

/// Adds `s` to a sorted sleep set.
pub(super) fn insert(sleep: &mut Vec<Sleeper>, s: Sleeper) {
    if let Err(i) = sleep.binary_search(&s) {
        sleep.insert(i, s);
    }
}
