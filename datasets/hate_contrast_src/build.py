"""Build datasets/hate_contrast.jsonl from the hand-written comments in fr.py and en.py.

Each language module holds:
    SLURS     {category: [slur, ...]}  lower-case categories are singular forms, upper-case plural
    HATE      [(category, text, flags)]  a slur used to demean a group; flags: "t" threat,
              "v" dehumanisation (severe_toxicity), "o" obscene; "2"/"1" = how many slurs to fill
    QUOTED    [(category, text, flags)]  the same slurs mentioned, reported or discussed (all 0)
    COUNTER   [(groups, text, flags)]    a hateful generalisation quoted and rejected (all 0)
    NEGATED   [(groups, text, flags)]    an explicit negation of a hateful claim (all 0)
    IDENTITY  [(groups, text, flags)]    neutral or positive statements about a group (all 0)
In a text, {s} is a slur of the category and {S} the same capitalised; {g} is a group name from the
row's group list and {G} the same capitalised. A row's comment is filled with one to three slurs or
groups (each filling a new row sharing the idea's `group`), chosen in turn from the category so
every slur is used in several sentences. Run: python datasets/hate_contrast_src/build.py
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

from modkit._datasets import PROJECT_FIELDS

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import write_jsonl_unique

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "hate_contrast.jsonl"
HEADS = PROJECT_FIELDS[5:]
OBSCENE = re.compile(
    r"\b(putain|ptn|merde\w*|bordel|encul\w*|foutre|fout|foutez|chier|chie|niquer|nique|fuck\w*|"
    r"cul|shit\w*|cunts?|arse\w*|bollocks|bastards?|wank\w*|twats?|piss\w*|crap)\b",
    re.IGNORECASE,
)


def load(lang: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(f"hc_{lang}", HERE / f"{lang}.py")
    if spec is None or spec.loader is None:
        raise ImportError(lang)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def fills(text: str, flags: str, default: int) -> int:
    for d in "123":
        if d in flags:
            return int(d)
    return default if ("{s}" in text or "{S}" in text or "{g}" in text or "{G}" in text) else 1


def build_lang(lang: str) -> list[dict[str, object]]:
    mod = load(lang)
    rows: list[dict[str, object]] = []
    turn: Counter[str] = Counter()
    idea = 0

    def pick(pool: list[str], key: str, n: int) -> list[str]:
        out: list[str] = []
        while len(out) < min(n, len(set(pool))):
            cand = pool[turn[key] % len(pool)]
            turn[key] += 1
            if cand not in out:
                out.append(cand)
        return out

    def emit(kind: str, text: str, labels: dict[str, int], group: str) -> None:
        row: dict[str, object] = {
            "id": f"hc-{lang}-{len(rows) + 1:04d}",
            "text": text,
            "lang": lang,
            "kind": kind,
            "group": group,
        }
        row.update(dict.fromkeys(HEADS, 0))
        row.update(labels)
        rows.append(row)

    sections = [
        ("hate_slur", mod.HATE, True),
        ("slur_quoted", mod.QUOTED, True),
        ("hate_counter", mod.COUNTER, False),
        ("hate_negated", mod.NEGATED, False),
        ("identity_statement", mod.IDENTITY, False),
    ]
    for kind, items, slur in sections:
        for key, text, flags in items:
            idea += 1
            group = f"hc-{lang}-g{idea:03d}"
            n = fills(text, flags, 3 if slur else 2)
            if slur:
                pool = [s for k in key.split("+") for s in mod.SLURS[k]] if key else [""]
            else:
                pool = list(key) if key else [""]
            for value in pick(pool, key or "-", n) if key else [""]:
                filled = (
                    text.replace("{s}", value)
                    .replace("{S}", cap(value))
                    .replace("{g}", value)
                    .replace("{G}", cap(value))
                )
                labels: dict[str, int] = {}
                if kind == "hate_slur":
                    labels = {"toxicity": 1, "insult": 1, "identity_attack": 1}
                    if "t" in flags:
                        labels["threat"] = 1
                    if "t" in flags or "v" in flags:
                        labels["severe_toxicity"] = 1
                    if "o" in flags or OBSCENE.search(filled):
                        labels["obscene"] = 1
                emit(kind, filled, labels, group)
    return rows


def slurs_used(lang: str, rows: list[dict[str, object]]) -> dict[str, int]:
    mod = load(lang)
    allslurs = {s for pool in mod.SLURS.values() for s in pool}
    counts: dict[str, int] = {}
    for s in sorted(allslurs):
        pat = re.compile(rf"(?<![\w-]){re.escape(s)}(?![\w-])", re.IGNORECASE)
        n = sum(1 for r in rows if r["kind"] == "hate_slur" and pat.search(str(r["text"])))
        counts[s] = n
    return counts


def main() -> int:
    rows = [r for lang in ("fr", "en") if (HERE / f"{lang}.py").exists() for r in build_lang(lang)]
    if not write_jsonl_unique(OUT, rows):
        return 1
    for lang in sorted({str(r["lang"]) for r in rows}):
        sub = [r for r in rows if r["lang"] == lang]
        print(lang, len(sub), dict(Counter(str(r["kind"]) for r in sub)))
        used = slurs_used(lang, sub)
        print(f"  distinct slurs in hate_slur: {sum(1 for n in used.values() if n)}")
        few = {s: n for s, n in used.items() if n < 2}
        if few:
            print("  used fewer than twice:", few)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
