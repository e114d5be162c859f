//! Differential test harness: runs every case under `tests/cases/` with the
//! `pyrite` binary and compares the result with the CPython 3.11 output that
//! `tests/regen.py` recorded next to the case.
//!
//! See `tests/README.md` for the rules (what is a case, how stderr is
//! normalised, the known-failures policy).
//!
//! Environment variables:
//! - `PYRITE_CASES=<substring>`: only run cases whose relative path
//!   (`area/name.py`) contains the substring. Known failures in the selection
//!   also get their diff printed.
//! - `PYRITE_UPDATE_KNOWN_FAILURES=1`: rewrite `tests/known_failures.txt` from
//!   the results of this run (only the entries of the selected cases change)
//!   and print what changed.
//!
//! A second test, `gc_stress`, runs the same cases with `PYRITE_GC_STRESS=1`
//! (every collector threshold 1, so collections run at nearly every safe
//! point) and requires the same output, except for the known failures and
//! the cases listed in `tests/gc_stress_skip.txt`, whose output is about
//! the collector's own numbers (thresholds, counts, when it runs).

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);
const THREADS: usize = 2;
const KNOWN_FAILURES: &str = "tests/known_failures.txt";
const GC_STRESS_SKIP: &str = "tests/gc_stress_skip.txt";

fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn pyrite_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_pyrite"))
}

/// A case: `tests/cases/<area>/<name>.py`, name not starting with `_`.
struct Case {
    /// `area/name.py`, always with `/`.
    rel: String,
    dir: PathBuf,
    file_name: String,
}

impl Case {
    fn expected(&self, ext: &str) -> PathBuf {
        let stem = self.file_name.strip_suffix(".py").unwrap_or(&self.file_name);
        self.dir.join(format!("{stem}.{ext}"))
    }
}

fn collect_cases(cases_dir: &Path) -> Vec<Case> {
    let mut out = Vec::new();
    let mut areas: Vec<_> = fs::read_dir(cases_dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", cases_dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    areas.sort();
    for area in areas {
        let area_name = area.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<_> = fs::read_dir(&area)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        for f in files {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".py") && !name.starts_with('_') {
                out.push(Case {
                    rel: format!("{area_name}/{name}"),
                    dir: area.clone(),
                    file_name: name,
                });
            }
        }
    }
    out
}

struct RunOutput {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// Exit code like Python's `returncode`: negative signal number if killed.
    code: Option<i32>,
    timed_out: bool,
}

fn exit_code(status: ExitStatus) -> Option<i32> {
    if let Some(c) = status.code() {
        return Some(c);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return Some(-sig);
        }
    }
    None
}

fn run_case(binary: &Path, case: &Case, gc_stress: bool) -> Result<RunOutput, String> {
    let mut cmd = Command::new(binary);
    cmd.arg(&case.file_name)
        .current_dir(&case.dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(key);
        }
    }
    cmd.env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("LC_ALL", "C.UTF-8");
    if gc_stress {
        cmd.env("PYRITE_GC_STRESS", "1");
    } else {
        cmd.env_remove("PYRITE_GC_STRESS");
    }
    // Own process group, so a timeout kills anything the case started too.
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let (out_tx, out_rx) = mpsc::channel();
    let (err_tx, err_rx) = mpsc::channel();
    thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        let _ = out_tx.send(v);
    });
    thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        let _ = err_tx.send(v);
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {
                if start.elapsed() > TIMEOUT {
                    timed_out = true;
                    #[cfg(unix)]
                    let _ = Command::new("kill")
                        .args(["-KILL", "--"])
                        .arg(format!("-{}", child.id()))
                        .stderr(Stdio::null())
                        .status();
                    let _ = child.kill();
                    break child.wait().map_err(|e| e.to_string())?;
                }
                thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(format!("wait failed: {e}")),
        }
    };
    // A process that outlives the case could keep the pipes open: do not
    // wait for end-of-file forever.
    let grace = Duration::from_secs(5);
    let stdout = out_rx.recv_timeout(grace).unwrap_or_default();
    let stderr = err_rx.recv_timeout(grace).unwrap_or_default();
    Ok(RunOutput { stdout, stderr, code: exit_code(status), timed_out })
}

