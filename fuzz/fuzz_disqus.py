"""Fuzz target: the disqus batch reader on arbitrary bytes (see _readers.py for the invariants)."""

from __future__ import annotations

import _readers

if __name__ == "__main__":
    _readers.main("disqus")
