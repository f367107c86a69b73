//! The `binary` module: searching (`match`, `matches`, `split`,
//! `replace`), parts, first and last bytes, copies and list conversions.
//!
//! A pattern is a non-empty binary or a non-empty list of them; where
//! several match at one place the longest wins, as in OTP. Parts share
//! the subject's bytes. Bad arguments are `badarg`.

use super::erlang_binary::{bin_arg, bytes_to_list, part, range_args};
use super::{arg, BifCtx, BifFn};
use crate::term::{Bytes, Term};
use crate::vm::bits::MAX_BYTES;
use crate::vm::Exception;
use std::rc::Rc;

type R = Result<Term, Exception>;

fn bad() -> Exception {
    Exception::badarg()
}

/// The patterns of a `binary:` search: one binary or a list of them.
fn patterns(t: &Term) -> Result<Vec<Vec<u8>>, Exception> {
    let list = match t {
        Term::Binary(b) => vec![b.to_vec()],
        t => t
            .list_to_vec()
            .filter(|v| !v.is_empty())
            .ok_or_else(bad)?
            .iter()
            .map(|p| p.as_binary().map(<[u8]>::to_vec).ok_or_else(bad))
            .collect::<Result<_, _>>()?,
    };
    if list.iter().any(Vec::is_empty) {
        return Err(bad());
    }
    Ok(list)
}

/// The first match at or after `from`: its start and length.
fn find(subject: &[u8], pats: &[Vec<u8>], from: usize) -> Option<(usize, usize)> {
    (from..subject.len()).find_map(|i| {
        let rest = subject.get(i..)?;
        pats.iter()
            .filter(|p| rest.starts_with(p))
            .map(Vec::len)
            .max()
            .map(|n| (i, n))
    })
}

/// Every match, left to right, not overlapping.
fn find_all(subject: &[u8], pats: &[Vec<u8>], global: bool) -> Vec<(usize, usize)> {
    let mut out = vec![];
    let mut from = 0;
    while let Some((i, n)) = find(subject, pats, from) {
        out.push((i, n));
        from = i + n;
        if !global {
            break;
        }
    }
    out
}

fn pos_len(i: usize, n: usize) -> Term {
    Term::tuple(vec![Term::Int(i as i64), Term::Int(n as i64)])
}

fn options(a: &[Term], i: usize) -> Result<Vec<Term>, Exception> {
    match a.get(i) {
        None => Ok(vec![]),
        Some(t) => t.list_to_vec().ok_or_else(bad),
    }
}

fn match_(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    let pats = patterns(arg(a, 1)?)?;
    if !options(a, 2)?.is_empty() {
        return Err(bad());
    }
    Ok(match find(b, &pats, 0) {
        Some((i, n)) => pos_len(i, n),
        None => Term::atom("nomatch"),
    })
}

fn matches(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    let pats = patterns(arg(a, 1)?)?;
    if !options(a, 2)?.is_empty() {
        return Err(bad());
    }
    let found: Vec<Term> = find_all(b, &pats, true)
        .into_iter()
        .map(|(i, n)| pos_len(i, n))
        .collect();
    Ok(Term::list(found))
}

fn split(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    let pats = patterns(arg(a, 1)?)?;
    let (mut global, mut trim, mut trim_all) = (false, false, false);
    for o in options(a, 2)? {
        match o.as_atom().map(|x| x.name()) {
            Some("global") => global = true,
            Some("trim") => trim = true,
            Some("trim_all") => trim_all = true,
            _ => return Err(bad()),
        }
    }
    let mut parts = vec![];
    let mut at = 0;
    for (i, n) in find_all(b, &pats, global) {
        parts.push((at, i));
        at = i + n;
    }
    parts.push((at, b.len()));
    if trim || trim_all {
        while parts.last().is_some_and(|(x, y)| x == y) {
            parts.pop();
        }
    }
    if trim_all {
        parts.retain(|(x, y)| x != y);
    }
    Ok(Term::list(
        parts
            .into_iter()
            .map(|(x, y)| part(b, x, y))
            .collect::<Vec<_>>(),
    ))
}

