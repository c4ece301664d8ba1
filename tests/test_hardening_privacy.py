"""Hardening: privacy audit. Canary emails and IPs go in through every entry point; every output
channel is swept for them: zero occurrences.

Channels: decisions (``repr``, ``str``, ``to_dict``), public comments (HTML, dict), exceptions
(message, ``repr``, traceback, chained causes), DEBUG logs of every ``modkit`` logger, the SQLite
store (file bytes with its WAL, every table), ``modkit check`` and ``modkit score`` outputs
(CSV, JSONL, HTML report, stdout, stderr), the HTTP server's responses (bodies and headers) and
logs, and the demo site's pages (Flask test client). A canary is the address, its local part, the
IP (and an IPv6 /64 prefix), and the md5/sha1/sha256 of each (unkeyed hashes are reversible).
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import logging
import random
import re
import sqlite3
import string
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from modkit import Decision, Moderator, Policy, SQLiteStore, ValidationError, validate
from modkit._batch_cli import main as score_main
from modkit._cli import main as cli_main
from modkit._errors import ModkitError
from modkit.testing import FailingScorer, FixedScorer

SECRET = "privacy-audit-secret-0123456789abcdef"
KEY = "privacy-audit-key-0123456789"
ROOT = Path(__file__).resolve().parent.parent
SCORES = {"viagra": {"spam": 0.99, "toxicity": 0.01}, "crétin": {"spam": 0.01, "toxicity": 0.97}}
TEXTS = [
    "Merci pour cet article très clair, j'attendais ce comparatif.",
    "Great write-up, the benchmarks answered my question.",
    "viagra pas cher ici http://a.example http://b.example http://c.example",
    "Quel crétin, cet auteur.",
    "Enfin ! 🎉 Ελληνικά, русский, 中文 : tout s'affiche. <b>gras</b>",
]


class Canary:
    """One author's private data and every string that would reveal it."""

    def __init__(self, rng: random.Random, n: int) -> None:
        token = "".join(rng.choice(string.ascii_lowercase) for _ in range(8))
        self.local = f"cnry{n}{token}"
        self.email = f"{self.local}@privacy{n}.example"
        if n % 2:
            self.ip = f"198.18.{n % 256}.{(n * 13) % 250 + 1}"
            prefix = self.ip
        else:
            self.ip = f"2001:db8:{n + 4096:x}:beef::{n % 9000 + 1:x}"
            prefix = f"2001:db8:{n + 4096:x}:beef"
        values = [self.email, self.ip]
        self.marks = [self.local, self.email, self.ip, prefix]
        self.marks += [
            f(v.encode()).hexdigest() for v in values for f in (hashlib.md5, hashlib.sha1)
        ]
        self.marks += [hashlib.sha256(v.encode()).hexdigest() for v in values]

    def form(self, n: int) -> dict[str, Any]:
        return {
            "name": f"Lecteur {n}",
            "email": self.email if n % 3 else self.email.upper(),
            "ip": self.ip,
            "text": f"{TEXTS[n % len(TEXTS)]} ({n})",
            "url": "https://blog.example.org/" if n % 4 == 0 else "",
            "post_id": str(n % 3),
            "lang": "fr" if n % 2 else "en",
            "user_agent": "Mozilla/5.0 (audit)",
        }

    def broken_forms(self) -> list[dict[str, Any]]:
        """Forms whose errors are about the private fields themselves."""
        base = self.form(1)
        return [
            {**base, "email": self.email.replace("@", "@@")},
            {**base, "email": f"{self.email} {self.email}"},
            {**base, "email": self.local + "@" + "x" * 120 + ".example"},
            {**base, "ip": self.ip + ".999"},
            {**base, "ip": f"{self.ip}/{self.email}"},
            {**base, "text": "", "email": self.email + "\x00"},
        ]


CANARIES = [Canary(random.Random(7), n) for n in range(24)]


