"""The evaluation sets of bench/data: schemas, counts, and minimal pairs on the shipped model.

The minimal-pair test asks the shipped model, through the default policy, whether a comment is held
for toxicity (a ``toxicity`` reason, hold or reject), and requires every variant of a base comment
(tu <-> vous, you <-> they, a greeting added or removed) to get the same answer as its base.
"""

from __future__ import annotations

import importlib
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import modkit
from modkit._heads import HEADS

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
check = importlib.import_module("bench.check_eval_sets")

DATA = ROOT / "bench" / "data"
SECRET = "test-site-secret-0123456789abcdef"

HATEFUL = {
    "derogation",
    "dehumanisation",
    "threat",
    "hate_statement",
    "slur",
    "pronoun_reference",
    "spelling_variant",
    "question_or_opinion",
}
NOT_HATEFUL = {
    "counter_speech_quote",
    "counter_speech_report",
    "negated_hate",
    "identity_neutral",
    "identity_positive",
    "profanity_untargeted",
    "policy_debate",
}
GROUPS = {
    "origin",
    "nationality",
    "migrants",
    "muslims",
    "jews",
    "christians",
    "women",
    "trans",
    "gay",
    "disabled",
    "roma",
    "black",
    "asian",
    "old",
    "none",
}
VARIANTS = {
    "fr": {"base", "vous", "tu", "bonjour", "salut", "bonsoir", "no_greeting"},
    "en": {"base", "they", "you", "hi", "hey_guys", "hello", "no_greeting"},
}
SPAM_KINDS = {
    "flattery_course",
    "flattery_company",
    "product_list",
    "loan_offer",
    "recovery_scam",
    "porn_lookalike",
    "digit_garbage",
    "whatsapp_bait",
}
HAM_KINDS = {
    "specific_praise",
    "recommendation",
    "loan_question",
    "scam_warning",
    "product_discussion",
    "contact_legit",
}


def _rows(name: str) -> list[dict[str, Any]]:
    return check.load(name)


# -- schemas and counts ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(check.SCHEMAS))
def test_eval_set_parses_with_its_fields(name: str) -> None:
    rows = _rows(name)
    assert rows, name
    assert check.schema_errors(name, rows) == []


@pytest.mark.parametrize("name", sorted(check.SCHEMAS))
def test_eval_set_has_no_near_duplicates(name: str) -> None:
    rows = _rows(name)
    if name == "minimal_pairs.jsonl":
        rows = [r for r in rows if r["variant"] == "base"]
    dups = check.near_duplicates((r["id"], r["text"]) for r in rows)
    assert dups == [], dups[:10]


def test_no_training_row_looks_like_an_evaluation_row() -> None:
    # the project's training corpus is written by the same team: a paraphrase of a test item
    # in it would fake every figure measured on that item (14 were found and rewritten)
    assert check.training_leaks() == []


def test_functional_hate_categories_groups_and_counts() -> None:
    rows = _rows("functional_hate.jsonl")
    assert len({r["id"] for r in rows}) == len(rows)
    counts = Counter((r["lang"], r["category"]) for r in rows)
    for lang in ("fr", "en"):
        for category in HATEFUL | NOT_HATEFUL:
            assert counts[lang, category] >= 40, (lang, category)
    for r in rows:
        assert r["category"] in HATEFUL | NOT_HATEFUL, r["id"]
        assert r["expect"] == ("hold" if r["category"] in HATEFUL else "accept"), r["id"]
        assert r["group"] in GROUPS, r["id"]
        assert (r["group"] == "none") == (r["category"] == "profanity_untargeted"), r["id"]
    hateful_groups = {r["group"] for r in rows if r["category"] in HATEFUL}
    assert hateful_groups == GROUPS - {"none"}


def test_minimal_pairs_variants_and_counts() -> None:
    rows = _rows("minimal_pairs.jsonl")
    by_id: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_id[r["id"]].append(r)
    bases: Counter[tuple[str, int]] = Counter()
    for pid, group in by_id.items():
        names = [r["variant"] for r in group]
        lang = group[0]["lang"]
        assert names.count("base") == 1, pid
        assert len(set(names)) == len(names), pid
        assert set(names) <= VARIANTS[lang], (pid, names)
        assert len(names) >= 2, pid
        assert {r["lang"] for r in group} == {lang}, pid
        assert len({r["toxic"] for r in group}) == 1, pid
        assert group[0]["toxic"] in (0, 1), pid
        assert len({r["text"] for r in group}) == len(group), pid
        bases[lang, group[0]["toxic"]] += 1
    for lang, minimum in (("fr", 300), ("en", 200)):
        total = bases[lang, 0] + bases[lang, 1]
        assert total >= minimum, lang
        assert 0.15 <= bases[lang, 1] / total <= 0.25, lang


