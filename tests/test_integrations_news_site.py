"""The demo site (examples/news_site) through Flask's test client: form, decisions, moderation."""

from __future__ import annotations

import html
import importlib.util
import re
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from markupsafe import escape

from modkit import Action, Moderator, Policy, SQLiteStore
from modkit._messages import field_message
from modkit.testing import FixedScorer

flask = pytest.importorskip(
    "flask", reason="Flask is not installed (pip install 'modkit-moderation[flask]')"
)

APP_PATH = Path(__file__).resolve().parents[1] / "examples" / "news_site" / "app.py"
SECRET = "news-site-test-secret-0123456789abcdef"
CANARY = "lecteur.canary.4411@example.org"
PASSWORD = "mot-de-passe-de-test"
SPAM = "Gagnez 500 € par jour : http://a.example http://b.example http://c.example"
INSULT = "Quel crétin, cet article"


def load_site() -> ModuleType:
    """Import examples/news_site/app.py as a module (it is not a package)."""
    name = "news_site_app"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, APP_PATH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


site = load_site()


def make_moderator(tmp_path: Path, **policy: Any) -> Moderator:
    policy = {"min_seconds": 0, "flood_seconds": 0, **policy}
    return Moderator(
        scorer=FixedScorer(by_text=site.TOY_SCORES),
        store=SQLiteStore(tmp_path / "modkit.db"),
        secret=SECRET,
        policy=Policy(**policy),
    )


class Visitor:
    """A browser-like session on the site that remembers every page it saw."""

    def __init__(self, app: Any) -> None:
        self.client = app.test_client()
        self.pages: list[str] = []

    def get(self, url: str) -> Any:
        response = self.client.get(url, follow_redirects=True)
        self.pages.append(response.get_data(as_text=True))
        return response

    def token(self, url: str) -> tuple[str, str]:
        page = self.get(url).get_data(as_text=True)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
        stamp = re.search(r'name="stamp" value="([^"]+)"', page)
        return (csrf.group(1) if csrf else "", stamp.group(1) if stamp else "")

    def post(self, url: str, data: dict[str, str], *, follow: bool = True) -> Any:
        response = self.client.post(url, data=data, follow_redirects=follow)
        self.pages.append(response.get_data(as_text=True))
        return response

    def comment(self, **fields: str) -> Any:
        url = "/articles/fibre-villages-2026"
        csrf, stamp = self.token(url)
        data = {
            "csrf_token": csrf,
            "stamp": stamp,
            "author": "Camille",
            "email": CANARY,
            "url": "",
            "comment": "Merci pour ce reportage très complet.",
            "adresse": "",
            **fields,
        }
        return self.post(url + "/commentaires", data)

    def login(self, password: str = PASSWORD) -> Any:
        csrf, _ = self.token("/moderation/connexion")
        return self.post("/moderation/connexion", {"csrf_token": csrf, "password": password})

    def judge(self, comment_id: int, verdict: str) -> Any:
        csrf, _ = self.token("/moderation")
        return self.post(f"/moderation/{comment_id}", {"csrf_token": csrf, "verdict": verdict})


@pytest.fixture
def moderator(tmp_path: Path) -> Moderator:
    return make_moderator(tmp_path)


@pytest.fixture
def visitor(moderator: Moderator, tmp_path: Path) -> Visitor:
    return Visitor(site.create_app(moderator=moderator, data_dir=tmp_path, password=PASSWORD))


def held_ids(page: str) -> list[int]:
    return [int(x) for x in re.findall(r'id="held-(\d+)"', page)]


