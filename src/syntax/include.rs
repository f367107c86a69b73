//! Header files: `-include("x.hrl").` and `-include_lib("app/include/x.hrl").`
//!
//! The preprocessor splices a header's forms into the including file. A
//! diagnostic only ever shows one file, so whatever comes from a header
//! points at the `-include` line, and a mistake inside the header says
//! where in the header it is (`x.hrl:3:5: ...`) in a note. Reading files
//! is left to the caller (`Origin::read`); `beside` is the one reader that
//! touches the file system, for the command line and the shell.

use super::ast::Span;
use crate::diag::Diagnostic;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// How to read an included file by the name the attribute gives: its text,
/// or why it cannot be read.
pub type ReadFile<'a> = &'a dyn Fn(&str) -> Result<String, String>;

/// Where a module's text comes from: its name for `?FILE`, and how to read
/// the files it includes.
pub struct Origin<'a> {
    pub file: &'a str,
    pub read: ReadFile<'a>,
}

/// A header being read: its name, where its lines start, and the
/// `-include` attribute (in the including file) everything in it points at.
pub struct Header {
    pub name: String,
    pub line_starts: Vec<usize>,
    /// The `-include` attribute, in the text that includes this header.
    pub at: Span,
    /// The header that includes this one, if it is not the module's file.
    pub parent: Option<Rc<Header>>,
}

/// Byte offsets where each line of `text` starts.
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

impl Header {
    /// How many headers include this one.
    pub fn depth(&self) -> usize {
        let mut d = 0;
        let mut h = self.parent.as_deref();
        while let Some(p) = h {
            d += 1;
            h = p.parent.as_deref();
        }
        d
    }

    /// The `-include` line in the module's own file.
    pub fn root_at(&self) -> Span {
        let mut h = self;
        while let Some(p) = h.parent.as_deref() {
            h = p;
        }
        h.at
    }

    /// `relabel` by this header and every header that includes it, so the
    /// diagnostic ends up in the module's file.
    pub fn relabel_all(&self, d: Diagnostic) -> Diagnostic {
        let mut d = self.relabel(d);
        let mut h = self.parent.as_deref();
        while let Some(p) = h {
            d = p.relabel(d);
            h = p.parent.as_deref();
        }
        d
    }

    fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|s| *s <= offset);
        let start = line
            .checked_sub(1)
            .and_then(|i| self.line_starts.get(i))
            .copied()
            .unwrap_or(0);
        (line, offset.saturating_sub(start) + 1)
    }

    /// A diagnostic about the header's text, moved to the `-include` line
    /// with a note that says where in the header the mistake is.
    pub fn relabel(&self, d: Diagnostic) -> Diagnostic {
        let mut note = match d.span {
            Some(s) => {
                let (line, col) = self.line_col(s.lo);
                format!("{}:{line}:{col}", self.name)
            }
            None => self.name.clone(),
        };
        if let Some(l) = &d.label {
            note = format!("{note}: {l}");
        }
        let mut notes = vec![note];
        notes.extend(d.notes);
        Diagnostic {
            span: Some(self.at),
            label: Some(format!("in the included file {}", self.name)),
            extra: vec![],
            notes,
            ..d
        }
    }
}

/// The names to try for an include: the name as written and, for
/// `-include_lib("app/include/x.hrl")`, also the file name alone.
pub fn candidates(name: &str, lib: bool) -> Vec<String> {
    let mut v = vec![name.to_string()];
    if lib {
        if let Some(base) = Path::new(name).file_name().and_then(|b| b.to_str()) {
            if base != name {
                v.push(base.to_string());
            }
        }
    }
    v
}

/// A reader of headers next to `file` (in its directory).
pub fn beside(file: &Path) -> impl Fn(&str) -> Result<String, String> {
    let dir: PathBuf = file.parent().map(Path::to_path_buf).unwrap_or_default();
    move |name: &str| {
        let path = dir.join(name);
        std::fs::read(&path)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .map_err(|e| format!("cannot read {}: {e}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use crate::syntax::include::Origin;
    use crate::syntax::parse_module_from;

    fn parse(src: &str) -> Vec<crate::diag::Diagnostic> {
        let read = |name: &str| match name {
            "ok.hrl" => Ok("-record(r, {a = 1}).\n-define(TWO, 2).\n".to_string()),
            "bad.hrl" => Ok("-define(X, 1).\nf() -> (.\n".to_string()),
            _ => Err(format!("cannot read {name}")),
        };
        let origin = Origin {
            file: "m.erl",
            read: &read,
        };
        parse_module_from(src, Some("m"), Some(&origin)).1
    }

    #[test]
    fn header_records_and_macros_reach_the_module() {
        let d = parse("-module(m).\n-include(\"ok.hrl\").\nf() -> {#r{}, ?TWO}.\n");
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn missing_header_is_an_error_at_the_include() {
        let src = "-module(m).\n-include(\"none.hrl\").\n";
        let d = parse(src);
        let [d] = d.as_slice() else {
            panic!("one diagnostic expected: {d:?}");
        };
        assert!(d.message.contains("none.hrl"), "{d:?}");
        assert_eq!(d.span.map(|s| s.lo), src.find("-include"));
    }

    #[test]
    fn mistake_in_header_says_its_line() {
        let src = "-module(m).\n-include_lib(\"app/include/bad.hrl\").\n";
        let d = parse(src);
        let [d] = d.as_slice() else {
            panic!("one diagnostic expected: {d:?}");
        };
        assert_eq!(d.span.map(|s| s.lo), src.find("-include"));
        assert!(d.notes.iter().any(|n| n.starts_with("bad.hrl:2:")), "{d:?}");
    }
}
