"""Failed authentication throttled per client address, shared by every worker of one server.

Each client address has a leaky count of failed authentications (a missing or unknown key): every
failure adds one, and ``rate`` failures per second are forgiven. Once ``burst`` failures are
pending, the address is refused with 429 until the count leaks below ``burst``, whatever key it
sends, so that a throttled client learns nothing about the keys it tries.

The counts live in a fixed table of slots in a small memory-mapped file that the workers of one
``modkit serve`` share (an anonymous map for one process): bounded in size (``slots`` entries;
when a neighbourhood is full, the entry with the fewest pending failures is replaced) and in time
(an entry leaks to zero, and its slot is free again, ``burst / rate`` seconds after its last
failure). Addresses are stored as keyed hashes, never in clear. Failures are written under an
exclusive ``flock``; the check made on every request is a read of the map, without a lock or a
system call, so clients that authenticate are not slowed.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import mmap
import os
import secrets
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Final

__all__ = ["AuthGuard"]

_HEADER: Final = 32  # bytes 0-15: the hashing key, written once by whoever creates the file
_SLOT: Final = struct.Struct("<Qdd")  # address tag, pending failures, time of the last failure
_PROBES: Final = 8  # slots looked at for one address (its neighbourhood)
DEFAULT_SLOTS: Final = 4096


class AuthGuard:
    """Leaky failure counts per client address; see the module docstring.

    ``rate == 0`` or ``burst == 0`` turns the guard off. ``path`` names the file shared between
    processes; it is created (and sized) as needed.

    Raises:
        OSError: the shared file cannot be opened or mapped.
        ValueError: a negative ``rate`` or ``burst``, or fewer slots than one neighbourhood.
    """

    def __init__(
        self,
        *,
        burst: int,
        rate: float,
        path: str | os.PathLike[str] | None = None,
        slots: int = DEFAULT_SLOTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if burst < 0 or rate < 0 or slots < _PROBES:
            raise ValueError("burst and rate must not be negative, slots at least 8")
        self.burst = int(burst)
        self.rate = float(rate)
        self.slots = int(slots)
        self.writes = 0  # failures recorded by this process (what tests count)
        self._clock = clock
        self._lock = threading.Lock()
        self._fd: int | None = None
        size = _HEADER + self.slots * _SLOT.size
        if path is None:
            self._map = mmap.mmap(-1, size)
            self._map[:16] = secrets.token_bytes(16)
        else:
            fd = os.open(os.fspath(path), os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                try:
                    if os.fstat(fd).st_size < size:
                        os.ftruncate(fd, size)
                    self._map = mmap.mmap(fd, size)
                    if not any(self._map[:16]):
                        self._map[:16] = secrets.token_bytes(16)
                finally:
                    fcntl.flock(fd, fcntl.LOCK_UN)
            except BaseException:
                os.close(fd)
                raise
            self._fd = fd
        self._key = bytes(self._map[:16])

    def __enter__(self) -> AuthGuard:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"AuthGuard(burst={self.burst}, rate={self.rate}, slots={self.slots})"

    @property
    def enabled(self) -> bool:
        """Whether failures are counted at all."""
        return self.burst > 0 and self.rate > 0.0

    def close(self) -> None:
        """Unmap the table and close the shared file."""
        self._map.close()
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def tag(self, address: str) -> int:
        """The keyed 64-bit hash an address is stored under (never 0, the empty slot)."""
        digest = hmac.new(self._key, address.encode("utf-8", "replace"), hashlib.sha256).digest()
        return int.from_bytes(digest[:8], "little") | 1

    def _offsets(self, tag: int) -> Iterator[int]:
        first = tag % self.slots
        for i in range(_PROBES):
            yield _HEADER + ((first + i) % self.slots) * _SLOT.size

    def _pending(self, count: float, last: float, now: float) -> float:
        if now < last:  # the clock went back (a reboot under a kept file): forget
            return 0.0
        return max(0.0, count - (now - last) * self.rate)

    def _wait(self, pending: float) -> float:
        """Seconds until ``pending`` failures leak below ``burst`` (0.0: not refused)."""
        excess = pending - (self.burst - 1)
        return excess / self.rate if excess > 0.0 else 0.0

    def retry_after(self, address: str) -> float:
        """Seconds ``address`` must wait before it is heard again; 0.0 when it is not refused.

        A read of the shared table without a lock: a torn read can only mistake a count for
        another's, which the next failure, written under the lock, corrects.
        """
        if not self.enabled:
            return 0.0
        tag = self.tag(address)
        for offset in self._offsets(tag):
            found, count, last = _SLOT.unpack_from(self._map, offset)
            if found == tag:
                return self._wait(self._pending(count, last, self._clock()))
        return 0.0

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with self._lock:
            if self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if self._fd is not None:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)

    def fail(self, address: str) -> tuple[float, float]:
        """Count one failed authentication from ``address``.

        Returns:
            The failures now pending for it, and the seconds it must now wait (0.0: not yet
            refused).
        """
        if not self.enabled:
            return 0.0, 0.0
        tag = self.tag(address)
        with self._locked():
            now = self._clock()
            target: int | None = None
            lowest = (float("inf"), 0)
            pending = 0.0
            for offset in self._offsets(tag):
                found, count, last = _SLOT.unpack_from(self._map, offset)
                left = self._pending(count, last, now) if found else 0.0
                if found == tag:
                    target, pending = offset, left
                    break
                if left < lowest[0]:  # an empty or fully leaked slot has 0 pending
                    lowest = (left, offset)
            if target is None:
                target, pending = lowest[1], 0.0
            pending += 1.0
            _SLOT.pack_into(self._map, target, tag, pending, now)
            self.writes += 1
        return pending, self._wait(pending)
