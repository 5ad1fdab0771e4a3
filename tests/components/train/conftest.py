"""A component runner and a small labelled table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from kumi.core import Table
from kumi.testing import run_component

Runner = Callable[..., dict[str, Any]]


@pytest.fixture
def run(tmp_path: Path) -> Runner:
    """``run(component_id, params, **inputs)`` → the component's outputs."""

    def runner(component_id: str, params: dict[str, Any] | None = None, **inputs: Any) -> Any:
        return run_component(component_id, params or {}, inputs, work_dir=tmp_path)

    return runner


@pytest.fixture(scope="session")
def labelled() -> Table:
    """120 rows, two informative numeric features, a string feature and a 0/1 label."""
    rng = np.random.default_rng(5)
    a, b = rng.normal(size=120), rng.normal(size=120)
    town = rng.choice(["north", "south"], 120)
    label = (a + 0.5 * b + rng.normal(scale=0.5, size=120) > 0).astype("int64")
    return Table.of(pd.DataFrame({"a": a, "b": b, "town": town, "y": label}), label="y")
