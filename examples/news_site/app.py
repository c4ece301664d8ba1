"""A small news site whose comment section is moderated by modkit (Flask demo).

Run it::

    python examples/news_site/app.py                # the shipped model
    python examples/news_site/app.py --rules-only   # no model: every comment waits for a moderator
    python examples/news_site/app.py --toy-scorer   # a keyword scorer, to try the pages

then open http://127.0.0.1:5000/ (``/moderation`` for the queue; the password is printed at start,
or set ``--password`` / ``NEWS_SITE_PASSWORD``). ``flask --app examples/news_site/app run`` works
too and reads ``NEWS_SITE_RULES_ONLY=1`` / ``NEWS_SITE_TOY_SCORER=1`` / ``NEWS_SITE_POLICY``.

The page never writes a commenter's email anywhere, not even back into the form after an error.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import importlib.util
import json
import os
import secrets
import sqlite3
import sys
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flask import (
    Flask,
    abort,
    current_app,
    flash,
    g,
    get_flashed_messages,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.serving import make_server
from werkzeug.wrappers import Response

HERE = Path(__file__).resolve().parent
if importlib.util.find_spec("modkit") is None and (HERE.parents[1] / "modkit").is_dir():
    sys.path.insert(0, str(HERE.parents[1]))  # run from a checkout without installing modkit

from modkit import (  # noqa: E402 - after the checkout fallback above
    Action,
    Decision,
    ModelError,
    Moderator,
    Policy,
    PublicComment,
    SQLiteStore,
    UnknownDecisionError,
    ValidationError,
)
from modkit.integrations.flask import form_from_request  # noqa: E402
from modkit.testing import FixedScorer  # noqa: E402

ARTICLES: Mapping[str, Mapping[str, Any]] = {
    "fibre-villages-2026": {
        "title": "La fibre optique arrive enfin dans les derniers villages de la Creuse",
        "kicker": "Télécoms",
        "author": "Claire Dubois",
        "date": "3 novembre 2026",
        "lead": (
            "Après des années d'attente, les opérateurs annoncent le raccordement des dernières "
            "communes rurales d'ici la fin de l'année. Mais sur le terrain, les habitants restent "
            "prudents."
        ),
        "body": (
            "À Saint-Pardoux-les-Cards, 800 habitants, la fibre devait arriver en 2022. Les "
            "travaux ont finalement commencé au printemps : 42 kilomètres de câbles posés, pour "
            "l'essentiel en aérien, sur les poteaux téléphoniques existants.",
            "« On nous a promis du 1 Gbit/s, on verra à l'usage », sourit la maire, qui "
            "télétravaille encore avec une connexion 4G capricieuse. Le département estime que "
            "98 % des foyers seront raccordables au 31 décembre.",
            "Reste la question du prix : les abonnements d'entrée de gamme démarrent autour de "
            "25 euros par mois, et le raccordement final peut demander des travaux chez "
            "l'habitant quand la gaine est bouchée.",
        ),
    },
}
DEFAULT_ARTICLE = "fibre-villages-2026"

# A keyword scorer to try the pages without the model (--toy-scorer). Not a moderation model.
TOY_SCORES: Mapping[str, Mapping[str, float]] = {
    "crétin": {"spam": 0.02, "toxicity": 0.97, "insult": 0.96},
    "imbécile": {"spam": 0.02, "toxicity": 0.97, "insult": 0.96},
    "idiot": {"spam": 0.02, "toxicity": 0.95, "insult": 0.93},
    "stupid": {"spam": 0.02, "toxicity": 0.95, "insult": 0.93},
    "gagnez": {"spam": 0.85, "toxicity": 0.02},
    "casino": {"spam": 0.85, "toxicity": 0.02},
    "crypto": {"spam": 0.8, "toxicity": 0.02},
    "viagra": {"spam": 0.9, "toxicity": 0.02},
}

VERDICTS: Mapping[str, tuple[str, str]] = {
    "ham": ("published", "Commentaire approuvé et publié ; son auteur est désormais de confiance."),
    "spam": ("spam", "Commentaire marqué comme spam."),
    "toxic": ("toxic", "Commentaire marqué comme toxique."),
}
FORM_TTL = 2 * 3600  # a comment form older than this is too old to post
SCHEMA = """
CREATE TABLE IF NOT EXISTS comments (
    id INTEGER PRIMARY KEY,
    decision_id TEXT NOT NULL UNIQUE,
    post_id TEXT NOT NULL,
    author TEXT NOT NULL,
    url TEXT,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL,
    reasons TEXT NOT NULL,
    scores TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS comments_post ON comments (post_id, status, id);
"""


# -- set-up ---------------------------------------------------------------------------------------


def _secret_file(path: Path) -> str:
    """Read a random secret kept in ``path``, creating it (mode 0600) on first use."""
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        value = secrets.token_urlsafe(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(value)
        return value


def build_moderator(
    data_dir: Path,
    *,
    rules_only: bool = False,
    toy_scorer: bool = False,
    policy: Policy | None = None,
) -> Moderator:
    """The site's Moderator: SQLite store in ``data_dir``, site secret from the environment or file.

    Raises:
        ModelError: neither ``rules_only`` nor ``toy_scorer`` and the model cannot be loaded.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = os.environ.get("MODKIT_SECRET") or _secret_file(data_dir / "modkit_secret")
    store = SQLiteStore(data_dir / "modkit.db")
    if toy_scorer:
        scorer = FixedScorer({"spam": 0.05, "toxicity": 0.03}, by_text=TOY_SCORES, version="toy")
        return Moderator(scorer=scorer, store=store, secret=secret, policy=policy)
    try:
        return Moderator(rules_only=rules_only, store=store, secret=secret, policy=policy)
    except ModelError:
        store.close()
        raise


def create_app(
    *,
    moderator: Moderator | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    password: str | None = None,
) -> Flask:
    """Build the site. Without ``moderator``, one is made from the ``NEWS_SITE_*`` variables.

    Raises:
        ModelError: no moderator given, no rules-only/toy option, and no model to load.
    """
    app = Flask(__name__, root_path=str(HERE), instance_relative_config=False)
    folder = Path(data_dir) if data_dir is not None else HERE / "instance"
    folder.mkdir(parents=True, exist_ok=True)
    if moderator is None:
        policy_path = os.environ.get("NEWS_SITE_POLICY")
        moderator = build_moderator(
            folder,
            rules_only=os.environ.get("NEWS_SITE_RULES_ONLY") == "1",
            toy_scorer=os.environ.get("NEWS_SITE_TOY_SCORER") == "1",
            policy=Policy.from_toml(policy_path) if policy_path else None,
        )
    app.config.update(
        SECRET_KEY=_secret_file(folder / "flask_secret"),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        MAX_CONTENT_LENGTH=128 * 1024,
        NEWS_SITE_DB=str(folder / "site.db"),
        NEWS_SITE_PASSWORD=password
        or os.environ.get("NEWS_SITE_PASSWORD")
        or secrets.token_urlsafe(9),
    )
    app.extensions["news_site_moderator"] = moderator
    with sqlite3.connect(app.config["NEWS_SITE_DB"]) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(SCHEMA)
    _routes(app)
    return app


# -- helpers --------------------------------------------------------------------------------------


def _mod() -> Moderator:
    mod: Moderator = current_app.extensions["news_site_moderator"]
    return mod


def _db() -> sqlite3.Connection:
    if "db" not in g:
        conn = sqlite3.connect(current_app.config["NEWS_SITE_DB"], timeout=10)
        conn.row_factory = sqlite3.Row
        g.db = conn
    db: sqlite3.Connection = g.db
    return db


def _csrf_token() -> str:
    token = session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(24)
        session["csrf"] = token
    return token


def _check_csrf() -> None:
    sent = request.form.get("csrf_token", "")
    expected = session.get("csrf")
    if not isinstance(expected, str) or not hmac.compare_digest(sent, expected):
        abort(400, "Session expirée : rechargez la page puis renvoyez le formulaire.")


def _sign(slug: str, ts: int) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"{slug}:{ts}".encode(), hashlib.sha256).hexdigest()[:32]


