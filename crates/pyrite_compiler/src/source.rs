//! Source text with a line index: byte offsets → lines/columns, and error construction.

use crate::bytecode::{CompileError, ErrorKind, Location};
use ruff_text_size::TextRange;

/// Decoded source text plus line-start offsets.
pub(crate) struct SourceFile<'a> {
    pub text: &'a str,
    pub filename: &'a str,
    line_starts: Vec<u32>,
}

impl<'a> SourceFile<'a> {
    pub fn new(text: &'a str, filename: &'a str) -> Self {
        let mut line_starts = vec![0u32];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        SourceFile { text, filename, line_starts }
    }

    /// 0-based line index and 0-based byte column of a byte offset.
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let offset = offset.min(self.text.len() as u32);
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line, (offset - self.line_starts[line]) as usize)
    }

    /// The text of a 0-based line, including its line terminator.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.line_starts.get(line).copied().unwrap_or(self.text.len() as u32) as usize;
        let end = self.line_starts.get(line + 1).map_or(self.text.len(), |&e| e as usize);
        &self.text[start..end]
    }

    /// Number of characters in the first `byte_col` bytes of a 0-based line.
    pub fn char_col(&self, line: usize, byte_col: usize) -> usize {
        let text = self.line_text(line);
        let mut end = byte_col.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text[..end].chars().count()
    }

    /// Bytecode location (1-based lines, 0-based byte columns) of a range.
    pub fn location(&self, range: TextRange) -> Location {
        let (l1, c1) = self.line_col(range.start().to_u32());
        let (l2, c2) = self.line_col(range.end().to_u32());
        Location { line: l1 as u32 + 1, end_line: l2 as u32 + 1, col: c1 as u32, end_col: c2 as u32 }
    }

    /// A CompileError spanning `range` (1-based character offsets as CPython reports them).
    pub fn error(&self, kind: ErrorKind, msg: impl Into<String>, range: TextRange) -> CompileError {
        let (l1, c1) = self.line_col(range.start().to_u32());
        let (l2, c2) = self.line_col(range.end().to_u32());
        self.error_at(kind, msg, (l1, self.char_col(l1, c1)), (l2, self.char_col(l2, c2)))
    }

    /// A CompileError from 0-based (line, char column) start and end positions.
    pub fn error_at(
        &self,
        kind: ErrorKind,
        msg: impl Into<String>,
        start: (usize, usize),
        end: (usize, usize),
    ) -> CompileError {
        let mut text = self.line_text(start.0).to_string();
        if !text.ends_with('\n') {
            if text.ends_with('\r') {
                text.pop();
            }
            text.push('\n');
        }
        CompileError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: start.0 + 1,
            offset: start.1.saturating_add(1),
            end_lineno: end.0.saturating_add(1),
            end_offset: end.1.saturating_add(1),
            text: Some(text),
        }
    }

    /// A RecursionError ("maximum recursion depth exceeded during compilation").
    pub fn recursion_error(&self, range: TextRange) -> CompileError {
        self.error(
            ErrorKind::RecursionError,
            "maximum recursion depth exceeded during compilation",
            range,
        )
    }
}
