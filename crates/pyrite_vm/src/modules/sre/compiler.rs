//! [`Node`] tree → the engine's code words: the opcode layout CPython 3.11's
//! `_sre` runs (which `rustpython-sre_engine` implements), including the
//! info block with the literal or charset prefix used to speed up searches.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustpython_sre_engine::string::{lower_ascii, lower_unicode, upper_unicode};
use rustpython_sre_engine::{SreAtCode as AtCode, SreCatCode as Cat, SreInfo, SreOpcode as Op};

use super::ast::{flag, width, At, Category, Node, RepeatKind, Seq, SetItem};

/// The widths of the pattern's groups, for lookbehind and info blocks.
type GroupWidths<'a> = &'a [Option<(u64, u64)>];

/// Why a parsed pattern could not be compiled.
#[derive(Debug)]
pub(crate) enum CompileError {
    /// A `re.error` message, without a position.
    Re(String),
    /// The native stack ran low (`RecursionError`).
    Recursion,
}

impl From<String> for CompileError {
    fn from(msg: String) -> Self {
        CompileError::Re(msg)
    }
}

/// Compile a parsed pattern with its final `flags`, stopping with
/// `Recursion` if the stack pointer goes below `stack_floor`.
pub(crate) fn compile(seq: &Seq, flags: u32, groups: GroupWidths<'_>, stack_floor: usize) -> Result<Vec<u32>, CompileError> {
    let mut c = Compiler { code: Vec::new(), groups, stack_floor };
    c.info(seq, flags);
    c.seq(seq, flags)?;
    c.emit_op(Op::SUCCESS);
    Ok(c.code)
}

/// Case handling for one flag combination: `None` when case matters or
/// under `LOCALE` (where the engine folds at match time).
#[derive(Clone, Copy)]
struct Fold {
    unicode: bool,
}

impl Fold {
    fn of(flags: u32) -> Option<Fold> {
        if flags & flag::IGNORECASE != 0 && flags & flag::LOCALE == 0 {
            Some(Fold { unicode: flags & flag::UNICODE != 0 })
        } else {
            None
        }
    }
    fn iscased(self, c: u32) -> bool {
        if self.unicode {
            unicode_iscased(c)
        } else {
            ascii_iscased(c)
        }
    }
    fn lower(self, c: u32) -> u32 {
        if self.unicode {
            lower_unicode(c)
        } else {
            lower_ascii(c)
        }
    }
    fn fixes(self, c: u32) -> Option<&'static [u32]> {
        if self.unicode {
            extra_cases().get(&c).map(Vec::as_slice)
        } else {
            None
        }
    }
}

/// `_sre.ascii_iscased`.
pub(crate) fn ascii_iscased(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

/// `_sre.unicode_iscased`.
pub(crate) fn unicode_iscased(c: u32) -> bool {
    c != lower_unicode(c) || c != upper_unicode(c)
}

/// Lowercase characters that share their uppercase with other lowercase
/// characters ('i' and dotless 'ı', 's' and long 's' ...), each mapped to
/// the others, in code point order. Computed once from the case tables
/// (every cased character is below U+20000).
fn extra_cases() -> &'static HashMap<u32, Vec<u32>> {
    static CASES: OnceLock<HashMap<u32, Vec<u32>>> = OnceLock::new();
    CASES.get_or_init(|| {
        let mut by_upper: HashMap<[char; 3], Vec<u32>> = HashMap::new();
        for c in (0..0x20000u32).filter_map(char::from_u32) {
            let mut up = c.to_uppercase();
            let key = [up.next().unwrap_or(c), up.next().unwrap_or('\0'), up.next().unwrap_or('\0')];
            if key == [c, '\0', '\0'] || lower_unicode(c as u32) != c as u32 {
                continue;
            }
            by_upper.entry(key).or_default().push(c as u32);
        }
        let mut out = HashMap::new();
        for same in by_upper.into_values().filter(|v| v.len() > 1) {
            for &c in &same {
                out.insert(c, same.iter().copied().filter(|&o| o != c).collect());
            }
        }
        out
    })
}

