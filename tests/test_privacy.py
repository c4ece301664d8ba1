"""Privacy canaries: emails and IPs never reach a repr, a str, a to_dict, an error, a log or a file.

Thousands of generated submissions carry unique canary emails and IPs; every public surface of
the result is collected and searched for them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
import random
import string
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SECRET
from hypothesis import given
from hypothesis import strategies as st

from modkit import (
    Decision,
    MemoryStore,
    Moderator,
    Policy,
    PublicComment,
    SQLiteStore,
    ValidationError,
    validate,
)
from modkit._author import AuthorKeys
from modkit.testing import FixedScorer

ALPHABETS = [
    string.ascii_letters + "  ",
    "àâçéèêëîïôûùüÿœæ ÀÉÈ",
    "Привет мир ",
    "你好世界 ",
    "🎉👍🏽😀💬 ",
    "مرحبا שלום ",
    "\u200b\u200d\u202e\x00\t\n",
    string.punctuation,
]


class Canary:
    """One author's private data: a unique email and IP, and the strings that reveal them."""

    def __init__(self, rng: random.Random, n: int) -> None:
        token = "".join(rng.choice(string.ascii_lowercase) for _ in range(10))
        self.local = f"cn{n}{token}"
        self.email = f"{self.local}@leak{n}.example"
        if rng.random() < 0.5:
            self.ip = f"198.18.{n % 256}.{(n * 7) % 256}"
            self.ip_marks = [self.ip]
        else:
            self.ip = f"2001:db8:{n:x}:5eed::{n % 9999 + 1:x}"
            self.ip_marks = [self.ip, f"2001:db8:{n:x}:5eed:"]
        self.marks = [self.local, self.email, *self.ip_marks]
        self.hashes = [
            f(v.encode()).hexdigest()
            for v in (self.email, self.email.lower(), self.ip)
            for f in (hashlib.md5, hashlib.sha1, hashlib.sha256)
        ]

    def assert_absent(self, *outputs: str) -> None:
        for out in outputs:
            low = out.lower()
            for mark in self.marks:
                assert mark.lower() not in low, f"canary leaked: {out[:300]!r}"


def random_text(rng: random.Random, size: int) -> str:
    alphabet = rng.choice(ALPHABETS) + string.ascii_letters + " "
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9))) for _ in range(size)]
    extras = ["https://spam.example/x", "www.promo.example", "casino", "promo", "!!!", "\n\n"]
    words += rng.sample(extras, rng.randint(0, 3))
    rng.shuffle(words)
    return " ".join(words)


def make_form(rng: random.Random, canary: Canary) -> dict[str, Any]:
    form: dict[str, Any] = {
        "name": random_text(rng, rng.randint(1, 3))[:60] or "x",
        "email": canary.email if rng.random() < 0.9 else canary.email.upper(),
        "text": random_text(rng, rng.randint(1, 40)),
        "ip": canary.ip,
        "lang": rng.choice(["fr", "en", "fr-CA", "en-GB", None]),
    }
    if rng.random() < 0.5:
        form["url"] = rng.choice(["https://blog.example/", "example.org/me", "javascript:x()"])
    if rng.random() < 0.3:
        form["honeypot"] = rng.choice(["", "filled"])
    if rng.random() < 0.3:
        form["post_id"] = rng.randint(1, 5)
    if rng.random() < 0.3:
        form["user_agent"] = "Mozilla/5.0 " + random_text(rng, 2)
    if rng.random() < 0.2:
        form["form_rendered_at"] = "2024-06-01T11:59:59Z"
    # Broken variants: errors must not quote the private values either.
    roll = rng.random()
    if roll < 0.08:
        form["email"] = canary.email.replace("@", "@@")
    elif roll < 0.12:
        form["email"] = canary.email + " " + canary.email
    elif roll < 0.16:
        form["ip"] = canary.ip + ".999"
    elif roll < 0.2:
        form["email"] = canary.local + "@" + "x" * 120 + ".example"
    elif roll < 0.24:
        form["text"] = ""
    return {k: v for k, v in form.items() if v is not None}


