"""Batch scoring of comment exports: readers, writers and the (parallel) runner.

Readers turn an export into :class:`Record` objects, one per input row or element, in input order:
CSV and JSONL (column names mapped to form fields), WordPress WXR (``wp:comment`` elements) and
Disqus XML (``post`` elements). A row that cannot be read becomes an error record carrying its
position and a reason code; nothing is dropped (blank lines are not rows). XML is parsed
incrementally with ``defusedxml`` (no DTD, no entity, no external reference) and every element is
freed once read, so memory stays flat whatever the size of the file.

:func:`score_records` scores records in chunks (one ``score_many`` per chunk) in this process or in
``jobs`` worker processes, each building its :class:`~modkit.Moderator` (and so loading the model)
once, and yields one :class:`ResultRow` per record, in input order. Result rows never hold an email
address or an IP address: only ids, status, action, scores and reason codes.

Row error codes (``ResultRow.error``):

=============== ==========================================================================
``encoding``    bytes that are not valid in the input encoding
``too_large``   a field or line larger than :data:`MAX_FIELD_CHARS`
``csv_syntax``  broken CSV quoting
``columns``     a CSV row whose number of fields differs from the header's
``json_syntax`` a JSONL line that is not valid JSON
``not_object``  a JSONL line whose value is not a JSON object
``xml_syntax``  malformed or truncated XML (the last row of the output)
``xml_unsafe``  XML with a DTD, an entity declaration or an external reference
``xml_format``  XML that is not an export of the chosen format
``validation``  the comment fails :func:`modkit.validate` (action ``invalid``; ``detail`` lists
                ``field:code``)
``internal``    scoring this row raised an unexpected exception
=============== ==========================================================================
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import html
import io
import itertools
import json
import math
import multiprocessing
import os
import pickle
import re
import secrets
import signal
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Any, Final

from modkit._errors import ConfigError, ModelError, ModkitError, ValidationError
from modkit._submission import parse_datetime

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult
    from xml.etree.ElementTree import Element

    from modkit._moderator import Moderator, ScorerProtocol
    from modkit._policy import Policy

__all__ = [
    "ACTIONS",
    "FIELD_ALIASES",
    "FORMATS",
    "MAX_FIELD_CHARS",
    "OUTPUT_COLUMNS",
    "OUTPUT_FORMATS",
    "SCORE_COLUMNS",
    "BatchScorer",
    "CsvWriter",
    "JsonlWriter",
    "Record",
    "ResultRow",
    "RowWriter",
    "ScoreOptions",
    "detect_format",
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
]

FORMATS: Final = ("csv", "jsonl", "wxr", "disqus")
OUTPUT_FORMATS: Final = ("csv", "jsonl")
#: Actions of a result row: the three decisions, ``invalid`` (the form would have been refused)
#: and ``error`` (the row could not be read).
ACTIONS: Final = ("accept", "hold", "reject", "invalid", "error")
#: Score columns of the CSV output, in this order (empty when the scorer gives no such score).
SCORE_COLUMNS: Final = (
    "spam",
    "toxicity",
    "severe_toxicity",
    "insult",
    "threat",
    "obscene",
    "identity_attack",
)
OUTPUT_COLUMNS: Final = (
    "position",
    "id",
    "post_id",
    "type",
    "status",
    "action",
    *SCORE_COLUMNS,
    "reasons",
    "model_version",
    "error",
    "detail",
)
#: A field (CSV) or line (JSONL) longer than this is an error row (``too_large``). The comment text
#: limit is 65,525 characters, so anything past this is refused by validation anyway.
MAX_FIELD_CHARS: Final = 1 << 20

#: Export column names tried, in order, for each field (compared case-insensitively). JSONL
#: objects may nest one level: ``author.name`` reads ``{"author": {"name": ...}}``.
FIELD_ALIASES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "text": ("text", "comment", "content", "body", "message", "comment_content"),
        "name": ("name", "author", "author_name", "comment_author", "author.name", "user"),
        "email": ("email", "author_email", "comment_author_email", "author.email"),
        "url": ("url", "website", "author_url", "comment_author_url", "author.url"),
        "ip": ("ip", "ip_address", "ipaddress", "author_ip", "comment_author_ip"),
        "id": ("id", "comment_id"),
        "post_id": ("post_id", "comment_post_id", "thread", "thread_id", "post"),
        "parent_id": ("parent_id", "parent", "comment_parent"),
        "date": (
            "date",
            "date_gmt",
            "comment_date_gmt",
            "comment_date",
            "created_at",
            "createdat",
            "created",
        ),
        "status": ("status", "approved", "comment_approved", "is_spam", "isspam", "spam", "label"),
        "type": ("type", "comment_type"),
        "lang": ("lang", "language"),
    }
)
_FORM_FIELDS: Final = ("name", "email", "url", "text", "ip", "parent_id", "lang")

#: Placeholders for the fields a comment form requires and old exports often lack (pingbacks have
#: no email, CSV dumps may have no author): the comment is still scored on its text.
ANONYMOUS_NAME: Final = "anonymous"
ANONYMOUS_EMAIL: Final = "anonymous@example.com"

_ROUND: Final = 6
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_ONE_LINE_MAX: Final = 200


# -- records and result rows ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Record:
    """One row of an export, as read.

    ``position`` is the CSV/JSONL line number where the row starts (the CSV header is line 1) or
    the 1-based index of the comment element in an XML export. ``form`` holds the fields
    :meth:`~modkit.Moderator.check` reads (name, email, url, text, ip, post_id, parent_id,
    submitted_at, lang). ``status`` is the export's own verdict when it has one: ``approved``,
    ``pending``, ``spam``, ``trash`` or ``deleted``. ``error`` is set (a code, and a ``detail``
    naming no value) when the row could not be read.
    """

    position: int
    form: Mapping[str, Any] = field(default_factory=dict)
    id: str | None = None
    post_id: str | None = None
    type: str = "comment"
    status: str | None = None
    error: str | None = None
    detail: str | None = None

    def __repr__(self) -> str:
        return (
            f"Record(position={self.position}, id={self.id!r}, type={self.type!r}, "
            f"status={self.status!r}, error={self.error!r})"
        )


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One output row: the comment's ids and export status, and modkit's decision.

    ``action`` is one of :data:`ACTIONS`; ``reasons`` are reason codes, most severe first;
    ``scores`` are rounded to 6 decimals. Never holds an email or an IP.
    """

    position: int
    id: str | None
    post_id: str | None
    type: str
    status: str | None
    action: str
    scores: Mapping[str, float]
    reasons: tuple[str, ...]
    model_version: str | None
    error: str | None = None
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSONL form of the row."""
        return {
            "position": self.position,
            "id": self.id,
            "post_id": self.post_id,
            "type": self.type,
            "status": self.status,
            "action": self.action,
            "scores": dict(self.scores),
            "reasons": list(self.reasons),
            "model_version": self.model_version,
            "error": self.error,
            "detail": self.detail,
        }

    def to_csv(self) -> list[str]:
        """Return the CSV cells of the row, in :data:`OUTPUT_COLUMNS` order."""
        scores = [_fmt_score(self.scores.get(k)) for k in SCORE_COLUMNS]
        return [
            str(self.position),
            self.id or "",
            self.post_id or "",
            self.type,
            self.status or "",
            self.action,
            *scores,
            " ".join(self.reasons),
            self.model_version or "",
            self.error or "",
            self.detail or "",
        ]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ResultRow:
        """Rebuild a row from :meth:`to_dict` output.

        Raises:
            ValueError: ``data`` is not a result row.
        """
        try:
            scores = {str(k): float(v) for k, v in (data.get("scores") or {}).items()}
            return cls(
                position=int(data["position"]),
                id=_opt(data.get("id")),
                post_id=_opt(data.get("post_id")),
                type=str(data.get("type") or "comment"),
                status=_opt(data.get("status")),
                action=_check_action(data["action"]),
                scores=scores,
                reasons=tuple(str(r) for r in data.get("reasons") or ()),
                model_version=_opt(data.get("model_version")),
                error=_opt(data.get("error")),
                detail=_opt(data.get("detail")),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a modkit result row ({type(exc).__name__})") from exc

    @classmethod
    def from_csv(cls, cells: Sequence[str]) -> ResultRow:
        """Rebuild a row from :meth:`to_csv` cells.

        Raises:
            ValueError: the cells are not a result row.
        """
        if len(cells) != len(OUTPUT_COLUMNS):
            raise ValueError(f"{len(cells)} cells, a result row has {len(OUTPUT_COLUMNS)}")
        n = len(SCORE_COLUMNS)
        raw_scores = cells[6 : 6 + n]
        rest = cells[6 + n :]
        return cls(
            position=int(cells[0]),
            id=cells[1] or None,
            post_id=cells[2] or None,
            type=cells[3] or "comment",
            status=cells[4] or None,
            action=_check_action(cells[5]),
            scores={k: float(v) for k, v in zip(SCORE_COLUMNS, raw_scores, strict=True) if v},
            reasons=tuple(rest[0].split()),
            model_version=rest[1] or None,
            error=rest[2] or None,
            detail=rest[3] or None,
        )


def _check_action(value: object) -> str:
    if value not in ACTIONS:
        raise ValueError(f"unknown action {str(value)[:20]!r}")
    return str(value)


def _opt(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def _fmt_score(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def one_line(value: str, limit: int = _ONE_LINE_MAX) -> str:
    """``value`` on one line (control characters and line separators become spaces), cut."""
    return _CONTROL.sub(" ", value[: limit * 2]).strip()[:limit]


def _scalar(value: object, limit: int = _ONE_LINE_MAX) -> str | None:
    """A short single-line string for an id, type or status cell; None for absent or odd values."""
    if value is None or isinstance(value, bool | dict | list | tuple):
        return None
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    elif isinstance(value, str):
        text = value
    else:
        return None
    if _has_surrogates(text):
        return None
    return one_line(text, limit) or None


def _has_surrogates(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# -- status, type and record building ------------------------------------------------------------

_APPROVED = frozenset({"1", "approved", "approve", "true", "yes", "ham", "ok", "published"})
_APPROVED |= {"accept", "accepted", "publish", "visible", "valid"}
_PENDING = frozenset({"0", "pending", "hold", "held", "unapproved", "moderation", "moderated"})
_SPAM = frozenset({"spam", "junk"})
_TRASH = frozenset({"trash", "trashed", "post-trashed", "rejected", "reject", "removed"})
_DELETED = frozenset({"deleted", "delete"})
_TRUE = frozenset({"1", "true", "yes", "y", "t"})
_FALSE = frozenset({"0", "false", "no", "n", "f"})


def normalize_status(value: object, *, spam_flag: bool = False) -> str | None:
    """Map an export's own verdict to ``approved``, ``pending``, ``spam``, ``trash``, ``deleted``.

    ``spam_flag``: the value comes from a yes/no spam column (``is_spam``, ``isSpam``), so true
    means ``spam`` and false means ``approved``. Unknown values give None.
    """
    if isinstance(value, bool):
        word = "1" if value else "0"
    elif isinstance(value, int) and not isinstance(value, bool):
        word = str(value)
    elif isinstance(value, str):
        word = value.strip().casefold()
    else:
        return None
    if spam_flag:
        if word in _TRUE or word in _SPAM:
            return "spam"
        if word in _FALSE or word in {"ham", "approved"}:
            return "approved"
        return None
    for status, words in (
        ("approved", _APPROVED),
        ("pending", _PENDING),
        ("spam", _SPAM),
        ("trash", _TRASH),
        ("deleted", _DELETED),
    ):
        if word in words:
            return status
    return None


def _normalize_type(value: object) -> str:
    text = _scalar(value, 32)
    if not text or text.casefold() == "comment":
        return "comment"
    return text.casefold()


def _date_value(value: object) -> str | None:
    """An ISO date for the form when ``value`` parses as one; odd dates are dropped, not errors."""
    if value is None or value == "":
        return None
    parsed = parse_datetime(value)
    return parsed.isoformat() if parsed is not None else None


def record_from_mapping(
    position: int, values: Mapping[str, Any], *, spam_flag: bool = False
) -> Record:
    """Build a record from ``{field: value}`` (fields as in :data:`FIELD_ALIASES`).

    ``spam_flag``: the ``status`` value is a yes/no spam flag (see :func:`normalize_status`).
    """
    form: dict[str, Any] = {k: values[k] for k in _FORM_FIELDS if values.get(k) is not None}
    post_id = _scalar(values.get("post_id"), 64)
    if post_id is not None:
        form["post_id"] = post_id
    date = _date_value(values.get("date"))
    if date is not None:
        form["submitted_at"] = date
    return Record(
        position=position,
        form=form,
        id=_scalar(values.get("id")),
        post_id=post_id,
        type=_normalize_type(values.get("type")),
        status=normalize_status(values.get("status"), spam_flag=spam_flag),
    )


def _error(position: int, code: str, detail: str) -> Record:
    return Record(position=position, error=code, detail=detail)


class _Columns:
    """Resolves export column names to fields: explicit ``overrides`` first, then the aliases."""

    def __init__(self, overrides: Mapping[str, str] | None) -> None:
        overrides = dict(overrides or {})
        unknown = sorted(set(overrides) - set(FIELD_ALIASES))
        if unknown:
            raise ConfigError(
                f"unknown field(s) in the column mapping: {', '.join(unknown)} "
                f"(fields: {', '.join(FIELD_ALIASES)})"
            )
        self.overrides = {k: v.casefold() for k, v in overrides.items()}

    def resolve(self, names: Iterable[str]) -> dict[str, str]:
        """Return ``{field: column name}`` for the fields found among ``names``."""
        by_fold: dict[str, str] = {}
        for name in names:
            by_fold.setdefault(name.strip().casefold(), name)
        out: dict[str, str] = {}
        for fld, aliases in FIELD_ALIASES.items():
            wanted = self.overrides.get(fld)
            candidates = (wanted,) if wanted is not None else aliases
            for alias in candidates:
                if alias in by_fold:
                    out[fld] = by_fold[alias]
                    break
        return out

    def missing_overrides(self, found: Mapping[str, str]) -> list[str]:
        """The explicitly mapped fields whose column is absent."""
        return [f"{k}={v}" for k, v in self.overrides.items() if k not in found]


def _is_spam_flag(column: str | None) -> bool:
    return column is not None and "spam" in column.casefold()


# -- text input helpers --------------------------------------------------------------------------


class _Lines:
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


def _buffered(stream: IO[bytes]) -> io.BufferedReader:
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


def _text_stream(stream: IO[bytes], encoding: str) -> io.TextIOWrapper:
    """Decode ``stream``: a BOM wins over ``encoding``; bad bytes kept as surrogates (checked per
    row)."""
    raw = _buffered(stream)
    head = raw.peek(4)[:4]
    enc = codecs.lookup(encoding).name
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not enc.startswith("utf-32"):
        enc = "utf-16"
    elif enc == "utf-8":
        enc = "utf-8-sig"
    return io.TextIOWrapper(raw, encoding=enc, errors=_ESCAPE_ANY, newline="")


def _encoding_hint(encoding: str) -> str:
    hint = " (an export from Windows? try --encoding cp1252)" if "utf" in encoding.lower() else ""
    return f"bytes that are not valid {encoding}{hint}"


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
    cols = _Columns(columns)
    text = _text_stream(stream, encoding)
    try:
        yield from _csv_records(text, cols, encoding, delimiter)
    finally:  # release the caller's stream without closing it
        with contextlib.suppress(ValueError):
            text.detach()


def _csv_records(
    text: io.TextIOWrapper, cols: _Columns, encoding: str, delimiter: str | None
) -> Iterator[Record]:
    lines = _Lines(text)
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
    if any(_has_surrogates(cell) for cell in header):
        raise ConfigError(f"the CSV header is not valid text: {_encoding_hint(encoding)}")
    found = cols.resolve(header)
    missing = cols.missing_overrides(found)
    if missing:
        raise ConfigError(f"column(s) not in the CSV header: {', '.join(missing)}")
    if "text" not in found:
        raise ConfigError(
            "no text column in the CSV header (tried: "
            f"{', '.join(FIELD_ALIASES['text'])}); name it with --column text=NAME"
        )
    index = {fld: header.index(name) for fld, name in found.items()}
    width = len(header)
    spam_flag = _is_spam_flag(found.get("status"))
    offset = skipped  # line numbers count the blank lines skipped before the header
    while True:
        position = reader.line_num + 1 + offset
        lines.overlong = False
        try:
            row = _next_row(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if lines.overlong or "field larger" in str(exc):
                yield _error(position, "too_large", f"a field is over {MAX_FIELD_CHARS} characters")
            else:
                yield _error(position, "csv_syntax", f"broken CSV quoting ({exc})")
            continue
        if lines.overlong:
            yield _error(position, "too_large", f"a line is over {MAX_FIELD_CHARS} characters")
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # a blank line is not a row
        if len(row) != width:
            yield _error(position, "columns", f"{len(row)} fields, the header has {width}")
            continue
        if any(_has_surrogates(cell) for cell in row):
            yield _error(position, "encoding", _encoding_hint(encoding))
            continue
        values = {fld: row[i] for fld, i in index.items()}
        yield record_from_mapping(position, _blank_to_none(values), spam_flag=spam_flag)


def _next_row(reader: Iterator[list[str]]) -> list[str]:
    """The next CSV row under this module's field limit; the process-wide limit is restored
    (other code may have raised it)."""
    previous = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        return next(reader)
    finally:
        csv.field_size_limit(previous)


def _blank_to_none(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (None if isinstance(v, str) and not v.strip() else v) for k, v in values.items()}


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
    cols = _Columns(columns)
    codecs.lookup(encoding)
    cache: dict[tuple[str, ...], tuple[dict[str, str], bool]] = {}
    limit = MAX_FIELD_CHARS * 4 + 2  # bytes
    for number, (raw, overlong) in enumerate(_json_lines(stream, limit), 1):
        if overlong:
            yield _error(number, "too_large", f"a line is over {limit - 2} bytes")
            continue
        data = (
            raw[len(codecs.BOM_UTF8) :] if number == 1 and raw.startswith(codecs.BOM_UTF8) else raw
        )
        if not data.strip():
            continue
        try:
            line = data.decode(encoding)
        except UnicodeDecodeError:
            yield _error(number, "encoding", _encoding_hint(encoding))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _error(number, "json_syntax", f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except (ValueError, RecursionError) as exc:
            yield _error(number, "json_syntax", f"invalid JSON ({type(exc).__name__})")
            continue
        if not isinstance(obj, dict):
            yield _error(number, "not_object", f"a JSON {type(obj).__name__}, not an object")
            continue
        keys = _flat_keys(obj)
        resolved = cache.get(keys)
        if resolved is None:
            found = cols.resolve(keys)
            resolved = (found, _is_spam_flag(found.get("status")))
            if len(cache) < 64:
                cache[keys] = resolved
        found, spam_flag = resolved
        values = {fld: _lookup(obj, key) for fld, key in found.items()}
        yield record_from_mapping(number, _blank_to_none(values), spam_flag=spam_flag)


def _flat_keys(obj: Mapping[str, Any]) -> tuple[str, ...]:
    keys: list[str] = []
    for key, value in itertools.islice(obj.items(), 256):
        if isinstance(value, dict):  # an object is never a field value: its members may be
            keys.extend(f"{key}.{k}" for k in itertools.islice(value, 64) if isinstance(k, str))
        else:
            keys.append(key)
    return tuple(keys)


# -- XML (WordPress WXR, Disqus) -----------------------------------------------------------------

_WP_NS_PREFIX: Final = "{http://wordpress.org/export/"
_DSQ_ID: Final = "{http://disqus.com/disqus-internals}id"


def _local(tag: object) -> str:
    text = tag if isinstance(tag, str) else ""
    return text.rsplit("}", 1)[-1]


def _iterparse(stream: IO[bytes]) -> Iterator[tuple[str, Element]]:
    """``(event, element)`` pairs of a safe incremental parse (start and end events).

    Raises:
        ConfigError: ``defusedxml`` is not installed.
    """
    try:
        from defusedxml.ElementTree import (  # type: ignore[import-untyped]
            iterparse,
        )
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ConfigError(
            "reading XML exports needs defusedxml: pip install defusedxml"
            " (or modkit-moderation[spark])"
        ) from exc
    events: Iterator[tuple[str, Element]] = iterparse(
        stream, events=("start", "end"), forbid_dtd=True, forbid_entities=True
    )
    return events


def _xml_failure(position: int, exc: Exception) -> Record:
    from xml.etree.ElementTree import ParseError

    if isinstance(exc, ParseError):
        line, col = getattr(exc, "position", (0, 0))
        reason = str(exc).split(":", 1)[0]
        return _error(
            position,
            "xml_syntax",
            f"XML malformed or truncated at line {line}, column {col} ({reason}); "
            "nothing after it can be read",
        )
    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]

    if isinstance(exc, LookupError | UnicodeError | ValueError) and not isinstance(
        exc, DefusedXmlException
    ):
        return _error(
            position,
            "xml_syntax",
            f"XML unreadable: its declared encoding cannot be decoded ({type(exc).__name__}); "
            "nothing after it can be read",
        )
    return _error(
        position,
        "xml_unsafe",
        f"XML with a DTD, entity or external reference refused ({type(exc).__name__})",
    )


def _xml_errors() -> tuple[type[Exception], ...]:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException

    # LookupError, UnicodeError and ValueError come from an encoding declaration expat cannot use
    # (unknown, not a text codec, or multi-byte: UTF-7, UTF-32, Shift-JIS).
    return (ParseError, DefusedXmlException, LookupError, UnicodeError, ValueError)


def _children_text(elem: Element) -> dict[str, str]:
    return {_local(child.tag): child.text or "" for child in elem}


def read_wxr(stream: IO[bytes]) -> Iterator[Record]:
    """Read a WordPress export (WXR): one record per ``wp:comment``, pingbacks and trackbacks
    included (``type``). ``position`` is the comment's index in the file, from 1.

    Malformed or truncated XML ends the records with one ``xml_syntax`` error record.

    Raises:
        ConfigError: ``defusedxml`` is not installed.
    """
    errors = _xml_errors()
    count = 0
    stack: list[Element] = []
    post_id: str | None = None
    root_name = ""
    try:
        for event, elem in _iterparse(stream):
            if event == "start":
                if not stack:
                    root_name = _local(elem.tag)
                stack.append(elem)
                continue
            stack.pop()
            tag = elem.tag if isinstance(elem.tag, str) else ""
            local = _local(tag)
            in_wp = tag.startswith(_WP_NS_PREFIX)
            parent = stack[-1] if stack else None
            if in_wp and local == "comment" and root_name == "rss":
                count += 1
                yield _wxr_record(count, elem, post_id)
            elif in_wp and local == "post_id" and parent is not None:
                post_id = _scalar(elem.text, 64)
            elif local == "item":
                post_id = None
            if parent is not None and (len(stack) <= 2 or local == "comment"):
                elem.clear()
                parent.remove(elem)
    except errors as exc:
        yield _xml_failure(count + 1, exc)
        return
    if count == 0 and root_name and root_name != "rss":
        yield _error(1, "xml_format", f"not a WordPress export (root element <{root_name[:40]}>)")


def _wxr_record(position: int, elem: Element, post_id: str | None) -> Record:
    f = _children_text(elem)
    values = {
        "id": f.get("comment_id"),
        "name": f.get("comment_author"),
        "email": f.get("comment_author_email"),
        "url": f.get("comment_author_url"),
        "ip": f.get("comment_author_IP"),
        "date": f.get("comment_date_gmt") or f.get("comment_date"),
        "text": _unescape(f.get("comment_content")),
        "status": f.get("comment_approved"),
        "type": f.get("comment_type"),
        "parent_id": f.get("comment_parent"),
        "post_id": post_id,
    }
    if _parse_date_or_none(values["date"]) is None:
        values["date"] = f.get("comment_date")
    return record_from_mapping(position, _blank_to_none(values))


def _unescape(content: str | None) -> str | None:
    """WordPress stores comments as HTML: entities (``&#8230;``) back to characters, tags kept
    as typed (links count)."""
    if not content or "&" not in content or len(content) > MAX_FIELD_CHARS:
        return content
    return html.unescape(content)


def _parse_date_or_none(value: str | None) -> object:
    if not value or value.startswith("0000"):
        return None
    return parse_datetime(value)


def read_disqus(stream: IO[bytes]) -> Iterator[Record]:
    """Read a Disqus export: one record per ``post`` element (message HTML turned into text,
    status ``spam`` / ``deleted`` / ``approved`` from ``isSpam`` and ``isDeleted``).

    Malformed or truncated XML ends the records with one ``xml_syntax`` error record.

    Raises:
        ConfigError: ``defusedxml`` is not installed.
    """
    errors = _xml_errors()
    count = 0
    stack: list[Element] = []
    root_name = ""
    try:
        for event, elem in _iterparse(stream):
            if event == "start":
                if not stack:
                    root_name = _local(elem.tag)
                stack.append(elem)
                continue
            stack.pop()
            local = _local(elem.tag)
            if len(stack) == 1:  # a child of the root: category, thread or post
                if local == "post" and root_name == "disqus":
                    count += 1
                    yield _disqus_record(count, elem)
                elem.clear()
                stack[0].remove(elem)
    except errors as exc:
        yield _xml_failure(count + 1, exc)
        return
    if count == 0 and root_name and root_name != "disqus":
        yield _error(1, "xml_format", f"not a Disqus export (root element <{root_name[:40]}>)")


def _flag(value: str | None) -> bool:
    return (value or "").strip().casefold() in _TRUE


def _disqus_record(position: int, elem: Element) -> Record:
    f: dict[str, str] = {}
    author: dict[str, str] = {}
    thread_id = parent_id = None
    post_id_attr = elem.get(_DSQ_ID)
    for child in elem:
        local = _local(child.tag)
        if local == "author":
            author = _children_text(child)
        elif local == "thread":
            thread_id = child.get(_DSQ_ID) or child.text
        elif local == "parent":
            parent_id = child.get(_DSQ_ID) or child.text
        else:
            f[local] = child.text or ""
    if _flag(f.get("isSpam")):
        status = "spam"
    elif _flag(f.get("isDeleted")):
        status = "deleted"
    elif "isApproved" in f and not _flag(f.get("isApproved")):
        status = "pending"
    else:
        status = "approved"
    message = f.get("message")
    values = {
        "id": post_id_attr or f.get("id"),
        "name": author.get("name") or author.get("username"),
        "email": author.get("email"),
        "ip": f.get("ipAddress"),
        "date": f.get("createdAt"),
        "text": html_to_text(message) if message else None,
        "status": status,
        "post_id": thread_id,
        "parent_id": parent_id,
    }
    return record_from_mapping(position, _blank_to_none(values))


class _TextExtractor(HTMLParser):
    _BREAKS: Final = frozenset({"br", "p", "div", "li", "blockquote", "pre", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.href: str | None = None
        self.anchor_start = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BREAKS and self.parts:
            self.parts.append("\n")
        if tag == "a":
            self.href = dict(attrs).get("href")
            self.anchor_start = len(self.parts)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"p", "blockquote", "pre"}:
            self.parts.append("\n")
        elif tag == "a" and self.href:
            shown = "".join(self.parts[self.anchor_start :]).strip()
            if self.href not in shown:
                self.parts.append(f" ({self.href})")
            self.href = None

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of a small HTML fragment (Disqus messages): tags dropped, entities decoded,
    paragraphs and ``<br>`` as newlines, link targets kept in parentheses. Fragments longer than
    :data:`MAX_FIELD_CHARS` are returned unchanged (validation refuses them)."""
    if "<" not in markup and "&" not in markup:
        return markup
    if len(markup) > MAX_FIELD_CHARS:
        return markup
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except AssertionError:  # html.parser on a broken marked section ("<![x["): keep the rest raw
        return ("".join(parser.parts) + parser.rawdata).strip()
    return "".join(parser.parts).strip()


# -- format detection and opening ----------------------------------------------------------------

_EXTENSIONS: Final = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}


