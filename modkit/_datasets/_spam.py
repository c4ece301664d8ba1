"""Loaders of the labelled spam corpora (YouTube, blog, Instagram, tweets, reviews, email)."""

from __future__ import annotations

import re
from pathlib import Path

from modkit._datasets._clean import clean, email_text, youtube_html
from modkit._datasets._files import Builder, files_matching, flag, register, table
from modkit._datasets._rows import Corpus

_VIDEO_NAME = re.compile(r"(?:Youtube\d+-)?([A-Za-z0-9]+)")


def _youtube(root: Path, name: str, pattern: str, label: str, description: str) -> Corpus:
    b = Builder(name, root, ["spam"], description)
    for path in files_matching(root, pattern):
        match = _VIDEO_NAME.match(path.name)
        video = match.group(1) if match else path.stem
        src = b.open(path)
        for line, rec in table(src, ["COMMENT_ID", "CONTENT", label]):
            value = flag(rec[label])
            if value is None:
                src.skip(line, f"{label} not 0/1")
                continue
            b.add(
                src,
                rec["CONTENT"],
                "en",
                {"spam": value},
                group=video,
                id=rec["COMMENT_ID"].strip(),
                clean=lambda t: clean(youtube_html(t)),
            )
    return b.build()


@register(
    "youtube_spam_collection",
    licence="CC BY 4.0 (UCI)",
)
def _youtube_uci(root: Path) -> Corpus:
    return _youtube(
        root,
        "youtube_spam_collection",
        "Youtube*.csv",
        "CLASS",
        "YouTube comments (UCI YouTube Spam Collection, videos 01-04): CLASS 1/0 -> spam; "
        "group = video (Psy, KatyPerry, LMFAO, Eminem)",
    )


@register(
    "youtube_spam_casagrande_2014",
    licence="none stated",
)
def _youtube_casagrande(root: Path) -> Corpus:
    return _youtube(
        root,
        "youtube_spam_casagrande_2014",
        "*.csv",
        "TAG",
        "YouTube comments (Alberto/Casagrande 2014 sets, 5 videos; Psy and KatyPerry are the same "
        "videos as in the UCI set): TAG 1/0 -> spam; group = video",
    )


@register(
    "datacamp_blog_comment_spam",
    licence="none stated",
)
def _datacamp(root: Path) -> Corpus:
    b = Builder(
        "datacamp_blog_comment_spam",
        root,
        ["spam"],
        "DataCamp tutorial comments, labelled rows only: label 1/0 -> spam (its labellers also "
        "counted bare salutations, one-word and non-English comments as spam); group = article",
    )
    for path in files_matching(root, "*.csv"):
        src = b.open(path)
        for line, rec in table(src, ["comment", "label", "articleName"]):
            if not rec["label"].strip():
                src.dropped["unlabelled"] += 1
                continue
            value = flag(rec["label"])
            if value is None:
                src.skip(line, "label not 0/1/empty")
                continue
            b.add(src, rec["comment"], "en", {"spam": value}, group=rec["articleName"].strip())
    return b.build()


@register(
    "instagram_comment_scam_scamspot",
    licence="MIT",
)
def _instagram(root: Path) -> Corpus:
    b = Builder(
        "instagram_comment_scam_scamspot",
        root,
        ["spam"],
        "Instagram comments (ScamSpot; mostly lowercased, many emoji-only): scam 1/0 -> spam",
    )
    for path in files_matching(root, "comments-rating*.csv"):
        src = b.open(path)
        for line, rec in table(src, ["number", "scam", "msg"]):
            value = flag(rec["scam"])
            if value is None:
                src.skip(line, "scam not 0/1")
                continue
            b.add(src, rec["msg"], "en", {"spam": value})
    return b.build()


@register(
    "utkml_twitter_spam",
    licence="not stated (Kaggle competition)",
)
def _utkml(root: Path) -> Corpus:
    b = Builder(
        "utkml_twitter_spam",
        root,
        ["spam"],
        "Tweets (UtkML Kaggle): Type Spam -> spam 1, Quality -> 0 (its Spam class includes "
        "clickbait and hyperpartisan news tweets)",
    )
    types = {"spam": 1, "quality": 0}
    for path in files_matching(root, "train*.csv"):
        src = b.open(path)
        for line, rec in table(src, ["Id", "Tweet", "Type"]):
            value = types.get(rec["Type"].strip().lower())
            if value is None:
                src.skip(line, "Type not Spam/Quality")
                continue
            b.add(src, rec["Tweet"], "en", {"spam": value}, id=rec["Id"].strip())
    return b.build()


@register(
    "ott_deceptive_opinion_spam",
    licence="CC BY-NC-SA 3.0 (myleott.com): non-commercial",
    redistributable=False,
)
def _ott(root: Path) -> Corpus:
    b = Builder(
        "ott_deceptive_opinion_spam",
        root,
        ["spam"],
        "Hotel reviews (Ott et al.): deceptive -> spam 1, truthful -> 0; fabricated opinion spam "
        "written by paid workers, not link spam (weight low); group = hotel",
    )
    kinds = {"deceptive": 1, "truthful": 0}
    src = b.open(root / "deceptive-opinion.csv")
    for line, rec in table(src, ["deceptive", "hotel", "text"]):
        value = kinds.get(rec["deceptive"].strip().lower())
        if value is None:
            src.skip(line, "deceptive not deceptive/truthful")
            continue
        b.add(src, rec["text"], "en", {"spam": value}, group=rec["hotel"].strip())
    return b.build()


@register(
    "spamassassin_public_corpus",
    licence="CC0 contents / PDDL database (stdlib repo)",
)
def _spamassassin(root: Path) -> Corpus:
    b = Builder(
        "spamassassin_public_corpus",
        root,
        ["spam"],
        "Emails (SpamAssassin spam, spam_2, easy_ham_2): label 1/0 -> spam; headers dropped, "
        "subject + body (MIME decoded, HTML stripped) cut to 2,000 chars; email, not comments",
    )
    for path in files_matching(root, "*.csv"):
        src = b.open(path)
        for line, rec in table(src, ["group", "id", "label", "text"]):
            value = flag(rec["label"])
            if value is None:
                src.skip(line, "label not 0/1")
                continue
            text = email_text(rec["text"])
            b.add(
                src, text, "en", {"spam": value}, id=f"{rec['group'].strip()}/{rec['id'].strip()}"
            )
    return b.build()
