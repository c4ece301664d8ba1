"""Check datasets/hate_contrast.jsonl: schema, labels, ids, languages and overlap.

Run from the repository root: python datasets/hate_contrast_src/check.py
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

from modkit._datasets import PROJECT_FIELDS, dedupe_key, guess_lang

ROOT = Path(__file__).resolve().parents[1]
FILE = ROOT / "hate_contrast.jsonl"
KEYS = list(PROJECT_FIELDS)
HATEFUL = {"hate_slur"}
KINDS = {"hate_slur", "slur_quoted", "hate_counter", "hate_negated", "identity_statement"}


def trigrams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def main() -> int:
    errors: list[str] = []
    rows = [json.loads(line) for line in FILE.read_text(encoding="utf-8").splitlines()]
    ids = collections.Counter(r["id"] for r in rows)
    errors += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
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
    others = [
        json.loads(line)
        for f in sorted(ROOT.glob("*.jsonl"))
        if f != FILE
        for line in f.read_text(encoding="utf-8").splitlines()
    ]
    keys = collections.Counter(dedupe_key(r["text"]) for r in rows)
    errors += [f"duplicate text {k!r}" for k, n in keys.items() if n > 1]
    other_keys = {dedupe_key(r["text"]) for r in others}
    errors += [
        f"{r['id']}: same text as another file" for r in rows if dedupe_key(r["text"]) in other_keys
    ]
    grams = [trigrams(r["text"]) for r in rows]
    index: dict[tuple[str, ...], set[int]] = collections.defaultdict(set)
    for i, g in enumerate(grams):
        for t in g:
            index[t].add(i)
    worst = 0.0
    for i, g in enumerate(grams):
        shared = collections.Counter(j for t in g for j in index[t] if j > i)
        for j, n in shared.items():
            if rows[i]["group"] == rows[j]["group"]:
                continue
            jac = n / len(g | grams[j])
            worst = max(worst, jac)
            if jac >= 0.5:
                errors.append(f"{rows[i]['id']} ~ {rows[j]['id']}: trigram Jaccard {jac:.2f}")
    other_grams = [(trigrams(r["text"]), r["id"]) for r in others]
    oindex: dict[tuple[str, ...], set[int]] = collections.defaultdict(set)
    for i, (g, _) in enumerate(other_grams):
        for t in g:
            oindex[t].add(i)
    worst_other = 0.0
    for r, g in zip(rows, grams, strict=True):
        shared = collections.Counter(j for t in g for j in oindex[t])
        for j, n in shared.items():
            jac = n / len(g | other_grams[j][0])
            worst_other = max(worst_other, jac)
            if jac >= 0.5:
                errors.append(f"{r['id']} ~ {other_grams[j][1]}: trigram Jaccard {jac:.2f}")
    for e in errors:
        print(e, file=sys.stderr)
    print(
        f"{len(rows)} rows, {len(errors)} errors; max Jaccard across groups {worst:.2f}, "
        f"against other files {worst_other:.2f}"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
