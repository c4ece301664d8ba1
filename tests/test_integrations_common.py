"""What the adapters share: friendly errors for missing extras, field mapping, form building."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime

import pytest

from modkit import ModkitError
from modkit.integrations import WORDPRESS_FIELDS, MissingExtraError
from modkit.integrations._common import FORM_FIELDS, build_form, check_fields

ADAPTERS = [
    ("flask", ["flask"], "flask"),
    ("fastapi", ["fastapi"], "fastapi"),
    ("django", ["django"], "django"),
    ("django", ["django_comments"], "django"),
]


@pytest.fixture
def clean_modules() -> Iterator[None]:
    """Let a test hide packages, then restore every module it touched."""
    saved = dict(sys.modules)
    yield
    sys.modules.clear()
    sys.modules.update(saved)


@pytest.mark.parametrize(("adapter", "hidden", "extra"), ADAPTERS)
def test_missing_extra_names_the_install_line(
    clean_modules: None, adapter: str, hidden: list[str], extra: str
) -> None:
    for name in list(sys.modules):
        if name == f"modkit.integrations.{adapter}" or any(
            name == h or name.startswith(h + ".") for h in hidden
        ):
            del sys.modules[name]
    for h in hidden:
        sys.modules[h] = None  # type: ignore[assignment]  # makes `import h` fail
    with pytest.raises(MissingExtraError) as info:
        importlib.import_module(f"modkit.integrations.{adapter}")
    assert f"pip install 'modkit-moderation[{extra}]'" in str(info.value)
    assert isinstance(info.value, ImportError)
    assert isinstance(info.value, ModkitError)
    assert any(str(info.value.name).startswith(h) for h in hidden)


def test_package_import_pulls_in_no_framework() -> None:
    code = (
        "import sys, modkit.integrations\n"
        "bad = [m for m in ('flask', 'fastapi', 'django', 'starlette') if m in sys.modules]\n"
        "print(bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (None, {f: f for f in FORM_FIELDS}),
        ({"text": "comment"}, {**{f: f for f in FORM_FIELDS}, "text": "comment"}),
        (WORDPRESS_FIELDS, {**{f: f for f in FORM_FIELDS}, **WORDPRESS_FIELDS}),
    ],
)
def test_check_fields(fields: dict[str, str] | None, expected: dict[str, str]) -> None:
    assert dict(check_fields(fields)) == expected


@pytest.mark.parametrize(
    "fields",
    [{"ip": "ip"}, {"user_agent": "ua"}, {"mail": "email"}, {"text": ""}, {"text": 3}],
)
def test_check_fields_refuses(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="fields"):
        check_fields(fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ip", "kept"),
    [
        ("203.0.113.4", True),
        ("2001:db8::1", True),
        ("testclient", False),
        ("", False),
        (None, False),
        ("/run/app.sock", False),
    ],
)
def test_build_form_metadata(ip: str | None, kept: bool) -> None:
    data = {"name": "Ana", "email": "a@example.org", "text": "Bonjour", "ip": "198.51.100.9"}
    form = build_form(data.get, check_fields(None), ip=ip, user_agent="UA", referrer=None)
    assert form["name"] == "Ana"
    assert form.get("ip") == (ip if kept else None)  # never the form's own "ip"
    assert form["user_agent"] == "UA"
    assert "referrer" not in form
    assert not any(isinstance(v, datetime) for v in form.values())
