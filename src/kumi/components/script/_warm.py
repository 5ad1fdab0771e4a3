"""Execute Python Script kept warm: one long-lived process per script, called once per
request (the script's top level runs once, like a deployed Azure scoring container)."""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO, Any

import pandas as pd

from kumi.components.script._runner import SCRIPT_NAME, _failure_from_report, _unpack, check_syntax
from kumi.components.script._warm_wire import read_message, write_message
from kumi.core import FileArtifact, Inputs, Outputs, StepTimeoutError, Table

HOST = Path(__file__).with_name("_warm_host.py")


class WarmScript:
    """The script ``source`` loaded in a process of its own, started on first call and
    again after a timeout or crash. Calls are serialized."""

    def __init__(
        self,
        source: str,
        *,
        bundle: FileArtifact | None,
        work_dir: Path,
        timeout: float,
        logger: logging.Logger,
    ) -> None:
        check_syntax(source)
        work_dir.mkdir(parents=True, exist_ok=True)
        self._folder = Path(tempfile.mkdtemp(prefix="warm_script_", dir=work_dir))
        (self._folder / SCRIPT_NAME).write_text(source, encoding="utf-8")
        self._paths = [_unpack(bundle, self._folder / "Script Bundle")] if bundle else []
        self._timeout = timeout
        self._logger = logger
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def call(self, frames: list[pd.DataFrame | None]) -> list[pd.DataFrame | None]:
        """``azureml_main(*frames)``'s returned frames (None where it returned none)."""
        with self._lock:
            answer = self._exchange(frames)
        if "error" in answer:
            raise _failure_from_report(answer["error"])
        returned = list(answer["ok"])
        return returned + [None] * (2 - len(returned))

    def _exchange(self, frames: list[pd.DataFrame | None]) -> dict[str, Any]:
        """Send ``frames``; a process that died since the last call is started again once."""
        for attempt in range(2):
            process = self._process or self._start()
            assert process.stdin is not None and process.stdout is not None
            try:
                write_message(process.stdin, frames)
            except BrokenPipeError:
                self._stop()
                if attempt:
                    raise
                continue
            return self._answer(process.stdout)
        raise AssertionError("unreachable")

    def _answer(self, stream: IO[bytes]) -> dict[str, Any]:
        ready, _, _ = select.select([stream], [], [], self._timeout)
        if not ready:
            self._stop()
            raise StepTimeoutError(
                f"The Python script ran longer than {self._timeout:g} s and was stopped. Make "
                "it faster or raise timeout_seconds.",
                details={"timeout_seconds": self._timeout},
            )
        try:
            answer: dict[str, Any] = read_message(stream)
        except EOFError:
            self._stop()
            report = {"kind": "exception", "message": "the script process ended", "line": None}
            raise _failure_from_report({**report, "traceback": ""}) from None
        return answer

    def _start(self) -> subprocess.Popen[bytes]:
        log = (self._folder / "script.log").open("ab")
        self._process = subprocess.Popen(
            [sys.executable, str(HOST), str(self._folder / SCRIPT_NAME), *self._paths],
            cwd=self._folder,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            start_new_session=True,
        )
        log.close()
        self._logger.info("Python script process %s started", self._process.pid)
        return self._process

    def _stop(self) -> None:
        if self._process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()
            self._process = None

    def close(self) -> None:
        """Stop the process (a later call starts it again)."""
        with self._lock:
            self._stop()


def run_warm(script: WarmScript, inputs: Inputs) -> Outputs:
    """Execute Python Script's outputs for ``inputs``, computed by the warm ``script``."""
    first, second = inputs.optional_table("dataset1"), inputs.optional_table("dataset2")
    frames = script.call([t.frame if t is not None else None for t in (first, second)])
    results = [_table(frame, source) for frame, source in zip(frames, (first, second), strict=True)]
    return {"result_dataset": results[0], "result_dataset2": results[1]}


def _table(frame: pd.DataFrame | None, source: Table | None) -> Table:
    if frame is None:
        return Table.of(pd.DataFrame())
    return source.derive(frame) if source is not None else Table.of(frame)
