"""TCP peers that are not weft, for tests/js. Prints the port it listens on
(127.0.0.1), serves until stdin closes. Usage: tcp_peer.py MODE

Modes:
  echo      echo every connection until the peer closes
  count     read until EOF, then send back the byte count and a SHA-256 of
            the bytes (as 'N HEX\\n'), then close: checks what weft sent after
            weft half-closed its side
  reset     read one chunk, then close with SO_LINGER 0 so the kernel sends RST
  talker    send 'hello\\n', half-close (FIN), then keep reading until EOF and
            send nothing more: checks weft's allowHalfOpen
  client    control port: weft connects and sends 'PORT\\n'; the peer then
            connects to that port, sends 1 MiB of patterned bytes in uneven
            writes, half-closes, reads until EOF and answers on the control
            connection 'ok N\\n' if the bytes that came back equal what it sent
  sink      a connection is either data or a query. A data connection is
            read until EOF (or reset); the peer records its byte count, the
            Adler-32 checksum of its bytes and how it ended ('eof' or
            'reset'). A query is a connection whose first byte is '?': the
            peer answers with the record of the oldest data connection not
            reported yet ('N ADLER32 HOW\\n', the checksum as 8 hex digits;
            it waits up to 10 s for one to complete), then closes. Checks
            that Net.close() sends what was queued before it disconnects.
  dial      control port: weft connects and sends 'PORT TEXT\\n'; the peer
            connects to 127.0.0.1:PORT, sends TEXT (latin-1), half-closes,
            reads until EOF and answers on the control connection
            'ok N ADLER32\\n' (byte count and checksum of what it received)
            or 'error MESSAGE\\n'. Checks a weft listener against a client
            that is not weft.
  flood     control port: weft connects and sends 'PATH N\n'; the peer
            connects to the Unix socket PATH (send buffer 1 MiB), queues as
            much of N patterned bytes as the kernel takes without blocking,
            answers on the control connection 'sent K\n' (K: the bytes
            queued), sends the rest, and closes. Weft, paused until 'sent',
            then finds K bytes waiting: its read sizes are deterministic.
  gate      a connection's first line says what it is. 'data': the peer
            reads nothing more until its gate opens (so weft's writes
            queue), then reads until EOF or reset and records the bytes
            after the line as sink does. 'open': opens the gate of the
            oldest data connection still waiting, answers with the record
            of the oldest data connection not reported yet
            ('N ADLER32 HOW\n'), then closes.
"""
import hashlib
import socket
import struct
import sys
import threading
import zlib


def pattern(n):
    return bytes((i * 31 + (i >> 10)) & 0xFF for i in range(n))


def recv_all(conn):
    chunks = []
    while True:
        data = conn.recv(65536)
        if not data:
            return b"".join(chunks)
        chunks.append(data)


def read_line(conn):
    """The first line (without its newline) and the bytes after it, or
    (None, b"") if the peer closes first."""
    buf = b""
    while b"\n" not in buf:
        part = conn.recv(4096)
        if not part:
            return None, b""
        buf += part
    line, _, rest = buf.partition(b"\n")
    return line, rest


def echo(conn):
    while True:
        data = conn.recv(65536)
        if not data:
            return
        conn.sendall(data)


def count(conn):
    data = recv_all(conn)
    conn.sendall(("%d %s\n" % (len(data), hashlib.sha256(data).hexdigest())).encode())


def reset(conn):
    conn.recv(65536)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def talker(conn):
    conn.sendall(b"hello\n")
    conn.shutdown(socket.SHUT_WR)
    recv_all(conn)


def client(conn):
    line, _ = read_line(conn)
    if line is None:
        return
    port = int(line.strip())
    data = pattern(1 << 20)
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    got = []
    reader = threading.Thread(target=lambda: got.append(recv_all(s)))
    reader.start()
    off, size = 0, 1
    while off < len(data):
        n = min(size, len(data) - off)
        s.sendall(data[off:off + n])
        off += n
        size = (size * 5 + 3) % 50000 or 1
    s.shutdown(socket.SHUT_WR)
    reader.join(30)
    back = got[0] if got else b""
    s.close()
    conn.sendall(("ok %d\n" % len(back)).encode() if back == data else ("mismatch %d\n" % len(back)).encode())


records = []
reported = 0
cond = threading.Condition()


def recv_until_eof(conn):
    chunks = []
    how = "eof"
    while True:
        try:
            data = conn.recv(65536)
        except ConnectionResetError:
            how = "reset"
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks), how


def record(data, how):
    with cond:
        records.append((len(data), "%08x" % zlib.adler32(data), how))
        cond.notify_all()


def answer_query(conn):
    """Sends the record of the oldest data connection not reported yet."""
    global reported
    with cond:
        cond.wait_for(lambda: len(records) > reported, timeout=10)
        if len(records) > reported:
            n, digest, how = records[reported]
            reported += 1
            answer = "%d %s %s\n" % (n, digest, how)
        else:
            answer = "none\n"
    conn.sendall(answer.encode())


def sink(conn):
    first = conn.recv(65536)
    if first.startswith(b"?"):
        answer_query(conn)
        return
    rest, how = recv_until_eof(conn) if first else (b"", "eof")
    record(first + rest, how)


def dial(conn):
    line = b""
    while not line.endswith(b"\n"):
        part = conn.recv(4096)
        if not part:
            return
        line += part
    port, _, text = line[:-1].partition(b" ")
    try:
        s = socket.create_connection(("127.0.0.1", int(port)), timeout=10)
        s.sendall(text)
        s.shutdown(socket.SHUT_WR)
        data, _ = recv_until_eof(s)
        s.close()
        conn.sendall(("ok %d %s\n" % (len(data), "%08x" % zlib.adler32(data))).encode())
    except OSError as e:
        conn.sendall(("error %s\n" % e).encode())


def flood(conn):
    line, _ = read_line(conn)
    if line is None:
        return
    path, _, n = line.decode().partition(" ")
    data = pattern(int(n))
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 20)
    s.settimeout(10)
    s.connect(path)
    s.setblocking(False)
    queued = 0
    try:
        while queued < len(data):
            queued += s.send(data[queued:queued + 65536])
    except BlockingIOError:
        pass
    conn.sendall(("sent %d\n" % queued).encode())
    s.settimeout(10)
    s.sendall(data[queued:])
    s.close()


gates = []  # one Event per data connection waiting for its 'open', oldest first


def gate(conn):
    line, rest = read_line(conn)
    if line is None:
        return
    if line == b"open":
        with cond:
            cond.wait_for(lambda: gates, timeout=10)
            if gates:
                gates.pop(0).set()
        answer_query(conn)
        return
    opened = threading.Event()
    with cond:
        gates.append(opened)
        cond.notify_all()
    opened.wait(10)
    more, how = recv_until_eof(conn)
    record(rest + more, how)


HANDLERS = {"echo": echo, "count": count, "reset": reset, "talker": talker, "client": client, "sink": sink, "dial": dial, "flood": flood, "gate": gate}


def main():
    handler = HANDLERS[sys.argv[1]]
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(64)
    print(srv.getsockname()[1], flush=True)

    def serve(conn):
        with conn:
            try:
                handler(conn)
            except OSError:
                pass

    def accept_loop():
        while True:
            conn, _ = srv.accept()
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()
    sys.stdin.read()


if __name__ == "__main__":
    main()
