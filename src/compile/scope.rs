//! Which variables are bound at each point of a function, and where.
//!
//! Erlang's rules: a variable bound in every branch of a `case`, `if` or
//! `receive` is bound after it; one bound in only some branches is
//! *unsafe* there; variables first bound inside `try` are unsafe after it.
//! Each name keeps one slot per function so branches agree where it lives.

use crate::diag::Span;
use crate::vm::op::Reg;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
pub enum VarState {
    Bound,
    /// Bound in some branches of the construct only.
    Unsafe {
        construct: &'static str,
        span: Span,
    },
}

#[derive(Clone, Debug, Default)]
pub struct Scope {
    pub vars: BTreeMap<String, (Reg, VarState)>,
}

impl Scope {
    pub fn get(&self, name: &str) -> Option<&(Reg, VarState)> {
        self.vars.get(name)
    }

    pub fn is_bound(&self, name: &str) -> bool {
        matches!(self.vars.get(name), Some((_, VarState::Bound)))
    }

    pub fn bind(&mut self, name: &str, slot: Reg) {
        self.vars.insert(name.to_string(), (slot, VarState::Bound));
    }

    pub fn bound_names(&self) -> impl Iterator<Item = &str> {
        self.vars
            .iter()
            .filter(|(_, (_, s))| *s == VarState::Bound)
            .map(|(n, _)| n.as_str())
    }

    /// The scope after a branching construct whose branches ended in `outs`.
    pub fn merge(
        before: &Scope,
        outs: &[Scope],
        construct: &'static str,
        span: Span,
        all_unsafe: bool,
    ) -> Scope {
        let mut merged = before.clone();
        let mut names: Vec<&String> = outs.iter().flat_map(|s| s.vars.keys()).collect();
        names.sort();
        names.dedup();
        for name in names {
            if before
                .vars
                .get(name)
                .is_some_and(|(_, s)| *s == VarState::Bound)
            {
                continue;
            }
            let in_all = !outs.is_empty() && outs.iter().all(|s| s.is_bound(name));
            let slot = outs.iter().find_map(|s| s.vars.get(name).map(|v| v.0));
            let Some(slot) = slot else { continue };
            let state = if in_all && !all_unsafe {
                VarState::Bound
            } else {
                VarState::Unsafe { construct, span }
            };
            merged.vars.insert(name.clone(), (slot, state));
        }
        merged
    }
}
