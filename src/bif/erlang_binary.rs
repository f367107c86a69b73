//! The `erlang` module's built-ins on binaries and iolists, apart from
//! `erlang.rs` to keep each file readable: conversions to and from lists,
//! atoms and numbers, parts, sizes, and iolists flattened to bytes.
//!
//! A part of a binary shares the binary's bytes. Bad arguments are
//! `badarg`, as in OTP; a result beyond `bits::MAX_BYTES` is
//! `system_limit`.

use super::{arg, BifCtx, BifFn};
use crate::term::{Atom, Term};
use crate::vm::bits::MAX_BYTES;
use crate::vm::Exception;
use std::rc::Rc;

type R = Result<Term, Exception>;

fn bad() -> Exception {
    Exception::badarg()
}

/// The bytes of a binary argument.
pub fn bin_arg(a: &[Term], i: usize) -> Result<&Rc<crate::term::Bytes>, Exception> {
    match arg(a, i)? {
        Term::Binary(b) => Ok(b),
        _ => Err(bad()),
    }
}

/// `bytes[from..to]` sharing the buffer.
pub fn part(b: &Rc<crate::term::Bytes>, from: usize, to: usize) -> Term {
    if from == 0 && to == b.len() {
        return Term::Binary(Rc::clone(b));
    }
    Term::Binary(Rc::new(b.slice(from, to)))
}

/// A list of the bytes as integers.
pub fn bytes_to_list(b: &[u8]) -> Term {
    Term::list(
        b.iter()
            .map(|&x| Term::Int(i64::from(x)))
            .collect::<Vec<_>>(),
    )
}

/// Appends the bytes of an iolist (bytes, binaries and iolists, with a
/// binary or `[]` tail), walking nested lists with a stack, not recursion.
pub fn iolist_bytes(t: &Term, out: &mut Vec<u8>) -> Result<(), Exception> {
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        match t {
            Term::Binary(b) => out.extend_from_slice(b),
            Term::Nil => {}
            Term::Cons(c) => {
                match &c.tail {
                    Term::Nil | Term::Cons(_) | Term::Binary(_) => stack.push(&c.tail),
                    _ => return Err(bad()),
                }
                match &c.head {
                    Term::Int(x) => out.push(u8::try_from(*x).map_err(|_| bad())?),
                    h @ (Term::Binary(_) | Term::Nil | Term::Cons(_)) => stack.push(h),
                    _ => return Err(bad()),
                }
            }
            _ => return Err(bad()),
        }
        if out.len() as u64 > MAX_BYTES {
            return Err(Exception::system_limit());
        }
    }
    Ok(())
}

fn is_binary(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(Term::bool(matches!(arg(a, 0)?, Term::Binary(_))))
}

fn byte_size(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(Term::Int(bin_arg(a, 0)?.len() as i64))
}

fn bit_size(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(Term::Int(8 * bin_arg(a, 0)?.len() as i64))
}

/// `size/1`: a tuple's arity or a binary's bytes.
fn size(c: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Binary(b) => Ok(Term::Int(b.len() as i64)),
        _ => super::erlang::tuple_size(c, a),
    }
}

fn binary_to_list(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    if a.len() == 1 {
        return Ok(bytes_to_list(b));
    }
    // 1-based and inclusive: 1 =< Start =< Stop =< byte_size.
    let (start, stop) = match (arg(a, 1)?, arg(a, 2)?) {
        (Term::Int(s), Term::Int(e)) => (*s, *e),
        _ => return Err(bad()),
    };
    if start < 1 || stop < start || stop > b.len() as i64 {
        return Err(bad());
    }
    let bytes = b.get(start as usize - 1..stop as usize).ok_or_else(bad)?;
    Ok(bytes_to_list(bytes))
}

pub(super) fn list_to_binary(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        t @ (Term::Nil | Term::Cons(_)) => {
            let mut out = vec![];
            iolist_bytes(t, &mut out)?;
            Ok(Term::binary_from(out))
        }
        _ => Err(bad()),
    }
}

fn iolist_to_binary(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        b @ Term::Binary(_) => Ok(b.clone()),
        t => {
            let mut out = vec![];
            iolist_bytes(t, &mut out)?;
            Ok(Term::binary_from(out))
        }
    }
}

fn iolist_size(_: &mut BifCtx, a: &[Term]) -> R {
    let mut out = vec![];
    iolist_bytes(arg(a, 0)?, &mut out)?;
    Ok(Term::Int(out.len() as i64))
}

/// `Start` and `Length` (which may be negative) as a byte range of `len`.
pub fn range(len: usize, start: &Term, length: &Term) -> Result<(usize, usize), Exception> {
    let (s, l) = match (start, length) {
        (Term::Int(s), Term::Int(l)) => (i128::from(*s), i128::from(*l)),
        _ => return Err(bad()),
    };
    let (from, to) = if l < 0 { (s + l, s) } else { (s, s + l) };
    if from < 0 || to > len as i128 {
        return Err(bad());
    }
    Ok((from as usize, to as usize))
}

/// The range given from argument 1 on: `{Start, Length}`, or `Start,
/// Length` as two arguments.
pub fn range_args(len: usize, a: &[Term]) -> Result<(usize, usize), Exception> {
    match a.len() {
        2 => match arg(a, 1)? {
            Term::Tuple(t) => match t.as_slice() {
                [s, l] => range(len, s, l),
                _ => Err(bad()),
            },
            _ => Err(bad()),
        },
        _ => range(len, arg(a, 1)?, arg(a, 2)?),
    }
}

