//! `io_lib:write/1,2`, `print/1`, `printable_list/1`,
//! `printable_latin1_list/1`, `format/3` and `fwrite/3`, and `io:write/1`.
//! The text is one flat string where OTP returns a deep list of the same
//! characters. `format/3` takes its options list but applies none of them
//! (`chars_limit` does not shorten the text).

use super::{arg, BifCtx, BifFn};
use crate::term::write::{printable_list, write, write_atom};
use crate::term::{pretty, Term};
use crate::vm::Exception;

type R = Result<Term, Exception>;

/// `io_lib:write(Term, Depth)`: as `~w`, but below Depth levels (and past
/// Depth elements of a list, tuple or map) the rest is `...`.
fn write_depth(out: &mut String, t: &Term, d: i64) {
    if d == 0 {
        out.push_str("...");
        return;
    }
    match t {
        Term::Cons(_) if d == 1 => out.push_str("[...]"),
        Term::Cons(c) => {
            out.push('[');
            write_depth(out, &c.head, d - 1);
            write_tail(out, &c.tail, d - 1, '|');
            out.push(']');
        }
        Term::Tuple(xs) if xs.is_empty() => out.push_str("{}"),
        Term::Tuple(_) if d == 1 => out.push_str("{...}"),
        Term::Tuple(xs) => {
            out.push('{');
            let rest = Term::list(xs.iter().skip(1).cloned().collect::<Vec<_>>());
            if let Some(first) = xs.first() {
                write_depth(out, first, d - 1);
            }
            write_tail(out, &rest, d - 1, ',');
            out.push('}');
        }
        Term::Map(m) if m.is_empty() => out.push_str("#{}"),
        Term::Map(_) if d == 1 => out.push_str("#{...}"),
        Term::Map(m) => {
            out.push_str("#{");
            let d0 = d - 1;
            let mut left = d0;
            for (i, (k, v)) in m.iter().enumerate() {
                if i > 0 {
                    if left == 1 {
                        out.push_str(",...");
                        break;
                    }
                    left -= 1;
                    out.push(',');
                }
                write_depth(out, k, d0);
                out.push_str(" => ");
                write_depth(out, v, d0);
            }
            out.push('}');
        }
        Term::Atom(a) => write_atom(out, a.name()),
        _ => out.push_str(&write(t)),
    }
}

fn write_tail(out: &mut String, t: &Term, d: i64, sep: char) {
    match t {
        Term::Nil => {}
        _ if d == 1 => {
            out.push(sep);
            out.push_str("...");
        }
        Term::Cons(c) => {
            out.push(',');
            write_depth(out, &c.head, d - 1);
            write_tail(out, &c.tail, d - 1, sep);
        }
        other => {
            out.push('|');
            write_depth(out, other, d - 1);
        }
    }
}

fn io_lib_write(_: &mut BifCtx, a: &[Term]) -> R {
    let t = arg(a, 0)?;
    let text = match a.get(1) {
        Some(Term::Int(d)) if *d >= 0 => {
            let mut s = String::new();
            write_depth(&mut s, t, *d);
            s
        }
        // No depth, or an options list (whose options are not applied).
        _ => write(t),
    };
    Ok(Term::string(&text))
}

fn io_write(c: &mut BifCtx, a: &[Term]) -> R {
    c.output.push_str(&write(arg(a, 0)?));
    Ok(Term::ok())
}

fn print(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(Term::string(&pretty::print(arg(a, 0)?, 1, 80)))
}

/// Under erl's default `+pc latin1`, both mean Latin-1 printable.
fn printable(_: &mut BifCtx, a: &[Term]) -> R {
    let t = arg(a, 0)?;
    Ok(Term::bool(
        matches!(t, Term::Nil | Term::Cons(_)) && printable_list(t),
    ))
}

fn format3(c: &mut BifCtx, a: &[Term]) -> R {
    if arg(a, 2)?.list_len().is_none() {
        return Err(Exception::badarg());
    }
    super::format::io_lib_format(c, a.get(..2).unwrap_or_default())
}

pub static IO_LIB: &[(&str, usize, BifFn)] = &[
    ("write", 1, io_lib_write),
    ("write", 2, io_lib_write),
    ("print", 1, print),
    ("printable_list", 1, printable),
    ("printable_latin1_list", 1, printable),
    ("format", 3, format3),
    ("fwrite", 3, format3),
];

pub static IO: &[(&str, usize, BifFn)] = &[("write", 1, io_write)];
