"""Command line of training, shared by ``python train.py`` and ``modkit train``.

Exit codes: 0 the model was written; 2 bad input, or ``--out`` holds a model trained on corpora
this run lacks (nothing is trained then; ``--force`` replaces it anyway).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Collection, Sequence
from pathlib import Path

__all__ = ["add_arguments", "main", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the training options to ``parser``."""
    parser.add_argument(
        "--project-data",
        default="datasets",
        help="the project's own corpus folder (default: datasets)",
    )
    parser.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="PATH",
        help="more corpora: a folder of corpora, a corpus folder or a JSONL/CSV file (repeatable)",
    )
    parser.add_argument(
        "--feedback",
        action="append",
        default=[],
        metavar="DB",
        help="a modkit SQLite store whose moderator verdicts are folded into training (repeatable)",
    )
    parser.add_argument(
        "--out", default="models/default", help="output folder (default: models/default)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace the model in --out even if it was trained on corpora this run lacks",
    )
    parser.add_argument(
        "--include-restricted",
        action="store_true",
        help="also train on corpora whose licence forbids redistribution (non-commercial, no "
        "redistribution): for a site's own model, never for one you publish",
    )
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: fixed)")
    parser.add_argument("--version", default=None, help="model version (default: today's date)")
    parser.add_argument(
        "--refit",
        action="store_true",
        help="ship a model refitted on train + test (default: the measured model)",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="print what loads (rows, languages, positives per head, before and after "
        "deduplication) and stop without training",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress output")


def _trained_on(out: Path) -> list[tuple[str, int]] | None:
    """The (name, rows) of the corpora the model in ``out`` was trained on; None if ``out`` holds
    no readable modkit manifest. Raises nothing."""
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        corpora = manifest["corpora"]
        return [(str(c["name"]), int(c.get("rows", 0))) for c in corpora]
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _overwrite_refusal(out: Path, names: Collection[str] | None) -> str | None:
    """Why writing to ``out`` would silently lose a model; None when it is safe.

    ``names`` are the corpora of this run (None before they are loaded: then only the checks
    that need no corpus are made). The folder is replaced as a whole, so a folder that is not a
    model, or a model trained on a corpus this run lacks, is refused.
    """
    if not out.is_dir() or not any(out.iterdir()):
        return None
    old = _trained_on(out)
    if old is None:
        return f"{out} holds files but no readable manifest.json, and training replaces the folder"
    if names is None:
        return None
    missing = [(name, rows) for name, rows in old if name not in names]
    if not missing:
        return None
    listed = ", ".join(f"{name} ({rows:,} rows)" for name, rows in missing)
    total = sum(rows for _, rows in old)
    return (
        f"{out} holds a model trained on {len(old)} corpora ({total:,} rows); "
        f"this run lacks {len(missing)} of them: {listed}"
    )


def _refuse(reason: str, out: Path, *, corpora: bool) -> int:
    add = (
        "  --data PATH, --feedback DB   add the corpora it lacks (e.g. --data ../shared/datasets)\n"
        if corpora
        else ""
    )
    print(
        f"error: {reason}.\n"
        "Nothing was trained. Rerun the same command with one of:\n"
        "  --out models/mysite          write the new model to a folder of its own\n"
        f"{add}"
        f"  --force                      replace {out} anyway",
        file=sys.stderr,
    )
    return 2


def run(args: argparse.Namespace) -> int:
    """Train from parsed options; returns the exit code (0 ok, 2 bad input or a refused --out)."""
    from dataclasses import replace

    from modkit._datasets import load_path, load_project
    from modkit._training import TrainConfig, train, write_model

    start = time.perf_counter()

    def say(msg: str) -> None:
        if not args.quiet:
            print(f"[{time.perf_counter() - start:6.1f}s] {msg}", file=sys.stderr, flush=True)

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"error: --out {out}: a file, not a folder", file=sys.stderr)
        return 2
    force = getattr(args, "force", False)
    if not force and (reason := _overwrite_refusal(out, None)) is not None:
        return _refuse(reason, out, corpora=False)
    corpora = []
    project = Path(args.project_data)
    if project.is_dir() and any(project.glob("*.jsonl")):
        corpora.append(load_project(project))
        say(f"project corpus: {len(corpora[-1].rows):,} rows")
    for path in args.data:
        if not Path(path).exists():
            print(f"error: {path}: no such file or folder", file=sys.stderr)
            return 2
        for corpus in load_path(path):
            corpora.append(corpus)
            say(f"corpus {corpus.name}: {len(corpus.rows):,} rows ({', '.join(corpus.heads)})")
    for db in args.feedback:
        from modkit._datasets import load_feedback

        corpus = load_feedback(db)
        corpora.append(corpus)
        say(f"feedback {db}: {len(corpus.rows):,} verdicts")
    if not corpora:
        print("error: no training data (datasets/ is empty and no --data given)", file=sys.stderr)
        return 2
    if getattr(args, "summary", False):
        from modkit._datasets import dedupe
        from modkit._datasets.__main__ import summary

        print(summary(corpora))
        print("after deduplication:")
        print(summary(dedupe(corpora)))
        return 0
    names = {corpus.name for corpus in corpora}
    if not force and (reason := _overwrite_refusal(out, names)) is not None:
        return _refuse(reason, out, corpora=True)
    config = TrainConfig()
    if args.seed is not None:
        config = replace(config, seed=args.seed)
    if args.refit:
        config = replace(config, refit=True)
    if args.include_restricted:
        config = replace(config, redistributable_only=False)
    try:
        result = train(corpora, config, progress=say, version=args.version)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = write_model(result, args.out)
    say(f"wrote {out}/ (model.joblib, manifest.json, REPORT.md)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python train.py`` entry point."""
    parser = argparse.ArgumentParser(prog="train.py", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv))
