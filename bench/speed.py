"""Speed of modkit against alt-profanity-check on the same comments, in the same run.

    python bench/speed.py [--model DIR] [--n 20000] [--baseline CHECKOUT] [--json FILE]

Comments: a realistic mix of lengths (the project's datasets/ plus three shared corpora: YouTube
spam, Jigsaw, French toxicity), shuffled with a fixed seed. For modkit and for
``profanity_check.predict_prob``: batch throughput on one core (batches of 1,000), single-call
latency p50/p99, load time and RSS of a fresh process. Latency targets are judged on CPU time of
the calling thread (what a call costs); wall-clock percentiles are printed too (on a shared
machine they also count the time other processes held the core). For modkit also ``Moderator.check``
p50/p99 and ``check_many`` throughput, and the slowest worst case of ``bench/worst_cases.py``
(one ``check`` at the length limit, best of 3). ``--baseline`` measures another checkout (e.g.
main) on the same comments in the same run, so before/after figures are ratios of one run; each
checkout is measured in a fresh process of its own (with ``--model``, this tree in this process).
The machine's load average is printed before and after: on a shared machine, compare ratios, not
absolute figures.
Exits 0 when every speed target is met.
"""

from __future__ import annotations

import argparse
import json
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: before numpy is imported
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pickle
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: The speed targets.
TARGETS = {
    "score_many_per_s": 25_000.0,
    "ratio_to_apc": 0.4,
    "check_p50_ms": 0.3,
    "check_p99_ms": 1.0,
    "worst_case_ms": 20.0,
    "load_s": 0.5,
    "rss_mb": 250.0,
}
CORPORA = ("youtube_spam_collection", "jigsaw_toxic_first20k", "fr_toxicity_eistakovskii")


def shared_datasets() -> Path | None:
    """The shared corpora: $MODKIT_SHARED_DATASETS, or a ``shared/datasets`` above the tree."""
    env = os.environ.get("MODKIT_SHARED_DATASETS")
    candidates = [Path(env)] if env else []
    candidates += [p / "shared" / "datasets" for p in ROOT.parents]
    return next((p for p in candidates if p.is_dir()), None)


def comments(n: int) -> list[str]:
    """``n`` real comments of mixed length, shuffled with a fixed seed."""
    sys.path.insert(0, str(ROOT))
    from modkit._datasets import load_path, load_project

    corpora = [load_project(ROOT / "datasets")]
    shared = shared_datasets()
    if shared is not None:
        for name in CORPORA:
            if (shared / name).is_dir():
                corpora.extend(load_path(shared / name))
    texts = [r.text for c in corpora for r in c.rows if r.text.strip()]
    random.Random(7).shuffle(texts)
    return texts[:n]


def percentiles(
    fn: Callable[[Any], object],
    items: Sequence[Any],
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[float, float]:
    """p50 and p99 in milliseconds of one call per item (after a warm-up), by ``clock``."""
    for item in items[:50]:
        fn(item)
    times = []
    for item in items:
        start = clock()
        fn(item)
        times.append(clock() - start)
    times.sort()
    return times[len(times) // 2] * 1e3, times[int(len(times) * 0.99)] * 1e3


def latencies(fn: Callable[[Any], object], items: Sequence[Any]) -> dict[str, float]:
    """p50 and p99 of ``fn`` in CPU time of this thread and in wall-clock time, in ms.

    CPU time (``time.thread_time``) is what a call costs; on a shared machine the wall clock also
    counts the time other processes held the core, which dominates the p99 there.
    """
    cpu = percentiles(fn, items, time.thread_time)
    wall = percentiles(fn, items)
    return {"p50_ms": cpu[0], "p99_ms": cpu[1], "wall_p50_ms": wall[0], "wall_p99_ms": wall[1]}


def throughput(fn: Callable[[Any], object], items: Sequence[Any], batch: int = 1000) -> float:
    """Items per second, in batches, best of three passes (CPU time of this process)."""
    fn(items[:batch])
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for i in range(0, len(items), batch):
            fn(items[i : i + batch])
        best = min(best, time.process_time() - start)
    return len(items) / best


_LOAD = {
    "modkit": (
        "import sys,time,resource; sys.path.insert(0, {root!r}); t=time.perf_counter(); "
        "from modkit._model import Scorer; s=Scorer.load({model!r}); s.score('warm up'); "
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)"
    ),
    "apc": (
        "import time,resource; t=time.perf_counter(); import profanity_check; "
        "profanity_check.predict_prob(['warm up']); "
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)"
    ),
}


