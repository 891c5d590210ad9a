//! The event loop: libuv's phases on a tokio current-thread runtime.
//!
//! One iteration runs, in order (libuv `uv_run`, as Node uses it):
//! 1. timers: JS `processTimers(now)` when the earliest deadline has passed;
//! 2. poll: wait for I/O readiness or a completed request, at most until the
//!    next timer (not at all when a ref'ed immediate or a close callback waits),
//!    then run the I/O callbacks;
//! 3. check: JS `processImmediates()`;
//! 4. close callbacks.
//!
//! After every callback into JS the `process.nextTick` queue and the promise
//! microtasks are drained (see [`Loop::after_callback`]).
//!
//! Readiness does not go through tokio tasks: each handle has two wakers (read
//! and write) that push the handle's token onto a ready list, and the poll
//! phase reads or writes the socket itself, like libuv's `uv__io_poll`. A
//! received chunk therefore crosses into JS exactly once. One-shot requests
//! (connect, DNS, file I/O) run as local tokio tasks and post a completion.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::poll_fn;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::task::{Poll, RawWaker, RawWakerVTable, Waker};
use std::time::{Duration, Instant};

use rquickjs::{Ctx, Function, Persistent, Value};

use crate::handles::Handles;

/// A deferred piece of work for the poll phase: runs with the JS context.
pub type Completion = Box<dyn FnOnce(&Ctx<'_>) -> rquickjs::Result<()>>;

/// State shared with wakers, which tokio may require to be `Send + Sync`.
#[derive(Default)]
pub(crate) struct Shared {
    ready: Mutex<Vec<u64>>,
    main: Mutex<Option<Waker>>,
}

impl Shared {
    pub(crate) fn push(&self, token: u64) {
        if let Ok(mut r) = self.ready.lock() {
            r.push(token);
        }
        let w = self.main.lock().ok().and_then(|mut m| m.take());
        if let Some(w) = w {
            w.wake();
        }
    }

    fn wake_main(&self) {
        let w = self.main.lock().ok().and_then(|mut m| m.take());
        if let Some(w) = w {
            w.wake();
        }
    }
}

/// What a handle's wakers share: its read token (the write token is the
/// same with bit 0 set, see `handles::token`) and the loop's ready queue.
struct IoWaker {
    token: u64,
    shared: Arc<Shared>,
}

/// The read and write wakers of one handle in one word: an `Arc<IoWaker>`
/// lent out as either waker without touching its count. The write waker's
/// data pointer is the same pointer with bit 0 set (an `Arc`'s pointer is at
/// least 8-aligned). Two `Waker`s over two `Arc`s were ~130 bytes of every
/// idle connection; this is 8 plus one 32-byte allocation.
///
/// Waking pushes the read token, or the read token with bit 0 set, to the
/// loop's ready queue.
pub(crate) struct IoWakers(std::ptr::NonNull<IoWaker>);

impl IoWakers {
    /// `read_token` must have bit 0 clear (see `handles::token`).
    pub(crate) fn new(read_token: u64, shared: Arc<Shared>) -> IoWakers {
        debug_assert_eq!(read_token & 1, 0);
        let arc = Arc::new(IoWaker {
            token: read_token,
            shared,
        });
        // SAFETY: Arc::into_raw never returns null; this value owns that count.
        IoWakers(unsafe { std::ptr::NonNull::new_unchecked(Arc::into_raw(arc) as *mut IoWaker) })
    }

    /// The waker for read readiness.
    pub(crate) fn read(&self) -> WakerRef<'_> {
        self.lend(0)
    }

    /// The waker for write readiness.
    pub(crate) fn write(&self) -> WakerRef<'_> {
        self.lend(1)
    }

    fn lend(&self, tag: usize) -> WakerRef<'_> {
        let p = (self.0.as_ptr() as usize | tag) as *const ();
        // SAFETY: the pointer stays live while `self` holds its count; the
        // ManuallyDrop keeps the borrowed waker from releasing that count,
        // and clones made from it take their own.
        let waker = unsafe { Waker::from_raw(RawWaker::new(p, &IO_WAKER_VTABLE)) };
        WakerRef {
            waker: std::mem::ManuallyDrop::new(waker),
            _owner: std::marker::PhantomData,
        }
    }
}

