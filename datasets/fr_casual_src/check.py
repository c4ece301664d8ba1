"""Check ``datasets/fr_casual.jsonl``: keys and their order, labels against kinds, ids, groups,
language, the swearing lexicon, exact duplicates and near-duplicates (word-trigram Jaccard >= 0.5)
within the file and against the other project files."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from modkit._datasets import PROJECT_FIELDS, dedupe_key, guess_lang

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import exact_duplicates, other_rows, trigram_overlap, word_trigrams

DATASETS = Path(__file__).resolve().parent.parent
OUT = DATASETS / "fr_casual.jsonl"
KEYS = list(PROJECT_FIELDS)
LABELS = ("spam", "toxicity", "insult", "threat", "obscene", "identity_attack", "severe_toxicity")
INNOCENT = {"casual_question", "casual_reply", "casual_anecdote", "casual_opinion", "casual_short"}
MAX_JACCARD = 0.5
MIN_INNOCENT_SHARE = 0.85
ID = re.compile(r"fr-ca-\d{5}")
GROUP = re.compile(r"fr-casual-\d{3}")
# Swearing: an innocent row with one of these words must be casual_swearing (obscene 1), and a
# casual_swearing row must hold one. Body words (caca, pipi, crotte, chiottes, pet, vomi) and
# "je m'en fous" / "on s'en fout" / "ça me saoule" are not swearing (obscene 0).
SWEAR = re.compile(
    r"\b(putain\w*|ptn|put1|merd\w*|emmerd\w*|démerd\w*|chier|chiant\w*|chiait|chie|"
    r"bordel|bordels|conn?ards?|conneries?|con|cons|cul|couilles?|bite|branl\w*|fumiers?|"
    r"ta gueule|vos gueules|leur gueule|foutre|foutu\w*|fout\w*-(?:leur|lui|moi|nous|toi)|"
    r"fout(?:ent|ez|re)?\s+(?:le|la|les|en)\s|salop\w*|fdp|nique|niqu\w+|enfoir\w*|"
    r"batard\w*|bâtard\w*|pd)\b",
    re.IGNORECASE,
)
NOT_SWEAR = re.compile(r"\b(m'en fous|s'en fout|s'en foutent|m'en fiche)\b", re.IGNORECASE)


def trigrams(text: str) -> set[tuple[str, ...]]:
    return word_trigrams(dedupe_key(text).split())


def swears(text: str) -> bool:
    return bool(SWEAR.search(NOT_SWEAR.sub(" ", text)))


def check_row(r: dict, problems: list[str]) -> None:
    rid = r.get("id")
    if list(r) != KEYS:
        problems.append(f"{rid}: keys {list(r)}")
        return
    if not ID.fullmatch(rid) or not GROUP.fullmatch(r["group"]) or r["lang"] != "fr":
        problems.append(f"{rid}: id, group or lang")
    if any(r[k] not in (0, 1) for k in LABELS) or r["spam"] != 0:
        problems.append(f"{rid}: labels not 0/1 or spam")
    kind = r["kind"]
    others = [r[k] for k in LABELS if k != "obscene"]
    if kind in INNOCENT:
        if any(others) or r["obscene"]:
            problems.append(f"{rid}: innocent kind with a label")
        if swears(r["text"]):
            problems.append(f"{rid}: swearing in a {kind} row: {r['text']!r}")
    elif kind == "casual_swearing":
        if any(others) or r["obscene"] != 1:
            problems.append(f"{rid}: casual_swearing must be obscene 1 only")
        if not swears(r["text"]):
            problems.append(f"{rid}: casual_swearing without a swear word: {r['text']!r}")
    elif kind == "casual_toxic":
        if r["toxicity"] != 1:
            problems.append(f"{rid}: casual_toxic without toxicity")
        if r["obscene"] != int(swears(r["text"])):
            lexicon = int(swears(r["text"]))
            print(f"note: {rid} toxic, obscene {r['obscene']}, lexicon {lexicon}: {r['text']!r}")
    else:
        problems.append(f"{rid}: kind {kind}")


def main() -> None:
    rows = [json.loads(x) for x in OUT.read_text(encoding="utf-8").splitlines()]
    problems: list[str] = []
    for r in rows:
        check_row(r, problems)
        if guess_lang(r["text"]) != "fr":
            print(f"note: {r['id']} guessed not fr: {r['text']!r}")
    others = other_rows(DATASETS, OUT)
    problems += exact_duplicates(rows, others, dedupe_key)
    innocent = sum(1 for r in rows if r["toxicity"] == 0) / max(len(rows), 1)
    if innocent < MIN_INNOCENT_SHARE:
        problems.append(f"innocent share {innocent:.1%} below {MIN_INNOCENT_SHARE:.0%}")

    more, worst_in, worst_out = trigram_overlap(
        rows,
        others,
        trigrams,
        lambda name, o: f"{name} {o.get('id')}",
        limit=MAX_JACCARD,
        min_grams=3,
    )
    problems += more
    print(f"max trigram Jaccard: within {worst_in:.2f}, against other files {worst_out:.2f}")
    print("\n".join(problems) or f"ok: {len(rows)} rows, {innocent:.1%} innocent")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
