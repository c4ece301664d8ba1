"""Text features: a bounded n-gram vocabulary shared by every head.

One analyser (:func:`analyze`) turns a raw comment into its feature strings: character n-grams and
word n-grams of the normalised text, plus a few shape tokens read from the original (capitals,
exclamation marks, length, links). It is the readable specification. :class:`NgramFeaturizer`
computes the same features for many comments at once without building a string per gram: the
vocabulary is compiled into tries of integer tables (the features-index module) that give the
distinct grams of each comment and their counts, then weighted here (sublinear TF, IDF, one L2
norm per block). Tests check that both give the same features. ``fit`` counts document
frequencies from integer keys of the grams (the gram-index module).

How a text is read (views, stop words, shape measures) lives in the features-view module. The
recipe is data: n-gram ranges, the view, the stop words excluded from word unigrams and the shape
tokens used are parameters that a model bundle carries.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any

import numpy as np

from modkit._features_index import SHAPE_BLOCK, VocabularyIndex
from modkit._features_view import (
    FUNCTION_WORDS,
    MAX_CHARGRAM_CHARS,
    NEGATED,
    QUOTED,
    SHAPE_EDGES,
    SHAPE_PREFIX,
    STOP_WORDS,
    VIEWS,
    WORD_PREFIX,
    bucket,
    code_points,
    content_tokens,
    default_stop_words,
    owners,
    shape_buckets,
    shape_values,
    view_text,
)
from modkit._gram_index import exact_keys, window_keys
from modkit._text import normalize_text

__all__ = [
    "FUNCTION_WORDS",
    "MAX_CHARGRAM_CHARS",
    "SHAPE_PREFIX",
    "SHAPE_WEIGHT",
    "STOP_WORDS",
    "VIEWS",
    "WORD_PREFIX",
    "Block",
    "LazyVocabulary",
    "NgramFeaturizer",
    "analyze",
    "char_grams",
    "content_tokens",
    "default_stop_words",
    "vocabulary_from_string",
    "vocabulary_string",
]

SHAPE_WEIGHT = 0.3  # value of a present shape token (char and word blocks have unit norm)


def _shape_tokens(raw: str, norm: str, kinds: Collection[str]) -> list[str]:
    values = shape_values(raw, norm)
    return [
        f"{SHAPE_PREFIX}{k}{bucket(values[k], edges)}"
        for k, edges in SHAPE_EDGES.items()
        if k in kinds
    ]


def char_grams(padded: str, ngrams: tuple[int, int]) -> list[str]:
    """Every character n-gram of ``padded`` for n in the inclusive range ``ngrams``."""
    out: list[str] = []
    size = len(padded)
    for n in range(ngrams[0], ngrams[1] + 1):
        out.extend([padded[i : i + n] for i in range(size - n + 1)])
    return out


def analyze(
    text: str,
    /,
    *,
    char_ngrams: tuple[int, int] = (3, 5),
    word_ngrams: tuple[int, int] = (1, 2),
    normalize: bool = True,
    stop_words: Collection[str] | None = None,
    shape_tokens: bool = True,
    view: str = "plain",
    shape_kinds: Collection[str] | None = None,
) -> tuple[list[str], list[str], list[str]]:
    """Return ``(char_grams, word_grams, shape_tokens)`` of one raw comment (repeats kept).

    ``normalize=False`` replaces the scoring normaliser by a plain case fold (a baseline for the
    robustness benchmark, never the default). ``stop_words`` defaults to the view's
    (:func:`default_stop_words`); ``shape_kinds`` to every kind of :data:`SHAPE_EDGES`.
    """
    norm = normalize_text(text) if normalize else _plain_fold(text)
    stop = default_stop_words(view) if stop_words is None else stop_words
    kinds = SHAPE_EDGES.keys() if shape_kinds is None else shape_kinds
    return _grams(text, norm, char_ngrams, word_ngrams, stop, kinds if shape_tokens else (), view)


def _grams(  # noqa: PLR0917
    text: str,
    norm: str,
    char_ngrams: tuple[int, int],
    word_ngrams: tuple[int, int],
    stop_words: Collection[str],
    shape_kinds: Collection[str],
    view: str,
) -> tuple[list[str], list[str], list[str]]:
    """:func:`analyze` of ``text`` whose normalised form is ``norm``."""
    char_text, words = view_text(norm, view, stop_words)
    chars = char_grams(f" {char_text} ", char_ngrams)
    grams: list[str] = (
        [WORD_PREFIX + w for w in words if w not in stop_words] if word_ngrams[0] <= 1 else []
    )
    content = view != "plain"
    for n in range(max(2, word_ngrams[0]), word_ngrams[1] + 1):
        grams.extend(
            WORD_PREFIX + " ".join(words[i : i + n])
            for i in range(len(words) - n + 1)
            if not (content and all(w in stop_words for w in words[i : i + n]))
        )
    return chars, grams, _shape_tokens(text, norm, shape_kinds) if shape_kinds else []


def _plain_fold(text: str) -> str:
    return " ".join(text.casefold().split())


class NgramFeaturizer:
    """Sublinear TF-IDF over a bounded vocabulary of character and word n-grams.

    Follows scikit-learn's conventions (keyword parameters stored as given, fitted state ending in
    ``_``, ``fit`` returning self, a bare ``str`` refused) without importing it: scoring never pays
    for importing scikit-learn.

    The character block and the word block are L2-normalised separately, then concatenated (one
    column space); shape tokens are indicators of fixed weight. The vocabulary keeps the most
    frequent grams by document frequency (ties by the gram). ``stop_words`` (default
    :data:`STOP_WORDS`) are never word unigrams; ``shape_tokens=False`` leaves shape tokens out.
    """

    def __init__(
        self,
        *,
        char_ngrams: tuple[int, int] = (3, 5),
        word_ngrams: tuple[int, int] = (1, 2),
        max_char_features: int = 200_000,
        max_word_features: int = 60_000,
        min_df: int = 2,
        normalize: bool = True,
        stop_words: Collection[str] | None = None,
        shape_tokens: bool = True,
        view: str = "plain",
        shape_kinds: Collection[str] | None = None,
    ) -> None:
        self.char_ngrams = char_ngrams
        self.word_ngrams = word_ngrams
        self.max_char_features = max_char_features
        self.max_word_features = max_word_features
        self.min_df = min_df
        self.normalize = normalize
        self.stop_words = stop_words
        self.shape_tokens = shape_tokens
        self.view = view
        self.shape_kinds = shape_kinds

    @property
    def stop_words_(self) -> frozenset[str]:
        """The stop words in force (the view's unless ``stop_words`` was given)."""
        if self.stop_words is None:
            return default_stop_words(self.view)
        return frozenset(self.stop_words)

    @property
    def shape_kinds_(self) -> tuple[str, ...]:
        """The shape tokens in use (none when ``shape_tokens`` is False)."""
        if not self.shape_tokens:
            return ()
        kinds = SHAPE_EDGES.keys() if self.shape_kinds is None else self.shape_kinds
        return tuple(k for k in SHAPE_EDGES if k in kinds)

    def views(self, norms: Sequence[str]) -> tuple[list[str], list[list[str]]]:
        """The character-gram text and the words of each normalised text (see :data:`VIEWS`)."""
        stop = self.stop_words_
        pairs = [view_text(n, self.view, stop) for n in norms]
        return [p[0] for p in pairs], [p[1] for p in pairs]

    def word_grams(self, word: str) -> set[str]:
        """The grams that one space-free piece of normalised text makes on its own (its
        character n-grams and its unigrams): what :meth:`Scorer.explain` credits to a word."""
        if self.view != "plain":
            stop = self.stop_words_
            pieces = [t for t in content_tokens(word) if t not in stop]
        else:
            pieces = [word]
        grams: set[str] = set()
        for piece in pieces:
            grams.update(char_grams(f" {piece} ", self.char_ngrams))
            grams.add(WORD_PREFIX + piece)
            if self.view == "scoped":
                grams.update((WORD_PREFIX + NEGATED + piece, WORD_PREFIX + QUOTED + piece))
        return grams

    def _analyze(self, text: str) -> tuple[list[str], list[str], list[str]]:
        return analyze(
            text,
            char_ngrams=self.char_ngrams,
            word_ngrams=self.word_ngrams,
            normalize=self.normalize,
            stop_words=self.stop_words_,
            shape_tokens=self.shape_tokens,
            view=self.view,
            shape_kinds=self.shape_kinds_,
        )

    def normalized(self, texts: Iterable[str]) -> list[str]:
        """The texts as the featuriser reads them (scoring normaliser, or a plain case fold)."""
        return list(map(normalize_text if self.normalize else _plain_fold, texts))

    # -- fitting ---------------------------------------------------------------------------------

    def fit(self, texts: Iterable[str], y: Any = None) -> NgramFeaturizer:
        """Learn the vocabulary and IDF weights; returns self."""
        docs = _check_texts(texts)
        norms = self.normalized(docs)
        stop = self.stop_words_
        char_texts, words = self.views(norms)
        char_df = _char_document_frequencies(
            char_texts, self.char_ngrams, self.max_char_features, self.min_df
        )
        word_df = _word_document_frequencies(
            words,
            self.word_ngrams,
            stop,
            self.max_word_features,
            self.min_df,
            skip_pairs=self.view != "plain",
        )
        if char_df is None or word_df is None:  # an alphabet too large for exact keys
            char_df, word_df = self._reference_frequencies(docs)
        elif self.shape_tokens:
            for kind, buckets in shape_buckets(docs, norms).items():
                if kind not in self.shape_kinds_:
                    continue
                for b, df in enumerate(np.bincount(buckets).tolist()):
                    if df:
                        word_df[f"{SHAPE_PREFIX}{kind}{b}"] = df
        kept: list[tuple[str, int]] = []
        for df, limit in ((char_df, self.max_char_features), (word_df, self.max_word_features)):
            kept.extend(_most_frequent(df, limit, self.min_df))
        self.n_char_features_ = sum(
            1 for g, _ in kept if not g.startswith((WORD_PREFIX, SHAPE_PREFIX))
        )
        self.vocabulary_: Mapping[str, int] = {g: i for i, (g, _) in enumerate(kept)}
        df_arr = np.array([df for _, df in kept], dtype=np.float64)
        self.idf_ = (np.log((1 + len(docs)) / (1 + df_arr)) + 1.0).astype(np.float32)
        self.__dict__.pop("_index_", None)
        self.__dict__.pop("_names_", None)
        return self

    def _reference_frequencies(self, docs: Sequence[str]) -> tuple[dict[str, int], dict[str, int]]:
        """Document frequencies counted from :func:`analyze`'s strings (slow, always exact)."""
        char_df: Counter[str] = Counter()
        word_df: Counter[str] = Counter()
        for doc in docs:
            chars, words, shapes = self._analyze(doc)
            char_df.update(set(chars))
            word_df.update(set(words))
            word_df.update(shapes)
        return dict(char_df), dict(word_df)

    def fit_transform(self, texts: Iterable[str], y: Any = None) -> Any:
        """``fit`` then ``transform`` the same texts."""
        docs = _check_texts(texts)
        return self.fit(docs).transform(docs)

    # -- transforming ----------------------------------------------------------------------------

    def index(self) -> VocabularyIndex:
        """The fitted vocabulary compiled for vectorised look-ups (built once, then cached).

        Raises:
            KeyCollisionError: two grams of the vocabulary share a key (see ``_gram_index``).
        """
        index: VocabularyIndex | None = self.__dict__.get("_index_")
        if index is None or index.vocabulary is not self.vocabulary_:
            index = VocabularyIndex(
                self.vocabulary_,
                self.names(),
                char_ngrams=self.char_ngrams,
                word_ngrams=self.word_ngrams,
                stop_words=self.stop_words_,
                shape_tokens=self.shape_tokens,
                view=self.view,
                packed=getattr(self.vocabulary_, "packed", None),
            )
            self._index_ = index
        return index

    def transform(self, texts: Iterable[str]) -> Any:
        """Return the ``scipy.sparse`` CSR feature matrix (float32) of the texts."""
        docs = _check_texts(texts)
        return self.transform_normalized(docs, self.normalized(docs))

    def transform_normalized(self, texts: Sequence[str], norms: Sequence[str]) -> Any:
        """:meth:`transform` of ``texts`` whose normalised forms (:meth:`normalized`) are known.

        Raises:
            ValueError: ``texts`` and ``norms`` differ in length.
        """
        from scipy import sparse

        if len(texts) != len(norms):
            raise ValueError("texts and norms differ in length")
        parts = [  # in chunks: memory stays bounded on a training corpus
            self.rows(texts[i : i + _TRANSFORM_CHUNK], norms[i : i + _TRANSFORM_CHUNK])
            for i in range(0, len(texts), _TRANSFORM_CHUNK)
        ]
        indptr = np.zeros(len(texts) + 1, dtype=np.int64)
        if parts:
            sizes = np.concatenate([np.diff(p[0]) for p in parts])
            np.cumsum(sizes, out=indptr[1:])
        cols = np.concatenate([p[1] for p in parts] or [np.zeros(0, np.int32)])
        vals = np.concatenate([p[2] for p in parts] or [np.zeros(0, np.float32)])
        return sparse.csr_matrix((vals, cols, indptr), shape=(len(texts), len(self.vocabulary_)))

    def weights(self, texts: Sequence[str], norms: Sequence[str]) -> list[Block]:
        """The features of ``texts`` (given their normalised forms) as one :class:`Block` per
        block (shape tokens, characters, words): each non-zero weight once, by comment.

        Raises:
            ValueError: ``texts`` and ``norms`` differ in length.
        """
        if len(texts) != len(norms):
            raise ValueError("texts and norms differ in length")
        n_docs = len(texts)
        out: list[Block] = []
        for counts in self.index().counts(texts, norms):
            docs, cols = counts.docs, counts.cols
            if counts.block == SHAPE_BLOCK:  # distinct by construction, fixed weight
                out.append(
                    Block(counts.block, docs, cols, np.full(len(cols), SHAPE_WEIGHT, np.float32))
                )
                continue
            vals = (1.0 + np.log(counts.tf, dtype=np.float32)) * self.idf_.take(cols)
            wide = vals.astype(np.float64)
            if n_docs == 1:  # the same sum, in the same order as bincount's: fewer calls
                total = float(np.add.accumulate(wide * wide)[-1]) if len(wide) else 0.0
                scale = np.float32(math.sqrt(total))
                if scale <= 0:
                    scale = np.float32(1.0)
                out.append(Block(counts.block, docs, cols, vals / scale))
                continue
            norm = np.sqrt(np.bincount(docs, weights=wide * wide, minlength=n_docs))
            norm = norm.astype(np.float32).take(docs)
            norm[norm <= 0] = 1.0
            out.append(Block(counts.block, docs, cols, vals / norm))
        return out

    def weights_one(self, text: str, norm: str) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`weights` of one comment as ``(columns, weights)``: its blocks concatenated in
        the order :meth:`weights` gives them, each weight the same to the bit (fewer calls)."""
        blocks = self.index().counts([text], [norm])
        chars, words = blocks[0], blocks[1]
        cols = np.concatenate([b.cols for b in blocks])
        n_char, n_tf = len(chars.cols), len(chars.cols) + len(words.cols)
        vals = np.empty(len(cols), dtype=np.float32)
        counted = vals[:n_tf]  # the character and word blocks: sublinear TF times IDF
        np.log(np.concatenate((chars.tf, words.tf)), dtype=np.float32, out=counted)
        counted += 1.0
        counted *= self.idf_.take(cols[:n_tf])
        vals[n_tf:] = SHAPE_WEIGHT
        wide = counted.astype(np.float64)
        wide *= wide
        for start, end in ((0, n_char), (n_char, n_tf)):
            if end > start:  # the sum of weights(): one L2 norm per block, summed in order
                scale = np.float32(math.sqrt(float(np.add.accumulate(wide[start:end])[-1])))
                if scale > 0:
                    vals[start:end] /= scale
        return cols, vals

    def rows(
        self, texts: Sequence[str], norms: Sequence[str]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR parts ``(indptr, columns, weights)`` of :meth:`weights`.

        Each row holds the shape tokens, then the character block, then the word block, columns
        ascending within each (the order :func:`analyze`-based code produced).
        """
        blocks = self.weights(texts, norms)
        width = len(self.vocabulary_)
        empty = np.zeros(0, dtype=np.int64)
        docs = np.concatenate([b.docs for b in blocks] or [empty])
        key = np.concatenate([(b.docs * 3 + b.block) * width + b.cols for b in blocks] or [empty])
        vals = np.concatenate([b.vals for b in blocks] or [np.zeros(0, np.float32)])
        order = np.argsort(key)
        indptr = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(np.bincount(docs, minlength=len(texts)), out=indptr[1:])
        return indptr, (key[order] % width).astype(np.int32), vals[order]

    def transform_one(
        self, text: str, *, normalized: str | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Return ``(column indices, weights)`` of one comment (its normalised form if known)."""
        norm = self.normalized([text])[0] if normalized is None else normalized
        _, cols, vals = self.rows([text], [norm])
        return cols, vals

    def names(self) -> list[str]:
        """The grams of the vocabulary in column order (cached)."""
        if isinstance(self.vocabulary_, LazyVocabulary):
            return self.vocabulary_.names
        names: list[str] | None = self.__dict__.get("_names_")
        if names is None or len(names) != len(self.vocabulary_):
            vocab = self.vocabulary_
            cols = np.fromiter(vocab.values(), dtype=np.int64, count=len(vocab))
            if np.array_equal(cols, np.arange(len(vocab))):
                names = list(vocab)
            else:
                names = [""] * len(vocab)
                for gram, i in vocab.items():
                    names[i] = gram
            self._names_ = names
        return names

    def feature_name(self, index: int) -> str:
        """Human-readable name of a column (for explanations and reports)."""
        gram = self.names()[index]
        if gram.startswith(WORD_PREFIX):
            return f"word:{gram[1:]}"
        if gram.startswith(SHAPE_PREFIX):
            return f"shape:{gram[1:]}"
        return f"chars:{gram!r}"


@dataclass(frozen=True, slots=True)
class Block:
    """Features of a batch in one block: ``vals[i]`` is the weight of column ``cols[i]`` in
    comment ``docs[i]`` (``docs`` non-decreasing)."""

    block: int
    docs: np.ndarray
    cols: np.ndarray
    vals: np.ndarray


_FIT_CHUNK = 4096  # texts counted at once by fit
_TRANSFORM_CHUNK = 2048  # texts featurised at once by transform


def _joined_ids(
    words: Sequence[str], counts: np.ndarray, ids_of: Mapping[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ids (``uint64``, 0 if unknown) of ``words``, ``counts[i]`` per text, texts joined by a 0;
    the start and length of each text."""
    starts = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1] + 1, out=starts[1:])
    ids = np.zeros(len(words) + max(len(counts) - 1, 0), dtype=np.uint64)
    at = np.arange(len(words)) + np.repeat(np.arange(len(counts)), counts)
    ids[at] = np.fromiter(map(ids_of.get, words, repeat(0)), dtype=np.uint64, count=len(words))
    return ids, starts, counts


