"""Validation of comment-form data into a :class:`Submission`.

``validate(form)`` accepts any ``Mapping`` whatever its values (None, numbers, bytes, lists, huge or
broken strings) and returns a :class:`Submission` or raises one :class:`ValidationError` listing
every problem. Limits follow WordPress: name 245, email 100, url 200, text 65525 characters.
"""

from __future__ import annotations

import ipaddress
import math
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from types import ModuleType
from typing import Any, Final
from urllib.parse import quote, urlsplit, urlunsplit

from modkit._errors import FieldError, ValidationError
from modkit._messages import DEFAULT_LANG, field_message, resolve_lang

__all__ = [
    "FIELDS",
    "LIMITS",
    "EmailCache",
    "FieldError",
    "Submission",
    "ValidationError",
    "active_email_cache",
    "clean_text",
    "email_cache",
    "normalize_email",
    "validate",
]

LIMITS: Final[Mapping[str, int]] = {
    "name": 245,
    "email": 100,
    "url": 200,
    "text": 65525,
    "post_id": 64,
    "parent_id": 64,
}
# Metadata a server sets (not typed by the commenter): longer values are cut, not refused.
_TRUNCATE: Final[Mapping[str, int]] = {"user_agent": 254, "referrer": 2048, "permalink": 2048}
_DATE_FIELDS: Final = ("submitted_at", "form_rendered_at", "post_published_at")

FIELDS: Final[tuple[str, ...]] = (
    "name",
    "email",
    "url",
    "text",
    "ip",
    "user_agent",
    "referrer",
    "permalink",
    "post_id",
    "parent_id",
    "submitted_at",
    "form_rendered_at",
    "post_published_at",
    "honeypot",
    "lang",
)

# Format characters (Unicode category Cf) and controls: invisible, used to split words past filters.
# ZWJ (U+200D) and tag characters are handled apart, as emoji sequences need them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001]"
)
_EMOJI = "\u00a9\u00ae\u203c-\u3299\ufe0f\U0001f000-\U0001faff"
# A ZWJ survives only between two emoji-like characters (family, profession sequences).
_LONE_ZWJ = re.compile(f"(?<![{_EMOJI}])\u200d|\u200d(?![{_EMOJI}])")
# Tag characters survive only in a flag sequence (black flag followed by tags).
_LONE_TAG = re.compile("(?<![\U0001f3f4\U000e0020-\U000e007f])[\U000e0020-\U000e007f]")
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_ZALGO = re.compile(f"([{_MARKS}]{{3}})[{_MARKS}]+")
# Anything the slow passes of clean_text would change (a superset is fine, a subset is not): a
# suspect character or four combining marks in a row (:func:`_suspect`), and the characters
# _LONE_TAG drops; each one class, scanned fast.
_SUSPECT_CHAR = re.compile(_INVISIBLE.pattern[:-1] + "\u200d\U000e0020-\U000e007f]")
_MARK = re.compile(f"[{_MARKS}]")
_FOUR_MARKS = re.compile(f"[{_MARKS}]{{4}}")
_TAG = re.compile("[\U000e0020-\U000e007f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85]")
_TRAILING_SPACE = re.compile("[ \t]+\n")
_BLANK_LINES = re.compile("\n{3,}")
_URL_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f\\]")  # a backslash reads as "/" in browsers
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_URL_SAFE = "/:@!$&()*+,;=-._~%?#[]"

_email_module: ModuleType | None = None


def _email_validator() -> ModuleType:
    """Import email-validator on first use (it pulls in dnspython)."""
    global _email_module  # noqa: PLW0603 - lazy import cache
    if _email_module is None:
        import email_validator  # slow (dnspython): kept off `import modkit`

        _email_module = email_validator
    return _email_module


def normalize_email(email: str) -> str:
    """Return ``email`` normalised as :func:`validate` stores it (an invalid one stripped), so
    that trust and erasure requests find the key the address got at validation time."""
    try:
        return str(_email_validator().validate_email(email, check_deliverability=False).normalized)
    except Exception:  # not a valid address: key it as given (still case-insensitive)
        return email.strip()