def _render_stamp(slug: str) -> str:
    """A signed time stamp of when the form was shown (for modkit's ``too_fast`` rule)."""
    ts = int(time.time())
    return f"{ts}.{_sign(slug, ts)}"


def _rendered_at(slug: str, stamp: str) -> datetime:
    """When the form was shown; a missing, forged or stale stamp counts as "just now"."""
    now = time.time()
    ts_text, _, sig = stamp.partition(".")
    if ts_text.isdigit() and len(ts_text) <= 12:
        ts = int(ts_text)
        if hmac.compare_digest(sig, _sign(slug, ts)) and 0 <= now - ts <= FORM_TTL:
            return datetime.fromtimestamp(ts, tz=UTC)
    return datetime.fromtimestamp(now, tz=UTC)


def _public(row: sqlite3.Row) -> PublicComment:
    return PublicComment(
        author=row["author"],
        text=row["text"],
        url=row["url"],
        date=datetime.fromisoformat(row["created_at"]),
        post_id=row["post_id"],
    )


def _explain(decision: Decision) -> list[str]:
    """The messages of the reasons that held or rejected the comment."""
    return [r.message for r in decision.reasons if r.action is not Action.ACCEPT]


def _save(decision: Decision, status: str) -> int:
    c = decision.comment
    db = _db()
    cur = db.execute(
        "INSERT INTO comments (decision_id, post_id, author, url, text, created_at, status,"
        " reasons, scores) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            decision.id,
            c.post_id or DEFAULT_ARTICLE,
            c.author,
            c.url,
            c.text,
            c.date.isoformat(),
            status,
            json.dumps(_explain(decision), ensure_ascii=False),
            json.dumps({k: round(v, 3) for k, v in decision.scores.items()}),
        ),
    )
    db.commit()
    return int(cur.lastrowid or 0)


