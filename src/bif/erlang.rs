//! Built-ins of the `erlang` module.

use super::{arg, int_arg, BifCtx, BifFn};
use crate::term::order::compare;
use crate::term::{float, Atom, Term};
use crate::vm::arith::negate;
use crate::vm::Exception;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Num, Signed};
use std::cmp::Ordering;
use std::rc::Rc;

type R = Result<Term, Exception>;

fn bad() -> Exception {
    Exception::badarg()
}

macro_rules! type_test {
    ($name:ident, $pat:pat) => {
        fn $name(_: &mut BifCtx, a: &[Term]) -> R {
            Ok(Term::bool(matches!(arg(a, 0)?, $pat)))
        }
    };
}

type_test!(is_atom, Term::Atom(_));
type_test!(is_integer, Term::Int(_) | Term::Big(_));
type_test!(is_float, Term::Float(_));
type_test!(is_number, Term::Int(_) | Term::Big(_) | Term::Float(_));
type_test!(is_list, Term::Nil | Term::Cons(_));
type_test!(is_tuple, Term::Tuple(_));
type_test!(is_map, Term::Map(_));
type_test!(is_function, Term::Fun(_));
type_test!(is_pid, Term::Pid(_));
type_test!(is_reference, Term::Ref(_));
fn is_port(_: &mut BifCtx, a: &[Term]) -> R {
    // pidlab has no ports.
    arg(a, 0).map(|_| Term::bool(false))
}

fn is_boolean(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(Term::bool(arg(a, 0)?.as_bool().is_some()))
}

fn is_function2(_: &mut BifCtx, a: &[Term]) -> R {
    let n = int_arg(a, 1)?;
    Ok(Term::bool(
        matches!(arg(a, 0)?, Term::Fun(f) if i64::from(f.arity()) == n),
    ))
}

fn neg(_: &mut BifCtx, a: &[Term]) -> R {
    negate(arg(a, 0)?)
}

fn plus(_: &mut BifCtx, a: &[Term]) -> R {
    let x = arg(a, 0)?;
    if x.is_number() {
        Ok(x.clone())
    } else {
        Err(Exception::badarith())
    }
}

fn bnot(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Int(i) => Ok(Term::Int(!i)),
        Term::Big(b) => Ok(Term::from_big(!(**b).clone())),
        _ => Err(Exception::badarith()),
    }
}

fn bool_arg(a: &[Term], i: usize) -> Result<bool, Exception> {
    arg(a, i)?.as_bool().ok_or_else(bad)
}

fn not(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(Term::bool(!bool_arg(a, 0)?))
}

fn and(_: &mut BifCtx, a: &[Term]) -> R {
    let (x, y) = (bool_arg(a, 0)?, bool_arg(a, 1)?);
    Ok(Term::bool(x && y))
}

fn or(_: &mut BifCtx, a: &[Term]) -> R {
    let (x, y) = (bool_arg(a, 0)?, bool_arg(a, 1)?);
    Ok(Term::bool(x || y))
}

fn xor(_: &mut BifCtx, a: &[Term]) -> R {
    let (x, y) = (bool_arg(a, 0)?, bool_arg(a, 1)?);
    Ok(Term::bool(x ^ y))
}

/// `A ++ B`: copies A's cells onto B; A must be a proper list.
pub fn append(_: &mut BifCtx, a: &[Term]) -> R {
    let x = super::list_arg(a, 0)?;
    Ok(Term::list_with_tail(x, arg(a, 1)?.clone()))
}

/// `A -- B`: removes the first occurrence in A of each element of B.
fn subtract(_: &mut BifCtx, a: &[Term]) -> R {
    let mut x = super::list_arg(a, 0)?;
    let y = super::list_arg(a, 1)?;
    for t in &y {
        if let Some(i) = x.iter().position(|e| e == t) {
            x.remove(i);
        }
    }
    Ok(Term::list(x))
}

fn element(_: &mut BifCtx, a: &[Term]) -> R {
    let i = int_arg(a, 0)?;
    match arg(a, 1)? {
        Term::Tuple(t) if i >= 1 => t.get(i as usize - 1).cloned().ok_or_else(bad),
        _ => Err(bad()),
    }
}

fn setelement(_: &mut BifCtx, a: &[Term]) -> R {
    let i = int_arg(a, 0)?;
    match arg(a, 1)? {
        Term::Tuple(t) if i >= 1 && (i as usize) <= t.len() => {
            let mut t = t.clone();
            if let Some(slot) = Rc::make_mut(&mut t).get_mut(i as usize - 1) {
                *slot = arg(a, 2)?.clone();
            }
            Ok(Term::Tuple(t))
        }
        _ => Err(bad()),
    }
}

