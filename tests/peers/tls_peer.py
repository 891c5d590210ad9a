"""TLS peers that are not weft, for tests/js/test-tls-peer-*.js.
Usage: tls_peer.py serve

At start the peer makes a throw-away PKI with the `openssl` command (in a
temporary directory, removed once the servers have loaded their files; a
request that needs files gets a directory of its own, removed after it),
starts the TLS servers below on 127.0.0.1, prints the port of its plaintext
*control* server as its first line of output (the runner's PEER_PORT), and
serves until stdin closes. Without an `openssl` command it installs one with
apt-get when it runs as root, else it exits with a message (and prints no
port, which fails the test).

Set TLS_PEER_DEBUG=1 to log failed handshakes and connections on stderr
(many tests fail handshakes on purpose, so the peer is quiet by default).

Control protocol (tests/common/tls.js wraps it): connect to PEER_PORT, send
one JSON object on one line, read one JSON object on one line; then the
peer closes the connection. Requests:

  {"op": "info"}
      -> {"pem": {NAME: PEM text}, "ports": {SERVER: port}}
      PEM names: ca, inter, server, server.key, chained, client,
      client.key, self, self.key, expired, future, wrongname, cnonly,
      leaf.key (the key of server, chained, expired, future, wrongname,
      cnonly).
  {"op": "client", "port": N, ...options}
      Python's ssl module connects to 127.0.0.1:N as a TLS client, sends
      `send` bytes (a pattern, see pattern()) or `text`, reads until as many
      bytes came back (or EOF), closes, and answers
      {"ok": true, "version", "cipher", "alpn", "peer": {subject, issuer,
       subjectAltName}, "received": n, "echo": bool, "eof": bool}
      or {"ok": false, "stage": "connect"|"handshake"|"io", "error": str}.
      Options: ca (a PEM name to verify with; default: no verification),
      cert (PEM name of the client certificate; its key is NAME.key, or
      leaf.key), servername (SNI; default none), alpn (list),
      min / max ("TLSv1.2" | "TLSv1.3"), send (int), text (str).
  {"op": "raw", "port": N, "text": str, "end": bool}
      plain TCP: connects, sends `text` (latin-1), half-closes when `end`,
      reads until EOF; answers {"ok", "received": latin-1 text, "error"}.
  {"op": "s_client", "port": N, "text": str, "args": [...]}
      runs `openssl s_client -connect 127.0.0.1:N -ign_eof ARGS` with `text`
      as its input; PEM names in ARGS written as "@NAME" become file paths.
      Answers {"rc", "stdout", "stderr"}.

TLS servers (Python's ssl module unless noted), ports in info's "ports":
after the handshake each sends one JSON line describing the connection
{"sni", "alpn", "version", "cipher", "client": {subject CN} or null} and
then echoes everything until EOF ("talker" closes right after that line).

  good       server (CA-signed, SAN DNS:localhost, IP:127.0.0.1), ALPN
             x-weft, http/1.1 (server preference)
  chain      server + ca sent as the chain (root in chain)
  inter      chained + inter (leaf signed by an intermediate)
  self       a self-signed certificate (SAN localhost, 127.0.0.1)
  expired    CA-signed, valid 2020-01-01 .. 2021-01-01
  future     CA-signed, valid from 2099
  wrongname  CA-signed, CN wrong.example, SAN DNS:other.example, IP:10.9.8.7
  cnonly     CA-signed, CN localhost, no subjectAltName
  tls12      server, TLS 1.2 only
  mtls       server, requires a client certificate signed by ca
  talker     server; sends its line, then close_notify, then closes
  starttls   plaintext first: sends '220 plaintext first\n', waits for
             'STARTTLS\n', answers '220 go ahead\n', then TLS as "good"
             (without ALPN)
  s_server   `openssl s_server -rev` with server (echoes lines reversed),
             ALPN x-weft
  http       not TLS: reads once, answers an HTTP/1.1 400, closes
  closer     not TLS: closes (FIN) as soon as it accepted
"""
import ctypes
import fcntl
import json
import os
import select
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading

DIR = None
PEM = {}
PORTS = {}
CHILDREN = []


def log(*args):
    # Failed handshakes are what many tests expect: quiet unless asked.
    if os.environ.get("TLS_PEER_DEBUG"):
        print("tls_peer:", *args, file=sys.stderr, flush=True)


def pattern(n):
    return bytes((i * 31 + (i >> 10)) & 0xFF for i in range(n))


# --- certificates -----------------------------------------------------------

