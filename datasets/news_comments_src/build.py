"""Build ``datasets/news_comments.jsonl`` from the hand-written threads of ``news_comments_src``.

File format: a line ``=== <article>`` starts one made-up article's comment thread; each following
non-empty line is one reader comment, prefixed by its kind marker:

- ``S:`` news_ham_short (short reaction or compliment, no promotion; all labels 0)
- ``T:`` news_ham_topic (ordinary comment using the vocabulary of news; all labels 0)
- ``L:`` news_ham_link (a reader citing a source with a link; all labels 0)
- ``P:`` news_spam_flattery (a news-reader opener followed by promotion; spam 1, other labels 0)

The language is the file's prefix (``fr_``/``en_``). A literal ``\\n`` in a comment is a line break;
lines starting with ``#`` are notes. The build checks the thread sizes, exact duplicates (within the
file and against every other ``datasets/*.jsonl``), word-trigram near-duplicates (Jaccard >= 0.5,
within the file across threads and against the other files), the link domains kept for other
training parts, and writes nothing when a check fails.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _src_common import read_threads, write_checked_threads

from modkit._datasets import dedupe_key, guess_lang

HERE = Path(__file__).resolve().parent
DATASETS = HERE.parent
OUT = DATASETS / "news_comments.jsonl"
KINDS = {
    "S": "news_ham_short",
    "T": "news_ham_topic",
    "L": "news_ham_link",
    "P": "news_spam_flattery",
}
# Domains another part of training already uses for source links: not used here.
RESERVED = (
    "lemonde.fr",
    "lefigaro.fr",
    "liberation.fr",
    "francetvinfo.fr",
    "wikipedia.org",
    "insee.fr",
    "legifrance.gouv.fr",
    "service-public.fr",
    "bbc.co.uk",
    "bbc.com",
    "theguardian.com",
    "nytimes.com",
    "reuters.com",
    "apnews.com",
    "github.com",
)
URL = re.compile(r"https?://([^/\s]+)")


def main() -> None:
    rows = []
    problems: list[str] = []
    for lang in ("fr", "en"):
        threads = read_threads(sorted(HERE.glob(f"{lang}_*.txt")), KINDS.get)
        n = 0
        for t, (topic, comments) in enumerate(threads, start=1):
            if not 3 <= len(comments) <= 10:
                problems.append(f"{lang} thread {t} ({topic}) has {len(comments)} comments")
            for kind, text in comments:
                n += 1
                for host in URL.findall(text):
                    if any(host == d or host.endswith("." + d) for d in RESERVED):
                        problems.append(f"{lang} thread {t}: reserved domain {host}")
                if kind == "news_ham_link" and not URL.search(text):
                    problems.append(f"{lang} thread {t}: link row without a link: {text!r}")
                rows.append(
                    {
                        "id": f"nc-{lang}-{n:04d}",
                        "text": text,
                        "lang": lang,
                        "kind": kind,
                        "group": f"nc-{lang}-t{t:03d}",
                        "spam": int(kind == "news_spam_flattery"),
                        "toxicity": 0,
                        "insult": 0,
                        "threat": 0,
                        "obscene": 0,
                        "identity_attack": 0,
                        "severe_toxicity": 0,
                    }
                )
    write_checked_threads(rows, problems, OUT, dedupe_key, guess_lang)


if __name__ == "__main__":
    main()
