//! Code generation for the bit syntax: `<<...>>` built in expressions and
//! taken apart in patterns.
//!
//! Owns the checks erlc makes on type specifiers (one type, one
//! signedness, one endianness, a unit in 1..256, no size for `utf8`, a
//! binary without size only at the end of a pattern), each mistake with
//! its own diagnostic. A string segment (`<<"abc">>`, `<<"é"/utf8>>`) is
//! one segment per character. A binary of constant segments is built
//! here, once, into a constant.

use super::func::FnBuilder;
use crate::diag::Diagnostic;
use crate::syntax::ast::{BinElement, Expr, ExprKind, Qualifier, Span, TypeSpecifier};
use crate::term::Term;
use crate::vm::bits::{BinSpec, BinType, Writer};
use crate::vm::op::{BinSeg, Label, MatchError, Op, Src};
use num_traits::ToPrimitive;

/// A segment's value: an expression, or one character of a string.
enum Value<'a> {
    Expr(&'a Expr),
    Char(u32),
}

/// One segment after strings are split into characters.
struct Seg<'a> {
    value: Value<'a>,
    size: Option<&'a Expr>,
    el: &'a BinElement,
}

fn segments(es: &[BinElement]) -> Vec<Seg<'_>> {
    let mut out = vec![];
    for el in es {
        let size = el.size.as_ref();
        match &el.value.kind {
            ExprKind::Str(s) => out.extend(s.chars().map(|c| Seg {
                value: Value::Char(c as u32),
                size,
                el,
            })),
            _ => out.push(Seg {
                value: Value::Expr(&el.value),
                size,
                el,
            }),
        }
    }
    out
}

