"""Loaders of the informal-register corpora: forum comments, reviews, tweets (mostly unlabelled).

These corpora show how ordinary people write (second person, greetings, jokes, heated but civil
argument). Most carry no toxicity label: their rows are taken as ham with ``weak=True`` (labels
presumed, to be screened before training trusts them). Gold labels, where a corpus has them
(HatEval ``hate``, the hand-labelled French creator comments), are kept as such.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from modkit._datasets._files import Builder, Source, files_matching, flag, register, table
from modkit._datasets._rows import Corpus
from modkit._lang import guess_lang

#: Labels presumed for a row of an unlabelled, mostly innocent corpus.
_PRESUMED_HAM = {"spam": 0, "toxicity": 0}


@register(
    "fr_reddit_rfrance_2021_2022",
    licence="unclear (Reddit user content); provenance: keep out of anything redistributed",
    redistributable=False,
)
def _reddit_france(root: Path) -> Corpus:
    b = Builder(
        "fr_reddit_rfrance_2021_2022",
        root,
        ["spam", "toxicity"],
        "r/france comments and self-post bodies (Sept 2021 - Apr 2022), unlabelled, mostly civil: "
        "presumed ham (weak); removed/deleted and link-only posts skipped; group = post",
    )
    src = b.open(root / "rfrance_comments_2021-09.csv")
    for line, rec in table(src, ["commentId", "post_id", "text", "removed"]):
        removed = flag(rec["removed"])
        if removed is None:
            src.skip(line, "removed not 0/1")
            continue
        if removed:
            src.dropped["removed or deleted"] += 1
            continue
        text = rec["text"]
        b.add(
            src,
            text,
            guess_lang(text),
            _PRESUMED_HAM,
            group=f"post:{rec['post_id'].strip()}",
            kind="reddit_comment",
            id=rec["commentId"],
            weak=True,
        )
    src = b.open(root / "rfrance_posts_2021-09_2022-04.csv")
    for _line, rec in table(src, ["postId", "body", "body_status"]):
        if rec["body_status"].strip() != "text":
            src.dropped[f"with body_status {rec['body_status'].strip() or 'blank'}"] += 1
            continue
        text = rec["body"]
        b.add(
            src,
            text,
            guess_lang(text),
            _PRESUMED_HAM,
            group=f"post:{rec['postId'].strip()}",
            kind="reddit_post",
            id=rec["postId"],
            weak=True,
        )
    return b.build()


_REVIEW_KIND = {1: "review_positive", 0: "review_negative"}
# Tokenised text of the TV-series sample: "c' est", "série .", "( marre ... )".
_SPACE_BEFORE = re.compile(r" ([.,;:!?)\]…»])")
_SPACE_AFTER = re.compile(r"([(\[«]) |(\w') ")


def _detokenise(text: str) -> str:
    """Undo the sample's tokenisation (spaces around punctuation and after apostrophes)."""
    return _SPACE_AFTER.sub(lambda m: m.group(1) or m.group(2), _SPACE_BEFORE.sub(r"\1", text))


@register(
    "fr_allocine_review_samples",
    licence="MIT (Allociné dataset, Blard 2020); TV-series sample: not stated",
)
def _allocine(root: Path) -> Corpus:
    b = Builder(
        "fr_allocine_review_samples",
        root,
        ["spam", "toxicity"],
        "Allociné film reviews (Blard samples) and TV-series reviews (Dong & de Melo, "
        "detokenised): presumed ham (weak), kind = review polarity",
    )
    for path in files_matching(root, "rachigh/*.csv"):
        src = b.open(path)
        for line, rec in table(src, ["text", "label"]):
            _review(b, src, line, rec["text"], rec["label"], clean_text=None)
    for path in files_matching(root, "dong_demelo_tvseries/*.tsv"):
        src = b.open(path)
        for line, rec in table(
            src, ["label", "text"], delimiter="\t", fieldnames=["label", "text"]
        ):
            _review(b, src, line, rec["text"], rec["label"], clean_text=_detokenise)
    return b.build()


def _review(
    b: Builder,
    src: Source,
    line: int,
    text: str,
    label: str,
    *,
    clean_text: Callable[[str], str] | None,
) -> None:
    polarity = flag(label)
    if polarity is None:
        src.skip(line, "label not 0/1")
        return
    if clean_text is not None:
        text = clean_text(text)
    b.add(src, text, "fr", _PRESUMED_HAM, kind=_REVIEW_KIND[polarity], weak=True)


_BOOK_KIND = {1: "review_positive", 0: "review_mixed", -1: "review_negative"}
_MAX_JSON_LINE = 1 << 20


