"""validate(): fields, limits, normalisation, error codes in both languages, hostile input."""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import modkit
from modkit import FieldError, ModkitError, Submission, ValidationError, validate
from modkit._submission import FIELDS, LIMITS, clean_text, normalize_url, parse_datetime
from modkit.testing import sample_form


def form(**overrides: Any) -> dict[str, Any]:
    return sample_form(**overrides)


def errors_of(data: Mapping[str, Any], **kwargs: Any) -> dict[str, tuple[str, ...]]:
    with pytest.raises(ValidationError) as info:
        validate(data, **kwargs)
    return info.value.codes


# -- the happy path --------------------------------------------------------------------------------


def test_valid_form_gives_a_submission() -> None:
    sub = validate(form())
    assert isinstance(sub, Submission)
    assert sub.name == "Camille Martin"
    assert sub.email == "camille.martin@example.org"
    assert sub.url == "https://camille.example.org/"
    assert sub.ip == "192.0.2.10"
    assert sub.post_id == "42"
    assert sub.lang == "fr"
    assert sub.honeypot is False


def test_minimal_form() -> None:
    sub = validate({"name": "A", "email": "a@example.org", "text": "ok"})
    assert (sub.url, sub.ip, sub.post_id, sub.submitted_at) == (None, None, None, None)


def test_unknown_keys_are_ignored() -> None:
    sub = validate(form(csrfmiddlewaretoken="abc", submit="Envoyer", **{"": 1}))
    assert sub.name == "Camille Martin"


def test_non_string_keys_are_ignored() -> None:
    data: dict[Any, Any] = {**form(), 1: "x", None: "y", ("t",): 3}
    assert validate(data).text


def test_submission_is_frozen() -> None:
    sub = validate(form())
    with pytest.raises(AttributeError):
        sub.name = "other"  # type: ignore[misc]


# -- every error code, every field, both languages -------------------------------------------------

# (overrides, field, code)
ERROR_CASES: list[tuple[dict[str, Any], str, str]] = [
    ({"name": None}, "name", "required"),
    ({"name": "   \t "}, "name", "required"),
    ({"name": "\u200b\u200b"}, "name", "required"),
    ({"name": 12}, "name", "invalid"),
    ({"name": "n" * 246}, "name", "too_long"),
    ({"email": None}, "email", "required"),
    ({"email": "  "}, "email", "required"),
    ({"email": "not-an-email"}, "email", "invalid"),
    ({"email": "a@b@example.org"}, "email", "invalid"),
    ({"email": ["a@example.org", "b@example.org"]}, "email", "invalid"),
    ({"email": "x" * 90 + "@example.org"}, "email", "too_long"),
    ({"text": None}, "text", "required"),
    ({"text": "\n \t\r\n"}, "text", "required"),
    ({"text": "\u200b\u2060\ufeff"}, "text", "required"),
    ({"text": b"\xff\xfe"}, "text", "invalid"),
    ({"text": "x" * 65526}, "text", "too_long"),
    ({"url": "javascript:alert(1)"}, "url", "invalid"),
    ({"url": "ftp://example.org"}, "url", "invalid"),
    ({"url": 3.5}, "url", "invalid"),
    ({"url": "https://example.org/" + "p" * 190}, "url", "too_long"),
    ({"ip": "999.1.1.1"}, "ip", "invalid"),
    ({"ip": "localhost"}, "ip", "invalid"),
    ({"ip": 17}, "ip", "invalid"),
    ({"post_id": 1.5}, "post_id", "invalid"),
    ({"post_id": "p" * 65}, "post_id", "too_long"),
    ({"parent_id": True}, "parent_id", "invalid"),
    ({"parent_id": "c" * 65}, "parent_id", "too_long"),
    ({"submitted_at": "yesterday"}, "submitted_at", "invalid"),
    ({"form_rendered_at": float("nan")}, "form_rendered_at", "invalid"),
    ({"post_published_at": True}, "post_published_at", "invalid"),
    ({"user_agent": 5}, "user_agent", "invalid"),
    ({"referrer": ["a", "b"]}, "referrer", "invalid"),
    ({"permalink": {"x": 1}}, "permalink", "invalid"),
]

