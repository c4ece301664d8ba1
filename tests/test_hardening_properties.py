"""Hardening: property tests of validate, Moderator.check/check_many and text normalisation.

Arbitrary Unicode (lone surrogates, NUL, combining-mark storms, bidi overrides, emoji), arbitrary
value types, missing and duplicated fields, hostile Mappings: only the documented errors come
out (``ValidationError`` for a form, ``TypeError`` for something that is not a form or a text).
Examples are bounded so that the file stays fast on a shared machine.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modkit import Decision, Moderator, PublicComment, Submission, ValidationError, validate
from modkit._submission import FIELDS, LIMITS
from modkit._text import MAX_CHARS, find_links, normalize, normalize_text
from modkit.testing import FixedScorer

SECRET = "hardening-secret-0123456789abcdef"
# Examples per test: the "fast" or "full" Hypothesis profile of tests/conftest.py.
WITH_FIXTURES = settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

# Characters that break naive code: NUL and controls, lone surrogates, combining marks, bidi
# overrides and isolates, zero-width, BOM, line separators, emoji with modifiers and ZWJ, tags.
HOSTILE_CHARS = (
    "\x00\x01\x08\x0b\x0c\x1b\x7f\x85\x9f\r\n\t \u00a0\u00ad\u0301\u0336\u0489\u200b\u200c\u200d"
    "\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\ufffd"
    "\ufffe\uffff\ud800\udbff\udc00\udfff\U0001f600\U0001f3fd\U0001f3f4\U000e0067\U000e007f"
    "\u0430\u043e\u0441\u03bf\uff41\u00e9\u0153\u00df\u0130\u0131İ<>&\"'`\\@.:/[](){}*#%$!0134"
)
hostile_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(HOSTILE_CHARS),
        st.characters(exclude_categories=()),  # every code point, surrogates included
        st.sampled_from("abcdefghijklmnopqrstuvwxyz "),
    ),
    max_size=300,
)
marks_storm = st.builds(
    lambda base, n, mark: base + mark * n,
    st.sampled_from("aeoz"),
    st.integers(0, 400),
    st.sampled_from("\u0301\u0336\u0489\u1ab0\u20d0\ufe20"),
)
any_text = st.one_of(hostile_text, marks_storm, st.text(max_size=50))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**80), max_value=10**80),
    st.floats(allow_nan=True, allow_infinity=True),
    any_text,
    st.binary(max_size=64),
    st.builds(bytearray, st.binary(max_size=16)),
    st.datetimes(),
    st.datetimes(timezones=st.timezones()) if hasattr(st, "timezones") else st.datetimes(),
    st.just(object()),
    st.just(math.nan),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.tuples(inner),
        st.dictionaries(st.text(max_size=5), inner, max_size=3),
        st.frozensets(st.integers(), max_size=3),
    ),
    max_leaves=6,
)
keys = st.one_of(
    st.sampled_from(FIELDS),
    st.text(max_size=12),
    st.integers(),
    st.none(),
    st.tuples(st.integers()),
)
VALID = {"name": "Ana", "email": "ana@example.org", "text": "Merci pour l'article"}


@st.composite
def forms(draw: st.DrawFn) -> dict[Any, Any]:
    """A form: some valid fields kept, some dropped, some replaced by anything."""
    form: dict[Any, Any] = {k: v for k, v in VALID.items() if draw(st.booleans())}
    form.update(draw(st.dictionaries(keys, values, max_size=8)))
    if draw(st.booleans()):
        form[draw(st.sampled_from(FIELDS))] = draw(any_text)
    return form


class HostileMapping(Mapping[Any, Any]):
    """A Mapping whose every access raises (a broken form library)."""

    def __getitem__(self, key: Any) -> Any:
        raise RuntimeError("boom")

    def __iter__(self) -> Iterator[Any]:
        raise RuntimeError("boom")

    def __len__(self) -> int:
        raise RuntimeError("boom")


class MultiDict(Mapping[str, Any]):
    """A form library's multi-dict: duplicated fields, ``get`` gives the first value."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        self.pairs = pairs

    def __getitem__(self, key: str) -> Any:
        for k, v in self.pairs:
            if k == key:
                return v
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(k for k, _ in self.pairs))

    def __len__(self) -> int:
        return len(dict.fromkeys(k for k, _ in self.pairs))


def assert_submission_sound(sub: Submission) -> None:
    assert type(sub.name) is str
    assert type(sub.text) is str
    assert 0 < len(sub.text) <= LIMITS["text"]
    assert 0 < len(sub.name) <= LIMITS["name"]
    assert len(sub.email) <= LIMITS["email"]
    assert sub.url is None or sub.url.startswith(("http://", "https://"))
    for value in (sub.name, sub.text, sub.url or "", sub.post_id or "", sub.user_agent or ""):
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in value)
        assert "\x00" not in value
        assert "\u202e" not in value
    assert sub.lang in {"fr", "en"}
    assert sub.email not in repr(sub)


@given(form=forms())
def test_validate_gives_a_submission_or_a_validation_error(form: dict[Any, Any]) -> None:
    try:
        sub = validate(form)
    except ValidationError as exc:
        error = exc
    else:
        assert_submission_sound(sub)
        return
    assert error.errors
    assert all(e.code in {"required", "invalid", "too_long"} for e in error.errors)
    json.dumps(error.to_dict())


