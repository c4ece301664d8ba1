"""Flask: validate a comment form and get a :class:`~modkit.Decision` in a few lines.

::

    from modkit.integrations.flask import check_form, error_response

    @app.post("/comments")
    def post_comment():
        try:
            decision = check_form(request, moderator)
        except modkit.ValidationError as exc:
            return error_response(exc)          # 400, every field error, in the form's language
        ...                                     # decision.action: accept / hold / reject

or, as an extension that answers invalid forms with a JSON 400 by itself::

    ext = Modkit(app, moderator=moderator)
    decision = ext.check()                      # uses flask.request

The commenter's IP is ``request.remote_addr`` (put Werkzeug's ``ProxyFix`` in front when behind
a proxy), the user agent and referrer come from the headers; none of them is read from the form.

Raises:
    MissingExtraError: on import, when Flask is not installed
        (``pip install 'modkit-moderation[flask]'``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from modkit.integrations._common import WORDPRESS_FIELDS, build_form, check_fields, require

require("flask", extra="flask", adapter="flask")

import flask  # noqa: E402 - after the friendly check above

from modkit._errors import ValidationError  # noqa: E402

if TYPE_CHECKING:
    from modkit._decision import Decision
    from modkit._moderator import Moderator

__all__ = ["WORDPRESS_FIELDS", "Modkit", "check_form", "error_response", "form_from_request"]

EXTENSION_KEY = "modkit"


def form_from_request(
    request: flask.Request | None = None, /, *, fields: Mapping[str, str] | None = None
) -> dict[str, object]:
    """Return the modkit form of a Flask request: its form (or JSON object) fields plus metadata.

    ``fields`` maps modkit field names to the form's keys (e.g. :data:`WORDPRESS_FIELDS`).

    Raises:
        ValueError: ``fields`` names an unknown modkit field.
    """
    req = request if request is not None else flask.request
    names = check_fields(fields)
    data: Mapping[str, Any]
    if req.form:
        data = req.form
    else:
        body = req.get_json(silent=True) if req.is_json else None
        data = body if isinstance(body, dict) else {}
    return build_form(
        data.get,
        names,
        ip=req.remote_addr,
        user_agent=req.user_agent.string or None,
        referrer=req.referrer,
    )


def check_form(
    request: flask.Request | None,
    moderator: Moderator,
    /,
    *,
    lang: str | None = None,
    fields: Mapping[str, str] | None = None,
    record: bool = True,
) -> Decision:
    """Validate the request's comment form and return ``moderator``'s decision.

    ``request`` None means :data:`flask.request`. ``record=False`` leaves the store untouched.

    Raises:
        ValidationError: the form is invalid; ``.errors`` lists every field error.
        ValueError: ``fields`` names an unknown modkit field.
    """
    form = form_from_request(request, fields=fields)
    return moderator.check(form, lang=lang, record=record)


def error_response(exc: ValidationError, /, *, status: int = 400) -> flask.Response:
    """Return a JSON response ``{"error": "validation", "lang", "errors": [...]}`` (400)."""
    response = flask.jsonify(exc.to_dict())
    response.status_code = status
    return response


class Modkit:
    """Flask extension holding one :class:`~modkit.Moderator` for the app.

    ``Modkit(app, moderator=m)`` or ``ext = Modkit(moderator=m); ext.init_app(app)``. With
    ``json_errors`` (default) a :class:`~modkit.ValidationError` escaping a view becomes a JSON 400
    listing every field error; turn it off for views that render their own form errors.
    """

    def __init__(
        self,
        app: flask.Flask | None = None,
        *,
        moderator: Moderator,
        fields: Mapping[str, str] | None = None,
        lang: str | None = None,
        json_errors: bool = True,
    ) -> None:
        self.moderator = moderator
        self.fields = check_fields(fields)
        self.lang = lang
        self.json_errors = json_errors
        if app is not None:
            self.init_app(app)

    def init_app(self, app: flask.Flask) -> None:
        """Register the extension (``app.extensions["modkit"]``) and its error handler."""
        app.extensions[EXTENSION_KEY] = self
        if self.json_errors:
            app.register_error_handler(ValidationError, _handle_validation_error)

    def check(
        self,
        request: flask.Request | None = None,
        /,
        *,
        lang: str | None = None,
        record: bool = True,
    ) -> Decision:
        """Check the current request's comment form (see :func:`check_form`).

        Raises:
            ValidationError: the form is invalid.
        """
        return check_form(
            request,
            self.moderator,
            lang=lang if lang is not None else self.lang,
            fields=self.fields,
            record=record,
        )


def _handle_validation_error(exc: ValidationError) -> flask.Response:
    return error_response(exc)
