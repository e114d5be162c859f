//! The `sys._debugmallocstats()` text (ALLOC-9): line shapes, the class
//! table against the stats, and `Total == arenas * ARENA_SIZE`.

use pyrite_obmalloc::{
    format_freelist_line, format_printone, size_class_index, Heap, ARENA_SIZE, NB_SMALL_SIZE_CLASSES, POOL_SIZE,
    SMALL_REQUEST_THRESHOLD,
};

/// Parses the value column of a printone line.
fn value(line: &str) -> usize {
    line[36..].trim_start().replace(',', "").parse().unwrap()
}

fn report(heap: &Heap) -> String {
    let mut out = Vec::new();
    heap.write_debug_stats(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn is_printone(line: &str) -> bool {
    line.len() == 57
        && line.as_bytes()[35] == b'='
        && line[36..].starts_with(' ')
        && line[36..].trim_start().bytes().all(|b| b.is_ascii_digit() || b == b',')
}

#[test]
fn printone_format() {
    assert_eq!(format_printone("# arenas allocated total", 4), "# arenas allocated total           =                    4\n");
    assert_eq!(format_printone("Total", 4_194_304), "Total                              =            4,194,304\n");
    assert_eq!(format_printone("x", 0), format!("x{}={}0\n", " ".repeat(34), " ".repeat(20)));
    assert_eq!(format_printone("x", 999), format!("x{}={}999\n", " ".repeat(34), " ".repeat(18)));
    assert_eq!(format_printone("x", 1000).trim_end().rsplit(' ').next(), Some("1,000"));
    assert_eq!(format_printone("x", usize::MAX).trim_end().rsplit('=').next(), Some("18,446,744,073,709,551,615"));
    assert_eq!(
        format_freelist_line(4, "1-sized PyTupleObject", 32),
        "   4 free 1-sized PyTupleObjects * 32 bytes each =                  128\n"
    );
    assert_eq!(
        format_freelist_line(40, "PyListObject", 40),
        "           40 free PyListObjects * 40 bytes each =                1,600\n"
    );
}

#[test]
fn report_shape_and_totals() {
    let mut heap = Heap::new();
    let mut blocks = Vec::new();
    for i in 0..20_000usize {
        let n = 1 + (i * 37) % SMALL_REQUEST_THRESHOLD;
        // SAFETY: freed below with the same size.
        blocks.push((unsafe { heap.alloc(n) }, n));
    }
    // Free every third block so pools have free-listed blocks too.
    for (k, &(p, n)) in blocks.iter().enumerate() {
        if k % 3 == 0 {
            // SAFETY: live, freed once.
            unsafe { heap.dealloc(p, n) };
        }
    }
    let stats = heap.stats();
    let text = report(&heap);
    let lines: Vec<&str> = text.lines().collect();

    assert_eq!(lines[0], format!("Small block threshold = 512, in {NB_SMALL_SIZE_CLASSES} size classes."));
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], "class   size   num pools   blocks in use  avail blocks");
    assert_eq!(lines[3], "-----   ----   ---------   -------------  ------------");
    let rows: Vec<&str> = lines[4..].iter().take_while(|l| !l.is_empty()).copied().collect();
    let used_classes = stats.classes.iter().filter(|c| c.num_pools > 0).count();
    assert_eq!(rows.len(), used_classes);
    assert!(used_classes > NB_SMALL_SIZE_CLASSES / 2);
    for row in &rows {
        // %5u %6u %11zu %15zu %13zu
        assert_eq!(row.len(), 5 + 1 + 6 + 1 + 11 + 1 + 15 + 1 + 13, "{row:?}");
        let f: Vec<usize> = row.split_whitespace().map(|x| x.parse().unwrap()).collect();
        let c = &stats.classes[f[0]];
        assert_eq!(f[1..], [c.block_size, c.num_pools, c.blocks_in_use, c.avail_blocks]);
        assert_eq!(&row[..5], format!("{:5}", f[0]));
        assert_eq!(&row[5..12], format!(" {:6}", f[1]));
    }
    let rest = &lines[4 + rows.len()..];
    assert_eq!(rest[0], "");
    let labels = [
        "# arenas allocated total",
        "# arenas reclaimed",
        "# arenas highwater mark",
        "# arenas allocated current",
    ];
    for (line, label) in rest[1..5].iter().zip(labels) {
        assert!(is_printone(line) && line.starts_with(label), "{line:?}");
    }
    let narenas = stats.arenas_current;
    assert!(narenas >= 2);
    assert_eq!(value(rest[4]), narenas);
    assert!(rest[5].starts_with(&format!("{narenas} arenas * {ARENA_SIZE} bytes/arena")));
    assert_eq!(value(rest[5]), narenas * ARENA_SIZE);
    assert_eq!(rest[6], "");
    let bytes = [
        "# bytes in allocated blocks",
        "# bytes in available blocks",
        &format!("{} unused pools * {POOL_SIZE} bytes", stats.unused_pools),
        "# bytes lost to pool headers",
        "# bytes lost to quantization",
        "# bytes lost to arena alignment",
        "Total",
    ];
    let mut sum = 0;
    for (line, label) in rest[7..14].iter().zip(bytes) {
        assert!(is_printone(line) && line.starts_with(label), "{line:?}");
        if label != "Total" {
            sum += value(line);
        }
    }
    assert_eq!(value(rest[13]), narenas * ARENA_SIZE, "Total == arenas * ARENA_SIZE");
    assert_eq!(sum, narenas * ARENA_SIZE);
    let live: usize = blocks
        .iter()
        .enumerate()
        .filter(|(k, _)| k % 3 != 0)
        .map(|(_, &(_, n))| pyrite_obmalloc::class_block_size(size_class_index(n).unwrap()))
        .sum();
    assert_eq!(value(rest[7]), live, "bytes in allocated blocks");
    assert_eq!(rest[14], "");
    assert_eq!(rest[15], "arena table counts");
    assert!(rest[16..18].iter().all(|l| is_printone(l)));
    assert_eq!(rest[18], "");
    assert!(rest[19..21].iter().all(|l| is_printone(l)));
    assert_eq!(rest.len(), 21);
    assert!(text.ends_with('\n'));

    for (k, &(p, n)) in blocks.iter().enumerate() {
        if k % 3 != 0 {
            // SAFETY: live, freed once.
            unsafe { heap.dealloc(p, n) };
        }
    }
    heap.check_invariants();
}
