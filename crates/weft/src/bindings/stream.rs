//! TCP and Unix-domain stream handles (Node's `tcp_wrap`, `pipe_wrap` and
//! `stream_wrap` bindings). Handles live in the loop's slab; these functions
//! take the handle id. See `js/internal/stream_wrap.js` for the JS side.

use std::ffi::c_int;
use std::net::{IpAddr, SocketAddr};
use std::rc::Rc;

use rquickjs::{qjs, Array, Ctx, Function, Object, Persistent, Result, Value};

use super::{arg_i32, loop_of, set_fn, set_raw_fn};
use crate::event_loop::Loop;
use crate::handles::{self, bytes_of, errno_of, raw_bytes_of, Io, SockAddr};

const FLAG_IPV6_ONLY: u32 = 1;
const FLAG_REUSE_PORT: u32 = 2;

fn bind_tcp(ip: IpAddr, port: u16, flags: u32) -> std::io::Result<socket2::Socket> {
    use socket2::{Domain, Socket, Type};
    let addr = SocketAddr::new(ip, port);
    let sock = Socket::new(Domain::for_address(addr), Type::STREAM, None)?;
    sock.set_nonblocking(true)?;
    sock.set_cloexec(true)?;
    sock.set_reuse_address(true)?;
    if flags & FLAG_REUSE_PORT != 0 {
        sock.set_reuse_port(true)?;
    }
    if ip.is_ipv6() {
        sock.set_only_v6(flags & FLAG_IPV6_ONLY != 0)?;
    }
    sock.bind(&addr.into())?;
    Ok(sock)
}

fn fill_addr(out: &Object<'_>, a: SockAddr) -> Result<()> {
    match a {
        SockAddr::Ip(sa) => {
            out.set("address", sa.ip().to_string())?;
            out.set("family", if sa.is_ipv4() { "IPv4" } else { "IPv6" })?;
            out.set("port", sa.port())?;
        }
        SockAddr::Path(p) => {
            out.set("address", p)?;
        }
    }
    Ok(())
}

/// What `writeBuffer` returns for a value that is no Uint8Array.
const NOT_BYTES: i32 = 2;

/// `writeBuffer(id, buf)`: writes the bytes of the Uint8Array `buf` to the
/// handle, as [`handles::write`] (0 written, 1 queued, or a negative errno),
/// or returns [`NOT_BYTES`] (2) and does nothing when `buf` is no
/// Uint8Array. A raw function: it runs once per message written.
unsafe extern "C" fn write_buffer(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    _argc: c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: the engine passes a live context and at least two arguments
    // (the declared length); the bytes are consumed (written, copied or
    // held with the Buffer) before any JS runs.
    let r = unsafe {
        let (id, buf) = (arg_i32(ctx, *argv) as u32, *argv.add(1));
        match (loop_of(ctx), raw_bytes_of(ctx, buf)) {
            (None, _) => -libc::EBADF,
            (_, None) => NOT_BYTES,
            (Some(lp), Some(b)) => {
                let ctx = Ctx::from_raw(std::ptr::NonNull::new_unchecked(ctx));
                let buf =
                    Value::from_raw(ctx.clone(), qjs::JS_DupValue(ctx.as_raw().as_ptr(), buf));
                handles::write(lp, id, &[b], Some((&ctx, std::slice::from_ref(&buf))))
            }
        }
    };
    qjs::JS_MKVAL(qjs::JS_TAG_INT, r)
}

// Once per connection each, so raw functions too.

/// `adopt(js, id)`: makes `js` the JS object of the handle `id` (an accepted
/// connection); false when there is no such handle.
unsafe extern "C" fn adopt(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    _argc: c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: a live context and two arguments (the declared length).
    unsafe {
        let (js, id) = (*argv, arg_i32(ctx, *argv.add(1)) as u32);
        let Some(lp) = loop_of(ctx) else {
            return qjs::JS_FALSE;
        };
        if qjs::JS_VALUE_GET_TAG(js) != qjs::JS_TAG_OBJECT {
            return qjs::JS_FALSE;
        }
        let mut h = lp.handles.borrow_mut();
        let Some(slot) = h.get_mut(id) else {
            return qjs::JS_FALSE;
        };
        let ctx = Ctx::from_raw(std::ptr::NonNull::new_unchecked(ctx));
        let js = Object::from_value(Value::from_raw(
            ctx.clone(),
            qjs::JS_DupValue(ctx.as_raw().as_ptr(), js),
        ));
        match js {
            Ok(js) => {
                slot.js = Some(Persistent::save(&ctx, js));
                qjs::JS_TRUE
            }
            Err(_) => qjs::JS_FALSE,
        }
    }
}

