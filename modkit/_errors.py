"""Exceptions raised by modkit.

Every exception modkit raises on purpose derives from :class:`ModkitError`, and also from the
built-in category it belongs to, so ``except ValueError`` keeps working in code that does not know
modkit::

    Exception
     └── ModkitError
          ├── ValidationError (ValueError)     invalid form data; .errors lists every FieldError
          ├── ConfigError (ValueError)         invalid Policy, secret or Moderator arguments
          ├── ModelError (RuntimeError)        the scorer cannot be loaded, or misbehaves
          ├── StoreError (RuntimeError)        the store cannot be opened, read or written
          └── UnknownDecisionError (KeyError)  feedback for a decision id the store lacks

No message built here or elsewhere in modkit contains an email address, an IP address, a secret or
the full text of a comment: messages name fields and codes, never the values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "ConfigError",
    "FieldError",
    "ModelError",
    "ModkitError",
    "StoreError",
    "UnknownDecisionError",
    "ValidationError",
]


class ModkitError(Exception):
    """Base class of every error modkit raises on purpose."""


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem with one field of a submitted form.

    ``field`` is the form key (``"email"``), ``code`` a stable snake_case code (``"required"``,
    ``"invalid"``, ``"too_long"``) and ``message`` a sentence for people, in the submission's
    language.
    """

    field: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """Return ``{"field", "code", "message"}``."""
        return {"field": self.field, "code": self.code, "message": self.message}


class ValidationError(ModkitError, ValueError):
    """The submitted form is invalid; :attr:`errors` lists every problem found, not just the first.

    The message names the fields and codes only, never the submitted values.
    """

    errors: tuple[FieldError, ...]
    lang: str

    def __init__(self, errors: Iterable[FieldError], *, lang: str = "en") -> None:
        self.errors = tuple(errors)
        self.lang = lang
        if not self.errors:
            msg = "invalid submission"
        else:
            parts = ", ".join(f"{e.field} ({e.code})" for e in self.errors)
            head = "formulaire invalide" if lang == "fr" else "invalid submission"
            msg = f"{head}: {parts}"
        super().__init__(msg)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_validation_error, (self.errors, self.lang))

    @property
    def codes(self) -> dict[str, tuple[str, ...]]:
        """Map each field in error to its codes, in order: ``{"email": ("invalid",)}``."""
        out: dict[str, tuple[str, ...]] = {}
        for e in self.errors:
            out[e.field] = (*out.get(e.field, ()), e.code)
        return out

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-serialisable ``{"error": "validation", "lang", "errors": [...]}``."""
        return {
            "error": "validation",
            "lang": self.lang,
            "errors": [e.to_dict() for e in self.errors],
        }


def _rebuild_validation_error(errors: tuple[FieldError, ...], lang: str) -> ValidationError:
    return ValidationError(errors, lang=lang)


class ConfigError(ModkitError, ValueError):
    """A policy, secret or Moderator argument is invalid (message says which key and why)."""


class ModelError(ModkitError, RuntimeError):
    """The scoring model cannot be loaded, fails its integrity checks, or returns bad scores."""


class StoreError(ModkitError, RuntimeError):
    """The store cannot be opened, read or written (or was created with another site secret)."""


class UnknownDecisionError(ModkitError, KeyError):
    """Feedback names a decision id the store does not hold (not recorded, purged, forgotten)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown decision"
