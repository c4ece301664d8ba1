"""Build hook: ship the default model (models/default) in the wheel as modkit/_model_data/default.

Everything else about the package is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithModel(build_py):
    """build_py that also copies the default model bundle into the built package."""

    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parent / "models" / "default"
        if not (source / "manifest.json").is_file():
            return
        target = Path(self.build_lib) / "modkit" / "_model_data" / "default"
        target.mkdir(parents=True, exist_ok=True)
        for name in ("model.joblib", "manifest.json", "REPORT.md"):
            if (source / name).is_file():
                shutil.copy2(source / name, target / name)


setup(cmdclass={"build_py": BuildWithModel})
