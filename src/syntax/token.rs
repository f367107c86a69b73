//! Tokens of the Erlang subset, lexed by logos.
//!
//! Owns the token set and the decoding of literals (integers in any base,
//! floats, characters, escapes in strings and quoted atoms). A malformed
//! literal becomes an `Error` token carrying what went wrong, so the parser
//! can report it with its span; lexing never fails or panics.

use logos::Logos;
use num_bigint::BigInt;
use num_traits::Num;

fn decode_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<char> {
    let c = chars.next()?;
    Some(match c {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        's' => ' ',
        'e' => '\u{1b}',
        'd' => '\u{7f}',
        'b' => '\u{8}',
        'f' => '\u{c}',
        'v' => '\u{b}',
        '0'..='7' => {
            let mut n = c.to_digit(8)?;
            for _ in 0..2 {
                match chars.peek().and_then(|d| d.to_digit(8)) {
                    Some(d) => {
                        n = n * 8 + d;
                        chars.next();
                    }
                    None => break,
                }
            }
            char::from_u32(n)?
        }
        'x' => {
            let mut hex = String::new();
            if chars.peek() == Some(&'{') {
                chars.next();
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                    hex.push(d);
                }
            } else {
                for _ in 0..2 {
                    match chars.peek() {
                        Some(d) if d.is_ascii_hexdigit() => {
                            hex.push(*d);
                            chars.next();
                        }
                        _ => break,
                    }
                }
            }
            char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
        }
        '^' => {
            let k = chars.next()?;
            char::from_u32((k as u32) & 0x1f)?
        }
        other => other,
    })
}

/// Decodes the inside of a quoted literal.
pub fn unescape(body: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(decode_escape(&mut chars)?);
        } else {
            out.push(c);
        }
    }
    Some(out)
}

fn quoted(lex: &logos::Lexer<'_, Tok>) -> Option<String> {
    let s = lex.slice();
    unescape(s.get(1..s.len().saturating_sub(1))?)
}

fn char_lit(lex: &logos::Lexer<'_, Tok>) -> Option<BigInt> {
    let body = lex.slice().get(1..)?;
    let mut chars = body.chars().peekable();
    let c = match chars.next()? {
        '\\' => decode_escape(&mut chars)?,
        c => c,
    };
    Some(BigInt::from(c as u32))
}

fn integer(lex: &logos::Lexer<'_, Tok>) -> Option<BigInt> {
    let s: String = lex.slice().chars().filter(|c| *c != '_').collect();
    match s.split_once('#') {
        Some((base, digits)) => {
            let base: u32 = base.parse().ok()?;
            if !(2..=36).contains(&base) {
                return None;
            }
            BigInt::from_str_radix(digits, base).ok()
        }
        None => s.parse().ok(),
    }
}

fn float(lex: &logos::Lexer<'_, Tok>) -> Option<f64> {
    let s: String = lex.slice().chars().filter(|c| *c != '_').collect();
    s.parse::<f64>().ok().filter(|f| f.is_finite())
}