def load_in_fresh_process(which: str, root: Path, model: str) -> tuple[float, float]:
    """Seconds to import and load (and score once), and peak RSS in MB, best of three."""
    code = _LOAD[which].format(root=str(root), model=model)
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        seconds, rss = out.stdout.split()
        runs.append((float(seconds), float(rss)))
    return min(r[0] for r in runs), min(r[1] for r in runs)


def measure_modkit(root: Path, model: str, texts: list[str], worst: bool) -> dict[str, float]:
    """Every modkit figure, for the checkout at ``root``."""
    sys.path.insert(0, str(root))
    import modkit
    from modkit._model import Scorer

    scorer = Scorer.load(model)
    mod = modkit.Moderator(scorer=scorer, secret="bench-secret-0123456789abcdef")
    forms = [{"name": "Camille", "email": "camille@example.org", "text": t} for t in texts]
    out: dict[str, float] = {}
    out["score_many_per_s"] = throughput(scorer.score_many, texts)
    for key, value in latencies(scorer.score, texts[:5000]).items():
        out[f"score_{key}"] = value
    for key, value in latencies(lambda form: mod.check(form, record=False), forms[:5000]).items():
        out[f"check_{key}"] = value
    out["check_many_per_s"] = throughput(lambda b: mod.check_many(b, record=False), forms[:5000])
    out["load_s"], out["rss_mb"] = load_in_fresh_process("modkit", root, model)
    if worst:
        sys.path.insert(0, str(ROOT / "bench"))
        from worst_cases import form as worst_form
        from worst_cases import site_policy
        from worst_cases import worst_cases as cases

        site = modkit.Moderator(scorer=scorer, policy=site_policy(), secret="bench-secret-0123")
        slowest = 0.0
        for text in cases().values():
            data = worst_form(text)
            site.check(data, record=False)
            best = float("inf")
            for _ in range(3):  # best of 3, as bench/worst_cases.py: one run can catch a GC pass
                start = time.process_time()
                site.check(data, record=False)
                best = min(best, (time.process_time() - start) * 1e3)
            slowest = max(slowest, best)
        out["worst_case_ms"] = slowest
    return out


def measure_apc(texts: list[str]) -> dict[str, float] | None:
    """alt-profanity-check's figures on the same texts, or None when it is not installed."""
    try:
        import profanity_check
    except ImportError:
        return None
    out: dict[str, float] = {}
    out["score_many_per_s"] = throughput(profanity_check.predict_prob, texts)
    for key, value in latencies(lambda t: profanity_check.predict_prob([t]), texts[:5000]).items():
        out[f"score_{key}"] = value
    out["load_s"], out["rss_mb"] = load_in_fresh_process("apc", ROOT, "")
    return out


