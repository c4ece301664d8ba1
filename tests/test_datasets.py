"""Loaders of modkit._datasets, on hand-written fixtures that mimic each shared corpus format."""

from __future__ import annotations

import csv
import hashlib
import json
import logging
from pathlib import Path

import pytest

from modkit._datasets import (
    HEADS,
    LOADERS,
    MAX_TEXT_CHARS,
    Corpus,
    Row,
    dedupe,
    dedupe_key,
    guess_lang,
    load_path,
    load_project,
)

FIXTURES = Path(__file__).parent / "fixtures" / "datasets"
SHARED = FIXTURES / "shared"
PROJECT = FIXTURES / "project"
REAL_SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
LOGGER = "modkit.datasets"

# Every row each loader must produce from its fixture, in order: (text, labels, group, id, lang).
ALL_ZERO = dict.fromkeys(
    ("toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack"), 0
)
PRESUMED_HAM = {"spam": 0, "toxicity": 0}
EXPECTED: dict[str, list[tuple[str, dict[str, int], str | None, str | None, str]]] = {
    "youtube_spam_collection": [
        ("Hey, subscribe to my channel please!!", {"spam": 1}, "Psy", "ytA001", "en"),
        ("this dance never gets old", {"spam": 0}, "Psy", "ytA002", "en"),
        (
            "Win a free phone\ngo to http://prize.example/win & claim",
            {"spam": 1},
            "Psy",
            "ytA003",
            "en",
        ),
        ("first comment shared with the 2014 set", {"spam": 0}, "Psy", "ytA006", "en"),
        ("2:19 best part", {"spam": 0}, "LMFAO", "ytB001", "en"),
        (
            "hey,  SUBSCRIBE to my channel please!! http://spam.example/x",
            {"spam": 0},
            "LMFAO",
            "ytB002",
            "en",
        ),
    ],
    "youtube_spam_casagrande_2014": [
        ("this montage made my day", {"spam": 0}, "PewDiePie", "ytD001", "en"),
        ("Oh no, not again.\nStill funny though.", {"spam": 0}, "PewDiePie", "ytD003", "en"),
        ("this montage made my day", {"spam": 0}, "PewDiePie", "ytD001", "en"),
        ("GUYS I AM AN EDITOR, VISIT MY CHANNEL >>>", {"spam": 1}, "PewDiePie", "ytD002", "en"),
        ("first comment shared with the 2014 set (edited)", {"spam": 0}, "Psy", "ytA006", "en"),
        (
            "check my page facebook. com /somebody please like :)",
            {"spam": 1},
            "Psy",
            "ytC001",
            "en",
        ),
    ],
    "datacamp_blog_comment_spam": [
        (
            "Thanks, the section on list comprehensions was clear.",
            {"spam": 0},
            "Python Lists Tutorial",
            None,
            "en",
        ),
        (
            "Nice post.\n\nCall our printer support number for any printer error, 24/7.",
            {"spam": 1},
            "Python Lists Tutorial",
            None,
            "en",
        ),
        ("Great explanation of joins", {"spam": 0}, "SQL Joins Tutorial", None, "en"),
    ],
    "instagram_comment_scam_scamspot": [
        (
            "dm me to learn how i made $9k in one week trading crypto 💰💰",
            {"spam": 1},
            None,
            None,
            "en",
        ),
        ("😂😂😂", {"spam": 0}, None, None, "en"),
        ("wait, is this the same place as last year?", {"spam": 0}, None, None, "en"),
    ],
    "utkml_twitter_spam": [
        (
            "Shocking: you will not believe what this senator said https://t.co/abc123",
            {"spam": 1},
            None,
            "101",
            "en",
        ),
        ("Lovely walk by the river this morning", {"spam": 0}, None, "102", "en"),
    ],
    "ott_deceptive_opinion_spam": [
        ("The room was small and the lift broke twice.", {"spam": 0}, "harbor", None, "en"),
        (
            "My stay was absolutely perfect, the best hotel in the city!",
            {"spam": 1},
            "harbor",
            None,
            "en",
        ),
    ],
    "spamassassin_public_corpus": [
        (
            "Cheap pills, no prescription\n\nOrder now and save 80% on every order.\n\n"
            "Visit our pharmacy today.",
            {"spam": 1},
            None,
            "spam-1/00001",
            "en",
        ),
        (
            "Réunion on Friday\n\nThe meeting moved to the café at noon.",
            {"spam": 0},
            None,
            "easy-ham-2/00001",
            "en",
        ),
        (
            "You have won\n\nWIN A FREE CRUISE\n\nClick here",
            {"spam": 1},
            None,
            "spam-2/00007",
            "en",
        ),
    ],
    "jigsaw_toxic_subset": [
        (
            'You are a complete idiot, stop "fixing" my edits.',
            {**ALL_ZERO, "toxicity": 1, "insult": 1},
            None,
            "aa00000000000001",
            "en",
        ),
        (
            "I will find where you live and hurt you",
            {**ALL_ZERO, "toxicity": 1, "severe_toxicity": 1, "threat": 1},
            None,
            "aa00000000000002",
            "en",
        ),
        (
            "Thanks for the citation; I added it to the article.",
            ALL_ZERO,
            None,
            "aa00000000000004",
            "en",
        ),
        ("Please see the talk page before reverting.", ALL_ZERO, None, "aa00000000000005", "en"),
    ],
    "jigsaw_toxic_first20k": [
        ("Thanks for the citation; I added it to the article.", {"toxicity": 0}, None, None, "en"),
        ("Sensible edit, thanks.", {"toxicity": 0}, None, None, "en"),
        ("What a stupid, pointless revert.", {"toxicity": 1}, None, None, "en"),
    ],
    "davidson_hate_offensive": [
        (
            "RT @someone: lovely weather for the game & the parade today",
            {"toxicity": 0, "identity_attack": 0},
            "davidson",
            "0",
            "en",
        ),
        ("@pal you are a damn clown lol 😂", {"toxicity": 1}, "davidson", "1", "en"),
        (
            "@other: those people should all be thrown out",
            {"toxicity": 1, "identity_attack": 1},
            "davidson",
            "2",
            "en",
        ),
    ],
    "olid_offenseval2019": [
        (
            "@USER what a lovely game last night URL",
            {"toxicity": 0, "insult": 0, "identity_attack": 0},
            "train",
            "11111",
            "en",
        ),
        ("@USER you are a clown and a liar", {"toxicity": 1, "insult": 1}, "train", "11112", "en"),
        ('@USER they call it a "debate" lol', {"toxicity": 1, "insult": 1}, "train", "11113", "en"),
        (
            "damn this rain",
            {"toxicity": 1, "insult": 0, "identity_attack": 0},
            "train",
            "11114",
            "en",
        ),
        ("@USER this company is a joke", {"toxicity": 1}, "train", "11115", "en"),
        (
            "Nice work everyone",
            {"toxicity": 0, "insult": 0, "identity_attack": 0},
            "test",
            "22221",
            "en",
        ),
        ("@USER shut up you fool", {"toxicity": 1, "insult": 1}, "test", "22222", "en"),
    ],
    "fr_toxicity_eistakovskii": [
        ("Plus vite, plus vite, on va rater le train.", {"toxicity": 0}, None, None, "fr"),
        ("Ferme-la espèce d'abruti", {"toxicity": 1}, None, None, "fr"),
        ("Merci pour la réponse rapide", {"toxicity": 0}, None, None, "fr"),
    ],
    "fr_hate_speech_superset": [
        (
            "Les gens de ce pays sont tous des voleurs.",
            {"toxicity": 1, "identity_attack": 1},
            "CONAN",
            None,
            "fr",
        ),
        (
            "Réunion sur l'égalité salariale ce soir.\nVenez nombreux !",
            {"identity_attack": 0},
            "sexism",
            "900000000000000001",
            "fr",
        ),
        (
            "Il est déjà là, ce nazi 😂 LINK",
            {"toxicity": 1, "identity_attack": 1},
            "FTR",
            None,
            "fr",
        ),
        ("t'es nul toi", {"identity_attack": 0}, "cyberado", None, "fr"),
    ],
    "mlma_hate_speech": [
        (
            "@user merci pour le partage @url",
            {"toxicity": 0, "insult": 0, "identity_attack": 0},
            "mlma_fr",
            "fr-1",
            "fr",
        ),
        ("@user t'es vraiment un débile", {"toxicity": 1}, "mlma_fr", "fr-2", "fr"),
        (
            "ces gens-là dehors tous",
            {"toxicity": 1, "identity_attack": 1},
            "mlma_fr",
            "fr-3",
            "fr",
        ),
        ("people stupid party hateful", {"toxicity": 1}, "mlma_en", "en-1", "en"),
        (
            "great day beach",
            {"toxicity": 0, "insult": 0, "identity_attack": 0},
            "mlma_en",
            "en-2",
            "en",
        ),
        ("shut, idiot", {"toxicity": 1}, "mlma_en", "en-3", "en"),
    ],
    "toxifrench_agreement_sample": [
        ("Ferme ta gueule\n:rire:", {"toxicity": 1}, None, "anon_msg_1", "fr"),
        ("Le match de ce soir commence à 21h", {"toxicity": 0}, None, "anon_msg_2", "fr"),
    ],
    "fr_reddit_rfrance_2021_2022": [
        (
            "Tu confonds brut et net, relis le tableau > c'est expliqué",
            PRESUMED_HAM,
            "post:p001",
            "c001",
            "fr",
        ),
        ("Mouais, faut voir.\n\nT'as une source ?", PRESUMED_HAM, "post:p002", "c003", "fr"),
        ("Bonjour à tous, vous en pensez quoi ?", PRESUMED_HAM, "post:p001", "p001", "fr"),
    ],
    "fr_allocine_review_samples": [
        ("Un magnifique film, je vous le conseille !!!", PRESUMED_HAM, None, None, "fr"),
        ("Un supplice à regarder de bout en bout...", PRESUMED_HAM, None, None, "fr"),
        (
            "cette série est géniale, j'espère qu'elle va durer (longtemps).",
            PRESUMED_HAM,
            None,
            None,
            "fr",
        ),
        ("c'est archi nul comme série.", PRESUMED_HAM, None, None, "fr"),
    ],
    "fr_book_reviews_babelio": [
        (
            "Waouh... Mais comment un livre aussi violent peut-il être aussi poétique ?!!",
            PRESUMED_HAM,
            "book:Le Livre",
            None,
            "fr",
        ),
        ("Pas mon truc, trop long.", PRESUMED_HAM, "book:Le Livre", None, "fr"),
        ("Correct, sans plus.", PRESUMED_HAM, "book:Autre", None, "fr"),
    ],
    "fr_social_comments_selfannotated": [
        (
            "Génial !!! Rien à redire.",
            {"toxicity": 0, "obscene": 0, "threat": 0, "insult": 0},
            None,
            None,
            "fr",
        ),
        (
            "Mais wsh t'es nul frérot",
            {"toxicity": 1, "obscene": 0, "threat": 0, "insult": 1},
            None,
            None,
            "fr",
        ),
        (
            "Rentre chez toi",
            {"toxicity": 1, "obscene": 0, "threat": 0, "insult": 0, "identity_attack": 1},
            None,
            None,
            "fr",
        ),
    ],
    "fr_deft2017_tweets_umsab": [
        ("Jsuis trop écologique rien ne va plus", PRESUMED_HAM, None, None, "fr"),
        ("Non mais franchement !!! #ecologie http", PRESUMED_HAM, None, None, "fr"),
        ("Quelle belle journée", PRESUMED_HAM, None, None, "fr"),
    ],
    "en_tweeteval_informal": [
        ("Dark Souls 3 launch date confirmed!", PRESUMED_HAM, None, None, "en"),
        ("Our annual picture with Santa", PRESUMED_HAM, None, None, "en"),
    ],
    "en_hateval_tweeteval": [
        (
            "The Most Significant Global Debate Is Over Immigration",
            {"toxicity": 0, "identity_attack": 0},
            None,
            None,
            "en",
        ),
        (
            "Send them all back where they came from",
            {"toxicity": 1, "identity_attack": 1},
            None,
            None,
            "en",
        ),
    ],
}

