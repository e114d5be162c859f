//! File objects (`_io.TextIOWrapper`, and binary files sharing the same
//! type): `open()`'s result and `sys.stdin`/`stdout`/`stderr`.
//!
//! Buffering follows CPython: stdout is line-buffered on a terminal and
//! block-buffered otherwise (flushed at exit, see [`Vm::flush_stdout`]);
//! stderr is flushed on every write; files flush when the buffer fills, on
//! `flush()`/`close()`, and when the object dies.

use std::cell::RefCell;
use std::io::{IsTerminal, Read, Write};

use crate::object::{alloc_object, ObjHeader, PyRef};
use crate::types::typeobj::{FuncArgs, Layout, Slots};
use crate::vm::Vm;
use crate::PyResult;

/// A file object.
#[repr(C)]
pub struct TextIOObj {
    /// Header.
    pub ob: ObjHeader,
    /// `name` (a str, or an int for file descriptors).
    pub name: PyRef,
    /// `mode` as given to `open`.
    pub mode: Box<str>,
    /// Binary file (`rb`/`wb`): bytes in and out.
    pub binary: bool,
    /// Stream state; never borrowed across a call into Python code.
    pub state: RefCell<StreamState>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for TextIOObj {
    const LAYOUT: Layout = Layout::TextIO;
}

/// Where the bytes go.
pub enum Backend {
    /// Standard input (fd 0).
    Stdin,
    /// Standard output (fd 1).
    Stdout,
    /// Standard error (fd 2).
    Stderr,
    /// A file opened by `open()`.
    File(std::fs::File),
    /// After `close()`.
    Closed,
}

/// The buffers and the backend of a file object.
pub struct StreamState {
    backend: Backend,
    readable: bool,
    writable: bool,
    /// Flush after each write ending a line.
    line_buffering: bool,
    /// Flush after every write.
    write_through: bool,
    wbuf: Vec<u8>,
    rbuf: Vec<u8>,
    eof: bool,
}

const BUFFER_SIZE: usize = 8192;

/// Most output kept pending after failed writes.
const MAX_PENDING: usize = 1 << 20;

impl StreamState {
    fn new(backend: Backend, readable: bool, writable: bool) -> Self {
        StreamState {
            backend,
            readable,
            writable,
            line_buffering: false,
            write_through: false,
            wbuf: Vec::new(),
            rbuf: Vec::new(),
            eof: false,
        }
    }

    fn is_closed(&self) -> bool {
        matches!(self.backend, Backend::Closed)
    }

    /// Write out the pending output. On failure a buffered stream keeps it
    /// pending (as CPython's buffered writer does, so the final flush at
    /// exit fails again and is reported), up to a bound past which it is
    /// dropped; an unbuffered one drops it.
    fn flush(&mut self) -> std::io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let buf = std::mem::take(&mut self.wbuf);
        let r = self.write_out(&buf);
        if r.is_err() && !self.write_through && buf.len() <= MAX_PENDING {
            self.wbuf = buf;
        }
        r
    }

    fn write_out(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match &mut self.backend {
            Backend::Stdout => {
                let mut o = std::io::stdout().lock();
                o.write_all(buf)?;
                o.flush()
            }
            Backend::Stderr => {
                let mut o = std::io::stderr().lock();
                o.write_all(buf)?;
                o.flush()
            }
            Backend::File(f) => f.write_all(buf),
            Backend::Stdin | Backend::Closed => Ok(()),
        }
    }

    fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.wbuf.extend_from_slice(data);
        if self.write_through || self.wbuf.len() >= BUFFER_SIZE || (self.line_buffering && data.contains(&b'\n')) {
            self.flush()?;
        }
        Ok(())
    }

    /// Read more input into `rbuf`; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        let mut chunk = [0u8; BUFFER_SIZE];
        let n = match &mut self.backend {
            Backend::Stdin => std::io::stdin().lock().read(&mut chunk)?,
            Backend::File(f) => f.read(&mut chunk)?,
            _ => 0,
        };
        self.rbuf.extend_from_slice(&chunk[..n]);
        if n == 0 {
            self.eof = true;
        }
        Ok(n > 0)
    }

    /// Everything up to end of file.
    fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        while self.fill()? {}
        Ok(std::mem::take(&mut self.rbuf))
    }

    /// One line including its `\n` (empty at end of file).
    fn read_line(&mut self) -> std::io::Result<Vec<u8>> {
        let mut searched = 0;
        loop {
            if let Some(i) = self.rbuf[searched..].iter().position(|&b| b == b'\n') {
                return Ok(self.rbuf.drain(..searched + i + 1).collect());
            }
            searched = self.rbuf.len();
            if !self.fill()? {
                return Ok(std::mem::take(&mut self.rbuf));
            }
        }
    }

    /// At most `n` bytes (binary) — or, for text, at least enough bytes to hold `n` chars.
    fn read_bytes(&mut self, n: usize) -> std::io::Result<Vec<u8>> {
        while self.rbuf.len() < n && self.fill()? {}
        let n = n.min(self.rbuf.len());
        Ok(self.rbuf.drain(..n).collect())
    }
}

