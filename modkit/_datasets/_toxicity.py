"""Loaders of the labelled toxicity corpora (Jigsaw, OLID, Davidson, MLMA, French sets)."""

from __future__ import annotations

import re
from pathlib import Path

from modkit._datasets._clean import jigsaw_clean, olid_clean
from modkit._datasets._files import Builder, files_matching, flag, known, register, table
from modkit._datasets._rows import LANGS, Corpus

_JIGSAW_HEADS = {
    "toxic": "toxicity",
    "severe_toxic": "severe_toxicity",
    "obscene": "obscene",
    "threat": "threat",
    "insult": "insult",
    "identity_hate": "identity_attack",
}


@register(
    "jigsaw_toxic_subset",
    licence="CC0 (text CC BY-SA 3.0), per Kaggle",
)
def _jigsaw_subset(root: Path) -> Corpus:
    b = Builder(
        "jigsaw_toxic_subset",
        root,
        list(_JIGSAW_HEADS.values()),
        "Wikipedia talk comments (Jigsaw sample, 2,000 clean + 3,000 with a label, not the natural "
        "ratio): toxic, severe_toxic, obscene, threat, insult, identity_hate -> toxicity, "
        "severe_toxicity, obscene, threat, insult, identity_attack",
    )
    for path in files_matching(root, "train.*.csv"):
        src = b.open(path)
        for line, rec in table(src, ["id", "comment_text", *_JIGSAW_HEADS]):
            labels = {head: flag(rec[col]) for col, head in _JIGSAW_HEADS.items()}
            if any(v is None for v in labels.values()):
                src.skip(line, "label not 0/1")
                continue
            b.add(src, rec["comment_text"], "en", known(labels), id=rec["id"], clean=jigsaw_clean)
    return b.build()


@register(
    "jigsaw_toxic_first20k",
    licence="CC0 (text CC BY-SA 3.0), per Kaggle",
)
def _jigsaw_first20k(root: Path) -> Corpus:
    b = Builder(
        "jigsaw_toxic_first20k",
        root,
        ["toxicity"],
        "Wikipedia talk comments (Jigsaw train.csv rows 1-20,000, natural ratio ~9% toxic): "
        "labels (= Kaggle toxic) -> toxicity only",
    )
    for path in files_matching(root, "text_comment_*.csv"):
        src = b.open(path)
        for line, rec in table(src, ["comment_text", "labels"]):
            value = flag(rec["labels"])
            if value is None:
                src.skip(line, "label not 0/1")
                continue
            b.add(src, rec["comment_text"], "en", {"toxicity": value}, clean=jigsaw_clean)
    return b.build()


def _olid_labels(a: str, b: str, c: str) -> dict[str, int] | None:
    """OLID levels A/B/C -> heads; None when level A is neither OFF nor NOT."""
    if a == "NOT":
        return {"toxicity": 0, "insult": 0, "identity_attack": 0}
    if a != "OFF":
        return None
    labels = {"toxicity": 1}
    if b == "UNT":  # untargeted profanity: not an insult, no target to attack
        labels.update(insult=0, identity_attack=0)
    elif b == "TIN" and c in ("IND", "GRP"):
        labels["insult"] = 1
    return labels


