"""The public surface: names, lazy imports, version, types, value objects."""

from __future__ import annotations

import dataclasses
import importlib.metadata
import json
import subprocess
import sys
import types
from datetime import UTC, datetime
from pathlib import Path

import pytest

import modkit
from modkit import Action, Decision, PublicComment, Reason
from modkit.testing import FailingScorer, FixedScorer, sample_form

ROOT = Path(__file__).resolve().parents[1]


def test_all_is_pinned() -> None:
    assert sorted(modkit.__all__) == sorted(
        [
            "Action",
            "ConfigError",
            "Decision",
            "FieldError",
            "MemoryStore",
            "ModelError",
            "Moderator",
            "ModkitError",
            "Policy",
            "PublicComment",
            "Reason",
            "SQLiteStore",
            "Scorer",
            "Store",
            "StoreError",
            "Submission",
            "UnknownDecisionError",
            "ValidationError",
            "__version__",
            "validate",
        ]
    )
    for name in modkit.__all__:
        if name != "Scorer":
            assert getattr(modkit, name) is not None
    assert set(modkit.__all__) <= set(dir(modkit))


def test_import_is_light() -> None:
    code = (
        "import sys, modkit; "
        "heavy = [m for m in ('sklearn', 'numpy', 'scipy', 'joblib', 'email_validator') "
        "if m in sys.modules]; print(heavy)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert proc.stdout.strip() == "[]"


def test_scorer_is_lazy(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("modkit._model")

    class Scorer:
        pass

    fake.Scorer = Scorer  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "modkit._model", fake)
    monkeypatch.delitem(modkit.__dict__, "Scorer", raising=False)
    assert modkit.Scorer is Scorer
    monkeypatch.delitem(modkit.__dict__, "Scorer", raising=False)


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = modkit.Nope  # type: ignore[attr-defined]


def test_version() -> None:
    assert modkit.__version__.count(".") >= 2
    try:
        installed = importlib.metadata.version("modkit-moderation")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("modkit is not installed (run from a checkout)")
    assert installed == modkit.__version__


def test_exception_tree() -> None:
    assert issubclass(modkit.ValidationError, modkit.ModkitError)
    assert issubclass(modkit.ValidationError, ValueError)
    assert issubclass(modkit.ConfigError, ValueError)
    assert issubclass(modkit.ModelError, RuntimeError)
    assert issubclass(modkit.StoreError, RuntimeError)
    assert issubclass(modkit.UnknownDecisionError, KeyError)
    for exc in (modkit.ConfigError, modkit.ModelError, modkit.StoreError):
        assert issubclass(exc, modkit.ModkitError)
    assert "ModkitError" in (modkit._errors.__doc__ or "")


def test_action_is_a_str_enum() -> None:
    assert Action.HOLD == "hold"
    assert str(Action.REJECT) == "reject"
    assert Action("accept") is Action.ACCEPT
    assert json.dumps({"a": Action.HOLD}) == '{"a": "hold"}'
    assert Action.worst(Action.ACCEPT, Action.REJECT, Action.HOLD) is Action.REJECT
    assert Action.worst() is Action.ACCEPT


def test_value_objects_are_frozen() -> None:
    reason = Reason("x", "message", {"k": [1]})
    comment = PublicComment(author="A", text="t", date=datetime(2024, 1, 1, tzinfo=UTC))
    decision = Decision("id", Action.ACCEPT, {"spam": 0.1}, (reason,), comment)
    for obj, attr in ((reason, "code"), (comment, "text"), (decision, "action")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, attr, "other")
    with pytest.raises(TypeError):
        decision.scores["spam"] = 0.9  # type: ignore[index]
    with pytest.raises(TypeError):
        reason.evidence["k"] = 2  # type: ignore[index]
    assert reason.to_dict() == {
        "code": "x",
        "message": "message",
        "action": "hold",
        "evidence": {"k": [1]},
    }
    assert decision.to_dict()["comment"]["date"] == "2024-01-01T00:00:00+00:00"


def test_public_comment_html_is_escaped() -> None:
    comment = PublicComment(
        author='<b>"Eve"</b>',
        text="<script>alert('x')</script>\nligne 2\n\n& paragraphe",
        date=datetime(2024, 1, 1, tzinfo=UTC),
        url='https://example.org/?a=1&b="2"',
    )
    assert comment.escaped_text.startswith("&lt;script&gt;alert(&#x27;x&#x27;)")
    assert comment.html() == (
        "<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br>\nligne 2</p>\n"
        "<p>&amp; paragraphe</p>"
    )
    assert comment.author_html() == (
        '<a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="nofollow ugc noopener">'
        "&lt;b&gt;&quot;Eve&quot;&lt;/b&gt;</a>"
    )
    assert PublicComment(author="A&B", text="", date=comment.date).author_html() == "A&amp;B"


def test_fixed_scorer() -> None:
    scorer = FixedScorer({"spam": 0.2}, by_text={"Casino": {"spam": 0.9}})
    assert scorer.score("le CASINO") == {"spam": 0.9}
    assert scorer.score_many(["a", "casino"]) == [{"spam": 0.2}, {"spam": 0.9}]
    assert scorer.calls == [["le CASINO"], ["a", "casino"]]
    with pytest.raises(TypeError):
        scorer.score_many("a bare string")
    with pytest.raises(TypeError):
        scorer.score(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="between 0 and 1"):
        FixedScorer({"spam": 2})
    assert not hasattr(FixedScorer(), "thresholds")
    with pytest.raises(RuntimeError):
        FailingScorer().score("x")


def test_sample_form() -> None:
    form = sample_form(url=None, text="autre")
    assert "url" not in form
    assert form["text"] == "autre"
    assert modkit.validate(form).name == "Camille Martin"


def test_py_typed_is_shipped() -> None:
    assert (ROOT / "modkit" / "py.typed").exists()
