//! The bit syntax: what a segment's type says, building a binary from
//! segments (`<<X:16/little, B/binary>>`) and reading segments out of one.
//!
//! Segments may start and end inside a byte (`<<A:4, B:4>>`), but a built
//! binary and a matched-out binary must be whole bytes: a bitstring whose
//! size is not a multiple of 8 is the error `{unsupported, bitstring}`.
//! Sizes are checked before anything is allocated: a binary beyond
//! `MAX_BYTES` is `system_limit`, never a host allocation failure.

use super::Exception;
use crate::term::{Bytes, Term};
use num_bigint::{BigInt, Sign};
use num_traits::{One, ToPrimitive};
use std::rc::Rc;

/// The type part of a segment's specifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinType {
    Integer,
    Float,
    /// `binary`, `bytes`, `bitstring`, `bits` (the unit tells them apart).
    Binary,
    Utf8,
    Utf16,
    Utf32,
}

/// A segment's type, signedness, endianness and unit, resolved by the compiler.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BinSpec {
    pub ty: BinType,
    pub signed: bool,
    pub little: bool,
    /// Bits per size unit: 1 for integers and floats, 8 for binaries.
    pub unit: u16,
}

impl BinSpec {
    /// The size when none is written (a binary with none takes it all).
    pub fn default_size(self) -> Option<i64> {
        match self.ty {
            BinType::Integer => Some(8),
            BinType::Float => Some(64),
            _ => None,
        }
    }
}

/// Most bytes one binary may hold.
pub const MAX_BYTES: u64 = 1 << 28;

fn badarg() -> Exception {
    Exception::badarg()
}

/// The error for a bitstring pidlab cannot hold.
pub fn unsupported_bitstring() -> Exception {
    Exception::error(Term::tuple(vec![
        Term::atom("unsupported"),
        Term::atom("bitstring"),
    ]))
}

/// A binary being built, bit by bit.
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
    bits: u64,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    /// Makes room for `n` more bits, or refuses before allocating.
    fn reserve(&mut self, n: u64) -> Result<(), Exception> {
        let total = self
            .bits
            .checked_add(n)
            .ok_or_else(Exception::system_limit)?;
        if total.div_ceil(8) > MAX_BYTES {
            return Err(Exception::system_limit());
        }
        let want = usize::try_from(total.div_ceil(8)).map_err(|_| Exception::system_limit())?;
        self.bytes.reserve(want.saturating_sub(self.bytes.len()));
        Ok(())
    }

    /// Appends the low `k` bits (1..=8) of `byte`.
    fn push(&mut self, byte: u8, k: u32) {
        let byte = if k >= 8 {
            byte
        } else {
            byte & ((1u8 << k) - 1)
        };
        let off = (self.bits % 8) as u32;
        if off == 0 {
            self.bytes.push(byte << (8 - k.min(8)));
        } else {
            // `off` bits of the last byte are used; fill the rest.
            let free = 8 - off;
            if let Some(last) = self.bytes.last_mut() {
                if k <= free {
                    *last |= byte << (free - k);
                } else {
                    *last |= byte >> (k - free);
                    self.bytes.push(byte << (8 - (k - free)));
                }
            }
        }
        self.bits += u64::from(k);
    }

    fn push_bytes(&mut self, bytes: &[u8]) {
        if self.bits.is_multiple_of(8) {
            self.bytes.extend_from_slice(bytes);
            self.bits += 8 * bytes.len() as u64;
        } else {
            for &b in bytes {
                self.push(b, 8);
            }
        }
    }

    /// Appends the first `n` bits of `bytes`.
    fn push_prefix(&mut self, bytes: &[u8], n: u64) {
        let full = (n / 8) as usize;
        self.push_bytes(bytes.get(..full).unwrap_or_default());
        let k = (n % 8) as u32;
        if k > 0 {
            if let Some(&b) = bytes.get(full) {
                self.push(b >> (8 - k), k);
            }
        }
    }

    /// Appends one segment: `value:size/spec`.
    pub fn segment(
        &mut self,
        value: &Term,
        size: Option<&Term>,
        spec: BinSpec,
    ) -> Result<(), Exception> {
        match spec.ty {
            BinType::Integer => {
                let n = size_bits(size, spec)?;
                if !value.is_integer() {
                    return Err(badarg());
                }
                self.reserve(n)?;
                let bytes = int_bytes(value, n).ok_or_else(Exception::system_limit)?;
                self.push_int(&bytes, n, spec.little);
            }
            BinType::Float => {
                let n = size_bits(size, spec)?;
                let f = super::arith::to_f64(value).ok_or_else(badarg)?;
                let mut bytes = match n {
                    64 => f.to_be_bytes().to_vec(),
                    // Too big for the size: infinity, as the BEAM writes it.
                    32 => (f as f32).to_be_bytes().to_vec(),
                    16 => f16_bits(f).to_be_bytes().to_vec(),
                    _ => return Err(badarg()),
                };
                if spec.little {
                    bytes.reverse();
                }
                self.reserve(n)?;
                self.push_bytes(&bytes);
            }
            BinType::Binary => {
                let Term::Binary(b) = value else {
                    return Err(badarg());
                };
                let have = 8 * b.len() as u64;
                let n = match size {
                    None => {
                        if !have.is_multiple_of(u64::from(spec.unit.max(1))) {
                            return Err(badarg());
                        }
                        have
                    }
                    Some(_) => size_bits(size, spec)?,
                };
                if n > have {
                    return Err(badarg());
                }
                self.reserve(n)?;
                self.push_prefix(b, n);
            }
            BinType::Utf8 | BinType::Utf16 | BinType::Utf32 => {
                let c = match value {
                    Term::Int(i) => u32::try_from(*i).ok().and_then(char::from_u32),
                    _ => None,
                }
                .ok_or_else(badarg)?;
                let bytes = encode_char(c, spec);
                self.reserve(8 * bytes.len() as u64)?;
                self.push_bytes(&bytes);
            }
        }
        Ok(())
    }

    /// The `n` low bits of a number held big-endian in `bytes`.
    fn push_int(&mut self, bytes: &[u8], n: u64, little: bool) {
        let k = (n % 8) as u32;
        if !little {
            match (k, bytes.split_first()) {
                (0, _) | (_, None) => self.push_bytes(bytes),
                (_, Some((&top, rest))) => {
                    self.push(top, k);
                    self.push_bytes(rest);
                }
            }
        } else {
            // Lowest byte first; a partial top byte goes last.
            for &b in bytes.iter().rev().take((n / 8) as usize) {
                self.push(b, 8);
            }
            if k > 0 {
                if let Some(&top) = bytes.first() {
                    self.push(top, k);
                }
            }
        }
    }

    /// The binary built, if it is whole bytes.
    pub fn finish(self) -> Result<Term, Exception> {
        if !self.bits.is_multiple_of(8) {
            return Err(unsupported_bitstring());
        }
        Ok(Term::binary_from(self.bytes))
    }
}