#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(skip r"[ \t\r\n\f\u{b}]+")]
#[logos(skip(r"%[^\n]*", allow_greedy = true))]
pub enum Tok {
    #[regex(r"[a-z\u{df}-\u{f6}\u{f8}-\u{ff}][A-Za-z0-9_@\u{c0}-\u{d6}\u{d8}-\u{f6}\u{f8}-\u{ff}]*", |l| l.slice().to_string())]
    Atom(String),
    #[regex(r"'([^'\\]|\\(.|\n))*'", quoted)]
    QAtom(String),
    #[regex(r"[A-Z_\u{c0}-\u{d6}\u{d8}-\u{de}][A-Za-z0-9_@\u{c0}-\u{d6}\u{d8}-\u{f6}\u{f8}-\u{ff}]*", |l| l.slice().to_string())]
    Var(String),
    #[regex(r"[0-9]+(_[0-9]+)*", integer)]
    #[regex(r"[0-9]+#[0-9a-zA-Z]+(_[0-9a-zA-Z]+)*", integer)]
    #[regex(
        r"\$(\\(x\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{1,2}|[0-7]{1,3}|\^.|[^x0-7^])|[^\\])",
        char_lit
    )]
    Int(BigInt),
    #[regex(r"[0-9]+(_[0-9]+)*\.[0-9]+(_[0-9]+)*([eE][+-]?[0-9]+)?", float)]
    Float(f64),
    #[regex(r#""([^"\\]|\\(.|\n))*""#, quoted)]
    Str(String),

    #[regex(r#""([^"\\]|\\(.|\n))*"#, allow_greedy = true)]
    UnterminatedString,
    #[regex(r"'([^'\\]|\\(.|\n))*", allow_greedy = true)]
    UnterminatedAtom,

    #[token("after")]
    After,
    #[token("and")]
    And,
    #[token("andalso")]
    AndAlso,
    #[token("band")]
    Band,
    #[token("begin")]
    Begin,
    #[token("bnot")]
    Bnot,
    #[token("bor")]
    Bor,
    #[token("bsl")]
    Bsl,
    #[token("bsr")]
    Bsr,
    #[token("bxor")]
    Bxor,
    #[token("case")]
    Case,
    #[token("catch")]
    Catch,
    #[token("div")]
    Div,
    #[token("end")]
    End,
    #[token("fun")]
    Fun,
    #[token("if")]
    If,
    #[token("not")]
    Not,
    #[token("of")]
    Of,
    #[token("or")]
    Or,
    #[token("orelse")]
    OrElse,
    #[token("receive")]
    Receive,
    #[token("rem")]
    Rem,
    #[token("try")]
    Try,
    #[token("when")]
    When,
    #[token("xor")]
    Xor,

    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token(":")]
    Colon,
    #[token("|")]
    Bar,
    #[token("||")]
    BarBar,
    #[token("->")]
    Arrow,
    #[token("<-")]
    LArrow,
    /// `<=`, the arrow of a binary generator (`<<X>> <= Bin`).
    #[token("<=")]
    LeArrow,
    #[token("=>")]
    FatArrow,
    #[token(":=")]
    ColonEq,
    /// A `.` followed by whitespace, a comment or the end: the end of a form.
    #[token(".")]
    Dot,
    /// A `.` with no space after it, as in `R#rec.field` (erl_scan's `'.'`);
    /// `lex` turns a `Dot` into this.
    FieldDot,
    /// `..` and `...`, only in types (`1..10`, `[T, ...]`).
    #[token("..")]
    DotDot,
    #[token("...")]
    DotDotDot,
    /// `::`, only in types and record field annotations.
    #[token("::")]
    ColonColon,
    #[token("#")]
    Hash,
    #[token("!")]
    Bang,
    #[token("=")]
    Eq,
    #[token("==")]
    EqEq,
    #[token("/=")]
    NotEq,
    #[token("=:=")]
    ExactEq,
    #[token("=/=")]
    ExactNotEq,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("=<")]
    Le,
    #[token(">=")]
    Ge,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("++")]
    PlusPlus,
    #[token("--")]
    MinusMinus,
    #[token("?")]
    Question,
    #[token("<<")]
    LtLt,
    #[token(">>")]
    GtGt,

    /// Something the lexer could not read; the text says what.
    Error(String),
}

impl Tok {
    /// How the token reads in a diagnostic.
    pub fn describe(&self) -> String {
        match self {
            Tok::Atom(a) => format!("the atom `{a}`"),
            Tok::QAtom(a) => format!("the atom `'{a}'`"),
            Tok::Var(v) => format!("the variable `{v}`"),
            Tok::Int(i) => format!("the integer `{i}`"),
            Tok::Float(f) => format!("the float `{f}`"),
            Tok::Str(_) => "a string".to_string(),
            Tok::UnterminatedString => "an unterminated string".to_string(),
            Tok::UnterminatedAtom => "an unterminated quoted atom".to_string(),
            Tok::Dot => "`.`".to_string(),
            Tok::Error(e) => e.clone(),
            other => format!("`{}`", other.text()),
        }
    }

