"""Checks datasets/{fr,en}_forum.jsonl: schema, labels, threads, openings, lengths, near-dups."""

from __future__ import annotations

import collections
import json
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import HEADS, KINDS, OBSCENE

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import near_duplicates, word_trigrams

OUT = Path(__file__).resolve().parent.parent
KEYS = ["id", "text", "lang", "kind", "group", *HEADS]
WORD = re.compile(r"\w+", re.UNICODE)


def words(t):
    return WORD.findall(t.lower())


def shingles(t):
    w = words(t)
    return {tuple(w)} if len(w) < 3 else word_trigrams(w)


def near_dups(texts, others=(), limit=0.5):
    """(Jaccard, text, text) for the pairs of texts, or of an other text and one of ours, at or
    above ``limit``; every pair is compared (one group per row), even within a thread."""
    found, _, _ = near_duplicates(
        [(str(i), str(i), shingles(t)) for i, t in enumerate(texts)],
        [("[other] " + t, shingles(t)) for t in others],
        limit=limit,
    )
    return [
        (jac, b, texts[int(a)]) if b.startswith("[other] ") else (jac, texts[int(a)], texts[int(b)])
        for a, b, jac in found
    ]


def check(lang, others_paths, verbose):
    path = OUT / f"{lang}_forum.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    errors = []
    ids = set()
    for r in rows:
        if list(r) != KEYS:
            errors.append(f"keys {list(r)}")
        if r["id"] in ids:
            errors.append(f"duplicate id {r['id']}")
        ids.add(r["id"])
        if not re.fullmatch(rf"{lang}-fo-\d{{5}}", r["id"]):
            errors.append(f"bad id {r['id']}")
        if r["lang"] != lang:
            errors.append(f"lang {r['id']}")
        if r["kind"] not in KINDS.values():
            errors.append(f"kind {r['id']}")
        if not re.fullmatch(rf"{lang}-thread-\d{{4}}", r["group"]):
            errors.append(f"group {r['id']}")
        for h in HEADS:
            if r[h] not in (0, 1):
                errors.append(f"label {r['id']} {h}")
            if h != "obscene" and r[h] != 0:
                errors.append(f"non-zero {h} {r['id']}")
        if not isinstance(r["text"], str) or not r["text"].strip():
            errors.append(f"empty {r['id']}")
        if re.search(r"\b0[1-9](?:[ .]?\d\d){4}\b|\+33|\+1[ -]?\d{3}", r["text"]):
            errors.append(f"phone-like {r['id']}: {r['text'][:60]}")
        for m in re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", r["text"]):
            if not m.endswith(("example.org", "example.com", "example.net")):
                errors.append(f"email {r['id']}: {m}")
    texts = [r["text"] for r in rows]
    dup_texts = [t for t, c in collections.Counter(texts).items() if c > 1]
    errors += [f"duplicate text: {t[:60]}" for t in dup_texts]
    groups = collections.Counter(r["group"] for r in rows)
    for g, c in groups.items():
        if not 3 <= c <= 12:
            errors.append(f"thread {g} has {c} rows")
    n = len(rows)
    wl = [len(t.split()) for t in texts]
    print(f"== {lang}: {n} rows, {len(groups)} threads, errors {len(errors)}")
    for e in errors[:30]:
        print("  ERROR", e)
    print("  kinds:", dict(collections.Counter(r["kind"] for r in rows).most_common()))
    obs = sum(r["obscene"] for r in rows)
    print(f"  obscene: {obs} ({obs / n:.1%})")
    print(
        f"  words: median {statistics.median(wl)}, >80: {sum(w > 80 for w in wl) / n:.1%}, "
        f"<=5: {sum(w <= 5 for w in wl) / n:.1%}, max {max(wl)}"
    )
    openings = collections.Counter(" ".join(words(t)[:2]) for t in texts)
    top = openings.most_common(12)
    print("  top openings:", ", ".join(f"{o!r} {c} ({c / n:.1%})" for o, c in top))
    if top[0][1] / n > 0.03:
        print("  ERROR opening share above 3%")
    others = []
    for p in others_paths:
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            o = json.loads(line)
            if o.get("lang") == lang:
                others.append(o["text"])
    dups = near_dups(texts, others)
    print(
        f"  near-duplicates (trigram Jaccard >= 0.5): {len(dups)} "
        f"(against {len(others)} other rows too)"
    )
    for jac, a, b in sorted(dups, reverse=True)[:20]:
        print(f"    {jac:.2f} | {a[:70]!r} | {b[:70]!r}")
    if verbose:
        for r in rows:
            m = OBSCENE[lang].findall(r["text"])
            if m and r["kind"] != "forum_swearing":
                hits = sorted({x.lower() for x in m})
                print(f"  obscene-hit {r['id']} {r['obscene']} {hits}: {r['text'][:90]!r}")
    return not errors and not dups


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    langs = [a for a in sys.argv[1:] if a in ("fr", "en")] or ["fr", "en"]
    others = sorted(str(p) for p in OUT.glob("*.jsonl") if not p.name.endswith("_forum.jsonl"))
    results = [check(lang, others, verbose) for lang in langs]  # every language, no short cut
    ok = all(results)
    sys.exit(0 if ok else 1)