def _sniff(head: bytes) -> str:
    text = head.lstrip(codecs.BOM_UTF8).lstrip().lower()
    if text.startswith(b"<"):
        if b"<disqus" in text:
            return "disqus"
        return "wxr"
    if text.startswith((b"{", b"[")):
        return "jsonl"
    return "csv"


def detect_format(path: str | os.PathLike[str] | None, head: bytes = b"") -> str:
    """Guess the input format from the file extension, else from its first bytes ``head``."""
    if path is not None:
        suffix = Path(path).suffix.casefold()
        if suffix in _EXTENSIONS:
            return _EXTENSIONS[suffix]
        if suffix == ".xml" and head:
            return _sniff(head)
    return _sniff(head)


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
    raw = _buffered(stream)
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


# -- writers and resume --------------------------------------------------------------------------


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


# -- scoring -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreOptions:
    """How records are scored; picklable, sent once to each worker process.

    ``scorer``: a ready scorer object (pickled to workers); else the model folder ``model`` (else
    the shipped default model) is loaded in each worker, unless ``rules_only``. ``fill_missing``:
    score comments whose export lacks the author name or email (see :data:`ANONYMOUS_EMAIL`).
    ``policy`` travels as :meth:`Policy.to_dict` (a subclass's overridden hooks do not).
    """

    policy: Policy | None = None
    model: str | None = None
    scorer: Any = None
    rules_only: bool = False
    lang: str | None = None
    fill_missing: bool = True

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if self.policy is not None:
            state["policy"] = self.policy.to_dict()
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        policy = state.get("policy")
        if isinstance(policy, dict):
            from modkit._policy import Policy

            state = {**state, "policy": Policy.from_dict(policy)}
        self.__dict__.update(state)


