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
