"""Moderator: start-up rules, check/check_many/decide, store effects, feedback, GDPR duties."""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
import types
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import SECRET, Clock
from hypothesis import given
from hypothesis import strategies as st

from modkit import (
    Action,
    ConfigError,
    Decision,
    MemoryStore,
    ModelError,
    Moderator,
    Policy,
    SQLiteStore,
    StoreError,
    UnknownDecisionError,
    ValidationError,
    validate,
)
from modkit.testing import FailingScorer, FixedScorer, sample_form

Make = Callable[..., Moderator]


# -- start-up


def test_no_scorer_and_no_model_module_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "modkit._model", None)  # import fails
    with pytest.raises(ModelError, match="rules_only=True"):
        Moderator(secret=SECRET)


def fake_model_module(load: Callable[[], Any]) -> types.ModuleType:
    module = types.ModuleType("modkit._model")

    class Scorer:
        @classmethod
        def load(cls) -> Any:
            return load()

    module.Scorer = Scorer  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize(
    "error", [ModelError("sha256 mismatch"), FileNotFoundError("models/default/model.joblib")]
)
def test_default_model_that_fails_to_load(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def load() -> Any:
        raise error

    monkeypatch.setitem(sys.modules, "modkit._model", fake_model_module(load))
    with pytest.raises(ModelError, match="rules_only=True") as info:
        Moderator(secret=SECRET)
    assert info.value.__cause__ is error


def test_default_model_is_loaded_when_available(monkeypatch: pytest.MonkeyPatch) -> None:
    scorer = FixedScorer(version="2024.06", thresholds={"spam": {"hold": 0.3}})
    monkeypatch.setitem(sys.modules, "modkit._model", fake_model_module(lambda: scorer))
    mod = Moderator(secret=SECRET)
    assert mod.scorer is scorer
    assert mod.model_version == "2024.06"
    assert dict(mod.thresholds["spam"]) == {"hold": 0.3}
    assert mod.check(sample_form()).model_version == "2024.06"


def test_scorer_and_rules_only_together() -> None:
    with pytest.raises(ConfigError, match="not both"):
        Moderator(scorer=FixedScorer(), rules_only=True, secret=SECRET)


def test_scorer_without_score_many() -> None:
    with pytest.raises(TypeError, match="score_many"):
        Moderator(scorer=object(), secret=SECRET)  # type: ignore[arg-type]


def test_bad_policy_argument() -> None:
    with pytest.raises(TypeError, match="Policy"):
        Moderator(rules_only=True, policy={"max_links": 1}, secret=SECRET)  # type: ignore[arg-type]


def test_scorer_with_malformed_thresholds() -> None:
    with pytest.raises(ModelError, match="thresholds"):
        Moderator(scorer=FixedScorer(thresholds={"spam": {"hold": 7}}), secret=SECRET)


def test_persistent_store_needs_a_secret(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "m.db")
    with pytest.raises(ConfigError, match="MODKIT_SECRET"):
        Moderator(rules_only=True, store=store)
    store.close()


def test_secret_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODKIT_SECRET", SECRET)
    with Moderator(rules_only=True, store=SQLiteStore(tmp_path / "m.db")) as mod:
        mod.check(sample_form())
    monkeypatch.setenv("MODKIT_SECRET", "another-secret-of-enough-length")
    store = SQLiteStore(tmp_path / "m.db")
    with pytest.raises(StoreError, match="another site secret"):
        Moderator(rules_only=True, store=store)
    store.close()


def test_random_secret_warns_without_revealing_it(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="modkit"):
        mod = Moderator(rules_only=True)
    assert "random per-process secret" in caplog.text
    secret = mod._keys._secret  # the secret itself
    assert secret.hex() not in caplog.text
    assert "secret=<hidden>" in repr(mod._keys)


@pytest.mark.parametrize("secret", ["", b"", 42])
def test_invalid_secret(secret: Any) -> None:
    with pytest.raises(ConfigError):
        Moderator(rules_only=True, secret=secret)


# -- check -----------------------------------------------------------------------------------------


def test_check_returns_a_decision(make_moderator: Make, clock: Clock) -> None:
    d = make_moderator().check(sample_form())
    assert isinstance(d, Decision)
    assert d.action is Action.ACCEPT
    assert d.codes == ("passed",)
    assert dict(d.scores) == {"spam": 0.01, "toxicity": 0.01}
    assert d.comment.author == "Camille Martin"
    assert d.comment.date == clock.t
    assert re.fullmatch(r"[0-9a-f]{32}", d.id)
    assert d.model_version == "fixed-1"
    json.dumps(d.to_dict())


def test_check_invalid_form(make_moderator: Make) -> None:
    mod = make_moderator()
    with pytest.raises(ValidationError) as info:
        mod.check({"name": "x"}, lang="en")
    assert info.value.codes == {"email": ("required",), "text": ("required",)}
    assert "required" in info.value.errors[0].message


def test_language_precedence(make_moderator: Make) -> None:
    assert make_moderator().check(sample_form(lang="en")).lang == "en"
    assert make_moderator(lang="en").check(sample_form(lang=None)).lang == "en"
    assert make_moderator(lang="en").check(sample_form(lang="fr"), lang="fr").lang == "fr"


def test_rules_only_holds_newcomers(make_moderator: Make) -> None:
    d = make_moderator(rules_only=True).check(sample_form())
    assert d.action is Action.HOLD
    assert d.codes == ("unscored",)
    assert dict(d.scores) == {}
    assert d.model_version is None


def test_rules_only_still_rejects(make_moderator: Make) -> None:
    d = make_moderator(rules_only=True).check(sample_form(honeypot="x"))
    assert d.action is Action.REJECT


@pytest.mark.parametrize(
    ("scores", "action"),
    [
        ({"spam": 0.99, "toxicity": 0.0}, Action.REJECT),
        ({"spam": 0.7, "toxicity": 0.0}, Action.HOLD),
        ({"spam": 0.0, "toxicity": 0.95}, Action.REJECT),
        ({"spam": 0.0, "toxicity": 0.0}, Action.ACCEPT),
    ],
)
def test_scores_drive_the_action(
    make_moderator: Make, scores: dict[str, float], action: Action
) -> None:
    assert make_moderator(scorer=FixedScorer(scores)).check(sample_form()).action is action


def test_policy_thresholds_override_the_scorer(make_moderator: Make) -> None:
    scorer = FixedScorer({"spam": 0.5, "toxicity": 0.0}, thresholds={"spam": {"hold": 0.4}})
    assert make_moderator(scorer=scorer).check(sample_form()).action is Action.HOLD
    policy = Policy(thresholds={"spam": {"hold": 0.6}})
    assert make_moderator(scorer=scorer, policy=policy).check(sample_form()).action is Action.ACCEPT


@pytest.mark.parametrize(
    ("scorer", "fragment"),
    [
        (FailingScorer(), "scorer failed"),
        (FailingScorer(ModelError("broken bundle")), "broken bundle"),
        (FixedScorer({"spam": 0.1, "toxicity": 0.1}), None),
    ],
)
def test_scorer_failures_are_model_errors(
    make_moderator: Make, scorer: Any, fragment: str | None
) -> None:
    mod = make_moderator(scorer=scorer)
    if fragment is None:
        assert mod.check(sample_form()).action is Action.ACCEPT
    else:
        with pytest.raises(ModelError, match=fragment):
            mod.check(sample_form())


class BadScorer:
    def __init__(self, result: Any) -> None:
        self.result = result

    def score(self, text: str, /) -> Any:
        return self.result[0]

    def score_many(self, texts: Sequence[str], /) -> Any:
        return self.result


@pytest.mark.parametrize(
    "result",
    [
        [{"spam": float("nan"), "toxicity": 0.0}],
        [{"spam": 1.5}],
        [{"spam": -0.1}],
        [{"spam": "high"}],
        [{"spam": True}],
        [{1: 0.5}],
        [["spam", 0.5]],
    ],
)
def test_unusable_scores_are_model_errors(make_moderator: Make, result: Any) -> None:
    with pytest.raises(ModelError):
        make_moderator(scorer=BadScorer(result)).check(sample_form())


def test_wrong_number_of_results(make_moderator: Make) -> None:
    mod = make_moderator(scorer=BadScorer([{"spam": 0.1}]))
    with pytest.raises(ModelError, match="number"):
        mod.check_many([sample_form(), sample_form(email="b@example.org")])


def test_decide_on_a_validated_submission(make_moderator: Make) -> None:
    mod = make_moderator()
    assert mod.decide(validate(sample_form())).action is Action.ACCEPT
    with pytest.raises(TypeError):
        mod.decide(sample_form())  # type: ignore[arg-type]


# -- check_many ------------------------------------------------------------------------------------


def test_check_many_keeps_order_and_scores_once(make_moderator: Make, clock: Clock) -> None:
    scorer = FixedScorer(by_text={"casino": {"spam": 0.99, "toxicity": 0.0}})
    mod = make_moderator(scorer=scorer)
    forms = [
        sample_form(email="a@example.org", text="Bel article"),
        {"name": "x"},
        sample_form(email="b@example.org", text="Casino en ligne"),
        sample_form(email="c@example.org", text="Merci", ip="192.0.2.99"),
    ]
    results = mod.check_many(forms)
    assert [type(r).__name__ for r in results] == [
        "Decision",
        "ValidationError",
        "Decision",
        "Decision",
    ]
    assert [r.action for r in results if isinstance(r, Decision)] == [
        Action.ACCEPT,
        Action.REJECT,
        Action.ACCEPT,
    ]
    assert scorer.calls == [["Bel article", "Casino en ligne", "Merci"]]


def test_check_many_sees_earlier_items_of_the_batch(make_moderator: Make) -> None:
    results = make_moderator().check_many([sample_form(), sample_form()])
    assert isinstance(results[1], Decision)
    assert results[1].codes[:2] == ("duplicate", "flood")


def test_check_many_edge_cases(make_moderator: Make) -> None:
    mod = make_moderator()
    assert mod.check_many([]) == []
    assert mod.check_many(iter([sample_form()]))[0].action is Action.ACCEPT  # type: ignore[union-attr]
    for wrong in (sample_form(), "text", b"bytes"):
        with pytest.raises(TypeError):
            mod.check_many(wrong)  # type: ignore[arg-type]
    only_invalid = make_moderator(scorer=FailingScorer()).check_many([{}])
    assert isinstance(only_invalid[0], ValidationError)  # the scorer is not called


# -- store effects ---------------------------------------------------------------------------------


def test_flood_and_duplicate(make_moderator: Make, clock: Clock) -> None:
    mod = make_moderator()
    assert mod.check(sample_form(text="Premier")).action is Action.ACCEPT
    clock.advance(5)
    assert mod.check(sample_form(text="Second")).codes == ("flood",)
    clock.advance(20)
    assert mod.check(sample_form(text="Troisième")).action is Action.ACCEPT
    clock.advance(20)
    d = mod.check(sample_form(text="  troisième "))  # same text, case and spaces aside
    assert d.action is Action.REJECT
    assert d.codes == ("duplicate",)
    clock.advance(2 * 86400)
    assert mod.check(sample_form(text="Troisième")).action is Action.ACCEPT  # window passed


def test_flood_by_ip_across_authors(make_moderator: Make, clock: Clock) -> None:
    mod = make_moderator()
    mod.check(sample_form(email="a@example.org", ip="2001:db8:1:2::10"))
    clock.advance(3)
    d = mod.check(sample_form(email="b@example.org", ip="2001:db8:1:2::99", text="Autre"))
    assert d.codes == ("flood",)  # same IPv6 /64


def test_record_false_leaves_no_trace(make_moderator: Make) -> None:
    store = MemoryStore()
    mod = make_moderator(store=store)
    d = mod.check(sample_form(), record=False)
    assert len(store) == 0
    assert mod.check(sample_form()).action is Action.ACCEPT
    with pytest.raises(UnknownDecisionError):
        mod.feedback(d.id, "ham")


def test_feedback_trusts_and_distrusts(make_moderator: Make, clock: Clock) -> None:
    store = MemoryStore()
    mod = make_moderator(rules_only=True, store=store)
    d = mod.check(sample_form())
    assert d.action is Action.HOLD
    mod.feedback(d.id, "ham")
    clock.advance(60)
    d2 = mod.check(sample_form(text="Encore moi", email="CAMILLE.MARTIN@example.org"))
    assert d2.action is Action.ACCEPT
    assert d2.codes == ("trusted",)
    mod.feedback(d2.id, "spam")
    clock.advance(60)
    assert mod.check(sample_form(text="Et encore")).action is Action.HOLD
    rows = store.feedback()
    assert [(r.decision_id, r.verdict) for r in rows] == [(d.id, "ham"), (d2.id, "spam")]
    assert rows[0].text == d.comment.text


def test_feedback_errors(make_moderator: Make) -> None:
    mod = make_moderator()
    d = mod.check(sample_form())
    with pytest.raises(ValueError, match="verdict"):
        mod.feedback(d.id, "good")
    with pytest.raises(UnknownDecisionError) as info:
        mod.feedback("0" * 32, "spam")
    assert isinstance(info.value, KeyError)
    assert "0" * 32 in str(info.value)


def test_trust_by_email(make_moderator: Make) -> None:
    mod = make_moderator(rules_only=True)
    mod.trust("camille.martin@EXAMPLE.org")
    assert mod.check(sample_form()).action is Action.ACCEPT
    mod.trust("camille.martin@example.org", trusted=False)
    assert mod.check(sample_form(text="autre")).action is Action.HOLD


def test_forget(make_moderator: Make, clock: Clock) -> None:
    store = MemoryStore()
    mod = make_moderator(store=store)
    d = mod.check(sample_form())
    mod.feedback(d.id, "ham")
    mod.check(sample_form(email="other@example.org", ip="198.51.100.1", text="x"))
    assert mod.forget(email="Camille.Martin@Example.org") == 3  # comment, feedback, trust
    assert store.get(d.id) is None
    assert mod.forget(ip="198.51.100.1") == 1
    assert len(store) == 0
    with pytest.raises(ValueError, match="email"):
        mod.forget()
    with pytest.raises(ValueError, match="IP"):
        mod.forget(ip="not-an-ip")
    assert mod.forget(email="not an address") == 0


def test_purge(make_moderator: Make, clock: Clock) -> None:
    store = MemoryStore()
    mod = make_moderator(store=store)
    mod.check(sample_form())
    clock.advance(40 * 86400)
    mod.check(sample_form(text="récent"))
    assert mod.purge(30) == 1
    assert len(store) == 1
    for bad in (-1, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="older_than_days"):
            mod.purge(bad)


def test_sqlite_end_to_end(make_moderator: Make, tmp_path: Path, clock: Clock) -> None:
    store = SQLiteStore(tmp_path / "m.db")
    mod = make_moderator(store=store, rules_only=True)
    d = mod.check(sample_form())
    mod.feedback(d.id, "ham")
    clock.advance(30)
    assert mod.check(sample_form(text="de retour")).action is Action.ACCEPT
    assert mod.forget(email="camille.martin@example.org") == 4


def test_naive_clock_is_taken_as_utc(make_moderator: Make) -> None:
    from datetime import UTC, datetime

    mod = make_moderator(now=lambda: datetime(2024, 1, 1, 12))
    assert mod.now() == datetime(2024, 1, 1, 12, tzinfo=UTC)


def test_debug_log_names_the_decision(
    make_moderator: Make, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="modkit"):
        d = make_moderator().check(sample_form())
        with pytest.raises(ValidationError):
            make_moderator().check({"name": "x"})
    assert f"decision {d.id}: accept (passed)" in caplog.text
    assert "email:required" in caplog.text


def test_repr(make_moderator: Make) -> None:
    assert "FixedScorer" in repr(make_moderator())
    assert "rules_only" in repr(make_moderator(rules_only=True))


class EchoScorer:
    """Scores depend on the text, to exercise the batch path with hypothesis."""

    def score(self, text: str, /) -> Mapping[str, float]:
        return {"spam": (len(text) % 100) / 100, "toxicity": 0.0}

    def score_many(self, texts: Sequence[str], /) -> list[Mapping[str, float]]:
        return [self.score(t) for t in texts]


form_values = st.one_of(
    st.none(),
    st.integers(),
    st.text(max_size=30),
    st.binary(max_size=10),
    st.lists(st.text(max_size=3)),
)
forms = st.dictionaries(
    st.sampled_from(["name", "email", "text", "url", "ip", "honeypot", "post_id", "lang", "x"]),
    form_values,
) | st.builds(
    lambda text, name: sample_form(text=text, name=name),
    st.text(max_size=200),
    st.text(max_size=20),
)


@given(st.lists(forms, max_size=5))
def test_check_and_check_many_never_crash(batch: list[dict[str, Any]]) -> None:
    mod = Moderator(scorer=EchoScorer(), secret=SECRET)
    many = mod.check_many(batch, record=False)
    assert len(many) == len(batch)
    for form, result in zip(batch, many, strict=True):
        try:
            single: Decision | ValidationError = mod.check(form, record=False)
        except ValidationError as exc:
            single = exc
        assert type(single) is type(result)
        if isinstance(single, Decision) and isinstance(result, Decision):
            assert single.action == result.action
            assert single.codes == result.codes
            json.dumps(single.to_dict())


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("", "required"),
        (" \n\t\u200b ", "required"),
        ("👍🏽🎉😀" * 10, "accept"),
        ("Привет, 你好, مرحبا, Ελληνικά et français", "accept"),
        ("https://x.example/ " * 6000, "too_long"),  # about 115 KB
        (("Un texte long. " * 4368)[:65525], "accept"),
        (("lien www.a.example " * 3500)[:65525], "hold"),
    ],
)
def test_edge_texts(make_moderator: Make, text: str, outcome: str) -> None:
    mod = make_moderator()
    result: Decision | ValidationError
    try:
        result = mod.check(sample_form(text=text), record=False)
    except ValidationError as exc:
        result = exc
    if isinstance(result, ValidationError):
        assert result.codes == {"text": (outcome,)}
    else:
        assert result.action.value == outcome
        json.dumps(result.to_dict())


