"""The featuriser: the vectorised batch path, the one-comment path and the reference analyze()
give the same features; the vocabulary's order; integer keys and their collision checks."""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

import modkit._features as features
import modkit._gram_index as gram_index
import modkit._gram_trie as gram_trie
from modkit._features import (
    SHAPE_PREFIX,
    SHAPE_WEIGHT,
    STOP_WORDS,
    WORD_PREFIX,
    NgramFeaturizer,
    analyze,
)
from modkit._gram_index import KeyCollisionError, KeyTable

ROOT = Path(__file__).resolve().parents[1]

EDGE = [
    "",
    " ",
    "\t\n ",
    "a",
    "😀",
    "😀😀😀 🙏 🤡 !!!",
    "\U0001d573\U0001d594\U0001d597 astral letters",
    "a\ud800b lone surrogate",
    "Ѕеx саsіnо рrіvеt москва",
    "cоnnard ΑΒΓ λογος привет",
    "日本語のテキスト مرحبا بالعالم",
    "e\u0301\u0301\u0301 zalgo t\u0336e\u0336",
    "de la une le les the and",
    "THE THE THE the the the",
    "Visit https://www.best-casino.ru/x now!!! WIN $$$",
    "c o n n a r d f*ck y0u",
    "\x00\x01\x02 controls",
    "x" * 5000,
    "mot " * 16_000,
]


def _corpus() -> list[str]:
    texts = []
    for name in ("en_ham", "en_abuse", "fr_ham", "fr_abuse"):
        with (ROOT / "datasets" / f"{name}.jsonl").open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh)
    random.Random(3).shuffle(texts)
    return texts


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    return _corpus()


@pytest.fixture(scope="module")
def fitted(corpus: list[str]) -> NgramFeaturizer:
    return NgramFeaturizer(min_df=2, max_char_features=30_000, max_word_features=8_000).fit(
        corpus[:1500]
    )


def _reference_row(feat: NgramFeaturizer, text: str) -> dict[int, float]:
    """The features of ``text`` computed from analyze()'s strings with plain Python."""
    chars, words, shapes = analyze(
        text,
        char_ngrams=feat.char_ngrams,
        word_ngrams=feat.word_ngrams,
        stop_words=feat.stop_words_,
        shape_tokens=feat.shape_tokens,
        view=feat.view,
        shape_kinds=feat.shape_kinds_,
    )
    vocab = feat.vocabulary_
    row: dict[int, float] = {}
    for token in shapes:
        if token in vocab:
            row[vocab[token]] = SHAPE_WEIGHT
    for grams in (chars, words):
        counts = Counter(vocab[g] for g in grams if g in vocab)
        vals = {c: (1.0 + math.log(n)) * float(feat.idf_[c]) for c, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vals.values()))
        row.update({c: v / norm for c, v in vals.items()})
    return row


def _row(matrix: object, i: int) -> dict[int, float]:
    csr = matrix  # scipy CSR
    start, end = csr.indptr[i], csr.indptr[i + 1]  # type: ignore[attr-defined]
    cols = csr.indices[start:end].tolist()  # type: ignore[attr-defined]
    return dict(zip(cols, csr.data[start:end].tolist(), strict=True))  # type: ignore[attr-defined]


def _assert_same(row: dict[int, float], expected: dict[int, float]) -> None:
    assert row.keys() == expected.keys()
    for col, value in expected.items():
        assert row[col] == pytest.approx(value, rel=1e-5, abs=1e-7)


# --- same features on every path ------------------------------------------------------------


def test_transform_matches_reference_analyze(
    fitted: NgramFeaturizer, corpus: list[str], thorough: Callable[[int], int]
) -> None:
    texts = corpus[1500 : 1500 + thorough(400)] + EDGE
    matrix = fitted.transform(texts)
    assert matrix.shape == (len(texts), len(fitted.vocabulary_))
    for i, text in enumerate(texts):
        _assert_same(_row(matrix, i), _reference_row(fitted, text))


def test_one_comment_path_matches_batch(fitted: NgramFeaturizer, corpus: list[str]) -> None:
    texts = corpus[1900:2100] + EDGE
    matrix = fitted.transform(texts)
    for i, text in enumerate(texts):
        cols, vals = fitted.transform_one(text)
        assert dict(zip(cols.tolist(), vals.tolist(), strict=True)) == pytest.approx(
            _row(matrix, i), rel=1e-6, abs=1e-8
        )


