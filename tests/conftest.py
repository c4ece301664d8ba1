"""Shared fixtures (a controllable clock, a fixed secret, a Moderator factory) and the two speeds.

``pytest -m "not slow"`` is the fast loop: property tests run the ``fast`` Hypothesis profile (few
examples) and ``thorough`` scales loop counts down. Any other run (CI runs everything) uses the
``full`` profile and the full counts. ``--hypothesis-profile NAME`` overrides the choice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

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


# Examples per property test; tests leave max_examples unset so that the run picks the count.
settings.register_profile(
    "full", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fast", max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def fast_run(config: pytest.Config) -> bool:
    """Whether this run leaves out the slow tests (the fast loop)."""
    return "not slow" in (config.getoption("markexpr", "") or "")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("hypothesis_profile", None):
        settings.load_profile("fast" if fast_run(config) else "full")


@pytest.fixture(scope="session")
def thorough(pytestconfig: pytest.Config) -> Callable[[int], int]:
    """``thorough(n)``: ``n`` in a full run, a tenth of it (at least 10) in the fast loop."""
    fast = fast_run(pytestconfig)
    return lambda n: max(10, n // 10) if fast else n


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
