//! Lays out the functions start-up runs next to each other in release builds.
//!
//! `link-order.txt` (written by `bench/link_order.py`) lists them by their
//! v0 symbol names (`.cargo/config.toml`), which survive edits of the
//! source; lld's `--symbol-ordering-file` places them first in `.text`. The
//! kernel maps a binary's pages in 64 KiB windows around each touched page,
//! so this is what keeps an idle script's resident code small
//! (bench/README.md, "Memory").
//!
//! Only lld understands the option: it is passed when the build links with
//! Rust's default linker on x86_64 Linux (rust-lld since Rust 1.90) and no
//! other linker is configured. `WEFT_LINK_ORDER=0` turns it off.

use std::process::Command;

/// Whether the final link uses rust-lld, the default linker of
/// x86_64-unknown-linux-gnu since Rust 1.90.
fn links_with_rust_lld() -> bool {
    if std::env::var("TARGET").as_deref() != Ok("x86_64-unknown-linux-gnu") {
        return false;
    }
    // Cargo sets RUSTC_LINKER when a linker is configured for the target.
    if std::env::var_os("RUSTC_LINKER").is_some() {
        return false;
    }
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if flags.contains("linker") || flags.contains("fuse-ld") {
        return false;
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(out) = Command::new(rustc).arg("-V").output() else {
        return false;
    };
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let version = String::from_utf8_lossy(&out.stdout);
    let mut parts = version
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .split(['.', '-'])
        .map(|p| p.parse::<u32>().unwrap_or(0));
    let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    (major, minor) >= (1, 90)
}

fn main() {
    println!("cargo:rerun-if-changed=link-order.txt");
    println!("cargo:rerun-if-env-changed=WEFT_LINK_ORDER");
    if std::env::var("PROFILE").as_deref() != Ok("release")
        || std::env::var("WEFT_LINK_ORDER").as_deref() == Ok("0")
        || !links_with_rust_lld()
    {
        return;
    }
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let order = std::path::Path::new(&manifest).join("link-order.txt");
    if order.exists() {
        println!(
            "cargo:rustc-link-arg-bin=weft=-Wl,--symbol-ordering-file={}",
            order.display()
        );
        // Names from another toolchain or older sources are expected; they are skipped.
        println!("cargo:rustc-link-arg-bin=weft=-Wl,--no-warn-symbol-ordering");
    }
}
