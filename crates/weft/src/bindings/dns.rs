//! `dns.lookup` through the system resolver (getaddrinfo on a blocking
//! thread, as Node's `cares_wrap.getaddrinfo` uses libuv's thread pool).

use std::ffi::{CStr, CString};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::rc::Rc;

use rquickjs::{Array, Ctx, Function, Object, Persistent, Result};

use super::set_fn;
use crate::event_loop::Loop;

/// libuv's number for a getaddrinfo failure (UV_EAI_*), which Node's
/// `dnsException` turns into a code (EAI_NONAME / EAI_NODATA become ENOTFOUND).
fn uv_eai(code: i32) -> i32 {
    match code {
        libc::EAI_AGAIN => -3001,
        libc::EAI_BADFLAGS => -3002,
        libc::EAI_FAIL => -3004,
        libc::EAI_FAMILY => -3005,
        libc::EAI_MEMORY => -3006,
        libc::EAI_NODATA => -3007,
        libc::EAI_NONAME => -3008,
        libc::EAI_SERVICE => -3010,
        libc::EAI_SOCKTYPE => -3011,
        _ => -3004,
    }
}

/// Resolves `host`; `family` is 0, 4 or 6; `hints` are getaddrinfo AI_* flags.
pub(crate) fn getaddrinfo(
    host: &str,
    family: i32,
    hints: i32,
) -> std::result::Result<Vec<IpAddr>, i32> {
    let c_host = CString::new(host).map_err(|_| -3008)?;
    // SAFETY: standard getaddrinfo usage; the result list is freed below.
    unsafe {
        let mut req: libc::addrinfo = std::mem::zeroed();
        req.ai_family = match family {
            4 => libc::AF_INET,
            6 => libc::AF_INET6,
            _ => libc::AF_UNSPEC,
        };
        req.ai_socktype = libc::SOCK_STREAM;
        req.ai_flags = hints;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let rc = libc::getaddrinfo(c_host.as_ptr(), std::ptr::null(), &req, &mut res);
        if rc != 0 {
            return Err(uv_eai(rc));
        }
        let mut out = Vec::new();
        let mut p = res;
        while !p.is_null() {
            let ai = &*p;
            if ai.ai_family == libc::AF_INET && !ai.ai_addr.is_null() {
                let sa = &*(ai.ai_addr as *const libc::sockaddr_in);
                out.push(IpAddr::V4(Ipv4Addr::from(u32::from_be(sa.sin_addr.s_addr))));
            } else if ai.ai_family == libc::AF_INET6 && !ai.ai_addr.is_null() {
                let sa = &*(ai.ai_addr as *const libc::sockaddr_in6);
                out.push(IpAddr::V6(Ipv6Addr::from(sa.sin6_addr.s6_addr)));
            }
            p = ai.ai_next;
        }
        libc::freeaddrinfo(res);
        out.dedup();
        Ok(out)
    }
}

pub(super) fn init<'js>(_ctx: &Ctx<'js>, lp: &Rc<Loop>, obj: &Object<'js>) -> Result<()> {
    obj.set("AI_ADDRCONFIG", libc::AI_ADDRCONFIG)?;
    obj.set("AI_V4MAPPED", libc::AI_V4MAPPED)?;
    obj.set("AI_ALL", libc::AI_ALL)?;
    let l = lp.clone();
    set_fn(
        obj,
        "getaddrinfo",
        move |ctx: Ctx<'js>, host: String, family: i32, hints: i32, cb: Function<'js>| {
            let cb = Persistent::save(&ctx, cb);
            l.req_start();
            let lp = l.clone();
            tokio::task::spawn_local(async move {
                let r = tokio::task::spawn_blocking(move || getaddrinfo(&host, family, hints))
                    .await
                    .unwrap_or(Err(-3004));
                lp.req_done(Box::new(move |ctx| {
                    let cb = cb.restore(ctx)?;
                    match r {
                        Ok(addrs) => {
                            let arr = Array::new(ctx.clone())?;
                            for (i, a) in addrs.iter().enumerate() {
                                let e = Array::new(ctx.clone())?;
                                e.set(0, a.to_string())?;
                                e.set(1, if a.is_ipv4() { 4 } else { 6 })?;
                                arr.set(i, e)?;
                            }
                            cb.call::<_, ()>((rquickjs::Null, arr))
                        }
                        Err(code) => cb.call::<_, ()>((code,)),
                    }
                }));
            });
        },
    )?;
    set_fn(obj, "gaiStrerror", |code: i32| -> String {
        // SAFETY: gai_strerror returns a static string.
        unsafe {
            CStr::from_ptr(libc::gai_strerror(code))
                .to_string_lossy()
                .into_owned()
        }
    })?;
    Ok(())
}
