//! TextEncoder / TextDecoder natives (WHATWG Encoding: utf-8, utf-16le, latin1).

use std::rc::Rc;

use rquickjs::{qjs, Array, Ctx, Object, Result, Value};

use super::buffer::{string_from_utf16, string_from_utf8, utf16_of, utf8_of};
use super::set_fn;
use crate::event_loop::Loop;
use crate::handles::bytes_of;

fn new_u8array<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>> {
    // SAFETY: creates an owned Uint8Array holding a copy of `bytes`.
    unsafe {
        let v = qjs::JS_NewUint8ArrayCopy(ctx.as_raw().as_ptr(), bytes.as_ptr(), bytes.len() as _);
        if qjs::JS_IsException(v) {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

pub(super) fn init<'js>(_ctx: &Ctx<'js>, _lp: &Rc<Loop>, obj: &Object<'js>) -> Result<()> {
    set_fn(obj, "encodeUtf8", |ctx: Ctx<'js>, s: Value<'js>| {
        new_u8array(&ctx, &utf8_of(&ctx, &s))
    })?;
    // Writes as many whole characters as fit; returns [read (UTF-16 units), written bytes].
    set_fn(
        obj,
        "encodeInto",
        |ctx: Ctx<'js>, s: Value<'js>, dest: Value<'js>| -> Result<Array<'js>> {
            let units = utf16_of(&ctx, &s);
            // SAFETY: the slice is used before any JS runs.
            let dst = unsafe { bytes_of(&ctx, &dest) }.unwrap_or(&[]);
            let dst = unsafe { std::slice::from_raw_parts_mut(dst.as_ptr() as *mut u8, dst.len()) };
            let (mut read, mut written) = (0usize, 0usize);
            let mut buf = [0u8; 4];
            for c in char::decode_utf16(units.iter().copied()) {
                let c = c.unwrap_or('\u{FFFD}');
                let enc = c.encode_utf8(&mut buf);
                if written + enc.len() > dst.len() {
                    break;
                }
                dst[written..written + enc.len()].copy_from_slice(enc.as_bytes());
                written += enc.len();
                read += c.len_utf16();
            }
            let a = Array::new(ctx)?;
            a.set(0, read)?;
            a.set(1, written)?;
            Ok(a)
        },
    )?;
    // Returns the string, or undefined when `fatal` and the input is malformed.
    set_fn(
        obj,
        "decode",
        |ctx: Ctx<'js>,
         input: Value<'js>,
         enc: String,
         fatal: bool,
         ignore_bom: bool|
         -> Result<Value<'js>> {
            // SAFETY: the slice is used before any JS runs.
            let bytes = unsafe { bytes_of(&ctx, &input) }.unwrap_or(&[]);
            match enc.as_str() {
                "utf-16le" => {
                    let mut b = bytes;
                    if !ignore_bom && b.starts_with(&[0xFF, 0xFE]) {
                        b = &b[2..];
                    }
                    if fatal && b.len() % 2 == 1 {
                        return Ok(Value::new_undefined(ctx));
                    }
                    let units: Vec<u16> = b
                        .chunks(2)
                        .map(|p| {
                            if p.len() == 2 {
                                u16::from_le_bytes([p[0], p[1]])
                            } else {
                                0xFFFD
                            }
                        })
                        .collect();
                    let s: String = char::decode_utf16(units.iter().copied())
                        .map(|c| c.unwrap_or('\u{FFFD}'))
                        .collect();
                    if fatal && s.contains('\u{FFFD}') && !units.contains(&0xFFFD) {
                        return Ok(Value::new_undefined(ctx));
                    }
                    let _ = string_from_utf16;
                    string_from_utf8(&ctx, &s)
                }
                "latin1" => {
                    let s: String = bytes.iter().map(|b| *b as char).collect();
                    string_from_utf8(&ctx, &s)
                }
                _ => {
                    let mut b = bytes;
                    if !ignore_bom && b.starts_with(&[0xEF, 0xBB, 0xBF]) {
                        b = &b[3..];
                    }
                    match std::str::from_utf8(b) {
                        Ok(s) => string_from_utf8(&ctx, s),
                        Err(_) if fatal => Ok(Value::new_undefined(ctx)),
                        Err(_) => string_from_utf8(&ctx, &String::from_utf8_lossy(b)),
                    }
                }
            }
        },
    )?;
    Ok(())
}
