"""A real-time endpoint's Python graph as one picklable object: the per-request nodes and the
frozen values they read (trained models, transformations, tables, script bundles), so that a
packaged model scores without the workspace it was deployed from."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
import threading
import weakref
from pathlib import Path
from typing import Any

import pandas as pd

from kumi.core import Table
from kumi.scoring.realtime.graph import RealtimeGraph
from kumi.scoring.realtime.python_path import PythonGraphScorer, Values, null_context
from kumi.scoring.realtime.signature import Signature
from kumi.scoring.realtime.validation import RowValidator

_TRANSIENT = ("_scorer", "_lock")


class PortableScorer:
    """Scores frames like the endpoint's Python graph. The warm Execute Python Script
    processes start on first use in a temporary folder; they are never pickled."""

    def __init__(self, graph: RealtimeGraph, frozen: Values, signature: Signature) -> None:
        self.graph = _request_part(graph)
        self.frozen = _read_by(self.graph, frozen)
        self.validator = RowValidator(signature)
        self.categorical = [c.name for c in signature.inputs if c.categorical]
        self.output_name = next(iter(graph.output_nodes))
        self.score_columns = signature.score_columns
        self._scorer: PythonGraphScorer | None = None
        self._lock = threading.Lock()

    def score_frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The first output's table for the rows of ``frame`` (checked like request rows)."""
        if frame.empty:
            return pd.DataFrame(columns=self.score_columns)
        columns = self.validator.columns(_records(frame))
        table = Table.of(pd.DataFrame(columns), categorical=self.categorical)
        return self._loaded().score(table)[self.output_name].frame

    def close(self) -> None:
        """Stop the script processes (a later call starts them again)."""
        with self._lock:
            if self._scorer is not None:
                self._scorer.close()

    def _loaded(self) -> PythonGraphScorer:
        with self._lock:
            if self._scorer is None:
                work = Path(tempfile.mkdtemp(prefix="kumi_model_"))
                self._scorer = PythonGraphScorer(self.graph, null_context(work), self.frozen)
                weakref.finalize(self, _clean_up, self._scorer, work)
            return self._scorer

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in _TRANSIENT}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._scorer = None
        self._lock = threading.Lock()


def _request_part(graph: RealtimeGraph) -> RealtimeGraph:
    """``graph`` with only its per-request nodes, in the graph and in its document (the
    frozen ones are computed already, and their params, e.g. connection settings, stay out)."""
    kept = set(graph.per_request)
    document = graph.document.model_copy(
        update={
            "parameters": {},
            "nodes": [n for n in graph.document.nodes if n.id in kept],
            "edges": [e for e in graph.document.edges if e.target and e.target.node in kept],
        }
    )
    nodes = {n: graph.nodes[n] for n in graph.per_request}
    return dataclasses.replace(graph, document=document, nodes=nodes, frozen=[])


def _read_by(graph: RealtimeGraph, frozen: Values) -> Values:
    """The frozen values some per-request node reads (not the data behind Web Service Input
    or the training data behind a model)."""
    readers = [node for node in graph.nodes.values() if node.id != graph.input_node]
    sources = {source for node in readers for source in node.inputs.values()}
    return {key: value for key, value in frozen.items() if key in sources}


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain Python values, missing values as None (what a JSON request holds)."""
    plain = frame.reset_index(drop=True).astype(object)
    records = plain.where(frame.notna().to_numpy(), None).to_dict("records")
    return [{str(k): v for k, v in row.items()} for row in records]


def _clean_up(scorer: PythonGraphScorer, work: Path) -> None:
    scorer.close()
    shutil.rmtree(work, ignore_errors=True)
