"""modkit's JSON API over real HTTP: /v1/check, /v1/feedback, /v1/model, /healthz, limits."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from conftest import examples
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from modkit import Moderator, Policy, SQLiteStore
from modkit.server import config_from_dict, create_app
from modkit.server.testing import running_server
from modkit.testing import FailingScorer, FixedScorer, sample_form

KEY = "test-key-0123456789abcdef"
OTHER_KEY = "other-key-0123456789abcdef"
SECRET = "server-test-secret-0123456789"
AUTH = {"Authorization": f"Bearer {KEY}"}

SCORER_TABLE = {
    "viagra": {"spam": 0.99, "toxicity": 0.01},
    "crypto": {"spam": 0.75, "toxicity": 0.01},
    "imbécile": {"spam": 0.01, "toxicity": 0.97},
}


def scorer() -> FixedScorer:
    return FixedScorer(by_text=SCORER_TABLE)


def settings(**server: Any) -> dict[str, Any]:
    """A config dict: our keys and secret, no rate limit or auth throttle, flood off (hundreds
    of requests, many with bad keys)."""
    policy = server.pop("policy", {"flood_seconds": 0})
    base: dict[str, Any] = {
        "api_keys": {"main": KEY, "other": OTHER_KEY},
        "secret": SECRET,
        "rate_limit": {"rate": 0},
        "auth_throttle": {"rate": 0},
    }
    base.update(server)
    return {"server": base, "policy": policy}


@contextmanager
def serve(data: dict[str, Any] | None = None, **kwargs: Any) -> Iterator[tuple[httpx.Client, Any]]:
    if "moderator" not in kwargs:
        kwargs.setdefault("scorer", scorer())
    app = create_app(config_from_dict(data or settings(), env={}), **kwargs)
    with running_server(app) as url, httpx.Client(base_url=url, timeout=10) as client:
        yield client, app


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[httpx.Client, Any]]:
    with serve() as pair:
        yield pair


@pytest.fixture
def client(server: tuple[httpx.Client, Any]) -> httpx.Client:
    return server[0]


def unique_form(**overrides: Any) -> dict[str, Any]:
    """A valid form from a fresh author (no duplicate across tests)."""
    n = random.randrange(10**12)
    form = sample_form(email=f"reader{n}@example.org", ip=f"198.51.100.{n % 250 + 1}")
    form["text"] = f"{form['text']} ({n})"
    form.update(overrides)
    return form


# -- /v1/check ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "action", "code"),
    [
        ("Merci pour cet article, très instructif.", "accept", "passed"),
        ("Achetez du viagra pas cher", "reject", "spam"),
        ("Investissez dans la crypto maintenant", "hold", "spam"),
        ("Espèce d'imbécile, tu n'as rien compris", "reject", "toxicity"),
        ("Emoji party 🎉🔥👍🏽 and a family 👨‍👩‍👧", "accept", "passed"),
        ("Mixed scripts: Привет, 你好, مرحبا, bonjour", "accept", "passed"),
    ],
)
def test_check_decides(client: httpx.Client, text: str, action: str, code: str) -> None:
    response = client.post("/v1/check", json=unique_form(text=text), headers=AUTH)
    assert response.status_code == 200
    body = response.json()
    assert body["action"] == action
    assert code in [r["code"] for r in body["reasons"]]
    assert body["comment"]["text"] == text
    assert set(body) == {"id", "action", "scores", "reasons", "comment", "model_version", "lang"}
    assert body["model_version"] == "fixed-1"
    assert response.headers["cache-control"] == "no-store"


def test_check_keeps_text_of_64_kib_limit(client: httpx.Client) -> None:
    ok = client.post("/v1/check", json=unique_form(text="a" * 65525), headers=AUTH)
    assert ok.status_code == 200
    assert len(ok.json()["comment"]["text"]) == 65525
    too_long = client.post("/v1/check", json=unique_form(text="é" * 65536), headers=AUTH)
    assert too_long.status_code == 400
    assert too_long.json()["error"]["errors"][0]["code"] == "too_long"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"email": None}, {"email": "required"}),
        ({"email": "pas-une-adresse"}, {"email": "invalid"}),
        ({"text": ""}, {"text": "required"}),
        ({"text": " \n\t "}, {"text": "required"}),
        (
            {"name": None, "email": None, "text": None},
            {"name": "required", "email": "required", "text": "required"},
        ),
        ({"url": "javascript:alert(1)"}, {"url": "invalid"}),
        ({"name": "n" * 246}, {"name": "too_long"}),
        ({"email": 42, "text": ["a", "b"]}, {"email": "invalid", "text": "invalid"}),
    ],
)
def test_check_lists_every_field_error(
    client: httpx.Client, changes: dict[str, Any], expected: dict[str, str]
) -> None:
    form = unique_form()
    for key, value in changes.items():
        if value is None:
            form.pop(key)
        else:
            form[key] = value
    response = client.post("/v1/check", json=form, headers=AUTH)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_submission"
    assert {e["field"]: e["code"] for e in error["errors"]} == expected
    assert all(e["message"] for e in error["errors"])


@pytest.mark.parametrize(
    ("form_lang", "accept_language", "expected_lang", "word"),
    [
        ("fr", None, "fr", "Veuillez"),
        ("en", None, "en", "Please"),
        (None, "en-GB,en;q=0.9", "en", "Please"),
        (None, "fr-CA", "fr", "Veuillez"),
        ("en", "fr", "en", "Please"),
    ],
)
def test_validation_messages_follow_language(
    client: httpx.Client,
    form_lang: str | None,
    accept_language: str | None,
    expected_lang: str,
    word: str,
) -> None:
    form = unique_form(email="nope")
    form.pop("lang")
    if form_lang:
        form["lang"] = form_lang
    headers = dict(AUTH)
    if accept_language:
        headers["Accept-Language"] = accept_language
    error = client.post("/v1/check", json=form, headers=headers).json()["error"]
    assert error["lang"] == expected_lang
    assert error["errors"][0]["message"].startswith(word)


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "missing_api_key"),
        ({"Authorization": ""}, "missing_api_key"),
        ({"Authorization": f"Basic {KEY}"}, "missing_api_key"),
        ({"Authorization": "Bearer"}, "missing_api_key"),
        ({"Authorization": "Bearer wrong-key-0123456789"}, "invalid_api_key"),
        ({"Authorization": f"Bearer {KEY[:-1]}"}, "invalid_api_key"),
        ({"Authorization": f"Bearer {KEY}x"}, "invalid_api_key"),
        ({"Authorization": "Bearer " + "k" * 5000}, "invalid_api_key"),
        ({"Authorization": "Bearer clé-🔑-0123456789".encode()}, "invalid_api_key"),
    ],
)
def test_v1_needs_a_valid_bearer_key(
    client: httpx.Client, headers: dict[str, Any], code: str
) -> None:
    for method, path in (("POST", "/v1/check"), ("POST", "/v1/feedback"), ("GET", "/v1/model")):
        kwargs: dict[str, Any] = {"headers": headers}
        if method == "POST":
            kwargs["json"] = unique_form()
        response = client.request(method, path, **kwargs)
        assert response.status_code == 401, path
        assert response.json()["error"]["code"] == code
        assert response.headers["www-authenticate"].startswith("Bearer")


def test_every_configured_key_works(client: httpx.Client) -> None:
    for key in (KEY, OTHER_KEY):
        response = client.get("/v1/model", headers={"Authorization": f"bearer {key}"})
        assert response.status_code == 200


@pytest.mark.parametrize(
    ("content_type", "body", "status", "code"),
    [
        ("text/plain", b"{}", 415, "unsupported_media_type"),
        ("application/x-www-form-urlencoded", b"name=a", 415, "unsupported_media_type"),
        (None, b"{}", 415, "unsupported_media_type"),
        ("application/json", b"{not json", 400, "invalid_json"),
        ("application/json", b"[1, 2]", 400, "invalid_json"),
        ("application/json", b'"text"', 400, "invalid_json"),
        ("application/json", b"", 400, "invalid_json"),
        ("application/json", b"\xff\xfe{}", 400, "invalid_json"),
        ("application/json", b"[" * 50_000 + b"]" * 50_000, 400, "invalid_json"),
        ("application/json", b'{"text": 1' + b"0" * 5000 + b"}", 400, "invalid_json"),
        (
            "application/json",
            b'{"name": NaN, "email": Infinity, "text": -1e999}',
            400,
            "invalid_submission",
        ),
        ("application/json; charset=utf-8", b"{}", 400, "invalid_submission"),
        ("APPLICATION/JSON", b"{}", 400, "invalid_submission"),
    ],
)
def test_check_body_errors(
    client: httpx.Client, content_type: str | None, body: bytes, status: int, code: str
) -> None:
    headers = dict(AUTH)
    if content_type:
        headers["Content-Type"] = content_type
    response = client.post("/v1/check", content=body, headers=headers)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_body_size_limit_is_413_declared_or_streamed() -> None:
    with serve(settings(max_body_bytes=4096)) as (client, _):
        small = client.post("/v1/check", json=unique_form(text="x" * 1000), headers=AUTH)
        assert small.status_code == 200
        big = client.post("/v1/check", json=unique_form(text="x" * 5000), headers=AUTH)
        assert big.status_code == 413
        assert big.json()["error"]["code"] == "payload_too_large"

        def chunks() -> Iterator[bytes]:  # no Content-Length: chunked transfer
            yield b'{"text": "'
            for _ in range(100):
                yield b"y" * 100
            yield b'"}'

        streamed = client.post(
            "/v1/check", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
        )
        assert streamed.status_code == 413
        # The Akismet and Perspective endpoints share the limit.
        akismet = client.post("/1.1/comment-check", data={"api_key": KEY, "x": "y" * 5000})
        assert akismet.status_code == 413
        perspective = client.post(
            f"/v1alpha1/comments:analyze?key={KEY}", json={"comment": {"text": "z" * 5000}}
        )
        assert perspective.status_code == 413


def test_rate_limit_per_key_with_retry_after() -> None:
    data = settings(rate_limit={"rate": 0.01, "burst": 3})
    with serve(data) as (client, _):
        statuses = [
            client.post("/v1/check", json=unique_form(), headers=AUTH).status_code for _ in range(5)
        ]
        assert statuses == [200, 200, 200, 429, 429]
        limited = client.get("/v1/model", headers=AUTH)
        assert limited.status_code == 429
        assert limited.json()["error"]["code"] == "rate_limited"
        assert int(limited.headers["retry-after"]) >= 1
        # Another key has its own bucket; bad keys are refused before touching any bucket.
        other = {"Authorization": f"Bearer {OTHER_KEY}"}
        assert client.get("/v1/model", headers=other).status_code == 200
        assert client.get("/healthz").status_code == 200
        # Akismet and Perspective count against the same key.
        check = client.post("/1.1/comment-check", data={"api_key": KEY, "comment_content": "a"})
        assert check.status_code == 429
        analyze = client.post(
            f"/v1alpha1/comments:analyze?key={KEY}",
            json={"comment": {"text": "a"}, "requestedAttributes": {"TOXICITY": {}}},
        )
        assert analyze.status_code == 429
        assert analyze.json()["error"]["status"] == "RESOURCE_EXHAUSTED"


def test_policy_from_config_applies() -> None:
    data = settings(policy={"flood_seconds": 60, "blocked_words": ["casino"]})
    with serve(data) as (client, _):
        first = client.post("/v1/check", json=unique_form(), headers=AUTH).json()
        assert first["action"] == "accept"
        form = unique_form(text="Un autre avis sur le casino en ligne")
        blocked = client.post("/v1/check", json=form, headers=AUTH).json()
        assert blocked["action"] == "reject"
        again = client.post("/v1/check", json={**form, "text": "Et encore un mot."}, headers=AUTH)
        assert "flood" in [r["code"] for r in again.json()["reasons"]]


def test_model_failure_is_503_not_accept() -> None:
    with serve(scorer=FailingScorer()) as (client, _):
        response = client.post("/v1/check", json=unique_form(), headers=AUTH)
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "model_error"


# -- /v1/feedback -------------------------------------------------------------------------------


def test_feedback_goes_to_the_store_and_ham_trusts_the_author(tmp_path: Any) -> None:
    store = SQLiteStore(tmp_path / "modkit.db")
    policy = Policy(flood_seconds=0, require_approved_author=True)
    moderator = Moderator(scorer=scorer(), store=store, secret=SECRET, policy=policy)
    with serve(settings(), moderator=moderator) as (client, _):
        form = unique_form()
        first = client.post("/v1/check", json=form, headers=AUTH).json()
        assert first["action"] == "hold"
        spam = client.post("/v1/check", json=unique_form(text="viagra"), headers=AUTH).json()

        ok = client.post(
            "/v1/feedback", json={"decision_id": first["id"], "verdict": "ham"}, headers=AUTH
        )
        assert ok.status_code == 200
        assert ok.json() == {"decision_id": first["id"], "verdict": "ham", "status": "recorded"}
        marked = client.post(
            "/v1/feedback", json={"decision_id": spam["id"], "verdict": "spam"}, headers=AUTH
        )
        assert marked.status_code == 200

        verdicts = {r.decision_id: r.verdict for r in store.feedback()}
        assert verdicts == {first["id"]: "ham", spam["id"]: "spam"}
        # The approved author is now trusted: the next comment is accepted.
        second = client.post(
            "/v1/check", json={**form, "text": "Une seconde remarque."}, headers=AUTH
        ).json()
        assert second["action"] == "accept"
    store.close()


@pytest.mark.parametrize(
    ("body", "status", "code", "fields"),
    [
        ({"decision_id": "0" * 32, "verdict": "ham"}, 404, "unknown_decision", None),
        ({"decision_id": "0" * 32, "verdict": "maybe"}, 400, "invalid_feedback", {"verdict"}),
        ({"verdict": "spam"}, 400, "invalid_feedback", {"decision_id"}),
        ({}, 400, "invalid_feedback", {"decision_id", "verdict"}),
        ({"decision_id": "../../etc", "verdict": "spam"}, 400, "invalid_feedback", {"decision_id"}),
        (
            {"decision_id": 12, "verdict": ["ham"]},
            400,
            "invalid_feedback",
            {"decision_id", "verdict"},
        ),
    ],
)
def test_feedback_errors(
    client: httpx.Client,
    body: dict[str, Any],
    status: int,
    code: str,
    fields: set[str] | None,
) -> None:
    response = client.post("/v1/feedback", json=body, headers=AUTH)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    if fields is not None:
        assert {e["field"] for e in error["errors"]} == fields


# -- /v1/model, /healthz, routing ---------------------------------------------------------------


def test_model_and_health(client: httpx.Client) -> None:
    model = client.get("/v1/model", headers=AUTH).json()
    assert model["version"] == "fixed-1"
    assert model["rules_only"] is False
    assert model["thresholds"]["spam"] == {"hold": 0.6, "reject": 0.95}
    health = client.get("/healthz").json()
    assert health["status"] == "ok"
    assert health["model_version"] == "fixed-1"


def test_rules_only_server() -> None:
    data = settings()
    data["model"] = {"rules_only": True}
    with serve(data, scorer=None) as (client, _):
        assert client.get("/v1/model", headers=AUTH).json()["rules_only"] is True
        decision = client.post("/v1/check", json=unique_form(), headers=AUTH).json()
        assert decision["action"] == "hold"  # unscored: uncertain means hold
        perspective = client.post(
            f"/v1alpha1/comments:analyze?key={KEY}",
            json={"comment": {"text": "hello"}, "requestedAttributes": {"TOXICITY": {}}},
        )
        assert perspective.status_code == 503


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/nope", 404, "not_found"),
        ("GET", "/v1/check", 405, "method_not_allowed"),
        ("DELETE", "/v1/feedback", 405, "method_not_allowed"),
        ("GET", "/1.1/comment-check", 405, "method_not_allowed"),
    ],
)
def test_routing_errors_are_json(
    client: httpx.Client, method: str, path: str, status: int, code: str
) -> None:
    response = client.request(method, path, headers=AUTH)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_openapi_lists_every_route(client: httpx.Client) -> None:
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    assert set(doc["paths"]) == {
        "/healthz",
        "/v1/check",
        "/v1/feedback",
        "/v1/model",
        "/1.1/verify-key",
        "/1.1/comment-check",
        "/1.1/submit-spam",
        "/1.1/submit-ham",
        "/v1alpha1/comments:analyze",
    }


# -- privacy canaries ---------------------------------------------------------------------------


def _canary_forms(rng: random.Random, n: int) -> Iterator[tuple[dict[str, Any], list[str]]]:
    domains = ["example.org", "exemple.fr", "mail.test-canary.net"]
    for i in range(n):
        tag = f"{rng.randrange(16**8):08x}"
        email = f"canary.{tag}@{rng.choice(domains)}"
        ip = rng.choice(
            [
                f"203.0.{rng.randrange(256)}.{rng.randrange(1, 255)}",
                f"2001:db8:{rng.randrange(65536):x}::{rng.randrange(1, 65536):x}",
            ]
        )
        form = unique_form(email=email, ip=ip)
        variant = i % 6
        if variant == 1:
            form["email"] = f"canary{tag}@@broken"  # invalid email: must not be echoed either
        elif variant == 2:
            form["ip"] = f"999.{tag}.1.1"  # invalid IP
        elif variant == 3:
            form["text"] = rng.choice(["viagra", "crypto", "imbécile", ""]) + " " + tag
        elif variant == 4:
            form["name"] = ""  # an error elsewhere
        elif variant == 5:
            form["lang"] = "en"
        yield form, [form["email"], form["ip"], tag]


def _assert_private(response: httpx.Response, secrets_: list[str]) -> None:
    raw = response.text + json.dumps(dict(response.headers))
    for secret in secrets_[:2]:
        assert secret not in raw, (response.request.url.path, response.status_code)
        assert secret.lower() not in raw.lower()


def test_privacy_canaries_on_every_response(
    client: httpx.Client, thorough: Callable[[int], int]
) -> None:
    rng = random.Random(20240601)
    for form, canaries in _canary_forms(rng, thorough(90)):  # 10 in the fast loop: every variant
        responses = [client.post("/v1/check", json=form, headers=AUTH)]
        akismet_fields = {
            "api_key": KEY,
            "comment_author": form.get("name", ""),
            "comment_author_email": form["email"],
            "user_ip": form["ip"],
            "comment_content": form["text"],
            "blog_lang": form.get("lang", "fr"),
        }
        for endpoint in ("comment-check", "submit-spam", "submit-ham"):
            responses.append(client.post(f"/1.1/{endpoint}", data=akismet_fields))
        responses.append(client.post("/1.1/comment-check", data={**akismet_fields, "api_key": "x"}))
        if responses[0].status_code == 200:
            decision_id = responses[0].json()["id"]
            responses.append(
                client.post(
                    "/v1/feedback",
                    json={"decision_id": decision_id, "verdict": "ham"},
                    headers=AUTH,
                )
            )
        for response in responses:
            assert response.status_code in (200, 400, 401)
            _assert_private(response, canaries)


# -- property: any JSON object or form gets a decision or a 4xx, never a 5xx ----------------------

_FIELD_NAMES = st.sampled_from(
    ["name", "email", "text", "url", "ip", "lang", "post_id", "submitted_at", "honeypot", "x"]
)
_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)


@hsettings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(form=st.dictionaries(_FIELD_NAMES, _JSON, max_size=8))
def test_any_json_form_gets_an_answer(client: httpx.Client, form: dict[str, Any]) -> None:
    response = client.post("/v1/check", json=form, headers=AUTH)
    assert response.status_code in (200, 400)
    body = response.json()
    assert ("action" in body) is (response.status_code == 200)


@hsettings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    fields=st.dictionaries(
        st.sampled_from(
            [
                "comment_author",
                "comment_author_email",
                "comment_content",
                "user_ip",
                "comment_author_url",
                "blog_lang",
                "blog_charset",
                "comment_date_gmt",
                "honeypot_field_name",
                "user_role",
                "is_test",
                "guid",
            ]
        ),
        st.text(max_size=60),
        max_size=8,
    ),
    endpoint=st.sampled_from(["comment-check", "submit-spam", "submit-ham"]),
)
def test_any_akismet_form_gets_an_answer(
    client: httpx.Client, fields: dict[str, str], endpoint: str
) -> None:
    response = client.post(f"/1.1/{endpoint}", data={**fields, "api_key": KEY})
    assert response.status_code == 200
    expected = (
        {"true", "false"}
        if endpoint == "comment-check"
        else {"Thanks for making the web a better place."}
    )
    assert response.text in expected
