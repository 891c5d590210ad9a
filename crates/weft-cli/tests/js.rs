//! Runs every `tests/js/**/test-*.js` with `weft` (see tests/README.md).

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

const LIMIT: Duration = Duration::from_secs(60);

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
            n.starts_with("test-") && n.ends_with(".js")
                || n.starts_with("test-") && n.ends_with(".mjs")
        }) {
            out.push(p);
        }
    }
}

/// A peer process that is killed when dropped.
struct Peer(Child);

impl Drop for Peer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_peer(cmd: &str, root: &Path) -> Result<(Peer, String), Failed> {
    let mut parts = cmd.split_whitespace();
    let prog = parts.next().ok_or("empty peer command")?;
    let mut child = Command::new(prog)
        .args(parts)
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start peer `{cmd}`: {e}"))?;
    let stdout = child.stdout.take().ok_or("peer has no stdout")?;
    let peer = Peer(child);
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .map_err(|e| format!("peer output: {e}"))?;
    let port = line.trim().to_string();
    if port.is_empty() {
        return Err(format!("peer `{cmd}` printed no port").into());
    }
    Ok((peer, port))
}

fn run_one(file: &Path) -> Result<(), Failed> {
    let root = root();
    let source = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let first = source.lines().next().unwrap_or("");
    let mut _peer = None;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_weft"));
    // `// Flags: --a --b` in the file's first lines, as in Node's tests.
    if let Some(flags) = source
        .lines()
        .take(5)
        .find_map(|l| l.strip_prefix("// Flags:"))
    {
        cmd.args(flags.split_whitespace());
    }
    cmd.arg(file)
        .current_dir(root.join("tests"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(peer_cmd) = first.strip_prefix("// peer:") {
        let (peer, port) = start_peer(peer_cmd.trim(), &root)?;
        cmd.env("PEER_PORT", port);
        _peer = Some(peer);
    }
    let mut child = cmd.spawn().map_err(|e| format!("spawn weft: {e}"))?;
    let mut out = child.stdout.take().ok_or("no stdout")?;
    let mut err = child.stderr.take().ok_or("no stderr")?;
    let out_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            break Some(st);
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out_t.join().unwrap_or_default();
    let stderr = err_t.join().unwrap_or_default();
    match status {
        Some(st) if st.success() => Ok(()),
        Some(st) => {
            Err(format!("exit status {st}\n--- stdout\n{stdout}\n--- stderr\n{stderr}").into())
        }
        None => Err(format!(
            "timed out after {LIMIT:?}\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
        )
        .into()),
    }
}

fn main() {
    let args = Arguments::from_args();
    let root = root();
    let mut files = Vec::new();
    collect(&root.join("tests/js"), &mut files);
    let trials = files
        .into_iter()
        .map(|f| {
            let name = f
                .strip_prefix(root.join("tests"))
                .unwrap_or(&f)
                .to_string_lossy()
                .into_owned();
            Trial::test(name, move || run_one(&f))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
