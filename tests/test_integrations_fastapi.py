"""modkit.integrations.fastapi with FastAPI's TestClient: the CheckComment dependency."""

from __future__ import annotations

from typing import Any

import pytest

from modkit import Decision, Moderator, Policy
from modkit._messages import field_message
from modkit._submission import LIMITS
from modkit.testing import FixedScorer

fastapi = pytest.importorskip(
    "fastapi", reason="FastAPI is not installed: pip install 'modkit-moderation[fastapi]'"
)
pytest.importorskip("starlette.testclient", reason="FastAPI's TestClient needs httpx2 (or httpx)")

from fastapi.testclient import TestClient  # noqa: E402

from modkit.integrations.fastapi import WORDPRESS_FIELDS, CheckComment  # noqa: E402

SECRET = "fastapi-integration-test-secret-0123456789"
CANARY = "canary.fastapi.5c@example.org"
GOOD = {"name": "Camille", "email": CANARY, "text": "Merci pour cet article très clair."}
BY_TEXT = {"casino": {"spam": 0.99, "toxicity": 0.0}, "idiot": {"spam": 0.0, "toxicity": 0.6}}


def make_client(policy: Policy | None = None, **kw: Any) -> TestClient:
    mod = Moderator(
        scorer=FixedScorer(by_text=BY_TEXT),
        secret=SECRET,
        policy=policy or Policy(flood_seconds=0),
    )
    check = CheckComment(mod, **kw)
    app = fastapi.FastAPI()

    @app.post("/comments")
    def post_comment(decision: Decision = fastapi.Depends(check)) -> dict[str, Any]:  # noqa: B008
        return decision.to_dict()

    return TestClient(app)


@pytest.mark.parametrize(
    ("text", "action", "code"),
    [
        ("Merci pour cet article très clair.", "accept", None),
        ("Super 🚀 article, مرحبا et привет", "accept", None),
        ("Le meilleur casino en ligne", "reject", "spam"),
        ("Quel idiot", "hold", "toxicity"),
        ("http://a.example http://b.example http://c.example", "hold", "too_many_links"),
    ],
)
@pytest.mark.parametrize("encoding", ["data", "json", "files"])
def test_decision_from_form_json_or_multipart(
    encoding: str, text: str, action: str, code: str | None
) -> None:
    client = make_client()
    body = {**GOOD, "text": text}
    if encoding == "files":  # multipart/form-data, as a form with enctype="multipart/form-data"
        response = client.post("/comments", files={k: (None, v) for k, v in body.items()})
    else:
        response = client.post("/comments", **{encoding: body})
    assert response.status_code == 200, response.text
    decision = response.json()
    assert decision["action"] == action
    if code is not None:
        assert code in [r["code"] for r in decision["reasons"]]
    assert CANARY not in response.text


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({}, [("name", "required"), ("email", "required"), ("text", "required")]),
        ({**GOOD, "email": ""}, [("email", "required")]),
        ({**GOOD, "name": " \u200b ", "text": "   "}, [("name", "required"), ("text", "required")]),
        ({**GOOD, "email": "chez moi"}, [("email", "invalid")]),
        ({**GOOD, "text": "é" * 65536}, [("text", "too_long")]),
    ],
)
def test_invalid_is_400_with_every_field_error_in_french(
    form: dict[str, str], expected: list[tuple[str, str]]
) -> None:
    response = make_client(max_body=1024 * 1024).post("/comments", data=form)
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert (detail["error"], detail["lang"]) == ("validation", "fr")
    assert [(e["field"], e["code"]) for e in detail["errors"]] == expected
    for e in detail["errors"]:
        assert e["message"] == field_message(e["field"], e["code"], "fr", max=LIMITS[e["field"]])


def test_english_messages_on_request() -> None:
    detail = make_client(lang="en").post("/comments", data={}).json()["detail"]
    assert detail["lang"] == "en"
    assert detail["errors"][0]["message"] == field_message("name", "required", "en")


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400),
        ({"json": ["a", "list"]}, 400),
        (
            {
                "content": b"\xff\xfe=x",
                "headers": {"content-type": "application/x-www-form-urlencoded"},
            },
            400,
        ),
        ({"content": b"name=x", "headers": {"content-type": "text/plain"}}, 415),
        ({"content": b"name=x"}, 415),
        ({"data": {**GOOD, "text": "x" * 70_000}}, 413),
    ],
)
def test_bad_bodies(kwargs: dict[str, Any], status: int) -> None:
    response = make_client(max_body=64 * 1024).post("/comments", **kwargs)
    assert response.status_code == status


def test_body_limit_holds_without_content_length() -> None:
    def chunks() -> Any:
        for _ in range(100):
            yield b"text=" + b"x" * 4096

    client = make_client(max_body=64 * 1024)
    headers = {"content-type": "application/x-www-form-urlencoded"}
    assert client.post("/comments", content=chunks(), headers=headers).status_code == 413


def test_wordpress_field_names_and_metadata_from_the_request() -> None:
    client = make_client(
        Policy(flood_seconds=0, blocked_words=("spambot",)), fields=WORDPRESS_FIELDS
    )
    wp = {
        "author": "Camille",
        "email": CANARY,
        "comment": "Très bon papier",
        "comment_post_ID": "7",
    }
    ok = client.post("/comments", data=wp)
    assert ok.json()["comment"]["post_id"] == "7"
    assert ok.json()["action"] == "accept"
    bot = client.post(
        "/comments", data={**wp, "comment": "autre"}, headers={"user-agent": "SpamBot/1"}
    )
    assert bot.json()["action"] == "reject"


def test_ip_form_field_is_ignored() -> None:
    client = make_client(Policy(flood_seconds=0, blocked_words=("203.0.113.5",)))
    response = client.post("/comments", data={**GOOD, "ip": "203.0.113.5"})
    assert response.json()["action"] == "accept"  # TestClient's address is "testclient"


def test_duplicate_is_seen_unless_record_false() -> None:
    for record, second in ((True, "reject"), (False, "accept")):
        client = make_client(record=record)
        assert client.post("/comments", data=GOOD).json()["action"] == "accept"
        assert client.post("/comments", data=GOOD).json()["action"] == second


def test_unknown_field_mapping() -> None:
    mod = Moderator(rules_only=True, secret=SECRET)
    with pytest.raises(ValueError, match="unknown"):
        CheckComment(mod, fields={"texte": "comment"})