def _suspect(text: str) -> bool:
    """Whether ``text`` holds a suspect character or four combining marks in a row, by plain
    class scans (a text at the length limit is read three to four times faster than with one
    alternation)."""
    if _SUSPECT_CHAR.search(text) is not None:
        return True
    return _MARK.search(text) is not None and _FOUR_MARKS.search(text) is not None


def clean_text(value: str, *, multiline: bool = True) -> str:
    """Return ``value`` as published: NFC, no control or invisible characters, tidy whitespace.

    Newlines become ``\\n``; zero-width and bidi-control characters are dropped (a zero-width
    joiner is kept only inside emoji sequences); runs of more than three combining marks are cut.
    With ``multiline=False`` every run of whitespace becomes one space.
    """
    text = value
    if "\r" in text or (
        not text.isascii() and ("\u2028" in text or "\u2029" in text or "\x85" in text)
    ):
        text = _NEWLINES.sub("\n", text)
    if text.isascii():
        if not text.isprintable():  # controls (or only \n and \t, which the pass keeps)
            text = _INVISIBLE.sub("", text)
    else:
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if _suspect(text):
            text = _INVISIBLE.sub("", text)
            if "\u200d" in text:
                text = _LONE_ZWJ.sub("", text)
            if _TAG.search(text) is not None:
                text = _LONE_TAG.sub("", text)
            text = _ZALGO.sub(r"\1", text)
    if not multiline:
        return " ".join(text.split())
    if " \n" in text or "\t\n" in text:
        text = _TRAILING_SPACE.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


@dataclass(frozen=True, slots=True, repr=False)
class Submission:
    """A validated comment: clean public fields, private ``email``/``ip``, optional metadata.

    ``repr`` and ``str`` never show the email or the IP, nor the full text.
    """

    name: str
    email: str
    text: str
    url: str | None = None
    ip: str | None = None
    user_agent: str | None = None
    referrer: str | None = None
    permalink: str | None = None
    post_id: str | None = None
    parent_id: str | None = None
    submitted_at: datetime | None = None
    form_rendered_at: datetime | None = None
    post_published_at: datetime | None = None
    honeypot: bool = False
    lang: str = DEFAULT_LANG

    def __repr__(self) -> str:
        return (
            f"Submission(name={self.name[:40]!r}, email=<private>, "
            f"ip={'<private>' if self.ip else None}, text=<{len(self.text)} chars>, "
            f"url={self.url!r}, post_id={self.post_id!r}, lang={self.lang!r})"
        )

    __str__ = __repr__


class _Collector:
    """Gathers field errors in the submission's language."""

    __slots__ = ("errors", "lang")

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.errors: list[FieldError] = []

    def add(self, field: str, code: str, **params: object) -> None:
        self.errors.append(FieldError(field, code, field_message(field, code, self.lang, **params)))


_MISSING: Final = object()


def _unwrap(value: object) -> object:
    """Return the single element of a one-element list or tuple (form libraries make those)."""
    if isinstance(value, list | tuple):
        if not value:
            return None
        if len(value) == 1:
            return value[0]
    return value


def _as_str(value: object) -> str | None:
    """Return ``value`` as valid Unicode text, or None when it cannot be text."""
    if isinstance(value, bytes | bytearray):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            return None
    if not isinstance(value, str):
        return None
    if not value.isascii() and _SURROGATE.search(value):  # lone surrogates: not valid text
        return None
    # A str subclass (markupsafe.Markup, Django's SafeString) would carry its "already safe"
    # mark, and its own methods, into the Submission: keep plain text only.
    return str.__str__(value)


def _get(form: Mapping[Any, Any], key: str) -> object:
    try:
        value = form.get(key, _MISSING)
    except Exception:  # a hostile Mapping must not break validation
        return None
    return _unwrap(value)


