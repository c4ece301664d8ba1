"""Time ``Moderator(rules_only=True).check`` on typical comments, against baselines run alongside.

Prints p50/p99 latency (µs) and comments/s for:
- ``email_validator.validate_email`` alone (the floor any validating check pays),
- ``modkit.validate`` alone,
- ``Moderator(rules_only=True).check`` with a MemoryStore (recording every comment),
- the same with a SQLiteStore in a temporary folder (WAL, one write per comment),
and the ratios of the checks to the baselines. Run: ``python bench/check_rules.py [--n 5000]``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import email_validator

import modkit

COMMENTS = [
    "Merci pour cet article très clair, j'ai enfin compris la réforme des retraites.",
    "Je ne suis pas d'accord avec l'auteur : les chiffres cités datent de 2019 et la situation "
    "a beaucoup changé depuis. Il faudrait au moins mentionner l'étude de l'INSEE parue en mars.",
    "Great write-up, thanks! The part about the new bus lines was especially useful for us.",
    "Encore un article à charge... On attend toujours la réponse du maire sur le budget.",
    "Source : https://www.insee.fr/fr/statistiques (tableau 3). Bonne journée à tous !",
    "I live two streets away and can confirm the works started last Monday. Noisy but needed.",
    "Bravo à l'équipe de la bibliothèque 👏 Mes enfants adorent les ateliers du mercredi.",
    "Quelqu'un sait si la piscine rouvre cet été ? Le site de la mairie ne dit rien.",
    "Totally agree with the previous comment. Parking downtown has become impossible.",
    "Article intéressant mais un peu court. Un lien vers le rapport complet aurait été utile.\n\n"
    "Par ailleurs, la photo ne correspond pas au quartier dont il est question.",
]
NAMES = ["Camille", "Jean D.", "Sophie Martin", "Alex", "Marie-Claire", "Tom", "Ines B."]


def forms(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        out.append(
            {
                "name": rng.choice(NAMES),
                "email": f"reader{i}@example.org",
                "url": rng.choice([None, "https://blog.example.org/"]),
                "text": rng.choice(COMMENTS),
                "ip": f"192.0.2.{i % 250}",
                "user_agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Firefox/128.0",
                "post_id": str(rng.randint(1, 50)),
                "lang": rng.choice(["fr", "en"]),
            }
        )
    return [{k: v for k, v in f.items() if v is not None} for f in out]


def measure(fn: Callable[[dict[str, Any]], object], items: Sequence[dict[str, Any]]) -> list[float]:
    for item in items[:200]:  # warm-up
        fn(item)
    times = []
    clock = time.perf_counter_ns
    for item in items:
        t = clock()
        fn(item)
        times.append((clock() - t) / 1000)
    return times


def summary(name: str, times: list[float]) -> dict[str, float]:
    q = statistics.quantiles(times, n=100)
    row = {"p50": q[49], "p99": q[98], "per_s": 1e6 / statistics.fmean(times)}
    print(
        f"{name:<44} p50 {row['p50']:8.1f} µs   p99 {row['p99']:8.1f} µs   {row['per_s']:>9,.0f}/s"
    )
    return row


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="comments per measurement")
    args = parser.parse_args(argv)
    items = forms(args.n)
    secret = "bench-secret-0123456789abcdef"
    policy = modkit.Policy(
        moderation_words=["promo", "gratuit", "free money"],
        blocked_words=["casino", "viagra", "crypto"],
    )

    print(f"modkit {modkit.__version__}, Python {sys.version.split()[0]}, {args.n} comments")
    print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    ev = summary(
        "email_validator.validate_email (baseline)",
        measure(
            lambda f: email_validator.validate_email(f["email"], check_deliverability=False), items
        ),
    )
    val = summary("modkit.validate (baseline)", measure(modkit.validate, items))
    mem_mod = modkit.Moderator(rules_only=True, secret=secret, policy=policy)
    mem = summary("Moderator(rules_only).check, MemoryStore", measure(mem_mod.check, items))
    with tempfile.TemporaryDirectory() as tmp:
        store = modkit.SQLiteStore(Path(tmp) / "bench.db")
        with modkit.Moderator(rules_only=True, secret=secret, policy=policy, store=store) as mod:
            sql = summary("Moderator(rules_only).check, SQLiteStore", measure(mod.check, items))

    print()
    for name, row in (("MemoryStore", mem), ("SQLiteStore", sql)):
        print(
            f"check ({name}) / email_validator: p50 x{row['p50'] / ev['p50']:.1f}; "
            f"check ({name}) / validate: p50 x{row['p50'] / val['p50']:.1f}"
        )
    verdict = "well under" if mem["p50"] < 500 else "NOT under"
    print(
        f"\nrules-only check, MemoryStore: p50 {mem['p50']:.0f} µs ({verdict} a millisecond); "
        f"p99 {mem['p99']:.0f} µs"
    )
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