def test_article_page_has_the_familiar_form(visitor: Visitor) -> None:
    response = visitor.get("/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    for text in (
        "Laissez un commentaire",
        "Votre adresse mail ne sera pas publiée.",
        'Nom <span class="required">*</span>',
        'E-mail <span class="required">*</span>',
        ">Site web</label>",
        'Commentaire <span class="required">*</span>',
    ):
        assert text in page
    assert "Content-Security-Policy" in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "text",
    [
        "Merci pour ce reportage très complet.",
        "Enfin ! 🎉 Ici on attend depuis 2019. Ελληνικά, русский, 中文 : tout s'affiche.",
        "<script>alert('x')</script> & « guillemets »",
    ],
)
def test_accepted_comment_appears_escaped_without_email(visitor: Visitor, text: str) -> None:
    response = visitor.comment(comment=text, url="https://camille.example.org/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Votre commentaire est publié" in page
    assert html.escape(text, quote=True) in page  # PublicComment.html()
    assert "<script>alert" not in page
    assert 'href="https://camille.example.org/" rel="nofollow ugc noopener"' in page
    assert CANARY not in page


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"email": ""}, [("email", "required")]),
        ({"email": "pas-une-adresse@"}, [("email", "invalid")]),
        ({"author": " ", "comment": "\n"}, [("name", "required"), ("text", "required")]),
        ({"url": "javascript:alert(1)"}, [("url", "invalid")]),
        ({"comment": "x" * 65536}, [("text", "too_long")]),
    ],
)
def test_invalid_form_shows_french_errors_by_the_fields(
    visitor: Visitor, fields: dict[str, str], errors: list[tuple[str, str]]
) -> None:
    response = visitor.comment(**fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Votre commentaire n'a pas été envoyé" in page
    for field, code in errors:
        message = field_message(field, code, "fr", max=65525)
        assert f'<p class="field-error" id="error-{field}">{escape(message)}</p>' in page
    if ("name", "required") not in errors:
        assert 'value="Camille"' in page  # what was typed is kept...
    assert 'name="email" type="email" value=""' in page  # ...except the email
    assert CANARY not in page
    assert "pas-une-adresse" not in page


def test_insult_rejected_with_the_reason(visitor: Visitor, tmp_path: Path) -> None:
    response = visitor.comment(comment=INSULT)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Votre commentaire a été refusé." in page
    (tmp_path / "probe").mkdir()
    probe = make_moderator(tmp_path / "probe")
    expected = probe.check({"name": "X", "email": "x@example.org", "text": INSULT}, record=False)
    assert expected.action is Action.REJECT
    for reason in expected.reasons:
        if reason.action is Action.REJECT:
            assert escape(reason.message) in page
    assert INSULT not in visitor.get("/").get_data(as_text=True).split("commentaires</h2>")[1]


def test_spam_held_then_marked_spam(visitor: Visitor, moderator: Moderator) -> None:
    page = visitor.comment(comment=SPAM, author="Promo").get_data(as_text=True)
    assert "en attente de modération" in page
    assert "liens" in page  # the too_many_links reason is explained
    assert "Gagnez 500" not in page  # not published
    assert visitor.get("/moderation").request.path == "/moderation/connexion"
    assert visitor.login("mauvais").status_code == 401
    queue = visitor.login().get_data(as_text=True)
    assert "Gagnez 500" in queue
    [held] = held_ids(queue)
    after = visitor.judge(held, "spam").get_data(as_text=True)
    assert "Commentaire marqué comme spam." in after
    assert held_ids(after) == []
    assert [f.verdict for f in moderator.store.feedback()] == ["spam"]
    assert "Gagnez 500" not in visitor.get("/").get_data(as_text=True)


def test_approved_comment_is_published_and_author_trusted(
    tmp_path: Path,
) -> None:
    mod = make_moderator(tmp_path, require_approved_author=True)
    visitor = Visitor(site.create_app(moderator=mod, data_dir=tmp_path, password=PASSWORD))
    first = visitor.comment(comment="Premier message, bonjour à tous")
    assert "en attente" in first.get_data(as_text=True)
    queue = visitor.login().get_data(as_text=True)
    [held] = held_ids(queue)
    visitor.judge(held, "ham")
    assert "Premier message, bonjour" in visitor.get("/").get_data(as_text=True)
    second = visitor.comment(comment="Deuxième message, publié directement")
    assert "Votre commentaire est publié" in second.get_data(as_text=True)
    assert [f.verdict for f in mod.store.feedback()] == ["ham"]


def test_toxic_verdict(tmp_path: Path) -> None:
    mod = Moderator(
        scorer=FixedScorer(by_text={"pas très malin": {"spam": 0.02, "toxicity": 0.6}}),
        store=SQLiteStore(tmp_path / "modkit.db"),
        secret=SECRET,
        policy=Policy(min_seconds=0, flood_seconds=0),
    )
    visitor = Visitor(site.create_app(moderator=mod, data_dir=tmp_path, password=PASSWORD))
    visitor.comment(comment="L'auteur n'est pas très malin")  # toxicity 0.6: held
    [held] = held_ids(visitor.login().get_data(as_text=True))
    after = visitor.judge(held, "toxic").get_data(as_text=True)
    assert "Commentaire marqué comme toxique." in after
    assert [f.verdict for f in mod.store.feedback()] == ["toxic"]
    assert "pas très malin" not in visitor.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("fields", "action"),
    [
        ({"adresse": "http://bot.example"}, "refusé"),  # honeypot
        ({"stamp": "123.forged"}, "en attente"),  # forged render time counts as too fast
        ({"stamp": ""}, "en attente"),
    ],
)
def test_traps_and_render_time(tmp_path: Path, fields: dict[str, str], action: str) -> None:
    mod = make_moderator(tmp_path, min_seconds=3)
    visitor = Visitor(site.create_app(moderator=mod, data_dir=tmp_path, password=PASSWORD))
    page = visitor.comment(**fields).get_data(as_text=True)
    assert action in page