pub(super) fn tuple_size(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Tuple(t) => Ok(Term::Int(t.len() as i64)),
        _ => Err(bad()),
    }
}

fn length(_: &mut BifCtx, a: &[Term]) -> R {
    arg(a, 0)?
        .list_len()
        .map(|n| Term::Int(n as i64))
        .ok_or_else(bad)
}

fn hd(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Cons(c) => Ok(c.head.clone()),
        _ => Err(bad()),
    }
}

fn tl(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Cons(c) => Ok(c.tail.clone()),
        _ => Err(bad()),
    }
}

fn abs(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Int(i) => Ok(i
            .checked_abs()
            .map(Term::Int)
            .unwrap_or_else(|| Term::from_big(BigInt::from(*i).abs()))),
        Term::Big(b) => Ok(Term::from_big(b.abs())),
        Term::Float(f) => Ok(Term::Float(if *f == 0.0 { *f } else { f.abs() })),
        _ => Err(bad()),
    }
}

fn max(_: &mut BifCtx, a: &[Term]) -> R {
    let (x, y) = (arg(a, 0)?, arg(a, 1)?);
    Ok(if compare(x, y) == Ordering::Less {
        y.clone()
    } else {
        x.clone()
    })
}

fn min(_: &mut BifCtx, a: &[Term]) -> R {
    let (x, y) = (arg(a, 0)?, arg(a, 1)?);
    Ok(if compare(x, y) == Ordering::Greater {
        y.clone()
    } else {
        x.clone()
    })
}

fn float_to_int(f: f64) -> Term {
    match BigInt::from_f64(f) {
        Some(b) => Term::from_big(b),
        None => Term::Int(0),
    }
}

fn round(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Float(f) => Ok(float_to_int(f.round())),
        t if t.is_integer() => Ok(t.clone()),
        _ => Err(bad()),
    }
}

fn trunc(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Float(f) => Ok(float_to_int(f.trunc())),
        t if t.is_integer() => Ok(t.clone()),
        _ => Err(bad()),
    }
}

fn floor(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Float(f) => Ok(float_to_int(f.floor())),
        t if t.is_integer() => Ok(t.clone()),
        _ => Err(bad()),
    }
}

fn ceil(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Float(f) => Ok(float_to_int(f.ceil())),
        t if t.is_integer() => Ok(t.clone()),
        _ => Err(bad()),
    }
}

pub fn to_float(t: &Term) -> Option<f64> {
    crate::vm::arith::to_f64(t)
}

fn float_(_: &mut BifCtx, a: &[Term]) -> R {
    to_float(arg(a, 0)?).map(Term::Float).ok_or_else(bad)
}

fn string_arg(a: &[Term], i: usize) -> Result<String, Exception> {
    arg(a, i)?.as_string().ok_or_else(bad)
}

fn atom_to_list(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Atom(x) => Ok(Term::string(x.name())),
        _ => Err(bad()),
    }
}

fn list_to_atom(_: &mut BifCtx, a: &[Term]) -> R {
    let s = string_arg(a, 0)?;
    match Atom::try_new(&s) {
        Ok(x) => Ok(Term::Atom(x)),
        Err(crate::term::atom::AtomError::TooLong) => Err(Exception::system_limit()),
        Err(crate::term::atom::AtomError::TableFull) => Err(Exception::system_limit()),
    }
}

fn list_to_existing_atom(_: &mut BifCtx, a: &[Term]) -> R {
    let s = string_arg(a, 0)?;
    Atom::existing(&s).map(Term::Atom).ok_or_else(bad)
}

fn radix(a: &[Term], i: usize) -> Result<u32, Exception> {
    match a.get(i) {
        None => Ok(10),
        Some(Term::Int(b)) if (2..=36).contains(b) => Ok(*b as u32),
        _ => Err(bad()),
    }
}

pub(super) fn integer_to_list(_: &mut BifCtx, a: &[Term]) -> R {
    let b = radix(a, 1)?;
    let n = arg(a, 0)?.to_big().ok_or_else(bad)?;
    Ok(Term::string(&n.to_str_radix(b).to_uppercase()))
}

/// `list_to_pid("<0.81.0>")`: pids of this node only.
fn list_to_pid(_: &mut BifCtx, a: &[Term]) -> R {
    let s = string_arg(a, 0)?;
    let p = crate::term::Pid::parse(&s)
        .filter(|p| p.node() == 0)
        .ok_or_else(bad)?;
    Ok(Term::Pid(p))
}

