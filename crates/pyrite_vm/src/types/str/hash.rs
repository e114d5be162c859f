//! CPython 3.11's string and bytes hash: SipHash-1-3 over the object's
//! canonical representation, with the all-zero key that `PYTHONHASHSEED=0`
//! selects. Matching it makes the iteration order of sets and dicts keyed
//! by strings identical to CPython's under that setting.

/// One SipHash round.
#[inline(always)]
fn round(v: &mut [u64; 4]) {
    v[0] = v[0].wrapping_add(v[1]);
    v[1] = v[1].rotate_left(13) ^ v[0];
    v[0] = v[0].rotate_left(32);
    v[2] = v[2].wrapping_add(v[3]);
    v[3] = v[3].rotate_left(16) ^ v[2];
    v[0] = v[0].wrapping_add(v[3]);
    v[3] = v[3].rotate_left(21) ^ v[0];
    v[2] = v[2].wrapping_add(v[1]);
    v[1] = v[1].rotate_left(17) ^ v[2];
    v[2] = v[2].rotate_left(32);
}

/// SipHash-1-3 with key (0, 0) over a byte stream of known length.
fn siphash13(len: usize, bytes: impl Iterator<Item = u8>) -> u64 {
    let mut v = [0x736f_6d65_7073_6575u64, 0x646f_7261_6e64_6f6d, 0x6c79_6765_6e65_7261, 0x7465_6462_7974_6573];
    let mut word = 0u64;
    let mut n = 0;
    for b in bytes {
        word |= u64::from(b) << (8 * n);
        n += 1;
        if n == 8 {
            v[3] ^= word;
            round(&mut v);
            v[0] ^= word;
            word = 0;
            n = 0;
        }
    }
    let last = word | ((len as u64) << 56);
    v[3] ^= last;
    round(&mut v);
    v[0] ^= last;
    v[2] ^= 0xff;
    round(&mut v);
    round(&mut v);
    round(&mut v);
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

/// A hash as a `Py_hash_t` (never -1).
fn finish(h: u64) -> i64 {
    if h as i64 == -1 {
        -2
    } else {
        h as i64
    }
}

/// `hash(bytes)` under `PYTHONHASHSEED=0`.
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    finish(siphash13(data.len(), data.iter().copied()))
}

/// `hash(str)` under `PYTHONHASHSEED=0`: the hash of the text in CPython's
/// compact representation (1, 2 or 4 bytes per code point, little-endian).
pub fn hash_text(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    if s.is_ascii() {
        return hash_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let width = if max < 0x100 {
        1
    } else if max < 0x10000 {
        2
    } else {
        4
    };
    let n = s.chars().count();
    let bytes = s.chars().flat_map(move |c| (c as u32).to_le_bytes().into_iter().take(width));
    finish(siphash13(n * width, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_hashseed_0() {
        assert_eq!(hash_text(""), 0);
        assert_eq!(hash_text("a"), 4644417185603328019);
        assert_eq!(hash_text("abc"), -4594863902769663758);
        assert_eq!(hash_text("é"), 6047309291227476195);
        assert_eq!(hash_text("€"), -5529981157763016009);
        assert_eq!(hash_text("😀"), -3536540696076613844);
        assert_eq!(hash_text("hello world, this is long"), 7650859633215404784);
        assert_eq!(hash_bytes(b"abc"), -4594863902769663758);
        assert_eq!(hash_bytes(b""), 0);
    }
}
