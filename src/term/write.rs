//! The flat text forms of terms: `~w` (`write`) and the one-line `~p`.
//!
//! Atom quoting, string escapes and printable-list detection follow
//! `io_lib` of OTP 25 with its default `+pc latin1`: a list prints as a
//! string under `~p` when every element is a Latin-1 printable character.
//! Recursion goes into heads and tuple elements only; list tails loop.

use super::{float, Fun, Term};
use std::fmt::Write;

const RESERVED: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
    "rem", "try", "when", "xor",
];

fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase() || (('\u{df}'..='\u{ff}').contains(&c) && c != '\u{f7}')
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '_'
        || c == '@'
        || (('\u{c0}'..='\u{ff}').contains(&c) && c != '\u{d7}' && c != '\u{f7}')
}

/// Whether an atom must be written in single quotes.
pub fn atom_needs_quotes(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if is_lower(c) => {}
        _ => return true,
    }
    if !chars.all(is_name_char) {
        return true;
    }
    RESERVED.contains(&name)
}

/// Writes one character of a quoted string or atom, escaped as `io_lib`.
pub fn push_escaped(out: &mut String, c: char, quote: char) {
    match c {
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        '\\' => out.push_str("\\\\"),
        ' '..='~' => out.push(c),
        c if (c as u32) >= 0xA0 => out.push(c),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\u{1b}' => out.push_str("\\e"),
        '\u{7f}' => out.push_str("\\d"),
        c => {
            let n = c as u32;
            let _ = write!(out, "\\{}{}{}", (n >> 6) & 7, (n >> 3) & 7, n & 7);
        }
    }
}

pub fn write_atom(out: &mut String, name: &str) {
    if atom_needs_quotes(name) {
        out.push('\'');
        for c in name.chars() {
            push_escaped(out, c, '\'');
        }
        out.push('\'');
    } else {
        out.push_str(name);
    }
}

pub fn atom_text(name: &str) -> String {
    let mut s = String::new();
    write_atom(&mut s, name);
    s
}

fn is_printable_char(i: i64) -> bool {
    (32..=126).contains(&i) || (160..=255).contains(&i) || matches!(i, 8..=13 | 27)
}

/// `io_lib:printable_list/1` under `+pc latin1`: a non-empty... or empty
/// proper list of printable characters.
pub fn printable_list(t: &Term) -> bool {
    let mut it = t.iter_list();
    for x in it.by_ref() {
        match x {
            Term::Int(i) if is_printable_char(*i) => {}
            _ => return false,
        }
    }
    matches!(it.rest(), Term::Nil)
}

/// `"..."` with escapes, for a list already known to be printable.
pub fn write_string(out: &mut String, t: &Term) {
    out.push('"');
    for x in t.iter_list() {
        if let Term::Int(i) = x {
            if let Some(c) = u32::try_from(*i).ok().and_then(char::from_u32) {
                push_escaped(out, c, '"');
            }
        }
    }
    out.push('"');
}

/// Whether `~p` shows a binary as text: a non-empty binary of Latin-1
/// printable bytes (`io_lib_pretty`'s `printable_bin` under `latin1`).
pub fn printable_binary(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(|&c| is_printable_char(i64::from(c)))
}

/// `<<"text">>` under `~p` when printable, else `<<1,2,3>>`.
pub fn write_binary(out: &mut String, b: &[u8], pretty: bool) {
    out.push_str("<<");
    if pretty && printable_binary(b) {
        out.push('"');
        for &c in b {
            push_escaped(out, char::from(c), '"');
        }
        out.push('"');
    } else {
        for (i, c) in b.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "{c}");
        }
    }
    out.push_str(">>");
}

pub fn write_fun(out: &mut String, f: &Fun) {
    match f {
        Fun::Closure {
            module,
            index,
            uniq,
            ..
        } => {
            let _ = write!(out, "#Fun<{}.{}.{}>", module.name(), index, uniq);
        }
        Fun::Export {
            module,
            function,
            arity,
        } => {
            out.push_str("fun ");
            write_atom(out, module.name());
            out.push(':');
            write_atom(out, function.name());
            let _ = write!(out, "/{arity}");
        }
    }
}

/// Writes a term flat. `pretty` selects the `~p` conventions (strings as
/// strings); otherwise `~w`.
pub fn write_flat(out: &mut String, t: &Term, pretty: bool) {
    match t {
        Term::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Term::Big(b) => {
            let _ = write!(out, "{b}");
        }
        Term::Float(f) => out.push_str(&float::shortest(*f)),
        Term::Atom(a) => write_atom(out, a.name()),
        Term::Ref(r) => {
            let _ = write!(out, "#Ref<0.0.0.{}>", r.0);
        }
        Term::Pid(p) => {
            let _ = write!(out, "{p}");
        }
        Term::Fun(f) => write_fun(out, f),
        Term::Tuple(xs) => {
            out.push('{');
            for (i, x) in xs.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_flat(out, x, pretty);
            }
            out.push('}');
        }
        Term::Map(m) => {
            out.push_str("#{");
            for (i, (k, v)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_flat(out, k, pretty);
                out.push_str(" => ");
                write_flat(out, v, pretty);
            }
            out.push('}');
        }
        Term::Nil => out.push_str("[]"),
        Term::Binary(b) => write_binary(out, b, pretty),
        Term::Cons(_) => {
            if pretty && printable_list(t) {
                write_string(out, t);
                return;
            }
            out.push('[');
            let mut cur = t;
            let mut first = true;
            loop {
                match cur {
                    Term::Cons(c) => {
                        if !first {
                            out.push(',');
                        }
                        first = false;
                        write_flat(out, &c.head, pretty);
                        cur = &c.tail;
                    }
                    Term::Nil => break,
                    other => {
                        out.push('|');
                        write_flat(out, other, pretty);
                        break;
                    }
                }
            }
            out.push(']');
        }
    }
}

/// `~w`.
pub fn write(t: &Term) -> String {
    let mut s = String::new();
    write_flat(&mut s, t, false);
    s
}

impl std::fmt::Display for Term {
    /// The `~p` form on one line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        write_flat(&mut s, self, true);
        f.write_str(&s)
    }
}
