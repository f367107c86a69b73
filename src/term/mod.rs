//! Erlang terms as immutable, shared values.
//!
//! Owns the `Term` type (binaries hold whole bytes: a bitstring whose size
//! is not a multiple of 8 cannot be made), its constructors and Erlang's term order.
//! Invariants: `Big` never holds a value that fits in `Int`; `Float` is
//! never NaN or infinite; a list's cells are immutable once built. Cloning a
//! term is a reference-count bump, so processes and worlds clone cheaply.
//! Hashing and ordering never depend on addresses. This module does no IO.

pub mod atom;
pub mod binary;
pub mod float;
pub mod order;
pub mod pretty;
pub mod write;

pub use atom::{atoms, Atom};
pub use binary::Bytes;

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::rc::Rc;

/// The contents of a map term: a persistent ordered map, so updating a
/// map that is still shared copies a path, not the whole map.
pub type TermMap = imbl::OrdMap<Term, Term>;

/// Sets `k` to `v` in a map as OTP 25 does: a key equal to one already
/// there (0.0 and -0.0) keeps the first one's form.
pub fn map_set(m: &mut TermMap, k: Term, v: Term) {
    match m.get_mut(&k) {
        Some(slot) => *slot = v,
        None => {
            m.insert(k, v);
        }
    }
}

/// A process identifier: printed `<0.N.0>`. The simulator's processes all
/// live on node 0; a trace recorded on real Erlang nodes (`pidlab beam`)
/// also names processes of other nodes, `<9876.90.0>`, and pids whose last
/// number is not 0 (`<0.7310.1>`, once a node has made 2^15 processes).
/// The middle number is the low 32 bits, the last one the next 12, the
/// node the top 20.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Pid(pub u64);

impl Pid {
    /// A process of another node, as erl prints it: `<node.number.0>`.
    pub fn remote(node: u32, number: u32) -> Pid {
        Pid::full(node, number, 0)
    }

    /// `<node.number.serial>`; a node or serial too large to keep is cut
    /// to its low bits.
    pub fn full(node: u32, number: u32, serial: u32) -> Pid {
        Pid(u64::from(node & 0xF_FFFF) << 44 | u64::from(serial & 0xFFF) << 32 | u64::from(number))
    }

    /// The node's number in the printed pid (0 for the local node).
    pub fn node(self) -> u32 {
        (self.0 >> 44) as u32
    }

    /// The middle number of the printed pid.
    pub fn number(self) -> u32 {
        self.0 as u32
    }

    /// The last number of the printed pid.
    pub fn serial(self) -> u32 {
        ((self.0 >> 32) & 0xFFF) as u32
    }

    /// `<0.81.0>` or `<9876.90.0>` back into a pid.
    pub fn parse(s: &str) -> Option<Pid> {
        let inner = s.strip_prefix('<')?.strip_suffix('>')?;
        let mut parts = inner.split('.');
        let node: u32 = parts.next()?.parse().ok()?;
        let number = parts.next()?.parse().ok()?;
        let serial: u32 = parts.next()?.parse().ok()?;
        let fits = node <= 0xF_FFFF && serial <= 0xFFF && parts.next().is_none();
        fits.then(|| Pid::full(node, number, serial))
    }
}

impl std::fmt::Display for Pid {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "<{}.{}.{}>", self.node(), self.number(), self.serial())
    }
}

/// A reference made by `make_ref/0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ref(pub u64);

#[derive(Debug, Default)]
pub enum Term {
    Int(i64),
    Big(Rc<BigInt>),
    Float(f64),
    Atom(Atom),
    Ref(Ref),
    Fun(Rc<Fun>),
    Pid(Pid),
    Tuple(Rc<Vec<Term>>),
    Map(Rc<TermMap>),
    #[default]
    Nil,
    Cons(Rc<Cons>),
    /// A binary: whole bytes only (no bitstrings), shared.
    Binary(Rc<Bytes>),
}

