"""The wheel carries the repository's notebooks/ and sample params (params/units/, params/frameworks/) as package data.

They stay where analysts and the batch use them in a checkout (notebooks/ opened in JupyterLab, params/units/
beside them); at build time a copy goes into perfeval/share/ with the same relative layout, so the report
notebook's default params_file (../params/units/...) resolves in an install too. perfeval.paths picks the copy
when it is there. Everything else about the package is in pyproject.toml.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHARED = (("notebooks", "*.ipynb"), ("params/units", "*.yaml"), ("params/frameworks", "*.yaml"))  # folder, files


class BuildWithShare(build_py):
    """build_py, then the shipped folders copied into the built package's share/ (not for editable installs,
    which read the checkout's own folders)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for folder, pattern in SHARED:
            target = Path(self.build_lib) / "perfeval" / "share" / folder
            target.mkdir(parents=True, exist_ok=True)
            for source in sorted((ROOT / folder).glob(pattern)):
                shutil.copyfile(source, target / source.name)


setup(cmdclass={"build_py": BuildWithShare})
