//! The `weft` command line and process-level behaviour, checked from outside:
//! exit codes, what reaches stdout and stderr, as Node behaves.

use std::path::PathBuf;
use std::process::{Command, Output};

fn weft(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_weft"))
        .args(args)
        .output()
        .expect("run weft")
}

fn script(name: &str, body: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("weft-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, body).unwrap();
    p
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn version_and_help() {
    let o = weft(&["--version"]);
    assert!(o.status.success());
    assert_eq!(text(&o.stdout), format!("v{}\n", env!("CARGO_PKG_VERSION")));
    let o = weft(&["--help"]);
    assert!(o.status.success());
    assert!(text(&o.stdout).contains("-e, --eval"));
}

#[test]
fn eval_and_print() {
    let o = weft(&["-e", "console.log('a', 1 + 1)"]);
    assert_eq!(text(&o.stdout), "a 2\n");
    let o = weft(&["-p", "({ a: [1, 'x'] })"]);
    assert_eq!(text(&o.stdout), "{ a: [ 1, 'x' ] }\n");
    let o = weft(&["-p", "'str'"]);
    assert_eq!(text(&o.stdout), "str\n");
}

#[test]
fn argv_is_binary_then_script_then_args() {
    let p = script(
        "argv.js",
        "console.log(JSON.stringify(process.argv.slice(1)))",
    );
    let o = weft(&[p.to_str().unwrap(), "x", "--y"]);
    assert_eq!(
        text(&o.stdout),
        format!("[{:?},\"x\",\"--y\"]\n", p.to_str().unwrap())
    );
    let o = weft(&[
        "-e",
        "console.log(process.argv.length, process.argv[0] === process.execPath)",
    ]);
    assert_eq!(text(&o.stdout), "1 true\n");
}

#[test]
fn uncaught_exception_prints_location_and_exits_1() {
    let p = script(
        "throw.js",
        "const a = 1;\nfunction f() { throw new TypeError('bad thing'); }\nf();\n",
    );
    let o = weft(&[p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    let loc = format!("{}:2", p.display());
    assert!(err.starts_with(&loc), "{err}");
    assert!(err.contains("TypeError: bad thing"), "{err}");
    // V8 points at `new` (column 22), QuickJS at the constructor (26): same line either way.
    assert!(err.contains(&format!("at f ({}:2:", p.display())), "{err}");
}

#[test]
fn unhandled_rejection_exits_1_and_exit_event_sees_code() {
    let o = weft(&[
        "-e",
        "process.on('exit', (c) => console.log('exit', c)); Promise.reject(new Error('nope'))",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "exit 1\n");
    assert!(text(&o.stderr).contains("Error: nope"));
}

#[test]
fn unhandled_rejection_listener_keeps_process_alive() {
    let o = weft(&["-e", "process.on('unhandledRejection', (r) => console.log('caught', r.message)); Promise.reject(new Error('nope'))"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "caught nope\n");
}

#[test]
fn uncaught_exception_listener_handles_error() {
    let o = weft(&["-e", "process.on('uncaughtException', (e, origin) => console.log('handled', e.message, origin)); setTimeout(() => console.log('later'), 1); throw new Error('x')"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "handled x uncaughtException\nlater\n");
}

#[test]
fn exit_code_and_exit() {
    assert_eq!(weft(&["-e", "process.exitCode = 3"]).status.code(), Some(3));
    let o = weft(&["-e", "process.on('exit', (c) => console.log('exit', c)); process.exit(4); console.log('not reached')"]);
    assert_eq!(o.status.code(), Some(4));
    assert_eq!(text(&o.stdout), "exit 4\n");
}

#[test]
fn before_exit_can_schedule_more_work() {
    let o = weft(&[
        "-e",
        "let n = 0; process.on('beforeExit', (c) => { console.log('beforeExit', c); if (n++ < 2) setTimeout(() => console.log('more'), 1); }); process.on('exit', (c) => console.log('exit', c));",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        text(&o.stdout),
        "beforeExit 0\nmore\nbeforeExit 0\nmore\nbeforeExit 0\nexit 0\n"
    );
}

#[test]
fn syntax_error_names_file_and_line() {
    let p = script("syntax.js", "const a = 1;\nlet x = ;\n");
    let o = weft(&[p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.starts_with(&format!("{}:2\nlet x = ;\n", p.display())),
        "{err}"
    );
    assert!(err.contains("SyntaxError"), "{err}");
}

#[test]
fn missing_script_is_module_not_found() {
    let o = weft(&["/nonexistent/dir/x.js"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("Cannot find module '/nonexistent/dir/x.js'"));
}

#[test]
fn es_module_entry_and_import_of_builtins() {
    let dir = std::env::temp_dir().join(format!("weft-esm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lib.mjs"), "export const twice = (x) => x * 2;\n").unwrap();
    std::fs::write(dir.join("cjs.js"), "module.exports = { three: 3 };\n").unwrap();
    std::fs::write(
        dir.join("main.mjs"),
        "import net from 'node:net';\nimport { createServer } from 'net';\nimport { twice } from './lib.mjs';\nimport cjs, { three } from './cjs.js';\n\
         console.log(typeof net.connect, createServer === net.createServer, twice(three), cjs.three, import.meta.url.startsWith('file://'));\n",
    )
    .unwrap();
    let o = weft(&[dir.join("main.mjs").to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "function true 6 3 true\n");
}
