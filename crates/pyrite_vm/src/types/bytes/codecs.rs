//! The built-in codecs: UTF-8, ASCII and Latin-1 with the common error
//! handlers.

use crate::object::PyRef;
use crate::vm::Vm;
use crate::PyResult;

/// The codecs implemented here.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name used in error messages.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
    /// Highest code point the codec can encode (exclusive), for 8-bit codecs.
    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 128,
            Codec::Latin1 => 256,
            Codec::Utf8 => 0x110000,
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
        _ => Err(vm.new_exception_msg(&vm.exc.lookup_error, &format!("unknown encoding: {name}"))),
    }
}

fn unknown_handler(vm: &Vm, errors: &str) -> crate::PyErr {
    vm.new_exception_msg(&vm.exc.lookup_error, &format!("unknown error handler name '{errors}'"))
}

/// `bytes.decode(encoding, errors)`; `obj` is the source object (for the
/// `UnicodeDecodeError`).
pub fn decode(vm: &Vm, data: &[u8], encoding: &str, errors: &str, obj: &PyRef) -> PyResult<String> {
    let codec = lookup(vm, encoding)?;
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        let (good, bad) = match codec {
            Codec::Utf8 => utf8_chunk(&data[pos..]),
            _ => {
                let lim = codec.limit();
                let n = data[pos..].iter().position(|&b| u32::from(b) >= lim).unwrap_or(data.len() - pos);
                (n, if pos + n < data.len() { Some((1, "ordinal not in range(128)")) } else { None })
            }
        };
        push_decoded(codec, &data[pos..pos + good], &mut out);
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

/// Append the text of bytes known to be valid for `codec`.
fn push_decoded(codec: Codec, good: &[u8], out: &mut String) {
    match codec {
        Codec::Utf8 => out.push_str(std::str::from_utf8(good).unwrap_or_default()),
        _ => out.extend(good.iter().map(|&b| b as char)),
    }
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
    if codec == Codec::Utf8 {
        return Ok(text.as_bytes().to_vec());
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
    use super::utf8_chunk;

    #[test]
    fn utf8_errors() {
        assert_eq!(utf8_chunk(b"\xff"), (0, Some((1, "invalid start byte"))));
        assert_eq!(utf8_chunk(b"\xe2\x82"), (0, Some((2, "unexpected end of data"))));
        assert_eq!(utf8_chunk(b"\xe2\x82x"), (0, Some((2, "invalid continuation byte"))));
        assert_eq!(utf8_chunk(b"ab\xc3\xa9"), (4, None));
    }
}
