"""``modkit score --resume`` after a real interruption: a run killed mid-way, then resumed."""

from __future__ import annotations

import csv
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import modkit
from modkit._batch_cli import EXIT_INTERRUPTED, main

FIXTURES = Path(__file__).parent / "fixtures" / "batch"
POLICY = FIXTURES / "policy.toml"
ROWS = 3000
WORDS = [
    *("merci", "article", "bravo", "super", "thanks", "great", "post"),
    *("viagra", "casino", "été", "🎉", "Привет", "你好"),
]


@pytest.fixture(scope="module")
def big_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(5)
    path = tmp_path_factory.mktemp("resume") / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["id", "author", "email", "ip", "comment", "status"])
        for i in range(ROWS):
            text = " ".join(rng.choices(WORDS, k=rng.randint(1, 30)))
            if i % 97 == 0:
                text = f"multi\nline {text}"
            if i % 211 == 0:
                out.writerow([i, "short row"])
                continue
            who = f"canary{i % 50}"
            out.writerow([i, who, f"{who}@example.org", f"203.0.113.{i % 200}", text, i % 3])
    return path


@pytest.fixture(scope="module")
def reference(big_input: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("ref") / "full.csv"
    args = ["--rules-only", "--policy", str(POLICY), "--summary", "none"]
    assert main([str(big_input), "-o", str(out), *args]) == 3  # the short rows are error rows
    data = out.read_bytes()
    assert data.count(b"\n") == ROWS + 1  # one line per input row, plus the header
    return data


def start(big_input: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    root = str(Path(modkit.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
    cmd = [sys.executable, "-m", "modkit._batch_cli", str(big_input), "-o", str(out)]
    cmd += ["--rules-only", "--policy", str(POLICY), "--summary", "none", "--chunk-size", "16"]
    return subprocess.Popen(
        [*cmd, *extra], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def wait_for_rows(proc: subprocess.Popen[bytes], out: Path, min_bytes: int) -> bool:
    """Wait until ``out`` holds ``min_bytes``; False if the run ended first."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.exists() and out.stat().st_size >= min_bytes:
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.005)
    proc.kill()
    pytest.fail("the run wrote nothing for 60 s")


@pytest.mark.slow  # kills processes
@pytest.mark.parametrize(
    ("sig", "jobs"), [(signal.SIGKILL, "1"), (signal.SIGTERM, "1"), (signal.SIGKILL, "2")]
)
def test_killed_run_resumes_without_duplicating_or_skipping(
    big_input: Path, reference: bytes, tmp_path: Path, sig: signal.Signals, jobs: str
) -> None:
    out = tmp_path / "out.csv"
    proc = start(big_input, out, "--jobs", jobs)
    if not wait_for_rows(proc, out, 12_000):
        pytest.fail("the run finished before it could be interrupted")
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    partial = out.read_bytes()
    assert 0 < len(partial) < len(reference)
    if sig == signal.SIGTERM:
        assert proc.returncode == EXIT_INTERRUPTED
        assert b"--resume" in err
        assert partial.endswith(b"\n")  # a graceful stop leaves complete rows only
        assert reference.startswith(partial)
    else:
        assert proc.returncode == -signal.SIGKILL
        complete = partial[: partial.rfind(b"\n") + 1]
        assert reference.startswith(complete)

    resumed = start(big_input, out, "--resume", "--jobs", jobs)
    _, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 3, err.decode()
    assert out.read_bytes() == reference
    assert b"canary" not in out.read_bytes()
    assert b"203.0.113." not in out.read_bytes()
