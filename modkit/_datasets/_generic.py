"""The project's own corpus format (JSONL/CSV), moderators' feedback, and loading any path."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Mapping, Sequence
from os import PathLike
from pathlib import Path

from modkit._datasets._files import LOADERS, Builder, FormatError, Source, csv_records, flag
from modkit._datasets._rows import LANGS, Corpus, Row
from modkit._heads import HEADS
from modkit._lang import guess_lang

__all__ = ["FEEDBACK_LABELS", "PROJECT_FIELDS", "load_feedback", "load_path", "load_project"]

_log = logging.getLogger("modkit.datasets")

_MAX_JSONL_LINE = 1 << 20
_DATA_SUFFIXES = (".jsonl", ".csv")
_TEXT_COLUMNS = ("text", "comment", "content", "body", "message")

#: The fields of a project corpus row, in the order the files in ``datasets/`` write them (the
#: loader reads any order; the build and check scripts beside the files keep this one).
PROJECT_FIELDS: tuple[str, ...] = (
    "id",
    "text",
    "lang",
    "kind",
    "group",
    "spam",
    "toxicity",
    "insult",
    "threat",
    "obscene",
    "identity_attack",
    "severe_toxicity",
)


def _generic_labels(values: Mapping[str, object]) -> dict[str, int] | None:
    """Head values of a generic row (missing, null or empty = unknown); None if one is not 0/1."""
    labels: dict[str, int] = {}
    for head in HEADS:
        value = values.get(head)
        if value is None or value == "":
            continue
        if isinstance(value, bool | int | float) and value in (0, 1):
            labels[head] = int(value)
        elif isinstance(value, str) and (parsed := flag(value)) is not None:
            labels[head] = parsed
        else:
            return None
    return labels


def _generic_row(
    b: Builder, src: Source, line: int, values: Mapping[str, object], text: object
) -> None:
    if not isinstance(text, str):
        src.skip(line, "no text")
        return
    labels = _generic_labels(values)
    if labels is None:
        src.skip(line, "a label is not 0/1")
        return
    lang = values.get("lang")
    if lang is None or lang == "":
        lang = guess_lang(text)
    elif not isinstance(lang, str) or lang.strip().lower() not in LANGS:
        src.skip(line, "lang not fr/en")
        return
    extra = {k: values.get(k) for k in ("group", "kind", "id")}
    if any(v is not None and not isinstance(v, str | int) for v in extra.values()):
        src.skip(line, "group/kind/id not a string")
        return
    group, kind, rid = (None if v is None or v == "" else str(v) for v in extra.values())
    b.add(src, text, lang.strip().lower(), labels, group=group, kind=kind, id=rid)


def _read_jsonl(b: Builder, src: Source) -> None:
    with src.path.open(encoding=src.encoding, newline="") as fh:
        for line, raw in enumerate(fh, start=1):
            if len(raw) > _MAX_JSONL_LINE:
                src.skip(line, "line too long")
                continue
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except ValueError:
                src.skip(line, "invalid JSON")
                continue
            if not isinstance(obj, dict):
                src.skip(line, "not a JSON object")
                continue
            text = next((obj[k] for k in _TEXT_COLUMNS if k in obj), None)
            _generic_row(b, src, line, obj, text)


def _read_generic_csv(b: Builder, src: Source) -> None:
    records = csv_records(src)
    first = next(records, None)
    if first is None:
        raise FormatError(f"{src.path}: empty file")
    header = [name.strip().lower() for name in first[1]]
    text_col = next((c for c in _TEXT_COLUMNS if c in header), None)
    if text_col is None:
        raise FormatError(f"{src.path}: no text column ({'/'.join(_TEXT_COLUMNS)})")
    if not any(h in header for h in HEADS):
        raise FormatError(f"{src.path}: no label column ({', '.join(HEADS)})")
    for line, record in records:
        if len(record) != len(header):
            src.skip(line, f"{len(record)} fields, expected {len(header)}")
            continue
        values = dict(zip(header, record, strict=True))
        _generic_row(b, src, line, values, values[text_col])


def _load_generic(root: Path, paths: Sequence[Path], name: str, *, lenient: bool) -> Corpus:
    """One corpus from JSONL/CSV files in the project format; heads = those found in the rows.

    Raises:
        FormatError: a file is not in the format (only when not ``lenient``; else it is skipped).
    """
    b = Builder(name, root, HEADS, "")
    for path in paths:
        src = b.open(path)
        try:
            if path.suffix == ".jsonl":
                _read_jsonl(b, src)
            else:
                _read_generic_csv(b, src)
        except FormatError as exc:
            if not lenient:
                raise
            b.sources.remove(src)
            _log.warning("%s: skipped (%s)", path, str(exc).removeprefix(f"{path}: "))
    found = {head for row in b.rows for head in row.labels}
    b.heads = tuple(h for h in HEADS if h in found)
    b.description = f"{name}: project/generic format, heads as labelled in the files"
    return b.build()


def load_project(path: str | PathLike[str] = "datasets") -> Corpus:
    """Load the project's own corpus: every ``*.jsonl`` file in the folder, as corpus ``project``.

    Raises:
        FileNotFoundError: the folder does not exist.
        ValueError: it holds no ``*.jsonl`` file.
    """
    root = Path(path)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder")
    files = sorted(p for p in root.glob("*.jsonl") if p.is_file())
    if not files:
        raise ValueError(f"{root}: no *.jsonl file")
    corpus = _load_generic(root, files, "project", lenient=False)
    description = "the project's own corpus (news-style comments, fr/en): heads as labelled"
    return dataclasses.replace(
        corpus, description=description, licence="MIT (the project's own corpus)"
    )


#: How a moderator's verdict maps onto the heads (absent heads are not informed by the verdict).
FEEDBACK_LABELS: Mapping[str, Mapping[str, int]] = {
    "ham": {"spam": 0, "toxicity": 0},
    "spam": {"spam": 1},
    "toxic": {"spam": 0, "toxicity": 1},
}


def load_feedback(path: str | PathLike[str]) -> Corpus:
    """Load moderators' verdicts from a modkit SQLite store as corpus ``feedback``.

    Only the public text, the language and the verdict are read (never an author key). The last
    verdict on a text wins.

    Raises:
        FileNotFoundError: the file does not exist.
        ValueError: it is not a modkit store (no ``feedback`` table).
    """
    from modkit._errors import StoreError
    from modkit._model import sha256_file
    from modkit._store import SQLiteStore

    db = Path(path)
    if not db.is_file():
        raise FileNotFoundError(f"{db}: no such file")
    digest = sha256_file(db)
    try:
        store = SQLiteStore(db)
        try:
            records = store.feedback()  # oldest first
        finally:
            store.close()
    except StoreError as exc:
        raise ValueError(f"{db}: not a modkit store ({exc})") from exc
    latest: dict[str, tuple[str, str]] = {}
    for record in records:
        text, verdict = record.text, record.verdict
        if text.strip() and verdict in FEEDBACK_LABELS:
            lang = record.lang if record.lang in ("fr", "en") else guess_lang(text)
            latest[text] = (lang, verdict)
    rows = [
        Row(
            text=t,
            lang=lang,
            labels=dict(FEEDBACK_LABELS[v]),
            corpus="feedback",
            kind=f"feedback_{v}",
        )
        for t, (lang, v) in latest.items()
    ]
    return Corpus(
        "feedback",
        rows,
        [(db.name, digest, len(rows))],
        ("spam", "toxicity"),
        "moderators' verdicts: ham -> spam 0 + toxicity 0, spam -> spam 1, toxic -> toxicity 1",
    )


def _data_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in _DATA_SUFFIXES)


def load_path(path: str | PathLike[str]) -> list[Corpus]:
    """Load a folder of corpora, one known corpus folder, or one JSONL/CSV file (project format).

    In a folder of corpora, each known subfolder goes to its loader (in :data:`LOADERS` order), an
    unknown subfolder holding ``*.jsonl``/``*.csv`` files is read in the generic format, and
    anything skipped is logged. Data files directly in the folder make one generic corpus named
    after it.

    Raises:
        FileNotFoundError: the path does not exist, or a known corpus misses a file.
        ValueError: a file is not in its expected format, or nothing loadable was found.
    """
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such file or folder")
    if p.is_file():
        if p.suffix not in _DATA_SUFFIXES:
            raise ValueError(f"{p}: not a .jsonl or .csv file")
        return [_load_generic(p.parent, [p], p.stem, lenient=False)]
    if p.name in LOADERS:
        return [LOADERS[p.name](p)]
    corpora = [loader(p / name) for name, loader in LOADERS.items() if (p / name).is_dir()]
    for sub in sorted(d for d in p.iterdir() if d.is_dir() and d.name not in LOADERS):
        if sub.name.startswith((".", "_")):
            continue
        files = _data_files(sub)
        corpus = _load_generic(sub, files, sub.name, lenient=True) if files else None
        if corpus is None or not corpus.rows:
            _log.warning("%s: skipped (not a known corpus, no row in the generic format)", sub)
            continue
        corpora.append(corpus)
    files = _data_files(p)
    if files:
        corpus = _load_generic(p, files, p.name, lenient=True)
        if corpus.rows:
            corpora.append(corpus)
        else:
            _log.warning("%s: skipped its own data files (no row in the generic format)", p)
    if not corpora:
        raise ValueError(f"{p}: no known corpus and no file in the generic format")
    return corpora
