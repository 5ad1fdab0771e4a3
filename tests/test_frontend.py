"""The page's own checks (TypeScript types and Vitest unit tests) run with the suite, and
its build is served by the API."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

FRONTEND = Path(__file__).parents[1] / "frontend"


def npm(*args: str) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("npm")
    assert executable, "npm is missing: install Node.js 20 (the CI script does)."
    assert (FRONTEND / "node_modules").is_dir(), "run `npm install --prefix frontend` first."
    return subprocess.run(
        [executable, *args], cwd=FRONTEND, capture_output=True, text=True, check=False, timeout=600
    )


@pytest.mark.timeout(600)
def test_the_page_type_checks():
    done = npm("run", "typecheck")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.timeout(600)
def test_the_page_unit_tests_pass():
    done = npm("test")
    assert done.returncode == 0, done.stdout + done.stderr
    assert " passed" in done.stdout
