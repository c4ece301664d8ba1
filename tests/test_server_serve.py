"""The real `modkit serve`: uvicorn with 2 worker processes on a free loopback port."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

import modkit
from modkit import SQLiteStore
from modkit._cli import COMMANDS
from modkit.server import config_from_dict, create_app
from modkit.server.testing import free_port, redirect_client, running_server

akismet = pytest.importorskip("akismet")

KEY = "serve-key-0123456789abcdef"
SECRET = "serve-test-secret-0123456789"
AUTH = {"Authorization": f"Bearer {KEY}"}
CANARY_EMAIL = "canary.serve@example.org"
CANARY_IP = "203.0.113.77"
REPO = Path(modkit.__file__).resolve().parent.parent

CONFIG = """
[server]
workers = 2
log_level = "info"

[store]
path = "modkit.db"

[model]
scorer = "modkit.testing:FixedScorer"

[model.options.by_text]
viagra = { spam = 0.99, toxicity = 0.01 }

[policy]
flood_seconds = 0
"""


def _command() -> list[str]:
    if any(c.name == "serve" for c in COMMANDS):
        return [sys.executable, "-m", "modkit", "serve"]
    return [sys.executable, "-m", "modkit._serve_cli"]  # until the subcommand is registered


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"modkit serve exited with {proc.returncode}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("modkit serve did not become healthy")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    with _serve(tmp_path_factory.mktemp("serve"), CONFIG) as running:
        yield running


@contextmanager
def _serve(folder: Path, config: str) -> Iterator[tuple[str, Path, Path]]:
    """Run `modkit serve --config folder/modkit.toml` on a free port until the block ends."""
    (folder / "modkit.toml").write_text(config, encoding="utf-8")
    port = free_port()
    env = dict(os.environ)
    env.update(
        MODKIT_API_KEYS=KEY,
        MODKIT_SECRET=SECRET,
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])),
    )
    log = folder / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*_command(), "--config", str(folder / "modkit.toml"), "--port", str(port)],
            cwd=folder,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url, folder / "modkit.db", log
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the group this test started
            proc.wait(timeout=10)


@pytest.mark.slow  # server workers
def test_two_workers_answer_health_and_checks(served: tuple[str, Path, Path]) -> None:
    url, _, _ = served
    workers = set()
    for _ in range(300):  # a fresh connection each time: the kernel spreads them over workers
        health = httpx.get(f"{url}/healthz", timeout=5).json()
        assert health["status"] == "ok"
        assert health["model_version"] == "fixed-1"
        workers.add(health["worker"])
        if len(workers) == 2:
            break
    assert len(workers) == 2

    form = {
        "name": "Camille",
        "email": CANARY_EMAIL,
        "ip": CANARY_IP,
        "text": "Merci pour cet article.",
    }
    ok = httpx.post(f"{url}/v1/check", json=form, headers=AUTH, timeout=5)
    assert ok.status_code == 200
    assert ok.json()["action"] == "accept"
    spam = httpx.post(
        f"{url}/v1/check", json={**form, "text": "cheap viagra"}, headers=AUTH, timeout=5
    )
    assert spam.json()["action"] == "reject"
    for response in (ok, spam):
        assert CANARY_EMAIL not in response.text
        assert CANARY_IP not in response.text
    assert httpx.post(f"{url}/v1/check", json=form, timeout=5).status_code == 401


@pytest.mark.slow  # server workers
def test_feedback_is_shared_by_the_workers(served: tuple[str, Path, Path]) -> None:
    url, db, _ = served
    ids = []
    for i in range(6):  # decisions taken by either worker, feedback sent to either worker
        form = {"name": "Lou", "email": f"lou{i}@example.org", "text": f"Avis numéro {i}."}
        ids.append(httpx.post(f"{url}/v1/check", json=form, headers=AUTH, timeout=5).json()["id"])
    for decision_id in ids:
        response = httpx.post(
            f"{url}/v1/feedback",
            json={"decision_id": decision_id, "verdict": "ham"},
            headers=AUTH,
            timeout=5,
        )
        assert response.status_code == 200
    with SQLiteStore(db) as store:
        assert {r.decision_id for r in store.feedback()} >= set(ids)


@pytest.mark.slow  # server workers
def test_akismet_client_against_modkit_serve(served: tuple[str, Path, Path]) -> None:
    url, db, _ = served
    config = akismet.Config(key=KEY, url="https://blog.example.org")
    with redirect_client(url) as http, akismet.SyncClient(config, http_client=http) as client:
        assert client.verify_key()
        assert client.comment_check(CANARY_IP, comment_content="Bel article") == (
            akismet.CheckResponse.HAM
        )
        assert client.comment_check(CANARY_IP, comment_content="viagra") == (
            akismet.CheckResponse.DISCARD
        )
        assert client.submit_spam(CANARY_IP, comment_content="Bel article")
        assert client.submit_ham(CANARY_IP, comment_content="viagra")
    with SQLiteStore(db) as store:
        verdicts = {(r.text, r.verdict) for r in store.feedback()}
    assert {("Bel article", "spam"), ("viagra", "ham")} <= verdicts


@pytest.mark.slow  # server workers
def test_logs_hold_no_email_or_ip(served: tuple[str, Path, Path]) -> None:
    _, _, log = served
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Application startup complete" in text
    assert CANARY_EMAIL not in text
    assert CANARY_IP not in text


# -- failed authentication, throttled across the workers -----------------------------------------

THROTTLED = CONFIG.replace("[store]", "[server.auth_throttle]\nburst = 4\nrate = 0.001\n\n[store]")


def _worker_of(conn: http.client.HTTPConnection) -> int:
    """The pid of the worker holding this keep-alive connection."""
    conn.request("GET", "/healthz")
    response = conn.getresponse()
    body = response.read()
    assert response.status == 200
    worker: int = httpx.Response(200, content=body).json()["worker"]
    return worker


def _post_bad_key(conn: http.client.HTTPConnection) -> int:
    headers = {"Authorization": "Bearer wrong-key-0123456789", "Content-Type": "application/json"}
    conn.request("POST", "/v1/check", body=b"{}", headers=headers)
    response = conn.getresponse()
    response.read()
    return response.status


@pytest.mark.slow  # server workers (the fast loop: test_server_authguard.py's processes test)
def test_auth_throttle_holds_across_workers(tmp_path: Path) -> None:
    # Every connection is closed on the way out, even when an assertion fails: a socket left
    # open would surface as a ResourceWarning in whichever later test collects garbage.
    with _serve(tmp_path, THROTTLED) as (url, _, log), ExitStack() as connections:
        port = int(url.rsplit(":", 1)[1])

        def connect() -> http.client.HTTPConnection:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connections.callback(conn.close)
            return conn

        first = connect()
        one = _worker_of(first)
        second: http.client.HTTPConnection | None = None
        # New connections until the kernel hands one to the other worker. The server is healthy
        # as soon as one worker answers; on a loaded machine the other may still be loading its
        # model, so this waits for it (200 quick tries were not always enough).
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            conn = connect()
            if _worker_of(conn) != one:
                second = conn
                break
            conn.close()
            time.sleep(0.01)
        assert second is not None, "no connection reached the second worker"
        # Four failures on the first worker, then the second refuses the same address.
        assert [_post_bad_key(first) for _ in range(4)] == [401] * 4
        assert _post_bad_key(second) == 429
        second.request("GET", "/v1/model", headers={"Authorization": f"Bearer {KEY}"})
        refused = second.getresponse()
        refused.read()
        assert refused.status == 429  # even with a good key
        assert int(refused.getheader("retry-after") or 0) >= 1
    text = log.read_text(encoding="utf-8", errors="replace")
    assert text.count("failed authentication") == 4
    assert "wrong-key-0123456789" not in text
    assert KEY not in text


# -- the shipped model --------------------------------------------------------------------------


def test_default_model_behind_the_server() -> None:
    manifest = REPO / "models" / "default" / "manifest.json"
    packaged = Path(modkit.__file__).resolve().parent / "_model_data" / "default" / "manifest.json"
    if not manifest.is_file() and not packaged.is_file():
        pytest.skip("no trained model: models/default/manifest.json does not exist yet")
    data = {"server": {"api_keys": [KEY], "secret": SECRET}, "policy": {"flood_seconds": 0}}
    app = create_app(config_from_dict(data, env={}))
    with running_server(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        model = client.get("/v1/model", headers=AUTH).json()
        assert model["rules_only"] is False
        assert model["manifest"]["version"] == model["version"]
        form = {"name": "Ana", "email": "ana@example.org", "text": "Merci, article très clair."}
        decision = client.post("/v1/check", json=form, headers=AUTH).json()
        assert set(decision["scores"]) >= {"spam", "toxicity"}
        analyzed = client.post(
            f"/v1alpha1/comments:analyze?key={KEY}",
            json={
                "comment": {"text": "Thanks for the article. It was clear."},
                "requestedAttributes": {"TOXICITY": {}, "SPAM": {}, "THREAT": {}},
            },
        ).json()
        assert set(analyzed["attributeScores"]) == {"TOXICITY", "SPAM", "THREAT"}
        with redirect_client(url) as http:
            check = akismet.SyncClient(
                akismet.Config(key=KEY, url="https://blog.example.org"), http_client=http
            ).comment_check("192.0.2.1", comment_content="Merci pour cet article.")
        assert check in set(akismet.CheckResponse)
