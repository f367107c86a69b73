//! Exceptions: the three classes and Erlang's error reasons.

use crate::diag::Span;
use crate::term::{atoms, Atom, Term};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    Error,
    Exit,
    Throw,
}

impl Class {
    pub fn atom(self) -> Atom {
        match self {
            Class::Error => atoms::error(),
            Class::Exit => atoms::exit(),
            Class::Throw => atoms::throw(),
        }
    }

    pub fn from_atom(a: Atom) -> Option<Class> {
        match a.name() {
            "error" => Some(Class::Error),
            "exit" => Some(Class::Exit),
            "throw" => Some(Class::Throw),
            _ => None,
        }
    }
}

/// Where an exception was raised.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    pub module: Atom,
    pub function: Atom,
    pub arity: u32,
    pub span: Span,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Exception {
    pub class: Class,
    pub reason: Term,
    pub location: Option<Location>,
    /// A stack trace carried over by a re-raise.
    pub stack: Option<Term>,
}

impl Exception {
    pub fn new(class: Class, reason: Term) -> Exception {
        Exception {
            class,
            reason,
            location: None,
            stack: None,
        }
    }

    pub fn error(reason: Term) -> Exception {
        Exception::new(Class::Error, reason)
    }

    pub fn badarg() -> Exception {
        Exception::error(Term::Atom(atoms::badarg()))
    }

    pub fn badarith() -> Exception {
        Exception::error(Term::Atom(atoms::badarith()))
    }

    pub fn system_limit() -> Exception {
        Exception::error(Term::Atom(atoms::system_limit()))
    }

    /// `{Tag, Value}` errors such as `{badmatch, V}`.
    pub fn tagged(tag: &str, v: Term) -> Exception {
        Exception::error(Term::tuple(vec![Term::atom(tag), v]))
    }

    /// The stack-trace term a `catch C:R:S` sees.
    pub fn stack_term(&self) -> Term {
        if let Some(s) = &self.stack {
            return s.clone();
        }
        match &self.location {
            Some(l) => {
                let info = Term::list(vec![
                    Term::tuple(vec![
                        Term::Atom(atoms::file()),
                        Term::string(&format!("{}.erl", l.module.name())),
                    ]),
                    Term::tuple(vec![Term::Atom(atoms::line()), Term::Int(l.line as i64)]),
                ]);
                Term::list(vec![Term::tuple(vec![
                    Term::Atom(l.module),
                    Term::Atom(l.function),
                    Term::Int(l.arity as i64),
                    info,
                ])])
            }
            None => Term::Nil,
        }
    }

    /// The exit reason of a process that did not catch this exception.
    pub fn exit_reason(&self) -> Term {
        match self.class {
            Class::Exit => self.reason.clone(),
            Class::Error => Term::tuple(vec![self.reason.clone(), self.stack_term()]),
            Class::Throw => Term::tuple(vec![
                Term::tuple(vec![Term::Atom(atoms::nocatch()), self.reason.clone()]),
                self.stack_term(),
            ]),
        }
    }
}
