//! The bytes of a binary term.
//!
//! A binary is a view into a shared, immutable buffer, so taking the rest
//! of a binary in a match (`<<H, T/binary>>`) or a part of it shares the
//! parent's bytes instead of copying them, as the BEAM's sub-binaries do.
//! Only whole bytes: a bitstring whose size is not a multiple of 8 is never
//! made. Order, equality and hashing look at the bytes, never the buffer.

use std::ops::Deref;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub struct Bytes {
    buf: Rc<[u8]>,
    start: usize,
    end: usize,
}

impl Bytes {
    pub fn new(bytes: Vec<u8>) -> Bytes {
        let end = bytes.len();
        Bytes {
            buf: Rc::from(bytes),
            start: 0,
            end,
        }
    }

    pub fn as_slice(&self) -> &[u8] {
        self.buf.get(self.start..self.end).unwrap_or_default()
    }

    /// The bytes `from..to` of this binary (clamped to it), sharing the buffer.
    pub fn slice(&self, from: usize, to: usize) -> Bytes {
        let len = self.end - self.start;
        let (from, to) = (from.min(len), to.min(len));
        Bytes {
            buf: Rc::clone(&self.buf),
            start: self.start + from,
            end: self.start + to.max(from),
        }
    }
}

impl Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}
