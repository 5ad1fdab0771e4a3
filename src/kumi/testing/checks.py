"""The public component contract: checks every component must pass.

Run them over a registry with :func:`component_checks` (pytest parametrization) or over one
plugin component with :func:`check_component`.
"""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from kumi.core import (
    PORT_VALUE_TYPES,
    Category,
    Component,
    EvaluationReport,
    InputPort,
    Inputs,
    KumiError,
    OutputPort,
    Params,
    PortType,
    RunContext,
    Table,
    TrainedModel,
    Transformation,
    UntrainedModel,
    validate_params,
)
from kumi.registry import ComponentRegistry
from kumi.testing.datasets import ExampleDatasets
from kumi.testing.examples import example, example_inputs_for, with_renamed_columns
from kumi.testing.saved import ExampleSavedValues

Check = Callable[[type[Component[Any]]], None]


@contextlib.contextmanager
def _scratch_dir() -> Iterator[Path]:
    """Run inside a fresh temporary directory (components may write relative paths)."""
    previous = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="kumi-contract-") as folder:
        os.chdir(folder)
        try:
            yield Path(folder)
        finally:
            os.chdir(previous)


def _run(cls: type[Component[Any]], inputs: dict[str, Any]) -> dict[str, Any]:
    params = validate_params(cls.Params, cls.example_params, where=cls.id)
    with _scratch_dir() as folder:
        ctx = RunContext(
            node_id=cls.id,
            work_dir=folder,
            datasets=ExampleDatasets(),
            saved=ExampleSavedValues(),
        )
        return cls().run(params, Inputs(inputs), ctx)


def check_metadata(cls: type[Component[Any]]) -> None:
    """Id is snake_case, names and description present, category known, ports unique."""
    assert cls.id and cls.id == cls.id.lower() and " " not in cls.id, cls.id
    assert cls.name and cls.description, f"{cls.id}: name and description are required"
    assert isinstance(cls.category, Category), f"{cls.id}: category must be a Category"
    ports: list[InputPort | OutputPort] = [*cls.inputs, *cls.outputs]
    names = [p.name for p in ports]
    assert len(names) == len(set(names)), f"{cls.id}: port names must be unique: {names}"
    for port in ports:
        assert isinstance(port.type, PortType), f"{cls.id}.{port.name}: untyped port"
        assert port.name == port.name.lower(), f"{cls.id}.{port.name}: ports are snake_case"


def check_default_params_valid(cls: type[Component[Any]]) -> None:
    """Every parameter has a default that validates, and the example params validate."""
    assert issubclass(cls.Params, Params)
    validate_params(cls.Params, {}, where=cls.id)
    validate_params(cls.Params, cls.example_params, where=cls.id)


def check_params_round_trip(cls: type[Component[Any]]) -> None:
    """Params survive a JSON round trip unchanged and export a JSON Schema."""
    params = validate_params(cls.Params, cls.example_params, where=cls.id)
    again = cls.Params.model_validate_json(params.model_dump_json(by_alias=True))
    assert again == params, f"{cls.id}: params changed through JSON"
    schema = cls.Params.model_json_schema()
    assert schema.get("type") == "object", f"{cls.id}: params schema must be an object"


def check_runs_on_examples(cls: type[Component[Any]]) -> None:
    """Runs on the example inputs and returns one value of the declared type per output."""
    outputs = _run(cls, example_inputs_for(cls))
    declared = {p.name: p.type for p in cls.outputs}
    assert set(outputs) == set(declared), (
        f"{cls.id}: returned ports {sorted(outputs)}, declared {sorted(declared)}"
    )
    for name, port_type in declared.items():
        assert isinstance(outputs[name], PORT_VALUE_TYPES[port_type]), (
            f"{cls.id}.{name}: expected {port_type.value}, got {type(outputs[name]).__name__}"
        )


def check_deterministic(cls: type[Component[Any]]) -> None:
    """Two runs with the same params and inputs give equal outputs."""
    inputs = example_inputs_for(cls)
    first, second = _run(cls, inputs), _run(cls, inputs)
    for port in cls.outputs:
        assert _equal(first[port.name], second[port.name]), (
            f"{cls.id}.{port.name}: output differs between two runs with the same seed"
        )


def check_inputs_unchanged(cls: type[Component[Any]]) -> None:
    """Running leaves the input tables exactly as they were (outputs are new tables)."""
    inputs = example_inputs_for(cls)
    before = {k: v.frame.copy(deep=True) for k, v in inputs.items() if isinstance(v, Table)}
    _run(cls, inputs)
    for port, frame in before.items():
        assert _frames_equal(inputs[port].frame, frame), (
            f"{cls.id}: input '{port}' was modified; work on a copy of the frame"
        )


