//! Native stream and listener handles (libuv's `uv_tcp_t` / `uv_pipe_t`),
//! kept in a slab and addressed from JS by an integer id.
//!
//! A handle's JS object (see `js/internal/stream_wrap.js`) carries `id` and the
//! callbacks Rust calls: `onread(nread, buf)`, `onconnection(status, id)`,
//! `onconnect(status)`, `afterWrite(status)`, `onshutdown(status)`, matching
//! Node's `stream_base` / `tcp_wrap` contract. Errors are negative errno values
//! as in libuv (`-111` is ECONNREFUSED on Linux); end of stream is `UV_EOF`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, IoSlice};
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use rquickjs::{Ctx, Function, Object, Persistent, Value};

use crate::event_loop::{IoWakers, Loop, Shared};

/// libuv's end-of-file code.
pub const UV_EOF: i32 = -4095;

/// Size of the shared read buffer (libuv's suggested size for a stream read).
const READ_BUF: usize = 64 * 1024;
/// Reads per readiness event before yielding to other handles (libuv's `count = 32`).
const READS_PER_EVENT: usize = 32;
/// Bytes per readiness event before yielding: libuv's 32 reads of 64 KiB,
/// which bulk reads reach in 8. A socket whose echo cannot be written gets
/// its write event this much sooner.
const READ_BUDGET: usize = READS_PER_EVENT * READ_BUF;

/// A read that fills at least this much of the stream read block hands the
/// block itself to JS (shrunk to the bytes read); a smaller one is copied.
const HAND_OVER_MIN: usize = READ_BUF / 4;

/// A stream whose read filled `READ_BUF` reads into blocks of this size
/// until a read comes back smaller than `READ_BUF`: a sender that keeps the
/// socket full gets a quarter of the `'data'` events (and of the JavaScript
/// per byte) that 64 KiB reads would cost. Bun reads up to 512 KiB;
/// docs/node-differences.md has the decision.
const BULK_READ: usize = 256 * 1024;
/// A bulk read of at least this much hands over its whole block (at most
/// twice the bytes it holds); a smaller one is copied out.
const BULK_HAND_OVER_MIN: usize = BULK_READ / 2;
/// Bulk blocks kept for reuse once JS frees their Buffers: a stream that
/// echoes or forwards each chunk reads into the same warm block every time.
const BULK_SPARES: usize = 2;

thread_local! {
    /// One read buffer for every stream: idle connections hold no read memory.
    /// (TLS and UDP read here; plain streams read into [`ReadBlocks`].)
    pub(crate) static READ_BUFFER: RefCell<Box<[u8]>> = RefCell::new(vec![0u8; READ_BUF].into_boxed_slice());
    /// The blocks the next plain stream read goes into.
    static READ_BLOCKS: RefCell<ReadBlocks> = const { RefCell::new(ReadBlocks::new()) };
}

/// The blocks stream reads go into, shared by every stream as libuv's read
/// buffer is: `small` (`READ_BUF` bytes) for ordinary reads, `bulk`
/// (`BULK_READ` bytes) for a stream in bulk mode. A large read gives its
/// block to the Buffer that JS receives (no copy, no zeroing), and the next
/// read takes another; a small read is copied out and the block stays.
/// Every pointer is null or a block from `libc::malloc` owned here.
struct ReadBlocks {
    small: *mut u8,
    bulk: *mut u8,
    spare: [*mut u8; BULK_SPARES],
}

impl ReadBlocks {
    const fn new() -> ReadBlocks {
        ReadBlocks {
            small: std::ptr::null_mut(),
            bulk: std::ptr::null_mut(),
            spare: [std::ptr::null_mut(); BULK_SPARES],
        }
    }

    /// The block for the next read and its size, allocated on first use.
    /// Null if malloc failed.
    fn get(&mut self, bulk: bool) -> (*mut u8, usize) {
        if !bulk {
            if self.small.is_null() {
                // SAFETY: plain allocation; freed in Drop or by the engine.
                self.small = unsafe { libc::malloc(READ_BUF) }.cast();
            }
            return (self.small, READ_BUF);
        }
        if self.bulk.is_null() {
            self.bulk = match self.spare.iter_mut().find(|p| !p.is_null()) {
                Some(p) => std::mem::replace(p, std::ptr::null_mut()),
                // SAFETY: as above; recycled by `bulk_realloc` or freed.
                None => unsafe { libc::malloc(BULK_READ) }.cast(),
            };
        }
        (self.bulk, BULK_READ)
    }

    /// Keeps a bulk block freed by JS for the next bulk read, if there is room.
    fn recycle(&mut self, block: *mut u8) -> bool {
        let slot = if self.bulk.is_null() {
            &mut self.bulk
        } else {
            match self.spare.iter_mut().find(|p| p.is_null()) {
                Some(p) => p,
                None => return false,
            }
        };
        *slot = block;
        true
    }
}

impl Drop for ReadBlocks {
    fn drop(&mut self) {
        for p in [self.small, self.bulk].iter().chain(&self.spare) {
            // SAFETY: each block came from libc::malloc and is owned here.
            unsafe { libc::free(p.cast()) };
        }
    }
}

/// The engine's resize/free callback for ArrayBuffers over bulk read blocks
/// (`BULK_READ` bytes or more, so a block can always go back to
/// [`ReadBlocks`]): size 0 frees, a size the block holds keeps it (the
/// engine zeroes any growth), a larger one reallocates.
unsafe extern "C" fn bulk_realloc(
    _rt: *mut rquickjs::qjs::JSRuntime,
    _opaque: *mut std::ffi::c_void,
    ptr: *mut std::ffi::c_void,
    size: rquickjs::qjs::size_t,
) -> *mut std::ffi::c_void {
    if size == 0 {
        // During a read the blocks are borrowed (and at thread exit gone):
        // the block is then freed instead.
        let kept = READ_BLOCKS
            .try_with(|b| b.try_borrow_mut().is_ok_and(|mut b| b.recycle(ptr.cast())))
            .unwrap_or(false);
        if !kept {
            libc::free(ptr);
        }
        std::ptr::null_mut()
    } else if size as usize <= BULK_READ {
        ptr
    } else {
        libc::realloc(ptr, size as usize)
    }
}

