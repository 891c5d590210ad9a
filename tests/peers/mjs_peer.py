"""TCP peers that are not weft, for the mJS Net tests (tests/js/test-mjs-*.js).
Prints the port it listens on (127.0.0.1), serves until stdin closes.
Usage: mjs_peer.py MODE

Modes:
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
"""
import socket
import sys
import threading
import zlib

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


def sink(conn):
    global reported
    first = conn.recv(65536)
    if first.startswith(b"?"):
        with cond:
            cond.wait_for(lambda: len(records) > reported, timeout=10)
            if len(records) > reported:
                n, digest, how = records[reported]
                reported += 1
                answer = "%d %s %s\n" % (n, digest, how)
            else:
                answer = "none\n"
        conn.sendall(answer.encode())
        return
    rest, how = recv_until_eof(conn) if first else (b"", "eof")
    data = first + rest
    with cond:
        records.append((len(data), "%08x" % zlib.adler32(data), how))
        cond.notify_all()


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


HANDLERS = {"sink": sink, "dial": dial}


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
