"""Batch scoring of comment exports: the internal API of modkit's own batch front ends.

``modkit score`` (:mod:`modkit._batch_cli`), its summary report and the Spark adapter
(:mod:`modkit.spark`) use the names in ``__all__`` and nothing else of this package; they are
internal (not part of modkit's public API) and may change with modkit. The package has one module
per concern:

- ``_records``: :class:`Record` (one row as read), :class:`ResultRow` (one row as written), field
  aliases, export statuses, error codes;
- ``_io``: input streams (buffering, decoding that keeps bad bytes, bounded lines);
- ``_tabular``: the CSV and JSON Lines readers;
- ``_xml``: the WordPress WXR and Disqus readers;
- ``_sniff``: format detection and opening (:func:`read_records`, :func:`open_records`);
- ``_writers``: CSV and JSONL writers, resumption of an interrupted output;
- ``_runner``: :func:`score_records`, chunked scoring in this process or worker processes.

Every input row gives exactly one record (an error record when it cannot be read) and every record
exactly one result row, in input order; result rows never hold an email or an IP address.
"""

from __future__ import annotations

from modkit._batch._records import (
    ACTIONS,
    ANONYMOUS_EMAIL,
    ANONYMOUS_NAME,
    ERROR_CODES,
    FIELD_ALIASES,
    FORMATS,
    MAX_FIELD_CHARS,
    OUTPUT_COLUMNS,
    OUTPUT_FORMATS,
    SCORE_COLUMNS,
    Columns,
    Record,
    ResultRow,
    blank_to_none,
    has_surrogates,
    is_spam_flag,
    normalize_status,
    record_from_mapping,
)
from modkit._batch._runner import BatchScorer, ScoreOptions, score_records
from modkit._batch._sniff import detect_format, open_records, output_format_for, read_records
from modkit._batch._tabular import read_csv, read_jsonl
from modkit._batch._writers import CsvWriter, JsonlWriter, RowWriter, resume_output, writer_for
from modkit._batch._xml import read_disqus, read_wxr

__all__ = [
    "ACTIONS",
    "ANONYMOUS_EMAIL",
    "ANONYMOUS_NAME",
    "ERROR_CODES",
    "FIELD_ALIASES",
    "FORMATS",
    "MAX_FIELD_CHARS",
    "OUTPUT_COLUMNS",
    "OUTPUT_FORMATS",
    "SCORE_COLUMNS",
    "BatchScorer",
    "Columns",
    "CsvWriter",
    "JsonlWriter",
    "Record",
    "ResultRow",
    "RowWriter",
    "ScoreOptions",
    "blank_to_none",
    "detect_format",
    "has_surrogates",
    "is_spam_flag",
    "normalize_status",
    "open_records",
    "output_format_for",
    "read_csv",
    "read_disqus",
    "read_jsonl",
    "read_records",
    "read_wxr",
    "record_from_mapping",
    "resume_output",
    "score_records",
    "writer_for",
]
