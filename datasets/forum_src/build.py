"""Build datasets/fr_forum.jsonl and datasets/en_forum.jsonl from the hand-written thread files.

Format of a source file (fr_*.txt, en_*.txt, read in name order):
    ### a note about the thread (not exported)     starts a new thread (group)
    @q text...    forum_question      @a  forum_answer     @n  forum_anecdote
    @r            forum_rant          @g  forum_argument   @j  forum_joke
    @s            forum_swearing
Lines after a marker line, up to the next marker or thread header, continue the same row (line
breaks kept). A marker followed by + or - (e.g. "@a+") forces obscene to 1 or 0; otherwise obscene
is 1 when the text matches the swearing/sexual lexicon below, and always 1 for @s.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import write_jsonl

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
KINDS = {
    "q": "forum_question",
    "a": "forum_answer",
    "n": "forum_anecdote",
    "r": "forum_rant",
    "g": "forum_argument",
    "j": "forum_joke",
    "s": "forum_swearing",
}
HEADS = ("spam", "toxicity", "insult", "threat", "obscene", "identity_attack", "severe_toxicity")
OBSCENE = {
    "fr": re.compile(
        r"\b(putain\w*|ptn|ptdr\b(?!x)|merd\w*|emmerd\w*|bordels?|bordélique\w*|chiant\w*|chier|chie|chient|chié\w*|"
        r"foutre|fout|fous|foutage|foutu\w*|foutait|foutent|foutez|foutaise\w*|con|conne|conneries?|couilles?|"
        r"cul|tabarnak\w*|tabarnac\w*|câlisse|calisse|crisse|ostie|osti|fuck\w*|shit|wtf|"
        r"pisse\w*|bite|zizi|sexe|sexuel\w*|nichons?|branl\w*|osef|marde|saloperie\w*|schnoutz)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(fuck\w*|f\*+k\w*|shit\w*|bullshit|damn\w*|goddam\w*|crap\w*|bloody|bugger\w*|arse\w*|ass|"
        r"asshat|jackass|piss\w*|bollocks|sod|wtf|ffs|sex|sexual\w*)\b",
        re.IGNORECASE,
    ),
}
# "ptdr" is a laugh, not swearing: drop it from the lexicon.
OBSCENE["fr"] = re.compile(OBSCENE["fr"].pattern.replace(r"ptdr\b(?!x)|", ""), re.IGNORECASE)
MARK = re.compile(r"^@([qanrgjs])([+-]?)(?: (.*))?$")


def parse(path: Path):
    threads: list[list[tuple[str, str, str]]] = []
    cur: list[str] | None = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("###"):
            threads.append([])
            cur = None
            continue
        m = MARK.match(line)
        if m:
            if not threads:
                sys.exit(f"{path}:{lineno}: row before any thread header")
            cur = [m.group(1), m.group(2), m.group(3) or ""]
            threads[-1].append(cur)
            continue
        if cur is None:
            if line.strip():
                sys.exit(f"{path}:{lineno}: text outside a row: {line[:60]!r}")
            continue
        cur[2] += "\n" + line
    return threads


def clean(text: str) -> str:
    text = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return re.sub(r"\n{3,}", "\n\n", text)


def build(lang: str) -> int:
    prefix = {"fr": "fr", "en": "en"}[lang]
    rows = []
    tno = 0
    for path in sorted(HERE.glob(f"{lang}_*.txt")):
        for thread in parse(path):
            if not thread:
                continue
            tno += 1
            group = f"{prefix}-thread-{tno:04d}"
            for code, force, raw in thread:
                text = clean(raw)
                if not text:
                    sys.exit(f"{path}: empty row in thread {tno}")
                hit = bool(OBSCENE[lang].search(text))
                obscene = 1 if (force == "+" or code == "s" or (hit and force != "-")) else 0
                if code == "s" and not hit and force != "+":
                    print(
                        f"warning: {path.name}: swearing row without a lexicon hit: {text[:70]!r}"
                    )
                row = {"id": None, "text": text, "lang": lang, "kind": KINDS[code], "group": group}
                row.update(dict.fromkeys(HEADS, 0))
                row["obscene"] = obscene
                rows.append(row)
    for i, row in enumerate(rows, 1):
        row["id"] = f"{prefix}-fo-{i:05d}"
    out = OUT / f"{lang}_forum.jsonl"
    write_jsonl(out, rows)
    print(f"{out.name}: {len(rows)} rows, {tno} threads")
    return len(rows)


if __name__ == "__main__":
    for lang in sys.argv[1:] or ["fr", "en"]:
        build(lang)
