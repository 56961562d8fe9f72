"""Gazette's JVM CPU by thread, idle and under a fixed low rate of Akismet comment-checks, each on a new HTTP/1.0
connection as WordPress's socket transport makes them. Usage: low-rate.py PID PORT KEY [rate, 30] [seconds, 20]"""
import collections, os, re, socket, sys, time

pid, port, key = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rate = float(sys.argv[4]) if len(sys.argv) > 4 else 30
seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 20
tick_ms = 1000 / os.sysconf("SC_CLK_TCK")


def threads():
    """CPU ms so far of each live thread, by tid: (name with digits folded, ms)."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
        except FileNotFoundError:
            continue
        name = re.sub(r"\d+", "N", stat[stat.index("(") + 1:stat.rindex(")")])
        fields = stat[stat.rindex(")") + 2:].split()
        out[tid] = (name, (int(fields[11]) + int(fields[12])) * tick_ms)
    return out


def report(title, before, after, checks):
    by_name, count = collections.Counter(), collections.Counter()
    for tid, (name, ms) in after.items():
        by_name[name] += ms - before.get(tid, (name, 0))[1]
        count[name] += 1
    total = sum(by_name.values())
    load = " ".join(open("/proc/loadavg").read().split()[:3])
    per = f", {total / checks:.2f} ms/check" if checks else ""
    print(f"{title}: {total / seconds:.1f} ms CPU/s{per}  (load {load})")
    for name, ms in by_name.most_common(8):
        if ms:
            print(f"  {name:24s} x{count[name]:<3d} {ms / seconds:7.1f} ms/s" + (f"  {ms / checks:6.3f} ms/check" if checks else ""))


def check(n):
    body = ("blog=http%3A%2F%2F127.0.0.1%2F&blog_lang=en_US&blog_charset=UTF-8&user_ip=127.0.0.1&user_agent=Mozilla%2F5.0"
            "&permalink=http%3A%2F%2F127.0.0.1%2F%3Fp%3D1&comment_type=comment&comment_author=Reader+" + str(n % 50)
            + "&comment_author_email=reader" + str(n % 50) + "%40example.org&comment_content=Comment+" + str(n)
            + "+about+the+ferry+timetable.&api_key=" + key)
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(("POST /1.1/comment-check HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: Close\r\nContent-Type:"
                   " application/x-www-form-urlencoded; charset=UTF-8\r\nContent-Length: %d\r\n\r\n%s"
                   % (len(body), body)).encode())
        answer = b"".join(iter(lambda: s.recv(65536), b""))
    if not (answer.endswith(b"true") or answer.endswith(b"false")):
        sys.exit("Gazette said: " + answer.decode(errors="replace"))


before = threads()
time.sleep(seconds)
report(f"idle {seconds:.0f} s", before, threads(), 0)
before, start, n = threads(), time.monotonic(), 0
while n < rate * seconds:
    delay = start + n / rate - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    check(n)
    n += 1
report(f"{rate:.0f} checks/s for {seconds:.0f} s, a new connection each", before, threads(), n)
