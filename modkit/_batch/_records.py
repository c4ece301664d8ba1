"""Records and result rows of batch scoring: what a reader yields and what a writer writes.

:class:`Record` is one row of an export as read (form fields, ids, the export's own verdict, or an
error code); :class:`ResultRow` is one output row (ids, status, action, scores, reason codes,
never an email or an IP). Also the field aliases of export columns, the mapping of export verdicts
to statuses and the building of a record from ``{field: value}``.

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
``xml_format``  XML that is not an export of the chosen format, or a comment element in an
                unknown namespace
``no_comments`` a non-empty export in which no comment was found (``detail``: the likely cause)
``validation``  the comment fails :func:`modkit.validate` (action ``invalid``; ``detail`` lists
                ``field:code``)
``internal``    scoring this row raised an unexpected exception
=============== ==========================================================================
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final

from modkit._errors import ConfigError
from modkit._submission import parse_datetime

__all__ = [
    "ACTIONS",
    "ANONYMOUS_EMAIL",
    "ANONYMOUS_NAME",
    "ERROR_CODES",
    "FALSE_WORDS",
    "FIELD_ALIASES",
    "FORMATS",
    "MAX_FIELD_CHARS",
    "OUTPUT_COLUMNS",
    "OUTPUT_FORMATS",
    "SCORE_COLUMNS",
    "TRUE_WORDS",
    "Columns",
    "Record",
    "ResultRow",
    "blank_to_none",
    "error_record",
    "has_surrogates",
    "is_spam_flag",
    "normalize_status",
    "one_line",
    "record_from_mapping",
    "scalar",
]

FORMATS: Final = ("csv", "jsonl", "wxr", "disqus")
OUTPUT_FORMATS: Final = ("csv", "jsonl")
#: Actions of a result row: the three decisions, ``invalid`` (the form would have been refused)
#: and ``error`` (the row could not be read).
ACTIONS: Final = ("accept", "hold", "reject", "invalid", "error")
#: Error codes of the records a reader could not read (``Record.error``); scoring adds
#: ``validation`` (action ``invalid``) and ``internal``.
ERROR_CODES: Final = (
    "encoding",
    "too_large",
    "csv_syntax",
    "columns",
    "json_syntax",
    "not_object",
    "xml_syntax",
    "xml_unsafe",
    "xml_format",
    "no_comments",
)
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

    def __reduce__(self) -> tuple[Callable[..., Record], tuple[Any, ...]]:
        # Pickled as the class and a tuple of fields: half the cost of the dataclass state
        # protocol, for every chunk sent to a worker process.
        return (
            Record,
            (
                self.position,
                self.form,
                self.id,
                self.post_id,
                self.type,
                self.status,
                self.error,
                self.detail,
            ),
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

    def __reduce__(self) -> tuple[Callable[..., ResultRow], tuple[Any, ...]]:
        # As Record: every row comes back from a worker process pickled.
        return (
            ResultRow,
            (
                self.position,
                self.id,
                self.post_id,
                self.type,
                self.status,
                self.action,
                self.scores,
                self.reasons,
                self.model_version,
                self.error,
                self.detail,
            ),
        )

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


def scalar(value: object, limit: int = _ONE_LINE_MAX) -> str | None:
    """A short single-line string for an id, type or status cell; None for absent or odd values."""
    if type(value) is str and len(value) <= limit and value.isascii():
        text = value.strip()
        if text.isprintable():  # the common case, and what one_line() would give
            return text or None
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
    if has_surrogates(text):
        return None
    return one_line(text, limit) or None


def has_surrogates(text: str) -> bool:
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
TRUE_WORDS: Final = frozenset({"1", "true", "yes", "y", "t"})
FALSE_WORDS: Final = frozenset({"0", "false", "no", "n", "f"})


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
        if word in TRUE_WORDS or word in _SPAM:
            return "spam"
        if word in FALSE_WORDS or word in {"ham", "approved"}:
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
    text = scalar(value, 32)
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
    post_id = scalar(values.get("post_id"), 64)
    if post_id is not None:
        form["post_id"] = post_id
    date = _date_value(values.get("date"))
    if date is not None:
        form["submitted_at"] = date
    return Record(
        position=position,
        form=form,
        id=scalar(values.get("id")),
        post_id=post_id,
        type=_normalize_type(values.get("type")),
        status=normalize_status(values.get("status"), spam_flag=spam_flag),
    )


def error_record(position: int, code: str, detail: str) -> Record:
    return Record(position=position, error=code, detail=detail)


class Columns:
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


def is_spam_flag(column: str | None) -> bool:
    return column is not None and "spam" in column.casefold()


def blank_to_none(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with blank strings (empty or whitespace) as None."""
    return {k: (None if isinstance(v, str) and not v.strip() else v) for k, v in values.items()}