def _article_page(
    slug: str,
    *,
    status: int = 200,
    errors: Mapping[str, list[str]] | None = None,
    values: Mapping[str, str] | None = None,
    notice: tuple[str, str, list[str]] | None = None,
) -> tuple[str, int]:
    article = ARTICLES[slug]
    rows = _db().execute(
        "SELECT * FROM comments WHERE post_id = ? AND status = 'published' ORDER BY id", (slug,)
    )
    comments = [(row["id"], _public(row)) for row in rows]
    html = render_template(
        "article.html",
        slug=slug,
        article=article,
        comments=comments,
        errors=errors or {},
        values=values or {},
        notice=notice,
        stamp=_render_stamp(slug),
        csrf=_csrf_token(),
    )
    return html, status


def _is_moderator() -> bool:
    return session.get("moderator") is True


# -- routes ---------------------------------------------------------------------------------------


def _routes(app: Flask) -> None:
    @app.teardown_appcontext
    def close_db(_exc: BaseException | None) -> None:
        db = g.pop("db", None)
        if db is not None:
            db.close()

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    @app.get("/")
    def home() -> Response:
        return redirect(url_for("article", slug=DEFAULT_ARTICLE))

    @app.get("/articles/<slug>")
    def article(slug: str) -> tuple[str, int]:
        if slug not in ARTICLES:
            abort(404)
        return _article_page(slug)

    @app.post("/articles/<slug>/commentaires")
    def comment(slug: str) -> Response | tuple[str, int]:
        if slug not in ARTICLES:
            abort(404)
        _check_csrf()
        form = form_from_request(
            request, fields={"name": "author", "text": "comment", "honeypot": "adresse"}
        )
        form["post_id"] = slug
        form["form_rendered_at"] = _rendered_at(slug, request.form.get("stamp", ""))
        form["lang"] = "fr"
        # What the visitor typed goes back into the form after an error: never the email.
        kept = {k: request.form.get(k, "") for k in ("author", "url", "comment")}
        try:
            decision = _mod().check(form, lang="fr")
        except ValidationError as exc:
            errors: dict[str, list[str]] = {}
            for e in exc.errors:
                errors.setdefault(e.field, []).append(e.message)
            return _article_page(slug, status=400, errors=errors, values=kept)
        if decision.action is Action.REJECT:
            notice = ("error", "Votre commentaire a été refusé.", _explain(decision))
            return _article_page(slug, status=422, values=kept, notice=notice)
        if decision.action is Action.HOLD:
            _save(decision, "held")
            flash(
                json.dumps(
                    [
                        "warning",
                        "Votre commentaire est en attente de modération.",
                        _explain(decision),
                    ]
                )
            )
            return redirect(url_for("article", slug=slug, _anchor="repondre"), code=303)
        comment_id = _save(decision, "published")
        flash(json.dumps(["success", "Merci ! Votre commentaire est publié.", [], comment_id]))
        return redirect(url_for("article", slug=slug, _anchor="repondre"), code=303)

    @app.context_processor
    def notices() -> dict[str, Any]:
        def pop_notices() -> list[tuple[str, str, list[str], int | None]]:
            """Flashed notices: (kind, text, reasons, id of the comment just published)."""
            out = []
            for raw in get_flashed_messages():
                kind, text, details, *rest = json.loads(str(raw))
                link = int(rest[0]) if rest and isinstance(rest[0], int) else None
                out.append((str(kind), str(text), [str(d) for d in details], link))
            return out

        return {"pop_notices": pop_notices, "is_moderator": _is_moderator()}

    @app.route("/moderation/connexion", methods=["GET", "POST"])
    def login() -> Response | tuple[str, int]:
        error = None
        if request.method == "POST":
            _check_csrf()
            given = request.form.get("password", "")
            if hmac.compare_digest(given.encode(), app.config["NEWS_SITE_PASSWORD"].encode()):
                session.clear()
                session["moderator"] = True
                return redirect(url_for("moderation"), code=303)
            error = "Mot de passe incorrect."
        html = render_template("login.html", error=error, csrf=_csrf_token())
        return html, 401 if error else 200

    @app.post("/moderation/deconnexion")
    def logout() -> Response:
        _check_csrf()
        session.pop("moderator", None)
        return redirect(url_for("home"), code=303)

    @app.get("/moderation")
    def moderation() -> Response | str:
        if not _is_moderator():
            return redirect(url_for("login"), code=303)
        rows = _db().execute("SELECT * FROM comments WHERE status = 'held' ORDER BY id").fetchall()
        queue = [
            {
                "id": row["id"],
                "comment": _public(row),
                "article": ARTICLES.get(row["post_id"], {}).get("title", row["post_id"]),
                "reasons": json.loads(row["reasons"]),
                "scores": json.loads(row["scores"]),
            }
            for row in rows
        ]
        return render_template("moderation.html", queue=queue, csrf=_csrf_token())

    @app.post("/moderation/<int:comment_id>")
    def judge(comment_id: int) -> Response:
        if not _is_moderator():
            abort(403)
        _check_csrf()
        verdict = request.form.get("verdict", "")
        if verdict not in VERDICTS:
            abort(400, "Verdict inconnu.")
        db = _db()
        row = db.execute(
            "SELECT decision_id FROM comments WHERE id = ? AND status = 'held'", (comment_id,)
        ).fetchone()
        if row is None:
            abort(404)
        status, message = VERDICTS[verdict]
        try:
            _mod().feedback(row["decision_id"], verdict)
        except UnknownDecisionError:
            message += " (décision déjà purgée du magasin : avis non enregistré)"
        db.execute("UPDATE comments SET status = ? WHERE id = ?", (status, comment_id))
        db.commit()
        flash(json.dumps(["success", message, []]))
        return redirect(url_for("moderation"), code=303)


