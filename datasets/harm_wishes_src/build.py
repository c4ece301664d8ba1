"""Build ``datasets/harm_wishes.jsonl`` from the hand-written threads of ``harm_wishes_src``.

File format: a line ``=== <article>`` starts one made-up article's or forum topic's comment thread;
each following non-empty line is one reader comment, prefixed by its marker:

- ``W:`` harm_wish (a wish or an intention to harm someone: toxicity 1, threat 1); the marker may
  carry extra letters for the other labels that apply: ``i`` insult, ``o`` obscene, ``s``
  severe_toxicity (explicit graphic violence), ``a`` identity_attack (aimed at a protected group),
  e.g. ``Wio:``
- ``L:`` harm_lookalike (an innocent comment using the same verbs and frames: crever de chaud, je te
  souhaite bonne chance, I'm dying to, watch your back on the ice...; all labels 0)
- ``R:`` harm_reply (an ordinary innocent reply in the same thread; all labels 0)

The language is the file's prefix (``fr_``/``en_``). A literal ``\\n`` in a comment is a line break;
lines starting with ``#`` are notes. The build checks the thread sizes, exact duplicates (within the
file and against every other ``datasets/*.jsonl``), word-trigram near-duplicates (Jaccard >= 0.5,
within the file across threads and against the other files), and writes nothing when a check fails.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import read_threads, write_checked_threads

from modkit._datasets import dedupe_key, guess_lang

HERE = Path(__file__).resolve().parent
DATASETS = HERE.parent
OUT = DATASETS / "harm_wishes.jsonl"
KINDS = {"W": "harm_wish", "L": "harm_lookalike", "R": "harm_reply"}
FLAGS = {"i": "insult", "o": "obscene", "s": "severe_toxicity", "a": "identity_attack"}
LABELS = ("spam", "toxicity", "insult", "threat", "obscene", "identity_attack", "severe_toxicity")


def parse_marker(marker: str) -> tuple[str, frozenset[str]] | None:
    """``W``, ``Wio``, ``L``, ``R`` -> (kind, extra labels), or None for a bad marker."""
    head, flags = marker[:1], marker[1:]
    if head not in KINDS or (flags and head != "W") or any(f not in FLAGS for f in flags):
        return None
    if len(set(flags)) != len(flags):
        return None
    return KINDS[head], frozenset(FLAGS[f] for f in flags)


def main() -> None:
    rows = []
    problems: list[str] = []
    for lang in ("fr", "en"):
        threads = read_threads(sorted(HERE.glob(f"{lang}_*.txt")), parse_marker)
        n = 0
        for t, (topic, comments) in enumerate(threads, start=1):
            if not 3 <= len(comments) <= 14:
                problems.append(f"{lang} thread {t} ({topic}) has {len(comments)} comments")
            for (kind, extra), text in comments:
                n += 1
                wish = kind == "harm_wish"
                labels = dict.fromkeys(LABELS, 0)
                if wish:
                    labels.update(toxicity=1, threat=1, **dict.fromkeys(extra, 1))
                rows.append(
                    {
                        "id": f"hw-{lang}-{n:04d}",
                        "text": text,
                        "lang": lang,
                        "kind": kind,
                        "group": f"hw-{lang}-t{t:03d}",
                        **labels,
                    }
                )
    write_checked_threads(rows, problems, OUT, dedupe_key, guess_lang)
    for lang in ("fr", "en"):
        wishes = [r for r in rows if r["lang"] == lang and r["kind"] == "harm_wish"]
        extra = Counter(k for r in wishes for k in FLAGS.values() if r[k])
        print(f"  {lang} harm_wish extra labels: {dict(sorted(extra.items()))}")


if __name__ == "__main__":
    main()
