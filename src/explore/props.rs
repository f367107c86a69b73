//! Properties: Erlang functions of one argument, the list of terms the
//! program emitted so far (`pidlab:emit/1`), in order. The name's prefix is
//! the kind: `always_` (true after every step), `sometimes_` (true in some
//! state of some execution) and `eventually_` (true at some point of every
//! complete execution). Also the checks that need no code.

use crate::bif::BifCtx;
use crate::diag::{Diagnostic, Span};
use crate::term::{Atom, Pid, Term};
use crate::vm::{Code, Module, Process, Stop};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PropKind {
    Always,
    Sometimes,
    Eventually,
}

impl PropKind {
    pub fn name(self) -> &'static str {
        match self {
            PropKind::Always => "always",
            PropKind::Sometimes => "sometimes",
            PropKind::Eventually => "eventually",
        }
    }
}

/// A property function of a property module.
#[derive(Clone, Debug)]
pub struct Property {
    pub name: String,
    pub kind: PropKind,
    module: Rc<Module>,
    func: u32,
    /// Where the function is defined, for errors.
    pub span: Span,
}

/// The checks `--check` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Check {
    /// No process ends with an abnormal reason (an injected crash aside).
    NoCrash,
    /// No state where processes wait in `receive` with nothing enabled,
    /// unless every waiting process called `pidlab:idle()`.
    NoDeadlock,
    /// No message left unreceived when nothing more can happen.
    NoLeftover,
}

impl Check {
    pub fn parse(s: &str) -> Option<Check> {
        match s {
            "no-crash" => Some(Check::NoCrash),
            "no-deadlock" => Some(Check::NoDeadlock),
            "no-leftover" => Some(Check::NoLeftover),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Check::NoCrash => "no-crash",
            Check::NoDeadlock => "no-deadlock",
            Check::NoLeftover => "no-leftover",
        }
    }
}

/// The property functions `module` exports (loaded in `code`), or a
/// diagnostic when it has none.
pub fn properties(module: &Rc<Module>) -> Result<Vec<Property>, Box<Diagnostic>> {
    let mut out = vec![];
    for ((name, arity), index) in &module.exports {
        let n = name.name();
        let kind = if n.starts_with("always_") {
            PropKind::Always
        } else if n.starts_with("sometimes_") {
            PropKind::Sometimes
        } else if n.starts_with("eventually_") {
            PropKind::Eventually
        } else {
            continue;
        };
        let span = module
            .function(*index)
            .map(|f| f.span_at(0))
            .unwrap_or_default();
        if *arity != 1 {
            return Err(Box::new(
                Diagnostic::error(format!(
                    "property {n}/{arity} must take one argument, the list of emitted terms"
                ))
                .at(span, "here")
                .help(format!(
                    "define {n}(Emitted) -> ... returning true or false"
                )),
            ));
        }
        out.push(Property {
            name: n.to_string(),
            kind,
            module: module.clone(),
            func: *index,
            span,
        });
    }
    if out.is_empty() {
        return Err(Box::new(
            Diagnostic::error(format!("module {} exports no property", module.name.name())).help(
                "export functions named always_NAME/1, sometimes_NAME/1 or eventually_NAME/1",
            ),
        ));
    }
    Ok(out)
}

/// Reductions one evaluation of a property may take.
const BUDGET: u64 = 10_000_000;

impl Property {
    /// The property on the terms emitted so far, or a diagnostic when it
    /// crashes, loops or answers something other than a boolean.
    pub fn holds(&self, code: &Code, emitted: &Term) -> Result<bool, Box<Diagnostic>> {
        let mut p = Process::new(
            Pid(0),
            self.module.clone(),
            self.func,
            vec![emitted.clone()],
            &[],
        );
        let mut ctx = BifCtx::default();
        let stop = p.run(code, &mut ctx, BUDGET);
        let here = |msg: String| {
            Diagnostic::error(msg).at(self.span, "here").note(format!(
                "it was given the emitted terms {}",
                crate::term::pretty::print(emitted, 1, 80)
            ))
        };
        match stop {
            Stop::Exit(Ok(Term::Atom(a))) if a == Atom::new("true") => Ok(true),
            Stop::Exit(Ok(Term::Atom(a))) if a == Atom::new("false") => Ok(false),
            Stop::Exit(Ok(v)) => Err(Box::new(
                here(format!(
                    "property {} returned {}, not true or false",
                    self.name,
                    crate::term::pretty::print(&v, 1, 80)
                ))
                .help("a property answers true or false"),
            )),
            Stop::Exit(Err(e)) => Err(Box::new(
                here(format!(
                    "property {} crashed: {}",
                    self.name,
                    crate::term::pretty::print(&e.reason, 1, 80)
                ))
                .help("a property must answer for every list of emitted terms, the empty list too"),
            )),
            Stop::Yield => Err(Box::new(here(format!(
                "property {} ran for {BUDGET} reductions without answering",
                self.name
            )))),
            Stop::Wait(_) | Stop::Effect(_) => Err(Box::new(
                here(format!(
                    "property {} tried to receive, send, spawn or print",
                    self.name
                ))
                .help("a property only looks at the list it is given"),
            )),
        }
    }
}
