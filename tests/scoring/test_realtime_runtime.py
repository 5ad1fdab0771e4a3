"""The real-time runtime: frozen parts computed once, per-request rows validated and scored
like Score Model scores them, Execute Python Script kept warm."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kumi.core import ColumnNotFoundError, ColumnTypeError, DataFormatError, StepFailedError
from kumi.registry import default_registry
from kumi.scoring import onnx_chain
from kumi.scoring.realtime import RealtimeRuntime, load_runtime, workspace_context
from kumi.storage.workspace import Workspace
from tests.scoring.realtime_documents import ROW, penguins_document


def _runtime(workspace: Workspace, folder: Path, **kw: object) -> RealtimeRuntime:
    return load_runtime(
        penguins_document(**kw),  # type: ignore[arg-type]
        registry=default_registry(),
        context=workspace_context(workspace, folder, endpoint="test"),
    )


@pytest.fixture(scope="module")
def runtime(
    shared_workspace: Workspace, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RealtimeRuntime]:
    loaded = _runtime(shared_workspace, tmp_path_factory.mktemp("rt"))
    yield loaded
    loaded.close()


def test_signature_leaves_the_label_out_and_learns_the_outputs(runtime: RealtimeRuntime) -> None:
    signature = runtime.signature.to_dict()
    inputs = {c["name"]: c for c in signature["inputs"]["input1"]}
    assert "species" not in inputs
    assert inputs["island"] == {
        "name": "island",
        "type": "string",
        "categorical": True,
        "required": True,
    }
    assert inputs["year"]["type"] == "integer"
    outputs = [c["name"] for c in signature["outputs"]["output1"]]
    assert outputs[-4:] == [
        "Scored Labels",
        "Scored Probabilities_Adelie",
        "Scored Probabilities_Chinstrap",
        "Scored Probabilities_Gentoo",
    ]
    assert runtime.signature.input_example()["Inputs"]["input1"][0]["island"] == "Torgersen"


def test_scores_equal_score_model_on_the_same_rows(runtime: RealtimeRuntime) -> None:
    python = runtime._python
    model = python.frozen[("train", "trained_model")]
    cleaning = python.frozen[("clean", "cleaning_transformation")]
    table = python.sample_table()
    assert table is not None
    rows = table.frame.drop(columns=["species"]).head(30)
    expected = model.score(cleaning.apply(table.derive(table.frame.head(30)))).frame
    records = [{k: (None if v != v else v) for k, v in r.items()} for r in rows.to_dict("records")]
    scored = runtime.score(records)["output1"]
    assert [r["Scored Labels"] for r in scored] == expected["Scored Labels"].tolist()
    got = [r["Scored Probabilities_Gentoo"] for r in scored]
    assert got == pytest.approx(expected["Scored Probabilities_Gentoo"].tolist(), abs=1e-9)
    assert runtime.predict([ROW]) == [
        {k: v for k, v in runtime.score([ROW])["output1"][0].items() if k.startswith("Scored ")}
    ]
    assert runtime.predict([ROW])[0]["Scored Labels"] == "Gentoo"


def test_bad_rows_name_the_row_and_the_column(runtime: RealtimeRuntime) -> None:
    with pytest.raises(ColumnTypeError, match=r"Row 1, column 'bill_length_mm'.*number.*'long'"):
        runtime.score([ROW, {**ROW, "bill_length_mm": "long"}])
    missing = {k: v for k, v in ROW.items() if k != "sex"}
    with pytest.raises(ColumnNotFoundError, match=r"Row 2, column 'sex'.*missing") as error:
        runtime.score([ROW, ROW, missing])
    assert error.value.details == {"row": 2, "column": "sex"}
    with pytest.raises(DataFormatError, match="Row 0 must be a JSON object"):
        runtime.score([[1, 2]])
    with pytest.raises(ColumnTypeError, match="column 'year'"):
        runtime.score([{**ROW, "year": True}])
    assert runtime.score([{**ROW, "year": 2008.0, "sex": None, "unknown": 1}])["output1"]
    assert runtime.score([]) == {"output1": []}
    assert runtime.predict([]) == []


def test_extra_columns_are_rejected_when_asked(shared_workspace: Workspace, tmp_path: Path) -> None:
    strict = load_runtime(
        penguins_document(),
        registry=default_registry(),
        context=workspace_context(shared_workspace, tmp_path, endpoint="strict"),
        extra_columns="reject",
    )
    with pytest.raises(ColumnNotFoundError, match=r"Row 0, column 'colour'"):
        strict.score([{**ROW, "colour": "black"}])
    strict.close()


def test_python_script_on_the_scoring_path_runs_warm(
    shared_workspace: Workspace, tmp_path: Path
) -> None:
    warm = _runtime(shared_workspace, tmp_path, script=True)
    try:
        first = warm.score([ROW])["output1"][0]
        second = warm.score([ROW, ROW])["output1"]
        pids = {first["host_pid"], *(r["host_pid"] for r in second)}
        assert len(pids) == 1 and os.getpid() not in pids
        assert first["Scored Labels"] == "Gentoo"
        with pytest.raises(StepFailedError, match="negative bill length"):
            warm.score([{**ROW, "bill_length_mm": -1.0}])
        assert warm.score([ROW])["output1"][0]["host_pid"] in pids
        assert warm.runtime == "python"
    finally:
        warm.close()


def test_the_onnx_chain_is_recognized_and_scripts_are_not(runtime: RealtimeRuntime) -> None:
    parts = onnx_chain.chain_parts(runtime.graph, runtime._python.frozen)
    assert not isinstance(parts, str)
    transformations, model = parts
    assert len(transformations) == 1 and model.label_column == "species"
    assert (runtime.runtime, runtime.runtime_reason) == ("onnx", "")


def test_the_onnx_path_answers_what_the_python_graph_answers(runtime: RealtimeRuntime) -> None:
    rows = [ROW, {**ROW, "bill_length_mm": None, "island": None}, {**ROW, "sex": "female"}]
    onnx_rows = runtime.score(rows)["output1"]
    python = runtime.score_table(runtime.validator.columns(rows))["output1"].frame
    assert [r["Scored Labels"] for r in onnx_rows] == list(python["Scored Labels"])
    for column in [c for c in python.columns if c.startswith("Scored Probabilities")]:
        got = [r[column] for r in onnx_rows]
        assert got == pytest.approx(list(python[column]), abs=1e-6)


def test_a_script_breaks_the_onnx_chain(shared_workspace: Workspace, tmp_path: Path) -> None:
    warm = _runtime(shared_workspace, tmp_path, script=True)
    try:
        reason = onnx_chain.chain_parts(warm.graph, warm._python.frozen)
        assert reason == "step 'script' (execute_python_script) has no ONNX form"
        assert warm.runtime_reason == reason
    finally:
        warm.close()
