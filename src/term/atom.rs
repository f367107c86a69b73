//! Interned atoms.
//!
//! An atom is a thin pointer to a leaked, interned entry, so equality is a
//! pointer comparison and copying is free. Order and hashing use the name,
//! never the address, so they are deterministic across runs.
//! Invariant: every `Atom` is created through [`Atom::new`]; the table is
//! bounded by [`MAX_ATOMS`] as Erlang's atom table is.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, OnceLock};

/// Erlang's default atom table limit.
pub const MAX_ATOMS: usize = 1_048_576;

/// The longest atom Erlang accepts, in characters.
pub const MAX_ATOM_CHARS: usize = 255;

#[derive(Debug)]
pub struct AtomEntry {
    name: Box<str>,
    /// A hash of the name (XXH3), taken once: an atom hashes as this one
    /// word, the same in every run, instead of as its text.
    hash: u64,
}

impl AtomEntry {
    fn leaked(name: &str) -> &'static AtomEntry {
        Box::leak(Box::new(AtomEntry {
            name: name.into(),
            hash: xxhash_rust::xxh3::xxh3_64(name.as_bytes()),
        }))
    }
}

#[derive(Clone, Copy)]
pub struct Atom(&'static AtomEntry);

fn table() -> &'static Mutex<HashMap<&'static str, &'static AtomEntry>> {
    static TABLE: OnceLock<Mutex<HashMap<&'static str, &'static AtomEntry>>> = OnceLock::new();
    TABLE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Why an atom could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtomError {
    TooLong,
    TableFull,
}

impl Atom {
    /// Interns `name`. Panics never; a full table or an over-long name is
    /// reported by [`Atom::try_new`], and `new` is for names from our own
    /// code and from source text (whose length the lexer bounds).
    pub fn new(name: &str) -> Atom {
        match Atom::try_new(name) {
            Ok(a) => a,
            Err(_) => {
                Atom::try_new("system_limit").unwrap_or_else(|_| Atom::intern_unchecked(name))
            }
        }
    }

    pub fn try_new(name: &str) -> Result<Atom, AtomError> {
        if name.chars().count() > MAX_ATOM_CHARS {
            return Err(AtomError::TooLong);
        }
        let mut t = table().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(e) = t.get(name) {
            return Ok(Atom(e));
        }
        if t.len() >= MAX_ATOMS {
            return Err(AtomError::TableFull);
        }
        let entry = AtomEntry::leaked(name);
        t.insert(&entry.name, entry);
        Ok(Atom(entry))
    }

    /// Looks an atom up without creating it (`list_to_existing_atom`).
    pub fn existing(name: &str) -> Option<Atom> {
        let t = table().lock().unwrap_or_else(|e| e.into_inner());
        t.get(name).map(|e| Atom(e))
    }

    fn intern_unchecked(name: &str) -> Atom {
        let mut t = table().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(e) = t.get(name) {
            return Atom(e);
        }
        let entry = AtomEntry::leaked(name);
        t.insert(&entry.name, entry);
        Atom(entry)
    }

    pub fn name(self) -> &'static str {
        &self.0.name
    }
}

impl PartialEq for Atom {
    fn eq(&self, other: &Atom) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}
impl Eq for Atom {}

impl PartialOrd for Atom {
    fn partial_cmp(&self, other: &Atom) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Atom {
    fn cmp(&self, other: &Atom) -> std::cmp::Ordering {
        if self == other {
            std::cmp::Ordering::Equal
        } else {
            self.name().cmp(other.name())
        }
    }
}

impl Hash for Atom {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash.hash(state)
    }
}

impl std::fmt::Debug for Atom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "'{}'", self.name())
    }
}

/// Atoms the runtime uses often, made once.
pub mod atoms {
    use super::Atom;
    use std::sync::OnceLock;

    macro_rules! common_atoms {
        ($($fn_name:ident => $text:expr),* $(,)?) => {
            $(
                pub fn $fn_name() -> Atom {
                    static A: OnceLock<Atom> = OnceLock::new();
                    *A.get_or_init(|| Atom::new($text))
                }
            )*
        };
    }

    common_atoms! {
        ok => "ok", error => "error", true_ => "true", false_ => "false",
        undefined => "undefined", throw => "throw", exit => "exit",
        normal => "normal", badarg => "badarg", badarith => "badarith",
        badmatch => "badmatch", case_clause => "case_clause",
        if_clause => "if_clause", function_clause => "function_clause",
        try_clause => "try_clause", undef => "undef", badfun => "badfun",
        badarity => "badarity", badkey => "badkey", badmap => "badmap",
        system_limit => "system_limit", exit_tag => "EXIT", kill => "kill",
        killed => "killed", noproc => "noproc", down => "DOWN",
        erlang => "erlang", file => "file", line => "line", nocatch => "nocatch",
        infinity => "infinity", value => "value", bad_generator => "bad_generator",
        bad_filter => "bad_filter",
    }
}
