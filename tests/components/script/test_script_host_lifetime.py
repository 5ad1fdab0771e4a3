"""A user's script never outlives the step process that started it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from kumi.components.script import _script_host

LAUNCHER = """
import subprocess, sys
child = subprocess.Popen([sys.executable, sys.argv[1], sys.argv[2]], start_new_session=True)
print(child.pid, flush=True)
child.wait()
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = (
        Path(f"/proc/{pid}/stat").read_text().split()[2] if Path(f"/proc/{pid}").exists() else "X"
    )
    return state not in ("Z", "X")


def test_script_host_exits_when_its_parent_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    script.write_text(
        "import time\ndef azureml_main(dataframe1=None, dataframe2=None):\n    time.sleep(60)\n"
    )
    request = tmp_path / "request.json"
    request.write_text(
        json.dumps(
            {
                "script": str(script),
                "inputs": [None, None],
                "outputs": [],
                "error": str(tmp_path / "e"),
                "sys_path": [],
            }
        )
    )
    launcher = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, _script_host.__file__, str(request)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert launcher.stdout is not None
    host = int(launcher.stdout.readline())
    time.sleep(1.0)
    assert _alive(host)
    os.kill(launcher.pid, signal.SIGKILL)
    launcher.wait()
    deadline = time.monotonic() + 5
    while _alive(host) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(host), "the script host outlived its parent"
