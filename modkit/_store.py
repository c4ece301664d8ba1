"""Where modkit remembers comments, trusted authors and moderator feedback.

Authors are keyed by HMACs (:mod:`modkit._author`), never by raw emails or IPs. Two stores ship:
:class:`MemoryStore` (one process, bounded) and :class:`SQLiteStore` (stdlib ``sqlite3`` in WAL
mode, one connection per thread, retried for a bounded time while another writer holds the
lock: safe across threads and processes). The SQLite schema is documented in ``docs/core.md``;
``train.py --feedback`` reads its ``feedback`` table.
"""

from __future__ import annotations

import json
import logging
import math
import os
import sqlite3
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, Final, Protocol, TypeVar, runtime_checkable

from modkit._errors import StoreError

__all__ = [
    "VERDICTS",
    "CommentRecord",
    "FeedbackRecord",
    "History",
    "MemoryStore",
    "SQLiteStore",
    "Store",
]

VERDICTS: Final = frozenset({"spam", "ham", "toxic"})
SCHEMA_VERSION: Final = 1
_log = logging.getLogger("modkit")
_T = TypeVar("_T")


def _scores(mapping: Mapping[str, float]) -> Mapping[str, float]:
    return MappingProxyType({str(k): float(v) for k, v in mapping.items()})


@dataclass(frozen=True, slots=True)
class History:
    """What the store knows about the author: the last comment by the same author or IP, a
    recent identical comment on the same post, and whether the author was approved before.
    """

    last_seen: datetime | None = None
    duplicate: bool = False
    trusted: bool = False


@dataclass(frozen=True, slots=True)
class CommentRecord:
    """One checked comment as stored: keys instead of the author's email and IP.

    ``author``, ``ip`` and ``fingerprint`` are HMACs of the email, the IP (IPv6 by /64) and the
    folded text; ``text`` is the public text, kept so that feedback can be learnt from later.
    """

    decision_id: str
    created_at: datetime
    author: str
    ip: str | None
    post_id: str | None
    fingerprint: str
    action: str
    lang: str
    text: str = field(repr=False)
    scores: Mapping[str, float] = field(default_factory=dict, hash=False)
    model_version: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "scores", _scores(self.scores))


@dataclass(frozen=True, slots=True)
class FeedbackRecord:
    """A moderator's verdict (``"spam"``, ``"ham"`` or ``"toxic"``) on a checked comment."""

    decision_id: str
    created_at: datetime
    verdict: str
    action: str
    author: str
    ip: str | None
    lang: str
    text: str = field(repr=False)
    scores: Mapping[str, float] = field(default_factory=dict, hash=False)
    model_version: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "scores", _scores(self.scores))


@runtime_checkable
class Store(Protocol):
    """What :class:`modkit.Moderator` needs from a store. Implementations must be thread-safe."""

    @property
    def persistent(self) -> bool:
        """Whether records outlive the process (then a stable site secret is required)."""
        ...

    def bind(self, key_check: str) -> None:
        """Remember the secret's check value, or raise StoreError if another secret made it."""
        ...

    def history(
        self, *, author: str, ip: str | None, post_id: str | None, fingerprint: str, since: datetime
    ) -> History:
        """Return the author's last comment time (by author or IP), whether the same text was
        sent by the same author on the same post at or after ``since``, and trust."""
        ...

    def record(self, record: CommentRecord) -> None:
        """Store one checked comment."""
        ...

    def get(self, decision_id: str) -> CommentRecord | None:
        """Return the stored comment of a decision, or None."""
        ...

    def add_feedback(self, record: FeedbackRecord) -> None:
        """Store (or replace) the verdict on a decision."""
        ...

    def feedback(self) -> list[FeedbackRecord]:
        """Return every stored verdict, oldest first."""
        ...

    def set_trusted(self, author: str, trusted: bool, *, at: datetime) -> None:
        """Mark an author as approved (or no longer)."""
        ...

    def purge(self, before: datetime) -> int:
        """Delete every record older than ``before``; return how many went."""
        ...

    def forget(self, *, authors: Collection[str] = (), ips: Collection[str] = ()) -> int:
        """Delete every record keyed by these author or IP keys; return how many went."""
        ...

    def close(self) -> None:
        """Release resources; the store is not used afterwards."""
        ...


