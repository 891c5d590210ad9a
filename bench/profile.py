#!/usr/bin/env python3
"""Server-side instructions per ping-pong message, under callgrind.

    python3 bench/profile.py weft            # bench/echo.js on target/release/weft
    python3 bench/profile.py node tokio      # several servers, one after the other
    python3 bench/profile.py --cmd "node bench/echo-pipe.js" --top 25
    python3 bench/profile.py weft --workload churn      # instructions per connection

For each server the script runs it twice under `valgrind --tool=callgrind`, once for
each message count (default 2000 and 4000 messages in all, over 10 connections of
64 bytes, sent by target/release/weft-loadgen `pingpong --count`), stops it with
SIGTERM and reads the total instruction count. The difference between the two runs,
divided by the difference in messages, is the cost of one message: start-up,
connection set-up and exit cancel out. The same difference is taken per function
(callgrind_annotate, exclusive cost), so the top of the list is where a message's
instructions go. Instruction counts are exact and do not depend on the machine's load,
unlike the timings of bench/run.py; they do not see cache misses or syscall cost
inside the kernel (callgrind counts user-space instructions only).

With --workload churn the two runs are churn runs (1 loop: connect, 16-byte echo,
close) of --churn-seconds each, and the unit is one connection.

A JIT runtime (node, bun) is still compiling its hot paths during the first few
thousand messages: use --messages 20000 40000 to see its steady state.
"""

import argparse
import json
import os
import re
import select
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
RELEASE = os.path.join(ROOT, "target", "release")
LOADGEN = os.path.join(RELEASE, "weft-loadgen")


def find_bun():
    local = os.path.join(BENCH, ".cache", "node_modules", ".bin", "bun")
    return os.environ.get("BUN") or (local if os.path.exists(local) else shutil.which("bun"))


def named(name):
    weft = os.path.join(RELEASE, "weft")
    table = {
        "weft": [weft, "bench/echo.js"],
        "weft-pipe": [weft, "bench/echo-pipe.js"],
        "tokio": [os.path.join(RELEASE, "weft-tokio-echo")],
        "node": [shutil.which("node") or "node", "bench/echo.js"],
        "node-pipe": [shutil.which("node") or "node", "bench/echo-pipe.js"],
        "bun": [find_bun() or "bun", "bench/echo.js"],
    }
    if name not in table:
        sys.exit(f"unknown server {name}: one of {', '.join(table)} or --cmd")
    return table[name]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(proc, timeout):
    deadline = time.monotonic() + timeout
    buf = b""
    fd = proc.stdout.fileno()
    while time.monotonic() < deadline and proc.poll() is None:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            buf += chunk
            if b"listening" in buf and b"\n" in buf:
                return True
    return False


