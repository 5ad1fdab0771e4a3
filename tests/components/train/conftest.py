"""A component runner and a small labelled table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from kumi.core import Table

Runner = Callable[..., dict[str, Any]]


@pytest.fixture(scope="session")
def labelled() -> Table:
    """120 rows, two informative numeric features, a string feature and a 0/1 label."""
    rng = np.random.default_rng(5)
    a, b = rng.normal(size=120), rng.normal(size=120)
    town = rng.choice(["north", "south"], 120)
    label = (a + 0.5 * b + rng.normal(scale=0.5, size=120) > 0).astype("int64")
    return Table.of(pd.DataFrame({"a": a, "b": b, "town": town, "y": label}), label="y")