def test_genuine_render_time_passes_the_too_fast_rule(tmp_path: Path) -> None:
    mod = make_moderator(tmp_path, min_seconds=3)
    app = site.create_app(moderator=mod, data_dir=tmp_path, password=PASSWORD)
    visitor = Visitor(app)
    ts = int(time.time()) - 30
    with app.test_request_context():
        stamp = f"{ts}.{site._sign('fibre-villages-2026', ts)}"
    page = visitor.comment(stamp=stamp).get_data(as_text=True)
    assert "Votre commentaire est publié" in page


@pytest.mark.parametrize(
    ("url", "data", "login", "status"),
    [
        ("/articles/fibre-villages-2026/commentaires", {"comment": "x"}, False, 400),  # no csrf
        ("/articles/inconnu/commentaires", {}, False, 404),
        ("/moderation/1", {"verdict": "spam"}, False, 403),
        ("/moderation/999", {"verdict": "spam"}, True, 404),
        ("/moderation/1", {"verdict": "supprimer"}, True, 400),
    ],
)
def test_refusals(
    visitor: Visitor, url: str, data: dict[str, str], login: bool, status: int
) -> None:
    if login:
        visitor.login()
        data = {**data, "csrf_token": visitor.token("/moderation")[0]}
    assert visitor.post(url, data, follow=False).status_code == status


def test_email_never_in_any_page(visitor: Visitor) -> None:
    visitor.comment()
    visitor.comment(comment=SPAM)
    visitor.comment(comment=INSULT)
    visitor.comment(email="")
    visitor.comment(email=CANARY.upper())
    visitor.login()
    visitor.get("/moderation")
    assert len(visitor.pages) > 10
    for page in visitor.pages:
        assert CANARY not in page.lower()
        assert "canary" not in page.lower()


def test_rules_only_site_holds_everything(tmp_path: Path) -> None:
    mod = site.build_moderator(tmp_path, rules_only=True, policy=Policy(min_seconds=0))
    visitor = Visitor(site.create_app(moderator=mod, data_dir=tmp_path, password=PASSWORD))
    assert "en attente de modération" in visitor.comment().get_data(as_text=True)
    assert (tmp_path / "modkit_secret").stat().st_mode & 0o077 == 0


def test_main_reports_missing_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if (APP_PATH.parents[2] / "models" / "default" / "manifest.json").exists():
        pytest.skip("the default model exists: main() would start serving")
    assert site.main(["--data-dir", str(tmp_path), "--port", "0"]) == 2
    assert "--rules-only" in capsys.readouterr().err


def test_main_reports_a_bad_policy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "policy.toml"
    bad.write_text("max_linkz = 3\n", encoding="utf-8")
    assert site.main(["--rules-only", "--policy", str(bad), "--data-dir", str(tmp_path)]) == 2
    assert "max_linkz" in capsys.readouterr().err


def test_demo_with_the_default_model(tmp_path: Path) -> None:
    if not (APP_PATH.parents[2] / "models" / "default" / "manifest.json").exists():
        pytest.skip("models/default/manifest.json does not exist yet (no trained model shipped)")
    mod = site.build_moderator(tmp_path, policy=Policy(min_seconds=0, flood_seconds=0))
    assert mod.scorer is not None
    visitor = Visitor(site.create_app(moderator=mod, data_dir=tmp_path, password=PASSWORD))
    page = visitor.comment(comment="Merci pour cet article, très intéressant.").get_data(
        as_text=True
    )
    assert "Votre commentaire a été refusé" not in page
    assert CANARY not in page
