//! The embeddable runtime: engine + loop + bootstrap, run to completion.

use std::rc::Rc;

use rquickjs::{Function, Object, Persistent, Value};

use crate::event_loop::Loop;

/// The runtime's version (`process.version` is `v` + this).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Heap size (bytes) at which the first cycle collection runs.
const START_GC_THRESHOLD: usize = 2 * 1024 * 1024;

/// Process-level settings, as the command line gives them.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `process.argv`: the executable, then the script path (if any), then its arguments.
    pub argv: Vec<String>,
    /// `process.execArgv`: runtime flags that came before the script.
    pub exec_argv: Vec<String>,
    /// `process.execPath`: absolute path of the executable.
    pub exec_path: String,
    /// Skip freeing the engine when the program ends: for a process that
    /// exits right after [`Runtime::run`] returns (as the `weft` command
    /// does), the operating system reclaims the memory faster. Embedders
    /// that go on running leave this false.
    pub skip_teardown: bool,
}

/// What to run.
#[derive(Clone, Debug, Default)]
pub enum Main {
    /// A script file (CommonJS, or an ES module for `.mjs` / `"type": "module"`).
    File(String),
    /// Source text, as `weft -e`.
    Eval(String),
    /// Source text whose result is printed, as `weft -p`.
    Print(String),
    /// Nothing: bootstrap only (used to measure start-up).
    #[default]
    None,
}

/// A Weft runtime. [`Runtime::run`] consumes it and returns the exit code.
pub struct Runtime {
    options: Options,
}

impl Runtime {
    /// Creates a runtime with `options`.
    pub fn new(options: Options) -> Runtime {
        Runtime { options }
    }

    /// Runs `main` and the event loop until nothing keeps it alive, then
    /// emits `process` 'exit' and returns the exit code (Node's rules:
    /// `process.exitCode`, 1 after an uncaught exception). `process.exit()`
    /// ends the whole process at once, as in Node.
    pub fn run(self, main: Main) -> i32 {
        let rt = match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(rt) => rt,
            Err(e) => {
                eprintln!("weft: cannot start the I/O runtime: {e}");
                return 70;
            }
        };
        let local = tokio::task::LocalSet::new();
        local.block_on(&rt, tokio::task::unconstrained(self.run_async(main)))
    }

    async fn run_async(self, main: Main) -> i32 {
        let engine = match rquickjs::Runtime::new() {
            Ok(r) => r,
            Err(e) => {
                eprintln!("weft: cannot start the engine: {e}");
                return 70;
            }
        };
        engine.set_max_stack_size(4 * 1024 * 1024);
        // QuickJS starts collecting cycles at 256 KiB of heap, which the
        // built-ins pass while loading: ~12% of `weft -e 0` went to
        // collections that found almost nothing. The engine raises the
        // threshold to 1.5x the live heap after each collection.
        engine.set_gc_threshold(START_GC_THRESHOLD);
        let context = match rquickjs::Context::full(&engine) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("weft: cannot create a context: {e}");
                return 70;
            }
        };
        let lp = Loop::new();
        lp.gc_threshold.set(START_GC_THRESHOLD as u64);
        let skip_teardown = self.options.skip_teardown;
        *lp.options.borrow_mut() = self.options;
        *lp.main.borrow_mut() = main;

        let l = lp.clone();
        engine.set_host_promise_rejection_tracker(Some(Box::new(
            move |ctx, promise, reason, handled| {
                l.rejections.borrow_mut().push((
                    handled,
                    Persistent::save(&ctx, promise),
                    Persistent::save(&ctx, reason),
                ));
                l.rejections_pending.set(true);
            },
        )));
        engine.set_loader(
            crate::modules::JsResolver(lp.clone()),
            crate::modules::JsLoader(lp.clone()),
        );

        // Raw binding functions find the loop through the context's opaque
        // pointer; `lp` outlives every JS call, and the pointer is cleared
        // before `lp` goes.
        let set_opaque = |p: *const Loop| {
            // SAFETY: sets a pointer field of a live context.
            context.with(|ctx| unsafe {
                rquickjs::qjs::JS_SetContextOpaque(ctx.as_raw().as_ptr(), p as *mut _)
            })
        };
        set_opaque(Rc::as_ptr(&lp));
        let ok = context.with(|ctx| bootstrap(&ctx, &lp));
        if !ok {
            set_opaque(std::ptr::null());
            lp.clear();
            return 70;
        }
        let code = lp.clone().run(context.clone()).await;
        set_opaque(std::ptr::null());
        if skip_teardown {
            std::mem::forget(context);
            std::mem::forget(engine);
            return code;
        }
        lp.clear();
        code
    }
}

/// Runs `internal/bootstrap` with `internalBinding`, then the main entry.
/// Returns false (after printing why) when bootstrap itself failed.
fn bootstrap<'js>(ctx: &rquickjs::Ctx<'js>, lp: &Rc<Loop>) -> bool {
    let boot = || -> rquickjs::Result<Function<'js>> {
        let f = crate::builtins::compile(ctx, "internal/bootstrap")?
            .ok_or_else(|| rquickjs::Error::new_loading("internal/bootstrap"))?;
        let l = lp.clone();
        let binding = Function::new(ctx.clone(), move |ctx: rquickjs::Ctx<'js>, name: String| {
            crate::bindings::get(&ctx, &l, &name)
        })?
        .with_name("internalBinding")?;
        let module = Object::new(ctx.clone())?;
        let exports = Object::new(ctx.clone())?;
        module.set("exports", exports.clone())?;
        f.call::<_, ()>((
            exports,
            Value::new_undefined(ctx.clone()),
            module.clone(),
            binding,
        ))?;
        let exports: Object = module.get("exports")?;
        exports.get("runMain")
    };
    match boot() {
        Ok(run_main) => {
            lp.invoke(ctx, |_| run_main.call::<_, ()>(()));
            true
        }
        Err(e) => {
            let v = if matches!(e, rquickjs::Error::Exception) {
                ctx.catch()
            } else {
                rquickjs::String::from_str(ctx.clone(), &e.to_string())
                    .map(|s| s.into_value())
                    .unwrap_or(Value::new_undefined(ctx.clone()))
            };
            eprintln!("weft: bootstrap failed: {}", crate::errors::describe(&v));
            false
        }
    }
}