/// A segment's size in bits when building: `size * unit`.
fn size_bits(size: Option<&Term>, spec: BinSpec) -> Result<u64, Exception> {
    let unit = u64::from(spec.unit);
    let n = match size {
        None => spec.default_size().ok_or_else(badarg)?,
        Some(Term::Int(n)) if *n >= 0 => *n,
        Some(Term::Big(b)) if b.sign() != Sign::Minus => return Err(Exception::system_limit()),
        Some(_) => return Err(badarg()),
    };
    (n as u64)
        .checked_mul(unit)
        .ok_or_else(Exception::system_limit)
}

/// `v` modulo 2^(8 * ceil(n/8)), as big-endian bytes (two's complement).
fn int_bytes(v: &Term, n: u64) -> Option<Vec<u8>> {
    let nb = usize::try_from(n.div_ceil(8)).ok()?;
    let (raw, negative) = match v {
        Term::Int(i) => (i.to_be_bytes().to_vec(), *i < 0),
        Term::Big(b) => (b.to_signed_bytes_be(), b.sign() == Sign::Minus),
        _ => return None,
    };
    if raw.len() >= nb {
        return raw.get(raw.len() - nb..).map(<[u8]>::to_vec);
    }
    let mut out = vec![if negative { 0xFF } else { 0 }; nb - raw.len()];
    out.extend_from_slice(&raw);
    Some(out)
}

fn encode_char(c: char, spec: BinSpec) -> Vec<u8> {
    match spec.ty {
        BinType::Utf16 => {
            let mut units = [0u16; 2];
            c.encode_utf16(&mut units)
                .iter()
                .flat_map(|u| {
                    if spec.little {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    }
                })
                .collect()
        }
        BinType::Utf32 => {
            let u = c as u32;
            if spec.little {
                u.to_le_bytes().to_vec()
            } else {
                u.to_be_bytes().to_vec()
            }
        }
        _ => c.to_string().into_bytes(),
    }
}