def test_blog_spam_kinds_and_counts() -> None:
    rows = _rows("blog_spam_eval.jsonl")
    assert len({r["id"] for r in rows}) == len(rows)
    counts = Counter((r["lang"], r["spam"]) for r in rows)
    for lang in ("fr", "en"):
        assert counts[lang, 1] >= 120, lang
        assert counts[lang, 0] >= 120, lang
    for r in rows:
        assert r["kind"] in (SPAM_KINDS if r["spam"] == 1 else HAM_KINDS), r["id"]
        assert ("obfuscation" in r) == (r["kind"] == "porn_lookalike"), r["id"]


def test_conversation_threads_and_counts() -> None:
    rows = _rows("conversation_eval.jsonl")
    assert len({r["id"] for r in rows}) == len(rows)
    langs = Counter(r["lang"] for r in rows)
    assert langs["fr"] >= 400
    assert langs["en"] >= 250
    threads = Counter(r["thread"] for r in rows)
    assert all(3 <= n <= 10 for n in threads.values()), threads
    for thread in threads:
        assert len({r["lang"] for r in rows if r["thread"] == thread}) == 1, thread
    assert all(r["obscene"] in (0, 1) for r in rows)


# -- minimal pairs on the shipped model ------------------------------------------------------------


@pytest.fixture(scope="module")
def moderator() -> Iterator[modkit.Moderator]:
    mod = modkit.Moderator(scorer=modkit.Scorer.load(), secret=SECRET)
    yield mod
    mod.close()


#: Reasons that hold a comment for what it says to or about people (every toxicity head).
TOXIC_REASONS = set(HEADS) - {"spam"}


def _held_for_toxicity(mod: modkit.Moderator, texts: list[str]) -> list[tuple[bool, float]]:
    forms = [{"name": "Lecteur", "email": "lecteur@example.org", "text": t} for t in texts]
    out = []
    for decision in mod.check_many(forms, record=False):
        assert isinstance(decision, modkit.Decision), decision
        held = any(r.code in TOXIC_REASONS for r in decision.reasons)
        out.append((held, float(decision.scores["toxicity"])))
    return out


@pytest.mark.xfail(
    strict=True,
    reason="the shipped model 2026.12.03.13 moves 4 of 509 base comments across a hold threshold, "
    "never by a greeting: comments that score near it move with the words that change with "
    "the address ('tu as raison de garder ton vieux diesel' identity attack 0.199, 'vous avez"
    " raison... votre vieux diesel' 0.203 for a hold of 0.2: 'vieux' still leans towards an "
    "attack on age; 'tu mérites de te faire tabasser' threat 0.17, 'vous méritez' 0.21; "
    "English 'they' variants that also aim the insult at absent people: 'total losers', "
    "'they're trash')",
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_minimal_pairs_keep_the_toxicity_decision(moderator: modkit.Moderator, lang: str) -> None:
    rows = [r for r in _rows("minimal_pairs.jsonl") if r["lang"] == lang]
    decided = dict(
        zip(
            ((r["id"], r["variant"]) for r in rows),
            _held_for_toxicity(moderator, [r["text"] for r in rows]),
            strict=True,
        )
    )
    texts = {(r["id"], r["variant"]): r["text"] for r in rows}
    threshold = moderator.thresholds["toxicity"]["hold"]
    offenders = []
    for (pid, variant), (held, score) in decided.items():
        base_held, base_score = decided[pid, "base"]
        if variant != "base" and held != base_held:
            offenders.append(
                f"{pid} {variant}: {'held' if held else 'not held'} ({score:.2f}) vs base "
                f"{'held' if base_held else 'not held'} ({base_score:.2f})"
                f"\n    base: {texts[pid, 'base']}\n    {variant}: {texts[pid, variant]}"
            )
    flipped = len({o.split()[0] for o in offenders})
    print(
        f"\n{lang}: {len(offenders)} variants of {flipped} base comments cross the toxicity "
        f"hold threshold ({threshold:.3f}) relative to their base"
    )
    for line in offenders:
        print(line)
    assert not offenders, f"{len(offenders)} flips ({flipped} bases); first: " + "\n".join(
        offenders[:10]
    )
