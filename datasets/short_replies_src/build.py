"""Build ``datasets/short_replies.jsonl`` from the hand-written threads of ``short_replies_src``.

File format: a line ``=== <article>`` starts one made-up article's or forum topic's comment thread;
each following non-empty line is one reader comment, prefixed by its marker:

- ``R:`` short_reply (an innocent short reader reply, mostly 1 to 8 words, using common words the
  model over-weighs in short comments: prochain, gros, stop, femmes, mort, next, white, hope...;
  all labels 0)
- ``T:`` short_abuse (a short toxic reply using some of the same words: toxicity 1); the marker may
  carry extra letters for the other labels that apply: ``i`` insult, ``t`` threat, ``o`` obscene,
  ``a`` identity_attack (aimed at a protected group), ``s`` severe_toxicity, e.g. ``Ti:``, ``Tta:``

The language is the file's prefix (``fr_``/``en_``). A literal ``\\n`` in a comment is a line break;
lines starting with ``#`` are notes. The build checks the thread sizes (8 to 20 comments), exact
duplicates (within the file and against every other ``datasets/*.jsonl``), word-trigram
near-duplicates (Jaccard >= 0.5, within the file across threads and against the other files), and
writes nothing when a check fails.
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
OUT = DATASETS / "short_replies.jsonl"
KINDS = {"R": "short_reply", "T": "short_abuse"}
FLAGS = {
    "i": "insult",
    "t": "threat",
    "o": "obscene",
    "a": "identity_attack",
    "s": "severe_toxicity",
}
LABELS = ("spam", "toxicity", "insult", "threat", "obscene", "identity_attack", "severe_toxicity")


def parse_marker(marker: str) -> tuple[str, frozenset[str]] | None:
    """``R``, ``T``, ``Ti``, ``Tta`` -> (kind, extra labels), or None for a bad marker."""
    head, flags = marker[:1], marker[1:]
    if head not in KINDS or (flags and head != "T") or any(f not in FLAGS for f in flags):
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
            if not 8 <= len(comments) <= 20:
                problems.append(f"{lang} thread {t} ({topic}) has {len(comments)} comments")
            for (kind, extra), text in comments:
                n += 1
                labels = dict.fromkeys(LABELS, 0)
                if kind == "short_abuse":
                    labels.update(toxicity=1, **dict.fromkeys(extra, 1))
                rows.append(
                    {
                        "id": f"sr-{lang}-{n:04d}",
                        "text": text,
                        "lang": lang,
                        "kind": kind,
                        "group": f"sr-{lang}-t{t:03d}",
                        **labels,
                    }
                )
    write_checked_threads(rows, problems, OUT, dedupe_key, guess_lang)
    for lang in ("fr", "en"):
        abuse = [r for r in rows if r["lang"] == lang and r["kind"] == "short_abuse"]
        extra = Counter(k for r in abuse for k in FLAGS.values() if r[k])
        print(f"  {lang} short_abuse extra labels: {dict(sorted(extra.items()))}")


if __name__ == "__main__":
    main()