def find_openssl():
    exe = shutil.which("openssl")
    if exe:
        return exe
    if os.geteuid() == 0 and shutil.which("apt-get"):
        # Tests run in parallel, each with a peer: one installs, the others wait.
        with open(os.path.join(tempfile.gettempdir(), "weft-tls-peer-apt.lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            exe = shutil.which("openssl")
            if exe:
                return exe
            print("tls_peer: openssl not found; installing it with apt-get", file=sys.stderr,
                  flush=True)
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            for cmd in (["apt-get", "install", "-y", "openssl"],
                        ["apt-get", "update"],
                        ["apt-get", "install", "-y", "openssl"]):
                subprocess.run(cmd, stdout=sys.stderr, stderr=sys.stderr, env=env)
                exe = shutil.which("openssl")
                if exe:
                    return exe
    sys.exit("tls_peer: the `openssl` command is needed to make test certificates "
             "(install the openssl package)")


REQ_CNF = """
[req]
distinguished_name = dn
prompt = no
[dn]
"""

EXT_CNF = """
[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[inter_ext]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[server_ext]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[client_ext]
basicConstraints = CA:FALSE
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[self_ext]
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
[wrong_ext]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:other.example, IP:10.9.8.7
authorityKeyIdentifier = keyid
[cn_ext]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid
"""

CA_CNF = """
[ca]
default_ca = weft_ca
[weft_ca]
database = {d}/index.txt
new_certs_dir = {d}/newcerts
serial = {d}/serial
default_md = sha256
policy = any
unique_subject = no
email_in_dn = no
copy_extensions = none
[any]
commonName = supplied
"""


def make_pki(openssl, d):
    def run(*args):
        r = subprocess.run([openssl] + list(args), cwd=d, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.exit("tls_peer: openssl %s failed:\n%s%s" % (" ".join(args), r.stdout, r.stderr))
        return r.stdout

    with open(os.path.join(d, "req.cnf"), "w") as f:
        f.write(REQ_CNF)
    with open(os.path.join(d, "ext.cnf"), "w") as f:
        f.write(EXT_CNF)

    def key(name, rsa=False):
        if rsa:
            run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", name)
        else:
            run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name)

    def csr(keyfile, subj, out):
        run("req", "-new", "-config", "req.cnf", "-key", keyfile, "-subj", subj, "-out", out)

    def sign(csrfile, out, ext, serial, ca="ca", days="3650"):
        run("x509", "-req", "-in", csrfile, "-CA", ca + ".pem", "-CAkey", ca + ".key",
            "-set_serial", serial, "-days", days, "-sha256",
            "-extfile", "ext.cnf", "-extensions", ext, "-out", out)

    key("ca.key")
    csr("ca.key", "/CN=Weft Test CA/O=Weft Tests", "ca.csr")
    run("x509", "-req", "-in", "ca.csr", "-signkey", "ca.key", "-set_serial", "1", "-days", "3650",
        "-sha256", "-extfile", "ext.cnf", "-extensions", "ca_ext", "-out", "ca.pem")
    key("inter.key")
    csr("inter.key", "/CN=Weft Test Intermediate/O=Weft Tests", "inter.csr")
    sign("inter.csr", "inter.pem", "inter_ext", "2")

    # The leaf certificates share one RSA key (leaf.key); the client and the
    # self-signed certificate have EC keys of their own.
    key("leaf.key", rsa=True)
    csr("leaf.key", "/CN=localhost/O=Weft Tests/OU=Peers", "server.csr")
    sign("server.csr", "server.pem", "server_ext", "0x1001")
    sign("server.csr", "chained.pem", "server_ext", "0x1002", ca="inter")
    csr("leaf.key", "/CN=wrong.example", "wrong.csr")
    sign("wrong.csr", "wrongname.pem", "wrong_ext", "0x1003")
    csr("leaf.key", "/CN=localhost", "cn.csr")
    sign("cn.csr", "cnonly.pem", "cn_ext", "0x1004")
    key("client.key")
    csr("client.key", "/CN=weft client/O=Weft Tests", "client.csr")
    sign("client.csr", "client.pem", "client_ext", "0x2001")
    key("self.key")
    csr("self.key", "/CN=localhost/O=Weft Self", "self.csr")
    run("x509", "-req", "-in", "self.csr", "-signkey", "self.key", "-set_serial", "0x3001",
        "-days", "3650", "-sha256", "-extfile", "ext.cnf", "-extensions", "self_ext",
        "-out", "self.pem")

    # Certificates outside their validity period: `x509 -not_before` where this
    # OpenSSL has it (3.4+), else the `ca` tool's -startdate/-enddate.
    def dated(out, start, end, serial):
        help_text = subprocess.run([openssl, "x509", "-help"], stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True).stdout
        if "not_before" in help_text:
            run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-set_serial", serial, "-not_before", start, "-not_after", end, "-sha256",
                "-extfile", "ext.cnf", "-extensions", "server_ext", "-out", out)
            return
        cadir = os.path.join(d, "catool")
        os.makedirs(os.path.join(cadir, "newcerts"), exist_ok=True)
        with open(os.path.join(cadir, "index.txt"), "w"):
            pass
        with open(os.path.join(cadir, "serial"), "w") as f:
            f.write(serial[2:] + "\n")
        with open(os.path.join(cadir, "ca.cnf"), "w") as f:
            f.write(CA_CNF.format(d=cadir) + EXT_CNF)
        run("ca", "-batch", "-notext", "-config", os.path.join(cadir, "ca.cnf"),
            "-cert", "ca.pem", "-keyfile", "ca.key", "-in", "server.csr", "-out", out,
            "-startdate", start, "-enddate", end, "-extensions", "server_ext")

    dated("expired.pem", "20200101000000Z", "20210101000000Z", "0x1005")
    dated("future.pem", "20990101000000Z", "21000101000000Z", "0x1006")

    for name in ("ca", "inter", "server", "chained", "client", "self", "expired", "future",
                 "wrongname", "cnonly"):
        PEM[name] = read(os.path.join(d, name + ".pem"))
    for name in ("leaf", "client", "self", "server"):
        keyfile = "leaf.key" if name == "server" else name + ".key"
        PEM[name + ".key"] = read(os.path.join(d, keyfile))


def read(path):
    with open(path) as f:
        return f.read()


def path_of(name):
    """A PEM name (see info) as a file in DIR."""
    if name.endswith(".key"):
        return os.path.join(DIR, "leaf.key" if name == "server.key" else name)
    return os.path.join(DIR, name + ".pem")


def key_of(name):
    """The PEM name of the key that goes with a certificate's PEM name."""
    return name + ".key" if name + ".key" in PEM else "leaf.key"


class Files:
    """PEM texts written to a fresh temporary directory, removed on exit (the
    runner ends the peer with SIGKILL, so no file outlives a request)."""

    def __init__(self, names):
        self.names = names

    def __enter__(self):
        self.dir = tempfile.mkdtemp(prefix="weft-tls-")
        paths = {}
        for name in self.names:
            path = os.path.join(self.dir, name.replace("/", "_") + ".pem")
            with open(path, "w") as f:
                f.write(PEM[name])
            paths[name] = path
        return paths

    def __exit__(self, *exc):
        shutil.rmtree(self.dir, ignore_errors=True)


def chain_file(name, *names):
    path = os.path.join(DIR, name + "-chain.pem")
    with open(path, "w") as f:
        for n in names:
            f.write(PEM[n])
    return path


# --- TLS servers (Python's ssl) ----------------------------------------------

def cipher_of(s):
    c = s.cipher()
    return c[0] if c else None


def client_cn(s):
    cert = s.getpeercert()
    if not cert:
        return None
    for rdn in cert.get("subject", ()):
        for k, v in rdn:
            if k == "commonName":
                return v
    return None


def tls_server(name, certfile, keyfile, alpn=None, max_version=None, client_ca=None,
               talker=False, starttls=False):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(certfile, keyfile)
    if alpn:
        ctx.set_alpn_protocols(alpn)
    if max_version:
        ctx.maximum_version = max_version
    if client_ca:
        ctx.verify_mode = ssl.CERT_REQUIRED
        ctx.load_verify_locations(path_of(client_ca))
    sni = {}

    def on_sni(sock, servername, _ctx):
        sni[id(sock)] = servername

    ctx.sni_callback = on_sni
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(64)
    PORTS[name] = srv.getsockname()[1]

    def serve(conn):
        conn.settimeout(30)
        try:
            if starttls:
                conn.sendall(b"220 plaintext first\n")
                line = b""
                while not line.endswith(b"\n"):
                    part = conn.recv(1)
                    if not part:
                        raise OSError("closed before STARTTLS")
                    line += part
                if line != b"STARTTLS\n":
                    raise OSError("expected STARTTLS, got %r" % line)
                conn.sendall(b"220 go ahead\n")
            s = ctx.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError) as e:
            log(name, "handshake failed:", e)
            conn.close()
            return
        try:
            info = {
                "sni": sni.pop(id(s), None),
                "alpn": s.selected_alpn_protocol(),
                "version": s.version(),
                "cipher": cipher_of(s),
                "client": client_cn(s),
            }
            s.sendall((json.dumps(info) + "\n").encode())
            if not talker:
                while True:
                    data = s.recv(65536)
                    if not data:
                        break
                    s.sendall(data)
            try:
                s.unwrap().close()
            except (OSError, ssl.SSLError, ValueError):
                s.close()
        except (OSError, ssl.SSLError) as e:
            log(name, "connection:", e)
            s.close()

    def accept_loop():
        while True:
            conn, _ = srv.accept()
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()