/// `readStart(id)`, `readStop(id)`: 0 or a negative errno.
unsafe extern "C" fn read_start(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    _argc: c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: a live context and one argument.
    unsafe { with_id(ctx, argv, |lp, id| handles::set_reading(lp, id, true)) }
}

unsafe extern "C" fn read_stop(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    _argc: c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: a live context and one argument.
    unsafe { with_id(ctx, argv, |lp, id| handles::set_reading(lp, id, false)) }
}

/// `shutdown(id)`: 0 (`onshutdown(status)` follows) or a negative errno.
unsafe extern "C" fn shutdown(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    _argc: c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: a live context and one argument.
    unsafe { with_id(ctx, argv, handles::shutdown) }
}

/// Runs `f(loop, argv[0] as a handle id)` and returns its status as an int
/// (-EBADF once the loop is gone).
///
/// # Safety
/// `ctx` is live and `argv` holds at least one value.
unsafe fn with_id(
    ctx: *mut qjs::JSContext,
    argv: *mut qjs::JSValue,
    f: impl FnOnce(&Loop, u32) -> i32,
) -> qjs::JSValue {
    // SAFETY (caller).
    let r = unsafe {
        let id = arg_i32(ctx, *argv) as u32;
        match loop_of(ctx) {
            Some(lp) => f(lp, id),
            None => -libc::EBADF,
        }
    };
    qjs::JS_MKVAL(qjs::JS_TAG_INT, r)
}

/// Posts `js.onconnect(status)` for the poll phase.
fn finish_connect(lp: &Rc<Loop>, id: u32, result: std::io::Result<Io>) {
    let l = lp.clone();
    lp.post(Box::new(move |ctx| {
        let js = {
            let mut h = l.handles.borrow_mut();
            let Some(slot) = h.get_mut(id) else {
                return Ok(());
            };
            if !slot.connecting {
                return Ok(()); // closed while connecting
            }
            slot.connecting = false;
            let status = match result {
                Ok(io) => {
                    slot.io = io;
                    0
                }
                Err(e) => errno_of(&e),
            };
            slot.js.clone().map(|j| (j, status))
        };
        if let Some((js, status)) = js {
            let js = js.restore(ctx)?;
            let f: Option<Function> = js.get("onconnect")?;
            if let Some(f) = f {
                f.call::<_, ()>((rquickjs::function::This(js), status))?;
            }
        }
        Ok(())
    }));
}

