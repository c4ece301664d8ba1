"""Fuzz target: validate() and Moderator.check() (rules only) on arbitrary forms.

Forms mix every field with strings (any Unicode), bytes, numbers, None, lists and nested dicts.
Only ValidationError may come out. A valid Submission has no control character in its public
fields, a website that is an absolute http(s) URL, a text within the limit; the public HTML is
escaped, and the decision serialises to JSON.
"""

from __future__ import annotations

import json
import re
from typing import Any

import _common
import atheris

from modkit import Moderator, ValidationError, validate
from modkit._submission import FIELDS, LIMITS

_MOD = Moderator(rules_only=True, secret="fuzz-secret-0123456789abcdef")  # noqa: S106
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200b\ufeff]")
_TAG = re.compile(r"<(?!/?(p|br|a)\b)|<a (?!href=\")")
_EXTRA_KEYS = ("comment", "author", "", "TEXT", "text ")


def _value(fdp: atheris.FuzzedDataProvider, depth: int = 0) -> Any:
    kind = fdp.ConsumeIntInRange(0, 9)
    if kind <= 3:
        return fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 300))
    if kind == 4:
        return fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 64))
    if kind == 5:
        return fdp.ConsumeInt(8) if fdp.ConsumeBool() else fdp.ConsumeRegularFloat()
    if kind == 6:
        return None if fdp.ConsumeBool() else fdp.ConsumeBool()
    if kind == 7 and depth < 2:
        return [_value(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 3))]
    if kind == 8 and depth < 2:
        return {"k": _value(fdp, depth + 1)}
    return fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 80))


def _form(fdp: atheris.FuzzedDataProvider) -> dict[Any, Any]:
    form: dict[Any, Any] = {
        "name": "Ana",
        "email": "ana@example.org",
        "text": "Merci pour l'article",
    }
    keys = (*FIELDS, *_EXTRA_KEYS)
    for _ in range(fdp.ConsumeIntInRange(0, 8)):
        key = keys[fdp.ConsumeIntInRange(0, len(keys) - 1)]
        if fdp.ConsumeIntInRange(0, 9) == 0:
            form.pop(key, None)
        else:
            form[key] = _value(fdp)
    return form


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    form = _form(fdp)
    try:
        sub = validate(form)
    except ValidationError as exc:
        if not exc.errors:
            raise AssertionError("a ValidationError without errors") from exc
        return
    assert len(sub.text) <= LIMITS["text"]
    assert sub.text.strip()
    assert len(sub.name) <= LIMITS["name"]
    assert sub.name.strip()
    for value in (sub.name, sub.text, sub.url or ""):
        assert not _CONTROL.search(value), "control or bidi character kept"
    if sub.url is not None:
        assert sub.url.startswith(("http://", "https://")), "non-http website kept"
        assert not re.search(r"[\s\"'<>\\]", sub.url)
    decision = _MOD.check(form, record=False)
    html = decision.comment.html() + decision.comment.author_html()
    assert not _TAG.search(html), "unescaped markup in the public HTML"
    json.dumps(decision.to_dict())


if __name__ == "__main__":
    _common.run(test_one_input)
