#!/usr/bin/env python3
"""Weft benchmark suite: one command runs every workload against every server.

    python3 bench/run.py                 # full run: 3 rounds, 5 s per timed workload
    python3 bench/run.py --quick         # a smoke run in about a minute
    python3 bench/run.py --servers weft,node,tokio --workloads pingpong,bulk --rounds 5

Servers (started fresh for every measurement, pinned to core 0 with taskset):
  weft, weft-pipe   target/release/weft bench/echo.js | bench/echo-pipe.js
  node, node-pipe   node bench/echo.js | bench/echo-pipe.js       (if node is installed)
  bun, bun-pipe     bun bench/echo.js | bench/echo-pipe.js         (if bun is found)
  tokio             target/release/weft-tokio-echo: the ceiling, no JavaScript
The load client (target/release/weft-loadgen) runs pinned to core 1.

Workloads: pingpong, bulk, churn, idle (RSS with N idle connections), startup
(`X -e 0` wall time and peak RSS, and the RSS of an idle script). Servers are
interleaved within each round (the order rotates every round); the table shows
medians over the rounds. Results: bench/results/latest.json, .md and .png.

The host may be shared: before each timed run the runner waits (up to
--quiet-wait s) until other processes use less than --max-other-load cores, and
repeats a run during which they used more (up to --retries times), keeping the
quietest attempt. The server's CPU time per unit (utime+stime from
/proc/PID/stat) is reported next to every throughput: it is the steadier figure.

Python 3 standard library only; the chart uses matplotlib (installed with pip
at run time if missing; without it a plain PNG is written by hand).
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import resource
import select
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
RELEASE = os.path.join(ROOT, "target", "release")
# Paths of the binaries the run uses: copies of target/release/* taken at the start
# (see snapshot_binaries), so a rebuild in the middle of a run cannot mix two builds.
WEFT = os.path.join(RELEASE, "weft")
LOADGEN = os.path.join(RELEASE, "weft-loadgen")
TOKIO = os.path.join(RELEASE, "weft-tokio-echo")
CLK_TCK = os.sysconf("SC_CLK_TCK")

SERVER_CORE = "0"
CLIENT_CORE = "1"
CEILING = "tokio"

ALL_SERVERS = ["weft", "weft-pipe", "tokio", "node", "node-pipe", "bun", "bun-pipe"]
ALL_WORKLOADS = ["pingpong", "bulk", "churn", "idle", "startup"]

# metric name -> (label, unit, higher_is_better)
METRICS = {
    "pingpong_per_s": ("ping-pong", "msg/s", True),
    "pingpong_cpu_us": ("ping-pong server CPU", "us/msg", False),
    "bulk_mb_s": ("bulk echo", "MB/s", True),
    "bulk_cpu_s_gib": ("bulk server CPU", "s/GiB", False),
    "churn_per_s": ("churn", "conn/s", True),
    "churn_cpu_us": ("churn server CPU", "us/conn", False),
    "rss_idle_kib": ("RSS idle server", "KiB", False),
    "rss_conns_kib": ("RSS with idle conns", "KiB", False),
    "mem_per_conn_b": ("memory per idle conn", "B", False),
    "startup_ms": ("startup -e 0 (median)", "ms", False),
    "startup_mean_ms": ("startup -e 0 (mean)", "ms", False),
    "startup_maxrss_kib": ("peak RSS -e 0", "KiB", False),
    "idle_script_rss_kib": ("RSS idle script", "KiB", False),
    "idle_script_maxrss_kib": ("peak RSS idle script", "KiB", False),
    "idle_script_rss_anon_kib": ("idle script RssAnon", "KiB", False),
    "idle_script_rss_file_kib": ("idle script RssFile", "KiB", False),
    "other_load": ("CPU used by other processes", "cores", False),
}


# ---------------------------------------------------------------- helpers


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def raise_nofile():
    """preexec_fn for children: as many descriptors as the hard limit allows."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ValueError, OSError):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_cpu_s(pid):
    """utime + stime of the whole process (all threads), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def proc_status_kib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def proc_rss_kib(pid):
    return proc_status_kib(pid, "VmRSS")


CPUSTAT_FIELDS = ("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal")


def cpustat():
    """Per-CPU times from /proc/stat in seconds: {"cpu0": {"user": ..., ...}, ...}."""
    out = {}
    with open("/proc/stat") as f:
        for line in f:
            if line.startswith("cpu") and line[3].isdigit():
                parts = line.split()
                out[parts[0]] = {k: int(v) / CLK_TCK for k, v in zip(CPUSTAT_FIELDS, parts[1:])}
    return out


def cpustat_shares(a, b, wall, cores):
    return {c: {k: round((b[c][k] - a[c][k]) / wall, 3) for k in CPUSTAT_FIELDS} for c in cores if c in a and c in b}


def other_cpu_s(exclude):
    """CPU seconds of every process except `exclude` (pids), children they reaped included:
    {pid: seconds}. A loaded shared host shows here, whatever core it runs on."""
    out = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        pid = int(name)
        if pid in exclude:
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[pid] = sum(int(x) for x in fields[11:15]) / CLK_TCK
    return out


def other_load(before, after, wall):
    """Cores used by other processes between two other_cpu_s() samples. Plain sums: a
    process that exits between the samples moves its time into its parent's cutime, so
    sum(after) - sum(before) counts only what ran in between (new processes whole)."""
    return max(0.0, sum(after.values()) - sum(before.values())) / wall


def proc_fds(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return 0


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def find_bun():
    if os.environ.get("BUN"):
        return os.environ["BUN"]
    local = os.path.join(BENCH, ".cache", "node_modules", ".bin", "bun")
    if os.path.exists(local):
        return local
    return shutil.which("bun")


def version(cmd):
    try:
        out = subprocess.run(cmd + ["--version"], capture_output=True, text=True, timeout=20)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except Exception:
        return None


# ---------------------------------------------------------------- servers


class Server:
    """A server pinned to SERVER_CORE; started, measured and stopped by the runner."""

    def __init__(self, name, argv):
        self.name = name
        self.argv = argv
        self.proc = None
        self.port = None
        self.err_lines = []

    def start(self, timeout=30.0):
        for _attempt in range(5):
            self.port = free_port()
            self.proc = subprocess.Popen(
                ["taskset", "-c", SERVER_CORE] + self.argv + [str(self.port)],
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                preexec_fn=raise_nofile,
            )
            if self._wait_listening(timeout):
                # Keep both pipes drained so the server never blocks on them.
                self.err_lines = []
                for stream, sink in ((self.proc.stdout, None), (self.proc.stderr, self.err_lines)):
                    threading.Thread(target=_drain, args=(stream, sink), daemon=True).start()
                return True
            err = self._stop_collect()
            log(f"  {self.name}: did not start on port {self.port}: {err[-300:]!r}")
        return False

    def _wait_listening(self, timeout):
        deadline = time.monotonic() + timeout
        buf = b""
        fd = self.proc.stdout.fileno()
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                chunk = os.read(fd, 4096)
                if not chunk:
                    return False
                buf += chunk
                if b"listening" in buf and b"\n" in buf:
                    return True
        return False

    def _stop_collect(self):
        self.stop()
        try:
            return self.proc.stderr.read().decode(errors="replace") if self.proc.stderr else ""
        except Exception:
            return ""

    @property
    def pid(self):
        return self.proc.pid

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _drain(stream, sink):
    try:
        for line in stream:
            if sink is not None and len(sink) < 50:
                sink.append(line.decode(errors="replace"))
    except Exception:
        pass


def server_argvs(bun):
    node = shutil.which("node")
    argvs = {
        "weft": [WEFT, "bench/echo.js"],
        "weft-pipe": [WEFT, "bench/echo-pipe.js"],
        "tokio": [TOKIO],
    }
    if node:
        argvs["node"] = [node, "bench/echo.js"]
        argvs["node-pipe"] = [node, "bench/echo-pipe.js"]
    if bun:
        argvs["bun"] = [bun, "bench/echo.js"]
        argvs["bun-pipe"] = [bun, "bench/echo-pipe.js"]
    return argvs


def node_ref(server, servers):
    """The Node figure a server is compared with: node for echo.js, node-pipe for echo-pipe.js."""
    if server.endswith("-pipe") and "node-pipe" in servers:
        return "node-pipe"
    return "node"


# ---------------------------------------------------------------- workloads


def loadgen(port, args, timeout):
    argv = ["taskset", "-c", CLIENT_CORE, LOADGEN, "--addr", f"127.0.0.1:{port}"] + args
    out = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, preexec_fn=raise_nofile)
    if out.returncode != 0:
        raise RuntimeError(f"loadgen {' '.join(args)} failed ({out.returncode}): {out.stderr.strip()[-300:]}")
    lines = [l for l in out.stdout.splitlines() if l.startswith("{")]
    return json.loads(lines[-1])


def measure_timed(server, args, timeout):
    """Run the load client once; return its JSON and the server's CPU seconds during it."""
    exclude = {os.getpid(), server.pid}
    others0 = other_cpu_s(exclude)
    stat0 = cpustat()
    cpu0 = proc_cpu_s(server.pid)
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    res = loadgen(server.port, args, timeout)
    t1 = time.monotonic()
    cpu1 = proc_cpu_s(server.pid)
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    stat1 = cpustat()
    others1 = other_cpu_s(exclude)
    if not server.alive():
        raise RuntimeError("server exited during the run")
    client_cpu = (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)
    wall = t1 - t0
    # Other processes' CPU during the run: the noise of a shared host. (The load client
    # has exited by the second sample, so it is not in others1; its time is client_cpu.)
    res["other_load"] = round(other_load(others0, others1, wall), 3)
    res["server_core_use"] = round((cpu1 - cpu0) / wall, 3)
    res["client_core_use"] = round(client_cpu / wall, 3)
    # Where each core's time went (softirq: the loopback TCP work, charged to whoever runs).
    res["cpustat"] = cpustat_shares(stat0, stat1, wall, (f"cpu{SERVER_CORE}", f"cpu{CLIENT_CORE}"))
    return res, cpu1 - cpu0


