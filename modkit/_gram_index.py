"""Integer keys of n-grams and a vectorised table from key to feature column.

The featuriser never builds gram strings at scoring time. A sequence (the characters of a batch of
padded texts, or the word ids of a batch) becomes an array of small integer ids, 0 standing for
"in no gram of the vocabulary" (unknown characters and the separators between texts). The n-gram
starting at position ``i`` is keyed by its ids read as the digits of a number in base ``base``:
exact (two grams have one key only if they are the same) whenever ``base ** n <= 2 ** 64``, which
holds for any realistic vocabulary (the shipped one has 155 character ids). Otherwise keys are a
64-bit mixing hash; the vocabulary's own keys are then checked for collisions when the table is
built, and a key that would need a collision to match (a window holding an id 0) is masked out.

:class:`KeyTable` maps keys to columns with open addressing (linear probing, at most a quarter
full), looked up for a whole array at once: a few vectorised rounds, no Python loop over grams.
``fit`` keys the grams of a corpus with :func:`window_keys`; scoring follows the tries of the
gram-trie module, which fall back to a :class:`KeyTable` only for keys that cannot be exact.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

__all__ = [
    "KeyCollisionError",
    "KeyTable",
    "exact_keys",
    "grams_keys",
    "window_keys",
]

_U64 = np.uint64
_GOLDEN = _U64(0x9E3779B97F4A7C15)
_MIX1 = _U64(0xBF58476D1CE4E5B9)
_MIX2 = _U64(0x94D049BB133111EB)


class KeyCollisionError(ValueError):
    """Two different grams of a vocabulary have the same key."""


def exact_keys(base: int, longest: int) -> bool:
    """Whether keys of up to ``longest`` ids in base ``base`` are exact (no collision possible)."""
    return bool(int(base) ** int(longest) <= 1 << 64)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: a bijection of 64-bit integers that spreads every bit."""
    x = x ^ (x >> _U64(30))
    x *= _MIX1
    x ^= x >> _U64(27)
    x *= _MIX2
    x ^= x >> _U64(31)
    return x


def _first(ids: np.ndarray, exact: bool) -> np.ndarray:
    return ids if exact else _mix(ids + _GOLDEN)


def _next(keys: np.ndarray, ids: np.ndarray, base: int, exact: bool) -> np.ndarray:
    """Keys of the grams one id longer: ``ids`` appended."""
    return keys * _U64(base) + ids if exact else _mix(keys * _GOLDEN ^ ids)


def window_keys(ids: np.ndarray, base: int, lo: int, hi: int) -> Iterator[tuple[int, np.ndarray]]:
    """Yield ``(n, keys)`` for n in ``lo..hi``: ``keys[i]`` is the key of ``ids[i:i + n]``.

    ``ids`` is a 1-d ``uint64`` array of ids in ``0..base - 1``. Exact keys (see
    :func:`exact_keys`) are ``ids[i] * base ** (n - 1) + ... + ids[i + n - 1]``; otherwise a
    window holding an id 0 gets key 0, which no gram of a vocabulary has.
    """
    exact = exact_keys(base, hi)
    keys = _first(ids, exact)
    zeros = None if exact else np.concatenate(([0], np.cumsum(ids == 0)))
    for n in range(1, hi + 1):
        if n > 1:
            keys = _next(keys[:-1], ids[n - 1 :], base, exact)
        if n < lo:
            continue
        if zeros is None:
            yield n, keys
        else:
            held = zeros[n:] - zeros[: len(zeros) - n]
            yield n, np.where(held == 0, keys, _U64(0))


def grams_keys(columns: Sequence[np.ndarray], base: int, hi: int) -> np.ndarray:
    """Keys of grams of ``len(columns)`` ids given by column (``columns[j][i]``: the j-th id of
    gram i), as :func:`window_keys` with the same ``base`` and ``hi`` keys them."""
    exact = exact_keys(base, hi)
    keys = _first(columns[0], exact)
    for ids in columns[1:]:
        keys = _next(keys, ids, base, exact)
    return keys


