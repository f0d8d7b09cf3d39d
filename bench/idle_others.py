"""Holds every process outside a measured one's tree at the lowest CPU priority (SCHED_IDLE) and
the idle I/O class, so that a measurement on a shared machine gets the CPU first and other work
(builds, tests) only runs in the time it leaves idle. Used for the 1M Spark measurement of
2026-12-06 and the bench/RESULTS.md run of the same day (README "Measured times").

    python3 bench/idle_others.py ROOTPID ['PIDFILE_GLOB']   # as root; exits when ROOTPID ends

ROOTPID's descendants, and those of the pids in the files PIDFILE_GLOB matches (e.g. a Spark
standalone cluster's '.venv-spark/cluster/*.pid', whose processes are not the measurement's
children), keep their normal priority (restored if they started idle). Every other user process
is set idle when first seen, and again every 30 s (its new threads inherit the policy). Memory
bandwidth and caches are still shared, so a measurement beside idle work is close to a quiet one,
not equal to it: say so next to the figure."""
import os, sys, time, glob, subprocess
root = int(sys.argv[1]); pidglob = sys.argv[2] if len(sys.argv) > 2 else None
me = os.getpid(); seen = set()
def ppid(p):
    try:
        with open(f"/proc/{p}/stat") as f: return int(f.read().rsplit(")", 1)[1].split()[1])
    except Exception: return -1
while True:
    try: os.kill(root, 0)
    except OSError: break
    roots = {root, me}
    if pidglob:
        for f in glob.glob(pidglob):
            try: roots.add(int(open(f).read().split()[0]))
            except Exception: pass
    pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    par = {p: ppid(p) for p in pids}
    for p in pids:
        if (p in seen and p not in roots) or p == 1 or par[p] in (0, 2) or p == 2: continue
        q, keep = p, False
        while q > 1:
            if q in roots: keep = True; break
            q = par.get(q, -1)
        if keep:
            try:
                if os.sched_getscheduler(p) == os.SCHED_IDLE:
                    for t in os.listdir(f"/proc/{p}/task"):
                        try: os.sched_setscheduler(int(t), os.SCHED_OTHER, os.sched_param(0))
                        except Exception: pass
                    subprocess.run(["ionice", "-c", "2", "-n", "4", "-p", str(p)], stderr=subprocess.DEVNULL)
            except Exception: pass
            continue
        try:
            with open(f"/proc/{p}/cmdline") as f:
                if not f.read(): continue
        except Exception: continue
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                try: os.sched_setscheduler(int(t), os.SCHED_IDLE, os.sched_param(0))
                except Exception: pass
            subprocess.run(["ionice", "-c", "3", "-p", str(p)], stderr=subprocess.DEVNULL)
        except Exception: pass
        # threads created later inherit from their creator; re-check processes every 30 s
    seen = {p for p in seen if p in par} | set(pids) if int(time.time()) % 30 else set()
    time.sleep(1)
