"""Batch scoring: export readers, result rows, the (parallel) runner, privacy of the output."""

from __future__ import annotations

import io
import json
import pickle
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modkit._batch import (
    ANONYMOUS_EMAIL,
    MAX_FIELD_CHARS,
    OUTPUT_COLUMNS,
    BatchScorer,
    Record,
    ResultRow,
    ScoreOptions,
    detect_format,
    normalize_status,
    open_records,
    output_format_for,
    read_records,
    score_records,
)
from modkit._errors import ConfigError, ModelError
from modkit._policy import Policy

FIXTURES = Path(__file__).parent / "fixtures" / "batch"
POLICY = FIXTURES / "policy.toml"


class KeywordScorer:
    """A deterministic scorer whose scores depend on the text (so a row swap would show)."""

    version = "keyword-1"

    def score(self, text: str, /) -> dict[str, float]:
        low = text.casefold()
        spam = 0.99 if "viagra" in low else 0.7 if "casino" in low else 0.01 + len(text) % 97 / 1000
        toxic = 0.97 if "idiot" in low else 0.01 + (len(text) % 89) / 1000
        return {"spam": spam, "toxicity": toxic, "insult": toxic / 2}

    def score_many(self, texts: Sequence[str], /) -> list[dict[str, float]]:
        if isinstance(texts, str):
            raise TypeError("a bare str")
        return [self.score(t) for t in texts]


class BrokenScorer(KeywordScorer):
    """Fails on any text containing ``boom``."""

    def score(self, text: str, /) -> dict[str, float]:
        if "boom" in text:
            raise RuntimeError("scorer exploded")
        return super().score(text)


def _refuse_to_unpickle() -> KeywordScorer:
    raise RuntimeError("cannot be rebuilt here")


