//! `io:format/1,2` and `io:fwrite`: the control sequences of `io_lib:format`.
//!
//! Supports `~p ~w ~s ~n ~b ~B ~c ~f ~e ~g ~i ~~ ~+ ~#` with field width,
//! precision, padding character, `-` (left adjust) and the `t`/`l`
//! modifiers. Bad formats or arguments raise `badarg`, as in OTP. The text
//! goes to `BifCtx::output`; nothing is written here.

use super::{arg, BifCtx, BifFn};
use crate::term::{float, pretty, write, Term};
use crate::vm::Exception;

type R = Result<Term, Exception>;

fn bad() -> Exception {
    Exception::badarg()
}

/// A binary's characters under `~s` (Latin-1 bytes) or `~ts` (UTF-8).
fn binary_chars(b: &[u8], utf8: bool, out: &mut String) -> Result<(), Exception> {
    if utf8 {
        out.push_str(std::str::from_utf8(b).map_err(|_| bad())?);
    } else {
        out.extend(b.iter().map(|&c| char::from(c)));
    }
    Ok(())
}

/// The characters of an iolist-ish argument of `~s`: a string, a deep
/// list of characters and binaries (perhaps ending in a binary), a
/// binary, or an atom.
fn chars_of(t: &Term, utf8: bool, out: &mut String) -> Result<(), Exception> {
    match t {
        Term::Atom(a) => {
            out.push_str(a.name());
            Ok(())
        }
        Term::Binary(b) => binary_chars(b, utf8, out),
        _ => {
            let mut it = t.iter_list();
            for x in it.by_ref() {
                match x {
                    Term::Int(c) => out.push(
                        u32::try_from(*c)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(bad)?,
                    ),
                    Term::Nil | Term::Cons(_) | Term::Binary(_) => chars_of(x, utf8, out)?,
                    _ => return Err(bad()),
                }
            }
            match it.rest() {
                Term::Nil => Ok(()),
                Term::Binary(b) => binary_chars(b, utf8, out),
                _ => Err(bad()),
            }
        }
    }
}

struct Spec {
    left: bool,
    width: Option<usize>,
    precision: Option<usize>,
    pad: char,
}

fn pad(spec: &Spec, n: usize) -> String {
    std::iter::repeat_n(spec.pad, n).collect()
}

fn adjust(data: &str, padding: &str, left: bool) -> String {
    if left {
        format!("{data}{padding}")
    } else {
        format!("{padding}{data}")
    }
}

/// `io_lib_format:term/5`: a term or number in a field; too long for the
/// precision (or width) becomes stars.
fn term_field(s: &str, spec: &Spec) -> String {
    let (f, p) = match (spec.width, spec.precision) {
        (None, None) => return s.to_string(),
        (Some(f), None) => (f, f),
        (None, Some(p)) => (p, p),
        (Some(f), Some(p)) => (f, p),
    };
    let len = s.chars().count();
    if len > p {
        adjust(&"*".repeat(p), &pad(spec, f.saturating_sub(p)), spec.left)
    } else {
        adjust(s, &pad(spec, f.saturating_sub(len)), spec.left)
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// `io_lib_format:string/5`: a string cut to the precision, padded to it
/// and then to the field width.
fn string_field(s: &str, spec: &Spec) -> Result<String, Exception> {
    let n = s.chars().count();
    let fit = |s: &str, f: usize, left: bool| -> String {
        if n > f {
            truncate(s, f)
        } else {
            adjust(s, &pad(spec, f - n), left)
        }
    };
    Ok(match (spec.width, spec.precision) {
        (None, None) => s.to_string(),
        (Some(f), None) => fit(s, f, spec.left),
        (None, Some(p)) => fit(s, p, true),
        (Some(f), Some(p)) if f >= p => {
            let inner = if n > p {
                truncate(s, p)
            } else {
                format!("{s}{}", pad(spec, p - n))
            };
            adjust(&inner, &pad(spec, f - p), spec.left)
        }
        _ => return Err(bad()),
    })
}

fn column(out: &str) -> usize {
    out.rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1
}

fn int_in_base(t: &Term, base: u32, upper: bool) -> Result<String, Exception> {
    let n = t.to_big().ok_or_else(bad)?;
    let s = n.to_str_radix(base);
    Ok(if upper { s.to_uppercase() } else { s })
}

fn float_arg(t: &Term) -> Result<f64, Exception> {
    match t {
        Term::Float(f) => Ok(*f),
        _ => Err(bad()),
    }
}

struct Args<'a> {
    items: &'a [Term],
    next: usize,
}

impl<'a> Args<'a> {
    fn take(&mut self) -> Result<&'a Term, Exception> {
        let t = self.items.get(self.next).ok_or_else(bad)?;
        self.next += 1;
        Ok(t)
    }
}

