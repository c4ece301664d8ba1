"""Akismet-compatible endpoints: ``/1.1/verify-key``, ``comment-check``, ``submit-spam|ham``.

Requests are form-encoded with Akismet's field names; answers are Akismet's plain-text ones, so
WordPress, PHP, Node or Ruby Akismet clients work when pointed at this server. The key comes from
``api_key`` (or ``key`` for verify-key), or from the ``KEY.host`` form of the Host header.

How modkit's actions map onto Akismet's answers:

========  ======================================================================
accept    ``false`` (not spam)
hold      ``true`` (spam: the site keeps it for review in its spam queue); with
          ``[akismet] hold_as = "ham"``, ``false`` and the site's own moderation
reject    ``true`` with ``X-akismet-pro-tip: discard`` (drop it without review)
========  ======================================================================

Akismet's documented test values: ``comment_author=akismet-guaranteed-spam`` or
``comment_author_email=akismet-guaranteed-spam@example.com`` answers ``true`` and
``user_role=administrator`` answers ``false``, both without a check; ``is_test=1`` checks without
recording anything (no decision stored, no verdict on submit-spam/submit-ham).

Every comment-check answer carries ``X-akismet-guid`` (the decision id, accepted back as ``guid``
by submit-spam/submit-ham), ``X-modkit-action`` and ``X-modkit-reasons`` (reason codes).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Mapping
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from modkit._decision import Action, Decision
from modkit._errors import ModelError, StoreError, UnknownDecisionError, ValidationError
from modkit._messages import resolve_lang
from modkit._moderator import Moderator
from modkit.server._http import SAFE_HEADERS, Problem, parse_form, read_body, require_media
from modkit.server._runtime import Runtime, runtime_of

__all__ = ["akismet_form", "guaranteed_spam", "routes"]

_log = logging.getLogger("modkit.server")

FORM_MEDIA: Final = "application/x-www-form-urlencoded"
THANKS: Final = "Thanks for making the web a better place."
_BAD_KEY_HELP: Final = "We were unable to verify your API key."
_PROCESS_PEPPER: Final = secrets.token_bytes(32)

#: Akismet field -> modkit form field.
FIELD_MAP: Final[Mapping[str, str]] = {
    "comment_author": "name",
    "comment_author_email": "email",
    "comment_author_url": "url",
    "comment_content": "text",
    "user_ip": "ip",
    "user_agent": "user_agent",
    "referrer": "referrer",
    "permalink": "permalink",
    "comment_date_gmt": "submitted_at",
    "comment_post_modified_gmt": "post_published_at",
}
AKISMET_FIELDS: Final = frozenset(
    {
        *FIELD_MAP,
        "api_key",
        "key",
        "blog",
        "blog_lang",
        "blog_charset",
        "comment_type",
        "comment_context",
        "honeypot_field_name",
        "is_test",
        "recheck_reason",
        "user_role",
        "guid",
    }
)
_TRUTHY: Final = frozenset({"1", "true", "yes", "on"})
GUARANTEED_SPAM_AUTHOR: Final = "akismet-guaranteed-spam"
GUARANTEED_SPAM_EMAIL: Final = "akismet-guaranteed-spam@example.com"


def guaranteed_spam(fields: Mapping[str, str]) -> bool:
    """Whether the request carries Akismet's "always spam" test author or email."""
    author = fields.get("comment_author", "").strip().lower()
    email = fields.get("comment_author_email", "").strip().lower()
    return author == GUARANTEED_SPAM_AUTHOR or email == GUARANTEED_SPAM_EMAIL


def _placeholder_email(seed: str | None, secret: str | None) -> str:
    """A stand-in address for a comment without one: keyed on the IP, so flood rules still work."""
    key = secret.encode("utf-8") if secret else _PROCESS_PEPPER
    data = (seed or secrets.token_hex(16)).encode("utf-8", "replace")
    digest = hmac.new(key, b"akismet-anonymous:" + data, hashlib.sha256).hexdigest()[:24]
    return f"anonymous-{digest}@anonymous.example.com"