/// The engine's resize/free callback for ArrayBuffers over `libc::malloc`
/// memory (size 0 frees, as `JSReallocArrayBufferDataFunc` specifies).
unsafe extern "C" fn malloc_realloc(
    _rt: *mut rquickjs::qjs::JSRuntime,
    _opaque: *mut std::ffi::c_void,
    ptr: *mut std::ffi::c_void,
    size: rquickjs::qjs::size_t,
) -> *mut std::ffi::c_void {
    if size == 0 {
        libc::free(ptr);
        std::ptr::null_mut()
    } else {
        libc::realloc(ptr, size as usize)
    }
}

/// A Buffer over `len` bytes at `data`, a block from `libc::malloc` whose
/// ownership passes to the engine (it frees the block with the Buffer).
///
/// # Safety
/// `data` must come from `libc::malloc`/`realloc` with at least `len` (and
/// at least 1) bytes, and must not be used by the caller afterwards.
unsafe fn buffer_from_malloc<'js>(
    lp: &Loop,
    ctx: &Ctx<'js>,
    data: *mut u8,
    len: usize,
) -> rquickjs::Result<Value<'js>> {
    buffer_over(lp, ctx, data, len, Some(malloc_realloc))
}

/// A Buffer over `len` bytes at `data`, freed (or resized) by `free_func`.
///
/// # Safety
/// As [`buffer_from_malloc`], with `free_func` (not `None`) able to free `data`.
unsafe fn buffer_over<'js>(
    lp: &Loop,
    ctx: &Ctx<'js>,
    data: *mut u8,
    len: usize,
    free_func: rquickjs::qjs::JSReallocArrayBufferDataFunc,
) -> rquickjs::Result<Value<'js>> {
    let raw = ctx.as_raw().as_ptr();
    let v = rquickjs::qjs::JS_NewUint8Array(
        raw,
        data,
        len as _,
        free_func,
        std::ptr::null_mut(),
        false,
    );
    if rquickjs::qjs::JS_IsException(v) {
        // Only on allocation failure; whether the engine kept the block is
        // unknown then, so it is left alone.
        return Err(rquickjs::Error::Exception);
    }
    let value = Value::from_raw(ctx.clone(), v);
    if let Some(proto) = lp.buffer_proto(ctx) {
        rquickjs::qjs::JS_SetPrototype(raw, v, proto.as_raw());
    }
    Ok(value)
}

/// What a handle wraps.
pub(crate) enum Io {
    /// Created, not opened yet.
    Empty,
    /// A socket that is bound (or being set up) but neither listening nor connected.
    Bound(socket2::Socket),
    /// A deferred bind error, reported by `listen` as libuv does.
    BindError(i32),
    Tcp(tokio::net::TcpStream),
    Unix(tokio::net::UnixStream),
    TcpListener(tokio::net::TcpListener),
    UnixListener(tokio::net::UnixListener),
    /// A UDP socket (bound); datagrams are read in `udp::recv_ready`.
    Udp(tokio::net::UdpSocket),
    /// A TCP stream carrying TLS (see `tls.rs`).
    Tls(Box<crate::tls::TlsIo>),
    /// A TLS server reading the ClientHello, to choose a context by SNI.
    TlsAccept(Box<crate::tls::TlsAccept>),
}

/// A queued write: all or the end of one write request's bytes. A
/// request's Buffers are held, not copied, as libuv holds a write's buffers
/// (one entry each); its other bytes are copied into one entry.
pub(crate) struct PendingWrite {
    pub data: WriteData,
    /// Bytes of `data` already written.
    pub off: usize,
    /// A UDP datagram's destination (None: the connected peer, or a stream).
    pub dest: Option<SocketAddr>,
    /// The request's last entry: its completion is reported when this one
    /// is written.
    pub last: bool,
}

/// The bytes of a queued write.
pub(crate) enum WriteData {
    /// A copy (strings, small parts, datagrams, TLS records).
    Owned(Vec<u8>),
    /// A Uint8Array of `len` bytes, held until written. If JS detaches or
    /// shrinks its memory meanwhile, the write fails with EFAULT: the bytes
    /// belong to the new owner or are freed (Node keeps them alive and
    /// sends them; docs/node-differences.md).
    Held(Persistent<Value<'static>>, usize),
}

/// Parts shorter than this are copied when a write is queued: holding one
/// costs more than copying it.
const HOLD_MIN: usize = 4096;

impl PendingWrite {
    /// A request whose bytes are `data`, `off` of them written.
    pub(crate) fn owned(data: Vec<u8>, off: usize, dest: Option<SocketAddr>) -> PendingWrite {
        PendingWrite {
            data: WriteData::Owned(data),
            off,
            dest,
            last: true,
        }
    }

    /// Length of the entry's bytes (written or not).
    fn len(&self) -> usize {
        match &self.data {
            WriteData::Owned(v) => v.len(),
            WriteData::Held(_, len) => *len,
        }
    }

    /// All of the entry's bytes, or None when a held Buffer no longer has them.
    ///
    /// # Safety
    /// The slice is valid until JS runs or the entry is dropped.
    unsafe fn bytes<'a>(&'a self, ctx: &Ctx<'_>) -> Option<&'a [u8]> {
        match &self.data {
            WriteData::Owned(v) => Some(v),
            WriteData::Held(buf, len) => {
                let v = buf.clone().restore(ctx).ok()?;
                // The entry keeps the array alive after `v` is dropped.
                bytes_of(ctx, &v).filter(|b| b.len() == *len)
            }
        }
    }
}

/// A handle's queued writes, oldest first. The queue is allocated by the
/// first write that has to wait: most connections never queue one, and an
/// empty `VecDeque` would be 32 bytes of every idle connection.
#[derive(Default)]
pub(crate) struct WriteQueue(Option<Box<VecDeque<PendingWrite>>>);

impl WriteQueue {
    pub(crate) fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|q| q.is_empty())
    }
    pub(crate) fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |q| q.len())
    }
    /// The number of write requests queued (a request may span entries).
    pub(crate) fn requests(&self) -> usize {
        self.0
            .as_ref()
            .map_or(0, |q| q.iter().filter(|w| w.last).count())
    }
    pub(crate) fn push_back(&mut self, w: PendingWrite) {
        self.0.get_or_insert_with(Default::default).push_back(w);
    }
    pub(crate) fn front_mut(&mut self) -> Option<&mut PendingWrite> {
        self.0.as_mut()?.front_mut()
    }
    fn back_mut(&mut self) -> Option<&mut PendingWrite> {
        self.0.as_mut()?.back_mut()
    }
    pub(crate) fn pop_front(&mut self) -> Option<PendingWrite> {
        self.0.as_mut()?.pop_front()
    }
    pub(crate) fn clear(&mut self) {
        self.0 = None;
    }
}

