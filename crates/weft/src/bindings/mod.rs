//! Native bindings, reached from built-in JS as `internalBinding(name)`.
//!
//! Each binding is a plain object of functions. They take and return plain
//! values: errors from the system are negative errno numbers (libuv style) or
//! are written into a `ctx` object (`ctx.errno`, `ctx.syscall`), and the JS layer
//! turns them into Node's error objects (`js/internal/errors.js`).

use std::rc::Rc;

use rquickjs::function::IntoJsFunc;
use rquickjs::{Ctx, Function, Object, Result};

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
