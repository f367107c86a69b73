//! Erlang's term order and the two equalities.
//!
//! `compare(a, b)` is the order of `<`, `==` and `lists:sort`: numbers by
//! value whatever their type, then atoms, references, funs, pids, tuples,
//! maps, `[]`, non-empty lists, binaries (byte by byte, a prefix first).
//! `exact_eq` is `=:=`. The Rust `Ord`, `Eq` and `Hash` on `Term` are the
//! *exact* order (every integer sorts before every float, as OTP orders map
//! keys), which is what map keys and hashing need.
//! Walks list tails in a loop, never recursing per element.

use super::{Fun, Term};
use num_bigint::BigInt;
use num_traits::FromPrimitive;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

fn rank(t: &Term) -> u8 {
    match t {
        Term::Int(_) | Term::Big(_) | Term::Float(_) => 0,
        Term::Atom(_) => 1,
        Term::Ref(_) => 2,
        Term::Fun(_) => 3,
        Term::Pid(_) => 5,
        Term::Tuple(_) => 6,
        Term::Map(_) => 7,
        Term::Nil => 8,
        Term::Cons(_) => 9,
        Term::Binary(_) => 10,
    }
}

fn cmp_big_float(b: &BigInt, f: f64) -> Ordering {
    // Compare exactly: floats beyond 2^63 are integral, so convert the float.
    if f.fract() == 0.0 {
        match BigInt::from_f64(f) {
            Some(fb) => b.cmp(&fb),
            None => Ordering::Equal,
        }
    } else {
        let fl = f.floor();
        match BigInt::from_f64(fl) {
            Some(fb) if *b <= fb => Ordering::Less,
            Some(_) => Ordering::Greater,
            None => Ordering::Equal,
        }
    }
}

