//! Built-ins of the `lists` module that call no funs. The higher-order
//! ones (map, foldl, filter, ...) are Erlang code in the prelude.

use super::{arg, int_arg, list_arg, BifCtx, BifFn, MAX_LIST};
use crate::term::order::compare;
use crate::term::Term;
use crate::vm::Exception;
use std::cmp::Ordering;

type R = Result<Term, Exception>;

fn fc() -> Exception {
    Exception::error(Term::Atom(crate::term::atoms::function_clause()))
}

fn reverse(_: &mut BifCtx, a: &[Term]) -> R {
    let mut acc = a.get(1).cloned().unwrap_or(Term::Nil);
    let mut cur = arg(a, 0)?;
    // reverse/1 is written in Erlang in OTP: a non-list, or an improper
    // list with fewer than two elements, matches none of its clauses.
    if a.len() == 1 {
        let proper_prefix = cur.iter_list().take(2).count();
        let improper = |t: &Term| {
            let mut t = t;
            while let Term::Cons(c) = t {
                t = &c.tail;
            }
            !matches!(t, Term::Nil)
        };
        if !cur.is_list() || (proper_prefix < 2 && improper(cur)) {
            return Err(fc());
        }
    }
    loop {
        match cur {
            Term::Cons(c) => {
                acc = Term::cons(c.head.clone(), acc);
                cur = &c.tail;
            }
            Term::Nil => return Ok(acc),
            _ => return Err(Exception::badarg()),
        }
    }
}

fn seq(_: &mut BifCtx, a: &[Term]) -> R {
    // seq/2 fails with function_clause, seq/3 with badarg, as in OTP.
    let bad = if a.len() > 2 { Exception::badarg } else { fc };
    let from = int_arg(a, 0).map_err(|_| bad())?;
    let to = int_arg(a, 1).map_err(|_| bad())?;
    let step = if a.len() > 2 {
        int_arg(a, 2).map_err(|_| bad())?
    } else {
        1
    };
    if step == 0 && from != to
        || (step > 0 && from.saturating_sub(step) > to)
        || (step < 0 && from.saturating_sub(step) < to)
    {
        return Err(bad());
    }
    if step == 0 {
        return Ok(Term::list(vec![Term::Int(from)]));
    }
    // The length rounds down, as OTP's does: seq(3, 2, 2) and seq(5, 6, -2) are [].
    let (num, den) = (i128::from(to) - i128::from(from), i128::from(step));
    let q = num / den - i128::from(num % den != 0 && (num < 0) != (den < 0));
    let n = u64::try_from((q + 1).max(0)).unwrap_or(u64::MAX);
    if n > MAX_LIST as u64 {
        return Err(Exception::system_limit());
    }
    let mut out = Term::Nil;
    let mut i = from + (n as i64 - 1) * step;
    for _ in 0..n {
        out = Term::cons(Term::Int(i), out);
        i -= step;
    }
    Ok(out)
}

fn add(acc: Term, x: &Term) -> R {
    crate::vm::arith::arith(crate::vm::op::Arith::Add, &acc, x)
}

fn sum(_: &mut BifCtx, a: &[Term]) -> R {
    let mut acc = Term::Int(0);
    for x in list_arg(a, 0).map_err(|_| fc())? {
        acc = add(acc, &x)?;
    }
    Ok(acc)
}

fn nth(_: &mut BifCtx, a: &[Term]) -> R {
    // As OTP's clauses: `nth(1, [H|_]) -> H; nth(N, [_|T]) when N > 1 ->
    // nth(N - 1, T).` (so a non-number N, which is greater than 1 in term
    // order, fails with badarith).
    let mut n = arg(a, 0)?.clone();
    let mut list = arg(a, 1)?;
    let one = Term::Int(1);
    loop {
        let Term::Cons(c) = list else {
            return Err(fc());
        };
        if n == one {
            return Ok(c.head.clone());
        }
        if crate::term::order::compare(&n, &one) != std::cmp::Ordering::Greater {
            return Err(fc());
        }
        n = match n {
            Term::Int(i) => Term::Int(i - 1),
            other => crate::vm::arith::arith(crate::vm::op::Arith::Sub, &other, &one)?,
        };
        list = &c.tail;
    }
}

fn nthtail(_: &mut BifCtx, a: &[Term]) -> R {
    let n = int_arg(a, 0).map_err(|_| fc())?;
    let mut cur = arg(a, 1)?;
    for _ in 0..n.max(0) {
        match cur {
            Term::Cons(c) => cur = &c.tail,
            _ => return Err(fc()),
        }
    }
    if n < 0 {
        return Err(fc());
    }
    Ok(cur.clone())
}

fn member(_: &mut BifCtx, a: &[Term]) -> R {
    let x = arg(a, 0)?;
    let mut it = arg(a, 1)?.iter_list();
    let found = it.by_ref().any(|e| e == x);
    if !found && !matches!(it.rest(), Term::Nil) {
        return Err(Exception::badarg());
    }
    Ok(Term::bool(found))
}