def check_same_under_copy_on_write(cls: type[Component[Any]]) -> None:
    """Gives the same outputs with pandas copy-on-write on, as the engine's workers run
    (pandas 3's only mode): no writing through views or chained assignment."""
    plain = _run(cls, example_inputs_for(cls))
    with pd.option_context("mode.copy_on_write", True):
        shared = _run(cls, example_inputs_for(cls))
    for port in cls.outputs:
        assert _equal(plain[port.name], shared[port.name]), (
            f"{cls.id}.{port.name}: output differs under pandas copy-on-write; do not "
            "modify frames through views or chained assignment"
        )


def check_inferred_schemas_match(cls: type[Component[Any]]) -> None:
    """Output schemas inferred before running (when a component can tell them) name the
    columns the run gives, in order, with the same roles."""
    inputs = example_inputs_for(cls)
    schemas = {k: v.schema() for k, v in inputs.items() if isinstance(v, Table)}
    params = validate_params(cls.Params, cls.example_params, where=cls.id)
    try:
        inferred = cls().infer_schemas(params, schemas)
    except KumiError:
        return  # inference refused these params: nothing claimed
    if not inferred:
        return
    outputs = _run(cls, inputs)
    for port, schema in inferred.items():
        table = outputs[port]
        assert isinstance(table, Table), f"{cls.id}.{port}: schema inferred for a non-table"
        actual = table.schema()
        assert schema.names == actual.names, (
            f"{cls.id}.{port}: inferred columns {schema.names}, the run gave {actual.names}"
        )
        roles = {c.name: c.role for c in schema.columns}
        assert roles == {c.name: c.role for c in actual.columns}, (
            f"{cls.id}.{port}: inferred column roles differ from the run's"
        )


def check_bad_input_clear_error(cls: type[Component[Any]]) -> None:
    """Tables whose columns are all renamed either work or raise a KumiError."""
    inputs = {k: with_renamed_columns(v) for k, v in example_inputs_for(cls).items()}
    if not any(isinstance(v, Table) for v in inputs.values()):
        return
    try:
        _run(cls, inputs)
    except KumiError as error:
        assert error.message, f"{cls.id}: error without a message"
    except Exception as error:  # the contract is violated: report which exception leaked
        raise AssertionError(
            f"{cls.id}: bad input raised {type(error).__name__}: {error} — raise a KumiError "
            "that says what is wrong and how to fix it"
        ) from error


CHECKS: tuple[Check, ...] = (
    check_metadata,
    check_default_params_valid,
    check_params_round_trip,
    check_runs_on_examples,
    check_deterministic,
    check_inputs_unchanged,
    check_same_under_copy_on_write,
    check_inferred_schemas_match,
    check_bad_input_clear_error,
)


def check_component(cls: type[Component[Any]]) -> None:
    """Run every contract check on one component (raises AssertionError on the first)."""
    for check in CHECKS:
        check(cls)


def component_checks(registry: ComponentRegistry) -> list[tuple[str, Check]]:
    """``(component id, check)`` pairs for ``pytest.mark.parametrize``."""
    return [(cls.id, check) for cls in registry.all() for check in CHECKS]


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, Table):
        return isinstance(b, Table) and _frames_equal(a.frame, b.frame) and a.roles == b.roles
    if isinstance(a, TrainedModel):
        data = example("table")
        return _frames_equal(_safe_score(a, data), _safe_score(b, data))
    if isinstance(a, UntrainedModel):
        return bool(a.describe() == b.describe())
    if isinstance(a, Transformation):
        data = example("numeric_table")
        return _frames_equal(_safe_apply(a, data), _safe_apply(b, data))
    if isinstance(a, EvaluationReport):
        return _json_equal(a.to_dict(), b.to_dict())
    return bool(a == b)


def _safe_score(model: Any, data: Table) -> pd.DataFrame:
    try:
        return model.score(data).frame
    except KumiError as error:
        return pd.DataFrame({"error": [error.code]})


def _safe_apply(transformation: Any, data: Table) -> pd.DataFrame:
    try:
        return transformation.apply(data).frame
    except KumiError as error:
        return pd.DataFrame({"error": [error.code]})


def _frames_equal(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    try:
        pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9)
    except AssertionError:
        return False
    return True


def _json_equal(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b)
