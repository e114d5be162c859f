//! The built-in codecs: UTF-8, UTF-16, UTF-32, ASCII and Latin-1 with the
//! common error handlers.

use crate::object::PyRef;
use crate::vm::Vm;
use crate::PyResult;

/// The codecs implemented here. For UTF-16/32, `None` means "with a byte
/// order mark" (written on encode, detected on decode), else big-endian or not.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    /// The name used in error messages.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf16(_) => "utf-16-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
            Codec::Utf32(_) => "utf-32-le",
        }
    }
    /// Highest code point the codec can encode (exclusive).
    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 128,
            Codec::Latin1 => 256,
            _ => 0x110000,
        }
    }
}

/// Look up a codec by name (CPython's normalisation: case, `-`/`_`/space).
fn lookup(vm: &Vm, name: &str) -> PyResult<Codec> {
    let n: String = name.trim().to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
    match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" | "646" | "us" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => {
            Ok(Codec::Latin1)
        }
        "utf-16" | "utf16" | "u16" => Ok(Codec::Utf16(None)),
        "utf-16-le" | "utf-16le" => Ok(Codec::Utf16(Some(false))),
        "utf-16-be" | "utf-16be" => Ok(Codec::Utf16(Some(true))),
        "utf-32" | "utf32" | "u32" => Ok(Codec::Utf32(None)),
        "utf-32-le" | "utf-32le" => Ok(Codec::Utf32(Some(false))),
        "utf-32-be" | "utf-32be" => Ok(Codec::Utf32(Some(true))),
        _ => Err(vm.new_exception_msg(&vm.exc.lookup_error, &format!("unknown encoding: {name}"))),
    }
}

/// Resolve a byte order mark: the concrete codec and the bytes to skip.
fn detect_bom(codec: Codec, data: &[u8]) -> (Codec, usize) {
    match codec {
        Codec::Utf16(None) => match data {
            [0xFF, 0xFE, ..] => (Codec::Utf16(Some(false)), 2),
            [0xFE, 0xFF, ..] => (Codec::Utf16(Some(true)), 2),
            _ => (Codec::Utf16(Some(false)), 0),
        },
        Codec::Utf32(None) => match data {
            [0xFF, 0xFE, 0, 0, ..] => (Codec::Utf32(Some(false)), 4),
            [0, 0, 0xFE, 0xFF, ..] => (Codec::Utf32(Some(true)), 4),
            _ => (Codec::Utf32(Some(false)), 0),
        },
        c => (c, 0),
    }
}

/// A decoding failure: its length in bytes and the reason.
type Bad = Option<(usize, &'static str)>;

/// Decode the valid prefix of `data` into `out`: bytes consumed, then the
/// invalid sequence that stopped decoding, if any.
fn chunk(codec: Codec, data: &[u8], out: &mut String) -> (usize, Bad) {
    match codec {
        Codec::Utf8 => {
            let (good, bad) = utf8_chunk(data);
            out.push_str(std::str::from_utf8(&data[..good]).unwrap_or_default());
            (good, bad)
        }
        Codec::Utf16(big) => utf16_chunk(data, big == Some(true), out),
        Codec::Utf32(big) => utf32_chunk(data, big == Some(true), out),
        _ => {
            let lim = codec.limit();
            let n = data.iter().position(|&b| u32::from(b) >= lim).unwrap_or(data.len());
            out.extend(data[..n].iter().map(|&b| b as char));
            (n, (n < data.len()).then_some((1, "ordinal not in range(128)")))
        }
    }
}

fn utf16_chunk(data: &[u8], big: bool, out: &mut String) -> (usize, Bad) {
    let unit = |i: usize| {
        let b = [data[i], data[i + 1]];
        u32::from(if big { u16::from_be_bytes(b) } else { u16::from_le_bytes(b) })
    };
    let mut i = 0;
    loop {
        let rem = data.len() - i;
        if rem == 0 {
            return (i, None);
        }
        if rem == 1 {
            return (i, Some((1, "truncated data")));
        }
        let u = unit(i);
        if !(0xD800..0xE000).contains(&u) {
            out.push(char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER));
            i += 2;
            continue;
        }
        if u >= 0xDC00 {
            return (i, Some((2, "illegal encoding")));
        }
        if rem < 4 {
            return (i, Some((rem, "unexpected end of data")));
        }
        let u2 = unit(i + 2);
        if !(0xDC00..0xE000).contains(&u2) {
            return (i, Some((2, "illegal UTF-16 surrogate")));
        }
        let cp = 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00);
        out.push(char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER));
        i += 4;
    }
}

