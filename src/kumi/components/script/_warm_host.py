"""Keeps one Execute Python Script script loaded and answers call after call.

Started as ``python _warm_host.py SCRIPT [SYS_PATH ...]``. The script is executed once;
then each call arrives on stdin as an 8-byte length and a pickle of the input frames
``[dataframe1, dataframe2]``, and the answer leaves on the original stdout the same way:
``{"ok": [frames]}`` or ``{"error": {"kind", "message", "traceback", "line"}}``. What the
script prints goes to stderr. Nothing from kumi is imported here.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Any

from _script_host import ScriptProblemError, _run_entry, exit_with_parent, load_entry
from _warm_wire import read_message, write_message


def main(script: str, extra_paths: list[str]) -> int:
    exit_with_parent()
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # the script's prints go to stderr, never into the answers
    calls = sys.stdin.buffer
    own_folder = str(Path(__file__).resolve().parent)
    sys.path[:] = [*extra_paths, *(p for p in sys.path if p != own_folder)]
    import pandas as pd

    path = Path(script)
    try:
        entry = load_entry(path)
    except BaseException as error:
        entry = None
        failure = _report(error, path)
    while True:
        try:
            inputs = read_message(calls)
        except EOFError:
            return 0
        if entry is None:
            write_message(answers, {"error": failure})
            continue
        try:
            write_message(answers, {"ok": _run_entry(entry, inputs, pd)})
        except BaseException as error:
            write_message(answers, {"error": _report(error, path)})


def _report(error: BaseException, script: Path) -> dict[str, Any]:
    if isinstance(error, ScriptProblemError):
        return {"kind": error.kind, "message": str(error), "traceback": "", "line": None}
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == script.name]
    text = "".join(traceback.format_list(frames) + traceback.format_exception_only(error))
    message = "".join(traceback.format_exception_only(error)).strip()
    line = frames[-1].lineno if frames else None
    return {"kind": "exception", "message": message, "traceback": text, "line": line}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