def plain_server(name, respond):
    """A TCP server that is not TLS: `respond(conn)` talks to each client."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(64)
    PORTS[name] = srv.getsockname()[1]

    def serve(conn):
        with conn:
            conn.settimeout(30)
            try:
                respond(conn)
            except OSError as e:
                log(name, e)

    def accept_loop():
        while True:
            conn, _ = srv.accept()
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()


def http_response(conn):
    conn.recv(65536)
    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
    conn.shutdown(socket.SHUT_WR)
    while conn.recv(65536):
        pass


def close_at_once(conn):
    conn.shutdown(socket.SHUT_WR)
    while conn.recv(65536):
        pass


def die_with_parent():
    """In a child, before exec: SIGKILL when the peer dies (the runner ends
    the peer with SIGKILL, which leaves no chance to end children)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def openssl_server(openssl):
    p = subprocess.Popen(
        [openssl, "s_server", "-accept", "127.0.0.1:0", "-cert", path_of("server"),
         "-key", path_of("server.key"), "-alpn", "x-weft", "-rev"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, preexec_fn=die_with_parent)
    CHILDREN.append(p)
    for line in p.stdout:
        if line.startswith("ACCEPT"):
            PORTS["s_server"] = int(line.rsplit(":", 1)[1])
            break
    else:
        sys.exit("tls_peer: openssl s_server did not start")
    # Keep draining its output so that it never blocks on a full pipe.
    threading.Thread(target=lambda: [None for _ in p.stdout], daemon=True).start()


# --- control requests ---------------------------------------------------------

VERSIONS = {"TLSv1.2": ssl.TLSVersion.TLSv1_2, "TLSv1.3": ssl.TLSVersion.TLSv1_3}


def python_client(req):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    if req.get("ca"):
        ctx.load_verify_locations(cadata=PEM[req["ca"]])
    else:
        ctx.verify_mode = ssl.CERT_NONE
    if req.get("cert"):
        name = req["cert"]
        with Files([name, key_of(name)]) as paths:
            ctx.load_cert_chain(paths[name], paths[key_of(name)])
    if req.get("alpn"):
        ctx.set_alpn_protocols(req["alpn"])
    if req.get("min"):
        ctx.minimum_version = VERSIONS[req["min"]]
    if req.get("max"):
        ctx.maximum_version = VERSIONS[req["max"]]
    if "text" in req:
        data = req["text"].encode()
    else:
        data = pattern(int(req.get("send", 0)))
    try:
        raw = socket.create_connection(("127.0.0.1", int(req["port"])), timeout=30)
    except OSError as e:
        return {"ok": False, "stage": "connect", "error": str(e)}
    try:
        s = ctx.wrap_socket(raw, server_hostname=req.get("servername"))
    except (OSError, ssl.SSLError) as e:
        raw.close()
        return {"ok": False, "stage": "handshake", "error": str(e)}
    result = {
        "ok": True,
        "version": s.version(),
        "cipher": cipher_of(s),
        "alpn": s.selected_alpn_protocol(),
        "peer": None,
    }
    cert = s.getpeercert()
    if cert:
        result["peer"] = {
            "subject": dict(kv for rdn in cert.get("subject", ()) for kv in rdn),
            "issuer": dict(kv for rdn in cert.get("issuer", ()) for kv in rdn),
            "subjectAltName": [list(x) for x in cert.get("subjectAltName", ())],
        }
    # Send in uneven writes while reading, in one thread (an SSL object is
    # not safe for concurrent use), so that neither side's buffers can fill up
    # and stall the transfer.
    got = []
    total = 0
    eof = False
    off, size = 0, 1
    try:
        s.setblocking(False)
        while total < len(data) and not eof:
            want_write = off < len(data)
            r, w, _ = select.select([s], [s] if want_write else [], [], 30)
            if not r and not w:
                raise TimeoutError("no progress for 30 s")
            if want_write and w:
                n = min(size, len(data) - off)
                try:
                    off += s.send(data[off:off + n])
                    size = (size * 5 + 3) % 50000 or 1
                except (ssl.SSLWantWriteError, ssl.SSLWantReadError):
                    pass
            while True:
                try:
                    chunk = s.recv(65536)
                except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
                    break
                if not chunk:
                    eof = True
                    break
                got.append(chunk)
                total += len(chunk)
        s.setblocking(True)
        s.settimeout(30)
    except (OSError, ssl.SSLError) as e:
        s.close()
        result.update({"ok": False, "stage": "io", "error": str(e), "received": total})
        return result
    try:
        s.unwrap().close()
    except (OSError, ssl.SSLError, ValueError):
        s.close()
    result["received"] = total
    result["echo"] = b"".join(got) == data
    result["eof"] = eof
    return result


def raw_client(req):
    """Plain TCP: sends `text` (latin-1), half-closes if `end`, reads until EOF."""
    try:
        s = socket.create_connection(("127.0.0.1", int(req["port"])), timeout=30)
    except OSError as e:
        return {"ok": False, "error": str(e)}
    got = b""
    try:
        with s:
            if req.get("text"):
                s.sendall(req["text"].encode("latin-1"))
            if req.get("end"):
                s.shutdown(socket.SHUT_WR)
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                got += chunk
    except OSError as e:
        return {"ok": True, "received": got.decode("latin-1"), "error": str(e)}
    return {"ok": True, "received": got.decode("latin-1"), "error": None}


def s_client(req, openssl):
    names = [a[1:] for a in req.get("args", []) if a.startswith("@")]
    with Files(names) as paths:
        args = [paths[a[1:]] if a.startswith("@") else a for a in req.get("args", [])]
        try:
            r = subprocess.run([openssl, "s_client", "-connect", "127.0.0.1:%d" % int(req["port"]),
                                "-ign_eof"] + args, input=req.get("text", ""),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               timeout=30)
        except subprocess.TimeoutExpired as e:
            return {"rc": None, "stdout": e.stdout or "", "stderr": "timeout"}
    return {"rc": r.returncode, "stdout": r.stdout, "stderr": r.stderr}


def control(conn, openssl):
    with conn:
        conn.settimeout(60)
        line = b""
        while not line.endswith(b"\n"):
            part = conn.recv(4096)
            if not part:
                return
            line += part
        req = json.loads(line)
        op = req.get("op")
        if op == "info":
            answer = {"pem": PEM, "ports": PORTS}
        elif op == "client":
            answer = python_client(req)
        elif op == "raw":
            answer = raw_client(req)
        elif op == "s_client":
            answer = s_client(req, openssl)
        else:
            answer = {"error": "unknown op %r" % op}
        conn.sendall((json.dumps(answer) + "\n").encode())


def main():
    global DIR
    if len(sys.argv) != 2 or sys.argv[1] != "serve":
        sys.exit("usage: tls_peer.py serve")
    openssl = find_openssl()
    DIR = tempfile.mkdtemp(prefix="weft-tls-")
    try:
        make_pki(openssl, DIR)
        S, K = path_of("server"), path_of("server.key")
        tls_server("good", S, K, alpn=["x-weft", "http/1.1"])
        tls_server("chain", chain_file("chain", "server", "ca"), K)
        tls_server("inter", chain_file("inter", "chained", "inter"), K)
        tls_server("self", path_of("self"), path_of("self.key"))
        tls_server("expired", path_of("expired"), K)
        tls_server("future", path_of("future"), K)
        tls_server("wrongname", path_of("wrongname"), K)
        tls_server("cnonly", path_of("cnonly"), K)
        tls_server("tls12", S, K, max_version=ssl.TLSVersion.TLSv1_2)
        tls_server("mtls", S, K, client_ca="ca")
        tls_server("talker", S, K, talker=True)
        tls_server("starttls", S, K, starttls=True)
        plain_server("http", http_response)
        plain_server("closer", close_at_once)
        openssl_server(openssl)
        # Every server has read its files: none is needed from now on.
        shutil.rmtree(DIR, ignore_errors=True)

        ctl = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        ctl.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ctl.bind(("127.0.0.1", 0))
        ctl.listen(64)

        def accept_loop():
            while True:
                conn, _ = ctl.accept()
                threading.Thread(target=control, args=(conn, openssl), daemon=True).start()

        threading.Thread(target=accept_loop, daemon=True).start()
        print(ctl.getsockname()[1], flush=True)
        sys.stdin.read()
    finally:
        for p in CHILDREN:
            p.kill()
            p.wait()
        shutil.rmtree(DIR, ignore_errors=True)


if __name__ == "__main__":
    main()
