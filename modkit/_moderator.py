"""The :class:`Moderator`: validate, score, apply the rules and the policy, remember, decide.

Side effects (the store, logging) live here; :class:`modkit.Policy` stays pure. Without a scorer
the Moderator refuses to start unless ``rules_only=True``: it never silently accepts comments it
could not score.
"""

from __future__ import annotations

import logging
import math
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from modkit._author import AuthorKeys, resolve_secret
from modkit._decision import Decision
from modkit._errors import (
    ConfigError,
    ModelError,
    ModkitError,
    StoreError,
    UnknownDecisionError,
)
from modkit._policy import Policy
from modkit._public import PublicComment
from modkit._scorer_protocol import ScorerProtocol, Thresholds
from modkit._store import VERDICTS, CommentRecord, FeedbackRecord, MemoryStore, Store
from modkit._submission import (
    EmailCache,
    Submission,
    ValidationError,
    active_email_cache,
    email_cache,
    normalize_email,
    validate,
)

__all__ = ["Moderator", "ScorerProtocol"]

_log = logging.getLogger("modkit")
_EMAIL_CACHE_SIZE = 4096  # addresses whose validation outcome a Moderator remembers


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _load_default_scorer() -> ScorerProtocol:
    """Load the shipped model (cached by ``Scorer.load``).

    Raises:
        ModelError: the model module or its files are missing or broken.
    """
    hint = "pass rules_only=True to run without a model, or scorer=... to use your own"
    try:
        from modkit._model import Scorer  # heavy (scikit-learn): loaded on demand
    except ImportError as exc:
        raise ModelError(f"the default model is not available ({exc}); {hint}") from exc
    try:
        scorer: ScorerProtocol = Scorer.load()
    except ModelError as exc:
        message = str(exc) if "rules_only" in str(exc) else f"{exc}; {hint}"
        raise ModelError(message) from exc
    except Exception as exc:
        raise ModelError(
            f"the default model cannot be loaded ({type(exc).__name__}: {exc}); {hint}"
        ) from exc
    return scorer


