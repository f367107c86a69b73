//! `rand` (and the older `random`): numbers from the process's own
//! generator. Each process starts from a state derived from the world's seed
//! and its pid, so a run is reproducible: the same seed gives the same
//! numbers, another seed others. The numbers are not those erl would draw.
//! `seed/1,2` restarts the generator from any term.

use super::{BifCtx, BifFn};
use crate::term::Term;
use crate::vm::Exception;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive};

type R = Result<Term, Exception>;

use crate::rng::next;

/// The first state of process `pid` in a world whose seed is `seed`.
pub fn initial_state(seed: u64, pid: u32) -> u64 {
    let mut s = seed ^ u64::from(pid).wrapping_mul(0xD1B5_4A32_D192_ED03);
    next(&mut s)
}

/// A float in [0, 1) with 53 random bits.
fn unit(c: &mut BifCtx) -> f64 {
    (next(&mut c.rand) >> 11) as f64 / (1u64 << 53) as f64
}

fn uniform(c: &mut BifCtx, a: &[Term]) -> R {
    match a.first() {
        None => Ok(Term::Float(unit(c))),
        Some(Term::Int(n)) if *n >= 1 => {
            // Rejection sampling keeps every value equally likely.
            let n = *n as u64;
            let zone = u64::MAX - u64::MAX % n;
            loop {
                let x = next(&mut c.rand);
                if x < zone {
                    return Ok(Term::Int((x % n) as i64 + 1));
                }
            }
        }
        Some(Term::Big(n)) if n.is_positive() => {
            // A bignum range: enough random words, reduced modulo n.
            let words = n.bits() / 64 + 2;
            let mut x = BigInt::from(0);
            for _ in 0..words {
                x = (x << 64) + BigInt::from(next(&mut c.rand));
            }
            Ok(Term::from_big(x % &**n + BigInt::one()))
        }
        _ => Err(Exception::error(Term::atom("function_clause"))),
    }
}

fn uniform_real(c: &mut BifCtx, _: &[Term]) -> R {
    // (0, 1): zero is drawn again.
    loop {
        let f = unit(c);
        if f > 0.0 {
            return Ok(Term::Float(f));
        }
    }
}

fn normal(c: &mut BifCtx, _: &[Term]) -> R {
    // Box-Muller on two uniform draws in (0, 1].
    let u1 = 1.0 - unit(c);
    let u2 = unit(c);
    let z = (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos();
    Term::float(z).map_or_else(|| Ok(Term::Float(0.0)), Ok)
}

fn seed(c: &mut BifCtx, a: &[Term]) -> R {
    // FNV-1a over the seed's printed form: stable across versions.
    let text = crate::term::write::write(a.last().unwrap_or(&Term::Nil));
    let h = text.bytes().fold(0xCBF2_9CE4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3)
    });
    c.rand = initial_state(h, 0);
    Ok(Term::tuple(vec![
        Term::atom("pidlab"),
        Term::Int((c.rand >> 1).to_i64().unwrap_or(0)),
    ]))
}

pub static BIFS: &[(&str, usize, BifFn)] = &[
    ("uniform", 0, uniform),
    ("uniform", 1, uniform),
    ("uniform_real", 0, uniform_real),
    ("normal", 0, normal),
    ("seed", 1, seed),
    ("seed", 2, seed),
];

/// The deprecated `random` module draws from the same generator.
pub static RANDOM: &[(&str, usize, BifFn)] = &[
    ("uniform", 0, uniform),
    ("uniform", 1, uniform),
    ("seed", 1, seed),
];
