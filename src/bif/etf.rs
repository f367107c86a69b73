//! `term_to_binary/1` and `binary_to_term/1`: Erlang's external term
//! format, version 131, written as OTP 25 writes it (so the bytes of
//! numbers, atoms, tuples, lists, strings, binaries, maps and floats are
//! erl's) and read back from it.
//!
//! Both directions walk the term with an explicit stack, so neither a
//! deeply nested term nor a hostile binary can exhaust the host stack;
//! every length read is checked against the bytes left before anything is
//! allocated. Funs other than `fun M:F/A` cannot be written (`badarg`);
//! pids and references are written with the node `nonode@nohost`.

use crate::term::{Atom, Fun, Pid, Ref, Term};
use crate::vm::bits::MAX_BYTES;
use crate::vm::Exception;
use num_bigint::{BigInt, Sign};

type R = Result<Term, Exception>;

const VERSION: u8 = 131;
const NODE: &str = "nonode@nohost";

fn bad() -> Exception {
    Exception::badarg()
}

fn put_u16(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u16).to_be_bytes());
}

fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_be_bytes());
}

fn put_atom(out: &mut Vec<u8>, name: &str) {
    let latin1: Option<Vec<u8>> = name.chars().map(|c| u8::try_from(c).ok()).collect();
    match latin1 {
        Some(bytes) => {
            out.push(100);
            put_u16(out, bytes.len());
            out.extend_from_slice(&bytes);
        }
        None if name.len() < 256 => {
            out.push(119);
            out.push(name.len() as u8);
            out.extend_from_slice(name.as_bytes());
        }
        None => {
            out.push(118);
            put_u16(out, name.len());
            out.extend_from_slice(name.as_bytes());
        }
    }
}

fn put_big(out: &mut Vec<u8>, b: &BigInt) {
    let digits = b.magnitude().to_bytes_le();
    if digits.len() < 256 {
        out.push(110);
        out.push(digits.len() as u8);
    } else {
        out.push(111);
        put_u32(out, digits.len());
    }
    out.push(u8::from(b.sign() == Sign::Minus));
    out.extend_from_slice(&digits);
}

/// The bytes of a proper list of bytes shorter than 65536, if it is one.
fn string_bytes(t: &Term) -> Option<Vec<u8>> {
    let mut out = vec![];
    let mut it = t.iter_list();
    for x in it.by_ref() {
        match x {
            Term::Int(c) if out.len() < 65535 => out.push(u8::try_from(*c).ok()?),
            _ => return None,
        }
    }
    matches!(it.rest(), Term::Nil).then_some(out)
}

/// `term_to_binary/1`.
pub fn encode(t: &Term) -> R {
    let mut out = vec![VERSION];
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        match t {
            Term::Int(i) => match (u8::try_from(*i), i32::try_from(*i)) {
                (Ok(b), _) => out.extend_from_slice(&[97, b]),
                (_, Ok(w)) => {
                    out.push(98);
                    out.extend_from_slice(&w.to_be_bytes());
                }
                _ => put_big(&mut out, &BigInt::from(*i)),
            },
            Term::Big(b) => put_big(&mut out, b),
            Term::Float(f) => {
                out.push(70);
                out.extend_from_slice(&f.to_be_bytes());
            }
            Term::Atom(a) => put_atom(&mut out, a.name()),
            Term::Tuple(xs) => {
                if xs.len() < 256 {
                    out.extend_from_slice(&[104, xs.len() as u8]);
                } else {
                    out.push(105);
                    put_u32(&mut out, xs.len());
                }
                stack.extend(xs.iter().rev());
            }
            Term::Nil => out.push(106),
            Term::Cons(_) => {
                if let Some(bytes) = string_bytes(t) {
                    out.push(107);
                    put_u16(&mut out, bytes.len());
                    out.extend_from_slice(&bytes);
                } else {
                    let mut it = t.iter_list();
                    let items: Vec<&Term> = it.by_ref().collect();
                    out.push(108);
                    put_u32(&mut out, items.len());
                    stack.push(it.rest());
                    stack.extend(items.into_iter().rev());
                }
            }
            Term::Binary(b) => {
                out.push(109);
                put_u32(&mut out, b.len());
                out.extend_from_slice(b);
            }
            Term::Map(m) => {
                out.push(116);
                put_u32(&mut out, m.len());
                for (k, v) in m.iter().rev() {
                    stack.push(v);
                    stack.push(k);
                }
            }
            Term::Pid(p) => {
                out.push(88);
                put_atom(&mut out, NODE);
                out.extend_from_slice(&p.number().to_be_bytes());
                out.extend_from_slice(&[0; 8]);
            }
            Term::Ref(r) => {
                out.push(90);
                put_u16(&mut out, 2);
                put_atom(&mut out, NODE);
                out.extend_from_slice(&[0; 4]);
                out.extend_from_slice(&((r.0 & 0xFFFF_FFFF) as u32).to_be_bytes());
                out.extend_from_slice(&((r.0 >> 32) as u32).to_be_bytes());
            }
            Term::Fun(f) => match &**f {
                Fun::Export {
                    module,
                    function,
                    arity,
                } => {
                    out.push(113);
                    put_atom(&mut out, module.name());
                    put_atom(&mut out, function.name());
                    out.extend_from_slice(&[97, u8::try_from(*arity).map_err(|_| bad())?]);
                }
                Fun::Closure { .. } => return Err(bad()),
            },
        }
        if out.len() as u64 > MAX_BYTES {
            return Err(Exception::system_limit());
        }
    }
    Ok(Term::binary_from(out))
}