@given(pairs=st.lists(st.tuples(st.sampled_from(FIELDS), values), max_size=12))
def test_duplicated_fields_take_the_first_value(pairs: list[tuple[str, Any]]) -> None:
    form = MultiDict([*VALID.items(), *pairs])
    try:
        sub = validate(form)
    except ValidationError:
        return
    assert_submission_sound(sub)
    assert sub.name == "Ana"


@given(value=values)
def test_validate_refuses_what_is_not_a_mapping(value: Any) -> None:
    if isinstance(value, Mapping):
        return
    with pytest.raises(TypeError):
        validate(value)


def test_a_mapping_that_raises_is_an_invalid_form() -> None:
    with pytest.raises(ValidationError) as info:
        validate(HostileMapping())
    assert set(info.value.codes) == {"name", "email", "text"}


def test_str_subclasses_become_plain_text() -> None:
    """A value marked safe (markupsafe.Markup) must not stay marked in the submission."""
    markupsafe = pytest.importorskip("markupsafe")
    sub = validate(
        {
            "name": markupsafe.Markup("<b>Ana</b>"),
            "email": markupsafe.Markup("ana@example.org"),
            "text": markupsafe.Markup("<script>alert(1)</script> &amp;"),
            "url": markupsafe.Markup("https://example.org/<x>"),
        }
    )
    assert {type(v) for v in (sub.name, sub.email, sub.text, sub.url)} == {str}
    comment = PublicComment.from_submission(sub, date=datetime(2024, 6, 1, tzinfo=UTC))
    assert comment.html() == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;</p>"
    assert comment.author_html().startswith('<a href="https://example.org/%3Cx%3E"')


# -- the Moderator ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mod() -> Iterator[Moderator]:
    scorer = FixedScorer(by_text={"viagra": {"spam": 0.99}, "idiot": {"toxicity": 0.97}})
    m = Moderator(scorer=scorer, secret=SECRET)
    yield m
    m.close()


@pytest.fixture(scope="module")
def rules_mod() -> Iterator[Moderator]:
    m = Moderator(rules_only=True, secret=SECRET)
    yield m
    m.close()


def assert_decision_sound(d: Decision) -> None:
    assert d.reasons
    assert all(0.0 <= v <= 1.0 for v in d.scores.values())
    json.dumps(d.to_dict())
    assert "<" not in d.comment.escaped_text


@WITH_FIXTURES
@given(form=forms())
def test_check_gives_a_decision_or_a_validation_error(
    mod: Moderator, rules_mod: Moderator, form: dict[Any, Any]
) -> None:
    for m in (mod, rules_mod):
        try:
            decision = m.check(form)
        except ValidationError:
            continue
        assert_decision_sound(decision)


@WITH_FIXTURES
@given(batch=st.lists(st.one_of(forms(), st.just(VALID)), max_size=8))
def test_check_many_keeps_one_result_per_form_in_order(
    mod: Moderator, batch: list[dict[Any, Any]]
) -> None:
    results = mod.check_many(batch, record=False)
    assert len(results) == len(batch)
    for form, result in zip(batch, results, strict=True):
        if isinstance(result, ValidationError):
            with pytest.raises(ValidationError):
                validate(form)
        else:
            assert isinstance(result, Decision)
            assert_decision_sound(result)


@pytest.mark.parametrize("bad", ["a text", b"bytes", {"name": "a"}, VALID])
def test_check_many_refuses_a_single_form_or_a_string(mod: Moderator, bad: Any) -> None:
    with pytest.raises(TypeError):
        mod.check_many(bad)


@pytest.mark.parametrize("bad", [None, 42, "form", ["name", "Ana"], b"x", object()])
def test_check_refuses_what_is_not_a_mapping(mod: Moderator, bad: Any) -> None:
    with pytest.raises(TypeError):
        mod.check(bad)


# -- text normalisation ---------------------------------------------------------------------------


def assert_offsets(text: str) -> None:
    full = normalize(text)
    assert normalize_text(text) == full.text
    offs = full.offsets
    assert len(offs) == len(full.text) + 1
    assert all(a <= b for a, b in itertools.pairwise(offs))
    assert offs[-1] == min(len(text), MAX_CHARS)
    assert offs[0] >= 0
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in full.text)
    n = len(full.text)
    for start, end in ((0, n), (0, n // 2), (n // 3, n), (n // 2, n // 2)):
        a, b = full.original_span(start, end)
        assert 0 <= a <= b <= min(len(text), MAX_CHARS)
    links = find_links(text)
    assert links == sorted(set(links))
    for a, b in links:
        assert 0 <= a < b <= min(len(text), MAX_CHARS)


@given(text=any_text)
def test_normalisation_offsets_and_links_hold_on_any_text(text: str) -> None:
    assert_offsets(text)


LINKY = st.lists(
    st.sampled_from(
        [
            "www", ".", " . ", "[.]", "(dot)", " dot ", "http://", "hxxps://", "/", "?q=1",
            "@", " [at] ", "arobase", "com", "ru", "fr", "io", "site", "best-casino", " ",
            "<a href=\"", "\">", "</a>", "[url=", "]", "[/url]", "06 12 34 56 78", "+33",
            "c0nn4rd", "f*ck", "c o n n a r d", "aaaa", "\u200b", "\u0301", "о", "\u202e",
        ]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@given(text=LINKY)
def test_normalisation_offsets_and_links_hold_on_link_soup(text: str) -> None:
    assert_offsets(text)


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a"], bytearray(b"x")])
def test_normalisation_refuses_what_is_not_a_str(bad: Any) -> None:
    for func in (normalize, normalize_text, find_links):
        with pytest.raises(TypeError):
            func(bad)