# The malformed row of each fixture: (corpus folder, file, line where the record starts).
MALFORMED = [
    ("youtube_spam_collection", "Youtube01-Psy.csv", 5),
    ("youtube_spam_collection", "Youtube03-LMFAO.csv", 4),
    ("youtube_spam_casagrande_2014", "PewDiePie-gRyPjRrjS34.original.minus_heldout.csv", 5),
    (
        "datacamp_blog_comment_spam",
        "final_data_extended_labeledPhase1 - final_data_extended_labeledPhase2.csv",
        9,
    ),
    ("instagram_comment_scam_scamspot", "comments-rating.minus_heldout.csv", 5),
    ("utkml_twitter_spam", "train.minus_heldout.csv", 4),
    ("ott_deceptive_opinion_spam", "deceptive-opinion.csv", 6),
    ("spamassassin_public_corpus", "spamassassin_spam12_easyham2.csv", 38),
    ("jigsaw_toxic_subset", "train.a.bad.1k.csv", 7),
    ("jigsaw_toxic_first20k", "text_comment_1.minus_heldout.csv", 5),
    ("davidson_hate_offensive", "labeled_data.csv", 5),
    ("olid_offenseval2019", "olid-training-v1.0.tsv", 7),
    ("olid_offenseval2019", "testset-levela.tsv", 4),
    ("fr_toxicity_eistakovskii", "train_fr_34468.minus_test_fr_400.csv", 3),
    ("fr_toxicity_eistakovskii", "train_fr_34468.minus_test_fr_400.csv", 4),
    ("fr_hate_speech_superset", "fr_hf.csv", 8),
    ("mlma_hate_speech", "fr_dataset.csv", 7),
    ("toxifrench_agreement_sample", "agreement_checking.csv", 12),
]