def run_pingpong(server, o):
    res, cpu = measure_timed(
        server,
        ["pingpong", "--connections", str(o.connections), "--size", str(o.size), "--seconds", str(o.seconds)],
        o.seconds + 60,
    )
    return {
        "pingpong_per_s": res["per_second"],
        "pingpong_cpu_us": cpu / res["total_messages"] * 1e6 if res.get("total_messages") else None,
        "server_cpu_s": cpu,
        "other_load": res["other_load"],
        "server_core_use": res["server_core_use"],
        "client_core_use": res["client_core_use"],
        "client": res,
    }


def run_bulk(server, o):
    res, cpu = measure_timed(server, ["bulk", "--mib", str(o.mib), "--chunk", str(o.chunk)], 300)
    if res["bytes"] != o.mib << 20:
        raise RuntimeError(f"bulk echoed {res['bytes']} of {o.mib << 20} bytes")
    return {
        "bulk_mb_s": res["mb_per_second"],
        "bulk_cpu_s_gib": cpu / (res["bytes"] / 2**30),
        "server_cpu_s": cpu,
        "other_load": res["other_load"],
        "server_core_use": res["server_core_use"],
        "client_core_use": res["client_core_use"],
        "client": res,
    }


def run_churn(server, o):
    res, cpu = measure_timed(server, ["churn", "--loops", str(o.loops), "--seconds", str(o.seconds)], o.seconds + 60)
    return {
        "churn_per_s": res["per_second"],
        "churn_cpu_us": cpu / res["connections"] * 1e6 if res["connections"] else None,
        "server_cpu_s": cpu,
        "other_load": res["other_load"],
        "server_core_use": res["server_core_use"],
        "client_core_use": res["client_core_use"],
        "client": res,
    }