pub(super) fn init<'js>(ctx: &Ctx<'js>, lp: &Rc<Loop>, obj: &Object<'js>) -> Result<()> {
    let l = lp.clone();
    set_fn(
        obj,
        "create",
        move |ctx: Ctx<'js>, js: Object<'js>| -> u32 {
            let mut h = l.handles.borrow_mut();
            let id = h.insert(Io::Empty);
            if let Some(s) = h.get_mut(id) {
                s.js = Some(Persistent::save(&ctx, js));
            }
            id
        },
    )?;
    set_raw_fn(obj, c"adopt", 2, adopt)?;
    set_raw_fn(obj, c"readStart", 1, read_start)?;
    set_raw_fn(obj, c"readStop", 1, read_stop)?;
    set_raw_fn(obj, c"writeBuffer", 2, write_buffer)?;
    let state = super::shared_memory(ctx, &*lp.stream_state)?;
    obj.set("streamStateBuffer", state)?;
    obj.set("NOT_BYTES", NOT_BYTES)?;
    let l = lp.clone();
    set_fn(
        obj,
        "writeString",
        move |ctx: Ctx<'js>, id: u32, s: Value<'js>, enc: i32| -> i32 {
            let bytes = super::buffer::encode(&ctx, &s, enc);
            handles::write(&l, id, &[&bytes], None)
        },
    )?;
    let l = lp.clone();
    set_fn(
        obj,
        "writev",
        move |ctx: Ctx<'js>, id: u32, chunks: Array<'js>| -> Result<i32> {
            let mut owned: Vec<Vec<u8>> = Vec::new();
            let mut vals: Vec<Value> = Vec::with_capacity(chunks.len());
            for v in chunks.iter::<Value>() {
                vals.push(v?);
            }
            let mut parts: Vec<&[u8]> = Vec::with_capacity(vals.len());
            // Strings are encoded first so that borrowed slices stay valid.
            for v in &vals {
                if v.is_string() {
                    owned.push(super::buffer::encode(&ctx, v, super::buffer::UTF8));
                }
            }
            let mut oi = 0;
            for v in &vals {
                if v.is_string() {
                    parts.push(&owned[oi]);
                    oi += 1;
                } else if let Some(b) = unsafe { bytes_of(&ctx, v) } {
                    parts.push(b);
                } else {
                    return Ok(-libc::EINVAL);
                }
            }
            Ok(handles::write(&l, id, &parts, Some((&ctx, &vals))))
        },
    )?;
    let l = lp.clone();
    set_fn(obj, "writeQueueSize", move |id: u32| {
        handles::write_queue_size(&l, id) as f64
    })?;
    set_raw_fn(obj, c"shutdown", 1, shutdown)?;
    let l = lp.clone();
    set_fn(
        obj,
        "close",
        move |ctx: Ctx<'js>, id: u32, cb: Option<Function<'js>>| {
            let slot = l.handles.borrow_mut().remove(id);
            if let Some(slot) = slot {
                if let Io::UnixListener(listener) = &slot.io {
                    // Node unlinks the socket file of a pipe server on close.
                    if let Ok(addr) = listener.local_addr() {
                        if let Some(p) = addr.as_pathname() {
                            let _ = std::fs::remove_file(p);
                        }
                    }
                }
                if let Some(task) = &slot.task {
                    task.abort();
                }
                drop(slot);
            }
            if let Some(cb) = cb {
                l.queue_close(Persistent::save(&ctx, cb));
            }
        },
    )?;
    let l = lp.clone();
    set_fn(obj, "ref", move |id: u32| {
        if let Some(s) = l.handles.borrow_mut().get_mut(id) {
            s.refed = true;
        }
    })?;
    let l = lp.clone();
    set_fn(obj, "unref", move |id: u32| {
        if let Some(s) = l.handles.borrow_mut().get_mut(id) {
            s.refed = false;
        }
    })?;
    let l = lp.clone();
    set_fn(obj, "hasRef", move |id: u32| {
        l.handles.borrow().get(id).is_some_and(|s| s.refed)
    })?;
    let l = lp.clone();
    set_fn(obj, "fd", move |id: u32| {
        l.handles
            .borrow()
            .get(id)
            .and_then(|s| s.io.raw_fd())
            .unwrap_or(-1)
    })?;
    let l = lp.clone();
    set_fn(
        obj,
        "bind",
        move |id: u32, ip: String, port: u16, flags: u32| -> i32 {
            let Ok(ip) = ip.parse::<IpAddr>() else {
                return -libc::EINVAL;
            };
            let mut h = l.handles.borrow_mut();
            let Some(slot) = h.get_mut(id) else {
                return -libc::EBADF;
            };
            match bind_tcp(ip, port, flags) {
                Ok(sock) => {
                    slot.io = Io::Bound(sock);
                    0
                }
                // libuv defers EADDRINUSE to listen(); report it there.
                Err(e) if e.raw_os_error() == Some(libc::EADDRINUSE) => {
                    slot.io = Io::BindError(-libc::EADDRINUSE);
                    0
                }
                Err(e) => errno_of(&e),
            }
        },
    )?;
    let l = lp.clone();
    set_fn(obj, "bindPipe", move |id: u32, path: String| -> i32 {
        let mut h = l.handles.borrow_mut();
        let Some(slot) = h.get_mut(id) else {
            return -libc::EBADF;
        };
        let r = (|| -> std::io::Result<socket2::Socket> {
            use socket2::{Domain, SockAddr as S2, Socket, Type};
            let sock = Socket::new(Domain::UNIX, Type::STREAM, None)?;
            sock.set_nonblocking(true)?;
            sock.set_cloexec(true)?;
            sock.bind(&S2::unix(&path)?)?;
            Ok(sock)
        })();
        match r {
            Ok(sock) => {
                slot.io = Io::Bound(sock);
                0
            }
            // libuv's uv_pipe_bind reports a missing directory as EACCES (Windows compatibility).
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => -libc::EACCES,
            Err(e) => errno_of(&e),
        }
    })?;
    let l = lp.clone();
    set_fn(obj, "listen", move |id: u32, backlog: i32| -> i32 {
        let r = {
            let mut h = l.handles.borrow_mut();
            let Some(slot) = h.get_mut(id) else {
                return -libc::EBADF;
            };
            let io = std::mem::replace(&mut slot.io, Io::Empty);
            let sock = match io {
                Io::Bound(s) => s,
                Io::BindError(code) => {
                    slot.io = Io::BindError(code);
                    return code;
                }
                other => {
                    slot.io = other;
                    return -libc::EINVAL;
                }
            };
            if let Err(e) = sock.listen(backlog) {
                slot.io = Io::Bound(sock);
                return errno_of(&e);
            }
            let is_unix = sock.local_addr().map(|a| a.is_unix()).unwrap_or(false);
            let io = if is_unix {
                let std_l: std::os::unix::net::UnixListener = sock.into();
                tokio::net::UnixListener::from_std(std_l).map(Io::UnixListener)
            } else {
                let std_l: std::net::TcpListener = sock.into();
                tokio::net::TcpListener::from_std(std_l).map(Io::TcpListener)
            };
            match io {
                Ok(io) => {
                    slot.io = io;
                    0
                }
                Err(e) => errno_of(&e),
            }
        };
        if r == 0 {
            handles::start_accepting(&l, id);
        }
        r
    })?;
    let l = lp.clone();
    set_fn(
        obj,
        "connect",
        move |id: u32, ip: String, port: u16| -> i32 {
            let Ok(ip) = ip.parse::<IpAddr>() else {
                return -libc::EINVAL;
            };
            let addr = SocketAddr::new(ip, port);
            let bound = {
                let mut h = l.handles.borrow_mut();
                let Some(slot) = h.get_mut(id) else {
                    return -libc::EBADF;
                };
                if slot.connecting {
                    return -libc::EALREADY;
                }
                slot.connecting = true;
                match std::mem::replace(&mut slot.io, Io::Empty) {
                    Io::Bound(s) => Some(s),
                    _ => None,
                }
            };
            let socket = match bound {
                Some(s) => Ok(tokio::net::TcpSocket::from_std_stream(
                    std::net::TcpStream::from(s),
                )),
                None if addr.is_ipv4() => tokio::net::TcpSocket::new_v4(),
                None => tokio::net::TcpSocket::new_v6(),
            };
            let lp = l.clone();
            let task = tokio::task::spawn_local(async move {
                let r = match socket {
                    Ok(s) => s.connect(addr).await.map(Io::Tcp),
                    Err(e) => Err(e),
                };
                finish_connect(&lp, id, r);
            });
            if let Some(slot) = l.handles.borrow_mut().get_mut(id) {
                slot.task = Some(task.abort_handle());
            }
            0
        },
    )?;
    let l = lp.clone();
    set_fn(obj, "connectPipe", move |id: u32, path: String| -> i32 {
        {
            let mut h = l.handles.borrow_mut();
            let Some(slot) = h.get_mut(id) else {
                return -libc::EBADF;
            };
            slot.connecting = true;
        }
        let lp = l.clone();
        let task = tokio::task::spawn_local(async move {
            let r = tokio::net::UnixStream::connect(&path).await.map(Io::Unix);
            finish_connect(&lp, id, r);
        });
        if let Some(slot) = l.handles.borrow_mut().get_mut(id) {
            slot.task = Some(task.abort_handle());
        }
        0
    })?;
    let l = lp.clone();
    set_fn(
        obj,
        "getsockname",
        move |id: u32, out: Object<'js>| -> Result<i32> {
            match handles::sock_addr(&l, id, false) {
                Ok(a) => fill_addr(&out, a).map(|_| 0),
                Err(e) => Ok(e),
            }
        },
    )?;
    let l = lp.clone();
    set_fn(
        obj,
        "getpeername",
        move |id: u32, out: Object<'js>| -> Result<i32> {
            match handles::sock_addr(&l, id, true) {
                Ok(a) => fill_addr(&out, a).map(|_| 0),
                Err(e) => Ok(e),
            }
        },
    )?;
    let l = lp.clone();
    set_fn(obj, "setNoDelay", move |id: u32, on: bool| -> i32 {
        match &l.handles.borrow().get(id).map(|s| &s.io) {
            Some(Io::Tcp(s)) => s
                .set_nodelay(on)
                .map(|_| 0)
                .unwrap_or_else(|e| errno_of(&e)),
            _ => 0,
        }
    })?;
    let l = lp.clone();
    set_fn(
        obj,
        "setKeepAlive",
        move |id: u32, on: bool, secs: f64| -> i32 {
            let h = l.handles.borrow();
            let Some(Io::Tcp(s)) = h.get(id).map(|s| &s.io) else {
                return 0;
            };
            let sock = socket2::SockRef::from(s);
            let r = if on {
                let ka = socket2::TcpKeepalive::new()
                    .with_time(std::time::Duration::from_secs(secs.max(1.0) as u64));
                sock.set_tcp_keepalive(&ka)
            } else {
                sock.set_keepalive(false)
            };
            r.map(|_| 0).unwrap_or_else(|e| errno_of(&e))
        },
    )?;
    let l = lp.clone();
    set_fn(obj, "open", move |id: u32, fd: i32| -> i32 {
        let mut h = l.handles.borrow_mut();
        let Some(slot) = h.get_mut(id) else {
            return -libc::EBADF;
        };
        match open_fd(fd) {
            Ok(io) => {
                slot.io = io;
                0
            }
            Err(e) => errno_of(&e),
        }
    })?;
    set_fn(obj, "guessHandleType", |fd: i32| guess_handle_type(fd))?;
    let l = lp.clone();
    set_fn(obj, "reset", move |id: u32| -> i32 {
        // SO_LINGER 0: close() then sends RST instead of FIN (Node's resetAndDestroy).
        let h = l.handles.borrow();
        let Some(Io::Tcp(s)) = h.get(id).map(|s| &s.io) else {
            return -libc::EINVAL;
        };
        socket2::SockRef::from(s)
            .set_linger(Some(std::time::Duration::ZERO))
            .map(|_| 0)
            .unwrap_or_else(|e| errno_of(&e))
    })?;
    Ok(())
}

