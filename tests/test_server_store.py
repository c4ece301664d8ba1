"""SerializedStore: SQLite writes of the server's workers queue on a file lock."""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from modkit import Moderator, SQLiteStore
from modkit.server._storelock import SerializedStore
from modkit.testing import FixedScorer, sample_form

SECRET = "store-lock-secret-0123456789"


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
