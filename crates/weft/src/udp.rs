//! UDP readiness: receiving datagrams in the poll phase and sending them
//! (Node's `udp_wrap`). Datagrams go out at once when the socket takes them;
//! otherwise they wait, whole, in the handle's write queue.

use std::io;
use std::net::SocketAddr;

use rquickjs::Ctx;

use crate::event_loop::Loop;
use crate::handles::{call_method, errno_of, js_of, new_buffer, Io, PendingWrite, READ_BUFFER};

/// Datagrams read per readiness event before other handles get a turn.
const RECVS_PER_EVENT: usize = 32;

/// Reads the datagrams waiting on a UDP handle and calls
/// `onmessage(nread, buf, address, family, port)` for each, or
/// `onmessage(errno)` on a receive error.
pub(crate) fn recv_ready(lp: &Loop, ctx: &Ctx<'_>, token: u64) {
    for _ in 0..RECVS_PER_EVENT {
        let (res, js) = {
            let mut h = lp.handles.borrow_mut();
            let Some((_, slot)) = h.by_token(token) else {
                return;
            };
            if !slot.reading {
                return;
            }
            let Io::Udp(sock) = &slot.io else { return };
            let r = READ_BUFFER.with(|b| sock.try_recv_from(&mut b.borrow_mut()));
            if let Err(e) = &r {
                if e.kind() == io::ErrorKind::WouldBlock {
                    if slot.io.arm_read(&slot.wakers.read()) {
                        lp.shared_push(token);
                    }
                    return;
                }
            }
            (r, js_of(slot, ctx))
        };
        let Some(js) = js else { return };
        match res {
            Ok((n, addr)) => {
                let buf = READ_BUFFER.with(|b| new_buffer(lp, ctx, &b.borrow()[..n]));
                match buf {
                    Ok(buf) => {
                        let family = if addr.is_ipv4() { "IPv4" } else { "IPv6" };
                        call_method(
                            lp,
                            ctx,
                            &js,
                            "onmessage",
                            (n as i32, buf, addr.ip().to_string(), family, addr.port()),
                        );
                    }
                    Err(e) => lp.report(ctx, e),
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => call_method(lp, ctx, &js, "onmessage", (errno_of(&e),)),
        }
    }
    lp.shared_push(token);
}

/// Sends one datagram made of `parts` to `dest` (or the connected peer).
/// Returns 0 when sent, 1 when queued (`afterWrite(status)` follows), or a negative errno.
pub(crate) fn send(lp: &Loop, id: u32, parts: &[&[u8]], dest: Option<SocketAddr>) -> i32 {
    let mut h = lp.handles.borrow_mut();
    let Some(slot) = h.get_mut(id) else {
        return -libc::EBADF;
    };
    let Io::Udp(sock) = &slot.io else {
        return -libc::EBADF;
    };
    let data: Vec<u8> = if parts.len() == 1 {
        parts[0].to_vec()
    } else {
        parts.concat()
    };
    if slot.writes.is_empty() {
        let r = match dest {
            Some(d) => sock.try_send_to(&data, d),
            None => sock.try_send(&data),
        };
        match r {
            Ok(_) => return 0,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
            Err(e) => return errno_of(&e),
        }
    }
    slot.queued_bytes += data.len();
    slot.writes.push_back(PendingWrite::owned(data, 0, dest));
    if slot.io.arm_write(&slot.wakers.write()) {
        let t = slot.token(id, true);
        drop(h);
        lp.shared_push(t);
    }
    1
}

/// Sends one datagram with a direct syscall (see `Io::try_write` for why not
/// tokio's `try_send`); on EAGAIN tokio's cached writability is dropped.
pub(crate) fn raw_send(
    sock: &tokio::net::UdpSocket,
    data: &[u8],
    dest: Option<SocketAddr>,
) -> io::Result<usize> {
    let r = match dest {
        Some(d) => socket2::SockRef::from(sock).send_to(data, &d.into()),
        None => socket2::SockRef::from(sock).send(data),
    };
    if let Err(e) = &r {
        if e.kind() == io::ErrorKind::WouldBlock {
            let _ = sock.try_io(tokio::io::Interest::WRITABLE, || -> io::Result<()> {
                Err(io::ErrorKind::WouldBlock.into())
            });
        }
    }
    r
}
