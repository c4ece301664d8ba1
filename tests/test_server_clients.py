"""Real clients against the server: the `akismet` package's SyncClient, and schemathesis.

The Akismet client has Akismet's URL built in; an ``httpx.Client`` whose transport sends every
request to the local server (``modkit.server.testing.redirect_client``) points it at modkit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from hypothesis import HealthCheck, settings

from modkit import Moderator, Policy
from modkit.server import config_from_dict, create_app
from modkit.server._perspective import ATTRIBUTES
from modkit.server.testing import redirect_client, running_server
from modkit.testing import FixedScorer

akismet = pytest.importorskip("akismet")
schemathesis = pytest.importorskip("schemathesis")

KEY = "client-key-0123456789abcdef"
SECRET = "client-test-secret-0123456789"
BLOG = "https://news.example.org"
HEADS = dict.fromkeys(ATTRIBUTES.values(), 0.03)


@pytest.fixture(scope="module")
def live() -> Iterator[tuple[str, Moderator]]:
    scorer = FixedScorer(
        HEADS,
        by_text={
            "viagra": {**HEADS, "spam": 0.99},
            "crypto": {**HEADS, "spam": 0.75},
            "idiot": {**HEADS, "toxicity": 0.97},
        },
    )
    moderator = Moderator(scorer=scorer, secret=SECRET, policy=Policy(flood_seconds=0))
    data = {
        "server": {
            "api_keys": [KEY],
            "secret": SECRET,
            "max_body_bytes": 300_000,
            "rate_limit": {"rate": 0},
            "auth_throttle": {"rate": 0},  # the fuzzer sends bad keys by the hundred
        }
    }
    app = create_app(config_from_dict(data, env={}), moderator=moderator)
    with running_server(app) as url:
        yield url, moderator


def _client(url: str, key: str = KEY) -> Any:
    http = redirect_client(url, headers={"User-Agent": akismet.USER_AGENT})
    return akismet.SyncClient(akismet.Config(key=key, url=BLOG), http_client=http)


def test_akismet_sync_client_round_trip(live: tuple[str, Moderator]) -> None:
    url, moderator = live
    with _client(url) as client:  # the context manager verifies the key
        assert client.verify_key() is True
        ham = client.comment_check(
            "192.0.2.44",
            comment_content="Merci pour cet article très clair.",
            comment_author="Camille",
            comment_author_email="camille@example.org",
            comment_type="comment",
            permalink=f"{BLOG}/2024/06/article",
            blog_lang="fr",
        )
        assert ham == akismet.CheckResponse.HAM
        held = client.comment_check(
            "192.0.2.45", comment_content="Crypto gains, click here", comment_type="comment"
        )
        assert held == akismet.CheckResponse.SPAM
        discard = client.comment_check(
            "192.0.2.46", comment_content="Cheap viagra", comment_author="Bot"
        )
        assert discard == akismet.CheckResponse.DISCARD

        before = len(moderator.store.feedback())
        assert client.submit_spam(
            "192.0.2.44",
            comment_content="Merci pour cet article très clair.",
            comment_author="Camille",
            comment_author_email="camille@example.org",
        )
        assert client.submit_ham("192.0.2.46", comment_content="Cheap viagra", comment_author="Bot")
        verdicts = [(r.verdict, r.text) for r in moderator.store.feedback()[before:]]
        assert verdicts == [
            ("spam", "Merci pour cet article très clair."),
            ("ham", "Cheap viagra"),
        ]


def test_akismet_client_test_values(live: tuple[str, Moderator]) -> None:
    url, moderator = live
    before = len(moderator.store)
    with _client(url) as client:
        ham = {"comment_content": "Merci pour cet article très clair.", "comment_type": "comment"}
        assert client.comment_check(
            "192.0.2.50", comment_author="akismet-guaranteed-spam", **ham
        ) == (akismet.CheckResponse.SPAM)
        assert client.comment_check(
            "192.0.2.51", comment_author_email="akismet-guaranteed-spam@example.com", **ham
        ) == (akismet.CheckResponse.SPAM)
        assert client.comment_check(
            "192.0.2.52", comment_content="Cheap viagra", user_role="administrator"
        ) == (akismet.CheckResponse.HAM)
        assert client.comment_check("192.0.2.53", is_test=True, **ham) == (
            akismet.CheckResponse.HAM
        )
        assert client.submit_spam("192.0.2.53", is_test=True, **ham)
    assert len(moderator.store) == before


def test_akismet_client_with_a_bad_key(live: tuple[str, Moderator]) -> None:
    url, _ = live
    config = akismet.Config(key="not-a-valid-key-000", url=BLOG)
    with redirect_client(url) as http:
        client = akismet.SyncClient(config, http_client=http)
        assert client.verify_key() is False
        with pytest.raises(akismet.APIKeyError):
            client.comment_check("192.0.2.1", comment_content="hello")
        with pytest.raises(akismet.APIKeyError):
            akismet.SyncClient.validated_client(config, http_client=http)


# -- schemathesis: no 5xx, responses conform to the served OpenAPI ------------------------------


@pytest.fixture(scope="module")
def api_schema(live: tuple[str, Moderator]) -> Any:
    url, _ = live
    return schemathesis.openapi.from_url(f"{url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.mark.slow  # a fuzzing campaign against a live server
@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_openapi_fuzz(case: Any) -> None:
    if case.path == "/v1alpha1/comments:analyze":
        case.query = {**(case.query or {}), "key": KEY}
    akismet_paths = ("/1.1/verify-key", "/1.1/comment-check", "/1.1/submit-spam", "/1.1/submit-ham")
    if case.path in akismet_paths and isinstance(case.body, dict):
        case.body = {**case.body, "api_key": KEY}
    # Positive-data acceptance is left out: a schema-valid form can still fail modkit's semantic
    # checks (email syntax, IP, http(s) URL), which answer the documented 400.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {KEY}"},
        excluded_checks=[schemathesis.checks.positive_data_acceptance],
    )
