#!/usr/bin/env python3
"""Quick edit-to-pixels latency for the sample app (a stopgap until the full harness of issue 9).

Starts the real dev server and a headless viewer on a copy of sample-app, makes N edits per
tier with quiet gaps, and reports renderedAtMs (viewer) minus the edit's write time (same
machine, same wall clock), plus the server's phase timings. Usage: bench/quick-latency.py [N]
"""
import json, os, shutil, subprocess, sys, tempfile, time, statistics

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
tmp = tempfile.mkdtemp(prefix="hotframe-bench-")
proj = os.path.join(tmp, "sample-app")
shutil.copytree(os.path.join(root, "sample-app"), proj, ignore=shutil.ignore_patterns("target"))
frames = os.path.join(tmp, "frames")
env = dict(os.environ, HOTFRAME_HOME=os.path.join(tmp, "home"))
server = subprocess.Popen(["java", "-jar", f"{root}/dev-server/target/hotframe-devserver.jar", "serve", proj],
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
for line in server.stdout:
    if "ready:" in line:
        break
t0 = time.time()
viewer = subprocess.Popen(["java", "-jar", f"{root}/viewer/target/hotframe-viewer.jar", "connect", "--headless",
                           "--frames", frames], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def updates():
    try:
        with open(os.path.join(frames, "updates.jsonl")) as f:
            return [json.loads(l) for l in f if l.strip()]
    except FileNotFoundError:
        return []

def wait_for(seq, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        for u in updates():
            if u["seq"] == seq:
                return u
        time.sleep(0.002)
    raise SystemExit(f"update {seq} never arrived")

first = wait_for(0)
print(f"viewer first frame: {first['renderedAtMs'] - t0 * 1000:.0f} ms after viewer start")
app = os.path.join(proj, "src/main/java/dev/hotframe/sample/DashboardApp.java")
state = os.path.join(proj, "src/main/java/dev/hotframe/sample/DashboardState.java")
scene = os.path.join(proj, "scenes/dashboard.json")

def edit(path, old, new):
    text = open(path).read()
    assert old in text, (path, old)
    seq = len(updates())
    written = time.time() * 1000
    with open(path, "w") as f:
        f.write(text.replace(old, new, 1))
    u = wait_for(seq)
    assert u["ok"], u
    return u, u["renderedAtMs"] - written

def split(u):
    """Server phases plus the viewer side: send (server done -> viewer applied, incl. apply) and frame."""
    p = dict(u["serverPhasesMs"])
    p["send+apply"] = u["appliedAtMs"] - u["detectedAtMs"] - sum(u["serverPhasesMs"].values())
    p["apply"] = u["applyMs"]
    p["frame"] = u["renderedAtMs"] - u["appliedAtMs"]
    return p

cases = {"scene": [], "redefine": [], "reload": []}
phases = {"scene": [], "redefine": [], "reload": []}
colors = ["#3366FF", "#3366FE"]
for i in range(runs + 3):  # the first 3 rounds are warm-up
    u, ms = edit(scene, f'"fill": "{colors[i % 2]}"', f'"fill": "{colors[(i + 1) % 2]}"'); time.sleep(0.3)
    if i >= 3: cases["scene"].append(ms); phases["scene"].append(split(u))
    u, ms = edit(app, f"return 0xFF1B28{38 + i % 2};", f"return 0xFF1B28{38 + (i + 1) % 2};"); time.sleep(0.3)
    if i >= 3: cases["redefine"].append(ms); phases["redefine"].append(split(u))
    assert u["tier"] == "redefine", u
    u, ms = edit(state, "    public int clicks;\n", f"    public int clicks;\n    public int added{i} = {i};\n"); time.sleep(0.3)
    assert u["tier"] == "reload", u
    if i >= 3: cases["reload"].append(ms); phases["reload"].append(split(u))

def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]

print(f"{'case':<10} {'n':>3} {'p50':>6} {'p95':>6} {'max':>6}   median phases (ms)")
for name, xs in cases.items():
    keys = sorted({k for p in phases[name] for k in p})
    med = ", ".join(f"{k} {statistics.median(p.get(k, 0) for p in phases[name]):.0f}" for k in keys)
    print(f"{name:<10} {len(xs):>3} {pct(xs, 50):>6.0f} {pct(xs, 95):>6.0f} {max(xs):>6.0f}   {med}")
viewer.terminate(); server.terminate(); viewer.wait(); server.wait()
shutil.rmtree(tmp, ignore_errors=True)