def akismet_form(fields: Mapping[str, str], *, secret: str | None = None) -> dict[str, Any]:
    """Translate Akismet fields into a modkit form (see :data:`FIELD_MAP`).

    A missing author name or email gets a stand-in (Akismet does not require them); the post is
    identified by a hash of ``permalink``; ``honeypot_field_name`` names the field whose value is
    the honeypot; ``blog_lang`` gives the language of the reasons.
    """
    form: dict[str, Any] = {}
    for src, dst in FIELD_MAP.items():
        value = fields.get(src)
        if value is not None and value.strip():
            form[dst] = value
    if "name" not in form:
        form["name"] = "Anonymous"
    if "email" not in form:
        form["email"] = _placeholder_email(form.get("ip"), secret)
    permalink = fields.get("permalink", "").strip()
    if permalink:
        form["post_id"] = hashlib.sha256(permalink.encode("utf-8", "replace")).hexdigest()[:16]
    trap = fields.get("honeypot_field_name", "").strip()
    if trap and trap not in AKISMET_FIELDS:
        form["honeypot"] = fields.get(trap, "")
    blog_lang = fields.get("blog_lang", "")
    if blog_lang.strip():
        form["lang"] = resolve_lang(blog_lang.split(",", 1)[0].strip())
    return form


def _validated_decision(
    moderator: Moderator, form: dict[str, Any], *, record: bool, secret: str | None
) -> Decision | ValidationError:
    """Validate (dropping invalid optional fields once) and decide; the error if the text is bad."""
    try:
        submission = moderator.validate(form)
    except ValidationError as exc:
        bad = {e.field for e in exc.errors}
        if "text" in bad:
            return exc
        for name in bad:
            form.pop(name, None)
        if "name" in bad:
            form["name"] = "Anonymous"
        if "email" in bad:
            form["email"] = _placeholder_email(form.get("ip"), secret)
        try:
            submission = moderator.validate(form)
        except ValidationError as again:
            return again
    return moderator.decide(submission, record=record)