/// What is wrong with a segment's type specifiers.
pub enum SpecError {
    /// Not a type, signedness, endianness or unit.
    Unknown(Span, String),
    /// A second type, signedness, endianness or unit that differs.
    Conflict(Span, &'static str),
    /// `unit:0` or beyond 256.
    BadUnit(Span),
    /// `little:2`, or `unit` alone.
    BadArg(Span, String),
    /// A size or unit on `utf8`, `utf16` or `utf32`.
    UtfSize(Span),
}

const TYPE_WORDS: &[&str] = &[
    "integer",
    "float",
    "binary",
    "bytes",
    "bitstring",
    "bits",
    "utf8",
    "utf16",
    "utf32",
    "signed",
    "unsigned",
    "big",
    "little",
    "native",
    "unit",
];

/// Reads a segment's type specifiers.
pub fn spec_of(el: &BinElement) -> Result<BinSpec, SpecError> {
    let (mut ty, mut signed, mut little, mut unit) = (None, None, None, None);
    for t in &el.types {
        let name = t.name.as_str();
        match (name, &t.arg) {
            ("unit", Some(n)) => match n.to_u16().filter(|u| (1..=256).contains(u)) {
                Some(u) if unit.is_none_or(|prev| prev == u) => unit = Some(u),
                Some(_) => return Err(SpecError::Conflict(t.span, "unit")),
                None => return Err(SpecError::BadUnit(t.span)),
            },
            (_, Some(_)) | ("unit", None) => return Err(SpecError::BadArg(t.span, t.name.clone())),
            _ => {}
        }
        if name == "unit" {
            continue;
        }
        let ty_of = match name {
            "integer" => Some((BinType::Integer, 0)),
            "float" => Some((BinType::Float, 0)),
            "binary" | "bytes" => Some((BinType::Binary, 8)),
            "bitstring" | "bits" => Some((BinType::Binary, 1)),
            "utf8" => Some((BinType::Utf8, 0)),
            "utf16" => Some((BinType::Utf16, 0)),
            "utf32" => Some((BinType::Utf32, 0)),
            _ => None,
        };
        if let Some(found) = ty_of {
            if ty.is_some_and(|prev| prev != found) {
                return Err(SpecError::Conflict(t.span, "type"));
            }
            ty = Some(found);
            continue;
        }
        let (slot, v, what) = match name {
            "signed" => (&mut signed, true, "signedness"),
            "unsigned" => (&mut signed, false, "signedness"),
            "big" => (&mut little, false, "endianness"),
            "little" | "native" => (&mut little, true, "endianness"),
            _ => return Err(SpecError::Unknown(t.span, t.name.clone())),
        };
        if slot.is_some_and(|prev| prev != v) {
            return Err(SpecError::Conflict(t.span, what));
        }
        *slot = Some(v);
    }
    let (ty, default_unit) = ty.unwrap_or((BinType::Integer, 0));
    let utf = matches!(ty, BinType::Utf8 | BinType::Utf16 | BinType::Utf32);
    if utf && (el.size.is_some() || unit.is_some()) {
        return Err(SpecError::UtfSize(el.span));
    }
    let unit = match (unit, default_unit) {
        (Some(u), _) => u,
        (None, 0) => 1,
        (None, d) => d,
    };
    Ok(BinSpec {
        ty,
        signed: signed.unwrap_or(false),
        little: little.unwrap_or(false),
        unit,
    })
}

/// The diagnostic for a segment's bad type specifiers.
fn spec_diagnostic(e: SpecError) -> Diagnostic {
    const SHAPE: &str = "A segment is `Value:Size/Type-Signedness-Endianness-unit:N`, each part optional, e.g. `<<X:16/little-signed>>` or `<<Rest/binary>>`";
    match e {
        SpecError::Unknown(span, name) => {
            let d = Diagnostic::error(format!("`{name}` is not a type of a binary segment"))
                .at(span, "unknown type");
            match crate::diag::suggest::closest(&name, TYPE_WORDS.iter().copied()) {
                Some(s) => d.help(format!("did you mean `{s}`? {SHAPE}")),
                None => d.help(format!("the types are integer, float, binary (or bytes), bitstring, utf8, utf16 and utf32. {SHAPE}")),
            }
        }
        SpecError::Conflict(span, what) => {
            Diagnostic::error(format!("this segment is given a second {what}"))
                .at(span, "conflicts with the one before")
                .help(format!("keep one. {SHAPE}"))
        }
        SpecError::BadUnit(span) => Diagnostic::error("a unit is a number from 1 to 256")
            .at(span, "out of range")
            .help("the size counts units of this many bits: `<<X:4/integer-unit:8>>` is 32 bits"),
        SpecError::BadArg(span, name) => {
            Diagnostic::error(format!("`{name}` cannot be written like this here"))
                .at(span, "here")
                .help(format!(
                    "only the unit takes a number, as in `unit:8`. {SHAPE}"
                ))
        }
        SpecError::UtfSize(span) => {
            Diagnostic::error("a utf8, utf16 or utf32 segment has no size or unit")
                .at(span, "sized here")
                .help("its size comes from the character it holds: write `<<C/utf8>>`")
        }
    }
}

/// The value of `<<...>>` when every segment is a constant that builds.
pub fn literal(es: &[BinElement]) -> Option<Term> {
    let mut w = Writer::new();
    for s in segments(es) {
        let spec = spec_of(s.el).ok()?;
        let value = match s.value {
            Value::Char(c) => Term::Int(i64::from(c)),
            Value::Expr(e) => super::expr::literal(e)?,
        };
        let size = match s.size {
            Some(e) => Some(super::expr::literal(e)?),
            None => None,
        };
        w.segment(&value, size.as_ref(), spec).ok()?;
    }
    w.finish().ok()
}

impl FnBuilder<'_> {
    fn spec_or_report(&mut self, el: &BinElement) -> BinSpec {
        spec_of(el).unwrap_or_else(|e| {
            self.error(spec_diagnostic(e));
            BinSpec {
                ty: BinType::Integer,
                signed: false,
                little: false,
                unit: 1,
            }
        })
    }

