//! The search over executions: from a world, every choice `enabled()`
//! offers, states merged by fingerprint and emitted terms.
//!
//! The default search takes states in order of fewest injected faults,
//! then fewest steps (a uniform-cost search), so the first violation it
//! meets is a counterexample with the fewest faults and, among those, the
//! fewest steps. `Dfs` goes deep first; `Random` takes seeded random walks
//! with the plan's odds, for spaces too large to exhaust.
//!
//! A state is the world's fingerprint, the terms emitted so far (what
//! properties read) and which `eventually_` properties have held so far.
//! An `eventually_` property is violated by a final state where it never
//! held, or by a cycle of states where it never holds (a lasso), unless
//! the cycle is unfair: some process step or delivery enabled all around
//! it is never taken.

use super::por::{self, Sleep, Sleeper};
use super::props::{Check, PropKind, Property};
use crate::diag::Diagnostic;
use crate::term::Term;
use crate::vm::Code;
use crate::world::event::Kind;
use crate::world::sched::Sched;
use crate::world::{Choice, World};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// How to search.
#[derive(Clone, Debug, PartialEq)]
pub enum Strategy {
    /// Fewest faults, then fewest steps first: shortest counterexamples.
    Bfs,
    /// Deepest first.
    Dfs,
    /// `walks` random executions from `seed`, with the plan's odds.
    Random { walks: u64, seed: u64 },
}

#[derive(Clone, Debug)]
pub struct Options {
    pub strategy: Strategy,
    pub max_depth: usize,
    pub max_states: usize,
    pub checks: Vec<Check>,
    /// Partial-order reduction: explore commuting steps in one order.
    pub reduce: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            strategy: Strategy::Bfs,
            max_depth: 200,
            max_states: 1_000_000,
            checks: vec![],
            reduce: true,
        }
    }
}

/// What became of one property or check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Never violated within the bounds.
    Holds,
    Violated,
    /// A `sometimes_` property held in this execution.
    Witnessed,
    /// A `sometimes_` property never held within the bounds.
    Never,
}

impl Status {
    pub fn name(&self) -> &'static str {
        match self {
            Status::Holds => "holds",
            Status::Violated => "violated",
            Status::Witnessed => "witnessed",
            Status::Never => "never",
        }
    }
}

/// An execution that shows a finding: its choices from the start, and for
/// a lasso the index where the repeating cycle starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Execution {
    pub choices: Vec<Choice>,
    pub faults: usize,
    pub cycle_from: Option<usize>,
    /// What was wrong, in words (for checks: which process, which state).
    pub why: String,
}

#[derive(Clone, Debug)]
pub struct Finding {
    pub name: String,
    /// `always`, `sometimes`, `eventually` or `check`.
    pub kind: &'static str,
    pub status: Status,
    pub execution: Option<Execution>,
}

/// What a search found and how far it went.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub states: u64,
    pub transitions: u64,
    /// Executions followed to their end: a final state, a state already
    /// explored, or the depth bound.
    pub executions: u64,
    /// Distinct fingerprints of states where nothing can happen.
    pub final_states: u64,
    pub max_depth: usize,
    /// States where the reduction explored one step instead of all.
    pub reduced: u64,
    /// Why the search stopped before exhausting the space, if it did.
    pub incomplete: Option<String>,
    pub findings: Vec<Finding>,
    /// The fingerprints of the final states, sorted.
    pub finals: Vec<u128>,
    /// How counterexamples were chosen, in words.
    pub chosen: &'static str,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.findings
            .iter()
            .all(|f| matches!(f.status, Status::Holds | Status::Witnessed))
    }
}

/// One state reached by the search.
struct Node {
    parent: Option<usize>,
    choice: Option<Choice>,
    /// Steps taken before `choice` on the way from the parent: a chain of
    /// steps the reduction takes alone (see `Search::chain`).
    before: Box<[Choice]>,
    depth: usize,
    faults: usize,
    world: Option<Box<World>>,
    emitted: imbl::Vector<Term>,
    /// `hash_emitted(emitted)`.
    ehash: u64,
    /// Bit i: eventually-property i has held on the way here.
    held: u64,
    key: u128,
    /// The steps asleep here (see `por::Sleeper`).
    sleep: Sleep,
}

/// Progress the caller may show; return false to stop the search.
pub struct Progress {
    pub states: u64,
    pub executions: u64,
    pub depth: usize,
}

struct Search<'a> {
    props: &'a [Property],
    code: &'a Code,
    opts: &'a Options,
    nodes: Vec<Node>,
    report: Report,
    /// Property results found so far, by property index.
    found: HashMap<usize, (Status, Option<Execution>)>,
    checks: HashMap<Check, Execution>,
    /// Answers of the properties on each list of emitted terms seen.
    answers: KeyMap<u64, Vec<bool>>,
    finals: HashSet<u128>,
    /// For liveness: expanded states, their edges and fair-progress keys.
    expanded: KeyMap<u128, usize>,
    /// Each expanded node's successors: the child node, the choice and
    /// its fairness key (taken in the parent's world).
    edges: Vec<Vec<(usize, Choice, Option<FairKey>)>>,
    enabled_keys: Vec<Vec<FairKey>>,
    keep_graph: bool,
    /// The terms emitted before the start.
    before: imbl::Vector<Term>,
    /// The world the search starts from, to replay counterexamples.
    start: World,
    /// More executions that show a finding already made, with no more
    /// faults: each is shortened too, and the shortest is reported.
    others: HashMap<Goal, Vec<Execution>>,
    /// One of several workers: states are not taken in one global order.
    worker: bool,
    /// Whether steps are put to sleep (see `por::Sleeper`): with the
    /// reduction, and where liveness does not need the whole graph.
    sleep_sets: bool,
}

/// A step from a state.
struct Successor {
    choice: Choice,
    /// The world after it (boxed: a world is large, and a successor
    /// moves several times before it becomes a node), and its events.
    world: Box<World>,
    events: Vec<crate::world::event::Event>,
    /// When already taken, the key of the state it leads to (for a step
    /// that emits nothing).
    key: Option<u128>,
    /// The steps of a chain taken before the choice.
    before: Vec<Choice>,
    /// The steps asleep after it.
    sleep: Sleep,
}

/// Where a search stands at the state it expands: the hash of the terms
/// emitted, the eventually-properties held, the steps and the faults so
/// far.
#[derive(Clone, Copy)]
struct At {
    ehash: u64,
    held: u64,
    depth: usize,
    faults: usize,
}

/// The longest chain of steps the reduction takes without storing the
/// states between them.
const CHAIN_MAX: usize = 64;

/// When a search hands its waiting states to workers: once `waiting`
/// states wait and at least `expanded` were expanded.
#[derive(Clone, Copy)]
struct Split {
    waiting: usize,
    expanded: u64,
}

/// States a search expands alone before it hands work to workers.
const SPLIT_AFTER: u64 = 500;

/// How many more executions to keep per finding for shortening.
const OTHERS: usize = 8;

/// What a shortened counterexample must still show.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Goal {
    Prop(usize),
    Check(Check),
}

/// A kind of progress weak fairness speaks of: a process's own step, or a
/// delivery on a sender/receiver pair.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum FairKey {
    Proc(crate::term::Pid),
    Pair(crate::term::Pid, crate::term::Pid),
}

fn fair_key(w: &World, c: &Choice) -> Option<FairKey> {
    match c {
        Choice::Run(p) | Choice::Timeout(p) | Choice::Choose(p, _) => Some(FairKey::Proc(*p)),
        Choice::Deliver(m) => w.network.get(*m).map(|m| FairKey::Pair(m.from, m.to)),
        _ => None,
    }
}

/// Hashes a key that is a hash already (a fingerprint): its low bits,
/// mixed once.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }

    fn write_u128(&mut self, n: u128) {
        self.0 ^= n as u64 ^ (n >> 64) as u64;
    }
}

/// A table keyed by fingerprints or other hashes.
type KeyMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<KeyHasher>>;

fn hash_emitted(e: &imbl::Vector<Term>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    e.len().hash(&mut h);
    for t in e {
        t.hash(&mut h);
    }
    h.finish()
}

/// The states expanded so far, by key, with the fewest faults each was
/// expanded with and the steps asleep when it was: one search's, or
/// shared between workers. Workers do not expand states in one global
/// order, so a shared set lets a state be expanded again when it is
/// reached with fewer faults (`reopen`): the fewest faults of a violation
/// are then the same as one worker's.
struct Seen {
    shards: Vec<std::sync::Mutex<KeyMap<u128, (usize, Sleep)>>>,
    count: std::sync::atomic::AtomicUsize,
    reopen: bool,
}