fn combine_flags(flags: u32, add: u32, del: u32) -> u32 {
    let flags = if add & flag::TYPE_FLAGS != 0 { flags & !flag::TYPE_FLAGS } else { flags };
    (flags | add) & !del
}

/// A character-set member as compiled.
#[derive(Clone, PartialEq, Debug)]
enum CItem {
    Negate,
    Literal(u32),
    Range(u32, u32),
    RangeUniIgnore(u32, u32),
    Category(Category),
    Charset([u32; 8]),
    BigCharset(Vec<u32>),
}

impl From<SetItem> for CItem {
    fn from(i: SetItem) -> CItem {
        match i {
            SetItem::Negate => CItem::Negate,
            SetItem::Literal(c) => CItem::Literal(c),
            SetItem::Range(a, b) => CItem::Range(a, b),
            SetItem::Category(c) => CItem::Category(c),
        }
    }
}

/// A map of the characters below 256 or 65536 in a set.
struct CharMap(Vec<bool>);

impl CharMap {
    /// Mark `c`; `Err` when it is beyond the map.
    fn set(&mut self, c: u32) -> Result<(), ()> {
        match self.0.get_mut(c as usize) {
            Some(b) => {
                *b = true;
                Ok(())
            }
            None => Err(()),
        }
    }
    /// Mark the case-folded form of `c` and its extra case equivalents.
    fn set_folded(&mut self, fold: Fold, c: u32) -> Result<(), ()> {
        let lo = fold.lower(c);
        self.set(lo)?;
        for &k in fold.fixes(lo).unwrap_or(&[]) {
            self.set(k)?;
        }
        Ok(())
    }
    fn find(&self, value: bool, from: usize) -> Option<usize> {
        self.0.iter().skip(from).position(|&b| b == value).map(|i| i + from)
    }
}

/// 32 flags per word, lowest first.
fn bitmap(bits: &[bool]) -> Vec<u32> {
    bits.chunks(32).map(|ch| ch.iter().enumerate().fold(0u32, |w, (i, &b)| w | (u32::from(b) << i))).collect()
}

/// Reduce a set to a cheaper form: literals and at most two ranges, a
/// 256-bit map, or a two-level map of the BMP; with `fold`, case-fold
/// it. Returns the set and whether any member is cased.
fn optimize_charset(charset: &[CItem], fold: Option<Fold>) -> (Vec<CItem>, bool) {
    let mut out = Vec::new();
    let mut tail = Vec::new();
    let mut charmap = CharMap(vec![false; 256]);
    let mut hascased = false;
    for item in charset {
        loop {
            let r = match *item {
                CItem::Literal(c) => match fold {
                    Some(f) => {
                        let r = charmap.set_folded(f, c);
                        if r.is_ok() && !hascased && f.iscased(c) {
                            hascased = true;
                        }
                        r
                    }
                    None => charmap.set(c),
                },
                CItem::Range(a, b) => match fold {
                    Some(f) => {
                        let r = (a..=b).try_for_each(|c| charmap.set_folded(f, c));
                        if r.is_ok() && !hascased {
                            hascased = (a..=b).any(|c| f.iscased(c));
                        }
                        r
                    }
                    None => (a..=b).try_for_each(|c| charmap.set(c)),
                },
                CItem::Negate => {
                    out.push(CItem::Negate);
                    Ok(())
                }
                _ => {
                    tail.push(item.clone());
                    Ok(())
                }
            };
            if r.is_ok() {
                break;
            }
            if charmap.0.len() == 256 {
                charmap.0.resize(65536, false);
                continue;
            }
            // Beyond the BMP: kept as is (ranges compare both cases).
            let mut kept = item.clone();
            if fold.is_some() {
                hascased = true;
                if let CItem::Range(a, b) = kept {
                    kept = CItem::RangeUniIgnore(a, b);
                }
            }
            tail.push(kept);
            break;
        }
    }

    // At most two runs: literals and ranges.
    let mut runs = Some(Vec::new());
    let mut q = 0;
    while let Some(p) = charmap.find(true, q) {
        let Some(r) = runs.as_mut() else { break };
        if r.len() >= 2 {
            runs = None;
            break;
        }
        match charmap.find(false, p) {
            Some(e) => {
                r.push((p, e));
                q = e;
            }
            None => {
                r.push((p, charmap.0.len()));
                break;
            }
        }
    }
    if let Some(runs) = runs {
        for (p, q) in runs {
            out.push(if q - p == 1 { CItem::Literal(p as u32) } else { CItem::Range(p as u32, q as u32 - 1) });
        }
        out.extend(tail);
        if hascased || out.len() < charset.len() {
            return (out, hascased);
        }
        return (charset.to_vec(), hascased);
    }

    if charmap.0.len() == 256 {
        let words = bitmap(&charmap.0);
        let mut arr = [0u32; 8];
        arr.copy_from_slice(&words);
        out.push(CItem::Charset(arr));
        out.extend(tail);
        return (out, hascased);
    }

    // Two levels: each 256-character chunk of the BMP is numbered (equal
    // chunks share a number); the set is the chunk numbers, as bytes, then
    // the distinct chunks' bitmaps.
    let mut chunks: Vec<&[bool]> = Vec::new();
    let mut mapping = [0u8; 256];
    for (i, chunk) in charmap.0.chunks(256).enumerate() {
        let n = match chunks.iter().position(|c| *c == chunk) {
            Some(n) => n,
            None => {
                chunks.push(chunk);
                chunks.len() - 1
            }
        };
        mapping[i] = n as u8;
    }
    let mut data = vec![chunks.len() as u32];
    data.extend(mapping.chunks(4).map(|b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]])));
    for chunk in &chunks {
        data.extend(bitmap(chunk));
    }
    out.push(CItem::BigCharset(data));
    out.extend(tail);
    (out, hascased)
}