impl Drop for StreamState {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

impl Vm {
    /// Flush `sys.stdout` and `sys.stderr` at exit: a failure is reported
    /// as CPython's finalization reports it ("Exception ignored in: <the
    /// stream's repr>" and the `OSError`, on stderr if it still works), and
    /// gives `false`: the process then exits with status 120.
    pub fn flush_std_streams_at_exit(&self) -> bool {
        let Some(sys) = self.sys.borrow().clone() else { return true };
        let mut ok = true;
        for name in ["stdout", "stderr"] {
            let Some(s) = self.dict_get_str(crate::types::module::module_dict(&sys), name) else { continue };
            if let Some(err) = self.flush_stream(&s) {
                ok = false;
                let what = self.repr_string(&s).unwrap_or_else(|_| "<object repr() failed>".into());
                crate::vm::write_process_stderr(&format!(
                    "Exception ignored in: {what}\n{}",
                    crate::types::exceptions::format_exception(self, &err.0)
                ));
            }
        }
        ok
    }

    /// Flush `sys.stdout` and `sys.stderr` (and the original streams if they
    /// were replaced): at exit, and before printing a traceback. Errors are ignored.
    pub fn flush_stdout(&self) {
        let Some(sys) = self.sys.borrow().clone() else { return };
        let d = crate::types::module::module_dict(&sys).clone();
        for name in ["stdout", "stderr", "__stdout__", "__stderr__"] {
            if let Some(s) = self.dict_get_str(&d, name) {
                drop(self.flush_stream(&s));
            }
        }
    }

    /// Flush one of the `sys` streams (ours directly, a replacement through
    /// its `flush()`; `None` is skipped): the error, if it failed.
    fn flush_stream(&self, s: &PyRef) -> Option<crate::PyErr> {
        match s.downcast::<TextIOObj>() {
            Some(f) => {
                let r = f.state.borrow_mut().flush();
                r.err().map(|e| io_err(self, e))
            }
            None if !self.is_none(s) => self.call_method(s, "flush", &[]).err(),
            None => None,
        }
    }
}

fn new_stream(vm: &Vm, name: PyRef, mode: &str, binary: bool, state: StreamState) -> PyRef {
    alloc_object(&vm.types.textio, |ob| TextIOObj { ob, name, mode: mode.into(), binary, state: RefCell::new(state) })
}

/// New `sys.stdin`, `sys.stdout`, `sys.stderr` objects over fds 0, 1, 2.
pub fn std_streams(vm: &Vm) -> [PyRef; 3] {
    let stdin = new_stream(vm, vm.new_str("<stdin>"), "r", false, StreamState::new(Backend::Stdin, true, false));
    let mut out = StreamState::new(Backend::Stdout, false, true);
    out.line_buffering = std::io::stdout().is_terminal();
    // PYTHONUNBUFFERED: every write goes straight out (and fails at once).
    let unbuffered = std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty());
    out.write_through = unbuffered;
    let stdout = new_stream(vm, vm.new_str("<stdout>"), "w", false, out);
    let mut err = StreamState::new(Backend::Stderr, false, true);
    err.line_buffering = true;
    err.write_through = unbuffered;
    let stderr = new_stream(vm, vm.new_str("<stderr>"), "w", false, err);
    [stdin, stdout, stderr]
}