def _text_field(
    errors: _Collector, field: str, raw: object, *, required: bool, multiline: bool
) -> str | None:
    """Validate a free-text field; returns the cleaned text or None (absent or in error)."""
    if raw is _MISSING or raw is None:
        if required:
            errors.add(field, "required")
        return None
    text = _as_str(raw)
    if text is None:
        errors.add(field, "invalid")
        return None
    limit = LIMITS[field]
    if len(text) > 4 * limit + 1024:  # hopeless: refuse before normalising megabytes
        errors.add(field, "too_long", max=limit)
        return None
    cleaned = clean_text(text, multiline=multiline)
    if not cleaned:
        if required:
            errors.add(field, "required")
        return None
    if len(cleaned) > limit:
        errors.add(field, "too_long", max=limit)
        return None
    return cleaned


#: The outcome of checking one address: ``(normalised address, None)`` or ``(None, error code)``.
_EmailOutcome = tuple[str | None, str | None]


class EmailCache:
    """Outcomes of email validation for one batch, by address as typed (stripped): each distinct
    address is checked once while :func:`email_cache` is active. Bounded: past ``size`` addresses
    the least recently used is forgotten. It changes no outcome and is never written anywhere;
    deliverability checks (DNS) are never cached. Thread-safe."""

    __slots__ = ("_lock", "_outcomes", "size")

    def __init__(self, size: int = 8192) -> None:
        self.size = size
        self._outcomes: OrderedDict[str, _EmailOutcome] = OrderedDict()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"EmailCache(size={self.size}, entries={len(self._outcomes)})"

    def clear(self) -> None:
        """Forget every address (an erasure request must leave none in memory)."""
        with self._lock:
            self._outcomes.clear()

    def outcome(self, address: str) -> _EmailOutcome:
        """The outcome of checking ``address``, checked on its first request only."""
        outcomes = self._outcomes
        with self._lock:
            found = outcomes.get(address)
            if found is not None:
                outcomes.move_to_end(address)
                return found
        found = _check_email(address, check_deliverability=False)
        with self._lock:
            outcomes[address] = found
            if len(outcomes) > self.size:
                outcomes.popitem(last=False)
        return found


_email_cache: ContextVar[EmailCache | None] = ContextVar("modkit_email_cache", default=None)


def active_email_cache() -> EmailCache | None:
    """The cache :func:`email_cache` made active in this context, if any."""
    return _email_cache.get()


class email_cache:  # lower case: used as the function it replaced
    """Validate emails through ``cache`` in this context (this thread or task only).

    A class rather than a generator-based context manager: it is entered once per check.
    """

    __slots__ = ("_cache", "_token")

    def __init__(self, cache: EmailCache) -> None:
        self._cache = cache

    def __enter__(self) -> None:
        self._token = _email_cache.set(self._cache)

    def __exit__(self, *exc: object) -> None:
        _email_cache.reset(self._token)


def _check_email(text: str, *, check_deliverability: bool) -> _EmailOutcome:
    ev = _email_validator()
    try:
        result = ev.validate_email(text, check_deliverability=check_deliverability)
    except Exception:  # EmailNotValidError, or anything odd: invalid all the same
        return None, "invalid"
    normalized = str(result.normalized)
    if len(normalized) > LIMITS["email"]:
        return None, "too_long"
    return normalized, None


def _email_field(errors: _Collector, raw: object, *, check_deliverability: bool) -> str | None:
    if raw is _MISSING or raw is None:
        errors.add("email", "required")
        return None
    text = _as_str(raw)
    if text is None:
        errors.add("email", "invalid")
        return None
    text = text.strip()
    if not text:
        errors.add("email", "required")
        return None
    if len(text) > LIMITS["email"]:
        errors.add("email", "too_long", max=LIMITS["email"])
        return None
    cache = None if check_deliverability else _email_cache.get()
    if cache is not None:
        normalized, code = cache.outcome(text)
    else:
        normalized, code = _check_email(text, check_deliverability=check_deliverability)
    # Errors are added outside any except block: no chained cause carries the address.
    if code == "too_long":
        errors.add("email", "too_long", max=LIMITS["email"])
    elif code is not None:
        errors.add("email", "invalid")
    return normalized


