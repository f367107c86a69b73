//! `erlang:phash/2`, the portable hash OTP's `dict` places keys with, so
//! `dict:to_list/1` lists keys in erl's order. The value follows OTP's
//! documented scheme: integers hashed bytewise from the least significant
//! byte, strings and binaries bytewise, atoms by their name's hashpjw value, and each
//! compound step multiplied by its own prime near 2^28, all modulo 2^32.
//! Pids, references and funs hash by pidlab's own numbers, and maps by a
//! simpler scheme than OTP's, so those keys may land elsewhere than in erl.

use super::{BifCtx, BifFn};
use crate::term::{Fun, Term};
use crate::vm::Exception;
use num_bigint::Sign;

type R = Result<Term, Exception>;

const P1: u32 = 268_440_163;
const P2: u32 = 268_439_161;
const P3: u32 = 268_435_459;
const P4: u32 = 268_436_141;
const P5: u32 = 268_438_633;
const P6: u32 = 268_437_017;
const P8: u32 = 268_437_511;
const P9: u32 = 268_439_627;
const P10: u32 = 268_440_479;
const P13: u32 = 268_440_593;
const P14: u32 = 268_440_611;

/// The hashpjw value of an atom's name, its Latin-1 characters taken as
/// bytes and other characters as their UTF-8 bytes.
pub fn atom_hash(name: &str) -> u32 {
    let mut h: u32 = 0;
    let mut step = |v: u32| {
        h = (h << 4).wrapping_add(v);
        let g = h & 0xf000_0000;
        if g != 0 {
            h ^= g >> 24;
            h ^= g;
        }
    };
    for c in name.chars() {
        if (c as u32) < 256 {
            step(c as u32);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                step(u32::from(b));
            }
        }
    }
    h
}

/// Folds the four bytes of `x`, least significant first.
fn word_step(h: u32, x: u32, prime: u32) -> u32 {
    x.to_le_bytes()
        .iter()
        .fold(h, |h, b| h.wrapping_mul(prime).wrapping_add(u32::from(*b)))
}

/// An integer's magnitude as little-endian bytes, padded to whole 32-bit
/// words (at least one).
fn int_step(h: u32, negative: bool, mut bytes: Vec<u8>) -> u32 {
    let words = bytes.len().div_ceil(4).max(1);
    bytes.resize(words * 4, 0);
    let h = bytes
        .iter()
        .fold(h, |h, b| h.wrapping_mul(P2).wrapping_add(u32::from(*b)));
    h.wrapping_mul(if negative { P4 } else { P3 })
}

fn byte(t: &Term) -> Option<u32> {
    match t {
        Term::Int(n) if (0..256).contains(n) => Some(*n as u32),
        _ => None,
    }
}

fn hash(h: u32, t: &Term) -> u32 {
    match t {
        Term::Nil => h.wrapping_mul(P3).wrapping_add(1),
        Term::Atom(a) => h.wrapping_mul(P1).wrapping_add(atom_hash(a.name())),
        Term::Int(n) => {
            let bytes = n.unsigned_abs().to_le_bytes();
            let len = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
            int_step(h, *n < 0, bytes.iter().take(len).copied().collect())
        }
        Term::Big(b) => {
            let (sign, bytes) = b.to_bytes_le();
            int_step(h, sign == Sign::Minus, bytes)
        }
        Term::Float(f) => {
            let bits = if *f == 0.0 { 0 } else { f.to_bits() };
            let mixed = (bits as u32) ^ ((bits >> 32) as u32);
            h.wrapping_mul(P6).wrapping_add(mixed)
        }
        Term::Cons(_) => {
            let mut h = h;
            let mut cur = t;
            while let Term::Cons(c) = cur {
                h = match byte(&c.head) {
                    Some(b) => h.wrapping_mul(P2).wrapping_add(b),
                    None => hash(h, &c.head),
                };
                cur = &c.tail;
            }
            hash(h, cur).wrapping_mul(P8)
        }
        Term::Tuple(es) => {
            let h = es.iter().fold(h, hash);
            h.wrapping_mul(P9).wrapping_add(es.len() as u32)
        }
        Term::Pid(p) => word_step(h, p.number(), P5).wrapping_mul(P6),
        Term::Ref(r) => word_step(h, r.0 as u32, P9).wrapping_mul(P10),
        Term::Fun(f) => {
            let (module, index, env): (_, u32, &[Term]) = match &**f {
                Fun::Closure {
                    module, index, env, ..
                } => (*module, *index, env),
                Fun::Export { module, .. } => (*module, 0, &[]),
            };
            let h = h
                .wrapping_mul(P10)
                .wrapping_add(env.len() as u32)
                .wrapping_mul(P1)
                .wrapping_add(atom_hash(module.name()))
                .wrapping_mul(P2)
                .wrapping_add(index);
            env.iter().fold(h, hash)
        }
        Term::Map(m) => {
            let inner = m.iter().fold(0, |h, (k, v)| hash(hash(h, k), v));
            h.wrapping_mul(P13).wrapping_add(P14).wrapping_add(inner)
        }
        Term::Binary(b) => b
            .iter()
            .fold(h, |h, x| h.wrapping_mul(P1).wrapping_add(u32::from(*x)))
            .wrapping_mul(P4)
            .wrapping_add(b.len() as u32),
    }
}

/// `erlang:phash(Term, Range)`: 1..Range, Range at most 2^32.
fn phash(_: &mut BifCtx, a: &[Term]) -> R {
    let (Some(t), Some(Term::Int(range))) = (a.first(), a.get(1)) else {
        return Err(Exception::badarg());
    };
    if !(1..=1 << 32).contains(range) {
        return Err(Exception::badarg());
    }
    let h = u64::from(hash(0, t));
    Ok(Term::Int((h % *range as u64) as i64 + 1))
}

pub static BIFS: &[(&str, usize, BifFn)] = &[("phash", 2, phash)];