pub(crate) struct Slot {
    gen: u32,
    pub io: Io,
    pub js: Option<Persistent<Object<'static>>>,
    pub refed: bool,
    pub reading: bool,
    pub connecting: bool,
    /// The connect task, aborted when the handle closes first.
    pub task: Option<tokio::task::AbortHandle>,
    pub(crate) writes: WriteQueue,
    pub(crate) queued_bytes: usize,
    shutdown_pending: bool,
    /// Reads go into the bulk block: the last read filled `READ_BUF`.
    bulk_read: bool,
    /// Read and write readiness wakers (`wakers.read()`, `wakers.write()`).
    pub(crate) wakers: IoWakers,
}

impl Slot {
    fn active(&self) -> bool {
        self.reading
            || self.connecting
            || !self.writes.is_empty()
            || self.shutdown_pending
            || matches!(self.io, Io::TcpListener(_) | Io::UnixListener(_))
            || matches!(&self.io, Io::Tls(t) if t.conn.is_handshaking())
            || matches!(self.io, Io::TlsAccept(_))
    }

    /// This slot's readiness token.
    pub(crate) fn token(&self, id: u32, write: bool) -> u64 {
        token(((id & INDEX_MASK) - 1) as usize, self.gen, write)
    }
}

/// Bits of a handle id that hold the slot index (the rest hold the slot's
/// generation, so that an id kept after close never reaches the slot's next
/// handle). At most 2^20 - 1 handles are open at once.
const INDEX_BITS: u32 = 20;
const INDEX_MASK: u32 = (1 << INDEX_BITS) - 1;
/// Generations wrap below 2^11, so that ids stay below 2^31: JS passes ids
/// back to the bindings as `u32`, and a number at or above 2^31 does not
/// convert back (a slot reused 2048 times made `onconnection` throw).
const GEN_MASK: u32 = (1 << (31 - INDEX_BITS)) - 1;

/// The id JS sees: slot index + 1 (never 0) in the low bits, generation above.
fn make_id(index: usize, gen: u32) -> u32 {
    ((gen << INDEX_BITS) | (index as u32 + 1)) & u32::MAX
}

/// The slab. A handle's id encodes its slot and the slot's generation.
pub(crate) struct Handles {
    slots: Vec<Option<Slot>>,
    gens: Vec<u32>,
    free: Vec<usize>,
    shared: Arc<Shared>,
}

fn token(index: usize, gen: u32, write: bool) -> u64 {
    ((index as u64) << 33) | ((gen as u64) << 1) | write as u64
}

impl Handles {
    pub(crate) fn new(shared: Arc<Shared>) -> Handles {
        Handles {
            slots: Vec::new(),
            gens: Vec::new(),
            free: Vec::new(),
            shared,
        }
    }

    /// Creates a handle and returns its id.
    pub(crate) fn insert(&mut self, io: Io) -> u32 {
        let index = match self.free.pop() {
            Some(i) => i,
            None => {
                self.slots.push(None);
                self.gens.push(0);
                self.slots.len() - 1
            }
        };
        // Generations live in the id's high bits: keep them in that range.
        let gen = self.gens[index].wrapping_add(1) & GEN_MASK;
        self.gens[index] = gen;
        self.slots[index] = Some(Slot {
            gen,
            io,
            js: None,
            refed: true,
            reading: false,
            connecting: false,
            task: None,
            writes: WriteQueue::default(),
            queued_bytes: 0,
            shutdown_pending: false,
            bulk_read: false,
            wakers: IoWakers::new(token(index, gen, false), self.shared.clone()),
        });
        make_id(index, gen)
    }

    /// The slot index of a live id (None for 0, a stale generation, or a free slot).
    fn index_of(&self, id: u32) -> Option<usize> {
        let index = ((id & INDEX_MASK) as usize).checked_sub(1)?;
        let slot = self.slots.get(index)?.as_ref()?;
        (make_id(index, slot.gen) == id).then_some(index)
    }

    pub(crate) fn get(&self, id: u32) -> Option<&Slot> {
        let index = self.index_of(id)?;
        self.slots[index].as_ref()
    }

    pub(crate) fn get_mut(&mut self, id: u32) -> Option<&mut Slot> {
        let index = self.index_of(id)?;
        self.slots[index].as_mut()
    }

    /// Removes a handle; dropping its socket closes the descriptor.
    pub(crate) fn remove(&mut self, id: u32) -> Option<Slot> {
        let index = self.index_of(id)?;
        let slot = self.slots.get_mut(index)?.take()?;
        self.free.push(index);
        Some(slot)
    }

    pub(crate) fn by_token(&mut self, token: u64) -> Option<(u32, &mut Slot)> {
        let index = (token >> 33) as usize;
        let gen = ((token >> 1) & 0xffff_ffff) as u32;
        let slot = self.slots.get_mut(index)?.as_mut()?;
        (slot.gen == gen).then_some((make_id(index, gen), slot))
    }

    /// Handles that keep the loop alive (ref'ed and active).
    pub(crate) fn active_refs(&self) -> usize {
        self.slots
            .iter()
            .flatten()
            .filter(|s| s.refed && s.active())
            .count()
    }

    pub(crate) fn clear(&mut self) {
        self.slots.clear();
        self.free.clear();
    }
}

/// The negative errno of an I/O error, as libuv reports it.
pub fn errno_of(e: &io::Error) -> i32 {
    match e.raw_os_error() {
        Some(n) => -n,
        None => match e.kind() {
            io::ErrorKind::WouldBlock => -libc::EAGAIN,
            io::ErrorKind::ConnectionRefused => -libc::ECONNREFUSED,
            io::ErrorKind::ConnectionReset => -libc::ECONNRESET,
            io::ErrorKind::BrokenPipe => -libc::EPIPE,
            io::ErrorKind::TimedOut => -libc::ETIMEDOUT,
            io::ErrorKind::AddrInUse => -libc::EADDRINUSE,
            io::ErrorKind::AddrNotAvailable => -libc::EADDRNOTAVAIL,
            io::ErrorKind::NotFound => -libc::ENOENT,
            io::ErrorKind::PermissionDenied => -libc::EACCES,
            io::ErrorKind::InvalidInput => -libc::EINVAL,
            _ => -libc::EIO,
        },
    }
}