def test_concurrent_checks_share_one_moderator(make_moderator: Make) -> None:
    store = MemoryStore()
    mod = make_moderator(store=store)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(50):
                form = sample_form(email=f"t{n}-{i}@example.org", ip=f"192.0.2.{n}", text=f"n{i}")
                mod.check(form)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store) == 200


def test_each_address_is_validated_once_until_an_erasure(monkeypatch: pytest.MonkeyPatch) -> None:
    import modkit._submission as submission

    calls: list[str] = []
    real = submission._check_email

    def counting(text: str, *, check_deliverability: bool) -> Any:
        calls.append(text)
        return real(text, check_deliverability=check_deliverability)

    monkeypatch.setattr(submission, "_check_email", counting)
    mod = Moderator(rules_only=True, secret=SECRET)
    form = {**sample_form(), "email": "Ann@Example.org"}
    first = mod.check(form, record=False)
    again = mod.check(form, record=False)
    assert (first.action, first.codes) == (again.action, again.codes)
    assert mod.validate(form).email == validate(form).email  # the same outcome as uncached
    assert len(calls) == 2  # once for the moderator, once for the bare validate()
    with pytest.raises(ValidationError):  # an invalid address stays invalid from the cache
        mod.check({**form, "email": "ann@"}, record=False)
    with pytest.raises(ValidationError):
        mod.check({**form, "email": "ann@"}, record=False)
    assert calls.count("ann@") == 1
    mod.forget(email="Ann@Example.org")
    mod.check(form, record=False)  # no address was kept past the erasure
    assert calls.count("Ann@Example.org") == 3
    outer = submission.EmailCache(8)
    with submission.email_cache(outer):  # a batch's own cache is the one used
        mod.check({**form, "email": "bob@example.org"}, record=False)
    assert repr(outer) == "EmailCache(size=8, entries=1)"
