"""Stores: the protocol on both implementations, SQLite persistence, threads, processes, locks."""

from __future__ import annotations

import gc
import multiprocessing
import sqlite3
import threading
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from modkit import History, MemoryStore, SQLiteStore, Store, StoreError
from modkit._store import SCHEMA_VERSION, CommentRecord, FeedbackRecord

T0 = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def rec(
    did: str,
    *,
    at: datetime = T0,
    author: str = "a1",
    ip: str | None = "i1",
    post: str | None = "p1",
    fp: str = "f1",
    text: str = "texte public",
) -> CommentRecord:
    return CommentRecord(
        decision_id=did,
        created_at=at,
        author=author,
        ip=ip,
        post_id=post,
        fingerprint=fp,
        action="accept",
        lang="fr",
        text=text,
        scores={"spam": 0.25},
        model_version="m1",
    )


def fb(record: CommentRecord, verdict: str = "spam", at: datetime = T0) -> FeedbackRecord:
    return FeedbackRecord(
        decision_id=record.decision_id,
        created_at=at,
        verdict=verdict,
        action=record.action,
        author=record.author,
        ip=record.ip,
        lang=record.lang,
        text=record.text,
        scores=record.scores,
        model_version=record.model_version,
    )


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    s: Store = MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "m.db")
    yield s
    s.close()


def history(
    store: Store, *, author: str = "a1", ip: str | None = "i1", since: datetime = T0
) -> History:
    return store.history(author=author, ip=ip, post_id="p1", fingerprint="f1", since=since)


def test_implements_the_protocol(store: Store) -> None:
    assert isinstance(store, Store)


def test_empty_history(store: Store) -> None:
    h = history(store)
    assert (h.last_seen, h.duplicate, h.trusted) == (None, False, False)


def test_record_and_history(store: Store) -> None:
    store.record(rec("d1", at=T0))
    store.record(rec("d2", at=T0 + timedelta(seconds=5), author="a2", ip="i1", fp="other"))
    h = history(store, since=T0 - timedelta(hours=1))
    assert h.last_seen == T0 + timedelta(seconds=5)  # by IP
    assert h.duplicate is True
    assert history(store, since=T0 + timedelta(seconds=1)).duplicate is False  # outside window
    assert history(store, author="a3", ip="i9").last_seen is None
    assert history(store, author="a1", ip=None).last_seen == T0
    assert (
        store.history(author="a1", ip=None, post_id="p2", fingerprint="f1", since=T0).duplicate
        is False
    )  # other post


def test_duplicate_with_no_post(store: Store) -> None:
    store.record(rec("d1", post=None))
    assert store.history(author="a1", ip=None, post_id=None, fingerprint="f1", since=T0).duplicate


def test_get(store: Store) -> None:
    store.record(rec("d1"))
    got = store.get("d1")
    assert got is not None
    assert (got.text, got.created_at, dict(got.scores)) == ("texte public", T0, {"spam": 0.25})
    assert store.get("nope") is None


def test_feedback_and_trust(store: Store) -> None:
    r = rec("d1")
    store.record(r)
    store.add_feedback(fb(r, "spam"))
    store.add_feedback(fb(r, "ham", at=T0 + timedelta(seconds=1)))  # replaces
    rows = store.feedback()
    assert [(x.decision_id, x.verdict) for x in rows] == [("d1", "ham")]
    with pytest.raises(ValueError, match="verdict"):
        store.add_feedback(fb(r, "maybe"))
    store.set_trusted("a1", True, at=T0)
    assert history(store).trusted
    store.set_trusted("a1", False, at=T0)
    assert not history(store).trusted


def test_purge(store: Store) -> None:
    old, new = rec("old", at=T0 - timedelta(days=40)), rec("new", at=T0, author="a2", ip="i2")
    store.record(old)
    store.record(new)
    store.add_feedback(fb(old, at=T0 - timedelta(days=40)))
    store.set_trusted("a1", True, at=T0 - timedelta(days=40))
    store.set_trusted("a2", True, at=T0)
    assert store.purge(T0 - timedelta(days=30)) == 2
    assert store.get("old") is None
    assert store.get("new") is not None
    assert store.feedback() == []
    assert not history(store).trusted
    assert history(store, author="a2", ip=None).trusted
    assert history(store, author="a1", ip="i1").last_seen is None


def test_forget(store: Store) -> None:
    mine, other = rec("d1"), rec("d2", author="a2", ip="i2", fp="f2")
    for r in (mine, other):
        store.record(r)
        store.add_feedback(fb(r))
    store.set_trusted("a1", True, at=T0)
    assert store.forget(authors=["a1"]) == 3
    assert store.get("d1") is None
    assert [f.decision_id for f in store.feedback()] == ["d2"]
    h = history(store, since=T0 - timedelta(days=1))
    assert (h.last_seen, h.duplicate, h.trusted) == (None, False, False)
    assert store.forget(ips=["i2"]) == 2
    assert store.get("d2") is None
    assert store.forget(authors=["nobody"], ips=["nothing"]) == 0