/// What a search does with a state it takes (`Seen::claim`).
enum Claim {
    /// Expand it: it was not expanded yet (or only with more faults).
    Fresh,
    /// Take only these steps from it: it was expanded with them asleep,
    /// and they are awake now.
    Only(Sleep),
    /// Nothing: it was expanded with no step asleep that is awake now.
    Known,
}

impl Seen {
    /// A set for one search (`shared` false) or for workers to share, in
    /// shards so they seldom wait for each other.
    fn new(shared: bool, reopen: bool) -> Seen {
        let n = if shared { 64 } else { 1 };
        Seen {
            shards: (0..n)
                .map(|_| std::sync::Mutex::new(KeyMap::default()))
                .collect(),
            count: std::sync::atomic::AtomicUsize::new(0),
            reopen,
        }
    }

    fn shard(&self, key: u128) -> Option<std::sync::MutexGuard<'_, KeyMap<u128, (usize, Sleep)>>> {
        let i = (key as usize) % self.shards.len().max(1);
        let m = self.shards.get(i)?;
        Some(m.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// What the search should do with `key`, reached with `faults` and
    /// `sleep` asleep. A state is expanded again for the steps asleep at
    /// its last expansion and awake now (sleep sets with a visited set,
    /// as in Godefroid's thesis, 1996): from then on those count as taken.
    /// Without `partial`, a state already expanded is `Known`, unchanged.
    fn claim(&self, key: u128, faults: usize, sleep: &[Sleeper], partial: bool) -> Claim {
        let Some(mut m) = self.shard(key) else {
            return Claim::Known;
        };
        match m.get_mut(&key) {
            Some((f, s)) if self.reopen && faults < *f => {
                *f = faults;
                *s = sleep.into();
                Claim::Fresh
            }
            Some((_, s)) => {
                let awake = por::filter(s, sleep, false);
                if awake.is_empty() || !partial {
                    return Claim::Known;
                }
                *s = por::filter(s, sleep, true);
                Claim::Only(awake)
            }
            None => {
                m.insert(key, (faults, sleep.into()));
                self.count
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                Claim::Fresh
            }
        }
    }

    /// Whether `key` was expanded (with no more than `faults`, when states
    /// may be expanded again) with no step asleep that `sleep` has awake:
    /// reaching it with `sleep` adds nothing.
    fn contains(&self, key: &u128, faults: usize, sleep: &[Sleeper]) -> bool {
        self.shard(*key).is_some_and(|m| {
            m.get(key)
                .is_some_and(|(f, s)| (!self.reopen || *f <= faults) && por::subset(s, sleep))
        })
    }

    /// Whether `key` was expanded at all.
    fn expanded(&self, key: &u128) -> bool {
        self.shard(*key).is_some_and(|m| m.contains_key(key))
    }

    /// How many states were expanded.
    fn len(&self) -> usize {
        self.count.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// What a worker of `explore_parallel` needs, made in its own thread
/// (worlds are not shared between threads): the start world, the
/// properties and the code they run in.
pub type Setup = (World, Vec<Property>, Code);

/// `explore` on `threads` cores, breadth or depth first. One search runs
/// from `start`, breadth first, until it has expanded `SPLIT_AFTER` states
/// and has a few states per worker waiting; then the workers take those
/// states (as the choices that lead to them, replayed in worlds of their
/// own, made by `setup`) one at a time and search on from them in the
/// order asked for, with the set of expanded states shared. Liveness needs
/// the whole graph in one place, and random walks have their own
/// parallel form: those run as `explore` does.
pub fn explore_parallel<S>(
    start: &World,
    props: &[Property],
    code: &Code,
    threads: usize,
    setup: &S,
    opts: &Options,
    progress: &(dyn Fn(&Progress) -> bool + Sync),
) -> Result<Report, Box<Diagnostic>>
where
    S: Fn() -> Option<Setup> + Sync,
{
    let liveness = props.iter().any(|p| p.kind == PropKind::Eventually);
    let dfs = opts.strategy == Strategy::Dfs;
    if threads < 2 || liveness || !(dfs || opts.strategy == Strategy::Bfs) {
        return explore(start, props, code, opts, &mut |p| progress(p));
    }
    let missing = || Box::new(Diagnostic::error("the program could not be set up again"));
    // Depth first promises no fewest faults: a state is expanded once.
    let seen = Seen::new(true, !dfs);
    let mut first = Search::new(start, &[], props, code, opts);
    first.worker = true;
    let root = first.root(start)?;
    // The first search goes on alone while the space looks small (a
    // helper's set-up, which compiles the program again, would cost more
    // than it saves), breadth first so that the states it leaves are
    // spread across the space.
    let split = Split {
        waiting: threads * 32,
        expanded: SPLIT_AFTER,
    };
    let left = first.exhaust(&[root], &seen, false, Some(split), &mut |p| progress(p))?;
    if left.is_empty() {
        return Ok(first.finish());
    }
    // Half the waiting states stay with the first search, which goes on
    // while the helpers set up; the other half wait in a queue, as the
    // choices that lead to them, for whoever is free first.
    let mut mine = vec![];
    let mut shared = std::collections::VecDeque::new();
    for (k, i) in left.into_iter().enumerate() {
        if k % threads == 0 {
            mine.push(i);
        } else {
            let sleep = first
                .nodes
                .get(i)
                .map(|n| n.sleep.clone())
                .unwrap_or_default();
            shared.push_back((i, first.path(i), sleep));
        }
    }
    let queue = std::sync::Mutex::new(shared);
    let next = || queue.lock().unwrap_or_else(|e| e.into_inner()).pop_front();
    type Part = Result<Report, Box<Diagnostic>>;
    let (own, parts): (Result<(), Box<Diagnostic>>, Vec<Part>) = std::thread::scope(|sc| {
        let handles: Vec<_> = (1..threads)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .stack_size(1 << 30)
                    .spawn_scoped(sc, || {
                        let (world, props, code) = setup().ok_or_else(missing)?;
                        let mut s = Search::new(&world, &[], &props, &code, opts);
                        s.worker = true;
                        while let Some((_, path, sleep)) = next() {
                            if let Some(at) = s.seed(&path, sleep)? {
                                s.exhaust(&[at], &seen, dfs, None, &mut |p| progress(p))?;
                            }
                            if s.report.incomplete.is_some() {
                                break;
                            }
                        }
                        Ok(s.finish())
                    })
                    .ok()
            })
            .collect();
        // The first search's own states need no replay. One at a time:
        // a search from one state keeps fewer worlds waiting at once.
        let mut mine = mine.into_iter();
        let mut own = Ok(());
        while own.is_ok() && first.report.incomplete.is_none() {
            let Some(i) = mine.next().or_else(|| next().map(|(i, ..)| i)) else {
                break;
            };
            own = first
                .exhaust(&[i], &seen, dfs, None, &mut |p| progress(p))
                .map(|_| ());
        }
        let parts = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(missing())))
            .collect();
        (own, parts)
    });
    own?;
    let mut reports = vec![first.finish()];
    for p in parts {
        reports.push(p?);
    }
    Ok(merge_parts(reports))
}

/// The reports of workers that split one exhaustive search, as one:
/// each property takes the strongest finding (a violation, then a
/// witness) with the fewest faults, then the fewest steps.
fn merge_parts(reports: Vec<Report>) -> Report {
    let cost = |f: &Finding| {
        f.execution
            .as_ref()
            .map_or((usize::MAX, usize::MAX), |e| (e.faults, e.choices.len()))
    };
    merge_with(reports, |mine, theirs| {
        (rank(&theirs.status), Reverse(cost(theirs))) > (rank(&mine.status), Reverse(cost(mine)))
    })
}

/// How strong a finding is, to choose between workers' findings.
fn rank(s: &Status) -> u8 {
    match s {
        Status::Violated => 3,
        Status::Witnessed => 2,
        Status::Holds => 1,
        Status::Never => 0,
    }
}

/// Reports as one: counts add up, final states are merged, and a finding
/// of a later report replaces the one so far when `better(so far, later)`.
fn merge_with(reports: Vec<Report>, better: impl Fn(&Finding, &Finding) -> bool) -> Report {
    let mut out = Report::default();
    let mut finals: Vec<u128> = vec![];
    for r in reports {
        out.states += r.states;
        out.transitions += r.transitions;
        out.executions += r.executions;
        out.reduced += r.reduced;
        out.chosen = r.chosen;
        out.max_depth = out.max_depth.max(r.max_depth);
        if out.incomplete.is_none() {
            out.incomplete = r.incomplete;
        }
        finals.extend(r.finals);
        if out.findings.is_empty() {
            out.findings = r.findings;
            continue;
        }
        for (mine, theirs) in out.findings.iter_mut().zip(r.findings) {
            if better(mine, &theirs) {
                *mine = theirs;
            }
        }
    }
    finals.sort_unstable();
    finals.dedup();
    out.final_states = finals.len() as u64;
    out.finals = finals;
    out
}

