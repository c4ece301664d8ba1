"""SerializedStore: SQLite writes of the server's workers queue on a file lock."""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from modkit import Moderator, SQLiteStore, StoreError
from modkit.server._storelock import SerializedStore
from modkit.testing import FixedScorer, sample_form

SECRET = "store-lock-secret-0123456789"
KEY = "store-test-key-0123456789"


def _moderator(db: Path) -> Moderator:
    store = SerializedStore(SQLiteStore(db), f"{db}.lock")
    return Moderator(scorer=FixedScorer(), store=store, secret=SECRET)


def _writer(db: str, tag: str, n: int, out: Any) -> None:
    moderator = _moderator(Path(db))
    ids = []
    for i in range(n):
        form = sample_form(email=f"{tag}{i}@example.org", text=f"Commentaire {tag} {i}")
        ids.append(moderator.check(form).id)
    for decision_id in ids[: n // 2]:
        moderator.feedback(decision_id, "ham")
    moderator.close()
    out.put(ids)


def test_two_processes_write_through_the_lock(tmp_path: Path) -> None:
    db = str(tmp_path / "modkit.db")
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(db, tag, 60, queue)) for tag in ("a", "b")]
    for proc in procs:
        proc.start()
    ids = [queue.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    with SQLiteStore(db) as store:
        assert all(store.get(i) is not None for batch in ids for i in batch)
        assert len(store.feedback()) == 60


def test_writes_wait_for_the_lock_reads_do_not(tmp_path: Path) -> None:
    db = tmp_path / "modkit.db"
    moderator = _moderator(db)
    first = moderator.check(sample_form())
    fd = os.open(f"{db}.lock", os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another worker holding the write lock
    done = threading.Event()

    def write() -> None:
        moderator.check(sample_form(email="other@example.org", text="Un autre avis."))
        done.set()

    thread = threading.Thread(target=write)
    try:
        thread.start()
        assert moderator.store.get(first.id) is not None  # a read goes through meanwhile
        assert not done.wait(0.3)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    thread.join(10)
    assert done.is_set()
    moderator.close()


def test_every_store_operation_passes_through(tmp_path: Path) -> None:
    db = tmp_path / "modkit.db"
    moderator = _moderator(db)
    store = moderator.store
    assert store.persistent is True
    assert "SQLiteStore" in repr(store)
    decision = moderator.check(sample_form())
    moderator.feedback(decision.id, "spam")
    assert [r.verdict for r in store.feedback()] == ["spam"]
    assert moderator.forget(email="camille.martin@example.org") >= 1
    assert store.get(decision.id) is None
    moderator.check(sample_form(text="Encore un avis."))
    assert moderator.purge(0) >= 1
    future = datetime.now(UTC) + timedelta(days=1)
    assert store.purge(future) == 0
    moderator.close()
    moderator.close()  # closing twice is harmless


# -- SQLite busy: detected by error code, bounded in time ------------------------------------------


def _operational(code: int, message: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("code", "message", "attempts"),
    [
        (sqlite3.SQLITE_BUSY, "whatever the message says", 4),
        (sqlite3.SQLITE_LOCKED, "database table is locked", 4),
        (517, "snapshot conflict", 4),  # SQLITE_BUSY_SNAPSHOT: primary code BUSY
        (sqlite3.SQLITE_IOERR, "disk I/O error: the database is locked or busy", 1),
        (sqlite3.SQLITE_FULL, "database or disk is full (locked? busy?)", 1),
    ],
)
def test_busy_is_read_from_the_error_code(
    tmp_path: Path, code: int, message: str, attempts: int
) -> None:
    store = SQLiteStore(tmp_path / "m.db", retries=3, max_wait=60)
    calls: list[int] = []

    def op(conn: sqlite3.Connection) -> None:
        calls.append(1)
        raise _operational(code, message)

    with pytest.raises(StoreError):
        store._run(op, write=True)
    assert len(calls) == attempts  # retried only when SQLite said busy or locked
    store.close()


def test_a_busy_store_gives_up_within_max_wait(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    store = SQLiteStore(db, timeout=30.0, retries=1000, max_wait=0.3)
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another process holding the write lock for good
    waits: list[int] = []
    real_run = store._busy_ms

    def spy(remaining: float) -> int:
        waits.append(real_run(remaining))
        return waits[-1]

    store._busy_ms = spy  # type: ignore[method-assign]
    try:
        with pytest.raises(StoreError, match=r"still busy after .* \(limit 0\.3 s\)") as info:
            store.set_trusted("author-key", True, at=datetime.now(UTC))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    attempts = int(str(info.value).split(" attempt")[0].rsplit(" ", 1)[1])
    assert 1 <= attempts < 1001  # the time bound stopped it, not the retry count
    assert waits
    assert all(w <= 300 for w in waits)  # no attempt waits past max_wait (ms)
    assert "author-key" not in str(info.value)
    store.set_trusted("author-key", True, at=datetime.now(UTC))  # the lock is back: it works
    store.close()


def test_a_store_busy_past_max_wait_is_a_503(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from modkit.server import config_from_dict, create_app

    db = tmp_path / "modkit.db"
    data = {
        "server": {"api_keys": [KEY], "secret": SECRET},
        "store": {"path": str(db), "max_wait": 0.2},
    }
    app = create_app(config_from_dict(data, env={}), scorer=FixedScorer())
    auth = {"Authorization": f"Bearer {KEY}"}
    with TestClient(app, raise_server_exceptions=False) as client:
        decision = client.post("/v1/check", json=sample_form(), headers=auth).json()
        blocker = sqlite3.connect(db, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            response = client.post(
                "/v1/feedback", json={"decision_id": decision["id"], "verdict": "ham"}, headers=auth
            )
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "store_error"
        assert response.headers["retry-after"] == "1"
        again = client.post(
            "/v1/feedback", json={"decision_id": decision["id"], "verdict": "ham"}, headers=auth
        )
        assert again.status_code == 200


def test_store_max_wait_setting() -> None:
    from modkit import ConfigError
    from modkit.server import config_from_dict

    assert config_from_dict({"store": {"max_wait": 2}}, env={}).store_max_wait == 2.0
    assert config_from_dict({}, env={}).store_max_wait == 5.0
    with pytest.raises(ConfigError, match=r"store\.max_wait"):
        config_from_dict({"store": {"max_wait": -1}}, env={})
    with pytest.raises(ValueError, match="max_wait"):
        SQLiteStore(":memory:", max_wait=-1)
