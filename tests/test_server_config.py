"""Server configuration (TOML + environment), keys, shared rate limiting, `modkit serve` errors."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest

from modkit import ConfigError
from modkit._serve_cli import add_parser, main
from modkit.server import ServerConfig, config_from_dict, load_config
from modkit.server._keys import KeyRing
from modkit.server._ratelimit import RateLimiter

KEY = "config-key-0123456789"
SECRET = "config-secret-0123456789"


# -- configuration ------------------------------------------------------------------------------


def test_defaults() -> None:
    config = config_from_dict({}, env={})
    assert config.api_keys == {}
    assert config.store == "memory"
    assert config.workers == 1
    assert config.max_body_bytes == 1024 * 1024
    assert config.akismet_hold_as == "spam"


def test_full_file(tmp_path: Path) -> None:
    (tmp_path / "modkit.toml").write_text(
        f"""
[server]
host = "0.0.0.0"
port = 9000
workers = 3
api_keys = {{ site_a = "{KEY}" }}
secret = "{SECRET}"
max_body_bytes = 65536
log_level = "warning"

[server.rate_limit]
rate = 5
burst = 20

[store]
path = "data/modkit.db"

[model]
scorer = "modkit.testing:FixedScorer"
options = {{ version = "x1" }}

[akismet]
hold_as = "ham"

