//! Process exits, links, monitors, exit signals, and the built-ins that act
//! on other processes, as Erlang defines them: a normal exit signal is
//! ignored unless trapped, `kill` cannot be trapped and becomes `killed`,
//! a trapping process gets `{'EXIT', From, Reason}` messages, and monitors
//! deliver `{'DOWN', Ref, process, Pid, Reason}`.

use super::event::Kind;
use super::{tagged, Meta, Payload, Start, Status, World};
use crate::term::{atoms, Atom, Pid, Ref, Term};
use crate::vm::Exception;

fn is_normal(r: &Term) -> bool {
    matches!(r, Term::Atom(a) if *a == atoms::normal())
}

fn pid_arg(args: &[Term], i: usize) -> Result<Pid, Exception> {
    match args.get(i) {
        Some(Term::Pid(p)) => Ok(*p),
        _ => Err(Exception::badarg()),
    }
}

impl World {
    /// A process ends with `reason`: its links get exit signals, its
    /// watchers `'DOWN'` messages, its name is freed.
    pub(super) fn exit_process(&mut self, pid: Pid, reason: Term, crash: Option<Exception>) {
        if pid == super::MAIN_PID && self.main_result.is_none() {
            // Killed by a signal rather than ending on its own.
            self.main_result =
                Some(Err(crash.unwrap_or_else(|| {
                    Exception::new(crate::vm::Class::Exit, reason.clone())
                })));
        }
        self.process_event(
            pid,
            Kind::Exit {
                reason: reason.clone(),
            },
            None,
        );
        let Some(p) = self.procs.get_mut(&pid) else {
            return;
        };
        let links: Vec<Pid> = std::mem::take(&mut p.links).into_iter().collect();
        let watchers: Vec<(u64, Pid)> = std::mem::take(&mut p.watchers).into_iter().collect();
        // Marked ended at once (its exit signals below are its last
        // events, with its clocks, and no crash rule fires on them); it
        // moves to `exited` after them.
        self.unschedule(pid, Status::Exited(reason.clone()));
        self.registry.retain(|_, v| *v != pid);
        for l in links {
            if let Some(q) = self.procs.get_mut(&l) {
                q.links.remove(&pid);
            }
            self.send(pid, l, Payload::Exit(reason.clone()));
        }
        for (r, w) in watchers {
            if let Some(q) = self.procs.get_mut(&w) {
                q.watching.remove(&r);
            }
            let down = tagged(
                "DOWN",
                vec![
                    Term::Ref(Ref(r)),
                    Term::atom("process"),
                    Term::Pid(pid),
                    reason.clone(),
                ],
            );
            self.send(pid, w, Payload::Message(down));
        }
        self.retire(pid, &reason);
    }

    /// An exit signal from `from` arrives at `to`.
    pub(super) fn exit_signal(
        &mut self,
        from: Pid,
        to: Pid,
        reason: Term,
        kill: bool,
        id: u64,
        clock: (u64, super::Vc),
    ) {
        let Some(p) = self.procs.get(&to) else { return };
        if p.trap_exit && !kill {
            let msg = tagged("EXIT", vec![Term::Pid(from), reason]);
            let preds = self.send_event.get(&id).copied().into_iter().collect();
            self.push_event(to, Kind::Deliver { msg: id, to }, None, preds);
            self.enqueue(to, msg, Meta { id, clock });
            return;
        }
        if is_normal(&reason) && from != to {
            return;
        }
        self.process_event(
            to,
            Kind::Signal {
                from,
                reason: reason.clone(),
                msg: id,
            },
            Some(&clock),
        );
        let reason = if kill {
            Term::Atom(atoms::killed())
        } else {
            reason
        };
        self.exit_process(to, reason, None);
    }

    fn link(&mut self, pid: Pid, other: Pid) {
        if pid == other {
            return;
        }
        if self.is_alive(other) {
            if let Some(p) = self.procs.get_mut(&pid) {
                p.links.insert(other);
            }
            if let Some(q) = self.procs.get_mut(&other) {
                q.links.insert(pid);
            }
            self.process_event(pid, Kind::Link { other }, None);
        } else {
            // Linking to a dead process: an immediate `noproc` exit signal.
            let clock = self
                .procs
                .get(&pid)
                .map(|p| (p.lamport, p.vc.clone()))
                .unwrap_or_default();
            self.next_msg += 1;
            let id = self.next_msg;
            self.network.push(super::InFlight {
                id,
                from: other,
                to: pid,
                payload: Payload::Exit(Term::atom("noproc")),
                clock,
            });
        }
    }