# -- fitting ---------------------------------------------------------------------------------------


def _document_frequencies(
    chunks: Iterable[tuple[np.ndarray, np.ndarray, np.ndarray]],
    base: int,
    lo: int,
    hi: int,
    skip_unigram: np.ndarray | None = None,
    *,
    skip_pairs: bool = False,
) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """``{n: (keys, document frequencies)}`` of every window of every id sequence.

    A chunk is ``(ids, starts, lengths)`` of texts joined by a 0 (as :func:`_code_points` and
    :func:`_joined_ids` give). Requires exact keys. ``skip_unigram`` flags ids whose 1-gram is
    not counted (stop words); with ``skip_pairs``, neither is a 2-gram of two such ids.
    """
    per_n: dict[int, list[tuple[np.ndarray, np.ndarray]]] = {}
    for ids, starts, lengths in chunks:
        owner = owners(starts, lengths, len(ids))
        zeros = np.concatenate(([0], np.cumsum(ids == 0)))
        span = max(1, min(len(starts), (1 << 64) // (base**hi)))
        for n, keys in window_keys(ids, base, lo, hi):
            ok = zeros[n:] == zeros[: len(zeros) - n]  # within one text
            if n == 1 and skip_unigram is not None:
                ok &= ~skip_unigram[ids]
            if n == 2 and skip_pairs and skip_unigram is not None:
                ok &= ~(skip_unigram[ids[:-1]] & skip_unigram[ids[1:]])
            at = np.flatnonzero(ok)
            pair_keys, docs = keys[at], owner[at]
            out_keys: list[np.ndarray] = []
            for first in range(0, len(starts), span):  # (key, text) pairs packed in 64 bits
                sel = (docs >= first) & (docs < first + span)
                packed = pair_keys[sel] * np.uint64(span) + (docs[sel] - first).astype(np.uint64)
                out_keys.append(_runs(packed)[0] // np.uint64(span))
            per_n.setdefault(n, []).append(_runs(np.concatenate(out_keys)))
    merged: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for n, parts in per_n.items():
        keys = np.concatenate([p[0] for p in parts])
        counts = np.concatenate([p[1] for p in parts])
        order = np.argsort(keys, kind="stable")
        keys, counts = keys[order], counts[order]
        heads = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        merged[n] = (keys[heads], np.add.reduceat(counts, heads) if len(heads) else counts)
    return merged


def _runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values (ascending) and their counts, by one sort (``np.unique`` hashes 64-bit
    integers, far slower here)."""
    values = np.sort(values)
    heads = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    return values[heads], np.diff(np.append(heads, len(values)))


def _digits(keys: np.ndarray, base: int, n: int) -> np.ndarray:
    """The ``n`` base-``base`` digits of each key, most significant first: shape ``(len, n)``."""
    out = np.empty((len(keys), n), dtype=np.uint64)
    rest = keys.copy()
    for j in range(n - 1, -1, -1):
        out[:, j] = rest % np.uint64(base)
        rest //= np.uint64(base)
    return out


def _candidates(
    merged: dict[int, tuple[np.ndarray, np.ndarray]], limit: int, min_df: int
) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Keep the grams that can be among the ``limit`` most frequent (every tie at the cut)."""
    kept = {n: (k[c >= min_df], c[c >= min_df]) for n, (k, c) in merged.items()}
    dfs = np.concatenate([c for _, c in kept.values()]) if kept else np.zeros(0, np.int64)
    if len(dfs) <= limit or limit <= 0:
        return kept if limit > 0 else {}
    cut = np.partition(dfs, len(dfs) - limit)[len(dfs) - limit]
    return {n: (k[c >= cut], c[c >= cut]) for n, (k, c) in kept.items()}


def _char_document_frequencies(
    char_texts: Sequence[str], ngrams: tuple[int, int], limit: int, min_df: int
) -> dict[str, int] | None:
    """Document frequency of the character grams (of the texts' character-gram views) that may
    enter the vocabulary (None: the alphabet is too large for exact keys)."""
    lo, hi = int(ngrams[0]), int(ngrams[1])
    padded = [f" {t} " for t in char_texts]
    alphabet = sorted(set().union(*padded)) if padded else []
    base = len(alphabet) + 1
    if not exact_keys(base, hi) or lo < 1:
        return None
    table = np.zeros((ord(alphabet[-1]) + 1) if alphabet else 1, dtype=np.uint64)
    table[[ord(c) for c in alphabet]] = np.arange(1, base, dtype=np.uint64)

    def chunks() -> Iterable[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        for first in range(0, len(padded), _FIT_CHUNK):
            cps, starts, lengths = code_points(padded[first : first + _FIT_CHUNK])
            ids = table[np.minimum(cps, len(table) - 1)]
            ids[starts[1:] - 1] = 0
            yield ids, starts, lengths

    merged = _candidates(_document_frequencies(chunks(), base, lo, hi), limit, min_df)
    chars = np.array([0, *map(ord, alphabet)], dtype=np.uint32)
    out: dict[str, int] = {}
    for n, (keys, counts) in merged.items():
        text = chars[_digits(keys, base, n)].tobytes().decode("utf-32-le", "surrogatepass")
        out.update(
            zip((text[i : i + n] for i in range(0, len(text), n)), counts.tolist(), strict=True)
        )
    return out


def _word_document_frequencies(
    words: Sequence[list[str]],
    ngrams: tuple[int, int],
    stop_words: frozenset[str],
    limit: int,
    min_df: int,
    *,
    skip_pairs: bool = False,
) -> dict[str, int] | None:
    """Document frequency of the word grams that may enter the vocabulary (None: too many
    distinct words for exact keys)."""
    lo, hi = max(1, int(ngrams[0])), int(ngrams[1])
    lexicon: dict[str, int] = {}
    for w in chain.from_iterable(words):
        if w not in lexicon:
            lexicon[w] = len(lexicon) + 1
    base = len(lexicon) + 1
    if not exact_keys(base, hi) or hi < lo:
        return None
    skip = np.zeros(base, dtype=bool)
    skip[[lexicon[w] for w in stop_words if w in lexicon]] = True
    chunks = (
        _joined_ids(
            list(chain.from_iterable(words[first : first + _FIT_CHUNK])),
            np.fromiter(map(len, words[first : first + _FIT_CHUNK]), dtype=np.int64),
            lexicon,
        )
        for first in range(0, len(words), _FIT_CHUNK)
    )
    merged = _candidates(
        _document_frequencies(chunks, base, lo, hi, skip, skip_pairs=skip_pairs), limit, min_df
    )
    names = ["", *lexicon]
    out: dict[str, int] = {}
    for n, (keys, counts) in merged.items():
        grams = (
            WORD_PREFIX + " ".join(names[d] for d in row) for row in _digits(keys, base, n).tolist()
        )
        out.update(zip(grams, counts.tolist(), strict=True))
    return out


def _most_frequent(df: Mapping[str, int], limit: int, min_df: int) -> list[tuple[str, int]]:
    """The ``limit`` grams of highest document frequency (at least ``min_df``), ties by gram."""
    ranked = sorted((item for item in df.items() if item[1] >= min_df), key=_rank)
    return ranked[:limit]


def _rank(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


#: Separator of the grams in a serialised vocabulary (normalised text never holds it).
VOCAB_SEPARATOR = "\x00"


def vocabulary_string(vocabulary: Mapping[str, int]) -> str:
    """The vocabulary as one string, grams in column order: loads far faster than a pickled dict."""
    names = [""] * len(vocabulary)
    for gram, i in vocabulary.items():
        if VOCAB_SEPARATOR in gram:
            raise ValueError("a gram holds the vocabulary separator")
        names[i] = gram
    return VOCAB_SEPARATOR.join(names)


class LazyVocabulary(Mapping[str, int]):
    """A vocabulary given in column order (gram -> column); the dict behind it is built on the
    first look-up by gram (scoring never needs it: loading stays fast)."""

    __slots__ = ("_dict", "names", "packed")

    def __init__(self, names: list[str], packed: str | None = None) -> None:
        self.names = names
        self.packed = packed  # the names joined by VOCAB_SEPARATOR, when known
        self._dict: dict[str, int] | None = None

    def _mapping(self) -> dict[str, int]:
        if self._dict is None:
            self._dict = dict(zip(self.names, range(len(self.names)), strict=True))
        return self._dict

    def __getitem__(self, gram: str) -> int:
        return self._mapping()[gram]

    def __iter__(self) -> Iterator[str]:
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self.names)


def vocabulary_from_string(packed: str) -> dict[str, int]:
    """Inverse of :func:`vocabulary_string`."""
    if not packed:
        return {}
    grams = packed.split(VOCAB_SEPARATOR)
    return dict(zip(grams, range(len(grams)), strict=True))


def _check_texts(texts: Iterable[str]) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("expected an iterable of texts, got a single str")
    docs = list(texts)
    for doc in docs:
        if not isinstance(doc, str):
            raise TypeError(f"expected str items, got {type(doc).__name__}")
    return docs
