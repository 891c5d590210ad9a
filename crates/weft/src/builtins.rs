//! The built-in JavaScript modules, embedded as QuickJS bytecode by `build.rs`.

use rquickjs::{qjs, Ctx, Function, Value};

include!(concat!(env!("OUT_DIR"), "/builtins.rs"));

/// Whether `id` names a built-in module (public or internal).
pub fn exists(id: &str) -> bool {
    BUILTINS.iter().any(|(n, _)| *n == id)
}

/// Ids of the public built-ins (not under `internal/`).
pub fn public_ids() -> impl Iterator<Item = &'static str> {
    BUILTINS
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| !n.starts_with("internal/"))
}

/// Loads a built-in's bytecode and returns its wrapper function
/// `(exports, require, module, internalBinding)`.
pub fn compile<'js>(ctx: &Ctx<'js>, id: &str) -> rquickjs::Result<Option<Function<'js>>> {
    let Some((_, bytes)) = BUILTINS.iter().find(|(n, _)| *n == id) else {
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