    fn monitor(&mut self, pid: Pid, target: &Term) -> Result<Term, Exception> {
        let r = self.make_ref();
        let Term::Ref(Ref(id)) = r else {
            return Err(Exception::badarg());
        };
        let (watched, item) = match target {
            Term::Pid(p) => (Some(*p), Term::Pid(*p)),
            Term::Atom(a) => (
                self.registry.get(a).copied(),
                Term::tuple(vec![Term::Atom(*a), Term::atom("nonode@nohost")]),
            ),
            _ => return Err(Exception::badarg()),
        };
        match watched.filter(|w| self.is_alive(*w)) {
            Some(w) => {
                if let Some(q) = self.procs.get_mut(&w) {
                    q.watchers.insert(id, pid);
                }
                if let Some(p) = self.procs.get_mut(&pid) {
                    p.watching.insert(id, w);
                }
                self.process_event(pid, Kind::Monitor { other: w }, None);
            }
            None => {
                let down = tagged(
                    "DOWN",
                    vec![r.clone(), Term::atom("process"), item, Term::atom("noproc")],
                );
                let from = watched.unwrap_or(pid);
                let clock = self
                    .procs
                    .get(&pid)
                    .map(|p| (p.lamport, p.vc.clone()))
                    .unwrap_or_default();
                self.next_msg += 1;
                let mid = self.next_msg;
                self.network.push(super::InFlight {
                    id: mid,
                    from,
                    to: pid,
                    payload: Payload::Message(down),
                    clock,
                });
            }
        }
        Ok(r)
    }

    fn demonitor(&mut self, pid: Pid, r: &Term, flush: bool) -> Result<Term, Exception> {
        let Term::Ref(Ref(id)) = r else {
            return Err(Exception::badarg());
        };
        let watched = self.procs.get_mut(&pid).and_then(|p| p.watching.remove(id));
        if let Some(w) = watched {
            if let Some(q) = self.procs.get_mut(&w) {
                q.watchers.remove(id);
            }
        }
        if flush {
            let is_down = |t: &Term| matches!(t, Term::Tuple(x) if x.first().is_some_and(|a| a.is_atom("DOWN")) && x.get(1) == Some(r));
            self.network.retain(|m| {
                !(m.to == pid && matches!(&m.payload, Payload::Message(t) if is_down(t)))
            });
            if let Some(p) = self.procs.get_mut(&pid) {
                let keep: Vec<bool> = p.process.mailbox.iter().map(|t| !is_down(t)).collect();
                let mut k = keep.iter();
                p.process.mailbox.retain(|_| *k.next().unwrap_or(&true));
                let mut k = keep.iter();
                p.meta.retain(|_| *k.next().unwrap_or(&true));
            }
        }
        Ok(Term::bool(true))
    }

    fn spawn_with(
        &mut self,
        pid: Pid,
        args: &[Term],
        link: bool,
        monitor: bool,
    ) -> Result<Term, Exception> {
        let start = match args {
            [f] => Start::Fun(f.clone()),
            [Term::Atom(m), Term::Atom(f), a] => {
                let a = a.list_to_vec().ok_or_else(Exception::badarg)?;
                match self.code.export(*m, *f, a.len() as u32) {
                    Some((md, i)) => Start::Call(md, i, a),
                    // A built-in or an undefined function: the new process
                    // applies it, and crashes with `undef` if it does not exist.
                    None => {
                        let boot =
                            self.code
                                .export(Atom::new("pidlab_boot"), Atom::new("apply"), 3);
                        let (md, i) = boot.ok_or_else(Exception::badarg)?;
                        Start::Call(md, i, vec![Term::Atom(*m), Term::Atom(*f), Term::list(a)])
                    }
                }
            }
            _ => return Err(Exception::badarg()),
        };
        let child = self.spawn_process(Some(pid), start)?;
        self.process_event(pid, Kind::Spawn { child }, None);
        // The child starts from its parent's spawn event.
        let parent_clock = self.procs.get(&pid).map(|p| (p.lamport, p.vc.clone()));
        if let (Some(c), Some((l, vc))) = (self.procs.get_mut(&child), parent_clock) {
            c.lamport = l;
            c.vc = vc;
        }
        if link {
            if let Some(c) = self.procs.get_mut(&child) {
                c.links.insert(pid);
            }
            if let Some(p) = self.procs.get_mut(&pid) {
                p.links.insert(child);
            }
        }
        if monitor {
            let r = self.monitor(pid, &Term::Pid(child))?;
            return Ok(Term::tuple(vec![Term::Pid(child), r]));
        }
        Ok(Term::Pid(child))
    }

