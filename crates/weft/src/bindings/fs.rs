//! File-system natives for `fs` (the calls a network program needs).
//!
//! Every operation exists once, as [`run`]: `sync(op, args, errCtx)` runs it
//! on the loop thread and writes a failure into `errCtx` (`errno`, `syscall`),
//! `async(op, args, cb)` runs it on a blocking thread and calls
//! `cb(errno, syscall, result)` in the poll phase (Node's thread-pool model).

use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::rc::Rc;

use rquickjs::{Array, Ctx, Function, IntoJs, Object, Persistent, Result, Value};

use super::set_fn;
use crate::event_loop::Loop;
use crate::handles::{bytes_of, errno_of, new_buffer};

/// An argument, copied out of JS so that it can cross to a blocking thread.
enum Arg {
    Str(String),
    Bytes(Vec<u8>),
    Num(f64),
    Bool(bool),
    None,
}

/// A result, turned into a JS value back on the loop thread.
enum Out {
    Undefined,
    Num(f64),
    Bytes(Vec<u8>),
    Str(String),
    Stat(Vec<f64>),
    Entries(Vec<(String, i32)>),
}

type FsResult = std::result::Result<Out, (i32, &'static str)>;

fn args_of(ctx: &Ctx<'_>, arr: &Array<'_>) -> Result<Vec<Arg>> {
    let mut out = Vec::with_capacity(arr.len());
    for v in arr.iter::<Value>() {
        let v = v?;
        out.push(if let Some(s) = v.as_string() {
            Arg::Str(s.to_string()?)
        } else if let Some(n) = v.as_number() {
            Arg::Num(n)
        } else if let Some(b) = v.as_bool() {
            Arg::Bool(b)
        } else if let Some(b) = unsafe { bytes_of(ctx, &v) } {
            Arg::Bytes(b.to_vec())
        } else {
            Arg::None
        });
    }
    Ok(out)
}

fn s(args: &[Arg], i: usize) -> &str {
    match args.get(i) {
        Some(Arg::Str(s)) => s,
        _ => "",
    }
}
fn n(args: &[Arg], i: usize) -> Option<f64> {
    match args.get(i) {
        Some(Arg::Num(n)) => Some(*n),
        _ => None,
    }
}
fn b(args: &[Arg], i: usize) -> bool {
    matches!(args.get(i), Some(Arg::Bool(true)))
}

fn stat_vec(m: &std::fs::Metadata) -> Vec<f64> {
    let ms = |secs: i64, nsec: i64| secs as f64 * 1000.0 + nsec as f64 / 1e6;
    vec![
        m.dev() as f64,
        m.mode() as f64,
        m.nlink() as f64,
        m.uid() as f64,
        m.gid() as f64,
        m.rdev() as f64,
        m.blksize() as f64,
        m.ino() as f64,
        m.size() as f64,
        m.blocks() as f64,
        ms(m.atime(), m.atime_nsec()),
        ms(m.mtime(), m.mtime_nsec()),
        ms(m.ctime(), m.ctime_nsec()),
        m.created()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0),
    ]
}

fn file_type_code(t: std::fs::FileType) -> i32 {
    use std::os::unix::fs::FileTypeExt;
    // libuv's uv_dirent_type_t values, which fs.Dirent uses.
    if t.is_file() {
        1
    } else if t.is_dir() {
        2
    } else if t.is_symlink() {
        3
    } else if t.is_fifo() {
        4
    } else if t.is_socket() {
        5
    } else if t.is_char_device() {
        6
    } else if t.is_block_device() {
        7
    } else {
        0
    }
}

