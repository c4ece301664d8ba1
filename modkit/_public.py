"""What may be shown of a comment: :class:`PublicComment` has no email or IP field at all."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from modkit._submission import Submission

__all__ = ["PublicComment"]


@dataclass(frozen=True, slots=True)
class PublicComment:
    """The public part of a comment: author name, website, cleaned text, date, post and parent ids.

    ``text`` is plain text (already normalised, not escaped): use :attr:`escaped_text` or
    :meth:`html` to put it in a page.
    """

    author: str
    text: str
    date: datetime
    url: str | None = None
    post_id: str | None = None
    parent_id: str | None = None
    lang: str = "fr"

    @classmethod
    def from_submission(cls, submission: Submission, *, date: datetime) -> PublicComment:
        """Copy the public fields of ``submission``; ``date`` is its submission time."""
        return cls(
            author=submission.name,
            text=submission.text,
            date=submission.submitted_at or date,
            url=submission.url,
            post_id=submission.post_id,
            parent_id=submission.parent_id,
            lang=submission.lang,
        )

    @property
    def escaped_text(self) -> str:
        """The text, HTML-escaped (quotes included), newlines kept as they are."""
        return html.escape(self.text, quote=True)

    @property
    def escaped_author(self) -> str:
        """The author name, HTML-escaped."""
        return html.escape(self.author, quote=True)

    def html(self) -> str:
        """Return the text as safe HTML: escaped, paragraphs on blank lines, ``<br>`` on newlines.

        No link is made clickable: the text is shown as typed.
        """
        paragraphs = (p for p in self.text.split("\n\n") if p.strip())
        return "\n".join(
            "<p>" + html.escape(p, quote=True).replace("\n", "<br>\n") + "</p>" for p in paragraphs
        )

    def author_html(self) -> str:
        """Return the author name as safe HTML, linked to the website (``rel="nofollow ugc"``)."""
        name = self.escaped_author
        if not self.url:
            return name
        href = html.escape(self.url, quote=True)
        return f'<a href="{href}" rel="nofollow ugc noopener">{name}</a>'

    def to_dict(self) -> dict[str, str | None]:
        """Return a JSON-serialisable dict; ``date`` in ISO 8601."""
        return {
            "author": self.author,
            "url": self.url,
            "text": self.text,
            "date": self.date.isoformat(),
            "post_id": self.post_id,
            "parent_id": self.parent_id,
            "lang": self.lang,
        }