    /// Builds `<<es...>>`.
    pub fn binary_expr(&mut self, es: &[BinElement]) -> Src {
        let mut segs = vec![];
        for s in segments(es) {
            let spec = self.spec_or_report(s.el);
            let value = match s.value {
                Value::Char(c) => Src::Const(Term::Int(i64::from(c))),
                Value::Expr(e) => self.expr(e),
            };
            let size = s.size.map(|e| self.expr(e));
            segs.push(BinSeg { value, size, spec });
        }
        let dst = self.temp();
        let fail = self.guard_fail;
        self.emit(Op::BinBuild {
            dst,
            segs: segs.into(),
            fail,
        });
        Src::Reg(dst)
    }

    /// Matches `v` against `<<es...>>`, binding as it goes, so a size may
    /// name a variable bound by an earlier segment.
    pub fn binary_pattern(&mut self, es: &[BinElement], v: Src, fail: Label) {
        self.emit(Op::TestBinary {
            src: v.clone(),
            fail,
        });
        let pos = self.temp();
        self.mov(pos, Src::Const(Term::Int(0)));
        self.binary_segments(es, &v, pos, fail, None);
        self.emit(Op::BinEnd { src: v, pos, fail });
    }

    /// Reads the segments `es` from binary `v` at the bit position in slot
    /// `pos`, binding and testing; a read that fails jumps to `fail`. With
    /// `skip` (a generator, which reads on after its pattern), a value
    /// that does not match jumps there once every segment is read, and no
    /// segment may be a sizeless binary.
    fn binary_segments(
        &mut self,
        es: &[BinElement],
        v: &Src,
        pos: u32,
        fail: Label,
        skip: Option<Label>,
    ) {
        let segs = segments(es);
        let n = segs.len();
        let outside = self.pattern_binds.clone();
        // Tests put off until every segment is read: (slot, pattern).
        let mut later: Vec<(u32, Result<&Expr, u32>)> = vec![];
        for (i, s) in segs.into_iter().enumerate() {
            let spec = self.spec_or_report(s.el);
            if spec.ty == BinType::Binary && s.size.is_none() && (i + 1 < n || skip.is_some()) {
                self.error(
                    Diagnostic::error("a binary segment without a size must come last in a pattern")
                        .at(s.el.span, "takes all the rest")
                        .help("give it a size, as in `<<A:4/binary, Rest/binary>>`, or move it to the end"),
                );
            }
            if let Some(e) = s.size {
                self.check_size_vars(e, &outside);
            }
            let size = s.size.map(|e| self.expr(e));
            match s.value {
                Value::Char(c) => {
                    let dst = self.temp();
                    self.bin_get(dst, v, pos, size, spec, fail);
                    match skip {
                        Some(_) => later.push((dst, Err(c))),
                        None => self.emit(Op::TestExact {
                            a: Src::Reg(dst),
                            b: Src::Const(Term::Int(i64::from(c))),
                            fail,
                        }),
                    }
                }
                Value::Expr(e) => {
                    if !matches!(
                        e.kind,
                        ExprKind::Var(_) | ExprKind::Int(_) | ExprKind::Float(_)
                    ) && super::expr::literal(e).is_none()
                    {
                        self.bad_pattern(e, "a segment of a binary pattern is a variable or a literal number or string");
                        continue;
                    }
                    let dst = self.elem_target(e);
                    self.bin_get(dst, v, pos, size, spec, fail);
                    let binds = matches!(&e.kind, ExprKind::Var(n) if !self.scope.is_bound(n));
                    if skip.is_some() && !binds {
                        later.push((dst, Ok(e)));
                    } else {
                        self.pattern(e, Src::Reg(dst), fail);
                    }
                }
            }
        }
        let Some(skip) = skip else { return };
        for (dst, test) in later {
            match test {
                Ok(e) => self.pattern(e, Src::Reg(dst), skip),
                Err(c) => self.emit(Op::TestExact {
                    a: Src::Reg(dst),
                    b: Src::Const(Term::Int(i64::from(c))),
                    fail: skip,
                }),
            }
        }
    }

