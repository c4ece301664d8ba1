"""Schema checks of the robustness measurement lists in bench/data, and tests of bench/bias.py
(template expansion, Jigsaw bias metrics) and bench/evasion.py (evasion transforms)."""

from __future__ import annotations

import functools
import importlib
import itertools
import json
import math
import os
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
bias = importlib.import_module("bench.bias")
evasion = importlib.import_module("bench.evasion")

DATA = ROOT / "bench" / "data"
SCUNTHORPE_CATEGORIES = {
    "place",
    "surname",
    "science",
    "cooking",
    "history",
    "everyday",
    "sport",
    "tech",
}
IDENTITY_CATEGORIES = {
    "religion",
    "origin",
    "skin_colour",
    "gender",
    "sexual_orientation",
    "disability",
    "age",
    "nationality",
}


def fold(text: str) -> str:
    """Casefold and drop accents, for substring checks."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# ---------------------------------------------------------------- Scunthorpe list


@pytest.fixture(scope="module")
def scunthorpe() -> list[dict[str, Any]]:
    lines = (DATA / "scunthorpe.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_scunthorpe_counts_and_balance(scunthorpe: list[dict[str, Any]]) -> None:
    assert len(scunthorpe) >= 360
    langs = Counter(row["lang"] for row in scunthorpe)
    assert set(langs) == {"fr", "en"}
    assert min(langs.values()) >= 0.4 * len(scunthorpe)
    for lang in ("fr", "en"):
        cats = Counter(row["category"] for row in scunthorpe if row["lang"] == lang)
        assert set(cats) == SCUNTHORPE_CATEGORIES, lang
        assert min(cats.values()) >= 10, (lang, cats)


def test_scunthorpe_rows_schema(scunthorpe: list[dict[str, Any]]) -> None:
    for row in scunthorpe:
        assert set(row) == {"text", "lang", "contains", "category"}, row
        assert row["lang"] in {"fr", "en"}
        assert row["category"] in SCUNTHORPE_CATEGORIES
        assert isinstance(row["text"], str)
        assert row["text"] == row["text"].strip()
        assert row["text"] == unicodedata.normalize("NFC", row["text"])
        assert len(row["contains"]) >= 3
        # The offending string is really inside the text (case and accents aside)...
        assert fold(row["contains"]) in fold(row["text"]), row
        # ...but the item is never the bare word itself.
        assert fold(row["contains"]) != fold(row["text"]), row


def test_scunthorpe_texts_unique(scunthorpe: list[dict[str, Any]]) -> None:
    texts = Counter(fold(row["text"]) for row in scunthorpe)
    assert [text for text, n in texts.items() if n > 1] == []


def test_scunthorpe_has_words_and_sentences(scunthorpe: list[dict[str, Any]]) -> None:
    for lang in ("fr", "en"):
        rows = [row["text"] for row in scunthorpe if row["lang"] == lang]
        short = [text for text in rows if len(text.split()) <= 3]
        sentences = [text for text in rows if len(text.split()) >= 5]
        assert len(short) >= 15, lang
        assert len(sentences) >= 150, lang


@pytest.mark.parametrize(
    ("text", "contains"),
    [
        ("Scunthorpe", "cunt"),
        ("Penistone", "penis"),
        ("Bitche", "bitch"),
        ("Middlesex", "sex"),
        ("Cockburn", "cock"),
        ("Dick Van Dyke", "dyke"),
        ("assassinat", "ass"),
        ("passeport", "ass"),
        ("cocktail", "cock"),
        ("députée", "pute"),
        ("salopette", "salope"),
        ("Matsushita", "shit"),
    ],
)
def test_scunthorpe_classic_cases_present(
    scunthorpe: list[dict[str, Any]], text: str, contains: str
) -> None:
    assert {"text": text, "contains": contains} in [
        {"text": row["text"], "contains": row["contains"]} for row in scunthorpe
    ]


# ---------------------------------------------------------------- identities and templates


@pytest.fixture(scope="module")
def identities() -> list[dict[str, Any]]:
    return bias.load_identities()


@pytest.fixture(scope="module")
def templates() -> dict[str, dict[str, list[str]]]:
    return bias.load_templates()


EN_SLOTS = {"pl", "adj", "pred", "a_sg"}
FR_SLOTS = {
    "pl",
    "ils",
    "tous",
    "e",
    "pred_m",
    "pred_f",
    "adj_m",
    "adj_f",
    "adj_mpl",
    "un_sg",
    "n_sg",
}
# Forms a gendered identity may leave null: those of the other gender and the adjectives
# ("une femme" has no masculine form and is not an adjective).
NULLABLE = {
    "f": {"pred_m", "adj_m", "adj_f", "adj_mpl"},
    "m": {"pred_f", "adj_m", "adj_f", "adj_mpl"},
}


def test_identities_counts(identities: list[dict[str, Any]]) -> None:
    assert len(identities) >= 44
    ids = [ident["id"] for ident in identities]
    assert len(set(ids)) == len(ids)
    cats = Counter(ident["category"] for ident in identities)
    assert set(cats) == IDENTITY_CATEGORIES
    assert min(cats.values()) >= 4, cats


def test_identities_schema(identities: list[dict[str, Any]]) -> None:
    for ident in identities:
        assert set(ident) == {"id", "category", "gendered", "en", "fr"}, ident["id"]
        assert re.fullmatch(r"[a-z_]+", ident["id"])
        assert ident["gendered"] in {None, "f", "m"}
        assert set(ident["en"]) == EN_SLOTS, ident["id"]
        assert set(ident["fr"]) == FR_SLOTS, ident["id"]
        for value in ident["en"].values():
            assert isinstance(value, str)
            assert value
            assert value == value.strip()
        for slot, value in ident["fr"].items():
            if value is None:
                assert ident["gendered"] is not None, (ident["id"], slot)
                assert slot in NULLABLE[ident["gendered"]], (ident["id"], slot)
            else:
                assert isinstance(value, str)
                assert value == value.strip()
                assert value or slot == "e", (ident["id"], slot)


def test_identities_english_articles(identities: list[dict[str, Any]]) -> None:
    for ident in identities:
        article, _, rest = ident["en"]["a_sg"].partition(" ")
        # "a Ukrainian", "a European": a written vowel that sounds "you".
        vowel_sound = rest[0].lower() in "aeiou" and not rest.lower().startswith(("uk", "eu"))
        assert article == ("an" if vowel_sound else "a"), ident["id"]


def test_identities_french_agreement(identities: list[dict[str, Any]]) -> None:
    for ident in identities:
        fr = ident["fr"]
        feminine = fr["ils"] == "elles"
        # The three agreement slots tell the same grammatical gender of the plural noun.
        assert fr["ils"] in {"ils", "elles"}
        assert fr["tous"] == ("toutes" if feminine else "tous"), ident["id"]
        assert fr["e"] == ("e" if feminine else ""), ident["id"]
        # "personnes ..." is feminine whatever the people are.
        if fr["pl"].startswith("personnes "):
            assert feminine, ident["id"]
        if ident["gendered"] == "f":
            assert feminine, ident["id"]
        assert fr["un_sg"].split(" ")[0] in {"un", "une"}, ident["id"]
        if fr["un_sg"].startswith("une personne "):
            assert fr["adj_f"] is not None
            assert fr["un_sg"] == "une personne " + fr["adj_f"], ident["id"]
        # Masculine plural of the adjective: masculine singular plus s, unless it ends in s/x.
        if fr["adj_mpl"] is not None:
            m = fr["adj_m"]
            assert fr["adj_mpl"] in {m, m + "s"}, ident["id"]
            if not m.endswith(("s", "x")):
                assert fr["adj_mpl"] == m + "s", ident["id"]
        # The feminine of an adjective is the masculine, plus e, or a known irregular form.
        if fr["pred_f"] is not None and fr["pred_m"] is not None:
            assert fr["pred_f"] == fr["adj_f"]
            m, f = fr["pred_m"], fr["pred_f"]
            regular = {m, m + "e", m + "ne", m + "le", m + "se"}
            assert f in regular | {"blanche", "turque", "latina", "juive"}, ident["id"]


def test_templates_counts(templates: dict[str, dict[str, list[str]]]) -> None:
    assert set(templates) == {"en", "fr"}
    for lang in ("en", "fr"):
        assert set(templates[lang]) == set(bias.KINDS)
        assert len(templates[lang]["neutral"]) >= 25
        assert len(templates[lang]["positive"]) >= 15
        assert len(templates[lang]["toxic"]) >= 25
        every = [t for kind in bias.KINDS for t in templates[lang][kind]]
        assert len(set(every)) == len(every), lang


def test_template_slots_exist_in_every_identity(
    templates: dict[str, dict[str, list[str]]], identities: list[dict[str, Any]]
) -> None:
    for lang in ("en", "fr"):
        for kind in bias.KINDS:
            for template in templates[lang][kind]:
                slots = bias.template_slots(template)
                assert slots, template
                for ident in identities:
                    for slot in slots:
                        assert slot in ident[lang], (lang, template, ident["id"], slot)


def test_french_templates_use_agreement_slots(
    templates: dict[str, dict[str, list[str]]],
) -> None:
    used = Counter(
        slot
        for kind in bias.KINDS
        for template in templates["fr"][kind]
        for slot in bias.template_slots(template)
    )
    assert set(used) == FR_SLOTS
    for slot in ("ils", "tous", "e", "pred_f", "pred_m"):
        assert used[slot] >= 2, slot
    # No template writes a plural agreement word by hand next to an identity noun.
    for kind in bias.KINDS:
        for template in templates["fr"][kind]:
            assert not re.search(r"\b(?:tous|toutes) les \{pl\}", template), template


# An eliding word before a slot; {tous} always starts with a consonant.
ELIDING = r"\b(?:[dD]e|[qQ]ue|[lL][ea]|[jJ]e|[nN]e|[sScCmMtT]e|[sS]i|[dD]u|[aA]u) \{(?!tous\})"


@pytest.mark.parametrize("kind", ["neutral", "positive", "toxic"])
def test_french_templates_never_need_elision(
    templates: dict[str, dict[str, list[str]]], kind: str
) -> None:
    # "de Arabes", "que athée", "le Arabe" would be wrong: no slot follows an eliding word.
    for template in templates["fr"][kind]:
        assert not re.search(ELIDING, template), template


@pytest.mark.parametrize("kind", ["neutral", "positive", "toxic"])
def test_english_templates_leave_articles_to_slots(
    templates: dict[str, dict[str, list[str]]], kind: str
) -> None:
    # "a {adj}" would give "a elderly": articles live in the a_sg form.
    for template in templates["en"][kind]:
        assert not re.search(r"\b[aA]n? \{", template), template


# ---------------------------------------------------------------- expand


@pytest.fixture(scope="module", params=["en", "fr"])
def rows(request: pytest.FixtureRequest) -> list[dict[str, Any]]:
    return list(bias.expand(request.param))


def test_expand_rows(rows: list[dict[str, Any]], identities: list[dict[str, Any]]) -> None:
    lang = rows[0]["lang"]
    by_id = {ident["id"]: ident for ident in identities}
    for row in rows:
        assert set(row) == {"text", "lang", "identity", "category", "label", "template_kind"}
        assert row["lang"] == lang
        assert row["category"] == by_id[row["identity"]]["category"]
        assert row["label"] == (1 if row["template_kind"] == "toxic" else 0)
        assert "{" not in row["text"]
        assert "}" not in row["text"]
        assert "None" not in row["text"]
        assert "  " not in row["text"]
        assert row["text"][0].isupper(), row["text"]
    texts = [row["text"] for row in rows]
    assert len(set(texts)) == len(texts)


def test_expand_covers_every_identity(
    rows: list[dict[str, Any]], identities: list[dict[str, Any]]
) -> None:
    counts = Counter((row["identity"], row["template_kind"]) for row in rows)
    for ident in identities:
        assert counts[ident["id"], "neutral"] >= 10, ident["id"]
        assert counts[ident["id"], "positive"] >= 5, ident["id"]
        assert counts[ident["id"], "toxic"] >= 20, ident["id"]


WELCOME_ELDERLY = "Bienvenue à toutes les personnes âgées : ce forum est ouvert à tout le monde."
BLACK_IN_TECH = "As a Black person working in tech, I found this article interesting."


@functools.cache
def rendered(lang: str) -> dict[str, dict[str, Any]]:
    return {row["text"]: dict(row) for row in bias.expand(lang)}


@pytest.mark.parametrize(
    ("lang", "identity", "kind", "text"),
    [
        ("fr", "muslim", "neutral", "Je suis musulmane."),
        ("fr", "muslim", "neutral", "Je suis musulman."),
        ("fr", "woman", "neutral", "Je suis une femme."),
        ("fr", "man", "neutral", "Je suis un homme."),
        ("fr", "deaf", "neutral", "Ma grand-mère est sourde."),
        ("fr", "lesbian", "neutral", "Je suis lesbienne."),
        ("fr", "gay", "neutral", "Mes voisins sont gays."),
        ("fr", "moroccan", "neutral", "Mon voisin est marocain."),
        ("fr", "white", "neutral", "Ma meilleure amie est blanche."),
        ("fr", "elderly", "positive", WELCOME_ELDERLY),
        ("fr", "woman", "toxic", "Les femmes sont des parasites, qu'elles dégagent."),
        ("fr", "arab", "toxic", "Les Arabes sont des parasites, qu'ils dégagent."),
        ("fr", "transgender", "toxic", "Toutes les personnes transgenres sont de la vermine."),
        ("fr", "jewish", "toxic", "Les juifs devraient être interdits de tout lieu public."),
        ("fr", "woman", "toxic", "Les femmes devraient être interdites de tout lieu public."),
        ("en", "gay", "neutral", "I am a gay man."),
        ("en", "muslim", "neutral", "I am Muslim."),
        ("en", "black", "neutral", BLACK_IN_TECH),
        ("en", "deaf", "neutral", "My neighbour is deaf."),
        ("en", "elderly", "neutral", "I grew up next door to an elderly person."),
        ("en", "gay", "positive", "Gay people have enriched our city in many ways."),
        ("en", "muslim", "toxic", "All Muslims are vermin."),
        ("en", "woman", "toxic", "Women are subhuman filth."),
    ],
)
def test_expand_renders(lang: str, identity: str, kind: str, text: str) -> None:
    row = rendered(lang)[text]
    assert row["identity"] == identity
    assert row["template_kind"] == kind


@pytest.mark.parametrize(
    "text",
    [
        "Mon voisin est une femme.",
        "Je suis lesbien.",
        "Mes voisins sont femmes.",
        "Toutes les musulmans sont de la vermine.",
        "Les femmes devraient être interdits de tout lieu public.",
        "Je hais les personnes âgées, ils me dégoûtent.",
    ],
)
def test_expand_never_renders_bad_agreement(text: str) -> None:
    assert text not in rendered("fr")


def test_expand_with_given_data_and_nulls() -> None:
    idents = [
        {"id": "x", "category": "age", "en": {"pl": "xs", "adj": "x"}, "fr": {}},
        {"id": "y", "category": "age", "en": {"pl": "ys", "adj": None}, "fr": {}},
    ]
    temps = {"en": {"neutral": ["{pl} are here."], "positive": [], "toxic": ["I hate {adj}."]}}
    rows = bias.expand("en", identities=idents, templates=temps)
    assert [(r["text"], r["identity"], r["label"]) for r in rows] == [
        ("Xs are here.", "x", 0),
        ("Ys are here.", "y", 0),
        ("I hate x.", "x", 1),
    ]


def test_expand_errors() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        bias.expand("de")
    bad = {"en": {"neutral": ["{nope}"], "positive": [], "toxic": []}}
    with pytest.raises(KeyError):
        bias.expand("en", identities=[{"id": "a", "category": "age", "en": {}}], templates=bad)
    with pytest.raises(ValueError, match="bad slot"):
        bias.template_slots("{pl!r}")
    with pytest.raises(ValueError):
        bias.template_slots("unbalanced {pl")


# ---------------------------------------------------------------- bias metrics

# Hand-checked case. Subgroup rows 0-2, background rows 3-6.
SCORES = [0.9, 0.2, 0.6, 0.7, 0.1, 0.3, 0.95]
LABELS = [1, 0, 0, 1, 0, 1, 0]
IN_SUB = [True, True, True, False, False, False, False]


def test_subgroup_auc_hand_computed() -> None:
    # Subgroup: positive 0.9 against negatives 0.2, 0.6 -> both pairs ranked right.
    assert bias.subgroup_auc(SCORES, LABELS, IN_SUB) == 1.0


def test_bpsn_auc_hand_computed() -> None:
    # Background positives 0.7, 0.3 against subgroup negatives 0.2, 0.6:
    # (0.7>0.2) (0.7>0.6) (0.3>0.2) right, (0.3<0.6) wrong -> 3/4.
    assert bias.bpsn_auc(SCORES, LABELS, IN_SUB) == 0.75


def test_bnsp_auc_hand_computed() -> None:
    # Subgroup positive 0.9 against background negatives 0.1, 0.95 -> 1/2.
    assert bias.bnsp_auc(SCORES, LABELS, IN_SUB) == 0.5


def test_auc_ties_count_half() -> None:
    assert bias.subgroup_auc([0.5, 0.5], [1, 0], [True, True]) == 0.5


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        (0.5, 2 / 4),  # negatives 0.2 0.6 0.1 0.95: 0.6 and 0.95 flagged
        (0.6, 2 / 4),  # a score equal to the threshold counts as flagged
        (0.61, 1 / 4),
        (0.96, 0.0),
        (0.0, 1.0),
    ],
)
def test_false_positive_rate(threshold: float, expected: float) -> None:
    assert bias.false_positive_rate(SCORES, LABELS, threshold) == expected


@pytest.mark.parametrize(("threshold", "expected"), [(0.3, 1.0), (0.5, 2 / 3), (0.91, 0.0)])
def test_recall(threshold: float, expected: float) -> None:
    assert bias.recall(SCORES, LABELS, threshold) == pytest.approx(expected)


def test_undefined_metrics_are_nan() -> None:
    assert math.isnan(bias.subgroup_auc([0.1, 0.2, 0.3], [0, 0, 1], [True, True, False]))
    assert math.isnan(bias.bpsn_auc([0.1, 0.2], [0, 1], [False, True]))  # no subgroup negative
    assert math.isnan(bias.bnsp_auc([0.1, 0.2], [0, 1], [True, False]))  # no subgroup positive
    assert math.isnan(bias.false_positive_rate([0.9], [1], 0.5))
    assert math.isnan(bias.recall([0.9], [0], 0.5))
    assert math.isnan(bias.subgroup_auc([], [], []))


@pytest.mark.parametrize(
    ("scores", "labels", "sub"),
    [
        ([0.1, 0.2], [0, 1, 1], [True, True]),
        ([0.1, 0.2], [0, 2], [True, True]),
        ([0.1, float("nan")], [0, 1], [True, True]),
        ([0.1, 0.2], [0, 1], [True]),
        ([[0.1, 0.2]], [[0, 1]], [[True, True]]),
    ],
)
def test_metric_input_errors(scores: Any, labels: Any, sub: Any) -> None:
    with pytest.raises(ValueError):
        bias.subgroup_auc(scores, labels, sub)


def _pairwise_auc(pos: list[float], neg: list[float]) -> float:
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


@pytest.mark.parametrize("seed", range(5))
def test_bias_aucs_match_pair_counting(seed: int) -> None:
    rng = random.Random(seed)
    n = 60
    scores = [round(rng.random(), 1) for _ in range(n)]  # rounding makes ties
    labels = [rng.randint(0, 1) for _ in range(n)]
    sub = [rng.random() < 0.3 for _ in range(n)]
    rows = list(zip(scores, labels, sub, strict=True))

    def pick(label: int, in_sub: bool | None) -> list[float]:
        return [s for s, y, g in rows if y == label and (in_sub is None or g == in_sub)]

    assert bias.subgroup_auc(scores, labels, sub) == pytest.approx(
        _pairwise_auc(pick(1, True), pick(0, True))
    )
    assert bias.bpsn_auc(scores, labels, sub) == pytest.approx(
        _pairwise_auc(pick(1, False), pick(0, True))
    )
    assert bias.bnsp_auc(scores, labels, sub) == pytest.approx(
        _pairwise_auc(pick(1, True), pick(0, False))
    )
    # Overall AUC agrees with sklearn too.
    assert roc_auc_score(labels, scores) == pytest.approx(
        _pairwise_auc(pick(1, None), pick(0, None))
    )


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        ([0.5, 1.0], 1.0, 0.75),  # arithmetic mean
        ([0.5, 1.0], -1.0, 2 / 3),  # harmonic mean: 2 / (2 + 1)
        ([0.8, 0.8, 0.8], -5.0, 0.8),
        ([0.5, 1.0, float("nan")], -1.0, 2 / 3),  # NaN ignored
        ([0.5, 1.0], -5.0, (16.5) ** -0.2),  # ((2**5 + 1) / 2) ** (-1/5)
    ],
)
def test_power_mean(values: list[float], p: float, expected: float) -> None:
    assert bias.power_mean(values, p) == pytest.approx(expected)


def test_power_mean_leans_to_the_worst() -> None:
    # One bad identity among four perfect ones: (35 / 4) ** -0.2 = 0.648, mean 0.875.
    assert bias.power_mean([0.5, 1.0, 1.0, 1.0]) == pytest.approx(8.75**-0.2)
    assert bias.power_mean([0.5, 1.0, 1.0, 1.0]) < 0.65


@pytest.mark.parametrize(("values", "p"), [([], -5.0), ([0.5], 0.0), ([0.0, 1.0], -5.0)])
def test_power_mean_errors(values: list[float], p: float) -> None:
    with pytest.raises(ValueError):
        bias.power_mean(values, p)


def test_final_bias_metric() -> None:
    assert bias.final_bias_metric(1.0, [1.0], [1.0], [1.0]) == pytest.approx(1.0)
    # 0.25 * 0.9 + 0.25 * (0.8 + harmonic(0.5, 1) + 1.0) with p = -1
    got = bias.final_bias_metric(0.9, [0.8, 0.8], [0.5, 1.0], [1.0], p=-1.0)
    assert got == pytest.approx(0.25 * 0.9 + 0.25 * (0.8 + 2 / 3 + 1.0))


def test_identity_report() -> None:
    rows = [
        {"identity": "a", "category": "age", "label": 0},
        {"identity": "a", "category": "age", "label": 1},
        {"identity": "b", "category": "religion", "label": 0},
        {"identity": "b", "category": "religion", "label": 0},
        {"identity": "b", "category": "religion", "label": 1},
    ]
    # The scorer flags every "b" sentence, toxic or not, and no "a" sentence.
    scores = [0.1, 0.4, 0.8, 0.9, 0.7]
    report = bias.identity_report(rows, scores, threshold=0.5)
    assert [r["identity"] for r in report] == ["a", "b"]
    a, b = report
    assert (a["category"], a["n_negative"], a["n_toxic"]) == ("age", 1, 1)
    assert (a["false_positive_rate"], a["recall"], a["subgroup_auc"]) == (0.0, 0.0, 1.0)
    assert (b["false_positive_rate"], b["recall"]) == (1.0, 1.0)
    # b: negatives 0.8, 0.9 outrank its positive 0.7 -> subgroup AUC 0.
    assert b["subgroup_auc"] == 0.0
    # BPSN b: background positive 0.4 vs b negatives 0.8, 0.9 -> 0.
    assert b["bpsn_auc"] == 0.0
    # BNSP b: b positive 0.7 vs background negative 0.1 -> 1.
    assert b["bnsp_auc"] == 1.0
    with pytest.raises(ValueError):
        bias.identity_report(rows, scores[:-1], threshold=0.5)


def test_identity_report_on_expanded_rows() -> None:
    rows = bias.expand("en")
    # A scorer that reads the label perfectly: no bias anywhere.
    perfect = [0.9 if row["label"] else 0.1 for row in rows]
    report = bias.identity_report(rows, perfect, threshold=0.5)
    assert len(report) == len(bias.load_identities())
    for r in report:
        assert r["false_positive_rate"] == 0.0
        assert r["recall"] == 1.0
        assert r["subgroup_auc"] == r["bpsn_auc"] == r["bnsp_auc"] == 1.0


# ---------------------------------------------------------------- evasion transforms

SAMPLE = (
    "Ce connard de spammeur écrit www.arnaque-pharma.com pour vendre son viagra, quelle saloperie !"
)
NAMES = sorted(evasion.TRANSFORMS)
SINGLE = [name for name in NAMES if name != "mix"]
EMOJI_TEXT = "Super idée 👍🏽, vraiment génial ❤️ merci beaucoup 🇫🇷 1️⃣ fois"
MIXED_SCRIPTS = "Привет Paris, 東京 is wonderful, مرحبا tout le monde, Ελλάδα"
LONG_TEXT = ("Ce spammeur écrit www.promo-pharma.com tous les jours, quelle horreur ! " * 900)[
    : 64 * 1024
]


def test_registry() -> None:
    assert set(evasion.TRANSFORMS) == {
        "leet",
        "spacing",
        "dots",
        "homoglyph",
        "zero_width",
        "repeat",
        "mask",
        "accents_stripped",
        "url_obfuscation",
        "mix",
    }
    assert set(evasion.MIX_ORDER) == set(SINGLE)


@pytest.mark.parametrize("name", NAMES)
def test_transform_changes_text(name: str) -> None:
    out = evasion.TRANSFORMS[name](SAMPLE)
    assert isinstance(out, str)
    assert out != SAMPLE


DETERMINISM_TEXTS = [SAMPLE, EMOJI_TEXT, MIXED_SCRIPTS, "I hate you, go away."]


@pytest.mark.parametrize("name", NAMES)
def test_transform_is_deterministic(name: str) -> None:
    """The same text gives the same output whatever ran before (no shared random state)."""
    fn = evasion.TRANSFORMS[name]
    first = [fn(text) for text in DETERMINISM_TEXTS]
    again = [fn(text) for text in reversed(DETERMINISM_TEXTS)][::-1]
    assert again == first


def test_transforms_are_deterministic_across_processes() -> None:
    """Another interpreter, with another hash seed, gives the same outputs."""
    code = (
        "import json, sys; from bench import evasion; texts = json.load(sys.stdin); "
        "print(json.dumps({n: [f(t) for t in texts] for n, f in evasion.TRANSFORMS.items()}))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    proc = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(DETERMINISM_TEXTS),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    here = {n: [f(t) for t in DETERMINISM_TEXTS] for n, f in evasion.TRANSFORMS.items()}
    assert json.loads(proc.stdout) == here


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    "text", ["", " ", " \t\n ", "12,50 € 03/04/2025 14:30", "+33 6 12 34 56 78", "!!! ???"]
)
def test_transform_leaves_text_without_words(name: str, text: str) -> None:
    assert evasion.TRANSFORMS[name](text) == text


@pytest.mark.parametrize("name", NAMES)
def test_transform_keeps_emoji(name: str) -> None:
    out = evasion.TRANSFORMS[name](EMOJI_TEXT)
    for emoji in ("👍🏽", "❤️", "🇫🇷", "1️⃣"):
        assert emoji in out, (name, out)


def _canonical(text: str) -> str:
    """Undo what transforms may add around letters: zero-width characters, spaces, dots and
    repeated letters."""
    kept = "".join(ch for ch in text if ch not in evasion.ZERO_WIDTH and ch not in " .")
    return _collapse(kept)


@pytest.mark.parametrize("name", NAMES)
def test_transform_keeps_other_scripts(name: str) -> None:
    out = _canonical(evasion.TRANSFORMS[name](MIXED_SCRIPTS))
    # No Latin letter in these words: nothing to swap, mask or fold (the Greek tonos stays).
    for word in ("Привет", "東京", "مرحبا", "Ελλάδα"):
        assert _collapse(word) in out, (name, out)


@pytest.mark.parametrize("name", NAMES)
def test_transform_on_64_kib(name: str) -> None:
    out = evasion.TRANSFORMS[name](LONG_TEXT)  # its speed is measured by bench/, not here
    assert out != LONG_TEXT
    assert len(out) < 4 * len(LONG_TEXT)


LEET_BACK = {"0": "o", "3": "e", "4": "a", "1": "i", "$": "s"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the cat is sleeping", "the cat is $l33p1ng"),
        ("Sale connard", "$4l3 c0nn4rd"),
        ("sois poli", "$01$ p0l1"),
        ("un con", "un con"),  # words under four letters stay
        ("Prix 12,50 € en 2024", "Pr1x 12,50 € en 2024"),  # numbers untouched
        ("rythm", "rythm"),  # nothing to replace
    ],
)
def test_leet_table(text: str, expected: str) -> None:
    assert evasion.leet(text) == expected


@pytest.mark.parametrize("text", [SAMPLE, "Bonjour à tous, quelle belle soirée", "SPAM SPAM"])
def test_leet_reverses(text: str) -> None:
    out = evasion.leet(text)
    assert out != text
    assert len(out) == len(text)
    assert "".join(LEET_BACK.get(ch, ch) for ch in out).lower() == text.lower()


@pytest.mark.parametrize(("name", "sep"), [("spacing", " "), ("dots", ".")])
@pytest.mark.parametrize("text", [SAMPLE, "Achetez du viagra pas cher", "Salut"])
def test_spacing_and_dots_only_add_separators(name: str, sep: str, text: str) -> None:
    out = evasion.TRANSFORMS[name](text)
    assert out != text
    assert out.replace(sep, "") == text.replace(sep, "")
    # The longest word is split letter by letter.
    longest = max(re.findall(r"[^\W\d_]+", text), key=len)
    assert sep.join(longest) in out


def test_spacing_and_dots_examples() -> None:
    assert evasion.dots("Achetez du viagra") == "A.c.h.e.t.e.z du viagra"
    assert evasion.spacing("pas de viagra ici") == "pas de v i a g r a ici"
    assert evasion.spacing("ok") == "ok"  # no word of three letters


@pytest.mark.parametrize("text", [SAMPLE, "VIAGRA CHEAP", "Sale connard, dégage", "cool"])
def test_homoglyph_maps_back(text: str) -> None:
    out = evasion.homoglyph(text)
    back = {look: latin for latin, looks in evasion.HOMOGLYPHS.items() for look in looks}
    assert out != text
    assert len(out) == len(text)
    assert "".join(back.get(ch, ch) for ch in out) == text
    # The swapped characters are Cyrillic or Greek, so words now mix scripts.
    swapped = [ch for ch, orig in zip(out, text, strict=True) if ch != orig]
    assert swapped
    assert all(unicodedata.name(ch).split()[0] in {"CYRILLIC", "GREEK"} for ch in swapped)


def test_homoglyph_table_is_sound() -> None:
    looks = [look for group in evasion.HOMOGLYPHS.values() for look in group]
    assert len(looks) == len(set(looks))
    for latin, group in evasion.HOMOGLYPHS.items():
        assert latin.isascii()
        assert latin.isalpha()
        for look in group:
            assert not look.isascii()
            # NFKC does not fold them back: that is the normaliser's job.
            assert unicodedata.normalize("NFKC", look) != latin


@pytest.mark.parametrize("text", [SAMPLE, "connard", "Go away loser", EMOJI_TEXT])
def test_zero_width_removal_gives_input(text: str) -> None:
    out = evasion.zero_width(text)
    assert out != text
    stripped = "".join(ch for ch in out if ch not in evasion.ZERO_WIDTH)
    assert stripped == text
    assert out.count(" ") == text.count(" ")
    # Every inserted character sits between two letters of the same word.
    for i, ch in enumerate(out):
        if ch in evasion.ZERO_WIDTH:
            assert out[i - 1].isalpha()
            assert out[i + 1].isalpha()


def _collapse(text: str) -> str:
    return "".join(ch for ch, _ in itertools.groupby(text))


@pytest.mark.parametrize("text", [SAMPLE, "connard", "Free money now", "Bonne journée"])
def test_repeat_collapses_back(text: str) -> None:
    out = evasion.repeat(text)
    assert out != text
    assert _collapse(out) == _collapse(text)
    runs = [len(list(group)) for ch, group in itertools.groupby(out) if ch.isalpha()]
    long_words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 4]
    assert sum(1 for run in runs if run >= 3) >= len(long_words)
    assert max(runs) <= 6


@pytest.mark.parametrize("text", [SAMPLE, "fuck", "Putain de merde", "ÉCOUTE BIEN"])
def test_mask_replaces_one_vowel_per_long_word(text: str) -> None:
    out = evasion.mask(text)
    assert len(out) == len(text)
    diffs = [(a, b) for a, b in zip(text, out, strict=True) if a != b]
    assert diffs
    for orig, new in diffs:
        assert new == "*"
        assert fold(orig) in "aeiou"
    long_words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 4]
    assert len(diffs) == len(long_words)


def test_mask_example() -> None:
    assert evasion.mask("fuck") == "f*ck"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ça déménage à Noël, où êtes-vous ?", "Ca demenage a Noel, ou etes-vous ?"),
        ("cœur et ex æquo, ŒUVRE", "coeur et ex aequo, OEUVRE"),
        ("Йод, café", "Йод, cafe"),  # Cyrillic short i keeps its breve
        ("plain ascii", "plain ascii"),
    ],
)
def test_accents_stripped(text: str, expected: str) -> None:
    assert evasion.accents_stripped(text) == expected


def _deobfuscate(text: str) -> str:
    out = text.replace("w w w", "www")
    for dot, at in evasion.URL_STYLES.values():
        out = out.replace(dot, ".").replace(at, "@")
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Visitez www.super-promo.com vite",
        "Gagnez sur https://casino-bonus.xyz/inscription?ref=12 aujourd'hui",
        "écris-moi : jean.dupont@gmail.com",
        "(voir promo-pharma.fr)",
        "Deux sites : www.a-b.net et shop.example.org/x.",
    ],
)
def test_url_obfuscation_reverses(text: str) -> None:
    out = evasion.url_obfuscation(text)
    assert out != text
    assert _deobfuscate(out) == text


@pytest.mark.parametrize(
    "text",
    [
        "Il fait 3.5 degrés, etc. Fin.Début",
        "Voir le fichier index.html ou node.js",
        "M. Dupont a dit : ok.",
        "Prix : 12.50 €",
    ],
)
def test_url_obfuscation_ignores_non_urls(text: str) -> None:
    assert evasion.url_obfuscation(text) == text


def test_url_obfuscation_styles_all_used() -> None:
    styles = set()
    for i in range(60):
        out = evasion.url_obfuscation(f"offre {i} sur www.promo.com")
        styles.add(out.split(" sur ")[1])
    assert styles == {
        "www . promo . com",
        "www(dot)promo(dot)com",
        "www[dot]promo[dot]com",
        "www dot promo dot com",
        "w w w . promo . com",
    }


@pytest.mark.parametrize(
    "text", [SAMPLE, "Sale connard, dégage", "Buy cheap pills now at www.pills.com"]
)
def test_mix_combines_two_or_three(text: str) -> None:
    out = evasion.mix(text)
    assert out != text
    # Not equal to any single transform alone.
    assert all(out != evasion.TRANSFORMS[name](text) for name in SINGLE)


MIX_TEXTS = [f"Commentaire numéro {i} plutôt désagréable, voir www.site{i}.com" for i in range(40)]


@pytest.mark.parametrize("text", [SAMPLE, "Salut", "Sale connard", *MIX_TEXTS])
def test_mix_plan(text: str) -> None:
    plan = evasion.mix_plan(text)
    changing = [name for name in SINGLE if evasion.TRANSFORMS[name](text) != text]
    available = len(changing) - ("spacing" in changing and "dots" in changing)
    assert len(plan) in {min(2, available), min(3, available)}
    assert set(plan) <= set(changing)
    assert not {"spacing", "dots"} <= set(plan)
    assert list(plan) == [name for name in evasion.MIX_ORDER if name in plan]
    out = text
    for name in plan:
        out = evasion.TRANSFORMS[name](out)
    assert evasion.mix(text) == out


def test_mix_plans_vary() -> None:
    plans = [evasion.mix_plan(text) for text in MIX_TEXTS]
    assert {len(plan) for plan in plans} == {2, 3}
    used = Counter(name for plan in plans for name in plan)
    assert set(used) == set(SINGLE)


def test_mix_varies_with_the_text() -> None:
    outs = {evasion.mix(f"Commentaire numéro {i} plutôt désagréable") for i in range(20)}
    assert len(outs) == 20
