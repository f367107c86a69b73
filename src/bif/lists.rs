//! Built-ins of the `lists` module that call no funs. The higher-order
//! ones (map, foldl, filter, ...) are Erlang code in the prelude.

use super::sort::{sort_order, ukeysort_order, usort_order, Descending};
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

/// The elements of a list and what ends it (`[]` for a proper list).
fn cells(t: &Term) -> (Vec<&Term>, &Term) {
    let mut it = t.iter_list();
    let items: Vec<&Term> = it.by_ref().collect();
    (items, it.rest())
}

fn sum(_: &mut BifCtx, a: &[Term]) -> R {
    // Adds as it goes: `sum([a|b])` is badarith, `sum([1|b])` function_clause.
    let mut it = arg(a, 0)?.iter_list();
    let mut acc = Term::Int(0);
    for x in it.by_ref() {
        acc = add(acc, x)?;
    }
    match it.rest() {
        Term::Nil => Ok(acc),
        _ => Err(fc()),
    }
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
    // As OTP's clauses: `nthtail(1, [_|T]) -> T; nthtail(N, [_|T]) when
    // N > 1 -> nthtail(N - 1, T); nthtail(0, L) when is_list(L) -> L.`
    let mut n = arg(a, 0)?.clone();
    let mut list = arg(a, 1)?;
    let one = Term::Int(1);
    loop {
        match list {
            Term::Cons(c) if n == one => return Ok(c.tail.clone()),
            Term::Cons(c) if compare(&n, &one) == Ordering::Greater => {
                n = match n {
                    Term::Int(i) => Term::Int(i - 1),
                    other => crate::vm::arith::arith(crate::vm::op::Arith::Sub, &other, &one)?,
                };
                list = &c.tail;
            }
            _ if n == Term::Int(0) && list.is_list() => return Ok(list.clone()),
            _ => return Err(fc()),
        }
    }
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

/// A key position: a positive integer (a huge one finds no key).
/// `None` for anything else.
fn key_pos(t: &Term) -> Option<usize> {
    match t {
        Term::Int(n) if *n >= 1 => Some(usize::try_from(*n).unwrap_or(usize::MAX)),
        Term::Big(b) if b.sign() == num_bigint::Sign::Plus => Some(usize::MAX),
        _ => None,
    }
}

fn has_key(t: &Term, n: usize, k: &Term) -> bool {
    key_of(t, n).is_some_and(|x| crate::term::order::equal(x, k))
}

/// keyfind/3, keymember/3 and keysearch/3 are BIFs in OTP: they stop at
/// the first match, and anything else wrong is badarg.
fn key_search(a: &[Term]) -> Result<Option<Term>, Exception> {
    let k = arg(a, 0)?;
    let n = match arg(a, 1)? {
        Term::Int(n) if *n >= 1 => *n as usize,
        _ => return Err(Exception::badarg()),
    };
    let mut it = arg(a, 2)?.iter_list();
    if let Some(t) = it.by_ref().find(|t| has_key(t, n, k)) {
        return Ok(Some(t.clone()));
    }
    match it.rest() {
        Term::Nil => Ok(None),
        _ => Err(Exception::badarg()),
    }
}

fn keyfind(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(key_search(a)?.unwrap_or(Term::bool(false)))
}

fn keymember(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(Term::bool(key_search(a)?.is_some()))
}

fn keysearch(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(match key_search(a)? {
        Some(t) => Term::tuple(vec![Term::atom("value"), t]),
        None => Term::bool(false),
    })
}

/// The list with its first element whose key is `k` replaced by `new`
/// (`None`: removed), as OTP's clauses do it: the rest after it is not
/// looked at, and an improper tail reached is a function_clause.
fn key_replace(a: &[Term], new: Option<Term>, or_append: bool) -> R {
    let k = arg(a, 0)?;
    let n = key_pos(arg(a, 1)?).ok_or_else(fc)?;
    let (items, rest) = cells(arg(a, 2)?);
    let found = items.iter().position(|t| has_key(t, n, k));
    let tail = match (found, rest) {
        (Some(i), _) => {
            let after = match items.get(i) {
                Some(_) => nth_tail_term(arg(a, 2)?, i + 1),
                None => Term::Nil,
            };
            match &new {
                Some(t) => Term::cons(t.clone(), after),
                None => after,
            }
        }
        (None, Term::Nil) => match (&new, or_append) {
            (Some(t), true) => Term::list(vec![t.clone()]),
            _ => Term::Nil,
        },
        (None, _) => return Err(fc()),
    };
    let upto = found.unwrap_or(items.len());
    Ok(Term::list_with_tail(
        items.into_iter().take(upto).cloned().collect::<Vec<_>>(),
        tail,
    ))
}

/// The tail of a list after its first `n` cells.
fn nth_tail_term(t: &Term, n: usize) -> Term {
    let mut cur = t;
    for _ in 0..n {
        if let Term::Cons(c) = cur {
            cur = &c.tail;
        }
    }
    cur.clone()
}

fn keystore(_: &mut BifCtx, a: &[Term]) -> R {
    let new = arg(a, 3)?;
    if !matches!(new, Term::Tuple(_)) {
        return Err(fc());
    }
    key_replace(a, Some(new.clone()), true)
}

fn keydelete(_: &mut BifCtx, a: &[Term]) -> R {
    key_replace(a, None, false)
}

/// The elements of a list to sort by key and their keys. A list of fewer
/// than two elements is returned as it is (`Err(Ok(list))`): OTP looks at
/// no key then.
fn keyed(a: &[Term]) -> Result<(Vec<Term>, Vec<Term>), R> {
    let n = key_pos(arg(a, 0).map_err(Err)?).ok_or(Err(fc()))?;
    let list = arg(a, 1).map_err(Err)?;
    let (items, rest) = cells(list);
    match (items.len(), rest) {
        (0 | 1, Term::Nil) => return Err(Ok(list.clone())),
        (0 | 1, _) => return Err(Err(Exception::tagged("case_clause", list.clone()))),
        _ => {}
    }
    let mut keys = Vec::with_capacity(items.len());
    for t in &items {
        keys.push(key_of(t, n).cloned().ok_or(Err(Exception::badarg()))?);
    }
    if !matches!(rest, Term::Nil) {
        return Err(Err(fc()));
    }
    Ok((items.into_iter().cloned().collect(), keys))
}

fn pick(items: &[Term], order: Vec<usize>) -> Term {
    Term::list(
        order
            .into_iter()
            .filter_map(|i| items.get(i).cloned())
            .collect::<Vec<_>>(),
    )
}

fn by_index(v: &[Term]) -> impl Fn(usize, usize) -> Ordering + '_ {
    move |i, j| match (v.get(i), v.get(j)) {
        (Some(x), Some(y)) => compare(x, y),
        _ => Ordering::Equal,
    }
}

