"""Check ``datasets/fr_debate.jsonl``: keys, labels, ids, language, duplicates, near-duplicates."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from modkit._datasets import PROJECT_FIELDS, dedupe_key, guess_lang

DATASETS = Path(__file__).resolve().parent.parent
OUT = DATASETS / "fr_debate.jsonl"
KEYS = list(PROJECT_FIELDS)


def trigrams(text: str) -> set[tuple[str, ...]]:
    w = dedupe_key(text).split()
    return {tuple(w[i : i + 3]) for i in range(len(w) - 2)}


def main() -> None:
    rows = [json.loads(x) for x in OUT.read_text(encoding="utf-8").splitlines()]
    problems = []
    seen: dict[str, str] = {}
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
        k = dedupe_key(r["text"])
        if k in seen:
            problems.append(f"{r['id']}: duplicate of {seen[k]}")
        seen[k] = r["id"]
    if len({r["id"] for r in rows}) != len(rows):
        problems.append("duplicate ids")
    for path in sorted(DATASETS.glob("*.jsonl")):
        if path == OUT:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            o = json.loads(line)
            k = dedupe_key(o["text"])
            if k in seen:
                problems.append(f"{seen[k]}: duplicate of {path.name} {o.get('id')}")
    tri = [(r["id"], r["group"], trigrams(r["text"])) for r in rows]
    for i, (a, ga, ta) in enumerate(tri):
        if len(ta) < 3:
            continue
        for b, gb, tb in tri[i + 1 :]:
            if gb != ga and len(tb) >= 3 and len(ta & tb) / len(ta | tb) >= 0.5:
                problems.append(f"{a} ~ {b}: trigram Jaccard >= 0.5")
    print("\n".join(problems) or f"ok: {len(rows)} rows")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
