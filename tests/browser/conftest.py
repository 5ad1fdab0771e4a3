"""A real `kumi up` serving the built page (with a plugin package installed beside kumi),
and Debian's Chromium driven by Playwright. Screenshots of every page go to
``test-artifacts/screenshots/``."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).parents[2]
PAGE = ROOT / "src" / "kumi" / "api" / "static" / "index.html"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
PLUGIN = Path(__file__).parent / "plugin" / "kumi_stamp_plugin.py"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


@dataclass(frozen=True)
class Studio:
    url: str
    workspace: Path

    def api(self, path: str, body: dict | None = None) -> dict:
        """GET (or, with ``body``, POST JSON to) ``/api{path}``."""
        request = urllib.request.Request(
            f"{self.url}/api{path}",
            data=None if body is None else json.dumps(body).encode(),
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _installed_plugin(folder: Path) -> Path:
    """``plugin/kumi_stamp_plugin.py`` installed as a distribution (module + dist-info with
    its ``kumi.components`` entry point) in ``folder``, for PYTHONPATH."""
    shutil.copy(PLUGIN, folder / PLUGIN.name)
    dist = folder / "kumi_stamp_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: kumi-stamp-plugin\nVersion: 1.0\n")
    entry_points = "[kumi.components]\nstamp = kumi_stamp_plugin:StampRows\n"
    (dist / "entry_points.txt").write_text(entry_points)
    return folder


@contextmanager
def serve_studio(workspace: Path, python_path: list[str]) -> Iterator[str]:
    """``kumi up`` on ``workspace`` at a free port, with ``python_path`` on PYTHONPATH; its
    URL once it answers, stopped (Ctrl-C) afterwards."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "kumi", "up", "--workspace", str(workspace), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(python_path)},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        assert server.poll() is None, server.stdout.read() if server.stdout else ""
        try:
            urllib.request.urlopen(f"{url}/api/health", timeout=2).close()
            break
        except (urllib.error.URLError, ConnectionError):
            assert time.monotonic() < deadline, "kumi up did not answer"
            time.sleep(0.5)
    try:
        yield url
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="session")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Studio]:
    assert PAGE.is_file(), "build the page first: npm run build --prefix frontend"
    workspace = tmp_path_factory.mktemp("browser") / "ws"
    plugin = _installed_plugin(tmp_path_factory.mktemp("plugin"))
    paths = [str(plugin), *filter(None, [os.environ.get("PYTHONPATH")])]
    with serve_studio(workspace, paths) as url:
        yield Studio(url, workspace)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = os.environ.get("KUMI_CHROMIUM") or next(
        (c for c in CHROMIUM_CANDIDATES if shutil.which(c)), None
    )
    assert executable, "Chromium is missing: apt-get install chromium (the CI script does)."
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    opened = context.new_page()
    try:
        yield opened
    finally:
        context.close()


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