def _load_scorer(options: ScoreOptions) -> ScorerProtocol | None:
    if options.scorer is not None:
        scorer: ScorerProtocol = options.scorer
        return scorer
    if options.rules_only:
        return None
    if options.model is None:
        return None  # Moderator loads the shipped default model (cached per process)
    try:
        from modkit._model import Scorer
    except ImportError as exc:  # pragma: no cover - the model module ships with modkit
        raise ModelError(f"the model module is not available ({exc})") from exc
    loaded: ScorerProtocol = Scorer.load(options.model)
    return loaded


class BatchScorer:
    """Scores chunks of records with one :class:`~modkit.Moderator` (built once).

    Decisions are not recorded in the store, so a row's decision does not depend on the rows
    before it (chunking, ``jobs`` and Spark partitions give the same output).

    Raises:
        ModelError: the model cannot be loaded.
    """

    def __init__(self, options: ScoreOptions) -> None:
        from modkit._moderator import Moderator

        self.options = options
        scorer = _load_scorer(options)
        self.moderator: Moderator = Moderator(
            policy=options.policy,
            scorer=scorer,
            rules_only=options.rules_only and scorer is None,
            secret=secrets.token_bytes(32),
            lang=options.lang,
        )

    def _form(self, record: Record) -> Mapping[str, Any]:
        form = record.form
        if not self.options.fill_missing:
            return form
        name, email = form.get("name"), form.get("email")
        if _present(name) and _present(email):
            return form
        filled = dict(form)
        if not _present(name):
            filled["name"] = ANONYMOUS_NAME
        if not _present(email):
            filled["email"] = ANONYMOUS_EMAIL
        return filled

    def score_chunk(self, records: Sequence[Record]) -> list[ResultRow]:
        """One result row per record, in order (one scorer call for the chunk)."""
        todo = [r for r in records if r.error is None]
        try:
            results: list[Any] = self.moderator.check_many(
                [self._form(r) for r in todo], record=False
            )
        except Exception:  # isolate the row that breaks the chunk: never lose the others
            results = [self._check_one(r) for r in todo]
        by_id = {id(r): res for r, res in zip(todo, results, strict=True)}
        return [_result_row(r, by_id.get(id(r))) for r in records]

    def _check_one(self, record: Record) -> Any:
        try:
            return self.moderator.check_many([self._form(record)], record=False)[0]
        except Exception as exc:  # reported as an error row, with the exception type only
            return exc


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _result_row(record: Record, result: Any) -> ResultRow:
    def row(action: str, error: str | None = None, detail: str | None = None) -> ResultRow:
        return ResultRow(
            position=record.position,
            id=record.id,
            post_id=record.post_id,
            type=record.type,
            status=record.status,
            action=action,
            scores={},
            reasons=(),
            model_version=None,
            error=error,
            detail=detail,
        )

    if record.error is not None:
        return row("error", record.error, record.detail)
    if isinstance(result, ValidationError):
        detail = " ".join(f"{e.field}:{e.code}" for e in result.errors)
        return row("invalid", "validation", detail or "invalid")
    if isinstance(result, BaseException) or result is None:
        kind = type(result).__name__ if result is not None else "no result"
        return row("error", "internal", f"scoring failed ({kind})")
    return ResultRow(
        position=record.position,
        id=record.id,
        post_id=record.post_id,
        type=record.type,
        status=record.status,
        action=str(result.action.value),
        scores={str(k): round(float(v), _ROUND) for k, v in result.scores.items()},
        reasons=tuple(result.codes),
        model_version=result.model_version,
    )


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    it = iter(records)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