def run_idle(server, o):
    n = o.idle_connections
    rss0 = proc_rss_kib(server.pid)
    fds0 = proc_fds(server.pid)
    lg = subprocess.Popen(
        ["taskset", "-c", CLIENT_CORE, LOADGEN, "--addr", f"127.0.0.1:{server.port}", "idle", "--connections", str(n)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=raise_nofile,
    )
    try:
        deadline = time.monotonic() + 120
        fd = lg.stdout.fileno()
        line = b""
        while b"\n" not in line:
            if time.monotonic() > deadline or lg.poll() is not None:
                raise RuntimeError(f"idle client did not open {n} connections: {lg.stderr.read()[-300:]!r}")
            r, _, _ = select.select([fd], [], [], 0.2)
            if r:
                line += os.read(fd, 4096)
        # The client has all its connections; wait until the server accepted them all.
        accepted_at = None
        while time.monotonic() < deadline:
            if proc_fds(server.pid) >= fds0 + n:
                accepted_at = time.monotonic()
                break
            time.sleep(0.1)
        if accepted_at is None:
            raise RuntimeError(f"server holds {proc_fds(server.pid) - fds0} of {n} connections")
        time.sleep(0.5)
        rss1 = proc_rss_kib(server.pid)
        if not server.alive():
            raise RuntimeError("server exited during the run")
    finally:
        try:
            lg.stdin.close()
        except Exception:
            pass
        try:
            lg.wait(timeout=30)
        except subprocess.TimeoutExpired:
            lg.kill()
            lg.wait()
    return {
        "rss_conns_kib": rss1,
        "mem_per_conn_b": (rss1 - rss0) * 1024 / n,
        "rss_before_kib": rss0,
        "connections": n,
    }


WORKLOADS = {"pingpong": run_pingpong, "bulk": run_bulk, "churn": run_churn, "idle": run_idle}
MAIN_METRIC = {"pingpong": "pingpong_per_s", "bulk": "bulk_mb_s", "churn": "churn_per_s", "idle": "mem_per_conn_b"}
CPU_METRIC = {"pingpong": "pingpong_cpu_us", "bulk": "bulk_cpu_s_gib", "churn": "churn_cpu_us"}


def noise(m):
    """Cores' worth of CPU that other processes used during a run."""
    return m.get("other_load", 0.0)


def measure_once(rnd, w, s, argv, o):
    srv = Server(s, argv)
    rec = {"round": rnd, "workload": w, "server": s}
    try:
        if not srv.start():
            raise RuntimeError("server did not start")
        time.sleep(0.5)
        rec["rss_idle_kib"] = proc_rss_kib(srv.pid)
        rec["metrics"] = WORKLOADS[w](srv, o)
    except Exception as e:  # record, report, go on with the others
        rec["error"] = str(e)
        if srv.err_lines:
            rec["server_stderr"] = "".join(srv.err_lines)[-500:]
    finally:
        srv.stop()
    return rec


def wait_quiet(o):
    """Wait (up to --quiet-wait seconds) until other processes use less than --max-other-load
    cores over a one-second window. Returns the seconds waited."""
    t0 = time.monotonic()
    announced = False
    while time.monotonic() - t0 < o.quiet_wait:
        a = other_cpu_s({os.getpid()})
        time.sleep(1.0)
        load = other_load(a, other_cpu_s({os.getpid()}), 1.0)
        if load <= o.max_other_load:
            break
        if not announced:
            log(f"  waiting for a quiet machine (other processes use {load:.2f} cores)")
            announced = True
    return time.monotonic() - t0


def measure_with_retries(rnd, w, s, argv, o):
    """One measurement of workload w on server s. A timed run during which other processes
    used more than --max-other-load of the server or the client core is repeated (up to
    --retries times, after a pause); the quietest attempt is kept, the others are recorded."""
    attempts = []
    waited = 0.0
    for attempt in range(1 + (o.retries if w in CPU_METRIC else 0)):
        if w in CPU_METRIC:
            waited += wait_quiet(o)
        rec = measure_once(rnd, w, s, argv, o)
        attempts.append(rec)
        tag = f"round {rnd + 1}/{o.rounds} {w:8} {s:10}"
        if rec.get("error"):
            log(f"{tag} ERROR {rec['error']}")
            break
        m = rec["metrics"]
        main = MAIN_METRIC[w]
        line = f"{tag} {fmt(m[main]):>10} {METRICS[main][1]}"
        if w in CPU_METRIC:
            cpu = CPU_METRIC[w]
            line += (f"   server CPU {fmt(m[cpu])} {METRICS[cpu][1]}"
                     f"   core use: server {m['server_core_use']:.2f} client {m['client_core_use']:.2f}"
                     f"   other processes: {m['other_load']:.2f} cores")
            if noise(m) > o.max_other_load:
                line += "   (noisy" + (", again)" if attempt < o.retries else ", kept the quietest)")
        log(line)
        if w not in CPU_METRIC or noise(m) <= o.max_other_load:
            break
    ok = [a for a in attempts if not a.get("error")]
    best = min(ok, key=lambda a: noise(a["metrics"])) if ok else attempts[-1]
    best["attempts"] = len(attempts)
    best["waited_for_quiet_s"] = round(waited, 1)
    if len(attempts) > 1:
        best["discarded"] = [{"noise": noise(a["metrics"]) if not a.get("error") else None,
                              MAIN_METRIC[w]: a.get("metrics", {}).get(MAIN_METRIC[w]),
                              "error": a.get("error")} for a in attempts if a is not best]
    best["noisy"] = bool(ok) and noise(best["metrics"]) > o.max_other_load
    return best


def spawn_wait(argv, cpu):
    """Run argv pinned to one core; return (wall seconds, ru_maxrss KiB, exit status).

    The wall time is from posix_spawn to wait4. ru_maxrss is not the child's own peak:
    Linux folds the RSS of the address space replaced by exec (here the runner's,
    vfork) into it, so peak RSS is measured with peak_rss() instead."""
    old = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {int(cpu)})
    try:
        t0 = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ)
        _, status, ru = os.wait4(pid, 0)
        t1 = time.perf_counter()
    finally:
        os.sched_setaffinity(0, old)
    return t1 - t0, ru.ru_maxrss, status


