"""A component runner shared by every component test folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kumi.testing import run_component

Runner = Callable[..., dict[str, Any]]


@pytest.fixture
def run(tmp_path: Path) -> Runner:
    """``run(component_id, params, **inputs)`` → the component's outputs."""

    def runner(component_id: str, params: dict[str, Any] | None = None, **inputs: Any) -> Any:
        return run_component(component_id, params or {}, inputs, work_dir=tmp_path)

    return runner