def as_tuples(corpus: Corpus) -> list[tuple[str, dict[str, int], str | None, str | None, str]]:
    return [(r.text, dict(r.labels), r.group, r.id, r.lang) for r in corpus.rows]


def make(name: str, *rows: tuple[str, dict[str, int]], ids: list[str] | None = None) -> Corpus:
    built = [
        Row(text, "en", labels, name, id=ids[i] if ids else None)
        for i, (text, labels) in enumerate(rows)
    ]
    heads = tuple(h for h in HEADS if any(h in r.labels for r in built))
    return Corpus(name, built, [("f.csv", "0" * 64, len(built))], heads, "test corpus")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


# -- each known corpus ----------------------------------------------------------------------------


def test_every_fixture_has_a_loader_and_every_loader_a_fixture() -> None:
    assert set(EXPECTED) == set(LOADERS)
    assert all((SHARED / name).is_dir() for name in LOADERS)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_loader_rows(name: str) -> None:
    [corpus] = load_path(SHARED / name)
    assert corpus.name == name
    assert as_tuples(corpus) == EXPECTED[name]
    assert [(r.kind, r.weak) for r in corpus.rows] == KINDS.get(
        name, [(None, False)] * len(corpus.rows)
    )
    assert all(r.corpus == name for r in corpus.rows)
    assert corpus.description
    assert "\n" not in corpus.description
    assert corpus.licence not in ("", "unknown")


