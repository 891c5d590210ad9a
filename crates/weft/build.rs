//! Compiles the built-in JavaScript modules under `js/` to QuickJS bytecode.
//!
//! Each `js/<id>.js` is compiled, its bytecode appended to
//! `$OUT_DIR/builtins.bin` (start-up modules first, see `LOAD_ORDER`), and an
//! entry `(<id>, start, length)` written to `$OUT_DIR/builtins.rs`. The source
//! is wrapped as
//! `(function (exports, require, module, internalBinding) { ... })` on its first
//! line, so line numbers in stack traces match the file, and compiled with the
//! file name `node:<id>` as Node names its built-ins in stacks.

use std::ffi::CString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rquickjs::qjs;

fn collect(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, base, out);
        } else if path.extension().and_then(|e| e.to_str()) == Some("js") {
            let rel = path.strip_prefix(base).expect("under js/");
            let id = rel.with_extension("").to_string_lossy().replace('\\', "/");
            out.push((id, path));
        }
    }
}

/// Compiles one wrapped module body to bytecode, or returns the engine's error text.
fn compile(ctx: &rquickjs::Ctx<'_>, id: &str, source: &str) -> Result<Vec<u8>, String> {
    let wrapped = format!("(function (exports, require, module, internalBinding) {{{source}\n}})");
    let src = CString::new(wrapped).map_err(|e| e.to_string())?;
    let name = CString::new(format!("node:{id}")).map_err(|e| e.to_string())?;
    // SAFETY: raw engine calls on a live context; every value created here is freed.
    unsafe {
        let raw = ctx.as_raw().as_ptr();
        let flags = (qjs::JS_EVAL_TYPE_GLOBAL
            | qjs::JS_EVAL_FLAG_COMPILE_ONLY
            | qjs::JS_EVAL_FLAG_STRICT) as i32;
        let func = qjs::JS_Eval(
            raw,
            src.as_ptr(),
            src.as_bytes().len() as _,
            name.as_ptr(),
            flags,
        );
        if qjs::JS_IsException(func) {
            let err = ctx.catch();
            let msg = err
                .as_object()
                .and_then(|o| {
                    let m: Option<String> = o.get("message").ok();
                    let s: Option<String> = o.get("stack").ok();
                    m.map(|m| format!("{m}\n{}", s.unwrap_or_default()))
                })
                .unwrap_or_else(|| format!("{err:?}"));
            return Err(msg);
        }
        let mut size: qjs::size_t = 0;
        let flags = (qjs::JS_WRITE_OBJ_BYTECODE | qjs::JS_WRITE_OBJ_STRIP_SOURCE) as i32;
        let buf = qjs::JS_WriteObject(raw, &mut size, func, flags);
        qjs::JS_FreeValue(raw, func);
        if buf.is_null() {
            return Err("JS_WriteObject failed".into());
        }
        let bytes = std::slice::from_raw_parts(buf, size as usize).to_vec();
        qjs::js_free(raw, buf as *mut _);
        Ok(bytes)
    }
}

/// The modules every start loads (bootstrap, process, the loader, in load
/// order), then those `require('net')` and a first connection add. A module
/// missing here only costs memory: it is placed after these.
const LOAD_ORDER: &[&str] = &[
    "internal/bootstrap",
    "internal/process/object",
    "events",
    "internal/errors",
    "internal/validators",
    "internal/process/task_queues",
    "internal/timers",
    "internal/process/execution",
    "internal/globals",
    "internal/modules/cjs",
    "path",
    "net",
    "stream",
    "internal/streams/operators",
    "internal/errors/codes",
    "internal/streams/utils",
    "internal/streams/end-of-stream",
    "internal/streams/add-abort-signal",
    "internal/streams/state",
    "internal/streams/pipeline",
    "internal/streams/destroy",
    "internal/streams/duplex",
    "internal/streams/legacy",
    "internal/streams/readable",
    "internal/streams/bits",
    "internal/streams/writable",
    "internal/streams/transform",
    "internal/streams/passthrough",
    "internal/streams/duplexpair",
    "internal/streams/compose",
    "internal/stream_wrap",
    "internal/net",
    "dns",
    "internal/util",
    "internal/process/stdio",
    "buffer",
];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir"));
    let js_dir = manifest.join("js");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("out dir"));
    println!("cargo:rerun-if-changed=js");

    let mut files = Vec::new();
    collect(&js_dir, &js_dir, &mut files);

    // Start-up modules first, then what a network program loads: the blob is
    // one read-only mapping, and the kernel maps file pages in 64 KiB windows
    // around each touched page, so modules read together should lie together.
    files.sort_by_key(|(id, _)| {
        LOAD_ORDER
            .iter()
            .position(|first| first == id)
            .unwrap_or(LOAD_ORDER.len())
    });

    let rt = rquickjs::Runtime::new().expect("runtime");
    let ctx = rquickjs::Context::full(&rt).expect("context");
    let mut blob = Vec::new();
    let mut table = String::from(
        "/// Built-in modules' bytecode (wrapper functions), one after another.\n\
         static BLOB: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/builtins.bin\"));\n\
         /// Built-in modules: (id, start, length) of each one's bytecode in `BLOB`.\n\
         static BUILTINS: &[(&str, u32, u32)] = &[\n",
    );
    let mut errors = Vec::new();
    ctx.with(|ctx| {
        for (id, path) in &files {
            println!("cargo:rerun-if-changed={}", path.display());
            let source = std::fs::read_to_string(path).expect("read js");
            match compile(&ctx, id, &source) {
                Ok(bytes) => {
                    writeln!(table, "    ({id:?}, {}, {}),", blob.len(), bytes.len()).unwrap();
                    blob.extend_from_slice(&bytes);
                }
                Err(msg) => errors.push(format!("{}: {msg}", path.display())),
            }
        }
    });
    if !errors.is_empty() {
        panic!(
            "built-in JavaScript failed to compile:\n{}",
            errors.join("\n")
        );
    }
    table.push_str("];\n");
    std::fs::write(out_dir.join("builtins.bin"), blob).expect("write bytecode");
    std::fs::write(out_dir.join("builtins.rs"), table).expect("write table");
}
