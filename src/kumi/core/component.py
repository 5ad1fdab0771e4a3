"""The component contract: metadata, typed ports, typed params and one ``run`` method.

A component is a class in one small file. Class attributes declare it; nothing happens at
import or in the constructor; ``run`` does the work on already-loaded inputs and returns
its outputs by port name::

    class SelectColumnsInDataset(Component[SelectColumnsParams]):
        id = "select_columns_in_dataset"
        name = "Select Columns in Dataset"
        category = Category.DATA_TRANSFORMATION
        description = "Projects a subset of columns."
        Params = SelectColumnsParams
        inputs = (InputPort("dataset", PortType.TABLE),)
        outputs = (OutputPort("results_dataset", PortType.TABLE),)

        def run(self, params, inputs, ctx):
            table = inputs.table("dataset")
            ...
            return {"results_dataset": table.derive(frame)}
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from kumi.core.contracts import DatasetResolver, SavedValueLoader
from kumi.core.errors import ConfigurationError, InvalidInputError
from kumi.core.models import (
    EvaluationReport,
    FileArtifact,
    TrainedModel,
    Transformation,
    UntrainedModel,
)
from kumi.core.params import NoParams, Params
from kumi.core.table import Table, TableSchema
from kumi.core.types import Category, PortType

P = TypeVar("P", bound=Params)


PORT_VALUE_TYPES: Mapping[PortType, type] = {
    PortType.TABLE: Table,
    PortType.UNTRAINED_MODEL: UntrainedModel,
    PortType.TRAINED_MODEL: TrainedModel,
    PortType.TRANSFORMATION: Transformation,
    PortType.EVALUATION_REPORT: EvaluationReport,
    PortType.FILE: FileArtifact,
}
"""The Python type of the value each port type carries."""


@dataclass(frozen=True)
class InputPort:
    """A typed input. Optional inputs may stay unconnected."""

    name: str
    type: PortType
    optional: bool = False
    description: str = ""


@dataclass(frozen=True)
class OutputPort:
    """A typed output."""

    name: str
    type: PortType
    description: str = ""


class Inputs(Mapping[str, Any]):
    """The loaded values of a step's connected input ports, with typed accessors."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = dict(values)

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def _typed(self, name: str, kind: type, optional: bool) -> Any:
        value = self._values.get(name)
        if value is None:
            if optional:
                return None
            raise InvalidInputError(
                f"Input port '{name}' is not connected; connect an upstream output to it.",
                details={"port": name},
            )
        if not isinstance(value, kind):
            raise InvalidInputError(
                f"Input port '{name}' expected a {kind.__name__}, got {type(value).__name__}.",
                details={"port": name},
            )
        return value

    def table(self, name: str) -> Table:
        return self._typed(name, Table, False)

    def optional_table(self, name: str) -> Table | None:
        return self._typed(name, Table, True)

    def untrained_model(self, name: str) -> UntrainedModel:
        return self._typed(name, UntrainedModel, False)

    def trained_model(self, name: str) -> TrainedModel:
        return self._typed(name, TrainedModel, False)

    def transformation(self, name: str) -> Transformation:
        return self._typed(name, Transformation, False)

    def evaluation_report(self, name: str, *, optional: bool = False) -> EvaluationReport | None:
        return self._typed(name, EvaluationReport, optional)


ProgressCallback = Callable[[float, str], None]


def _no_progress(fraction: float, message: str) -> None:
    """Default progress sink: ignore."""


@dataclass
class RunContext:
    """What a running step may use besides its inputs and params."""

    node_id: str
    work_dir: Path
    logger: logging.Logger = field(default_factory=lambda: logging.getLogger("kumi.step"))
    datasets: DatasetResolver | None = None
    timeout_s: float | None = None
    on_progress: ProgressCallback = _no_progress
    run_id: str | None = None
    """The pipeline run this step belongs to (None outside a run)."""
    saved: SavedValueLoader | None = None
    """Loads stored outputs frozen into a pipeline (Saved Trained Model ...)."""
    datastore: str | None = None
    """Root (folder or fsspec URL) that ``datastore://`` paths resolve against."""

    def log(self, message: str) -> None:
        """Write a line to the step's log."""
        self.logger.info(message)

    def progress(self, fraction: float, message: str = "") -> None:
        """Report progress in [0, 1] with an optional message."""
        self.on_progress(max(0.0, min(1.0, fraction)), message)

    def require_datasets(self) -> DatasetResolver:
        """The workspace's dataset resolver, or a clear error when run without one."""
        if self.datasets is None:
            raise ConfigurationError(
                "This step reads a registered dataset but the run has no workspace; run it "
                "through a workspace (kumi run --workspace DIR).",
            )
        return self.datasets


Outputs = dict[str, Any]


class Component(Generic[P]):
    """Base class of every component. Subclasses declare class attributes and ``run``."""

    id: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    description: ClassVar[str]
    version: ClassVar[str] = "1"
    Params: ClassVar[type[Params]] = NoParams
    inputs: ClassVar[tuple[InputPort, ...]] = ()
    outputs: ClassVar[tuple[OutputPort, ...]] = ()
    example_params: ClassVar[Mapping[str, Any]] = {}
    """Params with which the component runs on its example inputs (contract tests, docs)."""
    example_inputs: ClassVar[Mapping[str, str]] = {}
    """Per input port, the name of a standard example in :mod:`kumi.testing.examples`
    (default: the standard example of the port's type; optional ports stay unconnected
    unless named here)."""
    cacheable: ClassVar[bool] = True
    """False for components whose output may change with the same inputs (e.g. reading a
    URL); the engine then always runs them."""

    def run(self, params: P, inputs: Inputs, ctx: RunContext) -> Outputs:
        """Compute the outputs from the inputs. Must be deterministic for given params."""
        raise NotImplementedError

    def fingerprint(self, params: P, ctx: RunContext) -> str | None:
        """Extra cache-key material read from outside the inputs (a file's size and
        modification time, a dataset version). ``None`` when there is none."""
        return None

    def infer_schemas(
        self, params: P, inputs: Mapping[str, TableSchema]
    ) -> Mapping[str, TableSchema] | None:
        """Output table schemas computed from input schemas without running, when
        possible (used to validate column parameters before a run). ``None`` = unknown."""
        return None

    # -- declarations helpers ------------------------------------------------------------
    @classmethod
    def input_port(cls, name: str) -> InputPort | None:
        return next((p for p in cls.inputs if p.name == name), None)

    @classmethod
    def output_port(cls, name: str) -> OutputPort | None:
        return next((p for p in cls.outputs if p.name == name), None)
