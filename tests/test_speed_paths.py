"""The fast paths of scoring give what the plain ones give (speed itself is measured in bench/)."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from modkit import _model, _text_links


def _csr(rng: np.random.Generator, rows: int, width: int) -> tuple[np.ndarray, ...]:
    sizes = rng.integers(0, 6, rows)
    indptr = np.zeros(rows + 1, dtype=np.int64)
    np.cumsum(sizes, out=indptr[1:])
    cols = rng.integers(0, width, int(indptr[-1])).astype(np.int64)
    vals = rng.random(int(indptr[-1]))
    return indptr, cols, vals


def test_the_csr_product_without_the_compiled_kernel_is_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = np.random.default_rng(11)
    indptr, cols, vals = _csr(rng, 40, 300)
    coef = rng.standard_normal((300, 7))
    expected = np.zeros((40, 7))
    for row in range(40):
        span = slice(indptr[row], indptr[row + 1])
        expected[row] = vals[span] @ coef[cols[span]]
    fast = np.zeros((40, 7))
    _model._add_products(indptr, cols, vals, coef, fast)
    monkeypatch.setitem(sys.modules, "scipy.sparse._sparsetools", None)  # import fails
    plain = np.zeros((40, 7))
    _model._add_products(indptr, cols, vals, coef, plain)
    assert fast == pytest.approx(expected, abs=1e-12)
    assert plain == pytest.approx(expected, abs=1e-12)


_SCOPE_PIECES = [
    "pas", "not", "don", "t", "can", "n't", "mais", "but", "que", "only", "jamais", "rien",
    "con", "idiot", "les", "gens", "sont", "des", "voleurs", "ils", "the", "you", "nul",
    " ", " ", " ", "'", ".", ",", "!", "?", "...", "!!", "…", "-", "~", '"', "«", "»", "“",
    "”", "(", ")", "\n", "x'y", "a", "bc", '"', "«", "»",
]  # fmt: skip


@pytest.mark.parametrize(
    "norm",
    [
        "",
        " ",
        "je ne suis pas un idiot",
        "i don't know the photographer, personally. i'll go",
        "c'est pas...con mais bon",
        "pas . idiot et pas , nul",
        "rien que des gens pas sympa!!! vraiment",
        "pas « les migrants sont des voleurs » c'est faux",
        'he said "you are not an idiot at all" and left',
        "not - - idiot",
        "can't t t don t idiot",
        "~pas ~idiot",
        "pas\u2003idiot\u00a0con",
    ],
)
def test_scoped_tokens_fast_equal_the_reference(norm: str) -> None:
    from modkit import _features_view as view

    for stop in (view.FUNCTION_WORDS, view.STOP_WORDS, frozenset()):
        assert view.scoped_tokens(norm, stop) == view.scoped_tokens_reference(norm, stop)


def test_scoped_tokens_fast_equal_the_reference_on_random_texts() -> None:
    import random

    from modkit import _features_view as view

    rng = random.Random(5)
    for i in range(6000):
        pieces = _SCOPE_PIECES if i % 2 else [p for p in _SCOPE_PIECES if p.isprintable()]
        norm = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        for stop in (view.FUNCTION_WORDS, frozenset({"les", "des"})):
            assert view.scoped_tokens(norm, stop) == view.scoped_tokens_reference(norm, stop), norm


_QUOTE_PIECES = [
    "pas", "not", "don", "t", "can", "n't", "mais", "que", "idiot", "les", "des", "x", "a",
    " ", " ", " ", " ", "'", "''", ".", "...", "!!", '"', '"', '"', '."', '"x"', "«", "»", "“",
    "”", "\u2003",
]  # fmt: skip


def test_scoped_tokens_fast_equal_the_reference_on_texts_full_of_quotations() -> None:
    import random

    from modkit import _features_view as view

    rng = random.Random(7)
    for _ in range(3000):
        norm = "".join(rng.choice(_QUOTE_PIECES) for _ in range(rng.randint(0, 120)))
        for stop in (view.FUNCTION_WORDS, frozenset()):
            assert view.scoped_tokens(norm, stop) == view.scoped_tokens_reference(norm, stop), norm


_EDGE_TEXTS = [
    "",
    " ",
    "a",
    "ok",
    "🙂",
    "\U0001f600" * 3,
    "Tu es un idiot, vraiment pas malin !!!",
    "je ne suis pas un « vrai idiot » du tout, mais bon",
    "BUY CHEAP PILLS http://spam.example/x?y=1 NOW!!!",
    "x" * 5000,
    "été 🙂 " * 40,
    "été 🙂 " * 400,
    "mot " * 300,
    "ÉNORME !!! " + "é" * 300,
]


@pytest.mark.parametrize("text", _EDGE_TEXTS)
def test_one_comment_weights_equal_its_weights_in_a_batch(text: str) -> None:
    from modkit import Scorer
    from modkit._text import normalize_text

    featurizer = Scorer.load()._featurizer
    others = ["Merci pour l'article.", "buy cheap pills at http://spam.example now"]
    texts = [text, *others]
    norms = [normalize_text(t) for t in texts]
    alone = featurizer.weights([text], [norms[0]])
    batch = featurizer.weights(texts, norms)
    for one, many in zip(alone, batch, strict=True):
        first = many.docs == 0
        assert np.array_equal(one.cols, many.cols[first])
        assert np.array_equal(one.vals, many.vals[first])  # to the bit


@pytest.mark.parametrize("text", _EDGE_TEXTS)
def test_weights_of_one_comment_equal_its_blocks_concatenated(text: str) -> None:
    from modkit import Scorer
    from modkit._text import normalize_text

    featurizer = Scorer.load()._featurizer
    norm = normalize_text(text)
    blocks = featurizer.weights([text], [norm])
    cols, vals = featurizer.weights_one(text, norm)
    assert np.array_equal(cols, np.concatenate([b.cols for b in blocks]))
    assert np.array_equal(vals, np.concatenate([b.vals for b in blocks]))  # to the bit
    assert vals.dtype == np.float32


@pytest.mark.parametrize("text", _EDGE_TEXTS)
def test_one_comment_margins_equal_its_margins_in_a_batch(text: str) -> None:
    from modkit import Scorer

    scorer = Scorer.load()
    batch = scorer._margins([text, "Merci pour l'article.", "ok"])
    assert scorer._margins([text])[0] == pytest.approx(batch[0], abs=1e-12)


@pytest.mark.parametrize(
    "text",
    [
        "aaa.ru aab.com www.site.fr wwwx.fr a.www.com x.c0m ab.ru. é.fr b3$t-d*als.com",
        "site.com/ http://a.fr www . x . com a.b.c.d.org mixed.Com sub.www2.net",
        "xn--bcher-kva.de a-b.io l33t.c0m 1.2.3.4 un.site.zz tld.toolongtobeatld",
    ],
)
def test_bare_host_fast_path_reads_links_as_the_full_path(text: str) -> None:

    matches = [*_text_links.URL.finditer(text), *_text_links.URL.finditer(text.casefold())]
    assert matches
    for m in matches:
        s, host, path = m.group(0, "host", "path")
        if host is None:
            full = _text_links.url_value(s, None, path, m.group("shost") or m.group("whost"), 0)
        else:
            full = _text_links.url_value(s, host, path, None, m.start("host") - m.start())
        assert _text_links.url_callback(m) == full


@pytest.mark.parametrize(
    "raw", ["", "ABC", "Hello WORLD, this is A Test!!", "x" * 4000 + "ABC", "\x00\x7fAz[`{@", "Été"]
)
def test_shape_values_of_ascii_text_count_letters_as_str_methods_do(raw: str) -> None:
    from modkit._features_view import MAX_CHARGRAM_CHARS, shape_values

    head = raw[:MAX_CHARGRAM_CHARS]
    letters, upper = sum(map(str.isalpha, head)), sum(map(str.isupper, head))
    assert shape_values(raw, raw)["caps"] == (upper / letters if letters >= 8 else 0.0)


def test_word_lists_find_the_same_in_long_texts_by_search_as_word_by_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import random

    from modkit import _rules

    rng = random.Random(3)
    vocab = ["mot1", "mot12", "con", "idiot", "cons", "x_y", "été", "casino", "free", "money"]
    vocab += ["a", "b", "mot", "1", "_", "-", ".", " ", " ", " ", "\n", "free money"]
    entries = ["mot1", "con", "idiot", "x_y", "ete", "casino", "free money", "a", "1"]
    matchers = [_rules.WordMatcher(entries), _rules.WordMatcher(entries, whole_words=False)]
    for _ in range(300):
        text = "".join(rng.choice(vocab) for _ in range(rng.randint(0, 2500)))
        for matcher in matchers:
            found = []
            for short, searches in ((10**9, 0), (0, 10**9)):  # word by word, then searched
                monkeypatch.setattr(_rules, "_SHORT_TEXT", short)
                monkeypatch.setattr(_rules, "_MAX_SEARCHES", searches)
                found.append((matcher.search(text), matcher.find(_rules.fold(text))))
            assert found[0] == found[1]


@pytest.mark.parametrize("small", [10**9, 0])
def test_one_comment_word_block_of_the_shipped_model_is_the_same_by_either_path(
    small: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from modkit import Scorer
    from modkit import _features_index as index_module
    from modkit._text import normalize_text

    featurizer = Scorer.load()._featurizer
    norms = [normalize_text(t) for t in _EDGE_TEXTS]
    expected = [featurizer.weights([t], [n])[1] for t, n in zip(_EDGE_TEXTS, norms, strict=True)]
    monkeypatch.setattr(index_module, "_SMALL_WORDS", small)  # Python for all, then for none
    for text, norm, block in zip(_EDGE_TEXTS, norms, expected, strict=True):
        words = featurizer.weights([text], [norm])[1]
        assert np.array_equal(words.cols, block.cols)
        assert np.array_equal(words.vals, block.vals)  # to the bit
