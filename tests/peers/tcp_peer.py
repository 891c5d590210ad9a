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
"""
import hashlib
import socket
import struct
import sys
import threading


def pattern(n):
    return bytes((i * 31 + (i >> 10)) & 0xFF for i in range(n))


def recv_all(conn):
    chunks = []
    while True:
        data = conn.recv(65536)
        if not data:
            return b"".join(chunks)
        chunks.append(data)


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
    line = b""
    while not line.endswith(b"\n"):
        part = conn.recv(100)
        if not part:
            return
        line += part
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


HANDLERS = {"echo": echo, "count": count, "reset": reset, "talker": talker, "client": client}


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