def test_rows_keep_the_block_order(fitted: NgramFeaturizer) -> None:
    text = "Visit www.casino.fr now, cheap pills and a free bonus!!!"
    cols, _ = fitted.transform_one(text)
    names = [fitted.names()[c] for c in cols.tolist()]
    kinds = [
        2 if n.startswith(WORD_PREFIX) else 0 if n.startswith(SHAPE_PREFIX) else 1 for n in names
    ]
    assert kinds == sorted(kinds)  # shape tokens, then characters, then words
    for kind in (1, 2):
        block = [c for c, k in zip(cols.tolist(), kinds, strict=True) if k == kind]
        assert block == sorted(block)


def test_batch_results_do_not_depend_on_the_batch(
    fitted: NgramFeaturizer, corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = corpus[2100:2300]
    whole = fitted.transform(texts).toarray()
    monkeypatch.setattr(features, "_TRANSFORM_CHUNK", 7)
    assert np.array_equal(fitted.transform(texts).toarray(), whole)
    halves = np.vstack(
        [fitted.transform(texts[:77]).toarray(), fitted.transform(texts[77:]).toarray()]
    )
    assert np.array_equal(whole, halves)


def test_hashed_keys_give_the_same_features(
    fitted: NgramFeaturizer, corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = corpus[2300:2400] + EDGE
    exact = fitted.transform(texts).toarray()
    monkeypatch.setattr(gram_index, "exact_keys", lambda base, longest: False)
    monkeypatch.setattr(features, "exact_keys", lambda base, longest: False)
    hashed = NgramFeaturizer(min_df=2, max_char_features=30_000, max_word_features=8_000)
    hashed.vocabulary_, hashed.idf_ = fitted.vocabulary_, fitted.idf_
    assert np.array_equal(hashed.transform(texts).toarray(), exact)


# --- fitting ----------------------------------------------------------------------------------


def _reference_vocabulary(docs: list[str], feat: NgramFeaturizer) -> list[str]:
    char_df: Counter[str] = Counter()
    word_df: Counter[str] = Counter()
    for doc in docs:
        chars, words, shapes = analyze(doc, stop_words=feat.stop_words_)
        char_df.update(set(chars))
        word_df.update(set(words))
        word_df.update(shapes)
    kept: list[str] = []
    for df, limit in ((char_df, feat.max_char_features), (word_df, feat.max_word_features)):
        ranked = sorted((g for g, n in df.items() if n >= feat.min_df), key=lambda g: (-df[g], g))
        kept.extend(ranked[:limit])
    return kept


@pytest.mark.parametrize(("min_df", "chars", "words"), [(1, 3_000, 500), (2, 30_000, 8_000)])
def test_fit_keeps_the_most_frequent_grams_ties_by_gram(
    corpus: list[str], min_df: int, chars: int, words: int
) -> None:
    docs = corpus[:600] + EDGE
    feat = NgramFeaturizer(min_df=min_df, max_char_features=chars, max_word_features=words)
    feat.fit(docs)
    assert list(feat.vocabulary_) == _reference_vocabulary(docs, feat)
    assert list(feat.vocabulary_.values()) == list(range(len(feat.vocabulary_)))
    n_docs = len(docs)
    first = next(iter(feat.vocabulary_))
    df = sum(1 for d in docs if first in analyze(d)[0])
    assert feat.idf_[0] == pytest.approx(math.log((1 + n_docs) / (1 + df)) + 1.0)


def test_fit_without_exact_keys_uses_the_reference_counts(
    corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = corpus[:300]
    fast = NgramFeaturizer(min_df=1, max_char_features=4_000, max_word_features=900).fit(docs)
    monkeypatch.setattr(features, "exact_keys", lambda base, longest: False)
    slow = NgramFeaturizer(min_df=1, max_char_features=4_000, max_word_features=900).fit(docs)
    assert list(slow.vocabulary_) == list(fast.vocabulary_)
    assert np.array_equal(slow.idf_, fast.idf_)


def test_fit_is_deterministic_and_order_free(corpus: list[str]) -> None:
    docs = corpus[:500]
    shuffled = docs[:]
    random.Random(9).shuffle(shuffled)
    a = NgramFeaturizer(max_char_features=5_000, max_word_features=1_000).fit(docs)
    b = NgramFeaturizer(max_char_features=5_000, max_word_features=1_000).fit(shuffled)
    assert list(a.vocabulary_.items()) == list(b.vocabulary_.items())
    assert np.array_equal(a.idf_, b.idf_)


def test_fit_transform_equals_fit_then_transform(corpus: list[str]) -> None:
    docs = corpus[:200]
    feat = NgramFeaturizer(max_char_features=5_000, max_word_features=1_000)
    once = feat.fit_transform(docs).toarray()
    assert np.array_equal(once, feat.transform(docs).toarray())


# --- recipe parameters ------------------------------------------------------------------------


def test_stop_words_are_a_parameter(corpus: list[str]) -> None:
    docs = corpus[:400]
    default = NgramFeaturizer(min_df=1).fit(docs)
    assert default.stop_words_ == STOP_WORDS
    assert f"{WORD_PREFIX}the" not in default.vocabulary_
    custom = NgramFeaturizer(min_df=1, stop_words=["phone", "battery"]).fit(docs)
    assert f"{WORD_PREFIX}the" in custom.vocabulary_
    assert f"{WORD_PREFIX}phone" not in custom.vocabulary_
    assert any(g.startswith(f"{WORD_PREFIX}phone ") for g in custom.vocabulary_)  # bigrams stay
    _assert_same(_row(custom.transform(["the phone"]), 0), _reference_row(custom, "the phone"))


def test_shape_tokens_can_be_left_out(corpus: list[str]) -> None:
    feat = NgramFeaturizer(min_df=1, shape_tokens=False).fit(corpus[:200])
    assert not any(g.startswith(SHAPE_PREFIX) for g in feat.vocabulary_)
    _assert_same(_row(feat.transform(["HELLO!!!"]), 0), _reference_row(feat, "HELLO!!!"))


# --- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["fit", "transform", "fit_transform"])
def test_a_bare_str_is_refused(fitted: NgramFeaturizer, method: str) -> None:
    with pytest.raises(TypeError):
        getattr(fitted, method)("a single text")
    with pytest.raises(TypeError):
        getattr(fitted, method)(["ok", 3])


def test_texts_and_norms_must_pair(fitted: NgramFeaturizer) -> None:
    with pytest.raises(ValueError, match="differ in length"):
        fitted.weights(["a", "b"], ["a"])


# --- keys, tables, collisions -----------------------------------------------------------------


def test_key_collisions_in_a_vocabulary_fail_loudly(
    fitted: NgramFeaturizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gram_index, "exact_keys", lambda base, longest: False)
    monkeypatch.setattr(gram_index, "_mix", lambda x: (x & np.uint64(7)) | np.uint64(8))  # collides
    feat = NgramFeaturizer()
    feat.vocabulary_, feat.idf_ = dict(fitted.vocabulary_), fitted.idf_
    with pytest.raises(KeyCollisionError, match="same key"):
        feat.index()


def test_key_table_names_the_colliding_grams() -> None:
    keys = np.array([5, 9, 5], dtype=np.uint64)
    with pytest.raises(KeyCollisionError, match="'abc' and 'xyz'"):
        KeyTable(keys, np.array([0, 1, 2]), ["abc", "mno", "xyz"])
    with pytest.raises(KeyCollisionError, match="reserved key 0"):
        KeyTable(np.array([0, 3], dtype=np.uint64), np.array([0, 1]), ["a", "b"])


@pytest.mark.parametrize("small", [0, 1 << 20])
def test_key_table_finds_every_key_and_no_other(
    small: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gram_index, "_SMALL", small)
    rng = np.random.default_rng(1)
    keys = np.unique(rng.integers(1, 1 << 40, 50_000, dtype=np.uint64))
    cols = rng.permutation(len(keys))
    table = KeyTable(keys, cols)
    absent = rng.integers(1 << 41, 1 << 42, 5_000, dtype=np.uint64)
    queries = np.concatenate([keys, absent, np.zeros(3, dtype=np.uint64)])
    found = table.lookup(queries)
    assert np.array_equal(found[: len(keys)], cols)
    assert (found[len(keys) :] == -1).all()


def test_ids_never_overflow_exact_keys() -> None:
    assert gram_index.exact_keys(155, 5)
    assert gram_index.exact_keys(1 << 16, 4)
    assert not gram_index.exact_keys((1 << 16) + 1, 4)


# --- the content view ------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["content", "scoped"])
def content(corpus: list[str], request: pytest.FixtureRequest) -> NgramFeaturizer:
    return NgramFeaturizer(
        min_df=2,
        max_char_features=30_000,
        max_word_features=8_000,
        view=request.param,
        shape_kinds=("caps", "url"),
    ).fit(corpus[:1500])


def test_content_view_batch_and_one_comment_paths_match_the_reference(
    content: NgramFeaturizer, corpus: list[str], thorough: Callable[[int], int]
) -> None:
    docs = [*EDGE, *corpus[1500 : 1500 + thorough(300)]]
    matrix = content.transform(docs)
    for i, doc in enumerate(docs):
        expected = _reference_row(content, doc)
        _assert_same(_row(matrix, i), expected)
        cols, vals = content.transform_one(doc)
        _assert_same(dict(zip(cols.tolist(), vals.tolist(), strict=True)), expected)


@pytest.mark.parametrize("view", ["content", "scoped"])
def test_content_view_fit_matches_reference_frequencies(corpus: list[str], view: str) -> None:
    feat = NgramFeaturizer(min_df=1, view=view, shape_kinds=("caps",))
    fast = feat.fit(corpus[:300]).vocabulary_
    slow_char, slow_word = feat._reference_frequencies(corpus[:300])
    assert set(fast) == set(slow_char) | set(slow_word)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("T'as vu ça ? Bonjour à tous, tu es génial", ["t", "as", "bonjour", "tu", "es", "tous"]),
        ("Hi guys, you are all amazing", ["hi", "you", "are", "all"]),
        ("Votre article : ton avis ?!!", ["votre", "ton"]),
    ],
)
def test_content_view_leaves_address_and_greetings_out(
    content: NgramFeaturizer, text: str, absent: list[str]
) -> None:
    chars, words, shapes = analyze(text, view="content", shape_kinds=("caps", "url"))
    unigrams = {w[1:] for w in words if " " not in w}
    bigrams = [w[1:].split() for w in words if " " in w]
    for word in absent:
        assert word not in unigrams
        assert all(f" {word} " not in c for c in chars)
    assert all(
        not (a in features.FUNCTION_WORDS and b in features.FUNCTION_WORDS) for a, b in bigrams
    )
    assert {s[1:-1] for s in shapes} <= {"caps", "url"}


def test_content_tokens_split_elisions_and_strip_punctuation() -> None:
    tokens = features.content_tokens("t'as l'adresse ?!! «oui» nul!!! @marc xxurl site com")
    assert tokens == ["t", "as", "l", "adresse", "oui", "nul", "marc", "xxurl", "site", "com"]


def test_same_greeting_or_address_gives_the_same_content_features(
    content: NgramFeaturizer,
) -> None:
    a = content.transform_one("Bonjour, t'es vraiment un crack !")
    b = content.transform_one("t'es vraiment un crack")
    c = content.transform_one("Salut à tous !!! Vous êtes vraiment un crack")
    assert a[0].tolist() == b[0].tolist() == c[0].tolist()


# --- the compiled vocabulary: tries and pair counts --------------------------------------------


@pytest.mark.parametrize(("direct", "merged"), [(1 << 23, 1 << 23), (1 << 23, 1), (1, 1)])
def test_every_kind_of_trie_level_gives_the_same_features(
    fitted: NgramFeaturizer,
    corpus: list[str],
    monkeypatch: pytest.MonkeyPatch,
    direct: int,
    merged: int,
) -> None:
    texts = corpus[2400:2500] + EDGE
    expected = fitted.transform(texts).toarray()
    monkeypatch.setattr(gram_trie, "DIRECT_LIMIT", direct)  # 1: binary-search levels only
    monkeypatch.setattr(gram_trie, "MERGED_LIMIT", merged)
    other = NgramFeaturizer(min_df=2, max_char_features=30_000, max_word_features=8_000)
    other.vocabulary_, other.idf_ = fitted.vocabulary_, fitted.idf_
    assert np.array_equal(other.transform(texts).toarray(), expected)


@pytest.mark.parametrize("words", [None, 300])  # 300: word bigrams in a dense level
def test_one_comment_gets_the_same_weights_alone_and_in_a_batch(
    fitted: NgramFeaturizer, corpus: list[str], words: int | None
) -> None:
    feat = fitted
    if words is not None:
        feat = NgramFeaturizer(max_char_features=3_000, max_word_features=words).fit(corpus[:300])
    texts = corpus[2500:2600] + EDGE
    norms = feat.normalized(texts)
    batch = feat.weights(texts, norms)
    for i, (text, norm) in enumerate(zip(texts, norms, strict=True)):
        alone = feat.weights([text], [norm])
        for whole, one in zip(batch, alone, strict=True):
            rows = whole.docs == i
            assert np.array_equal(whole.cols[rows], one.cols)
            assert np.array_equal(whole.vals[rows], one.vals)  # to the bit


@pytest.mark.parametrize("small", [0, 1 << 20])
@pytest.mark.parametrize("dtype", [np.int32, np.int64])
@pytest.mark.parametrize("size", [0, 1, 7, 5_000])
def test_count_keys_gives_each_distinct_key_once_with_its_count(
    small: int, dtype: type, size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gram_trie, "_SMALL", small)
    rng = np.random.default_rng(size)
    keys = rng.integers(0, max(1, size // 4), size).astype(dtype)
    first, counts = gram_trie.count_keys(keys)
    assert np.all(np.diff(first) > 0)
    assert Counter(keys.tolist()) == dict(zip(keys[first].tolist(), counts.tolist(), strict=True))
    last = {k: i for i, k in enumerate(keys.tolist())}
    assert first.tolist() == sorted(last.values())  # each key's last occurrence


def test_count_keys_settles_crowded_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gram_trie, "_SMALL", 0)
    monkeypatch.setattr(gram_trie, "_ROUNDS", 1)  # what one round leaves is sorted
    keys = np.arange(10_000, dtype=np.int64) % 997 * 1024
    first, counts = gram_trie.count_keys(keys)
    assert Counter(keys.tolist()) == dict(zip(keys[first].tolist(), counts.tolist(), strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les migrants ne sont pas des criminels.", ["migrants", "~criminels"]),
        ("I don't hate Muslims, they are great", ["~hate", "~muslims", "great"]),
        ("Women are not inferior. Men are idiots", ["women", "~inferior", "men", "idiots"]),
        ("You are nothing but trash", ["trash"]),  # restrictive, not a negation
        ("Not bad!!! You idiot", ["~bad", "idiot"]),  # the clause ends
        (
            "Il a écrit « les Arabes sont des voleurs » et c'est raciste",
            ['"arabes', '"voleurs', "raciste"],
        ),
        ('Quel "génie" ce type', ["genie", "type"]),  # scare quotes: fewer than three words
    ],
)
def test_scoped_view_marks_negation_and_quotation(text: str, expected: list[str]) -> None:
    _, words, _ = analyze(text, view="scoped", word_ngrams=(1, 1), shape_tokens=False)
    unigrams = [w[1:] for w in words]
    assert [w for w in unigrams if w.lstrip('~"') in {e.lstrip('~"') for e in expected}] == expected


@pytest.mark.parametrize(
    "names",
    [["a"], ["abc", "", "w\x01mot deux", "😀é"], ["", ""], ["x", "yy", "zzz", ""]],
)
def test_code_points_from_the_packed_vocabulary_are_those_of_the_names(names: list[str]) -> None:
    from modkit._features_index import _code_points
    from modkit._features_view import code_points

    packed = "\x00".join(names)
    for fast, reference in zip(_code_points(names, packed), code_points(names), strict=True):
        assert fast.dtype == reference.dtype
        assert fast.tolist() == reference.tolist()
    with pytest.raises(ValueError, match="packed"):
        _code_points([*names, "extra"], packed)


def test_one_comment_word_grams_are_the_same_by_either_path(
    fitted: NgramFeaturizer, corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import modkit._features_index as index_module

    texts = corpus[2600:2700] + EDGE
    norms = fitted.normalized(texts)
    by_path = []
    for small in (10**9, 0):  # every comment looked up in Python, then none
        monkeypatch.setattr(index_module, "_SMALL_WORDS", small)
        by_path.append([fitted.weights([t], [n]) for t, n in zip(texts, norms, strict=True)])
    for python, arrays in zip(*by_path, strict=True):
        for a, b in zip(python, arrays, strict=True):
            assert np.array_equal(a.cols, b.cols)
            assert np.array_equal(a.vals, b.vals)  # to the bit


@pytest.mark.parametrize("shape_tokens", [True, False])
@pytest.mark.parametrize("view", ["plain", "scoped"])
def test_weights_of_one_comment_equal_its_blocks_for_every_recipe(
    corpus: list[str], shape_tokens: bool, view: str
) -> None:
    feat = NgramFeaturizer(
        min_df=2,
        max_char_features=20_000,
        max_word_features=5_000,
        shape_tokens=shape_tokens,
        view=view,
    ).fit(corpus[:800])
    texts = corpus[2700:2760] + EDGE
    for text, norm in zip(texts, feat.normalized(texts), strict=True):
        blocks = feat.weights([text], [norm])
        cols, vals = feat.weights_one(text, norm)
        assert np.array_equal(cols, np.concatenate([b.cols for b in blocks]))
        assert np.array_equal(vals, np.concatenate([b.vals for b in blocks]))  # to the bit
