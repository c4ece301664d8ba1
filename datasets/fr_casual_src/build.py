"""Build ``datasets/fr_casual.jsonl`` from the hand-written threads in ``t*.txt``.

File format: a line ``=== <topic>`` starts a thread; each following non-empty line is one comment,
prefixed by its kind marker and a colon:

- ``Q:`` casual_question, ``R:`` casual_reply, ``A:`` casual_anecdote, ``O:`` casual_opinion
  (politics and society), ``S:`` casual_short: innocent, every label 0;
- ``W:`` casual_swearing: swearing aimed at nobody, obscene 1, every other label 0;
- ``T<letters>:`` casual_toxic: toxicity 1 plus one letter per sub-label that applies
  (``i`` insult, ``o`` obscene, ``t`` threat, ``a`` identity_attack, ``s`` severe_toxicity);
  a bare ``T:`` is rude without any sub-label.

A literal ``\\n`` in a comment is a line break. Lines starting with ``#`` are notes.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import read_threads, write_jsonl

HERE = Path(__file__).resolve().parent
DATASETS = HERE.parent
OUT = DATASETS / "fr_casual.jsonl"
KINDS = {
    "Q": "casual_question",
    "R": "casual_reply",
    "A": "casual_anecdote",
    "O": "casual_opinion",
    "S": "casual_short",
    "W": "casual_swearing",
}
TOXIC_LETTERS = {
    "i": "insult",
    "o": "obscene",
    "t": "threat",
    "a": "identity_attack",
    "s": "severe_toxicity",
}
LABELS = ("spam", "toxicity", "insult", "threat", "obscene", "identity_attack", "severe_toxicity")
MIN_COMMENTS, MAX_COMMENTS = 3, 16


def parse_marker(marker: str) -> tuple[str, dict[str, int]] | None:
    """The kind and labels of a line marker, or None if it is not one."""
    labels = dict.fromkeys(LABELS, 0)
    if marker in KINDS:
        if marker == "W":
            labels["obscene"] = 1
        return KINDS[marker], labels
    if marker.startswith("T") and all(c in TOXIC_LETTERS for c in marker[1:]):
        if len(set(marker[1:])) != len(marker[1:]):
            return None
        labels["toxicity"] = 1
        for c in marker[1:]:
            labels[TOXIC_LETTERS[c]] = 1
        return "casual_toxic", labels
    return None


def threads() -> list[tuple[str, list[tuple[tuple[str, dict[str, int]], str]]]]:
    return read_threads(sorted(HERE.glob("t*.txt")), parse_marker)


def main() -> None:
    rows = []
    n = 0
    t = 0
    for t, (topic, comments) in enumerate(threads(), start=1):
        if not MIN_COMMENTS <= len(comments) <= MAX_COMMENTS:
            sys.exit(f"thread {t} ({topic}) has {len(comments)} comments")
        for (kind, labels), text in comments:
            n += 1
            rows.append(
                {
                    "id": f"fr-ca-{n:05d}",
                    "text": text,
                    "lang": "fr",
                    "kind": kind,
                    "group": f"fr-casual-{t:03d}",
                    **labels,
                }
            )
    write_jsonl(OUT, rows)
    kinds = Counter(r["kind"] for r in rows)
    toxic = sum(r["toxicity"] for r in rows)
    heads = {h: sum(r[h] for r in rows) for h in LABELS}
    print(f"{len(rows)} rows in {t} threads; toxic {toxic} ({toxic / max(len(rows), 1):.1%})")
    print(f"kinds {dict(kinds)}")
    print(f"labels {heads}")


if __name__ == "__main__":
    main()
