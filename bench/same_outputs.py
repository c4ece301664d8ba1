"""Outputs of this tree against another checkout: normalised texts, links, folds, scores, checks.

    python bench/same_outputs.py --baseline /work/main [--n 60000]

Real comments from the shared corpora (shuffled with a fixed seed) plus every text of
``bench/worst_cases.py``, read by both trees, each in a fresh process. Compared: ``normalize_text``,
``fold``, ``normalize`` (text and offsets), ``fold_map``, ``analyse``, ``find_links``, ``score`` and
``score_many`` (scores within 1e-9), and ``Moderator.check`` and ``check_many`` decisions (action,
reasons with their evidence, scores within 1e-9) under two policies with word lists. Speed work
must leave every one unchanged. Exits 0 when nothing differs.
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
TOLERANCE = 1e-9
EMAILS = ("camille@example.org", "Bad..email@x", "jean.dupont@gmail.com", "x@y", "ÉLO@exämple.fr")


def texts(n: int) -> tuple[list[str], list[str]]:
    """``n`` shared comments and the worst cases."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from speed import shared_datasets
    from worst_cases import worst_cases

    from modkit._datasets import load_path

    shared = shared_datasets()
    if shared is None:
        raise SystemExit("no shared corpora (set MODKIT_SHARED_DATASETS)")
    found = [r.text for c in load_path(shared) for r in c.rows if r.text]
    random.Random(11).shuffle(found)
    return found[:n], list(worst_cases().values())


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def outputs(root: Path, comments: list[str], worst: list[str]) -> dict[str, list[Any]]:
    """Every output compared, for the checkout at ``root`` (run in a process of its own)."""
    sys.path.insert(0, str(root))
    sys.path.insert(0, str(root / "bench"))
    from worst_cases import form, site_policy

    import modkit
    from modkit._model import Scorer
    from modkit._text import analyse, find_links, fold, fold_map, normalize, normalize_text

    every = comments + worst
    few = comments[:8000] + worst
    out: dict[str, list[Any]] = {
        "normalize_text": [normalize_text(t) for t in every],
        "fold": [fold(t) for t in every],
        "normalize": [(n.text, n.offsets) for n in map(normalize, few)],
        "fold_map": [fold_map(t).offsets for t in few],
        "analyse": [(a.text, a.links) for a in map(analyse, few)],
        "find_links": [find_links(t) for t in few],
    }
    scorer = Scorer.load(root / "models" / "default")
    out["score_many"] = [
        s for i in range(0, len(every), 1000) for s in scorer.score_many(every[i : i + 1000])
    ]
    out["score"] = [scorer.score(t) for t in comments[:5000] + worst]

    def decided(result: Any) -> Any:
        if isinstance(result, modkit.ValidationError):
            return ("invalid", [(e.field, e.code) for e in result.errors])
        return (
            result.action.value,
            dict(result.scores),
            _plain([r.to_dict() for r in result.reasons]),
        )

    def check(mod: modkit.Moderator, data: dict[str, Any]) -> Any:
        try:
            return decided(mod.check(data, record=False))
        except modkit.ValidationError as exc:
            return decided(exc)

    forms = [form(t) for t in comments[:6000] + worst]
    for i, data in enumerate(forms):
        data["email"] = EMAILS[i % len(EMAILS)]
    clock = datetime(2026, 12, 3, tzinfo=UTC)
    site = modkit.Moderator(scorer=scorer, policy=site_policy(), secret="s" * 32, now=lambda: clock)
    out["check"] = [check(site, data) for data in forms]
    out["check_many"] = [
        decided(d)
        for i in range(0, len(forms), 500)
        for d in site.check_many(forms[i : i + 500], record=False)
    ]
    words = modkit.Policy(
        moderation_words=["the", "merci", "free money", "click here", "c'est", "203.0.113."],
        blocked_words=["idiot", "con", "stupid", "fuck", "check out", "subscribe"],
        max_links=1,
    )
    listed = modkit.Moderator(scorer=scorer, policy=words, secret="s" * 32, now=lambda: clock)
    out["check_words"] = [check(listed, data) for data in forms[:4000] + forms[-len(worst) :]]
    return out


def same(key: str, a: Any, b: Any) -> bool:
    """Whether two outputs agree (scores within :data:`TOLERANCE`)."""
    if key.startswith("score"):
        return bool(a.keys() == b.keys() and all(abs(a[h] - b[h]) <= TOLERANCE for h in a))
    if key.startswith("check") and a[0] != "invalid" and b[0] != "invalid":
        return bool(a[0] == b[0] and a[2] == b[2] and same("score", a[1], b[1]))
    return bool(a == b)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", type=Path, required=True, help="the checkout to compare with")
    ap.add_argument("--n", type=int, default=60_000, help="shared comments (default 60,000)")
    ap.add_argument("--measure-only", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--io", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure_only is not None:  # a tree's own process
        comments, worst = pickle.loads(args.io.read_bytes())
        args.io.write_bytes(pickle.dumps(outputs(args.measure_only, comments, worst)))
        return 0
    comments, worst = texts(args.n)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for root in (args.baseline, ROOT):
            io = Path(tmp) / "io.pkl"
            io.write_bytes(pickle.dumps((comments, worst)))
            cmd = [sys.executable, __file__, "--baseline", str(root), "--measure-only", str(root)]
            subprocess.run([*cmd, "--io", str(io)], check=True)
            results.append(pickle.loads(io.read_bytes()))
    old, new = results
    print(f"{len(comments):,} shared comments and {len(worst)} worst cases")
    total = 0
    for key, values in old.items():
        diffs = [
            i for i, (a, b) in enumerate(zip(values, new[key], strict=True)) if not same(key, a, b)
        ]
        total += len(diffs)
        print(
            f"{key:16}{len(values):8,} compared, {len(diffs)} differ"
            + (f" (first: {diffs[0]})" if diffs else "")
        )
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
