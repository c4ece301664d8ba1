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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import build_marked_threads

from modkit._datasets import dedupe_key, guess_lang

HERE = Path(__file__).resolve().parent


def main() -> None:
    build_marked_threads(
        HERE,
        HERE.parent / "harm_wishes.jsonl",
        prefix="hw",
        kinds={"W": "harm_wish", "L": "harm_lookalike", "R": "harm_reply"},
        flags={"i": "insult", "o": "obscene", "s": "severe_toxicity", "a": "identity_attack"},
        positive="W",
        positive_labels={"toxicity": 1, "threat": 1},
        sizes=(3, 14),
        key=dedupe_key,
        guess_lang=guess_lang,
    )


if __name__ == "__main__":
    main()