# (kind, weak) of each row, for the loaders that set them (the others set neither).
KINDS: dict[str, list[tuple[str | None, bool]]] = {
    "fr_reddit_rfrance_2021_2022": [
        ("reddit_comment", True),
        ("reddit_comment", True),
        ("reddit_post", True),
    ],
    "fr_allocine_review_samples": [
        ("review_positive", True),
        ("review_negative", True),
        ("review_positive", True),
        ("review_negative", True),
    ],
    "fr_book_reviews_babelio": [
        ("review_positive", True),
        ("review_negative", True),
        ("review_mixed", True),
    ],
    "fr_social_comments_selfannotated": [("social_comment", False)] * 3,
    "fr_deft2017_tweets_umsab": [
        ("tweet_neutral", True),
        ("tweet_negative", True),
        ("tweet_positive", True),
    ],
    "en_tweeteval_informal": [("sentiment:neutral", True), ("emoji:❤", True)],
    "en_hateval_tweeteval": [("not_hate", True), ("hate", False)],
}


def test_only_corpora_whose_licence_forbids_it_are_not_redistributable() -> None:
    closed = {name for name in LOADERS if not load_path(SHARED / name)[0].redistributable}
    assert closed == {"ott_deceptive_opinion_spam", "fr_reddit_rfrance_2021_2022"}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_heads_cover_exactly_the_labels_a_loader_can_emit(name: str) -> None:
    [corpus] = load_path(SHARED / name)
    used = {head for row in corpus.rows for head in row.labels}
    assert used <= set(corpus.heads)
    assert list(corpus.heads) == [h for h in HEADS if h in corpus.heads]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_files_record_sha256_and_rows(name: str) -> None:
    [corpus] = load_path(SHARED / name)
    assert corpus.files
    for rel, sha, _rows in corpus.files:
        assert sha == hashlib.sha256((SHARED / name / rel).read_bytes()).hexdigest()
    text_files = [f for f in corpus.files if not f[0].startswith("labels-level")]
    assert sum(n for _, _, n in text_files) == len(corpus.rows)


def test_olid_label_files_count_the_labels_they_gave() -> None:
    [corpus] = load_path(SHARED / "olid_offenseval2019")
    counts = {rel: n for rel, _, n in corpus.files}
    assert counts["labels-levela.csv"] == 2
    assert counts["labels-levelb.csv"] == 1
    assert counts["olid-training-v1.0.tsv"] == 5