fn replace(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    let pats = patterns(arg(a, 1)?)?;
    let with = bin_arg(a, 2)?;
    let mut global = false;
    let mut insert: Vec<usize> = vec![];
    for o in options(a, 3)? {
        match &o {
            t if t.is_atom("global") => global = true,
            Term::Tuple(t) if matches!(t.as_slice(), [tag, _] if tag.is_atom("insert_replaced")) => {
                let at = |x: &Term| match x {
                    Term::Int(n) if *n >= 0 && (*n as usize) <= with.len() => Ok(*n as usize),
                    _ => Err(bad()),
                };
                insert = match t.get(1).unwrap_or(&Term::Nil) {
                    x @ Term::Int(_) => vec![at(x)?],
                    l => l
                        .list_to_vec()
                        .ok_or_else(bad)?
                        .iter()
                        .map(at)
                        .collect::<Result<_, _>>()?,
                };
            }
            _ => return Err(bad()),
        }
    }
    let mut out = vec![];
    let mut from = 0;
    for (i, n) in find_all(b, &pats, global) {
        out.extend_from_slice(b.get(from..i).unwrap_or_default());
        // The replacement, with the matched part put in at each insert point.
        let matched = b.get(i..i + n).unwrap_or_default();
        let mut last = 0;
        let mut points = insert.clone();
        points.sort_unstable();
        for p in points {
            out.extend_from_slice(with.get(last..p).unwrap_or_default());
            out.extend_from_slice(matched);
            last = p;
        }
        out.extend_from_slice(with.get(last..).unwrap_or_default());
        from = i + n;
        if out.len() as u64 > MAX_BYTES {
            return Err(Exception::system_limit());
        }
    }
    out.extend_from_slice(b.get(from..).unwrap_or_default());
    Ok(Term::binary_from(out))
}

fn part3(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    let (from, to) = range_args(b.len(), a)?;
    Ok(part(b, from, to))
}

fn first(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    b.first().map(|&x| Term::Int(i64::from(x))).ok_or_else(bad)
}

fn last(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    b.last().map(|&x| Term::Int(i64::from(x))).ok_or_else(bad)
}

fn at(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    match arg(a, 1)? {
        Term::Int(i) if *i >= 0 => b
            .get(*i as usize)
            .map(|&x| Term::Int(i64::from(x)))
            .ok_or_else(bad),
        _ => Err(bad()),
    }
}

fn copy(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    let n = match a.get(1) {
        None => 1,
        Some(Term::Int(n)) if *n >= 0 => *n as u64,
        Some(_) => return Err(bad()),
    };
    let total = (b.len() as u64).saturating_mul(n);
    if total > MAX_BYTES {
        return Err(Exception::system_limit());
    }
    Ok(Term::Binary(Rc::new(Bytes::new(b.repeat(n as usize)))))
}

fn bin_to_list(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    let (from, to) = match a.len() {
        1 => (0, b.len()),
        _ => range_args(b.len(), a)?,
    };
    Ok(bytes_to_list(b.get(from..to).unwrap_or_default()))
}

fn decode_unsigned(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    let little = match a.get(1) {
        None => false,
        Some(t) if t.is_atom("big") => false,
        Some(t) if t.is_atom("little") => true,
        Some(_) => return Err(bad()),
    };
    let v = if little {
        num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, b)
    } else {
        num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, b)
    };
    Ok(Term::from_big(v))
}

fn encode_unsigned(_: &mut BifCtx, a: &[Term]) -> R {
    let v = arg(a, 0)?.to_big().ok_or_else(bad)?;
    let little = match a.get(1) {
        None => false,
        Some(t) if t.is_atom("big") => false,
        Some(t) if t.is_atom("little") => true,
        Some(_) => return Err(bad()),
    };
    if v.sign() == num_bigint::Sign::Minus {
        return Err(bad());
    }
    let bytes = if little {
        v.magnitude().to_bytes_le()
    } else {
        v.magnitude().to_bytes_be()
    };
    Ok(Term::binary_from(bytes))
}

pub static BIFS: &[(&str, usize, BifFn)] = &[
    ("match", 2, match_),
    ("match", 3, match_),
    ("matches", 2, matches),
    ("matches", 3, matches),
    ("split", 2, split),
    ("split", 3, split),
    ("replace", 3, replace),
    ("replace", 4, replace),
    ("part", 2, part3),
    ("part", 3, part3),
    ("first", 1, first),
    ("last", 1, last),
    ("at", 2, at),
    ("copy", 1, copy),
    ("copy", 2, copy),
    ("bin_to_list", 1, bin_to_list),
    ("bin_to_list", 2, bin_to_list),
    ("bin_to_list", 3, bin_to_list),
    // binary:list_to_bin/1 is erlang:list_to_binary/1.
    ("list_to_bin", 1, super::erlang_binary::list_to_binary),
    ("decode_unsigned", 1, decode_unsigned),
    ("decode_unsigned", 2, decode_unsigned),
    ("encode_unsigned", 1, encode_unsigned),
    ("encode_unsigned", 2, encode_unsigned),
];