fn key_of(t: &Term, n: usize) -> Option<&Term> {
    match t {
        Term::Tuple(xs) => xs.get(n - 1),
        _ => None,
    }
}

fn key_pos(a: &[Term], i: usize) -> Result<usize, Exception> {
    match int_arg(a, i)? {
        n if n >= 1 => Ok(n as usize),
        _ => Err(Exception::badarg()),
    }
}

fn keyfind(_: &mut BifCtx, a: &[Term]) -> R {
    let k = arg(a, 0)?;
    let n = key_pos(a, 1)?;
    let list = list_arg(a, 2)?;
    Ok(list
        .into_iter()
        .find(|t| key_of(t, n).is_some_and(|x| crate::term::order::equal(x, k)))
        .unwrap_or(Term::bool(false)))
}

fn keystore(_: &mut BifCtx, a: &[Term]) -> R {
    let k = arg(a, 0)?;
    let n = key_pos(a, 1)?;
    let mut list = list_arg(a, 2).map_err(|_| fc())?;
    let new = arg(a, 3)?.clone();
    match list
        .iter()
        .position(|t| key_of(t, n).is_some_and(|x| crate::term::order::equal(x, k)))
    {
        Some(i) => {
            if let Some(slot) = list.get_mut(i) {
                *slot = new;
            }
        }
        None => list.push(new),
    }
    Ok(Term::list(list))
}

fn keydelete(_: &mut BifCtx, a: &[Term]) -> R {
    let k = arg(a, 0)?;
    let n = key_pos(a, 1)?;
    let mut list = list_arg(a, 2).map_err(|_| fc())?;
    if let Some(i) = list
        .iter()
        .position(|t| key_of(t, n).is_some_and(|x| crate::term::order::equal(x, k)))
    {
        list.remove(i);
    }
    Ok(Term::list(list))
}

fn keysort(_: &mut BifCtx, a: &[Term]) -> R {
    let n = key_pos(a, 0)?;
    let mut list = list_arg(a, 1)?;
    if list.iter().any(|t| key_of(t, n).is_none()) {
        return Err(Exception::badarg());
    }
    list.sort_by(|x, y| match (key_of(x, n), key_of(y, n)) {
        (Some(p), Some(q)) => compare(p, q),
        _ => Ordering::Equal,
    });
    Ok(Term::list(list))
}

fn sort(_: &mut BifCtx, a: &[Term]) -> R {
    let mut list = list_arg(a, 0).map_err(|_| fc())?;
    list.sort_by(compare);
    Ok(Term::list(list))
}

fn usort(_: &mut BifCtx, a: &[Term]) -> R {
    let mut list = list_arg(a, 0).map_err(|_| fc())?;
    list.sort_by(compare);
    list.dedup_by(|x, y| compare(x, y) == Ordering::Equal);
    Ok(Term::list(list))
}

fn zip(_: &mut BifCtx, a: &[Term]) -> R {
    let x = list_arg(a, 0).map_err(|_| fc())?;
    let y = list_arg(a, 1).map_err(|_| fc())?;
    if x.len() != y.len() {
        return Err(fc());
    }
    Ok(Term::list(
        x.into_iter()
            .zip(y)
            .map(|(p, q)| Term::tuple(vec![p, q]))
            .collect::<Vec<_>>(),
    ))
}

fn unzip(_: &mut BifCtx, a: &[Term]) -> R {
    let mut xs = vec![];
    let mut ys = vec![];
    for t in list_arg(a, 0).map_err(|_| fc())? {
        match &t {
            Term::Tuple(p) if p.len() == 2 => {
                xs.extend(p.first().cloned());
                ys.extend(p.get(1).cloned());
            }
            _ => return Err(fc()),
        }
    }
    Ok(Term::tuple(vec![Term::list(xs), Term::list(ys)]))
}

fn append1(_: &mut BifCtx, a: &[Term]) -> R {
    let lists = list_arg(a, 0).map_err(|_| fc())?;
    let mut acc = Term::Nil;
    for l in lists.into_iter().rev() {
        let items = l.list_to_vec().ok_or_else(Exception::badarg)?;
        acc = Term::list_with_tail(items, acc);
    }
    Ok(acc)
}

fn append2(c: &mut BifCtx, a: &[Term]) -> R {
    super::erlang::append(c, a)
}

fn flatten_into(t: &Term, out: &mut Vec<Term>, depth: usize) -> Result<(), Exception> {
    if depth > 10_000 || out.len() > MAX_LIST {
        return Err(Exception::system_limit());
    }
    let mut it = t.iter_list();
    for x in it.by_ref() {
        if x.is_list() {
            flatten_into(x, out, depth + 1)?;
        } else {
            out.push(x.clone());
        }
    }
    if matches!(it.rest(), Term::Nil) {
        Ok(())
    } else {
        Err(fc())
    }
}

