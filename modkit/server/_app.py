"""The ASGI application: modkit's JSON API, the Akismet and Perspective endpoints, OpenAPI.

Routes::

    GET  /healthz                      liveness and model version (no key)
    GET  /openapi.json                 the OpenAPI 3.1 document (no key)
    POST /v1/check                     JSON form -> decision          (Authorization: Bearer KEY)
    POST /v1/feedback                  {"decision_id", "verdict"}     (Authorization: Bearer KEY)
    GET  /v1/model                     the model's manifest           (Authorization: Bearer KEY)
    POST /1.1/verify-key, /1.1/comment-check, /1.1/submit-spam, /1.1/submit-ham   (Akismet)
    POST /v1alpha1/comments:analyze    (Perspective, ?key=KEY)

Errors of the modkit API are ``{"error": {"code", "message", ...}}`` with stable codes: 400
``invalid_json`` / ``invalid_submission`` (with every field error) / ``invalid_feedback``, 401
``missing_api_key`` / ``invalid_api_key``, 404 ``not_found`` / ``unknown_decision``, 405
``method_not_allowed``, 413 ``payload_too_large``, 415 ``unsupported_media_type``, 429
``rate_limited`` / ``too_many_failures``, 500 ``internal_error``, 503 ``model_error`` /
``store_error``.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from functools import cache
from typing import Any, Final

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from modkit._errors import ModelError, StoreError, UnknownDecisionError, ValidationError
from modkit._messages import resolve_lang
from modkit._moderator import Moderator
from modkit._store import VERDICTS
from modkit._version import __version__
from modkit.server import _akismet, _perspective
from modkit.server._config import ServerConfig, load_config
from modkit.server._http import Problem, json_response, parse_json_object, read_body, require_media
from modkit.server._openapi import openapi_document
from modkit.server._runtime import Runtime, runtime_of

__all__ = ["app_from_env", "create_app"]

_log = logging.getLogger("modkit.server")
_DECISION_ID: Final = re.compile(r"[0-9a-f]{8,64}")
_HTTP_CODES: Final[Mapping[int, str]] = {404: "not_found", 405: "method_not_allowed"}


def problem_response(problem: Problem) -> Response:
    """Render a :class:`Problem` as modkit's JSON error."""
    body = {"error": {"code": problem.code, "message": problem.message, **problem.extra}}
    return json_response(body, status=problem.status, headers=problem.headers)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def _authorize(runtime: Runtime, request: Request) -> None:
    runtime.check_client(request)
    token = _bearer(request)
    challenge = {"www-authenticate": 'Bearer realm="modkit"'}
    if not token:
        runtime.failed_auth(request, "missing_api_key")
        raise Problem(401, "missing_api_key", "send Authorization: Bearer <key>", headers=challenge)
    label = runtime.authorize(token)
    if label is None:
        runtime.failed_auth(request, "invalid_api_key")
        raise Problem(401, "invalid_api_key", "unknown API key", headers=challenge)
    runtime.throttle(label)


def _lang(request: Request, form: Mapping[str, Any]) -> str | None:
    if isinstance(form.get("lang"), str) and form["lang"].strip():
        return None  # validate() reads the form's own lang
    accept = request.headers.get("accept-language")
    if not accept:
        return None
    return resolve_lang(accept.split(",", 1)[0].split(";", 1)[0].strip())


async def _json_body(runtime: Runtime, request: Request) -> dict[str, Any]:
    require_media(request, "application/json")
    body = await read_body(request, runtime.config.max_body_bytes)
    return parse_json_object(body)


def _model_problem(exc: ModelError | StoreError) -> Problem:
    code = "model_error" if isinstance(exc, ModelError) else "store_error"
    _log.error("modkit server: %s: %s", code, exc)
    return Problem(
        503,
        code,
        "the moderation service is unavailable; retry later",
        headers={"retry-after": "1"} if code == "store_error" else None,
    )


async def check(request: Request) -> Response:
    """POST /v1/check: validate and decide on one comment form."""
    try:
        runtime = runtime_of(request)
        _authorize(runtime, request)
        form = await _json_body(runtime, request)
        try:
            decision = await runtime.call(runtime.moderator.check, form, lang=_lang(request, form))
        except ValidationError as exc:
            raise Problem(
                400,
                "invalid_submission",
                str(exc),
                extra={"lang": exc.lang, "errors": [e.to_dict() for e in exc.errors]},
            ) from None
        except (ModelError, StoreError) as exc:
            raise _model_problem(exc) from exc
    except Problem as problem:
        return problem_response(problem)
    return json_response(decision.to_dict())


def _feedback_errors(body: Mapping[str, Any]) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    decision_id = body.get("decision_id")
    if decision_id is None:
        errors.append({"field": "decision_id", "code": "required", "message": "required"})
    elif not isinstance(decision_id, str) or not _DECISION_ID.fullmatch(decision_id):
        errors.append({"field": "decision_id", "code": "invalid", "message": "a decision id (hex)"})
    verdict = body.get("verdict")
    if verdict is None:
        errors.append({"field": "verdict", "code": "required", "message": "required"})
    elif not isinstance(verdict, str) or verdict not in VERDICTS:
        errors.append(
            {"field": "verdict", "code": "invalid", "message": "one of: ham, spam, toxic"}
        )
    return errors