type Chars<'s> = std::iter::Peekable<std::str::Chars<'s>>;

/// A field width or precision: digits, `*` (taken from the arguments) or
/// absent. Only a width taken by `*` may be negative (it left-justifies).
fn number(chars: &mut Chars<'_>, args: &mut Args<'_>) -> Result<Option<usize>, Exception> {
    signed_number(chars, args).and_then(|n| match n {
        Some((n, false)) => Ok(Some(n)),
        Some((_, true)) => Err(bad()),
        None => Ok(None),
    })
}

/// Like `number`, also saying whether `*` gave a negative number.
fn signed_number(
    chars: &mut Chars<'_>,
    args: &mut Args<'_>,
) -> Result<Option<(usize, bool)>, Exception> {
    if chars.peek() == Some(&'*') {
        chars.next();
        return match args.take()? {
            Term::Int(n) => Ok(Some((
                usize::try_from(n.unsigned_abs()).map_err(|_| bad())?,
                *n < 0,
            ))),
            _ => Err(bad()),
        };
    }
    let mut n: Option<usize> = None;
    while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
        n = Some(n.unwrap_or(0).saturating_mul(10).saturating_add(d as usize));
        chars.next();
    }
    Ok(n.map(|n| (n, false)))
}

/// Formats `fmt` with `args` as `io_lib:format/2`.
pub fn format(fmt: &str, args: &[Term]) -> Result<String, Exception> {
    format_parts(fmt, args).map(|(out, _)| out)
}

/// One piece of formatted text, as `io_lib:format/2` returns them: a
/// literal character (also `~n` and `~~`), or the text of a directive
/// (a byte range of the output).
pub enum Part {
    Char(char),
    Text(std::ops::Range<usize>),
}

/// `format`, also saying which parts of the text came from where.
pub fn format_parts(fmt: &str, args: &[Term]) -> Result<(String, Vec<Part>), Exception> {
    let mut parts = Vec::new();
    let mut out = String::new();
    let mut args = Args {
        items: args,
        next: 0,
    };
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '~' {
            out.push(c);
            parts.push(Part::Char(c));
            continue;
        }
        let start = out.len();
        let mut spec = Spec {
            left: false,
            width: None,
            precision: None,
            pad: ' ',
        };
        if chars.peek() == Some(&'-') {
            spec.left = true;
            chars.next();
        }
        if let Some((w, negative)) = signed_number(&mut chars, &mut args)? {
            spec.width = Some(w);
            spec.left |= negative;
        }
        if chars.peek() == Some(&'.') {
            chars.next();
            spec.precision = number(&mut chars, &mut args)?;
            if chars.peek() == Some(&'.') {
                chars.next();
                if chars.peek() == Some(&'*') {
                    chars.next();
                    match args.take()? {
                        Term::Int(p) => {
                            spec.pad = u32::try_from(*p)
                                .ok()
                                .and_then(char::from_u32)
                                .ok_or_else(bad)?
                        }
                        _ => return Err(bad()),
                    }
                } else {
                    spec.pad = chars.next().ok_or_else(bad)?;
                }
            }
        }
        let (mut lmod, mut tmod) = (false, false);
        while let Some(m) = chars.peek().copied().filter(|m| *m == 't' || *m == 'l') {
            lmod |= m == 'l';
            tmod |= m == 't';
            chars.next();
        }
        let ctl = chars.next().ok_or_else(bad)?;
        if spec.width == Some(0) {
            return Err(bad());
        }
        match ctl {
            '~' => {
                out.push('~');
                parts.push(Part::Char('~'));
                continue;
            }
            'n' => {
                out.push('\n');
                parts.push(Part::Char('\n'));
                continue;
            }
            'c' => {
                // Without `t`, `~c` takes the low byte of any integer (-6 is
                // 250), as erl does.
                let c = match args.take()? {
                    Term::Int(c) if !tmod => char::from_u32((*c & 255) as u32).ok_or_else(bad)?,
                    Term::Big(b) if !tmod => {
                        let low = b.as_ref() & num_bigint::BigInt::from(255);
                        u32::try_from(low)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(bad)?
                    }
                    Term::Int(c) => u32::try_from(*c)
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or_else(bad)?,
                    _ => return Err(bad()),
                };
                let copies = spec.precision.or(spec.width).unwrap_or(1);
                let s: String = std::iter::repeat_n(c, copies).collect();
                out.push_str(&term_field(
                    &s,
                    &Spec {
                        precision: None,
                        ..spec
                    },
                ));
            }
            's' => {
                let mut s = String::new();
                chars_of(args.take()?, tmod, &mut s)?;
                // Without the `t` modifier, `~s` takes Latin-1 characters only.
                if !tmod && s.chars().any(|c| u32::from(c) > 255) {
                    return Err(bad());
                }
                out.push_str(&string_field(&s, &spec)?);
            }
            'w' => {
                let s = write::write(args.take()?);
                out.push_str(&term_field(&s, &spec));
            }
            // erl refuses a left-justified `~p`.
            'p' if spec.left => return Err(bad()),
            'p' => {
                let t = args.take()?;
                let s = if lmod {
                    write::write(t)
                } else {
                    let ll = spec.width.unwrap_or(80);
                    pretty::print(t, column(&out), ll)
                };
                if spec.width.is_some() && !s.contains('\n') {
                    out.push_str(&term_field(
                        &s,
                        &Spec {
                            width: None,
                            ..spec
                        },
                    ));
                } else {
                    out.push_str(&s);
                }
            }
            'b' | 'B' | '#' | '+' => {
                let base = spec.precision.unwrap_or(10);
                if !(2..=36).contains(&base) {
                    return Err(bad());
                }
                let t = args.take()?;
                // `~b` and `~+` write lowercase digits, `~B` and `~#` uppercase.
                let mut s = int_in_base(t, base as u32, ctl == 'B' || ctl == '#')?;
                if ctl == '#' || ctl == '+' {
                    let neg = s.starts_with('-');
                    let digits = s.trim_start_matches('-').to_string();
                    s = format!("{}{}#{}", if neg { "-" } else { "" }, base, digits);
                }
                out.push_str(&term_field(
                    &s,
                    &Spec {
                        precision: None,
                        ..spec
                    },
                ));
            }
            'f' | 'e' | 'g' => {
                let f = float_arg(args.take()?)?;
                let p = spec.precision.unwrap_or(6);
                if p == 0 || (ctl == 'e' && p < 2) {
                    return Err(bad());
                }
                let s = match ctl {
                    'f' => float::fixed(f, p),
                    'e' => float::scientific(f, p.max(2)),
                    _ => float::general(f, p),
                };
                out.push_str(&term_field(
                    &s,
                    &Spec {
                        precision: None,
                        ..spec
                    },
                ));
            }
            'i' => {
                args.take()?;
            }
            _ => return Err(bad()),
        }
        if ctl != 'i' {
            parts.push(Part::Text(start..out.len()));
        }
    }
    if args.next < args.items.len() {
        return Err(bad());
    }
    Ok((out, parts))
}

