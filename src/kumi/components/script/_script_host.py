"""Runs an Execute Python Script script in its own interpreter.

Started as ``python _script_host.py REQUEST.json``. The request names the script, the input
and output Parquet files, an error file and extra import paths. Nothing from kumi is
imported here, so the script runs in a clean process. On failure the error file receives
``{"kind", "message", "traceback", "line"}`` and the exit code is 1.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

ENTRY_POINT = "azureml_main"


class ScriptProblemError(Exception):
    """A problem with the script's shape (no entry point, wrong return value)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def exit_with_parent(interval_s: float = 0.5) -> None:
    """Stop this process when the step that started it is gone (killed on cancel or
    timeout), so a user's script never outlives its step."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval_s)
        os._exit(1)

    threading.Thread(target=watch, name="kumi-parent-watch", daemon=True).start()


def main(request_file: str) -> int:
    exit_with_parent()
    request = json.loads(Path(request_file).read_text(encoding="utf-8"))
    own_folder = str(Path(__file__).resolve().parent)
    sys.path[:] = [*request["sys_path"], *(p for p in sys.path if p != own_folder)]
    script = Path(request["script"])
    try:
        import pandas as pd

        inputs = [pd.read_parquet(p) if p else None for p in request["inputs"]]
        results = _run(script, inputs, pd)
        _write(results, request["outputs"], pd)
    except ScriptProblemError as problem:
        return _fail(request["error"], problem.kind, str(problem), "", None)
    except BaseException as error:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == script.name]
        text = "".join(traceback.format_list(frames) + traceback.format_exception_only(error))
        line = frames[-1].lineno if frames else None
        message = "".join(traceback.format_exception_only(error)).strip()
        return _fail(request["error"], "exception", message, text, line)
    return 0


def _run(script: Path, inputs: list[Any], pd: Any) -> list[Any]:
    return _run_entry(load_entry(script), inputs, pd)


def load_entry(script: Path) -> Any:
    """Execute the script once and return its entry point function."""
    source = script.read_text(encoding="utf-8")
    namespace: dict[str, Any] = {"__name__": "azureml_script", "__file__": script.name}
    exec(compile(source, script.name, "exec"), namespace)
    entry = namespace.get(ENTRY_POINT)
    if not callable(entry):
        raise ScriptProblemError(
            "missing_entry", f"the script defines no function {ENTRY_POINT}(dataframe1, dataframe2)"
        )
    return entry


def _run_entry(entry: Any, inputs: list[Any], pd: Any) -> list[Any]:
    """Call the entry point on ``inputs`` and check what it returned."""
    returned = entry(*inputs)
    values = (
        [] if returned is None else [returned] if isinstance(returned, pd.DataFrame) else returned
    )
    if not isinstance(values, list | tuple) or len(values) > 2:
        raise ScriptProblemError("bad_return", _describe_return(returned))
    for value in values:
        if value is not None and not isinstance(value, pd.DataFrame):
            raise ScriptProblemError("bad_return", _describe_return(returned))
    return list(values)


def _describe_return(value: Any) -> str:
    return (
        f"{ENTRY_POINT} returned {type(value).__name__} {_short(value)}; it must return a pandas "
        "DataFrame or a tuple of up to two DataFrames, e.g. `return dataframe1,`"
    )


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _write(results: list[Any], outputs: list[str], pd: Any) -> None:
    for frame, path in zip(results, outputs, strict=False):
        if frame is None:
            continue
        stored = frame.copy()
        stored.columns = [str(c) for c in stored.columns]
        try:
            stored.to_parquet(path, index=False)
        except Exception as error:
            raise ScriptProblemError(
                "bad_return",
                f"a returned DataFrame cannot be stored as a table ({error}); give every "
                "column values of one type (numbers, text, booleans or dates)",
            ) from error


def _fail(path: str, kind: str, message: str, text: str, line: int | None) -> int:
    report = {"kind": kind, "message": message, "traceback": text, "line": line}
    Path(path).write_text(json.dumps(report), encoding="utf-8")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
