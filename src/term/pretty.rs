//! `~p`: terms broken over lines the way OTP 25's `io_lib_pretty` breaks them.
//!
//! Owns the line-breaking layout of `io_lib_pretty:print/2` (no depth or
//! character limits, Latin-1 strings, no record definitions). The flat text
//! of atoms, numbers and strings comes from [`super::write`].
//!
//! It works in two passes, as OTP does. `measure` turns the term into a
//! tree of `Node`s that know their one-line length. Then `Checker` tries
//! the "tag indentation" candidates -1 and 4 (falling back to 1) to pick one
//! whose layout does not drift too far right, and `Printer` lays the tree
//! out with it. Strings, atoms and numbers are never split. The column
//! arithmetic, including its quirks, follows OTP's so the output is the
//! same character for character. Recursion goes into heads, tuple elements
//! and map entries only; list tails and element sequences are loops.

use super::write::{atom_text, printable_binary, printable_list, write_flat};
use super::Term;

/// A term measured for printing.
struct Node {
    /// Length in characters of the one-line form.
    len: i64,
    shape: Shape,
}

enum Shape {
    /// Text that is never broken: atoms, numbers, strings, `[]`, `{}`, ...
    Leaf(String),
    /// The elements and, for an improper list, the tail after `|`.
    List(Vec<Node>, Option<Box<Node>>),
    /// `tagged`: the first element is an atom and there are more.
    Tuple {
        tagged: bool,
        items: Vec<Node>,
    },
    /// The entries, each a `Pair`.
    Map(Vec<Node>),
    /// A binary that is not text: its bytes as decimal text.
    Bin(Vec<String>),
    Pair(Box<Node>, Box<Node>),
}

impl Node {
    fn leaf(text: String) -> Node {
        let len = count(text.chars().count());
        Node {
            len,
            shape: Shape::Leaf(text),
        }
    }

    fn pair(key: Node, value: Node) -> Node {
        let len = key.len + 4 + value.len;
        Node {
            len,
            shape: Shape::Pair(Box::new(key), Box::new(value)),
        }
    }

    fn is_leaf(&self) -> bool {
        matches!(self.shape, Shape::Leaf(_))
    }

    /// Whether the node may share a line with its neighbours: OTP's
    /// `is_list(element(1, E))`, which for a map entry asks it of both sides.
    fn simple(&self) -> bool {
        match &self.shape {
            Shape::Leaf(_) => true,
            Shape::Pair(k, v) => k.is_leaf() && v.is_leaf(),
            _ => false,
        }
    }

    /// Appends the one-line form.
    fn write(&self, out: &mut String) {
        match &self.shape {
            Shape::Leaf(s) => out.push_str(s),
            Shape::List(items, tail) => {
                out.push('[');
                write_items(items, out);
                if let Some(t) = tail {
                    out.push('|');
                    t.write(out);
                }
                out.push(']');
            }
            Shape::Tuple { items, .. } => {
                out.push('{');
                write_items(items, out);
                out.push('}');
            }
            Shape::Map(items) => {
                out.push_str("#{");
                write_items(items, out);
                out.push('}');
            }
            Shape::Pair(k, v) => {
                k.write(out);
                out.push_str(" => ");
                v.write(out);
            }
            Shape::Bin(bytes) => {
                out.push_str("<<");
                out.push_str(&bytes.join(","));
                out.push_str(">>");
            }
        }
    }
}

