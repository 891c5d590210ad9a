//! Engine introspection for `util.inspect` and `util.types`.

use rquickjs::{qjs, Array, Ctx, Object, Result, Value};

use super::set_fn;

pub(super) fn init<'js>(_ctx: &Ctx<'js>, obj: &Object<'js>) -> Result<()> {
    // [state, result]: state 0 pending, 1 fulfilled, 2 rejected; undefined if not a promise.
    set_fn(
        obj,
        "getPromiseDetails",
        |ctx: Ctx<'js>, v: Value<'js>| -> Result<Option<Array<'js>>> {
            let Some(p) = v.as_promise() else {
                return Ok(None);
            };
            let a = Array::new(ctx.clone())?;
            match p.state() {
                rquickjs::promise::PromiseState::Pending => a.set(0, 0)?,
                rquickjs::promise::PromiseState::Resolved => {
                    a.set(0, 1)?;
                    // SAFETY: reads the settled result of a promise.
                    let r = unsafe {
                        Value::from_raw(
                            ctx.clone(),
                            qjs::JS_PromiseResult(ctx.as_raw().as_ptr(), v.as_raw()),
                        )
                    };
                    a.set(1, r)?;
                }
                rquickjs::promise::PromiseState::Rejected => {
                    a.set(0, 2)?;
                    // SAFETY: as above.
                    let r = unsafe {
                        Value::from_raw(
                            ctx.clone(),
                            qjs::JS_PromiseResult(ctx.as_raw().as_ptr(), v.as_raw()),
                        )
                    };
                    a.set(1, r)?;
                }
            }
            Ok(Some(a))
        },
    )?;
    // [target, handler] for a Proxy, undefined otherwise.
    set_fn(
        obj,
        "getProxyDetails",
        |ctx: Ctx<'js>, v: Value<'js>| -> Result<Option<Array<'js>>> {
            // SAFETY: proxy accessors on a checked proxy value; returned values are owned.
            unsafe {
                if !qjs::JS_IsProxy(v.as_raw()) {
                    return Ok(None);
                }
                let raw = ctx.as_raw().as_ptr();
                let t = qjs::JS_GetProxyTarget(raw, v.as_raw());
                let h = qjs::JS_GetProxyHandler(raw, v.as_raw());
                let a = Array::new(ctx.clone())?;
                if qjs::JS_IsException(t) || qjs::JS_IsException(h) || qjs::JS_IsNull(h) {
                    // A revoked proxy: Node reports null target and handler.
                    let _ = ctx.catch();
                    for x in [t, h] {
                        if !qjs::JS_IsException(x) {
                            qjs::JS_FreeValue(raw, x);
                        }
                    }
                    a.set(0, rquickjs::Null)?;
                    a.set(1, rquickjs::Null)?;
                    return Ok(Some(a));
                }
                let t = Value::from_raw(ctx.clone(), t);
                let h = Value::from_raw(ctx.clone(), h);
                a.set(0, t)?;
                a.set(1, h)?;
                Ok(Some(a))
            }
        },
    )?;
    set_fn(obj, "isProxy", |v: Value<'js>| unsafe {
        qjs::JS_IsProxy(v.as_raw())
    })?;
    Ok(())
}
