"""Check ``datasets/fr_debate.jsonl``: keys, labels, ids, language, duplicates, near-duplicates."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from modkit._datasets import PROJECT_FIELDS, dedupe_key, guess_lang

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import exact_duplicates, near_duplicates, other_rows, word_trigrams

DATASETS = Path(__file__).resolve().parent.parent
OUT = DATASETS / "fr_debate.jsonl"
KEYS = list(PROJECT_FIELDS)


def trigrams(text: str) -> set[tuple[str, ...]]:
    return word_trigrams(dedupe_key(text).split())


def main() -> None:
    rows = [json.loads(x) for x in OUT.read_text(encoding="utf-8").splitlines()]
    problems = []
    for r in rows:
        if list(r) != KEYS:
            problems.append(f"{r['id']}: keys {list(r)}")
        if any(
            r[k] != 0
            for k in ("spam", "toxicity", "insult", "threat", "identity_attack", "severe_toxicity")
        ) or r["obscene"] not in (0, 1):
            problems.append(f"{r['id']}: labels")
        if guess_lang(r["text"]) != "fr":
            print(f"note: {r['id']} guessed not fr: {r['text']!r}")
    problems += exact_duplicates(rows, other_rows(DATASETS, OUT), dedupe_key)
    found, _, _ = near_duplicates(
        [(r["id"], r["group"], trigrams(r["text"])) for r in rows], min_grams=3
    )
    problems += [f"{a} ~ {b}: trigram Jaccard >= 0.5" for a, b, _ in found]
    print("\n".join(problems) or f"ok: {len(rows)} rows")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
