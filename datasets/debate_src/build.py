"""Build en_debate.jsonl and counter_speech.jsonl from the hand-written text files in this folder.

Debate files (en_*.txt): one thread per blank-line separated block; each line is `<K> text`,
where K is R (debate_reply), O (debate_opinion), A (debate_anecdote) or S (debate_short); a
leading `*` marks swearing aimed at nobody (obscene 1). Counter-speech files (cs_fr*.txt,
cs_en*.txt): one sentence idea per block; each line is `Q text` (counter_quote) or `N text`
(negated_claim). `\\n` in a line is a line break.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from modkit._datasets import PROJECT_FIELDS, dedupe_key

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import write_jsonl

HERE = Path(__file__).parent
OUT = HERE.parent
HEADS = PROJECT_FIELDS[5:]
DEBATE = {"R": "debate_reply", "O": "debate_opinion", "A": "debate_anecdote", "S": "debate_short"}
COUNTER = {"Q": "counter_quote", "N": "negated_claim"}


def blocks(paths: list[Path]) -> list[list[str]]:
    out: list[list[str]] = []
    for path in paths:
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            lines = [
                ln.strip() for ln in block.splitlines() if ln.strip() and not ln.startswith("#")
            ]
            if lines:
                out.append(lines)
    return out


def row(rid: str, text: str, lang: str, kind: str, group: str, *, obscene: int = 0) -> dict:
    labels = dict.fromkeys(HEADS, 0)
    labels["obscene"] = obscene
    return {
        "id": rid,
        "text": text.replace("\\n", "\n"),
        "lang": lang,
        "kind": kind,
        "group": group,
        **{k: labels[k] for k in HEADS},
    }


def build_debate() -> list[dict]:
    rows = []
    for t, lines in enumerate(blocks(sorted(HERE.glob("en_*.txt"))), 1):
        for line in lines:
            obscene = int(line.startswith("*"))
            code, text = line.lstrip("*").split(" ", 1)
            rows.append(
                row(
                    f"ed-{len(rows) + 1:04d}",
                    text.strip(),
                    "en",
                    DEBATE[code],
                    f"ed-t{t:03d}",
                    obscene=obscene,
                )
            )
    return rows


def build_counter() -> list[dict]:
    rows = []
    for lang in ("fr", "en"):
        n = 0
        for g, lines in enumerate(blocks(sorted(HERE.glob(f"cs_{lang}*.txt"))), 1):
            for line in lines:
                code, text = line.split(" ", 1)
                n += 1
                rows.append(
                    row(
                        f"cs-{lang}-{n:04d}",
                        text.strip(),
                        lang,
                        COUNTER[code],
                        f"cs-{lang}-g{g:03d}",
                    )
                )
    return rows


def main() -> None:
    debate, counter = build_debate(), build_counter()
    seen: dict[str, str] = {}
    for path in sorted(OUT.glob("*.jsonl")):
        if path.name in ("en_debate.jsonl", "counter_speech.jsonl"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen[dedupe_key(json.loads(line)["text"])] = path.name
    bad = 0
    for r in debate + counter:
        key = dedupe_key(r["text"])
        if key in seen:
            print(f"duplicate {r['id']} of {seen[key]}: {r['text'][:60]}")
            bad += 1
        seen[key] = r["id"]
    for name, rows in (("en_debate.jsonl", debate), ("counter_speech.jsonl", counter)):
        write_jsonl(OUT / name, rows)
        print(
            name,
            len(rows),
            dict(Counter((r["lang"], r["kind"]) for r in rows)),
            "obscene",
            sum(r["obscene"] for r in rows),
        )
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
