//! Built-ins of the `maps` module that call no funs. `fold`, `map` and
//! `filter` are Erlang code in the prelude.

use super::{arg, list_arg, BifCtx, BifFn};
use crate::term::Term;
use crate::vm::Exception;

use std::rc::Rc;

type R = Result<Term, Exception>;

fn map_arg(a: &[Term], i: usize) -> Result<&Rc<crate::term::TermMap>, Exception> {
    match arg(a, i)? {
        Term::Map(m) => Ok(m),
        t => Err(Exception::tagged("badmap", t.clone())),
    }
}

fn get(_: &mut BifCtx, a: &[Term]) -> R {
    let k = arg(a, 0)?;
    let m = map_arg(a, 1)?;
    match (m.get(k), a.get(2)) {
        (Some(v), _) => Ok(v.clone()),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(Exception::tagged("badkey", k.clone())),
    }
}

fn find(_: &mut BifCtx, a: &[Term]) -> R {
    let k = arg(a, 0)?;
    Ok(match map_arg(a, 1)?.get(k) {
        Some(v) => Term::tuple(vec![Term::ok(), v.clone()]),
        None => Term::atom("error"),
    })
}

fn put(_: &mut BifCtx, a: &[Term]) -> R {
    let mut m = map_arg(a, 2)?.clone();
    crate::term::map_set(Rc::make_mut(&mut m), arg(a, 0)?.clone(), arg(a, 1)?.clone());
    Ok(Term::Map(m))
}

fn update(_: &mut BifCtx, a: &[Term]) -> R {
    let k = arg(a, 0)?;
    let mut m = map_arg(a, 2)?.clone();
    if !m.contains_key(k) {
        return Err(Exception::tagged("badkey", k.clone()));
    }
    crate::term::map_set(Rc::make_mut(&mut m), k.clone(), arg(a, 1)?.clone());
    Ok(Term::Map(m))
}

fn remove(_: &mut BifCtx, a: &[Term]) -> R {
    let mut m = map_arg(a, 1)?.clone();
    Rc::make_mut(&mut m).remove(arg(a, 0)?);
    Ok(Term::Map(m))
}

fn keys(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(Term::list(
        map_arg(a, 0)?.keys().cloned().collect::<Vec<_>>(),
    ))
}

fn values(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(Term::list(
        map_arg(a, 0)?.values().cloned().collect::<Vec<_>>(),
    ))
}

fn to_list(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(Term::list(
        map_arg(a, 0)?
            .iter()
            .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
            .collect::<Vec<_>>(),
    ))
}

fn from_list(_: &mut BifCtx, a: &[Term]) -> R {
    let mut m = crate::term::TermMap::new();
    for t in list_arg(a, 0)? {
        match &t {
            Term::Tuple(p) if p.len() == 2 => {
                if let (Some(k), Some(v)) = (p.first(), p.get(1)) {
                    m.insert(k.clone(), v.clone());
                }
            }
            _ => return Err(Exception::badarg()),
        }
    }
    Ok(Term::Map(Rc::new(m)))
}

fn size(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(Term::Int(map_arg(a, 0)?.len() as i64))
}

fn is_key(_: &mut BifCtx, a: &[Term]) -> R {
    let k = arg(a, 0)?;
    Ok(Term::bool(map_arg(a, 1)?.contains_key(k)))
}

fn merge(_: &mut BifCtx, a: &[Term]) -> R {
    let mut m = map_arg(a, 0)?.clone();
    let other = map_arg(a, 1)?;
    let inner = Rc::make_mut(&mut m);
    for (k, v) in other.iter() {
        inner.insert(k.clone(), v.clone());
    }
    Ok(Term::Map(m))
}

fn new(_: &mut BifCtx, _: &[Term]) -> R {
    Ok(Term::Map(Rc::new(crate::term::TermMap::new())))
}

pub static BIFS: &[(&str, usize, BifFn)] = &[
    ("get", 2, get),
    ("get", 3, get),
    ("find", 2, find),
    ("put", 3, put),
    ("update", 3, update),
    ("remove", 2, remove),
    ("keys", 1, keys),
    ("values", 1, values),
    ("to_list", 1, to_list),
    ("from_list", 1, from_list),
    ("size", 1, size),
    ("is_key", 2, is_key),
    ("merge", 2, merge),
    ("new", 0, new),
];
