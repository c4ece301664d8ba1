"""Model bundle: training on a tiny corpus, integrity checks, score shapes, explanations."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from modkit import ConfigError, Moderator, Policy
from modkit._datasets import Corpus, Row
from modkit._errors import ModelError
from modkit._features import (
    FUNCTION_WORDS,
    SHAPE_PREFIX,
    SHAPE_WEIGHT,
    STOP_WORDS,
    WORD_PREFIX,
)
from modkit._features_view import DISCOURSE_WORDS
from modkit._model import HEADS, Scorer, default_model_path, sha256_file
from modkit._training import TrainConfig, train, write_model

HAM = [
    "Merci pour cet article très clair, j'attendais ce comparatif depuis longtemps.",
    "Je ne suis pas d'accord avec la conclusion, la batterie tient mieux que ça chez moi.",
    "Quelqu'un sait si la mise à jour arrive aussi sur les anciens modèles ?",
    "Great write-up, the benchmarks section answered my question.",
    "I disagree: the old model was cheaper and did the same job.",
    "Does anyone know whether the update also comes to older phones?",
    "Bon article, mais il manque le prix en Belgique.",
    "Thanks, the comparison table is really useful.",
]
SPAM = [
    "Gagnez 5000 euros par semaine depuis chez vous, contactez-moi sur WhatsApp +33 6 12 34 56 78",
    "Super article ! Visitez mon site www.casino-bonus-gratuit.fr pour des bonus incroyables",
    "Make $500 a day trading crypto, DM me on Telegram @richquick",
    "Cheap viagra online without prescription, visit www.pharma-cheap.biz now",
    "Abonnez-vous à ma chaîne YouTube pour des astuces crypto gratuites !!!",
    "Best casino bonus ever, sign up at www.bet-win-big.com and get free spins",
]
TOXIC = [
    "Ferme-la, espèce de connard, tu ne comprends rien.",
    "T'es vraiment un abruti fini, retourne jouer dans ta chambre.",
    "You are a complete idiot and a waste of oxygen.",
    "Shut up, moron, nobody cares about your stupid opinion.",
    "Je sais où tu habites, fais gaffe à toi.",
    "I will find you and make you regret this.",
]


def _corpus() -> Corpus:
    rows = []
    for i in range(6):  # repeat with small variations so every split gets every class
        for t in HAM:
            rows.append(
                Row(
                    text=f"{t} ({i})",
                    lang="fr",
                    labels={"spam": 0, "toxicity": 0, "insult": 0, "threat": 0},
                    corpus="tiny",
                )
            )
        for t in SPAM:
            rows.append(
                Row(text=f"{t} {i}", lang="fr", labels={"spam": 1, "toxicity": 0}, corpus="tiny")
            )
        for t in TOXIC:
            threat = int("habites" in t or "find you" in t)
            rows.append(
                Row(
                    text=f"{t} {i}",
                    lang="fr",
                    labels={"spam": 0, "toxicity": 1, "insult": 1 - threat, "threat": threat},
                    corpus="tiny",
                )
            )
    return Corpus(
        name="tiny",
        rows=rows,
        files=[("tiny.jsonl", "0" * 64, len(rows))],
        heads=("spam", "toxicity", "insult", "threat"),
        description="test corpus",
    )


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = TrainConfig(min_df=1, max_char_features=20_000, max_word_features=5_000, logo=False)
    result = train([_corpus()], config, version="test")
    return write_model(result, tmp_path_factory.mktemp("models") / "tiny")


def test_training_writes_a_self_describing_bundle(tiny_model: Path) -> None:
    manifest = json.loads((tiny_model / "manifest.json").read_text())
    assert manifest["version"] == "test"
    assert set(manifest["heads"]) == {"spam", "toxicity", "insult", "threat"}
    assert manifest["corpora"][0]["name"] == "tiny"
    assert manifest["versions"]["sklearn"]
    assert len(manifest["bundle"]["sha256"]) == 64
    assert "ROC AUC" in (tiny_model / "REPORT.md").read_text()


def test_a_corpus_that_forbids_redistribution_is_left_out_unless_allowed(tmp_path: Path) -> None:
    import dataclasses

    config = TrainConfig(min_df=1, max_char_features=20_000, max_word_features=5_000, logo=False)
    restricted = dataclasses.replace(
        _corpus(), name="nc_corpus", licence="CC BY-NC 4.0", redistributable=False
    )
    restricted = dataclasses.replace(
        restricted, rows=[dataclasses.replace(r, corpus="nc_corpus") for r in restricted.rows]
    )
    shipped = train([_corpus(), restricted], config, version="test").manifest
    assert [c["name"] for c in shipped["corpora"]] == ["tiny"]
    assert shipped["excluded_corpora"] == [
        {"name": "nc_corpus", "licence": "CC BY-NC 4.0", "reason": "licence forbids redistribution"}
    ]
    assert shipped["redistributable"] is True
    own = train(
        [_corpus(), restricted],
        dataclasses.replace(config, redistributable_only=False),
        version="test",
    ).manifest
    assert {c["name"] for c in own["corpora"]} == {"tiny", "nc_corpus"}
    assert own["redistributable"] is False
    assert {c["licence"] for c in own["corpora"]} == {"unknown", "CC BY-NC 4.0"}


def test_training_is_deterministic(tmp_path: Path, tiny_model: Path) -> None:
    config = TrainConfig(min_df=1, max_char_features=20_000, max_word_features=5_000, logo=False)
    again = write_model(train([_corpus()], config, version="test"), tmp_path / "again")
    a = Scorer.load(tiny_model).score("Gagnez de l'argent facile sur www.example.biz")
    b = Scorer.load(again).score("Gagnez de l'argent facile sur www.example.biz")
    assert a == b


def test_scores_have_every_head_in_range(tiny_model: Path) -> None:
    scorer = Scorer.load(tiny_model)
    for text in ["", " ", "😀" * 50, "x" * 65_525, "Ça va ?", "привет мир"]:
        scores = scorer.score(text)
        assert list(scores) == list(scorer.heads)
        assert all(0.0 <= v <= 1.0 for v in scores.values())


def test_tiny_model_separates_its_classes(tiny_model: Path) -> None:
    scorer = Scorer.load(tiny_model)
    ham = scorer.score("Merci pour l'article, très clair.")
    spam = scorer.score("Gagnez 5000 euros, contactez-moi sur WhatsApp +33 6 98 76 54 32")
    toxic = scorer.score("Ferme-la espèce d'abruti")
    assert spam["spam"] > ham["spam"]
    assert toxic["toxicity"] > ham["toxicity"]


def test_score_many_matches_score_and_refuses_a_bare_str(tiny_model: Path) -> None:
    scorer = Scorer.load(tiny_model)
    texts = ["Merci !", "Visitez www.casino.fr", "Espèce de connard"]
    many = scorer.score_many(texts)
    for text, scores in zip(texts, many, strict=True):
        single = scorer.score(text)
        assert scores == pytest.approx(single, abs=1e-6)
    with pytest.raises(TypeError):
        scorer.score_many("a bare string")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        scorer.score(None)  # type: ignore[arg-type]


def test_explain_points_at_the_original_text(tiny_model: Path) -> None:
    scorer = Scorer.load(tiny_model)
    text = "Franchement, espèce de C0NNARD, tu dis n'importe quoi"
    spans = scorer.explain(text)["toxicity"]
    assert spans, "the toxic word must be explained"
    for span in spans:
        assert text[span.start : span.end] == span.text
    assert any("C0NNARD" in s.text or "NNARD" in s.text for s in spans)


def _copy(model: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(model, target)
    return target


def _rewrite_bundle(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Edit a bundle copy and record its new sha256, as a retrain would."""
    import joblib

    bundle = joblib.load(folder / "model.joblib")
    change(bundle)
    joblib.dump(bundle, folder / "model.joblib")
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["bundle"]["sha256"] = sha256_file(folder / "model.joblib")
    (folder / "manifest.json").write_text(json.dumps(manifest))


