"""Bounded work: Moderator.check and normalize_text on hostile texts at the length limit.

Usage: python bench/worst_cases.py [--repeat N] [--no-model] [--json FILE]

Every worst case is a comment text of exactly 65,525 characters (the limit, ``LIMITS["text"]``)
built from the worst pattern found for a regex or a rule: thousands of URLs and emails, one
repeated character, alternating letters and separators, nested and unclosed markup, combining-mark
storms, bidi overrides, l33t and masked words, BBCode. For each, the table gives in milliseconds
``normalize_text``, ``Moderator.check`` rules-only and ``Moderator.check`` with the shipped model
(``record=False``, a policy with word lists), and the ratio of the model check to a typical
comment's in the same run. Target: every check within 20 ms.

Then over-limit input: a 10 MB text (str and bytes), a text just under the point where validation
gives up before cleaning (4 x the limit + 1,024 characters), 10 MB in every other field: each must
be refused (``too_long`` or ``invalid``) within a few milliseconds, before any normalisation or
scoring.

Figures are the best of ``--repeat`` runs in CPU time of this process (``time.process_time``), so
that other processes on a shared machine add little.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from modkit import MemoryStore, Moderator, Policy, ValidationError
from modkit._submission import LIMITS
from modkit._text import normalize_text

SIZE = LIMITS["text"]  # 65,525
TARGET_MS = 20.0
SECRET = "bench-secret-0123456789abcdef"

TYPICAL = (
    "Merci pour cet article très clair. J'habite à côté et je confirme : les travaux ont duré "
    "plus longtemps que prévu, mais le résultat est plutôt réussi. Dommage pour le parking, "
    "il manque toujours une vingtaine de places le samedi matin."
)


def fill(unit: str, size: int = SIZE) -> str:
    """``unit`` repeated and cut to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def distinct(template: str, count: int, size: int = SIZE) -> str:
    """``count`` copies of ``template`` with distinct two-letter names, filled to ``size``."""
    names = ("".join(p) for p in itertools.product(string.ascii_lowercase, repeat=3))
    body = "".join(template.format(n) for n, _ in zip(names, range(count), strict=False))
    return fill(body, size)


def worst_cases(size: int = SIZE) -> dict[str, str]:
    """The hostile texts, each exactly ``size`` characters long, by name."""
    return {
        "10,000 bare URLs": distinct("{}.ru ", 10_000, size),
        "URLs with scheme and path": distinct("http://{}.io/p?q=1 ", 4_000, size),
        "obfuscated URLs (www . x . com)": distinct("www . {} . com ", 4_000, size),
        "URLs glued (no spaces)": distinct("http://{}.io", 6_000, size),
        "one repeated letter": "a" * size,
        "one repeated dot": "." * size,
        "one repeated emoji": "😀" * size,
        "one repeated newline": "x" + "\n" * (size - 2) + "x",
        "alternating letters, spaces": fill("a b ", size),
        "alternating letters, dots": fill("a.", size),
        "alternating letters, stars": fill("f*", size),
        "nested markup <a><a>...": fill("<a>", size),
        "unclosed <a href=...": fill('<a href="http://x.ru/', size),
        "nested markup <b><i><u>": fill("<b><i><u>", size),
        "thousands of emails": distinct("{}@b.fr ", 9_000, size),
        "obfuscated emails": distinct("{} [at] gmail [dot] com ", 3_000, size),
        "unbalanced brackets [at] (": fill("a [at] ( [ < { ", size),
        "combining-mark storm": fill("e" + "\u0301" * 60, size),
        "zalgo words": fill("z\u0337\u0322a\u0334l\u0336g\u0338o\u0335 ", size),
        "RTL overrides": fill("\u202eevil\u202c\u2067x\u2069 ", size),
        "zero-width between letters": fill("c\u200bo\u200dn\u200cn\ufeffa", size),
        "long l33t run (one word)": fill("c0nn4rd", size),
        "l33t words": fill("c0nn4rd ", size),
        "masked words": fill("f**k ", size),
        "spaced letters run": fill("c o n n a r d ", size),
        "huge BBCode [url]": distinct("[url=http://{}.ru]x[/url]", 3_000, size),
        "unclosed BBCode [url": fill("[url=http://a.ru ", size),
        "phone numbers": fill("06 12 34 56 78 ", size),
        "digits and separators": fill("1 2-3.4 ", size),
        "Cyrillic lookalikes in Latin": fill("cоnnаrd ", size),
        "mixed scripts": fill("Привет мир 你好 مرحبا שלום λογος ", size),
        "mixed Latin/Cyrillic words": distinct("c{0}оnnаrd привет{0} ", 3_000, size),
        "3,000 distinct URLs": distinct("http://{}.io/p ", 3_000, size),
        "9,000 distinct words": distinct("mot{} ", 9_000, size),
        "repeated letters (connaaaard)": fill("connaaaaaaaaaard ", size),
    }