fn pid_to_list(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Pid(p) => Ok(Term::string(&p.to_string())),
        _ => Err(bad()),
    }
}

pub(super) fn list_to_integer(_: &mut BifCtx, a: &[Term]) -> R {
    let b = radix(a, 1)?;
    let s = string_arg(a, 0)?;
    let digits = s.strip_prefix('+').unwrap_or(&s);
    if digits.is_empty() || digits.starts_with(['+']) || s.len() > 100_000 {
        return Err(bad());
    }
    BigInt::from_str_radix(digits, b)
        .map(Term::from_big)
        .map_err(|_| bad())
}

pub(super) fn float_to_list(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Float(f) => Ok(Term::string(&float::float_to_list(*f))),
        _ => Err(bad()),
    }
}

pub(super) fn list_to_float(_: &mut BifCtx, a: &[Term]) -> R {
    let s = string_arg(a, 0)?;
    // Erlang wants digits, a dot and digits, with an optional exponent.
    let valid = {
        let body = s.strip_prefix(['-', '+']).unwrap_or(&s);
        let (mant, _) = body.split_once(['e', 'E']).unwrap_or((body, ""));
        matches!(mant.split_once('.'), Some((x, y)) if !x.is_empty() && !y.is_empty() && x.chars().all(|c| c.is_ascii_digit()) && y.chars().all(|c| c.is_ascii_digit()))
    };
    if !valid {
        return Err(bad());
    }
    s.parse::<f64>().ok().and_then(Term::float).ok_or_else(bad)
}

fn tuple_to_list(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Tuple(t) => Ok(Term::list(t.iter().cloned().collect::<Vec<_>>())),
        _ => Err(bad()),
    }
}

fn list_to_tuple(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(Term::tuple(super::list_arg(a, 0)?))
}

fn map_size(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Map(m) => Ok(Term::Int(m.len() as i64)),
        t => Err(Exception::tagged("badmap", t.clone())),
    }
}

fn map_get(_: &mut BifCtx, a: &[Term]) -> R {
    let k = arg(a, 0)?;
    match arg(a, 1)? {
        Term::Map(m) => m
            .get(k)
            .cloned()
            .ok_or_else(|| Exception::tagged("badkey", k.clone())),
        t => Err(Exception::tagged("badmap", t.clone())),
    }
}

fn is_map_key(_: &mut BifCtx, a: &[Term]) -> R {
    let k = arg(a, 0)?;
    match arg(a, 1)? {
        Term::Map(m) => Ok(Term::bool(m.contains_key(k))),
        t => Err(Exception::tagged("badmap", t.clone())),
    }
}

fn self_(c: &mut BifCtx, _: &[Term]) -> R {
    c.pid.map(Term::Pid).ok_or_else(bad)
}

fn make_ref(c: &mut BifCtx, _: &[Term]) -> R {
    c.next_ref += 1;
    Ok(Term::Ref(crate::term::Ref(c.next_ref)))
}

fn node(_: &mut BifCtx, _: &[Term]) -> R {
    Ok(Term::atom("nonode@nohost"))
}

/// `node(Pid)`: every process of the simulator is on this node.
fn node_of(_: &mut BifCtx, a: &[Term]) -> R {
    match arg(a, 0)? {
        Term::Pid(_) | Term::Ref(_) => Ok(Term::atom("nonode@nohost")),
        _ => Err(bad()),
    }
}

/// `nodes()`: the simulator is one node that is not distributed, as erl
/// started without a name.
fn nodes(_: &mut BifCtx, _: &[Term]) -> R {
    Ok(Term::Nil)
}

fn is_alive(_: &mut BifCtx, _: &[Term]) -> R {
    Ok(Term::bool(false))
}

fn is_record(_: &mut BifCtx, a: &[Term]) -> R {
    let tag = arg(a, 1)?;
    Ok(Term::bool(
        matches!(arg(a, 0)?, Term::Tuple(t) if t.first() == Some(tag)),
    ))
}

/// `is_record(Term, Tag, Size)`: a tuple of `Size` elements tagged `Tag`.
fn is_record_sized(_: &mut BifCtx, a: &[Term]) -> R {
    let tag = arg(a, 1)?;
    let size = match arg(a, 2)? {
        Term::Int(n) => *n,
        _ => return Err(bad()),
    };
    Ok(Term::bool(matches!(arg(a, 0)?, Term::Tuple(t)
        if t.first() == Some(tag) && i64::try_from(t.len()).ok() == Some(size))))
}

