//! Time as a program sees it: the world's virtual clock, which starts at 0
//! and moves only when every process waits (`after`, `timer:sleep`). So
//! `erlang:monotonic_time/0,1`, `system_time/0,1`, `timestamp/0` and
//! `os:timestamp/0` are deterministic; computing takes no time at all.
//! The native unit is the nanosecond, as on Linux.

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
    in_unit(c.now_ms, a.first().unwrap_or(&native))
}

fn timestamp(c: &mut BifCtx, _: &[Term]) -> R {
    let us = c.now_ms * 1000;
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

pub static ERLANG: &[(&str, usize, BifFn)] = &[
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
