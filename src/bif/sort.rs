//! The sorts of `lists` that call no funs: `sort/1`, `usort/1`,
//! `keysort/2` and `ukeysort/2`, with OTP 25's results for terms that
//! compare equal but differ (`1` and `1.0`).
//!
//! OTP sorts in two phases. It first cuts the input into runs, scanning
//! left to right and keeping the two largest (or smallest) elements of the
//! current run at hand, so a run may take elements that are not adjacent
//! in the input, and a descending run may put equal elements in reverse
//! order. It then merges the runs pairwise, which is stable: on a tie the
//! element of the earlier run comes first (and, when removing duplicates,
//! stays). So the result is the runs, concatenated in the order they were
//! made, sorted stably (and deduplicated keeping the first of each group).
//! Here the first phase follows OTP's decisions exactly and the second is
//! Rust's stable sort, which finds the runs again in linear time.
//!
//! Everything works on indices into the input, with `le(i, j)` as
//! "element i's key `=<` element j's key". Never calls funs: `sort/2` and
//! its kin are in the prelude.

use std::cmp::Ordering;

/// Whether an element equal to the top of a descending run extends it
/// (`sort/1`: yes, `keysort/2`: no, which keeps keysort stable).
#[derive(Clone, Copy)]
pub enum Descending {
    TakesEqual,
    Strict,
}

/// A run being built: `low` holds the elements below the two at hand,
/// in the order they were set aside.
struct Run {
    low: Vec<usize>,
    x: usize,
    y: usize,
}

impl Run {
    fn new(x: usize, y: usize) -> Run {
        Run { low: vec![], x, y }
    }

    /// The run in ascending order. An ascending run keeps `x =< y` with
    /// `low` below `x` in push order; a descending one keeps `y =< x` with
    /// `low` above `x`, the latest pushed nearest to it.
    fn finish(self, ascending: bool) -> Vec<usize> {
        let mut v = self.low;
        if ascending {
            v.push(self.x);
            v.push(self.y);
        } else {
            v.push(self.x);
            v.push(self.y);
            v.reverse();
        }
        v
    }
}

/// The order of `sort/1` and `keysort/2` as a permutation of `0..n`.
/// `cmp` compares keys; `same(i, j)` is `==` on the whole elements.
pub fn sort_order(
    n: usize,
    cmp: impl Fn(usize, usize) -> Ordering,
    same: impl Fn(usize, usize) -> bool,
    desc: Descending,
) -> Vec<usize> {
    let le = |a, b| cmp(a, b) != Ordering::Greater;
    match n {
        0 | 1 => return (0..n).collect(),
        2 => return if le(0, 1) { vec![0, 1] } else { vec![1, 0] },
        3 if le(0, 1) => {
            return if le(1, 2) {
                vec![0, 1, 2]
            } else if le(0, 2) {
                vec![0, 2, 1]
            } else {
                vec![2, 0, 1]
            }
        }
        3 => {
            return if le(0, 2) {
                vec![1, 0, 2]
            } else if le(1, 2) {
                vec![1, 2, 0]
            } else {
                vec![2, 1, 0]
            }
        }
        _ => {}
    }
    // A leading stretch of equal elements joins the first run.
    let mut i = 1;
    let mut first = Vec::new();
    if le(0, 1) && same(0, 1) {
        while i < n && same(i - 1, i) {
            first.push(i - 1);
            i += 1;
        }
        if i == n {
            return (0..n).collect();
        }
    }
    let ascending = le(i - 1, i);
    // `after(a, b)`: b may go on the far side of a in the run's direction.
    let after = |a: usize, b: usize| {
        if ascending {
            le(a, b)
        } else {
            match desc {
                Descending::TakesEqual => le(b, a),
                Descending::Strict => !le(a, b),
            }
        }
    };
    let mut runs = Vec::new();
    let mut aside: Option<usize> = None;
    let mut cur = Run {
        low: first,
        x: i - 1,
        y: i,
    };
    for z in i + 1..n {
        if after(cur.y, z) {
            cur.low.push(cur.x);
            cur.x = cur.y;
            cur.y = z;
        } else if after(cur.x, z) {
            cur.low.push(cur.x);
            cur.x = z;
        } else if let Some(s) = aside.take() {
            // z ends the run; s and z start the next one.
            let s_first = if ascending { le(s, z) } else { !le(s, z) };
            let next = if s_first {
                Run::new(s, z)
            } else {
                Run::new(z, s)
            };
            runs.push(std::mem::replace(&mut cur, next).finish(ascending));
        } else if cur.low.is_empty() {
            cur.low.push(z);
        } else {
            aside = Some(z);
        }
    }
    runs.push(cur.finish(ascending));
    runs.extend(aside.map(|s| vec![s]));
    if !ascending && matches!(desc, Descending::TakesEqual) {
        // sort/1 merges the runs of a descending start latest first, so
        // on a tie the later run wins.
        runs.reverse();
    }
    merge_runs(runs, n, &cmp, false)
}

/// The runs, concatenated in the order they were made, sorted stably;
/// with `unique`, only the first of each group of equal elements stays.
fn merge_runs(
    runs: Vec<Vec<usize>>,
    n: usize,
    cmp: &impl Fn(usize, usize) -> Ordering,
    unique: bool,
) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(n);
    for r in runs {
        order.extend(r);
    }
    order.sort_by(|&a, &b| cmp(a, b));
    if unique {
        order.dedup_by(|b, a| cmp(*a, *b) == Ordering::Equal);
    }
    order
}