class Sweep:
    """Everything every channel said, by channel."""

    def __init__(self) -> None:
        self.outputs: dict[str, list[str]] = {}

    def add(self, channel: str, *texts: object) -> None:
        bucket = self.outputs.setdefault(channel, [])
        for text in texts:
            if isinstance(text, bytes):
                bucket.append(text.decode("utf-8", "replace"))
                bucket.append(text.decode("utf-16-le", "replace"))  # SQLite may store UTF-16
            else:
                bucket.append(str(text))

    def exception(self, channel: str, exc: BaseException) -> None:
        self.add(channel, str(exc), repr(exc), repr(exc.args))
        self.add(channel, "".join(traceback.format_exception(exc)))
        if isinstance(exc, ValidationError):
            self.add(channel, json.dumps(exc.to_dict(), ensure_ascii=False), repr(exc.errors))
        for linked in (exc.__cause__, exc.__context__):
            if linked is not None:
                self.exception(channel, linked)

    def decision(self, channel: str, d: Decision) -> None:
        self.add(channel, repr(d), str(d), json.dumps(d.to_dict(), ensure_ascii=False))
        self.add(channel, d.comment.html(), d.comment.author_html(), repr(d.comment))
        self.add(channel, *(repr(r) for r in d.reasons), *(r.message for r in d.reasons))

    def leaks(self) -> list[str]:
        found = []
        for channel, texts in self.outputs.items():
            blob = "\n".join(texts).lower()
            for canary in CANARIES:
                for mark in canary.marks:
                    if mark.lower() in blob:
                        at = blob.index(mark.lower())
                        found.append(
                            f"{channel}: {mark!r} in ...{blob[max(0, at - 60) : at + 60]!r}"
                        )
        return found


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every logger at DEBUG, modkit's own included."""
    caplog.set_level(logging.DEBUG)
    for name in list(logging.Logger.manager.loggerDict):
        if name.startswith("modkit"):
            caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def sweep_library(sweep: Sweep, tmp_path: Path) -> Path:
    db = tmp_path / "store.db"
    store = SQLiteStore(db)
    mod = Moderator(scorer=FixedScorer(by_text=SCORES), store=store, secret=SECRET)
    decisions = []
    for n, canary in enumerate(CANARIES):
        d = mod.check(canary.form(n))
        decisions.append(d)
        sweep.decision("decision", d)
        sub = validate(canary.form(n))
        sweep.add("submission", repr(sub), str(sub))
        for broken in canary.broken_forms():
            with pytest.raises(ValidationError) as info:
                mod.check(broken)
            sweep.exception("validation error", info.value)
    batch = mod.check_many(
        [c.form(n + 100) for n, c in enumerate(CANARIES)] + CANARIES[0].broken_forms()
    )
    for item in batch:
        if isinstance(item, Decision):
            sweep.decision("check_many", item)
        else:
            sweep.exception("check_many", item)
    for i, d in enumerate(decisions):
        mod.feedback(d.id, ("spam", "ham", "toxic")[i % 3])
    for canary in CANARIES[:4]:
        mod.trust(canary.email)
        mod.forget(email=canary.email)
        mod.forget(ip=canary.ip)
    sweep.add("moderator repr", repr(mod), repr(store))
    for record in store.feedback():
        sweep.add("feedback records", repr(record))
    failing = Moderator(scorer=FailingScorer(RuntimeError("scorer down")), secret=SECRET)
    for n, canary in enumerate(CANARIES[:6]):
        with pytest.raises(ModkitError) as fail:
            failing.check(canary.form(n))
        sweep.exception("model error", fail.value)
    mod.close()
    failing.close()
    return db


def sweep_store(sweep: Sweep, db: Path) -> None:
    files = [p for p in db.parent.iterdir() if p.name.startswith(db.name)]
    assert files
    for path in files:
        sweep.add("store file bytes", path.read_bytes())
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        assert {"comments", "feedback", "trusted", "meta"} <= set(tables)
        count = conn.execute("SELECT COUNT(*) FROM comments").fetchone()[0]
        assert count > 0, "the store should hold the checked comments"
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table}"):  # table names from sqlite_master
                sweep.add(f"store table {table}", repr(row))
    finally:
        conn.close()


