"""Check ``datasets/fr_casual.jsonl``: keys and their order, labels against kinds, ids, groups,
language, the swearing lexicon, exact duplicates and near-duplicates (word-trigram Jaccard >= 0.5)
within the file and against the other project files."""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from modkit._datasets import PROJECT_FIELDS, dedupe_key, guess_lang

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
    w = dedupe_key(text).split()
    return {tuple(w[i : i + 3]) for i in range(len(w) - 2)}


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
    seen: dict[str, str] = {}
    for r in rows:
        check_row(r, problems)
        if guess_lang(r["text"]) != "fr":
            print(f"note: {r['id']} guessed not fr: {r['text']!r}")
        k = dedupe_key(r["text"])
        if k in seen:
            problems.append(f"{r['id']}: duplicate of {seen[k]}")
        seen[k] = r["id"]
    if len({r["id"] for r in rows}) != len(rows):
        problems.append("duplicate ids")
    innocent = sum(1 for r in rows if r["toxicity"] == 0) / max(len(rows), 1)
    if innocent < MIN_INNOCENT_SHARE:
        problems.append(f"innocent share {innocent:.1%} below {MIN_INNOCENT_SHARE:.0%}")

    # Near-duplicates through an index of trigrams: only pairs that share one are compared.
    ours = [(r["id"], r["group"], trigrams(r["text"])) for r in rows]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (_, _, tri) in enumerate(ours):
        for g in tri:
            index[g].append(i)
    worst_in = worst_out = 0.0
    for i, (a, ga, ta) in enumerate(ours):
        if len(ta) < 3:
            continue
        cands = {j for g in ta for j in index[g] if j > i}
        for j in cands:
            b, gb, tb = ours[j]
            if gb == ga or len(tb) < 3:
                continue
            jac = len(ta & tb) / len(ta | tb)
            worst_in = max(worst_in, jac)
            if jac >= MAX_JACCARD:
                problems.append(f"{a} ~ {b}: trigram Jaccard {jac:.2f}")
    for path in sorted(DATASETS.glob("*.jsonl")):
        if path == OUT:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            o = json.loads(line)
            k = dedupe_key(o["text"])
            if k in seen:
                problems.append(f"{seen[k]}: duplicate of {path.name} {o.get('id')}")
            to = trigrams(o["text"])
            if len(to) < 3:
                continue
            cands = {j for g in to for j in index.get(g, ())}
            for j in cands:
                a, _, ta = ours[j]
                if len(ta) < 3:
                    continue
                jac = len(ta & to) / len(ta | to)
                worst_out = max(worst_out, jac)
                if jac >= MAX_JACCARD:
                    problems.append(f"{a} ~ {path.name} {o.get('id')}: trigram Jaccard {jac:.2f}")
    print(f"max trigram Jaccard: within {worst_in:.2f}, against other files {worst_out:.2f}")
    print("\n".join(problems) or f"ok: {len(rows)} rows, {innocent:.1%} innocent")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