# Words every message of a code carries, per language (specific messages included).
MARKERS = {
    ("required", "fr"): ("obligatoire", "écrire"),
    ("required", "en"): ("required", "type"),
    ("invalid", "fr"): ("valide", "http"),
    ("invalid", "en"): ("valid", "http"),
    ("too_long", "fr"): ("trop long",),
    ("too_long", "en"): ("too long",),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("overrides", "field", "code"), ERROR_CASES)
def test_error_codes(overrides: dict[str, Any], field: str, code: str, lang: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(form(**overrides), lang=lang)
    exc = info.value
    assert [(e.field, e.code) for e in exc.errors] == [(field, code)]
    message = exc.errors[0].message
    assert any(marker in message for marker in MARKERS[(code, lang)]), message
    if code == "too_long" and field in LIMITS:
        assert str(LIMITS[field]) in message
    assert exc.lang == lang


@pytest.mark.parametrize(("overrides", "field", "code"), ERROR_CASES)
def test_messages_differ_between_languages(
    overrides: dict[str, Any], field: str, code: str
) -> None:
    fr = errors_messages(form(**overrides), "fr")
    en = errors_messages(form(**overrides), "en")
    assert fr != en


def errors_messages(data: dict[str, Any], lang: str) -> list[str]:
    with pytest.raises(ValidationError) as info:
        validate(data, lang=lang)
    return [e.message for e in info.value.errors]


def test_every_problem_is_reported_at_once() -> None:
    codes = errors_of({"name": "", "email": "nope", "text": "x" * 70000, "url": "ftp://x.org"})
    assert codes == {
        "name": ("required",),
        "email": ("invalid",),
        "url": ("invalid",),
        "text": ("too_long",),
    }


def test_empty_form() -> None:
    assert errors_of({}) == {"name": ("required",), "email": ("required",), "text": ("required",)}


def test_validation_error_types_and_payload() -> None:
    with pytest.raises(ValidationError) as info:
        validate({}, lang="en")
    exc = info.value
    assert isinstance(exc, ValueError)
    assert isinstance(exc, ModkitError)
    assert all(isinstance(e, FieldError) for e in exc.errors)
    assert exc.to_dict()["errors"][0] == exc.errors[0].to_dict()
    assert "name (required)" in str(exc)
    clone = pickle.loads(pickle.dumps(exc))
    assert clone.errors == exc.errors
    assert clone.lang == "en"


# -- limits (WordPress) ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value_at_limit"),
    [
        ("name", "n" * 245),
        ("email", "x" * 88 + "@example.org"),
        ("url", "https://example.org/" + "p" * 180),
        ("text", "t" * 65525),
    ],
)
def test_values_at_the_limit_pass(field: str, value_at_limit: str) -> None:
    assert len(value_at_limit) == LIMITS[field]
    sub = validate(form(**{field: value_at_limit}))
    assert len(getattr(sub, field)) == LIMITS[field]


def test_64_kib_text_is_too_long_but_64_kib_minus_margin_is_fine() -> None:
    assert errors_of(form(text="é" * 65536)) == {"text": ("too_long",)}
    assert len(validate(form(text="é" * 65000)).text) == 65000


@pytest.mark.parametrize("field", ["name", "email", "url", "text", "ip", "user_agent"])
def test_huge_values_are_refused_or_cut(field: str) -> None:
    huge = "a" * 5_000_000
    if field == "user_agent":
        assert validate(form(user_agent=huge)).user_agent == "a" * 254
    else:
        assert field in errors_of(form(**{field: huge}))