/// Appends the terms `events` emitted to `emitted`.
fn push_emits(emitted: &mut imbl::Vector<Term>, events: &[crate::world::event::Event]) {
    for ev in events {
        if let Kind::Emit { term } = &ev.kind {
            emitted.push_back(term.clone());
        }
    }
}

/// How many of `choices` are injected faults.
pub(super) fn faults_in(choices: &[Choice]) -> usize {
    choices.iter().filter(|c| c.is_fault()).count()
}

/// What property `p` answering `a` shows, in words: an `always_` that is
/// false (a violation) or a `sometimes_` that is true (a witness).
fn shown(p: &Property, a: bool) -> Option<(Status, String)> {
    match (p.kind, a) {
        (PropKind::Always, false) => Some((Status::Violated, format!("{} is false", p.name))),
        (PropKind::Sometimes, true) => Some((Status::Witnessed, format!("{} is true", p.name))),
        _ => None,
    }
}

/// Why an execution that ended violates `eventually_` property `name`.
fn never_held(name: &str) -> String {
    format!("the execution ends and {name} never held")
}

/// The successor that takes `c` in `w`.
fn taken(mut w: Box<World>, c: &Choice) -> Successor {
    let events = w.apply(c);
    Successor {
        choice: c.clone(),
        world: w,
        events,
        key: None,
        before: vec![],
        sleep: Box::default(),
    }
}

/// A search state's key: the world's fingerprint, the hash of the emitted
/// terms (`hash_emitted`) and which eventually-properties have held.
fn state_key(w: &World, emitted_hash: u64, held: u64) -> u128 {
    let fp = w.fingerprint();
    let both = u128::from(emitted_hash) | (u128::from(held) << 64);
    fp ^ u128::from(xxhash_rust::xxh3::xxh3_64(&both.to_le_bytes()))
}