/// Numeric comparison across integer and float, by value.
pub fn cmp_numbers(a: &Term, b: &Term) -> Ordering {
    match (a, b) {
        (Term::Int(x), Term::Int(y)) => x.cmp(y),
        (Term::Float(x), Term::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Term::Int(x), Term::Float(y)) => cmp_big_float(&BigInt::from(*x), *y),
        (Term::Float(x), Term::Int(y)) => cmp_big_float(&BigInt::from(*y), *x).reverse(),
        (Term::Big(x), Term::Float(y)) => cmp_big_float(x, *y),
        (Term::Float(x), Term::Big(y)) => cmp_big_float(y, *x).reverse(),
        (Term::Big(x), Term::Big(y)) => x.cmp(y),
        (Term::Big(x), Term::Int(_)) => {
            if x.sign() == num_bigint::Sign::Minus {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (Term::Int(_), Term::Big(y)) => {
            if y.sign() == num_bigint::Sign::Minus {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        _ => Ordering::Equal,
    }
}

/// Erlang term order (`==` equality for numbers).
pub fn compare(a: &Term, b: &Term) -> Ordering {
    cmp_with(a, b, false)
}

/// `=:=`.
#[inline]
pub fn exact_eq(a: &Term, b: &Term) -> bool {
    // Patterns compare small integers and atoms most of the time.
    match (a, b) {
        (Term::Int(x), Term::Int(y)) => x == y,
        (Term::Atom(x), Term::Atom(y)) => x == y,
        (Term::Nil, Term::Nil) => true,
        _ => cmp_with(a, b, true) == Ordering::Equal,
    }
}

/// `==`.
pub fn equal(a: &Term, b: &Term) -> bool {
    compare(a, b) == Ordering::Equal
}

fn cmp_fun(a: &Fun, b: &Fun, exact: bool) -> Ordering {
    match (a, b) {
        (
            Fun::Closure {
                module: m1,
                index: i1,
                uniq: u1,
                env: e1,
                ..
            },
            Fun::Closure {
                module: m2,
                index: i2,
                uniq: u2,
                env: e2,
                ..
            },
        ) => m1
            .cmp(m2)
            .then(i1.cmp(i2))
            .then(u1.cmp(u2))
            .then(e1.len().cmp(&e2.len()))
            .then_with(|| cmp_seq(e1, e2, exact)),
        (
            Fun::Export {
                module: m1,
                function: f1,
                arity: a1,
            },
            Fun::Export {
                module: m2,
                function: f2,
                arity: a2,
            },
        ) => m1.cmp(m2).then(f1.cmp(f2)).then(a1.cmp(a2)),
        (Fun::Closure { .. }, Fun::Export { .. }) => Ordering::Greater,
        (Fun::Export { .. }, Fun::Closure { .. }) => Ordering::Less,
    }
}

fn cmp_seq(a: &[Term], b: &[Term], exact: bool) -> Ordering {
    for (x, y) in a.iter().zip(b.iter()) {
        let o = cmp_with(x, y, exact);
        if o != Ordering::Equal {
            return o;
        }
    }
    a.len().cmp(&b.len())
}

fn cmp_with(a: &Term, b: &Term, exact: bool) -> Ordering {
    let mut a = a;
    let mut b = b;
    loop {
        let (ra, rb) = (rank(a), rank(b));
        if ra != rb {
            return ra.cmp(&rb);
        }
        let o = match (a, b) {
            (Term::Cons(x), Term::Cons(y)) => {
                let o = cmp_with(&x.head, &y.head, exact);
                if o != Ordering::Equal {
                    return o;
                }
                a = &x.tail;
                b = &y.tail;
                continue;
            }
            (Term::Int(_) | Term::Big(_) | Term::Float(_), _) => {
                let fa = matches!(a, Term::Float(_));
                let fb = matches!(b, Term::Float(_));
                if exact && fa != fb {
                    // Map-key order: every integer before every float.
                    fa.cmp(&fb)
                } else {
                    cmp_numbers(a, b)
                }
            }
            (Term::Atom(x), Term::Atom(y)) => x.cmp(y),
            (Term::Ref(x), Term::Ref(y)) => x.cmp(y),
            (Term::Pid(x), Term::Pid(y)) => x.cmp(y),
            (Term::Fun(x), Term::Fun(y)) => cmp_fun(x, y, exact),
            (Term::Tuple(x), Term::Tuple(y)) => {
                x.len().cmp(&y.len()).then_with(|| cmp_seq(x, y, exact))
            }
            (Term::Map(x), Term::Map(y)) => x.len().cmp(&y.len()).then_with(|| {
                // Keys in order first, then the values in key order.
                for (kx, ky) in x.keys().zip(y.keys()) {
                    let o = cmp_with(kx, ky, true);
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                for (vx, vy) in x.values().zip(y.values()) {
                    let o = cmp_with(vx, vy, exact);
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                Ordering::Equal
            }),
            (Term::Nil, Term::Nil) => Ordering::Equal,
            // Byte by byte; a prefix sorts first.
            (Term::Binary(x), Term::Binary(y)) => x.as_slice().cmp(y.as_slice()),
            _ => Ordering::Equal,
        };
        return o;
    }
}

impl PartialEq for Term {
    fn eq(&self, other: &Term) -> bool {
        exact_eq(self, other)
    }
}
impl Eq for Term {}

impl PartialOrd for Term {
    fn partial_cmp(&self, other: &Term) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Term {
    fn cmp(&self, other: &Term) -> Ordering {
        cmp_with(self, other, true)
    }
}

impl Hash for Term {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let mut t = self;
        loop {
            rank(t).hash(state);
            match t {
                Term::Int(i) => i.hash(state),
                Term::Big(b) => b.hash(state),
                Term::Float(f) => {
                    let f = if *f == 0.0 { 0.0f64 } else { *f };
                    f.to_bits().hash(state)
                }
                Term::Atom(a) => a.hash(state),
                Term::Ref(r) => r.hash(state),
                Term::Pid(p) => p.hash(state),
                Term::Fun(f) => match &**f {
                    Fun::Closure {
                        module,
                        index,
                        uniq,
                        env,
                        ..
                    } => {
                        (module, index, uniq).hash(state);
                        env.hash(state);
                    }
                    Fun::Export {
                        module,
                        function,
                        arity,
                    } => (module, function, arity).hash(state),
                },
                Term::Tuple(xs) => xs.hash(state),
                Term::Map(m) => {
                    m.len().hash(state);
                    for (k, v) in m.iter() {
                        k.hash(state);
                        v.hash(state);
                    }
                }
                Term::Nil => {}
                Term::Binary(b) => b.as_slice().hash(state),
                Term::Cons(c) => {
                    c.head.hash(state);
                    t = &c.tail;
                    continue;
                }
            }
            return;
        }
    }
}
