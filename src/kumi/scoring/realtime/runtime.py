"""A real-time endpoint's scoring runtime: the signature, request validation, and the ONNX
chain or the in-process Python graph."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from kumi.core import ColumnType, KumiError, Table, column_type_of
from kumi.graph import PipelineDocument
from kumi.registry import ComponentRegistry
from kumi.scoring import onnx_chain  # a module import: onnx_chain imports this package
from kumi.scoring.realtime.graph import RealtimeGraph, build_graph
from kumi.scoring.realtime.portable import PortableScorer
from kumi.scoring.realtime.python_path import ContextFactory, PythonGraphScorer
from kumi.scoring.realtime.signature import Signature
from kumi.scoring.realtime.validation import ExtraColumns, RowValidator

Rows = list[dict[str, Any]]
_EXAMPLES: dict[ColumnType, Any] = {
    ColumnType.INTEGER: 0,
    ColumnType.DOUBLE: 0.0,
    ColumnType.BOOLEAN: False,
    ColumnType.STRING: "text",
    ColumnType.DATETIME: "2024-01-01T00:00:00",
}


class RealtimeRuntime:
    """Scores request rows; ``runtime`` is "onnx" or "python" (``runtime_reason`` says why
    the Python graph runs)."""

    def __init__(
        self,
        graph: RealtimeGraph,
        python: PythonGraphScorer,
        signature: Signature,
        onnx: onnx_chain.OnnxChoice,
        extra_columns: ExtraColumns = "ignore",
    ) -> None:
        self.graph = graph
        self._python = python
        self._onnx = onnx.scorer
        self.runtime = "onnx" if onnx.scorer is not None else "python"
        self.runtime_reason = onnx.reason
        self._categorical = [c.name for c in signature.inputs if c.categorical]
        self._output_name = next(iter(graph.output_nodes))
        self.signature = _with_outputs(signature, self)
        self.validator = RowValidator(self.signature, extra_columns)

    def score(self, rows: Any) -> dict[str, Rows]:
        """``{output name: rows}`` (Azure's ``Results``) for request ``rows``."""
        columns = self.validator.columns(rows)
        if not rows:
            return {name: [] for name in self.graph.output_nodes}
        if self._onnx is not None:
            return {self._output_name: _records(self._onnx.run_columns(columns))}
        return {name: _frame_records(t.frame) for name, t in self._score_python(columns).items()}

    def predict(self, rows: Any) -> Rows:
        """The score columns of the first output (MLflow's ``predictions``)."""
        results = self.score(rows)[self._output_name]
        wanted = self.signature.score_columns
        if not wanted:
            return results
        return [{name: row.get(name) for name in wanted} for row in results]

    def score_table(self, columns: Mapping[str, np.ndarray]) -> dict[str, Table]:
        """The Python graph's output tables (used to learn the output columns)."""
        return self._score_python(columns)

    def _score_python(self, columns: Mapping[str, np.ndarray]) -> dict[str, Table]:
        table = Table.of(pd.DataFrame(dict(columns)), categorical=self._categorical)
        return self._python.score(table)

    @property
    def onnx_scorer(self) -> onnx_chain.ColumnScorer | None:
        """The compiled ONNX scorer serving requests (None: the Python graph does)."""
        return self._onnx

    def portable(self) -> PortableScorer:
        """The Python graph as a picklable scorer holding its frozen values."""
        return PortableScorer(self.graph, self._python.frozen, self.signature)

    def close(self) -> None:
        self._python.close()


def load_runtime(
    document: PipelineDocument | Mapping[str, Any],
    *,
    registry: ComponentRegistry,
    context: ContextFactory,
    extra_columns: ExtraColumns = "ignore",
) -> RealtimeRuntime:
    """Build the runtime: frozen nodes computed now, the ONNX chain compiled when it can be."""
    parsed = (
        document if isinstance(document, PipelineDocument) else PipelineDocument.from_dict(document)
    )
    graph = build_graph(parsed, registry)
    python = PythonGraphScorer(graph, context)
    signature = _input_signature(graph, python.sample_table())
    onnx = onnx_chain.compile_graph(graph, python.frozen, signature.inputs)
    return RealtimeRuntime(graph, python, signature, onnx, extra_columns)


def _input_signature(graph: RealtimeGraph, sample: Table | None) -> Signature:
    name = graph.input_name
    if graph.input_schema:
        signature = Signature.from_input_schema(name, graph.input_schema)
    elif sample is not None:
        leave_out = [sample.label] if sample.label else []
        signature = Signature.from_schema(name, sample.schema(), leave_out=leave_out)
    else:
        signature = Signature(name, ())
    return Signature(name, signature.inputs, {}, _example_rows(signature, sample))


def _example_rows(signature: Signature, sample: Table | None) -> Rows:
    names = [c.name for c in signature.inputs]
    if sample is not None and len(sample) and all(n in sample.columns for n in names):
        return _frame_records(_iso_times(sample.frame[names or sample.columns].head(2)))
    return [{c.name: _EXAMPLES[c.type] for c in signature.inputs}] if names else []


def _iso_times(frame: pd.DataFrame) -> pd.DataFrame:
    """Date/time columns as ISO 8601 text (missing: None), so that examples are JSON."""
    times = [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c].dtype)]
    if not times:
        return frame
    frame = frame.copy()
    for column in times:
        text = frame[column].map(lambda t: t.isoformat(), na_action="ignore")
        frame[column] = text.astype(object).where(frame[column].notna(), None)
    return frame


def _with_outputs(signature: Signature, runtime: RealtimeRuntime) -> Signature:
    """``signature`` with the output columns learned by scoring its example once."""
    if not signature.example_rows:
        return signature
    try:
        columns = RowValidator(signature).columns(signature.example_rows)
        tables = runtime.score_table(columns)
    except KumiError:
        return signature
    outputs = {
        name: [(str(c), column_type_of(t.frame[c])) for c in t.frame.columns]
        for name, t in tables.items()
    }
    return Signature(signature.input_name, signature.inputs, outputs, signature.example_rows)


def _frame_records(frame: pd.DataFrame) -> Rows:
    names = [str(c) for c in frame.columns]
    lists = [_plain(frame[c].tolist()) for c in frame.columns]
    return [dict(zip(names, values, strict=True)) for values in zip(*lists, strict=True)]


def _records(columns: Mapping[str, np.ndarray]) -> Rows:
    names = list(columns)
    lists = [_plain(np.asarray(a).reshape(len(a), -1)[:, 0].tolist()) for a in columns.values()]
    return [dict(zip(names, values, strict=True)) for values in zip(*lists, strict=True)]


def _plain(values: list[Any]) -> list[Any]:
    """NaN (pandas' missing value) as None, so answers are valid JSON."""
    if any(type(v) is float and math.isnan(v) for v in values):
        return [None if type(v) is float and math.isnan(v) else v for v in values]
    return values
