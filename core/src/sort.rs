//! Sorting through one sort routine in the WebAssembly build.
//!
//! Every `sort_by`/`sort_by_key` call site instantiates the standard library's sort
//! afresh (2-4 KB of WebAssembly each, about 90 KB over the crate). On `wasm32` these
//! helpers sort a permutation of indices with one shared instance (a comparator behind
//! `dyn`) and then move the elements into place: the order is that of the stable
//! `sort_by` (equal elements keep their order). Elsewhere they are the standard sorts.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (as `slice::sort_by`).
#[cfg(not(target_family = "wasm"))]
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    v.sort_by(cmp);
}

/// Sorts `v` by `cmp`, stably (as `slice::sort_by`), through [`compact_sort_by`].
#[cfg(target_family = "wasm")]
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    compact_sort_by(v, cmp);
}

/// Sorts `v` by the key `f`, stably (as `slice::sort_by_key`).
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in ascending order, stably (as `slice::sort`).
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` in ascending order where equal elements are indistinguishable (integers,
/// strings, tuples of them): `slice::sort_unstable` natively, [`sort`] on `wasm32`
/// (the same result, as equal elements cannot be told apart).
pub(crate) fn sort_unstable<T: Ord>(v: &mut [T]) {
    #[cfg(not(target_family = "wasm"))]
    v.sort_unstable();
    #[cfg(target_family = "wasm")]
    sort(v);
}

/// Sorts `v` by the key `f`, computed once per element, stably (as
/// `slice::sort_by_cached_key`).
pub(crate) fn sort_by_cached_key<T, K: Ord>(v: &mut [T], f: impl FnMut(&T) -> K) {
    #[cfg(not(target_family = "wasm"))]
    v.sort_by_cached_key(f);
    #[cfg(target_family = "wasm")]
    if v.len() >= 2 {
        let keys: Vec<K> = v.iter().map(f).collect();
        let order = permutation(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]));
        apply(v, &order);
    }
}

/// The stable sort by `cmp` that instantiates the standard sort once for the whole
/// program: the permutation is sorted by a comparator behind `dyn`, then applied.
#[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
pub(crate) fn compact_sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        permutation(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
    };
    apply(v, &order);
}

/// `0..n` sorted stably by `cmp` on indices (the one instance of the standard sort).
#[inline(never)]
#[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
fn permutation(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges `v` so that its element `k` is the former element `order[k]`, following
/// each cycle of the permutation with swaps (linear time).
#[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
fn apply<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        let mut at = start;
        while !done[at] {
            done[at] = true;
            let next = order[at];
            if next == start {
                break;
            }
            v.swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_sort_is_the_stable_sort() {
        // Pairs compared by their first element only: stability is visible in the second.
        let mut seed = 0x2545_f491_u32;
        for len in 0..200 {
            let mut v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    ((seed % 7) as u8, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|a| a.0);
            compact_sort_by(&mut v, |a, b| a.0.cmp(&b.0));
            assert_eq!(v, expected, "len {len}");
        }
        let mut words = vec!["pear", "fig", "apple", "fig", "kiwi"];
        compact_sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["pear", "kiwi", "fig", "fig", "apple"]);
    }
}
