//! Time as a program sees it: the world's virtual clock, which starts at 0
//! and moves only when every process waits (`after`, `timer:sleep`). So
//! `erlang:monotonic_time/0,1`, `system_time/0,1`, `timestamp/0` and
//! `os:timestamp/0` are deterministic; computing takes no time at all.
//! The native unit is the nanosecond, as on Linux. `now/0`, `date/0`,
//! `time/0`, `localtime/0` and `universaltime/0` count from 1970-01-01
//! 00:00:00 UTC, which is also the local time.

use super::{BifCtx, BifFn};
use crate::term::Term;
use crate::vm::Exception;

type R = Result<Term, Exception>;

/// Units per second of a time unit term, as `erlang:convert_time_unit/3`
/// names them.
fn per_second(unit: &Term) -> Option<i64> {
    match unit {
        Term::Atom(a) => match a.name() {
            "second" | "seconds" => Some(1),
            "millisecond" | "milli_seconds" => Some(1_000),
            "microsecond" | "micro_seconds" => Some(1_000_000),
            "nanosecond" | "nano_seconds" | "native" => Some(1_000_000_000),
            "perf_counter" => Some(1_000_000_000),
            _ => None,
        },
        Term::Int(n) if *n > 0 => Some(*n),
        _ => None,
    }
}

/// `ms` milliseconds in `unit`, rounded down as erlang does.
fn in_unit(ms: u64, unit: &Term) -> R {
    let per = per_second(unit).ok_or_else(Exception::badarg)?;
    let v = i128::from(ms) * i128::from(per) / 1000;
    Ok(Term::Int(i64::try_from(v).unwrap_or(i64::MAX)))
}

fn now_in(c: &mut BifCtx, a: &[Term]) -> R {
    let native = Term::atom("native");
    in_unit(c.now(), a.first().unwrap_or(&native))
}

fn timestamp(c: &mut BifCtx, _: &[Term]) -> R {
    let us = c.now() * 1000;
    Ok(Term::tuple(vec![
        Term::Int((us / 1_000_000_000_000) as i64),
        Term::Int((us / 1_000_000 % 1_000_000) as i64),
        Term::Int((us % 1_000_000) as i64),
    ]))
}

fn convert_time_unit(_: &mut BifCtx, a: &[Term]) -> R {
    let (Some(Term::Int(t)), Some(from), Some(to)) = (a.first(), a.get(1), a.get(2)) else {
        return Err(Exception::badarg());
    };
    let from = per_second(from).ok_or_else(Exception::badarg)?;
    let to = per_second(to).ok_or_else(Exception::badarg)?;
    let v = (i128::from(*t) * i128::from(to)).div_euclid(i128::from(from));
    Ok(Term::Int(
        i64::try_from(v).map_err(|_| Exception::badarg())?,
    ))
}

/// `erlang:now/0`: the virtual time as `{MegaSecs, Secs, MicroSecs}`,
/// like `timestamp/0` (erl also makes each call's value unique).
fn now(c: &mut BifCtx, a: &[Term]) -> R {
    timestamp(c, a)
}

/// The civil date of a day count since 1970-01-01 (Howard Hinnant's
/// days-to-civil).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn date_of(ms: u64) -> Term {
    let (y, m, d) = civil((ms / 86_400_000) as i64);
    Term::tuple(vec![Term::Int(y), Term::Int(m), Term::Int(d)])
}

fn time_of(ms: u64) -> Term {
    let s = (ms / 1000 % 86_400) as i64;
    Term::tuple(vec![
        Term::Int(s / 3600),
        Term::Int(s / 60 % 60),
        Term::Int(s % 60),
    ])
}

fn date(c: &mut BifCtx, _: &[Term]) -> R {
    Ok(date_of(c.now()))
}

fn time(c: &mut BifCtx, _: &[Term]) -> R {
    Ok(time_of(c.now()))
}

/// `localtime/0` and `universaltime/0`: the local time is UTC.
fn datetime(c: &mut BifCtx, _: &[Term]) -> R {
    Ok(Term::tuple(vec![date_of(c.now()), time_of(c.now())]))
}

pub static ERLANG: &[(&str, usize, BifFn)] = &[
    ("now", 0, now),
    ("date", 0, date),
    ("time", 0, time),
    ("localtime", 0, datetime),
    ("universaltime", 0, datetime),
    ("monotonic_time", 0, now_in),
    ("monotonic_time", 1, now_in),
    ("system_time", 0, now_in),
    ("system_time", 1, now_in),
    ("timestamp", 0, timestamp),
    ("convert_time_unit", 3, convert_time_unit),
];

pub static OS: &[(&str, usize, BifFn)] = &[
    ("timestamp", 0, timestamp),
    ("system_time", 0, now_in),
    ("system_time", 1, now_in),
];
