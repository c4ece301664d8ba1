"""HTTP plumbing shared by the endpoints: problems, bounded body reading, media types, JSON."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response

__all__ = [
    "SAFE_HEADERS",
    "Problem",
    "json_response",
    "media_type",
    "parse_form",
    "parse_json_object",
    "read_body",
    "require_media",
]

SAFE_HEADERS: Final[Mapping[str, str]] = {
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
}
_MAX_FIELDS: Final = 200


class Problem(Exception):
    """An HTTP error to report: status, stable snake_case ``code``, message, extra fields, headers.

    Each protocol renders it its own way (modkit JSON, Akismet text, Google-style JSON).
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        extra: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra: Mapping[str, Any] = extra or {}
        self.headers: Mapping[str, str] = headers or {}


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON; non-finite floats (not valid JSON) become null."""
    try:
        text = json.dumps(
            value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str
        )
    except ValueError:
        text = json.dumps(
            _finite(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str
        )
    return text.encode("utf-8")


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def json_response(
    value: Any, *, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    """A JSON response with the no-store / nosniff headers."""
    all_headers = {**SAFE_HEADERS, **(headers or {})}
    return Response(dumps(value), status, all_headers, media_type="application/json")


def media_type(request: Request) -> str:
    """The request's media type, lower case, without parameters ('' when absent)."""
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def require_media(request: Request, *expected: str) -> None:
    """Raise a 415 :class:`Problem` unless the body's media type is one of ``expected``."""
    if media_type(request) not in expected:
        raise Problem(
            415,
            "unsupported_media_type",
            f"Content-Type must be {' or '.join(expected)}",
            headers={"accept-post": ", ".join(expected)},
        )


async def read_body(request: Request, limit: int) -> bytes:
    """Read the request body, refusing more than ``limit`` bytes (413) before reading it all.

    Raises:
        Problem: 413 when the declared or actual size exceeds ``limit``; 400 for a bad length.
    """
    too_large = Problem(413, "payload_too_large", f"request body larger than {limit} bytes")
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise Problem(400, "bad_request", "invalid Content-Length")
        if int(declared) > limit:
            raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def parse_json_object(body: bytes) -> dict[str, Any]:
    """Decode a UTF-8 JSON object.

    Raises:
        Problem: 400 ``invalid_json`` when the body is not a JSON object.
    """
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise Problem(400, "invalid_json", "request body is not valid UTF-8 JSON") from exc
    if not isinstance(value, dict):
        raise Problem(400, "invalid_json", "request body must be a JSON object")
    return value


def parse_form(body: bytes, charset: str = "utf-8") -> dict[str, str]:
    """Decode an ``application/x-www-form-urlencoded`` body (first value wins, 200 fields at most).

    Bytes that are not valid in ``charset`` become U+FFFD; an unknown charset means UTF-8.

    Raises:
        Problem: 400 ``bad_request`` when the body holds more than 200 fields.
    """
    try:
        charset = charset[:40]
        text = body.decode(charset, "replace")
    except (LookupError, ValueError):  # unknown codec, or a name no codec could have
        charset, text = "utf-8", body.decode("utf-8", "replace")
    try:
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            encoding=charset,
            errors="replace",
            max_num_fields=_MAX_FIELDS,
        )
    except ValueError as exc:
        raise Problem(400, "bad_request", f"more than {_MAX_FIELDS} form fields") from exc
    form: dict[str, str] = {}
    for key, value in pairs:
        form.setdefault(key, value)
    return form
