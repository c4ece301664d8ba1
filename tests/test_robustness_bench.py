"""Smoke and logic tests of bench/robustness.py: the four benchmarks on scripted scorers (exact
counts follow from the inputs) and the whole command on a tiny model trained here."""

from __future__ import annotations

import importlib
import json
import math
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
rb = importlib.import_module("bench.robustness")
evasion = importlib.import_module("bench.evasion")
bias = importlib.import_module("bench.bias")

from modkit._datasets import Corpus, Row, dedupe, load_project  # noqa: E402
from modkit._model import Scorer  # noqa: E402
from modkit._training import TrainConfig, split_of, train, write_model  # noqa: E402

THRESHOLDS = {
    "spam": {"hold": 0.5, "reject": 0.9},
    "toxicity": {"hold": 0.5, "reject": 0.9},
    "insult": {"hold": 0.5, "reject": 0.9},
}


class Scripted:
    """A scorer whose scores come from a function of the text, one per head."""

    def __init__(
        self,
        rules: Mapping[str, Callable[[str], float]],
        thresholds: Mapping[str, Mapping[str, float]] = THRESHOLDS,
    ) -> None:
        self.heads = tuple(rules)
        self.rules = rules
        self.thresholds = thresholds
        self.calls = 0

    def score_many(self, texts: Sequence[str], /) -> list[dict[str, float]]:
        self.calls += 1
        return [{h: fn(t) for h, fn in self.rules.items()} for t in texts]


def word_scorer(word: str) -> Scripted:
    """Toxicity 1.0 when the text contains `word` (any case), else 0; spam never."""
    return Scripted({"toxicity": lambda t: float(word in t.lower()), "spam": lambda _t: 0.0})


def row(text: str, lang: str = "fr", corpus: str = "c", **labels: int) -> Row:
    return Row(text=text, lang=lang, labels=labels, corpus=corpus)


# -- the tiny project corpus and models ----------------------------------------------------------

HAM = {
    "fr": [
        "Merci pour cet article très clair sur la réforme des retraites.",
        "Je ne suis pas d'accord, la batterie tient mieux que ça chez moi.",
        "Quelqu'un sait si la piscine rouvre cet été ?",
        "Bon article, mais il manque le prix en Belgique.",
        "La mairie a enfin refait la route du port, bravo.",
    ],
    "en": [
        "Great write-up, the benchmarks section answered my question.",
        "I disagree: the old model was cheaper and did the same job.",
        "Does anyone know whether the update comes to older phones?",
        "Thanks, the comparison table is really useful.",
        "The council finally fixed the harbour road, well done.",
    ],
}
SPAM = {
    "fr": [
        "Gagnez 5000 euros par semaine, contactez-moi sur WhatsApp au 06 12 34 56 78",
        "Super article ! Visitez www.casino-bonus-gratuit.fr pour des bonus incroyables",
        "Rachat de crédit pas cher, simulation gratuite sur www.credit-malin.com",
    ],
    "en": [
        "Make $500 a day trading crypto, visit www.rich-quick-crypto.com now",
        "Cheap viagra online without prescription at www.pharma-cheap.com",
        "Best casino bonus ever, sign up at www.bet-win-big.com for free spins",
    ],
}
TOXIC = {
    "fr": [
        "Ferme-la, espèce de connard, tu ne comprends rien.",
        "T'es vraiment un abruti fini, retourne dans ta chambre.",
        "Bande de crétins, vous êtes tous des imbéciles.",
    ],
    "en": [
        "You are a complete idiot and a waste of oxygen.",
        "Shut up, moron, nobody cares about your stupid opinion.",
        "What a pathetic loser, go away you idiot.",
    ],
}
ZERO = {"spam": 0, "toxicity": 0, "insult": 0, "threat": 0, "obscene": 0}


