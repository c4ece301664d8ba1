"""Shared fixtures: a controllable clock, a fixed secret, and a Moderator factory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from modkit import Moderator, Policy
from modkit.testing import FixedScorer

SECRET = "test-site-secret-0123456789abcdef"
T0 = datetime(2024, 6, 1, 12, 0, 0, tzinfo=UTC)


class Clock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime = T0) -> None:
        self.t = start

    def __call__(self) -> datetime:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)


@pytest.fixture(autouse=True)
def _no_env_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MODKIT_SECRET", raising=False)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_moderator(clock: Clock) -> Iterator[Callable[..., Moderator]]:
    """Build Moderators with a fixed secret, the test clock and a clean FixedScorer by default."""
    made: list[Moderator] = []

    def make(**kwargs: Any) -> Moderator:
        kwargs.setdefault("secret", SECRET)
        kwargs.setdefault("now", clock)
        kwargs.setdefault("policy", Policy())
        if not kwargs.get("rules_only"):
            kwargs.setdefault("scorer", FixedScorer())
        mod = Moderator(**kwargs)
        made.append(mod)
        return mod

    yield make
    for mod in made:
        mod.close()
