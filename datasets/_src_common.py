"""Helpers shared by the build and check scripts of ``datasets/*_src/``.

The scripts are standalone tools (``python datasets/X_src/build.py``); each one puts this folder on
``sys.path`` and imports what it needs from here: the thread-file reader, the JSONL writer, the
exact-duplicate checks and the word-trigram Jaccard near-duplicate check.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
Grams = set[tuple[str, ...]]
Thread = tuple[str, list[tuple[T, str]]]


def read_threads(paths: Iterable[Path], parse_marker: Callable[[str], T | None]) -> list[Thread[T]]:
    """Read thread files: ``=== <topic>`` starts a thread, ``MARKER: text`` is one comment.

    Blank lines and lines starting with ``#`` are skipped; a literal ``\\n`` in a comment is a line
    break. ``parse_marker`` turns a marker into what the caller keeps for the comment (its kind,
    its labels...), or None when the marker is not valid. Exits with a message on a bad line (no
    colon, an invalid marker, empty text or a comment before any thread).
    """
    out: list[Thread[T]] = []
    for path in paths:
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("==="):
                out.append((line[3:].strip(), []))
                continue
            marker, sep, text = line.partition(":")
            parsed = parse_marker(marker) if sep else None
            if parsed is None or not out or not text.strip():
                sys.exit(f"{path.name}: bad line: {raw!r}")
            out[-1][1].append((parsed, text.strip().replace("\\n", "\n")))
    return out


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    """Write one JSON object per line, UTF-8, non-ASCII characters kept as they are."""
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_jsonl_unique(path: Path, rows: Sequence[dict[str, Any]]) -> bool:
    """Write the rows as JSONL unless two texts are equal up to case.

    On duplicates, print up to ten of them to stderr, leave the file alone and return False.
    """
    texts = Counter(str(r["text"]).casefold() for r in rows)
    dups = [t for t, n in texts.items() if n > 1]
    if dups:
        print("duplicate texts:", dups[:10], file=sys.stderr)
        return False
    write_jsonl(path, rows)
    return True


def other_rows(datasets: Path, exclude: Path) -> list[tuple[str, dict[str, Any]]]:
    """The rows of every ``*.jsonl`` of ``datasets`` but ``exclude``, with their file name."""
    return [
        (f.name, json.loads(line))
        for f in sorted(datasets.glob("*.jsonl"))
        if f != exclude
        for line in f.read_text(encoding="utf-8").splitlines()
    ]


def exact_duplicates(
    rows: Sequence[dict[str, Any]],
    others: Iterable[tuple[str, dict[str, Any]]],
    key: Callable[[str], str],
) -> list[str]:
    """Problems: texts equal by ``key`` within ``rows`` or with a row of another file, and ids
    used twice. ``others`` holds ``(file name, row)`` pairs, as from :func:`other_rows`."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    for r in rows:
        k = key(r["text"])
        if k in seen:
            problems.append(f"{r['id']}: duplicate of {seen[k]}")
        seen[k] = r["id"]
    ids = Counter(r["id"] for r in rows)
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    for name, o in others:
        k = key(o["text"])
        if k in seen:
            problems.append(f"{seen[k]}: duplicate of {name} {o.get('id')}")
    return problems


def word_trigrams(words: Sequence[str]) -> Grams:
    """The set of word trigrams of a sequence of words (empty below three words)."""
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def near_duplicates(
    ours: Sequence[tuple[str, str, Grams]],
    others: Sequence[tuple[str, Grams]] = (),
    *,
    limit: float = 0.5,
    min_grams: int = 0,
) -> tuple[list[tuple[str, str, float]], float, float]:
    """Near-duplicates by word-trigram Jaccard, through an index of trigrams.

    ``ours`` holds ``(id, group, trigrams)`` for the rows checked; two of them are compared when
    they are in different groups and share a trigram. ``others`` holds ``(label, trigrams)`` for
    rows of other files, each compared with every row of ``ours`` it shares a trigram with. Sets
    with fewer than ``min_grams`` trigrams are left out. Returns the pairs at or above ``limit``
    as ``(id, id or label, Jaccard)`` (pairs within ``ours`` first), the worst Jaccard within
    ``ours`` and the worst against ``others``.
    """
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (_, _, grams) in enumerate(ours):
        if len(grams) >= min_grams:
            for g in grams:
                index[g].append(i)
    found: list[tuple[str, str, float]] = []
    worst_in = 0.0
    for i, (a, group, grams) in enumerate(ours):
        if len(grams) < min_grams:
            continue
        shared = Counter(j for g in grams for j in index[g] if j > i)
        for j, n in shared.items():
            b, other_group, other = ours[j]
            if other_group == group:
                continue
            jac = n / len(grams | other)
            worst_in = max(worst_in, jac)
            if jac >= limit:
                found.append((a, b, jac))
    worst_out = 0.0
    for label, grams in others:
        if len(grams) < min_grams:
            continue
        shared = Counter(j for g in grams for j in index.get(g, ()))
        for j, n in shared.items():
            a, _, mine = ours[j]
            jac = n / len(grams | mine)
            worst_out = max(worst_out, jac)
            if jac >= limit:
                found.append((a, label, jac))
    return found, worst_in, worst_out