impl Drop for IoWakers {
    fn drop(&mut self) {
        // SAFETY: releases the count taken in `new`.
        unsafe { Arc::decrement_strong_count(self.0.as_ptr() as *const IoWaker) };
    }
}

/// A `Waker` borrowed from `IoWakers`.
pub(crate) struct WakerRef<'a> {
    waker: std::mem::ManuallyDrop<Waker>,
    _owner: std::marker::PhantomData<&'a IoWakers>,
}

impl std::ops::Deref for WakerRef<'_> {
    type Target = Waker;
    fn deref(&self) -> &Waker {
        &self.waker
    }
}

static IO_WAKER_VTABLE: RawWakerVTable = RawWakerVTable::new(
    io_waker_clone,
    io_waker_wake,
    io_waker_wake_by_ref,
    io_waker_drop,
);

fn io_waker_untag(p: *const ()) -> (*const IoWaker, u64) {
    ((p as usize & !1) as *const IoWaker, p as u64 & 1)
}

unsafe fn io_waker_clone(p: *const ()) -> RawWaker {
    // SAFETY (caller): `p` is a live tagged Arc<IoWaker> pointer.
    unsafe { Arc::increment_strong_count(io_waker_untag(p).0) };
    RawWaker::new(p, &IO_WAKER_VTABLE)
}

unsafe fn io_waker_wake(p: *const ()) {
    // SAFETY (caller): consumes one strong count of a live pointer.
    unsafe {
        io_waker_wake_by_ref(p);
        io_waker_drop(p);
    }
}

unsafe fn io_waker_wake_by_ref(p: *const ()) {
    let (arc, write) = io_waker_untag(p);
    // SAFETY (caller): the pointer is live while the waker exists.
    let w = unsafe { &*arc };
    w.shared.push(w.token | write);
}

unsafe fn io_waker_drop(p: *const ()) {
    // SAFETY (caller): releases the strong count this waker held.
    unsafe { Arc::decrement_strong_count(io_waker_untag(p).0) };
}

/// The JS functions the loop calls, set by the bootstrap script.
#[derive(Default)]
pub(crate) struct Hooks {
    pub process_ticks: Option<Persistent<Function<'static>>>,
    pub process_timers: Option<Persistent<Function<'static>>>,
    pub process_immediates: Option<Persistent<Function<'static>>>,
    pub fatal_exception: Option<Persistent<Function<'static>>>,
    pub emit_before_exit: Option<Persistent<Function<'static>>>,
    pub emit_exit: Option<Persistent<Function<'static>>>,
    pub esm_resolve: Option<Persistent<Function<'static>>>,
    pub esm_load: Option<Persistent<Function<'static>>>,
    /// `Buffer.prototype`, given to every chunk created in Rust; set by
    /// `buffer.js` when it loads (`setBufferPrototype`).
    pub buffer_proto: Option<Persistent<rquickjs::Object<'static>>>,
    /// Loads `buffer.js` (which then sets `buffer_proto`).
    pub load_buffer: Option<Persistent<Function<'static>>>,
    /// The atom of `onread`, looked up on a handle for every chunk.
    pub onread_atom: Option<AtomRef>,
}

/// An engine atom (an interned property name) held by Rust: made once
/// rather than hashed from its string on each use, and released on drop.
pub(crate) struct AtomRef {
    rt: *mut rquickjs::qjs::JSRuntime,
    atom: rquickjs::qjs::JSAtom,
}

