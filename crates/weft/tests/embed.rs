//! Embedding: a Rust program runs scripts through the library and gets the
//! exit code; runtimes can be created one after another in one process.

use weft::{Main, Options, Runtime};

fn run(code: &str) -> i32 {
    Runtime::new(Options {
        argv: vec!["weft".into()],
        ..Options::default()
    })
    .run(Main::Eval(code.into()))
}

#[test]
fn exit_codes_come_back_to_the_embedder() {
    assert_eq!(run("1 + 1"), 0);
    assert_eq!(run("process.exitCode = 7"), 7);
    assert_eq!(run("setTimeout(() => { process.exitCode = 3 }, 5)"), 3);
}

#[test]
fn runtimes_run_one_after_another_with_io() {
    for _ in 0..3 {
        let code = run("const net = require('net');
             const s = net.createServer((c) => c.end('x')).listen(0, '127.0.0.1', () => {
               net.connect(s.address().port, '127.0.0.1').on('data', (d) => {
                 process.exitCode = d.toString() === 'x' ? 5 : 9;
                 s.close();
               });
             });");
        assert_eq!(code, 5);
    }
}
