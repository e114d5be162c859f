//! The whole test binary runs on [`PyriteGlobalAlloc`]: std collections,
//! strings, over-aligned types and several threads at once.

use std::collections::{BTreeMap, HashMap};
use std::thread;

use pyrite_obmalloc::PyriteGlobalAlloc;

#[global_allocator]
static GLOBAL: PyriteGlobalAlloc = PyriteGlobalAlloc::new();

#[repr(align(64))]
struct Aligned([u8; 64]);

#[test]
fn std_collections_work_on_the_global_heap() {
    let mut v: Vec<String> = (0..10_000).map(|i| format!("item {i}")).collect();
    let mut m: HashMap<usize, Vec<u8>> = HashMap::new();
    for i in 0..5_000 {
        m.insert(i, vec![i as u8; i % 700]);
    }
    let t: BTreeMap<String, usize> = v.iter().cloned().zip(0..).collect();
    assert_eq!(t.len(), 10_000);
    v.retain(|s| s.len() % 2 == 0);
    for (k, val) in &m {
        assert!(val.iter().all(|&b| b == *k as u8));
    }
    let boxes: Vec<Box<Aligned>> = (0..100).map(|i| Box::new(Aligned([i as u8; 64]))).collect();
    for (i, b) in boxes.iter().enumerate() {
        assert_eq!(&**b as *const Aligned as usize % 64, 0);
        assert_eq!(b.0[63], i as u8);
    }
    let s = GLOBAL.stats();
    assert!(s.arenas_current >= 1);
    assert_eq!(s.total_bytes, s.arenas_current * pyrite_obmalloc::ARENA_SIZE);
}

#[test]
fn threads_share_the_locked_heap() {
    let handles: Vec<_> = (0..4)
        .map(|t| {
            thread::spawn(move || {
                let mut keep = Vec::new();
                for i in 0..20_000usize {
                    let mut s = String::with_capacity((i * 7 + t) % 600);
                    s.push_str("abc");
                    if i % 5 == 0 {
                        keep.push(s);
                    }
                    if keep.len() > 500 {
                        keep.drain(..250);
                    }
                }
                // Grow one vector through small and large sizes (realloc).
                let mut v = Vec::new();
                for i in 0..10_000u32 {
                    v.push(i);
                }
                assert_eq!(v.iter().map(|&x| u64::from(x)).sum::<u64>(), 49_995_000);
                keep.len()
            })
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap() > 0);
    }
}