def peak_rss(argv):
    """Peak RSS (KiB) of argv run to completion, from /usr/bin/time -f %M (GNU time forks
    the command from its own small process, so the figure is the command's own).
    Without /usr/bin/time: VmHWM of the same runtime holding a 200 ms timer, read at 150 ms."""
    gnu_time = "/usr/bin/time"
    if os.path.exists(gnu_time):
        out = subprocess.run([gnu_time, "-f", "maxrss=%M", "taskset", "-c", SERVER_CORE] + argv,
                             capture_output=True, text=True, timeout=60)
        for line in out.stderr.splitlines():
            if line.startswith("maxrss="):
                return int(line.split("=")[1]), "/usr/bin/time -f %M"
    p = subprocess.Popen(["taskset", "-c", SERVER_CORE, argv[0], "-e", "setTimeout(() => {}, 200)"])
    time.sleep(0.15)
    hwm = proc_status_kib(p.pid, "VmHWM")
    p.wait()
    return hwm, "VmHWM of a 200 ms timer script"


def idle_script_rss(argv_prefix, hold=1.0):
    """RSS of a script that only keeps a timer alive: VmRSS and VmHWM (its peak) after `hold` s."""
    argv = ["taskset", "-c", SERVER_CORE] + argv_prefix + ["-e", "setInterval(() => {}, 1000)"]
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL)
    time.sleep(hold)
    try:
        rss, hwm = proc_status_kib(p.pid, "VmRSS"), proc_status_kib(p.pid, "VmHWM")
        anon, file_ = proc_status_kib(p.pid, "RssAnon"), proc_status_kib(p.pid, "RssFile")
    except OSError:
        rss = hwm = anon = file_ = None
    p.terminate()
    p.wait()
    return rss, hwm, anon, file_


def run_startup(runtimes, o):
    """`X -e 0` runs interleaved across runtimes; plus the spawn cost of /bin/true for reference."""
    true = shutil.which("true") or "/bin/true"
    cmds = dict(runtimes)
    cmds["/bin/true"] = [true]
    times = {k: [] for k in cmds}
    for name, argv in cmds.items():  # warm the page cache
        spawn_wait(argv + ([] if name == "/bin/true" else ["-e", "0"]), SERVER_CORE)
    for i in range(o.startup_runs):
        names = list(cmds)
        names = names[i % len(names):] + names[: i % len(names)]
        for name in names:
            argv = cmds[name] + ([] if name == "/bin/true" else ["-e", "0"])
            wall, _, status = spawn_wait(argv, SERVER_CORE)
            if status != 0:
                raise RuntimeError(f"{' '.join(argv)} exited with status {status}")
            times[name].append(wall * 1000)
    out = {}
    for name in cmds:
        out[name] = {
            "startup_ms": statistics.median(times[name]),
            "startup_mean_ms": statistics.mean(times[name]),
            "startup_min_ms": min(times[name]),
            "runs": len(times[name]),
        }
    for name, argv in runtimes.items():
        peaks = [peak_rss(argv + ["-e", "0"]) for _ in range(5)]
        out[name]["startup_maxrss_kib"] = median([p[0] for p in peaks])
        out[name]["peak_rss_method"] = peaks[0][1]
        samples = [idle_script_rss(argv) for _ in range(3)]
        out[name]["idle_script_rss_kib"] = median([s[0] for s in samples])
        out[name]["idle_script_maxrss_kib"] = median([s[1] for s in samples])
        # VmRSS = RssAnon (private: heaps, stacks) + RssFile (pages of the binary and
        # shared libraries, shared with every other process mapping them).
        out[name]["idle_script_rss_anon_kib"] = median([s[2] for s in samples])
        out[name]["idle_script_rss_file_kib"] = median([s[3] for s in samples])
    return out


# ---------------------------------------------------------------- summary


def summarize(runs, startup, servers):
    per = {s: {} for s in servers}
    for r in runs:
        if r.get("error"):
            continue
        for k, v in r["metrics"].items():
            if k in METRICS and v is not None:
                per[r["server"]].setdefault(k, []).append(v)
        if r.get("rss_idle_kib") is not None:
            per[r["server"]].setdefault("rss_idle_kib", []).append(r["rss_idle_kib"])
    summary = {}
    for s in servers:
        summary[s] = {}
        for k, vs in per[s].items():
            summary[s][k] = {"median": statistics.median(vs), "min": min(vs), "max": max(vs), "n": len(vs)}
    # Startup figures are per runtime; the -pipe servers share their runtime's numbers.
    for s in servers:
        rt = s.split("-")[0]
        if rt in startup:
            for k in ("startup_ms", "startup_mean_ms", "startup_maxrss_kib", "idle_script_rss_kib",
                      "idle_script_maxrss_kib", "idle_script_rss_anon_kib", "idle_script_rss_file_kib"):
                if startup[rt].get(k) is not None and not s.endswith("-pipe"):
                    summary[s][k] = {"median": startup[rt][k], "n": startup[rt]["runs"]}
    return summary


def ratio(summary, s, ref, metric):
    a = summary.get(s, {}).get(metric)
    b = summary.get(ref, {}).get(metric)
    if not a or not b or not b["median"]:
        return None
    return a["median"] / b["median"]


def fmt(v, digits=None):
    if v is None:
        return "-"
    if digits is None:
        if abs(v) >= 100:
            return f"{v:,.0f}"
        if abs(v) >= 10:
            return f"{v:.1f}"
        return f"{v:.2f}"
    return f"{v:.{digits}f}"


def fmt_ratio(v):
    return "-" if v is None else f"{v:.2f}x"


