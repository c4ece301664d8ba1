"""What the framework adapters share: turning request data into a modkit form, missing extras."""

from __future__ import annotations

import importlib
import ipaddress
from collections.abc import Callable, Mapping
from types import MappingProxyType, ModuleType
from typing import Final

from modkit._errors import ModkitError

__all__ = [
    "FORM_FIELDS",
    "WORDPRESS_FIELDS",
    "MissingExtraError",
    "build_form",
    "check_fields",
    "require",
]

# Fields a visitor's form may carry. The IP, user agent and referrer are never read from the form:
# they come from the request itself, so a client cannot claim someone else's.
FORM_FIELDS: Final[tuple[str, ...]] = (
    "name",
    "email",
    "url",
    "text",
    "post_id",
    "parent_id",
    "form_rendered_at",
    "honeypot",
    "lang",
)

WORDPRESS_FIELDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "name": "author",
        "email": "email",
        "url": "url",
        "text": "comment",
        "post_id": "comment_post_ID",
    }
)
"""Field names of WordPress's comment form (``author``, ``comment``...), for ``fields=``."""


class MissingExtraError(ModkitError, ImportError):
    """An adapter was imported without the framework it adapts; the message says what to install."""


def require(module: str, *, extra: str, adapter: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingExtraError` naming the ``pip install`` line.

    Raises:
        MissingExtraError: ``module`` cannot be imported.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        msg = (
            f"modkit.integrations.{adapter} needs {module!r}, which is not installed: "
            f"pip install 'modkit-moderation[{extra}]'"
        )
        raise MissingExtraError(msg, name=module) from exc


def check_fields(fields: Mapping[str, str] | None) -> Mapping[str, str]:
    """Return the modkit-field -> form-key mapping, with every unmapped field under its own name.

    Raises:
        ValueError: a key is not a form field modkit knows, or a value is not a non-empty string.
    """
    if fields is None:
        return MappingProxyType({f: f for f in FORM_FIELDS})
    unknown = sorted(set(fields) - set(FORM_FIELDS))
    if unknown:
        msg = f"fields: unknown modkit field(s) {unknown} (known: {list(FORM_FIELDS)})"
        raise ValueError(msg)
    for key, value in fields.items():
        if not isinstance(value, str) or not value:
            msg = f"fields[{key!r}] must be a non-empty form key"
            raise ValueError(msg)
    return MappingProxyType({f: fields.get(f, f) for f in FORM_FIELDS})


def build_form(
    get: Callable[[str], object],
    fields: Mapping[str, str],
    *,
    ip: str | None = None,
    user_agent: str | None = None,
    referrer: str | None = None,
) -> dict[str, object]:
    """Build the mapping :func:`modkit.validate` reads from one getter over the request's data.

    ``get(key)`` returns the submitted value or None; ``fields`` maps modkit fields to form keys
    (see :func:`check_fields`). No ``submitted_at``: the Moderator's clock dates the comment. A
    client address that is not an IP (a Unix socket, a test client's name) is left out.
    """
    form: dict[str, object] = {}
    for field, key in fields.items():
        value = get(key)
        if value is not None:
            form[field] = value
    if ip and _is_ip(ip):
        form["ip"] = ip
    for field, value in (("user_agent", user_agent), ("referrer", referrer)):
        if value:
            form[field] = value
    return form


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