fn category_code(c: Category, flags: u32) -> Cat {
    let locale = flags & flag::LOCALE != 0;
    let unicode = flags & flag::UNICODE != 0;
    match c {
        Category::Digit if unicode && !locale => Cat::UNI_DIGIT,
        Category::Digit => Cat::DIGIT,
        Category::NotDigit if unicode && !locale => Cat::UNI_NOT_DIGIT,
        Category::NotDigit => Cat::NOT_DIGIT,
        Category::Space if unicode && !locale => Cat::UNI_SPACE,
        Category::Space => Cat::SPACE,
        Category::NotSpace if unicode && !locale => Cat::UNI_NOT_SPACE,
        Category::NotSpace => Cat::NOT_SPACE,
        Category::Word if locale => Cat::LOC_WORD,
        Category::Word if unicode => Cat::UNI_WORD,
        Category::Word => Cat::WORD,
        Category::NotWord if locale => Cat::LOC_NOT_WORD,
        Category::NotWord if unicode => Cat::UNI_NOT_WORD,
        Category::NotWord => Cat::NOT_WORD,
    }
}

/// Whether a repeat body is one single-character item (compiled as the
/// engine's fast single-character repeats).
fn simple(seq: &[Node]) -> bool {
    match seq {
        [Node::Group { group: None, body, .. }] => simple(body),
        [Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::In(_)] => true,
        _ => false,
    }
}

/// The case-sensitive predicate used for prefixes (`None` without `IGNORECASE`).
fn prefix_iscased(flags: u32) -> Option<fn(u32) -> bool> {
    if flags & flag::IGNORECASE == 0 {
        None
    } else if flags & flag::UNICODE != 0 {
        Some(unicode_iscased)
    } else {
        Some(ascii_iscased)
    }
}

