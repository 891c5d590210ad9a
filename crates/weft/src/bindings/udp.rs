//! UDP socket natives (Node's `udp_wrap`). A UDP handle shares the loop's
//! handle table with streams: `stream_wrap.create(obj)` makes the slot, these
//! functions bind and use it, `stream_wrap.readStart/readStop/close/ref/unref`
//! apply as for streams, and received datagrams arrive as
//! `obj.onmessage(nread, buf, address, family, port)`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::rc::Rc;

use rquickjs::{Array, Ctx, Object, Result, Value};

use super::set_fn;
use crate::event_loop::Loop;
use crate::handles::{bytes_of, errno_of, Io};

/// `bind` flags, as Node's dgram passes them.
const UV_UDP_IPV6ONLY: u32 = 1;
const UV_UDP_REUSEADDR: u32 = 4;

fn with_udp<T>(
    lp: &Loop,
    id: u32,
    f: impl FnOnce(&tokio::net::UdpSocket) -> std::io::Result<T>,
) -> std::result::Result<T, i32> {
    let h = lp.handles.borrow();
    match h.get(id).map(|s| &s.io) {
        Some(Io::Udp(s)) => f(s).map_err(|e| errno_of(&e)),
        Some(_) => Err(-libc::EBADF),
        None => Err(-libc::EBADF),
    }
}

fn status<T>(r: std::result::Result<T, i32>) -> i32 {
    match r {
        Ok(_) => 0,
        Err(e) => e,
    }
}

fn parse_ip(s: &str) -> Option<IpAddr> {
    // Node accepts IPv6 with a zone suffix ("fe80::1%eth0"); the zone is dropped here.
    let s = s.split('%').next().unwrap_or(s);
    s.parse().ok()
}