# -- normalisation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("e\u0301te\u0301", "été"),  # NFC
        ("a\u200bb\u200cc\u2060d\ufeffe", "abcde"),  # zero-width
        ("pay\u00adpal", "paypal"),  # soft hyphen
        ("abc\u202edef\u202c", "abcdef"),  # bidi override
        ("a\x00b\x07c\x1bd\x7fe\x85f", "abcde\nf"),  # controls; NEL is a newline
        ("l1\r\nl2\rl3\u2028l4", "l1\nl2\nl3\nl4"),
        ("  trim me \n\n", "trim me"),
        ("a \t\nb", "a\nb"),  # trailing spaces of a line
        ("p1\n\n\n\n\np2", "p1\n\np2"),
        ("👨\u200d👩\u200d👧 famille", "👨\u200d👩\u200d👧 famille"),  # ZWJ kept in emoji
        ("ab\u200dcd", "abcd"),  # ZWJ dropped elsewhere
        ("Z\u0301\u0302\u0303\u0304\u0305\u0306", "\u0179\u0302\u0303\u0304"),  # zalgo: 3 marks
        ("Привет мир, 你好, مرحبا, שלום 🎉", "Привет мир, 你好, مرحبا, שלום 🎉"),
        ("\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", None),
        ("tag\U000e0041hidden", "taghidden"),
    ],
)
def test_clean_text(raw: str, expected: str | None) -> None:
    assert clean_text(raw) == (raw if expected is None else expected)


def test_name_is_one_line() -> None:
    assert validate(form(name="  Jean \n\t Dupont  ")).name == "Jean Dupont"


def test_text_keeps_emoji_and_mixed_scripts() -> None:
    text = "Super 👍🏽 article ! Ελληνικά, русский, 日本語, العربية."
    assert validate(form(text=text)).text == text


def test_email_is_normalised() -> None:
    assert validate(form(email="  Jean.Dupont@EXAMPLE.Fr ")).email == "Jean.Dupont@example.fr"


def test_email_deliverability_option_is_passed(monkeypatch: pytest.MonkeyPatch) -> None:
    import email_validator

    seen: list[bool] = []
    real = email_validator.validate_email

    def spy(email: str, **kwargs: Any) -> Any:
        seen.append(kwargs["check_deliverability"])
        return real(email, check_deliverability=False)

    monkeypatch.setattr(email_validator, "validate_email", spy)
    validate(form())
    validate(form(), check_deliverability=True)
    assert seen == [False, True]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://example.org", "https://example.org/"),
        ("HTTP://Example.ORG/Path?q=1#frag", "http://example.org/Path?q=1#frag"),
        ("example.org/blog", "http://example.org/blog"),
        ("//example.org", "http://example.org/"),
        ("https://bücher.de/", "https://xn--bcher-kva.de/"),
        ("https://example.org:8443/x", "https://example.org:8443/x"),
        ("http://192.0.2.1/", "http://192.0.2.1/"),
        ("http://[2001:db8::1]/", "http://[2001:db8::1]/"),
        ("https://example.org/é", "https://example.org/%C3%A9"),
        ("javascript:alert(1)", None),
        ("data:text/html,<b>x</b>", None),
        ("mailto:a@example.org", None),
        ("https://user:pass@example.org/", None),
        ("https://example.org@evil.example/", None),
        ('https://example.org/"onmouseover="x', "https://example.org/%22onmouseover=%22x"),
        ("https://example.org/<script>", "https://example.org/%3Cscript%3E"),
        ("https://en.example.org/wiki/O'Brien", "https://en.example.org/wiki/O%27Brien"),
        ('https://exa"mple.org/', None),
        ("https://evil.example\\@good.example/", None),
        ("https://exa mple.org/", None),
        ("https://localhost/", None),
        ("https://-bad-.org/", None),
        ("https://example.123/", None),
        ("https://example.org:99999/", None),
        ("http://[::1/", None),
        ("", None),
    ],
)
def test_normalize_url(raw: str, expected: str | None) -> None:
    assert normalize_url(raw) == expected


def test_blank_url_is_absent() -> None:
    assert validate(form(url="   ")).url is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("203.0.113.9", "203.0.113.9"), (" 2001:DB8::1 ", "2001:db8::1"), ("", None), (None, None)],
)
def test_ip(raw: Any, expected: str | None) -> None:
    assert validate(form(ip=raw)).ip == expected


