//! Timers, immediates, `nextTick` and microtask plumbing (Node's
//! `internalBinding('timers')` and `internalBinding('task_queue')` in one).

use std::ffi::c_int;
use std::rc::Rc;

use rquickjs::{qjs, Array, Ctx, Function, Object, Persistent, Result, Value};

use super::{loop_of, set_fn, set_raw_fn};
use crate::event_loop::Loop;

pub(super) fn init<'js>(ctx: &Ctx<'js>, lp: &Rc<Loop>, obj: &Object<'js>) -> Result<()> {
    let l = lp.clone();
    set_fn(obj, "scheduleTimer", move |ms: f64| l.schedule_timer(ms))?;
    let l = lp.clone();
    set_fn(obj, "toggleTimerRef", move |on: bool| {
        l.toggle_timer_ref(on)
    })?;
    let l = lp.clone();
    // Like Node's GetNow: refresh the loop time first, so that a timer created
    // after a long stretch of JS counts from the real current time.
    set_fn(obj, "getLibuvNow", move || {
        l.update_time();
        l.now_ms().floor()
    })?;
    let l = lp.clone();
    set_fn(obj, "toggleImmediateRef", move |on: bool| {
        l.toggle_immediate_ref(on)
    })?;
    let l = lp.clone();
    set_fn(obj, "setImmediatePending", move |on: bool| {
        l.immediate_pending.set(on)
    })?;
    obj.set("tickInfoBuffer", super::shared_memory(ctx, &*lp.tick_info)?)?;
    set_raw_fn(obj, c"runMicrotasks", 0, run_microtasks)?;
    let l = lp.clone();
    set_fn(
        obj,
        "takeRejections",
        move |ctx: Ctx<'js>| -> Result<Array<'js>> {
            l.rejections_pending.set(false);
            let list = std::mem::take(&mut *l.rejections.borrow_mut());
            let arr = Array::new(ctx.clone())?;
            for (i, (handled, promise, reason)) in list.into_iter().enumerate() {
                let entry = Array::new(ctx.clone())?;
                entry.set(0, handled)?;
                entry.set(1, promise.restore(&ctx)?)?;
                entry.set(2, reason.restore(&ctx)?)?;
                arr.set(i, entry)?;
            }
            Ok(arr)
        },
    )?;
    let l = lp.clone();
    set_fn(
        obj,
        "setBufferPrototype",
        move |ctx: Ctx<'js>, proto: Object<'js>| {
            l.hooks.borrow_mut().buffer_proto = Some(Persistent::save(&ctx, proto));
        },
    )?;
    let l = lp.clone();
    set_fn(
        obj,
        "setHooks",
        move |ctx: Ctx<'js>, hooks: Object<'js>| -> Result<()> {
            let get = |name: &str| -> Result<Option<Persistent<Function<'static>>>> {
                let f: Option<Function> = hooks.get(name)?;
                Ok(f.map(|f| Persistent::save(&ctx, f)))
            };
            let mut h = l.hooks.borrow_mut();
            h.process_ticks = get("processTicksAndRejections")?;
            h.process_timers = get("processTimers")?;
            h.process_immediates = get("processImmediates")?;
            h.fatal_exception = get("fatalException")?;
            h.emit_before_exit = get("emitBeforeExit")?;
            h.emit_exit = get("emitExit")?;
            h.esm_resolve = get("esmResolve")?;
            h.esm_load = get("esmLoad")?;
            h.load_buffer = get("loadBuffer")?;
            Ok(())
        },
    )?;
    let _ = Value::new_undefined;
    Ok(())
}

/// `runMicrotasks()`: runs every queued promise job, then returns whether
/// promise rejections wait for processing (so the drain asks for them only
/// when there are some); a job that throws rethrows to the caller
/// (`processTicksAndRejections`). A raw function: it runs on every drain.
unsafe extern "C" fn run_microtasks(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    _argc: c_int,
    _argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: runs queued jobs on this context's runtime, on its own thread;
    // a failed job leaves its exception pending, which JS_EXCEPTION rethrows.
    unsafe {
        let rt = qjs::JS_GetRuntime(ctx);
        loop {
            let mut pctx = std::ptr::null_mut();
            match qjs::JS_ExecutePendingJob(rt, &mut pctx) {
                0 => break,
                r if r < 0 => return qjs::JS_EXCEPTION,
                _ => {}
            }
        }
        match loop_of(ctx) {
            Some(lp) if lp.rejections_pending.get() => qjs::JS_TRUE,
            _ => qjs::JS_FALSE,
        }
    }
}
