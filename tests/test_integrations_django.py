"""modkit.integrations.django in a real Django project (tests/django_project, SQLite in a tmp dir).

Comments are posted through django-contrib-comments' own view with Django's test Client; the
registered ``ArticleModerator`` asks modkit, with a FixedScorer keyed on words of the text.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip(
    "django", reason="Django is not installed (pip install 'modkit-moderation[django]')"
)
pytest.importorskip("django_comments", reason="django-contrib-comments is not installed")

from modkit._errors import ConfigError
from modkit._moderator import Moderator
from modkit._policy import Policy
from modkit._store import SQLiteStore
from modkit.testing import FixedScorer

# django-contrib-comments' form builds a URLField without assume_scheme (its issue, not ours).
pytestmark = pytest.mark.filterwarnings("ignore:The default scheme will be changed")

SECRET = "django-integration-test-secret-0123456789"
CANARY = "canary.dj.7f3a@example.org"
LINKS = "too_many_links"
SCORES = {
    "casino": {"spam": 0.99, "toxicity": 0.01},  # reject (spam >= 0.95)
    "promo": {"spam": 0.7, "toxicity": 0.01},  # hold
    "imbécile": {"spam": 0.01, "toxicity": 0.97},  # reject
    "idiot": {"spam": 0.01, "toxicity": 0.6},  # hold
}


@pytest.fixture(scope="module")
def django_env(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Set up the test project once: settings, app registry, tables in a fresh SQLite file."""
    here = str(Path(__file__).parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    os.environ["MODKIT_DJANGO_TEST_DIR"] = str(tmp_path_factory.mktemp("django"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "django_project.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0)


@pytest.fixture
def moderator(django_env: None, tmp_path: Path) -> Iterator[Moderator]:
    """A modkit Moderator with a SQLite store, set on the registered ArticleModerator."""
    from django_project.newsapp.moderation import ArticleModerator

    mod = Moderator(
        scorer=FixedScorer(by_text=SCORES),
        store=SQLiteStore(tmp_path / "modkit.db"),
        secret=SECRET,
        policy=Policy(flood_seconds=0, close_after_days=30),
    )
    ArticleModerator.moderator = mod
    yield mod
    ArticleModerator.moderator = None
    mod.close()


@pytest.fixture
def decisions(django_env: None) -> Iterator[list[Any]]:
    """Every decision_made signal sent during the test: (decision, errors)."""
    from modkit.integrations.django import decision_made

    seen: list[Any] = []

    def grab(sender: Any, decision: Any, errors: Any, **kw: Any) -> None:
        seen.append((decision, errors))

    decision_made.connect(grab)
    yield seen
    decision_made.disconnect(grab)


@pytest.fixture
def article(django_env: None) -> Any:
    from django.utils import timezone
    from django_project.newsapp.models import Article

    return Article.objects.create(
        title="La fibre arrive dans les villages",
        body="Les opérateurs accélèrent le déploiement.",
        published=timezone.now() - timedelta(days=2),
    )


def post_comment(target: Any, *, rendered_ago: int = 30, client: Any = None, **fields: str) -> Any:
    """Post through django-contrib-comments' view, as a browser would after ``rendered_ago`` s."""
    from django.test import Client
    from django.urls import reverse
    from django_comments.forms import CommentForm

    form = CommentForm(target)
    data = form.generate_security_data()
    ts = int(time.time()) - rendered_ago
    data["timestamp"] = str(ts)
    data["security_hash"] = form.initial_security_hash(ts)
    data.update(
        {
            "name": "Camille Martin",
            "email": CANARY,
            "url": "",
            "comment": "Merci pour cet article très clair.",
            "honeypot": "",
        }
    )
    data.update(fields)
    return (client or Client(REMOTE_ADDR="203.0.113.9")).post(
        reverse("comments-post-comment"), data, HTTP_USER_AGENT="Mozilla/5.0 test"
    )


def comments_of(target: Any) -> list[Any]:
    from django_comments.models import Comment

    return list(Comment.objects.filter(object_pk=str(target.pk)).order_by("pk"))


@pytest.mark.parametrize(
    ("text", "status", "is_public", "code"),
    [
        ("Merci pour cet article très clair.", 302, True, None),
        ("Un article clair 🎉 avec un emoji, et du 中文 aussi.", 302, True, None),
        ("Offre promo exceptionnelle aujourd'hui", 302, False, "spam"),
        ("Quel idiot ce ministre", 302, False, "toxicity"),
        ("Le meilleur casino en ligne", 400, None, None),
        ("Espèce d'imbécile", 400, None, None),
        (
            "Voir https://a.example https://b.example https://c.example",
            302,
            False,
            "too_many_links",
        ),
    ],
)
def test_post_through_view(
    moderator: Moderator,
    article: Any,
    decisions: list[Any],
    text: str,
    status: int,
    is_public: bool | None,
    code: str | None,
) -> None:
    response = post_comment(article, comment=text)
    assert response.status_code == status
    saved = comments_of(article)
    [(decision, errors)] = decisions
    assert errors == ()
    if is_public is None:  # modkit rejected: allow() False, nothing saved
        assert saved == []
        assert decision.action == "reject"
        return
    assert len(saved) == 1
    assert saved[0].is_public is is_public
    assert decision.action == ("accept" if is_public else "hold")
    if code is not None:
        assert code in decision.codes


def test_accepted_comment_is_on_the_page_held_is_not(moderator: Moderator, article: Any) -> None:
    from django.test import Client

    post_comment(article, comment="Bravo pour l'enquête sur la fibre.")
    post_comment(article, comment="Offre promo sur les box", name="Vendeur")
    html = Client().get(article.get_absolute_url()).content.decode()
    assert "Bravo pour l&#x27;enquête sur la fibre." in html
    assert "Offre promo" not in html
    assert CANARY not in html


def test_decision_kept_on_comment_and_sent_by_signal(moderator: Moderator, article: Any) -> None:
    from django_comments.signals import comment_was_posted

    from modkit.integrations.django import decision_made

    sent: list[dict[str, Any]] = []
    posted: list[Any] = []

    def on_decision(sender: Any, **kw: Any) -> None:
        sent.append(kw)

    def on_posted(sender: Any, comment: Any, **kw: Any) -> None:
        posted.append(comment.modkit_decision)

    decision_made.connect(on_decision)
    comment_was_posted.connect(on_posted)
    try:
        post_comment(article, comment="Offre promo sur les box")
    finally:
        decision_made.disconnect(on_decision)
        comment_was_posted.disconnect(on_posted)
    assert len(sent) == 1  # checked once although allow() and moderate() both ran
    decision = sent[0]["decision"]
    assert decision is posted[0]
    assert decision.action == "hold"
    assert "spam" in decision.codes
    assert decision.comment.post_id == f"newsapp.article:{article.pk}"
    assert decision.comment.author == "Camille Martin"
    assert CANARY not in json.dumps(decision.to_dict())
    # The decision id is usable for moderator feedback, which trusts the author.
    moderator.feedback(decision.id, "ham")
    assert [f.verdict for f in moderator.store.feedback()] == ["ham"]


def test_too_fast_form_is_held(moderator: Moderator, article: Any, decisions: list[Any]) -> None:
    response = post_comment(article, rendered_ago=0)
    assert response.status_code == 302
    assert comments_of(article)[0].is_public is False
    assert "too_fast" in decisions[0][0].codes


def test_closed_thread_rejected(moderator: Moderator, django_env: None) -> None:
    from django.utils import timezone
    from django_project.newsapp.models import Article

    old = Article.objects.create(title="Vieux", body="x", published=timezone.now() - timedelta(90))
    assert post_comment(old).status_code == 400
    assert comments_of(old) == []


def test_disabled_comments_refused_before_modkit(moderator: Moderator, django_env: None) -> None:
    from django.utils import timezone
    from django_project.newsapp.models import Article

    closed = Article.objects.create(
        title="Fermé", body="x", published=timezone.now(), enable_comments=False
    )
    scorer = moderator.scorer
    assert isinstance(scorer, FixedScorer)
    before = len(scorer.calls)
    assert post_comment(closed).status_code == 400
    assert len(scorer.calls) == before  # CommentModerator's enable_field answered first


def test_url_django_accepts_but_modkit_refuses_is_held(
    moderator: Moderator, article: Any, decisions: list[Any]
) -> None:
    response = post_comment(article, url="ftp://files.example.org/")
    assert response.status_code == 302
    assert comments_of(article)[0].is_public is False
    [(decision, errors)] = decisions
    assert decision is None
    assert [(e.field, e.code) for e in errors] == [("url", "invalid")]


def test_invalid_comment_refused_when_hold_invalid_off(
    moderator: Moderator, article: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django_project.newsapp.moderation import ArticleModerator

    monkeypatch.setattr(ArticleModerator, "hold_invalid", False)
    assert post_comment(article, url="ftp://files.example.org/").status_code == 400
    assert comments_of(article) == []


def test_logs_never_carry_the_email(
    moderator: Moderator, article: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for text in ("Très bien", "Offre promo", "casino royal", "idiot"):
        post_comment(article, comment=text, url="ftp://x.example.org/")
        post_comment(article, comment=text)
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("modkit")]
    assert any("decision=" in m for m in messages)
    assert any("url:invalid" in m for m in messages)
    for record in caplog.records:
        assert CANARY not in record.getMessage()
        assert "203.0.113.9" not in record.getMessage()


def test_default_moderator_from_settings_is_rules_only(django_env: None, article: Any) -> None:
    """Without ArticleModerator.moderator, settings.MODKIT (RULES_ONLY) builds one: held."""
    from modkit.integrations.django import clear_default_moderator, default_moderator

    clear_default_moderator()
    try:
        assert post_comment(article).status_code == 302
        assert comments_of(article)[0].is_public is False  # unscored: uncertain means hold
        assert default_moderator().rules_only
    finally:
        clear_default_moderator()


@pytest.mark.parametrize(
    "conf",
    [
        {"RULES_ONLY": True, "SECRET": SECRET, "NOPE": 1},
        ["RULES_ONLY"],
        {"RULES_ONLY": True, "SECRET": SECRET, "POLICY": {"max_links": "two"}},
    ],
)
def test_bad_settings_are_config_errors(django_env: None, conf: Any) -> None:
    from django.test import override_settings

    from modkit.integrations.django import clear_default_moderator, default_moderator

    clear_default_moderator()
    with override_settings(MODKIT=conf), pytest.raises(ConfigError):
        default_moderator()
    clear_default_moderator()


def test_settings_store_and_policy(django_env: None, tmp_path: Path) -> None:
    from django.test import override_settings

    from modkit.integrations.django import clear_default_moderator, default_moderator

    clear_default_moderator()
    conf = {
        "RULES_ONLY": True,
        "SECRET": SECRET,
        "STORE": str(tmp_path / "s.db"),
        "POLICY": {"max_links": 5},
    }
    try:
        with override_settings(MODKIT=conf):
            mod = default_moderator()
            assert isinstance(mod.store, SQLiteStore)
            assert mod.policy.max_links == 5
            assert default_moderator() is mod
    finally:
        clear_default_moderator()


def test_policy_setting_pointing_at_a_server_config_says_how(
    django_env: None, tmp_path: Path
) -> None:
    from django.test import override_settings

    from modkit import Policy
    from modkit.integrations.django import clear_default_moderator, default_moderator

    server_config = tmp_path / "modkit.toml"
    server_config.write_text("[server]\nport = 8080\n\n[policy]\nmax_links = 7\n", "utf-8")
    conf = {"RULES_ONLY": True, "SECRET": SECRET, "POLICY": str(server_config)}
    clear_default_moderator()
    try:
        with override_settings(MODKIT=conf), pytest.raises(ConfigError) as info:
            default_moderator()
        assert 'table="policy"' in str(info.value)
        assert "modkit serve" in str(info.value)
        clear_default_moderator()
        fixed = {**conf, "POLICY": Policy.from_toml(server_config, table="policy")}
        with override_settings(MODKIT=fixed):
            assert default_moderator().policy.max_links == 7
        clear_default_moderator()
        policy_file = tmp_path / "policy.toml"
        policy_file.write_text("max_links = 9\nnope = 1\n", "utf-8")
        typo = {**conf, "POLICY": str(policy_file)}
        with override_settings(MODKIT=typo), pytest.raises(ConfigError) as plain:
            default_moderator()
        assert "table=" not in str(plain.value)  # a mere typo gets the policy's own message
    finally:
        clear_default_moderator()
