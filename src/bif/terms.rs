//! `erlang` built-ins about building tuples, looking into funs, raising
//! exceptions from values and writing a term with `display/1`:
//! `make_tuple/2,3`, `append_element/2`, `fun_info/1,2`, `error/3`,
//! `raise/3`, `display/1` and `unique_integer/0,1`. Unique integers come
//! from the world's reference counter, so runs repeat; they are positive
//! and increasing, which erl promises only with `[positive, monotonic]`.

use super::{arg, BifCtx, BifFn, MAX_LIST};
use crate::term::write::{push_escaped, write_atom, write_fun};
use crate::term::{Fun, Term};
use crate::vm::{Class, Exception};
use std::fmt::Write;

type R = Result<Term, Exception>;

fn size_arg(a: &[Term]) -> Result<usize, Exception> {
    match arg(a, 0)? {
        Term::Int(n) if *n >= 0 && (*n as usize) <= MAX_LIST => Ok(*n as usize),
        Term::Int(n) if *n >= 0 => Err(Exception::system_limit()),
        _ => Err(Exception::badarg()),
    }
}

fn make_tuple(_: &mut BifCtx, a: &[Term]) -> R {
    let n = size_arg(a)?;
    Ok(Term::tuple(vec![arg(a, 1)?.clone(); n]))
}

/// `make_tuple(N, Default, [{Pos, Value}])`: later entries win.
fn make_tuple3(_: &mut BifCtx, a: &[Term]) -> R {
    let n = size_arg(a)?;
    let mut v = vec![arg(a, 1)?.clone(); n];
    let inits = arg(a, 2)?.list_to_vec().ok_or_else(Exception::badarg)?;
    for init in inits {
        let Term::Tuple(pair) = &init else {
            return Err(Exception::badarg());
        };
        let (Some(Term::Int(pos)), Some(value), 2) = (pair.first(), pair.get(1), pair.len()) else {
            return Err(Exception::badarg());
        };
        let slot = usize::try_from(*pos - 1)
            .ok()
            .and_then(|i| v.get_mut(i))
            .ok_or_else(Exception::badarg)?;
        *slot = value.clone();
    }
    Ok(Term::tuple(v))
}

fn append_element(_: &mut BifCtx, a: &[Term]) -> R {
    let Term::Tuple(t) = arg(a, 0)? else {
        return Err(Exception::badarg());
    };
    let mut v = t.to_vec();
    v.push(arg(a, 1)?.clone());
    Ok(Term::tuple(v))
}

/// `error(Reason, Args, Options)` raises `Reason` as `error/2` does.
fn error3(_: &mut BifCtx, a: &[Term]) -> R {
    Err(Exception::error(arg(a, 0)?.clone()))
}

/// `raise(Class, Reason, Stacktrace)`: returns `badarg` (does not raise)
/// when the class is not one or the stack trace is not a list.
fn raise(_: &mut BifCtx, a: &[Term]) -> R {
    let class = match arg(a, 0)? {
        Term::Atom(c) => Class::from_atom(*c),
        _ => None,
    };
    let stack = arg(a, 2)?;
    match class {
        Some(class) if stack.list_len().is_some() => {
            let mut e = Exception::new(class, arg(a, 1)?.clone());
            e.stack = Some(stack.clone());
            Err(e)
        }
        _ => Ok(Term::atom("badarg")),
    }
}

const FUN_ITEMS: &[&str] = &["module", "index", "uniq", "name", "arity", "env", "type"];

fn fun_item(f: &Fun, item: &str) -> Option<Term> {
    let v = match (f, item) {
        (Fun::Closure { module, .. } | Fun::Export { module, .. }, "module") => Term::Atom(*module),
        (Fun::Closure { index, .. }, "index") => Term::Int(i64::from(*index)),
        (Fun::Closure { uniq, .. }, "uniq") => Term::Int(i64::from(*uniq)),
        (Fun::Closure { name, .. }, "name") => Term::Atom(*name),
        (Fun::Export { function, .. }, "name") => Term::Atom(*function),
        (_, "arity") => Term::Int(i64::from(f.arity())),
        (_, "env") => Term::list(f.env().to_vec()),
        (Fun::Closure { .. }, "type") => Term::atom("local"),
        (Fun::Export { .. }, "type") => Term::atom("external"),
        _ => return None,
    };
    Some(Term::tuple(vec![Term::atom(item), v]))
}