fn utf32_chunk(data: &[u8], big: bool, out: &mut String) -> (usize, Bad) {
    let mut i = 0;
    loop {
        let rem = data.len() - i;
        if rem == 0 {
            return (i, None);
        }
        if rem < 4 {
            return (i, Some((rem, "truncated data")));
        }
        let b = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        let v = if big { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
        if v >= 0x110000 {
            return (i, Some((4, "code point not in range(0x110000)")));
        }
        let Some(c) = char::from_u32(v) else {
            return (i, Some((4, "code point in surrogate code point range(0xd800, 0xe000)")));
        };
        out.push(c);
        i += 4;
    }
}

fn unknown_handler(vm: &Vm, errors: &str) -> crate::PyErr {
    vm.new_exception_msg(&vm.exc.lookup_error, &format!("unknown error handler name '{errors}'"))
}

/// `bytes.decode(encoding, errors)`; `obj` is the source object (for the
/// `UnicodeDecodeError`).
pub fn decode(vm: &Vm, data: &[u8], encoding: &str, errors: &str, obj: &PyRef) -> PyResult<String> {
    let (codec, mut pos) = detect_bom(lookup(vm, encoding)?, data);
    let mut out = String::with_capacity(data.len());
    while pos < data.len() {
        let (good, bad) = chunk(codec, &data[pos..], &mut out);
        pos += good;
        let Some((len, reason)) = bad else { break };
        match errors {
            "strict" => {
                // The exception's `object` is always a bytes object.
                let source = if obj.ty().layout == crate::types::typeobj::Layout::Bytes {
                    obj.clone()
                } else {
                    vm.new_bytes(data.to_vec())
                };
                let args = vec![
                    vm.new_str(codec.name()),
                    source,
                    vm.new_int(pos as i64),
                    vm.new_int((pos + len) as i64),
                    vm.new_str(reason),
                ];
                return Err(vm.new_exception(&vm.exc.unicode_decode_error, args));
            }
            "replace" => out.push(char::REPLACEMENT_CHARACTER),
            "ignore" => {}
            "backslashreplace" => data[pos..pos + len].iter().for_each(|b| out.push_str(&format!("\\x{b:02x}"))),
            "surrogateescape" | "surrogatepass" => out.push(char::REPLACEMENT_CHARACTER),
            _ => return Err(unknown_handler(vm, errors)),
        }
        pos += len;
    }
    Ok(out)
}

/// Length of the valid UTF-8 prefix of `data`, and the length and reason of
/// the invalid sequence after it (CPython's maximal-subpart rules).
fn utf8_chunk(data: &[u8]) -> (usize, Option<(usize, &'static str)>) {
    match std::str::from_utf8(data) {
        Ok(_) => (data.len(), None),
        Err(e) => {
            let good = e.valid_up_to();
            let first = data[good];
            let bad = match e.error_len() {
                None => (data.len() - good, "unexpected end of data"),
                Some(_) if !(0xC2..=0xF4).contains(&first) => (1, "invalid start byte"),
                Some(n) => (n, "invalid continuation byte"),
            };
            (good, Some(bad))
        }
    }
}

/// `str.encode(encoding, errors)`; `obj` is the str object (for the
/// `UnicodeEncodeError`).
pub fn encode(vm: &Vm, obj: &PyRef, text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(vm, encoding)?;
    match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Utf16(big) => {
            let mut out = if big.is_none() { vec![0xFF, 0xFE] } else { Vec::new() };
            for u in text.encode_utf16() {
                out.extend_from_slice(&if big == Some(true) { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        Codec::Utf32(big) => {
            let mut out = if big.is_none() { vec![0xFF, 0xFE, 0, 0] } else { Vec::new() };
            for c in text.chars() {
                let v = c as u32;
                out.extend_from_slice(&if big == Some(true) { v.to_be_bytes() } else { v.to_le_bytes() });
            }
            return Ok(out);
        }
        _ => {}
    }
    let lim = codec.limit();
    let mut out = Vec::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < lim {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let end = i + chars[i..].iter().take_while(|&&c| c as u32 >= lim).count();
        match errors {
            "strict" => {
                let reason = if lim == 128 { "ordinal not in range(128)" } else { "ordinal not in range(256)" };
                let args = vec![
                    vm.new_str(codec.name()),
                    obj.clone(),
                    vm.new_int(i as i64),
                    vm.new_int(end as i64),
                    vm.new_str(reason),
                ];
                return Err(vm.new_exception(&vm.exc.unicode_encode_error, args));
            }
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "ignore" => {}
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    let v = c as u32;
                    let e = if v < 0x100 {
                        format!("\\x{v:02x}")
                    } else if v < 0x10000 {
                        format!("\\u{v:04x}")
                    } else {
                        format!("\\U{v:08x}")
                    };
                    out.extend_from_slice(e.as_bytes());
                }
            }
            "xmlcharrefreplace" => chars[i..end].iter().for_each(|&c| out.extend_from_slice(format!("&#{};", c as u32).as_bytes())),
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{detect_bom, utf16_chunk, utf32_chunk, utf8_chunk, Codec};

    #[test]
    fn utf16_and_32() {
        let mut out = String::new();
        assert_eq!(utf16_chunk(b"a\x00=\xd8\x00\xde", false, &mut out), (6, None));
        assert_eq!(out, "a\u{1F600}");
        assert_eq!(utf16_chunk(b"\x00\xd8a\x00", false, &mut out), (0, Some((2, "illegal UTF-16 surrogate"))));
        assert_eq!(utf16_chunk(b"\x00\xd8\x00", false, &mut out), (0, Some((3, "unexpected end of data"))));
        assert_eq!(utf32_chunk(b"\x00\xd8\x00\x00", false, &mut out).1.map(|b| b.0), Some(4));
        assert_eq!(detect_bom(Codec::Utf16(None), b"\xfe\xff\x00a"), (Codec::Utf16(Some(true)), 2));
    }

    #[test]
    fn utf8_errors() {
        assert_eq!(utf8_chunk(b"\xff"), (0, Some((1, "invalid start byte"))));
        assert_eq!(utf8_chunk(b"\xe2\x82"), (0, Some((2, "unexpected end of data"))));
        assert_eq!(utf8_chunk(b"\xe2\x82x"), (0, Some((2, "invalid continuation byte"))));
        assert_eq!(utf8_chunk(b"ab\xc3\xa9"), (4, None));
    }
}