/// `open(file, mode='r', buffering=-1, encoding=None, ...)`.
pub fn open(vm: &Vm, file: &PyRef, mode: &str) -> PyResult {
    let path = vm.str_of(file).ok_or_else(|| vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", file.ty().name())))?;
    let mut seen = String::new();
    for c in mode.chars() {
        if !"axrwb+t".contains(c) || seen.contains(c) {
            return Err(vm.value_error(format!("invalid mode: '{}'", mode)));
        }
        seen.push(c);
    }
    let has = |c: char| seen.contains(c);
    let binary = has('b');
    if binary && has('t') {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let kinds: Vec<char> = seen.chars().filter(|c| "xrwa".contains(*c)).collect();
    if kinds.len() > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    let Some(&kind) = kinds.first() else {
        return Err(vm.value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    };
    let plus = has('+');
    let mut opts = std::fs::OpenOptions::new();
    let (readable, writable) = (kind == 'r' || plus, kind != 'r' || plus);
    match kind {
        'w' => {
            opts.create(true).truncate(true);
        }
        'a' => {
            opts.create(true).append(true);
        }
        'x' => {
            opts.create_new(true);
        }
        _ => {}
    }
    opts.read(readable).write(writable && !mode.contains('a'));
    let f = opts.open(path).map_err(|e| super::exceptions::os_error_from_io(vm, &e, Some(file)))?;
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(super::exceptions::os_error_from_io(vm, &e, Some(file)));
    }
    Ok(new_stream(vm, file.clone(), mode, binary, StreamState::new(Backend::File(f), readable, writable)))
}

// ----- methods -----

fn this<'a>(vm: &Vm, a: &FuncArgs<'a>) -> PyResult<&'a TextIOObj> {
    a.positional().first().and_then(|s| s.downcast::<TextIOObj>()).ok_or_else(|| vm.type_error("descriptor requires a '_io.TextIOWrapper' object"))
}

fn io_err(vm: &Vm, e: std::io::Error) -> crate::PyErr {
    super::exceptions::os_error_from_io(vm, &e, None)
}

/// Borrow the state of an open file, or raise `ValueError` if closed.
fn open_state<'a>(vm: &Vm, f: &'a TextIOObj) -> PyResult<std::cell::RefMut<'a, StreamState>> {
    let s = f.state.try_borrow_mut().map_err(|_| vm.runtime_error("reentrant call inside file object"))?;
    if s.is_closed() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(s)
}

fn unsupported(vm: &Vm, what: &str) -> crate::PyErr {
    vm.new_exception_msg(&vm.exc.os_error, what)
}

fn file_write(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let f = this(vm, &a)?;
    let data = a.positional().get(1).ok_or_else(|| vm.type_error("write() takes exactly one argument (0 given)"))?;
    let (bytes, count) = if f.binary {
        let b = bytes_of(data).ok_or_else(|| vm.type_error(format!("a bytes-like object is required, not '{}'", data.ty().name())))?;
        let n = b.len();
        (b, n)
    } else {
        let s = vm.str_of(data).ok_or_else(|| vm.type_error(format!("write() argument must be str, not {}", data.ty().name())))?;
        (s.as_bytes().to_vec(), s.chars().count())
    };
    let mut st = open_state(vm, f)?;
    if !st.writable {
        return Err(unsupported(vm, "not writable"));
    }
    st.write(&bytes).map_err(|e| io_err(vm, e))?;
    Ok(vm.new_int(count as i64))
}

/// Write text to a text file object (the fast path of `print`).
pub fn write_str(vm: &Vm, f: &TextIOObj, text: &str) -> PyResult<()> {
    let mut st = open_state(vm, f)?;
    if !st.writable {
        return Err(unsupported(vm, "not writable"));
    }
    st.write(text.as_bytes()).map_err(|e| io_err(vm, e))
}

fn bytes_of(o: &PyRef) -> Option<Vec<u8>> {
    if let Some(b) = o.downcast::<crate::types::bytes::BytesObj>() {
        return Some(b.value.to_vec());
    }
    o.downcast::<crate::types::bytes::ByteArrayObj>().map(|b| {
        // SAFETY: short borrow to copy the bytes; no Python code runs.
        unsafe { (*b.value.get()).clone() }
    })
}

/// Decode bytes read from a text file (universal newlines).
fn decode(vm: &Vm, bytes: Vec<u8>) -> PyResult {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(vm.new_string(if s.contains('\r') { s.replace("\r\n", "\n").replace('\r', "\n") } else { s })),
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let b = e.as_bytes();
            Err(vm.new_exception(
                &vm.exc.unicode_decode_error,
                vec![
                    vm.new_str("utf-8"),
                    vm.new_bytes(b.to_vec()),
                    vm.new_int(pos as i64),
                    vm.new_int(pos as i64 + 1),
                    vm.new_str(if b[pos] >= 0x80 && b[pos] < 0xc0 { "invalid start byte" } else { "invalid continuation byte" }),
                ],
            ))
        }
    }
}

fn result(vm: &Vm, f: &TextIOObj, bytes: Vec<u8>) -> PyResult {
    if f.binary {
        Ok(vm.new_bytes(bytes))
    } else {
        decode(vm, bytes)
    }
}

