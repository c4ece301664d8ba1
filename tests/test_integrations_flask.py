"""modkit.integrations.flask with Flask's test client: decisions, French field errors, metadata."""

from __future__ import annotations

from typing import Any

import pytest

from modkit import Decision, Moderator, Policy, ValidationError
from modkit._messages import field_message
from modkit._submission import LIMITS
from modkit.testing import FixedScorer

flask = pytest.importorskip(
    "flask", reason="Flask is not installed (pip install 'modkit-moderation[flask]')"
)

from modkit.integrations.flask import (  # noqa: E402 - needs Flask
    WORDPRESS_FIELDS,
    Modkit,
    check_form,
    error_response,
    form_from_request,
)

SECRET = "flask-integration-test-secret-0123456789"
CANARY = "canary.flask.91@example.org"
GOOD = {"name": "Camille", "email": CANARY, "text": "Merci pour cet article très clair."}
BY_TEXT = {"casino": {"spam": 0.99, "toxicity": 0.0}, "idiot": {"spam": 0.0, "toxicity": 0.6}}


def make_moderator(**policy: Any) -> Moderator:
    return Moderator(
        scorer=FixedScorer(by_text=BY_TEXT),
        secret=SECRET,
        policy=Policy(flood_seconds=0, **policy),
    )


def make_app(moderator: Moderator, **kw: Any) -> flask.Flask:
    """A site whose comment view uses check_form and error_response."""
    app = flask.Flask(__name__)

    @app.post("/comments")
    def post_comment() -> Any:
        try:
            decision = check_form(flask.request, moderator, **kw)
        except ValidationError as exc:
            return error_response(exc)
        return decision.to_dict()

    return app


@pytest.mark.parametrize(
    ("text", "action", "code"),
    [
        ("Merci pour cet article très clair.", "accept", None),
        ("Bravo 👏🏽 pour ce dossier, et 日本語 aussi", "accept", None),
        ("Le meilleur casino en ligne", "reject", "spam"),
        ("Quel idiot", "hold", "toxicity"),
        ("a http://a.example b http://b.example c http://c.example", "hold", "too_many_links"),
        ("x" * 65525, "accept", None),
    ],
)
def test_check_form_decides(text: str, action: str, code: str | None) -> None:
    client = make_app(make_moderator()).test_client()
    response = client.post("/comments", data={**GOOD, "text": text})
    assert response.status_code == 200
    body = response.get_json()
    assert body["action"] == action
    if code is not None:
        assert code in [r["code"] for r in body["reasons"]]
    assert CANARY not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({}, [("name", "required"), ("email", "required"), ("text", "required")]),
        ({**GOOD, "email": ""}, [("email", "required")]),
        ({**GOOD, "name": "   ", "text": "\n\t "}, [("name", "required"), ("text", "required")]),
        ({**GOOD, "email": "pas-une-adresse"}, [("email", "invalid")]),
        ({**GOOD, "url": "javascript:alert(1)"}, [("url", "invalid")]),
        ({**GOOD, "text": "x" * 65536}, [("text", "too_long")]),
    ],
)
def test_invalid_form_is_400_with_every_field_error_in_french(
    form: dict[str, str], expected: list[tuple[str, str]]
) -> None:
    client = make_app(make_moderator()).test_client()
    response = client.post("/comments", data=form)
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] == "validation"
    assert body["lang"] == "fr"
    assert [(e["field"], e["code"]) for e in body["errors"]] == expected
    for e in body["errors"]:
        assert e["message"] == field_message(e["field"], e["code"], "fr", max=LIMITS[e["field"]])
    assert "pas-une-adresse" not in response.get_data(as_text=True)


def test_english_when_the_form_or_the_call_says_so() -> None:
    for client, data in (
        (make_app(make_moderator()).test_client(), {"lang": "en"}),
        (make_app(make_moderator(), lang="en").test_client(), {}),
    ):
        body = client.post("/comments", data=data).get_json()
        assert body["lang"] == "en"
        assert body["errors"][0]["message"] == field_message("name", "required", "en")


def test_json_body() -> None:
    client = make_app(make_moderator()).test_client()
    assert client.post("/comments", json=GOOD).get_json()["action"] == "accept"
    assert client.post("/comments", json=["not", "an", "object"]).status_code == 400
    assert client.post(
        "/comments", data="{broken", content_type="application/json"
    ).status_code == (400)


