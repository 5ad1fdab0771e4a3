"""Every registered component passes the public contract (kumi.testing)."""

from __future__ import annotations

from typing import Any

import pytest

from kumi.registry import default_registry
from kumi.testing import component_checks

CASES = component_checks(default_registry())


@pytest.mark.parametrize(
    ("component_id", "check"), CASES, ids=[f"{cid}-{chk.__name__}" for cid, chk in CASES]
)
def test_component_contract(component_id: str, check: Any) -> None:
    check(default_registry().get(component_id))
