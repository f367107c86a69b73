//! The `math` module. Arguments are integers or floats (anything else is
//! badarg); a result that is not a finite float (`math:log(0)`,
//! `math:sqrt(-1)`, `math:exp(1000)`) is badarith, as in erl, which also
//! reports the C library's infinities and NaNs that way. The functions are
//! the C library's, so results agree with erl's to the last bit.

use super::erlang::to_float;
use super::{arg, BifCtx, BifFn};
use crate::term::Term;
use crate::vm::Exception;

type R = Result<Term, Exception>;

fn num(a: &[Term], i: usize) -> Result<f64, Exception> {
    to_float(arg(a, i)?).ok_or_else(Exception::badarg)
}

fn result(f: f64) -> R {
    Term::float(f).ok_or_else(Exception::badarith)
}

/// Functions Rust lacks (erf, erfc) or computes its own way (the inverse
/// hyperbolic ones, which then differ from erl's in the last digit).
mod c {
    extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
    }
}

/// Defines a safe wrapper of a function of the C math library.
macro_rules! libm {
    ($($name:ident),*) => {
        $(fn $name(x: f64) -> f64 {
            // SAFETY: a pure function of the C math library (C99), which
            // Rust's standard library links; it reads only its argument.
            unsafe { c::$name(x) }
        })*
    };
}

libm!(erf, erfc, asinh, acosh, atanh);

/// Defines a one-argument math built-in from an `f64` function.
macro_rules! unary {
    ($($name:ident => $f:expr),* $(,)?) => {
        $(fn $name(_: &mut BifCtx, a: &[Term]) -> R {
            let f: fn(f64) -> f64 = $f;
            result(f(num(a, 0)?))
        })*
    };
}

unary! {
    sin => f64::sin, cos => f64::cos, tan => f64::tan,
    asin => f64::asin, acos => f64::acos, atan => f64::atan,
    sinh => f64::sinh, cosh => f64::cosh, tanh => f64::tanh,
    asinh_ => asinh, acosh_ => acosh, atanh_ => atanh,
    exp => f64::exp, log => f64::ln, log2 => f64::log2, log10 => f64::log10,
    sqrt => f64::sqrt, ceil => f64::ceil, floor => f64::floor,
    erf_ => erf, erfc_ => erfc,
}

fn atan2(_: &mut BifCtx, a: &[Term]) -> R {
    result(num(a, 0)?.atan2(num(a, 1)?))
}

fn pow(_: &mut BifCtx, a: &[Term]) -> R {
    result(num(a, 0)?.powf(num(a, 1)?))
}

fn fmod(_: &mut BifCtx, a: &[Term]) -> R {
    // Rust's % on floats is C's fmod.
    result(num(a, 0)? % num(a, 1)?)
}

fn pi(_: &mut BifCtx, _: &[Term]) -> R {
    result(std::f64::consts::PI)
}

pub static BIFS: &[(&str, usize, BifFn)] = &[
    ("pi", 0, pi),
    ("sin", 1, sin),
    ("cos", 1, cos),
    ("tan", 1, tan),
    ("asin", 1, asin),
    ("acos", 1, acos),
    ("atan", 1, atan),
    ("atan2", 2, atan2),
    ("sinh", 1, sinh),
    ("cosh", 1, cosh),
    ("tanh", 1, tanh),
    ("asinh", 1, asinh_),
    ("acosh", 1, acosh_),
    ("atanh", 1, atanh_),
    ("exp", 1, exp),
    ("log", 1, log),
    ("log2", 1, log2),
    ("log10", 1, log10),
    ("pow", 2, pow),
    ("sqrt", 1, sqrt),
    ("ceil", 1, ceil),
    ("floor", 1, floor),
    ("fmod", 2, fmod),
    ("erf", 1, erf_),
    ("erfc", 1, erfc_),
];
