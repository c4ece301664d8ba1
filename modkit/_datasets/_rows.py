"""The row and corpus types every loader produces."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from modkit._heads import HEADS

__all__ = ["LANGS", "MAX_TEXT_CHARS", "Corpus", "Row"]

LANGS = ("fr", "en")
#: Longer texts are cut (comment forms limit length too); bounds the work per row.
MAX_TEXT_CHARS = 10_000


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled text. ``labels`` holds only the heads its corpus informs (0/1).

    ``weak`` marks labels presumed from an unlabelled or coarsely labelled source (reviews,
    tweets and forum comments taken as ham): training screens such rows before trusting them.

    Raises:
        ValueError: empty text, a language other than ``fr``/``en``, an unknown head, a label
            other than 0/1.
    """

    text: str
    lang: str
    labels: Mapping[str, int]
    corpus: str
    group: str | None = None
    kind: str | None = None
    id: str | None = None
    weak: bool = False

    def __post_init__(self) -> None:
        if not self.text:
            raise ValueError("row text is empty")
        if self.lang not in LANGS:
            raise ValueError(f"row lang must be 'fr' or 'en', not {self.lang!r}")
        for head, value in self.labels.items():
            if head not in HEADS:
                raise ValueError(f"unknown head {head!r}")
            if type(value) is not int or value not in (0, 1):
                raise ValueError(f"label {head!r} must be 0 or 1, not {value!r}")


@dataclass(frozen=True, slots=True)
class Corpus:
    """A loaded corpus: rows, files read (relative path, sha256, rows taken from it), mapping.

    ``licence`` is the licence as its source states it; ``redistributable`` is False when that
    licence (or the provenance notes) forbids shipping a model trained on it (non-commercial, no
    redistribution): the default model never trains on such a corpus.
    """

    name: str
    rows: list[Row]
    files: list[tuple[str, str, int]]
    heads: tuple[str, ...]
    description: str
    licence: str = "unknown"
    redistributable: bool = True
