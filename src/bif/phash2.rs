//! `erlang:phash2/1,2`, OTP's portable hash of a term, computed as the
//! emulator's `make_hash2` does: Bob Jenkins' 96-bit mix over 32-bit
//! words, a constant per kind of term (multiples of the golden ratio),
//! strings taken four bytes at a time, atoms by their name's hashpjw value
//! and a map as the xor of its pairs' hashes, so the value does not
//! depend on key order; binaries by Jenkins' lookup2. Numbers, atoms,
//! lists, tuples, maps and binaries hash as in erl; pids, references and funs hash by pidlab's own numbers.

use super::{BifCtx, BifFn};
use crate::term::{Fun, Term};
use crate::vm::Exception;
use num_bigint::Sign;

type R = Result<Term, Exception>;

const GOLDEN: u32 = 0x9e37_79b9;

/// `HCONST_n` of the emulator: the golden ratio times n.
const fn hconst(n: u32) -> u32 {
    GOLDEN.wrapping_mul(n)
}

/// The word nil hashes as within a term.
const NIL_WORD: u32 = 2;
/// phash2 of a term that starts with nil.
const NIL_FIRST: u32 = 3_468_870_702;

fn mix(a: u32, b: u32, c: u32) -> u32 {
    mix3(a, b, c).2
}

fn mix3(mut a: u32, mut b: u32, mut c: u32) -> (u32, u32, u32) {
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 13);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 8);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 13);
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 12);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 16);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 5);
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 3);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 10);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 15);
    (a, b, c)
}

/// Bob Jenkins' lookup2 hash of a binary's bytes, seeded with `seed`.
fn block_hash(bytes: &[u8], seed: u32) -> u32 {
    let word = |k: &[u8]| {
        k.iter()
            .enumerate()
            .fold(0u32, |w, (i, b)| w.wrapping_add(u32::from(*b) << (8 * i)))
    };
    let (mut a, mut b, mut c) = (GOLDEN, GOLDEN, seed);
    let mut chunks = bytes.chunks_exact(12);
    for k in chunks.by_ref() {
        a = a.wrapping_add(word(k.get(0..4).unwrap_or_default()));
        b = b.wrapping_add(word(k.get(4..8).unwrap_or_default()));
        c = c.wrapping_add(word(k.get(8..12).unwrap_or_default()));
        (a, b, c) = mix3(a, b, c);
    }
    let rest = chunks.remainder();
    c = c.wrapping_add(bytes.len() as u32);
    a = a.wrapping_add(word(rest.get(0..4.min(rest.len())).unwrap_or_default()));
    if rest.len() > 4 {
        b = b.wrapping_add(word(rest.get(4..8.min(rest.len())).unwrap_or_default()));
    }
    if rest.len() > 8 {
        // The lowest byte of c holds the length.
        c = c.wrapping_add(word(rest.get(8..).unwrap_or_default()) << 8);
    }
    mix3(a, b, c).2
}

fn hash_pair(h: u32, x: u32, y: u32, k: u32) -> u32 {
    mix(k.wrapping_add(x), k.wrapping_add(y), h)
}

fn hash_word(h: u32, x: u32, k: u32) -> u32 {
    hash_pair(h, x, 0, k)
}

/// An integer's magnitude in 64-bit digits, least significant first.
fn hash_digits(h: u32, negative: bool, digits: impl Iterator<Item = u64>) -> u32 {
    let k = if negative { hconst(10) } else { hconst(11) };
    digits.fold(h, |h, d| hash_pair(h, d as u32, (d >> 32) as u32, k))
}

fn hash_int(h: u32, n: i64) -> u32 {
    if (-(1 << 27)..1 << 27).contains(&n) {
        let y = n as i32;
        let h = if y < 0 {
            hash_word(h, y.wrapping_neg() as u32, GOLDEN)
        } else {
            h
        };
        hash_word(h, y as u32, GOLDEN)
    } else {
        hash_digits(h, n < 0, std::iter::once(n.unsigned_abs()))
    }
}

fn atom_value(a: crate::term::Atom) -> u32 {
    super::phash::atom_hash(a.name())
}