impl Io {
    /// Reads into the stream read block, the bulk one if `bulk` (tokio's
    /// `try_read` on memory that needs no zeroing first).
    fn try_read_block(&self, bulk: bool) -> io::Result<usize> {
        let (block, size) = READ_BLOCKS.with(|b| b.borrow_mut().get(bulk));
        if block.is_null() {
            return Err(io::Error::from_raw_os_error(libc::ENOMEM));
        }
        // SAFETY: reads at most `size` bytes into the block, which nothing
        // else uses until the bytes are taken.
        let recv = |fd: i32| -> io::Result<usize> {
            let n = unsafe { libc::recv(fd, block.cast(), size, 0) };
            if n < 0 {
                Err(io::Error::last_os_error())
            } else {
                Ok(n as usize)
            }
        };
        match self {
            Io::Tcp(s) => s.try_io(tokio::io::Interest::READABLE, || recv(s.as_raw_fd())),
            Io::Unix(s) => s.try_io(tokio::io::Interest::READABLE, || recv(s.as_raw_fd())),
            _ => Err(io::Error::from_raw_os_error(libc::ENOTCONN)),
        }
    }

    /// Writes with a direct syscall. tokio's `try_write` would report
    /// WouldBlock on a socket whose first readiness event the driver has not
    /// seen yet (a just-accepted one); the kernel knows better.
    fn try_write(&self, buf: &[u8]) -> io::Result<usize> {
        let fd = match self {
            Io::Tcp(s) => s.as_raw_fd(),
            Io::Unix(s) => s.as_raw_fd(),
            _ => return Err(io::Error::from_raw_os_error(libc::ENOTCONN)),
        };
        // SAFETY: writes from a valid slice to a descriptor this handle owns.
        let n = unsafe { libc::send(fd, buf.as_ptr().cast(), buf.len(), libc::MSG_NOSIGNAL) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::WouldBlock {
                self.clear_write_readiness();
            }
            return Err(e);
        }
        Ok(n as usize)
    }

    /// After a direct write met EAGAIN: drop tokio's cached "writable" so that
    /// arming waits for the next edge. No driver poll can intervene between the
    /// failed syscall and this call (one thread), so no newer event is lost.
    pub(crate) fn clear_write_readiness(&self) {
        let would_block = || -> io::Result<()> { Err(io::ErrorKind::WouldBlock.into()) };
        let _ = match self {
            Io::Tcp(s) => s.try_io(tokio::io::Interest::WRITABLE, would_block),
            Io::Unix(s) => s.try_io(tokio::io::Interest::WRITABLE, would_block),
            Io::Udp(s) => s.try_io(tokio::io::Interest::WRITABLE, would_block),
            Io::Tls(t) => t.tcp.try_io(tokio::io::Interest::WRITABLE, would_block),
            Io::TlsAccept(a) => a.tcp.try_io(tokio::io::Interest::WRITABLE, would_block),
            _ => Ok(()),
        };
    }

    /// Writes the rest of a queued entry: stream bytes, or a whole datagram.
    fn try_write_pending(&self, ctx: &Ctx<'_>, w: &PendingWrite) -> io::Result<usize> {
        // SAFETY: the bytes are used before any JS runs.
        let Some(data) = (unsafe { w.bytes(ctx) }) else {
            return Err(io::Error::from_raw_os_error(libc::EFAULT));
        };
        match self {
            Io::Udp(s) => crate::udp::raw_send(s, data, w.dest).map(|_| data.len() - w.off),
            _ => self.try_write(&data[w.off..]),
        }
    }

    fn try_write_vectored(&self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        let fd = match self {
            Io::Tcp(s) => s.as_raw_fd(),
            Io::Unix(s) => s.as_raw_fd(),
            _ => return Err(io::Error::from_raw_os_error(libc::ENOTCONN)),
        };
        let iov: Vec<libc::iovec> = bufs
            .iter()
            .map(|b| libc::iovec {
                iov_base: b.as_ptr() as *mut _,
                iov_len: b.len(),
            })
            .collect();
        // SAFETY: the iovecs point into live slices for the duration of the call.
        let n = unsafe {
            let mut msg: libc::msghdr = std::mem::zeroed();
            msg.msg_iov = iov.as_ptr() as *mut _;
            msg.msg_iovlen = iov.len().min(libc::UIO_MAXIOV as usize) as _;
            libc::sendmsg(fd, &msg, libc::MSG_NOSIGNAL)
        };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::WouldBlock {
                self.clear_write_readiness();
            }
            return Err(e);
        }
        Ok(n as usize)
    }

    /// Registers `waker` for readability; `true` if already readable.
    pub(crate) fn arm_read(&self, waker: &Waker) -> bool {
        let mut cx = Context::from_waker(waker);
        match self {
            Io::Tcp(s) => s.poll_read_ready(&mut cx).is_ready(),
            Io::Unix(s) => s.poll_read_ready(&mut cx).is_ready(),
            Io::Udp(s) => s.poll_recv_ready(&mut cx).is_ready(),
            Io::Tls(t) => t.tcp.poll_read_ready(&mut cx).is_ready(),
            Io::TlsAccept(a) => a.tcp.poll_read_ready(&mut cx).is_ready(),
            Io::TcpListener(_) | Io::UnixListener(_) => true,
            _ => false,
        }
    }

    pub(crate) fn arm_write(&self, waker: &Waker) -> bool {
        let mut cx = Context::from_waker(waker);
        match self {
            Io::Tcp(s) => s.poll_write_ready(&mut cx).is_ready(),
            Io::Unix(s) => s.poll_write_ready(&mut cx).is_ready(),
            Io::Udp(s) => s.poll_send_ready(&mut cx).is_ready(),
            Io::Tls(t) => t.tcp.poll_write_ready(&mut cx).is_ready(),
            Io::TlsAccept(a) => a.tcp.poll_write_ready(&mut cx).is_ready(),
            _ => false,
        }
    }

    pub(crate) fn raw_fd(&self) -> Option<RawFd> {
        Some(match self {
            Io::Bound(s) => s.as_raw_fd(),
            Io::Tcp(s) => s.as_raw_fd(),
            Io::Unix(s) => s.as_raw_fd(),
            Io::TcpListener(s) => s.as_raw_fd(),
            Io::UnixListener(s) => s.as_raw_fd(),
            Io::Udp(s) => s.as_raw_fd(),
            Io::Tls(t) => t.tcp.as_raw_fd(),
            Io::TlsAccept(a) => a.tcp.as_raw_fd(),
            Io::Empty | Io::BindError(_) => return None,
        })
    }

    pub(crate) fn shutdown_write(&self) -> io::Result<()> {
        let fd = self
            .raw_fd()
            .ok_or_else(|| io::Error::from_raw_os_error(libc::ENOTCONN))?;
        // SAFETY: fd is owned by this handle and open.
        let r = unsafe { libc::shutdown(fd, libc::SHUT_WR) };
        if r == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

/// Creates a `Buffer` holding a copy of `bytes` (one engine allocation, no JS call).
pub(crate) fn new_buffer<'js>(
    lp: &Loop,
    ctx: &Ctx<'js>,
    bytes: &[u8],
) -> rquickjs::Result<Value<'js>> {
    // SAFETY: a fresh block of at least bytes.len() bytes, filled, then owned
    // by the engine.
    unsafe {
        let data: *mut u8 = libc::malloc(bytes.len().max(1)).cast();
        if data.is_null() {
            return Err(rquickjs::Error::Allocation);
        }
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), data, bytes.len());
        buffer_from_malloc(lp, ctx, data, bytes.len())
    }
}