def baseline(checkout: Path, texts: list[str], worst: bool) -> dict[str, float]:
    """Run :func:`measure_modkit` for another checkout in a fresh process (same texts)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.pkl"
        path.write_bytes(pickle.dumps(texts))
        cmd = [sys.executable, __file__, "--measure-only", str(checkout), "--texts", str(path)]
        if not worst:
            cmd.append("--no-worst")
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="model folder (default: the checkout's models/default)")
    ap.add_argument("--n", type=int, default=20_000, help="comments (default 20,000)")
    ap.add_argument("--baseline", type=Path, help="another checkout to measure in the same run")
    ap.add_argument("--json", type=Path, help="also write every figure to this file")
    ap.add_argument("--no-worst", action="store_true", help="skip the worst cases")
    ap.add_argument("--measure-only", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.measure_only is not None:  # the baseline's process
        texts = pickle.loads(args.texts.read_bytes())
        model = str(args.measure_only / "models" / "default")
        print(json.dumps(measure_modkit(args.measure_only, model, texts, not args.no_worst)))
        return 0

    load_before = os.getloadavg()
    texts = comments(args.n)
    mean = statistics.mean(map(len, texts))
    median = statistics.median(map(len, texts))
    print(f"{len(texts):,} real comments, {mean:.0f} characters on average (median {median:.0f})")
    model = args.model or str(ROOT / "models" / "default")
    old = baseline(args.baseline, texts, not args.no_worst) if args.baseline else None
    if args.model is None:  # a fresh process too: this one holds every corpus (slower GC)
        new = baseline(ROOT, texts, not args.no_worst)
    else:
        new = measure_modkit(ROOT, model, texts, not args.no_worst)
    apc = measure_apc(texts)
    load_after = os.getloadavg()

    def cell(figures: dict[str, float] | None, key: str) -> str:
        if figures is None or key not in figures:
            return "-"
        value = figures[key]
        return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"

    rows = [
        ("score_many_per_s", "Scorer.score_many, comments/s (1 core)"),
        ("score_p50_ms", "Scorer.score p50, ms (CPU)"),
        ("score_p99_ms", "Scorer.score p99, ms (CPU)"),
        ("check_p50_ms", "Moderator.check p50, ms (CPU)"),
        ("check_p99_ms", "Moderator.check p99, ms (CPU)"),
        ("check_wall_p50_ms", "Moderator.check p50, ms (wall clock)"),
        ("check_wall_p99_ms", "Moderator.check p99, ms (wall clock)"),
        ("check_many_per_s", "Moderator.check_many, comments/s"),
        ("worst_case_ms", "slowest worst case, one check, ms"),
        ("load_s", "load time (import, load, first score), s"),
        ("rss_mb", "RSS after load, MB"),
    ]
    print()
    head = "| what | modkit (this tree) |"
    head += " baseline |" if old else ""
    head += " alt-profanity-check | target |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for key, label in rows:
        target = TARGETS.get(key)
        line = f"| {label} | {cell(new, key)} |"
        line += f" {cell(old, key)} |" if old else ""
        line += f" {cell(apc, key)} | {'-' if target is None else f'{target:g}'} |"
        print(line)
    met: dict[str, bool] = {
        "score_many_per_s": new["score_many_per_s"] >= TARGETS["score_many_per_s"],
        "check_p50_ms": new["check_p50_ms"] <= TARGETS["check_p50_ms"],
        "check_p99_ms": new["check_p99_ms"] <= TARGETS["check_p99_ms"],
        "load_s": new["load_s"] <= TARGETS["load_s"],
        "rss_mb": new["rss_mb"] <= TARGETS["rss_mb"],
    }
    if "worst_case_ms" in new:
        met["worst_case_ms"] = new["worst_case_ms"] <= TARGETS["worst_case_ms"]
    print()
    if apc is not None:
        ratio = new["score_many_per_s"] / apc["score_many_per_s"]
        met["ratio_to_apc"] = ratio >= TARGETS["ratio_to_apc"]
        print(f"score_many / predict_prob throughput: {ratio:.2f} (target >= 0.4)")
    if old is not None:
        for key, label in rows:
            if key in old and key in new and old[key]:
                better = new[key] / old[key] if key.endswith("per_s") else old[key] / new[key]
                print(f"  {label}: {better:.2f}x the baseline")
    print(
        "machine load average (1, 5, 15 min): before "
        + ", ".join(f"{x:.1f}" for x in load_before)
        + "; after "
        + ", ".join(f"{x:.1f}" for x in load_after)
        + f"; {os.cpu_count()} CPUs"
    )
    for key, ok in met.items():
        print(f"target {key}: {'met' if ok else 'NOT met'}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MB")
    if args.json:
        args.json.write_text(
            json.dumps(
                {"modkit": new, "baseline": old, "apc": apc, "met": met, "load": load_after},
                indent=2,
            )
            + "\n"
        )
    return 0 if all(met.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
