"""The ``modkit`` command line, called through ``main(argv)``."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from modkit import _cli
from modkit._cli import (
    COMMANDS,
    EXIT_ACTION,
    EXIT_CONFIG,
    EXIT_INVALID,
    EXIT_MODEL,
    EXIT_OK,
    EXIT_USAGE,
    Command,
    build_parser,
    main,
)

EMAIL = "cli-canary-3k9@private.example"
IP = "198.18.77.66"
BASE = ["check", "--rules-only", "--name", "Ana", "--email", EMAIL, "--ip", IP]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert EMAIL not in out + err
    assert IP not in out + err
    return code, out, err


def test_check_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*BASE, "--text", "Bonjour à tous"], capsys)
    assert code == EXIT_OK
    assert "action: hold" in out
    assert "unscored (hold)" in out
    assert "scores: none (rules only)" in out
    assert "id: " in out


def test_check_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*BASE, "--text", "Hello", "--lang", "en", "--format", "json"], capsys)
    assert code == EXIT_OK
    data = json.loads(out)
    assert data["action"] == "hold"
    assert data["lang"] == "en"
    assert data["comment"]["author"] == "Ana"
    assert "email" not in json.dumps(data)


@pytest.mark.parametrize(
    ("extra", "fail_on", "expected"),
    [
        ([], "hold", EXIT_ACTION),
        ([], "reject", EXIT_OK),
        (["--field", "honeypot=x"], "reject", EXIT_ACTION),
    ],
)
def test_fail_on(
    capsys: pytest.CaptureFixture[str], extra: list[str], fail_on: str, expected: int
) -> None:
    code, _, _ = run([*BASE, "--text", "Salut", *extra, "--fail-on", fail_on], capsys)
    assert code == expected


def test_invalid_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", "--rules-only", "--name", "Ana", "--lang", "en"], capsys)
    assert code == EXIT_INVALID
    assert "email (required)" in err
    assert "text (required)" in err
    assert out == ""


def test_invalid_input_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--rules-only", "--text", "x", "--format", "json"], capsys)
    assert code == EXIT_INVALID
    assert json.loads(out)["error"] == "validation"


def test_invalid_email_is_not_echoed(capsys: pytest.CaptureFixture[str]) -> None:
    bad = EMAIL.replace("@", "@@")
    code = main(["check", "--rules-only", "--name", "A", "--email", bad, "--text", "t"])
    out, err = capsys.readouterr()
    assert code == EXIT_INVALID
    assert bad not in out + err
    assert "email (invalid)" in err


def test_json_file_and_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"name": "A", "email": EMAIL, "text": "Bonjour"}), encoding="utf-8")
    code, out, _ = run(["check", "--rules-only", "--json", str(one)], capsys)
    assert code == EXIT_OK
    assert "action: hold" in out
    batch = tmp_path / "batch.json"
    batch.write_text(
        json.dumps([{"name": "A", "email": EMAIL, "text": "Un"}, {"name": "B"}]), encoding="utf-8"
    )
    code, out, _ = run(["check", "--rules-only", "--json", str(batch), "--format", "json"], capsys)
    data = json.loads(out)
    assert [d.get("action", d.get("error")) for d in data] == ["hold", "validation"]
    assert code == EXIT_INVALID  # some items were invalid


def test_json_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = json.dumps({"name": "A", "email": EMAIL, "text": "Depuis stdin"})
    monkeypatch.setattr(sys, "stdin", io.StringIO(payload))
    code, out, _ = run(["check", "--rules-only", "--json", "-", "--format", "json"], capsys)
    assert code == EXIT_OK
    assert json.loads(out)["comment"]["text"] == "Depuis stdin"


def test_text_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Texte lu\nsur deux lignes"))
    code, out, _ = run([*BASE, "--text", "-", "--format", "json"], capsys)
    assert code == EXIT_OK
    assert json.loads(out)["comment"]["text"] == "Texte lu\nsur deux lignes"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [("{not json", "cannot read JSON"), ("42", "object or a list"), ("[1, 2]", "object or a list")],
)
def test_bad_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, fragment: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(["check", "--rules-only", "--json", str(path)], capsys)
    assert code == EXIT_INVALID
    assert fragment in err


def test_json_and_fields_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "--json", "x.json", "--name", "A"], capsys)
    assert code == EXIT_INVALID
    assert "either --json" in err


def test_bad_field_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([*BASE, "--text", "t", "--field", "novalue"], capsys)
    assert code == EXIT_INVALID
    assert "KEY=VALUE" in err


def test_policy_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('blocked_words = ["casino"]\n', encoding="utf-8")
    code, out, _ = run([*BASE, "--text", "Le casino", "--policy", str(policy)], capsys)
    assert code == EXIT_OK
    assert "action: reject" in out
    assert "blocked_word" in out
    policy.write_text("max_linkz = 1\n", encoding="utf-8")
    code, _, err = run([*BASE, "--text", "x", "--policy", str(policy)], capsys)
    assert code == EXIT_CONFIG
    assert "unknown policy key" in err


def test_db_needs_a_secret(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "m.db")
    code, _, err = run([*BASE, "--text", "x", "--db", db], capsys)
    assert code == EXIT_CONFIG
    assert "MODKIT_SECRET" in err
    monkeypatch.setenv("MODKIT_SECRET", "cli-test-secret-0123456789")
    assert run([*BASE, "--text", "x", "--db", db], capsys)[0] == EXIT_OK
    code, out, _ = run([*BASE, "--text", "x", "--db", db], capsys)
    assert "duplicate" in out  # remembered across runs


def test_model_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "modkit._model", None)
    code, _, err = run(["check", "--name", "A", "--email", EMAIL, "--text", "t"], capsys)
    assert code == EXIT_MODEL
    assert "--rules-only" in err


@pytest.mark.parametrize(
    "argv", [[], ["nope"], ["check", "--format", "xml"], ["check", "--unknown"]]
)
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == EXIT_USAGE
    capsys.readouterr()


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == EXIT_OK
    assert "Exit codes" in capsys.readouterr().out
    assert main(["--version"]) == EXIT_OK
    assert "modkit" in capsys.readouterr().out


def test_commands_can_be_registered(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[str] = []

    def add(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--word")

    def run_echo(args: argparse.Namespace) -> int:
        seen.append(args.word)
        return 7

    monkeypatch.setattr(_cli, "COMMANDS", [*COMMANDS, Command("echo", "say it", add, run_echo)])
    assert main(["echo", "--word", "salut"]) == 7
    assert seen == ["salut"]
    parser = build_parser([Command("only", "x", add, run_echo)])
    assert parser.parse_args(["only", "--word", "w"]).word == "w"


def test_python_dash_m(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "modkit", *BASE, "--text", "Depuis un sous-processus"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert proc.returncode == EXIT_OK, proc.stderr
    assert "action: hold" in proc.stdout
    assert EMAIL not in proc.stdout + proc.stderr
