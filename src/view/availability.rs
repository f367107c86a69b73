//! Availability measured on a run: the fraction of virtual time a
//! service was up. The service is a set of processes (its replicas), up
//! while at least `quorum` of them are up; a process is up from its spawn
//! until it crashes or ends, and again from a recovery.

use super::trace::Trace;
use crate::term::Pid;
use std::fmt::Write;

/// Up time and outages of one process or of the service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uptime {
    pub up_ms: u64,
    pub outages: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Availability {
    pub procs: Vec<Pid>,
    pub quorum: usize,
    /// The time measured over, from 0.
    pub total_ms: u64,
    pub service: Uptime,
    pub each: Vec<Uptime>,
}

/// When each of `procs` goes up (true) or down (false), in time order.
fn changes(t: &Trace, p: Pid) -> Vec<(u64, bool)> {
    let mut out = vec![];
    let main = t.procs.first() == Some(&p)
        && !t
            .events
            .iter()
            .any(|e| e.kind == "spawn" && e.child == Some(p));
    if main {
        out.push((0, true));
    }
    for e in &t.events {
        if e.kind == "spawn" && e.child == Some(p) {
            out.push((e.time, true));
        }
        if e.proc != p {
            continue;
        }
        match e.kind.as_str() {
            "crash" | "exit" | "exit_signal" => out.push((e.time, false)),
            "recover" => out.push((e.time, true)),
            _ => {}
        }
    }
    out
}

/// Adds `span` of up time to every process that is up, and to the
/// service if it is.
fn credit(span: u64, up: &[bool], service_up: bool, each: &mut [Uptime], service: &mut Uptime) {
    for (u, e) in up.iter().zip(each.iter_mut()) {
        if *u {
            e.up_ms += span;
        }
    }
    if service_up {
        service.up_ms += span;
    }
}

/// Measures the service made of `procs` over `[0, end)`.
pub fn measure(t: &Trace, procs: &[Pid], quorum: usize, end: u64) -> Availability {
    let per: Vec<Vec<(u64, bool)>> = procs.iter().map(|p| changes(t, *p)).collect();
    let mut points: Vec<(u64, usize, bool)> = per
        .iter()
        .enumerate()
        .flat_map(|(i, cs)| cs.iter().map(move |(time, up)| (*time, i, *up)))
        .filter(|(time, _, _)| *time <= end)
        .collect();
    // Stable by time: events at one instant apply in trace order.
    points.sort_by_key(|(time, _, _)| *time);
    let mut up = vec![false; procs.len()];
    let mut each = vec![
        Uptime {
            up_ms: 0,
            outages: 0,
        };
        procs.len()
    ];
    let mut service = Uptime {
        up_ms: 0,
        outages: 0,
    };
    // An outage counts when it lasts: a process (or the service) that goes
    // down and up again at one instant was not out.
    let mut now = 0;
    let mut service_up = false;
    let mut service_down_since: Option<u64> = Some(0);
    let mut down_since: Vec<Option<u64>> = vec![Some(0); procs.len()];
    let count = |up: &[bool]| up.iter().filter(|u| **u).count();
    let close = |since: &mut Option<u64>, at: u64, outages: &mut usize, first: bool| {
        if let Some(s) = since.take() {
            // Not being up yet at the start is not an outage.
            if at > s && !(first && s == 0) {
                *outages += 1;
            }
        }
    };
    let mut started = vec![false; procs.len()];
    let mut service_started = false;
    for (time, i, goes_up) in points {
        credit(
            time.saturating_sub(now),
            &up,
            service_up,
            &mut each,
            &mut service,
        );
        now = time;
        if let (Some(u), Some(e), Some(since), Some(st)) = (
            up.get_mut(i),
            each.get_mut(i),
            down_since.get_mut(i),
            started.get_mut(i),
        ) {
            if *u && !goes_up {
                *since = Some(time);
            }
            if !*u && goes_up {
                close(since, time, &mut e.outages, !*st);
                *st = true;
            }
            *u = goes_up;
        }
        let now_up = count(&up) >= quorum.max(1);
        if service_up && !now_up {
            service_down_since = Some(time);
        }
        if !service_up && now_up {
            close(
                &mut service_down_since,
                time,
                &mut service.outages,
                !service_started,
            );
            service_started = true;
        }
        service_up = now_up;
    }
    credit(
        end.saturating_sub(now),
        &up,
        service_up,
        &mut each,
        &mut service,
    );
    for ((since, e), st) in down_since.iter_mut().zip(each.iter_mut()).zip(&started) {
        if *st {
            close(since, end, &mut e.outages, false);
        }
    }
    if service_started {
        close(&mut service_down_since, end, &mut service.outages, false);
    }
    Availability {
        procs: procs.to_vec(),
        quorum: quorum.max(1),
        total_ms: end,
        service,
        each,
    }
}

fn percent(up: u64, total: u64) -> f64 {
    if total == 0 {
        100.0
    } else {
        up as f64 * 100.0 / total as f64
    }
}

fn outages(u: &Uptime, total: u64) -> String {
    let down = total.saturating_sub(u.up_ms);
    match (down, u.outages) {
        (0, _) => String::new(),
        (d, 1) => format!("  down {d} ms in 1 outage"),
        (d, n) => format!("  down {d} ms in {n} outages"),
    }
}

impl Availability {
    /// The report for people.
    pub fn text(&self, t: &Trace) -> String {
        let names: Vec<String> = self.procs.iter().map(|p| t.proc_name(*p)).collect();
        let mut out = format!(
            "availability of {} (up while at least {} of {} {} up), over {} ms of virtual time:\n",
            names.join(", "),
            self.quorum,
            self.procs.len(),
            if self.quorum == 1 { "is" } else { "are" },
            self.total_ms
        );
        let a = percent(self.service.up_ms, self.total_ms);
        let nines = if self.service.up_ms >= self.total_ms {
            "no downtime".to_string()
        } else {
            format!("{:.1} nines", -(1.0 - a / 100.0).log10())
        };
        let _ = writeln!(
            out,
            "  {:<8} {:>8.3}%  ({nines}){}",
            "service",
            a,
            outages(&self.service, self.total_ms)
        );
        for (name, u) in names.iter().zip(&self.each) {
            let _ = writeln!(
                out,
                "  {:<8} {:>8.3}%{}",
                name,
                percent(u.up_ms, self.total_ms),
                outages(u, self.total_ms)
            );
        }
        out
    }
}

/// Reads `p2,p3,server` against the trace's processes.
pub fn procs_named(t: &Trace, names: &str) -> Result<Vec<Pid>, String> {
    names
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| t.find_proc(s.trim()))
        .collect()
}