def test_the_feature_recipe_is_bundle_data(tiny_model: Path, tmp_path: Path) -> None:
    default = Scorer.load(tiny_model)
    assert default._featurizer.view == TrainConfig().view == "scoped"
    # the discourse words are stop words of the training run, and the bundle keeps them
    assert default._featurizer.stop_words_ == FUNCTION_WORDS | DISCOURSE_WORDS
    cols, _ = default._featurizer.transform_one("Alors on devrait faire comme ça, vraiment.")
    assert not {default._featurizer.names()[c] for c in cols.tolist()} & {
        f"{WORD_PREFIX}{w}" for w in ("alors", "devrait", "comme", "vraiment")
    }
    assert default._featurizer.shape_kinds_ == ("caps", "url")
    changed = _copy(tiny_model, tmp_path)

    def recipe(bundle: dict[str, Any]) -> None:
        bundle["featurizer"]["stop_words"] = ["merci", "article"]
        bundle["featurizer"]["shape_tokens"] = False

    _rewrite_bundle(changed, recipe)
    scorer = Scorer.load(changed)
    feat = scorer._featurizer
    assert feat.stop_words_ == {"merci", "article"}
    assert not feat.shape_tokens
    text = "Merci pour l'article, de rien!!!"
    cols, _ = feat.transform_one(text)
    names = {feat.names()[c] for c in cols.tolist()}
    assert f"{WORD_PREFIX}merci" in feat.vocabulary_  # in the vocabulary, no longer a unigram
    assert f"{WORD_PREFIX}merci" not in names
    assert not any(n.startswith(SHAPE_PREFIX) for n in names)
    assert scorer.score(text) != default.score(text)
    assert scorer.score_many([text])[0] == pytest.approx(scorer.score(text), abs=1e-9)


