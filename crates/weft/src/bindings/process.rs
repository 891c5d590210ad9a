//! `process` natives: arguments, environment, clocks, exit, and the standard streams.

use std::io::Write;
use std::rc::Rc;

use rquickjs::{Array, Ctx, Object, Result, Value};

use super::set_fn;
use crate::event_loop::Loop;

/// Writes all of `bytes` to a file descriptor synchronously (Node writes to
/// files and TTYs synchronously too). A closed reader (EPIPE) is ignored.
fn write_fd(fd: i32, bytes: &[u8]) {
    let mut off = 0;
    while off < bytes.len() {
        // SAFETY: writing from a valid slice to a descriptor this process owns.
        let n = unsafe { libc::write(fd, bytes[off..].as_ptr().cast(), bytes.len() - off) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => continue,
                Some(libc::EAGAIN) => {
                    let mut p = libc::pollfd {
                        fd,
                        events: libc::POLLOUT,
                        revents: 0,
                    };
                    // SAFETY: one valid pollfd.
                    unsafe { libc::poll(&mut p, 1, -1) };
                    continue;
                }
                _ => return,
            }
        }
        off += n as usize;
    }
}

fn write_value(ctx: &Ctx<'_>, fd: i32, v: Value<'_>) -> Result<()> {
    if let Some(s) = v.as_string() {
        let s = s.to_string()?;
        write_fd(fd, s.as_bytes());
    } else if let Some(b) = unsafe { crate::handles::bytes_of(ctx, &v) } {
        write_fd(fd, b);
    }
    Ok(())
}