class KeyTable:
    """Key -> column, for arrays of keys at once (open addressing, linear probing).

    Probing runs past the last home slot into an overflow area instead of wrapping, so the slots
    a key may occupy are ``home .. home + reach`` and a table is read without masks.

    Raises:
        KeyCollisionError: two entries share a key, or an entry has the key 0 (reserved for
            empty slots); ``names`` (gram of each column) make the message say which grams.
    """

    __slots__ = ("_cols", "_keys", "_reach", "_shift")

    def __init__(self, keys: np.ndarray, cols: np.ndarray, names: Sequence[str] = ()) -> None:
        keys = np.ascontiguousarray(keys, dtype=_U64)
        cols = np.asarray(cols, dtype=np.int32)
        _check_distinct(keys, cols, names)
        bits = max(4, len(keys).bit_length() + 2)  # at most a quarter full: short probes
        self._shift = _U64(64 - bits)
        home = self._slots(keys)
        owner = np.full((1 << bits) + 64, -1, dtype=np.intp)
        slots = home.copy()
        pending = np.arange(len(keys))
        while pending.size:
            s = slots[pending]
            if s.max(initial=0) + 2 >= len(owner):  # the overflow area grows as needed
                owner = np.concatenate((owner, np.full(len(owner) // 2, -1, dtype=np.intp)))
            taken = owner[s] >= 0
            slots[pending[taken]] = s[taken] + 1
            free, s = pending[~taken], s[~taken]
            owner[s] = free  # one of the entries that want a slot gets it
            won = owner[s] == free
            pending = np.concatenate((pending[taken], free[~won]))
        reach = int((slots - home).max(initial=0)) + 1  # every key is this close to home
        size = (1 << bits) + reach + 1  # the last slot stays empty
        placed = np.flatnonzero(owner[:size] >= 0)
        self._keys = np.zeros(size, dtype=_U64)
        self._cols = np.full(size, -1, dtype=np.int32)
        self._keys[placed] = keys[owner[placed]]
        self._cols[placed] = cols[owner[placed]]
        self._reach = np.arange(reach)

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        return ((keys * _GOLDEN) >> self._shift).astype(np.intp)

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """The column of each key (``int32``), -1 for a key not in the table."""
        slots = self._slots(keys)
        if len(keys) <= _SMALL:  # every slot a key may be in at once: fewer numpy calls
            window = slots[:, None] + self._reach
            match = np.flatnonzero(self._keys[window] == keys[:, None])
            small: np.ndarray = np.full(len(keys), -1, dtype=np.int32)
            small[match // len(self._reach)] = self._cols[window.ravel()[match]]  # key 0: empty, -1
            return small
        found = self._keys[slots]
        out: np.ndarray = self._cols[slots]
        miss = found != keys
        out[miss] = -1
        todo = np.flatnonzero(miss & (found != 0))  # occupied by another key: probe on
        todo = todo[keys[todo] != 0]  # key 0: never stored
        slots = slots[todo]
        while todo.size:
            slots += 1
            found = self._keys[slots]
            hit = found == keys[todo]
            out[todo[hit]] = self._cols[slots[hit]]
            more = ~hit & (found != 0)
            todo, slots = todo[more], slots[more]
        return out


def _check_distinct(keys: np.ndarray, cols: np.ndarray, names: Sequence[str]) -> None:
    if not len(keys):
        return
    order = np.argsort(keys, kind="stable")
    ranked = keys[order]
    same = np.flatnonzero(ranked[1:] == ranked[:-1])
    if ranked[0] == 0:
        raise KeyCollisionError(f"gram {_name(names, cols, order[0])} has the reserved key 0")
    if same.size:
        a, b = order[same[0]], order[same[0] + 1]
        raise KeyCollisionError(
            f"grams {_name(names, cols, a)} and {_name(names, cols, b)} have the same key: "
            "this vocabulary cannot be indexed"
        )


def _name(names: Sequence[str], cols: np.ndarray, i: Any) -> str:
    col = int(cols[int(i)])
    return repr(names[col]) if 0 <= col < len(names) else f"column {col}"


#: Up to this many keys, a look-up reads every slot a key may be in at once (fewer numpy calls).
_SMALL = 4096
