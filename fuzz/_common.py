"""Shared helpers of the fuzz targets: instrumented import of modkit, invariant checks."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["modkit"]):
    # Instrumented for coverage feedback: only modules imported here are.
    import modkit
    import modkit._batch
    import modkit._text  # noqa: F401


def run(test_one_input: Callable[[bytes], None]) -> None:
    """Hand ``test_one_input`` to libFuzzer with the command line (see fuzz/run.py)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
