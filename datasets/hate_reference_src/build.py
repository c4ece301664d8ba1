"""Build datasets/hate_reference.jsonl from the hand-written comments in fr_*.txt and en_*.txt.

Source format (one file per language and batch, read in name order):
    - a block of lines separated by a blank line is one `group` (a minimal pair or a small
      thread: its rows never straddle train and test); a block may hold a single row;
    - each row is `CODE[flags] text`, where CODE is a kind code below and flags are letters:
      t threat (threat 1 and severe_toxicity 1), v dehumanisation or death wish
      (severe_toxicity 1), i insult (insult 1), o obscene (obscene 1, also set by the lexicon);
    - `\\n` in a text is a line break (replies quoting the message they answer with `> `);
    - lines starting with `#` are comments.
Hateful kinds get toxicity 1 and identity_attack 1 (slur_used also insult 1); non-hateful
kinds get every label 0 except obscene where the comment swears.
Run from the repository root: python datasets/hate_reference_src/build.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from modkit._datasets import PROJECT_FIELDS

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import write_jsonl_unique

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "hate_reference.jsonl"
HEADS = PROJECT_FIELDS[5:]
KINDS = {
    "RH": "ref_hate",
    "RC": "ref_counterpart",
    "HS": "hate_statement",
    "IQ": "identity_question",
    "CQ": "counter_quote",
    "NC": "negated_claim",
    "SU": "slur_used",
    "SQ": "slur_quoted",
    "PU": "profanity_untargeted",
}
HATEFUL = {"ref_hate", "hate_statement", "slur_used"}
OBSCENE = {
    "fr": re.compile(
        r"\b(putain\w*|ptn|merde\w*|bordel|encul\w*|foutre|fout|foutu\w*|chier|chie|niquer|"
        r"nique|niqué|couilles?|conn?ards?|connasses?|connerie\w*|bite|cul|salope\w*|"
        r"fuck\w*|wtf)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(fuck\w*|f\*+ing|wtf|shit\w*|bullshit|cunts?|arse\w*|ass|asshole\w*|bollocks|"
        r"bastards?|wank\w*|twats?|piss\w*|crap\w*|damn\w*|goddamn|bloody|dick|dicks|"
        r"motherfuck\w*|bitch\w*)\b",
        re.IGNORECASE,
    ),
}
LINE = re.compile(r"^(RH|RC|HS|IQ|CQ|NC|SU|SQ|PU)([tvio]*) (.+)$")


def parse(path: Path) -> list[list[tuple[str, str, str]]]:
    blocks: list[list[tuple[str, str, str]]] = [[]]
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            if blocks[-1]:
                blocks.append([])
            continue
        if line.startswith("#"):
            continue
        m = LINE.match(line)
        if not m:
            raise ValueError(f"{path.name}:{n}: cannot parse {line!r}")
        blocks[-1].append((KINDS[m.group(1)], m.group(2), m.group(3).replace("\\n", "\n")))
    return [b for b in blocks if b]


def labels(lang: str, kind: str, flags: str, text: str) -> dict[str, int]:
    out = dict.fromkeys(HEADS, 0)
    if "o" in flags or OBSCENE[lang].search(text) or kind == "profanity_untargeted":
        out["obscene"] = 1
    if kind in HATEFUL:
        out["toxicity"] = 1
        out["identity_attack"] = 1
        if kind == "slur_used" or "i" in flags:
            out["insult"] = 1
        if "t" in flags:
            out["threat"] = 1
            out["severe_toxicity"] = 1
        if "v" in flags:
            out["severe_toxicity"] = 1
    elif set(flags) & set("tvi"):
        raise ValueError(f"non-hateful row with hate flags: {text!r}")
    return out


def build_lang(lang: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    ngroups = 0
    for path in sorted(HERE.glob(f"{lang}_*.txt")):
        for block in parse(path):
            ngroups += 1
            group = f"hr-{lang}-g{ngroups:04d}"
            for kind, flags, text in block:
                row: dict[str, object] = {
                    "id": f"hr-{lang}-{len(rows) + 1:05d}",
                    "text": text,
                    "lang": lang,
                    "kind": kind,
                    "group": group,
                }
                row.update(labels(lang, kind, flags, text))
                rows.append({k: row[k] for k in PROJECT_FIELDS})
    return rows


def main() -> int:
    rows = [r for lang in ("fr", "en") for r in build_lang(lang)]
    if not write_jsonl_unique(OUT, rows):
        return 1
    print(f"{len(rows)} rows")
    for lang in ("fr", "en"):
        sub = [r for r in rows if r["lang"] == lang]
        hateful = sum(1 for r in sub if r["kind"] in HATEFUL)
        groups = len({r["group"] for r in sub})
        print(f"{lang}: {len(sub)} rows, {groups} groups, {hateful} hateful")
        print("  kinds:", dict(sorted(Counter(str(r["kind"]) for r in sub).items())))
        print("  labels:", {h: sum(int(r[h]) for r in sub) for h in HEADS if h != "spam"})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