/// The Buffer for `n` bytes just read into the stream read block (the bulk
/// one if `bulk`).
fn take_stream_read<'js>(
    lp: &Loop,
    ctx: &Ctx<'js>,
    n: usize,
    bulk: bool,
) -> rquickjs::Result<Value<'js>> {
    // The blocks are not borrowed while the engine runs: it may free a
    // Buffer, whose bulk block then goes back to them.
    let min = if bulk {
        BULK_HAND_OVER_MIN
    } else {
        HAND_OVER_MIN
    };
    let block = READ_BLOCKS.with(|b| {
        let mut b = b.borrow_mut();
        let cur = if bulk { &mut b.bulk } else { &mut b.small };
        if n < min {
            *cur
        } else {
            std::mem::replace(cur, std::ptr::null_mut())
        }
    });
    if n < min {
        // SAFETY: the block holds n initialized bytes and stays with
        // READ_BLOCKS; nothing reads into it until the copy is made.
        return new_buffer(lp, ctx, unsafe { std::slice::from_raw_parts(block, n) });
    }
    // SAFETY: the block is now ours, with n initialized bytes.
    unsafe {
        if bulk {
            return buffer_over(lp, ctx, block, n, Some(bulk_realloc));
        }
        // Shrinking keeps the first n bytes (and on failure the original
        // block, still READ_BUF bytes, is used).
        let shrunk: *mut u8 = libc::realloc(block.cast(), n).cast();
        let data = if shrunk.is_null() { block } else { shrunk };
        buffer_from_malloc(lp, ctx, data, n)
    }
}

/// The bytes of a Uint8Array (or Buffer) value, without copying.
///
/// # Safety
/// The slice is valid only while the value is alive and its buffer is not
/// detached or resized: use it before running any JS.
pub(crate) unsafe fn bytes_of<'a>(ctx: &Ctx<'_>, v: &Value<'_>) -> Option<&'a [u8]> {
    // SAFETY (caller).
    unsafe { raw_bytes_of(ctx.as_raw().as_ptr(), v.as_raw()) }
}

/// [`bytes_of`] on the engine's raw values.
///
/// # Safety
/// As [`bytes_of`]; `ctx` is live and `v` one of its values.
pub(crate) unsafe fn raw_bytes_of<'a>(
    ctx: *mut rquickjs::qjs::JSContext,
    v: rquickjs::qjs::JSValue,
) -> Option<&'a [u8]> {
    use rquickjs::qjs;
    let mut len: qjs::size_t = 0;
    // SAFETY (caller): the bytes belong to `v`, which the caller keeps alive.
    unsafe {
        let p = qjs::JS_GetUint8Array(ctx, &mut len, v);
        if p.is_null() {
            // Not a Uint8Array: JS_GetUint8Array threw; clear that exception.
            qjs::JS_FreeValue(ctx, qjs::JS_GetException(ctx));
            if len == 0 {
                return None;
            }
        }
        if len == 0 {
            return Some(&[]);
        }
        Some(std::slice::from_raw_parts(p, len as usize))
    }
}

pub(crate) fn js_of<'js>(slot: &Slot, ctx: &Ctx<'js>) -> Option<Object<'js>> {
    slot.js.clone()?.restore(ctx).ok()
}

pub(crate) fn call_method<'js>(
    lp: &Loop,
    ctx: &Ctx<'js>,
    obj: &Object<'js>,
    name: &str,
    args: impl rquickjs::function::IntoArgs<'js>,
) {
    let f: Option<Function> = obj.get(name).ok();
    if let Some(f) = f {
        let this = obj.clone();
        lp.invoke(ctx, |_| {
            let mut a = rquickjs::function::Args::new(ctx.clone(), args.num_args());
            a.this(this)?;
            args.into_args(&mut a)?;
            f.call_arg::<()>(a)
        });
    }
}