/// Node's `guessHandleType`: what kind of descriptor `fd` is.
fn guess_handle_type(fd: i32) -> &'static str {
    if fd < 0 {
        return "INVALID";
    }
    // SAFETY: fstat/getsockopt/isatty only read the descriptor's state.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        if libc::fstat(fd, &mut st) != 0 {
            return "INVALID";
        }
        match st.st_mode & libc::S_IFMT {
            libc::S_IFREG => "FILE",
            libc::S_IFCHR => {
                if libc::isatty(fd) == 1 {
                    "TTY"
                } else {
                    "FILE"
                }
            }
            libc::S_IFIFO => "PIPE",
            libc::S_IFSOCK => {
                let mut ty: libc::c_int = 0;
                let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
                libc::getsockopt(
                    fd,
                    libc::SOL_SOCKET,
                    libc::SO_TYPE,
                    (&mut ty as *mut libc::c_int).cast(),
                    &mut len,
                );
                let mut dom: libc::c_int = 0;
                let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
                libc::getsockopt(
                    fd,
                    libc::SOL_SOCKET,
                    libc::SO_DOMAIN,
                    (&mut dom as *mut libc::c_int).cast(),
                    &mut len,
                );
                match (dom, ty) {
                    (libc::AF_UNIX, libc::SOCK_STREAM) => "PIPE",
                    (libc::AF_INET | libc::AF_INET6, libc::SOCK_STREAM) => "TCP",
                    (libc::AF_INET | libc::AF_INET6, libc::SOCK_DGRAM) => "UDP",
                    _ => "UNKNOWN",
                }
            }
            _ => "UNKNOWN",
        }
    }
}

