#!/usr/bin/env python3
"""Peak memory of rounds-server under hostile uploads (docs/server.md, "Hostile input").

Starts `rounds-server serve` on 127.0.0.1 on a copy of a data folder, opens N connections at once,
each declaring a Content-Length of SIZE MiB and then sending that body as fast as it can, and reports
the server's peak resident set (VmHWM) and what each client got back. Bounded: every connection stops
after its SIZE MiB, or when the server answers or closes it, or after 60 s.

    bench/upload-memory.py build/dev/bin/rounds-server DATA_DIR [--uploads 4] [--size-mib 128]
"""
import argparse
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def upload(port, size, results, index):
    started = time.monotonic()
    sent = 0
    answer = b""
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        sock.sendall(b"POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % size)
        block = b" " * (1 << 20)
        sock.setblocking(False)
        while sent < size and time.monotonic() - started < 60:
            try:
                answer += sock.recv(65536)
                if answer:
                    break
            except BlockingIOError:
                pass
            try:
                sent += sock.send(block[: min(len(block), size - sent)])
            except BlockingIOError:
                time.sleep(0.001)
        sock.setblocking(True)
        sock.settimeout(60 - min(59, time.monotonic() - started))
        while b"\r\n" not in answer:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    except OSError as error:
        answer = answer or f"({error.__class__.__name__})".encode()
    results[index] = (sent, answer.split(b"\r\n")[0].decode(errors="replace"), time.monotonic() - started)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("server")
    parser.add_argument("data")
    parser.add_argument("--uploads", type=int, default=4)
    parser.add_argument("--size-mib", type=int, default=128)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="rounds-upload-")
    try:
        data = os.path.join(work, "data")
        shutil.copytree(args.data, data)
        server = subprocess.Popen([args.server, "serve", "--data", data, "--listen", "127.0.0.1:0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        port = int(server.stdout.readline().strip().rsplit(":", 1)[1])
        before = peak_rss_kib(server.pid)
        results = [None] * args.uploads
        threads = [threading.Thread(target=upload, args=(port, args.size_mib << 20, results, i))
                   for i in range(args.uploads)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        time.sleep(0.5)
        peak = peak_rss_kib(server.pid)
        server.terminate()
        server.wait(timeout=30)
        print(f"{args.uploads} uploads of {args.size_mib} MiB: peak RSS {before / 1024:.0f} MiB at start, "
              f"{peak / 1024:.0f} MiB after")
        for sent, status, seconds in results:
            print(f"  sent {sent / (1 << 20):.1f} MiB in {seconds:.2f} s, answer: {status or '(none)'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
