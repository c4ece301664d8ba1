"""XML export readers: WordPress WXR (``wp:comment`` elements) and Disqus (``post`` elements).

XML is parsed incrementally with ``defusedxml`` (no DTD, no entity, no external reference) and every
element is freed once read, so memory stays flat whatever the size of the file. One record per
comment element, ``position`` its 1-based index in the file; malformed or truncated XML ends the
records with one ``xml_syntax`` error record, after the comments read before the break.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Final

from modkit._batch._records import (
    MAX_FIELD_CHARS,
    TRUE_WORDS,
    Record,
    blank_to_none,
    error_record,
    record_from_mapping,
    scalar,
)
from modkit._errors import ConfigError
from modkit._html import html_to_text
from modkit._submission import parse_datetime

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = ["read_disqus", "read_wxr"]

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
            "reading XML exports needs defusedxml: pip install defusedxml (or modkit[spark])"
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
        return error_record(
            position,
            "xml_syntax",
            f"XML malformed or truncated at line {line}, column {col} ({reason}); "
            "nothing after it can be read",
        )
    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]

    if isinstance(exc, LookupError | UnicodeError | ValueError) and not isinstance(
        exc, DefusedXmlException
    ):
        return error_record(
            position,
            "xml_syntax",
            f"XML unreadable: its declared encoding cannot be decoded ({type(exc).__name__}); "
            "nothing after it can be read",
        )
    return error_record(
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
                post_id = scalar(elem.text, 64)
            elif local == "item":
                post_id = None
            if parent is not None and (len(stack) <= 2 or local == "comment"):
                elem.clear()
                parent.remove(elem)
    except errors as exc:
        yield _xml_failure(count + 1, exc)
        return
    if count == 0 and root_name and root_name != "rss":
        yield error_record(
            1, "xml_format", f"not a WordPress export (root element <{root_name[:40]}>)"
        )


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
    return record_from_mapping(position, blank_to_none(values))


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
        yield error_record(
            1, "xml_format", f"not a Disqus export (root element <{root_name[:40]}>)"
        )


def _flag(value: str | None) -> bool:
    return (value or "").strip().casefold() in TRUE_WORDS


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
        "text": _message_text(message),
        "status": status,
        "post_id": thread_id,
        "parent_id": parent_id,
    }
    return record_from_mapping(position, blank_to_none(values))


def _message_text(message: str | None) -> str | None:
    """A Disqus message (HTML) as text; too long to be a comment: kept as is (validation refuses
    it)."""
    if not message or len(message) > MAX_FIELD_CHARS:
        return message or None
    return html_to_text(message, links=True)