/// Wraps an inherited descriptor: a listening socket becomes a listener, a
/// connected one a stream. The handle takes ownership of a duplicate, so the
/// original descriptor stays valid for its owner, as libuv's uv_*_open does not
/// dup; Node closes the fd when the handle closes, so do the same by not duplicating.
fn open_fd(fd: i32) -> std::io::Result<Io> {
    use std::os::fd::FromRawFd;
    if fd < 0 {
        return Err(std::io::Error::from_raw_os_error(libc::EBADF));
    }
    let kind = guess_handle_type(fd);
    // The handle works on a duplicate: the descriptor may still belong to
    // something else in this process (another handle's fd), and a failed
    // registration must never close a descriptor it does not own.
    // SAFETY: plain dup; the new descriptor is owned by `sock` from here on.
    let dup = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if dup < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: `dup` is a fresh descriptor that nothing else owns.
    let sock = unsafe { socket2::Socket::from_raw_fd(dup) };
    let fd = dup;
    sock.set_nonblocking(true)?;
    let listening = {
        let mut v: libc::c_int = 0;
        let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: reads one int option.
        unsafe {
            libc::getsockopt(
                fd,
                libc::SOL_SOCKET,
                libc::SO_ACCEPTCONN,
                (&mut v as *mut libc::c_int).cast(),
                &mut len,
            )
        };
        v != 0
    };
    match (kind, listening) {
        ("TCP", true) => tokio::net::TcpListener::from_std(sock.into()).map(Io::TcpListener),
        ("TCP", false) => tokio::net::TcpStream::from_std(sock.into()).map(Io::Tcp),
        ("PIPE", true) => tokio::net::UnixListener::from_std(sock.into()).map(Io::UnixListener),
        ("PIPE", false) => tokio::net::UnixStream::from_std(sock.into()).map(Io::Unix),
        _ => {
            drop(sock);
            Err(std::io::Error::from_raw_os_error(libc::EINVAL))
        }
    }
}
