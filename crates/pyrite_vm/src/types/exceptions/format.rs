//! The traceback printer: CPython 3.11's `PyErr_Display` format, including
//! chained exceptions, source lines with caret markers, collapsed
//! recursion, `SyntaxError`'s location display and `__notes__`.

use std::collections::{HashMap, HashSet};

use crate::object::PyRef;
use crate::types::code::CodeObj;
use crate::types::function::cell_get;
use crate::vm::Vm;

use super::{exc_cause, exc_context, exc_obj, exc_traceback, TracebackObj};

const CAUSE_MESSAGE: &str = "The above exception was the direct cause of the following exception:";
const CONTEXT_MESSAGE: &str = "During handling of the above exception, another exception occurred:";
/// Sub-exceptions of a group printed before "and N more exceptions".
const MAX_GROUP_WIDTH: usize = 15;
/// Nesting of groups printed before "... (max_group_depth is 10)".
const MAX_GROUP_DEPTH: usize = 10;
/// Identical consecutive entries printed before "[Previous line repeated …]".
const RECURSIVE_CUTOFF: usize = 3;
/// At most this many (innermost) traceback entries are printed.
const TRACEBACK_LIMIT: usize = 1000;

/// The full text CPython prints for an uncaught exception `exc`: chained
/// exceptions first, then "Traceback (most recent call last):", the entries
/// and the final `Type: message` line (newline-terminated).
pub fn format_exception(vm: &Vm, exc: &PyRef) -> String {
    let mut p = Printer { vm, out: String::new(), seen: HashSet::new(), files: HashMap::new(), depth: 0, need_close: false };
    p.chain(exc);
    p.out
}

/// Write [`format_exception`]'s text to `out`.
pub fn print_exception(vm: &Vm, exc: &PyRef, out: &mut dyn std::fmt::Write) -> std::fmt::Result {
    out.write_str(&format_exception(vm, exc))
}

struct Printer<'a> {
    vm: &'a Vm,
    out: String,
    seen: HashSet<usize>,
    /// Source files read so far (`None`: unreadable).
    files: HashMap<String, Option<Vec<String>>>,
    /// Exception group nesting: lines get a `  | ` margin per level.
    depth: usize,
    /// The last sub-exception of a group closes the group's box.
    need_close: bool,
}

/// One traceback entry, resolved.
struct Entry {
    filename: String,
    lineno: u32,
    name: String,
    code: PyRef,
    lasti: usize,
}