/// Cuts `start..n` into strictly monotonic runs, dropping an element equal
/// to one of the three it is compared with (`usort/1`'s and, ascending,
/// `ukeysort/2`'s first phase). `runs` holds runs already made.
fn usplit(
    mut runs: Vec<Vec<usize>>,
    mut cur: Run,
    start: usize,
    n: usize,
    ascending: bool,
    cmp: &impl Fn(usize, usize) -> Ordering,
) -> Vec<usize> {
    let beyond = |a: usize, b: usize| {
        cmp(a, b)
            == if ascending {
                Ordering::Less
            } else {
                Ordering::Greater
            }
    };
    let eq = |a: usize, b: usize| cmp(a, b) == Ordering::Equal;
    let mut aside: Option<usize> = None;
    for z in start..n {
        if beyond(cur.y, z) {
            cur.low.push(cur.x);
            cur.x = cur.y;
            cur.y = z;
        } else if eq(cur.y, z) {
        } else if beyond(cur.x, z) {
            cur.low.push(cur.x);
            cur.x = z;
        } else if eq(cur.x, z) {
        } else if let Some(s) = aside {
            if eq(s, z) {
                continue;
            }
            let next = if beyond(s, z) {
                Run::new(s, z)
            } else {
                Run::new(z, s)
            };
            runs.push(std::mem::replace(&mut cur, next).finish(ascending));
            aside = None;
        } else if cur.low.is_empty() {
            cur.low.push(z);
        } else {
            aside = Some(z);
        }
    }
    runs.push(cur.finish(ascending));
    runs.extend(aside.map(|s| vec![s]));
    merge_runs(runs, n, cmp, true)
}

/// The elements `usort/1` keeps, in order; `cmp` compares whole elements.
pub fn usort_order(n: usize, cmp: impl Fn(usize, usize) -> Ordering) -> Vec<usize> {
    use Ordering::{Equal, Greater, Less};
    if n < 2 {
        return (0..n).collect();
    }
    match (cmp(0, 1), n) {
        (Less, 2) => vec![0, 1],
        (Less, 3) => match (cmp(1, 2), cmp(2, 0)) {
            (Less, _) => vec![0, 1, 2],
            (Equal, _) | (_, Equal) => vec![0, 1],
            (_, Less) => vec![2, 0, 1],
            _ => vec![0, 2, 1],
        },
        (Less, _) => usplit(vec![], Run::new(0, 1), 2, n, true, &cmp),
        (Greater, 2) => vec![1, 0],
        (Greater, 3) => match (cmp(0, 2), cmp(2, 1)) {
            (Less, _) => vec![1, 0, 2],
            (Equal, _) | (_, Equal) => vec![1, 0],
            (_, Less) => vec![2, 1, 0],
            _ => vec![1, 2, 0],
        },
        (Greater, _) => usplit(vec![], Run::new(0, 1), 2, n, false, &cmp),
        (Equal, _) => match (2..n).find(|&j| cmp(0, j) != Equal) {
            None => vec![0],
            Some(j) => usplit(vec![], Run::new(0, j), j + 1, n, cmp(0, j) == Less, &cmp),
        },
    }
}

/// The elements `ukeysort/2` keeps, in order; `cmp` compares keys.
pub fn ukeysort_order(n: usize, cmp: impl Fn(usize, usize) -> Ordering) -> Vec<usize> {
    use Ordering::{Equal, Greater, Less};
    if n < 2 {
        return (0..n).collect();
    }
    let (x, j) = match (cmp(0, 1), n) {
        (Equal, _) => match (2..n).find(|&j| cmp(0, j) != Equal) {
            None => return vec![0],
            Some(j) => (0, j),
        },
        (Less, 2) => return vec![0, 1],
        (Less, 3) => {
            return match (cmp(1, 2), cmp(2, 0)) {
                (Equal, _) => vec![0, 1],
                (Less, _) => vec![0, 1, 2],
                (_, Equal) => vec![0, 1],
                (_, Greater) => vec![0, 2, 1],
                _ => vec![2, 0, 1],
            }
        }
        (Greater, 2) => return vec![1, 0],
        (Greater, 3) => {
            return match (cmp(0, 2), cmp(1, 2)) {
                (Equal, _) => vec![1, 0],
                (Less, _) => vec![1, 0, 2],
                (_, Equal) => vec![1, 0],
                (_, Less) => vec![1, 2, 0],
                _ => vec![2, 1, 0],
            }
        }
        _ => (0, 1),
    };
    if cmp(x, j) == Less {
        return usplit(vec![], Run::new(x, j), j + 1, n, true, &cmp);
    }
    // A strictly descending stretch, kept in `desc` from the largest; an
    // element above its smallest ends it as a run and starts an ascending
    // one.
    let mut desc = vec![x];
    let mut y = j;
    for z in j + 1..n {
        match cmp(y, z) {
            Equal => {}
            Greater => {
                desc.push(y);
                y = z;
            }
            Less => {
                desc.reverse();
                return usplit(vec![desc], Run::new(y, z), z + 1, n, true, &cmp);
            }
        }
    }
    desc.push(y);
    desc.reverse();
    desc
}