TABLES = [
    ("ping-pong: {connections} connections x {size} B, messages/s", ["pingpong_per_s", "pingpong_cpu_us"]),
    ("bulk echo: {mib} MiB in {chunk}-byte writes, MB/s", ["bulk_mb_s", "bulk_cpu_s_gib"]),
    ("churn: connect, 16 B echo, close; {loops} loops, connections/s", ["churn_per_s", "churn_cpu_us"]),
    ("memory: {idle_connections} idle connections", ["rss_idle_kib", "rss_conns_kib", "mem_per_conn_b"]),
    ("startup (`X -e 0`, interleaved runs) and an idle script (`X -e \"setInterval(() => {{}}, 1000)\"` after 1 s)",
     ["startup_ms", "startup_mean_ms", "startup_maxrss_kib", "idle_script_rss_kib", "idle_script_maxrss_kib",
      "idle_script_rss_anon_kib", "idle_script_rss_file_kib"]),
]


def tables(summary, servers, opts):
    """Rows of (title, header, rows) for every table; ratios are value / reference."""
    out = []
    for title, metrics in TABLES:
        present = [m for m in metrics if any(m in summary[s] for s in servers)]
        if not present:
            continue
        header = ["server"]
        for m in present:
            label, unit, hib = METRICS[m]
            arrow = "higher is better" if hib else "lower is better"
            header += [f"{label} ({unit}, {arrow})", "x node", "x ceiling"]
        rows = []
        for s in servers:
            if not any(m in summary[s] for m in present):
                continue
            row = [s]
            for m in present:
                v = summary[s].get(m)
                cell = fmt(v["median"]) if v else "-"
                if v and v.get("min") is not None and v["n"] > 1:
                    cell += f" ({fmt(v['min'])}-{fmt(v['max'])})"
                row += [cell, fmt_ratio(ratio(summary, s, node_ref(s, servers), m)), fmt_ratio(ratio(summary, s, CEILING, m))]
            rows.append(row)
        # Drop the ratio columns that are empty in every row (no node or no ceiling figure).
        keep = [i for i in range(len(header)) if i == 0 or not header[i].startswith("x ")
                or any(r[i] != "-" for r in rows)]
        header = [header[i] for i in keep]
        rows = [[r[i] for i in keep] for r in rows]
        out.append((title.format(**vars(opts)), header, rows))
    return out


def print_text_tables(tabs):
    for title, header, rows in tabs:
        print()
        print(title)
        widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
        # Short column names on the terminal: metric label, then the two ratios.
        print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
        for r in rows:
            print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))


def markdown_tables(tabs):
    lines = []
    for title, header, rows in tabs:
        lines.append(f"**{title}** (median; range over rounds in parentheses; x node / x ceiling = value / reference)")
        lines.append("")
        lines.append("| " + " | ".join(header) + " |")
        lines.append("| " + " | ".join("---" for _ in header) + " |")
        for r in rows:
            lines.append("| " + " | ".join(r) + " |")
        lines.append("")
    return "\n".join(lines)


def targets(summary):
    """The issue's targets, evaluated on weft (bench/echo.js) unless stated."""
    def med(s, m):
        v = summary.get(s, {}).get(m)
        return v["median"] if v else None

    t = []

    def add(name, figure, goal, met, detail, by_cpu=None, met_by_cpu=None):
        t.append({"target": name, "measured": figure, "goal": goal,
                  "met": None if met is None else bool(met), "detail": detail,
                  "by_cpu": by_cpu, "met_by_cpu": None if met_by_cpu is None else bool(met_by_cpu)})

    def cpu_ratio(ref, s, m):
        """How many times less server CPU s spends per unit than ref (>1: s is cheaper)."""
        a, b = med(ref, m), med(s, m)
        return a / b if a and b else None

    r = ratio(summary, "weft", "node", "pingpong_per_s")
    rc = cpu_ratio("node", "weft", "pingpong_cpu_us")
    add("ping-pong >= 1.0x Node (aim 1.35x)", r, ">= 1.00x", None if r is None else r >= 1.0,
        f"throughput {fmt_ratio(r)} of node; by server CPU per message {fmt_ratio(rc)} "
        f"(weft {fmt(med('weft', 'pingpong_cpu_us'))} us, node {fmt(med('node', 'pingpong_cpu_us'))} us)",
        rc, None if rc is None else rc >= 1.0)
    r = ratio(summary, "weft", CEILING, "bulk_mb_s")
    rp = ratio(summary, "weft-pipe", CEILING, "bulk_mb_s")
    rc = cpu_ratio(CEILING, "weft", "bulk_cpu_s_gib")
    add("bulk echo >= 0.95x the tokio ceiling", r, ">= 0.95x", None if r is None else r >= 0.95,
        f"echo.js {fmt_ratio(r)}, echo-pipe.js {fmt_ratio(rp)} of tokio; server CPU per GiB: weft "
        f"{fmt(med('weft', 'bulk_cpu_s_gib'))} s, tokio {fmt(med(CEILING, 'bulk_cpu_s_gib'))} s, node {fmt(med('node', 'bulk_cpu_s_gib'))} s",
        rc, None if rc is None else rc >= 0.95)
    r = ratio(summary, "weft", "node", "churn_per_s")
    rc = cpu_ratio("node", "weft", "churn_cpu_us")
    add("churn >= 1.0x Node", r, ">= 1.00x", None if r is None else r >= 1.0,
        f"weft {fmt(med('weft', 'churn_per_s'))} conn/s, node {fmt(med('node', 'churn_per_s'))} conn/s; "
        f"by server CPU per connection {fmt_ratio(rc)} (weft {fmt(med('weft', 'churn_cpu_us'))} us, node {fmt(med('node', 'churn_cpu_us'))} us)",
        rc, None if rc is None else rc >= 1.0)
    m = med("weft", "mem_per_conn_b")
    add("memory per idle connection <= 2 KB (2048 B)", m, "<= 2048 B", None if m is None else m <= 2048,
        f"{fmt(m)} B per connection (node {fmt(med('node', 'mem_per_conn_b'))} B)")
    s = med("weft", "startup_ms")
    add("startup `weft -e 0` <= 3 ms", s, "<= 3 ms", None if s is None else s <= 3.0,
        f"median {fmt(s)} ms, mean {fmt(med('weft', 'startup_mean_ms'))} ms (node {fmt(med('node', 'startup_ms'))} ms)")
    a = med("weft", "idle_script_maxrss_kib")
    b = med("weft", "idle_script_rss_kib")
    c = med("weft", "startup_maxrss_kib")
    add("RSS of an idle script <= 5 MB (5120 KiB)", a, "<= 5120 KiB", None if a is None else a <= 5120,
        f"idle script VmHWM (peak) {fmt(a)} KiB, VmRSS after 1 s {fmt(b)} KiB (RssAnon {fmt(med('weft', 'idle_script_rss_anon_kib'))}, "
        f"RssFile {fmt(med('weft', 'idle_script_rss_file_kib'))}); `weft -e 0` peak {fmt(c)} KiB; "
        f"idle echo server {fmt(med('weft', 'rss_idle_kib'))} KiB")
    return t


