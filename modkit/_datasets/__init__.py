"""Corpus loading: every shared corpus format and the project's JSONL corpus as one row type.

Each corpus maps its own labels to the heads it really informs (see ``docs/corpora.md``); a head
absent from :attr:`Row.labels` means "unknown", never 0. Files are streamed with :mod:`csv` (UTF-8,
UTF-8 with a BOM, or latin-1 with a warning) and hashed with sha256; a malformed row is skipped,
counted and logged on the ``modkit.datasets`` logger with its file and line, never its text.

Modules: ``_rows`` (the types), ``_clean`` (text repair), ``_files`` (reading files, the loader
registry), ``_toxicity``, ``_spam`` and ``_informal`` (one loader per corpus folder), ``_generic``
(the project format, feedback, :func:`load_path`), ``_dedupe``. Adding a corpus is one function
decorated with ``@register("folder_name", licence=...)`` in the module of its kind.
"""

from __future__ import annotations

# Loader modules register their corpora on import, in this order (see LOADERS).
from modkit._datasets import _toxicity, _spam, _informal  # noqa: F401  # isort: skip
from modkit._datasets._dedupe import dedupe, dedupe_key
from modkit._datasets._files import LOADERS
from modkit._datasets._generic import (
    FEEDBACK_LABELS,
    PROJECT_FIELDS,
    load_feedback,
    load_path,
    load_project,
)
from modkit._datasets._rows import MAX_TEXT_CHARS, Corpus, Row
from modkit._heads import HEADS
from modkit._lang import guess_lang

__all__ = [
    "FEEDBACK_LABELS",
    "HEADS",
    "LOADERS",
    "MAX_TEXT_CHARS",
    "PROJECT_FIELDS",
    "Corpus",
    "Row",
    "dedupe",
    "dedupe_key",
    "guess_lang",
    "load_feedback",
    "load_path",
    "load_project",
]
