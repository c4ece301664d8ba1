"""End to end: the demo news site (examples/news_site) driven in a real headless Chromium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``apt-get install -y chromium
chromium-driver``) and the ``selenium`` package; skipped with a reason otherwise. The site runs as
a subprocess on a free loopback port with the demo's keyword scorer (``--toy-scorer``), so the
outcome does not depend on the trained model. Screenshots go to ``$MODKIT_SCREENSHOTS`` when set
(``docs/screenshots`` is made that way), else to a temporary directory.
"""

from __future__ import annotations

import os
import re
import selectors
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from modkit import Action, Moderator, Policy, SQLiteStore
from modkit._messages import field_message
from modkit.testing import FixedScorer

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
if not (CHROMIUM and CHROMEDRIVER):
    if os.environ.get("MODKIT_REQUIRE_BROWSER"):  # CI installs them: a skip there would hide a gap
        raise RuntimeError("MODKIT_REQUIRE_BROWSER is set but chromium/chromedriver are missing")
    pytest.skip(
        "chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)",
        allow_module_level=True,
    )
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = pytest.mark.slow  # a browser and a server process

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "examples" / "news_site" / "app.py"
PASSWORD = "e2e-mot-de-passe"
SECRET = "e2e-browser-test-secret-0123456789abcdef"
CANARY = "navigateur.canary.2718@example.org"
SPAM = "Gagnez 500 € par jour depuis chez vous : http://a.example http://b.example http://c.example"
INSULT = "Quel crétin, ce journaliste"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("news_site")


@pytest.fixture(scope="module")
def site(data_dir: Path) -> Iterator[str]:
    """Start the demo on a free loopback port; yield its base URL; stop it."""
    policy = data_dir / "policy.toml"
    # Every comment comes from 127.0.0.1 within seconds: no flood rule, no render-time rule here.
    policy.write_text("flood_seconds = 0\nmin_seconds = 0\n", encoding="utf-8")
    cmd = [
        sys.executable,
        str(APP),
        "--toy-scorer",
        "--policy",
        str(policy),
        "--data-dir",
        str(data_dir),
        "--port",
        "0",
        "--password",
        PASSWORD,
    ]
    env = {**os.environ, "MODKIT_SECRET": SECRET, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT
    )
    assert proc.stdout is not None
    url = None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + 30
    seen = []
    while url is None and time.monotonic() < deadline and proc.poll() is None:
        if sel.select(timeout=0.5):
            line = proc.stdout.readline()
            seen.append(line)
            match = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
            url = match.group(1) if match else None
    sel.close()
    if url is None:
        proc.kill()
        pytest.fail(f"the demo did not start: {''.join(seen)[-2000:]}")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    proc.stdout.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1000,1400",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("MODKIT_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def snap(driver: Any, folder: Path, name: str) -> None:
    """Save a full-page screenshot ``name``.png."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1000, max(600, min(int(height) + 140, 4000)))
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(folder / f"{name}.png"))
    driver.set_window_size(1000, 1400)


def page(driver: Any) -> str:
    """The page's HTML, checked never to contain a commenter's email."""
    source: str = driver.page_source
    assert CANARY not in source.lower()
    assert "canary" not in source.lower()
    return source


def open_article(driver: Any, base: str) -> None:
    driver.get(base + "/")
    _wait(driver).until(ec.presence_of_element_located((By.ID, "commentform")))
    page(driver)


def _wait(driver: Any) -> Any:
    """A 10 s wait that retries through navigation: Chromium can answer a poll made while a
    page is being replaced with an "unknown error" instead of a missing or stale element."""
    from selenium.common.exceptions import WebDriverException

    return WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,))


def submit_comment(
    driver: Any, base: str, *, text: str, name: str, email: str, url: str = ""
) -> None:
    open_article(driver, base)
    driver.find_element(By.ID, "comment").send_keys(text)
    driver.find_element(By.ID, "author").send_keys(name)
    if email:
        driver.find_element(By.ID, "email").send_keys(email)
    if url:
        driver.find_element(By.ID, "url").send_keys(url)
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, "submit").click()
    _wait(driver).until(lambda _driver: _is_stale(old))


def _is_stale(element: Any) -> bool:
    """Whether the page holding ``element`` was replaced. Chromium sometimes reports a replaced
    node as an "unknown error" (node does not belong to the document) rather than as a stale
    element, mid-navigation: both mean the page is gone."""
    from selenium.common.exceptions import WebDriverException

    try:
        element.is_enabled()
    except WebDriverException:
        return True
    return False


def comment_texts(driver: Any) -> list[str]:
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#commentaires .comment-text")]


def expected_reasons(text: str) -> list[str]:
    """The reject messages modkit gives this text with the demo's scorer (not hard-coded)."""
    mod = Moderator(scorer=FixedScorer(by_text=_toy_scores()), secret=SECRET, policy=Policy())
    decision = mod.check({"name": "X", "email": "x@example.org", "text": text}, record=False)
    assert decision.action is Action.REJECT
    return [r.message for r in decision.reasons if r.action is Action.REJECT]