class Moderator:
    """Check comment submissions and decide: accept, hold or reject, with reasons.

    ``policy``: a :class:`Policy` (default: WordPress-like defaults). ``scorer``: any object with
    ``score``/``score_many`` (default: the shipped model; ``rules_only=True`` runs without one, and
    then holds what it could not score). ``store``: a :class:`Store` (default: a
    :class:`MemoryStore`). ``secret``: the site secret keying authors (default: ``$MODKIT_SECRET``;
    required with a persistent store). ``now``: the clock. ``lang``: the default language of
    messages when neither :meth:`check` nor the form gives one.

    Raises:
        ModelError: no scorer given, not ``rules_only``, and the default model cannot be loaded,
            or the scorer's thresholds are malformed.
        ConfigError: both ``scorer`` and ``rules_only``, a persistent store without a secret, or
            an invalid secret.
        StoreError: the store was created with another secret.
    """

    def __init__(
        self,
        *,
        policy: Policy | None = None,
        scorer: ScorerProtocol | None = None,
        store: Store | None = None,
        rules_only: bool = False,
        secret: str | bytes | None = None,
        now: Callable[[], datetime] | None = None,
        check_deliverability: bool = False,
        lang: str | None = None,
    ) -> None:
        if policy is not None and not isinstance(policy, Policy):
            raise TypeError(f"policy must be a modkit.Policy, not {type(policy).__name__}")
        if rules_only and scorer is not None:
            raise ConfigError("give either scorer=... or rules_only=True, not both")
        if scorer is None and not rules_only:
            scorer = _load_default_scorer()
        if scorer is not None and not callable(getattr(scorer, "score_many", None)):
            raise TypeError("scorer must have a score_many(texts) method")
        self.policy = policy or Policy()
        self.scorer = scorer
        self.rules_only = scorer is None
        self.store: Store = store if store is not None else MemoryStore()
        raw, _ = resolve_secret(secret, required=self.store.persistent)
        self._keys = AuthorKeys(raw)
        self.store.bind(self._keys.check_value())
        self._now = now or _utcnow
        self.check_deliverability = check_deliverability
        self.lang = lang
        self._emails = EmailCache(_EMAIL_CACHE_SIZE)  # each address validated once (bounded)
        version = getattr(scorer, "version", None)
        self.model_version: str | None = str(version) if version is not None else None
        try:
            scorer_thresholds: Thresholds | None = getattr(scorer, "thresholds", None)
            self.thresholds: Thresholds = self.policy.effective_thresholds(scorer_thresholds)
        except ConfigError as exc:
            raise ModelError(f"the scorer's thresholds are invalid: {exc}") from exc

    def __repr__(self) -> str:
        scorer = "rules_only" if self.scorer is None else type(self.scorer).__name__
        return f"Moderator(scorer={scorer}, store={self.store!r}, model={self.model_version!r})"

    def __enter__(self) -> Moderator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    # -- checking ----------------------------------------------------------------------------------

    def now(self) -> datetime:
        """The current time from the injected clock, as an aware UTC datetime."""
        t = self._now()
        return t.replace(tzinfo=UTC) if t.tzinfo is None else t.astimezone(UTC)

    def validate(self, form: Mapping[Any, Any], /, *, lang: str | None = None) -> Submission:
        """Validate ``form`` with this moderator's options (see :func:`modkit.validate`).

        Raises:
            ValidationError: the form is invalid (every problem listed).
        """
        try:
            # Each address validated once (a batch's own cache, if one is active, else ours);
            # no cache is consulted when deliverability is checked.
            with email_cache(active_email_cache() or self._emails):
                return validate(
                    form, lang=lang or self.lang, check_deliverability=self.check_deliverability
                )
        except ValidationError as exc:
            _log.debug("modkit: invalid submission: %s", _codes(exc))
            raise

    def check(
        self, form: Mapping[Any, Any], /, *, lang: str | None = None, record: bool = True
    ) -> Decision:
        """Validate ``form``, score it, apply the rules and the policy; return the decision.

        The comment is remembered in the store (for duplicates and flood) unless ``record=False``.
        When the store cannot record it (a full disk), the decision is still returned and the
        failure logged as an error on the ``modkit`` logger.

        Raises:
            ValidationError: the form is invalid (every problem listed).
            ModelError: the scorer failed or returned unusable scores.
            StoreError: the store cannot be read (the author's history).
        """
        return self.decide(self.validate(form, lang=lang), record=record)

    def decide(self, submission: Submission, /, *, record: bool = True) -> Decision:
        """Decide on an already validated submission (see :meth:`check`).

        Raises:
            ModelError: the scorer failed or returned unusable scores.
            StoreError: the store failed.
        """
        if not isinstance(submission, Submission):
            raise TypeError(f"expected a modkit.Submission, not {type(submission).__name__}")
        from modkit._text_share import shared_analyses  # lazy: regexes compile on first use

        with shared_analyses():  # the scorer and the rules read the text once
            scores = self._score([submission.text])[0] if self.scorer is not None else None
            return self._decide(submission, scores, record=record)

    def check_many(
        self,
        forms: Iterable[Mapping[Any, Any]],
        /,
        *,
        lang: str | None = None,
        record: bool = True,
    ) -> list[Decision | ValidationError]:
        """Check many forms at once: one scorer call for the valid ones, results in input order.

        Invalid forms give their :class:`ValidationError` in place of a decision.

        Raises:
            TypeError: ``forms`` is a single form or a string, not an iterable of forms.
            ModelError: the scorer failed or returned unusable scores.
            StoreError: the store failed.
        """
        if isinstance(forms, str | bytes | Mapping):
            raise TypeError("check_many() takes an iterable of forms, not a single form")
        items: list[Submission | ValidationError] = []
        for form in forms:
            try:
                items.append(self.validate(form, lang=lang))
            except ValidationError as exc:
                items.append(exc)
        subs = [item for item in items if isinstance(item, Submission)]
        scored: list[Mapping[str, float] | None]
        from modkit._text_share import shared_analyses

        with shared_analyses():  # the scorer and the rules read each text once
            if self.scorer is not None and subs:
                scored = list(self._score([s.text for s in subs]))
            else:
                scored = [None] * len(subs)
            it = iter(scored)
            return [
                self._decide(item, next(it), record=record)
                if isinstance(item, Submission)
                else item
                for item in items
            ]

    def _score(self, texts: list[str]) -> list[Mapping[str, float]]:
        scorer = self.scorer
        assert scorer is not None
        try:
            if len(texts) == 1 and callable(getattr(scorer, "score", None)):
                raw: Sequence[Any] = [scorer.score(texts[0])]
            else:
                raw = scorer.score_many(texts)
        except ModkitError:
            raise
        except Exception as exc:
            raise ModelError(f"the scorer failed: {type(exc).__name__}") from exc
        if not isinstance(raw, Sequence) or len(raw) != len(texts):
            raise ModelError("the scorer returned a wrong number of results")
        return [_check_scores(s) for s in raw]

    def _decide(
        self, sub: Submission, scores: Mapping[str, float] | None, *, record: bool
    ) -> Decision:
        now = self.now()
        author = self._keys.email(sub.email)
        ip = self._keys.ip(sub.ip)
        fingerprint = self._keys.text(sub.text)
        since = now - timedelta(seconds=self.policy.duplicate_seconds)
        history = self.store.history(
            author=author, ip=ip, post_id=sub.post_id, fingerprint=fingerprint, since=since
        )
        action, reasons = self.policy.decide(
            sub, scores=scores, now=now, history=history, thresholds=self.thresholds
        )
        decision = Decision(
            id=secrets.token_hex(16),
            action=action,
            scores=scores or {},
            reasons=reasons,
            comment=PublicComment.from_submission(sub, date=now),
            model_version=self.model_version,
            lang=sub.lang,
        )
        if record:
            try:
                self.store.record(
                    CommentRecord(
                        decision_id=decision.id,
                        created_at=now,
                        author=author,
                        ip=ip,
                        post_id=sub.post_id,
                        fingerprint=fingerprint,
                        action=action.value,
                        lang=sub.lang,
                        text=sub.text,
                        scores=decision.scores,
                        model_version=self.model_version,
                    )
                )
            except StoreError as exc:  # a full disk must not lose the comment: decided anyway
                _log.error(
                    "modkit: decision %s (%s) made but not recorded: %s",
                    decision.id,
                    action.value,
                    exc,
                )
        if _log.isEnabledFor(logging.DEBUG):  # the codes are joined only when logged
            _log.debug(
                "modkit: decision %s: %s (%s)", decision.id, action.value, ", ".join(decision.codes)
            )
        return decision

    # -- feedback and GDPR -------------------------------------------------------------------------

    def feedback(self, decision_id: str, verdict: str, /) -> None:
        """Record a moderator's verdict on a decision: ``"spam"``, ``"ham"`` or ``"toxic"``.

        ``"ham"`` marks the author as trusted; ``"spam"`` and ``"toxic"`` withdraw that trust.

        Raises:
            ValueError: ``verdict`` is not one of the three.
            UnknownDecisionError: the store holds no comment for ``decision_id``.
            StoreError: the store failed.
        """
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {sorted(VERDICTS)}, not {verdict!r}")
        record = self.store.get(decision_id)
        if record is None:
            raise UnknownDecisionError(f"no stored comment for decision {decision_id!r}")
        now = self.now()
        self.store.add_feedback(
            FeedbackRecord(
                decision_id=record.decision_id,
                created_at=now,
                verdict=verdict,
                action=record.action,
                author=record.author,
                ip=record.ip,
                lang=record.lang,
                text=record.text,
                scores=record.scores,
                model_version=record.model_version,
            )
        )
        self.store.set_trusted(record.author, verdict == "ham", at=now)
        _log.debug("modkit: feedback on %s: %s", record.decision_id, verdict)

    def trust(self, email: str, /, *, trusted: bool = True) -> None:
        """Mark the author with this email as trusted (or no longer), as an approval would.

        Raises:
            StoreError: the store failed.
        """
        self.store.set_trusted(self._keys.email(normalize_email(email)), trusted, at=self.now())

    def forget(self, *, email: str | None = None, ip: str | None = None) -> int:
        """Erase everything keyed by this author's email and/or IP (GDPR erasure).

        Returns how many records went.

        Raises:
            ValueError: neither given, or ``ip`` is not an IP address.
            StoreError: the store failed.
        """
        if email is None and ip is None:
            raise ValueError("forget() needs email=... and/or ip=...")
        authors = [self._keys.email(normalize_email(email))] if email is not None else []
        ips: list[str] = []
        if ip is not None:
            key = self._keys.ip(ip)
            if key is None:
                raise ValueError("forget(ip=...) needs a valid IP address")
            ips.append(key)
        n = self.store.forget(authors=authors, ips=ips)
        self._emails.clear()  # no address stays in memory after an erasure
        self._keys.clear()
        _log.info("modkit: erasure request removed %d records", n)
        return n

    def purge(self, older_than_days: float) -> int:
        """Delete store records older than ``older_than_days`` (retention limit); return the count.

        Raises:
            ValueError: a negative or non-finite number of days.
            StoreError: the store failed.
        """
        days = float(older_than_days)
        if not math.isfinite(days) or days < 0:
            raise ValueError("older_than_days must be a finite number >= 0")
        n = self.store.purge(self.now() - timedelta(days=days))
        _log.info("modkit: retention purge removed %d records", n)
        return n


def _check_scores(scores: object) -> Mapping[str, float]:
    if not isinstance(scores, Mapping):
        raise ModelError("the scorer returned something other than a mapping of scores")
    out: dict[str, float] = {}
    for label, value in scores.items():
        if not isinstance(label, str) or isinstance(value, bool):
            raise ModelError("the scorer returned a score that is not label -> number")
        try:
            x = float(value)
        except (TypeError, ValueError):
            raise ModelError(f"the scorer returned a non-numeric {label!r} score") from None
        if not 0.0 <= x <= 1.0:  # also refuses NaN
            raise ModelError(f"the scorer returned a {label!r} score outside [0, 1]")
        out[label] = x
    return out


def _codes(exc: ValidationError) -> str:
    return ", ".join(f"{e.field}:{e.code}" for e in exc.errors)
