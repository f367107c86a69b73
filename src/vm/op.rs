//! The bytecode: one `Op` per instruction, with a span table beside it.
//!
//! Operands are frame slots (`Reg`) or constants; jumps are absolute
//! instruction indices within one function. Each op documents its effect.
//! A function's code never refers to another module's indices: remote
//! calls go by name and are resolved when they run.

use crate::diag::Span;
use crate::term::{Atom, Term};
use crate::vm::bits::BinSpec;

pub type Reg = u32;
pub type Label = u32;

/// An operand: a frame slot or a constant term.
#[derive(Clone, Debug)]
pub enum Src {
    Reg(Reg),
    Const(Term),
}

/// Comparison tests shared by guards and expressions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    ExactEq,
    ExactNe,
    Lt,
    Gt,
    Le,
    Ge,
}

/// Arithmetic and bitwise operators, with Erlang's integer/float rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arith {
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
}

/// Errors raised directly by matching code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchError {
    /// `{badmatch, V}`
    Badmatch,
    /// `{case_clause, V}`
    CaseClause,
    /// `{try_clause, V}`
    TryClause,
    /// `if_clause`
    IfClause,
    /// `function_clause`
    FunctionClause,
    /// `{bad_generator, V}`
    BadGenerator,
    /// `{bad_filter, V}`
    BadFilter,
}

/// One segment of a binary being built: `value:size/spec`.
#[derive(Clone, Debug)]
pub struct BinSeg {
    pub value: Src,
    /// None: the type's default size (a binary's whole length).
    pub size: Option<Src>,
    pub spec: BinSpec,
}

#[derive(Clone, Debug)]
pub enum Op {
    /// `dst := src`.
    Move {
        dst: Reg,
        src: Src,
    },
    /// `dst := {elems...}`.
    Tuple {
        dst: Reg,
        elems: Box<[Src]>,
    },
    /// `dst := [head | tail]`.
    Cons {
        dst: Reg,
        head: Src,
        tail: Src,
    },
    /// `dst := #{k => v, ...}` (later keys win).
    MapNew {
        dst: Reg,
        pairs: Box<[(Src, Src)]>,
    },
    /// `dst := Map#{k => v | k := v}`; `badmap` / `{badkey,K}` as Erlang.
    MapUpdate {
        dst: Reg,
        map: Src,
        pairs: Box<[(Src, Src, bool)]>,
    },
    /// `dst := fun` of function `index` of this module capturing `env`.
    MakeFun {
        dst: Reg,
        index: u32,
        env: Box<[Src]>,
    },
    /// `dst := fun M:F/A`; M, F, A checked at run time.
    MakeExportFun {
        dst: Reg,
        module: Src,
        function: Src,
        arity: Src,
    },

    /// Jumps to `fail` unless `a =:= b`.
    TestExact {
        a: Src,
        b: Src,
        fail: Label,
    },
    /// Jumps to `fail` unless `src` is a tuple of `arity` elements.
    TestTuple {
        src: Src,
        arity: u32,
        fail: Label,
    },
    /// Jumps to `fail` unless `src` is a non-empty list.
    TestCons {
        src: Src,
        fail: Label,
    },
    /// Jumps to `fail` unless `src` is `[]`.
    TestNil {
        src: Src,
        fail: Label,
    },
    /// Jumps to `fail` unless `src` is a map.
    TestMap {
        src: Src,
        fail: Label,
    },
    /// `dst := element(index+1, src)` (src known to be a big enough tuple).
    GetElem {
        dst: Reg,
        src: Src,
        index: u32,
    },
    /// `dst := hd(src)`, `dst := tl(src)` (src known to be a cons).
    GetHd {
        dst: Reg,
        src: Src,
    },
    GetTl {
        dst: Reg,
        src: Src,
    },
    /// `dst := <<segs...>>`. A bad segment raises `badarg` (a binary too
    /// big, `system_limit`), or jumps to `fail` in a guard.
    BinBuild {
        dst: Reg,
        segs: Box<[BinSeg]>,
        fail: Option<Label>,
    },
    /// `dst := <<...>>` of a binary comprehension: `rows` is its
    /// accumulator, a list in reverse order of tuples holding, for each
    /// segment of `segs`, its value and then its size when it has one
    /// (the `bool`). Raises like `BinBuild`.
    BinFromRows {
        dst: Reg,
        rows: Src,
        segs: Box<[(BinSpec, bool)]>,
    },
    /// Jumps to `fail` unless `src` is a binary.
    TestBinary {
        src: Src,
        fail: Label,
    },
    /// Reads the segment `:size/spec` of binary `src` at the bit position
    /// held (as an integer) in slot `pos` into `dst`, and moves `pos` past
    /// it; jumps to `fail` when the segment does not match (too few bits,
    /// a bad size, a float that is not a number, bad UTF-8).
    BinGet {
        dst: Reg,
        src: Src,
        pos: Reg,
        size: Option<Src>,
        spec: BinSpec,
        fail: Label,
    },
    /// Jumps to `fail` unless slot `pos` is at the end of binary `src`.
    BinEnd {
        src: Src,
        pos: Reg,
        fail: Label,
    },
    /// `dst := maps:get(key, map)` or jump to `fail` if absent.
    MapGet {
        dst: Reg,
        map: Src,
        key: Src,
        fail: Label,
    },

