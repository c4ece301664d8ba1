"""Shared body of the batch reader targets: one record or one error record per row, nothing else.

Documented exceptions: ``ConfigError`` from the CSV reader (directly or picked by format detection,
``auto``) when the header cannot be used. Every
record is a :class:`Record`; positions never decrease; an error record has a known code and a
detail; a record's form holds only form fields.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import _common
import atheris

from modkit._batch import Record, read_csv, read_disqus, read_jsonl, read_records, read_wxr
from modkit._errors import ConfigError


def read_auto(stream: io.BytesIO) -> Iterator[Record]:
    """Format detection by content, then the reader it picks."""
    return read_records(stream, format="auto")


READERS: dict[str, Callable[[io.BytesIO], Iterator[Record]]] = {
    "csv": read_csv,
    "jsonl": read_jsonl,
    "wxr": read_wxr,
    "disqus": read_disqus,
    "auto": read_auto,
}
CODES = frozenset(
    {"encoding", "too_large", "csv_syntax", "columns", "json_syntax", "not_object",
     "xml_syntax", "xml_unsafe", "xml_format", "no_comments"}
)  # fmt: skip
FORM_KEYS = frozenset(
    {"name", "email", "url", "text", "ip", "post_id", "parent_id", "submitted_at", "lang",
     "user_agent", "referrer", "permalink"}
)  # fmt: skip
MAX_RECORDS = 100_000


def check(fmt: str, data: bytes) -> int:
    """Read ``data`` with the ``fmt`` reader; return the number of records; assert invariants."""
    reader = READERS[fmt]
    n = 0
    last = 0
    try:
        for record in reader(io.BytesIO(data)):
            assert isinstance(record, Record), type(record)
            assert record.position >= last, (record.position, last)
            last = record.position
            if record.error is not None:
                assert record.error in CODES, record.error
                assert record.detail
            else:
                assert set(record.form) <= FORM_KEYS, set(record.form) - FORM_KEYS
            n += 1
            assert n <= MAX_RECORDS
    except ConfigError:
        if fmt not in ("csv", "auto"):
            raise
    return n


def main(fmt: str) -> None:
    """Fuzz one reader."""

    def test_one_input(data: bytes) -> None:
        check(fmt, data)

    _common.run(test_one_input)


__all__ = ["READERS", "atheris", "check", "main"]
