"""Hardening: one Moderator (shipped model) shared by 8 threads decides as sequential checks.

The forms come from the project corpus (``datasets/*.jsonl``: ham, spam, abuse, French and
English), with websites, post ids and languages varied. ``record=False`` and a fixed clock make
every decision a pure function of its form, so the threaded run must give the same action, reason
codes, scores and public comment as the sequential run, form by form.

The fast loop runs 400 checks; the slow test runs ``MODKIT_HARDENING_CHECKS`` (default 2,000;
the issue's figure is 20,000: ``MODKIT_HARDENING_CHECKS=20000 pytest -m slow
tests/test_hardening_concurrency.py``).
"""

from __future__ import annotations

import itertools
import json
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from modkit import Decision, MemoryStore, Moderator, Policy, ValidationError
from modkit._errors import ModelError
from modkit._model import default_model_path

CHECKS = int(os.environ.get("MODKIT_HARDENING_CHECKS", "2000"))
THREADS = 8
SECRET = "hardening-secret-0123456789abcdef"
T0 = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
DATASETS = Path(__file__).resolve().parent.parent / "datasets"

try:
    default_model_path()
    HAVE_MODEL = True
except ModelError:
    HAVE_MODEL = False

pytestmark = pytest.mark.skipif(not HAVE_MODEL, reason="no shipped model in models/default")


def corpus_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(DATASETS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in itertools.islice(fh, 300):
                texts.append(json.loads(line)["text"])
    return texts


def make_forms(n: int) -> list[dict[str, Any]]:
    texts = corpus_texts()
    assert len(texts) > 500
    extras = ["", " https://promo.example/x", " www . casino . com", " \u200bc0nn4rd", " !!!"]
    forms = []
    for i in range(n):
        form: dict[str, Any] = {
            "name": f"Lecteur {i % 97}",
            "email": f"reader{i % 211}@example.org",
            "text": texts[i % len(texts)] + extras[i % len(extras)],
            "post_id": str(i % 13),
            "lang": ("fr", "en", None)[i % 3],
        }
        if i % 7 == 0:
            form["url"] = f"https://site{i % 5}.example.org/"
        if i % 53 == 0:
            form["email"] = "not an email"  # some invalid forms too
        forms.append({k: v for k, v in form.items() if v is not None})
    return forms


def signature(result: Decision | ValidationError) -> tuple[Any, ...]:
    if isinstance(result, ValidationError):
        return ("invalid", tuple(sorted(result.codes.items())))
    return (
        result.action.value,
        result.codes,
        tuple(sorted(result.scores.items())),
        result.comment.to_dict()["text"],
        result.comment.url,
        result.lang,
    )


def check(mod: Moderator, form: dict[str, Any]) -> Decision | ValidationError:
    try:
        return mod.check(form, record=False)
    except ValidationError as exc:
        return exc


@pytest.fixture(scope="module")
def moderator() -> Iterator[Moderator]:
    policy = Policy(moderation_words=["promo"], blocked_words=["casino"])
    mod = Moderator(policy=policy, store=MemoryStore(), secret=SECRET, now=lambda: T0)
    yield mod
    mod.close()


def test_eight_threads_decide_as_sequential_checks(moderator: Moderator) -> None:
    run_and_compare(moderator, 400)


@pytest.mark.slow
def test_eight_threads_decide_as_sequential_checks_many(moderator: Moderator) -> None:
    run_and_compare(moderator, CHECKS)


def run_and_compare(mod: Moderator, n: int) -> None:
    forms = make_forms(n)
    sequential = [signature(check(mod, f)) for f in forms]
    seen_threads: set[int] = set()
    start = threading.Barrier(THREADS)

    def work(chunk: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, tuple[Any, ...]]]:
        start.wait()  # all threads start together
        seen_threads.add(threading.get_ident())
        return [(i, signature(check(mod, f))) for i, f in chunk]

    indexed = list(enumerate(forms))
    chunks = [indexed[k::THREADS] for k in range(THREADS)]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        parts = list(pool.map(work, chunks))
    threaded: list[tuple[Any, ...] | None] = [None] * n
    for part in parts:
        for i, sig in part:
            threaded[i] = sig
    assert len(seen_threads) == THREADS
    mismatches = [i for i in range(n) if threaded[i] != sequential[i]]
    assert mismatches == [], f"{len(mismatches)} of {n} differ, first: {mismatches[:5]}"
    actions = {sig[0] for sig in sequential}
    assert {"accept", "hold", "reject", "invalid"} <= actions  # the corpus covers every outcome