    /// Compares; jumps to `fail` when false.
    Test {
        cmp: Cmp,
        a: Src,
        b: Src,
        fail: Label,
    },
    /// `dst := a <cmp> b` as `true`/`false`.
    Compare {
        dst: Reg,
        cmp: Cmp,
        a: Src,
        b: Src,
    },
    /// `dst := a <op> b`; on error raise, or jump to `fail` in a guard.
    Arith {
        dst: Reg,
        op: Arith,
        a: Src,
        b: Src,
        fail: Option<Label>,
    },
    /// `dst := reg <op> imm` for `+`, `-` and `*` with a small-integer
    /// constant; raises like `Arith` (the compiler's peephole makes these).
    ArithImm {
        dst: Reg,
        op: Arith,
        a: Reg,
        imm: i64,
    },
    /// Compares a slot with a small-integer constant; jumps to `fail` when false.
    TestImm {
        cmp: Cmp,
        a: Reg,
        imm: i64,
        fail: Label,
    },
    /// Calls a built-in function in place (no Erlang frames).
    Bif {
        dst: Reg,
        bif: super::builtin::BifRef,
        args: Box<[Src]>,
        fail: Option<Label>,
    },
    /// Jumps to `fail` unless `src` is `true`; raises `badarg` (or fails)
    /// when it is not a boolean and `strict`.
    TestTrue {
        src: Src,
        fail: Label,
    },

    Jump {
        to: Label,
    },

    /// Calls function `func` of this module; the result lands in `dst`.
    Call {
        dst: Reg,
        func: u32,
        args: Box<[Src]>,
    },
    /// Tail-calls function `func`: replaces the current frame.
    TailCall {
        func: u32,
        args: Box<[Src]>,
    },
    /// Calls `module:function(args)` by name (module code or a BIF).
    CallExt {
        dst: Reg,
        module: Atom,
        function: Atom,
        args: Box<[Src]>,
    },
    TailCallExt {
        module: Atom,
        function: Atom,
        args: Box<[Src]>,
    },
    /// Calls `M:F(args)` where M and F are computed.
    CallDyn {
        dst: Reg,
        module: Src,
        function: Src,
        args: Box<[Src]>,
    },
    /// Calls a fun value.
    CallFun {
        dst: Reg,
        fun: Src,
        args: Box<[Src]>,
    },
    TailCallFun {
        fun: Src,
        args: Box<[Src]>,
    },
    /// Returns `src` to the caller.
    Return {
        src: Src,
    },

    /// Raises a matching error with the offending value.
    Fail {
        error: MatchError,
        value: Src,
    },
    /// Raises `class:reason` (class is `error`, `exit` or `throw`).
    Raise {
        class: Atom,
        reason: Src,
    },
    /// Re-raises a caught exception unchanged.
    Reraise {
        class: Src,
        reason: Src,
        stack: Src,
    },

    /// Installs a handler: an exception jumps to `handler` with the three
    /// slots set to class, reason and stack trace.
    TryBegin {
        handler: Label,
        class: Reg,
        reason: Reg,
        stack: Reg,
    },
    /// Removes the innermost handler.
    TryEnd,
    /// Turns a caught exception into the value of `catch Expr`.
    CatchValue {
        dst: Reg,
        class: Reg,
        reason: Reg,
        stack: Reg,
    },