/// Removes `<absolute case folder>/` from `text` (CPython prints absolute
/// script paths in tracebacks; regen.py applies the same rewrite).
fn strip_case_dir(text: &str, dir: &Path) -> String {
    let mut text = text.to_string();
    let mut prefixes = vec![dir.to_path_buf()];
    if let Ok(c) = dir.canonicalize() {
        prefixes.push(c);
    }
    for p in prefixes {
        let prefix = format!("{}/", p.display());
        text = text.replace(&prefix, "");
    }
    text
}

fn is_marker_line(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.chars().all(|c| c == '^' || c == '~')
}

/// The stderr normalisation documented in tests/README.md: after each
/// `  File "..."` line, drop one source-echo line (starting with 4 spaces) and
/// any caret/tilde marker lines (only `^`, `~` and spaces). Everything else
/// (the `Traceback` header, `File` lines, chain separators, exception lines,
/// `[Previous line repeated N more times]`, ordinary stderr output) is kept.
fn normalize_stderr(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if is_marker_line(line) {
            continue;
        }
        out.push(line.to_string());
        if line.starts_with("  File \"") {
            if let Some(next) = lines.peek() {
                if next.starts_with("    ") && !is_marker_line(next) {
                    lines.next();
                }
            }
            while let Some(next) = lines.peek() {
                if is_marker_line(next) {
                    lines.next();
                } else {
                    break;
                }
            }
        }
    }
    out
}

fn first_diff(what: &str, expected: &[String], actual: &[String]) -> Option<String> {
    let n = expected.len().max(actual.len());
    for i in 0..n {
        let e = expected.get(i);
        let a = actual.get(i);
        if e != a {
            let show = |x: Option<&String>| match x {
                Some(s) => format!("{s:?}"),
                None => "<end of output>".to_string(),
            };
            return Some(format!(
                "{what} line {}: expected {}, got {}",
                i + 1,
                show(e),
                show(a)
            ));
        }
    }
    None
}

fn lines_of(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes).split('\n').map(str::to_string).collect()
}

/// `Ok(())` if the case passes, else a short description of the first difference.
fn check_case(binary: &Path, case: &Case, gc_stress: bool) -> Result<(), String> {
    let read = |ext: &str| {
        fs::read(case.expected(ext)).map_err(|e| {
            format!("missing expected .{ext} ({e}); run python3 tests/regen.py {}", case.rel)
        })
    };
    let exp_stdout = read("stdout")?;
    let exp_stderr = read("stderr")?;
    let exp_code: i32 = String::from_utf8_lossy(&read("exitcode")?)
        .trim()
        .parse()
        .map_err(|e| format!("bad .exitcode file: {e}"))?;

    let run = run_case(binary, case, gc_stress)?;
    let stderr_text = String::from_utf8_lossy(&run.stderr);
    if let Some(line) = stderr_text.lines().find(|l| l.contains("panicked at")) {
        return Err(format!("Rust panic: {line}"));
    }
    if run.timed_out {
        return Err(format!("timeout after {}s (killed)", TIMEOUT.as_secs()));
    }
    if run.stdout != exp_stdout {
        return Err(first_diff("stdout", &lines_of(&exp_stdout), &lines_of(&run.stdout))
            .unwrap_or_else(|| "stdout differs".to_string()));
    }
    let actual_stderr = normalize_stderr(&strip_case_dir(&stderr_text, &case.dir));
    let expected_stderr = normalize_stderr(&String::from_utf8_lossy(&exp_stderr));
    if let Some(d) = first_diff("stderr (normalised)", &expected_stderr, &actual_stderr) {
        return Err(d);
    }
    match run.code {
        Some(c) if c == exp_code => Ok(()),
        Some(c) => Err(format!("exit code: expected {exp_code}, got {c}")),
        None => Err(format!("exit code: expected {exp_code}, got none")),
    }
}