/// Calls `obj[name](...argv)` as [`call_method`] does, for arguments that
/// own nothing (ints, undefined, or values the caller keeps alive), through
/// the engine's API directly: rquickjs's argument vector, conversions and
/// method lookup cost ~1,500 instructions a call, and the loop makes these
/// calls per chunk or per connection. `name` is an atom ([`AtomRef`]) or,
/// when `None`, looked up by `cname`.
fn call_method_raw<'js>(
    lp: &Loop,
    ctx: &Ctx<'js>,
    obj: &Object<'js>,
    name: MethodName<'_>,
    argv: &[rquickjs::qjs::JSValue],
) {
    use rquickjs::qjs;
    lp.invoke(ctx, |ctx| {
        // SAFETY: plain engine calls on live values; `f` and `r` are freed
        // here, and JS_Call only borrows argv (at most 4 values).
        unsafe {
            let raw = ctx.as_raw().as_ptr();
            let this = obj.as_raw();
            let f = match name {
                MethodName::Atom(0) => return Err(rquickjs::Error::Allocation),
                MethodName::Atom(atom) => qjs::JS_GetProperty(raw, this, atom),
                MethodName::Str(s) => qjs::JS_GetPropertyStr(raw, this, s.as_ptr()),
            };
            if qjs::JS_IsException(f) {
                return Err(rquickjs::Error::Exception);
            }
            if !qjs::JS_IsFunction(raw, f) {
                qjs::JS_FreeValue(raw, f);
                return Ok(());
            }
            let mut args = [qjs::JS_UNDEFINED; 4];
            debug_assert!(
                argv.len() <= args.len(),
                "call_method_raw takes at most 4 arguments"
            );
            let n = argv.len().min(args.len());
            args[..n].copy_from_slice(&argv[..n]);
            let r = qjs::JS_Call(raw, f, this, n as _, args.as_mut_ptr());
            qjs::JS_FreeValue(raw, f);
            if qjs::JS_IsException(r) {
                return Err(rquickjs::Error::Exception);
            }
            qjs::JS_FreeValue(raw, r);
            Ok(())
        }
    });
}

/// A method's name for [`call_method_raw`].
enum MethodName<'a> {
    /// An atom held by the loop (0 when it could not be made).
    Atom(rquickjs::qjs::JSAtom),
    Str(&'a std::ffi::CStr),
}

/// An int argument for [`call_method_raw`].
fn int(v: i32) -> rquickjs::qjs::JSValue {
    rquickjs::qjs::JS_MKVAL(rquickjs::qjs::JS_TAG_INT, v)
}

/// `obj.onread(nread, buf)`, once per chunk read (and for EOF and errors,
/// with `buf` undefined). Does nothing when `onread` is not a function.
fn call_onread<'js>(
    lp: &Loop,
    ctx: &Ctx<'js>,
    obj: &Object<'js>,
    nread: i32,
    buf: rquickjs::qjs::JSValue,
) {
    let atom = lp.onread_atom(ctx);
    call_method_raw(lp, ctx, obj, MethodName::Atom(atom), &[int(nread), buf]);
}

/// Handles one readiness token from the poll phase.
pub(crate) fn on_ready(lp: &Loop, ctx: &Ctx<'_>, token: u64) {
    if token & 1 == 1 {
        on_writable(lp, ctx, token);
        return;
    }
    let kind = {
        let mut h = lp.handles.borrow_mut();
        match h.by_token(token) {
            Some((_, s)) => match s.io {
                Io::TcpListener(_) | Io::UnixListener(_) => 1,
                Io::Udp(_) => 2,
                Io::Tls(_) => 3,
                Io::TlsAccept(_) => 4,
                _ => 0,
            },
            None => return,
        }
    };
    match kind {
        1 => accept_ready(lp, ctx, token),
        2 => crate::udp::recv_ready(lp, ctx, token),
        3 => crate::tls::read_ready(lp, ctx, token),
        4 => crate::tls::accept_ready(lp, ctx, token),
        _ => read_ready(lp, ctx, token),
    }
}

enum ReadOutcome {
    /// Bytes read, and whether into the bulk block.
    Data(usize, bool),
    Eof,
    Error(i32),
    Pending,
}

fn read_ready(lp: &Loop, ctx: &Ctx<'_>, token: u64) {
    let mut budget = READ_BUDGET;
    for _ in 0..READS_PER_EVENT {
        let (outcome, js) = {
            let mut h = lp.handles.borrow_mut();
            let Some((_, slot)) = h.by_token(token) else {
                return;
            };
            if !slot.reading {
                return;
            }
            let bulk = slot.bulk_read;
            let r = slot.io.try_read_block(bulk);
            let outcome = match r {
                Ok(0) => {
                    slot.reading = false;
                    ReadOutcome::Eof
                }
                Ok(n) => {
                    // A full 64 KiB read: the sender has more (bulk mode);
                    // less than that: back to ordinary reads.
                    slot.bulk_read = n >= READ_BUF;
                    ReadOutcome::Data(n, bulk)
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    if slot.io.arm_read(&slot.wakers.read()) {
                        lp.shared_push(token);
                    }
                    ReadOutcome::Pending
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    slot.reading = false;
                    ReadOutcome::Error(errno_of(&e))
                }
            };
            (outcome, js_of(slot, ctx))
        };
        let Some(js) = js else { return };
        match outcome {
            ReadOutcome::Pending => return,
            ReadOutcome::Data(n, bulk) => {
                match take_stream_read(lp, ctx, n, bulk) {
                    Ok(buf) => call_onread(lp, ctx, &js, n as i32, buf.as_raw()),
                    Err(e) => lp.report(ctx, e),
                }
                budget = budget.saturating_sub(n);
                // The callback may have upgraded the handle (STARTTLS): its
                // reading now goes through the TLS path.
                let upgraded = matches!(lp.handles.borrow_mut().by_token(token), Some((_, s)) if matches!(s.io, Io::Tls(_)));
                if upgraded || budget == 0 {
                    lp.shared_push(token);
                    return;
                }
            }
            ReadOutcome::Eof => {
                call_onread(lp, ctx, &js, UV_EOF, rquickjs::qjs::JS_UNDEFINED);
                return;
            }
            ReadOutcome::Error(code) => {
                call_onread(lp, ctx, &js, code, rquickjs::qjs::JS_UNDEFINED);
                return;
            }
        }
    }
    // Budget spent with data left: come back after the other handles.
    lp.shared_push(token);
}

