"""Send everything a step writes to its log file: ``print``, ``logging`` and writes to
file descriptors 1 and 2 (C extensions, subprocesses)."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


@contextlib.contextmanager
def capture_output(log_path: Path, logger_name: str) -> Iterator[logging.Logger]:
    """Redirect output into ``log_path`` (appending) while the block runs and yield the
    step's logger (level INFO)."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_path, "a", buffering=1, encoding="utf-8", errors="replace")  # noqa: SIM115
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    step_logger = logging.getLogger(logger_name)
    saved_level = step_logger.level
    with _redirected_fds(log), _redirected_streams(log):
        root.addHandler(handler)
        step_logger.setLevel(logging.INFO)
        try:
            yield step_logger
        finally:
            handler.flush()
            root.removeHandler(handler)
            step_logger.setLevel(saved_level)
    log.close()


@contextlib.contextmanager
def _redirected_fds(log: TextIO) -> Iterator[None]:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    saved = os.dup(1), os.dup(2)
    os.dup2(log.fileno(), 1)
    os.dup2(log.fileno(), 2)
    try:
        yield
    finally:
        log.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])


@contextlib.contextmanager
def _redirected_streams(log: TextIO) -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = log
    try:
        yield
    finally:
        log.flush()
        sys.stdout, sys.stderr = saved
