//! Arithmetic and comparison with Erlang's rules: integers of any size
//! (fast path on `i64`, overflow into bignums), floats that must stay
//! finite (`badarith` otherwise), `/` always a float, `div`/`rem` truncate.

use super::exception::Exception;
use super::op::{Arith, Cmp};
use crate::term::order::{compare, exact_eq};
use crate::term::Term;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// A big integer as a float, converted as the BEAM does: 64-bit digits
/// from the most significant, each step `d * 2^64 + digit` in floating
/// point (not always the nearest float, but erl's answer); None when it
/// is beyond the floats.
pub fn big_to_f64(b: &num_bigint::BigInt) -> Option<f64> {
    let mut d = 0.0f64;
    for digit in b.magnitude().to_u64_digits().iter().rev() {
        d = d * 18_446_744_073_709_551_616.0 + *digit as f64;
    }
    let d = if b.is_negative() { -d } else { d };
    d.is_finite().then_some(d)
}

/// A number as a float, as `float/1` converts it; None for a non-number
/// or an integer beyond the floats.
pub fn to_f64(t: &Term) -> Option<f64> {
    match t {
        Term::Int(i) => Some(*i as f64),
        Term::Big(b) => big_to_f64(b),
        Term::Float(f) => Some(*f),
        _ => None,
    }
}

fn float_result(f: f64) -> Result<Term, Exception> {
    if f.is_finite() {
        Ok(Term::Float(f))
    } else {
        Err(Exception::badarith())
    }
}

/// Largest shift we allow: a result beyond this many bits is `system_limit`.
const MAX_BITS: u64 = 1 << 24;

/// `+`, `-` or `*` of two small integers when the result is one too: the
/// VM's inline path, kept to the three commonest operators.
#[inline]
pub fn small_add_sub_mul(op: Arith, x: i64, y: i64) -> Option<i64> {
    match op {
        Arith::Add => x.checked_add(y),
        Arith::Sub => x.checked_sub(y),
        Arith::Mul => x.checked_mul(y),
        _ => None,
    }
}

/// `x <op> y` for two small integers when the result is one too; `None`
/// for everything else (overflow, division by zero, `/`, shifts).
#[inline]
pub fn small_arith(op: Arith, x: i64, y: i64) -> Option<i64> {
    match op {
        Arith::Add | Arith::Sub | Arith::Mul => small_add_sub_mul(op, x, y),
        Arith::Div if y != 0 => x.checked_div(y),
        Arith::Rem if y != 0 => x.checked_rem(y),
        Arith::Band => Some(x & y),
        Arith::Bor => Some(x | y),
        Arith::Bxor => Some(x ^ y),
        _ => None,
    }
}

/// A comparison of two small integers.
#[inline]
pub fn small_cmp(c: Cmp, x: i64, y: i64) -> bool {
    match c {
        Cmp::Eq | Cmp::ExactEq => x == y,
        Cmp::Ne | Cmp::ExactNe => x != y,
        Cmp::Lt => x < y,
        Cmp::Gt => x > y,
        Cmp::Le => x <= y,
        Cmp::Ge => x >= y,
    }
}

pub fn arith(op: Arith, a: &Term, b: &Term) -> Result<Term, Exception> {
    if let (Term::Int(x), Term::Int(y)) = (a, b) {
        if let Some(r) = small_arith(op, *x, *y) {
            return Ok(Term::Int(r));
        }
    }
    match op {
        Arith::Fdiv => {
            let (Some(x), Some(y)) = (to_f64(a), to_f64(b)) else {
                return Err(Exception::badarith());
            };
            if y == 0.0 {
                return Err(Exception::badarith());
            }
            float_result(x / y)
        }
        Arith::Add | Arith::Sub | Arith::Mul => {
            if matches!(a, Term::Float(_)) || matches!(b, Term::Float(_)) {
                let (Some(x), Some(y)) = (to_f64(a), to_f64(b)) else {
                    return Err(Exception::badarith());
                };
                return float_result(match op {
                    Arith::Add => x + y,
                    Arith::Sub => x - y,
                    _ => x * y,
                });
            }
            let (Some(x), Some(y)) = (a.to_big(), b.to_big()) else {
                return Err(Exception::badarith());
            };
            if op == Arith::Mul && x.bits() + y.bits() > MAX_BITS {
                return Err(Exception::system_limit());
            }
            Ok(Term::from_big(match op {
                Arith::Add => x + y,
                Arith::Sub => x - y,
                _ => x * y,
            }))
        }
        _ => int_op(op, a, b),
    }
}

fn int_op(op: Arith, a: &Term, b: &Term) -> Result<Term, Exception> {
    let (Some(x), Some(y)) = (a.to_big(), b.to_big()) else {
        return Err(Exception::badarith());
    };
    Ok(Term::from_big(match op {
        Arith::Div | Arith::Rem if y.is_zero() => return Err(Exception::badarith()),
        // Truncating division, as Erlang's `div` and `rem`.
        Arith::Div => {
            let (q, _) = x.div_rem(&y);
            q
        }
        Arith::Rem => {
            let (_, r) = x.div_rem(&y);
            r
        }
        Arith::Band => x & y,
        Arith::Bor => x | y,
        Arith::Bxor => x ^ y,
        Arith::Bsl | Arith::Bsr => {
            let shift = y.to_i64().ok_or_else(Exception::system_limit)?;
            let left = if op == Arith::Bsl { shift } else { -shift };
            if left > 0 {
                if x.bits() + left as u64 > MAX_BITS {
                    return Err(Exception::system_limit());
                }
                x << (left as usize)
            } else {
                let r = (-left) as u64;
                if r > x.bits() {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                } else {
                    x >> (r as usize)
                }
            }
        }
        _ => return Err(Exception::badarith()),
    }))
}

pub fn negate(a: &Term) -> Result<Term, Exception> {
    match a {
        Term::Int(i) => Ok(i
            .checked_neg()
            .map(Term::Int)
            .unwrap_or_else(|| Term::from_big(-BigInt::from(*i)))),
        Term::Big(b) => Ok(Term::from_big(-(**b).clone())),
        Term::Float(f) => Ok(Term::Float(-f)),
        _ => Err(Exception::badarith()),
    }
}

pub fn cmp(c: Cmp, a: &Term, b: &Term) -> bool {
    if let (Term::Int(x), Term::Int(y)) = (a, b) {
        return small_cmp(c, *x, *y);
    }
    match c {
        Cmp::ExactEq => exact_eq(a, b),
        Cmp::ExactNe => !exact_eq(a, b),
        Cmp::Eq => compare(a, b) == Ordering::Equal,
        Cmp::Ne => compare(a, b) != Ordering::Equal,
        Cmp::Lt => compare(a, b) == Ordering::Less,
        Cmp::Gt => compare(a, b) == Ordering::Greater,
        Cmp::Le => compare(a, b) != Ordering::Greater,
        Cmp::Ge => compare(a, b) != Ordering::Less,
    }
}
