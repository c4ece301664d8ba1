"""Input streams of the readers: buffering, decoding that keeps bad bytes, lines of bounded size.

Undecodable bytes become lone surrogates (U+DC00 + byte) that the readers turn into ``encoding``
error rows, so one bad row never stops a file; a line longer than the limit is skipped whole and
reported, so memory stays flat.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import IO, Final

from modkit._batch._records import MAX_FIELD_CHARS

__all__ = ["Lines", "buffered", "encoding_hint", "text_stream"]


class Lines:
    """Lines of a text stream, each at most ``limit`` characters. A longer line is skipped and
    replaced by a field over the CSV field limit, which makes the CSV reader fail on that row
    and start afresh on the next line, whatever its quoting state; :attr:`overlong` is set."""

    def __init__(self, stream: IO[str], limit: int = MAX_FIELD_CHARS + 2) -> None:
        self.stream = stream
        self.limit = limit
        self.overlong = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.stream.readline(self.limit)
        if not line:
            raise StopIteration
        if len(line) >= self.limit and not line.endswith(("\n", "\r")):
            self.overlong = True
            while True:
                more = self.stream.readline(self.limit)
                if not more or more.endswith(("\n", "\r")):
                    break
            return "x" * (MAX_FIELD_CHARS + 1)
        return line


def buffered(stream: IO[bytes]) -> io.BufferedReader:
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(stream)  # type: ignore[arg-type]


_ESCAPE_ANY: Final = "modkit-escape-any"


def _escape_any(exc: UnicodeError) -> tuple[str, int]:
    """Like ``surrogateescape``, for every byte value: undecodable bytes become lone surrogates
    (U+DC00 + byte), which the readers turn into ``encoding`` error rows."""
    if isinstance(exc, UnicodeDecodeError):
        return "".join(chr(0xDC00 + b) for b in exc.object[exc.start : exc.end]), exc.end
    raise exc


codecs.register_error(_ESCAPE_ANY, _escape_any)


def text_stream(stream: IO[bytes], encoding: str) -> io.TextIOWrapper:
    """Decode ``stream``: a BOM wins over ``encoding``; bad bytes kept as surrogates (checked per
    row)."""
    raw = buffered(stream)
    head = raw.peek(4)[:4]
    enc = codecs.lookup(encoding).name
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not enc.startswith("utf-32"):
        enc = "utf-16"
    elif enc == "utf-8":
        enc = "utf-8-sig"
    return io.TextIOWrapper(raw, encoding=enc, errors=_ESCAPE_ANY, newline="")


def encoding_hint(encoding: str) -> str:
    hint = " (an export from Windows? try --encoding cp1252)" if "utf" in encoding.lower() else ""
    return f"bytes that are not valid {encoding}{hint}"