impl AtomRef {
    /// The atom for `name` in `ctx`'s runtime, or `None` if the engine is out of memory.
    pub(crate) fn new(ctx: &Ctx<'_>, name: &std::ffi::CStr) -> Option<AtomRef> {
        let raw = ctx.as_raw().as_ptr();
        // SAFETY: a live context; the atom's reference is owned by the result.
        let atom = unsafe { rquickjs::qjs::JS_NewAtom(raw, name.as_ptr()) };
        (atom != 0).then(|| AtomRef {
            // SAFETY: as above.
            rt: unsafe { rquickjs::qjs::JS_GetRuntime(raw) },
            atom,
        })
    }

    pub(crate) fn get(&self) -> rquickjs::qjs::JSAtom {
        self.atom
    }
}

impl Drop for AtomRef {
    fn drop(&mut self) {
        // SAFETY: hooks (which hold atoms) are dropped by Loop::clear(),
        // before the engine is freed, or never (skip_teardown).
        unsafe { rquickjs::qjs::JS_FreeAtomRT(self.rt, self.atom) }
    }
}

/// Loop state, shared by the driver and every native binding (through `Rc`).
pub struct Loop {
    pub(crate) shared: Arc<Shared>,
    pub(crate) handles: RefCell<Handles>,
    completions: RefCell<VecDeque<Completion>>,
    close_queue: RefCell<VecDeque<Persistent<Function<'static>>>>,
    pub(crate) hooks: RefCell<Hooks>,
    /// Earliest timer deadline, and whether that timer list keeps the loop alive.
    timer_deadline: Cell<Option<Instant>>,
    timer_ref: Cell<bool>,
    /// Ref'ed pending immediates (Node's `immediateInfo[kRefCount]`).
    immediate_refs: Cell<u32>,
    /// Whether any immediate (ref'ed or not) is queued.
    pub(crate) immediate_pending: Cell<bool>,
    /// In-flight one-shot requests (connect, DNS, fs) that keep the loop alive.
    pending_reqs: Cell<u32>,
    /// The engine's collection threshold as [`Loop::space_gc`] last set it
    /// (bytes); a different value means a collection ran since.
    pub(crate) gc_threshold: Cell<u64>,
    /// Node's `tickInfo`, written by `process.nextTick` and the tick drain.
    pub(crate) tick_info: Box<TickInfo>,
    pub(crate) rejections_pending: Cell<bool>,
    /// Promise rejections seen by the engine since the last drain: (handled later, promise, reason).
    pub(crate) rejections:
        RefCell<Vec<(bool, Persistent<Value<'static>>, Persistent<Value<'static>>)>>,
    start: Instant,
    now: Cell<Instant>,
    pub(crate) options: RefCell<crate::Options>,
    pub(crate) main: RefCell<crate::Main>,
    /// Set by `process.reallyExit`: stop running JS and exit with this code.
    pub(crate) exit_code: Cell<Option<i32>>,
    /// What the last stream write took, read by JS without a call (Node's
    /// `streamBaseState`); JS sees it through `stream_wrap.streamState`.
    pub(crate) stream_state: Box<StreamState>,
}

/// The garbage [`Loop::space_gc`] lets build up between collections (bytes
/// above the live heap): twice the live heap, within these bounds. The
/// engine's heap does not count Buffers' memory, which cyclic garbage may
/// hold until it is collected, so the bounds stay small.
const GC_HEADROOM_MIN: u64 = 4 * 1024 * 1024;
const GC_HEADROOM_MAX: u64 = 64 * 1024 * 1024;

/// Calls `f()` with no arguments and `this` undefined, through the engine's
/// API: `Function::call` builds an argument vector and converts the result
/// (~1,000 instructions), and the loop makes this call after most callbacks
/// (the tick queue) and for every closed handle.
pub(crate) fn call_function(ctx: &Ctx<'_>, f: &Function<'_>) -> rquickjs::Result<()> {
    use rquickjs::qjs;
    // SAFETY: a call on live values; the result is freed here.
    unsafe {
        let raw = ctx.as_raw().as_ptr();
        let r = qjs::JS_Call(raw, f.as_raw(), qjs::JS_UNDEFINED, 0, std::ptr::null_mut());
        if qjs::JS_IsException(r) {
            return Err(rquickjs::Error::Exception);
        }
        qjs::JS_FreeValue(raw, r);
    }
    Ok(())
}