impl Printer<'_> {
    /// Write one line with the current group margin.
    fn emit(&mut self, line: &str) {
        self.emit_with(line, "| ");
    }

    fn emit_with(&mut self, line: &str, margin: &str) {
        if self.depth > 0 {
            self.out.push_str(&"  ".repeat(self.depth));
            self.out.push_str(margin);
        }
        self.out.push_str(line);
        self.out.push('\n');
    }

    fn chain(&mut self, exc: &PyRef) {
        self.seen.insert(exc.as_ptr() as usize);
        if let Some(cause) = exc_cause(exc) {
            if !self.seen.contains(&(cause.as_ptr() as usize)) {
                self.chain(&cause);
                self.chain_message(CAUSE_MESSAGE);
            }
        } else if let Some(ctx) = exc_context(exc) {
            let suppressed = exc_obj(exc).is_some_and(|x| x.suppress_context.get());
            if !suppressed && !self.seen.contains(&(ctx.as_ptr() as usize)) {
                self.chain(&ctx);
                self.chain_message(CONTEXT_MESSAGE);
            }
        }
        match group_exceptions(self.vm, exc) {
            Some(excs) => self.group(exc, excs),
            None => self.single(exc, false),
        }
    }

    fn chain_message(&mut self, msg: &str) {
        self.emit("");
        self.emit(msg);
        self.emit("");
    }

    /// An exception group: itself, then each sub-exception in a box.
    fn group(&mut self, exc: &PyRef, excs: Vec<PyRef>) {
        let first = self.depth == 0;
        if first {
            self.depth = 1;
        }
        self.single(exc, true);
        let indent = "  ".repeat(self.depth);
        let n = excs.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for (i, e) in excs.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                self.need_close = true;
            }
            let pre = if i == 0 { "+-" } else { "  " };
            if i == MAX_GROUP_WIDTH {
                self.out.push_str(&format!("{}{}+---------------- ... ----------------\n", indent, pre));
            } else {
                self.out.push_str(&format!("{}{}+---------------- {} ----------------\n", indent, pre, i + 1));
            }
            self.depth += 1;
            if i == MAX_GROUP_WIDTH {
                let more = excs.len() - MAX_GROUP_WIDTH;
                self.emit(&format!("and {} more exception{}", more, if more > 1 { "s" } else { "" }));
            } else if self.depth > MAX_GROUP_DEPTH + 1 {
                self.emit(&format!("... (max_group_depth is {})", MAX_GROUP_DEPTH));
            } else {
                self.chain(e);
            }
            self.depth -= 1;
            if last && self.need_close {
                self.out.push_str(&format!("{}  +------------------------------------\n", indent));
                self.need_close = false;
            }
        }
        if first {
            self.depth = 0;
        }
    }

    fn single(&mut self, exc: &PyRef, is_group: bool) {
        if let Some(tb) = exc_traceback(exc) {
            if is_group {
                let margin = if self.depth == 1 { "+ " } else { "| " };
                self.emit_with("Exception Group Traceback (most recent call last):", margin);
            } else {
                self.emit("Traceback (most recent call last):");
            }
            self.entries(tb);
        }
        let vm = self.vm;
        let message = if vm.is_instance(exc, &vm.exc.syntax_error) {
            self.syntax_error_location(exc)
        } else {
            vm.str_string(exc).unwrap_or_else(|_| "<exception str() failed>".into())
        };
        let name = exception_type_name(vm, exc);
        let message = match super::suggest::suggestion(vm, exc) {
            Some(s) => message + &s,
            None => message,
        };
        if message.is_empty() {
            self.emit(&name);
        } else {
            self.emit(&format!("{}: {}", name, message));
        }
        self.notes(exc);
    }

    fn entries(&mut self, tb: PyRef) {
        let mut entries = Vec::new();
        let mut cur = Some(tb);
        while let Some(t) = cur {
            let Some(x) = t.downcast::<TracebackObj>() else { break };
            if let Some(c) = x.code.downcast::<CodeObj>() {
                entries.push(Entry {
                    filename: self.vm.str_of(&c.filename).unwrap_or("?").to_string(),
                    lineno: x.lineno,
                    name: self.vm.str_of(&c.name).unwrap_or("?").to_string(),
                    code: x.code.clone(),
                    lasti: x.lasti as usize,
                });
            }
            cur = cell_get(&x.next);
        }
        let skip = entries.len().saturating_sub(TRACEBACK_LIMIT);
        let mut last: Option<(String, u32, String)> = None;
        let mut count = 0;
        for e in &entries[skip..] {
            let key = (e.filename.clone(), e.lineno, e.name.clone());
            if last.as_ref() != Some(&key) {
                self.repeated(count);
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count <= RECURSIVE_CUTOFF {
                self.entry(e);
            }
        }
        self.repeated(count);
    }

    fn repeated(&mut self, count: usize) {
        if count > RECURSIVE_CUTOFF {
            let n = count - RECURSIVE_CUTOFF;
            self.emit(&format!("  [Previous line repeated {} more time{}]", n, if n > 1 { "s" } else { "" }));
        }
    }

    fn entry(&mut self, e: &Entry) {
        self.emit(&format!("  File \"{}\", line {}, in {}", e.filename, e.lineno, e.name));
        let Some(line) = self.source_line(&e.filename, e.lineno) else { return };
        let stripped = line.trim_start_matches([' ', '\t', '\x0c']).trim_end();
        if stripped.is_empty() {
            return;
        }
        self.emit(&format!("    {}", stripped));
        let loc = e.code.downcast::<CodeObj>().and_then(|c| c.code.locations.get(e.lasti).copied());
        if let Some(loc) = loc.filter(|l| l.line == e.lineno) {
            if let Some(carets) = super::carets::caret_line(&line, &loc) {
                self.emit(&carets);
            }
        }
    }

    fn source_line(&mut self, filename: &str, lineno: u32) -> Option<String> {
        let lines = self
            .files
            .entry(filename.to_string())
            .or_insert_with(|| std::fs::read_to_string(filename).ok().map(|s| s.lines().map(str::to_string).collect()));
        lines.as_ref()?.get((lineno as usize).checked_sub(1)?).cloned()
    }

    /// Print `  File "x.py", line 1`, the source text and the caret line of a
    /// `SyntaxError`; returns the message for the final line.
    fn syntax_error_location(&mut self, exc: &PyRef) -> String {
        let vm = self.vm;
        let attr = |n: &str| vm.lookup_attr_str(exc, n).ok().flatten().filter(|v| !vm.is_none(v));
        let int = |n: &str| attr(n).and_then(|v| vm.small_int_of(&v));
        let msg = attr("msg").and_then(|m| vm.str_string(&m).ok()).unwrap_or_default();
        let Some(lineno) = int("lineno") else {
            return vm.str_string(exc).unwrap_or_default();
        };
        let filename = attr("filename").and_then(|f| vm.str_string(&f).ok()).unwrap_or_else(|| "<string>".into());
        self.emit(&format!("  File \"{}\", line {}", filename, lineno));
        if let Some(text) = attr("text").and_then(|t| vm.str_of(&t).map(str::to_string)) {
            let offset = int("offset").unwrap_or(-1);
            let end_lineno = int("end_lineno").unwrap_or(lineno);
            let mut end_offset = int("end_offset").unwrap_or(-1);
            let size = text.chars().count() as i64;
            if end_lineno > lineno {
                end_offset = size;
            }
            end_offset = end_offset.min(size + 1);
            if vm.is_instance(exc, &vm.exc.indentation_error) {
                // IndentationError always shows a single caret.
                end_offset = -1;
            }
            self.error_text(offset, end_offset, &text);
        }
        msg
    }

    /// The source text of a syntax error and its caret line (offsets are 1-based).
    fn error_text(&mut self, offset: i64, end_offset: i64, text: &str) {
        let reps = if end_offset > 0 && end_offset > offset { end_offset - offset } else { 1 };
        let mut offset = offset - 1;
        let mut chars: Vec<char> = text.chars().collect();
        let lead = chars.iter().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count();
        chars.drain(..lead);
        offset -= lead as i64;
        let len = chars.len() as i64 - i64::from(chars.last() == Some(&'\n'));
        offset = offset.min(len);
        while let Some(nl) = chars.iter().position(|&c| c == '\n') {
            if nl as i64 >= offset {
                break;
            }
            chars.drain(..=nl);
            offset -= nl as i64 + 1;
        }
        let shown: String = chars.iter().collect();
        self.emit(&format!("    {}", shown.strip_suffix('\n').unwrap_or(&shown)));
        if offset < 0 {
            return;
        }
        self.emit(&format!("    {}{}", " ".repeat(offset as usize), "^".repeat(reps as usize)));
    }

    fn notes(&mut self, exc: &PyRef) {
        let vm = self.vm;
        let Some(d) = exc_obj(exc).and_then(|x| cell_get(&x.dict)) else { return };
        let Some(notes) = vm.dict_get_str(&d, "__notes__") else { return };
        match vm.collect(&notes) {
            Ok(items) if vm.str_of(&notes).is_none() => {
                for n in items {
                    let s = match vm.str_of(&n) {
                        Some(s) => s.to_string(),
                        None => vm.str_string(&n).unwrap_or_else(|_| "<note str() failed>".into()),
                    };
                    self.emit(&s);
                }
            }
            _ => {
                let r = vm.repr_string(&notes).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
                self.emit(&r);
            }
        }
    }
}

/// The sub-exceptions of an exception group (`None` for other exceptions).
fn group_exceptions(vm: &Vm, exc: &PyRef) -> Option<Vec<PyRef>> {
    let base = vm.dict_get_str(&vm.builtins, "BaseExceptionGroup").and_then(crate::types::TypeRef::new)?;
    if !vm.is_instance(exc, &base) {
        return None;
    }
    let args = exc_obj(exc)?.arg_items();
    vm.collect(args.get(1)?).ok()
}

/// The exception's class as the final traceback line names it: the
/// qualified name, prefixed by the module unless it is `builtins` or `__main__`.
pub(crate) fn exception_type_name(vm: &Vm, exc: &PyRef) -> String {
    let t = exc.ty();
    let qual = t.qualname().to_string();
    if !t.is_heap() {
        return qual;
    }
    match vm.dict_get_str(t.dict(), "__module__").and_then(|m| vm.str_of(&m).map(str::to_string)) {
        Some(m) if m != "builtins" && m != "__main__" => format!("{}.{}", m, qual),
        _ => qual,
    }
}
