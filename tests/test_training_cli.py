"""``python train.py``: the project corpus alone, added corpora, and moderators' feedback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from modkit import Moderator, SQLiteStore
from modkit._datasets import load_feedback, load_path
from modkit._model import Scorer
from modkit._training_cli import main
from modkit.testing import FixedScorer

ROOT = Path(__file__).resolve().parents[1]
SECRET = "training-cli-test-secret-0123456789"


def _write_corpus(folder: Path) -> Path:
    folder.mkdir()
    lines = []
    texts = {
        (0, 0): ["Merci pour l'article {i}, très clair.", "Good point about battery life {i}."],
        (1, 0): [
            "Gagnez {i}000 euros sur www.casino{i}.fr",
            "Buy cheap pills {i} at pharma{i}.biz",
        ],
        (0, 1): ["Ferme-la espèce d'abruti numéro {i}", "You are a total idiot {i}"],
    }
    for (spam, tox), templates in texts.items():
        for template in templates:
            for i in range(12):
                lines.append(
                    json.dumps(
                        {"text": template.format(i=i), "lang": "fr", "spam": spam, "toxicity": tox}
                    )
                )
    (folder / "tiny.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_train_on_a_project_folder_writes_a_loadable_model(tmp_path: Path) -> None:
    data = _write_corpus(tmp_path / "data")
    out = tmp_path / "model"
    assert main(["--project-data", str(data), "--out", str(out), "--quiet"]) == 0
    scorer = Scorer.load(out)
    assert {"spam", "toxicity"} <= set(scorer.heads)
    manifest = json.loads((out / "manifest.json").read_text())
    assert [c["name"] for c in manifest["corpora"]] == ["project"]


def test_missing_data_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["--project-data", str(empty), "--out", str(tmp_path / "m"), "--quiet"]) == 2
    assert "no training data" in capsys.readouterr().err
    assert main(["--project-data", str(empty), "--data", str(tmp_path / "nope"), "--quiet"]) == 2


def _store_with_verdicts(path: Path) -> Path:
    scorer = FixedScorer({"spam": 0.5, "toxicity": 0.5})
    mod = Moderator(scorer=scorer, store=SQLiteStore(path), secret=SECRET)
    verdicts = {
        "Achetez des followers pas chers sur promo-followers point com": "spam",
        "Tu es un parfait crétin, retourne dormir": "toxic",
        "Article intéressant, merci pour les sources": "ham",
    }
    for i, (text, verdict) in enumerate(verdicts.items()):
        decision = mod.check(
            {"name": f"Auteur {i}", "email": f"auteur{i}@example.org", "text": text}, record=True
        )
        mod.feedback(decision.id, verdict)
    return path


def test_feedback_is_loaded_with_its_labels_and_without_authors(tmp_path: Path) -> None:
    db = _store_with_verdicts(tmp_path / "modkit.db")
    corpus = load_feedback(db)
    labels = {row.text: dict(row.labels) for row in corpus.rows}
    assert labels["Tu es un parfait crétin, retourne dormir"] == {"spam": 0, "toxicity": 1}
    assert labels["Article intéressant, merci pour les sources"] == {"spam": 0, "toxicity": 0}
    assert labels["Achetez des followers pas chers sur promo-followers point com"] == {"spam": 1}
    assert all("example.org" not in row.text for row in corpus.rows)
    assert corpus.files[0][2] == 3


def test_feedback_is_folded_into_training_and_recorded(tmp_path: Path) -> None:
    db = _store_with_verdicts(tmp_path / "modkit.db")
    data = _write_corpus(tmp_path / "data")
    out = tmp_path / "model"
    code = main(["--project-data", str(data), "--feedback", str(db), "--out", str(out), "--quiet"])
    assert code == 0
    manifest = json.loads((out / "manifest.json").read_text())
    feedback = [c for c in manifest["corpora"] if c["name"] == "feedback"]
    assert feedback
    assert feedback[0]["rows"] == 3
    assert len(feedback[0]["files"][0]["sha256"]) == 64


def test_load_feedback_refuses_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ValueError, match="not a modkit store"):
        load_feedback(bogus)
    with pytest.raises(FileNotFoundError):
        load_feedback(tmp_path / "missing.db")


# -- the guard: train.py never silently replaces a model trained on more --------------------------


def _fake_model(folder: Path, corpora: list[tuple[str, int]]) -> bytes:
    """A model folder as far as the guard reads it: a manifest naming its corpora."""
    folder.mkdir(parents=True)
    manifest = {"name": "test", "corpora": [{"name": n, "rows": r} for n, r in corpora]}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "model.joblib").write_bytes(b"the old bundle")
    return (folder / "manifest.json").read_bytes()


@pytest.fixture
def no_training(monkeypatch: pytest.MonkeyPatch) -> None:
    """Training fails the test: a refusal must come before it."""
    import modkit._training

    def train(*args: object, **kwargs: object) -> None:
        raise AssertionError("trained before refusing")

    monkeypatch.setattr(modkit._training, "train", train)


@pytest.mark.usefixtures("no_training")
@pytest.mark.parametrize(
    ("old", "extra", "named"),
    [
        ([("project", 3356), ("jigsaw_toxic_subset", 4998)], [], ["jigsaw_toxic_subset (4,998"]),
        ([("project", 10), ("feedback", 3)], [], ["feedback (3 rows)"]),
        ([("tiny", 100), ("olid_offenseval2019", 13990)], ["--feedback"], ["olid_offenseval2019"]),
    ],
    ids=["the shipped model", "a site's model with feedback", "one of two corpora"],
)
def test_a_model_trained_on_more_is_not_replaced(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    old: list[tuple[str, int]],
    extra: list[str],
    named: list[str],
) -> None:
    data = _write_corpus(tmp_path / "data")
    out = tmp_path / "models" / "default"
    before = _fake_model(out, old)
    args = ["--project-data", str(data), "--out", str(out), "--quiet"]
    if extra:
        args += ["--data", str(data / "tiny.jsonl"), "--feedback", str(_store(tmp_path))]
    assert main(args) == 2
    err = capsys.readouterr().err
    for name in named:
        assert name in err
    assert "Nothing was trained" in err
    assert "--out models/mysite" in err
    assert "--force" in err
    assert (out / "manifest.json").read_bytes() == before
    assert (out / "model.joblib").read_bytes() == b"the old bundle"


def _store(tmp_path: Path) -> Path:
    return _store_with_verdicts(tmp_path / "modkit.db")


@pytest.mark.usefixtures("no_training")
def test_a_folder_that_is_not_a_model_is_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes", encoding="utf-8")
    assert main(["--project-data", str(tmp_path / "nowhere"), "--out", str(out), "--quiet"]) == 2
    assert "no readable manifest.json" in capsys.readouterr().err
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my notes"
    a_file = tmp_path / "model.txt"
    a_file.write_text("x", encoding="utf-8")
    assert main(["--out", str(a_file), "--force", "--quiet"]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_force_replaces_and_the_same_corpora_retrain(tmp_path: Path) -> None:
    data = _write_corpus(tmp_path / "data")
    out = tmp_path / "model"
    _fake_model(out, [("project", 3356), ("jigsaw_toxic_subset", 4998)])
    args = ["--project-data", str(data), "--out", str(out), "--quiet"]
    assert main([*args, "--force"]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert [c["name"] for c in manifest["corpora"]] == ["project"]
    assert main(args) == 0  # a model trained on this run's corpora is simply retrained
    Scorer.load(out)


def test_an_empty_out_folder_is_used(tmp_path: Path) -> None:
    data = _write_corpus(tmp_path / "data")
    out = tmp_path / "model"
    out.mkdir()
    assert main(["--project-data", str(data), "--out", str(out), "--quiet"]) == 0
    assert (out / "manifest.json").is_file()


def test_the_readme_example_corpus_loads_as_documented(tmp_path: Path) -> None:
    """The five-line file of README's "Bring your own corpus" is in the format ``--data`` reads."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"docs-test: file my_comments\.jsonl -->\n```json\n(.*?)\n```", readme, re.S)
    assert found is not None, "README lost its example corpus"
    path = tmp_path / "my_comments.jsonl"
    path.write_text(found.group(1) + "\n", encoding="utf-8")
    [corpus] = load_path(path)
    assert corpus.name == "my_comments"
    assert [dict(row.labels) for row in corpus.rows] == [
        {"spam": 0, "toxicity": 0},
        {"spam": 1},
        {"toxicity": 1, "insult": 1},
        {"spam": 0, "toxicity": 0},
        {"spam": 1},
    ]
    assert [row.lang for row in corpus.rows] == ["fr", "fr", "fr", "en", "en"]
    assert (corpus.rows[-1].group, corpus.rows[-1].id) == ("thread-7", "c-42")


@pytest.mark.slow
def test_fresh_clone_trains_on_the_project_corpus_alone(tmp_path: Path) -> None:
    out = tmp_path / "model"
    code = main(["--project-data", str(ROOT / "datasets"), "--out", str(out), "--quiet"])
    assert code == 0
    scorer = Scorer.load(out)
    spam = scorer.score("Gagnez 5000€ par semaine, contactez-moi sur WhatsApp +33 6 11 22 33 44")
    ham = scorer.score("Merci pour ce test complet, la partie sur l'autonomie est très utile.")
    assert spam["spam"] > ham["spam"]


def test_summary_prints_what_loads_and_trains_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _write_corpus(tmp_path / "data")
    out = tmp_path / "model"
    code = main(["--project-data", str(project), "--out", str(out), "--summary", "--quiet"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "project" in printed
    assert "after deduplication" in printed
    assert "spam " in printed
    assert not out.exists()
