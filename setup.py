"""Installing kumi builds its page: `frontend/` (npm) into `src/kumi/api/static/`.

Everything else about the package is in pyproject.toml. The page is rebuilt only when a
file of `frontend/` is newer than the built page; without npm the install goes on and the
server explains how to build the page.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
FRONTEND = ROOT / "frontend"
BUILT = ROOT / "src" / "kumi" / "api" / "static" / "index.html"
SOURCES = ("src", "index.html", "package.json", "package-lock.json", "vite.config.ts")


def page_is_current() -> bool:
    if not BUILT.is_file():
        return False
    built = BUILT.stat().st_mtime
    for name in SOURCES:
        path = FRONTEND / name
        files = path.rglob("*") if path.is_dir() else [path]
        if any(f.is_file() and f.stat().st_mtime > built for f in files):
            return False
    return True


def build_page() -> None:
    if not (FRONTEND / "package.json").is_file() or page_is_current():
        return
    npm = shutil.which("npm")
    if npm is None:
        print("kumi: npm not found, the page is not built (install Node.js 20 and reinstall)")
        return
    print("kumi: building the page (npm install, npm run build) ...")
    subprocess.run([npm, "install", "--no-audit", "--no-fund"], cwd=FRONTEND, check=True)
    subprocess.run([npm, "run", "build"], cwd=FRONTEND, check=True)


class BuildPyWithPage(build_py):
    """The usual build, after building the page."""

    def run(self) -> None:
        build_page()
        super().run()


setup(cmdclass={"build_py": BuildPyWithPage})