async def feedback(request: Request) -> Response:
    """POST /v1/feedback: a moderator's verdict on a decision, kept in the store."""
    try:
        runtime = runtime_of(request)
        _authorize(runtime, request)
        body = await _json_body(runtime, request)
        errors = _feedback_errors(body)
        if errors:
            raise Problem(400, "invalid_feedback", "invalid feedback", extra={"errors": errors})
        try:
            await runtime.call(runtime.moderator.feedback, body["decision_id"], body["verdict"])
        except UnknownDecisionError:
            raise Problem(
                404, "unknown_decision", "no stored comment for this decision id"
            ) from None
        except (ModelError, StoreError) as exc:
            raise _model_problem(exc) from exc
    except Problem as problem:
        return problem_response(problem)
    return json_response(
        {"decision_id": body["decision_id"], "verdict": body["verdict"], "status": "recorded"}
    )


def model_info(moderator: Moderator) -> dict[str, Any]:
    """The model's version, thresholds and manifest (JSON-serialisable)."""
    scorer = moderator.scorer
    manifest = getattr(scorer, "manifest", None)
    return {
        "version": moderator.model_version,
        "rules_only": moderator.rules_only,
        "scorer": None if scorer is None else type(scorer).__name__,
        "thresholds": {k: dict(v) for k, v in moderator.thresholds.items()},
        "manifest": json.loads(json.dumps(manifest, default=str))
        if isinstance(manifest, Mapping)
        else None,
    }


async def model(request: Request) -> Response:
    """GET /v1/model: what scores the decisions."""
    try:
        runtime = runtime_of(request)
        _authorize(runtime, request)
    except Problem as problem:
        return problem_response(problem)
    return json_response(model_info(runtime.moderator))


async def healthz(request: Request) -> Response:
    """GET /healthz: the worker is up and its moderator is built."""
    try:
        runtime = runtime_of(request)
    except Exception as exc:  # a worker that cannot build its moderator is not healthy
        _log.error("modkit server: not ready: %s", type(exc).__name__)
        return json_response({"status": "error"}, status=503)
    return json_response(
        {
            "status": "ok",
            "version": __version__,
            "model_version": runtime.moderator.model_version,
            "rules_only": runtime.moderator.rules_only,
            "worker": os.getpid(),
        }
    )


@cache
def _openapi_bytes() -> bytes:
    return json.dumps(openapi_document(), ensure_ascii=False).encode("utf-8")


async def openapi(request: Request) -> Response:
    """GET /openapi.json."""
    return Response(_openapi_bytes(), media_type="application/json")


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    code = _HTTP_CODES.get(status, "http_error")
    headers = dict(exc.headers or {}) if isinstance(exc, HTTPException) else {}
    message = exc.detail if isinstance(exc, HTTPException) else "error"
    return problem_response(Problem(status, code, str(message), headers=headers))


async def _internal_error(request: Request, exc: Exception) -> Response:
    _log.error("modkit server: internal error on %s: %s", request.url.path, type(exc).__name__)
    return problem_response(Problem(500, "internal_error", "internal server error"))


def create_app(
    config: ServerConfig | None = None,
    *,
    moderator: Moderator | None = None,
    scorer: Any | None = None,
    limiter_path: str | None = None,
) -> Starlette:
    """Build the ASGI app. The moderator is built in the lifespan (or on the first request).

    ``moderator`` (used as is) or ``scorer`` (put into a new moderator) replace what ``config``
    names; ``config`` defaults to the environment (``MODKIT_API_KEYS``, ``MODKIT_SECRET``).
    ``limiter_path`` names the rate-limit file shared by the workers of one server.

    Raises:
        ConfigError: invalid configuration (read from the environment when ``config`` is None).
    """
    cfg = config if config is not None else load_config()

    def factory() -> Runtime:
        return Runtime(cfg, moderator=moderator, scorer=scorer, limiter_path=limiter_path)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if getattr(app.state, "modkit", None) is None:
            app.state.modkit = factory()
        try:
            yield
        finally:
            runtime: Runtime | None = getattr(app.state, "modkit", None)
            app.state.modkit = None
            if runtime is not None:
                runtime.close()

    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/v1/check", check, methods=["POST"]),
        Route("/v1/feedback", feedback, methods=["POST"]),
        Route("/v1/model", model, methods=["GET"]),
        *_akismet.routes(),
        *_perspective.routes(),
    ]
    handlers: dict[Any, Callable[[Request, Exception], Any]] = {
        HTTPException: _http_error,
        Exception: _internal_error,
    }
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers=handlers)
    app.state.modkit = None
    app.state.modkit_factory = factory
    app.state.modkit_config = cfg
    return app


ENV_CONFIG: Final = "MODKIT_CONFIG"
ENV_OVERRIDES: Final = "MODKIT_SERVE_OVERRIDES"
ENV_LIMITER: Final = "MODKIT_RATELIMIT_FILE"


def app_from_env() -> Starlette:
    """App factory for ``uvicorn --factory``: config file from ``$MODKIT_CONFIG``.

    ``$MODKIT_SERVE_OVERRIDES`` (JSON, set by ``modkit serve``) holds command-line overrides and
    ``$MODKIT_RATELIMIT_FILE`` the rate-limit file shared by the workers.

    Raises:
        ConfigError: invalid configuration.
    """
    config = load_config(os.environ.get(ENV_CONFIG) or None)
    overrides = json.loads(os.environ.get(ENV_OVERRIDES) or "{}")
    config = config.with_overrides(**overrides).for_workers()
    return create_app(config, limiter_path=os.environ.get(ENV_LIMITER) or None)
