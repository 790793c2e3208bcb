#!/usr/bin/env python3
# Measures `litbook serve` on a copy of the shipped notes: edit -> page updated latency, idle CPU and RSS, a burst of saves.
"""Usage: Benchmarks/serve-bench/serve-bench.py [--litbook .build/release/litbook] [--notes Notes]

Starts `litbook serve --port 0` on a copy of the notes (with a copy of .litbook-cache when there is
one, so the first build takes results from the cache), listens on the reload channel like a
browser, and prints:
  - prose edit -> reload event and page fetched with the change (median of 5, seconds);
  - cell edit -> the same, which includes compiling and running the note (median of 3);
  - idle CPU (percent of one core over 10 s) and RSS (MB) of serve;
  - 100 saves of one note within 10 s -> compilations started, runs finished, and whether the
    final page shows the final file's output.
Standard library only; litbook's tests never need it.
"""
import argparse, os, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, threading, time

parser = argparse.ArgumentParser()
parser.add_argument("--litbook", default=".build/release/litbook")
parser.add_argument("--notes", default="Notes")
args = parser.parse_args()
litbook = os.path.abspath(args.litbook)
work = tempfile.mkdtemp(prefix="serve-bench-")
shutil.copytree(args.notes, os.path.join(work, "Notes"))
if os.path.isdir(".litbook-cache"):
    shutil.copytree(".litbook-cache", os.path.join(work, ".litbook-cache"))
compiles = os.path.join(work, "compiles.log")
real_swiftc = os.environ.get("LITBOOK_SWIFTC") or shutil.which("swiftc") or "/opt/swift/usr/bin/swiftc"
wrapper = os.path.join(work, "swiftc")
with open(wrapper, "w") as f:
    f.write(f'#!/bin/sh\n[ "$1" = "--version" ] || echo compile >> {compiles}\nexec {real_swiftc} "$@"\n')
os.chmod(wrapper, 0o755)
BENCH = "Notes/zz-serve-bench.md"
def bench_note(value):
    return f"# 服务基准\n\nA note the benchmark edits.\n\n```swift\nprint(\"value\", {value})\n```\n"
with open(os.path.join(work, BENCH), "w") as f:
    f.write(bench_note(0))

environment = dict(os.environ, LITBOOK_SWIFTC=wrapper)
environment.pop("CI", None)
out = open(os.path.join(work, "stdout.txt"), "w+")
server = subprocess.Popen([litbook, "serve", "--port", "0", "Notes"], cwd=work, env=environment,
                          stdout=out, stderr=subprocess.STDOUT)
started = time.time()
port = None
while port is None:
    if server.poll() is not None or time.time() - started > 1800:
        sys.exit("serve did not start:\n" + open(out.name).read())
    match = re.search(r"Serving http://127\.0\.0\.1:(\d+)/", open(out.name).read())
    port = int(match.group(1)) if match else None
    time.sleep(0.1)
print(f"first build and listen: {time.time() - started:.2f} s")

def get(path):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data.decode("utf-8", "replace")

events, events_lock = [], threading.Lock()
def listen():
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /_litbook/events HTTP/1.1\r\nHost: x\r\n\r\n")
    buffer = b""
    while chunk := s.recv(65536):
        buffer += chunk
        while b"\n\n" in buffer:
            event, buffer = buffer.split(b"\n\n", 1)
            with events_lock:
                events.append((time.time(), event.decode("utf-8", "replace")))
threading.Thread(target=listen, daemon=True).start()
time.sleep(0.5)

def measure(edit, page, expected, timeout=600):
    """Seconds from the write to the reload event naming `page`, and to a fetch showing `expected`."""
    with events_lock:
        seen = len(events)
    t0 = time.time()
    edit()
    reloaded = fetched = None
    while time.time() - t0 < timeout and (reloaded is None or fetched is None):
        with events_lock:
            for at, event in events[seen:]:
                if reloaded is None and "event: reload" in event and f'"{page}"' in event:
                    reloaded = at - t0
        if reloaded is not None and fetched is None and expected in get("/" + page):
            fetched = time.time() - t0
        time.sleep(0.005)
    return reloaded, fetched

def write(path, text):
    with open(os.path.join(work, path), "w") as f:
        f.write(text)

# Prose edits on the first shipped note.
first = sorted(p for p in os.listdir(os.path.join(work, "Notes")) if p.endswith(".md"))[0]
first_path = "Notes/" + first
original = open(os.path.join(work, first_path)).read()
page = first[:-3] + ".html"
prose = []
for i in range(5):
    marker = f"serve-bench-prose-{i}"
    text = original.replace("\n\n", f"\n\n{marker}\n\n", 1)
    prose.append(measure(lambda: write(first_path, text), page, marker))
    time.sleep(0.5)
print("prose edit -> reload event: median %.3f s; -> page fetched with the change: median %.3f s  (5 edits of %s)" % (
    statistics.median(r for r, _ in prose), statistics.median(f for _, f in prose), first_path))

cells = []
for i in range(1, 4):
    cells.append(measure(lambda: write(BENCH, bench_note(1000 + i)), "zz-serve-bench.html", f"value {1000 + i}"))
    time.sleep(0.5)
print("cell edit -> reload event: median %.3f s; -> page fetched with the change: median %.3f s  (compile + run included)" % (
    statistics.median(r for r, _ in cells), statistics.median(f for _, f in cells)))

# Idle: CPU time over 10 s, and resident memory.
def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
time.sleep(2)
c0, t0 = cpu_seconds(server.pid), time.time()
time.sleep(10)
idle = (cpu_seconds(server.pid) - c0) / (time.time() - t0) * 100
rss = int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{server.pid}/status").read()).group(1)) / 1024
print(f"idle serve: {idle:.2f} % CPU over 10 s, RSS {rss:.1f} MB ({len(os.listdir(os.path.join(work, 'Notes')))} entries in Notes/)")

# 100 saves within 10 s.
before_compiles = sum(1 for _ in open(compiles)) if os.path.exists(compiles) else 0
before_runs = open(out.name).read().count("Notes/zz-serve-bench.md  ")
t0 = time.time()
for i in range(100):
    write(BENCH, bench_note(5000 + i))
    time.sleep(max(0, t0 + (i + 1) * 0.1 - time.time()))
burst = time.time() - t0
final = "value 5099"
deadline = time.time() + 600
while time.time() < deadline and final not in get("/zz-serve-bench.html"):
    time.sleep(0.05)
time.sleep(2)
after_compiles = sum(1 for _ in open(compiles)) if os.path.exists(compiles) else 0
runs = open(out.name).read().count("Notes/zz-serve-bench.md  ") - before_runs
print(f"100 saves in {burst:.1f} s: {after_compiles - before_compiles} compilation(s) started, {runs} run(s) finished, "
      f"final page shows the final file's output: {final in get('/zz-serve-bench.html')}, serve alive: {server.poll() is None}")

server.send_signal(signal.SIGINT)
status = server.wait(timeout=30)
print(f"Ctrl-C: exit status {status}")
shutil.rmtree(work, ignore_errors=True)