fn readable_state<'a>(vm: &Vm, f: &'a TextIOObj) -> PyResult<std::cell::RefMut<'a, StreamState>> {
    let st = open_state(vm, f)?;
    if !st.readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(st)
}

fn size_arg(vm: &Vm, a: &FuncArgs<'_>) -> PyResult<Option<usize>> {
    match a.positional().get(1) {
        Some(n) if !vm.is_none(n) => Ok(usize::try_from(vm.index_i64(n)?).ok()),
        _ => Ok(None),
    }
}

fn file_read(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let f = this(vm, &a)?;
    let n = size_arg(vm, &a)?;
    let bytes = {
        let mut st = readable_state(vm, f)?;
        match n {
            None => st.read_all(),
            Some(n) if f.binary => st.read_bytes(n),
            Some(n) => read_chars(&mut st, n),
        }
        .map_err(|e| io_err(vm, e))?
    };
    result(vm, f, bytes)
}

/// The bytes of the next `n` characters of UTF-8 text.
fn read_chars(st: &mut StreamState, n: usize) -> std::io::Result<Vec<u8>> {
    loop {
        let mut chars = 0;
        let mut end = None;
        for (i, &b) in st.rbuf.iter().enumerate() {
            if b & 0xc0 != 0x80 {
                if chars == n {
                    end = Some(i);
                    break;
                }
                chars += 1;
            }
        }
        if let Some(e) = end {
            return Ok(st.rbuf.drain(..e).collect());
        }
        if !st.fill()? {
            return Ok(std::mem::take(&mut st.rbuf));
        }
    }
}

/// The next line, `None` at end of file.
fn next_line(vm: &Vm, f: &TextIOObj) -> PyResult<Option<PyRef>> {
    let bytes = readable_state(vm, f)?.read_line().map_err(|e| io_err(vm, e))?;
    if bytes.is_empty() {
        return Ok(None);
    }
    result(vm, f, bytes).map(Some)
}

fn read_line(vm: &Vm, f: &TextIOObj) -> PyResult {
    match next_line(vm, f)? {
        Some(l) => Ok(l),
        None if f.binary => Ok(vm.empty_bytes.clone()),
        None => Ok(vm.empty_str.clone()),
    }
}

fn file_readline(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    read_line(vm, this(vm, &a)?)
}

fn file_readlines(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let f = this(vm, &a)?;
    let mut lines = Vec::new();
    while let Some(l) = next_line(vm, f)? {
        lines.push(l);
    }
    Ok(vm.new_list(lines))
}

fn file_writelines(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let s = a.positional().first().cloned().ok_or_else(|| vm.type_error("writelines() needs self"))?;
    let lines = a.positional().get(1).ok_or_else(|| vm.type_error("writelines() takes exactly one argument (0 given)"))?;
    for l in vm.collect(lines)? {
        file_write(vm, FuncArgs::pos(&[s.clone(), l]))?;
    }
    Ok(vm.none())
}

fn file_close(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let f = this(vm, &a)?;
    let mut st = f.state.try_borrow_mut().map_err(|_| vm.runtime_error("reentrant call inside file object"))?;
    if !st.is_closed() {
        let r = st.flush();
        st.backend = Backend::Closed;
        r.map_err(|e| io_err(vm, e))?;
    }
    Ok(vm.none())
}

fn file_flush(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let f = this(vm, &a)?;
    open_state(vm, f)?.flush().map_err(|e| io_err(vm, e))?;
    Ok(vm.none())
}

fn file_fileno(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    use std::os::fd::AsRawFd;
    let f = this(vm, &a)?;
    let st = open_state(vm, f)?;
    Ok(vm.new_int(match &st.backend {
        Backend::Stdin => 0,
        Backend::Stdout => 1,
        Backend::Stderr => 2,
        Backend::File(file) => file.as_raw_fd() as i64,
        Backend::Closed => -1,
    }))
}

fn file_isatty(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let f = this(vm, &a)?;
    let st = open_state(vm, f)?;
    Ok(vm.new_bool(match &st.backend {
        Backend::Stdin => std::io::stdin().is_terminal(),
        Backend::Stdout => std::io::stdout().is_terminal(),
        Backend::Stderr => std::io::stderr().is_terminal(),
        Backend::File(file) => file.is_terminal(),
        Backend::Closed => false,
    }))
}