_worker: BatchScorer | None = None
_worker_error: Exception | None = None


def _init_worker(payload: ScoreOptions | bytes) -> None:
    """Build this worker's scorer once. ``payload`` is the options themselves (fork) or their
    pickle (spawn), unpickled here so that a failure is reported instead of killing the worker
    (a Pool would respawn it forever)."""
    global _worker, _worker_error  # noqa: PLW0603 - one scorer per worker process, by design
    # The parent handles interrupts and stops the pool; a worker just ends.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _worker is not None and _worker.options is payload:
        return  # inherited from the parent (fork): the model is already loaded
    try:
        options = pickle.loads(payload) if isinstance(payload, bytes) else payload  # noqa: S301
        _worker = BatchScorer(options)
    except Exception as exc:  # reported by the first task
        _worker = None
        _worker_error = (
            exc
            if isinstance(exc, ModkitError)
            else ModelError(f"a batch worker cannot start ({type(exc).__name__}: {exc})")
        )


def _work(chunk: list[Record]) -> list[ResultRow]:
    if _worker is None:
        raise _worker_error or ModelError("the batch worker was not initialised")
    return _worker.score_chunk(chunk)


def _start_method(requested: str | None) -> str:
    methods = multiprocessing.get_all_start_methods()
    if requested is not None:
        if requested not in methods:
            raise ConfigError(f"start method {requested!r} unavailable (have {', '.join(methods)})")
        return requested
    # fork shares the parent's loaded model; unsafe once other threads run, so spawn then.
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "spawn"