fn flatten(_: &mut BifCtx, a: &[Term]) -> R {
    let mut out = vec![];
    flatten_into(arg(a, 0)?, &mut out, 0)?;
    Ok(Term::list(out))
}

fn last(_: &mut BifCtx, a: &[Term]) -> R {
    arg(a, 0)?.iter_list().last().cloned().ok_or_else(fc)
}

fn duplicate(_: &mut BifCtx, a: &[Term]) -> R {
    let n = int_arg(a, 0).map_err(|_| fc())?;
    if n < 0 {
        return Err(fc());
    }
    if n as u64 > MAX_LIST as u64 {
        return Err(Exception::system_limit());
    }
    let x = arg(a, 1)?;
    let mut out = Term::Nil;
    for _ in 0..n {
        out = Term::cons(x.clone(), out);
    }
    Ok(out)
}

fn extreme(a: &[Term], want: Ordering) -> R {
    let list = list_arg(a, 0).map_err(|_| fc())?;
    let mut it = list.into_iter();
    let first = it.next().ok_or_else(fc)?;
    Ok(it.fold(
        first,
        |best, x| if compare(&x, &best) == want { x } else { best },
    ))
}

fn max(_: &mut BifCtx, a: &[Term]) -> R {
    extreme(a, Ordering::Greater)
}

fn min(_: &mut BifCtx, a: &[Term]) -> R {
    extreme(a, Ordering::Less)
}

fn delete(_: &mut BifCtx, a: &[Term]) -> R {
    let x = arg(a, 0)?;
    let mut list = list_arg(a, 1).map_err(|_| fc())?;
    if let Some(i) = list.iter().position(|e| e == x) {
        list.remove(i);
    }
    Ok(Term::list(list))
}

fn split(_: &mut BifCtx, a: &[Term]) -> R {
    let n = int_arg(a, 0).map_err(|_| Exception::badarg())?;
    let mut list = list_arg(a, 1).map_err(|_| Exception::badarg())?;
    if n < 0 || n as usize > list.len() {
        return Err(Exception::badarg());
    }
    let rest = list.split_off(n as usize);
    Ok(Term::tuple(vec![Term::list(list), Term::list(rest)]))
}

fn sublist(_: &mut BifCtx, a: &[Term]) -> R {
    let list = list_arg(a, 0).map_err(|_| fc())?;
    let (start, len) = if a.len() == 3 {
        (
            int_arg(a, 1).map_err(|_| fc())?,
            int_arg(a, 2).map_err(|_| fc())?,
        )
    } else {
        (1, int_arg(a, 1).map_err(|_| fc())?)
    };
    if start < 1 {
        return Err(fc());
    }
    // Past the end of the list the result is [] whatever the length.
    if start as usize > list.len() + 1 {
        return Ok(Term::Nil);
    }
    if len < 0 {
        return Err(fc());
    }
    Ok(Term::list(
        list.into_iter()
            .skip(start as usize - 1)
            .take(len as usize)
            .collect::<Vec<_>>(),
    ))
}

fn enumerate(_: &mut BifCtx, a: &[Term]) -> R {
    let list = list_arg(a, 0).map_err(|_| fc())?;
    Ok(Term::list(
        list.into_iter()
            .enumerate()
            .map(|(i, x)| Term::tuple(vec![Term::Int(i as i64 + 1), x]))
            .collect::<Vec<_>>(),
    ))
}

fn concat(_: &mut BifCtx, a: &[Term]) -> R {
    let mut s = String::new();
    for x in list_arg(a, 0)? {
        match &x {
            Term::Atom(at) => s.push_str(at.name()),
            Term::Int(_) | Term::Big(_) => s.push_str(&crate::term::write::write(&x)),
            // OTP's concat writes floats with float_to_list/1.
            Term::Float(f) => s.push_str(&crate::term::float::float_to_list(*f)),
            t => s.push_str(&t.as_string().ok_or_else(Exception::badarg)?),
        }
    }
    Ok(Term::string(&s))
}

pub static BIFS: &[(&str, usize, BifFn)] = &[
    ("reverse", 1, reverse),
    ("reverse", 2, reverse),
    ("seq", 2, seq),
    ("seq", 3, seq),
    ("sum", 1, sum),
    ("nth", 2, nth),
    ("nthtail", 2, nthtail),
    ("member", 2, member),
    ("keyfind", 3, keyfind),
    ("keystore", 4, keystore),
    ("keydelete", 3, keydelete),
    ("keysort", 2, keysort),
    ("sort", 1, sort),
    ("usort", 1, usort),
    ("zip", 2, zip),
    ("unzip", 1, unzip),
    ("append", 1, append1),
    ("append", 2, append2),
    ("flatten", 1, flatten),
    ("last", 1, last),
    ("duplicate", 2, duplicate),
    ("max", 1, max),
    ("min", 1, min),
    ("delete", 2, delete),
    ("split", 2, split),
    ("sublist", 2, sublist),
    ("sublist", 3, sublist),
    ("enumerate", 1, enumerate),
    ("concat", 1, concat),
];
