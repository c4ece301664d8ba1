"""Choosing the reader of an input: format detection (extension and content) and opening.

:func:`read_records` reads a binary stream in a given format, or guesses it; :func:`open_records`
does the same for a path and closes the file at the end.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Final

from modkit._batch._io import buffered
from modkit._batch._records import FORMATS, Record
from modkit._batch._tabular import read_csv, read_jsonl
from modkit._batch._xml import read_disqus, read_wxr
from modkit._errors import ConfigError

__all__ = ["detect_format", "open_records", "output_format_for", "read_records"]

_EXTENSIONS: Final = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}


#: Where an XML document starts, at the start of a line of the head: a declaration or the root
#: element of an export (so that junk before it, such as a PHP warning, still reads as XML).
_XML_START: Final = re.compile(
    rb"(?:^|[\r\n])[ \t]*<(?:\?xml|rss|disqus)[ \t\r\n>?]", re.IGNORECASE
)


def _content_format(head: bytes) -> str | None:
    """The format ``head`` (the first bytes of an input) shows, or None when it says nothing:
    JSON Lines when the first non-blank line starts with ``{`` or ``[``; XML (``disqus`` when a
    ``<disqus`` element appears, else ``wxr``) when it starts with ``<``, holds an XML
    declaration, or when a later line starts an XML document."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    elif head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    stripped = head.lstrip()
    if not stripped:
        return None
    first = stripped.split(b"\n", 1)[0]
    if first.startswith((b"{", b"[")):
        return "jsonl"
    if first.startswith(b"<") or b"<?xml" in first or _XML_START.search(head):
        return "disqus" if b"<disqus" in head.lower() else "wxr"
    return None


def detect_format(path: str | os.PathLike[str] | None, head: bytes = b"") -> str:
    """Guess the input format from the content's first bytes ``head`` and the file extension.

    XML content wins over any extension (an export saved as ``.txt``, or with junk before its
    declaration, is still read as XML and its errors reported as XML errors); otherwise a known
    extension decides, else the content (CSV when it shows nothing else).
    """
    found = _content_format(head)
    if found in ("wxr", "disqus"):
        return found
    if path is not None:
        suffix = Path(path).suffix.casefold()
        if suffix in _EXTENSIONS:
            return _EXTENSIONS[suffix]
    return found or "csv"


def output_format_for(path: str | os.PathLike[str] | None) -> str:
    """``jsonl`` for ``.jsonl``/``.ndjson``/``.json`` output paths, else ``csv``."""
    if path is not None and Path(path).suffix.casefold() in {".jsonl", ".ndjson", ".json"}:
        return "jsonl"
    return "csv"


def read_records(
    stream: IO[bytes],
    *,
    format: str = "auto",
    name: str | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str = "utf-8",
    delimiter: str | None = None,
) -> Iterator[Record]:
    """Read records from a binary ``stream`` of the given ``format`` (``auto``: guessed from
    ``name`` and the first bytes).

    Raises:
        ConfigError: unknown format, or a column mapping that does not fit (CSV).
    """
    raw = buffered(stream)
    fmt = format
    if fmt == "auto":
        fmt = detect_format(name, raw.peek(4096)[:4096])
    if fmt == "csv":
        return read_csv(raw, columns=columns, encoding=encoding, delimiter=delimiter)
    if fmt == "jsonl":
        return read_jsonl(raw, columns=columns, encoding=encoding)
    if fmt == "wxr":
        return read_wxr(raw)
    if fmt == "disqus":
        return read_disqus(raw)
    raise ConfigError(f"unknown input format {fmt!r} (choose from auto, {', '.join(FORMATS)})")


def open_records(
    path: str | os.PathLike[str],
    *,
    format: str = "auto",
    columns: Mapping[str, str] | None = None,
    encoding: str = "utf-8",
    delimiter: str | None = None,
) -> Iterator[Record]:
    """Open ``path`` and yield its records (see :func:`read_records`); the file is closed at the
    end of the iteration.

    Raises:
        OSError: the file cannot be opened.
        ConfigError: unknown format or a column mapping that does not fit.
    """
    with open(path, "rb") as fh:
        yield from read_records(
            fh,
            format=format,
            name=os.fspath(path),
            columns=columns,
            encoding=encoding,
            delimiter=delimiter,
        )