def test_wordpress_field_names() -> None:
    client = make_app(make_moderator(), fields=WORDPRESS_FIELDS).test_client()
    wp = {
        "author": "Camille",
        "email": CANARY,
        "comment": "Très bon papier",
        "comment_post_ID": "7",
    }
    body = client.post("/comments", data=wp).get_json()
    assert body["action"] == "accept"
    assert body["comment"]["post_id"] == "7"
    assert body["comment"]["author"] == "Camille"


def test_unknown_field_mapping_is_an_error() -> None:
    app = flask.Flask(__name__)
    with app.test_request_context("/", method="POST"), pytest.raises(ValueError, match="unknown"):
        form_from_request(fields={"mail": "email"})


@pytest.mark.parametrize(
    ("remote_addr", "form_ip", "action"),
    [
        ("203.0.113.77", None, "reject"),  # the request's address is checked
        ("198.51.100.1", "203.0.113.77", "accept"),  # an "ip" form field is ignored
    ],
)
def test_ip_comes_from_the_request_not_the_form(
    remote_addr: str, form_ip: str | None, action: str
) -> None:
    client = make_app(make_moderator(blocked_words=("203.0.113.77",))).test_client()
    data = dict(GOOD) if form_ip is None else {**GOOD, "ip": form_ip}
    response = client.post("/comments", data=data, environ_base={"REMOTE_ADDR": remote_addr})
    assert response.get_json()["action"] == action
    assert "203.0.113.77" not in response.get_data(as_text=True)


def test_user_agent_and_referrer_from_headers() -> None:
    app = flask.Flask(__name__)
    headers = {"User-Agent": "SpamBot/2.0", "Referer": "https://news.example/a"}
    with app.test_request_context("/", method="POST", data=GOOD, headers=headers):
        form = form_from_request()
    assert form["user_agent"] == "SpamBot/2.0"
    assert form["referrer"] == "https://news.example/a"
    assert "submitted_at" not in form  # the Moderator's clock dates the comment
    client = make_app(make_moderator(blocked_words=("spambot",))).test_client()
    assert client.post("/comments", data=GOOD, headers=headers).get_json()["action"] == "reject"


def test_honeypot_and_too_fast_reach_the_rules() -> None:
    client = make_app(make_moderator()).test_client()
    trap = client.post("/comments", data={**GOOD, "honeypot": "x"}).get_json()
    assert trap["action"] == "reject"
    assert "honeypot" in [r["code"] for r in trap["reasons"]]
    from datetime import UTC, datetime

    rendered = datetime.now(UTC).isoformat()
    fast = client.post("/comments", data={**GOOD, "form_rendered_at": rendered}).get_json()
    assert "too_fast" in [r["code"] for r in fast["reasons"]]


@pytest.mark.parametrize(("record", "second"), [(True, "reject"), (False, "accept")])
def test_record_flag_controls_the_store(record: bool, second: str) -> None:
    client = make_app(make_moderator(), record=record).test_client()
    assert client.post("/comments", data=GOOD).get_json()["action"] == "accept"
    again = client.post("/comments", data=GOOD).get_json()  # same author, same text
    assert again["action"] == second


def test_extension_answers_invalid_forms_and_checks() -> None:
    app = flask.Flask(__name__)
    mod = make_moderator()
    ext = Modkit(app, moderator=mod)
    assert app.extensions["modkit"] is ext

    @app.post("/c")
    def view() -> Any:
        decision: Decision = ext.check()
        return {"action": decision.action.value}

    client = app.test_client()
    assert client.post("/c", data=GOOD).get_json() == {"action": "accept"}
    response = client.post("/c", data={**GOOD, "email": "", "name": ""})
    assert response.status_code == 400
    assert [e["field"] for e in response.get_json()["errors"]] == ["name", "email"]


def test_extension_init_app_later_without_json_errors() -> None:
    ext = Modkit(moderator=make_moderator(), json_errors=False, lang="en")
    app = flask.Flask(__name__)
    ext.init_app(app)

    @app.post("/c")
    def view() -> Any:
        try:
            ext.check()
        except ValidationError as exc:
            return {"lang": exc.lang}, 422
        return {}

    response = app.test_client().post("/c", data={})
    assert (response.status_code, response.get_json()) == (422, {"lang": "en"})