/// The literal characters every match starts with; how many of them come
/// before the first group (`None`: no group among them); whether the whole
/// sequence is that literal.
fn literal_prefix(seq: &[Node], flags: u32) -> (Vec<u32>, Option<usize>, bool) {
    let mut prefix = Vec::new();
    let mut prefix_skip = None;
    let iscased = prefix_iscased(flags);
    for node in seq {
        match node {
            Node::Literal(c) => {
                if iscased.is_some_and(|f| f(*c)) {
                    return (prefix, prefix_skip, false);
                }
                prefix.push(*c);
            }
            Node::Group { group, add, del, body } => {
                let flags1 = combine_flags(flags, *add, *del);
                if flags1 & flag::IGNORECASE != 0 && flags1 & flag::LOCALE != 0 {
                    return (prefix, prefix_skip, false);
                }
                let (p1, skip1, got_all) = literal_prefix(body, flags1);
                if prefix_skip.is_none() {
                    if group.is_some() {
                        prefix_skip = Some(prefix.len());
                    } else if let Some(s) = skip1 {
                        prefix_skip = Some(prefix.len() + s);
                    }
                }
                prefix.extend(p1);
                if !got_all {
                    return (prefix, prefix_skip, false);
                }
            }
            _ => return (prefix, prefix_skip, false),
        }
    }
    (prefix, prefix_skip, true)
}

/// The set of characters every match starts with, when simple to tell.
fn charset_prefix(mut seq: &[Node], mut flags: u32) -> Option<Vec<CItem>> {
    let first = loop {
        let first = seq.first()?;
        let Node::Group { add, del, body, .. } = first else { break first };
        flags = combine_flags(flags, *add, *del);
        if flags & flag::IGNORECASE != 0 && flags & flag::LOCALE != 0 {
            return None;
        }
        seq = body;
    };
    let iscased = prefix_iscased(flags);
    let cased = |c: u32| iscased.is_some_and(|f| f(c));
    match first {
        Node::Literal(c) => (!cased(*c)).then(|| vec![CItem::Literal(*c)]),
        Node::Branch(alts) => {
            let mut set = Vec::new();
            for alt in alts {
                match alt.first() {
                    Some(Node::Literal(c)) if !cased(*c) => set.push(CItem::Literal(*c)),
                    _ => return None,
                }
            }
            Some(set)
        }
        Node::In(items) => {
            if iscased.is_some() {
                for item in items {
                    match *item {
                        SetItem::Literal(c) if cased(c) => return None,
                        SetItem::Range(a, b) if b > 0xffff || (a..=b).any(cased) => return None,
                        _ => {}
                    }
                }
            }
            Some(items.iter().map(|&i| CItem::from(i)).collect())
        }
        _ => None,
    }
}

/// Prefix function of `prefix` (KMP): where a partial match can resume.
fn overlap_table(prefix: &[u32]) -> Vec<u32> {
    let mut table = vec![0u32; prefix.len()];
    for i in 1..prefix.len() {
        let mut idx = table[i - 1] as usize;
        loop {
            if prefix[i] == prefix[idx] {
                table[i] = idx as u32 + 1;
                break;
            }
            if idx == 0 {
                table[i] = 0;
                break;
            }
            idx = table[idx - 1] as usize;
        }
    }
    table
}

struct Compiler<'a> {
    code: Vec<u32>,
    groups: GroupWidths<'a>,
    stack_floor: usize,
}

