"""Small components for the engine tests (run in child processes too)."""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import Field

from kumi.core import (
    Category,
    Component,
    EvaluationReport,
    FileArtifact,
    InputPort,
    InvalidParameterError,
    ModelKind,
    OutputPort,
    Params,
    PortType,
    Table,
    TrainedModel,
    UntrainedModel,
)
from kumi.graph import PipelineBuilder
from kumi.registry import ComponentRegistry
from kumi.storage import LocalArtifactStore

TABLE_IN = InputPort("dataset", PortType.TABLE)
TABLE_OUT = OutputPort("results_dataset", PortType.TABLE)


class NumbersParams(Params):
    rows: int = Field(5, ge=1)
    seed: int = 0


class MakeNumbers(Component[NumbersParams]):
    id = "make_numbers"
    name = "Make Numbers"
    category = Category.DATA_INPUT_OUTPUT
    description = "A table of random numbers."
    Params = NumbersParams
    outputs = (TABLE_OUT,)

    def run(self, params, inputs, ctx):
        rng = np.random.default_rng(params.seed)
        frame = pd.DataFrame({"x": rng.normal(size=params.rows), "y": np.arange(params.rows)})
        return {"results_dataset": Table.of(frame, label="y")}


class VolatileNumbers(MakeNumbers):
    id = "volatile_numbers"
    name = "Volatile Numbers"
    cacheable = False


class AddParams(Params):
    column: str = "z"
    value: float = 1.0


class AddColumn(Component[AddParams]):
    id = "add_column"
    name = "Add Column"
    category = Category.DATA_TRANSFORMATION
    description = "Adds a constant column."
    Params = AddParams
    inputs = (TABLE_IN,)
    outputs = (TABLE_OUT,)

    def run(self, params, inputs, ctx):
        table = inputs.table("dataset")
        frame = table.frame.copy()
        frame[params.column] = params.value
        return {"results_dataset": table.derive(frame)}


class SleepParams(Params):
    seconds: float = 0.5


class SleepStep(Component[SleepParams]):
    """Sleeps, and reports when it started and ended (wall clock) in its output."""

    id = "sleep_step"
    name = "Sleep Step"
    category = Category.DATA_TRANSFORMATION
    description = "Sleeps."
    Params = SleepParams
    inputs = (InputPort("dataset", PortType.TABLE, optional=True),)
    outputs = (TABLE_OUT,)

    def run(self, params, inputs, ctx):
        started = time.time()
        time.sleep(params.seconds)
        frame = pd.DataFrame({"started": [started], "ended": [time.time()], "pid": [os.getpid()]})
        return {"results_dataset": Table.of(frame)}


class ExitStep(Component):
    id = "exit_step"
    name = "Exit Step"
    category = Category.DATA_TRANSFORMATION
    description = "Leaves the process abruptly."
    inputs = (InputPort("dataset", PortType.TABLE, optional=True),)
    outputs = (TABLE_OUT,)

    def run(self, params, inputs, ctx):
        print("about to leave", flush=True)
        os._exit(3)


class SegfaultStep(ExitStep):
    id = "segfault_step"
    name = "Segfault Step"

    def run(self, params, inputs, ctx):
        ctypes.string_at(0)


class HangStep(ExitStep):
    id = "hang_step"
    name = "Hang Step"

    def run(self, params, inputs, ctx):
        time.sleep(3600)


class FailParams(Params):
    kind: str = "python"


class FailStep(Component[FailParams]):
    id = "fail_step"
    name = "Fail Step"
    category = Category.DATA_TRANSFORMATION
    description = "Raises."
    Params = FailParams
    inputs = (InputPort("dataset", PortType.TABLE, optional=True),)
    outputs = (TABLE_OUT,)

    def run(self, params, inputs, ctx):
        if params.kind == "kumi":
            raise InvalidParameterError(
                "Threshold 7 is too high; use at most 5.", details={"parameter": "threshold"}
            )
        if params.kind == "wrong_output":
            return {"results_dataset": "not a table"}
        raise ValueError("boom from the component")


class NoisyStep(Component):
    """Writes through print, logging, raw file descriptors and a subprocess."""

    id = "noisy_step"
    name = "Noisy Step"
    category = Category.DATA_TRANSFORMATION
    description = "Talks a lot."
    inputs = (InputPort("dataset", PortType.TABLE, optional=True),)
    outputs = (TABLE_OUT,)

    def run(self, params, inputs, ctx):
        print("printed line")
        print("printed to stderr", file=sys.stderr)
        logging.getLogger("some.library").warning("library warning")
        ctx.log("context log line")
        os.write(1, b"raw fd1 write\n")
        os.write(2, b"raw fd2 write\n")
        os.system("echo from a subprocess")
        ctx.progress(0.5, "half way")
        return {"results_dataset": Table.of(pd.DataFrame({"a": [1]}))}