# ---------------------------------------------------------------- chart


CHART_METRICS = ["pingpong_per_s", "pingpong_cpu_us", "bulk_mb_s", "bulk_cpu_s_gib", "churn_per_s",
                 "churn_cpu_us", "mem_per_conn_b", "rss_idle_kib", "startup_ms", "idle_script_maxrss_kib"]
COLORS = {"weft": "#d62728", "weft-pipe": "#ff9896", "tokio": "#7f7f7f", "node": "#2ca02c",
          "node-pipe": "#98df8a", "bun": "#e3b505", "bun-pipe": "#f3dd8a"}


def chart_data(summary, servers):
    data = []
    for m in CHART_METRICS:
        bars = []
        for s in servers:
            v = summary[s].get(m)
            ref = summary.get("node", {}).get(m)
            if v and ref and ref["median"]:
                bars.append((s, v["median"] / ref["median"], v["median"]))
        if bars:
            data.append((m, bars))
    return data


def draw_png(summary, servers, path, title):
    data = chart_data(summary, servers)
    if not data:
        return None
    import importlib.util
    if importlib.util.find_spec("matplotlib") is None:
        log("matplotlib missing: trying `python3 -m pip install matplotlib`")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "matplotlib"], check=False)
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log("matplotlib unavailable: writing a plain PNG without labels")
        plain_png(data, path)
        return "plain"
    cols = 5
    rows_n = (len(data) + cols - 1) // cols
    fig, axes = plt.subplots(rows_n, cols, figsize=(4.2 * cols, 3.8 * rows_n), squeeze=False)
    for ax in axes.flat[len(data):]:
        ax.axis("off")
    for ax, (m, bars) in zip(axes.flat, data):
        label, unit, hib = METRICS[m]
        names = [b[0] for b in bars]
        ys = [b[1] for b in bars]
        rects = ax.bar(range(len(bars)), ys, color=[COLORS.get(n, "#1f77b4") for n in names])
        for rect, (_, _, raw) in zip(rects, bars):
            ax.annotate(fmt(raw), (rect.get_x() + rect.get_width() / 2, rect.get_height()),
                        ha="center", va="bottom", fontsize=7)
        ax.axhline(1.0, color="black", linewidth=0.8, linestyle="--")
        ax.set_xticks(range(len(bars)))
        ax.set_xticklabels(names, rotation=45, ha="right", fontsize=8)
        ax.set_title(f"{label} ({unit})\n{'higher' if hib else 'lower'} is better", fontsize=9)
        ax.set_ylabel("relative to node", fontsize=8)
        if max(ys) / max(min(ys), 1e-9) > 50:
            ax.set_yscale("log")
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return "matplotlib " + matplotlib.__version__


def plain_png(data, path):
    """Fallback without matplotlib: one group of bars per metric (server colours as in COLORS), node = the grey line."""
    bar_w, gap, h = 14, 30, 300
    width = gap + sum(len(b) * bar_w + gap for _, b in data)
    img = [[(255, 255, 255)] * width for _ in range(h)]
    x = gap
    for _, bars in data:
        top = max(b[1] for b in bars)
        scale = (h - 40) / max(top, 1.0)
        base_y = h - 20
        for name, rel, _ in bars:
            c = COLORS.get(name, "#1f77b4")
            rgb = tuple(int(c[i:i + 2], 16) for i in (1, 3, 5))
            for yy in range(max(0, int(base_y - rel * scale)), base_y):
                for xx in range(x, x + bar_w - 2):
                    img[yy][xx] = rgb
            x += bar_w
        ref_y = int(base_y - scale)
        for xx in range(x - len(bars) * bar_w, x):
            img[ref_y][xx] = (0, 0, 0)
        x += gap
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in img)

    def chunk(tag, payload):
        return struct.pack(">I", len(payload)) + tag + payload + struct.pack(">I", zlib.crc32(tag + payload) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------- main


def machine_info():
    model = None
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                                    capture_output=True, text=True).stdout.strip())
    except OSError:
        commit, dirty = None, None
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "kernel": platform.release(),
        "machine": platform.machine(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "git_commit": commit,
        "git_dirty": dirty,
        "loadavg_start": os.getloadavg(),
        "python": platform.python_version(),
    }


