"""The fitted vocabulary compiled for scoring: the distinct grams of a batch and their counts.

:class:`VocabularyIndex` turns a batch of comments into one :class:`Counts` per block (character
n-grams, word n-grams, shape tokens) without building a string per gram. Characters get ids
``1..A - 1`` (0: a character in no gram, and the separators between texts) through one table
indexed by code point; the words of word grams get ids from a dict (one look-up per word of the
batch). The character grams and the word grams of the vocabulary are each a
:class:`~modkit._gram_trie.GramTrie`, followed for every position of the batch at once; the
(comment, column) pairs found are counted by :func:`~modkit._gram_trie.count_keys`.

The order of the pairs within a comment (by their last occurrence) does not depend on the other
comments of the batch, so a comment gets the same weights, to the bit, alone or in any batch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, pairwise, repeat

import numpy as np

from modkit._features_view import (
    MAX_CHARGRAM_CHARS,
    SHAPE_EDGES,
    SHAPE_PREFIX,
    WORD_PREFIX,
    bucket,
    code_points,
    shape_buckets,
    shape_values,
    view_text,
)
from modkit._gram_trie import GramTrie, count_keys

__all__ = ["CHAR_BLOCK", "SHAPE_BLOCK", "WORD_BLOCK", "Counts", "VocabularyIndex"]

SHAPE_BLOCK, CHAR_BLOCK, WORD_BLOCK = 0, 1, 2
_SEPARATOR_WORD = "\x00"  # between the texts of a batch when their words are split at once
_JOIN = f" {_SEPARATOR_WORD} "  # padded texts joined: " a \x00 b "
_SMALL_SHAPE = 256  # up to this many characters (any if ASCII), one comment's shape in Python
_SMALL_WORDS = 64  # below this many words, one comment's word grams are looked up in Python


@dataclass(frozen=True, slots=True)
class Counts:
    """The distinct grams of a batch in one block: column ``cols[i]`` occurs ``tf[i]`` times in
    comment ``docs[i]`` (``int64`` arrays, ``docs`` non-decreasing)."""

    block: int
    docs: np.ndarray
    cols: np.ndarray
    tf: np.ndarray


def _code_points(
    names: Sequence[str], packed: str | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``code_points(names)``, from ``packed`` (the names joined by a 0) when it is given."""
    if packed is None or len(names) == 0:
        return code_points(names)
    cps = np.frombuffer(packed.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    ends = np.append(np.flatnonzero(cps == 0), len(cps))
    if len(ends) != len(names):
        raise ValueError("the packed vocabulary does not hold the names")
    starts = np.zeros(len(names), dtype=np.int64)
    starts[1:] = ends[:-1] + 1
    return cps, starts, ends - starts


class VocabularyIndex:
    """A vocabulary (gram -> column, with ``names`` its grams in column order; ``packed``, if
    given, the names joined by a 0) compiled for :meth:`counts`.

    Raises:
        KeyCollisionError: two grams share a hashed key (see the gram-index module).
    """

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        names: Sequence[str],
        *,
        char_ngrams: tuple[int, int],
        word_ngrams: tuple[int, int],
        stop_words: frozenset[str],
        shape_tokens: bool,
        view: str = "plain",
        packed: str | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.view = view
        self.stop_words = stop_words
        self.char_ngrams = (int(char_ngrams[0]), int(char_ngrams[1]))
        self.word_ngrams = (max(1, int(word_ngrams[0])), int(word_ngrams[1]))
        self.shape_tokens = shape_tokens
        self.width = len(names)
        cps, starts, lengths = _code_points(names, packed)
        first = np.zeros(len(names), dtype=np.uint32)
        first[lengths > 0] = cps[starts[lengths > 0]]
        is_word = first == ord(WORD_PREFIX)
        self._init_chars(cps, starts, lengths, ~is_word & (first != ord(SHAPE_PREFIX)))
        self._init_words(names, cps, starts, lengths, is_word)
        shapes = {names[i]: i for i in np.flatnonzero(first == ord(SHAPE_PREFIX)).tolist()}
        self._shape_cols = {
            kind: np.array(
                [shapes.get(f"{SHAPE_PREFIX}{kind}{b}", -1) for b in range(len(edges) + 1)],
                dtype=np.int64,
            )
            for kind, edges in SHAPE_EDGES.items()
        }
        # For one comment: the kinds with a column, their edges and columns as Python objects.
        self._shape_used = [
            (kind, edges, self._shape_cols[kind].tolist())
            for kind, edges in SHAPE_EDGES.items()
            if (self._shape_cols[kind] >= 0).any()
        ]

    def _init_chars(
        self, cps: np.ndarray, starts: np.ndarray, lengths: np.ndarray, candidate: np.ndarray
    ) -> None:
        lo, hi = self.char_ngrams
        sel = np.flatnonzero(candidate & (lengths >= lo) & (lengths <= hi))
        points = np.full((len(sel), hi), -1, dtype=np.int64)  # code points of each gram, -1 after
        for j in range(hi):
            has = np.flatnonzero(lengths[sel] > j)
            points[has, j] = cps[starts[sel[has]] + j]
        inside = points >= 0
        alphabet = np.flatnonzero(np.bincount(points[inside]))
        self.char_base = len(alphabet) + 1
        dtype = np.uint8 if self.char_base <= 1 << 8 else np.uint32
        self._char_ids = np.zeros(0x110000, dtype=dtype)  # by code point; untouched pages stay free
        self._char_ids[alphabet] = np.arange(1, self.char_base, dtype=dtype)
        grams = np.where(inside, self._char_ids.take(np.maximum(points, 0)), 0).astype(np.int64)
        self._chars = GramTrie(grams, lengths[sel], sel, self.char_base, lo, hi)

    def _init_words(
        self,
        names: Sequence[str],
        cps: np.ndarray,
        starts: np.ndarray,
        lengths: np.ndarray,
        is_word: np.ndarray,
    ) -> None:
        lo, hi = self.word_ngrams
        n_words = np.zeros(len(names), dtype=np.int64)
        at_words = np.flatnonzero(is_word)
        spaces = np.flatnonzero(cps == ord(" "))  # few: counted per name by binary search
        begin = starts[at_words]
        end = begin + lengths[at_words]
        n_words[at_words] = spaces.searchsorted(end) - spaces.searchsorted(begin) + 1
        sel = np.flatnonzero(is_word & (lengths > 1) & (n_words >= lo) & (n_words <= hi))
        flat = " ".join([names[i][1:] for i in sel.tolist()]).split(" ") if len(sel) else []
        lexicon = list(dict.fromkeys(flat))  # ids in order of first use
        self._word_ids = {w: i for i, w in enumerate(lexicon, 1)}
        self.word_base = len(lexicon) + 1
        self._separator_id = self.word_base  # no gram holds it
        self._word_ids_sep = {**self._word_ids, _SEPARATOR_WORD: self._separator_id}
        stop = np.zeros(self.word_base, dtype=bool)
        stop[[self._word_ids[w] for w in self.stop_words if w in self._word_ids]] = True
        ids = np.fromiter(map(self._word_ids.__getitem__, flat), dtype=np.int64, count=len(flat))
        counts = n_words[sel]
        at = np.zeros(len(sel), dtype=np.int64)
        np.cumsum(counts[:-1], out=at[1:])
        grams = np.zeros((len(sel), hi), dtype=np.int64)
        for j in range(hi):
            has = counts > j
            grams[has, j] = ids[at[has] + j]
        self._words = GramTrie(grams, counts, sel, self.word_base, lo, hi, skip_unigram=stop)

    # -- counting ----------------------------------------------------------------------------------

    def counts(self, texts: Sequence[str], norms: Sequence[str]) -> list[Counts]:
        """The distinct grams of each comment (``texts``, normalised ``norms``) with their counts:
        the character block, the word block, then (if used) the shape tokens."""
        n_docs = len(texts)
        if not n_docs:
            empty = np.zeros(0, dtype=np.int64)
            blocks = (CHAR_BLOCK, WORD_BLOCK, SHAPE_BLOCK)[: 3 if self.shape_tokens else 2]
            return [Counts(block, empty, empty, empty) for block in blocks]
        if self.view == "plain":
            heads = [norm[:MAX_CHARGRAM_CHARS] for norm in norms]
            split: Sequence[str] = norms
        else:
            views = [view_text(norm, self.view, self.stop_words) for norm in norms]
            heads = [v[0] for v in views]
            if n_docs > 1:
                word_counts = self._listed_word_counts([v[1] for v in views])
            split = [" ".join(views[0][1])] if n_docs == 1 else []
        if n_docs == 1:
            small = split[0].count(" ") < _SMALL_WORDS
            pairs = self._words.pair_tables() if small else None
            if pairs is not None:
                word_counts = self._small_word_counts(split[0], *pairs)
            else:
                word_counts = self._word_counts(*self._split_words(split), n_docs)
        elif self.view == "plain":
            word_counts = self._word_counts(*self._split_words(split), n_docs)
        out = [self._char_counts(heads), word_counts]
        if self.shape_tokens:
            out.append(self._shape_counts(texts, norms))
        return out

    def _char_counts(self, heads: Sequence[str]) -> Counts:
        n_docs = len(heads)
        joined = " " + _JOIN.join(heads) + " "
        cps = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        ids = self._char_ids.take(cps)
        docs = None
        if n_docs > 1:
            lengths = np.fromiter(map(len, heads), dtype=np.int64, count=n_docs) + 3
            ids[np.cumsum(lengths[:-1]) - 1] = 0  # separators, whatever their id
            docs = np.repeat(np.arange(n_docs, dtype=np.int32), lengths)[: len(ids)]
        return _distinct(self._chars.columns(ids), docs, self.width, CHAR_BLOCK)

    def _split_words(self, norms: Sequence[str]) -> tuple[np.ndarray, np.ndarray | None]:
        """Ids (``uint32``, 0: in no gram) of the words of the texts, a 0 between texts; the text
        of each word (None for one text)."""
        if len(norms) == 1:
            words = norms[0].split()
            get = self._word_ids.get
            ids = np.fromiter(map(get, words, repeat(0)), dtype=np.uint32, count=len(words))
            return ids, None
        joined = f" {_SEPARATOR_WORD} ".join(norms)
        words = joined.split()
        if joined.count(_SEPARATOR_WORD) == len(norms) - 1:  # else a text holds the separator
            get = self._word_ids_sep.get
            ids = np.fromiter(map(get, words, repeat(0)), dtype=np.uint32, count=len(words))
            sep = ids == self._separator_id
            ids[sep] = 0
            return ids, np.cumsum(sep)
        get = self._word_ids.get
        per_text = [norm.split() for norm in norms]
        counts = np.fromiter(map(len, per_text), dtype=np.int64, count=len(norms)) + 1
        flat = list(chain.from_iterable([*w, _SEPARATOR_WORD] for w in per_text))[:-1]
        ids = np.fromiter(map(get, flat, repeat(0)), dtype=np.uint32, count=len(flat))
        ids[np.cumsum(counts[:-1]) - 1] = 0
        return ids, np.repeat(np.arange(len(norms)), counts)[: len(flat)]

    def _listed_word_counts(self, words: Sequence[list[str]]) -> Counts:
        """The word block of texts given as lists of words (no space in a word)."""
        flat: list[str] = []
        for own in words:
            flat += own
            flat.append(_SEPARATOR_WORD)
        get = self._word_ids_sep.get
        ids = np.fromiter(map(get, flat, repeat(0)), dtype=np.uint32, count=len(flat))
        sep = ids == self._separator_id
        if np.count_nonzero(sep) != len(words):  # a word is the separator
            split = self._split_words([" ".join(own) for own in words])
            return self._word_counts(*split, len(words))
        ids[sep] = 0
        docs = np.cumsum(sep) - sep  # the separator after a text is the text's: no gram
        return self._word_counts(ids, docs, len(words))

    def _small_word_counts(
        self, text: str, first_cols: list[int], parents: list[int], pairs: dict[int, int]
    ) -> Counts:
        """The word block of one comment from :meth:`GramTrie.pair_tables` (1- and 2-grams): the
        pairs :meth:`_word_counts` gives, in the same order."""
        ids = list(map(self._word_ids.get, text.split(), repeat(0)))
        base = self.word_base
        found: list[int] = []
        append, pair = found.append, pairs.get
        for word, after in pairwise(ids):  # by position, then length: the rows of columns()
            col = first_cols[word]
            if col >= 0:
                append(col)
            col = pair(parents[word] * base + after, -1)
            if col >= 0:
                append(col)
        if ids and first_cols[ids[-1]] >= 0:  # the last word: no pair
            append(first_cols[ids[-1]])
        tf = Counter(found)
        order = list(dict.fromkeys(reversed(found)))[::-1]  # by last occurrence, as count_keys
        cols = np.array(order, dtype=np.int64)
        counts = np.array([tf[c] for c in order], dtype=np.int64)
        return Counts(WORD_BLOCK, np.zeros(len(cols), dtype=np.int64), cols, counts)

    def _word_counts(self, ids: np.ndarray, docs: np.ndarray | None, n_docs: int) -> Counts:
        return _distinct(self._words.columns(ids), docs, self.width, WORD_BLOCK)

    def _shape_counts(self, texts: Sequence[str], norms: Sequence[str]) -> Counts:
        if len(texts) == 1 and (len(texts[0]) <= _SMALL_SHAPE or texts[0].isascii()):
            values = shape_values(texts[0], norms[0])
            found = [columns[bucket(values[k], e)] for k, e, columns in self._shape_used]
            cols = np.array([c for c in found if c >= 0], dtype=np.int64)
            docs = np.zeros(len(cols), dtype=np.int64)
        else:
            buckets = shape_buckets(texts, norms)
            table = np.stack([self._shape_cols[k][buckets[k]] for k in SHAPE_EDGES], axis=1)
            hit = np.flatnonzero(table >= 0)
            docs, cols = hit // len(SHAPE_EDGES), table.ravel()[hit]
        return Counts(SHAPE_BLOCK, docs, cols, np.ones(len(cols), dtype=np.int64))


def _distinct(columns: np.ndarray, docs: np.ndarray | None, width: int, block: int) -> Counts:
    """:class:`Counts` of the grams found (``columns``: a row per position, -1: none) where
    position ``i`` belongs to comment ``docs[i]`` (all to comment 0 when ``docs`` is None)."""
    if docs is None:
        flat = columns.ravel()
        keys = flat[flat >= 0]
        first, tf = count_keys(keys)
        cols = keys.take(first).astype(np.int64)
        return Counts(block, np.zeros(len(first), dtype=np.int64), cols, tf)
    shift = max(width, 1).bit_length()  # (comment, column) as one key: comment << shift | column
    wide = len(docs) > 0 and (int(docs[-1]) + 1) << shift >= 1 << 31
    keyed = columns.astype(np.int64) if wide else columns
    keyed = keyed | (docs.astype(keyed.dtype) << shift)[:, None]  # -1 stays -1
    flat = keyed.ravel()
    keys = flat.take(np.flatnonzero(flat >= 0))
    first, tf = count_keys(keys)
    found = keys.take(first).astype(np.int64)
    return Counts(block, found >> shift, found & ((1 << shift) - 1), tf)
