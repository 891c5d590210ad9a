//! The built-in JavaScript modules, embedded as QuickJS bytecode by `build.rs`.

use rquickjs::{qjs, Ctx, Function, Value};

include!(concat!(env!("OUT_DIR"), "/builtins.rs"));

/// Whether `id` names a built-in module (public or internal).
pub fn exists(id: &str) -> bool {
    BUILTINS.iter().any(|(n, _, _)| *n == id)
}

/// The bytecode of built-in `id`.
fn bytecode(id: &str) -> Option<&'static [u8]> {
    let &(_, start, len) = BUILTINS.iter().find(|(n, _, _)| *n == id)?;
    BLOB.get(start as usize..(start + len) as usize)
}

/// Ids of the public built-ins (not under `internal/`).
pub fn public_ids() -> impl Iterator<Item = &'static str> {
    BUILTINS
        .iter()
        .map(|(n, _, _)| *n)
        .filter(|n| !n.starts_with("internal/"))
}

/// Loads a built-in's bytecode and returns its wrapper function
/// `(exports, require, module, internalBinding)`.
///
/// With `WEFT_JS_DIR` set (development), the module is compiled from
/// `$WEFT_JS_DIR/<id>.js` instead, so JS changes need no rebuild.
pub fn compile<'js>(ctx: &Ctx<'js>, id: &str) -> rquickjs::Result<Option<Function<'js>>> {
    if let Some(dir) = std::env::var_os("WEFT_JS_DIR") {
        let path = std::path::Path::new(&dir).join(format!("{id}.js"));
        if let Ok(source) = std::fs::read_to_string(&path) {
            let wrapped =
                format!("(function (exports, require, module, internalBinding) {{{source}\n}})");
            let mut opts = rquickjs::context::EvalOptions::default();
            opts.filename = Some(format!("node:{id}"));
            let v: Value = ctx.eval_with_options(wrapped, opts)?;
            return Ok(v.into_function());
        }
        return Ok(None);
    }
    let Some(bytes) = bytecode(id) else {
        return Ok(None);
    };
    // SAFETY: the bytecode was produced by the same engine version at build time;
    // every raw value is either freed or handed to an owning `Value`.
    unsafe {
        let raw = ctx.as_raw().as_ptr();
        let obj = qjs::JS_ReadObject(
            raw,
            bytes.as_ptr(),
            bytes.len() as _,
            qjs::JS_READ_OBJ_BYTECODE as i32,
        );
        if qjs::JS_IsException(obj) {
            return Err(rquickjs::Error::Exception);
        }
        let f = qjs::JS_EvalFunction(raw, obj);
        if qjs::JS_IsException(f) {
            return Err(rquickjs::Error::Exception);
        }
        let v = Value::from_raw(ctx.clone(), f);
        Ok(v.into_function())
    }
}