@pytest.mark.parametrize(("name", "filename", "line"), MALFORMED)
def test_malformed_row_is_logged_with_file_and_line(
    name: str, filename: str, line: int, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        load_path(SHARED / name)
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(m.startswith(f"{SHARED / name / filename}:{line}: skipped") for m in messages)


def test_logs_never_contain_row_text(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        corpora = dedupe(load_path(SHARED))
    log = "\n".join(r.getMessage() for r in caplog.records)
    for secret in (
        "label out of range",
        "only four fields",
        "sentiment inconnu",
        "score illisible",
    ):
        assert secret not in log
    assert not any(row.text in log for c in corpora for row in c.rows if len(row.text) > 12)


def test_youtube_video_groups_match_across_both_collections() -> None:
    uci, casagrande = load_path(SHARED / "youtube_spam_collection") + load_path(
        SHARED / "youtube_spam_casagrande_2014"
    )
    assert {r.group for r in uci.rows} & {r.group for r in casagrande.rows} == {"Psy"}


# -- load_path -------------------------------------------------------------------------------------


def test_load_path_collection_order_and_generic_subfolder(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        corpora = load_path(SHARED)
    assert [c.name for c in corpora] == [*LOADERS, "forum_extra"]
    extra = corpora[-1]
    assert as_tuples(extra) == [
        ("Great article, thanks!", {"spam": 0, "toxicity": 0}, None, "f1", "en"),
        ("Achetez des followers sur mon site", {"spam": 1}, None, "f2", "fr"),
        ("Vous êtes tous des idiots", {"toxicity": 1, "insult": 1}, None, "j1", "fr"),
    ]
    assert extra.heads == ("spam", "toxicity", "insult")
    skipped = [r.getMessage() for r in caplog.records if "skipped (" in r.getMessage()]
    assert any(m.startswith(str(SHARED / "notes_only")) for m in skipped)
    assert any(m.startswith(str(SHARED / "wrong_format" / "data.csv")) for m in skipped)


@pytest.mark.parametrize(
    ("setup", "error"),
    [
        (lambda tmp: tmp / "missing", FileNotFoundError),
        (lambda tmp: write(tmp / "notes.txt", "text,spam\nhi,0\n"), ValueError),
        (lambda tmp: tmp, ValueError),  # an empty folder
        (lambda tmp: write(tmp / "x.csv", "a,spam\n1,0\n"), ValueError),  # no text column
        (lambda tmp: write(tmp / "x.csv", "text,score\nhi,3\n"), ValueError),  # no head column
        (lambda tmp: write(tmp / "x.csv", ""), ValueError),
    ],
)
def test_load_path_refuses(setup, error: type[Exception], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error):
        load_path(setup(tmp_path))


def test_known_corpus_missing_a_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "olid_offenseval2019").mkdir()
    with pytest.raises(FileNotFoundError):
        load_path(tmp_path / "olid_offenseval2019")


def test_known_corpus_with_a_changed_header_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "utkml_twitter_spam" / "train.csv", "Id,Text,Type\n1,hello,Spam\n")
    with pytest.raises(ValueError, match="Tweet"):
        load_path(tmp_path / "utkml_twitter_spam")


# -- the project / generic format ------------------------------------------------------------------


def test_load_project(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        corpus = load_project(PROJECT)
    assert corpus.name == "project"
    assert [(r.id, r.kind, r.lang, dict(r.labels)) for r in corpus.rows] == [
        ("en-ham-0001", "ham_disagreement", "en", {"spam": 0, "toxicity": 0}),
        ("fr-ham-0001", "ham", "fr", {"spam": 0, **ALL_ZERO}),
        ("fr-spam-0001", "spam_contact", "fr", {"spam": 1, "toxicity": 0}),
        ("fr-tox-0001", "threat", "fr", {"spam": 0, "toxicity": 1, "threat": 1}),
    ]
    assert corpus.rows[2].text == "Gagnez 500€ par jour 👉 wa.me/33600000000"
    assert corpus.heads == HEADS
    assert [f[0] for f in corpus.files] == ["en.jsonl", "fr.jsonl"]
    assert [f[2] for f in corpus.files] == [1, 3]
    lines = sorted(r.getMessage().split(": skipped")[0] for r in caplog.records)
    assert lines == [f"{PROJECT / 'en.jsonl'}:{n}" for n in (2, 3)] + [
        f"{PROJECT / 'fr.jsonl'}:{n}" for n in (4, 5)
    ]


@pytest.mark.parametrize(
    ("setup", "error"),
    [
        (lambda tmp: tmp / "nope", FileNotFoundError),
        (lambda tmp: write(tmp / "README.md", "no data") and tmp, ValueError),
    ],
)
def test_load_project_refuses(setup, error: type[Exception], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error):
        load_project(setup(tmp_path))


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"text": "ok", "lang": "en", "spam": 0}, ("ok", "en", {"spam": 0})),
        ({"text": "ok", "lang": "EN ", "spam": True}, ("ok", "en", {"spam": 1})),
        ({"text": "ok", "lang": "fr", "spam": 1.0, "toxicity": None}, ("ok", "fr", {"spam": 1})),
        ({"text": "ok", "lang": "fr", "spam": "1"}, ("ok", "fr", {"spam": 1})),
        ({"comment": "merci", "spam": 0}, ("merci", "fr", {"spam": 0})),
        ({"text": "the end", "spam": 0}, ("the end", "en", {"spam": 0})),
        ({"text": "&lt;3 &amp; 🎉", "lang": "en", "spam": 0}, ("<3 & 🎉", "en", {"spam": 0})),
        ({"text": "  привет мир 你好 salut  ", "lang": "fr", "spam": 0}, None),
        ({"text": "ok", "lang": "en", "spam": 0.5}, None),
        ({"text": "ok", "lang": "en", "spam": 2}, None),
        ({"text": "ok", "lang": "en", "spam": [1]}, None),
        ({"text": "ok", "lang": "de", "spam": 0}, None),
        ({"text": "ok", "lang": 3, "spam": 0}, None),
        ({"text": 12, "lang": "en", "spam": 0}, None),
        ({"text": "ok", "lang": "en", "spam": 0, "kind": {"a": 1}}, None),
        ({"text": "", "lang": "en", "spam": 0}, None),
        ({"text": " \n\t ", "lang": "en", "spam": 0}, None),
        ({"text": "no label", "lang": "en"}, None),
        ({"text": "unknowns only", "lang": "en", "spam": None, "insult": ""}, None),
    ],
)
def test_generic_jsonl_records(record: dict[str, object], expected: object, tmp_path: Path) -> None:
    path = write(tmp_path / "one.jsonl", json.dumps(record, ensure_ascii=False) + "\n")
    [corpus] = load_path(path)
    if record.get("text") == "  привет мир 你好 salut  ":  # mixed scripts survive, trimmed
        assert [r.text for r in corpus.rows] == ["привет мир 你好 salut"]
        return
    got = [(r.text, r.lang, dict(r.labels)) for r in corpus.rows]
    assert got == ([expected] if expected else [])