def _check_verdict(verdict: str) -> None:
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {sorted(VERDICTS)}, not {verdict!r}")


# -- memory ----------------------------------------------------------------------------------------


class MemoryStore:
    """An in-process store, thread-safe, bounded to ``max_records`` comments (oldest dropped)."""

    persistent = False

    def __init__(self, *, max_records: int = 100_000) -> None:
        if max_records < 1:
            raise ValueError("max_records must be at least 1")
        self.max_records = max_records
        self._lock = threading.RLock()
        self._key_check: str | None = None
        self._comments: OrderedDict[str, CommentRecord] = OrderedDict()
        self._last_author: dict[str, datetime] = {}
        self._last_ip: dict[str, datetime] = {}
        self._dups: dict[tuple[str, str | None, str], datetime] = {}
        self._trusted: dict[str, datetime] = {}
        self._feedback: dict[str, FeedbackRecord] = {}

    def __repr__(self) -> str:
        return f"MemoryStore({len(self._comments)} comments, {len(self._trusted)} trusted)"

    def __len__(self) -> int:
        return len(self._comments)

    def bind(self, key_check: str) -> None:
        """Remember the secret's check value (a random per-process secret changes nothing here)."""
        with self._lock:
            if self._key_check is not None and self._key_check != key_check:
                raise StoreError(
                    "this store was used with another site secret: author keys would not match"
                )
            self._key_check = key_check

    def history(
        self, *, author: str, ip: str | None, post_id: str | None, fingerprint: str, since: datetime
    ) -> History:
        """See :meth:`Store.history`."""
        with self._lock:
            times = [t for t in (self._last_author.get(author), ip and self._last_ip.get(ip)) if t]
            dup = self._dups.get((author, post_id, fingerprint))
            return History(
                last_seen=max(times) if times else None,
                duplicate=dup is not None and dup >= since,
                trusted=author in self._trusted,
            )

    def record(self, record: CommentRecord) -> None:
        """See :meth:`Store.record`."""
        with self._lock:
            self._comments[record.decision_id] = record
            self._comments.move_to_end(record.decision_id)
            t = record.created_at
            _set_max(self._last_author, record.author, t)
            if record.ip:
                _set_max(self._last_ip, record.ip, t)
            _set_max(self._dups, (record.author, record.post_id, record.fingerprint), t)
            while len(self._comments) > self.max_records:
                _, old = self._comments.popitem(last=False)
                self._drop_derived(old)

    def _drop_derived(self, old: CommentRecord) -> None:
        if self._last_author.get(old.author) == old.created_at:
            del self._last_author[old.author]
        if old.ip and self._last_ip.get(old.ip) == old.created_at:
            del self._last_ip[old.ip]
        key = (old.author, old.post_id, old.fingerprint)
        if self._dups.get(key) == old.created_at:
            del self._dups[key]

    def get(self, decision_id: str) -> CommentRecord | None:
        """See :meth:`Store.get`."""
        with self._lock:
            return self._comments.get(decision_id)

    def add_feedback(self, record: FeedbackRecord) -> None:
        """See :meth:`Store.add_feedback`."""
        _check_verdict(record.verdict)
        with self._lock:
            self._feedback.pop(record.decision_id, None)
            self._feedback[record.decision_id] = record

    def feedback(self) -> list[FeedbackRecord]:
        """See :meth:`Store.feedback`."""
        with self._lock:
            return sorted(self._feedback.values(), key=lambda r: r.created_at)

    def set_trusted(self, author: str, trusted: bool, *, at: datetime) -> None:
        """See :meth:`Store.set_trusted`."""
        with self._lock:
            if trusted:
                self._trusted[author] = at
            else:
                self._trusted.pop(author, None)

    def purge(self, before: datetime) -> int:
        """See :meth:`Store.purge`."""
        with self._lock:
            n = 0
            for did in [d for d, r in self._comments.items() if r.created_at < before]:
                n += 1
                del self._comments[did]
            for key in [k for k, t in self._trusted.items() if t < before]:
                del self._trusted[key]
            self._rebuild()
            for did in [d for d, r in self._feedback.items() if r.created_at < before]:
                n += 1
                del self._feedback[did]
            return n

    def forget(self, *, authors: Collection[str] = (), ips: Collection[str] = ()) -> int:
        """See :meth:`Store.forget`."""
        a, i = set(authors), set(ips)
        with self._lock:
            n = 0
            for did in [d for d, r in self._comments.items() if r.author in a or r.ip in i]:
                n += 1
                del self._comments[did]
            for did in [d for d, r in self._feedback.items() if r.author in a or r.ip in i]:
                n += 1
                del self._feedback[did]
            for key in a:
                n += self._trusted.pop(key, None) is not None
            self._rebuild()
            return n

    def _rebuild(self) -> None:
        """Recompute the lookup tables from the comments left."""
        self._last_author.clear()
        self._last_ip.clear()
        self._dups.clear()
        for r in self._comments.values():
            _set_max(self._last_author, r.author, r.created_at)
            if r.ip:
                _set_max(self._last_ip, r.ip, r.created_at)
            _set_max(self._dups, (r.author, r.post_id, r.fingerprint), r.created_at)

    def close(self) -> None:
        """Nothing to release."""