def sweep_cli(sweep: Sweep, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n, canary in enumerate(CANARIES[:6]):
        for fmt in ("text", "json"):
            argv = ["check", "--rules-only", "--format", fmt, "--name", f"Lecteur {n}",
                    "--email", canary.email, "--ip", canary.ip, "--text", TEXTS[n % 5]]  # fmt: skip
            cli_main(argv)
            out = capsys.readouterr()
            sweep.add("modkit check", out.out, out.err)
        cli_main(["check", "--rules-only", "--name", "X", "--email", canary.email + "@", "--ip",
                  canary.ip + "x", "--text", "t"])  # fmt: skip
        out = capsys.readouterr()
        sweep.add("modkit check (invalid)", out.out, out.err)
    # modkit score on a CSV and a JSONL export holding the canaries, with an HTML report.
    export_csv = tmp_path / "export.csv"
    with export_csv.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "author", "email", "ip", "comment", "status"])
        for n, canary in enumerate(CANARIES):
            email = canary.email if n % 5 else canary.email + " broken"
            writer.writerow([f"c{n}", f"Lecteur {n}", email, canary.ip, TEXTS[n % 5], "1"])
    export_jsonl = tmp_path / "export.jsonl"
    with export_jsonl.open("w", encoding="utf-8") as fh:
        for n, canary in enumerate(CANARIES):
            author = {"name": f"L{n}", "email": canary.email}
            fh.write(json.dumps({"id": n, "author": author, "ip": canary.ip, "text": TEXTS[n % 5]}))
            fh.write("\n")
    for export in (export_csv, export_jsonl):
        for out_name in ("out.csv", "out.jsonl"):
            out = tmp_path / f"{export.stem}-{out_name}"
            report = tmp_path / f"{export.stem}-{out_name}.html"
            code = score_main(
                [str(export), "-o", str(out), "--rules-only", "--report", str(report)]
            )
            assert code == 0, capsys.readouterr().err
            std = capsys.readouterr()
            sweep.add("modkit score output", out.read_text(encoding="utf-8"))
            sweep.add("modkit score report", report.read_text(encoding="utf-8"))
            sweep.add("modkit score stdout/stderr", std.out, std.err)


def sweep_server(sweep: Sweep) -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from modkit.server import config_from_dict, create_app

    config = config_from_dict(
        {"server": {"api_keys": {"audit": KEY}, "secret": SECRET, "rate_limit": {"rate": 0}},
         "policy": {"flood_seconds": 0}},
        env={},
    )  # fmt: skip
    app = create_app(config, scorer=FixedScorer(by_text=SCORES))
    auth = {"Authorization": f"Bearer {KEY}"}
    with TestClient(app) as client:
        responses = []
        for n, canary in enumerate(CANARIES):
            form = canary.form(n)
            first = client.post("/v1/check", json=form, headers=auth)
            responses.append(first)
            for broken in canary.broken_forms()[:3]:
                responses.append(client.post("/v1/check", json=broken, headers=auth))
            responses.append(client.post("/v1/check", json=form))  # no key
            fields = {
                "api_key": KEY,
                "blog": "https://news.example.org",
                "comment_author": form["name"],
                "comment_author_email": canary.email,
                "user_ip": canary.ip,
                "comment_content": form["text"],
                "blog_lang": "fr",
            }
            for endpoint in ("comment-check", "submit-spam", "submit-ham"):
                responses.append(client.post(f"/1.1/{endpoint}", data=fields))
            responses.append(client.post("/1.1/comment-check", data={**fields, "api_key": "bad"}))
            responses.append(
                client.post("/1.1/verify-key", data={"key": KEY, "blog": "https://x.example"})
            )
            if first.status_code == 200:
                decision_id = first.json()["id"]
                body = {"decision_id": decision_id, "verdict": "spam"}
                responses.append(client.post("/v1/feedback", json=body, headers=auth))
            analyze = {"comment": {"text": form["text"]}, "requestedAttributes": {"TOXICITY": {}}}
            responses.append(client.post(f"/v1alpha1/comments:analyze?key={KEY}", json=analyze))
        responses += [client.get("/v1/model", headers=auth), client.get("/healthz")]
        assert {r.status_code for r in responses} >= {200}
        assert all(r.status_code < 500 for r in responses)
        for response in responses:
            sweep.add("server response", response.text, repr(dict(response.headers)))


