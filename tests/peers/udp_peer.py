"""UDP peers that are not weft, for tests/js. Binds 127.0.0.1:0, prints the
port as its first line of output, serves until stdin closes.
Usage: udp_peer.py MODE

Modes:
  echo      send every datagram back to its sender, unchanged
  sender    wait for a datagram 'PORT <n>' (other datagrams are ignored);
            then send the datagrams 'one', 'two' and 'three' from this
            socket to 127.0.0.1:<n>, and from then on echo every datagram
            back to its sender: checks a weft server against a client that
            is not weft
"""
import socket
import sys
import threading


def recv(sock):
    # An ICMP error for an earlier datagram must not end the peer.
    while True:
        try:
            return sock.recvfrom(65535)
        except ConnectionRefusedError:
            continue


def echo(sock):
    while True:
        data, addr = recv(sock)
        sock.sendto(data, addr)


def sender(sock):
    while True:
        data, _ = recv(sock)
        parts = data.split()
        if len(parts) == 2 and parts[0] == b"PORT" and parts[1].isdigit():
            target = ("127.0.0.1", int(parts[1]))
            for word in (b"one", b"two", b"three"):
                sock.sendto(word, target)
            break
    echo(sock)


HANDLERS = {"echo": echo, "sender": sender}


def main():
    handler = HANDLERS[sys.argv[1]]
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    print(sock.getsockname()[1], flush=True)

    def serve():
        try:
            handler(sock)
        except OSError:
            pass

    threading.Thread(target=serve, daemon=True).start()
    sys.stdin.read()


if __name__ == "__main__":
    main()
