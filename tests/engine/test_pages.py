"""Step workers allocate arrays in ordinary pages unless NumPy is told otherwise."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = "from kumi.engine.pages import use_ordinary_pages; print(use_ordinary_pages())"


def advised(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k != "NUMPY_MADVISE_HUGEPAGE"}
    done = subprocess.run(
        [sys.executable, "-c", CODE], env={**clean, **env}, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode().strip()


def test_huge_pages_are_not_advised_by_default():
    assert advised() == "False"


def test_numpys_own_switch_wins():
    assert advised(NUMPY_MADVISE_HUGEPAGE="1") == "True"