fn accept_ready(lp: &Loop, ctx: &Ctx<'_>, token: u64) {
    loop {
        let (res, js) = {
            let mut h = lp.handles.borrow_mut();
            let Some((_, slot)) = h.by_token(token) else {
                return;
            };
            let waker = slot.wakers.read();
            let mut cx = Context::from_waker(&waker);
            let res = match &slot.io {
                Io::TcpListener(l) => match l.poll_accept(&mut cx) {
                    Poll::Ready(Ok((s, _))) => Some(Ok(Io::Tcp(s))),
                    Poll::Ready(Err(e)) => Some(Err(e)),
                    Poll::Pending => None,
                },
                Io::UnixListener(l) => match l.poll_accept(&mut cx) {
                    Poll::Ready(Ok((s, _))) => Some(Ok(Io::Unix(s))),
                    Poll::Ready(Err(e)) => Some(Err(e)),
                    Poll::Pending => None,
                },
                _ => None,
            };
            (res, js_of(slot, ctx))
        };
        let Some(res) = res else { return };
        let Some(js) = js else { return };
        match res {
            Ok(io) => {
                let id = lp.handles.borrow_mut().insert(io);
                let id = i32::try_from(id).unwrap_or(0);
                call_method_raw(
                    lp,
                    ctx,
                    &js,
                    MethodName::Str(c"onconnection"),
                    &[int(0), int(id)],
                );
            }
            Err(e) => {
                let code = errno_of(&e);
                // Out of descriptors or similar: report and keep listening (libuv does).
                call_method_raw(
                    lp,
                    ctx,
                    &js,
                    MethodName::Str(c"onconnection"),
                    &[int(code), rquickjs::qjs::JS_UNDEFINED],
                );
                if code == -libc::EMFILE || code == -libc::ENFILE {
                    return;
                }
            }
        }
    }
}

/// Writes `parts` (one request) now if the socket takes them, else queues
/// the rest. `held`, when given, has each part's JS value: a Buffer part is
/// then queued by reference instead of copied. Returns 0 when all was
/// written, 1 when queued (`afterWrite` follows), or a negative errno; the
/// request's size goes to `streamState[kBytesWritten]` in every case.
pub(crate) fn write<'js>(
    lp: &Loop,
    id: u32,
    parts: &[&[u8]],
    held: Option<(&Ctx<'js>, &[Value<'js>])>,
) -> i32 {
    let total: usize = parts.iter().map(|p| p.len()).sum();
    lp.stream_state.bytes_written.set(total as f64);
    let mut h = lp.handles.borrow_mut();
    let Some(slot) = h.get_mut(id) else {
        return -libc::EBADF;
    };
    if let Io::Tls(_) = slot.io {
        drop(h);
        return crate::tls::write(lp, id, parts);
    }
    let mut written = 0usize;
    if slot.writes.is_empty() {
        loop {
            let r = if parts.len() == 1 {
                slot.io.try_write(parts[0])
            } else {
                let slices = remaining_slices(parts, written);
                slot.io.try_write_vectored(&slices)
            };
            match r {
                Ok(n) => {
                    if parts.len() == 1 {
                        written += n;
                        if written == total {
                            return 0;
                        }
                        // Partial: try the rest once more before queuing.
                        match slot.io.try_write(&parts[0][written..]) {
                            Ok(m) => {
                                written += m;
                                if written == total {
                                    return 0;
                                }
                            }
                            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                            Err(e) => return errno_of(&e),
                        }
                        break;
                    }
                    written += n;
                    if written == total {
                        return 0;
                    }
                    if n == 0 {
                        break;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return errno_of(&e),
            }
        }
    }
    slot.queued_bytes += total - written;
    let mut copied: Vec<u8> = Vec::new();
    let mut skip = written;
    for (i, p) in parts.iter().enumerate() {
        if skip >= p.len() {
            skip -= p.len();
            continue;
        }
        let hold = match held {
            Some((ctx, vals)) if p.len() - skip >= HOLD_MIN && !vals[i].is_string() => {
                Some(Persistent::save(ctx, vals[i].clone()))
            }
            _ => None,
        };
        match hold {
            Some(buf) => {
                if !copied.is_empty() {
                    let c = std::mem::take(&mut copied);
                    slot.writes.push_back(PendingWrite {
                        last: false,
                        ..PendingWrite::owned(c, 0, None)
                    });
                }
                slot.writes.push_back(PendingWrite {
                    data: WriteData::Held(buf, p.len()),
                    off: skip,
                    dest: None,
                    last: false,
                });
            }
            None => copied.extend_from_slice(&p[skip..]),
        }
        skip = 0;
    }
    if !copied.is_empty() {
        slot.writes.push_back(PendingWrite::owned(copied, 0, None));
    } else if let Some(w) = slot.writes.back_mut() {
        w.last = true;
    }
    if slot.io.arm_write(&slot.wakers.write()) {
        let t = slot.token(id, true);
        drop(h);
        lp.shared_push(t);
    }
    1
}

fn remaining_slices<'a>(parts: &[&'a [u8]], mut skip: usize) -> Vec<IoSlice<'a>> {
    let mut v = Vec::with_capacity(parts.len());
    for p in parts {
        if skip >= p.len() {
            skip -= p.len();
            continue;
        }
        v.push(IoSlice::new(&p[skip..]));
        skip = 0;
    }
    v
}

/// Bytes waiting in the write queue (Node's `writeQueueSize`).
pub(crate) fn write_queue_size(lp: &Loop, id: u32) -> usize {
    lp.handles
        .borrow()
        .get(id)
        .map(|s| s.queued_bytes)
        .unwrap_or(0)
}

fn on_writable(lp: &Loop, ctx: &Ctx<'_>, token: u64) {
    let is_tls = matches!(lp.handles.borrow_mut().by_token(token), Some((_, s)) if matches!(s.io, Io::Tls(_) | Io::TlsAccept(_)));
    if is_tls {
        crate::tls::writable(lp, ctx, token);
        return;
    }
    // Flush what the socket takes; count finished writes, then call back without a borrow.
    let mut done = 0usize;
    let mut error = 0i32;
    let mut failed = 0usize;
    let mut shutdown = None;
    let js = {
        let mut h = lp.handles.borrow_mut();
        let Some((_, slot)) = h.by_token(token) else {
            return;
        };
        loop {
            let Some(front) = slot.writes.front_mut() else {
                break;
            };
            match slot.io.try_write_pending(ctx, front) {
                Ok(n) => {
                    front.off += n;
                    slot.queued_bytes -= n;
                    if front.off == front.len() {
                        if slot.writes.pop_front().is_some_and(|w| w.last) {
                            done += 1;
                        }
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    if slot.io.arm_write(&slot.wakers.write()) {
                        lp.shared_push(token);
                    }
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    error = errno_of(&e);
                    failed = slot.writes.requests();
                    slot.writes.clear();
                    slot.queued_bytes = 0;
                    break;
                }
            }
        }
        if slot.writes.is_empty() && slot.shutdown_pending {
            slot.shutdown_pending = false;
            shutdown = Some(match slot.io.shutdown_write() {
                Ok(()) => 0,
                Err(e) => errno_of(&e),
            });
        }
        js_of(slot, ctx)
    };
    let Some(js) = js else { return };
    report_writes(lp, ctx, &js, done, 0, None);
    report_writes(lp, ctx, &js, failed, error, shutdown);
}

/// Calls `afterWrite(status)` for `count` finished writes, in order, then
/// `onshutdown(status)` when a shutdown finished.
pub(crate) fn report_writes<'js>(
    lp: &Loop,
    ctx: &Ctx<'js>,
    js: &Object<'js>,
    count: usize,
    status: i32,
    shutdown: Option<i32>,
) {
    for _ in 0..count {
        call_method_raw(lp, ctx, js, MethodName::Str(c"afterWrite"), &[int(status)]);
    }
    if let Some(s) = shutdown {
        call_method_raw(lp, ctx, js, MethodName::Str(c"onshutdown"), &[int(s)]);
    }
}