def _text(body: str, *, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return Response(body, status, {**SAFE_HEADERS, **(headers or {})}, media_type="text/plain")


def _problem_text(problem: Problem) -> Response:
    headers = {
        **problem.headers,
        "x-akismet-debug-help": problem.message,
        "x-modkit-error": problem.code,
    }
    return _text(problem.message, status=problem.status, headers=headers)


def _charset(request: Request) -> str:
    for param in request.headers.get("content-type", "").split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"') or "utf-8"
    return "utf-8"


async def _fields(runtime: Runtime, request: Request) -> dict[str, str]:
    if request.headers.get("content-length", "0") != "0" or request.headers.get("content-type"):
        require_media(request, FORM_MEDIA)  # an empty body with no type is an empty form
    body = await read_body(request, runtime.config.max_body_bytes)
    fields = parse_form(body, _charset(request))
    blog_charset = fields.get("blog_charset", "").strip()
    if blog_charset and blog_charset.lower().replace("_", "-") not in {"utf-8", "utf8"}:
        fields = parse_form(body, blog_charset)
    return fields


def _host_key(request: Request) -> str | None:
    host = request.headers.get("host", "")
    head, dot, _ = host.partition(".")
    return head if dot else None


def _key_label(runtime: Runtime, request: Request, fields: Mapping[str, str]) -> str | None:
    """The label of the key sent, else None (and the failure is counted against the client)."""
    sent = False
    for candidate in (fields.get("api_key"), fields.get("key"), _host_key(request)):
        if candidate:
            sent = True
            label = runtime.authorize(candidate.strip())
            if label is not None:
                return label
    runtime.failed_auth(request, "invalid_api_key" if sent else "missing_api_key")
    return None


def _invalid_key() -> Response:
    return _text("invalid", headers={"x-akismet-debug-help": _BAD_KEY_HELP})


async def verify_key(request: Request) -> Response:
    """POST /1.1/verify-key: ``valid`` or ``invalid``."""
    try:
        runtime = runtime_of(request)
        runtime.check_client(request)
        fields = await _fields(runtime, request)
        label = _key_label(runtime, request, fields)
        if label is None:
            return _invalid_key()
        runtime.throttle(label)
    except Problem as problem:
        return _problem_text(problem)
    return _text("valid")


def _flag(fields: Mapping[str, str], name: str) -> bool:
    return fields.get(name, "").strip().lower() in _TRUTHY


def _answer(decision: Decision, hold_as: str) -> Response:
    action = decision.action
    spam = action is Action.REJECT or (action is Action.HOLD and hold_as == "spam")
    headers = {
        "x-akismet-guid": decision.id,
        "x-modkit-action": action.value,
        "x-modkit-reasons": ",".join(decision.codes),
    }
    if action is Action.REJECT:
        headers["x-akismet-pro-tip"] = "discard"
    return _text("true" if spam else "false", headers=headers)


async def comment_check(request: Request) -> Response:
    """POST /1.1/comment-check: ``true`` (spam), ``false`` (ham), or ``invalid`` (bad key)."""
    try:
        runtime = runtime_of(request)
        runtime.check_client(request)
        fields = await _fields(runtime, request)
        label = _key_label(runtime, request, fields)
        if label is None:
            return _invalid_key()
        runtime.throttle(label)
        if fields.get("user_role", "").strip().lower() == "administrator":
            return _text("false", headers={"x-modkit-action": "accept"})
        if guaranteed_spam(fields):  # Akismet's test value: true, nothing checked or stored
            return _text("true", headers={"x-modkit-action": "reject", "x-modkit-test": "spam"})
        form = akismet_form(fields, secret=runtime.config.secret)
        record = not _flag(fields, "is_test") and not fields.get("recheck_reason", "").strip()
        try:
            result = await runtime.call(
                _validated_decision,
                runtime.moderator,
                form,
                record=record,
                secret=runtime.config.secret,
            )
        except (ModelError, StoreError) as exc:
            _log.error("modkit server: akismet comment-check failed: %s", type(exc).__name__)
            raise Problem(503, "unavailable", "moderation service unavailable") from exc
    except Problem as problem:
        return _problem_text(problem)
    if isinstance(result, ValidationError):
        spam = runtime.config.akismet_hold_as == "spam"
        help_text = "invalid comment: " + ", ".join(f"{e.field} ({e.code})" for e in result.errors)
        return _text(
            "true" if spam else "false",
            headers={"x-modkit-action": "hold", "x-akismet-debug-help": help_text},
        )
    return _answer(result, runtime.config.akismet_hold_as)


def _submit(
    moderator: Moderator, fields: Mapping[str, str], verdict: str, secret: str | None
) -> str:
    """Record ``verdict`` on the decision named by ``guid``, else on a new check of the comment."""
    guid = fields.get("guid", "").strip().lower()
    if guid:
        try:
            moderator.feedback(guid, verdict)
        except UnknownDecisionError:
            pass
        else:
            return "recorded"
    form = akismet_form(fields, secret=secret)
    result = _validated_decision(moderator, form, record=True, secret=secret)
    if isinstance(result, ValidationError):
        return "ignored"
    moderator.feedback(result.id, verdict)
    return "recorded"


def _submitter(verdict: str) -> Any:
    async def submit(request: Request) -> Response:
        try:
            runtime = runtime_of(request)
            runtime.check_client(request)
            fields = await _fields(runtime, request)
            label = _key_label(runtime, request, fields)
            if label is None:
                return _invalid_key()
            runtime.throttle(label)
            if _flag(fields, "is_test"):
                return _text(THANKS, headers={"x-modkit-feedback": "ignored"})
            try:
                status = await runtime.call(
                    _submit, runtime.moderator, fields, verdict, runtime.config.secret
                )
            except (ModelError, StoreError) as exc:
                _log.error("modkit server: akismet submit failed: %s", type(exc).__name__)
                raise Problem(503, "unavailable", "moderation service unavailable") from exc
        except Problem as problem:
            return _problem_text(problem)
        return _text(THANKS, headers={"x-modkit-feedback": status})

    submit.__name__ = f"submit_{verdict}"
    submit.__doc__ = f"POST /1.1/submit-{verdict}: record a moderator's {verdict!r} verdict."
    return submit


def routes() -> list[Route]:
    """The four Akismet routes."""
    return [
        Route("/1.1/verify-key", verify_key, methods=["POST"]),
        Route("/1.1/comment-check", comment_check, methods=["POST"]),
        Route("/1.1/submit-spam", _submitter("spam"), methods=["POST"]),
        Route("/1.1/submit-ham", _submitter("ham"), methods=["POST"]),
    ]