fn write_items(items: &[Node], out: &mut String) {
    for (i, n) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        n.write(out);
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Length of a bracketed sequence: `open_close` brackets, items and commas.
fn seq_len(items: &[Node], open_close: i64) -> i64 {
    let commas = count(items.len().saturating_sub(1));
    items.iter().fold(open_close + commas, |acc, n| acc + n.len)
}

/// `print_length/6`: the term as a tree of measured nodes.
fn measure(t: &Term) -> Node {
    match t {
        Term::Atom(a) => Node::leaf(atom_text(a.name())),
        Term::Tuple(xs) if !xs.is_empty() => {
            let items: Vec<Node> = xs.iter().map(measure).collect();
            let tagged = items.len() > 1 && matches!(xs.first(), Some(Term::Atom(_)));
            let len = seq_len(&items, 2);
            Node {
                len,
                shape: Shape::Tuple { tagged, items },
            }
        }
        Term::Map(m) if !m.is_empty() => {
            let items: Vec<Node> = m
                .iter()
                .map(|(k, v)| Node::pair(measure(k), measure(v)))
                .collect();
            let len = seq_len(&items, 3);
            Node {
                len,
                shape: Shape::Map(items),
            }
        }
        Term::Cons(_) if !printable_list(t) => measure_list(t),
        Term::Binary(b) if !b.is_empty() && !printable_binary(b) => {
            let bytes: Vec<String> = b.iter().map(u8::to_string).collect();
            let len = bytes
                .iter()
                .fold(3 + count(bytes.len()), |acc, s| acc + count(s.len()));
            Node {
                len,
                shape: Shape::Bin(bytes),
            }
        }
        _ => {
            let mut s = String::new();
            write_flat(&mut s, t, true);
            Node::leaf(s)
        }
    }
}

/// A non-printable list, walking the tail in a loop.
fn measure_list(t: &Term) -> Node {
    let mut items = Vec::new();
    let mut it = t.iter_list();
    for x in it.by_ref() {
        items.push(measure(x));
    }
    let tail = match it.rest() {
        Term::Nil => None,
        rest => Some(Box::new(measure(rest))),
    };
    let tail_len = tail.as_ref().map_or(0, |n| n.len + 1);
    let len = seq_len(&items, 2) + tail_len;
    Node {
        len,
        shape: Shape::List(items, tail),
    }
}

/// `last_depth/2`: how many closing brackets follow the element being
/// placed (0 while more elements follow it).
fn last_depth(rest: &[Node], ld: i64) -> i64 {
    if rest.is_empty() {
        ld + 1
    } else {
        0
    }
}

/// Where an element is placed: its column, the indentation of continuation
/// lines (in spaces), how many closing brackets follow it (`ld`), and how
/// many characters are already on the current line for this term (`w`).
#[derive(Clone, Copy)]
struct At {
    col: i64,
    ind: i64,
    ld: i64,
    w: i64,
}

impl At {
    /// `d` columns further in, indented as much, with `w` more written.
    fn inward(self, d: i64, w: i64) -> At {
        At {
            col: self.col + d,
            ind: self.ind + d,
            ld: self.ld,
            w: self.w + w,
        }
    }

    /// The start of a continuation line, with `ld` brackets to follow.
    fn new_line(self, ld: i64) -> At {
        At { ld, w: 0, ..self }
    }
}

/// The limits shared by both passes: line length, the whole term's flat
/// length (OTP's `M`), and the tag indentation tried or chosen.
#[derive(Clone, Copy)]
struct Limits {
    ll: i64,
    m: i64,
    tind: i64,
}

impl Limits {
    /// Whether `n` fits flat at `col` with `ld` brackets after it.
    fn fits(&self, n: &Node, col: i64, ld: i64, w: i64) -> bool {
        n.len < self.ll - col - ld && n.len + w + ld <= self.m
    }

    /// Whether `,n` may follow on the current line (`pp_tail`'s test).
    fn fits_after(&self, n: &Node, col: i64, ld: i64, w: i64) -> bool {
        let d = ld.max(1);
        let elen = n.len + 1;
        n.simple() && elen < self.ll - col - d && w + elen + d <= self.m
    }

    /// Whether an improper tail `|n` may follow on the current line.
    fn tail_fits(&self, n: &Node, col: i64, ld: i64, w: i64) -> bool {
        let (len, d) = (n.len + 1, ld + 1);
        n.is_leaf() && len < self.ll - col - d && len + w + d <= self.m
    }

    /// `map_value_indent/1`.
    fn value_indent(&self) -> i64 {
        if self.tind > 0 {
            self.tind
        } else {
            4
        }
    }
}

/// The `cind` pass: fails (`None`) when the tag indentation being tried
/// would push a tagged tuple too far right. It walks the layout the
/// printer would make without writing it; `At::ind` is unused here.
struct Checker {
    lim: Limits,
}

impl Checker {
    fn node(&self, n: &Node, at: At) -> Option<()> {
        if self.lim.fits(n, at.col, at.ld, at.w) {
            return Some(());
        }
        match &n.shape {
            Shape::Leaf(_) | Shape::Bin(_) => Some(()),
            Shape::List(items, tail) => self.seq(items, tail.as_deref(), at.inward(1, 1)),
            Shape::Tuple {
                tagged: true,
                items,
            } => self.tag_tuple(items, at.inward(0, 1)),
            Shape::Tuple { items, .. } => self.seq(items, None, at.inward(1, 1)),
            Shape::Map(items) => self.seq(items, None, at.inward(2, 2)),
            Shape::Pair(k, v) => {
                self.node(k, at)?;
                let i = self.lim.value_indent();
                self.node(v, at.inward(i, 0).new_line(at.ld))
            }
        }
    }

    /// `cind_element/7` and `cind_pair/7`: the width the element takes.
    fn element(&self, n: &Node, at: At) -> Option<i64> {
        if self.lim.fits(n, at.col, at.ld, at.w) && n.simple() {
            return Some(n.len);
        }
        self.node(n, at)?;
        Some(self.lim.ll)
    }

    /// `cind_list/7` and `cind_map/7`.
    fn seq(&self, items: &[Node], tail: Option<&Node>, at: At) -> Option<()> {
        let Some((first, rest)) = items.split_first() else {
            return Some(());
        };
        let we = self.element(
            first,
            At {
                ld: last_depth(rest, at.ld),
                ..at
            },
        )?;
        self.tail(rest, tail, At { w: at.w + we, ..at }, at.col + we)
    }

    /// `cind_tail/8`: `base.col` is where continuation lines start, `col`
    /// the current column.
    fn tail(&self, items: &[Node], tail: Option<&Node>, base: At, col: i64) -> Option<()> {
        let (mut col, mut w) = (col, base.w);
        for (i, e) in items.iter().enumerate() {
            let ld1 = last_depth(items.get(i + 1..).unwrap_or_default(), base.ld);
            if self.lim.fits_after(e, col, ld1, w) {
                col += e.len + 1;
                w += e.len + 1;
            } else {
                w = self.element(e, base.new_line(ld1))?;
                col = base.col + w;
            }
        }
        match tail {
            // OTP checks a broken tail from the current column here.
            Some(t) if !self.lim.tail_fits(t, col, base.ld, w) => self.node(
                t,
                At {
                    col,
                    ..base.new_line(base.ld + 1)
                },
            ),
            _ => Some(()),
        }
    }

    /// `cind_tag_tuple/7`: the only place that rejects a tag indentation.
    fn tag_tuple(&self, items: &[Node], at: At) -> Option<()> {
        let Some((tag, rest)) = items.split_first() else {
            return Some(());
        };
        let Limits { ll, m, tind } = self.lim;
        let tcol = at.col + tag.len + 2;
        if tind > 0 && tag.len + 2 > tind {
            let col1 = at.col + tind;
            if m + col1 > ll && col1 > ll / 2 {
                return None;
            }
            self.tail(
                rest,
                None,
                At {
                    col: col1,
                    w: at.w + tag.len,
                    ..at
                },
                tcol,
            )
        } else if m + tcol < ll || tcol < ll / 2 {
            self.seq(
                rest,
                None,
                At {
                    col: tcol,
                    w: at.w + tag.len + 1,
                    ..at
                },
            )
        } else {
            None
        }
    }
}

/// The `pp` pass: writes the laid-out text.
struct Printer {
    lim: Limits,
    out: String,
}

impl Printer {
    fn newline(&mut self, ind: i64) {
        self.out.push('\n');
        let n = usize::try_from(ind).unwrap_or(0);
        self.out.extend(std::iter::repeat_n(' ', n));
    }

    fn node(&mut self, n: &Node, at: At) {
        if self.lim.fits(n, at.col, at.ld, at.w) {
            n.write(&mut self.out);
            return;
        }
        match &n.shape {
            Shape::Leaf(s) => self.out.push_str(s),
            Shape::List(items, tail) => {
                self.out.push('[');
                self.seq(items, tail.as_deref(), '|', at.inward(1, 1), false);
                self.out.push(']');
            }
            Shape::Tuple {
                tagged: true,
                items,
            } => {
                self.out.push('{');
                self.tag_tuple(items, at.inward(0, 1));
                self.out.push('}');
            }
            Shape::Tuple { items, .. } => {
                self.out.push('{');
                self.seq(items, None, ',', at.inward(1, 1), false);
                self.out.push('}');
            }
            Shape::Map(items) => {
                self.out.push_str("#{");
                self.seq(items, None, ',', at.inward(2, 1), true);
                self.out.push('}');
            }
            Shape::Pair(k, v) => self.pair(k, v, at),
            Shape::Bin(bytes) => self.binary(bytes, at),
        }
    }

    /// `pp_binary/7`: the bytes fill lines `n0` characters wide, continued
    /// two columns in from the `<<`.
    fn binary(&mut self, bytes: &[String], at: At) {
        let Limits { ll, m, .. } = self.lim;
        let (col, ind) = (at.col + 2, at.ind + 2);
        let n0 = ((ll - col).min(m - 4 - at.w) - at.ld).max(8);
        let mut n = n0;
        self.out.push_str("<<");
        for (i, b) in bytes.iter().enumerate() {
            let len = count(b.len());
            if i + 1 < bytes.len() {
                if n - (len + 1) < 0 {
                    self.newline(ind);
                    n = n0 - (len + 1);
                } else {
                    n -= len + 1;
                }
                self.out.push_str(b);
                self.out.push(',');
            } else {
                if len > n {
                    self.newline(ind);
                }
                self.out.push_str(b);
            }
        }
        self.out.push_str(">>");
    }

    /// A map entry too long for one line: the value goes on the next line,
    /// indented under the key.
    fn pair(&mut self, k: &Node, v: &Node, at: At) {
        let i = self.lim.value_indent();
        self.node(k, at);
        self.out.push_str(" =>");
        self.newline(at.ind + i);
        self.node(v, at.inward(i, 0).new_line(at.ld));
    }

    /// `pp_element/8` and `pp_pair/8`: writes `n` and returns the width it
    /// counts as (the whole line when it is not simple).
    fn element(&mut self, n: &Node, at: At) -> i64 {
        if self.lim.fits(n, at.col, at.ld, at.w) {
            n.write(&mut self.out);
            return if n.simple() { n.len } else { self.lim.ll };
        }
        self.node(n, at);
        self.lim.ll
    }

    /// `pp_list/9` and `pp_map/8`. A map's first entry restarts the line
    /// width count (`in_map`), as OTP's `pp_map` does.
    fn seq(&mut self, items: &[Node], tail: Option<&Node>, sep: char, at: At, in_map: bool) {
        let Some((first, rest)) = items.split_first() else {
            return;
        };
        let we = self.element(
            first,
            At {
                ld: last_depth(rest, at.ld),
                ..at
            },
        );
        let w = if in_map { we } else { at.w + we };
        self.tail(rest, tail, sep, At { w, ..at }, at.col + we);
    }

    /// `pp_tail/10`: the remaining elements, each on the current line when
    /// it fits and is simple, else on a new line at `base.col`.
    fn tail(&mut self, items: &[Node], tail: Option<&Node>, sep: char, base: At, col: i64) {
        let (mut col, mut w) = (col, base.w);
        for (i, e) in items.iter().enumerate() {
            let ld1 = last_depth(items.get(i + 1..).unwrap_or_default(), base.ld);
            self.out.push(',');
            if self.lim.fits_after(e, col, ld1, w) {
                e.write(&mut self.out);
                col += e.len + 1;
                w += e.len + 1;
            } else {
                self.newline(base.ind);
                w = self.element(e, base.new_line(ld1));
                col = base.col + w;
            }
        }
        if let Some(t) = tail {
            self.out.push(sep);
            if self.lim.tail_fits(t, col, base.ld, w) {
                t.write(&mut self.out);
            } else {
                self.newline(base.ind);
                self.node(t, base.new_line(base.ld + 1));
            }
        }
    }

    /// `pp_tag_tuple/8`: `{tag,` with the other elements aligned after it,
    /// or, for a tag longer than the tag indentation, on lines indented by
    /// that much.
    fn tag_tuple(&mut self, items: &[Node], at: At) {
        let Some((tag, rest)) = items.split_first() else {
            return;
        };
        tag.write(&mut self.out);
        let (tag_ind, tind) = (tag.len + 2, self.lim.tind);
        if tind > 0 && tag_ind > tind {
            self.tail(rest, None, ',', at.inward(tind, tag.len), at.col + tag_ind);
        } else {
            self.out.push(',');
            self.seq(rest, None, ',', at.inward(tag_ind, tag.len + 1), false);
        }
    }
}

/// Prints `t` as `io_lib_pretty:print(T, [{column, Col}, {line_length,
/// LL}])` does in OTP 25: what `io:format("~p", [T])` writes when the `~p`
/// starts at 1-based column `col` (80 is the default line length; a line
/// length of 0 means one line).
#[must_use]
pub fn print(t: &Term, col: usize, line_length: usize) -> String {
    let node = measure(t);
    let col = count(col.max(1));
    let ll = count(line_length);
    let mut out = String::new();
    if ll == 0 || node.len < ll - col {
        node.write(&mut out);
        return out;
    }
    let limits = |tind| Limits {
        ll,
        m: node.len,
        tind,
    };
    let start = At {
        col,
        ind: col - 1,
        ld: 0,
        w: 0,
    };
    let tind = [-1, 4]
        .into_iter()
        .find(|&tind| Checker { lim: limits(tind) }.node(&node, start).is_some())
        .unwrap_or(1);
    let mut printer = Printer {
        lim: limits(tind),
        out,
    };
    printer.node(&node, start);
    printer.out
}

#[cfg(test)]
mod tests {
    //! Every expected output below was recorded from `erl` (Erlang/OTP 25,
    //! stdlib 4.2). The case tables list `=== T` (a term in Erlang syntax,
    //! read by the small parser below), then for each `--- c n` what
    //! `io_lib:format(Prefix ++ "~np", [T])` wrote after a `Prefix` of
    //! `c - 1` characters (plain `"~p"` when `n` is 80): `print(T, c, n)`.

    use super::print;
    use crate::term::{Pid, Term};
    use num_bigint::BigInt;
    use std::iter::Peekable;
    use std::rc::Rc;
    use std::str::Chars;

    /// Reads the Erlang term syntax the cases use: integers, floats, atoms,
    /// strings, pids, tuples, lists (with `|` tails) and maps.
    struct Reader<'a> {
        chars: Peekable<Chars<'a>>,
    }

    impl Reader<'_> {
        fn peek(&mut self) -> Option<char> {
            while self.chars.next_if_eq(&' ').is_some() {}
            self.chars.peek().copied()
        }

        fn eat(&mut self, c: char) -> bool {
            self.peek() == Some(c) && self.chars.next().is_some()
        }

        fn take_while(&mut self, f: impl Fn(char) -> bool) -> String {
            let mut s = String::new();
            while let Some(c) = self.chars.next_if(|&c| f(c)) {
                s.push(c);
            }
            s
        }

        fn term(&mut self) -> Option<Term> {
            match self.peek()? {
                '{' if self.eat('{') => Some(Term::tuple(self.seq('}')?.0)),
                '[' if self.eat('[') => {
                    let (items, tail) = self.seq(']')?;
                    Some(Term::list_with_tail(items, tail))
                }
                '#' if self.eat('#') && self.eat('{') => self.map(),
                '"' if self.eat('"') => Some(Term::string(&self.quoted('"')?)),
                '\'' if self.eat('\'') => Some(Term::atom(&self.quoted('\'')?)),
                '<' if self.eat('<') => {
                    let text = self.take_while(|c| c != '>');
                    self.chars.next();
                    Some(Term::Pid(Pid::parse(&format!("<{text}>"))?))
                }
                c if c.is_ascii_lowercase() => {
                    let name = self.take_while(|c| c.is_alphanumeric() || c == '_' || c == '@');
                    Some(Term::atom(&name))
                }
                _ => self.number(),
            }
        }

        fn number(&mut self) -> Option<Term> {
            let text = self.take_while(|c| c.is_ascii_digit() || "-+.e".contains(c));
            if text.contains('.') {
                Term::float(text.parse().ok()?)
            } else {
                Some(Term::from_big(text.parse::<BigInt>().ok()?))
            }
        }

        /// Elements up to `close`, and the tail after a `|` (`[]` if none).
        fn seq(&mut self, close: char) -> Option<(Vec<Term>, Term)> {
            let mut items = Vec::new();
            if self.eat(close) {
                return Some((items, Term::Nil));
            }
            loop {
                items.push(self.term()?);
                if !self.eat(',') {
                    let tail = if self.eat('|') {
                        self.term()?
                    } else {
                        Term::Nil
                    };
                    return self.eat(close).then_some((items, tail));
                }
            }
        }

        fn map(&mut self) -> Option<Term> {
            let mut m = crate::term::TermMap::new();
            if !self.eat('}') {
                loop {
                    let k = self.term()?;
                    let _ = self.eat('=') && self.eat('>');
                    m.insert(k, self.term()?);
                    if !self.eat(',') {
                        break;
                    }
                }
                self.eat('}').then_some(())?;
            }
            Some(Term::Map(Rc::new(m)))
        }

        /// The rest of a quoted string or atom, with `\n`, `\t` and `\x`.
        fn quoted(&mut self, quote: char) -> Option<String> {
            let mut s = String::new();
            loop {
                match self.chars.next()? {
                    c if c == quote => return Some(s),
                    '\\' => s.push(match self.chars.next()? {
                        'n' => '\n',
                        't' => '\t',
                        c => c,
                    }),
                    c => s.push(c),
                }
            }
        }
    }

    fn parse(text: &str) -> Option<Term> {
        let mut r = Reader {
            chars: text.chars().peekable(),
        };
        let t = r.term()?;
        r.peek().is_none().then_some(t)
    }

    /// Checks one `=== term` block of a case table, adding what differs
    /// from erl's output to `bad`; returns how many cases it checked.
    fn check(bad: &mut Vec<String>, block: &str) -> usize {
        let mut parts = block.split("\n--- ");
        let text = parts.next().unwrap_or_default();
        let Some(term) = parse(text) else {
            bad.push(format!("cannot read {text}"));
            return 0;
        };
        let mut checked = 0;
        for part in parts {
            let (head, want) = part.split_once('\n').unwrap_or((part, ""));
            let nums: Vec<usize> = head.split(' ').filter_map(|n| n.parse().ok()).collect();
            let (Some(&col), Some(&width)) = (nums.first(), nums.get(1)) else {
                bad.push(format!("bad case line {head}"));
                continue;
            };
            let got = print(&term, col, width);
            checked += 1;
            if got != want {
                bad.push(format!(
                    "{text} at column {col}, line length {width}:\n--- erl\n{want}\n--- ours\n{got}\n"
                ));
            }
        }
        checked
    }

    fn run(table: &str) {
        let mut bad = Vec::new();
        let blocks = table.trim_end().split("\n=== ").skip(1);
        let checked: usize = blocks.map(|block| check(&mut bad, block)).sum();
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        assert!(checked > 0 && checked == table.matches("\n--- ").count());
    }

    #[test]
    fn reader_reads_what_it_is_given() {
        let t = parse(r#"{a,'B c',"x\"y",[1|2],#{k => -1.5},<0.7.0>,123456789012345678901}"#);
        let back = t.map(|t| t.to_string());
        let want = r#"{a,'B c',"x\"y",[1|2],#{k => -1.5},<0.7.0>,123456789012345678901}"#;
        assert_eq!(back.as_deref(), Some(want));
    }

    const ASSORTED_TERMS: &str = r#"
=== {ok,1}
--- 1 80
{ok,1}
--- 9 80
{ok,1}
=== [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40]
--- 1 80
[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,
 29,30,31,32,33,34,35,36,37,38,39,40]
--- 9 80
[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,
         27,28,29,30,31,32,33,34,35,36,37,38,39,40]
=== [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100]
--- 1 80
[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,
 29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,
 54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,
 79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100]
--- 9 80
[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,
         27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,
         50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,
         73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,
         96,97,98,99,100]
=== [alpha,beta,gamma,delta,epsilon,zeta,eta,theta,iota,kappa,lambda,mu,nu,xi,omicron,pi,rho,sigma,tau,upsilon,phi,chi,psi,omega]
--- 1 80
[alpha,beta,gamma,delta,epsilon,zeta,eta,theta,iota,kappa,lambda,mu,nu,xi,
 omicron,pi,rho,sigma,tau,upsilon,phi,chi,psi,omega]
--- 9 80
[alpha,beta,gamma,delta,epsilon,zeta,eta,theta,iota,kappa,lambda,mu,
         nu,xi,omicron,pi,rho,sigma,tau,upsilon,phi,chi,psi,omega]
=== {error,{badmatch,{some,long,term,with,many,atoms,inside,it}},[{my_module,my_function,2,[{file,"src/my_module.erl"},{line,42}]},{other_module,handle_call,3,[{file,"src/other_module.erl"},{line,117}]},{gen_server,try_handle_call,4,[{file,"gen_server.erl"},{line,1149}]}]}
--- 1 80
{error,{badmatch,{some,long,term,with,many,atoms,inside,it}},
       [{my_module,my_function,2,[{file,"src/my_module.erl"},{line,42}]},
        {other_module,handle_call,3,
                      [{file,"src/other_module.erl"},{line,117}]},
        {gen_server,try_handle_call,4,[{file,"gen_server.erl"},{line,1149}]}]}
--- 9 80
{error,{badmatch,{some,long,term,with,many,atoms,inside,it}},
               [{my_module,my_function,2,
                           [{file,"src/my_module.erl"},{line,42}]},
                {other_module,handle_call,3,
                              [{file,"src/other_module.erl"},{line,117}]},
                {gen_server,try_handle_call,4,
                            [{file,"gen_server.erl"},{line,1149}]}]}
=== [{key_number_one,"value one"},{key_number_two,2},{key_three,three},{fourth_key,[1,2,3]},{fifth,{nested,tuple}},{sixth,"another value"},{seventh,7.5},{eighth,true}]
--- 1 80
[{key_number_one,"value one"},
 {key_number_two,2},
 {key_three,three},
 {fourth_key,[1,2,3]},
 {fifth,{nested,tuple}},
 {sixth,"another value"},
 {seventh,7.5},
 {eighth,true}]
--- 9 80
[{key_number_one,"value one"},
         {key_number_two,2},
         {key_three,three},
         {fourth_key,[1,2,3]},
         {fifth,{nested,tuple}},
         {sixth,"another value"},
         {seventh,7.5},
         {eighth,true}]
=== [{key1,"value number 1"},{key2,"value number 2"},{key3,"value number 3"},{key4,"value number 4"},{key5,"value number 5"},{key6,"value number 6"},{key7,"value number 7"},{key8,"value number 8"},{key9,"value number 9"},{key10,"value number 10"}]
--- 1 80
[{key1,"value number 1"},
 {key2,"value number 2"},
 {key3,"value number 3"},
 {key4,"value number 4"},
 {key5,"value number 5"},
 {key6,"value number 6"},
 {key7,"value number 7"},
 {key8,"value number 8"},
 {key9,"value number 9"},
 {key10,"value number 10"}]
--- 9 80
[{key1,"value number 1"},
         {key2,"value number 2"},
         {key3,"value number 3"},
         {key4,"value number 4"},
         {key5,"value number 5"},
         {key6,"value number 6"},
         {key7,"value number 7"},
         {key8,"value number 8"},
         {key9,"value number 9"},
         {key10,"value number 10"}]
=== {a,{b,{c,{d,{e,{f,{g,"a string at the bottom of the nest",h}}}}}}}
--- 1 80
{a,{b,{c,{d,{e,{f,{g,"a string at the bottom of the nest",h}}}}}}}
--- 9 80
{a,{b,{c,{d,{e,{f,{g,"a string at the bottom of the nest",h}}}}}}}
=== #{address => #{city => "Stockholm",street => "Some Street 12",zip => "12345"},age => 42,langs => [erlang,prolog,smalltalk,c],name => "Joe Armstrong",tags => [{a,1},{b,2},{c,3}]}
--- 1 80
#{address => #{city => "Stockholm",street => "Some Street 12",zip => "12345"},
  age => 42,
  langs => [erlang,prolog,smalltalk,c],
  name => "Joe Armstrong",
  tags => [{a,1},{b,2},{c,3}]}