fn file_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let Some(f) = o.downcast::<TextIOObj>() else { return Ok(vm.new_string(vm.default_repr(o))) };
    let name = vm.repr_string(&f.name)?;
    Ok(vm.new_string(if f.binary {
        let kind = if f.mode.contains('r') && !f.mode.contains('+') { "BufferedReader" } else { "BufferedWriter" };
        format!("<_io.{} name={}>", kind, name)
    } else {
        format!("<_io.TextIOWrapper name={} mode='{}' encoding='utf-8'>", name, f.mode)
    }))
}

fn file_iternext(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let f = o.downcast::<TextIOObj>().ok_or_else(|| vm.type_error("not a file"))?;
    next_line(vm, f)
}

fn getter<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a TextIOObj> {
    o.downcast::<TextIOObj>().ok_or_else(|| vm.type_error(format!("descriptor requires a '_io.TextIOWrapper' object but received a '{}'", o.ty().name())))
}

/// Install the file type's slots, methods and attributes.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.textio;
    vm.set_type_slots(
        t,
        Slots {
            repr: Some(file_repr),
            iter: Some(|vm, o| {
                let f = o.downcast::<TextIOObj>().ok_or_else(|| vm.type_error("not a file"))?;
                drop(open_state(vm, f)?);
                Ok(o.clone())
            }),
            iternext: Some(file_iternext),
            ..Default::default()
        },
    );
    vm.add_method(t, "write", file_write);
    vm.add_method(t, "read", file_read);
    vm.add_method(t, "readline", file_readline);
    vm.add_method(t, "readlines", file_readlines);
    vm.add_method(t, "writelines", file_writelines);
    vm.add_method(t, "close", file_close);
    vm.add_method(t, "flush", file_flush);
    vm.add_method(t, "fileno", file_fileno);
    vm.add_method(t, "isatty", file_isatty);
    vm.add_method(t, "readable", |vm, a| Ok(vm.new_bool(open_state(vm, this(vm, &a)?)?.readable)));
    vm.add_method(t, "writable", |vm, a| Ok(vm.new_bool(open_state(vm, this(vm, &a)?)?.writable)));
    vm.add_method(t, "__enter__", |vm, a| {
        drop(open_state(vm, this(vm, &a)?)?);
        Ok(a.args[0].clone())
    });
    vm.add_method(t, "__exit__", |vm, a| {
        file_close(vm, FuncArgs::pos(&a.args[..1]))?;
        Ok(vm.none())
    });
    vm.add_getset(t, "name", |vm, o| Ok(getter(vm, o)?.name.clone()), None);
    vm.add_getset(t, "mode", |vm, o| Ok(vm.new_str(&getter(vm, o)?.mode)), None);
    vm.add_getset(t, "closed", |vm, o| Ok(vm.new_bool(getter(vm, o)?.state.borrow().is_closed())), None);
    vm.add_getset(t, "encoding", |vm, _| Ok(vm.new_str("utf-8")), None);
    vm.add_getset(t, "line_buffering", |vm, o| Ok(vm.new_bool(getter(vm, o)?.state.borrow().line_buffering)), None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_then_read_file() {
        let vm = Vm::new();
        let path = std::env::temp_dir().join(format!("pyrite_textio_{}.txt", std::process::id()));
        let name = vm.new_str(path.to_str().unwrap());
        let f = open(&vm, &name, "w").unwrap();
        let n = file_write(&vm, FuncArgs::pos(&[f.clone(), vm.new_str("héllo\nworld\n")])).unwrap();
        assert_eq!(vm.small_int_of(&n), Some(12));
        file_close(&vm, FuncArgs::pos(&[f])).unwrap();
        let f = open(&vm, &name, "r").unwrap();
        let l = file_readline(&vm, FuncArgs::pos(std::slice::from_ref(&f))).unwrap();
        assert_eq!(vm.str_of(&l), Some("héllo\n"));
        let two = file_read(&vm, FuncArgs::pos(&[f.clone(), vm.new_int(2)])).unwrap();
        assert_eq!(vm.str_of(&two), Some("wo"));
        let rest = file_read(&vm, FuncArgs::pos(&[f])).unwrap();
        assert_eq!(vm.str_of(&rest), Some("rld\n"));
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn missing_file_is_file_not_found() {
        let vm = Vm::new();
        let e = open(&vm, &vm.new_str("/nonexistent/x"), "r").unwrap_err();
        assert_eq!(e.0.ty().name(), "FileNotFoundError");
        assert_eq!(vm.str_string(&e.0).unwrap(), "[Errno 2] No such file or directory: '/nonexistent/x'");
    }
}
