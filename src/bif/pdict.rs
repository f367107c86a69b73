//! The process dictionary: `put/2`, `get/0,1`, `erase/0,1`, `get_keys/0,1`.
//! The running process's dictionary is lent to `BifCtx::dict` for its slice.
//! Listings come in key order (erl's order is unspecified).

use super::{BifCtx, BifFn};
use crate::term::{atoms, Term};
use crate::vm::Exception;

type R = Result<Term, Exception>;

fn undefined() -> Term {
    Term::Atom(atoms::undefined())
}

fn key(a: &[Term]) -> Result<&Term, Exception> {
    a.first().ok_or_else(Exception::badarg)
}

fn put(c: &mut BifCtx, a: &[Term]) -> R {
    let v = a.get(1).ok_or_else(Exception::badarg)?;
    Ok(c.dict
        .insert(key(a)?.clone(), v.clone())
        .unwrap_or_else(undefined))
}

fn get(c: &mut BifCtx, a: &[Term]) -> R {
    match a.first() {
        Some(k) => Ok(c.dict.get(k).cloned().unwrap_or_else(undefined)),
        None => Ok(pairs(c)),
    }
}

fn pairs(c: &BifCtx) -> Term {
    Term::list(
        c.dict
            .iter()
            .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
            .collect::<Vec<_>>(),
    )
}

fn erase(c: &mut BifCtx, a: &[Term]) -> R {
    match a.first() {
        Some(k) => Ok(c.dict.remove(k).unwrap_or_else(undefined)),
        None => {
            let all = pairs(c);
            c.dict = crate::term::TermMap::new();
            Ok(all)
        }
    }
}

fn get_keys(c: &mut BifCtx, a: &[Term]) -> R {
    let keys: Vec<Term> = c
        .dict
        .iter()
        .filter(|(_, v)| a.first().is_none_or(|want| *v == want))
        .map(|(k, _)| k.clone())
        .collect();
    Ok(Term::list(keys))
}

pub static BIFS: &[(&str, usize, BifFn)] = &[
    ("put", 2, put),
    ("get", 0, get),
    ("get", 1, get),
    ("erase", 0, erase),
    ("erase", 1, erase),
    ("get_keys", 0, get_keys),
    ("get_keys", 1, get_keys),
];
