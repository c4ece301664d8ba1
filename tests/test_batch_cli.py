"""``modkit score``: exit codes, output formats, resume, report, progress, the count check."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from modkit._batch import OUTPUT_COLUMNS, ResultRow, resume_output
from modkit._batch_cli import EXIT_CONFIG, EXIT_INPUT, EXIT_MODEL, EXIT_OK, EXIT_USAGE, main
from modkit._errors import ConfigError

FIXTURES = Path(__file__).parent / "fixtures" / "batch"
POLICY = FIXTURES / "policy.toml"
RULES = ["--rules-only", "--policy", str(POLICY), "--summary", "none"]


def score(*args: str) -> int:
    return main([*args])


def csv_rows(path: Path) -> list[ResultRow]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        assert next(reader) == list(OUTPUT_COLUMNS)
        return [ResultRow.from_csv(cells) for cells in reader]


def jsonl_rows(path: Path) -> list[ResultRow]:
    return [ResultRow.from_dict(json.loads(line)) for line in path.read_text("utf-8").splitlines()]


@pytest.mark.parametrize(
    ("name", "code", "rows"),
    [
        ("comments.csv", EXIT_INPUT, 17),
        ("comments.jsonl", EXIT_INPUT, 12),
        ("wordpress.xml", EXIT_OK, 6),
        ("wordpress_truncated.xml", EXIT_INPUT, 5),
        ("disqus.xml", EXIT_OK, 5),
        ("disqus_bomb.xml", EXIT_INPUT, 1),
        ("comments_utf16.csv", EXIT_OK, 3),
        ("comments_cp1252.csv", EXIT_INPUT, 3),
    ],
)
def test_exit_code_and_one_row_per_input_row(
    name: str, code: int, rows: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    assert score(str(FIXTURES / name), "-o", str(out), *RULES[:-2]) == code
    got = csv_rows(out)
    assert len(got) == rows
    assert [r.position for r in got] == sorted(r.position for r in got)
    err = capsys.readouterr().err
    assert f"read {rows:,}, written {rows:,}: ok" in err


def test_actions_on_the_csv_fixture(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    score(str(FIXTURES / "comments.csv"), "-o", str(out), *RULES)
    by_id = {r.id: r for r in csv_rows(out)}
    assert by_id["c1"].action == "accept"
    assert by_id["c3"].action == "reject"
    assert by_id["c3"].reasons == ("blocked_word", "too_many_links")
    assert by_id["c12"].action == "hold"
    assert (by_id["c8"].action, by_id["c8"].detail) == ("invalid", "text:required")
    assert (by_id["c11"].action, by_id["c11"].detail) == ("invalid", "email:invalid")
    assert by_id["c10"].action == "accept"  # no author: filled in, scored on its text
    errors = [(r.position, r.error) for r in csv_rows(out) if r.action == "error"]
    assert errors == [(17, "columns"), (18, "csv_syntax")]


def test_jsonl_output_by_extension_and_by_option(tmp_path: Path) -> None:
    by_ext = tmp_path / "out.jsonl"
    by_opt = tmp_path / "out.txt"
    source = str(FIXTURES / "disqus.xml")
    assert score(source, "-o", str(by_ext), *RULES) == EXIT_OK
    assert score(source, "-o", str(by_opt), "--output-format", "jsonl", *RULES) == EXIT_OK
    rows = jsonl_rows(by_ext)
    assert rows == jsonl_rows(by_opt)
    assert [r.status for r in rows] == ["approved", "spam", "deleted", "approved", "approved"]


def test_standard_output_and_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert score(str(FIXTURES / "wordpress.xml"), *RULES) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ",".join(OUTPUT_COLUMNS)
    assert len(lines) == 7

    class Stdin:
        buffer = (FIXTURES / "comments.jsonl").open("rb")

    monkeypatch.setattr("sys.stdin", Stdin)
    try:
        assert score("-", "-o", str(tmp_path / "o.csv"), *RULES) == EXIT_INPUT
    finally:
        Stdin.buffer.close()
    assert len(csv_rows(tmp_path / "o.csv")) == 12


def test_column_option(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("uuid,body,who\nu1,hello viagra,Ann\nu2,fine,Bob\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    args = ["--column", "id=uuid", "--column", "text=body", "--column", "name=who"]
    assert score(str(source), "-o", str(out), *args, *RULES) == EXIT_OK
    assert [(r.id, r.action) for r in csv_rows(out)] == [("u1", "reject"), ("u2", "accept")]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["missing.csv"], EXIT_CONFIG, "No such file"),
        (["{fx}/comments.csv", "--column", "text"], EXIT_CONFIG, "FIELD=NAME"),
        (["{fx}/comments.csv", "--column", "text=nope"], EXIT_CONFIG, "not in the CSV header"),
        (["{fx}/comments.csv", "--resume"], EXIT_CONFIG, "--resume needs -o"),
        (["{fx}/comments.csv", "-o", "{fx}/../batch/comments.csv"], EXIT_CONFIG, "overwrite"),
        (["{fx}/comments.csv", "--encoding", "klingon"], EXIT_CONFIG, "klingon"),
        (["{fx}/comments.csv", "--policy", "{fx}/nope.toml"], EXIT_CONFIG, "nope.toml"),
        (["{fx}/comments.csv", "--model", "{fx}/no-model"], EXIT_MODEL, "model error"),
        (["{fx}/comments.csv", "--jobs", "0"], EXIT_USAGE, ""),
        (["{fx}/comments.csv", "--format", "yaml"], EXIT_USAGE, ""),
        ([], EXIT_USAGE, ""),
    ],
)
def test_errors_and_exit_codes(
    args: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [a.replace("{fx}", str(FIXTURES)) for a in args]
    extra = [] if "--model" in argv else ["--rules-only"]
    assert main([*argv, *extra, "--summary", "none"]) == code
    assert message in capsys.readouterr().err


def test_report_is_self_contained_and_escaped(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "id,comment,type,status\n"
        '1,hello,<script>alert(1)</script>,spam\n2,"buy viagra",comment,spam\n3,fine,comment,1\n',
        encoding="utf-8",
    )
    report = tmp_path / "r.html"
    out = tmp_path / "o.csv"
    assert score(str(source), "-o", str(out), "--report", str(report), *RULES) == EXIT_OK
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page
    assert "<script" not in page
    assert "&lt;script&gt;" in page
    assert "src=" not in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "Export status vs modkit action" in page


def test_progress_only_when_asked_or_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("modkit._batch_cli.PROGRESS_INTERVAL", 0.0)
    source = str(FIXTURES / "comments.csv")
    score(source, "-o", str(tmp_path / "a.csv"), *RULES, "--progress", "always")
    assert "rows/s" in capsys.readouterr().err
    score(source, "-o", str(tmp_path / "b.csv"), *RULES)  # auto: stderr is not a terminal
    assert "rows/s" not in capsys.readouterr().err
    score(source, "-o", str(tmp_path / "c.csv"), *RULES, "--progress", "never")
    assert "rows/s" not in capsys.readouterr().err


def test_the_last_progress_line_counts_every_row_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "author", "email", "comment"])
        writer.writerows([i, "Ann", "ann@example.net", f"bonjour {i}"] for i in range(3000))
    monkeypatch.setattr("modkit._batch_cli.PROGRESS_INTERVAL", 3600.0)  # no redraw on the way
    out = str(tmp_path / "o.csv")
    assert score(str(source), "-o", out, *RULES, "--progress", "always") == EXIT_OK
    lines = capsys.readouterr().err.split("\r")
    assert len(lines) == 2  # nothing but the last line, kept on screen
    assert lines[-1].startswith("       3,000 rows")
    assert "100.0%" in lines[-1]
    assert lines[-1].endswith("\x1b[K\n")


def test_summary_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    args = ["--rules-only", "--policy", str(POLICY), "--summary", "json"]
    score(str(FIXTURES / "wordpress.xml"), "-o", str(out), *args)
    data = json.loads(capsys.readouterr().err)
    assert data["rows"] == data["rows_read"] == data["rows_written"] == 6
    assert data["actions"]["reject"] == 1
    assert data["types"] == {"comment": 4, "pingback": 1, "trackback": 1}
    assert data["confusion"]["spam"]["reject"] == 1


@pytest.mark.slow  # starts worker processes
def test_two_jobs_write_the_same_file(tmp_path: Path) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    source = str(FIXTURES / "comments.csv")
    score(source, "-o", str(one), *RULES, "--chunk-size", "2")
    score(source, "-o", str(two), *RULES, "--chunk-size", "2", "--jobs", "2")
    assert two.read_bytes() == one.read_bytes()


# -- resume ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("out_name", ["out.csv", "out.jsonl"])
@pytest.mark.parametrize("cut", [0.0, 0.3, 0.55, 0.999, 1.0])
def test_resume_after_a_cut_gives_the_full_output(
    out_name: str, cut: float, tmp_path: Path
) -> None:
    source = str(FIXTURES / "comments.csv")
    full, part = tmp_path / f"full-{out_name}", tmp_path / out_name
    score(source, "-o", str(full), *RULES)
    data = full.read_bytes()
    part.write_bytes(data[: int(len(data) * cut)])  # as if killed mid-write
    assert score(source, "-o", str(part), "--resume", *RULES) == EXIT_INPUT
    assert part.read_bytes() == data


def test_resume_of_a_finished_run_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o.jsonl"
    source = str(FIXTURES / "disqus.xml")
    score(source, "-o", str(out), *RULES)
    before = out.read_bytes()
    args = ["--rules-only", "--policy", str(POLICY)]
    assert score(source, "-o", str(out), "--resume", *args) == EXIT_OK
    assert out.read_bytes() == before
    err = capsys.readouterr().err
    assert "modkit score: 5 rows" in err  # the summary covers the rows of the first run too


def test_resume_into_the_output_of_another_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o.csv"
    score(str(FIXTURES / "comments.csv"), "-o", str(out), *RULES)
    code = score(str(FIXTURES / "wordpress.xml"), "-o", str(out), "--resume", *RULES)
    assert code == EXIT_CONFIG
    assert "not the same input" in capsys.readouterr().err


def test_resume_into_a_file_that_is_not_an_output_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    out.write_text("name,email\nAnn,a@example.org\n", encoding="utf-8")
    assert score(str(FIXTURES / "comments.csv"), "-o", str(out), "--resume", *RULES) == EXIT_CONFIG
    assert out.read_text(encoding="utf-8").startswith("name,email")  # left alone


@pytest.mark.parametrize(
    ("content", "rows", "kept"),
    [
        (b"", 0, b""),
        (b"posi", 0, b""),
        (
            b'{"position": 1, "action": "accept"}\n{"posi',
            1,
            b'{"position": 1, "action": "accept"}\n',
        ),
        (b'{"position": 1, "action": "hold"}\n', 1, b'{"position": 1, "action": "hold"}\n'),
    ],
)
def test_resume_output_counts_complete_lines(
    content: bytes, rows: int, kept: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "o.jsonl"
    path.write_bytes(content)
    seen: list[ResultRow] = []
    assert resume_output(path, "jsonl", seen.append) == (rows, False)
    assert path.read_bytes() == kept
    assert len(seen) == rows


def test_resume_output_of_a_missing_file(tmp_path: Path) -> None:
    assert resume_output(tmp_path / "none.csv", "csv") == (0, False)


def test_resume_output_refuses_a_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "o.jsonl"
    path.write_bytes(b'{"position": 1, "action": "explode"}\n')
    with pytest.raises(ConfigError, match="line 1"):
        resume_output(path, "jsonl")


# -- with the shipped model ------------------------------------------------------------------------

MODEL = Path(__file__).resolve().parent.parent / "models" / "default"


@pytest.mark.slow  # starts worker processes
@pytest.mark.skipif(
    not (MODEL / "manifest.json").is_file(), reason="no trained model in models/default yet"
)
@pytest.mark.parametrize("name", ["wordpress.xml", "disqus.xml", "comments.jsonl"])
def test_the_default_model_scores_every_readable_row(name: str, tmp_path: Path) -> None:
    version = json.loads((MODEL / "manifest.json").read_text(encoding="utf-8"))["version"]
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    source = str(FIXTURES / name)
    main([source, "-o", str(one), "--summary", "none"])
    main([source, "-o", str(two), "--summary", "none", "--jobs", "2", "--chunk-size", "2"])
    assert two.read_bytes() == one.read_bytes()
    scored = [r for r in csv_rows(one) if r.action in ("accept", "hold", "reject")]
    assert scored
    for row in scored:
        assert row.model_version == version
        assert {"spam", "toxicity"} <= set(row.scores)
        assert all(0.0 <= v <= 1.0 for v in row.scores.values())


def test_registers_in_the_modkit_command_line(tmp_path: Path) -> None:
    import argparse

    from modkit._batch_cli import HELP, add_arguments, add_parser, run
    from modkit._cli import Command, build_parser

    out = tmp_path / "o.csv"
    argv = ["score", str(FIXTURES / "wordpress.xml"), "-o", str(out), *RULES]
    parser = build_parser([Command("score", HELP, add_arguments, run)])
    args = parser.parse_args(argv)
    assert args._run(args) == EXIT_OK
    assert len(csv_rows(out)) == 6

    top = argparse.ArgumentParser(prog="modkit")
    add_parser(top.add_subparsers())
    args = top.parse_args(argv)
    assert args._run(args) == EXIT_OK
