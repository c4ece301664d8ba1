"""Hardening: hostile texts at the length limit, over-limit input, HTML safety of public output.

The worst cases come from ``bench/worst_cases.py`` (which times them); here they are checked for
behaviour only: a decision comes out, its public parts are safe to put in a page, and anything over
a limit is refused before normalisation or scoring. No test here asserts a duration.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import modkit._submission as submission_module
from modkit import Action, MemoryStore, Moderator, PublicComment, ValidationError, validate
from modkit._errors import ModelError
from modkit._model import default_model_path
from modkit._submission import LIMITS
from modkit._text import MAX_CHARS, find_links, normalize, normalize_text
from modkit.testing import FixedScorer

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
wc = importlib.import_module("bench.worst_cases")
SIZE: int = wc.SIZE
form = wc.form
over_limit_forms = wc.over_limit_forms
site_policy = wc.site_policy

SECRET = "hardening-secret-0123456789abcdef"
WORST: dict[str, str] = wc.worst_cases()

try:
    default_model_path()
    HAVE_MODEL = True
except ModelError:
    HAVE_MODEL = False


@pytest.fixture(scope="module")
def rules_mod() -> Iterator[Moderator]:
    mod = Moderator(rules_only=True, policy=site_policy(), secret=SECRET, store=MemoryStore())
    yield mod
    mod.close()


@pytest.fixture(scope="module")
def model_mod() -> Iterator[Moderator]:
    if not HAVE_MODEL:
        pytest.skip("no shipped model in models/default")
    mod = Moderator(policy=site_policy(), secret=SECRET, store=MemoryStore())
    yield mod
    mod.close()


# -- safe HTML ---------------------------------------------------------------------------------


class _Tags(HTMLParser):
    """Collects every start tag with its attributes, and comments/declarations (never allowed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.other: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_comment(self, data: str) -> None:
        self.other.append("comment")

    def handle_decl(self, decl: str) -> None:
        self.other.append("decl")

    def handle_pi(self, data: str) -> None:
        self.other.append("pi")


def assert_safe_html(comment: PublicComment) -> None:
    """The public HTML holds only <p>, <br> and one <a href=http(s) rel="nofollow ugc ...">."""
    parser = _Tags()
    parser.feed(comment.html() + "\n" + comment.author_html())
    parser.close()
    assert parser.other == []
    for tag, attrs in parser.tags:
        assert tag in {"p", "br", "a"}, tag
        if tag == "a":
            assert set(attrs) == {"href", "rel"}, attrs
            href = attrs["href"] or ""
            assert href == comment.url
            assert href.startswith(("http://", "https://")), href
            assert {"nofollow", "ugc"} <= set((attrs["rel"] or "").split())
        else:
            assert attrs == {}, attrs
    assert sum(tag == "a" for tag, _ in parser.tags) == (1 if comment.url else 0)
    for escaped in (comment.escaped_text, comment.escaped_author):
        assert "<" not in escaped
        assert '"' not in escaped
        assert "'" not in escaped


def assert_decision_sound(decision: Any) -> None:
    assert decision.action in set(Action)
    assert decision.reasons, "every decision says why"
    assert len(decision.comment.text) <= LIMITS["text"]
    json.dumps(decision.to_dict())
    assert_safe_html(decision.comment)


# -- worst cases at the limit --------------------------------------------------------------------


def test_the_worst_cases_are_at_the_limit() -> None:
    assert len(WORST) >= 25
    assert {len(text) for text in WORST.values()} == {LIMITS["text"]}
    # Two limits defined apart: what validation admits, normalisation reads whole (none is cut).
    assert LIMITS["text"] == MAX_CHARS


@pytest.mark.parametrize("name", list(WORST))
def test_worst_case_rules_only(rules_mod: Moderator, name: str) -> None:
    decision = rules_mod.check(form(WORST[name]), record=False)
    assert_decision_sound(decision)
    assert decision.action is not Action.ACCEPT or "unscored" not in decision.codes


@pytest.mark.parametrize("name", list(WORST))
def test_worst_case_with_the_shipped_model(model_mod: Moderator, name: str) -> None:
    decision = model_mod.check(form(WORST[name]), record=False)
    assert_decision_sound(decision)
    assert set(decision.scores) >= {"spam", "toxicity"}
    assert all(0.0 <= v <= 1.0 for v in decision.scores.values())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("10,000 bare URLs", Action.HOLD),  # max_links = 2
        ("URLs with scheme and path", Action.HOLD),
        ("huge BBCode [url]", Action.HOLD),
        ("nested markup <a><a>...", Action.HOLD),
    ],
)
def test_worst_link_cases_are_not_accepted(
    rules_mod: Moderator, name: str, expected: Action
) -> None:
    decision = rules_mod.check(form(WORST[name]), record=False)
    assert decision.action.severity >= expected.severity
    assert "too_many_links" in decision.codes


@pytest.mark.parametrize("name", list(WORST))
def test_worst_case_normalisation_invariants(name: str) -> None:
    text = WORST[name]
    full = normalize(text)
    assert normalize_text(text) == full.text
    assert len(full.offsets) == len(full.text) + 1
    assert full.offsets[-1] == len(text)
    assert list(full.offsets) == sorted(full.offsets)
    for a, b in find_links(text):
        assert 0 <= a < b <= len(text)