def test_generic_text_is_bounded(tmp_path: Path) -> None:
    big = "é🙂" * (64 * 1024)
    record = json.dumps({"text": big, "lang": "fr", "spam": 0}, ensure_ascii=False)
    path = write(
        tmp_path / "big.jsonl", record + "\n" + json.dumps({"text": big, "spam": 0}) + "\n"
    )
    [corpus] = load_path(path)  # the second line, escaped, is over the 1 MiB line bound
    assert [r.text for r in corpus.rows] == [big[:MAX_TEXT_CHARS]]


def test_generic_csv_with_bom_crlf_and_control_characters(tmp_path: Path) -> None:
    body = (
        "Message,Spam,Lang,Extra\r\nfirst,1,en,x\r\nnul\x00\x07byte,0,en,\r\n"
        '"multi\r\nline\ttab",0,en,\r\nshort row,1\r\n'
    )
    path = write(tmp_path / "c.csv", "\ufeff" + body)
    [corpus] = load_path(path)
    assert [(r.text, dict(r.labels)) for r in corpus.rows] == [
        ("first", {"spam": 1}),
        ("nulbyte", {"spam": 0}),
        ("multi\nline\ttab", {"spam": 0}),
    ]
    assert corpus.files[0][2] == 3


def test_latin1_file_is_read_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "old.csv", "text,toxicity\nça déborde,0\n", encoding="latin-1")
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        [corpus] = load_path(path)
    assert corpus.rows[0].text == "ça déborde"
    assert any("latin-1" in r.getMessage() for r in caplog.records)


def test_loader_called_directly_reads_fields_over_the_csv_default_limit(tmp_path: Path) -> None:
    body = "x" * 200_000  # above csv's default 128 KiB field limit
    email_text = f"Subject: big\n\n{body}\n"
    write(tmp_path / "s" / "mail.csv", f'group,id,md5,label,text\nspam-1,1,0,1,"{email_text}"\n')
    previous = csv.field_size_limit(128 * 1024)
    try:
        corpus = LOADERS["spamassassin_public_corpus"](tmp_path / "s")
    finally:
        csv.field_size_limit(previous)
    assert [(r.text[:10], len(r.text)) for r in corpus.rows] == [("big\n\nxxxxx", 2000)]


def test_huge_csv_field_is_skipped_not_fatal(tmp_path: Path) -> None:
    big = "x" * (5 << 20)  # above the 4 MiB field limit
    path = write(tmp_path / "huge.csv", f"text,spam\n{big},1\nsmall,0\n")
    [corpus] = load_path(path)
    assert [r.text for r in corpus.rows] == ["small"]


