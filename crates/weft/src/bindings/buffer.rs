//! `Buffer` encoding and decoding (Node's `internalBinding('buffer')`).
//!
//! Encodings are passed as small integers chosen by `js/buffer.js`:
//! 1 utf8, 2 utf16le, 3 latin1, 4 ascii, 5 base64, 6 base64url, 7 hex.
//! Decoding follows Node: invalid UTF-8 becomes U+FFFD per maximal subpart,
//! base64 skips characters outside both alphabets, hex stops at the first bad pair.

use std::rc::Rc;

use rquickjs::{qjs, Ctx, Object, Result, Value};

use super::set_fn;
use crate::event_loop::Loop;
use crate::handles::{bytes_of, new_buffer};

pub(crate) const UTF8: i32 = 1;
pub(crate) const UTF16LE: i32 = 2;
pub(crate) const LATIN1: i32 = 3;
pub(crate) const ASCII: i32 = 4;
pub(crate) const BASE64: i32 = 5;
pub(crate) const BASE64URL: i32 = 6;
pub(crate) const HEX: i32 = 7;

/// The UTF-8 bytes of a JS string; lone surrogates become U+FFFD as in Node.
pub(crate) fn utf8_of(ctx: &Ctx<'_>, v: &Value<'_>) -> Vec<u8> {
    // SAFETY: the C string is copied then freed before returning.
    let raw = unsafe {
        let mut len: qjs::size_t = 0;
        let p = qjs::JS_ToCStringLen2(ctx.as_raw().as_ptr(), &mut len, v.as_raw(), false);
        if p.is_null() {
            let _ = ctx.catch();
            return Vec::new();
        }
        let out = std::slice::from_raw_parts(p as *const u8, len as usize).to_vec();
        qjs::JS_FreeCString(ctx.as_raw().as_ptr(), p);
        out
    };
    // Surrogates encoded as ED A0..BF xx are not valid UTF-8: replace them.
    if !raw.windows(2).any(|w| w[0] == 0xED && w[1] >= 0xA0) {
        return raw;
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == 0xED && i + 2 < raw.len() && raw.get(i + 1).is_some_and(|b| *b >= 0xA0) {
            out.extend_from_slice("\u{FFFD}".as_bytes());
            i += 3;
        } else {
            out.push(raw[i]);
            i += 1;
        }
    }
    out
}

/// The UTF-16 code units of a JS string.
pub(crate) fn utf16_of(ctx: &Ctx<'_>, v: &Value<'_>) -> Vec<u16> {
    // SAFETY: the buffer is copied then freed before returning.
    unsafe {
        let mut len: qjs::size_t = 0;
        let p = qjs::JS_ToCStringLenUTF16(ctx.as_raw().as_ptr(), &mut len, v.as_raw());
        if p.is_null() {
            let _ = ctx.catch();
            return Vec::new();
        }
        let out = std::slice::from_raw_parts(p, len as usize).to_vec();
        qjs::JS_FreeCStringUTF16(ctx.as_raw().as_ptr(), p);
        out
    }
}

/// Makes a JS string from UTF-16 code units (lone surrogates kept, as JS allows).
pub(crate) fn string_from_utf16<'js>(ctx: &Ctx<'js>, units: &[u16]) -> Result<Value<'js>> {
    // SAFETY: creates an owned string value.
    unsafe {
        let v = qjs::JS_NewStringUTF16(ctx.as_raw().as_ptr(), units.as_ptr(), units.len() as _);
        if qjs::JS_IsException(v) {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

/// Makes a JS string from valid UTF-8.
pub(crate) fn string_from_utf8<'js>(ctx: &Ctx<'js>, s: &str) -> Result<Value<'js>> {
    // SAFETY: creates an owned string value from valid UTF-8.
    unsafe {
        let v = qjs::JS_NewStringLen(ctx.as_raw().as_ptr(), s.as_ptr().cast(), s.len() as _);
        if qjs::JS_IsException(v) {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

fn b64_value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    })
}

