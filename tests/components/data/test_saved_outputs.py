"""Saved Trained Model / Transformation / Table: stored outputs loaded by reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from kumi.components.data.saved_table import SavedTable
from kumi.components.data.saved_trained_model import SavedTrainedModel
from kumi.core import (
    ConfigurationError,
    Inputs,
    InvalidParameterError,
    NotFoundError,
    PortType,
    RunContext,
)
from kumi.engine import StoreValueLoader, publish
from kumi.storage import LocalArtifactStore
from kumi.testing import example


def _ctx(tmp_path: Path, store: LocalArtifactStore | None) -> RunContext:
    saved = StoreValueLoader(store) if store is not None else None
    return RunContext(node_id="md", work_dir=tmp_path, saved=saved)


def test_loads_a_published_model_and_fingerprints_by_content(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path / "store")
    ref = publish(example("binary_trained_model"), PortType.TRAINED_MODEL, store, tmp_path / "s")
    params = SavedTrainedModel.Params(**ref.to_dict(), source="run 1 · train.trained_model")
    out = SavedTrainedModel().run(params, Inputs({}), _ctx(tmp_path, store))
    model = out["trained_model"]
    scored = model.score(example("table"))
    expected = example("binary_trained_model").score(example("table"))
    assert scored.frame["Scored Labels"].tolist() == expected.frame["Scored Labels"].tolist()
    assert SavedTrainedModel().fingerprint(params, _ctx(tmp_path, store)) == ref.content_hash


def test_clear_errors_for_missing_reference_store_or_value(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path / "store")
    with pytest.raises(InvalidParameterError, match="key"):
        SavedTable().run(SavedTable.Params(), Inputs({}), _ctx(tmp_path, store))
    gone = SavedTable.Params(key="artifacts/aa/aa", content_hash="aa", port_type="table")
    with pytest.raises(NotFoundError, match="no longer"):
        SavedTable().run(gone, Inputs({}), _ctx(tmp_path, store))
    with pytest.raises(ConfigurationError, match="artifact store"):
        SavedTable().run(gone, Inputs({}), _ctx(tmp_path, None))
    wrong = SavedTable.Params(key="k", content_hash="aa", port_type="trained_model")
    with pytest.raises(InvalidParameterError, match="not a table"):
        SavedTable().run(wrong, Inputs({}), _ctx(tmp_path, store))