impl Clone for Term {
    /// Written out so it inlines: cloning is a copy or a count bump.
    #[inline]
    fn clone(&self) -> Term {
        match self {
            Term::Int(i) => Term::Int(*i),
            Term::Big(b) => Term::Big(Rc::clone(b)),
            Term::Float(f) => Term::Float(*f),
            Term::Atom(a) => Term::Atom(*a),
            Term::Ref(r) => Term::Ref(*r),
            Term::Fun(f) => Term::Fun(Rc::clone(f)),
            Term::Pid(p) => Term::Pid(*p),
            Term::Tuple(t) => Term::Tuple(Rc::clone(t)),
            Term::Map(m) => Term::Map(Rc::clone(m)),
            Term::Nil => Term::Nil,
            Term::Cons(c) => Term::Cons(Rc::clone(c)),
            Term::Binary(b) => Term::Binary(Rc::clone(b)),
        }
    }
}

impl Term {
    /// Whether the term holds shared heap data (dropping it does work).
    #[inline]
    pub fn is_boxed(&self) -> bool {
        matches!(
            self,
            Term::Big(_)
                | Term::Fun(_)
                | Term::Tuple(_)
                | Term::Map(_)
                | Term::Cons(_)
                | Term::Binary(_)
        )
    }

    /// Drops a term, skipping the drop code for immediates (the VM's
    /// hot paths overwrite many integers and atoms).
    #[inline]
    pub fn discard(self) {
        if self.is_boxed() {
            drop(self);
        } else {
            std::mem::forget(self);
        }
    }
}

/// One list cell.
#[derive(Clone, Debug)]
pub struct Cons {
    pub head: Term,
    pub tail: Term,
}

impl Drop for Cons {
    /// Unlinks a long list iteratively so dropping a list of a million
    /// cells does not recurse a million times.
    fn drop(&mut self) {
        let mut next = std::mem::replace(&mut self.tail, Term::Nil);
        while let Term::Cons(rc) = next {
            match Rc::try_unwrap(rc) {
                Ok(mut cell) => next = std::mem::replace(&mut cell.tail, Term::Nil),
                Err(_) => break,
            }
        }
    }
}

/// A function value.
#[derive(Clone, Debug)]
pub enum Fun {
    /// An anonymous fun: code in `module` at function `index`, with the
    /// captured variables in `env`. `uniq` names the module version it was
    /// made by; calling it after that module was replaced is a `badfun`.
    Closure {
        module: Atom,
        index: u32,
        arity: u32,
        uniq: u32,
        env: Vec<Term>,
        /// The name the fun is printed under, e.g. `-main/0-fun-0-`.
        name: Atom,
    },
    /// `fun M:F/A`.
    Export {
        module: Atom,
        function: Atom,
        arity: u32,
    },
}

impl Fun {
    /// The captured variables of a closure (none for `fun M:F/A`).
    pub fn env(&self) -> &[Term] {
        match self {
            Fun::Closure { env, .. } => env,
            Fun::Export { .. } => &[],
        }
    }

    pub fn arity(&self) -> u32 {
        match self {
            Fun::Closure { arity, .. } | Fun::Export { arity, .. } => *arity,
        }
    }
}

impl Term {
    pub fn atom(name: &str) -> Term {
        Term::Atom(Atom::new(name))
    }

    pub fn bool(b: bool) -> Term {
        Term::Atom(if b { atoms::true_() } else { atoms::false_() })
    }

    pub fn ok() -> Term {
        Term::Atom(atoms::ok())
    }

    pub fn tuple(elems: Vec<Term>) -> Term {
        Term::Tuple(Rc::new(elems))
    }

    pub fn cons(head: Term, tail: Term) -> Term {
        Term::Cons(Rc::new(Cons { head, tail }))
    }

    /// Builds a proper list.
    pub fn list(items: impl IntoIterator<Item = Term, IntoIter: DoubleEndedIterator>) -> Term {
        Term::list_with_tail(items, Term::Nil)
    }

    pub fn list_with_tail(
        items: impl IntoIterator<Item = Term, IntoIter: DoubleEndedIterator>,
        tail: Term,
    ) -> Term {
        items
            .into_iter()
            .rev()
            .fold(tail, |acc, t| Term::cons(t, acc))
    }

    /// A string as Erlang sees it: a list of code points.
    pub fn string(s: &str) -> Term {
        let cps: Vec<Term> = s.chars().map(|c| Term::Int(c as i64)).collect();
        Term::list(cps)
    }