[policy]
max_links = 1
blocked_words = ["casino"]
""",
        encoding="utf-8",
    )
    config = load_config(tmp_path / "modkit.toml", env={})
    assert dict(config.api_keys) == {"site_a": KEY}
    assert config.secret == SECRET
    assert (config.host, config.port, config.workers) == ("0.0.0.0", 9000, 3)
    assert (config.rate, config.burst, config.max_body_bytes) == (5.0, 20, 65536)
    assert config.store == str(tmp_path / "data" / "modkit.db")
    assert config.scorer == "modkit.testing:FixedScorer"
    assert dict(config.scorer_options) == {"version": "x1"}
    assert config.akismet_hold_as == "ham"
    assert config.policy == {"max_links": 1, "blocked_words": ["casino"]}


@pytest.mark.parametrize(
    ("env", "file_keys", "expected"),
    [
        ({"MODKIT_API_KEYS": KEY}, None, {"env1": KEY}),
        (
            {"MODKIT_API_KEYS": f" {KEY} , ,other-key-0123456789,"},
            None,
            {"env1": KEY, "env2": "other-key-0123456789"},
        ),
        ({"MODKIT_API_KEYS": KEY}, [KEY], {"key1": KEY}),
        (
            {"MODKIT_API_KEYS": "other-key-0123456789"},
            [KEY],
            {"key1": KEY, "env1": "other-key-0123456789"},
        ),
        ({}, {"blog": KEY}, {"blog": KEY}),
        ({"MODKIT_API_KEYS": ""}, None, {}),
    ],
)
def test_keys_from_file_and_environment(
    env: dict[str, str], file_keys: Any, expected: dict[str, str]
) -> None:
    data = {"server": {"api_keys": file_keys}} if file_keys is not None else {}
    assert dict(config_from_dict(data, env=env).api_keys) == expected


def test_secret_from_environment_wins() -> None:
    data = {"server": {"secret": SECRET}}
    assert config_from_dict(data, env={}).secret == SECRET
    env_secret = "environment-secret-0123"
    assert config_from_dict(data, env={"MODKIT_SECRET": env_secret}).secret == env_secret


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"serveur": {}}, "unknown top-level key: serveur"),
        ({"server": {"prot": 1}}, "unknown key in [server]: prot"),
        ({"server": {"rate_limit": {"rps": 1}}}, "unknown key in [server.rate_limit]: rps"),
        ({"model": {"file": "x"}}, "unknown key in [model]: file"),
        ({"server": []}, "[server] must be a table"),
        ({"server": {"port": "80"}}, "server.port"),
        ({"server": {"port": 70000}}, "server.port"),
        ({"server": {"workers": 0}}, "server.workers"),
        ({"server": {"workers": True}}, "server.workers"),
        ({"server": {"max_body_bytes": 10}}, "server.max_body_bytes"),
        ({"server": {"rate_limit": {"rate": -1}}}, "rate"),
        ({"server": {"rate_limit": {"burst": 0}}}, "burst"),
        ({"server": {"api_keys": ["short"]}}, "key 1 of server.api_keys must be 12 to 128"),
        ({"server": {"api_keys": {"blog": "short"}}}, "server.api_keys.blog must be 12 to 128"),
        ({"server": {"auth_throttle": {"rate": -1}}}, "server.auth_throttle.rate"),
        ({"server": {"auth_throttle": {"burst": 0.5}}}, "server.auth_throttle.burst"),
        ({"store": {"max_wait": "5"}}, "store.max_wait"),
        ({"store": {"max_wait": 1e9}}, "store.max_wait"),
        ({"server": {"api_keys": ["has.a.dot.0123456789"]}}, "12 to 128"),
        ({"server": {"api_keys": [KEY, KEY]}}, "twice"),
        ({"server": {"api_keys": {"bad label!": KEY}}}, "label"),
        ({"server": {"api_keys": KEY}}, "list of keys"),
        ({"server": {"api_keys": [1]}}, "strings"),
        ({"server": {"secret": "short"}}, "secret must be at least 16"),
        ({"server": {"log_level": "loud"}}, "log_level"),
        ({"akismet": {"hold_as": "discard"}}, "hold_as"),
        ({"model": {"scorer": "no_colon"}}, "module:callable"),
        ({"model": {"rules_only": True, "path": "m"}}, "excludes"),
        ({"model": {"options": 3}}, "[model.options]"),
        ({"policy": 3}, "[policy] must be a table"),
        ({"policy": {}, "server": {"policy_file": "p.toml"}}, "not both"),
    ],
)
def test_invalid_settings_are_named(data: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict(data, env={})
    assert fragment in str(info.value)


def test_errors_and_repr_never_show_keys_or_secret() -> None:
    bad_key = "bad key with spaces!"
    with pytest.raises(ConfigError) as info:
        config_from_dict({"server": {"api_keys": [bad_key]}}, env={})
    assert bad_key not in str(info.value)
    config = config_from_dict({"server": {"api_keys": {"blog": KEY}, "secret": SECRET}}, env={})
    assert KEY not in repr(config)
    assert SECRET not in repr(config)
    assert "blog" in repr(config)


def test_for_workers_needs_keys_and_a_shared_store() -> None:
    with pytest.raises(ConfigError, match="no api key"):
        config_from_dict({}, env={}).for_workers()
    several = config_from_dict({"server": {"api_keys": [KEY], "workers": 2}}, env={})
    with pytest.raises(ConfigError, match="SQLite"):
        several.for_workers()
    assert several.with_overrides(store="x.db").for_workers().store == "x.db"
    with pytest.raises(ConfigError):
        several.with_overrides(workers=-1)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [("[server\nport = 1", "not valid TOML"), ("[server]\nport = 'x'", "server.port")],
)
def test_bad_files(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "modkit.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=fragment):
        load_config(path, env={})
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml", env={})


def test_example_config_is_valid() -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "modkit.toml"
    if not example.exists():
        pytest.skip("examples/modkit.toml not in this checkout")
    config = load_config(example, env={"MODKIT_API_KEYS": KEY, "MODKIT_SECRET": SECRET})
    assert isinstance(config, ServerConfig)
    assert config.api_keys


# -- keys ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("candidate", "label"),
    [
        (KEY, "a"),
        ("second-key-0123456789", "b"),
        (KEY.upper(), None),
        (KEY[:-1], None),
        (KEY + " ", None),
        ("", None),
        (None, None),
        ("x" * 10_000, None),
        ("clé-🔑-\udcff", None),
    ],
)
def test_keyring_match(candidate: str | None, label: str | None) -> None:
    ring = KeyRing({"a": KEY, "b": "second-key-0123456789"})
    assert ring.match(candidate) == label
    assert KEY not in repr(ring)


# -- rate limiting ------------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_token_bucket_refills() -> None:
    clock = FakeClock()
    with RateLimiter(2, rate=2.0, burst=3, clock=clock) as limiter:
        assert [limiter.hit(0) for _ in range(3)] == [0.0, 0.0, 0.0]
        assert limiter.hit(0) == pytest.approx(0.5)
        assert limiter.hit(1) == 0.0  # another slot has its own bucket
        clock.t += 0.5
        assert limiter.hit(0) == 0.0
        assert limiter.hit(0) > 0.0
        clock.t += 100
        assert [limiter.hit(0) for _ in range(4)][:3] == [0.0, 0.0, 0.0]  # capped at burst


def test_rate_zero_disables() -> None:
    with RateLimiter(1, rate=0.0, burst=1) as limiter:
        assert all(limiter.hit(0) == 0.0 for _ in range(1000))


def test_buckets_are_shared_through_the_file(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "ratelimit"
    with (
        RateLimiter(1, rate=1.0, burst=4, path=path, clock=clock) as one,
        RateLimiter(1, rate=1.0, burst=4, path=path, clock=clock) as two,
    ):
        results = [one.hit(0), two.hit(0), one.hit(0), two.hit(0), one.hit(0), two.hit(0)]
        assert [r == 0.0 for r in results] == [True, True, True, True, False, False]


def _hammer(path: str, n: int, out: Any) -> None:
    with RateLimiter(1, rate=0.001, burst=50, path=path) as limiter:
        out.put(sum(1 for _ in range(n) if limiter.hit(0) == 0.0))


def test_buckets_are_shared_across_processes(tmp_path: Path) -> None:
    path = str(tmp_path / "ratelimit")
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_hammer, args=(path, 100, queue)) for _ in range(2)]
    for proc in procs:
        proc.start()
    allowed = [queue.get(timeout=60) for _ in procs]
    for proc in procs:
        proc.join(60)
    assert sum(allowed) == 50  # one bucket of 50 for both processes, not 50 each


# -- `modkit serve` errors (the server itself is started in test_server_serve.py) -------------


def _run(argv: list[str], monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> int:
    monkeypatch.delenv("MODKIT_API_KEYS", raising=False)
    monkeypatch.delenv("MODKIT_SECRET", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return main(argv)


@pytest.mark.parametrize(
    ("argv", "env", "code", "fragment"),
    [
        (["--rules-only"], {}, 5, "no api key"),
        (["--rules-only", "--workers", "2"], {"MODKIT_API_KEYS": KEY}, 5, "SQLite"),
        (["--rules-only", "--workers", "0"], {"MODKIT_API_KEYS": KEY}, 5, "workers"),
        (["--config", "/nonexistent/modkit.toml"], {"MODKIT_API_KEYS": KEY}, 5, "cannot read"),
        (["--scorer", "no.such.module:make"], {"MODKIT_API_KEYS": KEY}, 4, "scorer"),
        (["--model", "/nonexistent/model"], {"MODKIT_API_KEYS": KEY}, 4, "rules-only"),
        (["--rules-only", "--store", "{tmp}/m.db"], {"MODKIT_API_KEYS": KEY}, 5, "secret"),
        (["--rules-only"], {"MODKIT_API_KEYS": "change-me"}, 5, "key 1 of MODKIT_API_KEYS"),
        (["--rules-only"], {"MODKIT_API_KEYS": f"{KEY},short"}, 5, "key 2 of MODKIT_API_KEYS"),
        (["--bogus"], {}, 2, ""),
        (["--rules-only", "--scorer", "a:b"], {}, 2, ""),
    ],
)
def test_serve_refuses_to_start(
    argv: list[str],
    env: dict[str, str],
    code: int,
    fragment: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert _run(argv, monkeypatch, env) == code
    err = capsys.readouterr().err
    assert fragment in err
    assert KEY not in err


def test_add_parser_registers_serve() -> None:
    parser = argparse.ArgumentParser(prog="modkit")
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["serve", "--port", "9999", "--workers", "2", "--rules-only"])
    assert (args.command, args.port, args.workers, args.rules_only) == ("serve", 9999, 2, True)
    assert callable(args._run)
    assert os.environ.get("MODKIT_CONFIG") is None


def test_example_config_commented_settings_work() -> None:
    """Uncommenting the example's model path and policy lines gives a valid configuration."""
    example = Path(__file__).resolve().parent.parent / "examples" / "modkit.toml"
    if not example.exists():
        pytest.skip("examples/modkit.toml not in this checkout")
    text = example.read_text(encoding="utf-8")
    assert '# path = "' in text
    uncommented = text.replace('# path = "', 'path = "')
    data = tomllib.loads(uncommented)
    config = config_from_dict(data, base=example.parent, env={"MODKIT_API_KEYS": KEY})
    assert config.model_path is not None
    model = Path(config.model_path)
    assert model.resolve() == (example.parent.parent / "models" / "default").resolve()
    if (example.parent.parent / "models" / "default" / "manifest.json").is_file():
        assert (model / "manifest.json").is_file()
    assert (config.auth_burst, config.auth_rate, config.store_max_wait) == (10, 0.1, 5.0)
