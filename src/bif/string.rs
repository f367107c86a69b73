//! The Unicode case functions of `string` (`uppercase/1`, `lowercase/1`,
//! `titlecase/1`, `casefold/1`), which need Unicode's tables; the rest of
//! `string` is Erlang code in the prelude. Strings are lists of characters,
//! possibly nested (pidlab has no binaries); results are flat lists.
//! Characters map with Unicode's full, context-free case mappings, as
//! OTP's `unicode_util` does (`"ß"` upper-cases to `"SS"`).

use super::{BifCtx, BifFn};
use crate::term::Term;
use crate::vm::Exception;

type R = Result<Term, Exception>;

/// The characters of a (possibly deep) list. A term that is no list is
/// `{badarg, Term}` and a list holding anything but characters or lists is
/// `function_clause`, as in OTP.
fn chars(t: &Term) -> Result<Vec<char>, Exception> {
    if !matches!(t, Term::Nil | Term::Cons(_)) {
        return Err(Exception::error(Term::tuple(vec![
            Term::atom("badarg"),
            t.clone(),
        ])));
    }
    let mut out = vec![];
    collect(t, &mut out)?;
    Ok(out)
}

fn collect(t: &Term, out: &mut Vec<char>) -> Result<(), Exception> {
    let clause = || Exception::error(Term::atom("function_clause"));
    let mut cur = t;
    loop {
        match cur {
            Term::Nil => return Ok(()),
            Term::Cons(c) => {
                match &c.head {
                    Term::Int(n) => {
                        let ch = u32::try_from(*n)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(clause)?;
                        out.push(ch);
                    }
                    l @ (Term::Nil | Term::Cons(_)) => collect(l, out)?,
                    _ => return Err(clause()),
                }
                cur = &c.tail;
            }
            _ => return Err(clause()),
        }
    }
}

fn string(cs: impl IntoIterator<Item = char>) -> Term {
    Term::list(
        cs.into_iter()
            .map(|c| Term::Int(i64::from(u32::from(c))))
            .collect::<Vec<_>>(),
    )
}

fn arg0(a: &[Term]) -> Result<Vec<char>, Exception> {
    chars(a.first().ok_or_else(Exception::badarg)?)
}

fn uppercase(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(string(arg0(a)?.into_iter().flat_map(char::to_uppercase)))
}

fn lowercase(_: &mut BifCtx, a: &[Term]) -> R {
    Ok(string(arg0(a)?.into_iter().flat_map(char::to_lowercase)))
}

/// A character's title case where it differs from its upper case: the
/// Latin digraphs and the ligatures, whose first letter alone is upper.
fn title(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{1C4}'..='\u{1C6}' => "\u{1C5}",
        '\u{1C7}'..='\u{1C9}' => "\u{1C8}",
        '\u{1CA}'..='\u{1CC}' => "\u{1CB}",
        '\u{1F1}'..='\u{1F3}' => "\u{1F2}",
        'ß' => "Ss",
        'ﬀ' => "Ff",
        'ﬁ' => "Fi",
        'ﬂ' => "Fl",
        'ﬃ' => "Ffi",
        'ﬄ' => "Ffl",
        'ﬅ' | 'ﬆ' => "St",
        _ => return None,
    })
}

/// The first character in title case, the rest as they are.
fn titlecase(_: &mut BifCtx, a: &[Term]) -> R {
    let arg = a.first().ok_or_else(Exception::badarg)?;
    if !matches!(arg, Term::Nil | Term::Cons(_)) {
        return Err(Exception::error(Term::atom("function_clause")));
    }
    let cs = chars(arg)?;
    let mut out: Vec<char> = vec![];
    if let Some((first, rest)) = cs.split_first() {
        match title(*first) {
            Some(t) => out.extend(t.chars()),
            None => out.extend(first.to_uppercase()),
        }
        out.extend_from_slice(rest);
    }
    Ok(string(out))
}

/// Lower case, with the full case foldings that lower case lacks.
fn casefold(_: &mut BifCtx, a: &[Term]) -> R {
    let mut out = vec![];
    for c in arg0(a)? {
        match c {
            'ß' | 'ẞ' => out.extend(['s', 's']),
            'ς' => out.push('σ'),
            'ﬀ'..='ﬆ' => match title(c) {
                Some(t) => out.extend(t.to_lowercase().chars()),
                None => out.push(c),
            },
            _ => out.extend(c.to_lowercase()),
        }
    }
    Ok(string(out))
}

pub static BIFS: &[(&str, usize, BifFn)] = &[
    ("uppercase", 1, uppercase),
    ("lowercase", 1, lowercase),
    ("titlecase", 1, titlecase),
    ("casefold", 1, casefold),
];
