//! Line editing help for the shell: completion (commands, built-in and
//! library functions, `module:function`, bound variables, process aliases,
//! message ids), hints for `:` commands, and syntax colouring.

use colored::Colorize;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

const MODULES: &[&str] = &[
    "erlang", "lists", "maps", "io", "math", "timer", "pidlab", "string", "queue", "dict",
    "orddict", "gb_trees", "gb_sets", "calendar", "sets", "io_lib",
];

const KEYWORDS: &[&str] = &[
    "after", "andalso", "begin", "case", "catch", "end", "fun", "if", "of", "orelse", "receive",
    "try", "when",
];

/// What completion offers besides the fixed names; the session refreshes it.
#[derive(Default)]
pub struct Words {
    /// Bound variables, process aliases, message ids, loaded modules.
    pub dynamic: Vec<String>,
}

pub struct ShellHelper {
    pub words: Rc<RefCell<Words>>,
    pub color: bool,
}

fn word_start(line: &str, pos: usize) -> usize {
    let head = line.get(..pos).unwrap_or("");
    head.char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == ':' || *c == '@'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0)
}

impl ShellHelper {
    fn candidates(&self, word: &str, at_line_start: bool) -> Vec<String> {
        if at_line_start && word.starts_with(':') {
            return super::command::names()
                .map(|n| format!(":{n}"))
                .filter(|c| c.starts_with(word))
                .collect();
        }
        if let Some((m, f)) = word.split_once(':') {
            let fns = crate::bif::module_functions(m).unwrap_or_default();
            let mut v: Vec<String> = fns
                .iter()
                .filter(|(n, _)| n.starts_with(f))
                .map(|(n, _)| format!("{m}:{n}("))
                .collect();
            v.dedup();
            return v;
        }
        let mut all: Vec<String> = KEYWORDS.iter().map(|k| k.to_string()).collect();
        all.extend(MODULES.iter().map(|m| format!("{m}:")));
        all.extend(
            crate::bif::auto_imported_names_all()
                .into_iter()
                .filter(|n| n.chars().all(|c| c.is_alphanumeric() || c == '_'))
                .map(|n| format!("{n}(")),
        );
        all.extend(
            ["f()", "b()", "flush()", "c("]
                .iter()
                .map(|s| s.to_string()),
        );
        all.extend(self.words.borrow().dynamic.iter().cloned());
        let mut v: Vec<String> = all
            .into_iter()
            .filter(|c| c.starts_with(word) && c != word)
            .collect();
        v.sort();
        v.dedup();
        v
    }
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let start = word_start(line, pos);
        let word = line.get(start..pos).unwrap_or("");
        let at_line_start = line.get(..start).is_some_and(|h| h.trim().is_empty());
        let pairs = self
            .candidates(word, at_line_start)
            .into_iter()
            .map(|c| Pair {
                display: c.clone(),
                replacement: c,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;

    /// The rest of a `:command` when only one command starts that way.
    fn hint(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> Option<String> {
        if pos != line.len() || !line.starts_with(':') || line.contains(' ') {
            return None;
        }
        let matches: Vec<&str> = super::command::names()
            .filter(|n| n.starts_with(&line[1..]))
            .collect();
        match matches.as_slice() {
            [one] if one.len() > line.len() - 1 => one.get(line.len() - 1..).map(str::to_string),
            _ => None,
        }
    }
}

impl Highlighter for ShellHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.color || line.starts_with(':') {
            return Cow::Borrowed(line);
        }
        let mut out = String::with_capacity(line.len() * 2);
        let mut last = 0;
        for (lo, tok, hi) in crate::syntax::token::lex(line) {
            out.push_str(line.get(last..lo).unwrap_or(""));
            let text = line.get(lo..hi).unwrap_or("");
            use crate::syntax::token::Tok;
            let painted = match tok {
                Tok::Var(_) => text.yellow().to_string(),
                Tok::Str(_) | Tok::UnterminatedString => text.green().to_string(),
                Tok::Int(_) | Tok::Float(_) => text.cyan().to_string(),
                Tok::QAtom(_) => text.magenta().to_string(),
                t if !t.text().is_empty() && t.text().chars().all(|c| c.is_ascii_lowercase()) => {
                    text.blue().bold().to_string()
                }
                _ => text.to_string(),
            };
            out.push_str(&painted);
            last = hi;
        }
        out.push_str(line.get(last..).unwrap_or(""));
        Cow::Owned(out)
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(hint.dimmed().to_string())
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        self.color && kind != CmdKind::MoveCursor
    }
}

impl Validator for ShellHelper {}

impl Helper for ShellHelper {}