def exception_outputs(exc: BaseException) -> Iterator[str]:
    yield str(exc)
    yield repr(exc)
    yield repr(exc.args)
    yield "".join(traceback.format_exception(exc))
    if isinstance(exc, ValidationError):
        yield json.dumps(exc.to_dict(), ensure_ascii=False)
        yield repr(exc.errors)
    for linked in (exc.__cause__, exc.__context__):
        if linked is not None:
            yield from exception_outputs(linked)


def decision_outputs(d: Decision) -> Iterator[str]:
    yield repr(d)
    yield str(d)
    yield json.dumps(d.to_dict(), ensure_ascii=False)
    for r in d.reasons:
        yield repr(r)
        yield r.message
        yield json.dumps(r.to_dict(), ensure_ascii=False)
    yield repr(d.comment)
    yield d.comment.html()
    yield d.comment.author_html()
    yield json.dumps(d.comment.to_dict(), ensure_ascii=False)


def log_outputs(caplog: pytest.LogCaptureFixture) -> Iterator[str]:
    for record in caplog.records:
        yield record.getMessage()
        yield repr(record.args)
        yield record.exc_text or ""
    yield caplog.text


def test_public_comment_has_no_private_field() -> None:
    names = set(PublicComment.__dataclass_fields__)
    assert names == {"author", "text", "date", "url", "post_id", "parent_id", "lang"}
    assert not any("mail" in n or "ip" in n.split("_") for n in names)


def test_thousands_of_canaries_never_leak(
    caplog: pytest.LogCaptureFixture, thorough: Callable[[int], int]
) -> None:
    rng = random.Random(20240601)
    store = MemoryStore()
    mod = Moderator(
        scorer=FixedScorer(by_text={"casino": {"spam": 0.99, "toxicity": 0.2}}),
        secret=SECRET,
        store=store,
        policy=Policy(moderation_words=["promo"], blocked_words=["casino"]),
    )
    checked = 0
    forms = thorough(2500)  # 250 in the fast loop
    with caplog.at_level(logging.DEBUG):
        for n in range(forms):
            canary = Canary(rng, n)
            form = make_form(rng, canary)
            outputs: list[str] = []
            try:
                sub = validate(form)
                outputs += [repr(sub), str(sub)]
                d = mod.check(form)
                checked += 1
                outputs += list(decision_outputs(d))
                record = store.get(d.id)
                outputs.append(repr(record))
                if n % 5 == 0:
                    mod.feedback(d.id, rng.choice(["spam", "ham", "toxic"]))
            except ValidationError as exc:
                outputs += list(exception_outputs(exc))
            outputs += [repr(mod), repr(store)]
            canary.assert_absent(*outputs)
            if n % 100 == 0:
                canary.assert_absent(*log_outputs(caplog))
                caplog.clear()
        batch_canaries = [Canary(rng, 10000 + i) for i in range(50)]
        results = mod.check_many([make_form(rng, c) for c in batch_canaries])
        for c, result in zip(batch_canaries, results, strict=True):
            outs = (
                exception_outputs(result)
                if isinstance(result, ValidationError)
                else decision_outputs(result)
            )
            c.assert_absent(*outs)
        for c in batch_canaries:
            c.assert_absent(*log_outputs(caplog))
        for record in store.feedback():
            assert all(m not in repr(record) for m in batch_canaries[0].marks)
    assert checked > 0.6 * forms  # most forms were valid: the decision paths were exercised


def test_evidence_never_quotes_private_fields() -> None:
    canary = Canary(random.Random(7), 7)
    policy = Policy(
        blocked_words=[canary.ip, canary.local], moderation_words=[canary.email.split("@")[1]]
    )
    mod = Moderator(scorer=FixedScorer(), secret=SECRET, policy=policy)
    d = mod.check({"name": "Ana", "email": canary.email, "ip": canary.ip, "text": "Bonjour"})
    assert set(d.codes) >= {"blocked_word", "moderation_word"}
    canary.assert_absent(*decision_outputs(d))


