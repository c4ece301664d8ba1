"""``python train.py``: the project corpus alone, added corpora, and moderators' feedback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modkit import Moderator, SQLiteStore
from modkit._datasets import load_feedback
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


@pytest.mark.slow
def test_fresh_clone_trains_on_the_project_corpus_alone(tmp_path: Path) -> None:
    out = tmp_path / "model"
    code = main(["--project-data", str(ROOT / "datasets"), "--out", str(out), "--quiet"])
    assert code == 0
    scorer = Scorer.load(out)
    spam = scorer.score("Gagnez 5000€ par semaine, contactez-moi sur WhatsApp +33 6 11 22 33 44")
    ham = scorer.score("Merci pour ce test complet, la partie sur l'autonomie est très utile.")
    assert spam["spam"] > ham["spam"]