/// Node's lenient base64 decoder: accepts both alphabets, skips other bytes, stops at '='.
pub(crate) fn base64_decode(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for &c in input {
        if c == b'=' {
            break;
        }
        let Some(v) = b64_value(c) else { continue };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

pub(crate) fn base64_encode(input: &[u8], url: bool) -> String {
    let alphabet: &[u8; 64] = if url {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    } else {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    };
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        let chars = chunk.len() + 1;
        for i in 0..4 {
            if i < chars {
                out.push(alphabet[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else if !url {
                out.push('=');
            }
        }
    }
    out
}

fn hex_decode(input: &[u8]) -> Vec<u8> {
    let val = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(input.len() / 2);
    for pair in input.chunks_exact(2) {
        match (val(pair[0]), val(pair[1])) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            _ => break,
        }
    }
    out
}

/// Encodes a JS string to bytes in encoding `enc`.
pub(crate) fn encode(ctx: &Ctx<'_>, s: &Value<'_>, enc: i32) -> Vec<u8> {
    match enc {
        UTF16LE => utf16_of(ctx, s)
            .iter()
            .flat_map(|u| u.to_le_bytes())
            .collect(),
        LATIN1 | ASCII => utf16_of(ctx, s).iter().map(|u| *u as u8).collect(),
        BASE64 | BASE64URL => base64_decode(&utf8_of(ctx, s)),
        HEX => hex_decode(&utf8_of(ctx, s)),
        _ => utf8_of(ctx, s),
    }
}

/// Decodes bytes to a JS string in encoding `enc`.
pub(crate) fn decode<'js>(ctx: &Ctx<'js>, bytes: &[u8], enc: i32) -> Result<Value<'js>> {
    match enc {
        UTF16LE => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            string_from_utf16(ctx, &units)
        }
        LATIN1 => {
            let s: String = bytes.iter().map(|b| *b as char).collect();
            string_from_utf8(ctx, &s)
        }
        ASCII => {
            let s: String = bytes.iter().map(|b| (*b & 0x7f) as char).collect();
            string_from_utf8(ctx, &s)
        }
        BASE64 => string_from_utf8(ctx, &base64_encode(bytes, false)),
        BASE64URL => string_from_utf8(ctx, &base64_encode(bytes, true)),
        HEX => {
            let mut s = String::with_capacity(bytes.len() * 2);
            for b in bytes {
                s.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0'));
                s.push(char::from_digit((b & 15) as u32, 16).unwrap_or('0'));
            }
            string_from_utf8(ctx, &s)
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => string_from_utf8(ctx, s),
            Err(_) => string_from_utf8(ctx, &String::from_utf8_lossy(bytes)),
        },
    }
}

fn byte_length(ctx: &Ctx<'_>, s: &Value<'_>, enc: i32) -> usize {
    match enc {
        UTF16LE => utf16_of(ctx, s).len() * 2,
        LATIN1 | ASCII => utf16_of(ctx, s).len(),
        BASE64 | BASE64URL => {
            let b = utf8_of(ctx, s);
            let mut n = b.len();
            while n > 0 && b[n - 1] == b'=' {
                n -= 1;
            }
            n * 3 / 4
        }
        HEX => utf8_of(ctx, s).len() / 2,
        _ => utf8_of(ctx, s).len(),
    }
}

/// Mutable bytes of a Uint8Array.
///
/// # Safety
/// Same as [`bytes_of`]; the caller must not run JS while holding the slice.
unsafe fn bytes_mut<'a>(ctx: &Ctx<'_>, v: &Value<'_>) -> Option<&'a mut [u8]> {
    let b = bytes_of(ctx, v)?;
    Some(std::slice::from_raw_parts_mut(
        b.as_ptr() as *mut u8,
        b.len(),
    ))
}