# -- value types -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (b"Bonjour \xc3\xa0 tous", "Bonjour à tous"),
        (bytearray(b"bytes"), "bytes"),
        (["un seul"], "un seul"),
        (("tuple",), "tuple"),
    ],
)
def test_text_from_bytes_and_one_element_lists(value: Any, expected: str) -> None:
    assert validate(form(text=value)).text == expected


@pytest.mark.parametrize("value", [[], ["a", "b"], [["nested"]], 3, 2.5, True, {"a": 1}, object()])
def test_text_of_other_types(value: Any) -> None:
    codes = errors_of(form(text=value))
    assert codes["text"] in {("invalid",), ("required",)}


def test_lone_surrogates_are_invalid() -> None:
    assert errors_of(form(text="abc\ud800def", name="\udfff")) == {
        "name": ("invalid",),
        "text": ("invalid",),
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [(42, "42"), ("  a-7 ", "a-7"), (-1, "-1"), ("", None), (None, None)],
)
def test_post_id(value: Any, expected: str | None) -> None:
    assert validate(form(post_id=value)).post_id == expected


@pytest.mark.parametrize(("value", "expected"), [(0, None), ("0", None), (7, "7")])
def test_parent_id_zero_means_top_level(value: Any, expected: str | None) -> None:
    assert validate(form(parent_id=value)).parent_id == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1717243200, datetime(2024, 6, 1, 12, tzinfo=UTC)),
        (1717243200.5, datetime(2024, 6, 1, 12, 0, 0, 500000, tzinfo=UTC)),
        ("1717243200", datetime(2024, 6, 1, 12, tzinfo=UTC)),
        ("2024-06-01T12:00:00Z", datetime(2024, 6, 1, 12, tzinfo=UTC)),
        ("2024-06-01T14:00:00+02:00", datetime(2024, 6, 1, 12, tzinfo=UTC)),
        ("2024-06-01 12:00", datetime(2024, 6, 1, 12, tzinfo=UTC)),
        (datetime(2024, 6, 1, 12), datetime(2024, 6, 1, 12, tzinfo=UTC)),
        (
            datetime(2024, 6, 1, 13, tzinfo=timezone(timedelta(hours=1))),
            datetime(2024, 6, 1, 12, tzinfo=UTC),
        ),
        ("0001-01-01T00:00:00+01:00", None),
        (-5, None),
        (1e20, None),
        (float("inf"), None),
        ("2024-13-01", None),
        ("x" * 100, None),
        (True, None),
        ([1], None),
    ],
)
def test_parse_datetime(value: Any, expected: datetime | None) -> None:
    assert parse_datetime(value) == expected


def test_dates_are_validated_as_fields() -> None:
    sub = validate(form(submitted_at="2024-06-01T12:00:00Z", form_rendered_at=1717243190))
    assert sub.submitted_at is not None
    assert sub.form_rendered_at is not None
    assert (sub.submitted_at - sub.form_rendered_at).total_seconds() == 10
    assert validate(form(submitted_at="  ")).submitted_at is None


@pytest.mark.parametrize(
    ("value", "filled"),
    [
        (None, False),
        ("", False),
        ("   ", False),
        (False, False),
        ([], False),
        ([""], False),
        ("http://spam.example", True),
        ("0", True),
        (0, True),
        (b"x", True),
        (["", "x"], True),
    ],
)
def test_honeypot(value: Any, filled: bool) -> None:
    assert validate(form(honeypot=value)).honeypot is filled


def test_metadata_is_cleaned_and_kept() -> None:
    sub = validate(
        form(
            user_agent="Mozilla/5.0\x00 (X11)\n",
            referrer="https://news.example/a",
            permalink="https://news.example/a#c",
        )
    )
    assert sub.user_agent == "Mozilla/5.0 (X11)"
    assert sub.referrer == "https://news.example/a"
    assert sub.permalink == "https://news.example/a#c"


