"""Append hand-written continuations to existing rows of the source files.

Spec file blocks:  "%% <row id>" then the text to append (a first line "¶" = new paragraph).
Row ids are those of the current build (datasets/<lang>_forum.jsonl); run build.py after.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"^@([qanrgjs])([+-]?)(?: (.*))?$")


def main(spec_path, lang):
    built = HERE.parent / f"{lang}_forum.jsonl"
    rows = {json.loads(ln)["id"]: json.loads(ln)["text"] for ln in built.open()}
    spec = {}
    cur = None
    for line in Path(spec_path).read_text(encoding="utf-8").splitlines():
        if line.startswith("%% "):
            cur = line[3:].strip()
            spec[cur] = []
        elif cur is not None:
            spec[cur].append(line)
    sources = sorted(HERE.glob(f"{lang}_*.txt"))
    files = {p: p.read_text(encoding="utf-8").splitlines() for p in sources}
    done = 0
    for rid, ext_lines in spec.items():
        ext = "\n".join(ext_lines).strip()
        para = ext.startswith("¶")
        ext = ext.lstrip("¶").strip()
        first = rows[rid].split("\n")[0]
        hits = [
            (p, i)
            for p, lines in files.items()
            for i, ln in enumerate(lines)
            if (m := MARK.match(ln)) and (m.group(3) or "").strip() == first.strip()
        ]
        if len(hits) != 1:
            sys.exit(f"{rid}: {len(hits)} matches for {first[:50]!r}")
        p, i = hits[0]
        lines = files[p]
        j = i + 1
        while j < len(lines) and not lines[j].startswith(("@", "###")):
            j += 1
        while lines[j - 1].strip() == "":
            j -= 1
        if para:
            lines[j:j] = ["", ext]
        else:
            lines[j - 1] = lines[j - 1].rstrip() + " " + ext
        done += 1
    for p, lines in files.items():
        p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"extended {done} rows")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
