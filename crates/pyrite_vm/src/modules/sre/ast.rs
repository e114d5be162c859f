//! The parsed form of a pattern: a tree of nodes, as the parser builds it
//! and the compiler reads it, plus the width computation both need.

/// The largest repeat count (and the "unbounded" marker), `_sre.MAXREPEAT`.
pub(crate) const MAXREPEAT: u32 = u32::MAX;
/// The largest group number, `_sre.MAXGROUPS`.
pub(crate) const MAXGROUPS: usize = 1_073_741_823;

/// Flag bits (`re.IGNORECASE` ...).
pub(crate) mod flag {
    /// `re.TEMPLATE`.
    pub const TEMPLATE: u32 = 1;
    /// `re.IGNORECASE`.
    pub const IGNORECASE: u32 = 2;
    /// `re.LOCALE`.
    pub const LOCALE: u32 = 4;
    /// `re.MULTILINE`.
    pub const MULTILINE: u32 = 8;
    /// `re.DOTALL`.
    pub const DOTALL: u32 = 16;
    /// `re.UNICODE`.
    pub const UNICODE: u32 = 32;
    /// `re.VERBOSE`.
    pub const VERBOSE: u32 = 64;
    /// `re.DEBUG`.
    pub const DEBUG: u32 = 128;
    /// `re.ASCII`.
    pub const ASCII: u32 = 256;
    /// The flags that choose how classes and case work; one at a time.
    pub const TYPE_FLAGS: u32 = ASCII | LOCALE | UNICODE;
    /// Flags that only make sense for the whole pattern.
    pub const GLOBAL_FLAGS: u32 = DEBUG | TEMPLATE;
}

/// Zero-width position tests (`^`, `\b` ...), before flags refine them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum At {
    /// `^`
    Beginning,
    /// `\A`
    BeginningString,
    /// `\b`
    Boundary,
    /// `\B`
    NonBoundary,
    /// `$`
    End,
    /// `\Z`
    EndString,
}

/// Character classes (`\d`, `\W` ...), before flags refine them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Category {
    /// `\d`
    Digit,
    /// `\D`
    NotDigit,
    /// `\s`
    Space,
    /// `\S`
    NotSpace,
    /// `\w`
    Word,
    /// `\W`
    NotWord,
}

/// One member of a character set.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum SetItem {
    /// The set is negated (only ever first).
    Negate,
    /// One character.
    Literal(u32),
    /// An inclusive range of characters.
    Range(u32, u32),
    /// A class.
    Category(Category),
}

/// How a repeat chooses its count.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum RepeatKind {
    /// As many as possible, backtracking (`*`).
    Greedy,
    /// As few as possible (`*?`).
    Lazy,
    /// As many as possible, never giving back (`*+`).
    Possessive,
}

/// A sequence of nodes matched one after the other.
pub(crate) type Seq = Vec<Node>;

/// One element of a parsed pattern.
#[derive(Debug)]
pub(crate) enum Node {
    /// A character.
    Literal(u32),
    /// Any character but this one.
    NotLiteral(u32),
    /// `.`
    Any,
    /// A character set (also `\d` and friends outside brackets).
    In(Vec<SetItem>),
    /// A zero-width position test.
    At(At),
    /// Alternatives.
    Branch(Vec<Seq>),
    /// A group: capturing when `group` is set, with scoped flags.
    Group { group: Option<usize>, add: u32, del: u32, body: Seq },
    /// A repeat of `body` between `min` and `max` times.
    Repeat { kind: RepeatKind, min: u32, max: u32, body: Seq },
    /// A lookahead or lookbehind assertion.
    Assert { behind: bool, negate: bool, body: Seq },
    /// A backreference to a group.
    GroupRef(usize),
    /// `(?(group)yes|no)`.
    GroupRefExists { group: usize, yes: Seq, no: Option<Seq> },
    /// `(?>...)`.
    Atomic(Seq),
}

impl Node {
    /// Whether two nodes are interchangeable as the common first element of
    /// alternatives: only leaf nodes compare equal (nodes that own a
    /// sub-sequence are distinct objects in the reference parser).
    pub(crate) fn same_leaf(&self, other: &Node) -> bool {
        match (self, other) {
            (Node::Literal(a), Node::Literal(b)) | (Node::NotLiteral(a), Node::NotLiteral(b)) => a == b,
            (Node::Any, Node::Any) => true,
            (Node::In(a), Node::In(b)) => a == b,
            (Node::At(a), Node::At(b)) => a == b,
            (Node::GroupRef(a), Node::GroupRef(b)) => a == b,
            _ => false,
        }
    }
}

/// The (min, max) width of a sequence, capped as the reference does:
/// min at `MAXREPEAT - 1`, max at `MAXREPEAT`. `groups` holds the widths of
/// closed groups (index = group number).
pub(crate) fn width(seq: &[Node], groups: &[Option<(u64, u64)>]) -> (u64, u64) {
    let mut lo: u64 = 0;
    let mut hi: u64 = 0;
    for node in seq {
        let (i, j) = match node {
            Node::Branch(alts) => {
                let mut i = u64::from(MAXREPEAT) - 1;
                let mut j = 0;
                for alt in alts {
                    let (l, h) = width(alt, groups);
                    i = i.min(l);
                    j = j.max(h);
                }
                (i, j)
            }
            // A closed group's width was computed when it closed.
            Node::Group { group: Some(g), body, .. } => match groups.get(*g).copied().flatten() {
                Some(w) => w,
                None => width(body, groups),
            },
            Node::Atomic(body) | Node::Group { body, .. } => width(body, groups),
            Node::Repeat { min, max, body, .. } => {
                let (i, j) = width(body, groups);
                (i.saturating_mul(u64::from(*min)), j.saturating_mul(u64::from(*max)))
            }
            Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::In(_) => (1, 1),
            Node::GroupRef(g) => groups.get(*g).copied().flatten().unwrap_or((0, 0)),
            Node::GroupRefExists { yes, no, .. } => {
                let (i, j) = width(yes, groups);
                match no {
                    Some(no) => {
                        let (l, h) = width(no, groups);
                        (i.min(l), j.max(h))
                    }
                    None => (0, j),
                }
            }
            Node::At(_) | Node::Assert { .. } => (0, 0),
        };
        lo = lo.saturating_add(i);
        hi = hi.saturating_add(j);
    }
    (lo.min(u64::from(MAXREPEAT) - 1), hi.min(u64::from(MAXREPEAT)))
}
