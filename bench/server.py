"""Throughput and latency of ``modkit serve`` (2 workers) on loopback, against /healthz.

Starts the real server (``python -m modkit._serve_cli``, uvicorn, ``--workers 2``, a SQLite store
in a temporary folder, rate limiting off), then drives it with a light asyncio HTTP/1.1 client
(keep-alive connections, one request in flight per connection) for a bounded time per endpoint:

- ``GET /healthz``            the baseline: the HTTP stack alone, no moderation;
- ``POST /v1/check``          modkit's JSON API (validate, score, rules, store write);
- ``POST /1.1/comment-check`` the Akismet endpoint (form-encoded, same work).

It prints requests/s, p50/p99 latency and errors per endpoint, the ratio to the baseline, and
whether the targets hold (>= 1,000 checks/s, p99 <= 20 ms, zero errors). The client shares the
machine's cores with the two workers, so the figures are a floor for a dedicated server.

Run: ``python bench/server.py [--duration 20] [--connections 8] [--scorer auto|model|fixed]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
KEY = "bench-key-" + os.urandom(12).hex()
SECRET = "bench-secret-" + os.urandom(12).hex()
HOST = "127.0.0.1"

TEXTS = [
    "Merci pour cet article très clair, j'ai enfin compris la réforme.",
    "Je ne suis pas d'accord : les chiffres cités datent de 2019 et la situation a changé.",
    "Great write-up, thanks! The part about the new bus lines was especially useful.",
    "Encore un article à charge... On attend toujours la réponse du maire sur le budget.",
    "Source : https://www.insee.fr/fr/statistiques (tableau 3). Bonne journée à tous !",
    "I live two streets away and can confirm the works started last Monday.",
    "Bravo à l'équipe de la bibliothèque 👏 Mes enfants adorent les ateliers.",
    "Quelqu'un sait si la piscine rouvre cet été ? Le site de la mairie ne dit rien.",
    "Buy cheap watches online, best prices, visit our shop now!!!",
    "Tu racontes n'importe quoi, comme d'habitude.",
]


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    elapsed: float = 0.0
    server_cpu: float = 0.0  # CPU seconds used by the server processes while measuring
    client_cpu: float = 0.0  # CPU seconds used by this client while measuring

    @property
    def cpu_ms(self) -> float:
        """Server CPU time per request (ms): unlike latency, not inflated by other processes."""
        return self.server_cpu / len(self.latencies) * 1000.0 if self.latencies else float("nan")

    @property
    def capacity(self) -> float:
        """Requests/s the cores could serve if the CPU were ours alone (server + this client)."""
        per_request = (self.server_cpu + self.client_cpu) / max(1, len(self.latencies))
        return (os.cpu_count() or 1) / per_request if per_request else float("nan")

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000.0


def _forms(n: int, rng: random.Random) -> list[dict[str, str]]:
    forms = []
    for i in range(n):
        forms.append(
            {
                "name": f"Lecteur {i}",
                "email": f"reader{i}@example.org",
                "ip": f"198.51.{i // 250}.{i % 250 + 1}",
                "text": f"{rng.choice(TEXTS)} #{i}",
                "post_id": str(rng.randrange(50)),
                "lang": rng.choice(["fr", "en"]),
            }
        )
    return forms


def _request(method: str, path: str, body: bytes = b"", content_type: str = "") -> bytes:
    head = [f"{method} {path} HTTP/1.1", f"Host: {HOST}", f"Authorization: Bearer {KEY}"]
    if body:
        head += [f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode("ascii") + body


def build_requests(rng: random.Random, n: int = 5000) -> dict[str, list[bytes]]:
    forms = _forms(n, rng)
    check = [
        _request("POST", "/v1/check", json.dumps(f).encode(), "application/json") for f in forms
    ]
    akismet = [
        _request(
            "POST",
            "/1.1/comment-check",
            urlencode(
                {
                    "api_key": KEY,
                    "blog": "https://news.example.org",
                    "user_ip": f["ip"],
                    "comment_type": "comment",
                    "comment_author": f["name"],
                    "comment_author_email": f["email"],
                    "comment_content": f["text"],
                    "permalink": f"https://news.example.org/{f['post_id']}",
                    "blog_lang": f["lang"],
                }
            ).encode(),
            "application/x-www-form-urlencoded",
        )
        for f in forms
    ]
    return {
        "GET /healthz": [_request("GET", "/healthz")],
        "POST /v1/check": check,
        "POST /1.1/comment-check": akismet,
    }


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("connection closed")
    status = int(status_line.split(b" ", 2)[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    return status, await reader.readexactly(length)


async def _connection(
    port: int, requests: list[bytes], start: int, stop_at: float, result: Result, record: bool
) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    i = start
    try:
        while time.perf_counter() < stop_at:
            payload = requests[i % len(requests)]
            i += 1
            t0 = time.perf_counter()
            try:
                writer.write(payload)
                status, body = await _read_response(reader)
            except (ConnectionError, asyncio.IncompleteReadError, ValueError):
                result.errors += 1
                writer.close()
                reader, writer = await asyncio.open_connection(HOST, port)
                continue
            elapsed = time.perf_counter() - t0
            ok = status == 200 and (
                b"comment-check" not in payload[:40] or body in (b"true", b"false")
            )
            if record:
                result.latencies.append(elapsed)
                if not ok:
                    result.errors += 1
    finally:
        writer.close()


def _cpu_seconds(root: int) -> float:
    """User + system CPU seconds of process ``root`` and its children (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == root or int(fields[1]) == root:  # fields[1] is the parent pid
            total += int(fields[11]) + int(fields[12])
    return total / tick


async def drive(
    port: int,
    name: str,
    requests: list[bytes],
    connections: int,
    duration: float,
    warmup: float,
    server_pid: int,
) -> Result:
    result = Result(name)
    offsets = [k * (len(requests) // connections or 1) for k in range(connections)]
    stop = time.perf_counter() + warmup
    await asyncio.gather(*(_connection(port, requests, o, stop, result, False) for o in offsets))
    cpu0 = _cpu_seconds(server_pid)
    client0 = time.process_time()
    t0 = time.perf_counter()
    stop = t0 + duration
    await asyncio.gather(*(_connection(port, requests, o + 7, stop, result, True) for o in offsets))
    result.elapsed = time.perf_counter() - t0
    result.server_cpu = _cpu_seconds(server_pid) - cpu0
    result.client_cpu = time.process_time() - client0
    return result


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _scorer_lines(choice: str, model: str | None) -> tuple[str, str]:
    if model:
        path = Path(model).resolve()
        return f'[model]\npath = "{path}"\n', f"the model in {path}"
    has_model = (ROOT / "models" / "default" / "manifest.json").is_file()
    if choice == "model" or (choice == "auto" and has_model):
        return "", "the shipped model (models/default)"
    return (
        '[model]\nscorer = "modkit.testing:FixedScorer"\n',
        "FixedScorer (no trained model; scoring cost excluded)",
    )


def start_server(
    folder: Path, port: int, workers: int, scorer: str, model: str | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    model_lines, label = _scorer_lines(scorer, model)
    (folder / "modkit.toml").write_text(
        f"""[server]
workers = {workers}
log_level = "warning"
[server.rate_limit]
rate = 0
[store]
path = "modkit.db"
{model_lines}""",
        encoding="utf-8",
    )
    env = dict(os.environ)
    env.update(
        MODKIT_API_KEYS=KEY,
        MODKIT_SECRET=SECRET,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
    )
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "modkit._serve_cli",
            "--config",
            str(folder / "modkit.toml"),
            "--port",
            str(port),
        ],
        cwd=folder,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"modkit serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return proc, label
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise SystemExit("modkit serve did not start")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per endpoint")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds before measuring")
    parser.add_argument("--connections", type=int, default=8, help="keep-alive connections")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scorer", choices=["auto", "model", "fixed"], default="auto")
    parser.add_argument("--model", metavar="DIR", help="a model folder (default: the shipped one)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)

    requests = build_requests(random.Random(6))
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="modkit-bench-") as tmp:
        proc, label = start_server(Path(tmp), port, args.workers, args.scorer, args.model)
        try:
            results = [
                asyncio.run(
                    drive(port, name, reqs, args.connections, args.duration, args.warmup, proc.pid)
                )
                for name, reqs in requests.items()
            ]
        finally:
            stop_server(proc)

    cores = os.cpu_count()
    print(
        f"modkit serve: {args.workers} workers, {label}, SQLite store; client: "
        f"{args.connections} keep-alive connections, {args.duration:.0f} s per endpoint, "
        f"{cores} cores shared by server and client"
    )
    print(
        f"{'endpoint':<26}{'requests':>10}{'errors':>8}{'req/s':>10}{'p50 ms':>9}"
        f"{'p99 ms':>9}{'vs healthz':>12}{'server CPU ms/req':>19}{'CPU-bound req/s':>17}"
    )
    base = results[0].rate
    for r in results:
        ratio = f"{r.rate / base:.2f}x" if base else "-"
        print(
            f"{r.name:<26}{len(r.latencies):>10}{r.errors:>8}{r.rate:>10.0f}"
            f"{r.percentile(0.50):>9.2f}{r.percentile(0.99):>9.2f}{ratio:>12}{r.cpu_ms:>19.3f}"
            f"{r.capacity:>17.0f}"
        )
    print(
        f"load average at the end: {os.getloadavg()[0]:.2f} (other processes skew latency); "
        "CPU-bound req/s = cores / (server + client CPU per request): the rate if the machine "
        "ran nothing else"
    )
    ok = True
    for r in results[1:]:
        passed = r.rate >= 1000 and r.percentile(0.99) <= 20.0 and r.errors == 0
        ok &= passed
        print(
            f"target {r.name}: >= 1000 req/s, p99 <= 20 ms, 0 errors: "
            f"{'met' if passed else 'NOT met'}"
        )
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "workers": args.workers,
                    "scorer": label,
                    "connections": args.connections,
                    "duration_s": args.duration,
                    "results": [
                        {
                            "endpoint": r.name,
                            "requests": len(r.latencies),
                            "errors": r.errors,
                            "rps": round(r.rate, 1),
                            "p50_ms": round(r.percentile(0.5), 3),
                            "p99_ms": round(r.percentile(0.99), 3),
                            "server_cpu_ms_per_request": round(r.cpu_ms, 4),
                            "cpu_bound_rps": round(r.capacity, 1),
                        }
                        for r in results
                    ],
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
