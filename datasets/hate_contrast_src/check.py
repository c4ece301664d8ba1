"""Check datasets/hate_contrast.jsonl: schema, labels, ids, languages and overlap.

Run from the repository root: python datasets/hate_contrast_src/check.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from modkit._datasets import PROJECT_FIELDS, dedupe_key, guess_lang

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import exact_duplicates, other_rows, report, trigram_overlap, word_trigrams

ROOT = Path(__file__).resolve().parents[1]
FILE = ROOT / "hate_contrast.jsonl"
KEYS = list(PROJECT_FIELDS)
HATEFUL = {"hate_slur"}
KINDS = {"hate_slur", "slur_quoted", "hate_counter", "hate_negated", "identity_statement"}
MAX_JACCARD = 0.5


def trigrams(text: str) -> set[tuple[str, ...]]:
    return word_trigrams(re.findall(r"\w+", text.lower()))


def main() -> int:
    errors: list[str] = []
    rows = [json.loads(line) for line in FILE.read_text(encoding="utf-8").splitlines()]
    for r in rows:
        if list(r) != KEYS:
            errors.append(f"{r.get('id')}: keys {list(r)}")
            continue
        if r["lang"] not in ("fr", "en") or not r["id"].startswith(f"hc-{r['lang']}-"):
            errors.append(f"{r['id']}: lang")
        if r["kind"] not in KINDS:
            errors.append(f"{r['id']}: kind {r['kind']}")
        heads = {k: r[k] for k in KEYS[5:]}
        if any(v not in (0, 1) for v in heads.values()):
            errors.append(f"{r['id']}: labels")
        if r["kind"] in HATEFUL:
            if not (r["toxicity"] and r["insult"] and r["identity_attack"]):
                errors.append(f"{r['id']}: hateful row without toxicity/insult/identity_attack")
        elif any(heads.values()):
            errors.append(f"{r['id']}: non-hateful row with a label")
        if r["threat"] and not r["severe_toxicity"]:
            errors.append(f"{r['id']}: threat without severe_toxicity")
        if guess_lang(r["text"]) != r["lang"]:
            errors.append(f"{r['id']}: guess_lang says {guess_lang(r['text'])}")
    others = other_rows(ROOT, FILE)
    errors += exact_duplicates(rows, others, dedupe_key)
    more, worst, worst_other = trigram_overlap(
        rows, others, trigrams, lambda _, o: o["id"], limit=MAX_JACCARD
    )
    errors += more
    return report(
        errors,
        f"{len(rows)} rows, {len(errors)} errors; max Jaccard across groups {worst:.2f}, "
        f"against other files {worst_other:.2f}",
    )


if __name__ == "__main__":
    raise SystemExit(main())
