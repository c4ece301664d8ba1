"""Text cleaning of corpus rows: entities, mojibake, export artefacts, email and HTML bodies."""

from __future__ import annotations

import email
import email.header
import email.policy
import html
import re
from email.message import Message

from modkit._datasets._rows import MAX_TEXT_CHARS
from modkit._html import html_to_text

__all__ = ["clean", "email_text", "jigsaw_clean", "olid_clean", "youtube_html"]

_EMAIL_BODY_CHARS = 2_000
_EMAIL_PARSE_CHARS = 60_000
#: Characters that start the usual mojibake sequences (UTF-8 read as latin-1 or cp1252).
_MOJIBAKE_HINT = re.compile("[ÃÂâð][\x80-\xbf\u0152-\u2122]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML_TAG = re.compile(
    r"<(/?)(a|b|i|u|s|em|strong|span|p|div|font|br)\b[^<>]{0,1000}>", re.IGNORECASE
)


def _fix_mojibake(text: str) -> str:
    """Repair UTF-8 read as latin-1 or cp1252 (``dÃ©gager``, ``câ€™est``) with ftfy.

    Raises:
        ImportError: ftfy (in the ``train`` extra) is not installed.
    """
    if not _MOJIBAKE_HINT.search(text):
        return text
    try:
        import ftfy
    except ImportError as exc:
        msg = "repairing mojibake in corpora needs ftfy (the 'train' extra): pip install ftfy"
        raise ImportError(msg, name="ftfy") from exc
    fixed: str = ftfy.fix_encoding(text)
    return fixed


def _strip_quotes(text: str) -> str:
    """Drop quotes wrapping the whole text (an export artefact) when no other quote is inside."""
    for _ in range(3):
        if len(text) >= 2 and text[0] == text[-1] == '"' and '"' not in text[1:-1]:
            text = text[1:-1].strip()
        else:
            break
    return text


def clean(text: str) -> str:
    """Return the text as a commenter wrote it: entities decoded, artefacts gone; may be empty."""
    text = text[: MAX_TEXT_CHARS * 2]
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    for _ in range(2):  # double-escaped sources (``&amp;gt;``)
        if "&" not in text:
            break
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    if not text.isascii():
        text = _fix_mojibake(text).replace("\ufeff", "").replace("\xa0", " ")
    text = _strip_quotes(text.strip())
    return text[:MAX_TEXT_CHARS].strip()


def jigsaw_clean(text: str) -> str:
    """Jigsaw texts with quotes or newlines were exported wrapped in quotes, inner ones doubled."""
    text = text.strip()
    if text.startswith('"'):
        text = text[1:-1] if text.endswith('"') and len(text) > 1 else text[1:]
        text = text.replace('""', '"')
    return clean(text)


def olid_clean(text: str) -> str:
    """OLID tweets that held a quote end with a stray quote added by the export."""
    text = text.strip()
    return clean(text[:-1] if text.endswith('"') else text)


def youtube_html(text: str) -> str:
    """YouTube exports are rendered HTML: ``<br />`` becomes a newline, other known tags go."""
    return _HTML_TAG.sub(lambda m: "\n" if m.group(2).lower() == "br" else "", text)


_SPACES = re.compile(r"[ \t\f\v]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def _part_text(part: Message) -> str:
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding in ("base64", "quoted-printable"):
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            return ""
        charset = part.get_content_charset() or "utf-8"
        try:
            return payload.decode(charset, errors="replace")
        except LookupError:
            return payload.decode("latin-1")
    payload = part.get_payload()
    return payload if isinstance(payload, str) else ""


def email_text(raw: str) -> str:
    """Subject and the first characters of the body of a raw email, headers and markup removed."""
    msg = email.message_from_string(raw[:_EMAIL_PARSE_CHARS], policy=email.policy.compat32)
    try:
        subject = str(email.header.make_header(email.header.decode_header(msg.get("Subject", ""))))
    except (LookupError, ValueError, UnicodeDecodeError):
        subject = str(msg.get("Subject", ""))
    plain: list[str] = []
    markup: list[str] = []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain":
            plain.append(_part_text(part))
        elif ctype == "text/html":
            markup.append(_part_text(part))
    if any(p.strip() for p in plain):
        body = "\n".join(plain)[: 4 * _EMAIL_BODY_CHARS]
    else:
        body = html_to_text("\n".join(markup))
    body = _BLANK_LINES.sub("\n\n", "\n".join(line.strip() for line in body.split("\n")))
    text = f"{subject.strip()}\n\n{body.strip()}" if subject.strip() else body.strip()
    return _SPACES.sub(" ", text)[:_EMAIL_BODY_CHARS]