def _ascii_host(host: str) -> str | None:
    """Return the ASCII (IDNA) form of a host name or IP literal, or None when invalid."""
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except (UnicodeError, ValueError):
        return None
    labels = ascii_host.rstrip(".").split(".")
    if len(labels) < 2 or len(ascii_host) > 253 or labels[-1].isdigit():
        return None
    if not all(_LABEL.fullmatch(label) for label in labels):
        return None
    return ascii_host.rstrip(".")


def normalize_url(value: str) -> str | None:
    """Return a safe absolute http(s) URL for ``value``, or None when it is not one.

    A missing scheme gets ``http://`` (as WordPress does); credentials, other schemes, spaces and
    backslashes are refused; quotes, angle brackets and non-ASCII characters in the path are
    percent-encoded; the host is stored in its ASCII (IDNA) form.
    """
    text = value.strip()
    if not text or _URL_FORBIDDEN.search(text):
        return None
    if text.startswith("//"):
        text = "http:" + text
    elif "://" not in text:
        text = "http://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"}:
        return None
    if "@" in parts.netloc or not parts.hostname:
        return None
    host = _ascii_host(parts.hostname)
    if host is None:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    path = quote(parts.path, safe=_URL_SAFE)
    query = quote(parts.query, safe=_URL_SAFE)
    fragment = quote(parts.fragment, safe=_URL_SAFE)
    return urlunsplit((parts.scheme.lower(), netloc, path or "/", query, fragment))


def _url_field(errors: _Collector, raw: object) -> str | None:
    if raw is _MISSING or raw is None:
        return None
    text = _as_str(raw)
    if text is None:
        errors.add("url", "invalid")
        return None
    text = text.strip()
    if not text:
        return None
    if len(text) > LIMITS["url"]:
        errors.add("url", "too_long", max=LIMITS["url"])
        return None
    url = normalize_url(text)
    if url is None:
        errors.add("url", "invalid")
        return None
    if len(url) > LIMITS["url"]:
        errors.add("url", "too_long", max=LIMITS["url"])
        return None
    return url


def _ip_field(errors: _Collector, raw: object) -> str | None:
    if raw is _MISSING or raw is None:
        return None
    text = _as_str(raw)
    if text is None:
        errors.add("ip", "invalid")
        return None
    text = text.strip()
    if not text:
        return None
    if len(text) > 64:
        errors.add("ip", "invalid")
        return None
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        errors.add("ip", "invalid")
        return None


def _meta_field(errors: _Collector, field: str, raw: object) -> str | None:
    """A server-set string: cleaned to one line and cut to its limit."""
    if raw is _MISSING or raw is None:
        return None
    text = _as_str(raw)
    if text is None:
        errors.add(field, "invalid")
        return None
    limit = _TRUNCATE[field]
    cleaned = clean_text(text[: limit * 2], multiline=False)[:limit]
    return cleaned or None


def _id_field(errors: _Collector, field: str, raw: object) -> str | None:
    """A post or comment id: a string or an integer, kept as a string."""
    if raw is _MISSING or raw is None:
        return None
    if isinstance(raw, int) and not isinstance(raw, bool):
        text: str | None = str(raw) if abs(raw) < 10**60 else None
    else:
        text = _as_str(raw)
    if text is None:
        errors.add(field, "invalid")
        return None
    text = clean_text(text[: LIMITS[field] * 2], multiline=False)
    if len(text) > LIMITS[field]:
        errors.add(field, "too_long", max=LIMITS[field])
        return None
    if field == "parent_id" and text == "0":  # WordPress: 0 means "not a reply"
        return None
    return text or None


_ID_FIELDS: Final = ("post_id", "parent_id")
#: The optional fields :func:`validate` reads.
_OPTIONAL: Final = frozenset(
    ("lang", "url", "ip", "honeypot", *_TRUNCATE, *_ID_FIELDS, *_DATE_FIELDS)
)

