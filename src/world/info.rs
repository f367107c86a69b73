//! `erlang:process_info/1,2` for the items students look at, and
//! `erlang:halt/0,1,2`, which ends the whole run with an exit status.
//! A process that has ended has no information: `undefined`, as in erl.
//! An item pidlab does not keep (heap sizes, current function, ...) is
//! badarg, as an unknown item is in erl.

use super::{Status, World};
use crate::term::{atoms, Pid, Term};
use crate::vm::Exception;

/// The items `process_info/2` answers.
const ITEMS: &[&str] = &[
    "registered_name",
    "status",
    "message_queue_len",
    "messages",
    "links",
    "dictionary",
    "trap_exit",
    "monitors",
    "monitored_by",
    "priority",
    "reductions",
];

/// What `process_info/1` lists, in erl's order (`registered_name` only
/// when there is one).
const DEFAULT: &[&str] = &[
    "registered_name",
    "status",
    "message_queue_len",
    "links",
    "dictionary",
    "trap_exit",
    "priority",
    "reductions",
];

fn item_name(t: &Term) -> Result<&'static str, Exception> {
    match t {
        Term::Atom(a) => ITEMS
            .iter()
            .find(|i| **i == a.name())
            .copied()
            .ok_or_else(Exception::badarg),
        _ => Err(Exception::badarg()),
    }
}

fn pids(ps: impl Iterator<Item = Pid>) -> Term {
    Term::list(ps.map(Term::Pid).collect::<Vec<_>>())
}

impl World {
    pub(super) fn process_info(&self, caller: Pid, args: &[Term]) -> Result<Term, Exception> {
        let Some(Term::Pid(pid)) = args.first() else {
            return Err(Exception::badarg());
        };
        let items: Vec<&str> = match args.get(1) {
            None => DEFAULT.to_vec(),
            Some(one @ Term::Atom(_)) => vec![item_name(one)?],
            Some(list) => list
                .list_to_vec()
                .ok_or_else(Exception::badarg)?
                .iter()
                .map(item_name)
                .collect::<Result<_, _>>()?,
        };
        if !self.is_alive(*pid) {
            return Ok(Term::Atom(atoms::undefined()));
        }
        let name = self.registered_name(*pid).map(Term::Atom);
        let pairs: Vec<Term> = items
            .iter()
            .filter(|i| args.len() > 1 || **i != "registered_name" || name.is_some())
            .map(|i| {
                let v = self.info_item(caller, *pid, i, name.clone());
                Term::tuple(vec![Term::atom(i), v])
            })
            .collect();
        Ok(match args.get(1) {
            Some(Term::Atom(_)) => match (items.first(), &name) {
                (Some(&"registered_name"), None) => Term::Nil,
                _ => pairs.into_iter().next().unwrap_or(Term::Nil),
            },
            _ => Term::list(pairs),
        })
    }

    fn info_item(&self, caller: Pid, pid: Pid, item: &str, name: Option<Term>) -> Term {
        let Some(p) = self.procs.get(&pid) else {
            return Term::Atom(atoms::undefined());
        };
        match item {
            "registered_name" => name.unwrap_or(Term::Nil),
            "status" => Term::atom(match p.status {
                _ if pid == caller => "running",
                Status::Runnable => "runnable",
                Status::Waiting { .. } | Status::Idle | Status::Choosing => "waiting",
                Status::Exited(_) => "exiting",
            }),
            "message_queue_len" => Term::Int(p.process.mailbox.len() as i64),
            "messages" => Term::list(p.process.mailbox.iter().cloned().collect::<Vec<_>>()),
            "links" => pids(p.links.iter().copied()),
            "dictionary" => Term::list(
                p.process
                    .dict
                    .iter()
                    .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
                    .collect::<Vec<_>>(),
            ),
            "trap_exit" => Term::bool(p.trap_exit),
            "monitors" => Term::list(
                p.watching
                    .values()
                    .map(|w| Term::tuple(vec![Term::atom("process"), Term::Pid(*w)]))
                    .collect::<Vec<_>>(),
            ),
            "monitored_by" => pids(p.watchers.values().copied()),
            "priority" => Term::atom("normal"),
            "reductions" => Term::Int(i64::try_from(p.process.reductions).unwrap_or(i64::MAX)),
            _ => Term::Atom(atoms::undefined()),
        }
    }

    /// `halt/0,1,2`: the run ends with this status (taken modulo 256, as the
    /// operating system does); nothing runs after it.
    pub(super) fn halt(&mut self, pid: Pid, args: &[Term]) -> Result<Option<Term>, Exception> {
        let status = match args.first() {
            None => 0,
            Some(Term::Int(n)) if *n >= 0 => (*n % 256) as u8,
            Some(_) => return Err(Exception::badarg()),
        };
        self.halted = Some(status);
        self.set_status(
            pid,
            Status::Waiting {
                deadline: None,
                sleeping: true,
            },
        );
        Ok(None)
    }
}
