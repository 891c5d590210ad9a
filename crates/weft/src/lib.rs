//! Weft: a JavaScript runtime whose networking is Node's `net` module.
//!
//! The engine is QuickJS-NG (through `rquickjs`); I/O runs on a tokio
//! current-thread runtime with Node's event-loop ordering. Built-in modules are
//! JavaScript (compiled to bytecode at build time) over small native handles.
//! See `docs/ARCHITECTURE.md` for the layers.
//!
//! ```no_run
//! let code = weft::Runtime::new(weft::Options::default())
//!     .run(weft::Main::Eval("console.log(1 + 1)".into()));
//! assert_eq!(code, 0);
//! ```

mod bindings;
mod builtins;
mod errors;
mod event_loop;
mod handles;
mod modules;
mod runtime;
mod tls;
mod udp;

pub use runtime::{Main, Options, Runtime, VERSION};

/// Tunes the C allocator for a network server; call it once, first thing in
/// `main`, before threads start. The `weft` binary does.
///
/// glibc's malloc returns memory of 128 KiB or more with `munmap` at once,
/// and trims the heap's top above a threshold that moves with that traffic:
/// a burst of large socket reads (256 KiB bulk read blocks, Buffers queued
/// behind a slow peer) then makes every next burst fault its pages in again
/// (bulk echo: ~20,000 page faults per 512 MiB, a quarter of the server's
/// time in some runs). This serves blocks below 1 MiB from the heap and
/// keeps up to 8 MiB of free heap before trimming. Process-wide, hence not
/// done by [`Runtime::new`]; a no-op on other C libraries.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 8 << 20);
    }
}