macro_rules! operator_bifs {
    ($($name:ident => $kind:ident :: $v:ident),* $(,)?) => {
        $(
            fn $name(_: &mut BifCtx, a: &[Term]) -> R {
                operator_bifs!(@call $kind $v a)
            }
        )*
    };
    (@call Arith $v:ident $a:ident) => {
        crate::vm::arith::arith(crate::vm::op::Arith::$v, arg($a, 0)?, arg($a, 1)?)
    };
    (@call Cmp $v:ident $a:ident) => {
        Ok(Term::bool(crate::vm::arith::cmp(crate::vm::op::Cmp::$v, arg($a, 0)?, arg($a, 1)?)))
    };
}

operator_bifs! {
    op_add => Arith::Add, op_sub => Arith::Sub, op_mul => Arith::Mul, op_fdiv => Arith::Fdiv,
    op_div => Arith::Div, op_rem => Arith::Rem, op_band => Arith::Band, op_bor => Arith::Bor,
    op_bxor => Arith::Bxor, op_bsl => Arith::Bsl, op_bsr => Arith::Bsr,
    op_eq => Cmp::Eq, op_ne => Cmp::Ne, op_exact_eq => Cmp::ExactEq, op_exact_ne => Cmp::ExactNe,
    op_lt => Cmp::Lt, op_gt => Cmp::Gt, op_le => Cmp::Le, op_ge => Cmp::Ge,
}

pub static BIFS: &[(&str, usize, BifFn)] = &[
    ("+", 2, op_add),
    ("-", 2, op_sub),
    ("*", 2, op_mul),
    ("/", 2, op_fdiv),
    ("div", 2, op_div),
    ("rem", 2, op_rem),
    ("band", 2, op_band),
    ("bor", 2, op_bor),
    ("bxor", 2, op_bxor),
    ("bsl", 2, op_bsl),
    ("bsr", 2, op_bsr),
    ("==", 2, op_eq),
    ("/=", 2, op_ne),
    ("=:=", 2, op_exact_eq),
    ("=/=", 2, op_exact_ne),
    ("<", 2, op_lt),
    (">", 2, op_gt),
    ("=<", 2, op_le),
    (">=", 2, op_ge),
    ("is_atom", 1, is_atom),
    ("is_integer", 1, is_integer),
    ("is_float", 1, is_float),
    ("is_number", 1, is_number),
    ("is_list", 1, is_list),
    ("is_tuple", 1, is_tuple),
    ("is_map", 1, is_map),
    ("is_function", 1, is_function),
    ("is_function", 2, is_function2),
    ("is_pid", 1, is_pid),
    ("is_reference", 1, is_reference),
    ("is_port", 1, is_port),
    ("is_boolean", 1, is_boolean),
    ("is_record", 2, is_record),
    ("is_record", 3, is_record_sized),
    ("-", 1, neg),
    ("+", 1, plus),
    ("bnot", 1, bnot),
    ("not", 1, not),
    ("and", 2, and),
    ("or", 2, or),
    ("xor", 2, xor),
    ("++", 2, append),
    ("--", 2, subtract),
    ("element", 2, element),
    ("setelement", 3, setelement),
    ("tuple_size", 1, tuple_size),
    ("length", 1, length),
    ("hd", 1, hd),
    ("tl", 1, tl),
    ("abs", 1, abs),
    ("max", 2, max),
    ("min", 2, min),
    ("round", 1, round),
    ("trunc", 1, trunc),
    ("floor", 1, floor),
    ("ceil", 1, ceil),
    ("float", 1, float_),
    ("atom_to_list", 1, atom_to_list),
    ("list_to_atom", 1, list_to_atom),
    ("list_to_existing_atom", 1, list_to_existing_atom),
    ("list_to_pid", 1, list_to_pid),
    ("pid_to_list", 1, pid_to_list),
    ("integer_to_list", 1, integer_to_list),
    ("integer_to_list", 2, integer_to_list),
    ("list_to_integer", 1, list_to_integer),
    ("list_to_integer", 2, list_to_integer),
    ("float_to_list", 1, float_to_list),
    ("list_to_float", 1, list_to_float),
    ("tuple_to_list", 1, tuple_to_list),
    ("list_to_tuple", 1, list_to_tuple),
    ("map_size", 1, map_size),
    ("map_get", 2, map_get),
    ("is_map_key", 2, is_map_key),
    ("self", 0, self_),
    ("make_ref", 0, make_ref),
    ("node", 0, node),
    ("node", 1, node_of),
    ("nodes", 0, nodes),
    ("is_alive", 0, is_alive),
];
