"""Reports the kernel's view of a test's own sockets, which JavaScript cannot
read: socket options and listen backlogs. For tests/js. Prints the port it
listens on (127.0.0.1), serves until stdin closes. Usage: sockinfo_peer.py

A connection sends lines; each gets one line back:

  opts PID FD    the options of descriptor FD of process PID, taken with
                 pidfd_getfd(2) (Linux 5.6+, needs ptrace permission over
                 PID; the duplicate is closed at once):
                 'nodelay=N keepalive=N keepidle=N'
  backlog PORT   the backlog (sk_max_ack_backlog) of the TCP socket listening
                 on PORT, IPv4 or IPv6, from NETLINK_SOCK_DIAG: 'backlog=N'

A query that cannot be answered gets 'error MESSAGE'; 'opts' without
pidfd_getfd gets 'unsupported MESSAGE'.
"""
import ctypes
import os
import socket
import struct
import sys
import threading

SYS_pidfd_getfd = 438  # the same number on every Linux architecture
NETLINK_SOCK_DIAG = 4
SOCK_DIAG_BY_FAMILY = 20
NLM_F_REQUEST = 0x1
NLM_F_DUMP = 0x300
NLMSG_ERROR = 2
NLMSG_DONE = 3
TCP_LISTEN = 10

libc = ctypes.CDLL(None, use_errno=True)


def opts(pid, fd):
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError) as e:
        return "unsupported pidfd_open: %s" % e
    try:
        dup = libc.syscall(SYS_pidfd_getfd, pidfd, fd, 0)
        if dup < 0:
            return "unsupported pidfd_getfd: %s" % os.strerror(ctypes.get_errno())
    finally:
        os.close(pidfd)
    s = socket.socket(fileno=dup)
    try:
        return "nodelay=%d keepalive=%d keepidle=%d" % (
            s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY),
            s.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE),
            s.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE),
        )
    finally:
        s.close()


def listen_backlog(port):
    for family in (socket.AF_INET, socket.AF_INET6):
        nl = socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, NETLINK_SOCK_DIAG)
        try:
            # struct inet_diag_req_v2 with an empty inet_diag_sockid: dump
            # every listening TCP socket of the family.
            sockid = b"\0" * 40 + struct.pack("=II", 0xFFFFFFFF, 0xFFFFFFFF)
            req = struct.pack("=BBBBI", family, socket.IPPROTO_TCP, 0, 0, 1 << TCP_LISTEN) + sockid
            hdr = struct.pack("=IHHII", 16 + len(req), SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 1, 0)
            nl.send(hdr + req)
            done = False
            while not done:
                data = nl.recv(65536)
                off = 0
                while off + 16 <= len(data):
                    length, kind = struct.unpack_from("=IH", data, off)
                    if kind == NLMSG_DONE:
                        done = True
                        break
                    if kind == NLMSG_ERROR:
                        raise OSError("netlink error")
                    # struct inet_diag_msg: family, state, timer, retrans,
                    # then id.sport (big endian), ...; rqueue, wqueue at 56, 60.
                    msg = off + 16
                    sport = struct.unpack_from(">H", data, msg + 4)[0]
                    if sport == port:
                        return struct.unpack_from("=I", data, msg + 60)[0]
                    off += (length + 3) & ~3
        finally:
            nl.close()
    return None


def answer(line):
    parts = line.split()
    try:
        if parts[0] == "opts" and len(parts) == 3:
            return opts(int(parts[1]), int(parts[2]))
        if parts[0] == "backlog" and len(parts) == 2:
            n = listen_backlog(int(parts[1]))
            return "error no listening socket on %s" % parts[1] if n is None else "backlog=%d" % n
    except (OSError, ValueError) as e:
        return "error %s" % e
    return "error bad query %r" % line


def serve(conn):
    with conn:
        buf = b""
        while True:
            data = conn.recv(4096)
            if not data:
                return
            buf += data
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                conn.sendall((answer(line.decode()) + "\n").encode())


def main():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    print(srv.getsockname()[1], flush=True)

    def accept_loop():
        while True:
            conn, _ = srv.accept()
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()
    sys.stdin.read()


if __name__ == "__main__":
    main()