/// Explores the executions from `start` and checks `props` (compiled in
/// `code`) and `opts.checks` on them. A property that fails to answer is
/// an error.
pub fn explore(
    start: &World,
    props: &[Property],
    code: &Code,
    opts: &Options,
    progress: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Report, Box<Diagnostic>> {
    explore_after(start, &[], props, code, opts, progress)
}

/// `explore` from a world whose processes already emitted `before` (the
/// shell's `:explore`): properties see those terms first.
pub fn explore_after(
    start: &World,
    before: &[Term],
    props: &[Property],
    code: &Code,
    opts: &Options,
    progress: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Report, Box<Diagnostic>> {
    let mut s = Search::new(start, before, props, code, opts);
    match opts.strategy.clone() {
        Strategy::Random { walks, seed } => s.walks(start, walks, seed, progress)?,
        strategy => {
            let root = s.root(start)?;
            let seen = Seen::new(false, false);
            s.exhaust(&[root], &seen, strategy == Strategy::Dfs, None, progress)?;
        }
    }
    Ok(s.finish())
}

impl<'a> Search<'a> {
    /// Each property's answer on `emitted`, computed once per list.
    fn answers(&mut self, emitted: &imbl::Vector<Term>) -> Result<Vec<bool>, Box<Diagnostic>> {
        self.answers_keyed(hash_emitted(emitted), emitted)
    }

    /// `answers`, with the list's hash already known.
    fn answers_keyed(
        &mut self,
        key: u64,
        emitted: &imbl::Vector<Term>,
    ) -> Result<Vec<bool>, Box<Diagnostic>> {
        if let Some(a) = self.answers.get(&key) {
            return Ok(a.clone());
        }
        let list = Term::list(emitted.iter().cloned().collect::<Vec<_>>());
        let a = self
            .props
            .iter()
            .map(|p| p.holds(self.code, &list))
            .collect::<Result<Vec<bool>, Box<Diagnostic>>>()?;
        self.answers.insert(key, a.clone());
        Ok(a)
    }

    fn held_bits(&self, answers: &[bool], before: u64) -> u64 {
        let mut bits = before;
        let mut i = 0;
        for (p, a) in self.props.iter().zip(answers) {
            if p.kind == PropKind::Eventually {
                if *a {
                    bits |= 1 << i.min(63);
                }
                i += 1;
            }
        }
        bits
    }

    /// The choices from the start to node `i`.
    fn path(&self, mut i: usize) -> Vec<Choice> {
        let mut out = vec![];
        while let Some(n) = self.nodes.get(i) {
            if let Some(c) = &n.choice {
                out.push(c.clone());
            }
            out.extend(n.before.iter().rev().cloned());
            match n.parent {
                Some(p) => i = p,
                None => break,
            }
        }
        out.reverse();
        out
    }

    fn execution(&self, i: usize, why: String) -> Execution {
        let choices = self.path(i);
        Execution {
            faults: faults_in(&choices),
            choices,
            cycle_from: None,
            why,
        }
    }

    fn new(
        start: &World,
        before: &[Term],
        props: &'a [Property],
        code: &'a Code,
        opts: &'a Options,
    ) -> Search<'a> {
        let eventually = props
            .iter()
            .filter(|p| p.kind == PropKind::Eventually)
            .count();
        Search {
            props,
            code,
            opts,
            nodes: vec![],
            report: Report::default(),
            found: HashMap::new(),
            checks: HashMap::new(),
            answers: KeyMap::default(),
            finals: HashSet::new(),
            expanded: KeyMap::default(),
            edges: vec![],
            enabled_keys: vec![],
            keep_graph: eventually > 0,
            before: before.iter().cloned().collect(),
            start: start.clone(),
            others: HashMap::new(),
            worker: false,
            sleep_sets: opts.reduce && eventually == 0,
        }
    }

    /// The start state as a node.
    fn root(&mut self, start: &World) -> Result<usize, Box<Diagnostic>> {
        let emitted = self.before.clone();
        let ehash = hash_emitted(&emitted);
        let answers = self.answers_keyed(ehash, &emitted)?;
        let held = self.held_bits(&answers, 0);
        self.nodes.push(Node {
            parent: None,
            choice: None,
            before: Box::default(),
            depth: 0,
            faults: 0,
            key: state_key(start, ehash, held),
            world: Some(Box::new(start.clone())),
            emitted,
            ehash,
            held,
            sleep: Box::default(),
        });
        Ok(self.nodes.len() - 1)
    }

    /// The state `path` leads to from the start, as a node whose parents
    /// are the states on the way (`None` when a choice is not enabled),
    /// with `sleep` asleep there as in the search that queued it: a
    /// helper that woke every step there would explore states the
    /// reduction had left out.
    fn seed(&mut self, path: &[Choice], sleep: Sleep) -> Result<Option<usize>, Box<Diagnostic>> {
        let start = self.start.clone();
        let mut at = self.root(&start)?;
        let mut w = start;
        for c in path {
            if !w.enabled().contains(c) {
                return Ok(None);
            }
            let events = w.apply(c);
            let Some((mut e, pheld, pdepth, pfaults)) = self
                .nodes
                .get(at)
                .map(|n| (n.emitted.clone(), n.held, n.depth, n.faults))
            else {
                return Ok(None);
            };
            push_emits(&mut e, &events);
            let ehash = hash_emitted(&e);
            let a = self.answers_keyed(ehash, &e)?;
            let held = self.held_bits(&a, pheld);
            let node = Node {
                parent: Some(at),
                choice: Some(c.clone()),
                before: Box::default(),
                depth: pdepth + 1,
                faults: pfaults + usize::from(c.is_fault()),
                world: None,
                key: state_key(&w, ehash, held),
                emitted: e,
                ehash,
                held,
                sleep: Box::default(),
            };
            self.nodes.push(node);
            at = self.nodes.len() - 1;
        }
        if let Some(n) = self.nodes.get_mut(at) {
            n.world = Some(Box::new(w));
            n.sleep = sleep;
        }
        Ok(Some(at))
    }

    /// The state-space search from `roots`, uniform cost (fewest faults,
    /// then steps) or depth first, with the states expanded in `seen`.
    /// With `split`, it stops once enough states wait to be expanded (see
    /// `Split`) and answers them (in order); otherwise it answers none.
    fn exhaust(
        &mut self,
        roots: &[usize],
        seen: &Seen,
        dfs: bool,
        split: Option<Split>,
        progress: &mut dyn FnMut(&Progress) -> bool,
    ) -> Result<Vec<usize>, Box<Diagnostic>> {
        let mut heap: BinaryHeap<Reverse<(usize, usize, usize)>> = BinaryHeap::new();
        let mut stack: Vec<usize> = vec![];
        for &r in roots {
            let Some(n) = self.nodes.get(r) else {
                continue;
            };
            if dfs {
                stack.push(r);
            } else {
                heap.push(Reverse((n.faults, n.depth, r)));
            }
        }
        // Breadth first: the cheapest way each state was reached so far,
        // and the steps asleep on every way queued: a state is queued again
        // only by a cheaper way or one with a step awake, so the queue
        // holds few copies. Depth first keeps no such table: a state
        // queued twice is taken from the stack soon, and its second copy
        // then joins the first (the same counts, one table less).
        let mut best: KeyMap<u128, ((usize, usize), Sleep)> = KeyMap::default();
        loop {
            if split.is_some_and(|k| heap.len() >= k.waiting && self.report.states >= k.expanded) {
                let mut left: Vec<_> = heap.into_iter().map(|Reverse(x)| x).collect();
                left.sort_unstable();
                return Ok(left.into_iter().map(|(_, _, i)| i).collect());
            }
            let next = if dfs {
                stack.pop()
            } else {
                heap.pop().map(|Reverse((_, _, i))| i)
            };
            let Some(i) = next else {
                break;
            };
            let Some(node) = self.nodes.get_mut(i) else {
                continue;
            };
            let taken = node.world.take();
            let sleep = std::mem::take(&mut node.sleep);
            let only = match seen.claim(node.key, node.faults, &sleep, true) {
                Claim::Known => {
                    self.report.executions += 1;
                    continue;
                }
                Claim::Fresh => None,
                Claim::Only(awake) => Some(awake),
            };
            let Some(world) = taken else {
                continue;
            };
            let (depth, faults, key, ehash) = (node.depth, node.faults, node.key, node.ehash);
            let emitted = node.emitted.clone();
            let held = node.held;
            let enabled = world.enabled();
            let at = At {
                ehash,
                held,
                depth,
                faults,
            };
            // The world, when it is still needed after its successors.
            let kept: Option<Box<World>>;
            let successors = match only {
                // Expanded before: only the steps that were asleep then.
                Some(awake) => {
                    if depth >= self.opts.max_depth {
                        continue;
                    }
                    let awake = enabled
                        .iter()
                        .filter(|c| por::name(&world, c).is_some_and(|n| por::asleep(&awake, n)))
                        .map(|c| self.step(&world, c))
                        .collect();
                    let awake = self.siblings(&world, &sleep, awake);
                    kept = Some(world);
                    awake
                }
                None => {
                    self.report.states += 1;
                    self.report.max_depth = self.report.max_depth.max(depth);
                    if self.report.states.is_multiple_of(1024)
                        && !progress(&Progress {
                            states: seen.len() as u64,
                            executions: self.report.executions,
                            depth,
                        })
                    {
                        self.report.incomplete = Some("stopped by the user".into());
                        break;
                    }
                    if seen.len() > self.opts.max_states {
                        self.report.incomplete = Some(format!(
                            "stopped at {} states (raise --max-states)",
                            self.opts.max_states
                        ));
                        break;
                    }
                    let answers = self.answers_keyed(ehash, &emitted)?;
                    self.judge_state(i, &answers);
                    let progressing: Vec<&Choice> =
                        enabled.iter().filter(|c| !c.is_fault()).collect();
                    if self.keep_graph {
                        self.expanded.insert(key, i);
                        let keys = progressing
                            .iter()
                            .filter_map(|c| fair_key(&world, c))
                            .collect();
                        self.grow_graph(i, keys);
                    }
                    if progressing.is_empty() {
                        self.report.executions += 1;
                        self.finals.insert(world.fingerprint());
                        self.judge_final(i, &world, held);
                        continue;
                    }
                    if depth >= self.opts.max_depth {
                        self.report.executions += 1;
                        self.report.incomplete = Some(format!(
                            "some executions go deeper than {} steps (raise --max-depth)",
                            self.opts.max_depth
                        ));
                        continue;
                    }
                    // Without a graph the world is not needed after its
                    // successors, so the last of them may be taken in it.
                    let mut parent = Some(world);
                    let successors =
                        self.successors(&mut parent, !self.keep_graph, enabled, at, seen, &sleep);
                    kept = parent;
                    successors
                }
            };
            for next in successors {
                let Successor {
                    choice: c,
                    world: w,
                    events,
                    key: known_key,
                    before,
                    sleep,
                } = next;
                let steps = before.len() + 1;
                self.report.transitions += 1;
                let mut e = emitted.clone();
                push_emits(&mut e, &events);
                // Most steps emit nothing: the list and its hash stay.
                let chash = if e.len() == emitted.len() {
                    ehash
                } else {
                    hash_emitted(&e)
                };
                // The same list, the same answers: what held, holds.
                let h = if chash == ehash {
                    held
                } else {
                    let a = self.answers_keyed(chash, &e)?;
                    self.held_bits(&a, held)
                };
                // The reduction keyed a step that emits nothing already.
                let child_key = match known_key {
                    Some(k) if chash == ehash && h == held => k,
                    _ => state_key(&w, chash, h),
                };
                let f = faults + usize::from(c.is_fault());
                let cost = (f, depth + steps);
                self.judge_events(i, &before, &c, &events);
                let known = !dfs
                    && best
                        .get(&child_key)
                        .is_some_and(|(b, z)| *b <= cost && por::subset(z, &sleep));
                let joins = seen.contains(&child_key, f, &sleep) || known;
                if joins {
                    // A state reached already: this execution joins it.
                    self.report.executions += 1;
                    if !self.keep_graph {
                        continue;
                    }
                } else if !dfs {
                    match best.get_mut(&child_key) {
                        Some((b, z)) => {
                            *b = cost.min(*b);
                            *z = por::filter(z, &sleep, true);
                        }
                        None => {
                            best.insert(child_key, (cost, sleep.clone()));
                        }
                    }
                }
                let child = self.nodes.len();
                self.nodes.push(Node {
                    parent: Some(i),
                    choice: Some(c.clone()),
                    before: before.into_boxed_slice(),
                    depth: depth + steps,
                    faults: f,
                    // An edge into a known state keeps only its key.
                    world: (!joins).then_some(w),
                    emitted: if joins { imbl::Vector::new() } else { e },
                    ehash: chash,
                    held: h,
                    key: child_key,
                    sleep,
                });
                if let (true, Some(world)) = (self.keep_graph, kept.as_deref()) {
                    let key = fair_key(world, &c);
                    if let Some(edges) = self.edges.get_mut(i) {
                        edges.push((child, c.clone(), key));
                    }
                }
                if joins {
                    continue;
                }
                if dfs {
                    stack.push(child);
                } else {
                    heap.push(Reverse((f, depth + steps, child)));
                }
            }
        }
        if self.keep_graph {
            self.find_lassos();
        }
        Ok(vec![])
    }

    /// The successors to explore from `world`, but for the steps asleep
    /// in `sleep`: all of them, or, when the reduction finds one, a single
    /// step that commutes with everything else that can happen before it
    /// (see `por::independent`).
    /// With `take_last`, the last step that needs a world of its own is
    /// taken in `parent`'s (which is then gone): one copy and one drop
    /// fewer per state expanded.
    fn successors(
        &mut self,
        parent: &mut Option<Box<World>>,
        take_last: bool,
        enabled: Vec<Choice>,
        at: At,
        seen: &Seen,
        sleep: &[Sleeper],
    ) -> Vec<Successor> {
        let Some(world) = parent.as_deref() else {
            return vec![];
        };
        let (emitted, held) = (at.ehash, at.held);
        let reduce = self.opts.reduce && world.faults.timing == crate::world::faults::Timing::Local;
        let awake = |c: &Choice| !por::name(world, c).is_some_and(|n| por::asleep(sleep, n));
        let mut done: Vec<Successor> = vec![];
        if reduce {
            // The options of one process's `pidlab:choose/1` first: they
            // touch that process alone.
            if let Some(p) = por::chooser(world, &enabled) {
                let mut group: Vec<Successor> = enabled
                    .iter()
                    .filter(|c| matches!(c, Choice::Choose(q, _) if *q == p))
                    .map(|c| self.step(world, c))
                    .collect();
                // The cycle proviso: a step that returns to an explored
                // state is not enough on its own.
                let mut fresh = true;
                for s in &mut group {
                    let k = state_key(&s.world, emitted, held);
                    s.key = Some(k);
                    fresh &= !seen.expanded(&k);
                }
                if fresh {
                    self.report.reduced += 1;
                    group.retain(|s| awake(&s.choice));
                    return self.siblings(world, sleep, group);
                }
                done.extend(group);
            }
            for c in enabled.iter().filter(|c| por::local_candidate(world, c)) {
                let (w, ev, local) = por::try_local(world, c);
                let key = local.then(|| state_key(&w, emitted, held));
                let first = Successor {
                    choice: c.clone(),
                    world: w,
                    events: ev,
                    key,
                    before: vec![],
                    sleep: Box::default(),
                };
                if key.is_some_and(|k| !seen.expanded(&k)) {
                    self.report.reduced += 1;
                    if !awake(c) {
                        // The one step to take is asleep: nothing to do.
                        return vec![];
                    }
                    let first = self.siblings(world, sleep, vec![first]);
                    return first.into_iter().map(|s| self.chain(s, at, seen)).collect();
                }
                done.push(first);
            }
        }
        let wanted: Vec<&Choice> = enabled.iter().filter(|c| awake(c)).collect();
        // What the sleep sets read of the world before the steps, read
        // before the last step may take that world.
        let sleeps = self.sleeps(world);
        let names: Vec<Option<Sleeper>> = match sleeps {
            true => wanted.iter().map(|c| por::name(world, c)).collect(),
            false => vec![],
        };
        let partitioned = world.faults.partition.is_some();
        let last = wanted
            .iter()
            .rposition(|c| !done.iter().any(|s| s.choice == **c))
            .filter(|_| take_last);
        let mut out = Vec::with_capacity(wanted.len());
        for (k, c) in wanted.iter().enumerate() {
            if let Some(j) = done.iter().position(|s| s.choice == **c) {
                out.push(done.swap_remove(j));
                continue;
            }
            if Some(k) == last {
                if let Some(w) = parent.take() {
                    out.push(taken(w, c));
                    continue;
                }
            }
            if let Some(world) = parent.as_deref() {
                out.push(self.step(world, c));
            }
        }
        if !sleeps {
            return out;
        }
        self.named_siblings(sleep, out, &names, partitioned)
    }

    /// Takes `c` from a copy of `world`.
    fn step(&self, world: &World, c: &Choice) -> Successor {
        taken(Box::new(world.clone()), c)
    }

    /// Sets the steps asleep after each of `steps`, taken in this order
    /// from `world` where `sleep` is asleep: those asleep before and the
    /// steps taken earlier from here, each if it commutes with the step
    /// (sleep sets, Godefroid 1996). None with no reduction, or where
    /// liveness needs every edge of the graph.
    fn siblings(&self, world: &World, sleep: &[Sleeper], steps: Vec<Successor>) -> Vec<Successor> {
        if !self.sleeps(world) {
            return steps;
        }
        let names: Vec<Option<Sleeper>> =
            steps.iter().map(|s| por::name(world, &s.choice)).collect();
        self.named_siblings(sleep, steps, &names, world.faults.partition.is_some())
    }

    /// Whether the search keeps sleep sets from `world`.
    fn sleeps(&self, world: &World) -> bool {
        self.sleep_sets && world.faults.timing == crate::world::faults::Timing::Local
    }

    /// `siblings`, given what it reads of the world the steps were taken
    /// from: each step's name there (`names`, in the order of `steps`) and
    /// whether the plan has a partition.
    fn named_siblings(
        &self,
        sleep: &[Sleeper],
        mut steps: Vec<Successor>,
        names: &[Option<Sleeper>],
        partitioned: bool,
    ) -> Vec<Successor> {
        let mut earlier: Vec<Sleeper> = Vec::with_capacity(sleep.len() + steps.len());
        earlier.extend_from_slice(sleep);
        for (s, name) in steps.iter_mut().zip(names) {
            let touched = por::footprint(*name, partitioned, &s.world, &s.choice, &s.events);
            s.sleep = por::after(&earlier, touched);
            if let (Some(_), Some(n)) = (touched, name) {
                por::insert(&mut earlier, *n);
            }
        }
        steps
    }

    /// Goes on from `first`, a step the reduction takes alone, with more such steps while each is again the only one the
    /// reduction would take (and the search keeps no graph for liveness),
    /// without storing the states between them as nodes: most states of a
    /// protocol lie on such chains. A state the chain passes counts as
    /// expanded (its one successor is the next on the chain), so other
    /// paths join it as they would join a node. The chain ends where the
    /// reduction would explore more than one step, at `CHAIN_MAX` steps,
    /// at the depth bound, before a state already expanded (as without
    /// chains, the state before an explored one is then a node, and its
    /// expansion applies the cycle proviso), or at a state whose one step
    /// is asleep.
    fn chain(&mut self, first: Successor, at: At, seen: &Seen) -> Successor {
        let At {
            ehash: emitted,
            held,
            depth,
            faults,
        } = at;
        if self.keep_graph {
            return first;
        }
        let Some(mut key) = first.key else {
            return first;
        };
        let Successor {
            choice: mut c,
            world: mut w,
            mut events,
            mut before,
            mut sleep,
            ..
        } = first;
        while before.len() + 1 < CHAIN_MAX && depth + before.len() + 1 < self.opts.max_depth {
            let Some((c2, w2, ev2)) = por::next_alone(&w) else {
                break;
            };
            let name = por::name(&w, &c2);
            if name.is_some_and(|n| por::asleep(&sleep, n)) {
                break;
            }
            let key2 = state_key(&w2, emitted, held);
            if seen.expanded(&key2)
                || !matches!(seen.claim(key, faults, &sleep, false), Claim::Fresh)
            {
                break;
            }
            self.report.states += 1;
            self.report.transitions += 1;
            self.report.reduced += 1;
            if !sleep.is_empty() {
                sleep = por::after(&sleep, name.map(|n| n.touches()));
            }
            before.push(std::mem::replace(&mut c, c2));
            w = w2;
            events.extend(ev2);
            key = key2;
        }
        Successor {
            choice: c,
            world: w,
            events,
            key: Some(key),
            before,
            sleep,
        }
    }

    fn grow_graph(&mut self, i: usize, keys: Vec<FairKey>) {
        if self.edges.len() <= i {
            self.edges.resize_with(i + 1, Vec::new);
            self.enabled_keys.resize_with(i + 1, Vec::new);
        }
        if let Some(k) = self.enabled_keys.get_mut(i) {
            *k = keys;
        }
    }

    /// `always_` and `sometimes_` properties on a state.
    fn judge_state(&mut self, i: usize, answers: &[bool]) {
        for (k, (p, a)) in self.props.iter().zip(answers).enumerate() {
            let Some((status, why)) = shown(p, *a) else {
                continue;
            };
            if self.found.contains_key(&k) {
                self.another(Goal::Prop(k), i, &[]);
            } else {
                let ex = self.execution(i, why);
                self.found.insert(k, (status, Some(ex)));
            }
        }
    }

    /// The checks on the events of one step: the steps `before` (a
    /// chain's, if any) and `c` from node `i` made `events`. Judged on every step,
    /// also one into a state reached before (an exit reason is not part of
    /// the state), keeping the cheapest violation.
    fn judge_events(
        &mut self,
        i: usize,
        before: &[Choice],
        c: &Choice,
        events: &[crate::world::event::Event],
    ) {
        if !self.opts.checks.contains(&Check::NoCrash) {
            return;
        }
        if let Some(why) = abnormal_exit(events) {
            let steps: Vec<Choice> = before.iter().chain([c]).cloned().collect();
            let mut ex = self.execution(i, why);
            ex.choices.extend_from_slice(&steps);
            ex.faults += faults_in(&steps);
            let better = self
                .checks
                .get(&Check::NoCrash)
                .is_none_or(|b| (ex.faults, ex.choices.len()) < (b.faults, b.choices.len()));
            if better {
                self.checks.insert(Check::NoCrash, ex);
            } else {
                self.another(Goal::Check(Check::NoCrash), i, &steps);
            }
        }
    }

    /// Keeps node `i`'s execution (then `last`) as another showing of
    /// `goal`, while fewer than `OTHERS` are kept and it has no more
    /// faults than the finding's. Only a search whose first finding may
    /// not be the shortest keeps them.
    fn another(&mut self, goal: Goal, i: usize, last: &[Choice]) {
        if self.exact() {
            return;
        }
        // Random walks are long: fewer of them.
        let keep = match self.opts.strategy {
            Strategy::Random { .. } => 2,
            _ => OTHERS,
        };
        if self.others.get(&goal).is_some_and(|v| v.len() >= keep) {
            return;
        }
        let first = match goal {
            Goal::Prop(k) => self.found.get(&k).and_then(|(_, ex)| ex.as_ref()),
            Goal::Check(c) => self.checks.get(&c),
        };
        let Some(first_faults) = first.map(|ex| ex.faults) else {
            return;
        };
        let faults = self.nodes.get(i).map_or(0, |n| n.faults) + faults_in(last);
        if faults > first_faults {
            return;
        }
        let mut ex = self.execution(i, String::new());
        ex.choices.extend_from_slice(last);
        ex.faults = faults;
        self.others.entry(goal).or_default().push(ex);
    }

    /// `eventually_` properties and the checks on a final state.
    fn judge_final(&mut self, i: usize, w: &World, held: u64) {
        let mut bit = 0;
        for (k, p) in self.props.iter().enumerate() {
            if p.kind != PropKind::Eventually {
                continue;
            }
            let ok = held & (1 << bit.min(63)) != 0;
            bit += 1;
            if ok {
                continue;
            }
            if self.found.contains_key(&k) {
                self.another(Goal::Prop(k), i, &[]);
            } else {
                let ex = self.execution(i, never_held(&p.name));
                self.found.insert(k, (Status::Violated, Some(ex)));
            }
        }
        for check in [Check::NoDeadlock, Check::NoLeftover] {
            if !self.opts.checks.contains(&check) {
                continue;
            }
            if let Some(why) = final_check(check, w) {
                if self.checks.contains_key(&check) {
                    self.another(Goal::Check(check), i, &[]);
                } else {
                    self.checks.insert(check, self.execution(i, why));
                }
            }
        }
    }

    /// Cycles of states where an `eventually_` property never holds, as
    /// lassos: the path to the cycle, then the cycle.
    fn find_lassos(&mut self) {
        for k in 0..self.props.len() {
            let Some(p) = self.props.get(k) else {
                continue;
            };
            if p.kind != PropKind::Eventually || self.found.contains_key(&k) {
                continue;
            }
            let mask = self.eventually_bit(k);
            let name = p.name.clone();
            if let Some(ex) = self.lasso(mask, &name) {
                self.found.insert(k, (Status::Violated, Some(ex)));
            }
        }
    }

    /// The successors of expanded node `i` that are expanded states, by
    /// the node that expanded them.
    fn succ(&self, i: usize) -> Vec<(usize, Choice)> {
        self.edges
            .get(i)
            .map(|es| {
                es.iter()
                    .filter_map(|(child, c, _)| {
                        let key = self.nodes.get(*child)?.key;
                        self.expanded.get(&key).map(|j| (*j, c.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A fair cycle among expanded states where the property (bit `mask`)
    /// has never held, with the path to it.
    fn lasso(&self, mask: u64, name: &str) -> Option<Execution> {
        let inside = |i: usize| {
            self.nodes
                .get(i)
                .is_some_and(|n| n.held & mask == 0 && self.expanded.get(&n.key) == Some(&i))
        };
        let members: Vec<usize> = self
            .expanded
            .values()
            .copied()
            .filter(|i| inside(*i))
            .collect();
        // Strongly connected components (Tarjan, iterative).
        let sccs = tarjan(&members, |i| {
            self.succ(i)
                .into_iter()
                .map(|(j, _)| j)
                .filter(|j| inside(*j))
                .collect()
        });
        let mut best: Option<Execution> = None;
        for comp in sccs {
            let set: HashSet<usize> = comp.iter().copied().collect();
            let self_loop = comp.len() == 1
                && comp
                    .first()
                    .is_some_and(|i| self.succ(*i).iter().any(|(j, _)| j == i));
            if comp.len() < 2 && !self_loop {
                continue;
            }
            // Weak fairness: what is enabled in every state of the cycle
            // must be taken somewhere in it.
            let mut taken: HashSet<FairKey> = HashSet::new();
            for i in &comp {
                if let Some(es) = self.edges.get(*i) {
                    for (child, _, fair) in es {
                        let key = self.nodes.get(*child).map(|n| n.key);
                        if key
                            .and_then(|k| self.expanded.get(&k))
                            .is_some_and(|j| set.contains(j))
                        {
                            taken.extend(fair.clone());
                        }
                    }
                }
            }
            let always: Option<HashSet<FairKey>> = comp.iter().fold(None, |acc, i| {
                let here: HashSet<FairKey> = self
                    .enabled_keys
                    .get(*i)
                    .map(|v| v.iter().cloned().collect())
                    .unwrap_or_default();
                Some(match acc {
                    None => here,
                    Some(a) => a.intersection(&here).cloned().collect(),
                })
            });
            if always
                .unwrap_or_default()
                .iter()
                .any(|k| !taken.contains(k))
            {
                continue;
            }
            let Some(entry) = comp
                .iter()
                .copied()
                .min_by_key(|i| self.nodes.get(*i).map(|n| (n.faults, n.depth, *i)))
            else {
                continue;
            };
            let Some(cycle) = self.cycle_through(entry, &set) else {
                continue;
            };
            let mut choices = self.path(entry);
            let from = choices.len();
            choices.extend(cycle);
            let ex = Execution {
                faults: faults_in(&choices),
                choices,
                cycle_from: Some(from),
                why: format!("a cycle repeats forever and {name} never holds"),
            };
            let better = best
                .as_ref()
                .is_none_or(|b| (ex.faults, ex.choices.len()) < (b.faults, b.choices.len()));
            if better {
                best = Some(ex);
            }
        }
        best
    }

    /// The shortest cycle from `entry` back to it within `set`.
    fn cycle_through(&self, entry: usize, set: &HashSet<usize>) -> Option<Vec<Choice>> {
        let mut prev: HashMap<usize, (usize, Choice)> = HashMap::new();
        let mut queue = std::collections::VecDeque::from([entry]);
        let mut visited: HashSet<usize> = HashSet::new();
        while let Some(i) = queue.pop_front() {
            for (j, c) in self.succ(i) {
                if !set.contains(&j) {
                    continue;
                }
                if j == entry {
                    let mut out = vec![c];
                    let mut at = i;
                    while at != entry {
                        let (p, pc) = prev.get(&at)?.clone();
                        out.push(pc);
                        at = p;
                    }
                    out.reverse();
                    return Some(out);
                }
                if visited.insert(j) {
                    prev.insert(j, (i, c));
                    queue.push_back(j);
                }
            }
        }
        None
    }

    /// Random executions with the plan's odds.
    fn walks(
        &mut self,
        start: &World,
        walks: u64,
        seed: u64,
        progress: &mut dyn FnMut(&Progress) -> bool,
    ) -> Result<(), Box<Diagnostic>> {
        for n in 0..walks {
            let mut w = start.clone();
            let mut sched = Sched::random(seed.wrapping_add(n));
            let mut emitted = self.before.clone();
            let answers = self.answers(&emitted)?;
            let mut held = self.held_bits(&answers, 0);
            self.nodes.clear();
            self.nodes.push(Node {
                parent: None,
                choice: None,
                before: Box::default(),
                depth: 0,
                faults: 0,
                world: None,
                emitted: emitted.clone(),
                ehash: 0,
                held,
                key: 0,
                sleep: Box::default(),
            });
            self.judge_state(0, &answers);
            let mut depth = 0;
            loop {
                let Some(c) = sched.pick(&w) else {
                    self.finals.insert(w.fingerprint());
                    let last = self.nodes.len() - 1;
                    self.judge_final(last, &w, held);
                    break;
                };
                if depth >= self.opts.max_depth {
                    self.report.incomplete = Some(format!(
                        "random walks stop after {} steps (raise --max-depth)",
                        self.opts.max_depth
                    ));
                    break;
                }
                let events = w.apply(&c);
                depth += 1;
                self.report.transitions += 1;
                push_emits(&mut emitted, &events);
                let answers = self.answers(&emitted)?;
                held = self.held_bits(&answers, held);
                let parent = self.nodes.len() - 1;
                let faults =
                    self.nodes.get(parent).map_or(0, |p| p.faults) + usize::from(c.is_fault());
                self.nodes.push(Node {
                    parent: Some(parent),
                    choice: Some(c),
                    before: Box::default(),
                    depth,
                    faults,
                    world: None,
                    emitted: emitted.clone(),
                    ehash: 0,
                    held,
                    key: 0,
                    sleep: Box::default(),
                });
                let me = self.nodes.len() - 1;
                if let Some(c) = self.nodes.get(me).and_then(|n| n.choice.clone()) {
                    self.judge_events(me - 1, &[], &c, &events);
                }
                self.judge_state(me, &answers);
                self.report.states += 1;
            }
            self.report.executions += 1;
            self.report.max_depth = self.report.max_depth.max(depth);
            if !progress(&Progress {
                states: self.report.states,
                executions: self.report.executions,
                depth,
            }) {
                self.report.incomplete = Some("stopped by the user".into());
                break;
            }
        }
        if self.report.incomplete.is_none() {
            self.report.incomplete = Some(format!("{walks} random executions, not every one"));
        }
        Ok(())
    }

    /// The shortest of `ex` and the other executions kept for `goal`,
    /// each shortened (see `shrink`): the fewest faults, then the fewest
    /// steps. A lasso stays as it is.
    fn shorten(&mut self, ex: Execution, goal: Goal) -> Execution {
        if ex.cycle_from.is_some() {
            return self.shorten_lasso(ex, goal);
        }
        let others = self.others.remove(&goal).unwrap_or_default();
        let mut best = self.shorten_one(ex, goal);
        for other in others {
            let o = self.shorten_one(other, goal);
            if !o.why.is_empty() && (o.faults, o.choices.len()) < (best.faults, best.choices.len())
            {
                best = o;
            }
        }
        best
    }

    /// Whether the first execution found for a finding is the one with the
    /// fewest faults, then the fewest steps, of all: the default search, in
    /// one worker, with no reduction.
    fn exact(&self) -> bool {
        self.opts.strategy == Strategy::Bfs && !self.opts.reduce && !self.worker
    }

    /// A lasso with its way to the cycle shortened: steps are left out of
    /// the stem while what is left still reaches a state of the cycle,
    /// and the cycle from there, its message ids renamed for the new
    /// stem, comes back to it. The cycle keeps its steps (it may start at
    /// another of its states).
    fn shorten_lasso(&mut self, ex: Execution, goal: Goal) -> Execution {
        let (Goal::Prop(k), Some(from)) = (goal, ex.cycle_from) else {
            return ex;
        };
        let mask = self.eventually_bit(k);
        let (stem, cycle) = ex.choices.split_at(from.min(ex.choices.len()));
        let mut r = LassoReplayer {
            search: self,
            mask,
            entries: vec![],
            renamed: None,
        };
        // The state the cycle starts from, as the found stem reaches it.
        let mut s = super::shrink::Replay::start(&mut r);
        for c in stem {
            if !matches!(r.take(&mut s, c), Some(Ok(()))) {
                return ex;
            }
        }
        // Every state of the cycle, each with the cycle as it runs from
        // there: the rest of one lap, then the start of the next (renamed:
        // the second lap's messages have ids of their own).
        let mut lap = vec![s.clone()];
        for c in cycle {
            let mut t = lap.last().cloned().unwrap_or_else(|| s.clone());
            if !matches!(r.take(&mut t, c), Some(Ok(()))) {
                return ex;
            }
            lap.push(t);
        }
        let first = Entry::of(&s);
        let Some(next) = lap
            .last()
            .and_then(|end| rename(&first, cycle, &Entry::of(end)))
        else {
            return ex;
        };
        r.entries = lap
            .iter()
            .take(cycle.len())
            .enumerate()
            .map(|(j, t)| {
                let rest = cycle.iter().skip(j).chain(next.iter().take(j));
                (Entry::of(t), rest.cloned().collect())
            })
            .collect();
        let Some((short, _)) = super::shrink::shrink(&mut r, stem.to_vec()) else {
            return ex;
        };
        if short.len() >= from {
            return ex;
        }
        // The cycle renamed for the stem kept (the shrinker also tried
        // stems it dropped): replay it once more.
        let mut s = super::shrink::Replay::start(&mut r);
        r.renamed = None;
        for c in &short {
            let _ = super::shrink::Replay::step(&mut r, &mut s, c);
        }
        let Some(renamed) = r.renamed.take() else {
            return ex;
        };
        let mut choices = short;
        let from = choices.len();
        choices.extend(renamed);
        Execution {
            faults: faults_in(&choices),
            choices,
            cycle_from: Some(from),
            why: ex.why,
        }
    }

    /// The bit of eventually-property `k` in a state's `held`.
    fn eventually_bit(&self, k: usize) -> u64 {
        let before = self
            .props
            .iter()
            .take(k)
            .filter(|p| p.kind == PropKind::Eventually)
            .count();
        1u64 << before.min(63)
    }

    fn shorten_one(&mut self, ex: Execution, goal: Goal) -> Execution {
        let mut r = Replayer { search: self, goal };
        match super::shrink::shrink(&mut r, ex.choices.clone()) {
            Some((choices, why)) => Execution {
                faults: faults_in(&choices),
                choices,
                cycle_from: None,
                why,
            },
            None => ex,
        }
    }

    fn finish(mut self) -> Report {
        // The reduction may put steps the finding does not need into it.
        let full = self.exact();
        self.report.chosen = match (&self.opts.strategy, full) {
            (_, true) => "the fewest faults, then the fewest steps",
            (Strategy::Bfs, false) => {
                "the fewest faults, then shortened until no step can be left out"
            }
            _ => "the first one found, shortened until no step can be left out",
        };
        if !full {
            for k in 0..self.props.len() {
                if let Some((status, Some(ex))) = self.found.remove(&k) {
                    let ex = self.shorten(ex, Goal::Prop(k));
                    self.found.insert(k, (status, Some(ex)));
                }
            }
            for c in self.opts.checks.clone() {
                if let Some(ex) = self.checks.remove(&c) {
                    let ex = self.shorten(ex, Goal::Check(c));
                    self.checks.insert(c, ex);
                }
            }
        }
        self.report.final_states = self.finals.len() as u64;
        let mut finals: Vec<u128> = self.finals.iter().copied().collect();
        finals.sort_unstable();
        self.report.finals = finals;
        let mut findings = vec![];
        for (k, p) in self.props.iter().enumerate() {
            let (status, execution) = match self.found.remove(&k) {
                Some(f) => f,
                None if p.kind == PropKind::Sometimes => (Status::Never, None),
                None => (Status::Holds, None),
            };
            findings.push(Finding {
                name: p.name.clone(),
                kind: p.kind.name(),
                status,
                execution,
            });
        }
        for c in &self.opts.checks {
            let execution = self.checks.remove(c);
            findings.push(Finding {
                name: c.name().into(),
                kind: "check",
                status: if execution.is_some() {
                    Status::Violated
                } else {
                    Status::Holds
                },
                execution,
            });
        }
        self.report.findings = findings;
        self.report
    }
}

/// Replays executions for the shrinker and judges `goal` on them.
struct Replayer<'s, 'a> {
    search: &'s mut Search<'a>,
    goal: Goal,
}

impl Replayer<'_, '_> {
    /// The property's answer on `emitted`: `Ok(Some(why))` when it shows
    /// the finding, `Err` when the execution can no longer show it.
    fn judge(&mut self, emitted: &imbl::Vector<Term>) -> Option<Result<Option<String>, ()>> {
        let Goal::Prop(k) = self.goal else {
            return Some(Ok(None));
        };
        let a = *self.search.answers(emitted).ok()?.get(k)?;
        let p = self.search.props.get(k)?;
        // An eventually-property that held is not violated here.
        if p.kind == PropKind::Eventually && a {
            return Some(Err(()));
        }
        Some(Ok(shown(p, a).map(|(_, why)| why)))
    }
}

impl super::shrink::Replay for Replayer<'_, '_> {
    type State = (World, imbl::Vector<Term>);

    fn start(&mut self) -> Self::State {
        (self.search.start.clone(), self.search.before.clone())
    }

    fn world<'s>(&self, s: &'s Self::State) -> &'s World {
        &s.0
    }

    fn step(&mut self, s: &mut Self::State, c: &Choice) -> Option<Result<Option<String>, ()>> {
        if !s.0.enabled().contains(c) {
            return None;
        }
        let events = s.0.apply(c);
        push_emits(&mut s.1, &events);
        if self.goal == Goal::Check(Check::NoCrash) {
            if let Some(why) = abnormal_exit(&events) {
                return Some(Ok(Some(why)));
            }
        }
        let emitted = s.1.clone();
        self.judge(&emitted)
    }

    fn end(&mut self, s: &Self::State) -> Option<String> {
        if s.0.enabled().iter().any(|c| !c.is_fault()) {
            return None;
        }
        match self.goal {
            Goal::Prop(k) => {
                let p = self.search.props.get(k)?;
                (p.kind == PropKind::Eventually).then(|| never_held(&p.name))
            }
            Goal::Check(c) => final_check(c, &s.0),
        }
    }
}

/// The state a lasso's cycle starts from: its key, its messages in flight
/// in the fingerprint's order, and how many messages were made before it.
struct Entry {
    key: u128,
    in_flight: Vec<u64>,
    made: u64,
}

impl Entry {
    fn of(s: &(World, imbl::Vector<Term>, u64)) -> Entry {
        Entry {
            key: state_key(&s.0, hash_emitted(&s.1), s.2),
            in_flight: s.0.network.in_order().collect(),
            made: s.0.messages_made(),
        }
    }
}

/// Replays a lasso's stem for the shrinker: the finding shows at any state
/// of the cycle, where the cycle from there, renamed, comes back to it.
struct LassoReplayer<'s, 'a> {
    search: &'s mut Search<'a>,
    /// The eventually-property's bit in `held`.
    mask: u64,
    /// Each state of the cycle, with the cycle as it runs from there.
    entries: Vec<(Entry, Vec<Choice>)>,
    /// The cycle as it runs from the last state it came back to.
    renamed: Option<Vec<Choice>>,
}

impl LassoReplayer<'_, '_> {
    /// Takes `c`: `None` when it is not enabled, `Err` when the property
    /// held (no lasso goes on from there).
    fn take(
        &mut self,
        s: &mut (World, imbl::Vector<Term>, u64),
        c: &Choice,
    ) -> Option<Result<(), ()>> {
        if !s.0.enabled().contains(c) {
            return None;
        }
        let events = s.0.apply(c);
        push_emits(&mut s.1, &events);
        let answers = self.search.answers(&s.1).ok()?;
        s.2 = self.search.held_bits(&answers, s.2);
        Some(if s.2 & self.mask == 0 {
            Ok(())
        } else {
            Err(())
        })
    }

    /// A cycle renamed for `s`, if `s` is one of the cycle's states and
    /// the cycle from there, renamed, comes back to it.
    fn closes(&mut self, s: &(World, imbl::Vector<Term>, u64)) -> Option<Vec<Choice>> {
        let here = Entry::of(s);
        let found: Vec<(u128, Vec<Choice>)> = self
            .entries
            .iter()
            .filter(|(e, _)| e.key == here.key)
            .filter_map(|(e, cycle)| Some((e.key, rename(e, cycle, &here)?)))
            .collect();
        for (key, renamed) in found {
            let mut t = s.clone();
            let lap = renamed
                .iter()
                .all(|c| matches!(self.take(&mut t, c), Some(Ok(()))));
            if lap && state_key(&t.0, hash_emitted(&t.1), t.2) == key {
                return Some(renamed);
            }
        }
        None
    }
}

/// `cycle`, which runs from `from`, with its message ids renamed to run
/// from `to`, a state with the same fingerprint: a message in flight by
/// its place in the fingerprint's order, a message the cycle makes by how
/// many were made before it.
fn rename(from: &Entry, cycle: &[Choice], to: &Entry) -> Option<Vec<Choice>> {
    if from.in_flight.len() != to.in_flight.len() {
        return None;
    }
    let names: HashMap<u64, u64> = from
        .in_flight
        .iter()
        .copied()
        .zip(to.in_flight.iter().copied())
        .collect();
    let rename = |m: u64| {
        if m > from.made {
            Some(m - from.made + to.made)
        } else {
            names.get(&m).copied()
        }
    };
    cycle
        .iter()
        .map(|c| super::shrink::with_id(c, rename))
        .collect()
}

impl super::shrink::Replay for LassoReplayer<'_, '_> {
    type State = (World, imbl::Vector<Term>, u64);

    fn start(&mut self) -> Self::State {
        let before = self.search.before.clone();
        let held = self
            .search
            .answers(&before)
            .map_or(0, |a| self.search.held_bits(&a, 0));
        (self.search.start.clone(), before, held)
    }

    fn world<'s>(&self, s: &'s Self::State) -> &'s World {
        &s.0
    }

    fn step(&mut self, s: &mut Self::State, c: &Choice) -> Option<Result<Option<String>, ()>> {
        if self.take(s, c)?.is_err() {
            return Some(Err(()));
        }
        match self.closes(s) {
            Some(renamed) => {
                self.renamed = Some(renamed);
                Some(Ok(Some(String::new())))
            }
            None => Some(Ok(None)),
        }
    }

    fn end(&mut self, _: &Self::State) -> Option<String> {
        None
    }
}

/// The reports of searches that split one search between workers, in
/// the workers' order, as one: counts add up, final states are merged, and
/// each property takes the first worker's finding (random walks split in
/// order, so this is the finding one worker alone would report).
pub fn merge(reports: Vec<Report>) -> Report {
    merge_with(reports, |mine, theirs| {
        // Violated and witnessed keep the first worker's execution.
        let decided = matches!(mine.status, Status::Violated)
            || (mine.status == Status::Witnessed && theirs.status != Status::Violated);
        !decided && rank(&theirs.status) > rank(&mine.status)
    })
}

/// Why the step's `events` break `no-crash`: a process that ended with an
/// abnormal reason (an injected crash aside).
pub(super) fn abnormal_exit(events: &[crate::world::event::Event]) -> Option<String> {
    events.iter().find_map(|e| match &e.kind {
        Kind::Exit { reason } if !reason.is_atom("normal") && !reason.is_atom("crashed") => {
            Some(format!(
                "{} ended with reason {}",
                crate::world::event::pid_text(e.proc),
                reason
            ))
        }
        _ => None,
    })
}

/// Why final world `w` breaks `no-deadlock` or `no-leftover`, if it does.
pub(super) fn final_check(check: Check, w: &World) -> Option<String> {
    match check {
        Check::NoCrash => None,
        Check::NoDeadlock => {
            let waiting: Vec<String> = w
                .procs
                .iter()
                .filter(|(pid, p)| {
                    matches!(
                        p.status,
                        crate::world::Status::Waiting {
                            sleeping: false,
                            ..
                        }
                    ) && !p.idle
                        && Some(**pid) != w.shell
                })
                .map(|(pid, _)| crate::world::event::pid_text(*pid))
                .collect();
            (!waiting.is_empty()).then(|| {
                format!(
                    "nothing can happen and {} {} in receive (pidlab:idle() marks a server that may wait forever)",
                    waiting.join(", "),
                    if waiting.len() == 1 { "waits" } else { "wait" }
                )
            })
        }
        Check::NoLeftover => {
            let left: Vec<String> = w
                .procs
                .iter()
                .filter(|(_, p)| !p.process.mailbox.is_empty())
                .map(|(pid, p)| {
                    format!(
                        "{} has {} unreceived",
                        crate::world::event::pid_text(*pid),
                        p.process.mailbox.len()
                    )
                })
                .collect();
            (!left.is_empty()).then(|| format!("the execution ends and {}", left.join(", ")))
        }
    }
}

/// Strongly connected components of the graph on `nodes` given by `succ`.
fn tarjan(nodes: &[usize], succ: impl Fn(usize) -> Vec<usize>) -> Vec<Vec<usize>> {
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut low: HashMap<usize, usize> = HashMap::new();
    let mut on_stack: HashSet<usize> = HashSet::new();
    let mut stack: Vec<usize> = vec![];
    let mut out = vec![];
    let mut counter = 0;
    for &root in nodes {
        if index.contains_key(&root) {
            continue;
        }
        // (node, its successors, next successor to look at)
        let mut work: Vec<(usize, Vec<usize>, usize)> = vec![(root, succ(root), 0)];
        index.insert(root, counter);
        low.insert(root, counter);
        counter += 1;
        stack.push(root);
        on_stack.insert(root);
        while let Some((v, ws, at)) = work.last_mut() {
            let v = *v;
            if let Some(&w) = ws.get(*at) {
                *at += 1;
                if let std::collections::hash_map::Entry::Vacant(slot) = index.entry(w) {
                    slot.insert(counter);
                    low.insert(w, counter);
                    counter += 1;
                    stack.push(w);
                    on_stack.insert(w);
                    let next = succ(w);
                    work.push((w, next, 0));
                } else if on_stack.contains(&w) {
                    let lw = index.get(&w).copied().unwrap_or(0);
                    if let Some(lv) = low.get_mut(&v) {
                        *lv = (*lv).min(lw);
                    }
                }
                continue;
            }
            work.pop();
            let lv = low.get(&v).copied().unwrap_or(0);
            if let Some((parent, _, _)) = work.last() {
                if let Some(lp) = low.get_mut(parent) {
                    *lp = (*lp).min(lv);
                }
            }
            if index.get(&v) == Some(&lv) {
                let mut comp = vec![];
                while let Some(x) = stack.pop() {
                    on_stack.remove(&x);
                    comp.push(x);
                    if x == v {
                        break;
                    }
                }
                out.push(comp);
            }
        }
    }
    out
}
