//! The abstract syntax tree, every node with its byte span.
//!
//! Patterns are parsed as expressions (as `erl_parse` does) and checked by
//! the compiler, so one tree serves both. The tree is plain data: no
//! resolution, no diagnostics live here.

use crate::term::Atom;
use num_bigint::BigInt;

pub use crate::diag::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Fdiv,
    Div,
    Rem,
    Band,
    Bor,
    Bxor,
    Bsl,
    Bsr,
    And,
    Or,
    Xor,
    AndAlso,
    OrElse,
    Append,
    Subtract,
    Eq,
    Ne,
    ExactEq,
    ExactNe,
    Lt,
    Gt,
    Le,
    Ge,
    Send,
}

impl BinOp {
    pub fn text(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Fdiv => "/",
            BinOp::Div => "div",
            BinOp::Rem => "rem",
            BinOp::Band => "band",
            BinOp::Bor => "bor",
            BinOp::Bxor => "bxor",
            BinOp::Bsl => "bsl",
            BinOp::Bsr => "bsr",
            BinOp::And => "and",
            BinOp::Or => "or",
            BinOp::Xor => "xor",
            BinOp::AndAlso => "andalso",
            BinOp::OrElse => "orelse",
            BinOp::Append => "++",
            BinOp::Subtract => "--",
            BinOp::Eq => "==",
            BinOp::Ne => "/=",
            BinOp::ExactEq => "=:=",
            BinOp::ExactNe => "=/=",
            BinOp::Lt => "<",
            BinOp::Gt => ">",
            BinOp::Le => "=<",
            BinOp::Ge => ">=",
            BinOp::Send => "!",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Plus,
    Bnot,
    Not,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Int(BigInt),
    Float(f64),
    Atom(Atom),
    Str(String),
    Var(String),
    Tuple(Vec<Expr>),
    /// `[A, B | T]`; `tail` None means `[]`.
    List(Vec<Expr>, Option<Box<Expr>>),
    Map(Vec<MapField>),
    MapUpdate(Box<Expr>, Vec<MapField>),
    Match(Box<Expr>, Box<Expr>),
    Bin(BinOp, Box<Expr>, Box<Expr>),
    Un(UnOp, Box<Expr>),
    /// `m:f` on its own: only valid as a callee or a catch class.
    Remote(Box<Expr>, Box<Expr>),
    Call(Box<Expr>, Vec<Expr>),
    Case(Box<Expr>, Vec<Clause>),
    If(Vec<Clause>),
    Receive(Vec<Clause>, Option<After>),
    Block(Vec<Expr>),
    /// `fun (...) -> ... end` or `fun Name(...) -> ... end`.
    Fun(Option<String>, Vec<Clause>),
    /// `fun f/N`.
    FunRef(Atom, u32),
    /// `fun M:F/N` (M and F may be variables).
    FunRemote(Box<Expr>, Box<Expr>, Box<Expr>),
    Try(Box<Try>),
    Catch(Box<Expr>),
    ListComp(Box<Expr>, Vec<Qualifier>),
    /// Record syntax. `syntax::records` rewrites it to tuples once the
    /// module's record definitions are known, so the compiler meets it
    /// only in shell input, where no record is defined.
    Record(Box<RecordExpr>),
    /// `<<Seg, ...>>`, in an expression or a pattern.
    Binary(Vec<BinElement>),
    /// `<< Body || Qualifiers >>`: a binary comprehension.
    BinComp(Box<Expr>, Vec<Qualifier>),
}

/// A record name or field name with its span.
pub type Name = (Atom, Span);

#[derive(Clone, Debug)]
pub enum RecordExpr {
    /// `#r{f = V, ...}`, or with a base, the update `Base#r{f = V, ...}`.
    Build {
        base: Option<Expr>,
        name: Name,
        fields: Vec<RecordField>,
    },
    /// `Base#r.f`.
    Field { base: Expr, name: Name, field: Name },
    /// `#r.f`: the field's position in the tuple.
    Index { name: Name, field: Name },
}

#[derive(Clone, Debug)]
pub struct RecordField {
    /// None for `_ = V`, which gives every field not named its value.
    pub name: Option<Name>,
    pub value: Expr,
}

/// One segment of a binary: `Value:Size/Type-Specifiers`.
#[derive(Clone, Debug)]
pub struct BinElement {
    pub value: Expr,
    pub size: Option<Expr>,
    /// As written, e.g. `little`, `signed`, `unit:8`; checked by the compiler.
    pub types: Vec<TypeSpecifier>,
    pub span: Span,
}

/// A bit syntax type specifier: `binary`, or `unit:8`.
#[derive(Clone, Debug)]
pub struct TypeSpecifier {
    pub name: String,
    pub arg: Option<BigInt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct MapField {
    pub key: Expr,
    pub value: Expr,
    /// `:=` (must exist) rather than `=>`.
    pub exact: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct After {
    pub timeout: Box<Expr>,
    pub body: Vec<Expr>,
    pub span: Span,
}

/// Guards: alternatives separated by `;`, each a `,`-separated conjunction.
pub type Guard = Vec<Vec<Expr>>;

#[derive(Clone, Debug)]
pub struct Clause {
    pub pats: Vec<Expr>,
    pub guard: Guard,
    pub body: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct CatchClause {
    /// `throw`, `error`, `exit` or a variable; None means `throw`.
    pub class: Option<Expr>,
    pub pat: Expr,
    pub stack: Option<Expr>,
    pub guard: Guard,
    pub body: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Try {
    pub body: Vec<Expr>,
    pub of: Vec<Clause>,
    pub catches: Vec<CatchClause>,
    pub after: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub enum Qualifier {
    Generator(Expr, Expr),
    /// `<<Segs>> <= Binary`.
    BinGenerator(Expr, Expr),
    Filter(Expr),
}

#[derive(Clone, Debug)]
pub struct Function {
    pub name: Atom,
    pub arity: usize,
    pub clauses: Vec<Clause>,
    pub span: Span,
    /// Span of the name in the first clause.
    pub name_span: Span,
}

#[derive(Clone, Debug)]
pub enum Form {
    /// `-name(args).` Attributes keep their argument expressions.
    Attribute(Atom, Vec<Expr>, Span),
    /// The clauses of one function, each with its name and the name's span.
    Function(Vec<(Atom, Span, Clause)>),
}

/// A module after parsing.
#[derive(Clone, Debug, Default)]
pub struct Module {
    pub name: Option<(Atom, Span)>,
    pub exports: Vec<(Atom, usize, Span)>,
    pub imports: Vec<(Atom, Atom, usize, Span)>,
    pub functions: Vec<Function>,
    /// `-compile(...)` options that change how the module compiles.
    pub options: CompileOptions,
}

/// What `-compile(...)` attributes asked for.
#[derive(Clone, Debug, Default)]
pub struct CompileOptions {
    /// `export_all`, with the attribute's span for erl's warning.
    pub export_all: Option<Span>,
    pub nowarn_export_all: bool,
    /// `{no_auto_import, [f/N]}`: built-ins a local function may shadow.
    pub no_auto_import: Vec<(Atom, usize)>,
    /// Bare `no_auto_import`: every built-in.
    pub no_auto_import_all: bool,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// Whether this is a guard expression as erl_lint sees it: constants,
    /// variables, data built of guard expressions (records and binaries
    /// included), guard operators, and calls of guard built-ins that no
    /// local function hides (`shadowed(f, n)` says one does). A list
    /// comprehension filter that is one is compiled as a guard.
    pub fn is_guard_expr(&self, shadowed: &dyn Fn(Atom, usize) -> bool) -> bool {
        let guard = |e: &Expr| e.is_guard_expr(shadowed);
        let all = |es: &[Expr]| es.iter().all(guard);
        let fields = |fs: &[MapField]| fs.iter().all(|f| guard(&f.key) && guard(&f.value));
        match &self.kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Atom(_)
            | ExprKind::Str(_)
            | ExprKind::Var(_) => true,
            ExprKind::Tuple(es) => all(es),
            ExprKind::List(es, tail) => all(es) && tail.as_deref().is_none_or(guard),
            ExprKind::Map(fs) => fields(fs),
            ExprKind::MapUpdate(m, fs) => guard(m) && fields(fs),
            ExprKind::Bin(op, a, b) => {
                !matches!(op, BinOp::Append | BinOp::Subtract | BinOp::Send) && guard(a) && guard(b)
            }
            ExprKind::Un(_, a) => guard(a),
            ExprKind::Binary(es) => es
                .iter()
                .all(|el| guard(&el.value) && el.size.as_ref().is_none_or(guard)),
            ExprKind::Record(r) => match &**r {
                RecordExpr::Index { .. } => true,
                RecordExpr::Field { base, .. } => guard(base),
                RecordExpr::Build {
                    base: None, fields, ..
                } => fields.iter().all(|f| guard(&f.value)),
                RecordExpr::Build { base: Some(_), .. } => false,
            },
            ExprKind::Call(f, args) => {
                let n = args.len();
                let guard_bif = match &f.kind {
                    ExprKind::Atom(name) => {
                        crate::catalogue::is_guard_bif(name.name(), n) && !shadowed(*name, n)
                    }
                    ExprKind::Remote(m, name) => match (&m.kind, &name.kind) {
                        (ExprKind::Atom(m), ExprKind::Atom(name)) => {
                            m.name() == "erlang" && crate::catalogue::is_guard_bif(name.name(), n)
                        }
                        _ => false,
                    },
                    _ => false,
                };
                guard_bif && all(args)
            }
            _ => false,
        }
    }
}