fn keysort(_: &mut BifCtx, a: &[Term]) -> R {
    let (items, keys) = match keyed(a) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let same = |i, j| by_index(&items)(i, j) == Ordering::Equal;
    let order = sort_order(items.len(), by_index(&keys), same, Descending::Strict);
    Ok(pick(&items, order))
}

fn ukeysort(_: &mut BifCtx, a: &[Term]) -> R {
    let (items, keys) = match keyed(a) {
        Ok(v) => v,
        Err(r) => return r,
    };
    Ok(pick(&items, ukeysort_order(items.len(), by_index(&keys))))
}

fn sort(_: &mut BifCtx, a: &[Term]) -> R {
    let list = list_arg(a, 0).map_err(|_| fc())?;
    let cmp = by_index(&list);
    let same = |i, j| cmp(i, j) == Ordering::Equal;
    let order = sort_order(list.len(), &cmp, same, Descending::TakesEqual);
    Ok(pick(&list, order))
}

fn usort(_: &mut BifCtx, a: &[Term]) -> R {
    let list = list_arg(a, 0).map_err(|_| fc())?;
    Ok(pick(&list, usort_order(list.len(), by_index(&list))))
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
    // `append([E]) -> E; append([H|T]) -> H ++ append(T); append([]) -> [].`
    let (lists, rest) = cells(arg(a, 0)?);
    if !matches!(rest, Term::Nil) {
        return Err(fc());
    }
    let Some((last, init)) = lists.split_last() else {
        return Ok(Term::Nil);
    };
    let mut acc = (*last).clone();
    for l in init.iter().rev() {
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
    match cells(arg(a, 0)?) {
        (items, Term::Nil) => items.last().map(|t| (*t).clone()).ok_or_else(fc),
        _ => Err(fc()),
    }
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
    // Stops at the first element =:= x; an improper tail reached is a
    // function_clause, one never reached stays: delete(a, [a|b]) is b.
    let x = arg(a, 0)?;
    let mut before = vec![];
    let mut cur = arg(a, 1)?;
    loop {
        match cur {
            Term::Cons(c) if c.head == *x => {
                return Ok(Term::list_with_tail(before, c.tail.clone()))
            }
            Term::Cons(c) => {
                before.push(c.head.clone());
                cur = &c.tail;
            }
            Term::Nil => return Ok(Term::list(before)),
            _ => return Err(fc()),
        }
    }
}

fn split(_: &mut BifCtx, a: &[Term]) -> R {
    let list = arg(a, 1)?;
    let n = match arg(a, 0)? {
        Term::Int(n) if *n >= 0 && list.is_list() => *n as u64,
        Term::Big(b) if b.sign() == num_bigint::Sign::Plus && list.is_list() => u64::MAX,
        _ => return Err(Exception::badarg()),
    };
    let mut before = vec![];
    let mut cur = list;
    for _ in 0..n {
        match cur {
            Term::Cons(c) => {
                before.push(c.head.clone());
                cur = &c.tail;
            }
            Term::Nil => return Err(Exception::badarg()),
            _ => return Err(fc()),
        }
    }
    Ok(Term::tuple(vec![Term::list(before), cur.clone()]))
}

/// `sublist(List, Len)`: walks at most `len` cells; stopping early at `[]`
/// is fine, at anything else a function_clause.
fn take_prefix(list: &Term, len: &Term) -> R {
    let len = match len {
        Term::Int(n) if *n >= 0 && list.is_list() => *n as u64,
        Term::Big(b) if b.sign() == num_bigint::Sign::Plus && list.is_list() => u64::MAX,
        _ => return Err(fc()),
    };
    let mut out = vec![];
    let mut cur = list;
    for _ in 0..len {
        match cur {
            Term::Cons(c) => {
                out.push(c.head.clone());
                cur = &c.tail;
            }
            Term::Nil => break,
            _ => return Err(fc()),
        }
    }
    Ok(Term::list(out))
}

fn sublist(_: &mut BifCtx, a: &[Term]) -> R {
    if a.len() == 2 {
        return take_prefix(arg(a, 0)?, arg(a, 1)?);
    }
    // sublist(List, 1, L) takes L; a start S >= 2 drops a cell (or gives []
    // at the end of the list) and goes on with S - 1.
    let len = arg(a, 2)?;
    let mut cur = arg(a, 0)?;
    let mut start = arg(a, 1)?.clone();
    loop {
        match (&start, cur) {
            (Term::Int(1), l) if l.is_list() && matches!(len, Term::Int(_) | Term::Big(_)) => {
                return take_prefix(l, len)
            }
            (s, l) if s.is_integer() && compare(s, &Term::Int(2)) != Ordering::Less => match l {
                Term::Nil => return Ok(Term::Nil),
                Term::Cons(c) => {
                    cur = &c.tail;
                    start =
                        crate::vm::arith::arith(crate::vm::op::Arith::Sub, &start, &Term::Int(1))?;
                }
                _ => return Err(fc()),
            },
            _ => return Err(fc()),
        }
    }
}

fn enumerate(_: &mut BifCtx, a: &[Term]) -> R {
    let (first, list) = match a {
        [list] => (Term::Int(1), list),
        [i, list] if i.is_integer() => (i.clone(), list),
        _ => return Err(fc()),
    };
    let (items, rest) = cells(list);
    if !matches!(rest, Term::Nil) {
        return Err(fc());
    }
    let mut out = Vec::with_capacity(items.len());
    let mut i = first;
    for x in items {
        let next = add(i.clone(), &Term::Int(1))?;
        out.push(Term::tuple(vec![i, x.clone()]));
        i = next;
    }
    Ok(Term::list(out))
}

/// concat/1 is `flatmap(fun thing_to_list/1, List)` in OTP: every element
/// is turned into a list first (function_clause for a tuple, pid, ...),
/// then the lists are joined with `++` (badarg for an improper one).
fn concat(_: &mut BifCtx, a: &[Term]) -> R {
    let (items, rest) = cells(arg(a, 0)?);
    let mut parts = Vec::with_capacity(items.len());
    for x in items {
        parts.push(match x {
            Term::Atom(at) => Term::list(
                at.name()
                    .chars()
                    .map(|c| Term::Int(c as i64))
                    .collect::<Vec<_>>(),
            ),
            Term::Int(_) | Term::Big(_) => Term::string(&crate::term::write::write(x)),
            Term::Float(f) => Term::string(&crate::term::float::float_to_list(*f)),
            Term::Nil | Term::Cons(_) => x.clone(),
            _ => return Err(fc()),
        });
    }
    if !matches!(rest, Term::Nil) {
        return Err(fc());
    }
    let mut acc = Term::Nil;
    for p in parts.into_iter().rev() {
        acc = Term::list_with_tail(p.list_to_vec().ok_or_else(Exception::badarg)?, acc);
    }
    Ok(acc)
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
    ("keymember", 3, keymember),
    ("keysearch", 3, keysearch),
    ("keystore", 4, keystore),
    ("keydelete", 3, keydelete),
    ("keysort", 2, keysort),
    ("ukeysort", 2, ukeysort),
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
    ("enumerate", 2, enumerate),
    ("concat", 1, concat),
];