# -- language --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arg", "field", "expected"),
    [
        (None, None, "fr"),
        (None, "en", "en"),
        (None, "en-GB", "en"),
        (None, "fr_CA", "fr"),
        (None, "de", "fr"),
        (None, 12, "fr"),
        ("en", "fr", "en"),
        ("fr", "en", "fr"),
        ("EN-us", None, "en"),
        ("xx", "en", "fr"),
    ],
)
def test_language(arg: str | None, field: Any, expected: str) -> None:
    data = form(lang=field) if field is not None else form(lang=None)
    assert validate(data, lang=arg).lang == expected
    with pytest.raises(ValidationError) as info:
        validate({**data, "email": "bad"}, lang=arg)
    assert info.value.lang == expected


# -- hostile input ---------------------------------------------------------------------------------


def test_not_a_mapping_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        validate([("name", "x")])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        validate("name=x")  # type: ignore[arg-type]


class Hostile(Mapping[str, Any]):
    """A mapping whose lookups blow up."""

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("boom")

    def __iter__(self) -> Any:
        raise RuntimeError("boom")

    def __len__(self) -> int:
        return 3


def test_hostile_mapping_gives_a_validation_error() -> None:
    assert set(errors_of(Hostile())) == {"name", "email", "text"}


def test_fields_list_is_complete() -> None:
    assert set(FIELDS) >= {"name", "email", "text", "url", "ip", "honeypot", "lang"}
    assert modkit.validate is validate


values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(),
    st.text(alphabet=st.characters(codec=None, categories=None), max_size=50),
    st.binary(max_size=40),
    st.lists(st.text(max_size=5), max_size=3),
    st.datetimes(),
    st.just("x" * 70000),
    st.sampled_from(["a@example.org", "https://example.org", "203.0.113.5", "2024-01-01"]),
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=8))


@given(st.dictionaries(keys, values, max_size=12), st.sampled_from([None, "fr", "en", "zz"]))
def test_any_mapping_gives_a_submission_or_a_validation_error(
    data: dict[str, Any], lang: str | None
) -> None:
    result: Submission | ValidationError
    try:
        result = validate(data, lang=lang)
    except ValidationError as exc:
        result = exc
    if isinstance(result, ValidationError):
        assert result.errors
        assert all(e.code in {"required", "invalid", "too_long"} for e in result.errors)
        assert all(e.message for e in result.errors)
    else:
        assert result.name
        assert result.email
        assert result.text
        assert len(result.text) <= LIMITS["text"]
        assert result.lang in {"fr", "en"}


_FULL_FORM: dict[str, Any] = {
    "name": "Camille",
    "email": "camille@example.org",
    "text": "Bonjour à tous",
    "url": "example.org/page",
    "ip": "192.0.2.7",
    "user_agent": "Mozilla/5.0\x00",
    "referrer": "https://example.org/",
    "permalink": "https://example.org/a",
    "post_id": 42,
    "parent_id": "0",
    "submitted_at": "2026-01-01T10:00:00",
    "form_rendered_at": 1767261600,
    "post_published_at": "not a date",
    "honeypot": [" x "],
    "lang": "en",
}


@pytest.mark.parametrize("drop", [(), ("url", "ip", "lang"), tuple(_FULL_FORM)[3:], ("text",)])
@pytest.mark.parametrize("extra", [{}, {"honeypot": ""}, {"url": "javascript:x"}, {1: "x"}])
def test_a_plain_dict_validates_as_any_other_mapping(
    drop: tuple[str, ...], extra: dict[Any, Any]
) -> None:
    from types import MappingProxyType

    form = {k: v for k, v in _FULL_FORM.items() if k not in drop} | extra

    def outcome(data: Mapping[Any, Any]) -> object:
        try:
            return validate(data)
        except ValidationError as exc:
            return exc.errors

    assert outcome(form) == outcome(MappingProxyType(form))  # the general path