def site_policy() -> Policy:
    """A policy with word lists (words, phrases, an IP prefix) so the matchers run too."""
    words = [f"mot{i}" for i in range(200)] + ["casino", "viagra", "free money", "203.0.113."]
    return Policy(moderation_words=words[: len(words) // 2], blocked_words=words[len(words) // 2 :])


def form(text: str) -> dict[str, Any]:
    """A complete comment form around ``text``."""
    return {
        "name": "Camille",
        "email": "camille@example.org",
        "url": "https://camille.example.net/blog",
        "ip": "198.51.100.7",
        "text": text,
        "post_id": "42",
    }


def over_limit_forms() -> dict[str, dict[str, Any]]:
    """Forms over a limit, by name: refused before normalisation, except the metadata a server
    sets (user agent, lang), which is cut to its limit and checked."""
    big = "a" * 10_000_000
    return {
        "10 MB text (str)": form(big),
        "10 MB text (bytes)": form(big.encode()),  # type: ignore[arg-type]
        "text at 4 x limit + 1,024": form("é " * ((4 * SIZE + 1024) // 2)),
        "text at limit + 1": form("a" * (SIZE + 1)),
        "10 MB name": {**form(TYPICAL), "name": big},
        "10 MB email": {**form(TYPICAL), "email": big + "@example.org"},
        "10 MB url": {**form(TYPICAL), "url": "http://" + big + ".com"},
        "10 MB ip": {**form(TYPICAL), "ip": big},
        "10 MB user agent": {**form(TYPICAL), "user_agent": big},
        "10 MB lang": {**form(TYPICAL), "lang": big},
        "10 MB post id": {**form(TYPICAL), "post_id": big},
        "list of 1,000,000 texts": {**form(TYPICAL), "text": ["a"] * 1_000_000},
    }


def best(func: Callable[[], object], repeat: int) -> float:
    """Best CPU time of ``repeat`` calls, in milliseconds."""
    out = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        func()
        out = min(out, time.process_time() - start)
    return out * 1e3


CUT_FIELDS = frozenset({"user_agent", "lang"})  # cut to their limit, never refused


def outcome(mod: Moderator, data: dict[str, Any]) -> str:
    """Check ``data``: the refusal codes (``field:code``), or the action when it was checked."""
    try:
        decision = mod.check(data, record=False)
    except ValidationError as exc:
        return ",".join(f"{e.field}:{e.code}" for e in exc.errors)
    return f"checked ({decision.action.value}), field cut"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (best kept)")
    parser.add_argument("--no-model", action="store_true", help="rules-only checks only")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    policy = site_policy()
    rules = Moderator(rules_only=True, policy=policy, secret=SECRET, store=MemoryStore())
    model = None
    if not args.no_model:
        model = Moderator(policy=policy, secret=SECRET, store=MemoryStore())
    mods = {"rules": rules, "model": model}

    def check(name: str, text: str) -> Callable[[], object]:
        mod = mods[name]
        assert mod is not None
        data = form(text)
        return lambda: mod.check(data, record=False)

    for mod in (rules, model):  # warm the caches a running server has
        if mod is not None:
            mod.check(form(TYPICAL), record=False)
    base = {
        "normalize_text": best(lambda: normalize_text(TYPICAL), args.repeat * 20),
        "rules": best(check("rules", TYPICAL), args.repeat * 20),
        "model": best(check("model", TYPICAL), args.repeat * 20) if model else float("nan"),
    }
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (figures are CPU time)")
    print(
        f"typical comment ({len(TYPICAL)} chars): normalize_text {base['normalize_text']:.2f} ms,"
        f" check rules-only {base['rules']:.2f} ms, check with model {base['model']:.2f} ms"
    )
    print(f"worst cases at {SIZE:,} characters (ms, CPU time, best of {args.repeat}):")
    head = f"{'case':34}{'normalize':>10}{'rules':>8}{'model':>8}{'x typical':>11}  action"
    print(head)
    print("-" * len(head))
    rows: list[dict[str, Any]] = []
    slowest = 0.0
    for name, text in worst_cases().items():
        assert len(text) == SIZE, name
        t_norm = best(lambda text=text: normalize_text(text), args.repeat)
        t_rules = best(check("rules", text), args.repeat)
        t_model = best(check("model", text), args.repeat) if model else float("nan")
        decision = (model or rules).check(form(text), record=False)
        worst = max(t_rules, t_model if model else 0.0)
        slowest = max(slowest, worst)
        ratio = (t_model / base["model"]) if model else t_rules / base["rules"]
        flag = "" if worst < TARGET_MS else "  OVER TARGET"
        print(
            f"{name:34}{t_norm:10.1f}{t_rules:8.1f}{t_model:8.1f}{ratio:11.0f}  "
            f"{decision.action.value}{flag}"
        )
        rows.append(
            {
                "case": name,
                "normalize_text_ms": t_norm,
                "rules_ms": t_rules,
                "model_ms": t_model,
                "ratio": ratio,
                "action": decision.action.value,
            }
        )
    print(
        f"slowest check: {slowest:.1f} ms (target < {TARGET_MS:.0f} ms): "
        f"{'ok' if slowest < TARGET_MS else 'OVER'}"
    )

    print()
    print("over the limit: refused before normalisation (ms, best of 3)")
    refused: list[dict[str, Any]] = []
    mod = model or rules
    for name, data in over_limit_forms().items():
        codes = outcome(mod, data)
        t = best(lambda data=data: outcome(mod, data), 3)
        print(f"{name:34}{t:8.2f}  {codes}")
        refused.append({"case": name, "ms": t, "codes": codes})
    if args.json:
        args.json.write_text(
            json.dumps({"typical": base, "worst": rows, "over_limit": refused}, indent=2) + "\n"
        )
    for m in (rules, model):
        if m is not None:
            m.close()
    return 0 if slowest < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