def test_author_keys_are_keyed_hashes() -> None:
    keys, other = AuthorKeys(SECRET.encode()), AuthorKeys(b"another-secret-0123456789")
    canary = Canary(random.Random(1), 1)
    assert keys.email(canary.email) == keys.email(canary.email.upper())
    assert keys.email(canary.email) != other.email(canary.email)
    assert keys.ip(canary.ip) != other.ip(canary.ip)
    assert keys.email(canary.email) not in canary.hashes
    assert all(keys.email(canary.email) not in h for h in canary.hashes)
    assert keys.ip("192.0.2.1") == keys.ip("::ffff:192.0.2.1")
    assert keys.ip("2001:db8::1") == keys.ip("2001:db8::ffff")  # same /64
    assert keys.ip("2001:db8::1") != keys.ip("2001:db8:0:1::1")
    assert keys.ip("nonsense") is None
    assert SECRET not in repr(keys)
    with pytest.raises(TypeError):
        pickle.dumps(keys)


def test_remembered_email_keys_equal_fresh_ones_and_an_erasure_forgets_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from modkit import _author

    monkeypatch.setattr(_author, "_EMAIL_KEYS", 3)  # the bound is reached
    keys, fresh = AuthorKeys(SECRET.encode()), AuthorKeys(SECRET.encode())
    emails = [f"Person{i}@Example.org" for i in range(7)] + [" person1@example.org ", "", "é@x"]
    for email in emails * 2:
        expected = fresh._mac("email", _author.fold_email(email))
        assert keys.email(email) == expected
        assert len(keys._email_keys) <= 3
    mod = Moderator(scorer=FixedScorer(), secret=SECRET)
    mod.check({"name": "A", "email": "canary@example.org", "text": "Bonjour"})
    assert "canary@example.org" in mod._keys._email_keys
    mod.forget(email="canary@example.org")
    assert not mod._keys._email_keys


def test_sqlite_file_holds_no_email_ip_or_unkeyed_hash(tmp_path: Path) -> None:
    rng = random.Random(99)
    canaries = [Canary(rng, n) for n in range(150)]
    with Moderator(
        scorer=FixedScorer(), secret=SECRET, store=SQLiteStore(tmp_path / "m.db")
    ) as mod:
        for c in canaries:
            form = make_form(rng, c)
            form.update(email=c.email, ip=c.ip, text=form.get("text") or "texte")
            form.pop("url", None)
            d = mod.check(form)
            mod.feedback(d.id, "ham")
    blob = b"".join(p.read_bytes() for p in tmp_path.iterdir()).lower()
    for c in canaries:
        for mark in [*c.marks, *c.hashes]:
            assert mark.lower().encode() not in blob


emails = st.builds(
    lambda local, n: f"{local}.leak{n}@canary{n}.example",
    st.text(alphabet=string.ascii_lowercase + string.digits, min_size=6, max_size=20),
    st.integers(min_value=0, max_value=10**6),
)


@given(
    email=emails,
    ip=st.ip_addresses().map(str),
    name=st.text(max_size=30),
    text=st.text(max_size=300),
    url=st.one_of(st.none(), st.text(max_size=30)),
    mangle=st.sampled_from(["none", "email", "ip", "both"]),
)
def test_arbitrary_forms_never_leak(
    email: str, ip: str, name: str, text: str, url: str | None, mangle: str
) -> None:
    if mangle in {"email", "both"}:
        email = email.replace("@", " @ ")
    if mangle in {"ip", "both"}:
        ip = ip + "%%"
    marks = [email.split("@")[0].strip(), email, ip]
    form = {"name": name, "email": email, "ip": ip, "text": text, "url": url}
    mod = Moderator(rules_only=True, secret=SECRET)
    outputs: list[str] = []
    try:
        d = mod.check(form)
        outputs += list(decision_outputs(d))
    except ValidationError as exc:
        outputs += list(exception_outputs(exc))
    for out in outputs:
        for mark in marks:
            # A mark the commenter also typed into a public field may appear through that field.
            if mark and mark not in name and mark not in text and mark not in (url or ""):
                assert mark not in out
