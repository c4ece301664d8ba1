"""Print the counts paragraph of the README section for ``fr_debate.jsonl``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from statistics import median

OUT = Path(__file__).resolve().parent.parent / "fr_debate.jsonl"


def main() -> None:
    rows = [json.loads(x) for x in OUT.read_text(encoding="utf-8").splitlines()]
    kinds = Counter(r["kind"] for r in rows)
    groups = len({r["group"] for r in rows})
    words = [len(r["text"].split()) for r in rows]
    order = ["debate_reply", "debate_opinion", "debate_anecdote", "debate_short"]
    print(
        f"{len(rows):,} rows (`fd-0001`...) in {groups} threads: "
        + ", ".join(f"`{k}` {kinds[k]}" for k in order)
        + f"; obscene 1 on {sum(r['obscene'] for r in rows)} rows. "
        f"Length: median {median(words):g} words, from {min(words)} to {max(words)}."
    )


if __name__ == "__main__":
    main()