/// Node's `tickInfo`: whether `process.nextTick` queued anything since the
/// last drain, set by JS in memory the loop reads after each callback (no
/// call either way). JS sees it as an `Int32Array` (`[kHasTickScheduled]`).
#[repr(C)]
#[derive(Default)]
pub(crate) struct TickInfo {
    /// 1 while ticks wait, else 0.
    pub has_tick_scheduled: Cell<i32>,
}

/// Node's `streamBaseState`: results of the last stream write, in memory
/// that JS reads as a `Float64Array` (`[kBytesWritten]`). The box keeps its
/// address for the loop's life; the engine's ArrayBuffer over it owns nothing.
#[repr(C)]
#[derive(Default)]
pub(crate) struct StreamState {
    /// Bytes the last write took (written at once or queued), as Node's
    /// `streamBaseState[kBytesWritten]`: an encoded string's byte length.
    pub bytes_written: Cell<f64>,
}

impl Loop {
    pub(crate) fn new() -> Rc<Loop> {
        let now = Instant::now();
        let shared = Arc::new(Shared::default());
        Rc::new(Loop {
            handles: RefCell::new(Handles::new(shared.clone())),
            shared,
            completions: RefCell::new(VecDeque::new()),
            close_queue: RefCell::new(VecDeque::new()),
            hooks: RefCell::new(Hooks::default()),
            timer_deadline: Cell::new(None),
            timer_ref: Cell::new(false),
            immediate_refs: Cell::new(0),
            immediate_pending: Cell::new(false),
            pending_reqs: Cell::new(0),
            gc_threshold: Cell::new(0),
            tick_info: Box::default(),
            rejections_pending: Cell::new(false),
            rejections: RefCell::new(Vec::new()),
            start: now,
            now: Cell::new(now),
            exit_code: Cell::new(None),
            stream_state: Box::default(),
            options: RefCell::new(crate::Options::default()),
            main: RefCell::new(crate::Main::None),
        })
    }

    /// Milliseconds since the loop started, as of the start of this iteration (libuv's `uv_now`).
    pub fn now_ms(&self) -> f64 {
        self.now.get().duration_since(self.start).as_secs_f64() * 1000.0
    }

