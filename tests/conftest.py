"""Shared fixtures (a controllable clock, a fixed secret, a Moderator factory) and the two speeds.

``pytest -m "not slow"`` is the fast loop: property tests run the ``fast`` Hypothesis profile (few
examples) and ``thorough`` scales loop counts down. Any other run (CI runs everything) uses the
``full`` profile and the full counts. ``--hypothesis-profile NAME`` overrides the choice.

A property test that needs more examples than the profile gives in a full run asks for them with
``@settings(max_examples=examples(400))``: 400 in a full run, a tenth (at least the ``fast``
profile's count) under the ``fast`` profile. A bare ``max_examples=400`` would ignore the profile.
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


_run = {"profile": "full"}  # the Hypothesis profile of this run, set by pytest_configure


def fast_run(config: pytest.Config) -> bool:
    """Whether this run leaves out the slow tests (the fast loop)."""
    return "not slow" in (config.getoption("markexpr", "") or "")


def pytest_configure(config: pytest.Config) -> None:
    chosen = config.getoption("hypothesis_profile", None)
    _run["profile"] = chosen or ("fast" if fast_run(config) else "full")
    if not chosen:
        settings.load_profile(_run["profile"])


def examples(n: int) -> int:
    """``max_examples`` for a test that wants ``n``: ``n``, or a tenth of it under ``fast``.

    Test modules are imported after ``pytest_configure``, so the profile is known by then.
    """
    if _run["profile"] != "fast":
        return n
    return max(n // 10, settings.get_profile("fast").max_examples)


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
