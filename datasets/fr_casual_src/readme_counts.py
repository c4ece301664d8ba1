"""Print the counts of the README section for ``fr_casual.jsonl``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from statistics import median

OUT = Path(__file__).resolve().parent.parent / "fr_casual.jsonl"
ORDER = [
    "casual_question",
    "casual_reply",
    "casual_anecdote",
    "casual_opinion",
    "casual_short",
    "casual_swearing",
    "casual_toxic",
]
HEADS = ("toxicity", "insult", "obscene", "threat", "identity_attack", "severe_toxicity")


def main() -> None:
    rows = [json.loads(x) for x in OUT.read_text(encoding="utf-8").splitlines()]
    kinds = Counter(r["kind"] for r in rows)
    sizes = Counter(r["group"] for r in rows).values()
    words = [len(r["text"].split()) for r in rows]
    toxic = [r for r in rows if r["toxicity"]]
    print(
        f"{len(rows):,} rows (`fr-ca-00001`...) in {len(sizes)} threads of {min(sizes)} to "
        f"{max(sizes)} comments: " + ", ".join(f"`{k}` {kinds[k]}" for k in ORDER) + "."
    )
    print(
        f"Innocent {len(rows) - len(toxic)} ({1 - len(toxic) / len(rows):.1%}), obscene 1 on "
        f"{sum(r['obscene'] for r in rows if not r['toxicity'])} of them; toxic {len(toxic)}: "
        + ", ".join(f"{h} {sum(r[h] for r in toxic)}" for h in HEADS)
        + f". Length: median {median(words):g} words, from {min(words)} to {max(words)}."
    )


if __name__ == "__main__":
    main()
