"""Soak: `modkit serve` (2 workers, loopback, an API key) driven at a fixed rate for a while.

Usage: python bench/soak.py [--duration 600] [--rate 50] [--workers 2] [--scorer fixed|model]
                            [--kill-worker-at SECONDS] [--sample 10] [--json FILE]

Starts ``python -m modkit serve`` on 127.0.0.1 (a free port, a SQLite store in a temporary
folder), then sends ``POST /v1/check`` requests at ``--rate`` per second (open loop: request i is
due at ``start + i / rate``) from a pool of client threads, with comments from the project corpus
(``datasets/*.jsonl``). Every 10 seconds it samples the resident memory (RSS) of each worker.

Latency is measured from the time a request was due (so a server that falls behind shows it).
A request that fails on a connection error (a worker killed under it) is retried up to 3 times:
retries are counted, not errors. At the end every decision answered with 200 is looked up in the
SQLite store: an accepted request that left no record counts as lost.

``--kill-worker-at T`` sends SIGKILL to one worker T seconds into the run and reports how long
the server took to start its replacement. Prints a summary (errors, 5xx, lost, p50/p99/max
latency, RSS start/end per worker) and exits 1 when there was any error, 5xx or loss.
Linux only (reads /proc); the server listens on loopback only, and the run is bounded by
``--duration`` (at most 3,600 s) and ``--rate`` (at most 500 per second). Needs the ``server``
extra (uvicorn, starlette, httpx): ``python3 -m pip install '.[server]'`` from a clone.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import queue
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
KEY = "soak-key-0123456789abcdef"
SECRET = "soak-secret-0123456789abcdef"
MAX_DURATION = 3600.0
MAX_RATE = 500.0
RETRIES = 3

CONFIG = """
[server]
host = "127.0.0.1"
workers = {workers}
log_level = "warning"

[server.rate_limit]
rate = 0

[store]
path = "modkit.db"

{model}

[policy]
flood_seconds = 0
min_seconds = 0
"""
FIXED_MODEL = """[model]
scorer = "modkit.testing:FixedScorer"

