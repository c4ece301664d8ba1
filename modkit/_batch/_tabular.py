"""Tabular export readers: CSV (with a header row) and JSON Lines, streamed line by line.

Each data row (CSV) or non-blank line (JSONL) becomes one :class:`Record`, in input order, its
``position`` the line number where it starts. A row that cannot be read (bad bytes, broken quoting,
a wrong number of fields, invalid JSON, an overlong line) becomes an error record; reading goes on
with the next row. Lines and fields are bounded (:data:`MAX_FIELD_CHARS`), so memory stays flat.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import json
from collections.abc import Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any

from modkit._batch._io import Lines, encoding_hint, text_stream
from modkit._batch._records import (
    FIELD_ALIASES,
    MAX_FIELD_CHARS,
    Columns,
    Record,
    blank_to_none,
    error_record,
    has_surrogates,
    is_spam_flag,
    record_from_mapping,
)
from modkit._errors import ConfigError

if TYPE_CHECKING:
    from _csv import Reader

__all__ = ["read_csv", "read_jsonl"]


def _sniff_delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


# -- CSV -----------------------------------------------------------------------------------------


def read_csv(
    stream: IO[bytes],
    *,
    columns: Mapping[str, str] | None = None,
    encoding: str = "utf-8",
    delimiter: str | None = None,
) -> Iterator[Record]:
    """Read a CSV export with a header row (delimiter sniffed from the header unless given).

    Raises:
        ConfigError: the header cannot be read, a column named in ``columns`` is not in it, or
            no text column is found.
        LookupError: unknown ``encoding``.
    """
    cols = Columns(columns)
    text = text_stream(stream, encoding)
    try:
        yield from _csv_records(text, cols, encoding, delimiter)
    finally:  # release the caller's stream without closing it
        with contextlib.suppress(ValueError):
            text.detach()


def _csv_records(
    text: io.TextIOWrapper, cols: Columns, encoding: str, delimiter: str | None
) -> Iterator[Record]:
    lines = Lines(text)
    first = ""
    skipped = 0
    for line in lines:
        if line.strip():
            first = line
            break
        skipped += 1
    if not first:
        return
    delim = delimiter or _sniff_delimiter(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delim, strict=True)
    try:
        header = _next_row(reader)
    except csv.Error as exc:
        raise ConfigError(f"the CSV header cannot be read ({exc})") from exc
    if any(has_surrogates(cell) for cell in header):
        raise ConfigError(f"the CSV header is not valid text: {encoding_hint(encoding)}")
    found = cols.resolve(header)
    missing = cols.missing_overrides(found)
    if missing:
        raise ConfigError(f"column(s) not in the CSV header: {', '.join(missing)}")
    if "text" not in found:
        raise ConfigError(
            "no text column in the CSV header (tried: "
            f"{', '.join(FIELD_ALIASES['text'])}); name it with --column text=NAME"
            f"{_other_format_hint(first)}"
        )
    index = {fld: header.index(name) for fld, name in found.items()}
    spam_flag = is_spam_flag(found.get("status"))
    count = 0
    rows = _csv_rows(
        reader,
        lines,
        index,
        width=len(header),
        spam_flag=spam_flag,
        encoding=encoding,
        offset=skipped,
    )
    for record in rows:
        count += 1
        yield record
    if not count:
        yield error_record(2 + skipped, "no_comments", "a CSV header and no data row")


def _csv_rows(
    reader: Reader,
    lines: Lines,
    index: Mapping[str, int],
    *,
    width: int,
    spam_flag: bool,
    encoding: str,
    offset: int,
) -> Iterator[Record]:
    """The records of the data rows; ``offset``: blank lines skipped before the header (line
    numbers count them)."""
    while True:
        position = reader.line_num + 1 + offset
        lines.overlong = False
        try:
            row = _next_row(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if lines.overlong or "field larger" in str(exc):
                yield error_record(
                    position, "too_large", f"a field is over {MAX_FIELD_CHARS} characters"
                )
            else:
                yield error_record(position, "csv_syntax", f"broken CSV quoting ({exc})")
            continue
        if lines.overlong:
            yield error_record(
                position, "too_large", f"a line is over {MAX_FIELD_CHARS} characters"
            )
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # a blank line is not a row
        if len(row) != width:
            yield error_record(position, "columns", f"{len(row)} fields, the header has {width}")
            continue
        if has_surrogates("".join(row)):  # one check per row: bad bytes in any cell
            yield error_record(position, "encoding", encoding_hint(encoding))
            continue
        values = {fld: (cell if (cell := row[i]).strip() else None) for fld, i in index.items()}
        yield record_from_mapping(position, values, spam_flag=spam_flag)


def _other_format_hint(first_line: str) -> str:
    """A hint when the first line of a "CSV" looks like another format."""
    head = first_line.lstrip("\ufeff \t")
    if head.startswith(("{", "[")):
        return " (the input looks like JSON Lines: --format jsonl)"
    if head.startswith("<") or "<?xml" in head:
        return " (the input looks like XML: --format wxr or --format disqus)"
    return ""


def _next_row(reader: Iterator[list[str]]) -> list[str]:
    """The next CSV row under this module's field limit; the process-wide limit is restored
    (other code may have raised it)."""
    previous = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        return next(reader)
    finally:
        csv.field_size_limit(previous)


# -- JSONL ---------------------------------------------------------------------------------------


def _json_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[bytes, bool]]:
    """Yield ``(line, overlong)``; an overlong line is cut and the rest of it skipped."""
    while True:
        line = stream.readline(limit)
        if not line:
            return
        if len(line) >= limit and not line.endswith(b"\n"):
            while True:
                more = stream.readline(limit)
                if not more or more.endswith(b"\n"):
                    break
            yield line, True
        else:
            yield line, False


def _lookup(obj: Mapping[str, Any], key: str) -> Any:
    if "." in key:
        head, _, tail = key.partition(".")
        inner = obj.get(head)
        return inner.get(tail) if isinstance(inner, Mapping) else None
    return obj.get(key)


def read_jsonl(
    stream: IO[bytes],
    *,
    columns: Mapping[str, str] | None = None,
    encoding: str = "utf-8",
) -> Iterator[Record]:
    """Read a JSON Lines export: one JSON object per line (blank lines skipped).

    Raises:
        ConfigError: unknown field in ``columns``.
        LookupError: unknown ``encoding``.
    """
    cols = Columns(columns)
    codecs.lookup(encoding)
    cache: dict[tuple[str, ...], tuple[dict[str, str], bool]] = {}
    limit = MAX_FIELD_CHARS * 4 + 2  # bytes
    for number, (raw, overlong) in enumerate(_json_lines(stream, limit), 1):
        if overlong:
            yield error_record(number, "too_large", f"a line is over {limit - 2} bytes")
            continue
        data = (
            raw[len(codecs.BOM_UTF8) :] if number == 1 and raw.startswith(codecs.BOM_UTF8) else raw
        )
        if not data.strip():
            continue
        try:
            line = data.decode(encoding)
        except UnicodeDecodeError:
            yield error_record(number, "encoding", encoding_hint(encoding))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield error_record(
                number, "json_syntax", f"invalid JSON: {exc.msg} (column {exc.colno})"
            )
            continue
        except (ValueError, RecursionError) as exc:
            yield error_record(number, "json_syntax", f"invalid JSON ({type(exc).__name__})")
            continue
        if not isinstance(obj, dict):
            yield error_record(number, "not_object", f"a JSON {type(obj).__name__}, not an object")
            continue
        keys = _flat_keys(obj)
        resolved = cache.get(keys)
        if resolved is None:
            found = cols.resolve(keys)
            resolved = (found, is_spam_flag(found.get("status")))
            if len(cache) < 64:
                cache[keys] = resolved
        found, spam_flag = resolved
        values = {fld: _lookup(obj, key) for fld, key in found.items()}
        yield record_from_mapping(number, blank_to_none(values), spam_flag=spam_flag)


def _flat_keys(obj: Mapping[str, Any]) -> tuple[str, ...]:
    keys: list[str] = []
    for key, value in itertools.islice(obj.items(), 256):
        if isinstance(value, dict):  # an object is never a field value: its members may be
            keys.extend(f"{key}.{k}" for k in itertools.islice(value, 64) if isinstance(k, str))
        else:
            keys.append(key)
    return tuple(keys)
