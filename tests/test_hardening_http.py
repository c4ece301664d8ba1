"""Hardening: every HTTP endpoint, through the app's test client, on arbitrary bodies.

Arbitrary bytes, JSON and form bodies under every content type, with and without a key, with
duplicated and missing fields: never a 5xx. ``tests/test_server_api.py`` already sends arbitrary
JSON forms and Akismet forms to one endpoint each; this file covers every route and raw bodies.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from starlette.testclient import TestClient

from modkit.server import config_from_dict, create_app
from modkit.testing import FixedScorer

KEY = "http-hardening-key-0123456789"
SECRET = "http-hardening-secret-0123456789"
POSTS = [
    "/v1/check",
    "/v1/feedback",
    "/1.1/verify-key",
    "/1.1/comment-check",
    "/1.1/submit-spam",
    "/1.1/submit-ham",
    "/v1alpha1/comments:analyze",
]
GETS = ["/v1/model", "/healthz", "/openapi.json"]
CONTENT_TYPES = [
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=latin-1",
    "application/json; charset=nope",
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=\x00",
    "multipart/form-data; boundary=xyz",
    "text/plain",
    "text/plain; charset=utf-32",
    "",
    "*/*",
    "application/json\r\nX-Injected: 1",
]
AUTHS: list[dict[str, str]] = [
    {"Authorization": f"Bearer {KEY}"},
    {},
    {"Authorization": "Bearer"},
    {"Authorization": "Bearer " + "x" * 5000},
    {"Authorization": f"Basic {KEY}"},
    {"Authorization": f"bearer {KEY}", "X-Goog-Api-Key": KEY},
]
FAST = settings(
    max_examples=examples(80),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    config = config_from_dict(
        {
            "server": {
                "api_keys": {"main": KEY},
                "secret": SECRET,
                "rate_limit": {"rate": 0},
                "auth_throttle": {"rate": 0},  # hundreds of bad keys on purpose
                "max_body_bytes": 256 * 1024,
            },
            "policy": {"flood_seconds": 0},
        },
        env={},
    )
    app = create_app(config, scorer=FixedScorer(by_text={"viagra": {"spam": 0.99}}))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def assert_answered(response: Any) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:300])
    ctype = response.headers.get("content-type", "")
    if ctype.startswith("application/json") and response.content:  # HEAD has no body
        json.loads(response.text)


json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=10,
)
FIELDS = ["name", "email", "text", "url", "ip", "lang", "decision_id", "verdict", "comment",
          "requestedAttributes", "key", "api_key", "blog", "user_ip", "comment_content",
          "comment_author_email", "blog_charset", "permalink", "is_test", "guid"]  # fmt: skip
objects = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=8)
pairs = st.lists(
    st.tuples(st.sampled_from(FIELDS), st.text(max_size=40)), max_size=12
)  # duplicated keys allowed
bodies = st.one_of(
    st.binary(max_size=600),
    objects.map(lambda o: json.dumps(o).encode()),
    json_values.map(lambda v: json.dumps(v).encode()),
    pairs.map(
        lambda ps: "&".join(
            f"{k}={v.encode('utf-8', 'surrogatepass').hex() if len(v) % 3 else v}" for k, v in ps
        ).encode("utf-8", "surrogatepass")
    ),
)


@FAST
@given(
    route=st.sampled_from(POSTS),
    body=bodies,
    ctype=st.sampled_from(CONTENT_TYPES),
    auth=st.sampled_from(AUTHS),
    query=st.sampled_from(["", f"?key={KEY}", "?key=", "?key=%00", "?x=1&x=2"]),
)
def test_any_body_on_any_route_is_never_a_5xx(
    client: TestClient, route: str, body: bytes, ctype: str, auth: dict[str, str], query: str
) -> None:
    headers = {**auth}
    if ctype:
        headers["Content-Type"] = ctype.replace("\r\n", " ")
    assert_answered(client.post(route + query, content=body, headers=headers))


@FAST
@given(form=objects, dup=st.sampled_from(FIELDS), value=json_values)
def test_json_objects_with_duplicated_keys(
    client: TestClient, form: dict[str, Any], dup: str, value: Any
) -> None:
    body = json.dumps(form)
    extra = f'"{dup}": {json.dumps(value)}'
    body = "{" + extra + ("," + body[1:] if len(body) > 2 else "}")
    for route in ("/v1/check", "/v1/feedback", "/v1alpha1/comments:analyze"):
        headers = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}
        assert_answered(client.post(route + f"?key={KEY}", content=body, headers=headers))


EDGE_BODIES = {
    "deep array": b"[" * 100_000 + b"]" * 100_000,
    "deep object": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "huge number": b'{"text": 1e999999, "name": 1' + b"0" * 5000 + b"}",
    "NaN literal": b'{"name": NaN, "email": Infinity, "text": -Infinity}',
    "lone surrogates": b'{"name": "\\ud800", "email": "a\\udfff@b.fr", "text": "\\udbff\\udc00x"}',
    "NUL bytes": b'{"name": "a\\u0000", "email": "a@b.fr\\u0000", "text": "\\u0000"}',
    "BOM then JSON": b'\xef\xbb\xbf{"name": "a", "email": "a@b.fr", "text": "t"}',
    "UTF-16 JSON": '{"name": "a", "email": "a@b.fr", "text": "t"}'.encode("utf-16"),
    "300 form fields": "&".join(f"f{i}=v" for i in range(300)).encode(),
    "bad percent escapes": b"comment_content=%ff%fe%00%&user_ip=%zz&blog=%",
    "empty": b"",
    "only whitespace": b" \r\n\t ",
    "a 64 KiB text": json.dumps({"name": "a", "email": "a@b.fr", "text": "é" * 65525}).encode(),
    "just over the body limit": b"x" * (256 * 1024 + 1),
}


@pytest.mark.parametrize("name", list(EDGE_BODIES))
@pytest.mark.parametrize("route", POSTS)
def test_edge_bodies(client: TestClient, route: str, name: str) -> None:
    for ctype in ("application/json", "application/x-www-form-urlencoded"):
        headers = {"Authorization": f"Bearer {KEY}", "Content-Type": ctype}
        response = client.post(f"{route}?key={KEY}", content=EDGE_BODIES[name], headers=headers)
        assert_answered(response)
        if name == "just over the body limit":
            assert response.status_code in (400, 401, 413, 415)


@pytest.mark.parametrize("route", GETS + POSTS + ["/nope", "/v1/check/../model", "/%00"])
@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"])
def test_every_method_on_every_route(client: TestClient, route: str, method: str) -> None:
    response = client.request(
        method, route, headers={"Authorization": f"Bearer {KEY}"}, content=b"{}"
    )
    assert_answered(response)