pub(super) fn init<'js>(ctx: &Ctx<'js>, lp: &Rc<Loop>, obj: &Object<'js>) -> Result<()> {
    let opts = lp.options.borrow().clone();
    let argv = Array::new(ctx.clone())?;
    for (i, a) in opts.argv.iter().enumerate() {
        argv.set(i, a.as_str())?;
    }
    obj.set("argv", argv)?;
    let exec_argv = Array::new(ctx.clone())?;
    for (i, a) in opts.exec_argv.iter().enumerate() {
        exec_argv.set(i, a.as_str())?;
    }
    obj.set("execArgv", exec_argv)?;
    obj.set("execPath", opts.exec_path.as_str())?;
    let main = Object::new(ctx.clone())?;
    let (kind, value) = match &lp.main.borrow().clone() {
        crate::Main::File(p) => ("file", p.clone()),
        crate::Main::Eval(c) => ("eval", c.clone()),
        crate::Main::Print(c) => ("print", c.clone()),
        crate::Main::None => ("none", String::new()),
    };
    main.set("kind", kind)?;
    main.set("value", value)?;
    obj.set("main", main)?;
    obj.set("version", format!("v{}", crate::VERSION))?;
    obj.set("platform", std::env::consts::OS)?;
    obj.set(
        "arch",
        match std::env::consts::ARCH {
            "x86_64" => "x64",
            "aarch64" => "arm64",
            "x86" => "ia32",
            other => other,
        },
    )?;
    // SAFETY: getpid/getppid/getuid cannot fail.
    obj.set("pid", unsafe { libc::getpid() })?;
    obj.set("ppid", unsafe { libc::getppid() })?;

    let env = Object::new(ctx.clone())?;
    for (k, v) in std::env::vars_os() {
        if let (Some(k), Some(v)) = (k.to_str(), v.to_str()) {
            env.set(k, v)?;
        }
    }
    obj.set("env", env)?;

    set_fn(obj, "setEnv", |k: String, v: String| {
        if !k.is_empty() && !k.contains('=') && !k.contains('\0') && !v.contains('\0') {
            std::env::set_var(k, v)
        }
    })?;
    set_fn(obj, "unsetEnv", |k: String| {
        if !k.is_empty() && !k.contains('=') && !k.contains('\0') {
            std::env::remove_var(k)
        }
    })?;
    set_fn(
        obj,
        "cwd",
        |ctx: Ctx<'js>, err: Object<'js>| -> Result<Value<'js>> {
            match std::env::current_dir() {
                Ok(p) => rquickjs::IntoJs::into_js(p.to_string_lossy().as_ref(), &ctx),
                Err(e) => {
                    super::set_err(&err, crate::handles::errno_of(&e), "uv_cwd")?;
                    Ok(Value::new_undefined(ctx))
                }
            }
        },
    )?;
    set_fn(obj, "chdir", |dir: String| -> i32 {
        match std::env::set_current_dir(&dir) {
            Ok(()) => 0,
            Err(e) => crate::handles::errno_of(&e),
        }
    })?;
    set_fn(obj, "hrtime", |ctx: Ctx<'js>| -> Result<Array<'js>> {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: valid timespec out-pointer.
        unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
        let a = Array::new(ctx)?;
        a.set(0, ts.tv_sec as f64)?;
        a.set(1, ts.tv_nsec as f64)?;
        Ok(a)
    })?;
    let l = lp.clone();
    set_fn(obj, "uptime", move || l.uptime_secs())?;
    set_fn(obj, "memoryUsage", |ctx: Ctx<'js>| -> Result<Object<'js>> {
        let o = Object::new(ctx.clone())?;
        let rss = std::fs::read_to_string("/proc/self/statm")
            .ok()
            .and_then(|s| {
                s.split_whitespace()
                    .nth(1)
                    .and_then(|n| n.parse::<f64>().ok())
            })
            .map(|pages| pages * 4096.0)
            .unwrap_or(0.0);
        o.set("rss", rss)?;
        let mut usage = unsafe { std::mem::zeroed::<rquickjs::qjs::JSMemoryUsage>() };
        // SAFETY: fills a plain struct from this thread's runtime.
        unsafe {
            let rt = rquickjs::qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
            rquickjs::qjs::JS_ComputeMemoryUsage(rt, &mut usage);
        }
        o.set(
            "heapTotal",
            usage.malloc_limit.min(usage.malloc_size) as f64,
        )?;
        o.set("heapUsed", usage.memory_used_size as f64)?;
        o.set("external", 0)?;
        o.set("arrayBuffers", 0)?;
        Ok(o)
    })?;
    set_fn(
        obj,
        "resourceUsage",
        |ctx: Ctx<'js>| -> Result<Array<'js>> {
            let mut ru = unsafe { std::mem::zeroed::<libc::rusage>() };
            // SAFETY: valid rusage out-pointer.
            unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
            let a = Array::new(ctx)?;
            a.set(
                0,
                ru.ru_utime.tv_sec as f64 * 1e6 + ru.ru_utime.tv_usec as f64,
            )?;
            a.set(
                1,
                ru.ru_stime.tv_sec as f64 * 1e6 + ru.ru_stime.tv_usec as f64,
            )?;
            a.set(2, ru.ru_maxrss as f64)?;
            Ok(a)
        },
    )?;
    set_fn(obj, "reallyExit", |code: i32| -> () {
        let _ = std::io::stdout().flush();
        std::process::exit(code)
    })?;
    set_fn(obj, "kill", |pid: i32, sig: i32| -> i32 {
        // SAFETY: plain syscall.
        if unsafe { libc::kill(pid, sig) } == 0 {
            0
        } else {
            -std::io::Error::last_os_error()
                .raw_os_error()
                .unwrap_or(libc::EINVAL)
        }
    })?;
    set_fn(obj, "umask", |mask: rquickjs::function::Opt<u32>| -> u32 {
        let mask = mask.0;
        // SAFETY: umask cannot fail.
        unsafe {
            match mask {
                Some(m) => libc::umask(m as libc::mode_t) as u32,
                None => {
                    let old = libc::umask(0);
                    libc::umask(old);
                    old as u32
                }
            }
        }
    })?;
    set_fn(obj, "writeStdout", |ctx: Ctx<'js>, v: Value<'js>| {
        write_value(&ctx, 1, v)
    })?;
    set_fn(obj, "writeStderr", |ctx: Ctx<'js>, v: Value<'js>| {
        write_value(&ctx, 2, v)
    })?;
    set_fn(obj, "isatty", |fd: i32| unsafe { libc::isatty(fd) == 1 })?;
    Ok(())
}
