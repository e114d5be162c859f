//! A disassembler producing text close to CPython 3.11's `python -m dis`.

use std::fmt::Write;

use crate::bytecode::{binary_op_symbol, CodeObject, Constant, Opcode, COMPARE_OPS};

/// Python's `repr()` of a float.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Shortest round-trip digits and decimal exponent.
    let e = format!("{:e}", f.abs());
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if f < 0.0 { "-" } else { "" };
    let body = if !(-4..16).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        format!("{first}{frac}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    } else if exp < 0 {
        format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
    } else {
        let point = exp as usize + 1;
        if digits.len() <= point {
            format!("{digits}{}.0", "0".repeat(point - digits.len()))
        } else {
            format!("{}.{}", &digits[..point], &digits[point..])
        }
    };
    format!("{sign}{body}")
}

fn complex_part(f: f64) -> String {
    let r = float_repr(f);
    r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
}

fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if !is_printable(c) => {
                let v = c as u32;
                if v <= 0xff {
                    let _ = write!(out, "\\x{v:02x}");
                } else if v <= 0xffff {
                    let _ = write!(out, "\\u{v:04x}");
                } else {
                    let _ = write!(out, "\\U{v:08x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Approximation of Python's `str.isprintable` for one character: control, format,
/// separator (other than space), private-use and noncharacter code points are escaped.
fn is_printable(c: char) -> bool {
    let v = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(
        v,
        0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x890..=0x891 | 0x8e2 | 0x180e
            | 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x206f | 0xd800..=0xf8ff
            | 0xfeff | 0xfff0..=0xfffb | 0xfffe..=0xffff | 0x110bd | 0x110cd
            | 0x1d173..=0x1d17a | 0xe0000..=0xe0fff | 0xf0000..
    )
}

fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// The header used for a code object: `<code object f, file "x.py", line 1>`.
pub fn code_repr(code: &CodeObject) -> String {
    format!("<code object {}, file \"{}\", line {}>", code.name, code.filename, code.firstlineno)
}

/// Python's `repr()` of a constant.
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { re, im } => {
            if *re == 0.0 && re.is_sign_positive() {
                format!("{}j", complex_part(*im))
            } else {
                let im_s = complex_part(*im);
                let sign = if im_s.starts_with('-') { "" } else { "+" };
                format!("({}{sign}{im_s}j)", complex_part(*re))
            }
        }
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                "frozenset()".into()
            } else {
                let parts: Vec<String> = items.iter().map(const_repr).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
        Constant::Code(code) => code_repr(code),
    }
}

fn is_jump(op: Opcode) -> Option<bool> {
    use Opcode::*;
    match op {
        JUMP_FORWARD | POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_FORWARD_IF_TRUE
        | POP_JUMP_FORWARD_IF_NOT_NONE | POP_JUMP_FORWARD_IF_NONE | JUMP_IF_FALSE_OR_POP
        | JUMP_IF_TRUE_OR_POP | FOR_ITER | SEND => Some(true),
        JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT | POP_JUMP_BACKWARD_IF_FALSE
        | POP_JUMP_BACKWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_NOT_NONE
        | POP_JUMP_BACKWARD_IF_NONE => Some(false),
        _ => None,
    }
}

/// Whether CPython's `dis` shows an argument for this opcode (opcodes >= HAVE_ARGUMENT).
fn has_arg(op: Opcode) -> bool {
    use Opcode::*;
    !matches!(
        op,
        NOP | POP_TOP
            | PUSH_NULL
            | UNARY_POSITIVE
            | UNARY_NEGATIVE
            | UNARY_NOT
            | UNARY_INVERT
            | BINARY_SUBSCR
            | STORE_SUBSCR
            | DELETE_SUBSCR
            | PUSH_EXC_INFO
            | CHECK_EXC_MATCH
            | WITH_EXCEPT_START
            | BEFORE_WITH
            | GET_ITER
            | GET_YIELD_FROM_ITER
            | PRINT_EXPR
            | LOAD_BUILD_CLASS
            | LOAD_ASSERTION_ERROR
            | LIST_TO_TUPLE
            | RETURN_VALUE
            | IMPORT_STAR
            | SETUP_ANNOTATIONS
            | YIELD_VALUE
            | POP_EXCEPT
    )
}

/// Jump target (instruction index) of the instruction at `i`, if it is a jump.
pub fn jump_target(code: &CodeObject, i: usize) -> Option<usize> {
    let forward = is_jump(code.instructions[i].op)?;
    let arg = code.full_arg(i) as usize;
    Some(if forward { i + 1 + arg } else { (i + 1).saturating_sub(arg) })
}

fn argrepr(code: &CodeObject, i: usize) -> String {
    use Opcode::*;
    let ins = code.instructions[i];
    let arg = code.full_arg(i);
    let a = arg as usize;
    let name = |v: &Vec<String>, k: usize| v.get(k).cloned().unwrap_or_default();
    match ins.op {
        LOAD_CONST => code.consts.get(a).map(const_repr).unwrap_or_default(),
        LOAD_NAME | STORE_NAME | DELETE_NAME | STORE_GLOBAL | DELETE_GLOBAL | LOAD_ATTR
        | STORE_ATTR | DELETE_ATTR | LOAD_METHOD | IMPORT_NAME | IMPORT_FROM => {
            name(&code.names, a)
        }
        LOAD_GLOBAL => {
            let n = name(&code.names, a >> 1);
            if a & 1 == 1 {
                format!("NULL + {n}")
            } else {
                n
            }
        }
        LOAD_FAST | STORE_FAST | DELETE_FAST | LOAD_CLOSURE | LOAD_DEREF | STORE_DEREF
        | DELETE_DEREF | LOAD_CLASSDEREF | MAKE_CELL => name(&code.localsplusnames, a),
        COMPARE_OP => COMPARE_OPS.get(a).copied().unwrap_or("?").to_string(),
        BINARY_OP => binary_op_symbol(arg).unwrap_or("?").to_string(),
        FORMAT_VALUE => {
            let conv = ["", "str", "repr", "ascii"][a & 3];
            match (conv, a & 4 != 0) {
                ("", true) => "with format".into(),
                (c, true) => format!("{c}, with format"),
                (c, false) => c.into(),
            }
        }
        MAKE_FUNCTION => {
            let names = ["defaults", "kwdefaults", "annotations", "closure"];
            let parts: Vec<&str> =
                names.iter().enumerate().filter(|(k, _)| a & (1 << k) != 0).map(|(_, n)| *n).collect();
            parts.join(", ")
        }
        _ => match jump_target(code, i) {
            Some(t) => format!("to {}", t * 2),
            None => String::new(),
        },
    }
}

/// Disassembles one code object (not recursing into nested code).
pub fn disassemble_one(code: &CodeObject, out: &mut String) {
    let n = code.instructions.len();
    let mut targets = vec![false; n + 1];
    for t in (0..n).filter_map(|i| jump_target(code, i)) {
        if t <= n {
            targets[t] = true;
        }
    }
    for e in &code.exception_table {
        if (e.target as usize) <= n {
            targets[e.target as usize] = true;
        }
    }
    // Line starts: first instruction of each run of a new line.
    let maxline = code.locations.iter().map(|l| l.line).max().unwrap_or(0);
    let lineno_width = if maxline >= 1000 { maxline.to_string().len() } else { 3 };
    let maxoffset = n.saturating_sub(1) * 2;
    let offset_width = if maxoffset >= 10000 { maxoffset.to_string().len() } else { 4 };
    let mut last_line: Option<u32> = None;
    for (i, (&ins, &is_target)) in code.instructions.iter().zip(&targets).enumerate() {
        let loc = code.locations.get(i).copied().unwrap_or_default();
        let is_module_resume = i == 0 && ins.op == Opcode::RESUME && loc.line == 0;
        let starts = if is_module_resume {
            last_line = Some(0);
            Some(0)
        } else if loc.line != 0 && last_line != Some(loc.line) {
            last_line = Some(loc.line);
            Some(loc.line)
        } else {
            None
        };
        if starts.is_some() && i > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        match starts {
            Some(l) => fields.push(format!("{l:>lineno_width$}")),
            None => fields.push(" ".repeat(lineno_width)),
        }
        fields.push("   ".into());
        fields.push(if is_target { ">>".into() } else { "  ".into() });
        fields.push(format!("{:>offset_width$}", i * 2));
        fields.push(format!("{:<20}", ins.op.name()));
        if has_arg(ins.op) {
            fields.push(format!("{:>5}", code.full_arg(i)));
            let r = argrepr(code, i);
            if !r.is_empty() {
                fields.push(format!("({r})"));
            }
        }
        let line = fields.join(" ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start * 2,
                e.end.saturating_sub(1) * 2,
                e.target * 2,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
}

/// Disassembles a code object and, recursively, the code objects among its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_one(code, &mut out);
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            let _ = write!(out, "\nDisassembly of {}:\n", code_repr(inner));
            out.push_str(&disassemble(inner));
        }
    }
    out
}