def snapshot_binaries():
    """Copy the release binaries to a private directory for the whole run (the workspace
    is shared: someone may rebuild target/release while we measure). Returns build info."""
    global WEFT, LOADGEN, TOKIO
    d = tempfile.mkdtemp(prefix="weft-bench-")
    info = {}
    for name in ("weft", "weft-loadgen", "weft-tokio-echo"):
        src = os.path.join(RELEASE, name)
        dst = os.path.join(d, name)
        shutil.copy2(src, dst)
        with open(dst, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:16]
        info[name] = {"sha256_16": digest, "mtime": datetime.datetime.fromtimestamp(
            os.path.getmtime(src), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "bytes": os.path.getsize(dst)}
    WEFT, LOADGEN, TOKIO = (os.path.join(d, n) for n in ("weft", "weft-loadgen", "weft-tokio-echo"))
    return d, info


def staleness(weft_mtime):
    """Is target/release/weft older than the sources it is built from? (the newest
    modification time of the files git tracks or sees changed under crates/,
    Cargo.toml, Cargo.lock: a commit made after the build does not count, a
    checkout that changes files does)"""
    paths = ["crates", "Cargo.toml", "Cargo.lock"]
    try:
        tracked = subprocess.run(["git", "ls-files", "-z", "--"] + paths, cwd=ROOT,
                                 capture_output=True, text=True).stdout.split("\0")
        dirty = subprocess.run(["git", "status", "--porcelain", "--"] + paths, cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
    except OSError:
        return None
    files = [f for f in tracked if f] + [line[3:].strip() for line in dirty.splitlines()]
    newest = 0
    for f in files:
        f = os.path.join(ROOT, f)
        if os.path.isfile(f):
            newest = max(newest, int(os.path.getmtime(f)))
    return {"stale": weft_mtime < newest, "sources_changed_at": datetime.datetime.fromtimestamp(
        newest, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "uncommitted_source_changes": bool(dirty)}


def build_line(info):
    b = info["binaries"]["weft"]
    st = info.get("weft_build_vs_sources") or {}
    state = ""
    if st:
        state = (" - OLDER than its sources (changed " + st["sources_changed_at"] + ")") if st["stale"] else " (up to date with the sources)"
    return f"weft binary: built {b['mtime']}, sha256 {b['sha256_16']}..., {b['bytes']:,} bytes{state}"


def ensure_binaries(force):
    missing = [p for p in (WEFT, LOADGEN, TOKIO) if not os.path.exists(p)]
    if missing or force:
        log("building release binaries: cargo build --release -p weft-loadgen -p weft-tokio-echo -p weft-cli")
        subprocess.run(["cargo", "build", "--release", "-p", "weft-loadgen", "-p", "weft-tokio-echo", "-p", "weft-cli"],
                       cwd=ROOT, check=True)


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=5.0, help="measured seconds of ping-pong and churn")
    ap.add_argument("--servers", default=",".join(ALL_SERVERS), help="comma list; missing runtimes are skipped")
    ap.add_argument("--workloads", default=",".join(ALL_WORKLOADS))
    ap.add_argument("--connections", type=int, default=50, help="ping-pong connections")
    ap.add_argument("--size", type=int, default=64, help="ping-pong message size")
    ap.add_argument("--mib", type=int, default=512, help="bulk echo MiB")
    ap.add_argument("--chunk", type=int, default=65536, help="bulk echo write size")
    ap.add_argument("--loops", type=int, default=20, help="churn loops")
    ap.add_argument("--idle-connections", type=int, default=10000)
    ap.add_argument("--startup-runs", type=int, default=50)
    ap.add_argument("--max-other-load", type=float, default=0.10,
                    help="repeat a timed run if other processes used more CPU than this (in cores)")
    ap.add_argument("--retries", type=int, default=3, help="repeats of a noisy timed run")
    ap.add_argument("--quiet-wait", type=float, default=60.0,
                    help="before a timed run, wait up to this many seconds for other processes to go below --max-other-load")
    ap.add_argument("--quick", action="store_true", help="1 round, 2 s, 128 MiB, 2000 idle connections, 10 startups")
    ap.add_argument("--build", action="store_true", help="rebuild the release binaries first")
    ap.add_argument("--out", default=os.path.join(BENCH, "results", "latest"), help="path prefix of .json/.md/.png")
    ap.add_argument("--render", metavar="JSON", help="measure nothing: print and redraw (.md, .png) the results saved in JSON")
    o = ap.parse_args()
    if o.quick:
        o.rounds, o.seconds, o.mib, o.idle_connections, o.startup_runs = 1, 2.0, 128, 2000, 10
    return o


def main():
    o = parse_args()
    if o.render:
        with open(o.render) as f:
            result = json.load(f)
        report(result, o.render[:-5] if o.render.endswith(".json") else o.render)
        return
    command = "python3 bench/run.py " + " ".join(sys.argv[1:])
    ensure_binaries(o.build)
    bindir, build = snapshot_binaries()
    bun = find_bun()
    argvs = server_argvs(bun)
    wanted = [s.strip() for s in o.servers.split(",") if s.strip()]
    servers = [s for s in wanted if s in argvs]
    skipped = [s for s in wanted if s not in argvs]
    if skipped:
        log(f"skipping (runtime not found): {', '.join(skipped)}")
    workloads = [w.strip() for w in o.workloads.split(",") if w.strip()]
    for w in workloads:
        if w not in ALL_WORKLOADS:
            sys.exit(f"unknown workload {w}; choose from {', '.join(ALL_WORKLOADS)}")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if "idle" in workloads and hard < o.idle_connections + 100:
        log(f"warning: the descriptor limit ({hard}) is below {o.idle_connections} connections")

    info = machine_info()
    info["versions"] = {
        "weft": version([WEFT]),
        "node": version([argvs["node"][0]]) if "node" in argvs else None,
        "bun": version([bun]) if bun else None,
    }
    info["bun_path"] = bun
    info["binaries"] = build
    info["weft_build_vs_sources"] = staleness(os.path.getmtime(os.path.join(RELEASE, "weft")))
    if info["weft_build_vs_sources"] and info["weft_build_vs_sources"]["stale"]:
        log("warning: target/release/weft is older than its sources (run with --build to rebuild first)")
    log(f"servers: {', '.join(servers)}; workloads: {', '.join(workloads)}; rounds: {o.rounds}")

    runs = []
    timed = [w for w in workloads if w in WORKLOADS]
    t_start = time.monotonic()
    for rnd in range(o.rounds):
        order = servers[rnd % len(servers):] + servers[: rnd % len(servers)]
        for w in timed:
            for s in order:
                rec = measure_with_retries(rnd, w, s, argvs[s], o)
                runs.append(rec)
                time.sleep(0.2)

    startup = {}
    if "startup" in workloads:
        runtimes = {}
        for s in servers:
            rt = s.split("-")[0]
            if rt in ("weft", "node", "bun") and rt in argvs:
                runtimes[rt] = [argvs[rt][0]]
        if runtimes:
            log(f"startup: {o.startup_runs} runs of `X -e 0` each, interleaved: {', '.join(runtimes)}")
            wait_quiet(o)
            a, t0 = other_cpu_s({os.getpid()}), time.monotonic()
            startup = run_startup(runtimes, o)
            info["startup_other_load"] = round(other_load(a, other_cpu_s({os.getpid()}), time.monotonic() - t0), 3)

    shutil.rmtree(bindir, ignore_errors=True)
    info["loadavg_end"] = os.getloadavg()
    ok = [r["metrics"] for r in runs if not r.get("error") and "other_load" in r.get("metrics", {})]
    loads = [m["other_load"] for m in ok]
    info["other_load_median"] = median(loads)
    info["other_load_max"] = max(loads) if loads else None
    timed_runs = [r for r in runs if r["workload"] in CPU_METRIC and not r.get("error")]
    info["timed_runs"] = len(timed_runs)
    info["timed_runs_repeated"] = sum(1 for r in timed_runs if r.get("attempts", 1) > 1)
    info["timed_runs_still_noisy"] = sum(1 for r in timed_runs if r.get("noisy"))
    info["duration_s"] = round(time.monotonic() - t_start, 1)
    summary = summarize(runs, startup, servers)
    result = {
        "command": command,
        "machine": info,
        "options": {k: v for k, v in vars(o).items() if k not in ("out", "render")},
        "method": {
            "server_core": SERVER_CORE, "client_core": CLIENT_CORE, "pinning": "taskset -c",
            "server_cpu": "utime+stime of the server from /proc/PID/stat across the load client's run",
            "pingpong_cpu_us": "server CPU / all messages echoed (warm-up included)",
            "mem_per_conn_b": "(VmRSS with N idle connections - VmRSS just before) / N",
            "other_load": "CPU time of all other processes (and the children they reaped) during the run, in cores",
            "ratios": "value / reference median; echo-pipe.js servers are compared with node-pipe",
        },
        "servers": {s: argvs[s] for s in servers},
        "summary": summary,
        "startup": startup,
        "targets": targets(summary),
        "runs": runs,
    }
    report(result, o.out, write_json=True)


def report(result, out, write_json=False):
    """Print the tables and targets, write OUT.md and OUT.png (and OUT.json)."""
    info, summary, startup = result["machine"], result["summary"], result["startup"]
    servers = list(result["servers"])
    opts = argparse.Namespace(**result["options"])
    tabs = tables(summary, servers, opts)
    tgt = result["targets"] = targets(summary)
    runs = result["runs"]
    errors = [r for r in runs if r.get("error")]
    commit = f"{str(info['git_commit'])[:12]}{' (dirty)' if info['git_dirty'] else ''}"
    noise_line = None
    if info.get("other_load_median") is not None:
        noise_line = (f"other processes used a median {info['other_load_median']:.2f} (max {info['other_load_max']:.2f}) cores "
                      f"during the kept timed runs; {info['timed_runs_repeated']} of {info['timed_runs']} runs were repeated "
                      f"for noise > {opts.max_other_load} cores, {info['timed_runs_still_noisy']} still noisy after {opts.retries} repeats")
    setup = (f"servers on core {SERVER_CORE}, client on core {CLIENT_CORE} (taskset); medians of {opts.rounds} rounds; "
             f"'x node' compares echo.js servers with node and echo-pipe.js servers with node-pipe; 'x ceiling' with tokio")

    print(f"\nWeft benchmark ({info['date']}, commit {commit}, {info['cpu_model']}, {info['nproc']} CPUs, kernel {info['kernel']})")
    print(f"command: {result['command']}")
    print(build_line(info))
    if noise_line:
        print(noise_line)
    print(setup)
    print_text_tables(tabs)
    if startup.get("/bin/true"):
        print(f"\n(spawning /bin/true the same way takes {fmt(startup['/bin/true']['startup_ms'])} ms: included in the startup figures)")
    print("\ntargets (weft = bench/echo.js on weft; [throughput | server CPU] where both apply):")
    for t in tgt:
        state = "n/a" if t["met"] is None else ("MET" if t["met"] else "NOT MET")
        if t["met_by_cpu"] is not None:
            state += " | " + ("MET" if t["met_by_cpu"] else "NOT MET")
        print(f"  [{state:17}] {t['target']}: {t['detail']}")
    if errors:
        print(f"\n{len(errors)} run(s) failed:")
        for r in errors:
            print(f"  round {r['round'] + 1} {r['workload']} {r['server']}: {r['error']}")

    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    png = out + ".png"
    chart = draw_png(summary, servers, png, f"weft benchmarks, medians of {opts.rounds} rounds; every bar relative to node "
                     f"running echo.js ({info['date']}, {str(info['git_commit'])[:12]})")
    result["chart"] = chart
    if write_json:
        with open(out + ".json", "w") as f:
            json.dump(result, f, indent=1)
    with open(out + ".md", "w") as f:
        f.write(f"Command: `{result['command']}`  \n")
        f.write(f"Machine: {info['cpu_model']}, {info['nproc']} CPUs, kernel {info['kernel']}; {info['date']}; "
                f"commit {commit}; versions: {json.dumps(info['versions'])}  \n{build_line(info)}  \n")
        if noise_line:
            f.write(noise_line + "  \n")
        f.write(setup + "\n\n")
        f.write(markdown_tables(tabs))
        if startup.get("/bin/true"):
            f.write(f"\nSpawning `/bin/true` the same way takes {fmt(startup['/bin/true']['startup_ms'])} ms "
                    "(included in the startup figures).\n")
        f.write("\n| target | measured | met (throughput) | met (server CPU) |\n| --- | --- | --- | --- |\n")
        for t in tgt:
            state = "n/a" if t["met"] is None else ("yes" if t["met"] else "**no**")
            cstate = "" if t["met_by_cpu"] is None else ("yes" if t["met_by_cpu"] else "**no**")
            f.write(f"| {t['target']} | {t['detail']} | {state} | {cstate} |\n")
    log(f"\nwrote {out + '.json, ' if write_json else ''}{out}.md, {png if chart else '(no chart)'} ({chart})"
        + (f"; took {info['duration_s']} s" if write_json else ""))

if __name__ == "__main__":
    main()
