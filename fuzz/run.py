"""Run modkit's coverage-guided fuzz targets (atheris), one after the other.

    python fuzz/run.py --seconds 120                 # every target, 120 s each
    python fuzz/run.py --seconds 600 --targets text  # one target
    python fuzz/run.py --list

Each target starts from its seeds in ``fuzz/corpus/<target>/`` and keeps what it learns in
``fuzz/work/corpus/<target>/`` (not committed); a crash is written to
``fuzz/work/crashes/<target>-crash-*`` and reproduced with ``python fuzz/fuzz_<target>.py FILE``.
Targets run one at a time (one core each). Prints, per target, the executions, the coverage, and
the crashes; exits 1 when any target found one. Needs ``pip install atheris``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = ("text", "validate", "csv", "jsonl", "wxr", "disqus", "auto")
_STAT = re.compile(r"stat::(\w+):\s*(\d+)")
_COV = re.compile(r"cov: (\d+) ft: (\d+)")


def run_target(name: str, seconds: int, *, max_len: int, rss_mb: int) -> dict[str, object]:
    """Run one target for ``seconds``; return its figures."""
    work = HERE / "work" / "corpus" / name
    crashes = HERE / "work" / "crashes"
    work.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(parents=True, exist_ok=True)
    before = set(crashes.glob(f"{name}-*"))
    cmd = [
        sys.executable,
        str(HERE / f"fuzz_{name}.py"),
        f"-max_total_time={seconds}",
        f"-max_len={max_len}",
        f"-rss_limit_mb={rss_mb}",
        "-timeout=10",
        "-print_final_stats=1",
        f"-artifact_prefix={crashes}/{name}-",
        str(work),
        str(HERE / "corpus" / name),
    ]
    started = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", check=False)  # noqa: S603
    elapsed = time.monotonic() - started
    log = proc.stderr + proc.stdout
    (HERE / "work" / f"{name}.log").write_text(log)
    stats = {k: int(v) for k, v in _STAT.findall(log)}
    cov = _COV.findall(log)
    found = sorted(str(p) for p in set(crashes.glob(f"{name}-*")) - before)
    return {
        "target": name,
        "seconds": round(elapsed, 1),
        "executions": stats.get("number_of_executed_units", 0),
        "exec_per_s": round(stats.get("number_of_executed_units", 0) / max(elapsed, 1e-9)),
        "coverage": int(cov[-1][0]) if cov else 0,
        "features": int(cov[-1][1]) if cov else 0,
        "corpus": len(list(work.iterdir())),
        "exit": proc.returncode,
        "crashes": found,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="time per target (default 60)")
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated names")
    parser.add_argument("--max-len", type=int, default=8192, help="largest input in bytes")
    parser.add_argument("--rss-mb", type=int, default=2048, help="memory limit per target")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    args = parser.parse_args(argv)
    if args.list:
        sys.stdout.write("\n".join(TARGETS) + "\n")
        return 0
    names = [t.strip() for t in args.targets.split(",") if t.strip()]
    unknown = sorted(set(names) - set(TARGETS))
    if unknown:
        parser.error(f"unknown target(s): {', '.join(unknown)}")
    results = []
    for name in names:
        sys.stdout.write(f"== {name}: {args.seconds} s\n")
        sys.stdout.flush()
        result = run_target(name, args.seconds, max_len=args.max_len, rss_mb=args.rss_mb)
        results.append(result)
        sys.stdout.write(
            f"   {result['executions']:,} executions ({result['exec_per_s']:,}/s), "
            f"coverage {result['coverage']}, corpus {result['corpus']}, "
            f"crashes {len(result['crashes'])}, exit {result['exit']}\n"  # type: ignore[arg-type]
        )
        for crash in result["crashes"]:  # type: ignore[attr-defined]
            sys.stdout.write(f"   crash: {crash}\n")
    total = sum(int(r["executions"]) for r in results)  # type: ignore[call-overload]
    sys.stdout.write(f"== total: {total:,} executions in {len(results)} target(s)\n")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    failed = any(r["crashes"] or r["exit"] not in (0,) for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
