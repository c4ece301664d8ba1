"""Perspective-compatible endpoint: ``POST /v1alpha1/comments:analyze?key=KEY``.

Accepts Perspective's request (``comment.text``, ``languages``, ``requestedAttributes``, and the
optional ``spanAnnotations``, ``doNotStore``, ``clientToken``, ``sessionId``, ``communityId``,
``context``) and answers its response shape: ``attributeScores.ATTR.summaryScore.value`` and
``spanScores`` (one span per sentence, offsets in Unicode code points), ``languages`` and
``detectedLanguages``. Errors use Google's JSON error format (``{"error": {"code", "message",
"status", "details"}}``). Nothing sent here is stored.

Attributes map onto the model's heads: TOXICITY -> toxicity, SEVERE_TOXICITY -> severe_toxicity,
INSULT -> insult, PROFANITY -> obscene, THREAT -> threat, IDENTITY_ATTACK -> identity_attack,
SPAM -> spam. Languages: French and English.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from modkit._errors import ModelError
from modkit._messages import LANGS
from modkit.server._http import Problem, json_response, parse_json_object, read_body, require_media
from modkit.server._runtime import Runtime, runtime_of

__all__ = ["ATTRIBUTES", "MAX_TEXT_BYTES", "analyze", "routes", "sentence_spans"]

_log = logging.getLogger("modkit.server")

ATTRIBUTES: Final[Mapping[str, str]] = {
    "TOXICITY": "toxicity",
    "SEVERE_TOXICITY": "severe_toxicity",
    "INSULT": "insult",
    "PROFANITY": "obscene",
    "THREAT": "threat",
    "IDENTITY_ATTACK": "identity_attack",
    "SPAM": "spam",
}
MAX_TEXT_BYTES: Final = 20480
MAX_SPANS: Final = 64
_REQUEST_FIELDS: Final = frozenset(
    {
        "comment",
        "languages",
        "requestedAttributes",
        "spanAnnotations",
        "doNotStore",
        "clientToken",
        "sessionId",
        "communityId",
        "context",
    }
)
_STATUS: Final[Mapping[int, str]] = {
    400: "INVALID_ARGUMENT",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    413: "INVALID_ARGUMENT",
    415: "INVALID_ARGUMENT",
    429: "RESOURCE_EXHAUSTED",
    503: "UNAVAILABLE",
}
_ERROR_TYPE: Final = "type.googleapis.com/google.commentanalyzer.v1alpha1.Error"
_ENDS: Final = frozenset(".!?…。！？")
_CLOSERS: Final = frozenset("\"'»”’)]")
_CJK_ENDS: Final = frozenset("。！？")


def _google_error(problem: Problem) -> Response:
    error: dict[str, Any] = {
        "code": problem.status,
        "message": problem.message,
        "status": _STATUS.get(problem.status, "UNKNOWN"),
    }
    if problem.extra:
        error["details"] = [dict(problem.extra)]
    return json_response({"error": error}, status=problem.status, headers=problem.headers)


def _invalid(message: str, error_type: str | None = None, **details: Any) -> Problem:
    extra = {"@type": _ERROR_TYPE, "errorType": error_type, **details} if error_type else None
    return Problem(400, "invalid_argument", message, extra=extra)


def sentence_spans(text: str, *, limit: int = MAX_SPANS) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(begin, end)``, without surrounding whitespace.

    A sentence ends after ``.``, ``!``, ``?`` or ``…`` (and closing quotes) followed by whitespace,
    after ``。``, ``！`` or ``？``, or at a line break. At most ``limit`` spans: the rest joins the
    last one. Linear time.
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    i = 0
    while i < n:
        ch = text[i]
        end: int | None = None
        if ch == "\n":
            end = i
        elif ch in _ENDS:
            j = i + 1
            while j < n and (text[j] in _ENDS or text[j] in _CLOSERS):
                j += 1
            if j == n or text[j].isspace() or ch in _CJK_ENDS:
                end = j
            i = j - 1
        if end is not None:
            _add_span(spans, text, start, end)
            start = end
        i += 1
    _add_span(spans, text, start, n)
    if len(spans) > limit:
        spans[limit - 1 :] = [(spans[limit - 1][0], spans[-1][1])]
    return spans


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _languages(body: Mapping[str, Any]) -> list[str] | None:
    raw = body.get("languages")
    if raw is None:
        return None
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise _invalid("Invalid value at 'languages': expected a list of language codes")
    langs: list[str] = []
    for tag in raw[:16]:
        primary = tag.strip().replace("_", "-").split("-", 1)[0].lower()
        if primary not in langs:
            langs.append(primary)
    return langs or None


def _requested(body: Mapping[str, Any]) -> dict[str, float | None]:
    raw = body.get("requestedAttributes")
    if not isinstance(raw, dict) or not raw:
        raise _invalid("requestedAttributes must name at least one attribute")
    out: dict[str, float | None] = {}
    for name, given in raw.items():
        if name not in ATTRIBUTES:
            raise _invalid(f"Unknown attribute: {str(name)[:64]}")
        spec = {} if given is None else given
        if not isinstance(spec, dict):
            raise _invalid(f"Invalid value at 'requested_attributes[{name}]'")
        unknown = set(spec) - {"scoreType", "scoreThreshold"}
        if unknown:
            field = sorted(unknown)[0][:64]
            raise _invalid(f'Invalid JSON payload received. Unknown name "{field}"')
        score_type = spec.get("scoreType", "PROBABILITY")
        if score_type not in (None, "PROBABILITY"):
            raise _invalid(f"Unsupported scoreType for {name}: only PROBABILITY is available")
        threshold = spec.get("scoreThreshold")
        if threshold is not None and (
            isinstance(threshold, bool)
            or not isinstance(threshold, int | float)
            or not 0.0 <= threshold <= 1.0
        ):
            raise _invalid(f"scoreThreshold for {name} must be a number between 0 and 1")
        out[name] = None if threshold is None else float(threshold)
    return out


def _comment_text(body: Mapping[str, Any]) -> str:
    comment = body.get("comment")
    if not isinstance(comment, dict):
        raise _invalid("comment must be an object with a text", "COMMENT_EMPTY")
    unknown = set(comment) - {"text", "type"}
    if unknown:
        field = sorted(unknown)[0][:64]
        raise _invalid(f"Invalid JSON payload received. Unknown name \"{field}\" at 'comment'")
    if comment.get("type", "PLAIN_TEXT") not in ("PLAIN_TEXT", None):
        raise _invalid("Only PLAIN_TEXT comments are supported")
    text = comment.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _invalid("Comment must be non-empty.", "COMMENT_EMPTY")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise _invalid("Comment text is not valid Unicode") from None
    if size > MAX_TEXT_BYTES:
        raise _invalid(
            f"Comment text too long: {size} bytes, at most {MAX_TEXT_BYTES}",
            "COMMENT_TOO_LONG",
        )
    return text


def _detect(text: str) -> str:
    try:
        from modkit._lang import guess_lang
    except ImportError:  # pragma: no cover - the datasets module ships with modkit
        return "en"
    return guess_lang(text, default="en")


def _score(scorer: Any, texts: Sequence[str]) -> list[Mapping[str, float]]:
    try:
        return list(scorer.score_many(list(texts)))
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(f"the scorer failed: {type(exc).__name__}") from exc


def _probability(value: float) -> dict[str, Any]:
    return {"value": round(float(value), 6), "type": "PROBABILITY"}


async def analyze(request: Request) -> Response:
    """POST /v1alpha1/comments:analyze."""
    try:
        runtime = runtime_of(request)
        _authorize(runtime, request)
        require_media(request, "application/json")
        body = parse_json_object(await read_body(request, runtime.config.max_body_bytes))
        return json_response(await _analyze(runtime, body))
    except Problem as problem:
        if problem.code == "invalid_json":
            problem = _invalid("Invalid JSON payload received.")
        return _google_error(problem)


def _authorize(runtime: Runtime, request: Request) -> None:
    runtime.check_client(request)
    key = request.query_params.get("key") or request.headers.get("x-goog-api-key")
    if not key:
        runtime.failed_auth(request, "missing_api_key")
        raise Problem(403, "permission_denied", "The request is missing a valid API key.")
    label = runtime.authorize(key)
    if label is None:
        runtime.failed_auth(request, "invalid_api_key")
        raise Problem(
            400,
            "invalid_argument",
            "API key not valid. Please pass a valid API key.",
            extra={
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": "API_KEY_INVALID",
            },
        )
    runtime.throttle(label)


async def _analyze(runtime: Runtime, body: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(body) - _REQUEST_FIELDS
    if unknown:
        field = sorted(unknown)[0][:64]
        raise _invalid(f'Invalid JSON payload received. Unknown name "{field}": Cannot find field.')
    text = _comment_text(body)
    requested = _requested(body)
    languages = _languages(body)
    detected = [_detect(text)]
    langs = languages or detected
    for lang in langs:
        if lang not in LANGS:
            attribute = next(iter(requested))
            raise _invalid(
                f"Attribute {attribute} does not support request languages: {lang[:16]}",
                "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE",
                languageNotSupportedByAttributeError={
                    "detectedLanguages": detected,
                    "attribute": attribute,
                },
            )
    scorer = runtime.scorer
    if scorer is None:
        raise Problem(503, "unavailable", "No model is loaded (the server runs rules only).")
    spans = sentence_spans(text)
    texts = [text] + ([text[b:e] for b, e in spans] if len(spans) > 1 else [])
    try:
        results = await runtime.call(_score, scorer, texts)
    except ModelError as exc:
        _log.error("modkit server: perspective scoring failed: %s", exc)
        raise Problem(503, "unavailable", "The scoring model is unavailable.") from exc
    summary = results[0]
    span_scores = results[1:] if len(results) > 1 else [summary]
    if not spans:
        spans = [(0, len(text))]
    attribute_scores: dict[str, Any] = {}
    for name, threshold in requested.items():
        head = ATTRIBUTES[name]
        if head not in summary:
            raise _invalid(
                f"Attribute {name} does not support request languages: {','.join(langs)}",
                "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE",
                languageNotSupportedByAttributeError={
                    "detectedLanguages": detected,
                    "attribute": name,
                },
            )
        value = summary[head]
        if threshold is not None and value < threshold:
            continue
        attribute_scores[name] = {
            "spanScores": [
                {"begin": b, "end": e, "score": _probability(scores[head])}
                for (b, e), scores in zip(spans, span_scores, strict=True)
                if head in scores and (threshold is None or scores[head] >= threshold)
            ],
            "summaryScore": _probability(value),
        }
    response: dict[str, Any] = {
        "attributeScores": attribute_scores,
        "languages": langs,
        "detectedLanguages": detected,
    }
    token = body.get("clientToken")
    if isinstance(token, str):
        response["clientToken"] = token[:256]
    return response


def routes() -> list[Route]:
    """The Perspective route."""
    return [Route("/v1alpha1/comments:analyze", analyze, methods=["POST"])]