--- 9 80
#{address =>
              #{city => "Stockholm",street => "Some Street 12",zip => "12345"},
          age => 42,
          langs => [erlang,prolog,smalltalk,c],
          name => "Joe Armstrong",
          tags => [{a,1},{b,2},{c,3}]}
=== {state,#{address => #{city => "Stockholm",street => "Some Street 12",zip => "12345"},age => 42,langs => [erlang,prolog,smalltalk,c],name => "Joe Armstrong",tags => [{a,1},{b,2},{c,3}]},[a,b,c],"some string value here"}
--- 1 80
{state,#{address =>
             #{city => "Stockholm",street => "Some Street 12",zip => "12345"},
         age => 42,
         langs => [erlang,prolog,smalltalk,c],
         name => "Joe Armstrong",
         tags => [{a,1},{b,2},{c,3}]},
       [a,b,c],
       "some string value here"}
--- 9 80
{state,#{address =>
                     #{city => "Stockholm",street => "Some Street 12",
                       zip => "12345"},
                 age => 42,
                 langs => [erlang,prolog,smalltalk,c],
                 name => "Joe Armstrong",
                 tags => [{a,1},{b,2},{c,3}]},
               [a,b,c],
               "some string value here"}
=== #{a_rather_long_key_name_that_takes_space => "and a rather long value string that takes space too"}
--- 1 80
#{a_rather_long_key_name_that_takes_space =>
      "and a rather long value string that takes space too"}