    /// A binary holding `bytes`.
    pub fn binary(bytes: &[u8]) -> Term {
        Term::Binary(Rc::new(Bytes::new(bytes.to_vec())))
    }

    /// A binary taking ownership of `bytes`.
    pub fn binary_from(bytes: Vec<u8>) -> Term {
        Term::Binary(Rc::new(Bytes::new(bytes)))
    }

    /// The bytes of a binary.
    pub fn as_binary(&self) -> Option<&[u8]> {
        match self {
            Term::Binary(b) => Some(b),
            _ => None,
        }
    }

    pub fn from_big(b: BigInt) -> Term {
        match b.to_i64() {
            Some(i) => Term::Int(i),
            None => Term::Big(Rc::new(b)),
        }
    }

    pub fn float(f: f64) -> Option<Term> {
        if f.is_finite() {
            Some(Term::Float(f))
        } else {
            None
        }
    }

    pub fn as_atom(&self) -> Option<Atom> {
        match self {
            Term::Atom(a) => Some(*a),
            _ => None,
        }
    }

    pub fn is_atom(&self, name: &str) -> bool {
        matches!(self, Term::Atom(a) if a.name() == name)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Term::Atom(a) if *a == atoms::true_() => Some(true),
            Term::Atom(a) if *a == atoms::false_() => Some(false),
            _ => None,
        }
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Term::Int(_) | Term::Big(_) | Term::Float(_))
    }

    pub fn is_integer(&self) -> bool {
        matches!(self, Term::Int(_) | Term::Big(_))
    }

    pub fn is_list(&self) -> bool {
        matches!(self, Term::Nil | Term::Cons(_))
    }

    /// The integer as a `BigInt`, for arithmetic that left `i64`.
    pub fn to_big(&self) -> Option<BigInt> {
        match self {
            Term::Int(i) => Some(BigInt::from(*i)),
            Term::Big(b) => Some((**b).clone()),
            _ => None,
        }
    }

    /// The elements of a proper list, or `None` for an improper one.
    pub fn list_to_vec(&self) -> Option<Vec<Term>> {
        let mut out = Vec::new();
        let mut cur = self;
        loop {
            match cur {
                Term::Nil => return Some(out),
                Term::Cons(c) => {
                    out.push(c.head.clone());
                    cur = &c.tail;
                }
                _ => return None,
            }
        }
    }

    /// Iterates the cells of a list; the iterator's `tail()` tells how it ended.
    pub fn iter_list(&self) -> ListIter<'_> {
        ListIter { cur: self }
    }

    /// Length of a proper list.
    pub fn list_len(&self) -> Option<usize> {
        let mut n = 0usize;
        let mut cur = self;
        loop {
            match cur {
                Term::Nil => return Some(n),
                Term::Cons(c) => {
                    n += 1;
                    cur = &c.tail;
                }
                _ => return None,
            }
        }
    }

    /// A proper list of code points as a Rust string (the `~s` view).
    pub fn as_string(&self) -> Option<String> {
        let mut s = String::new();
        let mut it = self.iter_list();
        for t in it.by_ref() {
            match t {
                Term::Int(i) => s.push(char::from_u32(u32::try_from(*i).ok()?)?),
                _ => return None,
            }
        }
        matches!(it.rest(), Term::Nil).then_some(s)
    }
}

pub struct ListIter<'a> {
    cur: &'a Term,
}

impl<'a> ListIter<'a> {
    /// What is left: `Nil` for a proper list once exhausted.
    pub fn rest(&self) -> &'a Term {
        self.cur
    }
}

impl<'a> Iterator for ListIter<'a> {
    type Item = &'a Term;
    fn next(&mut self) -> Option<&'a Term> {
        match self.cur {
            Term::Cons(c) => {
                self.cur = &c.tail;
                Some(&c.head)
            }
            _ => None,
        }
    }
}

impl From<i64> for Term {
    fn from(i: i64) -> Term {
        Term::Int(i)
    }
}

impl From<Atom> for Term {
    fn from(a: Atom) -> Term {
        Term::Atom(a)
    }
}