# -- command line ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the demo site; returns the exit code (2: bad option or no model)."""
    parser = argparse.ArgumentParser(
        description="Démo modkit : un site d'actualité et ses commentaires."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000, help="0: any free port")
    parser.add_argument("--data-dir", type=Path, default=HERE / "instance")
    parser.add_argument(
        "--password", help="moderator password (default: $NEWS_SITE_PASSWORD or random)"
    )
    parser.add_argument("--policy", type=Path, help="modkit policy TOML file")
    scorer = parser.add_mutually_exclusive_group()
    scorer.add_argument("--rules-only", action="store_true", help="no model: hold what is unscored")
    scorer.add_argument(
        "--toy-scorer", action="store_true", help="keyword scorer, for trying the pages"
    )
    args = parser.parse_args(argv)
    try:
        policy = Policy.from_toml(args.policy) if args.policy else None
        moderator = build_moderator(
            args.data_dir, rules_only=args.rules_only, toy_scorer=args.toy_scorer, policy=policy
        )
    except (ModelError, ValueError, OSError) as exc:
        print(f"news_site: {exc}", file=sys.stderr)
        if isinstance(exc, ModelError):
            print("news_site: try --rules-only or --toy-scorer", file=sys.stderr)
        return 2
    app = create_app(moderator=moderator, data_dir=args.data_dir, password=args.password)
    server = make_server(args.host, args.port, app, threaded=True)
    port = server.server_port
    print(f"news_site: http://{args.host}:{port}/  (scorer: {_scorer_name(moderator)})", flush=True)
    if not args.password and not os.environ.get("NEWS_SITE_PASSWORD"):
        print(f"news_site: moderator password: {app.config['NEWS_SITE_PASSWORD']}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        moderator.close()
    return 0


def _scorer_name(moderator: Moderator) -> str:
    if moderator.scorer is None:
        return "rules only"
    return moderator.model_version or type(moderator.scorer).__name__


if __name__ == "__main__":
    raise SystemExit(main())
