"""Every family's model, alone, as one ONNX graph reproduces the Python predictions."""

from __future__ import annotations

import numpy as np
import onnxruntime as ort
import pytest

from kumi.automl.model import AutoMLModel
from tests.automl.model_standins import FAMILIES, featurizers, member, table

LABELS = {"binary": np.array([3, 7]), "multiclass": np.array(["bird", "cat", "dog"])}


def run_onnx(model: AutoMLModel, frame) -> dict[str, np.ndarray]:
    session = ort.InferenceSession(model.to_onnx().SerializeToString())
    names = [o.name for o in session.get_outputs()]
    return dict(zip(names, session.run(None, model.onnx_feed(frame)), strict=True))


@pytest.mark.parametrize("task", ["binary", "multiclass", "regression"])
@pytest.mark.parametrize("family", FAMILIES)
def test_family_graph_matches_python(family: str, task: str) -> None:
    frame, y = table(task, rows=900)
    train, scored = frame.iloc[:600], frame
    prepared = featurizers(train)
    one = member(family, task, train, y[:600], prepared, folds=2)
    if task == "regression":
        model = AutoMLModel("regression", [one], prepared)
        outputs = run_onnx(model, scored)
        expected = model.predict(scored)
        assert set(outputs) == {"variable"}
        assert outputs["variable"].shape == (len(scored), 1)
        scale = max(1.0, float(np.abs(expected).max()))
        assert np.abs(outputs["variable"][:, 0] - expected).max() <= 1e-4 * scale
        return
    model = AutoMLModel("classification", [one], prepared, classes=LABELS[task])
    outputs = run_onnx(model, scored)
    expected = model.predict_proba(scored)
    assert outputs["probabilities"].shape == expected.shape
    assert np.abs(outputs["probabilities"] - expected).max() <= 1e-4
    assert (outputs["label"] == model.predict(scored)).all()
