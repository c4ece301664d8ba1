"""The batch summary: counts, histograms, confusion table, text and HTML renderings."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from modkit._batch import ResultRow
from modkit._report import Summary


def row(action: str = "accept", **kw: Any) -> ResultRow:
    base: dict[str, Any] = {
        "position": 1,
        "id": "1",
        "post_id": None,
        "type": "comment",
        "status": None,
        "action": action,
        "scores": {},
        "reasons": (),
        "model_version": "m-1",
    }
    base.update(kw)
    return ResultRow(**base)


@pytest.mark.parametrize(
    ("score", "bin_index"),
    [(0.0, 0), (0.049, 0), (0.05, 1), (0.5, 10), (0.999, 19), (1.0, 19), (-0.1, 0), (1.5, 19)],
)
def test_histogram_bins(score: float, bin_index: int) -> None:
    s = Summary(bins=20).add_all([row(scores={"spam": score})])
    assert s.histograms["spam"][bin_index] == 1
    assert sum(s.histograms["spam"]) == 1


def test_nan_scores_are_not_binned() -> None:
    s = Summary().add_all([row(scores={"spam": float("nan")})])
    assert sum(s.histograms["spam"]) == 0


def test_counts_reasons_errors_and_confusion() -> None:
    rows = [
        row("accept", status="approved", reasons=("passed",)),
        row("accept", status="approved", reasons=("passed",)),
        row("hold", status="approved", reasons=("spam", "too_many_links")),
        row("reject", status="spam", reasons=("spam",)),
        row("hold", status="spam", reasons=("moderation_word",)),
        row("accept", status="spam", reasons=("passed",)),
        row("invalid", status="pending", error="validation", detail="email:invalid text:required"),
        row("error", error="columns", detail="2 fields"),
        row("accept", type="pingback"),
    ]
    s = Summary().add_all(rows)
    assert s.rows == 9
    assert dict(s.actions) == {"accept": 4, "hold": 2, "reject": 1, "invalid": 1, "error": 1}
    assert s.reasons.most_common(1) == [("passed", 3)]
    assert dict(s.errors) == {"columns": 1}
    assert dict(s.invalid_fields) == {"email:invalid": 1, "text:required": 1}
    assert s.confusion["spam", "reject"] == 1
    assert s.agreement() == {"spam_caught": (2, 3), "approved_kept": (2, 3)}
    text = s.format_text()
    assert "spam held or rejected: 2/3 (66.7%)" in text
    assert "approved accepted: 2/3 (66.7%)" in text
    assert "types: comment 8, pingback 1" in text
    data = s.to_dict()
    assert data["confusion"]["approved"] == {
        "accept": 2,
        "hold": 1,
        "reject": 0,
        "invalid": 0,
        "error": 0,
    }


def test_count_check() -> None:
    s = Summary()
    assert s.counts_match
    s.rows_read, s.rows_written = 10, 10
    assert s.counts_match
    assert "read 10, written 10: ok" in s.format_text()
    s.rows_written = 9
    assert not s.counts_match
    assert "MISMATCH" in s.format_text()
    assert "MISMATCH" in s.render_html()


def test_empty_summary_renders() -> None:
    s = Summary()
    assert "0 rows" in s.format_text()
    page = s.render_html()
    assert page.startswith("<!DOCTYPE html>")
    assert page.rstrip().endswith("</html>")


@pytest.mark.parametrize(
    "nasty",
    ['<img src=x onerror="alert(1)">', "</svg><script>x</script>", "a&b", "\"'><"],
)
def test_html_escapes_every_string(nasty: str) -> None:
    s = Summary().add_all(
        [
            row(
                "hold",
                type=nasty,
                status=nasty,
                reasons=(nasty,),
                model_version=nasty,
                scores={nasty: 0.5},
            ),
            row("error", error=nasty),
        ]
    )
    page = s.render_html(title=nasty, source=nasty)
    assert nasty not in page
    assert html.escape(nasty, quote=True) in page
    assert "<script" not in page
    assert not re.search(r"<img\b", page)


def test_bins_must_be_positive() -> None:
    with pytest.raises(ValueError, match="bins"):
        Summary(bins=0)


def test_distinct_types_are_bounded() -> None:
    s = Summary().add_all(row(type=f"t{i}", reasons=(f"r{i}",)) for i in range(1000))
    assert len(s.types) <= 65
    assert len(s.reasons) <= 65
    assert s.types["other"] == 1000 - 64
    assert sum(s.types.values()) == 1000