    /// Reads the message at the receive cursor into `dst`, or jumps to
    /// `empty` when the cursor is past the last message.
    RecvPeek {
        dst: Reg,
        empty: Label,
    },
    /// Moves the cursor past the current message and jumps to `next`.
    RecvSkip {
        next: Label,
    },
    /// Removes the message at the cursor and resets the cursor.
    RecvAccept,
    /// Suspends until a new message arrives (then jumps to `retry`) or the
    /// timeout (milliseconds or `infinity`) passes (then falls through).
    RecvWait {
        retry: Label,
        timeout: Option<Src>,
    },
    /// `dst := to ! msg`.
    Send {
        dst: Reg,
        to: Src,
        msg: Src,
    },
}

/// The code of one function or fun body.
#[derive(Clone, Debug)]
pub struct FunctionCode {
    pub name: Atom,
    pub arity: u32,
    /// Captured variables, placed in slots `arity..arity+env`.
    pub env: u32,
    pub slots: u32,
    pub code: Vec<Op>,
    /// `spans[i]` is the source of `code[i]`.
    pub spans: Vec<Span>,
    /// For funs: the name shown when printed, e.g. `-main/0-fun-0-`.
    pub display: Atom,
    /// The slots each instruction may still read (the compiler's liveness pass).
    pub live: Liveness,
}

/// For each instruction of a function, the set of slots whose values the
/// function may still read from there on, as rows of bits.
#[derive(Clone, Debug, Default)]
pub struct Liveness {
    words: usize,
    bits: Vec<u64>,
}

impl Liveness {
    /// No slot live at any of `ops` instructions of a `slots`-slot frame.
    pub fn new(ops: usize, slots: usize) -> Liveness {
        let words = slots.div_ceil(64).max(1);
        Liveness {
            words,
            bits: vec![0; ops * words],
        }
    }

    pub fn words(&self) -> usize {
        self.words
    }

    pub fn row(&self, pc: usize) -> Option<&[u64]> {
        self.bits.get(pc * self.words..(pc + 1) * self.words)
    }

    /// Sets the row of `pc`; true when it changed.
    pub fn replace_row(&mut self, pc: usize, row: &[u64]) -> bool {
        match self.bits.get_mut(pc * self.words..(pc + 1) * self.words) {
            Some(old) if old != row => {
                old.copy_from_slice(row);
                true
            }
            _ => false,
        }
    }

    /// Whether `slot` may still be read at `pc`. Without an analysis (code
    /// built by hand) every slot counts as live.
    pub fn is_live(&self, pc: usize, slot: usize) -> bool {
        if self.bits.is_empty() {
            return true;
        }
        self.row(pc)
            .and_then(|r| r.get(slot / 64))
            .is_none_or(|w| w & (1 << (slot % 64)) != 0)
    }
}

impl FunctionCode {
    /// Slots a frame of this function takes (at least one).
    #[inline]
    pub fn frame_size(&self) -> usize {
        self.slots.max(self.arity + self.env).max(1) as usize
    }

    pub fn span_at(&self, pc: usize) -> Span {
        self.spans.get(pc).copied().unwrap_or_default()
    }
}

impl Op {
    /// Every jump target of this op, for the assembler to patch.
    pub fn labels_mut(&mut self) -> Vec<&mut Label> {
        match self {
            Op::TestExact { fail, .. }
            | Op::TestTuple { fail, .. }
            | Op::TestCons { fail, .. }
            | Op::TestNil { fail, .. }
            | Op::TestMap { fail, .. }
            | Op::MapGet { fail, .. }
            | Op::Test { fail, .. }
            | Op::TestImm { fail, .. }
            | Op::TestTrue { fail, .. }
            | Op::TestBinary { fail, .. }
            | Op::BinGet { fail, .. }
            | Op::BinEnd { fail, .. } => vec![fail],
            Op::Arith { fail: Some(f), .. }
            | Op::Bif { fail: Some(f), .. }
            | Op::BinBuild { fail: Some(f), .. } => vec![f],
            Op::Jump { to } => vec![to],
            Op::TryBegin { handler, .. } => vec![handler],
            Op::RecvPeek { empty, .. } => vec![empty],
            Op::RecvSkip { next } => vec![next],
            Op::RecvWait { retry, .. } => vec![retry],
            _ => vec![],
        }
    }
}
