"""Speed of the shipped model against alt-profanity-check, measured in the same run.

    python bench/speed.py [--model models/default] [--n 3000]

Reports, for modkit (``Scorer.score``, ``Moderator.check``) and ``profanity_check.predict_prob``:
single-call latency p50/p99 on real comments, batch throughput on one core, load time, RSS after
load and model size. Comments come from ../shared/datasets when present, else from datasets/.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def comments(n: int) -> list[str]:
    from modkit._datasets import load_path, load_project

    shared = ROOT.parent / "shared" / "datasets"
    corpora = [load_project(ROOT / "datasets")]
    if shared.is_dir():
        for name in (
            "youtube_spam_collection",
            "jigsaw_toxic_first20k",
            "fr_toxicity_eistakovskii",
        ):
            if (shared / name).is_dir():
                corpora.extend(load_path(shared / name))
    texts = [r.text for c in corpora for r in c.rows]
    import random

    random.Random(7).shuffle(texts)
    return texts[:n]


def latency(fn, texts: list) -> tuple[float, float]:
    for t in texts[:50]:
        fn(t)
    times = []
    for t in texts:
        t0 = time.perf_counter()
        fn(t)
        times.append(time.perf_counter() - t0)
    times.sort()
    return times[len(times) // 2] * 1e3, times[int(len(times) * 0.99)] * 1e3


def throughput(fn, texts: list[str], batch: int = 1000) -> float:
    t0 = time.perf_counter()
    for i in range(0, len(texts), batch):
        fn(texts[i : i + batch])
    return len(texts) / (time.perf_counter() - t0)


_LOAD_SNIPPET = {
    "modkit": (
        "import time,resource,sys; sys.path.insert(0, {root!r}); t=time.perf_counter(); "
        "from modkit._model import Scorer; s=Scorer.load({model!r}); s.score('warm up'); "
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)"
    ),
    "alt-profanity-check": (
        "import time,resource; t=time.perf_counter(); import profanity_check; "
        "profanity_check.predict_prob(['warm up']); "
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)"
    ),
}


def load_in_fresh_process(which: str, model: str) -> tuple[float, float]:
    code = _LOAD_SNIPPET[which].format(root=str(ROOT), model=model)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, rss = out.stdout.split()
    return float(seconds), float(rss)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default=str(ROOT / "models" / "default"))
    ap.add_argument("--n", type=int, default=3000)
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    texts = comments(args.n)
    print(f"{len(texts)} real comments, mean {statistics.mean(map(len, texts)):.0f} chars")

    import modkit
    from modkit._model import Scorer

    scorer = Scorer.load(args.model)
    mod = modkit.Moderator(scorer=scorer)
    forms = [{"name": "Camille", "email": "camille@example.org", "text": t} for t in texts]
    rows: list[tuple[str, float, float, float, float, float, float]] = []

    size = sum(f.stat().st_size for f in Path(args.model).glob("model.joblib")) / 1e6
    load_s, rss = load_in_fresh_process("modkit", args.model)
    p50, p99 = latency(scorer.score, texts)
    tput = throughput(scorer.score_many, texts)
    rows.append(("modkit Scorer.score", p50, p99, tput, load_s, rss, size))
    c50, c99 = latency(lambda form: mod.check(form, record=False), forms)
    ctput = throughput(mod.check_many, forms)
    rows.append(("modkit Moderator.check", c50, c99, ctput, load_s, rss, size))
    gc.collect()

    try:
        import profanity_check
    except ImportError:
        print("alt-profanity-check not installed: pip install alt-profanity-check")
        profanity_check = None
    if profanity_check is not None:
        pc_size = (
            sum(f.stat().st_size for f in Path(profanity_check.__file__).parent.rglob("*.joblib"))
            / 1e6
        )
        pl, pr = load_in_fresh_process("alt-profanity-check", args.model)
        b50, b99 = latency(lambda t: profanity_check.predict_prob([t]), texts)
        btput = throughput(profanity_check.predict_prob, texts)
        rows.append(("alt-profanity-check predict_prob", b50, b99, btput, pl, pr, pc_size))

    print()
    print(
        "| what | p50 ms | p99 ms | batch comments/s (1 core) | load s | RSS after load MB "
        "| model MB |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, a, b, c, d, e, f in rows:
        print(f"| {name} | {a:.3f} | {b:.3f} | {c:,.0f} | {d:.2f} | {e:.0f} | {f:.1f} |")
    if profanity_check is not None:
        base = rows[-1]
        print(
            f"\nratios vs alt-profanity-check: single-call p50 {base[1] / rows[0][1]:.1f}x faster, "
            f"batch {rows[0][3] / base[3]:.2f}x the throughput"
        )
    print(
        f"peak RSS of this benchmark process: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
