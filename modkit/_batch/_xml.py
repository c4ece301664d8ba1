"""XML export readers: WordPress WXR (``wp:comment`` elements) and Disqus (``post`` elements).

XML is parsed incrementally with ``defusedxml`` (no DTD, no entity, no external reference) and every
element is freed once read, so memory stays flat whatever the size of the file. One record per
comment element, ``position`` its 1-based index in the file; malformed or truncated XML ends the
records with one ``xml_syntax`` error record, after the comments read before the break.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from typing import IO, TYPE_CHECKING, Final

from modkit._batch._io import buffered
from modkit._batch._records import (
    FALSE_WORDS,
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

#: The namespaces WordPress has written its export elements in: ``http://wordpress.org/export/1.0/``,
#: ``1.1`` and ``1.2``, over http or https (any later version number is accepted too).
_WP_NAMESPACE: Final = re.compile(
    r"https?://(?:www\.)?wordpress\.org/export/[0-9]{1,3}(?:\.[0-9]{1,3})?/?"
)
_DSQ_ID: Final = "{http://disqus.com/disqus-internals}id"
_PLAIN_URL: Final = re.compile(
    r"https?://[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,24}(?:/[a-z0-9._/-]*)?"
)


def _local(tag: object) -> str:
    text = tag if isinstance(tag, str) else ""
    return text.rsplit("}", 1)[-1]


def _iterparse(stream: IO[bytes]) -> Iterator[tuple[str, Element]]:
    """``(event, element)`` pairs of a safe incremental parse (start and end events); none for
    an empty stream (nothing to read is not malformed XML).

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
    raw = buffered(stream)
    if not raw.peek(1):
        return iter(())
    events: Iterator[tuple[str, Element]] = iterparse(
        raw, events=("start", "end"), forbid_dtd=True, forbid_entities=True
    )
    return events


def _xml_failure(position: int, exc: Exception, *, started: bool) -> Record:
    """The error record that ends the records of an XML file that cannot be read further.
    ``started``: the root element was read (else the input may not be XML at all)."""
    from xml.etree.ElementTree import ParseError

    if isinstance(exc, ParseError):
        line, col = getattr(exc, "position", (0, 0))
        reason = str(exc).split(":", 1)[0]
        hint = (
            ""
            if started
            else ": no XML element could be read (is the input XML? is something written "
            "before its <?xml declaration?)"
        )
        return error_record(
            position,
            "xml_syntax",
            f"XML malformed or truncated at line {line}, column {col} ({reason}){hint}; "
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
    """``{local name: text}`` of the children of ``elem``; whitespace around a value (the
    indentation around a CDATA section) is not part of it."""
    return {_local(child.tag): (child.text or "").strip() for child in elem}


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _namespace_name(namespace: str) -> str:
    """How an error detail names a namespace: quoted when it is a plain web address (never one
    with user information or an IP address for host), else by kind only."""
    if not namespace:
        return "no namespace"
    if len(namespace) <= 80 and _PLAIN_URL.fullmatch(namespace):
        return f"namespace {namespace!r}"
    return "an unknown namespace"


def read_wxr(stream: IO[bytes]) -> Iterator[Record]:
    """Read a WordPress export (WXR): one record per ``wp:comment``, pingbacks and trackbacks
    included (``type``). ``position`` is the comment's index in the file, from 1.

    ``wp:comment`` is recognised in every namespace WordPress has written (export 1.0 to 1.2,
    http or https); its fields and the item's ``wp:post_id`` are matched by local name. A
    ``comment`` element of an item in another namespace is an ``xml_format`` error record (never
    skipped in silence). Malformed or truncated XML ends the records with one ``xml_syntax`` error
    record; a WordPress export without any comment gives one ``no_comments`` error record.

    Raises:
        ConfigError: ``defusedxml`` is not installed.
    """
    errors = _xml_errors()
    count = items = 0
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
            parent = stack[-1] if stack else None
            parent_local = _local(parent.tag) if parent is not None else ""
            if local == "comment" and root_name == "rss":
                namespace = _namespace(tag)
                if _WP_NAMESPACE.fullmatch(namespace):
                    count += 1
                    yield _wxr_record(count, elem, post_id)
                elif parent_local == "item":
                    count += 1
                    yield error_record(
                        count,
                        "xml_format",
                        f"a <comment> element in {_namespace_name(namespace)}, not a WordPress "
                        "export namespace (http(s)://wordpress.org/export/1.0/ to 1.2/): not read",
                    )
            elif local == "post_id" and parent_local == "item":
                post_id = scalar(elem.text, 64)
            elif local == "item":
                post_id = None
                items += 1
            if parent is not None and (len(stack) <= 2 or local == "comment"):
                elem.clear()
                parent.remove(elem)
    except errors as exc:
        yield _xml_failure(count + 1, exc, started=bool(root_name))
        return
    if count == 0 and root_name:
        if root_name != "rss":
            yield error_record(
                1, "xml_format", f"not a WordPress export (root element <{root_name[:40]}>)"
            )
        elif items:
            yield error_record(
                1, "no_comments", f"a WordPress export with {items:,} items and no comment"
            )
        else:
            yield error_record(
                1, "no_comments", "an RSS document without any item: not a WordPress export"
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
    status from ``isSpam``, ``isDeleted`` and ``isApproved``; unknown flag values give no status).
    Posts without ``dsq:id``, without a thread or with a thread missing from the file are read
    like the others.

    Malformed or truncated XML ends the records with one ``xml_syntax`` error record; a Disqus
    export without any post gives one ``no_comments`` error record.

    Raises:
        ConfigError: ``defusedxml`` is not installed.
    """
    errors = _xml_errors()
    count = threads = 0
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
                threads += local == "thread"
                elem.clear()
                stack[0].remove(elem)
    except errors as exc:
        yield _xml_failure(count + 1, exc, started=bool(root_name))
        return
    if count == 0 and root_name:
        if root_name != "disqus":
            yield error_record(
                1, "xml_format", f"not a Disqus export (root element <{root_name[:40]}>)"
            )
        else:
            yield error_record(
                1, "no_comments", f"a Disqus export with {threads:,} threads and no post"
            )


def _flag(value: str | None) -> bool | None:
    """A Disqus flag: True, False, or None when absent, blank or neither true nor false."""
    word = (value or "").strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def _disqus_status(f: Mapping[str, str]) -> str | None:
    spam, deleted = _flag(f.get("isSpam")), _flag(f.get("isDeleted"))
    if spam:
        return "spam"
    if deleted:
        return "deleted"
    for name, flag in (("isSpam", spam), ("isDeleted", deleted)):
        if flag is None and (f.get(name) or "").strip():
            return None  # a value that says neither: the export's verdict is unknown
    if _flag(f.get("isApproved")) is False:
        return "pending"
    return "approved"


def _dsq_id(elem: Element) -> str | None:
    """The ``dsq:id`` attribute, whatever the exact internals namespace URI."""
    value = elem.get(_DSQ_ID)
    if value is None:
        for key, attr in elem.attrib.items():
            if key.endswith("}id") and "disqus" in key:
                return attr
    return value


def _disqus_record(position: int, elem: Element) -> Record:
    f: dict[str, str] = {}
    author: dict[str, str] = {}
    thread_id = parent_id = None
    post_id_attr = _dsq_id(elem)
    for child in elem:
        local = _local(child.tag)
        if local == "author":
            author = _children_text(child)
        elif local == "thread":
            thread_id = _dsq_id(child) or child.text
        elif local == "parent":
            parent_id = _dsq_id(child) or child.text
        else:
            f[local] = (child.text or "").strip()
    status = _disqus_status(f)
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
