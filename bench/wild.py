"""What the decision does to real, ordinary conversation, and to what a site must catch.

    python bench/wild.py [--model models/default] [--baseline OLD_MODEL_DIR]
                         [--data ../shared/datasets] [--json out.json]

Every figure is a decision of the default policy's score thresholds (the model's, merged by
``Moderator``), never a raw score:

- **held innocent comments**, per set: the share held for a toxicity reason (toxicity or any other
  toxicity head the policy applies) and for the spam score. Sets: r/france comments and posts
  (never trained on: its licence keeps it out of the shipped model), the test split (by thread,
  post or book, as training splits them) of the reviews, tweets, hand-labelled creator comments
  and the project's own conversation and forum threads, and ``bench/data/conversation_eval.jsonl``.
  "screened" leaves out comments holding an insult from the training screen's word list: r/france
  is unlabelled, and what is left once insults are out is what must pass;
- **recall** at the hold threshold on every corpus's toxic (and spam) test split;
- **minimal pairs** (``bench/data/minimal_pairs.jsonl``): comments whose decision changes when only
  the address (tu/vous, you/they) or the greeting changes;
- **functional hate tests** (``bench/data/functional_hate.jsonl``): per language, the share of
  hateful cases held and of non-hateful cases accepted, and per category;
- **blog spam** (``bench/data/blog_spam_eval.jsonl``): spam held, ham accepted, by the spam score
  alone and by the whole decision (the default policy's rules as well).

With ``--baseline`` the same figures are measured for another model in the same run, side by side.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from modkit import Action, Moderator, Policy  # noqa: E402
from modkit._datasets import HEADS, Row, dedupe, load_path, load_project  # noqa: E402
from modkit._model import Scorer  # noqa: E402
from modkit._training import TrainConfig, _without_ignored  # noqa: E402
from modkit._training_rows import imply_negatives, screen_hit, split_of  # noqa: E402
from modkit.testing import sample_form  # noqa: E402

DATA = ROOT / "bench" / "data"
TOXIC_HEADS = tuple(h for h in HEADS if h != "spam")
#: Sets of innocent comments: (name, predicate on a test-split row).
_INNOCENT_CORPORA = (
    "fr_allocine_review_samples",
    "fr_book_reviews_babelio",
    "fr_deft2017_tweets_umsab",
    "en_tweeteval_informal",
    "fr_social_comments_selfannotated",
)
_PROJECT_CONVERSATION = ("conv_", "forum_", "casual_")


class Judge:
    """A model's scores and the default policy's thresholds, as decisions."""

    def __init__(self, path: str) -> None:
        self.scorer = Scorer.load(path)
        self.version = self.scorer.version
        self.thresholds = Moderator(scorer=self.scorer).thresholds
        self._cache: dict[str, dict[str, float]] = {}

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        todo = sorted({t for t in texts if t not in self._cache})
        for t, s in zip(todo, self.scorer.score_many(todo), strict=True):
            self._cache[t] = s
        return [self._cache[t] for t in texts]

    def held_by(self, texts: Sequence[str], heads: Sequence[str]) -> np.ndarray:
        """Whether each text is held (or rejected) by a score threshold of one of ``heads``."""
        out = np.zeros(len(texts), dtype=bool)
        for i, s in enumerate(self.scores(texts)):
            for head in heads:
                limit = self.thresholds.get(head, {}).get("hold")
                if limit is not None and head in s and s[head] >= limit:
                    out[i] = True
                    break
        return out

    def toxic_held(self, texts: Sequence[str]) -> np.ndarray:
        return self.held_by(texts, TOXIC_HEADS)

    def spam_held(self, texts: Sequence[str]) -> np.ndarray:
        return self.held_by(texts, ("spam",))


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _rows(data: Sequence[str], seed: int, calib: float, test: float) -> dict[str, list[Row]]:
    corpora = [load_project(ROOT / "datasets")]
    for d in data:
        if Path(d).exists():
            corpora.extend(load_path(d))
    corpora = dedupe(corpora)
    recipe = TrainConfig()
    out: dict[str, list[Row]] = defaultdict(list)
    for c in corpora:
        for raw in c.rows:
            row = _without_ignored(raw, recipe)
            if not row.labels:
                continue
            # A corpus kept out of training is held out whole; the others by their test split.
            if c.redistributable and split_of(row, seed, calib, test) != "test":
                continue
            out[c.name].append(imply_negatives(row))
    return out


def innocent_sets(rows: dict[str, list[Row]]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    reddit = [r.text for r in rows.get("fr_reddit_rfrance_2021_2022", [])]
    if reddit:
        sets["r/france (fr, never trained), all"] = reddit
        sets["r/france (fr, never trained), screened"] = [t for t in reddit if not screen_hit(t)]
    for name in _INNOCENT_CORPORA:
        texts = [r.text for r in rows.get(name, []) if r.labels.get("toxicity") == 0]
        if texts:
            sets[f"{name} (test split)"] = texts
    for lang in ("fr", "en"):
        texts = [
            r.text
            for r in rows.get("project", [])
            if r.lang == lang
            and (r.kind or "").startswith(_PROJECT_CONVERSATION)
            and r.labels.get("toxicity") == 0
        ]
        if texts:
            sets[f"project threads {lang} (test split)"] = texts
    conv = DATA / "conversation_eval.jsonl"
    if conv.exists():
        for lang in ("fr", "en"):
            texts = [r["text"] for r in _jsonl(conv) if r["lang"] == lang]
            if texts:
                sets[f"conversation_eval {lang}"] = texts
    return sets


def recall_sets(rows: dict[str, list[Row]]) -> dict[str, tuple[str, list[str]]]:
    out: dict[str, tuple[str, list[str]]] = {}
    for name, corpus_rows in sorted(rows.items()):
        for head in ("toxicity", "spam"):
            texts = [r.text for r in corpus_rows if r.labels.get(head) == 1]
            if len(texts) >= 20:
                out[f"{name} {head}"] = (head, texts)
    return out


def minimal_pair_flips(judge: Judge) -> tuple[int, int, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for r in _jsonl(DATA / "minimal_pairs.jsonl"):
        groups[r["id"]].append(r["text"])
    flipped = []
    for gid, texts in groups.items():
        held = judge.toxic_held(texts)
        if held.any() and not held.all():
            flipped.append(gid)
    return len(flipped), len(groups), flipped


def functional(judge: Judge) -> dict[str, Any]:
    cases = _jsonl(DATA / "functional_hate.jsonl")
    held = judge.toxic_held([c["text"] for c in cases])
    out: dict[str, Any] = {}
    for lang in ("fr", "en"):
        per_cat: dict[str, float] = {}
        ok_hate, n_hate, ok_other, n_other = 0, 0, 0, 0
        cats = sorted({c["category"] for c in cases if c["lang"] == lang})
        for cat in cats:
            idx = [i for i, c in enumerate(cases) if c["lang"] == lang and c["category"] == cat]
            want_hold = cases[idx[0]]["expect"] == "hold"
            right = sum(bool(held[i]) == want_hold for i in idx)
            per_cat[cat] = right / len(idx)
            if want_hold:
                ok_hate, n_hate = ok_hate + right, n_hate + len(idx)
            else:
                ok_other, n_other = ok_other + right, n_other + len(idx)
        out[lang] = {
            "hateful_held": ok_hate / max(n_hate, 1),
            "non_hateful_accepted": ok_other / max(n_other, 1),
            "per_category": per_cat,
        }
    return out


def blog_spam(judge: Judge) -> dict[str, float]:
    path = DATA / "blog_spam_eval.jsonl"
    if not path.exists():
        return {}
    cases = _jsonl(path)
    held = judge.spam_held([c["text"] for c in cases])
    spam = np.array([int(c.get("spam", 0)) == 1 for c in cases])
    # The whole decision: the default policy's rules as well (timing rules off: no form times).
    moderator = Moderator(
        scorer=judge.scorer, policy=Policy(min_seconds=0, flood_seconds=0), secret="wild" * 8
    )
    forms = [sample_form(text=c["text"], lang=c["lang"], url=None) for c in cases]
    decided = np.array(
        [d.action is not Action.ACCEPT for d in moderator.check_many(forms, record=False)]
    )
    return {
        "spam_held": float(held[spam].mean()) if spam.any() else float("nan"),
        "ham_accepted": float((~held[~spam]).mean()) if (~spam).any() else float("nan"),
        "spam_held_by_decision": float(decided[spam].mean()) if spam.any() else float("nan"),
        "ham_accepted_by_decision": float((~decided[~spam]).mean())
        if (~spam).any()
        else float("nan"),
    }


def measure(judge: Judge, rows: dict[str, list[Row]]) -> dict[str, Any]:
    innocent = {
        name: {
            "n": len(texts),
            "toxicity_held": float(judge.toxic_held(texts).mean()),
            "spam_held": float(judge.spam_held(texts).mean()),
        }
        for name, texts in innocent_sets(rows).items()
    }
    recall = {
        name: {"n": len(texts), "recall": float(judge.held_by(texts, (head,)).mean())}
        for name, (head, texts) in recall_sets(rows).items()
    }
    flips, pairs, which = minimal_pair_flips(judge)
    return {
        "model": judge.version,
        "thresholds": {k: dict(v) for k, v in judge.thresholds.items()},
        "innocent": innocent,
        "recall": recall,
        "minimal_pairs": {"flipped": flips, "groups": pairs, "ids": which},
        "functional_hate": functional(judge),
        "blog_spam": blog_spam(judge),
    }


def _table(
    title: str,
    keys: Sequence[str],
    results: Sequence[dict[str, Any]],
    cell: Callable[[dict[str, Any], str], str],
    header: str,
) -> None:
    print(f"\n## {title}\n")
    print(f"| {header} | " + " | ".join(r["model"] for r in results) + " |")
    print("|---|" + "---|" * len(results))
    for key in keys:
        print(f"| {key} | " + " | ".join(cell(r, key) for r in results) + " |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--model", default=str(ROOT / "models" / "default"))
    ap.add_argument("--baseline", default=None, help="another model folder, measured alongside")
    ap.add_argument("--data", action="append", default=None)
    ap.add_argument("--json", default=None, help="also write the results as JSON here")
    args = ap.parse_args()
    data = args.data or [str(ROOT.parent / "shared" / "datasets")]
    t0 = time.perf_counter()
    judges = [Judge(args.model)] + ([Judge(args.baseline)] if args.baseline else [])
    cfg = judges[0].scorer.manifest.get("config", {})
    rows = _rows(
        data,
        int(cfg.get("seed", TrainConfig.seed)),
        float(cfg.get("calib_fraction", TrainConfig.calib_fraction)),
        float(cfg.get("test_fraction", TrainConfig.test_fraction)),
    )
    results = [measure(j, rows) for j in judges]
    print(f"# bench/wild.py ({time.perf_counter() - t0:.0f} s)")
    pct = "{:.1%}".format
    first = results[0]
    _table(
        "Innocent comments held for a toxicity reason / for the spam score",
        list(first["innocent"]),
        results,
        lambda r, k: (
            f"{pct(r['innocent'][k]['toxicity_held'])} / {pct(r['innocent'][k]['spam_held'])}"
            f" (n={r['innocent'][k]['n']})"
        ),
        "set",
    )
    _table(
        "Recall at the hold threshold (test splits; corpora never trained on: all rows)",
        list(first["recall"]),
        results,
        lambda r, k: (
            f"{r['recall'][k]['recall']:.3f} (n={r['recall'][k]['n']})" if k in r["recall"] else "-"
        ),
        "corpus head",
    )
    _table(
        "Minimal pairs: comments whose decision changes with the address or greeting only",
        ["flipped"],
        results,
        lambda r, k: f"{r['minimal_pairs']['flipped']} of {r['minimal_pairs']['groups']}",
        "",
    )
    cats = [
        f"{lang} {c}"
        for lang in ("fr", "en")
        for c in first["functional_hate"][lang]["per_category"]
    ]
    _table(
        "Functional hate tests (share decided right)",
        [f"{lang} {k}" for lang in ("fr", "en") for k in ("hateful_held", "non_hateful_accepted")]
        + cats,
        results,
        lambda r, k: pct(
            r["functional_hate"][k.split()[0]].get(k.split()[1])
            if k.split()[1] in ("hateful_held", "non_hateful_accepted")
            else r["functional_hate"][k.split()[0]]["per_category"][k.split()[1]]
        ),
        "language case",
    )
    if first["blog_spam"]:
        _table(
            "Blog spam (bench/data/blog_spam_eval.jsonl)",
            list(first["blog_spam"]),
            results,
            lambda r, k: pct(r["blog_spam"][k]),
            "",
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
