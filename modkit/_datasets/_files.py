"""Reading corpus files: probing (sha256, encoding), streamed CSV, row building, the registry."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import functools
import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from modkit._datasets._clean import clean
from modkit._datasets._rows import Corpus, Row
from modkit._heads import HEADS

__all__ = [
    "LOADERS",
    "Builder",
    "FormatError",
    "Source",
    "csv_records",
    "files_matching",
    "flag",
    "known",
    "register",
    "table",
]

_log = logging.getLogger("modkit.datasets")

_FIELD_LIMIT = 1 << 22  # 4 MiB per CSV field: far above any real field, still bounded
_MAX_WARNINGS_PER_FILE = 20
_CHUNK = 1 << 20


class FormatError(ValueError):
    """A file is not in the format its loader expects."""


def _ensure_field_limit() -> None:
    # Process-wide, only ever raised, and bounded: the default 128 KiB is below real email fields.
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)


@dataclass
class Source:
    """One file being read: where, its sha256 and encoding, and what became of its rows."""

    path: Path
    rel: str
    sha256: str
    encoding: str
    rows: int = 0
    skipped: int = 0
    dropped: Counter[str] = field(default_factory=Counter)

    def skip(self, line: int, reason: str) -> None:
        self.skipped += 1
        if self.skipped <= _MAX_WARNINGS_PER_FILE:
            _log.warning("%s:%d: skipped malformed row (%s)", self.path, line, reason)

    def done(self) -> None:
        if self.skipped > _MAX_WARNINGS_PER_FILE:
            _log.warning("%s: %d malformed rows skipped in all", self.path, self.skipped)
        if self.dropped:
            detail = ", ".join(f"{n} {why}" for why, n in sorted(self.dropped.items()))
            _log.info("%s: %d rows kept; not kept: %s", self.path, self.rows, detail)


def probe(path: Path) -> tuple[str, str]:
    """Return the sha256 of a file and the encoding to read it with (streamed, bounded memory)."""
    digest = hashlib.sha256()
    decoder = None
    encoding = "utf-8"
    first = True
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            if first:
                first = False
                if chunk.startswith(b"\xef\xbb\xbf"):
                    encoding = "utf-8-sig"
                decoder = codecs.getincrementaldecoder("utf-8")()
            if decoder is not None:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    decoder = None
                    encoding = "latin-1"
    if decoder is not None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            encoding = "latin-1"
    if encoding == "latin-1":
        _log.warning("%s: not valid UTF-8, read as latin-1", path)
    return digest.hexdigest(), encoding


def csv_records(src: Source, *, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """Yield (first line number, fields) for each non-blank record; csv errors are skipped rows."""
    _ensure_field_limit()
    with src.path.open(encoding=src.encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        last = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                src.skip(last + 1, str(exc))
                if reader.line_num == last:
                    return
                last = reader.line_num
                continue
            line, last = last + 1, reader.line_num
            if record:
                yield line, record


def table(
    src: Source,
    required: Sequence[str],
    *,
    delimiter: str = ",",
    fieldnames: Sequence[str] | None = None,
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line, {column: value}) for each record with the header's number of fields.

    Raises:
        FormatError: the file is empty or lacks a required column.
    """
    records = csv_records(src, delimiter=delimiter)
    if fieldnames is None:
        first = next(records, None)
        if first is None:
            raise FormatError(f"{src.path}: empty file")
        header = [name.strip() for name in first[1]]
    else:
        header = list(fieldnames)
    missing = [name for name in required if name not in header]
    if missing:
        raise FormatError(f"{src.path}: missing column(s) {', '.join(missing)}")
    for line, record in records:
        if len(record) != len(header):
            src.skip(line, f"{len(record)} fields, expected {len(header)}")
            continue
        yield line, dict(zip(header, record, strict=True))


def flag(value: str) -> int | None:
    """Parse a 0/1 cell (``1``, ``0.0``, ``true``...); None when it is neither."""
    v = value.strip().lower()
    if v in ("1", "1.0", "true"):
        return 1
    if v in ("0", "0.0", "false"):
        return 0
    return None


class Builder:
    """Collects the rows and files of one corpus."""

    def __init__(
        self,
        name: str,
        root: Path,
        heads: Sequence[str],
        description: str,
        *,
        licence: str = "unknown",
        redistributable: bool = True,
    ) -> None:
        self.name = name
        self.root = root
        self.heads = tuple(h for h in HEADS if h in heads)
        self.description = description
        self.licence = licence
        self.redistributable = redistributable
        self.rows: list[Row] = []
        self.sources: list[Source] = []

    def open(self, path: Path) -> Source:
        sha, encoding = probe(path)
        rel = (
            path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else path.name
        )
        src = Source(path, rel, sha, encoding)
        self.sources.append(src)
        return src

    def add(
        self,
        src: Source,
        text: str,
        lang: str,
        labels: Mapping[str, int],
        *,
        group: str | None = None,
        kind: str | None = None,
        id: str | None = None,
        clean: Callable[[str], str] = clean,
        weak: bool = False,
    ) -> None:
        """Add a row (cleaned; dropped and counted when it has no label or an empty text)."""
        if not labels:
            src.dropped["without a label for any head"] += 1
            return
        cleaned = clean(text)
        if not cleaned:
            src.dropped["with an empty text"] += 1
            return
        self.rows.append(
            Row(cleaned, lang, dict(labels), self.name, group or None, kind, id or None, weak)
        )
        src.rows += 1

    def build(self) -> Corpus:
        for src in self.sources:
            src.done()
        files = [(s.rel, s.sha256, s.rows) for s in self.sources]
        return Corpus(
            self.name,
            self.rows,
            files,
            self.heads,
            self.description,
            self.licence,
            self.redistributable,
        )


def known(labels: Mapping[str, int | None]) -> dict[str, int]:
    """The labels that are known (not None)."""
    return {head: value for head, value in labels.items() if value is not None}


def files_matching(root: Path, pattern: str) -> list[Path]:
    """Files of a corpus folder matching ``pattern``, sorted.

    Raises:
        FileNotFoundError: none matches.
    """
    found = sorted(p for p in root.glob(pattern) if p.is_file())
    if not found:
        raise FileNotFoundError(f"{root}: no file matches {pattern!r}")
    return found


_LOADERS: dict[str, Callable[[Path], Corpus]] = {}
#: Loader of each known corpus folder, by folder name, in the order :func:`load_path` returns them
#: (the corpora that inform more heads first, since :func:`dedupe` keeps first occurrences).
LOADERS: Mapping[str, Callable[[Path], Corpus]] = _LOADERS


def register(
    name: str, *, licence: str, redistributable: bool = True
) -> Callable[[Callable[[Path], Corpus]], Callable[[Path], Corpus]]:
    """Register the loader of corpus folder ``name``, with the licence its source states.

    ``redistributable=False`` (non-commercial or no-redistribution terms) keeps the corpus out of
    the shipped default model; it still loads, for evaluation or a site's own model.
    """

    def wrap(loader: Callable[[Path], Corpus]) -> Callable[[Path], Corpus]:
        @functools.wraps(loader)
        def load(root: Path) -> Corpus:
            corpus = loader(root)
            return dataclasses.replace(corpus, licence=licence, redistributable=redistributable)

        _LOADERS[name] = load
        return load

    return wrap