def test_the_view_is_bundle_data(tiny_model: Path, tmp_path: Path) -> None:
    default = Scorer.load(tiny_model)
    plain = _copy(tiny_model, tmp_path)

    def to_plain(bundle: dict[str, Any]) -> None:
        bundle["featurizer"].update(view="plain", shape_kinds=None)
        del bundle["featurizer"]["stop_words"]  # then the view's own

    _rewrite_bundle(plain, to_plain)
    scorer = Scorer.load(plain)
    assert scorer._featurizer.view == "plain"
    assert scorer._featurizer.stop_words_ == STOP_WORDS
    text = "Bonjour, tu dis n'importe quoi"
    assert scorer.score(text) != default.score(text)
    bad = tmp_path / "bad"
    shutil.copytree(plain, bad)
    _rewrite_bundle(bad, lambda b: b["featurizer"].update(view="sideways"))
    with pytest.raises(ModelError, match="view"):
        Scorer.load(bad)


def test_a_vocabulary_with_colliding_keys_is_refused(
    tiny_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import modkit._gram_index as gram_index

    monkeypatch.setattr(gram_index, "exact_keys", lambda base, longest: False)
    monkeypatch.setattr(gram_index, "_mix", lambda x: (x & np.uint64(3)) | np.uint64(4))
    with pytest.raises(ModelError, match="same key"):
        Scorer.load(tiny_model)


def test_a_check_reads_its_text_once(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import modkit._text as text_module

    calls: list[str] = []
    folds: list[str] = []
    real = text_module.analyse_folded
    real_fold = text_module.fold

    def counting(raw: str, folded: str | None) -> Any:
        calls.append(raw)
        assert folded == real_fold(raw)  # the fold made for the rules, not made again
        return real(raw, folded)

    def counting_fold(raw: str) -> str:
        folds.append(raw)
        return real_fold(raw)

    def forbidden(raw: str) -> Any:
        raise AssertionError("the text was normalised twice")

    monkeypatch.setattr(text_module, "analyse_folded", counting)
    monkeypatch.setattr(text_module, "fold", counting_fold)
    monkeypatch.setattr(text_module, "normalize_text", forbidden)
    monkeypatch.setattr(text_module, "find_links", forbidden)
    mod = Moderator(scorer=Scorer.load(tiny_model), secret="s" * 32, policy=Policy(max_links=1))
    text = "Super site: www.casino-bonus.fr et hxxp://deux [dot] ru"
    decision = mod.check({"name": "Ann", "email": "ann@example.org", "text": text}, record=False)
    assert "too_many_links" in decision.codes
    assert calls == [text]
    assert folds.count(text) == 1  # duplicate fingerprint, word lists and analysis share it
    calls.clear()
    forms = [{"name": "Ann", "email": "ann@example.org", "text": t} for t in (text, "Merci !")]
    assert len(mod.check_many(forms, record=False)) == 2
    assert calls == [text, "Merci !"]


def test_a_flipped_byte_is_refused_before_unpickling(tiny_model: Path, tmp_path: Path) -> None:
    bad = _copy(tiny_model, tmp_path)
    data = bytearray((bad / "model.joblib").read_bytes())
    data[len(data) // 2] ^= 0x01
    (bad / "model.joblib").write_bytes(bytes(data))
    with pytest.raises(ModelError, match="sha256"):
        Scorer.load(bad)


def test_a_truncated_bundle_is_refused(tiny_model: Path, tmp_path: Path) -> None:
    bad = _copy(tiny_model, tmp_path)
    data = (bad / "model.joblib").read_bytes()
    (bad / "model.joblib").write_bytes(data[: len(data) // 3])
    with pytest.raises(ModelError, match="sha256"):
        Scorer.load(bad)


def test_a_missing_manifest_is_refused(tiny_model: Path, tmp_path: Path) -> None:
    bad = _copy(tiny_model, tmp_path)
    (bad / "manifest.json").unlink()
    with pytest.raises(ModelError, match="manifest"):
        Scorer.load(bad)


def test_a_manifest_for_another_file_is_refused(tiny_model: Path, tmp_path: Path) -> None:
    bad = _copy(tiny_model, tmp_path)
    manifest = json.loads((bad / "manifest.json").read_text())
    manifest["bundle"]["sha256"] = "ab" * 32
    (bad / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="does not match"):
        Scorer.load(bad)


def test_an_incompatible_sklearn_is_refused(tiny_model: Path, tmp_path: Path) -> None:
    bad = _copy(tiny_model, tmp_path)
    manifest = json.loads((bad / "manifest.json").read_text())
    manifest["versions"]["sklearn"] = "0.24.2"
    (bad / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="scikit-learn"):
        Scorer.load(bad)


def test_a_bundle_path_outside_the_folder_is_refused(tiny_model: Path, tmp_path: Path) -> None:
    bad = _copy(tiny_model, tmp_path)
    manifest = json.loads((bad / "manifest.json").read_text())
    manifest["bundle"]["file"] = "../elsewhere.joblib"
    (bad / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="invalid bundle file"):
        Scorer.load(bad)


MALFORMED_THRESHOLDS = {
    "a list": [0.5, 0.9],
    "a number per head": {"spam": 0.5},
    "an empty head": {"spam": {}},
    "an empty label": {"": {"hold": 0.5}},
    "an unknown level": {"spam": {"block": 0.5}},
    "a text": {"spam": {"hold": "high"}},
    "a boolean": {"spam": {"hold": True}},
    "above 1": {"spam": {"reject": 1.5}},
    "NaN": {"spam": {"hold": float("nan")}},
    "hold above reject": {"spam": {"hold": 0.9, "reject": 0.5}},
}


@pytest.mark.parametrize("name", list(MALFORMED_THRESHOLDS))
def test_manifest_thresholds_are_checked_as_a_policy_checks_its_own(
    tiny_model: Path, tmp_path: Path, name: str
) -> None:
    bad = _copy(tiny_model, tmp_path)
    manifest = json.loads((bad / "manifest.json").read_text())
    manifest["thresholds"] = MALFORMED_THRESHOLDS[name]
    (bad / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError) as from_manifest:
        Scorer.load(bad)
    with pytest.raises(ConfigError) as from_policy:
        Policy(thresholds=MALFORMED_THRESHOLDS[name])
    assert str(from_manifest.value) == f"manifest {from_policy.value}"


def test_manifest_thresholds_are_read_only(tiny_model: Path) -> None:
    thresholds = Scorer.load(tiny_model).thresholds
    assert thresholds
    for limits in thresholds.values():
        assert 0.0 <= limits["hold"] <= limits["reject"] <= 1.0
        with pytest.raises(TypeError):
            limits["hold"] = 0.0  # type: ignore[index]


# -- the shipped default model ------------------------------------------------------------------

try:
    default_model_path()
    HAVE_DEFAULT = True
except ModelError:
    HAVE_DEFAULT = False
needs_default = pytest.mark.skipif(not HAVE_DEFAULT, reason="no shipped model in models/default")


@needs_default
def test_default_model_loads_verified_and_cached() -> None:
    a = Scorer.load()
    assert a is Scorer.load()
    assert set(HEADS) >= set(a.heads) >= {"spam", "toxicity"}
    assert {"spam", "toxicity"} <= set(a.thresholds)
    for limits in a.thresholds.values():
        assert 0 < limits["hold"] <= limits["reject"] < 1


SANITY = [
    # (text, head, high?)
    ("Merci pour cet article, très instructif. Vivement la suite !", "toxicity", False),
    ("Merci pour cet article, très instructif. Vivement la suite !", "spam", False),
    (
        "Je ne suis pas d'accord, le nouveau modèle est trop cher pour ce qu'il apporte.",
        "toxicity",
        False,
    ),
    # argued like an essay: 0.74 and 0.59 for 2026.12.03.3 (register words as toxicity cues)
    (
        "Il faudrait également donner plus de droits aux locataires, comme en Allemagne.",
        "toxicity",
        False,
    ),
    (
        "Je pense que la gauche devrait proposer un vrai programme sur le logement, parce que "
        "pour l'instant c'est flou.",
        "toxicity",
        False,
    ),
    ("T'es vraiment qu'un gros connard, ferme ta gueule.", "toxicity", True),
    (
        "Gagnez 3000€ par semaine en crypto, contactez-moi sur WhatsApp au +33 6 12 34 56 78",
        "spam",
        True,
    ),
    ("Thanks for the detailed review, the battery section was really helpful.", "toxicity", False),
    ("Thanks for the detailed review, the battery section was really helpful.", "spam", False),
    ("You are a pathetic idiot, shut up.", "toxicity", True),
    ("Check out my channel for free bitcoin giveaways!!! www.free-btc-now.com", "spam", True),
    ("Cheap viagra and cialis online, no prescription: www.pills-discount.biz", "spam", True),
    # a news site's readers talk about news: 0.69-0.90 for 2026.12.03.4 (a tweet corpus labelled
    # news headlines spam)
    ("Any news about the missing hiker?", "spam", False),
    ("Is the sports page moving behind the paywall too?", "spam", False),
    # a reader citing a source (a site absent from training's link variants): 0.53 for 2026.12.03.4
    (
        "The full study is here: https://www.thelancet.com/journals/lancet/article/"
        "PIIS0140-6736(25)01234-5/fulltext",
        "spam",
        False,
    ),
    (
        "Very informative blog, thanks for sharing. We offer digital marketing training in Pune "
        "https://pune-dm-academy.in",
        "spam",
        True,
    ),
    # short replies: interjections and politeness were features (0.68 toxicity on "ouais" and
    # "eh", 0.95 spam on "Please" for 2026.12.03.8)
    ("Eh ouais, tu vas faire quoi", "toxicity", False),
    ("Please", "spam", False),
    ("Svp, une source ?", "spam", False),
    ("Please die", "toxicity", True),
]


@needs_default
@pytest.mark.parametrize(("text", "head", "high"), SANITY)
def test_default_model_sanity(text: str, head: str, high: bool) -> None:
    scorer = Scorer.load()
    score = scorer.score(text)[head]
    hold = scorer.thresholds[head]["hold"]
    assert (score >= hold) is high, f"{head}={score:.3f} hold={hold:.3f}"


def _project_texts(limit: int) -> list[str]:
    root = Path(__file__).resolve().parents[1] / "datasets"
    texts: list[str] = []
    for path in sorted(root.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh)
    return texts[::7][:limit]


@needs_default
def test_default_model_batch_and_single_paths_agree() -> None:
    scorer = Scorer.load()
    texts = [*_project_texts(400), "", "😀" * 300, "x" * 65_525, "Ѕеx саsіnо москва"]
    many = scorer.score_many(texts)
    for text, scores in zip(texts, many, strict=True):
        assert scores == pytest.approx(scorer.score(text), abs=1e-6)


@needs_default
def test_default_model_scores_equal_the_reference_features() -> None:
    # Margins recomputed from analyze()'s strings: the vectorised features are the reference ones.
    scorer = Scorer.load()
    feat = scorer._featurizer
    for text in [*_project_texts(60), "", "Ѕеx саsіnо москва 😀"]:
        chars, words, shapes = feat._analyze(text)  # the bundle's own view and shape kinds
        vocab = feat.vocabulary_
        margin = np.array(scorer._intercept, dtype=np.float64)
        for token in shapes:
            if token in vocab:
                margin = margin + SHAPE_WEIGHT * scorer._coef[vocab[token]].astype(np.float64)
        for grams in (chars, words):
            counts = Counter(vocab[g] for g in grams if g in vocab)
            if not counts:
                continue
            cols = np.array(list(counts))
            vals = (1 + np.log(np.array(list(counts.values()), dtype=np.float64))) * feat.idf_[cols]
            vals = vals / np.sqrt(vals @ vals)
            margin = margin + vals @ scorer._coef[cols].astype(np.float64)
        expected = scorer._probabilities(margin)
        got = scorer.score(text)
        assert [got[h] for h in scorer.heads] == pytest.approx(expected.tolist(), abs=1e-6)


@needs_default
@pytest.mark.parametrize(
    ("clean", "obfuscated"),
    [
        ("connard", "c0nnard"),
        ("connard", "c o n n a r d"),
        ("connard", "cоnnard"),  # Cyrillic о
        ("connard", "co\u200bnnard"),
        ("connard", "connaaaaard"),
        ("idiot", "1d10t"),
    ],
)
def test_default_model_obfuscation_scores_like_clean(clean: str, obfuscated: str) -> None:
    scorer = Scorer.load()
    a = scorer.score(f"T'es qu'un {clean}")["toxicity"]
    b = scorer.score(f"T'es qu'un {obfuscated}")["toxicity"]
    assert b == pytest.approx(a, abs=1e-6)


@pytest.mark.parametrize(("dist", "package"), [("scikit-learn", "sklearn"), ("numpy", "numpy")])
def test_the_installed_version_is_read_as_importlib_metadata_reads_it(
    dist: str, package: str
) -> None:
    from importlib.metadata import version

    from modkit._model import _installed_version

    assert _installed_version(dist, package) == version(dist)


def test_positives_and_negatives_of_a_corpus_are_weighed_to_one_length_distribution() -> None:
    from modkit._training import _length_bins, _row_weights

    def row(words: int, toxic: int, corpus: str = "c") -> Row:
        return Row(
            text=" ".join(["mot"] * words), lang="fr", labels={"toxicity": toxic}, corpus=corpus
        )

    # toxic rows mostly long, clean rows mostly short: length alone would predict the label
    rows = [row(40, 1)] * 80 + [row(3, 1)] * 20 + [row(3, 0)] * 80 + [row(40, 0)] * 20
    rows += [row(40, 1, "other")] * 10  # a corpus with one class is left as it is
    bins = _length_bins(rows)
    y = np.array([r.labels["toxicity"] for r in rows])
    in_c = np.array([r.corpus == "c" for r in rows])

    def long_share(w: np.ndarray, label: int) -> float:
        sel = in_c & (y == label)
        return float(w[sel & (bins == bins.max())].sum() / w[sel].sum())

    flat = _row_weights(rows, "toxicity", TrainConfig(length_balance=1.0))
    balanced = _row_weights(rows, "toxicity", TrainConfig())
    assert long_share(flat, 1) == pytest.approx(0.8)
    assert long_share(flat, 0) == pytest.approx(0.2)
    assert long_share(balanced, 1) == pytest.approx(0.5)
    assert long_share(balanced, 0) == pytest.approx(0.5)
    for label in (0, 1):  # each class keeps its total within the corpus
        sel = in_c & (y == label)
        assert balanced[sel].sum() == pytest.approx(flat[sel].sum())
    assert np.ptp(balanced[~in_c]) == 0
    # spam is left alone: long spam is common and no shortcut of the toxicity heads
    spam_rows = [dataclasses.replace(r, labels={"spam": r.labels["toxicity"]}) for r in rows]
    assert _row_weights(spam_rows, "spam", TrainConfig()) == pytest.approx(
        _row_weights(spam_rows, "spam", TrainConfig(length_balance=1.0))
    )
