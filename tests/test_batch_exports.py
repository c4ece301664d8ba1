"""Real exports' quirks, on small synthetic fixtures: every comment read, or a loud failure.

The fixtures in ``fixtures/batch/exports/`` are written by hand after quirks seen in real WordPress
and Disqus exports (never copied from one: their emails and IPs are made-up canaries).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from modkit._batch import OUTPUT_COLUMNS, Record, ResultRow, detect_format, open_records
from modkit._batch import read_records as read_any
from modkit._batch_cli import EXIT_CONFIG, EXIT_INPUT, EXIT_OK, main

pytest.importorskip("defusedxml")

EXPORTS = Path(__file__).parent / "fixtures" / "batch" / "exports"
POLICY = Path(__file__).parent / "fixtures" / "batch" / "policy.toml"
RULES = ["--rules-only", "--policy", str(POLICY), "--progress", "never"]
SCORED = ("accept", "hold", "reject")


def read(name: str, **kwargs: str) -> list[Record]:
    return list(open_records(EXPORTS / name, **kwargs))


def score(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[ResultRow], str]:
    """Run ``modkit score`` on ``source``; return the exit code, the output rows and stderr."""
    out = tmp_path / "out.csv"
    code = main([str(source), "-o", str(out), *RULES, *args])
    rows: list[ResultRow] = []
    if out.exists():
        with out.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            assert next(reader) == list(OUTPUT_COLUMNS)
            rows = [ResultRow.from_csv(cells) for cells in reader]
        lines = out.read_bytes().count(b"\n")
        assert lines == len(rows) + 1  # one physical line per row, whatever the bodies hold
    return code, rows, capsys.readouterr().err


# -- WXR namespaces --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["wxr_1.0_http.xml", "wxr_1.1_https.xml", "wxr_1.2_https.xml"])
def test_every_wxr_namespace_version_is_read(name: str) -> None:
    got = read(name)
    assert [(r.position, r.id, r.post_id, r.status, r.error) for r in got] == [
        (1, "1", "10", "approved", None),
        (2, "2", "10", "spam", None),
    ]


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
@pytest.mark.parametrize("scheme", ["http", "https"])
@pytest.mark.parametrize("slash", ["/", ""])
def test_every_wxr_namespace_variant_is_read(version: str, scheme: str, slash: str) -> None:
    doc = (EXPORTS / "wxr_1.2_https.xml").read_text(encoding="utf-8")
    doc = doc.replace('xmlns:wp="https://wordpress.org/export/1.2/"', "XMLNS_WP")
    doc = doc.replace("XMLNS_WP", f'xmlns:wp="{scheme}://wordpress.org/export/{version}{slash}"')
    got = list(read_any(io.BytesIO(doc.encode()), format="auto"))
    assert [(r.id, r.error) for r in got] == [("1", None), ("2", None)]


def test_comments_in_an_unknown_namespace_are_error_rows_not_silence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    got = read("wxr_unknown_namespace.xml")
    assert [(r.position, r.error) for r in got] == [(1, "xml_format"), (2, "xml_format")]
    assert "http://example.com/not-wordpress/1.2/" in (got[0].detail or "")
    code, rows, err = score(EXPORTS / "wxr_unknown_namespace.xml", tmp_path, capsys)
    assert code == EXIT_INPUT
    assert [r.action for r in rows] == ["error", "error"]
    assert "no comment read: xml_format" in err
    assert "not a WordPress export namespace" in err


@pytest.mark.parametrize(
    ("namespace", "named"),
    [
        ("https://example.com/export/1.2/", "namespace 'https://example.com/export/1.2/'"),
        ("mailto:canary@example.org", "an unknown namespace"),
        ("http://canary:secret@example.com/x/", "an unknown namespace"),
        ("http://203.0.113.9/export/", "an unknown namespace"),
        ("urn:" + "x" * 200, "an unknown namespace"),
    ],
)
def test_an_unknown_namespace_is_named_only_when_it_is_a_plain_address(
    namespace: str, named: str
) -> None:
    doc = f"<rss xmlns:c='{namespace}'><channel><item><c:comment/></item></channel></rss>"
    (got,) = read_any(io.BytesIO(doc.encode()), format="wxr")
    assert got.error == "xml_format"
    assert (got.detail or "").startswith(f"a <comment> element in {named}, not a WordPress")


# -- WXR quirks ------------------------------------------------------------------------------------


def test_wxr_with_a_bom_and_crlf_line_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (EXPORTS / "wxr_bom_crlf.xml").read_bytes().startswith(b"\xef\xbb\xbf<?xml")
    got = read("wxr_bom_crlf.xml")
    assert [r.id for r in got] == ["21", "22"]
    assert got[0].form["text"] == "Première ligne\nseconde ligne\n\ntroisième."
    code, rows, _ = score(EXPORTS / "wxr_bom_crlf.xml", tmp_path, capsys)
    assert code == EXIT_OK
    assert [r.action in SCORED for r in rows] == [True, True]


def test_wxr_entities_in_cdata_and_whitespace_around_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (got,) = read("wxr_entities_whitespace.xml")
    assert got.form["text"] == 'Café crème & thé – "délicieux" …'
    assert got.form["name"] == "Zoé"
    assert got.form["email"] == "canary.zoe.ws@example.org"  # trailing newline and indent gone
    assert got.form["ip"] == "203.0.113.51"
    assert got.form["submitted_at"] == "2024-03-02T09:30:00+00:00"
    assert (got.id, got.status, got.type) == ("31", "approved", "comment")
    code, rows, _ = score(EXPORTS / "wxr_entities_whitespace.xml", tmp_path, capsys)
    assert code == EXIT_OK
    assert rows[0].action in SCORED  # the email validates: scored, not invalid


def test_wxr_statuses_duplicate_ids_minimal_comments_pings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    got = read("wxr_statuses_duplicates.xml")
    assert [(r.position, r.id, r.type, r.status) for r in got] == [
        (1, "41", "comment", "approved"),
        (2, "42", "comment", "pending"),
        (3, "43", "comment", "spam"),
        (4, "44", "comment", "trash"),
        (5, "45", "comment", None),  # only id, author and content
        (6, "43", "comment", "approved"),  # a duplicate id: read again, not merged
        (7, "46", "pingback", "approved"),
        (8, "47", "trackback", "pending"),
    ]
    assert set(got[4].form) == {"name", "text", "post_id"}
    code, rows, _ = score(EXPORTS / "wxr_statuses_duplicates.xml", tmp_path, capsys)
    assert code == EXIT_OK
    assert [r.position for r in rows] == list(range(1, 9))
    assert all(r.action in SCORED for r in rows)  # pings and the minimal comment are scored
    assert [r.type for r in rows][-2:] == ["pingback", "trackback"]
    assert [r.id for r in rows].count("43") == 2


def test_wxr_without_comments_fails_loudly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, rows, err = score(EXPORTS / "wxr_no_comments.xml", tmp_path, capsys)
    assert code == EXIT_INPUT
    assert [(r.action, r.error) for r in rows] == [("error", "no_comments")]
    assert "a WordPress export with 2 items and no comment" in err


def test_junk_before_the_xml_declaration_is_an_xml_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = EXPORTS / "wxr_junk_before_declaration.xml"
    assert detect_format(source, source.read_bytes()[:4096]) == "wxr"
    code, rows, err = score(source, tmp_path, capsys)
    assert code == EXIT_INPUT
    assert [(r.action, r.error) for r in rows] == [("error", "xml_syntax")]
    assert "at line 2, column 0" in err
    assert "before its <?xml declaration" in err


# -- Disqus quirks ---------------------------------------------------------------------------------


def test_disqus_flags_other_than_true_and_false() -> None:
    got = read("disqus_flags.xml")
    assert [(r.id, r.status) for r in got] == [
        ("9101", "spam"),  # isSpam 1
        ("9102", "deleted"),  # isSpam FALSE, isDeleted True
        ("9103", None),  # isSpam null: the export's verdict is unknown
        ("9104", "approved"),  # blank flags
        ("9105", "approved"),  # no flags at all
        ("9106", "approved"),  # isSpam no, isDeleted 0
    ]


def test_disqus_posts_without_id_orphans_and_empty_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    got = read("disqus_orphans_empty.xml")
    assert [(r.position, r.id, r.post_id) for r in got] == [
        (1, None, "8101"),  # no dsq:id
        (2, "9202", "8999"),  # its thread is not in the file
        (3, "9203", None),  # no thread at all
        (4, "9204", "8101"),
        (5, "9205", "8101"),
        (6, "9206", "8101"),
        (7, "9207", "8101"),
    ]
    assert [("text" in r.form) for r in got[3:6]] == [False, False, False]  # empty messages
    assert got[6].form["text"] == "Réponse & lien ici (http://x.example.com)"
    assert got[6].form["parent_id"] == "9202"
    code, rows, _ = score(EXPORTS / "disqus_orphans_empty.xml", tmp_path, capsys)
    assert code == EXIT_OK
    assert all(r.action in SCORED for r in rows[:3])  # orphans are scored like the others
    assert [(r.action, r.detail) for r in rows[3:6]] == [("invalid", "text:required")] * 3


def test_a_stray_character_before_the_declaration_is_reported_as_xml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = EXPORTS / "disqus_stray_character.xml"
    code, rows, err = score(source, tmp_path, capsys)
    assert code == EXIT_INPUT
    assert [(r.action, r.error) for r in rows] == [("error", "xml_syntax")]
    assert "XML malformed or truncated at line 1, column 1" in err
    assert "CSV" not in err


def test_xml_broken_further_on_keeps_what_was_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, rows, err = score(EXPORTS / "disqus_broken_further_on.xml", tmp_path, capsys)
    assert code == EXIT_INPUT
    assert [(r.position, r.id, r.action in SCORED) for r in rows] == [
        (1, "9301", True),
        (2, "9302", True),
        (3, None, False),
    ]
    assert rows[2].error == "xml_syntax"
    assert "line 29" in (rows[2].detail or "")
    assert "read 3, written 3: ok" in err


def test_disqus_without_posts_fails_loudly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, rows, err = score(EXPORTS / "disqus_no_posts.xml", tmp_path, capsys)
    assert code == EXIT_INPUT
    assert [r.error for r in rows] == ["no_comments"]
    assert "a Disqus export with 1 threads and no post" in err


# -- CSV and JSONL quirks --------------------------------------------------------------------------


def test_csv_with_a_bom_and_crlf_inside_bodies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    got = read("comments_bom_crlf.csv")
    assert [(r.position, r.id, r.status) for r in got] == [
        (2, "1", "approved"),
        (4, "2", "pending"),  # line 3 is the second line of the first body
        (5, "3", "spam"),
    ]
    assert got[0].form["text"] == "Ligne un\r\nligne deux"
    code, rows, _ = score(EXPORTS / "comments_bom_crlf.csv", tmp_path, capsys)
    assert code == EXIT_OK
    assert all(r.action in SCORED for r in rows)


def test_jsonl_with_a_bom_and_crlf_line_ends() -> None:
    got = read("comments_bom_crlf.jsonl")
    assert [(r.position, r.id, r.error) for r in got] == [(1, "1", None), (2, "2", None)]
    assert got[0].form["text"] == "Ligne un\r\nligne deux"


def test_a_csv_header_without_rows_fails_loudly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, rows, err = score(EXPORTS / "comments_header_only.csv", tmp_path, capsys)
    assert code == EXIT_INPUT
    assert [(r.position, r.error) for r in rows] == [(2, "no_comments")]
    assert "a CSV header and no data row" in err


# -- a non-empty input never gives zero rows with exit 0 -------------------------------------------

NON_EMPTY = {
    "blank lines": b"\n \n\t\n",
    "a BOM alone": b"\xef\xbb\xbf",
    "a NUL": b"\x00",
    "text": b"hello",
    "a CSV header": b"id,comment\n",
    "a CSV without a text column": b"id,note\n1,a\n",
    "a JSON array": b"[]\n",
    "a JSON object": b'{"id": 1}\n',
    "an empty rss": b"<rss/>",
    "an rss channel": b"<rss><channel><title>t</title></channel></rss>",
    "an rss item": b"<rss><channel><item><title>t</title></item></channel></rss>",
    "a foreign comment": (
        b'<rss xmlns:c="http://example.com/c"><channel><item><c:comment/></item></channel></rss>'
    ),
    "an empty disqus": b"<disqus/>",
    "another root": b'<?xml version="1.0"?><feed><entry/></feed>',
    "truncated xml": b"<?xml version='1.0'?><rss><chan",
    "junk and xml": b"x<?xml version='1.0'?><disqus><post/></disqus>",
}


@pytest.mark.parametrize("fmt", ["auto", "csv", "jsonl", "wxr", "disqus"])
@pytest.mark.parametrize("case", list(NON_EMPTY))
def test_a_non_empty_input_never_gives_zero_rows_and_exit_0(
    case: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "export.dat"
    source.write_bytes(NON_EMPTY[case])
    code, rows, err = score(source, tmp_path, capsys, "--format", fmt, "--summary", "json")
    assert code in (EXIT_OK, EXIT_INPUT, EXIT_CONFIG)
    if code == EXIT_OK:
        assert rows, "exit 0 with zero rows"
        assert json.loads(err.splitlines()[-1])["rows_read"] == len(rows)
    else:
        assert "modkit score:" in err  # the cause is named


@pytest.mark.parametrize("fmt", ["auto", "csv", "jsonl", "wxr", "disqus"])
def test_an_empty_file_is_zero_rows_and_exit_0(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "export.dat"
    source.write_bytes(b"")
    code, rows, _ = score(source, tmp_path, capsys, "--format", fmt)
    assert (code, rows) == (EXIT_OK, [])


# -- format detection by content -------------------------------------------------------------------

WXR_HEAD = b'<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/">'


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("export.txt", WXR_HEAD, "wxr"),
        ("export.csv", b"x" + WXR_HEAD, "wxr"),
        ("export.json", b"Warning: headers already sent\n" + WXR_HEAD, "wxr"),
        ("export", b"x<?xml version='1.0'?><disqus xmlns='http://disqus.com'>", "disqus"),
        (None, "<?xml version='1.0'?><disqus>".encode("utf-16"), "disqus"),
        (None, b"\xef\xbb\xbf" + WXR_HEAD, "wxr"),
        ("export.csv", b'id,comment\n1,"see <rss> and <?xml?> in a cell"\n', "csv"),
        ("export.csv", b"id,comment\n1,hello\n", "csv"),
        (None, b"id,comment\n", "csv"),
        ("export.txt", b'{"text": "hi"}\n', "csv"),  # a known extension wins over JSON content
        (None, b'\n\n{"text": "hi"}\n', "jsonl"),
    ],
)
def test_detect_format_by_content(name: str | None, head: bytes, fmt: str) -> None:
    assert detect_format(name, head) == fmt


def test_a_jsonl_file_read_as_csv_names_the_likely_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "export.csv"
    source.write_bytes(b'{"id": 1, "body": "hello"}\n')
    code, _, err = score(source, tmp_path, capsys)
    assert code == EXIT_CONFIG
    assert "--format jsonl" in err


# -- privacy ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in EXPORTS.iterdir()))
def test_no_email_or_ip_of_an_export_reaches_any_output(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.html"
    out_jsonl = tmp_path / "out.jsonl"
    _, rows, err = score(EXPORTS / name, tmp_path, capsys, "--report", str(report))
    main([str(EXPORTS / name), "-o", str(out_jsonl), *RULES, "--summary", "json"])
    err += capsys.readouterr().err
    seen = " ".join(
        [
            (tmp_path / "out.csv").read_text(encoding="utf-8"),
            out_jsonl.read_text(encoding="utf-8"),
            report.read_text(encoding="utf-8"),
            err,
            " ".join(repr(r) for r in read(name)),
        ]
    )
    assert rows
    for canary in ("canary", "example.org", "203.0.113."):
        assert canary not in seen
