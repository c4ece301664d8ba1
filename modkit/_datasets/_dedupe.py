"""Deduplication of rows within and across corpora."""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from collections.abc import Mapping, Sequence

from modkit._datasets._rows import MAX_TEXT_CHARS, Corpus, Row

__all__ = ["dedupe", "dedupe_key"]

_log = logging.getLogger("modkit.datasets")

#: Corpora whose row ids share one namespace, so one id is one comment across them.
_ID_NAMESPACES: Mapping[str, str] = {
    "youtube_spam_collection": "youtube",
    "youtube_spam_casagrande_2014": "youtube",
}
_URL = re.compile(r"(?:https?://|www\.)\S+|\bpic\.twitter\.com/\S+", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\b(?:URL|LINK)\b")
_MENTION = re.compile(r"@\w+:?")
_RT = re.compile(r"\brt\b:?")


def dedupe_key(text: str) -> str:
    """The key texts are duplicates by: NFKC, casefold, no urls, @mentions, RT or extra spaces."""
    key = text[: MAX_TEXT_CHARS * 2]
    if not key.isascii():
        key = unicodedata.normalize("NFKC", key)
    if "http" in key or "www." in key or "pic.twitter" in key:
        key = _URL.sub(" ", key)
    if "URL" in key or "LINK" in key:
        key = _PLACEHOLDER.sub(" ", key)
    key = key.casefold()
    if "@" in key:
        key = _MENTION.sub(" ", key)
    if "rt" in key:
        key = _RT.sub(" ", key)
    return " ".join(key.split()) or " ".join(text.casefold().split())


def _merge(rows: Sequence[Row]) -> tuple[Row, bool]:
    """One row for duplicates within a corpus: per head the majority label, a tie going to 1."""
    first = rows[0]
    if len(rows) == 1:
        return first, False
    votes: dict[str, list[int]] = {}
    for row in rows:
        for head, value in row.labels.items():
            votes.setdefault(head, []).append(value)
    labels = {h: int(2 * sum(v) >= len(v)) for h, v in votes.items()}
    conflict = any(0 < sum(v) < len(v) for v in votes.values())
    return dataclasses.replace(first, labels=labels), conflict


def dedupe(corpora: Sequence[Corpus]) -> list[Corpus]:
    """Deduplicate rows within and across corpora by :func:`dedupe_key` (and shared YouTube ids).

    Within a corpus, duplicates become one row (the first one's text, group and id) whose label per
    head is the majority vote, a tie giving 1. Across corpora, each (text, head) is labelled once:
    by the first corpus in the order given that informs that head; a later row keeps only the heads
    no earlier duplicate informs, and goes if none is left.
    """
    seen: dict[str, set[str]] = {}
    id_keys: dict[tuple[str, str], str] = {}
    out: list[Corpus] = []
    for corpus in corpora:
        namespace = _ID_NAMESPACES.get(corpus.name)
        groups: dict[str, list[Row]] = {}
        for row in corpus.rows:
            key = dedupe_key(row.text)
            if namespace and row.id:
                key = id_keys.setdefault((namespace, row.id), key)
            groups.setdefault(key, []).append(row)
        rows: list[Row] = []
        conflicts = dropped = trimmed = 0
        for key, dups in groups.items():
            row, conflict = _merge(dups)
            conflicts += conflict
            earlier = seen.get(key, set())
            if earlier & row.labels.keys():
                labels = {h: v for h, v in row.labels.items() if h not in earlier}
                if not labels:
                    dropped += 1
                    continue
                trimmed += 1
                row = dataclasses.replace(row, labels=labels)
            rows.append(row)
        for key, dups in groups.items():
            seen.setdefault(key, set()).update(h for r in dups for h in r.labels)
        merged = len(corpus.rows) - len(groups)
        if merged or dropped or trimmed:
            _log.info(
                "%s: %d duplicates merged (%d texts with conflicting labels); %d rows dropped and "
                "%d trimmed as labelled by an earlier corpus",
                corpus.name,
                merged,
                conflicts,
                dropped,
                trimmed,
            )
        out.append(dataclasses.replace(corpus, rows=rows, files=list(corpus.files)))
    return out