--- 9 80
#{a_rather_long_key_name_that_takes_space =>
              "and a rather long value string that takes space too"}
=== #{{another,key} => {value,tuple,with,some,atoms,inside,'of',it,ok},{composite,key,tuple} => [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]}
--- 1 80
#{{another,key} => {value,tuple,with,some,atoms,inside,'of',it,ok},
  {composite,key,tuple} => [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]}
--- 9 80
#{{another,key} => {value,tuple,with,some,atoms,inside,'of',it,ok},
          {composite,key,tuple} =>
              [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]}
=== #{[1,2,3] => #{inner => #{deeper => #{deepest => "value at the very bottom of maps"}}}}
--- 1 80
#{[1,2,3] =>
      #{inner =>
            #{deeper => #{deepest => "value at the very bottom of maps"}}}}
--- 9 80
#{[1,2,3] =>
              #{inner =>
                    #{deeper =>
                          #{deepest => "value at the very bottom of maps"}}}}
=== ["hello world","another string","yet another string here","and one more","last"]
--- 1 80
["hello world","another string","yet another string here","and one more",
 "last"]
--- 9 80
["hello world","another string","yet another string here",
         "and one more","last"]
=== "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
--- 1 80
"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
--- 9 80
"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
=== "line one\nline two\nline three\nline four\nline five\nline six\nline seven\n"
--- 1 80
"line one\nline two\nline three\nline four\nline five\nline six\nline seven\n"
--- 9 80
"line one\nline two\nline three\nline four\nline five\nline six\nline seven\n"
=== ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","cccccccccccccccccccccccccccccccccccccccccccccccccc"]
--- 1 80
["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
 "cccccccccccccccccccccccccccccccccccccccccccccccccc"]
--- 9 80
["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
         "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
         "cccccccccccccccccccccccccccccccccccccccccccccccccc"]
=== [1,2,3|4]
--- 1 80
[1,2,3|4]
--- 9 80
[1,2,3|4]
=== [alpha,beta,gamma,delta,epsilon,zeta,eta,theta,iota,kappa,lambda|tail_atom]
--- 1 80
[alpha,beta,gamma,delta,epsilon,zeta,eta,theta,iota,kappa,lambda|tail_atom]
--- 9 80
[alpha,beta,gamma,delta,epsilon,zeta,eta,theta,iota,kappa,lambda|
         tail_atom]
=== [a|{x,yyyyyyyyyyyyyy,zzzzzzzzzzzzzzzzzz,wwwwwwwwwwwwwwwwww,vvvvvvvvvvvvvvvvvvvv}]
--- 1 80
[a|
 {x,yyyyyyyyyyyyyy,zzzzzzzzzzzzzzzzzz,wwwwwwwwwwwwwwwwww,
    vvvvvvvvvvvvvvvvvvvv}]
--- 9 80
[a|
         {x,yyyyyyyyyyyyyy,zzzzzzzzzzzzzzzzzz,wwwwwwwwwwwwwwwwww,
            vvvvvvvvvvvvvvvvvvvv}]
=== [{one,1},{two,2}|{three,3333333333333333333,four,44444444444444444,five,555555555}]
--- 1 80
[{one,1},
 {two,2}|
 {three,3333333333333333333,four,44444444444444444,five,555555555}]
--- 9 80
[{one,1},
         {two,2}|
         {three,3333333333333333333,four,44444444444444444,five,555555555}]
=== [[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30],31,32,33,34,35,36,37,38,39,40,41,42,43,44,45]
--- 1 80
[[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,
  29,30],
 31,32,33,34,35,36,37,38,39,40,41,42,43,44,45]
--- 9 80
[[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,
          26,27,28,29,30],
         31,32,33,34,35,36,37,38,39,40,41,42,43,44,45]
=== 1606938044258990275541962092341162602522202993782792835301376
--- 1 80
1606938044258990275541962092341162602522202993782792835301376
--- 9 80
1606938044258990275541962092341162602522202993782792835301376
=== [1267650600228229401496703205376,-1237940039285380274899124224,1180591620717411303424,12345678901234567890123,98765432109876543210987]
--- 1 80
[1267650600228229401496703205376,-1237940039285380274899124224,
 1180591620717411303424,12345678901234567890123,98765432109876543210987]
--- 9 80
[1267650600228229401496703205376,-1237940039285380274899124224,
         1180591620717411303424,12345678901234567890123,
         98765432109876543210987]
=== {2037035976334486086268445688409378161051468393665936250636140449354381299763336706183397376}
--- 1 80
{2037035976334486086268445688409378161051468393665936250636140449354381299763336706183397376}
--- 9 80
{2037035976334486086268445688409378161051468393665936250636140449354381299763336706183397376}
=== [1.0,0.1,1.0e20,-3.5e-10,3.25,2.0e-300,123456789.125,1.0e15,1.0e16]
--- 1 80
[1.0,0.1,1.0e20,-3.5e-10,3.25,2.0e-300,123456789.125,1.0e15,1.0e16]
--- 9 80
[1.0,0.1,1.0e20,-3.5e-10,3.25,2.0e-300,123456789.125,1.0e15,1.0e16]
=== ['hello world','Caps','a-b','','don\'t','with\nnewline',café,ok,'Ok','end','receive',x@y]
--- 1 80
['hello world','Caps','a-b','','don\'t','with\nnewline',café,ok,'Ok','end',
 'receive',x@y]
--- 9 80
['hello world','Caps','a-b','','don\'t','with\nnewline',café,ok,'Ok',
         'end','receive',x@y]
=== {'EXIT','Some Quoted Atom',{'another quoted atom','and yet another quoted one',"str"}}
--- 1 80
{'EXIT','Some Quoted Atom',
        {'another quoted atom','and yet another quoted one',"str"}}
--- 9 80
{'EXIT','Some Quoted Atom',
                {'another quoted atom','and yet another quoted one',"str"}}
=== {very_long_tag_name_for_a_tuple_here,first_element_value,second_element_value,third}
--- 1 80
{very_long_tag_name_for_a_tuple_here,first_element_value,second_element_value,
                                     third}
--- 9 80
{very_long_tag_name_for_a_tuple_here,first_element_value,
            second_element_value,third}
=== {person,"Joe Armstrong",42,"Stockholm",[erlang,prolog],{1950,11,27},male}
--- 1 80
{person,"Joe Armstrong",42,"Stockholm",[erlang,prolog],{1950,11,27},male}
--- 9 80
{person,"Joe Armstrong",42,"Stockholm",
                [erlang,prolog],
                {1950,11,27},
                male}
