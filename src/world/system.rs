//! The world built-ins about timers and the system as a whole:
//! `erlang:start_timer/3`, `cancel_timer/1,2`, `read_timer/1,2`,
//! `function_exported/3`, `system_info/1` and `statistics/1`. All of them
//! read the world's virtual state: `statistics(runtime)` is always zero
//! (computing takes no virtual time), `wall_clock` is the virtual clock and
//! `reductions` pidlab's own count, each with the change since the
//! previous call; `system_info` describes a one-scheduler OTP 25 node.

use super::{Timer, World};
use crate::term::{Pid, Ref, Term};
use crate::vm::Exception;

fn pair(a: u64, b: u64) -> Term {
    let int = |n: u64| Term::Int(i64::try_from(n).unwrap_or(i64::MAX));
    Term::tuple(vec![int(a), int(b)])
}

impl World {
    /// `start_timer(Time, Dest, Msg)`: `{timeout, TimerRef, Msg}` is sent
    /// to Dest after Time milliseconds.
    pub(super) fn start_timer(&mut self, from: Pid, args: &[Term]) -> Result<Term, Exception> {
        let [Term::Int(t), to, msg] = args else {
            return Err(Exception::badarg());
        };
        if *t < 0 || !matches!(to, Term::Pid(_) | Term::Atom(_)) {
            return Err(Exception::badarg());
        }
        Ok(self.add_timer(from, *t as u64, to, |r| {
            Term::tuple(vec![Term::atom("timeout"), r.clone(), msg.clone()])
        }))
    }

    /// Sets a timer that sends `msg(ref)` from `from` to `to` after `delay`
    /// virtual milliseconds; gives the timer's reference.
    pub(super) fn add_timer(
        &mut self,
        from: Pid,
        delay: u64,
        to: &Term,
        msg: impl FnOnce(&Term) -> Term,
    ) -> Term {
        let r = self.make_ref();
        let id = match r {
            Term::Ref(Ref(id)) => id,
            _ => 0,
        };
        self.timers.push(Timer {
            id,
            at: self.time.saturating_add(delay),
            from,
            to: to.clone(),
            msg: msg(&r),
        });
        r
    }

    /// `cancel_timer/1,2` and `read_timer/1,2`: the milliseconds left, or
    /// `false` for a timer that fired or never was. `{info, false}`
    /// answers `ok`; `{async, true}` is accepted and answers at once.
    pub(super) fn timer_op(&mut self, cancel: bool, args: &[Term]) -> Result<Term, Exception> {
        let Some(Term::Ref(Ref(id))) = args.first() else {
            return Err(Exception::badarg());
        };
        let info = match args.get(1) {
            None => true,
            Some(opts) if opts.list_len().is_some() => !opts.iter_list().any(|o| {
                matches!(o, Term::Tuple(t)
                    if t.len() == 2 && t.first().is_some_and(|k| k.is_atom("info"))
                        && t.get(1).is_some_and(|v| v.is_atom("false")))
            }),
            Some(_) => return Err(Exception::badarg()),
        };
        let left = match self.timers.iter().position(|t| t.id == *id) {
            Some(i) => {
                let at = self.timers.get(i).map_or(self.time, |t| t.at);
                if cancel {
                    self.timers.remove(i);
                }
                Term::Int(i64::try_from(at.saturating_sub(self.time)).unwrap_or(i64::MAX))
            }
            None => Term::bool(false),
        };
        Ok(if info { left } else { Term::ok() })
    }

    /// `function_exported(M, F, A)`: a loaded module exports it, or it is
    /// a built-in.
    pub(super) fn function_exported(&self, args: &[Term]) -> Result<Term, Exception> {
        let [Term::Atom(m), Term::Atom(f), Term::Int(a)] = args else {
            return Err(Exception::badarg());
        };
        let Ok(arity) = usize::try_from(*a) else {
            return Err(Exception::badarg());
        };
        let exported = self.code.get(*m).is_some_and(|md| {
            md.exports
                .keys()
                .any(|(ef, ea)| ef == f && *ea as usize == arity)
        }) || crate::bif::lookup(m.name(), f.name(), arity).is_some()
            || crate::bif::world_bif(m.name(), f.name(), arity);
        Ok(Term::bool(exported))
    }

    pub(super) fn system_info(&self, args: &[Term]) -> Result<Term, Exception> {
        let Some(Term::Atom(item)) = args.first() else {
            return Err(Exception::badarg());
        };
        Ok(match item.name() {
            "process_count" => Term::Int(self.procs.len() as i64),
            "process_limit" => Term::Int(self.limits.max_procs as i64),
            "otp_release" => Term::string("25"),
            "version" => Term::string("13.1.5"),
            "machine" => Term::string("BEAM"),
            "schedulers"
            | "schedulers_online"
            | "logical_processors"
            | "logical_processors_online"
            | "logical_processors_available" => Term::Int(1),
            "wordsize" => Term::Int(8),
            "smp_support" | "threads" => Term::bool(true),
            _ => return Err(Exception::badarg()),
        })
    }

    pub(super) fn statistics(&mut self, args: &[Term]) -> Result<Term, Exception> {
        let Some(Term::Atom(item)) = args.first() else {
            return Err(Exception::badarg());
        };
        let (wall, reds) = self.stats_since;
        Ok(match item.name() {
            "runtime" => pair(0, 0),
            "wall_clock" => {
                self.stats_since.0 = self.time;
                pair(self.time, self.time - wall)
            }
            "reductions" => {
                self.stats_since.1 = self.reductions;
                pair(self.reductions, self.reductions.saturating_sub(reds))
            }
            "run_queue" | "total_run_queue_lengths" | "total_active_tasks" => Term::Int(0),
            _ => return Err(Exception::badarg()),
        })
    }
}
