"""A vocabulary of n-grams as a trie of integer tables, and exact counting of (comment, gram) pairs.

A gram is a sequence of integer ids in ``1..base - 1`` (0 stands for "in no gram": unknown
characters or words, and the separators between the texts of a batch). The trie numbers every
prefix of every gram of the vocabulary: level ``n`` maps ``(node of the first n - 1 ids, n-th id)``
to the node of the first ``n`` ids (0: no gram starts so), and each node knows the column of its
gram, if it is one. :meth:`GramTrie.columns` follows every window of a sequence down the trie at
once: one array gather per level, no Python loop over positions.

A level is a dense table indexed by ``parent * base + id`` when that fits in
:data:`DIRECT_LIMIT` entries, otherwise the sorted array of its keys ``parent * base + id``, read
by a binary search. The first levels are merged into one dense table indexed by the ids read as a
base-``base`` number (up to :data:`MERGED_LIMIT` entries): for the shipped model, one gather per
position finds its 3-gram, one more its 4-gram, one more its 5-gram. Keys are exact; only when
:func:`~modkit._gram_index.exact_keys` says they cannot be does a level hash them into a
:class:`~modkit._gram_index.KeyTable` (checked for collisions when it is built).

:func:`count_keys` counts the distinct values of an array (the (comment, column) pairs of a batch)
by rounds of scatter and gather in a table twice its size, or by a sort when they are few.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from modkit import _gram_index  # by module: its key functions decide exact or hashed keys
from modkit._gram_index import KeyTable

__all__ = ["DIRECT_LIMIT", "GramTrie", "count_keys"]

#: Largest dense table (entries) of one level; a larger level is a sorted array of its keys.
DIRECT_LIMIT = 1 << 23
#: Largest table (entries) of the first levels merged into one.
MERGED_LIMIT = 1 << 23
_U64 = np.uint64
_GOLDEN = _U64(0x9E3779B97F4A7C15)
_ROUNDS = 8  # rounds of count_keys before the rest is sorted
_SMALL = 2048  # up to this many keys, count_keys sorts (fewer array calls)


@dataclass(frozen=True, slots=True)
class _Level:
    """Level ``n`` of a trie: from parent and id to node by ``table`` (dense), by ``sorted_keys``
    (``parent * base + id`` ascending, a binary search) or by ``keys`` (hashed); ``rows``:
    parents above it have no child (clamped to an empty row); ``cols``: node -> column (-1: a
    prefix only)."""

    n: int
    rows: int
    cols: np.ndarray
    table: np.ndarray | None
    keys: KeyTable | None
    key_base: int
    sorted_keys: np.ndarray | None = None
    sorted_nodes: np.ndarray | None = None


class GramTrie:
    """The grams of ``ids`` (one row per gram, ``lengths[i]`` ids used, the rest 0) with their
    columns ``cols``, over the alphabet ``1..base - 1``; grams of ``lo..hi`` ids are looked up.

    ``skip_unigram`` (a bool per id) marks ids whose 1-gram is never reported (stop words): they
    still start longer grams.

    Raises:
        KeyCollisionError: two prefixes share a hashed key (see the gram-index module).
    """

    def __init__(  # noqa: PLR0917
        self,
        ids: np.ndarray,
        lengths: np.ndarray,
        cols: np.ndarray,
        base: int,
        lo: int,
        hi: int,
        skip_unigram: np.ndarray | None = None,
        names: Sequence[str] = (),
    ) -> None:
        self.base, self.lo, self.hi = int(base), int(lo), int(hi)
        ids = np.asarray(ids, dtype=np.int64).reshape(len(lengths), max(self.hi, 1))
        lengths = np.asarray(lengths, dtype=np.int64)
        cols = np.asarray(cols, dtype=np.int64)
        # The first levels merged into one dense table indexed by the ids as a number.
        first = 1
        while (
            first < self.lo
            and self.base ** (first + 1) <= MERGED_LIMIT
            and _gram_index.exact_keys(self.base, first + 1)
        ):
            first += 1
        self.first = first
        levels: list[_Level] = []
        parent = np.zeros(len(lengths), dtype=np.int64)  # node of each gram's prefix so far
        for n in range(1, self.hi + 1):
            live = np.flatnonzero(lengths >= n)
            key = parent[live] * self.base + ids[live, n - 1]  # up to `first`: ids as a number
            if n < first:
                parent[live] = key
                continue
            nodes, inverse = np.unique(key, return_inverse=True)
            has_child = np.bincount(inverse[lengths[live] > n], minlength=len(nodes)) > 0
            order = np.argsort(~has_child, kind="stable")  # nodes with children first
            number = np.empty(len(nodes), dtype=np.int64)
            number[order] = np.arange(1, len(nodes) + 1)
            node_cols = np.full(len(nodes) + 1, -1, dtype=np.int32)
            ends = lengths[live] == n
            node_cols[number[inverse[ends]]] = cols[live[ends]]
            if n == 1 and skip_unigram is not None:
                node_cols[number[skip_unigram[nodes]]] = -1
            rows = int(has_child.sum())
            prev_rows = levels[-1].rows if levels else 0
            levels.append(self._level(n, nodes, number, node_cols, rows, prev_rows, names))
            parent[live] = number[inverse]
        self._levels = levels

    def _level(  # noqa: PLR0917
        self,
        n: int,
        keys: np.ndarray,
        nodes: np.ndarray,
        node_cols: np.ndarray,
        rows: int,
        prev_rows: int,
        names: Sequence[str],
    ) -> _Level:
        """Level ``n`` from its nodes (``keys``: ``parent * base + id``, or the merged ids)."""
        dtype = np.uint16 if len(nodes) < 1 << 16 else np.uint32
        # A dense level has a row per parent 0..rows and one empty row for the parents above.
        size = self.base**n if n == self.first else (prev_rows + 2) * self.base
        # (Where keys cannot be exact, no level but the first is dense: all are then hashed.)
        if n == self.first or (
            size <= DIRECT_LIMIT and _gram_index.exact_keys(max(prev_rows + 2, 2), 2)
        ):
            table = np.zeros(size, dtype=dtype)
            table[keys] = nodes
            return _Level(n, rows, node_cols, table, None, 0)
        key_base = max(prev_rows + 2, self.base)
        if _gram_index.exact_keys(key_base, 2):  # exact keys: a binary search, no hashing
            order = np.argsort(keys)
            ranked = np.append(keys[order].astype(_U64), _U64(np.iinfo(np.uint64).max))
            found = np.append(nodes[order], 0).astype(dtype)
            return _Level(n, rows, node_cols, None, None, 0, ranked, found)
        parents, last = np.divmod(keys, self.base)
        hashed = _gram_index.grams_keys([parents.astype(_U64), last.astype(_U64)], key_base, 2)
        return _Level(n, rows, node_cols, None, KeyTable(hashed, nodes, names), key_base)

    def columns(self, ids: np.ndarray) -> np.ndarray:
        """Columns of the grams at each start of ``ids`` (``uint32``; a 0 between texts):
        ``out[i, n - lo]`` for ``ids[i:i + n]``, -1 where it is no gram of the vocabulary."""
        size = len(ids)
        padded = np.zeros(size + self.hi, dtype=np.uint32)
        padded[:size] = ids
        base = np.uint32(self.base)
        key = padded[:size] * base if self.first > 1 else padded[:size]  # only read if not
        for j in range(1, self.first):
            if j > 1:
                key *= base
            key += padded[j : j + size]
        out = np.empty((size, self.hi - self.lo + 1), dtype=np.int32)
        node = np.zeros(0, dtype=np.uint32)
        rows = 0
        for level in self._levels:
            n = level.n
            if n > self.first and level.table is not None:  # in place, in uint32
                key = np.minimum(node, rows + 1, dtype=np.uint32)  # the parent
                key *= base
                key += padded[n - 1 : n - 1 + size]
                node = level.table.take(key)
            elif n > self.first:
                parent = np.minimum(node, np.uint32(rows + 1))
                if level.sorted_keys is not None and level.sorted_nodes is not None:
                    key = parent.astype(_U64) * _U64(self.base) + padded[n - 1 : n - 1 + size]
                    at = level.sorted_keys.searchsorted(key)  # the sentinel: always in range
                    node = level.sorted_nodes.take(at)
                    node[level.sorted_keys.take(at) != key] = 0
                else:
                    node = self._hashed(level, parent, padded[n - 1 : n - 1 + size])
            else:
                assert level.table is not None
                node = level.table.take(key)
            if n >= self.lo:
                out[:, n - self.lo] = level.cols.take(node)
            rows = level.rows
        return out

    def pair_tables(self) -> tuple[list[int], list[int], dict[int, int]] | None:
        """For a trie of 1- and 2-grams, what :meth:`columns` reads, as Python objects (for a few
        ids, faster than arrays): the 1-gram column of each id (-1: none), the parent of each id,
        and ``parent * base + id`` -> 2-gram column. None for other tries (built once)."""
        cached: tuple[list[int], list[int], dict[int, int]] | None = self.__dict__.get("_pairs")
        if cached is not None or self.hi != 2 or self.first != 1:
            return cached
        one, two = self._levels
        if one.table is None or (two.table is None and two.sorted_keys is None):
            return None
        if two.table is not None:
            keys = np.flatnonzero(two.table)
            nodes = two.table.take(keys)
        else:
            assert two.sorted_keys is not None
            assert two.sorted_nodes is not None
            keys, nodes = two.sorted_keys[:-1], two.sorted_nodes[:-1]  # not the sentinel
        cols = two.cols.take(nodes.astype(np.int64))
        found = cols >= 0
        pairs = dict(zip(keys[found].tolist(), cols[found].tolist(), strict=True))
        first_cols = one.cols.take(one.table.astype(np.int64)).tolist() if self.lo == 1 else []
        parents = np.minimum(one.table, one.rows + 1).tolist()
        self._pairs = (first_cols or [-1] * len(parents), parents, pairs)
        return self._pairs

    def _hashed(self, level: _Level, parent: np.ndarray, ids: np.ndarray) -> np.ndarray:
        assert level.keys is not None
        parents = parent.astype(_U64)
        last = ids.astype(_U64)
        keys = _gram_index.grams_keys([parents, last], level.key_base, 2)
        keys[(parents == 0) | (last == 0)] = 0  # never a gram: no hashed look-alike either
        found = level.keys.lookup(keys)
        node: np.ndarray = np.maximum(found, 0).astype(np.uint32)
        return node


def count_keys(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of ``keys`` (non-negative ``int32`` or ``int64``) and their counts.

    Returns ``(first, counts)``: ascending indices, one occurrence of each distinct value (its
    last), and the value's number of occurrences. Each round scatters the indices still unsettled
    into a table by a hash of their value and reads back who won each slot; an index whose winner
    holds the same value is settled. After :data:`_ROUNDS` rounds the rest is sorted.
    """
    size = len(keys)
    if size <= _SMALL:
        return _count_sorted(keys)
    bits = max(4, (2 * size - 1).bit_length())
    if keys.dtype == np.int32:
        slots = keys.view(np.uint32) * np.uint32(0x9E3779B1)
        slots >>= np.uint32(32 - bits)
    else:
        slots = keys.astype(np.int64).view(_U64) * _GOLDEN
        slots >>= _U64(64 - bits)
    table = np.empty(1 << bits, dtype=np.int32)
    index = np.arange(size, dtype=np.int32)
    table[slots] = index
    rep = table.take(slots)
    todo = np.flatnonzero(keys.take(rep) != keys)
    mask = (1 << bits) - 1
    for step in range(1, _ROUNDS):
        if not todo.size:
            break
        mine = (slots.take(todo).astype(np.int64) + step) & mask  # linear probing
        table[mine] = todo
        winner = table.take(mine)
        same = keys.take(winner) == keys.take(todo)
        rep[todo[same]] = winner[same]
        todo = todo[~same]
    if todo.size:  # crowded: sort what is left
        order = todo[np.argsort(keys[todo], kind="stable")]
        new = np.ones(len(order), dtype=bool)
        new[1:] = keys[order[1:]] != keys[order[:-1]]
        last = np.append(np.flatnonzero(new)[1:], len(order)) - 1
        rep[order] = order[last][np.cumsum(new) - 1]
    first = np.flatnonzero(rep == index)
    counts: np.ndarray = np.bincount(rep, minlength=size).take(first)
    return first, counts


def _count_sorted(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`count_keys` by one sort (few keys); the same result."""
    if not len(keys):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    # Array methods, not the np.* wrappers: for a few keys the calls are the cost.
    order = keys.argsort(kind="stable")  # equal keys by index: the last ends each run
    ranked = keys.take(order)
    ends_run = np.empty(len(keys), dtype=bool)
    np.not_equal(ranked[1:], ranked[:-1], out=ends_run[:-1])
    ends_run[-1] = True
    ends = ends_run.nonzero()[0]
    counts = ends + 1
    counts[1:] -= ends[:-1] + 1
    last = order.take(ends)
    by_index = last.argsort()
    return last.take(by_index), counts.take(by_index)