class MeanModel(TrainedModel):
    kind = ModelKind.REGRESSOR
    learner_id = "mean"

    def __init__(self, mean: float) -> None:
        self.mean_ = mean
        self.label_column = "y"
        self.feature_columns_ = ["x"]
        self.classes_ = None

    def score(self, table: Table) -> Table:
        frame = table.frame.copy()
        frame["Scored Labels"] = self.mean_
        return table.derive(frame)

    def describe(self) -> dict[str, Any]:
        return {"mean": self.mean_}


class MeanLearner(UntrainedModel):
    kind = ModelKind.REGRESSOR
    learner_id = "mean"

    def fit(self, table: Table, label_column: str | None) -> TrainedModel:
        return MeanModel(float(table.frame[label_column].mean()))

    def describe(self) -> dict[str, Any]:
        return {}


class TrainMean(Component):
    id = "train_mean"
    name = "Train Mean"
    category = Category.MODEL_TRAINING
    description = "Fits a mean model and reports on it."
    inputs = (TABLE_IN,)
    outputs = (
        OutputPort("trained_model", PortType.TRAINED_MODEL),
        OutputPort("evaluation_results", PortType.EVALUATION_REPORT),
        OutputPort("file", PortType.FILE),
    )

    def run(self, params, inputs, ctx):
        model = MeanLearner().fit(inputs.table("dataset"), "y")
        report = EvaluationReport("regression", {"mean": np.float64(model.mean_)})
        file = FileArtifact("model.txt", f"mean={model.mean_}".encode(), "text/plain")
        return {"trained_model": model, "evaluation_results": report, "file": file}


class FileParams(Params):
    path: str


class ReadText(Component[FileParams]):
    """A source whose cache key includes the file's modification time."""

    id = "read_text"
    name = "Read Text"
    category = Category.DATA_INPUT_OUTPUT
    description = "Reads lines."
    Params = FileParams
    outputs = (TABLE_OUT,)

    def run(self, params, inputs, ctx):
        lines = Path(params.path).read_text().splitlines()
        return {"results_dataset": Table.of(pd.DataFrame({"line": lines}))}

    def fingerprint(self, params, ctx):
        stat = Path(params.path).stat()
        return f"{stat.st_size}:{stat.st_mtime_ns}"


ALL = [
    MakeNumbers,
    VolatileNumbers,
    AddColumn,
    SleepStep,
    ExitStep,
    SegfaultStep,
    HangStep,
    FailStep,
    NoisyStep,
    TrainMean,
    ReadText,
]


def registry() -> ComponentRegistry:
    return ComponentRegistry(ALL)


def chain(length: int, *, name: str = "chain"):
    """make_numbers → (length - 1) add_column steps."""
    p = PipelineBuilder(name)
    prev = p.node("make_numbers", id="n0", rows=20)
    for i in range(1, length):
        prev = p.node("add_column", id=f"n{i}", column=f"c{i}", dataset=prev.results_dataset)
    return p.build()


class DatasetParams(Params):
    name: str
    version: int | None = None


class DatasetSource(Component[DatasetParams]):
    id = "dataset"
    name = "Dataset"
    category = Category.DATASETS
    description = "A registered dataset."
    Params = DatasetParams
    outputs = (OutputPort("dataset", PortType.TABLE),)

    def run(self, params, inputs, ctx):
        return {"dataset": ctx.require_datasets().load_table(params.name, params.version)}

    def fingerprint(self, params, ctx):
        return ctx.require_datasets().version_token(params.name, params.version)


class FolderDatasets:
    """A picklable DatasetResolver over CSV files named <name>.<version>.csv."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, name, version):
        version = version or max(
            int(p.name.split(".")[1]) for p in self.folder.glob(f"{name}.*.csv")
        )
        return self.folder / f"{name}.{version}.csv"

    def load_table(self, name, version=None):
        return Table.of(pd.read_csv(self._path(name, version)))

    def table_schema(self, name, version=None):
        return self.load_table(name, version).schema()

    def version_token(self, name, version=None):
        path = self._path(name, version)
        return f"{path.name}:{path.stat().st_mtime_ns}"


ALL.append(DatasetSource)


class SlowStore(LocalArtifactStore):
    """A local store that takes ``delay`` seconds to publish each step output (not the
    column chunks), to observe what happens while outputs are still being written."""

    def __init__(self, root: str | Path, delay: float) -> None:
        super().__init__(root)
        self.delay = delay

    def put_dir(self, local_dir: Path, key: str) -> str:
        if key.startswith("artifacts/"):
            time.sleep(self.delay)
        return super().put_dir(local_dir, key)


class FullStore(LocalArtifactStore):
    """A local store that cannot take step outputs (as on a full disk)."""

    def put_dir(self, local_dir: Path, key: str) -> str:
        if key.startswith("artifacts/"):
            raise OSError(28, "No space left on device")
        return super().put_dir(local_dir, key)