pub(super) fn init<'js>(_ctx: &Ctx<'js>, lp: &Rc<Loop>, obj: &Object<'js>) -> Result<()> {
    set_fn(
        obj,
        "byteLength",
        |ctx: Ctx<'js>, s: Value<'js>, enc: i32| byte_length(&ctx, &s, enc) as f64,
    )?;
    let l = lp.clone();
    set_fn(
        obj,
        "fromString",
        move |ctx: Ctx<'js>, s: Value<'js>, enc: i32| -> Result<Value<'js>> {
            let bytes = encode(&ctx, &s, enc);
            new_buffer(&l, &ctx, &bytes)
        },
    )?;
    set_fn(
        obj,
        "toString",
        |ctx: Ctx<'js>, buf: Value<'js>, enc: i32, start: f64, end: f64| -> Result<Value<'js>> {
            // SAFETY: the slice is used before any JS runs.
            let Some(b) = (unsafe { bytes_of(&ctx, &buf) }) else {
                return string_from_utf8(&ctx, "");
            };
            let end = (end.max(0.0) as usize).min(b.len());
            let start = (start.max(0.0) as usize).min(end);
            decode(&ctx, &b[start..end], enc)
        },
    )?;
    set_fn(
        obj,
        "write",
        |ctx: Ctx<'js>, buf: Value<'js>, s: Value<'js>, offset: f64, max: f64, enc: i32| -> f64 {
            let bytes = encode(&ctx, &s, enc);
            // SAFETY: the slice is used before any JS runs.
            let Some(dst) = (unsafe { bytes_mut(&ctx, &buf) }) else {
                return 0.0;
            };
            let offset = (offset.max(0.0) as usize).min(dst.len());
            let room = (max.max(0.0) as usize).min(dst.len() - offset);
            let mut n = bytes.len().min(room);
            if enc == UTF8 && n < bytes.len() {
                // Never write part of a UTF-8 sequence.
                while n > 0 && (bytes[n] & 0xC0) == 0x80 {
                    n -= 1;
                }
            } else if enc == UTF16LE && n % 2 == 1 {
                n -= 1;
            }
            dst[offset..offset + n].copy_from_slice(&bytes[..n]);
            n as f64
        },
    )?;
    set_fn(
        obj,
        "compare",
        |ctx: Ctx<'js>, a: Value<'js>, b: Value<'js>| -> i32 {
            // SAFETY: slices used before any JS runs.
            let (Some(a), Some(b)) = (unsafe { bytes_of(&ctx, &a) }, unsafe { bytes_of(&ctx, &b) })
            else {
                return 0;
            };
            a.cmp(b) as i32
        },
    )?;
    set_fn(
        obj,
        "indexOf",
        |ctx: Ctx<'js>,
         hay: Value<'js>,
         needle: Value<'js>,
         from: f64,
         enc: i32,
         forward: bool|
         -> f64 {
            let owned;
            let n: &[u8] = if needle.is_string() {
                owned = encode(&ctx, &needle, enc);
                &owned
            } else if let Some(n) = unsafe { bytes_of(&ctx, &needle) } {
                n
            } else {
                return -1.0;
            };
            // SAFETY: used before any JS runs.
            let Some(h) = (unsafe { bytes_of(&ctx, &hay) }) else {
                return -1.0;
            };
            index_of(h, n, from, forward)
        },
    )?;
    set_fn(obj, "isUtf8", |ctx: Ctx<'js>, b: Value<'js>| {
        unsafe { bytes_of(&ctx, &b) }.is_some_and(|b| std::str::from_utf8(b).is_ok())
    })?;
    set_fn(obj, "isAscii", |ctx: Ctx<'js>, b: Value<'js>| {
        unsafe { bytes_of(&ctx, &b) }.is_some_and(|b| b.is_ascii())
    })?;
    Ok(())
}

/// Node's `buffer.indexOf` / `lastIndexOf` search from byte offset `from`.
fn index_of(h: &[u8], n: &[u8], from: f64, forward: bool) -> f64 {
    let len = h.len() as f64;
    let mut start = if from.is_nan() {
        if forward {
            0.0
        } else {
            len
        }
    } else if from < 0.0 {
        len + from
    } else {
        from
    };
    if forward {
        if start < 0.0 {
            start = 0.0;
        }
        let s = start as usize;
        if n.is_empty() {
            return if s <= h.len() { s as f64 } else { len };
        }
        if s >= h.len() || n.len() > h.len() - s {
            return -1.0;
        }
        h[s..]
            .windows(n.len())
            .position(|w| w == n)
            .map(|p| (p + s) as f64)
            .unwrap_or(-1.0)
    } else {
        if start < 0.0 {
            return -1.0;
        }
        if n.is_empty() {
            return start.min(len);
        }
        if n.len() > h.len() {
            return -1.0;
        }
        let last = (start as usize).min(h.len() - n.len());
        (0..=last)
            .rev()
            .find(|&i| &h[i..i + n.len()] == n)
            .map(|i| i as f64)
            .unwrap_or(-1.0)
    }
}
