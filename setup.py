"""Build hook: ship the default model (models/default) in the wheel as modkit/_model_data/default.

The build fails when ``models/default`` is missing or incomplete, so that no wheel goes out
without its model by accident. ``MODKIT_BUILD_RULES_ONLY=1`` builds a wheel without a model on
purpose (it then runs with ``Moderator(rules_only=True)`` or a model given by path).

Everything else about the package is declared in pyproject.toml.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

MODEL_FILES = ("model.joblib", "manifest.json", "REPORT.md")
REQUIRED = ("model.joblib", "manifest.json")
OPT_OUT = "MODKIT_BUILD_RULES_ONLY"


def missing_model_files(source: Path) -> list[str]:
    """Return the required model files absent from ``source``."""
    return [name for name in REQUIRED if not (source / name).is_file()]


class BuildWithModel(build_py):
    """build_py that also copies the default model bundle into the built package.

    Raises:
        SystemExit: ``models/default`` is missing or incomplete and the opt-out is not set.
    """

    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parent / "models" / "default"
        missing = missing_model_files(source)
        if missing:
            if os.environ.get(OPT_OUT) == "1":
                print(f"{OPT_OUT}=1: building without the default model")
                return
            raise SystemExit(
                f"error: {source} lacks {', '.join(missing)}: the wheel would ship without "
                f"its model. Restore models/default (git checkout models/default), or set "
                f"{OPT_OUT}=1 to build a rules-only wheel on purpose."
            )
        target = Path(self.build_lib) / "modkit" / "_model_data" / "default"
        target.mkdir(parents=True, exist_ok=True)
        for name in MODEL_FILES:
            if (source / name).is_file():
                shutil.copy2(source / name, target / name)


setup(cmdclass={"build_py": BuildWithModel})