def _set_max(table: dict[Any, datetime], key: Any, t: datetime) -> None:
    old = table.get(key)
    if old is None or t > old:
        table[key] = t


# -- SQLite ----------------------------------------------------------------------------------------

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS comments (
    decision_id   TEXT PRIMARY KEY,
    created_at    REAL NOT NULL,
    author        TEXT NOT NULL,
    ip            TEXT,
    post_id       TEXT,
    fingerprint   TEXT NOT NULL,
    action        TEXT NOT NULL,
    lang          TEXT NOT NULL,
    text          TEXT NOT NULL,
    scores        TEXT NOT NULL,
    model_version TEXT
);
CREATE INDEX IF NOT EXISTS comments_author ON comments (author, created_at);
CREATE INDEX IF NOT EXISTS comments_ip ON comments (ip, created_at);
CREATE INDEX IF NOT EXISTS comments_dup ON comments (author, post_id, fingerprint, created_at);
CREATE INDEX IF NOT EXISTS comments_created ON comments (created_at);
CREATE TABLE IF NOT EXISTS trusted (
    author      TEXT PRIMARY KEY,
    approved_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
    decision_id   TEXT PRIMARY KEY,
    created_at    REAL NOT NULL,
    verdict       TEXT NOT NULL CHECK (verdict IN ('spam', 'ham', 'toxic')),
    action        TEXT NOT NULL,
    author        TEXT NOT NULL,
    ip            TEXT,
    lang          TEXT NOT NULL,
    text          TEXT NOT NULL,
    scores        TEXT NOT NULL,
    model_version TEXT
);
CREATE INDEX IF NOT EXISTS feedback_author ON feedback (author);
CREATE INDEX IF NOT EXISTS feedback_ip ON feedback (ip);
CREATE INDEX IF NOT EXISTS feedback_created ON feedback (created_at);
"""


class _Holder:
    """A thread's connection; collected (and the connection closed) when the thread ends."""

    __slots__ = ("__weakref__", "conn", "pid")

    def __init__(self, conn: sqlite3.Connection, pid: int) -> None:
        self.conn = conn
        self.pid = pid


def _ts(t: datetime) -> float:
    return (t if t.tzinfo else t.replace(tzinfo=UTC)).timestamp()


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, tz=UTC)


def _dump_scores(scores: Mapping[str, float]) -> str:
    return json.dumps({k: v for k, v in scores.items() if math.isfinite(v)}, sort_keys=True)


_BUSY_CODES: Final = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


