"""Runs a command and measures its wall time and the peak memory of everything it uses:
    python bench/spark/measure.py [--out FILE] [--pids-from FILE]... -- CMD ARGS...
Writes one line `SECONDS PEAK_MB` to FILE (default: standard output, after the command's own). Peak memory is the largest sum, over samples every 0.2 s, of the resident set sizes
(/proc/PID/status VmRSS) of the command's whole process tree (the Python driver and the JVM it
starts) plus the trees of the processes whose pids are in the --pids-from files (a standalone
Spark master and its workers, whose executors are their children). /usr/bin/time's %M would give
the largest single process only, and not the JVM of a local[N] job."""
import os
import subprocess
import sys
import threading
import time


def children():
    kids = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % pid) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        kids.setdefault(ppid, []).append(int(pid))
    return kids


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss(roots, kids):
    total, stack, seen = 0, list(roots), set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        total += rss_kb(p)
        stack.extend(kids.get(p, []))
    return total


def main(argv):
    pid_files = []
    out = None
    while argv and argv[0] in ("--pids-from", "--out"):
        if argv[0] == "--out":
            out = argv[1]
        else:
            pid_files.append(argv[1])
        argv = argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    extra = []
    for path in pid_files:
        try:
            with open(path) as f:
                extra.append(int(f.read().strip()))
        except (OSError, ValueError):
            pass
    start = time.time()
    proc = subprocess.Popen(argv)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss([proc.pid] + extra, children()))
            done.wait(0.2)
    t = threading.Thread(target=sample, daemon=True)
    t.start()
    rc = proc.wait()
    elapsed = time.time() - start
    done.set()
    t.join()
    line = "%.1f %d" % (elapsed, peak[0] // 1024)
    if out:
        with open(out, "w") as f:
            f.write(line + "\n")
    else:
        print(line)
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
