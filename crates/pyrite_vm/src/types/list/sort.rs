//! CPython's list sort algorithm (timsort with the powersort merge policy of
//! 3.11), rewritten: runs, binary insertion to `minrun`, galloping merges.
//! Following it exactly makes the sequence of `<` comparisons, and so any
//! side effects of `__lt__`, identical to CPython's.

/// Initial galloping threshold.
const MIN_GALLOP: usize = 7;

/// A pending run: start index, length, and its powersort "power".
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

/// The fallible "less than" used throughout.
type Lt<'a, T, E> = dyn FnMut(&T, &T) -> Result<bool, E> + 'a;

/// Sort `v` stably by `lt` (`Ok(true)` when the first argument must come
/// before the second). On error `v` holds all its elements in some order.
pub fn timsort<T: Clone, E>(v: &mut [T], lt: &mut Lt<'_, T, E>) -> Result<(), E> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState { lt, min_gallop: MIN_GALLOP, pending: Vec::new(), listlen: n };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    while lo < n {
        let (mut run, descending) = count_run(&mut *ms.lt, &v[lo..])?;
        if descending {
            v[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = (n - lo).min(minrun);
            binarysort(&mut *ms.lt, &mut v[lo..lo + force], run)?;
            run = force;
        }
        ms.found_new_run(v, run)?;
        ms.pending.push(Run { base: lo, len: run, power: 0 });
        lo += run;
    }
    ms.force_collapse(v)
}

/// `minrun` for a list of `n` items: 32..=64 so `n / minrun` is close to a power of 2.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Length of the run at the start of `v` and whether it is strictly descending.
fn count_run<T, E>(lt: &mut Lt<'_, T, E>, v: &[T]) -> Result<(usize, bool), E> {
    if v.len() == 1 {
        return Ok((1, false));
    }
    let mut n = 2;
    if lt(&v[1], &v[0])? {
        while n < v.len() && lt(&v[n], &v[n - 1])? {
            n += 1;
        }
        Ok((n, true))
    } else {
        while n < v.len() && !lt(&v[n], &v[n - 1])? {
            n += 1;
        }
        Ok((n, false))
    }
}