fn mkdir_recursive(
    path: &std::path::Path,
    mode: u32,
) -> std::result::Result<Option<String>, std::io::Error> {
    // Returns the first directory created, as Node does.
    let mut missing = Vec::new();
    let mut p = Some(path);
    while let Some(cur) = p {
        match std::fs::metadata(cur) {
            Ok(m) if m.is_dir() => break,
            Ok(_) => return Err(std::io::Error::from_raw_os_error(libc::EEXIST)),
            Err(_) => missing.push(cur.to_path_buf()),
        }
        p = cur.parent();
    }
    let first = missing.last().map(|p| p.to_string_lossy().into_owned());
    for dir in missing.iter().rev() {
        match std::fs::DirBuilder::new().mode(mode).create(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Ok(first)
}

/// A uid/gid argument: -1 (leave unchanged) must stay all-ones, not saturate to 0.
fn id_arg(a: &[Arg], i: usize) -> u32 {
    n(a, i).unwrap_or(-1.0) as i64 as u32
}

fn last_errno() -> i32 {
    errno_of(&std::io::Error::last_os_error())
}

fn cstr(
    s: &str,
    syscall: &'static str,
) -> std::result::Result<std::ffi::CString, (i32, &'static str)> {
    std::ffi::CString::new(s).map_err(|_| (-libc::EINVAL, syscall))
}

/// Runs a call on the descriptor in argument 0; the call returns 0 or -1 (errno set).
fn fd_call(a: &[Arg], syscall: &'static str, f: impl FnOnce(i32) -> i32) -> FsResult {
    let fd = n(a, 0).unwrap_or(-1.0) as i32;
    if fd < 0 {
        return Err((-libc::EBADF, syscall));
    }
    if f(fd) == 0 {
        Ok(Out::Undefined)
    } else {
        Err((last_errno(), syscall))
    }
}

/// [atime, mtime] in seconds (fractions allowed) from arguments `i` and `i + 1`.
fn timespecs(a: &[Arg], i: usize) -> [libc::timespec; 2] {
    let ts = |v: f64| libc::timespec {
        tv_sec: v.floor() as libc::time_t,
        tv_nsec: ((v - v.floor()) * 1e9) as libc::c_long,
    };
    [ts(n(a, i).unwrap_or(0.0)), ts(n(a, i + 1).unwrap_or(0.0))]
}

/// Runs one fs operation.
fn run(op: &str, a: &[Arg]) -> FsResult {
    let err = |sys: &'static str| move |e: std::io::Error| (errno_of(&e), sys);
    match op {
        "readFile" => std::fs::read(s(a, 0)).map(Out::Bytes).map_err(err("open")),
        "writeFile" => {
            let data: &[u8] = match a.get(1) {
                Some(Arg::Bytes(b)) => b,
                Some(Arg::Str(s)) => s.as_bytes(),
                _ => &[],
            };
            let append = s(a, 2) == "a";
            let mode = n(a, 3).unwrap_or(0o666.into()) as u32;
            let mut o = std::fs::OpenOptions::new();
            o.write(true).create(true).mode(mode);
            if append {
                o.append(true);
            } else {
                o.truncate(true);
            }
            let mut f = o.open(s(a, 0)).map_err(err("open"))?;
            std::io::Write::write_all(&mut f, data).map_err(err("write"))?;
            Ok(Out::Undefined)
        }
        "stat" => std::fs::metadata(s(a, 0))
            .map(|m| Out::Stat(stat_vec(&m)))
            .map_err(err("stat")),
        "lstat" => std::fs::symlink_metadata(s(a, 0))
            .map(|m| Out::Stat(stat_vec(&m)))
            .map_err(err("lstat")),
        "mkdir" => {
            let mode = n(a, 2).unwrap_or(0o777.into()) as u32;
            if b(a, 1) {
                mkdir_recursive(std::path::Path::new(s(a, 0)), mode)
                    .map(|f| f.map(Out::Str).unwrap_or(Out::Undefined))
                    .map_err(err("mkdir"))
            } else {
                std::fs::DirBuilder::new()
                    .mode(mode)
                    .create(s(a, 0))
                    .map(|_| Out::Undefined)
                    .map_err(err("mkdir"))
            }
        }
        "rm" => {
            let (path, recursive, force) = (s(a, 0), b(a, 1), b(a, 2));
            let meta = match std::fs::symlink_metadata(path) {
                Ok(m) => m,
                Err(e) if force && e.kind() == std::io::ErrorKind::NotFound => {
                    return Ok(Out::Undefined)
                }
                Err(e) => return Err((errno_of(&e), "rm")),
            };
            if meta.is_dir() {
                if !recursive {
                    return Err((-libc::EISDIR, "rm"));
                }
                std::fs::remove_dir_all(path)
                    .map(|_| Out::Undefined)
                    .map_err(err("rm"))
            } else {
                std::fs::remove_file(path)
                    .map(|_| Out::Undefined)
                    .map_err(err("rm"))
            }
        }
        "rmdir" => std::fs::remove_dir(s(a, 0))
            .map(|_| Out::Undefined)
            .map_err(err("rmdir")),
        "unlink" => std::fs::remove_file(s(a, 0))
            .map(|_| Out::Undefined)
            .map_err(err("unlink")),
        "readdir" => {
            let rd = std::fs::read_dir(s(a, 0)).map_err(err("scandir"))?;
            let mut v = Vec::new();
            for e in rd {
                let e = e.map_err(err("scandir"))?;
                let t = e.file_type().map(file_type_code).unwrap_or(0);
                v.push((e.file_name().to_string_lossy().into_owned(), t));
            }
            v.sort();
            Ok(Out::Entries(v))
        }
        "realpath" => std::fs::canonicalize(s(a, 0))
            .map(|p| Out::Str(p.to_string_lossy().into_owned()))
            .map_err(err("realpath")),
        "rename" => std::fs::rename(s(a, 0), s(a, 1))
            .map(|_| Out::Undefined)
            .map_err(err("rename")),
        "copyFile" => std::fs::copy(s(a, 0), s(a, 1))
            .map(|_| Out::Undefined)
            .map_err(err("copyfile")),
        "access" => {
            let path = std::ffi::CString::new(s(a, 0)).map_err(|_| (-libc::EINVAL, "access"))?;
            let mode = n(a, 1).unwrap_or(0.0) as i32;
            // SAFETY: valid C string.
            if unsafe { libc::access(path.as_ptr(), mode) } == 0 {
                Ok(Out::Undefined)
            } else {
                Err((errno_of(&std::io::Error::last_os_error()), "access"))
            }
        }
        "chmod" => std::fs::set_permissions(
            s(a, 0),
            std::fs::Permissions::from_mode(n(a, 1).unwrap_or(0.0) as u32),
        )
        .map(|_| Out::Undefined)
        .map_err(err("chmod")),
        "symlink" => std::os::unix::fs::symlink(s(a, 0), s(a, 1))
            .map(|_| Out::Undefined)
            .map_err(err("symlink")),
        "readlink" => std::fs::read_link(s(a, 0))
            .map(|p| Out::Str(p.to_string_lossy().into_owned()))
            .map_err(err("readlink")),
        "mkdtemp" => {
            for i in 0..100u32 {
                let suffix: String = {
                    let seed = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.subsec_nanos())
                        .unwrap_or(0)
                        ^ (i.wrapping_mul(2654435761))
                        ^ std::process::id();
                    let chars = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
                    (0..6)
                        .map(|k| chars[((seed >> (k * 5)) as usize) % chars.len()] as char)
                        .collect()
                };
                let p = format!("{}{suffix}", s(a, 0));
                match std::fs::DirBuilder::new().mode(0o700).create(&p) {
                    Ok(()) => return Ok(Out::Str(p)),
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                    Err(e) => return Err((errno_of(&e), "mkdtemp")),
                }
            }
            Err((-libc::EEXIST, "mkdtemp"))
        }
        "open" => {
            let path = cstr(s(a, 0), "open")?;
            let flags = n(a, 1).unwrap_or(0.0) as i32 | libc::O_CLOEXEC;
            let mode = n(a, 2).unwrap_or(0o666 as f64) as libc::c_uint;
            // SAFETY: valid C string; the descriptor is returned to JS, which closes it.
            let fd = unsafe { libc::open(path.as_ptr(), flags, mode) };
            if fd < 0 {
                Err((last_errno(), "open"))
            } else {
                Ok(Out::Num(fd as f64))
            }
        }
        "close" => fd_call(a, "close", |fd| unsafe { libc::close(fd) }),
        "read" => {
            let fd = n(a, 0).unwrap_or(-1.0) as i32;
            let len = n(a, 1).unwrap_or(0.0).max(0.0) as usize;
            let pos = n(a, 2).unwrap_or(-1.0);
            let mut buf = vec![0u8; len];
            // SAFETY: reads into an owned buffer of `len` bytes.
            let r = unsafe {
                if pos >= 0.0 {
                    libc::pread(fd, buf.as_mut_ptr().cast(), len, pos as libc::off_t)
                } else {
                    libc::read(fd, buf.as_mut_ptr().cast(), len)
                }
            };
            if r < 0 {
                return Err((last_errno(), "read"));
            }
            buf.truncate(r as usize);
            Ok(Out::Bytes(buf))
        }
        "write" => {
            let fd = n(a, 0).unwrap_or(-1.0) as i32;
            let data: &[u8] = match a.get(1) {
                Some(Arg::Bytes(b)) => b,
                Some(Arg::Str(s)) => s.as_bytes(),
                _ => &[],
            };
            let pos = n(a, 2).unwrap_or(-1.0);
            // SAFETY: writes from a valid slice.
            let r = unsafe {
                if pos >= 0.0 {
                    libc::pwrite(fd, data.as_ptr().cast(), data.len(), pos as libc::off_t)
                } else {
                    libc::write(fd, data.as_ptr().cast(), data.len())
                }
            };
            if r < 0 {
                Err((last_errno(), "write"))
            } else {
                Ok(Out::Num(r as f64))
            }
        }
        "fstat" => {
            use std::os::fd::{AsFd, BorrowedFd};
            let fd = n(a, 0).unwrap_or(-1.0) as i32;
            if fd < 0 {
                return Err((-libc::EBADF, "fstat"));
            }
            // SAFETY: the descriptor is only borrowed for the duration of the call.
            let bfd = unsafe { BorrowedFd::borrow_raw(fd) };
            let file = bfd.as_fd().try_clone_to_owned().map_err(err("fstat"))?;
            let m = std::fs::File::from(file).metadata().map_err(err("fstat"))?;
            Ok(Out::Stat(stat_vec(&m)))
        }
        "ftruncate" => {
            let len = n(a, 1).unwrap_or(0.0) as libc::off_t;
            fd_call(a, "ftruncate", |fd| unsafe { libc::ftruncate(fd, len) })
        }
        "fsync" => fd_call(a, "fsync", |fd| unsafe { libc::fsync(fd) }),
        "fdatasync" => fd_call(a, "fdatasync", |fd| unsafe { libc::fdatasync(fd) }),
        "fchmod" => {
            let mode = n(a, 1).unwrap_or(0.0) as libc::mode_t;
            fd_call(a, "fchmod", |fd| unsafe { libc::fchmod(fd, mode) })
        }
        "fchown" => {
            let (uid, gid) = (id_arg(a, 1), id_arg(a, 2));
            fd_call(a, "fchown", |fd| unsafe { libc::fchown(fd, uid, gid) })
        }
        "futimes" => {
            let times = timespecs(a, 1);
            fd_call(a, "futime", |fd| unsafe {
                libc::futimens(fd, times.as_ptr())
            })
        }
        "link" => std::fs::hard_link(s(a, 0), s(a, 1))
            .map(|_| Out::Undefined)
            .map_err(err("link")),
        "chown" | "lchown" => {
            let path = cstr(s(a, 0), if op == "chown" { "chown" } else { "lchown" })?;
            let (uid, gid) = (id_arg(a, 1), id_arg(a, 2));
            // SAFETY: valid C string.
            let r = unsafe {
                if op == "chown" {
                    libc::chown(path.as_ptr(), uid, gid)
                } else {
                    libc::lchown(path.as_ptr(), uid, gid)
                }
            };
            if r == 0 {
                Ok(Out::Undefined)
            } else {
                Err((last_errno(), if op == "chown" { "chown" } else { "lchown" }))
            }
        }
        "utimes" | "lutimes" => {
            let syscall = if op == "utimes" { "utime" } else { "lutime" };
            let path = cstr(s(a, 0), syscall)?;
            let times = timespecs(a, 1);
            let flags = if op == "lutimes" {
                libc::AT_SYMLINK_NOFOLLOW
            } else {
                0
            };
            // SAFETY: valid C string and two timespecs.
            let r =
                unsafe { libc::utimensat(libc::AT_FDCWD, path.as_ptr(), times.as_ptr(), flags) };
            if r == 0 {
                Ok(Out::Undefined)
            } else {
                Err((last_errno(), syscall))
            }
        }
        "statfs" => {
            let path = cstr(s(a, 0), "statfs")?;
            // SAFETY: statfs fills a plain struct.
            unsafe {
                let mut st: libc::statfs = std::mem::zeroed();
                if libc::statfs(path.as_ptr(), &mut st) != 0 {
                    return Err((last_errno(), "statfs"));
                }
                Ok(Out::Stat(vec![
                    st.f_type as f64,
                    st.f_bsize as f64,
                    st.f_blocks as f64,
                    st.f_bfree as f64,
                    st.f_bavail as f64,
                    st.f_files as f64,
                    st.f_ffree as f64,
                ]))
            }
        }
        _ => Err((-libc::ENOSYS, "unknown")),
    }
}

fn to_js<'js>(lp: &Loop, ctx: &Ctx<'js>, out: Out) -> Result<Value<'js>> {
    match out {
        Out::Undefined => Ok(Value::new_undefined(ctx.clone())),
        Out::Num(n) => n.into_js(ctx),
        Out::Bytes(b) => new_buffer(lp, ctx, &b),
        Out::Str(s) => s.into_js(ctx),
        Out::Stat(v) => v.into_js(ctx),
        Out::Entries(v) => {
            let arr = Array::new(ctx.clone())?;
            for (i, (name, t)) in v.into_iter().enumerate() {
                let e = Array::new(ctx.clone())?;
                e.set(0, name)?;
                e.set(1, t)?;
                arr.set(i, e)?;
            }
            Ok(arr.into_value())
        }
    }
}

