"""Failed authentication throttled per client address: the guard, and every protocol over HTTP."""

from __future__ import annotations

import itertools
import logging
import multiprocessing
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from starlette.testclient import TestClient

from modkit.server import _authguard, config_from_dict, create_app
from modkit.server._authguard import AuthGuard
from modkit.testing import FixedScorer

KEY = "guard-key-0123456789abcdef"
BAD_KEY = "guess-key-9876543210zyxwvu"
SECRET = "guard-test-secret-0123456789"
BURST = 4


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


# -- the guard ----------------------------------------------------------------------------------


def test_burst_then_refused_then_forgiven() -> None:
    clock = Clock()
    with AuthGuard(burst=3, rate=0.5, clock=clock) as guard:
        assert [guard.fail("198.51.100.1")[1] > 0 for _ in range(3)] == [False, False, True]
        assert guard.retry_after("198.51.100.1") == pytest.approx(2.0)  # 1 failure / 0.5 per s
        assert guard.retry_after("198.51.100.2") == 0.0  # another address is not concerned
        clock.t += 1.0
        assert guard.retry_after("198.51.100.1") == pytest.approx(1.0)
        clock.t += 1.0
        assert guard.retry_after("198.51.100.1") == 0.0
        assert guard.fail("198.51.100.1")[1] > 0  # one more failure: refused again at once
        clock.t += 3600.0
        assert guard.retry_after("198.51.100.1") == 0.0


@pytest.mark.parametrize(("burst", "rate"), [(0, 1.0), (5, 0.0)])
def test_guard_off(burst: int, rate: float) -> None:
    with AuthGuard(burst=burst, rate=rate) as guard:
        for _ in range(50):
            assert guard.fail("198.51.100.1") == (0.0, 0.0)
        assert guard.retry_after("198.51.100.1") == 0.0
        assert guard.writes == 0


def test_table_is_bounded_and_keeps_the_worst_offenders() -> None:
    clock = Clock()
    with AuthGuard(burst=3, rate=0.01, slots=16, clock=clock) as guard:
        for _ in range(3):
            guard.fail("203.0.113.9")
        for i in range(2000):  # far more addresses than slots: one failure each
            guard.fail(f"198.51.{i // 250}.{i % 250}")
        assert len(guard._map) == 32 + 16 * 24  # the map never grows
        assert guard.retry_after("203.0.113.9") > 0  # single failures were evicted first
    with pytest.raises(ValueError, match="slots"):
        AuthGuard(burst=3, rate=1.0, slots=4)


def test_addresses_are_stored_as_keyed_hashes(tmp_path: Path) -> None:
    path = tmp_path / "guard"
    with AuthGuard(burst=3, rate=1.0, path=path) as guard:
        guard.fail("203.0.113.250")
    data = path.read_bytes()
    assert b"203.0.113.250" not in data
    assert "203.0.113.250".encode("utf-16-le") not in data


def _fail_in_child(path: str, address: str, times: int) -> None:
    with AuthGuard(burst=BURST, rate=0.01, path=path) as guard:
        for _ in range(times):
            guard.fail(address)


def test_processes_share_the_counts(tmp_path: Path) -> None:
    path = str(tmp_path / "guard")
    with AuthGuard(burst=BURST, rate=0.01, path=path) as guard:
        ctx = multiprocessing.get_context("spawn")
        child = ctx.Process(target=_fail_in_child, args=(path, "192.0.2.33", BURST - 1))
        child.start()
        child.join(60)
        assert child.exitcode == 0
        assert guard.retry_after("192.0.2.33") == 0.0  # BURST - 1 failures: still heard
        assert guard.fail("192.0.2.33")[1] > 0  # this process's one failure completes the burst
        other = AuthGuard(burst=BURST, rate=0.01, path=path)  # a third worker sees it too
        assert other.retry_after("192.0.2.33") > 0
        other.close()


# -- over HTTP ----------------------------------------------------------------------------------


def _app(limiter_path: str | None = None, **throttle: Any) -> Any:
    data = {
        "server": {
            "api_keys": {"site": KEY},
            "secret": SECRET,
            "rate_limit": {"rate": 0},
            "auth_throttle": {"burst": BURST, "rate": 0.001, **throttle},
        },
        "policy": {"flood_seconds": 0},
    }
    config = config_from_dict(data, env={})
    return create_app(config, scorer=FixedScorer(), limiter_path=limiter_path)


@pytest.fixture
def app() -> Any:
    return _app()


def _client(app: Any, address: str) -> TestClient:
    return TestClient(app, client=(address, 40000), raise_server_exceptions=False)


FORM = {"name": "Ana", "email": "ana@example.org", "text": "Merci pour cet article."}
AKISMET = {"comment_content": "Merci pour cet article.", "user_ip": "192.0.2.1"}
_SERIAL = itertools.count()
PERSPECTIVE = {"comment": {"text": "Merci"}, "requestedAttributes": {"TOXICITY": {}}}


def _v1(client: TestClient, key: str | None) -> Any:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.post("/v1/check", json=FORM, headers=headers)


def _akismet(client: TestClient, key: str | None) -> Any:
    fields = {**AKISMET, "comment_content": f"Merci pour cet article ({next(_SERIAL)})."}
    return client.post("/1.1/comment-check", data={**fields, **({"api_key": key} if key else {})})


def _verify(client: TestClient, key: str | None) -> Any:
    return client.post("/1.1/verify-key", data={"key": key} if key else {})