=== {{},[],#{},{[]},[{}],[#{}],[],{[]},[[]]}
--- 1 80
{{},[],#{},{[]},[{}],[#{}],[],{[]},[[]]}
--- 9 80
{{},[],#{},{[]},[{}],[#{}],[],{[]},[[]]}
=== [[1,2,3],[4,5,6],[7,8,9],[10,11,12],[13,14,15],[16,17,18],[19,20,21]]
--- 1 80
[[1,2,3],[4,5,6],[7,8,9],"\n\v\f",[13,14,15],[16,17,18],[19,20,21]]
--- 9 80
[[1,2,3],[4,5,6],[7,8,9],"\n\v\f",[13,14,15],[16,17,18],[19,20,21]]
=== {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{a_quite_long_atom_at_the_bottom_of_many_tuples,and_more}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
--- 1 80
{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{a_quite_long_atom_at_the_bottom_of_many_tuples,
                                 and_more}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
--- 9 80
{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{a_quite_long_atom_at_the_bottom_of_many_tuples,
                                      and_more}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
=== [<0.5.0>,<0.123.0>,<0.4567.0>,<0.1.0>,<0.77.0>,<0.9999.0>,<0.31.0>,<0.64.0>]
--- 1 80
[<0.5.0>,<0.123.0>,<0.4567.0>,<0.1.0>,<0.77.0>,<0.9999.0>,<0.31.0>,<0.64.0>]
--- 9 80
[<0.5.0>,<0.123.0>,<0.4567.0>,<0.1.0>,<0.77.0>,<0.9999.0>,<0.31.0>,
         <0.64.0>]
=== [1,2,3,300,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]
--- 1 80
[1,2,3,300,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]
--- 9 80
[1,2,3,300,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,
         25]
=== [1000,2000,3000,4000,5000,6000,7000,8000,9000,10000,11000,12000,13000,14000]
--- 1 80
[1000,2000,3000,4000,5000,6000,7000,8000,9000,10000,11000,12000,13000,14000]
--- 9 80
[1000,2000,3000,4000,5000,6000,7000,8000,9000,10000,11000,12000,13000,
         14000]
=== "café ñandú über straße déjà vu, a latin-1 string that is long enough to break"
--- 1 80
"café ñandú über straße déjà vu, a latin-1 string that is long enough to break"
--- 9 80
"café ñandú über straße déjà vu, a latin-1 string that is long enough to break"
=== [#{id => 1,name => "item 1",tags => [x,y]},#{id => 2,name => "item 2",tags => [x,y]},#{id => 3,name => "item 3",tags => [x,y]},#{id => 4,name => "item 4",tags => [x,y]}]
--- 1 80
[#{id => 1,name => "item 1",tags => [x,y]},
 #{id => 2,name => "item 2",tags => [x,y]},
 #{id => 3,name => "item 3",tags => [x,y]},
 #{id => 4,name => "item 4",tags => [x,y]}]
--- 9 80
[#{id => 1,name => "item 1",tags => [x,y]},
         #{id => 2,name => "item 2",tags => [x,y]},
         #{id => 3,name => "item 3",tags => [x,y]},
         #{id => 4,name => "item 4",tags => [x,y]}]
=== #{config => #{backoff => {exponential,100,10000},retries => 3,timeout => 5000},handlers => [logger_std_h,logger_disk_log_h],level => info}
--- 1 80
#{config => #{backoff => {exponential,100,10000},retries => 3,timeout => 5000},
  handlers => [logger_std_h,logger_disk_log_h],
  level => info}
--- 9 80
#{config =>
              #{backoff => {exponential,100,10000},
                retries => 3,timeout => 5000},
          handlers => [logger_std_h,logger_disk_log_h],
          level => info}
=== {reply,"a long string value as the second element of the tuple, longer than a line",state}
--- 1 80
{reply,"a long string value as the second element of the tuple, longer than a line",
       state}
--- 9 80
{reply,"a long string value as the second element of the tuple, longer than a line",
               state}
=== [a,b,c,{d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa,bb,cc}]
--- 1 80
[a,b,c,{d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa,bb,cc}]
--- 9 80
[a,b,c,{d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa,bb,cc}]
=== {ok,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50]}
--- 1 80
{ok,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,
     28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50]}
--- 9 80
{ok,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,
             25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,
             46,47,48,49,50]}
=== {ok,[{name,"x"},{value,1},{children,[{name,"y"},{value,2},{children,[]}]}]}
--- 1 80
{ok,[{name,"x"},{value,1},{children,[{name,"y"},{value,2},{children,[]}]}]}
--- 9 80
{ok,[{name,"x"},
             {value,1},
             {children,[{name,"y"},{value,2},{children,[]}]}]}
=== {error,enoent}
--- 1 80
{error,enoent}
--- 9 80
{error,enoent}
=== [{tag,[{tag,[{tag,[{tag,[{tag,[{tag,"deeply nested tagged lists of tuples"}]}]}]}]}]}]
--- 1 80
[{tag,[{tag,[{tag,[{tag,[{tag,[{tag,"deeply nested tagged lists of tuples"}]}]}]}]}]}]
--- 9 80
[{tag,
             [{tag,
                  [{tag,
                       [{tag,
                            [{tag,
                                 [{tag,
                                      "deeply nested tagged lists of tuples"}]}]}]}]}]}]
=== {a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa,bb}
--- 1 80
{a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa,bb}
--- 9 80
{a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa,bb}
=== {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25}
--- 1 80
{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25}
--- 9 80
{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25}
=== {"not a tag",first,second,third,fourth,fifth,sixth,seventh,eighth,ninth,tenth}
--- 1 80
{"not a tag",first,second,third,fourth,fifth,sixth,seventh,eighth,ninth,tenth}
--- 9 80
{"not a tag",first,second,third,fourth,fifth,sixth,seventh,eighth,
         ninth,tenth}
=== {tag_only}
--- 1 80
{tag_only}
--- 9 80
{tag_only}
=== {tag,"a single string element that is long enough to push it over the line limit"}
--- 1 80
{tag,"a single string element that is long enough to push it over the line limit"}
--- 9 80
{tag,"a single string element that is long enough to push it over the line limit"}
=== [{a,1},{b,2},{c,3},{d,4},{e,5},{f,6},{g,7},{h,8},{i,9},{j,10},{k,11},{l,12}]
--- 1 80
[{a,1},{b,2},{c,3},{d,4},{e,5},{f,6},{g,7},{h,8},{i,9},{j,10},{k,11},{l,12}]
--- 9 80
[{a,1},
         {b,2},
         {c,3},
         {d,4},
         {e,5},
         {f,6},
         {g,7},
         {h,8},
         {i,9},
         {j,10},
         {k,11},
         {l,12}]
=== #{1 => one,2 => two,3 => three,4 => four,5 => five,6 => six,7 => seven,8 => eight,9 => nine}
--- 1 80
#{1 => one,2 => two,3 => three,4 => four,5 => five,6 => six,7 => seven,
  8 => eight,9 => nine}
--- 9 80
#{1 => one,2 => two,3 => three,4 => four,5 => five,6 => six,
          7 => seven,8 => eight,9 => nine}
=== #{key => [{a,"aaaaaaaaaaaaaaaaaaaa"},{b,"bbbbbbbbbbbbbbbbbbbbbbbbb"},{c,"ccccccccccccccccccccc"}]}
--- 1 80
#{key =>
      [{a,"aaaaaaaaaaaaaaaaaaaa"},
       {b,"bbbbbbbbbbbbbbbbbbbbbbbbb"},
       {c,"ccccccccccccccccccccc"}]}
--- 9 80
#{key =>
              [{a,"aaaaaaaaaaaaaaaaaaaa"},
               {b,"bbbbbbbbbbbbbbbbbbbbbbbbb"},
               {c,"ccccccccccccccccccccc"}]}
=== #{"string key four" => 4,"string key one" => 1,"string key three" => 3,"string key two" => 2}
--- 1 80
#{"string key four" => 4,"string key one" => 1,"string key three" => 3,
  "string key two" => 2}
--- 9 80
#{"string key four" => 4,"string key one" => 1,
          "string key three" => 3,"string key two" => 2}
=== #{a => {tuple,value},b => [list,value],c => #{},d => "string",e => 1.5,f => [],g => {}}
--- 1 80
#{a => {tuple,value},
  b => [list,value],
  c => #{},d => "string",e => 1.5,f => [],g => {}}
--- 9 80
#{a => {tuple,value},
          b => [list,value],
          c => #{},d => "string",e => 1.5,f => [],g => {}}