class ChildlessScorer(KeywordScorer):
    """Pickles, but cannot be unpickled (like a class only the parent process knows)."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_refuse_to_unpickle, ())


def records(name: str, **kwargs: Any) -> list[Record]:
    return list(open_records(FIXTURES / name, **kwargs))


def summary_of(recs: list[Record]) -> list[tuple[int, str | None, str | None, str | None]]:
    return [(r.position, r.id, r.status, r.error) for r in recs]


def policy() -> Policy:
    return Policy.from_toml(POLICY)


def keyword_options(**kwargs: Any) -> ScoreOptions:
    return ScoreOptions(scorer=KeywordScorer(), **kwargs)


# -- readers: each format on its fixture -----------------------------------------------------------


def test_csv_fixture_one_record_per_row_with_line_numbers() -> None:
    got = summary_of(records("comments.csv"))
    assert got == [
        (2, "c1", "approved", None),
        (3, "c2", "approved", None),
        (4, "c3", "spam", None),
        (5, "c4", "pending", None),
        (6, "c5", "approved", None),  # spans lines 6-8
        (9, "c6", "approved", None),
        (10, "c7", "approved", None),
        (11, "c8", "approved", None),
        (12, "c9", "approved", None),
        (13, "c10", "approved", None),
        (14, "c11", "approved", None),
        (15, "c12", "spam", None),
        (16, "c13", "trash", None),
        (17, None, None, "columns"),
        (18, None, None, "csv_syntax"),
        (19, "c16", "approved", None),
        (20, "c17", "pending", None),
    ]


def test_csv_fields_are_mapped_to_the_form() -> None:
    by_id = {r.id: r for r in records("comments.csv")}
    c5 = by_id["c5"].form
    assert c5["text"] == 'First line, with a comma\nsecond line "quoted"\nthird line'
    assert c5["name"] == "Dana"
    assert c5["post_id"] == "p2"
    assert by_id["c1"].form["submitted_at"] == "2024-03-01T10:00:00+00:00"
    assert by_id["c2"].form["submitted_at"] == "2024-03-01T11:30:00+00:00"
    assert "submitted_at" not in by_id["c16"].form  # "yesterday" is dropped, not an error
    assert "email" not in by_id["c10"].form
    assert "name" not in by_id["c10"].form
    assert by_id["c7"].form["text"].startswith("Привет, hello, مرحبا, 你好")
    assert by_id["c6"].form["text"] == "Bravo 🎉👍 super article !"


def test_jsonl_fixture() -> None:
    got = records("comments.jsonl")
    assert summary_of(got) == [
        (1, "j1", "approved", None),
        (2, "j2", "spam", None),
        (3, "3", "pending", None),
        (5, "j4", "approved", None),
        (6, None, None, "json_syntax"),
        (7, None, None, "not_object"),
        (8, "j7", None, None),
        (9, "j8", None, None),
        (10, "j9", "pending", None),
        (11, "j10", "trash", None),
        (12, None, None, "not_object"),
        (13, "j12", "approved", None),
    ]
    j1, j3 = got[0], got[2]
    assert j1.form["name"] == "Alice"  # from the nested author object
    assert j1.form["email"].startswith("canary.alice")
    assert j3.form["text"] == "what an idiot"  # "body" alias
    assert j3.post_id == "7"  # a JSON number id becomes a string
    assert got[6].form["text"] == 12345  # kept as is: validation decides


def test_wxr_fixture() -> None:
    got = records("wordpress.xml")
    assert [(r.position, r.id, r.post_id, r.type, r.status) for r in got] == [
        (1, "501", "101", "comment", "approved"),
        (2, "502", "101", "comment", "spam"),
        (3, "503", "101", "pingback", "approved"),
        (4, "504", "103", "comment", "trash"),
        (5, "505", "103", "trackback", "pending"),
        (6, "506", "103", "comment", "approved"),
    ]
    assert got[0].form["ip"] == "203.0.113.31"
    assert got[0].form["submitted_at"] == "2024-03-01T10:00:00+00:00"  # GMT date preferred
    assert got[2].form["submitted_at"] == "2024-03-02T08:00:00+00:00"  # 0000-00-00 GMT: local
    assert got[2].form["text"] == "[…] un billet qui cite cet article […]"
    assert "email" not in got[2].form  # pingbacks have no email
    assert got[5].form["parent_id"] == "501"
    assert got[5].form["text"] == "Je réponds à Claire : d'accord 👍\nsur deux lignes."
    assert '<a href="http://a.example.com">' in got[1].form["text"]  # WordPress keeps raw HTML


def test_disqus_fixture() -> None:
    got = records("disqus.xml")
    assert [(r.position, r.id, r.post_id, r.status) for r in got] == [
        (1, "9001", "8001", "approved"),
        (2, "9002", "8001", "spam"),
        (3, "9003", "8002", "deleted"),
        (4, "9004", "8002", "approved"),
        (5, "9005", "8002", "approved"),
    ]
    assert got[0].form["text"] == (
        "Très bon article, merci !\n\nUne question sur le budget & les écoles."
    )
    assert "http://b.example.com" in got[1].form["text"]  # link targets survive the HTML
    assert got[3].form["text"] == "Un avis anonyme 🙂\nsur deux lignes"
    assert "email" not in got[3].form
    assert got[3].form["parent_id"] == "9003"
    assert "submitted_at" not in got[4].form


def test_truncated_xml_keeps_the_rows_read_and_ends_with_one_error() -> None:
    got = records("wordpress_truncated.xml")
    assert [r.id for r in got[:-1]] == ["501", "502", "503", "504"]
    last = got[-1]
    assert (last.position, last.error) == (5, "xml_syntax")
    assert last.detail is not None
    assert "line" in last.detail


@pytest.mark.parametrize("name", ["disqus_bomb.xml", "wordpress_external_entity.xml"])
def test_xml_with_dtd_or_entities_is_refused(name: str) -> None:
    got = records(name)
    assert [(r.position, r.error) for r in got] == [(1, "xml_unsafe")]
    assert got[0].form == {}


@pytest.mark.parametrize(
    ("name", "fmt", "message"),
    [("disqus.xml", "wxr", "not a WordPress export"), ("wordpress.xml", "disqus", "not a Disqus")],
)
def test_xml_of_the_other_format_is_one_error_row(name: str, fmt: str, message: str) -> None:
    got = records(name, format=fmt)
    assert [(r.position, r.error) for r in got] == [(1, "xml_format")]
    assert got[0].detail is not None
    assert message in got[0].detail


@pytest.mark.parametrize("reader_format", ["wxr", "disqus"])
def test_xml_with_invalid_utf8_stops_with_an_error_row(reader_format: str) -> None:
    source = (FIXTURES / ("wordpress.xml" if reader_format == "wxr" else "disqus.xml")).read_bytes()
    cut = source.index(b"Quel idiot")
    broken = source[:cut] + b"Quel \xff\xfe idiot" + source[cut + len(b"Quel idiot") :]
    got = list(read_records(io.BytesIO(broken), format=reader_format))
    assert [r.error for r in got[:-1]] == [None] * (len(got) - 1)
    assert got[-1].error == "xml_syntax"
    assert len(got) == 4 if reader_format == "wxr" else len(got) == 3


def test_xml_elements_are_freed_while_reading() -> None:
    """A long WXR export: the reader keeps no element it has already read."""
    comment = (
        "<wp:comment><wp:comment_id>{i}</wp:comment_id>"
        "<wp:comment_content>text {i}</wp:comment_content></wp:comment>"
    )
    items = "".join(
        f"<item><wp:post_id>{p}</wp:post_id>"
        + "".join(comment.format(i=p * 10 + k) for k in range(10))
        + "</item>"
        for p in range(500)
    )
    xml = (
        '<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        f"{items}</channel></rss>"
    ).encode()
    reader = read_records(io.BytesIO(xml), format="wxr")
    first = [next(reader) for _ in range(2500)]
    assert [r.id for r in first[:3]] == ["0", "1", "2"]
    assert first[-1].post_id == "249"
    stack = reader.gi_frame.f_locals["stack"]  # type: ignore[attr-defined]
    channel = stack[1]
    assert len(channel) < 50  # only the items parsed ahead are left, not the 250 read
    rest = list(reader)
    assert len(first) + len(rest) == 5000


# -- encodings -------------------------------------------------------------------------------------


def test_cp1252_read_as_utf8_gives_encoding_error_rows_with_a_hint() -> None:
    got = records("comments_cp1252.csv")
    assert [(r.position, r.error) for r in got] == [(2, "encoding"), (3, "encoding"), (4, None)]
    assert got[0].detail is not None
    assert "--encoding cp1252" in got[0].detail


def test_cp1252_with_the_right_encoding() -> None:
    got = records("comments_cp1252.csv", encoding="cp1252")
    assert [r.error for r in got] == [None, None, None]
    assert got[0].form["text"] == "Café crème à la française"
    assert got[1].form["text"] == "Naïve œuvre – 10 €"


def test_utf16_with_bom_is_detected() -> None:
    got = records("comments_utf16.csv")
    assert [(r.id, r.error) for r in got] == [("w1", None), ("w2", None), ("w3", None)]
    assert got[1].form["name"] == "Zoë"


def test_one_badly_encoded_row_does_not_spoil_the_others() -> None:
    got = records("comments_mixed_encoding.csv")
    assert [(r.position, r.id, r.error) for r in got] == [
        (2, "w1", None),
        (3, None, "encoding"),
        (4, "w3", None),
    ]


def test_jsonl_bad_encoding_and_bom() -> None:
    data = b'\xef\xbb\xbf{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n'
    got = list(read_records(io.BytesIO(data), format="jsonl"))
    assert [(r.position, r.id, r.error) for r in got] == [(1, "a", None), (2, None, "encoding")]


# -- huge fields, blank lines, edge texts ----------------------------------------------------------


def csv_bytes(*rows: str, header: str = "id,email,comment") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def test_huge_csv_field_is_one_error_row_and_reading_goes_on() -> None:
    huge = "x" * (MAX_FIELD_CHARS + 10)
    data = csv_bytes("1,a@example.org,before", f'2,b@example.org,"{huge}"', "3,c@example.org,after")
    got = list(read_records(io.BytesIO(data), format="csv"))
    assert [(r.position, r.id, r.error) for r in got] == [
        (2, "1", None),
        (3, None, "too_large"),
        (4, "3", None),
    ]


def test_huge_unquoted_csv_line_is_one_error_row() -> None:
    huge = "y" * (3 * MAX_FIELD_CHARS)
    data = csv_bytes(f"1,a@example.org,{huge}", "2,b@example.org,after")
    got = list(read_records(io.BytesIO(data), format="csv"))
    assert [(r.id, r.error) for r in got] == [(None, "too_large"), ("2", None)]


def test_huge_jsonl_line_is_one_error_row() -> None:
    huge = json.dumps({"id": "1", "text": "z" * (5 * MAX_FIELD_CHARS)})
    data = (huge + '\n{"id": "2", "text": "after"}\n').encode()
    got = list(read_records(io.BytesIO(data), format="jsonl"))
    assert [(r.position, r.id, r.error) for r in got] == [(1, None, "too_large"), (2, "2", None)]


def test_deeply_nested_json_is_a_syntax_error_row() -> None:
    data = ("[" * 100_000 + "]" * 100_000 + "\n").encode()
    got = list(read_records(io.BytesIO(data), format="jsonl"))
    assert [(r.position, r.error) for r in got] == [(1, "json_syntax")]


@pytest.mark.parametrize(
    ("text", "action", "detail"),
    [
        ("", "invalid", "text:required"),
        ("   \t  ", "invalid", "text:required"),
        ("é" * 65_525, "accept", None),  # the WordPress limit, exactly
        ("a" * 65_536, "invalid", "text:too_long"),  # 64 KiB
        ("🎉" * 1000, "accept", None),
        ("Привет hello مرحبا 你好", "accept", None),
        ("a\u200bb\u200bc", "accept", None),
    ],
)
def test_edge_texts(text: str, action: str, detail: str | None) -> None:
    data = json.dumps({"id": "x", "text": text, "email": "e@example.org", "name": "n"}) + "\n"
    recs = list(read_records(io.BytesIO(data.encode()), format="jsonl"))
    rows = list(score_records(recs, ScoreOptions(policy=policy(), rules_only=True)))
    assert [(r.action, r.detail) for r in rows] == [(action, detail)]


def test_blank_lines_are_not_rows_but_keep_line_numbers() -> None:
    data = b"\n\nid,comment\n\n1,a\n   \n2,b\n"
    got = list(read_records(io.BytesIO(data), format="csv"))
    assert [(r.position, r.id) for r in got] == [(5, "1"), (7, "2")]


def test_empty_inputs_give_no_rows() -> None:
    for fmt in ("csv", "jsonl"):
        assert list(read_records(io.BytesIO(b""), format=fmt)) == []
        assert list(read_records(io.BytesIO(b"\n \n"), format=fmt)) == []


# -- columns, delimiters, statuses, formats --------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "row", "delimiter"),
    [
        ("id;comment;author", "1;hello;Ann", None),
        ("id\tcomment\tauthor", "1\thello\tAnn", None),
        ("id|comment|author", "1|hello|Ann", None),
        ("ID,Comment,Author", "1,hello,Ann", None),
        ("id;comment;author", "1;hello;Ann", ";"),
    ],
)
def test_delimiters_and_header_case(header: str, row: str, delimiter: str | None) -> None:
    got = list(
        read_records(io.BytesIO(f"{header}\n{row}\n".encode()), format="csv", delimiter=delimiter)
    )
    assert [(r.id, r.form.get("text"), r.form.get("name")) for r in got] == [("1", "hello", "Ann")]


def test_column_overrides() -> None:
    data = b"uuid,message_body,who,mail\nu1,hello,Ann,ann@example.org\n"
    got = list(
        read_records(
            io.BytesIO(data),
            format="csv",
            columns={"id": "uuid", "text": "message_body", "name": "who", "email": "mail"},
        )
    )
    assert (got[0].id, got[0].form["text"], got[0].form["name"]) == ("u1", "hello", "Ann")
    assert got[0].form["email"] == "ann@example.org"


@pytest.mark.parametrize(
    ("data", "columns", "message"),
    [
        (b"id,comment\n1,a\n", {"colour": "x"}, "unknown field"),
        (b"id,comment\n1,a\n", {"text": "missing"}, "not in the CSV header"),
        (b"id,note\n1,a\n", None, "no text column"),
        (b'id,"comment\n', None, "header cannot be read"),
    ],
)
def test_bad_column_mappings_are_config_errors(
    data: bytes, columns: Mapping[str, str] | None, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        list(read_records(io.BytesIO(data), format="csv", columns=columns))


@pytest.mark.parametrize(
    ("value", "spam_flag", "status"),
    [
        ("1", False, "approved"),
        ("0", False, "pending"),
        ("spam", False, "spam"),
        ("SPAM", False, "spam"),
        ("trash", False, "trash"),
        ("post-trashed", False, "trash"),
        ("approved", False, "approved"),
        ("ham", False, "approved"),
        ("deleted", False, "deleted"),
        (True, False, "approved"),
        (1, False, "approved"),
        ("1", True, "spam"),
        ("true", True, "spam"),
        ("0", True, "approved"),
        (False, True, "approved"),
        ("maybe", False, None),
        (None, False, None),
        ([], False, None),
    ],
)
def test_normalize_status(value: object, spam_flag: bool, status: str | None) -> None:
    assert normalize_status(value, spam_flag=spam_flag) == status


def test_is_spam_column_means_spam_when_true() -> None:
    data = b"id,comment,is_spam\n1,a,1\n2,b,0\n"
    got = list(read_records(io.BytesIO(data), format="csv"))
    assert [r.status for r in got] == ["spam", "approved"]


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("x.csv", b"", "csv"),
        ("x.TSV", b"", "csv"),
        ("x.jsonl", b"", "jsonl"),
        ("x.ndjson", b"", "jsonl"),
        ("x.xml", b'<?xml version="1.0"?><rss', "wxr"),
        ("x.xml", b'<?xml version="1.0"?>\n<disqus xmlns="http://disqus.com">', "disqus"),
        ("export", b'{"id": 1}', "jsonl"),
        ("export", b"\xef\xbb\xbf<?xml?><disqus>", "disqus"),
        ("export", b"id,text", "csv"),
        (None, b"  <rss>", "wxr"),
    ],
)
def test_detect_format(name: str | None, head: bytes, fmt: str) -> None:
    assert detect_format(name, head) == fmt


@pytest.mark.parametrize(
    ("path", "fmt"),
    [("o.csv", "csv"), ("o.jsonl", "jsonl"), ("o.JSON", "jsonl"), ("o", "csv"), (None, "csv")],
)
def test_output_format_for(path: str | None, fmt: str) -> None:
    assert output_format_for(path) == fmt


def test_unknown_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown input format"):
        read_records(io.BytesIO(b""), format="yaml")


# -- result rows -----------------------------------------------------------------------------------


def sample_row(**changes: Any) -> ResultRow:
    row = ResultRow(
        position=7,
        id="c7",
        post_id="p1",
        type="comment",
        status="spam",
        action="hold",
        scores={"spam": 0.612345, "toxicity": 0.0},
        reasons=("spam", "too_many_links"),
        model_version="m-1",
    )
    return ResultRow(**{**row.to_dict(), **changes}) if changes else row


def test_result_row_round_trips_through_csv_and_json() -> None:
    row = sample_row()
    assert len(row.to_csv()) == len(OUTPUT_COLUMNS)
    assert ResultRow.from_csv(row.to_csv()) == row
    assert ResultRow.from_dict(json.loads(json.dumps(row.to_dict()))) == row
    err = sample_row(action="error", scores={}, reasons=(), error="columns", detail="2 fields")
    assert ResultRow.from_csv(err.to_csv()) == err


@pytest.mark.parametrize(
    "cells",
    [["1"], ["x", *[""] * (len(OUTPUT_COLUMNS) - 1)], ["1", "", "", "", "", "dance"] + [""] * 11],
)
def test_from_csv_refuses_other_rows(cells: list[str]) -> None:
    with pytest.raises(ValueError, match=r"."):
        ResultRow.from_csv(cells)


def test_ids_and_types_are_one_line_and_bounded() -> None:
    data = json.dumps(
        {"id": "a\nb\r\nc\u2028d", "text": "t", "type": "x" * 500, "post_id": "p\x00q"}
    ).encode()
    rec = next(read_records(io.BytesIO(data), format="jsonl"))
    assert rec.id == "a b c d"
    assert len(rec.type) <= 32
    assert "\n" not in rec.type
    assert rec.post_id == "p q"


# -- the runner ------------------------------------------------------------------------------------


def many_records(n: int) -> list[Record]:
    words = ["merci", "article", "viagra", "idiot", "casino", "bravo", "super", "🎉", "été"]
    return [
        Record(
            position=i + 2,
            form={
                "name": f"user{i % 7}",
                "email": f"u{i % 7}@example.org",
                "text": " ".join(words[(i * k) % len(words)] for k in range(1 + i % 11)),
            },
            id=str(i),
            status=("approved", "spam", None)[i % 3],
        )
        if i % 13
        else Record(position=i + 2, error="columns", detail="bad row")
        for i in range(n)
    ]


def test_every_record_gives_one_row_in_order() -> None:
    recs = many_records(300)
    rows = list(score_records(recs, keyword_options(policy=policy()), chunk_size=7))
    assert [r.position for r in rows] == [r.position for r in recs]
    assert [r.id for r in rows] == [r.id for r in recs]
    assert {r.action for r in rows} == {"accept", "hold", "reject", "error"}
    pairs = zip(recs, rows, strict=True)
    spam = [row for rec, row in pairs if "viagra" in rec.form.get("text", "")]
    assert spam
    assert all(r.action == "reject" for r in spam)


@pytest.mark.slow  # starts worker processes
@pytest.mark.parametrize("chunk_size", [1, 5, 64])
def test_two_jobs_give_the_same_rows_as_one(chunk_size: int) -> None:
    recs = many_records(400)
    options = keyword_options(policy=policy())
    one = list(score_records(recs, options, jobs=1, chunk_size=chunk_size))
    two = list(score_records(recs, options, jobs=2, chunk_size=chunk_size, start_method="fork"))
    assert two == one


@pytest.mark.slow  # starts worker processes
def test_spawned_workers_load_their_own_scorer() -> None:
    recs = many_records(60)
    options = keyword_options(policy=policy())
    one = list(score_records(recs, options, chunk_size=8))
    two = list(score_records(recs, options, jobs=2, chunk_size=8, start_method="spawn"))
    assert two == one


def test_options_pickle_with_their_policy() -> None:
    options = keyword_options(policy=policy(), fill_missing=False)
    again = pickle.loads(pickle.dumps(options))
    assert again.policy == options.policy
    assert again.fill_missing is False


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_a_model_that_cannot_load_is_a_model_error(tmp_path: Path, jobs: int) -> None:
    options = ScoreOptions(model=str(tmp_path / "no-model"))
    with pytest.raises(ModelError, match="manifest"):
        list(score_records(many_records(10), options, jobs=jobs, start_method="fork"))


@pytest.mark.slow  # starts worker processes
def test_workers_that_cannot_start_raise_instead_of_hanging() -> None:
    options = ScoreOptions(scorer=ChildlessScorer())
    with pytest.raises(ModelError, match="cannot start"):
        list(score_records(many_records(10), options, jobs=2, start_method="spawn"))


def test_a_failing_text_becomes_one_error_row() -> None:
    recs = [
        Record(position=i, form={"name": "n", "email": "e@example.org", "text": t}, id=str(i))
        for i, t in enumerate(["fine", "boom here", "also fine"], 1)
    ]
    rows = list(score_records(recs, ScoreOptions(scorer=BrokenScorer()), chunk_size=10))
    assert [(r.id, r.action, r.error) for r in rows] == [
        ("1", "accept", None),
        ("2", "error", "internal"),
        ("3", "accept", None),
    ]
    assert rows[1].detail == "scoring failed (ModelError)"


def test_missing_author_is_filled_unless_asked_not_to() -> None:
    rec = Record(position=1, form={"text": "hello there"}, id="a")
    filled = next(iter(score_records([rec], keyword_options())))
    strict = next(iter(score_records([rec], keyword_options(fill_missing=False))))
    assert filled.action == "accept"
    assert (strict.action, strict.detail) == ("invalid", "name:required email:required")
    assert ANONYMOUS_EMAIL.endswith("@example.com")


def test_scores_and_reasons_come_from_the_decision() -> None:
    rec = Record(position=1, form={"name": "n", "email": "e@example.org", "text": "viagra"}, id="1")
    row = BatchScorer(keyword_options()).score_chunk([rec])[0]
    assert row.scores == {"spam": 0.99, "toxicity": 0.016, "insult": 0.008}
    assert row.action == "reject"
    assert row.reasons[0] == "spam"
    assert row.model_version == "keyword-1"


def test_bad_jobs_or_chunk_size() -> None:
    with pytest.raises(ConfigError):
        list(score_records([], keyword_options(), jobs=0))
    with pytest.raises(ConfigError):
        list(score_records([], keyword_options(), chunk_size=0))


# -- privacy: no email, no IP anywhere in what a run produces --------------------------------------


CANARIES = ("canary", "203.0.113.", "example.org")
INPUTS = [
    "comments.csv",
    "comments.jsonl",
    "wordpress.xml",
    "wordpress_truncated.xml",
    "disqus.xml",
    "comments_cp1252.csv",
    "comments_mixed_encoding.csv",
]


@pytest.mark.parametrize("name", INPUTS)
@pytest.mark.parametrize("out_name", ["out.csv", "out.jsonl"])
def test_outputs_never_hold_an_email_or_ip(
    name: str, out_name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from modkit._batch_cli import main

    out, report = tmp_path / out_name, tmp_path / "report.html"
    code = main(
        [
            str(FIXTURES / name),
            "-o",
            str(out),
            "--rules-only",
            "--policy",
            str(POLICY),
            "--report",
            str(report),
            "--summary",
            "json",
            "--progress",
            "always",
        ]
    )
    assert code in (0, 3)
    captured = capsys.readouterr()
    texts = {
        "output": out.read_text(encoding="utf-8"),
        "report": report.read_text(encoding="utf-8"),
        "stderr": captured.err,
        "stdout": captured.out,
    }
    records_seen = records(name)
    texts["repr"] = " ".join(repr(r) for r in records_seen)
    assert any("canary" in str(r.form) for r in records_seen)  # the canaries were in the input
    for where, text in texts.items():
        for canary in CANARIES:
            assert canary not in text, f"{canary!r} leaked into {where}"


# -- properties: any input, one record per row, no crash -------------------------------------------

_settings = settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
_line_text = st.text(st.characters(blacklist_characters="\n\r", blacklist_categories=("Cs",)))


@_settings
@given(st.lists(_line_text, max_size=30))
def test_jsonl_gives_one_record_per_non_blank_line(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8")
    got = list(read_records(io.BytesIO(data), format="jsonl"))
    text_lines = data.split(b"\n")
    expected = [i for i, line in enumerate(text_lines, 1) if line.strip()]
    if text_lines and text_lines[0].startswith(b"\xef\xbb\xbf") and not text_lines[0][3:].strip():
        expected = expected[1:]
    assert [r.position for r in got] == expected


_cell = st.text(
    st.characters(blacklist_characters='\n\r",\x00', blacklist_categories=("Cs",)), max_size=20
)


@_settings
@given(st.lists(st.lists(_cell, min_size=3, max_size=3), max_size=30))
def test_csv_gives_one_record_per_row(rows: list[list[str]]) -> None:
    lines = ["id,comment,email", *(",".join(r) for r in rows)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    got = list(read_records(io.BytesIO(data), format="csv", delimiter=","))
    expected = [i for i, line in enumerate(lines[1:], 2) if line.strip()]
    if not expected:  # a header alone: one error row says so
        assert [(r.position, r.error) for r in got] == [(2, "no_comments")]
        return
    assert [r.position for r in got] == expected
    assert all(r.error is None for r in got)


@_settings
@given(st.binary(max_size=400), st.sampled_from(["csv", "jsonl", "wxr", "disqus"]))
def test_any_bytes_give_records_or_a_config_error(data: bytes, fmt: str) -> None:
    try:
        got = list(read_records(io.BytesIO(data), format=fmt))
    except ConfigError:
        assert fmt == "csv"  # a header without a text column, or an unreadable header
        return
    if fmt in ("wxr", "disqus"):
        errors = [r for r in got if r.error is not None]
        assert len(errors) <= 1
        assert not errors or got[-1] is errors[0]
    positions = [r.position for r in got]
    assert positions == sorted(positions)


def test_huge_comment_inside_xml_is_invalid_not_lost() -> None:
    xml = (
        '<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>'
        "<wp:post_id>1</wp:post_id>"
        f"<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>{'a' * 70_000}"
        "</wp:comment_content></wp:comment>"
        "<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_content>ok</wp:comment_content>"
        "</wp:comment></item></channel></rss>"
    ).encode()
    recs = list(read_records(io.BytesIO(xml), format="wxr"))
    rows = list(score_records(recs, ScoreOptions(policy=policy(), rules_only=True)))
    assert [(r.id, r.action, r.detail) for r in rows] == [
        ("1", "invalid", "text:too_long"),
        ("2", "accept", None),
    ]