fn read_known_failures(path: &Path) -> (Vec<String>, BTreeSet<String>) {
    let text = fs::read_to_string(path).unwrap_or_default();
    let mut header = Vec::new();
    let mut entries = BTreeSet::new();
    let mut in_header = true;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with('#') || t.is_empty() {
            if in_header && t.starts_with('#') {
                header.push(line.to_string());
            }
            continue;
        }
        in_header = false;
        entries.insert(t.to_string());
    }
    (header, entries)
}

fn write_known_failures(path: &Path, header: &[String], entries: &BTreeSet<String>) {
    let mut text = String::new();
    for h in header {
        text.push_str(h);
        text.push('\n');
    }
    for e in entries {
        text.push_str(e);
        text.push('\n');
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// Check every case over THREADS worker threads; results in case order.
fn check_all(binary: &Path, cases: &[Case], gc_stress: bool) -> Vec<Result<(), String>> {
    let results: Mutex<Vec<Option<Result<(), String>>>> = Mutex::new((0..cases.len()).map(|_| None).collect());
    let next = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= cases.len() {
                    break;
                }
                let r = check_case(binary, &cases[i], gc_stress);
                results.lock().unwrap()[i] = Some(r);
            });
        }
    });
    results.into_inner().unwrap().into_iter().map(Option::unwrap).collect()
}

#[test]
fn differential() {
    let root = repo_root();
    let binary = pyrite_binary();
    let filter = std::env::var("PYRITE_CASES").ok().filter(|s| !s.is_empty());
    let update = std::env::var("PYRITE_UPDATE_KNOWN_FAILURES").is_ok_and(|v| v == "1");

    let all_cases = collect_cases(&root.join("tests/cases"));
    let all_names: BTreeSet<String> = all_cases.iter().map(|c| c.rel.clone()).collect();
    let cases: Vec<Case> = all_cases
        .into_iter()
        .filter(|c| filter.as_ref().is_none_or(|f| c.rel.contains(f.as_str())))
        .collect();
    assert!(!cases.is_empty(), "no differential cases selected (PYRITE_CASES={filter:?})");

    let kf_path = root.join(KNOWN_FAILURES);
    let (header, known) = read_known_failures(&kf_path);

    let results = check_all(&binary, &cases, false);

    let mut passed = 0;
    let mut unexpected = Vec::new(); // failing, not listed
    let mut known_failing = Vec::new(); // failing, listed
    let mut now_passing = Vec::new(); // passing, listed
    for (case, r) in cases.iter().zip(&results) {
        let listed = known.contains(&case.rel);
        match (r, listed) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => {
                passed += 1;
                now_passing.push(case.rel.clone());
            }
            (Err(e), false) => unexpected.push((case.rel.clone(), e.clone())),
            (Err(e), true) => known_failing.push((case.rel.clone(), e.clone())),
        }
    }
    // Entries naming cases that do not exist (checked only on a full run).
    let stale: Vec<String> = if filter.is_none() {
        known.iter().filter(|k| !all_names.contains(*k)).cloned().collect()
    } else {
        Vec::new()
    };

    for (name, err) in &unexpected {
        println!("FAIL {name}: {err}");
    }
    if filter.is_some() {
        for (name, err) in &known_failing {
            println!("known failure {name}: {err}");
        }
    }

    let mut problems = !unexpected.is_empty();
    if update {
        let selected: BTreeSet<&str> = cases.iter().map(|c| c.rel.as_str()).collect();
        let mut new_known: BTreeSet<String> = known
            .iter()
            .filter(|k| !selected.contains(k.as_str()) && !stale.contains(k))
            .cloned()
            .collect();
        for (name, _) in unexpected.iter().chain(&known_failing) {
            new_known.insert(name.clone());
        }
        let header = if header.is_empty() {
            vec![
                "# Cases expected to fail for now, one path relative to tests/cases per line.".to_string(),
                "# The differential test fails if a case not listed here fails, and also if a".to_string(),
                "# listed case passes. See tests/README.md.".to_string(),
            ]
        } else {
            header
        };
        let added: Vec<_> = new_known.difference(&known).collect();
        let removed: Vec<_> = known.difference(&new_known).collect();
        for a in &added {
            println!("known_failures.txt: added {a}");
        }
        for r in &removed {
            println!("known_failures.txt: removed {r}");
        }
        if added.is_empty() && removed.is_empty() {
            println!("known_failures.txt: unchanged");
        } else {
            write_known_failures(&kf_path, &header, &new_known);
            println!(
                "known_failures.txt: {} added, {} removed, {} entries",
                added.len(),
                removed.len(),
                new_known.len()
            );
        }
        problems = false;
    } else {
        for name in &now_passing {
            println!("now passing, remove from known_failures.txt: {name}");
        }
        for name in &stale {
            println!("known_failures.txt lists a case that does not exist: {name}");
        }
        problems |= !now_passing.is_empty() || !stale.is_empty();
    }

    println!(
        "differential: {} passed, {} failed, {} known failures",
        passed,
        unexpected.len(),
        known_failing.len()
    );
    assert!(
        !problems,
        "differential test failed: {} unexpected failure(s), {} listed case(s) now passing, {} stale entr(y/ies) \
         (see the output above; PYRITE_UPDATE_KNOWN_FAILURES=1 rewrites tests/known_failures.txt)",
        unexpected.len(),
        now_passing.len(),
        stale.len()
    );
}

