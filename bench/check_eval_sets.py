"""Check the hand-written evaluation sets in ``bench/data/`` (conversation, pairs, hate tests).

Prints, per file, the row counts by the file's grouping keys and every pair of rows whose
word-trigram Jaccard similarity reaches 0.6 (near-duplicates), and exits 1 when a file breaks
its schema or holds a near-duplicate. For ``minimal_pairs.jsonl`` only the base comments are
compared (a variant is meant to be a near-copy of its base). It also compares every row of the
project's training corpus (``datasets/*.jsonl``) with every evaluation row and fails on a pair
at 0.5 or more (a training row that looks like a test item fakes the figures); only ids are
printed::

    python bench/check_eval_sets.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
PROJECT = Path(__file__).resolve().parents[1] / "datasets"
NEAR_DUPLICATE = 0.6
LEAK = 0.5

#: file name -> (required fields with their types, fields to count rows by)
SCHEMAS: dict[str, tuple[dict[str, type | tuple[type, ...]], tuple[str, ...]]] = {
    "functional_hate.jsonl": (
        {"id": str, "text": str, "lang": str, "category": str, "group": str, "expect": str},
        ("lang", "category"),
    ),
    "minimal_pairs.jsonl": (
        {"id": str, "variant": str, "text": str, "lang": str, "toxic": int},
        ("lang", "toxic"),
    ),
    "blog_spam_eval.jsonl": (
        {"id": str, "text": str, "lang": str, "spam": int, "kind": str},
        ("lang", "spam", "kind"),
    ),
    "conversation_eval.jsonl": (
        {"id": str, "thread": str, "text": str, "lang": str, "obscene": int},
        ("lang", "obscene"),
    ),
}

_WORD = re.compile(r"\w+", re.UNICODE)


def load(name: str) -> list[dict[str, Any]]:
    """The rows of ``bench/data/<name>``, one JSON object per non-empty line."""
    with (DATA / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def trigrams(text: str) -> frozenset[tuple[str, ...]]:
    """Word trigrams of the lower-cased text (the whole word tuple when it has under 3 words)."""
    words = _WORD.findall(text.casefold())
    if len(words) < 3:
        return frozenset([tuple(words)])
    return frozenset(zip(words, words[1:], words[2:], strict=False))


def _index(grams: Iterable[frozenset[tuple[str, ...]]]) -> dict[tuple[str, ...], list[int]]:
    """Trigram -> the positions of the items that hold it."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, item in enumerate(grams):
        for gram in item:
            index[gram].append(i)
    return index


def _shared(
    grams: frozenset[tuple[str, ...]], index: dict[tuple[str, ...], list[int]]
) -> Counter[int]:
    """How many trigrams of ``grams`` each indexed item shares."""
    return Counter(j for gram in grams for j in index.get(gram, ()))


def near_duplicates(
    texts: Iterable[tuple[str, str]], threshold: float = NEAR_DUPLICATE
) -> list[tuple[float, str, str]]:
    """Pairs of ``(key, text)`` items whose trigram Jaccard similarity is ``>= threshold``."""
    items = [(key, trigrams(text)) for key, text in texts]
    index = _index(grams for _, grams in items)
    found = []
    for i, (key, grams) in enumerate(items):
        for j, common in _shared(grams, index).items():
            if j <= i:
                continue
            other = items[j][1]
            score = common / len(grams | other)
            if score >= threshold:
                found.append((score, key, items[j][0]))
    return sorted(found, reverse=True)


def training_leaks(threshold: float = LEAK) -> list[tuple[float, str, str]]:
    """Pairs ``(similarity, training id, evaluation id)`` of a project training row and an
    evaluation row whose trigram Jaccard similarity is ``>= threshold``."""
    evaluation: list[tuple[str, frozenset[tuple[str, ...]]]] = []
    for name in SCHEMAS:
        if (DATA / name).exists():
            evaluation += [(f"{name}:{r['id']}", trigrams(r["text"])) for r in load(name)]
    index = _index(grams for _, grams in evaluation)
    found = []
    for path in sorted(PROJECT.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                grams = trigrams(row["text"])
                for j, common in _shared(grams, index).items():
                    score = common / len(grams | evaluation[j][1])
                    if score >= threshold:
                        found.append((score, f"{path.name}:{row['id']}", evaluation[j][0]))
    return sorted(found, reverse=True)


def schema_errors(name: str, rows: list[dict[str, Any]]) -> list[str]:
    """Rows of ``name`` that miss a field, have a wrong type or an empty text."""
    fields, _ = SCHEMAS[name]
    errors = []
    for n, row in enumerate(rows, 1):
        for key, kind in fields.items():
            value = row.get(key)
            if not isinstance(value, kind) or isinstance(value, bool):
                errors.append(f"{name}:{n}: field {key!r} missing or not {kind}")
        if not str(row.get("text", "")).strip():
            errors.append(f"{name}:{n}: empty text")
        if row.get("lang") not in ("fr", "en"):
            errors.append(f"{name}:{n}: lang must be fr or en")
    return errors


def main() -> int:
    failed = False
    for name, (_, keys) in SCHEMAS.items():
        if not (DATA / name).exists():
            print(f"{name}: missing")
            failed = True
            continue
        rows = load(name)
        errors = schema_errors(name, rows)
        if name == "minimal_pairs.jsonl":
            compared = [(r["id"], r["text"]) for r in rows if r.get("variant") == "base"]
        else:
            compared = [(r["id"], r["text"]) for r in rows]
            ids = Counter(r.get("id") for r in rows)
            errors += [f"{name}: id {i!r} used {c} times" for i, c in ids.items() if c > 1]
        dups = near_duplicates(compared)
        print(f"== {name}: {len(rows)} rows, {len(compared)} compared for near-duplicates")
        for combo, count in sorted(Counter(tuple(r.get(k) for k in keys) for r in rows).items()):
            print(f"   {' '.join(map(str, combo))}: {count}")
        for line in errors[:20]:
            print(f"   ERROR {line}")
        for score, a, b in dups[:20]:
            print(f"   NEAR-DUPLICATE {score:.2f} {a} {b}")
        failed = failed or bool(errors) or bool(dups)
    leaks = training_leaks()
    print(f"== training rows like an evaluation row (trigram Jaccard >= {LEAK}): {len(leaks)}")
    for score, ours, theirs in leaks[:50]:
        print(f"   LEAK {score:.2f} {ours} {theirs}")
    return 1 if failed or leaks else 0


if __name__ == "__main__":
    sys.exit(main())
