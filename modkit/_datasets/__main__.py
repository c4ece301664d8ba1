"""``python -m modkit._datasets PATH...``: a summary table of the corpora found, before and after
deduplication (rows, languages, positives/known per head)."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable

from modkit._datasets import Corpus, dedupe, load_path


def summary(corpora: Iterable[Corpus]) -> str:
    """A plain-text table: rows, languages and positives/known per head, per corpus."""
    lines = [f"{'corpus':34} {'rows':>7}  {'lang':12} heads (positive/known)"]
    for c in corpora:
        langs = Counter(r.lang for r in c.rows)
        lang = " ".join(f"{k}:{v}" for k, v in sorted(langs.items()))
        heads = []
        for head in c.heads:
            known = [r.labels[head] for r in c.rows if head in r.labels]
            heads.append(f"{head} {sum(known)}/{len(known)}")
        lines.append(f"{c.name:34} {len(c.rows):>7}  {lang:12} {'; '.join(heads)}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a manual check: python -m modkit._datasets PATH
    import sys
    import time

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    t0 = time.perf_counter()
    loaded = [c for arg in sys.argv[1:] for c in load_path(arg)]
    t1 = time.perf_counter()
    print(summary(loaded))
    print(f"loaded in {t1 - t0:.2f}s")
    print(summary(dedupe(loaded)))
    print(f"deduplicated in {time.perf_counter() - t1:.2f}s")
