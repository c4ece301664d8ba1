"""Training rows before fitting: thread splits, screening, implied negatives, variants."""

from __future__ import annotations

from collections import Counter

import pytest

from modkit._datasets import Row
from modkit._rules import count_links
from modkit._training import _is_shortcut
from modkit._training_fragments import fragment_variant, fragment_variants
from modkit._training_links import link_variants
from modkit._training_rows import (
    NOISY_KINDS,
    address_variant,
    address_variants,
    imply_negatives,
    is_realistic_ham,
    screen_hit,
    split_of,
    swearing_variants,
)


def _row(text: str, *, lang: str = "fr", corpus: str = "c", **kw: object) -> Row:
    labels = kw.pop("labels", {"toxicity": 0, "spam": 0})
    return Row(text, lang, labels, corpus, **kw)  # type: ignore[arg-type]


def test_a_thread_goes_whole_to_one_split() -> None:
    splits = {
        split_of(_row(f"reply {i}", group=f"thread-{g}"), 7, 0.15, 0.15)
        for g in range(40)
        for i in range(20)
    }
    assert splits == {"train", "calib", "test"}  # threads spread over the splits...
    for g in range(40):  # ...but each thread is in exactly one
        assert (
            len({split_of(_row(f"r{i}", group=f"thread-{g}"), 7, 0.15, 0.15) for i in range(20)})
            == 1
        )


def test_corpora_whose_group_is_no_thread_split_by_row() -> None:
    rows = [
        _row(f"tweet {i}", corpus="davidson_hate_offensive", group="davidson") for i in range(200)
    ]
    counts = Counter(split_of(r, 7, 0.15, 0.15) for r in rows)
    assert set(counts) == {"train", "calib", "test"}
    assert 10 < counts["test"] < 60


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("Quel CONNARD celui-là", "connard"),
        ("ce film est pour les abrutis", "abrutis"),
        ("You absolute m0r0n", "moron"),
        ("Putain, quel film", None),
        ("Merde alors, c'est fini ?", None),
        ("Un vrai connaisseur du cinéma", None),
        ("What the fuck happened here", None),
    ],
)
def test_screening_catches_insults_not_swearing(text: str, hit: str | None) -> None:
    assert screen_hit(text) == hit


def test_not_toxic_implies_no_sub_label_but_keeps_given_ones() -> None:
    row = imply_negatives(_row("Putain, enfin !", labels={"toxicity": 0, "obscene": 1}))
    assert row.labels == {
        "toxicity": 0,
        "obscene": 1,
        "severe_toxicity": 0,
        "insult": 0,
        "threat": 0,
        "identity_attack": 0,
    }
    toxic = _row("x", labels={"toxicity": 1})
    assert imply_negatives(toxic) is toxic


@pytest.mark.parametrize(
    ("text", "lang", "swapped"),
    [
        (
            "T'es vraiment nul, tu le sais ?",
            "fr",
            "Vous êtes vraiment nul, vous le sais ?",
        ),
        ("Tu penses que ton article est bon ?", "fr", "Vous pensez que votre article est bon ?"),
        ("Vous avez testé votre code ?", "fr", "Tu as testé ton code ?"),
        ("You are wrong and your source too", "en", "They are wrong and their source too"),
        ("They should read their notes", "en", "You should read your notes"),
    ],
)
def test_address_variants_swap_who_is_addressed(text: str, lang: str, swapped: str) -> None:
    row = _row(text, lang=lang, labels={"toxicity": 1, "insult": 1}, group="g")
    variant = address_variant(row)
    assert variant is not None
    assert variant.text == swapped
    assert variant.labels == row.labels
    assert variant.group == row.group


def test_no_variant_without_address() -> None:
    assert address_variant(_row("Bonjour à tous, bel article.")) is None
    assert address_variant(_row("Nice article, thanks.", lang="en")) is None


def test_address_variants_take_a_stable_share() -> None:
    rows = [_row(f"Tu as raison sur le point {i}") for i in range(400)]
    first = address_variants(rows, 3, 0.5)
    assert 120 < len(first) < 280
    assert [r.text for r in first] == [r.text for r in address_variants(rows, 3, 0.5)]