# -- dedupe ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hello World", "hello   world"),
        ("RT @someone: nice one", "nice one"),
        ("@USER @USER great game URL", "great game"),
        ("check https://a.example/x now", "check http://b.example/y now"),
        ("see www.example.com", "see"),
        ("wow pic.twitter.com/abc", "wow"),
        ("𝐟𝐫𝐞𝐞 money", "free money"),
        ("Straße", "STRASSE"),
        ("café\u00a0noir", "café noir"),
    ],
)
def test_dedupe_key_equal(a: str, b: str) -> None:
    assert dedupe_key(a) == dedupe_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("nice one", "nice one!"),
        ("start the party", "art the party"),
        ("@USER", "URL"),  # nothing left but the placeholder: the raw text is the key
        ("con", "cons"),
        ("", " x"),
    ],
)
def test_dedupe_key_different(a: str, b: str) -> None:
    assert dedupe_key(a) != dedupe_key(b)


def test_dedupe_key_bounds_work_on_huge_text() -> None:
    assert len(dedupe_key("a " * 200_000)) <= 2 * MAX_TEXT_CHARS


@pytest.mark.parametrize(
    ("votes", "merged"),
    [
        ([1, 1], 1),
        ([0, 0], 0),
        ([1, 0], 1),  # a tie goes to 1
        ([0, 1], 1),
        ([0, 0, 1], 0),
        ([1, 1, 0], 1),
        ([0, 1, 0, 1], 1),
    ],
)
def test_dedupe_within_corpus_majority(votes: list[int], merged: int) -> None:
    variants = ["Same text", "same  TEXT", "Same text https://x.example/1", "@USER same text"]
    corpus = make("c", *[(variants[i], {"spam": v}) for i, v in enumerate(votes)])
    [out] = dedupe([corpus])
    assert [dict(r.labels) for r in out.rows] == [{"spam": merged}]


def test_dedupe_within_corpus_keeps_first_and_unions_heads() -> None:
    corpus = make(
        "c", ("Hi there", {"spam": 0}), ("hi THERE", {"toxicity": 1}), ("other", {"spam": 1})
    )
    [out] = dedupe([corpus])
    assert [(r.text, dict(r.labels)) for r in out.rows] == [
        ("Hi there", {"spam": 0, "toxicity": 1}),
        ("other", {"spam": 1}),
    ]


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        ({"toxicity": 1}, {"toxicity": 0}, None),  # same head: the earlier corpus wins
        ({"toxicity": 1}, {"spam": 0}, {"spam": 0}),  # disjoint heads: both kept
        ({"toxicity": 1}, {"toxicity": 1, "insult": 1}, {"insult": 1}),  # trimmed
        ({"toxicity": 0, "insult": 0}, {"insult": 1}, None),
    ],
)
def test_dedupe_across_corpora(
    first: dict[str, int], second: dict[str, int], kept: dict[str, int] | None
) -> None:
    a = make("a", ("You are an idiot", first), ("unrelated", {"toxicity": 0}))
    b = make("b", ("you are an  IDIOT https://x.example", second), ("fresh text", {"spam": 1}))
    out_a, out_b = dedupe([a, b])
    assert out_a.rows == a.rows
    expected = ([("you are an  IDIOT https://x.example", kept)] if kept else []) + [
        ("fresh text", {"spam": 1})
    ]
    assert [(r.text, dict(r.labels)) for r in out_b.rows] == expected


def test_dedupe_order_decides_which_corpus_keeps_a_text() -> None:
    a = make("a", ("same", {"toxicity": 1}))
    b = make("b", ("same", {"toxicity": 0}))
    assert [len(c.rows) for c in dedupe([a, b])] == [1, 0]
    assert [len(c.rows) for c in dedupe([b, a])] == [1, 0]
    assert dedupe([b, a])[0].rows[0].labels == {"toxicity": 0}


def test_dedupe_youtube_ids_are_one_namespace() -> None:
    uci = make("youtube_spam_collection", ("original text", {"spam": 0}), ids=["id1"])
    old = make(
        "youtube_spam_casagrande_2014",
        ("original text, edited", {"spam": 0}),
        ("another", {"spam": 1}),
        ids=["id1", "id2"],
    )
    other = make("utkml_twitter_spam", ("unrelated tweet", {"spam": 0}), ids=["id2"])
    out = dedupe([uci, old, other])
    assert [[r.id for r in c.rows] for c in out] == [["id1"], ["id2"], ["id2"]]


def test_dedupe_leaves_inputs_and_metadata_alone() -> None:
    a = make("a", ("x", {"spam": 1}), ("X", {"spam": 0}))
    before = list(a.rows)
    [out] = dedupe([a])
    assert a.rows == before
    assert (out.name, out.files, out.heads, out.description) == (
        a.name,
        a.files,
        a.heads,
        a.description,
    )
    assert dedupe([]) == []


