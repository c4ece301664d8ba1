"""Check datasets/hate_reference.jsonl: schema, labels, ids, groups, languages and overlap.

Run from the repository root: python datasets/hate_reference_src/check.py
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
FILE = ROOT / "hate_reference.jsonl"
KEYS = list(PROJECT_FIELDS)
HATEFUL = {"ref_hate", "hate_statement", "slur_used"}
KINDS = HATEFUL | {
    "ref_counterpart",
    "identity_question",
    "counter_quote",
    "negated_claim",
    "slur_quoted",
    "profanity_untargeted",
}
MAX_JACCARD = 0.5
# guess_lang is unreliable on very short comments: below this many words a mismatch is reported
# but not counted as an error.
LANG_MIN_WORDS = 6


def trigrams(text: str) -> set[tuple[str, ...]]:
    return word_trigrams(re.findall(r"\w+", text.lower()))


def check_rows(rows: list[dict[str, object]]) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    notes: list[str] = []
    for r in rows:
        rid = str(r.get("id"))
        if list(r) != KEYS:
            errors.append(f"{rid}: keys {list(r)}")
            continue
        lang, kind, text = r["lang"], r["kind"], str(r["text"])
        if lang not in ("fr", "en") or not re.fullmatch(rf"hr-{lang}-\d{{5}}", rid):
            errors.append(f"{rid}: id or lang")
        if not re.fullmatch(rf"hr-{lang}-g\d{{4}}", str(r["group"])):
            errors.append(f"{rid}: group {r['group']}")
        if kind not in KINDS:
            errors.append(f"{rid}: kind {kind}")
        heads = {k: r[k] for k in KEYS[5:]}
        if any(type(v) is not int or v not in (0, 1) for v in heads.values()):
            errors.append(f"{rid}: labels")
        if heads["spam"]:
            errors.append(f"{rid}: spam")
        if kind in HATEFUL:
            if not (heads["toxicity"] and heads["identity_attack"]):
                errors.append(f"{rid}: hateful row without toxicity/identity_attack")
            if kind == "slur_used" and not heads["insult"]:
                errors.append(f"{rid}: slur_used without insult")
        elif any(v for k, v in heads.items() if k != "obscene"):
            errors.append(f"{rid}: non-hateful row with a toxic label")
        if kind == "profanity_untargeted" and not heads["obscene"]:
            errors.append(f"{rid}: profanity_untargeted without obscene")
        if heads["threat"] and not heads["severe_toxicity"]:
            errors.append(f"{rid}: threat without severe_toxicity")
        if not text.strip() or text != text.strip():
            errors.append(f"{rid}: empty or padded text")
        guessed = guess_lang(text)
        if guessed != lang:
            short = len(text.split()) < LANG_MIN_WORDS
            (notes if short else errors).append(f"{rid}: guess_lang says {guessed}: {text!r}")
    return errors, notes


def overlap(rows: list[dict[str, object]]) -> tuple[list[str], float, float]:
    others = other_rows(ROOT, FILE)
    errors = exact_duplicates(rows, others, dedupe_key)
    more, worst, worst_other = trigram_overlap(
        rows, others, trigrams, lambda _, o: o["id"], limit=MAX_JACCARD
    )
    errors += more
    return errors, worst, worst_other


def main() -> int:
    rows = [json.loads(line) for line in FILE.read_text(encoding="utf-8").splitlines()]
    errors, notes = check_rows(rows)
    more, worst, worst_other = overlap(rows)
    errors += more
    for n in notes:
        print("note:", n)
    return report(
        errors,
        f"{len(rows)} rows, {len(errors)} errors, {len(notes)} short-text language notes; "
        f"max Jaccard across groups {worst:.2f}, against other files {worst_other:.2f}",
    )


if __name__ == "__main__":
    raise SystemExit(main())
