"""Text features: a bounded n-gram vocabulary shared by every head.

One analyser (:func:`analyze`) turns a raw comment into its feature strings: character n-grams and
word n-grams of the normalised text, plus a few shape tokens read from the original (capitals,
exclamation marks, length, links). Training (:class:`NgramFeaturizer`) and scoring (its
single-comment fast path, :meth:`NgramFeaturizer.transform_one`) both call it, so they cannot
drift apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import Any

import numpy as np

from modkit._text import normalize_text

__all__ = [
    "MAX_CHARGRAM_CHARS",
    "SHAPE_PREFIX",
    "STOP_WORDS",
    "WORD_PREFIX",
    "NgramFeaturizer",
    "analyze",
    "char_grams",
    "vocabulary_from_string",
    "vocabulary_string",
]

#: Character n-grams are taken from the first this many normalised characters only (bounded work);
#: word n-grams and shape tokens still see the whole text.
MAX_CHARGRAM_CHARS = 3000

WORD_PREFIX = "\x01"  # namespace prefix of word n-grams (never produced by normalisation)
SHAPE_PREFIX = "\x02"  # namespace prefix of shape tokens
SHAPE_WEIGHT = 0.3  # value of a present shape token (char and word blocks have unit norm)


#: Function words that are never word unigrams (they stay in character n-grams and word bigrams).
#: As unigrams they pick up their corpora's quirks: "de" and "une" had learnt a toxicity weight
#: strong enough to flag "Une salade de tomates aux lardons." Second-person words are kept: they
#: mark who a comment addresses.
_STOP_WORDS_TEXT = """
    a au aux avec ce ces cet cette c d dans de des du elle elles en et il ils j je l la le les
    leur leurs lui m ma mais me mes mon n ne nous on ou par pas pour qu que qui s sa se ses son
    sur un une y est sont ete etre
    an and are as at be by for from has have he her his i in is it its of on or our she that
    the their they this to was we were with my me
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def _bucket(value: float, edges: Sequence[float]) -> int:
    for i, edge in enumerate(edges):
        if value < edge:
            return i
    return len(edges)