fn binary_part(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    let (from, to) = range_args(b.len(), a)?;
    Ok(part(b, from, to))
}

fn split_binary(_: &mut BifCtx, a: &[Term]) -> R {
    let b = bin_arg(a, 0)?;
    let at = match arg(a, 1)? {
        Term::Int(n) if *n >= 0 && *n as u64 <= b.len() as u64 => *n as usize,
        _ => return Err(bad()),
    };
    Ok(Term::tuple(vec![part(b, 0, at), part(b, at, b.len())]))
}

/// The encoding argument: `latin1` or `utf8`/`unicode`.
fn utf8_encoding(a: &[Term], i: usize) -> Result<bool, Exception> {
    match a.get(i) {
        None => Ok(true),
        Some(t) if t.is_atom("latin1") => Ok(false),
        Some(t) if t.is_atom("utf8") || t.is_atom("unicode") => Ok(true),
        _ => Err(bad()),
    }
}

fn atom_to_binary(_: &mut BifCtx, a: &[Term]) -> R {
    let utf8 = utf8_encoding(a, 1)?;
    let name = arg(a, 0)?.as_atom().ok_or_else(bad)?.name();
    if utf8 {
        return Ok(Term::binary(name.as_bytes()));
    }
    let bytes: Option<Vec<u8>> = name.chars().map(|c| u8::try_from(c).ok()).collect();
    bytes.map(Term::binary_from).ok_or_else(bad)
}

fn text_of(b: &[u8], utf8: bool) -> Result<String, Exception> {
    if utf8 {
        std::str::from_utf8(b)
            .map(str::to_string)
            .map_err(|_| bad())
    } else {
        Ok(b.iter().map(|&c| char::from(c)).collect())
    }
}

fn make_atom(s: &str) -> R {
    match Atom::try_new(s) {
        Ok(x) => Ok(Term::Atom(x)),
        Err(_) => Err(Exception::system_limit()),
    }
}

fn binary_to_atom(_: &mut BifCtx, a: &[Term]) -> R {
    let utf8 = utf8_encoding(a, 1)?;
    make_atom(&text_of(bin_arg(a, 0)?, utf8)?)
}

fn binary_to_existing_atom(_: &mut BifCtx, a: &[Term]) -> R {
    let utf8 = utf8_encoding(a, 1)?;
    let s = text_of(bin_arg(a, 0)?, utf8)?;
    Atom::existing(&s).map(Term::Atom).ok_or_else(bad)
}

/// Calls a list built-in on the binary argument's bytes as a string.
fn via_list(c: &mut BifCtx, a: &[Term], f: BifFn) -> R {
    let mut args = a.to_vec();
    if let Some(first) = args.first_mut() {
        *first = bytes_to_list(bin_arg(a, 0)?);
    }
    f(c, &args)
}

/// Calls a built-in that makes a string and returns its bytes.
fn to_bytes(c: &mut BifCtx, a: &[Term], f: BifFn) -> R {
    let s = f(c, a)?;
    let mut out = vec![];
    iolist_bytes(&s, &mut out)?;
    Ok(Term::binary_from(out))
}

fn integer_to_binary(c: &mut BifCtx, a: &[Term]) -> R {
    to_bytes(c, a, super::erlang::integer_to_list)
}

fn binary_to_integer(c: &mut BifCtx, a: &[Term]) -> R {
    via_list(c, a, super::erlang::list_to_integer)
}

fn float_to_binary(c: &mut BifCtx, a: &[Term]) -> R {
    to_bytes(c, a, super::erlang::float_to_list)
}

fn binary_to_float(c: &mut BifCtx, a: &[Term]) -> R {
    via_list(c, a, super::erlang::list_to_float)
}

fn term_to_binary(_: &mut BifCtx, a: &[Term]) -> R {
    super::etf::encode(arg(a, 0)?)
}

fn binary_to_term(_: &mut BifCtx, a: &[Term]) -> R {
    super::etf::decode(bin_arg(a, 0)?)
}

pub static BIFS: &[(&str, usize, BifFn)] = &[
    ("is_binary", 1, is_binary),
    ("is_bitstring", 1, is_binary),
    ("byte_size", 1, byte_size),
    ("bit_size", 1, bit_size),
    ("size", 1, size),
    ("binary_to_list", 1, binary_to_list),
    ("binary_to_list", 3, binary_to_list),
    ("bitstring_to_list", 1, binary_to_list),
    ("list_to_binary", 1, list_to_binary),
    ("list_to_bitstring", 1, list_to_binary),
    ("iolist_to_binary", 1, iolist_to_binary),
    ("iolist_size", 1, iolist_size),
    ("binary_part", 2, binary_part),
    ("binary_part", 3, binary_part),
    ("split_binary", 2, split_binary),
    ("atom_to_binary", 1, atom_to_binary),
    ("atom_to_binary", 2, atom_to_binary),
    ("binary_to_atom", 1, binary_to_atom),
    ("binary_to_atom", 2, binary_to_atom),
    ("binary_to_existing_atom", 1, binary_to_existing_atom),
    ("binary_to_existing_atom", 2, binary_to_existing_atom),
    ("integer_to_binary", 1, integer_to_binary),
    ("integer_to_binary", 2, integer_to_binary),
    ("binary_to_integer", 1, binary_to_integer),
    ("binary_to_integer", 2, binary_to_integer),
    ("float_to_binary", 1, float_to_binary),
    ("binary_to_float", 1, binary_to_float),
    ("term_to_binary", 1, term_to_binary),
    ("binary_to_term", 1, binary_to_term),
];