def _toy_scores() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("news_site_app_e2e", APP)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.TOY_SCORES


def test_article_page(browser: Any, site: str, shots: Path) -> None:
    open_article(browser, site)
    body = browser.find_element(By.TAG_NAME, "body").text
    for text in ("Laissez un commentaire", "Votre adresse mail ne sera pas publiée."):
        assert text in body
    labels = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#commentform label")]
    assert labels[:4] == ["Commentaire *", "Nom *", "E-mail *", "Site web"]
    snap(browser, shots, "01-article")


def test_good_comment_appears(browser: Any, site: str, shots: Path) -> None:
    text = "Enfin ! Chez nous la fibre est arrivée en septembre, 900 Mbit/s mesurés 🎉"
    submit_comment(
        browser, site, text=text, name="Martine L.", email=CANARY, url="https://martine.example.org"
    )
    notice = browser.find_element(By.CSS_SELECTOR, ".notice-success").text
    assert "Votre commentaire est publié" in notice
    assert text in comment_texts(browser)
    author = browser.find_element(By.CSS_SELECTOR, "#commentaires .comment-author a")
    assert author.text == "Martine L."
    assert author.get_attribute("rel") == "nofollow ugc noopener"
    page(browser)
    snap(browser, shots, "02-accepted")


def test_missing_email_shows_the_french_error(browser: Any, site: str, shots: Path) -> None:
    submit_comment(browser, site, text="J'ai oublié mon adresse", name="Paul", email="")
    error = browser.find_element(By.ID, "error-email").text
    assert error == field_message("email", "required", "fr")
    assert browser.find_element(By.ID, "author").get_attribute("value") == "Paul"
    assert (
        browser.find_element(By.ID, "comment").get_attribute("value") == "J'ai oublié mon adresse"
    )
    assert "J'ai oublié mon adresse" not in comment_texts(browser)
    page(browser)
    snap(browser, shots, "03-missing-email")


def test_insult_rejected_with_the_reason(browser: Any, site: str, shots: Path) -> None:
    submit_comment(browser, site, text=INSULT, name="Anonyme", email=CANARY)
    decision = browser.find_element(By.ID, "decision").text
    assert "Votre commentaire a été refusé." in decision
    for message in expected_reasons(INSULT):
        assert message in decision
    assert INSULT not in comment_texts(browser)
    page(browser)
    snap(browser, shots, "04-rejected")


def test_spam_held_then_marked_spam(browser: Any, site: str, shots: Path, data_dir: Path) -> None:
    submit_comment(browser, site, text=SPAM, name="Super Affaires", email=CANARY)
    notice = browser.find_element(By.CSS_SELECTOR, ".notice-warning").text
    assert "en attente de modération" in notice
    assert SPAM not in comment_texts(browser)
    page(browser)
    snap(browser, shots, "05-held")

    browser.get(site + "/moderation")
    _wait(browser).until(ec.presence_of_element_located((By.ID, "loginform")))
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.ID, "login").click()
    _wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".held")))
    held = [
        e
        for e in browser.find_elements(By.CSS_SELECTOR, ".held")
        if SPAM in e.find_element(By.CSS_SELECTOR, ".comment-text").text
    ]
    assert len(held) == 1
    reasons = held[0].find_element(By.CSS_SELECTOR, ".reasons").text
    assert "liens" in reasons  # too_many_links, explained to the moderator
    page(browser)
    snap(browser, shots, "06-moderation")

    held[0].find_element(By.CSS_SELECTOR, "button.spam").click()
    _wait(browser).until(
        ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice-success"), "spam")
    )
    remaining = browser.find_elements(By.CSS_SELECTOR, ".held .comment-text")
    assert SPAM not in [e.text for e in remaining]
    page(browser)
    snap(browser, shots, "07-marked-spam")

    with SQLiteStore(data_dir / "modkit.db") as store:
        verdicts = [(f.verdict, f.text) for f in store.feedback()]
    assert ("spam", SPAM) in verdicts

    open_article(browser, site)
    assert SPAM not in comment_texts(browser)


def test_email_is_in_no_page(browser: Any, site: str) -> None:
    for path in ("/", "/articles/fibre-villages-2026", "/moderation", "/moderation/connexion"):
        browser.get(site + path)
        source = page(browser)
        assert "@example.org" not in source
