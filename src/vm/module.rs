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
    modules: Rc<BTreeMap<Atom, Entry>>,
    builtins: &'static dyn super::builtin::Builtins,
    /// A hash of which modules are loaded (names and content hashes),
    /// kept up to date on every load for the world's fingerprint.
    digest: u128,
}

/// A module in the table: compiled, or (for a library module every table
/// holds) made the first time it is used, so that a program pays only for
/// the library modules it calls.
#[derive(Clone, Debug)]
enum Entry {
    Loaded(Rc<Module>),
    Lazy(Lazy),
}

/// A module made on first use by `make(index)`, whose `uniq` is known
/// before it is made (it hashes only the name and the source).
#[derive(Clone)]
pub struct Lazy {
    name: Atom,
    uniq: u32,
    index: usize,
    make: fn(usize) -> Option<Rc<Module>>,
    made: std::cell::OnceCell<Option<Rc<Module>>>,
}

/// Shown without `make`, whose address differs from run to run.
impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lazy")
            .field("name", &self.name)
            .field("uniq", &self.uniq)
            .field("made", &self.made.get().is_some())
            .finish()
    }
}

impl Lazy {
    pub fn new(name: Atom, uniq: u32, index: usize, make: fn(usize) -> Option<Rc<Module>>) -> Lazy {
        Lazy {
            name,
            uniq,
            index,
            make,
            made: std::cell::OnceCell::new(),
        }
    }
}

impl Entry {
    fn module(&self) -> Option<&Rc<Module>> {
        match self {
            Entry::Loaded(m) => Some(m),
            Entry::Lazy(l) => l
                .made
                .get_or_init(|| (l.make)(l.index).filter(|m| m.uniq == l.uniq))
                .as_ref(),
        }
    }

    fn uniq(&self) -> u32 {
        match self {
            Entry::Loaded(m) => m.uniq,
            Entry::Lazy(l) => l.uniq,
        }
    }
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
        Rc::make_mut(&mut self.modules).insert(m.name, Entry::Loaded(m));
        self.redigest();
    }

    /// Installs a module that is made the first time it is looked up (the
    /// table reads as if it were loaded: the same digest, the same calls).
    pub fn insert_lazy(&mut self, l: Lazy) {
        Rc::make_mut(&mut self.modules).insert(l.name, Entry::Lazy(l));
        self.redigest();
    }

    fn redigest(&mut self) {
        let mut bytes = vec![];
        for (name, m) in self.modules.iter() {
            bytes.extend_from_slice(name.name().as_bytes());
            bytes.push(0xff);
            bytes.extend_from_slice(&m.uniq().to_le_bytes());
        }
        self.digest = xxhash_rust::xxh3::xxh3_128(&bytes);
    }

    /// Which modules are loaded, as a hash of their names and contents.
    pub fn digest(&self) -> u128 {
        self.digest
    }

    pub fn get(&self, name: Atom) -> Option<&Rc<Module>> {
        self.modules.get(&name)?.module()
    }

    /// An exported function by name.
    pub fn export(&self, m: Atom, f: Atom, arity: u32) -> Option<(Rc<Module>, u32)> {
        let md = self.get(m)?;
        let i = md.exports.get(&(f, arity))?;
        Some((md.clone(), *i))
    }

    /// Every loaded module (library modules not used yet are made now).
    pub fn modules(&self) -> impl Iterator<Item = &Rc<Module>> {
        self.modules.values().filter_map(Entry::module)
    }

    /// The modules compiled so far (library modules made on first use
    /// only once used).
    pub fn made(&self) -> impl Iterator<Item = &Rc<Module>> {
        self.modules.values().filter_map(|e| match e {
            Entry::Loaded(m) => Some(m),
            Entry::Lazy(l) => l.made.get().and_then(Option::as_ref),
        })
    }

    /// The names of the loaded modules, without making any.
    pub fn names(&self) -> impl Iterator<Item = Atom> + '_ {
        self.modules.keys().copied()
    }
}