/// `fun_info(Fun)`: the items below that the fun has, in erl's order
/// (erl's `pid`, `new_index` and `new_uniq` are left out).
fn fun_info(_: &mut BifCtx, a: &[Term]) -> R {
    let Term::Fun(f) = arg(a, 0)? else {
        return Err(Exception::badarg());
    };
    Ok(Term::list(
        FUN_ITEMS
            .iter()
            .filter_map(|i| fun_item(f, i))
            .collect::<Vec<_>>(),
    ))
}

fn fun_info2(_: &mut BifCtx, a: &[Term]) -> R {
    let (Term::Fun(f), Term::Atom(item)) = (arg(a, 0)?, arg(a, 1)?) else {
        return Err(Exception::badarg());
    };
    match (fun_item(f, item.name()), &**f, item.name()) {
        (Some(t), _, _) => Ok(t),
        (None, Fun::Export { .. }, "index" | "uniq") => Ok(Term::tuple(vec![
            Term::Atom(*item),
            Term::atom("undefined"),
        ])),
        _ => Err(Exception::badarg()),
    }
}

/// `unique_integer/0,1`; the options must be a list of `positive` and
/// `monotonic`.
fn unique_integer(c: &mut BifCtx, a: &[Term]) -> R {
    if let Some(opts) = a.first() {
        let ok = opts.list_len().is_some()
            && opts
                .iter_list()
                .all(|o| o.is_atom("positive") || o.is_atom("monotonic"));
        if !ok {
            return Err(Exception::badarg());
        }
    }
    c.next_ref += 1;
    Ok(Term::Int(c.next_ref as i64))
}

/// The emulator's own writer: like `~w`, but floats in `%e` form, strings
/// of printable characters in quotes and maps without spaces.
fn display_term(out: &mut String, t: &Term) {
    match t {
        Term::Float(f) => push_float(out, *f),
        Term::Atom(a) => write_atom(out, a.name()),
        Term::Fun(f) => write_fun(out, f),
        Term::Tuple(xs) => {
            out.push('{');
            display_seq(out, xs.iter());
            out.push('}');
        }
        Term::Map(m) => {
            out.push_str("#{");
            for (i, (k, v)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                display_term(out, k);
                out.push_str("=>");
                display_term(out, v);
            }
            out.push('}');
        }
        Term::Cons(_) if display_string(t) => {
            out.push('"');
            for x in t.iter_list() {
                if let Some(c) = char_of(x) {
                    push_escaped(out, c, '"');
                }
            }
            out.push('"');
        }
        Term::Cons(_) => {
            out.push('[');
            let mut it = t.iter_list();
            display_seq(out, it.by_ref());
            if !matches!(it.rest(), Term::Nil) {
                out.push('|');
                display_term(out, it.rest());
            }
            out.push(']');
        }
        Term::Ref(r) => {
            let _ = write!(out, "#Ref<0.0.0.{}>", r.0);
        }
        _ => crate::term::write::write_flat(out, t, false),
    }
}

/// C's `%.6e`: `1.000000e+00`.
fn push_float(out: &mut String, f: f64) {
    let s = format!("{f:.6e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if exp < 0 { '-' } else { '+' };
    let _ = write!(out, "{mantissa}e{sign}{:02}", exp.unsigned_abs());
}

fn display_seq<'a>(out: &mut String, xs: impl Iterator<Item = &'a Term>) {
    for (i, x) in xs.enumerate() {
        if i > 0 {
            out.push(',');
        }
        display_term(out, x);
    }
}

fn char_of(t: &Term) -> Option<char> {
    match t {
        Term::Int(i) => u32::try_from(*i).ok().and_then(char::from_u32),
        _ => None,
    }
}

/// A proper list of Latin-1 characters the emulator writes as a string.
fn display_string(t: &Term) -> bool {
    let mut it = t.iter_list();
    let all = it
        .by_ref()
        .all(|x| matches!(x, Term::Int(i) if (32..=126).contains(i) || (160..=255).contains(i) || matches!(i, 8..=13 | 27)));
    all && matches!(it.rest(), Term::Nil)
}

fn display(c: &mut BifCtx, a: &[Term]) -> R {
    display_term(&mut c.output, arg(a, 0)?);
    // erl's emulator ends the line as a terminal driver does, even into a file.
    c.output.push_str("\r\n");
    Ok(Term::bool(true))
}

pub static BIFS: &[(&str, usize, BifFn)] = &[
    ("make_tuple", 2, make_tuple),
    ("make_tuple", 3, make_tuple3),
    ("append_element", 2, append_element),
    ("error", 3, error3),
    ("raise", 3, raise),
    ("fun_info", 1, fun_info),
    ("fun_info", 2, fun_info2),
    ("unique_integer", 0, unique_integer),
    ("unique_integer", 1, unique_integer),
    ("display", 1, display),
];
