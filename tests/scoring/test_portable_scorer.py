"""The Python graph as a picklable scorer: it carries the frozen values the request path reads,
nothing of the workspace, and scores like the runtime after a pickle round trip."""

from __future__ import annotations

import pickle
import pickletools
from pathlib import Path

import cloudpickle
import pandas as pd
import pytest

from kumi.registry import default_registry
from kumi.scoring.realtime import PortableScorer, load_runtime, workspace_context
from kumi.storage.workspace import Workspace
from tests.scoring.realtime_documents import ROW, penguins_document


def _portable(workspace: Workspace, folder: Path) -> tuple[PortableScorer, list[dict[str, object]]]:
    runtime = load_runtime(
        penguins_document(script=True),
        registry=default_registry(),
        context=workspace_context(workspace, folder, endpoint="portable"),
    )
    try:
        assert runtime.runtime == "python"
        rows = [ROW, {**ROW, "island": "Dream", "bill_length_mm": 39.0, "sex": None}]
        return runtime.portable(), runtime.predict(rows)
    finally:
        runtime.close()


def _module_names(data: bytes) -> set[str]:
    texts = (arg for op, arg, _ in pickletools.genops(data) if isinstance(arg, str))
    return {text for text in texts if text.replace(".", "").replace("_", "").isalnum()}


def test_pickled_scorer_holds_no_workspace_and_scores_like_the_runtime(
    shared_workspace: Workspace, tmp_path: Path
) -> None:
    portable, expected = _portable(shared_workspace, tmp_path)
    frame = pd.DataFrame([ROW, {**ROW, "island": "Dream", "bill_length_mm": 39.0, "sex": None}])
    before = portable.score_frame(frame)  # starts the warm script process
    data = cloudpickle.dumps(portable)
    portable.close()
    names = _module_names(data)
    assert "kumi.scoring.realtime.portable" in names and "sklearn.pipeline" in names
    assert not {n.split(".")[0] for n in names} & {"sqlalchemy", "logging", "subprocess"}
    assert not any(n.startswith(("kumi.storage", "kumi.engine")) for n in names)
    assert ("data", "dataset") not in portable.frozen  # training data left behind
    assert "penguins" not in {
        str(v) for n in portable.graph.document.nodes for v in n.params.values()
    }
    assert set(portable.frozen) == {
        ("clean", "cleaning_transformation"),
        ("train", "trained_model"),
    }
    loaded = pickle.loads(data)
    try:
        after = loaded.score_frame(frame)
    finally:
        loaded.close()
    assert list(after["Scored Labels"]) == [r["Scored Labels"] for r in expected]
    assert list(after["Scored Labels"]) == list(before["Scored Labels"])
    for column in [c for c in after.columns if c.startswith("Scored Probabilities")]:
        assert list(after[column]) == pytest.approx([r[column] for r in expected], abs=1e-12)
    assert loaded.score_frame(frame.head(0)).empty