    /// Performs a built-in that acts on the world. `Ok(None)` leaves the
    /// process waiting (`timer:sleep`).
    pub(super) fn world_bif(
        &mut self,
        pid: Pid,
        module: Atom,
        function: Atom,
        args: &[Term],
    ) -> Result<Option<Term>, Exception> {
        let v = match (module.name(), function.name(), args) {
            ("erlang", "spawn", _) => self.spawn_with(pid, args, false, false)?,
            ("erlang", "spawn_link", _) => self.spawn_with(pid, args, true, false)?,
            ("erlang", "spawn_monitor", _) => self.spawn_with(pid, args, false, true)?,
            ("erlang", "link", [_]) => {
                let other = pid_arg(args, 0)?;
                let trapping = self.procs.get(&pid).is_some_and(|p| p.trap_exit);
                if !self.is_alive(other) && !trapping && other != pid {
                    // As on one node in OTP 25: a process not trapping exits
                    // fails at once; a trapping one gets {'EXIT', P, noproc}.
                    return Err(Exception::error(Term::atom("noproc")));
                }
                self.link(pid, other);
                Term::bool(true)
            }
            ("erlang", "unlink", [_]) => {
                let other = pid_arg(args, 0)?;
                if let Some(p) = self.procs.get_mut(&pid) {
                    p.links.remove(&other);
                }
                if let Some(q) = self.procs.get_mut(&other) {
                    q.links.remove(&pid);
                }
                self.process_event(pid, Kind::Unlink { other }, None);
                Term::bool(true)
            }
            ("erlang", "monitor", [kind, target]) if kind.is_atom("process") => {
                self.monitor(pid, target)?
            }
            ("erlang", "demonitor", [r]) => self.demonitor(pid, r, false)?,
            ("erlang", "demonitor", [r, opts]) => {
                let flush = opts.iter_list().any(|o| o.is_atom("flush"));
                self.demonitor(pid, r, flush)?
            }
            ("erlang", "exit", [to, reason]) => {
                let target = self.resolve(to).ok_or_else(Exception::badarg)?;
                let payload = if reason.is_atom("kill") {
                    Payload::Kill
                } else {
                    Payload::Exit(reason.clone())
                };
                if target == pid {
                    // A signal to oneself takes effect at once.
                    self.send(pid, pid, payload);
                    let id = self.next_msg;
                    self.deliver(id);
                    return Ok(Some(Term::bool(true)));
                }
                self.send(pid, target, payload);
                Term::bool(true)
            }
            ("erlang", "process_flag", [flag, value]) if flag.is_atom("trap_exit") => {
                let b = value.as_bool().ok_or_else(Exception::badarg)?;
                let p = self.procs.get_mut(&pid).ok_or_else(Exception::badarg)?;
                let old = p.trap_exit;
                p.trap_exit = b;
                Term::bool(old)
            }
            ("erlang", "register", [Term::Atom(name), Term::Pid(p)]) => {
                // A recovered process takes back its own name.
                let taken_back = *p == pid
                    && self.registry.get(name) == Some(p)
                    && self.kept_names.remove(&(pid, *name)).is_some();
                if !taken_back && self.registry.contains_key(name)
                    || !self.is_alive(*p)
                    || (!taken_back && self.registry.values().any(|v| v == p))
                    || name.name() == "undefined"
                {
                    return Err(Exception::badarg());
                }
                self.registry.insert(*name, *p);
                self.process_event(
                    pid,
                    Kind::Register {
                        name: name.name().to_string(),
                        pid: *p,
                    },
                    None,
                );
                Term::bool(true)
            }
            ("erlang", "unregister", [Term::Atom(name)]) => {
                self.registry.remove(name).ok_or_else(Exception::badarg)?;
                Term::bool(true)
            }
            ("erlang", "whereis", [Term::Atom(name)]) => match self.registry.get(name) {
                Some(p) => Term::Pid(*p),
                None => Term::Atom(atoms::undefined()),
            },
            ("erlang", "registered", []) => Term::list(
                self.registry
                    .keys()
                    .map(|a| Term::Atom(*a))
                    .collect::<Vec<_>>(),
            ),
            ("erlang", "get_module_info", [Term::Atom(m), Term::Atom(what)])
                if what.name() == "exports" =>
            {
                let md = self.code.get(*m).ok_or_else(Exception::badarg)?;
                Term::list(
                    md.exports
                        .keys()
                        .map(|(f, a)| Term::tuple(vec![Term::Atom(*f), Term::Int(i64::from(*a))]))
                        .collect::<Vec<_>>(),
                )
            }
            ("erlang", "is_process_alive", [_]) => Term::bool(self.is_alive(pid_arg(args, 0)?)),
            ("erlang", "send", [to, msg]) => {
                let dest = self.resolve(to).ok_or_else(Exception::badarg)?;
                self.send(pid, dest, Payload::Message(msg.clone()));
                msg.clone()
            }
            ("erlang", "send_after", [Term::Int(t), to, msg]) if *t >= 0 => {
                self.add_timer(pid, *t as u64, to, |_| msg.clone())
            }
            ("timer", "sleep", [t]) => {
                // `infinity` never wakes, as in erl: no deadline at all.
                let deadline = match t {
                    Term::Int(ms) if *ms >= 0 => Some(self.time.saturating_add(*ms as u64)),
                    t if t.is_atom("infinity") => None,
                    _ => return Err(Exception::error(Term::atom("function_clause"))),
                };
                self.set_status(
                    pid,
                    Status::Waiting {
                        deadline,
                        sleeping: true,
                    },
                );
                return Ok(None);
            }
            ("erlang", "process_info", _) => self.process_info(pid, args)?,
            ("erlang", "start_timer", _) => self.start_timer(pid, args)?,
            ("erlang", "cancel_timer", _) => self.timer_op(true, args)?,
            ("erlang", "read_timer", _) => self.timer_op(false, args)?,
            ("erlang", "function_exported", _) => self.function_exported(args)?,
            ("erlang", "system_info", _) => self.system_info(args)?,
            ("erlang", "statistics", _) => {
                self.clock_read = true;
                self.statistics(args)?
            }
            ("erlang", "halt", _) => return self.halt(pid, args),
            ("pidlab", "choose", [options]) => {
                let items = options
                    .list_to_vec()
                    .filter(|v| !v.is_empty())
                    .ok_or_else(Exception::badarg)?;
                if let [only] = items.as_slice() {
                    return Ok(Some(only.clone()));
                }
                // The answer comes with a `Choose` choice.
                if let Some(p) = self.procs.get_mut(&pid) {
                    p.options = items;
                }
                self.set_status(pid, Status::Choosing);
                return Ok(None);
            }
            ("pidlab", "idle", []) => {
                if let Some(p) = self.procs.get_mut(&pid) {
                    p.idle = true;
                }
                Term::ok()
            }
            // The process's clocks as pidlab keeps them (the vector clock is
            // empty when the run does not track vector clocks).
            ("pidlab", "lamport", []) => {
                Term::Int(self.procs.get(&pid).map_or(0, |p| p.lamport) as i64)
            }
            ("pidlab", "vc", []) => {
                let mut m = crate::term::TermMap::default();
                if let Some(p) = self.procs.get(&pid) {
                    for (q, n) in p.vc.iter() {
                        crate::term::map_set(&mut m, Term::Pid(*q), Term::Int(*n as i64));
                    }
                }
                Term::Map(std::rc::Rc::new(m))
            }
            ("pidlab", "emit", [t]) => {
                self.process_event(pid, Kind::Emit { term: t.clone() }, None);
                Term::ok()
            }
            _ => return Err(Exception::badarg()),
        };
        Ok(Some(v))
    }
}