    /// Seconds since the loop was created (`process.uptime()`).
    pub(crate) fn uptime_secs(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    pub(crate) fn update_time(&self) {
        self.now.set(Instant::now());
    }

    /// Arms the single loop timer `ms` milliseconds after the loop's current time.
    pub(crate) fn schedule_timer(&self, ms: f64) {
        let ms = if ms.is_finite() && ms > 0.0 { ms } else { 1.0 };
        self.timer_deadline.set(Some(
            self.now.get() + Duration::from_micros((ms * 1000.0) as u64),
        ));
    }

    pub(crate) fn toggle_timer_ref(&self, on: bool) {
        self.timer_ref.set(on);
    }

    pub(crate) fn toggle_immediate_ref(&self, on: bool) {
        self.immediate_refs.set(on as u32);
    }

    /// Queues a close callback for the close phase.
    pub(crate) fn queue_close(&self, cb: Persistent<Function<'static>>) {
        self.close_queue.borrow_mut().push_back(cb);
    }

    /// Counts an in-flight request; pair with [`Loop::post`] of its completion.
    pub(crate) fn req_start(&self) {
        self.pending_reqs.set(self.pending_reqs.get() + 1);
    }

    /// Posts a request's completion for the poll phase and uncounts the request.
    pub(crate) fn req_done(&self, c: Completion) {
        self.pending_reqs
            .set(self.pending_reqs.get().saturating_sub(1));
        self.post(c);
    }

    /// Posts work for the poll phase without touching the request count.
    pub(crate) fn post(&self, c: Completion) {
        self.completions.borrow_mut().push_back(c);
        self.shared.wake_main();
    }

    fn alive(&self) -> bool {
        (self.timer_deadline.get().is_some() && self.timer_ref.get())
            || self.immediate_refs.get() > 0
            || self.pending_reqs.get() > 0
            || !self.close_queue.borrow().is_empty()
            || !self.completions.borrow().is_empty()
            || self.handles.borrow().active_refs() > 0
    }

    fn exiting(&self) -> bool {
        self.exit_code.get().is_some()
    }

    /// Runs `f` as a callback from the loop: an exception goes to
    /// `process._fatalException`, then the tick and microtask queues drain.
    pub(crate) fn invoke<'js>(
        &self,
        ctx: &Ctx<'js>,
        f: impl FnOnce(&Ctx<'js>) -> rquickjs::Result<()>,
    ) {
        if self.exiting() {
            return;
        }
        if let Err(e) = f(ctx) {
            self.report(ctx, e);
        }
        self.after_callback(ctx);
    }

    /// Drains `process.nextTick` and the microtask queue (Node's
    /// `processTicksAndRejections`), reporting exceptions as uncaught.
    pub(crate) fn after_callback(&self, ctx: &Ctx<'_>) {
        loop {
            if self.exiting() {
                return;
            }
            let jobs = unsafe {
                rquickjs::qjs::JS_IsJobPending(rquickjs::qjs::JS_GetRuntime(ctx.as_raw().as_ptr()))
            };
            let ticks = self.tick_info.has_tick_scheduled.get() != 0;
            if !ticks && !jobs && !self.rejections_pending.get() {
                return;
            }
            let f = self.hook(ctx, |h| h.process_ticks.clone());
            let Some(f) = f else { return };
            match call_function(ctx, &f) {
                Ok(()) => return,
                Err(e) => self.report(ctx, e),
            }
        }
    }

    /// The atom of `onread` (0, the engine's null atom, only when out of memory).
    pub(crate) fn onread_atom(&self, ctx: &Ctx<'_>) -> rquickjs::qjs::JSAtom {
        let mut hooks = self.hooks.borrow_mut();
        if hooks.onread_atom.is_none() {
            hooks.onread_atom = AtomRef::new(ctx, c"onread");
        }
        hooks.onread_atom.as_ref().map_or(0, AtomRef::get)
    }

    /// `Buffer.prototype`; the first call loads the `buffer` module, which
    /// registers it (scripts that never use a Buffer do not load it).
    pub(crate) fn buffer_proto<'js>(&self, ctx: &Ctx<'js>) -> Option<rquickjs::Object<'js>> {
        if self.hooks.borrow().buffer_proto.is_none() {
            let load = self.hook(ctx, |h| h.load_buffer.clone())?;
            if load.call::<_, ()>(()).is_err() {
                let _ = ctx.catch();
                return None;
            }
        }
        let p = self.hooks.borrow().buffer_proto.clone()?;
        p.restore(ctx).ok()
    }

    fn hook<'js>(
        &self,
        ctx: &Ctx<'js>,
        pick: impl FnOnce(&Hooks) -> Option<Persistent<Function<'static>>>,
    ) -> Option<Function<'js>> {
        let p = pick(&self.hooks.borrow())?;
        p.restore(ctx).ok()
    }

    /// Hands an exception from a callback to `process._fatalException`.
    pub(crate) fn report(&self, ctx: &Ctx<'_>, e: rquickjs::Error) {
        let exc: Value = if matches!(e, rquickjs::Error::Exception) {
            ctx.catch()
        } else {
            let msg = e.to_string();
            match rquickjs::Exception::from_message(ctx.clone(), &msg) {
                Ok(ex) => ex.into_value(),
                Err(_) => return,
            }
        };
        if self.exiting() {
            return;
        }
        let f = self.hook(ctx, |h| h.fatal_exception.clone());
        match f {
            Some(f) => {
                if f.call::<_, ()>((exc,)).is_err() {
                    // The handler itself threw: print what we can and exit like Node (code 7).
                    let inner = ctx.catch();
                    eprintln!("{}", crate::errors::describe(&inner));
                    self.exit_code.set(Some(7));
                }
            }
            None => {
                eprintln!("{}", crate::errors::describe(&exc));
                self.exit_code.set(Some(1));
            }
        }
    }

    /// Runs the loop until nothing keeps it alive or `process.exit` was called.
    /// Returns the process exit code.
    pub(crate) async fn run(self: Rc<Self>, context: rquickjs::Context) -> i32 {
        loop {
            self.run_until_idle(&context).await;
            if let Some(code) = self.exit_code.get() {
                return code;
            }
            // 'beforeExit' may schedule more work.
            context.with(|ctx| {
                if let Some(f) = self.hook(&ctx, |h| h.emit_before_exit.clone()) {
                    self.invoke(&ctx, |_| f.call::<_, ()>(()));
                }
            });
            if let Some(code) = self.exit_code.get() {
                return code;
            }
            if !self.alive() {
                break;
            }
        }
        context.with(|ctx| {
            let f = self.hook(&ctx, |h| h.emit_exit.clone());
            match f {
                Some(f) => match f.call::<_, i32>(()) {
                    Ok(code) => code,
                    Err(e) => {
                        self.report(&ctx, e);
                        self.exit_code.get().unwrap_or(7)
                    }
                },
                None => 0,
            }
        })
    }

    async fn run_until_idle(&self, context: &rquickjs::Context) {
        loop {
            // uv_run: an iteration starts only while something is alive, so a due
            // unref'ed timer does not run when nothing else keeps the loop going.
            if self.exiting() || !self.alive() {
                return;
            }
            self.update_time();
            self.run_timers(context);
            if !self.alive() || self.exiting() {
                return;
            }
            self.poll_io().await;
            self.update_time();
            self.process_io(context);
            self.run_immediates(context);
            self.run_closing(context);
            context.with(|ctx| self.space_gc(&ctx));
        }
    }

    /// Spaces out the engine's cycle collections. QuickJS collects once its
    /// heap passes 1.5x what the last collection left, and each collection
    /// walks every object of the runtime; a server drops a few cyclic
    /// objects per connection (socket, handle, states, listeners), so it
    /// collected every ~100 connections (~3% of a connection's
    /// instructions on churn). After a collection the next threshold goes
    /// to 3x the live heap (at least [`GC_HEADROOM_MIN`], at most
    /// [`GC_HEADROOM_MAX`] above it), as V8 lets its young generation fill
    /// before a scavenge.
    fn space_gc(&self, ctx: &Ctx<'_>) {
        use rquickjs::qjs;
        // SAFETY: reads and sets a field of this context's runtime.
        unsafe {
            let rt = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
            let threshold = qjs::JS_GetGCThreshold(rt);
            if threshold == self.gc_threshold.get() {
                return;
            }
            // Changed: a collection ran and set it to 1.5x the live heap.
            let live = threshold / 3 * 2;
            let next = (live * 3)
                .max(live + GC_HEADROOM_MIN)
                .min(live + GC_HEADROOM_MAX)
                .max(threshold);
            qjs::JS_SetGCThreshold(rt, next);
            self.gc_threshold.set(next);
        }
    }

    fn run_timers(&self, context: &rquickjs::Context) {
        let Some(deadline) = self.timer_deadline.get() else {
            return;
        };
        if deadline > self.now.get() {
            return;
        }
        self.timer_deadline.set(None);
        context.with(|ctx| {
            let Some(f) = self.hook(&ctx, |h| h.process_timers.clone()) else {
                return;
            };
            let now = self.now_ms().floor();
            // Like Node's RunTimers: call again after an exception that a handler absorbed.
            let next = loop {
                if self.exiting() {
                    return;
                }
                match f.call::<_, f64>((now,)) {
                    Ok(next) => break next,
                    Err(e) => {
                        self.report(&ctx, e);
                        self.after_callback(&ctx);
                    }
                }
            };
            // The next expiry in loop milliseconds (negative: unref'ed), or 0 for none.
            if next == 0.0 {
                self.timer_deadline.set(None);
            } else {
                let at = self.start + Duration::from_micros((next.abs() * 1000.0) as u64);
                self.timer_deadline
                    .set(Some(at.max(self.now.get() + Duration::from_millis(1))));
                self.timer_ref.set(next > 0.0);
            }
            self.after_callback(&ctx);
        });
    }

    async fn poll_io(&self) {
        let has_work = !self.completions.borrow().is_empty()
            || self
                .shared
                .ready
                .lock()
                .map(|r| !r.is_empty())
                .unwrap_or(false);
        if has_work || self.immediate_refs.get() > 0 || !self.close_queue.borrow().is_empty() {
            // Non-blocking poll: give the I/O driver and local tasks one turn.
            tokio::task::yield_now().await;
            return;
        }
        let deadline = self.timer_deadline.get();
        let wait = poll_fn(|cx| {
            if let Ok(mut m) = self.shared.main.lock() {
                *m = Some(cx.waker().clone());
            }
            let ready = !self.completions.borrow().is_empty()
                || self
                    .shared
                    .ready
                    .lock()
                    .map(|r| !r.is_empty())
                    .unwrap_or(false);
            if ready {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        });
        match deadline {
            Some(d) => {
                let _ = tokio::time::timeout_at(tokio::time::Instant::from_std(d), wait).await;
            }
            None => wait.await,
        }
    }

    fn process_io(&self, context: &rquickjs::Context) {
        let tokens = match self.shared.ready.lock() {
            Ok(mut r) => std::mem::take(&mut *r),
            Err(_) => Vec::new(),
        };
        let has_completions = !self.completions.borrow().is_empty();
        if tokens.is_empty() && !has_completions {
            return;
        }
        context.with(|ctx| {
            for token in tokens {
                if self.exiting() {
                    return;
                }
                crate::handles::on_ready(self, &ctx, token);
            }
            loop {
                let next = self.completions.borrow_mut().pop_front();
                let Some(c) = next else { break };
                self.invoke(&ctx, |ctx| c(ctx));
            }
        });
    }

    fn run_immediates(&self, context: &rquickjs::Context) {
        if !self.immediate_pending.get() {
            return;
        }
        context.with(|ctx| {
            let Some(f) = self.hook(&ctx, |h| h.process_immediates.clone()) else {
                return;
            };
            loop {
                if self.exiting() {
                    return;
                }
                match f.call::<_, ()>(()) {
                    Ok(()) => break,
                    Err(e) => {
                        // The rest of this batch runs after the handler, as in Node.
                        self.report(&ctx, e);
                        self.after_callback(&ctx);
                    }
                }
            }
            self.after_callback(&ctx);
        });
    }

    fn run_closing(&self, context: &rquickjs::Context) {
        if self.close_queue.borrow().is_empty() {
            return;
        }
        context.with(|ctx| loop {
            let next = self.close_queue.borrow_mut().pop_front();
            let Some(cb) = next else { break };
            if let Ok(f) = cb.restore(&ctx) {
                self.invoke(&ctx, |ctx| call_function(ctx, &f));
            }
        });
    }

    /// Drops every JS value the loop holds, before the engine is freed.
    pub(crate) fn clear(&self) {
        self.completions.borrow_mut().clear();
        self.close_queue.borrow_mut().clear();
        *self.hooks.borrow_mut() = Hooks::default();
        self.rejections.borrow_mut().clear();
        self.handles.borrow_mut().clear();
    }
}
