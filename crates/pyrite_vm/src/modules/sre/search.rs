//! Running compiled code over a subject with `rustpython-sre_engine`, and
//! reading the result (span and group spans in code point positions).

use rustpython_sre_engine::{Request, State, StrDrive};

use super::text::View;

/// How a run anchors.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// At the start position only (`match`).
    Match,
    /// At the start position, and reaching the end position (`fullmatch`).
    FullMatch,
    /// At the first position that matches (`search`).
    Search,
}

/// A search over one subject, kept across calls for iteration: the engine
/// state remembers where its cursor is, so consecutive searches don't
/// re-walk the text. One `Searcher` must only ever see one subject view.
pub(crate) struct Searcher {
    state: State,
    /// Where the next search starts.
    pub pos: usize,
    /// The end of the searched range.
    pub end: usize,
    /// Whether the previous match was empty (the next must then not be an
    /// empty match at the same place).
    pub must_advance: bool,
}

/// The spans of a successful run.
pub(crate) struct Found {
    /// One (start, end) per group, group 0 first; (-1, -1) when unset.
    pub spans: Vec<(isize, isize)>,
    /// The last group closed (`-1`: none).
    pub lastindex: isize,
}

impl Searcher {
    /// A searcher over positions `pos..end` (clamped to `len`).
    pub fn new(len: usize, pos: usize, end: usize) -> Searcher {
        let end = end.min(len);
        Searcher { state: State::default(), pos: pos.min(len), end, must_advance: false }
    }

    /// Run `code` from `self.pos` in `mode`; on success, the spans of
    /// `groups` groups.
    pub fn run(&mut self, view: View<'_>, code: &[u32], mode: Mode, groups: usize) -> Option<Found> {
        if self.pos > self.end {
            return None;
        }
        let ok = match view {
            View::Bytes(b) => self.run_in(b, code, mode),
            View::Str(s) => self.run_in(s, code, mode),
        };
        if !ok {
            return None;
        }
        let start = self.state.start;
        let end = self.state.cursor.position;
        let mut spans = Vec::with_capacity(groups + 1);
        spans.push((start as isize, end as isize));
        for g in 0..groups {
            let (s, e) = self.state.marks.get(g);
            let span = if s.is_some() && e.is_some() && s.unpack() <= e.unpack() {
                (s.unpack() as isize, e.unpack() as isize)
            } else {
                (-1, -1)
            };
            spans.push(span);
        }
        Some(Found { spans, lastindex: self.state.marks.last_index() })
    }

    fn run_in<S: StrDrive>(&mut self, string: S, code: &[u32], mode: Mode) -> bool {
        let req = Request {
            string,
            start: self.pos,
            end: self.end,
            pattern_codes: code,
            match_all: mode == Mode::FullMatch,
            must_advance: self.must_advance,
        };
        self.state.reset(&req, self.pos);
        match mode {
            Mode::Search => self.state.search(req),
            Mode::Match | Mode::FullMatch => self.state.py_match(&req),
        }
    }

    /// After a match ending at `end` that started at `start`: continue
    /// after it, refusing an empty match at the same place next.
    pub fn advance_past(&mut self, start: usize, end: usize) {
        self.must_advance = start == end;
        self.pos = end;
    }
}