@register("fr_book_reviews_babelio", licence="CC0 as declared by the scraper")
def _babelio(root: Path) -> Corpus:
    b = Builder(
        "fr_book_reviews_babelio",
        root,
        ["spam", "toxicity"],
        "Babelio and Critiques Libres book reviews: presumed ham (weak), kind = rating class, "
        "group = book",
    )
    for path in files_matching(root, "*_reviews.jsonl"):
        src = b.open(path)
        with path.open(encoding=src.encoding) as fh:
            for line, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw[:_MAX_JSON_LINE])
                except ValueError:
                    src.skip(line, "invalid JSON")
                    continue
                if not isinstance(obj, dict):
                    src.skip(line, "not a JSON object")
                    continue
                text, label = obj.get("reader_review"), obj.get("label")
                if not isinstance(text, str) or label not in _BOOK_KIND:
                    src.skip(line, "no reader_review or label not 1/0/-1")
                    continue
                title = obj.get("book_title")
                b.add(
                    src,
                    text,
                    "fr",
                    _PRESUMED_HAM,
                    group=f"book:{title.strip()}" if isinstance(title, str) else None,
                    kind=_BOOK_KIND[label],
                    weak=True,
                )
    return b.build()


_SOCIAL_HEADS = {
    "toxique": "toxicity",
    "obscene": "obscene",
    "menace": "threat",
    "insulte": "insult",
    "racisme": "identity_attack",
}


@register("fr_social_comments_selfannotated", licence="not stated")
def _social_comments(root: Path) -> Corpus:
    b = Builder(
        "fr_social_comments_selfannotated",
        root,
        list(_SOCIAL_HEADS.values()),
        "French creator-platform comments hand-labelled Jigsaw-style (deduplicated file): "
        "toxique, obscene, menace, insulte, racisme -> toxicity, obscene, threat, insult, "
        "identity_attack (racisme only where the source file has it)",
    )
    src = b.open(root / "fr_social_comments_dedup.csv")
    for line, rec in table(src, ["text", *_SOCIAL_HEADS]):
        labels: dict[str, int] = {}
        for column, head in _SOCIAL_HEADS.items():
            cell = rec[column].strip()
            value = flag(cell) if cell else None
            if cell and value is None:
                break
            if value is not None:
                labels[head] = value
        else:
            b.add(src, rec["text"], "fr", labels, kind="social_comment")
            continue
        src.skip(line, "label not 0/1")
    return b.build()


@register("fr_deft2017_tweets_umsab", licence="unclear (DEFT 2017 research terms, Twitter)")
def _deft(root: Path) -> Corpus:
    b = Builder(
        "fr_deft2017_tweets_umsab",
        root,
        ["spam", "toxicity"],
        "DEFT 2017 French tweets (sentiment): presumed ham (weak), kind = sentiment; the negative "
        "class holds some insults",
    )
    src = b.open(root / "deft2017_fr_tweets.csv")
    for line, rec in table(src, ["split", "text", "label_name"]):
        sentiment = rec["label_name"].strip()
        if sentiment not in ("negative", "neutral", "positive"):
            src.skip(line, "label_name not negative/neutral/positive")
            continue
        b.add(src, rec["text"], "fr", _PRESUMED_HAM, kind=f"tweet_{sentiment}", weak=True)
    return b.build()


@register(
    "en_tweeteval_informal",
    licence="unclear (TweetEval: released without restrictions; SemEval tasks, Twitter terms)",
)
def _tweeteval(root: Path) -> Corpus:
    b = Builder(
        "en_tweeteval_informal",
        root,
        ["spam", "toxicity"],
        "TweetEval sentiment/emotion/irony/emoji tweets: presumed ham (weak), kind = "
        "task:label; anger and negative tweets hold some insults",
    )
    src = b.open(root / "tweeteval_informal.csv")
    for line, rec in table(src, ["task", "text", "label_name"]):
        task, label = rec["task"].strip(), rec["label_name"].strip()
        if not task or not label:
            src.skip(line, "no task or label_name")
            continue
        b.add(src, rec["text"], "en", _PRESUMED_HAM, kind=f"{task}:{label}", weak=True)
    return b.build()


@register(
    "en_hateval_tweeteval",
    licence="unclear (TweetEval wrapper; HatEval terms not restated; Twitter)",
)
def _hateval(root: Path) -> Corpus:
    b = Builder(
        "en_hateval_tweeteval",
        root,
        ["toxicity", "identity_attack"],
        "HatEval 2019 English tweets (hate against immigrants and women): hate -> toxicity 1 and "
        "identity_attack 1; not-hate -> toxicity 0 and identity_attack 0, presumed (weak: many "
        "are vulgar or insulting)",
    )
    src = b.open(root / "tweeteval_hate.csv")
    for line, rec in table(src, ["text", "label_name"]):
        label = rec["label_name"].strip()
        if label == "hate":
            b.add(src, rec["text"], "en", {"toxicity": 1, "identity_attack": 1}, kind="hate")
        elif label == "not-hate":
            labels = {"toxicity": 0, "identity_attack": 0}
            b.add(src, rec["text"], "en", labels, kind="not_hate", weak=True)
        else:
            src.skip(line, "label_name not hate/not-hate")
    return b.build()