=== [#{},#{a => 1},#{b => [1,2,3]},#{c => "ccc"},#{d => {d,d}},#{e => #{f => g}},#{h => i}]
--- 1 80
[#{},
 #{a => 1},
 #{b => [1,2,3]},
 #{c => "ccc"},
 #{d => {d,d}},
 #{e => #{f => g}},
 #{h => i}]
--- 9 80
[#{},
         #{a => 1},
         #{b => [1,2,3]},
         #{c => "ccc"},
         #{d => {d,d}},
         #{e => #{f => g}},
         #{h => i}]
=== {[1,2,3],[4,5,6],[7,8,9],"abc","def","ghi",{x,y},{z,w},[a|b],[c|d]}
--- 1 80
{[1,2,3],[4,5,6],[7,8,9],"abc","def","ghi",{x,y},{z,w},[a|b],[c|d]}
--- 9 80
{[1,2,3],[4,5,6],[7,8,9],"abc","def","ghi",{x,y},{z,w},[a|b],[c|d]}
=== [[[[[[[[[[[[[[[[[[[[[[[[["deep list nesting with a string at the bottom, long"]]]]]]]]]]]]]]]]]]]]]]]]]
--- 1 80
[[[[[[[[[[[[[[[[[[[[[[[[["deep list nesting with a string at the bottom, long"]]]]]]]]]]]]]]]]]]]]]]]]]
--- 9 80
[[[[[[[[[[[[[[[[[[[[[[[[["deep list nesting with a string at the bottom, long"]]]]]]]]]]]]]]]]]]]]]]]]]
=== ["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r","s","t","u","v"]
--- 1 80
["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r","s",
 "t","u","v"]
--- 9 80
["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q",
         "r","s","t","u","v"]
=== [[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[]]
--- 1 80
[[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],
 []]
--- 9 80
[[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],
         [],[],[]]
=== {module_name,function_name,[arg_one,"arg two",{arg,three},[arg,four],5,6.0]}
--- 1 80
{module_name,function_name,[arg_one,"arg two",{arg,three},[arg,four],5,6.0]}
--- 9 80
{module_name,function_name,
                     [arg_one,"arg two",{arg,three},[arg,four],5,6.0]}
=== "tab\there and\tthere\tand some more text to go over the line limit of eighty chars"
--- 1 80
"tab\there and\tthere\tand some more text to go over the line limit of eighty chars"
--- 9 80
"tab\there and\tthere\tand some more text to go over the line limit of eighty chars"
=== [97,98,99,0,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119]
--- 1 80
[97,98,99,0,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,
 116,117,118,119]
--- 9 80
[97,98,99,0,100,101,102,103,104,105,106,107,108,109,110,111,112,113,
         114,115,116,117,118,119]
=== [-1,-2,-3,-4,-5,-6,-7,-8,-9,-10,-11,-12,-13,-14,-15,-16,-17,-18,-19,-20]
--- 1 80
[-1,-2,-3,-4,-5,-6,-7,-8,-9,-10,-11,-12,-13,-14,-15,-16,-17,-18,-19,-20]
--- 9 80
[-1,-2,-3,-4,-5,-6,-7,-8,-9,-10,-11,-12,-13,-14,-15,-16,-17,-18,-19,
         -20]
=== {x,[{y,#{z => [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]}}]}
--- 1 80
{x,[{y,#{z => [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]}}]}
--- 9 80
{x,[{y,#{z => [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]}}]}
=== {tag,#{and_another_key => {with,a,tuple,value},map_in_tagged_tuple => with_value}}
--- 1 80
{tag,#{and_another_key => {with,a,tuple,value},
       map_in_tagged_tuple => with_value}}
--- 9 80
{tag,#{and_another_key => {with,a,tuple,value},
               map_in_tagged_tuple => with_value}}
=== [{'Elixir.Some.Module',"quoted tag"},{'Another Tag',1,2,3},{'',empty},{'a b',c,d,e,f}]
--- 1 80
[{'Elixir.Some.Module',"quoted tag"},
 {'Another Tag',1,2,3},
 {'',empty},
 {'a b',c,d,e,f}]
--- 9 80
[{'Elixir.Some.Module',"quoted tag"},
         {'Another Tag',1,2,3},
         {'',empty},
         {'a b',c,d,e,f}]
=== {abc,{def,{ghi,{jkl,{mno,{pqr,{stu,{vwx,{yz,[1,2,3,4,5,6,7,8,9,10]}}}}}}}}}
--- 1 80
{abc,{def,{ghi,{jkl,{mno,{pqr,{stu,{vwx,{yz,[1,2,3,4,5,6,7,8,9,10]}}}}}}}}}
--- 9 80
{abc,
            {def,
                {ghi,
                    {jkl,
                        {mno,
                            {pqr,{stu,{vwx,{yz,[1,2,3,4,5,6,7,8,9,10]}}}}}}}}}
=== {x,[{abcdefghij,klmnopqrst},{abcdefghij,klmnopqrst},{abcdefghij,klmnopqrst},{abcdefghij,klmnopqrst},{abcdefghij,klmnopqrst},{abcdefghij,klmnopqrst},{abcdefghij,klmnopqrst},{abcdefghij,klmnopqrst},{abcdefghij,klmnopqrst},{abcdefghij,klmnopqrst}]}
--- 1 80
{x,[{abcdefghij,klmnopqrst},
    {abcdefghij,klmnopqrst},
    {abcdefghij,klmnopqrst},
    {abcdefghij,klmnopqrst},
    {abcdefghij,klmnopqrst},
    {abcdefghij,klmnopqrst},
    {abcdefghij,klmnopqrst},
    {abcdefghij,klmnopqrst},
    {abcdefghij,klmnopqrst},
    {abcdefghij,klmnopqrst}]}
--- 9 80
{x,[{abcdefghij,klmnopqrst},
            {abcdefghij,klmnopqrst},
            {abcdefghij,klmnopqrst},
            {abcdefghij,klmnopqrst},
            {abcdefghij,klmnopqrst},
            {abcdefghij,klmnopqrst},
            {abcdefghij,klmnopqrst},
            {abcdefghij,klmnopqrst},
            {abcdefghij,klmnopqrst},
            {abcdefghij,klmnopqrst}]}
=== [{"key","value"},{"another key","another value"},{"third key","third value"},{"k","v"}]
--- 1 80
[{"key","value"},
 {"another key","another value"},
 {"third key","third value"},
 {"k","v"}]
--- 9 80
[{"key","value"},
         {"another key","another value"},
         {"third key","third value"},
         {"k","v"}]
"#;

    #[test]
    fn assorted_terms() {
        run(ASSORTED_TERMS);
    }

    const NEAR_THE_LINE_END: &str = r#"
=== {abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 1 80
{abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 9 80
{abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
=== [abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 1 80
[abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 9 80
[abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
=== {tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 1 80
{tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 9 80
{tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
=== #{key => "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 1 80
#{key => "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 9 80
#{key => "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
=== "ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 1 80
"ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 9 80
"ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
=== {abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 1 80
{abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 9 80
{abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
=== [abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 1 80
[abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 9 80
[abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
=== {tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 1 80
{tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 9 80
{tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
=== #{key => "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 1 80
#{key => "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 9 80
#{key =>
              "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
=== "sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 1 80
"sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 9 80
"sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
=== {abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 1 80
{abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 9 80
{abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
=== [abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 1 80
[abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 9 80
[abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
=== {tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 1 80
{tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 9 80
{tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
=== #{key => "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 1 80
#{key => "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 9 80
#{key =>
              "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
=== "ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 1 80
"ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 9 80
"ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
=== {abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 1 80
{abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 9 80
{abc,123,
             "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
=== [abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 1 80
[abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 9 80
[abc,123,
         "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
=== {tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 1 80
{tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 9 80
{tag,[x,y],
             "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
=== #{key => "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 1 80
#{key => "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 9 80
#{key =>
              "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
=== "ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 1 80
"ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 9 80
"ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
=== {abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 1 80
{abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 9 80
{abc,123,
             "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
=== [abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 1 80
[abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 9 80
[abc,123,
         "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
=== {tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 1 80
{tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 9 80
{tag,[x,y],
             "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
             z}
=== #{key => "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 1 80
#{key =>
      "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 9 80
#{key =>
              "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
=== "sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 1 80
"sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 9 80
"sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
=== {abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 1 80
{abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 9 80
{abc,123,
             "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
=== [abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 1 80
[abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 9 80
[abc,123,
         "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
=== {tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 1 80
{tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 9 80
{tag,[x,y],
             "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
             z}
=== #{key => "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 1 80
#{key =>
      "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 9 80
#{key =>
              "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
=== "ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 1 80
"ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 9 80
"ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
=== {abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 1 80
{abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
--- 9 80
{abc,123,
             "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}
=== [abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 1 80
[abc,123,"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
--- 9 80
[abc,123,
         "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
=== {tag,[x,y],"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 1 80
{tag,[x,y],
     "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",z}
--- 9 80
{tag,[x,y],
             "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
             z}
=== #{key => "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 1 80
#{key =>
      "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
--- 9 80
#{key =>
              "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
=== "sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 1 80
"sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
--- 9 80
"sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
"#;

    #[test]
    fn near_the_line_end() {
        run(NEAR_THE_LINE_END);
    }

    const DEEP_NESTING: &str = r#"
=== {very_long_tag_atom_number,12,{very_long_tag_atom_number,11,{very_long_tag_atom_number,10,{very_long_tag_atom_number,9,{very_long_tag_atom_number,8,{very_long_tag_atom_number,7,{very_long_tag_atom_number,6,{very_long_tag_atom_number,5,{very_long_tag_atom_number,4,{very_long_tag_atom_number,3,{very_long_tag_atom_number,2,{very_long_tag_atom_number,1,"leaf string"}}}}}}}}}}}}
--- 1 80
{very_long_tag_atom_number,12,
 {very_long_tag_atom_number,11,
  {very_long_tag_atom_number,10,
   {very_long_tag_atom_number,9,
    {very_long_tag_atom_number,8,
     {very_long_tag_atom_number,7,
      {very_long_tag_atom_number,6,
       {very_long_tag_atom_number,5,
        {very_long_tag_atom_number,4,
         {very_long_tag_atom_number,3,
          {very_long_tag_atom_number,2,
           {very_long_tag_atom_number,1,"leaf string"}}}}}}}}}}}}
--- 9 80
{very_long_tag_atom_number,12,
         {very_long_tag_atom_number,11,
          {very_long_tag_atom_number,10,
           {very_long_tag_atom_number,9,
            {very_long_tag_atom_number,8,
             {very_long_tag_atom_number,7,
              {very_long_tag_atom_number,6,
               {very_long_tag_atom_number,5,
                {very_long_tag_atom_number,4,
                 {very_long_tag_atom_number,3,
                  {very_long_tag_atom_number,2,
                   {very_long_tag_atom_number,1,"leaf string"}}}}}}}}}}}}
--- 31 80
{very_long_tag_atom_number,12,
                               {very_long_tag_atom_number,11,
                                {very_long_tag_atom_number,10,
                                 {very_long_tag_atom_number,9,
                                  {very_long_tag_atom_number,8,
                                   {very_long_tag_atom_number,7,
                                    {very_long_tag_atom_number,6,
                                     {very_long_tag_atom_number,5,
                                      {very_long_tag_atom_number,4,
                                       {very_long_tag_atom_number,3,
                                        {very_long_tag_atom_number,2,
                                         {very_long_tag_atom_number,1,
                                          "leaf string"}}}}}}}}}}}}
=== {t,30,{t,29,{t,28,{t,27,{t,26,{t,25,{t,24,{t,23,{t,22,{t,21,{t,20,{t,19,{t,18,{t,17,{t,16,{t,15,{t,14,{t,13,{t,12,{t,11,{t,10,{t,9,{t,8,{t,7,{t,6,{t,5,{t,4,{t,3,{t,2,{t,1,"leaf string that is somewhat long"}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
--- 1 80
{t,30,
 {t,29,
  {t,28,
   {t,27,
    {t,26,
     {t,25,
      {t,24,
       {t,23,
        {t,22,
         {t,21,
          {t,20,
           {t,19,
            {t,18,
             {t,17,
              {t,16,
               {t,15,
                {t,14,
                 {t,13,
                  {t,12,
                   {t,11,
                    {t,10,
                     {t,9,
                      {t,8,
                       {t,7,
                        {t,6,
                         {t,5,
                          {t,4,
                           {t,3,
                            {t,2,
                             {t,1,
                              "leaf string that is somewhat long"}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
--- 9 80
{t,30,
         {t,29,
          {t,28,
           {t,27,
            {t,26,
             {t,25,
              {t,24,
               {t,23,
                {t,22,
                 {t,21,
                  {t,20,
                   {t,19,
                    {t,18,
                     {t,17,
                      {t,16,
                       {t,15,
                        {t,14,
                         {t,13,
                          {t,12,
                           {t,11,
                            {t,10,
                             {t,9,
                              {t,8,
                               {t,7,
                                {t,6,
                                 {t,5,
                                  {t,4,
                                   {t,3,
                                    {t,2,
                                     {t,1,
                                      "leaf string that is somewhat long"}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
--- 31 80
{t,30,
                               {t,29,
                                {t,28,
                                 {t,27,
                                  {t,26,
                                   {t,25,
                                    {t,24,
                                     {t,23,
                                      {t,22,
                                       {t,21,
                                        {t,20,
                                         {t,19,
                                          {t,18,
                                           {t,17,
                                            {t,16,
                                             {t,15,
                                              {t,14,
                                               {t,13,
                                                {t,12,
                                                 {t,11,
                                                  {t,10,
                                                   {t,9,
                                                    {t,8,
                                                     {t,7,
                                                      {t,6,
                                                       {t,5,
                                                        {t,4,
                                                         {t,3,
                                                          {t,2,
                                                           {t,1,
                                                            "leaf string that is somewhat long"}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
=== {medium_tag,8,{medium_tag,7,{medium_tag,6,{medium_tag,5,{medium_tag,4,{medium_tag,3,{medium_tag,2,{medium_tag,1,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]}}}}}}}}
--- 1 80
{medium_tag,8,
    {medium_tag,7,
        {medium_tag,6,
            {medium_tag,5,
                {medium_tag,4,
                    {medium_tag,3,
                        {medium_tag,2,
                            {medium_tag,1,
                                [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,
                                 19,20]}}}}}}}}
--- 9 80
{medium_tag,8,
         {medium_tag,7,
          {medium_tag,6,
           {medium_tag,5,
            {medium_tag,4,
             {medium_tag,3,
              {medium_tag,2,
               {medium_tag,1,
                [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]}}}}}}}}
--- 31 80
{medium_tag,8,
                               {medium_tag,7,
                                {medium_tag,6,
                                 {medium_tag,5,
                                  {medium_tag,4,
                                   {medium_tag,3,
                                    {medium_tag,2,
                                     {medium_tag,1,
                                      [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,
                                       17,18,19,20]}}}}}}}}
=== [20,[19,[18,[17,[16,[15,[14,[13,[12,[11,[10,[9,[8,[7,[6,[5,[4,[3,[2,[1,{leaf,"a leaf string",[1,2,3]},x],x],x],x],x],x],x],x],x],x],x],x],x],x],x],x],x],x],x],x]
--- 1 80
[20,
 [19,
  [18,
   [17,
    [16,
     [15,
      [14,
       [13,
        [12,
         [11,
          [10,
           [9,
            [8,
             [7,
              [6,
               [5,[4,[3,[2,[1,{leaf,"a leaf string",[1,2,3]},x],x],x],x],x],
               x],
              x],
             x],
            x],
           x],
          x],
         x],
        x],
       x],
      x],
     x],
    x],
   x],
  x],
 x]
--- 9 80
[20,
         [19,
          [18,
           [17,
            [16,
             [15,
              [14,
               [13,
                [12,
                 [11,
                  [10,
                   [9,
                    [8,
                     [7,
                      [6,
                       [5,
                        [4,[3,[2,[1,{leaf,"a leaf string",[1,2,3]},x],x],x],x],
                        x],
                       x],
                      x],
                     x],
                    x],
                   x],
                  x],
                 x],
                x],
               x],
              x],
             x],
            x],
           x],
          x],
         x]
--- 31 80
[20,
                               [19,
                                [18,
                                 [17,
                                  [16,
                                   [15,
                                    [14,
                                     [13,
                                      [12,
                                       [11,
                                        [10,
                                         [9,
                                          [8,
                                           [7,
                                            [6,
                                             [5,
                                              [4,
                                               [3,
                                                [2,
                                                 [1,
                                                  {leaf,"a leaf string",
                                                   [1,2,3]},
                                                  x],
                                                 x],
                                                x],
                                               x],
                                              x],
                                             x],
                                            x],
                                           x],
                                          x],
                                         x],
                                        x],
                                       x],
                                      x],
                                     x],
                                    x],
                                   x],
                                  x],
                                 x],
                                x],
                               x]
=== #{level => 10,next => #{level => 9,next => #{level => 8,next => #{level => 7,next => #{level => 6,next => #{level => 5,next => #{level => 4,next => #{level => 3,next => #{level => 2,next => #{level => 1,next => [alpha,beta,gamma,delta,epsilon,zeta,eta,theta,iota,kappa]}}}}}}}}}}
--- 1 80
#{level => 10,
  next =>
      #{level => 9,
        next =>
            #{level => 8,
              next =>
                  #{level => 7,
                    next =>
                        #{level => 6,
                          next =>
                              #{level => 5,
                                next =>
                                    #{level => 4,
                                      next =>
                                          #{level => 3,
                                            next =>
                                                #{level => 2,
                                                  next =>
                                                      #{level => 1,
                                                        next =>
                                                            [alpha,beta,gamma,
                                                             delta,epsilon,
                                                             zeta,eta,theta,
                                                             iota,
                                                             kappa]}}}}}}}}}}
--- 9 80
#{level => 10,
          next =>
              #{level => 9,
                next =>
                    #{level => 8,
                      next =>
                          #{level => 7,
                            next =>
                                #{level => 6,
                                  next =>
                                      #{level => 5,
                                        next =>
                                            #{level => 4,
                                              next =>
                                                  #{level => 3,
                                                    next =>
                                                        #{level => 2,
                                                          next =>
                                                              #{level => 1,
                                                                next =>
                                                                    [alpha,
                                                                     beta,
                                                                     gamma,
                                                                     delta,
                                                                     epsilon,
                                                                     zeta,eta,
                                                                     theta,
                                                                     iota,
                                                                     kappa]}}}}}}}}}}
--- 31 80
#{level => 10,
                                next =>
                                    #{level => 9,
                                      next =>
                                          #{level => 8,
                                            next =>
                                                #{level => 7,
                                                  next =>
                                                      #{level => 6,
                                                        next =>
                                                            #{level => 5,
                                                              next =>
                                                                  #{level => 4,
                                                                    next =>
                                                                        #{level =>
                                                                              3,
                                                                          next =>
                                                                              #{level =>
                                                                                    2,
                                                                                next =>
                                                                                    #{level =>
                                                                                          1,
                                                                                      next =>
                                                                                          [alpha,
                                                                                           beta,
                                                                                           gamma,
                                                                                           delta,
                                                                                           epsilon,
                                                                                           zeta,
                                                                                           eta,
                                                                                           theta,
                                                                                           iota,
                                                                                           kappa]}}}}}}}}}}
=== {an_extremely_long_tag_name_that_exceeds_half_of_the_line,3,{an_extremely_long_tag_name_that_exceeds_half_of_the_line,2,{an_extremely_long_tag_name_that_exceeds_half_of_the_line,1,{x,y,z,w,"vvvvvvvvvvvvvvvvvvvv"}}}}
--- 1 80
{an_extremely_long_tag_name_that_exceeds_half_of_the_line,3,
    {an_extremely_long_tag_name_that_exceeds_half_of_the_line,2,
        {an_extremely_long_tag_name_that_exceeds_half_of_the_line,1,
            {x,y,z,w,"vvvvvvvvvvvvvvvvvvvv"}}}}
--- 9 80
{an_extremely_long_tag_name_that_exceeds_half_of_the_line,3,
            {an_extremely_long_tag_name_that_exceeds_half_of_the_line,2,
                {an_extremely_long_tag_name_that_exceeds_half_of_the_line,1,
                    {x,y,z,w,"vvvvvvvvvvvvvvvvvvvv"}}}}
--- 31 80
{an_extremely_long_tag_name_that_exceeds_half_of_the_line,
                               3,
                               {an_extremely_long_tag_name_that_exceeds_half_of_the_line,
                                2,
                                {an_extremely_long_tag_name_that_exceeds_half_of_the_line,
                                 1,
                                 {x,y,z,w,"vvvvvvvvvvvvvvvvvvvv"}}}}
"#;

    #[test]
    fn deep_nesting() {
        run(DEEP_NESTING);
    }

    const OTHER_LINE_LENGTHS: &str = r#"
=== {error,{badmatch,{some,long,term,with,many,atoms,inside,it}},[{my_module,my_function,2,[{file,"src/my_module.erl"},{line,42}]},{other_module,handle_call,3,[{file,"src/other_module.erl"},{line,117}]},{gen_server,try_handle_call,4,[{file,"gen_server.erl"},{line,1149}]}]}
--- 1 40
{error,
    {badmatch,
        {some,long,term,with,many,
            atoms,inside,it}},
    [{my_module,my_function,2,
         [{file,"src/my_module.erl"},
          {line,42}]},
     {other_module,handle_call,3,
         [{file,
              "src/other_module.erl"},
          {line,117}]},
     {gen_server,try_handle_call,4,
         [{file,"gen_server.erl"},
          {line,1149}]}]}
--- 1 120
{error,{badmatch,{some,long,term,with,many,atoms,inside,it}},
       [{my_module,my_function,2,[{file,"src/my_module.erl"},{line,42}]},
        {other_module,handle_call,3,[{file,"src/other_module.erl"},{line,117}]},
        {gen_server,try_handle_call,4,[{file,"gen_server.erl"},{line,1149}]}]}
--- 9 40
{error,
         {badmatch,
          {some,long,term,with,many,
           atoms,inside,it}},
         [{my_module,my_function,2,
           [{file,"src/my_module.erl"},
            {line,42}]},
          {other_module,handle_call,
           3,
           [{file,
             "src/other_module.erl"},
            {line,117}]},
          {gen_server,
           try_handle_call,4,
           [{file,"gen_server.erl"},
            {line,1149}]}]}
--- 9 120
{error,{badmatch,{some,long,term,with,many,atoms,inside,it}},
               [{my_module,my_function,2,[{file,"src/my_module.erl"},{line,42}]},
                {other_module,handle_call,3,[{file,"src/other_module.erl"},{line,117}]},
                {gen_server,try_handle_call,4,[{file,"gen_server.erl"},{line,1149}]}]}
=== [{key_number_one,"value one"},{key_number_two,2},{key_three,three},{fourth_key,[1,2,3]},{fifth,{nested,tuple}},{sixth,"another value"},{seventh,7.5},{eighth,true}]
--- 1 40
[{key_number_one,"value one"},
 {key_number_two,2},
 {key_three,three},
 {fourth_key,[1,2,3]},
 {fifth,{nested,tuple}},
 {sixth,"another value"},
 {seventh,7.5},
 {eighth,true}]
--- 1 120
[{key_number_one,"value one"},
 {key_number_two,2},
 {key_three,three},
 {fourth_key,[1,2,3]},
 {fifth,{nested,tuple}},
 {sixth,"another value"},
 {seventh,7.5},
 {eighth,true}]
--- 9 40
[{key_number_one,"value one"},
         {key_number_two,2},
         {key_three,three},
         {fourth_key,[1,2,3]},
         {fifth,{nested,tuple}},
         {sixth,"another value"},
         {seventh,7.5},
         {eighth,true}]
--- 9 120
[{key_number_one,"value one"},
         {key_number_two,2},
         {key_three,three},
         {fourth_key,[1,2,3]},
         {fifth,{nested,tuple}},
         {sixth,"another value"},
         {seventh,7.5},
         {eighth,true}]
=== #{address => #{city => "Stockholm",street => "Some Street 12",zip => "12345"},age => 42,langs => [erlang,prolog,smalltalk,c],name => "Joe Armstrong",tags => [{a,1},{b,2},{c,3}]}
--- 1 40
#{address =>
      #{city => "Stockholm",
        street => "Some Street 12",
        zip => "12345"},
  age => 42,
  langs => [erlang,prolog,smalltalk,c],
  name => "Joe Armstrong",
  tags => [{a,1},{b,2},{c,3}]}
--- 1 120
#{address => #{city => "Stockholm",street => "Some Street 12",zip => "12345"},
  age => 42,
  langs => [erlang,prolog,smalltalk,c],
  name => "Joe Armstrong",
  tags => [{a,1},{b,2},{c,3}]}
--- 9 40
#{address =>
              #{city => "Stockholm",
                street =>
                    "Some Street 12",
                zip => "12345"},
          age => 42,
          langs =>
              [erlang,prolog,
               smalltalk,c],
          name => "Joe Armstrong",
          tags => [{a,1},{b,2},{c,3}]}
--- 9 120
#{address => #{city => "Stockholm",street => "Some Street 12",zip => "12345"},
          age => 42,
          langs => [erlang,prolog,smalltalk,c],
          name => "Joe Armstrong",
          tags => [{a,1},{b,2},{c,3}]}
=== [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60]
--- 1 40
[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,
 16,17,18,19,20,21,22,23,24,25,26,27,
 28,29,30,31,32,33,34,35,36,37,38,39,
 40,41,42,43,44,45,46,47,48,49,50,51,
 52,53,54,55,56,57,58,59,60]
--- 1 120
[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,
 43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60]
--- 9 40
[1,2,3,4,5,6,7,8,9,10,11,12,
         13,14,15,16,17,18,19,20,21,
         22,23,24,25,26,27,28,29,30,
         31,32,33,34,35,36,37,38,39,
         40,41,42,43,44,45,46,47,48,
         49,50,51,52,53,54,55,56,57,
         58,59,60]
--- 9 120
[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,
         40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60]
=== {state,#{address => #{city => "Stockholm",street => "Some Street 12",zip => "12345"},age => 42,langs => [erlang,prolog,smalltalk,c],name => "Joe Armstrong",tags => [{a,1},{b,2},{c,3}]},[a,b,c],"some string value here"}
--- 1 40
{state,#{address =>
             #{city => "Stockholm",
               street =>
                   "Some Street 12",
               zip => "12345"},
         age => 42,
         langs =>
             [erlang,prolog,smalltalk,
              c],
         name => "Joe Armstrong",
         tags => [{a,1},{b,2},{c,3}]},
       [a,b,c],
       "some string value here"}
--- 1 120
{state,#{address => #{city => "Stockholm",street => "Some Street 12",zip => "12345"},
         age => 42,
         langs => [erlang,prolog,smalltalk,c],
         name => "Joe Armstrong",
         tags => [{a,1},{b,2},{c,3}]},
       [a,b,c],
       "some string value here"}
--- 9 40
{state,#{address =>
                     #{city =>
                           "Stockholm",
                       street =>
                           "Some Street 12",
                       zip => "12345"},
                 age => 42,
                 langs =>
                     [erlang,prolog,
                      smalltalk,c],
                 name =>
                     "Joe Armstrong",
                 tags =>
                     [{a,1},
                      {b,2},
                      {c,3}]},
               [a,b,c],
               "some string value here"}
--- 9 120
{state,#{address => #{city => "Stockholm",street => "Some Street 12",zip => "12345"},
                 age => 42,
                 langs => [erlang,prolog,smalltalk,c],
                 name => "Joe Armstrong",
                 tags => [{a,1},{b,2},{c,3}]},
               [a,b,c],
               "some string value here"}
"#;

    #[test]
    fn other_line_lengths() {
        run(OTHER_LINE_LENGTHS);
    }

    const FOUND_BY_RANDOM_TESTING: &str = r#"
=== [-458,1.5,'Quoted'|{tl,123456789012345678901234567890}]
--- 5 40
[-458,1.5,'Quoted'|
     {tl,
      123456789012345678901234567890}]
=== [0.1|another_quite_long_atom_name_here]
--- 41 80
[0.1|
                                         another_quite_long_atom_name_here]
=== #{48 => {x,69835}}
--- 79 60
#{48 =>
                                                                                 {x,
                                                                                  69835}}
=== {reply,[{a,1},{b,2}]}
--- 95 80
{reply,
                                                                                               [{a,
                                                                                                 1},
                                                                                                {b,
                                                                                                 2}]}
=== #{key => [1,2,3],other => {tag,"value"}}
--- 71 80
#{key =>
                                                                         [1,2,
                                                                          3],
                                                                        other =>
                                                                         {tag,
                                                                          "value"}}
=== [{state,#{a => 1,b => [x,y]}}|{tl,done}]
--- 51 40
[{state,
                                                    #{a =>
                                                       1,
                                                      b =>
                                                       [x,
                                                        y]}}|
                                                   {tl,
                                                    done}]
"#;

    #[test]
    fn found_by_random_testing() {
        run(FOUND_BY_RANDOM_TESTING);
    }
}