def trigram_overlap(
    rows: Sequence[dict[str, Any]],
    others: Iterable[tuple[str, dict[str, Any]]],
    trigrams: Callable[[str], Grams],
    other_label: Callable[[str, dict[str, Any]], str],
    *,
    limit: float = 0.5,
    min_grams: int = 0,
) -> tuple[list[str], float, float]:
    """:func:`near_duplicates` of ``rows`` (by id and group) and ``others`` (``(file name, row)``
    pairs, named in messages by ``other_label``), with ``trigrams`` turning a text into its
    trigrams. Returns the problems (``"<id> ~ <id or label>: trigram Jaccard 0.xx"``), the worst
    Jaccard within ``rows`` and the worst against ``others``."""
    found, worst_in, worst_out = near_duplicates(
        [(r["id"], r["group"], trigrams(r["text"])) for r in rows],
        [(other_label(name, o), trigrams(o["text"])) for name, o in others],
        limit=limit,
        min_grams=min_grams,
    )
    return [f"{a} ~ {b}: trigram Jaccard {jac:.2f}" for a, b, jac in found], worst_in, worst_out


def write_checked_threads(
    rows: list[dict[str, Any]],
    problems: list[str],
    out: Path,
    key: Callable[[str], str],
    guess_lang: Callable[[str], str],
) -> None:
    """Write ``rows`` (comments with a ``group`` thread) to ``out`` after the checks every thread
    file gets: no exact duplicate (by ``key``) and no word-trigram near-duplicate within the file or
    against the other files of its folder. Exits 1 with ``problems`` and those of the checks, if
    any; else prints the rows ``guess_lang`` reads in another language and the rows per language
    and kind."""
    others = other_rows(out.parent, out)
    problems = problems + exact_duplicates(rows, others, key)

    def grams(text: str) -> Grams:
        return word_trigrams(key(text).split())

    found, worst_in, worst_out = near_duplicates(
        [(r["id"], r["group"], grams(r["text"])) for r in rows],
        [(f"{name} {o.get('id')}", grams(o["text"])) for name, o in others],
        min_grams=3,
    )
    problems += [f"{a} ~ {b}: trigram Jaccard {j:.2f}" for a, b, j in found]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    write_jsonl(out, rows)
    for r in rows:
        if guess_lang(r["text"]) != r["lang"]:
            print(f"note: {r['id']} guessed not {r['lang']}: {r['text']!r}")
    kinds = Counter((r["lang"], r["kind"]) for r in rows)
    groups = len({r["group"] for r in rows})
    print(
        f"{len(rows)} rows in {groups} threads; worst Jaccard within {worst_in:.2f}, "
        f"against other files {worst_out:.2f}"
    )
    for (lang, kind), c in sorted(kinds.items()):
        print(f"  {lang} {kind}: {c}")


#: The label columns of a thread file's rows, in the order they are written.
LABELS = ("spam", "toxicity", "insult", "threat", "obscene", "identity_attack", "severe_toxicity")


def build_marked_threads(
    here: Path,
    out: Path,
    *,
    prefix: str,
    kinds: Mapping[str, str],
    flags: Mapping[str, str],
    positive: str,
    positive_labels: Mapping[str, int],
    sizes: tuple[int, int],
    key: Callable[[str], str],
    guess_lang: Callable[[str], str],
) -> None:
    """Build ``out`` from the thread files ``here/{fr,en}_*.txt`` whose comments carry a marker:
    ``kinds`` maps its first letter to a kind; only the ``positive`` letter may carry ``flags``
    letters, each naming one more label set to 1. Every label is 0 but for the positive kind's
    ``positive_labels`` and flags. A thread must hold ``sizes`` (min, max) comments. Rows are
    checked and written by :func:`write_checked_threads`, ids ``{prefix}-{lang}-NNNN``."""

    def parse(marker: str) -> tuple[str, frozenset[str]] | None:
        head, letters = marker[:1], marker[1:]
        if head not in kinds or (letters and head != positive):
            return None
        if any(f not in flags for f in letters) or len(set(letters)) != len(letters):
            return None
        return kinds[head], frozenset(flags[f] for f in letters)

    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    for lang in ("fr", "en"):
        threads = read_threads(sorted(here.glob(f"{lang}_*.txt")), parse)
        n = 0
        for t, (topic, comments) in enumerate(threads, start=1):
            if not sizes[0] <= len(comments) <= sizes[1]:
                problems.append(f"{lang} thread {t} ({topic}) has {len(comments)} comments")
            for (kind, extra), text in comments:
                n += 1
                labels = dict.fromkeys(LABELS, 0)
                if kind == kinds[positive]:
                    labels.update(positive_labels, **dict.fromkeys(extra, 1))
                rows.append(
                    {
                        "id": f"{prefix}-{lang}-{n:04d}",
                        "text": text,
                        "lang": lang,
                        "kind": kind,
                        "group": f"{prefix}-{lang}-t{t:03d}",
                        **labels,
                    }
                )
    write_checked_threads(rows, problems, out, key, guess_lang)
    for lang in ("fr", "en"):
        marked = [r for r in rows if r["lang"] == lang and r["kind"] == kinds[positive]]
        counts = Counter(k for r in marked for k in flags.values() if r[k])
        print(f"  {lang} {kinds[positive]} extra labels: {dict(sorted(counts.items()))}")


def report(errors: Sequence[str], summary: str) -> int:
    """Print the errors to stderr and the summary to stdout; the exit code (1 on any error)."""
    for e in errors:
        print(e, file=sys.stderr)
    print(summary)
    return 1 if errors else 0
