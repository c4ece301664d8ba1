"""FastAPI: a dependency that validates a comment and returns the :class:`~modkit.Decision`.

::

    from fastapi import Depends, FastAPI
    from modkit.integrations.fastapi import CheckComment

    check_comment = CheckComment(moderator)

    @app.post("/comments")
    def post_comment(decision: modkit.Decision = Depends(check_comment)):
        return {"action": decision.action}

The body may be a form (``application/x-www-form-urlencoded`` or ``multipart/form-data``) or a JSON
object. An invalid comment answers 400 with ``{"detail": {"error": "validation", "lang", "errors":
[...]}}`` listing every field error; a body over ``max_body`` bytes 413, another media type 415.
The IP is the ASGI client address (run Uvicorn with ``--proxy-headers`` behind a proxy).

Raises:
    MissingExtraError: on import, when FastAPI is not installed
        (``pip install 'modkit-moderation[fastapi]'``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from modkit.integrations._common import WORDPRESS_FIELDS, build_form, check_fields, require

require("fastapi", extra="fastapi", adapter="fastapi")

from fastapi import HTTPException, Request  # noqa: E402 - after the friendly check above
from starlette.concurrency import run_in_threadpool  # noqa: E402
from starlette.types import Message  # noqa: E402

from modkit._errors import ValidationError  # noqa: E402

if TYPE_CHECKING:
    from modkit._decision import Decision
    from modkit._moderator import Moderator

__all__ = ["WORDPRESS_FIELDS", "CheckComment", "form_from_request"]

DEFAULT_MAX_BODY = 256 * 1024
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


async def _read_body(request: Request, limit: int) -> bytes:
    """Read the body, refusing (413) more than ``limit`` bytes whatever Content-Length says."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, detail={"error": "too_large", "limit": limit})
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, detail={"error": "too_large", "limit": limit})
        chunks.append(chunk)
    return b"".join(chunks)


async def _multipart(request: Request, body: bytes) -> Mapping[str, Any]:
    """Parse a multipart body already read (Starlette's parser, needs python-multipart)."""

    async def replay() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    copy = Request(request.scope, receive=replay)
    form = await copy.form(max_files=0, max_fields=64)
    return {k: v for k, v in form.items() if isinstance(v, str)}


async def form_from_request(
    request: Request,
    /,
    *,
    fields: Mapping[str, str] | None = None,
    max_body: int = DEFAULT_MAX_BODY,
) -> dict[str, object]:
    """Return the modkit form of a request: its form or JSON fields plus IP, user agent, referrer.

    Raises:
        HTTPException: 413 body over ``max_body``; 415 not a form nor JSON (an empty body with no
            media type is an empty form); 400 malformed JSON, not a JSON object, bad form data.
        ValueError: ``fields`` names an unknown modkit field.
    """
    names = check_fields(fields)
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media not in ("", *_FORM_TYPES, "application/json"):
        raise HTTPException(415, detail={"error": "unsupported_media_type"})
    body = await _read_body(request, max_body)
    data: Mapping[str, Any]
    if not media:  # an empty POST is an empty form; anything else needs its media type
        if body:
            raise HTTPException(415, detail={"error": "unsupported_media_type"})
        data = {}
    elif media == "application/json":
        try:
            parsed = json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise HTTPException(400, detail={"error": "invalid_json"}) from exc
        if not isinstance(parsed, dict):
            raise HTTPException(400, detail={"error": "invalid_json"})
        data = parsed
    elif media == "multipart/form-data":
        data = await _multipart(request, body)
    else:
        try:
            pairs = parse_qsl(
                body.decode("utf-8"), keep_blank_values=True, max_num_fields=64, errors="strict"
            )
        except (UnicodeDecodeError, ValueError) as exc:
            raise HTTPException(400, detail={"error": "invalid_form"}) from exc
        first: dict[str, str] = {}
        for key, value in pairs:
            first.setdefault(key, value)
        data = first
    client = request.client.host if request.client else None
    return build_form(
        data.get,
        names,
        ip=client,
        user_agent=request.headers.get("user-agent"),
        referrer=request.headers.get("referer"),
    )


class CheckComment:
    """Dependency: ``decision: Decision = Depends(CheckComment(moderator))``.

    The check runs in the thread pool (the store may block). ``record=False`` leaves the store
    untouched. Invalid comments raise ``HTTPException(400)`` whose detail is
    :meth:`modkit.ValidationError.to_dict`.
    """

    def __init__(
        self,
        moderator: Moderator,
        *,
        lang: str | None = None,
        fields: Mapping[str, str] | None = None,
        max_body: int = DEFAULT_MAX_BODY,
        record: bool = True,
    ) -> None:
        self.moderator = moderator
        self.lang = lang
        self.fields = check_fields(fields)
        self.max_body = max_body
        self.record = record

    async def __call__(self, request: Request) -> Decision:
        """Return the decision on the request's comment.

        Raises:
            HTTPException: 400 invalid comment (every field error), 413, 415 (see
                :func:`form_from_request`).
        """
        form = await form_from_request(request, fields=self.fields, max_body=self.max_body)
        try:
            return await run_in_threadpool(
                self.moderator.check, form, lang=self.lang, record=self.record
            )
        except ValidationError as exc:
            raise HTTPException(400, detail=exc.to_dict()) from exc


# FastAPI resolves string annotations against a function's globals, which an instance lacks.
CheckComment.__call__.__annotations__["request"] = Request
