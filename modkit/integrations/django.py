"""Django: a django-contrib-comments moderator backed by modkit.

::

    # yourapp/apps.py, in AppConfig.ready()
    from django_comments.moderation import moderator
    from modkit.integrations.django import ModkitModerator

    class ArticleModerator(ModkitModerator):
        enable_field = "enable_comments"        # the usual CommentModerator options still apply

    moderator.register(Article, ArticleModerator)

django-contrib-comments asks :meth:`~ModkitModerator.allow` first (False: the comment is refused,
the view answers 400) and then :meth:`~ModkitModerator.moderate` (True: saved with
``is_public=False``, waiting for a moderator). modkit's *reject* maps onto the first, *hold* onto
the second. The decision is checked once per comment and kept on it as ``comment.modkit_decision``
(read it in a ``comment_was_posted`` receiver to store ``decision.id`` for feedback), logged
without email or IP on the ``modkit.integrations.django`` logger, and sent with the
:data:`decision_made` signal.

The :class:`~modkit.Moderator` is the class attribute :attr:`ModkitModerator.moderator` when set,
else one built once per process from ``settings.MODKIT``: ``{"RULES_ONLY": bool, "POLICY": path
of a policy file, dict or Policy, "STORE": path of a SQLite file, "SECRET": str}`` (``SECRET``
defaults to ``$MODKIT_SECRET``).

Raises:
    MissingExtraError: on import, when Django or django-contrib-comments is missing
        (``pip install 'modkit-moderation[django]'``).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from modkit.integrations._common import require

# Django and django-contrib-comments ship no type information: their names are typed Any here.
_conf = require("django.conf", extra="django", adapter="django")
_dispatch = require("django.dispatch", extra="django", adapter="django")
_translation = require("django.utils.translation", extra="django", adapter="django")
_moderation = require("django_comments.moderation", extra="django", adapter="django")

from modkit._decision import Action, Decision  # noqa: E402 - after the friendly checks above
from modkit._errors import ConfigError, ValidationError  # noqa: E402

if TYPE_CHECKING:
    from modkit._moderator import Moderator
    from modkit._policy import Policy

HttpRequest = Any
CommentModerator: Any = _moderation.CommentModerator

__all__ = [
    "ModkitModerator",
    "clear_default_moderator",
    "decision_made",
    "default_moderator",
]

_log = logging.getLogger("modkit.integrations.django")

decision_made = _dispatch.Signal()
"""Sent once per checked comment: ``sender`` the commented model, ``comment``, ``decision``
(None when modkit found the comment invalid), ``errors`` (the field errors then), ``request``."""

_DECISION_ATTR = "modkit_decision"
_ERRORS_ATTR = "modkit_errors"
_MAX_ID = 64

_default: Moderator | None = None
_default_lock = threading.Lock()


def default_moderator() -> Moderator:
    """Return the process-wide :class:`~modkit.Moderator` built from ``settings.MODKIT``.

    Raises:
        ConfigError: ``settings.MODKIT`` has an unknown key or a value of the wrong type.
        ModelError: no ``RULES_ONLY`` and the default model cannot be loaded.
    """
    global _default  # noqa: PLW0603 - one Moderator per process, built on first use
    with _default_lock:
        if _default is None:
            _default = _build_moderator(getattr(_conf.settings, "MODKIT", {}))
        return _default


def clear_default_moderator() -> None:
    """Close and forget the moderator built from settings (after changing ``settings.MODKIT``)."""
    global _default  # noqa: PLW0603
    with _default_lock:
        if _default is not None:
            _default.close()
        _default = None


def _build_moderator(conf: object) -> Moderator:
    from modkit._moderator import Moderator
    from modkit._policy import Policy
    from modkit._store import SQLiteStore, Store

    if not isinstance(conf, dict):
        raise ConfigError("settings.MODKIT must be a dict")
    unknown = sorted(set(conf) - {"RULES_ONLY", "POLICY", "STORE", "SECRET"})
    if unknown:
        raise ConfigError(f"settings.MODKIT: unknown key(s) {unknown}")
    policy_conf = conf.get("POLICY")
    policy: Policy | None
    if policy_conf is None or isinstance(policy_conf, Policy):
        policy = policy_conf
    elif isinstance(policy_conf, dict):
        policy = Policy.from_dict(policy_conf)
    else:
        policy = _policy_file(str(policy_conf))
    secret = conf.get("SECRET")
    store: Store | None = None
    if conf.get("STORE"):
        store = SQLiteStore(str(conf["STORE"]))
    return Moderator(
        policy=policy, store=store, rules_only=bool(conf.get("RULES_ONLY")), secret=secret
    )


def _policy_file(path: str) -> Policy:
    """``Policy.from_toml(path)``, with a hint when ``path`` is a ``modkit serve`` configuration.

    Raises:
        ConfigError: the file is not a policy file (the message says how to use a server's).
    """
    import tomllib

    from modkit._policy import Policy

    try:
        return Policy.from_toml(path)
    except ConfigError as exc:
        try:
            with open(path, "rb") as fh:
                tables = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError):
            raise exc from None
        if isinstance(tables.get("policy"), dict):
            raise ConfigError(
                f"settings.MODKIT['POLICY'] names {path!r}, a `modkit serve` configuration, not"
                f" a policy file: use its [policy] table with"
                f' "POLICY": modkit.Policy.from_toml({path!r}, table="policy")'
            ) from exc
        raise


def _post_id(content_object: Any) -> str | None:
    """``app_label.model:pk``, or a digest of it when longer than modkit's 64 characters."""
    if content_object is None:
        return None
    meta = getattr(content_object, "_meta", None)
    label = meta.label_lower if meta is not None else type(content_object).__name__.lower()
    value = f"{label}:{getattr(content_object, 'pk', '')}"
    if len(value) > _MAX_ID:
        value = hashlib.sha256(value.encode()).hexdigest()[:32]
    return value


def _as_datetime(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=UTC)
    return None


class ModkitModerator(CommentModerator):  # type: ignore[misc]  # untyped base class
    """A ``CommentModerator`` whose :meth:`allow` and :meth:`moderate` ask modkit.

    The declarative options of ``CommentModerator`` (``enable_field``, ``auto_close_field``,
    ``auto_moderate_field``...) still apply on top. Attributes:

    ``moderator``: the :class:`~modkit.Moderator` (None: :func:`default_moderator`).
    ``lang``: language of reasons and errors (None: the active Django language, fr or en).
    ``published_field``: the commented object's date attribute passed as ``post_published_at``
    (for the policy's ``close_after_days``).
    ``hold_invalid``: a comment that Django accepted but modkit finds invalid (a signed-in user
    without an email, say) is held (True, default) or refused (False); never published unseen.
    """

    moderator: Moderator | None = None
    lang: str | None = None
    published_field: str | None = None
    hold_invalid: bool = True

    def get_moderator(self) -> Moderator:
        """Return the :class:`~modkit.Moderator` to use (override to choose per model)."""
        return self.moderator if self.moderator is not None else default_moderator()

    def get_lang(self, request: HttpRequest | None) -> str | None:
        """Return the language for messages: :attr:`lang`, else the active Django language."""
        return self.lang or _translation.get_language()

    def build_form(
        self, comment: Any, content_object: Any, request: HttpRequest | None
    ) -> dict[str, object]:
        """Map the comment and its request to a modkit form.

        ``user_name``, ``user_email``, ``user_url``, ``comment``, ``ip_address`` and
        ``submit_date`` become ``name``, ``email``, ``url``, ``text``, ``ip`` and
        ``submitted_at``; the object gives ``post_id`` (``app_label.model:pk``) and the signed
        form ``timestamp`` gives ``form_rendered_at``.
        """
        form: dict[str, object] = {
            "name": comment.user_name,
            "email": comment.user_email,
            "url": comment.user_url or None,
            "text": comment.comment,
            "ip": comment.ip_address or None,
            "submitted_at": comment.submit_date,
            "post_id": _post_id(content_object),
        }
        if self.published_field and content_object is not None:
            form["post_published_at"] = _as_datetime(
                getattr(content_object, self.published_field, None)
            )
        if request is not None:
            meta = request.META
            form["user_agent"] = meta.get("HTTP_USER_AGENT")
            form["referrer"] = meta.get("HTTP_REFERER")
            if request.method == "POST":
                # django-contrib-comments signs this timestamp: the form checked it already.
                form["form_rendered_at"] = request.POST.get("timestamp")
                form["honeypot"] = request.POST.get("honeypot")
        if content_object is not None and callable(
            getattr(content_object, "get_absolute_url", None)
        ):
            form["permalink"] = content_object.get_absolute_url()
        return {k: v for k, v in form.items() if v is not None}

    def check(
        self, comment: Any, content_object: Any, request: HttpRequest | None
    ) -> Decision | None:
        """Return modkit's decision on ``comment``, checked once and kept on the comment.

        None when modkit finds the comment invalid (``comment.modkit_errors`` lists why).

        Raises:
            ModelError, StoreError: the scorer or the store failed (never silently accepted).
        """
        if hasattr(comment, _DECISION_ATTR):
            cached: Decision | None = getattr(comment, _DECISION_ATTR)
            return cached
        form = self.build_form(comment, content_object, request)
        decision: Decision | None = None
        errors: tuple[Any, ...] = ()
        try:
            decision = self.get_moderator().check(form, lang=self.get_lang(request))
        except ValidationError as exc:
            errors = exc.errors
            _log.warning(
                "modkit: comment on %s is invalid for modkit (%s): %s",
                form.get("post_id"),
                ", ".join(f"{e.field}:{e.code}" for e in exc.errors),
                "held" if self.hold_invalid else "refused",
            )
        else:
            _log.info(
                "modkit: comment on %s: %s (%s) decision=%s",
                form.get("post_id"),
                decision.action.value,
                ", ".join(decision.codes) or "no reason",
                decision.id,
            )
        setattr(comment, _DECISION_ATTR, decision)
        setattr(comment, _ERRORS_ATTR, errors)
        decision_made.send(
            sender=self._model, comment=comment, decision=decision, errors=errors, request=request
        )
        return decision

    def allow(self, comment: Any, content_object: Any, request: HttpRequest | None) -> bool:
        """False when the base options or modkit reject the comment."""
        if not super().allow(comment, content_object, request):
            return False
        decision = self.check(comment, content_object, request)
        if decision is None:
            return self.hold_invalid
        return decision.action is not Action.REJECT

    def moderate(self, comment: Any, content_object: Any, request: HttpRequest | None) -> bool:
        """True (hold: ``is_public=False``) when the base options or modkit hold the comment."""
        if super().moderate(comment, content_object, request):
            return True
        decision = self.check(comment, content_object, request)
        return decision is None or decision.action is not Action.ACCEPT