def run_once(argv, messages, connections, size, outfile, churn_seconds=None):
    port = free_port()
    vg = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={outfile}",
          # JIT runtimes (node, bun) write code into the heap: have valgrind notice.
          "--smc-check=all-non-file"]
    proc = subprocess.Popen(["taskset", "-c", "0"] + vg + argv + [str(port)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        if not wait_listening(proc, 600):
            raise RuntimeError(f"{' '.join(argv)} did not start under valgrind: "
                               f"{proc.stderr.read().decode(errors='replace')[-500:] if proc.poll() is not None else ''}")
        if churn_seconds is None:
            per_conn = messages // connections
            args = ["pingpong", "--connections", str(connections), "--size", str(size), "--count", str(per_conn)]
        else:
            args = ["churn", "--loops", "1", "--seconds", str(churn_seconds)]
        out = subprocess.run(["taskset", "-c", "1", LOADGEN, "--addr", f"127.0.0.1:{port}"] + args,
                             capture_output=True, text=True, timeout=3600)
        if out.returncode != 0:
            raise RuntimeError(f"loadgen failed: {out.stderr[-300:]}")
        units = per_conn * connections if churn_seconds is None else json.loads(out.stdout.splitlines()[-1])["connections"]
        time.sleep(0.5)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    total = None
    with open(outfile) as f:
        for line in f:
            if line.startswith("summary:") or line.startswith("totals:"):
                total = int(line.split()[1])
    if total is None:
        raise RuntimeError(f"no totals in {outfile}")
    return total, units


FN_LINE = re.compile(r"^\s*([\d,]+)\s+(?:\([\s\d.]+%\)\s+)?(.+?)\s*$")


def per_function(outfile):
    """Exclusive instruction count per function, from callgrind_annotate."""
    out = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", outfile],
                         capture_output=True, text=True)
    fns = {}
    started = False
    for line in out.stdout.splitlines():
        if "file:function" in line:
            started = True
            continue
        if not started:
            continue
        m = FN_LINE.match(line)
        if not m:
            continue
        name = m.group(2)
        # "file:function'2 [/path/object]" -> "function [object]": drop the source file,
        # fold recursion levels ('2, '3 ...) together, keep the object's base name.
        obj = ""
        mo = re.search(r"\s\[(.+)\]$", name)
        if mo:
            obj = os.path.basename(mo.group(1))
            name = name[: mo.start()]
        if ":" in name and not name.startswith(("<", "_ZN")):
            head, _, rest = name.partition(":")
            if "/" in head or head == "???" or "." in head:
                name = rest
        name = re.sub(r"'\d+$", "", name)
        key = f"{name} [{obj}]" if obj else name
        fns[key] = fns.get(key, 0) + int(m.group(1).replace(",", ""))
    return fns


def component(key):
    """Which part of the program a function belongs to (for "function [object]" keys)."""
    name, _, obj = key.rpartition(" [")
    obj = obj.rstrip("]")
    if obj in ("weft", "weft-tokio-echo"):
        if name.startswith(("weft::", "<weft", "weft_tokio_echo")):
            return "weft's Rust code" if obj == "weft" else "the echo server's own code"
        if "rquickjs" in name:
            return "rquickjs (Rust bindings)"
        if name.startswith(("tokio::", "<tokio", "mio::", "<mio")):
            return "tokio / mio"
        if name.startswith(("core::", "alloc::", "std::", "<core", "<alloc", "<std", "<F as", "_ZN")):
            return "Rust std / closures"
        return "QuickJS (C)" if obj == "weft" else "other Rust"
    if obj in ("???", ""):
        return "unnamed code (JIT-compiled JS)"
    return obj


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("servers", nargs="*", default=["weft"], help="weft, weft-pipe, node, node-pipe, bun, tokio")
    ap.add_argument("--cmd", help="a server command instead (the port is appended)")
    ap.add_argument("--connections", type=int, default=10)
    ap.add_argument("--size", type=int, default=64)
    ap.add_argument("--messages", type=int, nargs=2, default=[2000, 4000], metavar=("FEW", "MANY"),
                    help="total messages of the two runs")
    ap.add_argument("--workload", choices=["pingpong", "churn"], default="pingpong")
    ap.add_argument("--churn-seconds", type=float, nargs=2, default=[3.0, 6.0], metavar=("SHORT", "LONG"),
                    help="durations of the two churn runs (under callgrind)")
    ap.add_argument("--top", type=int, default=15, help="functions to list (0: none)")
    ap.add_argument("--keep", help="directory to keep the callgrind.out files in")
    o = ap.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    for p in (LOADGEN,):
        if not os.path.exists(p):
            sys.exit(f"{p} missing: cargo build --release -p weft-loadgen -p weft-tokio-echo -p weft-cli")
    targets = [("cmd", shlex.split(o.cmd))] if o.cmd else [(s, named(s)) for s in o.servers]
    tmp = o.keep or tempfile.mkdtemp(prefix="weft-callgrind-")
    os.makedirs(tmp, exist_ok=True)
    churn = o.workload == "churn"
    unit = "connection" if churn else "message"
    if churn:
        print(f"churn under callgrind: 1 loop of connect, 16 B echo, close, for {o.churn_seconds[0]} s vs "
              f"{o.churn_seconds[1]} s; server-side instructions per connection")
    else:
        print(f"ping-pong under callgrind: {o.connections} connections x {o.size} B, "
              f"{o.messages[0]} vs {o.messages[1]} messages; server-side instructions per message")
    runs = list(zip(o.churn_seconds, [None, None])) if churn else list(zip([None, None], o.messages))
    for name, argv in targets:
        files, counts = [], []
        for secs, n in runs:
            f = os.path.join(tmp, f"callgrind.{name}.{o.workload}.{secs or n}")
            total, sent = run_once(argv, n or 0, o.connections, o.size, f, churn_seconds=secs)
            files.append(f)
            counts.append((total, sent))
            print(f"  {name}: {sent} {unit}s: {total:,} instructions", file=sys.stderr)
        (i1, m1), (i2, m2) = counts
        per_msg = (i2 - i1) / (m2 - m1)
        print(f"\n{name} ({' '.join(argv)}): {per_msg:,.0f} instructions per {unit}")
        if o.top:
            a, b = per_function(files[0]), per_function(files[1])
            diff = {k: b.get(k, 0) - a.get(k, 0) for k in set(a) | set(b)}
            total = i2 - i1
            print(f"  {('instr/msg' if unit == 'message' else 'instr/conn'):>10}  {'share':>6}  function (exclusive)")
            for k, v in sorted(diff.items(), key=lambda kv: -kv[1])[: o.top]:
                print(f"  {v / (m2 - m1):>10,.0f}  {100 * v / total:>5.1f}%  {k[:110]}")
            groups = {}
            for k, v in diff.items():
                groups[component(k)] = groups.get(component(k), 0) + v
            print("  by component:")
            for g, v in sorted(groups.items(), key=lambda kv: -kv[1]):
                if abs(v) / total >= 0.001:
                    print(f"  {v / (m2 - m1):>10,.0f}  {100 * v / total:>5.1f}%  {g}")
    if not o.keep:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
