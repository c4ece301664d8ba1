"""Build ``datasets/fr_debate.jsonl`` from the hand-written threads in ``t*.txt``.

File format: a line ``=== <topic>`` starts a thread; each following non-empty line is one comment,
prefixed by its kind marker (``R:`` debate_reply, ``O:`` debate_opinion, ``A:`` debate_anecdote,
``S:`` debate_short). A literal ``\\n`` in a comment is a line break.
Lines starting with ``#`` are notes.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import read_threads, write_jsonl

HERE = Path(__file__).resolve().parent
DATASETS = HERE.parent
OUT = DATASETS / "fr_debate.jsonl"
KINDS = {"R": "debate_reply", "O": "debate_opinion", "A": "debate_anecdote", "S": "debate_short"}
# Swearing at nobody: obscene 1, toxicity 0 (labelling guide). Reviewed by hand for targets.
OBSCENE = re.compile(
    r"\b(putain|ptn|merde\w*|emmerd\w*|chier|chiant\w*|fais chier|bordel|conneries?|foutre|fout\w*|"
    r"foutu\w*|couilles?|bite)\b",
    re.IGNORECASE,
)
NOT_OBSCENE = re.compile(r"\b(je m'en fous|s'en fout|on s'en fout|je m'en fiche)\b", re.IGNORECASE)


def threads() -> list[tuple[str, list[tuple[str, str]]]]:
    return read_threads(sorted(HERE.glob("t*.txt")), KINDS.get)


def main() -> None:
    rows = []
    n = 0
    for t, (_topic, comments) in enumerate(threads(), start=1):
        if not 3 <= len(comments) <= 10:
            sys.exit(f"thread {t} ({_topic}) has {len(comments)} comments")
        for kind, text in comments:
            n += 1
            obscene = int(bool(OBSCENE.search(text)) and not NOT_OBSCENE.search(text))
            rows.append(
                {
                    "id": f"fd-{n:04d}",
                    "text": text,
                    "lang": "fr",
                    "kind": kind,
                    "group": f"fd-t{t:03d}",
                    "spam": 0,
                    "toxicity": 0,
                    "insult": 0,
                    "threat": 0,
                    "obscene": obscene,
                    "identity_attack": 0,
                    "severe_toxicity": 0,
                }
            )
    write_jsonl(OUT, rows)
    kinds = Counter(r["kind"] for r in rows)
    obscene = sum(r["obscene"] for r in rows)
    print(f"{len(rows)} rows in {t} threads; obscene {obscene}; {dict(kinds)}")


if __name__ == "__main__":
    main()