[model.options.by_text]
viagra = { spam = 0.99, toxicity = 0.01 }
"""


@dataclass
class Options:
    """What to run: see the module docstring for each."""

    duration: float = 600.0
    rate: float = 50.0
    workers: int = 2
    scorer: str = "model"  # "model": the shipped model; "fixed": modkit.testing.FixedScorer
    kill_worker_at: float | None = None
    sample: float = 10.0
    threads: int = 16
    warmup: float = 2.0


@dataclass
class Result:
    """What happened."""

    sent: int = 0
    ok: int = 0
    errors: int = 0
    status_5xx: int = 0
    status_other: dict[str, int] = field(default_factory=dict)
    retries: int = 0
    lost: int = 0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    achieved_rate: float = 0.0
    rss_mb: dict[str, list[float]] = field(default_factory=dict)
    rss_start_mb: float = 0.0
    rss_end_mb: float = 0.0
    killed_pid: int | None = None
    replaced_after_s: float | None = None
    workers_at_end: int = 0
    samples: list[dict[str, Any]] = field(default_factory=list)

    def failed(self) -> bool:
        """Whether anything went wrong."""
        return bool(self.errors or self.status_5xx or self.lost)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def children(pid: int) -> list[int]:
    """Direct children of ``pid`` (Linux /proc)."""
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def worker_pids(server: int) -> list[int]:
    """The uvicorn worker processes under the ``modkit serve`` process."""
    found = []
    stack = children(server)
    while stack:
        pid = stack.pop()
        line = cmdline(pid)
        if "resource_tracker" in line:
            continue
        if "multiprocessing" in line or "spawn_main" in line:
            found.append(pid)
        stack += children(pid)
    return sorted(found)


def forms() -> Iterator[dict[str, Any]]:
    """Endless comment forms from the project corpus, authors varied."""
    texts = []
    for path in sorted((ROOT / "datasets").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in itertools.islice(fh, 400)]
    for i in itertools.count():
        yield {
            "name": f"Lecteur {i % 500}",
            "email": f"soak{i % 5000}@example.org",
            "ip": f"198.51.100.{i % 250 + 1}",
            "text": f"{texts[i % len(texts)]} #{i}",
            "post_id": str(i % 40),
        }


def start_server(folder: Path, options: Options, port: int) -> subprocess.Popen[bytes]:
    model = FIXED_MODEL if options.scorer == "fixed" else ""
    (folder / "modkit.toml").write_text(CONFIG.format(workers=options.workers, model=model))
    env = {
        **os.environ,
        "MODKIT_API_KEYS": KEY,
        "MODKIT_SECRET": SECRET,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    with (folder / "server.log").open("wb") as log:  # the child keeps its own descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "modkit", "serve", "--config", str(folder / "modkit.toml"),
             "--port", str(port)],
            cwd=folder,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip


def wait_ready(url: str, proc: subprocess.Popen[bytes], workers: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"modkit serve exited with {proc.returncode}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200 and (
                len(worker_pids(proc.pid)) >= workers
            ):
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError("modkit serve did not become ready")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the session this script started
            proc.wait(timeout=10)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def drive(url: str, options: Options, result: Result, server: int) -> list[str]:
    """Send the requests; return the ids of the decisions answered with 200."""
    jobs: queue.Queue[tuple[float, dict[str, Any]] | None] = queue.Queue()
    lock = threading.Lock()
    latencies: list[float] = []
    ids: list[str] = []
    headers = {"Authorization": f"Bearer {KEY}"}

    def client_loop() -> None:
        client = httpx.Client(base_url=url, timeout=30, headers=headers)
        sent = 0
        try:
            while (job := jobs.get()) is not None:
                due, form = job
                sent += 1
                if sent % 25 == 0:  # new connections now and then: both workers get traffic
                    client.close()
                    client = httpx.Client(base_url=url, timeout=30, headers=headers)
                response = None
                for attempt in range(RETRIES + 1):
                    try:
                        response = client.post("/v1/check", json=form)
                        break
                    except httpx.TransportError:
                        with lock:
                            result.retries += attempt < RETRIES
                        client.close()
                        client = httpx.Client(base_url=url, timeout=30, headers=headers)
                done = time.monotonic()
                with lock:
                    latencies.append((done - due) * 1000)
                    if response is None:
                        result.errors += 1
                    elif response.status_code == 200:
                        result.ok += 1
                        ids.append(response.json()["id"])
                    elif response.status_code >= 500:
                        result.status_5xx += 1
                    else:
                        key = str(response.status_code)
                        result.status_other[key] = result.status_other.get(key, 0) + 1
                        result.errors += 1
        finally:
            client.close()

    threads = [threading.Thread(target=client_loop, daemon=True) for _ in range(options.threads)]
    for t in threads:
        t.start()
    source = forms()
    start = time.monotonic()
    next_sample = start
    killed_at: float | None = None
    known = set(worker_pids(server))
    i = 0
    while True:
        now = time.monotonic()
        elapsed = now - start
        if elapsed >= options.duration:
            break
        if now >= next_sample:
            sample = {str(p): rss_mb(p) for p in worker_pids(server)}
            result.samples.append({"t": round(elapsed, 1), "rss_mb": sample})
            for pid, mb in sample.items():
                if mb is not None:
                    result.rss_mb.setdefault(pid, []).append(round(mb, 1))
            next_sample += options.sample
        kill_at = options.kill_worker_at
        if kill_at is not None and killed_at is None and elapsed >= kill_at:
            victim = worker_pids(server)[0]
            os.kill(victim, signal.SIGKILL)
            result.killed_pid = victim
            killed_at = now
            known.discard(victim)
        if killed_at is not None and result.replaced_after_s is None:
            fresh = set(worker_pids(server)) - known - {result.killed_pid}
            if fresh:
                result.replaced_after_s = round(now - killed_at, 2)
        due = start + i / options.rate
        if due <= now:
            jobs.put((due, next(source)))
            i += 1
            continue
        time.sleep(min(due - now, 0.01))
    for _ in threads:
        jobs.put(None)
    for t in threads:
        t.join(timeout=60)
    result.sent = i
    result.achieved_rate = round(i / options.duration, 1)
    result.p50_ms = round(_percentile(latencies, 0.50), 1)
    result.p99_ms = round(_percentile(latencies, 0.99), 1)
    result.max_ms = round(max(latencies, default=0.0), 1)
    return ids


def run_soak(options: Options, folder: Path | None = None) -> Result:
    """Start the server, drive it, stop it; return what happened."""
    if not 0 < options.duration <= MAX_DURATION or not 0 < options.rate <= MAX_RATE:
        raise ValueError(f"duration in (0, {MAX_DURATION}] s and rate in (0, {MAX_RATE}] only")
    own = folder is None
    work = Path(tempfile.mkdtemp(prefix="modkit-soak-")) if folder is None else folder
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = start_server(work, options, port)
    result = Result()
    try:
        wait_ready(url, proc, options.workers, timeout=120)
        warm = forms()
        for _ in range(int(options.warmup * 10)):  # both workers load and warm up
            httpx.post(f"{url}/v1/check", json=next(warm), timeout=30,
                       headers={"Authorization": f"Bearer {KEY}"})  # fmt: skip
        ids = drive(url, options, result, proc.pid)
        seen = set()
        for _ in range(200):
            seen.add(httpx.get(f"{url}/healthz", timeout=5).json().get("worker"))
            if len(seen) >= options.workers:
                break
        result.workers_at_end = len(seen)
    finally:
        stop_server(proc)
    conn = sqlite3.connect(work / "modkit.db")
    try:
        stored = {r[0] for r in conn.execute("SELECT decision_id FROM comments")}
    finally:
        conn.close()
    result.lost = sum(1 for i in ids if i not in stored)
    if result.samples:  # the workers alive at the first and at the last sample
        first, last = result.samples[0]["rss_mb"], result.samples[-1]["rss_mb"]
        result.rss_start_mb = round(sum(v for v in first.values() if v), 1)
        result.rss_end_mb = round(sum(v for v in last.values() if v), 1)
    if own:
        for path in work.iterdir():
            if path.name.startswith("modkit.db") or path.suffix == ".toml":
                path.unlink()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=600.0, help="seconds (default 600)")
    parser.add_argument("--rate", type=float, default=50.0, help="requests per second")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scorer", choices=("model", "fixed"), default="model")
    parser.add_argument("--kill-worker-at", type=float, help="SIGKILL one worker at T seconds")
    parser.add_argument("--sample", type=float, default=10.0, help="RSS sampling interval (s)")
    parser.add_argument("--threads", type=int, default=16, help="client threads")
    parser.add_argument("--json", type=Path, help="also write the result to this file")
    args = parser.parse_args(argv)
    options = Options(
        duration=args.duration,
        rate=args.rate,
        workers=args.workers,
        scorer=args.scorer,
        kill_worker_at=args.kill_worker_at,
        sample=args.sample,
        threads=args.threads,
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"soak: {options.workers} workers, {options.scorer} scorer, {options.rate}/s for "
          f"{options.duration:.0f} s (machine: {os.cpu_count()} CPUs, load {load})")  # fmt: skip
    result = run_soak(options)
    print(f"sent {result.sent} ({result.achieved_rate}/s), ok {result.ok}, errors "
          f"{result.errors}, 5xx {result.status_5xx}, other {result.status_other}, retries "
          f"{result.retries}, lost {result.lost}")  # fmt: skip
    print(f"latency from due time: p50 {result.p50_ms} ms, p99 {result.p99_ms} ms, "
          f"max {result.max_ms} ms")  # fmt: skip
    for pid, series in result.rss_mb.items():
        print(f"worker {pid}: RSS {series[0]} -> {series[-1]} MB ({len(series)} samples)")
    print(f"RSS of the workers: {result.rss_start_mb} MB at start, {result.rss_end_mb} MB at end")
    if result.killed_pid is not None:
        print(f"killed worker {result.killed_pid}; replaced after {result.replaced_after_s} s; "
              f"{result.workers_at_end} workers answer at the end")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(asdict(result), indent=2) + "\n")
    return 1 if result.failed() else 0


if __name__ == "__main__":
    raise SystemExit(main())