def _shape_tokens(raw: str, norm: str) -> list[str]:
    head = raw[:MAX_CHARGRAM_CHARS]
    letters = sum(map(str.isalpha, head))
    upper = sum(map(str.isupper, head))
    caps = upper / letters if letters >= 8 else 0.0
    return [
        f"{SHAPE_PREFIX}caps{_bucket(caps, (0.3, 0.6, 0.85))}",
        f"{SHAPE_PREFIX}bang{_bucket(raw.count('!'), (1, 3, 8))}",
        f"{SHAPE_PREFIX}len{_bucket(len(norm), (20, 60, 200, 800))}",
        f"{SHAPE_PREFIX}url{_bucket(norm.count('xxurl'), (1, 2, 4))}",
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
) -> tuple[list[str], list[str], list[str]]:
    """Return ``(char_grams, word_grams, shape_tokens)`` of one raw comment (repeats kept).

    ``normalize=False`` replaces the scoring normaliser by a plain case fold (a baseline for the
    robustness benchmark, never the default).
    """
    norm = normalize_text(text) if normalize else " ".join(text.casefold().split())
    chars = char_grams(f" {norm[:MAX_CHARGRAM_CHARS]} ", char_ngrams)
    words = norm.split()
    grams: list[str] = (
        [WORD_PREFIX + w for w in words if w not in STOP_WORDS] if word_ngrams[0] <= 1 else []
    )
    for n in range(max(2, word_ngrams[0]), word_ngrams[1] + 1):
        grams.extend(WORD_PREFIX + " ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return chars, grams, _shape_tokens(text, norm)


class NgramFeaturizer:
    """Sublinear TF-IDF over a bounded vocabulary of character and word n-grams.

    Follows scikit-learn's conventions (keyword parameters stored as given, fitted state ending in
    ``_``, ``fit`` returning self, a bare ``str`` refused) without importing it: scoring never pays
    for importing scikit-learn.

    The character block and the word/shape block are L2-normalised separately, then concatenated
    (one column space). The vocabulary keeps the most frequent grams by document frequency.
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
    ) -> None:
        self.char_ngrams = char_ngrams
        self.word_ngrams = word_ngrams
        self.max_char_features = max_char_features
        self.max_word_features = max_word_features
        self.min_df = min_df
        self.normalize = normalize

    def _analyze(self, text: str) -> tuple[list[str], list[str], list[str]]:
        return analyze(
            text,
            char_ngrams=self.char_ngrams,
            word_ngrams=self.word_ngrams,
            normalize=self.normalize,
        )

    def fit(self, texts: Iterable[str], y: Any = None) -> NgramFeaturizer:
        """Learn the vocabulary and IDF weights; returns self."""
        docs = _check_texts(texts)
        char_df: Counter[str] = Counter()
        word_df: Counter[str] = Counter()
        for doc in docs:
            chars, words, shapes = self._analyze(doc)
            char_df.update(set(chars))
            word_df.update(set(words))
            word_df.update(shapes)
        n_docs = len(docs)
        kept: list[tuple[str, int]] = []
        for df, limit in ((char_df, self.max_char_features), (word_df, self.max_word_features)):
            # Most frequent first; ties broken by the gram itself so the result is deterministic.
            ranked = sorted(
                (item for item in df.items() if item[1] >= self.min_df),
                key=lambda item: (-item[1], item[0]),
            )
            kept.extend(ranked[:limit])
        self.n_char_features_ = sum(
            1 for g, _ in kept if not g.startswith((WORD_PREFIX, SHAPE_PREFIX))
        )
        self.vocabulary_: dict[str, int] = {g: i for i, (g, _) in enumerate(kept)}
        df_arr = np.array([df for _, df in kept], dtype=np.float64)
        self.idf_ = (np.log((1 + n_docs) / (1 + df_arr)) + 1.0).astype(np.float32)
        return self

    def fit_transform(self, texts: Iterable[str], y: Any = None) -> Any:
        """``fit`` then ``transform`` the same texts."""
        docs = _check_texts(texts)
        return self.fit(docs).transform(docs)

    def transform(self, texts: Iterable[str]) -> Any:
        """Return the ``scipy.sparse`` CSR feature matrix (float32) of the texts."""
        from scipy import sparse

        docs = _check_texts(texts)
        indptr = [0]
        indices: list[int] = []
        values: list[float] = []
        for doc in docs:
            idx, val = self.transform_one(doc)
            indices.extend(idx.tolist())
            values.extend(val.tolist())
            indptr.append(len(indices))
        return sparse.csr_matrix(
            (np.asarray(values, dtype=np.float32), np.asarray(indices, dtype=np.int32), indptr),
            shape=(len(docs), len(self.vocabulary_)),
        )

    def transform_one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Return ``(column indices, weights)`` of one comment: the scoring fast path."""
        get = self.vocabulary_.get
        chars, words, shapes = self._analyze(text)
        parts_idx: list[np.ndarray] = []
        parts_val: list[np.ndarray] = []
        # Shape tokens are indicators with a fixed weight, outside the L2-normalised blocks: inside
        # the word block they weighed more the shorter the comment (a short French sentence was
        # flagged on "no link, no capitals").
        shape_idx = np.unique(
            np.fromiter(map(get, shapes, repeat(-1)), dtype=np.int32, count=len(shapes))
        )
        shape_idx = shape_idx[shape_idx >= 0]
        if len(shape_idx):
            parts_idx.append(shape_idx)
            parts_val.append(np.full(len(shape_idx), SHAPE_WEIGHT, dtype=np.float32))
        for grams in (chars, words):
            looked_up = np.fromiter(map(get, grams, repeat(-1)), dtype=np.int32, count=len(grams))
            hits = looked_up[looked_up >= 0]
            if not len(hits):
                continue
            idx, counts = np.unique(hits, return_counts=True)
            val = (1.0 + np.log(counts, dtype=np.float32)) * self.idf_[idx]
            norm = float(np.sqrt(np.dot(val, val)))
            parts_idx.append(idx)
            parts_val.append(val / norm if norm > 0 else val)
        if not parts_idx:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        if len(parts_idx) == 1:
            return parts_idx[0], parts_val[0]
        return np.concatenate(parts_idx), np.concatenate(parts_val)

    def feature_name(self, index: int) -> str:
        """Human-readable name of a column (for explanations and reports)."""
        if not hasattr(self, "_names_"):
            names = [""] * len(self.vocabulary_)
            for gram, i in self.vocabulary_.items():
                names[i] = gram
            self._names_ = names
        gram = self._names_[index]
        if gram.startswith(WORD_PREFIX):
            return f"word:{gram[1:]}"
        if gram.startswith(SHAPE_PREFIX):
            return f"shape:{gram[1:]}"
        return f"chars:{gram!r}"


#: Separator of the grams in a serialised vocabulary (normalised text never holds it).
VOCAB_SEPARATOR = "\x00"


def vocabulary_string(vocabulary: dict[str, int]) -> str:
    """The vocabulary as one string, grams in column order: loads far faster than a pickled dict."""
    names = [""] * len(vocabulary)
    for gram, i in vocabulary.items():
        if VOCAB_SEPARATOR in gram:
            raise ValueError("a gram holds the vocabulary separator")
        names[i] = gram
    return VOCAB_SEPARATOR.join(names)


def vocabulary_from_string(packed: str) -> dict[str, int]:
    """Inverse of :func:`vocabulary_string`."""
    if not packed:
        return {}
    return {gram: i for i, gram in enumerate(packed.split(VOCAB_SEPARATOR))}


def _check_texts(texts: Iterable[str]) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("expected an iterable of texts, got a single str")
    docs = list(texts)
    for doc in docs:
        if not isinstance(doc, str):
            raise TypeError(f"expected str items, got {type(doc).__name__}")
    return docs