/// A float as IEEE half precision, rounded to nearest even; too big is
/// infinity.
fn f16_bits(f: f64) -> u16 {
    let bits = f.to_bits();
    let sign = ((bits >> 48) & 0x8000) as u16;
    let exp = ((bits >> 52) & 0x7FF) as i32;
    let mant = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        return sign;
    }
    let e = exp - 1023;
    // Keeps `full >> shift`, rounding the bits shifted out half to even.
    let round = |full: u64, shift: u32| -> u32 {
        if shift > 63 {
            return 0;
        }
        let kept = full >> shift;
        let rest = full & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        let up = rest > half || (rest == half && kept & 1 == 1);
        (kept + u64::from(up)) as u32
    };
    if e > 15 {
        return sign | 0x7C00;
    }
    if e >= -14 {
        // A carry out of the mantissa moves into the exponent (or infinity).
        let h = (((e + 15) as u32) << 10) + round(mant, 42);
        return sign | h.min(0x7C00) as u16;
    }
    // Subnormal: multiples of 2^-24.
    sign | round((1u64 << 52) | mant, (28 - e) as u32) as u16
}

fn f16_value(h: u16) -> Option<f64> {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((h >> 10) & 0x1F);
    let m = f64::from(h & 0x3FF);
    match e {
        0 => Some(sign * m * 2f64.powi(-24)),
        31 => None,
        _ => Some(sign * (1.0 + m / 1024.0) * 2f64.powi(e - 15)),
    }
}

/// `k` bits (1..=8) starting at bit `pos`, right-aligned.
fn bits_at(bytes: &[u8], pos: u64, k: u32) -> u8 {
    let i = (pos / 8) as usize;
    let off = (pos % 8) as u32;
    let hi = u16::from(bytes.get(i).copied().unwrap_or(0));
    let lo = u16::from(bytes.get(i + 1).copied().unwrap_or(0));
    let word = (hi << 8) | lo;
    ((word >> (16 - off - k)) & ((1u16 << k) - 1)) as u8
}

/// `n` bits from bit `pos` as whole bytes: a partial first byte holds the
/// top bits, right-aligned (the big-endian value of those bits).
fn take(bytes: &[u8], pos: u64, n: u64) -> Vec<u8> {
    if pos.is_multiple_of(8) && n.is_multiple_of(8) {
        let (a, b) = ((pos / 8) as usize, ((pos + n) / 8) as usize);
        return bytes.get(a..b).unwrap_or_default().to_vec();
    }
    let mut out = Vec::with_capacity(n.div_ceil(8) as usize);
    let k = (n % 8) as u32;
    let mut p = pos;
    if k > 0 {
        out.push(bits_at(bytes, p, k));
        p += u64::from(k);
    }
    while p < pos + n {
        out.push(bits_at(bytes, p, 8));
        p += 8;
    }
    out
}

/// The binary of a comprehension's rows (see `Op::BinFromRows`).
pub fn build_rows(rows: &Term, segs: &[(BinSpec, bool)]) -> Result<Term, Exception> {
    let rows: Vec<&Term> = rows.iter_list().collect();
    let mut w = Writer::new();
    for row in rows.into_iter().rev() {
        let Term::Tuple(vals) = row else {
            return Err(badarg());
        };
        let mut vals = vals.iter();
        for &(spec, sized) in segs {
            let value = vals.next().ok_or_else(badarg)?;
            let size = if sized { vals.next() } else { None };
            w.segment(value, size, spec)?;
        }
    }
    w.finish()
}

/// The size in bits a pattern segment asks for, or None (no match).
fn read_size(size: Option<&Term>, spec: BinSpec) -> Option<u64> {
    let n = match size {
        None => spec.default_size()?,
        Some(Term::Int(n)) if *n >= 0 => *n,
        _ => return None,
    };
    (n as u64).checked_mul(u64::from(spec.unit))
}

/// Reads one segment of `bin` at bit `pos`: the value and the position
/// after it, `Ok(None)` when it does not match.
pub fn read(
    bin: &Rc<Bytes>,
    pos: u64,
    size: Option<&Term>,
    spec: BinSpec,
) -> Result<Option<(Term, u64)>, Exception> {
    let total = 8 * bin.len() as u64;
    let left = total.saturating_sub(pos);
    let got = match spec.ty {
        BinType::Integer => read_size(size, spec)
            .filter(|&n| n <= left)
            .map(|n| (read_int(bin, pos, n, spec), n)),
        BinType::Float => read_size(size, spec)
            .filter(|&n| n <= left)
            .and_then(|n| read_float(bin, pos, n, spec.little).map(|f| (f, n))),
        BinType::Binary => {
            let n = match size {
                None => Some(left).filter(|n| n % u64::from(spec.unit.max(1)) == 0),
                Some(_) => read_size(size, spec).filter(|&n| n <= left),
            };
            match n {
                None => None,
                Some(n) if n % 8 != 0 => return Err(unsupported_bitstring()),
                Some(n) if pos.is_multiple_of(8) => {
                    let a = (pos / 8) as usize;
                    let part = bin.slice(a, a + (n / 8) as usize);
                    Some((Term::Binary(Rc::new(part)), n))
                }
                Some(n) => Some((Term::binary_from(take(bin, pos, n)), n)),
            }
        }
        BinType::Utf8 | BinType::Utf16 | BinType::Utf32 => {
            read_char(bin, pos, left, spec).map(|(c, n)| (Term::Int(i64::from(c)), n))
        }
    };
    Ok(got.map(|(t, n)| (t, pos + n)))
}