def test_swearing_variants_stay_innocent_and_obscene() -> None:
    rows = [
        _row(f"Super film, les acteurs sont bons {i}", kind="review_positive", weak=True)
        for i in range(300)
    ]
    noisy = [_row(f"angry {i}", lang="en", kind="emotion:anger", weak=True) for i in range(300)]
    variants = swearing_variants(rows + noisy, 1, 0.2)
    assert 30 < len(variants) < 100
    for v in variants:
        assert v.labels["toxicity"] == 0
        assert v.labels["obscene"] == 1
        assert v.kind == "swearing_variant"
        body = v.text.casefold()
        assert "super film, les acteurs sont bons" in body
        assert len(v.text) > len("Super film, les acteurs sont bons 000")
    assert not any(v.text.startswith("angry") for v in variants)


def test_realistic_ham_is_ordinary_comments_only() -> None:
    assert is_realistic_ham(_row("review", kind="review_positive", weak=True), "toxicity")
    for kind in NOISY_KINDS:
        assert not is_realistic_ham(_row("tweet", lang="en", kind=kind, weak=True), "toxicity")
    assert is_realistic_ham(_row("reply", corpus="project", kind="conv_reply"), "toxicity")
    assert not is_realistic_ham(_row("quote", corpus="project", kind="hard_quote"), "toxicity")
    # ordinary replies in a harm-wish thread are comments a site receives; the look-alikes are
    # hard negatives written to teach an edge case
    assert is_realistic_ham(_row("reply", corpus="project", kind="harm_reply"), "toxicity")
    assert not is_realistic_ham(
        _row("same verb", corpus="project", kind="harm_lookalike"), "toxicity"
    )
    assert not is_realistic_ham(_row("benchmark ham", corpus="jigsaw_toxic_subset"), "toxicity")
    # a site's own corpus (generic format: a name no loader knows) is the comments it receives
    assert is_realistic_ham(_row("approved", corpus="my_comments", kind="ham"), "toxicity")
    assert is_realistic_ham(_row("verdict", corpus="feedback", kind="feedback_ham"), "spam")
    assert not is_realistic_ham(
        _row("rejected", corpus="my_comments", labels={"toxicity": 1}), "toxicity"
    )
    assert not is_realistic_ham(
        _row("toxic", corpus="project", kind="insult", labels={"toxicity": 1}), "toxicity"
    )


@pytest.mark.parametrize(
    ("gram", "shortcut"),
    [
        ("\x01tu", True),
        ("\x01bonjour", True),
        ("\x01you are", True),
        ("\x01egalement", True),
        ("\x01on devrait", True),
        ("\x01should", True),
        ("\x01devrait partir", False),
        (" !!! ", True),
        ("\x01connard", False),
        (" con", False),
        ("\x02caps3", False),
        ("\x01💩", False),
    ],
)
def test_shortcut_flags(gram: str, shortcut: bool) -> None:
    assert _is_shortcut(gram) is shortcut


def test_a_row_limit_keeps_every_split_in_proportion() -> None:
    from modkit._datasets import Corpus
    from modkit._training import TrainConfig, _limited

    rows = [_row(f"tweet number {i}", lang="en", corpus="big") for i in range(3000)]
    corpus = Corpus("big", rows, [], ("spam", "toxicity"), "big")
    config = TrainConfig(row_limits={"big": 1000})
    kept = _limited(corpus, config).rows
    assert len(kept) == 1000
    counts = Counter(split_of(r, config.seed, 0.15, 0.15) for r in kept)
    assert 600 < counts["train"] < 800  # not only the rows whose split hash is small
    assert 80 < counts["test"] < 220


def test_link_variants_add_one_ordinary_link_to_clean_presumed_ham() -> None:
    clean = [
        _row(f"Très bon film, la fin m'a surpris {i}", kind="review_positive", weak=True)
        for i in range(300)
    ]
    english = [_row(f"Great game last night {i}", lang="en", weak=True) for i in range(300)]
    noisy = [_row(f"angry {i}", lang="en", kind="emotion:anger", weak=True) for i in range(300)]
    gold = [_row(f"gold {i}") for i in range(300)]  # labelled rows, not presumed ham
    spam = [_row(f"buy {i}", weak=True, labels={"spam": 1, "toxicity": 0}) for i in range(300)]
    variants = link_variants(clean + english + noisy + gold + spam, 1, 0.2)
    assert 70 < len(variants) < 170
    texts = {r.text for r in clean + english}
    assert {v.kind for v in variants} == {"link_variant"}
    for v in variants:
        assert v.labels == {"toxicity": 0, "spam": 0}
        assert count_links(v.text) == 1, v.text
        original = v.text.split(" http")[0].split("\n\n")[0].split(" (source")[0]
        assert any(original.startswith(t.rstrip()[:20]) for t in texts), v.text
    assert not any(v.text.startswith(("angry", "gold", "buy")) for v in variants)
    assert {v.lang for v in variants} == {"fr", "en"}
    assert len({v.text.split("://")[1].split("/")[0] for v in variants}) > 20  # many sites
    assert [v.text for v in variants] == [
        v.text for v in link_variants(clean + english + noisy + gold + spam, 1, 0.2)
    ]


