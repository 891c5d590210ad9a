//! Load client for the benchmark suite. Prints one JSON object on stdout.
//!
//! Modes: `pingpong` (N connections each sending S bytes and waiting for the
//! echo), `bulk` (M MiB through one connection in C-byte writes), `churn`
//! (L concurrent loops of connect, 16-byte echo, close), `idle` (open N
//! connections and hold them until stdin closes).
//!
//! `pingpong` reports `messages` (counted after one second of warm-up, over
//! `seconds`) and `total_messages` (every message echoed, warm-up included,
//! over `elapsed` seconds since the first connect): divide the server's CPU
//! time over the whole client run by `total_messages`.

use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[derive(Parser)]
struct Cli {
    /// Server address.
    #[arg(long, default_value = "127.0.0.1:8124")]
    addr: String,
    #[command(subcommand)]
    mode: Mode,
}

#[derive(Subcommand)]
enum Mode {
    /// Messages per second with N connections of S-byte messages.
    Pingpong {
        #[arg(long, default_value_t = 50)]
        connections: usize,
        #[arg(long, default_value_t = 64)]
        size: usize,
        /// Seconds to measure (after one second of warm-up).
        #[arg(long, default_value_t = 5.0)]
        seconds: f64,
        /// Send exactly this many messages per connection instead (no warm-up;
        /// for instruction counts under callgrind).
        #[arg(long)]
        count: Option<u64>,
    },
    /// MB/s echoing M MiB through one connection in C-byte writes.
    Bulk {
        #[arg(long, default_value_t = 512)]
        mib: usize,
        #[arg(long, default_value_t = 65536)]
        chunk: usize,
    },
    /// Connections per second: connect, 16-byte echo, close, in L concurrent loops.
    Churn {
        #[arg(long, default_value_t = 20)]
        loops: usize,
        #[arg(long, default_value_t = 5.0)]
        seconds: f64,
    },
    /// Open N connections, print when done, hold them until stdin closes.
    Idle {
        #[arg(long, default_value_t = 10000)]
        connections: usize,
    },
}

async fn pingpong(addr: &str, conns: usize, size: usize, secs: f64, count: Option<u64>) -> String {
    let warm = Duration::from_secs(1);
    let dur = Duration::from_secs_f64(secs);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..conns {
        let addr = addr.to_string();
        tasks.push(tokio::task::spawn_local(async move {
            let mut s = TcpStream::connect(&addr).await.expect("connect");
            s.set_nodelay(true).ok();
            let msg = vec![b'x'; size];
            let mut buf = vec![0u8; size];
            // (messages counted in the measured window, all messages echoed)
            let mut counted = 0u64;
            let mut all = 0u64;
            loop {
                s.write_all(&msg).await.expect("write");
                s.read_exact(&mut buf).await.expect("read");
                all += 1;
                if let Some(limit) = count {
                    counted += 1;
                    if counted == limit {
                        return (counted, all);
                    }
                    continue;
                }
                let el = start.elapsed();
                if el >= warm + dur {
                    return (counted, all);
                }
                if el >= warm {
                    counted += 1;
                }
            }
        }));
    }
    let mut total = 0u64;
    let mut all = 0u64;
    for t in tasks {
        let (c, a) = t.await.unwrap_or((0, 0));
        total += c;
        all += a;
    }
    let elapsed = start.elapsed().as_secs_f64();
    // With --count there is no warm-up: the rate is over the whole run.
    let rate = if count.is_some() {
        total as f64 / elapsed
    } else {
        total as f64 / secs
    };
    format!("{{\"mode\":\"pingpong\",\"connections\":{conns},\"size\":{size},\"messages\":{total},\"seconds\":{secs},\"per_second\":{rate:.0},\"total_messages\":{all},\"elapsed\":{elapsed:.3}}}")
}

async fn bulk(addr: &str, mib: usize, chunk: usize) -> String {
    let s = TcpStream::connect(addr).await.expect("connect");
    let (mut r, mut w) = s.into_split();
    let total = mib << 20;
    let start = Instant::now();
    let writer = tokio::task::spawn_local(async move {
        let buf = vec![b'y'; chunk];
        let mut sent = 0;
        while sent < total {
            let n = chunk.min(total - sent);
            w.write_all(&buf[..n]).await.expect("write");
            sent += n;
        }
        w.shutdown().await.ok();
    });
    let mut buf = vec![0u8; 1 << 16];
    let mut got = 0;
    while got < total {
        let n = r.read(&mut buf).await.expect("read");
        if n == 0 {
            break;
        }
        got += n;
    }
    let el = start.elapsed().as_secs_f64();
    writer.await.ok();
    format!("{{\"mode\":\"bulk\",\"mib\":{mib},\"chunk\":{chunk},\"bytes\":{got},\"seconds\":{el:.3},\"mb_per_second\":{:.1}}}", got as f64 / 1e6 / el)
}

async fn churn(addr: &str, loops: usize, secs: f64) -> String {
    let dur = Duration::from_secs_f64(secs);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..loops {
        let addr = addr.to_string();
        tasks.push(tokio::task::spawn_local(async move {
            let mut n = 0u64;
            let mut buf = [0u8; 16];
            while start.elapsed() < dur {
                let mut s = TcpStream::connect(&addr).await.expect("connect");
                s.write_all(&[b'z'; 16]).await.expect("write");
                s.read_exact(&mut buf).await.expect("read");
                drop(s);
                n += 1;
            }
            n
        }));
    }
    let mut total = 0;
    for t in tasks {
        total += t.await.unwrap_or(0);
    }
    let el = start.elapsed().as_secs_f64();
    format!("{{\"mode\":\"churn\",\"loops\":{loops},\"connections\":{total},\"seconds\":{el:.3},\"per_second\":{:.0}}}", total as f64 / el)
}

async fn idle(addr: &str, n: usize) -> String {
    let mut held = Vec::with_capacity(n);
    for _ in 0..n {
        held.push(TcpStream::connect(addr).await.expect("connect"));
    }
    // Let the server accept everything before the caller measures it.
    tokio::time::sleep(Duration::from_millis(500)).await;
    println!("{{\"mode\":\"idle\",\"connections\":{n}}}");
    let mut stdin = tokio::io::stdin();
    let mut sink = [0u8; 64];
    while let Ok(k) = stdin.read(&mut sink).await {
        if k == 0 {
            break;
        }
    }
    drop(held);
    String::new()
}

fn main() {
    let cli = Cli::parse();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let local = tokio::task::LocalSet::new();
    let out = local.block_on(&rt, async {
        match cli.mode {
            Mode::Pingpong {
                connections,
                size,
                seconds,
                count,
            } => pingpong(&cli.addr, connections, size, seconds, count).await,
            Mode::Bulk { mib, chunk } => bulk(&cli.addr, mib, chunk).await,
            Mode::Churn { loops, seconds } => churn(&cli.addr, loops, seconds).await,
            Mode::Idle { connections } => idle(&cli.addr, connections).await,
        }
    });
    if !out.is_empty() {
        println!("{out}");
    }
}
