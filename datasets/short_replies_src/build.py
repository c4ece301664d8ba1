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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import build_marked_threads

from modkit._datasets import dedupe_key, guess_lang

HERE = Path(__file__).resolve().parent


def main() -> None:
    build_marked_threads(
        HERE,
        HERE.parent / "short_replies.jsonl",
        prefix="sr",
        kinds={"R": "short_reply", "T": "short_abuse"},
        flags={
            "i": "insult",
            "t": "threat",
            "o": "obscene",
            "a": "identity_attack",
            "s": "severe_toxicity",
        },
        positive="T",
        positive_labels={"toxicity": 1},
        sizes=(8, 20),
        key=dedupe_key,
        guess_lang=guess_lang,
    )


if __name__ == "__main__":
    main()
