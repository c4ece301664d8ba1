"""Command line of training, shared by ``python train.py`` and ``modkit train``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
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
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: fixed)")
    parser.add_argument("--version", default=None, help="model version (default: today's date)")
    parser.add_argument(
        "--refit",
        action="store_true",
        help="ship a model refitted on train + test (default: the measured model)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress output")


def run(args: argparse.Namespace) -> int:
    """Train from parsed options; returns the exit code (0 ok, 2 bad input)."""
    from dataclasses import replace

    from modkit._datasets import load_path, load_project
    from modkit._training import TrainConfig, train, write_model

    start = time.perf_counter()

    def say(msg: str) -> None:
        if not args.quiet:
            print(f"[{time.perf_counter() - start:6.1f}s] {msg}", file=sys.stderr, flush=True)

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
    config = TrainConfig()
    if args.seed is not None:
        config = replace(config, seed=args.seed)
    if args.refit:
        config = replace(config, refit=True)
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
