"""``python -m modkit``: the same as the ``modkit`` command."""

from __future__ import annotations

from modkit._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
