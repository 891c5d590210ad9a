//! The seed's echo server (examples/echo-server.js) run by `weft`, with a
//! client that is not weft (Rust's std TcpStream) and with the seed's weft client.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

/// Both tests use the example's fixed port 8124: run them one at a time.
static PORT_8124: Mutex<()> = Mutex::new(());

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the echo server and waits for its "server bound" line.
fn start_server() -> (Server, BufReader<std::process::ChildStdout>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_weft"))
        .arg("examples/echo-server.js")
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn weft");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let server = Server(child);
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert_eq!(line, "server bound\n");
    (server, out)
}

fn pseudo_random(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E3779B97F4A7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

#[test]
fn echo_server_returns_bytes_unchanged_to_a_plain_tcp_client() {
    let _guard = PORT_8124.lock().unwrap_or_else(|e| e.into_inner());
    let (_server, mut out) = start_server();
    let mut s = TcpStream::connect("127.0.0.1:8124").unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut hello = [0u8; 7];
    s.read_exact(&mut hello).unwrap();
    assert_eq!(&hello, b"hello\r\n");

    // 4 MiB of arbitrary bytes, written from another thread while we read.
    let data = pseudo_random(4 << 20);
    let mut w = s.try_clone().unwrap();
    let sent = data.clone();
    let writer = std::thread::spawn(move || {
        for chunk in sent.chunks(50_000) {
            w.write_all(chunk).unwrap();
        }
        w.shutdown(std::net::Shutdown::Write).unwrap();
    });
    let mut back = Vec::new();
    s.read_to_end(&mut back).unwrap();
    writer.join().unwrap();
    assert_eq!(back.len(), data.len());
    assert!(back == data, "echoed bytes differ");

    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert_eq!(line, "client connected\n");
    line.clear();
    out.read_line(&mut line).unwrap();
    assert_eq!(line, "client disconnected\n");
}

#[test]
fn echo_client_example_talks_to_echo_server() {
    let _guard = PORT_8124.lock().unwrap_or_else(|e| e.into_inner());
    let (_server, _out) = start_server();
    let client = Command::new(env!("CARGO_BIN_EXE_weft"))
        .arg("examples/echo-client.js")
        .current_dir(root())
        .output()
        .expect("run client");
    assert!(client.status.success(), "client failed: {:?}", client);
    let stdout = String::from_utf8_lossy(&client.stdout);
    // The greeting and the echo may arrive in one chunk or two.
    assert!(
        stdout.starts_with("connected to server!\nhello\r\n"),
        "{stdout:?}"
    );
    assert!(stdout.contains("world!\r\n"), "{stdout:?}");
    assert!(stdout.ends_with("disconnected from server\n"), "{stdout:?}");
}
