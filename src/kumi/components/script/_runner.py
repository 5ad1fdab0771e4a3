"""Runs a user's Python script in a separate process: tables go in and out as Parquet files,
its output goes to the step log, its failures become kumi errors."""

from __future__ import annotations

import io
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from kumi.core import (
    DataFormatError,
    FileArtifact,
    InvalidParameterError,
    StepFailedError,
    StepTimeoutError,
)

HOST = Path(__file__).with_name("_script_host.py")
SCRIPT_NAME = "script.py"
BUNDLE_FOLDER = "Script Bundle"


def check_syntax(source: str) -> None:
    """InvalidParameterError naming the line of a syntax error, before anything runs."""
    try:
        compile(source, SCRIPT_NAME, "exec")
    except SyntaxError as error:
        raise InvalidParameterError(
            f"python_script has a syntax error on line {error.lineno}: {error.msg}. Fix the "
            "script and run again.",
            details={
                "parameter": "python_script",
                "line": error.lineno,
                "offset": error.offset,
                "text": (error.text or "").rstrip("\n"),
            },
        ) from None


def run_script(
    source: str,
    inputs: list[pd.DataFrame | None],
    *,
    bundle: FileArtifact | None,
    work_dir: Path,
    timeout: float,
    logger: logging.Logger,
) -> list[pd.DataFrame | None]:
    """Run ``source``'s ``azureml_main`` on ``inputs`` in a child process; its (up to two)
    returned frames, None where it returned none."""
    check_syntax(source)
    work_dir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="python_script_", dir=work_dir))
    (folder / SCRIPT_NAME).write_text(source, encoding="utf-8")
    outputs = [folder / "output1.parquet", folder / "output2.parquet"]
    request = {
        "script": str(folder / SCRIPT_NAME),
        "inputs": [
            _write_input(frame, folder / f"input{i}.parquet") for i, frame in enumerate(inputs, 1)
        ],
        "outputs": [str(p) for p in outputs],
        "error": str(folder / "error.json"),
        "sys_path": [_unpack(bundle, folder / BUNDLE_FOLDER)] if bundle else [],
    }
    request_file = folder / "request.json"
    request_file.write_text(json.dumps(request), encoding="utf-8")
    code = _execute(request_file, folder, timeout, logger)
    if code != 0:
        raise _failure(folder / "error.json", code)
    return [pd.read_parquet(p) if p.exists() else None for p in outputs]


def _write_input(frame: pd.DataFrame | None, path: Path) -> str | None:
    if frame is None:
        return None
    try:
        frame.to_parquet(path, index=False)
    except (pa.ArrowException, ValueError, TypeError) as error:
        raise DataFormatError(
            f"An input table cannot be passed to the script ({error}); give every column "
            "values of one type.",
            details={"problem": "unwritable_input"},
        ) from error
    return str(path)


def _unpack(bundle: FileArtifact, target: Path) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(bundle.content)) as archive:
            archive.extractall(target)
    except zipfile.BadZipFile as error:
        raise DataFormatError(
            f"The script bundle '{bundle.filename}' is not a zip file; connect a zip of your "
            "Python modules.",
            details={"port": "script_bundle", "file": bundle.filename},
        ) from error
    return str(target)


def _execute(request_file: Path, folder: Path, timeout: float, logger: logging.Logger) -> int:
    process = subprocess.Popen(
        [sys.executable, str(HOST), str(request_file)],
        cwd=folder,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        _log_output(out, err, logger)
        raise StepTimeoutError(
            f"The Python script ran longer than {timeout:g} s and was stopped. Make it faster "
            "or raise timeout_seconds.",
            details={"timeout_seconds": timeout},
        ) from None
    _log_output(out, err, logger)
    return process.returncode


def _log_output(out: str, err: str, logger: logging.Logger) -> None:
    for line in out.splitlines():
        logger.info(line)
    for line in err.splitlines():
        logger.warning(line)


def _failure(error_file: Path, code: int) -> Exception:
    if not error_file.exists():
        return StepFailedError(
            f"The Python script process ended with exit code {code} without a result; see "
            "the step log for its output.",
            details={"exit_code": code},
        )
    return _failure_from_report(json.loads(error_file.read_text(encoding="utf-8")))


def _failure_from_report(report: dict[str, Any]) -> Exception:
    """The kumi error for a script host's ``{"kind", "message", "traceback", "line"}``."""
    if report["kind"] == "exception":
        where = f" (script line {report['line']})" if report["line"] else ""
        return StepFailedError(
            f"The Python script failed{where}: {report['message']}\n{report['traceback']}",
            details={"line": report["line"], "traceback": report["traceback"]},
        )
    return InvalidParameterError(
        f"python_script: {report['message']}.",
        details={"parameter": "python_script", "problem": report["kind"]},
    )