    /// erlc's rule: a size in a pattern may use variables bound before the
    /// pattern or by an earlier segment of the same binary, not ones the
    /// rest of the pattern binds (`{N, <<X:N>>}`, `f(N, <<X:N>>)`).
    fn check_size_vars(&mut self, size: &Expr, outside: &[String]) {
        let mut used = std::collections::BTreeSet::new();
        super::vars::collect(size, &mut used);
        for v in used.iter().filter(|v| outside.contains(v)) {
            self.error(
                Diagnostic::error(format!("variable `{v}` is unbound here"))
                    .at(size.span, format!("`{v}` is bound by this same pattern, too late to be a size"))
                    .help(format!("a segment's size can use a variable bound before the pattern, or by an earlier segment of the same binary, as in `<<N, Data:N/binary>>`; take the binary as a variable `Bin` and match `<<...>> = Bin` once `{v}` is bound")),
            );
        }
    }

    /// `Pattern <= Binary` in a comprehension: the pattern's segments are
    /// read again and again from where the last read ended, until too few
    /// bits are left; a chunk whose values do not match is skipped.
    pub fn bin_generator(&mut self, p: &Expr, b: &Expr, body: &Expr, rest: &[Qualifier], acc: u32) {
        let ExprKind::Binary(es) = &p.kind else {
            self.error(
                Diagnostic::error("a binary generator takes a binary pattern")
                    .at(p.span, "not a binary pattern")
                    .help("write the segments to read each time, as in `<<X:8>> <= Bin`; to walk a list, use `<-`"),
            );
            return;
        };
        let bin = self.temp();
        let src = self.expr(b);
        self.mov(bin, src);
        let (top, done, bad) = (self.label(), self.label(), self.label());
        self.emit(Op::TestBinary {
            src: Src::Reg(bin),
            fail: bad,
        });
        let pos = self.temp();
        self.mov(pos, Src::Const(Term::Int(0)));
        self.place(top);
        let before = (self.scope.clone(), self.names.clone());
        self.shadow_pattern_vars(p);
        self.pattern_binds.clear();
        self.binary_segments(es, &Src::Reg(bin), pos, done, Some(top));
        self.comprehension(body, rest, acc, top);
        (self.scope, self.names) = before;
        self.emit(Op::Jump { to: top });
        self.place(bad);
        self.emit(Op::Fail {
            error: MatchError::BadGenerator,
            value: Src::Reg(bin),
        });
        self.place(done);
    }

    /// `<< Body || Qualifiers >>`: each round keeps the values (and sizes)
    /// of the body's segments in a row; one binary is built from all the
    /// rows at the end, so segments need not be whole bytes each round.
    pub fn bin_comp(&mut self, body: &Expr, quals: &[Qualifier]) -> Src {
        let whole;
        let els: &[BinElement] = match &body.kind {
            ExprKind::Binary(es) => es,
            _ => {
                whole = [BinElement {
                    value: body.clone(),
                    size: None,
                    types: vec![TypeSpecifier {
                        name: "bitstring".to_string(),
                        arg: None,
                        span: body.span,
                    }],
                    span: body.span,
                }];
                &whole
            }
        };
        let (mut row, mut specs) = (vec![], vec![]);
        for s in segments(els) {
            let spec = self.spec_or_report(s.el);
            row.push(match s.value {
                Value::Char(c) => Expr::new(ExprKind::Int(c.into()), s.el.span),
                Value::Expr(e) => e.clone(),
            });
            row.extend(s.size.cloned());
            specs.push((spec, s.size.is_some()));
        }
        let row = Expr::new(ExprKind::Tuple(row), body.span);
        let acc = self.comprehension_acc(&row, quals);
        let dst = self.temp();
        self.emit(Op::BinFromRows {
            dst,
            rows: Src::Reg(acc),
            segs: specs.into(),
        });
        Src::Reg(dst)
    }

    fn bin_get(
        &mut self,
        dst: u32,
        src: &Src,
        pos: u32,
        size: Option<Src>,
        spec: BinSpec,
        fail: Label,
    ) {
        self.emit(Op::BinGet {
            dst,
            src: src.clone(),
            pos,
            size,
            spec,
            fail,
        });
    }
}
