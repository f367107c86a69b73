//! An ordered map that holds its first few entries inside itself, sorted,
//! and moves them into a B-tree when it outgrows that room.
//!
//! The explorer copies a world at every step, and a world's small tables
//! (the processes that can run, the messages in flight and their pairs)
//! each cost an allocation and a free per copy as B-trees. Held inline
//! while small, a copy is a plain copy of a few words. Lookups in the
//! inline part are a binary search over at most `N` entries; once the map
//! has outgrown them it stays a B-tree, so a large run keeps the B-tree's
//! costs however its tables shrink and grow.
//!
//! Iteration is in key order and `Hash` writes the length and then each
//! entry, as `BTreeMap` does, so two maps with the same entries hash the
//! same whichever way they hold them.

use smallvec::SmallVec;
use std::collections::BTreeMap;

#[derive(Clone, Debug)]
pub enum SmallMap<K, V, const N: usize> {
    /// Sorted by key, without repeats.
    Inline(SmallVec<[(K, V); N]>),
    Tree(BTreeMap<K, V>),
}

impl<K, V, const N: usize> Default for SmallMap<K, V, N> {
    fn default() -> Self {
        SmallMap::Inline(SmallVec::new())
    }
}

impl<K: Ord, V, const N: usize> SmallMap<K, V, N> {
    pub fn len(&self) -> usize {
        match self {
            SmallMap::Inline(v) => v.len(),
            SmallMap::Tree(t) => t.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn find(v: &[(K, V)], k: &K) -> Result<usize, usize> {
        v.binary_search_by(|(x, _)| x.cmp(k))
    }

    pub fn get(&self, k: &K) -> Option<&V> {
        match self {
            SmallMap::Inline(v) => Self::find(v, k).ok().and_then(|i| v.get(i)).map(|e| &e.1),
            SmallMap::Tree(t) => t.get(k),
        }
    }

    pub fn get_mut(&mut self, k: &K) -> Option<&mut V> {
        match self {
            SmallMap::Inline(v) => match Self::find(v, k) {
                Ok(i) => v.get_mut(i).map(|e| &mut e.1),
                Err(_) => None,
            },
            SmallMap::Tree(t) => t.get_mut(k),
        }
    }

    pub fn contains_key(&self, k: &K) -> bool {
        self.get(k).is_some()
    }

    /// Makes room for `k`: a full inline map without it becomes a tree.
    fn room_for(&mut self, k: &K) {
        if let SmallMap::Inline(v) = self {
            if v.len() == N && Self::find(v, k).is_err() {
                let full = std::mem::take(v);
                *self = SmallMap::Tree(full.into_iter().collect());
            }
        }
    }

    /// The value at `k`, put there by `make` if there was none.
    pub fn get_or_insert_with(&mut self, k: K, make: impl FnOnce() -> V) -> &mut V {
        self.room_for(&k);
        match self {
            SmallMap::Inline(v) => {
                let i = Self::find(v, &k).unwrap_or_else(|i| {
                    v.insert(i, (k, make()));
                    i
                });
                let e = v.get_mut(i).expect("found or just inserted at i");
                &mut e.1
            }
            SmallMap::Tree(t) => t.entry(k).or_insert_with(make),
        }
    }

    /// Puts `value` at `k`, giving back the value it replaces.
    pub fn insert(&mut self, k: K, value: V) -> Option<V> {
        self.room_for(&k);
        match self {
            SmallMap::Inline(v) => match Self::find(v, &k) {
                Ok(i) => v.get_mut(i).map(|e| std::mem::replace(&mut e.1, value)),
                Err(i) => {
                    v.insert(i, (k, value));
                    None
                }
            },
            SmallMap::Tree(t) => t.insert(k, value),
        }
    }

    pub fn remove(&mut self, k: &K) -> Option<V> {
        match self {
            SmallMap::Inline(v) => match Self::find(v, k) {
                Ok(i) => Some(v.remove(i).1),
                Err(_) => None,
            },
            SmallMap::Tree(t) => t.remove(k),
        }
    }

    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        match self {
            SmallMap::Inline(v) => Iter::Inline(v.iter()),
            SmallMap::Tree(t) => Iter::Tree(t.iter()),
        }
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> {
        self.iter().map(|(_, v)| v)
    }
}

/// The entries of a `SmallMap`, in key order.
pub enum Iter<'a, K, V> {
    Inline(std::slice::Iter<'a, (K, V)>),
    Tree(std::collections::btree_map::Iter<'a, K, V>),
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    fn next(&mut self) -> Option<(&'a K, &'a V)> {
        match self {
            Iter::Inline(i) => i.next().map(|(k, v)| (k, v)),
            Iter::Tree(i) => i.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Iter::Inline(i) => i.size_hint(),
            Iter::Tree(i) => i.size_hint(),
        }
    }
}

impl<K, V> DoubleEndedIterator for Iter<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match self {
            Iter::Inline(i) => i.next_back().map(|(k, v)| (k, v)),
            Iter::Tree(i) => i.next_back(),
        }
    }
}

impl<'a, K: Ord, V, const N: usize> IntoIterator for &'a SmallMap<K, V, N> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Iter<'a, K, V> {
        self.iter()
    }
}