impl Compiler<'_> {
    fn emit(&mut self, w: u32) {
        self.code.push(w);
    }
    fn emit_op(&mut self, op: Op) {
        self.code.push(op as u32);
    }
    /// Reserve a skip word; returns its index.
    fn skip_slot(&mut self) -> usize {
        self.code.push(0);
        self.code.len() - 1
    }
    /// Fill the skip word at `at` with the distance to the end (plus `extra`).
    fn patch(&mut self, at: usize, extra: usize) {
        self.code[at] = (self.code.len() - at + extra) as u32;
    }

    /// The info block: widths and a literal or charset prefix.
    fn info(&mut self, seq: &Seq, flags: u32) {
        let (lo, hi) = width(seq, self.groups);
        let (lo, hi) = (lo as u32, hi.min(u64::from(u32::MAX)) as u32);
        if lo == 0 {
            self.code.extend([Op::INFO as u32, 4, 0, lo, hi]);
            return;
        }
        let mut prefix = Vec::new();
        let mut prefix_skip = None;
        let mut got_all = false;
        let mut charset = None;
        if !(flags & flag::IGNORECASE != 0 && flags & flag::LOCALE != 0) {
            (prefix, prefix_skip, got_all) = literal_prefix(seq, flags);
            if prefix.is_empty() {
                charset = charset_prefix(seq, flags);
            }
        }
        self.emit_op(Op::INFO);
        let skip = self.skip_slot();
        let mut mask = SreInfo::empty();
        if !prefix.is_empty() {
            mask |= SreInfo::PREFIX;
            if prefix_skip.is_none() && got_all {
                mask |= SreInfo::LITERAL;
            }
        } else if charset.as_ref().is_some_and(|c| !c.is_empty()) {
            mask |= SreInfo::CHARSET;
        }
        self.emit(mask.bits());
        self.emit(lo);
        self.emit(hi);
        if !prefix.is_empty() {
            self.emit(prefix.len() as u32);
            self.emit(prefix_skip.unwrap_or(prefix.len()) as u32);
            self.code.extend_from_slice(&prefix);
            self.code.extend(overlap_table(&prefix));
        } else if let Some(charset) = charset.filter(|c| !c.is_empty()) {
            let (charset, _) = optimize_charset(&charset, None);
            self.charset(&charset, flags);
        }
        self.patch(skip, 0);
    }

    /// A set's members then `FAILURE`.
    fn charset(&mut self, set: &[CItem], flags: u32) {
        for item in set {
            match item {
                CItem::Negate => self.emit_op(Op::NEGATE),
                CItem::Literal(c) => {
                    self.emit_op(Op::LITERAL);
                    self.emit(*c);
                }
                CItem::Range(a, b) => {
                    self.emit_op(Op::RANGE);
                    self.code.extend([*a, *b]);
                }
                CItem::RangeUniIgnore(a, b) => {
                    self.emit_op(Op::RANGE_UNI_IGNORE);
                    self.code.extend([*a, *b]);
                }
                CItem::Category(c) => {
                    self.emit_op(Op::CATEGORY);
                    self.emit(category_code(*c, flags) as u32);
                }
                CItem::Charset(words) => {
                    self.emit_op(Op::CHARSET);
                    self.code.extend_from_slice(words);
                }
                CItem::BigCharset(data) => {
                    self.emit_op(Op::BIGCHARSET);
                    self.code.extend_from_slice(data);
                }
            }
        }
        self.emit_op(Op::FAILURE);
    }

    fn literal(&mut self, c: u32, negate: bool, flags: u32) {
        let (plain, ignore, uni_ignore, loc_ignore) = if negate {
            (Op::NOT_LITERAL, Op::NOT_LITERAL_IGNORE, Op::NOT_LITERAL_UNI_IGNORE, Op::NOT_LITERAL_LOC_IGNORE)
        } else {
            (Op::LITERAL, Op::LITERAL_IGNORE, Op::LITERAL_UNI_IGNORE, Op::LITERAL_LOC_IGNORE)
        };
        if flags & flag::IGNORECASE == 0 {
            self.emit_op(plain);
            self.emit(c);
            return;
        }
        if flags & flag::LOCALE != 0 {
            self.emit_op(loc_ignore);
            self.emit(c);
            return;
        }
        let fold = Fold { unicode: flags & flag::UNICODE != 0 };
        if !fold.iscased(c) {
            self.emit_op(plain);
            self.emit(c);
            return;
        }
        let lo = fold.lower(c);
        if !fold.unicode {
            self.emit_op(ignore);
            self.emit(lo);
            return;
        }
        match fold.fixes(lo) {
            None => {
                self.emit_op(uni_ignore);
                self.emit(lo);
            }
            Some(fixes) => {
                self.emit_op(Op::IN_UNI_IGNORE);
                let skip = self.skip_slot();
                if negate {
                    self.emit_op(Op::NEGATE);
                }
                for &k in std::iter::once(&lo).chain(fixes) {
                    self.emit_op(Op::LITERAL);
                    self.emit(k);
                }
                self.emit_op(Op::FAILURE);
                self.patch(skip, 0);
            }
        }
    }

    fn at(&mut self, a: At, flags: u32) {
        let multiline = flags & flag::MULTILINE != 0;
        let locale = flags & flag::LOCALE != 0;
        let unicode = flags & flag::UNICODE != 0;
        let code = match a {
            At::Beginning if multiline => AtCode::BEGINNING_LINE,
            At::Beginning => AtCode::BEGINNING,
            At::BeginningString => AtCode::BEGINNING_STRING,
            At::End if multiline => AtCode::END_LINE,
            At::End => AtCode::END,
            At::EndString => AtCode::END_STRING,
            At::Boundary if locale => AtCode::LOC_BOUNDARY,
            At::Boundary if unicode => AtCode::UNI_BOUNDARY,
            At::Boundary => AtCode::BOUNDARY,
            At::NonBoundary => {
                // Python 3.11's `\B` never matches in an empty string; the
                // engine's (3.14 semantics) does, so rule that case out.
                self.emit_op(Op::ASSERT_NOT);
                let skip = self.skip_slot();
                self.emit(0);
                self.code.extend([Op::AT as u32, AtCode::BEGINNING_STRING as u32, Op::AT as u32, AtCode::END_STRING as u32]);
                self.emit_op(Op::SUCCESS);
                self.patch(skip, 0);
                if locale {
                    AtCode::LOC_NON_BOUNDARY
                } else if unicode {
                    AtCode::UNI_NON_BOUNDARY
                } else {
                    AtCode::NON_BOUNDARY
                }
            }
        };
        self.emit_op(Op::AT);
        self.emit(code as u32);
    }

    fn seq(&mut self, seq: &[Node], flags: u32) -> Result<(), CompileError> {
        if crate::ops::stack::below(self.stack_floor) {
            return Err(CompileError::Recursion);
        }
        for node in seq {
            self.node(node, flags)?;
        }
        Ok(())
    }

    fn node(&mut self, node: &Node, flags: u32) -> Result<(), CompileError> {
        match node {
            Node::Literal(c) => self.literal(*c, false, flags),
            Node::NotLiteral(c) => self.literal(*c, true, flags),
            Node::In(items) => {
                let items: Vec<CItem> = items.iter().map(|&i| CItem::from(i)).collect();
                let (set, hascased) = optimize_charset(&items, Fold::of(flags));
                let op = if flags & flag::IGNORECASE != 0 && flags & flag::LOCALE != 0 {
                    Op::IN_LOC_IGNORE
                } else if !hascased {
                    Op::IN
                } else if flags & flag::UNICODE == 0 {
                    Op::IN_IGNORE
                } else {
                    Op::IN_UNI_IGNORE
                };
                self.emit_op(op);
                let skip = self.skip_slot();
                self.charset(&set, flags);
                self.patch(skip, 0);
            }
            Node::Any => self.emit_op(if flags & flag::DOTALL != 0 { Op::ANY_ALL } else { Op::ANY }),
            Node::Repeat { kind, min, max, body } => {
                if flags & flag::TEMPLATE != 0 {
                    let name = match kind {
                        RepeatKind::Greedy => "MAX_REPEAT",
                        RepeatKind::Lazy => "MIN_REPEAT",
                        RepeatKind::Possessive => "POSSESSIVE_REPEAT",
                    };
                    return Err(format!("internal: unsupported template operator {name}").into());
                }
                let (multi, until, single) = match kind {
                    RepeatKind::Greedy => (Op::REPEAT, Op::MAX_UNTIL, Op::REPEAT_ONE),
                    RepeatKind::Lazy => (Op::REPEAT, Op::MIN_UNTIL, Op::MIN_REPEAT_ONE),
                    RepeatKind::Possessive => (Op::POSSESSIVE_REPEAT, Op::SUCCESS, Op::POSSESSIVE_REPEAT_ONE),
                };
                let one = simple(body);
                self.emit_op(if one { single } else { multi });
                let skip = self.skip_slot();
                self.emit(*min);
                self.emit(*max);
                self.seq(body, flags)?;
                if one {
                    self.emit_op(Op::SUCCESS);
                    self.patch(skip, 0);
                } else {
                    self.patch(skip, 0);
                    self.emit_op(until);
                }
            }
            Node::Group { group, add, del, body } => {
                if let Some(g) = group {
                    self.emit_op(Op::MARK);
                    self.emit(((g - 1) * 2) as u32);
                }
                self.seq(body, combine_flags(flags, *add, *del))?;
                if let Some(g) = group {
                    self.emit_op(Op::MARK);
                    self.emit(((g - 1) * 2 + 1) as u32);
                }
            }
            Node::Atomic(body) => {
                self.emit_op(Op::ATOMIC_GROUP);
                let skip = self.skip_slot();
                self.seq(body, flags)?;
                self.emit_op(Op::SUCCESS);
                self.patch(skip, 0);
            }
            Node::Assert { behind, negate, body } => {
                self.emit_op(if *negate { Op::ASSERT_NOT } else { Op::ASSERT });
                let skip = self.skip_slot();
                if *behind {
                    let (lo, hi) = width(body, self.groups);
                    if lo != hi {
                        return Err(CompileError::Re("look-behind requires fixed-width pattern".into()));
                    }
                    self.emit(lo as u32);
                } else {
                    self.emit(0);
                }
                self.seq(body, flags)?;
                self.emit_op(Op::SUCCESS);
                self.patch(skip, 0);
            }
            Node::At(a) => self.at(*a, flags),
            Node::Branch(alts) => {
                self.emit_op(Op::BRANCH);
                let mut tails = Vec::new();
                for alt in alts {
                    let skip = self.skip_slot();
                    self.seq(alt, flags)?;
                    self.emit_op(Op::JUMP);
                    tails.push(self.skip_slot());
                    self.patch(skip, 0);
                }
                self.emit_op(Op::FAILURE);
                for t in tails {
                    self.patch(t, 0);
                }
            }
            Node::GroupRef(g) => {
                let op = if flags & flag::IGNORECASE == 0 {
                    Op::GROUPREF
                } else if flags & flag::LOCALE != 0 {
                    Op::GROUPREF_LOC_IGNORE
                } else if flags & flag::UNICODE == 0 {
                    Op::GROUPREF_IGNORE
                } else {
                    Op::GROUPREF_UNI_IGNORE
                };
                self.emit_op(op);
                self.emit((g - 1) as u32);
            }
            Node::GroupRefExists { group, yes, no } => {
                self.emit_op(Op::GROUPREF_EXISTS);
                self.emit((group - 1) as u32);
                let skipyes = self.skip_slot();
                self.seq(yes, flags)?;
                match no.as_ref().filter(|n| !n.is_empty()) {
                    Some(no) => {
                        self.emit_op(Op::JUMP);
                        let skipno = self.skip_slot();
                        self.patch(skipyes, 1);
                        self.seq(no, flags)?;
                        self.patch(skipno, 0);
                    }
                    None => self.patch(skipyes, 1),
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_cases_match_the_reference_table() {
        let t = extra_cases();
        assert_eq!(t.len(), 50);
        assert_eq!(t.get(&0x69), Some(&vec![0x131]));
        assert_eq!(t.get(&0x3b9), Some(&vec![0x345, 0x1fbe]));
    }

    #[test]
    fn overlap() {
        let p: Vec<u32> = "abab".chars().map(|c| c as u32).collect();
        assert_eq!(overlap_table(&p), vec![0, 0, 1, 2]);
    }

    #[test]
    fn two_runs_become_literal_and_range() {
        let (set, cased) = optimize_charset(&[CItem::Literal(0x2b), CItem::Literal(0x2d), CItem::Literal(0x2e)], None);
        assert!(!cased);
        assert_eq!(set, vec![CItem::Literal(0x2b), CItem::Range(0x2d, 0x2e)]);
    }
}