def _load_site() -> ModuleType:
    name = "news_site_app"
    if name in sys.modules:
        return sys.modules[name]
    path = ROOT / "examples" / "news_site" / "app.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def sweep_demo(sweep: Sweep, tmp_path: Path) -> None:
    pytest.importorskip("flask")
    site = _load_site()
    data_dir = tmp_path / "site"
    mod = Moderator(
        scorer=FixedScorer(by_text=site.TOY_SCORES),
        store=SQLiteStore(tmp_path / "site-modkit.db"),
        secret=SECRET,
        policy=Policy(min_seconds=0, flood_seconds=0),
    )
    app = site.create_app(moderator=mod, data_dir=data_dir, password="audit-password")
    pages: list[str] = []

    def tokens(client: Any, url: str) -> dict[str, str]:
        page = client.get(url).get_data(as_text=True)
        pages.append(page)
        return dict(re.findall(r'name="(csrf_token|stamp)" value="([^"]+)"', page))

    article = "/articles/fibre-villages-2026"
    for n, canary in enumerate(CANARIES[:12]):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = canary.ip if "." in canary.ip else "127.0.0.1"
        data = {
            **tokens(client, article),
            "author": f"Lecteur {n}",
            "email": canary.email if n % 4 else canary.email + "@@",
            "url": "https://blog.example.org/" if n % 2 else "",
            "comment": TEXTS[n % len(TEXTS)] + f" ({n})",
            "adresse": "",
        }
        response = client.post(article + "/commentaires", data=data, follow_redirects=True)
        pages.append(response.get_data(as_text=True))
    admin = app.test_client()
    login = tokens(admin, "/moderation/connexion")
    page = admin.post(
        "/moderation/connexion",
        data={**login, "password": "audit-password"},
        follow_redirects=True,
    ).get_data(as_text=True)
    pages.append(page)
    for held in re.findall(r'id="held-(\d+)"', page)[:3]:
        csrf = tokens(admin, "/moderation")
        judged = admin.post(f"/moderation/{held}", data={**csrf, "verdict": "ham"})
        pages.append(judged.get_data(as_text=True))
    pages.append(admin.get("/moderation").get_data(as_text=True))
    pages.append(app.test_client().get(article).get_data(as_text=True))
    assert any("Lecteur 1" in p for p in pages), "the demo should show the comments"
    sweep.add("demo pages", *pages)
    mod.close()


def test_no_output_channel_ever_shows_a_canary(
    tmp_path: Path, logs: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    sweep = Sweep()
    db = sweep_library(sweep, tmp_path)
    sweep_store(sweep, db)
    sweep_cli(sweep, tmp_path, capsys)
    sweep_server(sweep)
    sweep_demo(sweep, tmp_path)
    for record in logs.records:
        sweep.add("logs", record.getMessage(), repr(record.args), record.exc_text or "")
    sweep.add("logs", logs.text)
    expected = {
        "decision", "validation error", "check_many", "model error", "store file bytes",
        "store table comments", "store table feedback", "modkit check", "modkit score output",
        "modkit score report", "server response", "demo pages", "logs",
    }  # fmt: skip
    assert expected <= set(sweep.outputs), expected - set(sweep.outputs)
    assert any("modkit" in r.name for r in logs.records), "modkit should have logged at DEBUG"
    assert sweep.leaks() == []


def test_the_sweep_finds_a_leak() -> None:
    """The sweep itself works: a canary put in an output is found, in any case and as a hash."""
    sweep = Sweep()
    canary = CANARIES[3]
    sweep.add("planted", f"hello {canary.email.upper()}")
    sweep.add("planted hash", hashlib.sha256(canary.ip.encode()).hexdigest())
    sweep.add("planted bytes", canary.local.encode("utf-16-le"))
    leaks = sweep.leaks()
    assert {leak.split(":")[0] for leak in leaks} == {"planted", "planted hash", "planted bytes"}