/// Binary insertion sort of `v`, whose first `start` items are sorted.
fn binarysort<T: Clone, E>(lt: &mut Lt<'_, T, E>, v: &mut [T], start: usize) -> Result<(), E> {
    for s in start.max(1)..v.len() {
        let pivot = v[s].clone();
        let (mut l, mut r) = (0, s);
        while l < r {
            let p = l + ((r - l) >> 1);
            if lt(&pivot, &v[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v[l..=s].rotate_right(1);
    }
    Ok(())
}

/// Where `key` belongs in sorted `a`, leftmost among equals, searching from `hint`.
fn gallop_left<T, E>(lt: &mut Lt<'_, T, E>, key: &T, a: &[T], hint: usize) -> Result<usize, E> {
    let n = a.len();
    let (mut lastofs, mut ofs) = (0usize, 1usize);
    if lt(&a[hint], key)? {
        // a[hint] < key: gallop right.
        let maxofs = n - hint;
        while ofs < maxofs && lt(&a[hint + ofs], key)? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint + 1;
        ofs += hint;
    } else {
        // key <= a[hint]: gallop left.
        let maxofs = hint + 1;
        while ofs < maxofs && !lt(&a[hint - ofs], key)? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = hint + 1 - ofs;
        ofs = hint - k;
    }
    // a[lastofs-1] < key <= a[ofs]
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(&a[m], key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs)
}

/// Where `key` belongs in sorted `a`, rightmost among equals, searching from `hint`.
fn gallop_right<T, E>(lt: &mut Lt<'_, T, E>, key: &T, a: &[T], hint: usize) -> Result<usize, E> {
    let n = a.len();
    let (mut lastofs, mut ofs) = (0usize, 1usize);
    if lt(key, &a[hint])? {
        // key < a[hint]: gallop left.
        let maxofs = hint + 1;
        while ofs < maxofs && lt(key, &a[hint - ofs])? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = hint + 1 - ofs;
        ofs = hint - k;
    } else {
        // a[hint] <= key: gallop right.
        let maxofs = n - hint;
        while ofs < maxofs && !lt(key, &a[hint + ofs])? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint + 1;
        ofs += hint;
    }
    // a[lastofs-1] <= key < a[ofs]
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(key, &a[m])? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs)
}

/// CPython's `powerloop`: the depth of the boundary between two adjacent
/// runs in the conceptual merge tree.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// How a merge ended.
enum End<E> {
    Done,
    Fail(E),
    /// One element of the copied run is left and belongs at the far end.
    CopyRest,
}

struct MergeState<'a, 'b, T, E> {
    lt: &'a mut Lt<'b, T, E>,
    min_gallop: usize,
    pending: Vec<Run>,
    listlen: usize,
}

impl<T: Clone, E> MergeState<'_, '_, T, E> {
    /// Merge pending runs whose power exceeds the new boundary's.
    fn found_new_run(&mut self, v: &mut [T], n2: usize) -> Result<(), E> {
        let Some(top) = self.pending.last().copied() else { return Ok(()) };
        let power = powerloop(top.base, top.len, n2, self.listlen);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(v, self.pending.len() - 2)?;
        }
        if let Some(last) = self.pending.last_mut() {
            last.power = power;
        }
        Ok(())
    }

    /// Merge everything that is left.
    fn force_collapse(&mut self, v: &mut [T]) -> Result<(), E> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(v, n)?;
        }
        Ok(())
    }

    /// Merge pending runs `i` and `i + 1`.
    fn merge_at(&mut self, v: &mut [T], i: usize) -> Result<(), E> {
        let (a, b) = (self.pending[i], self.pending[i + 1]);
        self.pending[i].len = a.len + b.len;
        self.pending.remove(i + 1);
        let k = gallop_right(&mut *self.lt, &v[b.base], &v[a.base..a.base + a.len], 0)?;
        let (sa, na) = (a.base + k, a.len - k);
        if na == 0 {
            return Ok(());
        }
        let nb = gallop_left(&mut *self.lt, &v[sa + na - 1], &v[b.base..b.base + b.len], b.len - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(v, sa, na, nb)
        } else {
            self.merge_hi(v, sa, na, nb)
        }
    }

    /// Merge `v[sa..sa+na]` with the following `nb` items, `na <= nb`,
    /// copying the first run aside and filling from the left.
    fn merge_lo(&mut self, v: &mut [T], sa: usize, mut na: usize, mut nb: usize) -> Result<(), E> {
        let tmp: Vec<T> = v[sa..sa + na].to_vec();
        let (mut pa, mut pb, mut dest) = (0, sa + na, sa);
        let mut min_gallop = self.min_gallop;
        v[dest] = v[pb].clone();
        dest += 1;
        pb += 1;
        nb -= 1;
        let end = 'merge: loop {
            if nb == 0 {
                break End::Done;
            }
            if na == 1 {
                break End::CopyRest;
            }
            let (mut acount, mut bcount) = (0, 0);
            loop {
                match (self.lt)(&v[pb], &tmp[pa]) {
                    Err(e) => break 'merge End::Fail(e),
                    Ok(true) => {
                        v[dest] = v[pb].clone();
                        dest += 1;
                        pb += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            break 'merge End::Done;
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                    Ok(false) => {
                        v[dest] = tmp[pa].clone();
                        dest += 1;
                        pa += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            break 'merge End::CopyRest;
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;
                let k = match gallop_right(&mut *self.lt, &v[pb], &tmp[pa..pa + na], 0) {
                    Ok(k) => k,
                    Err(e) => break 'merge End::Fail(e),
                };
                acount = k;
                if k > 0 {
                    v[dest..dest + k].clone_from_slice(&tmp[pa..pa + k]);
                    dest += k;
                    pa += k;
                    na -= k;
                    if na == 1 {
                        break 'merge End::CopyRest;
                    }
                    if na == 0 {
                        break 'merge End::Done;
                    }
                }
                v[dest] = v[pb].clone();
                dest += 1;
                pb += 1;
                nb -= 1;
                if nb == 0 {
                    break 'merge End::Done;
                }
                let k = match gallop_left(&mut *self.lt, &tmp[pa], &v[pb..pb + nb], 0) {
                    Ok(k) => k,
                    Err(e) => break 'merge End::Fail(e),
                };
                bcount = k;
                if k > 0 {
                    for j in 0..k {
                        v[dest + j] = v[pb + j].clone();
                    }
                    dest += k;
                    pb += k;
                    nb -= k;
                    if nb == 0 {
                        break 'merge End::Done;
                    }
                }
                v[dest] = tmp[pa].clone();
                dest += 1;
                pa += 1;
                na -= 1;
                if na == 1 {
                    break 'merge End::CopyRest;
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        };
        match end {
            End::CopyRest => {
                for j in 0..nb {
                    v[dest + j] = v[pb + j].clone();
                }
                v[dest + nb] = tmp[pa].clone();
                Ok(())
            }
            End::Done => {
                v[dest..dest + na].clone_from_slice(&tmp[pa..pa + na]);
                Ok(())
            }
            End::Fail(e) => {
                v[dest..dest + na].clone_from_slice(&tmp[pa..pa + na]);
                Err(e)
            }
        }
    }

    /// Merge `v[sa..sa+na]` with the following `nb` items, `na > nb`,
    /// copying the second run aside and filling from the right. The free
    /// slot is always `sa + na + nb - 1`.
    fn merge_hi(&mut self, v: &mut [T], sa: usize, mut na: usize, mut nb: usize) -> Result<(), E> {
        let tmp: Vec<T> = v[sa + na..sa + na + nb].to_vec();
        let mut min_gallop = self.min_gallop;
        v[sa + na + nb - 1] = v[sa + na - 1].clone();
        na -= 1;
        let end = 'merge: loop {
            if na == 0 {
                break End::Done;
            }
            if nb == 1 {
                break End::CopyRest;
            }
            let (mut acount, mut bcount) = (0, 0);
            loop {
                match (self.lt)(&tmp[nb - 1], &v[sa + na - 1]) {
                    Err(e) => break 'merge End::Fail(e),
                    Ok(true) => {
                        v[sa + na + nb - 1] = v[sa + na - 1].clone();
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            break 'merge End::Done;
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                    Ok(false) => {
                        v[sa + na + nb - 1] = tmp[nb - 1].clone();
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            break 'merge End::CopyRest;
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;
                let k = match gallop_right(&mut *self.lt, &tmp[nb - 1], &v[sa..sa + na], na - 1) {
                    Ok(k) => na - k,
                    Err(e) => break 'merge End::Fail(e),
                };
                acount = k;
                if k > 0 {
                    for j in (0..k).rev() {
                        v[sa + na - k + j + nb] = v[sa + na - k + j].clone();
                    }
                    na -= k;
                    if na == 0 {
                        break 'merge End::Done;
                    }
                }
                v[sa + na + nb - 1] = tmp[nb - 1].clone();
                nb -= 1;
                if nb == 1 {
                    break 'merge End::CopyRest;
                }
                let k = match gallop_left(&mut *self.lt, &v[sa + na - 1], &tmp[..nb], nb - 1) {
                    Ok(k) => nb - k,
                    Err(e) => break 'merge End::Fail(e),
                };
                bcount = k;
                if k > 0 {
                    v[sa + na + nb - k..sa + na + nb].clone_from_slice(&tmp[nb - k..nb]);
                    nb -= k;
                    if nb == 1 {
                        break 'merge End::CopyRest;
                    }
                    if nb == 0 {
                        break 'merge End::Done;
                    }
                }
                v[sa + na + nb - 1] = v[sa + na - 1].clone();
                na -= 1;
                if na == 0 {
                    break 'merge End::Done;
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        };
        match end {
            End::CopyRest => {
                for j in (0..na).rev() {
                    v[sa + j + 1] = v[sa + j].clone();
                }
                v[sa] = tmp[0].clone();
                Ok(())
            }
            End::Done => {
                v[sa + na..sa + na + nb].clone_from_slice(&tmp[..nb]);
                Ok(())
            }
            End::Fail(e) => {
                v[sa + na..sa + na + nb].clone_from_slice(&tmp[..nb]);
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::timsort;

    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn sorts_stably_many_shapes() {
        let mut seed = 7;
        for n in [0usize, 1, 2, 3, 10, 63, 64, 65, 200, 1000, 5000] {
            for modulus in [2u64, 10, 1000, u64::MAX] {
                let mut v: Vec<(u64, usize)> = (0..n).map(|i| (lcg(&mut seed) % modulus, i)).collect();
                if n > 100 {
                    v[..n / 2].sort();
                }
                let mut expect = v.clone();
                expect.sort_by_key(|p| p.0);
                timsort(&mut v, &mut |a: &(u64, usize), b: &(u64, usize)| Ok::<bool, ()>(a.0 < b.0)).unwrap();
                assert_eq!(v, expect, "n={n} modulus={modulus}");
            }
        }
    }

    #[test]
    fn sorted_input_uses_n_minus_1_comparisons() {
        let mut v: Vec<i32> = (0..100).collect();
        let mut count = 0;
        timsort(&mut v, &mut |a: &i32, b: &i32| {
            count += 1;
            Ok::<bool, ()>(a < b)
        })
        .unwrap();
        assert_eq!(count, 99);
    }

    #[test]
    fn error_keeps_elements() {
        for stop in [5, 60, 300, 900] {
            let mut seed = 3;
            let mut v: Vec<u64> = (0..300).map(|_| lcg(&mut seed) % 50).collect();
            let mut expect = v.clone();
            expect.sort();
            let mut count = 0;
            let r = timsort(&mut v, &mut |a: &u64, b: &u64| {
                count += 1;
                if count == stop {
                    Err(())
                } else {
                    Ok(a < b)
                }
            });
            assert!(r.is_err());
            v.sort();
            assert_eq!(v, expect);
        }
    }
}