_MAX_TIMESTAMP = 253402300799.0  # 9999-12-31T23:59:59Z


def parse_datetime(raw: object) -> datetime | None:
    """Return an aware UTC datetime from a datetime, epoch seconds or ISO 8601 text, else None.

    Naive datetimes and ISO texts without an offset are taken as UTC.
    """
    if isinstance(raw, datetime):
        return raw.replace(tzinfo=UTC) if raw.tzinfo is None else raw.astimezone(UTC)
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        ts = float(raw)
        if not math.isfinite(ts) or not 0 <= ts <= _MAX_TIMESTAMP:
            return None
        return datetime.fromtimestamp(ts, tz=UTC)
    text = _as_str(raw)
    if text is None:
        return None
    text = text.strip()
    if not text or len(text) > 64:
        return None
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        return parse_datetime(number)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    try:
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def _date_field(errors: _Collector, field: str, raw: object) -> datetime | None:
    if raw is _MISSING or raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    parsed = parse_datetime(raw)
    if parsed is None:
        errors.add(field, "invalid")
    return parsed


def _honeypot(raw: object) -> bool:
    """Whether the hidden trap field holds anything at all."""
    if raw is _MISSING or raw is None or raw is False:
        return False
    if isinstance(raw, str | bytes | bytearray):
        return bool(raw.strip())
    if isinstance(raw, list | tuple):
        return any(_honeypot(_unwrap(item)) for item in raw[:16])
    return True


def validate(
    form: Mapping[Any, Any],
    /,
    *,
    lang: str | None = None,
    check_deliverability: bool = False,
) -> Submission:
    """Validate comment-form data and return a :class:`Submission`.

    Required: ``name``, ``email``, ``text``; optional: ``url`` and the metadata in :data:`FIELDS`.
    Unknown keys are ignored. Messages are in ``lang`` if given, else in the form's ``lang`` field
    when it is French or English, else in French.

    Raises:
        ValidationError: one or more fields are missing, invalid or too long (all listed).
        TypeError: ``form`` is not a Mapping.
    """
    if not isinstance(form, Mapping):
        raise TypeError(f"form must be a Mapping, not {type(form).__name__}")
    # An optional field absent from a plain dict is None (False for the honeypot) without a
    # call per field: what its validator returns for a missing value.
    present = _OPTIONAL if type(form) is not dict else {f for f in _OPTIONAL if f in form}
    form_lang = _as_str(_get(form, "lang")) if "lang" in present else None
    language = resolve_lang(lang) if lang is not None else resolve_lang(form_lang)
    errors = _Collector(language)

    name = _text_field(errors, "name", _get(form, "name"), required=True, multiline=False)
    email = _email_field(errors, _get(form, "email"), check_deliverability=check_deliverability)
    url = _url_field(errors, _get(form, "url")) if "url" in present else None
    text = _text_field(errors, "text", _get(form, "text"), required=True, multiline=True)
    ip = _ip_field(errors, _get(form, "ip")) if "ip" in present else None
    meta = {
        field: _meta_field(errors, field, _get(form, field)) if field in present else None
        for field in _TRUNCATE
    }
    ids = {
        field: _id_field(errors, field, _get(form, field)) if field in present else None
        for field in _ID_FIELDS
    }
    dates = {
        field: _date_field(errors, field, _get(form, field)) if field in present else None
        for field in _DATE_FIELDS
    }
    honeypot = _honeypot(_get(form, "honeypot")) if "honeypot" in present else False

    if errors.errors or name is None or email is None or text is None:
        raise ValidationError(errors.errors, lang=language)
    return Submission(
        name=name,
        email=email,
        text=text,
        url=url,
        ip=ip,
        user_agent=meta["user_agent"],
        referrer=meta["referrer"],
        permalink=meta["permalink"],
        post_id=ids["post_id"],
        parent_id=ids["parent_id"],
        submitted_at=dates["submitted_at"],
        form_rendered_at=dates["form_rendered_at"],
        post_published_at=dates["post_published_at"],
        honeypot=honeypot,
        lang=language,
    )
