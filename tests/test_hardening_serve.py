"""Hardening: `modkit serve` with 2 workers, one killed under load (bench/soak.py, short run).

The killed worker is replaced, and no request is lost: every request gets an answer (a client
retry on a connection reset is allowed), none is a 5xx, and every decision answered with 200 is
in the SQLite store the workers share.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
soak = importlib.import_module("bench.soak")

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir(), reason="reads worker processes from /proc (Linux)"
)


@pytest.mark.slow
def test_a_worker_killed_under_load_is_replaced_and_nothing_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kills: dict[int, float] = {}
    real_kill = os.kill

    def kill(pid: int, sig: int) -> None:  # when the worker died, by the clock the store uses
        kills.setdefault(pid, time.time())
        real_kill(pid, sig)

    monkeypatch.setattr(os, "kill", kill)
    options = soak.Options(
        duration=12.0, rate=25.0, workers=2, scorer="fixed", kill_worker_at=3.0, sample=1.0,
        threads=8, warmup=0.5,
    )  # fmt: skip
    result = soak.run_soak(options, folder=tmp_path)
    assert result.killed_pid is not None
    assert result.replaced_after_s is not None, "no new worker after the kill"
    assert result.workers_at_end == 2
    # Counted, not timed: comments were still decided and stored after the worker died.
    conn = sqlite3.connect(tmp_path / "modkit.db")
    try:
        query = "SELECT COUNT(*) FROM comments WHERE created_at > ?"
        (after_kill,) = conn.execute(query, (kills[result.killed_pid],)).fetchone()
    finally:
        conn.close()
    assert after_kill > 0
    assert result.status_5xx == 0
    assert result.errors == 0, result.status_other
    assert result.ok == result.sent
    assert result.lost == 0
    assert str(result.killed_pid) in result.rss_mb  # it was sampled before it died