    /// The source text of a punctuation or keyword token.
    pub fn text(&self) -> &'static str {
        match self {
            Tok::After => "after",
            Tok::And => "and",
            Tok::AndAlso => "andalso",
            Tok::Band => "band",
            Tok::Begin => "begin",
            Tok::Bnot => "bnot",
            Tok::Bor => "bor",
            Tok::Bsl => "bsl",
            Tok::Bsr => "bsr",
            Tok::Bxor => "bxor",
            Tok::Case => "case",
            Tok::Catch => "catch",
            Tok::Div => "div",
            Tok::End => "end",
            Tok::Fun => "fun",
            Tok::If => "if",
            Tok::Not => "not",
            Tok::Of => "of",
            Tok::Or => "or",
            Tok::OrElse => "orelse",
            Tok::Receive => "receive",
            Tok::Rem => "rem",
            Tok::Try => "try",
            Tok::When => "when",
            Tok::Xor => "xor",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::LBrace => "{",
            Tok::RBrace => "}",
            Tok::LBracket => "[",
            Tok::RBracket => "]",
            Tok::Comma => ",",
            Tok::Semi => ";",
            Tok::Colon => ":",
            Tok::Bar => "|",
            Tok::BarBar => "||",
            Tok::Arrow => "->",
            Tok::LArrow => "<-",
            Tok::LeArrow => "<=",
            Tok::FatArrow => "=>",
            Tok::ColonEq => ":=",
            Tok::Dot | Tok::FieldDot => ".",
            Tok::DotDot => "..",
            Tok::DotDotDot => "...",
            Tok::ColonColon => "::",
            Tok::Hash => "#",
            Tok::Bang => "!",
            Tok::Eq => "=",
            Tok::EqEq => "==",
            Tok::NotEq => "/=",
            Tok::ExactEq => "=:=",
            Tok::ExactNotEq => "=/=",
            Tok::Lt => "<",
            Tok::Gt => ">",
            Tok::Le => "=<",
            Tok::Ge => ">=",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Slash => "/",
            Tok::PlusPlus => "++",
            Tok::MinusMinus => "--",
            Tok::Question => "?",
            Tok::LtLt => "<<",
            Tok::GtGt => ">>",
            _ => "",
        }
    }
}

/// A token with its byte span.
pub type Spanned = (usize, Tok, usize);

/// Lexes the whole source. Unreadable text becomes `Tok::Error` tokens.
/// A `.` that touches the next token is a `FieldDot`, not a form's end:
/// as in erl_scan, the dot that ends a form is followed by whitespace, a
/// comment or the end of the text.
pub fn lex(src: &str) -> Vec<Spanned> {
    let mut out = lex_raw(src);
    let mut next_start = None;
    for (l, t, r) in out.iter_mut().rev() {
        if *t == Tok::Dot && next_start == Some(*r) {
            *t = Tok::FieldDot;
        }
        next_start = Some(*l);
    }
    out
}

fn lex_raw(src: &str) -> Vec<Spanned> {
    let mut out = Vec::new();
    let mut lexer = Tok::lexer(src);
    while let Some(res) = lexer.next() {
        let span = lexer.span();
        let tok = match res {
            Ok(t) => t,
            Err(()) => {
                let text = lexer.slice();
                let what = match text.chars().next() {
                    Some('$') => "a character literal `$` with no character after it".to_string(),
                    Some(c) if c.is_ascii_digit() => format!("a number I cannot read: `{text}`"),
                    Some(c) => format!(
                        "the character `{}`, which is not part of Erlang",
                        c.escape_debug()
                    ),
                    None => "an unexpected end of input".to_string(),
                };
                Tok::Error(what)
            }
        };
        out.push((span.start, tok, span.end));
    }
    out
}
