"""Writers of result rows (CSV, JSONL) and the resumption of an interrupted run's output.

One physical line per row; :func:`resume_output` counts the complete rows of a previous output and
cuts a partial last line, so that a run can append to it.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from typing import IO

from modkit._batch._records import OUTPUT_COLUMNS, OUTPUT_FORMATS, ResultRow
from modkit._errors import ConfigError

__all__ = ["CsvWriter", "JsonlWriter", "RowWriter", "resume_output", "writer_for"]


class RowWriter:
    """Writes result rows to a text stream, one physical line per row; counts them."""

    format: str = ""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0

    def write_header(self) -> None:
        """Write the header line, if the format has one."""

    def write(self, row: ResultRow) -> None:
        """Write one row."""
        raise NotImplementedError

    def flush(self) -> None:
        """Flush the stream."""
        self.stream.flush()


class CsvWriter(RowWriter):
    """CSV with the :data:`OUTPUT_COLUMNS` header."""

    format = "csv"

    def __init__(self, stream: IO[str]) -> None:
        super().__init__(stream)
        self._writer = csv.writer(stream, lineterminator="\n")

    def write_header(self) -> None:
        """Write the column names."""
        self._writer.writerow(OUTPUT_COLUMNS)

    def write(self, row: ResultRow) -> None:
        """Write one row."""
        self._writer.writerow(row.to_csv())
        self.count += 1


class JsonlWriter(RowWriter):
    """One JSON object per line (:meth:`ResultRow.to_dict`)."""

    format = "jsonl"

    def write(self, row: ResultRow) -> None:
        """Write one row."""
        self.stream.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
        self.count += 1


def writer_for(fmt: str, stream: IO[str]) -> RowWriter:
    """The writer of output format ``fmt`` (``csv`` or ``jsonl``).

    Raises:
        ConfigError: unknown output format.
    """
    if fmt == "csv":
        return CsvWriter(stream)
    if fmt == "jsonl":
        return JsonlWriter(stream)
    raise ConfigError(f"unknown output format {fmt!r} (choose from {', '.join(OUTPUT_FORMATS)})")


def _csv_header_line() -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(OUTPUT_COLUMNS)
    return buf.getvalue().encode("utf-8")


def resume_output(
    path: str | os.PathLike[str],
    fmt: str,
    on_row: Callable[[ResultRow], None] | None = None,
) -> tuple[int, bool]:
    """Prepare a previous run's output for appending: count its complete rows (passing each to
    ``on_row``) and cut a partial last line. Returns ``(rows, has_header)``; a missing file gives
    ``(0, False)``.

    Raises:
        ConfigError: the file is not a modkit score output of format ``fmt``.
        OSError: the file cannot be read or truncated.
    """
    try:
        fh = open(path, "r+b")  # noqa: SIM115 - closed below, truncated in place
    except FileNotFoundError:
        return 0, False
    header = _csv_header_line()
    with fh:
        offset = count = 0
        has_header = False
        for number, line in enumerate(fh, 1):
            if not line.endswith(b"\n"):
                break
            if fmt == "csv" and number == 1:
                if line != header:
                    raise ConfigError(
                        f"{os.fspath(path)!r} does not start with the modkit score CSV header: "
                        "cannot resume into it"
                    )
                has_header = True
            else:
                try:
                    row = _parse_output_line(line, fmt)
                except ValueError as exc:
                    raise ConfigError(
                        f"line {number} of {os.fspath(path)!r} is not a {fmt} result row: "
                        "cannot resume into it"
                    ) from exc
                count += 1
                if on_row is not None:
                    on_row(row)
            offset += len(line)
        fh.truncate(offset)
    return count, has_header


def _parse_output_line(line: bytes, fmt: str) -> ResultRow:
    text = line.decode("utf-8")
    if fmt == "csv":
        return ResultRow.from_csv(next(csv.reader([text])))
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("not an object")
    return ResultRow.from_dict(data)