@register(
    "olid_offenseval2019",
    licence="not stated",
)
def _olid(root: Path) -> Corpus:
    bld = Builder(
        "olid_offenseval2019",
        root,
        ["toxicity", "insult", "identity_attack"],
        "Tweets (OLID/OffensEval 2019): OFF/NOT -> toxicity 1/0; TIN with target IND or GRP -> "
        "insult 1, UNT (untargeted profanity) and NOT -> insult 0 and identity_attack 0; "
        "group = train/test",
    )
    src = bld.open(root / "olid-training-v1.0.tsv")
    for line, rec in table(
        src, ["id", "tweet", "subtask_a", "subtask_b", "subtask_c"], delimiter="\t"
    ):
        labels = _olid_labels(rec["subtask_a"], rec["subtask_b"], rec["subtask_c"])
        if labels is None:
            src.skip(line, "subtask_a not OFF/NOT")
            continue
        bld.add(src, rec["tweet"], "en", labels, group="train", id=rec["id"], clean=olid_clean)
    levels: list[dict[str, str]] = []
    for level in "abc":
        lab = bld.open(root / f"labels-level{level}.csv")
        found: dict[str, str] = {}
        for _line, rec in table(lab, ["id", "label"], fieldnames=["id", "label"]):
            found[rec["id"].strip()] = rec["label"].strip()
        lab.rows = len(found)
        levels.append(found)
    src = bld.open(root / "testset-levela.tsv")
    for line, rec in table(src, ["id", "tweet"], delimiter="\t"):
        tid = rec["id"].strip()
        labels = _olid_labels(*(lv.get(tid, "NULL") for lv in levels))
        if labels is None:
            src.skip(line, "no level A label for this id")
            continue
        bld.add(src, rec["tweet"], "en", labels, group="test", id=tid, clean=olid_clean)
    return bld.build()


_DAVIDSON = {
    "0": {"toxicity": 1, "identity_attack": 1},
    "1": {"toxicity": 1},
    "2": {"toxicity": 0, "identity_attack": 0},
}


@register(
    "davidson_hate_offensive",
    licence="MIT",
)
def _davidson(root: Path) -> Corpus:
    b = Builder(
        "davidson_hate_offensive",
        root,
        ["toxicity", "identity_attack"],
        "Tweets (Davidson 2017): hate or offensive -> toxicity 1, neither -> 0; hate -> "
        "identity_attack 1, neither -> 0, offensive -> identity_attack unknown",
    )
    src = b.open(root / "labeled_data.csv")
    for line, rec in table(src, ["", "class", "tweet"]):
        labels = _DAVIDSON.get(rec["class"].strip())
        if labels is None:
            src.skip(line, "class not 0/1/2")
            continue
        b.add(src, rec["tweet"], "en", labels, group="davidson", id=rec[""])
    return b.build()


_MLMA_TOXIC = frozenset({"hateful", "abusive", "offensive"})
_MLMA_IDENTITY_TARGETS = frozenset(
    {"origin", "gender", "sexual_orientation", "religion", "disability"}
)


def _mlma_labels(sentiment: str, target: str) -> dict[str, int]:
    """MLMA hostility aspects -> heads (empty when the row informs none)."""
    aspects = set(sentiment.strip().split("_"))
    if aspects == {"normal"}:
        return {"toxicity": 0, "insult": 0, "identity_attack": 0}
    if "normal" in aspects or not aspects & _MLMA_TOXIC:
        return {}  # annotators disagreed, or fearful/disrespectful only: not clearly toxic or not
    labels = {"toxicity": 1}
    if "hateful" in aspects and target.strip() in _MLMA_IDENTITY_TARGETS:
        labels["identity_attack"] = 1
    return labels


@register(
    "mlma_hate_speech",
    licence="MIT",
)
def _mlma(root: Path) -> Corpus:
    b = Builder(
        "mlma_hate_speech",
        root,
        ["toxicity", "insult", "identity_attack"],
        "MLMA tweets fr/en (en is stopword-stripped): sentiment normal -> toxicity, insult, "
        "identity_attack 0; hateful/abusive/offensive without normal -> toxicity 1; hateful "
        "with an identity target -> identity_attack 1; mixed with normal, fearful/disrespectful "
        "only -> unknown; group = mlma_fr/mlma_en",
    )
    for lang in LANGS:
        path = root / f"{lang}_dataset.csv"
        if not path.is_file():
            raise FileNotFoundError(f"{path}: missing")
        src = b.open(path)
        for line, rec in table(src, ["HITId", "tweet", "sentiment", "target"]):
            aspects = set(rec["sentiment"].strip().split("_"))
            if not aspects <= {"normal", "disrespectful", "fearful", *_MLMA_TOXIC}:
                src.skip(line, "unknown sentiment")
                continue
            labels = _mlma_labels(rec["sentiment"], rec["target"])
            b.add(
                src, rec["tweet"], lang, labels, group=f"mlma_{lang}", id=f"{lang}-{rec['HITId']}"
            )
    return b.build()


