"""Hardening: faults. Broken model files, concurrent and killed store writers, a full disk.

Model files: each fault is a ``ModelError`` before anything is unpickled, from ``Scorer.load``,
``Moderator()``, ``modkit check`` and ``modkit score`` alike; nothing falls back to accepting
(``tests/test_model.py`` checks the messages on a tiny model; here the shipped model is broken
and every entry point is tried). Store: several processes write at once, a writer is killed
mid-write, the disk fills up.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import modkit._model as model_module
from modkit import Action, Moderator, SQLiteStore, StoreError
from modkit._batch_cli import main as score_main
from modkit._cli import main as cli_main
from modkit._errors import ModelError
from modkit.testing import FixedScorer

SECRET = "hardening-secret-0123456789abcdef"
FORM = {"name": "Ana", "email": "ana@example.org", "text": "Merci pour cet article très clair."}

try:
    SHIPPED: Path | None = model_module.default_model_path()
except ModelError:
    SHIPPED = None
needs_model = pytest.mark.skipif(SHIPPED is None, reason="no shipped model in models/default")


# -- model files ---------------------------------------------------------------------------------


def _manifest(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "manifest.json").read_text())
    return data


def _write_manifest(folder: Path, data: Any) -> None:
    (folder / "manifest.json").write_text(json.dumps(data))


def flip_byte(folder: Path) -> None:
    data = bytearray((folder / "model.joblib").read_bytes())
    data[len(data) // 2] ^= 0x40
    (folder / "model.joblib").write_bytes(bytes(data))


def truncate(folder: Path) -> None:
    data = (folder / "model.joblib").read_bytes()
    (folder / "model.joblib").write_bytes(data[: len(data) - 4096])


def missing_manifest(folder: Path) -> None:
    (folder / "manifest.json").unlink()


def missing_bundle(folder: Path) -> None:
    (folder / "model.joblib").unlink()


def manifest_for_another_file(folder: Path) -> None:
    """A real, loadable joblib file in place of the model: the manifest does not describe it."""
    import joblib

    (folder / "model.joblib").unlink()  # a hard link to the shared copy: do not write through it
    joblib.dump({"featurizer": {}, "heads": ["spam"]}, folder / "model.joblib")


def manifest_of_another_model(folder: Path) -> None:
    manifest = _manifest(folder)
    manifest["bundle"]["sha256"] = hashlib.sha256(b"another model").hexdigest()
    _write_manifest(folder, manifest)


def old_sklearn(folder: Path) -> None:
    manifest = _manifest(folder)
    manifest["versions"]["sklearn"] = "0.24.2"
    _write_manifest(folder, manifest)


def future_sklearn(folder: Path) -> None:
    manifest = _manifest(folder)
    manifest["versions"]["sklearn"] = "2.0.0"
    _write_manifest(folder, manifest)


def no_sklearn_version(folder: Path) -> None:
    manifest = _manifest(folder)
    del manifest["versions"]
    _write_manifest(folder, manifest)


def other_format(folder: Path) -> None:
    manifest = _manifest(folder)
    manifest["format"] = 99
    _write_manifest(folder, manifest)


def manifest_not_json(folder: Path) -> None:
    (folder / "manifest.json").write_bytes(b"\xff{not json")


def manifest_a_list(folder: Path) -> None:
    _write_manifest(folder, [1, 2, 3])


def manifest_without_sha(folder: Path) -> None:
    manifest = _manifest(folder)
    del manifest["bundle"]["sha256"]
    _write_manifest(folder, manifest)


def bundle_outside(folder: Path) -> None:
    manifest = _manifest(folder)
    manifest["bundle"]["file"] = "/etc/passwd"
    _write_manifest(folder, manifest)


FAULTS: dict[str, Callable[[Path], None]] = {
    f.__name__: f
    for f in (
        flip_byte,
        truncate,
        missing_manifest,
        missing_bundle,
        manifest_for_another_file,
        manifest_of_another_model,
        old_sklearn,
        future_sklearn,
        no_sklearn_version,
        other_format,
        manifest_not_json,
        manifest_a_list,
        manifest_without_sha,
        bundle_outside,
    )
}


@pytest.fixture(scope="module")
def shipped_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if SHIPPED is None:
        pytest.skip("no shipped model")
    target = tmp_path_factory.mktemp("shipped") / "default"
    shutil.copytree(SHIPPED, target)
    return target


@pytest.fixture
def broken(request: pytest.FixtureRequest, shipped_copy: Path, tmp_path: Path) -> Path:
    """A copy of the shipped model with one fault (the joblib file hard-linked when untouched)."""
    folder = tmp_path / "model"
    folder.mkdir()
    shutil.copy2(shipped_copy / "manifest.json", folder / "manifest.json")
    name: str = request.param
    if name in {"flip_byte", "truncate"}:
        shutil.copy2(shipped_copy / "model.joblib", folder / "model.joblib")
    else:
        os.link(shipped_copy / "model.joblib", folder / "model.joblib")
    FAULTS[name](folder)
    return folder


@pytest.fixture
def no_unpickling(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make joblib.load record its calls and refuse to unpickle anything."""
    import joblib

    calls: list[str] = []

    def refuse(path: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(str(path))
        raise AssertionError("joblib.load was called on a model that failed its checks")

    monkeypatch.setattr(joblib, "load", refuse)
    return calls


@pytest.fixture
def default_is(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Point the shipped-model lookup at another folder, with an empty cache."""

    def point(folder: Path) -> None:
        monkeypatch.setattr(model_module, "default_model_path", lambda: folder)
        monkeypatch.setattr(model_module.Scorer, "_default", None)

    return point


@needs_model
@pytest.mark.parametrize("broken", list(FAULTS), indirect=True)
def test_a_broken_model_is_a_model_error_before_unpickling(
    broken: Path, no_unpickling: list[str]
) -> None:
    with pytest.raises(ModelError) as info:
        model_module.Scorer.load(broken)
    assert no_unpickling == []
    message = str(info.value)
    assert "AssertionError" not in message
    assert len(message) < 600


@needs_model
@pytest.mark.parametrize("broken", list(FAULTS), indirect=True)
def test_the_moderator_refuses_to_start_on_a_broken_model(
    broken: Path, no_unpickling: list[str], default_is: Callable[[Path], None]
) -> None:
    default_is(broken)
    with pytest.raises(ModelError, match="rules_only"):
        Moderator(secret=SECRET)
    assert no_unpickling == []
    # Rules only is an explicit choice, and then nothing unscored is accepted.
    with Moderator(rules_only=True, secret=SECRET) as mod:
        decision = mod.check(FORM)
    assert decision.action is Action.HOLD
    assert "unscored" in decision.codes


@needs_model
@pytest.mark.parametrize(
    "broken", ["flip_byte", "missing_manifest", "old_sklearn", "manifest_for_another_file"],
    indirect=True,
)  # fmt: skip
def test_the_command_line_exits_with_the_model_code(
    broken: Path,
    no_unpickling: list[str],
    default_is: Callable[[Path], None],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    default_is(broken)
    assert cli_main(["check", "--name", "Ana", "--email", "a@b.fr", "--text", "Bonjour"]) == 4
    export = tmp_path / "in.csv"
    export.write_text("text,author,email\nBonjour,Ana,a@b.fr\n")
    out = tmp_path / "out.csv"
    assert score_main([str(export), "-o", str(out), "--model", str(broken)]) == 4
    assert not out.exists() or "accept" not in out.read_text()
    assert no_unpickling == []
    err = capsys.readouterr().err
    assert "Traceback" not in err


MALFORMED_THRESHOLDS: dict[str, Any] = {
    "a list": [0.5, 0.9],
    "a text": {"spam": {"hold": "high"}},
    "a number": {"spam": 0.5},
}


@needs_model
@pytest.mark.parametrize("thresholds", list(MALFORMED_THRESHOLDS))
def test_malformed_manifest_thresholds_are_a_model_error_at_every_entry(
    shipped_copy: Path, tmp_path: Path, default_is: Callable[[Path], None], thresholds: str
) -> None:
    folder = tmp_path / "model"
    folder.mkdir()
    os.link(shipped_copy / "model.joblib", folder / "model.joblib")
    manifest = _manifest(shipped_copy)
    manifest["thresholds"] = MALFORMED_THRESHOLDS[thresholds]
    _write_manifest(folder, manifest)
    with pytest.raises(ModelError, match="manifest thresholds"):
        model_module.Scorer.load(folder)
    default_is(folder)
    with pytest.raises(ModelError, match="rules_only"):
        Moderator(secret=SECRET)


# -- the store: concurrent processes -------------------------------------------------------------

ROWS_PER_PROCESS = 40


def _writer(path: str, n: int, errors: Any) -> None:
    """Check and give feedback on ROWS_PER_PROCESS comments through a store of its own."""
    try:
        store = SQLiteStore(path, timeout=5.0)
        with Moderator(scorer=FixedScorer(), store=store, secret=SECRET) as mod:
            for i in range(ROWS_PER_PROCESS):
                form = {
                    "name": f"P{n}",
                    "email": f"p{n}-{i}@example.org",
                    "text": f"commentaire {i} du processus {n}",
                    "post_id": str(i % 5),
                }
                decision = mod.check(form)
                mod.feedback(decision.id, ("spam", "ham", "toxic")[i % 3])
    except BaseException as exc:
        errors.put(f"{n}: {type(exc).__name__}: {exc}")
        raise


@pytest.mark.slow  # a stress campaign: four interpreters (two processes: tests/test_store.py)
def test_four_processes_write_feedback_at_once(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")
    SQLiteStore(path).close()  # schema first, as a server does at start
    ctx = multiprocessing.get_context("spawn")  # fresh interpreters: no lock inherited mid-use
    errors = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(path, n, errors)) for n in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=180)
    found = []
    while not errors.empty():
        found.append(errors.get())
    assert found == []
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT COUNT(*) FROM comments").fetchone()[0] == 4 * ROWS_PER_PROCESS
        assert conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0] == 4 * ROWS_PER_PROCESS
        verdicts = dict(conn.execute("SELECT verdict, COUNT(*) FROM feedback GROUP BY verdict"))
        assert sum(verdicts.values()) == 4 * ROWS_PER_PROCESS
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


# -- the store: a writer killed mid-write --------------------------------------------------------

KILLED_WRITER = """
import sys
from modkit import Moderator, SQLiteStore
from modkit.testing import FixedScorer
store = SQLiteStore(sys.argv[1])
mod = Moderator(scorer=FixedScorer(), store=store, secret=sys.argv[2])
big = "x" * 20000
i = 0
while True:
    d = mod.check({"name": "K", "email": f"k{i}@example.org", "text": f"{i} {big}"})
    mod.feedback(d.id, "spam")
    print(d.id, flush=True)  # committed: check and feedback returned
    i += 1
"""


@pytest.mark.slow  # kills a process
@pytest.mark.parametrize("after", [0.3, 0.8])
def test_a_writer_killed_mid_write_loses_no_committed_row(tmp_path: Path, after: float) -> None:
    path = tmp_path / "killed.db"
    SQLiteStore(path).close()
    script = tmp_path / "writer.py"
    script.write_text(KILLED_WRITER)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen(
        [sys.executable, str(script), str(path), SECRET],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    committed: list[str] = []
    deadline = time.monotonic() + 60
    while len(committed) < 5 and time.monotonic() < deadline:  # wait until it really writes
        committed.append(proc.stdout.readline().strip())
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    rest, _ = proc.communicate(timeout=30)
    committed += [line for line in rest.splitlines() if line.strip()]
    assert proc.returncode == -signal.SIGKILL
    assert len(committed) >= 5
    # The database still opens, is consistent, and holds every row the writer saw committed.
    store = SQLiteStore(path)
    try:
        for decision_id in committed:
            assert store.get(decision_id) is not None, decision_id
        feedback = {r.decision_id for r in store.feedback()}
        assert set(committed) <= feedback
        with Moderator(scorer=FixedScorer(), store=store, secret=SECRET) as mod:
            d = mod.check(FORM)
            assert store.get(d.id) is not None
    finally:
        store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


# -- the store: a full disk ----------------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KiB tmpfs (root only); skipped where it cannot be mounted."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill_until_full(mod: Moderator, caplog: pytest.LogCaptureFixture) -> list[Any]:
    decisions = []
    for i in range(400):
        decisions.append(
            mod.check(
                {
                    "name": "Ana",
                    "email": f"ana{i}@example.org",
                    "text": f"commentaire {i} " + "é" * 3000,
                    "post_id": str(i),
                }
            )
        )
        if any("not recorded" in r.getMessage() for r in caplog.records):
            break
    return decisions


def test_a_full_disk_is_a_clear_error_and_the_decision_is_still_made(
    tiny_disk: Path, caplog: pytest.LogCaptureFixture
) -> None:
    filler = tiny_disk / "filler"
    filler.write_bytes(b"\0" * 200_000)
    store = SQLiteStore(tiny_disk / "m.db")
    mod = Moderator(scorer=FixedScorer(), store=store, secret=SECRET)
    caplog.set_level(logging.ERROR, logger="modkit")
    decisions = _fill_until_full(mod, caplog)
    last = decisions[-1]
    assert last.action is Action.ACCEPT  # the decision was made and returned
    assert store.get(last.id) is None  # ... but could not be stored
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any("disk is full" in m and last.id in m for m in errors), errors
    assert not any("ana" in m for m in errors)
    with pytest.raises(StoreError, match="disk is full"):  # the store itself says why
        store.record(_record_of(store, last))
    # Space comes back: the same store (and its connections) work again.
    filler.unlink()
    again = mod.check({**FORM, "email": "back@example.org"})
    assert store.get(again.id) is not None
    mod.feedback(again.id, "ham")
    mod.close()
    conn = sqlite3.connect(tiny_disk / "m.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def _record_of(store: SQLiteStore, decision: Any) -> Any:
    from datetime import UTC, datetime

    from modkit._store import CommentRecord

    return CommentRecord(
        decision_id=decision.id + "-again",
        created_at=datetime.now(UTC),
        author="a" * 64,
        ip=None,
        post_id=None,
        fingerprint="f" * 64,
        action="accept",
        lang="fr",
        text="é" * 60000,
    )


def test_sqlite_full_without_a_tmpfs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The same through SQLite's own limit (max_page_count): a real SQLITE_FULL anywhere."""
    store = SQLiteStore(tmp_path / "m.db")
    mod = Moderator(scorer=FixedScorer(), store=store, secret=SECRET)
    mod.check(FORM)
    conn = store._conn()  # this thread's connection, the one the moderator writes with
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    caplog.set_level(logging.ERROR, logger="modkit")
    decisions = _fill_until_full(mod, caplog)
    assert store.get(decisions[-1].id) is None
    assert any("disk is full" in r.getMessage() for r in caplog.records)
    with pytest.raises(StoreError, match="full"):
        store.record(_record_of(store, decisions[-1]))
    conn.execute("PRAGMA max_page_count = 1073741823")
    again = mod.check({**FORM, "email": "back@example.org"})
    assert store.get(again.id) is not None
    mod.close()
