"""A store wrapper that queues writers across worker processes with ``flock``.

SQLite lets one writer in at a time; a writer that finds the lock taken sleeps in steps of
milliseconds (its busy handler) before trying again, which shows up as tail latency when the
workers of one server write on every check. Taking an exclusive ``flock`` on a file beside the
database around each write makes the writers queue in the kernel instead, woken as soon as the
lock is free. Reads go straight through (WAL readers never wait for writers).
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TypeVar

from modkit._store import CommentRecord, FeedbackRecord, History, Store

__all__ = ["SerializedStore"]

_T = TypeVar("_T")


class SerializedStore:
    """Wrap ``store`` so that its writes hold an exclusive lock on ``lock_path``.

    Raises:
        OSError: the lock file cannot be opened.
    """

    def __init__(self, store: Store, lock_path: str | os.PathLike[str]) -> None:
        self.inner = store
        self._fd: int | None = os.open(os.fspath(lock_path), os.O_RDWR | os.O_CREAT, 0o600)
        self._thread_lock = threading.Lock()  # flock does not exclude threads sharing the fd

    def __repr__(self) -> str:
        return f"SerializedStore({self.inner!r})"

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with self._thread_lock:
            fd = self._fd
            if fd is None:  # closed: let the inner store report it
                yield
                return
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)

    def _write(self, fn: Callable[[], _T]) -> _T:
        with self._locked():
            return fn()

    @property
    def persistent(self) -> bool:
        """See :attr:`modkit.Store.persistent`."""
        return self.inner.persistent

    def bind(self, key_check: str) -> None:
        """See :meth:`modkit.Store.bind`."""
        self._write(lambda: self.inner.bind(key_check))

    def history(
        self, *, author: str, ip: str | None, post_id: str | None, fingerprint: str, since: datetime
    ) -> History:
        """See :meth:`modkit.Store.history`."""
        return self.inner.history(
            author=author, ip=ip, post_id=post_id, fingerprint=fingerprint, since=since
        )

    def record(self, record: CommentRecord) -> None:
        """See :meth:`modkit.Store.record`."""
        self._write(lambda: self.inner.record(record))

    def get(self, decision_id: str) -> CommentRecord | None:
        """See :meth:`modkit.Store.get`."""
        return self.inner.get(decision_id)

    def add_feedback(self, record: FeedbackRecord) -> None:
        """See :meth:`modkit.Store.add_feedback`."""
        self._write(lambda: self.inner.add_feedback(record))

    def feedback(self) -> list[FeedbackRecord]:
        """See :meth:`modkit.Store.feedback`."""
        return self.inner.feedback()

    def set_trusted(self, author: str, trusted: bool, *, at: datetime) -> None:
        """See :meth:`modkit.Store.set_trusted`."""
        self._write(lambda: self.inner.set_trusted(author, trusted, at=at))

    def purge(self, before: datetime) -> int:
        """See :meth:`modkit.Store.purge`."""
        return self._write(lambda: self.inner.purge(before))

    def forget(self, *, authors: Collection[str] = (), ips: Collection[str] = ()) -> int:
        """See :meth:`modkit.Store.forget`."""
        return self._write(lambda: self.inner.forget(authors=authors, ips=ips))

    def close(self) -> None:
        """Close the inner store and the lock file."""
        with self._thread_lock:
            fd, self._fd = self._fd, None
        try:
            self.inner.close()
        finally:
            if fd is not None:
                os.close(fd)