/// `io_lib:format/2`: the text as a list of characters and strings, one
/// string per directive, as OTP builds it (OTP may nest the text of a `~p`
/// of a large term more deeply).
pub(super) fn io_lib_format(_: &mut BifCtx, a: &[Term]) -> R {
    let fmt = format_arg(arg(a, 0)?)?;
    let args = match a.get(1) {
        Some(l) => l.list_to_vec().ok_or_else(bad)?,
        None => vec![],
    };
    let (out, parts) = format_parts(&fmt, &args)?;
    let items: Vec<Term> = parts
        .into_iter()
        .map(|p| match p {
            Part::Char(c) => Term::Int(i64::from(u32::from(c))),
            Part::Text(r) => Term::string(out.get(r).unwrap_or_default()),
        })
        .collect();
    Ok(Term::list(items))
}

fn format_arg(t: &Term) -> Result<String, Exception> {
    let mut s = String::new();
    chars_of(t, false, &mut s)?;
    Ok(s)
}

fn io_format(c: &mut BifCtx, a: &[Term]) -> R {
    let fmt = format_arg(arg(a, 0)?)?;
    let args = match a.get(1) {
        Some(l) => l.list_to_vec().ok_or_else(bad)?,
        None => vec![],
    };
    let s = format(&fmt, &args)?;
    c.output.push_str(&s);
    Ok(Term::ok())
}

fn put_chars(c: &mut BifCtx, a: &[Term]) -> R {
    let s = format_arg(arg(a, 0)?)?;
    c.output.push_str(&s);
    Ok(Term::ok())
}

fn nl(c: &mut BifCtx, _: &[Term]) -> R {
    c.output.push('\n');
    Ok(Term::ok())
}

pub static BIFS: &[(&str, usize, BifFn)] = &[
    ("format", 1, io_format),
    ("format", 2, io_format),
    ("fwrite", 1, io_format),
    ("fwrite", 2, io_format),
    ("put_chars", 1, put_chars),
    ("nl", 0, nl),
];

pub static IO_LIB: &[(&str, usize, BifFn)] =
    &[("format", 2, io_lib_format), ("fwrite", 2, io_lib_format)];
