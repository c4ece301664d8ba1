"""Batch scoring validates each distinct email once: a bounded cache that changes no outcome."""

from __future__ import annotations

from collections import Counter
from typing import Any

import email_validator
import pytest

from modkit._batch import Record, ScoreOptions, score_records
from modkit._errors import ValidationError
from modkit._submission import EmailCache, email_cache, validate

ADDRESSES = [
    "ann@example.net",
    "ANN@EXAMPLE.NET",  # another spelling: its own entry, the same outcome as uncached
    "zoé@exemple.fr",
    "not-an-email",
    "a@b",
    "two@@example.net",
    "x" * 64 + "@" + "y" * 30 + ".example",  # over 100 characters
    " padded@example.net ",
    "bob@example.net",
]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts the addresses handed to email-validator."""
    seen: Counter[str] = Counter()
    real = email_validator.validate_email

    def counting(address: str, **kwargs: Any) -> Any:
        seen[address] += 1
        return real(address, **kwargs)

    monkeypatch.setattr(email_validator, "validate_email", counting)
    return seen


def outcome(email: str) -> tuple[str, Any]:
    """What validation says of a form with ``email``: the address kept, or the email errors."""
    form = {"name": "Ann", "email": email, "text": "Bonjour"}
    try:
        return "ok", validate(form).email
    except ValidationError as exc:
        return "invalid", [(e.field, e.code, e.message) for e in exc.errors]


@pytest.mark.parametrize("address", ADDRESSES)
def test_the_cache_changes_no_outcome(address: str) -> None:
    plain = outcome(address)
    with email_cache(EmailCache()):
        first, second = outcome(address), outcome(address)
    assert first == second == plain


def test_each_distinct_address_is_validated_once(calls: Counter[str]) -> None:
    expected = [outcome(a) for a in ADDRESSES] * 50
    calls.clear()
    with email_cache(EmailCache()):
        assert [outcome(a) for a in ADDRESSES * 50] == expected
    validated = [a.strip() for a in ADDRESSES if len(a.strip()) <= 100]  # longer: refused first
    assert calls == dict.fromkeys(validated, 1)


def test_the_cache_is_bounded(calls: Counter[str]) -> None:
    cache = EmailCache(2)
    with email_cache(cache):
        for _ in range(3):
            for address in ("a@example.net", "b@example.net", "c@example.net"):
                outcome(address)
    assert calls == {"a@example.net": 3, "b@example.net": 3, "c@example.net": 3}  # evicted
    assert repr(cache) == "EmailCache(size=2, entries=2)"  # no address in it


def test_no_cache_outside_a_batch(calls: Counter[str]) -> None:
    for _ in range(3):
        outcome("ann@example.net")
    assert calls == {"ann@example.net": 3}


def test_deliverability_checks_are_never_cached(calls: Counter[str]) -> None:
    pytest.importorskip("dns")
    form = {"name": "Ann", "email": "ann@invalid", "text": "Bonjour"}
    with email_cache(EmailCache()):
        for _ in range(2):
            with pytest.raises(ValidationError):
                validate(form, check_deliverability=True)
    assert calls == {"ann@invalid": 2}


class EchoScorer:
    version = "echo-1"

    def score_many(self, texts: list[str], /) -> list[dict[str, float]]:
        return [{"spam": 0.01, "toxicity": 0.01} for _ in texts]


def test_a_batch_validates_each_author_once_and_keeps_invalid_rows_invalid(
    calls: Counter[str],
) -> None:
    authors = ["ann@example.net", "bob@example.net", "not-an-email", None]
    records = [
        Record(
            position=i + 1,
            form={"name": "Ann", "text": f"comment {i}"}
            | ({"email": authors[i % 4]} if authors[i % 4] else {}),
        )
        for i in range(1000)
    ]
    rows = list(score_records(records, ScoreOptions(scorer=EchoScorer()), chunk_size=64))
    assert len(rows) == 1000
    # Three addresses typed plus the placeholder of the rows without one: four checks in all.
    assert calls == {
        "ann@example.net": 1,
        "bob@example.net": 1,
        "not-an-email": 1,
        "anonymous@example.com": 1,
    }
    invalid = [r.position for r in rows if r.action == "invalid"]
    assert invalid == list(range(3, 1001, 4))
    assert {r.detail for r in rows if r.action == "invalid"} == {"email:invalid"}
