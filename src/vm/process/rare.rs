//! Ops that are rare on hot paths, kept out of the dispatch loop so that
//! it stays short: building maps, funs and binaries, matching binaries and
//! maps, and raising. Each answers where to jump (`Some(label)`), to go on
//! (`None`), or the exception to raise at the op.

use super::Process;
use crate::term::{atoms, Fun, Term};
use crate::vm::bits;
use crate::vm::exception::{Class, Exception};
use crate::vm::module::Module;
use crate::vm::op::{MatchError, Op, Src};
use std::rc::Rc;

impl Process {
    #[inline(never)]
    pub(super) fn exec_rare(
        &mut self,
        module: &Module,
        base: usize,
        op: &Op,
    ) -> Result<Option<u32>, Exception> {
        let nil = Term::Nil;
        match op {
            Op::MapNew { dst, pairs } => {
                let mut map = crate::term::TermMap::new();
                for (k, v) in pairs.iter() {
                    crate::term::map_set(&mut map, get!(self, base, k), get!(self, base, v));
                }
                set!(self, base, *dst, Term::Map(Rc::new(map)));
            }
            Op::MapUpdate { dst, map, pairs } => {
                let mv = get!(self, base, map);
                let Term::Map(mut mp) = mv else {
                    return Err(Exception::tagged("badmap", mv));
                };
                let inner = Rc::make_mut(&mut mp);
                for (k, v, exact) in pairs.iter() {
                    let k = get!(self, base, k);
                    if *exact && !inner.contains_key(&k) {
                        return Err(Exception::tagged("badkey", k));
                    }
                    crate::term::map_set(inner, k, get!(self, base, v));
                }
                set!(self, base, *dst, Term::Map(mp));
            }
            Op::MakeFun { dst, index, env } => {
                let env: Vec<Term> = env.iter().map(|s| get!(self, base, s)).collect();
                let (arity, name) = module
                    .function(*index)
                    .map(|f| (f.arity, f.display))
                    .unwrap_or((0, atoms::undefined()));
                let fun = Fun::Closure {
                    module: module.name,
                    index: *index,
                    arity,
                    uniq: module.uniq,
                    env,
                    name,
                };
                set!(self, base, *dst, Term::Fun(Rc::new(fun)));
            }
            Op::MakeExportFun {
                dst,
                module: md,
                function,
                arity,
            } => {
                let (md, f, a) = (
                    get!(self, base, md),
                    get!(self, base, function),
                    get!(self, base, arity),
                );
                match (md, f, a) {
                    (Term::Atom(md), Term::Atom(f), Term::Int(a)) if (0..=255).contains(&a) => {
                        let fun = Fun::Export {
                            module: md,
                            function: f,
                            arity: a as u32,
                        };
                        set!(self, base, *dst, Term::Fun(Rc::new(fun)));
                    }
                    _ => return Err(Exception::badarg()),
                }
            }
            Op::BinBuild { dst, segs, fail } => {
                let mut w = bits::Writer::new();
                let mut res = Ok(());
                for seg in segs.iter() {
                    let size = seg.size.as_ref().map(|s| val!(self, base, s, &nil));
                    res = w.segment(val!(self, base, &seg.value, &nil), size, seg.spec);
                    if res.is_err() {
                        break;
                    }
                }
                match res.and_then(|()| w.finish()) {
                    Ok(v) => set!(self, base, *dst, v),
                    Err(e) => match fail {
                        Some(l) => return Ok(Some(*l)),
                        None => return Err(e),
                    },
                }
            }
            Op::BinFromRows { dst, rows, segs } => {
                let v = bits::build_rows(val!(self, base, rows, &nil), segs)?;
                set!(self, base, *dst, v);
            }
            Op::BinGet {
                dst,
                src,
                pos,
                size,
                spec,
                fail,
            } => {
                let at_bit = match self.stack.get(base + *pos as usize) {
                    Some(Term::Int(p)) => *p as u64,
                    _ => 0,
                };
                let got = match val!(self, base, src, &nil) {
                    Term::Binary(b) => {
                        let size = size.as_ref().map(|s| val!(self, base, s, &nil));
                        bits::read(b, at_bit, size, *spec)
                    }
                    _ => Ok(None),
                };
                let Some((v, next)) = got? else {
                    return Ok(Some(*fail));
                };
                set!(self, base, *dst, v);
                set_int!(self, base, *pos, next as i64);
            }
            Op::BinEnd { src, pos, fail } => {
                let at_end = match (
                    val!(self, base, src, &nil),
                    self.stack.get(base + *pos as usize),
                ) {
                    (Term::Binary(b), Some(Term::Int(p))) => *p as u64 == 8 * b.len() as u64,
                    _ => false,
                };
                if !at_end {
                    return Ok(Some(*fail));
                }
            }
            Op::MapGet {
                dst,
                map,
                key,
                fail,
            } => {
                let found = match get!(self, base, map) {
                    Term::Map(mp) => mp.get(&get!(self, base, key)).cloned(),
                    _ => None,
                };
                match found {
                    Some(v) => set!(self, base, *dst, v),
                    None => return Ok(Some(*fail)),
                }
            }
            Op::Fail { error, value } => {
                let v = get!(self, base, value);
                return Err(match_error(*error, v));
            }
            Op::Raise { class, reason } => {
                let r = get!(self, base, reason);
                let c = Class::from_atom(*class).unwrap_or(Class::Error);
                return Err(Exception::new(c, r));
            }
            Op::Reraise {
                class,
                reason,
                stack,
            } => {
                let c = match get!(self, base, class) {
                    Term::Atom(a) => Class::from_atom(a).unwrap_or(Class::Error),
                    _ => Class::Error,
                };
                let mut e = Exception::new(c, get!(self, base, reason));
                e.stack = Some(get!(self, base, stack));
                return Err(e);
            }
            Op::CatchValue {
                dst,
                class,
                reason,
                stack,
            } => {
                let c = get!(self, base, &Src::Reg(*class));
                let r = get!(self, base, &Src::Reg(*reason));
                let v = match c {
                    Term::Atom(a) if a == atoms::throw() => r,
                    Term::Atom(a) if a == atoms::exit() => {
                        Term::tuple(vec![Term::Atom(atoms::exit_tag()), r])
                    }
                    _ => {
                        let s = get!(self, base, &Src::Reg(*stack));
                        Term::tuple(vec![Term::Atom(atoms::exit_tag()), Term::tuple(vec![r, s])])
                    }
                };
                set!(self, base, *dst, v);
            }
            _ => {}
        }
        Ok(None)
    }
}

fn match_error(e: MatchError, v: Term) -> Exception {
    match e {
        MatchError::Badmatch => Exception::tagged("badmatch", v),
        MatchError::CaseClause => Exception::tagged("case_clause", v),
        MatchError::TryClause => Exception::tagged("try_clause", v),
        MatchError::IfClause => Exception::error(Term::Atom(atoms::if_clause())),
        MatchError::FunctionClause => Exception::error(Term::Atom(atoms::function_clause())),
        MatchError::BadGenerator => Exception::tagged("bad_generator", v),
        MatchError::BadFilter => Exception::tagged("bad_filter", v),
    }
}