def _write_project(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for lang in ("fr", "en"):
        lines = []
        n = 0
        for i in range(8):  # small variations so that every split gets every class
            for kind, texts, labels in (
                ("ham", HAM[lang], ZERO),
                ("spam_seo", SPAM[lang], {**ZERO, "spam": 1}),
                ("insult", TOXIC[lang], {**ZERO, "toxicity": 1, "insult": 1}),
            ):
                for text in texts:
                    n += 1
                    record = {"id": f"{lang}-x-{n:04d}", "text": f"{text} ({i})", "lang": lang}
                    lines.append(json.dumps({**record, "kind": kind, **labels}, ensure_ascii=False))
        (folder / f"{lang}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("robust")
    project = root / "datasets"
    _write_project(project)
    corpus = load_project(project)
    config = TrainConfig(min_df=1, max_char_features=8_000, max_word_features=2_000, logo=False)
    model = write_model(train([corpus], config, version="tiny"), root / "model")
    manifest = Scorer.load(model).manifest
    baseline = rb.train_baseline(manifest, [corpus], root / "baseline")
    return {"root": root, "project": project, "model": model, "baseline": baseline}


# -- data ----------------------------------------------------------------------------------------


def test_heldout_is_the_test_split_training_counted(tiny: dict[str, Any]) -> None:
    manifest = Scorer.load(tiny["model"]).manifest
    corpora, missing, changed = rb.load_corpora(manifest, project=tiny["project"], data=[])
    assert [c.name for c in corpora] == ["project"]
    assert missing == []
    assert changed == []
    rows = rb.heldout(corpora, manifest["config"])
    assert len(rows) == manifest["splits"]["test"] > 0
    cfg = manifest["config"]
    seeds = {split_of(r, cfg["seed"], cfg["calib_fraction"], cfg["test_fraction"]) for r in rows}
    assert seeds == {"test"}
    other = rb.heldout(corpora, {**cfg, "seed": cfg["seed"] + 1})
    assert {r.text for r in other} != {r.text for r in rows}


def test_load_corpora_reports_training_corpora_it_cannot_find(tiny: dict[str, Any]) -> None:
    manifest = {"corpora": [{"name": "project"}, {"name": "feedback"}, {"name": "nowhere"}]}
    loaded = rb.load_corpora(manifest, project=tiny["project"], data=[tiny["root"] / "absent"])
    assert [c.name for c in loaded.corpora] == ["project"]
    assert loaded.missing == ["feedback", "nowhere"]
    everything = rb.load_corpora({}, project=tiny["project"], data=[])
    assert [c.name for c in everything.corpora] == ["project"]
    assert everything.missing == []


EXTRA = {
    "id": "fr-x-9999",
    "text": "Un commentaire ajouté après l'entraînement.",
    "lang": "fr",
    "kind": "ham",
    **ZERO,
}


def test_load_corpora_reads_the_project_files_the_model_was_trained_on(
    tiny: dict[str, Any], tmp_path: Path
) -> None:
    manifest = Scorer.load(tiny["model"]).manifest
    project = Path(shutil.copytree(tiny["project"], tmp_path / "datasets"))
    (project / "added_later.jsonl").write_text(json.dumps(EXTRA) + "\n", encoding="utf-8")
    trained = rb.load_corpora(manifest, project=project, data=[])
    assert trained.changed == []
    assert len(trained.corpora[0].rows) == manifest["corpora"][0]["rows"]
    assert EXTRA["text"] not in {r.text for r in trained.corpora[0].rows}
    whole = rb.load_corpora({}, project=project, data=[])
    assert EXTRA["text"] in {r.text for r in whole.corpora[0].rows}


def test_load_corpora_reports_files_changed_since_training(
    tiny: dict[str, Any], tmp_path: Path
) -> None:
    manifest = Scorer.load(tiny["model"]).manifest
    project = Path(shutil.copytree(tiny["project"], tmp_path / "datasets"))
    with (project / "fr.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(EXTRA) + "\n")
    assert rb.load_corpora(manifest, project=project, data=[]).changed == ["project"]


def test_heldout_drops_the_heads_the_recipe_ignores() -> None:
    rows = [
        row(f"texte numéro {i}", corpus="hate", toxicity=1, identity_attack=i % 2)
        for i in range(200)
    ]
    rows += [row(f"other {i}", corpus="other", toxicity=1) for i in range(200)]
    corpora = [
        Corpus(name, [r for r in rows if r.corpus == name], [], ("toxicity",), "")
        for name in ("hate", "other")
    ]
    cfg = {"seed": 1, "calib_fraction": 0.2, "test_fraction": 0.3}
    plain = rb.heldout(corpora, cfg)
    ignoring = rb.heldout(corpora, {**cfg, "ignored_heads": {"hate": ["toxicity"]}})
    assert [r.text for r in ignoring] == [r.text for r in plain]  # same split, rows kept
    for r in ignoring:
        assert ("toxicity" in r.labels) == (r.corpus == "other")
        assert "identity_attack" in r.labels or r.corpus == "other"
    only_tox = rb.heldout(corpora, {**cfg, "ignored_heads": {"other": ["toxicity"]}})
    assert {r.corpus for r in only_tox} == {"hate"}  # rows left without a label go


def test_recipe_gaps_lists_what_the_manifest_does_not_record(tiny: dict[str, Any]) -> None:
    manifest = Scorer.load(tiny["model"]).manifest
    assert rb.recipe_gaps(manifest) == []
    config = {k: v for k, v in manifest["config"].items() if k not in ("min_df", "corpus_weights")}
    older = {**manifest, "config": config}
    assert rb.recipe_gaps(older) == ["min_df", "corpus_weights"]
    baseline = rb.baseline_config(older)
    assert baseline.corpus_weights == {}  # a table not recorded was not applied
    assert baseline.min_df == TrainConfig().min_df  # a scalar takes today's default


def _rows(n_per_corpus: Mapping[str, int]) -> list[Row]:
    rows = []
    for corpus, n in n_per_corpus.items():
        for i in range(n):
            kind = i % 3
            labels = (
                {"toxicity": 1}
                if kind == 0
                else {"spam": 1, "toxicity": 0}
                if kind == 1
                else {"spam": 0, "toxicity": 0}
            )
            rows.append(row(f"{corpus} comment {i}", corpus=corpus, **labels))
    return rows


@pytest.mark.parametrize(
    ("sizes", "cap"),
    [({"a": 30, "b": 6}, 5), ({"a": 30, "b": 6}, 1), ({"a": 30}, 0), ({"a": 9}, 400), ({}, 5)],
)
def test_evasion_sample_caps_positives_per_corpus(sizes: dict[str, int], cap: int) -> None:
    rows = _rows(sizes)
    sample = rb.evasion_sample(rows, cap=cap)
    for corpus in sizes:
        positives = [r for r in rows if r.corpus == corpus and 1 in r.labels.values()]
        picked = [r for r in sample if r.corpus == corpus]
        assert len(picked) == min(cap, len(positives))
        assert all(1 in r.labels.values() for r in picked)
    assert sample == rb.evasion_sample(list(rows), cap=cap)  # seeded
    assert [rows.index(r) for r in sample] == sorted(rows.index(r) for r in sample)


def test_evasion_sample_does_not_depend_on_other_corpora() -> None:
    alone = rb.evasion_sample(_rows({"a": 40}), cap=7)
    with_other = rb.evasion_sample(_rows({"b": 25, "a": 40}), cap=7)
    assert [r.text for r in with_other if r.corpus == "a"] == [r.text for r in alone]


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Sale connard 🤬", "Ceci est un test", "x" * 65_536, "Привет connard"],
    ids=["empty", "whitespace", "emoji", "plain", "64KiB", "mixed-scripts"],
)
def test_transform_all_gives_one_text_per_input_for_every_transform(text: str) -> None:
    out = rb.transform_all([text, "Fermez-la, bande d'idiots"])
    assert set(out) == set(evasion.TRANSFORMS)
    assert all(len(v) == 2 for v in out.values())


def test_scunthorpe_list_loads() -> None:
    items = rb.load_scunthorpe()
    assert len(items) >= 300
    assert {it["lang"] for it in items} == {"fr", "en"}


def test_load_scunthorpe_rejects_a_line_without_text(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "Scunthorpe", "lang": "en"}\n\n{"lang": "fr"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":3:"):
        rb.load_scunthorpe(path)


# -- measures on scripted scorers ------------------------------------------------------------------


def test_acting_thresholds_are_the_scorers_over_the_policy_defaults() -> None:
    scorer = Scripted(
        {"toxicity": lambda _t: 0.0, "spam": lambda _t: 0.0, "threat": lambda _t: 0.0},
        thresholds={"toxicity": {"hold": 0.3, "reject": 0.7}},
    )
    acting = rb.acting_thresholds(scorer)
    assert acting["toxicity"] == {"hold": 0.3, "reject": 0.7}
    assert set(acting) == {"toxicity", "spam"}  # spam from the policy defaults; threat has none
    assert 0 < acting["spam"]["hold"] < acting["spam"]["reject"] <= 1


EVASION_ROWS = [
    row("Espèce d'idiot", "fr", toxicity=1),
    row("Quel idiot ce type", "fr", toxicity=1),
    row("You idiot", "en", toxicity=1),
    row("You moron", "en", toxicity=1),  # not caught clean: out of every transform's base
    row("Bonne journée", "fr", toxicity=0),
    row("Visit idiot-deals", "en", spam=1, toxicity=0),
]


@pytest.mark.parametrize(
    ("name", "fn", "changed_fr", "changed_en", "kept_fr", "kept_en"),
    [
        ("same", lambda t: t, 0, 0, 0, 0),
        ("upper", str.upper, 2, 1, 2, 1),
        ("leet", lambda t: t.replace("idiot", "1d10t"), 2, 1, 0, 0),
        ("first_only", lambda t: t.replace("Espèce d'idiot", "Espèce d'1d10t"), 1, 0, 0, 0),
        ("tail", lambda t: t + " !!", 2, 1, 2, 1),
    ],
)
def test_evasion_recall_counts_changed_caught_comments(
    name: str,
    fn: Callable[[str], str],
    changed_fr: int,
    changed_en: int,
    kept_fr: int,
    kept_en: int,
) -> None:
    scorer = word_scorer("idiot")
    transformed = {name: [fn(r.text) for r in EVASION_ROWS]}
    result = rb.evasion_recall(scorer, EVASION_ROWS, transformed)
    clean = result["clean"]["toxicity"]
    assert clean["all"] == {"positives": 4, "caught": 3, "recall": 0.75}
    assert clean["en"]["positives"] == 2
    assert clean["en"]["caught"] == 1
    cells = result["transforms"][name]["toxicity"]
    for lang, changed, kept in (("fr", changed_fr, kept_fr), ("en", changed_en, kept_en)):
        assert cells[lang]["n"] == changed
        assert cells[lang]["caught"] == kept
        assert (
            math.isnan(cells[lang]["recall"])
            if changed == 0
            else cells[lang]["recall"] == kept / changed
        )
    assert cells["all"]["n"] == changed_fr + changed_en
    # the spam row is positive for spam but never caught (spam scores 0): nothing to measure
    assert result["transforms"][name]["spam"]["all"]["n"] == 0


def test_evasion_recall_scores_only_what_it_needs() -> None:
    scorer = word_scorer("idiot")
    same = {"same": [r.text for r in EVASION_ROWS]}
    rb.evasion_recall(scorer, EVASION_ROWS, same)
    assert scorer.calls == 1  # the clean pass only: no text changed


def test_evasion_recall_refuses_misaligned_transforms() -> None:
    with pytest.raises(ValueError, match="broken"):
        rb.evasion_recall(word_scorer("idiot"), EVASION_ROWS, {"broken": ["x"]})


def test_evasion_recall_on_nothing() -> None:
    result = rb.evasion_recall(word_scorer("idiot"), [], {"leet": []})
    assert result["n_rows"] == 0
    assert math.isnan(result["transforms"]["leet"]["toxicity"]["all"]["recall"])


def test_clean_rates_count_false_positives_per_language() -> None:
    rows = [
        row("idiot de chien", "fr", toxicity=0),  # a false positive
        row("un chien", "fr", toxicity=0),
        row("idiot", "en", toxicity=1),
        row("dog", "en", toxicity=0),
        row("dog idiot", "en", toxicity=0),  # a false positive
        row("cat", "en", toxicity=0),
        row("spam only", "en", spam=1),
    ]
    rates = rb.clean_rates(word_scorer("idiot"), rows)
    tox = rates["toxicity"]
    assert tox["fpr"]["fr"] == {"ham": 2, "flagged": 1, "fpr": 0.5}
    assert tox["fpr"]["en"] == {"ham": 3, "flagged": 1, "fpr": 1 / 3}
    assert tox["fpr"]["all"]["fpr"] == 2 / 5
    assert tox["recall"] == 1.0
    assert tox["roc_auc"] == pytest.approx(0.8)
    assert math.isnan(rates["spam"]["roc_auc"])  # one class only among its labelled rows


ITEMS = [
    {"text": "Scunthorpe", "lang": "en", "contains": "cunt", "category": "place"},
    {"text": "Je passe à Pornic", "lang": "fr", "contains": "porn", "category": "place"},
    {"text": "Un cocktail", "lang": "fr", "contains": "cock", "category": "cooking"},
    {"text": "Buy at Scunthorpe-deals", "lang": "en", "contains": "cunt", "category": "everyday"},
]


def test_scunthorpe_counts_holds_and_rejects_per_head() -> None:
    def tox(t: str) -> float:
        return 0.95 if "Scunthorpe" in t else 0.6 if "Pornic" in t else 0.1

    scorer = Scripted(
        {
            "toxicity": tox,
            "insult": lambda t: 0.7 if "cocktail" in t else 0.0,
            "spam": lambda t: 0.99 if "Buy" in t else 0.0,
        }
    )
    result = rb.scunthorpe(scorer, ITEMS)
    assert result["toxicity_heads"] == ["toxicity", "insult"]
    assert result["heads"]["toxicity"]["counts"]["all"] == {"n": 4, "at_hold": 3, "at_reject": 2}
    assert result["heads"]["toxicity"]["counts"]["fr"] == {"n": 2, "at_hold": 1, "at_reject": 0}
    assert result["heads"]["insult"]["counts"]["all"]["at_hold"] == 1
    assert result["heads"]["spam"]["counts"]["all"]["at_reject"] == 1
    assert result["items_flagged"] == 4  # spam is reported, but the target counts toxicity heads
    scores = [o["score"] for o in result["offenders"]]
    assert scores == sorted(scores, reverse=True)
    assert {(o["text"], o["head"], o["level"]) for o in result["offenders"]} >= {
        ("Scunthorpe", "toxicity", "reject"),
        ("Je passe à Pornic", "toxicity", "hold"),
        ("Un cocktail", "insult", "hold"),
        ("Buy at Scunthorpe-deals", "spam", "reject"),
    }


def test_scunthorpe_clean_scorer_flags_nothing() -> None:
    result = rb.scunthorpe(word_scorer("idiot"), ITEMS)
    assert result["items_flagged"] == 0
    assert result["offenders"] == []
    assert rb.scunthorpe(word_scorer("idiot"), [])["n_items"] == 0


@pytest.fixture(scope="module")
def bias_rows() -> list[Any]:
    return [r for r in bias.expand("fr") + bias.expand("en") if r["category"] == "religion"]


def test_identity_bias_of_a_perfect_scorer(bias_rows: list[Any]) -> None:
    toxic = {r["text"] for r in bias_rows if r["label"] == 1}
    scorer = Scripted({"toxicity": lambda t: 0.9 if t in toxic else 0.1})
    result = rb.identity_bias(scorer, bias_rows)
    assert result["fpr_misses"] == []
    assert result["recall_misses"] == []
    assert result["meet_both"] == len(result["identities"]) == 8
    assert result["overall_auc"] == 1.0
    assert result["final_bias_metric"] == pytest.approx(1.0)
    assert all(e["fpr_fr"] == 0.0 and e["recall_en"] == 1.0 for e in result["identities"])


def test_identity_bias_finds_the_identity_a_scorer_punishes(bias_rows: list[Any]) -> None:
    toxic = {r["text"] for r in bias_rows if r["label"] == 1}

    def score(t: str) -> float:
        low = t.lower()
        if t in toxic:
            return 0.9
        return 0.95 if "musulman" in low or "muslim" in low else 0.1

    result = rb.identity_bias(Scripted({"toxicity": score}), bias_rows)
    assert result["fpr_misses"] == ["muslim"]
    muslim = next(e for e in result["identities"] if e["identity"] == "muslim")
    assert muslim["false_positive_rate"] == 1.0
    assert muslim["bpsn_auc"] == 0.0
    assert result["meet_both"] == 7


def test_identity_bias_needs_a_toxicity_head() -> None:
    with pytest.raises(ValueError, match="toxicity"):
        rb.identity_bias(Scripted({"spam": lambda _t: 0.0}), [])


def _results(evasion_recall: float, rise: float, flagged: int, fpr_miss: bool) -> dict[str, Any]:
    n = 100
    kept = round(evasion_recall * n)
    cell = {"n": n, "caught": kept, "recall": kept / n}
    ident = {"identity": "deaf", "false_positive_rate": 0.05 if fpr_miss else 0.0, "recall": 1.0}
    return {
        "evasion": {
            "model": {
                "transforms": {
                    "leet": {"toxicity": {"all": cell}, "spam": {"all": {**cell, "recall": 1.0}}}
                }
            }
        },
        "fpr": {
            "model": {"toxicity": {"fpr": {"all": {"fpr": 0.04 + rise / 100}}}},
            "baseline": {"toxicity": {"fpr": {"all": {"fpr": 0.04}}}},
            "rise_points": {"toxicity": rise},
        },
        "scunthorpe": {"items_flagged": flagged, "n_items": 547, "toxicity_heads": ["toxicity"]},
        "identity": {
            "identities": [ident],
            "fpr_misses": ["deaf"] if fpr_miss else [],
            "recall_misses": [],
        },
    }


@pytest.mark.parametrize(
    ("recall", "rise", "flagged", "fpr_miss", "missed"),
    [
        (0.97, 0.2, 0, False, set()),
        (0.95, 0.5, 0, False, set()),
        (0.94, 0.2, 0, False, {"evasion: leet"}),
        (0.99, 0.6, 0, False, {"FPR cost of normalisation: toxicity"}),
        (0.99, -1.0, 3, False, {"Scunthorpe"}),
        (0.99, 0.0, 0, True, {"identity FPR"}),
    ],
)
def test_targets_met_or_not(
    recall: float, rise: float, flagged: int, fpr_miss: bool, missed: set[str]
) -> None:
    table = rb.targets(_results(recall, rise, flagged, fpr_miss))
    assert {t["name"] for t in table if t["met"] is False} == missed
    assert {t["name"] for t in table} >= {"evasion: leet", "Scunthorpe", "identity recall"}


# -- the tiny model, end to end ---------------------------------------------------------------


def test_baseline_is_the_same_recipe_without_normalisation(tiny: dict[str, Any]) -> None:
    model, base = Scorer.load(tiny["model"]), Scorer.load(tiny["baseline"])
    mine, theirs = model.manifest["config"], base.manifest["config"]
    assert mine["normalize"] is True
    assert theirs["normalize"] is False
    same = {f.name for f in fields(TrainConfig)} - {"normalize", "logo"}
    assert {k: mine[k] for k in same} == {k: theirs[k] for k in same}
    assert base.manifest["splits"] == model.manifest["splits"]
    key = rb.baseline_key(model.manifest)
    assert key == rb.baseline_key(json.loads(json.dumps(model.manifest)))
    changed = {**model.manifest, "config": {**mine, "c": mine["c"] * 2}}
    assert rb.baseline_key(changed) != key


@pytest.mark.parametrize(
    "text",
    ["   ", "😀" * 20, "x" * 65_536, "Сале connard mixed"],
    ids=["whitespace", "emoji", "64KiB", "mixed-scripts"],
)
def test_real_model_measures_odd_inputs(tiny: dict[str, Any], text: str) -> None:
    scorer = Scorer.load(tiny["model"])
    rows = [row(text, "fr", toxicity=1, spam=0), row("Espèce de connard (3)", "fr", toxicity=1)]
    result = rb.evasion_recall(scorer, rows, rb.transform_all([r.text for r in rows]))
    for per_head in result["transforms"].values():
        r = per_head["toxicity"]["all"]["recall"]
        assert math.isnan(r) or 0.0 <= r <= 1.0


def test_main_runs_every_benchmark(
    tiny: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_expand = bias.expand
    monkeypatch.setattr(bias, "expand", lambda lang: real_expand(lang)[::9])  # every identity
    identities = {r["identity"] for lang in bias.LANGS for r in bias.expand(lang)}
    out = tiny["root"] / "out.json"
    argv = [
        "--model",
        str(tiny["model"]),
        "--baseline",
        str(tiny["baseline"]),
        "--project-data",
        str(tiny["project"]),
        "--data",
        str(tiny["root"] / "none"),
        "--cap",
        "20",
        "--json",
        str(out),
    ]
    code = rb.main(argv)
    printed = capsys.readouterr().out
    results = json.loads(out.read_text(encoding="utf-8"))
    assert code == (0 if all(t["met"] is not False for t in results["targets"]) else 1)
    assert set(results) >= {"evasion", "fpr", "scunthorpe", "identity", "targets", "meta"}
    assert set(results["evasion"]["model"]["transforms"]) == set(evasion.TRANSFORMS)
    assert results["meta"]["version"] == "tiny"
    assert results["meta"]["baseline_version"] == "tiny-nonorm"
    assert results["scunthorpe"]["n_items"] == len(rb.load_scunthorpe())
    assert {e["identity"] for e in results["identity"]["identities"]} == identities
    for heading in (
        "### Evasion",
        "### False positives",
        "### Scunthorpe",
        "### Identity",
        "### Targets",
    ):
        assert heading in printed
    assert (
        printed == rb.render_markdown(results) + "\n"
    )  # the JSON holds everything the tables show


def test_main_refuses_a_missing_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert rb.main(["--model", str(tmp_path / "nope")]) == 2
    assert "error" in capsys.readouterr().err


def test_main_trains_and_caches_the_baseline(
    tiny: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trained: list[Path] = []

    def spy(manifest: Mapping[str, Any], corpora: Sequence[Corpus], out: Path, **kw: Any) -> Path:
        trained.append(out)  # the real training is tested by the `tiny` fixture: copy its result
        assert manifest == Scorer.load(tiny["model"]).manifest
        assert corpora[0].name == "project"
        return Path(shutil.copytree(tiny["baseline"], out))

    real_bias = rb.identity_bias
    monkeypatch.setattr(rb, "train_baseline", spy)
    monkeypatch.setattr(rb, "identity_bias", lambda s, rows=None: real_bias(s, rows or []))
    items = rb.load_scunthorpe()[:20]
    monkeypatch.setattr(rb, "load_scunthorpe", lambda: items)
    argv = [
        "--model",
        str(tiny["model"]),
        "--project-data",
        str(tiny["project"]),
        "--data",
        str(tmp_path / "none"),
        "--cache",
        str(tmp_path / "cache"),
        "--cap",
        "5",
    ]
    assert rb.main(argv) in (0, 1)
    assert rb.main(argv) in (0, 1)
    assert len(trained) == 1
    assert trained[0].parent == tmp_path / "cache"
    assert (trained[0] / "manifest.json").is_file()


def test_dedupe_is_applied_before_the_split(tiny: dict[str, Any]) -> None:
    corpus = load_project(tiny["project"])
    doubled = Corpus("project", corpus.rows + corpus.rows, corpus.files, corpus.heads, "")
    cfg = Scorer.load(tiny["model"]).manifest["config"]
    assert len(rb.heldout([doubled], cfg)) == len(rb.heldout(dedupe([corpus]), cfg))