def test_dedupe_on_fixtures_removes_known_overlaps() -> None:
    corpora = {c.name: c for c in dedupe(load_path(SHARED))}
    first20k = [r.text for r in corpora["jigsaw_toxic_first20k"].rows]
    assert "Thanks for the citation; I added it to the article." not in first20k
    uci = [(r.id, dict(r.labels)) for r in corpora["youtube_spam_collection"].rows]
    assert ("ytA001", {"spam": 1}) in uci  # merged with ytB002: a 1-0 tie gives 1
    assert "ytB002" not in [i for i, _ in uci]
    casagrande = [r.id for r in corpora["youtube_spam_casagrande_2014"].rows]
    assert casagrande == ["ytD001", "ytD003", "ytD002", "ytC001"]


# -- language guess, rows --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Je ne suis pas d'accord avec cet article", "fr"),
        ("I don't agree with this article at all", "en"),
        ("c'est n'importe quoi", "fr"),
        ("it's what they're doing", "en"),
        ("mdr t trop nul", "fr"),
        ("Élégant, précis, réfléchi", "fr"),
        ("the cat sat on the mat", "en"),
        ("Merci! Thanks for the article", "en"),
        ("🔥🔥🔥", "fr"),
        ("", "fr"),
        ("   ", "fr"),
        ("12345 !!!", "fr"),
        ("привет мир", "fr"),
        ("je t'aime " * 10_000, "fr"),
    ],
)
def test_guess_lang(text: str, lang: str) -> None:
    assert guess_lang(text) == lang


def test_guess_lang_default_on_tie() -> None:
    assert guess_lang("🔥", default="en") == "en"
    assert guess_lang("the", default="fr") == "en"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": ""},
        {"lang": "de"},
        {"labels": {"spam": 2}},
        {"labels": {"spam": True}},
        {"labels": {"spam": 1.0}},
        {"labels": {"toxic": 1}},
    ],
)
def test_row_refuses(kwargs: dict[str, object]) -> None:
    fields: dict[str, object] = {"text": "t", "lang": "en", "labels": {"spam": 1}, "corpus": "c"}
    with pytest.raises(ValueError):
        Row(**{**fields, **kwargs})  # type: ignore[arg-type]


# -- the real shared corpora, when present beside the repository -----------------------------------

# Rows per corpus after loading, from each PROVENANCE.md (minus documented drops), and positives.
REAL = {
    "youtube_spam_collection": (1586, "spam", 831),
    "youtube_spam_casagrande_2014": (1287, "spam", 450),
    "datacamp_blog_comment_spam": (607, "spam", 110),  # 608 labelled, one has a blank text
    "instagram_comment_scam_scamspot": (3566, "spam", 1287),
    "utkml_twitter_spam": (11966, "spam", 5815),
    "ott_deceptive_opinion_spam": (1600, "spam", 800),
    "spamassassin_public_corpus": (3296, "spam", 1896),
    "jigsaw_toxic_subset": (5000, "toxicity", 952 + 936 + 949),
    "jigsaw_toxic_first20k": (19823, "toxicity", 896 + 897),
    "davidson_hate_offensive": (24783, "identity_attack", 1430),
    "olid_offenseval2019": (13240 + 860, "toxicity", 4400 + 240),
    "fr_toxicity_eistakovskii": (34068, "toxicity", 17034),
    "fr_hate_speech_superset": (18071 - 4014, "identity_attack", 4340 - 399),
    "mlma_hate_speech": (None, "toxicity", None),
    "toxifrench_agreement_sample": (None, "toxicity", None),
    "fr_reddit_rfrance_2021_2022": (5080 + 8548, "toxicity", 0),
    "fr_allocine_review_samples": (3400 + 3912, "toxicity", 0),
    "fr_book_reviews_babelio": (9006 + 652 - 13, "toxicity", 0),  # 13 reviews are blank
    "fr_social_comments_selfannotated": (207, "toxicity", 86),
    "fr_deft2017_tweets_umsab": (3033, "toxicity", 0),
    "en_tweeteval_informal": (123937, "toxicity", 0),
    "en_hateval_tweeteval": (12970 - 8, "identity_attack", 5462),  # 8 texts are blank
}


@pytest.mark.skipif(not REAL_SHARED.is_dir(), reason="../shared/datasets is not beside the repo")
def test_real_shared_corpora(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        corpora = {c.name: c for c in load_path(REAL_SHARED) if c.name in REAL}
    assert set(corpora) == set(REAL)
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    for name, (rows, head, positives) in REAL.items():
        corpus = corpora[name]
        assert rows is None or len(corpus.rows) == rows, name
        got = sum(r.labels.get(head, 0) for r in corpus.rows)
        assert positives is None or got == positives, name
    mlma = corpora["mlma_hate_speech"]
    assert sum(
        r.labels == {"toxicity": 0, "insult": 0, "identity_attack": 0} for r in mlma.rows
    ) == (821 + 661)