def score_records(
    records: Iterable[Record],
    options: ScoreOptions,
    *,
    jobs: int = 1,
    chunk_size: int = 512,
    start_method: str | None = None,
) -> Generator[ResultRow, None, None]:
    """Score ``records`` and yield one result row per record, in input order.

    ``jobs > 1`` scores chunks in that many worker processes (at most ``4 * jobs`` chunks in
    flight, so memory stays flat); each worker builds its Moderator once.

    Raises:
        ModelError: the model cannot be loaded.
        ConfigError: ``jobs`` or ``chunk_size`` below 1, or an unavailable ``start_method``.
    """
    if jobs < 1 or chunk_size < 1:
        raise ConfigError("jobs and chunk_size must be at least 1")
    if jobs == 1:
        scorer = BatchScorer(options)
        for chunk in _chunks(records, chunk_size):
            yield from scorer.score_chunk(chunk)
        return
    yield from _score_parallel(records, options, jobs, chunk_size, _start_method(start_method))


def _score_parallel(
    records: Iterable[Record], options: ScoreOptions, jobs: int, chunk_size: int, method: str
) -> Iterator[ResultRow]:
    global _worker  # noqa: PLW0603 - handed to forked workers, reset after
    ctx = multiprocessing.get_context(method)
    if method == "fork":
        _worker = BatchScorer(options)  # load once here; forked workers share it
    try:
        payload: ScoreOptions | bytes = options if method == "fork" else pickle.dumps(options)
        with ctx.Pool(jobs, initializer=_init_worker, initargs=(payload,)) as pool:
            pending: deque[AsyncResult[list[ResultRow]]] = deque()
            for chunk in _chunks(records, chunk_size):
                pending.append(pool.apply_async(_work, (chunk,)))
                while len(pending) >= 4 * jobs:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        if method == "fork":
            _worker = None