fn read_int(bytes: &[u8], pos: u64, n: u64, spec: BinSpec) -> Term {
    let be = if spec.little {
        // Whole bytes lowest first, then the partial top bits.
        let full = n / 8;
        let mut v: Vec<u8> = (0..full).map(|i| bits_at(bytes, pos + 8 * i, 8)).collect();
        let k = (n % 8) as u32;
        if k > 0 {
            v.push(bits_at(bytes, pos + 8 * full, k));
        }
        v.reverse();
        v
    } else {
        take(bytes, pos, n)
    };
    let negative = spec.signed && n > 0 && {
        let k = n % 8;
        let top = be.first().copied().unwrap_or(0);
        let bit = if k == 0 { 7 } else { k - 1 };
        top >> bit & 1 == 1
    };
    if n <= 64 {
        let u = be.iter().fold(0u128, |acc, &b| (acc << 8) | u128::from(b));
        let v = if negative {
            u as i128 - (1i128 << n)
        } else {
            u as i128
        };
        return match i64::try_from(v) {
            Ok(i) => Term::Int(i),
            Err(_) => Term::from_big(BigInt::from(v)),
        };
    }
    let mut v = BigInt::from_bytes_be(Sign::Plus, &be);
    if negative {
        v -= BigInt::one() << n;
    }
    Term::from_big(v)
}

fn read_float(bytes: &[u8], pos: u64, n: u64, little: bool) -> Option<Term> {
    let mut b = take(bytes, pos, n);
    if little {
        b.reverse();
    }
    let f = match n {
        64 => f64::from_be_bytes(b.try_into().ok()?),
        32 => f64::from(f32::from_be_bytes(b.try_into().ok()?)),
        16 => f16_value(u16::from_be_bytes(b.try_into().ok()?))?,
        _ => return None,
    };
    Term::float(f)
}

/// A character encoded at `pos`: the code point and the bits it takes.
fn read_char(bytes: &[u8], pos: u64, left: u64, spec: BinSpec) -> Option<(u32, u64)> {
    let byte = |i: u64| bits_at(bytes, pos + 8 * i, 8);
    let avail = left / 8;
    match spec.ty {
        BinType::Utf8 => {
            let first = (avail >= 1).then(|| byte(0))?;
            let len = match first {
                0x00..=0x7F => 1,
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => return None,
            };
            if avail < len {
                return None;
            }
            let v: Vec<u8> = (0..len).map(byte).collect();
            let c = std::str::from_utf8(&v).ok()?.chars().next()?;
            Some((c as u32, 8 * len))
        }
        BinType::Utf16 => {
            let unit = |i: u64| {
                let (a, b) = (byte(2 * i), byte(2 * i + 1));
                if spec.little {
                    u16::from_le_bytes([a, b])
                } else {
                    u16::from_be_bytes([a, b])
                }
            };
            let u = (avail >= 2).then(|| unit(0))?;
            if (0xD800..0xDC00).contains(&u) {
                let v = (avail >= 4).then(|| unit(1))?;
                let c = char::decode_utf16([u, v]).next()?.ok()?;
                Some((c as u32, 32))
            } else {
                let c = char::decode_utf16([u]).next()?.ok()?;
                Some((c as u32, 16))
            }
        }
        _ => {
            let b: Vec<u8> = (avail >= 4).then(|| (0..4).map(byte).collect())?;
            let arr: [u8; 4] = b.try_into().ok()?;
            let u = if spec.little {
                u32::from_le_bytes(arr)
            } else {
                u32::from_be_bytes(arr)
            };
            char::from_u32(u).map(|c| (c as u32, 32))
        }
    }
}

/// The exact size of a binary, for `byte_size` and friends.
pub fn len_term(b: &[u8]) -> Term {
    Term::Int(b.len().to_i64().unwrap_or(i64::MAX))
}