def test_bind_detects_another_secret(store: Store) -> None:
    store.bind("check-1")
    store.bind("check-1")
    with pytest.raises(StoreError, match="another site secret"):
        store.bind("check-2")


def test_memory_store_is_bounded() -> None:
    s = MemoryStore(max_records=3)
    for i in range(5):
        s.record(rec(f"d{i}", at=T0 + timedelta(seconds=i), author=f"a{i}", ip=f"i{i}"))
    assert len(s) == 3
    assert s.get("d0") is None
    assert s.get("d4") is not None
    assert history(s, author="a0", ip="i0").last_seen is None
    with pytest.raises(ValueError, match="max_records"):
        MemoryStore(max_records=0)


def test_records_hide_text_in_repr() -> None:
    r = rec("d1", text="un texte assez long")
    assert "un texte" not in repr(r)
    assert "un texte" not in repr(fb(r))


# -- SQLite specifics ------------------------------------------------------------------------------


def test_sqlite_persists_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with SQLiteStore(path) as s:
        s.bind("check")
        s.record(rec("d1"))
    with SQLiteStore(path) as s:
        assert s.get("d1") is not None
        with pytest.raises(StoreError):
            s.bind("other")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"meta", "comments", "trusted", "feedback"}
    cols = [r[1] for r in conn.execute("PRAGMA table_info(feedback)")]
    assert cols == [
        "decision_id",
        "created_at",
        "verdict",
        "action",
        "author",
        "ip",
        "lang",
        "text",
        "scores",
        "model_version",
    ]  # fmt: skip  (documented in docs/core.md; train.py --feedback reads it)
    conn.close()


def test_sqlite_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)


def test_sqlite_cannot_open(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="SQLite store"):
        SQLiteStore(tmp_path / "missing-dir" / "m.db")


def test_sqlite_closed_store(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "m.db")
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.get("x")


def test_sqlite_memory_path_is_shared_across_threads() -> None:
    s = SQLiteStore(":memory:")
    t = threading.Thread(target=s.record, args=(rec("d1"),))
    t.start()
    t.join()
    assert s.get("d1") is not None
    s.close()


def test_sqlite_threads(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "m.db")
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(40):
                s.record(rec(f"t{n}-{i}", author=f"a{n}", fp=f"f{i}"))
                history(s, author=f"a{n}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    conn = sqlite3.connect(tmp_path / "m.db")
    assert conn.execute("SELECT COUNT(*) FROM comments").fetchone()[0] == 160
    conn.close()
    s.close()


def test_sqlite_closes_the_connection_of_an_ended_thread(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "m.db")
    for n in range(20):  # thread-per-request servers: connections must not pile up
        t = threading.Thread(target=s.record, args=(rec(f"d{n}"),))
        t.start()
        t.join()
    gc.collect()
    assert len(s._conns) <= 2
    assert s.get("d19") is not None
    s.close()
    assert s._conns == {}


def _write_from_process(store: SQLiteStore, n: int) -> None:
    for i in range(30):  # the store object crossed the fork: it must open its own connection
        store.record(rec(f"p{n}-{i}", author=f"a{n}"))
    store.close()


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs the fork start method"
)
def test_sqlite_processes(tmp_path: Path) -> None:
    path = str(tmp_path / "m.db")
    parent = SQLiteStore(path)
    parent.record(rec("parent"))  # the parent holds an open connection across the fork
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_write_from_process, args=(parent, n)) for n in range(2)]
    with warnings.catch_warnings():  # Python 3.12+ warns on fork if another test left a thread
        warnings.simplefilter("ignore", DeprecationWarning)
        for p in procs:
            p.start()
    for p in procs:
        p.join(timeout=60)
    assert [p.exitcode for p in procs] == [0, 0]
    parent.record(rec("parent-2"))
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM comments").fetchone()[0] == 62
    conn.close()
    parent.close()


def test_sqlite_retries_while_locked(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    s = SQLiteStore(path, timeout=0.05, retries=8)
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")  # hold the write lock
    release = threading.Timer(0.3, lambda: blocker.execute("COMMIT"))
    release.start()
    s.record(rec("d1"))  # retried until the lock goes
    release.join()
    assert s.get("d1") is not None
    blocker.close()
    s.close()


def test_sqlite_gives_up_when_locked_for_good(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    s = SQLiteStore(path, timeout=0.01, retries=1)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    with pytest.raises(StoreError, match="locked"):
        s.record(rec("d1"))
    blocker.execute("ROLLBACK")
    blocker.close()
    s.close()


def test_sqlite_forget_leaves_no_trace_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    s = SQLiteStore(path)
    marker = "texte-unique-a-effacer-7f3a"
    r = rec("d1", author="author-key-to-erase", text=marker)
    s.record(r)
    s.add_feedback(fb(r))
    s.record(rec("d2", author="someone-else", ip="i2"))
    assert s.forget(authors=["author-key-to-erase"]) == 2
    s.close()
    blob = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("m.db"))
    assert marker.encode() not in blob
    assert b"author-key-to-erase" not in blob