def _is_busy(exc: sqlite3.Error) -> bool:
    """Whether SQLite refused for a lock held elsewhere (``SQLITE_BUSY``/``SQLITE_LOCKED``).

    Read from the error code (extended codes such as ``SQLITE_BUSY_SNAPSHOT`` keep the primary
    code in their low byte), never from the message, which varies between SQLite versions.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and (code & 0xFF) in _BUSY_CODES


class SQLiteStore:
    """A store in one SQLite file (WAL mode), shared safely by threads and processes.

    Each thread (and each process after a fork) gets its own connection; every operation is
    retried with backoff while the database is locked by another writer. ``timeout`` bounds one
    attempt's wait in SQLite's busy handler, ``retries`` the number of further attempts and
    ``max_wait`` the total time one operation may spend waiting for the lock, retries included;
    past either bound the operation fails with :class:`StoreError`. ``":memory:"`` gives a
    private in-memory database behind one lock (for tests).

    Raises:
        StoreError: the file cannot be opened or its schema is from a newer modkit.
        ValueError: a negative ``timeout``, ``retries`` or ``max_wait``.
    """

    persistent = True

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        timeout: float = 5.0,
        retries: int = 8,
        max_wait: float = 5.0,
    ) -> None:
        if not (timeout >= 0 and retries >= 0 and max_wait >= 0):
            raise ValueError("timeout, retries and max_wait must not be negative")
        self.path = os.fspath(path)
        self.timeout = float(timeout)
        self.retries = int(retries)
        self.max_wait = float(max_wait)
        self._memory = self.path == ":memory:"
        self._local = threading.local()
        self._lock = threading.RLock()
        self._conns: dict[int, tuple[sqlite3.Connection, int]] = {}  # id -> (conn, opener pid)
        self._shared: sqlite3.Connection | None = None
        self._closed = False
        try:
            self._run(self._init_schema, write=True)
        except BaseException:
            self.close()
            raise

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- connections -------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        """Open a connection (sqlite3 errors propagate to :meth:`_run`, which retries or wraps)."""
        conn = sqlite3.connect(
            self.path,
            timeout=min(self.timeout, self.max_wait),
            isolation_level=None,
            check_same_thread=False,
        )
        with self._lock:
            self._conns[id(conn)] = (conn, os.getpid())
        conn.execute(f"PRAGMA busy_timeout = {self._busy_ms(self.max_wait)}")
        conn.execute("PRAGMA secure_delete = ON")  # erased rows are overwritten, not left in pages
        if not self._memory:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    def _conn(self) -> sqlite3.Connection:
        if self._closed:
            raise StoreError("the SQLite store is closed")
        if self._memory:
            if self._shared is None:
                self._shared = self._open()
            return self._shared
        pid = os.getpid()
        holder: _Holder | None = getattr(self._local, "holder", None)
        if holder is None or holder.pid != pid:
            self._local.holder = None
            conn = self._open()  # a connection must not cross a fork: the child opens its own
            holder = _Holder(conn, pid)
            # When the thread ends, its locals go, and so does its connection.
            weakref.finalize(holder, self._release, id(conn))
            self._local.holder = holder
        return holder.conn

    def _release(self, key: int) -> None:
        with self._lock:
            entry = self._conns.pop(key, None)
        if entry is not None and entry[1] == os.getpid():
            with suppress(sqlite3.Error):
                entry[0].close()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        if self._memory:
            with self._lock:
                yield
        else:
            yield

    def _busy_ms(self, remaining: float) -> int:
        """SQLite's busy wait for one attempt, in ms: ``timeout``, cut to the time remaining."""
        return max(0, int(min(self.timeout, remaining) * 1000))

    def _run(self, fn: Callable[[sqlite3.Connection], _T], *, write: bool = False) -> _T:
        """Run ``fn`` in a transaction, retrying while the database is busy.

        The whole call waits at most about ``max_wait`` seconds for the lock (SQLite's busy
        handler and the sleeps between attempts together), then raises :class:`StoreError`.
        """
        delay = 0.01
        start = time.monotonic()
        deadline = start + self.max_wait
        base_ms = self._busy_ms(self.max_wait)
        for attempt in range(self.retries + 1):
            with self._guard():
                conn: sqlite3.Connection | None = None
                busy_ms = base_ms
                try:
                    conn = self._conn()
                    if attempt:  # a retry may only wait for what is left of max_wait
                        busy_ms = self._busy_ms(deadline - time.monotonic())
                        if busy_ms != base_ms:
                            conn.execute(f"PRAGMA busy_timeout = {busy_ms}")
                    conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                    try:
                        result = fn(conn)
                        conn.execute("COMMIT")
                    except BaseException:
                        # SQLite may have rolled back already (a full disk does): a failed
                        # ROLLBACK must not hide the error, nor a failed COMMIT leave the
                        # connection inside a transaction.
                        if conn.in_transaction:
                            with suppress(sqlite3.Error):
                                conn.execute("ROLLBACK")
                        raise
                    return result
                except sqlite3.Error as exc:
                    if not _is_busy(exc):
                        raise StoreError(f"SQLite store {self.path!r}: {exc}") from exc
                    left = deadline - time.monotonic()
                    if attempt == self.retries or left <= delay:
                        raise StoreError(
                            f"SQLite store {self.path!r}: {exc}: still busy after "
                            f"{time.monotonic() - start:.1f} s and {attempt + 1} attempt(s) "
                            f"(limit {self.max_wait:g} s); retry later"
                        ) from exc
                    _log.debug("modkit: SQLite store busy, retry %d", attempt + 1)
                finally:
                    if conn is not None and busy_ms != base_ms:
                        with suppress(sqlite3.Error):
                            conn.execute(f"PRAGMA busy_timeout = {base_ms}")
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
        raise StoreError(f"SQLite store {self.path!r}: still locked")  # pragma: no cover

    def _init_schema(self, conn: sqlite3.Connection) -> None:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        elif int(row[0]) > SCHEMA_VERSION:
            raise StoreError(
                f"SQLite store {self.path!r} has schema {row[0]}, newer than this modkit "
                f"({SCHEMA_VERSION}): upgrade modkit"
            )

    def close(self) -> None:
        """Close every connection this store opened in this process.

        Connections inherited across a fork are left alone: they belong to the parent.
        """
        pid = os.getpid()
        with self._lock:
            self._closed = True
            for conn, owner in self._conns.values():
                if owner == pid:
                    with suppress(sqlite3.Error):
                        conn.close()
            self._conns.clear()
            self._shared = None

    # -- operations --------------------------------------------------------------------------------

    def bind(self, key_check: str) -> None:
        """Remember the secret's check value on first use; raise if another secret made the store.

        Raises:
            StoreError: the store was created with a different site secret.
        """

        def op(conn: sqlite3.Connection) -> None:
            row = conn.execute("SELECT value FROM meta WHERE key = 'key_check'").fetchone()
            if row is None:
                conn.execute("INSERT INTO meta (key, value) VALUES ('key_check', ?)", (key_check,))
            elif row[0] != key_check:
                raise StoreError(
                    f"SQLite store {self.path!r} was created with another site secret: "
                    f"set the same MODKIT_SECRET, or start a new store"
                )

        self._run(op, write=True)

    def history(
        self, *, author: str, ip: str | None, post_id: str | None, fingerprint: str, since: datetime
    ) -> History:
        """See :meth:`Store.history`."""

        def op(conn: sqlite3.Connection) -> History:
            last = conn.execute(
                "SELECT MAX(t) FROM ("
                " SELECT MAX(created_at) AS t FROM comments WHERE author = ?"
                " UNION ALL SELECT MAX(created_at) FROM comments WHERE ip = ?)",
                (author, ip),
            ).fetchone()[0]
            dup = conn.execute(
                "SELECT 1 FROM comments WHERE author = ? AND post_id IS ? AND fingerprint = ?"
                " AND created_at >= ? LIMIT 1",
                (author, post_id, fingerprint, _ts(since)),
            ).fetchone()
            trusted = conn.execute("SELECT 1 FROM trusted WHERE author = ?", (author,)).fetchone()
            return History(
                last_seen=_dt(last) if last is not None else None,
                duplicate=dup is not None,
                trusted=trusted is not None,
            )

        return self._run(op)

    def record(self, record: CommentRecord) -> None:
        """See :meth:`Store.record`."""
        row = (
            record.decision_id,
            _ts(record.created_at),
            record.author,
            record.ip,
            record.post_id,
            record.fingerprint,
            record.action,
            record.lang,
            record.text,
            _dump_scores(record.scores),
            record.model_version,
        )
        self._run(
            lambda conn: conn.execute(
                "INSERT OR REPLACE INTO comments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row
            ),
            write=True,
        )

    def get(self, decision_id: str) -> CommentRecord | None:
        """See :meth:`Store.get`."""
        row = self._run(
            lambda conn: conn.execute(
                "SELECT decision_id, created_at, author, ip, post_id, fingerprint, action, lang,"
                " text, scores, model_version FROM comments WHERE decision_id = ?",
                (decision_id,),
            ).fetchone()
        )
        if row is None:
            return None
        return CommentRecord(
            decision_id=row[0],
            created_at=_dt(row[1]),
            author=row[2],
            ip=row[3],
            post_id=row[4],
            fingerprint=row[5],
            action=row[6],
            lang=row[7],
            text=row[8],
            scores=json.loads(row[9]),
            model_version=row[10],
        )

    def add_feedback(self, record: FeedbackRecord) -> None:
        """See :meth:`Store.add_feedback`."""
        _check_verdict(record.verdict)
        row = (
            record.decision_id,
            _ts(record.created_at),
            record.verdict,
            record.action,
            record.author,
            record.ip,
            record.lang,
            record.text,
            _dump_scores(record.scores),
            record.model_version,
        )
        self._run(
            lambda conn: conn.execute(
                "INSERT OR REPLACE INTO feedback VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row
            ),
            write=True,
        )

    def feedback(self) -> list[FeedbackRecord]:
        """See :meth:`Store.feedback`."""
        rows = self._run(
            lambda conn: conn.execute(
                "SELECT decision_id, created_at, verdict, action, author, ip, lang, text, scores,"
                " model_version FROM feedback ORDER BY created_at, decision_id"
            ).fetchall()
        )
        return [
            FeedbackRecord(
                decision_id=r[0],
                created_at=_dt(r[1]),
                verdict=r[2],
                action=r[3],
                author=r[4],
                ip=r[5],
                lang=r[6],
                text=r[7],
                scores=json.loads(r[8]),
                model_version=r[9],
            )
            for r in rows
        ]

    def set_trusted(self, author: str, trusted: bool, *, at: datetime) -> None:
        """See :meth:`Store.set_trusted`."""
        if trusted:
            self._run(
                lambda conn: conn.execute(
                    "INSERT OR REPLACE INTO trusted (author, approved_at) VALUES (?, ?)",
                    (author, _ts(at)),
                ),
                write=True,
            )
        else:
            self._run(
                lambda conn: conn.execute("DELETE FROM trusted WHERE author = ?", (author,)),
                write=True,
            )

    def purge(self, before: datetime) -> int:
        """See :meth:`Store.purge`."""
        cutoff = _ts(before)

        def op(conn: sqlite3.Connection) -> int:
            n = conn.execute("DELETE FROM comments WHERE created_at < ?", (cutoff,)).rowcount
            n += conn.execute("DELETE FROM feedback WHERE created_at < ?", (cutoff,)).rowcount
            conn.execute("DELETE FROM trusted WHERE approved_at < ?", (cutoff,))
            return int(n)

        return self._run(op, write=True)

    def forget(self, *, authors: Collection[str] = (), ips: Collection[str] = ()) -> int:
        """See :meth:`Store.forget`."""
        a, i = sorted(set(authors)), sorted(set(ips))

        def op(conn: sqlite3.Connection) -> int:
            n = 0
            for key in a:
                n += conn.execute("DELETE FROM comments WHERE author = ?", (key,)).rowcount
                n += conn.execute("DELETE FROM feedback WHERE author = ?", (key,)).rowcount
                n += conn.execute("DELETE FROM trusted WHERE author = ?", (key,)).rowcount
            for key in i:
                n += conn.execute("DELETE FROM comments WHERE ip = ?", (key,)).rowcount
                n += conn.execute("DELETE FROM feedback WHERE ip = ?", (key,)).rowcount
            return int(n)

        n = self._run(op, write=True)
        if n and not self._memory:  # erased rows must not linger in free pages or the WAL
            self._run_plain("PRAGMA wal_checkpoint(TRUNCATE)")
        return n

    def _run_plain(self, sql: str) -> None:
        with self._guard():
            try:
                self._conn().execute(sql)
            except sqlite3.Error as exc:  # best effort: the rows are already deleted
                _log.debug("modkit: %s failed: %s", sql, exc)