/// The whole suite once more under `PYRITE_GC_STRESS=1`.
#[test]
fn gc_stress() {
    let root = repo_root();
    let binary = pyrite_binary();
    let filter = std::env::var("PYRITE_CASES").ok().filter(|s| !s.is_empty());
    let (_, known) = read_known_failures(&root.join(KNOWN_FAILURES));
    let (_, skip) = read_known_failures(&root.join(GC_STRESS_SKIP));
    let all_cases = collect_cases(&root.join("tests/cases"));
    let names: BTreeSet<String> = all_cases.iter().map(|c| c.rel.clone()).collect();
    let stale: Vec<&String> = skip.iter().filter(|k| !names.contains(*k)).collect();
    assert!(stale.is_empty(), "{GC_STRESS_SKIP} lists cases that do not exist: {stale:?}");
    let cases: Vec<Case> = all_cases
        .into_iter()
        .filter(|c| filter.as_ref().is_none_or(|f| c.rel.contains(f.as_str())))
        .filter(|c| !known.contains(&c.rel) && !skip.contains(&c.rel))
        .collect();
    let failures: Vec<(String, String)> = cases
        .iter()
        .zip(check_all(&binary, &cases, true))
        .filter_map(|(c, r)| r.err().map(|e| (c.rel.clone(), e)))
        .collect();
    for (name, err) in &failures {
        println!("FAIL (gc stress) {name}: {err}");
    }
    println!(
        "gc stress: {} passed, {} failed, {} skipped ({} known failures, {} in {GC_STRESS_SKIP})",
        cases.len() - failures.len(),
        failures.len(),
        known.len() + skip.len(),
        known.len(),
        skip.len()
    );
    assert!(failures.is_empty(), "{} case(s) differ under PYRITE_GC_STRESS=1", failures.len());
}

#[cfg(test)]
mod normalisation {
    use super::normalize_stderr;

    #[test]
    fn drops_source_echo_and_markers() {
        let text = "Traceback (most recent call last):\n  File \"a.py\", line 3, in <module>\n    print(x / y)\n          ~~^~~\nZeroDivisionError: division by zero\n";
        assert_eq!(
            normalize_stderr(text),
            vec![
                "Traceback (most recent call last):",
                "  File \"a.py\", line 3, in <module>",
                "ZeroDivisionError: division by zero",
            ]
        );
    }

    #[test]
    fn without_echo_is_the_same() {
        let a = "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n";
        let b = "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nZeroDivisionError: division by zero\n";
        assert_eq!(normalize_stderr(a), normalize_stderr(b));
    }

    #[test]
    fn syntax_error_and_plain_stderr() {
        let text = "  File \"s.py\", line 2\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n";
        assert_eq!(normalize_stderr(text), vec!["  File \"s.py\", line 2", "SyntaxError: invalid syntax"]);
        let plain = "warning: x\n    indented stays\n";
        assert_eq!(normalize_stderr(plain), vec!["warning: x", "    indented stays"]);
    }
}