/// A container being read: how many terms it still needs.
enum Open {
    Tuple(usize, Vec<Term>),
    /// Elements, then one more term: the tail.
    List(usize, Vec<Term>),
    /// Keys and values alternating.
    Map(usize, Vec<Term>),
}

impl Open {
    fn wants(&self) -> usize {
        match self {
            Open::Tuple(n, v) | Open::Map(n, v) => n - v.len(),
            Open::List(n, v) => n + 1 - v.len(),
        }
    }

    fn items(&mut self) -> &mut Vec<Term> {
        match self {
            Open::Tuple(_, v) | Open::List(_, v) | Open::Map(_, v) => v,
        }
    }

    fn close(self) -> Term {
        match self {
            Open::Tuple(_, v) => Term::tuple(v),
            Open::List(_, mut v) => {
                let tail = v.pop().unwrap_or(Term::Nil);
                Term::list_with_tail(v, tail)
            }
            Open::Map(_, v) => {
                let mut m = crate::term::TermMap::new();
                let mut it = v.into_iter();
                while let (Some(k), Some(x)) = (it.next(), it.next()) {
                    crate::term::map_set(&mut m, k, x);
                }
                Term::Map(std::rc::Rc::new(m))
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Exception> {
        let end = self.pos.checked_add(n).ok_or_else(bad)?;
        let s = self.bytes.get(self.pos..end).ok_or_else(bad)?;
        self.pos = end;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8, Exception> {
        Ok(self.take(1)?.first().copied().unwrap_or(0))
    }

    fn u16(&mut self) -> Result<usize, Exception> {
        let b = self.take(2)?.try_into().map_err(|_| bad())?;
        Ok(usize::from(u16::from_be_bytes(b)))
    }

    fn u32(&mut self) -> Result<u32, Exception> {
        let b = self.take(4)?.try_into().map_err(|_| bad())?;
        Ok(u32::from_be_bytes(b))
    }

    /// A count of items, each at least one byte: never more than are left.
    fn count(&mut self, wide: bool) -> Result<usize, Exception> {
        let n = if wide {
            self.u32()? as usize
        } else {
            usize::from(self.u8()?)
        };
        if n > self.bytes.len() - self.pos {
            return Err(bad());
        }
        Ok(n)
    }

    fn atom(&mut self) -> Result<Atom, Exception> {
        match self.u8()? {
            tag @ (100 | 115 | 118 | 119) => self.atom_body(tag),
            _ => Err(bad()),
        }
    }

    fn atom_body(&mut self, tag: u8) -> Result<Atom, Exception> {
        let n = match tag {
            100 | 118 => self.u16()?,
            _ => usize::from(self.u8()?),
        };
        let b = self.take(n)?;
        let name = if tag == 100 || tag == 115 {
            b.iter().map(|&c| char::from(c)).collect()
        } else {
            std::str::from_utf8(b).map_err(|_| bad())?.to_string()
        };
        Atom::try_new(&name).map_err(|_| Exception::system_limit())
    }

    fn big(&mut self, wide: bool) -> R {
        let n = if wide {
            self.u32()? as usize
        } else {
            usize::from(self.u8()?)
        };
        let sign = self.u8()?;
        let digits = self.take(n)?;
        let b = BigInt::from_bytes_le(Sign::Plus, digits);
        Ok(Term::from_big(if sign == 0 { b } else { -b }))
    }
}

/// `binary_to_term/1`.
pub fn decode(bytes: &[u8]) -> R {
    let mut r = Reader { bytes, pos: 0 };
    if r.u8()? != VERSION {
        return Err(bad());
    }
    let mut open: Vec<Open> = vec![];
    loop {
        let tag = r.u8()?;
        let mut done = match tag {
            97 => Term::Int(i64::from(r.u8()?)),
            98 => Term::Int(i64::from(r.u32()? as i32)),
            110 => r.big(false)?,
            111 => r.big(true)?,
            70 => {
                let b = r.take(8)?;
                let f = f64::from_be_bytes(b.try_into().map_err(|_| bad())?);
                Term::float(f).ok_or_else(bad)?
            }
            99 => {
                let b = r.take(31)?;
                let s = std::str::from_utf8(b).map_err(|_| bad())?;
                let f: f64 = s.trim_end_matches('\0').trim().parse().map_err(|_| bad())?;
                Term::float(f).ok_or_else(bad)?
            }
            100 | 115 | 118 | 119 => Term::Atom(r.atom_body(tag)?),
            106 => Term::Nil,
            107 => {
                let n = r.u16()?;
                let b = r.take(n)?;
                super::erlang_binary::bytes_to_list(b)
            }
            109 => {
                let n = r.u32()? as usize;
                Term::binary(r.take(n)?)
            }
            104 | 105 => {
                let n = r.count(tag == 105)?;
                open.push(Open::Tuple(n, Vec::with_capacity(n)));
                if n > 0 {
                    continue;
                }
                match open.pop() {
                    Some(o) => o.close(),
                    None => return Err(bad()),
                }
            }
            108 => {
                let n = r.count(true)?;
                open.push(Open::List(n, Vec::with_capacity(n + 1)));
                continue;
            }
            116 => {
                let n = r.count(true)?;
                if n > (r.bytes.len() - r.pos) / 2 {
                    return Err(bad());
                }
                open.push(Open::Map(2 * n, Vec::with_capacity(2 * n)));
                if n > 0 {
                    continue;
                }
                match open.pop() {
                    Some(o) => o.close(),
                    None => return Err(bad()),
                }
            }
            88 | 103 => {
                r.atom()?;
                let id = r.u32()?;
                r.take(4)?;
                r.take(if tag == 88 { 4 } else { 1 })?;
                Term::Pid(Pid(u64::from(id)))
            }
            90 | 114 => {
                let n = r.u16()?;
                r.atom()?;
                r.take(if tag == 90 { 4 } else { 1 })?;
                if n == 0 || n > 5 {
                    return Err(bad());
                }
                let lo = u64::from(r.u32()?);
                let hi = if n > 1 { u64::from(r.u32()?) } else { 0 };
                r.take(4 * (n.saturating_sub(2)))?;
                Term::Ref(Ref(lo | hi << 32))
            }
            113 => {
                let module = r.atom()?;
                let function = r.atom()?;
                let arity = match r.u8()? {
                    97 => u32::from(r.u8()?),
                    _ => return Err(bad()),
                };
                Term::Fun(std::rc::Rc::new(Fun::Export {
                    module,
                    function,
                    arity,
                }))
            }
            _ => return Err(bad()),
        };
        // Hand the finished term to the containers waiting for it.
        loop {
            match open.last_mut() {
                // Bytes after the term are ignored, as erl does.
                None => return Ok(done),
                Some(o) => {
                    o.items().push(done);
                    if o.wants() > 0 {
                        break;
                    }
                }
            }
            match open.pop() {
                Some(o) => done = o.close(),
                None => return Err(bad()),
            }
        }
    }
}