@pytest.mark.parametrize(
    ("name", "field", "code"),
    [
        ("10 MB text (str)", "text", "too_long"),
        ("10 MB text (bytes)", "text", "too_long"),
        ("text at 4 x limit + 1,024", "text", "too_long"),
        ("text at limit + 1", "text", "too_long"),
        ("10 MB name", "name", "too_long"),
        ("10 MB email", "email", "too_long"),
        ("10 MB url", "url", "too_long"),
        ("10 MB ip", "ip", "invalid"),
        ("10 MB post id", "post_id", "too_long"),
        ("list of 1,000,000 texts", "text", "invalid"),
    ],
)
def test_over_limit_is_refused_before_any_expensive_step(
    monkeypatch: pytest.MonkeyPatch, name: str, field: str, code: str
) -> None:
    cleaned: list[int] = []
    real_clean = submission_module.clean_text

    def spy(value: str, *, multiline: bool = True) -> str:
        cleaned.append(len(value))
        return real_clean(value, multiline=multiline)

    monkeypatch.setattr(submission_module, "clean_text", spy)
    scorer = FixedScorer()
    calls: list[int] = []
    real_many = scorer.score_many
    scorer.score_many = lambda texts: calls.append(len(texts)) or real_many(texts)  # type: ignore[method-assign]
    scorer.score = lambda text: calls.append(1) or real_many([text])[0]  # type: ignore[method-assign]
    mod = Moderator(scorer=scorer, secret=SECRET)
    with pytest.raises(ValidationError) as info:
        mod.check(over_limit_forms()[name])
    assert (field, code) in {(e.field, e.code) for e in info.value.errors}
    assert calls == []  # never scored
    assert max(cleaned, default=0) <= 4 * LIMITS["text"] + 1024  # never cleaned megabytes


@pytest.mark.parametrize("name", ["10 MB user agent", "10 MB lang"])
def test_oversized_server_metadata_is_cut_not_refused(rules_mod: Moderator, name: str) -> None:
    decision = rules_mod.check(over_limit_forms()[name], record=False)
    assert_decision_sound(decision)
    sub = validate(over_limit_forms()[name])
    assert sub.user_agent is None or len(sub.user_agent) <= 254
    assert sub.lang in {"fr", "en"}


def test_a_text_exactly_at_the_limit_is_kept_whole(rules_mod: Moderator) -> None:
    text = "é" * (SIZE - 1) + "!"
    decision = rules_mod.check(form(text), record=False)
    assert decision.comment.text == text
    with pytest.raises(ValidationError):
        rules_mod.check(form(text + "x"), record=False)


# -- HTML safety ---------------------------------------------------------------------------------

HOSTILE_MARKUP = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "<a href='javascript:alert(1)'>clic</a>",
    "<!-- comment --><![CDATA[x]]>",
    "&lt;script&gt; déjà échappé &amp;",
    "<iframe srcdoc='<script>alert(1)</script>'>",
    "<<script>script>alert(1)<</script>/script>",
    "javascript:alert(1)",
    "[url=javascript:alert(1)]clic[/url]",
    "<p onclick=alert(1)>\n\n<br>",
    "\u202e<b>gras</b>\u202c 😀 <style>*{}</style>",
    "<?xml version='1.0'?><!DOCTYPE x>",
]


@pytest.mark.parametrize("markup", HOSTILE_MARKUP)
def test_public_html_escapes_text_and_name(rules_mod: Moderator, markup: str) -> None:
    data = {
        "name": markup[:200],
        "email": "a@example.org",
        "text": f"avant {markup}\n\nparagraphe {markup}",
        "url": 'https://example.org/?a=1&b="2"\'<x>',
    }
    decision = rules_mod.check(data, record=False)
    assert_safe_html(decision.comment)
    assert decision.comment.text.startswith("avant ")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "JAVASCRIPT:alert(document.cookie)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "java\x00script:alert(1)",
        "   javascript:alert(1)",
        "\x01\x02javascript:alert(1)",
        "\u200bjavascript:alert(1)",
        "\ufeffjavascript:alert(1)",
        "\u00a0javascript:alert(1)",
        "javascript\u00a0:alert(1)",
        "ｊａｖａｓｃｒｉｐｔ:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "javascript&colon;alert(1)",
        "javascript&#58;alert(1)",
        "%6Aavascript:alert(1)",
        "javascript%3Aalert(1)",
        "javascript://example.com/%0aalert(1)",
        "javascript:alert(1)//.com",
        "javascript:example.com",
        "https:javascript:alert(1)",
        "//javascript:alert(1)",
        "http://javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,x",
        "data:,x",
        "vbscript:msgbox(1)",
        "VbScRiPt:msgbox(1)",
        "file:///etc/passwd",
        "feed:javascript:alert(1)",
        "\\\\evil.example\\x",
        "http://evil.example\\@good.example",
        "http://user:pass@example.org/",
    ],
)
def test_dangerous_websites_never_survive(url: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate({"name": "Ana", "email": "a@example.org", "text": "Bonjour", "url": url})
    assert info.value.codes == {"url": ("invalid",)}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a b", None),  # spaces refused
        ('http://a.example/"onmouseover="alert(1)', "http://a.example/%22onmouseover=%22alert(1)"),
        ("http://a.example/<script>", "http://a.example/%3Cscript%3E"),
        ('http://a.example#"><script>', "http://a.example/#%22%3E%3Cscript%3E"),
        ("javascript.example.org", "http://javascript.example.org/"),  # a host, not a scheme
        ("HTTPS://EXAMPLE.ORG/Path", "https://example.org/Path"),
    ],
)
def test_websites_that_survive_are_inert(url: str, expected: str | None) -> None:
    data = {"name": "Ana", "email": "a@example.org", "text": "Bonjour", "url": url}
    if expected is None:
        with pytest.raises(ValidationError):
            validate(data)
        return
    sub = validate(data)
    assert sub.url == expected
    comment = PublicComment.from_submission(sub, date=_date())
    assert_safe_html(comment)


def _date() -> Any:
    from datetime import UTC, datetime

    return datetime(2024, 6, 1, tzinfo=UTC)