pub(super) fn init<'js>(_ctx: &Ctx<'js>, lp: &Rc<Loop>, obj: &Object<'js>) -> Result<()> {
    let l = lp.clone();
    set_fn(
        obj,
        "sync",
        move |ctx: Ctx<'js>,
              op: String,
              args: Array<'js>,
              errc: Object<'js>|
              -> Result<Value<'js>> {
            let a = args_of(&ctx, &args)?;
            match run(&op, &a) {
                Ok(out) => to_js(&l, &ctx, out),
                Err((errno, syscall)) => {
                    super::set_err(&errc, errno, syscall)?;
                    Ok(Value::new_undefined(ctx))
                }
            }
        },
    )?;
    let l = lp.clone();
    set_fn(
        obj,
        "async",
        move |ctx: Ctx<'js>, op: String, args: Array<'js>, cb: Function<'js>| -> Result<()> {
            let a = args_of(&ctx, &args)?;
            let cb = Persistent::save(&ctx, cb);
            l.req_start();
            let lp = l.clone();
            tokio::task::spawn_local(async move {
                let r = tokio::task::spawn_blocking(move || run(&op, &a))
                    .await
                    .unwrap_or(Err((-libc::EIO, "unknown")));
                let l2 = lp.clone();
                lp.req_done(Box::new(move |ctx| {
                    let cb = cb.restore(ctx)?;
                    match r {
                        Ok(out) => {
                            let v = to_js(&l2, ctx, out)?;
                            cb.call::<_, ()>((0, rquickjs::Undefined, v))
                        }
                        Err((errno, syscall)) => cb.call::<_, ()>((errno, syscall)),
                    }
                }));
            });
            Ok(())
        },
    )?;
    Ok(())
}
