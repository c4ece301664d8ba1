"""The Akismet- and Perspective-compatible endpoints, by hand-made requests over real HTTP."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

import httpx
import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from modkit import Moderator, Policy, SQLiteStore
from modkit.server import config_from_dict, create_app
from modkit.server._akismet import akismet_form
from modkit.server._perspective import ATTRIBUTES, MAX_TEXT_BYTES, sentence_spans
from modkit.server.testing import running_server
from modkit.testing import FixedScorer

KEY = "akismet-key-0123456789"
SECRET = "protocol-test-secret-0123456789"
ALL_HEADS = dict.fromkeys(ATTRIBUTES.values(), 0.02)
TABLE = {
    "viagra": {**ALL_HEADS, "spam": 0.99},
    "crypto": {**ALL_HEADS, "spam": 0.75},
    "idiot": {**ALL_HEADS, "toxicity": 0.97, "insult": 0.93},
    "kill you": {**ALL_HEADS, "toxicity": 0.8, "threat": 0.9},
}


def make_scorer() -> FixedScorer:
    return FixedScorer(ALL_HEADS, by_text=TABLE)


@contextmanager
def serve(
    *, hold_as: str = "spam", store: Any = None, scorer: Any = None
) -> Iterator[tuple[httpx.Client, Moderator]]:
    data = {
        "server": {
            "api_keys": [KEY],
            "secret": SECRET,
            "rate_limit": {"rate": 0},
            "auth_throttle": {"rate": 0},  # tests send many bad keys on purpose
        },
        "akismet": {"hold_as": hold_as},
    }
    moderator = Moderator(
        scorer=scorer or make_scorer(),
        store=store,
        secret=SECRET,
        policy=Policy(flood_seconds=0),
    )
    app = create_app(config_from_dict(data, env={}), moderator=moderator)
    with running_server(app) as url, httpx.Client(base_url=url, timeout=10) as client:
        yield client, moderator


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[httpx.Client, Moderator]]:
    with serve() as pair:
        yield pair


@pytest.fixture(scope="module")
def ham_server() -> Iterator[tuple[httpx.Client, Moderator]]:
    """A server with ``[akismet] hold_as = "ham"``."""
    with serve(hold_as="ham") as pair:
        yield pair


@pytest.fixture
def client(server: tuple[httpx.Client, Moderator]) -> httpx.Client:
    return server[0]


def comment(**fields: str) -> dict[str, str]:
    n = random.randrange(10**12)
    base = {
        "api_key": KEY,
        "blog": "https://news.example.org",
        "user_ip": f"192.0.2.{n % 250 + 1}",
        "user_agent": "Mozilla/5.0",
        "comment_type": "comment",
        "comment_author": "Lou",
        "comment_author_email": f"lou{n}@example.org",
        "comment_content": f"Très bon article, merci ({n}).",
        "permalink": "https://news.example.org/2024/06/article",
    }
    base.update(fields)
    return base


# -- Akismet ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"key": KEY}, "valid"),
        ({"key": KEY, "blog": "https://news.example.org"}, "valid"),
        ({"api_key": KEY}, "valid"),
        ({"key": "wrong-key-0123456789"}, "invalid"),
        ({"key": ""}, "invalid"),
        ({}, "invalid"),
    ],
)
def test_verify_key(client: httpx.Client, fields: dict[str, str], expected: str) -> None:
    response = client.post("/1.1/verify-key", data=fields)
    assert response.status_code == 200
    assert response.text == expected
    assert response.headers["content-type"].startswith("text/plain")
    assert ("x-akismet-debug-help" in response.headers) is (expected == "invalid")


def test_key_in_host_header(client: httpx.Client) -> None:
    host = {"Host": f"{KEY}.rest.akismet.com"}
    assert client.post("/1.1/verify-key", data={}, headers=host).text == "valid"
    fields = comment()
    del fields["api_key"]
    assert client.post("/1.1/comment-check", data=fields, headers=host).text == "false"
    assert client.post("/1.1/comment-check", data=fields).text == "invalid"


@pytest.mark.parametrize(
    ("content", "hold_as", "body", "action", "discard"),
    [
        ("Merci pour ce dossier très complet.", "spam", "false", "accept", False),
        ("Buy viagra online", "spam", "true", "reject", True),
        ("Crypto gains guaranteed", "spam", "true", "hold", False),
        ("Crypto gains guaranteed", "ham", "false", "hold", False),
        ("You idiot", "spam", "true", "reject", True),
        ("I will kill you", "ham", "false", "hold", False),
        ("Emoji 🎉🔥 et écriture mixte Привет 你好", "spam", "false", "accept", False),
    ],
)
def test_comment_check_maps_actions(
    request: pytest.FixtureRequest,
    content: str,
    hold_as: str,
    body: str,
    action: str,
    discard: bool,
) -> None:
    client, moderator = request.getfixturevalue({"spam": "server", "ham": "ham_server"}[hold_as])
    response = client.post("/1.1/comment-check", data=comment(comment_content=content))
    assert response.status_code == 200
    assert response.text == body
    assert response.headers["x-modkit-action"] == action
    assert (response.headers.get("x-akismet-pro-tip") == "discard") is discard
    guid = response.headers["x-akismet-guid"]
    stored = moderator.store.get(guid)
    assert stored is not None
    assert stored.text == content


def test_comment_check_thresholds_and_reasons(client: httpx.Client) -> None:
    response = client.post("/1.1/comment-check", data=comment(comment_content="idiot"))
    assert "toxicity" in response.headers["x-modkit-reasons"].split(",")


def test_comment_check_maps_fields(server: tuple[httpx.Client, Moderator]) -> None:
    client, moderator = server
    fields = comment(
        comment_content="A comment posted in English",
        blog_lang="en_us, fr_fr",
        honeypot_field_name="hidden_trap",
        hidden_trap="I am a bot",
    )
    response = client.post("/1.1/comment-check", data=fields)
    assert response.text == "true"
    assert response.headers["x-modkit-action"] == "reject"
    assert "honeypot" in response.headers["x-modkit-reasons"]
    stored = moderator.store.get(response.headers["x-akismet-guid"])
    assert stored is not None
    assert stored.lang == "en"
    # A honeypot field left empty does not trip it.
    other = comment(honeypot_field_name="hidden_trap", hidden_trap="")
    assert client.post("/1.1/comment-check", data=other).text == "false"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {
                "comment_author": "Lou",
                "comment_author_email": "lou@example.org",
                "comment_content": "Bonjour",
                "user_ip": "192.0.2.1",
                "permalink": "https://x.example/a",
                "blog_lang": "en",
            },
            {
                "name": "Lou",
                "email": "lou@example.org",
                "text": "Bonjour",
                "ip": "192.0.2.1",
                "permalink": "https://x.example/a",
                "lang": "en",
            },
        ),
        (
            {"comment_content": "Sans nom", "user_ip": "192.0.2.7"},
            {"name": "Anonymous", "text": "Sans nom", "ip": "192.0.2.7"},
        ),
        (
            {"comment_content": "x", "honeypot_field_name": "comment_content"},
            {"name": "Anonymous", "text": "x"},
        ),
        (
            {"comment_content": "x", "blog_lang": "de_DE"},
            {"name": "Anonymous", "text": "x", "lang": "fr"},
        ),
    ],
)
def test_akismet_form_translation(fields: dict[str, str], expected: dict[str, str]) -> None:
    form = akismet_form(fields, secret=SECRET)
    for key, value in expected.items():
        assert form[key] == value
    assert "@" in form["email"]
    assert ("post_id" in form) is bool(fields.get("permalink"))
    assert ("honeypot" in form) is False


def test_placeholder_email_is_stable_per_ip_and_never_the_ip() -> None:
    a = akismet_form({"comment_content": "x", "user_ip": "192.0.2.7"}, secret=SECRET)
    b = akismet_form({"comment_content": "y", "user_ip": "192.0.2.7"}, secret=SECRET)
    c = akismet_form({"comment_content": "x", "user_ip": "192.0.2.8"}, secret=SECRET)
    assert a["email"] == b["email"] != c["email"]
    assert "192.0.2" not in a["email"]


@pytest.mark.parametrize(
    ("fields", "body", "action"),
    [
        ({"user_role": "administrator", "comment_content": "viagra"}, "false", "accept"),
        ({"comment_content": ""}, "true", "hold"),
        ({"comment_content": "   "}, "true", "hold"),
        ({"comment_content": "a" * 66000}, "true", "hold"),
        ({"comment_author_email": "not-an-email"}, "false", "accept"),
        ({"comment_author_url": "javascript:alert(1)"}, "false", "accept"),
        ({"user_ip": "not-an-ip"}, "false", "accept"),
        ({"comment_date_gmt": "yesterday-ish"}, "false", "accept"),
        ({"comment_author": "", "comment_author_email": ""}, "false", "accept"),
    ],
)
def test_comment_check_is_lenient_on_optional_fields(
    client: httpx.Client, fields: dict[str, str], body: str, action: str
) -> None:
    response = client.post("/1.1/comment-check", data=comment(**fields))
    assert response.status_code == 200
    assert response.text == body
    assert response.headers["x-modkit-action"] == action
    if action == "hold":
        assert "comment_content" in response.headers["x-akismet-debug-help"] or (
            "text" in response.headers["x-akismet-debug-help"]
        )


def test_comment_check_bad_key_says_invalid(client: httpx.Client) -> None:
    response = client.post("/1.1/comment-check", data=comment(api_key="nope-nope-nope"))
    assert response.status_code == 200
    assert response.text == "invalid"
    assert response.headers["x-akismet-debug-help"]


@pytest.mark.parametrize(
    ("content_type", "status"),
    [
        ("application/json", 415),
        ("text/plain", 415),
        ("multipart/form-data; boundary=x", 415),
        ("application/x-www-form-urlencoded; charset=utf-8", 200),
    ],
)
def test_akismet_media_types(client: httpx.Client, content_type: str, status: int) -> None:
    body = f"api_key={KEY}&comment_content=Bonjour".encode()
    response = client.post(
        "/1.1/comment-check", content=body, headers={"Content-Type": content_type}
    )
    assert response.status_code == status
    if status == 415:
        assert response.headers["x-modkit-error"] == "unsupported_media_type"


def test_blog_charset_latin1(server: tuple[httpx.Client, Moderator]) -> None:
    client, moderator = server
    text = "Très réussi, l'été à Noël"
    body = (
        f"api_key={KEY}&blog_charset=ISO-8859-1&comment_author=Zo%E9"
        f"&comment_content={quote(text, encoding='latin-1')}"
    ).encode("ascii")
    response = client.post(
        "/1.1/comment-check",
        content=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    stored = moderator.store.get(response.headers["x-akismet-guid"])
    assert stored is not None
    assert stored.text == text


def test_is_test_and_recheck_are_not_recorded(server: tuple[httpx.Client, Moderator]) -> None:
    client, moderator = server
    for extra in ({"is_test": "1"}, {"is_test": "true"}, {"recheck_reason": "edit"}):
        response = client.post("/1.1/comment-check", data=comment(**extra))
        assert response.text == "false"
        assert moderator.store.get(response.headers["x-akismet-guid"]) is None
    recorded = client.post("/1.1/comment-check", data=comment(is_test="0"))
    assert moderator.store.get(recorded.headers["x-akismet-guid"]) is not None


@pytest.mark.parametrize(
    "fields",
    [
        {"comment_author": "akismet-guaranteed-spam"},
        {"comment_author": " Akismet-Guaranteed-Spam "},
        {"comment_author_email": "akismet-guaranteed-spam@example.com"},
        {"comment_author_email": "akismet-guaranteed-spam@example.com", "is_test": "1"},
        {"comment_author": "akismet-guaranteed-spam", "comment_content": ""},
    ],
)
def test_akismet_guaranteed_spam_test_values(
    server: tuple[httpx.Client, Moderator], fields: dict[str, str]
) -> None:
    client, moderator = server
    before = len(moderator.store)
    response = client.post("/1.1/comment-check", data=comment(**fields))  # a ham text
    assert response.status_code == 200
    assert response.text == "true"
    assert "x-akismet-pro-tip" not in response.headers  # spam, not "discard"
    assert len(moderator.store) == before


def test_akismet_administrator_is_never_spam(client: httpx.Client) -> None:
    fields = comment(user_role="administrator", comment_author="akismet-guaranteed-spam")
    assert client.post("/1.1/comment-check", data=fields).text == "false"


def _rows(db: Any) -> dict[str, list[tuple[Any, ...]]]:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}
    finally:
        conn.close()


def test_is_test_never_records_anything(tmp_path: Any) -> None:
    db = tmp_path / "modkit.db"
    store = SQLiteStore(db)
    with serve(store=store) as (client, _):
        checked = client.post("/1.1/comment-check", data=comment(comment_content="Un avis."))
        guid = checked.headers["x-akismet-guid"]
        before = _rows(db)
        assert len(before["comments"]) == 1
        requests = [
            ("comment-check", comment(is_test="1")),
            ("comment-check", comment(is_test="true", comment_content="Buy viagra")),
            ("comment-check", comment(is_test="1", comment_content="")),
            ("comment-check", comment(is_test="1", comment_author="akismet-guaranteed-spam")),
            ("submit-spam", comment(is_test="1")),
            ("submit-ham", comment(is_test="1", comment_content="Buy viagra")),
            ("submit-spam", comment(is_test="1", guid=guid)),
            ("submit-ham", comment(is_test="1", guid=guid)),
        ]
        for endpoint, fields in requests:
            assert client.post(f"/1.1/{endpoint}", data=fields).status_code == 200
        assert _rows(db) == before  # no decision, no verdict, no trust, nothing
        assert store.feedback() == []
    store.close()


def test_too_many_form_fields(client: httpx.Client) -> None:
    body = "&".join(f"f{i}=v" for i in range(300)) + f"&api_key={KEY}"
    response = client.post(
        "/1.1/comment-check",
        content=body.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 400


def test_submit_spam_and_ham_with_guid_reach_the_store(tmp_path: Any) -> None:
    store = SQLiteStore(tmp_path / "modkit.db")
    with serve(store=store) as (client, _):
        ham = comment(comment_content="Article passionnant, merci.")
        spam = comment(comment_content="Buy viagra here")
        guids = {}
        for name, fields in (("ham", ham), ("spam", spam)):
            checked = client.post("/1.1/comment-check", data=fields)
            guids[name] = checked.headers["x-akismet-guid"]
        # The moderator disagrees with both answers.
        for verdict, name in (("spam", "ham"), ("ham", "spam")):
            fields = {**(ham if name == "ham" else spam), "guid": guids[name]}
            response = client.post(f"/1.1/submit-{verdict}", data=fields)
            assert response.status_code == 200
            assert response.text == "Thanks for making the web a better place."
            assert response.headers["x-modkit-feedback"] == "recorded"
        verdicts = {r.decision_id: r.verdict for r in store.feedback()}
        assert verdicts == {guids["ham"]: "spam", guids["spam"]: "ham"}
    store.close()


def test_submit_without_guid_records_a_new_check(server: tuple[httpx.Client, Moderator]) -> None:
    client, moderator = server
    before = len(moderator.store.feedback())
    fields = comment(comment_content="Commentaire soumis sans guid")
    for verdict in ("spam", "ham"):
        response = client.post(f"/1.1/submit-{verdict}", data=fields)
        assert response.text == "Thanks for making the web a better place."
        assert response.headers["x-modkit-feedback"] == "recorded"
    records = moderator.store.feedback()[before:]
    assert [r.verdict for r in records] == ["spam", "ham"]
    assert all(r.text == "Commentaire soumis sans guid" for r in records)
    unknown = client.post("/1.1/submit-ham", data={**fields, "guid": "f" * 32})
    assert unknown.headers["x-modkit-feedback"] == "recorded"
    ignored = client.post("/1.1/submit-spam", data={**fields, "is_test": "1"})
    assert ignored.headers["x-modkit-feedback"] == "ignored"
    empty = client.post("/1.1/submit-spam", data={**fields, "comment_content": ""})
    assert empty.text == "Thanks for making the web a better place."
    assert empty.headers["x-modkit-feedback"] == "ignored"
    assert len(moderator.store.feedback()) == before + 3
    bad_key = client.post("/1.1/submit-spam", data={**fields, "api_key": "nope-nope-nope"})
    assert bad_key.text == "invalid"


# -- Perspective --------------------------------------------------------------------------------


def analyze(client: httpx.Client, body: Any, *, key: str | None = KEY) -> httpx.Response:
    url = "/v1alpha1/comments:analyze" + (f"?key={key}" if key is not None else "")
    return client.post(url, json=body)


def test_analyze_response_shape(client: httpx.Client) -> None:
    text = "Merci pour l'article. Mais tu es un idiot ! Bonne journée."
    body = {
        "comment": {"text": text},
        "languages": ["fr"],
        "requestedAttributes": {name: {} for name in ATTRIBUTES},
        "clientToken": "token-1",
        "doNotStore": True,
    }
    response = analyze(client, body)
    assert response.status_code == 200
    data = response.json()
    assert set(data["attributeScores"]) == set(ATTRIBUTES)
    assert data["languages"] == ["fr"]
    assert data["clientToken"] == "token-1"
    toxicity = data["attributeScores"]["TOXICITY"]
    assert toxicity["summaryScore"] == {"value": 0.97, "type": "PROBABILITY"}
    spans = toxicity["spanScores"]
    assert [text[s["begin"] : s["end"]] for s in spans] == [
        "Merci pour l'article.",
        "Mais tu es un idiot !",
        "Bonne journée.",
    ]
    assert [s["score"]["value"] for s in spans] == [0.02, 0.97, 0.02]
    assert data["attributeScores"]["PROFANITY"]["summaryScore"]["value"] == 0.02
    assert data["attributeScores"]["INSULT"]["summaryScore"]["value"] == 0.93


def test_analyze_threshold_filters(client: httpx.Client) -> None:
    body = {
        "comment": {"text": "Hello there. You idiot."},
        "requestedAttributes": {
            "TOXICITY": {"scoreThreshold": 0.5},
            "SPAM": {"scoreThreshold": 0.5, "scoreType": "PROBABILITY"},
        },
    }
    data = analyze(client, body).json()
    assert set(data["attributeScores"]) == {"TOXICITY"}
    spans = data["attributeScores"]["TOXICITY"]["spanScores"]
    assert [(s["begin"], s["end"]) for s in spans] == [(13, 23)]
    assert data["detectedLanguages"] == ["en"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Je pense que cet article est très bien écrit.", "fr"),
        ("I think this article is really well written.", "en"),
    ],
)
def test_analyze_detects_language(client: httpx.Client, text: str, lang: str) -> None:
    data = analyze(
        client, {"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}}}
    ).json()
    assert data["languages"] == [lang]
    assert data["detectedLanguages"] == [lang]


def _ok_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "comment": {"text": "Hello"},
        "requestedAttributes": {"TOXICITY": {}},
    }
    body.update(changes)
    return body


@pytest.mark.parametrize(
    ("body", "error_type", "fragment"),
    [
        (_ok_body(requestedAttributes={"FLIRTATION": {}}), None, "FLIRTATION"),
        (_ok_body(requestedAttributes={"toxicity": {}}), None, "toxicity"),
        (_ok_body(requestedAttributes={}), None, "requestedAttributes"),
        (_ok_body(requestedAttributes=["TOXICITY"]), None, "requestedAttributes"),
        (_ok_body(requestedAttributes={"TOXICITY": {"scoreThreshold": 2}}), None, "scoreThreshold"),
        (_ok_body(requestedAttributes={"TOXICITY": {"scoreType": "STD"}}), None, "scoreType"),
        (_ok_body(requestedAttributes={"TOXICITY": {"foo": 1}}), None, "foo"),
        (_ok_body(languages=["de"]), "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE", "de"),
        (_ok_body(languages="en"), None, "languages"),
        (_ok_body(comment={"text": ""}), "COMMENT_EMPTY", "non-empty"),
        (_ok_body(comment={"text": " \n "}), "COMMENT_EMPTY", "non-empty"),
        (_ok_body(comment={"text": 42}), "COMMENT_EMPTY", "non-empty"),
        (_ok_body(comment="Hello"), "COMMENT_EMPTY", "comment"),
        (_ok_body(comment={"text": "a", "type": "HTML"}), None, "PLAIN_TEXT"),
        (_ok_body(comment={"text": "a", "extra": 1}), None, "extra"),
        (_ok_body(comment={"text": "é" * (MAX_TEXT_BYTES // 2 + 1)}), "COMMENT_TOO_LONG", "long"),
        (_ok_body(comment={"text": "a" * 65536}), "COMMENT_TOO_LONG", "long"),
        (_ok_body(unknownField=True), None, "unknownField"),
        ({"comment": {"text": "Hello"}}, None, "requestedAttributes"),
    ],
)
def test_analyze_rejects_like_perspective(
    client: httpx.Client, body: Any, error_type: str | None, fragment: str
) -> None:
    response = analyze(client, body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == 400
    assert error["status"] == "INVALID_ARGUMENT"
    assert fragment in error["message"]
    if error_type:
        assert error["details"][0]["errorType"] == error_type


@pytest.mark.parametrize(
    ("key", "status", "google_status"),
    [
        (None, 403, "PERMISSION_DENIED"),
        ("", 403, "PERMISSION_DENIED"),
        ("bad", 400, "INVALID_ARGUMENT"),
    ],
)
def test_analyze_key(
    client: httpx.Client, key: str | None, status: int, google_status: str
) -> None:
    response = analyze(client, _ok_body(), key=key)
    assert response.status_code == status
    assert response.json()["error"]["status"] == google_status


def test_analyze_key_header(client: httpx.Client) -> None:
    response = client.post(
        "/v1alpha1/comments:analyze", json=_ok_body(), headers={"X-Goog-Api-Key": KEY}
    )
    assert response.status_code == 200


def test_analyze_bad_json(client: httpx.Client) -> None:
    response = client.post(
        f"/v1alpha1/comments:analyze?key={KEY}",
        content=b"{oops",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["status"] == "INVALID_ARGUMENT"


def test_analyze_head_missing_from_model() -> None:
    with serve(scorer=FixedScorer({"spam": 0.1, "toxicity": 0.2})) as (client, _):
        ok = analyze(client, _ok_body())
        assert ok.status_code == 200
        missing = analyze(client, _ok_body(requestedAttributes={"THREAT": {}}))
        assert missing.status_code == 400
        assert missing.json()["error"]["details"][0]["errorType"] == (
            "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"
        )


def test_analyze_stores_nothing(server: tuple[httpx.Client, Moderator]) -> None:
    client, moderator = server
    before = len(moderator.store)
    assert analyze(client, _ok_body()).status_code == 200
    assert len(moderator.store) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   ", []),
        ("One sentence", ["One sentence"]),
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("Wait... what?! Yes.", ["Wait...", "what?!", "Yes."]),
        ("Version 3.5 is out. Great", ["Version 3.5 is out.", "Great"]),
        ("Il a dit « non ». Puis il est parti", ["Il a dit « non ».", "Puis il est parti"]),
        ('He said "stop." Then left', ['He said "stop."', "Then left"]),
        ("line one\nline two\n\nline three", ["line one", "line two", "line three"]),
        ("Emoji 🎉. Привет мир! 你好。再见", ["Emoji 🎉.", "Привет мир!", "你好。", "再见"]),
        ("trailing spaces.   ", ["trailing spaces."]),
    ],
)
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert [text[b:e] for b, e in sentence_spans(text)] == expected


def test_sentence_spans_are_bounded_and_cover_the_rest() -> None:
    text = "Short. " * 10_000
    spans = sentence_spans(text, limit=5)
    assert len(spans) == 5
    assert spans[-1][1] == len(text.rstrip())
    huge = "x" * 100_000
    assert sentence_spans(huge) == [(0, 100_000)]


@pytest.mark.parametrize(
    "charset", ["no-such-charset", "rot13", "base64", "nul\x00", "x" * 500, "utf-16", "latin-1"]
)
def test_odd_blog_charsets_are_answered(client: httpx.Client, charset: str) -> None:
    response = client.post("/1.1/comment-check", data=comment(blog_charset=charset))
    assert response.status_code == 200
    assert response.text in {"true", "false", "invalid"}