/// Starts a write-side shutdown after queued writes; `onshutdown(status)` follows.
pub(crate) fn shutdown(lp: &Loop, id: u32) -> i32 {
    let mut h = lp.handles.borrow_mut();
    let Some(slot) = h.get_mut(id) else {
        return -libc::EBADF;
    };
    if let Io::Tls(_) = slot.io {
        drop(h);
        return crate::tls::shutdown(lp, id);
    }
    if !matches!(slot.io, Io::Tcp(_) | Io::Unix(_)) {
        return -libc::ENOTCONN;
    }
    // As libuv: the shutdown happens in the poll phase once the queue is empty,
    // and its callback runs right then (not before the peer could see the FIN).
    slot.shutdown_pending = true;
    if slot.writes.is_empty() {
        let t = slot.token(id, true);
        drop(h);
        lp.shared_push(t);
    }
    0
}

/// Starts or stops reading.
pub(crate) fn set_reading(lp: &Loop, id: u32, on: bool) -> i32 {
    let mut h = lp.handles.borrow_mut();
    let Some(slot) = h.get_mut(id) else {
        return -libc::EBADF;
    };
    if !matches!(
        slot.io,
        Io::Tcp(_) | Io::Unix(_) | Io::Udp(_) | Io::Tls(_) | Io::TlsAccept(_)
    ) {
        return if on { -libc::ENOTCONN } else { 0 };
    }
    if slot.reading == on {
        return 0;
    }
    slot.reading = on;
    // TLS may hold decrypted plaintext already: let the poll phase look.
    if on && matches!(slot.io, Io::Tls(_) | Io::TlsAccept(_)) {
        let t = slot.token(id, false);
        drop(h);
        lp.shared_push(t);
        return 0;
    }
    if on && slot.io.arm_read(&slot.wakers.read()) {
        let t = slot.token(id, false);
        drop(h);
        lp.shared_push(t);
    }
    0
}

/// Starts accepting on a listening handle.
pub(crate) fn start_accepting(lp: &Loop, id: u32) {
    let h = lp.handles.borrow();
    if let Some(slot) = h.get(id) {
        let t = slot.token(id, false);
        drop(h);
        lp.shared_push(t);
    }
}

/// The local or peer address of a handle's socket.
pub(crate) fn sock_addr(lp: &Loop, id: u32, peer: bool) -> Result<SockAddr, i32> {
    let h = lp.handles.borrow();
    let slot = h.get(id).ok_or(-libc::EBADF)?;
    let fd = slot.io.raw_fd().ok_or(-libc::EBADF)?;
    // SAFETY: fd stays open while the borrow holds the slot.
    let bfd = unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) };
    let sock = socket2::SockRef::from(&bfd);
    let a = if peer {
        sock.peer_addr()
    } else {
        sock.local_addr()
    }
    .map_err(|e| errno_of(&e))?;
    if let Some(sa) = a.as_socket() {
        return Ok(SockAddr::Ip(sa));
    }
    let path = a
        .as_pathname()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(SockAddr::Path(path))
}

/// A socket address as JS sees it.
pub(crate) enum SockAddr {
    Ip(SocketAddr),
    Path(String),
}

impl Loop {
    pub(crate) fn shared_push(&self, token: u64) {
        self.shared.push(token);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_blocks_are_reused_up_to_the_spares() {
        let mut b = ReadBlocks::new();
        let (small, n) = b.get(false);
        assert_eq!(n, READ_BUF);
        assert_eq!(b.get(false).0, small, "the small block stays until taken");
        let (first, n) = b.get(true);
        assert!(!first.is_null());
        assert_eq!(n, BULK_READ);
        // JS takes blocks (as take_stream_read does), then frees them all.
        let mut taken = vec![std::mem::replace(&mut b.bulk, std::ptr::null_mut())];
        for _ in 0..BULK_SPARES + 1 {
            b.get(true);
            taken.push(std::mem::replace(&mut b.bulk, std::ptr::null_mut()));
        }
        let kept: Vec<bool> = taken.iter().map(|&p| b.recycle(p)).collect();
        let room = 1 + BULK_SPARES;
        assert!(kept[..room].iter().all(|&k| k) && kept[room..].iter().all(|&k| !k));
        for &p in &taken[room..] {
            // SAFETY: not kept, so still ours.
            unsafe { libc::free(p.cast()) };
        }
        // The next bulk reads take the kept blocks before allocating.
        for _ in 0..room {
            let (p, _) = b.get(true);
            assert!(taken[..room].contains(&p));
            b.bulk = std::ptr::null_mut();
            unsafe { libc::free(p.cast()) };
        }
    }

    #[test]
    fn ids_stay_positive_i32_and_change_when_a_slot_is_reused() {
        let mut h = Handles::new(Arc::new(Shared::default()));
        let mut prev = 0;
        for _ in 0..5000 {
            let id = h.insert(Io::Empty);
            assert!(id != 0 && id <= i32::MAX as u32, "id {id:#x}");
            assert_ne!(id, prev);
            assert!(h.get(id).is_some());
            assert!(h.remove(id).is_some());
            assert!(h.get(id).is_none(), "a closed id must not reach the slot");
            prev = id;
        }
    }
}