@register(
    "toxifrench_agreement_sample",
    licence="MIT",
)
def _toxifrench(root: Path) -> Corpus:
    b = Builder(
        "toxifrench_agreement_sample",
        root,
        ["toxicity"],
        "Native French forum comments (ToxiFrench agreement sample): the first human annotator's "
        "conclusion -> toxicity; rows where the second human leans the other way are dropped",
    )
    first, second = "annotator's conclusion", "2nd annotation score"
    src = b.open(root / "agreement_checking.csv")
    for line, rec in table(src, ["msg_id", "content", first, second]):
        value = flag(rec[first])
        try:
            check = float(rec[second])
        except ValueError:
            check = float("nan")
        if value is None or not 0.0 <= check <= 1.0:
            src.skip(line, "label not 0/1 or second score not in [0, 1]")
            continue
        if (check >= 0.5) != (value == 1):
            src.dropped["where the second annotator disagrees"] += 1
            continue
        b.add(src, rec["content"], "fr", {"toxicity": value}, id=rec["msg_id"])
    return b.build()


@register(
    "fr_hate_speech_superset",
    licence="not stated (gated HF dataset; classifier training is the intended use)",
)
def _fr_superset(root: Path) -> Corpus:
    b = Builder(
        "fr_hate_speech_superset",
        root,
        ["toxicity", "identity_attack"],
        "French hate speech superset (sexism, cyberado, FTR, CONAN; its MLMA rows dropped): 1 -> "
        "identity_attack 1 and toxicity 1; 0 -> identity_attack 0 only (0 includes mere insults); "
        "group = source dataset",
    )
    src = b.open(root / "fr_hf.csv")
    for line, rec in table(src, ["text", "labels", "dataset", "tweet_id"]):
        value = flag(rec["labels"])
        if value is None:
            src.skip(line, "label not 0/1")
            continue
        dataset = rec["dataset"].strip()
        if dataset == "MLMA":
            src.dropped["MLMA rows (loaded from mlma_hate_speech)"] += 1
            continue
        labels = {"toxicity": 1, "identity_attack": 1} if value else {"identity_attack": 0}
        b.add(src, rec["text"], "fr", labels, group=dataset, id=rec["tweet_id"].strip())
    return b.build()


@register(
    "fr_toxicity_eistakovskii",
    licence='not stated ("other" on HF)',
)
def _eistakovskii(root: Path) -> Corpus:
    b = Builder(
        "fr_toxicity_eistakovskii",
        root,
        ["toxicity"],
        "French sentences (Stakovskii; mostly machine-translated Jigsaw/ParaDetox, some label "
        "noise): label 1/0 -> toxicity",
    )
    for path in files_matching(root, "*.csv"):
        src = b.open(path)
        for line, rec in table(src, ["label", "text"], fieldnames=["label", "text"]):
            value = flag(rec["label"])
            if value is None:
                src.skip(line, "label not 0/1")
                continue
            b.add(src, _WIKI_SIGNATURE.sub("", rec["text"]), "fr", {"toxicity": value})
    return b.build()


#: French Wikipedia's talk-page signature links, "Pseudo (discuter)" and "Pseudo (d)", and the IP
#: address of an anonymous signature: its toxic rows come from talk pages and its clean rows do
#: not, so these were all toxic (307, 480 and 153 rows to 0) and taught the model that "discuter"
#: is abuse ("On peut en discuter calmement ?" scored 0.84). Dropped on loading.
_WIKI_SIGNATURE = re.compile(r"[ \t]*·?[ \t]*\((?:discuter|d)\)|\b[0-9]{1,3}(?:\.[0-9]{1,3}){3}\b")