pub(super) fn init<'js>(_ctx: &Ctx<'js>, lp: &Rc<Loop>, obj: &Object<'js>) -> Result<()> {
    let l = lp.clone();
    set_fn(
        obj,
        "bind",
        move |id: u32, ip: String, port: u16, flags: u32| -> i32 {
            let Some(ip) = parse_ip(&ip) else {
                return -libc::EINVAL;
            };
            let r = (|| -> std::io::Result<tokio::net::UdpSocket> {
                use socket2::{Domain, Socket, Type};
                let addr = SocketAddr::new(ip, port);
                let sock = Socket::new(Domain::for_address(addr), Type::DGRAM, None)?;
                sock.set_nonblocking(true)?;
                sock.set_cloexec(true)?;
                if flags & UV_UDP_REUSEADDR != 0 {
                    sock.set_reuse_address(true)?;
                    sock.set_reuse_port(true)?;
                }
                if ip.is_ipv6() {
                    sock.set_only_v6(flags & UV_UDP_IPV6ONLY != 0)?;
                }
                sock.bind(&addr.into())?;
                tokio::net::UdpSocket::from_std(sock.into())
            })();
            let mut h = l.handles.borrow_mut();
            let Some(slot) = h.get_mut(id) else {
                return -libc::EBADF;
            };
            match r {
                Ok(s) => {
                    slot.io = Io::Udp(s);
                    0
                }
                Err(e) => errno_of(&e),
            }
        },
    )?;
    let l = lp.clone();
    set_fn(
        obj,
        "connect",
        move |id: u32, ip: String, port: u16| -> i32 {
            let Some(ip) = parse_ip(&ip) else {
                return -libc::EINVAL;
            };
            let addr: socket2::SockAddr = SocketAddr::new(ip, port).into();
            status(with_udp(&l, id, |s| {
                socket2::SockRef::from(s).connect(&addr)
            }))
        },
    )?;
    let l = lp.clone();
    set_fn(obj, "disconnect", move |id: u32| -> i32 {
        status(with_udp(&l, id, |s| {
            // connect() to AF_UNSPEC dissolves the association.
            let mut sa: libc::sockaddr = unsafe { std::mem::zeroed() };
            sa.sa_family = libc::AF_UNSPEC as libc::sa_family_t;
            // SAFETY: a valid sockaddr of the given size.
            let r = unsafe {
                libc::connect(
                    std::os::fd::AsRawFd::as_raw_fd(s),
                    &sa,
                    std::mem::size_of::<libc::sockaddr>() as libc::socklen_t,
                )
            };
            if r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EAFNOSUPPORT)
            {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        }))
    })?;
    // send(id, chunks, port, address): address undefined means the connected peer.
    let l = lp.clone();
    set_fn(
        obj,
        "send",
        move |ctx: Ctx<'js>,
              id: u32,
              chunks: Array<'js>,
              port: Option<u16>,
              ip: Option<String>|
              -> Result<i32> {
            let dest = match (ip, port) {
                (Some(ip), Some(port)) => match parse_ip(&ip) {
                    Some(ip) => Some(SocketAddr::new(ip, port)),
                    None => return Ok(-libc::EINVAL),
                },
                _ => None,
            };
            let mut vals: Vec<Value> = Vec::with_capacity(chunks.len());
            for v in chunks.iter::<Value>() {
                vals.push(v?);
            }
            let mut parts: Vec<&[u8]> = Vec::with_capacity(vals.len());
            for v in &vals {
                // SAFETY: the bytes are copied before any JS runs.
                match unsafe { bytes_of(&ctx, v) } {
                    Some(b) => parts.push(b),
                    None => return Ok(-libc::EINVAL),
                }
            }
            Ok(crate::udp::send(&l, id, &parts, dest))
        },
    )?;
    let l = lp.clone();
    set_fn(obj, "setBroadcast", move |id: u32, on: bool| {
        status(with_udp(&l, id, |s| s.set_broadcast(on)))
    })?;
    let l = lp.clone();
    set_fn(obj, "setTTL", move |id: u32, ttl: u32| {
        status(with_udp(&l, id, |s| {
            let r = socket2::SockRef::from(s);
            if s.local_addr()?.is_ipv6() {
                r.set_unicast_hops_v6(ttl)
            } else {
                r.set_ttl_v4(ttl)
            }
        }))
    })?;
    let l = lp.clone();
    set_fn(obj, "setMulticastTTL", move |id: u32, ttl: u32| {
        status(with_udp(&l, id, |s| {
            if s.local_addr()?.is_ipv6() {
                socket2::SockRef::from(s).set_multicast_hops_v6(ttl)
            } else {
                s.set_multicast_ttl_v4(ttl)
            }
        }))
    })?;
    let l = lp.clone();
    set_fn(obj, "setMulticastLoopback", move |id: u32, on: bool| {
        status(with_udp(&l, id, |s| {
            if s.local_addr()?.is_ipv6() {
                s.set_multicast_loop_v6(on)
            } else {
                s.set_multicast_loop_v4(on)
            }
        }))
    })?;
    let l = lp.clone();
    set_fn(
        obj,
        "setMulticastInterface",
        move |id: u32, iface: String| -> i32 {
            status(with_udp(&l, id, |s| {
                let r = socket2::SockRef::from(s);
                if s.local_addr()?.is_ipv6() {
                    // An IPv6 interface is given as a scope: "::%eth0" or "::%2".
                    let scope = iface.rsplit('%').next().unwrap_or("");
                    let index = scope.parse::<u32>().ok().or_else(|| {
                        let c = std::ffi::CString::new(scope).ok()?;
                        // SAFETY: valid C string.
                        let i = unsafe { libc::if_nametoindex(c.as_ptr()) };
                        (i != 0).then_some(i)
                    });
                    match index {
                        Some(i) => r.set_multicast_if_v6(i),
                        None => Err(std::io::Error::from_raw_os_error(libc::EINVAL)),
                    }
                } else {
                    match iface.parse::<Ipv4Addr>() {
                        Ok(a) => r.set_multicast_if_v4(&a),
                        Err(_) => Err(std::io::Error::from_raw_os_error(libc::EINVAL)),
                    }
                }
            }))
        },
    )?;
    let l = lp.clone();
    set_fn(
        obj,
        "membership",
        move |id: u32, group: String, iface: Option<String>, join: bool| -> i32 {
            status(with_udp(&l, id, |s| match parse_ip(&group) {
                Some(IpAddr::V4(g)) => {
                    let i = iface
                        .as_deref()
                        .and_then(|i| i.parse::<Ipv4Addr>().ok())
                        .unwrap_or(Ipv4Addr::UNSPECIFIED);
                    if join {
                        s.join_multicast_v4(g, i)
                    } else {
                        s.leave_multicast_v4(g, i)
                    }
                }
                Some(IpAddr::V6(g)) => {
                    let idx = iface
                        .as_deref()
                        .and_then(|i| i.rsplit('%').next())
                        .and_then(|x| x.parse::<u32>().ok())
                        .unwrap_or(0);
                    if join {
                        s.join_multicast_v6(&g, idx)
                    } else {
                        s.leave_multicast_v6(&g, idx)
                    }
                }
                None => Err(std::io::Error::from_raw_os_error(libc::EINVAL)),
            }))
        },
    )?;
    let l = lp.clone();
    set_fn(
        obj,
        "sourceMembership",
        move |id: u32, source: String, group: String, iface: Option<String>, join: bool| -> i32 {
            status(with_udp(&l, id, |s| {
                let (Some(IpAddr::V4(src)), Some(IpAddr::V4(grp))) =
                    (parse_ip(&source), parse_ip(&group))
                else {
                    return Err(std::io::Error::from_raw_os_error(libc::ENOSYS));
                };
                let i = iface
                    .as_deref()
                    .and_then(|i| i.parse::<Ipv4Addr>().ok())
                    .unwrap_or(Ipv4Addr::UNSPECIFIED);
                let r = socket2::SockRef::from(s);
                if join {
                    r.join_ssm_v4(&src, &grp, &i)
                } else {
                    r.leave_ssm_v4(&src, &grp, &i)
                }
            }))
        },
    )?;
    // Socket buffer sizes: get with size 0, set otherwise. Linux reports twice what was set.
    let l = lp.clone();
    set_fn(
        obj,
        "bufferSize",
        move |id: u32, size: u32, recv: bool| -> i32 {
            match with_udp(&l, id, |s| {
                let r = socket2::SockRef::from(s);
                if size > 0 {
                    if recv {
                        r.set_recv_buffer_size(size as usize)?;
                    } else {
                        r.set_send_buffer_size(size as usize)?;
                    }
                }
                if recv {
                    r.recv_buffer_size()
                } else {
                    r.send_buffer_size()
                }
            }) {
                Ok(n) => n as i32,
                Err(e) => e,
            }
        },
    )?;
    let _ = Ipv6Addr::UNSPECIFIED;
    Ok(())
}