impl<K: Ord + std::hash::Hash, V: std::hash::Hash, const N: usize> std::hash::Hash
    for SmallMap<K, V, N>
{
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.len().hash(h);
        for e in self {
            e.hash(h);
        }
    }
}

/// A set kept as a `SmallMap` with nothing in its values.
#[derive(Clone, Debug, Hash)]
pub struct SmallSet<K: Ord, const N: usize>(SmallMap<K, (), N>);

impl<K: Ord, const N: usize> Default for SmallSet<K, N> {
    fn default() -> Self {
        SmallSet(SmallMap::default())
    }
}

impl<K: Ord, const N: usize> SmallSet<K, N> {
    /// Adds `k`; true when it was not there.
    pub fn insert(&mut self, k: K) -> bool {
        self.0.insert(k, ()).is_none()
    }

    /// Takes `k` out; true when it was there.
    pub fn remove(&mut self, k: &K) -> bool {
        self.0.remove(k).is_some()
    }

    /// The members in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &K> {
        self.0.keys()
    }
}

impl<'a, K: Ord, const N: usize> IntoIterator for &'a SmallSet<K, N> {
    type Item = &'a K;
    type IntoIter = std::iter::Map<Iter<'a, K, ()>, fn((&'a K, &'a ())) -> &'a K>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, _)| k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the operations, the map holds what a `BTreeMap` fed
        /// the same holds, in the same order, and hashes alike.
        #[test]
        fn a_small_map_behaves_as_a_b_tree(ops in proptest::collection::vec((0u8..3, 0u16..24, any::<u8>()), 0..80)) {
            let mut small: SmallMap<u16, u8, 4> = SmallMap::default();
            let mut tree: BTreeMap<u16, u8> = BTreeMap::new();
            for (op, k, v) in ops {
                match op {
                    0 => prop_assert_eq!(small.insert(k, v), tree.insert(k, v)),
                    1 => prop_assert_eq!(small.remove(&k), tree.remove(&k)),
                    _ => {
                        *small.get_or_insert_with(k, || v) ^= 1;
                        *tree.entry(k).or_insert(v) ^= 1;
                    }
                }
                prop_assert_eq!(small.len(), tree.len());
                prop_assert_eq!(small.get(&k), tree.get(&k));
                let a: Vec<_> = small.iter().collect();
                let b: Vec<_> = tree.iter().collect();
                prop_assert_eq!(a, b);
                let rev: Vec<_> = small.keys().rev().collect();
                let trev: Vec<_> = tree.keys().rev().collect();
                prop_assert_eq!(rev, trev);
                let hash = |x: &dyn Fn(&mut std::collections::hash_map::DefaultHasher)| {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    x(&mut h);
                    std::hash::Hasher::finish(&h)
                };
                prop_assert_eq!(
                    hash(&|h| std::hash::Hash::hash(&small, h)),
                    hash(&|h| std::hash::Hash::hash(&tree, h))
                );
            }
        }
    }

    #[test]
    fn a_map_that_outgrows_its_room_becomes_a_tree_and_stays_one() {
        let mut m: SmallMap<u32, u32, 2> = SmallMap::default();
        m.insert(3, 0);
        m.insert(1, 0);
        assert!(matches!(m, SmallMap::Inline(_)));
        m.insert(2, 0);
        assert!(matches!(m, SmallMap::Tree(_)));
        m.remove(&1);
        m.remove(&2);
        assert!(matches!(m, SmallMap::Tree(_)));
        assert_eq!(m.keys().copied().collect::<Vec<_>>(), vec![3]);
    }
}
