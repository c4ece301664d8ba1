"""Benchmark of ``modkit score``: throughput and peak memory for 1 and 2 jobs, with a baseline.

Generates a CSV export of ``--rows`` comments (default 200,000) whose texts are drawn from real
corpora (the shared datasets when present, else the project's ``datasets/*.jsonl``), with
synthetic ids, authors, emails and IPs, and writes it under a temporary folder in /tmp (never in
the repository). Then, in the same run:

* ``modkit score`` end to end (reading, validating, scoring, deciding, writing CSV), once per value
  of ``--jobs``, in a subprocess whose process tree is sampled for RSS (psutil);
* the baseline ``alt-profanity-check`` (``profanity_check.predict_prob``) on the same texts, in
  this process, texts already in memory (no parsing, no writing, no decision).

With ``--compare DIR`` (another source tree of modkit, e.g. an older commit unpacked with
``git archive``), every ``modkit score`` run is also made with that tree, alternating with this one
so that both see the same load, and the ratios this/other are printed.

Prints a table and the ratios. Examples::

    python bench/batch.py                      # 200,000 rows, jobs 1 and 2, default model
    python bench/batch.py --rows 20000 --rules-only --no-baseline
    git archive v0.1.0 | tar -x -C /tmp/modkit-old
    python bench/batch.py --rows 20000 --compare /tmp/modkit-old --no-baseline
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "datasets"
# Comment-like corpora of the shared datasets (blog, video and forum comments, fr and en).
CORPORA = (
    "jigsaw_toxic_first20k",
    "youtube_spam_collection",
    "youtube_spam_casagrande_2014",
    "datacamp_blog_comment_spam",
    "fr_toxicity_eistakovskii",
    "toxifrench_agreement_sample",
    "instagram_comment_scam_scamspot",
)


def load_texts(shared: Path = SHARED) -> tuple[list[tuple[str, bool]], str]:
    """``[(text, is_spam_or_toxic)]`` and a description of where they came from."""
    sys.path.insert(0, str(ROOT))
    from modkit._datasets import LOADERS, load_project

    texts: list[tuple[str, bool]] = []
    used: list[str] = []
    if shared.is_dir():
        for name in CORPORA:
            folder = shared / name
            if name not in LOADERS or not folder.is_dir():
                continue
            try:
                corpus = LOADERS[name](folder)
            except (OSError, ValueError) as exc:
                print(f"  (skipped {name}: {exc})", file=sys.stderr)
                continue
            texts.extend((r.text, any(r.labels.values())) for r in corpus.rows)
            used.append(f"{name} ({len(corpus.rows):,})")
    if not texts:
        corpus = load_project(ROOT / "datasets")
        texts = [(r.text, any(r.labels.values())) for r in corpus.rows]
        used.append(f"datasets/*.jsonl ({len(texts):,})")
    seen: set[str] = set()
    unique = [(t, bad) for t, bad in texts if not (t in seen or seen.add(t))]  # type: ignore[func-returns-value]
    return unique, ", ".join(used)


def write_export(path: Path, texts: list[tuple[str, bool]], rows: int, seed: int) -> None:
    rng = random.Random(seed)
    names = ["Claire", "Bob", "Zoé", "Ahmed", "Lena", "Kwame", "Mei", "Olga", "Raj", "Inès"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["id", "post_id", "author", "email", "url", "ip", "date", "comment", "status"])
        for i in range(rows):
            text, bad = texts[rng.randrange(len(texts))]
            name = f"{rng.choice(names)}{i % 997}"
            out.writerow(
                [
                    i + 1,
                    f"post-{i % 1000}",
                    name,
                    f"{name.lower()}@example.org",
                    "" if i % 4 else f"https://{name.lower()}.example.net",
                    f"198.51.100.{i % 250}",
                    f"2024-0{1 + i % 9}-1{i % 10} 12:00:00",
                    text,
                    "spam" if bad else "1",
                ]
            )


class TreeSampler(threading.Thread):
    """Samples the RSS of a process and its children (sum and largest) until it ends."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        import psutil

        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak_total = 0
        self.peak_single = 0
        self.max_procs = 0
        self.parent_cpu = 0.0
        self.stop = threading.Event()

    def run(self) -> None:
        import psutil

        while not self.stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                rss = []
                for p in procs:
                    with contextlib.suppress(psutil.Error):
                        rss.append(p.memory_info().rss)
            except psutil.Error:
                return
            with contextlib.suppress(psutil.Error):
                times = self.proc.cpu_times()
                self.parent_cpu = times.user + times.system
            if rss:
                self.peak_total = max(self.peak_total, sum(rss))
                self.peak_single = max(self.peak_single, *rss)
                self.max_procs = max(self.max_procs, len(rss))
            self.stop.wait(self.interval)