fn hash(h: u32, t: &Term) -> u32 {
    match t {
        Term::Int(n) => hash_int(h, *n),
        Term::Big(b) => hash_digits(h, b.sign() == Sign::Minus, b.iter_u64_digits()),
        Term::Float(f) => {
            let bits = if *f == 0.0 { 0 } else { f.to_bits() };
            hash_pair(h, (bits >> 32) as u32, bits as u32, hconst(12))
        }
        Term::Atom(a) if h == 0 => atom_value(*a),
        Term::Atom(a) => hash_word(h, atom_value(*a), hconst(3)),
        Term::Nil if h == 0 => NIL_FIRST,
        Term::Nil => hash_word(h, NIL_WORD, hconst(2)),
        Term::Cons(_) => hash_list(h, t),
        Term::Binary(b) if b.as_slice().is_empty() => hconst(13).wrapping_add(h),
        Term::Binary(b) => block_hash(b.as_slice(), hconst(13).wrapping_add(h)),
        Term::Tuple(es) => es
            .iter()
            .fold(hash_word(h, es.len() as u32, hconst(9)), hash),
        Term::Map(m) => {
            let h = hash_word(h, m.len() as u32, hconst(16));
            if m.is_empty() {
                return h;
            }
            let pairs = m.iter().fold(0, |x, (k, v)| x ^ hash(hash(0, k), v));
            hash_word(h, pairs, hconst(19))
        }
        Term::Pid(p) => hash_word(h, p.number(), hconst(5)),
        Term::Ref(r) => hash_word(h, r.0 as u32, hconst(7)),
        Term::Fun(f) => match &**f {
            Fun::Closure {
                module,
                index,
                uniq,
                env,
                ..
            } => {
                let h = hash_pair(h, env.len() as u32, atom_value(*module), hconst(20));
                let h = hash_pair(h, *index, *uniq, hconst(21));
                env.iter().fold(h, hash)
            }
            Fun::Export {
                module,
                function,
                arity,
                ..
            } => {
                let h = hash_pair(h, *arity, atom_value(*module), GOLDEN);
                hash_word(h, atom_value(*function), hconst(14))
            }
        },
    }
}

/// A list: runs of bytes four at a time, other heads each as a term, then
/// the tail that ends it.
fn hash_list(mut h: u32, t: &Term) -> u32 {
    let mut cur = t;
    loop {
        let (mut word, mut count) = (0u32, 0);
        while let Term::Cons(c) = cur {
            let Term::Int(b @ 0..=255) = c.head else {
                break;
            };
            word = (word << 8).wrapping_add(b as u32);
            count += 1;
            if count == 4 {
                h = hash_word(h, word, hconst(4));
                (word, count) = (0, 0);
            }
            cur = &c.tail;
        }
        if count > 0 {
            h = hash_word(h, word, hconst(4));
        }
        match cur {
            Term::Cons(c) => {
                h = hash(h, &c.head);
                cur = &c.tail;
            }
            _ => return hash(h, cur),
        }
    }
}

/// The full 32-bit value of `make_hash2`.
pub fn make_hash2(t: &Term) -> u32 {
    hash(0, t)
}

/// `erlang:phash2(Term)`: 0..2^27-1.
fn phash2_1(_: &mut BifCtx, a: &[Term]) -> R {
    let t = super::arg(a, 0)?;
    Ok(Term::Int(i64::from(make_hash2(t) & ((1 << 27) - 1))))
}

/// `erlang:phash2(Term, Range)`: 0..Range-1, Range at most 2^32.
fn phash2_2(_: &mut BifCtx, a: &[Term]) -> R {
    let (Some(t), Some(Term::Int(range))) = (a.first(), a.get(1)) else {
        return Err(Exception::badarg());
    };
    if !(1..=1 << 32).contains(range) {
        return Err(Exception::badarg());
    }
    Ok(Term::Int((u64::from(make_hash2(t)) % *range as u64) as i64))
}

pub static BIFS: &[(&str, usize, BifFn)] = &[("phash2", 1, phash2_1), ("phash2", 2, phash2_2)];
