//! Native bindings, reached from built-in JS as `internalBinding(name)`.
//!
//! Each binding is a plain object of functions. They take and return plain
//! values: errors from the system are negative errno numbers (libuv style) or
//! are written into a `ctx` object (`ctx.errno`, `ctx.syscall`), and the JS layer
//! turns them into Node's error objects (`js/internal/errors.js`).

use std::ffi::{c_int, CStr};
use std::rc::Rc;

use rquickjs::function::IntoJsFunc;
use rquickjs::{qjs, Ctx, Function, Object, Result, Value};

use crate::event_loop::Loop;

mod buffer;
mod dns;
mod encoding;
mod fs;
mod os;
mod process;
mod stream;
mod task_queue;
mod tls;
mod udp;
mod url;
mod util;

/// Adds a native function `name` to `obj`.
pub(crate) fn set_fn<'js, P, F>(obj: &Object<'js>, name: &str, f: F) -> Result<()>
where
    F: IntoJsFunc<'js, P> + 'js,
{
    let func = Function::new(obj.ctx().clone(), f)?.with_name(name)?;
    obj.set(name, func)
}

/// A binding function the engine calls directly, as a C function: `(ctx,
/// this, argc, argv) -> value`, with `argv` holding at least the declared
/// length (the engine pads missing arguments with `undefined`). For the
/// per-chunk calls (a write per message): rquickjs's closures convert each
/// argument and the result through its traits, ~500 instructions a call.
pub(crate) type RawFn = unsafe extern "C" fn(
    *mut qjs::JSContext,
    qjs::JSValue,
    c_int,
    *mut qjs::JSValue,
) -> qjs::JSValue;

/// Adds the raw function `f` to `obj` as `name`, declaring `length` arguments.
pub(crate) fn set_raw_fn(obj: &Object<'_>, name: &CStr, length: c_int, f: RawFn) -> Result<()> {
    let ctx = obj.ctx();
    // SAFETY: a plain function object; its value is owned by `v` from here on.
    let v = unsafe {
        let raw = qjs::JS_NewCFunction2(
            ctx.as_raw().as_ptr(),
            Some(f),
            name.as_ptr(),
            length,
            qjs::JSCFunctionEnum_JS_CFUNC_generic,
            0,
        );
        if qjs::JS_IsException(raw) {
            return Err(rquickjs::Error::Exception);
        }
        Value::from_raw(ctx.clone(), raw)
    };
    obj.set(name.to_str().unwrap_or_default(), v)
}

/// An ArrayBuffer over `mem`, memory the loop owns for its life and shares
/// with JS (Node's `streamBaseState`, `tickInfo`): JS reads and writes it
/// as a typed array, Rust through the `Cell`s, neither with a call. The
/// buffer owns nothing (no free function) and cannot be resized.
pub(crate) fn shared_memory<'js, T>(ctx: &Ctx<'js>, mem: &T) -> Result<Value<'js>> {
    let len = std::mem::size_of::<T>();
    // SAFETY: `mem` lives in a box of the loop, which outlives every JS
    // call; the engine never frees it.
    unsafe {
        let ab = qjs::JS_NewArrayBuffer(
            ctx.as_raw().as_ptr(),
            (mem as *const T).cast_mut().cast(),
            len as _,
            0, // not resizable
            None,
            std::ptr::null_mut(),
            false,
        );
        if qjs::JS_IsException(ab) {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), ab))
    }
}

/// The loop that owns the context, for raw functions; `None` once it is gone.
///
/// # Safety
/// `ctx` is a live context of a weft runtime.
pub(crate) unsafe fn loop_of<'a>(ctx: *mut qjs::JSContext) -> Option<&'a Loop> {
    // SAFETY (caller): the opaque pointer is set by the runtime to its loop,
    // and cleared before the loop can be dropped.
    unsafe { qjs::JS_GetContextOpaque(ctx).cast::<Loop>().as_ref() }
}

/// A raw function's integer argument (a handle id, a flag): an int as is,
/// anything else converted as `x | 0` would.
///
/// # Safety
/// `ctx` is live and `v` a value of it.
pub(crate) unsafe fn arg_i32(ctx: *mut qjs::JSContext, v: qjs::JSValue) -> i32 {
    // SAFETY (caller).
    unsafe {
        if qjs::JS_VALUE_GET_TAG(v) == qjs::JS_TAG_INT {
            return qjs::JS_VALUE_GET_INT(v);
        }
        let mut n = 0;
        if qjs::JS_ToInt32(ctx, &mut n, v) < 0 {
            // Only a throwing valueOf; the id is then no handle's.
            qjs::JS_FreeValue(ctx, qjs::JS_GetException(ctx));
            return 0;
        }
        n
    }
}

/// Builds the binding object `name`, or `None` for an unknown name.
pub(crate) fn get<'js>(ctx: &Ctx<'js>, lp: &Rc<Loop>, name: &str) -> Result<Option<Object<'js>>> {
    let obj = Object::new(ctx.clone())?;
    match name {
        "builtins" => crate::modules::builtins_binding(ctx, &obj)?,
        "modules" => crate::modules::modules_binding(ctx, &obj)?,
        "task_queue" => task_queue::init(ctx, lp, &obj)?,
        "process" => process::init(ctx, lp, &obj)?,
        "buffer" => buffer::init(ctx, lp, &obj)?,
        "encoding" => encoding::init(ctx, lp, &obj)?,
        "fs" => fs::init(ctx, lp, &obj)?,
        "os" => os::init(ctx, &obj)?,
        "util" => util::init(ctx, &obj)?,
        "url" => url::init(ctx, &obj)?,
        "stream_wrap" => stream::init(ctx, lp, &obj)?,
        "dns" => dns::init(ctx, lp, &obj)?,
        "udp_wrap" => udp::init(ctx, lp, &obj)?,
        "tls_wrap" => tls::init(ctx, lp, &obj)?,
        _ => return Ok(None),
    }
    Ok(Some(obj))
}

/// Writes an errno and syscall into a JS `ctx` object (Node's fs binding convention).
pub(crate) fn set_err(obj: &Object<'_>, errno: i32, syscall: &str) -> Result<()> {
    obj.set("errno", errno)?;
    obj.set("syscall", syscall)
}
