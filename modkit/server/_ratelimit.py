"""Per-key token buckets, shared by every worker process of one server.

The buckets live in a small memory-mapped file (two float64 per key: tokens left and the time of
the last refill on the system-wide monotonic clock), updated under an exclusive ``flock``: one
``modkit serve`` with N workers enforces one limit per key, not N. Without a file (a single
process, tests) the buckets live in anonymous memory under a thread lock.
"""

from __future__ import annotations

import fcntl
import mmap
import os
import struct
import threading
import time
from collections.abc import Callable
from types import TracebackType

__all__ = ["RateLimiter"]

_SLOT = struct.Struct("<dd")


class RateLimiter:
    """Token buckets of ``burst`` tokens refilled at ``rate`` tokens per second, one per slot.

    ``rate == 0`` disables limiting. ``path`` names the file shared between processes; it is
    created (or grown) as needed.

    Raises:
        OSError: the shared file cannot be opened or mapped.
    """

    def __init__(
        self,
        slots: int,
        *,
        rate: float,
        burst: int,
        path: str | os.PathLike[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = float(rate)
        self.burst = float(burst)
        self.slots = max(1, slots)
        self._clock = clock
        self._lock = threading.Lock()
        self._fd: int | None = None
        size = self.slots * _SLOT.size
        if path is None:
            self._map = mmap.mmap(-1, size)
        else:
            fd = os.open(os.fspath(path), os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                try:
                    if os.fstat(fd).st_size < size:
                        os.ftruncate(fd, size)
                finally:
                    fcntl.flock(fd, fcntl.LOCK_UN)
                self._map = mmap.mmap(fd, size)
            except BaseException:
                os.close(fd)
                raise
            self._fd = fd

    def __enter__(self) -> RateLimiter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Unmap the buckets and close the shared file."""
        self._map.close()
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def hit(self, slot: int) -> float:
        """Take one token from bucket ``slot``: 0.0 when allowed, else the seconds to wait."""
        if self.rate <= 0.0:
            return 0.0
        offset = (slot % self.slots) * _SLOT.size
        with self._lock:
            if self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_EX)
            try:
                now = self._clock()
                tokens, last = (float(x) for x in _SLOT.unpack_from(self._map, offset))
                if last <= 0.0 or now < last:  # never used, or the clock went back (reboot)
                    tokens = self.burst
                else:
                    tokens = min(self.burst, tokens + (now - last) * self.rate)
                if tokens >= 1.0:
                    _SLOT.pack_into(self._map, offset, tokens - 1.0, now)
                    return 0.0
                _SLOT.pack_into(self._map, offset, tokens, now)
                return (1.0 - tokens) / self.rate
            finally:
                if self._fd is not None:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
