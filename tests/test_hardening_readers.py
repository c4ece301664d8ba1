"""Hardening: the batch readers on arbitrary bytes, and the fuzzing findings.

Every reader, given any bytes, yields records and nothing else: one record or one error record per
row, positions in order, error records with a known code. The only exception that may come out is
the documented ``ConfigError`` of the CSV reader (a header it cannot use). Structured inputs check
the count: N rows in, N records out.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator

import pytest
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("defusedxml")

from modkit._batch import Record, read_csv, read_disqus, read_jsonl, read_records, read_wxr
from modkit._errors import ConfigError
from modkit._html import html_to_text

READERS: dict[str, Callable[[io.BytesIO], Iterator[Record]]] = {
    "csv": read_csv,
    "jsonl": read_jsonl,
    "wxr": read_wxr,
    "disqus": read_disqus,
    "auto": lambda stream: read_records(stream, format="auto"),  # detection by content
}
CODES = frozenset(
    {"encoding", "too_large", "csv_syntax", "columns", "json_syntax", "not_object",
     "xml_syntax", "xml_unsafe", "xml_format", "no_comments"}
)  # fmt: skip
FORM_KEYS = frozenset({"name", "email", "url", "text", "ip", "parent_id", "lang", "submitted_at",
                       "post_id"})  # fmt: skip
FAST = settings(
    max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def read_all(fmt: str, data: bytes) -> list[Record]:
    """Every record of ``data``; asserts the invariants every reader keeps."""
    records: list[Record] = []
    try:
        for record in READERS[fmt](io.BytesIO(data)):
            records.append(record)
    except ConfigError:
        assert fmt in ("csv", "auto"), "only the CSV header may raise ConfigError"
        return records
    last = 0
    for record in records:
        assert isinstance(record, Record)
        assert record.position >= last
        last = record.position
        if record.error is None:
            assert set(record.form) <= FORM_KEYS
        else:
            assert record.error in CODES, record.error
            assert record.detail
            assert record.form == {}
    return records


@FAST
@given(data=st.binary(max_size=2048))
@pytest.mark.parametrize("fmt", list(READERS))
def test_any_bytes_give_records_only(fmt: str, data: bytes) -> None:
    read_all(fmt, data)


XML_PIECES = [
    "<?xml version='1.0'?>", "<rss>", "</rss>", "<channel>", "</channel>", "<item>", "</item>",
    "<wp:post_id>7</wp:post_id>", "<wp:comment>", "</wp:comment>",
    "<wp:comment_content><![CDATA[Bonjour <b>x</b>]]></wp:comment_content>",
    "<wp:comment_author_email>a@b.fr</wp:comment_author_email>", "<wp:comment_approved>",
    "spam", "</wp:comment_approved>", "<disqus>", "</disqus>", "<post dsq:id='1'>", "</post>",
    "<message><![CDATA[<p>hi</p>]]></message>", "<isSpam>true</isSpam>", "<thread dsq:id='2'/>",
    "<!DOCTYPE x [<!ENTITY e 'boom'>]>", "&e;", "&amp;", "&#0;", "&#xD800;", "<a", "\x00",
    "\udcff", "é", "😀", "]]>", "<![CDATA[", "xmlns:wp='http://wordpress.org/export/1.2/'",
    " xmlns:dsq='http://disqus.com/disqus-internals'", ">", "<", "/",
]  # fmt: skip


@FAST
@given(pieces=st.lists(st.sampled_from(XML_PIECES), max_size=40))
@pytest.mark.parametrize("fmt", ["wxr", "disqus"])
def test_xml_soup_gives_records_only(fmt: str, pieces: list[str]) -> None:
    read_all(fmt, "".join(pieces).encode("utf-8", "surrogatepass"))


cells = st.text(
    alphabet=st.characters(exclude_characters='\r\n"\x00', exclude_categories=("Cs",)),
    max_size=30,
)


@FAST
@given(rows=st.lists(st.tuples(cells, cells, cells), max_size=20), sep=st.sampled_from(",;\t"))
def test_csv_one_record_per_row(rows: list[tuple[str, str, str]], sep: str) -> None:
    lines = [sep.join(["text", "author", "email"])]
    expected = 0
    for row in rows:
        quoted = [f'"{c}"' for c in row]
        lines.append(sep.join(quoted))
        expected += any(c.strip() for c in row) or len(row) > 1
    records = read_all("csv", ("\n".join(lines) + "\n").encode())
    if not rows:  # a header alone: one error row says so
        assert [r.error for r in records] == ["no_comments"]
        return
    assert len(records) == len(rows) == expected


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              st.text(max_size=20)),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=8,
)  # fmt: skip
jsonl_lines = st.one_of(
    json_values.map(json.dumps),
    st.dictionaries(
        st.sampled_from(["text", "comment", "author", "email", "ip", "status", "date", "id"]),
        json_values,
        max_size=6,
    ).map(json.dumps),
    st.text(
        alphabet=st.characters(exclude_characters="\n\r", exclude_categories=("Cs",)), max_size=40
    ),
    st.binary(max_size=40).map(lambda b: b.replace(b"\n", b" ").decode("latin-1")),
)


@FAST
@given(lines=st.lists(jsonl_lines, max_size=20))
def test_jsonl_one_record_per_non_blank_line(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8")
    records = read_all("jsonl", data)
    expected = sum(1 for raw in data.split(b"\n") if raw.strip())
    assert len(records) == expected
    assert [r.position for r in records] == [
        n for n, raw in enumerate(data.split(b"\n"), 1) if raw.strip()
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\n\n\n",
        b"\xef\xbb\xbf",
        b"\xff\xfe\x00\x00",
        b"text\n" + b"x" * (1 << 21) + b"\n",
        b'text\n"' + b"x" * (1 << 21),
        b"\x00" * 4096,
        b"text,text\n1,2\n",
        b'"text\n',
    ],
)
@pytest.mark.parametrize("fmt", list(READERS))
def test_edge_inputs(fmt: str, data: bytes) -> None:
    read_all(fmt, data)


def test_auto_detection_never_crashes_on_odd_heads() -> None:
    for head in (b"<?xml", b"{", b"[", b"\xef\xbb\xbf", b"<disqus", b"<rss", b""):
        try:
            records = list(read_records(io.BytesIO(head + b"\x00garbage\n"), format="auto"))
        except ConfigError:
            continue
        assert all(isinstance(r, Record) for r in records)


# -- fuzzing findings ---------------------------------------------------------------------------

# Encodings that expat cannot read: unknown names, codecs that are not text encodings,
# multi-byte codecs expat does not support, and codecs that fail on any input.
UNREADABLE_ENCODINGS = ["UTF28", "utf-6", "x-nope", "rot13", "base64", "UTF-7", "utf-32",
                        "shift_jis", "big5", "idna", "undefined"]  # fmt: skip


@pytest.mark.parametrize("encoding", UNREADABLE_ENCODINGS)
@pytest.mark.parametrize("fmt", ["wxr", "disqus"])
def test_xml_declaring_an_unreadable_encoding_is_an_error_record(fmt: str, encoding: str) -> None:
    root = "<rss><channel></channel></rss>" if fmt == "wxr" else "<disqus></disqus>"
    doc = f'<?xml version="1.0" encoding="{encoding}"?>{root}'.encode()
    records = read_all(fmt, doc)
    assert [r.error for r in records] == ["xml_syntax"]


BROKEN_UTF16_CSV = {
    "truncated": b"\xff\xfet\x00e\x00x\x00t\x00\n\x00a\x00\n\x00\x00",
    "odd length": b"\xff\xfe\x00garbage\n",
    "lone surrogate": b"\xff\xfet\x00e\x00x\x00t\x00\n\x00\x00\xd8a\x00\n\x00",
    "big endian, truncated": b"\xfe\xff\x00t\x00e\x00x\x00t\x00\n\x00a\n",
}


@pytest.mark.parametrize("case", list(BROKEN_UTF16_CSV))
def test_broken_utf16_csv_gives_encoding_error_records(case: str) -> None:
    data = BROKEN_UTF16_CSV[case]
    records = read_all("csv", data)
    if not records:  # the header itself does not decode: a clear ConfigError, nothing to lose
        with pytest.raises(ConfigError, match="not valid text"):
            list(READERS["csv"](io.BytesIO(data)))
        return
    assert "encoding" in {r.error for r in records}


DISQUS_MARKED_SECTION = (
    b'<disqus xmlns:dsq="http://disqus.com/disqus-internals">'
    b'<post dsq:id="1"><message>&lt;![x[ y</message></post></disqus>'
)


@pytest.mark.parametrize(
    ("markup", "text"), [("<![x[ y", ""), ("<![ x", ""), ("<p>a</p><![CDAPA[b", "a")]
)
def test_broken_marked_sections_in_disqus_html(markup: str, text: str) -> None:
    # A broken marked section is a bogus comment that runs to the end, as in a browser.
    assert html_to_text(markup) == text
    records = read_all("disqus", DISQUS_MARKED_SECTION)
    assert [(r.id, r.error) for r in records] == [("1", None)]
    assert "text" not in records[0].form  # nothing visible: validation will say text:required


@pytest.mark.parametrize("encoding", ["utf-8", "UTF-16", "iso-8859-1", "windows-1252", "ascii"])
def test_xml_declaring_a_known_encoding_is_read(encoding: str) -> None:
    doc = f'<?xml version="1.0" encoding="{encoding}"?><disqus></disqus>'
    records = read_all("disqus", doc.encode("utf-16" if encoding == "UTF-16" else "ascii"))
    assert [(r.error, r.detail) for r in records] == [
        ("no_comments", "a Disqus export with 0 threads and no post")
    ]
