//! Loaded code: modules and the code table that finds them by name.
//!
//! A module is immutable once loaded and shared by `Rc`; replacing one
//! (reloading) installs a new `Rc`. Its `uniq` is a hash of its name and
//! source, so funs made by an older, different version fail with `badfun`
//! instead of running the wrong code, while reloading the same source
//! keeps them working; the number never depends on compile order.

use super::op::FunctionCode;
use crate::term::Atom;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Debug)]
pub struct Module {
    pub name: Atom,
    pub uniq: u32,
    pub functions: Vec<FunctionCode>,
    pub exports: BTreeMap<(Atom, u32), u32>,
    pub locals: BTreeMap<(Atom, u32), u32>,
    pub file: Rc<str>,
    pub source: Rc<str>,
}

impl Module {
    pub fn function(&self, i: u32) -> Option<&FunctionCode> {
        self.functions.get(i as usize)
    }

    /// 1-based line of a byte offset in this module's source.
    pub fn line_of(&self, offset: usize) -> usize {
        let upto = self
            .source
            .get(..offset.min(self.source.len()))
            .unwrap_or("");
        upto.bytes().filter(|b| *b == b'\n').count() + 1
    }
}

/// All loaded modules, by name. Worlds clone their code table at every
/// step the explorer takes and seldom load anything: the table is shared
/// until a module is loaded.
#[derive(Clone, Debug)]
pub struct Code {
    modules: Rc<BTreeMap<Atom, Rc<Module>>>,
    builtins: &'static dyn super::builtin::Builtins,
    /// A hash of which modules are loaded (names and content hashes),
    /// kept up to date on every load for the world's fingerprint.
    digest: u128,
}

impl Default for Code {
    fn default() -> Code {
        Code::new(&super::builtin::NoBuiltins)
    }
}

impl Code {
    /// An empty code table whose calls find Rust built-ins in `builtins`.
    pub fn new(builtins: &'static dyn super::builtin::Builtins) -> Code {
        Code {
            modules: Rc::new(BTreeMap::new()),
            builtins,
            digest: 0,
        }
    }

    pub fn builtins(&self) -> &'static dyn super::builtin::Builtins {
        self.builtins
    }

    pub fn load(&mut self, m: Module) -> Rc<Module> {
        let rc = Rc::new(m);
        self.insert(rc.clone());
        rc
    }

    /// Installs an already shared module.
    pub fn insert(&mut self, m: Rc<Module>) {
        Rc::make_mut(&mut self.modules).insert(m.name, m);
        let mut bytes = vec![];
        for m in self.modules.values() {
            bytes.extend_from_slice(m.name.name().as_bytes());
            bytes.push(0xff);
            bytes.extend_from_slice(&m.uniq.to_le_bytes());
        }
        self.digest = xxhash_rust::xxh3::xxh3_128(&bytes);
    }

    /// Which modules are loaded, as a hash of their names and contents.
    pub fn digest(&self) -> u128 {
        self.digest
    }

    pub fn get(&self, name: Atom) -> Option<&Rc<Module>> {
        self.modules.get(&name)
    }

    /// An exported function by name.
    pub fn export(&self, m: Atom, f: Atom, arity: u32) -> Option<(Rc<Module>, u32)> {
        let md = self.modules.get(&m)?;
        let i = md.exports.get(&(f, arity))?;
        Some((md.clone(), *i))
    }

    pub fn modules(&self) -> impl Iterator<Item = &Rc<Module>> {
        self.modules.values()
    }
}