def _perspective(client: TestClient, key: str | None) -> Any:
    suffix = f"?key={key}" if key else ""
    return client.post(f"/v1alpha1/comments:analyze{suffix}", json=PERSPECTIVE)


def _failed(response: Any) -> bool:
    """A refused key, as each protocol says it (Akismet answers 200 'invalid')."""
    return response.status_code in {400, 401, 403} or response.text == "invalid"


@pytest.mark.parametrize("send", [_v1, _akismet, _verify, _perspective])
@pytest.mark.parametrize("bad", [BAD_KEY, None], ids=["wrong key", "no key"])
def test_a_burst_of_failures_gets_429_with_retry_after(app: Any, send: Any, bad: Any) -> None:
    with _client(app, "198.51.100.7") as attacker, _client(app, "198.51.100.8") as site:
        answers = [send(attacker, bad) for _ in range(BURST)]
        assert all(_failed(r) for r in answers)
        refused = send(attacker, bad)
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) >= 1
        # Refused whatever key it sends now: a throttled client learns nothing about keys.
        assert send(attacker, KEY).status_code == 429
        assert send(site, KEY).status_code == 200  # other addresses are not concerned
        for path in ("/healthz", "/openapi.json"):  # no key, nothing to throttle
            assert attacker.get(path).status_code == 200


def test_error_bodies_name_the_throttle(app: Any) -> None:
    with _client(app, "198.51.100.9") as attacker:
        for _ in range(BURST):
            _v1(attacker, BAD_KEY)
        assert _v1(attacker, BAD_KEY).json()["error"]["code"] == "too_many_failures"
        google = _perspective(attacker, BAD_KEY).json()["error"]
        assert google["status"] == "RESOURCE_EXHAUSTED"
        akismet = _akismet(attacker, BAD_KEY)
        assert akismet.headers["x-modkit-error"] == "too_many_failures"


def test_failures_are_logged_without_the_key(app: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with _client(app, "198.51.100.10") as attacker:
        for _ in range(BURST + 2):
            _v1(attacker, BAD_KEY)
            _akismet(attacker, BAD_KEY)
        _v1(attacker, KEY)
    failures = [r for r in caplog.records if "failed authentication" in r.getMessage()]
    assert len(failures) == BURST  # each failure until the block; nothing per refused request
    assert all(r.levelno == logging.WARNING for r in failures)
    assert "refused for" in failures[-1].getMessage()
    for record in caplog.records:
        text = record.getMessage()
        for secret in (BAD_KEY, KEY, "198.51.100.10"):
            assert secret not in text


def test_successful_requests_take_no_lock_and_write_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(str(tmp_path / "ratelimit"))  # a shared file, as under modkit serve
    locks: list[int] = []
    real_flock = _authguard.fcntl.flock

    def counting_flock(fd: int, op: int) -> None:
        locks.append(op)
        real_flock(fd, op)

    monkeypatch.setattr(_authguard.fcntl, "flock", counting_flock)
    with _client(app, "198.51.100.11") as site:
        locks.clear()  # opening the shared file at start-up locks it: count requests only
        for _ in range(3 * BURST):
            assert _v1(site, KEY).status_code == 200
            assert _akismet(site, KEY).text == "false"
            assert _perspective(site, KEY).status_code == 200
        guard = app.state.modkit.guard
        assert guard.writes == 0
        assert locks == []
        _v1(site, BAD_KEY)
        assert guard.writes == 1
        assert len(locks) == 2  # one failure: lock, unlock


def test_ipv6_counts_by_its_64(app: Any) -> None:
    with _client(app, "2001:db8:1:2::1") as first, _client(app, "2001:db8:1:2::ff") as same:
        for _ in range(BURST):
            assert _v1(first, BAD_KEY).status_code == 401
        assert _v1(same, KEY).status_code == 429  # another address of the same /64
    with _client(app, "2001:db8:1:3::1") as other:
        assert _v1(other, KEY).status_code == 200


def test_throttle_settings_are_checked() -> None:
    from modkit import ConfigError

    with pytest.raises(ConfigError, match=r"auth_throttle\.burst"):
        _app(burst=-1)
    with pytest.raises(ConfigError, match="unknown key"):
        config_from_dict({"server": {"auth_throttle": {"window": 3}}}, env={})
    off = _app(rate=0)
    with _client(off, "198.51.100.12") as client:
        assert all(_v1(client, BAD_KEY).status_code == 401 for _ in range(3 * BURST))


def test_two_apps_sharing_the_file_share_the_throttle(tmp_path: Path) -> None:
    """Two apps built as two workers are (the limiter file names the guard's file)."""
    guard_file = str(tmp_path / "ratelimit")
    data = {
        "server": {
            "api_keys": {"site": KEY},
            "secret": SECRET,
            "auth_throttle": {"burst": BURST, "rate": 0.001},
        }
    }
    config = config_from_dict(data, env={})
    first = create_app(config, scorer=FixedScorer(), limiter_path=guard_file)
    second = create_app(config, scorer=FixedScorer(), limiter_path=guard_file)
    with _client(first, "198.51.100.13") as a, _client(second, "198.51.100.13") as b:
        for _ in range(BURST):
            assert _v1(a, BAD_KEY).status_code == 401
        assert _v1(b, BAD_KEY).status_code == 429
        assert Path(f"{guard_file}-auth").is_file()
