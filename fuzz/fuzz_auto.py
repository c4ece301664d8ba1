"""Fuzz target: format detection by content and the reader it picks, on arbitrary bytes (see
_readers.py for the invariants)."""

from __future__ import annotations

import _readers

if __name__ == "__main__":
    _readers.main("auto")
