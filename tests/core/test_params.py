from __future__ import annotations

from typing import Literal

import pytest
from pydantic import Field

from kumi.core import ColumnName, InvalidParameterError, Params, PythonCode, validate_params


class Example(Params):
    rate: float = Field(0.5, ge=0, le=1)
    mode: Literal["fast", "slow"] = "fast"
    label_column: ColumnName = "y"
    script: PythonCode = "pass"


def test_validate_params_reports_every_problem_by_name() -> None:
    with pytest.raises(InvalidParameterError) as info:
        validate_params(Example, {"rate": 3, "mode": "warp", "extra": 1}, where="node n1")
    names = {p["parameter"] for p in info.value.details["problems"]}
    assert names == {"rate", "mode", "extra"}
    assert info.value.message.startswith("node n1:")


def test_json_schema_has_bounds_enums_and_widgets() -> None:
    schema = Example.model_json_schema()["properties"]
    assert schema["rate"]["maximum"] == 1 and schema["rate"]["minimum"] == 0
    assert schema["mode"]["enum"] == ["fast", "slow"]
    assert schema["label_column"]["x-kumi-widget"] == "column"
    assert schema["script"]["x-kumi-language"] == "python"


def test_params_are_frozen() -> None:
    params = validate_params(Example, {})
    with pytest.raises(Exception):
        params.rate = 0.9  # type: ignore[misc]