def test_fragment_variants_cut_clean_presumed_ham_into_short_replies() -> None:
    clean = [
        _row(f"La mise en scène du film {i} est superbe et la musique envoûtante", weak=True)
        for i in range(300)
    ]
    noisy = [
        _row(f"angry {i} words", lang="en", kind="emotion:anger", weak=True) for i in range(300)
    ]
    gold = [_row(f"gold row number {i}") for i in range(300)]  # labelled rows, not presumed ham
    spam = [
        _row(f"buy pills {i}", weak=True, labels={"spam": 1, "toxicity": 0}) for i in range(300)
    ]
    variants = fragment_variants(clean + noisy + gold + spam, 1, 0.2)
    assert 40 < len(variants) < 100
    assert {v.kind for v in variants} == {"fragment"}
    sources = " ".join(r.text for r in clean).casefold()
    for v in variants:
        assert v.labels == {"toxicity": 0, "spam": 0}
        words = v.text.rstrip(".!?:) ").split()
        assert 1 <= len(words) <= 3, v.text
        assert " ".join(words).casefold() in sources, v.text
        assert not v.text[0].islower()
    assert len({len(v.text.split()) for v in variants}) > 1  # several lengths
    assert [v.text for v in variants] == [
        v.text for v in fragment_variants(clean + noisy + gold + spam, 1, 0.2)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ce film n'est pas stupide du tout",
        "This is not stupid at all",
        "I don't think idiots wrote it",
        "Jamais idiot",
    ],
)
def test_a_fragment_never_starts_after_a_negation(text: str) -> None:
    for i in range(200):
        variant = fragment_variant(_row(text, weak=True), i / 200)
        if variant is not None:
            assert not variant.text.casefold().startswith(("stupid", "idiot")), variant.text


def test_a_fragment_holds_a_content_word() -> None:
    assert fragment_variant(_row("je tu il elle", weak=True), 0.3) is None
    assert fragment_variant(_row("Bonjour", weak=True), 0.3) is None  # too short to cut
    for i in range(50):
        variant = fragment_variant(_row("et puis le voisin est venu", weak=True), i / 50)
        assert variant is not None
        assert any(w in variant.text.casefold() for w in ("voisin", "venu", "puis")), variant


def test_thresholds_take_each_heads_own_false_positive_rates() -> None:
    from types import SimpleNamespace

    import numpy as np

    from modkit._training import TrainConfig, _thresholds

    n = 2000  # innocent presumed ham per language, scores 0.0 ... 0.9995, plus 20 positives
    rows = [
        _row(f"ham {lang} {i}", lang=lang, weak=True) for lang in ("fr", "en") for i in range(n)
    ] + [_row(f"pos {i}", labels={"spam": 1, "toxicity": 1}) for i in range(20)]
    ham = np.arange(n) / n
    column = np.concatenate([ham, ham, np.ones(20)])
    model = SimpleNamespace(
        heads=["spam", "toxicity"],
        probabilities=lambda _x: np.stack([column, column], axis=1),
    )
    config = TrainConfig(
        hold_fpr=0.05,
        hold_fpr_by_head={"spam": 0.02},
        reject_fpr=0.01,
        reject_fpr_by_head={"spam": 0.004},
    )
    out, how = _thresholds(model, None, rows, config)  # type: ignore[arg-type]
    # exactly that share of each language's ham lies above each threshold (0.9795: 41 of 2,000
    # scores from 0.9795 up, 40 above it)
    assert out["spam"] == {"hold": 0.9795, "reject": 0.9955}
    assert out["toxicity"] == {"hold": 0.9495, "reject": 0.9895}
    assert (how["spam"]["hold_fpr"], how["spam"]["reject_fpr"]) == (0.02, 0.004)
    assert (how["toxicity"]["hold_fpr"], how["toxicity"]["reject_fpr"]) == (0.05, 0.01)
    assert how["spam"]["source"] == "realistic"