def tree_env(tree: Path) -> dict[str, str]:
    """The environment that makes ``python -m modkit...`` import modkit from ``tree``."""
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tree), os.environ.get("PYTHONPATH", "")]),
        "PYTHONDONTWRITEBYTECODE": "1",  # leave the other tree as it is
    }


def imported_from(env: dict[str, str], cwd: Path) -> Path:
    """The folder modkit is imported from under ``env``."""
    out = subprocess.run(
        [sys.executable, "-c", "import modkit; print(modkit.__file__)"],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip()).resolve().parent.parent


def run_score(
    source: Path, out: Path, jobs: int, extra: list[str], env: dict[str, str]
) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "modkit._batch_cli", str(source), "-o", str(out)]
    cmd += ["--jobs", str(jobs), "--summary", "json", "--progress", "never", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, cwd=out.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    sampler = TreeSampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    sampler.stop.set()
    sampler.join()
    if proc.returncode not in (0, 3):
        raise SystemExit(f"modkit score failed ({proc.returncode}): {err.decode()[-2000:]}")
    summary = json.loads(err.decode().strip().splitlines()[-1])
    return {
        "seconds": seconds,
        "rows": summary["rows_written"],
        "rows_read": summary["rows_read"],
        "actions": summary["actions"],
        "peak_total": sampler.peak_total,
        "peak_single": sampler.peak_single,
        "procs": sampler.max_procs,
        "cpu": cpu,
        "parent_cpu": sampler.parent_cpu,
    }


def run_baseline(texts: list[str]) -> dict[str, Any] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from profanity_check import predict_prob
    except ImportError:
        print("  (alt-profanity-check not installed: pip install alt-profanity-check)")
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        predict_prob(texts[:10])  # loads its model
        start = time.perf_counter()
        cpu0 = time.process_time()
        for i in range(0, len(texts), 10_000):
            predict_prob(texts[i : i + 10_000])
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"seconds": seconds, "rows": len(texts), "peak_single": peak, "cpu": cpu}


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=200_000, help="comments to generate")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values")
    parser.add_argument("--chunk-size", type=int, default=512)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--model", help="model folder (default: the shipped model)")
    parser.add_argument("--rules-only", action="store_true", help="score without a model")
    parser.add_argument("--no-baseline", dest="baseline", action="store_false")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument(
        "--datasets", type=Path, default=SHARED, help=f"shared corpora folder (default {SHARED})"
    )
    parser.add_argument(
        "--compare", type=Path, metavar="DIR", help="also run modkit from this source tree"
    )
    args = parser.parse_args(argv)

    extra = ["--chunk-size", str(args.chunk_size)]
    has_model = (ROOT / "models" / "default" / "manifest.json").is_file()
    if args.rules_only or (args.model is None and not has_model):
        if not args.rules_only:
            print("no model in models/default: scoring with --rules-only")
        extra.append("--rules-only")
        mode = "rules only"
    elif args.model:
        extra += ["--model", args.model]
        mode = f"model {args.model}"
    else:
        mode = "default model"

    print("loading texts...")
    texts, origin = load_texts(args.datasets)
    print(f"  {len(texts):,} unique texts from {origin}")
    work = Path(tempfile.mkdtemp(prefix="modkit-bench-batch-", dir="/tmp"))
    source = work / "comments.csv"
    t0 = time.perf_counter()
    write_export(source, texts, args.rows, args.seed)
    size = source.stat().st_size
    print(
        f"  wrote {args.rows:,} rows ({size / 2**20:,.1f} MiB) in {time.perf_counter() - t0:.1f}s"
    )

    trees = [("", ROOT)]
    if args.compare is not None:
        trees.append((" (other)", args.compare.resolve()))
    envs = {}
    for suffix, tree in trees:
        envs[suffix] = tree_env(tree)
        found = imported_from(envs[suffix], work)
        if found != tree:
            raise SystemExit(f"modkit imported from {found}, not {tree}")
        print(f"  modkit{suffix}: {tree}")
    cores = os.cpu_count() or 1
    results: list[tuple[str, dict[str, Any], int]] = []
    try:
        for jobs in args.jobs:
            for suffix, _tree in trees:  # alternate: both trees see the same load
                print(f"modkit score --jobs {jobs}{suffix} ({mode})...")
                out = work / f"out-{jobs}{suffix.strip(' ()')}.csv"
                res = run_score(source, out, jobs, extra, envs[suffix])
                if res["rows"] != args.rows or res["rows_read"] != args.rows:
                    raise SystemExit(f"row count mismatch: {res}")
                results.append((f"modkit score --jobs {jobs}{suffix}", res, min(jobs, cores)))
            if args.compare is not None:
                same = (work / f"out-{jobs}.csv").read_bytes() == (
                    work / f"out-{jobs}other.csv"
                ).read_bytes()
                print(f"  same output as the other tree: {'yes' if same else 'NO'}")
        if args.baseline:
            rng = random.Random(args.seed)
            sample = [texts[rng.randrange(len(texts))][0] for _ in range(args.rows)]
            print("alt-profanity-check predict_prob (texts in memory)...")
            base = run_baseline(sample)
            if base is not None:
                results.append(("alt-profanity-check", base, 1))
    finally:
        if args.keep:
            print(f"files kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"{args.rows:,} comments, {cores} cores, {mode}, chunk size {args.chunk_size}")
    head = (
        f"{'path':<34}{'seconds':>9}{'rows/s':>10}{'CPU s':>8}{'rows/CPU-s':>12}"
        f"{'parent CPU':>12}{'peak RSS':>11}{'largest':>10}"
    )
    print(head)
    print("-" * len(head))
    for label, res, _used in results:
        rate = res["rows"] / res["seconds"]
        total = mib(res["peak_total"]) if "peak_total" in res else "-"
        parent = f"{res['parent_cpu']:.1f}" if "parent_cpu" in res else "-"
        print(
            f"{label:<34}{res['seconds']:>9.1f}{rate:>10,.0f}{res['cpu']:>8.1f}"
            f"{res['rows'] / res['cpu']:>12,.0f}{parent:>12}{total:>11}"
            f"{mib(res['peak_single']):>10}"
        )
    print(
        "rows/CPU-s: rows per second of CPU time of the whole process tree (a per-core rate that "
        "other load on the machine disturbs less than wall time); parent CPU: the reading and "
        "writing process alone."
    )
    rates = {label: res["rows"] / res["seconds"] for label, res, _ in results}
    one, two = rates.get("modkit score --jobs 1"), rates.get("modkit score --jobs 2")
    if one and two:
        print(f"speed-up with 2 jobs: x{two / one:.2f}")
    cpu_rates = {label: res["rows"] / res["cpu"] for label, res, _ in results}
    for jobs in args.jobs if args.compare is not None else ():
        this, other = f"modkit score --jobs {jobs}", f"modkit score --jobs {jobs} (other)"
        print(
            f"--jobs {jobs}, this tree / the other: rows/s x{rates[this] / rates[other]:.2f}, "
            f"rows per CPU-second x{cpu_rates[this] / cpu_rates[other]:.2f}"
        )
    base_rate = rates.get("alt-profanity-check")
    if base_rate and one:
        print(
            f"modkit --jobs 1 / alt-profanity-check: x{one / base_rate:.2f} "
            "(modkit end to end vs the baseline's prediction alone)"
        )
    if results:
        actions = results[0][1].get("actions")
        if actions:
            print("actions (jobs 1):", ", ".join(f"{k} {v:,}" for k, v in actions.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
